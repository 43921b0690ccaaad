/* wsp-export-dialog.c — writing an exchange file for another laptop
 *
 * The secretary chooses who the file is for: everything, or one of the
 * laptops this one has heard from (then only what that laptop does not have
 * yet goes in), and where to save it. The file is written atomically.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sync/wsp-export-dialog.h"
#include "widgets/wsp-gui-util.h"

struct _WspExportDialog
{
  AdwWindow             parent_instance;

  WspStore             *store;
  GPtrArray            *peer_ids;  /* index 0: everything (NULL) */
  GtkFileChooserNative *chooser;

  AdwActionRow         *sender_row;
  AdwPreferencesGroup  *recipients_group;
  GPtrArray            *recipient_checks; /* one per peer_ids */
  GPtrArray            *peer_names;
  GtkLabel             *problem_label;
  GtkProgressBar       *progress;
  GtkButton            *save_button;
  guint                 pulse_id;
};

G_DEFINE_FINAL_TYPE (WspExportDialog, wsp_export_dialog, ADW_TYPE_WINDOW)

guint
wsp_export_dialog_get_n_choices (WspExportDialog *self)
{
  g_return_val_if_fail (WSP_IS_EXPORT_DIALOG (self), 0);
  return self->peer_ids->len;
}

void
wsp_export_dialog_choose (WspExportDialog *self,
                          guint            index)
{
  g_return_if_fail (WSP_IS_EXPORT_DIALOG (self));
  g_return_if_fail (index < self->recipient_checks->len);
  gtk_check_button_set_active (g_ptr_array_index (self->recipient_checks, index), TRUE);
}

/* The choice @index's radio button (for tests, which click it). */
GtkWidget *
wsp_export_dialog_get_choice (WspExportDialog *self,
                              guint            index)
{
  g_return_val_if_fail (WSP_IS_EXPORT_DIALOG (self), NULL);
  g_return_val_if_fail (index < self->recipient_checks->len, NULL);
  return g_ptr_array_index (self->recipient_checks, index);
}

static guint
chosen (WspExportDialog *self)
{
  for (guint i = 0; i < self->recipient_checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->recipient_checks, i)))
      return i;
  return 0;
}

/* A file name that says what the file is: from which laptop, for which,
 * when: “wspolnie-biuro-ngo-for-laptop-rady-2026-12-01-1405.wspolnie.json”. */
static void
append_slug (GString    *out,
             const char *text)
{
  g_autofree char *ascii = g_str_to_ascii (text != NULL ? text : "", "C");
  gsize start = out->len;

  for (const char *p = ascii; *p != '\0' && out->len - start < 24; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (out, g_ascii_tolower (*p));
      else if (out->len > start && out->str[out->len - 1] != '-')
        g_string_append_c (out, '-');
    }
  while (out->len > start && out->str[out->len - 1] == '-')
    g_string_truncate (out, out->len - 1);
}

char *
wsp_export_dialog_suggest_name (WspExportDialog *self)
{
  g_autofree char *laptop = wsp_sync_dup_laptop_name (self->store);
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *when = g_date_time_format (now, "%Y-%m-%d-%H%M");
  guint index = chosen (self);
  g_autoptr (GString) name = g_string_new ("wspolnie-");

  append_slug (name, laptop);
  if (index > 0)
    {
      /* Translators: in a file's name: “from-this-laptop-for-that-one”; ASCII letters only */
      g_string_append_printf (name, "-%s-", C_("file name", "for"));
      append_slug (name, g_ptr_array_index (self->peer_names, index));
    }
  g_string_append_printf (name, "-%s%s", when, WSP_PACKET_SUFFIX);
  return g_string_free (g_steal_pointer (&name), FALSE);
}

/* Writes the file for the chosen laptop to @path (a file or a folder). */
gboolean
wsp_export_dialog_export_to (WspExportDialog  *self,
                             const char       *path,
                             WspExportReport  *report,
                             GError          **error)
{
  guint index = chosen (self);
  const char *recipient = index < self->peer_ids->len ? g_ptr_array_index (self->peer_ids, index) : NULL;
  g_auto (WspExportReport) local = { 0 };
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (WSP_IS_EXPORT_DIALOG (self), FALSE);

  if (!wsp_sync_export (self->store, path, recipient, recipient == NULL, &local, error))
    return FALSE;
  name = g_path_get_basename (local.path);
  message = g_strdup_printf (ngettext ("Exported %u change to “%s”", "Exported %u changes to “%s”",
                                       local.revisions),
                             local.revisions, name);
  wsp_gui_add_toast (GTK_WIDGET (gtk_window_get_transient_for (GTK_WINDOW (self)) ?: GTK_WINDOW (self)),
                     adw_toast_new (message));
  if (report != NULL)
    {
      *report = local;
      memset (&local, 0, sizeof local);
    }
  return TRUE;
}

