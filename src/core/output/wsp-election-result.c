/* wsp-election-result.c — the result of an election of delegates (wynik wyborów)
 *
 * What was elected, where and how, the voters entitled and the cards
 * counted; the candidates ranked by their votes with the elected and a
 * tie for the last seat marked; the sentence the minutes use; the run-off
 * it led to, or the election a run-off decided; places for the counting
 * committee to sign.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "domain/wsp-elections.h"
#include "output/wsp-builder-util.h"
#include "output/wsp-builders.h"
#include "records/wsp-records-votes.h"

static const char *
standing_label (WspStanding standing)
{
  switch (standing)
    {
    case WSP_STANDING_ELECTED:
      /* Translators: in the table of an election's result */
      return C_ ("candidate", "elected");
    case WSP_STANDING_TIED:
      return C_ ("candidate", "tied for the last seat: run-off");
    case WSP_STANDING_NOT_ELECTED:
    default:
      return C_ ("candidate", "not elected");
    }
}

/**
 * wsp_build_election_result:
 * @store: the store
 * @election_id: an election whose cards are counted
 * @options: (nullable): settings
 * @error: where to say why there is no document
 *
 * Returns: (transfer full): the result of the election, or %NULL with
 *   @error (%WSP_OUTPUT_ERROR_NOT_APPLICABLE before the count)
 */
