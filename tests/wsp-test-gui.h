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

typedef gboolean (*WspTestCond) (gpointer data);

gboolean        wsp_test_wait      (WspTestCond  cond,
                                    gpointer     data,
                                    guint        seconds);
void            wsp_test_iterate   (void);
GtkWidget      *wsp_test_find_button (GtkWidget  *root,
                                      const char *label);
void            wsp_test_click     (GtkWidget  *button);
void            wsp_test_pointer_click (GtkWidget *widget);
void            wsp_test_click_label (GtkWidget  *root,
                                      const char *label);
GtkWindow      *wsp_test_find_window (GType      type);
void            wsp_test_choose_file (const char *path,
                                      gboolean    saving);
gboolean        wsp_test_has_focus (GtkWindow  *window,
                                    GtkWidget  *widget);
void            wsp_test_type_into (GtkWidget  *widget,
                                    const char *text);

G_END_DECLS
