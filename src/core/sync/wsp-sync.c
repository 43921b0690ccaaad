/* wsp-sync.c — packets: export, import, trust
 *
 * A packet file is a small signed envelope around a payload:
 *
 *   {"format":"wspolnie-packet","format_version":1,"key_id":…,
 *    "public_key":<hex>,"payload":<base64>,"signature":<hex>}
 *
 * The signature covers the payload's exact bytes, so no canonical JSON is
 * needed. The payload says who sent it, what the sender holds, and carries
 * the revisions (see wsp_store_dup_revisions()). Everything in a file is
 * checked before anything is written; then the revisions are added in one
 * transaction, with the sender's details and the packet's id, all or none.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#include "base/wsp-hlc.h"
#include "sync/wsp-json-guard.h"
#include "base/wsp-json.h"
#include "sync/wsp-sync.h"

#define FORMAT_NAME "wspolnie-packet"
/* The payload of schema 1 carried whole revisions ("revisions", with bodies),
 * of schema 2 changes that say which fields they set ("changes"). */
#define OLDEST_SCHEMA 1
#define FORMAT_VERSION 1

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

/* This laptop's signing keys, made on first use and kept in the database
 * (which never leaves this laptop; only packets do). */
gboolean
wsp_sync_get_keys (WspStore    *store,
                   WspKeyPair  *pair,
                   GError     **error)
{
  g_autofree char *secret_hex = wsp_store_dup_meta (store, "secret_key");
  guint8 secret[WSP_KEY_SIZE];

  if (secret_hex != NULL && wsp_keys_from_hex (secret_hex, secret, sizeof secret))
    {
      wsp_keys_from_secret (pair, secret);
      memset (secret, 0, sizeof secret);
      return TRUE;
    }
  if (!wsp_keys_generate (pair, error))
    return FALSE;
  g_free (secret_hex);
  secret_hex = wsp_keys_to_hex (pair->secret_key, WSP_KEY_SIZE);
  return wsp_store_set_meta (store, "secret_key", secret_hex, error);
}

