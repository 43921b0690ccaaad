/* wsp-identifiers.c — validation of Polish register and tax numbers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * KRS  (Krajowy Rejestr Sądowy): 10 digits, no check digit.
 * NIP  (tax identification number): 10 digits, the last one a mod-11 check
 *      digit; a remainder of 10 is never issued.
 * REGON (statistical number): 9 digits (an entity) or 14 digits (a local
 *      unit), the last one a mod-11 check digit where a remainder of 10
 *      gives 0.
 *
 * Every validator accepts the number as people type or paste it: spaces
 * (also no-break ones) and dashes anywhere are ignored.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "base/wsp-identifiers.h"

/* clang-format off */
G_DEFINE_QUARK (wsp-identifier-error-quark, wsp_identifier_error)
/* clang-format on */

typedef enum
{
  KIND_KRS,
  KIND_NIP,
  KIND_REGON,
} Kind;

static const guint nip_weights[9] = { 6, 5, 7, 2, 3, 4, 5, 6, 7 };
static const guint regon9_weights[8] = { 8, 9, 2, 3, 4, 5, 6, 7 };
static const guint regon14_weights[13] = { 2, 4, 8, 5, 0, 9, 7, 3, 6, 1, 2, 4, 8 };

/* Whether @c is a separator people put inside numbers: any space
 * (including no-break and narrow no-break spaces) or any dash. */
static gboolean
is_separator (gunichar c)
{
  return g_unichar_isspace (c) /* also U+00A0 and U+202F */
         || g_unichar_type (c) == G_UNICODE_DASH_PUNCTUATION
         || c == 0x2212; /* MINUS SIGN */
}

/* Returns a copy of @s without spaces and dashes, for storing and
 * comparing identifiers ("123-456-32-18" → "1234563218").  Other
 * characters are kept, so that validation can point at them.  Text that
 * is not valid UTF-8 has only ASCII spaces and dashes removed.  %NULL is
 * treated as the empty string.  Free the result with g_free(). */
char *
wsp_identifier_normalize (const char *s)
{
  GString *out;

  if (s == NULL)
    return g_strdup ("");

  out = g_string_sized_new (strlen (s));

  if (g_utf8_validate (s, -1, NULL))
    {
      for (const char *p = s; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (!is_separator (c))
            g_string_append_unichar (out, c);
        }
    }
  else
    {
      for (const char *p = s; *p != '\0'; p++)
        {
          if (!g_ascii_isspace (*p) && *p != '-')
            g_string_append_c (out, *p);
        }
    }

  return g_string_free (out, FALSE);
}

