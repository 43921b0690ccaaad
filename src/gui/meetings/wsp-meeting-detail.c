/* wsp-meeting-detail.c — one meeting: its header, agenda, check-in and run sheet
 *
 * The header says which meeting it is, when and where, its status and
 * the invitations sent; its buttons edit the meeting, invite to it, print
 * or save its agenda and attendance list, and move it on (held, minutes
 * approved) or cancel it (after asking, with Undo). Below, three pages: the
 * agenda builder before the meeting, and in the room the check-in with the
 * quorum and the run sheet with the notes for the minutes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "domain/wsp-meetings.h"
#include "meetings/wsp-invitation-dialog.h"
#include "meetings/wsp-meeting-detail.h"
#include "domain/wsp-minutes.h"
#include "meetings/wsp-meetings-util.h"
#include "output/wsp-builders.h"
#include "output/wsp-output.h"
#include "print/wsp-print-operation.h"
#include "records/wsp-records-meetings.h"
#include "widgets/wsp-gui-util.h"
#include "widgets/wsp-save-document.h"
#include "widgets/wsp-page-switcher.h"

struct _WspMeetingDetail
{
  AdwBin                parent_instance;

  WspStore             *store;
  char                 *meeting_id;
  WspMeetingStatus      status;
  gulong                changed_id;
  guint                 follow_id;
  GtkWindow            *dialog;

  GtkLabel             *title_label;
  GtkLabel             *when_label;
  GtkLabel             *place_label;
  GtkLabel             *status_label;
  GtkWidget            *invite_button;
  GtkStack         *pages;
  WspAgendaEditor      *agenda;
  WspCheckInPanel      *check_in;
  WspRunSheet          *run_sheet;
};

G_DEFINE_FINAL_TYPE (WspMeetingDetail, wsp_meeting_detail, ADW_TYPE_BIN)

static WspRecord *
get_meeting (WspMeetingDetail *self)
{
  if (self->store == NULL || self->meeting_id == NULL)
    return NULL;
  return wsp_store_get (self->store, self->meeting_id, NULL);
}

/* "Invited on Tue 1 December 2026 at 14:02 (27 addresses)" */
static char *
invitations_line (WspMeetingDetail *self)
{
  g_autoptr (GPtrArray) sent = wsp_meetings_invitations (self->store, self->meeting_id, NULL);
  WspRecord *last;
  g_autoptr (GDateTime) at = NULL;
  g_autofree char *day = NULL;
  g_autofree char *clock = NULL;
  g_auto (GStrv) recipients = NULL;
  guint n;

  if (sent == NULL || sent->len == 0)
    return NULL;
  last = g_ptr_array_index (sent, 0);
  at = wsp_meetings_parse_time (last, "sent_at");
  if (at == NULL)
    return NULL;
  day = wsp_meetings_format_day (at);
  clock = wsp_meetings_format_clock (at);
  recipients = wsp_record_dup_list (last, "recipients");
  n = recipients != NULL ? g_strv_length (recipients) : 0;
  if (wsp_record_get_bool (last, "cancellation"))
    /* Translators: %1$s a day, %2$s a time, %3$u how many addresses */
    return g_strdup_printf (ngettext ("Cancellation sent on %1$s at %2$s (%3$u address)",
                                      "Cancellation sent on %1$s at %2$s (%3$u addresses)", n),
                            day, clock, n);
  /* Translators: %1$s a day, %2$s a time, %3$u how many addresses */
  return g_strdup_printf (ngettext ("Invitation sent on %1$s at %2$s (%3$u address)",
                                    "Invitation sent on %1$s at %2$s (%3$u addresses)", n),
                          day, clock, n);
}

