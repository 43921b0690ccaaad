/* wsp-agenda-editor.h — building a meeting's agenda
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "store/wsp-store.h"

G_BEGIN_DECLS

#define WSP_TYPE_AGENDA_EDITOR (wsp_agenda_editor_get_type ())

G_DECLARE_FINAL_TYPE (WspAgendaEditor, wsp_agenda_editor, WSP, AGENDA_EDITOR, AdwBin)

void        wsp_agenda_editor_set_meeting     (WspAgendaEditor *self,
                                               WspStore        *store,
                                               const char      *meeting_id);
GtkListBox *wsp_agenda_editor_get_list        (WspAgendaEditor *self);
GtkWidget  *wsp_agenda_editor_get_add_button  (WspAgendaEditor *self);
GtkWidget  *wsp_agenda_editor_get_standard_button (WspAgendaEditor *self);
GtkWindow  *wsp_agenda_editor_get_dialog      (WspAgendaEditor *self);
char       *wsp_agenda_editor_dup_titles      (WspAgendaEditor *self);
gboolean    wsp_agenda_editor_drop            (WspAgendaEditor *self,
                                               const char      *item_id,
                                               guint            target_row,
                                               gboolean         after);

G_END_DECLS
