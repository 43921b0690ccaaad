/* wsp-draft-list.h — the drafts, the most urgent first, live
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "domain/wsp-draft-item.h"

G_BEGIN_DECLS

#define WSP_TYPE_DRAFT_LIST (wsp_draft_list_get_type ())

G_DECLARE_FINAL_TYPE (WspDraftList, wsp_draft_list, WSP, DRAFT_LIST, GObject)

WspDraftList *wsp_draft_list_new     (WspStore     *store,
                                      GDateTime    *now);
void          wsp_draft_list_set_now (WspDraftList *self,
                                      GDateTime    *now);
guint         wsp_draft_list_find    (WspDraftList *self,
                                      const char   *draft_id);

G_END_DECLS
