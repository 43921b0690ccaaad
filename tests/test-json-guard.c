/* test-json-guard.c — strict JSON validation before json-glib sees the bytes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The cases are written for this app in the spirit of the public
 * JSONTestSuite (y_/n_ files), plus the packet rules on top of RFC 8259:
 * integers only, within ±(2^53 − 1), no duplicate names, no \u0000.
 */

#include <string.h>

#include <json-glib/json-glib.h>

#include "sync/wsp-json-guard.h"

/* A C string literal with its length, so that literals may hold NUL bytes. */
#define LIT(s) s, sizeof (s) - 1

typedef struct
{
  const char *name;
  const char *data;
  gsize       length;
} GoodCase;

typedef struct
{
  const char *name;
  const char *data;
  gsize       length;
  int         code;
} BadCase;

/* Short names for the table of refused input. */
enum
{
  SYNTAX = WSP_JSON_GUARD_ERROR_SYNTAX,
  ENCODING = WSP_JSON_GUARD_ERROR_ENCODING,
  DUPLICATE = WSP_JSON_GUARD_ERROR_DUPLICATE_KEY,
  NUMBER = WSP_JSON_GUARD_ERROR_NUMBER,
};

static const GoodCase good_cases[] = {
  { "empty-object", LIT ("{}") },
  { "empty-array", LIT ("[]") },
  { "empty-containers-with-space", LIT ("[ { } , [ ] , {\"a\" : [ ]} ]") },
  { "object", LIT ("{\"name\":\"Rada\",\"seats\":15,\"active\":true,\"parent\":null}") },
  { "array", LIT ("[1,-2,\"x\",true,false,null,{},[]]") },
  { "nested", LIT ("{\"a\":{\"b\":[{\"c\":[[]]},{\"c\":{}}]},\"d\":[0,[1,[2]]]}") },
  { "all-escapes", LIT ("\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u0041 \\u00e9 \\u00E9 \\uFFFF\"") },
  { "surrogate-pair", LIT ("\"\\uD83D\\uDE00\"") },
  { "surrogate-pair-lowercase", LIT ("[\"\\ud834\\udd1e\"]") },
  { "surrogate-pair-edges", LIT ("[\"\\uD800\\uDC00\",\"\\uDBFF\\uDFFF\"]") },
  { "escaped-slash-and-quote-in-name", LIT ("{\"a\\/b\":1,\"a\\\"b\":2}") },
  { "polish", LIT ("{\"tekst\":\"zażółć gęślą jaźń\",\"ZAŻÓŁĆ\":\"GĘŚLĄ JAŹŃ\"}") },
  { "polish-name-escaped", LIT ("{\"\\u017c\\u00f3\\u0142\\u0107\":\"żółć\"}") },
  { "utf8-4-byte", LIT ("\"😀 𝄞\"") },
  { "utf8-max", LIT ("\"\xF4\x8F\xBF\xBF\"") },
  { "utf8-noncharacter", LIT ("\"\xEF\xBF\xBF\xEF\xBF\xBE\"") },
  { "utf8-last-before-surrogates", LIT ("\"\xED\x9F\xBF\xEE\x80\x80\"") },
  { "del-in-string", LIT ("\"\x7F\"") },
  { "max-safe-integer", LIT ("9007199254740991") },
  { "min-safe-integer", LIT ("-9007199254740991") },
  { "negative-integer", LIT ("[-1,-42,-1000000]") },
  { "zero", LIT ("0") },
  { "negative-zero", LIT ("-0") },
  { "integers-in-object", LIT ("{\"a\":0,\"b\":10,\"c\":-10,\"d\":1234567890123456}") },
  { "top-level-number", LIT ("42") },
  { "top-level-string", LIT ("\"text\"") },
  { "top-level-empty-string", LIT ("\"\"") },
  { "top-level-true", LIT ("true") },
  { "top-level-false", LIT ("false") },
  { "top-level-null", LIT ("null") },
  { "whitespace-around", LIT (" \t\r\n{ \"a\" : [ 1 , 2 ] }\n\t\r ") },
  { "whitespace-around-scalar", LIT ("\n 7 \n") },
  { "empty-name", LIT ("{\"\":1}") },
  { "names-differ-in-case", LIT ("{\"a\":1,\"A\":2}") },
  { "same-name-in-sibling-objects",
    LIT ("{\"a\":{\"a\":1},\"b\":{\"a\":2},\"c\":[{\"a\":3},{\"a\":4}]}") },
  { "same-name-in-nested-objects", LIT ("{\"a\":{\"a\":{\"a\":1}}}") },
  { "name-prefixes", LIT ("{\"a\":1,\"ab\":2,\"abc\":3,\"b\":4}") },
  /* Unicode normalisation is not applied: these names are different bytes. */
  { "precomposed-vs-decomposed", LIT ("{\"\xC3\xA9\":1,\"e\xCC\x81\":2}") },
  { "name-equal-to-value", LIT ("{\"a\":\"a\"}") },
};

