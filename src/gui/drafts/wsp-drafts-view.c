/* wsp-drafts-view.c — the city's draft resolutions sent to the Council
 *
 * The drafts sent for the Council's opinion, newest first: who sent them,
 * when, when the opinion is due, where they stand.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "drafts/wsp-drafts-view.h"
#include "records/wsp-records-drafts.h"
#include "widgets/wsp-record-rows.h"

struct _WspDraftsView
{
  WspListView parent_instance;
};

G_DEFINE_FINAL_TYPE (WspDraftsView, wsp_drafts_view, WSP_TYPE_LIST_VIEW)

static void
wsp_drafts_view_class_init (WspDraftsViewClass *klass)
{
  WspListViewClass *list_class = WSP_LIST_VIEW_CLASS (klass);

  list_class->record_type = WSP_TYPE_DRAFT;
  list_class->row_new = wsp_draft_row_new;
  wsp_list_view_class_set_empty (list_class, "wsp-drafts-symbolic", N_("No Draft Resolutions Yet"),
                                 N_("Draft resolutions sent to the Council will appear here, split into § "
                                    "and points, with comments and proposed wording, the table of comments "
                                    "and the opinion with its deadline."));
}

static void
wsp_drafts_view_init (WspDraftsView *self)
{
}
