/* wsp-print-operation.h — printing a document through the page renderer the PDF uses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "output/wsp-document.h"

G_BEGIN_DECLS

#define WSP_TYPE_PRINT_OPERATION (wsp_print_operation_get_type ())

G_DECLARE_FINAL_TYPE (WspPrintOperation, wsp_print_operation, WSP, PRINT_OPERATION,
                      GtkPrintOperation)

WspPrintOperation *wsp_print_operation_new        (WspDocument       *document);
guint              wsp_print_operation_get_n_pages (WspPrintOperation *self);

G_END_DECLS
