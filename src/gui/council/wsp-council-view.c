/* wsp-council-view.c — the Public Benefit Council's meetings
 *
 * The Council's meetings, newest first: when, where, what state they are
 * in. Its members by side and term are in the Members view.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "council/wsp-council-view.h"
#include "records/wsp-records-meetings.h"
#include "widgets/wsp-record-rows.h"

struct _WspCouncilView
{
  WspListView parent_instance;
};

G_DEFINE_FINAL_TYPE (WspCouncilView, wsp_council_view, WSP_TYPE_LIST_VIEW)

static void
wsp_council_view_class_init (WspCouncilViewClass *klass)
{
  WspListViewClass *list_class = WSP_LIST_VIEW_CLASS (klass);

  list_class->record_type = WSP_TYPE_MEETING;
  list_class->body_kind = "council";
  list_class->row_new = wsp_meeting_row_new;
  wsp_list_view_class_set_empty (list_class, "wsp-council-symbolic", N_("No Council Term Yet"),
                                 N_("The Public Benefit Council will appear here: its members by side and "
                                    "term of office, its meetings and the agendas that carry the city’s "
                                    "draft resolutions."));
}

static void
wsp_council_view_init (WspCouncilView *self)
{
}
