/* wsp-store-projection.c — a record's current value, worked out from its changes
 *
 * Each change says which fields it set. A field's value is decided by the
 * writes of that field that no later write of the same field has seen (a
 * multi-value register per field, as in Automerge): when there is one such
 * write, its value is the field's; when there are several with different
 * values, the field is in conflict, every value is kept for a person to
 * choose (wsp_store_resolve), and the one shown meanwhile is the write with
 * the highest generation, then the highest id, so every laptop shows the
 * same. "_deleted" is such a field: a record is deleted when its latest
 * writes of it all say so and every edit of another field was seen by
 * those deletes or saw them; a delete concurrent with an edit keeps the
 * record alive and is shown as a conflict, never dropped.
 *
 * The state depends only on the set of changes held, so it is the same on
 * every laptop that holds the same changes, whatever the order they came in.
 *
 * The current value goes to `records`, to the kind's own table (one column
 * per field, made from the kind's WspEntity) and to the search index.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "base/wsp-json.h"
#include "records/wsp-entities.h"
#include "store/wsp-store-private.h"

static GStrv
parse_parents (const char *text)
{
  g_autoptr (JsonNode) node = json_from_string (text, NULL);
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        g_strv_builder_add (builder, json_array_get_string_element (array, i));
    }
  return g_strv_builder_end (builder);
}

/* Every change of @record_id (WspChange), by generation then id: parents
 * always come before their children. */
