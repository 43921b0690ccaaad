/* test-window.c — the application window under a real display (Xvfb in CI)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "council/wsp-council-view.h"
#include "demo/wsp-demo.h"
#include "drafts/wsp-drafts-view.h"
#include "meetings/wsp-meetings-view.h"
#include "records/wsp-records-drafts.h"
#include "records/wsp-records-meetings.h"
#include "records/wsp-records-votes.h"
#include "votes/wsp-votes-view.h"
#include "widgets/wsp-list-view.h"
#include "wsp-application.h"
#include "wsp-view.h"
#include "wsp-preferences-window.h"
#include "wsp-screenshot.h"
#include "wsp-test-gui.h"
#include "wsp-test-util.h"
#include "wsp-window.h"

static WspApplication *app;

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;
  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @cond holds or five seconds pass. */
static gboolean
wait_for (gboolean (*cond) (gpointer), gpointer data)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (5000, timeout_cb, &timed_out);

  while (!cond (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  return cond (data);
}




static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

static WspWindow *
new_window (int width, int height)
{
  WspWindow *window = wsp_window_new (GTK_APPLICATION (app), wsp_application_get_store (app));

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (wait_for (is_mapped, window));
  wsp_test_settle (GTK_WIDGET (window));
  return window;
}

static guint
file_hash (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr (GBytes) bytes = NULL;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  bytes = g_bytes_new (contents, length);
  return g_bytes_hash (bytes);
}

static void
test_switch_and_render_views (void)
{
  WspWindow *window = new_window (1100, 740);
  g_autofree char *dir = g_dir_make_tmp ("wsp-views-XXXXXX", NULL);
  const char * const *names = wsp_window_get_view_names ();
  g_autoptr (GHashTable) hashes = g_hash_table_new (NULL, NULL);

  g_assert_cmpuint (g_strv_length ((char **) names), ==, 5);
  g_assert_cmpstr (wsp_window_get_visible_view (window), ==, "meetings");

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/%s.png", dir, names[i]);
      g_autoptr (GError) error = NULL;
      g_autoptr (GdkTexture) texture = NULL;
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (window), "view");
      g_autoptr (GVariant) state = NULL;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", names[i]));
      wsp_test_settle (GTK_WIDGET (window));
      g_assert_cmpstr (wsp_window_get_visible_view (window), ==, names[i]);
      g_assert_true (gtk_widget_get_mapped (wsp_window_get_view (window, names[i])));
      state = g_action_get_state (action);
      g_assert_cmpstr (g_variant_get_string (state, NULL), ==, names[i]);

      g_assert_true (wsp_screenshot_widget_to_png (GTK_WIDGET (window), path, &error));
      g_assert_no_error (error);
      texture = gdk_texture_new_from_filename (path, &error);
      g_assert_no_error (error);
      g_assert_cmpint (gdk_texture_get_width (texture), ==,
                       gtk_widget_get_width (GTK_WIDGET (window)));
      /* Each view draws something of its own. */
      g_hash_table_add (hashes, GUINT_TO_POINTER (file_hash (path)));
      g_assert_cmpuint (g_hash_table_size (hashes), ==, i + 1);
      g_unlink (path);
    }
  g_rmdir (dir);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_unknown_view_is_refused (void)
{
  WspWindow *window = new_window (800, 600);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "nowhere");
  g_assert_cmpstr (wsp_window_get_visible_view (window), ==, "meetings");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_narrow_window_uses_bottom_bar (void)
{
  WspWindow *wide = new_window (1100, 740);
  WspWindow *narrow = new_window (360, 640);

  g_assert_false (wsp_window_is_narrow (wide));
  g_assert_true (wsp_window_is_narrow (narrow));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (narrow)), <=, 400);
  gtk_window_destroy (GTK_WINDOW (wide));
  gtk_window_destroy (GTK_WINDOW (narrow));
}

static void
test_size_is_remembered (void)
{
  GSettings *settings = wsp_application_get_settings (app);
  WspWindow *window;
  int width, height;

  g_settings_set_int (settings, "window-width", 900);
  g_settings_set_int (settings, "window-height", 650);
  window = wsp_window_new (GTK_APPLICATION (app), wsp_application_get_store (app));
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 650);

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (wait_for (is_mapped, window));
  gtk_window_close (GTK_WINDOW (window));
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1000);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 700);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
}

