/* wsp-detail-groups.h — the groups of a detail page, made again as it changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/**
 * WspDetailGroups:
 *
 * The groups a detail page (an organisation, a person, the Forum, a term of
 * the Council) shows under its header; they are all taken away and added
 * again whenever what the page shows changes.
 */
typedef struct
{
  AdwPreferencesPage *page;
  GPtrArray          *groups;
} WspDetailGroups;

void                 wsp_detail_groups_init   (WspDetailGroups     *self,
                                               AdwPreferencesPage  *page);
void                 wsp_detail_groups_clear  (WspDetailGroups     *self);
AdwPreferencesGroup *wsp_detail_groups_add    (WspDetailGroups     *self,
                                               const char          *title,
                                               const char          *description);
void                 wsp_detail_groups_remove (WspDetailGroups     *self,
                                               AdwPreferencesGroup *group);
void                 wsp_detail_groups_finish (WspDetailGroups     *self);

G_END_DECLS
