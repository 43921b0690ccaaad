/* wsp-store-exchange.c — changes to other laptops, what this laptop holds, and the check
 *
 * Changes leave this laptop as they are, one at a time (a packet of any
 * size is written in bounded memory), with the heads of their streams
 * that cover them (wsp-store-authors.c).
 *
 * What a laptop holds is counted per stream (a laptop's numbering of its
 * changes) as the unbroken run of numbers held, kept up to date as changes
 * arrive; a delta for another laptop is read through the stream index,
 * from the number after the one it holds, so its cost follows the delta.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "base/wsp-json.h"
#include "records/wsp-entities.h"
#include "store/wsp-store-private.h"

/* ---- reading the log ----------------------------------------------------- */

#define CHANGE_COLUMNS "rev_id, record_id, entity, gen, parents, sets, hlc, stream, stream_seq, prev"

/* A change as it travels; @with_place: where it is numbered too. */
static JsonObject *
change_object (sqlite3_stmt *stmt,
               gboolean      with_place)
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
  if (with_place)
    {
      json_object_set_string_member (change, "stream", (const char *) sqlite3_column_text (stmt, 7));
      json_object_set_int_member (change, "seq", sqlite3_column_int64 (stmt, 8));
      json_object_set_string_member (change, "prev", (const char *) sqlite3_column_text (stmt, 9));
    }
  return change;
}

/* The same change as one line of canonical JSON, straight from the row:
 * its parents and values are kept in canonical form already, and the other
 * members are ids, numbers and names that need no escaping. */
static void
append_change_line (GString      *out,
                    sqlite3_stmt *stmt)
{
  g_string_append_printf (out,
                          "{\"entity\":\"%s\",\"gen\":%" G_GINT64_FORMAT ",\"hlc\":\"%s\",\"parents\":%s,"
                          "\"prev\":\"%s\",\"record\":\"%s\",\"rev\":\"%s\",\"seq\":%" G_GINT64_FORMAT
                          ",\"sets\":%s,\"stream\":\"%s\"}",
                          (const char *) sqlite3_column_text (stmt, 2), (gint64) sqlite3_column_int64 (stmt, 3),
                          (const char *) sqlite3_column_text (stmt, 6), (const char *) sqlite3_column_text (stmt, 4),
                          (const char *) sqlite3_column_text (stmt, 9), (const char *) sqlite3_column_text (stmt, 1),
                          (const char *) sqlite3_column_text (stmt, 0), (gint64) sqlite3_column_int64 (stmt, 8),
                          (const char *) sqlite3_column_text (stmt, 5), (const char *) sqlite3_column_text (stmt, 7));
}

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

static gint64
known_run (JsonObject *known,
           const char *stream)
{
  JsonNode *node = known != NULL && json_object_has_member (known, stream) ? json_object_get_member (known, stream)
                                                                          : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return 0;
  return json_node_get_int (node);
}

/* What goes out, read through the stream index: the local order numbers
 * (changes.seq) of the changes numbered after what @known holds, and the
 * second numbers after it, with the change each names. */
typedef struct
{
  GArray    *changes;   /* changes.seq, sorted */
  GPtrArray *aliases;   /* JsonObject */
  GArray    *alias_of;  /* changes.seq of each alias's change */
  GPtrArray *proofs;    /* JsonObject: where a change kept aside is in its author's chain */
  GPtrArray *streams;   /* the streams anything goes out of */
} Outgoing;

