/* test-votes.c — ballots run as a secretary runs them, without a display
 *
 * The oracles are the bylaws' arithmetic done by hand for each case (how
 * many for, against, recused; the quorum of 30 members) and the Polish
 * sentences of the minutes written out in full, not the rules' code.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "demo/wsp-demo.h"
#include "domain/wsp-agenda.h"
#include "domain/wsp-ballot-run.h"
#include "domain/wsp-check-in.h"
#include "domain/wsp-elections.h"
#include "domain/wsp-meetings.h"
#include "domain/wsp-voting.h"
#include "sync/wsp-sync.h"
#include "domain/wsp-membership.h"
#include "output/wsp-builders.h"
#include "output/wsp-output.h"
#include "records/wsp-entities.h"
#include "records/wsp-records-meetings.h"
#include "records/wsp-records-votes.h"
#include "wsp-test-util.h"

typedef struct
{
  char     *dir;
  WspStore *store;
  char     *meeting_id;
  char     *item_id;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WspRecord) body = NULL;
  g_autoptr (WspRecord) meeting = WSP_RECORD (wsp_meeting_new ());
  g_autoptr (WspRecord) item = WSP_RECORD (wsp_agenda_item_new ());
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GDateTime) start = g_date_time_add_minutes (now, -5);
  g_autofree char *starts = wsp_meetings_format_time (start);

  f->dir = g_dir_make_tmp ("wsp-votes-XXXXXX", NULL);
  f->store = wsp_test_open_store (f->dir, "votes.sqlite3");
  g_assert_true (wsp_demo_fill (f->store, &error));
  g_assert_no_error (error);
  body = wsp_membership_find_body (f->store, "forum", &error);
  g_assert_nonnull (body);

  wsp_record_set_string (meeting, "body_id", wsp_record_get_id (body));
  wsp_record_set_string (meeting, "starts_at", starts);
  wsp_record_set_int (meeting, "number", 65);
  wsp_record_set_string (meeting, "status", "invited");
  g_assert_true (wsp_store_save (f->store, meeting, &error));
  f->meeting_id = g_strdup (wsp_record_get_id (meeting));

  wsp_record_set_string (item, "meeting_id", f->meeting_id);
  wsp_record_set_int (item, "position", 1);
  wsp_record_set_string (item, "kind", "resolution");
  wsp_record_set_string (item, "title", "Uchwała w sprawie kalendarza spotkań Forum na 2027 rok");
  g_assert_true (wsp_store_save (f->store, item, &error));
  g_assert_no_error (error);
  f->item_id = g_strdup (wsp_record_get_id (item));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  wsp_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->meeting_id);
  g_free (f->item_id);
}

/* Checks in the first @present of the Forum's 30 members; the rest absent. */
static void
check_in (Fixture *f,
          guint    present)
{
  g_autoptr (WspCheckIn) check_in = wsp_check_in_new (f->store, f->meeting_id);
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  guint n = g_list_model_get_n_items (G_LIST_MODEL (check_in));

  g_assert_cmpuint (n, ==, 30);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (WspCheckInEntry) entry = g_list_model_get_item (G_LIST_MODEL (check_in), i);
      g_autoptr (GError) error = NULL;

      g_assert_true (wsp_check_in_set_presence (check_in, entry, i < present ? WSP_PRESENCE_PRESENT
                                                                             : WSP_PRESENCE_ABSENT,
                                                now, &error));
      g_assert_no_error (error);
    }
}

/* Recuses, on the run sheet, the members at @positions of the check-in. */
static void
recuse_on_item (Fixture     *f,
                const guint *positions,
                guint        n)
{
  g_autoptr (WspCheckIn) check_in = wsp_check_in_new (f->store, f->meeting_id);
  g_autoptr (WspRecord) item = wsp_store_get (f->store, f->item_id, NULL);
  g_autoptr (GPtrArray) ids = g_ptr_array_new ();
  g_autoptr (GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < n; i++)
    {
      WspCheckInEntry *entry = g_list_model_get_item (G_LIST_MODEL (check_in), positions[i]);

      g_ptr_array_add (entries, entry);
      g_ptr_array_add (ids, (gpointer) wsp_check_in_entry_get_seat_id (entry));
    }
  g_ptr_array_add (ids, NULL);
  wsp_record_set_list (item, "recused", (const char * const *) ids->pdata);
  g_assert_true (wsp_store_save (f->store, item, &error));
  g_assert_no_error (error);
}

static char *
new_ballot (Fixture    *f,
            const char *mode,
            const char *majority)
{
  g_autoptr (WspRecord) body = wsp_membership_find_body (f->store, "forum", NULL);
  g_autoptr (WspRecord) ballot = WSP_RECORD (wsp_ballot_new ());
  g_autoptr (GError) error = NULL;

  wsp_record_set_string (ballot, "agenda_item_id", f->item_id);
  wsp_record_set_string (ballot, "body_id", wsp_record_get_id (body));
  wsp_record_set_string (ballot, "question", "Czy Forum przyjmuje kalendarz spotkań na 2027 rok?");
  wsp_record_set_string (ballot, "mode", mode);
  if (majority != NULL)
    wsp_record_set_string (ballot, "majority", majority);
  g_assert_true (wsp_store_save (f->store, ballot, &error));
  g_assert_no_error (error);
  return g_strdup (wsp_record_get_id (ballot));
}