static const BadCase bad_cases[] = {
  /* Nothing */
  { "empty", LIT (""), SYNTAX },
  { "only-whitespace", LIT (" \n\t\r "), SYNTAX },
  { "only-nul", LIT ("\0"), SYNTAX },

  /* Numbers */
  { "huge-number", LIT ("10000000000000000999"), NUMBER },
  { "max-safe-plus-one", LIT ("9007199254740992"), NUMBER },
  { "min-safe-minus-one", LIT ("-9007199254740992"), NUMBER },
  { "seventeen-digits", LIT ("[10000000000000000]"), NUMBER },
  { "uint64-max", LIT ("18446744073709551615"), NUMBER },
  { "uint64-wraps", LIT ("18446744073709551617"), NUMBER },
  { "very-long-number",
    LIT ("[123456789012345678901234567890123456789012345678901234567890]"), NUMBER },
  { "fraction", LIT ("1.5"), NUMBER },
  { "fraction-zero", LIT ("[1.0]"), NUMBER },
  { "negative-fraction", LIT ("-0.0"), NUMBER },
  { "exponent", LIT ("1e3"), NUMBER },
  { "exponent-upper-plus", LIT ("{\"a\":1E+2}"), NUMBER },
  { "exponent-minus", LIT ("1e-2"), NUMBER },
  { "zero-exponent", LIT ("0e0"), NUMBER },
  { "fraction-and-exponent", LIT ("1.5e10"), NUMBER },
  { "huge-exponent", LIT ("1e999999999"), NUMBER },
  { "fraction-without-digits", LIT ("1."), SYNTAX },
  { "fraction-then-exponent-without-digits", LIT ("[1.e3]"), SYNTAX },
  { "exponent-without-digits", LIT ("1e"), SYNTAX },
  { "exponent-sign-without-digits", LIT ("[1e+]"), SYNTAX },
  { "leading-zero", LIT ("01"), SYNTAX },
  { "leading-zero-in-array", LIT ("[007]"), SYNTAX },
  { "negative-leading-zero", LIT ("-01"), SYNTAX },
  { "double-zero", LIT ("00"), SYNTAX },
  { "minus-alone", LIT ("-"), SYNTAX },
  { "minus-in-array", LIT ("[-]"), SYNTAX },
  { "double-minus", LIT ("--1"), SYNTAX },
  { "plus", LIT ("+1"), SYNTAX },
  { "leading-dot", LIT (".5"), SYNTAX },
  { "minus-dot", LIT ("-.5"), SYNTAX },
  { "nan", LIT ("NaN"), SYNTAX },
  { "infinity", LIT ("Infinity"), SYNTAX },
  { "minus-infinity", LIT ("[-Infinity]"), SYNTAX },
  { "hex-number", LIT ("0x10"), SYNTAX },
  { "number-with-letters", LIT ("[12abc]"), SYNTAX },
  { "number-with-space", LIT ("[1 000]"), SYNTAX },

  /* Structure */
  { "comment-block", LIT ("/* c */ {}"), SYNTAX },
  { "comment-line-after", LIT ("{} // c"), SYNTAX },
  { "comment-inside", LIT ("[1,/* x */2]"), SYNTAX },
  { "comment-hash", LIT ("# c\n{}"), SYNTAX },
  { "single-quoted-name", LIT ("{'a':1}"), SYNTAX },
  { "single-quoted-value", LIT ("['a']"), SYNTAX },
  { "trailing-comma-array", LIT ("[1,]"), SYNTAX },
  { "trailing-comma-object", LIT ("{\"a\":1,}"), SYNTAX },
  { "leading-comma-array", LIT ("[,1]"), SYNTAX },
  { "double-comma", LIT ("[1,,2]"), SYNTAX },
  { "only-comma-array", LIT ("[,]"), SYNTAX },
  { "only-comma-object", LIT ("{,}"), SYNTAX },
  { "missing-comma-array", LIT ("[1 2]"), SYNTAX },
  { "missing-comma-strings", LIT ("[\"a\" \"b\"]"), SYNTAX },
  { "missing-comma-object", LIT ("{\"a\":1 \"b\":2}"), SYNTAX },
  { "unquoted-name", LIT ("{a:1}"), SYNTAX },
  { "number-as-name", LIT ("{1:1}"), SYNTAX },
  { "null-as-name", LIT ("{null:1}"), SYNTAX },
  { "name-without-value", LIT ("{\"a\"}"), SYNTAX },
  { "name-colon-without-value", LIT ("{\"a\":}"), SYNTAX },
  { "missing-colon", LIT ("{\"a\" 1}"), SYNTAX },
  { "equals-instead-of-colon", LIT ("{\"a\"=1}"), SYNTAX },
  { "double-colon", LIT ("{\"a\"::1}"), SYNTAX },
  { "colon-without-name", LIT ("{:1}"), SYNTAX },
  { "array-with-colon", LIT ("[\"a\":1]"), SYNTAX },
  { "mismatched-close-array", LIT ("[}"), SYNTAX },
  { "mismatched-close-object", LIT ("{]"), SYNTAX },
  { "mismatched-close-nested", LIT ("[{\"a\":[1}]"), SYNTAX },
  { "close-only", LIT ("]"), SYNTAX },
  { "unclosed-array", LIT ("[1,2"), SYNTAX },
  { "unclosed-object", LIT ("{\"a\":1"), SYNTAX },
  { "unclosed-string", LIT ("\"abc"), SYNTAX },
  { "truncated-true", LIT ("tru"), SYNTAX },
  { "truncated-null-in-array", LIT ("[nul"), SYNTAX },
  { "capital-true", LIT ("True"), SYNTAX },
  { "misspelt-false", LIT ("[fals]"), SYNTAX },
  { "literal-with-suffix", LIT ("nulll"), SYNTAX },
  { "literals-glued", LIT ("[truefalse]"), SYNTAX },
  { "undefined", LIT ("undefined"), SYNTAX },
  { "bare-word", LIT ("[abc]"), SYNTAX },
  { "polish-letter-outside-string", LIT ("[\xC5\xBC]"), SYNTAX },

  /* Whitespace other than space, tab, LF and CR */
  { "form-feed-whitespace", LIT ("\x0C{}"), SYNTAX },
  { "vertical-tab-whitespace", LIT ("{}\x0B"), SYNTAX },
  { "no-break-space-whitespace", LIT ("\xC2\xA0{}"), SYNTAX },
  { "nul-after-value", LIT ("{}\0"), SYNTAX },
  { "nul-inside-array", LIT ("[1,\0 2]"), SYNTAX },

  /* Strings */
  { "raw-tab", LIT ("\"a\tb\""), SYNTAX },
  { "raw-newline", LIT ("[\"a\nb\"]"), SYNTAX },
  { "raw-carriage-return", LIT ("\"\r\""), SYNTAX },
  { "raw-nul", LIT ("\"a\0b\""), SYNTAX },
  { "raw-unit-separator", LIT ("\"\x1F\""), SYNTAX },
  { "raw-newline-in-name", LIT ("{\"a\nb\":1}"), SYNTAX },
  { "escaped-nul", LIT ("\"\\u0000\""), ENCODING },
  { "escaped-nul-in-name", LIT ("{\"a\\u0000\":1}"), ENCODING },
  { "lone-high-surrogate", LIT ("\"\\uD800\""), ENCODING },
  { "lone-high-surrogate-max", LIT ("[\"\\uDBFF\"]"), ENCODING },
  { "lone-low-surrogate", LIT ("\"\\uDC00\""), ENCODING },
  { "lone-low-surrogate-max", LIT ("\"x\\uDFFFx\""), ENCODING },
  { "reversed-surrogates", LIT ("\"\\uDE00\\uD83D\""), ENCODING },
  { "high-surrogate-then-letter", LIT ("\"\\uD800x\""), ENCODING },
  { "high-surrogate-then-escape", LIT ("\"\\uD800\\n\""), ENCODING },
  { "high-surrogate-then-non-surrogate", LIT ("\"\\uD800\\u0041\""), ENCODING },
  { "two-high-surrogates", LIT ("\"\\uD800\\uD800\""), ENCODING },
  { "lone-surrogate-in-name", LIT ("{\"\\uD800\":1}"), ENCODING },
  { "bad-escape-x", LIT ("\"\\x41\""), SYNTAX },
  { "bad-escape-short-u", LIT ("\"\\u12\""), SYNTAX },
  { "bad-escape-u-non-hex", LIT ("\"\\u12G4\""), SYNTAX },
  { "bad-escape-capital-u", LIT ("\"\\U0041\""), SYNTAX },
  { "bad-escape-single-quote", LIT ("\"\\'\""), SYNTAX },
  { "bad-escape-a", LIT ("\"\\a\""), SYNTAX },
  { "bad-escape-zero", LIT ("\"\\0\""), SYNTAX },
  { "bad-escape-newline", LIT ("\"\\\n\""), SYNTAX },
  { "bad-escape-polish", LIT ("\"\\ż\""), SYNTAX },
  { "bad-escape-in-low-surrogate", LIT ("\"\\uD800\\uDCxx\""), SYNTAX },
  { "backslash-at-end", LIT ("\"\\"), SYNTAX },
  { "short-u-at-end", LIT ("\"\\u00"), SYNTAX },
  { "high-surrogate-at-end", LIT ("\"\\uD800"), SYNTAX },

  /* UTF-8 */
  { "overlong-slash", LIT ("\"\xC0\xAF\""), ENCODING },
  { "overlong-c1", LIT ("\"\xC1\xBF\""), ENCODING },
  { "overlong-3-byte", LIT ("\"\xE0\x80\xAF\""), ENCODING },
  { "overlong-4-byte", LIT ("\"\xF0\x80\x80\xAF\""), ENCODING },
  { "byte-ff", LIT ("\"\xFF\""), ENCODING },
  { "byte-fe", LIT ("[\"a\xFE\"]"), ENCODING },
  { "lone-continuation", LIT ("\"\x80\""), ENCODING },
  { "truncated-multibyte-at-end", LIT ("\"abc\xC5"), ENCODING },
  { "truncated-multibyte-before-quote", LIT ("\"\xC5\""), ENCODING },
  { "truncated-3-byte", LIT ("\"\xE2\x82\""), ENCODING },
  { "truncated-4-byte", LIT ("\"\xF0\x9F\x98\""), ENCODING },
  { "utf8-surrogate-high", LIT ("\"\xED\xA0\x80\""), ENCODING },
  { "utf8-surrogate-low", LIT ("\"\xED\xBF\xBF\""), ENCODING },
  { "utf8-surrogate-pair", LIT ("\"\xED\xA0\xBD\xED\xB8\x80\""), ENCODING },
  { "above-max", LIT ("\"\xF4\x90\x80\x80\""), ENCODING },
  { "five-byte-form", LIT ("\"\xF8\x88\x80\x80\x80\""), ENCODING },
  { "latin2-byte", LIT ("\"\xBF\xF3\xB3\xE6\""), ENCODING },
  { "invalid-byte-in-name", LIT ("{\"\xFF\":1}"), ENCODING },
  { "invalid-byte-outside-string", LIT ("\xFF"), ENCODING },
  { "invalid-byte-in-array", LIT ("[1,\xC0]"), ENCODING },
  { "utf16le", LIT ("{\0}\0"), SYNTAX },
  { "bom", LIT ("\xEF\xBB\xBF{}"), SYNTAX },
  { "bom-scalar", LIT ("\xEF\xBB\xBF" "1"), SYNTAX },
  { "bom-alone", LIT ("\xEF\xBB\xBF"), SYNTAX },

  /* Top level */
  { "garbage-after-object", LIT ("{} x"), SYNTAX },
  { "extra-close", LIT ("[]]"), SYNTAX },
  { "two-objects", LIT ("{}{}"), SYNTAX },
  { "two-objects-lines", LIT ("{\"a\":1}\n{\"a\":2}\n"), SYNTAX },
  { "two-numbers", LIT ("1 2"), SYNTAX },
  { "two-strings", LIT ("\"a\" \"b\""), SYNTAX },
  { "comma-after-value", LIT ("1,"), SYNTAX },
  { "invalid-utf8-after-value", LIT ("{}\xFF"), SYNTAX },

  /* Duplicate names */
  { "duplicate-name", LIT ("{\"a\":1,\"a\":2}"), DUPLICATE },
  { "duplicate-name-same-value", LIT ("{\"a\":1,\"b\":2,\"a\":1}"), DUPLICATE },
  { "duplicate-name-escaped", LIT ("{\"a\":1,\"\\u0061\":2}"), DUPLICATE },
  { "duplicate-name-both-escaped", LIT ("{\"\\u0061\":1,\"\\u0061\":2}"), DUPLICATE },
  { "duplicate-name-polish", LIT ("{\"żółć\":1,\"\\u017c\\u00f3\\u0142\\u0107\":2}"), DUPLICATE },
  { "duplicate-name-surrogates", LIT ("{\"\\uD83D\\uDE00\":1,\"😀\":2}"), DUPLICATE },
  { "duplicate-name-slash", LIT ("{\"a\\/b\":1,\"a/b\":2}"), DUPLICATE },
  { "duplicate-empty-name", LIT ("{\"\":1,\"\":2}"), DUPLICATE },
  { "duplicate-name-nested", LIT ("{\"x\":{\"a\":1,\"b\":2,\"a\":3}}"), DUPLICATE },
  { "duplicate-name-in-array", LIT ("[{\"a\":1},{\"a\":1,\"a\":1}]"), DUPLICATE },
  { "duplicate-name-after-nested", LIT ("{\"a\":{\"b\":1},\"b\":{\"a\":2},\"a\":3}"), DUPLICATE },
};

