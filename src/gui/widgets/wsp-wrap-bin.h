/* wsp-wrap-bin.h — a wrapping label that is only ever measured for its height
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define WSP_TYPE_WRAP_BIN (wsp_wrap_bin_get_type ())

G_DECLARE_FINAL_TYPE (WspWrapBin, wsp_wrap_bin, WSP, WRAP_BIN, GtkWidget)

GtkWidget *wsp_wrap_bin_new       (const char *text,
                                   const char *css_class);
GtkLabel  *wsp_wrap_bin_get_label (WspWrapBin *self);

G_END_DECLS
