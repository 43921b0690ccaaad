/* wsp-draft-list.c — the drafts, the most urgent first, live
 *
 * A list model of WspDraftItem: each draft with its opinion (if any) and
 * where it stands by its deadline (wsp_draft_state()). First the drafts
 * whose opinion is still to be given, the nearest deadline first; then
 * those deemed waived, the latest deadline first; then those with an
 * opinion, the latest received first; the withdrawn last. After a commit
 * that touched drafts or opinions it works the list out again and
 * announces only the stretch that changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "base/wsp-list-update.h"
#include "domain/wsp-draft-item.h"
#include "domain/wsp-draft-list.h"
#include "domain/wsp-drafts.h"
#include "records/wsp-records-drafts.h"

struct _WspDraftList
{
  GObject    parent_instance;

  WspStore  *store;
  GDateTime *now;   /* NULL: the time of each reading */
  GPtrArray *items; /* WspDraftItem */
  gulong     changed_id;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (WspDraftList, wsp_draft_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
get_item_type (GListModel *model)
{
  return WSP_TYPE_DRAFT_ITEM;
}

static guint
get_n_items (GListModel *model)
{
  return WSP_DRAFT_LIST (model)->items->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  WspDraftList *self = WSP_DRAFT_LIST (model);

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

static int
group_of (WspOpinionState state)
{
  switch (state)
    {
    case WSP_OPINION_STATE_OPEN:
    case WSP_OPINION_STATE_DUE_TODAY:
      return 0;
    case WSP_OPINION_STATE_WAIVED:
      return 1;
    case WSP_OPINION_STATE_GIVEN:
      return 2;
    case WSP_OPINION_STATE_WITHDRAWN:
    default:
      return 3;
    }
}

static int
compare_items (gconstpointer pa,
               gconstpointer pb)
{
  WspDraftItem *a = *(WspDraftItem **) pa, *b = *(WspDraftItem **) pb;
  WspRecord *da = wsp_draft_item_get_draft (a), *db = wsp_draft_item_get_draft (b);
  int ga = group_of (wsp_draft_item_get_state (a)), gb = group_of (wsp_draft_item_get_state (b));
  int order;

  if (ga != gb)
    return ga - gb;
  if (ga == 0 && wsp_draft_item_get_days_left (a) != wsp_draft_item_get_days_left (b))
    return wsp_draft_item_get_days_left (a) < wsp_draft_item_get_days_left (b) ? -1 : 1;
  if (ga == 1 && (order = g_strcmp0 (wsp_record_get_string (db, "deadline"),
                                     wsp_record_get_string (da, "deadline"))) != 0)
    return order;
  if ((order = g_strcmp0 (wsp_record_get_string (db, "received_on"), wsp_record_get_string (da, "received_on"))) != 0)
    return order;
  return g_strcmp0 (wsp_record_get_id (da), wsp_record_get_id (db));
}

static void
reload (WspDraftList *self)
{
  g_autoptr (GPtrArray) drafts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) opinions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GHashTable) by_draft = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                          (GDestroyNotify) g_ptr_array_unref);
  g_autoptr (GDateTime) now = self->now != NULL ? g_date_time_ref (self->now) : g_date_time_new_now_local ();
  g_autoptr (GError) error = NULL;
  GPtrArray *fresh;

  if (!wsp_store_query (self->store, WSP_TYPE_DRAFT, NULL, NULL, drafts, &error)
      || !wsp_store_query (self->store, WSP_TYPE_OPINION, NULL, NULL, opinions, &error))
    {
      g_warning ("Cannot read the drafts: %s", error->message);
      return;
    }
  for (guint i = 0; i < opinions->len; i++)
    {
      WspRecord *opinion = g_ptr_array_index (opinions, i);
      const char *draft_id = wsp_record_get_string (opinion, "draft_id");
      GPtrArray *chain;

      if (draft_id == NULL)
        continue;
      chain = g_hash_table_lookup (by_draft, draft_id);
      if (chain == NULL)
        {
          chain = g_ptr_array_new ();
          g_hash_table_insert (by_draft, (gpointer) draft_id, chain);
        }
      g_ptr_array_add (chain, opinion);
    }

  fresh = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < drafts->len; i++)
    {
      WspRecord *draft = g_ptr_array_index (drafts, i);
      GPtrArray *chain = g_hash_table_lookup (by_draft, wsp_record_get_id (draft));
      WspRecord *opinion = chain != NULL ? wsp_draft_effective_record (chain) : NULL;
      int days_left = 0;
      WspOpinionState state = wsp_draft_state (draft, opinion != NULL, now, &days_left);

      g_ptr_array_add (fresh, wsp_draft_item_new (draft, opinion, state, days_left));
    }
  g_ptr_array_sort (fresh, compare_items);
  wsp_list_update (G_LIST_MODEL (self), &self->items, fresh, (WspSameFunc) wsp_draft_item_equal);
}

static void
store_changed_cb (WspStore     *store,
                  WspChanges   *changes,
                  WspDraftList *self)
{
  if (wsp_changes_has_entity (changes, "draft") || wsp_changes_has_entity (changes, "opinion"))
    reload (self);
}

/**
 * wsp_draft_list_new:
 * @now: (nullable): the time to judge the deadlines at; %NULL: the time
 *   of each reading
 */
WspDraftList *
wsp_draft_list_new (WspStore  *store,
                    GDateTime *now)
{
  WspDraftList *self;

  g_return_val_if_fail (WSP_IS_STORE (store), NULL);

  self = g_object_new (WSP_TYPE_DRAFT_LIST, NULL);
  self->store = g_object_ref (store);
  self->now = now != NULL ? g_date_time_ref (now) : NULL;
  self->changed_id = g_signal_connect (store, "changed", G_CALLBACK (store_changed_cb), self);
  reload (self);
  return self;
}

/* Judges the deadlines again at @now (NULL: the time of each reading), as
 * a new day begins. */
void
wsp_draft_list_set_now (WspDraftList *self,
                        GDateTime    *now)
{
  g_return_if_fail (WSP_IS_DRAFT_LIST (self));
  g_clear_pointer (&self->now, g_date_time_unref);
  self->now = now != NULL ? g_date_time_ref (now) : NULL;
  reload (self);
}

/* The position of the draft @draft_id, or G_MAXUINT. */
guint
wsp_draft_list_find (WspDraftList *self,
                     const char   *draft_id)
{
  g_return_val_if_fail (WSP_IS_DRAFT_LIST (self), G_MAXUINT);
  for (guint i = 0; i < self->items->len; i++)
    if (g_strcmp0 (wsp_record_get_id (wsp_draft_item_get_draft (g_ptr_array_index (self->items, i))), draft_id) == 0)
      return i;
  return G_MAXUINT;
}

static void
wsp_draft_list_finalize (GObject *object)
{
  WspDraftList *self = WSP_DRAFT_LIST (object);

  g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  g_clear_pointer (&self->now, g_date_time_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  G_OBJECT_CLASS (wsp_draft_list_parent_class)->finalize (object);
}

static void
wsp_draft_list_class_init (WspDraftListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = wsp_draft_list_finalize;
}

static void
wsp_draft_list_init (WspDraftList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}
