/* wsp-draft-editor.h — registering a draft, or its corrected version, from its text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "store/wsp-store.h"

G_BEGIN_DECLS

#define WSP_TYPE_DRAFT_EDITOR (wsp_draft_editor_get_type ())

G_DECLARE_FINAL_TYPE (WspDraftEditor, wsp_draft_editor, WSP, DRAFT_EDITOR, AdwWindow)

WspDraftEditor *wsp_draft_editor_new           (WspStore       *store,
                                                WspRecord      *draft);
gboolean        wsp_draft_editor_load_file     (WspDraftEditor *self,
                                                GFile          *file);
GPtrArray      *wsp_draft_editor_get_units     (WspDraftEditor *self);
GtkTextView    *wsp_draft_editor_get_text_view (WspDraftEditor *self);
void            wsp_draft_editor_choose_unit   (WspDraftEditor *self,
                                                guint           position);
const char     *wsp_draft_editor_get_problem   (WspDraftEditor *self);

G_END_DECLS
