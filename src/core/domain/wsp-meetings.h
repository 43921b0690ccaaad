/* wsp-meetings.h — a meeting's life: its number, who is invited, what its status allows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "domain/wsp-membership.h"

G_BEGIN_DECLS

#define WSP_MEETINGS_ERROR (wsp_meetings_error_quark ())

/**
 * WspMeetingsError:
 * @WSP_MEETINGS_ERROR_LOCKED: the meeting's status does not allow the
 *   change (a held meeting's attendance, a cancelled meeting's agenda)
 * @WSP_MEETINGS_ERROR_INVALID: a record that does not belong (an item of
 *   another meeting, a seat of another body)
 *
 * Why a change of a meeting was refused.
 */
typedef enum
{
  WSP_MEETINGS_ERROR_LOCKED,
  WSP_MEETINGS_ERROR_INVALID,
} WspMeetingsError;

GQuark wsp_meetings_error_quark (void);

/**
 * WspMeetingPart:
 * @WSP_MEETING_PART_DETAILS: date, time, room, kind
 * @WSP_MEETING_PART_AGENDA: the agenda's items and their order
 * @WSP_MEETING_PART_ATTENDANCE: check-in: presence, arrivals, guests
 * @WSP_MEETING_PART_NOTES: the notes for the minutes and the item under way
 * @WSP_MEETING_PART_INVITATIONS: sending invitations
 *
 * The parts of a meeting a status may lock.
 */
typedef enum
{
  WSP_MEETING_PART_DETAILS,
  WSP_MEETING_PART_AGENDA,
  WSP_MEETING_PART_ATTENDANCE,
  WSP_MEETING_PART_NOTES,
  WSP_MEETING_PART_INVITATIONS,
} WspMeetingPart;

char            *wsp_meetings_format_time     (GDateTime   *time);
WspMeetingStatus wsp_meeting_get_status       (WspRecord   *meeting);
gboolean         wsp_meeting_status_allows    (WspMeetingStatus status,
                                               WspMeetingPart   part);
gboolean         wsp_meeting_is_upcoming      (WspRecord   *meeting,
                                               GDateTime   *now);
char            *wsp_meeting_dup_title        (WspRecord   *meeting);
char            *wsp_meetings_roman           (guint        n);
char            *wsp_meeting_dup_date         (WspRecord   *meeting);

GPtrArray       *wsp_meetings_members_on      (WspStore    *store,
                                               WspRecord   *body,
                                               const char  *date,
                                               GError     **error);
gint64           wsp_meetings_next_number     (WspStore    *store,
                                               const char  *body_id,
                                               const char  *date,
                                               const char  *except_id,
                                               GError     **error);
gboolean         wsp_meetings_set_status      (WspStore    *store,
                                               WspRecord   *meeting,
                                               WspMeetingStatus status,
                                               GError     **error);
gboolean         wsp_meetings_record_invitation (WspStore  *store,
                                               WspRecord   *meeting,
                                               const char * const *recipients,
                                               gboolean     cancellation,
                                               guint        sequence,
                                               WspInvitationChannel channel,
                                               GDateTime   *sent_at,
                                               GError     **error);
GPtrArray       *wsp_meetings_invitations     (WspStore    *store,
                                               const char  *meeting_id,
                                               GError     **error);
guint            wsp_meetings_count_items     (WspStore    *store,
                                               const char  *meeting_id);
char            *wsp_meetings_room_place      (WspRecord   *room);

G_END_DECLS
