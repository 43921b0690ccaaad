/* wsp-decision-editor.h — the Council's decision on a comment, and choosing between two laptops' decisions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "domain/wsp-draft-detail.h"

G_BEGIN_DECLS

#define WSP_TYPE_DECISION_EDITOR (wsp_decision_editor_get_type ())

G_DECLARE_FINAL_TYPE (WspDecisionEditor, wsp_decision_editor, WSP, DECISION_EDITOR, AdwWindow)

WspDecisionEditor *wsp_decision_editor_new              (WspStore           *store,
                                                         WspDraftDetail     *detail,
                                                         WspCommentEntry    *entry);
void               wsp_decision_editor_choose           (WspDecisionEditor  *self,
                                                         WspCommentDecision  decision);
GtkTextView       *wsp_decision_editor_get_reason_view  (WspDecisionEditor  *self);
GPtrArray         *wsp_decision_editor_get_keep_buttons (WspDecisionEditor  *self);

G_END_DECLS
