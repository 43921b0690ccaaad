/* wsp-store.c — the one API the rest of the program uses to read and change data
 *
 * Every change becomes a revision (see migrations/0001-initial.sql): the
 * store never updates or deletes a revision, it only adds them, and then
 * works out the record's current value from its leaves ("projects" it):
 *
 * - the winner is the live leaf with the highest generation, then the
 *   highest revision id (as CouchDB and PouchDB choose it);
 * - several live leaves are merged field by field against their latest
 *   common ancestor: a field changed on one side is taken, the same new value
 *   on both sides is taken, different new values are a conflict that keeps
 *   every value until a person chooses (wsp_store_resolve);
 * - a delete concurrent with an edit keeps the record alive and is shown as
 *   a conflict, never dropped.
 *
 * The same projection serves local edits and imported packets, so a laptop's
 * state depends only on the set of revisions it holds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "records/wsp-entities.h"
#include "base/wsp-hlc.h"
#include "base/wsp-json.h"
#include "store/wsp-record-list.h"
#include "store/wsp-store.h"

/* The pseudo-field of a conflict between a delete and an edit. */
#define DELETED_FIELD "_deleted"

struct _WspStore
{
  GObject      parent_instance;

  WspDatabase *database;
  sqlite3     *db;
  char        *peer_id;
  WspHlc       hlc;
  gint64       origin_seq;

  guint        depth;
  gboolean     failed;
  GHashTable  *pending;    /* "entity\tid" changed in the open transaction */
  GHashTable  *statements; /* SQL → sqlite3_stmt */
};

G_DEFINE_FINAL_TYPE (WspStore, wsp_store, G_TYPE_OBJECT)

/* clang-format off */
G_DEFINE_QUARK (wsp-store-error-quark, wsp_store_error)
/* clang-format on */

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A prepared statement, kept for reuse; reset and cleared for the caller. */
static sqlite3_stmt *
statement (WspStore    *self,
           const char  *sql,
           GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt == NULL)
    {
      stmt = wsp_database_prepare (self->database, sql, error);
      if (stmt == NULL)
        return NULL;
      g_hash_table_insert (self->statements, g_strdup (sql), stmt);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return stmt;
}

/* Ends a loop over a statement's rows: resets it, and says whether the
 * loop ended because the rows did (@rc SQLITE_DONE) rather than an error. */
static gboolean
rows_done (WspStore      *self,
           sqlite3_stmt  *stmt,
           int            rc,
           GError       **error)
{
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return wsp_database_set_error (self->database, rc, error);
  return TRUE;
}

static gboolean
step_done (WspStore      *self,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return wsp_database_set_error (self->database, rc, error);
  return TRUE;
}

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

static char *
meta_get (WspStore   *self,
          const char *key)
{
  sqlite3_stmt *stmt = statement (self, "SELECT value FROM meta WHERE key = ?", NULL);
  char *value = NULL;

  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, key);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return value;
}

static gboolean
meta_set (WspStore    *self,
          const char  *key,
          const char  *value,
          GError     **error)
{
  sqlite3_stmt *stmt = statement (self, "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                                  error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, key);
  bind_text (stmt, 2, value);
  return step_done (self, stmt, error);
}

/* Reads this laptop's identity and counters; creates them on first run. */
static gboolean
load_counters (WspStore  *self,
               GError   **error)
{
  g_autofree char *peer = meta_get (self, "peer_id");
  g_autofree char *hlc = meta_get (self, "hlc");
  g_autofree char *seq = meta_get (self, "origin_seq");

  if (peer == NULL)
    {
      peer = g_uuid_string_random ();
      if (!meta_set (self, "peer_id", peer, error))
        return FALSE;
    }
  g_free (self->peer_id);
  self->peer_id = g_steal_pointer (&peer);
  if (hlc == NULL || !wsp_hlc_parse (hlc, &self->hlc))
    self->hlc = 0;
  self->origin_seq = seq != NULL ? g_ascii_strtoll (seq, NULL, 10) : 0;
  return TRUE;
}

static void
emit_pending (WspStore *self)
{
  g_autoptr (GHashTable) pending = g_steal_pointer (&self->pending);
  GHashTableIter iter;
  gpointer key;

  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_iter_init (&iter, pending);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_auto (GStrv) parts = g_strsplit (key, "\t", 2);
      g_signal_emit (self, signals[CHANGED], g_quark_from_string (parts[0]), parts[0], parts[1]);
    }
}

/* Starts a write. Writes nest: the outermost one is a transaction, inner ones
 * are savepoints, so a failed inner write (one bad row of an import) is undone
 * alone and the rest goes on. */
