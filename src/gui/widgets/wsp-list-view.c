/* wsp-list-view.c — a view that lists records: the base of the simple views
 *
 * A subclass says which records to list (a live model from the store) and
 * how a row shows one; this class does the rest of what a view does: the
 * empty state (with the demo data offer), the search (Ctrl+F, Escape
 * clears it, "No Results" when nothing matches) and following the store.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "base/wsp-text.h"
#include "widgets/wsp-list-view.h"
#include "wsp-view.h"

typedef struct
{
  WspStore           *store;
  GListModel         *model;     /* the subclass's */
  GtkFilterListModel *filtered;  /* narrowed by the search */
  GtkCustomFilter    *filter;
  char               *search;    /* folded */
  gulong              changed_id;

  GtkStack           *stack;
  AdwStatusPage      *empty_page;
  GtkSearchBar       *search_bar;
  GtkSearchEntry     *search_entry;
  GtkStack           *results_stack;
  GtkListBox         *list;
} WspListViewPrivate;

static void view_iface_init (WspViewInterface *iface);

G_DEFINE_ABSTRACT_TYPE_WITH_CODE (WspListView, wsp_list_view, ADW_TYPE_BIN,
                                  G_ADD_PRIVATE (WspListView)
                                  G_IMPLEMENT_INTERFACE (WSP_TYPE_VIEW, view_iface_init))

/* A row with a title and, when there is one, a second line. */
GtkWidget *
wsp_list_view_row_new (const char *title,
                       const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  /* Titles are data, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title != NULL ? title : "");
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  WspListView *self = user_data;

  return WSP_LIST_VIEW_GET_CLASS (self)->create_row (self, item);
}

static GtkWidget *
default_create_row (WspListView *self,
                    gpointer     item)
{
  g_autofree char *title = WSP_IS_RECORD (item) ? wsp_record_dup_title (item) : NULL;

  return wsp_list_view_row_new (title, NULL);
}

static gboolean
matches (gpointer item,
         gpointer user_data)
{
  WspListView *self = user_data;
  WspListViewPrivate *priv = wsp_list_view_get_instance_private (self);
  g_autofree char *title = NULL;
  g_autofree char *folded = NULL;

  if (priv->search == NULL || *priv->search == '\0')
    return TRUE;
  if (!WSP_IS_RECORD (item))
    return FALSE;
  title = wsp_record_dup_title (item);
  folded = wsp_text_fold (title);
  return strstr (folded, priv->search) != NULL;
}

static void
update_state (WspListView *self)
{
  WspListViewPrivate *priv = wsp_list_view_get_instance_private (self);
  gboolean searching = priv->search != NULL && *priv->search != '\0';
  guint shown = priv->filtered != NULL ? g_list_model_get_n_items (G_LIST_MODEL (priv->filtered)) : 0;

  gtk_stack_set_visible_child_name (priv->stack, wsp_list_view_is_empty (self) ? "empty" : "list");
  gtk_stack_set_visible_child_name (priv->results_stack, shown == 0 && searching ? "no-results" : "results");
}

static void
rebind (WspListView *self)
{
  WspListViewPrivate *priv = wsp_list_view_get_instance_private (self);

  g_clear_object (&priv->model);
  if (priv->store != NULL)
    priv->model = WSP_LIST_VIEW_GET_CLASS (self)->create_model (self, priv->store);
  gtk_filter_list_model_set_model (priv->filtered, priv->model);
  gtk_list_box_bind_model (priv->list, G_LIST_MODEL (priv->filtered), create_row_cb, self, NULL);
  update_state (self);
}

static void
store_changed_cb (WspStore    *store,
                  WspChanges  *changes,
                  WspListView *self)
{
  /* The lists follow by themselves; a new Forum or Council needs new ones. */
  if (wsp_changes_has_entity (changes, "body"))
    rebind (self);
}

static void
set_store (WspView  *view,
           WspStore *store)
{
  WspListView *self = WSP_LIST_VIEW (view);
  WspListViewPrivate *priv = wsp_list_view_get_instance_private (self);

  if (priv->store != NULL)
    g_clear_signal_handler (&priv->changed_id, priv->store);
  g_set_object (&priv->store, store);
  if (store != NULL)
    priv->changed_id = g_signal_connect (store, "changed", G_CALLBACK (store_changed_cb), self);
  rebind (self);
}

static void
focus_search (WspView *view)
{
  WspListViewPrivate *priv = wsp_list_view_get_instance_private (WSP_LIST_VIEW (view));

  gtk_search_bar_set_search_mode (priv->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (priv->search_entry));
}

static void
view_iface_init (WspViewInterface *iface)
{
  iface->set_store = set_store;
  iface->focus_search = focus_search;
}

