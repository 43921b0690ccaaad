/* wsp-identifiers.h — validation of Polish register and tax numbers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define WSP_IDENTIFIER_ERROR (wsp_identifier_error_quark ())

/**
 * WspIdentifierError:
 * @WSP_IDENTIFIER_ERROR_LENGTH: the number has the wrong count of digits
 * @WSP_IDENTIFIER_ERROR_CHARACTERS: the number contains something other than
 *   digits, spaces and dashes
 * @WSP_IDENTIFIER_ERROR_CHECKSUM: the check digit does not match
 *
 * Why a KRS, NIP or REGON number was refused.
 */
typedef enum
{
  WSP_IDENTIFIER_ERROR_LENGTH,
  WSP_IDENTIFIER_ERROR_CHARACTERS,
  WSP_IDENTIFIER_ERROR_CHECKSUM,
} WspIdentifierError;

GQuark    wsp_identifier_error_quark (void);

char     *wsp_identifier_normalize   (const char  *s);

char     *wsp_krs_normalize          (const char  *s);
char     *wsp_nip_normalize          (const char  *s);
char     *wsp_regon_normalize        (const char  *s);

gboolean  wsp_krs_is_valid           (const char  *krs,
                                      GError     **error);
gboolean  wsp_nip_is_valid           (const char  *nip,
                                      GError     **error);
gboolean  wsp_regon_is_valid         (const char  *regon,
                                      GError     **error);

G_END_DECLS
