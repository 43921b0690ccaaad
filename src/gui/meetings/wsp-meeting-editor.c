/* wsp-meeting-editor.c — a meeting's number, kind, date, times, room and status
 *
 * A new meeting starts a week from today at the body's usual hour, with
 * the next number of the term (wsp_meetings_next_number()), which follows
 * the date until a person types a number of their own. The room comes
 * from the register of rooms (WspRoomsDialog); a place not in it can be
 * written instead. Dates are typed as day.month.year (or year-month-day),
 * times as hh:mm, in the computer's time zone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "domain/wsp-meetings.h"
#include "meetings/wsp-meeting-editor.h"
#include "meetings/wsp-meetings-util.h"
#include "meetings/wsp-rooms-dialog.h"
#include "records/wsp-records-meetings.h"
#include "records/wsp-records-members.h"
#include "store/wsp-record-list.h"
#include "widgets/wsp-record-chooser.h"

struct _WspMeetingEditor
{
  AdwWindow     parent_instance;

  WspStore     *store;
  WspRecord    *body;
  WspRecord    *meeting;     /* NULL for a new one */
  GListModel   *rooms;       /* the register, live */
  GtkStringList *room_names;
  GPtrArray    *room_ids;    /* beside room_names; NULL for "no room" */
  GPtrArray    *status_names;
  gboolean      number_typed;
  gboolean      filling;

  AdwEntryRow  *date_row;
  AdwEntryRow  *start_row;
  AdwEntryRow  *end_row;
  AdwComboRow  *room_row;
  AdwEntryRow  *place_row;
  GtkLabel     *room_notes;
  AdwEntryRow  *number_row;
  AdwComboRow  *kind_row;
  AdwComboRow  *status_row;
  AdwActionRow *chair_row;
  AdwActionRow *taker_row;
  GtkWidget    *chair_chooser;
  GtkWidget    *taker_chooser;
  GtkLabel     *problem;
  GtkButton    *save_button;
  GtkWidget    *rooms_button;
};

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (WspMeetingEditor, wsp_meeting_editor, ADW_TYPE_WINDOW)

#define EDITOR_ERROR (g_quark_from_static_string ("wsp-meeting-editor-error"))

/* ---- what is typed ------------------------------------------------------- */

/* "14.01.2027", "14.1.2027", "2027-01-14"; FALSE for anything else. */
gboolean
wsp_meetings_parse_date (const char *text,
                         int        *year,
                         int        *month,
                         int        *day)
{
  char rest = 0;

  if (text == NULL)
    return FALSE;
  while (g_ascii_isspace (*text))
    text++;
  if (sscanf (text, "%4d-%2d-%2d%c", year, month, day, &rest) >= 3
      || sscanf (text, "%2d.%2d.%4d%c", day, month, year, &rest) >= 3
      || sscanf (text, "%2d/%2d/%4d%c", day, month, year, &rest) >= 3)
    return (rest == 0 || g_ascii_isspace (rest) || rest == '.') && *year >= 1900 && *year <= 9999
           && g_date_valid_dmy ((GDateDay) *day, (GDateMonth) *month, (GDateYear) *year);
  return FALSE;
}

/* "16:00", "16.30", "9"; FALSE for anything else. */
gboolean
wsp_meetings_parse_clock (const char *text,
                          int        *hour,
                          int        *minute)
{
  char rest = 0;

  if (text == NULL)
    return FALSE;
  *minute = 0;
  if (sscanf (text, " %2d:%2d%c", hour, minute, &rest) >= 2 || sscanf (text, " %2d.%2d%c", hour, minute, &rest) >= 2
      || sscanf (text, " %2d%c", hour, &rest) >= 1)
    return (rest == 0 || g_ascii_isspace (rest)) && *hour >= 0 && *hour < 24 && *minute >= 0 && *minute < 60;
  return FALSE;
}

static const char *
row_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static void
set_row_text (AdwEntryRow *row,
              const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

/* The start typed, as "YYYY-MM-DD", or NULL. */
static char *
typed_date (WspMeetingEditor *self)
{
  int year, month, day;

  if (!wsp_meetings_parse_date (row_text (self->date_row), &year, &month, &day))
    return NULL;
  return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
}

static void
show_problem (WspMeetingEditor *self,
              const char       *text)
{
  gtk_label_set_text (self->problem, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem), text != NULL);
}

static void
changed_cb (WspMeetingEditor *self)
{
  if (!self->filling)
    show_problem (self, NULL);
}

