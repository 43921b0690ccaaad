/* wsp-vote-list.c — the named vote list of a ballot (imienny wykaz głosowania)
 *
 * Each member of the body on the day of the vote, with how they voted, or
 * that they were recused, absent or did not vote; the totals, the quorum
 * and the outcome by the body's rules (wsp_verdict()). Votes are
 * append-only: a vote that another one corrects is left out and the
 * correction counts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "domain/wsp-ballot-run.h"
#include "output/wsp-builder-util.h"
#include "output/wsp-builders.h"
#include "records/wsp-records-meetings.h"
#include "records/wsp-entities.h"
#include "records/wsp-records-votes.h"

static const char *
mode_label (WspRecord *ballot)
{
  const char *mode = wsp_record_get_string (ballot, "mode");

  if (wsp_record_get_bool (ballot, "by_circulation"))
    return _("by circulation, with names recorded");
  if (g_strcmp0 (mode, "roll_call") == 0)
    return _("roll-call vote");
  return _("open vote, with names recorded");
}

/**
 * wsp_build_vote_list:
 * @store: the store
 * @ballot_id: a ballot that was not secret
 * @options: (nullable): settings
 * @error: where to say why there is no document
 *
 * Returns: (transfer full): the named vote list, or %NULL with @error
 *   (%WSP_OUTPUT_ERROR_NOT_APPLICABLE for a secret ballot)
 */
