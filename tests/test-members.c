/* test-members.c — the Members view under a real display
 *
 * Adds, validates, edits, deletes and restores an organisation through the
 * view's actions, searches, imports a register with good and bad rows, and
 * looks at the Forum and the Council of the demo data.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "wsp-application.h"
#include "members/wsp-council-overview.h"
#include "members/wsp-csv-import-dialog.h"
#include "demo/wsp-demo.h"
#include "sync/wsp-history-dialog.h"
#include "members/wsp-members-page.h"
#include "records/wsp-records-members.h"
#include "members/wsp-organisation-editor.h"
#include "wsp-test-gui.h"
#include "wsp-window.h"

static WspApplication *app;

static void
iterate (void)
{
  for (int i = 0; i < 20 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}



static WspMembersPage *
members_page (WspWindow *window)
{
  return WSP_MEMBERS_PAGE (wsp_window_get_view (window, "members"));
}

static WspRecord *
find_organisation (WspStore *store, const char *name)
{
  g_autoptr (GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);

  g_assert_true (wsp_store_query (store, WSP_TYPE_ORGANISATION, "name", name, all, NULL));
  return all->len > 0 ? g_object_ref (g_ptr_array_index (all, 0)) : NULL;
}

static void
test_organisation_lifecycle (void)
{
  WspStore *store = wsp_application_get_store (app);
  WspWindow *window = wsp_window_new (GTK_APPLICATION (app), wsp_application_get_store (app));
  WspMembersPage *page = members_page (window);
  WspOrganisationEditor *editor;
  g_autoptr (WspRecord) saved = NULL;
  g_autoptr (WspRecord) after_edit = NULL;
  g_autofree char *id = NULL;

  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "members");
  iterate ();
  g_assert_cmpstr (wsp_members_page_get_visible_pane (page), ==, "empty");

  /* Add, with a wrong NIP first: the editor says which number and why. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "members.add-organisation", NULL));
  editor = WSP_ORGANISATION_EDITOR (wsp_members_page_get_editor (page));
  g_assert_nonnull (editor);
  g_assert_nonnull (wsp_organisation_editor_get_problem (editor)); /* no name yet */
  wsp_organisation_editor_set_field (editor, "name", "Fundacja Testowa Razem");
  wsp_organisation_editor_set_field (editor, "krs", "0000123456");
  wsp_organisation_editor_set_field (editor, "nip", "526-025-09-94");
  g_assert_nonnull (strstr (wsp_organisation_editor_get_problem (editor), "NIP"));
  wsp_test_shot (GTK_WIDGET (editor), "editor");
  g_assert_nonnull (strstr (wsp_organisation_editor_get_problem (editor), "5"));
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  iterate ();
  g_assert_null (find_organisation (store, "Fundacja Testowa Razem"));

  wsp_organisation_editor_set_field (editor, "nip", "526-025-09-95");
  g_assert_null (wsp_organisation_editor_get_problem (editor));
  wsp_organisation_editor_set_field (editor, "fields", "ekologia, edukacja");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  iterate ();
  g_assert_null (wsp_members_page_get_editor (page));
  saved = find_organisation (store, "Fundacja Testowa Razem");
  g_assert_nonnull (saved);
  g_assert_cmpstr (wsp_record_get_string (saved, "nip"), ==, "5260250995");
  {
    g_auto (GStrv) fields = wsp_record_dup_list (saved, "fields");
    g_assert_cmpuint (g_strv_length (fields), ==, 2);
    g_assert_cmpstr (fields[1], ==, "edukacja");
  }
  id = g_strdup (wsp_record_get_id (saved));
  g_assert_cmpstr (wsp_members_page_get_visible_pane (page), !=, "empty");
  g_assert_cmpuint (g_list_model_get_n_items (wsp_members_page_get_list_model (page)), ==, 1);

  /* Select it and edit: only the changed field is saved. */
  g_assert_true (wsp_members_page_select (page, id));
  g_assert_cmpstr (wsp_members_page_get_visible_pane (page), ==, "organisation");
  wsp_test_shot (GTK_WIDGET (window), "organisation");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "members.edit-organisation", NULL));
  editor = WSP_ORGANISATION_EDITOR (wsp_members_page_get_editor (page));
  wsp_organisation_editor_set_field (editor, "phone", "32 262 00 00");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  iterate ();
  after_edit = wsp_store_get (store, id, NULL);
  g_assert_cmpstr (wsp_record_get_string (after_edit, "phone"), ==, "32 262 00 00");
  g_assert_cmpstr (wsp_record_get_string (after_edit, "krs"), ==, "0000123456");

  /* The history says what each change did. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "members.history", NULL));
  {
    WspHistoryDialog *history = WSP_HISTORY_DIALOG (wsp_members_page_get_editor (page));

    g_assert_cmpuint (wsp_history_dialog_get_n_items (history), ==, 2);
    g_assert_cmpstr (wsp_history_dialog_describe (history, 0), ==, "Created");
    g_assert_cmpstr (wsp_history_dialog_describe (history, 1), ==, "Changed: Phone");
    gtk_window_destroy (GTK_WINDOW (history));
  }

  /* Search narrows the list, without Polish letters too. */
  wsp_members_page_set_search (page, "razem");
  g_assert_cmpuint (g_list_model_get_n_items (wsp_members_page_get_list_model (page)), ==, 1);
  wsp_members_page_set_search (page, "stowarzyszenie");
  g_assert_cmpuint (g_list_model_get_n_items (wsp_members_page_get_list_model (page)), ==, 0);
  wsp_members_page_set_search (page, "");

  /* Delete, then Undo from the toast's action. */
  g_assert_true (wsp_members_page_select (page, id));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "members.delete-organisation", NULL));
  iterate ();
  g_assert_null (wsp_store_get (store, id, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (wsp_members_page_get_list_model (page)), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "members.undo-delete", "s", id));
  iterate ();
  {
    g_autoptr (WspRecord) back = wsp_store_get (store, id, NULL);
    g_assert_nonnull (back);
    g_assert_cmpstr (wsp_record_get_string (back, "phone"), ==, "32 262 00 00");
  }
  g_assert_cmpuint (g_list_model_get_n_items (wsp_members_page_get_list_model (page)), ==, 1);
  g_assert_true (wsp_members_page_get_selected (page) != NULL);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_csv_import (void)
{
  WspStore *store = wsp_application_get_store (app);
  WspWindow *window = wsp_window_new (GTK_APPLICATION (app), wsp_application_get_store (app));
  WspMembersPage *page = members_page (window);
  WspCsvImportDialog *dialog;
  const WspCsvImportReport *report;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  guint before = wsp_store_count (store, WSP_TYPE_ORGANISATION);
  const char *csv =
    "Nazwa organizacji;Skrót;Nr KRS;NIP;REGON;Telefon\r\n"
    "Stowarzyszenie Zielone Zagłębie;SZZ;0000234567;;;32 111 22 33\r\n"
    "\"Fundacja \"\"Razem\"\" dla Miasta\";FRdM;345678;;;\r\n"
    "Klub Bez Numeru;KBN;;5260250994;;\r\n"
    ";Bez nazwy;0000999999;;;\r\n";

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "members.import-csv", NULL));
  dialog = WSP_CSV_IMPORT_DIALOG (wsp_members_page_get_editor (page));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (wsp_csv_import_dialog_get_step (dialog), ==, "choose");

  bytes = g_bytes_new_static (csv, strlen (csv));
  g_assert_true (wsp_csv_import_dialog_load (dialog, bytes, "rejestr.csv", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (wsp_csv_import_dialog_get_step (dialog), ==, "map");
  g_assert_cmpint (wsp_csv_import_dialog_get_mapping (dialog, 0), ==, WSP_CSV_FIELD_NAME);
  g_assert_cmpint (wsp_csv_import_dialog_get_mapping (dialog, 2), ==, WSP_CSV_FIELD_KRS);
  g_assert_cmpint (wsp_csv_import_dialog_get_mapping (dialog, 5), ==, WSP_CSV_FIELD_PHONE);

  /* The person can change what a column means before importing. */
  wsp_csv_import_dialog_set_mapping (dialog, 5, WSP_CSV_FIELD_IGNORE);
  g_assert_cmpint (wsp_csv_import_dialog_get_mapping (dialog, 5), ==, WSP_CSV_FIELD_IGNORE);

  /* Import, as a person does it: the button, then the report when it is done. */
  {
    GtkWidget *button = wsp_csv_import_dialog_get_import_button (dialog);
    gint64 end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

    g_assert_true (gtk_widget_is_sensitive (button) && gtk_widget_get_visible (button));
    g_assert_true (gtk_widget_activate (button));
    while (g_strcmp0 (wsp_csv_import_dialog_get_step (dialog), "report") != 0
           && g_get_monotonic_time () < end)
      g_main_context_iteration (NULL, TRUE);
  }
  wsp_test_shot (GTK_WIDGET (dialog), "csv-report");
  g_assert_cmpstr (wsp_csv_import_dialog_get_step (dialog), ==, "report");
  report = wsp_csv_import_dialog_get_report (dialog);
  g_assert_cmpuint (report->added, ==, 2);
  g_assert_cmpuint (report->skipped, ==, 2);
  g_assert_cmpuint (wsp_store_count (store, WSP_TYPE_ORGANISATION), ==, before + 2);
  {
    g_autoptr (WspRecord) razem = find_organisation (store, "Fundacja \"Razem\" dla Miasta");
    g_autoptr (WspRecord) zielone = find_organisation (store, "Stowarzyszenie Zielone Zagłębie");

    g_assert_nonnull (razem);
    g_assert_cmpstr (wsp_record_get_string (razem, "krs"), ==, "0000345678");
    g_assert_nonnull (zielone);
    g_assert_null (wsp_record_get_string (zielone, "phone"));
  }
  g_assert_null (find_organisation (store, "Klub Bez Numeru"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_forum_and_council (void)
{
  g_autofree char *dir = g_dir_make_tmp ("wsp-members-demo-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "demo.sqlite3", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (WspStore) demo = wsp_store_open (path, &error);
  WspWindow *window = wsp_window_new (GTK_APPLICATION (app), wsp_application_get_store (app));
  WspMembersPage *page = members_page (window);

  g_assert_no_error (error);
  g_assert_true (wsp_demo_fill (demo, &error));
  wsp_members_page_set_store (page, demo);
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "members");

  wsp_members_page_show_section (page, "forum");
  g_assert_cmpuint (g_list_model_get_n_items (wsp_members_page_get_list_model (page)), ==, 30);
  g_assert_cmpstr (wsp_members_page_get_visible_pane (page), ==, "forum");
  wsp_test_shot (GTK_WIDGET (window), "forum");

  /* The Council opens on its newest term, with what needs attention. */
  wsp_members_page_show_section (page, "council");
  g_assert_cmpuint (g_list_model_get_n_items (wsp_members_page_get_list_model (page)), ==, 2);
  g_assert_cmpstr (wsp_members_page_get_visible_pane (page), ==, "council");
  wsp_test_shot (GTK_WIDGET (window), "council");
  {
    const char *warning = wsp_members_page_get_council_warning (page);

    g_assert_nonnull (warning);
    g_assert_nonnull (strstr (warning, "1 seat is vacant"));
    g_assert_nonnull (strstr (warning, "without an excuse"));
    g_assert_null (strstr (warning, "fewer than half"));
  }

  wsp_members_page_show_section (page, "people");
  g_assert_cmpuint (g_list_model_get_n_items (wsp_members_page_get_list_model (page)), ==, 40);
  wsp_members_page_set_search (page, "kaminski");
  g_assert_cmpuint (g_list_model_get_n_items (wsp_members_page_get_list_model (page)), >=, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&demo);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);
    g_unlink (path);
    g_unlink (wal);
    g_unlink (shm);
    g_rmdir (dir);
  }
}

int
main (int argc, char *argv[])
{
  g_autofree char *data_home = g_dir_make_tmp ("wsp-members-XXXXXX", NULL);
  int status;

  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_test_init (&argc, &argv, NULL);

  app = wsp_test_start_app ();
  if (app == NULL)
    return 77;

  g_test_add_func ("/members/organisation-lifecycle", test_organisation_lifecycle);
  g_test_add_func ("/members/csv-import", test_csv_import);
  g_test_add_func ("/members/forum-and-council", test_forum_and_council);

  status = g_test_run ();
  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  return status;
}
