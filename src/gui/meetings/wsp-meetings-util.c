/* wsp-meetings-util.c — how the meetings module writes dates, times and summaries
 *
 * Dates are written out as people say them, in the locale's form
 * ("Thu 3 December 2026, 16:00"; Polish "czw. 3 grudnia 2026, 16:00"), at
 * the offset they were entered with.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "domain/wsp-meetings.h"
#include "meetings/wsp-meetings-util.h"

/* @field of @record as a time, or NULL. Times are shown as they were
 * entered (Polish time, with its offset), as the documents show them, not
 * moved to the computer's zone. */
GDateTime *
wsp_meetings_parse_time (WspRecord  *record,
                         const char *field)
{
  const char *text = record != NULL ? wsp_record_get_string (record, field) : NULL;

  return text != NULL ? g_date_time_new_from_iso8601 (text, NULL) : NULL;
}

/* "Thu 3 December 2026" */
char *
wsp_meetings_format_day (GDateTime *time)
{
  /* Translators: a meeting's day, as g_date_time_format() writes it: "Thu
   * 3 December 2026"; Polish "%a %-d %B %Y" gives "czw. 3 grudnia 2026" */
  return g_date_time_format (time, C_ ("meeting day", "%a %-d %B %Y"));
}

/* "16:00" */
char *
wsp_meetings_format_clock (GDateTime *time)
{
  return g_date_time_format (time, "%H:%M");
}

/* "16:05" of a time field, or NULL. */
char *
wsp_meetings_format_field_clock (WspRecord  *record,
                                 const char *field)
{
  g_autoptr (GDateTime) time = wsp_meetings_parse_time (record, field);

  return time != NULL ? wsp_meetings_format_clock (time) : NULL;
}

/* "Thu 3 December 2026, 16:00–18:00", or NULL without a start. */
char *
wsp_meetings_format_when (WspRecord *meeting)
{
  g_autoptr (GDateTime) starts = wsp_meetings_parse_time (meeting, "starts_at");
  g_autoptr (GDateTime) ends = wsp_meetings_parse_time (meeting, "ends_at");
  g_autofree char *day = NULL;
  g_autofree char *from = NULL;
  g_autofree char *until = NULL;

  if (starts == NULL)
    return NULL;
  day = wsp_meetings_format_day (starts);
  from = wsp_meetings_format_clock (starts);
  if (ends == NULL || g_date_time_compare (ends, starts) <= 0)
    /* Translators: a meeting's day and start: "Thu 3 December 2026, 16:00" */
    return g_strdup_printf (C_ ("meeting time", "%1$s, %2$s"), day, from);
  until = wsp_meetings_format_clock (ends);
  /* Translators: a meeting's day, start and end: "Thu 3 December 2026, 16:00–18:00" */
  return g_strdup_printf (C_ ("meeting time", "%1$s, %2$s–%3$s"), day, from, until);
}

/* Where the meeting is held: its room, else the place written. */
char *
wsp_meetings_format_place (WspStore  *store,
                           WspRecord *meeting)
{
  const char *room_id = wsp_record_get_string (meeting, "room_id");
  g_autoptr (WspRecord) room = room_id != NULL && store != NULL ? wsp_store_get (store, room_id, NULL) : NULL;

  if (room != NULL)
    return wsp_meetings_room_place (room);
  return g_strdup (wsp_record_get_string (meeting, "place"));
}

/* "Room 12, ul. Hutnicza 5 · Invitations sent · 7 items" */
char *
wsp_meetings_format_summary (WspStore  *store,
                             WspRecord *meeting)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *place = wsp_meetings_format_place (store, meeting);
  guint items = store != NULL ? wsp_meetings_count_items (store, wsp_record_get_id (meeting)) : 0;
  const char *status = wsp_choice_label (wsp_meeting_status_choices, wsp_record_get_string (meeting, "status"));

  if (place != NULL)
    g_ptr_array_add (parts, g_steal_pointer (&place));
  if (status != NULL)
    g_ptr_array_add (parts, g_strdup (status));
  g_ptr_array_add (parts, items == 0 ? g_strdup (_("no agenda yet"))
                                     : g_strdup_printf (ngettext ("%u item", "%u items", items), items));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

/* "1 h 30 min", "45 min" */
char *
wsp_meetings_format_minutes (gint64 minutes)
{
  if (minutes >= 60 && minutes % 60 != 0)
    /* Translators: a duration: hours and minutes */
    return g_strdup_printf (_("%d h %d min"), (int) (minutes / 60), (int) (minutes % 60));
  if (minutes >= 60)
    /* Translators: a duration in whole hours */
    return g_strdup_printf (_("%d h"), (int) (minutes / 60));
  /* Translators: a duration in minutes */
  return g_strdup_printf (_("%d min"), (int) minutes);
}

/* Shows @window over the window @parent is in. */
void
wsp_meetings_present (GtkWidget *parent,
                      GtkWindow *window)
{
  GtkRoot *root = gtk_widget_get_root (parent);

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (window, GTK_WINDOW (root));
  gtk_window_present (window);
}

/* Escape closes @window, even while a text field has the focus (the field
 * would otherwise take the first Escape for itself). */
void
wsp_meetings_close_on_escape (GtkWindow *window)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (GTK_WIDGET (window), controller);
}
