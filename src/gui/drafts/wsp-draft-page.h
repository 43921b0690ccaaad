/* wsp-draft-page.h — one draft: its text with the comments on each unit, its versions, its opinion
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "domain/wsp-draft-detail.h"

G_BEGIN_DECLS

#define WSP_TYPE_DRAFT_PAGE (wsp_draft_page_get_type ())

G_DECLARE_FINAL_TYPE (WspDraftPage, wsp_draft_page, WSP, DRAFT_PAGE, AdwBin)

void            wsp_draft_page_set_detail     (WspDraftPage   *self,
                                               WspStore       *store,
                                               WspDraftDetail *detail);
WspDraftDetail *wsp_draft_page_get_detail     (WspDraftPage   *self);
GListModel     *wsp_draft_page_get_rows       (WspDraftPage   *self);
GtkWidget      *wsp_draft_page_get_scroller   (WspDraftPage   *self);
void            wsp_draft_page_show           (WspDraftPage   *self,
                                               const char     *page);
void            wsp_draft_page_scroll_to_unit (WspDraftPage   *self,
                                               const char     *key);
void            wsp_draft_page_scroll_to_comment (WspDraftPage *self,
                                               const char     *root_id);

G_END_DECLS
