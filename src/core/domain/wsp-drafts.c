/* wsp-drafts.c — what the records of a draft say: deadlines, versions, opinions, authors
 *
 * A draft's deadline is stored as a date, the last day for the opinion
 * (worked out by wsp_opinion_deadline() when the draft is registered or its
 * delivery changes): the opinion is in time until the end of that day.
 * Opinions and comments are append-only; of a chain of corrections the one
 * that counts is the one nothing corrects (wsp_draft_effective_record()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "base/wsp-text.h"
#include "domain/wsp-drafts.h"
#include "domain/wsp-membership.h"
#include "records/wsp-records-drafts.h"
#include "records/wsp-records-meetings.h"
#include "records/wsp-records-members.h"

void
wsp_author_free (WspAuthor *author)
{
  if (author == NULL)
    return;
  g_free (author->id);
  g_free (author->name);
  g_free (author->detail);
  g_free (author);
}

static GPtrArray *
query (WspStore    *store,
       GType        type,
       const char  *field,
       const char  *value,
       GError     **error)
{
  g_autoptr (GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);

  if (!wsp_store_query (store, type, field, value, records, error))
    return NULL;
  return g_steal_pointer (&records);
}

static gboolean
parse_ymd (const char *text,
           int        *year,
           int        *month,
           int        *day)
{
  return text != NULL && strlen (text) >= 10 && sscanf (text, "%4d-%2d-%2d", year, month, day) == 3
         && g_date_valid_dmy ((GDateDay) *day, (GDateMonth) *month, (GDateYear) *year);
}

/* The end of the draft's last day for the opinion (local time), or NULL. */
GDateTime *
wsp_draft_get_deadline (WspRecord *draft)
{
  int year, month, day;

  g_return_val_if_fail (WSP_IS_RECORD (draft), NULL);
  if (!parse_ymd (wsp_record_get_string (draft, "deadline"), &year, &month, &day))
    return NULL;
  return g_date_time_new_local (year, month, day, 23, 59, 59);
}

/**
 * wsp_draft_compute_deadline:
 * @draft: a draft with its kind, the day it was received and, for other
 *   drafts, the days it has (none: the Council's rules)
 *
 * Returns: (transfer full) (nullable): the last day for the opinion as
 *   YYYY-MM-DD, by wsp_opinion_deadline() and the Council's rules; %NULL
 *   when the draft has no day of delivery
 */
char *
wsp_draft_compute_deadline (WspStore  *store,
                            WspRecord *draft)
{
  g_autoptr (WspRecord) council = wsp_membership_find_body (store, "council", NULL);
  g_autoptr (GDateTime) delivered = NULL;
  g_autoptr (GDateTime) deadline = NULL;
  WspBodyRules rules;
  int year, month, day;
  WspDraftKind kind;

  g_return_val_if_fail (WSP_IS_RECORD (draft), NULL);
  if (!parse_ymd (wsp_record_get_string (draft, "received_on"), &year, &month, &day))
    return NULL;
  wsp_membership_body_rules (council, &rules);
  kind = wsp_choice_value (wsp_draft_kind_choices, wsp_record_get_string (draft, "kind"), WSP_DRAFT_KIND_OTHER);
  delivered = g_date_time_new_local (year, month, day, 12, 0, 0);
  deadline = wsp_opinion_deadline (&rules, kind, delivered, (int) wsp_record_get_int (draft, "deadline_days"));
  return g_date_time_format (deadline, "%Y-%m-%d");
}

/* Where @draft stands at @now (see wsp_opinion_state()). */
WspOpinionState
wsp_draft_state (WspRecord *draft,
                 gboolean   opinion_given,
                 GDateTime *now,
                 int       *days_left)
{
  g_autoptr (GDateTime) deadline = wsp_draft_get_deadline (draft);
  gboolean withdrawn = g_strcmp0 (wsp_record_get_string (draft, "status"), "withdrawn") == 0;

  /* A draft recorded as having its opinion, or as waived, without the
   * opinion's record (as older data has it) says so itself. */
  if (!opinion_given && g_strcmp0 (wsp_record_get_string (draft, "status"), "opinion_adopted") == 0)
    opinion_given = TRUE;
  return wsp_opinion_state (deadline, now, opinion_given, withdrawn, days_left);
}

static int
compare_versions (gconstpointer a,
                  gconstpointer b)
{
  WspRecord *x = *(WspRecord **) a, *y = *(WspRecord **) b;
  gint64 nx = wsp_record_get_int (x, "number"), ny = wsp_record_get_int (y, "number");

  if (nx != ny)
    return nx < ny ? -1 : 1;
  return g_strcmp0 (wsp_record_get_id (x), wsp_record_get_id (y));
}

