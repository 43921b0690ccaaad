/* wsp-election-panel.h — one election of delegates: candidates, the count, the elected, the run-off
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "store/wsp-store.h"

G_BEGIN_DECLS

#define WSP_TYPE_ELECTION_PANEL (wsp_election_panel_get_type ())

G_DECLARE_FINAL_TYPE (WspElectionPanel, wsp_election_panel, WSP, ELECTION_PANEL, AdwBin)

GtkWidget     *wsp_election_panel_new                 (void);
void           wsp_election_panel_set_election        (WspElectionPanel *self,
                                                       WspStore         *store,
                                                       const char       *election_id);
const char    *wsp_election_panel_get_election_id     (WspElectionPanel *self);
void           wsp_election_panel_focus               (WspElectionPanel *self);

/* For the tests, which drive the panel as a person does. */
GtkWidget     *wsp_election_panel_get_candidate_entry (WspElectionPanel *self);
GtkSpinButton *wsp_election_panel_get_seats           (WspElectionPanel *self);
GtkSpinButton *wsp_election_panel_get_votes           (WspElectionPanel *self,
                                                       guint             position);
GtkSpinButton *wsp_election_panel_get_cards           (WspElectionPanel *self,
                                                       gboolean          invalid);
GtkWidget     *wsp_election_panel_get_record_button   (WspElectionPanel *self);
GtkWidget     *wsp_election_panel_get_close_button    (WspElectionPanel *self);
GtkWidget     *wsp_election_panel_get_runoff_button   (WspElectionPanel *self);
GtkWidget     *wsp_election_panel_get_save_button     (WspElectionPanel *self);
const char    *wsp_election_panel_get_outcome_text    (WspElectionPanel *self);
const char    *wsp_election_panel_get_message_text    (WspElectionPanel *self);
const char    *wsp_election_panel_get_result_text     (WspElectionPanel *self);
char          *wsp_election_panel_dup_ranking_text    (WspElectionPanel *self);

G_END_DECLS
