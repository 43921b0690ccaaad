/* wsp-voting.h — what the votes recorded say: queries for ballots
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "store/wsp-store.h"

G_BEGIN_DECLS

/**
 * WspDoubleVote:
 * @ballot_id: the ballot
 * @seat_id: the member who has more than one vote in it
 * @vote_ids: (array zero-terminated=1): the votes, none of them corrected
 *
 * A member with two or more votes in one ballot, as two laptops can record
 * them; a person corrects it.
 */
typedef struct
{
  char  *ballot_id;
  char  *seat_id;
  GStrv  vote_ids;
} WspDoubleVote;

void       wsp_double_vote_free       (WspDoubleVote *vote);
GPtrArray *wsp_voting_double_votes    (WspStore      *store,
                                       GError       **error);

G_END_DECLS
