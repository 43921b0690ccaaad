/* wsp-list-update.h — a list model's items replaced, announcing only what changed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef gboolean (*WspSameFunc) (gpointer a,
                                 gpointer b);

void wsp_list_update (GListModel  *model,
                      GPtrArray  **items,
                      GPtrArray   *fresh,
                      WspSameFunc  same);

G_END_DECLS
