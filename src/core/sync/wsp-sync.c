/* wsp-sync.c — packets: export, import, trust
 *
 * A packet file is a stream of lines, each a JSON object, so that a file
 * of any size is written and read in bounded memory:
 *
 *   {"format":"wspolnie-exchange","header":{…who sent it, for whom, what
 *    the sender holds, its key…}}
 *   {…a change, a second number of a change, a laptop that signed, or the
 *    head of a stream…}   (see wsp_store_foreach_change())
 *   …
 *   {"end":{"items":N,"digest":<SHA-256 of every byte before this line>,
 *    "signature":<the sender's signature of the digest>}}
 *
 * The sender signs the digest of the whole file, once, at its end; each
 * change is signed by its own laptop through the heads of its stream (see
 * wsp-store-authors.c), so a change passed on by a third laptop cannot be
 * altered or put under another laptop's name. Everything is checked as it
 * is read and written in one transaction, with the sender's details and
 * the packet's id, all or none: a file whose signature does not match at
 * the end is rolled back whole.
 *
 * Files of the previous version (one signed JSON envelope around a base64
 * payload of whole revisions) are still read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "base/wsp-hlc.h"
#include "base/wsp-json.h"
#include "domain/wsp-identity.h"
#include "sync/wsp-json-guard.h"
#include "sync/wsp-review-check.h"
#include "sync/wsp-sync.h"

#define FORMAT_NAME        "wspolnie-exchange"
#define FORMAT_VERSION     2
#define LEGACY_FORMAT_NAME "wspolnie-packet"
#define LEGACY_SCHEMA      1
/* The longest line: a change carries at most 4 MiB of values, which JSON
 * escapes may make longer. */
#define MAX_LINE_BYTES     ((gsize) 24 * 1024 * 1024)
#define READ_CHUNK         ((gsize) 256 * 1024)
/* Only files of the previous version are read whole. */
#define LEGACY_MAX_BYTES   ((gsize) 256 * 1024 * 1024)
#define MAX_NAME_BYTES     256

/* clang-format off */
G_DEFINE_QUARK (wsp-sync-error-quark, wsp_sync_error)
/* clang-format on */

void
wsp_import_report_clear (WspImportReport *report)
{
  g_clear_pointer (&report->packet_id, g_free);
  g_clear_pointer (&report->sender_peer, g_free);
  g_clear_pointer (&report->sender_name, g_free);
  g_clear_pointer (&report->fingerprint, g_free);
  g_clear_pointer (&report->created_at, g_free);
  g_clear_pointer (&report->outcomes, g_ptr_array_unref);
  g_clear_pointer (&report->same, g_ptr_array_unref);
  g_clear_pointer (&report->scope, json_object_unref);
  g_clear_pointer (&report->reply_person, g_free);
  g_clear_pointer (&report->reply_summary, g_free);
}

/* How many records of @entity (NULL: of any kind) the import left as @kind. */
guint
wsp_import_report_count (WspImportReport *report,
                         const char      *entity,
                         WspOutcomeKind   kind)
{
  guint count = 0;

  for (guint i = 0; report->outcomes != NULL && i < report->outcomes->len; i++)
    {
      WspOutcome *o = g_ptr_array_index (report->outcomes, i);
      if (o->kind == kind && (entity == NULL || g_strcmp0 (o->entity, entity) == 0))
        count++;
    }
  return count;
}

void
wsp_export_report_clear (WspExportReport *report)
{
  g_clear_pointer (&report->path, g_free);
  g_clear_pointer (&report->packet_id, g_free);
}

static sqlite3_stmt *
prepare (WspStore    *store,
         const char  *sql,
         GError     **error)
{
  return wsp_database_prepare (wsp_store_get_database (store), sql, error);
}

static gboolean
refuse (GError     **error,
        WspSyncError code,
        const char  *message)
{
  g_set_error_literal (error, WSP_SYNC_ERROR, code, message);
  return FALSE;
}

/* A name fit to show a person: no control or formatting characters, no
 * line breaks, bounded. */
char *
wsp_sync_clean_name (const char *name)
{
  GString *out = g_string_new (NULL);

  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    return g_string_free (out, FALSE);
  for (const char *p = name; *p != '\0' && out->len < MAX_NAME_BYTES; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c) || g_unichar_type (c) == G_UNICODE_FORMAT
          || g_unichar_type (c) == G_UNICODE_LINE_SEPARATOR || g_unichar_type (c) == G_UNICODE_PARAGRAPH_SEPARATOR)
        continue;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* This laptop's signing keys (see wsp_store_get_keys()). */
gboolean
wsp_sync_get_keys (WspStore    *store,
                   WspKeyPair  *pair,
                   GError     **error)
{
  return wsp_store_get_keys (store, pair, error);
}

char *
wsp_sync_dup_fingerprint (WspStore  *store,
                          GError   **error)
{
  WspKeyPair pair;

  if (!wsp_store_get_keys (store, &pair, error))
    return NULL;
  return wsp_keys_fingerprint (pair.public_key);
}

/* The name other laptops see; the host name until someone sets one. */
char *
wsp_sync_dup_laptop_name (WspStore *store)
{
  g_autofree char *name = wsp_store_dup_meta (store, "laptop_name");

  if (name == NULL || *name == '\0')
    return g_strdup (g_get_host_name ());
  return g_steal_pointer (&name);
}

gboolean
wsp_sync_set_laptop_name (WspStore    *store,
                          const char  *name,
                          GError     **error)
{
  return wsp_store_set_meta (store, "laptop_name", name != NULL ? name : "", error);
}

/* What @peer_id is known to hold (stream → the run it holds), from the
 * packets it sent; NULL when nothing is known. */
static JsonObject *
peer_have (WspStore   *store,
           const char *peer_id)
{
  g_autoptr (sqlite3_stmt) stmt = prepare (store, "SELECT have_seq FROM peers WHERE peer_id = ? AND last_seen IS NOT NULL",
                                           NULL);
  JsonObject *have = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, peer_id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    have = wsp_json_parse_object ((const char *) sqlite3_column_text (stmt, 0), NULL);
  return have;
}

/* What every trusted laptop that sent a file here is known to hold: the
 * least of their runs, stream by stream. NULL when no laptop is known. */
static JsonObject *
known_by_all (WspStore *store)
{
  g_autoptr (sqlite3_stmt) stmt = prepare (store, "SELECT have_seq FROM peers WHERE trusted = 1 AND last_seen IS NOT NULL",
                                           NULL);
  g_autoptr (JsonArray) streams = wsp_store_dup_streams (store, NULL);
  g_autoptr (GPtrArray) haves = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  JsonObject *known;

  if (stmt == NULL || streams == NULL)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      JsonObject *have = wsp_json_parse_object ((const char *) sqlite3_column_text (stmt, 0), NULL);
      g_ptr_array_add (haves, have != NULL ? have : json_object_new ());
    }
  if (haves->len == 0)
    return NULL;
  known = json_object_new ();
  for (guint i = 0; i < json_array_get_length (streams); i++)
    {
      const char *stream = json_object_get_string_member (json_array_get_object_element (streams, i), "stream");
      gint64 least = G_MAXINT64;

      for (guint j = 0; j < haves->len; j++)
        {
          JsonObject *have = g_ptr_array_index (haves, j);
          JsonNode *node = json_object_has_member (have, stream) ? json_object_get_member (have, stream) : NULL;
          gint64 run = node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64
                         ? json_node_get_int (node) : 0;
          least = MIN (least, run);
        }
      if (least > 0)
        json_object_set_int_member (known, stream, least);
    }
  return known;
}

