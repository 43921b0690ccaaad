/* wsp-store-upgrade.c — the revisions of schema 1–6 made into changes
 *
 * Before schema 7 each revision held the whole record (its "body"), and
 * what it changed was guessed by comparing bodies. A revision becomes a
 * change that sets the fields whose value differs from one of its parents'
 * (all of them for the first revision of a record), deletes when it was a
 * delete, and restores when it follows a delete. The conversion depends
 * only on the revisions, so two laptops that hold the same revisions make
 * the same changes with the same ids, and a file from an older version,
 * whose revisions are converted on import the same way, fits with them.
 * The old ids and bodies are kept (legacy_revisions) for that.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "base/wsp-json.h"
#include "records/wsp-entities.h"
#include "store/wsp-store-private.h"

/* After the conversion this laptop's numbering goes on from its last
 * converted change, which it signs at the commit. */
static gboolean
own_chain_goes_on (WspStore  *self,
                   GError   **error)
{
  sqlite3_stmt *stmt = wsp_database_statement (self->database,
                                               "SELECT chain, stream_seq FROM changes WHERE stream = ?1 UNION ALL "
                                               "SELECT chain, stream_seq FROM change_aliases WHERE stream = ?1 "
                                               "ORDER BY 2 DESC LIMIT 1",
                                               error);
  g_autofree char *chain = NULL;
  g_autofree char *seq_text = NULL;
  gint64 seq = 0;

  if (stmt == NULL)
    return FALSE;
  wsp_database_bind_text (stmt, 1, self->stream);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      chain = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      seq = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (chain == NULL)
    return TRUE;
  seq_text = g_strdup_printf ("%" G_GINT64_FORMAT, seq);
  if (!wsp_database_set_meta (self->database, "stream_chain", chain, error)
      || !wsp_database_set_meta (self->database, "stream_seq", seq_text, error)
      || !wsp_database_set_meta (self->database, "legacy_until", seq_text, error))
    return FALSE;
  g_free (self->stream_chain);
  self->stream_chain = g_steal_pointer (&chain);
  self->stream_seq = seq;
  self->head_dirty = TRUE;
  return TRUE;
}

