/* wsp-calendar.h — a meeting as an iCalendar invitation (RFC 5545, RFC 5546)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * WspCalendarEvent:
 * @uid: the same for every version of the invitation to one meeting
 * @sequence: grows with each change of the meeting
 * @cancelled: a cancellation (METHOD:CANCEL) instead of a request
 * @summary: the title
 * @description: (nullable): the agenda, as plain text
 * @location: (nullable): the room and its address
 * @starts_at: the start
 * @ends_at: (nullable): the end; two hours after the start when unknown
 * @organizer_name: (nullable): who invites
 * @organizer_email: who invites: where the answers go
 * @attendee_names: (nullable) (array zero-terminated=1): who is invited
 * @attendee_emails: (nullable) (array zero-terminated=1): their addresses,
 *   as many as @attendee_names
 *
 * What the calendar file says about one meeting.
 */
typedef struct
{
  const char         *uid;
  guint               sequence;
  gboolean            cancelled;
  const char         *summary;
  const char         *description;
  const char         *location;
  GDateTime          *starts_at;
  GDateTime          *ends_at;
  const char         *organizer_name;
  const char         *organizer_email;
  const char * const *attendee_names;
  const char * const *attendee_emails;
} WspCalendarEvent;

char *wsp_calendar_render         (const WspCalendarEvent *event,
                                   GDateTime              *stamp);
char *wsp_calendar_format_warsaw  (GDateTime              *time);

G_END_DECLS