static gboolean
peer_exists (WspStore   *store,
             const char *peer_id)
{
  g_autoptr (sqlite3_stmt) stmt = prepare (store, "SELECT 1 FROM peers WHERE peer_id = ? AND last_seen IS NOT NULL",
                                           NULL);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, peer_id, -1, SQLITE_TRANSIENT);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

static char *
peer_name (WspStore   *store,
           const char *peer_id)
{
  g_autoptr (sqlite3_stmt) stmt = prepare (store, "SELECT name FROM peers WHERE peer_id = ?", NULL);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, peer_id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return wsp_sync_clean_name ((const char *) sqlite3_column_text (stmt, 0));
  return NULL;
}

static char *
now_iso8601 (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  return g_date_time_format_iso8601 (now);
}

/* ---- writing ------------------------------------------------------------- */

typedef struct
{
  GOutputStream *out;
  GCancellable  *cancellable;
  GChecksum     *digest;
  GString       *line;
  guint          items;
  guint          changes;
  gsize          bytes;
} Writer;

static gboolean
write_text (Writer      *w,
            const char  *text,
            gsize        length,
            GError     **error)
{
  g_checksum_update (w->digest, (const guchar *) text, length);
  w->bytes += length;
  return g_output_stream_write_all (w->out, text, length, NULL, w->cancellable, error);
}

static gboolean
write_line (const char  *line,
            gsize        length,
            gboolean     is_change,
            gpointer     data,
            GError     **error)
{
  Writer *w = data;

  /* Never write what a laptop would refuse to read. */
  if (length > MAX_LINE_BYTES)
    {
      g_set_error_literal (error, WSP_SYNC_ERROR, WSP_SYNC_ERROR_TOO_LARGE,
                           _("A record holds too much text to be exported. Shorten it and export again."));
      return FALSE;
    }
  w->items++;
  w->changes += is_change;
  return write_text (w, line, length, error) && write_text (w, "\n", 1, error);
}

/* Writes a signed packet to @out: everything (@full, or when nothing is
 * known of @recipient), what @recipient is not known to hold, or, for
 * @for_folder, what some laptop of a shared folder is not known to hold. */
static gboolean
write_packet (WspStore         *store,
              const char       *recipient,
              gboolean          full,
              gboolean          for_folder,
              JsonObject       *scope,
              GHashTable       *records,
              const char       *packet_id,
              GOutputStream    *out,
              GCancellable     *cancellable,
              WspExportReport  *report,
              GError          **error)
{
  WspKeyPair pair;
  g_autoptr (JsonObject) known = NULL;
  g_autoptr (JsonObject) have = NULL;
  g_autoptr (JsonObject) header = json_object_new ();
  g_autoptr (JsonObject) sender = json_object_new ();
  g_autoptr (JsonObject) end = json_object_new ();
  g_autoptr (JsonObject) end_line = json_object_new ();
  g_autofree char *name = wsp_sync_dup_laptop_name (store);
  g_autofree char *created_at = now_iso8601 ();
  g_autofree char *hlc = wsp_store_dup_meta (store, "hlc");
  g_autofree char *key_id = NULL;
  g_autofree char *pub_hex = NULL;
  g_autofree char *sig_hex = NULL;
  g_autofree char *signed_text = NULL;
  g_autoptr (GChecksum) digest = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr (GString) line = g_string_new (NULL);
  guint8 signature[WSP_SIGNATURE_SIZE];
  Writer w = { out, cancellable, digest, line, 0, 0, 0 };

  if (!wsp_store_get_keys (store, &pair, error))
    return FALSE;

  if (recipient != NULL && !full)
    {
      if (!peer_exists (store, recipient))
        {
          g_set_error (error, WSP_SYNC_ERROR, WSP_SYNC_ERROR_UNKNOWN_RECIPIENT,
                       _("That laptop has never sent a file here, so only everything can be "
                         "exported for it."));
          return FALSE;
        }
      known = peer_have (store, recipient);
    }
  else if (for_folder && !full)
    known = known_by_all (store);
  have = wsp_store_dup_have (store, error);
  if (have == NULL)
    return FALSE;
  key_id = wsp_keys_key_id (pair.public_key);
  pub_hex = wsp_keys_to_hex (pair.public_key, WSP_KEY_SIZE);

  json_object_set_string_member (sender, "peer_id", wsp_store_get_peer_id (store));
  json_object_set_string_member (sender, "name", name);
  json_object_set_int_member (header, "format_version", FORMAT_VERSION);
  json_object_set_int_member (header, "schema_version", WSP_PACKET_SCHEMA_VERSION);
  json_object_set_string_member (header, "app_version", PACKAGE_VERSION);
  json_object_set_string_member (header, "packet_id", packet_id);
  json_object_set_object_member (header, "sender", g_steal_pointer (&sender));
  json_object_set_string_member (header, "key_id", key_id);
  json_object_set_string_member (header, "public_key", pub_hex);
  if (recipient != NULL)
    json_object_set_string_member (header, "recipient", recipient);
  else
    json_object_set_null_member (header, "recipient");
  json_object_set_boolean_member (header, "full", known == NULL && records == NULL);
  /* A part of what the sender holds (a review file, a reply to one). */
  if (scope != NULL)
    json_object_set_object_member (header, "scope", json_object_ref (scope));
  /* What a delta takes its reader to hold already. */
  if (known != NULL)
    json_object_set_object_member (header, "assumed", json_object_ref (known));
  json_object_set_string_member (header, "created_at", created_at);
  json_object_set_string_member (header, "created_hlc", hlc != NULL ? hlc : "0000000000000000");
  json_object_set_object_member (header, "sender_have", json_object_ref (have));

  /* "format" first, so that the file says what it is in its first bytes. */
  g_string_append (line, "{\"format\":\"" FORMAT_NAME "\",\"header\":");
  wsp_json_append_object (line, header);
  g_string_append (line, "}\n");
  if (!write_text (&w, line->str, line->len, error))
    return FALSE;

  if (records != NULL ? !wsp_store_foreach_line_scoped (store, records, write_line, &w, error)
                      : !wsp_store_foreach_line (store, known, write_line, &w, error))
    return FALSE;

  signed_text = g_strconcat ("wspolnie-packet-end\n", g_checksum_get_string (digest), NULL);
  wsp_keys_sign (&pair, (const guint8 *) signed_text, strlen (signed_text), signature);
  sig_hex = wsp_keys_to_hex (signature, WSP_SIGNATURE_SIZE);
  json_object_set_int_member (end, "items", w.items);
  json_object_set_string_member (end, "digest", g_checksum_get_string (digest));
  json_object_set_string_member (end, "signature", sig_hex);
  json_object_set_object_member (end_line, "end", g_steal_pointer (&end));
  g_string_truncate (line, 0);
  wsp_json_append_object (line, end_line);
  g_string_append_c (line, '\n');
  if (!g_output_stream_write_all (out, line->str, line->len, NULL, cancellable, error))
    return FALSE;
  if (report != NULL)
    {
      report->packet_id = g_strdup (packet_id);
      report->revisions = w.changes;
      report->bytes = w.bytes + line->len;
    }
  return TRUE;
}

/* Builds and signs a packet in memory: everything (@full, or when nothing
 * is known of @recipient), or what @recipient is not known to hold. */
