/* wsp-meeting-editor.h — a meeting's number, kind, date, times, room and status
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "store/wsp-store.h"

G_BEGIN_DECLS

#define WSP_TYPE_MEETING_EDITOR (wsp_meeting_editor_get_type ())

G_DECLARE_FINAL_TYPE (WspMeetingEditor, wsp_meeting_editor, WSP, MEETING_EDITOR, AdwWindow)

WspMeetingEditor *wsp_meeting_editor_new    (WspStore          *store,
                                             WspRecord         *body,
                                             WspRecord         *meeting);
gboolean          wsp_meeting_editor_save   (WspMeetingEditor  *self,
                                             GError           **error);
GtkWidget        *wsp_meeting_editor_get_room_row (WspMeetingEditor *self);
GtkWidget        *wsp_meeting_editor_get_rooms_button (WspMeetingEditor *self);
GtkWidget        *wsp_meeting_editor_get_save_button (WspMeetingEditor *self);
const char       *wsp_meeting_editor_get_problem (WspMeetingEditor *self);
gboolean          wsp_meetings_parse_date   (const char        *text,
                                             int               *year,
                                             int               *month,
                                             int               *day);
gboolean          wsp_meetings_parse_clock  (const char        *text,
                                             int               *hour,
                                             int               *minute);

G_END_DECLS
