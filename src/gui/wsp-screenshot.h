/* wsp-screenshot.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "wsp-window.h"

G_BEGIN_DECLS

gboolean wsp_screenshot_widget_to_png (GtkWidget            *widget,
                                       const char           *path,
                                       GError              **error);
void     wsp_screenshot_window_async  (WspWindow            *window,
                                       const char           *directory,
                                       GCancellable         *cancellable,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data);
gboolean wsp_screenshot_window_finish (GAsyncResult         *result,
                                       GError              **error);

G_END_DECLS
