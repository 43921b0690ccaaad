/* wsp-ballot-panel.h — one ballot, run at the table: the roll-call by keys, or the totals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "domain/wsp-ballot-run.h"

G_BEGIN_DECLS

#define WSP_TYPE_BALLOT_PANEL (wsp_ballot_panel_get_type ())

G_DECLARE_FINAL_TYPE (WspBallotPanel, wsp_ballot_panel, WSP, BALLOT_PANEL, AdwBin)

/**
 * WspBallotPanelTotal:
 * The totals an open or secret ballot is given.
 */
typedef enum
{
  WSP_BALLOT_PANEL_FOR,
  WSP_BALLOT_PANEL_AGAINST,
  WSP_BALLOT_PANEL_ABSTAIN,
  WSP_BALLOT_PANEL_INVALID,
  WSP_BALLOT_PANEL_N_TOTALS,
} WspBallotPanelTotal;

void            wsp_ballot_panel_set_ballot         (WspBallotPanel *self,
                                                     WspStore       *store,
                                                     const char     *ballot_id);
const char     *wsp_ballot_panel_get_ballot_id      (WspBallotPanel *self);
WspBallotRun   *wsp_ballot_panel_get_run            (WspBallotPanel *self);
void            wsp_ballot_panel_focus_current      (WspBallotPanel *self);
gboolean        wsp_ballot_panel_undo               (WspBallotPanel *self);
gboolean        wsp_ballot_panel_close_if_due       (WspBallotPanel *self);

/* For the tests, which drive the panel as a person does. */
GtkListBox     *wsp_ballot_panel_get_list           (WspBallotPanel *self);
GtkWidget      *wsp_ballot_panel_get_row_status     (WspBallotPanel *self,
                                                     guint           position);
const char     *wsp_ballot_panel_get_counts_text    (WspBallotPanel *self);
const char     *wsp_ballot_panel_get_verdict_text   (WspBallotPanel *self);
const char     *wsp_ballot_panel_get_result_text    (WspBallotPanel *self);
const char     *wsp_ballot_panel_get_totals_message (WspBallotPanel *self);
AdwComboRow    *wsp_ballot_panel_get_mode_row       (WspBallotPanel *self);
GtkSpinButton  *wsp_ballot_panel_get_total          (WspBallotPanel *self,
                                                     WspBallotPanelTotal total);
GtkWidget      *wsp_ballot_panel_get_record_totals_button (WspBallotPanel *self);
GtkWidget      *wsp_ballot_panel_get_casting_button (WspBallotPanel *self,
                                                     WspVoteChoice   choice);
GtkWidget      *wsp_ballot_panel_get_close_button   (WspBallotPanel *self);
GtkWidget      *wsp_ballot_panel_get_undo_button    (WspBallotPanel *self);
GtkWidget      *wsp_ballot_panel_get_correct_button (WspBallotPanel *self);
const char     *wsp_ballot_panel_get_correction_text (WspBallotPanel *self);
gboolean        wsp_ballot_panel_save_vote_list     (WspBallotPanel *self,
                                                     const char     *path,
                                                     GError        **error);

G_END_DECLS
