/* test-accessible.c — every view and dialog, shown one after another for a screen reader
 *
 * Run by check-accessible.py, which reads the accessibility tree over
 * AT-SPI as a screen reader does. For each state (a view, a section of the
 * Members view, a dialog; wide and 360 px) this program shows it, prints
 * "SHOW <name>" and waits until the reader says "next" on standard input;
 * the main loop runs meanwhile, so that the reader's questions are answered.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gunixinputstream.h>
#include <glib/gstdio.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>

#include "demo/wsp-demo.h"
#include "domain/wsp-membership.h"
#include "members/wsp-application-editor.h"
#include "members/wsp-csv-import-dialog.h"
#include "members/wsp-leave-dialog.h"
#include "members/wsp-members-page.h"
#include "members/wsp-organisation-editor.h"
#include "members/wsp-person-editor.h"
#include "members/wsp-seat-editor.h"
#include "members/wsp-term-editor.h"
#include "records/wsp-records-members.h"
#include "store/wsp-record-list.h"
#include "sync/wsp-conflicts-dialog.h"
#include "sync/wsp-history-dialog.h"
#include "sync/wsp-import-dialog.h"
#include "sync/wsp-sync.h"
#include "wsp-application.h"
#include "wsp-preferences-window.h"
#include "wsp-test-gui.h"
#include "wsp-test-util.h"
#include "wsp-window.h"

static GDataInputStream *input;
static char *line;
static gboolean line_read;

static void
line_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  line = g_data_input_stream_read_line_finish_utf8 (input, result, NULL, NULL);
  line_read = TRUE;
}

static gboolean
has_line (gpointer data)
{
  return line_read;
}

/* Says what is shown and waits for the reader to have read it. */
static void
show (GtkWidget  *widget,
      const char *name)
{
  wsp_test_settle (widget);
  wsp_test_iterate ();
  {
    /* With WSPOLNIE_TEST_SHOTS, each state is also a picture to look at. */
    g_autofree char *file = g_strdelimit (g_strdup (name), " :()/", '-');

    wsp_test_shot (widget, file);
  }
  printf ("SHOW %s\n", name);
  fflush (stdout);
  line_read = FALSE;
  g_clear_pointer (&line, g_free);
  g_data_input_stream_read_line_async (input, G_PRIORITY_DEFAULT, NULL, line_cb, NULL);
  if (!wsp_test_wait (has_line, NULL, 120) || g_strcmp0 (line, "next") != 0)
    {
      g_printerr ("The reader did not answer for “%s”\n", name);
      exit (1);
    }
}

static void
show_window (GtkWindow  *window,
             const char *name)
{
  gtk_window_present (window);
  show (GTK_WIDGET (window), name);
  gtk_window_destroy (window);
}

static WspRecord *
first (WspStore *store,
       GType     type)
{
  g_autoptr (GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);

  g_assert_true (wsp_store_query (store, type, NULL, NULL, all, NULL));
  return g_object_ref (g_ptr_array_index (all, 0));
}

