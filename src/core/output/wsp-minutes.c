/* wsp-minutes.c — the minutes of a held meeting (protokół z posiedzenia)
 *
 * Written from the meeting itself: the header (body, number, date, start
 * and end, place, who chaired and who took the minutes), the attendance
 * with the statement of the quorum and where it was lost, the agenda as
 * adopted, then per item the notes typed at the meeting, every vote (the
 * question, the kind, the result by name for a roll-call and in totals
 * otherwise, recusals, the sentence of the result and the resolution
 * number), the comments on a draft decided under it, elections; then the
 * corrections recorded after approval, the attachments and the signatures.
 * A vote's counts are the ones it fixed when it closed; a vote recorded
 * without them (by an older version, or the example data) is counted from
 * its votes and the attendance at the time it was opened.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "domain/wsp-ballot-run.h"
#include "domain/wsp-elections.h"
#include "domain/wsp-meetings.h"
#include "domain/wsp-minutes.h"
#include "output/wsp-builder-util.h"
#include "output/wsp-builders.h"
#include "records/wsp-entities.h"
#include "records/wsp-records-drafts.h"
#include "records/wsp-records-meetings.h"
#include "records/wsp-records-members.h"
#include "records/wsp-records-votes.h"

typedef struct
{
  WspStore   *store;
  WspRecord  *meeting;
  WspRecord  *body;
  GPtrArray  *members;    /* WspMemberEntry, of the body on the day */
  GHashTable *by_seat;    /* seat id → WspMemberEntry (not owned) */
  GHashTable *attendance; /* seat id → attendance record (not owned) */
  GPtrArray  *attendance_records;
  WspBodyRules rules;
  GPtrArray  *attachments; /* char * */
} Minutes;

