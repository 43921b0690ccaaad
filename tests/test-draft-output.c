/* test-draft-output.c — the table of comments and the opinion, read back by real consumers
 *
 * PDFs are read with pdftotext and pdfinfo, CSV with Python's csv module,
 * ODT files are opened by LibreOffice (converted to PDF in one batch) and
 * read back with pdftotext.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "wsp-test-util.h"

#include <string.h>

#include "demo/wsp-demo.h"
#include "domain/wsp-drafts.h"
#include "import/wsp-draft-import.h"
#include "output/wsp-builders.h"
#include "output/wsp-output.h"
#include "records/wsp-records-drafts.h"

#define PYTHON "/usr/bin/python3"

typedef struct
{
  char     *dir;
  WspStore *store;
  char     *programme;
} Fixture;

static const WspBuildOptions options = { .today = "2026-11-27" };

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) drafts = g_ptr_array_new_with_free_func (g_object_unref);

  f->dir = g_dir_make_tmp ("wsp-draft-output-XXXXXX", &error);
  f->store = wsp_test_open_store (f->dir, "demo.sqlite3");
  g_assert_true (wsp_demo_fill (f->store, &error));
  g_assert_no_error (error);
  g_assert_true (wsp_store_query (f->store, WSP_TYPE_DRAFT, "kind", "cooperation_programme", drafts, &error));
  g_assert_cmpuint (drafts->len, ==, 1);
  f->programme = g_strdup (wsp_record_get_id (g_ptr_array_index (drafts, 0)));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  wsp_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->programme);
}

static char *
path_in (Fixture    *f,
         const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

/* "841.89 x 595.276" of the first page. */
static char *
pdf_page_size (const char *pdf)
{
  g_autofree char *out = wsp_test_run ((const char *[]){ "pdfinfo", pdf, NULL });
  const char *line = strstr (out, "Page size:");
  const char *end;

  g_assert_nonnull (line);
  line += strlen ("Page size:");
  while (*line == ' ')
    line++;
  end = strstr (line, " pts");
  g_assert_nonnull (end);
  return g_strndup (line, (gsize) (end - line));
}

