/* test-votes-gui.c — the Votes view, driven as the secretary at the table drives it
 *
 * Keys go to the focused widget through the X server's keyboard (XTEST);
 * buttons are clicked with gtk_widget_activate(). From a resolution item
 * of the run sheet to its ballot; a roll-call of 30 members, one key each
 * (timed: from the key to the vote saved, shown and painted), with a vote
 * taken back by Backspace, ending in a tie that the chair's casting vote
 * breaks; a secret ballot whose over-count is refused; a recusal that
 * takes the quorum away; an election of two delegates with a tie for the
 * second seat and its run-off; the same roll-call on a copy of the
 * 10-year database; and pictures, wide and narrow.
 *
 * The oracles are the counts a person makes of the keys pressed, and the
 * sentences written out here in full.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gdk/x11/gdkx.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <X11/extensions/XTest.h>

#include "demo/wsp-demo.h"
#include "domain/wsp-agenda.h"
#include "domain/wsp-ballot-run.h"
#include "domain/wsp-check-in.h"
#include "domain/wsp-meetings.h"
#include "domain/wsp-membership.h"
#include "meetings/wsp-meeting-detail.h"
#include "meetings/wsp-meetings-view.h"
#include "meetings/wsp-run-sheet.h"
#include "records/wsp-records-meetings.h"
#include "records/wsp-records-votes.h"
#include "votes/wsp-votes-view.h"
#include "wsp-application.h"
#include "wsp-test-gui.h"
#include "wsp-test-util.h"
#include "wsp-window.h"

static WspApplication *app;

typedef struct
{
  char         *dir;
  WspStore     *store;
  WspWindow    *window;
  WspVotesView *view;
  char         *meeting_id;
  char         *item_id;
} Fixture;

/* ---- waiting ------------------------------------------------------------- */

typedef gboolean (*Condition) (gpointer data);

static gboolean
wait_until (Condition cond,
            gpointer  data,
            guint     seconds)
{
  gint64 end = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  while (!cond (data) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE) || (g_usleep (200), TRUE);
  return cond (data);
}

static void
pump_ms (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE) || (g_usleep (1000), TRUE);
}

static void
clicked_cb (GtkButton *button,
            gboolean  *clicked)
{
  *clicked = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

/* Clicks @button, as a person does: a button says it was clicked a moment
 * after it is pressed, as it shows itself pressed (later in slow builds). */
static void
click (GtkWidget *button)
{
  gboolean clicked = FALSE;
  gulong id;

  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_true (gtk_widget_is_visible (button));
  /* Held while it is clicked: a dialog's button goes with its dialog. */
  g_object_ref (button);
  id = g_signal_connect (button, "clicked", G_CALLBACK (clicked_cb), &clicked);
  gtk_widget_activate (button);
  g_assert_true (wait_until (is_true, &clicked, 10));
  g_signal_handler_disconnect (button, id);
  g_object_unref (button);
  pump_ms (100);
}

static void
settle (Fixture *f)
{
  wsp_test_settle (GTK_WIDGET (f->window));
}

static gboolean
focus_within (GtkWindow *window,
              GtkWidget *widget)
{
  GtkWidget *focus = gtk_window_get_focus (window);

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* ---- the fixture --------------------------------------------------------- */

/* A Forum meeting today with a resolution item; @present of its members
 * checked in. */
static void
prepare_meeting (Fixture *f,
                 guint    present)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WspRecord) body = wsp_membership_find_body (f->store, "forum", &error);
  g_autoptr (WspRecord) meeting = WSP_RECORD (wsp_meeting_new ());
  g_autoptr (WspRecord) item = WSP_RECORD (wsp_agenda_item_new ());
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GDateTime) start = g_date_time_add_minutes (now, -5);
  g_autofree char *starts = wsp_meetings_format_time (start);
  g_autoptr (WspCheckIn) check_in = NULL;

  g_assert_nonnull (body);
  wsp_record_set_string (meeting, "body_id", wsp_record_get_id (body));
  wsp_record_set_string (meeting, "starts_at", starts);
  wsp_record_set_int (meeting, "number", 99);
  wsp_record_set_string (meeting, "status", "invited");
  g_assert_true (wsp_store_save (f->store, meeting, &error));
  f->meeting_id = g_strdup (wsp_record_get_id (meeting));
  wsp_record_set_string (item, "title", "Uchwała w sprawie kalendarza spotkań Forum na 2027 rok");
  wsp_record_set_string (item, "kind", "resolution");
  g_assert_true (wsp_agenda_insert (f->store, meeting, item, 0, &error));
  g_assert_no_error (error);
  f->item_id = g_strdup (wsp_record_get_id (item));

  check_in = wsp_check_in_new (f->store, f->meeting_id);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (check_in)), >=, present);
  for (guint i = 0; i < present; i++)
    {
      g_autoptr (WspCheckInEntry) entry = g_list_model_get_item (G_LIST_MODEL (check_in), i);

      g_assert_true (wsp_check_in_set_presence (check_in, entry, WSP_PRESENCE_PRESENT, now, &error));
      g_assert_no_error (error);
    }
}

static void
open_window (Fixture *f,
             int      width,
             int      height)
{
  if (f->window != NULL)
    gtk_window_destroy (GTK_WINDOW (f->window));
  f->window = wsp_window_new (GTK_APPLICATION (app), f->store);
  gtk_window_set_default_size (GTK_WINDOW (f->window), width, height);
  wsp_test_focus_window (GTK_WINDOW (f->window));
  f->view = WSP_VOTES_VIEW (wsp_window_get_view (f->window, "votes"));
  settle (f);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  f->dir = g_dir_make_tmp ("wsp-votes-gui-XXXXXX", NULL);
  f->store = wsp_test_open_store (f->dir, "demo.sqlite3");
  g_assert_true (wsp_demo_fill (f->store, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->window != NULL)
    gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->store);
  wsp_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->meeting_id);
  g_free (f->item_id);
}

/* The item's ballot, prepared by clicking Prepare the Vote on the run
 * sheet, as the secretary does: the Votes view opens on it. */
