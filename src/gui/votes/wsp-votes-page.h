/* wsp-votes-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define WSP_TYPE_VOTES_PAGE (wsp_votes_page_get_type ())

G_DECLARE_FINAL_TYPE (WspVotesPage, wsp_votes_page, WSP, VOTES_PAGE, AdwBin)

G_END_DECLS