static WspBallotRun *
run_of (Fixture    *f,
        const char *ballot_id)
{
  g_autoptr (GError) error = NULL;
  WspBallotRun *run = wsp_ballot_run_new (f->store, ballot_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (run);
  return run;
}

static guint
count_votes (Fixture    *f,
             const char *ballot_id)
{
  g_autoptr (GPtrArray) votes = g_ptr_array_new_with_free_func (g_object_unref);

  g_assert_true (wsp_store_query (f->store, WSP_TYPE_VOTE, "ballot_id", ballot_id, votes, NULL));
  return votes->len;
}

static void
cast (WspBallotRun *run,
      WspVoteChoice choice,
      gboolean      recused)
{
  g_autoptr (GError) error = NULL;
  guint current = wsp_ballot_run_get_current (run);

  g_assert_cmpuint (current, !=, G_MAXUINT);
  g_assert_true (wsp_ballot_run_cast (run, current, choice, recused, &error));
  g_assert_no_error (error);
}

/* 30 present; 14 for, 14 against, 1 abstains, 1 recused by the key: a tie
 * under the simple majority, which the Forum's rule gives to the chair.
 * Closing is refused until the casting vote is there; then the resolution
 * passes, with the next number of the year. */
static void
test_roll_call_tie_casting_vote (Fixture       *f,
                                 gconstpointer  data)
{
  g_autofree char *id = NULL;
  g_autoptr (WspBallotRun) run = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (WspRecord) closed = NULL;
  g_autofree char *expected_number = NULL;
  WspBallotCount count;

  check_in (f, 30);
  id = new_ballot (f, "roll_call", NULL);
  run = run_of (f, id);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (run)), ==, 30);
  g_assert_cmpuint (wsp_ballot_run_get_current (run), ==, 0);

  for (guint i = 0; i < 30; i++)
    {
      if (i < 14)
        cast (run, WSP_VOTE_FOR, FALSE);
      else if (i < 28)
        cast (run, WSP_VOTE_AGAINST, FALSE);
      else if (i == 28)
        cast (run, WSP_VOTE_ABSTAIN, FALSE);
      else
        cast (run, WSP_VOTE_NONE, TRUE);
    }
  g_assert_cmpuint (wsp_ballot_run_get_current (run), ==, G_MAXUINT);
  g_assert_cmpuint (count_votes (f, id), ==, 30);
  wsp_ballot_run_get_count (run, &count);
  g_assert_cmpuint (count.tally.yes, ==, 14);
  g_assert_cmpuint (count.tally.no, ==, 14);
  g_assert_cmpuint (count.tally.abstain, ==, 1);
  g_assert_cmpuint (count.tally.recused, ==, 1);
  g_assert_cmpuint (count.entitled, ==, 29);
  g_assert_cmpuint (count.not_voted, ==, 0);
  g_assert_true (wsp_ballot_run_is_tied (run));
  g_assert_true (wsp_ballot_run_needs_casting_vote (run));

  g_assert_false (wsp_ballot_run_close (run, now, &error));
  g_assert_error (error, WSP_BALLOT_ERROR, WSP_BALLOT_ERROR_CASTING_VOTE_NEEDED);
  g_clear_error (&error);

  g_assert_true (wsp_ballot_run_set_casting_vote (run, WSP_VOTE_FOR, &error));
  g_assert_no_error (error);
  g_assert_false (wsp_ballot_run_needs_casting_vote (run));
  g_assert_cmpint (wsp_ballot_run_get_verdict (run), ==, WSP_VERDICT_PASSED_BY_CASTING_VOTE);

  /* The next number: one above the Forum's highest of this year, counted
   * here from the records themselves. */
  {
    g_autoptr (GPtrArray) ballots = g_ptr_array_new_with_free_func (g_object_unref);
    g_autoptr (GPtrArray) opinions = g_ptr_array_new_with_free_func (g_object_unref);
    g_autoptr (WspRecord) body = wsp_membership_find_body (f->store, "forum", NULL);
    int year = g_date_time_get_year (now);
    g_autofree char *suffix = g_strdup_printf ("/%d", year);
    int highest = 0;

    wsp_store_query (f->store, WSP_TYPE_BALLOT, "body_id", wsp_record_get_id (body), ballots, NULL);
    wsp_store_query (f->store, wsp_entities_lookup ("opinion"), "body_id", wsp_record_get_id (body), opinions, NULL);
    for (guint i = 0; i < ballots->len; i++)
      {
        const char *n = wsp_record_get_string (g_ptr_array_index (ballots, i), "resolution_number");

        if (n != NULL && g_str_has_suffix (n, suffix))
          highest = MAX (highest, atoi (n));
      }
    for (guint i = 0; i < opinions->len; i++)
      {
        const char *n = wsp_record_get_string (g_ptr_array_index (opinions, i), "number");

        if (n != NULL && g_str_has_suffix (n, suffix))
          highest = MAX (highest, atoi (n));
      }
    expected_number = g_strdup_printf ("%d/%d", highest + 1, year);
  }

  g_assert_true (wsp_ballot_run_close (run, now, &error));
  g_assert_no_error (error);
  closed = wsp_store_get (f->store, id, NULL);
  g_assert_nonnull (wsp_record_get_string (closed, "closed_at"));
  g_assert_cmpstr (wsp_record_get_string (closed, "verdict"), ==, "passed_by_casting_vote");
  g_assert_cmpstr (wsp_record_get_string (closed, "result"), ==,
                   "The resolution was adopted by the chair’s casting vote: 14 votes for, 14 votes against, "
                   "1 abstention.");
  g_assert_cmpstr (wsp_record_get_string (closed, "resolution_number"), ==, expected_number);
  g_assert_cmpint (wsp_record_get_int (closed, "tally_recused"), ==, 1);
  /* The named vote list says it as the ballot fixed it. */
  {
    g_autoptr (WspDocument) doc = wsp_build_vote_list (f->store, id, NULL, &error);
    g_autofree char *text = NULL;
    g_autofree char *number_line = g_strdup_printf ("Resolution number: %s", expected_number);

    g_assert_no_error (error);
    text = wsp_text_render (doc);
    g_assert_nonnull (strstr (text, "Outcome: Passed by the chair’s casting vote"));
    g_assert_nonnull (strstr (text, "The resolution was adopted by the chair’s casting vote: 14 votes for"));
    g_assert_nonnull (strstr (text, number_line));
    g_assert_nonnull (strstr (text, "Recused: 1"));
  }

  /* Closed: no key changes it any more, and a new run reads what was fixed. */
  g_assert_false (wsp_ballot_run_undo (run, &error));
  g_assert_error (error, WSP_BALLOT_ERROR, WSP_BALLOT_ERROR_CLOSED);
  g_clear_error (&error);
  {
    g_autoptr (WspBallotRun) again = run_of (f, id);

    g_assert_true (wsp_ballot_run_is_closed (again));
    g_assert_false (wsp_ballot_run_cast (again, 0, WSP_VOTE_AGAINST, FALSE, &error));
    g_assert_error (error, WSP_BALLOT_ERROR, WSP_BALLOT_ERROR_CLOSED);
    g_clear_error (&error);
    g_assert_cmpint (wsp_ballot_run_get_verdict (again), ==, WSP_VERDICT_PASSED_BY_CASTING_VOTE);
    wsp_ballot_run_get_count (again, &count);
    g_assert_cmpuint (count.tally.yes, ==, 14);
    g_assert_cmpuint (count.tally.recused, ==, 1);
  }

  /* The next passed ballot of the Forum takes the following number. */
  {
    g_autofree char *second = new_ballot (f, "open", NULL);
    g_autoptr (WspBallotRun) run2 = run_of (f, second);
    g_autoptr (WspRecord) record = NULL;
    g_autofree char *following = g_strdup_printf ("%d/%d", atoi (expected_number) + 1, g_date_time_get_year (now));

    g_assert_true (wsp_ballot_run_set_totals (run2, 20, 5, 5, 0, &error));
    g_assert_true (wsp_ballot_run_close (run2, now, &error));
    g_assert_no_error (error);
    record = wsp_store_get (f->store, second, NULL);
    g_assert_cmpstr (wsp_record_get_string (record, "resolution_number"), ==, following);
    g_assert_cmpstr (wsp_record_get_string (record, "result"), ==,
                     "The resolution was adopted: 20 votes for, 5 votes against, 5 abstentions.");
  }
}

