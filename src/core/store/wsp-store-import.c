/* wsp-store-import.c — changes from other laptops, checked before they are kept
 *
 * Changes arrive one at a time (a packet of any size is read in bounded
 * memory), each checked before it is kept: every member present and of
 * its kind, the id matching the content, a kind of record this version
 * knows (else it is held aside), values of the described types, strings of
 * bounded size without control characters, its parents of the same record,
 * its generation one more than theirs, and an append-only record never
 * given a second version. A change may come before a version it follows:
 * it waits for it until the end. The authors' heads (wsp-store-authors.c)
 * must cover every change of the file. The whole file goes in one
 * transaction: a refusal rolls it all back.
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
#define MAX_NAME_BYTES     256
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

/* Text of bounded size. Control characters are kept as a person pasted
 * them: they travel escaped. */
static gboolean
is_sound_text (const char *text)
{
  return strlen (text) <= MAX_STRING_BYTES;
}

/* Every string in @node is sound text. */
static gboolean is_sound_value (JsonNode *node, guint depth);

gboolean
wsp_store_value_is_sound (JsonNode *value)
{
  return is_sound_value (value, 0);
}

/* Whether a change that sets @sets can be kept and sent: what another
 * laptop would refuse is refused here first. */
gboolean
wsp_store_sets_fit (JsonObject  *sets,
                    GError     **error)
{
  g_autoptr (JsonNode) node = json_node_init_object (json_node_alloc (), sets);
  g_autofree char *text = wsp_json_object_canonical (sets);

  if (strlen (text) > MAX_SETS_BYTES || !is_sound_value (node, 0))
    {
      g_set_error_literal (error, WSP_STORE_ERROR, WSP_STORE_ERROR_TOO_LARGE,
                           _("The text is too long to be kept. Shorten it, or keep the document as a file "
                             "and note where it is."));
      return FALSE;
    }
  return TRUE;
}

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
gboolean
wsp_store_value_fits (const WspField *field,
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

/* A laptop a file introduces: the key it says that laptop signs with. */
typedef struct
{
  char      *name;
  GPtrArray *keys;  /* it may have signed with several */
} Author;

static void
author_free (gpointer data)
{
  Author *author = data;

  g_free (author->name);
  g_ptr_array_unref (author->keys);
  g_free (author);
}

static gboolean
author_has_key (Author     *author,
                const char *key)
{
  for (guint i = 0; author != NULL && i < author->keys->len; i++)
    if (g_ascii_strcasecmp (g_ptr_array_index (author->keys, i), key) == 0)
      return TRUE;
  return FALSE;
}

/* A change (or a second number of one) that came before a version it
 * follows, or before its content. */
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
  GHashTable  *revoked;      /* laptop → GINT_TO_POINTER (1 revoked here, 2 not) */
  GHashTable  *authors;      /* laptop → Author, as the file introduces them */
  GHashTable  *introduced;   /* laptops taken on the file's word */
  GHashTable  *contents;     /* rev_id → JsonNode: a change sent only for a second number */
  GHashTable  *legacy_streams; /* streams of a file of the previous version: this laptop vouches */
  GHashTable  *waiting;      /* rev_id not held yet → GPtrArray of Waiting that follow it */
  GPtrArray   *heads;        /* Waiting: heads whose signer the file had not introduced yet */
  GHashTable  *blocked;      /* stream → its laptop, whose key in the file this laptop has not accepted */
  guint        entries;      /* changes and second numbers taken so far */
  gint64       own_lowest;   /* the lowest own number found used twice, or 0 */
  gint64       own_highest;  /* the highest own number taken back */
  GPtrArray   *retired_new;  /* rev_ids of own retired streams' changes taken back */
  gboolean     from_myself;  /* another database goes on under this laptop's id: a copy of it */
  gboolean     want_states;
  gboolean     want_titles;  /* outcomes name their records (for a preview) */
  gboolean     legacy;       /* the file is of the previous version: no heads */
  gboolean     retrying;     /* taking again what was kept aside, checked when it came */
};

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
  g_clear_pointer (&import->revoked, g_hash_table_unref);
  g_clear_pointer (&import->authors, g_hash_table_unref);
  g_clear_pointer (&import->introduced, g_hash_table_unref);
  g_clear_pointer (&import->contents, g_hash_table_unref);
  g_clear_pointer (&import->legacy_streams, g_hash_table_unref);
  g_clear_pointer (&import->waiting, g_hash_table_unref);
  g_clear_pointer (&import->heads, g_ptr_array_unref);
  g_clear_pointer (&import->blocked, g_hash_table_unref);
  g_clear_pointer (&import->retired_new, g_ptr_array_unref);
  g_free (import);
}

/**
 * wsp_store_import_begin:
 * @sender_peer: (nullable): the laptop the changes come from
 *
 * Starts taking in changes from another laptop, in a transaction: give
 * the laptops the file introduces (wsp_import_add_author()), each change,
 * second number and head (wsp_import_add()), then wsp_import_end(); then
 * commit (or roll back, for a preview) with wsp_store_commit(). Freeing an
 * import that was not ended rolls it back.
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
  import->touched = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, record_state_free);
  import->own = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  import->streams = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  import->revoked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  import->authors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, author_free);
  import->introduced = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  import->contents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) json_node_unref);
  import->legacy_streams = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  import->waiting = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  import->retired_new = g_ptr_array_new_with_free_func (g_free);
  import->heads = g_ptr_array_new_with_free_func (waiting_free);
  import->blocked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  import->want_states = TRUE;

  /* The entries and heads of this file, to find what no head covers. */
  if (!wsp_database_exec (self->database,
                          "CREATE TEMP TABLE IF NOT EXISTS import_entries (stream TEXT, seq INTEGER, "
                          " chain TEXT, prev TEXT);"
                          "CREATE INDEX IF NOT EXISTS temp.import_entries_by_prev ON import_entries (stream, prev);"
                          "CREATE TEMP TABLE IF NOT EXISTS import_heads (stream TEXT, chain TEXT, "
                          " PRIMARY KEY (stream, chain)) WITHOUT ROWID;"
                          "DELETE FROM temp.import_entries; DELETE FROM temp.import_heads;",
                          error))
    {
      wsp_import_free (import);
      return NULL;
    }
  return import;
}

