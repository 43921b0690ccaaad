/* wsp-records-meetings.h — meetings, their rooms, agenda items, attendance, guests and invitations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "records/wsp-choices.h"
#include "records/wsp-record.h"

G_BEGIN_DECLS

#define WSP_TYPE_ROOM (wsp_room_get_type ())
WSP_DECLARE_RECORD (WspRoom, wsp_room, WSP, ROOM)

#define WSP_TYPE_MEETING (wsp_meeting_get_type ())
WSP_DECLARE_RECORD (WspMeeting, wsp_meeting, WSP, MEETING)

#define WSP_TYPE_AGENDA_ITEM (wsp_agenda_item_get_type ())
WSP_DECLARE_RECORD (WspAgendaItem, wsp_agenda_item, WSP, AGENDA_ITEM)

#define WSP_TYPE_ATTENDANCE (wsp_attendance_get_type ())
WSP_DECLARE_RECORD (WspAttendance, wsp_attendance, WSP, ATTENDANCE)

#define WSP_TYPE_GUEST (wsp_guest_get_type ())
WSP_DECLARE_RECORD (WspGuest, wsp_guest, WSP, GUEST)

/* WspInvitation is the documents layer's e-mail and calendar file; this is
 * the record that one was sent. */
#define WSP_TYPE_INVITATION_SENT (wsp_invitation_sent_get_type ())
WSP_DECLARE_RECORD (WspInvitationSent, wsp_invitation_sent, WSP, INVITATION_SENT)

/* A correction (erratum) of approved minutes. */
#define WSP_TYPE_MINUTES_CORRECTION (wsp_minutes_correction_get_type ())
WSP_DECLARE_RECORD (WspMinutesCorrection, wsp_minutes_correction, WSP, MINUTES_CORRECTION)

G_END_DECLS
