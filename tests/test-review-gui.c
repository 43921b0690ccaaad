/* test-review-gui.c — a draft sent for review and a member's reply, under a real display, driven as a person does
 *
 * The secretary opens a draft's Opinion page (Alt+P), clicks Send for
 * Review…, unticks one of the Council's members, clicks Save the File… and
 * types the file's name in the save dialog; the page lists the members it
 * went to, none replied. Anna Kowalczyk's laptop (a database of its own,
 * never used) opens the file: the reviewer's first run asks who she is and
 * for the secretary's fingerprint, then shows the draft alone; the comment
 * editor names her and
 * lets no one else be chosen; she comments on § 1 and clicks Send Back to
 * the Secretary…. The secretary's import preview says “Anna Kowalczyk:
 * 1 comment on § 1”; after the fingerprint is compared and Import clicked,
 * the page says she replied and the comment is hers. A reply in her name
 * from another laptop is refused in the preview.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "demo/wsp-demo.h"
#include "domain/wsp-draft-detail.h"
#include "drafts/wsp-comment-editor.h"
#include "drafts/wsp-draft-page.h"
#include "drafts/wsp-drafts-view.h"
#include "drafts/wsp-review-sender.h"
#include "import/wsp-draft-import.h"
#include "import/wsp-draft-reader.h"
#include "records/wsp-records-drafts.h"
#include "records/wsp-records-members.h"
#include "sync/wsp-import-dialog.h"
#include "sync/wsp-review.h"
#include "sync/wsp-reviewer-setup.h"
#include "wsp-application.h"
#include "wsp-test-gui.h"
#include "wsp-test-util.h"
#include "wsp-window.h"

static WspApplication *app;

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
run_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
wait_for (gboolean (*cond) (gpointer),
          gpointer data)
{
  gint64 end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (!cond (data) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  return cond (data);
}

typedef gboolean (*WidgetTest) (GtkWidget *widget, gconstpointer data);

static GtkWidget *
find_widget (GtkWidget     *root,
             WidgetTest     test,
             gconstpointer  data)
{
  if (gtk_widget_get_mapped (root) && test (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, test, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
has_action (GtkWidget     *widget,
            gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), data) == 0;
}

static gboolean
has_unit_action (GtkWidget     *widget,
                 gconstpointer  data)
{
  GVariant *target;

  if (!has_action (widget, "drafts.comment-unit"))
    return FALSE;
  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget));
  return target != NULL && g_str_equal (g_variant_get_string (target, NULL), data);
}

static gboolean
is_row_titled (GtkWidget     *widget,
               gconstpointer  data)
{
  return ADW_IS_ACTION_ROW (widget) && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), data) == 0;
}

static gboolean
is_row_starting (GtkWidget     *widget,
                 gconstpointer  data)
{
  return ADW_IS_ACTION_ROW (widget) && g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), data);
}

/* The shown row titled @title: what it says under its title. */
static const char *
row_says (GtkWidget  *root,
          const char *title)
{
  GtkWidget *row = find_widget (root, is_row_titled, title);

  if (row == NULL)
    g_error ("No row “%s” is shown", title);
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
}

static GtkWidget *
button (GtkWidget  *root,
        const char *action)
{
  GtkWidget *found = find_widget (root, has_action, action);

  if (found == NULL)
    g_error ("No button does %s", action);
  return found;
}

static void
click (GtkWidget *widget)
{
  g_assert_true (gtk_widget_is_sensitive (widget));
  gtk_widget_activate (widget);
  run_for (400);
}

