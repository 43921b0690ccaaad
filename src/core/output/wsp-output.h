/* wsp-output.h — documents to files: PDF, ODT, CSV and plain text, written atomically
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "output/wsp-document.h"
#include "output/wsp-page-renderer.h"

G_BEGIN_DECLS

#define WSP_OUTPUT_ERROR (wsp_output_error_quark ())

/**
 * WspOutputError:
 * @WSP_OUTPUT_ERROR_FORMAT: the file's extension names no format the app
 *   writes, or not one this document can be written as
 * @WSP_OUTPUT_ERROR_RENDER: the document could not be drawn or packed
 * @WSP_OUTPUT_ERROR_WRITE: the file could not be saved
 * @WSP_OUTPUT_ERROR_NOT_APPLICABLE: the document does not apply to the
 *   record (a vote list of a secret ballot, an agenda of a person)
 * @WSP_OUTPUT_ERROR_MISSING: the record lacks something the document needs
 */
typedef enum
{
  WSP_OUTPUT_ERROR_FORMAT,
  WSP_OUTPUT_ERROR_RENDER,
  WSP_OUTPUT_ERROR_WRITE,
  WSP_OUTPUT_ERROR_NOT_APPLICABLE,
  WSP_OUTPUT_ERROR_MISSING,
} WspOutputError;

GQuark wsp_output_error_quark (void);

typedef enum
{
  WSP_FORMAT_PDF,
  WSP_FORMAT_ODT,
  WSP_FORMAT_CSV,
  WSP_FORMAT_TEXT,
  WSP_FORMAT_ICS,
} WspFormat;

gboolean  wsp_format_from_path     (const char       *path,
                                    WspFormat        *format,
                                    GError          **error);

GBytes   *wsp_output_render        (WspDocument      *document,
                                    WspFormat         format,
                                    GCancellable     *cancellable,
                                    WspProgressFunc   progress,
                                    gpointer          progress_data,
                                    GError          **error);
GBytes   *wsp_pdf_render           (WspPageRenderer  *renderer,
                                    const char       *title,
                                    GCancellable     *cancellable,
                                    WspProgressFunc   progress,
                                    gpointer          progress_data,
                                    GError          **error);
GBytes   *wsp_odt_render           (WspDocument      *document,
                                    GError          **error);
GBytes   *wsp_csv_render           (WspDocument      *document,
                                    char              separator,
                                    GError          **error);
char     *wsp_text_render          (WspDocument      *document);

gboolean  wsp_output_save          (const char       *path,
                                    GBytes           *contents,
                                    GError          **error);
gboolean  wsp_output_write         (WspDocument      *document,
                                    WspFormat         format,
                                    const char       *path,
                                    GCancellable     *cancellable,
                                    WspProgressFunc   progress,
                                    gpointer          progress_data,
                                    GError          **error);
void      wsp_output_write_async   (WspDocument      *document,
                                    WspFormat         format,
                                    const char       *path,
                                    GCancellable     *cancellable,
                                    WspProgressFunc   progress,
                                    gpointer          progress_data,
                                    GDestroyNotify    progress_notify,
                                    GAsyncReadyCallback callback,
                                    gpointer          user_data);
gboolean  wsp_output_write_finish  (GAsyncResult     *result,
                                    GError          **error);

G_END_DECLS