/* A document with a bit of everything, for the truncation and mutation
 * tests. */
static const char sample_document[] =
  "{\"kind\":\"packet\",\"version\":1,\"records\":[{\"id\":\"01HZX\",\"name\":\"Zażółć "
  "gęślą jaźń\",\"seats\":-15,\"ok\":true,\"no\":false,\"none\":null,"
  "\"esc\":\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u0041\\uD83D\\uDE00\",\"emoji\":\"😀\","
  "\"big\":9007199254740991,\"list\":[[],{},[0,[1,[2]]]]}], \"empty\" : { } }\n";

static const GoodCase *
find_good (const char *name)
{
  for (gsize i = 0; i < G_N_ELEMENTS (good_cases); i++)
    if (g_str_equal (good_cases[i].name, name))
      return &good_cases[i];
  g_assert_not_reached ();
}

static void
check_error_sane (const GError *error)
{
  g_assert_nonnull (error);
  g_assert_true (error->domain == WSP_JSON_GUARD_ERROR);
  g_assert_cmpint (error->code, >=, WSP_JSON_GUARD_ERROR_TOO_LARGE);
  g_assert_cmpint (error->code, <=, WSP_JSON_GUARD_ERROR_NUMBER);
  g_assert_nonnull (error->message);
  g_assert_cmpuint (strlen (error->message), >, 0);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
}

