/* wsp-application-editor.h — entering an application to join the Forum
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "store/wsp-store.h"

G_BEGIN_DECLS

#define WSP_TYPE_APPLICATION_EDITOR (wsp_application_editor_get_type ())

G_DECLARE_FINAL_TYPE (WspApplicationEditor, wsp_application_editor, WSP, APPLICATION_EDITOR, AdwWindow)

WspApplicationEditor *wsp_application_editor_new     (WspStore             *store,
                                                      const char           *forum_id);
GtkWidget            *wsp_application_editor_get_row (WspApplicationEditor *self,
                                                      const char           *field);
const char           *wsp_application_editor_get_problem (WspApplicationEditor *self);

G_END_DECLS
