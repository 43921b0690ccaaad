/* wsp-draft-reader.h — the text of a draft from a .txt, .odt or .docx file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Files larger than this are not read (a draft is a few hundred kB). */
#define WSP_DRAFT_MAX_FILE_SIZE (32 * 1024 * 1024)

char *wsp_draft_read_bytes (GBytes        *bytes,
                            GError       **error);
char *wsp_draft_read_file  (GFile         *file,
                            GCancellable  *cancellable,
                            GError       **error);

G_END_DECLS
