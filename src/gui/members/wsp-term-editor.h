/* wsp-term-editor.h — adding and editing a term of office of the Council
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "store/wsp-store.h"

G_BEGIN_DECLS

#define WSP_TYPE_TERM_EDITOR (wsp_term_editor_get_type ())

G_DECLARE_FINAL_TYPE (WspTermEditor, wsp_term_editor, WSP, TERM_EDITOR, AdwWindow)

WspTermEditor *wsp_term_editor_new     (WspStore      *store,
                                        const char    *body_id,
                                        WspRecord     *term);
GtkWidget     *wsp_term_editor_get_row (WspTermEditor *self,
                                        const char    *field);
const char    *wsp_term_editor_get_problem (WspTermEditor *self);

G_END_DECLS
