/* wsp-meetings-view.c — the meetings of a body: the meetings module
 *
 * The meetings of one body, newest first: when, where, what state they are
 * in. As it is, it is the Meetings view (the NGO Forum's); the Council view
 * is the same module with the Council as its body, so a fix lands in both.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "domain/wsp-membership.h"
#include "meetings/wsp-meetings-view.h"
#include "records/wsp-records-meetings.h"
#include "store/wsp-record-list.h"
#include "widgets/wsp-record-rows.h"

G_DEFINE_TYPE (WspMeetingsView, wsp_meetings_view, WSP_TYPE_LIST_VIEW)

static GListModel *
create_model (WspListView *view,
              WspStore    *store)
{
  const char *kind = WSP_MEETINGS_VIEW_GET_CLASS (view)->body_kind;
  g_autoptr (WspRecord) body = wsp_membership_find_body (store, kind, NULL);

  if (body == NULL)
    return G_LIST_MODEL (g_list_store_new (WSP_TYPE_MEETING));
  return G_LIST_MODEL (wsp_record_list_new (store, WSP_TYPE_MEETING, "body_id", wsp_record_get_id (body)));
}

static GtkWidget *
create_row (WspListView *view,
            gpointer     item)
{
  return wsp_meeting_row_new (item);
}

static void
wsp_meetings_view_class_init (WspMeetingsViewClass *klass)
{
  WspListViewClass *list_class = WSP_LIST_VIEW_CLASS (klass);

  klass->body_kind = "forum";
  list_class->create_model = create_model;
  list_class->create_row = create_row;
  wsp_list_view_class_set_empty (list_class, "wsp-meetings-symbolic", N_("No Forum Meetings Yet"),
                                 N_("Meetings of the NGO Forum will appear here: date, borrowed room, "
                                    "agenda, invitations, attendance list and the live quorum at "
                                    "check-in."));
}

static void
wsp_meetings_view_init (WspMeetingsView *self)
{
}