static void
outgoing_clear (Outgoing *out)
{
  g_clear_pointer (&out->changes, g_array_unref);
  g_clear_pointer (&out->aliases, g_ptr_array_unref);
  g_clear_pointer (&out->alias_of, g_array_unref);
  g_clear_pointer (&out->proofs, g_ptr_array_unref);
  g_clear_pointer (&out->streams, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Outgoing, outgoing_clear)

static gboolean
gather (WspStore    *self,
        JsonObject  *known,
        Outgoing    *out,
        GError     **error)
{
  g_autoptr (JsonArray) streams = wsp_store_dup_streams (self, error);

  if (streams == NULL)
    return FALSE;
  out->changes = g_array_new (FALSE, FALSE, sizeof (gint64));
  out->aliases = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  out->alias_of = g_array_new (FALSE, FALSE, sizeof (gint64));
  out->proofs = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  out->streams = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < json_array_get_length (streams); i++)
    {
      JsonObject *entry = json_array_get_object_element (streams, i);
      const char *stream = json_object_get_string_member (entry, "stream");
      gint64 since = known_run (known, stream);
      guint before = out->changes->len + out->aliases->len + out->proofs->len;
      sqlite3_stmt *stmt;
      int rc;

      /* Nothing after what the other laptop holds: the index says so. */
      if (known != NULL && since >= json_object_get_int_member (entry, "run"))
        {
          stmt = wsp_database_statement (self->database,
                                         "SELECT EXISTS (SELECT 1 FROM changes WHERE stream = ?1 AND stream_seq > ?2) "
                                         "OR EXISTS (SELECT 1 FROM change_aliases WHERE stream = ?1 AND stream_seq > ?2)",
                                         error);
          if (stmt == NULL)
            return FALSE;
          wsp_database_bind_text (stmt, 1, stream);
          sqlite3_bind_int64 (stmt, 2, since);
          rc = sqlite3_step (stmt);
          if (rc == SQLITE_ROW && sqlite3_column_int (stmt, 0) == 0)
            {
              sqlite3_reset (stmt);
              continue;
            }
          sqlite3_reset (stmt);
        }

      stmt = wsp_database_statement (self->database,
                                     "SELECT seq FROM changes WHERE stream = ? AND stream_seq > ?", error);
      if (stmt == NULL)
        return FALSE;
      wsp_database_bind_text (stmt, 1, stream);
      sqlite3_bind_int64 (stmt, 2, since);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 seq = sqlite3_column_int64 (stmt, 0);
          g_array_append_val (out->changes, seq);
        }
      if (!wsp_database_rows_done (self->database, stmt, rc, error))
        return FALSE;

      stmt = wsp_database_statement (self->database,
                                     "SELECT a.rev_id, a.stream_seq, a.prev, c.seq FROM change_aliases a "
                                     "JOIN changes c ON c.rev_id = a.rev_id WHERE a.stream = ? AND a.stream_seq > ? "
                                     "ORDER BY a.stream_seq",
                                     error);
      if (stmt == NULL)
        return FALSE;
      wsp_database_bind_text (stmt, 1, stream);
      sqlite3_bind_int64 (stmt, 2, since);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          JsonObject *alias = json_object_new ();
          gint64 of = sqlite3_column_int64 (stmt, 3);

          json_object_set_string_member (alias, "alias", (const char *) sqlite3_column_text (stmt, 0));
          json_object_set_string_member (alias, "stream", stream);
          json_object_set_int_member (alias, "seq", sqlite3_column_int64 (stmt, 1));
          json_object_set_string_member (alias, "prev", (const char *) sqlite3_column_text (stmt, 2));
          g_ptr_array_add (out->aliases, alias);
          g_array_append_val (out->alias_of, of);
        }
      if (!wsp_database_rows_done (self->database, stmt, rc, error))
        return FALSE;

      stmt = wsp_database_statement (self->database,
                                     "SELECT rev_id, stream_seq, prev FROM held_aside WHERE stream = ? AND "
                                     "stream_seq > ? ORDER BY stream_seq",
                                     error);
      if (stmt == NULL)
        return FALSE;
      wsp_database_bind_text (stmt, 1, stream);
      sqlite3_bind_int64 (stmt, 2, since);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          JsonObject *proof = json_object_new ();

          json_object_set_string_member (proof, "proof", (const char *) sqlite3_column_text (stmt, 0));
          json_object_set_string_member (proof, "stream", stream);
          json_object_set_int_member (proof, "seq", sqlite3_column_int64 (stmt, 1));
          json_object_set_string_member (proof, "prev", (const char *) sqlite3_column_text (stmt, 2));
          g_ptr_array_add (out->proofs, proof);
        }
      if (!wsp_database_rows_done (self->database, stmt, rc, error))
        return FALSE;
      if (out->changes->len + out->aliases->len + out->proofs->len > before)
        g_ptr_array_add (out->streams, g_strdup (stream));
    }
  g_array_sort (out->changes, compare_int64);
  return TRUE;
}