/* The next number follows the date, until a number is typed. */
static void
suggest_number (WspMeetingEditor *self)
{
  g_autofree char *date = typed_date (self);
  g_autofree char *text = NULL;
  gint64 next;

  if (self->number_typed || date == NULL || self->meeting != NULL)
    return;
  next = wsp_meetings_next_number (self->store, wsp_record_get_id (self->body), date, NULL, NULL);
  if (next <= 0)
    return;
  text = g_strdup_printf ("%" G_GINT64_FORMAT, next);
  self->filling = TRUE;
  set_row_text (self->number_row, text);
  self->filling = FALSE;
}

static void
date_changed_cb (WspMeetingEditor *self)
{
  changed_cb (self);
  suggest_number (self);
}

static void
number_changed_cb (WspMeetingEditor *self)
{
  changed_cb (self);
  if (!self->filling)
    self->number_typed = TRUE;
}

/* ---- rooms --------------------------------------------------------------- */

static const char *
chosen_room_id (WspMeetingEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->room_row);

  return selected < self->room_ids->len ? g_ptr_array_index (self->room_ids, selected) : NULL;
}

static void
room_chosen_cb (WspMeetingEditor *self)
{
  const char *id = chosen_room_id (self);
  g_autoptr (WspRecord) room = id != NULL ? wsp_store_get (self->store, id, NULL) : NULL;
  const char *notes = room != NULL ? wsp_record_get_string (room, "notes") : NULL;

  changed_cb (self);
  gtk_widget_set_visible (GTK_WIDGET (self->place_row), room == NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->room_notes), notes != NULL);
  if (notes != NULL)
    gtk_label_set_text (self->room_notes, notes);
}

/* Fills the room chooser from the register, keeping the room chosen. */
static void
fill_rooms (WspMeetingEditor *self,
            const char       *keep_id)
{
  guint n = g_list_model_get_n_items (self->rooms);
  guint selected = 0;
  g_autofree char *keep = g_strdup (keep_id);
  g_autoptr (GStrvBuilder) names = g_strv_builder_new ();
  g_auto (GStrv) list = NULL;

  g_ptr_array_set_size (self->room_ids, 0);
  /* Translators: in the room chooser: the meeting is held elsewhere */
  g_strv_builder_add (names, C_ ("room", "None of the rooms"));
  g_ptr_array_add (self->room_ids, NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (WspRecord) room = g_list_model_get_item (self->rooms, i);
      g_autofree char *place = wsp_meetings_room_place (room);

      g_strv_builder_add (names, place);
      g_ptr_array_add (self->room_ids, g_strdup (wsp_record_get_id (room)));
      if (g_strcmp0 (keep, wsp_record_get_id (room)) == 0)
        selected = i + 1;
    }
  list = g_strv_builder_end (names);
  self->filling = TRUE;
  g_clear_object (&self->room_names);
  self->room_names = gtk_string_list_new ((const char * const *) list);
  adw_combo_row_set_model (self->room_row, G_LIST_MODEL (self->room_names));
  adw_combo_row_set_selected (self->room_row, selected);
  self->filling = FALSE;
  room_chosen_cb (self);
}

static void
rooms_changed_cb (WspMeetingEditor *self)
{
  g_autofree char *keep = g_strdup (chosen_room_id (self));

  fill_rooms (self, keep);
}

static void
rooms_clicked_cb (WspMeetingEditor *self)
{
  WspRoomsDialog *dialog = wsp_rooms_dialog_new (self->store);

  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
}

GtkWidget *
wsp_meeting_editor_get_room_row (WspMeetingEditor *self)
{
  g_return_val_if_fail (WSP_IS_MEETING_EDITOR (self), NULL);
  return GTK_WIDGET (self->room_row);
}

GtkWidget *
wsp_meeting_editor_get_rooms_button (WspMeetingEditor *self)
{
  g_return_val_if_fail (WSP_IS_MEETING_EDITOR (self), NULL);
  return self->rooms_button;
}

GtkWidget *
wsp_meeting_editor_get_save_button (WspMeetingEditor *self)
{
  g_return_val_if_fail (WSP_IS_MEETING_EDITOR (self), NULL);
  return GTK_WIDGET (self->save_button);
}

/* What stopped the saving, as shown, or NULL. */
const char *
wsp_meeting_editor_get_problem (WspMeetingEditor *self)
{
  g_return_val_if_fail (WSP_IS_MEETING_EDITOR (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->problem)) ? gtk_label_get_text (self->problem) : NULL;
}

/* ---- saving -------------------------------------------------------------- */