static char *
ballot_from_run_sheet (Fixture *f)
{
  WspMeetingsPage *page = wsp_meetings_view_get_page (WSP_MEETINGS_VIEW (wsp_window_get_view (f->window, "meetings")));
  WspMeetingDetail *detail = wsp_meetings_page_get_detail (page);
  g_autoptr (GPtrArray) ballots = g_ptr_array_new_with_free_func (g_object_unref);
  WspRunSheet *sheet;

  wsp_test_press (GTK_WINDOW (f->window), "<Alt>1");
  g_assert_true (wsp_meetings_page_select (page, f->meeting_id));
  wsp_meeting_detail_show_page (detail, "run");
  settle (f);
  sheet = wsp_meeting_detail_get_run_sheet (detail);
  click (wsp_run_sheet_get_vote_button (sheet, 0));
  g_assert_cmpstr (wsp_window_get_visible_view (f->window), ==, "votes");
  g_assert_true (wsp_store_query (f->store, WSP_TYPE_BALLOT, "agenda_item_id", f->item_id, ballots, NULL));
  g_assert_cmpuint (ballots->len, ==, 1);
  g_assert_cmpstr (wsp_ballot_panel_get_ballot_id (wsp_votes_view_get_panel (f->view)), ==,
                   wsp_record_get_id (g_ptr_array_index (ballots, 0)));
  return g_strdup (wsp_record_get_id (g_ptr_array_index (ballots, 0)));
}

/* Chooses @mode in the Kind of vote row. */
static void
choose_mode (Fixture       *f,
             WspBallotMode  mode)
{
  adw_combo_row_set_selected (wsp_ballot_panel_get_mode_row (wsp_votes_view_get_panel (f->view)), mode);
  settle (f);
  g_assert_cmpint (wsp_ballot_run_get_mode (wsp_ballot_panel_get_run (wsp_votes_view_get_panel (f->view))), ==, mode);
}

/* ---- one key of the roll-call -------------------------------------------- */

typedef struct
{
  GtkWindow      *window;
  WspBallotPanel *panel;
  WspBallotVoter *voter;
  guint           position;
  WspVoteChoice   choice;
  gboolean        recused;
  gboolean        undone;
  const char     *shown;
  GtkWidget      *next_row;    /* NULL: none */
  gint64          painted_at;  /* frames painted, when the key is pressed */
  guint64        *frames;
} KeyDone;

static gboolean
key_saved_and_shown (gpointer data)
{
  KeyDone *done = data;
  GtkWidget *status = wsp_ballot_panel_get_row_status (done->panel, done->position);
  gboolean saved = done->undone ? !wsp_ballot_voter_has_voted (done->voter)
                   : done->recused ? wsp_ballot_voter_is_recused (done->voter)
                                   : wsp_ballot_voter_get_choice (done->voter) == done->choice;

  return saved && g_strcmp0 (gtk_label_get_text (GTK_LABEL (status)), done->shown) == 0
         && (done->next_row == NULL || focus_within (done->window, done->next_row));
}

static gboolean
key_painted (gpointer data)
{
  KeyDone *done = data;

  return key_saved_and_shown (data) && *done->frames > (guint64) done->painted_at;
}

static void
after_paint_cb (GdkFrameClock *clock,
                guint64       *frames)
{
  (*frames)++;
}

typedef struct
{
  gint64 total_shown, slowest_shown;
  gint64 total_painted, slowest_painted;
  gint64 shown[64];
  gint64 cpu[64];
  guint  n;
} Timing;

/* The CPU time of this thread (the window's), in microseconds: what the
 * app itself spends on a key, whatever else the computer runs. */
static gint64
thread_cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static int
compare_times (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* The median time from a key to its vote saved and shown, in ms. */
static double
median_shown (Timing *timing)
{
  qsort (timing->shown, timing->n, sizeof (gint64), compare_times);
  return timing->shown[timing->n / 2] / 1000.0;
}

/* The median CPU time of the window's thread for a key, in ms. */
static double
median_cpu (Timing *timing)
{
  qsort (timing->cpu, timing->n, sizeof (gint64), compare_times);
  return timing->cpu[timing->n / 2] / 1000.0;
}

/* Presses @keysym on the display's keyboard; waits until the vote is
 * saved, its row says it and the next member has the focus, then until a
 * frame is painted with it. */
static void
press_vote (Fixture  *f,
            guint     keysym,
            KeyDone  *done,
            Timing   *timing)
{
  Display *xdisplay = gdk_x11_display_get_xdisplay (gtk_widget_get_display (GTK_WIDGET (f->window)));
  KeyCode code = XKeysymToKeycode (xdisplay, keysym);
  gint64 start, shown, painted, cpu_start, cpu_shown;

  g_assert_cmpuint (code, !=, 0);
  done->painted_at = (gint64) *done->frames;
  start = g_get_monotonic_time ();
  cpu_start = thread_cpu_us ();
  XTestFakeKeyEvent (xdisplay, code, True, CurrentTime);
  XTestFakeKeyEvent (xdisplay, code, False, CurrentTime);
  XFlush (xdisplay);
  g_assert_true (wait_until (key_saved_and_shown, done, 5));
  shown = g_get_monotonic_time ();
  cpu_shown = thread_cpu_us ();
  done->painted_at = (gint64) *done->frames;
  g_assert_true (wait_until (key_painted, done, 5));
  painted = g_get_monotonic_time ();
  if (timing != NULL)
    {
      if (timing->n < G_N_ELEMENTS (timing->shown))
        {
          timing->shown[timing->n] = shown - start;
          timing->cpu[timing->n] = cpu_shown - cpu_start;
        }
      timing->total_shown += shown - start;
      timing->slowest_shown = MAX (timing->slowest_shown, shown - start);
      timing->total_painted += painted - start;
      timing->slowest_painted = MAX (timing->slowest_painted, painted - start);
      timing->n++;
    }
}

/* The roll-call of the 30 members present, by keys, in the panel: 14 for,
 * 14 against, one abstention and one recused; after the 6th key a
 * Backspace takes it back and it is pressed again. */
static void
run_thirty (Fixture *f,
            Timing  *timing)
{
  WspBallotPanel *panel = wsp_votes_view_get_panel (f->view);
  WspBallotRun *run = wsp_ballot_panel_get_run (panel);
  GtkListBox *list = wsp_ballot_panel_get_list (panel);
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (f->window));
  guint64 frames = 0;
  gulong paint_id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &frames);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (run));

  g_assert_cmpuint (n, ==, 30);
  /* The panel gave the focus to the first member. */
  g_assert_true (focus_within (GTK_WINDOW (f->window), GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0))));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (WspBallotVoter) voter = g_list_model_get_item (G_LIST_MODEL (run), i);
      guint keysym = i < 14 ? GDK_KEY_y : i < 28 ? GDK_KEY_n : i == 28 ? GDK_KEY_a : GDK_KEY_r;
      KeyDone done = { GTK_WINDOW (f->window), panel, voter, i,
                       keysym == GDK_KEY_y ? WSP_VOTE_FOR : keysym == GDK_KEY_n ? WSP_VOTE_AGAINST
                       : keysym == GDK_KEY_a ? WSP_VOTE_ABSTAIN : WSP_VOTE_NONE,
                       keysym == GDK_KEY_r, FALSE,
                       keysym == GDK_KEY_y ? "For" : keysym == GDK_KEY_n ? "Against"
                       : keysym == GDK_KEY_a ? "Abstained" : "Recused",
                       i + 1 < n ? GTK_WIDGET (gtk_list_box_get_row_at_index (list, (int) i + 1)) : NULL,
                       0, &frames };

      g_assert_true (focus_within (GTK_WINDOW (f->window), GTK_WIDGET (gtk_list_box_get_row_at_index (list, (int) i))));
      press_vote (f, keysym, &done, timing);
      if (i == 5)
        {
          /* Backspace: the 6th member has no vote again and is chosen. */
          KeyDone undone = done;

          undone.undone = TRUE;
          undone.shown = "Not voted yet";
          undone.next_row = GTK_WIDGET (gtk_list_box_get_row_at_index (list, (int) i));
          press_vote (f, GDK_KEY_BackSpace, &undone, NULL);
          press_vote (f, keysym, &done, NULL);
        }
    }
  g_signal_handler_disconnect (clock, paint_id);
}

