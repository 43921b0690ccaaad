/* wsp-store-projection.c — a record's current value, worked out from its revisions
 *
 * The winner is the live leaf with the highest generation, then the highest
 * revision id (as CouchDB and PouchDB choose it). Several live leaves are
 * merged field by field against their latest common ancestors: a field
 * changed on one side is taken, the same new value on both sides is taken,
 * different new values are a conflict that keeps every value until a
 * person chooses (wsp_store_resolve). A delete concurrent with an edit keeps
 * the record alive and is shown as a conflict, never dropped.
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

typedef struct
{
  char       *rev_id;
  gint64      gen;
  GStrv       parents;
  gboolean    deleted;
  char       *hlc;
  char       *peer;
  JsonObject *body;
  gboolean    leaf;
} Revision;

static void
revision_free (Revision *rev)
{
  g_free (rev->rev_id);
  g_strfreev (rev->parents);
  g_free (rev->hlc);
  g_free (rev->peer);
  g_clear_pointer (&rev->body, json_object_unref);
  g_free (rev);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Revision, revision_free)

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

/* Every revision of @record_id, by rev_id. */
static GHashTable *
load_revisions (WspStore    *self,
                const char  *record_id,
                char       **entity,
                GError     **error)
{
  sqlite3_stmt *stmt = wsp_database_statement (self->database, "SELECT rev_id, gen, parents, deleted, hlc, origin_peer, body, "
                                  "leaf, entity FROM revisions WHERE record_id = ?",
                                  error);
  g_autoptr (GHashTable) revs = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  revs = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) revision_free);
  wsp_database_bind_text (stmt, 1, record_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Revision *rev = g_new0 (Revision, 1);

      rev->rev_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      rev->gen = sqlite3_column_int64 (stmt, 1);
      rev->parents = parse_parents ((const char *) sqlite3_column_text (stmt, 2));
      rev->deleted = sqlite3_column_int (stmt, 3) != 0;
      rev->hlc = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      rev->peer = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      rev->body = wsp_json_parse_object ((const char *) sqlite3_column_text (stmt, 6), NULL);
      if (rev->body == NULL)
        rev->body = json_object_new ();
      rev->leaf = sqlite3_column_int (stmt, 7) != 0;
      if (entity != NULL && *entity == NULL)
        *entity = g_strdup ((const char *) sqlite3_column_text (stmt, 8));
      g_hash_table_insert (revs, rev->rev_id, rev);
    }
  if (!wsp_database_rows_done (self->database, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&revs);
}

/* Whether @a wins over @b: live before deleted, then generation, then id. */
static gboolean
revision_wins (const Revision *a,
               const Revision *b)
{
  if (a->deleted != b->deleted)
    return !a->deleted;
  if (a->gen != b->gen)
    return a->gen > b->gen;
  return strcmp (a->rev_id, b->rev_id) > 0;
}

static int
compare_revisions (gconstpointer pa,
                   gconstpointer pb)
{
  const Revision *a = *(const Revision **) pa;
  const Revision *b = *(const Revision **) pb;

  if (revision_wins (a, b))
    return -1;
  if (revision_wins (b, a))
    return 1;
  return 0;
}

static GHashTable *
ancestors (GHashTable     *revs,
           const Revision *rev)
{
  GHashTable *seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) queue = g_ptr_array_new ();

  g_ptr_array_add (queue, (gpointer) rev);
  while (queue->len > 0)
    {
      const Revision *r = g_ptr_array_steal_index_fast (queue, queue->len - 1);

      if (!g_hash_table_add (seen, r->rev_id))
        continue;
      for (guint i = 0; r->parents[i] != NULL; i++)
        {
          Revision *p = g_hash_table_lookup (revs, r->parents[i]);
          if (p != NULL)
            g_ptr_array_add (queue, p);
        }
    }
  return seen;
}

/* The latest revisions that all of @leaves descend from: the common
 * ancestors that are not ancestors of another common ancestor. Usually one;
 * two or more after criss-cross merges (two people resolving the same
 * conflict on two laptops), like git's merge bases. */
static GPtrArray *
merge_bases (GHashTable *revs,
             GPtrArray  *leaves)
{
  g_autoptr (GHashTable) common = ancestors (revs, g_ptr_array_index (leaves, 0));
  GPtrArray *bases = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  for (guint i = 1; i < leaves->len; i++)
    {
      g_autoptr (GHashTable) other = ancestors (revs, g_ptr_array_index (leaves, i));

      g_hash_table_iter_init (&iter, common);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        if (!g_hash_table_contains (other, key))
          g_hash_table_iter_remove (&iter);
    }

  g_hash_table_iter_init (&iter, common);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      Revision *candidate = g_hash_table_lookup (revs, key);
      GHashTableIter others;
      gpointer other_key;
      gboolean below_another = FALSE;

      g_hash_table_iter_init (&others, common);
      while (!below_another && g_hash_table_iter_next (&others, &other_key, NULL))
        {
          g_autoptr (GHashTable) above = NULL;

          if (g_strcmp0 (other_key, key) == 0)
            continue;
          above = ancestors (revs, g_hash_table_lookup (revs, other_key));
          below_another = g_hash_table_contains (above, key);
        }
      if (!below_another)
        g_ptr_array_add (bases, candidate);
    }
  g_ptr_array_sort (bases, compare_revisions);
  return bases;
}

