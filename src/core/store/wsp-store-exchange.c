/* wsp-store-exchange.c — changes to and from other laptops, and the check
 *
 * Changes leave this laptop as they are and arrive as they are, one at a
 * time (a packet of any size is read and written in bounded memory). Each
 * incoming change is checked before it is kept: every member present and of
 * its kind, the id matching the content, a kind of record this version
 * knows (else it is held aside), values of the described types, strings of
 * bounded size without control characters, its parents held here and of
 * the same record, its generation one more than theirs, and an append-only
 * record never given a second version. The whole batch goes in one
 * transaction: a refusal of any change rolls it all back.
 *
 * What a laptop holds is counted per stream (a laptop's numbering of its
 * changes) as the unbroken run of numbers held, kept up to date as changes
 * arrive; a delta for another laptop is read through the stream index,
 * from the number after the one it holds, so its cost follows the delta.
 *
 * When the others hold changes with this laptop's own numbers that it does
 * not have, it was restored from a backup (or its database was copied): it
 * takes its lost changes back, and when numbers were used twice it goes on
 * in a fresh stream, in which it numbers again every change of the old one
 * from the first number used twice, so that every laptop gets all of them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "base/wsp-json.h"
#include "records/wsp-entities.h"
#include "store/wsp-store-private.h"

#define MAX_STRING_BYTES   (1024 * 1024)
#define MAX_SETS_BYTES     (4 * 1024 * 1024)
#define MAX_PARENTS        64
#define MAX_ID_BYTES       96

static gboolean
damaged (GError     **error,
         guint        index,
         const char  *what)
{
  g_set_error (error, WSP_STORE_ERROR, WSP_STORE_ERROR_DAMAGED,
               _("Change %u in the file is damaged (%s), so nothing was imported."), index + 1, what);
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

/* Text a person could have typed: bounded, no control characters but tab
 * and line breaks. */
static gboolean
is_sound_text (const char *text)
{
  gsize len = 0;

  for (const guchar *p = (const guchar *) text; *p != '\0'; p++, len++)
    if ((*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r') || len > MAX_STRING_BYTES)
      return FALSE;
  return TRUE;
}

/* Every string in @node is sound text. */
static gboolean
is_sound_value (JsonNode *node,
                guint     depth)
{
  if (depth > 8)
    return FALSE;
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autoptr (GList) members = json_object_get_members (json_node_get_object (node));

      for (GList *l = members; l != NULL; l = l->next)
        if (!is_sound_text (l->data)
            || !is_sound_value (json_object_get_member (json_node_get_object (node), l->data), depth + 1))
          return FALSE;
      return TRUE;
    }
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        if (!is_sound_value (json_array_get_element (array, i), depth + 1))
          return FALSE;
      return TRUE;
    }
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return is_sound_text (json_node_get_string (node));
  return TRUE;
}

static gboolean
holds_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

/* Whether @value may be written into @field (NULL clears any field). */
static gboolean
value_fits (const WspField *field,
            JsonNode       *value)
{
  GType vtype;
  const char *text;

  if (JSON_NODE_HOLDS_NULL (value))
    return TRUE;
  vtype = JSON_NODE_HOLDS_VALUE (value) ? json_node_get_value_type (value) : G_TYPE_INVALID;
  text = vtype == G_TYPE_STRING ? json_node_get_string (value) : NULL;
  switch (field->type)
    {
    case WSP_FIELD_INT:
      return vtype == G_TYPE_INT64;
    case WSP_FIELD_BOOL:
      return vtype == G_TYPE_BOOLEAN;
    case WSP_FIELD_LIST:
      if (!JSON_NODE_HOLDS_ARRAY (value))
        return FALSE;
      for (guint i = 0; i < json_array_get_length (json_node_get_array (value)); i++)
        if (!holds_string (json_array_get_element (json_node_get_array (value), i)))
          return FALSE;
      return TRUE;
    case WSP_FIELD_JSON:
      return JSON_NODE_HOLDS_ARRAY (value) || JSON_NODE_HOLDS_OBJECT (value);
    case WSP_FIELD_ENUM:
      /* A value a newer app knows is kept: it only has to be a name. */
      return text != NULL && strlen (text) <= 64;
    case WSP_FIELD_REF:
      return text != NULL && g_uuid_string_is_valid (text);
    case WSP_FIELD_DATE:
    case WSP_FIELD_DATETIME:
      return text != NULL && strlen (text) <= 40;
    case WSP_FIELD_TEXT:
    default:
      return text != NULL;
    }
}

/* ---- reading the log ----------------------------------------------------- */

static JsonObject *
change_object (sqlite3_stmt *stmt)
{
  JsonObject *change = json_object_new ();
  JsonNode *parents = json_from_string ((const char *) sqlite3_column_text (stmt, 4), NULL);
  JsonObject *sets = wsp_json_parse_object ((const char *) sqlite3_column_text (stmt, 5), NULL);

  json_object_set_string_member (change, "rev", (const char *) sqlite3_column_text (stmt, 0));
  json_object_set_string_member (change, "record", (const char *) sqlite3_column_text (stmt, 1));
  json_object_set_string_member (change, "entity", (const char *) sqlite3_column_text (stmt, 2));
  json_object_set_int_member (change, "gen", sqlite3_column_int64 (stmt, 3));
  json_object_set_member (change, "parents", parents != NULL ? parents : json_node_new (JSON_NODE_NULL));
  json_object_set_object_member (change, "sets", sets != NULL ? sets : json_object_new ());
  json_object_set_string_member (change, "hlc", (const char *) sqlite3_column_text (stmt, 6));
  json_object_set_string_member (change, "stream", (const char *) sqlite3_column_text (stmt, 7));
  json_object_set_int_member (change, "seq", sqlite3_column_int64 (stmt, 8));
  return change;
}

#define CHANGE_COLUMNS "rev_id, record_id, entity, gen, parents, sets, hlc, stream, stream_seq"