GPtrArray *
wsp_store_load_changes (WspStore    *self,
                        const char  *record_id,
                        GError     **error)
{
  sqlite3_stmt *stmt = wsp_database_statement (self->database,
                                               "SELECT rev_id, entity, gen, parents, sets, hlc, stream, "
                                               "stream_seq, leaf FROM changes WHERE record_id = ? "
                                               "ORDER BY gen, rev_id",
                                               error);
  g_autoptr (GPtrArray) changes = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  changes = g_ptr_array_new_with_free_func ((GDestroyNotify) wsp_change_free);
  wsp_database_bind_text (stmt, 1, record_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      WspChange *change = g_new0 (WspChange, 1);

      change->rev_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      change->record_id = g_strdup (record_id);
      change->entity = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      change->gen = sqlite3_column_int64 (stmt, 2);
      change->parents = parse_parents ((const char *) sqlite3_column_text (stmt, 3));
      change->sets = wsp_json_parse_object ((const char *) sqlite3_column_text (stmt, 4), NULL);
      if (change->sets == NULL)
        change->sets = json_object_new ();
      change->hlc = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      change->stream = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
      change->stream_seq = sqlite3_column_int64 (stmt, 7);
      change->leaf = sqlite3_column_int (stmt, 8) != 0;
      g_ptr_array_add (changes, change);
    }
  if (!wsp_database_rows_done (self->database, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&changes);
}

/* ---- the history of one record, as a graph -------------------------------- */

typedef struct
{
  GPtrArray  *changes;   /* WspChange, parents first */
  guint       words;     /* of each ancestor set */
  guint64    *ancestors; /* changes × words bits: j is an ancestor of i */
} Graph;

static void
graph_clear (Graph *graph)
{
  g_clear_pointer (&graph->ancestors, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Graph, graph_clear)

static gboolean
is_ancestor (const Graph *graph,
             guint        ancestor,
             guint        of)
{
  return (graph->ancestors[of * graph->words + ancestor / 64] >> (ancestor % 64)) & 1;
}

/* Each change's ancestors, from its parents' (which come first). */
static void
graph_init (Graph     *graph,
            GPtrArray *changes)
{
  g_autoptr (GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);

  graph->changes = changes;
  graph->words = (changes->len + 63) / 64;
  graph->ancestors = g_new0 (guint64, (gsize) MAX (changes->len, 1) * MAX (graph->words, 1));
  for (guint i = 0; i < changes->len; i++)
    {
      WspChange *change = g_ptr_array_index (changes, i);
      guint64 *mine = &graph->ancestors[i * graph->words];

      for (guint p = 0; change->parents[p] != NULL; p++)
        {
          gpointer found;
          guint parent;

          if (!g_hash_table_lookup_extended (index, change->parents[p], NULL, &found))
            continue; /* not held here: its history stops there */
          parent = GPOINTER_TO_UINT (found);
          mine[parent / 64] |= G_GUINT64_CONSTANT (1) << (parent % 64);
          for (guint w = 0; w < graph->words; w++)
            mine[w] |= graph->ancestors[parent * graph->words + w];
        }
      g_hash_table_insert (index, change->rev_id, GUINT_TO_POINTER (i));
    }
}

/* The writes of @field that no later write of it has seen: indexes into the
 * graph's changes, in order. */
static GArray *
latest_writes (const Graph *graph,
               const char  *field)
{
  g_autoptr (GArray) writes = g_array_new (FALSE, FALSE, sizeof (guint));
  GArray *latest = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < graph->changes->len; i++)
    if (json_object_has_member (((WspChange *) g_ptr_array_index (graph->changes, i))->sets, field))
      g_array_append_val (writes, i);
  for (guint a = 0; a < writes->len; a++)
    {
      guint w = g_array_index (writes, guint, a);
      gboolean seen = FALSE;

      for (guint b = 0; b < writes->len && !seen; b++)
        seen = b != a && is_ancestor (graph, w, g_array_index (writes, guint, b));
      if (!seen)
        g_array_append_val (latest, w);
    }
  return latest;
}

static JsonNode *
written (const Graph *graph,
         guint        index,
         const char  *field)
{
  return json_object_get_member (((WspChange *) g_ptr_array_index (graph->changes, index))->sets, field);
}

static gboolean
null_or_missing (JsonNode *node)
{
  return node == NULL || JSON_NODE_HOLDS_NULL (node);
}

/* The peer a stream belongs to, for saying who made a change. */
static char *
peer_of_stream (WspStore   *self,
                const char *stream)
{
  sqlite3_stmt *stmt = wsp_database_statement (self->database, "SELECT peer_id FROM streams WHERE stream = ?",
                                               NULL);
  char *peer = NULL;

  if (stmt != NULL)
    {
      wsp_database_bind_text (stmt, 1, stream);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        peer = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      sqlite3_reset (stmt);
    }
  return peer != NULL ? peer : g_strdup (stream);
}

static JsonObject *
candidate_new (WspStore  *self,
               WspChange *change,
               JsonNode  *value)
{
  JsonObject *c = json_object_new ();
  g_autofree char *peer = peer_of_stream (self, change->stream);

  json_object_set_string_member (c, "rev", change->rev_id);
  json_object_set_string_member (c, "hlc", change->hlc);
  json_object_set_string_member (c, "peer", peer);
  json_object_set_member (c, "value", value != NULL ? json_node_copy (value) : json_node_new (JSON_NODE_NULL));
  return c;
}

/* The record's fields as its latest writes say, and the conflicts where
 * they disagree (field → [candidates]). */
static JsonObject *
work_out_fields (WspStore    *self,
                 const Graph *graph,
                 JsonObject  *conflicts)
{
  g_autoptr (GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GList) sorted = NULL;
  JsonObject *merged = json_object_new ();

  for (guint i = 0; i < graph->changes->len; i++)
    {
      g_autoptr (GList) members = json_object_get_members (((WspChange *) g_ptr_array_index (graph->changes, i))->sets);

      for (GList *l = members; l != NULL; l = l->next)
        g_hash_table_add (names, l->data);
    }
  g_hash_table_remove (names, WSP_STORE_DELETED_FIELD);
  sorted = g_list_sort (g_hash_table_get_keys (names), (GCompareFunc) strcmp);

  for (GList *l = sorted; l != NULL; l = l->next)
    {
      const char *name = l->data;
      g_autoptr (GArray) latest = latest_writes (graph, name);
      guint shown = g_array_index (latest, guint, latest->len - 1); /* highest gen, then id */
      gboolean agree = TRUE;
      JsonNode *value = written (graph, shown, name);

      for (guint i = 0; i + 1 < latest->len && agree; i++)
        agree = wsp_json_node_equal (written (graph, g_array_index (latest, guint, i), name), value);
      if (!null_or_missing (value))
        json_object_set_member (merged, name, json_node_copy (value));
      if (agree)
        continue;

      {
        JsonArray *candidates = json_array_new ();

        /* Each value once, the one shown first. */
        for (guint i = latest->len; i > 0; i--)
          {
            guint w = g_array_index (latest, guint, i - 1);
            gboolean again = FALSE;

            for (guint j = latest->len; j > i && !again; j--)
              again = wsp_json_node_equal (written (graph, g_array_index (latest, guint, j - 1), name),
                                           written (graph, w, name));
            if (!again)
              json_array_add_object_element (candidates,
                                             candidate_new (self, g_ptr_array_index (graph->changes, w),
                                                            written (graph, w, name)));
          }
        json_object_set_array_member (conflicts, name, candidates);
      }
    }
  return merged;
}

/* Whether the record is deleted; a delete that did not see an edit (or a
 * delete and a restore made at once) is a conflict, and the record lives. */
static gboolean
work_out_deleted (WspStore    *self,
                  const Graph *graph,
                  JsonObject  *conflicts)
{
  g_autoptr (GArray) latest = latest_writes (graph, WSP_STORE_DELETED_FIELD);
  g_autoptr (GArray) deletes = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GArray) unseen = g_array_new (FALSE, FALSE, sizeof (guint)); /* edits a delete missed */
  gboolean restores = FALSE;
  JsonArray *candidates;

  for (guint i = 0; i < latest->len; i++)
    {
      guint w = g_array_index (latest, guint, i);
      JsonNode *value = written (graph, w, WSP_STORE_DELETED_FIELD);

      if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_boolean (value))
        g_array_append_val (deletes, w);
      else
        restores = TRUE;
    }
  if (deletes->len == 0)
    return FALSE;

  /* The edits that some delete did not see and that did not see it: made
   * meanwhile on another laptop. An edit made after seeing the delete (in
   * the conflict it opened) leaves it open; deletes and restores are
   * decided by the "_deleted" register itself. */
  for (guint i = 0; i < graph->changes->len; i++)
    {
      WspChange *change = g_ptr_array_index (graph->changes, i);
      gboolean edits = FALSE, missed = FALSE;
      g_autoptr (GList) members = json_object_get_members (change->sets);

      for (GList *l = members; l != NULL && !edits; l = l->next)
        edits = strcmp (l->data, WSP_STORE_DELETED_FIELD) != 0;
      if (!edits)
        continue;
      for (guint d = 0; d < deletes->len && !missed; d++)
        {
          guint del = g_array_index (deletes, guint, d);
          missed = del != i && !is_ancestor (graph, i, del) && !is_ancestor (graph, del, i);
        }
      if (missed)
        g_array_append_val (unseen, i);
    }
  if (unseen->len == 0 && !restores)
    return TRUE;

  candidates = json_array_new ();
  for (guint d = deletes->len; d > 0; d--)
    {
      g_autoptr (JsonNode) yes = json_node_init_boolean (json_node_alloc (), TRUE);
      json_array_add_object_element (candidates,
                                     candidate_new (self, g_ptr_array_index (graph->changes,
                                                                             g_array_index (deletes, guint, d - 1)),
                                                    yes));
    }
  for (guint u = unseen->len; u > 0; u--)
    {
      g_autoptr (JsonNode) no = json_node_init_boolean (json_node_alloc (), FALSE);
      json_array_add_object_element (candidates,
                                     candidate_new (self, g_ptr_array_index (graph->changes,
                                                                             g_array_index (unseen, guint, u - 1)),
                                                    no));
    }
  if (unseen->len == 0)
    for (guint i = 0; i < latest->len; i++)
      {
        guint w = g_array_index (latest, guint, i);
        JsonNode *value = written (graph, w, WSP_STORE_DELETED_FIELD);

        if (!(JSON_NODE_HOLDS_VALUE (value) && json_node_get_boolean (value)))
          json_array_add_object_element (candidates,
                                         candidate_new (self, g_ptr_array_index (graph->changes, w), value));
      }
  json_object_set_array_member (conflicts, WSP_STORE_DELETED_FIELD, candidates);
  return FALSE;
}