GBytes *
wsp_sync_build_packet (WspStore         *store,
                       const char       *recipient,
                       gboolean          full,
                       WspExportReport  *report,
                       GError          **error)
{
  g_autoptr (GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autofree char *packet_id = g_uuid_string_random ();

  if (!write_packet (store, recipient, full, FALSE, NULL, NULL, packet_id, out, NULL, report, error)
      || !g_output_stream_close (out, NULL, error))
    return NULL;
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

/* A file name that no other laptop or packet can have: the laptop's key id
 * and the packet's id, so a shared folder never has two writers of a file. */
char *
wsp_sync_packet_file_name (WspStore   *store,
                           const char *packet_id)
{
  WspKeyPair pair;
  g_autofree char *key_id = NULL;
  g_autofree char *name = wsp_sync_dup_laptop_name (store);
  g_autofree char *ascii = g_str_to_ascii (name, "C");
  g_autoptr (GString) slug = g_string_new (NULL);

  if (!wsp_store_get_keys (store, &pair, NULL))
    return NULL;
  key_id = wsp_keys_key_id (pair.public_key);
  for (const char *p = ascii; *p != '\0' && slug->len < 32; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (slug, g_ascii_tolower (*p));
      else if (slug->len > 0 && slug->str[slug->len - 1] != '-')
        g_string_append_c (slug, '-');
    }
  while (slug->len > 0 && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);
  if (slug->len == 0)
    g_string_append (slug, "laptop");
  return g_strdup_printf ("%s-%s-%.8s%s", slug->str, key_id, packet_id, WSP_PACKET_SUFFIX);
}

static gboolean
export_full (WspStore         *store,
             const char       *path,
             const char       *recipient,
             gboolean          full,
             gboolean          for_folder,
             JsonObject       *scope,
             GHashTable       *records,
             WspExportReport  *report,
             GError          **error)
{
  g_auto (WspExportReport) local = { 0 };
  g_autofree char *packet_id = g_uuid_string_random ();
  g_autofree char *target = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *tmp = NULL;
  g_autoptr (GOutputStream) out = NULL;
  g_autoptr (GOutputStream) buffered = NULL;
  int fd;
  gboolean ok;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *name = wsp_sync_packet_file_name (store, packet_id);
      target = g_build_filename (path, name, NULL);
    }
  else
    target = g_strdup (path);

  /* A hidden temporary file beside the target (no reader takes it),
   * flushed to disk, then renamed into place. */
  dir = g_path_get_dirname (target);
  tmp = g_build_filename (dir, ".wspolnie-export-XXXXXX", NULL);
  fd = g_mkstemp_full (tmp, O_WRONLY, 0600);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not write the file in “%s”: %s"), dir, g_strerror (saved));
      return FALSE;
    }
  out = g_unix_output_stream_new (fd, TRUE);
  buffered = g_buffered_output_stream_new_sized (out, 1024 * 1024);
  ok = write_packet (store, recipient, full, for_folder, scope, records, packet_id, buffered, NULL, &local, error)
       && g_output_stream_flush (buffered, NULL, error);
  if (ok && fsync (fd) != 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s", g_strerror (saved));
      ok = FALSE;
    }
  if (!g_output_stream_close (buffered, NULL, ok ? error : NULL))
    ok = FALSE;
  if (ok && g_rename (tmp, target) != 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not write the file “%s”: %s"), target, g_strerror (saved));
      ok = FALSE;
    }
  if (!ok)
    {
      g_unlink (tmp);
      return FALSE;
    }
  if (report != NULL)
    {
      *report = local;
      memset (&local, 0, sizeof local);
      report->path = g_steal_pointer (&target);
    }
  return TRUE;
}

/* Writes a packet to @path (a file, or a folder to put a uniquely named file
 * in) atomically: a temporary file, flushed to disk, renamed into place. */
gboolean
wsp_sync_export (WspStore         *store,
                 const char       *path,
                 const char       *recipient,
                 gboolean          full,
                 WspExportReport  *report,
                 GError          **error)
{
  return export_full (store, path, recipient, full, FALSE, NULL, NULL, report, error);
}

/* Writes a packet for every laptop of a shared folder into @folder: what
 * the least advanced of the laptops known here lacks (everything when no
 * laptop is known yet). */
gboolean
wsp_sync_export_for_folder (WspStore         *store,
                            const char       *folder,
                            WspExportReport  *report,
                            GError          **error)
{
  return export_full (store, folder, NULL, FALSE, TRUE, NULL, NULL, report, error);
}

/**
 * wsp_sync_export_scoped:
 * @path: the file to write (or a folder to put a uniquely named file in)
 * @scope: what the file is (in its header, see wsp-review.c)
 * @records: (element-type utf8): the ids of the records it carries
 *
 * Writes a signed exchange file with only @records (and what proves their
 * authors' signatures); its reader keeps what it holds besides.
 */
gboolean
wsp_sync_export_scoped (WspStore         *store,
                        const char       *path,
                        JsonObject       *scope,
                        GHashTable       *records,
                        WspExportReport  *report,
                        GError          **error)
{
  g_return_val_if_fail (scope != NULL && records != NULL, FALSE);
  return export_full (store, path, NULL, FALSE, FALSE, scope, records, report, error);
}

/* Whether a packet for the shared folder would carry anything. */
gboolean
wsp_sync_folder_has_news (WspStore *store)
{
  g_autoptr (JsonObject) known = known_by_all (store);
  g_autoptr (JsonArray) streams = NULL;

  if (known == NULL)
    return TRUE;
  streams = wsp_store_dup_streams (store, NULL);
  for (guint i = 0; streams != NULL && i < json_array_get_length (streams); i++)
    {
      JsonObject *entry = json_array_get_object_element (streams, i);
      const char *stream = json_object_get_string_member (entry, "stream");
      gint64 least = json_object_has_member (known, stream) ? json_object_get_int_member (known, stream) : 0;

      if (json_object_get_int_member (entry, "run") > least)
        return TRUE;
    }
  return FALSE;
}

/* ---- reading --------------------------------------------------------------- */

