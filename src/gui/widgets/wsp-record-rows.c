/* wsp-record-rows.c — how the views show a draft, a ballot in a list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "widgets/wsp-list-view.h"
#include "widgets/wsp-record-rows.h"

/* Joins the parts that have a value with " · "; NULL when none has. */
static char *
join_parts (const char *a,
            const char *b,
            const char *c,
            const char *d)
{
  const char *parts[] = { a, b, c, d };
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      if (parts[i] == NULL || *parts[i] == '\0')
        continue;
      if (out->len > 0)
        g_string_append (out, " · ");
      g_string_append (out, parts[i]);
    }
  return g_string_free (out, out->len == 0);
}

/* The draft's title, then who sent it, when, the deadline, its status. */
GtkWidget *
wsp_draft_row_new (WspRecord *draft)
{
  g_autofree char *received = wsp_record_format_field (draft, "received_on");
  g_autofree char *deadline_day = wsp_record_format_field (draft, "deadline");
  g_autofree char *status = wsp_record_format_field (draft, "status");
  /* Translators: when the Council's opinion on a draft is due */
  g_autofree char *deadline = deadline_day != NULL ? g_strdup_printf (_("opinion due %s"), deadline_day) : NULL;
  g_autofree char *line = join_parts (wsp_record_get_string (draft, "submitted_by"), received, deadline, status);

  return wsp_list_view_row_new (wsp_record_get_string (draft, "title"), line);
}

/* The question, then when, how and whether it is still open. */
GtkWidget *
wsp_ballot_row_new (WspRecord *ballot)
{
  g_autofree char *opened = wsp_record_format_field (ballot, "opened_at");
  g_autofree char *mode = wsp_record_format_field (ballot, "mode");
  const char *state = wsp_record_get_string (ballot, "closed_at") != NULL ? NULL : C_("ballot state", "still open");
  const char *circulation = wsp_record_get_bool (ballot, "by_circulation") ? _("by circulation") : NULL;
  g_autofree char *line = join_parts (opened, mode, circulation, state);

  return wsp_list_view_row_new (wsp_record_get_string (ballot, "question"), line);
}
