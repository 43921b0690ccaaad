/* wsp-contact.c — checks of e-mail addresses and phone numbers as people type them
 *
 * Both checks catch what a slip of the keyboard or a paste from the wrong
 * cell gives (a name in the e-mail field, a comma for a dot, two numbers in
 * one field), and say what is wrong in words a secretary can act on. They
 * do not try to know every address that mail servers accept.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "base/wsp-contact.h"

/* clang-format off */
G_DEFINE_QUARK (wsp-contact-error-quark, wsp_contact_error)
/* clang-format on */

#define PHONE_MIN_DIGITS 9
#define PHONE_MAX_DIGITS 15

static gboolean
email_error (GError    **error,
             const char *message)
{
  g_set_error_literal (error, WSP_CONTACT_ERROR, WSP_CONTACT_ERROR_EMAIL, message);
  return FALSE;
}

/* Whether @c may stand in the name before the "@" or in the domain. */
static gboolean
is_address_char (gunichar c)
{
  return g_unichar_isalnum (c) || (c < 128 && strchr ("!#$%&'*+-/=?^_`{|}~.", (int) c) != NULL);
}

/**
 * wsp_email_is_valid:
 * @email: an e-mail address, as typed (spaces around it are ignored)
 * @error: where to say what is wrong
 *
 * Returns: whether @email looks like one address: a name, one "@", and a
 *   domain of at least two parts separated by dots ("biuro@fundacja.pl")
 */
gboolean
wsp_email_is_valid (const char  *email,
                    GError     **error)
{
  g_autofree char *text = g_strstrip (g_strdup (email != NULL ? email : ""));
  const char *at;
  const char *domain;

  if (!g_utf8_validate (text, -1, NULL))
    return email_error (error, _("The e-mail address contains characters that cannot be shown."));
  if (*text == '\0')
    return email_error (error, _("The e-mail address is empty."));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == ',' || c == ';')
        return email_error (error, _("An e-mail address has no spaces, commas or semicolons: "
                                     "give one address only, as in biuro@fundacja.pl."));
      if (c != '@' && !is_address_char (c))
        return email_error (error, _("The e-mail address contains a character that addresses "
                                     "do not have. Check for a typing mistake."));
    }
  at = strchr (text, '@');
  if (at == NULL)
    return email_error (error, _("The e-mail address needs an “@” between the name and the "
                                 "domain, as in biuro@fundacja.pl."));
  if (strchr (at + 1, '@') != NULL)
    return email_error (error, _("The e-mail address has more than one “@”: give one address only."));
  if (at == text)
    return email_error (error, _("The e-mail address needs a name before the “@”."));
  domain = at + 1;
  if (*domain == '\0' || strchr (domain, '.') == NULL || *domain == '.'
      || g_str_has_suffix (domain, ".") || strstr (domain, "..") != NULL || text[0] == '.'
      || at[-1] == '.')
    return email_error (error, _("The part after the “@” must be a domain such as fundacja.pl. "
                                 "Check for a typing mistake."));
  return TRUE;
}

/**
 * wsp_phone_is_valid:
 * @phone: a phone number, as typed
 * @error: where to say what is wrong
 *
 * Digits with the spaces, dashes, dots, slashes and brackets people put
 * between them, a "+" in front for the country code, and an extension
 * after "wew." or "ext.". Between 9 and 15 digits (a Polish number has
 * nine; with +48, eleven), not counting the extension.
 *
 * Returns: whether @phone looks like one phone number
 */
gboolean
wsp_phone_is_valid (const char  *phone,
                    GError     **error)
{
  g_autofree char *text = g_strstrip (g_strdup (phone != NULL ? phone : ""));
  g_autofree char *lower = g_ascii_strdown (text, -1);
  const char *extension = NULL;
  guint digits = 0;

  if (*text == '\0')
    {
      g_set_error_literal (error, WSP_CONTACT_ERROR, WSP_CONTACT_ERROR_PHONE, _("The phone number is empty."));
      return FALSE;
    }
  extension = strstr (lower, "wew");
  if (extension == NULL)
    extension = strstr (lower, "ext");

  for (const char *p = lower; *p != '\0' && p != extension; p++)
    {
      if (g_ascii_isdigit (*p))
        digits++;
      else if (*p == '+' && p == lower)
        continue;
      else if (strchr (" -./()", *p) == NULL)
        {
          g_set_error_literal (error, WSP_CONTACT_ERROR, WSP_CONTACT_ERROR_PHONE,
                               *p == ',' || *p == ';'
                                 ? _("Give one phone number only; put another in the notes.")
                                 : _("A phone number has only digits, spaces, dashes and brackets, "
                                     "and a “+” before the country code."));
          return FALSE;
        }
    }
  if (extension != NULL)
    {
      const char *p = extension + 3;

      while (*p == '.' || *p == ' ')
        p++;
      for (; *p != '\0'; p++)
        if (!g_ascii_isdigit (*p) && *p != ' ')
          {
            g_set_error_literal (error, WSP_CONTACT_ERROR, WSP_CONTACT_ERROR_PHONE,
                                 _("Write the extension as digits after “wew.”, as in 32 262 00 00 wew. 15."));
            return FALSE;
          }
    }
  if (digits < PHONE_MIN_DIGITS || digits > PHONE_MAX_DIGITS)
    {
      g_set_error (error, WSP_CONTACT_ERROR, WSP_CONTACT_ERROR_PHONE,
                   /* Translators: %u is how many digits were typed */
                   ngettext ("A phone number has 9 digits, or more with the country code; this one "
                             "has %u digit.",
                             "A phone number has 9 digits, or more with the country code; this one "
                             "has %u digits.",
                             digits),
                   digits);
      return FALSE;
    }
  return TRUE;
}
