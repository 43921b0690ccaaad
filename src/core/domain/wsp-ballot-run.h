/* wsp-ballot-run.h — a ballot as it is run: who may vote, the votes, the verdict live
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "domain/wsp-ballot-voter.h"
#include "rules/wsp-rules.h"
#include "store/wsp-store.h"

G_BEGIN_DECLS

#define WSP_BALLOT_ERROR (wsp_ballot_error_quark ())

typedef enum
{
  WSP_BALLOT_ERROR_CLOSED,
  WSP_BALLOT_ERROR_WRONG_MODE,
  WSP_BALLOT_ERROR_TOO_MANY_CARDS,
  WSP_BALLOT_ERROR_CASTING_VOTE_NEEDED,
  WSP_BALLOT_ERROR_NOTHING_TO_UNDO,
  WSP_BALLOT_ERROR_NOT_FOUND,
  WSP_BALLOT_ERROR_VOTES_CAST,
  WSP_BALLOT_ERROR_NOT_CLOSED,
  WSP_BALLOT_ERROR_CORRECTED,
} WspBallotError;

GQuark wsp_ballot_error_quark (void);

/**
 * WspBallotCount:
 * @tally: the counts the rules take (members, present, recused, votes, the
 *   chair's casting vote)
 * @entitled: members entitled to vote: present for the item, less the
 *   recused
 * @invalid: invalid cards (secret ballots)
 * @not_voted: entitled members with no vote recorded yet (roll-call)
 *
 * Where a ballot stands.
 */
typedef struct
{
  WspTally tally;
  guint    entitled;
  guint    invalid;
  guint    not_voted;
} WspBallotCount;

#define WSP_TYPE_BALLOT_RUN (wsp_ballot_run_get_type ())

G_DECLARE_FINAL_TYPE (WspBallotRun, wsp_ballot_run, WSP, BALLOT_RUN, GObject)

WspBallotRun  *wsp_ballot_run_new                (WspStore       *store,
                                                  const char     *ballot_id,
                                                  GError        **error);
WspRecord     *wsp_ballot_run_get_ballot         (WspBallotRun   *self);
WspRecord     *wsp_ballot_run_get_body           (WspBallotRun   *self);
WspBallotMode  wsp_ballot_run_get_mode           (WspBallotRun   *self);
WspMajority    wsp_ballot_run_get_majority       (WspBallotRun   *self);
void           wsp_ballot_run_get_rules          (WspBallotRun   *self,
                                                  WspBodyRules   *rules);
gboolean       wsp_ballot_run_is_closed          (WspBallotRun   *self);
guint          wsp_ballot_run_get_current        (WspBallotRun   *self);
void           wsp_ballot_run_get_count          (WspBallotRun   *self,
                                                  WspBallotCount *count);
WspVerdict     wsp_ballot_run_get_verdict        (WspBallotRun   *self);
gboolean       wsp_ballot_run_is_tied            (WspBallotRun   *self);
gboolean       wsp_ballot_run_needs_casting_vote (WspBallotRun   *self);
WspVoteChoice  wsp_ballot_run_get_chair_choice   (WspBallotRun   *self);
gboolean       wsp_ballot_run_can_undo           (WspBallotRun   *self);
gboolean       wsp_ballot_run_is_circulation     (WspBallotRun   *self);
GDateTime     *wsp_ballot_run_dup_deadline       (WspBallotRun   *self);
gboolean       wsp_ballot_run_is_overdue         (WspBallotRun   *self,
                                                  GDateTime      *now);
gboolean       wsp_ballot_run_all_answered       (WspBallotRun   *self);
void           wsp_ballot_run_set_channel        (WspBallotRun   *self,
                                                  WspAnswerChannel channel);
gboolean       wsp_ballot_run_close_if_due       (WspBallotRun   *self,
                                                  GDateTime      *now,
                                                  gboolean       *closed,
                                                  GError        **error);

gboolean       wsp_ballot_run_set_setup          (WspBallotRun   *self,
                                                  const char     *question,
                                                  WspBallotMode   mode,
                                                  WspMajority     majority,
                                                  GError        **error);
gboolean       wsp_ballot_run_cast               (WspBallotRun   *self,
                                                  guint           position,
                                                  WspVoteChoice   choice,
                                                  gboolean        recused,
                                                  GError        **error);
gboolean       wsp_ballot_run_undo               (WspBallotRun   *self,
                                                  GError        **error);
gboolean       wsp_ballot_run_set_totals         (WspBallotRun   *self,
                                                  guint           yes,
                                                  guint           no,
                                                  guint           abstain,
                                                  guint           invalid,
                                                  GError        **error);
gboolean       wsp_ballot_run_set_casting_vote   (WspBallotRun   *self,
                                                  WspVoteChoice   choice,
                                                  GError        **error);
gboolean       wsp_ballot_run_is_stale           (WspBallotRun   *self,
                                                  WspChanges     *changes);
gboolean       wsp_ballot_run_close              (WspBallotRun   *self,
                                                  GDateTime      *now,
                                                  GError        **error);

GHashTable    *wsp_ballot_effective_votes        (GPtrArray      *votes);

char          *wsp_ballot_result_text            (WspVerdict      verdict,
                                                  guint           yes,
                                                  guint           no,
                                                  guint           abstain,
                                                  guint           invalid,
                                                  gboolean        secret);
char          *wsp_ballot_counts_text            (guint           yes,
                                                  guint           no,
                                                  guint           abstain,
                                                  guint           invalid,
                                                  gboolean        secret);

G_END_DECLS