static const char *
get_string (JsonObject *object,
            const char *name)
{
  JsonNode *node = object != NULL && json_object_has_member (object, name)
                     ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
get_int (JsonObject *object,
         const char *name,
         gint64     *value)
{
  JsonNode *node = object != NULL && json_object_has_member (object, name)
                     ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;
  *value = json_node_get_int (node);
  return TRUE;
}

static JsonObject *
get_object (JsonObject *object,
            const char *name)
{
  JsonNode *node = object != NULL && json_object_has_member (object, name)
                     ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static JsonNode *
guarded_parse (const char  *data,
               gsize        length,
               gsize        max_bytes,
               GError     **error)
{
  g_autoptr (JsonParser) parser = NULL;
  g_autoptr (GError) local_error = NULL;
  WspJsonGuardLimits limits = { max_bytes, 0 };
  JsonNode *root;

  /* json-glib must not see what it cannot read safely. */
  if (!wsp_json_guard_check (data, length, &limits, error))
    return NULL;
  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, (gssize) length, &local_error))
    {
      g_set_error (error, WSP_SYNC_ERROR, WSP_SYNC_ERROR_NOT_A_PACKET,
                   _("The file could not be read: %s"), local_error->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      refuse (error, WSP_SYNC_ERROR_NOT_A_PACKET, _("The file is not a Wspólnie exchange file."));
      return NULL;
    }
  return json_node_ref (root);
}

/* Lines of a stream, each at most MAX_LINE_BYTES. */
typedef struct
{
  GInputStream *in;
  GCancellable *cancellable;
  GByteArray   *buffer;
  gsize         start;    /* of the next line in @buffer */
  gboolean      eof;
  guint64       total;
} LineReader;

static void
line_reader_clear (LineReader *r)
{
  g_clear_pointer (&r->buffer, g_byte_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LineReader, line_reader_clear)

/* The next line (without its "\n", NUL-terminated in place), or NULL at
 * the end of the stream (@error unset) or on an error. */
static char *
read_line (LineReader  *r,
           gsize       *length,
           GError     **error)
{
  for (;;)
    {
      gsize avail = r->buffer->len - r->start;
      guint8 *begin = avail > 0 ? r->buffer->data + r->start : NULL;
      guint8 *nl = avail > 0 ? memchr (begin, '\n', avail) : NULL;

      if (nl != NULL)
        {
          *nl = '\0';
          *length = (gsize) (nl - begin);
          r->start += *length + 1;
          return (char *) begin;
        }
      if (avail > MAX_LINE_BYTES)
        {
          refuse (error, WSP_SYNC_ERROR_NOT_A_PACKET,
                  _("The file is damaged: one of its lines is longer than any exchange file holds."));
          return NULL;
        }
      if (r->eof)
        {
          if (avail == 0)
            return NULL;
          refuse (error, WSP_SYNC_ERROR_NOT_A_PACKET,
                  _("The file is incomplete: it ends before its signature. It may not have been copied "
                    "whole."));
          return NULL;
        }
      /* Keep the unread part, read more after it. */
      if (r->start > 0)
        {
          g_byte_array_remove_range (r->buffer, 0, r->start);
          r->start = 0;
        }
      {
        guint old = r->buffer->len;
        gssize n;

        g_byte_array_set_size (r->buffer, old + READ_CHUNK);
        n = g_input_stream_read (r->in, r->buffer->data + old, READ_CHUNK, r->cancellable, error);
        if (n < 0)
          {
            g_byte_array_set_size (r->buffer, old);
            return NULL;
          }
        g_byte_array_set_size (r->buffer, old + (guint) n);
        r->total += (guint64) n;
        if (n == 0)
          r->eof = TRUE;
      }
    }
}

typedef struct
{
  guint8      public_key[WSP_KEY_SIZE];
  char       *pub_hex;
  JsonNode   *root;        /* header (v2) or payload (previous version) */
  JsonObject *object;
  const char *packet_id;
  const char *sender_peer;
  char       *sender_name; /* cleaned */
  const char *recipient;
  const char *created_at;
  const char *created_hlc;
  JsonObject *sender_have;
  JsonObject *assumed;     /* a delta: what it takes its reader to hold */
  JsonObject *scope;       /* a part of what the sender holds: what it is */
  JsonArray  *revisions;   /* previous version: the whole revisions */
  gboolean    legacy;
  gboolean    full;
} Packet;

static void
packet_clear (Packet *packet)
{
  g_clear_pointer (&packet->root, json_node_unref);
  g_clear_pointer (&packet->pub_hex, g_free);
  g_clear_pointer (&packet->sender_name, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Packet, packet_clear)

static gboolean
incomplete (GError **error)
{
  return refuse (error, WSP_SYNC_ERROR_NOT_A_PACKET,
                 _("The file is incomplete: some of what an exchange file must say is missing."));
}

/* Reads who sent the packet, for whom, and what it holds, from @object
 * (the header of a file, or the payload of a file of the previous version). */
static gboolean
read_header (Packet      *packet,
             JsonObject  *object,
             GError     **error)
{
  JsonObject *sender = get_object (object, "sender");
  JsonNode *node;
  WspHlc hlc;

  packet->object = object;
  packet->packet_id = get_string (object, "packet_id");
  packet->created_at = get_string (object, "created_at");
  packet->created_hlc = get_string (object, "created_hlc");
  packet->recipient = get_string (object, "recipient");
  packet->sender_peer = get_string (sender, "peer_id");
  packet->sender_name = wsp_sync_clean_name (get_string (sender, "name"));
  packet->sender_have = get_object (object, "sender_have");
  packet->assumed = get_object (object, "assumed");
  packet->scope = get_object (object, "scope");
  node = json_object_has_member (object, "full") ? json_object_get_member (object, "full") : NULL;
  packet->full = node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN
                 && json_node_get_boolean (node);

  if (packet->packet_id == NULL || !g_uuid_string_is_valid (packet->packet_id)
      || packet->sender_peer == NULL || !g_uuid_string_is_valid (packet->sender_peer)
      || get_string (sender, "name") == NULL || packet->created_at == NULL
      || packet->created_hlc == NULL || !wsp_hlc_parse (packet->created_hlc, &hlc)
      || packet->sender_have == NULL
      || (packet->recipient != NULL && !g_uuid_string_is_valid (packet->recipient)))
    return incomplete (error);
  {
    g_autoptr (GList) members = json_object_get_members (packet->sender_have);
    for (GList *l = members; l != NULL; l = l->next)
      {
        gint64 seq;
        if (strlen (l->data) > 96 || !get_int (packet->sender_have, l->data, &seq) || seq < 0)
          return incomplete (error);
      }
  }
  return TRUE;
}

/* A file of the previous version: one signed envelope, read whole. */
static gboolean
open_legacy (const char  *data,
             gsize        length,
             Packet      *packet,
             GError     **error)
{
  g_autoptr (JsonNode) envelope = NULL;
  JsonObject *env;
  const char *key_id, *pub_hex, *payload_b64, *sig_hex;
  g_autofree char *expected_key_id = NULL;
  g_autofree guchar *decoded = NULL;
  guint8 signature[WSP_SIGNATURE_SIZE];
  gint64 version = 0;
  gsize decoded_len = 0;
  JsonNode *node;

  envelope = guarded_parse (data, length, LEGACY_MAX_BYTES, error);
  if (envelope == NULL)
    return FALSE;
  env = json_node_get_object (envelope);
  if (g_strcmp0 (get_string (env, "format"), LEGACY_FORMAT_NAME) != 0 || !get_int (env, "format_version", &version)
      || version != 1)
    return refuse (error, WSP_SYNC_ERROR_NOT_A_PACKET, _("The file is not a Wspólnie exchange file."));

  key_id = get_string (env, "key_id");
  pub_hex = get_string (env, "public_key");
  payload_b64 = get_string (env, "payload");
  sig_hex = get_string (env, "signature");
  if (key_id == NULL || payload_b64 == NULL
      || !wsp_keys_from_hex (pub_hex, packet->public_key, WSP_KEY_SIZE)
      || !wsp_keys_from_hex (sig_hex, signature, WSP_SIGNATURE_SIZE))
    return refuse (error, WSP_SYNC_ERROR_BAD_SIGNATURE,
                   _("The file is not signed properly, so it cannot be trusted. It may be damaged."));
  expected_key_id = wsp_keys_key_id (packet->public_key);
  if (strcmp (expected_key_id, key_id) != 0)
    return refuse (error, WSP_SYNC_ERROR_BAD_SIGNATURE,
                   _("The file is not signed properly, so it cannot be trusted. It may be damaged."));
  decoded = g_base64_decode (payload_b64, &decoded_len);
  {
    /* The payload must be exactly what the base64 text says, nothing lenient. */
    g_autofree char *again = g_base64_encode (decoded, decoded_len);
    if (strcmp (again, payload_b64) != 0)
      return refuse (error, WSP_SYNC_ERROR_BAD_SIGNATURE,
                     _("The file was changed after it was signed, or it is damaged."));
  }
  if (!wsp_keys_verify (packet->public_key, decoded, decoded_len, signature))
    return refuse (error, WSP_SYNC_ERROR_BAD_SIGNATURE,
                   _("The file was changed after it was signed, or it is damaged."));
  packet->pub_hex = wsp_keys_to_hex (packet->public_key, WSP_KEY_SIZE);

  packet->root = guarded_parse ((const char *) decoded, decoded_len, LEGACY_MAX_BYTES, error);
  if (packet->root == NULL)
    return FALSE;
  if (!get_int (json_node_get_object (packet->root), "schema_version", &version) || version < 1)
    return refuse (error, WSP_SYNC_ERROR_NOT_A_PACKET, _("The file is not a Wspólnie exchange file."));
  if (version != LEGACY_SCHEMA)
    return refuse (error, WSP_SYNC_ERROR_NEWER,
                   _("The file was made by a newer version of Wspólnie. Update the app to import it."));
  if (!read_header (packet, json_node_get_object (packet->root), error))
    return FALSE;
  node = json_object_has_member (packet->object, "revisions") ? json_object_get_member (packet->object, "revisions")
                                                              : NULL;
  packet->revisions = node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
  if (packet->revisions == NULL)
    return incomplete (error);
  packet->legacy = TRUE;
  packet->full = TRUE;
  return TRUE;
}

/* The first line of a file of this version. */
static gboolean
open_header (const char  *line,
             gsize        length,
             Packet      *packet,
             GError     **error)
{
  JsonObject *first, *header;
  const char *pub_hex, *key_id;
  g_autofree char *expected_key_id = NULL;
  gint64 version = 0;

  packet->root = guarded_parse (line, length, MAX_LINE_BYTES, error);
  if (packet->root == NULL)
    return FALSE;
  first = json_node_get_object (packet->root);
  header = get_object (first, "header");
  if (g_strcmp0 (get_string (first, "format"), FORMAT_NAME) != 0 || header == NULL
      || !get_int (header, "format_version", &version) || version < 2)
    return refuse (error, WSP_SYNC_ERROR_NOT_A_PACKET, _("The file is not a Wspólnie exchange file."));
  if (version > FORMAT_VERSION || !get_int (header, "schema_version", &version)
      || version > WSP_PACKET_SCHEMA_VERSION)
    return refuse (error, WSP_SYNC_ERROR_NEWER,
                   _("The file was made by a newer version of Wspólnie. Update the app to import it."));
  pub_hex = get_string (header, "public_key");
  key_id = get_string (header, "key_id");
  if (pub_hex == NULL || key_id == NULL || !wsp_keys_from_hex (pub_hex, packet->public_key, WSP_KEY_SIZE))
    return refuse (error, WSP_SYNC_ERROR_BAD_SIGNATURE,
                   _("The file is not signed properly, so it cannot be trusted. It may be damaged."));
  expected_key_id = wsp_keys_key_id (packet->public_key);
  if (strcmp (expected_key_id, key_id) != 0)
    return refuse (error, WSP_SYNC_ERROR_BAD_SIGNATURE,
                   _("The file is not signed properly, so it cannot be trusted. It may be damaged."));
  packet->pub_hex = wsp_keys_to_hex (packet->public_key, WSP_KEY_SIZE);
  return read_header (packet, header, error);
}

/* Whether the sender may be heard: known with this key, or new (or with
 * a new key) and trusted by a person now. */
static gboolean
check_trust (WspStore         *store,
             Packet           *packet,
             WspImportFlags    flags,
             WspImportReport  *report,
             GError          **error)
{
  g_autoptr (sqlite3_stmt) stmt = prepare (store, "SELECT public_key, trusted, name, "
                                                  "EXISTS (SELECT 1 FROM peer_keys k WHERE k.peer_id = p.peer_id "
                                                  "AND k.public_key = ?2) FROM peers p WHERE peer_id = ?1",
                                           error);
  g_autofree char *fingerprint = wsp_keys_fingerprint (packet->public_key);

  if (stmt == NULL)
    return FALSE;
  /* This laptop's own id: its own file, or one from a copy of its
   * database (which the import finds out), signed with its own key. */
  if (g_strcmp0 (packet->sender_peer, wsp_store_get_peer_id (store)) == 0)
    {
      WspKeyPair pair;
      g_autofree char *own = NULL;

      if (!wsp_store_get_keys (store, &pair, error))
        return FALSE;
      own = wsp_keys_to_hex (pair.public_key, WSP_KEY_SIZE);
      /* Its key now, or one it had (a copy made before it was restored). */
      if (g_strcmp0 (own, packet->pub_hex) != 0)
        {
          g_autoptr (sqlite3_stmt) old = prepare (store, "SELECT 1 FROM peer_keys WHERE peer_id = ? AND public_key = ?",
                                                  error);

          if (old == NULL)
            return FALSE;
          sqlite3_bind_text (old, 1, packet->sender_peer, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (old, 2, packet->pub_hex, -1, SQLITE_TRANSIENT);
          if (sqlite3_step (old) == SQLITE_ROW)
            return TRUE;
        }
      if (g_strcmp0 (own, packet->pub_hex) != 0)
        return refuse (error, WSP_SYNC_ERROR_BAD_SIGNATURE,
                       _("The file says it comes from this laptop but is signed with another key. It may be "
                         "forged, so nothing was imported."));
      return TRUE;
    }

  sqlite3_bind_text (stmt, 1, packet->sender_peer, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, packet->pub_hex, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    {
      const char *known_key = (const char *) sqlite3_column_text (stmt, 0);
      g_autofree char *name = wsp_sync_clean_name ((const char *) sqlite3_column_text (stmt, 2));

      if (sqlite3_column_int (stmt, 1) == 0)
        {
          g_set_error (error, WSP_SYNC_ERROR, WSP_SYNC_ERROR_REVOKED,
                       _("Files from the laptop “%s” are no longer trusted here, so nothing was "
                         "imported. Trust it again in Preferences if that was a mistake."),
                       name);
          return FALSE;
        }
      if (g_strcmp0 (known_key, packet->pub_hex) != 0 && sqlite3_column_int (stmt, 3) == 0)
        {
          report->key_changed = TRUE;
          if (flags & (WSP_IMPORT_ACCEPT_NEW_KEY | WSP_IMPORT_DRY_RUN))
            return TRUE;
          g_set_error (error, WSP_SYNC_ERROR, WSP_SYNC_ERROR_CHANGED_KEY,
                       _("The file says it comes from the laptop “%s”, but it is signed with a "
                         "different key than that laptop used before. It may be forged, so "
                         "nothing was imported. If that laptop was reinstalled, compare its new "
                         "fingerprint %s with the one shown on it before accepting the new key."),
                       name, fingerprint);
          return FALSE;
        }
      return TRUE;
    }

  report->new_laptop = TRUE;
  if (flags & (WSP_IMPORT_TRUST_NEW | WSP_IMPORT_DRY_RUN))
    return TRUE;
  g_set_error (error, WSP_SYNC_ERROR, WSP_SYNC_ERROR_UNKNOWN_LAPTOP,
               _("The file comes from a laptop this one does not know yet, “%s”. Compare its "
                 "fingerprint %s with the one shown on that laptop before trusting it."),
               packet->sender_name, fingerprint);
  return FALSE;
}

/* A delta holds what one laptop lacked: another lacks something else. */
static gboolean
check_recipient (WspStore  *store,
                 Packet    *packet,
                 GError   **error)
{
  g_autofree char *name = NULL;

  if (packet->full || packet->recipient == NULL
      || g_strcmp0 (packet->recipient, wsp_store_get_peer_id (store)) == 0)
    return TRUE;
  name = peer_name (store, packet->recipient);
  g_set_error (error, WSP_SYNC_ERROR, WSP_SYNC_ERROR_WRONG_RECIPIENT,
               _("This file was made for the laptop “%s” and holds only what that laptop lacked, so "
                 "nothing was imported. Ask for a file made for this laptop, or for a full export."),
               name != NULL ? name : packet->recipient);
  return FALSE;
}

/* A delta leaves out what it takes its reader to hold: if this laptop does
 * not hold it (a backup was restored, or it never had it), the delta is no
 * use to it. */
static gboolean
check_assumed (WspStore  *store,
               Packet    *packet,
               GError   **error)
{
  g_autoptr (JsonObject) have = NULL;
  g_autoptr (GList) members = NULL;

  if (packet->assumed == NULL)
    return TRUE;
  have = wsp_store_dup_have (store, error);
  if (have == NULL)
    return FALSE;
  members = json_object_get_members (packet->assumed);
  for (GList *l = members; l != NULL; l = l->next)
    {
      gint64 assumed = 0, held = 0;

      if (!get_int (packet->assumed, l->data, &assumed))
        return incomplete (error);
      get_int (have, l->data, &held);
      if (held < assumed)
        return refuse (error, WSP_SYNC_ERROR_STALE,
                       _("The file leaves out changes it takes this laptop to have, but this laptop does not "
                         "have them (was a backup restored?), so nothing was imported. Import a full export "
                         "from the other laptop, or send it a file from this one first."));
    }
  return TRUE;
}

/* Whether this very file (the same id and content) was imported before. */
static gboolean
already_imported (WspStore   *store,
                  const char *packet_id,
                  const char *sha)
{
  g_autoptr (sqlite3_stmt) stmt = prepare (store, "SELECT 1 FROM packets WHERE packet_id = ? AND sha256 = ?", NULL);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, packet_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, sha, -1, SQLITE_TRANSIENT);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

static gboolean
exec_stmt (WspStore      *store,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    return wsp_database_set_error (wsp_store_get_database (store), rc, error);
  return TRUE;
}

/* Records the sender (and what it holds, unless a newer file of it came
 * before) and the packet, in the import's transaction. */
static gboolean
remember_packet (WspStore    *store,
                 Packet      *packet,
                 const char  *sha,
                 guint        received,
                 guint        added,
                 gboolean     accept_key,
                 GError     **error)
{
  g_autofree char *key_id = wsp_keys_key_id (packet->public_key);
  g_autofree char *now = now_iso8601 ();
  g_autofree char *have = wsp_json_object_canonical (packet->sender_have);
  g_autoptr (sqlite3_stmt) stmt = NULL;

  if (g_strcmp0 (packet->sender_peer, wsp_store_get_peer_id (store)) != 0)
    {
      stmt = prepare (store,
                      "INSERT INTO peers (peer_id, name, public_key, key_id, trusted, first_seen, "
                      "last_seen, have_seq, last_hlc) VALUES (?1, ?2, ?3, ?4, 1, ?5, ?5, ?6, ?7) "
                      "ON CONFLICT (peer_id) DO UPDATE SET "
                      " name = CASE WHEN coalesce (last_hlc, '') <= ?7 THEN ?2 ELSE name END, "
                      " have_seq = CASE WHEN coalesce (last_hlc, '') <= ?7 THEN ?6 ELSE have_seq END, "
                      " last_hlc = max (coalesce (last_hlc, ''), ?7), last_seen = ?5, "
                      " first_seen = coalesce (first_seen, ?5), introduced_by = NULL, "
                      " public_key = CASE WHEN ?8 OR public_key IS NULL THEN ?3 ELSE public_key END, "
                      " key_id = CASE WHEN ?8 OR public_key IS NULL THEN ?4 ELSE key_id END",
                      error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, packet->sender_peer, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, packet->sender_name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, packet->pub_hex, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, key_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, now, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 6, have, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 7, packet->created_hlc, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 8, accept_key);
      if (!exec_stmt (store, stmt, error))
        return FALSE;
      g_clear_pointer (&stmt, sqlite3_finalize);
    }

  stmt = prepare (store,
                  "INSERT OR REPLACE INTO packets (packet_id, sender_peer, sha256, created_hlc, "
                  "imported_at, revisions, added) VALUES (?, ?, ?, ?, ?, ?, ?)",
                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, packet->packet_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, packet->sender_peer, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, sha, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, packet->created_hlc, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 6, received);
  sqlite3_bind_int64 (stmt, 7, added);
  return exec_stmt (store, stmt, error);
}

/* The folder beside the database where imported files are kept. */
static char *
archive_dir (WspStore *store)
{
  const char *db_path = wsp_database_get_path (wsp_store_get_database (store));

  if (db_path == NULL || *db_path == '\0' || g_strcmp0 (db_path, ":memory:") == 0)
    return NULL;
  return g_strconcat (db_path, ".packets", NULL);
}

/* Keeps the file that brought changes beside the database, named by its
 * SHA-256, so that it can be looked at later: a file that brought nothing
 * new (a full packet imported again, a folder's repeat) is not kept. */
static void
archive_packet (WspStore    *store,
                const char  *sha,
                const char  *source_path,
                GBytes      *source_bytes)
{
  g_autofree char *dir = archive_dir (store);
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;

  if (dir == NULL)
    return;
  name = g_strconcat (sha, WSP_PACKET_SUFFIX, NULL);
  path = g_build_filename (dir, name, NULL);
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return;
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_warning ("Could not keep a copy of the imported file: %s", g_strerror (errno));
      return;
    }
  if (source_path != NULL)
    {
      g_autoptr (GFile) from = g_file_new_for_path (source_path);
      g_autoptr (GFile) to = g_file_new_for_path (path);

      if (!g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, &error))
        g_warning ("Could not keep a copy of the imported file: %s", error->message);
      else
        g_chmod (path, 0600);
    }
  else if (!g_file_set_contents_full (path, g_bytes_get_data (source_bytes, NULL),
                                      (gssize) g_bytes_get_size (source_bytes), G_FILE_SET_CONTENTS_CONSISTENT,
                                      0600, &error))
    g_warning ("Could not keep a copy of the imported file: %s", error->message);
}

/* Reads the items of a file of this version after its header into
 * @import, checks the signature at its end and fills @sha. */
static gboolean
take_in_lines (WspImport   *import,
               LineReader  *reader,
               Packet      *packet,
               GChecksum   *digest,
               char       **sha,
               GError     **error)
{
  for (;;)
    {
      gsize length = 0;
      char *line = read_line (reader, &length, error);
      g_autoptr (JsonNode) node = NULL;
      JsonObject *end;

      if (line == NULL)
        {
          if (error != NULL && *error == NULL)
            refuse (error, WSP_SYNC_ERROR_NOT_A_PACKET,
                    _("The file is incomplete: it ends before its signature. It may not have been copied "
                      "whole."));
          return FALSE;
        }
      node = guarded_parse (line, length, MAX_LINE_BYTES, error);
      if (node == NULL)
        return FALSE;
      end = get_object (json_node_get_object (node), "end");
      if (end != NULL)
        {
          const char *digest_hex = get_string (end, "digest");
          const char *sig_hex = get_string (end, "signature");
          guint8 signature[WSP_SIGNATURE_SIZE];
          g_autofree char *signed_text = NULL;
          g_autoptr (GChecksum) so_far = g_checksum_copy (digest);
          gsize rest = 0;

          if (digest_hex == NULL || strcmp (digest_hex, g_checksum_get_string (so_far)) != 0 || sig_hex == NULL
              || !wsp_keys_from_hex (sig_hex, signature, sizeof signature))
            return refuse (error, WSP_SYNC_ERROR_BAD_SIGNATURE,
                           _("The file was changed after it was signed, or it is damaged."));
          signed_text = g_strconcat ("wspolnie-packet-end\n", digest_hex, NULL);
          if (!wsp_keys_verify (packet->public_key, (const guint8 *) signed_text, strlen (signed_text), signature))
            return refuse (error, WSP_SYNC_ERROR_BAD_SIGNATURE,
                           _("The file was changed after it was signed, or it is damaged."));
          /* Nothing may follow the signature. */
          if (read_line (reader, &rest, error) != NULL || (error != NULL && *error != NULL))
            {
              g_clear_error (error);
              return refuse (error, WSP_SYNC_ERROR_BAD_SIGNATURE,
                             _("The file was changed after it was signed, or it is damaged."));
            }
          g_checksum_update (digest, (const guchar *) line, length);
          *sha = g_strdup (g_checksum_get_string (digest));
          return TRUE;
        }
      g_checksum_update (digest, (const guchar *) line, length);
      g_checksum_update (digest, (const guchar *) "\n", 1);
      if (!wsp_import_add (import, node, error))
        return FALSE;
    }
}

/* Imports a packet from @in (of this version or the previous): all of it
 * or nothing. With WSP_IMPORT_DRY_RUN it works out the same report and
 * changes nothing. @archive_path or @archive_bytes: the file itself, kept
 * when it brought something. */
static gboolean
import_stream (WspStore         *store,
               GInputStream     *in,
               const char       *archive_path,
               GBytes           *archive_bytes,
               WspImportFlags    flags,
               GCancellable     *cancellable,
               WspImportReport  *report,
               GError          **error)
{
  g_auto (Packet) packet = { 0 };
  g_auto (WspImportReport) local = { 0 };
  g_auto (LineReader) reader = { in, cancellable, g_byte_array_new (), 0, FALSE, 0 };
  g_autoptr (GChecksum) digest = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr (WspImport) import = NULL;
  g_autofree char *sha = NULL;
  gboolean dry_run = (flags & WSP_IMPORT_DRY_RUN) != 0;
  gboolean own;
  gsize length = 0;
  char *first;

  {
    g_autoptr (GError) local_error = NULL;

    first = read_line (&reader, &length, &local_error);
    if (first == NULL)
      {
        /* A file of the previous version may be one line without "\n". */
        if (!reader.eof || reader.buffer->len == 0 || reader.buffer->len > LEGACY_MAX_BYTES)
          {
            if (local_error == NULL)
              return refuse (error, WSP_SYNC_ERROR_NOT_A_PACKET, _("The file is not a Wspólnie exchange file."));
            g_propagate_error (error, g_steal_pointer (&local_error));
            return FALSE;
          }
        length = reader.buffer->len;
        g_byte_array_append (reader.buffer, (const guint8 *) "", 1);
        reader.start = reader.buffer->len;
        first = (char *) reader.buffer->data;
      }
  }
  if (g_str_has_prefix (first, "{\"format\":\"" FORMAT_NAME "\""))
    {
      if (!open_header (first, length, &packet, error))
        return FALSE;
      g_checksum_update (digest, (const guchar *) first, length);
      g_checksum_update (digest, (const guchar *) "\n", 1);
    }
  else
    {
      /* The previous version's envelope, pretty-printed on many lines. */
      g_autoptr (GByteArray) whole = g_byte_array_new ();

      g_byte_array_append (whole, (const guint8 *) first, length);
      g_byte_array_append (whole, (const guint8 *) "\n", 1);
      for (;;)
        {
          g_autoptr (GError) local_error = NULL;
          gsize rest_len = 0;
          char *line = read_line (&reader, &rest_len, &local_error);

          if (line == NULL)
            {
              /* The last line, without its "\n". */
              if (reader.eof && reader.buffer->len > reader.start)
                g_byte_array_append (whole, reader.buffer->data + reader.start, reader.buffer->len - reader.start);
              else if (local_error != NULL)
                {
                  g_propagate_error (error, g_steal_pointer (&local_error));
                  return FALSE;
                }
              break;
            }
          if (whole->len + rest_len > LEGACY_MAX_BYTES)
            return refuse (error, WSP_SYNC_ERROR_TOO_LARGE,
                           _("The file is too large to be a Wspólnie exchange file."));
          g_byte_array_append (whole, (const guint8 *) line, rest_len);
          g_byte_array_append (whole, (const guint8 *) "\n", 1);
        }
      if (!open_legacy ((const char *) whole->data, whole->len, &packet, error))
        return FALSE;
      sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, whole->data, whole->len);
    }

  if (!check_trust (store, &packet, flags, &local, error) || !check_recipient (store, &packet, error)
      || !check_assumed (store, &packet, error))
    return FALSE;
  local.packet_id = g_strdup (packet.packet_id);
  local.sender_peer = g_strdup (packet.sender_peer);
  local.sender_name = g_strdup (packet.sender_name);
  local.fingerprint = wsp_keys_fingerprint (packet.public_key);
  local.created_at = g_strdup (packet.created_at);
  local.full = packet.full;
  local.scope = packet.scope != NULL ? json_object_ref (packet.scope) : NULL;
  local.outcomes = g_ptr_array_new_with_free_func ((GDestroyNotify) wsp_outcome_free);
  own = g_strcmp0 (packet.sender_peer, wsp_store_get_peer_id (store)) == 0;

  import = wsp_store_import_begin (store, packet.sender_peer, error);
  if (import == NULL
      || !wsp_import_add_author (import, packet.sender_peer, packet.sender_name, packet.pub_hex, error))
    return FALSE;
  wsp_import_set_want_titles (import, dry_run);
  /* A new key a person accepted (or a preview of it) signs from now on. */
  if (local.key_changed && (flags & (WSP_IMPORT_ACCEPT_NEW_KEY | WSP_IMPORT_DRY_RUN)) != 0
      && !wsp_store_add_peer_key (store, packet.sender_peer, packet.pub_hex, error))
    return FALSE;
  if (packet.legacy)
    {
      for (guint i = 0; i < json_array_get_length (packet.revisions); i++)
        if (!wsp_import_add_legacy (import, json_array_get_element (packet.revisions, i), error))
          return FALSE;
    }
  else if (!take_in_lines (import, &reader, &packet, digest, &sha, error))
    return FALSE;

  /* Until it is ended, freeing the import rolls it back. */
  if (!wsp_import_end (import, &local.stats, local.outcomes, error))
    return FALSE;
  local.already_imported = local.stats.added == 0 && already_imported (store, packet.packet_id, sha);
  /* What the file brought that this laptop held already under another id
   * (worked out while the changes are in, also for a preview). */
  local.same = wsp_identity_find_same (store, local.outcomes, error);
  if (local.same == NULL)
    return FALSE;
  /* Comments of a Council member come only from that member's laptop. */
  {
    WspReplySummary reply = { 0 };

    if (!wsp_review_check_import (store, packet.scope, packet.sender_peer, local.outcomes, &reply, error))
      {
        wsp_reply_summary_clear (&reply);
        wsp_store_rollback (store);
        return FALSE;
      }
    local.reply_person = g_steal_pointer (&reply.person);
    local.reply_summary = g_steal_pointer (&reply.line);
    local.reply_comments = reply.comments;
    local.reply_older_version = reply.older_version;
    local.reply_not_member = reply.not_member;
  }
  if (own && local.stats.added == 0 && local.stats.held_aside == 0)
    {
      wsp_store_rollback (store);
      return refuse (error, WSP_SYNC_ERROR_OWN_PACKET,
                     _("This file was exported from this laptop, so there is nothing in it to import."));
    }
  if (!remember_packet (store, &packet, sha, local.stats.received, local.stats.added,
                        local.key_changed && (flags & WSP_IMPORT_ACCEPT_NEW_KEY) != 0, error)
      || (!own && !wsp_store_add_peer_key (store, packet.sender_peer, packet.pub_hex, error)))
    {
      wsp_store_rollback (store);
      return FALSE;
    }
  if (dry_run)
    wsp_store_rollback (store);
  else if (!wsp_store_commit (store, error))
    return FALSE;
  else if (local.stats.added > 0 || local.stats.held_aside > 0)
    archive_packet (store, sha, archive_path, archive_bytes);

  if (report != NULL)
    {
      *report = local;
      memset (&local, 0, sizeof local);
    }
  return TRUE;
}

/* Imports a packet held in memory (see import_stream()). */
gboolean
wsp_sync_import_bytes (WspStore         *store,
                       GBytes           *bytes,
                       WspImportFlags    flags,
                       WspImportReport  *report,
                       GError          **error)
{
  g_autoptr (GInputStream) in = g_memory_input_stream_new_from_bytes (bytes);

  return import_stream (store, in, NULL, bytes, flags, NULL, report, error);
}

/* Imports the packet file at @path, read as it goes (a file of any size
 * in bounded memory). */
gboolean
wsp_sync_import_file (WspStore         *store,
                      const char       *path,
                      WspImportFlags    flags,
                      WspImportReport  *report,
                      GError          **error)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFileInputStream) in = g_file_read (file, NULL, error);

  if (in == NULL)
    return FALSE;
  return import_stream (store, G_INPUT_STREAM (in), path, NULL, flags, NULL, report, error);
}