/* Runs the guard on a heap copy of exactly @length bytes, so that ASan and
 * valgrind catch any read past the end. */
static gboolean
check_copy (const char               *data,
            gsize                     length,
            const WspJsonGuardLimits *limits,
            GError                  **error)
{
  g_autofree char *copy = length > 0 ? g_memdup2 (data, length) : NULL;
  gboolean ok = wsp_json_guard_check (copy, length, limits, error);

  if (error != NULL)
    {
      if (ok)
        g_assert_null (*error);
      else
        check_error_sane (*error);
    }

  return ok;
}

static void
assert_accepted (const char               *data,
                 gsize                     length,
                 const WspJsonGuardLimits *limits)
{
  g_autoptr(GError) error = NULL;

  if (!check_copy (data, length, limits, &error))
    g_error ("refused: %s", error->message);
}

/* Asserts that the guard refuses @data with @code, and returns the message. */
static char *
assert_refused (const char               *data,
                gsize                     length,
                const WspJsonGuardLimits *limits,
                int                       code)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (check_copy (data, length, limits, &error));
  g_test_message ("%s", error->message);
  g_assert_error (error, WSP_JSON_GUARD_ERROR, code);

  /* Also without an error location. */
  g_assert_false (check_copy (data, length, limits, NULL));

  return g_strdup (error->message);
}

