/* wsp-meeting.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "records/wsp-meeting.h"

struct _WspMeeting
{
  WspRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (WspMeeting, wsp_meeting, WSP_TYPE_RECORD)

static const char * const kind_choices[] = { "ordinary", "extraordinary", NULL };
static const char * const status_choices[] = { "planned", "invited", "held", "minutes_approved", NULL };

static const WspField fields[] = {
  { "body_id", WSP_FIELD_REF, WSP_FIELD_REQUIRED, NULL, N_("Body") },
  { "number", WSP_FIELD_INT, 0, NULL, N_("Number") },
  { "starts_at", WSP_FIELD_DATETIME, WSP_FIELD_REQUIRED, NULL, N_("Start") },
  { "ends_at", WSP_FIELD_DATETIME, 0, NULL, N_("End") },
  { "place", WSP_FIELD_TEXT, WSP_FIELD_TITLE | WSP_FIELD_CONTENT, NULL, N_("Place") },
  { "kind", WSP_FIELD_ENUM, 0, kind_choices, N_("Kind of meeting") },
  { "status", WSP_FIELD_ENUM, 0, status_choices, N_("Status") },
  { "notes", WSP_FIELD_TEXT, WSP_FIELD_CONTENT, NULL, N_("Notes") },
};

static const WspEntity entity = {
  .name = "meeting",
  .label = N_("meeting"),
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
  .append_only = FALSE,
  .order_by = "starts_at DESC",
  .validate = NULL,
};

WspMeeting *
wsp_meeting_new (void)
{
  return g_object_new (WSP_TYPE_MEETING, NULL);
}

static void
wsp_meeting_class_init (WspMeetingClass *klass)
{
  wsp_record_class_set_entity (WSP_RECORD_CLASS (klass), &entity);
}

static void
wsp_meeting_init (WspMeeting *self)
{
}