/* What the record's state is known by: its only current version, or the
 * current versions together ("<highest generation>-<SHA-256 of their ids>"). */
static char *
head_of (const Graph *graph)
{
  g_autoptr (GChecksum) checksum = NULL;
  WspChange *only = NULL;
  guint n = 0;
  gint64 gen = 0;

  for (guint i = 0; i < graph->changes->len; i++)
    {
      WspChange *change = g_ptr_array_index (graph->changes, i);

      if (!change->leaf)
        continue;
      only = change;
      gen = MAX (gen, change->gen);
      n++;
    }
  if (n == 1)
    return g_strdup (only->rev_id);
  checksum = g_checksum_new (G_CHECKSUM_SHA256);
  for (guint i = 0; i < graph->changes->len; i++)
    {
      WspChange *change = g_ptr_array_index (graph->changes, i);

      if (change->leaf)
        {
          g_checksum_update (checksum, (const guchar *) change->rev_id, -1);
          g_checksum_update (checksum, (const guchar *) "\n", 1);
        }
    }
  return g_strdup_printf ("%" G_GINT64_FORMAT "-%s", gen, g_checksum_get_string (checksum));
}

static void
bind_field (sqlite3_stmt   *stmt,
            int             index,
            const WspField *field,
            JsonNode       *value)
{
  GType vtype;

  if (value == NULL || JSON_NODE_HOLDS_NULL (value))
    {
      sqlite3_bind_null (stmt, index);
      return;
    }
  if (!JSON_NODE_HOLDS_VALUE (value))
    {
      g_autofree char *text = wsp_json_canonical (value);
      sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
      return;
    }
  vtype = json_node_get_value_type (value);
  if (vtype == G_TYPE_INT64)
    sqlite3_bind_int64 (stmt, index, json_node_get_int (value));
  else if (vtype == G_TYPE_BOOLEAN)
    sqlite3_bind_int (stmt, index, json_node_get_boolean (value));
  else if (vtype == G_TYPE_DOUBLE)
    sqlite3_bind_double (stmt, index, json_node_get_double (value));
  else
    sqlite3_bind_text (stmt, index, json_node_get_string (value), -1, SQLITE_TRANSIENT);
}

