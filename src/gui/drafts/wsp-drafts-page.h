/* wsp-drafts-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define WSP_TYPE_DRAFTS_PAGE (wsp_drafts_page_get_type ())

G_DECLARE_FINAL_TYPE (WspDraftsPage, wsp_drafts_page, WSP, DRAFTS_PAGE, AdwBin)

G_END_DECLS
