/* wsp-database-private.h — the connection itself, for the store's own files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "store/wsp-database.h"

G_BEGIN_DECLS

sqlite3 *wsp_database_get_handle (WspDatabase *self);

G_END_DECLS
