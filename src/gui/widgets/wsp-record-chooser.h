/* wsp-record-chooser.h — choosing one record (a person, an organisation) from a long list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "store/wsp-store.h"

G_BEGIN_DECLS

GtkWidget *wsp_record_chooser_new          (WspStore    *store,
                                            GType        type,
                                            const char  *accessible_label);
WspRecord *wsp_record_chooser_get_selected (GtkWidget   *chooser);
gboolean   wsp_record_chooser_select       (GtkWidget   *chooser,
                                            const char  *id);
void       wsp_drop_down_fit_labels        (GtkDropDown *drop_down);

G_END_DECLS