static void
assert_message_contains (const char *message,
                         const char *fragment)
{
  if (strstr (message, fragment) == NULL)
    g_error ("“%s” not found in “%s”", fragment, message);
}

/* Whether json-glib reads @data into a document with a root. */
static gboolean
json_glib_reads (const char *data,
                 gsize       length)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *copy = g_strndup (data, length);

  return json_parser_load_from_data (parser, copy, (gssize) length, NULL)
         && json_parser_get_root (parser) != NULL;
}

static void
test_good (gconstpointer data)
{
  const GoodCase *c = data;

  assert_accepted (c->data, c->length, NULL);
  /* What the guard lets through must be safe for json-glib. */
  g_assert_true (json_glib_reads (c->data, c->length));
}

static void
test_bad (gconstpointer data)
{
  const BadCase *c = data;

  g_free (assert_refused (c->data, c->length, NULL, c->code));
}

static void
test_quark (void)
{
  g_assert_cmpstr (g_quark_to_string (WSP_JSON_GUARD_ERROR), ==, "wsp-json-guard-error-quark");
}

static void
test_null_data (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (wsp_json_guard_check (NULL, 0, NULL, &error));
  g_assert_error (error, WSP_JSON_GUARD_ERROR, WSP_JSON_GUARD_ERROR_SYNTAX);
  g_assert_cmpstr (error->message, ==, "The file is empty.");
}

/* Only the given length counts, not a NUL terminator. */
static void
test_length_not_nul (void)
{
  const char *text = "{\"a\":1} and more";

  assert_accepted (text, 7, NULL);
  g_assert_true (wsp_json_guard_check (text, 7, NULL, NULL));
  g_free (assert_refused (text, 9, NULL, WSP_JSON_GUARD_ERROR_SYNTAX));
  g_free (assert_refused (text, 6, NULL, WSP_JSON_GUARD_ERROR_SYNTAX));
}