static void
add_member_names (GHashTable *names,
                  JsonObject *object)
{
  g_autoptr (GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    g_hash_table_add (names, l->data);
}

static JsonObject *
candidate_new (const Revision *rev,
               JsonNode       *value)
{
  JsonObject *c = json_object_new ();

  json_object_set_string_member (c, "rev", rev->rev_id);
  json_object_set_string_member (c, "hlc", rev->hlc);
  json_object_set_string_member (c, "peer", rev->peer);
  json_object_set_member (c, "value", value ? json_node_copy (value) : json_node_new (JSON_NODE_NULL));
  return c;
}

/* Merges the live leaves (sorted, winner first) field by field. Conflicting
 * fields take the winner's value and are added to @conflicts as
 * field → [candidates]. */
static JsonObject *
merge_leaves (GHashTable *revs,
              GPtrArray  *live,
              JsonObject *conflicts)
{
  Revision *winner = g_ptr_array_index (live, 0);
  g_autoptr (GPtrArray) bases = merge_bases (revs, live);
  JsonObject *base_body = bases->len > 0 ? ((Revision *) g_ptr_array_index (bases, 0))->body : NULL;
  g_autoptr (GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GList) sorted = NULL;
  JsonObject *merged = json_object_new ();

  for (guint i = 0; i < live->len; i++)
    add_member_names (names, ((Revision *) g_ptr_array_index (live, i))->body);
  for (guint i = 0; i < bases->len; i++)
    add_member_names (names, ((Revision *) g_ptr_array_index (bases, i))->body);
  sorted = g_list_sort (g_hash_table_get_keys (names), (GCompareFunc) strcmp);

  for (GList *l = sorted; l != NULL; l = l->next)
    {
      const char *name = l->data;
      JsonNode *base_value = wsp_store_member (base_body, name);
      gboolean disputed = FALSE;
      g_autoptr (GPtrArray) changed = g_ptr_array_new (); /* distinct new values */
      g_autoptr (GPtrArray) changed_by = g_ptr_array_new ();

      /* Where the merge bases themselves disagree there is no one value to
       * compare with: every distinct value of the leaves counts. */
      for (guint i = 1; i < bases->len && !disputed; i++)
        disputed = !wsp_json_node_equal (base_value,
                                         wsp_store_member (((Revision *) g_ptr_array_index (bases, i))->body, name));

      for (guint i = 0; i < live->len; i++)
        {
          Revision *rev = g_ptr_array_index (live, i);
          JsonNode *value = wsp_store_member (rev->body, name);
          gboolean seen = FALSE;

          if (!disputed && wsp_json_node_equal (value, base_value))
            continue;
          for (guint j = 0; j < changed->len && !seen; j++)
            seen = wsp_json_node_equal (value, g_ptr_array_index (changed, j));
          if (!seen)
            {
              g_ptr_array_add (changed, value);
              g_ptr_array_add (changed_by, rev);
            }
        }

      if (changed->len == 0)
        {
          if (base_value != NULL)
            json_object_set_member (merged, name, json_node_copy (base_value));
        }
      else if (changed->len == 1)
        {
          JsonNode *value = g_ptr_array_index (changed, 0);
          if (value != NULL)
            json_object_set_member (merged, name, json_node_copy (value));
        }
      else
        {
          JsonNode *value = wsp_store_member (winner->body, name);
          JsonArray *candidates = json_array_new ();

          if (value != NULL)
            json_object_set_member (merged, name, json_node_copy (value));
          for (guint j = 0; j < changed->len; j++)
            json_array_add_object_element (candidates,
                                           candidate_new (g_ptr_array_index (changed_by, j),
                                                          g_ptr_array_index (changed, j)));
          json_object_set_array_member (conflicts, name, candidates);
        }
    }
  return merged;
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

/* Writes the current value of a live record into its entity's table and the
 * search index; removes it from both when it is deleted. */
static gboolean
write_projection (WspStore         *self,
                  const WspEntity  *entity,
                  const char       *id,
                  JsonObject       *body,
                  gboolean          deleted,
                  GError          **error)
{
  g_autofree char *delete_sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?", entity->name);
  sqlite3_stmt *stmt;

  /* The record's old words go first (found through search_rows: the
   * index's own record_id column has no index). */
  stmt = wsp_database_statement (self->database, "SELECT search_rowid FROM search_rows WHERE record_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  wsp_database_bind_text (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
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
  else
    sqlite3_reset (stmt);

  if (deleted)
    {
      stmt = wsp_database_statement (self->database, delete_sql, error);
      if (stmt == NULL)
        return FALSE;
      wsp_database_bind_text (stmt, 1, id);
      return wsp_database_step_done (self->database, stmt, error);
    }
  else
    {
      g_autoptr (GString) sql = g_string_new (NULL);
      g_autoptr (GString) title = g_string_new (NULL);
      g_autoptr (GString) content = g_string_new (NULL);

      g_string_append_printf (sql, "INSERT OR REPLACE INTO %s (id", entity->name);
      for (guint i = 0; i < entity->n_fields; i++)
        g_string_append_printf (sql, ", %s", entity->fields[i].name);
      g_string_append (sql, ") VALUES (?");
      for (guint i = 0; i < entity->n_fields; i++)
        g_string_append (sql, ", ?");
      g_string_append (sql, ")");

      stmt = wsp_database_statement (self->database, sql->str, error);
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

/* Works out @record_id's current state from its revisions and writes it to
 * `records`, `conflicts`, the entity's table and the search index. */
gboolean
wsp_store_reproject (WspStore    *self,
                     const char  *record_id,
                     GError     **error)
{
  g_autofree char *entity_name = NULL;
  g_autoptr (GHashTable) revs = load_revisions (self, record_id, &entity_name, error);
  g_autoptr (GPtrArray) leaves = g_ptr_array_new ();
  g_autoptr (GPtrArray) live = g_ptr_array_new ();
  g_autoptr (JsonObject) conflicts = json_object_new ();
  g_autoptr (JsonObject) merged = NULL;
  g_autofree char *body_text = NULL;
  const char *created = NULL, *updated = NULL;
  const WspEntity *entity;
  Revision *winner;
  GHashTableIter iter;
  gpointer value;
  sqlite3_stmt *stmt;

  if (revs == NULL)
    return FALSE;
  if (g_hash_table_size (revs) == 0)
    return TRUE;

  entity = wsp_entities_find (entity_name);
  if (entity == NULL)
    {
      /* A kind of record from a newer app: kept in the log, not shown. */
      return TRUE;
    }

  g_hash_table_iter_init (&iter, revs);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Revision *rev = value;

      if (created == NULL || strcmp (rev->hlc, created) < 0)
        created = rev->hlc;
      if (!rev->leaf)
        continue;
      g_ptr_array_add (leaves, rev);
      if (!rev->deleted)
        g_ptr_array_add (live, rev);
      if (updated == NULL || strcmp (rev->hlc, updated) > 0)
        updated = rev->hlc;
    }
  if (leaves->len == 0)
    {
      g_set_error (error, WSP_STORE_ERROR, WSP_STORE_ERROR_DAMAGED,
                   _("The history of a record is damaged: it has no current version."));
      return FALSE;
    }
  g_ptr_array_sort (leaves, compare_revisions);
  g_ptr_array_sort (live, compare_revisions);
  winner = g_ptr_array_index (leaves, 0);

  if (live->len > 1)
    merged = merge_leaves (revs, live, conflicts);
  else
    merged = json_object_ref (winner->body);

  /* Deleted on one laptop while edited on another: kept, and shown. */
  if (live->len > 0 && live->len < leaves->len)
    {
      JsonArray *candidates = json_array_new ();

      for (guint i = 0; i < leaves->len; i++)
        {
          Revision *rev = g_ptr_array_index (leaves, i);
          g_autoptr (JsonNode) flag = json_node_init_boolean (json_node_alloc (), rev->deleted);
          json_array_add_object_element (candidates, candidate_new (rev, flag));
        }
      json_object_set_array_member (conflicts, WSP_STORE_DELETED_FIELD, candidates);
    }

  body_text = wsp_json_object_canonical (merged);
  stmt = wsp_database_statement (self->database, "INSERT OR REPLACE INTO records (id, entity, winner, deleted, conflicts, body, "
                    "created_hlc, updated_hlc) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    error);
  if (stmt == NULL)
    return FALSE;
  wsp_database_bind_text (stmt, 1, record_id);
  wsp_database_bind_text (stmt, 2, entity->name);
  wsp_database_bind_text (stmt, 3, winner->rev_id);
  sqlite3_bind_int (stmt, 4, live->len == 0);
  sqlite3_bind_int (stmt, 5, (int) json_object_get_size (conflicts));
  wsp_database_bind_text (stmt, 6, body_text);
  wsp_database_bind_text (stmt, 7, created);
  wsp_database_bind_text (stmt, 8, updated);
  if (!wsp_database_step_done (self->database, stmt, error))
    return FALSE;

  stmt = wsp_database_statement (self->database, "DELETE FROM conflicts WHERE record_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  wsp_database_bind_text (stmt, 1, record_id);
  if (!wsp_database_step_done (self->database, stmt, error))
    return FALSE;
  {
    g_autoptr (GList) names = json_object_get_members (conflicts);

    for (GList *l = names; l != NULL; l = l->next)
      {
        g_autofree char *text = wsp_json_canonical (json_object_get_member (conflicts, l->data));

        stmt = wsp_database_statement (self->database, "INSERT INTO conflicts (record_id, field, candidates) VALUES (?, ?, ?)",
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

  if (!write_projection (self, entity, record_id, merged, live->len == 0, error))
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