static int
compare_int64 (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;
  return x < y ? -1 : x > y ? 1 : 0;
}

/* The streams known here, with what this laptop holds of each. */
JsonArray *
wsp_store_dup_streams (WspStore  *self,
                       GError   **error)
{
  sqlite3_stmt *stmt = wsp_database_statement (self->database,
                                               "SELECT stream, peer_id, run FROM streams ORDER BY stream", error);
  g_autoptr (JsonArray) streams = json_array_new ();
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JsonObject *entry = json_object_new ();

      json_object_set_string_member (entry, "stream", (const char *) sqlite3_column_text (stmt, 0));
      json_object_set_string_member (entry, "peer", (const char *) sqlite3_column_text (stmt, 1));
      json_object_set_int_member (entry, "run", sqlite3_column_int64 (stmt, 2));
      json_array_add_object_element (streams, entry);
    }
  if (!wsp_database_rows_done (self->database, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&streams);
}

/* The local order numbers (changes.seq) of what a laptop holding @known
 * lacks, through the stream index: for each stream, the changes numbered
 * after the run it holds. */
static GArray *
needed (WspStore    *self,
        JsonObject  *known,
        GError     **error)
{
  g_autoptr (JsonArray) streams = wsp_store_dup_streams (self, error);
  g_autoptr (GArray) seqs = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (streams == NULL)
    return NULL;
  for (guint i = 0; i < json_array_get_length (streams); i++)
    {
      const char *stream = string_member (json_array_get_object_element (streams, i), "stream");
      gint64 since = 0;
      sqlite3_stmt *stmt;
      int rc;

      if (known != NULL && json_object_has_member (known, stream))
        int_member (known, stream, &since);
      stmt = wsp_database_statement (self->database,
                                     "SELECT seq FROM changes WHERE stream = ? AND stream_seq > ?", error);
      if (stmt == NULL)
        return NULL;
      wsp_database_bind_text (stmt, 1, stream);
      sqlite3_bind_int64 (stmt, 2, since);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 seq = sqlite3_column_int64 (stmt, 0);
          g_array_append_val (seqs, seq);
        }
      if (!wsp_database_rows_done (self->database, stmt, rc, error))
        return NULL;

      stmt = wsp_database_statement (self->database,
                                     "SELECT c.seq FROM change_aliases a JOIN changes c ON c.rev_id = a.rev_id "
                                     "WHERE a.stream = ? AND a.stream_seq > ?",
                                     error);
      if (stmt == NULL)
        return NULL;
      wsp_database_bind_text (stmt, 1, stream);
      sqlite3_bind_int64 (stmt, 2, since);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 seq = sqlite3_column_int64 (stmt, 0);
          g_array_append_val (seqs, seq);
        }
      if (!wsp_database_rows_done (self->database, stmt, rc, error))
        return NULL;
    }
  g_array_sort (seqs, compare_int64);
  {
    GArray *unique = g_array_new (FALSE, FALSE, sizeof (gint64));

    for (guint i = 0; i < seqs->len; i++)
      if (i == 0 || g_array_index (seqs, gint64, i) != g_array_index (seqs, gint64, i - 1))
        g_array_append_val (unique, g_array_index (seqs, gint64, i));
    return unique;
  }
}

static gboolean
emit_aliases (WspStore       *self,
              JsonObject     *known,
              WspChangeFunc   func,
              gpointer        data,
              GError        **error)
{
  sqlite3_stmt *stmt = wsp_database_statement (self->database,
                                               "SELECT stream, stream_seq, rev_id FROM change_aliases "
                                               "ORDER BY stream, stream_seq",
                                               error);
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *stream = (const char *) sqlite3_column_text (stmt, 0);
      gint64 seq = sqlite3_column_int64 (stmt, 1);
      gint64 since = 0;
      JsonObject *alias;

      if (known != NULL && json_object_has_member (known, stream))
        int_member (known, stream, &since);
      if (seq <= since)
        continue;
      alias = json_object_new ();
      json_object_set_string_member (alias, "alias", (const char *) sqlite3_column_text (stmt, 2));
      json_object_set_string_member (alias, "stream", stream);
      json_object_set_int_member (alias, "seq", seq);
      g_ptr_array_add (items, alias);
    }
  if (!wsp_database_rows_done (self->database, stmt, rc, error))
    return FALSE;
  for (guint i = 0; i < items->len; i++)
    if (!func (g_ptr_array_index (items, i), data, error))
      return FALSE;
  return TRUE;
}

/**
 * wsp_store_foreach_change:
 * @known: (nullable): stream → the run of its changes the other laptop
 *   holds; %NULL: everything
 * @func: called with each change (and then each alias: a change held under
 *   another number too), parents before children
 *
 * Gives what a laptop that holds @known lacks, one change at a time.
 */
gboolean
wsp_store_foreach_change (WspStore       *self,
                          JsonObject     *known,
                          WspChangeFunc   func,
                          gpointer        data,
                          GError        **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (WSP_IS_STORE (self), FALSE);

  if (known == NULL)
    {
      stmt = wsp_database_statement (self->database, "SELECT " CHANGE_COLUMNS " FROM changes ORDER BY seq", error);
      if (stmt == NULL)
        return FALSE;
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          g_autoptr (JsonObject) change = change_object (stmt);

          if (!func (change, data, error))
            {
              sqlite3_reset (stmt);
              return FALSE;
            }
        }
      if (!wsp_database_rows_done (self->database, stmt, rc, error))
        return FALSE;
    }
  else
    {
      g_autoptr (GArray) seqs = needed (self, known, error);

      if (seqs == NULL)
        return FALSE;
      for (guint i = 0; i < seqs->len; i++)
        {
          g_autoptr (JsonObject) change = NULL;

          stmt = wsp_database_statement (self->database, "SELECT " CHANGE_COLUMNS " FROM changes WHERE seq = ?",
                                         error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, g_array_index (seqs, gint64, i));
          rc = sqlite3_step (stmt);
          if (rc == SQLITE_ROW)
            change = change_object (stmt);
          sqlite3_reset (stmt);
          if (rc != SQLITE_ROW)
            return wsp_database_set_error (self->database, rc, error);
          if (!func (change, data, error))
            return FALSE;
        }
    }
  return emit_aliases (self, known, func, data, error);
}

