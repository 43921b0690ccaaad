/* fuzz-payload.c — libFuzzer target: the signed payload of an exchange file
 *
 * The input is wrapped in an envelope signed with a fixed key, so the fuzzer
 * reaches what lies behind the signature check: the payload's checks, the
 * revisions' checks and the merge.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "sync/wsp-sync.h"

static WspStore *store;
static WspKeyPair keys;

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const guint8 secret[WSP_KEY_SIZE] = { 1, 2, 3, 4, 5, 6, 7, 8, 9 };
  g_autofree char *payload = g_base64_encode (data, size);
  g_autofree char *pub = NULL, *sig_hex = NULL, *key_id = NULL, *text = NULL;
  guint8 sig[WSP_SIGNATURE_SIZE];
  gsize len;
  g_autoptr (GBytes) bytes = NULL;
  g_auto (WspImportReport) report = { 0 };
  g_autoptr (GError) error = NULL;

  if (store == NULL)
    {
      store = wsp_store_open (NULL, NULL);
      wsp_keys_from_secret (&keys, secret);
    }
  wsp_keys_sign (&keys, data, size, sig);
  pub = wsp_keys_to_hex (keys.public_key, WSP_KEY_SIZE);
  sig_hex = wsp_keys_to_hex (sig, WSP_SIGNATURE_SIZE);
  key_id = wsp_keys_key_id (keys.public_key);
  text = g_strdup_printf ("{\"format\":\"wspolnie-packet\",\"format_version\":1,\"key_id\":\"%s\","
                          "\"public_key\":\"%s\",\"payload\":\"%s\",\"signature\":\"%s\"}",
                          key_id, pub, payload, sig_hex);
  len = strlen (text);
  bytes = g_bytes_new_take (g_steal_pointer (&text), len);
  if (wsp_sync_import_bytes (store, bytes, WSP_IMPORT_DRY_RUN, &report, &error))
    g_assert_no_error (error);
  else
    g_assert_nonnull (error);
  return 0;
}
