/* wsp-agenda-item.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "records/wsp-record.h"

G_BEGIN_DECLS

#define WSP_TYPE_AGENDA_ITEM (wsp_agenda_item_get_type ())

G_DECLARE_FINAL_TYPE (WspAgendaItem, wsp_agenda_item, WSP, AGENDA_ITEM, WspRecord)

WspAgendaItem *wsp_agenda_item_new (void);

G_END_DECLS
