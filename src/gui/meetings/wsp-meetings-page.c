/* wsp-meetings-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "meetings/wsp-meetings-page.h"

struct _WspMeetingsPage
{
  AdwBin parent_instance;
};

G_DEFINE_FINAL_TYPE (WspMeetingsPage, wsp_meetings_page, ADW_TYPE_BIN)

static void
wsp_meetings_page_class_init (WspMeetingsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Wspolnie/meetings/wsp-meetings-page.ui");
}

static void
wsp_meetings_page_init (WspMeetingsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