static void
minutes_clear (Minutes *m)
{
  g_clear_object (&m->meeting);
  g_clear_object (&m->body);
  g_clear_pointer (&m->members, g_ptr_array_unref);
  g_clear_pointer (&m->by_seat, g_hash_table_unref);
  g_clear_pointer (&m->attendance, g_hash_table_unref);
  g_clear_pointer (&m->attendance_records, g_ptr_array_unref);
  g_clear_pointer (&m->attachments, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Minutes, minutes_clear)

static gboolean
council (Minutes *m)
{
  return wsp_builder_is_council (m->body);
}

/* A member by name: the person on the Council, the organisation in the
 * Forum (its members are organisations, whoever represents them). */
static char *
name_of (Minutes        *m,
         WspMemberEntry *entry)
{
  if (!council (m) && entry->organisation != NULL && wsp_record_get_string (entry->organisation, "name") != NULL)
    return g_strdup (wsp_record_get_string (entry->organisation, "name"));
  return wsp_builder_member_name (entry);
}

/* ---- attendance ---------------------------------------------------------- */

static gboolean
present_at (WspRecord *attendance,
            GDateTime *at)
{
  g_autoptr (GDateTime) arrived = NULL;
  g_autoptr (GDateTime) left = NULL;

  if (attendance == NULL || g_strcmp0 (wsp_record_get_string (attendance, "status"), "present") != 0)
    return FALSE;
  if (at == NULL)
    return TRUE;
  arrived = wsp_builder_time (attendance, "arrived_at");
  left = wsp_builder_time (attendance, "left_at");
  return (arrived == NULL || g_date_time_compare (arrived, at) <= 0)
         && (left == NULL || g_date_time_compare (left, at) > 0);
}

/* Members present at @at (NULL: at any time of the meeting). */
static guint
count_present (Minutes   *m,
               GDateTime *at)
{
  guint n = 0;

  for (guint i = 0; i < m->members->len; i++)
    {
      WspMemberEntry *entry = g_ptr_array_index (m->members, i);

      if (present_at (g_hash_table_lookup (m->attendance, wsp_record_get_id (entry->seat)), at))
        n++;
    }
  return n;
}

static char *
quorum_sentence (Minutes *m,
                 guint    present)
{
  guint members = m->members->len;
  gboolean reached = wsp_quorum_reached (&m->rules, members, present, 0);
  guint required = wsp_quorum_required (&m->rules, members, 0);

  if (council (m))
    {
      if (reached)
        /* Translators: the statement of the quorum in the minutes (Polish: Na posiedzeniu obecnych było 11
         * z 15 członków Rady, co stanowi kworum.) */
        return g_strdup_printf (ngettext ("%1$u of the %2$u members of the Council was present at the meeting, "
                                          "which is a quorum.",
                                          "%1$u of the %2$u members of the Council were present at the meeting, "
                                          "which is a quorum.",
                                          present),
                                present, members);
      /* Translators: the statement of the quorum in the minutes; %3$u how many a quorum needs */
      return g_strdup_printf (ngettext ("%1$u of the %2$u members of the Council was present at the meeting, "
                                        "which is not a quorum (%3$u needed).",
                                        "%1$u of the %2$u members of the Council were present at the meeting, "
                                        "which is not a quorum (%3$u needed).",
                                        present),
                              present, members, required);
    }
  if (reached)
    /* Translators: the statement of the quorum in the minutes of the Forum */
    return g_strdup_printf (ngettext ("%1$u of the %2$u member organisations of the Forum was represented at the "
                                      "meeting, which is a quorum.",
                                      "%1$u of the %2$u member organisations of the Forum were represented at the "
                                      "meeting, which is a quorum.",
                                      present),
                            present, members);
  return g_strdup_printf (ngettext ("%1$u of the %2$u member organisations of the Forum was represented at the "
                                    "meeting, which is not a quorum (%3$u needed).",
                                    "%1$u of the %2$u member organisations of the Forum were represented at the "
                                    "meeting, which is not a quorum (%3$u needed).",
                                    present),
                          present, members, required);
}

/* "arrived at 16:20, left at 17:40", in the person's gender. */
static char *
presence_remark (Minutes        *m,
                 WspMemberEntry *entry,
                 WspRecord      *attendance)
{
  g_autoptr (GDateTime) starts = wsp_builder_time (m->meeting, "starts_at");
  g_autoptr (GDateTime) arrived = wsp_builder_time (attendance, "arrived_at");
  g_autoptr (GDateTime) left = wsp_builder_time (attendance, "left_at");
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  gboolean known = FALSE;
  /* An organisation of the Forum is spoken of in the general form. */
  WspGrammaticalForm form = wsp_builder_person_form (council (m) ? entry->person : NULL, &known);

  /* Arrivals a few minutes into the meeting are not remarked. */
  if (arrived != NULL && starts != NULL && g_date_time_difference (arrived, starts) > 5 * G_TIME_SPAN_MINUTE)
    {
      g_autofree char *clock = wsp_builder_clock (arrived);

      if (!known)
        /* Translators: in the minutes' list of those present; %s the time (Polish: przybycie o godz. 16:20) */
        g_ptr_array_add (parts, g_strdup_printf (C_ ("presence, general", "arrived at %s"), clock));
      else if (form == WSP_FORM_FEMININE)
        /* Translators: of a woman (Polish: przybyła o godz. 16:20) */
        g_ptr_array_add (parts, g_strdup_printf (C_ ("presence, feminine", "arrived at %s"), clock));
      else
        /* Translators: of a man (Polish: przybył o godz. 16:20) */
        g_ptr_array_add (parts, g_strdup_printf (C_ ("presence, masculine", "arrived at %s"), clock));
    }
  if (left != NULL)
    {
      g_autofree char *clock = wsp_builder_clock (left);

      if (!known)
        /* Translators: in the minutes' list of those present; %s the time (Polish: wyjście o godz. 17:40) */
        g_ptr_array_add (parts, g_strdup_printf (C_ ("presence, general", "left at %s"), clock));
      else if (form == WSP_FORM_FEMININE)
        /* Translators: of a woman (Polish: wyszła o godz. 17:40) */
        g_ptr_array_add (parts, g_strdup_printf (C_ ("presence, feminine", "left at %s"), clock));
      else
        /* Translators: of a man (Polish: wyszedł o godz. 17:40) */
        g_ptr_array_add (parts, g_strdup_printf (C_ ("presence, masculine", "left at %s"), clock));
    }
  if (parts->len == 0)
    return NULL;
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (", ", (char **) parts->pdata);
}

/* "Name, office (remark)" */
static char *
member_line (Minutes        *m,
             WspMemberEntry *entry,
             const char     *remark)
{
  g_autofree char *name = name_of (m, entry);
  const char *role = wsp_record_get_string (entry->seat, "role");
  g_autoptr (GString) line = g_string_new (name);

  if (council (m) && role != NULL && g_strcmp0 (role, "member") != 0)
    {
      const char *form = entry->person != NULL ? wsp_record_get_string (entry->person, "grammatical_form") : NULL;
      g_autofree char *office = g_utf8_strdown (wsp_role_label (role, form), -1);

      g_string_append_printf (line, ", %s", office);
    }
  if (remark != NULL)
    g_string_append_printf (line, " (%s)", remark);
  return g_string_free (g_steal_pointer (&line), FALSE);
}

static void
add_names (WspDocument *doc,
           const char  *label,
           GPtrArray   *lines)
{
  if (lines->len == 0)
    return;
  wsp_document_add_paragraph (doc, WSP_PARAGRAPH_BODY, label);
  g_ptr_array_add (lines, NULL);
  wsp_document_add_list (doc, TRUE, (const char * const *) lines->pdata);
}

static gboolean
add_attendance (Minutes      *m,
                WspDocument  *doc,
                GError      **error)
{
  g_autoptr (GPtrArray) present = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) excused = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) absent = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) guests = NULL;
  g_autoptr (GPtrArray) guest_lines = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *sentence = NULL;

  wsp_document_add_heading (doc, 2, _("Attendance"));
  for (guint i = 0; i < m->members->len; i++)
    {
      WspMemberEntry *entry = g_ptr_array_index (m->members, i);
      WspRecord *attendance = g_hash_table_lookup (m->attendance, wsp_record_get_id (entry->seat));
      const char *status = attendance != NULL ? wsp_record_get_string (attendance, "status") : NULL;

      if (g_strcmp0 (status, "present") == 0)
        {
          g_autofree char *remark = presence_remark (m, entry, attendance);

          g_ptr_array_add (present, member_line (m, entry, remark));
        }
      else if (g_strcmp0 (status, "excused") == 0)
        g_ptr_array_add (excused, member_line (m, entry, NULL));
      else
        g_ptr_array_add (absent, member_line (m, entry, NULL));
    }
  sentence = quorum_sentence (m, present->len);
  wsp_document_add_paragraph (doc, WSP_PARAGRAPH_BODY, sentence);
  add_names (doc, council (m) ? _("Members present:") : _("Member organisations represented:"), present);
  add_names (doc, council (m) ? _("Absent, excused:") : _("Organisations absent, excused:"), excused);
  add_names (doc, council (m) ? _("Absent without an excuse:") : _("Organisations absent without an excuse:"), absent);

  guests = wsp_builder_query (m->store, WSP_TYPE_GUEST, "meeting_id", wsp_record_get_id (m->meeting), error);
  if (guests == NULL)
    return FALSE;
  for (guint i = 0; i < guests->len; i++)
    {
      WspRecord *guest = g_ptr_array_index (guests, i);
      const char *affiliation = wsp_record_get_string (guest, "affiliation");

      g_ptr_array_add (guest_lines, affiliation != NULL
                                      ? g_strdup_printf ("%s, %s", wsp_record_get_string (guest, "name"), affiliation)
                                      : g_strdup (wsp_record_get_string (guest, "name")));
    }
  add_names (doc, _("Guests:"), guest_lines);
  return TRUE;
}

/* ---- votes ---------------------------------------------------------------- */

static const char *
mode_label (WspRecord *ballot)
{
  const char *mode = wsp_record_get_string (ballot, "mode");

  if (g_strcmp0 (mode, "secret") == 0)
    /* Translators: the kind of a vote in the minutes (Polish: głosowanie tajne) */
    return _("secret vote");
  if (g_strcmp0 (mode, "roll_call") == 0)
    /* Translators: the kind of a vote in the minutes (Polish: głosowanie imienne) */
    return _("roll-call vote");
  /* Translators: the kind of a vote in the minutes (Polish: głosowanie jawne) */
  return _("open vote");
}

/* The resolution or opinion number of @ballot: its own, else that of the
 * opinion adopted by it. */
