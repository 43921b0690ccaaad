/* wsp-record-list.c — a live list of records for views to bind to
 *
 * The list holds the live records of one kind (whose field equals a value,
 * when it is given) in the kind's list order, and follows the store's one
 * notification per commit. When a commit changed a few records of its kind
 * it reads those by id and moves, adds or removes their rows, announcing
 * each at its real position; when it changed many, it reads the list again
 * and announces only the stretch that differs. Records whose revision did
 * not change keep their object either way, so rows and selections stay put.
 *
 * The order in memory is the store's SQL order (wsp_entity_order_sql()):
 * the same keys, NULLs first when ascending, text by the same collation.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "base/wsp-list-update.h"
#include "base/wsp-text.h"
#include "records/wsp-entities.h"
#include "store/wsp-record-list.h"
#include "store/wsp-store.h"

/* Above this share of the list, one reading of the list is cheaper than
 * reading each changed record. */
#define RELOAD_SHARE 4
#define RELOAD_MIN   16

struct _WspRecordList
{
  GObject          parent_instance;

  WspStore        *store;
  GType            type;
  const WspEntity *entity;
  const WspField  *filter_field;
  char            *value;
  GPtrArray       *items;
  gulong           changed_id;
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

/* SQLite's order of values: NULL, then numbers, then text. */
static int
value_class (JsonNode *node)
{
  GType type;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return 0;
  if (!JSON_NODE_HOLDS_VALUE (node))
    return 2; /* stored as JSON text */
  type = json_node_get_value_type (node);
  return type == G_TYPE_STRING ? 2 : 1;
}

static double
number_of (JsonNode *node)
{
  GType type = json_node_get_value_type (node);

  if (type == G_TYPE_BOOLEAN)
    return json_node_get_boolean (node) ? 1 : 0;
  if (type == G_TYPE_DOUBLE)
    return json_node_get_double (node);
  return (double) json_node_get_int (node);
}

static int
compare_values (JsonNode     *a,
                JsonNode     *b,
                WspSortFlags  flags)
{
  int ca = value_class (a), cb = value_class (b);
  int c;

  if (ca != cb)
    return ca < cb ? -1 : 1;
  if (ca == 0)
    return 0;
  if (ca == 1)
    {
      double na = number_of (a), nb = number_of (b);
      return na < nb ? -1 : na > nb ? 1 : 0;
    }
  if (JSON_NODE_HOLDS_VALUE (a) && JSON_NODE_HOLDS_VALUE (b))
    {
      const char *ta = json_node_get_string (a), *tb = json_node_get_string (b);
      c = (flags & WSP_SORT_LOCALIZED) ? wsp_text_collate (ta, tb) : strcmp (ta, tb);
      return c < 0 ? -1 : c > 0 ? 1 : 0;
    }
  return 0;
}

/* The list's order: the kind's sort keys, then the id. */
static int
compare_records (WspRecordList *self,
                 WspRecord     *a,
                 WspRecord     *b)
{
  for (guint i = 0; i < WSP_ENTITY_MAX_SORT_KEYS && self->entity->order[i].field != NULL; i++)
    {
      const WspSortKey *key = &self->entity->order[i];
      int c = compare_values (wsp_record_get_value (a, key->field), wsp_record_get_value (b, key->field),
                              key->flags);

      if (c != 0)
        return (key->flags & WSP_SORT_DESCENDING) ? -c : c;
    }
  return strcmp (wsp_record_get_id (a), wsp_record_get_id (b));
}

/* Where @record goes: the first position whose record sorts after it. */
static guint
insertion_point (WspRecordList *self,
                 WspRecord     *record)
{
  guint low = 0, high = self->items->len;

  while (low < high)
    {
      guint mid = low + (high - low) / 2;

      if (compare_records (self, g_ptr_array_index (self->items, mid), record) < 0)
        low = mid + 1;
      else
        high = mid;
    }
  return low;
}

/* The position of the record @id, or -1. A scan by id is the sure way,
 * and cheap next to reading from the database. */
static int
position_of (WspRecordList *self,
             const char    *id)
{
  for (guint i = 0; i < self->items->len; i++)
    if (strcmp (wsp_record_get_id (g_ptr_array_index (self->items, i)), id) == 0)
      return (int) i;
  return -1;
}

/* Whether @record belongs in the list (its field equals the list's value,
 * as the store's query compares it). */
static gboolean
belongs (WspRecordList *self,
         WspRecord     *record)
{
  JsonNode *node;

  if (!G_TYPE_CHECK_INSTANCE_TYPE (record, self->type))
    return FALSE;
  if (self->filter_field == NULL)
    return TRUE;
  node = wsp_record_get_value (record, self->filter_field->name);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || self->value == NULL)
    return FALSE;
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return strcmp (json_node_get_string (node), self->value) == 0;
    case G_TYPE_INT64:
      return json_node_get_int (node) == g_ascii_strtoll (self->value, NULL, 10);
    case G_TYPE_BOOLEAN:
      return json_node_get_boolean (node) == (g_ascii_strtoll (self->value, NULL, 10) != 0);
    default:
      return FALSE;
    }
}

