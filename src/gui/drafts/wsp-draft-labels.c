/* wsp-draft-labels.c — how the Drafts & Opinions view says where a draft stands, and a decision
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "drafts/wsp-draft-labels.h"
#include "records/wsp-records-drafts.h"

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