static void
append_text (GString    *out,
             JsonNode   *value)
{
  if (value == NULL)
    return;
  if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING)
    {
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, json_node_get_string (value));
    }
  else if (JSON_NODE_HOLDS_ARRAY (value))
    {
      JsonArray *array = json_node_get_array (value);
      for (guint i = 0; i < json_array_get_length (array); i++)
        append_text (out, json_array_get_element (array, i));
    }
}

/* The statement that writes (@insert) or removes a record of @entity in its
 * table, made once per kind. */
static const char *
entity_sql (const WspEntity *entity,
            gboolean         insert)
{
  static GMutex lock;
  static GHashTable *made; /* "i"/"d" + entity name → SQL */
  g_autofree char *key = g_strconcat (insert ? "i" : "d", entity->name, NULL);
  const char *sql;

  g_mutex_lock (&lock);
  if (made == NULL)
    made = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sql = g_hash_table_lookup (made, key);
  if (sql == NULL)
    {
      GString *text = g_string_new (NULL);

      if (insert)
        {
          g_string_append_printf (text, "INSERT OR REPLACE INTO %s (id", entity->name);
          for (guint i = 0; i < entity->n_fields; i++)
            g_string_append_printf (text, ", %s", entity->fields[i].name);
          g_string_append (text, ") VALUES (?");
          for (guint i = 0; i < entity->n_fields; i++)
            g_string_append (text, ", ?");
          g_string_append (text, ")");
        }
      else
        g_string_append_printf (text, "DELETE FROM %s WHERE id = ?", entity->name);
      sql = g_string_free (text, FALSE);
      g_hash_table_insert (made, g_steal_pointer (&key), (char *) sql);
    }
  g_mutex_unlock (&lock);
  return sql;
}