WspDocument *
wsp_build_election_result (WspStore              *store,
                           const char            *election_id,
                           const WspBuildOptions *options,
                           GError               **error)
{
  g_autoptr (WspRecord) election = NULL;
  g_autoptr (WspRecord) body = NULL;
  g_autoptr (WspRecord) item = NULL;
  g_autoptr (WspRecord) meeting = NULL;
  g_autoptr (WspRecord) decided = NULL;
  g_autoptr (WspDocument) doc = NULL;
  g_autoptr (GPtrArray) ranking = NULL;
  g_autoptr (GDateTime) opened = NULL;
  g_autofree char *city = NULL;
  g_autofree char *day = NULL;
  g_autofree char *number = NULL;
  g_autofree char *seats = NULL;
  g_autofree char *entitled = NULL;
  g_autofree char *cards = NULL;
  g_autofree char *result = NULL;
  g_autofree char *runoff_id = NULL;
  WspElectionOutcome outcome;
  WspTable *table;
  guint valid, invalid;

  election = wsp_builder_get (store, election_id, "election", _("Election result"), error);
  if (election == NULL)
    return NULL;
  if (!wsp_elections_is_counted (election))
    {
      g_set_error_literal (error, WSP_OUTPUT_ERROR, WSP_OUTPUT_ERROR_NOT_APPLICABLE,
                           _("The cards of this election are not counted yet, so there is no result to write."));
      return NULL;
    }
  body = wsp_builder_get_optional (store, wsp_record_get_string (election, "body_id"));
  if (body == NULL)
    {
      g_set_error_literal (error, WSP_OUTPUT_ERROR, WSP_OUTPUT_ERROR_MISSING,
                           _("The election has no body, so its result cannot be written."));
      return NULL;
    }
  item = wsp_builder_get_optional (store, wsp_record_get_string (election, "agenda_item_id"));
  if (item != NULL)
    meeting = wsp_builder_get_optional (store, wsp_record_get_string (item, "meeting_id"));
  opened = wsp_builder_time (election, "opened_at");
  if (opened == NULL && meeting != NULL)
    opened = wsp_builder_time (meeting, "starts_at");

  city = wsp_builder_city (options, body);
  day = opened != NULL ? wsp_builder_date (opened) : wsp_builder_issue_date (options);
  number = meeting != NULL ? wsp_builder_meeting_of (meeting, body) : NULL;

  doc = wsp_document_new ();
  wsp_document_set_title_block (doc, wsp_record_get_string (body, "name"), city, _("Election result"), number, day,
                                NULL);
  wsp_document_add_labelled (doc, _("Election:"), wsp_record_get_string (election, "title"));
  decided = wsp_builder_get_optional (store, wsp_record_get_string (election, "runoff_of"));
  if (decided != NULL)
    /* Translators: a run-off election: the election whose tie it decides */
    wsp_document_add_labelled (doc, _("Run-off of:"), wsp_record_get_string (decided, "title"));
  wsp_document_add_labelled (doc, _("Kind of vote:"),
                             wsp_elections_get_mode (election) == WSP_BALLOT_OPEN ? C_ ("election", "open vote")
                                                                                  : C_ ("election", "secret vote"));
  seats = g_strdup_printf ("%u", wsp_elections_get_seats (election));
  wsp_document_add_labelled (doc, _("Seats:"), seats);
  if (wsp_record_get_string (election, "closed_at") != NULL)
    {
      entitled = g_strdup_printf ("%" G_GINT64_FORMAT, wsp_record_get_int (election, "tally_entitled"));
      wsp_document_add_labelled (doc, _("Entitled to vote:"), entitled);
    }
  valid = (guint) CLAMP (wsp_record_get_int (election, "valid_cards"), 0, G_MAXUINT);
  invalid = (guint) CLAMP (wsp_record_get_int (election, "invalid_cards"), 0, G_MAXUINT);
  /* Translators: the cards of an election: valid, invalid, all */
  cards = g_strdup_printf (_("%1$u valid, %2$u invalid, %3$u in all"), valid, invalid, valid + invalid);
  wsp_document_add_labelled (doc, _("Cards:"), cards);

  table = wsp_document_add_table (doc, 4, (const double[]){ 0.08, 0.52, 0.12, 0.28 },
                                  (const char *[]){ C_ ("column", "No."), _("Candidate"), C_ ("column", "Votes"),
                                                    _("Result") });
  wsp_table_set_align (table, 0, WSP_ALIGN_END);
  wsp_table_set_align (table, 2, WSP_ALIGN_END);
  ranking = wsp_elections_dup_ranking (election, &outcome);
  for (guint i = 0; i < ranking->len; i++)
    {
      WspElectionCandidate *candidate = g_ptr_array_index (ranking, i);
      g_autofree char *n = g_strdup_printf ("%u.", i + 1);
      g_autofree char *votes = g_strdup_printf ("%u", candidate->votes);

      wsp_table_add_row (table, (const char *[]){ n, candidate->name, votes, standing_label (candidate->standing) });
    }

  wsp_document_add_heading (doc, 2, _("Result"));
  result = wsp_record_get_string (election, "closed_at") != NULL && wsp_record_get_string (election, "result") != NULL
             ? g_strdup (wsp_record_get_string (election, "result"))
             : wsp_elections_result_text (election);
  wsp_document_add_paragraph (doc, WSP_PARAGRAPH_BODY, result);
  runoff_id = wsp_elections_find_runoff (store, election_id);
  if (runoff_id != NULL)
    {
      g_autoptr (WspRecord) runoff = wsp_builder_get_optional (store, runoff_id);

      if (runoff != NULL && wsp_elections_is_counted (runoff))
        {
          g_autofree char *runoff_result = wsp_record_get_string (runoff, "result") != NULL
                                             ? g_strdup (wsp_record_get_string (runoff, "result"))
                                             : wsp_elections_result_text (runoff);

          /* Translators: the result of the run-off, under an election's result */
          wsp_document_add_labelled (doc, _("Run-off:"), runoff_result);
        }
    }
  if (wsp_record_get_string (election, "closed_at") == NULL)
    wsp_document_add_paragraph (doc, WSP_PARAGRAPH_NOTE,
                                _("The election is not closed yet: this result can still change."));

  wsp_document_add_signatures (doc,
                               (const char *[]){ /* Translators: under a signature line (Polish:
                                                  * Przewodniczący komisji skrutacyjnej) */
                                                 _("Chair of the counting committee"),
                                                 _("Member of the counting committee"),
                                                 _("Member of the counting committee"), NULL },
                               (const char *[]){ "", "", "", NULL });
  return g_steal_pointer (&doc);
}
