/* wsp-records-meetings.c — meetings, their agenda items and attendance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "records/wsp-records-meetings.h"

/* Meetings of the Forum or the Council */

static const WspField meeting_fields[] = {
  { "body_id", WSP_FIELD_REF, WSP_FIELD_REQUIRED, NULL, N_("Body") },
  { "number", WSP_FIELD_INT, 0, NULL, N_("Number") },
  { "starts_at", WSP_FIELD_DATETIME, WSP_FIELD_REQUIRED, NULL, N_("Start") },
  { "ends_at", WSP_FIELD_DATETIME, 0, NULL, N_("End") },
  { "place", WSP_FIELD_TEXT, WSP_FIELD_TITLE | WSP_FIELD_CONTENT, NULL, N_("Place") },
  { "kind", WSP_FIELD_ENUM, 0, wsp_meeting_kind_choices, N_("Kind of meeting") },
  { "status", WSP_FIELD_ENUM, 0, wsp_meeting_status_choices, N_("Status") },
  { "notes", WSP_FIELD_TEXT, WSP_FIELD_CONTENT, NULL, N_("Notes") },
};

static const WspEntity meeting_entity = {
  .name = "meeting",
  .label = N_("meeting"),
  .fields = meeting_fields,
  .n_fields = G_N_ELEMENTS (meeting_fields),
  .order = { { "starts_at", WSP_SORT_DESCENDING } },
};

WSP_DEFINE_RECORD (WspMeeting, wsp_meeting, &meeting_entity)

/* Items of a meeting's agenda */

static const WspField agenda_item_fields[] = {
  { "meeting_id", WSP_FIELD_REF, WSP_FIELD_REQUIRED, NULL, N_("Meeting") },
  { "position", WSP_FIELD_INT, 0, NULL, N_("Position") },
  { "kind", WSP_FIELD_ENUM, 0, wsp_item_kind_choices, N_("Kind of item") },
  { "title", WSP_FIELD_TEXT, WSP_FIELD_REQUIRED | WSP_FIELD_TITLE, NULL, N_("Title") },
  { "description", WSP_FIELD_TEXT, WSP_FIELD_CONTENT, NULL, N_("Description") },
  { "presenter", WSP_FIELD_TEXT, WSP_FIELD_CONTENT, NULL, N_("Presenter") },
  { "planned_minutes", WSP_FIELD_INT, 0, NULL, N_("Planned minutes") },
  { "draft_id", WSP_FIELD_REF, 0, NULL, N_("Draft resolution") },
};

static const WspEntity agenda_item_entity = {
  .name = "agenda_item",
  .label = N_("agenda item"),
  .fields = agenda_item_fields,
  .n_fields = G_N_ELEMENTS (agenda_item_fields),
  .order = { { "position" } },
};

WSP_DEFINE_RECORD (WspAgendaItem, wsp_agenda_item, &agenda_item_entity)

/* Who came to a meeting */

static const WspField attendance_fields[] = {
  { "meeting_id", WSP_FIELD_REF, WSP_FIELD_REQUIRED, NULL, N_("Meeting") },
  { "seat_id", WSP_FIELD_REF, WSP_FIELD_REQUIRED, NULL, N_("Member") },
  { "status", WSP_FIELD_ENUM, WSP_FIELD_REQUIRED, wsp_presence_choices, N_("Attendance") },
  { "arrived_at", WSP_FIELD_DATETIME, 0, NULL, N_("Arrived") },
};

static const WspEntity attendance_entity = {
  .name = "attendance",
  .label = N_("attendance"),
  .fields = attendance_fields,
  .n_fields = G_N_ELEMENTS (attendance_fields),
  .order = { { "arrived_at" } },
};

WSP_DEFINE_RECORD (WspAttendance, wsp_attendance, &attendance_entity)
