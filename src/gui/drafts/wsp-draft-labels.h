/* wsp-draft-labels.h — how the Drafts & Opinions view says where a draft stands, and a decision
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "domain/wsp-comment-entry.h"
#include "domain/wsp-draft-units.h"
#include "rules/wsp-rules.h"
#include "store/wsp-store.h"

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
GPtrArray  *wsp_draft_fill_meetings   (AdwComboRow        *row,
                                       WspStore           *store,
                                       const char         *selected_id);
GPtrArray  *wsp_draft_fill_ballots    (AdwComboRow        *row,
                                       WspStore           *store,
                                       const char         *meeting_id,
                                       const char         *selected_id);
const char *wsp_draft_chosen_id       (AdwComboRow        *row,
                                       GPtrArray          *ids);
char       *wsp_draft_reminder_text   (WspStore           *store,
                                       GDateTime          *now);

G_END_DECLS
