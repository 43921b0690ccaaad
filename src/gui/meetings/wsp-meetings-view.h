/* wsp-meetings-view.h — the NGO Forum's meetings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "meetings/wsp-meetings-page.h"

G_BEGIN_DECLS

#define WSP_TYPE_MEETINGS_VIEW (wsp_meetings_view_get_type ())

G_DECLARE_FINAL_TYPE (WspMeetingsView, wsp_meetings_view, WSP, MEETINGS_VIEW, AdwBin)

WspMeetingsPage *wsp_meetings_view_get_page (WspMeetingsView *self);

G_END_DECLS
