/* wsp-ballot-run.c — a ballot as it is run: who may vote, the votes, the verdict live
 *
 * A list model of WspBallotVoter: for a ballot on an agenda item, the
 * members of the body checked in and in the room when the ballot is
 * opened here, in the body's order (those recused from the item on the
 * run sheet among them, marked so); for a ballot with no meeting, every
 * member of the body on the day. Who may vote (entitled) are those
 * present less the recused.
 *
 * A roll-call records one vote record per key (append-only, as every
 * laptop keeps votes): a second key for the same member, or Undo, writes
 * a new vote that says which one it corrects ("corrects"); Undo of a first
 * vote writes a vote taken back ("withdrawn"). An open or secret ballot
 * keeps only its totals, never a name, and refuses more cards than there
 * are members entitled to vote.
 *
 * The verdict comes from the body's rules (wsp_verdict()). When the votes
 * are tied and the body's rule is the chair's casting vote, the run says
 * so (wsp_ballot_run_needs_casting_vote()) until the casting vote is
 * recorded. Closing fixes the counts, the verdict, the sentence the
 * minutes use, and — when the motion passed — the resolution number, the
 * next of the body in the year.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "domain/wsp-ballot-run.h"
#include "domain/wsp-check-in.h"
#include "domain/wsp-meetings.h"
#include "domain/wsp-membership.h"
#include "records/wsp-records-drafts.h"
#include "records/wsp-records-meetings.h"
#include "records/wsp-records-votes.h"

G_DEFINE_QUARK (wsp-ballot-error-quark, wsp_ballot_error)

typedef struct
{
  guint      position;
  WspRecord *before;     /* the vote that counted before the key, or NULL */
} Entry;

struct _WspBallotRun
{
  GObject       parent_instance;