/* Reads the list again and announces what changed. */
void
wsp_record_list_reload (WspRecordList *self)
{
  g_autoptr (GPtrArray) fresh = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GError) error = NULL;

  if (!wsp_store_query (self->store, self->type,
                        self->filter_field != NULL ? self->filter_field->name : NULL, self->value,
                        fresh, &error))
    {
      g_warning ("Cannot read the list: %s", error->message);
      return;
    }

  wsp_list_update (G_LIST_MODEL (self), &self->items, g_steal_pointer (&fresh),
                   (WspSameFunc) same_record);
}

/* Brings the row of the record @id up to date. */
static void
update_one (WspRecordList *self,
            const char    *id)
{
  g_autoptr (WspRecord) fresh = wsp_store_get (self->store, id, NULL);
  int old = position_of (self, id);
  guint to;

  if (fresh != NULL && !belongs (self, fresh))
    g_clear_object (&fresh);
  if (old < 0 && fresh == NULL)
    return;
  if (old >= 0 && fresh != NULL && same_record (g_ptr_array_index (self->items, old), fresh))
    return;

  if (old >= 0)
    g_ptr_array_remove_index (self->items, old);
  if (fresh == NULL)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), old, 1, 0);
      return;
    }
  to = insertion_point (self, fresh);
  g_ptr_array_insert (self->items, to, g_steal_pointer (&fresh));
  if (old >= 0 && (guint) old == to)
    g_list_model_items_changed (G_LIST_MODEL (self), to, 1, 1);
  else
    {
      if (old >= 0)
        {
          /* Announced as it happened: out of its old place, then into the new. */
          WspRecord *moved = g_ptr_array_steal_index (self->items, to);

          g_list_model_items_changed (G_LIST_MODEL (self), old, 1, 0);
          g_ptr_array_insert (self->items, to, moved);
        }
      g_list_model_items_changed (G_LIST_MODEL (self), to, 0, 1);
    }
}

static void
store_changed_cb (WspStore      *store,
                  WspChanges    *changes,
                  WspRecordList *self)
{
  guint n = 0;
  const char * const *ids = wsp_changes_get_ids (changes, self->entity->name, &n);

  if (ids == NULL)
    return;
  if (n > MAX (RELOAD_MIN, self->items->len / RELOAD_SHARE))
    {
      wsp_record_list_reload (self);
      return;
    }
  for (guint i = 0; i < n; i++)
    update_one (self, ids[i]);
}

/* A live list of the records of @type (whose @field equals @value, when
 * @field is set), in their kind's list order. It follows every commit of
 * @store. */
WspRecordList *
wsp_record_list_new (WspStore   *store,
                     GType       type,
                     const char *field,
                     const char *value)
{
  WspRecordList *self;
  const WspEntity *entity;

  g_return_val_if_fail (WSP_IS_STORE (store), NULL);
  g_return_val_if_fail (g_type_is_a (type, WSP_TYPE_RECORD), NULL);

  entity = wsp_entities_for_type (type);
  self = g_object_new (WSP_TYPE_RECORD_LIST, NULL);
  self->store = g_object_ref (store);
  self->type = type;
  self->entity = entity;
  if (field != NULL)
    {
      self->filter_field = wsp_entity_find_field (entity, field);
      if (self->filter_field == NULL)
        g_critical ("A %s has no field “%s” to list by", entity->name, field);
    }
  self->value = g_strdup (value);
  self->changed_id = g_signal_connect (store, "changed", G_CALLBACK (store_changed_cb), self);
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
