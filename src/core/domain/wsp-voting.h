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

/**
 * WspDuplicateNumber:
 * @body_id: the body
 * @number: the resolution number given more than once ("3/2027")
 * @record_ids: (array zero-terminated=1): the ballots and opinions that
 *   have it
 *
 * One resolution number given twice, as two laptops numbering offline
 * can give it; a person renumbers.
 */
typedef struct
{
  char  *body_id;
  char  *number;
  GStrv  record_ids;
} WspDuplicateNumber;

void       wsp_duplicate_number_free       (WspDuplicateNumber *number);
GPtrArray *wsp_voting_duplicate_numbers    (WspStore           *store,
                                            GError            **error);
char      *wsp_voting_later_ballot         (WspStore           *store,
                                            WspDuplicateNumber *number);
gboolean   wsp_voting_renumber             (WspStore           *store,
                                            const char         *ballot_id,
                                            GError            **error);

char      *wsp_voting_find_correction      (WspStore           *store,
                                            const char         *ballot_id);
char      *wsp_voting_correct_ballot       (WspStore           *store,
                                            const char         *ballot_id,
                                            GError            **error);

void       wsp_double_vote_free       (WspDoubleVote *vote);
GPtrArray *wsp_voting_double_votes    (WspStore      *store,
                                       GError       **error);

G_END_DECLS
