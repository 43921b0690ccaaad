/* wsp-gui-util.h — small helpers shared by the views
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

char *wsp_gui_today       (void);
void  wsp_gui_set_toast_overlay (GtkWindow       *window,
                                 AdwToastOverlay *overlay);
void  wsp_gui_add_toast   (GtkWidget  *widget,
                           AdwToast   *toast);
void  wsp_gui_show_error  (GtkWidget  *widget,
                           GError     *error);
char *wsp_gui_capitalize (const char *text);
GtkWidget *wsp_gui_value_row (const char *title,
                              const char *value);

G_END_DECLS