static gboolean
file_exists (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

/* Clicks Send Back to the Secretary…, which asks where to save, and saves
 * at @path. Under AddressSanitizer the view is told the file directly:
 * GTK 4.8's file chooser leaks strings of its own. */
static void
send_reply_through_dialog (WspDraftsView *view,
                           const char    *path)
{
#ifndef __SANITIZE_ADDRESS__
  click (button (GTK_WIDGET (view), "drafts.send-reply"));
  wsp_test_choose_file (path, TRUE);
#else
  g_autoptr (GFile) file = g_file_new_for_path (path);

  wsp_drafts_view_send_reply (view, file);
#endif
  g_assert_true (wait_for (file_exists, (gpointer) path));
}

static WspDraftsView *
drafts_view (WspWindow *window)
{
  WspDraftsView *view;

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 860);
  wsp_test_focus_window (GTK_WINDOW (window));
  wsp_test_press (GTK_WINDOW (window), "<Alt>3");
  g_assert_cmpstr (wsp_window_get_visible_view (window), ==, "drafts");
  view = WSP_DRAFTS_VIEW (wsp_window_get_view (window, "drafts"));
  wsp_drafts_view_ensure_loaded (view);
  return view;
}

static char *
person_named (WspStore   *store,
              const char *name)
{
  g_autoptr (GPtrArray) people = g_ptr_array_new_with_free_func (g_object_unref);

  g_assert_true (wsp_store_query (store, WSP_TYPE_PERSON, "name", name, people, NULL));
  g_assert_cmpuint (people->len, ==, 1);
  return g_strdup (wsp_record_get_id (g_ptr_array_index (people, 0)));
}

static gboolean
preview_ready (gpointer data)
{
  const char *state = wsp_import_dialog_get_state (data);

  return g_strcmp0 (state, "preview") == 0 || g_strcmp0 (state, "refused") == 0;
}

static gboolean
import_done (gpointer data)
{
  return g_strcmp0 (wsp_import_dialog_get_state (data), "done") == 0;
}

static gboolean
dialog_shown (gpointer data)
{
  return wsp_drafts_view_get_dialog (data) != NULL;
}

static gboolean
dialog_gone (gpointer data)
{
  return wsp_drafts_view_get_dialog (data) == NULL;
}

static gboolean
reviewing (gpointer data)
{
  return wsp_window_get_reviewing (data);
}

static gboolean
is_check_labelled (GtkWidget     *widget,
                   gconstpointer  data)
{
  return GTK_IS_CHECK_BUTTON (widget) && g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)), data) == 0;
}

/* The reviewer's first run on @store, never used: @path opened in its
 * window, @name chosen, the fingerprint compared, Open the Draft. The
 * window is @width wide. */
static WspWindow *
first_run (WspStore   *store,
           const char *path,
           const char *name,
           const char *fingerprint,
           int         width)
{
  WspWindow *window = wsp_window_new (GTK_APPLICATION (app), store);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_auto (GStrv) groups = g_strsplit (fingerprint, " ", -1);
  g_autofree char *readable = g_strjoinv ("  ", groups);
  GtkWindow *setup;
  GtkWidget *open;
  GtkWidget *row;
  GtkWidget *compared;

  gtk_window_set_default_size (GTK_WINDOW (window), width, 860);
  wsp_test_focus_window (GTK_WINDOW (window));
  g_assert_false (wsp_window_get_reviewing (window));
  setup = wsp_window_open_packet (window, file);
  g_assert_true (WSP_IS_REVIEWER_SETUP (setup));
  if (width < 600)
    gtk_window_set_default_size (setup, width, 640);
  wsp_test_focus_window (setup);
  wsp_test_settle (GTK_WIDGET (setup));
  open = wsp_test_find_button (GTK_WIDGET (setup), _("_Open the Draft"));
  g_assert_nonnull (open);
  g_assert_false (gtk_widget_get_sensitive (open));
  /* The secretary's fingerprint, as the secretary reads it out. */
  g_assert_cmpstr (row_says (GTK_WIDGET (setup), _("Key fingerprint")), ==, readable);
  row = find_widget (GTK_WIDGET (setup), is_row_titled, name);
  g_assert_nonnull (row);
  gtk_widget_activate (row);
  wsp_test_settle (GTK_WIDGET (setup));
  /* Not before the fingerprint is compared. */
  g_assert_false (gtk_widget_get_sensitive (open));
  wsp_test_shot (GTK_WIDGET (setup), width < 600 ? "review-first-run-narrow" : "review-first-run");
  compared = find_widget (GTK_WIDGET (setup), is_check_labelled, _("The fingerprint is the _same as the secretary’s"));
  g_assert_nonnull (compared);
  gtk_widget_activate (compared);
  wsp_test_settle (GTK_WIDGET (setup));
  wsp_test_click (open);
  g_assert_true (wait_for (reviewing, window));
  wsp_test_settle (GTK_WIDGET (window));
  /* Only the draft: no other view, no switcher. */
  g_assert_cmpstr (wsp_window_get_visible_view (window), ==, "drafts");
  {
    AdwViewStack *stack = ADW_VIEW_STACK (gtk_widget_get_parent (wsp_window_get_view (window, "members")));

    g_assert_false (adw_view_stack_page_get_visible (adw_view_stack_get_page (stack, wsp_window_get_view (window, "members"))));
    g_assert_false (adw_view_stack_page_get_visible (adw_view_stack_get_page (stack, wsp_window_get_view (window, "meetings"))));
  }
  return window;
}