static gboolean
holds_seq (GArray *sorted,
           gint64  seq)
{
  guint lo = 0, hi = sorted->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      gint64 v = g_array_index (sorted, gint64, mid);

      if (v == seq)
        return TRUE;
      if (v < seq)
        lo = mid + 1;
      else
        hi = mid;
    }
  return FALSE;
}

static gboolean
emit_change (WspStore       *self,
             gint64          seq,
             gboolean        with_place,
             WspChangeFunc   func,
             gpointer        data,
             GError        **error)
{
  sqlite3_stmt *stmt = wsp_database_statement (self->database,
                                               "SELECT " CHANGE_COLUMNS " FROM changes WHERE seq = ?", error);
  g_autoptr (JsonObject) change = NULL;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, seq);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    change = change_object (stmt, with_place);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return wsp_database_set_error (self->database, rc, error);
  return func (change, data, error);
}

/* The heads of @streams, and first the laptops that signed them. */
static gboolean
emit_heads (WspStore       *self,
            GPtrArray      *streams,
            JsonObject     *known,
            WspChangeFunc   func,
            gpointer        data,
            GError        **error)
{
  g_autoptr (GPtrArray) heads = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  g_autoptr (GHashTable) signers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < streams->len; i++)
    {
      const char *stream = g_ptr_array_index (streams, i);
      sqlite3_stmt *stmt = wsp_database_statement (self->database,
                                                   "SELECT chain, seq, signer, legacy, public_key, signature "
                                                   "FROM heads WHERE stream = ? AND seq > ? ORDER BY seq",
                                                   error);
      int rc;

      if (stmt == NULL)
        return FALSE;
      wsp_database_bind_text (stmt, 1, stream);
      sqlite3_bind_int64 (stmt, 2, 0);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          JsonObject *head = json_object_new ();
          const char *signer = (const char *) sqlite3_column_text (stmt, 2);

          json_object_set_string_member (head, "head", (const char *) sqlite3_column_text (stmt, 0));
          json_object_set_string_member (head, "stream", stream);
          json_object_set_int_member (head, "seq", sqlite3_column_int64 (stmt, 1));
          json_object_set_string_member (head, "signer", signer);
          json_object_set_int_member (head, "legacy", sqlite3_column_int64 (stmt, 3));
          json_object_set_string_member (head, "key", (const char *) sqlite3_column_text (stmt, 4));
          json_object_set_string_member (head, "signature", (const char *) sqlite3_column_text (stmt, 5));
          g_ptr_array_add (heads, head);
          /* Each key a laptop signed with (it may have made a new one). */
          g_hash_table_insert (signers, g_strdup_printf ("%s %s", signer, (const char *) sqlite3_column_text (stmt, 4)),
                               NULL);
        }
      if (!wsp_database_rows_done (self->database, stmt, rc, error))
        return FALSE;
    }
  (void) known;

  /* This laptop vouches for every key it ever signed with: a laptop that
   * missed one (restored from a backup) learns it from here. */
  {
    WspKeyPair pair;
    g_autofree char *own = NULL;
    sqlite3_stmt *stmt;
    int rc;

    if (!wsp_store_get_keys (self, &pair, error))
      return FALSE;
    own = wsp_keys_to_hex (pair.public_key, WSP_KEY_SIZE);
    g_hash_table_add (signers, g_strdup_printf ("%s %s", self->peer_id, own));
    stmt = wsp_database_statement (self->database, "SELECT public_key FROM peer_keys WHERE peer_id = ?", error);
    if (stmt == NULL)
      return FALSE;
    wsp_database_bind_text (stmt, 1, self->peer_id);
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      g_hash_table_add (signers, g_strdup_printf ("%s %s", self->peer_id, (const char *) sqlite3_column_text (stmt, 0)));
    if (!wsp_database_rows_done (self->database, stmt, rc, error))
      return FALSE;
  }

  g_hash_table_iter_init (&iter, signers);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autoptr (JsonObject) author = json_object_new ();
      g_autofree char *name = NULL;
      g_auto (GStrv) parts = g_strsplit (key, " ", 2);

      if (strcmp (parts[0], self->peer_id) == 0)
        name = wsp_database_dup_meta (self->database, "laptop_name");
      else
        {
          sqlite3_stmt *stmt = wsp_database_statement (self->database, "SELECT name FROM peers WHERE peer_id = ?",
                                                       error);
          if (stmt == NULL)
            return FALSE;
          wsp_database_bind_text (stmt, 1, parts[0]);
          if (sqlite3_step (stmt) == SQLITE_ROW)
            name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
          sqlite3_reset (stmt);
        }
      json_object_set_string_member (author, "author", parts[0]);
      json_object_set_string_member (author, "name", name != NULL ? name : "");
      json_object_set_string_member (author, "key", parts[1]);
      if (!func (author, data, error))
        return FALSE;
    }
  for (guint i = 0; i < heads->len; i++)
    if (!func (g_ptr_array_index (heads, i), data, error))
      return FALSE;
  return TRUE;
}

