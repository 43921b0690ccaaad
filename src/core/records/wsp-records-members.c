/* wsp-records-members.c — organisations, people, bodies, terms, seats, applications
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "base/wsp-identifiers.h"
#include "records/wsp-records-members.h"

/* Organisations */

static const WspField organisation_fields[] = {
  { "name", WSP_FIELD_TEXT, WSP_FIELD_REQUIRED | WSP_FIELD_TITLE, NULL, N_("Name") },
  { "short_name", WSP_FIELD_TEXT, WSP_FIELD_CONTENT, NULL, N_("Short name") },
  { "krs", WSP_FIELD_TEXT, WSP_FIELD_CONTENT | WSP_FIELD_INDEXED, NULL, N_("KRS number") },
  { "nip", WSP_FIELD_TEXT, WSP_FIELD_INDEXED, NULL, N_("NIP") },
  { "regon", WSP_FIELD_TEXT, WSP_FIELD_INDEXED, NULL, N_("REGON") },
  { "address", WSP_FIELD_TEXT, WSP_FIELD_CONTENT, NULL, N_("Address") },
  { "email", WSP_FIELD_TEXT, 0, NULL, N_("E-mail") },
  { "phone", WSP_FIELD_TEXT, 0, NULL, N_("Phone") },
  { "website", WSP_FIELD_TEXT, 0, NULL, N_("Website") },
  { "fields", WSP_FIELD_LIST, 0, NULL, N_("Fields of activity") },
  { "notes", WSP_FIELD_TEXT, WSP_FIELD_CONTENT, NULL, N_("Notes") },
};

static gboolean
validate_organisation (WspRecord  *record,
                       GError    **error)
{
  const char *krs = wsp_record_get_string (record, "krs");
  const char *nip = wsp_record_get_string (record, "nip");
  const char *regon = wsp_record_get_string (record, "regon");

  if (krs != NULL && !wsp_krs_is_valid (krs, error))
    return FALSE;
  if (nip != NULL && !wsp_nip_is_valid (nip, error))
    return FALSE;
  if (regon != NULL && !wsp_regon_is_valid (regon, error))
    return FALSE;
  return TRUE;
}

static const WspEntity organisation_entity = {
  .name = "organisation",
  .label = N_("organisation"),
  .fields = organisation_fields,
  .n_fields = G_N_ELEMENTS (organisation_fields),
  .order = { { "name", WSP_SORT_LOCALIZED } },
  .validate = validate_organisation,
};

WSP_DEFINE_RECORD (WspOrganisation, wsp_organisation, &organisation_entity)

/* People */

static const WspField person_fields[] = {
  { "name", WSP_FIELD_TEXT, WSP_FIELD_REQUIRED | WSP_FIELD_TITLE, NULL, N_("Name") },
  { "email", WSP_FIELD_TEXT, WSP_FIELD_CONTENT, NULL, N_("E-mail") },
  { "phone", WSP_FIELD_TEXT, 0, NULL, N_("Phone") },
  { "organisations", WSP_FIELD_LIST, 0, NULL, N_("Organisations represented") },
  { "grammatical_form", WSP_FIELD_ENUM, 0, wsp_grammatical_form_choices, N_("Forms of address") },
};

static const WspEntity person_entity = {
  .name = "person",
  .label = N_("person"),
  .fields = person_fields,
  .n_fields = G_N_ELEMENTS (person_fields),
  .order = { { "name", WSP_SORT_LOCALIZED } },
};

WSP_DEFINE_RECORD (WspPerson, wsp_person, &person_entity)

/* Bodies: the Forum and the Council, with their bylaws' settings */

static const WspField body_fields[] = {
  { "kind", WSP_FIELD_ENUM, WSP_FIELD_REQUIRED, wsp_body_kind_choices, N_("Kind of body") },
  { "name", WSP_FIELD_TEXT, WSP_FIELD_REQUIRED | WSP_FIELD_TITLE, NULL, N_("Name") },
  { "quorum_numerator", WSP_FIELD_INT, 0, NULL, N_("Quorum share (numerator)") },
  { "quorum_denominator", WSP_FIELD_INT, 0, NULL, N_("Quorum share (denominator)") },
  { "default_majority", WSP_FIELD_ENUM, 0, wsp_majority_choices, N_("Default majority") },
  { "tie_rule", WSP_FIELD_ENUM, 0, wsp_tie_rule_choices, N_("Tie rule") },
  { "circulation_majority", WSP_FIELD_ENUM, 0, wsp_majority_choices, N_("Majority in a vote by circulation") },
  { "opinion_deadline_days", WSP_FIELD_INT, 0, NULL, N_("Opinion deadline (days)") },
  { "term_years", WSP_FIELD_INT, 0, NULL, N_("Term of office (years)") },
  { "absence_limit", WSP_FIELD_INT, 0, NULL, N_("Consecutive absences flagged") },
};

