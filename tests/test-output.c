/* test-output.c — the documents, read back by real consumers
 *
 * PDFs are read with pdftotext and pdfinfo (poppler), ODT files are opened
 * by LibreOffice (converted to PDF in one batch, then read with pdftotext)
 * and their package is checked byte by byte, CSV is parsed by Python's csv
 * module, and invitations are parsed by libical and by python3-icalendar.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "wsp-test-util.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#define LIBICAL_GLIB_UNSTABLE_API 1
#include <libical-glib/libical-glib.h>

#include "demo/wsp-demo.h"
#include "records/wsp-entities.h"
#include "output/wsp-builders.h"
#include "output/wsp-output.h"
#include "records/wsp-records-votes.h"
#include "records/wsp-records-members.h"
#include "records/wsp-records-meetings.h"

#define PYTHON "/usr/bin/python3"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ICalTime, g_object_unref)

typedef struct
{
  char     *dir;
  WspStore *store;
} Fixture;

static const WspBuildOptions options = { .today = "2026-11-27" };

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  f->dir = g_dir_make_tmp ("wsp-output-XXXXXX", &error);
  g_assert_no_error (error);
  f->store = wsp_test_open_store (f->dir, "demo.sqlite3");
  g_assert_true (wsp_demo_fill (f->store, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  wsp_test_remove_tree (f->dir);
  g_free (f->dir);
}

static char *
path_in (Fixture    *f,
         const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

/* The id of the record of @type whose @field is @value. */
static char *
find_id (Fixture    *f,
         GType       type,
         const char *field,
         const char *value)
{
  g_autoptr (GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GError) error = NULL;

  g_assert_true (wsp_store_query (f->store, type, NULL, NULL, records, &error));
  for (guint i = 0; i < records->len; i++)
    {
      WspRecord *record = g_ptr_array_index (records, i);
      const char *text = wsp_record_get_string (record, field);
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                 wsp_record_get_int (record, field));

      if (g_strcmp0 (text, value) == 0 || (text == NULL && g_str_equal (number, value)))
        return g_strdup (wsp_record_get_id (record));
    }
  g_error ("no %s with %s = %s", g_type_name (type), field, value);
  return NULL;
}

/* The Council's meeting no. @number. */
static char *
council_meeting (Fixture *f,
                 int      number)
{
  g_autoptr (GPtrArray) meetings = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *council = find_id (f, WSP_TYPE_BODY, "kind", "council");

  g_assert_true (wsp_store_query (f->store, WSP_TYPE_MEETING, "body_id", council, meetings, NULL));
  for (guint i = 0; i < meetings->len; i++)
    if (wsp_record_get_int (g_ptr_array_index (meetings, i), "number") == number)
      return g_strdup (wsp_record_get_id (g_ptr_array_index (meetings, i)));
  g_error ("no Council meeting %d", number);
  return NULL;
}

/* The text of @pdf (pages @first to @last, 0 for all), spaces and line
 * breaks made single spaces. */
static char *
pdf_text (const char *pdf,
          int         first,
          int         last)
{
  g_autofree char *f = g_strdup_printf ("%d", first > 0 ? first : 1);
  g_autofree char *l = g_strdup_printf ("%d", last > 0 ? last : 100000);
  g_autofree char *out = wsp_test_run ((const char *[]){ "pdftotext", "-enc", "UTF-8", "-f", f, "-l", l,
                                                pdf, "-", NULL });
  g_autoptr (GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);

  return g_regex_replace_literal (spaces, out, -1, 0, " ", 0, NULL);
}

/* The text of @pdf as laid out: a table row on one line, runs of spaces
 * made one. */
static char *
pdf_lines (const char *pdf)
{
  g_autofree char *out = wsp_test_run ((const char *[]){ "pdftotext", "-enc", "UTF-8", "-layout", pdf, "-",
                                                NULL });
  g_autoptr (GRegex) spaces = g_regex_new ("[ \t]+", 0, 0, NULL);

  return g_regex_replace_literal (spaces, out, -1, 0, " ", 0, NULL);
}