static GtkWindow *
find_toplevel (GType type)
{
  g_autoptr (GListModel) toplevels = g_object_ref (gtk_window_get_toplevels ());

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (toplevels, i);
      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static void
test_menu_windows (void)
{
  WspWindow *window = new_window (800, 600);
  GtkWindow *about, *prefs;
  GtkShortcutsWindow *shortcuts;
  GSettings *settings = wsp_application_get_settings (app);

  g_settings_set_string (settings, "laptop-name", "Laptop sekretariatu");
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  prefs = find_toplevel (WSP_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (prefs);
  g_assert_true (gtk_window_get_transient_for (prefs) == GTK_WINDOW (window));
  gtk_window_destroy (prefs);

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  about = find_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (about);
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  gtk_window_destroy (about);

  shortcuts = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_assert_nonnull (shortcuts);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));
  gtk_window_close (GTK_WINDOW (shortcuts));

  {
    g_auto (GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.quit");
    g_assert_cmpstr (accels[0], ==, "<Control>q");
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_preferences_edit_laptop_name (void)
{
  GSettings *settings = wsp_application_get_settings (app);
  WspPreferencesWindow *prefs = wsp_preferences_window_new (wsp_application_get_settings (app), wsp_application_get_store (app));
  GtkEditable *row;

  g_settings_set_string (settings, "laptop-name", "Laptop A");
  row = GTK_EDITABLE (wsp_preferences_window_get_laptop_name_row (prefs));
  g_assert_cmpstr (gtk_editable_get_text (row), ==, "Laptop A");
  gtk_editable_set_text (row, "Biuro NGO");
  {
    g_autofree char *name = g_settings_get_string (settings, "laptop-name");
    g_assert_cmpstr (name, ==, "Biuro NGO");
  }
  gtk_window_destroy (GTK_WINDOW (prefs));
}

/* Every view of the table is a view (WspView), and the four list views show
 * what the demo data holds: no view says "nothing yet" when there is data. */
static void
test_views_show_the_data (void)
{
  g_autofree char *dir = g_dir_make_tmp ("wsp-views-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "demo.sqlite3", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (WspStore) store = wsp_store_open (path, &error);
  const char * const *names = wsp_window_get_view_names ();
  WspDraftsView *drafts_view;
  WspVotesView *votes;
  WspWindow *window;
  WspMeetingsPage *forum, *council;
  guint all_meetings = 0;

  g_assert_no_error (error);
  window = wsp_window_new (GTK_APPLICATION (app), store);
  for (guint i = 0; names[i] != NULL; i++)
    g_assert_true (WSP_IS_VIEW (wsp_window_get_view (window, names[i])));
  forum = wsp_meetings_view_get_page (WSP_MEETINGS_VIEW (wsp_window_get_view (window, "meetings")));
  council = wsp_council_view_get_meetings (WSP_COUNCIL_VIEW (wsp_window_get_view (window, "council")));
  /* Empty at first; the demo data arrives in one commit, and the lists follow. */
  drafts_view = WSP_DRAFTS_VIEW (wsp_window_get_view (window, "drafts"));
  wsp_drafts_view_ensure_loaded (drafts_view);
  g_assert_true (wsp_drafts_view_is_empty (drafts_view));
  g_assert_true (wsp_meetings_page_is_empty (forum));
  g_assert_true (wsp_meetings_page_is_empty (council));
  votes = WSP_VOTES_VIEW (wsp_window_get_view (window, "votes"));
  g_assert_cmpuint (g_list_model_get_n_items (wsp_votes_view_get_ballots (votes)), ==, 0);
  g_assert_true (wsp_demo_fill (store, &error));
  g_assert_no_error (error);

  /* Every ballot and every election is listed in the Votes view. */
  g_assert_cmpuint (g_list_model_get_n_items (wsp_votes_view_get_ballots (votes)), ==,
                    wsp_store_count (store, WSP_TYPE_BALLOT) + wsp_store_count (store, WSP_TYPE_ELECTION));
  g_assert_cmpuint (wsp_store_count (store, WSP_TYPE_ELECTION), >, 0);
  g_assert_cmpuint (wsp_store_count (store, WSP_TYPE_BALLOT), >, 0);
  /* The Forum's and the Council's meetings, between them, are all of them. */
  g_assert_false (wsp_meetings_page_is_empty (forum));
  g_assert_false (wsp_meetings_page_is_empty (council));
  all_meetings = g_list_model_get_n_items (wsp_meetings_page_get_model (forum))
                 + g_list_model_get_n_items (wsp_meetings_page_get_model (council));
  g_assert_cmpuint (all_meetings, ==, wsp_store_count (store, WSP_TYPE_MEETING));

  /* The drafts, by urgency. */
  g_assert_false (wsp_drafts_view_is_empty (drafts_view));
  g_assert_cmpuint (g_list_model_get_n_items (wsp_drafts_view_get_list_model (drafts_view)), ==,
                    wsp_store_count (store, WSP_TYPE_DRAFT));

  /* The search of the drafts by keys: test_keys. */
  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&store);
  wsp_test_remove_tree (dir);
}

/* The keys work as a person presses them, wherever the focus is: Alt+3
 * shows the third view, Ctrl+F puts the focus in its search, what is typed
 * narrows the list, Escape clears it. */
static void
test_keys (void)
{
  g_autofree char *dir = g_dir_make_tmp ("wsp-keys-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "demo.sqlite3", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (WspStore) store = wsp_store_open (path, &error);
  WspWindow *window;
  WspDraftsView *drafts;
  GtkWidget *focus;
  guint all;

  g_assert_no_error (error);
  g_assert_true (wsp_demo_fill (store, &error));
  window = wsp_window_new (GTK_APPLICATION (app), store);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  wsp_test_focus_window (GTK_WINDOW (window));

  wsp_test_press (GTK_WINDOW (window), "<Alt>3");
  g_assert_cmpstr (wsp_window_get_visible_view (window), ==, "drafts");
  drafts = WSP_DRAFTS_VIEW (wsp_window_get_view (window, "drafts"));
  all = g_list_model_get_n_items (wsp_drafts_view_get_list_model (drafts));
  g_assert_cmpuint (all, >=, 2);

  wsp_test_press (GTK_WINDOW (window), "<Control>f");
  focus = gtk_window_get_focus (GTK_WINDOW (window));
  g_assert_nonnull (focus);
  g_assert_nonnull (gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_ENTRY));
  wsp_test_type (GTK_WINDOW (window), "zarzadzenia");
  {
    /* The entry tells its change after a short pause. */
    gint64 end = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;
    while (g_list_model_get_n_items (wsp_drafts_view_get_list_model (drafts)) == all && g_get_monotonic_time () < end)
      g_main_context_iteration (NULL, TRUE);
  }
  g_assert_cmpuint (g_list_model_get_n_items (wsp_drafts_view_get_list_model (drafts)), ==, 1);

  wsp_test_press (GTK_WINDOW (window), "Escape");
  {
    gint64 end = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;
    while (g_list_model_get_n_items (wsp_drafts_view_get_list_model (drafts)) != all && g_get_monotonic_time () < end)
      g_main_context_iteration (NULL, TRUE);
  }
  g_assert_cmpuint (g_list_model_get_n_items (wsp_drafts_view_get_list_model (drafts)), ==, all);

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&store);
  wsp_test_remove_tree (dir);
}

static gboolean
message_dialog_shown (gpointer data)
{
  return wsp_test_find_window (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static gboolean
file_written (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

/* F1, pressed as a person does: the help opens in Yelp, from the build tree
 * for an uninstalled build; without Yelp a dialog says what to install. */
static void
test_help_key (void)
{
  g_autofree char *dir = g_dir_make_tmp ("wsp-help-XXXXXX", NULL);
  g_autofree char *yelp = g_build_filename (dir, "yelp", NULL);
  g_autofree char *called = g_build_filename (dir, "called", NULL);
  g_autofree char *script = g_strdup_printf ("#!/bin/sh\necho \"$@\" > '%s'\n", called);
  g_autofree char *help = g_strconcat (SOURCE_ROOT, "/help", NULL);
  g_autofree char *old_path = g_strdup (g_getenv ("PATH"));
  g_autofree char *shown = NULL;
  WspWindow *window = new_window (800, 600);
  GtkWindow *dialog;

  g_assert_true (g_file_set_contents (yelp, script, -1, NULL));
  g_chmod (yelp, 0755);
  g_setenv ("WSPOLNIE_HELPDIR", help, TRUE);
  g_setenv ("PATH", dir, TRUE);
  wsp_test_focus_window (GTK_WINDOW (window));
  wsp_test_press (GTK_WINDOW (window), "F1");
  g_assert_true (wsp_test_wait (file_written, called, 5));
  g_assert_true (g_file_get_contents (called, &shown, NULL, NULL));
  g_assert_nonnull (strstr (shown, "/help/C"));

  /* No Yelp: a dialog says what to do. */
  g_unlink (yelp);
  wsp_test_press (GTK_WINDOW (window), "F1");
  g_assert_true (wsp_test_wait (message_dialog_shown, NULL, 5));
  dialog = wsp_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "yelp"));
  wsp_test_shot (GTK_WIDGET (dialog), "help-missing");
  wsp_test_click_label (GTK_WIDGET (dialog), "_Close");

  g_setenv ("PATH", old_path, TRUE);
  g_unsetenv ("WSPOLNIE_HELPDIR");
  gtk_window_destroy (GTK_WINDOW (window));
  wsp_test_remove_tree (dir);
}

/* About shows the application's icon, also from the build tree; the
 * shortcuts window lists the keys of export and import. */
static void
test_about_and_shortcuts (void)
{
  WspWindow *window = new_window (800, 600);
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (window)));
  GtkShortcutsWindow *shortcuts = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  GtkWindow *about;
  guint found = 0;

  g_assert_true (gtk_icon_theme_has_icon (theme, APP_ID));
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  about = find_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_cmpstr (adw_about_window_get_application_icon (ADW_ABOUT_WINDOW (about)), ==, APP_ID);
  wsp_test_shot (GTK_WIDGET (about), "about");
  gtk_window_destroy (about);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  for (GtkWidget *w = GTK_WIDGET (shortcuts); w != NULL;)
    {
      if (GTK_IS_SHORTCUTS_SHORTCUT (w))
        {
          g_autofree char *title = NULL;
          g_autofree char *accelerator = NULL;

          g_object_get (w, "title", &title, "accelerator", &accelerator, NULL);
          /* (The window's search page holds copies of them.) */
          if (g_strcmp0 (title, "Export for another laptop") == 0 && g_strcmp0 (accelerator, "<Control>e") == 0)
            found |= 1;
          if (g_strcmp0 (title, "Import from another laptop") == 0 && g_strcmp0 (accelerator, "<Control>o") == 0)
            found |= 2;
          if (g_strcmp0 (title, "Undo a delete or a decision") == 0 && g_strcmp0 (accelerator, "<Control>z") == 0)
            found |= 4;
        }
      if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != NULL && gtk_widget_get_next_sibling (w) == NULL)
            w = gtk_widget_get_parent (w);
          if (w != NULL)
            w = gtk_widget_get_next_sibling (w);
        }
    }
  g_assert_cmpuint (found, ==, 7);
  wsp_test_shot (GTK_WIDGET (shortcuts), "shortcuts");
  gtk_window_close (GTK_WINDOW (shortcuts));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Who the Council advises is chosen in Preferences, and names its sides;
 * the laptop's default name (the computer's) is said as such. */
