/* test-csv-import.c — reading a city's CSV register and importing it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "wsp-test-util.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "import/wsp-csv-import.h"
#include "records/wsp-records-members.h"
#include "store/wsp-store.h"

/* ---- parsing ------------------------------------------------------------- */

static WspCsvTable *
parse_len (const char *data,
           gsize       len,
           GError    **error)
{
  g_autoptr (GBytes) bytes = g_bytes_new (data, len);

  return wsp_csv_table_parse (bytes, error);
}

static WspCsvTable *
parse (const char *text)
{
  g_autoptr (GError) error = NULL;
  WspCsvTable *table = parse_len (text, strlen (text), &error);

  g_assert_no_error (error);
  g_assert_nonnull (table);
  return table;
}

#define LIT(s) s, sizeof (s) - 1

static void
assert_parse_fails (const char *data,
                    gsize       len,
                    int         code)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WspCsvTable) table = parse_len (data, len, &error);

  g_assert_null (table);
  g_assert_error (error, WSP_CSV_ERROR, code);
  g_assert_cmpstr (error->message, !=, "");
}

static void
test_parse_semicolon (void)
{
  g_autoptr (WspCsvTable) table =
    parse ("Nazwa;KRS;Adres\n"
           "Fundacja A;0000100001;ul. Długa 5, 41-200 Sosnowiec\n"
           "Fundacja B;0000100002;ul. Krótka 1, 41-200 Sosnowiec\n");

  g_assert_cmpint (wsp_csv_table_get_separator (table), ==, ';');
  g_assert_cmpstr (wsp_csv_table_get_encoding (table), ==, "UTF-8");
  g_assert_cmpuint (wsp_csv_table_get_n_columns (table), ==, 3);
  g_assert_cmpuint (wsp_csv_table_get_n_rows (table), ==, 2);
  g_assert_cmpuint (wsp_csv_table_get_header_line (table), ==, 1);
  g_assert_cmpstr (wsp_csv_table_get_header (table, 0), ==, "Nazwa");
  g_assert_cmpstr (wsp_csv_table_get_header (table, 2), ==, "Adres");
  g_assert_cmpstr (wsp_csv_table_get_header (table, 3), ==, "");
  g_assert_cmpstr (wsp_csv_table_get_cell (table, 0, 0), ==, "Fundacja A");
  g_assert_cmpstr (wsp_csv_table_get_cell (table, 1, 2), ==, "ul. Krótka 1, 41-200 Sosnowiec");
  g_assert_cmpuint (wsp_csv_table_get_line (table, 0), ==, 2);
  g_assert_cmpuint (wsp_csv_table_get_line (table, 1), ==, 3);
}

static void
test_parse_comma (void)
{
  g_autoptr (WspCsvTable) table =
    parse ("Name,KRS,Notes\n"
           "\"Fundacja A, Sosnowiec\",0000100001,zob. też; inne\n"
           "Fundacja B,0000100002,\n");

  g_assert_cmpint (wsp_csv_table_get_separator (table), ==, ',');
  g_assert_cmpuint (wsp_csv_table_get_n_columns (table), ==, 3);
  g_assert_cmpuint (wsp_csv_table_get_n_rows (table), ==, 2);
  g_assert_cmpstr (wsp_csv_table_get_cell (table, 0, 0), ==, "Fundacja A, Sosnowiec");
  g_assert_cmpstr (wsp_csv_table_get_cell (table, 0, 2), ==, "zob. też; inne");
  g_assert_cmpstr (wsp_csv_table_get_cell (table, 1, 2), ==, "");
}

static void
test_parse_tab (void)
{
  g_autoptr (WspCsvTable) table =
    parse ("Nazwa\tKRS\tAdres\n"
           "Fundacja A\t0000100001\tul. Długa 5, Sosnowiec\n");

  g_assert_cmpint (wsp_csv_table_get_separator (table), ==, '\t');
  g_assert_cmpuint (wsp_csv_table_get_n_columns (table), ==, 3);
  g_assert_cmpstr (wsp_csv_table_get_cell (table, 0, 2), ==, "ul. Długa 5, Sosnowiec");
}

/* Commas in every address of a semicolon file, and in its title. */
static void
test_parse_separator_votes (void)
{
  g_autoptr (WspCsvTable) table =
    parse ("Rejestr organizacji, stan na 31.12.2025\n"
           "Nazwa;Adres;KRS\n"
           "A;ul. X 1, 41-200, Sosnowiec, śląskie;1\n"
           "B;ul. Y 2, 41-200, Sosnowiec, śląskie;2\n"
           "C;ul. Z 3, 41-200, Sosnowiec, śląskie;3\n"
           "D;ul. W 4, 41-200, Sosnowiec, śląskie;4\n");

  g_assert_cmpint (wsp_csv_table_get_separator (table), ==, ';');
  g_assert_cmpuint (wsp_csv_table_get_header_line (table), ==, 2);
  g_assert_cmpuint (wsp_csv_table_get_n_columns (table), ==, 3);
  g_assert_cmpuint (wsp_csv_table_get_n_rows (table), ==, 4);
}

static void
test_parse_quotes (void)
{
  g_autoptr (WspCsvTable) table =
    parse ("a;b;c\n"
           "\"x;y\";\"first line\nsecond line\";\"say \"\"hi\"\"\"\n"
           "next;\"\";\"\"\"\"\n");

  g_assert_cmpuint (wsp_csv_table_get_n_rows (table), ==, 2);
  g_assert_cmpstr (wsp_csv_table_get_cell (table, 0, 0), ==, "x;y");
  g_assert_cmpstr (wsp_csv_table_get_cell (table, 0, 1), ==, "first line\nsecond line");
  g_assert_cmpstr (wsp_csv_table_get_cell (table, 0, 2), ==, "say \"hi\"");
  g_assert_cmpuint (wsp_csv_table_get_line (table, 0), ==, 2);
  g_assert_cmpuint (wsp_csv_table_get_line (table, 1), ==, 4);
  g_assert_cmpstr (wsp_csv_table_get_cell (table, 1, 1), ==, "");
  g_assert_cmpstr (wsp_csv_table_get_cell (table, 1, 2), ==, "\"");
}

