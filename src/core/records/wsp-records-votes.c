/* wsp-records-votes.c — ballots, the votes cast in them, elections
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "records/wsp-records-votes.h"

/* A vote of a body on one question */

static const WspField ballot_fields[] = {
  { "agenda_item_id", WSP_FIELD_REF, 0, NULL, N_("Agenda item") },
  { "body_id", WSP_FIELD_REF, WSP_FIELD_REQUIRED, NULL, N_("Body") },
  { "by_circulation", WSP_FIELD_BOOL, 0, NULL, N_("By circulation") },
  { "question", WSP_FIELD_TEXT, WSP_FIELD_REQUIRED | WSP_FIELD_TITLE, NULL, N_("Question") },
  { "mode", WSP_FIELD_ENUM, WSP_FIELD_REQUIRED, wsp_ballot_mode_choices, N_("Kind of vote") },
  { "majority", WSP_FIELD_ENUM, 0, wsp_majority_choices, N_("Majority") },
  { "opened_at", WSP_FIELD_DATETIME, 0, NULL, N_("Opened") },
  { "closed_at", WSP_FIELD_DATETIME, 0, NULL, N_("Closed") },
  { "deadline", WSP_FIELD_DATETIME, 0, NULL, N_("Deadline") },
  { "secret_for", WSP_FIELD_INT, 0, NULL, N_("Votes for") },
  { "secret_against", WSP_FIELD_INT, 0, NULL, N_("Votes against") },
  { "secret_abstain", WSP_FIELD_INT, 0, NULL, N_("Abstentions") },
  { "secret_invalid", WSP_FIELD_INT, 0, NULL, N_("Invalid cards") },
  /* The counts fixed when the ballot closes (the totals above hold the
   * votes, for a roll-call too). */
  { "tally_members", WSP_FIELD_INT, 0, NULL, N_("Members of the body") },
  { "tally_present", WSP_FIELD_INT, 0, NULL, N_("Members present") },
  { "tally_recused", WSP_FIELD_INT, 0, NULL, N_("Members recused") },
  { "casting_vote", WSP_FIELD_ENUM, 0, wsp_vote_choice_choices, N_("Chair’s casting vote") },
  { "verdict", WSP_FIELD_ENUM, 0, wsp_verdict_choices, N_("Outcome") },
  { "result", WSP_FIELD_TEXT, WSP_FIELD_CONTENT, NULL, N_("Result for the minutes") },
  { "resolution_number", WSP_FIELD_TEXT, 0, NULL, N_("Resolution number") },
  { "corrects", WSP_FIELD_REF, 0, NULL, N_("Corrects") },
};

static gboolean
validate_ballot (WspRecord  *record,
                 GError    **error)
{
  static const char * const totals[] = { "secret_for", "secret_against", "secret_abstain", "secret_invalid" };

  for (guint i = 0; i < G_N_ELEMENTS (totals); i++)
    if (wsp_record_get_int (record, totals[i]) < 0)
      {
        g_set_error (error, WSP_RECORD_ERROR, WSP_RECORD_ERROR_INVALID,
                     _("A number of votes cannot be below zero."));
        return FALSE;
      }
  return TRUE;
}

static const WspEntity ballot_entity = {
  .name = "ballot",
  .label = N_("vote"),
  .fields = ballot_fields,
  .n_fields = G_N_ELEMENTS (ballot_fields),
  .order = { { "opened_at" } },
  .validate = validate_ballot,
};

WSP_DEFINE_RECORD (WspBallot, wsp_ballot, &ballot_entity)

/* One member's vote in a ballot */

static const WspField vote_fields[] = {
  { "ballot_id", WSP_FIELD_REF, WSP_FIELD_REQUIRED, NULL, N_("Vote") },
  { "seat_id", WSP_FIELD_REF, WSP_FIELD_REQUIRED, NULL, N_("Member") },
  { "choice", WSP_FIELD_ENUM, 0, wsp_vote_choice_choices, N_("Choice") },
  { "recused", WSP_FIELD_BOOL, 0, NULL, N_("Recused") },
  { "cast_at", WSP_FIELD_DATETIME, 0, NULL, N_("Cast") },
  { "corrects", WSP_FIELD_REF, 0, NULL, N_("Corrects") },
  /* A vote taken back (Undo in a roll-call): it corrects the vote it takes
   * back and has no choice of its own. */
  { "withdrawn", WSP_FIELD_BOOL, 0, NULL, N_("Taken back") },
  /* Votes by circulation: how the member's answer came. */
  { "channel", WSP_FIELD_ENUM, 0, wsp_answer_channel_choices, N_("How the answer came") },
};