static void
test_messages (void)
{
  struct
  {
    const char *data;
    const char *fragment;
  } cases[] = {
    { "", "The file is empty." },
    { "  \n", "The file is empty." },
    { "{} x", "there is more data after its end, at byte 4." },
    { "[1 2]", "unexpected character “2” at byte 4." },
    { "[1,]", "unexpected character “]” at byte 4." },
    { "[\xC5\xBC]", "unexpected character “ż” at byte 2." },
    { "[\x01]", "(code 1) at byte 2." },
    { "[\"a\xFF\"]", "not valid UTF-8 text at byte 4." },
    { "[1,2", "incomplete: it ends unexpectedly after byte 4." },
    { "\"a\tb\"", "raw tab, line break or other control character at byte 3." },
    { "[\"\\x\"]", "invalid escape sequence" },
    { "\"\\u0000\"", "zero character (\\u0000) at byte 2" },
    { "\"ab\\uD800\"", "unpaired surrogate) at byte 4." },
    { "[01]", "superfluous zero at byte 2." },
    { "[1.5]", "“1.5” at byte 2: only whole numbers are allowed." },
    { "[9007199254740992]",
      "“9007199254740992” at byte 2: whole numbers must be between −9007199254740991 and "
      "9007199254740991." },
    { "[123456789012345678901234567890]", "“123456789012345678901234…”" },
    { "\xEF\xBB\xBF{}", "byte order mark" },
    { "{\"żółć\":1,\"\\u017c\\u00f3\\u0142\\u0107\":2}",
      "the name “żółć” twice in one object, so it is ambiguous (the second time at byte 15)." },
    { "{\"a\\nb\":1,\"a\\nb\":2}", "the name “a�b” twice" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (check_copy (cases[i].data, strlen (cases[i].data), NULL, &error));
      assert_message_contains (error->message, cases[i].fragment);
    }
}

static void
test_long_duplicate_name_shortened (void)
{
  g_autoptr(GString) doc = g_string_new ("{\"");
  g_autofree char *message = NULL;
  g_autofree char *name = NULL;

  for (guint i = 0; i < 200; i++)
    g_string_append (doc, "ż");
  name = g_strndup (doc->str + 2, doc->len - 2);
  g_string_append_printf (doc, "\":1,\"%s\":2}", name);

  message = assert_refused (doc->str, doc->len, NULL, WSP_JSON_GUARD_ERROR_DUPLICATE_KEY);
  g_assert_cmpuint (g_utf8_strlen (message, -1), <, 200);
  assert_message_contains (message, "żżż…”");
}

/* Returns @depth nested arrays, or objects when @objects. */
static GString *
nested (guint    depth,
        gboolean objects)
{
  GString *doc = g_string_new (NULL);

  for (guint i = 0; i < depth; i++)
    g_string_append (doc, objects ? "{\"a\":" : "[");
  g_string_append (doc, "1");
  for (guint i = 0; i < depth; i++)
    g_string_append_c (doc, objects ? '}' : ']');

  return doc;
}

static void
test_depth (void)
{
  for (int objects = 0; objects <= 1; objects++)
    {
      g_autoptr(GString) at_limit = nested (WSP_JSON_GUARD_DEFAULT_MAX_DEPTH, objects);
      g_autoptr(GString) over = nested (WSP_JSON_GUARD_DEFAULT_MAX_DEPTH + 1, objects);
      g_autofree char *message = NULL;

      assert_accepted (at_limit->str, at_limit->len, NULL);
      g_assert_true (json_glib_reads (at_limit->str, at_limit->len));

      message = assert_refused (over->str, over->len, NULL, WSP_JSON_GUARD_ERROR_TOO_DEEP);
      g_assert_cmpstr (message, ==,
                       "The file is nested too deeply (more than 32 levels), so it was not read.");
    }
}

static void
test_depth_custom (void)
{
  WspJsonGuardLimits one = { 0, 1 };
  WspJsonGuardLimits deep = { 0, 1000 };
  g_autoptr(GString) d1000 = nested (1000, FALSE);
  g_autoptr(GString) d1001 = nested (1001, TRUE);
  g_autofree char *m1 = NULL;
  g_autofree char *m2 = NULL;
  g_autofree char *m3 = NULL;

  assert_accepted (LIT ("7"), &one);
  assert_accepted (LIT ("[1,2,\"x\"]"), &one);
  assert_accepted (LIT ("{\"a\":1}"), &one);
  m1 = assert_refused (LIT ("[[]]"), &one, WSP_JSON_GUARD_ERROR_TOO_DEEP);
  g_assert_cmpstr (m1, ==,
                   "The file is nested too deeply (more than 1 level), so it was not read.");
  m2 = assert_refused (LIT ("{\"a\":{}}"), &one, WSP_JSON_GUARD_ERROR_TOO_DEEP);

  assert_accepted (d1000->str, d1000->len, &deep);
  m3 = assert_refused (d1001->str, d1001->len, &deep, WSP_JSON_GUARD_ERROR_TOO_DEEP);
}

/* 100 000 opening brackets overflow json-glib's stack; the guard stops at
 * the limit without looking further. */
static void
test_depth_huge (void)
{
  const gsize n = 100000;
  g_autofree char *brackets = g_malloc (n);
  g_autoptr(GString) objects = g_string_new (NULL);
  g_autoptr(GString) mixed = g_string_new (NULL);
  g_autofree char *m1 = NULL;
  g_autofree char *m2 = NULL;
  g_autofree char *m3 = NULL;

  memset (brackets, '[', n);
  for (gsize i = 0; i < n / 5; i++)
    g_string_append (objects, "{\"a\":");
  for (gsize i = 0; i < n / 6; i++)
    g_string_append (mixed, "[{\"\":");

  g_test_timer_start ();
  m1 = assert_refused (brackets, n, NULL, WSP_JSON_GUARD_ERROR_TOO_DEEP);
  m2 = assert_refused (objects->str, objects->len, NULL, WSP_JSON_GUARD_ERROR_TOO_DEEP);
  m3 = assert_refused (mixed->str, mixed->len, NULL, WSP_JSON_GUARD_ERROR_TOO_DEEP);
  g_assert_cmpfloat (g_test_timer_elapsed (), <, 1.0);

  /* Also with a limit so high that the end of the data comes first. */
  {
    WspJsonGuardLimits limits = { 0, G_MAXUINT };
    g_autofree char *m4 = assert_refused (brackets, n, &limits, WSP_JSON_GUARD_ERROR_SYNTAX);

    assert_message_contains (m4, "incomplete");
  }
}

static void
test_too_large (void)
{
  WspJsonGuardLimits small = { 4, 0 };
  WspJsonGuardLimits exact = { 7, 0 };
  g_autofree char *message = NULL;
  g_autofree char *empty = NULL;

  message = assert_refused (LIT ("{\"a\":1}"), &small, WSP_JSON_GUARD_ERROR_TOO_LARGE);
  g_assert_cmpstr (message, ==, "The file is too large (7 bytes; the limit is 4 bytes).");

  assert_accepted (LIT ("{\"a\":1}"), &exact);
  assert_accepted (LIT ("[]"), &small);

  /* The size is checked before anything else. */
  empty = assert_refused (LIT ("     "), &small, WSP_JSON_GUARD_ERROR_TOO_LARGE);
}

static void
test_integer_bounds (void)
{
  char buf[64];

  /* Every power of ten up to 10^15 and its neighbours are fine... */
  for (gint64 v = 1; v <= G_GINT64_CONSTANT (1000000000000000); v *= 10)
    {
      for (gint64 d = -1; d <= 1; d++)
        {
          g_snprintf (buf, sizeof buf, "%" G_GINT64_FORMAT, v + d);
          assert_accepted (buf, strlen (buf), NULL);
          g_snprintf (buf, sizeof buf, "[%" G_GINT64_FORMAT "]", -(v + d));
          assert_accepted (buf, strlen (buf), NULL);
        }
    }

  /* ...as is everything near the bound on this side of it, and nothing
   * on the other side. */
  for (gint64 d = -3; d <= 3; d++)
    {
      gint64 v = WSP_JSON_GUARD_MAX_SAFE_INTEGER + d;

      g_snprintf (buf, sizeof buf, "%" G_GINT64_FORMAT, v);
      if (d <= 0)
        assert_accepted (buf, strlen (buf), NULL);
      else
        g_free (assert_refused (buf, strlen (buf), NULL, WSP_JSON_GUARD_ERROR_NUMBER));

      g_snprintf (buf, sizeof buf, "{\"n\":%" G_GINT64_FORMAT "}", -v);
      if (d <= 0)
        assert_accepted (buf, strlen (buf), NULL);
      else
        g_free (assert_refused (buf, strlen (buf), NULL, WSP_JSON_GUARD_ERROR_NUMBER));
    }

  /* 2^64 + 1 would wrap to 1 in a 64-bit accumulator. */
  g_free (assert_refused (LIT ("18446744073709551617"), NULL, WSP_JSON_GUARD_ERROR_NUMBER));
  g_free (assert_refused (LIT ("90071992547409910"), NULL, WSP_JSON_GUARD_ERROR_NUMBER));
}

static void
test_sample_document (void)
{
  assert_accepted (sample_document, strlen (sample_document), NULL);
  g_assert_true (json_glib_reads (sample_document, strlen (sample_document)));
}

/* Every proper prefix of a valid document is refused, except where only
 * trailing whitespace was cut off. */
static void
test_truncated (void)
{
  const char *docs[] = {
    sample_document,
    find_good ("polish")->data,
    find_good ("all-escapes")->data,
    find_good ("surrogate-pair")->data,
    find_good ("nested")->data,
    find_good ("whitespace-around")->data,
    find_good ("utf8-4-byte")->data,
  };

  for (gsize d = 0; d < G_N_ELEMENTS (docs); d++)
    {
      gsize len = strlen (docs[d]);
      gsize end = len;

      while (end > 0 && strchr (" \t\r\n", docs[d][end - 1]) != NULL)
        end--;

      for (gsize cut = 0; cut < len; cut++)
        {
          g_autoptr(GError) error = NULL;

          if (cut >= end)
            {
              assert_accepted (docs[d], cut, NULL);
              continue;
            }

          g_assert_false (check_copy (docs[d], cut, NULL, &error));
          if (!g_error_matches (error, WSP_JSON_GUARD_ERROR, WSP_JSON_GUARD_ERROR_SYNTAX)
              && !g_error_matches (error, WSP_JSON_GUARD_ERROR, WSP_JSON_GUARD_ERROR_ENCODING))
            g_error ("prefix %" G_GSIZE_FORMAT " of document %" G_GSIZE_FORMAT ": %s", cut, d,
                     error->message);
        }
    }

  /* A number cut short is still a number, except for the sign alone. */
  {
    const char *number = "-9007199254740991";

    g_free (assert_refused (number, 0, NULL, WSP_JSON_GUARD_ERROR_SYNTAX));
    g_free (assert_refused (number, 1, NULL, WSP_JSON_GUARD_ERROR_SYNTAX));
    for (gsize cut = 2; cut <= strlen (number); cut++)
      assert_accepted (number, cut, NULL);
  }
}

/* An object with many members, as packets have, is checked quickly. */
static void
test_many_members (void)
{
  g_autoptr(GString) doc = g_string_new ("{");
  g_autofree char *message = NULL;
  const guint n = 20000;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (doc, "%s\"member-%u\":%u", i > 0 ? "," : "", i, i);
  g_string_append_c (doc, '}');

  g_test_timer_start ();
  assert_accepted (doc->str, doc->len, NULL);

  /* The same name as the first, but escaped, at the very end. */
  g_string_truncate (doc, doc->len - 1);
  g_string_append (doc, ",\"\\u006dember-0\":0}");
  message = assert_refused (doc->str, doc->len, NULL, WSP_JSON_GUARD_ERROR_DUPLICATE_KEY);
  assert_message_contains (message, "“member-0”");
  g_assert_cmpfloat (g_test_timer_elapsed (), <, 5.0);
}

/* Strings of random bytes without quotes, backslashes and control
 * characters are accepted exactly when GLib thinks they are UTF-8. */
static void
test_utf8_agrees_with_glib (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (8259);
  guchar buf[32];

  for (guint iter = 0; iter < 20000; iter++)
    {
      gsize len = (gsize) g_rand_int_range (rand, 0, 12);
      g_autoptr(GString) doc = g_string_new ("\"");
      gboolean expected;
      gboolean ok;

      for (gsize i = 0; i < len; i++)
        {
          guchar c;

          do
            {
              /* Mostly lead and continuation bytes, for interesting sequences. */
              if (g_rand_int_range (rand, 0, 4) == 0)
                c = (guchar) g_rand_int_range (rand, 0x20, 0x80);
              else
                c = (guchar) g_rand_int_range (rand, 0x80, 0x100);
            }
          while (c == '"' || c == '\\');
          buf[i] = c;
        }

      expected = g_utf8_validate_len ((const char *) buf, len, NULL);
      g_string_append_len (doc, (const char *) buf, (gssize) len);
      g_string_append_c (doc, '"');

      {
        g_autoptr(GError) error = NULL;

        ok = check_copy (doc->str, doc->len, NULL, &error);
        if (ok != expected)
          g_error ("iteration %u: guard says %d, GLib says %d", iter, ok, expected);
        if (!ok)
          g_assert_error (error, WSP_JSON_GUARD_ERROR, WSP_JSON_GUARD_ERROR_ENCODING);
      }
    }
}

/* Random bytes never crash the guard, and what it accepts json-glib can
 * read. */
static void
test_random_bytes (void)
{
  static const char alphabet[] =
    "{}[],:\"\\ \t\n0123456789-+.eEtrufalsn/u\x01\x7F\xC5\xBC\xED\xA0\xFF";
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240601);
  guchar buf[64];
  guint accepted = 0;

  for (guint iter = 0; iter < 20000; iter++)
    {
      gsize len = (gsize) g_rand_int_range (rand, 0, 65);
      gboolean structured = g_rand_boolean (rand);
      g_autoptr(GError) error = NULL;

      for (gsize i = 0; i < len; i++)
        {
          if (structured)
            buf[i] = (guchar) alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)];
          else
            buf[i] = (guchar) g_rand_int_range (rand, 0, 256);
        }

      if (check_copy ((const char *) buf, len, NULL, &error))
        {
          accepted++;
          g_assert_true (json_glib_reads ((const char *) buf, len));
        }
    }

  g_test_message ("%u of 20000 random inputs accepted", accepted);
}