WspDocument *
wsp_build_vote_list (WspStore              *store,
                     const char            *ballot_id,
                     const WspBuildOptions *options,
                     GError               **error)
{
  g_autoptr (WspRecord) ballot = NULL;
  g_autoptr (WspRecord) body = NULL;
  g_autoptr (WspRecord) item = NULL;
  g_autoptr (WspRecord) meeting = NULL;
  g_autoptr (WspDocument) doc = NULL;
  g_autoptr (GPtrArray) members = NULL;
  g_autoptr (GPtrArray) votes = NULL;
  g_autoptr (GPtrArray) attendance = NULL;
  g_autoptr (GHashTable) by_seat = NULL;
  g_autoptr (GHashTable) present_seats = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) excused_seats = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) listed = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GDateTime) opened = NULL;
  g_autofree char *date = NULL;
  g_autofree char *city = NULL;
  g_autofree char *day = NULL;
  g_autofree char *number = NULL;
  g_autofree char *when = NULL;
  g_autofree char *chair_name = NULL;
  g_autoptr (GPtrArray) totals = g_ptr_array_new_with_free_func (g_free);
  WspTally tally = { 0 };
  WspBodyRules rules;
  WspMajority majority;
  WspVerdict verdict;
  WspMemberEntry *chair;
  WspTable *table;
  gboolean circulation;
  guint row_number = 0, not_voted = 0;

  ballot = wsp_builder_get (store, ballot_id, "ballot", _("Named vote list"), error);
  if (ballot == NULL)
    return NULL;
  if (g_strcmp0 (wsp_record_get_string (ballot, "mode"), "secret") == 0)
    {
      g_set_error_literal (error, WSP_OUTPUT_ERROR, WSP_OUTPUT_ERROR_NOT_APPLICABLE,
                           _("This was a secret vote: only its totals are recorded, so there is "
                             "no named vote list."));
      return NULL;
    }
  body = wsp_builder_get_optional (store, wsp_record_get_string (ballot, "body_id"));
  opened = wsp_builder_time (ballot, "opened_at");
  if (body == NULL || opened == NULL)
    {
      g_set_error_literal (error, WSP_OUTPUT_ERROR, WSP_OUTPUT_ERROR_MISSING,
                           _("The vote has no body or no opening time, so its members cannot be "
                             "listed."));
      return NULL;
    }
  circulation = wsp_record_get_bool (ballot, "by_circulation");
  item = wsp_builder_get_optional (store, wsp_record_get_string (ballot, "agenda_item_id"));
  if (item != NULL)
    meeting = wsp_builder_get_optional (store, wsp_record_get_string (item, "meeting_id"));

  date = g_strndup (wsp_record_get_string (ballot, "opened_at"), 10);
  members = wsp_builder_members_on (store, body, date, error);
  if (members == NULL)
    return NULL;
  votes = wsp_builder_query (store, WSP_TYPE_VOTE, "ballot_id", ballot_id, error);
  if (votes == NULL)
    return NULL;
  by_seat = wsp_ballot_effective_votes (votes);
  if (meeting != NULL)
    {
      attendance = wsp_builder_query (store, wsp_entities_lookup ("attendance"), "meeting_id",
                                      wsp_record_get_id (meeting), error);
      if (attendance == NULL)
        return NULL;
      for (guint i = 0; i < attendance->len; i++)
        {
          WspRecord *row = g_ptr_array_index (attendance, i);

          if (g_strcmp0 (wsp_record_get_string (row, "status"), "present") == 0)
            g_hash_table_add (present_seats, (gpointer) wsp_record_get_string (row, "seat_id"));
          else if (g_strcmp0 (wsp_record_get_string (row, "status"), "excused") == 0)
            g_hash_table_add (excused_seats, (gpointer) wsp_record_get_string (row, "seat_id"));
        }
    }

  city = wsp_builder_city (options, body);
  day = wsp_builder_date (opened);
  if (meeting != NULL)
    number = wsp_builder_meeting_of (meeting, body);
  else
    /* Translators: under "Named vote list" for a vote held between meetings */
    number = g_strdup_printf (_("of the vote by circulation opened on %s"), day);

  doc = wsp_document_new ();
  wsp_document_set_title_block (doc, wsp_record_get_string (body, "name"), city,
                                _("Named vote list"), number, day, NULL);
  wsp_document_add_labelled (doc, _("Question:"), wsp_record_get_string (ballot, "question"));
  {
    g_autofree char *clock = wsp_builder_clock (opened);
    g_autoptr (GDateTime) deadline = wsp_builder_time (ballot, "deadline");

    if (circulation && deadline != NULL)
      {
        g_autofree char *until = wsp_builder_date (deadline);

        /* Translators: when a vote by circulation ran: from a date to a date */
        when = g_strdup_printf (_("from %1$s to %2$s"), day, until);
      }
    else
      {
        /* Translators: when a vote was taken: the date, at the time */
        when = g_strdup_printf (_("%1$s at %2$s"), day, clock);
      }
  }
  wsp_document_add_labelled (doc, _("Voted:"), when);
  wsp_document_add_labelled (doc, _("Kind of vote:"), mode_label (ballot));
  wsp_membership_body_rules (body, &rules);
  majority = wsp_choice_value (wsp_majority_choices, wsp_record_get_string (ballot, "majority"), rules.majority);
  wsp_document_add_labelled (doc, _("Required majority:"), wsp_builder_majority_label (majority));

  table = wsp_document_add_table (doc, 6, (const double[]){ 0.07, 0.33, 0.08, 0.1, 0.16, 0.26 },
                                  (const char *[]){ C_ ("column", "No."),
                                                    wsp_builder_is_council (body)
                                                      ? _("Member")
                                                      : _("Member organisation"),
                                                    C_ ("vote", "For"), C_ ("vote", "Against"),
                                                    C_ ("vote", "Abstained"), _("Remarks") });
  wsp_table_set_align (table, 0, WSP_ALIGN_END);
  for (guint c = 2; c <= 4; c++)
    wsp_table_set_align (table, c, WSP_ALIGN_CENTER);

  tally.members = members->len;
  chair = wsp_builder_officer (members, "chair");
  for (guint i = 0; i < members->len; i++)
    {
      WspMemberEntry *entry = g_ptr_array_index (members, i);
      const char *seat_id = wsp_record_get_id (entry->seat);
      WspRecord *vote = g_hash_table_lookup (by_seat, seat_id);
      const char *choice = vote != NULL ? wsp_record_get_string (vote, "choice") : NULL;
      gboolean recused = vote != NULL && wsp_record_get_bool (vote, "recused");
      gboolean present = vote != NULL || circulation || meeting == NULL
                         || g_hash_table_contains (present_seats, seat_id);
      g_autofree char *n = g_strdup_printf ("%u.", ++row_number);
      g_autofree char *name = wsp_builder_member_name (entry);
      const char *remark = "";

      g_hash_table_add (listed, (gpointer) seat_id);
      if (recused)
        {
          /* Translators: a member who did not vote on the item because of a conflict of interest */
          remark = _("recused");
          tally.recused++;
        }
      else if (choice == NULL && !present && g_hash_table_contains (excused_seats, seat_id))
        /* Translators: in a vote list: absent from the meeting with an excuse */
        remark = _("absent, excused");
      else if (choice == NULL && !present)
        remark = _("absent");
      else if (choice == NULL)
        {
          remark = _("did not vote");
          not_voted++;
        }
      if (present && !(circulation && vote == NULL))
        tally.present++;
      if (g_strcmp0 (choice, "for") == 0)
        tally.yes++;
      else if (g_strcmp0 (choice, "against") == 0)
        tally.no++;
      else if (g_strcmp0 (choice, "abstain") == 0)
        tally.abstain++;
      if (entry == chair)
        tally.chair_vote = wsp_choice_value (wsp_vote_choice_choices, choice, WSP_VOTE_NONE);
      wsp_table_add_row (table, (const char *[]){ n, name,
                                                  g_strcmp0 (choice, "for") == 0 ? "X" : "",
                                                  g_strcmp0 (choice, "against") == 0 ? "X" : "",
                                                  g_strcmp0 (choice, "abstain") == 0 ? "X" : "",
                                                  remark });
    }

  /* Votes of seats that were no longer members on the day: listed, not counted. */
  for (guint i = 0; i < votes->len; i++)
    {
      WspRecord *vote = g_ptr_array_index (votes, i);
      const char *seat_id = wsp_record_get_string (vote, "seat_id");
      g_autoptr (WspMemberEntry) entry = NULL;
      g_autofree char *n = NULL;
      g_autofree char *name = NULL;

      if (seat_id == NULL || g_hash_table_contains (listed, seat_id)
          || g_hash_table_lookup (by_seat, seat_id) != vote)
        continue;
      g_hash_table_add (listed, (gpointer) seat_id);
      entry = g_new0 (WspMemberEntry, 1);
      entry->seat = wsp_builder_get_optional (store, seat_id);
      if (entry->seat != NULL)
        {
          entry->person = wsp_builder_get_optional (store,
                                                    wsp_record_get_string (entry->seat, "person_id"));
          entry->organisation = wsp_builder_get_optional (
            store, wsp_record_get_string (entry->seat, "organisation_id"));
        }
      n = g_strdup_printf ("%u.", ++row_number);
      name = entry->seat != NULL ? wsp_builder_member_name (entry) : g_strdup (seat_id);
      wsp_table_add_row (table, (const char *[]){
                                  n, name, "", "", "",
                                  /* Translators: a vote recorded for someone who was not a member on that day */
                                  _("not a member on that day: not counted") });
    }

  /* The chair's casting vote of a tie, when the ballot recorded one. */
  if (wsp_record_get_string (ballot, "casting_vote") != NULL)
    tally.chair_vote = wsp_choice_value (wsp_vote_choice_choices, wsp_record_get_string (ballot, "casting_vote"),
                                         WSP_VOTE_NONE);
  verdict = wsp_verdict (&rules, majority, &tally);
  wsp_document_add_heading (doc, 2, _("Result"));
  g_ptr_array_add (totals, g_strdup_printf (_("For: %u"), tally.yes));
  g_ptr_array_add (totals, g_strdup_printf (_("Against: %u"), tally.no));
  g_ptr_array_add (totals, g_strdup_printf (_("Abstained: %u"), tally.abstain));
  g_ptr_array_add (totals, g_strdup_printf (_("Recused: %u"), tally.recused));
  /* Translators: members present at the vote out of all members, and the quorum */
  g_ptr_array_add (totals, g_strdup_printf (_("Present: %1$u of %2$u members (quorum: %3$u)"),
                                            tally.present, tally.members,
                                            wsp_quorum_required (&rules, tally.members,
                                                                 tally.recused)));
  g_ptr_array_add (totals, NULL);
  wsp_document_add_list (doc, FALSE, (const char * const *) totals->pdata);
  if (not_voted > 0)
    {
      g_autofree char *text = g_strdup_printf (_("Present but did not vote: %u"), not_voted);

      wsp_document_add_paragraph (doc, WSP_PARAGRAPH_NOTE, text);
    }
  /* A closed ballot says what it fixed when it closed. */
  if (wsp_record_get_string (ballot, "closed_at") != NULL && wsp_record_get_string (ballot, "verdict") != NULL)
    verdict = wsp_choice_value (wsp_verdict_choices, wsp_record_get_string (ballot, "verdict"), verdict);
  wsp_document_add_labelled (doc, _("Outcome:"), wsp_verdict_to_string (verdict));
  if (wsp_record_get_string (ballot, "closed_at") != NULL && wsp_record_get_string (ballot, "result") != NULL)
    wsp_document_add_paragraph (doc, WSP_PARAGRAPH_BODY, wsp_record_get_string (ballot, "result"));
  if (wsp_record_get_string (ballot, "resolution_number") != NULL)
    wsp_document_add_labelled (doc, _("Resolution number:"), wsp_record_get_string (ballot, "resolution_number"));

  chair_name = chair != NULL ? wsp_builder_member_name (chair) : NULL;
  wsp_document_add_signatures (doc,
                               (const char *[]){ wsp_builder_chair_title (body),
                                                 /* Translators: under a signature line: who took
                                                  * the minutes (Polish: Protokołował(a)) */
                                                 _("Minutes taken by"), NULL },
                               (const char *[]){ chair_name != NULL ? chair_name : "", "", NULL });
  return g_steal_pointer (&doc);
}

