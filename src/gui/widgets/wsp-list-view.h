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

  /* What is listed, by default: every record of @record_type, or those of
   * one body (its body_id) when @body_kind says which ("forum",
   * "council"); each shown by @row_new. */
  GType        record_type;
  const char  *body_kind;
  GtkWidget *(*row_new)      (WspRecord   *record);

  /* Or a subclass says it itself. The records to list, live (a list model
   * of WspRecord); called again when a body is added or changed. */
  GListModel *(*create_model) (WspListView *self,
                               WspStore    *store);
  /* The row of one item (by default @row_new, or the record's title). */
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
