/* test-minutes-gui.c — the minutes of a meeting, approved at the next one and corrected after
 *
 * Driven as the secretary drives it: the notes of meeting no. 8 (held) are
 * finished on its run sheet after the meeting; at meeting no. 9 the item
 * "Przyjęcie protokołu z poprzedniego posiedzenia" is put to a roll-call
 * vote from its run sheet, one key per member, and closed; meeting no. 8
 * follows (minutes approved) and its notes can no longer be typed into; a
 * change after that is made from its status menu as a correction, and the
 * minutes saved from its documents menu show it with the approval. Keys go
 * through the X server's keyboard (XTEST), buttons are activated.
 *
 * The oracles are the demo's facts (nine members of the Council in office
 * on 3 December 2026, all of them checked in here), the keys pressed and
 * the texts typed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "council/wsp-council-view.h"
#include "demo/wsp-demo.h"
#include "domain/wsp-ballot-run.h"
#include "domain/wsp-check-in.h"
#include "domain/wsp-meetings.h"
#include "meetings/wsp-meeting-detail.h"
#include "meetings/wsp-meetings-page.h"
#include "meetings/wsp-run-sheet.h"
#include "records/wsp-entities.h"
#include "records/wsp-records-meetings.h"
#include "records/wsp-records-votes.h"
#include "votes/wsp-ballot-panel.h"
#include "votes/wsp-votes-view.h"
#include "wsp-application.h"
#include "wsp-test-gui.h"
#include "wsp-test-util.h"
#include "wsp-window.h"

static WspApplication *app;

typedef struct
{
  char      *dir;
  WspStore  *store;
  WspWindow *window;
  char      *r8;
  char      *r9;
} Fixture;

typedef struct
{
  WspStore   *store;
  const char *id;
  const char *field;
  const char *value;
} FieldIs;

static gboolean
field_is (gpointer data)
{
  FieldIs *is = data;
  g_autoptr (WspRecord) record = wsp_store_get (is->store, is->id, NULL);

  return record != NULL && g_strcmp0 (wsp_record_get_string (record, is->field), is->value) == 0;
}

static char *
meeting_id (WspStore *store,
            int       number)
{
  g_autoptr (GPtrArray) meetings = g_ptr_array_new_with_free_func (g_object_unref);

  g_assert_true (wsp_store_query (store, WSP_TYPE_MEETING, NULL, NULL, meetings, NULL));
  for (guint i = 0; i < meetings->len; i++)
    {
      WspRecord *m = g_ptr_array_index (meetings, i);
      g_autoptr (WspRecord) body = wsp_store_get (store, wsp_record_get_string (m, "body_id"), NULL);

      if (wsp_record_get_int (m, "number") == number && g_strcmp0 (wsp_record_get_string (body, "kind"), "council") == 0)
        return g_strdup (wsp_record_get_id (m));
    }
  g_assert_not_reached ();
}

/* The @index-th item of @meeting's agenda. */
static WspRecord *
item_at (Fixture    *f,
         const char *meeting,
         guint       index)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  g_assert_true (wsp_store_query (f->store, WSP_TYPE_AGENDA_ITEM, "meeting_id", meeting, items, NULL));
  g_assert_cmpuint (items->len, >, index);
  return g_object_ref (g_ptr_array_index (items, index));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WspCheckIn) check_in = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  guint n;

  f->dir = g_dir_make_tmp ("wsp-minutes-gui-XXXXXX", NULL);
  f->store = wsp_test_open_store (f->dir, "demo.sqlite3");
  g_assert_true (wsp_demo_fill (f->store, &error));
  g_assert_no_error (error);
  f->r8 = meeting_id (f->store, 8);
  f->r9 = meeting_id (f->store, 9);

  /* Meeting no. 9 under way: every member checked in at the door. */
  check_in = wsp_check_in_new (f->store, f->r9);
  n = g_list_model_get_n_items (G_LIST_MODEL (check_in));
  g_assert_cmpuint (n, ==, 9);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (WspCheckInEntry) entry = g_list_model_get_item (G_LIST_MODEL (check_in), i);

      g_assert_true (wsp_check_in_set_presence (check_in, entry, WSP_PRESENCE_PRESENT, now, &error));
      g_assert_no_error (error);
    }

  f->window = wsp_window_new (GTK_APPLICATION (app), f->store);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 860);
  wsp_test_focus_window (GTK_WINDOW (f->window));
  wsp_test_settle (GTK_WIDGET (f->window));
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
  g_free (f->r8);
  g_free (f->r9);
}

