/* wsp-membership-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "records/wsp-membership-application.h"

struct _WspMembershipApplication
{
  WspRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (WspMembershipApplication, wsp_membership_application, WSP_TYPE_RECORD)

static const char * const decision_choices[] = { "pending", "accepted", "rejected", NULL };

static const WspField fields[] = {
  { "body_id", WSP_FIELD_REF, WSP_FIELD_REQUIRED, NULL, N_("Body") },
  { "organisation_id", WSP_FIELD_REF, WSP_FIELD_REQUIRED, NULL, N_("Organisation") },
  { "submitted_on", WSP_FIELD_DATE, WSP_FIELD_REQUIRED, NULL, N_("Submitted") },
  { "evidence", WSP_FIELD_TEXT, WSP_FIELD_CONTENT, NULL, N_("Evidence of local activity") },
  { "decision", WSP_FIELD_ENUM, 0, decision_choices, N_("Decision") },
  { "decided_on", WSP_FIELD_DATE, 0, NULL, N_("Decided") },
  { "decision_note", WSP_FIELD_TEXT, 0, NULL, N_("Note on the decision") },
};

static const WspEntity entity = {
  .name = "membership_application",
  .label = N_("membership application"),
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
  .append_only = FALSE,
  .order_by = "submitted_on DESC",
  .validate = NULL,
};

WspMembershipApplication *
wsp_membership_application_new (void)
{
  return g_object_new (WSP_TYPE_MEMBERSHIP_APPLICATION, NULL);
}

static void
wsp_membership_application_class_init (WspMembershipApplicationClass *klass)
{
  wsp_record_class_set_entity (WSP_RECORD_CLASS (klass), &entity);
}

static void
wsp_membership_application_init (WspMembershipApplication *self)
{
}