/* Whether the outcomes name their records (a preview shows them; an import
 * for real needs only the counts). */
void
wsp_import_set_want_titles (WspImport *import,
                            gboolean   want)
{
  import->want_titles = want;
}

/* The file is of the previous version, whose changes no laptop signed:
 * this laptop vouches for them (as a witness) once they are in. */
void
wsp_import_set_legacy (WspImport *import)
{
  import->legacy = TRUE;
}

/* Text fit to show a person: a name with no control characters, bounded. */
static char *
clean_name (const char *name)
{
  GString *out = g_string_new (NULL);

  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    return g_string_free (out, FALSE);
  for (const char *p = name; *p != '\0' && out->len < MAX_NAME_BYTES; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c) || g_unichar_type (c) == G_UNICODE_FORMAT)
        continue;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/**
 * wsp_import_add_author:
 * @peer_id: a laptop whose changes the file carries
 * @name: the name it gives itself
 * @key_hex: the key the file says it signs with
 *
 * Notes what the file says of a laptop. The sender's word is taken for a
 * laptop never heard of here; a laptop known here must sign with a key
 * known for it.
 */
gboolean
wsp_import_add_author (WspImport   *import,
                       const char  *peer_id,
                       const char  *name,
                       const char  *key_hex,
                       GError     **error)
{
  guint8 key[WSP_KEY_SIZE];
  Author *author;

  if (peer_id == NULL || !g_uuid_string_is_valid (peer_id) || key_hex == NULL
      || !wsp_keys_from_hex (key_hex, key, sizeof key) || name == NULL || strlen (name) > 4 * MAX_NAME_BYTES)
    {
      g_set_error_literal (error, WSP_STORE_ERROR, WSP_STORE_ERROR_DAMAGED,
                           _("The file names a laptop wrongly, so nothing was imported."));
      return FALSE;
    }
  author = g_hash_table_lookup (import->authors, peer_id);
  if (author == NULL)
    {
      author = g_new0 (Author, 1);
      author->name = clean_name (name);
      author->keys = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (import->authors, g_strdup (peer_id), author);
    }
  if (!author_has_key (author, key_hex))
    g_ptr_array_add (author->keys, g_ascii_strdown (key_hex, -1));
  return TRUE;
}

/* The name to give a person for @peer_id: as known here, or as the file
 * says, or its id. */
