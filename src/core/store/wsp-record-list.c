/* wsp-record-list.c — a live list of records for views to bind to
 *
 * The list listens to the store's "changed" signal for its kind of record
 * and reloads; records whose revision did not change keep their object, and
 * only the changed stretch of the list is announced, so rows and selections
 * in the views stay put.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "store/wsp-record-list.h"
#include "records/wsp-record.h"
#include "store/wsp-store.h"

struct _WspRecordList
{
  GObject    parent_instance;

  WspStore  *store;
  GType      type;
  char      *field;
  char      *value;
  GPtrArray *items;
  gulong     changed_id;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (WspRecordList, wsp_record_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
get_item_type (GListModel *model)
{
  return WSP_RECORD_LIST (model)->type;
}

static guint
get_n_items (GListModel *model)
{
  return WSP_RECORD_LIST (model)->items->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  WspRecordList *self = WSP_RECORD_LIST (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static gboolean
same_record (WspRecord *a,
             WspRecord *b)
{
  return g_strcmp0 (wsp_record_get_id (a), wsp_record_get_id (b)) == 0
         && g_strcmp0 (wsp_record_get_revision (a), wsp_record_get_revision (b)) == 0
         && wsp_record_get_conflicted (a) == wsp_record_get_conflicted (b);
}

/* Reads the list again and announces what changed. */
void
wsp_record_list_reload (WspRecordList *self)
{
  g_autoptr (GPtrArray) fresh = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GError) error = NULL;
  guint old_len = self->items->len;
  guint prefix = 0, suffix = 0;

  if (!wsp_store_query (self->store, self->type, self->field, self->value, fresh, &error))
    {
      g_warning ("Cannot read the list: %s", error->message);
      return;
    }

  while (prefix < old_len && prefix < fresh->len
         && same_record (g_ptr_array_index (self->items, prefix), g_ptr_array_index (fresh, prefix)))
    prefix++;
  while (suffix < old_len - prefix && suffix < fresh->len - prefix
         && same_record (g_ptr_array_index (self->items, old_len - 1 - suffix),
                         g_ptr_array_index (fresh, fresh->len - 1 - suffix)))
    suffix++;

  /* Keep the objects outside the changed stretch. */
  for (guint i = 0; i < prefix + suffix; i++)
    {
      guint to = i < prefix ? i : fresh->len - 1 - (i - prefix);
      guint from = i < prefix ? i : old_len - 1 - (i - prefix);

      g_object_unref (g_ptr_array_index (fresh, to));
      g_ptr_array_index (fresh, to) = g_object_ref (g_ptr_array_index (self->items, from));
    }
  g_ptr_array_unref (self->items);
  self->items = g_steal_pointer (&fresh);

  if (prefix == old_len && prefix == self->items->len)
    return;
  g_list_model_items_changed (G_LIST_MODEL (self), prefix, old_len - prefix - suffix,
                              self->items->len - prefix - suffix);
}

static void
store_changed_cb (WspStore      *store,
                  const char    *entity,
                  const char    *id,
                  WspRecordList *self)
{
  wsp_record_list_reload (self);
}

WspRecordList *
wsp_record_list_new (WspStore   *store,
                     GType       type,
                     const char *field,
                     const char *value)
{
  WspRecordList *self = g_object_new (WSP_TYPE_RECORD_LIST, NULL);
  g_autoptr (GTypeClass) klass = g_type_class_ref (type);
  g_autofree char *signal = g_strdup_printf ("changed::%s", WSP_RECORD_CLASS (klass)->entity->name);

  self->store = g_object_ref (store);
  self->type = type;
  self->field = g_strdup (field);
  self->value = g_strdup (value);
  self->changed_id = g_signal_connect (store, signal, G_CALLBACK (store_changed_cb), self);
  wsp_record_list_reload (self);
  return self;
}

static void
wsp_record_list_finalize (GObject *object)
{
  WspRecordList *self = WSP_RECORD_LIST (object);

  g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_free (self->field);
  g_free (self->value);

  G_OBJECT_CLASS (wsp_record_list_parent_class)->finalize (object);
}

static void
wsp_record_list_class_init (WspRecordListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = wsp_record_list_finalize;
}

static void
wsp_record_list_init (WspRecordList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}
