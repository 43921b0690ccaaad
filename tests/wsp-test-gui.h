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
void            wsp_test_focus_window (GtkWindow *window);
void            wsp_test_press     (GtkWindow  *window,
                                    const char *accelerator);
void            wsp_test_send_keys (GtkWindow  *window,
                                    const char *accelerator);
void            wsp_test_type      (GtkWindow  *window,
                                    const char *text);

G_END_DECLS