static char *
name_of (WspImport  *import,
         const char *peer_id)
{
  g_autofree char *known = NULL;
  Author *author = g_hash_table_lookup (import->authors, peer_id);

  if (wsp_store_key_standing (import->store, peer_id, "", &known, NULL) != WSP_KEY_UNKNOWN_LAPTOP && known != NULL)
    return clean_name (known);
  if (author != NULL && author->name != NULL && *author->name != '\0')
    return g_strdup (author->name);
  return g_strdup (peer_id);
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

/* Whether @rev_id is held aside. */
static gboolean
is_held_aside (WspStore    *self,
               const char  *rev_id,
               gboolean    *held,
               GError     **error)
{
  sqlite3_stmt *stmt = wsp_database_statement (self->database, "SELECT 1 FROM held_aside WHERE rev_id = ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  wsp_database_bind_text (stmt, 1, rev_id);
  rc = sqlite3_step (stmt);
  *held = rc == SQLITE_ROW;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return wsp_database_set_error (self->database, rc, error);
  return TRUE;
}

static gboolean hold_waiting (WspImport *import, const char *rev_id, GError **error);
static gboolean note_entry (WspImport *import, const char *stream, gint64 seq, const char *chain, const char *prev,
                            GError **error);
static gboolean is_chain_text (const char *text);
static gboolean ensure_stream (WspImport *import, const char *stream, const char *owner, GError **error);

/* Keeps a change as it came, not shown and not passed on (see
 * migrations/0007-per-field-changes.sql for the reasons). Where its
 * author's chain puts it is kept too (and checked against the file's
 * heads), unless its author's signature cannot be checked ("revoked",
 * "key"): then it comes again later. */
static gboolean
hold_aside (WspImport   *import,
            const char  *rev_id,
            const char  *entity,
            const char  *reason,
            JsonObject  *object,
            GError     **error)
{
  g_autofree char *text = wsp_json_object_canonical (object);
  g_autofree char *chain = NULL;
  gboolean placed = strcmp (reason, "revoked") != 0 && strcmp (reason, "key") != 0;
  const char *stream = placed ? string_member (object, "stream") : NULL;
  const char *prev = placed ? string_member (object, "prev") : NULL;
  gint64 seq = 0;
  sqlite3_stmt *stmt;

  if (stream == NULL || prev == NULL || !is_chain_text (prev) || !int_member (object, "seq", &seq) || seq < 1)
    stream = prev = NULL;
  if (stream != NULL)
    {
      chain = wsp_store_chain_next (prev, stream, seq, rev_id);
      if (!import->retrying && !note_entry (import, stream, seq, chain, prev, error))
        return FALSE;
    }
  stmt = wsp_database_statement (import->store->database,
                                 "INSERT INTO held_aside (rev_id, entity, reason, change, stream, stream_seq, prev, "
                                 "chain) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT (rev_id) DO UPDATE SET "
                                 "reason = ?3, change = ?4 WHERE reason = 'proof'",
                                 error);
  if (stmt == NULL)
    return FALSE;
  wsp_database_bind_text (stmt, 1, rev_id);
  wsp_database_bind_text (stmt, 2, entity);
  wsp_database_bind_text (stmt, 3, reason);
  wsp_database_bind_text (stmt, 4, text);
  wsp_database_bind_text (stmt, 5, stream);
  if (stream != NULL)
    sqlite3_bind_int64 (stmt, 6, seq);
  else
    sqlite3_bind_null (stmt, 6);
  wsp_database_bind_text (stmt, 7, prev);
  wsp_database_bind_text (stmt, 8, chain);
  if (!wsp_database_step_done (import->store->database, stmt, error))
    return FALSE;
  if (wsp_database_changes (import->store->database) > 0 && !import->retrying)
    import->stats.held_aside++;
  if (stream != NULL)
    {
      g_autofree char *owner = wsp_store_stream_owner (stream);

      if (owner != NULL && !ensure_stream (import, stream, owner, error))
        return FALSE;
    }
  /* What follows it is held with it. */
  return hold_waiting (import, rev_id, error);
}

/* Where a change is in its author's chain, without the change:
 * {"proof": rev_id, "stream", "seq", "prev"}. It proves the changes around
 * it; it is kept, and passed on, as such. */
static gboolean
take_proof (WspImport   *import,
            JsonObject  *object,
            guint        index,
            GError     **error)
{
  WspStore *self = import->store;
  const char *rev_id = string_member (object, "proof");
  const char *stream = string_member (object, "stream");
  const char *prev = string_member (object, "prev");
  g_autofree char *owner = wsp_store_stream_owner (stream);
  g_autofree char *chain = NULL;
  gint64 seq = 0;
  sqlite3_stmt *stmt;
  gboolean held = FALSE;

  if (rev_id == NULL || strlen (rev_id) > MAX_ID_BYTES || owner == NULL || prev == NULL || !is_chain_text (prev)
      || !int_member (object, "seq", &seq) || seq < 1)
    return damaged (error, index, _("a wrong second number"));
  if (g_hash_table_contains (import->blocked, stream))
    return TRUE;
  /* Held already, where its author's chain puts it: nothing to prove. A
   * change kept aside for its author's key is not placed yet: this proves
   * where it goes, and the changes before it in the file. */
  stmt = wsp_database_statement (self->database,
                                 "SELECT EXISTS (SELECT 1 FROM changes WHERE rev_id = ?1) OR EXISTS (SELECT 1 FROM "
                                 "held_aside WHERE rev_id = ?1 AND stream IS NOT NULL)",
                                 error);
  if (stmt == NULL)
    return FALSE;
  wsp_database_bind_text (stmt, 1, rev_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    held = sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  if (held)
    return TRUE;
  chain = wsp_store_chain_next (prev, stream, seq, rev_id);
  if (!note_entry (import, stream, seq, chain, prev, error))
    return FALSE;
  stmt = wsp_database_statement (self->database,
                                 "INSERT OR IGNORE INTO held_aside (rev_id, entity, reason, change, stream, stream_seq, "
                                 "prev, chain) VALUES (?, '', 'proof', '{}', ?, ?, ?, ?)",
                                 error);
  if (stmt == NULL)
    return FALSE;
  wsp_database_bind_text (stmt, 1, rev_id);
  wsp_database_bind_text (stmt, 2, stream);
  sqlite3_bind_int64 (stmt, 3, seq);
  wsp_database_bind_text (stmt, 4, prev);
  wsp_database_bind_text (stmt, 5, chain);
  if (!wsp_database_step_done (self->database, stmt, error) || !wsp_store_note_stream (self, stream, owner, error))
    return FALSE;
  g_hash_table_add (import->streams, g_strdup (stream));
  return TRUE;
}

/* Whether the laptop @owner's trust was revoked here. */
static gboolean
owner_revoked (WspImport   *import,
               const char  *owner,
               gboolean    *revoked,
               GError     **error)
{
  gpointer cached = g_hash_table_lookup (import->revoked, owner);

  if (cached == NULL)
    {
      WspKeyStanding standing = wsp_store_key_standing (import->store, owner, "", NULL, error);

      if (standing == WSP_KEY_ERROR)
        return FALSE;
      cached = GINT_TO_POINTER (standing == WSP_KEY_REVOKED ? 1 : 2);
      g_hash_table_insert (import->revoked, g_strdup (owner), cached);
    }
  *revoked = GPOINTER_TO_INT (cached) == 1;
  return TRUE;
}

/* Whether @stream is one this laptop numbered its own changes in (its
 * current one, or one it gave up after a fork: @retired). A stream of this
 * laptop's id that it did not number is a copy's: @copy. */
static gboolean
own_stream (WspImport   *import,
            const char  *stream,
            gboolean    *retired,
            gboolean    *copy)
{
  guint kind = GPOINTER_TO_UINT (g_hash_table_lookup (import->own, stream));

  if (kind == 0)
    {
      sqlite3_stmt *stmt = wsp_database_statement (import->store->database,
                                                   "SELECT retired, mine FROM streams WHERE stream = ?", NULL);
      g_autofree char *owner = wsp_store_stream_owner (stream);

      kind = 1;
      if (g_strcmp0 (stream, import->store->stream) == 0)
        kind = 2;
      else if (stmt != NULL)
        {
          gboolean mine = FALSE, was_retired = FALSE;

          wsp_database_bind_text (stmt, 1, stream);
          if (sqlite3_step (stmt) == SQLITE_ROW)
            {
              was_retired = sqlite3_column_int (stmt, 0) != 0;
              mine = sqlite3_column_int (stmt, 1) != 0;
            }
          sqlite3_reset (stmt);
          if (mine)
            kind = was_retired ? 3 : 2;
          else if (g_strcmp0 (owner, import->store->peer_id) == 0)
            kind = 4;
        }
      g_hash_table_insert (import->own, g_strdup (stream), GUINT_TO_POINTER (kind));
    }
  *retired = kind == 3;
  *copy = kind == 4;
  return kind == 2 || kind == 3;
}

/* Makes sure @stream is known, as its laptop's. */
static gboolean
ensure_stream (WspImport   *import,
               const char  *stream,
               const char  *owner,
               GError     **error)
{
  if (g_hash_table_contains (import->streams, stream))
    return TRUE;
  if (!wsp_store_note_stream (import->store, stream, owner, error))
    return FALSE;
  g_hash_table_add (import->streams, g_strdup (stream));
  return TRUE;
}

/* Notes an entry of the file that was not held, for the check that a
 * head covers it. */
static gboolean
note_entry (WspImport   *import,
            const char  *stream,
            gint64       seq,
            const char  *chain,
            const char  *prev,
            GError     **error)
{
  sqlite3_stmt *stmt;

  if (import->legacy || import->retrying)
    return TRUE;
  stmt = wsp_database_statement (import->store->database,
                                 "INSERT INTO temp.import_entries (stream, seq, chain, prev) VALUES (?, ?, ?, ?)",
                                 error);
  if (stmt == NULL)
    return FALSE;
  wsp_database_bind_text (stmt, 1, stream);
  sqlite3_bind_int64 (stmt, 2, seq);
  wsp_database_bind_text (stmt, 3, chain);
  wsp_database_bind_text (stmt, 4, prev);
  return wsp_database_step_done (import->store->database, stmt, error);
}

static gboolean
is_chain_text (const char *text)
{
  if (text == NULL || strlen (text) != 64)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isxdigit (*p) || g_ascii_isupper (*p))
      return FALSE;
  return TRUE;
}

/* Where an entry is: its stream, its owner, its number, the chain before it. */
typedef struct
{
  const char *stream;
  char       *owner;
  gint64      seq;
  const char *prev;   /* NULL in a file of the previous version */
} Place;

static void
place_clear (Place *place)
{
  g_clear_pointer (&place->owner, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Place, place_clear)

static gboolean
read_place (WspImport   *import,
            JsonObject  *object,
            guint        index,
            Place       *place,
            GError     **error)
{
  place->stream = string_member (object, "stream");
  place->owner = wsp_store_stream_owner (place->stream);
  if (place->owner == NULL)
    return damaged (error, index, _("no laptop id"));
  if (!int_member (object, "seq", &place->seq) || place->seq < 1 || place->seq > G_MAXINT64 / 2)
    return damaged (error, index, _("wrong change number"));
  place->prev = string_member (object, "prev");
  if (place->prev == NULL && !import->legacy)
    return damaged (error, index, _("wrong change number"));
  if (place->prev != NULL && !is_chain_text (place->prev))
    return damaged (error, index, _("wrong change number"));
  return TRUE;
}

/* Whether @stream's entry @seq is @rev_id already. */
static gboolean
entry_held (WspStore    *self,
            const char  *stream,
            gint64       seq,
            const char  *rev_id,
            gboolean    *held,
            GError     **error)
{
  sqlite3_stmt *stmt = wsp_database_statement (self->database,
                                               "SELECT EXISTS (SELECT 1 FROM changes WHERE stream = ?1 AND "
                                               "stream_seq = ?2 AND rev_id = ?3) OR EXISTS (SELECT 1 FROM "
                                               "change_aliases WHERE stream = ?1 AND stream_seq = ?2 AND rev_id = ?3)",
                                               error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  wsp_database_bind_text (stmt, 1, stream);
  sqlite3_bind_int64 (stmt, 2, seq);
  wsp_database_bind_text (stmt, 3, rev_id);
  rc = sqlite3_step (stmt);
  *held = rc == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return wsp_database_set_error (self->database, rc, error);
  return TRUE;
}

/* This laptop's own change, which it did not have: lost in a restore, or
 * made by another copy of its database. */
static gboolean
note_own (WspImport   *import,
          const char  *stream,
          gint64       seq,
          const char  *rev_id,
          GError     **error)
{
  WspStore *self = import->store;
  gboolean retired = FALSE, twice = FALSE, copy = FALSE;
  sqlite3_stmt *stmt;

  if (!own_stream (import, stream, &retired, &copy))
    {
      /* Another database goes on under this laptop's id: a copy of it. */
      if (copy)
        import->from_myself = TRUE;
      return TRUE;
    }
  stmt = wsp_database_statement (self->database,
                                 "SELECT (SELECT count(*) FROM changes WHERE stream = ?1 AND stream_seq = ?2) + "
                                 "(SELECT count(*) FROM change_aliases WHERE stream = ?1 AND stream_seq = ?2)",
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
  return TRUE;
}

static gboolean take_item (WspImport *import, JsonNode *node, guint index, GError **error);
static gboolean take_head (WspImport *import, JsonObject *object, guint index, gboolean late, GError **error);

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

      if (!take_item (import, w->node, w->index, error))
        return FALSE;
    }
  return TRUE;
}

/* Holds aside what waited for @rev_id, which is held aside. */
static gboolean
hold_waiting (WspImport   *import,
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
      JsonObject *object = json_node_get_object (w->node);
      const char *rev = string_member (object, "rev");
      const char *entity = string_member (object, "entity");

      if (rev == NULL || entity == NULL)
        continue; /* a second number: nothing to keep */
      if (!hold_aside (import, rev, entity, "follows", object, error))
        return FALSE;
    }
  return TRUE;
}

/* A second number of a change: {"alias": rev_id, "stream", "seq", "prev"}. */
static gboolean
take_alias (WspImport   *import,
            JsonNode    *node,
            JsonObject  *object,
            guint        index,
            GError     **error)
{
  WspStore *self = import->store;
  const char *rev_id = string_member (object, "alias");
  g_auto (Place) place = { 0 };
  g_autofree char *chain = NULL;
  gboolean found = FALSE, held = FALSE, revoked = FALSE;
  gint64 gen = 0;
  JsonNode *content;

  if (rev_id == NULL || strlen (rev_id) > MAX_ID_BYTES)
    return damaged (error, index, _("a wrong second number"));
  if (!read_place (import, object, index, &place, error))
    return FALSE;
  if (!owner_revoked (import, place.owner, &revoked, error))
    return FALSE;
  if (revoked || g_hash_table_contains (import->blocked, place.stream))
    return TRUE;
  if (!lookup_change (self, rev_id, &found, &gen, NULL, error))
    return FALSE;
  if (!found)
    {
      /* Its content may have come before it, or may come later. */
      content = g_hash_table_lookup (import->contents, rev_id);
      if (content != NULL)
        {
          g_autoptr (JsonNode) whole = json_node_copy (content);
          JsonObject *o = json_node_get_object (whole);

          g_hash_table_remove (import->contents, rev_id);
          json_object_set_string_member (o, "stream", place.stream);
          json_object_set_int_member (o, "seq", place.seq);
          if (place.prev != NULL)
            json_object_set_string_member (o, "prev", place.prev);
          return take_item (import, whole, index, error);
        }
      wait_for (import, rev_id, node, index);
      return TRUE;
    }
  if (!entry_held (self, place.stream, place.seq, rev_id, &held, error))
    return FALSE;
  if (held)
    return TRUE;
  if (!ensure_stream (import, place.stream, place.owner, error))
    return FALSE;
  if (place.prev != NULL)
    chain = wsp_store_chain_next (place.prev, place.stream, place.seq, rev_id);
  else
    g_hash_table_add (import->legacy_streams, g_strdup (place.stream));
  if (!wsp_store_add_alias (self, place.stream, place.seq, rev_id, place.prev != NULL ? place.prev : "",
                            chain != NULL ? chain : "", error))
    return FALSE;
  if (chain != NULL && !note_entry (import, place.stream, place.seq, chain, place.prev, error))
    return FALSE;
  return note_own (import, place.stream, place.seq, rev_id, error);
}

/* One change: {"rev", "record", "entity", "gen", "parents", "sets", "hlc"}
 * and where it is numbered ("stream", "seq", "prev"); without those, its
 * content only, for a second number that comes with it. */
static gboolean
take_change (WspImport   *import,
             JsonNode    *node,
             JsonObject  *object,
             guint        index,
             GError     **error)
{
  WspStore *self = import->store;
  const char *rev_id, *record, *entity_name, *hlc_text;
  const WspEntity *entity;
  JsonNode *parents_node, *sets_node;
  JsonArray *parents_array;
  JsonObject *sets;
  g_autoptr (GPtrArray) parents = g_ptr_array_new ();
  g_autofree char *parents_text = NULL;
  g_autofree char *sets_text = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *chain = NULL;
  g_auto (Place) place = { 0 };
  gint64 gen = 0, max_parent_gen = 0;
  gboolean inserted = FALSE, found = FALSE, revoked = FALSE;
  WspHlc hlc = 0;

  rev_id = string_member (object, "rev");
  record = string_member (object, "record");
  entity_name = string_member (object, "entity");
  hlc_text = string_member (object, "hlc");
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

  /* Its content only: it waits for the second number that says where it is. */
  if (!json_object_has_member (object, "stream"))
    {
      if (!lookup_change (self, rev_id, &found, &gen, NULL, error))
        return FALSE;
      if (found)
        return TRUE;
      {
        GPtrArray *list = g_hash_table_lookup (import->waiting, rev_id);

        /* Its second number came first. */
        if (list != NULL)
          {
            for (guint i = 0; i < list->len; i++)
              {
                Waiting *w = g_ptr_array_index (list, i);
                JsonObject *alias = json_node_get_object (w->node);

                if (json_object_has_member (alias, "alias"))
                  {
                    g_autoptr (JsonNode) whole = json_node_copy (node);
                    JsonObject *o = json_node_get_object (whole);

                    json_object_set_member (o, "stream", json_node_copy (json_object_get_member (alias, "stream")));
                    json_object_set_member (o, "seq", json_node_copy (json_object_get_member (alias, "seq")));
                    if (json_object_has_member (alias, "prev"))
                      json_object_set_member (o, "prev", json_node_copy (json_object_get_member (alias, "prev")));
                    return take_item (import, whole, index, error);
                  }
              }
          }
      }
      g_hash_table_replace (import->contents, g_strdup (rev_id), json_node_ref (node));
      return TRUE;
    }

  if (!read_place (import, object, index, &place, error))
    return FALSE;
  import->newest = MAX (import->newest, hlc);

  /* A laptop whose trust was revoked: its changes are kept aside; so are
   * those of a laptop whose new key this laptop has not accepted yet. */
  if (!owner_revoked (import, place.owner, &revoked, error))
    return FALSE;
  if (revoked)
    return hold_aside (import, rev_id, entity_name, "revoked", object, error);

  /* Held already: only its number is new, maybe. */
  if (!lookup_change (self, rev_id, &found, &gen, NULL, error))
    return FALSE;
  if (found && g_hash_table_contains (import->blocked, place.stream))
    return TRUE;
  if (g_hash_table_contains (import->blocked, place.stream))
    {
      import->stats.held_for_key++;
      return hold_aside (import, rev_id, entity_name, "key", object, error);
    }
  if (found)
    {
      g_autoptr (JsonObject) alias = json_object_new ();
      g_autoptr (JsonNode) alias_node = NULL;

      json_object_set_string_member (alias, "alias", rev_id);
      json_object_set_string_member (alias, "stream", place.stream);
      json_object_set_int_member (alias, "seq", place.seq);
      if (place.prev != NULL)
        json_object_set_string_member (alias, "prev", place.prev);
      alias_node = json_node_init_object (json_node_alloc (), alias);
      if (!take_alias (import, alias_node, alias, index, error))
        return FALSE;
      return take_waiting (import, rev_id, error);
    }

  entity = wsp_entities_find (entity_name);
  if (entity == NULL)
    {
      /* Kept aside, but only if its author's chain covers it. */
      if (!ensure_stream (import, place.stream, place.owner, error))
        return FALSE;
      return hold_aside (import, rev_id, entity_name, "kind", object, error);
    }

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
        if (field != NULL && !wsp_store_value_fits (field, value))
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
          gboolean held = FALSE;

          if (!is_held_aside (self, g_ptr_array_index (parents, i), &held, error))
            return FALSE;
          if (held)
            {
              if (!ensure_stream (import, place.stream, place.owner, error))
                return FALSE;
              return hold_aside (import, rev_id, entity_name, "follows", object, error);
            }
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
                                                 "SELECT entity FROM changes WHERE record_id = ? LIMIT 1", error);
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

  if (!ensure_stream (import, place.stream, place.owner, error) || !touch (import, record, error))
    return FALSE;
  if (place.prev != NULL)
    chain = wsp_store_chain_next (place.prev, place.stream, place.seq, rev_id);
  else
    g_hash_table_add (import->legacy_streams, g_strdup (place.stream));
  if (!wsp_store_insert_change (self, rev_id, record, entity_name, gen, parents_text, sets_text, hlc_text,
                                place.stream, place.seq, place.prev != NULL ? place.prev : "",
                                chain != NULL ? chain : "", &inserted, error))
    return FALSE;
  if (!wsp_store_mark_parents (self, record, rev_id, (const char * const *) parents->pdata, error))
    return FALSE;
  if (chain != NULL && !note_entry (import, place.stream, place.seq, chain, place.prev, error))
    return FALSE;
  /* Kept aside before (a key not accepted then): taken now. */
  {
    sqlite3_stmt *stmt = wsp_database_statement (self->database, "DELETE FROM held_aside WHERE rev_id = ?", error);

    if (stmt == NULL)
      return FALSE;
    wsp_database_bind_text (stmt, 1, rev_id);
    if (!wsp_database_step_done (self->database, stmt, error))
      return FALSE;
  }
  import->stats.added++;
  if (!note_own (import, place.stream, place.seq, rev_id, error))
    return FALSE;
  return take_waiting (import, rev_id, error);
}

/* A head: {"head": chain, "stream", "seq", "signer", "legacy", "key",
 * "signature"}, checked as the top of wsp-store-authors.c says. */
static gboolean
take_head (WspImport   *import,
           JsonObject  *object,
           guint        index,
           gboolean     late,
           GError     **error)
{
  WspStore *self = import->store;
  const char *chain = string_member (object, "head");
  const char *stream = string_member (object, "stream");
  const char *signer = string_member (object, "signer");
  const char *key = string_member (object, "key");
  const char *signature = string_member (object, "signature");
  g_autofree char *owner = wsp_store_stream_owner (stream);
  g_autofree char *text = NULL;
  g_autofree char *name = NULL;
  gint64 seq = 0, legacy = 0;
  WspKeyStanding standing;
  Author *author;
  sqlite3_stmt *stmt;

  if (!is_chain_text (chain) || owner == NULL || signer == NULL || !g_uuid_string_is_valid (signer)
      || !int_member (object, "seq", &seq) || seq < 1 || !int_member (object, "legacy", &legacy) || legacy < 0
      || key == NULL || signature == NULL)
    return damaged (error, index, _("a wrong signature"));

  name = name_of (import, signer);
  text = wsp_store_head_text (stream, seq, chain, signer, legacy);
  if (!wsp_store_head_signed (text, key, signature))
    {
      g_set_error (error, WSP_STORE_ERROR, WSP_STORE_ERROR_FORGED,
                   _("The file carries changes said to be signed on the laptop “%s”, but the signature does "
                     "not match, so nothing was imported. The file may have been tampered with."),
                   name);
      return FALSE;
    }

  author = g_hash_table_lookup (import->authors, signer);
  standing = wsp_store_key_standing (self, signer, key, NULL, error);
  switch (standing)
    {
    case WSP_KEY_ERROR:
      return FALSE;
    case WSP_KEY_GOOD:
      break;
    case WSP_KEY_REVOKED:
      /* Its changes were held aside; its word vouches for nothing. */
      return TRUE;
    case WSP_KEY_OTHER_KEY:
      /* This laptop's own changes from after the backup it was restored
       * from (or a copy's), signed with a key made then and lost with the
       * restore: the others, who accepted that key, vouch for it. */
      if (strcmp (signer, self->peer_id) == 0 && author_has_key (author, key))
        {
          if (!wsp_store_add_peer_key (self, signer, key, error))
            return FALSE;
          break;
        }
      /* The sender, which signed the whole file, says it signed with that
       * key too (one it had before, or lost with a restore). */
      if (g_strcmp0 (signer, import->sender_peer) == 0 && author_has_key (author, key))
        {
          if (!wsp_store_add_peer_key (self, signer, key, error))
            return FALSE;
          break;
        }
      /* A known laptop's new key, passed on by another: its changes wait
       * aside until a person accepts the key from that laptop's own file;
       * the rest of the file is taken. */
      if (!late && strcmp (owner, signer) == 0 && import->entries == 0)
        {
          g_hash_table_replace (import->blocked, g_strdup (stream), g_strdup (signer));
          return TRUE;
        }
      g_set_error (error, WSP_STORE_ERROR, WSP_STORE_ERROR_UNKNOWN_KEY,
                   _("The file carries changes of the laptop “%s” signed with a key this laptop does not know "
                     "for it, so nothing was imported. Import a file from “%s” itself and compare its "
                     "fingerprint first."),
                   name, name);
      return FALSE;
    case WSP_KEY_UNKNOWN_LAPTOP:
    default:
      if (!author_has_key (author, key))
        {
          g_set_error (error, WSP_STORE_ERROR, WSP_STORE_ERROR_FORGED,
                       _("The file carries changes of a laptop it does not introduce (“%s”), so nothing was "
                         "imported."),
                       name);
          return FALSE;
        }
      g_hash_table_add (import->introduced, g_strdup_printf ("%s %s", signer, key));
      break;
    }

  /* A witness vouches only for a laptop that signed nothing. */
  if (strcmp (owner, signer) != 0)
    {
      gboolean may = FALSE;

      if (!wsp_store_may_witness (self, stream, seq, &may, error))
        return FALSE;
      if (!may)
        return TRUE;
    }
  if (!ensure_stream (import, stream, owner, error)
      || !wsp_store_keep_head (self, stream, seq, chain, signer, legacy, key, signature, error))
    return FALSE;
  stmt = wsp_database_statement (self->database,
                                 "INSERT OR IGNORE INTO temp.import_heads (stream, chain) VALUES (?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  wsp_database_bind_text (stmt, 1, stream);
  wsp_database_bind_text (stmt, 2, chain);
  return wsp_database_step_done (self->database, stmt, error);
}

static gboolean
take_item (WspImport  *import,
           JsonNode   *node,
           guint       index,
           GError    **error)
{
  JsonObject *object;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return damaged (error, index, _("not an object"));
  object = json_node_get_object (node);
  if (json_object_has_member (object, "alias"))
    return take_alias (import, node, object, index, error);
  if (json_object_has_member (object, "proof"))
    {
      import->entries++;
      return take_proof (import, object, index, error);
    }
  if (json_object_has_member (object, "author"))
    return wsp_import_add_author (import, string_member (object, "author"), string_member (object, "name"),
                                  string_member (object, "key"), error);
  if (json_object_has_member (object, "head"))
    {
      /* Checked at once (the file gives them before its changes), or at the
       * end when the file has not introduced its signer yet. */
      const char *signer = string_member (object, "signer");
      Waiting *w;

      if (signer != NULL && (g_hash_table_contains (import->authors, signer)
                             || g_strcmp0 (signer, import->store->peer_id) == 0))
        return take_head (import, object, index, FALSE, error);
      w = g_new0 (Waiting, 1);
      w->node = json_node_ref (node);
      w->index = index;
      g_ptr_array_add (import->heads, w);
      return TRUE;
    }
  import->entries++;
  return take_change (import, node, object, index, error);
}

/**
 * wsp_import_add:
 * @item: a change, a second number of a change ("alias"), or a head
 *
 * Takes in one item of a file, checked as the top of this file says. A
 * change may come before a version it follows: it waits for it, until
 * wsp_import_end().
 */
gboolean
wsp_import_add (WspImport  *import,
                JsonNode   *item,
                GError    **error)
{
  /* Messages count the changes (and second numbers) of the file. */
  if (JSON_NODE_HOLDS_OBJECT (item) && json_object_has_member (json_node_get_object (item), "rev"))
    import->stats.received++;
  return take_item (import, item, import->entries, error);
}

/* Gives @rev_id the next number of this laptop's current stream. */
static gboolean
number_again (WspStore    *self,
              const char  *rev_id,
              GError     **error)
{
  g_autofree char *prev = NULL;
  g_autofree char *chain = NULL;
  gint64 seq = 0;

  if (!wsp_store_number_own (self, rev_id, &seq, &prev, &chain, error))
    return FALSE;
  return wsp_store_add_alias (self, self->stream, seq, rev_id, prev, chain, error);
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
  g_autoptr (GPtrArray) again = g_ptr_array_new_with_free_func (g_free);
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
      if (!wsp_store_become_new_laptop (self, error))
        return FALSE;
      import->stats.new_identity = TRUE;
    }
  else if (!wsp_store_new_stream (self, error))
    return FALSE;

  stmt = wsp_database_statement (self->database,
                                 "SELECT rev_id FROM changes WHERE stream = ?1 AND stream_seq >= ?2 UNION "
                                 "SELECT rev_id FROM change_aliases WHERE stream = ?1 AND stream_seq >= ?2",
                                 error);
  if (stmt == NULL)
    return FALSE;
  wsp_database_bind_text (stmt, 1, old);
  sqlite3_bind_int64 (stmt, 2, from);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (again, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  if (!wsp_database_rows_done (self->database, stmt, rc, error))
    return FALSE;
  /* In the order they came here, parents before children. */
  {
    g_autoptr (GPtrArray) ordered = g_ptr_array_new_with_free_func (g_free);

    stmt = wsp_database_statement (self->database, "SELECT seq FROM changes WHERE rev_id = ?", error);
    for (guint i = 0; stmt != NULL && i < again->len; i++)
      {
        gint64 seq = 0;

        wsp_database_bind_text (stmt, 1, g_ptr_array_index (again, i));
        if (sqlite3_step (stmt) == SQLITE_ROW)
          seq = sqlite3_column_int64 (stmt, 0);
        sqlite3_reset (stmt);
        g_ptr_array_add (ordered, g_strdup_printf ("%020" G_GINT64_FORMAT " %s", seq,
                                                   (const char *) g_ptr_array_index (again, i)));
      }
    if (stmt == NULL)
      return FALSE;
    g_ptr_array_sort (ordered, wsp_store_compare_strings);
    for (guint i = 0; i < ordered->len; i++)
      if (!number_again (self, strchr (g_ptr_array_index (ordered, i), ' ') + 1, error))
        return FALSE;
  }
  import->stats.renumbered = TRUE;
  return TRUE;
}

/* Checks that a head of the file (or one held here) covers every entry the
 * file brought: the end of each of its chains. */
static gboolean
check_covered (WspImport   *import,
               GError     **error)
{
  /* An entry is covered when an entry after it (of the file, or held here
   * already, also kept aside where its chain puts it: its chain was checked
   * then) follows it, or a head ends it. */
  sqlite3_stmt *stmt = wsp_database_statement (import->store->database,
                                               "SELECT e.stream FROM temp.import_entries e WHERE NOT EXISTS "
                                               "(SELECT 1 FROM temp.import_entries f WHERE f.stream = e.stream AND "
                                               "f.prev = e.chain) AND NOT EXISTS (SELECT 1 FROM heads h WHERE "
                                               "h.stream = e.stream AND h.chain = e.chain) AND NOT EXISTS (SELECT 1 "
                                               "FROM changes c WHERE c.stream = e.stream AND c.stream_seq > e.seq AND "
                                               "c.prev = e.chain) AND NOT EXISTS (SELECT 1 FROM change_aliases a WHERE "
                                               "a.stream = e.stream AND a.stream_seq > e.seq AND a.prev = e.chain) "
                                               "AND NOT EXISTS (SELECT 1 FROM held_aside k WHERE k.stream = e.stream "
                                               "AND k.stream_seq > e.seq AND k.prev = e.chain) "
                                               "LIMIT 1",
                                               error);
  g_autofree char *stream = NULL;
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    stream = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return wsp_database_set_error (import->store->database, rc, error);
  if (stream != NULL)
    {
      g_autofree char *owner = wsp_store_stream_owner (stream);
      g_autofree char *name = name_of (import, owner);

      g_set_error (error, WSP_STORE_ERROR, WSP_STORE_ERROR_FORGED,
                   _("The file carries changes said to be made on the laptop “%s” that it did not sign, so "
                     "nothing was imported. The file may have been tampered with."),
                   name);
      return FALSE;
    }
  return TRUE;
}

/* Takes on the laptops the file introduced, trusted on its sender's word. */
static gboolean
add_introduced (WspImport   *import,
                GError     **error)
{
  WspStore *self = import->store;
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, import->introduced);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_auto (GStrv) parts = g_strsplit (key, " ", 2);
      const char *peer = parts[0];
      const char *value = parts[1];
      Author *author = g_hash_table_lookup (import->authors, peer);
      guint8 raw[WSP_KEY_SIZE];
      g_autofree char *key_id = NULL;
      sqlite3_stmt *stmt = wsp_database_statement (self->database,
                                                   "INSERT OR IGNORE INTO peers (peer_id, name, public_key, key_id, "
                                                   "trusted, introduced_by) VALUES (?, ?, ?, ?, 1, ?)",
                                                   error);

      if (stmt == NULL)
        return FALSE;
      wsp_keys_from_hex (value, raw, sizeof raw);
      key_id = wsp_keys_key_id (raw);
      wsp_database_bind_text (stmt, 1, peer);
      wsp_database_bind_text (stmt, 2, author != NULL ? author->name : "");
      wsp_database_bind_text (stmt, 3, value);
      wsp_database_bind_text (stmt, 4, key_id);
      wsp_database_bind_text (stmt, 5, import->sender_peer);
      if (!wsp_database_step_done (self->database, stmt, error)
          || !wsp_store_add_peer_key (self, peer, value, error))
        return FALSE;
    }
  return TRUE;
}

