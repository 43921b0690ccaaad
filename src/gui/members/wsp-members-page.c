/* wsp-members-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "wsp-members-page.h"

struct _WspMembersPage
{
  AdwBin parent_instance;
};

G_DEFINE_FINAL_TYPE (WspMembersPage, wsp_members_page, ADW_TYPE_BIN)

static void
wsp_members_page_class_init (WspMembersPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Wspolnie/members/wsp-members-page.ui");
}

static void
wsp_members_page_init (WspMembersPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