static void
test_review_and_reply (void)
{
  g_autofree char *dir = g_dir_make_tmp ("wsp-review-gui-XXXXXX", NULL);
  g_autofree char *review_path = g_build_filename (dir, "do-zaopiniowania" WSP_PACKET_SUFFIX, NULL);
  g_autofree char *reply_path = g_build_filename (dir, "anna-uwagi" WSP_PACKET_SUFFIX, NULL);
  g_autofree char *forged_path = g_build_filename (dir, "forged" WSP_PACKET_SUFFIX, NULL);
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "drafts", "gui-programme.odt", NULL);
  g_autoptr (WspStore) secretary = wsp_test_open_store (dir, "secretary.sqlite3");
  g_autoptr (WspStore) anna_laptop = wsp_test_open_store (dir, "anna.sqlite3");
  g_autoptr (WspStore) other_laptop = wsp_test_open_store (dir, "other.sqlite3");
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) odt = g_file_new_for_path (source);
  g_autoptr (WspRecord) draft = WSP_RECORD (wsp_draft_new ());
  g_autoptr (WspRecord) version = NULL;
  g_autofree char *text = NULL;
  g_autofree char *anna = NULL;
  g_auto (WspImportReport) report = { 0 };
  WspWindow *window;
  WspWindow *anna_window;
  WspDraftsView *view;
  WspDraftsView *anna_view;
  WspImportDialog *import;
  GtkWindow *editor;
  GtkWindow *sender;
  GtkWidget *unit_button;
  const char *draft_id;

  /* The secretary's laptop: the demo's Council, and the draft delivered today. */
  g_assert_true (wsp_demo_fill (secretary, &error));
  text = wsp_draft_read_file (odt, NULL, &error);
  g_assert_no_error (error);
  wsp_record_set_string (draft, "title", "Projekt uchwały w sprawie Programu współpracy na rok 2028");
  g_assert_true (wsp_draft_register (secretary, draft, text, "gui-programme.odt", &version, &error));
  g_assert_no_error (error);
  draft_id = wsp_record_get_id (draft);
  anna = person_named (secretary, "Anna Kowalczyk");

  window = wsp_window_new (GTK_APPLICATION (app), secretary);
  view = drafts_view (window);
  g_assert_true (wsp_drafts_view_select (view, draft_id));
  wsp_test_press (GTK_WINDOW (window), "<Alt>p");
  wsp_test_settle (GTK_WIDGET (window));
  /* Send for Review…: the Council's members, all ticked; Marek Kamiński unticked. */
  click (button (GTK_WIDGET (view), "drafts.send-review"));
  g_assert_true (wait_for (dialog_shown, view));
  sender = wsp_drafts_view_get_dialog (view);
  g_assert_true (WSP_IS_REVIEW_SENDER (sender));
  wsp_test_focus_window (sender);
  wsp_test_settle (GTK_WIDGET (sender));
  {
    GtkWidget *row = find_widget (GTK_WIDGET (sender), is_row_starting, "Marek Kamiński");

    g_assert_nonnull (row);
    gtk_widget_activate (row);
    wsp_test_settle (GTK_WIDGET (sender));
  }
  wsp_test_shot (GTK_WIDGET (sender), "review-sender");
