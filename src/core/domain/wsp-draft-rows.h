/* wsp-draft-rows.h — the rows of a draft's text with its comments, as a list model that changes little
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "domain/wsp-draft-row.h"

G_BEGIN_DECLS

#define WSP_TYPE_DRAFT_ROWS (wsp_draft_rows_get_type ())

G_DECLARE_FINAL_TYPE (WspDraftRows, wsp_draft_rows, WSP, DRAFT_ROWS, GObject)

WspDraftRows *wsp_draft_rows_new  (void);
void          wsp_draft_rows_set  (WspDraftRows *self,
                                   GPtrArray    *rows);
guint         wsp_draft_rows_find_unit    (WspDraftRows *self,
                                           const char   *key);
guint         wsp_draft_rows_find_comment (WspDraftRows *self,
                                           const char   *root_id);

G_END_DECLS
