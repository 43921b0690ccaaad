/* wsp-record-rows.h — how the views show a draft, a ballot in a list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "records/wsp-record.h"

G_BEGIN_DECLS

GtkWidget *wsp_draft_row_new   (WspRecord *draft);
GtkWidget *wsp_ballot_row_new  (WspRecord *ballot);

G_END_DECLS