static void
update_header (WspMeetingDetail *self)
{
  g_autoptr (WspRecord) meeting = get_meeting (self);
  g_autofree char *title = NULL;
  g_autofree char *when = NULL;
  g_autofree char *place = NULL;
  g_autofree char *invited = NULL;
  g_autofree char *status_line = NULL;
  const char *status;

  if (meeting == NULL)
    return;
  self->status = wsp_meeting_get_status (meeting);
  title = wsp_meeting_dup_title (meeting);
  when = wsp_meetings_format_when (meeting);
  place = wsp_meetings_format_place (self->store, meeting);
  invited = invitations_line (self);
  status = wsp_choice_label (wsp_meeting_status_choices, wsp_record_get_string (meeting, "status"));
  status_line = invited != NULL ? g_strdup_printf ("%s · %s", status != NULL ? status : "", invited)
                                : g_strdup (status != NULL ? status : "");

  gtk_label_set_text (self->title_label, title);
  gtk_label_set_text (self->when_label, when != NULL ? when : _("No date yet"));
  gtk_label_set_text (self->place_label, place != NULL ? place : _("No room chosen yet"));
  gtk_label_set_text (self->status_label, status_line);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.invite",
                                 self->status == WSP_MEETING_PLANNED || self->status == WSP_MEETING_INVITED
                                   || self->status == WSP_MEETING_CANCELLED);
  gtk_button_set_label (GTK_BUTTON (self->invite_button),
                        self->status == WSP_MEETING_CANCELLED ? _("Send _Cancellation…") : _("_Invite…"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.cancel",
                                 self->status == WSP_MEETING_PLANNED || self->status == WSP_MEETING_INVITED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.mark-held",
                                 self->status == WSP_MEETING_PLANNED || self->status == WSP_MEETING_INVITED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.approve-minutes", self->status == WSP_MEETING_HELD);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.correct-minutes",
                                 self->status == WSP_MEETING_MINUTES_APPROVED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.plan-again", self->status == WSP_MEETING_CANCELLED);
}

/* A vote that approves the minutes of the meeting before: the meeting's
 * status follows (after the change that closed it is taken in). */
static gboolean
follow_ballots_cb (gpointer data)
{
  WspMeetingDetail *self = data;
  g_autoptr (GError) error = NULL;
  guint n = 0;

  self->follow_id = 0;
  if (self->store != NULL && !wsp_minutes_follow_ballots (self->store, &n, &error))
    g_warning ("The minutes approved by votes could not be marked: %s", error->message);
  else if (n > 0)
    wsp_gui_add_toast (GTK_WIDGET (self), adw_toast_new (ngettext ("The vote approved the minutes of the meeting before",
                                                                   "The votes approved the minutes of the meetings before",
                                                                   n)));
  return G_SOURCE_REMOVE;
}

static void
store_changed_cb (WspStore         *store,
                  WspChanges       *changes,
                  WspMeetingDetail *self)
{
  if (wsp_changes_has_entity (changes, "ballot") && self->follow_id == 0)
    self->follow_id = g_idle_add (follow_ballots_cb, self);
  if (self->meeting_id == NULL)
    return;
  if (wsp_changes_contains (changes, "meeting", self->meeting_id) || wsp_changes_has_entity (changes, "invitation")
      || wsp_changes_has_entity (changes, "room"))
    update_header (self);
}

/**
 * wsp_meeting_detail_set_meeting:
 * @self: the detail
 * @store: (nullable): the store
 * @meeting_id: (nullable): the meeting to show; %NULL for none
 */
void
wsp_meeting_detail_set_meeting (WspMeetingDetail *self,
                                WspStore         *store,
                                const char       *meeting_id)
{
  g_return_if_fail (WSP_IS_MEETING_DETAIL (self));

  /* The same meeting again (its record changed): the pages follow the
   * store by themselves, and keep their state (focus, typing, unlocking). */
  if (self->store == store && g_strcmp0 (self->meeting_id, meeting_id) == 0 && meeting_id != NULL)
    {
      update_header (self);
      return;
    }
  if (self->store != store)
    {
      if (self->store != NULL)
        g_clear_signal_handler (&self->changed_id, self->store);
      g_set_object (&self->store, store);
      if (store != NULL)
        self->changed_id = g_signal_connect (store, "changed", G_CALLBACK (store_changed_cb), self);
    }
  if (g_strcmp0 (self->meeting_id, meeting_id) != 0)
    {
      g_free (self->meeting_id);
      self->meeting_id = g_strdup (meeting_id);
    }
  wsp_agenda_editor_set_meeting (self->agenda, store, meeting_id);
  wsp_check_in_panel_set_meeting (self->check_in, store, meeting_id);
  wsp_run_sheet_set_meeting (self->run_sheet, store, meeting_id);
  update_header (self);
}

const char *
wsp_meeting_detail_get_meeting_id (WspMeetingDetail *self)
{
  g_return_val_if_fail (WSP_IS_MEETING_DETAIL (self), NULL);
  return self->meeting_id;
}

/* Shows "agenda", "check-in" or "run". */
void
wsp_meeting_detail_show_page (WspMeetingDetail *self,
                              const char       *name)
{
  g_return_if_fail (WSP_IS_MEETING_DETAIL (self));
  gtk_stack_set_visible_child_name (self->pages, name);
}

const char *
wsp_meeting_detail_get_page (WspMeetingDetail *self)
{
  g_return_val_if_fail (WSP_IS_MEETING_DETAIL (self), NULL);
  return gtk_stack_get_visible_child_name (self->pages);
}

WspAgendaEditor *
wsp_meeting_detail_get_agenda (WspMeetingDetail *self)
{
  g_return_val_if_fail (WSP_IS_MEETING_DETAIL (self), NULL);
  return self->agenda;
}

WspCheckInPanel *
wsp_meeting_detail_get_check_in (WspMeetingDetail *self)
{
  g_return_val_if_fail (WSP_IS_MEETING_DETAIL (self), NULL);
  return self->check_in;
}

WspRunSheet *
wsp_meeting_detail_get_run_sheet (WspMeetingDetail *self)
{
  g_return_val_if_fail (WSP_IS_MEETING_DETAIL (self), NULL);
  return self->run_sheet;
}

GtkWidget *
wsp_meeting_detail_get_invite_button (WspMeetingDetail *self)
{
  g_return_val_if_fail (WSP_IS_MEETING_DETAIL (self), NULL);
  return self->invite_button;
}

/* The open invitation window, if any. */
GtkWindow *
wsp_meeting_detail_get_dialog (WspMeetingDetail *self)
{
  g_return_val_if_fail (WSP_IS_MEETING_DETAIL (self), NULL);
  return self->dialog;
}

/* ---- invitations --------------------------------------------------------- */

static void
dialog_destroyed_cb (WspMeetingDetail *self)
{
  self->dialog = NULL;
}

static void
invite_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  WspMeetingDetail *self = WSP_MEETING_DETAIL (widget);
  GtkWindow *dialog;

  if (self->meeting_id == NULL)
    return;
  if (self->dialog != NULL)
    gtk_window_destroy (self->dialog);
  dialog = GTK_WINDOW (wsp_invitation_dialog_new (self->store, self->meeting_id));
  self->dialog = dialog;
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (dialog_destroyed_cb), self, G_CONNECT_SWAPPED);
  wsp_meetings_present (widget, dialog);
}