/* Undo takes back the last key: the member is the current one again, with
 * no vote; the records only grow (a vote taken back is a new record that
 * says which one it takes back), and the vote list counts the last word. */
static void
test_roll_call_undo (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *id = NULL;
  g_autoptr (WspBallotRun) run = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (WspBallotVoter) first = NULL;
  g_autoptr (WspBallotVoter) second = NULL;
  WspBallotCount count;

  check_in (f, 20);
  id = new_ballot (f, "roll_call", NULL);
  run = run_of (f, id);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (run)), ==, 20);
  first = g_list_model_get_item (G_LIST_MODEL (run), 0);
  second = g_list_model_get_item (G_LIST_MODEL (run), 1);
  g_assert_false (wsp_ballot_run_can_undo (run));

  cast (run, WSP_VOTE_FOR, FALSE);
  cast (run, WSP_VOTE_AGAINST, FALSE);
  g_assert_cmpuint (wsp_ballot_run_get_current (run), ==, 2);
  g_assert_true (wsp_ballot_run_undo (run, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (wsp_ballot_run_get_current (run), ==, 1);
  g_assert_cmpint (wsp_ballot_voter_get_choice (second), ==, WSP_VOTE_NONE);
  g_assert_cmpint (wsp_ballot_voter_get_choice (first), ==, WSP_VOTE_FOR);
  g_assert_cmpuint (count_votes (f, id), ==, 3);
  wsp_ballot_run_get_count (run, &count);
  g_assert_cmpuint (count.tally.yes, ==, 1);
  g_assert_cmpuint (count.tally.no, ==, 0);
  g_assert_cmpuint (count.not_voted, ==, 19);

  /* Again, abstaining this time; and the first member changes their vote,
   * which Undo puts back as it was. */
  cast (run, WSP_VOTE_ABSTAIN, FALSE);
  g_assert_true (wsp_ballot_run_cast (run, 0, WSP_VOTE_AGAINST, FALSE, &error));
  g_assert_cmpint (wsp_ballot_voter_get_choice (first), ==, WSP_VOTE_AGAINST);
  g_assert_true (wsp_ballot_run_undo (run, &error));
  g_assert_cmpint (wsp_ballot_voter_get_choice (first), ==, WSP_VOTE_FOR);
  g_assert_cmpint (wsp_ballot_voter_get_choice (second), ==, WSP_VOTE_ABSTAIN);
  g_assert_cmpuint (count_votes (f, id), ==, 6);

  /* Another laptop (a new run) reads the same. */
  {
    g_autoptr (WspBallotRun) again = run_of (f, id);
    g_autoptr (WspBallotVoter) a = g_list_model_get_item (G_LIST_MODEL (again), 0);
    g_autoptr (WspBallotVoter) b = g_list_model_get_item (G_LIST_MODEL (again), 1);

    g_assert_cmpint (wsp_ballot_voter_get_choice (a), ==, WSP_VOTE_FOR);
    g_assert_cmpint (wsp_ballot_voter_get_choice (b), ==, WSP_VOTE_ABSTAIN);
    g_assert_cmpuint (wsp_ballot_run_get_current (again), ==, 2);
  }

  /* The named vote list: for the first, abstained for the second, and
   * "did not vote" for the 18 others present. */
  {
    g_autoptr (WspDocument) doc = wsp_build_vote_list (f->store, id, NULL, &error);
    g_autofree char *csv = NULL;

    g_assert_no_error (error);
    g_assert_nonnull (doc);
    csv = wsp_text_render (doc);
    g_assert_nonnull (strstr (csv, "Present but did not vote: 18"));
    g_assert_nonnull (strstr (csv, "For: 1"));
    g_assert_nonnull (strstr (csv, "Abstained: 1"));
  }
}

/* A secret ballot: 12 present, 2 recused on the run sheet, so 10 may vote.
 * Eleven cards are refused, ten taken; no name is ever stored. */
static void
test_secret_over_count (Fixture       *f,
                        gconstpointer  data)
{
  static const guint recused[] = { 3, 7 };
  g_autofree char *id = NULL;
  g_autoptr (WspBallotRun) run = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (WspRecord) closed = NULL;
  WspBallotCount count;

  check_in (f, 16);
  recuse_on_item (f, recused, G_N_ELEMENTS (recused));
  id = new_ballot (f, "secret", NULL);
  run = run_of (f, id);
  wsp_ballot_run_get_count (run, &count);
  g_assert_cmpuint (count.tally.present, ==, 16);
  g_assert_cmpuint (count.tally.recused, ==, 2);
  g_assert_cmpuint (count.entitled, ==, 14);

  g_assert_false (wsp_ballot_run_set_totals (run, 8, 4, 2, 1, &error));
  g_assert_error (error, WSP_BALLOT_ERROR, WSP_BALLOT_ERROR_TOO_MANY_CARDS);
  g_assert_cmpstr (error->message, ==, "15 votes is more than the 14 members entitled to vote: count again.");
  g_clear_error (&error);
  g_assert_false (wsp_ballot_run_cast (run, 0, WSP_VOTE_FOR, FALSE, &error));
  g_assert_error (error, WSP_BALLOT_ERROR, WSP_BALLOT_ERROR_WRONG_MODE);
  g_clear_error (&error);

  g_assert_true (wsp_ballot_run_set_totals (run, 8, 3, 2, 1, &error));
  g_assert_no_error (error);
  g_assert_true (wsp_ballot_run_close (run, now, &error));
  g_assert_no_error (error);
  closed = wsp_store_get (f->store, id, NULL);
  g_assert_cmpstr (wsp_record_get_string (closed, "result"), ==,
                   "The resolution was adopted: 8 votes for, 3 votes against, 2 abstentions, 1 invalid card.");
  g_assert_cmpuint (count_votes (f, id), ==, 0);
  g_assert_null (wsp_build_vote_list (f->store, id, NULL, &error));
  g_assert_error (error, WSP_OUTPUT_ERROR, WSP_OUTPUT_ERROR_NOT_APPLICABLE);
}

/* 15 of 30 present is the quorum (at least half); a member who recuses
 * themselves by the key takes it away: 14 of the 29 left is less than
 * half. Nothing is decided, whatever the votes. */
static void
test_recusal_changes_quorum (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *id = NULL;
  g_autoptr (WspBallotRun) run = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (WspRecord) closed = NULL;

  check_in (f, 15);
  id = new_ballot (f, "roll_call", NULL);
  run = run_of (f, id);
  cast (run, WSP_VOTE_FOR, FALSE);
  g_assert_cmpint (wsp_ballot_run_get_verdict (run), ==, WSP_VERDICT_PASSED);
  cast (run, WSP_VOTE_NONE, TRUE);
  g_assert_cmpint (wsp_ballot_run_get_verdict (run), ==, WSP_VERDICT_NO_QUORUM);
  for (guint i = 2; i < 15; i++)
    cast (run, WSP_VOTE_FOR, FALSE);
  g_assert_cmpint (wsp_ballot_run_get_verdict (run), ==, WSP_VERDICT_NO_QUORUM);
  /* Undo the recusal: 15 of 30 again. */
  g_assert_true (wsp_ballot_run_cast (run, 1, WSP_VOTE_FOR, FALSE, &error));
  g_assert_cmpint (wsp_ballot_run_get_verdict (run), ==, WSP_VERDICT_PASSED);
  g_assert_true (wsp_ballot_run_cast (run, 1, WSP_VOTE_NONE, TRUE, &error));
  g_assert_true (wsp_ballot_run_close (run, now, &error));
  g_assert_no_error (error);
  closed = wsp_store_get (f->store, id, NULL);
  g_assert_cmpstr (wsp_record_get_string (closed, "verdict"), ==, "no_quorum");
  g_assert_null (wsp_record_get_string (closed, "resolution_number"));
}

/* The absolute majority counts the members entitled (30 less 1 recused =
 * 29): 15 for passes, 14 for does not, whatever the votes against. */
static void
test_absolute_majority (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *id = NULL;
  g_autoptr (WspBallotRun) run = NULL;
  g_autoptr (GError) error = NULL;
  static const guint recused[] = { 0 };

  check_in (f, 30);
  recuse_on_item (f, recused, 1);
  id = new_ballot (f, "open", "absolute");
  run = run_of (f, id);
  g_assert_cmpint (wsp_ballot_run_get_majority (run), ==, WSP_MAJORITY_ABSOLUTE);
  g_assert_true (wsp_ballot_run_set_totals (run, 14, 1, 14, 0, &error));
  g_assert_cmpint (wsp_ballot_run_get_verdict (run), ==, WSP_VERDICT_REJECTED);
  g_assert_true (wsp_ballot_run_set_totals (run, 15, 13, 1, 0, &error));
  g_assert_cmpint (wsp_ballot_run_get_verdict (run), ==, WSP_VERDICT_PASSED);
  g_assert_no_error (error);
  /* An open ballot has no invalid cards: they are not kept. */
  g_assert_true (wsp_ballot_run_set_totals (run, 15, 10, 1, 4, &error));
  g_assert_cmpint (wsp_record_get_int (wsp_ballot_run_get_ballot (run), "secret_invalid"), ==, 0);
}

/* A ballot by circulation of the Forum, opened two days ago, its deadline
 * a minute ago: every member on the day may answer, each answer with how
 * it came. The Forum's rule for circulation is the absolute majority of
 * the whole membership: 16 of 30 for passes, 15 would not. Past the
 * deadline it closes; before it, with answers missing, it stays open. */
static char *
circulation_ballot (Fixture *f,
                    int      deadline_minutes)
{
  g_autoptr (WspRecord) body = wsp_membership_find_body (f->store, "forum", NULL);
  g_autoptr (WspRecord) ballot = WSP_RECORD (wsp_ballot_new ());
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GDateTime) opened = g_date_time_add_days (now, -2);
  g_autoptr (GDateTime) deadline = g_date_time_add_minutes (now, deadline_minutes);
  g_autofree char *opened_text = wsp_meetings_format_time (opened);
  g_autofree char *deadline_text = wsp_meetings_format_time (deadline);
  g_autoptr (GError) error = NULL;

  wsp_record_set_string (ballot, "body_id", wsp_record_get_id (body));
  wsp_record_set_bool (ballot, "by_circulation", TRUE);
  wsp_record_set_string (ballot, "question", "Czy Forum opiniuje pozytywnie projekt regulaminu konkursu?");
  wsp_record_set_string (ballot, "mode", "roll_call");
  wsp_record_set_string (ballot, "opened_at", opened_text);
  wsp_record_set_string (ballot, "deadline", deadline_text);
  g_assert_true (wsp_store_save (f->store, ballot, &error));
  g_assert_no_error (error);
  return g_strdup (wsp_record_get_id (ballot));
}

