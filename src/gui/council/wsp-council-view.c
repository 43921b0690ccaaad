/* wsp-council-view.c — the Public Benefit Council's meetings
 *
 * The meetings module (meetings/) with the Council as its body. Its
 * members by side and term are in the Members view.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "council/wsp-council-view.h"

struct _WspCouncilView
{
  WspMeetingsView parent_instance;
};

G_DEFINE_FINAL_TYPE (WspCouncilView, wsp_council_view, WSP_TYPE_MEETINGS_VIEW)

static void
wsp_council_view_class_init (WspCouncilViewClass *klass)
{
  WSP_MEETINGS_VIEW_CLASS (klass)->body_kind = "council";
  wsp_list_view_class_set_empty (WSP_LIST_VIEW_CLASS (klass), "wsp-council-symbolic", N_("No Council Term Yet"),
                                 N_("The Public Benefit Council will appear here: its members by side and "
                                    "term of office, its meetings and the agendas that carry the city’s "
                                    "draft resolutions."));
}

static void
wsp_council_view_init (WspCouncilView *self)
{
}
