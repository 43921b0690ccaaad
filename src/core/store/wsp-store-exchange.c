/* wsp-store-exchange.c — revisions to and from other laptops, and the check
 *
 * Revisions leave this laptop as they are and arrive as they are: each one
 * is checked (every member present, the id matching the content) before
 * anything is written, then a batch is added in one transaction and its
 * records worked out again. What a laptop holds is counted per origin
 * laptop, so a delta sends only what the other one lacks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "base/wsp-json.h"
#include "records/wsp-entities.h"
#include "store/wsp-store-private.h"

/* The revisions this laptop holds that @known does not cover, in the order
 * they arrived here. @known maps an origin laptop's peer id to the highest
 * change number of that laptop already held (NULL: send everything).
 * Each revision is {rev, record, entity, gen, parents, deleted, hlc, peer,
 * seq, body}. */
JsonArray *
wsp_store_dup_revisions (WspStore    *self,
                         JsonObject  *known,
                         GError     **error)
{
  sqlite3_stmt *stmt;
  g_autoptr (JsonArray) result = json_array_new ();
  int rc;

  g_return_val_if_fail (WSP_IS_STORE (self), NULL);

  stmt = wsp_database_statement (self->database, "SELECT rev_id, record_id, entity, gen, parents, deleted, hlc, origin_peer, "
                    "origin_seq, body FROM revisions ORDER BY seq",
                    error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *peer = (const char *) sqlite3_column_text (stmt, 7);
      gint64 seq = sqlite3_column_int64 (stmt, 8);
      JsonObject *rev;
      JsonNode *parents;
      g_autoptr (JsonObject) body = NULL;

      if (known != NULL && json_object_has_member (known, peer)
          && json_object_get_int_member (known, peer) >= seq)
        continue;

      body = wsp_json_parse_object ((const char *) sqlite3_column_text (stmt, 9), NULL);
      parents = json_from_string ((const char *) sqlite3_column_text (stmt, 4), NULL);
      rev = json_object_new ();
      json_object_set_string_member (rev, "rev", (const char *) sqlite3_column_text (stmt, 0));
      json_object_set_string_member (rev, "record", (const char *) sqlite3_column_text (stmt, 1));
      json_object_set_string_member (rev, "entity", (const char *) sqlite3_column_text (stmt, 2));
      json_object_set_int_member (rev, "gen", sqlite3_column_int64 (stmt, 3));
      json_object_set_member (rev, "parents", parents);
      json_object_set_boolean_member (rev, "deleted", sqlite3_column_int (stmt, 5));
      json_object_set_string_member (rev, "hlc", (const char *) sqlite3_column_text (stmt, 6));
      json_object_set_string_member (rev, "peer", peer);
      json_object_set_int_member (rev, "seq", seq);
      json_object_set_object_member (rev, "body", body ? g_steal_pointer (&body) : json_object_new ());
      json_array_add_object_element (result, rev);
    }
  if (!wsp_database_rows_done (self->database, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&result);
}

/* What this laptop holds: origin peer id → N, where every change of that
 * laptop numbered 1 to N is held here (as its own revision, or as the same
 * revision made elsewhere). Sent with every packet as an acknowledgement; a
 * delta for this laptop holds what comes after. Counting only the unbroken
 * run matters: a delta made for another laptop can bring later changes
 * without the earlier ones, and the earlier ones must still be asked for. */
JsonObject *
wsp_store_dup_have (WspStore  *self,
                    GError   **error)
{
  sqlite3_stmt *stmt = wsp_database_statement (self->database, "SELECT p, max (CASE WHEN s = n THEN s ELSE 0 END) FROM "
                                  "(SELECT p, s, row_number () OVER (PARTITION BY p ORDER BY s) AS n "
                                  " FROM (SELECT origin_peer AS p, origin_seq AS s FROM revisions "
                                  "       UNION SELECT origin_peer, origin_seq FROM origin_aliases)) "
                                  "GROUP BY p ORDER BY p",
                                  error);
  g_autoptr (JsonObject) have = json_object_new ();
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    json_object_set_int_member (have, (const char *) sqlite3_column_text (stmt, 0),
                                sqlite3_column_int64 (stmt, 1));
  if (!wsp_database_rows_done (self->database, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&have);
}

/* Notes that @peer's change @seq is the revision @rev_id, held here under
 * another laptop's name. */
gboolean
wsp_store_add_alias (WspStore    *self,
                     const char  *peer,
                     gint64       seq,
                     const char  *rev_id,
                     GError     **error)
{
  sqlite3_stmt *stmt = wsp_database_statement (self->database, "INSERT OR IGNORE INTO origin_aliases (origin_peer, origin_seq, rev_id) "
                                  "SELECT ?1, ?2, ?3 WHERE NOT EXISTS (SELECT 1 FROM revisions "
                                  "WHERE origin_peer = ?1 AND origin_seq = ?2)",
                                  error);
  if (stmt == NULL)
    return FALSE;
  wsp_database_bind_text (stmt, 1, peer);
  sqlite3_bind_int64 (stmt, 2, seq);
  wsp_database_bind_text (stmt, 3, rev_id);
  return wsp_database_step_done (self->database, stmt, error);
}

static gboolean
damaged (GError     **error,
         guint        index,
         const char  *what)
{
  g_set_error (error, WSP_STORE_ERROR, WSP_STORE_ERROR_DAMAGED,
               _("Change %u in the file is damaged (%s), so nothing was imported."), index + 1,
               what);
  return FALSE;
}

static const char *
string_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = wsp_store_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
int_member (JsonObject *object,
            const char *name,
            gint64     *value)
{
  JsonNode *node = wsp_store_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;
  *value = json_node_get_int (node);
  return TRUE;
}

static gboolean
is_entity_name (const char *name)
{
  gsize len = name != NULL ? strlen (name) : 0;

  if (len == 0 || len > 64)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_islower (name[i]) && name[i] != '_')
      return FALSE;
  return TRUE;
}

typedef struct
{
  const char *rev_id;
  const char *record;
  const char *entity;
  gint64      gen;
  gboolean    deleted;
  const char *hlc;
  const char *peer;
  gint64      seq;
  GPtrArray  *parents; /* sorted */
  char       *parents_text;
  char       *body_text;
} Incoming;

static void
incoming_clear (Incoming *in)
{
  g_clear_pointer (&in->parents, g_ptr_array_unref);
  g_clear_pointer (&in->parents_text, g_free);
  g_clear_pointer (&in->body_text, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Incoming, incoming_clear)

/* Checks one revision from another laptop: every member present and of its
 * kind, and the id matching the content (a changed byte is refused). */
static gboolean
read_incoming (JsonNode  *node,
               guint      index,
               Incoming  *in,
               GError   **error)
{
  JsonObject *object;
  JsonNode *parents, *deleted, *body;
  WspHlc hlc;
  g_autofree char *expected = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return damaged (error, index, _("not an object"));
  object = json_node_get_object (node);

  in->rev_id = string_member (object, "rev");
  in->record = string_member (object, "record");
  in->entity = string_member (object, "entity");
  in->hlc = string_member (object, "hlc");
  in->peer = string_member (object, "peer");
  parents = wsp_store_member (object, "parents");
  deleted = wsp_store_member (object, "deleted");
  body = wsp_store_member (object, "body");

  if (in->rev_id == NULL || strlen (in->rev_id) > 96)
    return damaged (error, index, _("no revision id"));
  if (in->record == NULL || !g_uuid_string_is_valid (in->record))
    return damaged (error, index, _("no record id"));
  if (!is_entity_name (in->entity))
    return damaged (error, index, _("no kind of record"));
  if (!int_member (object, "gen", &in->gen) || in->gen < 1 || in->gen > G_MAXINT32)
    return damaged (error, index, _("wrong generation"));
  if (in->hlc == NULL || !wsp_hlc_parse (in->hlc, &hlc))
    return damaged (error, index, _("wrong time stamp"));
  if (in->peer == NULL || !g_uuid_string_is_valid (in->peer))
    return damaged (error, index, _("no laptop id"));
  if (!int_member (object, "seq", &in->seq) || in->seq < 1)
    return damaged (error, index, _("wrong change number"));
  if (deleted == NULL || !JSON_NODE_HOLDS_VALUE (deleted)
      || json_node_get_value_type (deleted) != G_TYPE_BOOLEAN)
    return damaged (error, index, _("no deleted flag"));
  in->deleted = json_node_get_boolean (deleted);
  if (body == NULL || !JSON_NODE_HOLDS_OBJECT (body))
    return damaged (error, index, _("no content"));
  if (parents == NULL || !JSON_NODE_HOLDS_ARRAY (parents))
    return damaged (error, index, _("no parents"));

  in->parents = g_ptr_array_new ();
  for (guint i = 0; i < json_array_get_length (json_node_get_array (parents)); i++)
    {
      JsonNode *p = json_array_get_element (json_node_get_array (parents), i);
      if (!JSON_NODE_HOLDS_VALUE (p) || json_node_get_value_type (p) != G_TYPE_STRING)
        return damaged (error, index, _("wrong parents"));
      g_ptr_array_add (in->parents, (gpointer) json_node_get_string (p));
    }
  g_ptr_array_sort (in->parents, wsp_store_compare_strings);
  {
    g_autoptr (JsonArray) sorted = json_array_new ();
    g_autoptr (JsonNode) sorted_node = NULL;

    for (guint i = 0; i < in->parents->len; i++)
      json_array_add_string_element (sorted, g_ptr_array_index (in->parents, i));
    sorted_node = json_node_init_array (json_node_alloc (), sorted);
    in->parents_text = json_to_string (sorted_node, FALSE);
  }
  if ((in->parents->len == 0) != (in->gen == 1))
    return damaged (error, index, _("wrong generation"));
  in->body_text = wsp_json_canonical (body);

  expected = wsp_store_revision_id (in->entity, in->record, in->gen, in->deleted, in->parents_text,
                          in->body_text);
  if (strcmp (expected, in->rev_id) != 0)
    return damaged (error, index, _("its content does not match its id"));
  return TRUE;
}

static gboolean
record_entity_matches (WspStore    *self,
                       const char  *record,
                       const char  *entity,
                       GError     **error)
{
  sqlite3_stmt *stmt = wsp_database_statement (self->database, "SELECT entity FROM revisions WHERE record_id = ? LIMIT 1",
                                  error);
  gboolean ok = TRUE;

  if (stmt == NULL)
    return FALSE;
  wsp_database_bind_text (stmt, 1, record);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    ok = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), entity) == 0;
  sqlite3_reset (stmt);
  return ok;
}