static GDateTime *
typed_time (WspMeetingEditor *self,
            AdwEntryRow      *row,
            gboolean          required,
            gboolean         *ok,
            GError          **error)
{
  int year, month, day, hour, minute;
  const char *text = row_text (row);

  *ok = TRUE;
  if (!wsp_meetings_parse_date (row_text (self->date_row), &year, &month, &day))
    {
      *ok = FALSE;
      g_set_error_literal (error, EDITOR_ERROR, 0,
                           _("Type the date as day.month.year, for example 14.01.2027."));
      return NULL;
    }
  if (!required && *text == '\0')
    return NULL;
  if (!wsp_meetings_parse_clock (text, &hour, &minute))
    {
      *ok = FALSE;
      g_set_error_literal (error, EDITOR_ERROR, 0, _("Type the times as hours:minutes, for example 16:30."));
      return NULL;
    }
  return g_date_time_new_local (year, month, day, hour, minute, 0);
}

/**
 * wsp_meeting_editor_save:
 * @self: the editor
 * @error: where to say, in words, what stops the saving
 *
 * Saves what is typed as the meeting (a new one, or the one edited).
 */
gboolean
wsp_meeting_editor_save (WspMeetingEditor  *self,
                         GError           **error)
{
  g_autoptr (WspRecord) meeting = NULL;
  g_autoptr (GDateTime) starts = NULL;
  g_autoptr (GDateTime) ends = NULL;
  g_autofree char *starts_text = NULL;
  g_autofree char *ends_text = NULL;
  g_autofree char *place = NULL;
  const char *room_id = chosen_room_id (self);
  const char *number = row_text (self->number_row);
  guint kind = adw_combo_row_get_selected (self->kind_row);
  guint status = adw_combo_row_get_selected (self->status_row);
  gboolean ok;
  gint64 value = 0;

  starts = typed_time (self, self->start_row, TRUE, &ok, error);
  if (!ok)
    return FALSE;
  ends = typed_time (self, self->end_row, FALSE, &ok, error);
  if (!ok)
    return FALSE;
  if (ends != NULL && g_date_time_compare (ends, starts) <= 0)
    {
      g_set_error_literal (error, EDITOR_ERROR, 0, _("The meeting must end after it starts."));
      return FALSE;
    }
  if (*number != '\0' && (!g_ascii_string_to_signed (number, 10, 1, 9999, &value, NULL)))
    {
      g_set_error_literal (error, EDITOR_ERROR, 0, _("The number is a whole number, such as 12."));
      return FALSE;
    }

  if (self->meeting != NULL)
    meeting = wsp_store_get (self->store, wsp_record_get_id (self->meeting), error);
  else
    {
      meeting = WSP_RECORD (wsp_meeting_new ());
      wsp_record_set_string (meeting, "body_id", wsp_record_get_id (self->body));
    }
  if (meeting == NULL)
    return FALSE;

  starts_text = wsp_meetings_format_time (starts);
  ends_text = ends != NULL ? wsp_meetings_format_time (ends) : NULL;
  wsp_record_set_string (meeting, "starts_at", starts_text);
  wsp_record_set_string (meeting, "ends_at", ends_text);
  if (*number != '\0')
    wsp_record_set_int (meeting, "number", value);
  else
    wsp_record_set_value (meeting, "number", NULL);
  wsp_record_set_string (meeting, "room_id", room_id);
  if (room_id != NULL)
    {
      g_autoptr (WspRecord) room = wsp_store_get (self->store, room_id, NULL);

      place = room != NULL ? wsp_meetings_room_place (room) : NULL;
    }
  else
    place = g_strstrip (g_strdup (row_text (self->place_row)));
  wsp_record_set_string (meeting, "place", place);
  wsp_record_set_string (meeting, "kind", wsp_meeting_kind_choices[MIN (kind, 1)].name);
  if (status < self->status_names->len)
    wsp_record_set_string (meeting, "status", g_ptr_array_index (self->status_names, status));
  {
    WspRecord *chair = wsp_record_chooser_get_selected (self->chair_chooser);
    WspRecord *taker = wsp_record_chooser_get_selected (self->taker_chooser);

    if (g_strcmp0 (wsp_record_get_string (meeting, "chaired_by_id"), chair != NULL ? wsp_record_get_id (chair) : NULL))
      wsp_record_set_string (meeting, "chaired_by_id", chair != NULL ? wsp_record_get_id (chair) : NULL);
    if (g_strcmp0 (wsp_record_get_string (meeting, "minutes_by_id"), taker != NULL ? wsp_record_get_id (taker) : NULL))
      wsp_record_set_string (meeting, "minutes_by_id", taker != NULL ? wsp_record_get_id (taker) : NULL);
  }
  if (!wsp_store_save (self->store, meeting, error))
    return FALSE;
  g_signal_emit (self, signals[SAVED], 0, wsp_record_get_id (meeting));
  return TRUE;
}