gboolean
wsp_store_begin (WspStore  *self,
                 GError   **error)
{
  g_return_val_if_fail (WSP_IS_STORE (self), FALSE);

  if (!wsp_database_exec (self->database, self->depth == 0 ? "BEGIN IMMEDIATE" : "SAVEPOINT w",
                          error))
    return FALSE;
  self->depth++;
  return TRUE;
}

static gboolean
store_end (WspStore  *self,
           gboolean   ok,
           GError   **error)
{
  g_autoptr (GError) local_error = NULL;

  g_return_val_if_fail (self->depth > 0, FALSE);
  self->depth--;

  if (self->depth > 0)
    {
      if (ok)
        return wsp_database_exec (self->database, "RELEASE w", error);
      wsp_database_exec (self->database, "ROLLBACK TO w; RELEASE w", NULL);
      load_counters (self, NULL);
      return FALSE;
    }

  if (ok && !wsp_database_exec (self->database, "COMMIT", &local_error))
    {
      ok = FALSE;
      g_propagate_error (error, g_steal_pointer (&local_error));
    }
  if (!ok)
    {
      if (sqlite3_get_autocommit (self->db) == 0)
        wsp_database_exec (self->database, "ROLLBACK", NULL);
      g_hash_table_remove_all (self->pending);
      load_counters (self, NULL);
      return FALSE;
    }
  emit_pending (self);
  return TRUE;
}

gboolean
wsp_store_commit (WspStore  *self,
                  GError   **error)
{
  g_return_val_if_fail (WSP_IS_STORE (self), FALSE);
  return store_end (self, TRUE, error);
}

void
wsp_store_rollback (WspStore *self)
{
  g_return_if_fail (WSP_IS_STORE (self));
  store_end (self, FALSE, NULL);
}

/* ---- projection ---------------------------------------------------------- */

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
  sqlite3_stmt *stmt = statement (self,
                                  "SELECT rev_id, gen, parents, deleted, hlc, origin_peer, body, "
                                  "leaf, entity FROM revisions WHERE record_id = ?",
                                  error);
  g_autoptr (GHashTable) revs = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  revs = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) revision_free);
  bind_text (stmt, 1, record_id);
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
  if (!rows_done (self, stmt, rc, error))
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

