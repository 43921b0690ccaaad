/* wsp-import-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sync/wsp-sync.h"

G_BEGIN_DECLS

#define WSP_TYPE_IMPORT_DIALOG (wsp_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (WspImportDialog, wsp_import_dialog, WSP, IMPORT_DIALOG, AdwWindow)

WspImportDialog       *wsp_import_dialog_new                (WspStore        *store);
void                   wsp_import_dialog_load_bytes         (WspImportDialog *self,
                                                             GBytes          *bytes,
                                                             const char      *file_name);
void                   wsp_import_dialog_load_file          (WspImportDialog *self,
                                                             GFile           *file);
const char            *wsp_import_dialog_get_state          (WspImportDialog *self);
const WspImportReport *wsp_import_dialog_get_preview        (WspImportDialog *self);
const char            *wsp_import_dialog_get_refusal        (WspImportDialog *self);
void                   wsp_import_dialog_confirm_fingerprint (WspImportDialog *self,
                                                              gboolean         compared);
gboolean               wsp_import_dialog_import             (WspImportDialog *self,
                                                             GError         **error);
void                   wsp_import_dialog_import_async       (WspImportDialog *self);

GPtrArray  *wsp_import_dialog_dup_listed (WspImportDialog *self,
                                         WspOutcomeKind   kind);

G_END_DECLS