static void
save_clicked_cb (WspMeetingEditor *self)
{
  g_autoptr (GError) error = NULL;

  if (!wsp_meeting_editor_save (self, &error))
    {
      show_problem (self, error->message);
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

/* ---- the form ------------------------------------------------------------ */

static void
fill (WspMeetingEditor *self)
{
  g_autoptr (GDateTime) starts = NULL;
  g_autoptr (GDateTime) ends = NULL;
  g_autoptr (GStrvBuilder) kinds = g_strv_builder_new ();
  g_autoptr (GStrvBuilder) statuses = g_strv_builder_new ();
  g_auto (GStrv) kind_list = NULL;
  g_auto (GStrv) status_list = NULL;
  g_autoptr (GtkStringList) kind_model = NULL;
  g_autoptr (GtkStringList) status_model = NULL;
  g_autofree char *date = NULL;
  g_autofree char *from = NULL;
  g_autofree char *until = NULL;
  const char *status = self->meeting != NULL ? wsp_record_get_string (self->meeting, "status") : "planned";
  guint status_index = 0;

  if (self->meeting != NULL)
    {
      starts = wsp_meetings_parse_time (self->meeting, "starts_at");
      ends = wsp_meetings_parse_time (self->meeting, "ends_at");
    }
  else
    {
      /* A week from today, at the body's usual hour, for two hours. */
      g_autoptr (GDateTime) now = g_date_time_new_now_local ();
      g_autoptr (GDateTime) week = g_date_time_add_days (now, 7);
      gboolean forum = g_strcmp0 (wsp_record_get_string (self->body, "kind"), "forum") == 0;

      starts = g_date_time_new_local (g_date_time_get_year (week), g_date_time_get_month (week),
                                      g_date_time_get_day_of_month (week), forum ? 17 : 16, 0, 0);
      ends = g_date_time_add_hours (starts, 2);
    }

  self->filling = TRUE;
  if (starts != NULL)
    {
      date = g_date_time_format (starts, "%d.%m.%Y");
      from = wsp_meetings_format_clock (starts);
    }
  until = ends != NULL ? wsp_meetings_format_clock (ends) : NULL;
  set_row_text (self->date_row, date);
  set_row_text (self->start_row, from);
  set_row_text (self->end_row, until);
  set_row_text (self->place_row, self->meeting != NULL && wsp_record_get_string (self->meeting, "room_id") == NULL
                                   ? wsp_record_get_string (self->meeting, "place") : NULL);
  if (self->meeting != NULL && wsp_record_get_value (self->meeting, "number") != NULL)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, wsp_record_get_int (self->meeting, "number"));
      set_row_text (self->number_row, number);
    }

  for (guint i = 0; wsp_meeting_kind_choices[i].name != NULL; i++)
    g_strv_builder_add (kinds, g_dpgettext2 (GETTEXT_PACKAGE, wsp_meeting_kind_choices[i].context,
                                             wsp_meeting_kind_choices[i].label));
  kind_list = g_strv_builder_end (kinds);
  kind_model = gtk_string_list_new ((const char * const *) kind_list);
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kind_model));
  adw_combo_row_set_selected (self->kind_row, self->meeting != NULL && g_strcmp0 (wsp_record_get_string (self->meeting, "kind"), "extraordinary") == 0);

  /* Cancelling asks, in the meeting's page; here only a cancelled meeting
   * shows that status, to plan it again. */
  for (guint i = 0; wsp_meeting_status_choices[i].name != NULL; i++)
    {
      const WspChoice *choice = &wsp_meeting_status_choices[i];

      if (choice->value == WSP_MEETING_CANCELLED && g_strcmp0 (status, "cancelled") != 0)
        continue;
      if (g_strcmp0 (status, choice->name) == 0)
        status_index = self->status_names->len;
      g_ptr_array_add (self->status_names, (gpointer) choice->name);
      g_strv_builder_add (statuses, g_dpgettext2 (GETTEXT_PACKAGE, choice->context, choice->label));
    }
  status_list = g_strv_builder_end (statuses);
  status_model = gtk_string_list_new ((const char * const *) status_list);
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (status_model));
  adw_combo_row_set_selected (self->status_row, status_index);
  self->filling = FALSE;

  fill_rooms (self, self->meeting != NULL ? wsp_record_get_string (self->meeting, "room_id") : NULL);
  suggest_number (self);
  gtk_window_set_title (GTK_WINDOW (self), self->meeting != NULL ? _("Edit Meeting") : _("New Meeting"));
}

