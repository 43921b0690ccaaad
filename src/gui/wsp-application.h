/* wsp-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sync/wsp-shared-folder.h"
#include "store/wsp-store.h"

G_BEGIN_DECLS

#define WSP_TYPE_APPLICATION (wsp_application_get_type ())

G_DECLARE_FINAL_TYPE (WspApplication, wsp_application, WSP, APPLICATION, AdwApplication)

WspApplication *wsp_application_new               (void);
const char     *wsp_application_get_database_path (WspApplication *self);
GSettings      *wsp_application_get_settings      (WspApplication *self);
WspStore       *wsp_application_get_store         (WspApplication *self);
WspSharedFolder *wsp_application_get_shared_folder (WspApplication *self);
gboolean        wsp_application_get_failed        (WspApplication *self);
gboolean        wsp_application_get_demo          (WspApplication *self);

G_END_DECLS
