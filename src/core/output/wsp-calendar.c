/* wsp-calendar.c — a meeting as an iCalendar invitation (RFC 5545, RFC 5546)
 *
 * Written with libical-glib: one VCALENDAR with METHOD:REQUEST (or CANCEL)
 * and one VEVENT. Start and end are Polish wall-clock times with
 * TZID=Europe/Warsaw, and the file carries its own short VTIMEZONE with
 * today's European rule (summer time from the last Sunday of March to the
 * last Sunday of October, at 01:00 UTC). libical's built-in zone would
 * add some 180 lines of history and a TZID with a long prefix that some
 * mail programs do not map to Warsaw; the two-rule form is what common
 * calendar programs send and read. Times are converted with the same rule,
 * so the wall-clock time written and the zone given always agree, whatever
 * the time zone of the computer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define LIBICAL_GLIB_UNSTABLE_API 1
#include <libical-glib/libical-glib.h>

#include "output/wsp-calendar.h"

/* libical-glib 3.0 declares no cleanup functions of its own. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ICalComponent, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ICalTime, g_object_unref)

#define WARSAW "Europe/Warsaw"

static const char vtimezone[] =
  "BEGIN:VTIMEZONE\r\n"
  "TZID:" WARSAW "\r\n"
  "BEGIN:DAYLIGHT\r\n"
  "TZOFFSETFROM:+0100\r\n"
  "TZOFFSETTO:+0200\r\n"
  "TZNAME:CEST\r\n"
  "DTSTART:19700329T020000\r\n"
  "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n"
  "END:DAYLIGHT\r\n"
  "BEGIN:STANDARD\r\n"
  "TZOFFSETFROM:+0200\r\n"
  "TZOFFSETTO:+0100\r\n"
  "TZNAME:CET\r\n"
  "DTSTART:19701025T030000\r\n"
  "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n"
  "END:STANDARD\r\n"
  "END:VTIMEZONE\r\n";

/* 01:00 UTC on the last Sunday of @month in @year. */
static GDateTime *
last_sunday_1am_utc (int year,
                     int month)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_get_days_in_month (month, year), month, year);
  while (g_date_get_weekday (&date) != G_DATE_SUNDAY)
    g_date_subtract_days (&date, 1);
  return g_date_time_new_utc (year, month, g_date_get_day (&date), 1, 0, 0);
}

/**
 * wsp_calendar_format_warsaw:
 * @time: an instant
 *
 * Returns: (transfer full): @time as Polish wall-clock time in iCalendar's
 *   form, e.g. "20261203T160000"
 */
char *
wsp_calendar_format_warsaw (GDateTime *time)
{
  g_autoptr (GDateTime) utc = g_date_time_to_utc (time);
  int year = g_date_time_get_year (utc);
  g_autoptr (GDateTime) spring = last_sunday_1am_utc (year, 3);
  g_autoptr (GDateTime) autumn = last_sunday_1am_utc (year, 10);
  gboolean summer = g_date_time_compare (utc, spring) >= 0 && g_date_time_compare (utc, autumn) < 0;
  g_autoptr (GDateTime) wall = g_date_time_add_hours (utc, summer ? 2 : 1);

  return g_date_time_format (wall, "%Y%m%dT%H%M%S");
}

static ICalProperty *
warsaw_time (ICalProperty *(*make) (ICalTime *),
             GDateTime     *time)
{
  g_autofree char *text = wsp_calendar_format_warsaw (time);
  g_autoptr (ICalTime) value = i_cal_time_new_from_string (text);
  ICalProperty *property = make (value);

  i_cal_property_take_parameter (property, i_cal_parameter_new_tzid (WARSAW));
  return property;
}

static ICalProperty *
person (ICalProperty *(*make) (const char *),
        const char    *name,
        const char    *email)
{
  g_autofree char *address = g_strconcat ("mailto:", email, NULL);
  ICalProperty *property = make (address);

  if (name != NULL && *name != '\0')
    i_cal_property_take_parameter (property, i_cal_parameter_new_cn (name));
  return property;
}