static char *
resolution_number (Minutes   *m,
                   WspRecord *ballot)
{
  g_autoptr (GPtrArray) opinions = NULL;

  if (wsp_record_get_string (ballot, "resolution_number") != NULL)
    return g_strdup (wsp_record_get_string (ballot, "resolution_number"));
  opinions = wsp_builder_query (m->store, WSP_TYPE_OPINION, "ballot_id", wsp_record_get_id (ballot), NULL);
  if (opinions == NULL)
    return NULL;
  for (guint i = opinions->len; i > 0; i--)
    if (wsp_record_get_string (g_ptr_array_index (opinions, i - 1), "number") != NULL)
      return g_strdup (wsp_record_get_string (g_ptr_array_index (opinions, i - 1), "number"));
  return NULL;
}

static gboolean
strv_has (GStrv list, const char *value)
{
  return list != NULL && g_strv_contains ((const char * const *) list, value);
}

static gboolean
add_ballot (Minutes      *m,
            WspDocument  *doc,
            WspRecord    *item,
            WspRecord    *ballot,
            GError      **error)
{
  g_autoptr (GPtrArray) votes = NULL;
  g_autoptr (GHashTable) by_seat = NULL;
  g_autoptr (GDateTime) opened = wsp_builder_time (ballot, "opened_at");
  g_autoptr (GPtrArray) recused_names = g_ptr_array_new_with_free_func (g_free);
  g_auto (GStrv) item_recused = wsp_record_dup_list (item, "recused");
  g_autofree char *sentence = NULL;
  g_autofree char *number = NULL;
  g_autofree char *present_line = NULL;
  g_autofree char *clock = NULL;
  gboolean secret = g_strcmp0 (wsp_record_get_string (ballot, "mode"), "secret") == 0;
  gboolean closed = wsp_record_get_string (ballot, "closed_at") != NULL;
  gboolean fixed = closed && wsp_record_get_int (ballot, "tally_members") > 0;
  WspMemberEntry *chair = wsp_builder_officer (m->members, "chair");
  WspMajority majority = wsp_choice_value (wsp_majority_choices, wsp_record_get_string (ballot, "majority"), m->rules.majority);
  WspTally tally = { 0 };
  WspTable *table = NULL;
  WspVerdict verdict;
  guint invalid = 0, row = 0;

  votes = wsp_builder_query (m->store, WSP_TYPE_VOTE, "ballot_id", wsp_record_get_id (ballot), error);
  if (votes == NULL)
    return FALSE;
  by_seat = wsp_ballot_effective_votes (votes);

  wsp_document_add_labelled (doc, _("Vote:"), wsp_record_get_string (ballot, "question"));
  if (wsp_record_get_string (ballot, "corrects") != NULL)
    /* Translators: in the minutes, under a vote that corrects a closed one */
    wsp_document_add_paragraph (doc, WSP_PARAGRAPH_NOTE, _("This vote corrects the earlier vote on the same question, "
                                                           "which is not counted."));
  clock = opened != NULL ? wsp_builder_clock (opened) : NULL;
  {
    g_autofree char *kind = clock != NULL
                              /* Translators: the kind of a vote and when it was taken ("roll-call vote, at 17:35") */
                              ? g_strdup_printf (_("%1$s, at %2$s"), mode_label (ballot), clock)
                              : g_strdup (mode_label (ballot));
    g_autofree char *line = g_strdup_printf ("%s; %s", kind, wsp_builder_majority_label (majority));

    wsp_document_add_labelled (doc, _("Kind of vote:"), line);
  }

  /* Who could vote: members in the room when it opened, and anyone with a vote. */
  tally.members = m->members->len;
  if (!secret && g_hash_table_size (by_seat) > 0)
    {
      table = wsp_document_add_table (doc, 3, (const double[]){ 0.08, 0.52, 0.40 },
                                      (const char *[]){ C_ ("column", "No."),
                                                        council (m) ? _("Member") : _("Member organisation"),
                                                        /* Translators: a column of the votes by name in the minutes */
                                                        C_ ("column", "Vote"), NULL });
      wsp_table_set_align (table, 0, WSP_ALIGN_END);
    }
  for (guint i = 0; i < m->members->len; i++)
    {
      WspMemberEntry *entry = g_ptr_array_index (m->members, i);
      const char *seat_id = wsp_record_get_id (entry->seat);
      WspRecord *vote = g_hash_table_lookup (by_seat, seat_id);
      gboolean here = vote != NULL || present_at (g_hash_table_lookup (m->attendance, seat_id), opened);
      gboolean recused = (vote != NULL && wsp_record_get_bool (vote, "recused"))
                         || (vote == NULL && here && strv_has (item_recused, seat_id));
      const char *choice = vote != NULL && !recused ? wsp_record_get_string (vote, "choice") : NULL;

      if (!here)
        continue;
      tally.present++;
      if (recused)
        {
          tally.recused++;
          g_ptr_array_add (recused_names, name_of (m, entry));
        }
      if (g_strcmp0 (choice, "for") == 0)
        tally.yes++;
      else if (g_strcmp0 (choice, "against") == 0)
        tally.no++;
      else if (g_strcmp0 (choice, "abstain") == 0)
        tally.abstain++;
      if (entry == chair)
        tally.chair_vote = wsp_choice_value (wsp_vote_choice_choices, choice, WSP_VOTE_NONE);
      if (table != NULL)
        {
          g_autofree char *n = g_strdup_printf ("%u.", ++row);
          g_autofree char *name = name_of (m, entry);

          wsp_table_add_row (table, (const char *[]){ n, name,
                                                      wsp_builder_vote_phrase (choice, recused,
                                                                               /* An organisation of the Forum: the general form. */
                                                                               council (m) ? entry->person : NULL),
                                                      NULL });
        }
    }
  if (secret || g_hash_table_size (by_seat) == 0 || fixed)
    {
      tally.yes = (guint) MAX (wsp_record_get_int (ballot, "secret_for"), 0);
      tally.no = (guint) MAX (wsp_record_get_int (ballot, "secret_against"), 0);
      tally.abstain = (guint) MAX (wsp_record_get_int (ballot, "secret_abstain"), 0);
      invalid = (guint) MAX (wsp_record_get_int (ballot, "secret_invalid"), 0);
    }
  if (fixed)
    {
      tally.members = (guint) wsp_record_get_int (ballot, "tally_members");
      tally.present = (guint) MAX (wsp_record_get_int (ballot, "tally_present"), 0);
      tally.recused = (guint) MAX (wsp_record_get_int (ballot, "tally_recused"), 0);
    }
  if (wsp_record_get_string (ballot, "casting_vote") != NULL)
    tally.chair_vote = wsp_choice_value (wsp_vote_choice_choices, wsp_record_get_string (ballot, "casting_vote"),
                                         WSP_VOTE_NONE);
  verdict = wsp_verdict (&m->rules, majority, &tally);
  if (closed && wsp_record_get_string (ballot, "verdict") != NULL)
    verdict = wsp_choice_value (wsp_verdict_choices, wsp_record_get_string (ballot, "verdict"), verdict);

  /* Translators: in the minutes: members present at a vote, of all members, and the quorum */
  present_line = g_strdup_printf (_("%1$u of %2$u members (quorum: %3$u)"), tally.present, tally.members,
                                  wsp_quorum_required (&m->rules, tally.members, tally.recused));
  wsp_document_add_labelled (doc, _("Present at the vote:"), present_line);
  if (recused_names->len > 0)
    {
      g_autofree char *names = NULL;

      g_ptr_array_add (recused_names, NULL);
      names = g_strjoinv (", ", (char **) recused_names->pdata);
      wsp_document_add_labelled (doc, _("Recused from the vote:"), names);
    }
  /* The sentence is made again from the counts and the verdict the vote
   * fixed, in the document's language (the one stored is in the language
   * of the laptop that closed it), and names the chair's casting vote in
   * the chair's gender. */
  {
    gboolean known = FALSE;
    gboolean woman = chair != NULL && wsp_builder_person_form (chair->person, &known) == WSP_FORM_FEMININE && known;
    g_autofree char *counts = wsp_ballot_counts_text (tally.yes, tally.no, tally.abstain, invalid, secret);

    if (woman && verdict == WSP_VERDICT_PASSED_BY_CASTING_VOTE)
      /* Translators: the result of a vote in the minutes, the chair a woman (Polish: … głosem rozstrzygającym
       * przewodniczącej); %s the counts */
      sentence = g_strdup_printf (C_ ("chair, feminine", "The resolution was adopted by the chair’s casting vote: %s."),
                                  counts);
    else if (woman && verdict == WSP_VERDICT_REJECTED_BY_CASTING_VOTE)
      /* Translators: the result of a vote in the minutes, the chair a woman; %s the counts */
      sentence = g_strdup_printf (C_ ("chair, feminine",
                                      "The resolution was not adopted, by the chair’s casting vote: %s."),
                                  counts);
    else
      sentence = wsp_ballot_result_text (verdict, tally.yes, tally.no, tally.abstain, invalid, secret);
  }
  wsp_document_add_labelled (doc, _("Result:"), sentence);
  number = wsp_verdict_is_passed (verdict) ? resolution_number (m, ballot) : NULL;
  if (number != NULL)
    wsp_document_add_labelled (doc, _("Resolution number:"), number);
  if (table != NULL)
    /* Translators: an attachment of the minutes; %s the question voted on */
    g_ptr_array_add (m->attachments, g_strdup_printf (_("Named vote list: %s"),
                                                      wsp_record_get_string (ballot, "question")));
  return TRUE;
}

