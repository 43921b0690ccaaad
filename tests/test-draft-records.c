/* test-draft-records.c — drafts in the store: registered, listed by urgency, versions, comments, decisions, opinions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "wsp-test-util.h"

#include "domain/wsp-draft-detail.h"
#include "domain/wsp-draft-list.h"
#include "domain/wsp-draft-rows.h"
#include "domain/wsp-drafts.h"
#include "import/wsp-draft-import.h"
#include "import/wsp-draft-split.h"
#include "records/wsp-records-drafts.h"

typedef struct
{
  char     *dir;
  WspStore *a;
  WspStore *b;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = g_dir_make_tmp ("wsp-draft-records-XXXXXX", NULL);
  f->a = wsp_test_open_store (f->dir, "a.sqlite3");
  f->b = wsp_test_open_store (f->dir, "b.sqlite3");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->a);
  g_clear_object (&f->b);
  wsp_test_remove_tree (f->dir);
  g_free (f->dir);
}

/* Sends everything @from has to @to. */
static void
send (WspStore *from,
      WspStore *to)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonArray) revs = wsp_store_dup_revisions (from, NULL, &error);
  WspAddStats stats = { 0 };

  g_assert_no_error (error);
  g_assert_true (wsp_store_add_revisions (to, revs, &stats, NULL, &error));
  g_assert_no_error (error);
}

static const char *first_text =
  "Projekt uchwały Rady Miasta w sprawie Programu współpracy na rok 2027\n\n"
  "Na podstawie art. 5a ust. 1 ustawy uchwala się, co następuje:\n\n"
  "§ 1. Program określa cele współpracy Miasta z organizacjami.\n"
  "§ 2. 1. Celem głównym jest partnerstwo Miasta i organizacji.\n"
  "2. Celami szczegółowymi są:\n1) wzmacnianie potencjału organizacji;\n2) rozwój wolontariatu.\n"
  "§ 3. Na Program przeznacza się 3 200 000 zł.\n"
  "§ 4. Uchwała wchodzi w życie z dniem podjęcia.";

/* The second version: a § inserted before § 2 (so § 2 is § 3 now), the
 * points reworded, the money § removed. */
static const char *second_text =
  "Projekt uchwały Rady Miasta w sprawie Programu współpracy na rok 2027\n\n"
  "Na podstawie art. 5a ust. 1 ustawy uchwala się, co następuje:\n\n"
  "§ 1. Program określa cele współpracy Miasta z organizacjami.\n"
  "§ 2. Program obowiązuje od 1 stycznia do 31 grudnia 2027 r.\n"
  "§ 3. 1. Celem głównym jest partnerstwo Miasta i organizacji.\n"
  "2. Celami szczegółowymi są:\n1) wzmacnianie potencjału organizacji;\n"
  "2) rozwój wolontariatu, w szczególności wśród seniorów.\n"
  "§ 4. Uchwała wchodzi w życie z dniem podjęcia.";

static WspRecord *
register_draft (WspStore   *store,
                const char *received_on)
{
  g_autoptr (WspRecord) draft = WSP_RECORD (wsp_draft_new ());
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) units = wsp_draft_split (first_text);
  g_autofree char *title = wsp_draft_guess_title (units);

  g_assert_cmpstr (title, ==, "Projekt uchwały w sprawie Programu współpracy na rok 2027");
  wsp_record_set_string (draft, "title", title);
  wsp_record_set_string (draft, "kind", wsp_draft_guess_kind (title));
  wsp_record_set_string (draft, "sender", "mayor");
  wsp_record_set_string (draft, "submitted_by", "Prezydent Miasta Zagłębiowice");
  wsp_record_set_string (draft, "received_on", received_on);
  g_assert_true (wsp_draft_register (store, draft, first_text, "projekt.odt", NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&draft);
}

