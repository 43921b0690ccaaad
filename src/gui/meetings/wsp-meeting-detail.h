/* wsp-meeting-detail.h — one meeting: its header, agenda, check-in and run sheet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "meetings/wsp-agenda-editor.h"
#include "meetings/wsp-check-in-panel.h"
#include "meetings/wsp-run-sheet.h"
#include "store/wsp-store.h"

G_BEGIN_DECLS

#define WSP_TYPE_MEETING_DETAIL (wsp_meeting_detail_get_type ())

G_DECLARE_FINAL_TYPE (WspMeetingDetail, wsp_meeting_detail, WSP, MEETING_DETAIL, AdwBin)

void             wsp_meeting_detail_set_meeting    (WspMeetingDetail *self,
                                                    WspStore         *store,
                                                    const char       *meeting_id);
const char      *wsp_meeting_detail_get_meeting_id (WspMeetingDetail *self);
void             wsp_meeting_detail_show_page      (WspMeetingDetail *self,
                                                    const char       *name);
const char      *wsp_meeting_detail_get_page       (WspMeetingDetail *self);
WspAgendaEditor *wsp_meeting_detail_get_agenda     (WspMeetingDetail *self);
WspCheckInPanel *wsp_meeting_detail_get_check_in   (WspMeetingDetail *self);
WspRunSheet     *wsp_meeting_detail_get_run_sheet  (WspMeetingDetail *self);
GtkWidget       *wsp_meeting_detail_get_invite_button (WspMeetingDetail *self);
GtkWindow       *wsp_meeting_detail_get_dialog     (WspMeetingDetail *self);
gboolean         wsp_meeting_detail_save_document  (WspMeetingDetail *self,
                                                    const char       *document,
                                                    const char       *path,
                                                    GError          **error);

G_END_DECLS
