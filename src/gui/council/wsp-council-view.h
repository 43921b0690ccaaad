/* wsp-council-view.h — the Public Benefit Council: meetings, term, drafts, resolutions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "council/wsp-council-summary.h"
#include "council/wsp-resolution-register.h"
#include "meetings/wsp-meetings-page.h"

G_BEGIN_DECLS

#define WSP_TYPE_COUNCIL_VIEW (wsp_council_view_get_type ())

G_DECLARE_FINAL_TYPE (WspCouncilView, wsp_council_view, WSP, COUNCIL_VIEW, AdwBin)

WspMeetingsPage        *wsp_council_view_get_meetings (WspCouncilView *self);
WspCouncilSummary      *wsp_council_view_get_summary  (WspCouncilView *self);
WspResolutionRegister  *wsp_council_view_get_register (WspCouncilView *self);
void                    wsp_council_view_show_page    (WspCouncilView *self,
                                                       const char     *name);

G_END_DECLS