static char *
add_comment (WspStore   *store,
             WspRecord  *version,
             const char *unit_key,
             const char *author,
             const char *proposed,
             const char *submitted_on,
             const char *corrects)
{
  g_autoptr (WspRecord) comment = WSP_RECORD (wsp_comment_new ());
  g_autoptr (GPtrArray) units = wsp_draft_units_from_json (wsp_record_get_value (version, "units"));
  g_autoptr (GError) error = NULL;

  wsp_record_set_string (comment, "version_id", wsp_record_get_id (version));
  wsp_record_set_string (comment, "unit_key", unit_key);
  wsp_record_set_string (comment, "author_name", author);
  for (guint i = 0; i < units->len; i++)
    if (g_str_equal (((WspDraftUnit *) g_ptr_array_index (units, i))->key, unit_key))
      wsp_record_set_string (comment, "current_wording", ((WspDraftUnit *) g_ptr_array_index (units, i))->text);
  wsp_record_set_string (comment, "proposed_wording", proposed);
  wsp_record_set_string (comment, "justification", "Uzasadnienie.");
  wsp_record_set_string (comment, "submitted_on", submitted_on);
  wsp_record_set_string (comment, "corrects", corrects);
  g_assert_true (wsp_store_save (store, comment, &error));
  g_assert_no_error (error);
  return g_strdup (wsp_record_get_id (comment));
}

