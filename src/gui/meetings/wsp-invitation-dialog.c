/* wsp-invitation-dialog.c — sending a meeting's invitation (or cancellation)
 *
 * The e-mail and the calendar file come from the documents layer
 * (wsp_build_invitation()): to the body's members on the day of the
 * meeting, from its secretary (or chair, or the address typed here, kept
 * in the settings). "Open in Mail Program" writes the calendar file beside
 * the app's data, opens a mailto: message with the members, the subject
 * and the text (and the file, for the mail programs that take it), and
 * "Copy Text" puts the e-mail on the clipboard. Either one records who was
 * invited and when, and marks a planned meeting invited, in one step. A
 * cancelled meeting gets a cancellation instead, which the members'
 * calendars apply to the same event.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "domain/wsp-meetings.h"
#include "meetings/wsp-invitation-dialog.h"
#include "meetings/wsp-meetings-util.h"
#include "output/wsp-builders.h"
#include "output/wsp-output.h"
#include "records/wsp-records-meetings.h"

struct _WspInvitationDialog
{
  AdwWindow             parent_instance;

  WspStore             *store;
  char                 *meeting_id;
  gboolean              cancellation;
  WspInvitation        *invitation;
  char                 *calendar_path;
  char                 *problem;
  GSettings            *settings;
  GtkFileChooserNative *chooser;
  GPtrArray            *address_rows;
  GPtrArray            *log_rows;

  AdwToastOverlay      *toasts;
  GtkLabel             *problem_label;
  AdwExpanderRow       *recipients_row;
  AdwEntryRow          *sender_row;
  AdwActionRow         *subject_row;
  GtkTextView          *text_view;
  GtkWidget            *send_button;
  GtkWidget            *copy_button;
  AdwActionRow         *calendar_row;
  AdwPreferencesGroup  *log_group;
};

G_DEFINE_FINAL_TYPE (WspInvitationDialog, wsp_invitation_dialog, ADW_TYPE_WINDOW)

static void
toast (WspInvitationDialog *self,
       const char          *text)
{
  AdwToast *t = adw_toast_new (text);

  adw_toast_set_timeout (t, 6);
  adw_toast_overlay_add_toast (self->toasts, t);
}

static void
fill_log (WspInvitationDialog *self)
{
  g_autoptr (GPtrArray) sent = wsp_meetings_invitations (self->store, self->meeting_id, NULL);

  for (guint i = 0; i < self->log_rows->len; i++)
    adw_preferences_group_remove (self->log_group, g_ptr_array_index (self->log_rows, i));
  g_ptr_array_set_size (self->log_rows, 0);
  for (guint i = 0; sent != NULL && i < sent->len; i++)
    {
      WspRecord *record = g_ptr_array_index (sent, i);
      g_autoptr (GDateTime) at = wsp_meetings_parse_time (record, "sent_at");
      g_autofree char *day = at != NULL ? wsp_meetings_format_day (at) : NULL;
      g_autofree char *clock = at != NULL ? wsp_meetings_format_clock (at) : NULL;
      g_auto (GStrv) to = wsp_record_dup_list (record, "recipients");
      guint n = to != NULL ? g_strv_length (to) : 0;
      const char *how = wsp_choice_label (wsp_invitation_channel_choices, wsp_record_get_string (record, "channel"));
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();

      /* Translators: a line of the invitations sent: its day and time */
      title = g_strdup_printf (C_ ("invitation sent", "%1$s, %2$s"), day != NULL ? day : "", clock != NULL ? clock : "");
      subtitle = g_strdup_printf (wsp_record_get_bool (record, "cancellation")
                                    /* Translators: %1$s how it was sent, %2$u to how many addresses */
                                    ? ngettext ("Cancellation · %1$s · %2$u address", "Cancellation · %1$s · %2$u addresses", n)
                                    /* Translators: %1$s how it was sent, %2$u to how many addresses */
                                    : ngettext ("Invitation · %1$s · %2$u address", "Invitation · %1$s · %2$u addresses", n),
                                  how != NULL ? how : "", n);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_preferences_group_add (self->log_group, row);
      g_ptr_array_add (self->log_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->log_group), self->log_rows->len > 0);
}

