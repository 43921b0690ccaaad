/* wsp-records-meetings.h — meetings, their agenda items and attendance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "records/wsp-choices.h"
#include "records/wsp-record.h"

G_BEGIN_DECLS

#define WSP_TYPE_MEETING (wsp_meeting_get_type ())
WSP_DECLARE_RECORD (WspMeeting, wsp_meeting, WSP, MEETING)

#define WSP_TYPE_AGENDA_ITEM (wsp_agenda_item_get_type ())
WSP_DECLARE_RECORD (WspAgendaItem, wsp_agenda_item, WSP, AGENDA_ITEM)

#define WSP_TYPE_ATTENDANCE (wsp_attendance_get_type ())
WSP_DECLARE_RECORD (WspAttendance, wsp_attendance, WSP, ATTENDANCE)

G_END_DECLS
