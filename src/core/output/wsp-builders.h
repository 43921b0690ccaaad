/* wsp-builders.h — the documents of a meeting and a vote, made from the records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "output/wsp-calendar.h"
#include "output/wsp-document.h"
#include "store/wsp-store.h"

G_BEGIN_DECLS

/**
 * WspBuildOptions:
 * @today: (nullable): the date of issue, YYYY-MM-DD; %NULL: today
 * @city: (nullable): where the documents are issued; %NULL: the city
 *   named at the end of the body's name ("… Miasta Zagłębiowice")
 * @organizer_email: (nullable): invitations: who sends them; %NULL: the
 *   body's secretary, else its chair, else its vice-chair
 * @guest_rows: attendance lists: empty rows for guests (0: 8)
 *
 * Settings shared by the builders; a %NULL #WspBuildOptions means all
 * defaults.
 */
typedef struct
{
  const char *today;
  const char *city;
  const char *organizer_email;
  guint       guest_rows;
} WspBuildOptions;

/**
 * WspInvitation:
 * @subject: the e-mail's subject
 * @body: the e-mail's text, with the agenda
 * @recipients: (array zero-terminated=1): the members' e-mail addresses
 * @calendar: the .ics text (METHOD:REQUEST, or CANCEL)
 *
 * An invitation to a meeting, ready to send.
 */
typedef struct
{
  char  *subject;
  char  *body;
  char **recipients;
  char  *calendar;
} WspInvitation;

void           wsp_invitation_free               (WspInvitation         *invitation);
char          *wsp_invitation_dup_text           (WspInvitation         *invitation);
char          *wsp_invitation_dup_mailto         (WspInvitation         *invitation);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WspInvitation, wsp_invitation_free)

WspDocument   *wsp_build_agenda                  (WspStore              *store,
                                                  const char            *meeting_id,
                                                  const WspBuildOptions *options,
                                                  GError               **error);
WspDocument   *wsp_build_attendance_list         (WspStore              *store,
                                                  const char            *meeting_id,
                                                  const WspBuildOptions *options,
                                                  GError               **error);
WspDocument   *wsp_build_vote_list               (WspStore              *store,
                                                  const char            *ballot_id,
                                                  const WspBuildOptions *options,
                                                  GError               **error);
WspDocument   *wsp_build_ballot_cards            (WspStore              *store,
                                                  const char            *ballot_id,
                                                  const WspBuildOptions *options,
                                                  GError               **error);
WspDocument   *wsp_build_meeting_vote_list       (WspStore              *store,
                                                  const char            *meeting_id,
                                                  const WspBuildOptions *options,
                                                  GError               **error);
WspDocument   *wsp_build_election_result         (WspStore              *store,
                                                  const char            *election_id,
                                                  const WspBuildOptions *options,
                                                  GError               **error);
WspDocument   *wsp_build_attendance_register     (WspStore              *store,
                                                  const char            *body_or_term_id,
                                                  const WspBuildOptions *options,
                                                  GError               **error);
WspInvitation *wsp_build_invitation              (WspStore              *store,
                                                  const char            *meeting_id,
                                                  gboolean               cancelled,
                                                  const WspBuildOptions *options,
                                                  GError               **error);
WspDocument   *wsp_build_comments_table          (WspStore              *store,
                                                  const char            *draft_id,
                                                  const WspBuildOptions *options,
                                                  GError               **error);
WspDocument   *wsp_build_opinion                 (WspStore              *store,
                                                  const char            *draft_id,
                                                  const WspBuildOptions *options,
                                                  GError               **error);
guint          wsp_meeting_sequence              (WspRecord             *meeting);

G_END_DECLS