/* Writes the current value of a live record into its entity's table and the
 * search index; removes it from both when it is deleted. */
static gboolean
write_projection (WspStore         *self,
                  const WspEntity  *entity,
                  const char       *id,
                  JsonObject       *body,
                  gboolean          deleted,
                  gboolean          fresh,
                  GError          **error)
{
  const char *delete_sql = entity_sql (entity, FALSE);
  sqlite3_stmt *stmt;

  /* The record's old words go first (found through search_rows: the
   * index's own record_id column has no index); a record new here has none. */
  stmt = fresh ? NULL
               : wsp_database_statement (self->database, "SELECT search_rowid FROM search_rows WHERE record_id = ?",
                                         error);
  if (stmt == NULL && !fresh)
    return FALSE;
  if (stmt != NULL)
    wsp_database_bind_text (stmt, 1, id);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 rowid = sqlite3_column_int64 (stmt, 0);

      sqlite3_reset (stmt);
      stmt = wsp_database_statement (self->database, "DELETE FROM search WHERE rowid = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, rowid);
      if (!wsp_database_step_done (self->database, stmt, error))
        return FALSE;
      stmt = wsp_database_statement (self->database, "DELETE FROM search_rows WHERE record_id = ?", error);
      if (stmt == NULL)
        return FALSE;
      wsp_database_bind_text (stmt, 1, id);
      if (!wsp_database_step_done (self->database, stmt, error))
        return FALSE;
    }
  else if (stmt != NULL)
    sqlite3_reset (stmt);

  if (deleted)
    {
      if (fresh)
        return TRUE;
      stmt = wsp_database_statement (self->database, delete_sql, error);
      if (stmt == NULL)
        return FALSE;
      wsp_database_bind_text (stmt, 1, id);
      return wsp_database_step_done (self->database, stmt, error);
    }
  else
    {
      g_autoptr (GString) title = g_string_new (NULL);
      g_autoptr (GString) content = g_string_new (NULL);

      stmt = wsp_database_statement (self->database, entity_sql (entity, TRUE), error);
      if (stmt == NULL)
        return FALSE;
      wsp_database_bind_text (stmt, 1, id);
      for (guint i = 0; i < entity->n_fields; i++)
        {
          const WspField *f = &entity->fields[i];
          JsonNode *value = wsp_store_member (body, f->name);

          bind_field (stmt, i + 2, f, value);
          if (f->flags & WSP_FIELD_TITLE)
            append_text (title, value);
          else if (f->flags & WSP_FIELD_CONTENT)
            append_text (content, value);
        }
      if (!wsp_database_step_done (self->database, stmt, error))
        return FALSE;

      if (title->len == 0 && content->len == 0)
        return TRUE;
      /* Indexed without diacritics (ł as l too), so “zaglebie” finds “Zagłębie”. */
      g_autofree char *folded_title = g_str_to_ascii (title->str, "C");
      g_autofree char *folded_content = g_str_to_ascii (content->str, "C");
      stmt = wsp_database_statement (self->database, "INSERT INTO search (entity, record_id, title, content) VALUES (?, ?, ?, ?)",
                        error);
      if (stmt == NULL)
        return FALSE;
      wsp_database_bind_text (stmt, 1, entity->name);
      wsp_database_bind_text (stmt, 2, id);
      wsp_database_bind_text (stmt, 3, folded_title);
      wsp_database_bind_text (stmt, 4, folded_content);
      if (!wsp_database_step_done (self->database, stmt, error))
        return FALSE;
      {
        gint64 rowid = wsp_database_last_insert_rowid (self->database);

        stmt = wsp_database_statement (self->database, "INSERT INTO search_rows (record_id, search_rowid) VALUES (?, ?)", error);
        if (stmt == NULL)
          return FALSE;
        wsp_database_bind_text (stmt, 1, id);
        sqlite3_bind_int64 (stmt, 2, rowid);
        return wsp_database_step_done (self->database, stmt, error);
      }
    }
}

