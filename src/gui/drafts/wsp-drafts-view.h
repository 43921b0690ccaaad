/* wsp-drafts-view.h — the city's draft resolutions sent to the Council
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "widgets/wsp-list-view.h"

G_BEGIN_DECLS

#define WSP_TYPE_DRAFTS_VIEW (wsp_drafts_view_get_type ())

G_DECLARE_FINAL_TYPE (WspDraftsView, wsp_drafts_view, WSP, DRAFTS_VIEW, WspListView)

G_END_DECLS
