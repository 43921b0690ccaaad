/* wsp-meetings-view.c — the NGO Forum's meetings
 *
 * The window's Meetings view: the meetings module (WspMeetingsPage) for
 * the NGO Forum. The Council view shows the same module for the Council.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "meetings/wsp-meetings-view.h"
#include "wsp-view.h"

struct _WspMeetingsView
{
  AdwBin           parent_instance;

  WspMeetingsPage *page;
};

static void view_iface_init (WspViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (WspMeetingsView, wsp_meetings_view, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (WSP_TYPE_VIEW, view_iface_init))

WspMeetingsPage *
wsp_meetings_view_get_page (WspMeetingsView *self)
{
  g_return_val_if_fail (WSP_IS_MEETINGS_VIEW (self), NULL);
  return self->page;
}

static void
view_set_store (WspView  *view,
                WspStore *store)
{
  wsp_meetings_page_set_store (WSP_MEETINGS_VIEW (view)->page, store);
}

static void
view_focus_search (WspView *view)
{
  wsp_meetings_page_focus_search (WSP_MEETINGS_VIEW (view)->page);
}

/* The view's keys: they work while it is shown, wherever the focus is. */
static const WspViewShortcut shortcuts[] = {
  { "<Control>n", "forum.new-meeting" },
};

static const WspViewShortcut *
view_get_shortcuts (WspView *view,
                    guint   *n_shortcuts)
{
  *n_shortcuts = G_N_ELEMENTS (shortcuts);
  return shortcuts;
}

static void
view_iface_init (WspViewInterface *iface)
{
  iface->set_store = view_set_store;
  iface->focus_search = view_focus_search;
  iface->get_shortcuts = view_get_shortcuts;
}

static void
new_meeting_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  wsp_meetings_page_new_meeting (WSP_MEETINGS_VIEW (widget)->page);
}

static void
wsp_meetings_view_class_init (WspMeetingsViewClass *klass)
{
  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "forum.new-meeting", NULL, new_meeting_action);
}

static void
wsp_meetings_view_init (WspMeetingsView *self)
{
  self->page = g_object_new (WSP_TYPE_MEETINGS_PAGE, "body-kind", "forum", NULL);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->page));
}