static void
test_circulation_deadline (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *id = circulation_ballot (f, -1);
  g_autofree char *later = circulation_ballot (f, 24 * 60);
  g_autoptr (WspBallotRun) run = run_of (f, id);
  g_autoptr (WspBallotRun) run_later = run_of (f, later);
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GError) error = NULL;
  g_autoptr (WspRecord) closed = NULL;
  g_autoptr (GPtrArray) votes = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean done = TRUE;
  guint by_email = 0, on_paper = 0;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (run)), ==, 30);
  g_assert_cmpint (wsp_ballot_run_get_majority (run), ==, WSP_MAJORITY_ABSOLUTE);
  g_assert_true (wsp_ballot_run_is_overdue (run, now));
  g_assert_false (wsp_ballot_run_is_overdue (run_later, now));

  for (guint i = 0; i < 19; i++)
    {
      wsp_ballot_run_set_channel (run, i < 10 ? WSP_ANSWER_EMAIL : WSP_ANSWER_PAPER);
      cast (run, i < 16 ? WSP_VOTE_FOR : WSP_VOTE_AGAINST, FALSE);
      wsp_ballot_run_set_channel (run_later, WSP_ANSWER_IN_PERSON);
      cast (run_later, i < 15 ? WSP_VOTE_FOR : WSP_VOTE_AGAINST, FALSE);
    }
  /* Before its deadline, with 11 answers missing, it stays open. */
  g_assert_true (wsp_ballot_run_close_if_due (run_later, now, &done, &error));
  g_assert_false (done);
  g_assert_false (wsp_ballot_run_is_closed (run_later));
  g_assert_cmpint (wsp_ballot_run_get_verdict (run_later), ==, WSP_VERDICT_REJECTED);

  g_assert_true (wsp_ballot_run_close_if_due (run, now, &done, &error));
  g_assert_no_error (error);
  g_assert_true (done);
  closed = wsp_store_get (f->store, id, NULL);
  g_assert_cmpstr (wsp_record_get_string (closed, "verdict"), ==, "passed");
  g_assert_cmpstr (wsp_record_get_string (closed, "result"), ==,
                   "The resolution was adopted: 16 votes for, 3 votes against, 0 abstentions.");
  g_assert_true (wsp_store_query (f->store, WSP_TYPE_VOTE, "ballot_id", id, votes, NULL));
  for (guint i = 0; i < votes->len; i++)
    {
      const char *channel = wsp_record_get_string (g_ptr_array_index (votes, i), "channel");

      by_email += g_strcmp0 (channel, "email") == 0;
      on_paper += g_strcmp0 (channel, "paper") == 0;
    }
  g_assert_cmpuint (by_email, ==, 10);
  g_assert_cmpuint (on_paper, ==, 9);
}

