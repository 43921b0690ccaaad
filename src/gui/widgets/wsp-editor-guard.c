/* wsp-editor-guard.c — an editor window that does not lose what was typed
 *
 * An editor (of an organisation, a person, a term, a seat, an application)
 * opens with the focus in its first field, not on Cancel. Closing it by
 * Cancel, Escape or the window's close button, with something typed and not
 * saved, asks first: keep editing, or discard. After a save it closes
 * without asking.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "widgets/wsp-editor-guard.h"

typedef struct
{
  WspEditorDirtyFunc  is_dirty;
  GtkWidget          *first;
  gboolean            done;
  GtkWindow          *question;
} Guard;

#define GUARD_KEY "wsp-editor-guard"

static Guard *
guard_of (GtkWindow *editor)
{
  return g_object_get_data (G_OBJECT (editor), GUARD_KEY);
}

static gboolean
close_idle_cb (gpointer data)
{
  gtk_window_close (data);
  return G_SOURCE_REMOVE;
}

static void
question_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      GtkWindow        *editor)
{
  Guard *guard = guard_of (editor);

  guard->question = NULL;
  if (g_strcmp0 (response, "discard") == 0)
    {
      guard->done = TRUE;
      /* Once the question, which belongs to the editor, has gone. */
      g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_idle_cb, g_object_ref (editor), g_object_unref);
    }
}

static gboolean
close_request_cb (GtkWindow *editor)
{
  Guard *guard = guard_of (editor);
  GtkWidget *dialog;

  if (guard->done || guard->is_dirty == NULL || !guard->is_dirty (editor))
    return FALSE;
  if (guard->question != NULL)
    {
      gtk_window_present (guard->question);
      return TRUE;
    }
  dialog = adw_message_dialog_new (editor, _("Discard What You Typed?"),
                                   _("The changes in this window have not been saved."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "keep", _("_Keep Editing"), "discard",
                                    _("_Discard"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (question_response_cb), editor, 0);
  guard->question = GTK_WINDOW (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
map_cb (GtkWindow *editor)
{
  Guard *guard = guard_of (editor);

  if (guard->first != NULL)
    gtk_widget_grab_focus (guard->first);
}

/* Guards @editor: the focus starts in @first (the first field); closing it
 * while @is_dirty says something was typed asks first. */
void
wsp_editor_guard_install (GtkWindow          *editor,
                          WspEditorDirtyFunc  is_dirty,
                          GtkWidget          *first)
{
  Guard *guard = g_new0 (Guard, 1);

  guard->is_dirty = is_dirty;
  guard->first = first;
  g_object_set_data_full (G_OBJECT (editor), GUARD_KEY, guard, g_free);
  g_signal_connect (editor, "close-request", G_CALLBACK (close_request_cb), NULL);
  g_signal_connect (editor, "map", G_CALLBACK (map_cb), NULL);
  if (first != NULL)
    gtk_window_set_focus (editor, first);
}

/* What was typed is saved: @editor closes without asking. */
void
wsp_editor_guard_done (GtkWindow *editor)
{
  Guard *guard = guard_of (editor);

  if (guard != NULL)
    guard->done = TRUE;
}

/* The question "discard what you typed?" while it is asked (for tests). */
GtkWindow *
wsp_editor_guard_get_question (GtkWindow *editor)
{
  Guard *guard = guard_of (editor);

  return guard != NULL ? guard->question : NULL;
}

/* The focus starts in @first instead. */
void
wsp_editor_guard_set_first (GtkWindow *editor,
                            GtkWidget *first)
{
  Guard *guard = guard_of (editor);

  g_return_if_fail (guard != NULL);
  guard->first = first;
  gtk_window_set_focus (editor, first);
}