/* Builds the invitation again (after the sender changed). */
static void
rebuild (WspInvitationDialog *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *sender = g_settings_get_string (self->settings, "secretariat-email");
  g_autoptr (WspRecord) meeting = wsp_store_get (self->store, self->meeting_id, NULL);
  WspBuildOptions options = { .organizer_email = sender != NULL && *sender != '\0' ? sender : NULL };
  g_autofree char *text = NULL;
  guint n;

  self->cancellation = meeting != NULL && wsp_meeting_get_status (meeting) == WSP_MEETING_CANCELLED;
  gtk_window_set_title (GTK_WINDOW (self), self->cancellation ? _("Cancellation") : _("Invitation"));
  g_clear_pointer (&self->invitation, wsp_invitation_free);
  g_clear_pointer (&self->problem, g_free);
  /* The body's officer first; the address typed here when it has none. */
  self->invitation = wsp_build_invitation (self->store, self->meeting_id, self->cancellation, NULL, &error);
  if (self->invitation == NULL && options.organizer_email != NULL
      && g_error_matches (error, WSP_OUTPUT_ERROR, WSP_OUTPUT_ERROR_MISSING))
    {
      g_clear_error (&error);
      self->invitation = wsp_build_invitation (self->store, self->meeting_id, self->cancellation, &options, &error);
    }
  if (self->invitation == NULL)
    self->problem = g_strdup_printf ("%s %s", error->message,
                                     g_error_matches (error, WSP_OUTPUT_ERROR, WSP_OUTPUT_ERROR_MISSING)
                                       ? _("Type the secretariat’s address as the sender.") : "");
  gtk_label_set_text (self->problem_label, self->problem != NULL ? self->problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), self->problem != NULL);
  gtk_widget_set_sensitive (self->send_button, self->invitation != NULL);
  gtk_widget_set_sensitive (self->copy_button, self->invitation != NULL);

  for (guint i = 0; i < self->address_rows->len; i++)
    adw_expander_row_remove (self->recipients_row, g_ptr_array_index (self->address_rows, i));
  g_ptr_array_set_size (self->address_rows, 0);
  n = self->invitation != NULL ? g_strv_length (self->invitation->recipients) : 0;
  {
    g_autofree char *count = g_strdup_printf (ngettext ("%u address", "%u addresses", n), n);
    adw_expander_row_set_subtitle (self->recipients_row, count);
  }
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), self->invitation->recipients[i]);
      adw_expander_row_add_row (self->recipients_row, row);
      g_ptr_array_add (self->address_rows, row);
    }
  adw_action_row_set_subtitle (self->subject_row, self->invitation != NULL ? self->invitation->subject : "");
  text = self->invitation != NULL ? g_strdup (self->invitation->body) : NULL;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), text != NULL ? text : "", -1);
  gtk_button_set_label (GTK_BUTTON (self->send_button),
                        self->cancellation ? _("_Send Cancellation in Mail Program") : _("_Open in Mail Program"));
  fill_log (self);
}

static void
sender_applied_cb (WspInvitationDialog *self)
{
  g_autofree char *sender = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->sender_row))));

  if (*sender != '\0' && strchr (sender, '@') == NULL)
    {
      toast (self, _("An e-mail address has an @ in it, such as biuro@ngo.example.pl."));
      return;
    }
  g_settings_set_string (self->settings, "secretariat-email", sender);
  rebuild (self);
}

/* The calendar file, written where the app keeps its files: a name that
 * says the meeting, so it is easy to find and attach. */
