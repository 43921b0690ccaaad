/* wsp-record-chooser.c — choosing one record (a person, an organisation) from a long list
 *
 * A drop-down of the store's live list of one kind of record (people by
 * surname), named by their titles, with a search: typing narrows it. The
 * first item is "none chosen". Long names are cut in the button and wrap in
 * the list, so a narrow window keeps its width.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "domain/wsp-membership.h"
#include "records/wsp-records-members.h"
#include "store/wsp-record-list.h"
#include "widgets/wsp-accessible.h"
#include "widgets/wsp-record-chooser.h"

static char *
title_of (GObject *item)
{
  if (WSP_IS_RECORD (item))
    return wsp_record_dup_title (WSP_RECORD (item));
  if (GTK_IS_STRING_OBJECT (item))
    return g_strdup (gtk_string_object_get_string (GTK_STRING_OBJECT (item)));
  return g_strdup ("");
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  wrap)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (wrap))
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
    }
  else
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 8);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
    }
  gtk_list_item_set_child (item, label);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         gpointer                  wrap)
{
  g_autofree char *title = title_of (gtk_list_item_get_item (item));

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), title);
}

static GtkListItemFactory *
label_factory (gboolean wrap)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), GINT_TO_POINTER (wrap));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), GINT_TO_POINTER (wrap));
  return factory;
}

/* Gives @drop_down labels that fit: cut in its button, wrapped in its list. */
void
wsp_drop_down_fit_labels (GtkDropDown *drop_down)
{
  g_autoptr (GtkListItemFactory) button = label_factory (FALSE);
  g_autoptr (GtkListItemFactory) list = label_factory (TRUE);

  gtk_drop_down_set_factory (drop_down, button);
  gtk_drop_down_set_list_factory (drop_down, list);
}

static int
compare_cb (gconstpointer a,
            gconstpointer b,
            gpointer      user_data)
{
  return wsp_membership_compare_people (WSP_RECORD ((gpointer) a), WSP_RECORD ((gpointer) b));
}

/* A drop-down of the records of @type in @store, none chosen at first;
 * @accessible_label names it for screen readers (NULL: the row it is the
 * activatable widget of names it). */
GtkWidget *
wsp_record_chooser_new (WspStore   *store,
                        GType       type,
                        const char *accessible_label)
{
  GListModel *records = G_LIST_MODEL (wsp_record_list_new (store, type, NULL, NULL));
  GListStore *none = g_list_store_new (G_TYPE_OBJECT);
  GListStore *parts = g_list_store_new (G_TYPE_LIST_MODEL);
  g_autoptr (GtkStringObject) nobody = gtk_string_object_new (_("(none chosen)"));
  GtkExpression *expression;
  GtkWidget *drop_down;

  if (type == WSP_TYPE_PERSON)
    records = G_LIST_MODEL (gtk_sort_list_model_new (records, GTK_SORTER (gtk_custom_sorter_new (compare_cb, NULL, NULL))));
  g_list_store_append (none, nobody);
  g_list_store_append (parts, none);
  g_list_store_append (parts, records);
  g_object_unref (none);
  g_object_unref (records);

  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL, G_CALLBACK (title_of), NULL, NULL);
  drop_down = gtk_drop_down_new (G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (parts))), expression);
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (drop_down), TRUE);
  wsp_drop_down_fit_labels (GTK_DROP_DOWN (drop_down));
  gtk_widget_set_valign (drop_down, GTK_ALIGN_CENTER);
  if (accessible_label != NULL)
    wsp_accessible_set_label (drop_down, accessible_label);
  return drop_down;
}

/* The record chosen, or NULL. */
WspRecord *
wsp_record_chooser_get_selected (GtkWidget *chooser)
{
  gpointer item = gtk_drop_down_get_selected_item (GTK_DROP_DOWN (chooser));

  return WSP_IS_RECORD (item) ? item : NULL;
}

/* Chooses the record @id; FALSE when it is not in the list. */
gboolean
wsp_record_chooser_select (GtkWidget  *chooser,
                           const char *id)
{
  GListModel *model = gtk_drop_down_get_model (GTK_DROP_DOWN (chooser));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (model, i);

      if (WSP_IS_RECORD (item) && g_strcmp0 (wsp_record_get_id (WSP_RECORD (item)), id) == 0)
        {
          gtk_drop_down_set_selected (GTK_DROP_DOWN (chooser), i);
          return TRUE;
        }
    }
  return FALSE;
}
