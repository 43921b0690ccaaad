/* wsp-draft-import.h — a draft, or a new version of it, registered from its text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "domain/wsp-draft-units.h"
#include "store/wsp-store.h"

G_BEGIN_DECLS

gboolean    wsp_draft_register      (WspStore    *store,
                                     WspRecord   *draft,
                                     const char  *text,
                                     const char  *file_name,
                                     WspRecord  **version_out,
                                     GError     **error);
WspRecord  *wsp_draft_add_version   (WspStore    *store,
                                     const char  *draft_id,
                                     const char  *text,
                                     const char  *received_on,
                                     const char  *file_name,
                                     guint       *n_matched,
                                     GError     **error);
char       *wsp_draft_guess_title   (GPtrArray   *units);
const char *wsp_draft_guess_kind    (const char  *title);

G_END_DECLS