static void
write_document (WspDocument *doc,
                const char  *path)
{
  g_autoptr (GError) error = NULL;
  WspFormat format;

  g_assert_true (wsp_format_from_path (path, &format, &error));
  g_assert_true (wsp_output_write (doc, format, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* Asserts that @needles occur in @text in that order. */
static void
assert_in_order (const char         *text,
                 const char * const *needles)
{
  const char *at = text;

  for (guint i = 0; needles[i] != NULL; i++)
    {
      const char *found = strstr (at, needles[i]);

      if (found == NULL)
        g_error ("“%s” is not there (after the %u before it) in: %s", needles[i], i, text);
      at = found + strlen (needles[i]);
    }
}

static WspDocument *
comments_table (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  WspDocument *doc = wsp_build_comments_table (f->store, f->programme, &options, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

static WspDocument *
opinion (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  WspDocument *doc = wsp_build_opinion (f->store, f->programme, &options, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

/* The table of comments as the city office reads it: across the page, the
 * comments in the order of the draft, each with its decision. */
static void
test_comments_table_pdf (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr (WspDocument) doc = comments_table (f);
  g_autofree char *pdf = path_in (f, "table.pdf");
  g_autofree char *text = NULL;
  g_autofree char *size = NULL;

  if (!wsp_test_have ("pdftotext"))
    return;
  write_document (doc, pdf);
  size = pdf_page_size (pdf);
  g_assert_cmpstr (size, ==, "841.89 x 595.276");
  text = wsp_test_pdf_text (pdf);
  assert_in_order (text, (const char *[]){ "Rada Działalności Pożytku Publicznego", "Table of comments", "Programu współpracy",
                                           "Received: 20 October 2026", "Version: 2, received 27 October 2026",
                                           "Deadline for the opinion: 3 November 2026",
                                           "11 comments (accepted: 5, partly accepted: 3, rejected: 3)",
                                           NULL });
  /* The columns (pdftotext reads a cell of two lines after its row). */
  for (guint i = 0; i < 7; i++)
    g_assert_nonnull (strstr (text, (const char *[]){ "No.", "Unit of the draft", "Current wording", "Proposed wording",
                                                      "Justification", "Submitted by",
                                                      "Decision of the Council and its reason" }[i]));
  /* The rows in the order of the text. */
  assert_in_order (text, (const char *[]){ "1. § 1 ust. 2 pkt 3", "(the text changed since this comment)",
                                           "2. § 2 ust. 2 pkt 4", "3. § 3", "4. § 4 ust. 1", "regrantingu",
                                           "5. § 4 ust. 2 pkt 3", "7. § 5 ust. 1", "9. § 6 ust. 1",
                                           "11. § 6 ust. 3", NULL });
  g_assert_nonnull (strstr (text, "Partly accepted. Uwzględniono możliwość regrantingu"));
  g_assert_nonnull (strstr (text, "Rejected. Zasady współpracy"));
  /* Every author, and the reasons. */
  g_assert_nonnull (strstr (text, "Karolina Wrona"));
  g_assert_nonnull (strstr (text, "Zadania z tego zakresu są finansowane"));
}

/* The table's CSV: one row per comment, seven columns, for a spreadsheet. */
static void
test_comments_table_csv (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr (WspDocument) doc = comments_table (f);
  g_autofree char *csv = path_in (f, "table.csv");
  g_autofree char *out = NULL;

  write_document (doc, csv);
  out = wsp_test_run ((const char *[]){ PYTHON, "-c",
                               "import csv,sys\n"
                               "rows=list(csv.reader(open(sys.argv[1],encoding='utf-8-sig'),delimiter=';'))\n"
                               "print(len(rows), set(len(r) for r in rows), rows[0][1], '|', rows[1][0], rows[1][1].split('\\n')[0])\n",
                               csv, NULL });
  g_assert_cmpstr (out, ==, "12 {7} Unit of the draft | 1. § 1 ust. 2 pkt 3\n");
}

/* The opinion: a resolution, its number, basis and verdict, the meeting and
 * the vote, the chair's signature and the table attached. */
static void
test_opinion_pdf (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr (WspDocument) doc = opinion (f);
  g_autofree char *pdf = path_in (f, "opinion.pdf");
  g_autofree char *text = NULL;
  g_autofree char *size = NULL;

  if (!wsp_test_have ("pdftotext"))
    return;
  write_document (doc, pdf);
  size = pdf_page_size (pdf);
  g_assert_cmpstr (size, ==, "595.276 x 841.89");
  text = wsp_test_pdf_text (pdf);
  assert_in_order (text, (const char *[]){ "29 October 2026", "Resolution", "no. 5/2026", "on the opinion on the draft",
                                           "Programu współpracy", "article 41i(1)(2)", "§ 1.",
                                           "positive opinion on the draft, with the remarks",
                                           "§ 2.", "comes into force", "Adopted:", "Council meeting no. 8",
                                           "for:", "Justification", "Chair of the Council",
                                           "Attachment to resolution no. 5/2026", "Proposed wording and justification",
                                           "§ 1 ust. 2 pkt 3", "Justification:", NULL });
}

/* No opinion recorded: the document is refused, and says why. */
static void
test_opinion_refused_without_one (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr (GPtrArray) others = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GError) error = NULL;
  g_autoptr (WspDocument) doc = NULL;

  g_assert_true (wsp_store_query (f->store, WSP_TYPE_DRAFT, "kind", "other", others, &error));
  doc = wsp_build_opinion (f->store, wsp_record_get_id (g_ptr_array_index (others, 0)), &options, &error);
  g_assert_null (doc);
  g_assert_error (error, WSP_OUTPUT_ERROR, WSP_OUTPUT_ERROR_MISSING);
  g_clear_error (&error);
  doc = wsp_build_comments_table (f->store, wsp_record_get_id (g_ptr_array_index (others, 0)), &options, &error);
  g_assert_no_error (error);
}

/* A waived opinion is a note, no resolution; a split one gives each side's
 * position. */
static void
test_waived_and_split (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr (WspRecord) draft = WSP_RECORD (wsp_draft_new ());
  g_autoptr (WspRecord) waived = WSP_RECORD (wsp_opinion_new ());
  g_autoptr (WspRecord) split = WSP_RECORD (wsp_opinion_new ());
  g_autoptr (WspDocument) note = NULL;
  g_autoptr (WspDocument) sides = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *note_pdf = path_in (f, "note.pdf");
  g_autofree char *split_pdf = path_in (f, "split.pdf");
  g_autofree char *text = NULL;

  if (!wsp_test_have ("pdftotext"))
    return;
  wsp_record_set_string (draft, "title", "Projekt uchwały w sprawie Strategii Rozwoju Miasta 2035");
  wsp_record_set_string (draft, "kind", "strategy");
  wsp_record_set_string (draft, "received_on", "2026-09-01");
  g_assert_true (wsp_draft_register (f->store, draft, "§ 1. Przyjmuje się Strategię.", NULL, NULL, &error));
  g_assert_no_error (error);
  wsp_record_set_string (waived, "draft_id", wsp_record_get_id (draft));
  wsp_record_set_string (waived, "body_id", wsp_record_get_id (draft));
  wsp_record_set_string (waived, "verdict", "waived");
  g_assert_true (wsp_store_save (f->store, waived, &error));
  note = wsp_build_opinion (f->store, wsp_record_get_id (draft), &options, &error);
  g_assert_no_error (error);
  write_document (note, note_pdf);
  text = wsp_test_pdf_text (note_pdf);
  assert_in_order (text, (const char *[]){ "Note on an opinion not given", "15 September 2026", "41i(2)",
                                           "waived its right", NULL });
  g_assert_null (strstr (text, "Resolution"));
  g_clear_pointer (&text, g_free);

  /* The correction: no resolution passed; the sides state positions. */
  wsp_record_set_string (split, "draft_id", wsp_record_get_id (draft));
  wsp_record_set_string (split, "body_id", wsp_record_get_id (draft));
  wsp_record_set_string (split, "verdict", "split");
  wsp_record_set_string (split, "corrects", wsp_record_get_id (waived));
  wsp_record_set_value (split, "sides",
                        json_from_string ("[{\"side\":\"ngo\",\"position\":\"Strategia pomija organizacje.\"},"
                                          "{\"side\":\"mayor\",\"position\":\"Strategia jest kompletna.\"}]",
                                          NULL));
  g_assert_true (wsp_store_save (f->store, split, &error));
  g_assert_no_error (error);
  sides = wsp_build_opinion (f->store, wsp_record_get_id (draft), &options, &error);
  g_assert_no_error (error);
  write_document (sides, split_pdf);
  text = wsp_test_pdf_text (split_pdf);
  /* A strategy: point 1 of art. 41i(1). */
  assert_in_order (text, (const char *[]){ "Resolution", "article 41i(1)(1)", "No resolution on the opinion",
                                           "Position of the NGO side", "Strategia pomija organizacje.",
                                           "Position of the Mayor’s side", "Strategia jest kompletna.", NULL });
}

/* LibreOffice opens both ODT files (one batch: it is slow to start); its
 * PDF of the table is across the page, and has what ours has. */
static void
test_libreoffice (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr (WspDocument) table = comments_table (f);
  g_autoptr (WspDocument) resolution = opinion (f);
  g_autofree char *table_odt = path_in (f, "table.odt");
  g_autofree char *table_pdf = path_in (f, "table.pdf");
  g_autofree char *opinion_odt = path_in (f, "opinion.odt");
  g_autofree char *opinion_pdf = path_in (f, "opinion.pdf");
  g_autofree char *outdir = path_in (f, "lo");
  g_autofree char *profile = path_in (f, "lo-profile");
  g_autofree char *profile_uri = g_filename_to_uri (profile, NULL, NULL);
  g_autofree char *env = g_strdup_printf ("-env:UserInstallation=%s", profile_uri);
  const char *names[] = { "table", "opinion" };

  if (!wsp_test_have ("soffice") || !wsp_test_have ("pdftotext"))
    return;
  write_document (table, table_odt);
  write_document (table, table_pdf);
  write_document (resolution, opinion_odt);
  write_document (resolution, opinion_pdf);
  {
    g_autofree char *out = wsp_test_run ((const char *[]){ "soffice", env, "--headless", "--convert-to", "pdf", "--outdir",
                                                  outdir, table_odt, opinion_odt, NULL });
  }
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *pdf_name = g_strdup_printf ("%s.pdf", names[i]);
      g_autofree char *ours_path = path_in (f, pdf_name);
      g_autofree char *theirs_path = g_build_filename (outdir, pdf_name, NULL);
      g_autofree char *ours = wsp_test_pdf_text (ours_path);
      g_autofree char *theirs = wsp_test_pdf_text (theirs_path);
      g_autofree char *padded = g_strdup_printf (" %s ", theirs);
      g_autofree char *size = pdf_page_size (theirs_path);
      g_auto (GStrv) words = g_strsplit (ours, " ", -1);

      /* A4 across the page, or upright (LibreOffice rounds 21 cm its own way). */
      g_assert_cmpint (g_ascii_strtod (size, NULL) > g_ascii_strtod (strstr (size, "x ") + 2, NULL), ==, i == 0);
      g_autoptr (GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);
      g_autofree char *joined = g_regex_replace_literal (spaces, theirs, -1, 0, "", 0, NULL);

      /* Every word of ours is in LibreOffice's, but for page numbers; a
       * word broken at the end of a cell's line (pdftotext drops the
       * hyphen), and broken elsewhere by LibreOffice, is in its text once
       * the spaces are gone. */
      for (guint w = 0; words[w] != NULL; w++)
        {
          g_autofree char *word = g_strdup_printf (" %s ", words[w]);

          if (g_utf8_strlen (words[w], -1) < 4 || g_regex_match_simple ("^[0-9]+[.,;]?$", words[w], 0, 0))
            continue;
          if (strstr (padded, word) == NULL && strstr (joined, words[w]) == NULL)
            g_error ("%s: LibreOffice does not show “%s”", pdf_name, words[w]);
        }
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/draft-output/comments-table/pdf", test_comments_table_pdf);
  ADD ("/draft-output/comments-table/csv", test_comments_table_csv);
  ADD ("/draft-output/opinion/pdf", test_opinion_pdf);
  ADD ("/draft-output/opinion/refused-without-one", test_opinion_refused_without_one);
  ADD ("/draft-output/opinion/waived-and-split", test_waived_and_split);
  ADD ("/draft-output/libreoffice", test_libreoffice);
#undef ADD
  return g_test_run ();
}
