/* wsp-membership.h — who sits in the Council and the Forum: queries for the Members view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "records/wsp-record.h"
#include "rules/wsp-rules.h"
#include "store/wsp-store.h"

G_BEGIN_DECLS

#define WSP_MEMBERSHIP_ERROR (wsp_membership_error_quark ())

/**
 * WspMembershipError:
 * @WSP_MEMBERSHIP_ERROR_INVALID_DATE: a date is not a valid YYYY-MM-DD, or
 *   comes before the date it must follow
 * @WSP_MEMBERSHIP_ERROR_ALREADY_ACCEPTED: the application was accepted before
 * @WSP_MEMBERSHIP_ERROR_ALREADY_LEFT: the member left before that date
 * @WSP_MEMBERSHIP_ERROR_INVALID: a record that does not fit (an application
 *   without an organisation, a record of the wrong kind)
 * @WSP_MEMBERSHIP_ERROR_OVERLAP: a term of office that overlaps another of
 *   the same body
 * @WSP_MEMBERSHIP_ERROR_TAKEN: the person already holds a seat of the term
 *   at that time, or the role (chair, secretary) is held by someone else
 * @WSP_MEMBERSHIP_ERROR_ALREADY_MEMBER: the organisation is already a
 *   member, or already waits for a decision on an application
 * @WSP_MEMBERSHIP_ERROR_IN_OFFICE: a person or organisation that holds a
 *   seat cannot be deleted: the seat must be left first
 *
 * Why a change of membership was refused.
 */
typedef enum
{
  WSP_MEMBERSHIP_ERROR_INVALID_DATE,
  WSP_MEMBERSHIP_ERROR_ALREADY_ACCEPTED,
  WSP_MEMBERSHIP_ERROR_ALREADY_LEFT,
  WSP_MEMBERSHIP_ERROR_INVALID,
  WSP_MEMBERSHIP_ERROR_OVERLAP,
  WSP_MEMBERSHIP_ERROR_TAKEN,
  WSP_MEMBERSHIP_ERROR_ALREADY_MEMBER,
  WSP_MEMBERSHIP_ERROR_IN_OFFICE,
} WspMembershipError;

GQuark wsp_membership_error_quark (void);

/**
 * WspComposition:
 * @mayor: current seats of the mayor's side
 * @city_council: current seats of the city council's side
 * @ngo: current seats of the NGO side
 * @vacancies: planned seats not filled (0 when the plan is unknown)
 * @ok: whether the NGO members are at least half (wsp_composition_ok())
 * @ngo_needed: NGO seats to add for @ok to hold
 *   (wsp_composition_ngo_seats_needed())
 *
 * The make-up of a Council term as it is now.
 */
typedef struct
{
  guint    mayor;
  guint    city_council;
  guint    ngo;
  guint    vacancies;
  gboolean ok;
  guint    ngo_needed;
} WspComposition;

/**
 * WspMemberEntry:
 * @seat: the seat
 * @organisation: (nullable): the organisation of the seat
 * @person: (nullable): the person in the seat (Forum seats usually have none:
 *   see wsp_membership_representatives())
 * @body: (nullable): the body of the seat; set by
 *   wsp_membership_person_seats() only
 *
 * A seat with the records it refers to. Each member holds a reference.
 */
typedef struct
{
  WspRecord *seat;
  WspRecord *organisation;
  WspRecord *person;
  WspRecord *body;
} WspMemberEntry;

void         wsp_member_entry_free              (WspMemberEntry       *entry);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WspMemberEntry, wsp_member_entry_free)

/* Bodies */
WspRecord   *wsp_membership_find_body           (WspStore             *store,
                                                 const char           *kind,
                                                 GError              **error);
void         wsp_membership_body_rules          (WspRecord            *body,
                                                 WspBodyRules         *rules);

/* Terms of office */
GPtrArray   *wsp_membership_terms               (WspStore             *store,
                                                 const char           *body_id,
                                                 GError              **error);
