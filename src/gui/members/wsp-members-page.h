/* wsp-members-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define WSP_TYPE_MEMBERS_PAGE (wsp_members_page_get_type ())

G_DECLARE_FINAL_TYPE (WspMembersPage, wsp_members_page, WSP, MEMBERS_PAGE, AdwBin)

G_END_DECLS
