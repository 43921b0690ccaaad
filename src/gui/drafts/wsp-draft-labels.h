/* wsp-draft-labels.h — how the Drafts & Opinions view says where a draft stands, and a decision
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "domain/wsp-comment-entry.h"
#include "domain/wsp-draft-units.h"
#include "rules/wsp-rules.h"

G_BEGIN_DECLS

char       *wsp_draft_state_text      (WspOpinionState     state,
                                       int                 days_left,
                                       WspRecord          *opinion);
const char *wsp_draft_state_css_class (WspOpinionState     state,
                                       int                 days_left);
const char *wsp_decision_css_class    (WspCommentDecision  decision);
char       *wsp_draft_unit_title      (const WspDraftUnit *unit);
char       *wsp_draft_format_date     (const char         *ymd);
GtkWidget  *wsp_draft_badge_new       (const char         *text,
                                       const char         *css_class);

G_END_DECLS