/**
 * wsp_draft_versions:
 *
 * Returns: (transfer full) (element-type WspRecord): the versions of the
 *   draft, the first first; %NULL with @error
 */
GPtrArray *
wsp_draft_versions (WspStore    *store,
                    const char  *draft_id,
                    GError     **error)
{
  GPtrArray *versions = query (store, WSP_TYPE_DRAFT_VERSION, "draft_id", draft_id, error);

  if (versions != NULL)
    g_ptr_array_sort (versions, compare_versions);
  return versions;
}

/* The draft's latest version, or NULL (with @error only when the store
 * could not be read). */
WspRecord *
wsp_draft_latest_version (WspStore    *store,
                          const char  *draft_id,
                          GError     **error)
{
  g_autoptr (GPtrArray) versions = wsp_draft_versions (store, draft_id, error);

  if (versions == NULL || versions->len == 0)
    return NULL;
  return g_object_ref (g_ptr_array_index (versions, versions->len - 1));
}

/**
 * wsp_draft_effective_record:
 * @chain: (element-type WspRecord): append-only records of one kind, some
 *   of which correct others ("corrects")
 *
 * Returns: (transfer none) (nullable): the record that counts: one that no
 *   other corrects; of several (corrections made on two laptops at once,
 *   or records that are no corrections), the latest by its date
 *   ("adopted_on", "submitted_on"), then by id
 */
WspRecord *
wsp_draft_effective_record (GPtrArray *chain)
{
  g_autoptr (GHashTable) corrected = g_hash_table_new (g_str_hash, g_str_equal);
  WspRecord *best = NULL;

  for (guint i = 0; i < chain->len; i++)
    {
      const char *corrects = wsp_record_get_string (g_ptr_array_index (chain, i), "corrects");

      if (corrects != NULL)
        g_hash_table_add (corrected, (gpointer) corrects);
    }
  for (guint i = 0; i < chain->len; i++)
    {
      WspRecord *record = g_ptr_array_index (chain, i);
      const WspEntity *entity = wsp_record_get_entity (record);
      const char *date_field = wsp_entity_find_field (entity, "adopted_on") != NULL ? "adopted_on" : "submitted_on";
      int order;

      if (g_hash_table_contains (corrected, wsp_record_get_id (record)))
        continue;
      if (best == NULL)
        {
          best = record;
          continue;
        }
      /* A correction wins over what it is not a correction of. */
      if ((wsp_record_get_string (record, "corrects") != NULL) != (wsp_record_get_string (best, "corrects") != NULL))
        {
          if (wsp_record_get_string (record, "corrects") != NULL)
            best = record;
          continue;
        }
      order = g_strcmp0 (wsp_record_get_string (record, date_field), wsp_record_get_string (best, date_field));
      if (order > 0 || (order == 0 && g_strcmp0 (wsp_record_get_id (record), wsp_record_get_id (best)) > 0))
        best = record;
    }
  return best;
}

/* The Council's opinion on the draft (the correction that counts), or
 * NULL (with @error only when the store could not be read). */
WspRecord *
wsp_draft_find_opinion (WspStore    *store,
                        const char  *draft_id,
                        GError     **error)
{
  g_autoptr (GPtrArray) opinions = query (store, WSP_TYPE_OPINION, "draft_id", draft_id, error);
  WspRecord *opinion;

  if (opinions == NULL)
    return NULL;
  opinion = wsp_draft_effective_record (opinions);
  return opinion != NULL ? g_object_ref (opinion) : NULL;
}

/**
 * wsp_draft_agenda_items:
 *
 * Returns: (transfer full) (element-type WspRecord): the agenda items that
 *   take the draft (their meetings are their "meeting_id"); %NULL with
 *   @error
 */
GPtrArray *
wsp_draft_agenda_items (WspStore    *store,
                        const char  *draft_id,
                        GError     **error)
{
  return query (store, WSP_TYPE_AGENDA_ITEM, "draft_id", draft_id, error);
}

static int
compare_authors (gconstpointer a,
                 gconstpointer b)
{
  const WspAuthor *x = *(WspAuthor **) a, *y = *(WspAuthor **) b;

  if (x->council != y->council)
    return x->council ? -1 : 1;
  return wsp_text_collate (x->name, y->name);
}

/**
 * wsp_draft_authors:
 * @today: (nullable): YYYY-MM-DD: whose seats are current
 *
 * Returns: (transfer full) (element-type WspAuthor): who may submit
 *   comments: the Council's members now (each with the organisation or
 *   side they sit for), then every organisation, by name; %NULL with @error
 */
