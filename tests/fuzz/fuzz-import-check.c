/* fuzz-import-check.c — libFuzzer target: the changes of an exchange file,
 * imported for real, then the database checked
 *
 * The input is the body of a file (its lines of changes, second numbers,
 * signers and heads); it is given a header and an end signed with a fixed
 * key, so the fuzzer reaches what lies behind the file's signature: every
 * change's checks, the authors' heads and the merge. The file is imported
 * for real into a fresh database and wsp_store_check() must find the
 * database sound: a crash-only fuzzer cannot see damage, this one can.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "sync/wsp-sync.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const guint8 secret[WSP_KEY_SIZE] = { 1, 2, 3, 4, 5, 6, 7, 8, 9 };
  static const char sender[] = "6f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0";
  g_autoptr (WspStore) store = wsp_store_open (NULL, NULL);
  g_autoptr (GChecksum) digest = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr (GString) file = g_string_new (NULL);
  g_autofree char *pub = NULL, *key_id = NULL, *signed_text = NULL, *sig_hex = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  guint8 sig[WSP_SIGNATURE_SIZE];
  WspKeyPair keys;
  gsize header_len;

  wsp_keys_from_secret (&keys, secret);
  pub = wsp_keys_to_hex (keys.public_key, WSP_KEY_SIZE);
  key_id = wsp_keys_key_id (keys.public_key);
  g_string_append_printf (file,
                          "{\"format\":\"wspolnie-exchange\",\"header\":{\"app_version\":\"0\","
                          "\"created_at\":\"2026-12-01T10:00:00Z\",\"created_hlc\":\"0000000000000001\","
                          "\"format_version\":2,\"full\":true,\"key_id\":\"%s\",\"packet_id\":"
                          "\"0a1b2c3d-4e5f-4061-8273-94a5b6c7d8e9\",\"public_key\":\"%s\",\"recipient\":null,"
                          "\"schema_version\":2,\"sender\":{\"name\":\"fuzz\",\"peer_id\":\"%s\"},"
                          "\"sender_have\":{}}}\n",
                          key_id, pub, sender);
  header_len = file->len;
  g_string_append_len (file, (const char *) data, (gssize) size);
  if (size > 0 && data[size - 1] != '\n')
    g_string_append_c (file, '\n');
  g_checksum_update (digest, (const guchar *) file->str, file->len);
  signed_text = g_strconcat ("wspolnie-packet-end\n", g_checksum_get_string (digest), NULL);
  wsp_keys_sign (&keys, (const guint8 *) signed_text, strlen (signed_text), sig);
  sig_hex = wsp_keys_to_hex (sig, WSP_SIGNATURE_SIZE);
  g_string_append_printf (file, "{\"end\":{\"digest\":\"%s\",\"items\":0,\"signature\":\"%s\"}}\n",
                          g_checksum_get_string (digest), sig_hex);
  (void) header_len;
  bytes = g_string_free_to_bytes (g_steal_pointer (&file));

  if (wsp_sync_import_bytes (store, bytes, WSP_IMPORT_TRUST_NEW, NULL, &error))
    {
      g_autoptr (GError) damage = NULL;

      g_assert_no_error (error);
      /* What was taken left the database sound. */
      if (!wsp_store_check (store, &damage))
        g_error ("An import left the database damaged: %s", damage->message);
    }
  else
    g_assert_nonnull (error);
  return 0;
}