char *
wsp_sync_dup_fingerprint (WspStore  *store,
                          GError   **error)
{
  WspKeyPair pair;

  if (!wsp_sync_get_keys (store, &pair, error))
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

/* What @peer_id is known to hold (origin → highest change number), from
 * the packets it sent; NULL when nothing is known. */
static JsonObject *
peer_have (WspStore   *store,
           const char *peer_id)
{
  g_autoptr (sqlite3_stmt) stmt = prepare (store, "SELECT have_seq FROM peers WHERE peer_id = ?",
                                           NULL);
  JsonObject *have = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, peer_id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    have = wsp_json_parse_object ((const char *) sqlite3_column_text (stmt, 0), NULL);
  return have;
}

static gboolean
peer_exists (WspStore   *store,
             const char *peer_id)
{
  g_autoptr (sqlite3_stmt) stmt = prepare (store, "SELECT 1 FROM peers WHERE peer_id = ?", NULL);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, peer_id, -1, SQLITE_TRANSIENT);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

static char *
now_iso8601 (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  return g_date_time_format_iso8601 (now);
}

/* Builds and signs a packet: everything (@full, or when nothing is known of
 * @recipient), or what @recipient is not known to hold. */
GBytes *
wsp_sync_build_packet (WspStore         *store,
                       const char       *recipient,
                       gboolean          full,
                       WspExportReport  *report,
                       GError          **error)
{
  WspKeyPair pair;
  g_autoptr (JsonObject) known = NULL;
  g_autoptr (JsonArray) revisions = NULL;
  g_autoptr (JsonArray) streams = NULL;
  g_autoptr (JsonObject) have = NULL;
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) payload_node = NULL;
  g_autoptr (JsonNode) envelope_node = NULL;
  g_autofree char *payload = NULL;
  g_autofree char *payload_b64 = NULL;
  g_autofree char *packet_id = g_uuid_string_random ();
  g_autofree char *name = wsp_sync_dup_laptop_name (store);
  g_autofree char *created_at = now_iso8601 ();
  g_autofree char *hlc = wsp_store_dup_meta (store, "hlc");
  g_autofree char *key_id = NULL;
  g_autofree char *pub_hex = NULL;
  g_autofree char *sig_hex = NULL;
  g_autofree char *text = NULL;
  guint8 signature[WSP_SIGNATURE_SIZE];
  gsize payload_len, text_len;

  if (!wsp_sync_get_keys (store, &pair, error))
    return NULL;

  if (recipient != NULL && !full)
    {
      if (!peer_exists (store, recipient))
        {
          g_set_error (error, WSP_SYNC_ERROR, WSP_SYNC_ERROR_UNKNOWN_RECIPIENT,
                       _("That laptop has never sent a file here, so only everything can be "
                         "exported for it."));
          return NULL;
        }
      known = peer_have (store, recipient);
    }
  revisions = wsp_store_dup_revisions (store, known, error);
  if (revisions == NULL)
    return NULL;
  have = wsp_store_dup_have (store, error);
  if (have == NULL)
    return NULL;
  streams = wsp_store_dup_streams (store, error);
  if (streams == NULL)
    return NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "schema_version");
  json_builder_add_int_value (builder, WSP_PACKET_SCHEMA_VERSION);
  json_builder_set_member_name (builder, "app_version");
  json_builder_add_string_value (builder, PACKAGE_VERSION);
  json_builder_set_member_name (builder, "packet_id");
  json_builder_add_string_value (builder, packet_id);
  json_builder_set_member_name (builder, "sender");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "peer_id");
  json_builder_add_string_value (builder, wsp_store_get_peer_id (store));
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, name);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "recipient");
  if (recipient != NULL)
    json_builder_add_string_value (builder, recipient);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "full");
  json_builder_add_boolean_value (builder, known == NULL);
  json_builder_set_member_name (builder, "created_at");
  json_builder_add_string_value (builder, created_at);
  json_builder_set_member_name (builder, "created_hlc");
  json_builder_add_string_value (builder, hlc != NULL ? hlc : "0000000000000000");
  json_builder_set_member_name (builder, "sender_have");
  json_builder_add_value (builder, json_node_init_object (json_node_alloc (), have));
  json_builder_set_member_name (builder, "streams");
  json_builder_begin_array (builder);
  for (guint i = 0; i < json_array_get_length (streams); i++)
    {
      JsonObject *entry = json_array_get_object_element (streams, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "stream");
      json_builder_add_string_value (builder, json_object_get_string_member (entry, "stream"));
      json_builder_set_member_name (builder, "peer");
      json_builder_add_string_value (builder, json_object_get_string_member (entry, "peer"));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "changes");
  json_builder_add_value (builder, json_node_init_array (json_node_alloc (), revisions));
  json_builder_end_object (builder);
  payload_node = json_builder_get_root (builder);
  payload = json_to_string (payload_node, FALSE);
  payload_len = strlen (payload);

  wsp_keys_sign (&pair, (const guint8 *) payload, payload_len, signature);
  payload_b64 = g_base64_encode ((const guchar *) payload, payload_len);
  key_id = wsp_keys_key_id (pair.public_key);
  pub_hex = wsp_keys_to_hex (pair.public_key, WSP_KEY_SIZE);
  sig_hex = wsp_keys_to_hex (signature, WSP_SIGNATURE_SIZE);

  json_builder_reset (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, FORMAT_NAME);
  json_builder_set_member_name (builder, "format_version");
  json_builder_add_int_value (builder, FORMAT_VERSION);
  json_builder_set_member_name (builder, "key_id");
  json_builder_add_string_value (builder, key_id);
  json_builder_set_member_name (builder, "public_key");
  json_builder_add_string_value (builder, pub_hex);
  json_builder_set_member_name (builder, "payload");
  json_builder_add_string_value (builder, payload_b64);
  json_builder_set_member_name (builder, "signature");
  json_builder_add_string_value (builder, sig_hex);
  json_builder_end_object (builder);
  envelope_node = json_builder_get_root (builder);
  text = json_to_string (envelope_node, TRUE);
  text_len = strlen (text);

  if (report != NULL)
    {
      report->packet_id = g_strdup (packet_id);
      report->revisions = json_array_get_length (revisions);
      report->bytes = text_len;
    }
  return g_bytes_new_take (g_steal_pointer (&text), text_len);
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

  if (!wsp_sync_get_keys (store, &pair, NULL))
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
  g_auto (WspExportReport) local = { 0 };
  g_autoptr (GBytes) bytes = wsp_sync_build_packet (store, recipient, full, &local, error);
  g_autofree char *target = NULL;

  if (bytes == NULL)
    return FALSE;
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *name = wsp_sync_packet_file_name (store, local.packet_id);
      target = g_build_filename (path, name, NULL);
    }
  else
    target = g_strdup (path);

  if (!g_file_set_contents_full (target, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes),
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE, 0600,
                                 error))
    return FALSE;
  if (report != NULL)
    {
      *report = local;
      memset (&local, 0, sizeof local);
      report->path = g_steal_pointer (&target);
    }
  return TRUE;
}