static int
pdf_pages (const char *pdf)
{
  g_autofree char *out = wsp_test_run ((const char *[]){ "pdfinfo", pdf, NULL });
  const char *line = strstr (out, "Pages:");

  g_assert_nonnull (line);
  return atoi (line + strlen ("Pages:"));
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

/* ---- PDF ------------------------------------------------------------------ */

static void
test_agenda_pdf (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *meeting = council_meeting (f, 9);
  g_autofree char *pdf = path_in (f, "agenda.pdf");
  g_autoptr (GError) error = NULL;
  g_autoptr (WspDocument) doc = wsp_build_agenda (f->store, meeting, &options, &error);
  g_autofree char *text = NULL;

  if (!wsp_test_have ("pdftotext"))
    return;
  g_assert_no_error (error);
  write_document (doc, pdf);
  text = pdf_text (pdf, 0, 0);

  g_assert_nonnull (strstr (text, "Rada Działalności Pożytku Publicznego Miasta Zagłębiowice"));
  g_assert_nonnull (strstr (text, "Zagłębiowice, 27 November 2026"));
  g_assert_nonnull (strstr (text, "of Council meeting no. 9 on 3 December 2026"));
  g_assert_nonnull (strstr (text, "on Thursday, 3 December 2026 at 16:00"));
  g_assert_nonnull (strstr (text, "Centrum Organizacji Pozarządowych, sala 12, ul. Hutnicza 5"));
  /* Numbered items with presenters and planned times, in order. */
  g_assert_nonnull (strstr (text, "1. Otwarcie posiedzenia, stwierdzenie kworum i przyjęcie "
                                  "porządku obrad Presented by: Małgorzata Nowak, Przewodnicząca "
                                  "Rady · 16:00–16:10 (10 min)"));
  g_assert_nonnull (strstr (text, "6. Wolne wnioski i sprawy różne 17:25–17:40 (15 min)"));
  g_assert_true (strstr (text, "1. Otwarcie") < strstr (text, "3. Opinia o projekcie"));
  /* The attached draft. */
  g_assert_nonnull (strstr (text, "regulaminu korzystania z sal Centrum Organizacji "
                                  "Pozarządowych (received on 20 November 2026"));
  /* The chair signs. */
  g_assert_nonnull (strstr (text, "Chair of the Council"));
  g_assert_nonnull (strstr (text, "Page 1 of 1"));
  g_assert_cmpint (pdf_pages (pdf), ==, 1);
  /* The font is in the file, not left to the reader. */
  {
    g_autofree char *fonts = wsp_test_run ((const char *[]){ "pdffonts", pdf, NULL });
    g_assert_nonnull (strstr (fonts, "DejaVuSerif"));
    g_assert_null (strstr (fonts, " no  "));
  }
}

/* Every Polish letter comes back out of the PDF as it went in. */
static void
test_polish_letters (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *council = council_meeting (f, 9);
  g_autofree char *forum_body = find_id (f, WSP_TYPE_BODY, "kind", "forum");
  g_autofree char *forum = find_id (f, WSP_TYPE_MEETING, "number", "64");
  g_autofree char *a = path_in (f, "council.pdf");
  g_autofree char *b = path_in (f, "forum.pdf");
  g_autoptr (GError) error = NULL;
  g_autoptr (WspDocument) council_list = NULL;
  g_autoptr (WspDocument) forum_list = NULL;
  g_autofree char *text_a = NULL;
  g_autofree char *text_b = NULL;
  g_autofree char *all = NULL;
  const char *names[] = {
    "Krzysztof Zając", "Rafał Szymański", "Joanna Wójcik", "Łukasz Pietrzak",
    "Teresa Wiśniewska", "Fundacja Rozwoju Przedsiębiorczości Społecznej „Kuźnia”",
    "Stowarzyszenie Amazonek „Różowa Wstążka”", "Towarzystwo Śpiewacze „Lutnia”",
  };

  if (!wsp_test_have ("pdftotext"))
    return;
  council_list = wsp_build_attendance_list (f->store, council, &options, &error);
  g_assert_no_error (error);
  forum_list = wsp_build_attendance_list (f->store, forum, &options, &error);
  g_assert_no_error (error);
  write_document (council_list, a);
  write_document (forum_list, b);
  text_a = pdf_text (a, 0, 0);
  text_b = pdf_text (b, 0, 0);
  all = g_strconcat (text_a, " ", text_b, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (strstr (all, names[i]) == NULL)
      g_error ("“%s” did not come back from the PDF", names[i]);
  /* And the pangram, in every kind of block, in small and capital letters. */
  {
    g_autoptr (WspDocument) doc = wsp_document_new ();
    g_autofree char *c = path_in (f, "pangram.pdf");
    g_autofree char *text = NULL;
    const char *pangram = "Zażółć gęślą jaźń. ZAŻÓŁĆ GĘŚLĄ JAŹŃ.";
    WspTable *table;

    wsp_document_set_title_block (doc, pangram, "Łódź", pangram, pangram, "ś", pangram);
    wsp_document_add_heading (doc, 1, pangram);
    wsp_document_add_paragraph (doc, WSP_PARAGRAPH_BODY, pangram);
    wsp_document_add_labelled (doc, "Źródło:", pangram);
    wsp_document_add_list (doc, TRUE, (const char *[]){ pangram, NULL });
    table = wsp_document_add_table (doc, 1, (const double[]){ 1 }, (const char *[]){ pangram });
    wsp_table_add_row (table, (const char *[]){ pangram });
    wsp_document_add_signatures (doc, (const char *[]){ pangram, NULL },
                                 (const char *[]){ pangram, NULL });
    write_document (doc, c);
    text = pdf_text (c, 0, 0);
    {
      g_auto (GStrv) parts = g_strsplit (text, pangram, -1);

      /* Title block (body, kind, number, place), heading, paragraph,
       * labelled, list, table header and cell, signature role and name,
       * and the footer (the body's name). */
      g_assert_cmpuint (g_strv_length (parts) - 1, ==, 13);
    }
  }

  /* The Council by side, the Forum by organisation with its representative. */
  g_assert_nonnull (strstr (text_a, "Representatives of the Mayor"));
  g_assert_nonnull (strstr (text_a, "Representatives of non-governmental organisations"));
  g_assert_true (strstr (text_a, "Representatives of the Mayor")
                 < strstr (text_a, "Representatives of the City Council"));
  g_assert_nonnull (strstr (text_a, "Signature"));
  g_assert_nonnull (strstr (text_a, "Guests"));
  /* Barbara Mazur, Anna Kowalczyk …: 9 members on 3 December 2026 (Ewa
   * Pawlak and Agnieszka Dąbrowska had left). */
  g_assert_nonnull (strstr (text_a, "Members: 9. Quorum: at least 5 present."));
  g_assert_null (strstr (text_a, "Ewa Pawlak"));
  g_assert_null (strstr (text_a, "Agnieszka Dąbrowska"));
  g_assert_nonnull (strstr (text_b, "Koło Gospodyń Wiejskich w Brzezince"));
  g_assert_nonnull (strstr (text_b, "Halina Kaczmarek"));
  g_assert_null (strstr (text_b, "Horyzont Rozwoju"));
  (void) forum_body;
}

/* A long table: the header row on every page, no row split across pages. */
static void
test_long_table (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr (WspDocument) doc = wsp_document_new ();
  g_autofree char *pdf = path_in (f, "long.pdf");
  WspTable *table;
  int pages;
  guint continued = 0;

  if (!wsp_test_have ("pdftotext"))
    return;
  wsp_document_set_title_block (doc, "Rada", "Zagłębiowice", "Test", NULL, NULL, NULL);
  table = wsp_document_add_table (doc, 3, (const double[]){ 1, 3, 3 },
                                  (const char *[]){ "Nr", "Nagłówek kolumny", "Treść", NULL });
  for (guint i = 1; i <= 150; i++)
    {
      g_autofree char *n = g_strdup_printf ("%u", i);
      g_autofree char *cell = g_strdup_printf ("W%uA\nW%uB\nW%uC", i, i, i);

      if (i % 25 == 1)
        {
          g_autofree char *section = g_strdup_printf ("Sekcja %u", i / 25 + 1);
          wsp_table_add_section (table, section);
        }
      wsp_table_add_row (table, (const char *[]){ n, "żółć", cell });
    }
  write_document (doc, pdf);
  pages = pdf_pages (pdf);
  g_assert_cmpint (pages, >=, 4);

  for (int p = 1; p <= pages; p++)
    {
      g_autofree char *text = pdf_text (pdf, p, p);
      g_autofree char *label = g_strdup_printf ("Page %d of %d", p, pages);

      g_assert_nonnull (strstr (text, "Nagłówek kolumny"));
      g_assert_nonnull (strstr (text, label));
      for (guint i = 1; i <= 150; i++)
        {
          g_autofree char *a = g_strdup_printf (" W%uA ", i);
          g_autofree char *c = g_strdup_printf (" W%uC ", i);

          if ((strstr (text, a) != NULL) != (strstr (text, c) != NULL))
            g_error ("row %u is split at the foot of page %d", i, p);
        }
      /* Every page after the first says which section it goes on with. */
      if (p > 1)
        {
          g_autofree char *first = g_strdup_printf ("%d", p);
          g_autofree char *laid = wsp_test_run ((const char *[]){ "pdftotext", "-layout", "-f", first, "-l",
                                                         first, pdf, "-", NULL });
          g_auto (GStrv) lines = g_strsplit (laid, "\n", 3);

          /* The header row, then the section it goes on with. */
          g_assert_nonnull (strstr (lines[0], "Nagłówek kolumny"));
          g_assert_true (g_regex_match_simple ("^\\s*Sekcja \\d+( \\(continued\\))?\\s*$", lines[1],
                                               0, 0));
          if (strstr (lines[1], "(continued)") != NULL)
            continued++;
        }
      /* A section heading is never the last row of a page. */
      {
        g_autoptr (GRegex) last = g_regex_new ("Sekcja \\d+ Page", 0, 0, NULL);
        g_assert_false (g_regex_match (last, text, 0, NULL));
      }
    }
  g_assert_cmpuint (continued, >, 0);
}

/* The same renderer prints what the PDF shows: same page count. */
static void
test_renderer_pages (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *council = find_id (f, WSP_TYPE_BODY, "kind", "council");
  g_autoptr (GError) error = NULL;
  g_autoptr (WspDocument) doc = wsp_build_attendance_register (f->store, council, &options, &error);
  g_autoptr (WspPageRenderer) renderer = NULL;
  g_autofree char *pdf = path_in (f, "register.pdf");
  g_autofree char *text = NULL;

  if (!wsp_test_have ("pdfinfo"))
    return;
  g_assert_no_error (error);
  renderer = wsp_page_renderer_new (doc, WSP_A4_WIDTH, WSP_A4_HEIGHT);
  g_assert_true (wsp_page_renderer_paginate (renderer, NULL, NULL, NULL, &error));
  write_document (doc, pdf);
  g_assert_cmpint (wsp_page_renderer_get_n_pages (renderer), ==, pdf_pages (pdf));
  g_assert_cmpint (pdf_pages (pdf), >=, 2);
  text = pdf_text (pdf, 2, 2);
  g_assert_nonnull (strstr (text, "Office and organisation"));
  g_free (text);
  text = pdf_text (pdf, 0, 0);
  g_assert_nonnull (strstr (text, "Council meeting no. 1 – 20 March 2025"));
  g_assert_nonnull (strstr (text, "unexcused absence"));
}

/* ---- the named vote list, PDF and CSV ------------------------------------- */

static void
test_vote_list (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *ballot = find_id (f, WSP_TYPE_BALLOT, "question",
                                     "Rekomendacja dla Prezydenta Miasta: wydłużenie godzin "
                                     "otwarcia Centrum Organizacji Pozarządowych do 21:00 oraz "
                                     "w soboty");
  g_autofree char *secret = find_id (f, WSP_TYPE_BALLOT, "mode", "secret");
  g_autofree char *pdf = path_in (f, "votes.pdf");
  g_autofree char *csv = path_in (f, "votes.csv");
  g_autoptr (GError) error = NULL;
  g_autoptr (WspDocument) doc = wsp_build_vote_list (f->store, ballot, &options, &error);
  g_autoptr (WspDocument) none = NULL;
  g_autofree char *text = NULL;
  g_autofree char *rows = NULL;
  g_autofree char *bytes = NULL;
  gsize length;

  if (!wsp_test_have ("pdftotext"))
    return;
  g_assert_no_error (error);
  write_document (doc, pdf);
  write_document (doc, csv);
  text = pdf_text (pdf, 0, 0);
  g_assert_nonnull (strstr (text, "Named vote list"));
  g_assert_nonnull (strstr (text, "wydłużenie godzin otwarcia"));
  g_assert_nonnull (strstr (text, "21 May 2026 at 17:05"));
  /* 8 present of 10, four for and four against: the chair voted for.
   * Marek Kamiński was absent, Ewa Pawlak excused. */
  g_assert_nonnull (strstr (text, "For: 4"));
  g_assert_nonnull (strstr (text, "Against: 4"));
  g_assert_nonnull (strstr (text, "Present: 8 of 10 members (quorum: 5)"));
  g_assert_nonnull (strstr (text, "Outcome: Passed by the chair’s casting vote"));
  {
    g_autofree char *lines = pdf_lines (pdf);

    g_assert_true (g_regex_match_simple (" \\d+\\. Ewa Pawlak absent, excused\n", lines, 0, 0));
    g_assert_true (g_regex_match_simple (" \\d+\\. Marek Kamiński absent\n", lines, 0, 0));
    g_assert_true (g_regex_match_simple (" \\d+\\. Małgorzata Nowak X\n", lines, 0, 0));
  }
  g_assert_nonnull (strstr (text, "Minutes taken by"));

  /* The CSV: a BOM, ';' and CRLF, read back by Python's csv module. */
  g_assert_true (g_file_get_contents (csv, &bytes, &length, NULL));
  g_assert_true (g_str_has_prefix (bytes, "\xEF\xBB\xBF"));
  g_assert_nonnull (strstr (bytes, "\r\n"));
  rows = wsp_test_run ((const char *[]){ PYTHON, "-c",
                                "import csv,sys\n"
                                "rows=list(csv.reader(open(sys.argv[1],encoding='utf-8-sig',"
                                "newline=''),delimiter=';'))\n"
                                "print(len(rows)); print(rows[0][1]);\n"
                                "print([r[1] for r in rows if r[3]=='X'])\n",
                                csv, NULL });
  g_assert_cmpstr (rows, ==, "11\nMember\n['Anna Kowalczyk', 'Tomasz Wieczorek', 'Barbara Mazur', "
                             "'Krzysztof Zając']\n");

  /* A secret vote has no named list. */
  none = wsp_build_vote_list (f->store, secret, &options, &error);
  g_assert_null (none);
  g_assert_error (error, WSP_OUTPUT_ERROR, WSP_OUTPUT_ERROR_NOT_APPLICABLE);
}

static void
test_csv_quoting (void)
{
  g_autoptr (WspDocument) doc = wsp_document_new ();
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  WspTable *table = wsp_document_add_table (doc, 3, (const double[]){ 1, 1, 1 },
                                            (const char *[]){ "a", "b;c", "d" });
  const char *expected = "\xEF\xBB\xBF" "a;\"b;c\";d\r\n"
                         "\"say \"\"hi\"\"\";\"two\nlines\";\" padded \"\r\n"
                         "Sekcja\r\n";

  wsp_table_add_row (table, (const char *[]){ "say \"hi\"", "two\nlines", " padded " });
  wsp_table_add_section (table, "Sekcja");
  bytes = wsp_csv_render (doc, ';', &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), expected,
                   strlen (expected));

  /* No table, no CSV. */
  g_clear_object (&doc);
  doc = wsp_document_new ();
  wsp_document_add_paragraph (doc, WSP_PARAGRAPH_BODY, "x");
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = wsp_csv_render (doc, ';', &error);
  g_assert_null (bytes);
  g_assert_error (error, WSP_OUTPUT_ERROR, WSP_OUTPUT_ERROR_FORMAT);
}

/* ---- ODT ------------------------------------------------------------------ */

static void
check_package (const char *odt)
{
  g_autofree char *data = NULL;
  gsize length;
  const guchar *b;
  const char *mime = "application/vnd.oasis.opendocument.text";

  g_assert_true (g_file_get_contents (odt, &data, &length, NULL));
  b = (const guchar *) data;
  /* The first local file header: "mimetype", stored, no extra field. */
  g_assert_cmpmem (b, 4, "PK\x03\x04", 4);
  g_assert_cmpuint (b[8] | b[9] << 8, ==, 0);                 /* compression: stored */
  g_assert_cmpuint (b[26] | b[27] << 8, ==, strlen ("mimetype")); /* name length */
  g_assert_cmpuint (b[28] | b[29] << 8, ==, 0);               /* extra field length */
  g_assert_cmpmem (b + 30, 8, "mimetype", 8);
  g_assert_cmpmem (b + 38, strlen (mime), mime, strlen (mime));
}

static void
test_odt (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *meeting = council_meeting (f, 9);
  g_autofree char *ballot = find_id (f, WSP_TYPE_BALLOT, "question",
                                     "Przyjęcie opinii o projekcie Programu współpracy na rok "
                                     "2027: opinia pozytywna z uwagami");
  g_autofree char *profile = NULL;
  g_autofree char *profile_uri = NULL;
  g_autofree char *env = NULL;
  g_autofree char *outdir = path_in (f, "lo");
  g_autofree char *structure = NULL;
  const char *names[] = { "agenda", "attendance", "votes" };
  WspDocument *docs[3];
  g_autoptr (GError) error = NULL;

  if (!wsp_test_have ("soffice") || !wsp_test_have ("pdftotext"))
    return;
  docs[0] = wsp_build_agenda (f->store, meeting, &options, &error);
  g_assert_no_error (error);
  docs[1] = wsp_build_attendance_list (f->store, meeting, &options, &error);
  g_assert_no_error (error);
  docs[2] = wsp_build_vote_list (f->store, ballot, &options, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s.odt", names[i]);
      g_autofree char *odt = path_in (f, name);
      g_autofree char *pdf_name = g_strdup_printf ("%s.pdf", names[i]);
      g_autofree char *pdf = path_in (f, pdf_name);

      write_document (docs[i], odt);
      write_document (docs[i], pdf);
      check_package (odt);
    }

  /* Headings are headings, tables are tables with a header row. */
  {
    g_autofree char *agenda_odt = path_in (f, "agenda.odt");
    g_autofree char *attendance_odt = path_in (f, "attendance.odt");

    structure = wsp_test_run ((const char *[]){
      PYTHON, "-c",
      "import sys,zipfile,xml.etree.ElementTree as E\n"
      "T='{urn:oasis:names:tc:opendocument:xmlns:text:1.0}'\n"
      "B='{urn:oasis:names:tc:opendocument:xmlns:table:1.0}'\n"
      "for p in sys.argv[1:]:\n"
      "  z=zipfile.ZipFile(p); assert z.testzip() is None\n"
      "  r=E.fromstring(z.read('content.xml')); E.fromstring(z.read('styles.xml'))\n"
      "  E.fromstring(z.read('META-INF/manifest.xml'))\n"
      "  h=[(x.get(T+'outline-level'),''.join(x.itertext())) for x in r.iter(T+'h')]\n"
      "  t=len(list(r.iter(B+'table'))); hr=len(list(r.iter(B+'table-header-rows')))\n"
      "  l=len(list(r.iter(T+'list')))\n"
      "  print(p.split('/')[-1], h, t, hr, l)\n",
      agenda_odt, attendance_odt, NULL });
    g_assert_nonnull (strstr (structure, "agenda.odt [('1', 'Proposed agenda'), ('2', 'Documents "
                                         "for the meeting')] 1 0 2"));
    g_assert_nonnull (strstr (structure, "attendance.odt [('2', 'Guests')] 2 2 0"));
  }

  /* LibreOffice opens each (in one batch: it is slow to start) and its PDF
   * says what ours says. */
  profile = path_in (f, "lo-profile");
  profile_uri = g_filename_to_uri (profile, NULL, NULL);
  env = g_strdup_printf ("-env:UserInstallation=%s", profile_uri);
  {
    g_autofree char *a = path_in (f, "agenda.odt");
    g_autofree char *b = path_in (f, "attendance.odt");
    g_autofree char *c = path_in (f, "votes.odt");
    g_autofree char *out = wsp_test_run ((const char *[]){ "soffice", env, "--headless", "--convert-to",
                                                  "pdf", "--outdir", outdir, a, b, c, NULL });
  }
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *pdf_name = g_strdup_printf ("%s.pdf", names[i]);
      g_autofree char *ours_path = path_in (f, pdf_name);
      g_autofree char *theirs_path = g_build_filename (outdir, pdf_name, NULL);
      g_autofree char *ours = pdf_text (ours_path, 0, 0);
      g_autofree char *theirs = pdf_text (theirs_path, 0, 0);
      g_auto (GStrv) words = g_strsplit (ours, " ", -1);

      g_assert_true (g_file_test (theirs_path, G_FILE_TEST_EXISTS));
      /* Every word of our PDF is in LibreOffice's, but for the page counter
       * of the last line ("of N" differs when LibreOffice breaks pages
       * elsewhere) and the list numbers and bullets it draws itself. */
      for (guint w = 0; words[w] != NULL; w++)
        {
          g_autofree char *word = g_strdup_printf (" %s ", words[w]);
          g_autofree char *padded = g_strdup_printf (" %s ", theirs);

          if (g_utf8_strlen (words[w], -1) < 3 || g_regex_match_simple ("^[0-9]+\\.$", words[w], 0, 0))
            continue;
          if (strstr (padded, word) == NULL)
            g_error ("%s: LibreOffice does not show “%s”", pdf_name, words[w]);
        }
      g_assert_nonnull (strstr (theirs, "Page 1 of"));
      g_object_unref (docs[i]);
    }
}

