/* wsp-check-in-panel.h — checking the members in, with the quorum live
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "domain/wsp-check-in.h"
#include "store/wsp-store.h"

G_BEGIN_DECLS

#define WSP_TYPE_CHECK_IN_PANEL (wsp_check_in_panel_get_type ())

G_DECLARE_FINAL_TYPE (WspCheckInPanel, wsp_check_in_panel, WSP, CHECK_IN_PANEL, AdwBin)

void        wsp_check_in_panel_set_meeting     (WspCheckInPanel *self,
                                                WspStore        *store,
                                                const char      *meeting_id);
WspCheckIn *wsp_check_in_panel_get_check_in    (WspCheckInPanel *self);
GtkListBox *wsp_check_in_panel_get_list        (WspCheckInPanel *self);
const char *wsp_check_in_panel_get_quorum_text (WspCheckInPanel *self);
gboolean    wsp_check_in_panel_get_quorum_shown_reached (WspCheckInPanel *self);
GtkWidget  *wsp_check_in_panel_get_unlock_button (WspCheckInPanel *self);
GtkWidget  *wsp_check_in_panel_get_guest_entry (WspCheckInPanel *self);
GtkWidget  *wsp_check_in_panel_get_add_guest_button (WspCheckInPanel *self);

G_END_DECLS
