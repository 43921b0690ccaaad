/* wsp-list-view.h — a view that lists records: the base of the simple views
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "store/wsp-store.h"

G_BEGIN_DECLS

#define WSP_TYPE_LIST_VIEW (wsp_list_view_get_type ())

G_DECLARE_DERIVABLE_TYPE (WspListView, wsp_list_view, WSP, LIST_VIEW, AdwBin)

struct _WspListViewClass
{
  AdwBinClass parent_class;

  /* The records to list, live (a list model of WspRecord). Called again
   * when a body (the Forum, the Council) is added or changed. */
  GListModel *(*create_model) (WspListView *self,
                               WspStore    *store);
  /* The row of one record; an AdwActionRow by default, titled by the
   * record's title. */
  GtkWidget  *(*create_row)   (WspListView *self,
                               gpointer     item);

  /* Shown while there is nothing to list. */
  const char *empty_icon_name;
  const char *empty_title;       /* N_() */
  const char *empty_description; /* N_() */
};

void        wsp_list_view_class_set_empty  (WspListViewClass *klass,
                                            const char       *icon_name,
                                            const char       *title,
                                            const char       *description);
WspStore   *wsp_list_view_get_store        (WspListView      *self);
GListModel *wsp_list_view_get_model        (WspListView      *self);
void        wsp_list_view_set_search       (WspListView      *self,
                                            const char       *text);
gboolean    wsp_list_view_is_empty         (WspListView      *self);
GtkWidget  *wsp_list_view_row_new          (const char       *title,
                                            const char       *subtitle);

G_END_DECLS
