/* wsp-ballot-voter.h — one member in a ballot, and how they voted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "domain/wsp-check-in-entry.h"
#include "records/wsp-choices.h"
#include "records/wsp-record.h"

G_BEGIN_DECLS

#define WSP_TYPE_BALLOT_VOTER (wsp_ballot_voter_get_type ())

G_DECLARE_FINAL_TYPE (WspBallotVoter, wsp_ballot_voter, WSP, BALLOT_VOTER, GObject)

WspBallotVoter  *wsp_ballot_voter_new             (WspCheckInEntry *entry,
                                                   gboolean         chair,
                                                   gboolean         item_recused);
WspCheckInEntry *wsp_ballot_voter_get_entry       (WspBallotVoter  *self);
const char      *wsp_ballot_voter_get_seat_id     (WspBallotVoter  *self);
const char      *wsp_ballot_voter_get_name        (WspBallotVoter  *self);
gboolean         wsp_ballot_voter_is_chair        (WspBallotVoter  *self);
gboolean         wsp_ballot_voter_is_item_recused (WspBallotVoter  *self);
WspRecord       *wsp_ballot_voter_get_vote        (WspBallotVoter  *self);
void             wsp_ballot_voter_set_vote        (WspBallotVoter  *self,
                                                   WspRecord       *vote);
WspVoteChoice    wsp_ballot_voter_get_choice      (WspBallotVoter  *self);
gboolean         wsp_ballot_voter_is_recused      (WspBallotVoter  *self);
gboolean         wsp_ballot_voter_has_voted       (WspBallotVoter  *self);
gboolean         wsp_ballot_voter_may_vote        (WspBallotVoter  *self);

G_END_DECLS