static void
search_changed_cb (WspListView *self)
{
  WspListViewPrivate *priv = wsp_list_view_get_instance_private (self);

  g_free (priv->search);
  priv->search = wsp_text_fold (gtk_editable_get_text (GTK_EDITABLE (priv->search_entry)));
  gtk_filter_changed (GTK_FILTER (priv->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_state (self);
}

static void
stop_search_cb (WspListView *self)
{
  WspListViewPrivate *priv = wsp_list_view_get_instance_private (self);

  gtk_editable_set_text (GTK_EDITABLE (priv->search_entry), "");
  gtk_search_bar_set_search_mode (priv->search_bar, FALSE);
}

/* Narrows the list to the records whose title holds @text. */
void
wsp_list_view_set_search (WspListView *self,
                          const char  *text)
{
  WspListViewPrivate *priv = wsp_list_view_get_instance_private (self);

  g_return_if_fail (WSP_IS_LIST_VIEW (self));
  gtk_search_bar_set_search_mode (priv->search_bar, text != NULL && *text != '\0');
  gtk_editable_set_text (GTK_EDITABLE (priv->search_entry), text != NULL ? text : "");
  /* The entry tells its change after a pause; apply it now. */
  search_changed_cb (self);
}

WspStore *
wsp_list_view_get_store (WspListView *self)
{
  WspListViewPrivate *priv = wsp_list_view_get_instance_private (self);

  g_return_val_if_fail (WSP_IS_LIST_VIEW (self), NULL);
  return priv->store;
}

/* The list as shown (after the search). */
GListModel *
wsp_list_view_get_model (WspListView *self)
{
  WspListViewPrivate *priv = wsp_list_view_get_instance_private (self);

  g_return_val_if_fail (WSP_IS_LIST_VIEW (self), NULL);
  return G_LIST_MODEL (priv->filtered);
}

/* Whether there is nothing to list at all (the empty state is shown). */
gboolean
wsp_list_view_is_empty (WspListView *self)
{
  WspListViewPrivate *priv = wsp_list_view_get_instance_private (self);

  g_return_val_if_fail (WSP_IS_LIST_VIEW (self), TRUE);
  return priv->model == NULL || g_list_model_get_n_items (priv->model) == 0;
}

void
wsp_list_view_class_set_empty (WspListViewClass *klass,
                               const char       *icon_name,
                               const char       *title,
                               const char       *description)
{
  klass->empty_icon_name = icon_name;
  klass->empty_title = title;
  klass->empty_description = description;
}

static void
wsp_list_view_dispose (GObject *object)
{
  WspListView *self = WSP_LIST_VIEW (object);
  WspListViewPrivate *priv = wsp_list_view_get_instance_private (self);

  if (priv->store != NULL)
    g_clear_signal_handler (&priv->changed_id, priv->store);
  g_clear_object (&priv->store);
  g_clear_object (&priv->model);
  g_clear_object (&priv->filtered);
  g_clear_pointer (&priv->search, g_free);

  G_OBJECT_CLASS (wsp_list_view_parent_class)->dispose (object);
}

static void
wsp_list_view_constructed (GObject *object)
{
  WspListView *self = WSP_LIST_VIEW (object);
  WspListViewPrivate *priv = wsp_list_view_get_instance_private (self);
  WspListViewClass *klass = WSP_LIST_VIEW_GET_CLASS (self);

  G_OBJECT_CLASS (wsp_list_view_parent_class)->constructed (object);

  if (klass->empty_icon_name != NULL)
    adw_status_page_set_icon_name (priv->empty_page, klass->empty_icon_name);
  if (klass->empty_title != NULL)
    adw_status_page_set_title (priv->empty_page, _(klass->empty_title));
  if (klass->empty_description != NULL)
    adw_status_page_set_description (priv->empty_page, _(klass->empty_description));
}

static void
wsp_list_view_class_init (WspListViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wsp_list_view_dispose;
  object_class->constructed = wsp_list_view_constructed;
  klass->create_row = default_create_row;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Wspolnie/widgets/wsp-list-view.ui");
  gtk_widget_class_bind_template_child_private (widget_class, WspListView, stack);
  gtk_widget_class_bind_template_child_private (widget_class, WspListView, empty_page);
  gtk_widget_class_bind_template_child_private (widget_class, WspListView, search_bar);
  gtk_widget_class_bind_template_child_private (widget_class, WspListView, search_entry);
  gtk_widget_class_bind_template_child_private (widget_class, WspListView, results_stack);
  gtk_widget_class_bind_template_child_private (widget_class, WspListView, list);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
}

static void
wsp_list_view_init (WspListView *self)
{
  WspListViewPrivate *priv = wsp_list_view_get_instance_private (self);

  gtk_widget_init_template (GTK_WIDGET (self));
  priv->filter = gtk_custom_filter_new (matches, self, NULL);
  priv->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (priv->filter));
  g_signal_connect_object (priv->filtered, "items-changed", G_CALLBACK (update_state), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  gtk_search_bar_connect_entry (priv->search_bar, GTK_EDITABLE (priv->search_entry));
}