WspRecord   *wsp_membership_current_term        (WspStore             *store,
                                                 const char           *body_id,
                                                 const char           *today,
                                                 GError              **error);

/* Seats of a term, and what they make up */
gboolean     wsp_membership_seat_is_current     (WspRecord            *seat,
                                                 const char           *today);
GPtrArray   *wsp_membership_seats               (WspStore             *store,
                                                 const char           *term_id,
                                                 gboolean              include_past,
                                                 const char           *today,
                                                 GError              **error);
void         wsp_membership_composition         (GPtrArray            *current_seats,
                                                 guint                 planned_seats,
                                                 WspComposition       *out);
guint        wsp_membership_vacancies           (GPtrArray            *all_seats,
                                                 const char           *today);
GPtrArray   *wsp_membership_vacant_seats        (GPtrArray            *all_seats,
                                                 const char           *today);
char        *wsp_membership_day_of_term         (WspRecord            *term,
                                                 const char           *today);
gboolean     wsp_membership_composition_with    (WspStore             *store,
                                                 const char           *term_id,
                                                 WspRecord            *seat,
                                                 const char           *today,
                                                 WspComposition       *out,
                                                 GError              **error);
GPtrArray   *wsp_membership_absence_flags       (WspStore             *store,
                                                 const char           *body_id,
                                                 const char           *term_id,
                                                 const WspBodyRules   *rules,
                                                 const char           *today,
                                                 GError              **error);

/* The Forum */
GPtrArray   *wsp_membership_forum_members       (WspStore             *store,
                                                 const char           *forum_body_id,
                                                 gboolean              include_former,
                                                 const char           *today,
                                                 GError              **error);
GPtrArray   *wsp_membership_applications        (WspStore             *store,
                                                 const char           *forum_body_id,
                                                 GError              **error);

/* People and organisations */
GPtrArray   *wsp_membership_person_seats        (WspStore             *store,
                                                 const char           *person_id,
                                                 GError              **error);
GPtrArray   *wsp_membership_representatives     (WspStore             *store,
                                                 const char           *organisation_id,
                                                 GError              **error);
WspRecord   *wsp_membership_find_organisation_by_number (WspStore     *store,
                                                 const char           *field,
                                                 const char           *number,
                                                 const char           *except_id,
                                                 GError              **error);
char        *wsp_membership_person_sort_key     (const char           *name);
int          wsp_membership_compare_people      (WspRecord            *a,
                                                 WspRecord            *b);

/* Changes */
gboolean     wsp_membership_accept_application  (WspStore             *store,
                                                 WspRecord            *application,
                                                 const char           *decided_on,
                                                 GError              **error);
gboolean     wsp_membership_decide_application  (WspStore             *store,
                                                 WspRecord            *application,
                                                 const char           *decision,
                                                 const char           *decided_on,
                                                 const char           *note,
                                                 char                **seat_id,
                                                 GError              **error);
gboolean     wsp_membership_reopen_application  (WspStore             *store,
                                                 WspRecord            *application,
                                                 const char           *seat_id,
                                                 GError              **error);
WspRecord   *wsp_membership_add_application     (WspStore             *store,
                                                 const char           *forum_body_id,
                                                 const char           *organisation_id,
                                                 const char           *submitted_on,
                                                 const char           *evidence,
                                                 GError              **error);
gboolean     wsp_membership_save_term           (WspStore             *store,
                                                 WspRecord            *term,
                                                 GError              **error);
gboolean     wsp_membership_save_seat           (WspStore             *store,
                                                 WspRecord            *seat,
                                                 GError              **error);
gboolean     wsp_membership_can_delete          (WspStore             *store,
                                                 WspRecord            *record,
                                                 const char           *today,
                                                 GError              **error);
gboolean     wsp_membership_leave               (WspStore             *store,
                                                 WspRecord            *seat,
                                                 const char           *left_on,
                                                 const char           *reason,
                                                 GError              **error);

G_END_DECLS