/* ---- comments, opinions, elections ---------------------------------------- */

static gboolean
add_decisions (Minutes      *m,
               WspDocument  *doc,
               const char   *draft_id,
               GHashTable   *done,
               GError      **error)
{
  g_autoptr (GPtrArray) decisions = NULL;
  g_autoptr (WspRecord) draft = NULL;
  guint counts[WSP_COMMENT_WITHDRAWN + 1] = { 0 };
  guint n = 0, row = 0;
  WspTable *table;

  if (draft_id == NULL || g_hash_table_contains (done, draft_id))
    return TRUE;
  decisions = wsp_builder_query (m->store, WSP_TYPE_DECISION, "meeting_id", wsp_record_get_id (m->meeting), error);
  if (decisions == NULL)
    return FALSE;
  for (guint i = 0; i < decisions->len; i++)
    if (g_strcmp0 (wsp_record_get_string (g_ptr_array_index (decisions, i), "draft_id"), draft_id) == 0)
      n++;
  if (n == 0)
    return TRUE;
  g_hash_table_add (done, g_strdup (draft_id));
  draft = wsp_builder_get_optional (m->store, draft_id);

  table = wsp_document_add_table (doc, 4, (const double[]){ 0.07, 0.38, 0.25, 0.30 },
                                  (const char *[]){ C_ ("column", "No."), _("Proposed wording"), _("Submitted by"),
                                                    _("Decision"), NULL });
  wsp_table_set_align (table, 0, WSP_ALIGN_END);
  for (guint i = 0; i < decisions->len; i++)
    {
      WspRecord *decision = g_ptr_array_index (decisions, i);
      g_autoptr (WspRecord) comment = NULL;
      g_autofree char *num = NULL;
      g_autofree char *wording = NULL;
      const char *name = wsp_record_get_string (decision, "decision");
      WspCommentDecision value;

      if (g_strcmp0 (wsp_record_get_string (decision, "draft_id"), draft_id) != 0)
        continue;
      value = wsp_choice_value (wsp_comment_decision_choices, name, WSP_COMMENT_PENDING);
      if (value <= WSP_COMMENT_WITHDRAWN)
        counts[value]++;
      comment = wsp_builder_get_optional (m->store, wsp_record_get_string (decision, "comment_id"));
      num = g_strdup_printf ("%u.", ++row);
      wording = comment != NULL ? g_strdup (wsp_record_get_string (comment, "proposed_wording")) : NULL;
      if (wording != NULL && g_utf8_strlen (wording, -1) > 160)
        {
          g_autofree char *cut = g_utf8_substring (wording, 0, 157);

          g_free (wording);
          wording = g_strconcat (cut, "…", NULL);
        }
      wsp_table_add_row (table, (const char *[]){
                                  num, wording != NULL ? wording : "",
                                  comment != NULL && wsp_record_get_string (comment, "author_name") != NULL
                                    ? wsp_record_get_string (comment, "author_name") : "",
                                  wsp_choice_label (wsp_comment_decision_choices, name) ?: "", NULL });
    }
  {
    /* Translators: in the minutes, over the table of comments decided; %u how many */
    g_autofree char *how_many = g_strdup_printf (ngettext ("The Council decided on %u comment on the draft:",
                                                           "The Council decided on %u comments on the draft:", n),
                                                 n);
    g_autofree char *accepted = g_strdup_printf (ngettext ("%u accepted", "%u accepted", counts[WSP_COMMENT_ACCEPTED]),
                                                 counts[WSP_COMMENT_ACCEPTED]);
    g_autofree char *partly = g_strdup_printf (ngettext ("%u partly accepted", "%u partly accepted",
                                                         counts[WSP_COMMENT_PARTLY_ACCEPTED]),
                                               counts[WSP_COMMENT_PARTLY_ACCEPTED]);
    g_autofree char *rejected = g_strdup_printf (ngettext ("%u rejected", "%u rejected", counts[WSP_COMMENT_REJECTED]),
                                                 counts[WSP_COMMENT_REJECTED]);
    /* Translators: "The Council decided on 12 comments on the draft: 5 accepted, 3 partly accepted, 4 rejected." */
    g_autofree char *text = g_strdup_printf (_("%1$s %2$s, %3$s, %4$s."), how_many, accepted, partly, rejected);
    wsp_document_add_paragraph (doc, WSP_PARAGRAPH_NOTE, text);
  }
  if (draft != NULL)
    /* Translators: an attachment of the minutes; %s the draft's title */
    g_ptr_array_add (m->attachments, g_strdup_printf (_("Table of comments on: %s"),
                                                      wsp_record_get_string (draft, "title")));
  return TRUE;
}

