/* wsp-records-votes.h — ballots, the votes cast in them, elections
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "records/wsp-choices.h"
#include "records/wsp-record.h"

G_BEGIN_DECLS

#define WSP_TYPE_BALLOT (wsp_ballot_get_type ())
WSP_DECLARE_RECORD (WspBallot, wsp_ballot, WSP, BALLOT)

#define WSP_TYPE_VOTE (wsp_vote_get_type ())
WSP_DECLARE_RECORD (WspVote, wsp_vote, WSP, VOTE)

#define WSP_TYPE_ELECTION (wsp_election_get_type ())
WSP_DECLARE_RECORD (WspElection, wsp_election, WSP, ELECTION)

G_END_DECLS
