/* wsp-drafts-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "drafts/wsp-drafts-page.h"

struct _WspDraftsPage
{
  AdwBin parent_instance;
};

G_DEFINE_FINAL_TYPE (WspDraftsPage, wsp_drafts_page, ADW_TYPE_BIN)

static void
wsp_drafts_page_class_init (WspDraftsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Wspolnie/drafts/wsp-drafts-page.ui");
}

static void
wsp_drafts_page_init (WspDraftsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