static gboolean
pulse_cb (gpointer user_data)
{
  gtk_progress_bar_pulse (user_data);
  return G_SOURCE_CONTINUE;
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr (WspExportDialog) self = user_data;
  g_autoptr (GError) error = NULL;
  g_auto (WspExportReport) report = { 0 };
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  gboolean ok = wsp_sync_export_finish (WSP_STORE (source), result, &report, &error);

  g_clear_handle_id (&self->pulse_id, g_source_remove);
  /* Closed while the file was being written: the file is there all the same. */
  if (self->store == NULL)
    return;
  gtk_widget_set_visible (GTK_WIDGET (self->progress), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), TRUE);
  if (!ok)
    {
      gtk_label_set_text (self->problem_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->problem_label), TRUE);
      return;
    }
  name = g_path_get_basename (report.path);
  message = g_strdup_printf (ngettext ("Exported %u change to “%s”", "Exported %u changes to “%s”",
                                       report.revisions),
                             report.revisions, name);
  wsp_gui_add_toast (GTK_WIDGET (gtk_window_get_transient_for (GTK_WINDOW (self)) ?: GTK_WINDOW (self)),
                     adw_toast_new (message));
  gtk_window_close (GTK_WINDOW (self));
}

/* Writes the file in a thread, with a progress bar, and closes when done. */
void
wsp_export_dialog_export_to_async (WspExportDialog *self,
                                   const char      *path)
{
  guint index = chosen (self);
  const char *recipient = index < self->peer_ids->len ? g_ptr_array_index (self->peer_ids, index) : NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->progress), TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), FALSE);
  if (self->pulse_id == 0)
    self->pulse_id = g_timeout_add (150, pulse_cb, self->progress);
  wsp_sync_export_async (self->store, path, recipient, recipient == NULL, NULL, export_done_cb,
                         g_object_ref (self));
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     WspExportDialog *self)
{
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = g_file_get_path (file);
      if (path != NULL)
        wsp_export_dialog_export_to_async (self, path);
      else
        {
          gtk_label_set_text (self->problem_label, _("That place cannot hold a file."));
          gtk_widget_set_visible (GTK_WIDGET (self->problem_label), TRUE);
        }
    }
  g_clear_object (&self->chooser);
}

static void
save_clicked_cb (WspExportDialog *self)
{
  g_autofree char *name = wsp_export_dialog_suggest_name (self);

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Save the Exchange File"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* One choice of whom the file is for: a row with a radio button. */
static void
add_choice (WspExportDialog *self,
            const char      *title,
            const char      *subtitle,
            const char      *peer_id)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  if (self->recipient_checks->len > 0)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (check), g_ptr_array_index (self->recipient_checks, 0));
  else
    gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  adw_preferences_group_add (self->recipients_group, row);
  g_ptr_array_add (self->recipient_checks, check);
  g_ptr_array_add (self->peer_ids, g_strdup (peer_id));
  g_ptr_array_add (self->peer_names, g_strdup (title));
}

WspExportDialog *
wsp_export_dialog_new (WspStore *store)
{
  WspExportDialog *self = g_object_new (WSP_TYPE_EXPORT_DIALOG, NULL);
  g_autoptr (GPtrArray) peers = wsp_sync_dup_peers (store, NULL);
  g_autofree char *laptop = NULL;
  g_autofree char *stored = NULL;

  self->store = g_object_ref (store);
  laptop = wsp_sync_dup_laptop_name (store);
  stored = wsp_store_dup_meta (store, "laptop_name");
  adw_action_row_set_subtitle (self->sender_row, laptop);
  if (stored == NULL || *stored == '\0')
    {
      /* Translators: %s is the computer's host name */
      g_autofree char *line = g_strdup_printf (_("%s (the computer’s name: give this laptop a name in Preferences)"),
                                               laptop);
      adw_action_row_set_subtitle (self->sender_row, line);
    }

  add_choice (self, _("Everything, for any laptop"), _("A laptop new to this one, or to start afresh"), NULL);
  for (guint i = 0; peers != NULL && i < peers->len; i++)
    {
      WspPeer *peer = g_ptr_array_index (peers, i);

      if (peer->trusted)
        add_choice (self, peer->name, _("Only what it does not have yet"), peer->peer_id);
    }
  return self;
}

static void
wsp_export_dialog_dispose (GObject *object)
{
  WspExportDialog *self = WSP_EXPORT_DIALOG (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  g_clear_object (&self->chooser);
  g_clear_object (&self->store);
  g_clear_pointer (&self->peer_ids, g_ptr_array_unref);
  g_clear_pointer (&self->peer_names, g_ptr_array_unref);
  g_clear_pointer (&self->recipient_checks, g_ptr_array_unref);

  G_OBJECT_CLASS (wsp_export_dialog_parent_class)->dispose (object);
}

static void
wsp_export_dialog_class_init (WspExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wsp_export_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Wspolnie/sync/wsp-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, WspExportDialog, sender_row);
  gtk_widget_class_bind_template_child (widget_class, WspExportDialog, recipients_group);
  gtk_widget_class_bind_template_child (widget_class, WspExportDialog, problem_label);
  gtk_widget_class_bind_template_child (widget_class, WspExportDialog, progress);
  gtk_widget_class_bind_template_child (widget_class, WspExportDialog, save_button);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
wsp_export_dialog_init (WspExportDialog *self)
{
  self->peer_ids = g_ptr_array_new_with_free_func (g_free);
  self->peer_names = g_ptr_array_new_with_free_func (g_free);
  self->recipient_checks = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}