/* ---- documents ----------------------------------------------------------- */

static WspDocument *
build_document (WspMeetingDetail  *self,
                const char        *document,
                GError           **error)
{
  if (g_str_has_prefix (document, "attendance-list"))
    return wsp_build_attendance_list (self->store, self->meeting_id, NULL, error);
  if (g_str_has_prefix (document, "minutes"))
    return wsp_build_minutes (self->store, self->meeting_id, NULL, error);
  if (g_str_has_prefix (document, "votes"))
    return wsp_build_meeting_vote_list (self->store, self->meeting_id, NULL, error);
  return wsp_build_agenda (self->store, self->meeting_id, NULL, error);
}

/* Writes the @document ("agenda", "attendance-list", "minutes" or
 * "votes") to @path, in the
 * format its extension says. */
gboolean
wsp_meeting_detail_save_document (WspMeetingDetail  *self,
                                  const char        *document,
                                  const char        *path,
                                  GError           **error)
{
  g_autoptr (WspDocument) doc = NULL;
  WspFormat format;

  g_return_val_if_fail (WSP_IS_MEETING_DETAIL (self), FALSE);
  if (!wsp_format_from_path (path, &format, error))
    return FALSE;
  doc = build_document (self, document, error);
  return doc != NULL && wsp_output_write (doc, format, path, NULL, NULL, NULL, error);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  WspMeetingDetail *self = WSP_MEETING_DETAIL (widget);
  g_autoptr (GError) error = NULL;
  g_autoptr (WspDocument) doc = build_document (self, g_variant_get_string (parameter, NULL), &error);
  g_autoptr (WspPrintOperation) operation = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);

  if (doc == NULL)
    {
      wsp_gui_show_error (widget, error);
      return;
    }
  operation = wsp_print_operation_new (doc);
  if (gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, &error)
        == GTK_PRINT_OPERATION_RESULT_ERROR)
    wsp_gui_show_error (widget, error);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  WspMeetingDetail *self = WSP_MEETING_DETAIL (widget);
  const char *target = g_variant_get_string (parameter, NULL);
  g_autoptr (WspRecord) meeting = get_meeting (self);
  g_autofree char *title = meeting != NULL ? wsp_meeting_dup_title (meeting) : NULL;
  g_autofree char *name = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (WspDocument) doc = NULL;
  gboolean agenda = g_str_has_prefix (target, "agenda");
  gboolean minutes = g_str_has_prefix (target, "minutes");
  gboolean votes = g_str_has_prefix (target, "votes");

  if (meeting == NULL)
    return;
  doc = build_document (self, target, &error);
  if (doc == NULL)
    {
      wsp_gui_show_error (widget, error);
      return;
    }
  /* Translators: the suggested file name of a saved document: the
   * document, the meeting ("Agenda – Meeting XII.pdf") */
  name = g_strdup_printf (C_ ("file name", "%1$s – %2$s.%3$s"),
                          agenda ? _("Agenda") : minutes ? _("Minutes") : votes ? _("Named list of the votes")
                                                                                : _("Attendance list"),
                          title, g_str_has_suffix (target, ".odt") ? "odt" : "pdf");
  wsp_save_document (widget, doc,
                     agenda    ? _("Save the Agenda")
                     : minutes ? _("Save the Minutes")
                     : votes   ? _("Save the Named List of the Votes")
                               : _("Save the Attendance List"),
                     name);
}

