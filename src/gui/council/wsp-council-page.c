/* wsp-council-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "council/wsp-council-page.h"

struct _WspCouncilPage
{
  AdwBin parent_instance;
};

G_DEFINE_FINAL_TYPE (WspCouncilPage, wsp_council_page, ADW_TYPE_BIN)

static void
wsp_council_page_class_init (WspCouncilPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Wspolnie/council/wsp-council-page.ui");
}

static void
wsp_council_page_init (WspCouncilPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
