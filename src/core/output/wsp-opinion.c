/* wsp-opinion.c — the table of comments on a draft (zestawienie uwag) and the Council's opinion
 *
 * The table of comments lists every comment in the order of the draft's
 * text (WspDraftDetail numbers them so): its unit as the latest version
 * cites it, the current and the proposed wording, the justification, who
 * submitted it, and the Council's decision with its reason. A comment whose
 * unit the latest version changed, renumbered or dropped says so. It is
 * laid out across the page: seven columns of text.
 *
 * The opinion is the Council's resolution: its number and date, the legal
 * basis (art. 41i ust. 1 of the act on public benefit activity), the
 * verdict, for a split opinion each side's position, where it was adopted,
 * the justification, the signature, and the table of comments attached
 * (upright, as the resolution: five columns, the proposal and its
 * justification together, without the current wording, which is the
 * draft's own).
 * A waived opinion (art. 41i ust. 2) is a note that no opinion was given in
 * time, not a resolution.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "domain/wsp-draft-detail.h"
#include "domain/wsp-membership.h"
#include "output/wsp-builder-util.h"
#include "output/wsp-builders.h"
#include "records/wsp-records-drafts.h"
#include "records/wsp-records-votes.h"

static const double table_widths[] = { 0.04, 0.09, 0.19, 0.19, 0.17, 0.12, 0.20 };
/* Upright, attached to the opinion: the proposal and its justification in
 * one column, without the current wording (the draft's own). */
static const double compact_widths[] = { 0.06, 0.12, 0.42, 0.16, 0.24 };

static const char *
decision_text (WspCommentDecision decision)
{
  switch (decision)
    {
    case WSP_COMMENT_ACCEPTED:
      /* Translators: a decision in the table of comments (Polish: uwzględniona) */
      return C_ ("decision in a table", "Accepted");
    case WSP_COMMENT_PARTLY_ACCEPTED:
      return C_ ("decision in a table", "Partly accepted");
    case WSP_COMMENT_REJECTED:
      return C_ ("decision in a table", "Rejected");
    case WSP_COMMENT_WITHDRAWN:
      return C_ ("decision in a table", "Withdrawn by its author");
    case WSP_COMMENT_PENDING:
    default:
      return C_ ("decision in a table", "Not decided yet");
    }
}

static WspRecord *
council_of (WspStore  *store,
            WspRecord *opinion)
{
  WspRecord *body = opinion != NULL ? wsp_builder_get_optional (store, wsp_record_get_string (opinion, "body_id"))
                                    : NULL;

  if (body != NULL && WSP_IS_RECORD (body) && g_str_equal (wsp_record_get_entity (body)->name, "body"))
    return body;
  g_clear_object (&body);
  return wsp_membership_find_body (store, "council", NULL);
}

static WspDraftDetail *
load_detail (WspStore    *store,
             const char  *draft_id,
             const char  *document,
             GError     **error)
{
  g_autoptr (WspRecord) draft = wsp_builder_get (store, draft_id, "draft", document, error);

  if (draft == NULL)
    return NULL;
  return wsp_draft_detail_load (store, draft_id, NULL, error);
}

/* "§ 3 ust. 1", with where it was before, or that it is gone. */
static char *
unit_cell (const WspCommentInfo *info)
{
  g_autoptr (GString) cell = g_string_new (info->unit_name);

  if (info->removed_in > 0)
    /* Translators: in the table of comments, under a unit that a later version of the draft dropped */
    g_string_append_printf (cell, "\n%s", _("(no longer in the draft)"));
  else if (info->old_unit_name != NULL)
    /* Translators: in the table of comments, under a renumbered unit: what it was called when commented */
    g_string_append_printf (cell, "\n(%s)", info->old_unit_name);
  return g_string_free (g_steal_pointer (&cell), FALSE);
}

