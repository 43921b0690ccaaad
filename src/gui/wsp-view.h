/* wsp-view.h — what every view of the window is: the view contract
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "store/wsp-store.h"

G_BEGIN_DECLS

/**
 * WspViewShortcut:
 * @trigger: the keys, as gtk_shortcut_trigger_parse_string() reads them
 * @action: the view's action they run ("members.add-organisation")
 *
 * A key of a view: it works while the view is shown, wherever the focus is
 * in the window (but for the keys a text field takes itself).
 */
typedef struct
{
  const char *trigger;
  const char *action;
} WspViewShortcut;

#define WSP_TYPE_VIEW (wsp_view_get_type ())

G_DECLARE_INTERFACE (WspView, wsp_view, WSP, VIEW, GtkWidget)

struct _WspViewInterface
{
  GTypeInterface parent_iface;

  void                   (*set_store)     (WspView  *self,
                                           WspStore *store);
  void                   (*focus_search)  (WspView  *self);
  const WspViewShortcut *(*get_shortcuts) (WspView  *self,
                                           guint    *n_shortcuts);
  /* Optional: shows the record @id (win.show-record); FALSE when the view
   * does not show such records. */
  gboolean               (*show_record)   (WspView    *self,
                                           const char *id);
};

void                   wsp_view_set_store     (WspView  *self,
                                               WspStore *store);
void                   wsp_view_focus_search  (WspView  *self);
const WspViewShortcut *wsp_view_get_shortcuts (WspView  *self,
                                               guint    *n_shortcuts);
gboolean               wsp_view_show_record   (WspView    *self,
                                               const char *id);

/**
 * WspViewInfo:
 * @name: the view's name: its page, its screenshot, the target of win.view
 * @title: N_(): its name in the header of a wide window
 * @short_title: NC_("narrow view switcher", …): its name under the icon of
 *   a narrow window's bottom bar (about ten letters)
 * @icon_name: its icon
 * @get_type: its class, which implements WspView
 *
 * One line of the window's table of views.
 */
typedef struct
{
  const char *name;
  const char *title;
  const char *short_title;
  const char *icon_name;
  GType     (*get_type) (void);
} WspViewInfo;

G_END_DECLS
