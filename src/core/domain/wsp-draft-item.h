/* wsp-draft-item.h — one draft in the list of drafts: where it stands by its deadline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rules/wsp-rules.h"
#include "store/wsp-store.h"

G_BEGIN_DECLS

#define WSP_TYPE_DRAFT_ITEM (wsp_draft_item_get_type ())

G_DECLARE_FINAL_TYPE (WspDraftItem, wsp_draft_item, WSP, DRAFT_ITEM, GObject)

WspDraftItem    *wsp_draft_item_new           (WspRecord       *draft,
                                               WspRecord       *opinion,
                                               WspOpinionState  state,
                                               int              days_left);
gboolean         wsp_draft_item_equal         (WspDraftItem    *a,
                                               WspDraftItem    *b);
WspRecord       *wsp_draft_item_get_draft     (WspDraftItem *self);
WspRecord       *wsp_draft_item_get_opinion   (WspDraftItem *self);
WspOpinionState  wsp_draft_item_get_state     (WspDraftItem *self);
int              wsp_draft_item_get_days_left (WspDraftItem *self);

G_END_DECLS
