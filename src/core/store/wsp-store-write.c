/* wsp-store-write.c — saves, deletes, restores and resolutions made on this laptop
 *
 * A save applies only the fields changed since the record was read on top
 * of its current value, so a stale copy never undoes another edit. Each
 * change is a new revision whose id is its generation and the SHA-256 of
 * what it says: the same change made twice is one revision.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "base/wsp-json.h"
#include "records/wsp-entities.h"
#include "store/wsp-store-private.h"

typedef struct
{
  char       *winner;
  gboolean    deleted;
  guint       conflicts;
  JsonObject *body;
  GPtrArray  *leaves; /* rev_ids */
  gint64      max_gen;
} Head;

static void
head_clear (Head *head)
{
  g_clear_pointer (&head->winner, g_free);
  g_clear_pointer (&head->body, json_object_unref);
  g_clear_pointer (&head->leaves, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Head, head_clear)

/* The record's current state, or FALSE with NOT_FOUND. */
static gboolean
load_head (WspStore    *self,
           const char  *id,
           Head        *head,
           GError     **error)
{
  sqlite3_stmt *stmt = wsp_database_statement (self->database, "SELECT winner, deleted, conflicts, body FROM records WHERE id = ?",
                                  error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  wsp_database_bind_text (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        return wsp_database_set_error (self->database, rc, error);
      g_set_error (error, WSP_STORE_ERROR, WSP_STORE_ERROR_NOT_FOUND,
                   _("The record was not found. It may have been removed on another laptop."));
      return FALSE;
    }
  head->winner = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  head->deleted = sqlite3_column_int (stmt, 1) != 0;
  head->conflicts = (guint) sqlite3_column_int (stmt, 2);
  head->body = wsp_json_parse_object ((const char *) sqlite3_column_text (stmt, 3), error);
  sqlite3_reset (stmt);
  if (head->body == NULL)
    return FALSE;

  head->leaves = g_ptr_array_new_with_free_func (g_free);
  stmt = wsp_database_statement (self->database, "SELECT rev_id, gen, deleted FROM revisions WHERE record_id = ? AND leaf = 1",
                    error);
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
  return TRUE;
}

static gint64
parents_max_gen (WspStore  *self,
                 GPtrArray *parents)
{
  sqlite3_stmt *stmt = wsp_database_statement (self->database, "SELECT gen FROM revisions WHERE rev_id = ?", NULL);
  gint64 gen = 0;

  for (guint i = 0; stmt != NULL && i < parents->len; i++)
    {
      sqlite3_reset (stmt);
      wsp_database_bind_text (stmt, 1, g_ptr_array_index (parents, i));
      if (sqlite3_step (stmt) == SQLITE_ROW)
        gen = MAX (gen, sqlite3_column_int64 (stmt, 0));
    }
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return gen;
}

/* For sorting arrays of strings. */
int
wsp_store_compare_strings (gconstpointer a,
                           gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

/* A revision's id: its generation and the SHA-256 of everything it says, so
 * the same change is the same revision wherever it was made, and a changed
 * byte gives another id. */
char *
wsp_store_revision_id (const char *entity,
                       const char *record_id,
                       gint64      gen,
                       gboolean    deleted,
                       const char *parents_text,
                       const char *body_text)
{
  g_autoptr (GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  g_checksum_update (checksum, (const guchar *) entity, -1);
  g_checksum_update (checksum, (const guchar *) "\n", 1);
  g_checksum_update (checksum, (const guchar *) record_id, -1);
  g_checksum_update (checksum, (const guchar *) (deleted ? "\n1\n" : "\n0\n"), 3);
  g_checksum_update (checksum, (const guchar *) parents_text, -1);
  g_checksum_update (checksum, (const guchar *) "\n", 1);
  g_checksum_update (checksum, (const guchar *) body_text, -1);
  return g_strdup_printf ("%" G_GINT64_FORMAT "-%s", gen, g_checksum_get_string (checksum));
}

/* Adds a revision made on this laptop and re-projects its record.
 * @parents is sorted here; the revision id is derived from the content, so
 * the same change made twice is one revision. */
static gboolean
add_local_revision (WspStore    *self,
                    const char  *entity,
                    const char  *record_id,
                    GPtrArray   *parents,
                    gboolean     deleted,
                    JsonObject  *body,
                    GError     **error)
{
  g_autoptr (JsonArray) parents_array = json_array_new ();
  g_autoptr (JsonNode) parents_node = NULL;
  g_autofree char *parents_text = NULL;
  g_autofree char *body_text = wsp_json_object_canonical (body);
  g_autofree char *hlc_text = NULL;
  g_autofree char *seq_text = NULL;
  g_autofree char *rev_id = NULL;
  gint64 gen;
  sqlite3_stmt *stmt;

  g_ptr_array_sort (parents, wsp_store_compare_strings);
  for (guint i = 0; i < parents->len; i++)
    json_array_add_string_element (parents_array, g_ptr_array_index (parents, i));
  parents_node = json_node_init_array (json_node_alloc (), parents_array);
  parents_text = json_to_string (parents_node, FALSE);
  gen = parents_max_gen (self, parents) + 1;

  rev_id = wsp_store_revision_id (entity, record_id, gen, deleted, parents_text, body_text);

  self->hlc = wsp_hlc_send (self->hlc, wsp_hlc_now_millis ());
  self->origin_seq++;
  hlc_text = wsp_hlc_to_string (self->hlc);
  seq_text = g_strdup_printf ("%" G_GINT64_FORMAT, self->origin_seq);
  if (!wsp_database_set_meta (self->database, "hlc", hlc_text, error) || !wsp_database_set_meta (self->database, "origin_seq", seq_text, error))
    return FALSE;

  stmt = wsp_database_statement (self->database, "INSERT OR IGNORE INTO revisions (rev_id, record_id, entity, gen, parents, "
                    "deleted, hlc, origin_peer, origin_seq, body, leaf) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
                    error);
  if (stmt == NULL)
    return FALSE;
  wsp_database_bind_text (stmt, 1, rev_id);
  wsp_database_bind_text (stmt, 2, record_id);
  wsp_database_bind_text (stmt, 3, entity);
  sqlite3_bind_int64 (stmt, 4, gen);
  wsp_database_bind_text (stmt, 5, parents_text);
  sqlite3_bind_int (stmt, 6, deleted);
  wsp_database_bind_text (stmt, 7, hlc_text);
  wsp_database_bind_text (stmt, 8, self->peer_id);
  sqlite3_bind_int64 (stmt, 9, self->origin_seq);
  wsp_database_bind_text (stmt, 10, body_text);
  if (!wsp_database_step_done (self->database, stmt, error))
    return FALSE;
  /* The same change already came from another laptop: this laptop's number
   * for it is noted, so its own numbering has no gap. */
  if (wsp_database_changes (self->database) == 0
      && !wsp_store_add_alias (self, self->peer_id, self->origin_seq, rev_id, error))
    return FALSE;

  for (guint i = 0; i < parents->len; i++)
    {
      stmt = wsp_database_statement (self->database, "UPDATE revisions SET leaf = 0 WHERE rev_id = ?", error);
      if (stmt == NULL)
        return FALSE;
      wsp_database_bind_text (stmt, 1, g_ptr_array_index (parents, i));
      if (!wsp_database_step_done (self->database, stmt, error))
        return FALSE;
    }
  return wsp_store_reproject (self, record_id, error);
}

/* The current body with @record's changed fields on top. */
static JsonObject *
apply_changes (JsonObject *current,
               WspRecord  *record,
               gboolean   *changed)
{
  g_autofree char *before = wsp_json_object_canonical (current);
  g_autofree char *after = NULL;
  g_auto (GStrv) dirty = wsp_record_dup_dirty_fields (record);
  JsonObject *values = wsp_record_get_values (record);
  JsonObject *body = json_object_new ();
  g_autoptr (GList) members = json_object_get_members (current);

  for (GList *l = members; l != NULL; l = l->next)
    json_object_set_member (body, l->data, json_node_copy (json_object_get_member (current, l->data)));
  for (guint i = 0; dirty[i] != NULL; i++)
    {
      if (json_object_has_member (values, dirty[i]))
        json_object_set_member (body, dirty[i],
                                json_node_copy (json_object_get_member (values, dirty[i])));
      else if (json_object_has_member (body, dirty[i]))
        json_object_remove_member (body, dirty[i]);
    }
  after = wsp_json_object_canonical (body);
  *changed = strcmp (before, after) != 0;
  return body;
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
save_full (WspStore   *self,
           WspRecord  *record,
           gboolean    resolve,
           GError    **error)
{
  const WspEntity *entity = wsp_record_get_entity (record);
  const char *id = wsp_record_get_id (record);
  g_auto (Head) head = { 0 };
  g_autoptr (GError) local_error = NULL;
  g_autoptr (JsonObject) body = NULL;
  g_autoptr (GPtrArray) parents = g_ptr_array_new_with_free_func (g_free);
  gboolean changed = FALSE;
  gboolean ok;

  if (!wsp_record_validate (record, error))
    return FALSE;
  if (!wsp_store_begin (self, error))
    return FALSE;

  if (!load_head (self, id, &head, &local_error))
    {
      if (!g_error_matches (local_error, WSP_STORE_ERROR, WSP_STORE_ERROR_NOT_FOUND))
        {
          wsp_store_rollback (self);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      /* A new record: everything it holds is its first revision. */
      g_clear_error (&local_error);
      head.body = json_object_new ();
    }
  else if (entity->append_only)
    {
      wsp_store_rollback (self);
      g_set_error_literal (error, WSP_STORE_ERROR, WSP_STORE_ERROR_APPEND_ONLY,
                           _("Votes, comments and opinions cannot be changed once they are "
                             "recorded. Record a correction instead."));
      return FALSE;
    }
  else if (head.deleted)
    {
      wsp_store_rollback (self);
      g_set_error_literal (error, WSP_STORE_ERROR, WSP_STORE_ERROR_NOT_FOUND,
                           _("This record has been deleted, so it cannot be changed."));
      return FALSE;
    }

  body = apply_changes (head.body, record, &changed);
  if (head.leaves != NULL)
    {
      /* An edit joins the branches it has seen when they merged cleanly, or
       * when a person is resolving their conflicts; otherwise it goes on the
       * winner's branch and the conflict stays in view. */
      if (resolve || head.conflicts == 0)
        for (guint i = 0; i < head.leaves->len; i++)
          g_ptr_array_add (parents, g_strdup (g_ptr_array_index (head.leaves, i)));
      else
        g_ptr_array_add (parents, g_strdup (head.winner));
    }

  if (!changed && !(resolve && head.leaves != NULL && head.leaves->len > 1) && head.leaves != NULL)
    {
      /* Nothing to save. */
      wsp_store_rollback (self);
      wsp_record_clear_dirty (record);
      return TRUE;
    }

  ok = add_local_revision (self, entity->name, id, parents, FALSE, body, error);
  if (!ok)
    {
      wsp_store_rollback (self);
      return FALSE;
    }
  if (!wsp_store_commit (self, error))
    return FALSE;
  return reload_record (self, record, error);
}

/* Saves @record: a new record, or the fields changed since it was read on
 * top of its current value. On success @record holds the saved state. */
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
 * concurrent version, including a concurrent delete. */
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
  g_autofree char *entity_name = NULL;
  g_autoptr (GPtrArray) parents = g_ptr_array_new_with_free_func (g_free);
  const WspEntity *entity;
  sqlite3_stmt *stmt;

  if (!wsp_store_begin (self, error))
    return FALSE;
  if (!load_head (self, id, &head, error))
    goto fail;

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
  if (head.deleted == deleted)
    {
      g_set_error_literal (error, WSP_STORE_ERROR, WSP_STORE_ERROR_NOT_DELETED,
                           deleted ? _("This record has already been deleted.")
                                   : _("This record is not deleted, so there is nothing to restore."));
      goto fail;
    }

  /* A delete (or its undo) covers every version this laptop has seen. */
  for (guint i = 0; i < head.leaves->len; i++)
    g_ptr_array_add (parents, g_strdup (g_ptr_array_index (head.leaves, i)));
  if (!add_local_revision (self, entity->name, id, parents, deleted, head.body, error))
    goto fail;
  return wsp_store_commit (self, error);

fail:
  wsp_store_rollback (self);
  return FALSE;
}

/* Deletes @record. The delete is a revision of its own (a tombstone), so it
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