/**
 * wsp_store_foreach_change:
 * @known: (nullable): stream → the run of its changes the other laptop
 *   holds; %NULL: everything
 * @func: called with each item: first the laptops that signed ("author")
 *   and the heads that cover what follows ("head"), then each change
 *   (parents before children), then each second number of a change
 *   ("alias")
 *
 * Gives what a laptop that holds @known lacks, one item at a time.
 */
gboolean
wsp_store_foreach_change (WspStore       *self,
                          JsonObject     *known,
                          WspChangeFunc   func,
                          gpointer        data,
                          GError        **error)
{
  g_auto (Outgoing) out = { 0 };
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (WSP_IS_STORE (self), FALSE);

  if (!gather (self, known, &out, error))
    return FALSE;
  /* First who vouches for what follows: a reader knows before each change
   * whether its author's signature can be checked. */
  if (!emit_heads (self, out.streams, known, func, data, error))
    return FALSE;
  if (known == NULL)
    {
      /* Everything, in the order it came: one pass over the log. */
      stmt = wsp_database_statement (self->database, "SELECT " CHANGE_COLUMNS " FROM changes ORDER BY seq", error);
      if (stmt == NULL)
        return FALSE;
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          g_autoptr (JsonObject) change = change_object (stmt, TRUE);

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
    for (guint i = 0; i < out.changes->len; i++)
      if (!emit_change (self, g_array_index (out.changes, gint64, i), TRUE, func, data, error))
        return FALSE;

  /* A second number of a change that does not go out itself: its content
   * goes with it, for a laptop that may not have it. */
  for (guint i = 0; i < out.aliases->len; i++)
    {
      gint64 of = g_array_index (out.alias_of, gint64, i);

      if (known != NULL && !holds_seq (out.changes, of))
        {
          if (!emit_change (self, of, FALSE, func, data, error))
            return FALSE;
        }
      if (!func (g_ptr_array_index (out.aliases, i), data, error))
        return FALSE;
    }
  for (guint i = 0; i < out.proofs->len; i++)
    if (!func (g_ptr_array_index (out.proofs, i), data, error))
      return FALSE;
  return TRUE;
}

typedef struct
{
  WspLineFunc  func;
  gpointer     data;
  GString     *line;
} Lines;

static gboolean
line_of_item (JsonObject  *item,
              gpointer     data,
              GError     **error)
{
  Lines *lines = data;

  g_string_truncate (lines->line, 0);
  wsp_json_append_object (lines->line, item);
  return lines->func (lines->line->str, lines->line->len, json_object_has_member (item, "rev"), lines->data, error);
}

/**
 * wsp_store_foreach_line:
 *
 * What wsp_store_foreach_change() gives, as lines of canonical JSON (the
 * changes written straight from the log, without parsing them): for
 * export files.
 */
gboolean
wsp_store_foreach_line (WspStore     *self,
                        JsonObject   *known,
                        WspLineFunc   func,
                        gpointer      data,
                        GError      **error)
{
  g_auto (Outgoing) out = { 0 };
  g_autoptr (GString) line = g_string_new (NULL);
  Lines lines = { func, data, line };
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (WSP_IS_STORE (self), FALSE);

  if (!gather (self, known, &out, error) || !emit_heads (self, out.streams, known, line_of_item, &lines, error))
    return FALSE;
  if (known == NULL)
    {
      stmt = wsp_database_statement (self->database, "SELECT " CHANGE_COLUMNS " FROM changes ORDER BY seq", error);
      if (stmt == NULL)
        return FALSE;
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          g_string_truncate (line, 0);
          append_change_line (line, stmt);
          if (!func (line->str, line->len, TRUE, data, error))
            {
              sqlite3_reset (stmt);
              return FALSE;
            }
        }
      if (!wsp_database_rows_done (self->database, stmt, rc, error))
        return FALSE;
    }
  else
    for (guint i = 0; i < out.changes->len; i++)
      {
        stmt = wsp_database_statement (self->database, "SELECT " CHANGE_COLUMNS " FROM changes WHERE seq = ?",
                                       error);
        if (stmt == NULL)
          return FALSE;
        sqlite3_bind_int64 (stmt, 1, g_array_index (out.changes, gint64, i));
        rc = sqlite3_step (stmt);
        if (rc == SQLITE_ROW)
          {
            g_string_truncate (line, 0);
            append_change_line (line, stmt);
          }
        sqlite3_reset (stmt);
        if (rc != SQLITE_ROW)
          return wsp_database_set_error (self->database, rc, error);
        if (!func (line->str, line->len, TRUE, data, error))
          return FALSE;
      }
  for (guint i = 0; i < out.aliases->len; i++)
    {
      gint64 of = g_array_index (out.alias_of, gint64, i);

      if (known != NULL && !holds_seq (out.changes, of)
          && !emit_change (self, of, FALSE, line_of_item, &lines, error))
        return FALSE;
      if (!line_of_item (g_ptr_array_index (out.aliases, i), &lines, error))
        return FALSE;
    }
  for (guint i = 0; i < out.proofs->len; i++)
    if (!line_of_item (g_ptr_array_index (out.proofs, i), &lines, error))
      return FALSE;
  return TRUE;
}