static gboolean
add_opinions (Minutes      *m,
              WspDocument  *doc,
              WspRecord    *item,
              GError      **error)
{
  g_autoptr (GPtrArray) opinions = NULL;
  const char *draft_id = wsp_record_get_string (item, "draft_id");

  if (draft_id == NULL || g_strcmp0 (wsp_record_get_string (item, "kind"), "opinion") != 0)
    return TRUE;
  opinions = wsp_builder_query (m->store, WSP_TYPE_OPINION, "draft_id", draft_id, error);
  if (opinions == NULL)
    return FALSE;
  for (guint i = 0; i < opinions->len; i++)
    {
      WspRecord *opinion = g_ptr_array_index (opinions, i);
      const char *number = wsp_record_get_string (opinion, "number");
      const char *verdict = wsp_choice_label (wsp_opinion_verdict_choices, wsp_record_get_string (opinion, "verdict"));
      g_autofree char *lower = verdict != NULL ? g_utf8_strdown (verdict, -1) : NULL;

      if (g_strcmp0 (wsp_record_get_string (opinion, "meeting_id"), wsp_record_get_id (m->meeting)) != 0)
        continue;
      if (lower != NULL)
        wsp_document_add_labelled (doc, _("Opinion:"), lower);
      g_ptr_array_add (m->attachments,
                       number != NULL
                         /* Translators: an attachment of the minutes; %s the resolution's number */
                         ? g_strdup_printf (_("Resolution no. %s: the opinion"), number)
                         : g_strdup (_("The opinion adopted")));
    }
  return TRUE;
}

static gint
election_by_opened (gconstpointer a,
                    gconstpointer b)
{
  return g_strcmp0 (wsp_record_get_string (*(WspRecord **) a, "opened_at"),
                    wsp_record_get_string (*(WspRecord **) b, "opened_at"));
}

/* The elections on @item, a run-off after the election it decides: what
 * was elected, how, the cards, the candidates by their votes, and the
 * result said in the document's language from the counts
 * (wsp_elections_result_text()). */
static gboolean
add_elections (Minutes      *m,
               WspDocument  *doc,
               WspRecord    *item,
               GError      **error)
{
  g_autoptr (GPtrArray) elections = wsp_builder_query (m->store, wsp_entities_lookup ("election"), "agenda_item_id",
                                                       wsp_record_get_id (item), error);

  if (elections == NULL)
    return FALSE;
  g_ptr_array_sort (elections, election_by_opened);
  for (guint i = 0; i < elections->len; i++)
    {
      WspRecord *election = g_ptr_array_index (elections, i);
      g_autoptr (GPtrArray) ranking = wsp_elections_dup_ranking (election, NULL);
      g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
      g_autoptr (WspRecord) decided = wsp_builder_get_optional (m->store, wsp_record_get_string (election, "runoff_of"));
      g_autofree char *seats = g_strdup_printf ("%u", wsp_elections_get_seats (election));
      gboolean counted = wsp_elections_is_counted (election);

      wsp_document_add_labelled (doc, _("Election:"), wsp_record_get_string (election, "title"));
      if (decided != NULL)
        wsp_document_add_labelled (doc, _("Run-off of:"), wsp_record_get_string (decided, "title"));
      wsp_document_add_labelled (doc, _("Kind of vote:"),
                                 wsp_elections_get_mode (election) == WSP_BALLOT_OPEN ? C_ ("election", "open vote")
                                                                                      : C_ ("election", "secret vote"));
      wsp_document_add_labelled (doc, _("Seats:"), seats);
      if (counted)
        {
          guint valid = (guint) CLAMP (wsp_record_get_int (election, "valid_cards"), 0, G_MAXUINT);
          guint invalid = (guint) CLAMP (wsp_record_get_int (election, "invalid_cards"), 0, G_MAXUINT);
          g_autofree char *cards = g_strdup_printf (_("%1$u valid, %2$u invalid, %3$u in all"), valid, invalid,
                                                    valid + invalid);

          wsp_document_add_labelled (doc, _("Cards:"), cards);
        }
      for (guint c = 0; c < ranking->len; c++)
        {
          WspElectionCandidate *candidate = g_ptr_array_index (ranking, c);
          g_autofree char *count = wsp_builder_votes_count (candidate->votes);

          /* Who was elected, and a tie, the result below says. */
          if (counted)
            g_ptr_array_add (lines, g_strdup_printf ("%s: %s", candidate->name, count));
          else
            g_ptr_array_add (lines, g_strdup (candidate->name));
        }
      add_names (doc, _("Candidates and their votes:"), lines);
      if (counted)
        {
          g_autofree char *result = wsp_elections_result_text (election);

          wsp_document_add_labelled (doc, _("Result:"), result);
        }
      else
        wsp_document_add_labelled (doc, _("Result:"), _("The cards are not counted yet."));
    }
  return TRUE;
}

/* ---- the agenda ----------------------------------------------------------- */

