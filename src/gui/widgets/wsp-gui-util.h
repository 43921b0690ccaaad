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
char      *wsp_gui_format_date (const char *date);
const char *wsp_gui_get_executive (void);
GSettings *wsp_gui_get_settings  (void);
char      *wsp_gui_parse_date  (const char *text);
char      *wsp_gui_day_after   (const char *day);
void       wsp_gui_scroll_to_top (GtkWidget *widget);
GtkWidget *wsp_gui_find_button (GtkWidget  *widget,
                                const char *label);
void       wsp_gui_wrap_button_labels (GtkWidget *root);
GtkLabel  *wsp_gui_new_label   (const char *css_class);

G_END_DECLS