static gboolean
refuse (GError     **error,
        WspSyncError code,
        const char  *message)
{
  g_set_error_literal (error, WSP_SYNC_ERROR, code, message);
  return FALSE;
}

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

static JsonNode *
guarded_parse (const char  *data,
               gsize        length,
               GError     **error)
{
  g_autoptr (JsonParser) parser = NULL;
  g_autoptr (GError) local_error = NULL;
  JsonNode *root;

  /* json-glib must not see what it cannot read safely. */
  if (!wsp_json_guard_check (data, length, NULL, error))
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

typedef struct
{
  guint8      public_key[WSP_KEY_SIZE];
  GBytes     *payload;
  JsonNode   *root;
  JsonObject *object;
  const char *packet_id;
  const char *sender_peer;
  const char *sender_name;
  const char *created_at;
  const char *created_hlc;
  JsonObject *sender_have;
  JsonArray  *revisions;  /* schema 2: changes; schema 1: whole revisions */
  JsonArray  *streams;    /* schema 2: whose each stream is */
  gint64      schema;
  gboolean    full;
} Packet;

static void
packet_clear (Packet *packet)
{
  g_clear_pointer (&packet->payload, g_bytes_unref);
  g_clear_pointer (&packet->root, json_node_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Packet, packet_clear)

/* Checks the envelope, the signature and the payload's shape. */
static gboolean
open_packet (GBytes  *bytes,
             Packet  *packet,
             GError **error)
{
  g_autoptr (JsonNode) envelope = NULL;
  JsonObject *env;
  const char *format, *key_id, *pub_hex, *payload_b64, *sig_hex;
  g_autofree char *expected_key_id = NULL;
  guint8 signature[WSP_SIGNATURE_SIZE];
  gint64 version = 0;
  guchar *decoded;
  gsize decoded_len = 0;
  JsonObject *sender;
  JsonNode *node;
  WspHlc hlc;

  if (g_bytes_get_size (bytes) > WSP_PACKET_MAX_BYTES)
    return refuse (error, WSP_SYNC_ERROR_TOO_LARGE,
                   _("The file is too large to be a Wspólnie exchange file."));

  envelope = guarded_parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error);
  if (envelope == NULL)
    return FALSE;
  env = json_node_get_object (envelope);

  format = get_string (env, "format");
  if (g_strcmp0 (format, FORMAT_NAME) != 0)
    return refuse (error, WSP_SYNC_ERROR_NOT_A_PACKET, _("The file is not a Wspólnie exchange file."));
  if (!get_int (env, "format_version", &version) || version < 1)
    return refuse (error, WSP_SYNC_ERROR_NOT_A_PACKET, _("The file is not a Wspólnie exchange file."));
  if (version > FORMAT_VERSION)
    return refuse (error, WSP_SYNC_ERROR_NEWER,
                   _("The file was made by a newer version of Wspólnie. Update the app to import it."));

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
  packet->payload = g_bytes_new_take (decoded, decoded_len);
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

  packet->root = guarded_parse ((const char *) decoded, decoded_len, error);
  if (packet->root == NULL)
    return FALSE;
  packet->object = json_node_get_object (packet->root);

  if (!get_int (packet->object, "schema_version", &version) || version < OLDEST_SCHEMA)
    return refuse (error, WSP_SYNC_ERROR_NOT_A_PACKET, _("The file is not a Wspólnie exchange file."));
  packet->schema = version;
  if (version > WSP_PACKET_SCHEMA_VERSION)
    return refuse (error, WSP_SYNC_ERROR_NEWER,
                   _("The file was made by a newer version of Wspólnie. Update the app to import it."));

  packet->packet_id = get_string (packet->object, "packet_id");
  packet->created_at = get_string (packet->object, "created_at");
  packet->created_hlc = get_string (packet->object, "created_hlc");
  node = json_object_has_member (packet->object, "sender")
           ? json_object_get_member (packet->object, "sender") : NULL;
  sender = node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  packet->sender_peer = get_string (sender, "peer_id");
  packet->sender_name = get_string (sender, "name");
  node = json_object_has_member (packet->object, "sender_have")
           ? json_object_get_member (packet->object, "sender_have") : NULL;
  packet->sender_have = node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  node = json_object_has_member (packet->object, packet->schema >= 2 ? "changes" : "revisions")
           ? json_object_get_member (packet->object, packet->schema >= 2 ? "changes" : "revisions") : NULL;
  packet->revisions = node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
  node = json_object_has_member (packet->object, "streams") ? json_object_get_member (packet->object, "streams") : NULL;
  packet->streams = node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
  node = json_object_has_member (packet->object, "full")
           ? json_object_get_member (packet->object, "full") : NULL;
  packet->full = node != NULL && JSON_NODE_HOLDS_VALUE (node)
                 && json_node_get_value_type (node) == G_TYPE_BOOLEAN && json_node_get_boolean (node);

  if (packet->packet_id == NULL || !g_uuid_string_is_valid (packet->packet_id)
      || packet->sender_peer == NULL || !g_uuid_string_is_valid (packet->sender_peer)
      || packet->sender_name == NULL || packet->created_at == NULL
      || packet->created_hlc == NULL || !wsp_hlc_parse (packet->created_hlc, &hlc)
      || packet->sender_have == NULL || packet->revisions == NULL
      || (packet->schema >= 2 && packet->streams == NULL))
    return refuse (error, WSP_SYNC_ERROR_NOT_A_PACKET,
                   _("The file is incomplete: some of what an exchange file must say is missing."));
  {
    g_autoptr (GList) members = json_object_get_members (packet->sender_have);
    for (GList *l = members; l != NULL; l = l->next)
      {
        gint64 seq;
        if (!g_uuid_string_is_valid (l->data) || !get_int (packet->sender_have, l->data, &seq))
          return refuse (error, WSP_SYNC_ERROR_NOT_A_PACKET,
                         _("The file is incomplete: some of what an exchange file must say is missing."));
      }
  }
  return TRUE;
}

/* Whether the sender may be heard: known with this key, or new and trusted
 * by a person now. */
static gboolean
check_trust (WspStore        *store,
             Packet          *packet,
             WspImportFlags   flags,
             gboolean        *new_laptop,
             GError         **error)
{
  g_autoptr (sqlite3_stmt) stmt = prepare (store, "SELECT public_key, trusted, name FROM peers WHERE peer_id = ?",
                                           error);
  g_autofree char *pub_hex = wsp_keys_to_hex (packet->public_key, WSP_KEY_SIZE);
  g_autofree char *fingerprint = wsp_keys_fingerprint (packet->public_key);

  *new_laptop = FALSE;
  if (stmt == NULL)
    return FALSE;
  if (g_strcmp0 (packet->sender_peer, wsp_store_get_peer_id (store)) == 0)
    return refuse (error, WSP_SYNC_ERROR_OWN_PACKET,
                   _("This file was exported from this laptop, so there is nothing in it to import."));

  sqlite3_bind_text (stmt, 1, packet->sender_peer, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    {
      const char *known_key = (const char *) sqlite3_column_text (stmt, 0);

      if (g_strcmp0 (known_key, pub_hex) != 0)
        {
          g_set_error (error, WSP_SYNC_ERROR, WSP_SYNC_ERROR_CHANGED_KEY,
                       _("The file says it comes from the laptop “%s”, but it is signed with a "
                         "different key than that laptop used before. It may be forged, so "
                         "nothing was imported. Ask the other secretary whether the laptop "
                         "was reinstalled."),
                       (const char *) sqlite3_column_text (stmt, 2));
          return FALSE;
        }
      if (sqlite3_column_int (stmt, 1) == 0)
        {
          g_set_error (error, WSP_SYNC_ERROR, WSP_SYNC_ERROR_REVOKED,
                       _("Files from the laptop “%s” are no longer trusted here, so nothing was "
                         "imported. Trust it again in Preferences if that was a mistake."),
                       (const char *) sqlite3_column_text (stmt, 2));
          return FALSE;
        }
      return TRUE;
    }

  *new_laptop = TRUE;
  if (flags & (WSP_IMPORT_TRUST_NEW | WSP_IMPORT_DRY_RUN))
    return TRUE;
  g_set_error (error, WSP_SYNC_ERROR, WSP_SYNC_ERROR_UNKNOWN_LAPTOP,
               _("The file comes from a laptop this one does not know yet, “%s”. Compare its "
                 "fingerprint %s with the one shown on that laptop before trusting it."),
               packet->sender_name, fingerprint);
  return FALSE;
}

static gboolean
already_imported (WspStore   *store,
                  const char *packet_id)
{
  g_autoptr (sqlite3_stmt) stmt = prepare (store, "SELECT 1 FROM packets WHERE packet_id = ?", NULL);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, packet_id, -1, SQLITE_TRANSIENT);
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

/* Records the sender (and what it holds) and the packet, in the import's
 * transaction. */
static gboolean
remember_packet (WspStore  *store,
                 Packet    *packet,
                 GBytes    *raw,
                 guint      added,
                 GError   **error)
{
  g_autofree char *pub_hex = wsp_keys_to_hex (packet->public_key, WSP_KEY_SIZE);
  g_autofree char *key_id = wsp_keys_key_id (packet->public_key);
  g_autofree char *now = now_iso8601 ();
  g_autofree char *have = wsp_json_object_canonical (packet->sender_have);
  g_autofree char *sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, raw);
  g_autoptr (sqlite3_stmt) stmt = NULL;

  stmt = prepare (store,
                  "INSERT INTO peers (peer_id, name, public_key, key_id, trusted, first_seen, "
                  "last_seen, have_seq) VALUES (?1, ?2, ?3, ?4, 1, ?5, ?5, ?6) "
                  "ON CONFLICT (peer_id) DO UPDATE SET name = ?2, last_seen = ?5, have_seq = ?6",
                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, packet->sender_peer, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, packet->sender_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, pub_hex, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, key_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, have, -1, SQLITE_TRANSIENT);
  if (!exec_stmt (store, stmt, error))
    return FALSE;
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = prepare (store,
                  "INSERT OR IGNORE INTO packets (packet_id, sender_peer, sha256, created_hlc, "
                  "imported_at, revisions, added) VALUES (?, ?, ?, ?, ?, ?, ?)",
                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, packet->packet_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, packet->sender_peer, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, sha, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, packet->created_hlc, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 6, json_array_get_length (packet->revisions));
  sqlite3_bind_int64 (stmt, 7, added);
  return exec_stmt (store, stmt, error);
}

/* Keeps the raw file beside the database, named by its SHA-256, so any
 * packet can be looked at or imported again later. */
static void
archive_packet (WspStore *store,
                GBytes   *raw)
{
  const char *db_path = wsp_database_get_path (wsp_store_get_database (store));
  g_autofree char *dir = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;

  if (db_path == NULL || g_strcmp0 (db_path, ":memory:") == 0)
    return;
  dir = g_strconcat (db_path, ".packets", NULL);
  sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, raw);
  name = g_strconcat (sha, WSP_PACKET_SUFFIX, NULL);
  path = g_build_filename (dir, name, NULL);
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return;
  if (g_mkdir_with_parents (dir, 0700) != 0
      || !g_file_set_contents_full (path, g_bytes_get_data (raw, NULL), (gssize) g_bytes_get_size (raw),
                                    G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    g_warning ("Could not keep a copy of the imported file: %s",
               error != NULL ? error->message : g_strerror (errno));
}

/* Gives the packet's streams and changes to the store's import. */
static gboolean
take_in (WspImport  *import,
         Packet     *packet,
         GError    **error)
{
  for (guint i = 0; packet->streams != NULL && i < json_array_get_length (packet->streams); i++)
    {
      JsonNode *node = json_array_get_element (packet->streams, i);
      JsonObject *entry = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *stream = get_string (entry, "stream");
      const char *peer = get_string (entry, "peer");

      if (stream == NULL || peer == NULL)
        return refuse (error, WSP_SYNC_ERROR_NOT_A_PACKET,
                       _("The file is incomplete: some of what an exchange file must say is missing."));
      if (!wsp_import_add_stream (import, stream, peer, error))
        return FALSE;
    }
  for (guint i = 0; i < json_array_get_length (packet->revisions); i++)
    {
      JsonNode *node = json_array_get_element (packet->revisions, i);

      if (!(packet->schema >= 2 ? wsp_import_add (import, node, error) : wsp_import_add_legacy (import, node, error)))
        return FALSE;
    }
  return TRUE;
}

/* Imports a packet: all of it or nothing. With WSP_IMPORT_DRY_RUN it works
 * out the same report and changes nothing. */
gboolean
wsp_sync_import_bytes (WspStore         *store,
                       GBytes           *bytes,
                       WspImportFlags    flags,
                       WspImportReport  *report,
                       GError          **error)
{
  g_auto (Packet) packet = { 0 };
  g_auto (WspImportReport) local = { 0 };
  gboolean dry_run = (flags & WSP_IMPORT_DRY_RUN) != 0;

  if (!open_packet (bytes, &packet, error))
    return FALSE;
  if (!check_trust (store, &packet, flags, &local.new_laptop, error))
    return FALSE;

  local.packet_id = g_strdup (packet.packet_id);
  local.sender_peer = g_strdup (packet.sender_peer);
  local.sender_name = g_strdup (packet.sender_name);
  local.fingerprint = wsp_keys_fingerprint (packet.public_key);
  local.created_at = g_strdup (packet.created_at);
  local.full = packet.full;
  local.outcomes = g_ptr_array_new_with_free_func ((GDestroyNotify) wsp_outcome_free);

  if (already_imported (store, packet.packet_id))
    {
      local.already_imported = TRUE;
      local.stats.received = json_array_get_length (packet.revisions);
    }
  else
    {
      g_autoptr (WspImport) import = wsp_store_import_begin (store, packet.sender_peer, error);

      /* Until it is ended, freeing the import rolls it back. */
      if (import == NULL || !take_in (import, &packet, error)
          || !wsp_import_end (import, &local.stats, local.outcomes, error))
        return FALSE;
      if (!remember_packet (store, &packet, bytes, local.stats.added, error))
        {
          wsp_store_rollback (store);
          return FALSE;
        }
      if (dry_run)
        wsp_store_rollback (store);
      else if (!wsp_store_commit (store, error))
        return FALSE;
      else
        archive_packet (store, bytes);
    }

  if (report != NULL)
    {
      *report = local;
      memset (&local, 0, sizeof local);
    }
  return TRUE;
}

gboolean
wsp_sync_import_file (WspStore         *store,
                      const char       *path,
                      WspImportFlags    flags,
                      WspImportReport  *report,
                      GError          **error)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFileInfo) info = NULL;
  g_autoptr (GBytes) bytes = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, error);
  if (info == NULL)
    return FALSE;
  if (g_file_info_get_size (info) > WSP_PACKET_MAX_BYTES)
    return refuse (error, WSP_SYNC_ERROR_TOO_LARGE,
                   _("The file is too large to be a Wspólnie exchange file."));
  bytes = g_file_load_bytes (file, NULL, NULL, error);
  if (bytes == NULL)
    return FALSE;
  return wsp_sync_import_bytes (store, bytes, flags, report, error);
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
                                               "first_seen, last_seen FROM peers ORDER BY name",
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
      peer->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      peer->key_id = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      if (wsp_keys_from_hex ((const char *) sqlite3_column_text (stmt, 2), key, sizeof key))
        peer->fingerprint = wsp_keys_fingerprint (key);
      peer->trusted = sqlite3_column_int (stmt, 4) != 0;
      peer->first_seen = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      peer->last_seen = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
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

/* Stops trusting @peer_id: its files are refused until trusted again. */
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
