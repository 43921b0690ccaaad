/* test-minutes.c — the minutes of the demo's meetings, read back by real consumers
 *
 * The minutes are written to PDF and read with pdftotext, and to ODT and
 * read by LibreOffice (converted to text). The expected names, counts,
 * verdicts, numbers and the quorum sentence are the demo's known facts
 * (src/core/demo/wsp-demo.c: who was absent from which meeting, who voted
 * otherwise than for), written out here, not asked of the builder. Runs in
 * Polish, where the grammar of numbers and genders shows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "wsp-test-util.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "demo/wsp-demo.h"
#include "domain/wsp-meetings.h"
#include "domain/wsp-agenda.h"
#include "domain/wsp-minutes.h"
#include "output/wsp-builder-util.h"
#include "output/wsp-builders.h"
#include "output/wsp-output.h"
#include "records/wsp-entities.h"
#include "records/wsp-records-meetings.h"
#include "records/wsp-records-members.h"
#include "records/wsp-records-votes.h"

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

  f->dir = g_dir_make_tmp ("wsp-minutes-XXXXXX", &error);
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

/* The demo's meeting of the body of @kind numbered @number. */
static WspRecord *
meeting_of (Fixture    *f,
            const char *kind,
            int         number)
{
  g_autoptr (GPtrArray) meetings = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GError) error = NULL;

  g_assert_true (wsp_store_query (f->store, WSP_TYPE_MEETING, NULL, NULL, meetings, &error));
  for (guint i = 0; i < meetings->len; i++)
    {
      WspRecord *m = g_ptr_array_index (meetings, i);
      g_autoptr (WspRecord) body = wsp_store_get (f->store, wsp_record_get_string (m, "body_id"), NULL);

      if (wsp_record_get_int (m, "number") == number
          && g_strcmp0 (wsp_record_get_string (body, "kind"), kind) == 0)
        return g_object_ref (m);
    }
  g_assert_not_reached ();
}

/* The demo's Council meeting numbered @number. */
static WspRecord *
meeting (Fixture *f,
         int      number)
{
  return meeting_of (f, "council", number);
}

