/* wsp-drafts-view.h — Drafts & Opinions: the city's drafts, the comments on them, the opinion
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "drafts/wsp-draft-page.h"

G_BEGIN_DECLS

#define WSP_TYPE_DRAFTS_VIEW (wsp_drafts_view_get_type ())

G_DECLARE_FINAL_TYPE (WspDraftsView, wsp_drafts_view, WSP, DRAFTS_VIEW, AdwBin)

void          wsp_drafts_view_ensure_loaded   (WspDraftsView *self);
gboolean      wsp_drafts_view_select          (WspDraftsView *self,
                                               const char    *id);
void          wsp_drafts_view_send_reply      (WspDraftsView *self,
                                               GFile         *file);
void          wsp_drafts_view_save_document   (WspDraftsView *self,
                                               const char    *kind,
                                               GFile         *file);
GListModel   *wsp_drafts_view_get_list_model  (WspDraftsView *self);
WspDraftPage *wsp_drafts_view_get_page        (WspDraftsView *self);
GtkWindow    *wsp_drafts_view_get_dialog      (WspDraftsView *self);
const char   *wsp_drafts_view_get_selected_id (WspDraftsView *self);
gboolean      wsp_drafts_view_is_empty        (WspDraftsView *self);

G_END_DECLS
