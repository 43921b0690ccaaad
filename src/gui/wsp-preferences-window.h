/* wsp-preferences-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "store/wsp-store.h"

G_BEGIN_DECLS

#define WSP_TYPE_PREFERENCES_WINDOW (wsp_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (WspPreferencesWindow, wsp_preferences_window, WSP, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

WspPreferencesWindow *wsp_preferences_window_new                   (GSettings            *settings,
                                                                    WspStore             *store);
GtkWidget            *wsp_preferences_window_get_executive_row (WspPreferencesWindow *self);
const char           *wsp_preferences_window_get_laptop_description (WspPreferencesWindow *self);
GtkWidget            *wsp_preferences_window_get_laptop_name_row (WspPreferencesWindow *self);

G_END_DECLS