static gint
by_opened (gconstpointer a,
           gconstpointer b)
{
  return g_strcmp0 (wsp_record_get_string (*(WspRecord **) a, "opened_at"),
                    wsp_record_get_string (*(WspRecord **) b, "opened_at"));
}

static gboolean
add_proceedings (Minutes      *m,
                 WspDocument  *doc,
                 GPtrArray    *items,
                 GError      **error)
{
  g_autoptr (GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GHashTable) drafts_done = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) corrected = g_hash_table_new (g_str_hash, g_str_equal);
  guint lost_at = 0;
  guint lost_present = 0;

  wsp_document_add_heading (doc, 2, _("Agenda"));
  for (guint i = 0; i < items->len; i++)
    g_ptr_array_add (titles, g_strdup (wsp_record_get_string (g_ptr_array_index (items, i), "title")));
  g_ptr_array_add (titles, NULL);
  if (items->len > 0)
    wsp_document_add_list (doc, TRUE, (const char * const *) titles->pdata);
  else
    wsp_document_add_paragraph (doc, WSP_PARAGRAPH_BODY, _("The meeting had no agenda recorded."));
  /* The agenda as adopted: the items put on it after the invitations. */
  {
    g_autoptr (GString) added = g_string_new (NULL);
    guint n_added = 0;

    for (guint i = 0; i < items->len; i++)
      if (wsp_record_get_bool (g_ptr_array_index (items, i), "added_late"))
        {
          g_string_append_printf (added, "%s%u", n_added > 0 ? ", " : "", i + 1);
          n_added++;
        }
    if (n_added > 0)
      {
        g_autofree char *text = g_strdup_printf (ngettext ("The agenda was adopted with a change: item %s was added "
                                                           "after the invitations were sent.",
                                                           "The agenda was adopted with changes: items %s were "
                                                           "added after the invitations were sent.",
                                                           n_added),
                                                 added->str);

        wsp_document_add_paragraph (doc, WSP_PARAGRAPH_BODY, text);
      }
  }

  /* Where the quorum was lost: the first item whose vote opened without it. */
  for (guint i = 0; i < items->len && lost_at == 0; i++)
    {
      WspRecord *item = g_ptr_array_index (items, i);
      g_autoptr (GPtrArray) ballots = wsp_builder_query (m->store, WSP_TYPE_BALLOT, "agenda_item_id",
                                                         wsp_record_get_id (item), error);

      if (ballots == NULL)
        return FALSE;
      for (guint j = 0; j < ballots->len && lost_at == 0; j++)
        {
          g_autoptr (GDateTime) opened = wsp_builder_time (g_ptr_array_index (ballots, j), "opened_at");
          guint present = opened != NULL ? count_present (m, opened) : 0;

          if (opened != NULL && !wsp_quorum_reached (&m->rules, m->members->len, present, 0))
            {
              lost_at = i + 1;
              lost_present = present;
            }
        }
    }
  if (lost_at > 0 && wsp_quorum_reached (&m->rules, m->members->len, count_present (m, NULL), 0))
    {
      /* Translators: in the minutes, after the statement of the quorum; %1$u the item's number */
      g_autofree char *text = g_strdup_printf (council (m) ? _("The quorum was lost during the meeting: from item %1$u "
                                                               "of the agenda %2$u of the %3$u members were present.")
                                                           /* Translators: the same in the Forum's minutes */
                                                           : _("The quorum was lost during the meeting: from item %1$u "
                                                               "of the agenda %2$u of the %3$u member organisations "
                                                               "were represented."),
                                               lost_at, lost_present, m->members->len);

      wsp_document_add_paragraph (doc, WSP_PARAGRAPH_BODY, text);
    }

  wsp_document_add_heading (doc, 2, council (m) ? _("Proceedings")
                                                /* Translators: a heading of the Forum's minutes (Polish: Przebieg spotkania) */
                                                : _("Proceedings of the meeting"));
  for (guint i = 0; i < items->len; i++)
    {
      WspRecord *item = g_ptr_array_index (items, i);
      g_autofree char *heading = g_strdup_printf ("%u. %s", i + 1, wsp_record_get_string (item, "title"));
      g_autoptr (GPtrArray) ballots = NULL;
      const char *notes = wsp_record_get_string (item, "notes");
      const char *presenter = wsp_record_get_string (item, "presenter");

      wsp_document_add_heading (doc, 3, heading);
      if (presenter != NULL)
        /* Translators: before who presented an agenda item, written as typed (no gender known;
         * Polish: Przedstawił(a):) */
        wsp_document_add_labelled (doc, _("Presented by:"), presenter);
      if (notes != NULL && *notes != '\0')
        wsp_document_add_paragraph (doc, WSP_PARAGRAPH_BODY, notes);
      ballots = wsp_builder_query (m->store, WSP_TYPE_BALLOT, "agenda_item_id", wsp_record_get_id (item), error);
      if (ballots == NULL)
        return FALSE;
      if (!add_decisions (m, doc, wsp_record_get_string (item, "draft_id"), drafts_done, error))
        return FALSE;
      g_ptr_array_sort (ballots, by_opened);
      g_hash_table_remove_all (corrected);
      for (guint j = 0; j < ballots->len; j++)
        if (wsp_record_get_string (g_ptr_array_index (ballots, j), "corrects") != NULL)
          g_hash_table_add (corrected, (gpointer) wsp_record_get_string (g_ptr_array_index (ballots, j), "corrects"));
      for (guint j = 0; j < ballots->len; j++)
        {
          WspRecord *ballot = g_ptr_array_index (ballots, j);

          /* A vote prepared but never opened, or one that a later vote
           * corrects, is left out. */
          if (wsp_record_get_string (ballot, "opened_at") == NULL
              || g_hash_table_contains (corrected, wsp_record_get_id (ballot)))
            continue;
          if (!add_ballot (m, doc, item, ballot, error))
            return FALSE;
        }
      if (!add_opinions (m, doc, item, error) || !add_elections (m, doc, item, error))
        return FALSE;
      if ((notes == NULL || *notes == '\0') && ballots->len == 0 && presenter == NULL)
        /* Translators: in the minutes, under an item with nothing recorded */
        wsp_document_add_paragraph (doc, WSP_PARAGRAPH_NOTE, _("No notes were recorded for this item."));
    }
  return TRUE;
}

/* ---- approval and corrections ---------------------------------------------- */