static const WspEntity body_entity = {
  .name = "body",
  .label = N_("body"),
  .fields = body_fields,
  .n_fields = G_N_ELEMENTS (body_fields),
  .order = { { "kind" }, { "name", WSP_SORT_LOCALIZED } },
};

WSP_DEFINE_RECORD (WspBody, wsp_body, &body_entity)

/* Terms of office */

static const WspField term_fields[] = {
  { "body_id", WSP_FIELD_REF, WSP_FIELD_REQUIRED, NULL, N_("Body") },
  { "name", WSP_FIELD_TEXT, WSP_FIELD_TITLE, NULL, N_("Name") },
  { "starts_on", WSP_FIELD_DATE, WSP_FIELD_REQUIRED, NULL, N_("Start") },
  { "ends_on", WSP_FIELD_DATE, 0, NULL, N_("End") },
};

static gboolean
validate_term (WspRecord  *record,
               GError    **error)
{
  const char *starts = wsp_record_get_string (record, "starts_on");
  const char *ends = wsp_record_get_string (record, "ends_on");

  if (starts != NULL && ends != NULL && g_strcmp0 (ends, starts) < 0)
    {
      g_set_error (error, WSP_RECORD_ERROR, WSP_RECORD_ERROR_INVALID,
                   _("The term of office ends before it starts."));
      return FALSE;
    }
  return TRUE;
}

static const WspEntity term_entity = {
  .name = "term",
  .label = N_("term of office"),
  .fields = term_fields,
  .n_fields = G_N_ELEMENTS (term_fields),
  .order = { { "starts_on", WSP_SORT_DESCENDING } },
  .validate = validate_term,
};

WSP_DEFINE_RECORD (WspTerm, wsp_term, &term_entity)

/* Seats: a person or an organisation in a body, for a while */

static const WspField seat_fields[] = {
  { "body_id", WSP_FIELD_REF, WSP_FIELD_REQUIRED, NULL, N_("Body") },
  { "term_id", WSP_FIELD_REF, 0, NULL, N_("Term of office") },
  { "person_id", WSP_FIELD_REF, 0, NULL, N_("Person") },
  { "organisation_id", WSP_FIELD_REF, 0, NULL, N_("Organisation") },
  { "side", WSP_FIELD_ENUM, 0, wsp_side_choices, N_("Side") },
  { "role", WSP_FIELD_ENUM, WSP_FIELD_REQUIRED, wsp_role_choices, N_("Role") },
  { "joined_on", WSP_FIELD_DATE, 0, NULL, N_("Joined") },
  { "left_on", WSP_FIELD_DATE, 0, NULL, N_("Left") },
  { "left_reason", WSP_FIELD_TEXT, 0, NULL, N_("Reason for leaving") },
};

static gboolean
validate_seat (WspRecord  *record,
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

static const WspEntity seat_entity = {
  .name = "seat",
  .label = N_("seat"),
  .fields = seat_fields,
  .n_fields = G_N_ELEMENTS (seat_fields),
  .order = { { "side" }, { "role" }, { "joined_on" } },
  .validate = validate_seat,
};

WSP_DEFINE_RECORD (WspSeat, wsp_seat, &seat_entity)

/* Applications to join the Forum */

static const WspField membership_application_fields[] = {
  { "body_id", WSP_FIELD_REF, WSP_FIELD_REQUIRED, NULL, N_("Body") },
  { "organisation_id", WSP_FIELD_REF, WSP_FIELD_REQUIRED, NULL, N_("Organisation") },
  { "submitted_on", WSP_FIELD_DATE, WSP_FIELD_REQUIRED, NULL, N_("Submitted") },
  { "evidence", WSP_FIELD_TEXT, WSP_FIELD_CONTENT, NULL, N_("Evidence of local activity") },
  { "decision", WSP_FIELD_ENUM, 0, wsp_application_decision_choices, N_("Decision") },
  { "decided_on", WSP_FIELD_DATE, 0, NULL, N_("Decided") },
  { "decision_note", WSP_FIELD_TEXT, 0, NULL, N_("Note on the decision") },
};

static const WspEntity membership_application_entity = {
  .name = "membership_application",
  .label = N_("membership application"),
  .fields = membership_application_fields,
  .n_fields = G_N_ELEMENTS (membership_application_fields),
  .order = { { "submitted_on", WSP_SORT_DESCENDING } },
};

WSP_DEFINE_RECORD (WspMembershipApplication, wsp_membership_application, &membership_application_entity)