static gboolean
has_child (WspStore    *self,
           const char  *record,
           const char  *rev_id,
           gboolean    *result,
           GError     **error)
{
  sqlite3_stmt *stmt = wsp_database_statement (self->database, "SELECT 1 FROM revisions r, json_each (r.parents) j "
                                  "WHERE r.record_id = ? AND j.value = ? LIMIT 1",
                                  error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  wsp_database_bind_text (stmt, 1, record);
  wsp_database_bind_text (stmt, 2, rev_id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return wsp_database_set_error (self->database, rc, error);
  *result = rc == SQLITE_ROW;
  return TRUE;
}

typedef struct
{
  char     *entity; /* NULL: no such record */
  char     *winner;
  gboolean  deleted;
  guint     conflicts;
  guint     live_leaves;
} RecordState;

static void
record_state_clear (RecordState *state)
{
  g_clear_pointer (&state->entity, g_free);
  g_clear_pointer (&state->winner, g_free);
}

static void
record_state_free (gpointer data)
{
  record_state_clear (data);
  g_free (data);
}

static gboolean
read_record_state (WspStore    *self,
                   const char  *id,
                   RecordState *state,
                   GError     **error)
{
  sqlite3_stmt *stmt = wsp_database_statement (self->database, "SELECT entity, winner, deleted, conflicts, "
                                  "(SELECT count(*) FROM revisions v WHERE v.record_id = r.id "
                                  "AND v.leaf = 1 AND v.deleted = 0) "
                                  "FROM records r WHERE id = ?",
                                  error);
  int rc;

  memset (state, 0, sizeof *state);
  if (stmt == NULL)
    return FALSE;
  wsp_database_bind_text (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      state->entity = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      state->winner = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      state->deleted = sqlite3_column_int (stmt, 2) != 0;
      state->conflicts = (guint) sqlite3_column_int (stmt, 3);
      state->live_leaves = (guint) sqlite3_column_int (stmt, 4);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return wsp_database_set_error (self->database, rc, error);
  return TRUE;
}

/* What names the record @id now, deleted or not (an import's preview is
 * rolled back, so the names are taken while the changes are in). */
static char *
dup_title (WspStore   *self,
           const char *id)
{
  sqlite3_stmt *stmt = wsp_database_statement (self->database,
                                               "SELECT id, entity, winner, conflicts, body FROM records WHERE id = ?",
                                               NULL);
  g_autoptr (WspRecord) record = NULL;

  if (stmt == NULL)
    return NULL;
  wsp_database_bind_text (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    record = wsp_store_record_from_row (stmt, 0);
  sqlite3_reset (stmt);
  return record != NULL ? wsp_record_dup_title (record) : NULL;
}

static WspOutcomeKind
classify (const RecordState *before,
          const RecordState *after)
{
  gboolean existed = before->entity != NULL && !before->deleted;

  if (after->conflicts > 0 && (before->conflicts == 0 || g_strcmp0 (before->winner, after->winner) != 0))
    return WSP_OUTCOME_CONFLICT;
  if (!existed && !after->deleted)
    return WSP_OUTCOME_NEW;
  if (existed && after->deleted)
    return WSP_OUTCOME_DELETED;
  if (g_strcmp0 (before->winner, after->winner) == 0 && before->live_leaves == after->live_leaves)
    return WSP_OUTCOME_UNCHANGED;
  if (after->live_leaves > 1)
    return WSP_OUTCOME_MERGED;
  return WSP_OUTCOME_UPDATED;
}

void
wsp_outcome_free (WspOutcome *outcome)
{
  g_free (outcome->id);
  g_free (outcome->entity);
  g_free (outcome->title);
  g_free (outcome);
}

/* Adds revisions made on other laptops, all or none: each is checked before
 * anything is written, then they are added in one transaction and their
 * records worked out again. Revisions already held are skipped, so adding the
 * same batch twice changes nothing, and the order of batches does not matter:
 * the state depends only on the set of revisions held. */
gboolean
wsp_store_add_revisions (WspStore     *self,
                         JsonArray    *revisions,
                         WspAddStats  *stats,
                         GPtrArray    *outcomes,
                         GError      **error)
{
  guint n = json_array_get_length (revisions);
  g_autoptr (GHashTable) touched = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) added = g_ptr_array_new ();
  g_autoptr (GHashTable) before_states = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                                record_state_free);
  WspAddStats local_stats = { 0 };
  Incoming *all;
  WspHlc newest = 0;
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (WSP_IS_STORE (self), FALSE);

  all = g_new0 (Incoming, MAX (n, 1));
  local_stats.received = n;

  for (guint i = 0; i < n; i++)
    {
      WspHlc hlc = 0;

      if (!read_incoming (json_array_get_element (revisions, i), i, &all[i], error))
        goto fail_unlocked;
      wsp_hlc_parse (all[i].hlc, &hlc);
      newest = MAX (newest, hlc);
    }

  if (!wsp_store_begin (self, error))
    goto fail_unlocked;

  /* How each record stood before, to say afterwards what the batch did. */
  for (guint i = 0; outcomes != NULL && i < n; i++)
    {
      RecordState *state;

      if (g_hash_table_contains (before_states, all[i].record))
        continue;
      state = g_new0 (RecordState, 1);
      g_hash_table_insert (before_states, (gpointer) all[i].record, state);
      if (!read_record_state (self, all[i].record, state, error))
        goto fail;
    }

  for (guint i = 0; i < n; i++)
    {
      Incoming *in = &all[i];
      sqlite3_stmt *stmt;
      gboolean exists = FALSE;

      if (!record_entity_matches (self, in->record, in->entity, error))
        {
          if (error != NULL && *error == NULL)
            damaged (error, i, _("the record is of another kind here"));
          goto fail;
        }

      stmt = wsp_database_statement (self->database, "SELECT 1 FROM revisions WHERE rev_id = ?", error);
      if (stmt == NULL)
        goto fail;
      wsp_database_bind_text (stmt, 1, in->rev_id);
      exists = sqlite3_step (stmt) == SQLITE_ROW;
      sqlite3_reset (stmt);
      if (exists)
        {
          if (!wsp_store_add_alias (self, in->peer, in->seq, in->rev_id, error))
            goto fail;
          continue;
        }

      stmt = wsp_database_statement (self->database, "INSERT INTO revisions (rev_id, record_id, entity, gen, parents, deleted, "
                        "hlc, origin_peer, origin_seq, body, leaf) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
                        error);
      if (stmt == NULL)
        goto fail;
      wsp_database_bind_text (stmt, 1, in->rev_id);
      wsp_database_bind_text (stmt, 2, in->record);
      wsp_database_bind_text (stmt, 3, in->entity);
      sqlite3_bind_int64 (stmt, 4, in->gen);
      wsp_database_bind_text (stmt, 5, in->parents_text);
      sqlite3_bind_int (stmt, 6, in->deleted);
      wsp_database_bind_text (stmt, 7, in->hlc);
      wsp_database_bind_text (stmt, 8, in->peer);
      sqlite3_bind_int64 (stmt, 9, in->seq);
      wsp_database_bind_text (stmt, 10, in->body_text);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          sqlite3_reset (stmt);
          /* Another change already has this laptop's change number. */
          damaged (error, i, _("a change number used twice"));
          goto fail;
        }
      sqlite3_reset (stmt);
      g_ptr_array_add (added, in);
      g_hash_table_add (touched, (gpointer) in->record);
      local_stats.added++;
    }

  /* Leaves: a revision is a leaf while no other revision names it a parent. */
  for (guint i = 0; i < added->len; i++)
    {
      Incoming *in = g_ptr_array_index (added, i);
      gboolean child = FALSE;
      sqlite3_stmt *stmt;

      for (guint j = 0; j < in->parents->len; j++)
        {
          stmt = wsp_database_statement (self->database, "UPDATE revisions SET leaf = 0 WHERE rev_id = ?", error);
          if (stmt == NULL)
            goto fail;
          wsp_database_bind_text (stmt, 1, g_ptr_array_index (in->parents, j));
          if (!wsp_database_step_done (self->database, stmt, error))
            goto fail;
        }
      if (!has_child (self, in->record, in->rev_id, &child, error))
        goto fail;
      if (child)
        {
          stmt = wsp_database_statement (self->database, "UPDATE revisions SET leaf = 0 WHERE rev_id = ?", error);
          if (stmt == NULL)
            goto fail;
          wsp_database_bind_text (stmt, 1, in->rev_id);
          if (!wsp_database_step_done (self->database, stmt, error))
            goto fail;
        }
    }

  g_hash_table_iter_init (&iter, touched);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      RecordState after;

      if (!wsp_store_reproject (self, key, error))
        goto fail;
      local_stats.records++;
      if (outcomes == NULL)
        continue;
      if (!read_record_state (self, key, &after, error))
        goto fail;
      if (after.entity != NULL)
        {
          WspOutcome *outcome = g_new0 (WspOutcome, 1);

          outcome->id = g_strdup (key);
          outcome->entity = g_strdup (after.entity);
          outcome->kind = classify (g_hash_table_lookup (before_states, key), &after);
          outcome->title = dup_title (self, key);
          g_ptr_array_add (outcomes, outcome);
        }
      record_state_clear (&after);
    }

  if (local_stats.added > 0)
    {
      g_autofree char *hlc_text = NULL;

      self->hlc = wsp_hlc_receive (self->hlc, newest, wsp_hlc_now_millis (),
                                   &local_stats.clock_clamped);
      hlc_text = wsp_hlc_to_string (self->hlc);
      if (!wsp_database_set_meta (self->database, "hlc", hlc_text, error))
        goto fail;
    }

  if (!wsp_store_commit (self, error))
    goto fail_unlocked;

  for (guint i = 0; i < n; i++)
    incoming_clear (&all[i]);
  g_free (all);
  if (stats != NULL)
    *stats = local_stats;
  return TRUE;

fail:
  wsp_store_rollback (self);
fail_unlocked:
  for (guint i = 0; i < n; i++)
    incoming_clear (&all[i]);
  g_free (all);
  return FALSE;
}