static WspDraftDetail *
load (WspStore   *store,
      WspRecord  *draft)
{
  g_autoptr (GError) error = NULL;
  WspDraftDetail *detail = wsp_draft_detail_load (store, wsp_record_get_id (draft), NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (detail);
  return detail;
}

static const WspCommentInfo *
comment_info (WspDraftDetail *detail,
              const char     *id)
{
  WspCommentEntry *entry = wsp_draft_detail_find_comment (detail, id);

  g_assert_nonnull (entry);
  return wsp_comment_entry_get_info (entry);
}

/* Registering saves the draft with its deadline by the rules, and its
 * first version split into units. */
static void
test_register (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr (WspRecord) draft = register_draft (f->a, "2027-10-28");
  g_autoptr (WspDraftDetail) detail = load (f->a, draft);
  GPtrArray *units = wsp_draft_detail_get_units (detail);

  /* 14 days, past Independence Day (11 November 2027, a Thursday). */
  g_assert_cmpstr (wsp_record_get_string (draft, "deadline"), ==, "2027-11-12");
  g_assert_cmpstr (wsp_record_get_string (draft, "kind"), ==, "cooperation_programme");
  g_assert_cmpstr (wsp_record_get_string (draft, "status"), ==, "received");
  g_assert_cmpuint (wsp_draft_detail_get_versions (detail)->len, ==, 1);
  g_assert_cmpuint (units->len, ==, 9);
  g_assert_cmpstr (((WspDraftUnit *) g_ptr_array_index (units, 6))->key, ==, "§ 2 ust. 2 pkt 2");
  g_assert_cmpstr (wsp_record_get_string (wsp_draft_detail_get_latest (detail), "file_name"), ==, "projekt.odt");
}

/* The list: open drafts by their deadline, then those deemed waived, then
 * those with an opinion. */
static void
test_list_by_urgency (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr (WspRecord) late = register_draft (f->a, "2027-10-01");
  g_autoptr (WspRecord) soon = register_draft (f->a, "2027-10-28");
  g_autoptr (WspRecord) later = register_draft (f->a, "2027-11-05");
  g_autoptr (WspRecord) done = register_draft (f->a, "2027-10-20");
  g_autoptr (WspRecord) opinion = WSP_RECORD (wsp_opinion_new ());
  g_autoptr (GDateTime) now = g_date_time_new_local (2027, 11, 10, 9, 0, 0);
  g_autoptr (WspDraftList) list = wsp_draft_list_new (f->a, now);
  g_autoptr (GError) error = NULL;
  g_autoptr (WspDraftItem) first = NULL;
  g_autoptr (GPtrArray) due = NULL;
  WspDraftItem *item;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 4);
  /* Deemed waived, the latest deadline first: 3 November (20 October + 14),
   * then 15 October. */
  first = g_list_model_get_item (G_LIST_MODEL (list), 2);
  g_assert_cmpstr (wsp_record_get_id (wsp_draft_item_get_draft (first)), ==, wsp_record_get_id (done));
  g_assert_cmpint (wsp_draft_item_get_state (first), ==, WSP_OPINION_STATE_WAIVED);
  g_assert_cmpint (wsp_draft_item_get_days_left (first), ==, -7);

  /* Giving the opinion on it moves it down; the list follows the store. */
  wsp_record_set_string (opinion, "draft_id", wsp_record_get_id (done));
  wsp_record_set_string (opinion, "body_id", wsp_record_get_id (done)); /* any record will do here */
  wsp_record_set_string (opinion, "verdict", "positive");
  wsp_record_set_string (opinion, "adopted_on", "2027-11-02");
  g_assert_true (wsp_store_save (f->a, opinion, &error));
  g_assert_no_error (error);

  {
    const char *order[] = { wsp_record_get_id (soon), wsp_record_get_id (later), wsp_record_get_id (late),
                            wsp_record_get_id (done) };
    const WspOpinionState states[] = { WSP_OPINION_STATE_OPEN, WSP_OPINION_STATE_OPEN, WSP_OPINION_STATE_WAIVED,
                                       WSP_OPINION_STATE_GIVEN };

    for (guint i = 0; i < G_N_ELEMENTS (order); i++)
      {
        g_autoptr (WspDraftItem) at = g_list_model_get_item (G_LIST_MODEL (list), i);

        g_assert_cmpstr (wsp_record_get_id (wsp_draft_item_get_draft (at)), ==, order[i]);
        g_assert_cmpint (wsp_draft_item_get_state (at), ==, states[i]);
      }
  }
  item = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpint (wsp_draft_item_get_days_left (item), ==, 2);
  g_object_unref (item);

  /* Due within three days: only the one due on 12 November. */
  due = wsp_drafts_due_soon (f->a, now, WSP_OPINION_REMINDER_DAYS, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (due->len, ==, 1);
  g_assert_cmpstr (wsp_record_get_id (g_ptr_array_index (due, 0)), ==, wsp_record_get_id (soon));
}

/* A corrected draft arrives: comments follow their units, marked when the
 * words changed, kept when their unit is gone. */
static void
test_comments_follow_versions (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr (WspRecord) draft = register_draft (f->a, "2027-10-28");
  g_autoptr (WspRecord) first = wsp_draft_latest_version (f->a, wsp_record_get_id (draft), NULL);
  g_autoptr (WspRecord) second = NULL;
  g_autoptr (WspDraftDetail) before = NULL;
  g_autoptr (WspDraftDetail) after = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *on_aim = add_comment (f->a, first, "§ 2 ust. 1", "Anna Nowak", "Celem głównym jest partnerstwo.",
                                         "2027-10-30", NULL);
  g_autofree char *on_point = add_comment (f->a, first, "§ 2 ust. 2 pkt 2", "Jan Wrona", "rozwój wolontariatu seniorów.",
                                           "2027-10-31", NULL);
  g_autofree char *on_money = add_comment (f->a, first, "§ 3", "Ewa Lis", "3 500 000 zł", "2027-10-29", NULL);
  const WspCommentInfo *info;
  guint n_matched = 0;

  before = load (f->a, draft);
  /* In the order of the text. */
  g_assert_cmpuint (comment_info (before, on_aim)->number, ==, 1);
  g_assert_cmpuint (comment_info (before, on_point)->number, ==, 2);
  g_assert_cmpuint (comment_info (before, on_money)->number, ==, 3);

  second = wsp_draft_add_version (f->a, wsp_record_get_id (draft), second_text, "2027-11-03", NULL, &n_matched, &error);
  g_assert_no_error (error);
  g_assert_cmpint (wsp_record_get_int (second, "number"), ==, 2);
  g_assert_cmpstr (wsp_record_get_string (second, "previous_id"), ==, wsp_record_get_id (first));
  g_assert_cmpuint (n_matched, ==, 8); /* all but the new § 2 */

  after = load (f->a, draft);
  info = comment_info (after, on_aim);
  g_assert_cmpstr (info->unit_key, ==, "§ 3 ust. 1");
  g_assert_cmpstr (info->old_unit_name, ==, "§ 2 ust. 1");
  g_assert_false (info->text_changed);
  g_assert_cmpuint (info->version_number, ==, 1);

  info = comment_info (after, on_point);
  g_assert_cmpstr (info->unit_key, ==, "§ 3 ust. 2 pkt 2");
  g_assert_true (info->text_changed);

  info = comment_info (after, on_money);
  g_assert_null (info->unit_key);
  g_assert_cmpuint (info->removed_in, ==, 2);
  g_assert_cmpstr (info->unit_name, ==, "§ 3");
  g_assert_cmpuint (info->number, ==, 3);

  /* The rows: each unit with its comments under it, the removed one last
   * under its heading; the new § 2 is marked new, the reworded point
   * changed. */
  {
    g_autoptr (GPtrArray) rows = wsp_draft_detail_dup_rows (after, FALSE);
    g_autoptr (GPtrArray) commented = wsp_draft_detail_dup_rows (after, TRUE);
    g_autoptr (WspDraftRows) model = wsp_draft_rows_new ();
    WspDraftRow *last = g_ptr_array_index (rows, rows->len - 1);
    WspDraftRow *heading = g_ptr_array_index (rows, rows->len - 2);
    guint new_rows = 0, changed_rows = 0;

    g_assert_cmpint (wsp_draft_row_get_kind (heading), ==, WSP_DRAFT_ROW_REMOVED);
    g_assert_cmpstr (wsp_comment_entry_get_info (wsp_draft_row_get_comment (last))->root_id, ==, on_money);
    for (guint i = 0; i < rows->len; i++)
      {
        new_rows += wsp_draft_row_get_change (g_ptr_array_index (rows, i)) == WSP_UNIT_NEW;
        changed_rows += wsp_draft_row_get_change (g_ptr_array_index (rows, i)) == WSP_UNIT_CHANGED;
      }
    g_assert_cmpuint (new_rows, ==, 1);
    g_assert_cmpuint (changed_rows, ==, 1);
    /* Two units with comments, their two comments, the heading and its one. */
    g_assert_cmpuint (commented->len, ==, 6);

    /* The two versions compared: the new § 2, the reworded point, the
     * money § removed where it was. */
    {
      g_autoptr (GArray) compared = wsp_draft_detail_compare (after, 0, 1);
      g_autoptr (GString) seen = g_string_new (NULL);

      for (guint i = 0; i < compared->len; i++)
        {
          WspUnitComparison *c = &g_array_index (compared, WspUnitComparison, i);

          if (c->change == WSP_UNIT_SAME)
            continue;
          g_string_append_printf (seen, "%s:%s>%s ", c->change == WSP_UNIT_NEW ? "new"
                                                     : c->change == WSP_UNIT_CHANGED ? "changed" : "removed",
                                  c->before != NULL ? c->before->key : "", c->after != NULL ? c->after->key : "");
        }
      g_assert_cmpstr (seen->str, ==, "new:>§ 2 changed:§ 2 ust. 2 pkt 2>§ 3 ust. 2 pkt 2 removed:§ 3> ");
    }

    wsp_draft_rows_set (model, g_ptr_array_ref (rows));
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, rows->len);
    g_assert_cmpuint (wsp_draft_rows_find_comment (model, on_point), ==,
                      wsp_draft_rows_find_unit (model, "§ 3 ust. 2 pkt 2") + 1);
  }
}

