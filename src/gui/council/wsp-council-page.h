/* wsp-council-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define WSP_TYPE_COUNCIL_PAGE (wsp_council_page_get_type ())

G_DECLARE_FINAL_TYPE (WspCouncilPage, wsp_council_page, WSP, COUNCIL_PAGE, AdwBin)

G_END_DECLS
