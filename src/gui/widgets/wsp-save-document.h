/* wsp-save-document.h — save a document where the secretary chooses, in the format its name says
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "output/wsp-document.h"

G_BEGIN_DECLS

void wsp_save_document (GtkWidget   *widget,
                        WspDocument *document,
                        const char  *title,
                        const char  *file_name);

G_END_DECLS