/* ---- iCalendar ------------------------------------------------------------ */

static ICalComponent *
parse_event (const char *text,
             ICalComponent **calendar_out)
{
  ICalComponent *calendar = i_cal_parser_parse_string (text);
  ICalComponent *event;

  g_assert_nonnull (calendar);
  g_assert_cmpint (i_cal_component_isa (calendar), ==, I_CAL_VCALENDAR_COMPONENT);
  event = i_cal_component_get_first_component (calendar, I_CAL_VEVENT_COMPONENT);
  g_assert_nonnull (event);
  *calendar_out = calendar;
  return event;
}

/* Reads @ics with python3-icalendar: method uid sequence start(UTC) end(UTC) status location. */
static char *
python_icalendar (const char *ics)
{
  return wsp_test_run ((const char *[]){
    PYTHON, "-c",
    "import sys,datetime,icalendar\n"
    "c=icalendar.Calendar.from_ical(open(sys.argv[1],'rb').read())\n"
    "e=[x for x in c.walk('VEVENT')][0]\n"
    "u=datetime.timezone.utc\n"
    "print(c['METHOD'],e['UID'],e['SEQUENCE'],e.decoded('DTSTART').astimezone(u).isoformat(),"
    "e.decoded('DTEND').astimezone(u).isoformat(),e['STATUS'],sep='|')\n"
    "print(e['LOCATION']); print(e['ORGANIZER'], e['ORGANIZER'].params.get('CN'))\n"
    "print(len(e.get('ATTENDEE',[]))); print(e['DESCRIPTION'].splitlines()[1])\n",
    ics, NULL });
}