static WspMeetingDetail *
show_meeting (Fixture    *f,
              const char *id,
              const char *page_name)
{
  WspCouncilView *council = WSP_COUNCIL_VIEW (wsp_window_get_view (f->window, "council"));
  WspMeetingsPage *page = wsp_council_view_get_meetings (council);
  WspMeetingDetail *detail = wsp_meetings_page_get_detail (page);

  wsp_test_press (GTK_WINDOW (f->window), "<Alt>2");
  g_assert_cmpstr (wsp_window_get_visible_view (f->window), ==, "council");
  wsp_council_view_show_page (council, "meetings");
  g_assert_true (wsp_meetings_page_select (page, id));
  wsp_meeting_detail_show_page (detail, page_name);
  wsp_test_settle (GTK_WIDGET (f->window));
  return detail;
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

/* Activates @button (shown in the window, perhaps scrolled out of sight)
 * and waits until it says it was clicked. */
static void
click (GtkWidget *button)
{
  gboolean clicked = FALSE;
  gulong id;

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_true (gtk_widget_is_visible (button));
  id = g_signal_connect (button, "clicked", G_CALLBACK (clicked_cb), &clicked);
  gtk_widget_activate (button);
  g_assert_true (wsp_test_wait (is_true, &clicked, 10));
  g_signal_handler_disconnect (button, id);
  wsp_test_iterate ();
}

static GtkDropDown *
find_drop_down (GtkWidget *root)
{
  if (GTK_IS_DROP_DOWN (root))
    return GTK_DROP_DOWN (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkDropDown *found = find_drop_down (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_menu_button (GtkWidget  *root,
                  const char *tooltip)
{
  if (GTK_IS_MENU_BUTTON (root) && g_strcmp0 (gtk_widget_get_tooltip_text (root), tooltip) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_menu_button (child, tooltip);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A picture of the menu of @detail's button with @tooltip, opened (for
 * WSPOLNIE_TEST_SHOTS). */
static void
shoot_menu (WspMeetingDetail *detail,
            const char       *tooltip,
            const char       *name)
{
  GtkWidget *button = find_menu_button (GTK_WIDGET (detail), tooltip);
  GtkPopover *popover;

  if (g_getenv ("WSPOLNIE_TEST_SHOTS") == NULL)
    return;
  g_assert_nonnull (button);
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  wsp_test_settle (button);
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  wsp_test_shot (GTK_WIDGET (popover), name);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
  wsp_test_settle (button);
}

static gboolean
all_voted (gpointer data)
{
  WspBallotCount count;

  wsp_ballot_run_get_count (data, &count);
  return count.not_voted == 0 && count.tally.yes == 9;
}

static gboolean
dialog_shown (gpointer data)
{
  return wsp_test_find_window (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static void
test_approve_then_correct (Fixture       *f,
                           gconstpointer  data)
{
  static const char notes[] = "Uwagi omowil Sekretarz Rady; dyskusji nie bylo.";
  static const char correction[] = "W punkcie 3 uwage nr 4 uwzgledniono w calosci.";
  g_autoptr (WspRecord) discussed = item_at (f, f->r8, 2);
  g_autoptr (WspRecord) approval = item_at (f, f->r9, 1);
  g_autoptr (GPtrArray) ballots = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) corrections = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (WspRecord) ballot = NULL;
  g_autoptr (WspRecord) item = NULL;
  g_autofree char *path = g_build_filename (f->dir, "minutes.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;
  WspMeetingDetail *detail;
  WspRunSheet *sheet;
  GtkTextView *view;
  WspVotesView *votes;
  WspBallotPanel *panel;
  WspBallotRun *run;
  GtkWindow *dialog;
  FieldIs approved = { f->store, f->r8, "status", "minutes_approved" };
  FieldIs noted = { f->store, wsp_record_get_id (discussed), "notes", notes };

  g_assert_true (g_str_has_prefix (wsp_record_get_string (approval, "title"), "Przyjęcie protokołu"));

  /* After the meeting: no. 8 is held, its notes are finished on the run sheet. */
  detail = show_meeting (f, f->r8, "run");
  sheet = wsp_meeting_detail_get_run_sheet (detail);
  view = wsp_run_sheet_get_notes_view (sheet, 2);
  g_assert_true (gtk_text_view_get_editable (view));
  wsp_test_type_into (GTK_WIDGET (view), notes);
  g_assert_true (wsp_test_wait (field_is, &noted, 10));
  shoot_menu (detail, _("Print or save the agenda, the attendance list and the minutes"), "minutes-documents-menu");
  /* A correction is for approved minutes only: nothing opens for a draft. */
  gtk_widget_activate_action (GTK_WIDGET (detail), "detail.correct-minutes", NULL);
  wsp_test_iterate ();
  g_assert_null (wsp_test_find_window (ADW_TYPE_MESSAGE_DIALOG));

  /* Meeting no. 9: its item "Przyjęcie protokołu…" put to the vote from the run sheet. */
  detail = show_meeting (f, f->r9, "run");
  sheet = wsp_meeting_detail_get_run_sheet (detail);
  click (wsp_run_sheet_get_vote_button (sheet, 1));
  g_assert_cmpstr (wsp_window_get_visible_view (f->window), ==, "votes");
  votes = WSP_VOTES_VIEW (wsp_window_get_view (f->window, "votes"));
  panel = wsp_votes_view_get_panel (votes);
  adw_combo_row_set_selected (wsp_ballot_panel_get_mode_row (panel), WSP_BALLOT_ROLL_CALL);
  wsp_test_settle (GTK_WIDGET (f->window));
  run = wsp_ballot_panel_get_run (panel);
  g_assert_cmpint (wsp_ballot_run_get_mode (run), ==, WSP_BALLOT_ROLL_CALL);
  wsp_ballot_panel_focus_current (panel);
  wsp_test_settle (GTK_WIDGET (f->window));
  /* Nine members, nine keys: all for. */
  for (guint i = 0; i < 9; i++)
    wsp_test_press (GTK_WINDOW (f->window), "y");
  g_assert_true (wsp_test_wait (all_voted, run, 10));
  click (wsp_ballot_panel_get_close_button (panel));
  g_assert_true (wsp_ballot_run_is_closed (run));

  /* Meeting no. 8 follows: minutes approved, by that vote. */
  g_assert_true (wsp_test_wait (field_is, &approved, 10));
  g_assert_true (wsp_store_query (f->store, WSP_TYPE_BALLOT, "agenda_item_id", wsp_record_get_id (approval), ballots,
                                  NULL));
  g_assert_cmpuint (ballots->len, ==, 1);
  ballot = g_object_ref (g_ptr_array_index (ballots, 0));
  g_assert_cmpstr (wsp_record_get_string (ballot, "verdict"), ==, "passed");
  g_assert_nonnull (wsp_record_get_string (ballot, "resolution_number"));
  {
    g_autoptr (WspRecord) r8 = wsp_store_get (f->store, f->r8, NULL);

    g_assert_cmpstr (wsp_record_get_string (r8, "minutes_ballot_id"), ==, wsp_record_get_id (ballot));
  }

  /* Frozen: the notes of no. 8 take no more keys. */
  detail = show_meeting (f, f->r8, "run");
  sheet = wsp_meeting_detail_get_run_sheet (detail);
  view = wsp_run_sheet_get_notes_view (sheet, 2);
  g_assert_false (gtk_text_view_get_editable (view));
  wsp_test_type_into (GTK_WIDGET (view), " zmiana");
  wsp_test_settle (GTK_WIDGET (f->window));
  item = wsp_store_get (f->store, wsp_record_get_id (discussed), NULL);
  g_assert_cmpstr (wsp_record_get_string (item, "notes"), ==, notes);

  shoot_menu (detail, _("Held, minutes approved, cancelled"), "minutes-status-menu");
  wsp_test_shot (GTK_WIDGET (f->window), "minutes-approved-run-sheet");
  /* The change is made as a correction, from the status menu. */
  gtk_widget_activate_action (GTK_WIDGET (detail), "detail.correct-minutes", NULL);
  g_assert_true (wsp_test_wait (dialog_shown, NULL, 10));
  dialog = wsp_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  wsp_test_focus_window (dialog);
  wsp_test_type (dialog, correction);
  /* About item 3: chosen in the list of what it corrects. */
  {
    GtkDropDown *part = find_drop_down (GTK_WIDGET (dialog));

    g_assert_nonnull (part);
    g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (part)), ==, 6);
    gtk_drop_down_set_selected (part, 3);
    wsp_test_iterate ();
  }
  wsp_test_shot (GTK_WIDGET (dialog), "minutes-correction");
  wsp_test_click (wsp_test_find_button (GTK_WIDGET (dialog), _("_Record Correction")));
  g_assert_true (wsp_store_query (f->store, WSP_TYPE_MINUTES_CORRECTION, "meeting_id", f->r8, corrections, NULL));
  g_assert_cmpuint (corrections->len, ==, 1);
  g_assert_cmpstr (wsp_record_get_string (g_ptr_array_index (corrections, 0), "text"), ==, correction);
  g_assert_cmpstr (wsp_record_get_string (g_ptr_array_index (corrections, 0), "agenda_item_id"), ==,
                   wsp_record_get_id (discussed));
  /* The item's notes stay as approved. */
  g_clear_object (&item);
  item = wsp_store_get (f->store, wsp_record_get_id (discussed), NULL);
  g_assert_cmpstr (wsp_record_get_string (item, "notes"), ==, notes);

  /* The minutes, saved as from the documents menu, show both. */
  g_assert_true (wsp_meeting_detail_save_document (detail, "minutes", path, &error));
  g_assert_no_error (error);
  text = wsp_test_pdf_text (path);
  {
    g_autofree char *approved_line = g_strdup_printf ("approved at Council meeting no. 9 on 3 December 2026 "
                                                      "(resolution no. %s).",
                                                      wsp_record_get_string (ballot, "resolution_number"));
    const char *at = strstr (text, approved_line);
    const char *notes_at = strstr (text, notes);
    const char *heading = strstr (text, "Corrections");
    const char *lead = strstr (text, ", to item 3:");
    const char *fixed = strstr (text, correction);

    if (at == NULL || notes_at == NULL || heading == NULL || fixed == NULL || lead == NULL)
      g_error ("The minutes lack the approval, the notes or the correction: %s", text);
    g_assert_true (at < notes_at && notes_at < heading && heading < lead && lead < fixed);
    g_assert_null (strstr (text, "draft minutes"));
  }

  /* The meeting's votes by name, from the same menu: Krzysztof Zając
   * abstained in the vote on the opinion, the six others present for. */
  {
    g_autofree char *votes_path = g_build_filename (f->dir, "votes.pdf", NULL);
    g_autofree char *votes_text = NULL;

    g_assert_true (wsp_meeting_detail_save_document (detail, "votes", votes_path, &error));
    g_assert_no_error (error);
    votes_text = wsp_test_pdf_text (votes_path);
    if (strstr (votes_text, "Named list of the votes") == NULL
        || strstr (votes_text, "Przyjęcie opinii o projekcie Programu współpracy na rok 2027") == NULL
        || strstr (votes_text, "Krzysztof Zając abst.") == NULL || strstr (votes_text, "Barbara Mazur for") == NULL)
      g_error ("The meeting's vote list lacks the vote or the members' votes: %s", votes_text);
  }
}

int
main (int argc, char *argv[])
{
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("WSPOLNIE_LOCALEDIR") != NULL ? g_getenv ("WSPOLNIE_LOCALEDIR")
                                                                           : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_test_init (&argc, &argv, NULL);

  app = wsp_test_start_app ();
  if (app == NULL)
    return 77;

  g_test_add ("/minutes-gui/approve-then-correct", Fixture, NULL, fixture_set_up, test_approve_then_correct,
              fixture_tear_down);

  status = g_test_run ();
  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  return status;
}