static void
add_comments_table (WspDocument    *doc,
                    WspDraftDetail *detail,
                    gboolean        compact)
{
  GPtrArray *comments = wsp_draft_detail_get_comments (detail);
  WspTable *table;
  gboolean removed_section = FALSE;

  if (compact)
    table = wsp_document_add_table (doc, G_N_ELEMENTS (compact_widths), compact_widths,
                                    (const char *[]){ C_ ("column", "No."), C_ ("column", "Unit of the draft"),
                                                      /* Translators: a column: what a comment proposes, and why */
                                                      C_ ("column", "Proposed wording and justification"),
                                                      C_ ("column", "Submitted by"),
                                                      C_ ("column", "Decision of the Council and its reason") });
  else
    table = wsp_document_add_table (doc, G_N_ELEMENTS (table_widths), table_widths,
                                  (const char *[]){ C_ ("column", "No."),
                                                    /* Translators: a column of the table of comments: the § or point commented */
                                                    C_ ("column", "Unit of the draft"),
                                                    C_ ("column", "Current wording"),
                                                    C_ ("column", "Proposed wording"),
                                                    C_ ("column", "Justification"),
                                                    C_ ("column", "Submitted by"),
                                                    C_ ("column", "Decision of the Council and its reason") });
  wsp_table_set_align (table, 0, WSP_ALIGN_END);
  for (guint i = 0; i < comments->len; i++)
    {
      WspCommentEntry *entry = g_ptr_array_index (comments, i);
      const WspCommentInfo *info = wsp_comment_entry_get_info (entry);
      const char *current = wsp_record_get_string (info->comment, "current_wording");
      const char *proposed = wsp_record_get_string (info->comment, "proposed_wording");
      const char *justification = wsp_record_get_string (info->comment, "justification");
      const char *submitted = wsp_record_get_string (info->comment, "submitted_on");
      g_autofree char *number = g_strdup_printf ("%u.", info->number);
      g_autofree char *unit = unit_cell (info);
      g_autofree char *day = submitted != NULL ? wsp_builder_date_ymd (submitted) : NULL;
      g_autoptr (GString) current_cell = g_string_new (current != NULL ? current : "");
      g_autoptr (GString) author = g_string_new (wsp_comment_entry_get_author (entry));
      g_autoptr (GString) decision = g_string_new (decision_text (info->decision));

      if (info->removed_in > 0 && !removed_section)
        {
          /* Translators: a section of the table of comments */
          wsp_table_add_section (table, _("Comments on units no longer in the draft"));
          removed_section = TRUE;
        }
      if (info->text_changed)
        /* Translators: in the table of comments, under the wording a comment was made on */
        g_string_append_printf (current_cell, "\n%s", _("(the text changed since this comment)"));
      if (day != NULL)
        g_string_append_printf (author, "\n%s", day);
      if (info->reason != NULL && info->decision != WSP_COMMENT_PENDING)
        g_string_append_printf (decision, ". %s", info->reason);
      if (info->decision_conflict)
        /* Translators: in the table of comments: two laptops recorded different decisions */
        g_string_append_printf (decision, "\n%s", _("(recorded differently on two laptops: to be settled)"));
      if (compact)
        {
          g_autoptr (GString) proposal = g_string_new (proposed != NULL ? proposed : "");

          if (justification != NULL)
            /* Translators: in the table attached to an opinion, before a comment's justification */
            g_string_append_printf (proposal, "\n%s %s", _("Justification:"), justification);
          if (info->text_changed)
            g_string_append_printf (proposal, "\n%s", _("(the text changed since this comment)"));
          wsp_table_add_row (table, (const char *[]){ number, unit, proposal->str, author->str, decision->str });
        }
      else
        wsp_table_add_row (table, (const char *[]){ number, unit, current_cell->str,
                                                    proposed != NULL ? proposed : "",
                                                    justification != NULL ? justification : "", author->str,
                                                    decision->str });
    }
}

/* How many comments had a decision, in "11 comments (accepted: 5, …)". */
static const char *
decision_count_label (WspCommentDecision decision)
{
  switch (decision)
    {
    case WSP_COMMENT_ACCEPTED:
      /* Translators: in "11 comments (accepted: 5, …)"; Polish: uwzględnione */
      return C_ ("decision count", "accepted");
    case WSP_COMMENT_PARTLY_ACCEPTED:
      return C_ ("decision count", "partly accepted");
    case WSP_COMMENT_REJECTED:
      return C_ ("decision count", "rejected");
    case WSP_COMMENT_WITHDRAWN:
      return C_ ("decision count", "withdrawn");
    case WSP_COMMENT_PENDING:
    default:
      return C_ ("decision count", "not decided yet");
    }
}