static gboolean
all_digits (const char *s)
{
  if (*s == '\0')
    return FALSE;
  for (const char *p = s; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

/* @digits with zeros in front up to @length. */
static char *
pad_zeros (const char *digits,
           gsize       length)
{
  gsize len = strlen (digits);
  GString *out = g_string_sized_new (length + 1);

  for (gsize i = len; i < length; i++)
    g_string_append_c (out, '0');
  g_string_append (out, digits);
  return g_string_free (out, FALSE);
}

/* @s without a leading @prefix (any case) and what people write after it:
 * "KRS nr: 123" → "123". @s is already normalised (no spaces). */
static const char *
skip_prefix (const char *s,
             const char *prefix)
{
  gsize n = strlen (prefix);

  if (g_ascii_strncasecmp (s, prefix, n) != 0 || s[n] == '\0')
    return s;
  s += n;
  if (g_ascii_strncasecmp (s, "nr", 2) == 0 && !g_ascii_isalpha (s[2]))
    s += 2;
  while (*s == '.' || *s == ':' || *s == '#')
    s++;
  return s;
}

/**
 * wsp_krs_normalize:
 * @s: (nullable): a KRS number as typed, pasted or read from a spreadsheet
 *
 * The one rule for KRS numbers, wherever they come from (the editor, the
 * register's CSV): spaces and dashes go, a "KRS" in front goes, and the
 * leading zeros a spreadsheet drops ("123456" for "0000123456") are put
 * back.  Anything else is kept, for wsp_krs_is_valid() to point at.
 *
 * Returns: (transfer full): the number as it is stored; "" when @s holds
 *   none
 */
char *
wsp_krs_normalize (const char *s)
{
  g_autofree char *text = wsp_identifier_normalize (s);
  const char *digits = skip_prefix (text, "krs");

  if (all_digits (digits) && strlen (digits) < 10)
    return pad_zeros (digits, 10);
  return g_strdup (digits);
}

/**
 * wsp_nip_normalize:
 * @s: (nullable): a NIP as typed or read
 *
 * Spaces and dashes go, and so do a "NIP" in front and the "PL" of the
 * EU VAT number ("PL 526-025-09-95" → "5260250995").
 *
 * Returns: (transfer full): the number as it is stored; "" when none
 */
char *
wsp_nip_normalize (const char *s)
{
  g_autofree char *text = wsp_identifier_normalize (s);
  const char *digits = skip_prefix (text, "nip");

  if (g_ascii_strncasecmp (digits, "PL", 2) == 0 && all_digits (digits + 2) && strlen (digits + 2) == 10)
    digits += 2;
  return g_strdup (digits);
}

/**
 * wsp_regon_normalize:
 * @s: (nullable): a REGON as typed or read
 *
 * Spaces, dashes and a "REGON" in front go; leading zeros a spreadsheet
 * dropped are put back, to 9 digits (an entity) or to 14 (a local unit).
 *
 * Returns: (transfer full): the number as it is stored; "" when none
 */
char *
wsp_regon_normalize (const char *s)
{
  g_autofree char *text = wsp_identifier_normalize (s);
  const char *digits = skip_prefix (text, "regon");
  gsize len = strlen (digits);

  if (all_digits (digits) && len < 9)
    return pad_zeros (digits, 9);
  if (all_digits (digits) && len > 9 && len < 14)
    return pad_zeros (digits, 14);
  return g_strdup (digits);
}

/* Sets a CHARACTERS error for the first non-digit @bad of a @kind number,
 * naming the character when it can be shown. */
static void
set_characters_error (GError    **error,
                      Kind        kind,
                      const char *bad,
                      gboolean    utf8)
{
  g_autofree char *shown = NULL;

  if (utf8)
    {
      gunichar c = g_utf8_get_char (bad);

      if (g_unichar_isprint (c))
        shown = g_strndup (bad, g_utf8_next_char (bad) - bad);
    }

  switch (kind)
    {
    case KIND_KRS:
      if (shown != NULL)
        g_set_error (error, WSP_IDENTIFIER_ERROR, WSP_IDENTIFIER_ERROR_CHARACTERS,
                     /* Translators: %s is the character that was typed, e.g. “O” */
                     _("The KRS number may contain only digits; “%s” is not a digit."), shown);
      else
        g_set_error_literal (error, WSP_IDENTIFIER_ERROR, WSP_IDENTIFIER_ERROR_CHARACTERS,
                             _("The KRS number may contain only digits."));
      break;

    case KIND_NIP:
      if (shown != NULL)
        g_set_error (error, WSP_IDENTIFIER_ERROR, WSP_IDENTIFIER_ERROR_CHARACTERS,
                     /* Translators: %s is the character that was typed, e.g. “O” */
                     _("The NIP may contain only digits; “%s” is not a digit."), shown);
      else
        g_set_error_literal (error, WSP_IDENTIFIER_ERROR, WSP_IDENTIFIER_ERROR_CHARACTERS,
                             _("The NIP may contain only digits."));
      break;

    case KIND_REGON:
    default:
      if (shown != NULL)
        g_set_error (error, WSP_IDENTIFIER_ERROR, WSP_IDENTIFIER_ERROR_CHARACTERS,
                     /* Translators: %s is the character that was typed, e.g. “O” */
                     _("The REGON may contain only digits; “%s” is not a digit."), shown);
      else
        g_set_error_literal (error, WSP_IDENTIFIER_ERROR, WSP_IDENTIFIER_ERROR_CHARACTERS,
                             _("The REGON may contain only digits."));
      break;
    }
}

/* Sets a LENGTH error for a @kind number that has @n digits. */
static void
set_length_error (GError **error,
                  Kind     kind,
                  guint    n)
{
  switch (kind)
    {
    case KIND_KRS:
      g_set_error (error, WSP_IDENTIFIER_ERROR, WSP_IDENTIFIER_ERROR_LENGTH,
                   /* Translators: %u is how many digits were typed */
                   ngettext ("The KRS number must have 10 digits; this one has %u digit.",
                             "The KRS number must have 10 digits; this one has %u digits.", n),
                   n);
      break;

    case KIND_NIP:
      g_set_error (error, WSP_IDENTIFIER_ERROR, WSP_IDENTIFIER_ERROR_LENGTH,
                   /* Translators: %u is how many digits were typed */
                   ngettext ("The NIP must have 10 digits; this one has %u digit.",
                             "The NIP must have 10 digits; this one has %u digits.", n),
                   n);
      break;

    case KIND_REGON:
    default:
      g_set_error (error, WSP_IDENTIFIER_ERROR, WSP_IDENTIFIER_ERROR_LENGTH,
                   /* Translators: %u is how many digits were typed */
                   ngettext ("The REGON must have 9 or 14 digits; this one has %u digit.",
                             "The REGON must have 9 or 14 digits; this one has %u digits.", n),
                   n);
      break;
    }
}

/* Normalises @input and checks that only digits are left and that there
 * are as many as @length_a or @length_b (0 for "no second length").
 * Returns the digits, or %NULL with @error set. */
static char *
digits_of (const char *input,
           Kind        kind,
           gsize       length_a,
           gsize       length_b,
           GError    **error)
{
  g_autofree char *digits = wsp_identifier_normalize (input);
  gsize len = strlen (digits);

  for (const char *p = digits; *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p))
        {
          set_characters_error (error, kind, p, g_utf8_validate (digits, -1, NULL));
          return NULL;
        }
    }

  if (len != length_a && (length_b == 0 || len != length_b))
    {
      set_length_error (error, kind, (guint) len);
      return NULL;
    }

  return g_steal_pointer (&digits);
}

