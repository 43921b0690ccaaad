/* wsp-seat-list.c — the members of the Forum or of a Council term, live
 *
 * A list model of WspSeatHolder: the Forum's member organisations (or
 * those that left), or the members of one Council term by side and role
 * (or those who left), with who holds each seat and whether they reached
 * the limit of unexcused absences in a row. For a term it also knows the
 * make-up of the Council (art. 41f) and its vacant seats. It follows the
 * store: after a commit that touched seats, the people or organisations in
 * them, bodies, terms, meetings or attendance it works the list out again
 * and announces only the stretch that changed; "updated" then says that
 * the composition may have changed too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "base/wsp-list-update.h"
#include "domain/wsp-seat-list.h"
#include "records/wsp-records-members.h"

struct _WspSeatList
{
  GObject          parent_instance;

  WspStore        *store;
  WspSeatListKind  kind;
  char            *owner_id;
  char            *today;
  GPtrArray       *items;        /* WspSeatHolder */
  WspComposition   composition;
  guint            n_flagged;
  guint            absence_limit;
  gulong           changed_id;
};

enum {
  UPDATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (WspSeatList, wsp_seat_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
get_item_type (GListModel *model)
{
  return WSP_TYPE_SEAT_HOLDER;
}

static guint
get_n_items (GListModel *model)
{
  return WSP_SEAT_LIST (model)->items->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  WspSeatList *self = WSP_SEAT_LIST (model);

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

static WspRecord *
get_or_null (WspStore   *store,
             const char *id)
{
  return id != NULL ? wsp_store_get (store, id, NULL) : NULL;
}

static GPtrArray *
forum_items (WspSeatList  *self,
             GError      **error)
{
  gboolean former = self->kind == WSP_SEATS_FORUM_FORMER;
  g_autoptr (GPtrArray) entries = wsp_membership_forum_members (self->store, self->owner_id, former,
                                                                self->today, error);
  GPtrArray *items;

  if (entries == NULL)
    return NULL;
  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < entries->len; i++)
    {
      WspMemberEntry *entry = g_ptr_array_index (entries, i);

      if (entry->organisation == NULL)
        continue;
      if (former && wsp_membership_seat_is_current (entry->seat, self->today))
        continue;
      g_ptr_array_add (items, wsp_seat_holder_new (entry->seat, entry->organisation, entry->person, FALSE));
    }
  return items;
}

static GPtrArray *
term_items (WspSeatList  *self,
            GError      **error)
{
  gboolean former = self->kind == WSP_SEATS_TERM_FORMER;
  gboolean vacant_only = self->kind == WSP_SEATS_TERM_VACANT;
  g_autoptr (GPtrArray) vacant = NULL;
  g_autoptr (GHashTable) vacant_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GPtrArray) current = g_ptr_array_new ();
  g_autoptr (GPtrArray) flagged = NULL;
  g_autoptr (GHashTable) flagged_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (WspRecord) term = get_or_null (self->store, self->owner_id);
  g_autoptr (WspRecord) body = NULL;
  g_autofree char *day = wsp_membership_day_of_term (term, self->today);
  WspBodyRules rules;
  GPtrArray *items;
  guint vacancies;

  all = wsp_membership_seats (self->store, self->owner_id, TRUE, day, error);
  if (all == NULL)
    return NULL;
  body = term != NULL ? get_or_null (self->store, wsp_record_get_string (term, "body_id")) : NULL;
  wsp_membership_body_rules (body, &rules);

  for (guint i = 0; i < all->len; i++)
    if (wsp_membership_seat_is_current (g_ptr_array_index (all, i), day))
      g_ptr_array_add (current, g_ptr_array_index (all, i));
  vacant = wsp_membership_vacant_seats (all, day);
  for (guint i = 0; i < vacant->len; i++)
    g_hash_table_add (vacant_ids, (gpointer) wsp_record_get_id (g_ptr_array_index (vacant, i)));
  vacancies = vacant->len;
  wsp_membership_composition (current, current->len + vacancies, &self->composition);

  if (body != NULL)
    {
      flagged = wsp_membership_absence_flags (self->store, wsp_record_get_id (body), self->owner_id, &rules,
                                              day, error);
      if (flagged == NULL)
        return NULL;
      for (guint i = 0; i < flagged->len; i++)
        g_hash_table_add (flagged_ids, (gpointer) wsp_record_get_id (g_ptr_array_index (flagged, i)));
    }
  self->n_flagged = g_hash_table_size (flagged_ids);
  self->absence_limit = rules.absence_limit;

  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < all->len; i++)
    {
      WspRecord *seat = g_ptr_array_index (all, i);
      g_autoptr (WspRecord) person = NULL;
      g_autoptr (WspRecord) organisation = NULL;

      if (vacant_only ? !g_hash_table_contains (vacant_ids, wsp_record_get_id (seat))
                      : wsp_membership_seat_is_current (seat, day) == former)
        continue;
      person = get_or_null (self->store, wsp_record_get_string (seat, "person_id"));
      organisation = get_or_null (self->store, wsp_record_get_string (seat, "organisation_id"));
      g_ptr_array_add (items, wsp_seat_holder_new (seat, organisation, person,
                                                   g_hash_table_contains (flagged_ids, wsp_record_get_id (seat))));
    }
  return items;
}

