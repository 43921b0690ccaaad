/* wsp-agenda-item-editor.h — one item of an agenda: kind, title, presenter, time, draft
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "store/wsp-store.h"

G_BEGIN_DECLS

#define WSP_TYPE_AGENDA_ITEM_EDITOR (wsp_agenda_item_editor_get_type ())

G_DECLARE_FINAL_TYPE (WspAgendaItemEditor, wsp_agenda_item_editor, WSP, AGENDA_ITEM_EDITOR, AdwWindow)

WspAgendaItemEditor *wsp_agenda_item_editor_new  (WspStore            *store,
                                                  WspRecord           *meeting,
                                                  WspRecord           *item,
                                                  guint                index);
gboolean             wsp_agenda_item_editor_save (WspAgendaItemEditor *self,
                                                  GError             **error);

G_END_DECLS