/* Two laptops hold the same Forum; each, offline, closes a passed ballot
 * and gives it the next number of the year: the same one. After the
 * exchange the number is found given twice, and nothing is renumbered by
 * itself. */
static void
test_double_numbering_after_sync (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr (WspStore) other = wsp_test_open_store (f->dir, "other.sqlite3");
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) before = NULL;
  g_autoptr (GPtrArray) after = NULL;
  g_autofree char *here_id = NULL;
  g_autofree char *there_id = NULL;
  g_autoptr (WspRecord) here = NULL;
  g_autoptr (WspRecord) there = NULL;
  WspStore *mine = f->store;

  check_in (f, 30);
  {
    g_autoptr (GBytes) packet = wsp_sync_build_packet (mine, NULL, TRUE, NULL, &error);

    g_assert_no_error (error);
    g_assert_true (wsp_sync_import_bytes (other, packet, WSP_IMPORT_TRUST_NEW, NULL, &error));
    g_assert_no_error (error);
  }
  /* Here. */
  here_id = new_ballot (f, "open", NULL);
  {
    g_autoptr (WspBallotRun) run = run_of (f, here_id);

    g_assert_true (wsp_ballot_run_set_totals (run, 20, 5, 5, 0, &error));
    g_assert_true (wsp_ballot_run_close (run, now, &error));
  }
  /* There, on the other laptop. */
  f->store = other;
  there_id = new_ballot (f, "open", NULL);
  {
    g_autoptr (WspBallotRun) run = run_of (f, there_id);

    g_assert_true (wsp_ballot_run_set_totals (run, 18, 2, 0, 0, &error));
    g_assert_true (wsp_ballot_run_close (run, now, &error));
  }
  f->store = mine;
  here = wsp_store_get (mine, here_id, NULL);
  there = wsp_store_get (other, there_id, NULL);
  g_assert_cmpstr (wsp_record_get_string (here, "resolution_number"), ==,
                   wsp_record_get_string (there, "resolution_number"));
  before = wsp_voting_duplicate_numbers (mine, &error);
  g_assert_cmpuint (before->len, ==, 0);

  {
    g_autoptr (GBytes) packet = wsp_sync_build_packet (other, NULL, FALSE, NULL, &error);

    g_assert_no_error (error);
    g_assert_true (wsp_sync_import_bytes (mine, packet, WSP_IMPORT_TRUST_NEW, NULL, &error));
    g_assert_no_error (error);
  }
  after = wsp_voting_duplicate_numbers (mine, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->len, ==, 1);
  {
    WspDuplicateNumber *dup = g_ptr_array_index (after, 0);

    g_assert_cmpstr (dup->number, ==, wsp_record_get_string (here, "resolution_number"));
    g_assert_cmpuint (g_strv_length (dup->record_ids), ==, 2);
    g_assert_true (g_strv_contains ((const char * const *) dup->record_ids, here_id));
    g_assert_true (g_strv_contains ((const char * const *) dup->record_ids, there_id));
  }
  /* Both keep their number until a person renumbers one: the later gets
   * one above the number given twice. */
  g_clear_object (&here);
  here = wsp_store_get (mine, here_id, NULL);
  g_assert_cmpstr (wsp_record_get_string (here, "resolution_number"), ==,
                   wsp_record_get_string (there, "resolution_number"));
  {
    g_autofree char *later = wsp_voting_later_ballot (mine, g_ptr_array_index (after, 0));
    g_autoptr (WspRecord) renumbered = NULL;
    g_autoptr (GPtrArray) none = NULL;
    g_autofree char *expected = g_strdup_printf ("%d/%d", atoi (wsp_record_get_string (here, "resolution_number")) + 1,
                                                 g_date_time_get_year (now));

    g_assert_nonnull (later);
    g_assert_true (g_str_equal (later, here_id) || g_str_equal (later, there_id));
    g_assert_true (wsp_voting_renumber (mine, later, &error));
    g_assert_no_error (error);
    renumbered = wsp_store_get (mine, later, NULL);
    g_assert_cmpstr (wsp_record_get_string (renumbered, "resolution_number"), ==, expected);
    none = wsp_voting_duplicate_numbers (mine, &error);
    g_assert_cmpuint (none->len, ==, 0);
  }
}

