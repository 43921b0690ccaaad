/* wsp-seat-labels.c — how a seat is described
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "domain/wsp-membership.h"
#include "members/wsp-seat-labels.h"

/* “Chair, since 2025-03-01” or “Member, 2022-03-01 to 2024-06-30 (resigned)”. */
char *
wsp_seat_describe (WspRecord  *seat,
                   const char *today)
{
  const char *role = wsp_choice_label (wsp_role_choices, wsp_record_get_string (seat, "role"));
  const char *joined = wsp_record_get_string (seat, "joined_on");
  const char *left = wsp_record_get_string (seat, "left_on");
  const char *reason = wsp_record_get_string (seat, "left_reason");

  if (role == NULL)
    role = wsp_choice_label (wsp_role_choices, "member");
  if (wsp_membership_seat_is_current (seat, today))
    return joined != NULL ? g_strdup_printf (_("%s, since %s"), role, joined) : g_strdup (role);
  if (reason != NULL)
    /* Translators: role, first day, last day, why the member left */
    return g_strdup_printf (_("%s, %s to %s (%s)"), role, joined != NULL ? joined : "…", left, reason);
  return g_strdup_printf (_("%s, %s to %s"), role, joined != NULL ? joined : "…", left != NULL ? left : "…");
}