/* Flipping, inserting and deleting bytes of a valid document never crashes
 * the guard; whatever it still accepts json-glib can read. */
static void
test_random_mutations (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (1989);
  const gsize base_len = strlen (sample_document);
  guint accepted = 0;
  guint counts[WSP_JSON_GUARD_ERROR_NUMBER + 1] = { 0 };

  for (guint iter = 0; iter < 20000; iter++)
    {
      g_autoptr(GByteArray) doc = g_byte_array_new ();
      g_autoptr(GError) error = NULL;
      guint mutations = (guint) g_rand_int_range (rand, 1, 4);

      g_byte_array_append (doc, (const guint8 *) sample_document, (guint) base_len);

      for (guint m = 0; m < mutations; m++)
        {
          guint at = doc->len > 0 ? (guint) g_rand_int_range (rand, 0, (gint32) doc->len) : 0;
          guint8 byte = (guint8) g_rand_int_range (rand, 0, 256);

          switch (g_rand_int_range (rand, 0, 3))
            {
            case 0: /* flip one bit, or replace the byte */
              if (doc->len == 0)
                break;
              if (g_rand_boolean (rand))
                doc->data[at] ^= (guint8) (1u << g_rand_int_range (rand, 0, 8));
              else
                doc->data[at] = byte;
              break;

            case 1: /* insert, often a structural character */
              if (g_rand_boolean (rand))
                byte = (guint8) "{}[],:\"\\0-.e"[g_rand_int_range (rand, 0, 12)];
              g_array_insert_vals ((GArray *) doc, at, &byte, 1);
              break;

            default: /* delete */
              if (doc->len > 0)
                g_byte_array_remove_index (doc, at);
              break;
            }
        }

      if (check_copy ((const char *) doc->data, doc->len, NULL, &error))
        {
          accepted++;
          g_assert_true (json_glib_reads ((const char *) doc->data, doc->len));
        }
      else
        counts[error->code]++;
    }

  g_test_message ("%u of 20000 mutations accepted; refused: syntax %u, encoding %u, "
                  "duplicate %u, number %u, deep %u",
                  accepted, counts[WSP_JSON_GUARD_ERROR_SYNTAX],
                  counts[WSP_JSON_GUARD_ERROR_ENCODING], counts[WSP_JSON_GUARD_ERROR_DUPLICATE_KEY],
                  counts[WSP_JSON_GUARD_ERROR_NUMBER], counts[WSP_JSON_GUARD_ERROR_TOO_DEEP]);
  g_assert_cmpuint (accepted, >, 0);
  g_assert_cmpuint (counts[WSP_JSON_GUARD_ERROR_SYNTAX], >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json-guard/quark", test_quark);
  g_test_add_func ("/json-guard/null-data", test_null_data);
  g_test_add_func ("/json-guard/length-not-nul", test_length_not_nul);
  g_test_add_func ("/json-guard/messages", test_messages);
  g_test_add_func ("/json-guard/long-duplicate-name-shortened", test_long_duplicate_name_shortened);
  g_test_add_func ("/json-guard/depth", test_depth);
  g_test_add_func ("/json-guard/depth-custom", test_depth_custom);
  g_test_add_func ("/json-guard/depth-huge", test_depth_huge);
  g_test_add_func ("/json-guard/too-large", test_too_large);
  g_test_add_func ("/json-guard/integer-bounds", test_integer_bounds);
  g_test_add_func ("/json-guard/sample-document", test_sample_document);
  g_test_add_func ("/json-guard/truncated", test_truncated);
  g_test_add_func ("/json-guard/many-members", test_many_members);
  g_test_add_func ("/json-guard/utf8-agrees-with-glib", test_utf8_agrees_with_glib);
  g_test_add_func ("/json-guard/random-bytes", test_random_bytes);
  g_test_add_func ("/json-guard/random-mutations", test_random_mutations);

  for (gsize i = 0; i < G_N_ELEMENTS (good_cases); i++)
    {
      g_autofree char *path = g_strconcat ("/json-guard/accept/", good_cases[i].name, NULL);

      g_test_add_data_func (path, &good_cases[i], test_good);
    }

  for (gsize i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *path = g_strconcat ("/json-guard/refuse/", bad_cases[i].name, NULL);

      g_test_add_data_func (path, &bad_cases[i], test_bad);
    }

  return g_test_run ();
}