/* "Comments: 11 (accepted: 5, partly accepted: 3, rejected: 3)". */
static char *
summary_of (WspDraftDetail *detail)
{
  GPtrArray *comments = wsp_draft_detail_get_comments (detail);
  guint counts[WSP_COMMENT_WITHDRAWN + 1] = { 0 };
  g_autoptr (GString) out = g_string_new (NULL);
  static const WspCommentDecision order[] = { WSP_COMMENT_ACCEPTED, WSP_COMMENT_PARTLY_ACCEPTED,
                                              WSP_COMMENT_REJECTED, WSP_COMMENT_WITHDRAWN,
                                              WSP_COMMENT_PENDING };

  for (guint i = 0; i < comments->len; i++)
    {
      WspCommentDecision d = wsp_comment_entry_get_info (g_ptr_array_index (comments, i))->decision;

      if (d <= WSP_COMMENT_WITHDRAWN)
        counts[d]++;
    }
  g_string_append_printf (out, ngettext ("%u comment", "%u comments", comments->len), comments->len);
  for (guint k = 0, shown = 0; k < G_N_ELEMENTS (order); k++)
    {
      if (counts[order[k]] == 0)
        continue;
      /* Translators: "11 comments (accepted: 5, rejected: 3)": what comes before, a decision, how many */
      g_string_append_printf (out, _("%1$s%2$s: %3$u"), shown++ == 0 ? " (" : ", ", decision_count_label (order[k]),
                              counts[order[k]]);
    }
  if (comments->len > 0)
    g_string_append_c (out, ')');
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* What the draft is, under the title of either document. */
static void
add_draft_facts (WspDocument    *doc,
                 WspDraftDetail *detail)
{
  WspRecord *draft = wsp_draft_detail_get_draft (detail);
  WspRecord *latest = wsp_draft_detail_get_latest (detail);
  g_autofree char *received = wsp_builder_date_ymd (wsp_record_get_string (draft, "received_on"));
  g_autofree char *deadline = wsp_builder_date_ymd (wsp_record_get_string (draft, "deadline"));

  if (wsp_record_get_string (draft, "submitted_by") != NULL)
    wsp_document_add_labelled (doc, _("Sent by:"), wsp_record_get_string (draft, "submitted_by"));
  if (received != NULL)
    wsp_document_add_labelled (doc, _("Received:"), received);
  if (latest != NULL && wsp_record_get_int (latest, "number") > 1)
    {
      g_autofree char *day = wsp_builder_date_ymd (wsp_record_get_string (latest, "received_on"));
      g_autofree char *text = day != NULL
                                /* Translators: which version of a draft a document is about, and when it came */
                                ? g_strdup_printf (_("%1$d, received %2$s"), (int) wsp_record_get_int (latest, "number"), day)
                                : g_strdup_printf ("%d", (int) wsp_record_get_int (latest, "number"));

      wsp_document_add_labelled (doc, _("Version:"), text);
    }
  if (deadline != NULL)
    wsp_document_add_labelled (doc, _("Deadline for the opinion:"), deadline);
}

/**
 * wsp_build_comments_table:
 * @draft_id: a draft
 *
 * Returns: (transfer full): the table of comments on the draft, or %NULL
 *   with @error
 */
WspDocument *
wsp_build_comments_table (WspStore              *store,
                          const char            *draft_id,
                          const WspBuildOptions *options,
                          GError               **error)
{
  g_autoptr (WspDraftDetail) detail = load_detail (store, draft_id, _("Table of comments"), error);
  g_autoptr (WspDocument) doc = NULL;
  g_autoptr (WspRecord) council = NULL;
  g_autofree char *city = NULL;
  g_autofree char *date = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *about = NULL;

  if (detail == NULL)
    return NULL;
  council = council_of (store, wsp_draft_detail_get_opinion (detail));
  city = wsp_builder_city (options, council);
  date = wsp_builder_issue_date (options);
  /* Translators: under "Table of comments": the draft's title */
  about = g_strdup_printf (_("on: %s"), wsp_record_get_string (wsp_draft_detail_get_draft (detail), "title"));

  doc = wsp_document_new ();
  wsp_document_set_landscape (doc, TRUE);
  wsp_document_set_title_block (doc, council != NULL ? wsp_record_get_string (council, "name") : NULL, city,
                                _("Table of comments"), about, date, NULL);
  add_draft_facts (doc, detail);
  summary = summary_of (detail);
  wsp_document_add_labelled (doc, _("Comments:"), summary);
  if (wsp_draft_detail_get_comments (detail)->len > 0)
    add_comments_table (doc, detail, FALSE);
  else
    wsp_document_add_paragraph (doc, WSP_PARAGRAPH_BODY, _("No comments were submitted on the draft."));
  if (wsp_draft_detail_count_conflicts (detail) > 0)
    wsp_document_add_paragraph (doc, WSP_PARAGRAPH_NOTE,
                                _("Some decisions were recorded differently on two laptops; settle them before "
                                  "sending the table."));
  return g_steal_pointer (&doc);
}

/* "For: 9, against: 1, abstained: 2" of the ballot that adopted it. */
static char *
ballot_result (WspStore  *store,
               WspRecord *ballot)
{
  guint yes = 0, no = 0, abstain = 0;

  if (g_strcmp0 (wsp_record_get_string (ballot, "mode"), "secret") == 0)
    {
      yes = (guint) wsp_record_get_int (ballot, "secret_for");
      no = (guint) wsp_record_get_int (ballot, "secret_against");
      abstain = (guint) wsp_record_get_int (ballot, "secret_abstain");
    }
  else
    {
      g_autoptr (GPtrArray) votes = wsp_builder_query (store, WSP_TYPE_VOTE, "ballot_id", wsp_record_get_id (ballot), NULL);
      g_autoptr (GHashTable) corrected = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; votes != NULL && i < votes->len; i++)
        if (wsp_record_get_string (g_ptr_array_index (votes, i), "corrects") != NULL)
          g_hash_table_add (corrected, (gpointer) wsp_record_get_string (g_ptr_array_index (votes, i), "corrects"));
      for (guint i = 0; votes != NULL && i < votes->len; i++)
        {
          WspRecord *vote = g_ptr_array_index (votes, i);
          const char *choice = wsp_record_get_string (vote, "choice");

          if (g_hash_table_contains (corrected, wsp_record_get_id (vote)))
            continue;
          yes += g_strcmp0 (choice, "for") == 0;
          no += g_strcmp0 (choice, "against") == 0;
          abstain += g_strcmp0 (choice, "abstain") == 0;
        }
    }
  /* Translators: the result of the vote that adopted an opinion */
  return g_strdup_printf (_("for: %1$u, against: %2$u, abstained: %3$u"), yes, no, abstain);
}

