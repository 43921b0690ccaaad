/* wsp-keys.h — Ed25519 keys of the laptops
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define WSP_KEY_SIZE       32
#define WSP_SIGNATURE_SIZE 64

typedef struct
{
  guint8 public_key[WSP_KEY_SIZE];
  guint8 secret_key[WSP_KEY_SIZE];
} WspKeyPair;

gboolean wsp_keys_generate         (WspKeyPair   *pair,
                                    GError      **error);
void     wsp_keys_from_secret      (WspKeyPair   *pair,
                                    const guint8  secret_key[WSP_KEY_SIZE]);
void     wsp_keys_sign             (const WspKeyPair *pair,
                                    const guint8 *message,
                                    gsize         length,
                                    guint8        signature[WSP_SIGNATURE_SIZE]);
gboolean wsp_keys_verify           (const guint8  public_key[WSP_KEY_SIZE],
                                    const guint8 *message,
                                    gsize         length,
                                    const guint8  signature[WSP_SIGNATURE_SIZE]);
char    *wsp_keys_key_id           (const guint8  public_key[WSP_KEY_SIZE]);
char    *wsp_keys_fingerprint      (const guint8  public_key[WSP_KEY_SIZE]);
char    *wsp_keys_to_hex           (const guint8 *bytes,
                                    gsize         length);
gboolean wsp_keys_from_hex         (const char   *hex,
                                    guint8       *bytes,
                                    gsize         length);

G_END_DECLS