static gboolean
collect_cb (JsonObject  *change,
            gpointer     data,
            GError     **error)
{
  json_array_add_object_element (data, json_object_ref (change));
  return TRUE;
}

/* The items a laptop holding @known lacks (everything for %NULL), in
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
                                               "OR EXISTS (SELECT 1 FROM change_aliases WHERE stream = ?1 AND stream_seq = ?2) "
                                               "OR EXISTS (SELECT 1 FROM held_aside WHERE stream = ?1 AND stream_seq = ?2)",
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
                     const char  *prev,
                     const char  *chain,
                     GError     **error)
{
  sqlite3_stmt *stmt = wsp_database_statement (self->database,
                                               "INSERT OR IGNORE INTO change_aliases (stream, stream_seq, rev_id, "
                                               "prev, chain) SELECT ?1, ?2, ?3, ?4, ?5 WHERE NOT EXISTS (SELECT 1 "
                                               "FROM changes WHERE stream = ?1 AND stream_seq = ?2 AND rev_id = ?3)",
                                               error);
  if (stmt == NULL)
    return FALSE;
  wsp_database_bind_text (stmt, 1, stream);
  sqlite3_bind_int64 (stmt, 2, seq);
  wsp_database_bind_text (stmt, 3, rev_id);
  wsp_database_bind_text (stmt, 4, prev);
  wsp_database_bind_text (stmt, 5, chain);
  if (!wsp_database_step_done (self->database, stmt, error))
    return FALSE;
  return wsp_store_advance_run (self, stream, error);
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

/* ---- a part of what this laptop holds ---------------------------------------- */

