/* wsp-forum-overview.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "store/wsp-store.h"

G_BEGIN_DECLS

#define WSP_TYPE_FORUM_OVERVIEW (wsp_forum_overview_get_type ())

G_DECLARE_FINAL_TYPE (WspForumOverview, wsp_forum_overview, WSP, FORUM_OVERVIEW, AdwBin)

void wsp_forum_overview_set_store (WspForumOverview *self,
                                   WspStore         *store);

G_END_DECLS
