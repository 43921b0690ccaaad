/* test-identifiers.c — KRS, NIP and REGON validation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every valid example below was checked by hand against the weights:
 *   NIP 526-025-09-95: 5·6+2·5+6·7+0·2+2·3+5·4+0·5+9·6+9·7 = 225, 225 mod 11 = 5
 *   NIP 123-456-32-18: 1·6+2·5+3·7+4·2+5·3+6·4+3·5+2·6+1·7 = 118, 118 mod 11 = 8
 *   NIP 123456789x:    sum 230, 230 mod 11 = 10, never valid
 *   REGON 123456785:   1·8+2·9+3·2+4·3+5·4+6·5+7·6+8·7 = 192, 192 mod 11 = 5
 *   REGON 123450080:   sum 120, 120 mod 11 = 10 → 0
 *   REGON 12345678512347: sum 260, 260 mod 11 = 7
 *   REGON 12345678500010: sum 219, 219 mod 11 = 10 → 0
 */

#include <string.h>

#include "base/wsp-contact.h"
#include "base/wsp-identifiers.h"

typedef gboolean (*Validator) (const char *, GError **);

/* Asserts that @validate refuses @input with an error in
 * WSP_IDENTIFIER_ERROR of @code whose message contains @fragment (when not
 * NULL).  Returns the message for further checks. */
static char *
assert_refused (Validator   validate,
                const char *input,
                int         code,
                const char *fragment)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (validate (input, &error));
  g_assert_error (error, WSP_IDENTIFIER_ERROR, code);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_test_message ("%s", error->message);
  if (fragment != NULL && strstr (error->message, fragment) == NULL)
    g_error ("“%s” not found in “%s”", fragment, error->message);

  return g_strdup (error->message);
}

static void
test_quark (void)
{
  g_assert_cmpstr (g_quark_to_string (WSP_IDENTIFIER_ERROR), ==, "wsp-identifier-error-quark");
}

static void
test_normalize (void)
{
  struct
  {
    const char *in;
    const char *out;
  } cases[] = {
    { "123-456-32-18", "1234563218" },
    { " 526 025 09 95 ", "5260250995" },
    { "12\t34\n", "1234" },
    { "", "" },
    { "---", "" },
    { "12a-4", "12a4" },
    { "PL 526", "PL526" },
    { "526\u00a0025\u202f09", "52602509" }, /* no-break and narrow no-break space */
    { "526\u2013025\u2014095\u2212", "526025095" }, /* en dash, em dash, minus sign */
    { "zażółć-1", "zażółć1" },
    { "\xff 1-2", "\xff" "12" }, /* not UTF-8: ASCII separators only */
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = wsp_identifier_normalize (cases[i].in);

      g_assert_cmpstr (out, ==, cases[i].out);
    }

  {
    g_autofree char *out = wsp_identifier_normalize (NULL);

    g_assert_cmpstr (out, ==, "");
  }
}

static void
test_krs_valid (void)
{
  const char *valid[] = { "0000123456", "0000 123 456", "0000-123-456", " 0000123456 ", "9999999999",
                          "0000000000" };

  for (gsize i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (wsp_krs_is_valid (valid[i], &error));
      g_assert_no_error (error);
    }

  /* No error location is fine. */
  g_assert_true (wsp_krs_is_valid ("0000123456", NULL));
  g_assert_false (wsp_krs_is_valid ("000012345", NULL));
}

