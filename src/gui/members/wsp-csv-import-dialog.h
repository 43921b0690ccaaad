/* wsp-csv-import-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "import/wsp-csv-import.h"
#include "store/wsp-store.h"

G_BEGIN_DECLS

#define WSP_TYPE_CSV_IMPORT_DIALOG (wsp_csv_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (WspCsvImportDialog, wsp_csv_import_dialog, WSP, CSV_IMPORT_DIALOG, AdwWindow)

WspCsvImportDialog       *wsp_csv_import_dialog_new         (WspStore           *store);
gboolean                  wsp_csv_import_dialog_load        (WspCsvImportDialog *self,
                                                             GBytes             *bytes,
                                                             const char         *file_name,
                                                             GError            **error);
void                      wsp_csv_import_dialog_set_mapping (WspCsvImportDialog *self,
                                                             guint               column,
                                                             WspCsvField         field);
WspCsvField               wsp_csv_import_dialog_get_mapping (WspCsvImportDialog *self,
                                                             guint               column);
const WspCsvImportReport *wsp_csv_import_dialog_get_report  (WspCsvImportDialog *self);
const char               *wsp_csv_import_dialog_get_step    (WspCsvImportDialog *self);

GtkWidget                *wsp_csv_import_dialog_get_import_button (WspCsvImportDialog *self);
gboolean                  wsp_csv_import_dialog_load_file   (WspCsvImportDialog *self,
                                                             GFile              *file);
guint                     wsp_csv_import_dialog_get_n_skipped (WspCsvImportDialog *self);
GPtrArray                *wsp_csv_import_dialog_get_preview_rows (WspCsvImportDialog *self);
GtkWidget                *wsp_csv_import_dialog_get_encoding_row (WspCsvImportDialog *self);
const char               *wsp_csv_import_dialog_get_refusal (WspCsvImportDialog *self);

G_END_DECLS
