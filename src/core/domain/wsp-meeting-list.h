/* wsp-meeting-list.h — a body's meetings, upcoming first, live
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "store/wsp-store.h"

G_BEGIN_DECLS

#define WSP_TYPE_MEETING_LIST (wsp_meeting_list_get_type ())

G_DECLARE_FINAL_TYPE (WspMeetingList, wsp_meeting_list, WSP, MEETING_LIST, GObject)

WspMeetingList *wsp_meeting_list_new          (WspStore       *store,
                                               const char     *body_id,
                                               GDateTime      *now);
guint           wsp_meeting_list_get_n_upcoming (WspMeetingList *self);

G_END_DECLS
