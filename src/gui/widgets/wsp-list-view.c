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
#include "domain/wsp-membership.h"
#include "store/wsp-record-list.h"
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
  GtkListView        *list;
  gboolean            bound;     /* the lists are read once the view is shown */
  guint               bind_id;
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
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label = gtk_label_new (title != NULL ? title : "");

  /* Titles are data, not markup. */
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "wsp-row-title");
  gtk_box_append (GTK_BOX (box), label);
  if (subtitle != NULL)
    {
      label = gtk_label_new (subtitle);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (box), label);
    }
  return box;
}

/* Rows are made as they come into sight, and dropped when they leave it. */
static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         WspListView              *self)
{
  GtkWidget *row = WSP_LIST_VIEW_GET_CLASS (self)->create_row (self, gtk_list_item_get_item (item));

  gtk_list_item_set_child (item, row);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           WspListView              *self)
{
  gtk_list_item_set_child (item, NULL);
}

static GtkWidget *
default_create_row (WspListView *self,
                    gpointer     item)
{
  WspListViewClass *klass = WSP_LIST_VIEW_GET_CLASS (self);
  g_autofree char *title = NULL;

  if (klass->row_new != NULL && WSP_IS_RECORD (item))
    return klass->row_new (item);
  title = WSP_IS_RECORD (item) ? wsp_record_dup_title (item) : NULL;
  return wsp_list_view_row_new (title, NULL);
}

/* Every record of the class's kind, or those of its body. */
static GListModel *
default_create_model (WspListView *self,
                      WspStore    *store)
{
  WspListViewClass *klass = WSP_LIST_VIEW_GET_CLASS (self);
  g_autoptr (WspRecord) body = NULL;

  g_return_val_if_fail (g_type_is_a (klass->record_type, WSP_TYPE_RECORD), NULL);
  if (klass->body_kind == NULL)
    return G_LIST_MODEL (wsp_record_list_new (store, klass->record_type, NULL, NULL));
  body = wsp_membership_find_body (store, klass->body_kind, NULL);
  if (body == NULL)
    return G_LIST_MODEL (g_list_store_new (klass->record_type));
  return G_LIST_MODEL (wsp_record_list_new (store, klass->record_type, "body_id", wsp_record_get_id (body)));
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

  gboolean empty = priv->model == NULL || g_list_model_get_n_items (priv->model) == 0;

  /* Until the list is read, it is not known to be empty. */
  gtk_stack_set_visible_child_name (priv->stack, priv->bound && empty ? "empty" : "list");
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
  priv->bound = TRUE;
  update_state (self);
}

static gboolean
bind_idle_cb (gpointer data)
{
  WspListView *self = data;
  WspListViewPrivate *priv = wsp_list_view_get_instance_private (self);

  priv->bind_id = 0;
  rebind (self);
  return G_SOURCE_REMOVE;
}

/* The view is shown for the first time: its list is read after the frame
 * that shows it is drawn, so a big database never delays the window. */
static void
map_cb (WspListView *self)
{
  WspListViewPrivate *priv = wsp_list_view_get_instance_private (self);

  if (priv->bound || priv->bind_id != 0)
    return;
  priv->bind_id = g_idle_add_full (G_PRIORITY_LOW, bind_idle_cb, self, NULL);
}

/* Reads the list now, if it was not read yet (for those who ask). */
static void
ensure_bound (WspListView *self)
{
  WspListViewPrivate *priv = wsp_list_view_get_instance_private (self);

  if (priv->bound)
    return;
  g_clear_handle_id (&priv->bind_id, g_source_remove);
  rebind (self);
}

static void
store_changed_cb (WspStore    *store,
                  WspChanges  *changes,
                  WspListView *self)
{
  WspListViewPrivate *priv = wsp_list_view_get_instance_private (self);

  /* The lists follow by themselves; a new Forum or Council needs new ones. */
  if (priv->bound && wsp_changes_has_entity (changes, "body"))
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
  /* Read at once when shown already, else when it is first shown. */
  priv->bound = FALSE;
  g_clear_handle_id (&priv->bind_id, g_source_remove);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    rebind (self);
  else
    update_state (self);
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
  ensure_bound (self);
  return G_LIST_MODEL (priv->filtered);
}

/* Whether there is nothing to list at all (the empty state is shown). */
gboolean
wsp_list_view_is_empty (WspListView *self)
{
  WspListViewPrivate *priv = wsp_list_view_get_instance_private (self);

  g_return_val_if_fail (WSP_IS_LIST_VIEW (self), TRUE);
  ensure_bound (self);
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

  g_clear_handle_id (&priv->bind_id, g_source_remove);
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
  klass->create_model = default_create_model;

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
  {
    GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

    g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
    g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), self);
    gtk_list_view_set_factory (priv->list, factory);
    g_object_unref (factory);
    GtkNoSelection *selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (priv->filtered)));

    gtk_list_view_set_model (priv->list, GTK_SELECTION_MODEL (selection));
    g_object_unref (selection);
  }
  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);
}