static gboolean
collect_cb (JsonObject  *change,
            gpointer     data,
            GError     **error)
{
  json_array_add_object_element (data, json_object_ref (change));
  return TRUE;
}

/* The changes a laptop holding @known lacks (everything for %NULL), in
 * memory: for small batches and tests (see wsp_store_foreach_change()). */
JsonArray *
wsp_store_dup_revisions (WspStore    *self,
                         JsonObject  *known,
                         GError     **error)
{
  g_autoptr (JsonArray) result = json_array_new ();

  if (!wsp_store_foreach_change (self, known, collect_cb, result, error))
    return NULL;
  return g_steal_pointer (&result);
}

/* What this laptop holds: stream → N, where every change numbered 1 to N
 * of that stream is held here (as a change, or as the same change under
 * another number). Sent with every packet as an acknowledgement; a delta
 * for this laptop holds what comes after. */
JsonObject *
wsp_store_dup_have (WspStore  *self,
                    GError   **error)
{
  sqlite3_stmt *stmt = wsp_database_statement (self->database,
                                               "SELECT stream, run FROM streams WHERE run > 0 ORDER BY stream",
                                               error);
  g_autoptr (JsonObject) have = json_object_new ();
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    json_object_set_int_member (have, (const char *) sqlite3_column_text (stmt, 0), sqlite3_column_int64 (stmt, 1));
  if (!wsp_database_rows_done (self->database, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&have);
}

/* ---- streams and their numbering ------------------------------------------ */

/* Notes that @stream belongs to the laptop @peer_id; FALSE (with an error)
 * when it is known to belong to another. */
gboolean
wsp_store_note_stream (WspStore    *self,
                       const char  *stream,
                       const char  *peer_id,
                       GError     **error)
{
  sqlite3_stmt *stmt = wsp_database_statement (self->database,
                                               "INSERT OR IGNORE INTO streams (stream, peer_id) VALUES (?, ?)",
                                               error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  wsp_database_bind_text (stmt, 1, stream);
  wsp_database_bind_text (stmt, 2, peer_id);
  if (!wsp_database_step_done (self->database, stmt, error))
    return FALSE;
  stmt = wsp_database_statement (self->database, "SELECT peer_id FROM streams WHERE stream = ?", error);
  if (stmt == NULL)
    return FALSE;
  wsp_database_bind_text (stmt, 1, stream);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), peer_id) != 0)
    {
      sqlite3_reset (stmt);
      g_set_error_literal (error, WSP_STORE_ERROR, WSP_STORE_ERROR_DAMAGED,
                           _("The file gives changes of one laptop under another laptop’s name, so "
                             "nothing was imported."));
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
number_held (WspStore    *self,
             const char  *stream,
             gint64       seq,
             gboolean    *held,
             GError     **error)
{
  sqlite3_stmt *stmt = wsp_database_statement (self->database,
                                               "SELECT EXISTS (SELECT 1 FROM changes WHERE stream = ?1 AND stream_seq = ?2) "
                                               "OR EXISTS (SELECT 1 FROM change_aliases WHERE stream = ?1 AND stream_seq = ?2)",
                                               error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  wsp_database_bind_text (stmt, 1, stream);
  sqlite3_bind_int64 (stmt, 2, seq);
  rc = sqlite3_step (stmt);
  *held = rc == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return wsp_database_set_error (self->database, rc, error);
  return TRUE;
}

/* Moves @stream's run on over the numbers now held. */
gboolean
wsp_store_advance_run (WspStore    *self,
             const char  *stream,
             GError     **error)
{
  sqlite3_stmt *stmt = wsp_database_statement (self->database, "SELECT run FROM streams WHERE stream = ?", error);
  gint64 run = 0, start;
  gboolean held = TRUE;

  if (stmt == NULL)
    return FALSE;
  wsp_database_bind_text (stmt, 1, stream);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    run = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  start = run;
  while (held)
    {
      if (!number_held (self, stream, run + 1, &held, error))
        return FALSE;
      if (held)
        run++;
    }
  if (run == start)
    return TRUE;
  stmt = wsp_database_statement (self->database, "UPDATE streams SET run = ? WHERE stream = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, run);
  wsp_database_bind_text (stmt, 2, stream);
  return wsp_database_step_done (self->database, stmt, error);
}

/* Notes that @stream's change @seq is @rev_id, which is held here under
 * another number (the same change made on two laptops, or numbered again
 * after a fork). */
gboolean
wsp_store_add_alias (WspStore    *self,
                     const char  *stream,
                     gint64       seq,
                     const char  *rev_id,
                     GError     **error)
{
  sqlite3_stmt *stmt = wsp_database_statement (self->database,
                                               "INSERT OR IGNORE INTO change_aliases (stream, stream_seq, rev_id) "
                                               "SELECT ?1, ?2, ?3 WHERE NOT EXISTS (SELECT 1 FROM changes "
                                               "WHERE stream = ?1 AND stream_seq = ?2 AND rev_id = ?3)",
                                               error);
  if (stmt == NULL)
    return FALSE;
  wsp_database_bind_text (stmt, 1, stream);
  sqlite3_bind_int64 (stmt, 2, seq);
  wsp_database_bind_text (stmt, 3, rev_id);
  if (!wsp_database_step_done (self->database, stmt, error))
    return FALSE;
  return wsp_store_advance_run (self, stream, error);
}

/* ---- taking changes in --------------------------------------------------- */

typedef struct
{
  char     *entity; /* NULL: no such record */
  char     *winner;
  gboolean  deleted;
  guint     conflicts;
  guint     leaves;
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
read_record_state (WspStore     *self,
                   const char   *id,
                   RecordState  *state,
                   GError      **error)
{
  sqlite3_stmt *stmt = wsp_database_statement (self->database,
                                               "SELECT entity, winner, deleted, conflicts, "
                                               "(SELECT count(*) FROM changes c WHERE c.record_id = r.id AND c.leaf = 1) "
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
      state->leaves = (guint) sqlite3_column_int (stmt, 4);
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

  if (after->conflicts > before->conflicts
      || (after->conflicts > 0 && g_strcmp0 (before->winner, after->winner) != 0))
    return WSP_OUTCOME_CONFLICT;
  if (!existed && !after->deleted)
    return WSP_OUTCOME_NEW;
  if (existed && after->deleted)
    return WSP_OUTCOME_DELETED;
  if (g_strcmp0 (before->winner, after->winner) == 0)
    return WSP_OUTCOME_UNCHANGED;
  if (after->leaves > 1)
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

struct _WspImport
{
  WspStore    *store;
  char        *sender_peer;
  gboolean     open;         /* the transaction is ours to roll back */
  guint        index;        /* of the next change, for messages */
  WspAddStats  stats;
  WspHlc       newest;
  GHashTable  *touched;      /* record id → RecordState before */
  GHashTable  *own;          /* stream → 1 not this laptop's, 2 its current, 3 a retired one */
  GHashTable  *streams;      /* streams whose runs may move on */
  gint64       own_lowest;   /* the lowest own number found used twice, or 0 */
  gint64       own_highest;  /* the highest own number taken back */
  GPtrArray   *retired_new;  /* rev_ids of own retired streams' changes taken back */
  gboolean     from_myself;  /* the sender has this laptop's id: a copy of its database */
  gboolean     want_states;
  GHashTable  *waiting;      /* rev_id not held yet → GPtrArray of Waiting that follow it */
  guint        n_waiting;
};

/* A change (or alias) that came before a version it follows. */
typedef struct
{
  JsonNode *node;
  guint     index;
} Waiting;

static void
waiting_free (gpointer data)
{
  Waiting *w = data;

  json_node_unref (w->node);
  g_free (w);
}

WspStore *
wsp_import_get_store (WspImport *import)
{
  return import->store;
}

void
wsp_import_free (WspImport *import)
{
  if (import->open)
    wsp_store_rollback (import->store);
  g_clear_object (&import->store);
  g_free (import->sender_peer);
  g_clear_pointer (&import->touched, g_hash_table_unref);
  g_clear_pointer (&import->own, g_hash_table_unref);
  g_clear_pointer (&import->streams, g_hash_table_unref);
  g_clear_pointer (&import->retired_new, g_ptr_array_unref);
  g_clear_pointer (&import->waiting, g_hash_table_unref);
  g_free (import);
}

/**
 * wsp_store_import_begin:
 * @sender_peer: (nullable): the laptop the changes come from
 *
 * Starts taking in changes from another laptop, in a transaction: give
 * each stream (wsp_import_add_stream()), then each change
 * (wsp_import_add()), then wsp_import_end(); then commit (or roll back,
 * for a preview) with wsp_store_commit(). Freeing an import that was not
 * ended rolls it back.
 */
WspImport *
wsp_store_import_begin (WspStore    *self,
                        const char  *sender_peer,
                        GError     **error)
{
  WspImport *import;

  g_return_val_if_fail (WSP_IS_STORE (self), NULL);
  if (!wsp_store_begin (self, error))
    return NULL;
  import = g_new0 (WspImport, 1);
  import->store = g_object_ref (self);
  import->open = TRUE;
  import->sender_peer = g_strdup (sender_peer);
  import->from_myself = sender_peer != NULL && g_strcmp0 (sender_peer, self->peer_id) == 0;
  import->touched = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, record_state_free);
  import->own = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  import->streams = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  import->retired_new = g_ptr_array_new_with_free_func (g_free);
  import->want_states = TRUE;
  import->waiting = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  return import;
}

/* The changes numbered in @stream come from the laptop @peer_id. */
gboolean
wsp_import_add_stream (WspImport   *import,
                       const char  *stream,
                       const char  *peer_id,
                       GError     **error)
{
  if (!g_uuid_string_is_valid (stream) || !g_uuid_string_is_valid (peer_id))
    {
      g_set_error_literal (error, WSP_STORE_ERROR, WSP_STORE_ERROR_DAMAGED,
                           _("The file names a laptop wrongly, so nothing was imported."));
      return FALSE;
    }
  if (!wsp_store_note_stream (import->store, stream, peer_id, error))
    return FALSE;
  g_hash_table_add (import->streams, g_strdup (stream));
  return TRUE;
}

/* Notes that the record @id changes, and how it stood before. */
static gboolean
touch (WspImport   *import,
       const char  *id,
       GError     **error)
{
  RecordState *state;

  if (g_hash_table_contains (import->touched, id))
    return TRUE;
  state = g_new0 (RecordState, 1);
  if (import->want_states && !read_record_state (import->store, id, state, error))
    {
      record_state_free (state);
      return FALSE;
    }
  g_hash_table_insert (import->touched, g_strdup (id), state);
  return TRUE;
}

/* The generation and record of @rev_id, when it is held. */
static gboolean
lookup_change (WspStore    *self,
               const char  *rev_id,
               gboolean    *found,
               gint64      *gen,
               char       **record_id,
               GError     **error)
{
  sqlite3_stmt *stmt = wsp_database_statement (self->database,
                                               "SELECT gen, record_id FROM changes WHERE rev_id = ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  wsp_database_bind_text (stmt, 1, rev_id);
  rc = sqlite3_step (stmt);
  *found = rc == SQLITE_ROW;
  if (*found)
    {
      *gen = sqlite3_column_int64 (stmt, 0);
      if (record_id != NULL)
        *record_id = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return wsp_database_set_error (self->database, rc, error);
  return TRUE;
}

/* Keeps a change of a kind this version does not know, as it came. */
static gboolean
hold_aside (WspImport   *import,
            const char  *rev_id,
            const char  *entity,
            JsonObject  *object,
            GError     **error)
{
  g_autofree char *text = wsp_json_object_canonical (object);
  sqlite3_stmt *stmt = wsp_database_statement (import->store->database,
                                               "INSERT OR IGNORE INTO held_aside (rev_id, entity, change) VALUES (?, ?, ?)",
                                               error);

  if (stmt == NULL)
    return FALSE;
  wsp_database_bind_text (stmt, 1, rev_id);
  wsp_database_bind_text (stmt, 2, entity);
  wsp_database_bind_text (stmt, 3, text);
  if (!wsp_database_step_done (import->store->database, stmt, error))
    return FALSE;
  import->stats.held_aside++;
  return TRUE;
}

/* Whether @stream is one this laptop numbered its own changes in (its
 * current one, or one it gave up after a fork: @retired). */
static gboolean
own_stream (WspImport   *import,
            const char  *stream,
            gboolean    *retired)
{
  guint kind = GPOINTER_TO_UINT (g_hash_table_lookup (import->own, stream));

  if (kind == 0)
    {
      sqlite3_stmt *stmt = wsp_database_statement (import->store->database,
                                                   "SELECT retired FROM streams WHERE stream = ? AND peer_id = ?",
                                                   NULL);

      kind = 1;
      if (g_strcmp0 (stream, import->store->stream) == 0)
        kind = 2;
      else if (stmt != NULL)
        {
          wsp_database_bind_text (stmt, 1, stream);
          wsp_database_bind_text (stmt, 2, import->store->peer_id);
          if (sqlite3_step (stmt) == SQLITE_ROW)
            kind = sqlite3_column_int (stmt, 0) != 0 ? 3 : 2;
          sqlite3_reset (stmt);
        }
      g_hash_table_insert (import->own, g_strdup (stream), GUINT_TO_POINTER (kind));
    }
  *retired = kind == 3;
  return kind >= 2;
}

/* Makes sure @stream is known (as its own laptop's, when no packet said
 * whose it is: the numbering of schema 1–6 was the laptop's id). */
static gboolean
ensure_stream (WspImport   *import,
               const char  *stream,
               GError     **error)
{
  sqlite3_stmt *stmt;

  if (g_hash_table_contains (import->streams, stream))
    return TRUE;
  stmt = wsp_database_statement (import->store->database,
                                 "INSERT OR IGNORE INTO streams (stream, peer_id) VALUES (?1, ?1)", error);
  if (stmt == NULL)
    return FALSE;
  wsp_database_bind_text (stmt, 1, stream);
  if (!wsp_database_step_done (import->store->database, stmt, error))
    return FALSE;
  g_hash_table_add (import->streams, g_strdup (stream));
  return TRUE;
}

static gboolean take_change (WspImport *import, JsonNode *node, guint index, GError **error);

/* Keeps @node until the change @rev_id comes. */
static void
wait_for (WspImport  *import,
          const char *rev_id,
          JsonNode   *node,
          guint       index)
{
  GPtrArray *list = g_hash_table_lookup (import->waiting, rev_id);
  Waiting *w = g_new0 (Waiting, 1);

  if (list == NULL)
    {
      list = g_ptr_array_new_with_free_func (waiting_free);
      g_hash_table_insert (import->waiting, g_strdup (rev_id), list);
    }
  w->node = json_node_ref (node);
  w->index = index;
  g_ptr_array_add (list, w);
  import->n_waiting++;
}

/* Takes in what waited for @rev_id, now that it is held. */
static gboolean
take_waiting (WspImport   *import,
              const char  *rev_id,
              GError     **error)
{
  g_autoptr (GPtrArray) list = NULL;
  g_autofree char *key = NULL;

  if (!g_hash_table_steal_extended (import->waiting, rev_id, (gpointer *) &key, (gpointer *) &list))
    return TRUE;
  for (guint i = 0; i < list->len; i++)
    {
      Waiting *w = g_ptr_array_index (list, i);

      import->n_waiting--;
      if (!take_change (import, w->node, w->index, error))
        return FALSE;
    }
  return TRUE;
}

/* Takes in one change (or an alias: a change held under another number
 * too), checked as the top of this file says. A change may come before a
 * version it follows: it waits for it, until wsp_import_end(). */
gboolean
wsp_import_add (WspImport  *import,
                JsonNode   *node,
                GError    **error)
{
  /* A second number is not a change. */
  if (!JSON_NODE_HOLDS_OBJECT (node) || !json_object_has_member (json_node_get_object (node), "alias"))
    import->stats.received++;
  return take_change (import, node, import->index++, error);
}

static gboolean
take_change (WspImport  *import,
             JsonNode   *node,
             guint       index,
             GError    **error)
{
  WspStore *self = import->store;
  JsonObject *object;
  const char *rev_id, *record, *entity_name, *hlc_text, *stream;
  const WspEntity *entity;
  JsonNode *parents_node, *sets_node;
  JsonArray *parents_array;
  JsonObject *sets;
  g_autoptr (GPtrArray) parents = g_ptr_array_new ();
  g_autofree char *parents_text = NULL;
  g_autofree char *sets_text = NULL;
  g_autofree char *expected = NULL;
  gint64 gen = 0, seq = 0, max_parent_gen = 0;
  gboolean inserted = FALSE, found = FALSE, retired = FALSE;
  WspHlc hlc = 0;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return damaged (error, index, _("not an object"));
  object = json_node_get_object (node);

  /* A change held under another number too. */
  if (json_object_has_member (object, "alias"))
    {
      rev_id = string_member (object, "alias");
      stream = string_member (object, "stream");
      if (rev_id == NULL || strlen (rev_id) > MAX_ID_BYTES || stream == NULL || !g_uuid_string_is_valid (stream)
          || !int_member (object, "seq", &seq) || seq < 1)
        return damaged (error, index, _("a wrong second number"));
      if (!lookup_change (self, rev_id, &found, &gen, NULL, error))
        return FALSE;
      if (!found)
        {
          /* Of a change not held: it may come later in the file. */
          wait_for (import, rev_id, node, index);
          return TRUE;
        }
      if (!ensure_stream (import, stream, error))
        return FALSE;
      return wsp_store_add_alias (self, stream, seq, rev_id, error);
    }

  rev_id = string_member (object, "rev");
  record = string_member (object, "record");
  entity_name = string_member (object, "entity");
  hlc_text = string_member (object, "hlc");
  stream = string_member (object, "stream");
  parents_node = wsp_store_member (object, "parents");
  sets_node = wsp_store_member (object, "sets");

  if (rev_id == NULL || strlen (rev_id) > MAX_ID_BYTES)
    return damaged (error, index, _("no change id"));
  if (record == NULL || !g_uuid_string_is_valid (record))
    return damaged (error, index, _("no record id"));
  if (!is_entity_name (entity_name))
    return damaged (error, index, _("no kind of record"));
  if (!int_member (object, "gen", &gen) || gen < 1 || gen > G_MAXINT32)
    return damaged (error, index, _("wrong generation"));
  if (hlc_text == NULL || !wsp_hlc_parse (hlc_text, &hlc))
    return damaged (error, index, _("wrong time stamp"));
  if (stream == NULL || !g_uuid_string_is_valid (stream))
    return damaged (error, index, _("no laptop id"));
  if (!int_member (object, "seq", &seq) || seq < 1)
    return damaged (error, index, _("wrong change number"));
  if (sets_node == NULL || !JSON_NODE_HOLDS_OBJECT (sets_node))
    return damaged (error, index, _("no content"));
  if (parents_node == NULL || !JSON_NODE_HOLDS_ARRAY (parents_node))
    return damaged (error, index, _("no parents"));
  sets = json_node_get_object (sets_node);
  parents_array = json_node_get_array (parents_node);
  if (json_array_get_length (parents_array) > MAX_PARENTS)
    return damaged (error, index, _("wrong parents"));
  for (guint i = 0; i < json_array_get_length (parents_array); i++)
    {
      JsonNode *p = json_array_get_element (parents_array, i);
      if (!holds_string (p) || strlen (json_node_get_string (p)) > MAX_ID_BYTES)
        return damaged (error, index, _("wrong parents"));
      g_ptr_array_add (parents, (gpointer) json_node_get_string (p));
    }
  g_ptr_array_sort (parents, wsp_store_compare_strings);
  for (guint i = 1; i < parents->len; i++)
    if (strcmp (g_ptr_array_index (parents, i), g_ptr_array_index (parents, i - 1)) == 0)
      return damaged (error, index, _("wrong parents"));
  if ((parents->len == 0) != (gen == 1))
    return damaged (error, index, _("wrong generation"));
  g_ptr_array_add (parents, NULL);
  parents_text = wsp_store_parents_text ((const char * const *) parents->pdata);
  sets_text = wsp_json_object_canonical (sets);
  if (strlen (sets_text) > MAX_SETS_BYTES || !is_sound_value (sets_node, 0))
    return damaged (error, index, _("too much or unreadable text"));
  expected = wsp_store_change_id (entity_name, record, gen, parents_text, sets_text);
  if (strcmp (expected, rev_id) != 0)
    return damaged (error, index, _("its content does not match its id"));
  import->newest = MAX (import->newest, hlc);

  /* Held already: only its number is new, maybe. */
  if (!lookup_change (self, rev_id, &found, &gen, NULL, error))
    return FALSE;
  if (found)
    {
      if (!ensure_stream (import, stream, error))
        return FALSE;
      if (!wsp_store_add_alias (self, stream, seq, rev_id, error))
        return FALSE;
      return take_waiting (import, rev_id, error);
    }

  entity = wsp_entities_find (entity_name);
  if (entity == NULL)
    return hold_aside (import, rev_id, entity_name, object, error);

  /* Values of the described types. */
  {
    g_autoptr (GList) members = json_object_get_members (sets);

    for (GList *l = members; l != NULL; l = l->next)
      {
        const char *name = l->data;
        JsonNode *value = json_object_get_member (sets, name);
        const WspField *field;

        if (strcmp (name, WSP_STORE_DELETED_FIELD) == 0)
          {
            if (!JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_BOOLEAN)
              return damaged (error, index, _("a wrong delete"));
            if (entity->append_only)
              return damaged (error, index, _("a vote, comment or opinion deleted"));
            continue;
          }
        field = wsp_entity_find_field (entity, name);
        /* A field a newer app knows is kept as it is. */
        if (field != NULL && !value_fits (field, value))
          return damaged (error, index, _("a value of the wrong kind"));
      }
  }

  /* Parents held here, of the same record, and one generation below. */
  for (guint i = 0; g_ptr_array_index (parents, i) != NULL; i++)
    {
      g_autofree char *parent_record = NULL;
      gint64 parent_gen = 0;

      if (!lookup_change (self, g_ptr_array_index (parents, i), &found, &parent_gen, &parent_record, error))
        return FALSE;
      if (!found)
        {
          wait_for (import, g_ptr_array_index (parents, i), node, index);
          return TRUE;
        }
      if (strcmp (parent_record, record) != 0)
        return damaged (error, index, _("it follows a version of another record"));
      max_parent_gen = MAX (max_parent_gen, parent_gen);
    }
  if (parents->len > 1 && gen != max_parent_gen + 1)
    return damaged (error, index, _("wrong generation"));

  {
    sqlite3_stmt *stmt = wsp_database_statement (self->database,
                                                 "SELECT entity, (SELECT count(*) FROM changes c WHERE c.record_id = ?1) "
                                                 "FROM changes WHERE record_id = ?1 LIMIT 1",
                                                 error);
    int rc;

    if (stmt == NULL)
      return FALSE;
    wsp_database_bind_text (stmt, 1, record);
    rc = sqlite3_step (stmt);
    if (rc == SQLITE_ROW)
      {
        gboolean other_kind = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), entity_name) != 0;

        sqlite3_reset (stmt);
        if (other_kind)
          return damaged (error, index, _("the record is of another kind here"));
        /* An append-only record has one version, ever. */
        if (entity->append_only)
          return damaged (error, index, _("a vote, comment or opinion changed"));
      }
    else
      sqlite3_reset (stmt);
  }

  if (!touch (import, record, error))
    return FALSE;
  if (!wsp_store_insert_change (self, rev_id, record, entity_name, gen, parents_text, sets_text, hlc_text, stream,
                                seq, &inserted, error))
    return FALSE;
  if (!wsp_store_mark_parents (self, record, rev_id, (const char * const *) parents->pdata, error))
    return FALSE;
  if (!ensure_stream (import, stream, error))
    return FALSE;
  import->stats.added++;
  if (!take_waiting (import, rev_id, error))
    return FALSE;

  /* This laptop's own changes, which it did not have: lost in a restore, or
   * made by another copy of its database. */
  if (own_stream (import, stream, &retired))
    {
      gboolean twice = FALSE;
      sqlite3_stmt *stmt = wsp_database_statement (self->database,
                                                   "SELECT count(*) FROM changes WHERE stream = ? AND stream_seq = ?",
                                                   error);

      if (stmt == NULL)
        return FALSE;
      wsp_database_bind_text (stmt, 1, stream);
      sqlite3_bind_int64 (stmt, 2, seq);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        twice = sqlite3_column_int (stmt, 0) > 1;
      sqlite3_reset (stmt);
      import->stats.taken_back++;
      if (retired)
        g_ptr_array_add (import->retired_new, g_strdup (rev_id));
      else
        {
          if (twice)
            import->own_lowest = import->own_lowest == 0 ? seq : MIN (import->own_lowest, seq);
          import->own_highest = MAX (import->own_highest, seq);
        }
    }
  return TRUE;
}

/* Gives @rev_id the next number of this laptop's current stream. */
static gboolean
number_again (WspStore    *self,
              const char  *rev_id,
              GError     **error)
{
  self->stream_seq++;
  return wsp_store_add_alias (self, self->stream, self->stream_seq, rev_id, error);
}

/* This laptop's numbering was used twice: it goes on in a new stream, and
 * numbers again there every change of the old one from @from on. A copy of
 * another laptop's database becomes a laptop of its own, too. */
static gboolean
fork_stream (WspImport   *import,
             gint64       from,
             GError     **error)
{
  WspStore *self = import->store;
  g_autofree char *old = g_strdup (self->stream);
  g_autofree char *stream = g_uuid_string_random ();
  g_autoptr (GPtrArray) again = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *seq_text = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = wsp_database_statement (self->database, "UPDATE streams SET retired = 1 WHERE stream = ?", error);
  if (stmt == NULL)
    return FALSE;
  wsp_database_bind_text (stmt, 1, old);
  if (!wsp_database_step_done (self->database, stmt, error))
    return FALSE;

  if (import->from_myself)
    {
      g_autofree char *peer = g_uuid_string_random ();

      g_free (self->peer_id);
      self->peer_id = g_steal_pointer (&peer);
      if (!wsp_database_set_meta (self->database, "peer_id", self->peer_id, error))
        return FALSE;
      /* Its key is the other copy's too: it makes a key of its own. */
      stmt = wsp_database_statement (self->database, "DELETE FROM meta WHERE key = 'secret_key'", error);
      if (stmt == NULL || !wsp_database_step_done (self->database, stmt, error))
        return FALSE;
      import->stats.new_identity = TRUE;
    }
  g_free (self->stream);
  self->stream = g_steal_pointer (&stream);
  self->stream_seq = 0;
  if (!wsp_database_set_meta (self->database, "stream", self->stream, error)
      || !wsp_store_note_stream (self, self->stream, self->peer_id, error))
    return FALSE;

  stmt = wsp_database_statement (self->database,
                                 "SELECT rev_id FROM changes WHERE stream = ? AND stream_seq >= ? ORDER BY seq", error);
  if (stmt == NULL)
    return FALSE;
  wsp_database_bind_text (stmt, 1, old);
  sqlite3_bind_int64 (stmt, 2, from);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (again, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  if (!wsp_database_rows_done (self->database, stmt, rc, error))
    return FALSE;
  for (guint i = 0; i < again->len; i++)
    if (!number_again (self, g_ptr_array_index (again, i), error))
      return FALSE;

  seq_text = g_strdup_printf ("%" G_GINT64_FORMAT, self->stream_seq);
  import->stats.renumbered = TRUE;
  return wsp_database_set_meta (self->database, "stream_seq", seq_text, error);
}

/* Works out every record the changes touched, says what happened to each
 * in @outcomes (WspOutcome, when not NULL), and moves this laptop's clock
 * on. The transaction stays open for the caller to commit or roll back. */
gboolean
wsp_import_end (WspImport    *import,
                WspAddStats  *stats,
                GPtrArray    *outcomes,
                GError      **error)
{
  WspStore *self = import->store;
  GHashTableIter iter;
  gpointer key, value;

  /* What still waits follows a version neither here nor in the file. */
  if (g_hash_table_size (import->waiting) > 0)
    {
      guint first = G_MAXUINT;
      gboolean any_change = FALSE;

      g_hash_table_iter_init (&iter, import->waiting);
      while (g_hash_table_iter_next (&iter, &key, &value))
        for (guint i = 0; i < ((GPtrArray *) value)->len; i++)
          {
            Waiting *w = g_ptr_array_index ((GPtrArray *) value, i);

            if (json_object_has_member (json_node_get_object (w->node), "alias"))
              continue; /* a second number of a change not sent: nothing to keep */
            any_change = TRUE;
            first = MIN (first, w->index);
          }
      if (any_change)
        return damaged (error, first, _("it follows a version this laptop does not have; import the other "
                                        "laptop’s full export"));
    }

  /* Numbers used twice (a restored backup), or a copy of this laptop's
   * database that went on by itself. */
  if (import->own_lowest > 0 || import->from_myself)
    {
      if (!fork_stream (import, import->own_lowest > 0 ? import->own_lowest : self->stream_seq + 1, error))
        return FALSE;
    }
  else if (import->own_highest > self->stream_seq)
    {
      g_autofree char *seq_text = g_strdup_printf ("%" G_GINT64_FORMAT, import->own_highest);

      self->stream_seq = import->own_highest;
      if (!wsp_database_set_meta (self->database, "stream_seq", seq_text, error))
        return FALSE;
    }
  /* Changes of a stream this laptop gave up go on in its current one. */
  for (guint i = 0; i < import->retired_new->len; i++)
    if (!number_again (self, g_ptr_array_index (import->retired_new, i), error))
      return FALSE;
  if (import->retired_new->len > 0)
    {
      g_autofree char *seq_text = g_strdup_printf ("%" G_GINT64_FORMAT, self->stream_seq);
      if (!wsp_database_set_meta (self->database, "stream_seq", seq_text, error))
        return FALSE;
    }

  g_hash_table_iter_init (&iter, import->streams);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!wsp_store_advance_run (self, key, error))
      return FALSE;

  g_hash_table_iter_init (&iter, import->touched);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      RecordState after;

      if (!wsp_store_reproject (self, key, error))
        return FALSE;
      import->stats.records++;
      if (outcomes == NULL)
        continue;
      if (!read_record_state (self, key, &after, error))
        return FALSE;
      if (after.entity != NULL)
        {
          WspOutcome *outcome = g_new0 (WspOutcome, 1);

          outcome->id = g_strdup (key);
          outcome->entity = g_strdup (after.entity);
          outcome->kind = classify (g_hash_table_lookup (import->touched, key), &after);
          outcome->title = dup_title (self, key);
          g_ptr_array_add (outcomes, outcome);
        }
      record_state_clear (&after);
    }

  if (import->stats.added > 0)
    {
      g_autofree char *hlc_text = NULL;

      self->hlc = wsp_hlc_receive (self->hlc, import->newest, wsp_hlc_now_millis (), &import->stats.clock_clamped);
      hlc_text = wsp_hlc_to_string (self->hlc);
      if (!wsp_database_set_meta (self->database, "hlc", hlc_text, error))
        return FALSE;
    }
  if (stats != NULL)
    *stats = import->stats;
  /* The transaction is the caller's now. */
  import->open = FALSE;
  return TRUE;
}

/* Adds changes made on other laptops, all or none, in a transaction of
 * their own (see wsp_store_import_begin() for the parts). Changes already
 * held are skipped, so adding the same batch twice changes nothing, and the
 * order of batches does not matter: the state depends only on the set of
 * changes held. */
gboolean
wsp_store_add_revisions (WspStore     *self,
                         JsonArray    *revisions,
                         WspAddStats  *stats,
                         GPtrArray    *outcomes,
                         GError      **error)
{
  g_autoptr (WspImport) import = wsp_store_import_begin (self, NULL, error);

  if (import == NULL)
    return FALSE;
  import->want_states = outcomes != NULL;
  for (guint i = 0; i < json_array_get_length (revisions); i++)
    {
      JsonNode *node = json_array_get_element (revisions, i);

      if (JSON_NODE_HOLDS_OBJECT (node) && json_object_has_member (json_node_get_object (node), "body"))
        {
          if (!wsp_import_add_legacy (import, node, error))
            return FALSE;
        }
      else if (!wsp_import_add (import, node, error))
        return FALSE;
    }
  if (!wsp_import_end (import, stats, outcomes, error))
    return FALSE;
  return wsp_store_commit (self, error);
}

/* ---- the check ----------------------------------------------------------- */

/* Checks the file (SQLite's own check), that every change still matches its
 * id, that the leaves are the changes no other names, and that the current
 * versions are the ones the changes say. */
gboolean
wsp_store_check (WspStore  *self,
                 GError   **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (WSP_IS_STORE (self), FALSE);

  if (!wsp_database_check_integrity (self->database, error))
    return FALSE;

  stmt = wsp_database_statement (self->database,
                                 "SELECT rev_id, entity, record_id, gen, parents, sets, leaf, "
                                 "(SELECT count(*) FROM changes c, json_each (c.parents) j "
                                 " WHERE c.record_id = r.record_id AND j.value = r.rev_id) "
                                 "FROM changes r",
                                 error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *rev_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      g_autofree char *expected = wsp_store_change_id ((const char *) sqlite3_column_text (stmt, 1),
                                                       (const char *) sqlite3_column_text (stmt, 2),
                                                       sqlite3_column_int64 (stmt, 3),
                                                       (const char *) sqlite3_column_text (stmt, 4),
                                                       (const char *) sqlite3_column_text (stmt, 5));
      gboolean leaf = sqlite3_column_int (stmt, 6) != 0;
      gboolean has_children = sqlite3_column_int (stmt, 7) > 0;

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

  /* A record shows its only current version, or the head of several. */
  stmt = wsp_database_statement (self->database,
                                 "SELECT count(*) FROM records r WHERE NOT EXISTS "
                                 "(SELECT 1 FROM changes c WHERE c.rev_id = r.winner AND c.leaf = 1) "
                                 "AND (SELECT count(*) FROM changes c WHERE c.record_id = r.id AND c.leaf = 1) < 2",
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
