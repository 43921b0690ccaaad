/* wsp-meetings-view.c — the NGO Forum's meetings
 *
 * The NGO Forum's meetings, newest first: when, where, what state they
 * are in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "meetings/wsp-meetings-view.h"
#include "records/wsp-records-meetings.h"
#include "widgets/wsp-record-rows.h"

struct _WspMeetingsView
{
  WspListView parent_instance;
};

G_DEFINE_FINAL_TYPE (WspMeetingsView, wsp_meetings_view, WSP_TYPE_LIST_VIEW)

static void
wsp_meetings_view_class_init (WspMeetingsViewClass *klass)
{
  WspListViewClass *list_class = WSP_LIST_VIEW_CLASS (klass);

  list_class->record_type = WSP_TYPE_MEETING;
  list_class->body_kind = "forum";
  list_class->row_new = wsp_meeting_row_new;
  wsp_list_view_class_set_empty (list_class, "wsp-meetings-symbolic", N_("No Forum Meetings Yet"),
                                 N_("Meetings of the NGO Forum will appear here: date, borrowed room, "
                                    "agenda, invitations, attendance list and the live quorum at "
                                    "check-in."));
}

static void
wsp_meetings_view_init (WspMeetingsView *self)
{
}
