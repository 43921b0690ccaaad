/* wsp-export-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sync/wsp-sync.h"

G_BEGIN_DECLS

#define WSP_TYPE_EXPORT_DIALOG (wsp_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (WspExportDialog, wsp_export_dialog, WSP, EXPORT_DIALOG, AdwWindow)

WspExportDialog *wsp_export_dialog_new           (WspStore        *store);
guint            wsp_export_dialog_get_n_choices (WspExportDialog *self);
void             wsp_export_dialog_choose        (WspExportDialog *self,
                                                  guint            index);
GtkWidget       *wsp_export_dialog_get_choice    (WspExportDialog *self,
                                                  guint            index);
char            *wsp_export_dialog_suggest_name  (WspExportDialog *self);
void             wsp_export_dialog_export_to_async (WspExportDialog *self,
                                                    const char      *path);
gboolean         wsp_export_dialog_export_to     (WspExportDialog *self,
                                                  const char      *path,
                                                  WspExportReport *report,
                                                  GError         **error);

G_END_DECLS