/* The id a revision had before schema 7. */
static char *
legacy_id (const char *entity,
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

typedef struct
{
  char       *rev_id;  /* the change it became */
  gint64      gen;
  gboolean    deleted;
  JsonObject *body;
} Parent;

static void
parent_free (Parent *parent)
{
  g_free (parent->rev_id);
  g_clear_pointer (&parent->body, json_object_unref);
  g_free (parent);
}

/* What a revision set: see the top of this file. */
static JsonObject *
legacy_sets (JsonObject *body,
             gboolean    deleted,
             GPtrArray  *parents)
{
  JsonObject *sets = json_object_new ();
  g_autoptr (GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GList) members = json_object_get_members (body);
  gboolean any_parent_deleted = FALSE;
  GHashTableIter iter;
  gpointer name;

  for (GList *l = members; l != NULL; l = l->next)
    g_hash_table_add (names, l->data);
  for (guint i = 0; i < parents->len; i++)
    {
      Parent *parent = g_ptr_array_index (parents, i);
      g_autoptr (GList) theirs = json_object_get_members (parent->body);

      for (GList *l = theirs; l != NULL; l = l->next)
        g_hash_table_add (names, l->data);
      any_parent_deleted |= parent->deleted;
    }

  g_hash_table_iter_init (&iter, names);
  while (g_hash_table_iter_next (&iter, &name, NULL))
    {
      JsonNode *mine = wsp_store_member (body, name);
      gboolean differs = parents->len == 0;

      for (guint i = 0; i < parents->len && !differs; i++)
        differs = !wsp_json_node_equal (mine, wsp_store_member (((Parent *) g_ptr_array_index (parents, i))->body, name));
      if (differs && !(parents->len == 0 && mine == NULL))
        json_object_set_member (sets, name, mine != NULL ? json_node_copy (mine) : json_node_new (JSON_NODE_NULL));
    }
  if (deleted)
    json_object_set_boolean_member (sets, WSP_STORE_DELETED_FIELD, TRUE);
  else if (any_parent_deleted)
    json_object_set_boolean_member (sets, WSP_STORE_DELETED_FIELD, FALSE);
  return sets;
}

/* The converted parent @old_id, or NULL when it was never held. */
static Parent *
find_parent (WspStore    *self,
             const char  *old_id,
             GError     **error)
{
  sqlite3_stmt *stmt = wsp_database_statement (self->database,
                                               "SELECT l.rev_id, c.gen, l.deleted, l.body FROM legacy_revisions l "
                                               "JOIN changes c ON c.rev_id = l.rev_id WHERE l.old_rev_id = ?",
                                               error);
  Parent *parent = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  wsp_database_bind_text (stmt, 1, old_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      parent = g_new0 (Parent, 1);
      parent->rev_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      parent->gen = sqlite3_column_int64 (stmt, 1);
      parent->deleted = sqlite3_column_int (stmt, 2) != 0;
      parent->body = wsp_json_parse_object ((const char *) sqlite3_column_text (stmt, 3), NULL);
      if (parent->body == NULL)
        parent->body = json_object_new ();
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    wsp_database_set_error (self->database, rc, error);
  return parent;
}

typedef struct
{
  char       *rev_id;
  char       *record;
  char       *entity;
  gint64      gen;
  char       *parents_text;
  char       *sets_text;
  JsonObject *sets;
} Converted;

static void
converted_clear (Converted *c)
{
  g_clear_pointer (&c->rev_id, g_free);
  g_clear_pointer (&c->record, g_free);
  g_clear_pointer (&c->entity, g_free);
  g_clear_pointer (&c->parents_text, g_free);
  g_clear_pointer (&c->sets_text, g_free);
  g_clear_pointer (&c->sets, json_object_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Converted, converted_clear)

/* Makes the change an old revision becomes. @missing says whether a parent
 * was never held here. */
static gboolean
convert (WspStore    *self,
         const char  *record,
         const char  *entity,
         GStrv        old_parents,
         gboolean     deleted,
         JsonObject  *body,
         Converted   *out,
         gboolean    *missing,
         GError     **error)
{
  g_autoptr (GPtrArray) parents = g_ptr_array_new_with_free_func ((GDestroyNotify) parent_free);
  g_autoptr (GPtrArray) ids = g_ptr_array_new ();
  gint64 gen = 0;

  *missing = FALSE;
  for (guint i = 0; old_parents[i] != NULL; i++)
    {
      g_autoptr (GError) local_error = NULL;
      Parent *parent = find_parent (self, old_parents[i], &local_error);

      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (parent == NULL)
        {
          *missing = TRUE;
          continue;
        }
      gen = MAX (gen, parent->gen);
      g_ptr_array_add (ids, parent->rev_id);
      g_ptr_array_add (parents, parent);
    }
  g_ptr_array_sort (ids, wsp_store_compare_strings);
  for (guint i = 1; i < ids->len;)
    if (strcmp (g_ptr_array_index (ids, i), g_ptr_array_index (ids, i - 1)) == 0)
      g_ptr_array_remove_index (ids, i);
    else
      i++;
  g_ptr_array_add (ids, NULL);

  out->record = g_strdup (record);
  out->entity = g_strdup (entity);
  out->gen = gen + 1;
  out->parents_text = wsp_store_parents_text ((const char * const *) ids->pdata);
  out->sets = legacy_sets (body, deleted, parents);
  out->sets_text = wsp_json_object_canonical (out->sets);
  out->rev_id = wsp_store_change_id (entity, record, out->gen, out->parents_text, out->sets_text);
  return TRUE;
}

static gboolean
remember_legacy (WspStore    *self,
                 const char  *old_id,
                 const char  *rev_id,
                 gboolean     deleted,
                 const char  *body_text,
                 GError     **error)
{
  sqlite3_stmt *stmt = wsp_database_statement (self->database,
                                               "INSERT OR IGNORE INTO legacy_revisions (old_rev_id, rev_id, deleted, body) "
                                               "VALUES (?, ?, ?, ?)",
                                               error);
  if (stmt == NULL)
    return FALSE;
  wsp_database_bind_text (stmt, 1, old_id);
  wsp_database_bind_text (stmt, 2, rev_id);
  sqlite3_bind_int (stmt, 3, deleted);
  wsp_database_bind_text (stmt, 4, body_text);
  return wsp_database_step_done (self->database, stmt, error);
}

static GStrv
parse_parents (const char *text)
{
  g_autoptr (JsonNode) node = json_from_string (text, NULL);
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    for (guint i = 0; i < json_array_get_length (json_node_get_array (node)); i++)
      {
        JsonNode *p = json_array_get_element (json_node_get_array (node), i);
        if (JSON_NODE_HOLDS_VALUE (p) && json_node_get_value_type (p) == G_TYPE_STRING)
          g_strv_builder_add (builder, json_node_get_string (p));
      }
  return g_strv_builder_end (builder);
}

static gboolean
table_exists (WspStore   *self,
              const char *name)
{
  sqlite3_stmt *stmt = wsp_database_statement (self->database,
                                               "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", NULL);
  gboolean exists = FALSE;

  if (stmt != NULL)
    {
      wsp_database_bind_text (stmt, 1, name);
      exists = sqlite3_step (stmt) == SQLITE_ROW;
      sqlite3_reset (stmt);
    }
  return exists;
}

/* Converts the revisions of schema 1–6, if any are left, in one
 * transaction: parents (of lower generation) first. */
gboolean
wsp_store_upgrade (WspStore  *self,
                   GError   **error)
{
  sqlite3_stmt *stmt;
  g_autoptr (GPtrArray) records = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  int rc;

  if (!table_exists (self, "revisions"))
    return TRUE;
  if (!wsp_store_begin (self, error))
    return FALSE;

  stmt = wsp_database_statement (self->database,
                                 "SELECT rev_id, record_id, entity, parents, deleted, hlc, origin_peer, origin_seq, "
                                 "body, leaf FROM revisions ORDER BY gen, seq",
                                 error);
  if (stmt == NULL)
    goto fail;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *old_id = (const char *) sqlite3_column_text (stmt, 0);
      const char *record = (const char *) sqlite3_column_text (stmt, 1);
      const char *entity = (const char *) sqlite3_column_text (stmt, 2);
      g_auto (GStrv) old_parents = parse_parents ((const char *) sqlite3_column_text (stmt, 3));
      gboolean deleted = sqlite3_column_int (stmt, 4) != 0;
      const char *hlc = (const char *) sqlite3_column_text (stmt, 5);
      const char *peer = (const char *) sqlite3_column_text (stmt, 6);
      gint64 seq = sqlite3_column_int64 (stmt, 7);
      const char *body_text = (const char *) sqlite3_column_text (stmt, 8);
      g_autoptr (JsonObject) body = wsp_json_parse_object (body_text, NULL);
      g_auto (Converted) c = { 0 };
      gboolean missing = FALSE, inserted = FALSE;

      if (body == NULL)
        body = json_object_new ();
      if (!convert (self, record, entity, old_parents, deleted, body, &c, &missing, error)
          || !wsp_store_insert_change (self, c.rev_id, record, entity, c.gen, c.parents_text, c.sets_text, hlc,
                                       peer, seq, "", "", &inserted, error)
          || (!inserted && !wsp_store_add_alias (self, peer, seq, c.rev_id, "", "", error))
          || !remember_legacy (self, old_id, c.rev_id, deleted, body_text, error)
          || !wsp_store_note_stream (self, peer, peer, error))
        {
          sqlite3_reset (stmt);
          goto fail;
        }
      if (!g_hash_table_contains (seen, record))
        {
          char *copy = g_strdup (record);
          g_ptr_array_add (records, copy);
          g_hash_table_add (seen, copy);
        }
    }
  if (!wsp_database_rows_done (self->database, stmt, rc, error))
    goto fail;

  /* The leaves are the changes no other names; the numbers held under
   * another laptop's name come along. */
  if (!wsp_database_exec (self->database,
                          "UPDATE changes SET leaf = NOT EXISTS (SELECT 1 FROM changes c, json_each (c.parents) j "
                          " WHERE c.record_id = changes.record_id AND j.value = changes.rev_id);"
                          "INSERT OR IGNORE INTO change_aliases (stream, stream_seq, rev_id, prev, chain) "
                          " SELECT a.origin_peer, a.origin_seq, l.rev_id, '', '' FROM origin_aliases a "
                          " JOIN legacy_revisions l ON l.old_rev_id = a.rev_id;"
                          "DROP TABLE revisions;"
                          "DROP TABLE origin_aliases;",
                          error))
    goto fail;

  {
    g_autoptr (JsonArray) streams = wsp_store_dup_streams (self, error);

    if (streams == NULL)
      goto fail;
    for (guint i = 0; i < json_array_get_length (streams); i++)
      {
        const char *stream = json_object_get_string_member (json_array_get_object_element (streams, i), "stream");

        /* The chains of the converted changes: this laptop's own go on
         * with its next change and are signed as its own; the others'
         * are vouched for by this laptop, which converted them. */
        if (!wsp_store_advance_run (self, stream, error) || !wsp_store_chain_unchained (self, stream, error))
          goto fail;
        if (strcmp (stream, self->stream) == 0)
          {
            if (!own_chain_goes_on (self, error))
              goto fail;
          }
        else if (!wsp_store_witness (self, stream, error))
          goto fail;
      }
  }
  for (guint i = 0; i < records->len; i++)
    if (!wsp_store_reproject (self, g_ptr_array_index (records, i), error))
      goto fail;
  return wsp_store_commit (self, error);

fail:
  wsp_store_rollback (self);
  return FALSE;
}

/**
 * wsp_import_add_legacy:
 * @revision: a revision as schema 1–6 exchanged it: {rev, record, entity,
 *   gen, parents, deleted, hlc, peer, seq, body}
 *
 * Takes in a revision from a file an older version wrote: its old id is
 * checked against its content, then it is made into a change (see the top
 * of this file) and taken in as wsp_import_add() takes a change.
 */
gboolean
wsp_import_add_legacy (WspImport  *import,
                       JsonNode   *revision,
                       GError    **error)
{
  WspStore *self = wsp_import_get_store (import);
  JsonObject *object;
  const char *old_id, *record, *entity, *hlc, *peer;
  JsonNode *parents_node, *deleted_node, *body_node;
  g_autoptr (GPtrArray) parents = g_ptr_array_new ();
  g_autofree char *parents_text = NULL;
  g_autofree char *body_text = NULL;
  g_autofree char *expected = NULL;
  g_auto (Converted) c = { 0 };
  g_autoptr (JsonObject) change = NULL;
  g_autoptr (JsonNode) node = NULL;
  gint64 gen = 0, seq = 0;
  gboolean deleted, missing = FALSE;

  wsp_import_set_legacy (import);
  if (!JSON_NODE_HOLDS_OBJECT (revision))
    return wsp_import_add (import, revision, error);
  object = json_node_get_object (revision);
  old_id = json_object_has_member (object, "rev") ? json_object_get_string_member (object, "rev") : NULL;
  record = json_object_has_member (object, "record") ? json_object_get_string_member (object, "record") : NULL;
  entity = json_object_has_member (object, "entity") ? json_object_get_string_member (object, "entity") : NULL;
  hlc = json_object_has_member (object, "hlc") ? json_object_get_string_member (object, "hlc") : NULL;
  peer = json_object_has_member (object, "peer") ? json_object_get_string_member (object, "peer") : NULL;
  parents_node = wsp_store_member (object, "parents");
  deleted_node = wsp_store_member (object, "deleted");
  body_node = wsp_store_member (object, "body");
  gen = json_object_has_member (object, "gen") ? json_object_get_int_member (object, "gen") : 0;
  seq = json_object_has_member (object, "seq") ? json_object_get_int_member (object, "seq") : 0;

  if (old_id == NULL || record == NULL || entity == NULL || hlc == NULL || peer == NULL
      || parents_node == NULL || !JSON_NODE_HOLDS_ARRAY (parents_node)
      || deleted_node == NULL || !JSON_NODE_HOLDS_VALUE (deleted_node)
      || json_node_get_value_type (deleted_node) != G_TYPE_BOOLEAN
      || body_node == NULL || !JSON_NODE_HOLDS_OBJECT (body_node) || gen < 1 || seq < 1)
    {
      g_set_error_literal (error, WSP_STORE_ERROR, WSP_STORE_ERROR_DAMAGED,
                           _("A change in the file is damaged (it lacks what an older version wrote), so "
                             "nothing was imported."));
      return FALSE;
    }
  deleted = json_node_get_boolean (deleted_node);
  for (guint i = 0; i < json_array_get_length (json_node_get_array (parents_node)); i++)
    {
      JsonNode *p = json_array_get_element (json_node_get_array (parents_node), i);
      if (!JSON_NODE_HOLDS_VALUE (p) || json_node_get_value_type (p) != G_TYPE_STRING)
        break;
      g_ptr_array_add (parents, (gpointer) json_node_get_string (p));
    }
  g_ptr_array_sort (parents, wsp_store_compare_strings);
  g_ptr_array_add (parents, NULL);
  parents_text = wsp_store_parents_text ((const char * const *) parents->pdata);
  body_text = wsp_json_canonical (body_node);
  expected = legacy_id (entity, record, gen, deleted, parents_text, body_text);
  if (g_strcmp0 (expected, old_id) != 0)
    {
      g_set_error_literal (error, WSP_STORE_ERROR, WSP_STORE_ERROR_DAMAGED,
                           _("A change in the file is damaged (its content does not match its id), so "
                             "nothing was imported."));
      return FALSE;
    }

  if (!convert (self, record, entity, (GStrv) parents->pdata, deleted, json_node_get_object (body_node), &c,
                &missing, error))
    return FALSE;
  if (missing)
    {
      g_set_error_literal (error, WSP_STORE_ERROR, WSP_STORE_ERROR_DAMAGED,
                           _("A change in the file follows a version this laptop does not have, so nothing "
                             "was imported. Import the other laptop’s full export."));
      return FALSE;
    }

  change = json_object_new ();
  json_object_set_string_member (change, "rev", c.rev_id);
  json_object_set_string_member (change, "record", record);
  json_object_set_string_member (change, "entity", entity);
  json_object_set_int_member (change, "gen", c.gen);
  json_object_set_member (change, "parents", json_from_string (c.parents_text, NULL));
  json_object_set_object_member (change, "sets", json_object_ref (c.sets));
  json_object_set_string_member (change, "hlc", hlc);
  json_object_set_string_member (change, "stream", peer);
  json_object_set_int_member (change, "seq", seq);
  node = json_node_init_object (json_node_alloc (), change);
  if (!wsp_import_add (import, node, error))
    return FALSE;
  return remember_legacy (self, old_id, c.rev_id, deleted, body_text, error);
}
