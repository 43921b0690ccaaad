/* wsp-votes-view.h — every ballot of the Forum and the Council
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "widgets/wsp-list-view.h"

G_BEGIN_DECLS

#define WSP_TYPE_VOTES_VIEW (wsp_votes_view_get_type ())

G_DECLARE_FINAL_TYPE (WspVotesView, wsp_votes_view, WSP, VOTES_VIEW, WspListView)

G_END_DECLS