/* ---- every vote of a meeting --------------------------------------------- */

static const char *
vote_mark (WspRecord *vote)
{
  const char *choice;

  if (vote == NULL)
    return "";
  if (wsp_record_get_bool (vote, "recused"))
    /* Translators: a mark in the table of a meeting's votes: recused (Polish: wył.) */
    return C_ ("vote mark", "rec.");
  choice = wsp_record_get_string (vote, "choice");
  if (g_strcmp0 (choice, "for") == 0)
    /* Translators: a mark in the table of a meeting's votes: for (Polish: za) */
    return C_ ("vote mark", "for");
  if (g_strcmp0 (choice, "against") == 0)
    /* Translators: a mark in the table of a meeting's votes: against (Polish: przeciw) */
    return C_ ("vote mark", "agst.");
  if (g_strcmp0 (choice, "abstain") == 0)
    /* Translators: a mark in the table of a meeting's votes: abstained (Polish: wstrz.) */
    return C_ ("vote mark", "abst.");
  return "";
}

/* The ballots of @meeting that count, item by item in the agenda's order:
 * a corrected ballot gives way to its correction. */
static GPtrArray *
meeting_ballots (WspStore    *store,
                 WspRecord   *meeting,
                 GError     **error)
{
  g_autoptr (GPtrArray) items = wsp_builder_query (store, WSP_TYPE_AGENDA_ITEM, "meeting_id",
                                                   wsp_record_get_id (meeting), error);
  g_autoptr (GPtrArray) ballots = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GHashTable) corrected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (items == NULL)
    return NULL;
  for (guint i = 0; i < items->len; i++)
    {
      g_autoptr (GPtrArray) found = wsp_builder_query (store, WSP_TYPE_BALLOT, "agenda_item_id",
                                                       wsp_record_get_id (g_ptr_array_index (items, i)), error);

      if (found == NULL)
        return NULL;
      for (guint k = 0; k < found->len; k++)
        {
          WspRecord *ballot = g_ptr_array_index (found, k);

          if (wsp_record_get_string (ballot, "corrects") != NULL)
            g_hash_table_add (corrected, g_strdup (wsp_record_get_string (ballot, "corrects")));
          g_ptr_array_add (ballots, g_object_ref (ballot));
        }
    }
  for (guint i = ballots->len; i > 0; i--)
    if (g_hash_table_contains (corrected, wsp_record_get_id (g_ptr_array_index (ballots, i - 1))))
      g_ptr_array_remove_index (ballots, i - 1);
  return g_steal_pointer (&ballots);
}