/* ---- status -------------------------------------------------------------- */

static void
undo_status_cb (AdwToast         *toast,
                WspMeetingDetail *self)
{
  g_autoptr (WspRecord) meeting = get_meeting (self);
  g_autoptr (GError) error = NULL;
  const char *before = g_object_get_data (G_OBJECT (toast), "status");

  if (meeting == NULL)
    return;
  wsp_record_set_string (meeting, "status", before);
  if (!wsp_store_save (self->store, meeting, &error))
    wsp_gui_show_error (GTK_WIDGET (self), error);
}

static void
set_status (WspMeetingDetail *self,
            WspMeetingStatus  status,
            const char       *message)
{
  g_autoptr (WspRecord) meeting = get_meeting (self);
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  AdwToast *toast;

  if (meeting == NULL)
    return;
  before = g_strdup (wsp_record_get_string (meeting, "status"));
  if (!wsp_meetings_set_status (self->store, meeting, status, &error))
    {
      wsp_gui_show_error (GTK_WIDGET (self), error);
      return;
    }
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "status", g_steal_pointer (&before), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_status_cb), self, 0);
  wsp_gui_add_toast (GTK_WIDGET (self), toast);
}

static void
mark_held_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  set_status (WSP_MEETING_DETAIL (widget), WSP_MEETING_HELD,
              _("Marked as held"));
}

