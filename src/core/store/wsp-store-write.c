/* wsp-store-write.c — saves, deletes, restores and resolutions made on this laptop
 *
 * A save writes a change that holds exactly the fields a person set, with
 * their new values, and descends from every current version of the record:
 * a field's value is then decided by the writes of that field that no later
 * write of it has seen (wsp-store-projection.c). So an edit made on a stale
 * copy never undoes another field, an edit during an open conflict touches
 * only the fields it sets, and setting a field back to an earlier value is
 * a write like any other. Each change's id is its generation and the
 * SHA-256 of what it says: the same change made twice is one change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "base/wsp-json.h"
#include "records/wsp-entities.h"
#include "store/wsp-store-private.h"

void
wsp_change_free (WspChange *change)
{
  g_free (change->rev_id);
  g_free (change->record_id);
  g_free (change->entity);
  g_strfreev (change->parents);
  g_clear_pointer (&change->sets, json_object_unref);
  g_free (change->hlc);
  g_free (change->stream);
  g_free (change);
}

/* For sorting arrays of strings. */
int
wsp_store_compare_strings (gconstpointer a,
                           gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

/* A change's id: its generation and the SHA-256 of everything it says, so
 * the same change is the same wherever it was made, and a changed byte
 * gives another id. */
char *
wsp_store_change_id (const char *entity,
                     const char *record_id,
                     gint64      gen,
                     const char *parents_text,
                     const char *sets_text)
{
  g_autoptr (GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  g_checksum_update (checksum, (const guchar *) "change\n", 7);
  g_checksum_update (checksum, (const guchar *) entity, -1);
  g_checksum_update (checksum, (const guchar *) "\n", 1);
  g_checksum_update (checksum, (const guchar *) record_id, -1);
  g_checksum_update (checksum, (const guchar *) "\n", 1);
  g_checksum_update (checksum, (const guchar *) parents_text, -1);
  g_checksum_update (checksum, (const guchar *) "\n", 1);
  g_checksum_update (checksum, (const guchar *) sets_text, -1);
  return g_strdup_printf ("%" G_GINT64_FORMAT "-%s", gen, g_checksum_get_string (checksum));
}

/* The canonical text of sorted @parents: a JSON array. */
char *
wsp_store_parents_text (const char * const *parents)
{
  g_autoptr (JsonArray) array = json_array_new ();
  g_autoptr (JsonNode) node = NULL;

  for (guint i = 0; parents != NULL && parents[i] != NULL; i++)
    json_array_add_string_element (array, parents[i]);
  node = json_node_init_array (json_node_alloc (), array);
  return wsp_json_canonical (node);
}

/* Adds a change to the log (nothing when it is there already: @inserted
 * then says FALSE). */
gboolean
wsp_store_insert_change (WspStore    *self,
                         const char  *rev_id,
                         const char  *record_id,
                         const char  *entity,
                         gint64       gen,
                         const char  *parents_text,
                         const char  *sets_text,
                         const char  *hlc,
                         const char  *stream,
                         gint64       stream_seq,
                         const char  *prev,
                         const char  *chain,
                         gboolean    *inserted,
                         GError     **error)
{
  sqlite3_stmt *stmt = wsp_database_statement (self->database,
                                               "INSERT OR IGNORE INTO changes (rev_id, record_id, entity, gen, "
                                               "parents, sets, hlc, stream, stream_seq, prev, chain, leaf) "
                                               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
                                               error);

  if (stmt == NULL)
    return FALSE;
  wsp_database_bind_text (stmt, 1, rev_id);
  wsp_database_bind_text (stmt, 2, record_id);
  wsp_database_bind_text (stmt, 3, entity);
  sqlite3_bind_int64 (stmt, 4, gen);
  wsp_database_bind_text (stmt, 5, parents_text);
  wsp_database_bind_text (stmt, 6, sets_text);
  wsp_database_bind_text (stmt, 7, hlc);
  wsp_database_bind_text (stmt, 8, stream);
  sqlite3_bind_int64 (stmt, 9, stream_seq);
  wsp_database_bind_text (stmt, 10, prev);
  wsp_database_bind_text (stmt, 11, chain);
  if (!wsp_database_step_done (self->database, stmt, error))
    return FALSE;
  *inserted = wsp_database_changes (self->database) > 0;
  return TRUE;
}

/* A change is a leaf while no other change names it a parent: @rev_id's
 * parents are no longer leaves, and @rev_id is not one when a change
 * already held names it (it came after its child). */
gboolean
wsp_store_mark_parents (WspStore            *self,
                        const char          *record_id,
                        const char          *rev_id,
                        const char * const  *parents,
                        GError             **error)
{
  sqlite3_stmt *stmt;
  int rc;

  for (guint i = 0; parents != NULL && parents[i] != NULL; i++)
    {
      stmt = wsp_database_statement (self->database, "UPDATE changes SET leaf = 0 WHERE rev_id = ?", error);
      if (stmt == NULL)
        return FALSE;
      wsp_database_bind_text (stmt, 1, parents[i]);
      if (!wsp_database_step_done (self->database, stmt, error))
        return FALSE;
    }

  stmt = wsp_database_statement (self->database,
                                 "SELECT 1 FROM changes c, json_each (c.parents) j "
                                 "WHERE c.record_id = ? AND j.value = ? LIMIT 1",
                                 error);
  if (stmt == NULL)
    return FALSE;
  wsp_database_bind_text (stmt, 1, record_id);
  wsp_database_bind_text (stmt, 2, rev_id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return wsp_database_set_error (self->database, rc, error);
  if (rc == SQLITE_DONE)
    return TRUE;
  stmt = wsp_database_statement (self->database, "UPDATE changes SET leaf = 0 WHERE rev_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  wsp_database_bind_text (stmt, 1, rev_id);
  return wsp_database_step_done (self->database, stmt, error);
}

/* ---- this laptop's changes ----------------------------------------------- */

/* How a record stands now, for writing on top of it. */
typedef struct
{
  gboolean    exists;
  gboolean    deleted;
  JsonObject *body;
  GPtrArray  *leaves;    /* rev_ids */
  gint64      max_gen;
  GPtrArray  *conflicts; /* field names, WSP_STORE_DELETED_FIELD for a delete */
} Head;

static void
head_clear (Head *head)
{
  g_clear_pointer (&head->body, json_object_unref);
  g_clear_pointer (&head->leaves, g_ptr_array_unref);
  g_clear_pointer (&head->conflicts, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Head, head_clear)

static gboolean
load_head (WspStore    *self,
           const char  *id,
           Head        *head,
           GError     **error)
{
  sqlite3_stmt *stmt = wsp_database_statement (self->database,
                                               "SELECT deleted, body FROM records WHERE id = ?", error);
  int rc;

  head->leaves = g_ptr_array_new_with_free_func (g_free);
  head->conflicts = g_ptr_array_new_with_free_func (g_free);
  if (stmt == NULL)
    return FALSE;
  wsp_database_bind_text (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      head->exists = TRUE;
      head->deleted = sqlite3_column_int (stmt, 0) != 0;
      head->body = wsp_json_parse_object ((const char *) sqlite3_column_text (stmt, 1), NULL);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return wsp_database_set_error (self->database, rc, error);
  if (head->body == NULL)
    head->body = json_object_new ();
  if (!head->exists)
    return TRUE;

  stmt = wsp_database_statement (self->database,
                                 "SELECT rev_id, gen FROM changes WHERE record_id = ? AND leaf = 1", error);
  if (stmt == NULL)
    return FALSE;
  wsp_database_bind_text (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (head->leaves, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      head->max_gen = MAX (head->max_gen, sqlite3_column_int64 (stmt, 1));
    }
  if (!wsp_database_rows_done (self->database, stmt, rc, error))
    return FALSE;

  stmt = wsp_database_statement (self->database, "SELECT field FROM conflicts WHERE record_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  wsp_database_bind_text (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (head->conflicts, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  return wsp_database_rows_done (self->database, stmt, rc, error);
}

/* Adds a change made on this laptop, on top of @head's current versions,
 * and works out its record again. */
static gboolean
add_local_change (WspStore    *self,
                  const char  *entity,
                  const char  *record_id,
                  Head        *head,
                  JsonObject  *sets,
                  GError     **error)
{
  g_autofree char *sets_text = wsp_json_object_canonical (sets);
  g_autofree char *parents_text = NULL;
  g_autofree char *hlc_text = NULL;
  g_autofree char *rev_id = NULL;
  g_autofree char *prev = NULL;
  g_autofree char *chain = NULL;
  gboolean inserted = FALSE;
  gint64 gen = head->max_gen + 1, seq = 0;

  g_ptr_array_sort (head->leaves, wsp_store_compare_strings);
  g_ptr_array_add (head->leaves, NULL);
  parents_text = wsp_store_parents_text ((const char * const *) head->leaves->pdata);
  rev_id = wsp_store_change_id (entity, record_id, gen, parents_text, sets_text);

  self->hlc = wsp_hlc_send (self->hlc, wsp_hlc_now_millis ());
  hlc_text = wsp_hlc_to_string (self->hlc);
  if (!wsp_database_set_meta (self->database, "hlc", hlc_text, error)
      || !wsp_store_number_own (self, rev_id, &seq, &prev, &chain, error))
    return FALSE;

  if (!wsp_store_insert_change (self, rev_id, record_id, entity, gen, parents_text, sets_text, hlc_text,
                                self->stream, seq, prev, chain, &inserted, error))
    return FALSE;
  /* The same change already came from another laptop: this laptop's number
   * for it is noted, so its own numbering has no gap. */
  if (!inserted)
    return wsp_store_add_alias (self, self->stream, seq, rev_id, prev, chain, error);
  if (!wsp_store_advance_run (self, self->stream, error))
    return FALSE;
  if (!wsp_store_mark_parents (self, record_id, rev_id, (const char * const *) head->leaves->pdata, error))
    return FALSE;
  return wsp_store_reproject (self, record_id, error);
}

static gboolean
reload_record (WspStore   *self,
               WspRecord  *record,
               GError    **error)
{
  g_autoptr (WspRecord) fresh = wsp_store_get (self, wsp_record_get_id (record), error);

  if (fresh == NULL)
    return FALSE;
  wsp_record_load (record, wsp_record_get_values (fresh), wsp_record_get_revision (fresh),
                   wsp_record_get_conflicted (fresh));
  return TRUE;
}

static gboolean
is_conflicted (Head       *head,
               const char *field)
{
  for (guint i = 0; i < head->conflicts->len; i++)
    if (strcmp (g_ptr_array_index (head->conflicts, i), field) == 0)
      return TRUE;
  return FALSE;
}

/* What @record's save writes: the fields set since it was read whose value
 * is not the current one; when resolving, every field in conflict too,
 * with the value the person chose. */
static JsonObject *
fields_written (WspRecord *record,
                Head      *head,
                gboolean   resolve)
{
  g_auto (GStrv) dirty = wsp_record_dup_dirty_fields (record);
  JsonObject *values = wsp_record_get_values (record);
  JsonObject *sets = json_object_new ();

  if (!head->exists)
    {
      /* A new record: everything it holds is its first change. */
      g_autoptr (GList) members = json_object_get_members (values);

      for (GList *l = members; l != NULL; l = l->next)
        json_object_set_member (sets, l->data, json_node_copy (json_object_get_member (values, l->data)));
      return sets;
    }

  for (guint i = 0; dirty[i] != NULL; i++)
    {
      JsonNode *now = wsp_store_member (values, dirty[i]);

      if (!is_conflicted (head, dirty[i]) && wsp_json_node_equal (now, wsp_store_member (head->body, dirty[i])))
        continue;
      json_object_set_member (sets, dirty[i], now != NULL ? json_node_copy (now) : json_node_new (JSON_NODE_NULL));
    }
  if (resolve)
    for (guint i = 0; i < head->conflicts->len; i++)
      {
        const char *field = g_ptr_array_index (head->conflicts, i);
        JsonNode *now = wsp_store_member (values, field);

        if (strcmp (field, WSP_STORE_DELETED_FIELD) == 0)
          json_object_set_boolean_member (sets, field, FALSE);
        else if (!json_object_has_member (sets, field))
          json_object_set_member (sets, field, now != NULL ? json_node_copy (now) : json_node_new (JSON_NODE_NULL));
      }
  return sets;
}

static gboolean
save_full (WspStore   *self,
           WspRecord  *record,
           gboolean    resolve,
           GError    **error)
{
  const WspEntity *entity = wsp_record_get_entity (record);
  const char *id = wsp_record_get_id (record);
  g_auto (Head) head = { 0 };
  g_autoptr (JsonObject) sets = NULL;

  if (!wsp_record_validate (record, error))
    return FALSE;
  if (!wsp_store_begin (self, error))
    return FALSE;
  if (!load_head (self, id, &head, error))
    goto fail;

  if (head.exists && entity->append_only)
    {
      g_set_error_literal (error, WSP_STORE_ERROR, WSP_STORE_ERROR_APPEND_ONLY,
                           _("Votes, comments and opinions cannot be changed once they are "
                             "recorded. Record a correction instead."));
      goto fail;
    }
  if (head.exists && head.deleted)
    {
      g_set_error_literal (error, WSP_STORE_ERROR, WSP_STORE_ERROR_NOT_FOUND,
                           _("This record has been deleted, so it cannot be changed."));
      goto fail;
    }

  sets = fields_written (record, &head, resolve);
  if (!wsp_store_sets_fit (sets, error))
    goto fail;
  if (head.exists && json_object_get_size (sets) == 0)
    {
      /* Nothing to save. */
      wsp_store_rollback (self);
      wsp_record_clear_dirty (record);
      return TRUE;
    }
  if (!add_local_change (self, entity->name, id, &head, sets, error))
    goto fail;
  if (!wsp_store_commit (self, error))
    return FALSE;
  return reload_record (self, record, error);

fail:
  wsp_store_rollback (self);
  return FALSE;
}

/* Saves @record: a new record, or the fields set since it was read on top
 * of its current value. On success @record holds the saved state. */
gboolean
wsp_store_save (WspStore   *self,
                WspRecord  *record,
                GError    **error)
{
  g_return_val_if_fail (WSP_IS_STORE (self), FALSE);
  g_return_val_if_fail (WSP_IS_RECORD (record), FALSE);
  return save_full (self, record, FALSE, error);
}

/* Saves @record as the resolution of its conflicts: the values it holds now
 * (the current value with the person's choices set on it) replace every
 * concurrent value, and a concurrent delete is answered with "keep". */
gboolean
wsp_store_resolve (WspStore   *self,
                   WspRecord  *record,
                   GError    **error)
{
  g_return_val_if_fail (WSP_IS_STORE (self), FALSE);
  g_return_val_if_fail (WSP_IS_RECORD (record), FALSE);
  return save_full (self, record, TRUE, error);
}

static gboolean
set_deleted (WspStore    *self,
             const char  *id,
             gboolean     deleted,
             GError     **error)
{
  g_auto (Head) head = { 0 };
  g_autoptr (JsonObject) sets = json_object_new ();
  g_autofree char *entity_name = NULL;
  const WspEntity *entity;
  sqlite3_stmt *stmt;

  if (!wsp_store_begin (self, error))
    return FALSE;
  if (!load_head (self, id, &head, error))
    goto fail;
  if (!head.exists)
    {
      g_set_error (error, WSP_STORE_ERROR, WSP_STORE_ERROR_NOT_FOUND,
                   _("The record was not found. It may have been removed on another laptop."));
      goto fail;
    }

  stmt = wsp_database_statement (self->database, "SELECT entity FROM records WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  wsp_database_bind_text (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    entity_name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  entity = wsp_entities_find (entity_name);
  if (entity == NULL)
    {
      g_set_error (error, WSP_STORE_ERROR, WSP_STORE_ERROR_NOT_FOUND,
                   _("This record was made by a newer version of Wspólnie and cannot be changed here."));
      goto fail;
    }
  if (entity->append_only)
    {
      g_set_error_literal (error, WSP_STORE_ERROR, WSP_STORE_ERROR_APPEND_ONLY,
                           _("Votes, comments and opinions cannot be deleted once they are "
                             "recorded. Record a correction instead."));
      goto fail;
    }
  if (head.deleted == deleted && !is_conflicted (&head, WSP_STORE_DELETED_FIELD))
    {
      g_set_error_literal (error, WSP_STORE_ERROR, WSP_STORE_ERROR_NOT_DELETED,
                           deleted ? _("This record has already been deleted.")
                                   : _("This record is not deleted, so there is nothing to restore."));
      goto fail;
    }

  /* A delete (or its undo) covers every version this laptop has seen. */
  json_object_set_boolean_member (sets, WSP_STORE_DELETED_FIELD, deleted);
  if (!add_local_change (self, entity->name, id, &head, sets, error))
    goto fail;
  return wsp_store_commit (self, error);

fail:
  wsp_store_rollback (self);
  return FALSE;
}

/* Deletes @record. The delete is a change of its own (a tombstone), so it
 * travels to other laptops and can be undone with wsp_store_undelete(). */
gboolean
wsp_store_delete (WspStore   *self,
                  WspRecord  *record,
                  GError    **error)
{
  g_return_val_if_fail (WSP_IS_STORE (self), FALSE);
  g_return_val_if_fail (WSP_IS_RECORD (record), FALSE);
  return set_deleted (self, wsp_record_get_id (record), TRUE, error);
}

/* Brings back a deleted record as it was (the Undo of a delete). */
gboolean
wsp_store_undelete (WspStore    *self,
                    const char  *id,
                    GError     **error)
{
  g_return_val_if_fail (WSP_IS_STORE (self), FALSE);
  return set_deleted (self, id, FALSE, error);
}

/* Replaces @from by @into in the references of @values (fields that name a
 * record, and lists of them); TRUE when something changed. */
static gboolean
follow_references (const WspEntity *entity,
                   JsonObject      *values,
                   const char      *from,
                   const char      *into,
                   JsonObject      *sets)
{
  gboolean changed = FALSE;

  for (guint i = 0; i < entity->n_fields; i++)
    {
      const WspField *field = &entity->fields[i];
      JsonNode *value = wsp_store_member (values, field->name);

      if (value == NULL)
        continue;
      if (field->type == WSP_FIELD_REF && JSON_NODE_HOLDS_VALUE (value)
          && g_strcmp0 (json_node_get_string (value), from) == 0)
        {
          json_object_set_string_member (sets, field->name, into);
          changed = TRUE;
        }
      else if (field->type == WSP_FIELD_LIST && JSON_NODE_HOLDS_ARRAY (value))
        {
          JsonArray *list = json_node_get_array (value);
          g_autoptr (JsonArray) again = json_array_new ();
          gboolean found = FALSE, has_into = FALSE;

          for (guint j = 0; j < json_array_get_length (list); j++)
            has_into |= g_strcmp0 (json_array_get_string_element (list, j), into) == 0;
          for (guint j = 0; j < json_array_get_length (list); j++)
            {
              const char *item = json_array_get_string_element (list, j);

              if (g_strcmp0 (item, from) == 0)
                {
                  found = TRUE;
                  if (!has_into)
                    json_array_add_string_element (again, into);
                  has_into = TRUE;
                }
              else
                json_array_add_string_element (again, item);
            }
          if (found)
            {
              json_object_set_array_member (sets, field->name, g_steal_pointer (&again));
              changed = TRUE;
            }
        }
    }
  return changed;
}

/**
 * wsp_store_merge:
 * @from: the record that goes
 * @into: the record that stays (of the same kind)
 *
 * Makes @from and @into one record, @into: what @from holds that @into has
 * not is written into @into, @from is deleted with a note of where it went
 * (wsp_store_get() of it gives @into), and every record that names @from
 * names @into instead. All of it is changes like any other: the merge
 * travels, and nothing is lost (@from's history stays).
 */
gboolean
wsp_store_merge (WspStore    *self,
                 const char  *from,
                 const char  *into,
                 GError     **error)
{
  g_auto (Head) from_head = { 0 };
  g_auto (Head) into_head = { 0 };
  g_autoptr (WspRecord) from_record = NULL;
  g_autoptr (WspRecord) into_record = NULL;
  g_autoptr (JsonObject) into_sets = json_object_new ();
  g_autoptr (JsonObject) from_sets = json_object_new ();
  g_autoptr (GPtrArray) naming = g_ptr_array_new_with_free_func (g_free);
  const WspEntity *entity;
  g_autofree char *pattern = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (WSP_IS_STORE (self), FALSE);
  if (g_strcmp0 (from, into) == 0)
    return TRUE;
  if (!wsp_store_begin (self, error))
    return FALSE;
  from_record = wsp_store_get (self, from, error);
  into_record = from_record != NULL ? wsp_store_get (self, into, error) : NULL;
  if (into_record == NULL)
    goto fail;
  entity = wsp_record_get_entity (into_record);
  if (wsp_record_get_entity (from_record) != entity || entity->append_only)
    {
      g_set_error_literal (error, WSP_STORE_ERROR, WSP_STORE_ERROR_APPEND_ONLY,
                           _("Only two records of the same kind can be merged, and never votes, comments or "
                             "opinions."));
      goto fail;
    }
  if (!load_head (self, from, &from_head, error) || !load_head (self, into, &into_head, error))
    goto fail;

  /* What @from holds that @into has not. */
  for (guint i = 0; i < entity->n_fields; i++)
    {
      const char *name = entity->fields[i].name;
      JsonNode *there = wsp_store_member (wsp_record_get_values (from_record), name);
      JsonNode *here = wsp_store_member (wsp_record_get_values (into_record), name);

      if (there != NULL && !JSON_NODE_HOLDS_NULL (there) && (here == NULL || JSON_NODE_HOLDS_NULL (here)))
        json_object_set_member (into_sets, name, json_node_copy (there));
    }
  if (json_object_get_size (into_sets) > 0
      && !add_local_change (self, entity->name, into, &into_head, into_sets, error))
    goto fail;

  json_object_set_string_member (from_sets, WSP_STORE_MERGED_FIELD, into);
  json_object_set_boolean_member (from_sets, WSP_STORE_DELETED_FIELD, TRUE);
  if (!add_local_change (self, entity->name, from, &from_head, from_sets, error))
    goto fail;

  /* Every record that names @from. */
  pattern = g_strdup_printf ("%%%s%%", from);
  stmt = wsp_database_statement (self->database, "SELECT id FROM records WHERE deleted = 0 AND body LIKE ?", error);
  if (stmt == NULL)
    goto fail;
  wsp_database_bind_text (stmt, 1, pattern);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (naming, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  if (!wsp_database_rows_done (self->database, stmt, rc, error))
    goto fail;
  for (guint i = 0; i < naming->len; i++)
    {
      g_autoptr (WspRecord) r = wsp_store_get (self, g_ptr_array_index (naming, i), error);
      g_autoptr (JsonObject) sets = json_object_new ();
      g_auto (Head) head = { 0 };
      const WspEntity *e;

      if (r == NULL)
        goto fail;
      e = wsp_record_get_entity (r);
      if (e->append_only || !follow_references (e, wsp_record_get_values (r), from, into, sets))
        continue;
      if (!load_head (self, wsp_record_get_id (r), &head, error)
          || !add_local_change (self, e->name, wsp_record_get_id (r), &head, sets, error))
        goto fail;
    }
  return wsp_store_commit (self, error);

fail:
  wsp_store_rollback (self);
  return FALSE;
}
