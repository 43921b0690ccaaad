/* test-sync-gui.c — keeping two laptops in step through the windows
 *
 * Exports from one database, imports into another through the preview
 * (with the fingerprint comparison of a new laptop), makes a conflict,
 * resolves it in the conflicts dialog, and sees the resolution travel back;
 * then a packet dropped into a watched shared folder is imported by itself.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "wsp-test-util.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "wsp-application.h"
#include "members/wsp-members-page.h"
#include "sync/wsp-conflicts-dialog.h"
#include "sync/wsp-export-dialog.h"
#include "sync/wsp-import-dialog.h"
#include "records/wsp-records-members.h"
#include "sync/wsp-sync.h"
#include "wsp-test-gui.h"
#include "wsp-window.h"

static WspApplication *app;
static WspStore *laptop_b;
static char *tmp;
static char *org_id;

static void
iterate (void)
{
  for (int i = 0; i < 50 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

static char *
newest_packet (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  char *best = NULL;
  gint64 best_time = -1;

  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      GStatBuf st;

      if (!g_str_has_suffix (name, WSP_PACKET_SUFFIX) || g_stat (path, &st) != 0)
        continue;
      if ((gint64) st.st_mtime >= best_time)
        {
          g_free (best);
          best = g_steal_pointer (&path);
          best_time = st.st_mtime;
        }
    }
  return best;
}

/* The preview is worked out in a thread: wait until it is shown. */
static void
wait_preview (WspImportDialog *dialog)
{
  gint64 end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (g_strcmp0 (wsp_import_dialog_get_state (dialog), "empty") == 0
         && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (wsp_import_dialog_get_state (dialog), !=, "empty");
}



static void
count_change (guint      *changes,
              WspChanges *what)
{
  if (wsp_changes_has_entity (what, "organisation"))
    (*changes)++;
}

static void
set_phone (WspStore *store, const char *phone)
{
  g_autoptr (WspRecord) org = wsp_store_get (store, org_id, NULL);
  g_autoptr (GError) error = NULL;

  g_assert_nonnull (org);
  wsp_record_set_string (org, "phone", phone);
  g_assert_true (wsp_store_save (store, org, &error));
  g_assert_no_error (error);
}

static void
test_exchange_and_resolve (void)
{
  WspStore *laptop_a = wsp_application_get_store (app);
  WspWindow *window = wsp_window_new (GTK_APPLICATION (app), wsp_application_get_store (app));
  g_autofree char *out_a = g_build_filename (tmp, "from-a", NULL);
  g_autofree char *out_b = g_build_filename (tmp, "from-b", NULL);
  g_autoptr (WspRecord) org = WSP_RECORD (wsp_organisation_new ());
  g_autoptr (GError) error = NULL;
  g_auto (WspExportReport) exported = { 0 };
  WspExportDialog *export;
  WspImportDialog *import;
  WspConflictsDialog *conflicts;

  gtk_window_present (GTK_WINDOW (window));
  g_mkdir (out_a, 0700);
  g_mkdir (out_b, 0700);
  wsp_record_set_string (org, "name", "Stowarzyszenie Wspólna Sprawa");
  g_assert_true (wsp_store_save (laptop_a, org, &error));
  org_id = g_strdup (wsp_record_get_id (org));

  /* A exports everything through its window; the file is written in a
   * thread, as the Save button does it, and the dialog closes when done. */
  export = g_object_ref (WSP_EXPORT_DIALOG (wsp_window_show_export (window)));
  g_assert_cmpuint (wsp_export_dialog_get_n_choices (export), ==, 1);
  /* Unnamed, this laptop is the computer: said so, and the file's name says
   * whose it is and when. */
  {
    g_autofree char *name = wsp_export_dialog_suggest_name (export);

    g_assert_true (g_str_has_prefix (name, "wspolnie-"));
    g_assert_true (g_str_has_suffix (name, WSP_PACKET_SUFFIX));
    g_assert_null (strstr (name, "for"));
  }
  wsp_test_shot (GTK_WIDGET (export), "export");
  wsp_export_dialog_export_to_async (export, out_a);
  {
    gint64 end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
    while (gtk_widget_get_visible (GTK_WIDGET (export)) && g_get_monotonic_time () < end)
      g_main_context_iteration (NULL, TRUE);
  }
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (export)));
  g_object_unref (export);
  {
    g_autofree char *written = newest_packet (out_a);
    g_assert_nonnull (written);
  }

  /* B previews it: a new laptop; nothing changes until the fingerprint is compared. */
  import = wsp_import_dialog_new (laptop_b);
  {
    g_autofree char *path = newest_packet (out_a);
    g_autoptr (GFile) file = g_file_new_for_path (path);
    wsp_import_dialog_load_file (import, file);
  }
  wait_preview (import);
  g_assert_cmpstr (wsp_import_dialog_get_state (import), ==, "preview");
  gtk_window_present (GTK_WINDOW (import));
  wsp_test_shot (GTK_WIDGET (import), "import-preview");
  g_assert_true (wsp_import_dialog_get_preview (import)->new_laptop);
  g_assert_cmpuint (wsp_import_report_count ((WspImportReport *) wsp_import_dialog_get_preview (import),
                                             "organisation", WSP_OUTCOME_NEW), ==, 1);
  /* The preview names the records, not only counts them. */
  {
    g_autoptr (GPtrArray) listed = wsp_import_dialog_dup_listed (import, WSP_OUTCOME_NEW);

    g_assert_cmpuint (listed->len, ==, 1);
    g_assert_cmpstr (g_ptr_array_index (listed, 0), ==, "Stowarzyszenie Wspólna Sprawa");
  }
  g_assert_null (wsp_store_get (laptop_b, org_id, NULL));
  g_assert_false (wsp_import_dialog_import (import, &error));
  g_assert_error (error, WSP_SYNC_ERROR, WSP_SYNC_ERROR_UNKNOWN_LAPTOP);
  g_clear_error (&error);
  wsp_import_dialog_confirm_fingerprint (import, TRUE);
  g_object_ref_sink (import);
  g_assert_true (wsp_import_dialog_import (import, &error));
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (import));
  g_object_unref (import);
  {
    g_autoptr (WspRecord) copy = wsp_store_get (laptop_b, org_id, NULL);
    g_assert_nonnull (copy);
  }

  /* Both change the same phone number: a conflict. */
  set_phone (laptop_a, "32 111 11 11");
  set_phone (laptop_b, "32 222 22 22");
  g_assert_true (wsp_sync_export (laptop_b, out_b, NULL, TRUE, NULL, &error));
  {
    g_autofree char *path = newest_packet (out_b);
    g_autoptr (GFile) file = g_file_new_for_path (path);
    GtkWindow *preview = wsp_window_open_packet (window, file);

    wait_preview (WSP_IMPORT_DIALOG (preview));
    g_assert_cmpstr (wsp_import_dialog_get_state (WSP_IMPORT_DIALOG (preview)), ==, "preview");
    g_assert_cmpuint (wsp_import_report_count ((WspImportReport *) wsp_import_dialog_get_preview (WSP_IMPORT_DIALOG (preview)),
                                               "organisation", WSP_OUTCOME_CONFLICT), ==, 1);
    {
      g_autoptr (GPtrArray) listed = wsp_import_dialog_dup_listed (WSP_IMPORT_DIALOG (preview), WSP_OUTCOME_CONFLICT);

      g_assert_cmpuint (listed->len, ==, 1);
      g_assert_cmpstr (g_ptr_array_index (listed, 0), ==, "Stowarzyszenie Wspólna Sprawa");
    }
    wsp_test_shot (GTK_WIDGET (preview), "import-preview-conflict");
    wsp_import_dialog_confirm_fingerprint (WSP_IMPORT_DIALOG (preview), TRUE);
    g_assert_true (wsp_import_dialog_import (WSP_IMPORT_DIALOG (preview), &error));
    g_assert_no_error (error);
  }
  iterate ();
  g_assert_cmpuint (wsp_store_count_conflicts (laptop_a), ==, 1);
  g_assert_true (wsp_window_get_conflicts_shown (window));

  /* The organisation's own detail says it waits, with the way to resolve it. */
  {
    WspMembersPage *page = WSP_MEMBERS_PAGE (wsp_window_get_view (window, "members"));

    gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "members");
    g_assert_true (wsp_members_page_select (page, org_id));
    wsp_test_settle (GTK_WIDGET (window));
    /* (The page's own button, not the window's banner.) */
    g_assert_nonnull (wsp_test_find_button (GTK_WIDGET (page), "_Resolve…"));
    wsp_test_shot (GTK_WIDGET (window), "organisation-conflict");
  }

  /* A person chooses B's number on A. */
  wsp_test_shot (GTK_WIDGET (window), "conflicts-banner");
  conflicts = WSP_CONFLICTS_DIALOG (wsp_window_show_conflicts (window));
  g_assert_cmpuint (wsp_conflicts_dialog_get_n_records (conflicts), ==, 1);
  wsp_test_shot (GTK_WIDGET (conflicts), "conflicts");
  {
    g_autoptr (JsonObject) c = wsp_test_conflicts_json (laptop_a, org_id, NULL);
    JsonArray *candidates = json_object_get_array_member (c, "phone");
    guint index = g_str_equal (json_object_get_string_member (json_array_get_object_element (candidates, 0), "value"),
                               "32 222 22 22") ? 0 : 1;

    g_assert_true (wsp_conflicts_dialog_choose (conflicts, 0, "phone", index));
  }
  g_assert_true (wsp_conflicts_dialog_resolve (conflicts, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (wsp_conflicts_dialog_get_n_records (conflicts), ==, 0);
  gtk_window_destroy (GTK_WINDOW (conflicts));
  iterate ();
  g_assert_cmpuint (wsp_store_count_conflicts (laptop_a), ==, 0);
  g_assert_false (wsp_window_get_conflicts_shown (window));

  /* The resolution travels back to B, in a file made just for B. */
  export = WSP_EXPORT_DIALOG (wsp_window_show_export (window));
  g_assert_cmpuint (wsp_export_dialog_get_n_choices (export), ==, 2);
  /* B is a row of its own, chosen by its radio button, and named in the file. */
  wsp_test_iterate ();
  g_assert_true (gtk_widget_activate (wsp_export_dialog_get_choice (export, 1)));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (wsp_export_dialog_get_choice (export, 1))));
  {
    g_autofree char *name = wsp_export_dialog_suggest_name (export);
    g_assert_nonnull (strstr (name, "-for-laptop-rady-"));
  }
  wsp_test_shot (GTK_WIDGET (export), "export-for-b");
  g_assert_true (wsp_export_dialog_export_to (export, out_a, &exported, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (exported.revisions, <, 4);
  gtk_window_destroy (GTK_WINDOW (export));
  import = g_object_ref_sink (wsp_import_dialog_new (laptop_b));
  {
    g_autoptr (GFile) file = g_file_new_for_path (exported.path);
    wsp_import_dialog_load_file (import, file);
  }
  wait_preview (import);
  g_assert_false (wsp_import_dialog_get_preview (import)->new_laptop);
  /* The real import runs in a thread: the Import button is clicked. */
  {
    guint changes = 0;
    gint64 end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
    gulong id = g_signal_connect_swapped (laptop_b, "changed",
                                          G_CALLBACK (count_change), &changes);

    gtk_window_present (GTK_WINDOW (import));
    wsp_test_iterate ();
    wsp_test_click_label (GTK_WIDGET (import), "_Import");
    while (g_strcmp0 (wsp_import_dialog_get_state (import), "working") == 0
           && g_get_monotonic_time () < end)
      g_main_context_iteration (NULL, TRUE);
    g_assert_cmpstr (wsp_import_dialog_get_state (import), ==, "done");
    /* The window's store heard about what the thread wrote. */
    g_assert_cmpuint (changes, >=, 1);
    g_signal_handler_disconnect (laptop_b, id);
  }
  gtk_window_destroy (GTK_WINDOW (import));
  g_object_unref (import);
  {
    g_autoptr (WspRecord) on_b = wsp_store_get (laptop_b, org_id, NULL);
    g_assert_cmpstr (wsp_record_get_string (on_b, "phone"), ==, "32 222 22 22");
    g_assert_false (wsp_record_get_conflicted (on_b));
  }
  g_assert_cmpuint (wsp_store_count_conflicts (laptop_b), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The first widget of @type under @root whose label is @label (any, for
 * NULL): what a person sees and clicks. */
static GtkWidget *
find_widget (GtkWidget  *root,
             GType       type,
             const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) && gtk_widget_get_mapped (child))
        {
          const char *text = GTK_IS_CHECK_BUTTON (child) ? gtk_check_button_get_label (GTK_CHECK_BUTTON (child))
                             : GTK_IS_BUTTON (child)     ? gtk_button_get_label (GTK_BUTTON (child))
                                                         : NULL;
          if (label == NULL || g_strcmp0 (text, label) == 0)
            return child;
        }
      found = find_widget (child, type, label);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
add_org (WspStore *store, const char *name, const char *krs)
{
  g_autoptr (WspRecord) org = WSP_RECORD (wsp_organisation_new ());
  g_autoptr (GError) error = NULL;

  wsp_record_set_string (org, "name", name);
  wsp_record_set_string (org, "krs", krs);
  g_assert_true (wsp_store_save (store, org, &error));
  g_assert_no_error (error);
}

/* Both secretaries typed the same organisations in: the preview says which
 * are held here already, and the import, clicked through as a person does,
 * leaves one of each. */
static void
test_same_organisations (void)
{
  g_autofree char *dir = g_build_filename (tmp, "same", NULL);
  g_autofree char *path_c = g_build_filename (dir, "c.sqlite3", NULL);
  g_autofree char *path_d = g_build_filename (dir, "d.sqlite3", NULL);
  g_autoptr (WspStore) c = NULL;
  g_autoptr (WspStore) d = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (WspExportReport) exported = { 0 };
  WspImportDialog *import;
  GtkWidget *check, *button;
  gint64 end;

  g_mkdir (dir, 0700);
  c = wsp_store_open (path_c, &error);
  d = wsp_store_open (path_d, &error);
  g_assert_no_error (error);
  g_assert_true (wsp_sync_set_laptop_name (c, "Biuro & Forum", &error));
  for (guint i = 0; i < 2; i++)
    {
      WspStore *s = i == 0 ? c : d;

      add_org (s, "Stowarzyszenie Jeden", "0000111111");
      add_org (s, "Fundacja Dwa", "0000222222");
      add_org (s, "Klub Trzy", "0000333333");
    }
  g_assert_true (wsp_sync_export (c, dir, NULL, TRUE, &exported, &error));

  import = g_object_ref_sink (wsp_import_dialog_new (d));
  {
    g_autoptr (GFile) file = g_file_new_for_path (exported.path);
    wsp_import_dialog_load_file (import, file);
  }
  wait_preview (import);
  /* Tall enough for the picture to show the records held here already. */
  gtk_window_set_default_size (GTK_WINDOW (import), 520, 980);
  gtk_window_present (GTK_WINDOW (import));
  wsp_test_settle (GTK_WIDGET (import));
  wsp_test_shot (GTK_WIDGET (import), "import-same");
  g_assert_cmpuint (wsp_import_dialog_get_preview (import)->same->len, ==, 3);

  /* She compares the fingerprint, ticks the box and clicks Import. */
  check = find_widget (GTK_WIDGET (import), GTK_TYPE_CHECK_BUTTON, NULL);
  g_assert_nonnull (check);
  button = find_widget (GTK_WIDGET (import), GTK_TYPE_BUTTON, _("_Import"));
  if (button == NULL)
    button = find_widget (GTK_WIDGET (import), GTK_TYPE_BUTTON, _("Import"));
  g_assert_nonnull (button);
  g_assert_false (gtk_widget_get_sensitive (button));
  gtk_widget_activate (check);
  wsp_test_settle (GTK_WIDGET (import));
  g_assert_true (gtk_widget_get_sensitive (button));
  gtk_widget_activate (button);
  end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  while (g_strcmp0 (wsp_import_dialog_get_state (import), "done") != 0 && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (wsp_import_dialog_get_state (import), ==, "done");
  gtk_window_destroy (GTK_WINDOW (import));
  g_object_unref (import);
  iterate ();
  g_assert_cmpuint (wsp_store_count (d, WSP_TYPE_ORGANISATION), ==, 3);
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
test_shared_folder (void)
{
  WspStore *laptop_a = wsp_application_get_store (app);
  g_autofree char *folder = g_build_filename (tmp, "shared", NULL);
  g_autoptr (GError) error = NULL;
  gboolean timed_out = FALSE;
  guint timeout;

  g_mkdir (folder, 0700);
  g_settings_set_string (wsp_application_get_settings (app), "shared-folder", folder);
  iterate ();
  g_assert_nonnull (wsp_application_get_shared_folder (app));

  /* B (trusted by A since the exchange above) drops a packet in the folder. */
  set_phone (laptop_b, "32 333 33 33");
  g_assert_true (wsp_sync_export (laptop_b, folder, NULL, TRUE, NULL, &error));
  g_assert_no_error (error);

  timeout = g_timeout_add (15000, timeout_cb, &timed_out);
  while (!timed_out)
    {
      g_autoptr (WspRecord) on_a = wsp_store_get (laptop_a, org_id, NULL);
      if (g_strcmp0 (wsp_record_get_string (on_a, "phone"), "32 333 33 33") == 0)
        break;
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_false (timed_out);
  g_source_remove (timeout);

  g_settings_set_string (wsp_application_get_settings (app), "shared-folder", "");
  iterate ();
  g_assert_null (wsp_application_get_shared_folder (app));
}


int
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path_b = NULL;
  int status;

  tmp = g_dir_make_tmp ("wsp-sync-gui-XXXXXX", NULL);
  {
    g_autofree char *data = g_build_filename (tmp, "data", NULL);
    g_setenv ("XDG_DATA_HOME", data, TRUE);
  }
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_test_init (&argc, &argv, NULL);

  /* Pictures for review follow the locale (LANG=pl_PL.UTF-8 gives Polish);
   * nothing this test asserts depends on the language. */
  if (g_getenv ("WSPOLNIE_TEST_SHOTS") != NULL)
    {
      setlocale (LC_ALL, "");
      bindtextdomain (GETTEXT_PACKAGE, g_getenv ("WSPOLNIE_LOCALEDIR") ?: LOCALEDIR);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }

  app = wsp_test_start_app ();
  if (app == NULL)
    return 77;
  path_b = g_build_filename (tmp, "b.sqlite3", NULL);
  laptop_b = wsp_store_open (path_b, &error);
  g_assert_no_error (error);
  g_assert_true (wsp_sync_set_laptop_name (laptop_b, "Laptop Rady", &error));

  g_test_add_func ("/sync-gui/exchange-and-resolve", test_exchange_and_resolve);
  g_test_add_func ("/sync-gui/shared-folder", test_shared_folder);
  g_test_add_func ("/sync-gui/same-organisations", test_same_organisations);

  status = g_test_run ();
  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  g_clear_object (&laptop_b);
  g_free (org_id);
  wsp_test_remove_tree (tmp);
  g_free (tmp);
  return status;
}