static void
test_invitation (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *meeting_id = council_meeting (f, 9);
  g_autofree char *summer_id = council_meeting (f, 6);
  g_autofree char *ics = path_in (f, "invitation.ics");
  g_autofree char *uid = g_strdup_printf ("%s@wspolnie", meeting_id);
  g_autoptr (GError) error = NULL;
  g_autoptr (WspInvitation) invitation = wsp_build_invitation (f->store, meeting_id, FALSE,
                                                               &options, &error);
  g_autoptr (WspInvitation) changed = NULL;
  g_autoptr (WspInvitation) cancelled = NULL;
  g_autoptr (WspInvitation) summer = NULL;
  g_autoptr (WspRecord) meeting = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *python = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *mailto = NULL;
  ICalComponent *calendar, *event;
  ICalProperty *start;

  g_assert_no_error (error);
  g_assert_nonnull (strstr (invitation->subject, "Council meeting no. 9 – 3 December 2026 at 16:00"));
  g_assert_nonnull (strstr (invitation->body, "1. Otwarcie posiedzenia"));
  g_assert_nonnull (strstr (invitation->body, "Place: Centrum Organizacji Pozarządowych"));
  g_assert_cmpuint (g_strv_length (invitation->recipients), ==, 9);
  mailto = wsp_invitation_dup_mailto (invitation);
  g_assert_true (g_str_has_prefix (mailto, "mailto:anna.kowalczyk@um.zaglebiowice.example,"));
  g_assert_nonnull (strstr (mailto, "?subject=Invitation%3A%20Council"));

  /* libical reads it back. */
  event = parse_event (invitation->calendar, &calendar);
  g_assert_cmpint (i_cal_component_get_method (calendar), ==, I_CAL_METHOD_REQUEST);
  g_assert_cmpstr (i_cal_component_get_uid (event), ==, uid);
  g_assert_cmpint (i_cal_component_get_sequence (event), ==, 0);
  g_assert_cmpstr (i_cal_component_get_location (event), ==,
                   "Centrum Organizacji Pozarządowych, sala 12, ul. Hutnicza 5");
  start = i_cal_component_get_first_property (event, I_CAL_DTSTART_PROPERTY);
  {
    ICalParameter *tzid = i_cal_property_get_first_parameter (start, I_CAL_TZID_PARAMETER);
    g_autoptr (ICalTime) value = i_cal_property_get_dtstart (start);

    g_assert_cmpstr (i_cal_parameter_get_tzid (tzid), ==, "Europe/Warsaw");
    g_assert_cmpint (i_cal_time_get_hour (value), ==, 16);
    g_object_unref (tzid);
  }
  g_object_unref (start);
  g_assert_cmpint (i_cal_component_count_properties (event, I_CAL_ATTENDEE_PROPERTY), ==, 9);
  g_assert_nonnull (i_cal_component_get_first_property (event, I_CAL_ORGANIZER_PROPERTY));
  g_object_unref (event);
  g_object_unref (calendar);

  /* python3-icalendar reads it too: 16:00 in Warsaw in December is 15:00 UTC. */
  if (g_file_test (PYTHON, G_FILE_TEST_IS_EXECUTABLE))
    {
      bytes = g_bytes_new (invitation->calendar, strlen (invitation->calendar));
      g_assert_true (wsp_output_save (ics, bytes, NULL));
      python = python_icalendar (ics);
      expected = g_strdup_printf ("REQUEST|%s|0|2026-12-03T15:00:00+00:00|2026-12-03T17:00:00+00:00|"
                                  "CONFIRMED\n"
                                  "Centrum Organizacji Pozarządowych, sala 12, ul. Hutnicza 5\n"
                                  "mailto:tomasz.wieczorek@um.zaglebiowice.example Tomasz Wieczorek\n"
                                  "9\n1. Otwarcie posiedzenia, stwierdzenie kworum i przyjęcie "
                                  "porządku obrad\n",
                                  uid);
      g_assert_cmpstr (python, ==, expected);
    }

  /* The meeting moves to another room: same event, a higher SEQUENCE. */
  meeting = wsp_store_get (f->store, meeting_id, &error);
  {
    g_autoptr (GPtrArray) rooms = g_ptr_array_new_with_free_func (g_object_unref);

    g_assert_true (wsp_store_query (f->store, wsp_entities_lookup ("room"), "name", "Biblioteka Miejska, czytelnia",
                                    rooms, &error));
    g_assert_cmpuint (rooms->len, ==, 1);
    wsp_record_set_string (meeting, "room_id", wsp_record_get_id (g_ptr_array_index (rooms, 0)));
  }
  wsp_record_set_string (meeting, "place", "Biblioteka Miejska, czytelnia, ul. Kościuszki 8");
  g_assert_true (wsp_store_save (f->store, meeting, &error));
  changed = wsp_build_invitation (f->store, meeting_id, FALSE, &options, &error);
  g_assert_no_error (error);
  event = parse_event (changed->calendar, &calendar);
  g_assert_cmpstr (i_cal_component_get_uid (event), ==, uid);
  g_assert_cmpint (i_cal_component_get_sequence (event), ==, 1);
  g_assert_cmpstr (i_cal_component_get_location (event), ==,
                   "Biblioteka Miejska, czytelnia, ul. Kościuszki 8");
  g_object_unref (event);
  g_object_unref (calendar);

  /* Called off: METHOD:CANCEL, STATUS:CANCELLED, higher still. */
  cancelled = wsp_build_invitation (f->store, meeting_id, TRUE, &options, &error);
  g_assert_no_error (error);
  event = parse_event (cancelled->calendar, &calendar);
  g_assert_cmpint (i_cal_component_get_method (calendar), ==, I_CAL_METHOD_CANCEL);
  g_assert_cmpint (i_cal_component_get_status (event), ==, I_CAL_STATUS_CANCELLED);
  g_assert_cmpint (i_cal_component_get_sequence (event), ==, 2);
  g_assert_cmpstr (i_cal_component_get_uid (event), ==, uid);
  g_assert_nonnull (strstr (cancelled->subject, "Cancelled"));
  g_object_unref (event);
  g_object_unref (calendar);
  if (g_file_test (PYTHON, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_clear_pointer (&bytes, g_bytes_unref);
      g_clear_pointer (&python, g_free);
      bytes = g_bytes_new (cancelled->calendar, strlen (cancelled->calendar));
      g_assert_true (wsp_output_save (ics, bytes, NULL));
      python = python_icalendar (ics);
      g_assert_true (g_str_has_prefix (python, "CANCEL|"));
      g_assert_nonnull (strstr (python, "|2|2026-12-03T15:00:00+00:00|"));
      g_assert_nonnull (strstr (python, "|CANCELLED\n"));
    }

  /* In summer Warsaw is UTC+2: 16:00 on 21 May is 14:00 UTC. */
  summer = wsp_build_invitation (f->store, summer_id, FALSE, &options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (summer->calendar, "DTSTART;TZID=Europe/Warsaw:20260521T160000"));
  if (g_file_test (PYTHON, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_clear_pointer (&bytes, g_bytes_unref);
      g_clear_pointer (&python, g_free);
      bytes = g_bytes_new (summer->calendar, strlen (summer->calendar));
      g_assert_true (wsp_output_save (ics, bytes, NULL));
      python = python_icalendar (ics);
      g_assert_nonnull (strstr (python, "|2026-05-21T14:00:00+00:00|"));
    }
}

static void
test_warsaw_time (void)
{
  /* The change to summer time: 01:00 UTC on the last Sunday of March. */
  g_autoptr (GDateTime) before = g_date_time_new_utc (2027, 3, 28, 0, 59, 0);
  g_autoptr (GDateTime) after = g_date_time_new_utc (2027, 3, 28, 1, 0, 0);
  g_autoptr (GDateTime) autumn = g_date_time_new_utc (2027, 10, 31, 0, 59, 0);
  g_autoptr (GDateTime) winter = g_date_time_new_utc (2027, 10, 31, 1, 0, 0);
  g_autofree char *a = wsp_calendar_format_warsaw (before);
  g_autofree char *b = wsp_calendar_format_warsaw (after);
  g_autofree char *c = wsp_calendar_format_warsaw (autumn);
  g_autofree char *d = wsp_calendar_format_warsaw (winter);

  g_assert_cmpstr (a, ==, "20270328T015900");
  g_assert_cmpstr (b, ==, "20270328T030000");
  g_assert_cmpstr (c, ==, "20271031T025900");
  g_assert_cmpstr (d, ==, "20271031T020000");
}

static void
test_forum_invitation (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *meeting = find_id (f, WSP_TYPE_MEETING, "number", "64");
  g_autoptr (GError) error = NULL;
  g_autoptr (WspInvitation) none = wsp_build_invitation (f->store, meeting, FALSE, &options,
                                                         &error);
  WspBuildOptions from = options;
  g_autoptr (WspInvitation) invitation = NULL;

  /* The Forum has no officers with addresses: the sender must be given. */
  g_assert_null (none);
  g_assert_error (error, WSP_OUTPUT_ERROR, WSP_OUTPUT_ERROR_MISSING);
  g_clear_error (&error);
  from.organizer_email = "katarzyna.michalska@um.zaglebiowice.example";
  invitation = wsp_build_invitation (f->store, meeting, FALSE, &from, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (invitation->calendar, "CN=Katarzyna Michalska"));
  g_assert_nonnull (strstr (invitation->body, "Forum meeting no. 64"));
  /* The representatives of the member organisations. */
  g_assert_true (g_strv_contains ((const char * const *) invitation->recipients,
                                  "halina.kaczmarek@kgw-brzezinka.example"));
}

/* ---- refusals, atomic writing, the worker thread -------------------------- */

static void
test_not_applicable (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *person = find_id (f, WSP_TYPE_PERSON, "name", "Małgorzata Nowak");
  g_autoptr (GError) error = NULL;
  g_autoptr (WspDocument) doc = wsp_build_agenda (f->store, person, &options, &error);
  WspFormat format;

  g_assert_null (doc);
  g_assert_error (error, WSP_OUTPUT_ERROR, WSP_OUTPUT_ERROR_NOT_APPLICABLE);
  g_clear_error (&error);
  doc = wsp_build_attendance_list (f->store, "no-such-id", &options, &error);
  g_assert_null (doc);
  g_assert_error (error, WSP_STORE_ERROR, WSP_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (wsp_format_from_path ("/tmp/agenda.docx", &format, &error));
  g_assert_error (error, WSP_OUTPUT_ERROR, WSP_OUTPUT_ERROR_FORMAT);
  g_clear_error (&error);
  g_assert_true (wsp_format_from_path ("/tmp/AGENDA.PDF", &format, &error));
  g_assert_cmpint (format, ==, WSP_FORMAT_PDF);
}

typedef struct
{
  GMainLoop *loop;
  GError    *error;
  double     last;
  guint      calls;
  gboolean   backwards;
  GThread   *main_thread;
  gboolean   other_thread;
} AsyncState;

static void
progress_cb (double   fraction,
             gpointer data)
{
  AsyncState *state = data;

  if (fraction < state->last)
    state->backwards = TRUE;
  if (g_thread_self () != state->main_thread)
    state->other_thread = TRUE;
  state->last = fraction;
  state->calls++;
}

static void
written_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  AsyncState *state = data;

  wsp_output_write_finish (result, &state->error);
  g_main_loop_quit (state->loop);
}

static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *council = find_id (f, WSP_TYPE_BODY, "kind", "council");
  g_autofree char *pdf = path_in (f, "async.pdf");
  g_autofree char *cancelled_pdf = path_in (f, "cancelled.pdf");
  g_autoptr (GError) error = NULL;
  g_autoptr (WspDocument) doc = wsp_build_attendance_register (f->store, council, &options, &error);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  AsyncState state = { .loop = loop, .main_thread = g_thread_self () };

  g_assert_no_error (error);
  wsp_output_write_async (doc, WSP_FORMAT_PDF, pdf, NULL, progress_cb, &state, NULL, written_cb,
                          &state);
  g_main_loop_run (loop);
  g_assert_no_error (state.error);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (state.calls, >=, 2);
  g_assert_false (state.backwards);
  g_assert_false (state.other_thread);
  g_assert_cmpfloat (state.last, >=, 0.99);

  /* Cancelled: an error, and no file. */
  state = (AsyncState){ .loop = loop, .main_thread = g_thread_self () };
  g_cancellable_cancel (cancellable);
  wsp_output_write_async (doc, WSP_FORMAT_PDF, cancelled_pdf, cancellable, NULL, NULL, NULL,
                          written_cb, &state);
  g_main_loop_run (loop);
  g_assert_error (state.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&state.error);
  g_assert_false (g_file_test (cancelled_pdf, G_FILE_TEST_EXISTS));
}

static void
test_atomic (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *path = path_in (f, "kept.csv");
  g_autofree char *folder = path_in (f, "no-such-folder");
  g_autofree char *missing = g_build_filename (folder, "x.csv", NULL);
  g_autoptr (GBytes) old = g_bytes_new_static ("old", 3);
  g_autoptr (WspDocument) doc = wsp_document_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autoptr (GDir) dir = NULL;
  const char *name;
  guint n = 0;

  g_assert_true (wsp_output_save (path, old, &error));
  /* A document with no table cannot be CSV: the old file stays. */
  wsp_document_add_paragraph (doc, WSP_PARAGRAPH_BODY, "x");
  g_assert_false (wsp_output_write (doc, WSP_FORMAT_CSV, path, NULL, NULL, NULL, &error));
  g_assert_error (error, WSP_OUTPUT_ERROR, WSP_OUTPUT_ERROR_FORMAT);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");
  g_assert_false (wsp_output_save (missing, old, &error));
  g_assert_error (error, WSP_OUTPUT_ERROR, WSP_OUTPUT_ERROR_WRITE);
  /* No temporary file is left behind. */
  dir = g_dir_open (f->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "kept.csv"))
      n++;
  g_assert_cmpuint (n, ==, 1);
}

