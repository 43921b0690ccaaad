/* wsp-minutes.c — the minutes of a meeting: approved by a vote at the next one, corrected after
 *
 * The minutes of a held meeting are a draft: the notes of its items can
 * still be finished (wsp_meeting_status_allows()). They are approved by a
 * vote at the body's next meeting, on its item "Przyjęcie protokołu
 * z poprzedniego posiedzenia" (an item of the kind "minutes_approval", or
 * one with that title): when that vote closes passed, the meeting's status
 * follows (held → minutes approved) and the meeting names the vote. Then
 * the minutes are frozen: what is found wrong later is a correction
 * (erratum), an append-only record shown with them, never an edit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "domain/wsp-meetings.h"
#include "domain/wsp-minutes.h"
#include "records/wsp-entities.h"
#include "records/wsp-records-meetings.h"
#include "records/wsp-records-votes.h"
#include "rules/wsp-rules.h"

/* clang-format off */
G_DEFINE_QUARK (wsp-minutes-error-quark, wsp_minutes_error)
/* clang-format on */

/* Whether @item approves the minutes of the meeting before its own: its
 * kind says so, or its title (agendas typed before the kind existed). */
gboolean
wsp_minutes_is_approval_item (WspRecord *item)
{
  const char *title = wsp_record_get_string (item, "title");
  g_autofree char *folded = title != NULL ? g_utf8_casefold (title, -1) : NULL;

  if (g_strcmp0 (wsp_record_get_string (item, "kind"), "minutes_approval") == 0)
    return TRUE;
  return folded != NULL
         && (g_str_has_prefix (folded, "przyjęcie protokołu") || g_str_has_prefix (folded, "zatwierdzenie protokołu")
             || g_str_has_prefix (folded, "approval of the minutes"));
}

/**
 * wsp_minutes_adjacent_meeting:
 * @store: the store
 * @meeting: a meeting
 * @next: the next meeting of its body (%TRUE) or the one before (%FALSE)
 * @error: where to say why the meetings could not be read
 *
 * Cancelled meetings and meetings without a start are passed over.
 *
 * Returns: (transfer full) (nullable): the meeting, or %NULL (with @error
 *   unset when there is none)
 */
WspRecord *
wsp_minutes_adjacent_meeting (WspStore   *store,
                              WspRecord  *meeting,
                              gboolean    next,
                              GError    **error)
{
  g_autoptr (GPtrArray) meetings = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GDateTime) at = NULL;
  g_autoptr (GDateTime) best_at = NULL;
  WspRecord *best = NULL;
  const char *starts = wsp_record_get_string (meeting, "starts_at");

  if (starts == NULL || (at = g_date_time_new_from_iso8601 (starts, NULL)) == NULL)
    return NULL;
  if (!wsp_store_query (store, WSP_TYPE_MEETING, "body_id", wsp_record_get_string (meeting, "body_id"), meetings,
                        error))
    return NULL;
  for (guint i = 0; i < meetings->len; i++)
    {
      WspRecord *other = g_ptr_array_index (meetings, i);
      const char *other_starts = wsp_record_get_string (other, "starts_at");
      g_autoptr (GDateTime) other_at = other_starts != NULL ? g_date_time_new_from_iso8601 (other_starts, NULL)
                                                            : NULL;
      int order;

      if (other_at == NULL || g_str_equal (wsp_record_get_id (other), wsp_record_get_id (meeting))
          || wsp_meeting_get_status (other) == WSP_MEETING_CANCELLED)
        continue;
      order = g_date_time_compare (other_at, at);
      if ((next && order <= 0) || (!next && order >= 0))
        continue;
      if (best == NULL || (next ? g_date_time_compare (other_at, best_at) < 0
                                : g_date_time_compare (other_at, best_at) > 0))
        {
          best = other;
          g_clear_pointer (&best_at, g_date_time_unref);
          best_at = g_date_time_ref (other_at);
        }
    }
  return best != NULL ? g_object_ref (best) : NULL;
}

static gboolean
ballot_passed (WspRecord *ballot)
{
  const char *verdict = wsp_record_get_string (ballot, "verdict");

  return wsp_record_get_string (ballot, "closed_at") != NULL && verdict != NULL
         && wsp_verdict_is_passed (wsp_choice_value (wsp_verdict_choices, verdict, WSP_VERDICT_REJECTED));
}

/**
 * wsp_minutes_find_approval:
 * @store: the store
 * @meeting: a held meeting
 * @error: where to say why the records could not be read
 *
 * Returns: (transfer full) (nullable): the closed, passed vote on the item
 *   of the body's next meeting that approves @meeting's minutes; %NULL
 *   when there is none yet (the first such vote when there are more)
 */