  WspStore     *store;
  WspRecord    *ballot;
  WspRecord    *body;
  WspBodyRules  rules;
  GPtrArray    *voters;  /* WspBallotVoter */
  GArray       *undo;    /* Entry */
  guint         members;
  guint         current;
  WspAnswerChannel channel;
  GHashTable   *known_votes; /* ids of the votes read or written here */
};

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (WspBallotRun, wsp_ballot_run, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
get_item_type (GListModel *model)
{
  return WSP_TYPE_BALLOT_VOTER;
}

static guint
get_n_items (GListModel *model)
{
  return WSP_BALLOT_RUN (model)->voters->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  WspBallotRun *self = WSP_BALLOT_RUN (model);

  if (position >= self->voters->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->voters, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
clear_entry (gpointer data)
{
  Entry *entry = data;

  g_clear_object (&entry->before);
}

static void
wsp_ballot_run_finalize (GObject *object)
{
  WspBallotRun *self = WSP_BALLOT_RUN (object);

  g_clear_object (&self->store);
  g_clear_object (&self->ballot);
  g_clear_object (&self->body);
  g_clear_pointer (&self->voters, g_ptr_array_unref);
  g_clear_pointer (&self->undo, g_array_unref);
  g_clear_pointer (&self->known_votes, g_hash_table_unref);
  G_OBJECT_CLASS (wsp_ballot_run_parent_class)->finalize (object);
}

static void
wsp_ballot_run_class_init (WspBallotRunClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = wsp_ballot_run_finalize;
  /* The counts or the ballot changed. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                   NULL, G_TYPE_NONE, 0);
}

static void
wsp_ballot_run_init (WspBallotRun *self)
{
  self->voters = g_ptr_array_new_with_free_func (g_object_unref);
  self->undo = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_array_set_clear_func (self->undo, clear_entry);
  self->known_votes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static gboolean
is_chair (WspCheckInEntry *entry)
{
  return g_strcmp0 (wsp_record_get_string (wsp_check_in_entry_get_seat (entry), "role"), "chair") == 0;
}

static gboolean
strv_has (GStrv        strv,
          const char  *value)
{
  return strv != NULL && value != NULL && g_strv_contains ((const char * const *) strv, value);
}

/**
 * wsp_ballot_effective_votes:
 * @votes: (element-type WspVote): the vote records of one ballot
 *
 * The votes of the ballot that count. A vote that another corrects does
 * not count; of a seat's votes that nothing corrects, a correction wins
 * over a first vote.
 *
 * Returns: (transfer container): seat id → vote (both owned by @votes)
 */
GHashTable *
wsp_ballot_effective_votes (GPtrArray *votes)
{
  g_autoptr (GHashTable) corrected = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTable *by_seat = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < votes->len; i++)
    {
      const char *corrects = wsp_record_get_string (g_ptr_array_index (votes, i), "corrects");

      if (corrects != NULL)
        g_hash_table_add (corrected, (gpointer) corrects);
    }
  for (guint i = 0; i < votes->len; i++)
    {
      WspRecord *vote = g_ptr_array_index (votes, i);
      const char *seat = wsp_record_get_string (vote, "seat_id");

      if (seat == NULL || g_hash_table_contains (corrected, wsp_record_get_id (vote)))
        continue;
      if (!g_hash_table_contains (by_seat, seat) || wsp_record_get_string (vote, "corrects") != NULL)
        g_hash_table_insert (by_seat, (gpointer) seat, vote);
    }
  return by_seat;
}

static void
find_current (WspBallotRun *self,
              guint         from)
{
  for (guint n = 0; n < self->voters->len; n++)
    {
      guint i = (from + n) % self->voters->len;
      WspBallotVoter *voter = g_ptr_array_index (self->voters, i);

      if (wsp_ballot_voter_may_vote (voter) && !wsp_ballot_voter_has_voted (voter))
        {
          self->current = i;
          return;
        }
    }
  self->current = G_MAXUINT;
}

static gboolean
load_voters (WspBallotRun  *self,
             GError       **error)
{
  const char *item_id = wsp_record_get_string (self->ballot, "agenda_item_id");
  g_autoptr (WspRecord) item = item_id != NULL ? wsp_store_get (self->store, item_id, NULL) : NULL;
  const char *meeting_id = item != NULL ? wsp_record_get_string (item, "meeting_id") : NULL;
  g_autoptr (GPtrArray) votes = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GHashTable) by_seat = NULL;
  gboolean closed = wsp_record_get_string (self->ballot, "closed_at") != NULL;

  if (!wsp_store_query (self->store, WSP_TYPE_VOTE, "ballot_id", wsp_record_get_id (self->ballot), votes, error))
    return FALSE;
  for (guint i = 0; i < votes->len; i++)
    g_hash_table_add (self->known_votes, g_strdup (wsp_record_get_id (g_ptr_array_index (votes, i))));
  by_seat = wsp_ballot_effective_votes (votes);

  if (meeting_id != NULL && !wsp_record_get_bool (self->ballot, "by_circulation"))
    {
      g_autoptr (WspCheckIn) check_in = wsp_check_in_new (self->store, meeting_id);
      g_auto (GStrv) recused = wsp_record_dup_list (item, "recused");
      guint n = g_list_model_get_n_items (G_LIST_MODEL (check_in));

      self->members = n;
      for (guint i = 0; i < n; i++)
        {
          g_autoptr (WspCheckInEntry) entry = g_list_model_get_item (G_LIST_MODEL (check_in), i);
          const char *seat_id = wsp_check_in_entry_get_seat_id (entry);
          WspRecord *vote = g_hash_table_lookup (by_seat, seat_id);

          /* Those in the room; and anyone with a vote recorded. */
          if (wsp_check_in_entry_is_in_the_room (entry) || vote != NULL)
            {
              WspBallotVoter *voter = wsp_ballot_voter_new (entry, is_chair (entry),
                                                            !closed && strv_has (recused, seat_id) && vote == NULL);

              wsp_ballot_voter_set_vote (voter, vote);
              g_ptr_array_add (self->voters, voter);
            }
        }
    }
  else
    {
      const char *opened = wsp_record_get_string (self->ballot, "opened_at");
      g_autoptr (GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *date = opened != NULL ? g_strndup (opened, 10) : g_date_time_format (now, "%Y-%m-%d");
      g_autoptr (GPtrArray) members = wsp_meetings_members_on (self->store, self->body, date, error);

      if (members == NULL)
        return FALSE;
      self->members = members->len;
      for (guint i = 0; i < members->len; i++)
        {
          WspMemberEntry *member = g_ptr_array_index (members, i);
          g_autoptr (WspCheckInEntry) entry = wsp_check_in_entry_new (member->seat, member->person,
                                                                      member->organisation, NULL);
          WspBallotVoter *voter = wsp_ballot_voter_new (entry, is_chair (entry), FALSE);

          wsp_ballot_voter_set_vote (voter, g_hash_table_lookup (by_seat, wsp_check_in_entry_get_seat_id (entry)));
          g_ptr_array_add (self->voters, voter);
        }
    }
  find_current (self, 0);
  return TRUE;
}

/**
 * wsp_ballot_run_new:
 * @store: the store
 * @ballot_id: the ballot
 * @error: where to say why it cannot be run
 *
 * Returns: (transfer full): the ballot with its voters and votes, or %NULL
 */
WspBallotRun *
wsp_ballot_run_new (WspStore    *store,
                    const char  *ballot_id,
                    GError     **error)
{
  g_autoptr (WspBallotRun) self = NULL;
  g_autoptr (WspRecord) ballot = NULL;

  g_return_val_if_fail (WSP_IS_STORE (store), NULL);
  g_return_val_if_fail (ballot_id != NULL, NULL);

  ballot = wsp_store_get (store, ballot_id, NULL);
  if (ballot == NULL || !WSP_IS_BALLOT (ballot))
    {
      g_set_error_literal (error, WSP_BALLOT_ERROR, WSP_BALLOT_ERROR_NOT_FOUND,
                           _("This vote is no longer in the database."));
      return NULL;
    }
  self = g_object_new (WSP_TYPE_BALLOT_RUN, NULL);
  self->store = g_object_ref (store);
  self->ballot = g_steal_pointer (&ballot);
  self->body = wsp_store_get (store, wsp_record_get_string (self->ballot, "body_id"), NULL);
  wsp_membership_body_rules (self->body, &self->rules);
  if (!load_voters (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

WspRecord *
wsp_ballot_run_get_ballot (WspBallotRun *self)
{
  g_return_val_if_fail (WSP_IS_BALLOT_RUN (self), NULL);
  return self->ballot;
}

/* The ballot's body, or NULL when it is not in the database. */
WspRecord *
wsp_ballot_run_get_body (WspBallotRun *self)
{
  g_return_val_if_fail (WSP_IS_BALLOT_RUN (self), NULL);
  return self->body;
}

WspBallotMode
wsp_ballot_run_get_mode (WspBallotRun *self)
{
  g_return_val_if_fail (WSP_IS_BALLOT_RUN (self), WSP_BALLOT_OPEN);
  return wsp_choice_value (wsp_ballot_mode_choices, wsp_record_get_string (self->ballot, "mode"), WSP_BALLOT_OPEN);
}

/* The ballot's majority, or the body's when it says none (for a vote by
 * circulation, the body's majority for those). */
WspMajority
wsp_ballot_run_get_majority (WspBallotRun *self)
{
  g_return_val_if_fail (WSP_IS_BALLOT_RUN (self), WSP_MAJORITY_SIMPLE);
  return wsp_choice_value (wsp_majority_choices, wsp_record_get_string (self->ballot, "majority"),
                           wsp_ballot_run_is_circulation (self) ? self->rules.circulation_majority
                                                                : self->rules.majority);
}

/* A vote between meetings: every member of the body may answer, by a
 * deadline. */
gboolean
wsp_ballot_run_is_circulation (WspBallotRun *self)
{
  g_return_val_if_fail (WSP_IS_BALLOT_RUN (self), FALSE);
  return wsp_record_get_bool (self->ballot, "by_circulation");
}

/* The deadline of a vote by circulation, or NULL. */
GDateTime *
wsp_ballot_run_dup_deadline (WspBallotRun *self)
{
  const char *deadline;

  g_return_val_if_fail (WSP_IS_BALLOT_RUN (self), NULL);
  deadline = wsp_record_get_string (self->ballot, "deadline");
  return deadline != NULL ? g_date_time_new_from_iso8601 (deadline, NULL) : NULL;
}

/* An open vote by circulation whose deadline passed before @now: it is
 * to be closed, never left open silently. */
gboolean
wsp_ballot_run_is_overdue (WspBallotRun *self,
                           GDateTime    *now)
{
  g_autoptr (GDateTime) deadline = NULL;

  g_return_val_if_fail (WSP_IS_BALLOT_RUN (self), FALSE);
  if (!wsp_ballot_run_is_circulation (self) || wsp_ballot_run_is_closed (self))
    return FALSE;
  deadline = wsp_ballot_run_dup_deadline (self);
  return deadline != NULL && g_date_time_compare (deadline, now) <= 0;
}

/* Every member who may answer has answered (or is recused). */
gboolean
wsp_ballot_run_all_answered (WspBallotRun *self)
{
  g_return_val_if_fail (WSP_IS_BALLOT_RUN (self), FALSE);
  if (self->voters->len == 0)
    return FALSE;
  for (guint i = 0; i < self->voters->len; i++)
    {
      WspBallotVoter *voter = g_ptr_array_index (self->voters, i);

      if (wsp_ballot_voter_may_vote (voter) && !wsp_ballot_voter_has_voted (voter))
        return FALSE;
    }
  return TRUE;
}

/* How the answers recorded next came in (votes by circulation). */
void
wsp_ballot_run_set_channel (WspBallotRun     *self,
                            WspAnswerChannel  channel)
{
  g_return_if_fail (WSP_IS_BALLOT_RUN (self));
  self->channel = channel;
}

/* Closes a vote by circulation at @now when its deadline passed or every
 * member answered; *@closed says whether it did. */
gboolean
wsp_ballot_run_close_if_due (WspBallotRun  *self,
                             GDateTime     *now,
                             gboolean      *closed,
                             GError       **error)
{
  g_return_val_if_fail (WSP_IS_BALLOT_RUN (self), FALSE);
  *closed = FALSE;
  if (!wsp_ballot_run_is_circulation (self) || wsp_ballot_run_is_closed (self))
    return TRUE;
  if (!wsp_ballot_run_is_overdue (self, now) && !wsp_ballot_run_all_answered (self))
    return TRUE;
  /* A tie at the deadline with no casting vote recorded: the motion fails
   * (wsp_ballot_run_close() lets a vote by circulation close so). */
  if (!wsp_ballot_run_close (self, now, error))
    return FALSE;
  *closed = TRUE;
  return TRUE;
}

void
wsp_ballot_run_get_rules (WspBallotRun *self,
                          WspBodyRules *rules)
{
  g_return_if_fail (WSP_IS_BALLOT_RUN (self));
  *rules = self->rules;
}

gboolean
wsp_ballot_run_is_closed (WspBallotRun *self)
{
  g_return_val_if_fail (WSP_IS_BALLOT_RUN (self), TRUE);
  return wsp_record_get_string (self->ballot, "closed_at") != NULL;
}

/* The position of the next member to vote in a roll-call, or G_MAXUINT
 * when everybody has. */
guint
wsp_ballot_run_get_current (WspBallotRun *self)
{
  g_return_val_if_fail (WSP_IS_BALLOT_RUN (self), G_MAXUINT);
  return self->current;
}

static WspVoteChoice
casting_vote (WspBallotRun *self)
{
  return wsp_choice_value (wsp_vote_choice_choices, wsp_record_get_string (self->ballot, "casting_vote"),
                           WSP_VOTE_NONE);
}

/* Where the ballot stands. A closed ballot gives the counts it fixed. */
void
wsp_ballot_run_get_count (WspBallotRun   *self,
                          WspBallotCount *count)
{
  WspTally *tally = &count->tally;
  gboolean names = wsp_ballot_run_get_mode (self) == WSP_BALLOT_ROLL_CALL;

  g_return_if_fail (WSP_IS_BALLOT_RUN (self));
  memset (count, 0, sizeof *count);
  tally->members = self->members;
  tally->present = self->voters->len;
  for (guint i = 0; i < self->voters->len; i++)
    {
      WspBallotVoter *voter = g_ptr_array_index (self->voters, i);
      WspVoteChoice choice = wsp_ballot_voter_get_choice (voter);

      if (wsp_ballot_voter_is_recused (voter))
        {
          tally->recused++;
          continue;
        }
      if (!names)
        continue;
      if (choice == WSP_VOTE_FOR)
        tally->yes++;
      else if (choice == WSP_VOTE_AGAINST)
        tally->no++;
      else if (choice == WSP_VOTE_ABSTAIN)
        tally->abstain++;
      else
        count->not_voted++;
    }
  if (!names || wsp_ballot_run_is_closed (self))
    {
      tally->yes = (guint) MAX (wsp_record_get_int (self->ballot, "secret_for"), 0);
      tally->no = (guint) MAX (wsp_record_get_int (self->ballot, "secret_against"), 0);
      tally->abstain = (guint) MAX (wsp_record_get_int (self->ballot, "secret_abstain"), 0);
      count->invalid = (guint) MAX (wsp_record_get_int (self->ballot, "secret_invalid"), 0);
    }
  if (wsp_ballot_run_is_closed (self) && wsp_record_get_int (self->ballot, "tally_members") > 0)
    {
      tally->members = (guint) wsp_record_get_int (self->ballot, "tally_members");
      tally->present = (guint) MAX (wsp_record_get_int (self->ballot, "tally_present"), 0);
      tally->recused = (guint) MAX (wsp_record_get_int (self->ballot, "tally_recused"), 0);
    }
  tally->chair_vote = casting_vote (self);
  count->entitled = tally->present > tally->recused ? tally->present - tally->recused : 0;
}

/* How the chair voted in a roll-call (WSP_VOTE_NONE otherwise): what the
 * casting vote is taken to be, unless the chair says another. */
WspVoteChoice
wsp_ballot_run_get_chair_choice (WspBallotRun *self)
{
  g_return_val_if_fail (WSP_IS_BALLOT_RUN (self), WSP_VOTE_NONE);
  for (guint i = 0; i < self->voters->len; i++)
    if (wsp_ballot_voter_is_chair (g_ptr_array_index (self->voters, i)))
      return wsp_ballot_voter_get_choice (g_ptr_array_index (self->voters, i));
  return WSP_VOTE_NONE;
}

/* As many for as against, at least one each, under a simple majority with
 * the quorum: the case the tie rule decides. */
gboolean
wsp_ballot_run_is_tied (WspBallotRun *self)
{
  WspBallotCount count;

  g_return_val_if_fail (WSP_IS_BALLOT_RUN (self), FALSE);
  wsp_ballot_run_get_count (self, &count);
  return wsp_ballot_run_get_majority (self) == WSP_MAJORITY_SIMPLE && count.tally.yes == count.tally.no
         && count.tally.yes > 0
         && wsp_quorum_reached (&self->rules, count.tally.members, count.tally.present, count.tally.recused);
}

/* Tied, the body's rule is the chair's casting vote, and it is not
 * recorded yet. */
gboolean
wsp_ballot_run_needs_casting_vote (WspBallotRun *self)
{
  g_return_val_if_fail (WSP_IS_BALLOT_RUN (self), FALSE);
  return self->rules.tie_rule == WSP_TIE_CASTING_VOTE && wsp_ballot_run_is_tied (self)
         && casting_vote (self) != WSP_VOTE_FOR && casting_vote (self) != WSP_VOTE_AGAINST;
}

/* The verdict by the rules now; a closed ballot's as it was fixed. */
WspVerdict
wsp_ballot_run_get_verdict (WspBallotRun *self)
{
  WspBallotCount count;

  g_return_val_if_fail (WSP_IS_BALLOT_RUN (self), WSP_VERDICT_NO_QUORUM);
  if (wsp_ballot_run_is_closed (self) && wsp_record_get_string (self->ballot, "verdict") != NULL)
    return wsp_choice_value (wsp_verdict_choices, wsp_record_get_string (self->ballot, "verdict"),
                             WSP_VERDICT_NO_QUORUM);
  wsp_ballot_run_get_count (self, &count);
  return wsp_verdict (&self->rules, wsp_ballot_run_get_majority (self), &count.tally);
}

gboolean
wsp_ballot_run_can_undo (WspBallotRun *self)
{
  g_return_val_if_fail (WSP_IS_BALLOT_RUN (self), FALSE);
  return self->undo->len > 0 && !wsp_ballot_run_is_closed (self);
}

static gboolean
check_open (WspBallotRun  *self,
            GError       **error)
{
  if (wsp_ballot_run_is_closed (self))
    {
      g_set_error_literal (error, WSP_BALLOT_ERROR, WSP_BALLOT_ERROR_CLOSED,
                           _("This vote is closed: its result can only be corrected by a new vote."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
save_ballot (WspBallotRun  *self,
             WspRecord     *ballot,
             GError       **error)
{
  if (!wsp_store_save (self->store, ballot, error))
    return FALSE;
  g_set_object (&self->ballot, ballot);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

static WspRecord *
copy_ballot (WspBallotRun *self)
{
  g_autoptr (WspRecord) copy = wsp_store_get (self->store, wsp_record_get_id (self->ballot), NULL);

  return copy != NULL ? g_steal_pointer (&copy) : g_object_ref (self->ballot);
}

static gboolean
has_votes (WspBallotRun *self)
{
  for (guint i = 0; i < self->voters->len; i++)
    {
      WspBallotVoter *voter = g_ptr_array_index (self->voters, i);

      if (wsp_ballot_voter_get_vote (voter) != NULL)
        return TRUE;
    }
  return wsp_record_get_int (self->ballot, "secret_for") > 0 || wsp_record_get_int (self->ballot, "secret_against") > 0
         || wsp_record_get_int (self->ballot, "secret_abstain") > 0
         || wsp_record_get_int (self->ballot, "secret_invalid") > 0;
}

/* Sets the question, the kind of vote and the majority of an open ballot.
 * The kind cannot change once votes are recorded (a secret ballot must
 * never hold a name). */
gboolean
wsp_ballot_run_set_setup (WspBallotRun  *self,
                          const char    *question,
                          WspBallotMode  mode,
                          WspMajority    majority,
                          GError       **error)
{
  g_autoptr (WspRecord) ballot = NULL;

  g_return_val_if_fail (WSP_IS_BALLOT_RUN (self), FALSE);
  if (!check_open (self, error))
    return FALSE;
  if (mode != wsp_ballot_run_get_mode (self) && has_votes (self))
    {
      g_set_error_literal (error, WSP_BALLOT_ERROR, WSP_BALLOT_ERROR_VOTES_CAST,
                           _("Votes are recorded already: the kind of vote cannot change now."));
      return FALSE;
    }
  ballot = copy_ballot (self);
  if (question != NULL && *question != '\0')
    wsp_record_set_string (ballot, "question", question);
  wsp_record_set_string (ballot, "mode", wsp_choice_name (wsp_ballot_mode_choices, mode));
  wsp_record_set_string (ballot, "majority", wsp_choice_name (wsp_majority_choices, majority));
  return save_ballot (self, ballot, error);
}

static gboolean
opened_now (WspBallotRun  *self,
            GError       **error)
{
  g_autoptr (WspRecord) ballot = NULL;
  g_autoptr (GDateTime) now = NULL;
  g_autofree char *text = NULL;

  if (wsp_record_get_string (self->ballot, "opened_at") != NULL)
    return TRUE;
  ballot = copy_ballot (self);
  now = g_date_time_new_now_local ();
  text = wsp_meetings_format_time (now);
  wsp_record_set_string (ballot, "opened_at", text);
  return save_ballot (self, ballot, error);
}

static gboolean
write_vote (WspBallotRun    *self,
            WspBallotVoter  *voter,
            WspVoteChoice    choice,
            gboolean         recused,
            gboolean         withdrawn,
            GError         **error)
{
  g_autoptr (WspRecord) vote = WSP_RECORD (wsp_vote_new ());
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *cast_at = wsp_meetings_format_time (now);
  WspRecord *before = wsp_ballot_voter_get_vote (voter);

  wsp_record_set_string (vote, "ballot_id", wsp_record_get_id (self->ballot));
  wsp_record_set_string (vote, "seat_id", wsp_ballot_voter_get_seat_id (voter));
  if (choice != WSP_VOTE_NONE && !recused && !withdrawn)
    wsp_record_set_string (vote, "choice", wsp_choice_name (wsp_vote_choice_choices, choice));
  if (recused)
    wsp_record_set_bool (vote, "recused", TRUE);
  if (withdrawn)
    wsp_record_set_bool (vote, "withdrawn", TRUE);
  wsp_record_set_string (vote, "cast_at", cast_at);
  if (wsp_ballot_run_is_circulation (self) && !withdrawn)
    wsp_record_set_string (vote, "channel", wsp_choice_name (wsp_answer_channel_choices, self->channel));
  if (before != NULL)
    wsp_record_set_string (vote, "corrects", wsp_record_get_id (before));
  if (!wsp_store_save (self->store, vote, error))
    return FALSE;
  g_hash_table_add (self->known_votes, g_strdup (wsp_record_get_id (vote)));
  wsp_ballot_voter_set_vote (voter, vote);
  return TRUE;
}

/* Votes of other ballots, arriving in a large import, are not each read to
 * tell: past this many the run is read again anyway. */
#define MAX_VOTES_LOOKED_AT 200

/**
 * wsp_ballot_run_is_stale:
 * @self: a ballot as it is run
 * @changes: what a commit of the store changed
 *
 * Whether @changes hold something of this ballot that the run did not
 * write itself: the ballot changed on another laptop, or votes of it came
 * in an import. The run is then to be made again from the store.
 *
 * Returns: whether the run no longer shows the store
 */
gboolean
wsp_ballot_run_is_stale (WspBallotRun *self,
                         WspChanges   *changes)
{
  const char * const *ids;
  guint n_ids = 0, looked_at = 0;

  g_return_val_if_fail (WSP_IS_BALLOT_RUN (self), FALSE);

  if (wsp_changes_contains (changes, "ballot", wsp_record_get_id (self->ballot)))
    {
      g_autoptr (WspRecord) stored = wsp_store_get (self->store, wsp_record_get_id (self->ballot), NULL);

      if (stored == NULL
          || g_strcmp0 (wsp_record_get_revision (stored), wsp_record_get_revision (self->ballot)) != 0)
        return TRUE;
    }
  ids = wsp_changes_get_ids (changes, "vote", &n_ids);
  for (guint i = 0; i < n_ids; i++)
    {
      g_autoptr (WspRecord) vote = NULL;

      if (g_hash_table_contains (self->known_votes, ids[i]))
        continue;
      if (++looked_at > MAX_VOTES_LOOKED_AT)
        return TRUE;
      vote = wsp_store_get (self->store, ids[i], NULL);
      if (vote != NULL && g_strcmp0 (wsp_record_get_string (vote, "ballot_id"), wsp_record_get_id (self->ballot)) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Records, in a roll-call, the vote of the member at @position: @choice,
 * or @recused. The next member without a vote becomes the current one. */
gboolean
wsp_ballot_run_cast (WspBallotRun   *self,
                     guint           position,
                     WspVoteChoice   choice,
                     gboolean        recused,
                     GError        **error)
{
  WspBallotVoter *voter;
  Entry entry = { 0 };

  g_return_val_if_fail (WSP_IS_BALLOT_RUN (self), FALSE);
  g_return_val_if_fail (position < self->voters->len, FALSE);
  g_return_val_if_fail (recused || choice != WSP_VOTE_NONE, FALSE);

  if (!check_open (self, error))
    return FALSE;
  if (wsp_ballot_run_get_mode (self) != WSP_BALLOT_ROLL_CALL)
    {
      g_set_error_literal (error, WSP_BALLOT_ERROR, WSP_BALLOT_ERROR_WRONG_MODE,
                           _("Only a roll-call vote records each member’s vote; enter the totals instead."));
      return FALSE;
    }
  voter = g_ptr_array_index (self->voters, position);
  if (!wsp_ballot_voter_may_vote (voter))
    {
      g_set_error (error, WSP_BALLOT_ERROR, WSP_BALLOT_ERROR_WRONG_MODE,
                   _("%s is recused from this item and does not vote."), wsp_ballot_voter_get_name (voter));
      return FALSE;
    }
  if (!opened_now (self, error))
    return FALSE;
  entry.position = position;
  entry.before = wsp_ballot_voter_get_vote (voter) != NULL ? g_object_ref (wsp_ballot_voter_get_vote (voter)) : NULL;
  if (!write_vote (self, voter, choice, recused, FALSE, error))
    {
      g_clear_object (&entry.before);
      return FALSE;
    }
  g_array_append_val (self->undo, entry);
  find_current (self, position + 1);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

/* Takes back the last vote recorded here: the member gets back what they
 * had before it (nothing, or an earlier vote), by a new vote record, and
 * becomes the current one. */
gboolean
wsp_ballot_run_undo (WspBallotRun  *self,
                     GError       **error)
{
  Entry *last;
  WspBallotVoter *voter;
  gboolean ok;

  g_return_val_if_fail (WSP_IS_BALLOT_RUN (self), FALSE);
  if (!check_open (self, error))
    return FALSE;
  if (self->undo->len == 0)
    {
      g_set_error_literal (error, WSP_BALLOT_ERROR, WSP_BALLOT_ERROR_NOTHING_TO_UNDO,
                           _("There is no vote to take back."));
      return FALSE;
    }
  last = &g_array_index (self->undo, Entry, self->undo->len - 1);
  voter = g_ptr_array_index (self->voters, last->position);
  if (last->before == NULL || wsp_record_get_bool (last->before, "withdrawn"))
    ok = write_vote (self, voter, WSP_VOTE_NONE, FALSE, TRUE, error);
  else
    ok = write_vote (self, voter,
                     wsp_choice_value (wsp_vote_choice_choices, wsp_record_get_string (last->before, "choice"),
                                       WSP_VOTE_NONE),
                     wsp_record_get_bool (last->before, "recused"), FALSE, error);
  if (!ok)
    return FALSE;
  self->current = last->position;
  if (wsp_ballot_voter_has_voted (voter))
    find_current (self, last->position);
  g_array_set_size (self->undo, self->undo->len - 1);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

/* Records the totals of an open or secret ballot (@invalid: invalid
 * cards, secret ballots only). More cards than members entitled to vote
 * are refused. */
gboolean
wsp_ballot_run_set_totals (WspBallotRun  *self,
                           guint          yes,
                           guint          no,
                           guint          abstain,
                           guint          invalid,
                           GError       **error)
{
  g_autoptr (WspRecord) ballot = NULL;
  WspBallotCount count;
  WspBallotMode mode;
  guint64 cards;

  g_return_val_if_fail (WSP_IS_BALLOT_RUN (self), FALSE);
  if (!check_open (self, error))
    return FALSE;
  mode = wsp_ballot_run_get_mode (self);
  if (mode == WSP_BALLOT_ROLL_CALL)
    {
      g_set_error_literal (error, WSP_BALLOT_ERROR, WSP_BALLOT_ERROR_WRONG_MODE,
                           _("A roll-call vote is counted from each member’s vote, not from totals."));
      return FALSE;
    }
  if (mode != WSP_BALLOT_SECRET)
    invalid = 0;
  wsp_ballot_run_get_count (self, &count);
  cards = (guint64) yes + no + abstain + invalid;
  if (cards > count.entitled)
    {
      g_autofree char *votes = g_strdup_printf (ngettext ("%u vote", "%u votes", (gulong) cards),
                                                (guint) MIN (cards, G_MAXUINT));

      g_set_error (error, WSP_BALLOT_ERROR, WSP_BALLOT_ERROR_TOO_MANY_CARDS,
                   /* Translators: %1$s is "12 votes"; %2$u members may vote */
                   ngettext (
                                "%1$s is more than the %2$u member entitled to vote: count again.",
                                "%1$s is more than the %2$u members entitled to vote: count again.",
                                count.entitled),
                   votes, count.entitled);
      return FALSE;
    }
  if (!opened_now (self, error))
    return FALSE;
  ballot = copy_ballot (self);
  wsp_record_set_int (ballot, "secret_for", yes);
  wsp_record_set_int (ballot, "secret_against", no);
  wsp_record_set_int (ballot, "secret_abstain", abstain);
  wsp_record_set_int (ballot, "secret_invalid", invalid);
  return save_ballot (self, ballot, error);
}

/* Records the chair's casting vote (for or against) of a tied ballot. */
gboolean
wsp_ballot_run_set_casting_vote (WspBallotRun  *self,
                                 WspVoteChoice  choice,
                                 GError       **error)
{
  g_autoptr (WspRecord) ballot = NULL;

  g_return_val_if_fail (WSP_IS_BALLOT_RUN (self), FALSE);
  g_return_val_if_fail (choice == WSP_VOTE_FOR || choice == WSP_VOTE_AGAINST || choice == WSP_VOTE_NONE, FALSE);
  if (!check_open (self, error))
    return FALSE;
  ballot = copy_ballot (self);
  wsp_record_set_string (ballot, "casting_vote",
                         choice == WSP_VOTE_NONE ? NULL : wsp_choice_name (wsp_vote_choice_choices, choice));
  return save_ballot (self, ballot, error);
}

/* The numbers given to resolutions of @body_id so far. */
static GPtrArray *
resolution_numbers (WspStore    *store,
                    const char  *body_id,
                    GError     **error)
{
  g_autoptr (GPtrArray) ballots = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) opinions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) numbers = g_ptr_array_new_with_free_func (g_free);

  if (!wsp_store_query (store, WSP_TYPE_BALLOT, "body_id", body_id, ballots, error)
      || !wsp_store_query (store, WSP_TYPE_OPINION, "body_id", body_id, opinions, error))
    return NULL;
  for (guint i = 0; i < ballots->len; i++)
    if (wsp_record_get_string (g_ptr_array_index (ballots, i), "resolution_number") != NULL)
      g_ptr_array_add (numbers, g_strdup (wsp_record_get_string (g_ptr_array_index (ballots, i), "resolution_number")));
  for (guint i = 0; i < opinions->len; i++)
    if (wsp_record_get_string (g_ptr_array_index (opinions, i), "number") != NULL)
      g_ptr_array_add (numbers, g_strdup (wsp_record_get_string (g_ptr_array_index (opinions, i), "number")));
  g_ptr_array_add (numbers, NULL);
  return g_steal_pointer (&numbers);
}

/* Closes the ballot at @now: fixes its counts, its verdict and the
 * sentence of the minutes, and the resolution number when it passed.
 * Refused while a tie waits for the chair's casting vote. */
gboolean
wsp_ballot_run_close (WspBallotRun  *self,
                      GDateTime     *now,
                      GError       **error)
{
  g_autoptr (WspRecord) ballot = NULL;
  g_autofree char *closed_at = NULL;
  g_autofree char *result = NULL;
  WspBallotCount count;
  WspVerdict verdict;

  g_return_val_if_fail (WSP_IS_BALLOT_RUN (self), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);
  if (!check_open (self, error))
    return FALSE;
  if (wsp_ballot_run_needs_casting_vote (self) && !wsp_ballot_run_is_circulation (self))
    {
      g_set_error_literal (error, WSP_BALLOT_ERROR, WSP_BALLOT_ERROR_CASTING_VOTE_NEEDED,
                           _("The votes are tied: record the chair’s casting vote before closing."));
      return FALSE;
    }
  if (!opened_now (self, error))
    return FALSE;
  wsp_ballot_run_get_count (self, &count);
  verdict = wsp_verdict (&self->rules, wsp_ballot_run_get_majority (self), &count.tally);
  result = wsp_ballot_result_text (verdict, count.tally.yes, count.tally.no, count.tally.abstain, count.invalid,
                                   wsp_ballot_run_get_mode (self) == WSP_BALLOT_SECRET);
  closed_at = wsp_meetings_format_time (now);

  ballot = copy_ballot (self);
  wsp_record_set_int (ballot, "secret_for", count.tally.yes);
  wsp_record_set_int (ballot, "secret_against", count.tally.no);
  wsp_record_set_int (ballot, "secret_abstain", count.tally.abstain);
  wsp_record_set_int (ballot, "secret_invalid", count.invalid);
  wsp_record_set_int (ballot, "tally_members", count.tally.members);
  wsp_record_set_int (ballot, "tally_present", count.tally.present);
  wsp_record_set_int (ballot, "tally_recused", count.tally.recused);
  wsp_record_set_string (ballot, "verdict", wsp_choice_name (wsp_verdict_choices, verdict));
  wsp_record_set_string (ballot, "result", result);
  wsp_record_set_string (ballot, "closed_at", closed_at);
  /* A correction that passes keeps the number of the ballot it corrects. */
  if (wsp_verdict_is_passed (verdict) && wsp_record_get_string (ballot, "resolution_number") == NULL
      && wsp_record_get_string (ballot, "corrects") != NULL)
    {
      g_autoptr (WspRecord) corrected = wsp_store_get (self->store, wsp_record_get_string (ballot, "corrects"), NULL);

      if (corrected != NULL && wsp_record_get_string (corrected, "resolution_number") != NULL)
        wsp_record_set_string (ballot, "resolution_number", wsp_record_get_string (corrected, "resolution_number"));
    }
  if (wsp_verdict_is_passed (verdict) && wsp_record_get_string (ballot, "resolution_number") == NULL)
    {
      g_autoptr (GPtrArray) numbers = resolution_numbers (self->store, wsp_record_get_string (ballot, "body_id"), error);
      int year = g_date_time_get_year (now);
      g_autofree char *number = NULL;

      if (numbers == NULL)
        return FALSE;
      number = wsp_resolution_number (wsp_resolution_next_sequence ((const char * const *) numbers->pdata, year), year);
      wsp_record_set_string (ballot, "resolution_number", number);
    }
  g_array_set_size (self->undo, 0);
  return save_ballot (self, ballot, error);
}

/* "9 votes for, 2 votes against, 1 abstention" (and, for a secret ballot
 * with any, the invalid cards). */
char *
wsp_ballot_counts_text (guint    yes,
                        guint    no,
                        guint    abstain,
                        guint    invalid,
                        gboolean secret)
{
  g_autofree char *y = g_strdup_printf (ngettext ("%u vote for", "%u votes for", yes), yes);
  g_autofree char *n = g_strdup_printf (ngettext ("%u vote against", "%u votes against", no), no);
  g_autofree char *a = g_strdup_printf (ngettext ("%u abstention", "%u abstentions", abstain),
                                        abstain);

  if (secret && invalid > 0)
    {
      g_autofree char *i = g_strdup_printf (ngettext ("%u invalid card", "%u invalid cards",
                                                         invalid),
                                            invalid);

      /* Translators: the counts of a vote: for, against, abstentions, invalid cards */
      return g_strdup_printf (_("%1$s, %2$s, %3$s, %4$s"), y, n, a, i);
    }
  /* Translators: the counts of a vote: for, against, abstentions */
  return g_strdup_printf (_("%1$s, %2$s, %3$s"), y, n, a);
}

/* The sentence of the minutes that says what a ballot decided, with its
 * counts: "The resolution was adopted: 9 votes for, 2 votes against, 1
 * abstention." */
char *
wsp_ballot_result_text (WspVerdict verdict,
                        guint      yes,
                        guint      no,
                        guint      abstain,
                        guint      invalid,
                        gboolean   secret)
{
  g_autofree char *counts = wsp_ballot_counts_text (yes, no, abstain, invalid, secret);

  switch (verdict)
    {
    case WSP_VERDICT_PASSED:
      /* Translators: the result of a vote in the minutes; %s the counts */
      return g_strdup_printf (_("The resolution was adopted: %s."), counts);
    case WSP_VERDICT_PASSED_BY_CASTING_VOTE:
      /* Translators: the result of a vote in the minutes; %s the counts */
      return g_strdup_printf (_("The resolution was adopted by the chair’s casting vote: %s."), counts);
    case WSP_VERDICT_REJECTED_BY_CASTING_VOTE:
      /* Translators: the result of a vote in the minutes; %s the counts */
      return g_strdup_printf (_("The resolution was not adopted, by the chair’s casting vote: %s."), counts);
    case WSP_VERDICT_TIE_FAILS:
      /* Translators: the result of a vote in the minutes; %s the counts */
      return g_strdup_printf (_("The resolution was not adopted, the votes being tied: %s."), counts);
    case WSP_VERDICT_NO_QUORUM:
      /* Translators: the result of a vote in the minutes; %s the counts */
      return g_strdup_printf (_("There was no quorum, so nothing was decided: %s."), counts);
    case WSP_VERDICT_REJECTED:
    default:
      /* Translators: the result of a vote in the minutes; %s the counts */
      return g_strdup_printf (_("The resolution was not adopted: %s."), counts);
    }
}
