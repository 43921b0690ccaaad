/* test-print.c — printing a document through the print dialog to a file
 *
 * The real GtkPrintUnixDialog is opened, its "Print to File" printer is
 * chosen and its Print button pressed; GTK's file print backend writes
 * the PDF. That PDF has the pages of the one the PDF writer makes, with
 * the same text on each.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "wsp-test-util.h"

#include "demo/wsp-demo.h"
#include "output/wsp-builders.h"
#include "output/wsp-output.h"
#include "print/wsp-print-operation.h"
#include "records/wsp-records-members.h"

typedef struct
{
  gboolean                done;
  GtkPrintOperationResult result;
} Done;

static void
done_cb (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         Done                    *done)
{
  done->done = TRUE;
  done->result = result;
}

static char *
run (const char * const *argv)
{
  char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out,
                               NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static char *
page_text (const char *pdf,
           int         page)
{
  g_autofree char *n = g_strdup_printf ("%d", page);
  g_autofree char *out = run ((const char *[]){ "pdftotext", "-f", n, "-l", n, pdf, "-", NULL });
  g_autoptr (GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);

  return g_regex_replace_literal (spaces, out, -1, 0, " ", 0, NULL);
}

static int
pages (const char *pdf)
{
  g_autofree char *out = run ((const char *[]){ "pdfinfo", pdf, NULL });

  return atoi (strstr (out, "Pages:") + strlen ("Pages:"));
}

/* The dialog the operation opened: the one toplevel that is a GtkDialog. */
static GtkDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels (); /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_DIALOG (window);
    }
  return NULL;
}

static void
test_print_dialog (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("wsp-print-XXXXXX", &error);
  g_autoptr (WspStore) store = wsp_test_open_store (dir, "demo.sqlite3");
  g_autoptr (GPtrArray) bodies = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (WspDocument) doc = NULL;
  g_autoptr (WspPrintOperation) operation = NULL;
  g_autoptr (GtkPrintSettings) settings = gtk_print_settings_new ();
  g_autofree char *printed = g_build_filename (dir, "printed.pdf", NULL);
  g_autofree char *written = g_build_filename (dir, "written.pdf", NULL);
  g_autofree char *uri = g_filename_to_uri (printed, NULL, NULL);
  const WspBuildOptions options = { .today = "2026-11-27" };
  const char *council = NULL;
  GtkPrintOperationResult result;
  GtkDialog *dialog = NULL;
  GtkWidget *print = NULL;
  Done done = { 0 };
  gint64 end;
  int n;

  g_assert_true (wsp_demo_fill (store, &error));
  g_assert_true (wsp_store_query (store, WSP_TYPE_BODY, "kind", "council", bodies, &error));
  council = wsp_record_get_id (g_ptr_array_index (bodies, 0));
  /* The attendance register: pages enough to see where they break. */
  doc = wsp_build_attendance_register (store, council, &options, &error);
  g_assert_no_error (error);
  g_assert_true (wsp_output_write (doc, WSP_FORMAT_PDF, written, NULL, NULL, NULL, &error));

  operation = wsp_print_operation_new (doc);
  gtk_print_settings_set_printer (settings, "Print to File");
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_FILE_FORMAT, "pdf");
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_URI, uri);
  gtk_print_operation_set_print_settings (GTK_PRINT_OPERATION (operation), settings);
  gtk_print_operation_set_allow_async (GTK_PRINT_OPERATION (operation), TRUE);
  g_signal_connect (operation, "done", G_CALLBACK (done_cb), &done);

  result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                                    GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_IN_PROGRESS);

  /* The dialog comes up and finds the printer; then Print can be pressed. */
  end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < end && !done.done)
    {
      g_main_context_iteration (NULL, FALSE);
      if (dialog == NULL)
        dialog = find_dialog ();
      if (dialog != NULL && print == NULL)
        {
          GtkWidget *button = gtk_dialog_get_widget_for_response (dialog, GTK_RESPONSE_OK);

          if (button != NULL && gtk_widget_get_sensitive (button)
              && gtk_widget_get_mapped (button))
            {
              print = button;
              gtk_widget_activate (print);
            }
        }
      g_usleep (1000);
    }
  g_assert_nonnull (dialog);
  g_assert_nonnull (print);
  g_assert_true (done.done);
  g_assert_cmpint (done.result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);

  /* Wait for the backend to finish writing the file. */
  end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < end
         && gtk_print_operation_get_status (GTK_PRINT_OPERATION (operation))
              != GTK_PRINT_STATUS_FINISHED)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_file_test (printed, G_FILE_TEST_EXISTS));

  /* Same pages, same text on each. */
  n = pages (written);
  g_assert_cmpint (n, >=, 2);
  g_assert_cmpint (pages (printed), ==, n);
  g_assert_cmpuint (wsp_print_operation_get_n_pages (operation), ==, (guint) n);
  for (int p = 1; p <= n; p++)
    {
      g_autofree char *a = page_text (written, p);
      g_autofree char *b = page_text (printed, p);
      g_autofree char *label = g_strdup_printf ("Page %d of %d", p, n);

      g_assert_cmpstr (a, ==, b);
      g_assert_nonnull (strstr (b, label));
    }
  {
    g_autofree char *first = page_text (printed, 1);

    g_assert_nonnull (strstr (first, "Attendance register"));
  }

  g_clear_object (&store);
  wsp_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");

  /* Only the file printer: no waiting for CUPS. */
  g_setenv ("GTK_PRINT_BACKENDS", "file", TRUE);
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      g_printerr ("No display: the GUI tests need one (run them under Xvfb).\n");
      return 77;
    }
  adw_init ();
  if (pdftotext == NULL)
    {
      g_printerr ("pdftotext is not installed (build-aux/dev.sh deps installs it).\n");
      return 77;
    }
  g_test_add_func ("/print/dialog-to-file", test_print_dialog);
  return g_test_run ();
}