static JsonNode *
member_or_null (JsonObject *object,
                const char *name)
{
  return object != NULL && json_object_has_member (object, name)
           ? json_object_get_member (object, name) : NULL;
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
      JsonNode *base_value = member_or_null (base_body, name);
      gboolean disputed = FALSE;
      g_autoptr (GPtrArray) changed = g_ptr_array_new (); /* distinct new values */
      g_autoptr (GPtrArray) changed_by = g_ptr_array_new ();

      /* Where the merge bases themselves disagree there is no one value to
       * compare with: every distinct value of the leaves counts. */
      for (guint i = 1; i < bases->len && !disputed; i++)
        disputed = !wsp_json_node_equal (base_value,
                                         member_or_null (((Revision *) g_ptr_array_index (bases, i))->body, name));

      for (guint i = 0; i < live->len; i++)
        {
          Revision *rev = g_ptr_array_index (live, i);
          JsonNode *value = member_or_null (rev->body, name);
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
          JsonNode *value = member_or_null (winner->body, name);
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
  stmt = statement (self, "SELECT search_rowid FROM search_rows WHERE record_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 rowid = sqlite3_column_int64 (stmt, 0);

      sqlite3_reset (stmt);
      stmt = statement (self, "DELETE FROM search WHERE rowid = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, rowid);
      if (!step_done (self, stmt, error))
        return FALSE;
      stmt = statement (self, "DELETE FROM search_rows WHERE record_id = ?", error);
      if (stmt == NULL)
        return FALSE;
      bind_text (stmt, 1, id);
      if (!step_done (self, stmt, error))
        return FALSE;
    }
  else
    sqlite3_reset (stmt);

  if (deleted)
    {
      stmt = statement (self, delete_sql, error);
      if (stmt == NULL)
        return FALSE;
      bind_text (stmt, 1, id);
      return step_done (self, stmt, error);
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

      stmt = statement (self, sql->str, error);
      if (stmt == NULL)
        return FALSE;
      bind_text (stmt, 1, id);
      for (guint i = 0; i < entity->n_fields; i++)
        {
          const WspField *f = &entity->fields[i];
          JsonNode *value = member_or_null (body, f->name);

          bind_field (stmt, i + 2, f, value);
          if (f->flags & WSP_FIELD_TITLE)
            append_text (title, value);
          else if (f->flags & WSP_FIELD_CONTENT)
            append_text (content, value);
        }
      if (!step_done (self, stmt, error))
        return FALSE;

      if (title->len == 0 && content->len == 0)
        return TRUE;
      /* Indexed without diacritics (ł as l too), so “zaglebie” finds “Zagłębie”. */
      g_autofree char *folded_title = g_str_to_ascii (title->str, "C");
      g_autofree char *folded_content = g_str_to_ascii (content->str, "C");
      stmt = statement (self,
                        "INSERT INTO search (entity, record_id, title, content) VALUES (?, ?, ?, ?)",
                        error);
      if (stmt == NULL)
        return FALSE;
      bind_text (stmt, 1, entity->name);
      bind_text (stmt, 2, id);
      bind_text (stmt, 3, folded_title);
      bind_text (stmt, 4, folded_content);
      if (!step_done (self, stmt, error))
        return FALSE;
      {
        gint64 rowid = sqlite3_last_insert_rowid (self->db);

        stmt = statement (self, "INSERT INTO search_rows (record_id, search_rowid) VALUES (?, ?)", error);
        if (stmt == NULL)
          return FALSE;
        bind_text (stmt, 1, id);
        sqlite3_bind_int64 (stmt, 2, rowid);
        return step_done (self, stmt, error);
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
  GType type;
  sqlite3_stmt *stmt;

  if (revs == NULL)
    return FALSE;
  if (g_hash_table_size (revs) == 0)
    return TRUE;

  type = wsp_entities_lookup (entity_name);
  if (type == G_TYPE_INVALID)
    {
      /* A kind of record from a newer app: kept in the log, not shown. */
      return TRUE;
    }
  {
    g_autoptr (GTypeClass) klass = g_type_class_ref (type);
    entity = WSP_RECORD_CLASS (klass)->entity;
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
      json_object_set_array_member (conflicts, DELETED_FIELD, candidates);
    }

  body_text = wsp_json_object_canonical (merged);
  stmt = statement (self,
                    "INSERT OR REPLACE INTO records (id, entity, winner, deleted, conflicts, body, "
                    "created_hlc, updated_hlc) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, record_id);
  bind_text (stmt, 2, entity->name);
  bind_text (stmt, 3, winner->rev_id);
  sqlite3_bind_int (stmt, 4, live->len == 0);
  sqlite3_bind_int (stmt, 5, (int) json_object_get_size (conflicts));
  bind_text (stmt, 6, body_text);
  bind_text (stmt, 7, created);
  bind_text (stmt, 8, updated);
  if (!step_done (self, stmt, error))
    return FALSE;

  stmt = statement (self, "DELETE FROM conflicts WHERE record_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, record_id);
  if (!step_done (self, stmt, error))
    return FALSE;
  {
    g_autoptr (GList) names = json_object_get_members (conflicts);

    for (GList *l = names; l != NULL; l = l->next)
      {
        g_autofree char *text = wsp_json_canonical (json_object_get_member (conflicts, l->data));

        stmt = statement (self,
                          "INSERT INTO conflicts (record_id, field, candidates) VALUES (?, ?, ?)",
                          error);
        if (stmt == NULL)
          return FALSE;
        bind_text (stmt, 1, record_id);
        bind_text (stmt, 2, l->data);
        bind_text (stmt, 3, text);
        if (!step_done (self, stmt, error))
          return FALSE;
      }
  }

  if (!write_projection (self, entity, record_id, merged, live->len == 0, error))
    return FALSE;

  g_hash_table_add (self->pending, g_strdup_printf ("%s\t%s", entity->name, record_id));
  return TRUE;
}

/* ---- writing ------------------------------------------------------------- */

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
  sqlite3_stmt *stmt = statement (self,
                                  "SELECT winner, deleted, conflicts, body FROM records WHERE id = ?",
                                  error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, id);
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
  stmt = statement (self, "SELECT rev_id, gen, deleted FROM revisions WHERE record_id = ? AND leaf = 1",
                    error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (head->leaves, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      head->max_gen = MAX (head->max_gen, sqlite3_column_int64 (stmt, 1));
    }
  if (!rows_done (self, stmt, rc, error))
    return FALSE;
  return TRUE;
}

static gint64
parents_max_gen (WspStore  *self,
                 GPtrArray *parents)
{
  sqlite3_stmt *stmt = statement (self, "SELECT gen FROM revisions WHERE rev_id = ?", NULL);
  gint64 gen = 0;

  for (guint i = 0; stmt != NULL && i < parents->len; i++)
    {
      sqlite3_reset (stmt);
      bind_text (stmt, 1, g_ptr_array_index (parents, i));
      if (sqlite3_step (stmt) == SQLITE_ROW)
        gen = MAX (gen, sqlite3_column_int64 (stmt, 0));
    }
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return gen;
}

static int
compare_c_strings (gconstpointer a,
                   gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

static gboolean add_alias (WspStore *self, const char *peer, gint64 seq, const char *rev_id,
                           GError **error);

/* A revision's id: its generation and the SHA-256 of everything it says, so
 * the same change is the same revision wherever it was made, and a changed
 * byte gives another id. */
static char *
revision_id (const char *entity,
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

  g_ptr_array_sort (parents, compare_c_strings);
  for (guint i = 0; i < parents->len; i++)
    json_array_add_string_element (parents_array, g_ptr_array_index (parents, i));
  parents_node = json_node_init_array (json_node_alloc (), parents_array);
  parents_text = json_to_string (parents_node, FALSE);
  gen = parents_max_gen (self, parents) + 1;

  rev_id = revision_id (entity, record_id, gen, deleted, parents_text, body_text);

  self->hlc = wsp_hlc_send (self->hlc, wsp_hlc_now_millis ());
  self->origin_seq++;
  hlc_text = wsp_hlc_to_string (self->hlc);
  seq_text = g_strdup_printf ("%" G_GINT64_FORMAT, self->origin_seq);
  if (!meta_set (self, "hlc", hlc_text, error) || !meta_set (self, "origin_seq", seq_text, error))
    return FALSE;

  stmt = statement (self,
                    "INSERT OR IGNORE INTO revisions (rev_id, record_id, entity, gen, parents, "
                    "deleted, hlc, origin_peer, origin_seq, body, leaf) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
                    error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, rev_id);
  bind_text (stmt, 2, record_id);
  bind_text (stmt, 3, entity);
  sqlite3_bind_int64 (stmt, 4, gen);
  bind_text (stmt, 5, parents_text);
  sqlite3_bind_int (stmt, 6, deleted);
  bind_text (stmt, 7, hlc_text);
  bind_text (stmt, 8, self->peer_id);
  sqlite3_bind_int64 (stmt, 9, self->origin_seq);
  bind_text (stmt, 10, body_text);
  if (!step_done (self, stmt, error))
    return FALSE;
  /* The same change already came from another laptop: this laptop's number
   * for it is noted, so its own numbering has no gap. */
  if (sqlite3_changes (self->db) == 0
      && !add_alias (self, self->peer_id, self->origin_seq, rev_id, error))
    return FALSE;

  for (guint i = 0; i < parents->len; i++)
    {
      stmt = statement (self, "UPDATE revisions SET leaf = 0 WHERE rev_id = ?", error);
      if (stmt == NULL)
        return FALSE;
      bind_text (stmt, 1, g_ptr_array_index (parents, i));
      if (!step_done (self, stmt, error))
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
  GType type;
  sqlite3_stmt *stmt;

  if (!wsp_store_begin (self, error))
    return FALSE;
  if (!load_head (self, id, &head, error))
    goto fail;

  stmt = statement (self, "SELECT entity FROM records WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  bind_text (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    entity_name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  type = wsp_entities_lookup (entity_name);
  if (type == G_TYPE_INVALID)
    {
      g_set_error (error, WSP_STORE_ERROR, WSP_STORE_ERROR_NOT_FOUND,
                   _("This record was made by a newer version of Wspólnie and cannot be changed here."));
      goto fail;
    }
  {
    g_autoptr (GTypeClass) klass = g_type_class_ref (type);
    entity = WSP_RECORD_CLASS (klass)->entity;
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

/* ---- reading ------------------------------------------------------------- */

static WspRecord *
record_from_row (sqlite3_stmt *stmt,
                 int           first_column)
{
  const char *id = (const char *) sqlite3_column_text (stmt, first_column);
  const char *entity = (const char *) sqlite3_column_text (stmt, first_column + 1);
  const char *winner = (const char *) sqlite3_column_text (stmt, first_column + 2);
  gboolean conflicted = sqlite3_column_int (stmt, first_column + 3) > 0;
  const char *body = (const char *) sqlite3_column_text (stmt, first_column + 4);
  g_autoptr (JsonObject) values = wsp_json_parse_object (body, NULL);
  WspRecord *record = wsp_record_new_for_entity (entity, id);

  if (record != NULL)
    wsp_record_load (record, values, winner, conflicted);
  return record;
}

/* The live record @id, or NULL with NOT_FOUND. */
WspRecord *
wsp_store_get (WspStore    *self,
               const char  *id,
               GError     **error)
{
  sqlite3_stmt *stmt;
  WspRecord *record = NULL;
  int rc;

  g_return_val_if_fail (WSP_IS_STORE (self), NULL);

  stmt = statement (self,
                    "SELECT id, entity, winner, conflicts, body FROM records "
                    "WHERE id = ? AND deleted = 0",
                    error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    record = record_from_row (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    wsp_database_set_error (self->database, rc, error);
  else if (record == NULL)
    g_set_error (error, WSP_STORE_ERROR, WSP_STORE_ERROR_NOT_FOUND,
                 _("The record was not found. It may have been deleted."));
  return record;
}

static const WspEntity *
entity_for_type (GType type)
{
  g_autoptr (GTypeClass) klass = g_type_class_ref (type);

  return WSP_RECORD_CLASS (klass)->entity;
}

/* Appends to @records the live records of @type whose @field equals @value
 * (all of them when @field is NULL), in the entity's list order. */
gboolean
wsp_store_query (WspStore    *self,
                 GType        type,
                 const char  *field,
                 const char  *value,
                 GPtrArray   *records,
                 GError     **error)
{
  const WspEntity *entity;
  g_autoptr (GString) sql = g_string_new (NULL);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (WSP_IS_STORE (self), FALSE);
  g_return_val_if_fail (g_type_is_a (type, WSP_TYPE_RECORD), FALSE);

  entity = entity_for_type (type);
  if (field != NULL && wsp_entity_find_field (entity, field) == NULL)
    {
      g_critical ("%s has no field %s", entity->name, field);
      return FALSE;
    }

  g_string_append_printf (sql,
                          /* CROSS JOIN keeps the small table outside: without
                           * it the planner may walk every record instead. */
                          "SELECT r.id, r.entity, r.winner, r.conflicts, r.body FROM %s e "
                          "CROSS JOIN records r ON r.id = e.id",
                          entity->name);
  if (field != NULL)
    g_string_append_printf (sql, " WHERE e.%s = ?", field);
  {
    g_autofree char *order = wsp_entity_order_sql (entity, "e");
    g_string_append_printf (sql, " ORDER BY %s", order);
  }

  stmt = statement (self, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  if (field != NULL)
    bind_text (stmt, 1, value);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      WspRecord *record = record_from_row (stmt, 0);
      if (record != NULL)
        g_ptr_array_add (records, record);
    }
  if (!rows_done (self, stmt, rc, error))
    return FALSE;
  return TRUE;
}

/* A live list of the records of @type (whose @field equals @value, when
 * @field is set). It follows every change of the store. */
GListModel *
wsp_store_list (WspStore   *self,
                GType       type,
                const char *field,
                const char *value)
{
  g_return_val_if_fail (WSP_IS_STORE (self), NULL);
  return G_LIST_MODEL (wsp_record_list_new (self, type, field, value));
}

guint
wsp_store_count (WspStore *self,
                 GType     type)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", entity_for_type (type)->name);
  sqlite3_stmt *stmt = statement (self, sql, NULL);
  guint count = 0;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    count = (guint) sqlite3_column_int64 (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return count;
}

/* Turns what a person typed into an FTS5 query: each word a prefix, all
 * words required; FTS syntax characters are taken literally. */
static char *
search_expression (const char *text)
{
  g_autoptr (GString) expr = g_string_new (NULL);
  g_autofree char *folded = g_str_to_ascii (text, "C");
  g_auto (GStrv) words = g_strsplit_set (folded, " \t\n\r,;.:!?()[]{}\"'*^+-/\\", -1);

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (words[i][0] == '\0')
        continue;
      if (expr->len > 0)
        g_string_append_c (expr, ' ');
      g_string_append_printf (expr, "\"%s\"*", words[i]);
    }
  return g_string_free (g_steal_pointer (&expr), expr->len == 0);
}

/* The live records whose words match @text, best first. */
GListModel *
wsp_store_search (WspStore    *self,
                  const char  *text,
                  guint        limit,
                  GError     **error)
{
  g_autofree char *expr = NULL;
  g_autoptr (GListStore) results = g_list_store_new (WSP_TYPE_RECORD);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (WSP_IS_STORE (self), NULL);

  expr = search_expression (text != NULL ? text : "");
  if (expr == NULL)
    return G_LIST_MODEL (g_steal_pointer (&results));

  stmt = statement (self,
                    "SELECT r.id, r.entity, r.winner, r.conflicts, r.body FROM search s "
                    "CROSS JOIN records r ON r.id = s.record_id "
                    "WHERE search MATCH ? AND r.deleted = 0 ORDER BY bm25(search, 0, 0, 10.0, 1.0) "
                    "LIMIT ?",
                    error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, expr);
  sqlite3_bind_int (stmt, 2, limit > 0 ? (int) limit : -1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr (WspRecord) record = record_from_row (stmt, 0);
      if (record != NULL)
        g_list_store_append (results, record);
    }
  if (!rows_done (self, stmt, rc, error))
    return NULL;
  return G_LIST_MODEL (g_steal_pointer (&results));
}

/* Every revision of @id, oldest first: {rev, parents, deleted, hlc, peer, body}. */
JsonArray *
wsp_store_dup_history (WspStore    *self,
                       const char  *id,
                       GError     **error)
{
  sqlite3_stmt *stmt = statement (self,
                                  "SELECT rev_id, parents, deleted, hlc, origin_peer, body "
                                  "FROM revisions WHERE record_id = ? ORDER BY hlc, rev_id",
                                  error);
  g_autoptr (JsonArray) history = json_array_new ();
  int rc;

  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JsonObject *entry = json_object_new ();
      g_autoptr (JsonNode) parents = json_from_string ((const char *) sqlite3_column_text (stmt, 1), NULL);
      g_autoptr (JsonObject) body = wsp_json_parse_object ((const char *) sqlite3_column_text (stmt, 5), NULL);

      json_object_set_string_member (entry, "rev", (const char *) sqlite3_column_text (stmt, 0));
      json_object_set_member (entry, "parents", g_steal_pointer (&parents));
      json_object_set_boolean_member (entry, "deleted", sqlite3_column_int (stmt, 2));
      json_object_set_string_member (entry, "hlc", (const char *) sqlite3_column_text (stmt, 3));
      json_object_set_string_member (entry, "peer", (const char *) sqlite3_column_text (stmt, 4));
      if (body != NULL)
        json_object_set_object_member (entry, "body", g_steal_pointer (&body));
      json_array_add_object_element (history, entry);
    }
  if (!rows_done (self, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&history);
}

/* The conflicting fields of @id: field → [{rev, hlc, peer, value}]; the
 * pseudo-field "_deleted" marks a delete concurrent with an edit. */
JsonObject *
wsp_store_dup_conflicts (WspStore    *self,
                         const char  *id,
                         GError     **error)
{
  sqlite3_stmt *stmt = statement (self,
                                  "SELECT field, candidates FROM conflicts WHERE record_id = ? "
                                  "ORDER BY field",
                                  error);
  g_autoptr (JsonObject) conflicts = json_object_new ();
  int rc;

  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JsonNode *candidates = json_from_string ((const char *) sqlite3_column_text (stmt, 1), NULL);
      if (candidates != NULL)
        json_object_set_member (conflicts, (const char *) sqlite3_column_text (stmt, 0), candidates);
    }
  if (!rows_done (self, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&conflicts);
}

/* How many records wait for a person to resolve a conflict. */
guint
wsp_store_count_conflicts (WspStore *self)
{
  sqlite3_stmt *stmt = statement (self, "SELECT count(*) FROM records WHERE conflicts > 0", NULL);
  guint count = 0;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    count = (guint) sqlite3_column_int64 (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return count;
}

/* ---- exchange ------------------------------------------------------------ */

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

  stmt = statement (self,
                    "SELECT rev_id, record_id, entity, gen, parents, deleted, hlc, origin_peer, "
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
  if (!rows_done (self, stmt, rc, error))
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
  sqlite3_stmt *stmt = statement (self,
                                  "SELECT p, max (CASE WHEN s = n THEN s ELSE 0 END) FROM "
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
  if (!rows_done (self, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&have);
}

/* Notes that @peer's change @seq is the revision @rev_id, held here under
 * another laptop's name. */
static gboolean
add_alias (WspStore    *self,
           const char  *peer,
           gint64       seq,
           const char  *rev_id,
           GError     **error)
{
  sqlite3_stmt *stmt = statement (self,
                                  "INSERT OR IGNORE INTO origin_aliases (origin_peer, origin_seq, rev_id) "
                                  "SELECT ?1, ?2, ?3 WHERE NOT EXISTS (SELECT 1 FROM revisions "
                                  "WHERE origin_peer = ?1 AND origin_seq = ?2)",
                                  error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, peer);
  sqlite3_bind_int64 (stmt, 2, seq);
  bind_text (stmt, 3, rev_id);
  return step_done (self, stmt, error);
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
  JsonNode *node = member_or_null (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
int_member (JsonObject *object,
            const char *name,
            gint64     *value)
{
  JsonNode *node = member_or_null (object, name);

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
  parents = member_or_null (object, "parents");
  deleted = member_or_null (object, "deleted");
  body = member_or_null (object, "body");

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
  g_ptr_array_sort (in->parents, compare_c_strings);
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

  expected = revision_id (in->entity, in->record, in->gen, in->deleted, in->parents_text,
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
  sqlite3_stmt *stmt = statement (self, "SELECT entity FROM revisions WHERE record_id = ? LIMIT 1",
                                  error);
  gboolean ok = TRUE;

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, record);
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
  sqlite3_stmt *stmt = statement (self,
                                  "SELECT 1 FROM revisions r, json_each (r.parents) j "
                                  "WHERE r.record_id = ? AND j.value = ? LIMIT 1",
                                  error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, record);
  bind_text (stmt, 2, rev_id);
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
  sqlite3_stmt *stmt = statement (self,
                                  "SELECT entity, winner, deleted, conflicts, "
                                  "(SELECT count(*) FROM revisions v WHERE v.record_id = r.id "
                                  "AND v.leaf = 1 AND v.deleted = 0) "
                                  "FROM records r WHERE id = ?",
                                  error);
  int rc;

  memset (state, 0, sizeof *state);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, id);
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
  g_free (outcome);
}

/* A value kept about this database (not a record: not exchanged). */
char *
wsp_store_dup_meta (WspStore   *self,
                    const char *key)
{
  g_return_val_if_fail (WSP_IS_STORE (self), NULL);
  return meta_get (self, key);
}

gboolean
wsp_store_set_meta (WspStore    *self,
                    const char  *key,
                    const char  *value,
                    GError     **error)
{
  g_return_val_if_fail (WSP_IS_STORE (self), FALSE);
  return meta_set (self, key, value, error);
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

      stmt = statement (self, "SELECT 1 FROM revisions WHERE rev_id = ?", error);
      if (stmt == NULL)
        goto fail;
      bind_text (stmt, 1, in->rev_id);
      exists = sqlite3_step (stmt) == SQLITE_ROW;
      sqlite3_reset (stmt);
      if (exists)
        {
          if (!add_alias (self, in->peer, in->seq, in->rev_id, error))
            goto fail;
          continue;
        }

      stmt = statement (self,
                        "INSERT INTO revisions (rev_id, record_id, entity, gen, parents, deleted, "
                        "hlc, origin_peer, origin_seq, body, leaf) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
                        error);
      if (stmt == NULL)
        goto fail;
      bind_text (stmt, 1, in->rev_id);
      bind_text (stmt, 2, in->record);
      bind_text (stmt, 3, in->entity);
      sqlite3_bind_int64 (stmt, 4, in->gen);
      bind_text (stmt, 5, in->parents_text);
      sqlite3_bind_int (stmt, 6, in->deleted);
      bind_text (stmt, 7, in->hlc);
      bind_text (stmt, 8, in->peer);
      sqlite3_bind_int64 (stmt, 9, in->seq);
      bind_text (stmt, 10, in->body_text);
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
          stmt = statement (self, "UPDATE revisions SET leaf = 0 WHERE rev_id = ?", error);
          if (stmt == NULL)
            goto fail;
          bind_text (stmt, 1, g_ptr_array_index (in->parents, j));
          if (!step_done (self, stmt, error))
            goto fail;
        }
      if (!has_child (self, in->record, in->rev_id, &child, error))
        goto fail;
      if (child)
        {
          stmt = statement (self, "UPDATE revisions SET leaf = 0 WHERE rev_id = ?", error);
          if (stmt == NULL)
            goto fail;
          bind_text (stmt, 1, in->rev_id);
          if (!step_done (self, stmt, error))
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
      if (!meta_set (self, "hlc", hlc_text, error))
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

/* The ids of the live records that wait for a person to resolve a conflict. */
GPtrArray *
wsp_store_dup_conflicted_ids (WspStore  *self,
                              GError   **error)
{
  sqlite3_stmt *stmt = statement (self,
                                  "SELECT id FROM records WHERE conflicts > 0 AND deleted = 0 "
                                  "ORDER BY entity, updated_hlc",
                                  error);
  g_autoptr (GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (ids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  if (!rows_done (self, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&ids);
}

/* Votes are append-only, so two laptops can each record a vote of the same
 * member in the same ballot. Such pairs are never merged by themselves: this
 * lists them, for a person to correct — [{ballot, seat, votes: [ids]}] of the
 * members with more than one vote that no correction replaces. */
JsonArray *
wsp_store_dup_double_votes (WspStore  *self,
                            GError   **error)
{
  sqlite3_stmt *stmt = statement (self,
                                  "SELECT ballot_id, seat_id, json_group_array (id) FROM "
                                  "(SELECT * FROM vote v WHERE NOT EXISTS "
                                  " (SELECT 1 FROM vote c WHERE c.corrects = v.id) ORDER BY id) "
                                  "GROUP BY ballot_id, seat_id HAVING count (*) > 1 "
                                  "ORDER BY ballot_id, seat_id",
                                  error);
  g_autoptr (JsonArray) result = json_array_new ();
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JsonObject *entry = json_object_new ();
      JsonNode *ids = json_from_string ((const char *) sqlite3_column_text (stmt, 2), NULL);

      json_object_set_string_member (entry, "ballot", (const char *) sqlite3_column_text (stmt, 0));
      json_object_set_string_member (entry, "seat", (const char *) sqlite3_column_text (stmt, 1));
      json_object_set_member (entry, "votes", ids != NULL ? ids : json_node_new (JSON_NODE_NULL));
      json_array_add_object_element (result, entry);
    }
  if (!rows_done (self, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&result);
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

  stmt = statement (self,
                    "SELECT rev_id, entity, record_id, gen, deleted, parents, body, leaf, "
                    "(SELECT count(*) FROM revisions c, json_each (c.parents) j "
                    " WHERE c.record_id = r.record_id AND j.value = r.rev_id) "
                    "FROM revisions r",
                    error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *rev_id = (const char *) sqlite3_column_text (stmt, 0);
      g_autofree char *expected = revision_id ((const char *) sqlite3_column_text (stmt, 1),
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
  if (!rows_done (self, stmt, rc, error))
    return FALSE;

  stmt = statement (self,
                    "SELECT count(*) FROM records r WHERE NOT EXISTS "
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

/* ---- life ---------------------------------------------------------------- */

WspStore *
wsp_store_new (WspDatabase  *database,
               GError      **error)
{
  g_autoptr (WspStore) self = g_object_new (WSP_TYPE_STORE, NULL);

  self->database = g_object_ref (database);
  self->db = wsp_database_get_handle (database);
  if (!load_counters (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

/* Opens the database at @path (NULL: in memory) and the store on it. */
WspStore *
wsp_store_open (const char  *path,
                GError     **error)
{
  g_autoptr (WspDatabase) database = wsp_database_open (path, error);

  if (database == NULL)
    return NULL;
  return wsp_store_new (database, error);
}

/* A second store on the same database file, for long work in a worker
 * thread (the file is in WAL mode, so the window's store keeps reading). */
WspStore *
wsp_store_open_another (WspStore  *self,
                        GError   **error)
{
  g_return_val_if_fail (WSP_IS_STORE (self), NULL);
  return wsp_store_open (wsp_database_get_path (self->database), error);
}

/* After another store on the same file changed it (see
 * wsp_store_open_another()): reads this laptop's clock again and tells the
 * lists about the records in @outcomes (WspOutcome). */
void
wsp_store_refresh (WspStore  *self,
                   GPtrArray *outcomes)
{
  g_return_if_fail (WSP_IS_STORE (self));

  load_counters (self, NULL);
  for (guint i = 0; outcomes != NULL && i < outcomes->len; i++)
    {
      WspOutcome *o = g_ptr_array_index (outcomes, i);
      if (o->kind != WSP_OUTCOME_UNCHANGED)
        g_hash_table_add (self->pending, g_strdup_printf ("%s\t%s", o->entity, o->id));
    }
  if (self->depth == 0)
    emit_pending (self);
}

WspDatabase *
wsp_store_get_database (WspStore *self)
{
  g_return_val_if_fail (WSP_IS_STORE (self), NULL);
  return self->database;
}

/* This laptop's identity, made on its first run. */
const char *
wsp_store_get_peer_id (WspStore *self)
{
  g_return_val_if_fail (WSP_IS_STORE (self), NULL);
  return self->peer_id;
}

static void
wsp_store_finalize (GObject *object)
{
  WspStore *self = WSP_STORE (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->pending, g_hash_table_unref);
  g_clear_object (&self->database);
  g_free (self->peer_id);

  G_OBJECT_CLASS (wsp_store_parent_class)->finalize (object);
}

static void
wsp_store_class_init (WspStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = wsp_store_finalize;

  /**
   * WspStore::changed:
   * @entity: the kind of record (also the signal's detail)
   * @id: the record
   *
   * A record was created, changed, deleted or restored, here or by an import.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
}

static void
wsp_store_init (WspStore *self)
{
  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) sqlite3_finalize);
}