static const char *
side_heading (const char *side)
{
  if (g_strcmp0 (side, "mayor") == 0)
    return _("Position of the Mayor’s side");
  if (g_strcmp0 (side, "city_council") == 0)
    return _("Position of the City Council’s side");
  return _("Position of the NGO side");
}

static void
add_sides (WspDocument *doc,
           WspRecord   *opinion)
{
  JsonNode *sides = wsp_record_get_value (opinion, "sides");
  JsonArray *array = sides != NULL && JSON_NODE_HOLDS_ARRAY (sides) ? json_node_get_array (sides) : NULL;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *object = JSON_NODE_HOLDS_OBJECT (element) ? json_node_get_object (element) : NULL;
      const char *side = object != NULL && json_object_has_member (object, "side")
                           ? json_object_get_string_member (object, "side") : NULL;
      const char *position = object != NULL && json_object_has_member (object, "position")
                               ? json_object_get_string_member (object, "position") : NULL;

      if (position == NULL || position[0] == '\0')
        continue;
      wsp_document_add_labelled (doc, side_heading (side), position);
    }
}

/**
 * wsp_build_opinion:
 * @draft_id: a draft with an opinion recorded
 *
 * Returns: (transfer full): the opinion (the resolution with the table of
 *   comments attached, or the note of a waived opinion), or %NULL with
 *   @error (%WSP_OUTPUT_ERROR_MISSING when no opinion is recorded)
 */
