/* wsp-comment-editor.h — a comment on a draft, or a correction of one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "domain/wsp-draft-detail.h"

G_BEGIN_DECLS

#define WSP_TYPE_COMMENT_EDITOR (wsp_comment_editor_get_type ())

G_DECLARE_FINAL_TYPE (WspCommentEditor, wsp_comment_editor, WSP, COMMENT_EDITOR, AdwWindow)

WspCommentEditor *wsp_comment_editor_new           (WspStore         *store,
                                                    WspDraftDetail   *detail,
                                                    const char       *unit_key,
                                                    WspCommentEntry  *correcting);
GtkTextView      *wsp_comment_editor_get_view      (WspCommentEditor *self,
                                                    const char       *which);
gboolean          wsp_comment_editor_choose_author (WspCommentEditor *self,
                                                    const char       *name);

G_END_DECLS