/* ---- the tests ----------------------------------------------------------- */

/* From the run sheet to a roll-call of 30 members by keys; the tie asks
 * for the chair's casting vote, closing is refused until it is given, and
 * the result is fixed in the words of the minutes. */
static void
test_roll_call_tie (Fixture       *f,
                    gconstpointer  data)
{
  WspBallotPanel *panel;
  WspBallotRun *run;
  g_autofree char *id = NULL;
  g_autoptr (WspRecord) ballot = NULL;
  Timing timing = { 0 };

  prepare_meeting (f, 30);
  open_window (f, 1200, 860);
  id = ballot_from_run_sheet (f);
  panel = wsp_votes_view_get_panel (f->view);
  choose_mode (f, WSP_BALLOT_ROLL_CALL);
  run = wsp_ballot_panel_get_run (panel);
  wsp_ballot_panel_focus_current (panel);
  settle (f);

  run_thirty (f, &timing);
  g_assert_cmpstr (wsp_ballot_panel_get_counts_text (panel), ==,
                   "For: 14 · Against: 14 · Abstained: 1 · Recused: 1 · Not voted yet: 0");
  g_assert_cmpstr (wsp_ballot_panel_get_verdict_text (panel), ==, "Tie: the chair’s casting vote decides");
  g_assert_true (gtk_widget_get_visible (wsp_ballot_panel_get_casting_button (panel, WSP_VOTE_FOR)));
  g_print ("# roll-call of 30 members (demo): %.2f ms a key to saved and shown (median %.2f, slowest %.2f; "
           "CPU %.2f ms, median), %.2f ms to painted (slowest %.2f)\n",
           timing.total_shown / 1000.0 / timing.n, median_shown (&timing), timing.slowest_shown / 1000.0,
           median_cpu (&timing),
           timing.total_painted / 1000.0 / timing.n, timing.slowest_painted / 1000.0);
  wsp_test_shot (GTK_WIDGET (f->window), "votes-roll-call-tie");

  /* Closing now is refused: the tie waits for the chair. */
  click (wsp_ballot_panel_get_close_button (panel));
  g_assert_false (wsp_ballot_run_is_closed (run));
  click (wsp_ballot_panel_get_casting_button (panel, WSP_VOTE_FOR));
  g_assert_cmpstr (wsp_ballot_panel_get_verdict_text (panel), ==, "Passed by the chair’s casting vote");
  click (wsp_ballot_panel_get_close_button (panel));
  g_assert_true (wsp_ballot_run_is_closed (run));
  g_assert_cmpstr (wsp_ballot_panel_get_result_text (panel), ==,
                   "The resolution was adopted by the chair’s casting vote: 14 votes for, 14 votes against, "
                   "1 abstention.");
  ballot = wsp_store_get (f->store, id, NULL);
  g_assert_nonnull (wsp_record_get_string (ballot, "resolution_number"));
  /* 30 keys and a Backspace and its key again: 32 vote records, none lost. */
  {
    g_autoptr (GPtrArray) votes = g_ptr_array_new_with_free_func (g_object_unref);

    g_assert_true (wsp_store_query (f->store, WSP_TYPE_VOTE, "ballot_id", id, votes, NULL));
    g_assert_cmpuint (votes->len, ==, 32);
  }
  /* The list says it: closed, passed by the casting vote, with its number. */
  {
    GListModel *ballots = wsp_votes_view_get_ballots (f->view);
    gboolean found = FALSE;

    gtk_drop_down_set_selected (wsp_votes_view_get_filter (f->view), 2);
    for (guint i = 0; i < g_list_model_get_n_items (ballots); i++)
      {
        g_autoptr (WspRecord) b = g_list_model_get_item (ballots, i);

        g_assert_nonnull (wsp_record_get_string (b, "closed_at"));
        found |= g_strcmp0 (wsp_record_get_id (b), id) == 0;
      }
    g_assert_true (found);
  }
  /* The named vote list, saved as PDF through the documents layer. */
  {
    g_autofree char *path = g_build_filename (f->dir, "vote-list.pdf", NULL);
    g_autofree char *contents = NULL;
    gsize length = 0;
    g_autoptr (GError) error = NULL;

    g_assert_true (wsp_ballot_panel_save_vote_list (panel, path, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
    g_assert_true (g_str_has_prefix (contents, "%PDF"));
  }
  wsp_test_shot (GTK_WIDGET (f->window), "votes-roll-call-closed");
}

typedef struct
{
  WspBallotPanel *panel;
  const char     *before;
} CorrectionShown;

static gboolean
correction_shown (gpointer data)
{
  CorrectionShown *shown = data;
  const char *id = wsp_ballot_panel_get_ballot_id (shown->panel);

  return id != NULL && g_strcmp0 (id, shown->before) != 0;
}

/* A secret ballot: 20 of 30 present, 2 recused on the run sheet, 18 may
 * vote. Nineteen cards typed in are refused with a message; 18 are taken.
 * The closed ballot is then corrected through its button and the dialog's. */
static void
test_secret_over_count (Fixture       *f,
                        gconstpointer  data)
{
  static const char * const typed[] = { "10", "5", "2", "2" };
  WspBallotPanel *panel;
  WspBallotRun *run;
  g_autofree char *id = NULL;
  g_autoptr (WspRecord) item = NULL;
  g_autoptr (WspCheckIn) check_in = NULL;
  g_autoptr (GError) error = NULL;
  const char *recused[3];

  prepare_meeting (f, 20);
  check_in = wsp_check_in_new (f->store, f->meeting_id);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr (WspCheckInEntry) entry = g_list_model_get_item (G_LIST_MODEL (check_in), 4 + i);

      recused[i] = g_intern_string (wsp_check_in_entry_get_seat_id (entry));
    }
  recused[2] = NULL;
  item = wsp_store_get (f->store, f->item_id, NULL);
  wsp_record_set_list (item, "recused", recused);
  g_assert_true (wsp_store_save (f->store, item, &error));

  open_window (f, 1200, 860);
  id = ballot_from_run_sheet (f);
  panel = wsp_votes_view_get_panel (f->view);
  choose_mode (f, WSP_BALLOT_SECRET);
  run = wsp_ballot_panel_get_run (panel);

  /* Typed in, each total in its field. */
  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      gtk_widget_grab_focus (GTK_WIDGET (wsp_ballot_panel_get_total (panel, i)));
      wsp_test_press (GTK_WINDOW (f->window), "<Control>a");
      wsp_test_type (GTK_WINDOW (f->window), typed[i]);
    }
  click (wsp_ballot_panel_get_record_totals_button (panel));
  g_assert_cmpstr (wsp_ballot_panel_get_totals_message (panel), ==,
                   "19 votes is more than the 18 members entitled to vote: count again.");
  g_assert_cmpint (wsp_record_get_int (wsp_ballot_run_get_ballot (run), "secret_for"), ==, 0);
  wsp_test_shot (GTK_WIDGET (f->window), "votes-secret-refused");

  gtk_widget_grab_focus (GTK_WIDGET (wsp_ballot_panel_get_total (panel, WSP_BALLOT_PANEL_AGAINST)));
  wsp_test_press (GTK_WINDOW (f->window), "<Control>a");
  wsp_test_type (GTK_WINDOW (f->window), "4");
  click (wsp_ballot_panel_get_record_totals_button (panel));
  g_assert_cmpstr (wsp_ballot_panel_get_totals_message (panel), ==, "Totals recorded.");
  g_assert_cmpint (wsp_record_get_int (wsp_ballot_run_get_ballot (run), "secret_for"), ==, 10);
  g_assert_cmpint (wsp_record_get_int (wsp_ballot_run_get_ballot (run), "secret_invalid"), ==, 2);
  click (wsp_ballot_panel_get_close_button (panel));
  g_assert_cmpstr (wsp_ballot_panel_get_result_text (panel), ==,
                   "The resolution was adopted: 10 votes for, 4 votes against, 2 abstentions, 2 invalid cards.");
  {
    g_autoptr (GPtrArray) votes = g_ptr_array_new_with_free_func (g_object_unref);

    g_assert_true (wsp_store_query (f->store, WSP_TYPE_VOTE, "ballot_id", id, votes, NULL));
    g_assert_cmpuint (votes->len, ==, 0);
  }

  /* 10 for was a miscount of 9: the closed vote is corrected by a new one,
   * after a question, never changed. */
  {
    g_autoptr (WspRecord) first = wsp_store_get (f->store, id, NULL);
    g_autofree char *number = g_strdup (wsp_record_get_string (first, "resolution_number"));
    g_autofree char *expected = NULL;
    g_autoptr (WspRecord) correction = NULL;
    GtkWindow *dialog;
    CorrectionShown shown = { panel, id };

    g_assert_nonnull (number);
    click (wsp_ballot_panel_get_correct_button (panel));
    dialog = wsp_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
    g_assert_nonnull (dialog);
    click (wsp_test_find_button (GTK_WIDGET (dialog), "_Correct the Vote"));
    g_assert_true (wait_until (correction_shown, &shown, 10));
    expected = g_strdup_printf ("Corrects the vote closed on %.10s, whose result no longer counts.",
                                wsp_record_get_string (first, "closed_at"));
    g_assert_cmpstr (wsp_ballot_panel_get_correction_text (panel), ==, expected);
    for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
      {
        gtk_widget_grab_focus (GTK_WIDGET (wsp_ballot_panel_get_total (panel, i)));
        wsp_test_press (GTK_WINDOW (f->window), "<Control>a");
        wsp_test_type (GTK_WINDOW (f->window), i == WSP_BALLOT_PANEL_FOR ? "9" : i == WSP_BALLOT_PANEL_AGAINST ? "4" : typed[i]);
      }
    click (wsp_ballot_panel_get_record_totals_button (panel));
    click (wsp_ballot_panel_get_close_button (panel));
    g_assert_cmpstr (wsp_ballot_panel_get_result_text (panel), ==,
                     "The resolution was adopted: 9 votes for, 4 votes against, 2 abstentions, 2 invalid cards.");
    correction = wsp_store_get (f->store, wsp_ballot_panel_get_ballot_id (panel), NULL);
    g_assert_cmpstr (wsp_record_get_string (correction, "corrects"), ==, id);
    g_assert_cmpstr (wsp_record_get_string (correction, "resolution_number"), ==, number);
    /* The corrected vote, chosen again, says so and offers no second correction. */
    g_assert_true (wsp_votes_view_select (f->view, id));
    settle (f);
    g_assert_cmpstr (wsp_ballot_panel_get_correction_text (panel), ==,
                     "Corrected by a later vote: this result no longer counts.");
    g_assert_false (gtk_widget_get_visible (wsp_ballot_panel_get_correct_button (panel)));
  }
}

