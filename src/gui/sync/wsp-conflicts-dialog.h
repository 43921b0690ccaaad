/* wsp-conflicts-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "store/wsp-store.h"

G_BEGIN_DECLS

#define WSP_TYPE_CONFLICTS_DIALOG (wsp_conflicts_dialog_get_type ())

G_DECLARE_FINAL_TYPE (WspConflictsDialog, wsp_conflicts_dialog, WSP, CONFLICTS_DIALOG, AdwWindow)

WspConflictsDialog *wsp_conflicts_dialog_new           (WspStore           *store);
guint               wsp_conflicts_dialog_get_n_records (WspConflictsDialog *self);
gboolean            wsp_conflicts_dialog_choose        (WspConflictsDialog *self,
                                                        guint               record,
                                                        const char         *field,
                                                        guint               candidate);
void                wsp_conflicts_dialog_set_value     (WspConflictsDialog *self,
                                                        guint               record,
                                                        const char         *field,
                                                        const char         *text);
gboolean            wsp_conflicts_dialog_resolve       (WspConflictsDialog *self,
                                                        guint               record,
                                                        GError            **error);

G_END_DECLS
