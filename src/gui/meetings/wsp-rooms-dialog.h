/* wsp-rooms-dialog.h — the register of the rooms meetings are held in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "store/wsp-store.h"

G_BEGIN_DECLS

#define WSP_TYPE_ROOMS_DIALOG (wsp_rooms_dialog_get_type ())

G_DECLARE_FINAL_TYPE (WspRoomsDialog, wsp_rooms_dialog, WSP, ROOMS_DIALOG, AdwWindow)

WspRoomsDialog *wsp_rooms_dialog_new         (WspStore       *store);
GtkWidget      *wsp_rooms_dialog_get_name_row (WspRoomsDialog *self);
GtkWidget      *wsp_rooms_dialog_get_add_button (WspRoomsDialog *self);

G_END_DECLS
