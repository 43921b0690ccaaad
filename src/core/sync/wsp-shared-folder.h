/* wsp-shared-folder.h — keeping in step through a folder others keep in step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "store/wsp-store.h"

G_BEGIN_DECLS

#define WSP_SHARED_FOLDER_ERROR (wsp_shared_folder_error_quark ())

/**
 * WspSharedFolderError:
 * @WSP_SHARED_FOLDER_ERROR_NOT_FOUND: the folder does not exist
 * @WSP_SHARED_FOLDER_ERROR_NOT_A_FOLDER: the path is a file, not a folder
 * @WSP_SHARED_FOLDER_ERROR_NOT_LOCAL: the folder is not on this computer's file system
 * @WSP_SHARED_FOLDER_ERROR_DATABASE_INSIDE: the live database is inside the folder
 */
typedef enum
{
  WSP_SHARED_FOLDER_ERROR_NOT_FOUND,
  WSP_SHARED_FOLDER_ERROR_NOT_A_FOLDER,
  WSP_SHARED_FOLDER_ERROR_NOT_LOCAL,
  WSP_SHARED_FOLDER_ERROR_DATABASE_INSIDE,
} WspSharedFolderError;

GQuark wsp_shared_folder_error_quark (void);

#define WSP_SHARED_FOLDER_KEEP_OWN 3 /* this laptop's newest packets left in the folder */
#define WSP_SHARED_FOLDER_RESCAN_S 30 /* the folder is read again this often, events or not */

#define WSP_TYPE_SHARED_FOLDER (wsp_shared_folder_get_type ())

G_DECLARE_FINAL_TYPE (WspSharedFolder, wsp_shared_folder, WSP, SHARED_FOLDER, GObject)

WspSharedFolder *wsp_shared_folder_new          (WspStore        *store,
                                                 GFile           *folder,
                                                 GError         **error);
WspStore        *wsp_shared_folder_get_store    (WspSharedFolder *self);
GFile           *wsp_shared_folder_get_folder   (WspSharedFolder *self);
gboolean         wsp_shared_folder_start        (WspSharedFolder *self,
                                                 GError         **error);
void             wsp_shared_folder_stop         (WspSharedFolder *self);
gboolean         wsp_shared_folder_is_running   (WspSharedFolder *self);
void             wsp_shared_folder_scan_now     (WspSharedFolder *self);
void             wsp_shared_folder_retry        (WspSharedFolder *self);
gboolean         wsp_shared_folder_export_now   (WspSharedFolder *self,
                                                 GError         **error);
gboolean         wsp_shared_folder_is_candidate (const char      *name);

G_END_DECLS