static gboolean
scoped_entry (GHashTable *entries,
              const char *stream,
              gint64      seq,
              const char *rev_id)
{
  g_autofree char *key = g_strdup_printf ("%s %" G_GINT64_FORMAT " %s", stream, seq, rev_id);

  return g_hash_table_contains (entries, key);
}

static gboolean
add_proofs (WspStore    *self,
            const char  *sql,
            const char  *stream,
            gint64       from,
            GHashTable  *entries,
            GPtrArray   *proofs,
            GError     **error)
{
  sqlite3_stmt *stmt = wsp_database_statement (self->database, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  wsp_database_bind_text (stmt, 1, stream);
  sqlite3_bind_int64 (stmt, 2, from);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *rev_id = (const char *) sqlite3_column_text (stmt, 0);
      gint64 seq = sqlite3_column_int64 (stmt, 1);
      const char *prev = (const char *) sqlite3_column_text (stmt, 2);
      JsonObject *proof;

      if (prev == NULL || *prev == '\0' || scoped_entry (entries, stream, seq, rev_id))
        continue;
      proof = json_object_new ();
      json_object_set_string_member (proof, "proof", rev_id);
      json_object_set_string_member (proof, "stream", stream);
      json_object_set_int_member (proof, "seq", seq);
      json_object_set_string_member (proof, "prev", prev);
      g_ptr_array_add (proofs, proof);
    }
  return wsp_database_rows_done (self->database, stmt, rc, error);
}

/**
 * wsp_store_foreach_line_scoped:
 * @records: (element-type utf8): the ids of the records that go out
 *
 * Like wsp_store_foreach_line(), for a part of what this laptop holds:
 * every change of @records, and, for the other entries of their authors'
 * chains after the first that goes out, only where they are in the chain
 * (proofs), so that the authors' signed heads still cover what goes out.
 * The reader holds what it held before and the records that came: a
 * record left out is not deleted.
 */
gboolean
wsp_store_foreach_line_scoped (WspStore     *self,
                               GHashTable   *records,
                               WspLineFunc   func,
                               gpointer      data,
                               GError      **error)
{
  g_autoptr (GString) line = g_string_new (NULL);
  Lines lines = { func, data, line };
  g_autoptr (GArray) seqs = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GHashTable) entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) first = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GPtrArray) aliases = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  g_autoptr (GPtrArray) proofs = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  g_autoptr (GPtrArray) streams = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer key, value;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (WSP_IS_STORE (self), FALSE);