static void
views (WspApplication *app,
       WspStore       *store,
       int             width,
       int             height,
       const char     *size)
{
  WspWindow *window = wsp_window_new (GTK_APPLICATION (app), store);
  const char * const *names = wsp_window_get_view_names ();
  WspMembersPage *page = WSP_MEMBERS_PAGE (wsp_window_get_view (window, "members"));
  const char *sections[] = { "organisations", "people", "forum", "council" };

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s view (%s)", names[i], size);

      gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", names[i]);
      show (GTK_WIDGET (window), name);
    }
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      g_autofree char *name = g_strdup_printf ("Members: %s (%s)", sections[i], size);
      GListModel *list;

      wsp_members_page_show_section (page, sections[i]);
      list = wsp_members_page_get_list_model (page);
      if (g_list_model_get_n_items (list) > 1 && !g_str_equal (sections[i], "forum"))
        {
          g_autoptr (GObject) item = g_list_model_get_item (list, 1);
          wsp_members_page_select (page, wsp_record_get_id (WSP_RECORD (item)));
        }
      show (GTK_WIDGET (window), name);
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("wsp-accessible-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "demo.sqlite3", NULL);
  g_autofree char *other_path = g_build_filename (dir, "other.sqlite3", NULL);
  g_autofree char *packets = g_build_filename (dir, "packets", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (WspStore) store = NULL;
  g_autoptr (WspStore) other = NULL;
  g_autoptr (GInputStream) stdin_stream = g_unix_input_stream_new (0, FALSE);
  WspApplication *app;
  WspWindow *window;

  g_setenv ("XDG_DATA_HOME", dir, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  /* In the locale's language (LANG=pl_PL.UTF-8: what a Polish screen
   * reader user hears); nothing here depends on it. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("WSPOLNIE_LOCALEDIR") ?: LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  input = g_data_input_stream_new (stdin_stream);
  app = wsp_test_start_app ();
  if (app == NULL)
    return 77;

  store = wsp_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (wsp_demo_fill (store, &error));

  views (app, store, 1200, 800, "wide");
  views (app, store, 360, 720, "narrow");

  /* The dialogs, over a wide window. */
  window = wsp_window_new (GTK_APPLICATION (app), store);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  {
    g_autoptr (WspRecord) org = first (store, WSP_TYPE_ORGANISATION);
    g_autoptr (WspRecord) person = first (store, WSP_TYPE_PERSON);
    g_autoptr (WspRecord) council = wsp_membership_find_body (store, "council", NULL);
    g_autoptr (WspRecord) forum = wsp_membership_find_body (store, "forum", NULL);
    g_autoptr (WspRecord) term = wsp_membership_current_term (store, wsp_record_get_id (council), NULL, NULL);
    g_autoptr (GPtrArray) seats = wsp_membership_seats (store, wsp_record_get_id (term), FALSE, NULL, NULL);
    WspCsvImportDialog *csv;
    const char *register_csv = "Nazwa;KRS;NIP;Telefon;E-mail\r\nFundacja Nowa;123456;;;\r\n;;5260250994;;\r\n";
    g_autoptr (GBytes) bytes = g_bytes_new_static (register_csv, strlen (register_csv));

    show_window (GTK_WINDOW (wsp_organisation_editor_new (store, org)), "organisation editor");
    show_window (GTK_WINDOW (wsp_person_editor_new (store, person)), "person editor");
    show_window (GTK_WINDOW (wsp_term_editor_new (store, wsp_record_get_id (council), term)), "term editor");
    show_window (GTK_WINDOW (wsp_seat_editor_new (store, term, g_ptr_array_index (seats, 0), NULL, NULL)),
                 "seat editor");
    show_window (GTK_WINDOW (wsp_application_editor_new (store, wsp_record_get_id (forum))), "application editor");
    show_window (GTK_WINDOW (wsp_leave_dialog_new (store, g_ptr_array_index (seats, 0), "Fundacja")),
                 "leaving");
    show_window (GTK_WINDOW (wsp_history_dialog_new (store, org)), "history");

    csv = wsp_csv_import_dialog_new (store);
    gtk_window_present (GTK_WINDOW (csv));
    show (GTK_WIDGET (csv), "register import: choose");
    g_assert_true (wsp_csv_import_dialog_load (csv, bytes, "rejestr.csv", &error));
    show_window (GTK_WINDOW (csv), "register import: columns and preview");

    show_window (wsp_window_show_export (window), "export");
    show_window (wsp_window_show_conflicts (window), "conflicts");
    show_window (GTK_WINDOW (wsp_preferences_window_new (wsp_application_get_settings (app), store)),
                 "preferences");

    /* A packet from another laptop, in the preview. */
    other = wsp_store_open (other_path, &error);
    g_assert_no_error (error);
    g_mkdir (packets, 0700);
    g_assert_true (wsp_sync_set_laptop_name (other, "Laptop Rady", &error));
    {
      g_autoptr (WspRecord) added = WSP_RECORD (wsp_organisation_new ());
      g_auto (WspExportReport) report = { 0 };

      wsp_record_set_string (added, "name", "Stowarzyszenie z innego laptopa");
      g_assert_true (wsp_store_save (other, added, &error));
      g_assert_true (wsp_sync_export (other, packets, NULL, TRUE, &report, &error));
      {
        g_autoptr (GFile) file = g_file_new_for_path (report.path);
        GtkWindow *preview = wsp_window_open_packet (window, file);

        wsp_test_settle (GTK_WIDGET (preview));
        for (guint i = 0; i < 50 && g_strcmp0 (wsp_import_dialog_get_state (WSP_IMPORT_DIALOG (preview)), "preview") != 0; i++)
          wsp_test_settle (GTK_WIDGET (preview));
        show_window (preview, "import preview");
      }
    }

    g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
    show_window (wsp_test_find_window (ADW_TYPE_ABOUT_WINDOW), "about");
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
    show (GTK_WIDGET (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window))), "shortcuts");
  }
  gtk_window_destroy (GTK_WINDOW (window));

  printf ("DONE\n");
  fflush (stdout);
  g_clear_object (&store);
  g_clear_object (&other);
  g_application_release (G_APPLICATION (app));
  g_object_unref (app);
  wsp_test_remove_tree (dir);
  return 0;
}
