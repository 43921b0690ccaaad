/* wsp-council-view.h — the Public Benefit Council's meetings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "widgets/wsp-list-view.h"

G_BEGIN_DECLS

#define WSP_TYPE_COUNCIL_VIEW (wsp_council_view_get_type ())

G_DECLARE_FINAL_TYPE (WspCouncilView, wsp_council_view, WSP, COUNCIL_VIEW, WspListView)

G_END_DECLS
