/* wsp-record-list.h — a live list of records for views to bind to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#include "store/wsp-store.h"

#define WSP_TYPE_RECORD_LIST (wsp_record_list_get_type ())

G_DECLARE_FINAL_TYPE (WspRecordList, wsp_record_list, WSP, RECORD_LIST, GObject)

WspRecordList *wsp_record_list_new    (WspStore      *store,
                                       GType          type,
                                       const char    *field,
                                       const char    *value);
void           wsp_record_list_reload (WspRecordList *self);

G_END_DECLS