/* Works the list out again and announces the stretch that changed. */
static void
reload (WspSeatList *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) fresh = NULL;

  if (self->kind == WSP_SEATS_FORUM_CURRENT || self->kind == WSP_SEATS_FORUM_FORMER)
    fresh = forum_items (self, &error);
  else
    fresh = term_items (self, &error);
  if (fresh == NULL)
    {
      g_warning ("Cannot read the members: %s", error->message);
      return;
    }

  wsp_list_update (G_LIST_MODEL (self), &self->items, g_steal_pointer (&fresh),
                   (WspSameFunc) wsp_seat_holder_equal);
  g_signal_emit (self, signals[UPDATED], 0);
}

static void
store_changed_cb (WspStore    *store,
                  WspChanges  *changes,
                  WspSeatList *self)
{
  static const char * const kinds[] = { "seat", "person", "organisation", "body", "term", "meeting",
                                        "attendance", NULL };

  for (guint i = 0; kinds[i] != NULL; i++)
    if (wsp_changes_has_entity (changes, kinds[i]))
      {
        reload (self);
        return;
      }
}

/**
 * wsp_seat_list_new:
 * @kind: which seats
 * @owner_id: the Forum (a body) for the Forum's lists, the term for a
 *   term's
 * @today: (nullable): YYYY-MM-DD, the day that says which seats are
 *   current (today when %NULL)
 */
WspSeatList *
wsp_seat_list_new (WspStore        *store,
                   WspSeatListKind  kind,
                   const char      *owner_id,
                   const char      *today)
{
  WspSeatList *self;

  g_return_val_if_fail (WSP_IS_STORE (store), NULL);
  g_return_val_if_fail (owner_id != NULL, NULL);

  self = g_object_new (WSP_TYPE_SEAT_LIST, NULL);
  self->store = g_object_ref (store);
  self->kind = kind;
  self->owner_id = g_strdup (owner_id);
  if (today != NULL)
    self->today = g_strdup (today);
  else
    {
      g_autoptr (GDateTime) now = g_date_time_new_now_local ();
      self->today = g_date_time_format (now, "%Y-%m-%d");
    }
  self->changed_id = g_signal_connect (store, "changed", G_CALLBACK (store_changed_cb), self);
  reload (self);
  return self;
}

/* The make-up of the term's Council now (a term's lists only). */
void
wsp_seat_list_get_composition (WspSeatList    *self,
                               WspComposition *out)
{
  g_return_if_fail (WSP_IS_SEAT_LIST (self));
  *out = self->composition;
}

/* How many current members reached the limit of unexcused absences. */
guint
wsp_seat_list_get_n_flagged (WspSeatList *self)
{
  g_return_val_if_fail (WSP_IS_SEAT_LIST (self), 0);
  return self->n_flagged;
}

/* The body's limit of unexcused absences in a row. */
guint
wsp_seat_list_get_absence_limit (WspSeatList *self)
{
  g_return_val_if_fail (WSP_IS_SEAT_LIST (self), 0);
  return self->absence_limit;
}

static void
wsp_seat_list_finalize (GObject *object)
{
  WspSeatList *self = WSP_SEAT_LIST (object);

  g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_free (self->owner_id);
  g_free (self->today);

  G_OBJECT_CLASS (wsp_seat_list_parent_class)->finalize (object);
}

static void
wsp_seat_list_class_init (WspSeatListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = wsp_seat_list_finalize;

  /**
   * WspSeatList::updated:
   *
   * The list was worked out again after a change; the composition and the
   * absence count may differ.
   */
  signals[UPDATED] = g_signal_new ("updated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                   NULL, NULL, G_TYPE_NONE, 0);
}

static void
wsp_seat_list_init (WspSeatList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}
