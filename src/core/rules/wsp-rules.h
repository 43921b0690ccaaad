/* wsp-rules.h — the rules of the Council and the Forum as pure functions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "records/wsp-choices.h"

G_BEGIN_DECLS

/* Majorities and votes */

/**
 * WspBodyRules:
 * @quorum_numerator: quorum fraction, top (default 1)
 * @quorum_denominator: quorum fraction, bottom, never 0 (default 2: "at
 *   least half of the members present")
 * @majority: majority used for ordinary resolutions (default simple)
 * @tie_rule: what a tie under simple majority means (default casting vote)
 * @opinion_deadline_days: days to give an opinion on drafts other than the
 *   cooperation programme and the strategy (default 14)
 * @term_years: length of the term of office (default 3, art. 41e ust. 3)
 * @absence_limit: consecutive unexcused absences that are flagged
 *   (default 3, art. 41g ust. 2 pkt 5); 0 turns the flag off
 * @circulation_majority: majority of a vote by circulation, counted
 *   against the whole membership (default absolute)
 *
 * The settings of one body.  Every field has the statutory or customary
 * default set by wsp_body_rules_init_default(); a body's bylaws may
 * change any of them.
 */
typedef struct
{
  guint       quorum_numerator;
  guint       quorum_denominator;
  WspMajority majority;
  WspTieRule  tie_rule;
  guint       opinion_deadline_days;
  guint       term_years;
  guint       absence_limit;
  WspMajority circulation_majority;
} WspBodyRules;

/**
 * WspTally:
 * @members: current members of the body
 * @present: members present, including those recused from this item
 * @recused: members recused from this item (a subset of @present)
 * @yes: votes for
 * @no: votes against
 * @abstain: abstentions
 * @chair_vote: how the chair voted (the chair's vote is included in
 *   @yes, @no or @abstain)
 *
 * The counts of one vote on one item.
 */
typedef struct
{
  guint     members;
  guint     present;
  guint     recused;
  guint     yes;
  guint     no;
  guint     abstain;
  WspVoteChoice chair_vote;
} WspTally;

/* WspVerdict, the outcome, is in records/wsp-choices.h: results store it. */

void        wsp_body_rules_init_default (WspBodyRules       *rules);

gboolean    wsp_quorum_reached          (const WspBodyRules *rules,
                                         guint               members,
                                         guint               present,
                                         guint               recused);
guint       wsp_quorum_required         (const WspBodyRules *rules,
                                         guint               members,
                                         guint               recused);

WspVerdict  wsp_verdict                 (const WspBodyRules *rules,
                                         WspMajority         majority,
                                         const WspTally     *tally);
gboolean    wsp_verdict_is_passed       (WspVerdict          verdict);
const char *wsp_verdict_to_string       (WspVerdict          verdict);

/* Opinion deadlines */

/* Days to give an opinion on the draft cooperation programme and the draft
 * development strategy, fixed by art. 41i ust. 2. */
#define WSP_STATUTORY_OPINION_DAYS 14

void        wsp_easter_sunday           (guint               year,
                                         GDate              *date);
gboolean    wsp_polish_public_holiday   (const GDate        *date);
gboolean    wsp_polish_working_day      (const GDate        *date);

GDateTime  *wsp_opinion_deadline        (const WspBodyRules *rules,
                                         WspDraftKind        kind,
                                         GDateTime          *delivered,
                                         int                 custom_days);
gboolean    wsp_opinion_waived          (GDateTime          *deadline,
                                         GDateTime          *now,
                                         gboolean            opinion_given);
int         wsp_opinion_days_left       (GDateTime          *deadline,
                                         GDateTime          *now);

/* Drafts due within this many days are named at start-up. */
#define WSP_OPINION_REMINDER_DAYS 3

/**
 * WspOpinionState:
 * @WSP_OPINION_STATE_OPEN: the Council still has days to give its opinion
 * @WSP_OPINION_STATE_DUE_TODAY: the deadline is today
 * @WSP_OPINION_STATE_WAIVED: the deadline passed and no opinion was given:
 *   the Council is deemed to have waived it (art. 41i ust. 2)
 * @WSP_OPINION_STATE_GIVEN: the opinion was adopted
 * @WSP_OPINION_STATE_WITHDRAWN: the city withdrew the draft
 *
 * Where a draft stands, by its deadline.
 */
typedef enum
{
  WSP_OPINION_STATE_OPEN,
  WSP_OPINION_STATE_DUE_TODAY,
  WSP_OPINION_STATE_WAIVED,
  WSP_OPINION_STATE_GIVEN,
  WSP_OPINION_STATE_WITHDRAWN,
} WspOpinionState;

WspOpinionState wsp_opinion_state       (GDateTime          *deadline,
                                         GDateTime          *now,
                                         gboolean            opinion_given,
                                         gboolean            withdrawn,
                                         int                *days_left);
gboolean    wsp_opinion_due_soon        (GDateTime          *deadline,
                                         GDateTime          *now,
                                         gboolean            opinion_given,
                                         guint               within_days);

/* Council composition */

gboolean    wsp_composition_ok                (guint mayor_seats,
                                               guint city_council_seats,
                                               guint ngo_seats);
guint       wsp_composition_ngo_seats_needed  (guint mayor_seats,
                                               guint city_council_seats,
                                               guint ngo_seats);

/* Absences */

gboolean    wsp_absences_flagged        (const WspBodyRules  *rules,
                                         const WspPresence   *history,
                                         gsize                n);
guint       wsp_absences_current_run    (const WspPresence   *history,
                                         gsize                n);
guint       wsp_absences_longest_run    (const WspPresence   *history,
                                         gsize                n);

/* Elections of delegates */

/**
 * WspStanding:
 * @WSP_STANDING_NOT_ELECTED: not elected
 * @WSP_STANDING_ELECTED: elected
 * @WSP_STANDING_TIED: tied with others for the last seat(s): a run-off
 *   among the tied decides
 *
 * Where a candidate stands once the votes are counted.
 */
typedef enum
{
  WSP_STANDING_NOT_ELECTED,
  WSP_STANDING_ELECTED,
  WSP_STANDING_TIED,
} WspStanding;

/**
 * WspElectionOutcome:
 * @elected: candidates elected outright
 * @tied: candidates tied for the last seats (0 when there is no tie)
 * @tied_seats: seats the tied compete for in a run-off (0 when no tie)
 * @unfilled: seats nobody won (too few candidates with a vote)
 *
 * What an election's count gives.
 */
typedef struct
{
  guint elected;
  guint tied;
  guint tied_seats;
  guint unfilled;
} WspElectionOutcome;

void        wsp_rank_candidates          (const guint        *votes,
                                          gsize               n,
                                          guint               seats,
                                          guint              *order,
                                          WspStanding        *standing,
                                          WspElectionOutcome *outcome);
gboolean    wsp_election_count_valid     (const guint        *votes,
                                          gsize               n,
                                          guint               seats,
                                          guint               valid_cards);

/* Resolution numbers */

char       *wsp_resolution_number        (guint               sequence,
                                          int                 year);
guint       wsp_resolution_next_sequence (const char * const *existing_numbers,
                                          int                 year);

G_END_DECLS
