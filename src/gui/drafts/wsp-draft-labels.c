/* wsp-draft-labels.c — how the Drafts & Opinions view says where a draft stands, and a decision
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "drafts/wsp-draft-labels.h"
#include "domain/wsp-drafts.h"
#include "domain/wsp-membership.h"
#include "records/wsp-records-drafts.h"
#include "records/wsp-records-meetings.h"
#include "records/wsp-records-votes.h"

/* "Due in 3 days", "Due today", "Deemed waived", "Opinion 5/2026: positive". */
char *
wsp_draft_state_text (WspOpinionState  state,
                      int              days_left,
                      WspRecord       *opinion)
{
  switch (state)
    {
    case WSP_OPINION_STATE_OPEN:
      return g_strdup_printf (ngettext ("Due in %d day", "Due in %d days", days_left), days_left);
    case WSP_OPINION_STATE_DUE_TODAY:
      return g_strdup (_("Due today"));
    case WSP_OPINION_STATE_WAIVED:
      /* Translators: the deadline passed without an opinion (art. 41i ust. 2) */
      return g_strdup (_("Deemed waived"));
    case WSP_OPINION_STATE_WITHDRAWN:
      return g_strdup (C_ ("draft", "Withdrawn"));
    case WSP_OPINION_STATE_GIVEN:
    default:
      {
        const char *verdict = opinion != NULL ? wsp_record_get_string (opinion, "verdict") : NULL;
        const char *number = opinion != NULL ? wsp_record_get_string (opinion, "number") : NULL;
        const char *label = verdict != NULL ? wsp_choice_label (wsp_opinion_verdict_choices, verdict) : NULL;

        if (label != NULL && number != NULL)
          /* Translators: a draft's state: the opinion's number and verdict, "Opinion 5/2026: positive with remarks" */
          return g_strdup_printf (_("Opinion %1$s: %2$s"), number, label);
        if (label != NULL)
          /* Translators: a draft's state: the opinion's verdict */
          return g_strdup_printf (_("Opinion: %s"), label);
        return g_strdup (_("Opinion adopted"));
      }
    }
}

/* The badge's colour: red when due within the reminder's days or waived. */
const char *
wsp_draft_state_css_class (WspOpinionState state,
                           int             days_left)
{
  switch (state)
    {
    case WSP_OPINION_STATE_OPEN:
      return days_left <= WSP_OPINION_REMINDER_DAYS ? "wsp-badge-warning" : "wsp-badge-accent";
    case WSP_OPINION_STATE_DUE_TODAY:
    case WSP_OPINION_STATE_WAIVED:
      return "wsp-badge-error";
    case WSP_OPINION_STATE_GIVEN:
      return "wsp-badge-success";
    case WSP_OPINION_STATE_WITHDRAWN:
    default:
      return "wsp-badge-neutral";
    }
}

const char *
wsp_decision_css_class (WspCommentDecision decision)
{
  switch (decision)
    {
    case WSP_COMMENT_ACCEPTED:
      return "wsp-badge-success";
    case WSP_COMMENT_PARTLY_ACCEPTED:
      return "wsp-badge-accent";
    case WSP_COMMENT_REJECTED:
      return "wsp-badge-error";
    case WSP_COMMENT_WITHDRAWN:
    case WSP_COMMENT_PENDING:
    default:
      return "wsp-badge-neutral";
    }
}

/* How the view names a unit: its citation, or what the preamble and the
 * justification are. */
char *
wsp_draft_unit_title (const WspDraftUnit *unit)
{
  if (unit->kind == WSP_UNIT_PREAMBLE)
    /* Translators: the unit of a draft before its first § */
    return g_strdup (_("Title and legal basis"));
  if (unit->kind == WSP_UNIT_JUSTIFICATION)
    return g_strdup (_("Justification"));
  return g_strdup (unit->name);
}