/* The PDF's and the ODT's text (pdftotext, LibreOffice), white space squeezed. */
static void
both_texts (Fixture    *f,
            const char *meeting_id,
            char      **pdf,
            char      **odt)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WspDocument) doc = wsp_build_minutes (f->store, meeting_id, &options, &error);
  g_autofree char *pdf_path = g_build_filename (f->dir, "minutes.pdf", NULL);
  g_autofree char *odt_path = g_build_filename (f->dir, "minutes.odt", NULL);
  g_autofree char *txt_path = g_build_filename (f->dir, "lo", "minutes.txt", NULL);
  g_autofree char *outdir = g_build_filename (f->dir, "lo", NULL);
  g_autofree char *profile = g_build_filename (f->dir, "lo-profile", NULL);
  g_autofree char *profile_uri = g_filename_to_uri (profile, NULL, NULL);
  g_autofree char *env = g_strdup_printf ("-env:UserInstallation=%s", profile_uri);
  g_autofree char *out = NULL;
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  g_assert_true (wsp_output_write (doc, WSP_FORMAT_PDF, pdf_path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (wsp_output_write (doc, WSP_FORMAT_ODT, odt_path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  out = wsp_test_run ((const char *[]){ "pdftotext", "-enc", "UTF-8", pdf_path, "-", NULL });
  *pdf = wsp_test_squeeze (out);
  g_free (wsp_test_run ((const char *[]){ "soffice", env, "--headless", "--convert-to", "txt:Text (encoded):UTF8",
                                 "--outdir", outdir, odt_path, NULL }));
  g_assert_true (g_file_get_contents (txt_path, &text, NULL, &error));
  g_assert_no_error (error);
  *odt = wsp_test_squeeze (text);
}

/* Meeting no. 8: n4 (Marek Kamiński) absent, n2 (Piotr Lewandowski)
 * excused, of the nine members in office on 29 October 2026; vote b9 by
 * name, Krzysztof Zając abstaining, the six others for; opinion 5/2026. */
static void
test_held_meeting (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr (WspRecord) r8 = meeting (f, 8);
  g_autofree char *pdf = NULL;
  g_autofree char *odt = NULL;

  if (!wsp_test_have ("pdftotext") || !wsp_test_have ("soffice"))
    return;
  both_texts (f, wsp_record_get_id (r8), &pdf, &odt);
  for (guint i = 0; i < 2; i++)
    {
      const char *text = i == 0 ? pdf : odt;

      assert_in_order (text, (const char *[]){
                               "Protokół", "posiedzenia Rady nr 8 w dniu 29 października 2026 r.",
                               "projekt, do przyjęcia na następnym posiedzeniu",
                               "od godz. 16:00 do godz. 18:30",
                               "Sala sesyjna Urzędu Miasta, pl. Wolności 1",
                               "Przewodnicząca obrad: Małgorzata Nowak", "Protokolant: Tomasz Wieczorek",
                               "Na posiedzeniu obecnych było 7 z 9 członków Rady, co stanowi kworum.",
                               "Nieobecni usprawiedliwieni:", "Piotr Lewandowski",
                               "Nieobecni nieusprawiedliwieni:", "Marek Kamiński",
                               "Porządek obrad", "Przyjęcie protokołu z poprzedniego posiedzenia",
                               "Rozpatrzenie uwag do projektu Programu współpracy na rok 2027",
                               "Przebieg posiedzenia",
                               "Rada rozpatrzyła 11 uwag do projektu",
                               "Przyjęcie opinii o projekcie Programu współpracy na rok 2027",
                               "głosowanie imienne", "Krzysztof Zając wstrzymał się",
                               "Obecni podczas głosowania: 7 z 9 członków",
                               "Uchwała została podjęta: 6 głosów za, 0 głosów przeciw, 1 głos wstrzymujący się.",
                               "Numer uchwały: 5/2026", "Opinia: pozytywna z uwagami",
                               "Załączniki", "Lista obecności", "Imienny wykaz głosowania",
                               "Przewodnicząca Rady", "Protokołował", NULL });
      /* The absent are not among those present, nor voting. */
      g_assert_null (strstr (strstr (text, "Obecni członkowie Rady:"), "Marek Kamiński wstrzymał"));
      g_assert_null (strstr (text, "Marek Kamiński za"));
    }
}

/* Meeting no. 5: Rafał Szymański recused from the vote on the competition
 * (b5); n3 absent and c1 excused of the ten members on 26 February 2026. */
static void
test_recusal (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr (WspRecord) r5 = meeting (f, 5);
  g_autoptr (GError) error = NULL;
  g_autoptr (WspDocument) doc = wsp_build_minutes (f->store, wsp_record_get_id (r5), &options, &error);
  g_autofree char *path = g_build_filename (f->dir, "r5.pdf", NULL);
  g_autofree char *out = NULL;
  g_autofree char *text = NULL;

  if (!wsp_test_have ("pdftotext"))
    return;
  g_assert_no_error (error);
  g_assert_true (wsp_output_write (doc, WSP_FORMAT_PDF, path, NULL, NULL, NULL, &error));
  out = wsp_test_run ((const char *[]){ "pdftotext", "-enc", "UTF-8", path, "-", NULL });
  text = wsp_test_squeeze (out);
  assert_in_order (text, (const char *[]){ "Na posiedzeniu obecnych było 8 z 10 członków Rady, co stanowi kworum.",
                                           "Rafał Szymański wyłączony z głosowania",
                                           "Wyłączeni z głosowania: Rafał Szymański",
                                           "Uchwała została podjęta: 7 głosów za, 0 głosów przeciw, 0 głosów "
                                           "wstrzymujących się.",
                                           NULL });
}

/* Meeting no. 1: Anna Kowalczyk and Tomasz Wieczorek abstained in the open
 * vote on the officers; the chair was elected in secret, 9–0–1. */
static void
test_genders_and_secret (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr (WspRecord) r1 = meeting (f, 1);
  g_autoptr (GError) error = NULL;
  g_autoptr (WspDocument) doc = wsp_build_minutes (f->store, wsp_record_get_id (r1), &options, &error);
  g_autofree char *path = g_build_filename (f->dir, "r1.pdf", NULL);
  g_autofree char *out = NULL;
  g_autofree char *text = NULL;

  if (!wsp_test_have ("pdftotext"))
    return;
  g_assert_no_error (error);
  g_assert_true (wsp_output_write (doc, WSP_FORMAT_PDF, path, NULL, NULL, NULL, &error));
  out = wsp_test_run ((const char *[]){ "pdftotext", "-enc", "UTF-8", path, "-", NULL });
  text = wsp_test_squeeze (out);
  assert_in_order (text, (const char *[]){ "głosowanie tajne",
                                           "9 głosów za, 0 głosów przeciw, 1 głos wstrzymujący się",
                                           "Anna Kowalczyk wstrzymała się", "Tomasz Wieczorek wstrzymał się",
                                           NULL });
  /* Secret: no names with votes before the open vote. */
  g_assert_true (strstr (text, "Małgorzata Nowak za") == NULL
                 || strstr (text, "Małgorzata Nowak za") > strstr (text, "głosowanie jawne"));
}

/* The attendance record at @meeting of the person called @name. */
static WspRecord *
attendance_of (Fixture    *f,
               WspRecord  *meeting,
               const char *name)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GError) error = NULL;

  g_assert_true (wsp_store_query (f->store, WSP_TYPE_ATTENDANCE, "meeting_id", wsp_record_get_id (meeting), rows,
                                  &error));
  for (guint i = 0; i < rows->len; i++)
    {
      WspRecord *row = g_ptr_array_index (rows, i);
      g_autoptr (WspRecord) seat = wsp_store_get (f->store, wsp_record_get_string (row, "seat_id"), NULL);
      g_autoptr (WspRecord) person = wsp_store_get (f->store, wsp_record_get_string (seat, "person_id"), NULL);

      if (person != NULL && g_strcmp0 (wsp_record_get_string (person, "name"), name) == 0)
        return g_object_ref (row);
    }
  g_assert_not_reached ();
}

/* Meeting no. 8 with Anna Kowalczyk arriving at 16:40 and three members
 * leaving at 17:00: four of the nine were in the room when the vote on
 * item 4 opened at 17:35, fewer than the five a quorum needs. */
static void
test_quorum_lost (Fixture       *f,
                  gconstpointer  data)
{
  static const char * const leaving[] = { "Krzysztof Zając", "Joanna Wójcik", "Barbara Mazur" };
  g_autoptr (WspRecord) r8 = meeting (f, 8);
  g_autoptr (WspRecord) late = attendance_of (f, r8, "Anna Kowalczyk");
  g_autoptr (GError) error = NULL;
  g_autoptr (WspDocument) doc = NULL;
  g_autofree char *path = g_build_filename (f->dir, "lost.pdf", NULL);
  g_autofree char *out = NULL;
  g_autofree char *text = NULL;

  if (!wsp_test_have ("pdftotext"))
    return;
  wsp_record_set_string (late, "arrived_at", "2026-10-29T16:40:00+01:00");
  g_assert_true (wsp_store_save (f->store, late, &error));
  for (guint i = 0; i < G_N_ELEMENTS (leaving); i++)
    {
      g_autoptr (WspRecord) row = attendance_of (f, r8, leaving[i]);

      wsp_record_set_string (row, "left_at", "2026-10-29T17:00:00+01:00");
      g_assert_true (wsp_store_save (f->store, row, &error));
    }
  doc = wsp_build_minutes (f->store, wsp_record_get_id (r8), &options, &error);
  g_assert_no_error (error);
  g_assert_true (wsp_output_write (doc, WSP_FORMAT_PDF, path, NULL, NULL, NULL, &error));
  out = wsp_test_run ((const char *[]){ "pdftotext", "-enc", "UTF-8", path, "-", NULL });
  text = wsp_test_squeeze (out);
  assert_in_order (text, (const char *[]){ "Na posiedzeniu obecnych było 7 z 9 członków Rady, co stanowi kworum.",
                                           "Anna Kowalczyk, wiceprzewodnicząca (przybyła o godz. 16:40)",
                                           "Barbara Mazur (wyszła o godz. 17:00)",
                                           "Krzysztof Zając (wyszedł o godz. 17:00)",
                                           "Joanna Wójcik (wyszła o godz. 17:00)",
                                           "W trakcie posiedzenia Rada utraciła kworum: od punktu 4 porządku obrad "
                                           "obecnych było 4 z 9 członków.",
                                           NULL });
}

/* Meeting no. 6: the four from the city's sides against, the four from
 * the organisations for, Małgorzata Nowak (the chair, a woman) among
 * them: a tie her vote decides. */
static void
test_casting_vote (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr (WspRecord) r6 = meeting (f, 6);
  g_autoptr (GError) error = NULL;
  g_autoptr (WspDocument) doc = wsp_build_minutes (f->store, wsp_record_get_id (r6), &options, &error);
  g_autofree char *path = g_build_filename (f->dir, "r6.pdf", NULL);
  g_autofree char *out = NULL;
  g_autofree char *text = NULL;

  if (!wsp_test_have ("pdftotext"))
    return;
  g_assert_no_error (error);
  g_assert_true (wsp_output_write (doc, WSP_FORMAT_PDF, path, NULL, NULL, NULL, &error));
  out = wsp_test_run ((const char *[]){ "pdftotext", "-enc", "UTF-8", path, "-", NULL });
  text = wsp_test_squeeze (out);
  assert_in_order (text, (const char *[]){ "Na posiedzeniu obecnych było 8 z 10 członków Rady, co stanowi kworum.",
                                           "Anna Kowalczyk przeciw", "Krzysztof Zając przeciw",
                                           "Małgorzata Nowak za",
                                           "Uchwała została podjęta głosem rozstrzygającym przewodniczącej: 4 głosy "
                                           "za, 4 głosy przeciw, 0 głosów wstrzymujących się.",
                                           NULL });
}

/* Forum meeting no. 63: the election of two delegates to the grant
 * committees, the first two of the four candidates elected; the Forum's
 * own words. */
static void
test_forum_election (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr (WspRecord) f63 = meeting_of (f, "forum", 63);
  g_autoptr (GError) error = NULL;
  g_autoptr (WspDocument) doc = wsp_build_minutes (f->store, wsp_record_get_id (f63), &options, &error);
  g_autofree char *path = g_build_filename (f->dir, "f63.pdf", NULL);
  g_autofree char *out = NULL;
  g_autofree char *text = NULL;

  if (!wsp_test_have ("pdftotext"))
    return;
  g_assert_no_error (error);
  g_assert_true (wsp_output_write (doc, WSP_FORMAT_PDF, path, NULL, NULL, NULL, &error));
  out = wsp_test_run ((const char *[]){ "pdftotext", "-enc", "UTF-8", path, "-", NULL });
  text = wsp_test_squeeze (out);
  assert_in_order (text, (const char *[]){ "Protokół", "spotkania Forum nr 63",
                                           "organizacji członkowskich Forum, co stanowi kworum.",
                                           "Przebieg spotkania",
                                           "Wybory: Wybór przedstawicieli Forum do komisji konkursowych w 2026 r.",
                                           "Rodzaj głosowania: głosowanie tajne", "Liczba miejsc: 2",
                                           /* 19 organisations present, 80, 60, 35 and 15 % of them. */
                                           "Karty: ważnych: 19, nieważnych: 0, razem: 19",
                                           "Karolina Wrona: 15 głosów", "Paweł Sikora: 11 głosów",
                                           "Jerzy Kowalski: 6 głosów", "Dominika Lis: 2 głosy",
                                           "Wynik: Wybrano: Karolina Wrona (15 głosów), Paweł Sikora (11 głosów).",
                                           NULL });
  g_assert_null (strstr (text, "członków Rady"));
}

/* "1 głos", "2 głosy", "5 głosów", "22 głosy", "12 głosów". */
static void
test_numbers (void)
{
  static const struct { guint n; const char *text; } cases[] = {
    { 1, "1 głos" }, { 2, "2 głosy" }, { 4, "4 głosy" }, { 5, "5 głosów" }, { 12, "12 głosów" },
    { 22, "22 głosy" }, { 25, "25 głosów" }, { 0, "0 głosów" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = wsp_builder_votes_count (cases[i].n);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_not_held_refused (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr (WspRecord) r9 = meeting (f, 9);
  g_autoptr (GError) error = NULL;
  g_autoptr (WspDocument) doc = wsp_build_minutes (f->store, wsp_record_get_id (r9), &options, &error);

  g_assert_null (doc);
  g_assert_error (error, WSP_OUTPUT_ERROR, WSP_OUTPUT_ERROR_NOT_APPLICABLE);
  g_assert_nonnull (strstr (error->message, "nie odbyło"));
}

/* A vote at meeting no. 9 on its item "Przyjęcie protokołu z poprzedniego
 * posiedzenia" approves the minutes of no. 8; a change after that is a
 * correction shown with them. */
static void
test_approval_and_correction (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr (WspRecord) r8 = meeting (f, 8);
  g_autoptr (WspRecord) r9 = meeting (f, 9);
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (WspRecord) ballot = wsp_record_new_for_entity ("ballot", NULL);
  g_autoptr (WspRecord) reread = NULL;
  g_autoptr (WspDocument) doc = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "approved.pdf", NULL);
  g_autofree char *out = NULL;
  g_autofree char *text = NULL;
  g_autoptr (GDateTime) at = g_date_time_new_from_iso8601 ("2026-12-05T10:00:00+01:00", NULL);
  WspRecord *approval = NULL;
  guint n = 0;

  g_assert_true (wsp_store_query (f->store, WSP_TYPE_AGENDA_ITEM, "meeting_id", wsp_record_get_id (r9), items, &error));
  for (guint i = 0; i < items->len; i++)
    if (g_str_has_prefix (wsp_record_get_string (g_ptr_array_index (items, i), "title"), "Przyjęcie protokołu"))
      approval = g_ptr_array_index (items, i);
  g_assert_nonnull (approval);

  /* A correction of minutes still in draft is refused: the notes are edited. */
  g_assert_false (wsp_minutes_record_correction (f->store, r8, NULL, "Poprawka", NULL, &error));
  g_assert_error (error, WSP_MINUTES_ERROR, WSP_MINUTES_ERROR_NOT_APPROVED);
  g_clear_error (&error);

  /* A vote not passed approves nothing. */
  wsp_record_set_string (ballot, "agenda_item_id", wsp_record_get_id (approval));
  wsp_record_set_string (ballot, "body_id", wsp_record_get_string (r9, "body_id"));
  wsp_record_set_string (ballot, "question", "Przyjęcie protokołu z posiedzenia nr 8");
  wsp_record_set_string (ballot, "mode", "open");
  wsp_record_set_string (ballot, "opened_at", "2026-12-03T16:10:00+01:00");
  wsp_record_set_string (ballot, "closed_at", "2026-12-03T16:12:00+01:00");
  wsp_record_set_string (ballot, "verdict", "rejected");
  g_assert_true (wsp_store_save (f->store, ballot, &error));
  g_assert_true (wsp_minutes_follow_ballots (f->store, &n, &error));
  g_assert_cmpuint (n, ==, 0);

  wsp_record_set_string (ballot, "verdict", "passed");
  wsp_record_set_string (ballot, "resolution_number", "7/2026");
  g_assert_true (wsp_store_save (f->store, ballot, &error));
  g_assert_true (wsp_minutes_follow_ballots (f->store, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  reread = wsp_store_get (f->store, wsp_record_get_id (r8), &error);
  g_assert_cmpstr (wsp_record_get_string (reread, "status"), ==, "minutes_approved");
  g_assert_cmpstr (wsp_record_get_string (reread, "minutes_ballot_id"), ==, wsp_record_get_id (ballot));
  g_assert_false (wsp_meeting_status_allows (wsp_meeting_get_status (reread), WSP_MEETING_PART_NOTES));

  g_assert_true (wsp_minutes_record_correction (f->store, reread, NULL,
                                                "W punkcie 3 zamiast „11 uwag” powinno być „12 uwag”.", at, &error));
  g_assert_no_error (error);

  if (!wsp_test_have ("pdftotext"))
    return;
  doc = wsp_build_minutes (f->store, wsp_record_get_id (r8), &options, &error);
  g_assert_no_error (error);
  g_assert_true (wsp_output_write (doc, WSP_FORMAT_PDF, path, NULL, NULL, NULL, &error));
  out = wsp_test_run ((const char *[]){ "pdftotext", "-enc", "UTF-8", path, "-", NULL });
  text = wsp_test_squeeze (out);
  assert_in_order (text, (const char *[]){ "przyjęty na posiedzeniu Rady nr 9 w dniu 3 grudnia 2026 r. (uchwała nr "
                                           "7/2026)",
                                           "Rada rozpatrzyła 11 uwag", "Errata",
                                           "Sprostowanie z dnia 5 grudnia 2026 r.:",
                                           "W punkcie 3 zamiast „11 uwag” powinno być „12 uwag”.", NULL });
  g_assert_null (strstr (text, "projekt protokołu"));
}

static WspRecord *
closed_ballot (Fixture    *f,
               WspRecord  *item,
               const char *body_id,
               const char *verdict,
               const char *corrects)
{
  g_autoptr (WspRecord) ballot = wsp_record_new_for_entity ("ballot", NULL);
  g_autoptr (GError) error = NULL;

  wsp_record_set_string (ballot, "agenda_item_id", wsp_record_get_id (item));
  wsp_record_set_string (ballot, "body_id", body_id);
  wsp_record_set_string (ballot, "question", "Przyjęcie protokołu z posiedzenia nr 8");
  wsp_record_set_string (ballot, "mode", "open");
  wsp_record_set_string (ballot, "opened_at", "2026-12-03T16:10:00+01:00");
  wsp_record_set_string (ballot, "closed_at", "2026-12-03T16:12:00+01:00");
  wsp_record_set_string (ballot, "verdict", verdict);
  wsp_record_set_string (ballot, "corrects", corrects);
  g_assert_true (wsp_store_save (f->store, ballot, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&ballot);
}

/* An approval whose vote was corrected by a later one (rejected) does not
 * stand; the correction passed, it approves. */
static void
test_corrected_approval (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr (WspRecord) r8 = meeting (f, 8);
  g_autoptr (WspRecord) r9 = meeting (f, 9);
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (WspRecord) first = NULL;
  g_autoptr (WspRecord) second = NULL;
  g_autoptr (WspRecord) reread = NULL;
  g_autoptr (GError) error = NULL;
  guint n = 0;

  g_assert_true (wsp_store_query (f->store, WSP_TYPE_AGENDA_ITEM, "meeting_id", wsp_record_get_id (r9), items, &error));
  first = closed_ballot (f, g_ptr_array_index (items, 1), wsp_record_get_string (r9, "body_id"), "passed", NULL);
  second = closed_ballot (f, g_ptr_array_index (items, 1), wsp_record_get_string (r9, "body_id"), "rejected",
                          wsp_record_get_id (first));
  g_assert_true (wsp_minutes_follow_ballots (f->store, &n, &error));
  g_assert_cmpuint (n, ==, 0);
  reread = wsp_store_get (f->store, wsp_record_get_id (r8), &error);
  g_assert_cmpstr (wsp_record_get_string (reread, "status"), ==, "held");

  wsp_record_set_string (second, "verdict", "passed");
  g_assert_true (wsp_store_save (f->store, second, &error));
  g_assert_true (wsp_minutes_follow_ballots (f->store, &n, &error));
  g_assert_cmpuint (n, ==, 1);
  g_clear_object (&reread);
  reread = wsp_store_get (f->store, wsp_record_get_id (r8), &error);
  g_assert_cmpstr (wsp_record_get_string (reread, "minutes_ballot_id"), ==, wsp_record_get_id (second));
}

/* The person of the demo named @name. */
static WspRecord *
person_named (Fixture    *f,
              const char *name)
{
  g_autoptr (GPtrArray) people = g_ptr_array_new_with_free_func (g_object_unref);

  g_assert_true (wsp_store_query (f->store, WSP_TYPE_PERSON, "name", name, people, NULL));
  g_assert_cmpuint (people->len, ==, 1);
  return g_object_ref (g_ptr_array_index (people, 0));
}

/* Meeting no. 8 chaired by the vice-chair, its minutes taken by the NGO
 * Office: the header and the signatures name them, in their gender. */
static void
test_chair_and_taker_chosen (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr (WspRecord) r8 = meeting (f, 8);
  g_autoptr (WspRecord) anna = person_named (f, "Anna Kowalczyk");
  g_autoptr (WspRecord) katarzyna = person_named (f, "Katarzyna Michalska");
  g_autoptr (GError) error = NULL;
  g_autoptr (WspDocument) doc = NULL;
  g_autofree char *path = g_build_filename (f->dir, "r8.pdf", NULL);
  g_autofree char *out = NULL;
  g_autofree char *text = NULL;

  if (!wsp_test_have ("pdftotext"))
    return;
  wsp_record_set_string (r8, "chaired_by_id", wsp_record_get_id (anna));
  wsp_record_set_string (r8, "minutes_by_id", wsp_record_get_id (katarzyna));
  g_assert_true (wsp_store_save (f->store, r8, &error));
  g_assert_no_error (error);
  doc = wsp_build_minutes (f->store, wsp_record_get_id (r8), &options, &error);
  g_assert_no_error (error);
  g_assert_true (wsp_output_write (doc, WSP_FORMAT_PDF, path, NULL, NULL, NULL, &error));
  out = wsp_test_run ((const char *[]){ "pdftotext", "-enc", "UTF-8", path, "-", NULL });
  text = wsp_test_squeeze (out);
  assert_in_order (text, (const char *[]){ "Przewodnicząca obrad: Anna Kowalczyk",
                                           "Protokolantka: Katarzyna Michalska", "Protokołowała",
                                           "Anna Kowalczyk", "Katarzyna Michalska", NULL });
  g_assert_null (strstr (text, "Przewodnicząca obrad: Małgorzata Nowak"));
  g_assert_null (strstr (text, "Protokolant: Tomasz Wieczorek"));
}

/* The agenda as adopted: of meeting no. 9's items, one is put on it after
 * the invitations went out, one before; the minutes say which changed it. */
static void
test_agenda_changed (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr (WspRecord) r9 = meeting (f, 9);
  g_autoptr (WspRecord) early = WSP_RECORD (wsp_agenda_item_new ());
  g_autoptr (WspRecord) late = WSP_RECORD (wsp_agenda_item_new ());
  g_autoptr (GError) error = NULL;
  g_autoptr (WspDocument) doc = NULL;
  g_autoptr (GPtrArray) items = NULL;
  g_autofree char *path = g_build_filename (f->dir, "r9.pdf", NULL);
  g_autofree char *out = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  guint late_number = 0;

  if (!wsp_test_have ("pdftotext"))
    return;
  g_assert_cmpstr (wsp_record_get_string (r9, "status"), ==, "planned");
  wsp_record_set_string (early, "title", "Informacja o konkursach ofert na 2027 rok");
  g_assert_true (wsp_agenda_insert (f->store, r9, early, 1, &error));
  g_assert_no_error (error);
  g_assert_true (wsp_meetings_set_status (f->store, r9, WSP_MEETING_INVITED, &error));
  g_assert_no_error (error);
  g_clear_object (&r9);
  r9 = meeting (f, 9);
  wsp_record_set_string (late, "title", "Stanowisko Rady w sprawie budżetu obywatelskiego");
  g_assert_true (wsp_agenda_insert (f->store, r9, late, 3, &error));
  g_assert_no_error (error);
  g_assert_true (wsp_meetings_set_status (f->store, r9, WSP_MEETING_HELD, &error));
  g_assert_no_error (error);

  items = wsp_agenda_items (f->store, wsp_record_get_id (r9), &error);
  g_assert_nonnull (items);
  for (guint i = 0; i < items->len; i++)
    {
      WspRecord *item = g_ptr_array_index (items, i);

      g_assert_cmpint (wsp_record_get_bool (item, "added_late"), ==,
                       g_strcmp0 (wsp_record_get_id (item), wsp_record_get_id (late)) == 0);
      if (g_strcmp0 (wsp_record_get_id (item), wsp_record_get_id (late)) == 0)
        late_number = i + 1;
    }
  g_assert_cmpuint (late_number, ==, 4);

  g_clear_object (&r9);
  r9 = meeting (f, 9);
  doc = wsp_build_minutes (f->store, wsp_record_get_id (r9), &options, &error);
  g_assert_no_error (error);
  g_assert_true (wsp_output_write (doc, WSP_FORMAT_PDF, path, NULL, NULL, NULL, &error));
  out = wsp_test_run ((const char *[]){ "pdftotext", "-enc", "UTF-8", path, "-", NULL });
  text = wsp_test_squeeze (out);
  expected = g_strdup_printf ("Porządek obrad przyjęto ze zmianą: punkt %u dodano po wysłaniu zaproszeń.", late_number);
  assert_in_order (text, (const char *[]){ "Porządek obrad", "Stanowisko Rady w sprawie budżetu obywatelskiego",
                                           expected, "Przebieg posiedzenia", NULL });
}

int
main (int argc, char *argv[])
{
  /* In Polish: where the grammar of numbers and genders shows. */
  if (setlocale (LC_ALL, "pl_PL.UTF-8") == NULL)
    {
      g_printerr ("The pl_PL.UTF-8 locale is missing (build-aux/dev.sh deps makes it).\n");
      return 77;
    }
  g_setenv ("LANGUAGE", "pl", TRUE);
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("WSPOLNIE_LOCALEDIR") != NULL ? g_getenv ("WSPOLNIE_LOCALEDIR")
                                                                           : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/minutes/held-meeting", test_held_meeting);
  ADD ("/minutes/chair-and-taker-chosen", test_chair_and_taker_chosen);
  ADD ("/minutes/agenda-changed", test_agenda_changed);
  ADD ("/minutes/recusal", test_recusal);
  ADD ("/minutes/quorum-lost", test_quorum_lost);
  ADD ("/minutes/casting-vote", test_casting_vote);
  ADD ("/minutes/forum-election", test_forum_election);
  ADD ("/minutes/genders-and-secret", test_genders_and_secret);
  ADD ("/minutes/not-held-refused", test_not_held_refused);
  ADD ("/minutes/approval-and-correction", test_approval_and_correction);
  ADD ("/minutes/corrected-approval", test_corrected_approval);
  g_test_add_func ("/minutes/numbers", test_numbers);
#undef ADD
  return g_test_run ();
}