static void
test_parse_crlf (void)
{
  g_autoptr (WspCsvTable) table =
    parse ("a;b\r\n"
           "1;\"two\r\nlines\"\r\n"
           "\r\n"
           "3;4\r\n");

  g_assert_cmpuint (wsp_csv_table_get_n_columns (table), ==, 2);
  g_assert_cmpuint (wsp_csv_table_get_n_rows (table), ==, 2);
  g_assert_cmpstr (wsp_csv_table_get_header (table, 1), ==, "b");
  g_assert_cmpstr (wsp_csv_table_get_cell (table, 0, 1), ==, "two\nlines");
  g_assert_cmpstr (wsp_csv_table_get_cell (table, 1, 1), ==, "4");
  g_assert_cmpuint (wsp_csv_table_get_line (table, 0), ==, 2);
  g_assert_cmpuint (wsp_csv_table_get_line (table, 1), ==, 5);
}

/* Old Mac Excel ends lines with CR alone. */
static void
test_parse_cr (void)
{
  g_autoptr (WspCsvTable) table = parse ("a;b\r1;2\r3;4");

  g_assert_cmpuint (wsp_csv_table_get_n_rows (table), ==, 2);
  g_assert_cmpstr (wsp_csv_table_get_cell (table, 1, 1), ==, "4");
  g_assert_cmpuint (wsp_csv_table_get_line (table, 1), ==, 3);
}

static void
test_parse_bom (void)
{
  g_autoptr (WspCsvTable) table = parse ("\xEF\xBB\xBFNazwa;KRS\nFundacja A;0000100001\n");

  g_assert_cmpstr (wsp_csv_table_get_encoding (table), ==, "UTF-8");
  g_assert_cmpstr (wsp_csv_table_get_header (table, 0), ==, "Nazwa");
  g_assert_cmpstr (wsp_csv_table_get_cell (table, 0, 0), ==, "Fundacja A");
}

static void
test_parse_windows_1250 (void)
{
  /* "Stowarzyszenie Świętego Łukasza" and "Obszar działalności" in Windows-1250. */
  g_autoptr (WspCsvTable) table =
    parse ("Nazwa;Obszar dzia\xB3" "alno\x9C" "ci\r\n"
           "Stowarzyszenie \x8Cwi\xEAtego \xA3ukasza;pomoc spo\xB3" "eczna\r\n");

  g_assert_cmpstr (wsp_csv_table_get_encoding (table), ==, "Windows-1250");
  g_assert_cmpstr (wsp_csv_table_get_header (table, 1), ==, "Obszar działalności");
  g_assert_cmpstr (wsp_csv_table_get_cell (table, 0, 0), ==, "Stowarzyszenie Świętego Łukasza");
  g_assert_cmpstr (wsp_csv_table_get_cell (table, 0, 1), ==, "pomoc społeczna");
}


/* ISO-8859-2 and Windows-1250 differ in Ą Ś Ź ą ś ź: a file of an older
 * system is read as ISO-8859-2, and a person can choose either. */
