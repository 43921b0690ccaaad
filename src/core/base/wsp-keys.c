/* wsp-keys.c — Ed25519 keys of the laptops
 *
 * Each laptop signs its packets with its own key (nettle's Ed25519, which
 * both Debian and the GNOME runtime ship). People compare a key by its
 * fingerprint: six groups of five digits, easy to read aloud over the phone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <nettle/eddsa.h>
#include <string.h>
#include <sys/random.h>

#include "base/wsp-keys.h"

G_STATIC_ASSERT (WSP_KEY_SIZE == ED25519_KEY_SIZE);
G_STATIC_ASSERT (WSP_SIGNATURE_SIZE == ED25519_SIGNATURE_SIZE);

void
wsp_keys_from_secret (WspKeyPair   *pair,
                      const guint8  secret_key[WSP_KEY_SIZE])
{
  memcpy (pair->secret_key, secret_key, WSP_KEY_SIZE);
  ed25519_sha512_public_key (pair->public_key, pair->secret_key);
}

/* Makes a new key pair from the system's random source. */
gboolean
wsp_keys_generate (WspKeyPair  *pair,
                   GError     **error)
{
  guint8 secret[WSP_KEY_SIZE];
  gsize got = 0;

  while (got < sizeof secret)
    {
      ssize_t n = getrandom (secret + got, sizeof secret - got, 0);
      if (n < 0)
        {
          int saved = errno;
          if (saved == EINTR)
            continue;
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                       _("This computer could not make a signing key: %s"), g_strerror (saved));
          return FALSE;
        }
      got += (gsize) n;
    }
  wsp_keys_from_secret (pair, secret);
  memset (secret, 0, sizeof secret);
  return TRUE;
}

void
wsp_keys_sign (const WspKeyPair *pair,
               const guint8     *message,
               gsize             length,
               guint8            signature[WSP_SIGNATURE_SIZE])
{
  ed25519_sha512_sign (pair->public_key, pair->secret_key, length, message, signature);
}

gboolean
wsp_keys_verify (const guint8  public_key[WSP_KEY_SIZE],
                 const guint8 *message,
                 gsize         length,
                 const guint8  signature[WSP_SIGNATURE_SIZE])
{
  return ed25519_sha512_verify (public_key, length, message, signature) == 1;
}

char *
wsp_keys_to_hex (const guint8 *bytes,
                 gsize         length)
{
  GString *out = g_string_sized_new (length * 2);

  for (gsize i = 0; i < length; i++)
    g_string_append_printf (out, "%02x", bytes[i]);
  return g_string_free (out, FALSE);
}

gboolean
wsp_keys_from_hex (const char *hex,
                   guint8     *bytes,
                   gsize       length)
{
  if (hex == NULL || strlen (hex) != length * 2)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    {
      int hi = g_ascii_xdigit_value (hex[2 * i]);
      int lo = g_ascii_xdigit_value (hex[2 * i + 1]);

      if (hi < 0 || lo < 0)
        return FALSE;
      bytes[i] = (guint8) (hi << 4 | lo);
    }
  return TRUE;
}

/* A short name of the key: the first 8 bytes of its SHA-256, in hex. */
char *
wsp_keys_key_id (const guint8 public_key[WSP_KEY_SIZE])
{
  g_autoptr (GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 digest[32];
  gsize len = sizeof digest;

  g_checksum_update (checksum, public_key, WSP_KEY_SIZE);
  g_checksum_get_digest (checksum, digest, &len);
  return wsp_keys_to_hex (digest, 8);
}

/* What people compare: six groups of five digits, each from five bytes of
 * the key's SHA-256 (as Signal's safety numbers are made). */
char *
wsp_keys_fingerprint (const guint8 public_key[WSP_KEY_SIZE])
{
  g_autoptr (GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  GString *out = g_string_new (NULL);
  guint8 digest[32];
  gsize len = sizeof digest;

  g_checksum_update (checksum, public_key, WSP_KEY_SIZE);
  g_checksum_get_digest (checksum, digest, &len);
  for (guint group = 0; group < 6; group++)
    {
      guint64 value = 0;

      for (guint i = 0; i < 5; i++)
        value = (value << 8) | digest[group * 5 + i];
      if (group > 0)
        g_string_append_c (out, ' ');
      g_string_append_printf (out, "%05u", (guint) (value % 100000));
    }
  return g_string_free (out, FALSE);
}
