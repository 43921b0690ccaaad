/* wsp-seat-editor.h — filling, changing and vacating a seat of the Council
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "store/wsp-store.h"

G_BEGIN_DECLS

#define WSP_TYPE_SEAT_EDITOR (wsp_seat_editor_get_type ())

G_DECLARE_FINAL_TYPE (WspSeatEditor, wsp_seat_editor, WSP, SEAT_EDITOR, AdwWindow)

WspSeatEditor *wsp_seat_editor_new      (WspStore      *store,
                                         WspRecord     *term,
                                         WspRecord     *seat,
                                         const char    *side,
                                         const char    *joined_on);
GtkWidget     *wsp_seat_editor_get_row  (WspSeatEditor *self,
                                         const char    *field);
const char    *wsp_seat_editor_get_problem (WspSeatEditor *self);
const char    *wsp_seat_editor_get_composition_warning (WspSeatEditor *self);
void           wsp_seat_editor_focus_leaving (WspSeatEditor *self);

G_END_DECLS
