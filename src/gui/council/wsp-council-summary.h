/* wsp-council-summary.h — the Council's current term, composition and drafts waiting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "store/wsp-store.h"

G_BEGIN_DECLS

#define WSP_TYPE_COUNCIL_SUMMARY (wsp_council_summary_get_type ())

G_DECLARE_FINAL_TYPE (WspCouncilSummary, wsp_council_summary, WSP, COUNCIL_SUMMARY, AdwBin)

void        wsp_council_summary_set_store   (WspCouncilSummary *self,
                                             WspStore          *store);
const char *wsp_council_summary_get_warning (WspCouncilSummary *self);
guint       wsp_council_summary_get_n_drafts (WspCouncilSummary *self);

G_END_DECLS