/* Weighted sum of the first @n_weights digits of @digits, modulo 11. */
static guint
weighted_mod11 (const char  *digits,
                const guint *weights,
                gsize        n_weights)
{
  guint sum = 0;

  for (gsize i = 0; i < n_weights; i++)
    sum += (guint) (digits[i] - '0') * weights[i];

  return sum % 11;
}

/* Returns whether @krs is a well-formed KRS number: exactly 10 digits
 * once spaces and dashes are removed (the register has no check digit, so
 * a typing mistake cannot be detected).  Sets @error otherwise. */
gboolean
wsp_krs_is_valid (const char  *krs,
                  GError     **error)
{
  g_autofree char *digits = digits_of (krs, KIND_KRS, 10, 0, error);

  return digits != NULL;
}

/* Returns whether @nip is a valid NIP: 10 digits (spaces and dashes
 * allowed, as in "123-456-32-18") whose weighted sum of the first nine,
 * with weights 6 5 7 2 3 4 5 6 7, modulo 11 equals the last digit.  A
 * remainder of 10 is never issued, so such a number is always invalid.
 * Sets @error to say what is wrong. */
gboolean
wsp_nip_is_valid (const char  *nip,
                  GError     **error)
{
  g_autofree char *digits = digits_of (nip, KIND_NIP, 10, 0, error);
  guint expected;
  guint actual;

  if (digits == NULL)
    return FALSE;

  expected = weighted_mod11 (digits, nip_weights, G_N_ELEMENTS (nip_weights));
  actual = (guint) (digits[9] - '0');

  if (expected == 10)
    {
      g_set_error_literal (error, WSP_IDENTIFIER_ERROR, WSP_IDENTIFIER_ERROR_CHECKSUM,
                           _("This is not a valid NIP: no NIP can begin with these nine digits. "
                             "Check for a typing mistake."));
      return FALSE;
    }

  if (expected != actual)
    {
      g_set_error (error, WSP_IDENTIFIER_ERROR, WSP_IDENTIFIER_ERROR_CHECKSUM,
                   /* Translators: both %u are single digits */
                   _("The NIP check digit does not match: the last digit should be %u, not %u. "
                     "Check for a typing mistake."),
                   expected, actual);
      return FALSE;
    }

  return TRUE;
}

/* Returns whether @regon is a valid REGON: 9 digits (weights
 * 8 9 2 3 4 5 6 7) or 14 digits (weights 2 4 8 5 0 9 7 3 6 1 2 4 8), the
 * weighted sum modulo 11 giving the last digit, with 10 written as 0.
 * Spaces and dashes are ignored.  Sets @error to say what is wrong. */
gboolean
wsp_regon_is_valid (const char  *regon,
                    GError     **error)
{
  g_autofree char *digits = digits_of (regon, KIND_REGON, 9, 14, error);
  gsize len;
  guint expected;
  guint actual;

  if (digits == NULL)
    return FALSE;

  len = strlen (digits);
  if (len == 9)
    expected = weighted_mod11 (digits, regon9_weights, G_N_ELEMENTS (regon9_weights));
  else
    expected = weighted_mod11 (digits, regon14_weights, G_N_ELEMENTS (regon14_weights));

  if (expected == 10)
    expected = 0;

  actual = (guint) (digits[len - 1] - '0');

  if (expected != actual)
    {
      g_set_error (error, WSP_IDENTIFIER_ERROR, WSP_IDENTIFIER_ERROR_CHECKSUM,
                   /* Translators: both %u are single digits */
                   _("The REGON check digit does not match: the last digit should be %u, not %u. "
                     "Check for a typing mistake."),
                   expected, actual);
      return FALSE;
    }

  return TRUE;
}
