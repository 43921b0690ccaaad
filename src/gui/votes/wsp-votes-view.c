/* wsp-votes-view.c — every ballot of the Forum and the Council
 *
 * Every ballot, oldest first: the question, when, how it was voted, and
 * whether it is still open.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "votes/wsp-votes-view.h"
#include "records/wsp-records-votes.h"
#include "widgets/wsp-record-rows.h"

struct _WspVotesView
{
  WspListView parent_instance;
};

G_DEFINE_FINAL_TYPE (WspVotesView, wsp_votes_view, WSP_TYPE_LIST_VIEW)

static void
wsp_votes_view_class_init (WspVotesViewClass *klass)
{
  WspListViewClass *list_class = WSP_LIST_VIEW_CLASS (klass);

  list_class->record_type = WSP_TYPE_BALLOT;
  list_class->row_new = wsp_ballot_row_new;
  wsp_list_view_class_set_empty (list_class, "wsp-votes-symbolic", N_("No Votes Yet"),
                                 N_("Votes will appear here: open, roll-call and secret, with quorum, "
                                    "majority and the result, votes by circulation and elections of "
                                    "delegates."));
}

static void
wsp_votes_view_init (WspVotesView *self)
{
}
