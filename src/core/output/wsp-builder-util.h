/* wsp-builder-util.h — what the document builders share: dates in words, members on a day
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "domain/wsp-membership.h"
#include "output/wsp-builders.h"
#include "output/wsp-output.h"

G_BEGIN_DECLS

GPtrArray  *wsp_builder_query           (WspStore              *store,
                                         GType                  type,
                                         const char            *field,
                                         const char            *value,
                                         GError               **error);
WspRecord  *wsp_builder_get             (WspStore              *store,
                                         const char            *id,
                                         const char            *entity,
                                         const char            *document,
                                         GError               **error);
WspRecord  *wsp_builder_get_optional    (WspStore              *store,
                                         const char            *id);

GDateTime  *wsp_builder_time            (WspRecord             *record,
                                         const char            *field);
char       *wsp_builder_date            (GDateTime             *time);
char       *wsp_builder_date_ymd        (const char            *ymd);
char       *wsp_builder_clock           (GDateTime             *time);
char       *wsp_builder_weekday_date    (GDateTime             *time);
char       *wsp_builder_issue_date      (const WspBuildOptions *options);
char       *wsp_builder_city            (const WspBuildOptions *options,
                                         WspRecord             *body);

gboolean    wsp_builder_is_council      (WspRecord             *body);
char       *wsp_builder_meeting_title   (WspRecord             *meeting,
                                         WspRecord             *body);
char       *wsp_builder_meeting_of      (WspRecord             *meeting,
                                         WspRecord             *body);
char       *wsp_builder_dup_place       (WspStore              *store,
                                         WspRecord             *meeting);
char       *wsp_builder_place           (WspStore              *store,
                                         WspRecord             *meeting);

GPtrArray  *wsp_builder_members_on      (WspStore              *store,
                                         WspRecord             *body,
                                         const char            *date,
                                         GError               **error);
WspMemberEntry *wsp_builder_officer     (GPtrArray             *members,
                                         const char            *role);
char       *wsp_builder_member_name     (WspMemberEntry        *entry);
const char *wsp_builder_role_label      (const char            *role);
const char *wsp_builder_side_label      (const char            *side);
const char *wsp_builder_chair_title     (WspRecord             *body);

/* Grammar where names meet numbers and genders */
WspGrammaticalForm wsp_builder_person_form (WspRecord           *person,
                                         gboolean              *known);
const char *wsp_builder_vote_phrase     (const char            *choice,
                                         gboolean               recused,
                                         WspRecord             *person);
char       *wsp_builder_votes_count     (guint                  n);
const char *wsp_builder_chair_signature (WspRecord             *body,
                                         WspRecord             *person);
const char *wsp_builder_minute_taker    (WspRecord             *person);
const char *wsp_builder_majority_label  (WspMajority            majority);

/* wsp-agenda.c */
gboolean    wsp_builder_agenda_parts    (WspStore              *store,
                                         WspRecord             *meeting,
                                         GStrv                 *items,
                                         GStrv                 *drafts,
                                         GError               **error);
char       *wsp_builder_invitation_sentence (WspRecord         *meeting,
                                         WspRecord             *body);
char       *wsp_builder_planned_time    (WspRecord             *meeting);

G_END_DECLS
