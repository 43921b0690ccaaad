/* wsp-invitation-dialog.h — sending a meeting's invitation (or cancellation)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "store/wsp-store.h"

G_BEGIN_DECLS

#define WSP_TYPE_INVITATION_DIALOG (wsp_invitation_dialog_get_type ())

G_DECLARE_FINAL_TYPE (WspInvitationDialog, wsp_invitation_dialog, WSP, INVITATION_DIALOG, AdwWindow)

WspInvitationDialog *wsp_invitation_dialog_new              (WspStore            *store,
                                                             const char          *meeting_id);
GtkWidget           *wsp_invitation_dialog_get_send_button  (WspInvitationDialog *self);
GtkWidget           *wsp_invitation_dialog_get_copy_button  (WspInvitationDialog *self);
GtkWidget           *wsp_invitation_dialog_get_sender_row   (WspInvitationDialog *self);
const char          *wsp_invitation_dialog_get_calendar_path (WspInvitationDialog *self);
const char          *wsp_invitation_dialog_get_problem      (WspInvitationDialog *self);

G_END_DECLS
