/* wsp-records-members.h — organisations, people, bodies, terms, seats, applications
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "records/wsp-choices.h"
#include "records/wsp-record.h"

G_BEGIN_DECLS

#define WSP_TYPE_ORGANISATION (wsp_organisation_get_type ())
WSP_DECLARE_RECORD (WspOrganisation, wsp_organisation, WSP, ORGANISATION)

#define WSP_TYPE_PERSON (wsp_person_get_type ())
WSP_DECLARE_RECORD (WspPerson, wsp_person, WSP, PERSON)

#define WSP_TYPE_BODY (wsp_body_get_type ())
WSP_DECLARE_RECORD (WspBody, wsp_body, WSP, BODY)

#define WSP_TYPE_TERM (wsp_term_get_type ())
WSP_DECLARE_RECORD (WspTerm, wsp_term, WSP, TERM)

#define WSP_TYPE_SEAT (wsp_seat_get_type ())
WSP_DECLARE_RECORD (WspSeat, wsp_seat, WSP, SEAT)

#define WSP_TYPE_MEMBERSHIP_APPLICATION (wsp_membership_application_get_type ())
WSP_DECLARE_RECORD (WspMembershipApplication, wsp_membership_application, WSP, MEMBERSHIP_APPLICATION)

G_END_DECLS
