/* wsp-elections.h — elections of delegates: candidates, the count, the elected, run-offs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rules/wsp-rules.h"
#include "store/wsp-store.h"

G_BEGIN_DECLS

#define WSP_ELECTION_ERROR (wsp_election_error_quark ())

typedef enum
{
  WSP_ELECTION_ERROR_NOT_FOUND,
  WSP_ELECTION_ERROR_CLOSED,
  WSP_ELECTION_ERROR_COUNTED,
  WSP_ELECTION_ERROR_NO_NAME,
  WSP_ELECTION_ERROR_DUPLICATE_CANDIDATE,
  WSP_ELECTION_ERROR_TOO_MANY_CARDS,
  WSP_ELECTION_ERROR_BAD_COUNT,
  WSP_ELECTION_ERROR_TOO_FEW_CANDIDATES,
  WSP_ELECTION_ERROR_NOT_COUNTED,
  WSP_ELECTION_ERROR_NO_TIE,
  WSP_ELECTION_ERROR_RUNOFF_EXISTS,
} WspElectionError;

GQuark wsp_election_error_quark (void);

/**
 * WspElectionCandidate:
 * @id: the candidate's id within the election
 * @name: the name on the card (a person or an organisation)
 * @organisation_id: (nullable): the organisation, when it is in the register
 * @person_id: (nullable): the person, when in the register
 * @votes: the votes counted for the candidate
 * @standing: elected, tied for the last seats or not elected, by the count
 *
 * One candidate of an election.
 */
typedef struct
{
  char        *id;
  char        *name;
  char        *organisation_id;
  char        *person_id;
  guint        votes;
  WspStanding  standing;
} WspElectionCandidate;

void       wsp_election_candidate_free              (WspElectionCandidate *candidate);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WspElectionCandidate, wsp_election_candidate_free)

guint      wsp_elections_get_seats         (WspRecord          *election);
WspBallotMode wsp_elections_get_mode       (WspRecord          *election);
gboolean   wsp_elections_is_counted        (WspRecord          *election);
GPtrArray *wsp_elections_dup_candidates    (WspRecord          *election,
                                            WspElectionOutcome *outcome);
GPtrArray *wsp_elections_dup_ranking       (WspRecord          *election,
                                            WspElectionOutcome *outcome);
guint      wsp_elections_count_entitled    (WspStore           *store,
                                            WspRecord          *election,
                                            GError            **error);
char      *wsp_elections_find_runoff       (WspStore           *store,
                                            const char         *election_id);

gboolean   wsp_elections_set_setup         (WspStore           *store,
                                            const char         *election_id,
                                            const char         *title,
                                            guint               seats,
                                            WspBallotMode       mode,
                                            GError            **error);
char      *wsp_elections_add_candidate     (WspStore           *store,
                                            const char         *election_id,
                                            const char         *name,
                                            const char         *organisation_id,
                                            const char         *person_id,
                                            GError            **error);
gboolean   wsp_elections_remove_candidate  (WspStore           *store,
                                            const char         *election_id,
                                            const char         *candidate_id,
                                            GError            **error);
gboolean   wsp_elections_set_count         (WspStore           *store,
                                            const char         *election_id,
                                            guint               valid_cards,
                                            guint               invalid_cards,
                                            const guint        *votes,
                                            gsize               n_votes,
                                            GError            **error);
gboolean   wsp_elections_close             (WspStore           *store,
                                            const char         *election_id,
                                            GDateTime          *now,
                                            GError            **error);
char      *wsp_elections_start_runoff      (WspStore           *store,
                                            const char         *election_id,
                                            GError            **error);

char      *wsp_elections_result_text       (WspRecord          *election);

G_END_DECLS
