/* wsp-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "store/wsp-store.h"

G_BEGIN_DECLS

#define WSP_TYPE_WINDOW (wsp_window_get_type ())

G_DECLARE_FINAL_TYPE (WspWindow, wsp_window, WSP, WINDOW, AdwApplicationWindow)

WspWindow          *wsp_window_new               (GtkApplication *application,
                                                  WspStore       *store);
void                wsp_window_set_store         (WspWindow      *self,
                                                  WspStore       *store,
                                                  gboolean        demo);
gboolean            wsp_window_get_demo_shown    (WspWindow      *self);
const char * const *wsp_window_get_view_names    (void);
const char         *wsp_window_get_visible_view  (WspWindow      *self);
GtkWidget          *wsp_window_get_view          (WspWindow      *self,
                                                  const char     *name);
gboolean            wsp_window_is_narrow         (WspWindow      *self);
void                wsp_window_enter_review      (WspWindow      *self,
                                                  const char     *draft_id);
gboolean            wsp_window_get_reviewing     (WspWindow      *self);
GtkWindow          *wsp_window_open_packet       (WspWindow      *self,
                                                  GFile          *file);
GtkWindow          *wsp_window_show_conflicts    (WspWindow      *self);
gboolean            wsp_window_get_conflicts_shown (WspWindow    *self);
GtkWindow          *wsp_window_show_export       (WspWindow      *self);
void                wsp_window_add_toast         (WspWindow      *self,
                                                  AdwToast       *toast);

G_END_DECLS