/**
 * wsp_calendar_render:
 * @event: the meeting
 * @stamp: (nullable): when this version was made (DTSTAMP); now when %NULL
 *
 * Returns: (transfer full): the iCalendar text, with CRLF line ends and
 *   long lines folded
 */
char *
wsp_calendar_render (const WspCalendarEvent *event,
                     GDateTime              *stamp)
{
  g_autoptr (ICalComponent) calendar = i_cal_component_new_vcalendar ();
  ICalComponent *vevent = i_cal_component_new_vevent ();
  g_autoptr (GDateTime) now = stamp != NULL ? g_date_time_ref (stamp) : g_date_time_new_now_utc ();
  g_autoptr (GDateTime) ends = event->ends_at != NULL ? g_date_time_ref (event->ends_at)
                                                      : g_date_time_add_hours (event->starts_at, 2);
  g_autoptr (ICalTime) dtstamp = NULL;

  g_return_val_if_fail (event->uid != NULL && event->starts_at != NULL, NULL);
  g_return_val_if_fail (event->organizer_email != NULL, NULL);

  i_cal_component_take_property (calendar, i_cal_property_new_prodid (
                                             "-//Wspolnie//" PACKAGE_NAME " " PACKAGE_VERSION "//PL"));
  i_cal_component_take_property (calendar, i_cal_property_new_version ("2.0"));
  i_cal_component_take_property (calendar, i_cal_property_new_calscale ("GREGORIAN"));
  i_cal_component_set_method (calendar, event->cancelled ? I_CAL_METHOD_CANCEL
                                                         : I_CAL_METHOD_REQUEST);
  i_cal_component_take_component (calendar, i_cal_component_new_from_string (vtimezone));

  dtstamp = i_cal_time_new_from_timet_with_zone (g_date_time_to_unix (now), FALSE,
                                                 i_cal_timezone_get_utc_timezone ());
  i_cal_component_set_uid (vevent, event->uid);
  i_cal_component_set_sequence (vevent, (int) event->sequence);
  i_cal_component_set_dtstamp (vevent, dtstamp);
  i_cal_component_take_property (vevent, warsaw_time (i_cal_property_new_dtstart,
                                                      event->starts_at));
  i_cal_component_take_property (vevent, warsaw_time (i_cal_property_new_dtend, ends));
  i_cal_component_set_summary (vevent, event->summary);
  if (event->location != NULL)
    i_cal_component_set_location (vevent, event->location);
  if (event->description != NULL)
    i_cal_component_set_description (vevent, event->description);
  i_cal_component_set_status (vevent, event->cancelled ? I_CAL_STATUS_CANCELLED
                                                       : I_CAL_STATUS_CONFIRMED);
  i_cal_component_take_property (vevent, i_cal_property_new_transp (I_CAL_TRANSP_OPAQUE));
  i_cal_component_take_property (vevent, person (i_cal_property_new_organizer,
                                                 event->organizer_name, event->organizer_email));
  for (guint i = 0; event->attendee_emails != NULL && event->attendee_emails[i] != NULL; i++)
    {
      ICalProperty *attendee = person (i_cal_property_new_attendee,
                                       event->attendee_names != NULL ? event->attendee_names[i]
                                                                     : NULL,
                                       event->attendee_emails[i]);

      i_cal_property_take_parameter (attendee,
                                     i_cal_parameter_new_role (I_CAL_ROLE_REQPARTICIPANT));
      if (!event->cancelled)
        {
          i_cal_property_take_parameter (attendee,
                                         i_cal_parameter_new_partstat (I_CAL_PARTSTAT_NEEDSACTION));
          i_cal_property_take_parameter (attendee, i_cal_parameter_new_rsvp (I_CAL_RSVP_TRUE));
        }
      i_cal_component_take_property (vevent, attendee);
    }
  i_cal_component_take_component (calendar, vevent);
  return i_cal_component_as_ical_string (calendar);
}