/* YYYY-MM-DD in the locale's way of writing a date. */
char *
wsp_draft_format_date (const char *ymd)
{
  int y, m, d;
  g_autoptr (GDateTime) day = NULL;

  if (ymd == NULL || sscanf (ymd, "%4d-%2d-%2d", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    return g_strdup (ymd != NULL ? ymd : "");
  day = g_date_time_new_local (y, m, d, 12, 0, 0);
  return g_date_time_format (day, "%x");
}

/* A small coloured label. */
GtkWidget *
wsp_draft_badge_new (const char *text,
                     const char *css_class)
{
  GtkWidget *badge = gtk_label_new (text);

  gtk_widget_add_css_class (badge, "wsp-badge");
  gtk_widget_add_css_class (badge, css_class);
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_set_halign (badge, GTK_ALIGN_START);
  gtk_label_set_ellipsize (GTK_LABEL (badge), PANGO_ELLIPSIZE_END);
  return badge;
}

static void
set_choices (AdwComboRow *row,
             GPtrArray   *labels,
             guint        selected)
{
  g_autoptr (GtkStringList) model = gtk_string_list_new (NULL);

  for (guint i = 0; i < labels->len; i++)
    gtk_string_list_append (model, g_ptr_array_index (labels, i));
  adw_combo_row_set_model (row, G_LIST_MODEL (model));
  adw_combo_row_set_selected (row, selected);
}

/**
 * wsp_draft_fill_meetings:
 * @selected_id: (nullable): the meeting to choose
 *
 * Offers "none" and the Council's meetings, the latest first.
 *
 * Returns: (transfer full): the meetings' ids by row (the first NULL)
 */
GPtrArray *
wsp_draft_fill_meetings (AdwComboRow *row,
                         WspStore    *store,
                         const char  *selected_id)
{
  g_autoptr (WspRecord) council = wsp_membership_find_body (store, "council", NULL);
  g_autoptr (GPtrArray) meetings = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  guint selected = 0;

  /* Translators: in a choice of meetings: none */
  g_ptr_array_add (labels, g_strdup (_("No meeting")));
  g_ptr_array_add (ids, NULL);
  if (council != NULL)
    wsp_store_query (store, WSP_TYPE_MEETING, "body_id", wsp_record_get_id (council), meetings, NULL);
  for (guint i = 0; i < meetings->len; i++)
    {
      WspRecord *meeting = g_ptr_array_index (meetings, i);
      g_autofree char *when = wsp_record_format_field (meeting, "starts_at");
      int number = (int) wsp_record_get_int (meeting, "number");

      if (number > 0)
        /* Translators: a Council meeting in a choice: its number and when */
        g_ptr_array_add (labels, g_strdup_printf (_("Meeting no. %1$d, %2$s"), number, when != NULL ? when : ""));
      else
        g_ptr_array_add (labels, g_strdup (when != NULL ? when : ""));
      g_ptr_array_add (ids, g_strdup (wsp_record_get_id (meeting)));
      if (g_strcmp0 (selected_id, wsp_record_get_id (meeting)) == 0)
        selected = ids->len - 1;
    }
  set_choices (row, labels, selected);
  return ids;
}

/**
 * wsp_draft_fill_ballots:
 * @meeting_id: (nullable): the meeting whose votes to offer
 * @selected_id: (nullable): the vote to choose
 *
 * Offers "none" and the votes taken at the meeting.
 *
 * Returns: (transfer full): the ballots' ids by row (the first NULL)
 */
GPtrArray *
wsp_draft_fill_ballots (AdwComboRow *row,
                        WspStore    *store,
                        const char  *meeting_id,
                        const char  *selected_id)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  guint selected = 0;

  /* Translators: in a choice of votes: none */
  g_ptr_array_add (labels, g_strdup (_("No vote")));
  g_ptr_array_add (ids, NULL);
  if (meeting_id != NULL)
    wsp_store_query (store, WSP_TYPE_AGENDA_ITEM, "meeting_id", meeting_id, items, NULL);
  for (guint i = 0; i < items->len; i++)
    {
      g_autoptr (GPtrArray) ballots = g_ptr_array_new_with_free_func (g_object_unref);

      wsp_store_query (store, WSP_TYPE_BALLOT, "agenda_item_id", wsp_record_get_id (g_ptr_array_index (items, i)),
                       ballots, NULL);
      for (guint k = 0; k < ballots->len; k++)
        {
          WspRecord *ballot = g_ptr_array_index (ballots, k);

          g_ptr_array_add (labels, g_strdup (wsp_record_get_string (ballot, "question")));
          g_ptr_array_add (ids, g_strdup (wsp_record_get_id (ballot)));
          if (g_strcmp0 (selected_id, wsp_record_get_id (ballot)) == 0)
            selected = ids->len - 1;
        }
    }
  set_choices (row, labels, selected);
  return ids;
}

/* The id of what the row chose from @ids, or NULL. */
const char *
wsp_draft_chosen_id (AdwComboRow *row,
                     GPtrArray   *ids)
{
  guint selected = adw_combo_row_get_selected (row);

  return ids != NULL && selected < ids->len ? g_ptr_array_index (ids, selected) : NULL;
}

/**
 * wsp_draft_reminder_text:
 * @now: (nullable): the time to judge at; %NULL: now
 *
 * Returns: (transfer full) (nullable): what the start-up reminder says of
 *   the drafts whose opinion is due within WSP_OPINION_REMINDER_DAYS days
 *   (the soonest named), or %NULL when none is
 */
char *
wsp_draft_reminder_text (WspStore  *store,
                         GDateTime *now)
{
  g_autoptr (GDateTime) when = now != NULL ? g_date_time_ref (now) : g_date_time_new_now_local ();
  g_autoptr (GPtrArray) due = wsp_drafts_due_soon (store, when, WSP_OPINION_REMINDER_DAYS, NULL);
  WspRecord *first;
  g_autofree char *day = NULL;
  int days_left = 0;

  if (due == NULL || due->len == 0)
    return NULL;
  first = g_ptr_array_index (due, 0);
  wsp_draft_state (first, FALSE, when, &days_left);
  day = wsp_draft_format_date (wsp_record_get_string (first, "deadline"));
  if (due->len == 1)
    return days_left == 0
             /* Translators: the start-up reminder; %s is a draft's title */
             ? g_strdup_printf (_("The opinion on “%s” is due today"), wsp_record_get_string (first, "title"))
             /* Translators: the start-up reminder; %1$s a draft's title, %2$s the last day */
             : g_strdup_printf (_("The opinion on “%1$s” is due by %2$s"), wsp_record_get_string (first, "title"), day);
  /* Translators: the start-up reminder; %1$u how many drafts, %2$s the soonest one's title, %3$s its last day */
  return g_strdup_printf (ngettext ("%1$u opinion is due within three days, the first on “%2$s” by %3$s",
                                    "%1$u opinions are due within three days, the first on “%2$s” by %3$s", due->len),
                          due->len, wsp_record_get_string (first, "title"), day);
}