static void
approve_minutes_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  set_status (WSP_MEETING_DETAIL (widget), WSP_MEETING_MINUTES_APPROVED, _("Minutes marked as approved"));
}

static void
correction_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        WspMeetingDetail *self)
{
  GtkTextView *view = g_object_get_data (G_OBJECT (dialog), "text");
  GtkDropDown *item = g_object_get_data (G_OBJECT (dialog), "item");
  GPtrArray *item_ids = g_object_get_data (G_OBJECT (dialog), "item-ids");
  guint chosen = gtk_drop_down_get_selected (item);
  g_autoptr (WspRecord) meeting = get_meeting (self);
  g_autoptr (GError) error = NULL;
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  if (g_strcmp0 (response, "record") != 0 || meeting == NULL)
    return;
  gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (view), &start, &end);
  text = gtk_text_buffer_get_text (gtk_text_view_get_buffer (view), &start, &end, FALSE);
  if (!wsp_minutes_record_correction (self->store, meeting,
                                      chosen > 0 && chosen < item_ids->len + 1
                                        ? g_ptr_array_index (item_ids, chosen - 1) : NULL,
                                      text, NULL, &error))
    wsp_gui_show_error (GTK_WIDGET (self), error);
  else
    wsp_gui_add_toast (GTK_WIDGET (self), adw_toast_new (_("Correction recorded with the minutes")));
}

/* Approved minutes are not edited: what was wrong is a correction shown
 * with them. */
static void
correct_minutes_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  WspMeetingDetail *self = WSP_MEETING_DETAIL (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  AdwMessageDialog *dialog;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *view = gtk_text_view_new ();
  GtkStringList *choices = gtk_string_list_new (NULL);
  GtkWidget *item;
  GPtrArray *item_ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  /* Translators: in the correction of minutes: what it is about */
  gtk_string_list_append (choices, _("The minutes as a whole"));
  if (wsp_store_query (self->store, WSP_TYPE_AGENDA_ITEM, "meeting_id", self->meeting_id, items, NULL))
    for (guint i = 0; i < items->len; i++)
      {
        WspRecord *agenda_item = g_ptr_array_index (items, i);
        const char *title = wsp_record_get_string (agenda_item, "title");
        /* Long titles are cut, so the dialog keeps to a narrow screen. */
        g_autofree char *start = title != NULL && g_utf8_strlen (title, -1) > 48 ? g_utf8_substring (title, 0, 47)
                                                                                 : NULL;
        g_autofree char *cut = start != NULL ? g_strconcat (start, "…", NULL) : NULL;
        /* Translators: in the correction of minutes: an agenda item, its number and title */
        g_autofree char *label = g_strdup_printf (_("Item %1$u: %2$s"), i + 1, cut != NULL ? cut : title);

        gtk_string_list_append (choices, label);
        g_ptr_array_add (item_ids, g_strdup (wsp_record_get_id (agenda_item)));
      }
  item = gtk_drop_down_new (G_LIST_MODEL (choices), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (item), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Corrected part"), -1);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("Correct the Approved Minutes"),
                                                       _("The minutes were approved, so they stay as they are. "
                                                         "The correction is recorded with its date and shown "
                                                         "with them.")));
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Correction"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 96);
  gtk_widget_add_css_class (scrolled, "card");
  gtk_box_append (GTK_BOX (box), item);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_message_dialog_set_extra_child (dialog, box);
  g_object_set_data (G_OBJECT (dialog), "text", view);
  g_object_set_data (G_OBJECT (dialog), "item", item);
  g_object_set_data_full (G_OBJECT (dialog), "item-ids", item_ids, (GDestroyNotify) g_ptr_array_unref);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "record", _("_Record Correction"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "record", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "record");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (correction_response_cb), self, 0);
  if (self->dialog != NULL)
    gtk_window_destroy (self->dialog);
  self->dialog = GTK_WINDOW (dialog);
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (dialog_destroyed_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (view);
}

static void
plan_again_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  set_status (WSP_MEETING_DETAIL (widget), WSP_MEETING_PLANNED, _("The meeting is planned again"));
}

