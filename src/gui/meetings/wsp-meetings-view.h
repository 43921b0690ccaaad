/* wsp-meetings-view.h — the meetings of a body: the meetings module
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "widgets/wsp-list-view.h"

G_BEGIN_DECLS

#define WSP_TYPE_MEETINGS_VIEW (wsp_meetings_view_get_type ())

G_DECLARE_DERIVABLE_TYPE (WspMeetingsView, wsp_meetings_view, WSP, MEETINGS_VIEW, WspListView)

struct _WspMeetingsViewClass
{
  WspListViewClass parent_class;

  const char *body_kind; /* whose meetings: "forum" (the default) or "council" */
};

G_END_DECLS