#ifndef __SANITIZE_ADDRESS__
  wsp_test_click (wsp_test_find_button (GTK_WIDGET (sender), _("_Save the File…")));
  wsp_test_choose_file (review_path, TRUE);
#else
  {
    g_autoptr (GFile) file = g_file_new_for_path (review_path);

    g_assert_true (wsp_review_sender_save_to (WSP_REVIEW_SENDER (sender), file, &error));
    g_assert_no_error (error);
  }
#endif
  g_assert_true (wait_for (file_exists, review_path));
  g_assert_true (wait_for (dialog_gone, view));
  wsp_test_settle (GTK_WIDGET (window));
  g_assert_cmpstr (row_says (GTK_WIDGET (view), "Anna Kowalczyk"), ==, "Not replied yet");
  g_assert_cmpstr (row_says (GTK_WIDGET (view), "Piotr Lewandowski"), ==, "Not replied yet");
  g_assert_null (find_widget (GTK_WIDGET (view), is_row_titled, "Marek Kamiński"));
  wsp_test_shot (GTK_WIDGET (window), "review-sent");

  /* Anna's laptop, never used: the reviewer's first run opens the draft. */
  {
    g_autofree char *fingerprint = wsp_sync_dup_fingerprint (secretary, NULL);

    anna_window = first_run (anna_laptop, review_path, "Anna Kowalczyk", fingerprint, 1200);
  }
  anna_view = WSP_DRAFTS_VIEW (wsp_window_get_view (anna_window, "drafts"));
  g_assert_cmpstr (wsp_record_get_id (wsp_draft_detail_get_draft (wsp_draft_page_get_detail (
                     wsp_drafts_view_get_page (anna_view)))), ==, draft_id);
  wsp_test_shot (GTK_WIDGET (anna_window), "review-first-draft");

  /* Her comment on § 1: the editor names her, and no one else can be chosen. */
  wsp_draft_page_scroll_to_unit (wsp_drafts_view_get_page (anna_view), "§ 1");
  wsp_test_settle (GTK_WIDGET (anna_window));
  unit_button = find_widget (GTK_WIDGET (anna_view), has_unit_action, "§ 1");
  g_assert_nonnull (unit_button);
  click (unit_button);
  g_assert_true (wait_for (dialog_shown, anna_view));
  editor = wsp_drafts_view_get_dialog (anna_view);
  g_assert_true (WSP_IS_COMMENT_EDITOR (editor));
  wsp_test_focus_window (editor);
  wsp_test_settle (GTK_WIDGET (editor));
  {
    GtkWidget *proposed = GTK_WIDGET (wsp_comment_editor_get_view (WSP_COMMENT_EDITOR (editor), "proposed"));

    gtk_widget_grab_focus (proposed);
    wsp_test_iterate ();
    wsp_test_type (editor, "Program okresla cele i formy.");
  }
  g_assert_false (wsp_comment_editor_choose_author (WSP_COMMENT_EDITOR (editor), "Piotr Lewandowski"));
  wsp_test_shot (GTK_WIDGET (editor), "review-comment-editor");
  click (button (GTK_WIDGET (editor), "editor.save"));
  g_assert_true (wait_for (dialog_gone, anna_view));

  /* Send Back to the Secretary…, from the Opinion page. */
  wsp_test_focus_window (GTK_WINDOW (anna_window));
  wsp_test_press (GTK_WINDOW (anna_window), "<Alt>p");
  wsp_test_settle (GTK_WIDGET (anna_window));
  wsp_test_shot (GTK_WIDGET (anna_window), "review-member");
  send_reply_through_dialog (anna_view, reply_path);

  /* The secretary's preview: whose it is and what it brings. */
  import = g_object_ref_sink (wsp_import_dialog_new (secretary));
  {
    g_autoptr (GFile) file = g_file_new_for_path (reply_path);
    wsp_import_dialog_load_file (import, file);
  }
  g_assert_true (wait_for (preview_ready, import));
  g_assert_cmpstr (wsp_import_dialog_get_state (import), ==, "preview");
  gtk_window_present (GTK_WINDOW (import));
  wsp_test_settle (GTK_WIDGET (import));
  g_assert_cmpstr (row_says (GTK_WIDGET (import), "Anna Kowalczyk: 1 comment on § 1"), ==,
                   "Each comment is attributed to this member.");
  wsp_test_shot (GTK_WIDGET (import), "review-import-preview");
  wsp_import_dialog_confirm_fingerprint (import, TRUE);
  g_assert_true (wsp_import_dialog_import (import, &error));
  g_assert_no_error (error);
  g_assert_true (wait_for (import_done, import));
  gtk_window_destroy (GTK_WINDOW (import));
  g_object_unref (import);
  wsp_test_iterate ();
  run_for (300);

  /* Who replied, and the comment hers. */
  g_assert_true (g_str_has_prefix (row_says (GTK_WIDGET (view), "Anna Kowalczyk"), "Replied "));
  g_assert_true (g_str_has_suffix (row_says (GTK_WIDGET (view), "Anna Kowalczyk"), ", 1 comment"));
  g_assert_cmpstr (row_says (GTK_WIDGET (view), "Piotr Lewandowski"), ==, "Not replied yet");
  {
    WspDraftDetail *detail = wsp_draft_page_get_detail (wsp_drafts_view_get_page (view));
    GPtrArray *comments = wsp_draft_detail_get_comments (detail);
    WspCommentEntry *entry;

    g_assert_cmpuint (comments->len, ==, 1);
    entry = g_ptr_array_index (comments, 0);
    g_assert_nonnull (strstr (wsp_comment_entry_get_author (entry), "Anna Kowalczyk"));
    g_assert_cmpstr (wsp_record_get_string (wsp_comment_entry_get_info (entry)->comment, "author_id"), ==, anna);
  }
  wsp_test_shot (GTK_WIDGET (window), "review-replied");

  /* Her name on another laptop: refused, already in the preview. */
  wsp_import_report_clear (&report);
  g_assert_true (wsp_sync_import_file (other_laptop, review_path, WSP_IMPORT_TRUST_NEW, &report, &error));
  g_assert_true (wsp_review_set_reviewer (other_laptop, anna, &error));
  {
    g_autoptr (WspRecord) forged = wsp_review_add_comment (other_laptop, draft_id, "§ 1", NULL, "Podrobiona.", NULL,
                                                           &error);
    g_assert_nonnull (forged);
  }
  g_assert_true (wsp_review_send_reply (other_laptop, draft_id, forged_path, NULL, NULL, &error));
  g_assert_no_error (error);
  import = g_object_ref_sink (wsp_import_dialog_new (secretary));
  {
    g_autoptr (GFile) file = g_file_new_for_path (forged_path);
    wsp_import_dialog_load_file (import, file);
  }
  g_assert_true (wait_for (preview_ready, import));
  g_assert_cmpstr (wsp_import_dialog_get_state (import), ==, "refused");
  g_assert_nonnull (strstr (wsp_import_dialog_get_refusal (import), "Anna Kowalczyk"));
  g_assert_nonnull (strstr (wsp_import_dialog_get_refusal (import), "another laptop"));
  gtk_window_present (GTK_WINDOW (import));
  wsp_test_shot (GTK_WIDGET (import), "review-forged");
  gtk_window_destroy (GTK_WINDOW (import));
  g_object_unref (import);

  gtk_window_destroy (GTK_WINDOW (anna_window));
  gtk_window_destroy (GTK_WINDOW (window));
  wsp_test_iterate ();
  g_clear_object (&secretary);
  g_clear_object (&anna_laptop);
  g_clear_object (&other_laptop);
  wsp_test_remove_tree (dir);
}

