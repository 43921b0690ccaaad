/* wsp-ballot-voter.c — one member in a ballot, and how they voted
 *
 * A member present for the item of a ballot (or, between meetings, a
 * member of the body): their check-in entry (name, seat), whether they are
 * the chair, whether they were recused from the item before the vote, and
 * the vote of theirs that counts now (NULL before they voted). "changed"
 * tells that the vote changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "domain/wsp-ballot-voter.h"
#include "records/wsp-records-votes.h"

struct _WspBallotVoter
{
  GObject          parent_instance;

  WspCheckInEntry *entry;
  WspRecord       *vote;
  gboolean         chair;
  gboolean         item_recused;
};

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (WspBallotVoter, wsp_ballot_voter, G_TYPE_OBJECT)

static void
wsp_ballot_voter_finalize (GObject *object)
{
  WspBallotVoter *self = WSP_BALLOT_VOTER (object);

  g_clear_object (&self->entry);
  g_clear_object (&self->vote);
  G_OBJECT_CLASS (wsp_ballot_voter_parent_class)->finalize (object);
}

static void
wsp_ballot_voter_class_init (WspBallotVoterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = wsp_ballot_voter_finalize;
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                   NULL, G_TYPE_NONE, 0);
}

static void
wsp_ballot_voter_init (WspBallotVoter *self)
{
}

/* A member of a ballot: @entry from the check-in, @chair when they chair
 * the body, @item_recused when the run sheet recused them from the item. */
WspBallotVoter *
wsp_ballot_voter_new (WspCheckInEntry *entry,
                      gboolean         chair,
                      gboolean         item_recused)
{
  WspBallotVoter *self;

  g_return_val_if_fail (WSP_IS_CHECK_IN_ENTRY (entry), NULL);
  self = g_object_new (WSP_TYPE_BALLOT_VOTER, NULL);
  self->entry = g_object_ref (entry);
  self->chair = chair;
  self->item_recused = item_recused;
  return self;
}

WspCheckInEntry *
wsp_ballot_voter_get_entry (WspBallotVoter *self)
{
  g_return_val_if_fail (WSP_IS_BALLOT_VOTER (self), NULL);
  return self->entry;
}

const char *
wsp_ballot_voter_get_seat_id (WspBallotVoter *self)
{
  g_return_val_if_fail (WSP_IS_BALLOT_VOTER (self), NULL);
  return wsp_check_in_entry_get_seat_id (self->entry);
}

const char *
wsp_ballot_voter_get_name (WspBallotVoter *self)
{
  g_return_val_if_fail (WSP_IS_BALLOT_VOTER (self), NULL);
  return wsp_check_in_entry_get_name (self->entry);
}

gboolean
wsp_ballot_voter_is_chair (WspBallotVoter *self)
{
  g_return_val_if_fail (WSP_IS_BALLOT_VOTER (self), FALSE);
  return self->chair;
}

/* Recused from the item on the run sheet, before the vote. */
gboolean
wsp_ballot_voter_is_item_recused (WspBallotVoter *self)
{
  g_return_val_if_fail (WSP_IS_BALLOT_VOTER (self), FALSE);
  return self->item_recused;
}

/* The vote of theirs that counts (a vote taken back included), or NULL. */
WspRecord *
wsp_ballot_voter_get_vote (WspBallotVoter *self)
{
  g_return_val_if_fail (WSP_IS_BALLOT_VOTER (self), NULL);
  return self->vote;
}

void
wsp_ballot_voter_set_vote (WspBallotVoter *self,
                           WspRecord      *vote)
{
  g_return_if_fail (WSP_IS_BALLOT_VOTER (self));
  if (g_set_object (&self->vote, vote))
    g_signal_emit (self, signals[CHANGED], 0);
}

/* For, against or abstained; WSP_VOTE_NONE before a vote, after one was
 * taken back, or when recused. */
WspVoteChoice
wsp_ballot_voter_get_choice (WspBallotVoter *self)
{
  g_return_val_if_fail (WSP_IS_BALLOT_VOTER (self), WSP_VOTE_NONE);
  if (self->vote == NULL || wsp_record_get_bool (self->vote, "withdrawn")
      || wsp_record_get_bool (self->vote, "recused"))
    return WSP_VOTE_NONE;
  return wsp_choice_value (wsp_vote_choice_choices, wsp_record_get_string (self->vote, "choice"), WSP_VOTE_NONE);
}

/* Recused from the item, before the vote or by the recusal key. */
gboolean
wsp_ballot_voter_is_recused (WspBallotVoter *self)
{
  g_return_val_if_fail (WSP_IS_BALLOT_VOTER (self), FALSE);
  if (self->item_recused)
    return TRUE;
  return self->vote != NULL && !wsp_record_get_bool (self->vote, "withdrawn")
         && wsp_record_get_bool (self->vote, "recused");
}

/* Whether something stands for them: a vote or a recusal. */
gboolean
wsp_ballot_voter_has_voted (WspBallotVoter *self)
{
  return wsp_ballot_voter_get_choice (self) != WSP_VOTE_NONE || wsp_ballot_voter_is_recused (self);
}

/* Whether a key can still record something for them (not recused on the
 * run sheet). */
gboolean
wsp_ballot_voter_may_vote (WspBallotVoter *self)
{
  g_return_val_if_fail (WSP_IS_BALLOT_VOTER (self), FALSE);
  return !self->item_recused;
}
