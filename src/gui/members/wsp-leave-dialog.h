/* wsp-leave-dialog.h — recording that a member left the Forum
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "store/wsp-store.h"

G_BEGIN_DECLS

#define WSP_TYPE_LEAVE_DIALOG (wsp_leave_dialog_get_type ())

G_DECLARE_FINAL_TYPE (WspLeaveDialog, wsp_leave_dialog, WSP, LEAVE_DIALOG, AdwWindow)

WspLeaveDialog *wsp_leave_dialog_new     (WspStore       *store,
                                          WspRecord      *seat,
                                          const char     *member_name);
GtkWidget      *wsp_leave_dialog_get_row (WspLeaveDialog *self,
                                          const char     *field);
const char     *wsp_leave_dialog_get_problem (WspLeaveDialog *self);

G_END_DECLS
