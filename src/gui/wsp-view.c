/* wsp-view.c — what every view of the window is: the view contract
 *
 * A view is a widget in one folder of src/gui that the window knows by one
 * line of its table (WspViewInfo): it is given the store, it can put the
 * focus in its search, and it names its keys, which the window makes work
 * while the view is shown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "wsp-view.h"

G_DEFINE_INTERFACE (WspView, wsp_view, GTK_TYPE_WIDGET)

static void
wsp_view_default_init (WspViewInterface *iface)
{
}

/* Gives the view the store to show (NULL: none, the database is not open). */
void
wsp_view_set_store (WspView  *self,
                    WspStore *store)
{
  g_return_if_fail (WSP_IS_VIEW (self));
  WSP_VIEW_GET_IFACE (self)->set_store (self, store);
}

/* Ctrl+F: the focus goes to the view's search. */
void
wsp_view_focus_search (WspView *self)
{
  WspViewInterface *iface;

  g_return_if_fail (WSP_IS_VIEW (self));
  iface = WSP_VIEW_GET_IFACE (self);
  if (iface->focus_search != NULL)
    iface->focus_search (self);
}

/* The view's keys, or NULL when it has none. */
const WspViewShortcut *
wsp_view_get_shortcuts (WspView *self,
                        guint   *n_shortcuts)
{
  WspViewInterface *iface;

  g_return_val_if_fail (WSP_IS_VIEW (self), NULL);
  iface = WSP_VIEW_GET_IFACE (self);
  if (iface->get_shortcuts == NULL)
    {
      *n_shortcuts = 0;
      return NULL;
    }
  return iface->get_shortcuts (self, n_shortcuts);
}

/* Shows the record @id in the view (a ballot in the Votes view); FALSE
 * when the view has no such record to show. */
gboolean
wsp_view_show_record (WspView    *self,
                      const char *id)
{
  WspViewInterface *iface;

  g_return_val_if_fail (WSP_IS_VIEW (self), FALSE);
  iface = WSP_VIEW_GET_IFACE (self);
  return iface->show_record != NULL && id != NULL && iface->show_record (self, id);
}
