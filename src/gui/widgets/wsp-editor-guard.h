/* wsp-editor-guard.h — an editor window that does not lose what was typed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

typedef gboolean (*WspEditorDirtyFunc) (GtkWindow *editor);

void       wsp_editor_guard_install (GtkWindow          *editor,
                                     WspEditorDirtyFunc  is_dirty,
                                     GtkWidget          *first);
void       wsp_editor_guard_done    (GtkWindow          *editor);
void       wsp_editor_guard_set_first (GtkWindow        *editor,
                                       GtkWidget        *first);
GtkWindow *wsp_editor_guard_get_question (GtkWindow     *editor);

G_END_DECLS
