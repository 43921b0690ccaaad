/* wsp-council-view.c — the Public Benefit Council: meetings, term, drafts, resolutions
 *
 * Three pages: the Council's meetings and agendas (the meetings module,
 * the same as the Forum's), its current term with the composition and the
 * warnings Members computes and the drafts waiting for its opinion with the
 * days left, and its register of adopted resolutions and opinions by
 * number.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "council/wsp-council-view.h"
#include "widgets/wsp-page-switcher.h"
#include "wsp-view.h"

struct _WspCouncilView
{
  AdwBin                 parent_instance;

  GtkStack          *pages;
  WspMeetingsPage       *meetings;
  WspCouncilSummary     *summary;
  WspResolutionRegister *register_;
};

static void view_iface_init (WspViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (WspCouncilView, wsp_council_view, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (WSP_TYPE_VIEW, view_iface_init))

WspMeetingsPage *
wsp_council_view_get_meetings (WspCouncilView *self)
{
  g_return_val_if_fail (WSP_IS_COUNCIL_VIEW (self), NULL);
  return self->meetings;
}

WspCouncilSummary *
wsp_council_view_get_summary (WspCouncilView *self)
{
  g_return_val_if_fail (WSP_IS_COUNCIL_VIEW (self), NULL);
  return self->summary;
}

WspResolutionRegister *
wsp_council_view_get_register (WspCouncilView *self)
{
  g_return_val_if_fail (WSP_IS_COUNCIL_VIEW (self), NULL);
  return self->register_;
}

/* Shows "meetings", "summary" or "register". */
void
wsp_council_view_show_page (WspCouncilView *self,
                            const char     *name)
{
  g_return_if_fail (WSP_IS_COUNCIL_VIEW (self));
  gtk_stack_set_visible_child_name (self->pages, name);
}

static void
view_set_store (WspView  *view,
                WspStore *store)
{
  WspCouncilView *self = WSP_COUNCIL_VIEW (view);

  wsp_meetings_page_set_store (self->meetings, store);
  wsp_council_summary_set_store (self->summary, store);
  wsp_resolution_register_set_store (self->register_, store);
}

static void
view_focus_search (WspView *view)
{
  WspCouncilView *self = WSP_COUNCIL_VIEW (view);

  gtk_stack_set_visible_child_name (self->pages, "meetings");
  wsp_meetings_page_focus_search (self->meetings);
}

static const WspViewShortcut shortcuts[] = {
  { "<Control>n", "council.new-meeting" },
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
  WspCouncilView *self = WSP_COUNCIL_VIEW (widget);

  gtk_stack_set_visible_child_name (self->pages, "meetings");
  wsp_meetings_page_new_meeting (self->meetings);
}

static void
wsp_council_view_class_init (WspCouncilViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (WSP_TYPE_MEETINGS_PAGE);
  g_type_ensure (WSP_TYPE_PAGE_SWITCHER);
  g_type_ensure (WSP_TYPE_COUNCIL_SUMMARY);
  g_type_ensure (WSP_TYPE_RESOLUTION_REGISTER);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Wspolnie/council/wsp-council-view.ui");
  gtk_widget_class_bind_template_child (widget_class, WspCouncilView, pages);
  gtk_widget_class_bind_template_child (widget_class, WspCouncilView, meetings);
  gtk_widget_class_bind_template_child (widget_class, WspCouncilView, summary);
  gtk_widget_class_bind_template_child_full (widget_class, "register", FALSE,
                                             G_STRUCT_OFFSET (WspCouncilView, register_));
  gtk_widget_class_install_action (widget_class, "council.new-meeting", NULL, new_meeting_action);
}

static void
wsp_council_view_init (WspCouncilView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
