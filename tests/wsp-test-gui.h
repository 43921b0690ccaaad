/* wsp-test-gui.h — helpers shared by the tests that need a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "wsp-application.h"

G_BEGIN_DECLS

WspApplication *wsp_test_start_app (void);
void            wsp_test_settle    (GtkWidget  *widget);
void            wsp_test_shot      (GtkWidget  *widget,
                                    const char *name);

G_END_DECLS
