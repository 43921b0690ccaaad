/* wsp-records-meetings.c — meetings, their rooms, agenda items, attendance, guests and invitations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "records/wsp-records-meetings.h"

/* The rooms meetings are held in, most of them borrowed */

static const WspField room_fields[] = {
  { "name", WSP_FIELD_TEXT, WSP_FIELD_REQUIRED | WSP_FIELD_TITLE, NULL, N_("Name") },
  { "address", WSP_FIELD_TEXT, WSP_FIELD_CONTENT, NULL, N_("Address") },
  { "capacity", WSP_FIELD_INT, 0, NULL, N_("Number of seats") },
  { "lender", WSP_FIELD_TEXT, WSP_FIELD_CONTENT, NULL, N_("Lent by") },
  { "contact", WSP_FIELD_TEXT, WSP_FIELD_CONTENT, NULL, N_("Contact") },
  { "notes", WSP_FIELD_TEXT, WSP_FIELD_CONTENT, NULL, N_("Notes") },
};

static gboolean
validate_room (WspRecord  *record,
               GError    **error)
{
  if (wsp_record_get_value (record, "capacity") != NULL && wsp_record_get_int (record, "capacity") < 0)
    {
      g_set_error_literal (error, WSP_RECORD_ERROR, WSP_RECORD_ERROR_INVALID,
                           _("The number of seats cannot be below zero."));
      return FALSE;
    }
  return TRUE;
}

static const WspEntity room_entity = {
  .name = "room",
  .label = N_("room"),
  .fields = room_fields,
  .n_fields = G_N_ELEMENTS (room_fields),
  .order = { { "name", WSP_SORT_LOCALIZED } },
  .validate = validate_room,
};

WSP_DEFINE_RECORD (WspRoom, wsp_room, &room_entity)

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
  { "room_id", WSP_FIELD_REF, 0, NULL, N_("Room") },
  { "current_item_id", WSP_FIELD_REF, 0, NULL, N_("Item under way") },
  /* The vote at a later meeting that approved this meeting's minutes
   * (domain/wsp-minutes.h). */
  { "minutes_ballot_id", WSP_FIELD_REF, 0, NULL, N_("Minutes approved by") },
  /* Who chaired the meeting and who took its minutes, when not the body's
   * chair and secretary (someone from the NGO Office, a vice-chair). */
  { "chaired_by_id", WSP_FIELD_REF, 0, NULL, N_("Chaired by") },
  { "minutes_by_id", WSP_FIELD_REF, 0, NULL, N_("Minutes taken by") },
};

static gboolean
validate_meeting (WspRecord  *record,
                  GError    **error)
{
  const char *starts = wsp_record_get_string (record, "starts_at");
  const char *ends = wsp_record_get_string (record, "ends_at");
  g_autoptr (GDateTime) from = starts != NULL ? g_date_time_new_from_iso8601 (starts, NULL) : NULL;
  g_autoptr (GDateTime) until = ends != NULL ? g_date_time_new_from_iso8601 (ends, NULL) : NULL;

  if (from != NULL && until != NULL && g_date_time_compare (until, from) < 0)
    {
      g_set_error_literal (error, WSP_RECORD_ERROR, WSP_RECORD_ERROR_INVALID,
                           _("The meeting ends before it starts. Check the end time."));
      return FALSE;
    }
  if (wsp_record_get_value (record, "number") != NULL && wsp_record_get_int (record, "number") < 0)
    {
      g_set_error_literal (error, WSP_RECORD_ERROR, WSP_RECORD_ERROR_INVALID,
                           _("A meeting’s number is a whole number above zero."));
      return FALSE;
    }
  return TRUE;
}

static const WspEntity meeting_entity = {
  .name = "meeting",
  .label = N_("meeting"),
  .fields = meeting_fields,
  .n_fields = G_N_ELEMENTS (meeting_fields),
  .order = { { "starts_at", WSP_SORT_DESCENDING } },
  .validate = validate_meeting,
};

WSP_DEFINE_RECORD (WspMeeting, wsp_meeting, &meeting_entity)

/* Items of a meeting's agenda
 *
 * "position" is a sparse key (see domain/wsp-agenda.h): items are listed by
 * it, then by id, so two laptops that put items in the same place still
 * show them in one order. */

static const WspField agenda_item_fields[] = {
  { "meeting_id", WSP_FIELD_REF, WSP_FIELD_REQUIRED, NULL, N_("Meeting") },
  { "position", WSP_FIELD_INT, 0, NULL, N_("Position") },
  { "kind", WSP_FIELD_ENUM, 0, wsp_item_kind_choices, N_("Kind of item") },
  { "title", WSP_FIELD_TEXT, WSP_FIELD_REQUIRED | WSP_FIELD_TITLE, NULL, N_("Title") },
  { "description", WSP_FIELD_TEXT, WSP_FIELD_CONTENT, NULL, N_("Description") },
  { "presenter", WSP_FIELD_TEXT, WSP_FIELD_CONTENT, NULL, N_("Presenter") },
  { "planned_minutes", WSP_FIELD_INT, 0, NULL, N_("Planned minutes") },
  { "draft_id", WSP_FIELD_REF, 0, NULL, N_("Draft resolution") },
  { "notes", WSP_FIELD_TEXT, WSP_FIELD_CONTENT, NULL, N_("Notes for the minutes") },
  { "recused", WSP_FIELD_LIST, 0, NULL, N_("Recused members") },
  /* Put on the agenda after the invitations went out: the minutes say the
   * agenda was changed (domain/wsp-agenda.c sets it). */
  { "added_late", WSP_FIELD_BOOL, 0, NULL, N_("Added after the invitation") },
};