/* Works out @record_id's current state from its changes and writes it to
 * `records`, `conflicts`, the kind's table and the search index. */
gboolean
wsp_store_reproject (WspStore    *self,
                     const char  *record_id,
                     GError     **error)
{
  return wsp_store_reproject_full (self, record_id, FALSE, error);
}

/* The same; @fresh: the record was not here before (nothing of it to
 * remove first). */
gboolean
wsp_store_reproject_full (WspStore    *self,
                          const char  *record_id,
                          gboolean     fresh,
                          GError     **error)
{
  g_autoptr (GPtrArray) changes = wsp_store_load_changes (self, record_id, error);
  g_auto (Graph) graph = { 0 };
  g_autoptr (JsonObject) conflicts = json_object_new ();
  g_autoptr (JsonObject) merged = NULL;
  g_autofree char *body_text = NULL;
  g_autofree char *head = NULL;
  const char *created = NULL, *updated = NULL;
  const WspEntity *entity;
  gboolean deleted, any_leaf = FALSE;
  sqlite3_stmt *stmt;

  if (changes == NULL)
    return FALSE;
  if (changes->len == 0)
    return TRUE;

  entity = wsp_entities_find (((WspChange *) g_ptr_array_index (changes, 0))->entity);
  if (entity == NULL)
    {
      /* A kind of record from a newer app: kept in the log, not shown. */
      return TRUE;
    }

  for (guint i = 0; i < changes->len; i++)
    {
      WspChange *change = g_ptr_array_index (changes, i);

      if (created == NULL || strcmp (change->hlc, created) < 0)
        created = change->hlc;
      if (updated == NULL || strcmp (change->hlc, updated) > 0)
        updated = change->hlc;
      any_leaf |= change->leaf;
    }
  if (!any_leaf)
    {
      g_set_error (error, WSP_STORE_ERROR, WSP_STORE_ERROR_DAMAGED,
                   _("The history of a record is damaged: it has no current version."));
      return FALSE;
    }

  graph_init (&graph, changes);
  merged = work_out_fields (self, &graph, conflicts);
  deleted = work_out_deleted (self, &graph, conflicts);
  head = head_of (&graph);

  body_text = wsp_json_object_canonical (merged);
  stmt = wsp_database_statement (self->database,
                                 "INSERT OR REPLACE INTO records (id, entity, winner, deleted, conflicts, body, "
                                 "created_hlc, updated_hlc) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                                 error);
  if (stmt == NULL)
    return FALSE;
  wsp_database_bind_text (stmt, 1, record_id);
  wsp_database_bind_text (stmt, 2, entity->name);
  wsp_database_bind_text (stmt, 3, head);
  sqlite3_bind_int (stmt, 4, deleted);
  sqlite3_bind_int (stmt, 5, (int) json_object_get_size (conflicts));
  wsp_database_bind_text (stmt, 6, body_text);
  wsp_database_bind_text (stmt, 7, created);
  wsp_database_bind_text (stmt, 8, updated);
  if (!wsp_database_step_done (self->database, stmt, error))
    return FALSE;

  if (!fresh)
    {
      stmt = wsp_database_statement (self->database, "DELETE FROM conflicts WHERE record_id = ?", error);
      if (stmt == NULL)
        return FALSE;
      wsp_database_bind_text (stmt, 1, record_id);
      if (!wsp_database_step_done (self->database, stmt, error))
        return FALSE;
    }
  {
    g_autoptr (GList) names = json_object_get_members (conflicts);

    for (GList *l = names; l != NULL; l = l->next)
      {
        g_autofree char *text = wsp_json_canonical (json_object_get_member (conflicts, l->data));

        stmt = wsp_database_statement (self->database,
                                       "INSERT INTO conflicts (record_id, field, candidates) VALUES (?, ?, ?)",
                                       error);
        if (stmt == NULL)
          return FALSE;
        wsp_database_bind_text (stmt, 1, record_id);
        wsp_database_bind_text (stmt, 2, l->data);
        wsp_database_bind_text (stmt, 3, text);
        if (!wsp_database_step_done (self->database, stmt, error))
          return FALSE;
      }
  }

  if (!write_projection (self, entity, record_id, merged, deleted, fresh, error))
    return FALSE;

  wsp_store_note_change (self, entity->name, record_id);
  return TRUE;
}

/* ---- the tables of current values ---------------------------------------- */

static const char *
column_type (const WspField *field)
{
  switch (field->type)
    {
    case WSP_FIELD_INT:
    case WSP_FIELD_BOOL:
      return "INTEGER";
    case WSP_FIELD_TEXT:
    case WSP_FIELD_DATE:
    case WSP_FIELD_DATETIME:
    case WSP_FIELD_ENUM:
    case WSP_FIELD_REF:
    case WSP_FIELD_LIST:
    case WSP_FIELD_JSON:
    default:
      return "TEXT";
    }
}

/* The columns @entity's table has now. */
static GHashTable *
table_columns (WspStore    *self,
               const char  *table,
               GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA table_info (%s)", table);
  g_autoptr (sqlite3_stmt) stmt = wsp_database_prepare (self->database, sql, error);
  g_autoptr (GHashTable) columns = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (columns, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
  if (rc != SQLITE_DONE)
    {
      wsp_database_set_error (self->database, rc, error);
      return NULL;
    }
  return g_steal_pointer (&columns);
}

/* Writes the current value of every live record of @entity into its table
 * again (after the table was made or given new columns). */
static gboolean
refill (WspStore         *self,
        const WspEntity  *entity,
        GError          **error)
{
  sqlite3_stmt *stmt = wsp_database_statement (self->database,
                                               "SELECT id FROM records WHERE entity = ? AND deleted = 0",
                                               error);
  g_autoptr (GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  int rc;

  if (stmt == NULL)
    return FALSE;
  wsp_database_bind_text (stmt, 1, entity->name);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (ids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  if (!wsp_database_rows_done (self->database, stmt, rc, error))
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    if (!wsp_store_reproject (self, g_ptr_array_index (ids, i), error))
      return FALSE;
  return TRUE;
}

static gboolean
index_exists (WspStore    *self,
              const char  *name,
              gboolean    *exists,
              GError     **error)
{
  sqlite3_stmt *stmt = wsp_database_statement (self->database,
                                               "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?",
                                               error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  wsp_database_bind_text (stmt, 1, name);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return wsp_database_set_error (self->database, rc, error);
  *exists = rc == SQLITE_ROW;
  return TRUE;
}

/* The columns of the index that finds @entity's records by @field in list
 * order: the field, then the sort keys up to the first one sorted by
 * locale (an index cannot hold that order), then the id. */
static char *
index_columns (const WspEntity *entity,
               const WspField  *field)
{
  GString *columns = g_string_new (field->name);

  for (guint i = 0; i < WSP_ENTITY_MAX_SORT_KEYS && entity->order[i].field != NULL; i++)
    {
      if (entity->order[i].flags & WSP_SORT_LOCALIZED)
        return g_string_free (columns, FALSE);
      g_string_append_printf (columns, ", %s%s", entity->order[i].field,
                              entity->order[i].flags & WSP_SORT_DESCENDING ? " DESC" : "");
    }
  g_string_append (columns, ", id");
  return g_string_free (columns, FALSE);
}

/* What @entity's table lacks, as SQL statements: the table itself, new
 * columns, indexes. @refill says whether the table must be filled again. */
static gboolean
missing_ddl (WspStore         *self,
             const WspEntity  *entity,
             GPtrArray        *ddl,
             gboolean         *refill_needed,
             GError          **error)
{
  g_autoptr (GHashTable) columns = table_columns (self, entity->name, error);

  if (columns == NULL)
    return FALSE;

  if (g_hash_table_size (columns) == 0)
    {
      GString *sql = g_string_new (NULL);

      g_string_append_printf (sql, "CREATE TABLE %s (id TEXT PRIMARY KEY", entity->name);
      for (guint i = 0; i < entity->n_fields; i++)
        g_string_append_printf (sql, ", %s %s", entity->fields[i].name, column_type (&entity->fields[i]));
      g_string_append (sql, ") WITHOUT ROWID");
      g_ptr_array_add (ddl, g_string_free (sql, FALSE));
      *refill_needed = TRUE;
    }
  else
    for (guint i = 0; i < entity->n_fields; i++)
      if (!g_hash_table_contains (columns, entity->fields[i].name))
        {
          g_ptr_array_add (ddl, g_strdup_printf ("ALTER TABLE %s ADD COLUMN %s %s", entity->name,
                                                 entity->fields[i].name,
                                                 column_type (&entity->fields[i])));
          *refill_needed = TRUE;
        }

  for (guint i = 0; i < entity->n_fields; i++)
    {
      const WspField *field = &entity->fields[i];
      g_autofree char *name = NULL;
      g_autofree char *cols = NULL;
      gboolean exists = FALSE;

      if (field->type != WSP_FIELD_REF && !(field->flags & WSP_FIELD_INDEXED))
        continue;
      name = g_strdup_printf ("%s_by_%s", entity->name, field->name);
      if (!index_exists (self, name, &exists, error))
        return FALSE;
      if (exists)
        continue;
      cols = index_columns (entity, field);
      g_ptr_array_add (ddl, g_strdup_printf ("CREATE INDEX %s ON %s (%s)", name, entity->name, cols));
    }
  return TRUE;
}

/* Makes each kind's table hold a column for each field its description
 * names, and an index for each reference (and each field marked indexed),
 * so that a new kind or a new field needs no hand-written SQL. Tables that
 * already match are left alone, without a write; a new table or column is
 * filled from the records. */
gboolean
wsp_store_ensure_projection (WspStore  *self,
                             GError   **error)
{
  guint n;
  const GType *types = wsp_entities_get_types (&n);
  g_autoptr (GPtrArray) ddl = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) to_fill = g_ptr_array_new ();

  for (guint i = 0; i < n; i++)
    {
      const WspEntity *entity = wsp_entities_for_type (types[i]);
      gboolean fill = FALSE;

      if (!missing_ddl (self, entity, ddl, &fill, error))
        return FALSE;
      if (fill)
        g_ptr_array_add (to_fill, (gpointer) entity);
    }
  if (ddl->len == 0)
    return TRUE;

  if (!wsp_store_begin (self, error))
    return FALSE;
  for (guint i = 0; i < ddl->len; i++)
    if (!wsp_database_exec (self->database, g_ptr_array_index (ddl, i), error))
      goto fail;
  for (guint i = 0; i < to_fill->len; i++)
    if (!refill (self, g_ptr_array_index (to_fill, i), error))
      goto fail;
  return wsp_store_commit (self, error);

fail:
  wsp_store_rollback (self);
  return FALSE;
}