static void
test_krs_length (void)
{
  struct
  {
    const char *krs;
    const char *fragment;
  } cases[] = {
    { "000012345", "this one has 9 digits" },
    { "00001234567", "this one has 11 digits" },
    { "1", "this one has 1 digit." },
    { "", "this one has 0 digits" },
    { " - ", "this one has 0 digits" },
    { NULL, "this one has 0 digits" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *message = assert_refused (wsp_krs_is_valid, cases[i].krs,
                                                 WSP_IDENTIFIER_ERROR_LENGTH, cases[i].fragment);

      g_assert_nonnull (strstr (message, "The KRS number must have 10 digits"));
    }
}

static void
test_krs_characters (void)
{
  g_autofree char *m1 = NULL;
  g_autofree char *m2 = NULL;
  g_autofree char *m3 = NULL;

  /* Letter O typed for a zero: named, and reported before the length. */
  m1 = assert_refused (wsp_krs_is_valid, "O00012345", WSP_IDENTIFIER_ERROR_CHARACTERS,
                       "The KRS number may contain only digits; “O” is not a digit.");
  m2 = assert_refused (wsp_krs_is_valid, "12.5", WSP_IDENTIFIER_ERROR_CHARACTERS, "“.”");

  /* A control character is not shown. */
  m3 = assert_refused (wsp_krs_is_valid, "000012345\x01", WSP_IDENTIFIER_ERROR_CHARACTERS,
                       NULL);
  g_assert_cmpstr (m3, ==, "The KRS number may contain only digits.");
}

static void
test_nip_valid (void)
{
  const char *valid[] = {
    "5260250995", "526-025-09-95", "526 025 09 95", "123-456-32-18", "1234563218", "123-45-63-218",
    "7740001454", "5213017228",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autoptr(GError) error = NULL;

      if (!wsp_nip_is_valid (valid[i], &error))
        g_error ("%s refused: %s", valid[i], error->message);
      g_assert_no_error (error);
    }

  /* No error location is fine. */
  g_assert_true (wsp_nip_is_valid ("5260250995", NULL));
  g_assert_false (wsp_nip_is_valid ("5260250994", NULL));
}

static void
test_nip_checksum (void)
{
  g_autofree char *m1 = NULL;
  g_autofree char *m2 = NULL;
  g_autofree char *m3 = NULL;

  m1 = assert_refused (wsp_nip_is_valid, "5260250994", WSP_IDENTIFIER_ERROR_CHECKSUM, NULL);
  g_assert_cmpstr (m1, ==,
                   "The NIP check digit does not match: the last digit should be 5, not 4. "
                   "Check for a typing mistake.");

  m2 = assert_refused (wsp_nip_is_valid, "123-456-32-17", WSP_IDENTIFIER_ERROR_CHECKSUM,
                       "should be 8, not 7");

  /* Two digits swapped. */
  m3 = assert_refused (wsp_nip_is_valid, "5620250995", WSP_IDENTIFIER_ERROR_CHECKSUM,
                       "should be 8, not 5");

  /* Every wrong last digit is refused, the right one accepted. */
  for (char d = '0'; d <= '9'; d++)
    {
      char nip[] = "526025099?";

      nip[9] = d;
      g_assert_cmpint (wsp_nip_is_valid (nip, NULL), ==, d == '5');
    }
}

static void
test_nip_remainder_ten (void)
{
  /* 1,2,3,4,5,6,7,8,9 weighs 230 ≡ 10 (mod 11): no last digit fits. */
  for (char d = '0'; d <= '9'; d++)
    {
      g_autofree char *message = NULL;
      char nip[] = "123456789?";

      nip[9] = d;
      message = assert_refused (wsp_nip_is_valid, nip, WSP_IDENTIFIER_ERROR_CHECKSUM,
                                "no NIP can begin with these nine digits");
    }

  g_assert_false (wsp_nip_is_valid ("123-100-01-60", NULL));
  g_assert_false (wsp_nip_is_valid ("1231000160", NULL));
}

static void
test_nip_length (void)
{
  g_autofree char *m1 = NULL;
  g_autofree char *m2 = NULL;
  g_autofree char *m3 = NULL;

  m1 = assert_refused (wsp_nip_is_valid, "526-025-09-9", WSP_IDENTIFIER_ERROR_LENGTH, NULL);
  g_assert_cmpstr (m1, ==, "The NIP must have 10 digits; this one has 9 digits.");
  m2 = assert_refused (wsp_nip_is_valid, "52602509951", WSP_IDENTIFIER_ERROR_LENGTH,
                       "this one has 11 digits");
  m3 = assert_refused (wsp_nip_is_valid, "", WSP_IDENTIFIER_ERROR_LENGTH,
                       "this one has 0 digits");
}

static void
test_nip_characters (void)
{
  g_autofree char *m1 = NULL;
  g_autofree char *m2 = NULL;
  g_autofree char *m3 = NULL;

  /* A VAT-EU number is not a NIP as such. */
  m1 = assert_refused (wsp_nip_is_valid, "PL5260250995", WSP_IDENTIFIER_ERROR_CHARACTERS, NULL);
  g_assert_cmpstr (m1, ==, "The NIP may contain only digits; “P” is not a digit.");

  m2 = assert_refused (wsp_nip_is_valid, "526025099ą", WSP_IDENTIFIER_ERROR_CHARACTERS, "“ą”");

  /* Not UTF-8: refused, and the byte is not printed. */
  m3 = assert_refused (wsp_nip_is_valid, "526025099\xff", WSP_IDENTIFIER_ERROR_CHARACTERS, NULL);
  g_assert_cmpstr (m3, ==, "The NIP may contain only digits.");
}

static void
test_regon_valid (void)
{
  const char *valid[] = {
    "123456785",      "123-456-785",    "012100784", "000331501", "192598184",
    "123450080",      /* remainder 10 → 0 */
    "12345678512347", "1234 5678 5123 47",
    "12345678500010", /* remainder 10 → 0 */
  };

  for (gsize i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autoptr(GError) error = NULL;

      if (!wsp_regon_is_valid (valid[i], &error))
        g_error ("%s refused: %s", valid[i], error->message);
      g_assert_no_error (error);
    }
}

static void
test_regon_checksum (void)
{
  struct
  {
    const char *regon;
    const char *fragment;
  } cases[] = {
    { "123456786", "The REGON check digit does not match: the last digit should be 5, not 6." },
    { "123450081", "should be 0, not 1" },
    { "213456785", "should be 4, not 5" },
    { "12345678512348", "should be 7, not 8" },
    { "12345678500011", "should be 0, not 1" },
    { "00033150100010", "should be 7, not 0" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *message = assert_refused (wsp_regon_is_valid, cases[i].regon,
                                                 WSP_IDENTIFIER_ERROR_CHECKSUM, cases[i].fragment);
    }

  /* Exactly one last digit fits, for both lengths. */
  for (char d = '0'; d <= '9'; d++)
    {
      char r9[] = "12345678?";
      char r14[] = "1234567851234?";

      r9[8] = d;
      r14[13] = d;
      g_assert_cmpint (wsp_regon_is_valid (r9, NULL), ==, d == '5');
      g_assert_cmpint (wsp_regon_is_valid (r14, NULL), ==, d == '7');
    }
}

static void
test_regon_length (void)
{
  const char *wrong[] = { "12345678", "1234567850", "1234567851234", "123456785123478", "" };
  const guint counts[] = { 8, 10, 13, 15, 0 };

  for (gsize i = 0; i < G_N_ELEMENTS (wrong); i++)
    {
      g_autofree char *fragment = g_strdup_printf (
        "The REGON must have 9 or 14 digits; this one has %u digits.", counts[i]);
      g_autofree char *message = assert_refused (wsp_regon_is_valid, wrong[i],
                                                 WSP_IDENTIFIER_ERROR_LENGTH, fragment);
    }
}

static void
test_regon_characters (void)
{
  g_autofree char *message = assert_refused (wsp_regon_is_valid, "12345678S",
                                             WSP_IDENTIFIER_ERROR_CHARACTERS, NULL);

  g_assert_cmpstr (message, ==, "The REGON may contain only digits; “S” is not a digit.");
}

/* One rule for the editor and the register's CSV: what people type and
 * what spreadsheets make of the numbers comes out as stored. */
static void
test_krs_normalize (void)
{
  struct { const char *in, *out; } cases[] = {
    { "0000123456", "0000123456" },
    { "123456", "0000123456" },
    { "KRS 0000123456", "0000123456" },
    { "krs: 123456", "0000123456" },
    { "KRS nr 345678", "0000345678" },
    { "000-012-34-56", "0000123456" },
    { "", "" },
    { NULL, "" },
    { "12345678901", "12345678901" }, /* too long: kept for the check to say so */
    { "O000123456", "O000123456" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = wsp_krs_normalize (cases[i].in);
      g_assert_cmpstr (out, ==, cases[i].out);
    }
  {
    g_autofree char *krs = wsp_krs_normalize ("KRS 123456");
    g_assert_true (wsp_krs_is_valid (krs, NULL));
  }
}

static void
test_nip_regon_normalize (void)
{
  struct { const char *in, *out; } nips[] = {
    { "PL 526-025-09-95", "5260250995" },
    { "NIP: 526 025 09 95", "5260250995" },
    { "pl5260250995", "5260250995" },
    { "526-025-09-95", "5260250995" },
  };
  struct { const char *in, *out; } regons[] = {
    { "23456785", "023456785" },
    { "REGON 123456785", "123456785" },
    { "1234567851234", "01234567851234" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (nips); i++)
    {
      g_autofree char *out = wsp_nip_normalize (nips[i].in);
      g_assert_cmpstr (out, ==, nips[i].out);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (regons); i++)
    {
      g_autofree char *out = wsp_regon_normalize (regons[i].in);
      g_assert_cmpstr (out, ==, regons[i].out);
    }
}

static void
test_email (void)
{
  const char *good[] = { "biuro@fundacja.pl", " anna.nowak@um.zaglebiowice.example ", "a+b@x.org.pl",
                         "żaneta@zażółć.pl" };
  struct { const char *in, *fragment; } bad[] = {
    { "biuro.fundacja.pl", "“@”" },
    { "biuro@fundacja", "domain" },
    { "biuro@fundacja,pl", "commas" },
    { "anna@x.pl, jan@y.pl", "one address" },
    { "a@@x.pl", "more than one" },
    { "@x.pl", "name before" },
    { "anna@x..pl", "domain" },
    { "Anna Nowak", "spaces" },
    { "", "empty" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr (GError) error = NULL;
      g_assert_true (wsp_email_is_valid (good[i], &error));
      g_assert_no_error (error);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      g_assert_false (wsp_email_is_valid (bad[i].in, &error));
      g_assert_error (error, WSP_CONTACT_ERROR, WSP_CONTACT_ERROR_EMAIL);
      if (strstr (error->message, bad[i].fragment) == NULL)
        g_error ("“%s”: “%s” not in “%s”", bad[i].in, bad[i].fragment, error->message);
    }
}

static void
test_phone (void)
{
  const char *good[] = { "32 262 00 00", "+48 32 262 00 00", "(32) 262-00-00", "600100200",
                         "32 262 00 00 wew. 15", "+48 600 100 200" };
  struct { const char *in, *fragment; } bad[] = {
    { "262 00 00", "this one has 7 digits" },
    { "32 262 00 00, 600 100 200", "one phone number" },
    { "tel. 32 262 00 00", "only digits" },
    { "32 262 00 00 wew. piętro", "extension" },
    { "", "empty" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr (GError) error = NULL;
      if (!wsp_phone_is_valid (good[i], &error))
        g_error ("“%s” refused: %s", good[i], error->message);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      g_assert_false (wsp_phone_is_valid (bad[i].in, &error));
      g_assert_error (error, WSP_CONTACT_ERROR, WSP_CONTACT_ERROR_PHONE);
      if (strstr (error->message, bad[i].fragment) == NULL)
        g_error ("“%s”: “%s” not in “%s”", bad[i].in, bad[i].fragment, error->message);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/identifiers/quark", test_quark);
  g_test_add_func ("/identifiers/normalize", test_normalize);
  g_test_add_func ("/identifiers/krs/valid", test_krs_valid);
  g_test_add_func ("/identifiers/krs/length", test_krs_length);
  g_test_add_func ("/identifiers/krs/characters", test_krs_characters);
  g_test_add_func ("/identifiers/nip/valid", test_nip_valid);
  g_test_add_func ("/identifiers/nip/checksum", test_nip_checksum);
  g_test_add_func ("/identifiers/nip/remainder-ten", test_nip_remainder_ten);
  g_test_add_func ("/identifiers/nip/length", test_nip_length);
  g_test_add_func ("/identifiers/nip/characters", test_nip_characters);
  g_test_add_func ("/identifiers/regon/valid", test_regon_valid);
  g_test_add_func ("/identifiers/regon/checksum", test_regon_checksum);
  g_test_add_func ("/identifiers/regon/length", test_regon_length);
  g_test_add_func ("/identifiers/regon/characters", test_regon_characters);
  g_test_add_func ("/identifiers/krs/normalize", test_krs_normalize);
  g_test_add_func ("/identifiers/nip-regon/normalize", test_nip_regon_normalize);
  g_test_add_func ("/contacts/email", test_email);
  g_test_add_func ("/contacts/phone", test_phone);

  return g_test_run ();
}