static char *
approval_line (Minutes *m)
{
  g_autoptr (WspRecord) ballot = wsp_builder_get_optional (m->store, wsp_record_get_string (m->meeting,
                                                                                             "minutes_ballot_id"));
  g_autoptr (WspRecord) item = NULL;
  g_autoptr (WspRecord) next = NULL;
  g_autofree char *of = NULL;
  g_autofree char *number = NULL;

  if (wsp_meeting_get_status (m->meeting) != WSP_MEETING_MINUTES_APPROVED)
    /* Translators: the status of draft minutes, near their top */
    return g_strdup (council (m) ? _("a draft, to be approved at the next meeting.")
                                 /* Translators: the status of the Forum's draft minutes (Polish: spotkanie) */
                                 : _("a draft, to be approved at the next meeting of the Forum."));
  if (ballot != NULL)
    item = wsp_builder_get_optional (m->store, wsp_record_get_string (ballot, "agenda_item_id"));
  if (item != NULL)
    next = wsp_builder_get_optional (m->store, wsp_record_get_string (item, "meeting_id"));
  if (next == NULL)
    return g_strdup (_("approved."));
  {
    g_autoptr (WspRecord) body = wsp_builder_get_optional (m->store, wsp_record_get_string (next, "body_id"));
    g_autoptr (GDateTime) starts = wsp_builder_time (next, "starts_at");
    g_autofree char *date = starts != NULL ? wsp_builder_date (starts) : g_strdup ("");
    int n = (int) wsp_record_get_int (next, "number");

    of = wsp_builder_is_council (body)
           /* Translators: the minutes were approved at …; %1$d the meeting's number, %2$s its date */
           ? g_strdup_printf (_("at Council meeting no. %1$d on %2$s"), n, date)
           /* Translators: the minutes were approved at …; %1$d the meeting's number, %2$s its date */
           : g_strdup_printf (_("at Forum meeting no. %1$d on %2$s"), n, date);
  }
  number = wsp_record_get_string (ballot, "resolution_number") != NULL
             ? g_strdup (wsp_record_get_string (ballot, "resolution_number"))
             : NULL;
  if (number != NULL)
    /* Translators: %1$s "at Council meeting no. 9 on 3 December 2026", %2$s the resolution's number */
    return g_strdup_printf (_("approved %1$s (resolution no. %2$s)."), of, number);
  /* Translators: %s "at Council meeting no. 9 on 3 December 2026" */
  return g_strdup_printf (_("approved %s."), of);
}

static gboolean
add_corrections (Minutes      *m,
                 WspDocument  *doc,
                 GPtrArray    *items,
                 GError      **error)
{
  g_autoptr (GPtrArray) corrections = wsp_minutes_corrections (m->store, wsp_record_get_id (m->meeting), error);

  if (corrections == NULL)
    return FALSE;
  if (corrections->len == 0)
    return TRUE;
  /* Translators: a heading of the minutes: what was corrected after they were approved (Polish: Errata) */
  wsp_document_add_heading (doc, 2, _("Corrections"));
  for (guint i = 0; i < corrections->len; i++)
    {
      WspRecord *correction = g_ptr_array_index (corrections, i);
      g_autoptr (GDateTime) at = wsp_builder_time (correction, "recorded_at");
      g_autofree char *date = at != NULL ? wsp_builder_date (at) : g_strdup ("");
      g_autofree char *lead = NULL;
      guint position = 0;

      for (guint j = 0; j < items->len; j++)
        if (g_strcmp0 (wsp_record_get_id (g_ptr_array_index (items, j)),
                       wsp_record_get_string (correction, "agenda_item_id")) == 0)
          position = j + 1;
      lead = position > 0
               /* Translators: in the minutes, before a correction's text: when and to which item */
               ? g_strdup_printf (_("Correction of %1$s, to item %2$u:"), date, position)
               /* Translators: in the minutes, before a correction's text: when */
               : g_strdup_printf (_("Correction of %s:"), date);
      wsp_document_add_labelled (doc, lead, wsp_record_get_string (correction, "text"));
    }
  return TRUE;
}

/* ---- the document ----------------------------------------------------------- */

/**
 * wsp_build_minutes:
 * @store: the store
 * @meeting_id: a meeting that was held
 * @options: (nullable): settings
 * @error: where to say why there is no document
 *
 * Returns: (transfer full): the minutes, or %NULL with @error
 *   (%WSP_OUTPUT_ERROR_NOT_APPLICABLE for a meeting not held yet)
 */
