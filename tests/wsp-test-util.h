/* wsp-test-util.h — small helpers shared by the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "store/wsp-store.h"

G_BEGIN_DECLS

WspStore *wsp_test_open_store  (const char *dir,
                                const char *name);
void      wsp_test_remove_tree (const char *path);

JsonObject *wsp_test_conflicts_json (WspStore    *store,
                                     const char  *id,
                                     GError     **error);
JsonArray  *wsp_test_history_json   (WspStore    *store,
                                     const char  *id,
                                     GError     **error);

char       *wsp_test_run     (const char * const *argv);
gboolean    wsp_test_have    (const char         *program);
char       *wsp_test_squeeze (const char         *text);
char       *wsp_test_pdf_text (const char        *path);

G_END_DECLS