static void
test_parse_iso_8859_2 (void)
{
  /* "Stowarzyszenie Świętego Łukasza;Źródło" and "ąś" in ISO-8859-2. */
  const char text[] = "Nazwa;Uwagi\r\nStowarzyszenie \xA6wi\xEAtego \xA3ukasza;\xAC" "r\xF3" "d\xB3o \xB1\xB6\r\n";
  g_autoptr (GBytes) bytes = g_bytes_new_static (text, sizeof text - 1);
  g_autoptr (WspCsvTable) guessed = NULL;
  g_autoptr (WspCsvTable) as_1250 = NULL;
  g_autoptr (WspCsvTable) as_utf8 = NULL;
  g_autoptr (GError) error = NULL;

  guessed = wsp_csv_table_parse (bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (wsp_csv_table_get_encoding (guessed), ==, "ISO-8859-2");
  g_assert_cmpstr (wsp_csv_table_get_cell (guessed, 0, 0), ==, "Stowarzyszenie Świętego Łukasza");
  g_assert_cmpstr (wsp_csv_table_get_cell (guessed, 0, 1), ==, "Źródło ąś");

  as_1250 = wsp_csv_table_parse_as (bytes, "Windows-1250", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (wsp_csv_table_get_encoding (as_1250), ==, "Windows-1250");
  g_assert_cmpstr (wsp_csv_table_get_cell (as_1250, 0, 0), ==, "Stowarzyszenie ¦więtego Łukasza");

  as_utf8 = wsp_csv_table_parse_as (bytes, "UTF-8", &error);
  g_assert_null (as_utf8);
  g_assert_error (error, WSP_CSV_ERROR, WSP_CSV_ERROR_ENCODING);
  g_assert_true (g_strv_contains (wsp_csv_get_encodings (), "ISO-8859-2"));
}

/* Windows-1250's own Ś (0x8C) is a control in ISO-8859-2: such a file is
 * Windows-1250 even with signs that look like ISO letters. */
static void
test_parse_1250_not_iso (void)
{
  g_autoptr (WspCsvTable) table = parse ("Nazwa;Uwagi\r\n\x8Cwietlica;\xB1 5 os\xF3" "b\r\n");

  g_assert_cmpstr (wsp_csv_table_get_encoding (table), ==, "Windows-1250");
  g_assert_cmpstr (wsp_csv_table_get_cell (table, 0, 0), ==, "Świetlica");
  g_assert_cmpstr (wsp_csv_table_get_cell (table, 0, 1), ==, "± 5 osób");
}

/* Excel's "Unicode text": UTF-16LE with a BOM, separated by tabs. */
static void
test_parse_utf16 (void)
{
  const char *text = "Nazwa\tKRS\r\nFundacja Ósemka\t0000100001\r\n";
  g_autoptr (GError) error = NULL;
  gsize len = 0;
  g_autofree char *utf16 = g_convert (text, -1, "UTF-16LE", "UTF-8", NULL, &len, &error);
  g_autofree char *data = NULL;
  g_autoptr (WspCsvTable) table = NULL;

  g_assert_no_error (error);
  data = g_malloc (len + 2);
  memcpy (data, "\xFF\xFE", 2);
  memcpy (data + 2, utf16, len);
  table = parse_len (data, len + 2, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (wsp_csv_table_get_encoding (table), ==, "UTF-16");
  g_assert_cmpint (wsp_csv_table_get_separator (table), ==, '\t');
  g_assert_cmpstr (wsp_csv_table_get_header (table, 0), ==, "Nazwa");
  g_assert_cmpstr (wsp_csv_table_get_cell (table, 0, 0), ==, "Fundacja Ósemka");
}

static void
test_parse_empty_lines (void)
{
  g_autoptr (WspCsvTable) table =
    parse ("\n"
           "\n"
           "Nazwa;KRS\n"
           "\n"
           ";\n"
           "Fundacja A;1\n"
           "   \n"
           "Fundacja B;2\n"
           "\n");

  g_assert_cmpuint (wsp_csv_table_get_header_line (table), ==, 3);
  g_assert_cmpuint (wsp_csv_table_get_n_rows (table), ==, 2);
  g_assert_cmpuint (wsp_csv_table_get_line (table, 0), ==, 6);
  g_assert_cmpuint (wsp_csv_table_get_line (table, 1), ==, 8);
  g_assert_cmpstr (wsp_csv_table_get_cell (table, 1, 0), ==, "Fundacja B");
}

static void
test_parse_title_line (void)
{
  g_autoptr (WspCsvTable) table =
    parse ("Ewidencja organizacji pozarządowych;;;\n"
           "Urząd Miasta;;;\n"
           "Nazwa;KRS;NIP;\n"
           "Fundacja A;0000100001;;\n");

  g_assert_cmpuint (wsp_csv_table_get_header_line (table), ==, 3);
  g_assert_cmpstr (wsp_csv_table_get_header (table, 0), ==, "Nazwa");
  g_assert_cmpuint (wsp_csv_table_get_n_columns (table), ==, 4);
  g_assert_cmpuint (wsp_csv_table_get_n_rows (table), ==, 1);
  g_assert_cmpuint (wsp_csv_table_get_line (table, 0), ==, 4);
}

/* A file of one column has no title line. */
static void
test_parse_one_column (void)
{
  g_autoptr (WspCsvTable) table = parse ("Nazwa\nFundacja A\nFundacja B\n");

  g_assert_cmpuint (wsp_csv_table_get_n_columns (table), ==, 1);
  g_assert_cmpuint (wsp_csv_table_get_n_rows (table), ==, 2);
  g_assert_cmpstr (wsp_csv_table_get_header (table, 0), ==, "Nazwa");
}

static void
test_parse_sep_line (void)
{
  g_autoptr (WspCsvTable) table = parse ("sep=,\r\nName;x,KRS\r\nA;b,1\r\n");

  g_assert_cmpint (wsp_csv_table_get_separator (table), ==, ',');
  g_assert_cmpuint (wsp_csv_table_get_header_line (table), ==, 2);
  g_assert_cmpstr (wsp_csv_table_get_header (table, 0), ==, "Name;x");
  g_assert_cmpstr (wsp_csv_table_get_cell (table, 0, 1), ==, "1");
  g_assert_cmpuint (wsp_csv_table_get_line (table, 0), ==, 3);
}

static void
test_parse_ragged (void)
{
  g_autoptr (WspCsvTable) table =
    parse ("a;b;c\n"
           "1\n"
           "1;2;3;4;5\n"
           "1;2;3\n");

  g_assert_cmpuint (wsp_csv_table_get_n_columns (table), ==, 3);
  g_assert_cmpuint (wsp_csv_table_get_n_rows (table), ==, 3);
  g_assert_cmpstr (wsp_csv_table_get_cell (table, 0, 0), ==, "1");
  g_assert_cmpstr (wsp_csv_table_get_cell (table, 0, 1), ==, "");
  g_assert_cmpstr (wsp_csv_table_get_cell (table, 0, 2), ==, "");
  g_assert_cmpstr (wsp_csv_table_get_cell (table, 1, 4), ==, "5");
  g_assert_cmpstr (wsp_csv_table_get_cell (table, 1, 9), ==, "");
  g_assert_cmpstr (wsp_csv_table_get_cell (table, 2, 2), ==, "3");
}

static void
test_parse_refused (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WspCsvTable) table = NULL;
  g_autoptr (GString) many = g_string_new ("Nazwa;KRS\n");
  g_autoptr (GBytes) huge = NULL;

  assert_parse_fails (LIT (""), WSP_CSV_ERROR_EMPTY);
  assert_parse_fails (LIT ("\n  \r\n;;;\n"), WSP_CSV_ERROR_EMPTY);
  assert_parse_fails (LIT ("Nazwa;KRS\n\0\x01\x02\x03"), WSP_CSV_ERROR_BINARY);
  assert_parse_fails (LIT ("PK\x03\x04\x14\0\x06\0"), WSP_CSV_ERROR_BINARY);
  assert_parse_fails (LIT ("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0"), WSP_CSV_ERROR_BINARY);
  /* 0x98 is no character in Windows-1250. */
  assert_parse_fails (LIT ("Nazwa\n\x98\x98\n"), WSP_CSV_ERROR_ENCODING);

  table = parse_len (LIT ("Nazwa;KRS\n\"Fundacja;A\n"), &error);
  g_assert_null (table);
  g_assert_error (error, WSP_CSV_ERROR, WSP_CSV_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, "2"));
  g_clear_error (&error);

  for (guint i = 0; i <= WSP_CSV_MAX_ROWS; i++)
    g_string_append (many, "Fundacja;1\n");
  assert_parse_fails (many->str, many->len, WSP_CSV_ERROR_TOO_MANY_ROWS);

  huge = g_bytes_new_take (g_malloc0 (WSP_CSV_MAX_BYTES + 1), WSP_CSV_MAX_BYTES + 1);
  table = wsp_csv_table_parse (huge, &error);
  g_assert_null (table);
  g_assert_error (error, WSP_CSV_ERROR, WSP_CSV_ERROR_TOO_LARGE);
}

/* Exactly as many rows as allowed is fine. */
static void
test_parse_row_limit (void)
{
  g_autoptr (GString) many = g_string_new ("Nazwa;KRS\n");
  g_autoptr (GError) error = NULL;
  g_autoptr (WspCsvTable) table = NULL;

  for (guint i = 0; i < WSP_CSV_MAX_ROWS; i++)
    g_string_append (many, "F;1\n");
  table = parse_len (many->str, many->len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (wsp_csv_table_get_n_rows (table), ==, WSP_CSV_MAX_ROWS);
  g_assert_cmpuint (wsp_csv_table_get_line (table, WSP_CSV_MAX_ROWS - 1), ==, WSP_CSV_MAX_ROWS + 1);
}

/* ---- guessing ------------------------------------------------------------ */

static void
assert_mapping (const char        *text,
                const WspCsvField *expected,
                guint              n)
{
  g_autoptr (WspCsvTable) table = parse (text);
  g_autofree WspCsvField *mapping = NULL;

  g_assert_cmpuint (wsp_csv_table_get_n_columns (table), ==, n);
  mapping = g_new0 (WspCsvField, n);
  wsp_csv_guess_mapping (table, mapping);
  for (guint i = 0; i < n; i++)
    {
      if (mapping[i] != expected[i])
        g_error ("column %u “%s”: guessed %s, expected %s", i,
                 wsp_csv_table_get_header (table, i), wsp_csv_field_label (mapping[i]),
                 wsp_csv_field_label (expected[i]));
    }
}

static void
test_guess_polish (void)
{
  static const WspCsvField expected[] = {
    WSP_CSV_FIELD_NAME, WSP_CSV_FIELD_SHORT_NAME, WSP_CSV_FIELD_KRS, WSP_CSV_FIELD_NIP,
    WSP_CSV_FIELD_REGON, WSP_CSV_FIELD_ADDRESS, WSP_CSV_FIELD_PHONE, WSP_CSV_FIELD_EMAIL,
    WSP_CSV_FIELD_WEBSITE, WSP_CSV_FIELD_FIELDS, WSP_CSV_FIELD_NOTES, WSP_CSV_FIELD_IGNORE,
  };

  assert_mapping ("Nazwa organizacji;Skrót;Nr KRS;NIP;REGON;Adres;Telefon;E-mail;Strona www;"
                  "Obszar działalności;Uwagi;Lp.\n"
                  "A;B;C;D;E;F;G;H;I;J;K;L\n",
                  expected, G_N_ELEMENTS (expected));

  g_assert_cmpint (wsp_csv_guess_field ("NAZWA SKRÓCONA"), ==, WSP_CSV_FIELD_SHORT_NAME);
  g_assert_cmpint (wsp_csv_guess_field ("Adres e-mail"), ==, WSP_CSV_FIELD_EMAIL);
  g_assert_cmpint (wsp_csv_guess_field ("Adres strony internetowej"), ==, WSP_CSV_FIELD_WEBSITE);
  g_assert_cmpint (wsp_csv_guess_field ("Adres siedziby"), ==, WSP_CSV_FIELD_ADDRESS);
  g_assert_cmpint (wsp_csv_guess_field ("Numer telefonu"), ==, WSP_CSV_FIELD_PHONE);
  g_assert_cmpint (wsp_csv_guess_field ("Tel."), ==, WSP_CSV_FIELD_PHONE);
  g_assert_cmpint (wsp_csv_guess_field ("Sfera zadań publicznych"), ==, WSP_CSV_FIELD_FIELDS);
  g_assert_cmpint (wsp_csv_guess_field ("Dziedzina"), ==, WSP_CSV_FIELD_FIELDS);
  g_assert_cmpint (wsp_csv_guess_field ("  Numer w KRS  "), ==, WSP_CSV_FIELD_KRS);
  g_assert_cmpint (wsp_csv_guess_field ("Data wpisu do KRS"), ==, WSP_CSV_FIELD_IGNORE);
  g_assert_cmpint (wsp_csv_guess_field ("Organizacja"), ==, WSP_CSV_FIELD_NAME);
  g_assert_cmpint (wsp_csv_guess_field ("Osoba do kontaktu"), ==, WSP_CSV_FIELD_IGNORE);
  g_assert_cmpint (wsp_csv_guess_field (""), ==, WSP_CSV_FIELD_IGNORE);
}

static void
test_guess_english (void)
{
  static const WspCsvField expected[] = {
    WSP_CSV_FIELD_NAME, WSP_CSV_FIELD_SHORT_NAME, WSP_CSV_FIELD_KRS, WSP_CSV_FIELD_NIP,
    WSP_CSV_FIELD_REGON, WSP_CSV_FIELD_ADDRESS, WSP_CSV_FIELD_PHONE, WSP_CSV_FIELD_EMAIL,
    WSP_CSV_FIELD_WEBSITE, WSP_CSV_FIELD_FIELDS, WSP_CSV_FIELD_NOTES,
  };

  assert_mapping ("Organisation name,Short name,KRS number,NIP,REGON,Address,Phone,"
                  "E-mail address,Website,Field of activity,Notes\n"
                  "A,B,C,D,E,F,G,H,I,J,K\n",
                  expected, G_N_ELEMENTS (expected));
}

/* A field goes to one column; an address split into columns is joined. */
static void
test_guess_repeated (void)
{
  static const WspCsvField expected[] = {
    WSP_CSV_FIELD_NAME, WSP_CSV_FIELD_ADDRESS, WSP_CSV_FIELD_ADDRESS, WSP_CSV_FIELD_ADDRESS,
    WSP_CSV_FIELD_PHONE, WSP_CSV_FIELD_IGNORE, WSP_CSV_FIELD_IGNORE,
  };

  assert_mapping ("Nazwa;Ulica;Kod pocztowy;Miejscowość;Telefon;Telefon 2;Nazwa (stara)\n"
                  "A;B;C;D;E;F;G\n",
                  expected, G_N_ELEMENTS (expected));
  g_assert_cmpstr (wsp_csv_field_label (WSP_CSV_FIELD_IGNORE), ==, "Do not import");
  g_assert_cmpstr (wsp_csv_field_label (WSP_CSV_FIELD_KRS), ==, "KRS number");
}

/* ---- importing ----------------------------------------------------------- */

typedef struct
{
  char     *dir;
  char     *path;
  WspStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  f->dir = g_dir_make_tmp ("wsp-csv-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "test.sqlite3", NULL);
  f->store = wsp_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->store);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  wsp_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static WspRecord *
save_organisation (WspStore   *store,
                   const char *first_field,
                   ...)
{
  g_autoptr (WspRecord) org = WSP_RECORD (wsp_organisation_new ());
  g_autoptr (GError) error = NULL;
  va_list args;

  va_start (args, first_field);
  for (const char *field = first_field; field != NULL; field = va_arg (args, const char *))
    wsp_record_set_string (org, field, va_arg (args, const char *));
  va_end (args);

  wsp_store_save (store, org, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&org);
}

/* The one organisation whose @field is @value. */
static WspRecord *
find_one (WspStore   *store,
          const char *field,
          const char *value)
{
  g_autoptr (GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GError) error = NULL;

  wsp_store_query (store, WSP_TYPE_ORGANISATION, field, value, found, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  return g_object_ref (g_ptr_array_index (found, 0));
}

static guint
count_where (WspStore   *store,
             const char *field,
             const char *value)
{
  g_autoptr (GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GError) error = NULL;

  wsp_store_query (store, WSP_TYPE_ORGANISATION, field, value, found, &error);
  g_assert_no_error (error);
  return found->len;
}

/* All revisions of all organisations. */
static guint
count_revisions (WspStore *store)
{
  g_autoptr (GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GError) error = NULL;
  guint n = 0;

  wsp_store_query (store, WSP_TYPE_ORGANISATION, NULL, NULL, all, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < all->len; i++)
    {
      g_autoptr (JsonArray) history =
        wsp_test_history_json (store, wsp_record_get_id (g_ptr_array_index (all, i)), &error);

      g_assert_no_error (error);
      n += json_array_get_length (history);
    }
  return n;
}

static void
import_text (WspStore           *store,
             const char         *text,
             WspCsvImportReport *report)
{
  g_autoptr (WspCsvTable) table = parse (text);
  g_autofree WspCsvField *mapping = g_new0 (WspCsvField, wsp_csv_table_get_n_columns (table));
  g_autoptr (GError) error = NULL;

  wsp_csv_guess_mapping (table, mapping);
  g_assert_true (wsp_csv_import (store, table, mapping, report, &error));
  g_assert_no_error (error);
}

static const WspCsvSkippedRow *
skipped (WspCsvImportReport *report,
         guint               i)
{
  g_assert_nonnull (report->skipped_rows);
  g_assert_cmpuint (i, <, report->skipped_rows->len);
  return g_ptr_array_index (report->skipped_rows, i);
}

#define REGISTER                                                                                   \
  "Nazwa organizacji;Skrót;Nr KRS;NIP;REGON;Adres;Telefon;E-mail;Strona www;"                      \
  "Obszar działalności;Uwagi\n"                                                                   \
  /* 2: new */                                                                                     \
  "Fundacja Zielone Miasto;FZM;0000100001;629-100-20-00;;ul. Zielona 2, 41-200 Sosnowiec;;"       \
  "biuro@zielone.example;www.zielone.example;ekologia, edukacja;\n"                                \
  /* 3: new, the KRS number without its leading zeros, the REGON kept as text */                  \
  "Klub Sportowy Orlik;;12345;;=\"001234562\";ul. Sportowa 3;;;;sport;\n"                         \
  /* 4: the NIP check digit is wrong (5 is right) */                                               \
  "Stowarzyszenie Błędny NIP;;0000100003;6291003006;;;;;;;\n"                                      \
  /* 5: no name */                                                                                 \
  ";SKR;;;;ul. Bez Nazwy 5;;;;;\n"                                                                 \
  /* 6: an organisation already stored, by its KRS number; blank cells keep what is stored */      \
  "Stowarzyszenie Przyjaciół Parku;;200002;;;;;park@example.org;;;\n"                             \
  /* 7–8: new, the fields of activity on two lines */                                              \
  "Towarzystwo Kultury;;0000100004;;276123450;;;;;\"kultura; sport\nturystyka, kultura\";\n"       \
  /* 9–10: new, quotes and separators in the name, the address on two lines */                    \
  "\"Fundacja \"\"Razem\"\"; Dzieci\";;0000100005;;;\"ul. Długa 5\n41-200 Sosnowiec\";;;;;\n"     \
  /* 11: line 2 again, with a phone */                                                             \
  "Fundacja Zielone Miasto;;0000100001;;;;32 222 33 44;;;;\n"                                      \
  /* 12: an organisation already stored, by its name */                                            \
  "FUNDACJA OSEMKA;;;;;;;;;;Nowa uwaga\n"                                                          \
  /* 13: new, the REGON without its leading zero */                                                \
  "Koło Gospodyń Wiejskich;;;;12345675;;;;;;\n"

static void
store_existing (WspStore *store)
{
  g_autoptr (WspRecord) park = NULL;
  g_autoptr (WspRecord) osemka = NULL;

  park = save_organisation (store, "name", "Stowarzyszenie Przyjaciół Parku", "krs", "0000200002",
                            "nip", "6291001006", "phone", "32 111 22 33", "address",
                            "ul. Parkowa 1", "notes", "Stała współpraca", NULL);
  osemka = save_organisation (store, "name", "Fundacja Ósemka", "email", "osemka@example.org",
                              NULL);
}

static void
test_import (Fixture       *f,
             gconstpointer  data)
{
  g_auto (WspCsvImportReport) report = { 0 };
  g_auto (WspCsvImportReport) again = { 0 };
  g_autoptr (WspRecord) park = NULL;
  g_autoptr (WspRecord) osemka = NULL;
  g_autoptr (WspRecord) zielone = NULL;
  g_autoptr (WspRecord) orlik = NULL;
  g_autoptr (WspRecord) kultura = NULL;
  g_autoptr (WspRecord) razem = NULL;
  g_autoptr (WspRecord) kolo = NULL;
  g_auto (GStrv) fields = NULL;
  g_autofree char *described = NULL;
  guint revisions;

  store_existing (f->store);
  g_assert_cmpuint (wsp_store_count (f->store, WSP_TYPE_ORGANISATION), ==, 2);

  import_text (f->store, REGISTER, &report);

  g_assert_cmpuint (report.added, ==, 5);
  g_assert_cmpuint (report.updated, ==, 3);
  g_assert_cmpuint (report.unchanged, ==, 0);
  g_assert_cmpuint (report.skipped, ==, 2);
  g_assert_cmpuint (report.skipped_rows->len, ==, 2);
  g_assert_cmpuint (skipped (&report, 0)->line, ==, 4);
  g_assert_cmpstr (skipped (&report, 0)->name, ==, "Stowarzyszenie Błędny NIP");
  g_assert_nonnull (strstr (skipped (&report, 0)->reason, "NIP"));
  g_assert_nonnull (strstr (skipped (&report, 0)->reason, "check digit"));
  g_assert_cmpuint (skipped (&report, 1)->line, ==, 5);
  g_assert_cmpstr (skipped (&report, 1)->name, ==, "");
  g_assert_nonnull (strstr (skipped (&report, 1)->reason, "name"));

  described = wsp_csv_skipped_row_describe (skipped (&report, 0));
  g_assert_true (g_str_has_prefix (described, "Line 4 (Stowarzyszenie Błędny NIP): The NIP"));

  /* Nothing of the bad rows is stored. */
  g_assert_cmpuint (wsp_store_count (f->store, WSP_TYPE_ORGANISATION), ==, 7);
  g_assert_cmpuint (count_where (f->store, "name", "Stowarzyszenie Błędny NIP"), ==, 0);
  g_assert_cmpuint (count_where (f->store, "krs", "0000100003"), ==, 0);
  g_assert_cmpuint (count_where (f->store, "address", "ul. Bez Nazwy 5"), ==, 0);

  /* Updated by KRS number: new e-mail, nothing blanked out. */
  park = find_one (f->store, "krs", "0000200002");
  g_assert_cmpstr (wsp_record_get_string (park, "name"), ==, "Stowarzyszenie Przyjaciół Parku");
  g_assert_cmpstr (wsp_record_get_string (park, "email"), ==, "park@example.org");
  g_assert_cmpstr (wsp_record_get_string (park, "phone"), ==, "32 111 22 33");
  g_assert_cmpstr (wsp_record_get_string (park, "nip"), ==, "6291001006");
  g_assert_cmpstr (wsp_record_get_string (park, "address"), ==, "ul. Parkowa 1");
  g_assert_cmpstr (wsp_record_get_string (park, "notes"), ==, "Stała współpraca");

  /* Updated by name: the stored spelling stays. */
  osemka = find_one (f->store, "email", "osemka@example.org");
  g_assert_cmpstr (wsp_record_get_string (osemka, "name"), ==, "Fundacja Ósemka");
  g_assert_cmpstr (wsp_record_get_string (osemka, "notes"), ==, "Nowa uwaga");

  /* The second row of the same organisation updated the first one. */
  g_assert_cmpuint (count_where (f->store, "name", "Fundacja Zielone Miasto"), ==, 1);
  zielone = find_one (f->store, "krs", "0000100001");
  g_assert_cmpstr (wsp_record_get_string (zielone, "short_name"), ==, "FZM");
  g_assert_cmpstr (wsp_record_get_string (zielone, "nip"), ==, "6291002000");
  g_assert_cmpstr (wsp_record_get_string (zielone, "phone"), ==, "32 222 33 44");
  g_assert_cmpstr (wsp_record_get_string (zielone, "website"), ==, "www.zielone.example");
  fields = wsp_record_dup_list (zielone, "fields");
  g_assert_cmpstrv (fields, ((const char *[]) { "ekologia", "edukacja", NULL }));
  g_clear_pointer (&fields, g_strfreev);

  orlik = find_one (f->store, "krs", "0000012345");
  g_assert_cmpstr (wsp_record_get_string (orlik, "name"), ==, "Klub Sportowy Orlik");
  g_assert_cmpstr (wsp_record_get_string (orlik, "regon"), ==, "001234562");

  kultura = find_one (f->store, "krs", "0000100004");
  g_assert_cmpstr (wsp_record_get_string (kultura, "regon"), ==, "276123450");
  fields = wsp_record_dup_list (kultura, "fields");
  g_assert_cmpstrv (fields, ((const char *[]) { "kultura", "sport", "turystyka", NULL }));

  razem = find_one (f->store, "krs", "0000100005");
  g_assert_cmpstr (wsp_record_get_string (razem, "name"), ==, "Fundacja \"Razem\"; Dzieci");
  g_assert_cmpstr (wsp_record_get_string (razem, "address"), ==, "ul. Długa 5, 41-200 Sosnowiec");

  kolo = find_one (f->store, "regon", "012345675");
  g_assert_cmpstr (wsp_record_get_string (kolo, "name"), ==, "Koło Gospodyń Wiejskich");

  /* The same file again changes nothing. */
  revisions = count_revisions (f->store);
  import_text (f->store, REGISTER, &again);
  g_assert_cmpuint (again.added, ==, 0);
  g_assert_cmpuint (again.updated, ==, 0);
  g_assert_cmpuint (again.unchanged, ==, 8);
  g_assert_cmpuint (again.skipped, ==, 2);
  g_assert_cmpuint (skipped (&again, 0)->line, ==, 4);
  g_assert_cmpuint (skipped (&again, 1)->line, ==, 5);
  g_assert_cmpuint (count_revisions (f->store), ==, revisions);
  g_assert_cmpuint (wsp_store_count (f->store, WSP_TYPE_ORGANISATION), ==, 7);
}

/* A bad row that would update a stored organisation leaves it as it was. */
static void
test_import_bad_update (Fixture       *f,
                        gconstpointer  data)
{
  g_auto (WspCsvImportReport) report = { 0 };
  g_autoptr (WspRecord) park = NULL;
  g_autoptr (JsonArray) before = NULL;
  g_autoptr (JsonArray) after = NULL;
  g_autoptr (GError) error = NULL;

  store_existing (f->store);
  park = find_one (f->store, "krs", "0000200002");
  before = wsp_test_history_json (f->store, wsp_record_get_id (park), &error);
  g_assert_no_error (error);
  g_clear_object (&park);

  import_text (f->store,
               "Nazwa;KRS;REGON;Telefon\n"
               "Stowarzyszenie Przyjaciół Parku – nowa nazwa;0000200002;276123451;32 999 99 99\n"
               "Fundacja Nowa;0000300003;;\n",
               &report);

  g_assert_cmpuint (report.added, ==, 1);
  g_assert_cmpuint (report.updated, ==, 0);
  g_assert_cmpuint (report.skipped, ==, 1);
  g_assert_cmpuint (skipped (&report, 0)->line, ==, 2);
  g_assert_nonnull (strstr (skipped (&report, 0)->reason, "REGON"));

  park = find_one (f->store, "krs", "0000200002");
  g_assert_cmpstr (wsp_record_get_string (park, "name"), ==, "Stowarzyszenie Przyjaciół Parku");
  g_assert_cmpstr (wsp_record_get_string (park, "phone"), ==, "32 111 22 33");
  g_assert_null (wsp_record_get_string (park, "regon"));
  after = wsp_test_history_json (f->store, wsp_record_get_id (park), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (after), ==, json_array_get_length (before));
  g_assert_cmpuint (wsp_store_count (f->store, WSP_TYPE_ORGANISATION), ==, 3);
}

/* A match by NIP or name that has another KRS number is another
 * organisation; address columns are joined. */
static void
test_import_matching (Fixture       *f,
                      gconstpointer  data)
{
  g_auto (WspCsvImportReport) report = { 0 };
  g_autoptr (WspRecord) trzy = NULL;
  g_autoptr (WspRecord) by_nip = NULL;
  g_autoptr (WspRecord) osemka = NULL;
  g_autoptr (WspRecord) other = NULL;

  store_existing (f->store);
  trzy = save_organisation (f->store, "name", "Fundacja Trzy", "krs", "0000300003", NULL);

  import_text (f->store,
               "Nazwa;KRS;NIP;Ulica;Kod pocztowy;Miejscowość\n"
               /* by NIP (with the EU prefix), under a new name */
               "Park – Stowarzyszenie;;PL 629-100-10-06;;;\n"
               /* by name; its KRS number is filled in */
               "Fundacja Ósemka;0000400004;;ul. Ósma 8;41-200;Sosnowiec\n"
               /* the same name as one stored, but another KRS number */
               "FUNDACJA TRZY;0000500005;;;;\n",
               &report);

  g_assert_cmpuint (report.added, ==, 1);
  g_assert_cmpuint (report.updated, ==, 2);
  g_assert_cmpuint (report.unchanged, ==, 0);
  g_assert_cmpuint (report.skipped, ==, 0);
  g_assert_cmpuint (report.skipped_rows->len, ==, 0);

  by_nip = find_one (f->store, "nip", "6291001006");
  g_assert_cmpstr (wsp_record_get_string (by_nip, "name"), ==, "Park – Stowarzyszenie");
  g_assert_cmpstr (wsp_record_get_string (by_nip, "krs"), ==, "0000200002");

  osemka = find_one (f->store, "krs", "0000400004");
  g_assert_cmpstr (wsp_record_get_string (osemka, "name"), ==, "Fundacja Ósemka");
  g_assert_cmpstr (wsp_record_get_string (osemka, "email"), ==, "osemka@example.org");
  g_assert_cmpstr (wsp_record_get_string (osemka, "address"), ==, "ul. Ósma 8, 41-200 Sosnowiec");

  other = find_one (f->store, "krs", "0000500005");
  g_assert_cmpstr (wsp_record_get_string (other, "name"), ==, "FUNDACJA TRZY");
  g_assert_cmpuint (count_where (f->store, "krs", "0000300003"), ==, 1);
  g_assert_cmpuint (wsp_store_count (f->store, WSP_TYPE_ORGANISATION), ==, 4);
}

static void
test_import_no_name_column (Fixture       *f,
                            gconstpointer  data)
{
  g_auto (WspCsvImportReport) report = { 0 };
  g_autoptr (WspCsvTable) table = parse ("Nazwa;KRS\nFundacja A;0000100001\n");
  WspCsvField mapping[] = { WSP_CSV_FIELD_IGNORE, WSP_CSV_FIELD_KRS };
  g_autoptr (GError) error = NULL;

  g_assert_false (wsp_csv_import (f->store, table, mapping, &report, &error));
  g_assert_error (error, WSP_CSV_ERROR, WSP_CSV_ERROR_NO_NAME_COLUMN);
  g_assert_cmpuint (report.added, ==, 0);
  g_assert_null (report.skipped_rows);
  g_assert_cmpuint (wsp_store_count (f->store, WSP_TYPE_ORGANISATION), ==, 0);
}

/* An import inside the caller's own write is undone with it. */
static void
test_import_nested (Fixture       *f,
                    gconstpointer  data)
{
  g_auto (WspCsvImportReport) report = { 0 };
  g_autoptr (GError) error = NULL;

  g_assert_true (wsp_store_begin (f->store, &error));
  g_assert_no_error (error);
  import_text (f->store, "Nazwa;NIP\nFundacja A;6291002000\nFundacja B;6291002001\n", &report);
  g_assert_cmpuint (report.added, ==, 1);
  g_assert_cmpuint (report.skipped, ==, 1);
  g_assert_cmpuint (wsp_store_count (f->store, WSP_TYPE_ORGANISATION), ==, 1);
  wsp_store_rollback (f->store);
  g_assert_cmpuint (wsp_store_count (f->store, WSP_TYPE_ORGANISATION), ==, 0);
}

/* The preview says what each row would do, by the import's own rules,
 * and changes nothing. */
static void
test_preview (Fixture       *f,
              gconstpointer  data)
{
  g_auto (WspCsvImportReport) report = { 0 };
  g_autoptr (WspCsvTable) table = NULL;
  g_autofree WspCsvField *mapping = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GError) error = NULL;
  const WspCsvRowPreview *row;

  import_text (f->store, "Nazwa;KRS\r\nFundacja Stara;0000111111\r\n", &report);
  table = parse ("Nazwa;KRS;NIP\r\n"
                 "Fundacja Nowa;222222;\r\n"
                 ";KRS 111111;\r\n"
                 "Klub Zły NIP;;5260250994\r\n"
                 ";0000999999;\r\n");
  mapping = g_new0 (WspCsvField, wsp_csv_table_get_n_columns (table));
  wsp_csv_guess_mapping (table, mapping);
  rows = wsp_csv_preview (f->store, table, mapping, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 4);

  row = g_ptr_array_index (rows, 0);
  g_assert_cmpint (row->fate, ==, WSP_CSV_ROW_NEW);
  g_assert_cmpstr (row->name, ==, "Fundacja Nowa");
  g_assert_cmpuint (row->line, ==, 2);
  row = g_ptr_array_index (rows, 1);
  g_assert_cmpint (row->fate, ==, WSP_CSV_ROW_UPDATE);
  g_assert_cmpstr (row->name, ==, "Fundacja Stara");
  row = g_ptr_array_index (rows, 2);
  g_assert_cmpint (row->fate, ==, WSP_CSV_ROW_SKIPPED);
  g_assert_nonnull (strstr (row->reason, "NIP"));
  g_assert_cmpstr (row->name, ==, "Klub Zły NIP");
  row = g_ptr_array_index (rows, 3);
  g_assert_cmpint (row->fate, ==, WSP_CSV_ROW_SKIPPED);
  g_assert_nonnull (strstr (row->reason, "name is empty"));

  g_assert_cmpuint (wsp_store_count (f->store, WSP_TYPE_ORGANISATION), ==, 1);

  /* The import does what the preview said. */
  g_assert_true (wsp_csv_import (f->store, table, mapping, &report, &error));
  g_assert_cmpuint (report.added, ==, 1);
  g_assert_cmpuint (report.updated + report.unchanged, ==, 1);
  g_assert_cmpuint (report.skipped, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  if (setlocale (LC_ALL, "pl_PL.UTF-8") == NULL)
    {
      g_printerr ("The pl_PL.UTF-8 locale is missing (build-aux/dev.sh deps makes it).\n");
      return 1;
    }

  g_test_add_func ("/csv/parse/semicolon", test_parse_semicolon);
  g_test_add_func ("/csv/parse/comma", test_parse_comma);
  g_test_add_func ("/csv/parse/tab", test_parse_tab);
  g_test_add_func ("/csv/parse/separator-votes", test_parse_separator_votes);
  g_test_add_func ("/csv/parse/quotes", test_parse_quotes);
  g_test_add_func ("/csv/parse/crlf", test_parse_crlf);
  g_test_add_func ("/csv/parse/cr", test_parse_cr);
  g_test_add_func ("/csv/parse/bom", test_parse_bom);
  g_test_add_func ("/csv/parse/windows-1250", test_parse_windows_1250);
  g_test_add_func ("/csv/parse/iso-8859-2", test_parse_iso_8859_2);
  g_test_add_func ("/csv/parse/windows-1250-not-iso", test_parse_1250_not_iso);
  g_test_add_func ("/csv/parse/utf-16", test_parse_utf16);
  g_test_add_func ("/csv/parse/empty-lines", test_parse_empty_lines);
  g_test_add_func ("/csv/parse/title-line", test_parse_title_line);
  g_test_add_func ("/csv/parse/one-column", test_parse_one_column);
  g_test_add_func ("/csv/parse/sep-line", test_parse_sep_line);
  g_test_add_func ("/csv/parse/ragged", test_parse_ragged);
  g_test_add_func ("/csv/parse/refused", test_parse_refused);
  g_test_add_func ("/csv/parse/row-limit", test_parse_row_limit);
  g_test_add_func ("/csv/guess/polish", test_guess_polish);
  g_test_add_func ("/csv/guess/english", test_guess_english);
  g_test_add_func ("/csv/guess/repeated", test_guess_repeated);

#define ADD(path, fn) g_test_add ("/csv/import/" path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("preview", test_preview);
  ADD ("register", test_import);
  ADD ("bad-update", test_import_bad_update);
  ADD ("matching", test_import_matching);
  ADD ("no-name-column", test_import_no_name_column);
  ADD ("nested", test_import_nested);
#undef ADD

  return g_test_run ();
}
