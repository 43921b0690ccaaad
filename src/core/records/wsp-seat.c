/* wsp-seat.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "records/wsp-seat.h"

struct _WspSeat
{
  WspRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (WspSeat, wsp_seat, WSP_TYPE_RECORD)

static const char * const side_choices[] = { "mayor", "city_council", "ngo", NULL };
static const char * const role_choices[] = { "chair", "vice_chair", "secretary", "member", NULL };

static const WspField fields[] = {
  { "body_id", WSP_FIELD_REF, WSP_FIELD_REQUIRED, NULL, N_("Body") },
  { "term_id", WSP_FIELD_REF, 0, NULL, N_("Term of office") },
  { "person_id", WSP_FIELD_REF, 0, NULL, N_("Person") },
  { "organisation_id", WSP_FIELD_REF, 0, NULL, N_("Organisation") },
  { "side", WSP_FIELD_ENUM, 0, side_choices, N_("Side") },
  { "role", WSP_FIELD_ENUM, WSP_FIELD_REQUIRED, role_choices, N_("Role") },
  { "joined_on", WSP_FIELD_DATE, 0, NULL, N_("Joined") },
  { "left_on", WSP_FIELD_DATE, 0, NULL, N_("Left") },
  { "left_reason", WSP_FIELD_TEXT, 0, NULL, N_("Reason for leaving") },
};

static gboolean
validate (WspRecord  *record,
          GError    **error)
{
  if (wsp_record_get_string (record, "person_id") == NULL
      && wsp_record_get_string (record, "organisation_id") == NULL)
    {
      g_set_error (error, WSP_RECORD_ERROR, WSP_RECORD_ERROR_REQUIRED,
                   _("A seat belongs to a person or to an organisation: choose one."));
      return FALSE;
    }
  return TRUE;
}

static const WspEntity entity = {
  .name = "seat",
  .label = N_("seat"),
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
  .append_only = FALSE,
  .order_by = "side, role, joined_on",
  .validate = validate,
};

WspSeat *
wsp_seat_new (void)
{
  return g_object_new (WSP_TYPE_SEAT, NULL);
}

static void
wsp_seat_class_init (WspSeatClass *klass)
{
  wsp_record_class_set_entity (WSP_RECORD_CLASS (klass), &entity);
}

static void
wsp_seat_init (WspSeat *self)
{
}