static gboolean
write_calendar (WspInvitationDialog  *self,
                GError              **error)
{
  g_autoptr (WspRecord) meeting = wsp_store_get (self->store, self->meeting_id, error);
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "wspolnie", "invitations", NULL);
  g_autofree char *date = NULL;
  g_autofree char *name = NULL;

  if (meeting == NULL)
    return FALSE;
  date = wsp_meeting_dup_date (meeting);
  name = g_strdup_printf ("%s-%s-%" G_GINT64_FORMAT ".ics", self->cancellation ? "cancellation" : "invitation",
                          date != NULL ? date : "meeting", wsp_record_get_int (meeting, "number"));
  g_mkdir_with_parents (dir, 0700);
  g_free (self->calendar_path);
  self->calendar_path = g_build_filename (dir, name, NULL);
  bytes = g_bytes_new (self->invitation->calendar, strlen (self->invitation->calendar));
  if (!wsp_output_save (self->calendar_path, bytes, error))
    return FALSE;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->calendar_row), name);
  adw_action_row_set_subtitle (self->calendar_row, self->calendar_path);
  return TRUE;
}

static gboolean
record (WspInvitationDialog  *self,
        WspInvitationChannel  channel,
        GError              **error)
{
  g_autoptr (WspRecord) meeting = wsp_store_get (self->store, self->meeting_id, error);

  if (meeting == NULL)
    return FALSE;
  return wsp_meetings_record_invitation (self->store, meeting, (const char * const *) self->invitation->recipients,
                                         self->cancellation,
                                         wsp_meeting_sequence (meeting) + (self->cancellation ? 1 : 0), channel, NULL,
                                         error);
}

static void
launched_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr (WspInvitationDialog) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error))
    {
      g_autofree char *text = g_strdup_printf (_("No mail program opened the e-mail (%s). Copy the text and send it "
                                                 "another way."),
                                               error->message);
      toast (self, text);
      return;
    }
  if (!record (self, WSP_INVITATION_MAIL_CLIENT, &error))
    {
      toast (self, error->message);
      return;
    }
  fill_log (self);
  toast (self, self->cancellation ? _("Cancellation opened in your mail program")
                                  : _("Invitation opened in your mail program"));
}

static void
send_clicked_cb (WspInvitationDialog *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *mailto = NULL;
  g_autofree char *file_uri = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *uri = NULL;

  if (self->invitation == NULL)
    return;
  if (!write_calendar (self, &error))
    {
      toast (self, error->message);
      return;
    }
  mailto = wsp_invitation_dup_mailto (self->invitation);
  file_uri = g_filename_to_uri (self->calendar_path, NULL, NULL);
  escaped = g_uri_escape_string (file_uri, NULL, FALSE);
  /* Evolution and some others attach a file named by "attach". */
  uri = g_strdup_printf ("%s&attach=%s", mailto, escaped);
  gtk_show_uri_full (GTK_WINDOW (self), uri, GDK_CURRENT_TIME, NULL, launched_cb, g_object_ref (self));
}

static void
copy_clicked_cb (WspInvitationDialog *self)
{
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;

  if (self->invitation == NULL)
    return;
  text = wsp_invitation_dup_text (self->invitation);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
  if (!write_calendar (self, &error) || !record (self, WSP_INVITATION_COPIED, &error))
    {
      toast (self, error->message);
      return;
    }
  fill_log (self);
  toast (self, _("Text copied; the calendar file is below"));
}

static void
save_response_cb (GtkNativeDialog     *chooser,
                  int                  response,
                  WspInvitationDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->invitation != NULL)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr (GBytes) bytes = g_bytes_new (self->invitation->calendar, strlen (self->invitation->calendar));
      g_autoptr (GError) error = NULL;

      if (!wsp_output_save (path, bytes, &error))
        toast (self, error->message);
      else
        toast (self, _("Calendar file saved"));
    }
  g_clear_object (&self->chooser);
}

