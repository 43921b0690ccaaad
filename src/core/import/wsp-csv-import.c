/* wsp-csv-import.c — importing a city's register of organisations from CSV
 *
 * Cities keep their register of NGOs ("ewidencja organizacji pozarządowych")
 * in a spreadsheet and hand it over as CSV: separated by semicolons (Polish
 * Excel), commas or tabs; in UTF-8 (with or without a BOM), Windows-1250 or,
 * from "Unicode text", UTF-16; with a title line or blank lines above the
 * header, and quoted cells holding separators, line breaks and doubled
 * quotes (RFC 4180).  The reader takes all of these.
 *
 * The import matches each row to an organisation already in the register —
 * by KRS number, else NIP, else name ignoring case and diacritics — and
 * fills in only what the row has, so a blank cell never erases stored data.
 * It runs in one transaction; each row is saved in its own nested write, so
 * a bad row (no name, a wrong check digit) is reported and skipped and the
 * others go in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "import/wsp-csv-import.h"
#include "store/wsp-database.h"
#include "base/wsp-identifiers.h"
#include "records/wsp-records-members.h"

/* clang-format off */
G_DEFINE_QUARK (wsp-csv-error-quark, wsp_csv_error)
/* clang-format on */

/* How many records are looked at to find the separator. */
#define SEPARATOR_SAMPLE 50
/* How many lines above the header may be titles. */
#define MAX_TITLE_ROWS 10

struct _WspCsvTable
{
  gatomicrefcount ref_count;
  GPtrArray  *header;      /* of char *, trimmed */
  guint       header_line;
  GPtrArray  *rows;        /* of GPtrArray of char * */
  GArray     *lines;       /* of guint, one per row */
  char        separator;
  const char *encoding;
};

/* ---- text helpers -------------------------------------------------------- */

static gboolean
is_space (gunichar c)
{
  return g_unichar_isspace (c) /* also no-break spaces */
         || c == 0xFEFF        /* a stray BOM / zero-width no-break space */
         || c == 0x200B;       /* zero-width space */
}

static gboolean
is_blank (const char *s)
{
  for (const char *p = s; *p != '\0'; p = g_utf8_next_char (p))
    if (!is_space (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/* @s with every run of white space (line breaks too) made one space, and
 * none at either end. */
static char *
collapse_spaces (const char *s)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = s; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_space (c))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* @s without white space at either end; line breaks inside are kept. */
static char *
trim_text (const char *s)
{
  const char *start = s;
  const char *end = s + strlen (s);

  while (*start != '\0' && is_space (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);

      if (!is_space (g_utf8_get_char (prev)))
        break;
      end = prev;
    }
  return g_strndup (start, end - start);
}

/* A multi-line address as one line: "ul. Długa 5\n41-200 Sosnowiec" →
 * "ul. Długa 5, 41-200 Sosnowiec". */
static char *
one_line_address (const char *s)
{
  g_auto (GStrv) lines = g_strsplit (s, "\n", -1);
  g_autoptr (GString) out = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = collapse_spaces (lines[i]);
      gsize len = strlen (line);

      /* "ul. Długa 5," on one line and the town on the next. */
      while (len > 0 && (line[len - 1] == ',' || line[len - 1] == ';'))
        line[--len] = '\0';
      if (len == 0)
        continue;
      if (out->len > 0)
        g_string_append (out, ", ");
      g_string_append (out, line);
    }
  return g_strdup (out->str);
}

/* Whether @s ends with a Polish postcode ("41-200"), which the town
 * follows after a space, not a comma. */
static gboolean
ends_with_postcode (const char *s)
{
  gsize len = strlen (s);
  const char *p;

  if (len < 6)
    return FALSE;
  p = s + len - 6;
  if (len > 6 && g_ascii_isalnum (p[-1]))
    return FALSE;
  return g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]) && p[2] == '-' && g_ascii_isdigit (p[3])
         && g_ascii_isdigit (p[4]) && g_ascii_isdigit (p[5]);
}

/* A key for comparing names: ASCII, lower case, only letters and digits,
 * words separated by one space ("Fundacja „Ósemka”" → "fundacja osemka").
 * NULL for a name with no letters or digits. */
