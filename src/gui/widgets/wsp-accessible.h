/* wsp-accessible.h — names for screen readers where GTK 4.8 gives none or a wrong one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void  wsp_accessible_install        (void);
char *wsp_accessible_strip_mnemonic (const char *label);
void  wsp_accessible_set_label      (GtkWidget  *widget,
                                     const char *label);
GtkWidget *wsp_accessible_button_new (const char *label);

G_END_DECLS