void
wsp_peer_free (WspPeer *peer)
{
  g_free (peer->peer_id);
  g_free (peer->name);
  g_free (peer->key_id);
  g_free (peer->fingerprint);
  g_free (peer->first_seen);
  g_free (peer->last_seen);
  g_free (peer->introduced_by);
  g_free (peer);
}

/* The laptops known here (WspPeer), by name. */
GPtrArray *
wsp_sync_dup_peers (WspStore  *store,
                    GError   **error)
{
  WspDatabase *database = wsp_store_get_database (store);
  sqlite3_stmt *stmt = wsp_database_statement (database,
                                               "SELECT peer_id, name, public_key, key_id, trusted, "
                                               "first_seen, last_seen, introduced_by FROM peers ORDER BY name",
                                               error);
  g_autoptr (GPtrArray) peers = g_ptr_array_new_with_free_func ((GDestroyNotify) wsp_peer_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      WspPeer *peer = g_new0 (WspPeer, 1);
      guint8 key[WSP_KEY_SIZE];

      peer->peer_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      peer->name = wsp_sync_clean_name ((const char *) sqlite3_column_text (stmt, 1));
      peer->key_id = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      if (wsp_keys_from_hex ((const char *) sqlite3_column_text (stmt, 2), key, sizeof key))
        peer->fingerprint = wsp_keys_fingerprint (key);
      peer->trusted = sqlite3_column_int (stmt, 4) != 0;
      peer->first_seen = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      peer->last_seen = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
      peer->introduced_by = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
      g_ptr_array_add (peers, peer);
    }
  if (!wsp_database_rows_done (database, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&peers);
}

/* Laptop id → the name people know it by, for every laptop known here and
 * this one ("this laptop"). */
GHashTable *
wsp_sync_dup_peer_names (WspStore *store)
{
  g_autoptr (GPtrArray) peers = wsp_sync_dup_peers (store, NULL);
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; peers != NULL && i < peers->len; i++)
    {
      WspPeer *peer = g_ptr_array_index (peers, i);
      g_hash_table_insert (names, g_strdup (peer->peer_id), g_strdup (peer->name));
    }
  g_hash_table_insert (names, g_strdup (wsp_store_get_peer_id (store)), g_strdup (_("this laptop")));
  return names;
}