WspRecord *
wsp_minutes_find_approval (WspStore   *store,
                           WspRecord  *meeting,
                           GError    **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (WspRecord) next = wsp_minutes_adjacent_meeting (store, meeting, TRUE, &local_error);
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (next == NULL)
    return NULL;
  if (!wsp_store_query (store, WSP_TYPE_AGENDA_ITEM, "meeting_id", wsp_record_get_id (next), items, error))
    return NULL;
  for (guint i = 0; i < items->len; i++)
    {
      WspRecord *item = g_ptr_array_index (items, i);
      g_autoptr (GPtrArray) ballots = g_ptr_array_new_with_free_func (g_object_unref);

      if (!wsp_minutes_is_approval_item (item))
        continue;
      if (!wsp_store_query (store, WSP_TYPE_BALLOT, "agenda_item_id", wsp_record_get_id (item), ballots, error))
        return NULL;
      /* A vote corrected by a later one (wsp_voting_correct_ballot()) no longer counts. */
      for (guint j = 0; j < ballots->len; j++)
        {
          WspRecord *ballot = g_ptr_array_index (ballots, j);
          gboolean corrected = FALSE;

          for (guint k = 0; k < ballots->len && !corrected; k++)
            corrected = g_strcmp0 (wsp_record_get_string (g_ptr_array_index (ballots, k), "corrects"),
                                   wsp_record_get_id (ballot)) == 0;
          if (!corrected && ballot_passed (ballot))
            return g_object_ref (ballot);
        }
    }
  return NULL;
}

/* Marks the minutes of @meeting approved by @ballot (NULL: approved
 * otherwise, on paper). */
gboolean
wsp_minutes_approve (WspStore   *store,
                     WspRecord  *meeting,
                     WspRecord  *ballot,
                     GError    **error)
{
  WspMeetingStatus status = wsp_meeting_get_status (meeting);

  if (status != WSP_MEETING_HELD && status != WSP_MEETING_MINUTES_APPROVED)
    {
      g_set_error_literal (error, WSP_MINUTES_ERROR, WSP_MINUTES_ERROR_NOT_HELD,
                           _("The meeting has not been held, so it has no minutes to approve."));
      return FALSE;
    }
  wsp_record_set_string (meeting, "status", wsp_choice_name (wsp_meeting_status_choices, WSP_MEETING_MINUTES_APPROVED));
  if (ballot != NULL)
    wsp_record_set_string (meeting, "minutes_ballot_id", wsp_record_get_id (ballot));
  return wsp_store_save (store, meeting, error);
}

/**
 * wsp_minutes_follow_ballots:
 * @store: the store
 * @n_approved: (out) (optional): how many minutes this approved
 * @error: where to say why not
 *
 * Approves the minutes of every held meeting whose approval vote at the
 * next meeting closed passed (wsp_minutes_find_approval()).
 *
 * Returns: whether all went well
 */
gboolean
wsp_minutes_follow_ballots (WspStore  *store,
                            guint     *n_approved,
                            GError   **error)
{
  g_autoptr (GPtrArray) held = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = 0;

  if (n_approved != NULL)
    *n_approved = 0;
  if (!wsp_store_query (store, WSP_TYPE_MEETING, "status", "held", held, error))
    return FALSE;
  for (guint i = 0; i < held->len; i++)
    {
      WspRecord *meeting = g_ptr_array_index (held, i);
      g_autoptr (GError) local_error = NULL;
      g_autoptr (WspRecord) ballot = wsp_minutes_find_approval (store, meeting, &local_error);

      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (ballot == NULL)
        continue;
      if (!wsp_minutes_approve (store, meeting, ballot, error))
        return FALSE;
      n++;
    }
  if (n_approved != NULL)
    *n_approved = n;
  return TRUE;
}

/**
 * wsp_minutes_record_correction:
 * @store: the store
 * @meeting: a meeting whose minutes were approved
 * @item_id: (nullable): the agenda item the correction is about
 * @text: what the correction says
 * @at: (nullable): when it is recorded (now when %NULL)
 * @error: where to say why it was not recorded
 *
 * Records a correction (erratum) of approved minutes. Minutes still in
 * draft are not corrected: their notes are edited.
 */
gboolean
wsp_minutes_record_correction (WspStore    *store,
                               WspRecord   *meeting,
                               const char  *item_id,
                               const char  *text,
                               GDateTime   *at,
                               GError     **error)
{
  g_autoptr (WspRecord) correction = NULL;
  g_autoptr (GDateTime) now = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_autofree char *when = NULL;

  if (wsp_meeting_get_status (meeting) != WSP_MEETING_MINUTES_APPROVED)
    {
      g_set_error_literal (error, WSP_MINUTES_ERROR, WSP_MINUTES_ERROR_NOT_APPROVED,
                           _("These minutes are not approved yet: change the notes instead of recording a "
                             "correction."));
      return FALSE;
    }
  if (*stripped == '\0')
    {
      g_set_error_literal (error, WSP_MINUTES_ERROR, WSP_MINUTES_ERROR_EMPTY,
                           _("Write what the correction says."));
      return FALSE;
    }
  if (at == NULL)
    at = now = g_date_time_new_now_local ();
  when = wsp_meetings_format_time (at);
  correction = wsp_record_new_for_entity ("minutes_correction", NULL);
  wsp_record_set_string (correction, "meeting_id", wsp_record_get_id (meeting));
  wsp_record_set_string (correction, "agenda_item_id", item_id);
  wsp_record_set_string (correction, "text", stripped);
  wsp_record_set_string (correction, "recorded_at", when);
  return wsp_store_save (store, correction, error);
}

/* The corrections of @meeting_id's minutes, oldest first. */
GPtrArray *
wsp_minutes_corrections (WspStore    *store,
                         const char  *meeting_id,
                         GError     **error)
{
  g_autoptr (GPtrArray) corrections = g_ptr_array_new_with_free_func (g_object_unref);

  if (!wsp_store_query (store, WSP_TYPE_MINUTES_CORRECTION, "meeting_id", meeting_id, corrections, error))
    return NULL;
  return g_steal_pointer (&corrections);
}
