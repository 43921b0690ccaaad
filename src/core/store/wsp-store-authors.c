/* wsp-store-authors.c — who made a change, and the proof of it
 *
 * Every change a laptop holds is an entry in a stream: the numbering of
 * one laptop (its id, or its id, "/" and a random id for a numbering it
 * began after a fork). The entries of a stream form a chain: an entry's
 * chain is the SHA-256 of the chain before it, the stream, its number and
 * the change's id. At every commit the laptop signs the end of its chain
 * (a head), so one signature covers every change before it, and a laptop
 * that passes the changes on passes the head with them: whoever brings a
 * change, its author's signature comes along, and a change that is not
 * where its author's chain says is found out.
 *
 * A head is taken only when its signer is the stream's laptop, with a key
 * known for it here (or introduced by the file's sender when that laptop
 * was never heard of). Changes of laptops of the previous version, which
 * signed no heads, are vouched for by a laptop that converted or imported
 * them (a witness), as long as their own laptop has never signed a head.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "store/wsp-store-private.h"

#define HEAD_TEXT_VERSION "1"

/* The chain of the entry @seq of @stream, @rev_id, after @prev. */
char *
wsp_store_chain_next (const char *prev,
                      const char *stream,
                      gint64      seq,
                      const char *rev_id)
{
  g_autoptr (GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  char number[24];

  g_snprintf (number, sizeof number, "%" G_GINT64_FORMAT, seq);
  g_checksum_update (checksum, (const guchar *) "wspolnie-chain\n", -1);
  g_checksum_update (checksum, (const guchar *) prev, -1);
  g_checksum_update (checksum, (const guchar *) "\n", 1);
  g_checksum_update (checksum, (const guchar *) stream, -1);
  g_checksum_update (checksum, (const guchar *) "\n", 1);
  g_checksum_update (checksum, (const guchar *) number, -1);
  g_checksum_update (checksum, (const guchar *) "\n", 1);
  g_checksum_update (checksum, (const guchar *) rev_id, -1);
  return g_strdup (g_checksum_get_string (checksum));
}

/* The laptop @stream belongs to, or NULL when it is not a stream's name. */
char *
wsp_store_stream_owner (const char *stream)
{
  const char *slash;

  if (stream == NULL)
    return NULL;
  slash = strchr (stream, '/');
  if (slash == NULL)
    return g_uuid_string_is_valid (stream) ? g_strdup (stream) : NULL;
  {
    g_autofree char *owner = g_strndup (stream, slash - stream);

    if (!g_uuid_string_is_valid (owner) || !g_uuid_string_is_valid (slash + 1))
      return NULL;
    return g_steal_pointer (&owner);
  }
}

/* What a head's signature covers. */
char *
wsp_store_head_text (const char *stream,
                     gint64      seq,
                     const char *chain,
                     const char *signer,
                     gint64      legacy)
{
  return g_strdup_printf ("wspolnie-head\n" HEAD_TEXT_VERSION "\n%s\n%" G_GINT64_FORMAT "\n%s\n%s\n%" G_GINT64_FORMAT,
                          stream, seq, chain, signer, legacy);
}

/* ---- this laptop's key ---------------------------------------------------- */

/**
 * wsp_store_get_keys:
 *
 * This laptop's signing keys, made on first use and kept in the database
 * (which never leaves this laptop; only its changes and packets do).
 */
gboolean
wsp_store_get_keys (WspStore    *self,
                    WspKeyPair  *pair,
                    GError     **error)
{
  g_autofree char *secret_hex = NULL;
  guint8 secret[WSP_KEY_SIZE];

  g_return_val_if_fail (WSP_IS_STORE (self), FALSE);

  if (self->have_keys)
    {
      *pair = self->keys;
      return TRUE;
    }
  secret_hex = wsp_database_dup_meta (self->database, "secret_key");
  if (secret_hex != NULL && wsp_keys_from_hex (secret_hex, secret, sizeof secret))
    {
      wsp_keys_from_secret (&self->keys, secret);
      memset (secret, 0, sizeof secret);
    }
  else
    {
      if (!wsp_keys_generate (&self->keys, error))
        return FALSE;
      g_free (secret_hex);
      secret_hex = wsp_keys_to_hex (self->keys.secret_key, WSP_KEY_SIZE);
      if (!wsp_database_set_meta (self->database, "secret_key", secret_hex, error))
        return FALSE;
    }
  self->have_keys = TRUE;
  *pair = self->keys;
  return TRUE;
}

/**
 * wsp_store_replace_key:
 *
 * Gives this laptop a new signing key (when the old one may be known to
 * someone else). The others are asked to compare the new fingerprint at
 * their next import of its files; what it signed before stays valid.
 */
gboolean
wsp_store_replace_key (WspStore  *self,
                       GError   **error)
{
  WspKeyPair pair;

  g_autofree char *old_hex = NULL;

  g_return_val_if_fail (WSP_IS_STORE (self), FALSE);
  /* What it signed with the old key stays its own. */
  if (!wsp_store_get_keys (self, &pair, error))
    return FALSE;
  old_hex = wsp_keys_to_hex (pair.public_key, WSP_KEY_SIZE);
  if (!wsp_store_add_peer_key (self, self->peer_id, old_hex, error)
      || !wsp_database_exec (self->database, "DELETE FROM meta WHERE key = 'secret_key'", error))
    return FALSE;
  wsp_store_forget_keys (self);
  return wsp_store_get_keys (self, &pair, error);
}

/* Forgets the key (a copy of another laptop's database makes its own). */
void
wsp_store_forget_keys (WspStore *self)
{
  memset (&self->keys, 0, sizeof self->keys);
  self->have_keys = FALSE;
}

/* ---- this laptop's own entries ---------------------------------------------- */

/* Gives @rev_id the next number of this laptop's stream: @seq, and its
 * chain (@prev and @chain, both to free). */
gboolean
wsp_store_number_own (WspStore    *self,
                      const char  *rev_id,
                      gint64      *seq,
                      char       **prev,
                      char       **chain,
                      GError     **error)
{
  g_autofree char *seq_text = NULL;
  g_autofree char *next = NULL;

  self->stream_seq++;
  next = wsp_store_chain_next (self->stream_chain, self->stream, self->stream_seq, rev_id);
  seq_text = g_strdup_printf ("%" G_GINT64_FORMAT, self->stream_seq);
  if (!wsp_database_set_meta (self->database, "stream_seq", seq_text, error)
      || !wsp_database_set_meta (self->database, "stream_chain", next, error))
    return FALSE;
  *seq = self->stream_seq;
  *prev = g_strdup (self->stream_chain);
  *chain = g_strdup (next);
  g_free (self->stream_chain);
  self->stream_chain = g_steal_pointer (&next);
  self->head_dirty = TRUE;
  return TRUE;
}

static gboolean
put_head (WspStore    *self,
          const char  *stream,
          gint64       seq,
          const char  *chain,
          const char  *signer,
          gint64       legacy,
          const char  *key_hex,
          const char  *signature_hex,
          GError     **error)
{
  sqlite3_stmt *stmt = wsp_database_statement (self->database,
                                               "INSERT OR REPLACE INTO heads (stream, chain, seq, signer, legacy, "
                                               "public_key, signature) VALUES (?, ?, ?, ?, ?, ?, ?)",
                                               error);

  if (stmt == NULL)
    return FALSE;
  wsp_database_bind_text (stmt, 1, stream);
  wsp_database_bind_text (stmt, 2, chain);
  sqlite3_bind_int64 (stmt, 3, seq);
  wsp_database_bind_text (stmt, 4, signer);
  sqlite3_bind_int64 (stmt, 5, legacy);
  wsp_database_bind_text (stmt, 6, key_hex);
  wsp_database_bind_text (stmt, 7, signature_hex);
  return wsp_database_step_done (self->database, stmt, error);
}

/* Signs a head for @chain, entry @seq of @stream, as this laptop. */
static gboolean
sign_head (WspStore    *self,
           const char  *stream,
           gint64       seq,
           const char  *chain,
           GError     **error)
{
  WspKeyPair pair;
  g_autofree char *text = NULL;
  g_autofree char *key_hex = NULL;
  g_autofree char *sig_hex = NULL;
  g_autofree char *legacy_text = wsp_database_dup_meta (self->database, "legacy_until");
  gint64 legacy = 0;
  guint8 signature[WSP_SIGNATURE_SIZE];

  if (!wsp_store_get_keys (self, &pair, error))
    return FALSE;
  /* The numbers this laptop made before it signed, in its first stream. */
  if (legacy_text != NULL && g_strcmp0 (stream, self->peer_id) == 0)
    legacy = g_ascii_strtoll (legacy_text, NULL, 10);
  text = wsp_store_head_text (stream, seq, chain, self->peer_id, legacy);
  wsp_keys_sign (&pair, (const guint8 *) text, strlen (text), signature);
  key_hex = wsp_keys_to_hex (pair.public_key, WSP_KEY_SIZE);
  sig_hex = wsp_keys_to_hex (signature, WSP_SIGNATURE_SIZE);
  return put_head (self, stream, seq, chain, self->peer_id, legacy, key_hex, sig_hex, error);
}

/* At the end of a transaction that numbered entries of this laptop's
 * stream: signs the new end of its chain, which replaces the older ones. */
gboolean
wsp_store_seal (WspStore  *self,
                GError   **error)
{
  sqlite3_stmt *stmt;

  if (!self->head_dirty)
    return TRUE;
  if (!sign_head (self, self->stream, self->stream_seq, self->stream_chain, error))
    return FALSE;
  stmt = wsp_database_statement (self->database, "DELETE FROM heads WHERE stream = ? AND seq < ?", error);
  if (stmt == NULL)
    return FALSE;
  wsp_database_bind_text (stmt, 1, self->stream);
  sqlite3_bind_int64 (stmt, 2, self->stream_seq);
  if (!wsp_database_step_done (self->database, stmt, error))
    return FALSE;
  self->head_dirty = FALSE;
  return TRUE;
}

/* ---- changes no laptop signed ----------------------------------------------- */

/* Gives the entries of @stream that have no chain yet (converted from the
 * previous version, or imported from its files) one, after the entry below
 * them, in the order of their numbers. */
gboolean
wsp_store_chain_unchained (WspStore    *self,
                           const char  *stream,
                           GError     **error)
{
  sqlite3_stmt *stmt = wsp_database_statement (self->database,
                                               "SELECT 0, rev_id, stream_seq, chain FROM changes WHERE stream = ?1 "
                                               "UNION ALL SELECT 1, rev_id, stream_seq, chain FROM change_aliases "
                                               "WHERE stream = ?1 ORDER BY 3, 1, 2",
                                               error);
  g_autoptr (GPtrArray) todo = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *last = g_strdup (WSP_CHAIN_ZERO);
  int rc;

  if (stmt == NULL)
    return FALSE;
  wsp_database_bind_text (stmt, 1, stream);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *rev_id = (const char *) sqlite3_column_text (stmt, 1);
      gint64 seq = sqlite3_column_int64 (stmt, 2);
      const char *chain = (const char *) sqlite3_column_text (stmt, 3);

      if (chain != NULL && *chain != '\0')
        {
          g_free (last);
          last = g_strdup (chain);
          continue;
        }
      {
        char *next = wsp_store_chain_next (last, stream, seq, rev_id);

        /* kind, rev_id, seq, prev, chain: set below, once the reading is done */
        g_ptr_array_add (todo, g_strdup (sqlite3_column_int (stmt, 0) ? "1" : "0"));
        g_ptr_array_add (todo, g_strdup (rev_id));
        g_ptr_array_add (todo, g_strdup_printf ("%" G_GINT64_FORMAT, seq));
        g_ptr_array_add (todo, g_strdup (last));
        g_ptr_array_add (todo, g_strdup (next));
        g_free (last);
        last = next;
      }
    }
  if (!wsp_database_rows_done (self->database, stmt, rc, error))
    return FALSE;

  for (guint i = 0; i + 4 < todo->len; i += 5)
    {
      gboolean alias = strcmp (g_ptr_array_index (todo, i), "1") == 0;

      stmt = wsp_database_statement (self->database,
                                     alias ? "UPDATE change_aliases SET prev = ?1, chain = ?2 "
                                             "WHERE stream = ?3 AND stream_seq = ?4 AND rev_id = ?5"
                                           : "UPDATE changes SET prev = ?1, chain = ?2 "
                                             "WHERE stream = ?3 AND stream_seq = ?4 AND rev_id = ?5",
                                     error);
      if (stmt == NULL)
        return FALSE;
      wsp_database_bind_text (stmt, 1, g_ptr_array_index (todo, i + 3));
      wsp_database_bind_text (stmt, 2, g_ptr_array_index (todo, i + 4));
      wsp_database_bind_text (stmt, 3, stream);
      sqlite3_bind_int64 (stmt, 4, g_ascii_strtoll (g_ptr_array_index (todo, i + 2), NULL, 10));
      wsp_database_bind_text (stmt, 5, g_ptr_array_index (todo, i + 1));
      if (!wsp_database_step_done (self->database, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* Drops the heads of @stream that an entry held here follows: only the
 * ends of its chains are kept. */
gboolean
wsp_store_prune_heads (WspStore    *self,
                       const char  *stream,
                       GError     **error)
{
  sqlite3_stmt *stmt = wsp_database_statement (self->database,
                                               "DELETE FROM heads WHERE stream = ?1 AND (chain IN "
                                               "(SELECT prev FROM changes WHERE stream = ?1) OR chain IN "
                                               "(SELECT prev FROM change_aliases WHERE stream = ?1))",
                                               error);

  if (stmt == NULL)
    return FALSE;
  wsp_database_bind_text (stmt, 1, stream);
  return wsp_database_step_done (self->database, stmt, error);
}

/* Signs, as a witness, the ends of @stream's chains that no head covers:
 * changes of a laptop of the previous version, which signed nothing. This
 * laptop's own stream is signed as its own. */
gboolean
wsp_store_witness (WspStore    *self,
                   const char  *stream,
                   GError     **error)
{
  sqlite3_stmt *stmt = wsp_database_statement (self->database,
                                               "SELECT e.chain, e.stream_seq FROM (SELECT chain, stream_seq, stream "
                                               "FROM changes WHERE stream = ?1 UNION ALL SELECT chain, stream_seq, "
                                               "stream FROM change_aliases WHERE stream = ?1) e "
                                               "WHERE e.chain != '' "
                                               "AND e.chain NOT IN (SELECT prev FROM changes WHERE stream = ?1) "
                                               "AND e.chain NOT IN (SELECT prev FROM change_aliases WHERE stream = ?1) "
                                               "AND e.chain NOT IN (SELECT chain FROM heads WHERE stream = ?1)",
                                               error);
  g_autoptr (GPtrArray) tips = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GArray) seqs = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  if (stmt == NULL)
    return FALSE;
  wsp_database_bind_text (stmt, 1, stream);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 seq = sqlite3_column_int64 (stmt, 1);

      g_ptr_array_add (tips, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      g_array_append_val (seqs, seq);
    }
  if (!wsp_database_rows_done (self->database, stmt, rc, error))
    return FALSE;
  for (guint i = 0; i < tips->len; i++)
    if (!sign_head (self, stream, g_array_index (seqs, gint64, i), g_ptr_array_index (tips, i), error))
      return FALSE;
  return wsp_store_prune_heads (self, stream, error);
}

/* ---- heads from other laptops ---------------------------------------------- */

/* How a laptop's key stands here. */
WspKeyStanding
wsp_store_key_standing (WspStore    *self,
                        const char  *peer_id,
                        const char  *key_hex,
                        char       **name,
                        GError     **error)
{
  sqlite3_stmt *stmt;
  WspKeyStanding standing = WSP_KEY_UNKNOWN_LAPTOP;
  int rc;

  if (g_strcmp0 (peer_id, self->peer_id) == 0)
    {
      WspKeyPair pair;
      g_autofree char *own = NULL;

      if (!wsp_store_get_keys (self, &pair, error))
        return WSP_KEY_ERROR;
      own = wsp_keys_to_hex (pair.public_key, WSP_KEY_SIZE);
      if (name != NULL)
        *name = g_strdup (_("this laptop"));
      if (g_strcmp0 (own, key_hex) == 0)
        return WSP_KEY_GOOD;
      /* A key it had before. */
      stmt = wsp_database_statement (self->database,
                                     "SELECT 1 FROM peer_keys WHERE peer_id = ? AND public_key = ?", error);
      if (stmt == NULL)
        return WSP_KEY_ERROR;
      wsp_database_bind_text (stmt, 1, peer_id);
      wsp_database_bind_text (stmt, 2, key_hex);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      return rc == SQLITE_ROW ? WSP_KEY_GOOD : WSP_KEY_OTHER_KEY;
    }

  stmt = wsp_database_statement (self->database,
                                 "SELECT p.trusted, p.name, EXISTS (SELECT 1 FROM peer_keys k WHERE k.peer_id = p.peer_id "
                                 "AND k.public_key = ?2) OR p.public_key = ?2 FROM peers p WHERE p.peer_id = ?1",
                                 error);
  if (stmt == NULL)
    return WSP_KEY_ERROR;
  wsp_database_bind_text (stmt, 1, peer_id);
  wsp_database_bind_text (stmt, 2, key_hex);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      if (name != NULL)
        *name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      if (sqlite3_column_int (stmt, 0) == 0)
        standing = WSP_KEY_REVOKED;
      else
        standing = sqlite3_column_int (stmt, 2) != 0 ? WSP_KEY_GOOD : WSP_KEY_OTHER_KEY;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      wsp_database_set_error (self->database, rc, error);
      return WSP_KEY_ERROR;
    }
  return standing;
}

/* Notes that @peer_id signs with @key_hex (a person compared it, or a
 * trusted laptop introduced it). */
gboolean
wsp_store_add_peer_key (WspStore    *self,
                        const char  *peer_id,
                        const char  *key_hex,
                        GError     **error)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *when = g_date_time_format_iso8601 (now);
  sqlite3_stmt *stmt = wsp_database_statement (self->database,
                                               "INSERT OR IGNORE INTO peer_keys (peer_id, public_key, accepted_at) "
                                               "VALUES (?, ?, ?)",
                                               error);

  if (stmt == NULL)
    return FALSE;
  wsp_database_bind_text (stmt, 1, peer_id);
  wsp_database_bind_text (stmt, 2, key_hex);
  wsp_database_bind_text (stmt, 3, when);
  return wsp_database_step_done (self->database, stmt, error);
}

/* Checks the signature of a head: @text signed with @key_hex. */
gboolean
wsp_store_head_signed (const char *text,
                       const char *key_hex,
                       const char *signature_hex)
{
  guint8 key[WSP_KEY_SIZE];
  guint8 signature[WSP_SIGNATURE_SIZE];

  if (!wsp_keys_from_hex (key_hex, key, sizeof key) || !wsp_keys_from_hex (signature_hex, signature, sizeof signature))
    return FALSE;
  return wsp_keys_verify (key, (const guint8 *) text, strlen (text), signature);
}

/* Keeps a head that was checked (wsp-store-import.c), and notes when the
 * stream's own laptop signed it. */
gboolean
wsp_store_keep_head (WspStore    *self,
                     const char  *stream,
                     gint64       seq,
                     const char  *chain,
                     const char  *signer,
                     gint64       legacy,
                     const char  *key_hex,
                     const char  *signature_hex,
                     GError     **error)
{
  g_autofree char *owner = wsp_store_stream_owner (stream);

  if (g_strcmp0 (owner, signer) != 0)
    {
      /* A witness's head never replaces the laptop's own. */
      sqlite3_stmt *stmt = wsp_database_statement (self->database,
                                                   "SELECT signer FROM heads WHERE stream = ? AND chain = ?", error);
      gboolean own = FALSE;

      if (stmt == NULL)
        return FALSE;
      wsp_database_bind_text (stmt, 1, stream);
      wsp_database_bind_text (stmt, 2, chain);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        own = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), owner) == 0;
      sqlite3_reset (stmt);
      if (own)
        return TRUE;
    }
  else
    {
      sqlite3_stmt *stmt = wsp_database_statement (self->database,
                                                   "UPDATE streams SET owner_signed = 1, legacy_until = ?2 "
                                                   "WHERE stream = ?1",
                                                   error);

      if (stmt == NULL)
        return FALSE;
      wsp_database_bind_text (stmt, 1, stream);
      sqlite3_bind_int64 (stmt, 2, legacy);
      if (!wsp_database_step_done (self->database, stmt, error))
        return FALSE;
    }
  return put_head (self, stream, seq, chain, signer, legacy, key_hex, signature_hex, error);
}

/* Whether a witness may vouch for the entry @seq of @stream: while the
 * stream's laptop has not signed it itself, or for the numbers it made
 * before it signed. Never for this laptop's own. */
gboolean
wsp_store_may_witness (WspStore    *self,
                       const char  *stream,
                       gint64       seq,
                       gboolean    *may,
                       GError     **error)
{
  g_autofree char *owner = wsp_store_stream_owner (stream);
  sqlite3_stmt *stmt;
  int rc;

  *may = FALSE;
  if (owner == NULL || g_strcmp0 (owner, self->peer_id) == 0)
    return TRUE;
  stmt = wsp_database_statement (self->database, "SELECT owner_signed, legacy_until FROM streams WHERE stream = ?",
                                 error);
  if (stmt == NULL)
    return FALSE;
  wsp_database_bind_text (stmt, 1, stream);
  rc = sqlite3_step (stmt);
  *may = rc != SQLITE_ROW || sqlite3_column_int (stmt, 0) == 0 || seq <= sqlite3_column_int64 (stmt, 1);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return wsp_database_set_error (self->database, rc, error);
  return TRUE;
}