static gboolean
set_trusted (WspStore    *store,
             const char  *peer_id,
             gboolean     trusted,
             GError     **error)
{
  g_autoptr (sqlite3_stmt) stmt = prepare (store, "UPDATE peers SET trusted = ? WHERE peer_id = ?",
                                           error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, trusted);
  sqlite3_bind_text (stmt, 2, peer_id, -1, SQLITE_TRANSIENT);
  if (!exec_stmt (store, stmt, error))
    return FALSE;
  if (wsp_database_changes (wsp_store_get_database (store)) == 0)
    return refuse (error, WSP_SYNC_ERROR_UNKNOWN_LAPTOP, _("That laptop is not known here."));
  return TRUE;
}

/* Trusts again a laptop whose trust was revoked (with the key it had). */
gboolean
wsp_sync_trust_peer (WspStore    *store,
                     const char  *peer_id,
                     GError     **error)
{
  return set_trusted (store, peer_id, TRUE, error);
}

/* Stops trusting @peer_id: its files are refused, and changes it made that
 * other laptops pass on are held aside, until it is trusted again. */
gboolean
wsp_sync_revoke_peer (WspStore    *store,
                      const char  *peer_id,
                      GError     **error)
{
  return set_trusted (store, peer_id, FALSE, error);
}


/* ---- in a worker thread -------------------------------------------------- */