WspDocument *
wsp_build_opinion (WspStore              *store,
                   const char            *draft_id,
                   const WspBuildOptions *options,
                   GError               **error)
{
  g_autoptr (WspDraftDetail) detail = load_detail (store, draft_id, _("Opinion"), error);
  g_autoptr (WspDocument) doc = NULL;
  g_autoptr (WspRecord) council = NULL;
  g_autoptr (WspRecord) meeting = NULL;
  g_autoptr (WspRecord) ballot = NULL;
  g_autofree char *city = NULL;
  g_autofree char *date = NULL;
  g_autofree char *number = NULL;
  g_autofree char *quoted = NULL;
  g_autofree char *chair_name = NULL;
  WspRecord *opinion, *draft;
  WspOpinionVerdict verdict;
  const char *council_name;
  guint paragraph = 0;
  gboolean comments;

  if (detail == NULL)
    return NULL;
  draft = wsp_draft_detail_get_draft (detail);
  opinion = wsp_draft_detail_get_opinion (detail);
  if (opinion == NULL)
    {
      g_set_error_literal (error, WSP_OUTPUT_ERROR, WSP_OUTPUT_ERROR_MISSING,
                           _("No opinion on this draft is recorded yet. Record the Council’s opinion first."));
      return NULL;
    }
  verdict = wsp_choice_value (wsp_opinion_verdict_choices, wsp_record_get_string (opinion, "verdict"),
                              WSP_OPINION_POSITIVE);
  council = council_of (store, opinion);
  council_name = council != NULL ? wsp_record_get_string (council, "name") : NULL;
  city = wsp_builder_city (options, council);
  date = wsp_record_get_string (opinion, "adopted_on") != NULL
           ? wsp_builder_date_ymd (wsp_record_get_string (opinion, "adopted_on"))
           : wsp_builder_issue_date (options);
  meeting = wsp_builder_get_optional (store, wsp_record_get_string (opinion, "meeting_id"));
  ballot = wsp_builder_get_optional (store, wsp_record_get_string (opinion, "ballot_id"));
  /* Translators: a draft's title in quotation marks, as a document cites it */
  quoted = g_strdup_printf (_("“%s”"), wsp_record_get_string (draft, "title"));
  comments = wsp_draft_detail_get_comments (detail)->len > 0;
  doc = wsp_document_new ();

  if (verdict == WSP_OPINION_WAIVED)
    {
      g_autofree char *deadline = wsp_builder_date_ymd (wsp_record_get_string (draft, "deadline"));
      g_autofree char *text = NULL;

      wsp_document_set_title_block (doc, council_name, city, _("Note on an opinion not given"), quoted, date, NULL);
      add_draft_facts (doc, detail);
      /* Translators: %s is the last day for the opinion */
      text = g_strdup_printf (_("The Council did not give its opinion on the draft by %s. Under article 41i(2) of "
                                "the Act of 24 April 2003 on public benefit activity and volunteering, it is deemed "
                                "to have waived its right to give one."),
                              deadline != NULL ? deadline : "");
      wsp_document_add_paragraph (doc, WSP_PARAGRAPH_BODY, text);
      if (wsp_record_get_string (opinion, "text") != NULL)
        wsp_document_add_paragraph (doc, WSP_PARAGRAPH_BODY, wsp_record_get_string (opinion, "text"));
      return g_steal_pointer (&doc);
    }

  if (wsp_record_get_string (opinion, "number") != NULL)
    /* Translators: under "Resolution": its number, "nr 3/2027" */
    number = g_strdup_printf (_("no. %s"), wsp_record_get_string (opinion, "number"));
  wsp_document_set_title_block (doc, council_name, city, _("Resolution"), number, date, NULL);
  wsp_document_add_paragraph (doc, WSP_PARAGRAPH_ADDRESS, _("on the opinion on the draft:"));
  wsp_document_add_paragraph (doc, WSP_PARAGRAPH_ADDRESS, quoted);
  {
    /* The programme and other resolutions: point 2; strategies: point 1. */
    guint point = g_strcmp0 (wsp_record_get_string (draft, "kind"), "strategy") == 0 ? 1 : 2;
    g_autofree char *basis
      /* Translators: the legal basis of the Council's opinion; %1$u the point of art. 41i(1), %2$s the Council's name */
      = g_strdup_printf (_("Under article 41i(1)(%1$u) of the Act of 24 April 2003 on public benefit activity and "
                           "volunteering, the %2$s resolves as follows:"),
                         point, council_name != NULL ? council_name : _("Council"));

    wsp_document_add_paragraph (doc, WSP_PARAGRAPH_BODY, basis);
  }

  {
    g_autofree char *lead = g_strdup_printf ("§ %u.", ++paragraph);
    const char *text;

    switch (verdict)
      {
      case WSP_OPINION_POSITIVE_WITH_REMARKS:
        text = comments ? _("The Council gives a positive opinion on the draft, with the remarks listed in the table "
                            "of comments attached to this resolution.")
                        : _("The Council gives a positive opinion on the draft, with remarks.");
        break;
      case WSP_OPINION_NEGATIVE:
        text = _("The Council gives a negative opinion on the draft.");
        break;
      case WSP_OPINION_SPLIT:
        text = _("No resolution on the opinion obtained the majority. The sides of the Council state their own "
                 "positions:");
        break;
      case WSP_OPINION_POSITIVE:
      case WSP_OPINION_WAIVED:
      default:
        text = _("The Council gives a positive opinion on the draft.");
        break;
      }
    wsp_document_add_labelled (doc, lead, text);
    if (verdict == WSP_OPINION_SPLIT)
      add_sides (doc, opinion);
  }
  if (comments && verdict != WSP_OPINION_POSITIVE_WITH_REMARKS)
    {
      g_autofree char *lead = g_strdup_printf ("§ %u.", ++paragraph);

      wsp_document_add_labelled (doc, lead, _("The comments on the draft, with the Council’s decision on each, are "
                                              "listed in the table of comments attached to this resolution."));
    }
  {
    g_autofree char *lead = g_strdup_printf ("§ %u.", ++paragraph);

    wsp_document_add_labelled (doc, lead, _("The resolution comes into force on the day it is adopted."));
  }

  if (meeting != NULL || ballot != NULL)
    {
      g_autoptr (GString) adopted = g_string_new (NULL);

      if (meeting != NULL)
        {
          g_autoptr (WspRecord) body = wsp_builder_get_optional (store, wsp_record_get_string (meeting, "body_id"));
          g_autoptr (GDateTime) starts = wsp_builder_time (meeting, "starts_at");
          g_autofree char *title = wsp_builder_meeting_title (meeting, body);
          g_autofree char *day = starts != NULL ? wsp_builder_date (starts) : NULL;

          g_string_append (adopted, title);
          if (day != NULL)
            g_string_append_printf (adopted, ", %s", day);
        }
      if (ballot != NULL)
        {
          g_autofree char *result = ballot_result (store, ballot);

          if (adopted->len > 0)
            g_string_append (adopted, "; ");
          g_string_append (adopted, result);
        }
      wsp_document_add_labelled (doc, _("Adopted:"), adopted->str);
    }
  if (wsp_record_get_string (opinion, "text") != NULL)
    {
      wsp_document_add_heading (doc, 2, _("Justification"));
      wsp_document_add_paragraph (doc, WSP_PARAGRAPH_BODY, wsp_record_get_string (opinion, "text"));
    }

  if (council != NULL)
    {
      g_autoptr (GPtrArray) members = wsp_builder_members_on (store, council,
                                                              wsp_record_get_string (opinion, "adopted_on") != NULL
                                                                ? wsp_record_get_string (opinion, "adopted_on")
                                                                : "9999-12-31",
                                                              NULL);
      WspMemberEntry *chair = members != NULL ? wsp_builder_officer (members, "chair") : NULL;

      chair_name = chair != NULL ? wsp_builder_member_name (chair) : NULL;
    }
  wsp_document_add_signatures (doc, (const char *[]){ wsp_builder_chair_title (council), NULL },
                               (const char *[]){ chair_name != NULL ? chair_name : "", NULL });

  if (comments)
    {
      g_autofree char *attachment = number != NULL
                                      /* Translators: the heading of the table of comments attached to resolution no. 3/2027 */
                                      ? g_strdup_printf (_("Attachment to resolution %s: table of comments"), number)
                                      : g_strdup (_("Attachment: table of comments"));
      g_autofree char *summary = summary_of (detail);

      wsp_document_add_heading (doc, 1, attachment);
      wsp_document_add_labelled (doc, _("Comments:"), summary);
      add_comments_table (doc, detail, TRUE);
    }
  return g_steal_pointer (&doc);
}