typedef struct
{
  WspBallotPanel *panel;
  const char     *counts;
} CountsShown;

static gboolean
counts_shown (gpointer data)
{
  CountsShown *shown = data;

  return g_strcmp0 (wsp_ballot_panel_get_counts_text (shown->panel), shown->counts) == 0;
}

/* 15 of 30 present is just the quorum; a member recused by the key takes
 * it away (14 of the 29 entitled), and the verdict says so at once. */
static void
test_recusal_changes_quorum (Fixture       *f,
                             gconstpointer  data)
{
  WspBallotPanel *panel;

  prepare_meeting (f, 15);
  open_window (f, 1200, 860);
  g_free (ballot_from_run_sheet (f));
  panel = wsp_votes_view_get_panel (f->view);
  choose_mode (f, WSP_BALLOT_ROLL_CALL);
  wsp_ballot_panel_focus_current (panel);
  settle (f);
  wsp_test_press (GTK_WINDOW (f->window), "y");
  g_assert_cmpstr (wsp_ballot_panel_get_verdict_text (panel), ==, "So far: Passed");
  wsp_test_press (GTK_WINDOW (f->window), "r");
  g_assert_cmpstr (wsp_ballot_panel_get_verdict_text (panel), ==, "So far: No quorum: nothing was decided");
  /* Ctrl+Z takes the recusal back: the quorum is there again. */
  wsp_test_press (GTK_WINDOW (f->window), "<Control>z");
  g_assert_cmpstr (wsp_ballot_panel_get_verdict_text (panel), ==, "So far: Passed");

  /* A vote of the same ballot written elsewhere (as the other laptop's
   * file brings it): the open panel shows it at once. */
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (WspBallotRun) elsewhere = wsp_ballot_run_new (f->store, wsp_ballot_panel_get_ballot_id (panel), &error);
    CountsShown shown = { panel, "For: 1 · Against: 1 · Abstained: 0 · Recused: 0 · Not voted yet: 13" };

    g_assert_no_error (error);
    g_assert_true (wsp_ballot_run_cast (elsewhere, 5, WSP_VOTE_AGAINST, FALSE, &error));
    g_assert_no_error (error);
    g_assert_true (wait_until (counts_shown, &shown, 10));
  }
}