/* Comments are append-only: a correction is a new comment that says what
 * it corrects; it counts, and keeps the comment's number and decision. */
static void
test_corrections (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr (WspRecord) draft = register_draft (f->a, "2027-10-28");
  g_autoptr (WspRecord) version = wsp_draft_latest_version (f->a, wsp_record_get_id (draft), NULL);
  g_autofree char *original = add_comment (f->a, version, "§ 1", "Anna Nowak", "Pierwsza wersja.", "2027-10-30", NULL);
  g_autofree char *correction = NULL;
  g_autoptr (WspDraftDetail) detail = NULL;
  g_autoptr (WspRecord) stored = wsp_store_get (f->a, original, NULL);
  g_autoptr (GError) error = NULL;
  const WspCommentInfo *info;

  /* The store refuses to change it. */
  wsp_record_set_string (stored, "proposed_wording", "Zmiana w miejscu.");
  g_assert_false (wsp_store_save (f->a, stored, &error));
  g_assert_error (error, WSP_STORE_ERROR, WSP_STORE_ERROR_APPEND_ONLY);
  g_clear_error (&error);

  g_assert_true (wsp_draft_record_decision (f->a, wsp_record_get_id (draft), original, "accepted", "Uwzględniona.",
                                            NULL, NULL, "2027-11-05", &error));
  correction = add_comment (f->a, version, "§ 1", "Anna Nowak", "Poprawiona wersja.", "2027-10-31", original);
  detail = load (f->a, draft);
  g_assert_cmpuint (wsp_draft_detail_get_comments (detail)->len, ==, 1);
  info = comment_info (detail, correction);
  g_assert_true (info == comment_info (detail, original));
  g_assert_cmpstr (wsp_record_get_string (info->comment, "proposed_wording"), ==, "Poprawiona wersja.");
  g_assert_cmpuint (info->chain->len, ==, 2);
  g_assert_cmpint (info->decision, ==, WSP_COMMENT_ACCEPTED);
  g_assert_cmpstr (info->reason, ==, "Uwzględniona.");
}