static gboolean
validate_agenda_item (WspRecord  *record,
                      GError    **error)
{
  if (wsp_record_get_value (record, "planned_minutes") != NULL
      && (wsp_record_get_int (record, "planned_minutes") < 0
          || wsp_record_get_int (record, "planned_minutes") > 24 * 60))
    {
      g_set_error_literal (error, WSP_RECORD_ERROR, WSP_RECORD_ERROR_INVALID,
                           _("An agenda item’s planned time is between 0 and 1440 minutes."));
      return FALSE;
    }
  return TRUE;
}

static const WspEntity agenda_item_entity = {
  .name = "agenda_item",
  .label = N_("agenda item"),
  .fields = agenda_item_fields,
  .n_fields = G_N_ELEMENTS (agenda_item_fields),
  .order = { { "position" } },
  .validate = validate_agenda_item,
};

WSP_DEFINE_RECORD (WspAgendaItem, wsp_agenda_item, &agenda_item_entity)

/* Who came to a meeting */

static const WspField attendance_fields[] = {
  { "meeting_id", WSP_FIELD_REF, WSP_FIELD_REQUIRED, NULL, N_("Meeting") },
  { "seat_id", WSP_FIELD_REF, WSP_FIELD_REQUIRED, NULL, N_("Member") },
  { "status", WSP_FIELD_ENUM, WSP_FIELD_REQUIRED, wsp_presence_choices, N_("Attendance") },
  { "arrived_at", WSP_FIELD_DATETIME, 0, NULL, N_("Arrived") },
  { "left_at", WSP_FIELD_DATETIME, 0, NULL, N_("Left the meeting") },
};

static const WspEntity attendance_entity = {
  .name = "attendance",
  .label = N_("attendance"),
  .fields = attendance_fields,
  .n_fields = G_N_ELEMENTS (attendance_fields),
  .order = { { "arrived_at" } },
};

WSP_DEFINE_RECORD (WspAttendance, wsp_attendance, &attendance_entity)

/* Guests of a meeting: people who are not members */

static const WspField guest_fields[] = {
  { "meeting_id", WSP_FIELD_REF, WSP_FIELD_REQUIRED, NULL, N_("Meeting") },
  { "name", WSP_FIELD_TEXT, WSP_FIELD_REQUIRED | WSP_FIELD_TITLE, NULL, N_("Name") },
  { "affiliation", WSP_FIELD_TEXT, WSP_FIELD_CONTENT, NULL, N_("Organisation or office") },
  { "arrived_at", WSP_FIELD_DATETIME, 0, NULL, N_("Arrived") },
};

static const WspEntity guest_entity = {
  .name = "guest",
  .label = N_("guest"),
  .fields = guest_fields,
  .n_fields = G_N_ELEMENTS (guest_fields),
  .order = { { "arrived_at" } },
};

WSP_DEFINE_RECORD (WspGuest, wsp_guest, &guest_entity)

/* Invitations sent: who was invited to a meeting, when and how */

static const WspField invitation_fields[] = {
  { "meeting_id", WSP_FIELD_REF, WSP_FIELD_REQUIRED, NULL, N_("Meeting") },
  { "sent_at", WSP_FIELD_DATETIME, WSP_FIELD_REQUIRED, NULL, N_("Sent") },
  { "channel", WSP_FIELD_ENUM, 0, wsp_invitation_channel_choices, N_("How") },
  { "recipients", WSP_FIELD_LIST, 0, NULL, N_("Sent to") },
  { "cancellation", WSP_FIELD_BOOL, 0, NULL, N_("Cancellation") },
  { "sequence", WSP_FIELD_INT, 0, NULL, N_("Version of the calendar event") },
};

static const WspEntity invitation_entity = {
  .name = "invitation",
  .label = N_("invitation"),
  .fields = invitation_fields,
  .n_fields = G_N_ELEMENTS (invitation_fields),
  .append_only = TRUE,
  .order = { { "sent_at", WSP_SORT_DESCENDING } },
};

WSP_DEFINE_RECORD (WspInvitationSent, wsp_invitation_sent, &invitation_entity)

/* Corrections of approved minutes (errata): approved minutes are not
 * edited; what a later meeting corrects is recorded beside them, once, and
 * shown with them. */

static const WspField minutes_correction_fields[] = {
  { "meeting_id", WSP_FIELD_REF, WSP_FIELD_REQUIRED, NULL, N_("Meeting") },
  { "agenda_item_id", WSP_FIELD_REF, 0, NULL, N_("Agenda item") },
  { "text", WSP_FIELD_TEXT, WSP_FIELD_REQUIRED | WSP_FIELD_TITLE | WSP_FIELD_CONTENT, NULL, N_("Correction") },
  { "recorded_at", WSP_FIELD_DATETIME, WSP_FIELD_REQUIRED, NULL, N_("Recorded") },
};

static const WspEntity minutes_correction_entity = {
  .name = "minutes_correction",
  .label = N_("correction of the minutes"),
  .fields = minutes_correction_fields,
  .n_fields = G_N_ELEMENTS (minutes_correction_fields),
  .append_only = TRUE,
  .order = { { "recorded_at" } },
};

WSP_DEFINE_RECORD (WspMinutesCorrection, wsp_minutes_correction, &minutes_correction_entity)