GPtrArray *
wsp_draft_authors (WspStore    *store,
                   const char  *today,
                   GError     **error)
{
  g_autoptr (GPtrArray) authors = g_ptr_array_new_with_free_func ((GDestroyNotify) wsp_author_free);
  g_autoptr (GPtrArray) organisations = NULL;
  g_autoptr (WspRecord) council = NULL;
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GError) local_error = NULL;

  council = wsp_membership_find_body (store, "council", &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (council != NULL)
    {
      g_autoptr (WspRecord) term = wsp_membership_current_term (store, wsp_record_get_id (council), today, NULL);
      g_autoptr (GPtrArray) seats = term != NULL ? wsp_membership_seats (store, wsp_record_get_id (term), FALSE, today, NULL)
                                                 : NULL;

      for (guint i = 0; seats != NULL && i < seats->len; i++)
        {
          WspRecord *seat = g_ptr_array_index (seats, i);
          const char *person_id = wsp_record_get_string (seat, "person_id");
          const char *org_id = wsp_record_get_string (seat, "organisation_id");
          g_autoptr (WspRecord) person = person_id != NULL ? wsp_store_get (store, person_id, NULL) : NULL;
          g_autoptr (WspRecord) org = org_id != NULL ? wsp_store_get (store, org_id, NULL) : NULL;
          WspAuthor *author;

          if (person == NULL || wsp_record_get_string (person, "name") == NULL
              || g_hash_table_contains (seen, person_id))
            continue;
          g_hash_table_add (seen, g_strdup (person_id));
          author = g_new0 (WspAuthor, 1);
          author->id = g_strdup (person_id);
          author->council = TRUE;
          if (org != NULL && wsp_record_get_string (org, "name") != NULL)
            {
              /* Translators: an author of comments: a person and the organisation they sit for */
              author->name = g_strdup_printf (_("%1$s (%2$s)"), wsp_record_get_string (person, "name"),
                                              wsp_record_get_string (org, "name"));
              author->detail = g_strdup (wsp_record_get_string (org, "name"));
            }
          else
            {
              author->name = g_strdup (wsp_record_get_string (person, "name"));
              author->detail = g_strdup (wsp_choice_label (wsp_side_choices, wsp_record_get_string (seat, "side")));
            }
          g_ptr_array_add (authors, author);
        }
    }

  organisations = query (store, WSP_TYPE_ORGANISATION, NULL, NULL, error);
  if (organisations == NULL)
    return NULL;
  for (guint i = 0; i < organisations->len; i++)
    {
      WspRecord *org = g_ptr_array_index (organisations, i);
      WspAuthor *author;

      if (wsp_record_get_string (org, "name") == NULL)
        continue;
      author = g_new0 (WspAuthor, 1);
      author->id = g_strdup (wsp_record_get_id (org));
      author->name = g_strdup (wsp_record_get_string (org, "name"));
      author->detail = g_strdup (wsp_record_get_string (org, "short_name"));
      g_ptr_array_add (authors, author);
    }
  g_ptr_array_sort (authors, compare_authors);
  return g_steal_pointer (&authors);
}

static int
compare_deadlines (gconstpointer a,
                   gconstpointer b)
{
  WspRecord *x = *(WspRecord **) a, *y = *(WspRecord **) b;

  return g_strcmp0 (wsp_record_get_string (x, "deadline"), wsp_record_get_string (y, "deadline"));
}

/**
 * wsp_drafts_due_soon:
 * @now: the time to judge at
 * @within_days: how many days ahead (WSP_OPINION_REMINDER_DAYS)
 *
 * Returns: (transfer full) (element-type WspRecord): the drafts whose
 *   opinion is still to be given and due within @within_days days (not
 *   those withdrawn), the soonest first; %NULL with @error
 */
GPtrArray *
wsp_drafts_due_soon (WspStore    *store,
                     GDateTime   *now,
                     guint        within_days,
                     GError     **error)
{
  g_autoptr (GPtrArray) drafts = query (store, WSP_TYPE_DRAFT, NULL, NULL, error);
  g_autoptr (GPtrArray) opinions = NULL;
  g_autoptr (GHashTable) given = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *due;

  if (drafts == NULL)
    return NULL;
  opinions = query (store, WSP_TYPE_OPINION, NULL, NULL, error);
  if (opinions == NULL)
    return NULL;
  for (guint i = 0; i < opinions->len; i++)
    {
      const char *draft_id = wsp_record_get_string (g_ptr_array_index (opinions, i), "draft_id");

      if (draft_id != NULL)
        g_hash_table_add (given, (gpointer) draft_id);
    }
  due = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < drafts->len; i++)
    {
      WspRecord *draft = g_ptr_array_index (drafts, i);
      g_autoptr (GDateTime) deadline = wsp_draft_get_deadline (draft);
      gboolean has_opinion = g_hash_table_contains (given, wsp_record_get_id (draft));
      WspOpinionState state = wsp_draft_state (draft, has_opinion, now, NULL);

      if ((state == WSP_OPINION_STATE_OPEN || state == WSP_OPINION_STATE_DUE_TODAY)
          && wsp_opinion_due_soon (deadline, now, FALSE, within_days))
        g_ptr_array_add (due, g_object_ref (draft));
    }
  g_ptr_array_sort (due, compare_deadlines);
  return due;
}