/* Checks the file (SQLite's own check), that every revision still matches
 * its id, and that the current versions are the ones the revisions say. */
gboolean
wsp_store_check (WspStore  *self,
                 GError   **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (WSP_IS_STORE (self), FALSE);

  if (!wsp_database_check_integrity (self->database, error))
    return FALSE;

  stmt = wsp_database_statement (self->database, "SELECT rev_id, entity, record_id, gen, deleted, parents, body, leaf, "
                    "(SELECT count(*) FROM revisions c, json_each (c.parents) j "
                    " WHERE c.record_id = r.record_id AND j.value = r.rev_id) "
                    "FROM revisions r",
                    error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *rev_id = (const char *) sqlite3_column_text (stmt, 0);
      g_autofree char *expected = wsp_store_revision_id ((const char *) sqlite3_column_text (stmt, 1),
                                               (const char *) sqlite3_column_text (stmt, 2),
                                               sqlite3_column_int64 (stmt, 3),
                                               sqlite3_column_int (stmt, 4),
                                               (const char *) sqlite3_column_text (stmt, 5),
                                               (const char *) sqlite3_column_text (stmt, 6));
      gboolean leaf = sqlite3_column_int (stmt, 7) != 0;
      gboolean has_children = sqlite3_column_int (stmt, 8) > 0;

      if (g_strcmp0 (expected, rev_id) != 0 || leaf == has_children)
        {
          sqlite3_reset (stmt);
          g_set_error (error, WSP_STORE_ERROR, WSP_STORE_ERROR_DAMAGED,
                       _("The history of a record is damaged (change %s). Restore a backup "
                         "or import the other laptop’s full export."),
                       rev_id);
          return FALSE;
        }
    }
  if (!wsp_database_rows_done (self->database, stmt, rc, error))
    return FALSE;

  stmt = wsp_database_statement (self->database, "SELECT count(*) FROM records r WHERE NOT EXISTS "
                    "(SELECT 1 FROM revisions v WHERE v.rev_id = r.winner AND v.leaf = 1)",
                    error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_int (stmt, 0) > 0)
    {
      sqlite3_reset (stmt);
      g_set_error (error, WSP_STORE_ERROR, WSP_STORE_ERROR_DAMAGED,
                   _("Some records do not show their latest version."));
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}