/* Takes in what was kept aside because it followed a change kept aside,
 * now that what it follows is here (its signature was checked when it
 * came). */
static gboolean
retry_held (WspImport  *import,
            GError    **error)
{
  WspStore *self = import->store;
  gboolean progress = TRUE;

  import->retrying = TRUE;
  while (progress)
    {
      sqlite3_stmt *stmt = wsp_database_statement (self->database,
                                                   "SELECT h.change FROM held_aside h WHERE h.reason = 'follows' AND "
                                                   "NOT EXISTS (SELECT 1 FROM json_each (json_extract (h.change, "
                                                   "'$.parents')) j WHERE NOT EXISTS (SELECT 1 FROM changes c WHERE "
                                                   "c.rev_id = j.value))",
                                                   error);
      g_autoptr (GPtrArray) ready = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
      int rc;

      if (stmt == NULL)
        {
          import->retrying = FALSE;
          return FALSE;
        }
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          JsonNode *node = json_from_string ((const char *) sqlite3_column_text (stmt, 0), NULL);

          if (node != NULL)
            g_ptr_array_add (ready, node);
        }
      if (!wsp_database_rows_done (self->database, stmt, rc, error))
        {
          import->retrying = FALSE;
          return FALSE;
        }
      progress = FALSE;
      for (guint i = 0; i < ready->len; i++)
        {
          guint added = import->stats.added;

          if (!take_item (import, g_ptr_array_index (ready, i), import->entries, error))
            {
              import->retrying = FALSE;
              return FALSE;
            }
          progress |= import->stats.added > added;
        }
    }
  import->retrying = FALSE;
  return TRUE;
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
  g_autofree const char **touched = NULL;
  guint n_touched = 0;

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

  if (!retry_held (import, error))
    return FALSE;

  /* Every change is covered by its author's signature; a file of the
   * previous version had none: this laptop vouches for it. */
  for (guint i = 0; i < import->heads->len; i++)
    {
      Waiting *w = g_ptr_array_index (import->heads, i);

      if (!take_head (import, json_node_get_object (w->node), w->index, TRUE, error))
        return FALSE;
    }
  if (!check_covered (import, error) || !add_introduced (import, error))
    return FALSE;
  g_hash_table_iter_init (&iter, import->legacy_streams);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!wsp_store_chain_unchained (self, key, error) || !wsp_store_witness (self, key, error))
      return FALSE;

  /* Numbers used twice (a restored backup), or a copy of this laptop's
   * database that went on by itself. */
  if (import->own_lowest > 0 || import->from_myself)
    {
      if (!fork_stream (import, import->own_lowest > 0 ? import->own_lowest : self->stream_seq + 1, error))
        return FALSE;
    }
  else if (import->own_highest > self->stream_seq)
    {
      /* This laptop's lost changes are back: it goes on after them. */
      if (!wsp_store_resume_numbering (self, import->own_highest, error))
        return FALSE;
    }
  /* Changes of a stream this laptop gave up go on in its current one. */
  for (guint i = 0; i < import->retired_new->len; i++)
    if (!number_again (self, g_ptr_array_index (import->retired_new, i), error))
      return FALSE;

  g_hash_table_iter_init (&iter, import->streams);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!wsp_store_advance_run (self, key, error) || !wsp_store_prune_heads (self, key, error))
      return FALSE;

  /* In the order of their ids, as the tables keep them: each record's
   * rows are found, and written, next to the previous record's. */
  touched = (const char **) g_hash_table_get_keys_as_array (import->touched, &n_touched);
  qsort (touched, n_touched, sizeof (char *), wsp_store_compare_strings);
  for (guint t = 0; t < n_touched; t++)
    {
      RecordState after;
      const char *id = touched[t];
      RecordState *before = g_hash_table_lookup (import->touched, id);

      /* A record new here has nothing of it to remove first. */
      if (!wsp_store_reproject_full (self, id, import->want_states && before->entity == NULL, error))
        return FALSE;
      import->stats.records++;
      if (outcomes == NULL)
        continue;
      if (!read_record_state (self, id, &after, error))
        return FALSE;
      if (after.entity != NULL)
        {
          WspOutcome *outcome = g_new0 (WspOutcome, 1);

          outcome->id = g_strdup (id);
          outcome->entity = g_strdup (after.entity);
          outcome->kind = classify (g_hash_table_lookup (import->touched, id), &after);
          outcome->title = import->want_titles ? dup_title (self, id) : NULL;
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
 * their own (see wsp_store_import_begin() for the parts). */
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
          import->legacy = TRUE;
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
