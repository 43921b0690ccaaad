/* wsp-votes-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "votes/wsp-votes-page.h"

struct _WspVotesPage
{
  AdwBin parent_instance;
};

G_DEFINE_FINAL_TYPE (WspVotesPage, wsp_votes_page, ADW_TYPE_BIN)

static void
wsp_votes_page_class_init (WspVotesPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Wspolnie/votes/wsp-votes-page.ui");
}

static void
wsp_votes_page_init (WspVotesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
