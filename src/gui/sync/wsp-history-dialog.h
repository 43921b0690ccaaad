/* wsp-history-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "store/wsp-store.h"

G_BEGIN_DECLS

#define WSP_TYPE_HISTORY_DIALOG (wsp_history_dialog_get_type ())

G_DECLARE_FINAL_TYPE (WspHistoryDialog, wsp_history_dialog, WSP, HISTORY_DIALOG, AdwWindow)

WspHistoryDialog *wsp_history_dialog_new         (WspStore         *store,
                                                  WspRecord        *record);
guint             wsp_history_dialog_get_n_items (WspHistoryDialog *self);
const char       *wsp_history_dialog_describe    (WspHistoryDialog *self,
                                                  guint             index);

G_END_DECLS