typedef struct
{
  GBytes          *bytes;
  WspImportFlags   flags;
  char            *path;
  char            *recipient;
  gboolean         full;
  WspImportReport  import;
  WspExportReport  export;
} Job;

static void
job_free (Job *job)
{
  g_clear_pointer (&job->bytes, g_bytes_unref);
  g_free (job->path);
  g_free (job->recipient);
  wsp_import_report_clear (&job->import);
  wsp_export_report_clear (&job->export);
  g_free (job);
}

static gboolean
import_work (WspStore      *worker,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  Job *job = data;

  if (job->path != NULL)
    return wsp_sync_import_file (worker, job->path, job->flags, &job->import, error);
  return wsp_sync_import_bytes (worker, job->bytes, job->flags, &job->import, error);
}

/* Imports @bytes as wsp_sync_import_bytes() does, in a worker thread; the
 * window's lists follow what it changed when it is finished. */
void
wsp_sync_import_bytes_async (WspStore            *store,
                             GBytes              *bytes,
                             WspImportFlags       flags,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  Job *job = g_new0 (Job, 1);

  job->bytes = g_bytes_ref (bytes);
  job->flags = flags;
  wsp_store_run_async (store, import_work, job, (GDestroyNotify) job_free, cancellable, callback,
                       user_data);
}

