/* wsp-page-switcher.h — buttons that choose the page of a stack, narrowing to icons
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define WSP_TYPE_PAGE_SWITCHER (wsp_page_switcher_get_type ())

G_DECLARE_FINAL_TYPE (WspPageSwitcher, wsp_page_switcher, WSP, PAGE_SWITCHER, AdwBin)

void      wsp_page_switcher_set_stack (WspPageSwitcher *self,
                                       GtkStack        *stack);
GtkStack *wsp_page_switcher_get_stack (WspPageSwitcher *self);

G_END_DECLS