static char *
name_key (const char *name)
{
  g_autofree char *ascii = NULL;
  GString *out;
  gboolean space = FALSE;

  if (name == NULL)
    return NULL;
  ascii = g_str_to_ascii (name, "C");
  out = g_string_new (NULL);
  for (const char *p = ascii; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_c (out, g_ascii_tolower (*p));
    }
  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

/* The numbers as stored, by the rules of wsp-identifiers (the editor's
 * too); NULL when the cell holds none. */
static char *
or_null (char *s)
{
  if (s[0] != '\0')
    return s;
  g_free (s);
  return NULL;
}

static char *
clean_krs (const char *s)
{
  return or_null (wsp_krs_normalize (s));
}

static char *
clean_nip (const char *s)
{
  return or_null (wsp_nip_normalize (s));
}

static char *
clean_regon (const char *s)
{
  return or_null (wsp_regon_normalize (s));
}

/* ---- reading ------------------------------------------------------------- */

static gboolean
has_prefix (const guint8 *data,
            gsize         len,
            const char   *prefix,
            gsize         prefix_len)
{
  return len >= prefix_len && memcmp (data, prefix, prefix_len) == 0;
}

/* Whether single-byte text that is not UTF-8 is in ISO-8859-2 rather than
 * Windows-1250. The two agree on most Polish letters but not on Ą Ś Ź ą ś ź:
 * bytes 0x80–0x9F are controls in ISO-8859-2 (so such a file is
 * Windows-1250), and ISO-8859-2's Ą Ś Ź ą ś ź are signs (ˇ ¦ ¬ ± ¶ Ľ) that
 * Polish text in Windows-1250 does not have. */
static gboolean
looks_like_iso_8859_2 (const guint8 *data,
                       gsize         len)
{
  gboolean iso_letters = FALSE;

  for (gsize i = 0; i < len; i++)
    {
      if (data[i] >= 0x80 && data[i] <= 0x9F)
        return FALSE;
      iso_letters = iso_letters || data[i] == 0xA1 || data[i] == 0xA6 || data[i] == 0xAC
                    || data[i] == 0xB1 || data[i] == 0xB6 || data[i] == 0xBC;
    }
  return iso_letters;
}

static char *
encoding_error (GError **error)
{
  g_set_error_literal (error, WSP_CSV_ERROR, WSP_CSV_ERROR_ENCODING,
                       _("The file’s text is damaged or in an unknown encoding. Save it "
                         "from the spreadsheet as “CSV UTF-8” and try again."));
  return NULL;
}

/* The file's text in UTF-8, without a BOM: in @forced (one of
 * wsp_csv_get_encodings()) or, when that is NULL, in the encoding it looks
 * to be in, which *@encoding says. */
static char *
decode (GBytes      *bytes,
        const char  *forced,
        const char **encoding,
        GError     **error)
{
  gsize len = 0;
  const guint8 *data = g_bytes_get_data (bytes, &len);
  char *text = NULL;
  gsize text_len = 0;

  if (len == 0)
    {
      g_set_error_literal (error, WSP_CSV_ERROR, WSP_CSV_ERROR_EMPTY, _("The file is empty."));
      return NULL;
    }
  if (len > WSP_CSV_MAX_BYTES)
    {
      g_set_error (error, WSP_CSV_ERROR, WSP_CSV_ERROR_TOO_LARGE,
                   /* Translators: %u is a number of megabytes, e.g. 50 */
                   _("The file is too large for a register of organisations (over %u MB). "
                     "Check that this is the right file."),
                   (guint) (WSP_CSV_MAX_BYTES / (1024 * 1024)));
      return NULL;
    }

  /* .xlsx, .ods (ZIP) and .xls (OLE2) files. */
  if (has_prefix (data, len, "PK\x03\x04", 4)
      || has_prefix (data, len, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))
    {
      g_set_error_literal (error, WSP_CSV_ERROR, WSP_CSV_ERROR_BINARY,
                           _("This is a spreadsheet file, not a CSV file. Open it in the "
                             "spreadsheet program, use “Save As” to save it as CSV, and import "
                             "that file."));
      return NULL;
    }

  /* "Unicode text" from Excel: UTF-16 with a BOM. */
  if ((forced == NULL || g_str_equal (forced, "UTF-16"))
      && (has_prefix (data, len, "\xFF\xFE", 2) || has_prefix (data, len, "\xFE\xFF", 2)))
    {
      const char *from = data[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";

      text = g_convert ((const char *) data + 2, len - 2, "UTF-8", from, NULL, &text_len, NULL);
      if (text == NULL)
        return encoding_error (error);
      *encoding = "UTF-16";
    }
  else if (forced != NULL && g_str_equal (forced, "UTF-16"))
    {
      text = g_convert ((const char *) data, len, "UTF-8", "UTF-16LE", NULL, &text_len, NULL);
      if (text == NULL)
        return encoding_error (error);
      *encoding = "UTF-16";
    }
  else if (memchr (data, '\0', len) != NULL)
    {
      g_set_error_literal (error, WSP_CSV_ERROR, WSP_CSV_ERROR_BINARY,
                           _("This is not a text file, so it cannot be a CSV file. Choose the "
                             "register saved as CSV."));
      return NULL;
    }
  else if ((forced == NULL || g_str_equal (forced, "UTF-8")) && g_utf8_validate ((const char *) data, len, NULL))
    {
      gsize skip = has_prefix (data, len, "\xEF\xBB\xBF", 3) ? 3 : 0;

      text = g_strndup ((const char *) data + skip, len - skip);
      text_len = len - skip;
      *encoding = "UTF-8";
    }
  else if (forced != NULL && g_str_equal (forced, "UTF-8"))
    {
      g_set_error_literal (error, WSP_CSV_ERROR, WSP_CSV_ERROR_ENCODING,
                           _("The file is not in UTF-8. Choose the encoding it was saved in."));
      return NULL;
    }
  else
    {
      /* Polish Excel's "CSV (separated by semicolons)", or an older
       * system's ISO-8859-2. */
      const char *from = forced != NULL ? forced
                         : looks_like_iso_8859_2 (data, len) ? "ISO-8859-2" : "Windows-1250";

      text = g_convert ((const char *) data, len, "UTF-8", g_str_equal (from, "Windows-1250") ? "WINDOWS-1250" : from,
                        NULL, &text_len, NULL);
      if (text == NULL)
        return encoding_error (error);
      *encoding = g_str_equal (from, "ISO-8859-2") ? "ISO-8859-2" : "Windows-1250";
    }

  if (memchr (text, '\0', text_len) != NULL)
    {
      g_free (text);
      g_set_error_literal (error, WSP_CSV_ERROR, WSP_CSV_ERROR_BINARY,
                           _("This is not a text file, so it cannot be a CSV file. Choose the "
                             "register saved as CSV."));
      return NULL;
    }
  return text;
}

/* The separator of the text from @p to @end: the one of ';', tab and ','
 * whose count (outside quotes) is the same in the most records of the first
 * ones, then the one with more columns, then in that order. */
static char
detect_separator (const char *p,
                  const char *end)
{
  static const char candidates[] = { ';', '\t', ',' };
  guint counts[G_N_ELEMENTS (candidates)][SEPARATOR_SAMPLE] = { { 0 } };
  guint current[G_N_ELEMENTS (candidates)] = { 0 };
  guint n = 0;
  gboolean quoted = FALSE;
  gboolean content = FALSE;
  char best = ';';
  guint best_freq = 0;
  guint best_mode = 0;

  for (; p <= end && n < SEPARATOR_SAMPLE; p++)
    {
      char c = p < end ? *p : '\n';

      if (c == '"')
        {
          quoted = !quoted;
          content = TRUE;
          continue;
        }
      if (quoted && p < end)
        continue;
      if (c == '\n' || c == '\r')
        {
          if (content)
            {
              for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
                counts[k][n] = current[k];
              n++;
            }
          memset (current, 0, sizeof current);
          content = FALSE;
          continue;
        }
      for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
        if (c == candidates[k])
          current[k]++;
      if (c != ' ')
        content = TRUE;
    }

  for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
    {
      guint freq = 0;
      guint mode = 0;

      for (guint i = 0; i < n; i++)
        {
          guint f = 0;

          if (counts[k][i] == 0)
            continue;
          for (guint j = 0; j < n; j++)
            if (counts[k][j] == counts[k][i])
              f++;
          if (f > freq || (f == freq && counts[k][i] > mode))
            {
              freq = f;
              mode = counts[k][i];
            }
        }
      if (freq > best_freq || (freq == best_freq && freq > 0 && mode > best_mode))
        {
          best = candidates[k];
          best_freq = freq;
          best_mode = mode;
        }
    }
  return best;
}

static guint
count_filled (GPtrArray *cells)
{
  guint n = 0;

  for (guint i = 0; i < cells->len; i++)
    if (!is_blank (g_ptr_array_index (cells, i)))
      n++;
  return n;
}

/* Splits @text into records of cells; records with nothing in them are left
 * out. @lines gets the line where each one begins. */
static gboolean
split_records (const char  *text,
               const char  *end,
               char         separator,
               guint        first_line,
               GPtrArray   *records,
               GArray      *lines,
               GError     **error)
{
  const char *p = text;
  guint line = first_line;

  while (p < end)
    {
      g_autoptr (GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
      guint record_line = line;
      gboolean end_of_record = FALSE;

      while (!end_of_record)
        {
          g_autoptr (GString) cell = g_string_new (NULL);

          if (p < end && *p == '"')
            {
              guint quote_line = line;

              p++;
              for (;;)
                {
                  if (p >= end)
                    {
                      g_set_error (error, WSP_CSV_ERROR, WSP_CSV_ERROR_SYNTAX,
                                   /* Translators: %u is a line number of the file */
                                   _("Line %u: a quotation mark opens a text that is never "
                                     "closed. Open the file in a spreadsheet program, check the "
                                     "cell and save the file again."),
                                   quote_line);
                      return FALSE;
                    }
                  if (*p == '"')
                    {
                      if (p + 1 < end && p[1] == '"')
                        {
                          g_string_append_c (cell, '"');
                          p += 2;
                          continue;
                        }
                      p++;
                      break;
                    }
                  if (*p == '\r' || *p == '\n')
                    {
                      if (*p == '\r' && p + 1 < end && p[1] == '\n')
                        p++;
                      p++;
                      line++;
                      g_string_append_c (cell, '\n');
                      continue;
                    }
                  g_string_append_c (cell, *p);
                  p++;
                }
            }

          /* An unquoted cell, or what follows a closing quote (kept, to be lenient). */
          while (p < end && *p != separator && *p != '\r' && *p != '\n')
            g_string_append_c (cell, *p++);
          g_ptr_array_add (cells, g_string_free (g_steal_pointer (&cell), FALSE));

          if (p >= end)
            end_of_record = TRUE;
          else if (*p == separator)
            p++;
          else
            {
              if (*p == '\r' && p + 1 < end && p[1] == '\n')
                p++;
              p++;
              line++;
              end_of_record = TRUE;
            }
        }

      if (count_filled (cells) == 0)
        continue;
      if (records->len > WSP_CSV_MAX_ROWS + MAX_TITLE_ROWS)
        {
          g_set_error (error, WSP_CSV_ERROR, WSP_CSV_ERROR_TOO_MANY_ROWS,
                       /* Translators: %u is the largest number of rows, e.g. 100000 */
                       ngettext ("The file has more than %u row. Split it into smaller files "
                                 "and import them one after another.",
                                 "The file has more than %u rows. Split it into smaller files "
                                 "and import them one after another.",
                                 WSP_CSV_MAX_ROWS),
                       (guint) WSP_CSV_MAX_ROWS);
          return FALSE;
        }
      g_ptr_array_add (records, g_steal_pointer (&cells));
      g_array_append_val (lines, record_line);
    }
  return TRUE;
}

/* Reads a CSV file: the first row with something in it is the header
 * (after any title lines: rows with at most one filled cell above a row
 * with more), the rest are the rows. */
WspCsvTable *
wsp_csv_table_parse (GBytes  *bytes,
                     GError **error)
{
  return wsp_csv_table_parse_as (bytes, NULL, error);
}

/* The encodings a register may come in, for a person to choose from when
 * the guess was wrong. */
const char * const *
wsp_csv_get_encodings (void)
{
  static const char * const encodings[] = { "UTF-8", "Windows-1250", "ISO-8859-2", "UTF-16", NULL };

  return encodings;
}

/* Reads a CSV file as wsp_csv_table_parse() does, its text in @encoding
 * (one of wsp_csv_get_encodings(); NULL: the one it looks to be in). */
WspCsvTable *
wsp_csv_table_parse_as (GBytes      *bytes,
                        const char  *encoding_name,
                        GError     **error)
{
  const char *encoding = NULL;
  g_autofree char *text = NULL;
  const char *start;
  const char *end;
  guint first_line = 1;
  char separator = 0;
  g_autoptr (GPtrArray) records =
    g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr (GArray) lines = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (WspCsvTable) table = NULL;
  GPtrArray *header_cells;
  guint h = 0;

  g_return_val_if_fail (bytes != NULL, NULL);

  g_return_val_if_fail (encoding_name == NULL || g_strv_contains (wsp_csv_get_encodings (), encoding_name), NULL);
  text = decode (bytes, encoding_name, &encoding, error);
  if (text == NULL)
    return NULL;
  start = text;
  end = text + strlen (text);

  /* Excel's "sep=;" line. */
  if (g_ascii_strncasecmp (start, "sep=", 4) == 0 && start + 4 < end && start[4] != '\r'
      && start[4] != '\n' && start[4] != '"'
      && (start + 5 == end || start[5] == '\r' || start[5] == '\n'))
    {
      separator = start[4];
      start += 5;
      if (start < end && *start == '\r')
        start++;
      if (start < end && *start == '\n')
        start++;
      first_line = 2;
    }
  if (separator == 0)
    separator = detect_separator (start, end);

  if (!split_records (start, end, separator, first_line, records, lines, error))
    return NULL;
  if (records->len == 0)
    {
      g_set_error_literal (error, WSP_CSV_ERROR, WSP_CSV_ERROR_EMPTY,
                           _("The file has no rows with data in them."));
      return NULL;
    }

  /* Title lines above the header. */
  for (guint i = 0; i < records->len && i < MAX_TITLE_ROWS + 1; i++)
    {
      if (count_filled (g_ptr_array_index (records, i)) >= 2)
        {
          h = i;
          break;
        }
    }

  if (records->len - h - 1 > WSP_CSV_MAX_ROWS)
    {
      g_set_error (error, WSP_CSV_ERROR, WSP_CSV_ERROR_TOO_MANY_ROWS,
                   ngettext ("The file has more than %u row. Split it into smaller files "
                             "and import them one after another.",
                             "The file has more than %u rows. Split it into smaller files "
                             "and import them one after another.",
                             WSP_CSV_MAX_ROWS),
                   (guint) WSP_CSV_MAX_ROWS);
      return NULL;
    }

  table = g_new0 (WspCsvTable, 1);
  g_atomic_ref_count_init (&table->ref_count);
  table->separator = separator;
  table->encoding = encoding;
  table->header = g_ptr_array_new_with_free_func (g_free);
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  table->lines = g_array_new (FALSE, FALSE, sizeof (guint));

  header_cells = g_ptr_array_index (records, h);
  for (guint c = 0; c < header_cells->len; c++)
    g_ptr_array_add (table->header, collapse_spaces (g_ptr_array_index (header_cells, c)));
  table->header_line = g_array_index (lines, guint, h);

  for (guint i = h + 1; i < records->len; i++)
    {
      g_ptr_array_add (table->rows, g_ptr_array_ref (g_ptr_array_index (records, i)));
      g_array_append_val (table->lines, g_array_index (lines, guint, i));
    }

  return g_steal_pointer (&table);
}

void
wsp_csv_table_free (WspCsvTable *table)
{
  if (table == NULL || !g_atomic_ref_count_dec (&table->ref_count))
    return;
  g_clear_pointer (&table->header, g_ptr_array_unref);
  g_clear_pointer (&table->rows, g_ptr_array_unref);
  g_clear_pointer (&table->lines, g_array_unref);
  g_free (table);
}

/* Another reference to @table, which does not change once parsed (an
 * import in a worker thread reads it). wsp_csv_table_free() drops one. */
WspCsvTable *
wsp_csv_table_ref (WspCsvTable *table)
{
  g_return_val_if_fail (table != NULL, NULL);
  g_atomic_ref_count_inc (&table->ref_count);
  return table;
}

/* The rows after the header. */
guint
wsp_csv_table_get_n_rows (WspCsvTable *table)
{
  g_return_val_if_fail (table != NULL, 0);
  return table->rows->len;
}

/* The cells of the header; a row may have more (see get_cell). */
guint
wsp_csv_table_get_n_columns (WspCsvTable *table)
{
  g_return_val_if_fail (table != NULL, 0);
  return table->header->len;
}

/* The header of @column, without white space at the ends; "" past the end. */
const char *
wsp_csv_table_get_header (WspCsvTable *table,
                          guint        column)
{
  g_return_val_if_fail (table != NULL, "");
  if (column >= table->header->len)
    return "";
  return g_ptr_array_index (table->header, column);
}

guint
wsp_csv_table_get_header_line (WspCsvTable *table)
{
  g_return_val_if_fail (table != NULL, 0);
  return table->header_line;
}

/* The text of a cell as in the file (line breaks as "\n"); "" for a cell
 * the row does not have. */
const char *
wsp_csv_table_get_cell (WspCsvTable *table,
                        guint        row,
                        guint        column)
{
  GPtrArray *cells;

  g_return_val_if_fail (table != NULL, "");
  g_return_val_if_fail (row < table->rows->len, "");

  cells = g_ptr_array_index (table->rows, row);
  if (column >= cells->len)
    return "";
  return g_ptr_array_index (cells, column);
}

/* The 1-based line of the file where @row begins. */
guint
wsp_csv_table_get_line (WspCsvTable *table,
                        guint        row)
{
  g_return_val_if_fail (table != NULL, 0);
  g_return_val_if_fail (row < table->lines->len, 0);
  return g_array_index (table->lines, guint, row);
}

char
wsp_csv_table_get_separator (WspCsvTable *table)
{
  g_return_val_if_fail (table != NULL, ';');
  return table->separator;
}

/* "UTF-8", "Windows-1250", "ISO-8859-2" or "UTF-16": what the file was read as. */
const char *
wsp_csv_table_get_encoding (WspCsvTable *table)
{
  g_return_val_if_fail (table != NULL, NULL);
  return table->encoding;
}

/* ---- mapping ------------------------------------------------------------- */

const char *
wsp_csv_field_label (WspCsvField field)
{
  switch (field)
    {
    case WSP_CSV_FIELD_NAME:
      return _("Name");
    case WSP_CSV_FIELD_SHORT_NAME:
      return _("Short name");
    case WSP_CSV_FIELD_KRS:
      return _("KRS number");
    case WSP_CSV_FIELD_NIP:
      return _("NIP");
    case WSP_CSV_FIELD_REGON:
      return _("REGON");
    case WSP_CSV_FIELD_ADDRESS:
      return _("Address");
    case WSP_CSV_FIELD_EMAIL:
      return _("E-mail");
    case WSP_CSV_FIELD_PHONE:
      return _("Phone");
    case WSP_CSV_FIELD_WEBSITE:
      return _("Website");
    case WSP_CSV_FIELD_FIELDS:
      return _("Fields of activity");
    case WSP_CSV_FIELD_NOTES:
      return _("Notes");
    case WSP_CSV_FIELD_IGNORE:
    case WSP_CSV_N_FIELDS:
    default:
      return _("Do not import");
    }
}

/* Whether one of @words begins with one of the NULL-terminated @prefixes. */
static gboolean
any_word_starts (GStrv        words,
                 const char  *prefixes[])
{
  for (guint i = 0; words[i] != NULL; i++)
    for (guint j = 0; prefixes[j] != NULL; j++)
      if (g_str_has_prefix (words[i], prefixes[j]))
        return TRUE;
  return FALSE;
}

static gboolean
any_word_is (GStrv        words,
             const char  *wanted[])
{
  for (guint i = 0; words[i] != NULL; i++)
    if (g_strv_contains ((const char * const *) wanted, words[i]))
      return TRUE;
  return FALSE;
}

/* The field a column with @header most likely holds, from Polish and
 * English words, ignoring case and diacritics. */
WspCsvField
wsp_csv_guess_field (const char *header)
{
  static const char *dates[] = { "data", "date", "dnia", NULL };
  static const char *short_names[] = { "skrot", "skroc", "short", "abbrev", "akronim", "acronym",
                                       NULL };
  static const char *krs[] = { "krs", NULL };
  static const char *nip[] = { "nip", NULL };
  static const char *regon[] = { "regon", NULL };
  static const char *email[] = { "mail", "email", NULL };
  static const char *web_words[] = { "www", "web", "url", "http", NULL };
  static const char *web[] = { "stron", "website", "internet", "homepage", NULL };
  static const char *phone_words[] = { "tel", NULL };
  static const char *phone[] = { "telefon", "phone", "telephone", "komork", "mobile", NULL };
  static const char *fields[] = { "obszar", "dziedzin", "sfer", "zakres", "dzialalnos", "field",
                                  "activit", "area", NULL };
  static const char *notes[] = { "uwag", "note", "comment", "komentarz", "remark", NULL };
  static const char *address_words[] = { "ul", "kod", NULL };
  static const char *address[] = { "adres", "address", "siedzib", "ulica", "miejscowos",
                                   "miasto", "pocztow", "postal", "postcode", "city", "street",
                                   NULL };
  static const char *name[] = { "nazw", "name", NULL };
  static const char *organisation[] = { "organizac", "organisation", "organization", NULL };
  g_autofree char *key = name_key (header);
  g_auto (GStrv) words = NULL;

  if (key == NULL)
    return WSP_CSV_FIELD_IGNORE;
  words = g_strsplit (key, " ", -1);

  if (any_word_is (words, dates))
    return WSP_CSV_FIELD_IGNORE;
  if (any_word_starts (words, short_names))
    return WSP_CSV_FIELD_SHORT_NAME;
  if (any_word_starts (words, krs))
    return WSP_CSV_FIELD_KRS;
  if (any_word_starts (words, nip))
    return WSP_CSV_FIELD_NIP;
  if (any_word_starts (words, regon))
    return WSP_CSV_FIELD_REGON;
  if (any_word_starts (words, email))
    return WSP_CSV_FIELD_EMAIL;
  if (any_word_is (words, web_words) || any_word_starts (words, web))
    return WSP_CSV_FIELD_WEBSITE;
  if (any_word_is (words, phone_words) || any_word_starts (words, phone))
    return WSP_CSV_FIELD_PHONE;
  if (any_word_starts (words, fields))
    return WSP_CSV_FIELD_FIELDS;
  if (any_word_starts (words, notes))
    return WSP_CSV_FIELD_NOTES;
  if (any_word_is (words, address_words) || any_word_starts (words, address))
    return WSP_CSV_FIELD_ADDRESS;
  if (any_word_starts (words, name))
    return WSP_CSV_FIELD_NAME;
  /* A column headed just "Organizacja". */
  if (g_strv_length (words) == 1 && any_word_starts (words, organisation))
    return WSP_CSV_FIELD_NAME;
  return WSP_CSV_FIELD_IGNORE;
}

/* Fills @mapping (one per column) with the guessed fields. Each field is
 * guessed for one column only, except the address (it may be split into
 * street, postcode and town) and notes: their columns are joined. */
void
wsp_csv_guess_mapping (WspCsvTable *table,
                       WspCsvField *mapping)
{
  gboolean used[WSP_CSV_N_FIELDS] = { FALSE };

  g_return_if_fail (table != NULL);
  g_return_if_fail (mapping != NULL || table->header->len == 0);

  for (guint c = 0; c < table->header->len; c++)
    {
      WspCsvField field = wsp_csv_guess_field (g_ptr_array_index (table->header, c));

      if (field != WSP_CSV_FIELD_ADDRESS && field != WSP_CSV_FIELD_NOTES && used[field])
        field = WSP_CSV_FIELD_IGNORE;
      used[field] = TRUE;
      mapping[c] = field;
    }
}

/* ---- importing ----------------------------------------------------------- */

void
wsp_csv_skipped_row_free (WspCsvSkippedRow *row)
{
  if (row == NULL)
    return;
  g_free (row->name);
  g_free (row->reason);
  g_free (row);
}

/* "Line 14 (Fundacja Ósemka): The NIP check digit does not match…" */
char *
wsp_csv_skipped_row_describe (const WspCsvSkippedRow *row)
{
  g_return_val_if_fail (row != NULL, NULL);

  if (row->name != NULL && row->name[0] != '\0')
    /* Translators: a skipped row of an imported file: line number, organisation, reason */
    return g_strdup_printf (_("Line %u (%s): %s"), row->line, row->name, row->reason);
  /* Translators: a skipped row of an imported file: line number, reason */
  return g_strdup_printf (_("Line %u: %s"), row->line, row->reason);
}

void
wsp_csv_import_report_clear (WspCsvImportReport *report)
{
  g_clear_pointer (&report->skipped_rows, g_ptr_array_unref);
  report->added = 0;
  report->updated = 0;
  report->unchanged = 0;
  report->skipped = 0;
}

/* The organisations already stored, by KRS, NIP and name key: key → id.
 * When two share a key, the first (in list order) is kept. */
typedef struct
{
  GHashTable *by_krs;
  GHashTable *by_nip;
  GHashTable *by_name;
} Index;

static void
index_clear (Index *index)
{
  g_clear_pointer (&index->by_krs, g_hash_table_unref);
  g_clear_pointer (&index->by_nip, g_hash_table_unref);
  g_clear_pointer (&index->by_name, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Index, index_clear)

static void
index_add (GHashTable *table,
           char       *key, /* taken */
           const char *id)
{
  if (key == NULL || g_hash_table_contains (table, key))
    {
      g_free (key);
      return;
    }
  g_hash_table_insert (table, key, g_strdup (id));
}

static void
index_record (Index     *index,
              WspRecord *record)
{
  const char *id = wsp_record_get_id (record);
  const char *krs = wsp_record_get_string (record, "krs");
  const char *nip = wsp_record_get_string (record, "nip");

  index_add (index->by_krs, krs != NULL ? clean_krs (krs) : NULL, id);
  index_add (index->by_nip, nip != NULL ? clean_nip (nip) : NULL, id);
  index_add (index->by_name, name_key (wsp_record_get_string (record, "name")), id);
}

/* Whether @record's stored @field and the row's @value (both set) differ. */
static gboolean
identifier_differs (WspRecord  *record,
                    const char *field,
                    const char *value,
                    char     *(*clean) (const char *))
{
  const char *stored = wsp_record_get_string (record, field);
  g_autofree char *stored_clean = NULL;

  if (value == NULL || stored == NULL)
    return FALSE;
  stored_clean = clean (stored);
  return stored_clean != NULL && g_strcmp0 (stored_clean, value) != 0;
}

/* The stored organisation @id if its @field still gives @key (an earlier
 * row may have changed it); NULL otherwise, or with @error set when the
 * database fails. */
static WspRecord *
lookup (WspStore    *store,
        GHashTable  *table,
        const char  *key,
        const char  *field,
        GError     **error)
{
  const char *id;
  g_autoptr (WspRecord) record = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *current = NULL;
  const char *value;

  if (key == NULL)
    return NULL;
  id = g_hash_table_lookup (table, key);
  if (id == NULL)
    return NULL;
  record = wsp_store_get (store, id, &local_error);
  if (record == NULL)
    {
      if (!g_error_matches (local_error, WSP_STORE_ERROR, WSP_STORE_ERROR_NOT_FOUND))
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  value = wsp_record_get_string (record, field);
  if (value == NULL)
    return NULL;
  if (g_str_equal (field, "krs"))
    current = clean_krs (value);
  else if (g_str_equal (field, "nip"))
    current = clean_nip (value);
  else
    current = name_key (value);
  if (g_strcmp0 (current, key) != 0)
    return NULL;
  return g_steal_pointer (&record);
}

/* The stored organisation a row is about: the one with its KRS number, else
 * its NIP, else its name. A match by NIP or name whose KRS number (or NIP)
 * differs from the row's is another organisation, so it is not taken. */
static WspRecord *
find_match (WspStore    *store,
            Index       *index,
            const char  *krs,
            const char  *nip,
            const char  *name,
            GError     **error)
{
  g_autoptr (WspRecord) record = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *key = name_key (name);

  record = lookup (store, index->by_krs, krs, "krs", &local_error);
  if (record != NULL)
    return g_steal_pointer (&record);

  if (local_error == NULL)
    record = lookup (store, index->by_nip, nip, "nip", &local_error);
  if (record != NULL && !identifier_differs (record, "krs", krs, clean_krs))
    return g_steal_pointer (&record);
  g_clear_object (&record);

  if (local_error == NULL)
    record = lookup (store, index->by_name, key, "name", &local_error);
  if (record != NULL && !identifier_differs (record, "krs", krs, clean_krs)
      && !identifier_differs (record, "nip", nip, clean_nip))
    return g_steal_pointer (&record);
  g_clear_object (&record);

  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}

/* A row's values, one per field: trimmed, the cells of columns mapped to
 * the same field joined; NULL where empty. */
typedef struct
{
  char *v[WSP_CSV_N_FIELDS];
} RowValues;

static void
row_values_clear (RowValues *values)
{
  for (guint f = 0; f < WSP_CSV_N_FIELDS; f++)
    g_clear_pointer (&values->v[f], g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RowValues, row_values_clear)

/* Replaces @value by @clean (@value). */
static void
clean_value (char  **value,
             char *(*clean) (const char *))
{
  char *cleaned;

  if (*value == NULL)
    return;
  cleaned = clean (*value);
  g_free (*value);
  *value = cleaned;
}

/* A cell as Excel writes text it must not turn into a number:
 * ="0000123456" → 0000123456. Other cells are returned as they are. */
static const char *
unwrap_formula (const char  *cell,
                char       **inner)
{
  gsize len = strlen (cell);

  if (len < 3 || cell[0] != '=' || cell[1] != '"' || cell[len - 1] != '"')
    return cell;
  *inner = g_strndup (cell + 2, len - 3);
  return *inner;
}

static void
collect_row (WspCsvTable       *table,
             guint              row,
             const WspCsvField *mapping,
             RowValues         *values)
{
  GString *parts[WSP_CSV_N_FIELDS] = { NULL };

  for (guint c = 0; c < table->header->len; c++)
    {
      WspCsvField field = mapping[c];
      g_autofree char *inner = NULL;
      g_autofree char *cell = NULL;
      const char *raw;

      if (field <= WSP_CSV_FIELD_IGNORE || field >= WSP_CSV_N_FIELDS)
        continue;

      raw = unwrap_formula (wsp_csv_table_get_cell (table, row, c), &inner);
      switch (field)
        {
        case WSP_CSV_FIELD_ADDRESS:
          cell = one_line_address (raw);
          break;
        case WSP_CSV_FIELD_NOTES:
        case WSP_CSV_FIELD_FIELDS:
          cell = trim_text (raw);
          break;
        default:
          cell = collapse_spaces (raw);
          break;
        }
      if (cell[0] == '\0')
        continue;

      if (parts[field] == NULL)
        parts[field] = g_string_new (cell);
      else if (field == WSP_CSV_FIELD_ADDRESS)
        {
          /* "41-200" and "Sosnowiec" in two columns make "41-200 Sosnowiec". */
          g_string_append (parts[field], ends_with_postcode (parts[field]->str) ? " " : ", ");
          g_string_append (parts[field], cell);
        }
      else if (field == WSP_CSV_FIELD_NOTES || field == WSP_CSV_FIELD_FIELDS)
        g_string_append_printf (parts[field], "\n%s", cell);
      /* Other fields: the first filled column counts. */
    }

  for (guint f = 0; f < WSP_CSV_N_FIELDS; f++)
    values->v[f] = parts[f] != NULL ? g_string_free (parts[f], FALSE) : NULL;

  clean_value (&values->v[WSP_CSV_FIELD_KRS], clean_krs);
  clean_value (&values->v[WSP_CSV_FIELD_NIP], clean_nip);
  clean_value (&values->v[WSP_CSV_FIELD_REGON], clean_regon);
}

/* "edukacja, kultura; sport" → { "edukacja", "kultura", "sport" }. */
static GStrv
split_fields (const char *text)
{
  g_auto (GStrv) parts = g_strsplit_set (text, ",;\n", -1);
  g_autoptr (GStrvBuilder) list = g_strv_builder_new ();
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *item = collapse_spaces (parts[i]);

      if (item[0] == '\0' || g_hash_table_contains (seen, item))
        continue;
      g_strv_builder_add (list, item);
      g_hash_table_add (seen, g_steal_pointer (&item));
    }
  return g_strv_builder_end (list);
}

static void
add_skipped (WspCsvImportReport *report,
             guint               line,
             const char         *name,
             const char         *reason)
{
  WspCsvSkippedRow *skipped = g_new0 (WspCsvSkippedRow, 1);

  skipped->line = line;
  skipped->name = g_strdup (name != NULL ? name : "");
  skipped->reason = g_strdup (reason);
  g_ptr_array_add (report->skipped_rows, skipped);
  report->skipped++;
}

static const char * const text_fields[WSP_CSV_N_FIELDS] = {
  [WSP_CSV_FIELD_NAME] = "name",
  [WSP_CSV_FIELD_SHORT_NAME] = "short_name",
  [WSP_CSV_FIELD_KRS] = "krs",
  [WSP_CSV_FIELD_NIP] = "nip",
  [WSP_CSV_FIELD_REGON] = "regon",
  [WSP_CSV_FIELD_ADDRESS] = "address",
  [WSP_CSV_FIELD_EMAIL] = "email",
  [WSP_CSV_FIELD_PHONE] = "phone",
  [WSP_CSV_FIELD_WEBSITE] = "website",
  [WSP_CSV_FIELD_NOTES] = "notes",
};

/* Works out what a row would do: the record it makes or changes (not
 * saved), whether it is new, or why the row is skipped (*@skip_reason, and
 * *@record NULL). Returns FALSE only when the database fails. */
static gboolean
prepare_row (WspStore           *store,
             WspCsvTable        *table,
             guint               row,
             const WspCsvField  *mapping,
             Index              *index,
             WspRecord         **out_record,
             gboolean           *out_is_new,
             char              **out_name,
             char              **skip_reason,
             GError            **error)
{
  g_auto (RowValues) row_values = { { NULL } };
  char **values = row_values.v;
  g_autoptr (WspRecord) record = NULL;
  g_autoptr (GError) local_error = NULL;
  gboolean filled = FALSE;
  gboolean is_new;
  const char *name;

  *out_record = NULL;
  *skip_reason = NULL;
  collect_row (table, row, mapping, &row_values);
  name = values[WSP_CSV_FIELD_NAME];
  *out_name = g_strdup (name);
  for (guint f = 0; f < WSP_CSV_N_FIELDS; f++)
    filled = filled || values[f] != NULL;
  if (!filled)
    {
      *skip_reason = g_strdup (_("The row has nothing in the columns chosen for the import."));
      return TRUE;
    }

  record = find_match (store, index, values[WSP_CSV_FIELD_KRS], values[WSP_CSV_FIELD_NIP],
                       name, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  is_new = record == NULL;
  if (is_new)
    {
      if (name == NULL && values[WSP_CSV_FIELD_KRS] == NULL && values[WSP_CSV_FIELD_NIP] == NULL)
        {
          *skip_reason = g_strdup (_("The organisation’s name is empty."));
          return TRUE;
        }
      if (name == NULL)
        {
          *skip_reason = g_strdup (_("The organisation’s name is empty, and no organisation with this KRS "
                                     "number or NIP is in the register yet."));
          return TRUE;
        }
      record = WSP_RECORD (wsp_organisation_new ());
    }

  /* A name that differs from the stored one only in case, diacritics or
   * punctuation ("FUNDACJA OSEMKA") is the same name: the stored spelling
   * stays. */
  if (!is_new && name != NULL)
    {
      g_autofree char *stored_key = name_key (wsp_record_get_string (record, "name"));
      g_autofree char *row_key = name_key (name);

      if (g_strcmp0 (stored_key, row_key) == 0)
        {
          name = NULL;
          g_clear_pointer (&values[WSP_CSV_FIELD_NAME], g_free);
        }
    }

  /* Only what the row has: a blank cell keeps the stored value. */
  for (guint f = 0; f < WSP_CSV_N_FIELDS; f++)
    if (text_fields[f] != NULL && values[f] != NULL)
      wsp_record_set_string (record, text_fields[f], values[f]);
  if (values[WSP_CSV_FIELD_FIELDS] != NULL)
    {
      g_auto (GStrv) list = split_fields (values[WSP_CSV_FIELD_FIELDS]);

      if (list[0] != NULL)
        wsp_record_set_list (record, "fields", (const char * const *) list);
    }

  if (*out_name == NULL)
    *out_name = g_strdup (wsp_record_get_string (record, "name"));
  if (!wsp_record_validate (record, &local_error))
    {
      *skip_reason = g_strdup (local_error->message);
      return TRUE;
    }
  *out_is_new = is_new;
  *out_record = g_steal_pointer (&record);
  return TRUE;
}

/* Imports one row. Returns FALSE only when the database fails (the whole
 * import is then undone); a bad row is added to @report as skipped. */
static gboolean
import_row (WspStore           *store,
            WspCsvTable        *table,
            guint               row,
            const WspCsvField  *mapping,
            Index              *index,
            WspCsvImportReport *report,
            GError            **error)
{
  guint line = wsp_csv_table_get_line (table, row);
  g_autoptr (WspRecord) record = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *revision = NULL;
  g_autofree char *name = NULL;
  g_autofree char *reason = NULL;
  gboolean is_new = FALSE;

  if (!prepare_row (store, table, row, mapping, index, &record, &is_new, &name, &reason, &local_error))
    goto database_failed;
  if (record == NULL)
    {
      add_skipped (report, line, name, reason);
      return TRUE;
    }
  if (!is_new)
    revision = g_strdup (wsp_record_get_revision (record));
  if (!wsp_store_save (store, record, &local_error))
    {
      if (local_error->domain == WSP_DATABASE_ERROR)
        goto database_failed;
      add_skipped (report, line, name, local_error->message);
      return TRUE;
    }

  if (is_new)
    report->added++;
  else if (g_strcmp0 (revision, wsp_record_get_revision (record)) == 0)
    report->unchanged++;
  else
    report->updated++;
  index_record (index, record);
  return TRUE;

database_failed:
  g_set_error (error, local_error->domain, local_error->code, _("Line %u: %s"), line,
               local_error->message);
  return FALSE;
}

static gboolean
build_index (WspStore  *store,
             Index     *index,
             GError   **error)
{
  g_autoptr (GPtrArray) existing = g_ptr_array_new_with_free_func (g_object_unref);

  index->by_krs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  index->by_nip = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  index->by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (!wsp_store_query (store, WSP_TYPE_ORGANISATION, NULL, NULL, existing, error))
    return FALSE;
  for (guint i = 0; i < existing->len; i++)
    index_record (index, g_ptr_array_index (existing, i));
  return TRUE;
}

void
wsp_csv_row_preview_free (WspCsvRowPreview *preview)
{
  if (preview == NULL)
    return;
  g_free (preview->name);
  g_free (preview->reason);
  g_free (preview);
}

/**
 * wsp_csv_preview:
 * @store: the store the rows would go into (only read)
 * @table: the register
 * @mapping: what each column holds
 * @error: where to say why the store could not be read
 *
 * What wsp_csv_import() would do with each row, without changing
 * anything: a new organisation, an update of one already stored, or a row
 * skipped and why, by the same rules as the import. (Two rows about the
 * same new organisation both show as new; the import joins them.)
 *
 * Returns: (transfer full) (element-type WspCsvRowPreview): one per row of
 *   @table, in its order; NULL with @error
 */
GPtrArray *
wsp_csv_preview (WspStore           *store,
                 WspCsvTable        *table,
                 const WspCsvField  *mapping,
                 GError            **error)
{
  g_auto (Index) index = { 0 };
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) wsp_csv_row_preview_free);

  g_return_val_if_fail (WSP_IS_STORE (store), NULL);
  g_return_val_if_fail (table != NULL, NULL);

  if (!build_index (store, &index, error))
    return NULL;
  for (guint row = 0; row < table->rows->len; row++)
    {
      g_autoptr (WspRecord) record = NULL;
      WspCsvRowPreview *preview = g_new0 (WspCsvRowPreview, 1);
      gboolean is_new = FALSE;

      preview->line = wsp_csv_table_get_line (table, row);
      g_ptr_array_add (rows, preview);
      if (!prepare_row (store, table, row, mapping, &index, &record, &is_new, &preview->name,
                        &preview->reason, error))
        return NULL;
      preview->fate = record == NULL ? WSP_CSV_ROW_SKIPPED : is_new ? WSP_CSV_ROW_NEW : WSP_CSV_ROW_UPDATE;
    }
  return g_steal_pointer (&rows);
}

/* Imports the organisations of @table, its columns read as @mapping says
 * (one field per column). Each row updates the organisation already stored
 * with its KRS number, else NIP, else name (ignoring case and diacritics),
 * or adds a new one; a blank cell never erases stored data. Rows that
 * cannot be saved are listed in @report as skipped, with the reason, and do
 * not stop the others. Everything happens in one transaction: on an error
 * (the database failing, or no column for the name) nothing is imported
 * and @report is left empty. */
gboolean
wsp_csv_import (WspStore           *store,
                WspCsvTable        *table,
                const WspCsvField  *mapping,
                WspCsvImportReport *report,
                GError            **error)
{
  g_auto (Index) index = { 0 };
  gboolean has_name = FALSE;

  g_return_val_if_fail (WSP_IS_STORE (store), FALSE);
  g_return_val_if_fail (table != NULL, FALSE);
  g_return_val_if_fail (mapping != NULL || table->header->len == 0, FALSE);
  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  wsp_csv_import_report_clear (report);

  for (guint c = 0; c < table->header->len; c++)
    has_name = has_name || mapping[c] == WSP_CSV_FIELD_NAME;
  if (!has_name)
    {
      g_set_error_literal (error, WSP_CSV_ERROR, WSP_CSV_ERROR_NO_NAME_COLUMN,
                           _("No column is marked as the organisation’s name. Choose the column "
                             "that holds the names and try again."));
      return FALSE;
    }

  if (!wsp_store_begin (store, error))
    return FALSE;
  if (!build_index (store, &index, error))
    {
      wsp_store_rollback (store);
      return FALSE;
    }

  report->skipped_rows = g_ptr_array_new_with_free_func ((GDestroyNotify) wsp_csv_skipped_row_free);

  for (guint row = 0; row < table->rows->len; row++)
    {
      if (!import_row (store, table, row, mapping, &index, report, error))
        {
          wsp_store_rollback (store);
          wsp_csv_import_report_clear (report);
          return FALSE;
        }
    }

  if (!wsp_store_commit (store, error))
    {
      wsp_csv_import_report_clear (report);
      return FALSE;
    }
  return TRUE;
}

/* ---- in a worker thread -------------------------------------------------- */

typedef struct
{
  WspCsvTable        *table;
  WspCsvField        *mapping;
  WspCsvImportReport  report;
} Job;

static void
job_free (Job *job)
{
  wsp_csv_table_free (job->table);
  g_free (job->mapping);
  wsp_csv_import_report_clear (&job->report);
  g_free (job);
}

static gboolean
import_work (WspStore      *worker,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  Job *job = data;

  return wsp_csv_import (worker, job->table, job->mapping, &job->report, error);
}

/* Imports as wsp_csv_import() does, in a worker thread; the window's lists
 * follow what it changed when it is finished. */
void
wsp_csv_import_async (WspStore            *store,
                      WspCsvTable         *table,
                      const WspCsvField   *mapping,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  Job *job = g_new0 (Job, 1);
  guint n = wsp_csv_table_get_n_columns (table);

  job->table = wsp_csv_table_ref (table);
  job->mapping = g_memdup2 (mapping, MAX (n, 1) * sizeof (WspCsvField));
  wsp_store_run_async (store, import_work, job, (GDestroyNotify) job_free, cancellable, callback,
                       user_data);
}

/* Fills @report (start it zeroed; clear it when done). */
gboolean
wsp_csv_import_finish (WspStore            *store,
                       GAsyncResult        *result,
                       WspCsvImportReport  *report,
                       GError             **error)
{
  Job *job = wsp_store_run_get_data (result);

  if (!wsp_store_run_finish (store, result, error))
    return FALSE;
  if (report != NULL)
    {
      *report = job->report;
      memset (&job->report, 0, sizeof job->report);
    }
  return TRUE;
}
