/* wsp-seat-labels.c — how a seat is described
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "domain/wsp-membership.h"
#include "members/wsp-seat-labels.h"
#include "widgets/wsp-gui-util.h"

/* “Chair, since 1.03.2025” or “Member, 1.03.2022 to 30.06.2024 (resigned)”,
 * the role in the form @person (nullable) is spoken of in. */
char *
wsp_seat_describe (WspRecord  *seat,
                   WspRecord  *person,
                   const char *today)
{
  const char *form = person != NULL ? wsp_record_get_string (person, "grammatical_form") : NULL;
  const char *role = wsp_role_label (wsp_record_get_string (seat, "role"), form);
  g_autofree char *joined = wsp_gui_format_date (wsp_record_get_string (seat, "joined_on"));
  g_autofree char *left = wsp_gui_format_date (wsp_record_get_string (seat, "left_on"));
  g_autofree char *reason = wsp_seat_reason (seat);

  if (role == NULL)
    role = wsp_role_label ("member", form);
  if (wsp_membership_seat_is_current (seat, today))
    /* Translators: a member's role and first day, e.g. “Chair, since 1.03.2025” */
    return *joined != '\0' ? g_strdup_printf (_("%s, since %s"), role, joined) : g_strdup (role);
  if (reason != NULL)
    /* Translators: role, first day, last day, why the member left */
    return g_strdup_printf (_("%s, %s to %s (%s)"), role, *joined != '\0' ? joined : "…", left, reason);
  return g_strdup_printf (_("%s, %s to %s"), role, *joined != '\0' ? joined : "…", *left != '\0' ? left : "…");
}

/* Why the member left, as said in brackets after the dates: without the
 * full stop a person may have typed at its end; NULL when not said. */
char *
wsp_seat_reason (WspRecord *seat)
{
  char *reason = g_strstrip (g_strdup (wsp_record_get_string (seat, "left_reason") ?: ""));
  gsize len = strlen (reason);

  while (len > 0 && reason[len - 1] == '.')
    reason[--len] = '\0';
  g_strchomp (reason);
  if (*reason == '\0')
    g_clear_pointer (&reason, g_free);
  return reason;
}