/* The reviewer's first run and the draft it opens, @width wide (the
 * pictures, in the language of WSPOLNIE_TEST_LOCALE). */
static void
first_run_at (int width)
{
  g_autofree char *dir = g_dir_make_tmp ("wsp-review-gui-XXXXXX", NULL);
  g_autofree char *review_path = g_build_filename (dir, "review" WSP_PACKET_SUFFIX, NULL);
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "drafts", "gui-programme.odt", NULL);
  g_autoptr (WspStore) secretary = wsp_test_open_store (dir, "secretary.sqlite3");
  g_autoptr (WspStore) laptop = wsp_test_open_store (dir, "member.sqlite3");
  g_autoptr (GFile) odt = g_file_new_for_path (source);
  g_autoptr (WspRecord) draft = WSP_RECORD (wsp_draft_new ());
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *fingerprint = NULL;
  WspWindow *window;

  g_assert_true (wsp_demo_fill (secretary, &error));
  text = wsp_draft_read_file (odt, NULL, &error);
  wsp_record_set_string (draft, "title", "Projekt uchwały w sprawie Programu współpracy na rok 2028");
  g_assert_true (wsp_draft_register (secretary, draft, text, "gui-programme.odt", NULL, &error));
  g_assert_true (wsp_review_send (secretary, wsp_record_get_id (draft), NULL, NULL, FALSE, review_path, NULL, &error));
  g_assert_no_error (error);
  fingerprint = wsp_sync_dup_fingerprint (secretary, NULL);
  window = first_run (laptop, review_path, "Małgorzata Nowak", fingerprint, width);
  wsp_test_shot (GTK_WIDGET (window), width < 600 ? "review-first-draft-narrow" : "review-first-draft-wide");
  /* The laptop opens on the draft again next time, still the member's. */
  gtk_window_destroy (GTK_WINDOW (window));
  wsp_test_iterate ();
  window = wsp_window_new (GTK_APPLICATION (app), laptop);
  g_assert_true (wsp_window_get_reviewing (window));
  gtk_window_destroy (GTK_WINDOW (window));
  wsp_test_iterate ();
  g_clear_object (&secretary);
  g_clear_object (&laptop);
  wsp_test_remove_tree (dir);
}