/* The sentences of the minutes in Polish, with the three plural forms. */
static void
test_polish_result_text (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *a = NULL, *b = NULL, *c = NULL, *d = NULL;

      setlocale (LC_ALL, "pl_PL.UTF-8");
      a = wsp_ballot_result_text (WSP_VERDICT_PASSED, 9, 2, 1, 0, FALSE);
      g_assert_cmpstr (a, ==, "Uchwała została podjęta: 9 głosów za, 2 głosy przeciw, 1 głos wstrzymujący się.");
      b = wsp_ballot_result_text (WSP_VERDICT_REJECTED, 1, 22, 12, 0, FALSE);
      g_assert_cmpstr (b, ==,
                       "Uchwała nie została podjęta: 1 głos za, 22 głosy przeciw, 12 głosów wstrzymujących się.");
      c = wsp_ballot_result_text (WSP_VERDICT_PASSED_BY_CASTING_VOTE, 5, 5, 3, 2, TRUE);
      g_assert_cmpstr (c, ==,
                       "Uchwała została podjęta głosem rozstrzygającym przewodniczącego: 5 głosów za, "
                       "5 głosów przeciw, 3 głosy wstrzymujące się, 2 głosy nieważne.");
      d = wsp_ballot_result_text (WSP_VERDICT_NO_QUORUM, 0, 0, 0, 1, TRUE);
      g_assert_cmpstr (d, ==,
                       "Brak kworum, więc nic nie zostało rozstrzygnięte: 0 głosów za, 0 głosów przeciw, "
                       "0 głosów wstrzymujących się, 1 głos nieważny.");
      return;
    }
  if (setlocale (LC_ALL, "pl_PL.UTF-8") == NULL)
    {
      g_test_skip ("the pl_PL.UTF-8 locale is not generated (build-aux/dev.sh deps does it)");
      return;
    }
  setlocale (LC_ALL, "C.UTF-8");
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* A closed ballot is corrected by a new one, never changed: 6 for, 5
 * against was typed as 8 for, 3 against; the correction says what it
 * corrects, passes and keeps the resolution number, and the number is not
 * taken for one given twice. */