/* In Polish: the documents follow the locale. */
static void
test_polish (Fixture       *f,
             gconstpointer  data)
{
  if (g_test_subprocess ())
    {
      g_autofree char *meeting = council_meeting (f, 9);
      g_autofree char *pdf = path_in (f, "porzadek.pdf");
      g_autoptr (GError) error = NULL;
      g_autoptr (WspDocument) doc = NULL;
      g_autofree char *text = NULL;

      setlocale (LC_ALL, "pl_PL.UTF-8");
      doc = wsp_build_agenda (f->store, meeting, &options, &error);
      g_assert_no_error (error);
      write_document (doc, pdf);
      text = pdf_text (pdf, 0, 0);
      g_assert_nonnull (strstr (text, "Porządek obrad"));
      g_assert_nonnull (strstr (text, "posiedzenia Rady nr 9 w dniu 3 grudnia 2026 r."));
      g_assert_nonnull (strstr (text, "Zagłębiowice, 27 listopada 2026 r."));
      g_assert_nonnull (strstr (text, "w czwartek, 3 grudnia 2026 r., o godz. 16:00"));
      g_assert_nonnull (strstr (text, "Referuje: Małgorzata Nowak"));
      g_assert_nonnull (strstr (text, "Przewodniczący Rady"));
      g_assert_nonnull (strstr (text, "Strona 1 z 1"));

      /* Lengths in the ODT keep their decimal point in a Polish locale. */
      {
        g_autofree char *odt = path_in (f, "lista.odt");
        g_autoptr (WspDocument) list = wsp_build_attendance_list (f->store, meeting, &options,
                                                                  &error);
        g_autofree char *lengths = NULL;

        g_assert_no_error (error);
        write_document (list, odt);
        lengths = wsp_test_run ((const char *[]){ PYTHON, "-c",
                                         "import sys,zipfile,re\n"
                                         "x=zipfile.ZipFile(sys.argv[1]).read('content.xml')"
                                         ".decode()\n"
                                         "print(len(re.findall(r'\"[0-9]+\\.[0-9]+cm\"',x)),"
                                         "len(re.findall(r'[0-9],[0-9]+cm',x)))\n",
                                         odt, NULL });
        g_assert_false (g_str_has_prefix (lengths, "0 "));
        g_assert_true (g_str_has_suffix (lengths, " 0\n"));
      }
      return;
    }
  if (setlocale (LC_ALL, "pl_PL.UTF-8") == NULL)
    {
      g_test_skip ("the pl_PL.UTF-8 locale is not generated (build-aux/dev.sh deps does it)");
      return;
    }
  setlocale (LC_ALL, "C.UTF-8");
  if (!wsp_test_have ("pdftotext"))
    return;
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("WSPOLNIE_LOCALEDIR");

  setlocale (LC_ALL, "C.UTF-8");
  /* Pango takes the language from the environment: keep it English here. */
  if (!g_test_subprocess ())
    g_setenv ("LANGUAGE", "", TRUE);
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/output/agenda-pdf", test_agenda_pdf);
  ADD ("/output/polish-letters", test_polish_letters);
  ADD ("/output/long-table", test_long_table);
  ADD ("/output/renderer-pages", test_renderer_pages);
  ADD ("/output/vote-list", test_vote_list);
  g_test_add_func ("/output/csv-quoting", test_csv_quoting);
  ADD ("/output/odt", test_odt);
  ADD ("/output/invitation", test_invitation);
  g_test_add_func ("/output/warsaw-time", test_warsaw_time);
  ADD ("/output/forum-invitation", test_forum_invitation);
  ADD ("/output/not-applicable", test_not_applicable);
  ADD ("/output/async", test_async);
  ADD ("/output/atomic", test_atomic);
  ADD ("/output/polish", test_polish);
  return g_test_run ();
}