/* Imports the file at @path as wsp_sync_import_file() does, in a worker
 * thread; finish with wsp_sync_import_bytes_finish(). */
void
wsp_sync_import_file_async (WspStore            *store,
                            const char          *path,
                            WspImportFlags       flags,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  Job *job = g_new0 (Job, 1);

  job->path = g_strdup (path);
  job->flags = flags;
  wsp_store_run_async (store, import_work, job, (GDestroyNotify) job_free, cancellable, callback,
                       user_data);
}

/* Fills @report (start it zeroed; clear it when done). */
gboolean
wsp_sync_import_bytes_finish (WspStore         *store,
                              GAsyncResult     *result,
                              WspImportReport  *report,
                              GError          **error)
{
  Job *job = wsp_store_run_get_data (result);

  if (!wsp_store_run_finish (store, result, error))
    return FALSE;
  if (report != NULL)
    {
      *report = job->import;
      memset (&job->import, 0, sizeof job->import);
    }
  return TRUE;
}

static gboolean
export_work (WspStore      *worker,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  Job *job = data;

  return wsp_sync_export (worker, job->path, job->recipient, job->full, &job->export, error);
}

/* Writes an exchange file as wsp_sync_export() does, in a worker thread. */
void
wsp_sync_export_async (WspStore            *store,
                       const char          *path,
                       const char          *recipient,
                       gboolean             full,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  Job *job = g_new0 (Job, 1);

  job->path = g_strdup (path);
  job->recipient = g_strdup (recipient);
  job->full = full;
  wsp_store_run_async (store, export_work, job, (GDestroyNotify) job_free, cancellable, callback,
                       user_data);
}

gboolean
wsp_sync_export_finish (WspStore         *store,
                        GAsyncResult     *result,
                        WspExportReport  *report,
                        GError          **error)
{
  Job *job = wsp_store_run_get_data (result);

  if (!wsp_store_run_finish (store, result, error))
    return FALSE;
  if (report != NULL)
    {
      *report = job->export;
      memset (&job->export, 0, sizeof job->export);
    }
  return TRUE;
}
