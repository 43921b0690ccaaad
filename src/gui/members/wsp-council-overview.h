/* wsp-council-overview.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "store/wsp-store.h"

G_BEGIN_DECLS

#define WSP_TYPE_COUNCIL_OVERVIEW (wsp_council_overview_get_type ())

G_DECLARE_FINAL_TYPE (WspCouncilOverview, wsp_council_overview, WSP, COUNCIL_OVERVIEW, AdwBin)

void        wsp_council_overview_set_term    (WspCouncilOverview *self,
                                              WspStore           *store,
                                              WspRecord          *term);
const char *wsp_council_overview_get_warning (WspCouncilOverview *self);
GtkWindow  *wsp_council_overview_get_editor  (WspCouncilOverview *self);

G_END_DECLS