static void
test_preferences_executive (void)
{
  GSettings *settings = wsp_application_get_settings (app);
  WspPreferencesWindow *prefs;
  g_autofree char *executive = NULL;

  g_settings_set_string (settings, "laptop-name", "");
  prefs = wsp_preferences_window_new (settings, wsp_application_get_store (app));
  gtk_window_present (GTK_WINDOW (prefs));
  g_assert_nonnull (strstr (wsp_preferences_window_get_laptop_description (prefs), g_get_host_name ()));
  adw_combo_row_set_selected (ADW_COMBO_ROW (wsp_preferences_window_get_executive_row (prefs)), 2);
  executive = g_settings_get_string (settings, "executive");
  g_assert_cmpstr (executive, ==, "commune_head");
  wsp_test_shot (GTK_WIDGET (prefs), "preferences");
  g_settings_reset (settings, "executive");
  gtk_window_destroy (GTK_WINDOW (prefs));
}

int
main (int argc, char *argv[])
{
  int status;

  g_autofree char *data_home = g_dir_make_tmp ("wsp-gui-XXXXXX", NULL);

  /* The default database goes to a private, throw-away data directory. */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_test_init (&argc, &argv, NULL);

  app = wsp_test_start_app ();
  if (app == NULL)
    return 77;

  g_test_add_func ("/window/views", test_switch_and_render_views);
  g_test_add_func ("/window/unknown-view", test_unknown_view_is_refused);
  g_test_add_func ("/window/views-show-the-data", test_views_show_the_data);
  g_test_add_func ("/window/keys", test_keys);
  g_test_add_func ("/window/narrow", test_narrow_window_uses_bottom_bar);
  g_test_add_func ("/window/size-remembered", test_size_is_remembered);
  g_test_add_func ("/window/menu-windows", test_menu_windows);
  g_test_add_func ("/window/preferences", test_preferences_edit_laptop_name);
  g_test_add_func ("/window/preferences-executive", test_preferences_executive);
  g_test_add_func ("/window/help-key", test_help_key);
  g_test_add_func ("/window/about-and-shortcuts", test_about_and_shortcuts);

  status = g_test_run ();
  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  return status;
}
