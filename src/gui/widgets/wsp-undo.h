/* wsp-undo.h — what the last changes were, so that a person can take them back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/**
 * WspUndoFunc:
 * @data: what the change left to undo it by
 * @error: where to say why it could not be undone
 *
 * Takes a change back. Returns whether it did.
 */
typedef gboolean (*WspUndoFunc) (gpointer   data,
                                 GError   **error);

void     wsp_undo_install (GtkWindow      *window);
void     wsp_gui_offer_undo (GtkWidget      *widget,
                             const char     *title,
                             WspUndoFunc     undo,
                             gpointer        data,
                             GDestroyNotify  destroy);
gboolean wsp_undo_can_undo (GtkWindow      *window);

G_END_DECLS