static void
test_first_run_narrow (void)
{
  first_run_at (360);
}

static void
test_first_run_wide (void)
{
  first_run_at (1200);
}

int
main (int   argc,
      char *argv[])
{
  int status;
  g_autofree char *data_home = g_dir_make_tmp ("wsp-review-gui-home-XXXXXX", NULL);

  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  /* The words the test looks for are English; WSPOLNIE_TEST_LOCALE renders
   * the pictures in another language. */
  g_setenv ("LC_ALL", g_getenv ("WSPOLNIE_TEST_LOCALE") != NULL ? g_getenv ("WSPOLNIE_TEST_LOCALE") : "C.UTF-8", TRUE);
  setlocale (LC_ALL, "");
  if (g_getenv ("WSPOLNIE_LOCALEDIR") != NULL)
    bindtextdomain (GETTEXT_PACKAGE, g_getenv ("WSPOLNIE_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_test_init (&argc, &argv, NULL);

  app = wsp_test_start_app ();
  if (app == NULL)
    return 77;
  g_test_add_func ("/review-gui/review-and-reply", test_review_and_reply);
  g_test_add_func ("/review-gui/first-run-narrow", test_first_run_narrow);
  g_test_add_func ("/review-gui/first-run-wide", test_first_run_wide);
  status = g_test_run ();
  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  wsp_test_remove_tree (data_home);
  return status;
}