static void
save_calendar_clicked_cb (WspInvitationDialog *self)
{
  if (self->invitation == NULL)
    return;
  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Save the Calendar File"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser),
                                     self->cancellation ? C_ ("file name", "cancellation.ics")
                                                        : C_ ("file name", "invitation.ics"));
  g_signal_connect (self->chooser, "response", G_CALLBACK (save_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* ---- for those who look in ----------------------------------------------- */

GtkWidget *
wsp_invitation_dialog_get_send_button (WspInvitationDialog *self)
{
  g_return_val_if_fail (WSP_IS_INVITATION_DIALOG (self), NULL);
  return self->send_button;
}

GtkWidget *
wsp_invitation_dialog_get_copy_button (WspInvitationDialog *self)
{
  g_return_val_if_fail (WSP_IS_INVITATION_DIALOG (self), NULL);
  return self->copy_button;
}

GtkWidget *
wsp_invitation_dialog_get_sender_row (WspInvitationDialog *self)
{
  g_return_val_if_fail (WSP_IS_INVITATION_DIALOG (self), NULL);
  return GTK_WIDGET (self->sender_row);
}

/* Where the calendar file was written, or NULL before it was. */
const char *
wsp_invitation_dialog_get_calendar_path (WspInvitationDialog *self)
{
  g_return_val_if_fail (WSP_IS_INVITATION_DIALOG (self), NULL);
  return self->calendar_path;
}

/* Why there is no invitation to send, or NULL. */
const char *
wsp_invitation_dialog_get_problem (WspInvitationDialog *self)
{
  g_return_val_if_fail (WSP_IS_INVITATION_DIALOG (self), NULL);
  return self->problem;
}

WspInvitationDialog *
wsp_invitation_dialog_new (WspStore   *store,
                           const char *meeting_id)
{
  WspInvitationDialog *self = g_object_new (WSP_TYPE_INVITATION_DIALOG, NULL);
  g_autofree char *sender = NULL;

  self->store = g_object_ref (store);
  self->meeting_id = g_strdup (meeting_id);
  sender = g_settings_get_string (self->settings, "secretariat-email");
  gtk_editable_set_text (GTK_EDITABLE (self->sender_row), sender);
  rebuild (self);
  gtk_widget_grab_focus (self->send_button);
  return self;
}

static void
wsp_invitation_dialog_dispose (GObject *object)
{
  WspInvitationDialog *self = WSP_INVITATION_DIALOG (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->invitation, wsp_invitation_free);
  g_clear_pointer (&self->meeting_id, g_free);
  g_clear_pointer (&self->calendar_path, g_free);
  g_clear_pointer (&self->problem, g_free);
  g_clear_pointer (&self->address_rows, g_ptr_array_unref);
  g_clear_pointer (&self->log_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (wsp_invitation_dialog_parent_class)->dispose (object);
}

static void
wsp_invitation_dialog_class_init (WspInvitationDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wsp_invitation_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Wspolnie/meetings/wsp-invitation-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, WspInvitationDialog, toasts);
  gtk_widget_class_bind_template_child (widget_class, WspInvitationDialog, problem_label);
  gtk_widget_class_bind_template_child (widget_class, WspInvitationDialog, recipients_row);
  gtk_widget_class_bind_template_child (widget_class, WspInvitationDialog, sender_row);
  gtk_widget_class_bind_template_child (widget_class, WspInvitationDialog, subject_row);
  gtk_widget_class_bind_template_child (widget_class, WspInvitationDialog, text_view);
  gtk_widget_class_bind_template_child (widget_class, WspInvitationDialog, send_button);
  gtk_widget_class_bind_template_child (widget_class, WspInvitationDialog, copy_button);
  gtk_widget_class_bind_template_child (widget_class, WspInvitationDialog, calendar_row);
  gtk_widget_class_bind_template_child (widget_class, WspInvitationDialog, log_group);
  gtk_widget_class_bind_template_callback (widget_class, sender_applied_cb);
  gtk_widget_class_bind_template_callback (widget_class, send_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, copy_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_calendar_clicked_cb);
}

static void
wsp_invitation_dialog_init (WspInvitationDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  wsp_meetings_close_on_escape (GTK_WINDOW (self));
  self->settings = g_settings_new (APP_ID);
  self->address_rows = g_ptr_array_new ();
  self->log_rows = g_ptr_array_new ();
}