/* Two laptops decide one comment. The same decision is one; different ones
 * meet as a conflict a person resolves, and the choice travels. */
static void
test_decisions_on_two_laptops (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr (WspRecord) draft = register_draft (f->a, "2027-10-28");
  g_autoptr (WspRecord) version = wsp_draft_latest_version (f->a, wsp_record_get_id (draft), NULL);
  g_autofree char *first = add_comment (f->a, version, "§ 1", "Anna Nowak", "Tekst A.", "2027-10-30", NULL);
  g_autofree char *second = add_comment (f->a, version, "§ 3", "Ewa Lis", "Tekst B.", "2027-10-30", NULL);
  g_autofree char *decision_id = wsp_decision_id_for_comment (second);
  g_autoptr (WspDraftDetail) on_a = NULL;
  g_autoptr (WspDraftDetail) on_b = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) conflicts = NULL;
  const WspCommentInfo *info;
  const char *keep = NULL;

  g_assert_true (g_uuid_string_is_valid (decision_id));
  send (f->a, f->b);

  /* Both decide the first comment alike, the second differently. */
  g_assert_true (wsp_draft_record_decision (f->a, wsp_record_get_id (draft), first, "accepted", "Uwzględniona.",
                                            NULL, NULL, "2027-11-05", &error));
  g_assert_true (wsp_draft_record_decision (f->b, wsp_record_get_id (draft), first, "accepted", "Uwzględniona.",
                                            NULL, NULL, "2027-11-05", &error));
  g_assert_true (wsp_draft_record_decision (f->a, wsp_record_get_id (draft), second, "rejected", "Brak środków.",
                                            NULL, NULL, "2027-11-05", &error));
  g_assert_true (wsp_draft_record_decision (f->b, wsp_record_get_id (draft), second, "partly_accepted",
                                            "Częściowo.", NULL, NULL, "2027-11-05", &error));
  g_assert_no_error (error);
  send (f->a, f->b);
  send (f->b, f->a);

  on_a = load (f->a, draft);
  on_b = load (f->b, draft);
  g_assert_false (comment_info (on_a, first)->decision_conflict);
  g_assert_cmpint (comment_info (on_a, first)->decision, ==, WSP_COMMENT_ACCEPTED);
  info = comment_info (on_a, second);
  g_assert_true (info->decision_conflict);
  g_assert_true (comment_info (on_b, second)->decision_conflict);
  /* Both laptops show the same value until a person chooses. */
  g_assert_cmpint (info->decision, ==, comment_info (on_b, second)->decision);
  g_assert_cmpuint (wsp_draft_detail_count_conflicts (on_a), ==, 1);

  conflicts = wsp_store_dup_conflicts (f->a, decision_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 2); /* decision and reason */
  for (guint i = 0; i < conflicts->len; i++)
    {
      WspConflict *conflict = g_ptr_array_index (conflicts, i);

      if (g_strcmp0 (conflict->field, "decision") != 0)
        continue;
      for (guint k = 0; k < conflict->candidates->len; k++)
        {
          WspCandidate *candidate = g_ptr_array_index (conflict->candidates, k);

          if (g_strcmp0 (json_node_get_string (candidate->value), "partly_accepted") == 0)
            keep = candidate->rev_id;
        }
    }
  g_assert_nonnull (keep);
  g_assert_true (wsp_draft_resolve_decision (f->a, info->decision_record, keep, &error));
  g_assert_no_error (error);
  send (f->a, f->b);

  g_clear_object (&on_a);
  g_clear_object (&on_b);
  on_a = load (f->a, draft);
  on_b = load (f->b, draft);
  for (guint i = 0; i < 2; i++)
    {
      WspDraftDetail *detail = i == 0 ? on_a : on_b;

      info = comment_info (detail, second);
      g_assert_false (info->decision_conflict);
      g_assert_cmpint (info->decision, ==, WSP_COMMENT_PARTLY_ACCEPTED);
      g_assert_cmpstr (info->reason, ==, "Częściowo.");
    }
}

