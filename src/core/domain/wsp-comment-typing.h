/* wsp-comment-typing.h — what is typed in a comment form, kept before it is saved
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "store/wsp-store.h"

G_BEGIN_DECLS

gboolean    wsp_comment_typing_keep    (WspStore    *store,
                                        const char  *draft_id,
                                        const char  *correcting_id,
                                        JsonObject  *fields,
                                        GError     **error);
JsonObject *wsp_comment_typing_restore (WspStore    *store,
                                        const char  *draft_id,
                                        const char  *correcting_id);
gboolean    wsp_comment_typing_forget  (WspStore    *store,
                                        const char  *draft_id,
                                        const char  *correcting_id,
                                        GError     **error);

G_END_DECLS