/**
 * wsp_build_meeting_vote_list:
 * @store: the store
 * @meeting_id: a meeting with votes
 * @options: (nullable): settings
 * @error: where to say why there is no document
 *
 * Every vote of a meeting in one table: a row per member of the body on
 * the day, a column per vote taken with names (roll-call or open), how
 * each member voted; under it, each vote's question and result, secret
 * votes with their totals only.
 *
 * Returns: (transfer full): the named vote list of the meeting, or %NULL
 *   with @error (%WSP_OUTPUT_ERROR_NOT_APPLICABLE when no vote was taken)
 */
WspDocument *
wsp_build_meeting_vote_list (WspStore              *store,
                             const char            *meeting_id,
                             const WspBuildOptions *options,
                             GError               **error)
{
  g_autoptr (WspRecord) meeting = NULL;
  g_autoptr (WspRecord) body = NULL;
  g_autoptr (WspDocument) doc = NULL;
  g_autoptr (GPtrArray) ballots = NULL;
  g_autoptr (GPtrArray) named = g_ptr_array_new ();
  g_autoptr (GPtrArray) by_seats = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  g_autoptr (GPtrArray) vote_lists = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr (GPtrArray) members = NULL;
  g_autoptr (GPtrArray) attendance = NULL;
  g_autoptr (GHashTable) present_seats = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) legend = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GArray) widths = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GPtrArray) headers = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GDateTime) starts = NULL;
  g_autofree char *date = NULL;
  g_autofree char *city = NULL;
  g_autofree char *day = NULL;
  g_autofree char *number = NULL;
  WspTable *table;
  double column;

  meeting = wsp_builder_get (store, meeting_id, "meeting", _("Named list of the votes"), error);
  if (meeting == NULL)
    return NULL;
  body = wsp_builder_get_optional (store, wsp_record_get_string (meeting, "body_id"));
  starts = wsp_builder_time (meeting, "starts_at");
  if (body == NULL || starts == NULL)
    {
      g_set_error_literal (error, WSP_OUTPUT_ERROR, WSP_OUTPUT_ERROR_MISSING,
                           _("The meeting has no body or no date, so its members cannot be listed."));
      return NULL;
    }
  ballots = meeting_ballots (store, meeting, error);
  if (ballots == NULL)
    return NULL;
  if (ballots->len == 0)
    {
      g_set_error_literal (error, WSP_OUTPUT_ERROR, WSP_OUTPUT_ERROR_NOT_APPLICABLE,
                           _("No vote was taken at this meeting, so there is no vote list."));
      return NULL;
    }
  date = g_strndup (wsp_record_get_string (meeting, "starts_at"), 10);
  members = wsp_builder_members_on (store, body, date, error);
  if (members == NULL)
    return NULL;
  attendance = wsp_builder_query (store, wsp_entities_lookup ("attendance"), "meeting_id", meeting_id, error);
  if (attendance == NULL)
    return NULL;
  for (guint i = 0; i < attendance->len; i++)
    if (g_strcmp0 (wsp_record_get_string (g_ptr_array_index (attendance, i), "status"), "present") == 0)
      g_hash_table_add (present_seats, (gpointer) wsp_record_get_string (g_ptr_array_index (attendance, i), "seat_id"));

  /* The legend: every vote, numbered; those with names get a column. */
  for (guint i = 0; i < ballots->len; i++)
    {
      WspRecord *ballot = g_ptr_array_index (ballots, i);
      gboolean secret = g_strcmp0 (wsp_record_get_string (ballot, "mode"), "secret") == 0;
      const char *result = wsp_record_get_string (ballot, "result");
      const char *resolution = wsp_record_get_string (ballot, "resolution_number");
      GString *line = g_string_new (NULL);

      g_string_append (line, wsp_record_get_string (ballot, "question"));
      if (result != NULL)
        g_string_append_printf (line, " — %s", result);
      else if (wsp_record_get_string (ballot, "closed_at") == NULL)
        /* Translators: a vote of the meeting's list not closed */
        g_string_append_printf (line, " — %s", _("not closed"));
      else
        {
          /* Closed with no sentence kept: the counts as they stand. */
          guint yes = (guint) CLAMP (wsp_record_get_int (ballot, "secret_for"), 0, G_MAXUINT);
          guint no = (guint) CLAMP (wsp_record_get_int (ballot, "secret_against"), 0, G_MAXUINT);
          guint abstain = (guint) CLAMP (wsp_record_get_int (ballot, "secret_abstain"), 0, G_MAXUINT);
          g_autofree char *counts = NULL;

          if (!secret)
            {
              g_autoptr (GPtrArray) votes = wsp_builder_query (store, WSP_TYPE_VOTE, "ballot_id",
                                                               wsp_record_get_id (ballot), error);
              g_autoptr (GHashTable) by_seat = NULL;
              GHashTableIter iter;
              gpointer value;

              if (votes == NULL)
                {
                  g_string_free (line, TRUE);
                  return NULL;
                }
              by_seat = wsp_ballot_effective_votes (votes);
              yes = no = abstain = 0;
              g_hash_table_iter_init (&iter, by_seat);
              while (g_hash_table_iter_next (&iter, NULL, &value))
                {
                  const char *choice = wsp_record_get_string (value, "choice");

                  yes += g_strcmp0 (choice, "for") == 0;
                  no += g_strcmp0 (choice, "against") == 0;
                  abstain += g_strcmp0 (choice, "abstain") == 0;
                }
            }
          counts = wsp_ballot_counts_text (yes, no, abstain,
                                           (guint) CLAMP (wsp_record_get_int (ballot, "secret_invalid"), 0, G_MAXUINT),
                                           secret);
          g_string_append_printf (line, " — %s", counts);
        }
      if (resolution != NULL)
        /* Translators: after a vote's result: its resolution number */
        g_string_append_printf (line, _(" (resolution no. %s)"), resolution);
      if (secret)
        /* Translators: a secret vote in a meeting's vote list: no column of names */
        g_string_append_printf (line, " (%s)", _("secret vote: totals only"));
      g_ptr_array_add (legend, g_string_free (line, FALSE));
      if (!secret)
        {
          g_autoptr (GPtrArray) votes = wsp_builder_query (store, WSP_TYPE_VOTE, "ballot_id",
                                                           wsp_record_get_id (ballot), error);

          if (votes == NULL)
            return NULL;
          g_ptr_array_add (named, ballot);
          g_ptr_array_add (by_seats, wsp_ballot_effective_votes (votes));
          g_ptr_array_add (vote_lists, g_steal_pointer (&votes));
          g_ptr_array_add (headers, g_strdup_printf ("%u", i + 1));
        }
    }
  g_ptr_array_add (legend, NULL);

  city = wsp_builder_city (options, body);
  day = wsp_builder_date (starts);
  number = wsp_builder_meeting_of (meeting, body);
  doc = wsp_document_new ();
  wsp_document_set_landscape (doc, named->len > 6);
  /* Translators: the title of the named list of all the votes of a meeting
   * (Polish: Imienny wykaz głosowań) */
  wsp_document_set_title_block (doc, wsp_record_get_string (body, "name"), city, _("Named list of the votes"), number,
                                day, NULL);
  wsp_document_add_heading (doc, 2, _("Votes"));
  wsp_document_add_list (doc, TRUE, (const char * const *) legend->pdata);

  if (named->len > 0)
    {
      g_ptr_array_insert (headers, 0, g_strdup (wsp_builder_is_council (body) ? _("Member")
                                                                               : _("Member organisation")));
      g_ptr_array_insert (headers, 0, g_strdup (C_ ("column", "No.")));
      column = MIN (0.1, 0.6 / named->len);
      g_array_append_val (widths, (double){ 0.06 });
      {
        double name_width = 1.0 - 0.06 - column * named->len;

        g_array_append_val (widths, name_width);
      }
      for (guint i = 0; i < named->len; i++)
        g_array_append_val (widths, column);
      wsp_document_add_heading (doc, 2, _("How each member voted"));
      table = wsp_document_add_table (doc, headers->len, (const double *) widths->data,
                                      (const char **) headers->pdata);
      wsp_table_set_align (table, 0, WSP_ALIGN_END);
      for (guint c = 2; c < headers->len; c++)
        wsp_table_set_align (table, c, WSP_ALIGN_CENTER);
      for (guint i = 0; i < members->len; i++)
        {
          WspMemberEntry *entry = g_ptr_array_index (members, i);
          const char *seat_id = wsp_record_get_id (entry->seat);
          g_autoptr (GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
          gboolean present = g_hash_table_contains (present_seats, seat_id);

          g_ptr_array_add (cells, g_strdup_printf ("%u.", i + 1));
          g_ptr_array_add (cells, wsp_builder_member_name (entry));
          for (guint k = 0; k < named->len; k++)
            {
              WspRecord *vote = g_hash_table_lookup (g_ptr_array_index (by_seats, k), seat_id);

              if (vote == NULL && !present)
                /* Translators: a mark in the table of a meeting's votes: absent (Polish: nieob.) */
                g_ptr_array_add (cells, g_strdup (C_ ("vote mark", "abs.")));
              else
                g_ptr_array_add (cells, g_strdup (vote_mark (vote)));
            }
          wsp_table_add_row (table, (const char **) cells->pdata);
        }
      wsp_document_add_paragraph (doc, WSP_PARAGRAPH_NOTE,
                                  _("for: voted for; agst.: against; abst.: abstained; rec.: recused; abs.: absent "
                                    "from the meeting; empty: present, did not vote."));
    }

  wsp_document_add_signatures (doc,
                               (const char *[]){ wsp_builder_chair_title (body), _("Minutes taken by"), NULL },
                               (const char *[]){ "", "", NULL });
  return g_steal_pointer (&doc);
}
