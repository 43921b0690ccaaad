/* wsp-contact.h — checks of e-mail addresses and phone numbers as people type them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define WSP_CONTACT_ERROR (wsp_contact_error_quark ())

/**
 * WspContactError:
 * @WSP_CONTACT_ERROR_EMAIL: not an e-mail address
 * @WSP_CONTACT_ERROR_PHONE: not a phone number
 *
 * Why an e-mail address or a phone number was refused.
 */
typedef enum
{
  WSP_CONTACT_ERROR_EMAIL,
  WSP_CONTACT_ERROR_PHONE,
} WspContactError;

GQuark   wsp_contact_error_quark (void);

gboolean wsp_email_is_valid      (const char  *email,
                                  GError     **error);
gboolean wsp_phone_is_valid      (const char  *phone,
                                  GError     **error);

G_END_DECLS
