/* wsp-votes-view.h — every ballot of the Forum and the Council, and the one being run
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "votes/wsp-ballot-panel.h"
#include "votes/wsp-election-panel.h"

G_BEGIN_DECLS

#define WSP_TYPE_VOTES_VIEW (wsp_votes_view_get_type ())

G_DECLARE_FINAL_TYPE (WspVotesView, wsp_votes_view, WSP, VOTES_VIEW, AdwBin)

WspBallotPanel *wsp_votes_view_get_panel   (WspVotesView *self);
WspElectionPanel *wsp_votes_view_get_election_panel (WspVotesView *self);
GListModel     *wsp_votes_view_get_ballots (WspVotesView *self);
gboolean        wsp_votes_view_select      (WspVotesView *self,
                                            const char   *ballot_id);
GtkDropDown    *wsp_votes_view_get_filter  (WspVotesView *self);
gboolean        wsp_votes_view_get_duplicate_shown (WspVotesView *self);
GtkWidget      *wsp_votes_view_get_renumber_button (WspVotesView *self);

G_END_DECLS
