/* wsp-meetings-page.h — the meetings of one body: list, detail, editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "meetings/wsp-meeting-detail.h"
#include "store/wsp-store.h"

G_BEGIN_DECLS

#define WSP_TYPE_MEETINGS_PAGE (wsp_meetings_page_get_type ())

G_DECLARE_FINAL_TYPE (WspMeetingsPage, wsp_meetings_page, WSP, MEETINGS_PAGE, AdwBin)

void              wsp_meetings_page_set_store     (WspMeetingsPage *self,
                                                   WspStore        *store);
const char       *wsp_meetings_page_get_body_kind (WspMeetingsPage *self);
void              wsp_meetings_page_focus_search  (WspMeetingsPage *self);
void              wsp_meetings_page_set_search    (WspMeetingsPage *self,
                                                   const char      *text);
GtkWindow        *wsp_meetings_page_new_meeting   (WspMeetingsPage *self);
GtkWindow        *wsp_meetings_page_edit_meeting  (WspMeetingsPage *self);
GtkWindow        *wsp_meetings_page_show_rooms    (WspMeetingsPage *self);
gboolean          wsp_meetings_page_select        (WspMeetingsPage *self,
                                                   const char      *meeting_id);
GListModel       *wsp_meetings_page_get_model     (WspMeetingsPage *self);
gboolean          wsp_meetings_page_is_empty      (WspMeetingsPage *self);
WspMeetingDetail *wsp_meetings_page_get_detail    (WspMeetingsPage *self);
GtkWindow        *wsp_meetings_page_get_dialog    (WspMeetingsPage *self);
GtkWidget        *wsp_meetings_page_get_list      (WspMeetingsPage *self);

G_END_DECLS
