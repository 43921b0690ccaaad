/* wsp-meetings-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define WSP_TYPE_MEETINGS_PAGE (wsp_meetings_page_get_type ())

G_DECLARE_FINAL_TYPE (WspMeetingsPage, wsp_meetings_page, WSP, MEETINGS_PAGE, AdwBin)

G_END_DECLS