#define NOTE_ENTRY(stream_, seq_, rev_)                                                              \
  G_STMT_START                                                                                       \
  {                                                                                                  \
    gint64 *low = g_hash_table_lookup (first, (stream_));                                            \
    g_hash_table_add (entries, g_strdup_printf ("%s %" G_GINT64_FORMAT " %s", (stream_), (gint64) (seq_), (rev_))); \
    if (low == NULL)                                                                                 \
      {                                                                                              \
        low = g_new (gint64, 1);                                                                     \
        *low = (seq_);                                                                               \
        g_hash_table_insert (first, g_strdup (stream_), low);                                        \
      }                                                                                              \
    else if ((seq_) < *low)                                                                          \
      *low = (seq_);                                                                                 \
  }                                                                                                  \
  G_STMT_END

  g_hash_table_iter_init (&iter, records);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      stmt = wsp_database_statement (self->database,
                                     "SELECT seq, stream, stream_seq, rev_id FROM changes WHERE record_id = ?", error);
      if (stmt == NULL)
        return FALSE;
      wsp_database_bind_text (stmt, 1, key);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 seq = sqlite3_column_int64 (stmt, 0);

          g_array_append_val (seqs, seq);
          NOTE_ENTRY ((const char *) sqlite3_column_text (stmt, 1), sqlite3_column_int64 (stmt, 2),
                      (const char *) sqlite3_column_text (stmt, 3));
        }
      if (!wsp_database_rows_done (self->database, stmt, rc, error))
        return FALSE;

      /* The second numbers of its changes go with them. */
      stmt = wsp_database_statement (self->database,
                                     "SELECT a.rev_id, a.stream, a.stream_seq, a.prev FROM change_aliases a "
                                     "JOIN changes c ON c.rev_id = a.rev_id WHERE c.record_id = ? "
                                     "ORDER BY a.stream, a.stream_seq",
                                     error);
      if (stmt == NULL)
        return FALSE;
      wsp_database_bind_text (stmt, 1, key);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          JsonObject *alias = json_object_new ();

          json_object_set_string_member (alias, "alias", (const char *) sqlite3_column_text (stmt, 0));
          json_object_set_string_member (alias, "stream", (const char *) sqlite3_column_text (stmt, 1));
          json_object_set_int_member (alias, "seq", sqlite3_column_int64 (stmt, 2));
          json_object_set_string_member (alias, "prev", (const char *) sqlite3_column_text (stmt, 3));
          g_ptr_array_add (aliases, alias);
          NOTE_ENTRY ((const char *) sqlite3_column_text (stmt, 1), sqlite3_column_int64 (stmt, 2),
                      (const char *) sqlite3_column_text (stmt, 0));
        }
      if (!wsp_database_rows_done (self->database, stmt, rc, error))
        return FALSE;
    }
#undef NOTE_ENTRY
  g_array_sort (seqs, compare_int64);

  /* The rest of each chain, from the first entry that goes out to its
   * signed end, as proofs. */
  g_hash_table_iter_init (&iter, first);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gint64 from = *(gint64 *) value;

      g_ptr_array_add (streams, g_strdup (key));
      if (!add_proofs (self, "SELECT rev_id, stream_seq, prev FROM changes WHERE stream = ? AND stream_seq >= ? "
                             "ORDER BY stream_seq",
                       key, from, entries, proofs, error)
          || !add_proofs (self, "SELECT rev_id, stream_seq, prev FROM change_aliases WHERE stream = ? AND "
                                "stream_seq >= ? ORDER BY stream_seq",
                          key, from, entries, proofs, error)
          || !add_proofs (self, "SELECT rev_id, stream_seq, prev FROM held_aside WHERE stream = ? AND "
                                "stream_seq >= ? ORDER BY stream_seq",
                          key, from, entries, proofs, error))
        return FALSE;
    }
  g_ptr_array_sort (streams, (GCompareFunc) g_strcmp0);

  if (!emit_heads (self, streams, NULL, line_of_item, &lines, error))
    return FALSE;
  for (guint i = 0; i < seqs->len; i++)
    {
      stmt = wsp_database_statement (self->database, "SELECT " CHANGE_COLUMNS " FROM changes WHERE seq = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, g_array_index (seqs, gint64, i));
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          g_string_truncate (line, 0);
          append_change_line (line, stmt);
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_ROW)
        return wsp_database_set_error (self->database, rc, error);
      if (!func (line->str, line->len, TRUE, data, error))
        return FALSE;
    }
  for (guint i = 0; i < aliases->len; i++)
    if (!line_of_item (g_ptr_array_index (aliases, i), &lines, error))
      return FALSE;
  for (guint i = 0; i < proofs->len; i++)
    if (!line_of_item (g_ptr_array_index (proofs, i), &lines, error))
      return FALSE;
  return TRUE;
}
