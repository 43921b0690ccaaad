/* wsp-seat-labels.c — how seats, sides and roles are called
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "domain/wsp-membership.h"
#include "members/wsp-seat-labels.h"

/* The Council's sides, as people call them. */
const char *
wsp_side_label (const char *side)
{
  if (g_strcmp0 (side, "mayor") == 0)
    /* Translators: the side of the Council appointed by the mayor */
    return _("Mayor’s side");
  if (g_strcmp0 (side, "city_council") == 0)
    /* Translators: the side of the Council delegated by the city council (rada miasta) */
    return _("City council’s side");
  if (g_strcmp0 (side, "ngo") == 0)
    return _("NGO side");
  return _("Members");
}

const char *
wsp_role_label (const char *role)
{
  if (g_strcmp0 (role, "chair") == 0)
    return _("Chair");
  if (g_strcmp0 (role, "vice_chair") == 0)
    return _("Vice-chair");
  if (g_strcmp0 (role, "secretary") == 0)
    return _("Secretary");
  return _("Member");
}

/* “Chair, since 2025-03-01” or “Member, 2022-03-01 to 2024-06-30 (resigned)”. */
char *
wsp_seat_describe (WspRecord  *seat,
                   const char *today)
{
  const char *role = wsp_role_label (wsp_record_get_string (seat, "role"));
  const char *joined = wsp_record_get_string (seat, "joined_on");
  const char *left = wsp_record_get_string (seat, "left_on");
  const char *reason = wsp_record_get_string (seat, "left_reason");

  if (wsp_membership_seat_is_current (seat, today))
    return joined != NULL ? g_strdup_printf (_("%s, since %s"), role, joined) : g_strdup (role);
  if (reason != NULL)
    /* Translators: role, first day, last day, why the member left */
    return g_strdup_printf (_("%s, %s to %s (%s)"), role, joined != NULL ? joined : "…", left, reason);
  return g_strdup_printf (_("%s, %s to %s"), role, joined != NULL ? joined : "…", left != NULL ? left : "…");
}