/* The same 30 keys on a copy of the 10-year database (5000 ballots,
 * 150 000 votes): each key saved and shown within a frame. */
static void
test_ten_years (Fixture       *f,
                gconstpointer  data)
{
  const char *source = g_getenv ("WSPOLNIE_TEN_YEAR_DB");
  g_autofree char *copy = NULL;
  g_autoptr (GFile) from = NULL;
  g_autoptr (GFile) to = NULL;
  g_autoptr (GError) error = NULL;
  WspBallotPanel *panel;
  Timing timing = { 0 };
  double shown_ms, painted_ms, median, cpu;

  if (source == NULL)
    source = "/work/benchdb/ten7.sqlite3";
  if (!g_file_test (source, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no 10-year database (WSPOLNIE_TEN_YEAR_DB)");
      return;
    }
  /* A copy: the original is never written. */
  g_clear_object (&f->store);
  copy = g_build_filename (f->dir, "ten.sqlite3", NULL);
  from = g_file_new_for_path (source);
  to = g_file_new_for_path (copy);
  g_assert_true (g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  f->store = wsp_store_open (copy, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (wsp_store_count (f->store, WSP_TYPE_VOTE), >=, 100000);

  prepare_meeting (f, 30);
  {
    /* Only the first 30 members may vote: the rest are absent. */
    g_autoptr (WspCheckIn) check_in = wsp_check_in_new (f->store, f->meeting_id);

    for (guint i = 30; i < g_list_model_get_n_items (G_LIST_MODEL (check_in)); i++)
      {
        g_autoptr (WspCheckInEntry) entry = g_list_model_get_item (G_LIST_MODEL (check_in), i);

        g_assert_true (wsp_check_in_set_presence (check_in, entry, WSP_PRESENCE_ABSENT, NULL, &error));
      }
  }
  /* The store alone: 30 votes saved through the core, without a window. */
  {
    g_autoptr (WspRecord) body = wsp_membership_find_body (f->store, "forum", NULL);
    g_autoptr (WspRecord) ballot = WSP_RECORD (wsp_ballot_new ());
    g_autoptr (WspBallotRun) run = NULL;
    gint64 start;

    wsp_record_set_string (ballot, "agenda_item_id", f->item_id);
    wsp_record_set_string (ballot, "body_id", wsp_record_get_id (body));
    wsp_record_set_string (ballot, "question", "Próba");
    wsp_record_set_string (ballot, "mode", "roll_call");
    g_assert_true (wsp_store_save (f->store, ballot, &error));
    run = wsp_ballot_run_new (f->store, wsp_record_get_id (ballot), &error);
    g_assert_nonnull (run);
    start = g_get_monotonic_time ();
    for (guint i = 0; i < 30; i++)
      g_assert_true (wsp_ballot_run_cast (run, i, WSP_VOTE_FOR, FALSE, &error));
    g_print ("# 30 votes saved through the core (10-year database): %.2f ms a vote\n",
             (g_get_monotonic_time () - start) / 1000.0 / 30);
    /* That ballot is not the one the secretary runs. */
    g_assert_true (wsp_store_delete (f->store, ballot, &error));
  }

  open_window (f, 1200, 860);
  g_free (ballot_from_run_sheet (f));
  panel = wsp_votes_view_get_panel (f->view);
  choose_mode (f, WSP_BALLOT_ROLL_CALL);
  wsp_ballot_panel_focus_current (panel);
  settle (f);
  run_thirty (f, &timing);
  shown_ms = timing.total_shown / 1000.0 / timing.n;
  painted_ms = timing.total_painted / 1000.0 / timing.n;
  median = median_shown (&timing);
  cpu = median_cpu (&timing);
  g_print ("# roll-call of 30 members (10-year database): %.2f ms a key to saved and shown (median %.2f, "
           "slowest %.2f; the window's own CPU time %.2f ms a key, median), %.2f ms to painted (slowest %.2f)\n",
           shown_ms, median, timing.slowest_shown / 1000.0, cpu, painted_ms, timing.slowest_painted / 1000.0);
  g_test_message ("10-year database: %.2f ms a key to saved and shown (median %.2f, CPU %.2f), %.2f ms to painted",
                  shown_ms, median, cpu, painted_ms);
  /* The app's own work for a key, saved and shown, fits in a frame (60 Hz);
   * and no key ever makes anyone wait, however busy the computer. Sanitizer
   * builds are many times slower: they only report. */
  if (g_getenv ("WSPOLNIE_SANITIZED") == NULL)
    {
      g_assert_cmpfloat (cpu, <, 16.7);
      g_assert_cmpfloat (timing.slowest_shown / 1000.0, <, 1000.0);
    }
}

/* A vote by circulation of the Forum, its deadline a minute ago, 16 of
 * the 30 members' answers recorded: the list says it is past its
 * deadline, and when it is opened it closes, with the verdict against the
 * whole membership (absolute majority: 16 of 30 passes). */
static void
test_circulation_closes_at_deadline (Fixture       *f,
                                     gconstpointer  data)
{
  g_autoptr (WspRecord) body = wsp_membership_find_body (f->store, "forum", NULL);
  g_autoptr (WspRecord) ballot = WSP_RECORD (wsp_ballot_new ());
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GDateTime) opened = g_date_time_add_days (now, -3);
  g_autoptr (GDateTime) deadline = g_date_time_add_minutes (now, -1);
  g_autofree char *opened_text = wsp_meetings_format_time (opened);
  g_autofree char *deadline_text = wsp_meetings_format_time (deadline);
  g_autoptr (GError) error = NULL;
  WspBallotPanel *panel;

  wsp_record_set_string (ballot, "body_id", wsp_record_get_id (body));
  wsp_record_set_bool (ballot, "by_circulation", TRUE);
  wsp_record_set_string (ballot, "question", "Czy Forum zgłasza kandydata do komisji konkursowej?");
  wsp_record_set_string (ballot, "mode", "roll_call");
  wsp_record_set_string (ballot, "opened_at", opened_text);
  wsp_record_set_string (ballot, "deadline", deadline_text);
  g_assert_true (wsp_store_save (f->store, ballot, &error));
  {
    g_autoptr (WspBallotRun) run = wsp_ballot_run_new (f->store, wsp_record_get_id (ballot), &error);

    for (guint i = 0; i < 16; i++)
      g_assert_true (wsp_ballot_run_cast (run, i, WSP_VOTE_FOR, FALSE, &error));
    g_assert_false (wsp_ballot_run_is_closed (run));
  }
  open_window (f, 1200, 860);
  wsp_test_press (GTK_WINDOW (f->window), "<Alt>4");
  g_assert_true (wsp_votes_view_select (f->view, wsp_record_get_id (ballot)));
  settle (f);
  panel = wsp_votes_view_get_panel (f->view);
  g_assert_true (wsp_ballot_run_is_closed (wsp_ballot_panel_get_run (panel)));
  g_assert_cmpstr (wsp_ballot_panel_get_result_text (panel), ==,
                   "The resolution was adopted: 16 votes for, 0 votes against, 0 abstentions.");
  wsp_test_shot (GTK_WIDGET (f->window), "votes-circulation-closed");
}

static gboolean
duplicate_shown (gpointer data)
{
  return wsp_votes_view_get_duplicate_shown (data);
}

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static gboolean
duplicate_gone (gpointer data)
{
  return !wsp_votes_view_get_duplicate_shown (data);
}

/* Two closed ballots of the Forum with the same number, as two laptops
 * numbering offline leave them after an exchange: the view says so, and
 * Renumber the Later Vote gives the later one the next number. */
static void
test_number_given_twice (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr (WspRecord) body = wsp_membership_find_body (f->store, "forum", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (WspRecord) first = NULL;
  g_autoptr (WspRecord) later = NULL;
  char *ids[2];

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr (WspRecord) ballot = WSP_RECORD (wsp_ballot_new ());

      wsp_record_set_string (ballot, "body_id", wsp_record_get_id (body));
      wsp_record_set_string (ballot, "question", i == 0 ? "Pierwsza uchwała" : "Druga uchwała");
      wsp_record_set_string (ballot, "mode", "open");
      wsp_record_set_string (ballot, "opened_at", "2026-11-03T17:00:00+01:00");
      wsp_record_set_string (ballot, "closed_at", i == 0 ? "2026-11-03T17:10:00+01:00" : "2026-11-03T18:10:00+01:00");
      wsp_record_set_string (ballot, "verdict", "passed");
      wsp_record_set_string (ballot, "resolution_number", "7/2026");
      g_assert_true (wsp_store_save (f->store, ballot, &error));
      ids[i] = g_strdup (wsp_record_get_id (ballot));
    }
  open_window (f, 1200, 860);
  wsp_test_press (GTK_WINDOW (f->window), "<Alt>4");
  g_assert_true (wait_until (duplicate_shown, f->view, 10));
  g_assert_true (wait_until (is_mapped, wsp_votes_view_get_renumber_button (f->view), 10));
  wsp_test_shot (GTK_WIDGET (f->window), "votes-number-twice");
  click (wsp_votes_view_get_renumber_button (f->view));
  first = wsp_store_get (f->store, ids[0], NULL);
  later = wsp_store_get (f->store, ids[1], NULL);
  g_assert_cmpstr (wsp_record_get_string (first, "resolution_number"), ==, "7/2026");
  g_assert_cmpstr (wsp_record_get_string (later, "resolution_number"), ==, "8/2026");
  g_assert_true (wait_until (duplicate_gone, f->view, 10));
  pump_ms (1500);
  g_assert_false (wsp_votes_view_get_duplicate_shown (f->view));
  g_free (ids[0]);
  g_free (ids[1]);
}

/* Pictures, for review and help: the list and a roll-call under way,
 * wide and in a narrow window. */
/* ---- an election of delegates --------------------------------------------- */

#ifndef __SANITIZE_ADDRESS__
/* Written whole: the PDF's last line is there. */
static gboolean
file_written (gpointer data)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  return g_file_get_contents (data, &contents, &length, NULL) && length > 5
         && g_strstr_len (contents + (length > 64 ? length - 64 : 0), -1, "%%EOF") != NULL;
}
#endif

/* The election of the item, prepared by clicking Prepare the Vote on the
 * run sheet: the Votes view opens on it. */
static char *
election_from_run_sheet (Fixture *f)
{
  WspMeetingsPage *page = wsp_meetings_view_get_page (WSP_MEETINGS_VIEW (wsp_window_get_view (f->window, "meetings")));
  WspMeetingDetail *detail = wsp_meetings_page_get_detail (page);
  g_autoptr (GPtrArray) elections = g_ptr_array_new_with_free_func (g_object_unref);

  wsp_test_press (GTK_WINDOW (f->window), "<Alt>1");
  g_assert_true (wsp_meetings_page_select (page, f->meeting_id));
  wsp_meeting_detail_show_page (detail, "run");
  settle (f);
  click (wsp_run_sheet_get_vote_button (wsp_meeting_detail_get_run_sheet (detail), 0));
  g_assert_cmpstr (wsp_window_get_visible_view (f->window), ==, "votes");
  g_assert_true (wsp_store_query (f->store, WSP_TYPE_ELECTION, "agenda_item_id", f->item_id, elections, NULL));
  g_assert_cmpuint (elections->len, ==, 1);
  g_assert_cmpstr (wsp_election_panel_get_election_id (wsp_votes_view_get_election_panel (f->view)), ==,
                   wsp_record_get_id (g_ptr_array_index (elections, 0)));
  return g_strdup (wsp_record_get_id (g_ptr_array_index (elections, 0)));
}

/* Types @text into @widget as a person does: the focus into it, all of it
 * chosen, the text typed, Tab to leave it. */
static void
type_into (Fixture    *f,
           GtkWidget  *widget,
           const char *text)
{
  gtk_widget_grab_focus (widget);
  settle (f);
  wsp_test_press (GTK_WINDOW (f->window), "<Control>a");
  wsp_test_type (GTK_WINDOW (f->window), text);
  wsp_test_press (GTK_WINDOW (f->window), "Tab");
  settle (f);
}

static gboolean
election_shown (gpointer data)
{
  Fixture *f = data;
  const char *id = wsp_election_panel_get_election_id (wsp_votes_view_get_election_panel (f->view));
  g_autoptr (WspRecord) election = id != NULL ? wsp_store_get (f->store, id, NULL) : NULL;

  return election != NULL && wsp_record_get_string (election, "runoff_of") != NULL;
}

/* The Forum elects two delegates to the Council: 12 organisations in the
 * room, four candidates typed in, the count typed from the committee's
 * protocol. 12 valid and 1 invalid card are refused (13 cards, 12
 * voters); 11 and 1 give 9, 6, 6, 1: one delegate elected and a tie for
 * the second seat. The run-off among the two tied is one click; 7 to 5
 * there elects the second delegate. */
static void
test_election_tie_runoff (Fixture       *f,
                          gconstpointer  data)
{
  static const char * const names[] = { "Stowarzyszenie Aktywni Razem", "Fundacja Zielone Miasto",
                                        "Klub Sportowy Pogoria", "Stowarzyszenie Dom Kultury" };
  static const char * const votes[] = { "9", "6", "6", "1" };
  WspElectionPanel *panel;
  g_autofree char *id = NULL;
  g_autofree char *ranking = NULL;
  g_autoptr (WspRecord) item = NULL;
  g_autoptr (WspRecord) election = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) elected = NULL;
  const char *runoff_id;

  prepare_meeting (f, 12);
  item = wsp_store_get (f->store, f->item_id, NULL);
  wsp_record_set_string (item, "kind", "election");
  wsp_record_set_string (item, "title", "Wybór delegatów Forum do Rady Działalności Pożytku Publicznego");
  g_assert_true (wsp_store_save (f->store, item, &error));
  g_assert_no_error (error);

  open_window (f, 1200, 860);
  id = election_from_run_sheet (f);
  panel = wsp_votes_view_get_election_panel (f->view);
  settle (f);
  g_assert_true (focus_within (GTK_WINDOW (f->window), wsp_election_panel_get_candidate_entry (panel)));

  /* The names, one after another: Enter adds each, the focus stays. */
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      wsp_test_type (GTK_WINDOW (f->window), names[i]);
      wsp_test_press (GTK_WINDOW (f->window), "Return");
      settle (f);
      g_assert_true (focus_within (GTK_WINDOW (f->window), wsp_election_panel_get_candidate_entry (panel)));
    }
  /* The same name again is refused, and said so. */
  wsp_test_type (GTK_WINDOW (f->window), "fundacja zielone miasto");
  wsp_test_press (GTK_WINDOW (f->window), "Return");
  settle (f);
  g_assert_cmpstr (wsp_election_panel_get_message_text (panel), ==, "Fundacja Zielone Miasto is a candidate already.");

  type_into (f, GTK_WIDGET (wsp_election_panel_get_seats (panel)), "2");
  election = wsp_store_get (f->store, id, NULL);
  g_assert_cmpint (wsp_record_get_int (election, "seats"), ==, 2);
  g_clear_object (&election);
  g_assert_cmpstr (wsp_election_panel_get_outcome_text (panel), ==,
                   "2 seats, 4 candidates: the cards are not counted yet");

  for (guint i = 0; i < G_N_ELEMENTS (votes); i++)
    type_into (f, GTK_WIDGET (wsp_election_panel_get_votes (panel, i)), votes[i]);
  type_into (f, GTK_WIDGET (wsp_election_panel_get_cards (panel, FALSE)), "12");
  type_into (f, GTK_WIDGET (wsp_election_panel_get_cards (panel, TRUE)), "1");
  click (wsp_election_panel_get_record_button (panel));
  g_assert_cmpstr (wsp_election_panel_get_message_text (panel), ==,
                   "13 cards is more than the 12 voters entitled to vote: count again.");
  election = wsp_store_get (f->store, id, NULL);
  g_assert_cmpint (wsp_record_get_int (election, "valid_cards"), ==, 0);
  g_clear_object (&election);
  wsp_test_shot (GTK_WIDGET (f->window), "votes-election-refused");

  type_into (f, GTK_WIDGET (wsp_election_panel_get_cards (panel, FALSE)), "11");
  click (wsp_election_panel_get_record_button (panel));
  g_assert_cmpstr (wsp_election_panel_get_message_text (panel), ==, "Count recorded.");
  g_assert_cmpstr (wsp_election_panel_get_outcome_text (panel), ==,
                   "Tie for the last seat: a run-off among the 2 tied decides it");
  ranking = wsp_election_panel_dup_ranking_text (panel);
  g_assert_cmpstr (ranking, ==,
                   "1. Stowarzyszenie Aktywni Razem — 9 votes · Elected\n"
                   "2. Fundacja Zielone Miasto — 6 votes · Tied for the last seat\n"
                   "3. Klub Sportowy Pogoria — 6 votes · Tied for the last seat\n"
                   "4. Stowarzyszenie Dom Kultury — 1 vote · Not elected\n");
  g_assert_false (gtk_widget_get_visible (wsp_election_panel_get_close_button (panel)));
  wsp_test_shot (GTK_WIDGET (f->window), "votes-election-tie");

  /* The run-off: one click; it opens in the same place. */
  click (wsp_election_panel_get_runoff_button (panel));
  g_assert_true (wait_until (election_shown, f, 10));
  runoff_id = wsp_election_panel_get_election_id (panel);
  g_assert_cmpstr (runoff_id, !=, id);
  election = wsp_store_get (f->store, id, NULL);
  g_assert_nonnull (wsp_record_get_string (election, "closed_at"));
  elected = wsp_record_dup_list (election, "elected");
  g_assert_cmpuint (g_strv_length (elected), ==, 1);
  g_clear_object (&election);
  g_assert_cmpstr (wsp_election_panel_get_outcome_text (panel), ==,
                   "1 seat, 2 candidates: the cards are not counted yet");
  type_into (f, GTK_WIDGET (wsp_election_panel_get_votes (panel, 0)), "5");
  type_into (f, GTK_WIDGET (wsp_election_panel_get_votes (panel, 1)), "7");
  type_into (f, GTK_WIDGET (wsp_election_panel_get_cards (panel, FALSE)), "12");
  click (wsp_election_panel_get_record_button (panel));
  g_assert_cmpstr (wsp_election_panel_get_outcome_text (panel), ==, "The delegate is elected");
  click (wsp_election_panel_get_close_button (panel));
  g_assert_cmpstr (wsp_election_panel_get_result_text (panel), ==,
                   "Elected: Klub Sportowy Pogoria (7 votes). 12 valid cards, 0 invalid.");
  election = wsp_store_get (f->store, runoff_id, NULL);
  g_assert_nonnull (wsp_record_get_string (election, "closed_at"));
  wsp_test_shot (GTK_WIDGET (f->window), "votes-election-runoff");

