/* wsp-run-sheet.h — the agenda taken item by item, with notes for the minutes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "store/wsp-store.h"

G_BEGIN_DECLS

#define WSP_TYPE_RUN_SHEET (wsp_run_sheet_get_type ())

G_DECLARE_FINAL_TYPE (WspRunSheet, wsp_run_sheet, WSP, RUN_SHEET, AdwBin)

/* How long typing pauses before the notes are saved. */
#define WSP_RUN_SHEET_SAVE_DELAY_MS 600

void         wsp_run_sheet_set_meeting      (WspRunSheet *self,
                                             WspStore    *store,
                                             const char  *meeting_id);
GtkTextView *wsp_run_sheet_get_notes_view   (WspRunSheet *self,
                                             guint        index);
GtkWidget   *wsp_run_sheet_get_row          (WspRunSheet *self,
                                             guint        index);
GtkWidget   *wsp_run_sheet_get_next_button  (WspRunSheet *self);
GtkWidget   *wsp_run_sheet_get_vote_button  (WspRunSheet *self,
                                             guint        index);
GtkWidget   *wsp_run_sheet_get_recusal_button (WspRunSheet *self,
                                             guint        index);
const char  *wsp_run_sheet_get_item_quorum_text (WspRunSheet *self,
                                             guint        index);
int          wsp_run_sheet_get_current      (WspRunSheet *self);
void         wsp_run_sheet_flush            (WspRunSheet *self);

G_END_DECLS