/* The number the Council's next resolution in @year would have ("3/2027"),
 * after the opinions already numbered. */
char *
wsp_draft_next_opinion_number (WspStore    *store,
                               int          year,
                               GError     **error)
{
  g_autoptr (GPtrArray) opinions = query (store, WSP_TYPE_OPINION, NULL, NULL, error);
  g_autoptr (GPtrArray) numbers = g_ptr_array_new ();

  if (opinions == NULL)
    return NULL;
  for (guint i = 0; i < opinions->len; i++)
    {
      const char *number = wsp_record_get_string (g_ptr_array_index (opinions, i), "number");

      if (number != NULL)
        g_ptr_array_add (numbers, (gpointer) number);
    }
  g_ptr_array_add (numbers, NULL);
  return wsp_resolution_number (wsp_resolution_next_sequence ((const char * const *) numbers->pdata, year), year);
}

/**
 * wsp_draft_record_decision:
 * @comment_root_id: the first comment of the chain (its corrections share
 *   its decision)
 * @decision: "accepted", "partly_accepted", "rejected", "withdrawn" (or
 *   "pending": undecided again)
 * @reason: (nullable): why
 * @meeting_id: (nullable): the meeting that decided
 * @ballot_id: (nullable): the vote that took the decision
 * @decided_on: (nullable): YYYY-MM-DD
 *
 * Records the Council's decision on a comment: the comment's decision
 * record (wsp_decision_id_for_comment()) is made, or changed when there is
 * one. Made on two laptops, the two decisions are versions of one record.
 */
gboolean
wsp_draft_record_decision (WspStore    *store,
                           const char  *draft_id,
                           const char  *comment_root_id,
                           const char  *decision,
                           const char  *reason,
                           const char  *meeting_id,
                           const char  *ballot_id,
                           const char  *decided_on,
                           GError     **error)
{
  g_autofree char *id = wsp_decision_id_for_comment (comment_root_id);
  g_autoptr (WspRecord) record = wsp_store_get (store, id, NULL);

  if (record == NULL)
    {
      record = g_object_new (WSP_TYPE_DECISION, "id", id, NULL);
      wsp_record_set_string (record, "comment_id", comment_root_id);
      wsp_record_set_string (record, "draft_id", draft_id);
    }
  wsp_record_set_string (record, "decision", decision);
  wsp_record_set_string (record, "reason", reason != NULL && reason[0] != '\0' ? reason : NULL);
  wsp_record_set_string (record, "meeting_id", meeting_id);
  wsp_record_set_string (record, "ballot_id", ballot_id);
  wsp_record_set_string (record, "decided_on", decided_on);
  return wsp_store_save (store, record, error);
}

/**
 * wsp_draft_resolve_decision:
 * @decision: a decision recorded differently on two laptops
 * @rev_id: the version to keep (a candidate's rev_id, see
 *   wsp_store_dup_conflicts())
 *
 * Keeps that laptop's values of every field in conflict, as the person
 * chose; the resolution travels to the other laptops.
 */
gboolean
wsp_draft_resolve_decision (WspStore    *store,
                            WspRecord   *decision,
                            const char  *rev_id,
                            GError     **error)
{
  g_autoptr (GPtrArray) conflicts = wsp_store_dup_conflicts (store, wsp_record_get_id (decision), error);
  g_autoptr (WspRecord) fresh = NULL;

  if (conflicts == NULL)
    return FALSE;
  fresh = wsp_store_get (store, wsp_record_get_id (decision), error);
  if (fresh == NULL)
    return FALSE;
  for (guint i = 0; i < conflicts->len; i++)
    {
      WspConflict *conflict = g_ptr_array_index (conflicts, i);

      if (conflict->field == NULL)
        continue;
      for (guint k = 0; k < conflict->candidates->len; k++)
        {
          WspCandidate *candidate = g_ptr_array_index (conflict->candidates, k);

          if (g_strcmp0 (candidate->rev_id, rev_id) != 0)
            continue;
          if (candidate->value != NULL)
            wsp_record_set_value (fresh, conflict->field, json_node_copy (candidate->value));
          else
            wsp_record_set_value (fresh, conflict->field, NULL);
        }
    }
  return wsp_store_resolve (store, fresh, error);
}