static void
test_correction_after_closing (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *id = NULL;
  g_autofree char *correction = NULL;
  g_autofree char *found = NULL;
  g_autoptr (WspBallotRun) run = NULL;
  g_autoptr (WspBallotRun) second = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (WspRecord) first = NULL;
  g_autoptr (WspRecord) corrected = NULL;
  g_autoptr (GPtrArray) duplicates = NULL;
  g_autofree char *number = NULL;

  check_in (f, 16);
  id = new_ballot (f, "secret", NULL);
  /* Not closed yet: nothing to correct. */
  g_assert_null (wsp_voting_correct_ballot (f->store, id, &error));
  g_assert_error (error, WSP_BALLOT_ERROR, WSP_BALLOT_ERROR_NOT_CLOSED);
  g_clear_error (&error);
  run = run_of (f, id);
  g_assert_true (wsp_ballot_run_set_totals (run, 8, 3, 2, 0, &error));
  g_assert_true (wsp_ballot_run_close (run, now, &error));
  g_assert_no_error (error);
  first = wsp_store_get (f->store, id, NULL);
  number = g_strdup (wsp_record_get_string (first, "resolution_number"));
  g_assert_nonnull (number);

  correction = wsp_voting_correct_ballot (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (correction);
  found = wsp_voting_find_correction (f->store, id);
  g_assert_cmpstr (found, ==, correction);
  g_assert_null (wsp_voting_correct_ballot (f->store, id, &error));
  g_assert_error (error, WSP_BALLOT_ERROR, WSP_BALLOT_ERROR_CORRECTED);
  g_clear_error (&error);

  second = run_of (f, correction);
  g_assert_false (wsp_ballot_run_is_closed (second));
  g_assert_cmpstr (wsp_record_get_string (wsp_ballot_run_get_ballot (second), "question"), ==,
                   wsp_record_get_string (first, "question"));
  g_assert_true (wsp_ballot_run_set_totals (second, 6, 5, 2, 0, &error));
  g_assert_true (wsp_ballot_run_close (second, now, &error));
  g_assert_no_error (error);
  corrected = wsp_store_get (f->store, correction, NULL);
  g_assert_cmpstr (wsp_record_get_string (corrected, "corrects"), ==, id);
  g_assert_cmpstr (wsp_record_get_string (corrected, "resolution_number"), ==, number);
  g_assert_cmpstr (wsp_record_get_string (corrected, "result"), ==,
                   "The resolution was adopted: 6 votes for, 5 votes against, 2 abstentions.");
  /* The closed ballot is as it was. */
  g_clear_object (&first);
  first = wsp_store_get (f->store, id, NULL);
  g_assert_cmpint (wsp_record_get_int (first, "secret_for"), ==, 8);
  duplicates = wsp_voting_duplicate_numbers (f->store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < duplicates->len; i++)
    g_assert_cmpstr (((WspDuplicateNumber *) g_ptr_array_index (duplicates, i))->number, !=, number);
}

static void
changes_cb (WspStore    *store,
            WspChanges  *changes,
            WspChanges **last)
{
  g_clear_pointer (last, wsp_changes_unref);
  *last = wsp_changes_ref (changes);
}

/* A run on the screen and votes of its ballot written elsewhere (as an
 * import writes them): the run knows it no longer shows the store; its
 * own votes, and other ballots' votes, do not make it stale. */
static void
test_run_stale_after_import (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *id = NULL;
  g_autofree char *other_id = NULL;
  g_autoptr (WspBallotRun) shown = NULL;
  g_autoptr (WspBallotRun) elsewhere = NULL;
  g_autoptr (WspBallotRun) other = NULL;
  g_autoptr (GError) error = NULL;
  WspChanges *last = NULL;
  gulong handler;

  check_in (f, 20);
  id = new_ballot (f, "roll_call", NULL);
  other_id = new_ballot (f, "roll_call", NULL);
  shown = run_of (f, id);
  elsewhere = run_of (f, id);
  other = run_of (f, other_id);
  handler = g_signal_connect (f->store, "changed", G_CALLBACK (changes_cb), &last);

  g_assert_true (wsp_ballot_run_cast (shown, 0, WSP_VOTE_FOR, FALSE, &error));
  g_assert_no_error (error);
  g_assert_nonnull (last);
  g_assert_false (wsp_ballot_run_is_stale (shown, last));

  g_assert_true (wsp_ballot_run_cast (other, 1, WSP_VOTE_AGAINST, FALSE, &error));
  g_assert_false (wsp_ballot_run_is_stale (shown, last));

  g_assert_true (wsp_ballot_run_cast (elsewhere, 1, WSP_VOTE_AGAINST, FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (wsp_ballot_run_is_stale (shown, last));

  g_signal_handler_disconnect (f->store, handler);
  g_clear_pointer (&last, wsp_changes_unref);
}

/* ---- elections of delegates ----------------------------------------------- */

static char *
new_election (Fixture *f)
{
  g_autoptr (WspRecord) body = wsp_membership_find_body (f->store, "forum", NULL);
  g_autoptr (WspRecord) election = WSP_RECORD (wsp_election_new ());
  g_autoptr (GError) error = NULL;

  wsp_record_set_string (election, "agenda_item_id", f->item_id);
  wsp_record_set_string (election, "body_id", wsp_record_get_id (body));
  wsp_record_set_string (election, "title", "Wybór delegatów Forum do Rady");
  g_assert_true (wsp_store_save (f->store, election, &error));
  g_assert_no_error (error);
  return g_strdup (wsp_record_get_id (election));
}

static WspRecord *
get_record (Fixture    *f,
            const char *id)
{
  WspRecord *record = wsp_store_get (f->store, id, NULL);

  g_assert_nonnull (record);
  return record;
}

/* The names of the candidates with @standing, in the order of the ranking. */
static char *
names_standing (WspRecord   *election,
                WspStanding  standing)
{
  g_autoptr (GPtrArray) ranking = wsp_elections_dup_ranking (election, NULL);
  g_autoptr (GString) names = g_string_new (NULL);

  for (guint i = 0; i < ranking->len; i++)
    {
      WspElectionCandidate *candidate = g_ptr_array_index (ranking, i);

      if (candidate->standing != standing)
        continue;
      if (names->len > 0)
        g_string_append (names, "|");
      g_string_append (names, candidate->name);
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* 12 organisations in the room, 2 seats, 4 candidates: 9, 6, 6, 1 votes
 * give one delegate and a tie for the second seat; the run-off among the
 * two tied (7 to 5) gives the second. */
static void
test_election_tie_runoff (Fixture       *f,
                          gconstpointer  data)
{
  const char *names[] = { "Stowarzyszenie Aktywni Razem", "Fundacja Zielone Miasto", "Klub Sportowy Pogoria",
                          "Stowarzyszenie Dom Kultury" };
  const guint over[] = { 9, 6, 6, 1 };
  const guint impossible[] = { 12, 6, 4, 1 };
  const guint tied[] = { 9, 6, 6, 1 };
  const guint runoff_votes[] = { 5, 7 };
  g_autofree char *id = NULL;
  g_autofree char *runoff_id = NULL;
  g_autofree char *elected = NULL;
  g_autofree char *tied_names = NULL;
  g_autoptr (WspRecord) election = NULL;
  g_autoptr (WspRecord) runoff = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_auto (GStrv) elected_ids = NULL;
  g_autoptr (GPtrArray) candidates = NULL;
  WspElectionOutcome outcome;

  check_in (f, 12);
  id = new_election (f);
  g_assert_true (wsp_elections_set_setup (f->store, id, "Wybór delegatów Forum do Rady", 2, WSP_BALLOT_SECRET,
                                          &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *candidate = wsp_elections_add_candidate (f->store, id, names[i], NULL, NULL, &error);

      g_assert_no_error (error);
      g_assert_nonnull (candidate);
    }
  /* The same name again, typed otherwise, is refused. */
  g_assert_null (wsp_elections_add_candidate (f->store, id, "  fundacja zielone MIASTO ", NULL, NULL, &error));
  g_assert_error (error, WSP_ELECTION_ERROR, WSP_ELECTION_ERROR_DUPLICATE_CANDIDATE);
  g_clear_error (&error);

  election = get_record (f, id);
  g_assert_cmpuint (wsp_elections_count_entitled (f->store, election, &error), ==, 12);
  g_clear_object (&election);

  /* 12 valid and 1 invalid card are 13, more than the 12 in the room. */
  g_assert_false (wsp_elections_set_count (f->store, id, 12, 1, over, 4, &error));
  g_assert_error (error, WSP_ELECTION_ERROR, WSP_ELECTION_ERROR_TOO_MANY_CARDS);
  g_assert_nonnull (strstr (error->message, "13 cards"));
  g_assert_nonnull (strstr (error->message, "12 voters"));
  g_clear_error (&error);
  /* 23 marks on 11 cards of two seats each cannot be (22 at most). */
  g_assert_false (wsp_elections_set_count (f->store, id, 11, 1, impossible, 4, &error));
  g_assert_error (error, WSP_ELECTION_ERROR, WSP_ELECTION_ERROR_BAD_COUNT);
  g_clear_error (&error);

  g_assert_true (wsp_elections_set_count (f->store, id, 11, 1, tied, 4, &error));
  g_assert_no_error (error);
  election = get_record (f, id);
  candidates = wsp_elections_dup_candidates (election, &outcome);
  g_assert_cmpuint (outcome.elected, ==, 1);
  g_assert_cmpuint (outcome.tied, ==, 2);
  g_assert_cmpuint (outcome.tied_seats, ==, 1);
  elected = names_standing (election, WSP_STANDING_ELECTED);
  g_assert_cmpstr (elected, ==, "Stowarzyszenie Aktywni Razem");
  tied_names = names_standing (election, WSP_STANDING_TIED);
  g_assert_cmpstr (tied_names, ==, "Fundacja Zielone Miasto|Klub Sportowy Pogoria");
  g_clear_object (&election);

  /* No candidate can be added once the cards are counted. */
  g_assert_null (wsp_elections_add_candidate (f->store, id, "Nowa Fundacja", NULL, NULL, &error));
  g_assert_error (error, WSP_ELECTION_ERROR, WSP_ELECTION_ERROR_COUNTED);
  g_clear_error (&error);

  /* The run-off: the tied two for the one seat left; the election closes
   * with its one delegate. */
  runoff_id = wsp_elections_start_runoff (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (runoff_id);
  election = get_record (f, id);
  g_assert_nonnull (wsp_record_get_string (election, "closed_at"));
  elected_ids = wsp_record_dup_list (election, "elected");
  g_assert_cmpuint (g_strv_length (elected_ids), ==, 1);
  g_assert_cmpint (wsp_record_get_int (election, "tally_entitled"), ==, 12);
  g_assert_cmpstr (wsp_record_get_string (election, "result"), ==,
                   "Elected: Stowarzyszenie Aktywni Razem (9 votes). Tied with 6 votes each for the last seat: "
                   "Fundacja Zielone Miasto, Klub Sportowy Pogoria; a run-off decides. 11 valid cards, 1 invalid.");
  g_assert_null (wsp_elections_start_runoff (f->store, id, &error));
  g_assert_error (error, WSP_ELECTION_ERROR, WSP_ELECTION_ERROR_RUNOFF_EXISTS);
  g_clear_error (&error);
  g_assert_false (wsp_elections_set_count (f->store, id, 11, 1, tied, 4, &error));
  g_assert_error (error, WSP_ELECTION_ERROR, WSP_ELECTION_ERROR_CLOSED);
  g_clear_error (&error);
  {
    g_autofree char *found = wsp_elections_find_runoff (f->store, id);

    g_assert_cmpstr (found, ==, runoff_id);
  }

  runoff = get_record (f, runoff_id);
  g_assert_cmpuint (wsp_elections_get_seats (runoff), ==, 1);
  g_assert_cmpint (wsp_elections_get_mode (runoff), ==, WSP_BALLOT_SECRET);
  g_assert_cmpstr (wsp_record_get_string (runoff, "runoff_of"), ==, id);
  g_assert_cmpstr (wsp_record_get_string (runoff, "title"), ==, "Wybór delegatów Forum do Rady — run-off");
  g_clear_pointer (&candidates, g_ptr_array_unref);
  candidates = wsp_elections_dup_candidates (runoff, NULL);
  g_assert_cmpuint (candidates->len, ==, 2);
  g_assert_cmpstr (((WspElectionCandidate *) g_ptr_array_index (candidates, 0))->name, ==, names[1]);
  g_assert_cmpstr (((WspElectionCandidate *) g_ptr_array_index (candidates, 1))->name, ==, names[2]);
  g_clear_object (&runoff);

  g_assert_true (wsp_elections_set_count (f->store, runoff_id, 12, 0, runoff_votes, 2, &error));
  g_assert_no_error (error);
  g_assert_true (wsp_elections_close (f->store, runoff_id, now, &error));
  g_assert_no_error (error);
  runoff = get_record (f, runoff_id);
  g_clear_pointer (&elected, g_free);
  elected = names_standing (runoff, WSP_STANDING_ELECTED);
  g_assert_cmpstr (elected, ==, "Klub Sportowy Pogoria");
  g_assert_cmpstr (wsp_record_get_string (runoff, "result"), ==,
                   "Elected: Klub Sportowy Pogoria (7 votes). 12 valid cards, 0 invalid.");
}

/* A member recused from the item has no card: 10 in the room, 1 recused. */
static void
test_election_recusal (Fixture       *f,
                       gconstpointer  data)
{
  const guint positions[] = { 3 };
  const guint votes[] = { 5, 4 };
  g_autofree char *id = NULL;
  g_autoptr (WspRecord) election = NULL;
  g_autoptr (GError) error = NULL;

  check_in (f, 10);
  recuse_on_item (f, positions, 1);
  id = new_election (f);
  g_free (wsp_elections_add_candidate (f->store, id, "Anna Kowalczyk", NULL, NULL, &error));
  g_free (wsp_elections_add_candidate (f->store, id, "Jan Nowak", NULL, NULL, &error));
  g_assert_no_error (error);
  election = get_record (f, id);
  g_assert_cmpuint (wsp_elections_count_entitled (f->store, election, &error), ==, 9);
  g_assert_false (wsp_elections_set_count (f->store, id, 10, 0, votes, 2, &error));
  g_assert_error (error, WSP_ELECTION_ERROR, WSP_ELECTION_ERROR_TOO_MANY_CARDS);
  g_clear_error (&error);
  g_assert_true (wsp_elections_set_count (f->store, id, 9, 0, votes, 2, &error));
  g_assert_no_error (error);
}

static void
test_polish_election_text (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr (WspRecord) election = WSP_RECORD (wsp_election_new ());
      JsonNode *candidates = json_from_string (
        "[{\"id\":\"a\",\"name\":\"Anna Kowalczyk\",\"votes\":12},"
        "{\"id\":\"b\",\"name\":\"Jan Nowak\",\"votes\":3},"
        "{\"id\":\"c\",\"name\":\"Ewa Lis\",\"votes\":3},"
        "{\"id\":\"d\",\"name\":\"Piotr Wójcik\",\"votes\":1}]", NULL);
      g_autofree char *text = NULL;

      setlocale (LC_ALL, "pl_PL.UTF-8");
      wsp_record_set_value (election, "candidates", candidates);
      wsp_record_set_int (election, "seats", 2);
      wsp_record_set_int (election, "valid_cards", 14);
      wsp_record_set_int (election, "invalid_cards", 2);
      text = wsp_elections_result_text (election);
      g_assert_cmpstr (text, ==,
                       "Wybrano: Anna Kowalczyk (12 głosów). Równa liczba głosów (po 3) o ostatnie miejsce: "
                       "Jan Nowak, Ewa Lis; rozstrzygnie dogrywka. 14 kart ważnych, 2 nieważne.");
      return;
    }
  if (setlocale (LC_ALL, "pl_PL.UTF-8") == NULL)
    {
      g_test_skip ("the pl_PL.UTF-8 locale is not generated (build-aux/dev.sh deps does it)");
      return;
    }
  setlocale (LC_ALL, "C.UTF-8");
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("WSPOLNIE_LOCALEDIR");

  setlocale (LC_ALL, "C.UTF-8");
  if (!g_test_subprocess ())
    g_setenv ("LANGUAGE", "", TRUE);
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/votes/roll-call-tie-casting-vote", test_roll_call_tie_casting_vote);
  ADD ("/votes/roll-call-undo", test_roll_call_undo);
  ADD ("/votes/secret-over-count", test_secret_over_count);
  ADD ("/votes/recusal-changes-quorum", test_recusal_changes_quorum);
  ADD ("/votes/absolute-majority", test_absolute_majority);
  ADD ("/votes/circulation-deadline", test_circulation_deadline);
  ADD ("/votes/double-numbering-after-sync", test_double_numbering_after_sync);
  ADD ("/votes/correction-after-closing", test_correction_after_closing);
  ADD ("/votes/run-stale-after-import", test_run_stale_after_import);
  ADD ("/votes/election-tie-runoff", test_election_tie_runoff);
  ADD ("/votes/election-recusal", test_election_recusal);
  g_test_add_func ("/votes/polish-result-text", test_polish_result_text);
  g_test_add_func ("/votes/polish-election-text", test_polish_election_text);
  return g_test_run ();
}