/**
 * wsp_meeting_editor_new:
 * @store: the store
 * @body: the body whose meeting it is
 * @meeting: (nullable): the meeting to edit; %NULL for a new one
 */
WspMeetingEditor *
wsp_meeting_editor_new (WspStore  *store,
                        WspRecord *body,
                        WspRecord *meeting)
{
  WspMeetingEditor *self = g_object_new (WSP_TYPE_MEETING_EDITOR, NULL);

  self->store = g_object_ref (store);
  self->body = g_object_ref (body);
  g_set_object (&self->meeting, meeting);
  self->rooms = G_LIST_MODEL (wsp_record_list_new (store, WSP_TYPE_ROOM, NULL, NULL));
  g_signal_connect_object (self->rooms, "items-changed", G_CALLBACK (rooms_changed_cb), self, G_CONNECT_SWAPPED);
  /* Anyone in Members: the NGO Office's staff take the minutes of the Forum. */
  self->chair_chooser = wsp_record_chooser_new (store, WSP_TYPE_PERSON, _("Chaired by"));
  adw_action_row_add_suffix (self->chair_row, self->chair_chooser);
  adw_action_row_set_activatable_widget (self->chair_row, self->chair_chooser);
  self->taker_chooser = wsp_record_chooser_new (store, WSP_TYPE_PERSON, _("Minutes taken by"));
  adw_action_row_add_suffix (self->taker_row, self->taker_chooser);
  adw_action_row_set_activatable_widget (self->taker_row, self->taker_chooser);
  if (meeting != NULL)
    {
      wsp_record_chooser_select (self->chair_chooser, wsp_record_get_string (meeting, "chaired_by_id"));
      wsp_record_chooser_select (self->taker_chooser, wsp_record_get_string (meeting, "minutes_by_id"));
    }
  fill (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->date_row));
  return self;
}

static void
wsp_meeting_editor_dispose (GObject *object)
{
  WspMeetingEditor *self = WSP_MEETING_EDITOR (object);

  g_clear_object (&self->rooms);
  g_clear_object (&self->room_names);
  g_clear_object (&self->store);
  g_clear_object (&self->body);
  g_clear_object (&self->meeting);
  g_clear_pointer (&self->room_ids, g_ptr_array_unref);
  g_clear_pointer (&self->status_names, g_ptr_array_unref);

  G_OBJECT_CLASS (wsp_meeting_editor_parent_class)->dispose (object);
}

static void
wsp_meeting_editor_class_init (WspMeetingEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wsp_meeting_editor_dispose;

  /**
   * WspMeetingEditor::saved:
   * @meeting_id: the meeting saved
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Wspolnie/meetings/wsp-meeting-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, WspMeetingEditor, date_row);
  gtk_widget_class_bind_template_child (widget_class, WspMeetingEditor, start_row);
  gtk_widget_class_bind_template_child (widget_class, WspMeetingEditor, end_row);
  gtk_widget_class_bind_template_child (widget_class, WspMeetingEditor, room_row);
  gtk_widget_class_bind_template_child (widget_class, WspMeetingEditor, place_row);
  gtk_widget_class_bind_template_child (widget_class, WspMeetingEditor, room_notes);
  gtk_widget_class_bind_template_child (widget_class, WspMeetingEditor, number_row);
  gtk_widget_class_bind_template_child (widget_class, WspMeetingEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, WspMeetingEditor, chair_row);
  gtk_widget_class_bind_template_child (widget_class, WspMeetingEditor, taker_row);
  gtk_widget_class_bind_template_child (widget_class, WspMeetingEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, WspMeetingEditor, problem);
  gtk_widget_class_bind_template_child (widget_class, WspMeetingEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, WspMeetingEditor, rooms_button);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, number_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, room_chosen_cb);
  gtk_widget_class_bind_template_callback (widget_class, rooms_clicked_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, (GtkWidgetActionActivateFunc) save_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
}

static void
wsp_meeting_editor_init (WspMeetingEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  wsp_meetings_close_on_escape (GTK_WINDOW (self));
  self->room_ids = g_ptr_array_new_with_free_func (g_free);
  self->status_names = g_ptr_array_new ();
}
