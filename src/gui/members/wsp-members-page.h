/* wsp-members-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "store/wsp-store.h"

G_BEGIN_DECLS

#define WSP_TYPE_MEMBERS_PAGE (wsp_members_page_get_type ())

G_DECLARE_FINAL_TYPE (WspMembersPage, wsp_members_page, WSP, MEMBERS_PAGE, AdwBin)

void        wsp_members_page_set_store        (WspMembersPage *self,
                                               WspStore       *store);
void        wsp_members_page_show_section     (WspMembersPage *self,
                                               const char     *section);
GListModel *wsp_members_page_get_list_model   (WspMembersPage *self);
gboolean    wsp_members_page_select           (WspMembersPage *self,
                                               const char     *id);
WspRecord  *wsp_members_page_get_selected     (WspMembersPage *self);
void        wsp_members_page_set_search       (WspMembersPage *self,
                                               const char     *text);
const char *wsp_members_page_get_visible_pane (WspMembersPage *self);
GtkWindow  *wsp_members_page_get_editor       (WspMembersPage *self);
const char *wsp_members_page_get_council_warning (WspMembersPage *self);
const char *wsp_members_page_get_section      (WspMembersPage *self);
gboolean    wsp_members_page_get_no_results   (WspMembersPage *self);
GtkWidget  *wsp_members_page_get_list         (WspMembersPage *self);
gboolean    wsp_members_page_get_showing_detail (WspMembersPage *self);
GtkWidget  *wsp_members_page_get_overview_row (WspMembersPage *self);

G_END_DECLS