#ifndef __SANITIZE_ADDRESS__
  /* The result saved through the save dialog, read back from the PDF.
   * (Not under AddressSanitizer: GTK 4.8's file chooser leaks strings of
   * its own.) */
  {
    g_autofree char *pdf = g_build_filename (f->dir, "wynik.pdf", NULL);
    g_autofree char *text = NULL;

    click (wsp_election_panel_get_save_button (panel));
    wsp_test_choose_file (pdf, TRUE);
    g_assert_true (wait_until (file_written, pdf, 20));
    text = wsp_test_pdf_text (pdf);
    g_assert_nonnull (strstr (text, "Klub Sportowy Pogoria 7 elected"));
    g_assert_nonnull (strstr (text, "Fundacja Zielone Miasto 5 not elected"));
    g_assert_nonnull (strstr (text, "Run-off of: Wybór delegatów Forum do Rady Działalności Pożytku Publicznego"));
  }
#endif
}

static void
test_look (Fixture       *f,
           gconstpointer  data)
{
  WspBallotPanel *panel;
  g_autofree char *id = NULL;
  g_autofree char *election_id = NULL;

  prepare_meeting (f, 20);
  open_window (f, 1200, 860);
  id = ballot_from_run_sheet (f);
  panel = wsp_votes_view_get_panel (f->view);
  choose_mode (f, WSP_BALLOT_ROLL_CALL);
  wsp_ballot_panel_focus_current (panel);
  settle (f);
  for (guint i = 0; i < 7; i++)
    wsp_test_press (GTK_WINDOW (f->window), i % 3 == 2 ? "2" : "1");
  wsp_test_shot (GTK_WIDGET (f->window), "votes-wide");
  {
    g_autoptr (GPtrArray) elections = g_ptr_array_new_with_free_func (g_object_unref);

    /* The demo's election of delegates to the grant committees. */
    g_assert_true (wsp_store_query (f->store, WSP_TYPE_ELECTION, NULL, NULL, elections, NULL));
    g_assert_cmpuint (elections->len, >=, 1);
    election_id = g_strdup (wsp_record_get_id (g_ptr_array_index (elections, 0)));
  }
  g_assert_true (wsp_votes_view_select (f->view, election_id));
  settle (f);
  wsp_test_shot (GTK_WIDGET (f->window), "votes-election-wide");

  open_window (f, 360, 720);
  g_assert_true (wsp_window_is_narrow (f->window));
  wsp_test_press (GTK_WINDOW (f->window), "<Alt>4");
  settle (f);
  wsp_test_shot (GTK_WIDGET (f->window), "votes-narrow-list");
  g_assert_true (wsp_votes_view_select (f->view, id));
  settle (f);
  wsp_test_shot (GTK_WIDGET (f->window), "votes-narrow-roll-call");
  g_assert_true (wsp_votes_view_select (f->view, election_id));
  settle (f);
  wsp_test_shot (GTK_WIDGET (f->window), "votes-narrow-election");
  {
    int minimum = 0;

    gtk_widget_measure (GTK_WIDGET (f->window), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
    g_assert_cmpint (minimum, <=, 360);
  }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  /* The locale's language, as the app has it (the pictures in Polish);
   * the checks of the texts run in the C locale, as the suite runs. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("WSPOLNIE_LOCALEDIR") != NULL ? g_getenv ("WSPOLNIE_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_test_init (&argc, &argv, NULL);

  app = wsp_test_start_app ();
  if (app == NULL)
    return 77;

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/votes-gui/roll-call-tie", test_roll_call_tie);
  ADD ("/votes-gui/secret-over-count", test_secret_over_count);
  ADD ("/votes-gui/recusal-changes-quorum", test_recusal_changes_quorum);
  ADD ("/votes-gui/circulation-closes-at-deadline", test_circulation_closes_at_deadline);
  ADD ("/votes-gui/number-given-twice", test_number_given_twice);
  ADD ("/votes-gui/election-tie-runoff", test_election_tie_runoff);
  ADD ("/votes-gui/ten-years", test_ten_years);
  ADD ("/votes-gui/look", test_look);
#undef ADD

  status = g_test_run ();
  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  return status;
}
