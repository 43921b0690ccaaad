/* wsp-meeting.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "records/wsp-record.h"

G_BEGIN_DECLS

#define WSP_TYPE_MEETING (wsp_meeting_get_type ())

G_DECLARE_FINAL_TYPE (WspMeeting, wsp_meeting, WSP, MEETING, WspRecord)

WspMeeting *wsp_meeting_new (void);

G_END_DECLS
