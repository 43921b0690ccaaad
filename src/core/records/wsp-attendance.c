/* wsp-attendance.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "records/wsp-attendance.h"

struct _WspAttendance
{
  WspRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (WspAttendance, wsp_attendance, WSP_TYPE_RECORD)

static const char * const status_choices[] = { "present", "excused", "absent", NULL };

static const WspField fields[] = {
  { "meeting_id", WSP_FIELD_REF, WSP_FIELD_REQUIRED, NULL, N_("Meeting") },
  { "seat_id", WSP_FIELD_REF, WSP_FIELD_REQUIRED, NULL, N_("Member") },
  { "status", WSP_FIELD_ENUM, WSP_FIELD_REQUIRED, status_choices, N_("Attendance") },
  { "arrived_at", WSP_FIELD_DATETIME, 0, NULL, N_("Arrived") },
};

static const WspEntity entity = {
  .name = "attendance",
  .label = N_("attendance"),
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
  .append_only = FALSE,
  .order_by = "arrived_at",
  .validate = NULL,
};

WspAttendance *
wsp_attendance_new (void)
{
  return g_object_new (WSP_TYPE_ATTENDANCE, NULL);
}

static void
wsp_attendance_class_init (WspAttendanceClass *klass)
{
  wsp_record_class_set_entity (WSP_RECORD_CLASS (klass), &entity);
}

static void
wsp_attendance_init (WspAttendance *self)
{
}
