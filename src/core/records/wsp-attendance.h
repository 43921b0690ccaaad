/* wsp-attendance.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "records/wsp-record.h"

G_BEGIN_DECLS

#define WSP_TYPE_ATTENDANCE (wsp_attendance_get_type ())

G_DECLARE_FINAL_TYPE (WspAttendance, wsp_attendance, WSP, ATTENDANCE, WspRecord)

WspAttendance *wsp_attendance_new (void);

G_END_DECLS