static gboolean
validate_vote (WspRecord  *record,
               GError    **error)
{
  if (wsp_record_get_bool (record, "withdrawn"))
    {
      if (wsp_record_get_string (record, "corrects") == NULL)
        {
          g_set_error (error, WSP_RECORD_ERROR, WSP_RECORD_ERROR_REQUIRED,
                       _("A vote taken back must say which vote it takes back."));
          return FALSE;
        }
      return TRUE;
    }
  if (!wsp_record_get_bool (record, "recused") && wsp_record_get_string (record, "choice") == NULL)
    {
      g_set_error (error, WSP_RECORD_ERROR, WSP_RECORD_ERROR_REQUIRED,
                   _("A vote is for, against or an abstention, unless the member is recused."));
      return FALSE;
    }
  return TRUE;
}

static const WspEntity vote_entity = {
  .name = "vote",
  .label = N_("vote cast"),
  .fields = vote_fields,
  .n_fields = G_N_ELEMENTS (vote_fields),
  .append_only = TRUE,
  .order = { { "cast_at" } },
  .validate = validate_vote,
};

WSP_DEFINE_RECORD (WspVote, wsp_vote, &vote_entity)

/* An election of delegates */

static const WspField election_fields[] = {
  { "agenda_item_id", WSP_FIELD_REF, 0, NULL, N_("Agenda item") },
  { "body_id", WSP_FIELD_REF, WSP_FIELD_REQUIRED, NULL, N_("Body") },
  { "title", WSP_FIELD_TEXT, WSP_FIELD_REQUIRED | WSP_FIELD_TITLE, NULL, N_("Title") },
  { "seats", WSP_FIELD_INT, 0, NULL, N_("Seats") },
  /* An array of objects: "id", "name", "organisation_id" or "person_id"
   * when the candidate is in the register, and "votes" once counted. */
  { "candidates", WSP_FIELD_JSON, 0, NULL, N_("Candidates") },
  { "elected", WSP_FIELD_LIST, 0, NULL, N_("Elected") },
  { "mode", WSP_FIELD_ENUM, 0, wsp_ballot_mode_choices, N_("Kind of vote") },
  { "opened_at", WSP_FIELD_DATETIME, 0, NULL, N_("Opened") },
  { "closed_at", WSP_FIELD_DATETIME, 0, NULL, N_("Closed") },
  { "valid_cards", WSP_FIELD_INT, 0, NULL, N_("Valid cards") },
  { "invalid_cards", WSP_FIELD_INT, 0, NULL, N_("Invalid cards") },
  { "tally_entitled", WSP_FIELD_INT, 0, NULL, N_("Entitled to vote") },
  { "result", WSP_FIELD_TEXT, WSP_FIELD_CONTENT, NULL, N_("Result for the minutes") },
  /* A run-off among those tied for the last seats of another election. */
  { "runoff_of", WSP_FIELD_REF, 0, NULL, N_("Run-off of") },
};

static gboolean
validate_election (WspRecord  *record,
                   GError    **error)
{
  static const char * const counts[] = { "seats", "valid_cards", "invalid_cards", "tally_entitled" };

  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    if (wsp_record_get_int (record, counts[i]) < 0)
      {
        g_set_error (error, WSP_RECORD_ERROR, WSP_RECORD_ERROR_INVALID,
                     _("A number of seats or cards cannot be below zero."));
        return FALSE;
      }
  if (g_strcmp0 (wsp_record_get_string (record, "mode"), "roll_call") == 0)
    {
      g_set_error (error, WSP_RECORD_ERROR, WSP_RECORD_ERROR_INVALID,
                   _("An election is held by secret or open vote, not by roll-call."));
      return FALSE;
    }
  return TRUE;
}

static const WspEntity election_entity = {
  .name = "election",
  .label = N_("election"),
  .fields = election_fields,
  .n_fields = G_N_ELEMENTS (election_fields),
  .order = { { "title", WSP_SORT_LOCALIZED } },
  .validate = validate_election,
};

WSP_DEFINE_RECORD (WspElection, wsp_election, &election_entity)