/* A comment recorded with its decision (from paper minutes, or by an older
 * version of the app) keeps it until a decision is taken in the app. */
static void
test_decision_recorded_with_comment (Fixture       *f,
                                     gconstpointer  data)
{
  g_autoptr (WspRecord) draft = register_draft (f->a, "2027-10-28");
  g_autoptr (WspRecord) version = wsp_draft_latest_version (f->a, wsp_record_get_id (draft), NULL);
  g_autoptr (WspRecord) comment = WSP_RECORD (wsp_comment_new ());
  g_autoptr (WspDraftDetail) detail = NULL;
  g_autoptr (GError) error = NULL;

  wsp_record_set_string (comment, "version_id", wsp_record_get_id (version));
  wsp_record_set_string (comment, "unit_key", "§ 4");
  wsp_record_set_string (comment, "proposed_wording", "Wchodzi w życie po 14 dniach.");
  wsp_record_set_string (comment, "decision", "rejected");
  wsp_record_set_string (comment, "decision_reason", "Przepis porządkowy.");
  g_assert_true (wsp_store_save (f->a, comment, &error));
  detail = load (f->a, draft);
  g_assert_cmpint (comment_info (detail, wsp_record_get_id (comment))->decision, ==, WSP_COMMENT_REJECTED);
  g_clear_object (&detail);

  g_assert_true (wsp_draft_record_decision (f->a, wsp_record_get_id (draft), wsp_record_get_id (comment), "withdrawn",
                                            NULL, NULL, NULL, NULL, &error));
  detail = load (f->a, draft);
  g_assert_cmpint (comment_info (detail, wsp_record_get_id (comment))->decision, ==, WSP_COMMENT_WITHDRAWN);
  g_assert_null (comment_info (detail, wsp_record_get_id (comment))->reason);
}

/* Opinions are append-only too: the correction counts; numbers follow on. */
static void
test_opinion_and_number (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr (WspRecord) draft = register_draft (f->a, "2027-10-28");
  g_autoptr (WspRecord) opinion = WSP_RECORD (wsp_opinion_new ());
  g_autoptr (WspRecord) correction = WSP_RECORD (wsp_opinion_new ());
  g_autoptr (WspRecord) found = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *number = NULL;
  g_autofree char *next = NULL;

  number = wsp_draft_next_opinion_number (f->a, 2027, &error);
  g_assert_cmpstr (number, ==, "1/2027");
  wsp_record_set_string (opinion, "draft_id", wsp_record_get_id (draft));
  wsp_record_set_string (opinion, "body_id", wsp_record_get_id (draft));
  wsp_record_set_string (opinion, "verdict", "positive");
  wsp_record_set_string (opinion, "number", "3/2027");
  wsp_record_set_string (opinion, "adopted_on", "2027-11-10");
  g_assert_true (wsp_store_save (f->a, opinion, &error));
  wsp_record_set_string (correction, "draft_id", wsp_record_get_id (draft));
  wsp_record_set_string (correction, "body_id", wsp_record_get_id (draft));
  wsp_record_set_string (correction, "verdict", "positive_with_remarks");
  wsp_record_set_string (correction, "number", "3/2027");
  wsp_record_set_string (correction, "adopted_on", "2027-11-10");
  wsp_record_set_string (correction, "corrects", wsp_record_get_id (opinion));
  g_assert_true (wsp_store_save (f->a, correction, &error));
  g_assert_no_error (error);

  found = wsp_draft_find_opinion (f->a, wsp_record_get_id (draft), &error);
  g_assert_cmpstr (wsp_record_get_id (found), ==, wsp_record_get_id (correction));
  next = wsp_draft_next_opinion_number (f->a, 2027, &error);
  g_assert_cmpstr (next, ==, "4/2027");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/draft-records/register", test_register);
  ADD ("/draft-records/list-by-urgency", test_list_by_urgency);
  ADD ("/draft-records/comments-follow-versions", test_comments_follow_versions);
  ADD ("/draft-records/corrections", test_corrections);
  ADD ("/draft-records/decisions-on-two-laptops", test_decisions_on_two_laptops);
  ADD ("/draft-records/decision-recorded-with-comment", test_decision_recorded_with_comment);
  ADD ("/draft-records/opinion-and-number", test_opinion_and_number);
#undef ADD
  return g_test_run ();
}
