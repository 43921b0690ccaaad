/* wsp-detail-groups.c — the groups of a detail page, made again as it changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "widgets/wsp-detail-groups.h"

void
wsp_detail_groups_init (WspDetailGroups    *self,
                        AdwPreferencesPage *page)
{
  self->page = page;
  self->groups = g_ptr_array_new ();
}

/* Takes every group away. */
void
wsp_detail_groups_clear (WspDetailGroups *self)
{
  for (guint i = 0; i < self->groups->len; i++)
    adw_preferences_page_remove (self->page, g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);
}

/* Adds a group, below the others. */
AdwPreferencesGroup *
wsp_detail_groups_add (WspDetailGroups *self,
                       const char      *title,
                       const char      *description)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

  adw_preferences_group_set_title (group, title);
  if (description != NULL)
    adw_preferences_group_set_description (group, description);
  adw_preferences_page_add (self->page, group);
  g_ptr_array_add (self->groups, group);
  return group;
}

/* Takes one group away (one with nothing in it says nothing). */
void
wsp_detail_groups_remove (WspDetailGroups     *self,
                          AdwPreferencesGroup *group)
{
  adw_preferences_page_remove (self->page, group);
  g_ptr_array_remove (self->groups, group);
}

/* For the page's dispose: the groups go with the page. */
void
wsp_detail_groups_finish (WspDetailGroups *self)
{
  g_clear_pointer (&self->groups, g_ptr_array_unref);
}