static void
cancel_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    WspMeetingDetail *self)
{
  if (g_strcmp0 (response, "cancel-meeting") == 0)
    set_status (self, WSP_MEETING_CANCELLED, _("Meeting cancelled"));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  WspMeetingDetail *self = WSP_MEETING_DETAIL (widget);
  g_autoptr (WspRecord) meeting = get_meeting (self);
  g_autofree char *title = meeting != NULL ? wsp_meeting_dup_title (meeting) : NULL;
  g_autofree char *heading = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);
  AdwMessageDialog *dialog;

  if (meeting == NULL)
    return;
  /* Translators: a question; %s is the meeting ("Meeting XII") */
  heading = g_strdup_printf (_("Cancel %s?"), title);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                                       _("The meeting stays in the list as cancelled, with its "
                                                         "agenda; it can be planned again. Members who were "
                                                         "invited should be sent a cancellation.")));
  adw_message_dialog_add_responses (dialog, "keep", _("_Keep the Meeting"), "cancel-meeting", _("_Cancel Meeting"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "cancel-meeting", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "keep");
  adw_message_dialog_set_close_response (dialog, "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (cancel_response_cb), self, 0);
  if (self->dialog != NULL)
    gtk_window_destroy (self->dialog);
  self->dialog = GTK_WINDOW (dialog);
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (dialog_destroyed_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- life ---------------------------------------------------------------- */

static void
wsp_meeting_detail_dispose (GObject *object)
{
  WspMeetingDetail *self = WSP_MEETING_DETAIL (object);

  if (self->dialog != NULL)
    gtk_window_destroy (self->dialog);
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_handle_id (&self->follow_id, g_source_remove);
  g_clear_object (&self->store);
  g_clear_pointer (&self->meeting_id, g_free);

  G_OBJECT_CLASS (wsp_meeting_detail_parent_class)->dispose (object);
}

static void
wsp_meeting_detail_class_init (WspMeetingDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wsp_meeting_detail_dispose;

  g_type_ensure (WSP_TYPE_AGENDA_EDITOR);
  g_type_ensure (WSP_TYPE_PAGE_SWITCHER);
  g_type_ensure (WSP_TYPE_CHECK_IN_PANEL);
  g_type_ensure (WSP_TYPE_RUN_SHEET);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Wspolnie/meetings/wsp-meeting-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, WspMeetingDetail, title_label);
  gtk_widget_class_bind_template_child (widget_class, WspMeetingDetail, when_label);
  gtk_widget_class_bind_template_child (widget_class, WspMeetingDetail, place_label);
  gtk_widget_class_bind_template_child (widget_class, WspMeetingDetail, status_label);
  gtk_widget_class_bind_template_child (widget_class, WspMeetingDetail, invite_button);
  gtk_widget_class_bind_template_child (widget_class, WspMeetingDetail, pages);
  gtk_widget_class_bind_template_child (widget_class, WspMeetingDetail, agenda);
  gtk_widget_class_bind_template_child (widget_class, WspMeetingDetail, check_in);
  gtk_widget_class_bind_template_child (widget_class, WspMeetingDetail, run_sheet);

  gtk_widget_class_install_action (widget_class, "detail.invite", NULL, invite_action);
  gtk_widget_class_install_action (widget_class, "detail.print", "s", print_action);
  gtk_widget_class_install_action (widget_class, "detail.save", "s", save_action);
  gtk_widget_class_install_action (widget_class, "detail.mark-held", NULL, mark_held_action);
  gtk_widget_class_install_action (widget_class, "detail.approve-minutes", NULL, approve_minutes_action);
  gtk_widget_class_install_action (widget_class, "detail.correct-minutes", NULL, correct_minutes_action);
  gtk_widget_class_install_action (widget_class, "detail.plan-again", NULL, plan_again_action);
  gtk_widget_class_install_action (widget_class, "detail.cancel", NULL, cancel_action);
}

static void
wsp_meeting_detail_init (WspMeetingDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
