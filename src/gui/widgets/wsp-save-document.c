/* wsp-save-document.c — save a document where the secretary chooses, in the format its name says
 *
 * The file chooser opens with a suggested name; the document is written
 * in the format of the name the secretary gives (PDF, ODT, CSV, text)
 * without blocking the window, then a toast says it is saved, or a
 * message says why not.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "output/wsp-output.h"
#include "widgets/wsp-gui-util.h"
#include "widgets/wsp-save-document.h"

typedef struct
{
  GtkWidget   *widget;   /* weak */
  WspDocument *document;
} Save;

static void
save_free (Save *save)
{
  g_clear_weak_pointer (&save->widget);
  g_clear_object (&save->document);
  g_free (save);
}

static void
written_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Save *save = user_data;
  g_autoptr (GError) error = NULL;

  if (!wsp_output_write_finish (result, &error))
    {
      if (save->widget != NULL)
        wsp_gui_show_error (save->widget, error);
    }
  else if (save->widget != NULL)
    wsp_gui_add_toast (save->widget, adw_toast_new (_("Document saved")));
  save_free (save);
}

static void
response_cb (GtkNativeDialog *chooser,
             int              response,
             Save            *save)
{
  if (response == GTK_RESPONSE_ACCEPT && save->widget != NULL)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr (GError) error = NULL;
      WspFormat format;

      if (!wsp_format_from_path (path, &format, &error))
        wsp_gui_show_error (save->widget, error);
      else
        {
          wsp_output_write_async (save->document, format, path, NULL, NULL, NULL, NULL, written_cb, save);
          g_object_unref (chooser);
          return;
        }
    }
  save_free (save);
  g_object_unref (chooser);
}

/**
 * wsp_save_document:
 * @widget: the widget the secretary asked from (its window is the parent)
 * @document: the document
 * @title: the file chooser's title ("Save the Election Result")
 * @file_name: the name suggested, with its extension
 *
 * Asks where to save @document and saves it there.
 */
void
wsp_save_document (GtkWidget   *widget,
                   WspDocument *document,
                   const char  *title,
                   const char  *file_name)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;
  Save *save = g_new0 (Save, 1);

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (WSP_IS_DOCUMENT (document));

  g_set_weak_pointer (&save->widget, widget);
  save->document = g_object_ref (document);
  chooser = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), file_name);
  g_signal_connect (chooser, "response", G_CALLBACK (response_cb), save);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
