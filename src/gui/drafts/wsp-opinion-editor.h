/* wsp-opinion-editor.h — the Council's opinion on a draft, or a correction of it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "domain/wsp-draft-detail.h"

G_BEGIN_DECLS

#define WSP_TYPE_OPINION_EDITOR (wsp_opinion_editor_get_type ())

G_DECLARE_FINAL_TYPE (WspOpinionEditor, wsp_opinion_editor, WSP, OPINION_EDITOR, AdwWindow)

WspOpinionEditor  *wsp_opinion_editor_new         (WspStore          *store,
                                                   WspDraftDetail    *detail);
WspOpinionVerdict  wsp_opinion_editor_get_verdict (WspOpinionEditor  *self);
void               wsp_opinion_editor_choose      (WspOpinionEditor  *self,
                                                   WspOpinionVerdict  verdict);

G_END_DECLS