WspDocument *
wsp_build_minutes (WspStore              *store,
                   const char            *meeting_id,
                   const WspBuildOptions *options,
                   GError               **error)
{
  g_auto (Minutes) m = { .store = store };
  g_autoptr (WspDocument) doc = NULL;
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GDateTime) starts = NULL;
  g_autoptr (GDateTime) ends = NULL;
  g_autofree char *date = NULL;
  g_autofree char *city = NULL;
  g_autofree char *of = NULL;
  g_autofree char *day = NULL;
  g_autofree char *where = NULL;
  g_autofree char *approval = NULL;
  g_autofree char *chair_name = NULL;
  g_autofree char *taker_name = NULL;
  WspMemberEntry *chair;
  g_autoptr (WspRecord) chair_person = NULL;
  g_autoptr (WspRecord) taker_person = NULL;
  WspMemberEntry *taker;
  WspMeetingStatus status;

  m.meeting = wsp_builder_get (store, meeting_id, "meeting", _("Minutes"), error);
  if (m.meeting == NULL)
    return NULL;
  status = wsp_meeting_get_status (m.meeting);
  if (status != WSP_MEETING_HELD && status != WSP_MEETING_MINUTES_APPROVED)
    {
      g_autofree char *title = wsp_meeting_dup_title (m.meeting);

      g_set_error (error, WSP_OUTPUT_ERROR, WSP_OUTPUT_ERROR_NOT_APPLICABLE,
                   status == WSP_MEETING_CANCELLED
                     /* Translators: %s the meeting ("Meeting IX") */
                     ? _("%s was cancelled, so it has no minutes.")
                     /* Translators: %s the meeting ("Meeting IX") */
                     : _("%s has not been held yet, so it has no minutes. Mark it as held once it has taken place."),
                   title);
      return NULL;
    }
  m.body = wsp_builder_get_optional (store, wsp_record_get_string (m.meeting, "body_id"));
  starts = wsp_builder_time (m.meeting, "starts_at");
  if (m.body == NULL || starts == NULL)
    {
      g_set_error_literal (error, WSP_OUTPUT_ERROR, WSP_OUTPUT_ERROR_MISSING,
                           _("The meeting has no body or no date, so its members cannot be listed."));
      return NULL;
    }
  ends = wsp_builder_time (m.meeting, "ends_at");
  wsp_membership_body_rules (m.body, &m.rules);
  date = g_strndup (wsp_record_get_string (m.meeting, "starts_at"), 10);
  m.members = wsp_builder_members_on (store, m.body, date, error);
  if (m.members == NULL)
    return NULL;
  m.by_seat = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < m.members->len; i++)
    {
      WspMemberEntry *entry = g_ptr_array_index (m.members, i);

      g_hash_table_insert (m.by_seat, (gpointer) wsp_record_get_id (entry->seat), entry);
    }
  m.attendance_records = wsp_builder_query (store, WSP_TYPE_ATTENDANCE, "meeting_id", meeting_id, error);
  if (m.attendance_records == NULL)
    return NULL;
  m.attendance = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < m.attendance_records->len; i++)
    {
      WspRecord *row = g_ptr_array_index (m.attendance_records, i);

      if (wsp_record_get_string (row, "seat_id") != NULL)
        g_hash_table_insert (m.attendance, (gpointer) wsp_record_get_string (row, "seat_id"), row);
    }
  items = wsp_builder_query (store, WSP_TYPE_AGENDA_ITEM, "meeting_id", meeting_id, error);
  if (items == NULL)
    return NULL;
  m.attachments = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (m.attachments, g_strdup (_("Attendance list")));

  city = wsp_builder_city (options, m.body);
  of = wsp_builder_meeting_of (m.meeting, m.body);
  day = wsp_builder_date (starts);
  where = wsp_builder_dup_place (store, m.meeting);
  chair = wsp_builder_officer (m.members, "chair");
  taker = wsp_builder_officer (m.members, "secretary");
  /* Who chaired and who took the minutes, as the meeting says; else the
   * body's chair and secretary of the day. */
  chair_person = wsp_builder_get_optional (store, wsp_record_get_string (m.meeting, "chaired_by_id"));
  if (chair_person == NULL && chair != NULL && chair->person != NULL)
    chair_person = g_object_ref (chair->person);
  taker_person = wsp_builder_get_optional (store, wsp_record_get_string (m.meeting, "minutes_by_id"));
  if (taker_person == NULL && taker != NULL && taker->person != NULL)
    taker_person = g_object_ref (taker->person);
  chair_name = chair_person != NULL ? g_strdup (wsp_record_get_string (chair_person, "name"))
               : chair != NULL      ? wsp_builder_member_name (chair)
                                    : NULL;
  taker_name = taker_person != NULL ? g_strdup (wsp_record_get_string (taker_person, "name"))
               : taker != NULL      ? wsp_builder_member_name (taker)
                                    : NULL;

  doc = wsp_document_new ();
  wsp_document_set_title_block (doc, wsp_record_get_string (m.body, "name"), city, _("Minutes"), of, day, NULL);
  approval = approval_line (&m);
  if (status != WSP_MEETING_MINUTES_APPROVED)
    {
      g_autofree char *footer = g_strdup_printf ("%s · %s", wsp_record_get_string (m.body, "name"),
                                                 /* Translators: in the footer of minutes not approved yet */
                                                 _("draft minutes"));

      wsp_document_set_footer (doc, footer);
    }
  wsp_document_add_labelled (doc, _("Status:"), approval);
  if (g_strcmp0 (wsp_record_get_string (m.meeting, "kind"), "extraordinary") == 0)
    wsp_document_add_labelled (doc, _("Kind of meeting:"), _("extraordinary"));
  {
    g_autofree char *from = wsp_builder_clock (starts);
    g_autofree char *until = ends != NULL ? wsp_builder_clock (ends) : NULL;
    g_autofree char *when = until != NULL
                              /* Translators: when a meeting ran: its date, from a time to a time */
                              ? g_strdup_printf (_("%1$s, from %2$s to %3$s"), day, from, until)
                              /* Translators: when a meeting ran: its date, from a time */
                              : g_strdup_printf (_("%1$s, from %2$s"), day, from);

    wsp_document_add_labelled (doc, _("Held:"), when);
  }
  if (where != NULL)
    wsp_document_add_labelled (doc, _("Place:"), where);
  if (chair_name != NULL)
    {
      gboolean known = FALSE;
      gboolean woman = wsp_builder_person_form (chair_person, &known) == WSP_FORM_FEMININE && known;

      wsp_document_add_labelled (doc,
                                 /* Translators: in the minutes, before the name of a woman who chaired
                                  * (Polish: Przewodnicząca obrad:) */
                                 woman ? C_ ("label, feminine", "Chaired by:")
                                       /* Translators: before the name of a man who chaired (Polish: Przewodniczący obrad:) */
                                       : C_ ("label, masculine", "Chaired by:"),
                                 chair_name);
    }
  if (taker_name != NULL)
    {
      gboolean known = FALSE;
      gboolean woman = wsp_builder_person_form (taker_person, &known) == WSP_FORM_FEMININE && known;

      wsp_document_add_labelled (doc,
                                 /* Translators: before the name of a woman who took the minutes (Polish: Protokolantka:) */
                                 woman ? C_ ("label, feminine", "Minutes taken by:")
                                       /* Translators: before the name of a man who took the minutes (Polish: Protokolant:) */
                                       : C_ ("label, masculine", "Minutes taken by:"),
                                 taker_name);
    }

  if (!add_attendance (&m, doc, error))
    return NULL;
  if (!add_proceedings (&m, doc, items, error))
    return NULL;
  if (!add_corrections (&m, doc, items, error))
    return NULL;

  wsp_document_add_heading (doc, 2, _("Attachments"));
  g_ptr_array_add (m.attachments, NULL);
  wsp_document_add_list (doc, TRUE, (const char * const *) m.attachments->pdata);

  wsp_document_add_signatures (doc,
                               (const char *[]){ wsp_builder_chair_signature (m.body, chair_person),
                                                 wsp_builder_minute_taker (taker_person),
                                                 NULL },
                               (const char *[]){ chair_name != NULL ? chair_name : "",
                                                 taker_name != NULL ? taker_name : "", NULL });
  return g_steal_pointer (&doc);
}
