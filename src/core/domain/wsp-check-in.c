/* wsp-check-in.c — a meeting's check-in: every member on the day, and the quorum, live
 *
 * A list model of WspCheckInEntry: the members of the meeting's body on
 * the day of the meeting (wsp_meetings_members_on()), each with what was
 * recorded about them. It follows the store: a commit that touched this
 * meeting's attendance updates the entries in place (the list does not
 * change, so rows keep their focus); one that touched the members, the
 * body or the meeting reads the list again. "quorum-changed" tells the
 * moment the quorum is reached or lost, or its counts change.
 *
 * A member's attendance at a meeting has an id made from the meeting's and
 * the seat's, so two laptops checking the same member in write to one
 * record: their values merge (or, when they differ, wait for a person),
 * and nobody is counted twice.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "domain/wsp-check-in.h"
#include "domain/wsp-meetings.h"
#include "records/wsp-records-meetings.h"
#include "records/wsp-records-members.h"

struct _WspCheckIn
{
  GObject       parent_instance;

  WspStore     *store;
  char         *meeting_id;
  WspRecord    *meeting;
  WspBodyRules  rules;
  GPtrArray    *items;     /* WspCheckInEntry */
  GHashTable   *by_seat;   /* seat id → position + 1 */
  WspQuorum     quorum;
  gboolean      unlocked;
  gulong        changed_id;
};

enum {
  QUORUM_CHANGED,
  UPDATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (WspCheckIn, wsp_check_in, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
get_item_type (GListModel *model)
{
  return WSP_TYPE_CHECK_IN_ENTRY;
}

static guint
get_n_items (GListModel *model)
{
  return WSP_CHECK_IN (model)->items->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  WspCheckIn *self = WSP_CHECK_IN (model);

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

/* A UUID made from the meeting and the seat: the same on every laptop. */
char *
wsp_check_in_attendance_id (const char *meeting_id,
                            const char *seat_id)
{
  g_autofree char *key = g_strconcat ("attendance:", meeting_id, ":", seat_id, NULL);
  g_autofree char *hex = g_compute_checksum_for_string (G_CHECKSUM_SHA256, key, -1);

  /* Shaped as a version 8 (custom) UUID. */
  return g_strdup_printf ("%.8s-%.4s-8%.3s-%c%.3s-%.12s", hex, hex + 8, hex + 12,
                          "89ab"[g_ascii_xdigit_value (hex[15]) & 3], hex + 16, hex + 19);
}

static void
update_quorum (WspCheckIn *self)
{
  WspQuorum fresh = { 0 };

  fresh.members = self->items->len;
  for (guint i = 0; i < self->items->len; i++)
    if (wsp_check_in_entry_is_in_the_room (g_ptr_array_index (self->items, i)))
      fresh.present++;
  fresh.required = wsp_quorum_required (&self->rules, fresh.members, 0);
  fresh.reached = wsp_quorum_reached (&self->rules, fresh.members, fresh.present, 0);
  if (memcmp (&fresh, &self->quorum, sizeof fresh) == 0)
    return;
  self->quorum = fresh;
  g_signal_emit (self, signals[QUORUM_CHANGED], 0);
}

/* Reads the meeting's attendance and puts it on the entries. */
static void
refresh_attendance (WspCheckIn *self)
{
  g_autoptr (GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GHashTable) found = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GError) error = NULL;

  if (!wsp_store_query (self->store, WSP_TYPE_ATTENDANCE, "meeting_id", self->meeting_id, records, &error))
    {
      g_warning ("Cannot read the attendance: %s", error->message);
      return;
    }
  for (guint i = 0; i < records->len; i++)
    {
      WspRecord *record = g_ptr_array_index (records, i);
      const char *seat_id = wsp_record_get_string (record, "seat_id");
      WspRecord *before = seat_id != NULL ? g_hash_table_lookup (found, seat_id) : NULL;
      g_autofree char *own_id = seat_id != NULL ? wsp_check_in_attendance_id (self->meeting_id, seat_id) : NULL;

      if (seat_id == NULL)
        continue;
      /* Two records for one member (from an older laptop): the one this
       * laptop would write, else the first by id, as on every laptop. */
      if (before != NULL
          && (g_str_equal (wsp_record_get_id (before), own_id)
              || (!g_str_equal (wsp_record_get_id (record), own_id)
                  && strcmp (wsp_record_get_id (before), wsp_record_get_id (record)) < 0)))
        continue;
      g_hash_table_insert (found, (gpointer) seat_id, record);
    }
  for (guint i = 0; i < self->items->len; i++)
    {
      WspCheckInEntry *entry = g_ptr_array_index (self->items, i);

      wsp_check_in_entry_set_attendance (entry, g_hash_table_lookup (found, wsp_check_in_entry_get_seat_id (entry)));
    }
  update_quorum (self);
  g_signal_emit (self, signals[UPDATED], 0);
}

static void
free_string (gpointer data)
{
  g_string_free (data, TRUE);
}

/* organisation id → "Name, Name" of the people who represent it. */
static GHashTable *
representatives (WspStore *store)
{
  g_autoptr (GPtrArray) people = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, free_string);

  if (!wsp_store_query (store, WSP_TYPE_PERSON, NULL, NULL, people, NULL))
    return names;
  for (guint i = 0; i < people->len; i++)
    {
      WspRecord *person = g_ptr_array_index (people, i);
      g_auto (GStrv) organisations = wsp_record_dup_list (person, "organisations");
      const char *name = wsp_record_get_string (person, "name");

      for (guint j = 0; organisations != NULL && organisations[j] != NULL && name != NULL; j++)
        {
          GString *list = g_hash_table_lookup (names, organisations[j]);

          if (list == NULL)
            g_hash_table_insert (names, g_strdup (organisations[j]), list = g_string_new (NULL));
          g_string_append_printf (list, "%s%s", list->len > 0 ? ", " : "", name);
        }
    }
  return names;
}

/* Reads the meeting and its members again. */
static void
reload (WspCheckIn *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WspRecord) body = NULL;
  g_autoptr (GPtrArray) members = NULL;
  g_autoptr (GPtrArray) fresh = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GHashTable) names = NULL;
  g_autofree char *date = NULL;
  gboolean same;
  guint removed = self->items->len;

  g_clear_object (&self->meeting);
  self->meeting = wsp_store_get (self->store, self->meeting_id, NULL);
  body = self->meeting != NULL && wsp_record_get_string (self->meeting, "body_id") != NULL
           ? wsp_store_get (self->store, wsp_record_get_string (self->meeting, "body_id"), NULL) : NULL;
  wsp_membership_body_rules (body, &self->rules);
  date = self->meeting != NULL ? wsp_meeting_dup_date (self->meeting) : NULL;
  if (body != NULL && date != NULL)
    {
      members = wsp_meetings_members_on (self->store, body, date, &error);
      if (members == NULL)
        g_warning ("Cannot read the members: %s", error->message);
    }
  if (members != NULL && g_strcmp0 (wsp_record_get_string (body, "kind"), "forum") == 0)
    names = representatives (self->store);

  for (guint i = 0; members != NULL && i < members->len; i++)
    {
      WspMemberEntry *member = g_ptr_array_index (members, i);
      const char *org_id = member->organisation != NULL ? wsp_record_get_id (member->organisation) : NULL;
      GString *reps = names != NULL && org_id != NULL ? g_hash_table_lookup (names, org_id) : NULL;

      g_ptr_array_add (fresh, wsp_check_in_entry_new (member->seat, member->person, member->organisation,
                                                      reps != NULL ? reps->str : NULL));
    }

  /* The same members in the same order: keep the entries (and the rows). */
  same = fresh->len == self->items->len;
  for (guint i = 0; same && i < fresh->len; i++)
    same = g_str_equal (wsp_check_in_entry_get_seat_id (g_ptr_array_index (fresh, i)),
                        wsp_check_in_entry_get_seat_id (g_ptr_array_index (self->items, i)))
           && g_str_equal (wsp_check_in_entry_get_name (g_ptr_array_index (fresh, i)),
                           wsp_check_in_entry_get_name (g_ptr_array_index (self->items, i)))
           && g_strcmp0 (wsp_check_in_entry_get_representatives (g_ptr_array_index (fresh, i)),
                         wsp_check_in_entry_get_representatives (g_ptr_array_index (self->items, i))) == 0;
  if (!same)
    {
      g_ptr_array_unref (self->items);
      self->items = g_steal_pointer (&fresh);
      g_hash_table_remove_all (self->by_seat);
      for (guint i = 0; i < self->items->len; i++)
        g_hash_table_insert (self->by_seat, g_strdup (wsp_check_in_entry_get_seat_id (g_ptr_array_index (self->items, i))),
                             GUINT_TO_POINTER (i + 1));
    }
  refresh_attendance (self);
  if (!same)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->items->len);
}

static void
store_changed_cb (WspStore   *store,
                  WspChanges *changes,
                  WspCheckIn *self)
{
  static const char * const kinds[] = { "seat", "person", "organisation", "body", "term", NULL };

  if (wsp_changes_contains (changes, "meeting", self->meeting_id))
    {
      reload (self);
      return;
    }
  for (guint i = 0; kinds[i] != NULL; i++)
    if (wsp_changes_has_entity (changes, kinds[i]))
      {
        reload (self);
        return;
      }
  if (wsp_changes_has_entity (changes, "attendance"))
    refresh_attendance (self);
}

/**
 * wsp_check_in_new:
 * @store: the store
 * @meeting_id: the meeting
 *
 * Returns: (transfer full): the members of the meeting's body on its day,
 *   with their attendance, following the store
 */
WspCheckIn *
wsp_check_in_new (WspStore   *store,
                  const char *meeting_id)
{
  WspCheckIn *self;

  g_return_val_if_fail (WSP_IS_STORE (store), NULL);
  g_return_val_if_fail (meeting_id != NULL, NULL);

  self = g_object_new (WSP_TYPE_CHECK_IN, NULL);
  self->store = g_object_ref (store);
  self->meeting_id = g_strdup (meeting_id);
  self->changed_id = g_signal_connect (store, "changed", G_CALLBACK (store_changed_cb), self);
  reload (self);
  return self;
}

/* The meeting as last read, or NULL when it is gone. */
WspRecord *
wsp_check_in_get_meeting (WspCheckIn *self)
{
  g_return_val_if_fail (WSP_IS_CHECK_IN (self), NULL);
  return self->meeting;
}

/* The rules of the meeting's body. */
void
wsp_check_in_get_rules (WspCheckIn   *self,
                        WspBodyRules *rules)
{
  g_return_if_fail (WSP_IS_CHECK_IN (self));
  *rules = self->rules;
}

/* The quorum of the meeting now. */
void
wsp_check_in_get_quorum (WspCheckIn *self,
                         WspQuorum  *quorum)
{
  g_return_if_fail (WSP_IS_CHECK_IN (self));
  *quorum = self->quorum;
}

/* The quorum of one item: the members recused from it (its "recused"
 * seats who are in the room) count neither in the base nor among those
 * present. */
void
wsp_check_in_get_item_quorum (WspCheckIn *self,
                              WspRecord  *item,
                              WspQuorum  *quorum)
{
  g_auto (GStrv) recused = NULL;

  g_return_if_fail (WSP_IS_CHECK_IN (self));
  *quorum = self->quorum;
  recused = item != NULL ? wsp_record_dup_list (item, "recused") : NULL;
  quorum->recused = 0;
  for (guint i = 0; recused != NULL && recused[i] != NULL; i++)
    {
      WspCheckInEntry *entry = wsp_check_in_find (self, recused[i], NULL);

      if (entry != NULL && wsp_check_in_entry_is_in_the_room (entry))
        quorum->recused++;
    }
  quorum->required = wsp_quorum_required (&self->rules, quorum->members, quorum->recused);
  quorum->reached = wsp_quorum_reached (&self->rules, quorum->members, quorum->present, quorum->recused);
}

/* How many members have @presence recorded (WSP_PRESENCE_UNKNOWN: none). */
guint
wsp_check_in_count (WspCheckIn  *self,
                    WspPresence  presence)
{
  guint n = 0;

  g_return_val_if_fail (WSP_IS_CHECK_IN (self), 0);
  for (guint i = 0; i < self->items->len; i++)
    if (wsp_check_in_entry_get_presence (g_ptr_array_index (self->items, i)) == presence)
      n++;
  return n;
}

/* The entry of @seat_id, and where it is; NULL when the seat is not listed. */
WspCheckInEntry *
wsp_check_in_find (WspCheckIn *self,
                   const char *seat_id,
                   guint      *position)
{
  guint index;

  g_return_val_if_fail (WSP_IS_CHECK_IN (self), NULL);
  index = GPOINTER_TO_UINT (g_hash_table_lookup (self->by_seat, seat_id));
  if (index == 0)
    return NULL;
  if (position != NULL)
    *position = index - 1;
  return g_ptr_array_index (self->items, index - 1);
}

/* Whether the meeting's status keeps its attendance as it is (a held
 * meeting), and it was not unlocked on purpose. */
gboolean
wsp_check_in_get_locked (WspCheckIn *self)
{
  g_return_val_if_fail (WSP_IS_CHECK_IN (self), TRUE);
  if (self->meeting == NULL)
    return TRUE;
  if (wsp_meeting_status_allows (wsp_meeting_get_status (self->meeting), WSP_MEETING_PART_ATTENDANCE))
    return FALSE;
  return !(self->unlocked && wsp_meeting_get_status (self->meeting) == WSP_MEETING_HELD);
}

/* Lets a person correct the attendance of a held meeting (until the
 * minutes are approved). */
void
wsp_check_in_set_unlocked (WspCheckIn *self,
                           gboolean    unlocked)
{
  g_return_if_fail (WSP_IS_CHECK_IN (self));
  self->unlocked = unlocked;
}

static gboolean
check_unlocked (WspCheckIn  *self,
                GError     **error)
{
  if (!wsp_check_in_get_locked (self))
    return TRUE;
  if (self->meeting != NULL && wsp_meeting_get_status (self->meeting) == WSP_MEETING_HELD)
    g_set_error_literal (error, WSP_MEETINGS_ERROR, WSP_MEETINGS_ERROR_LOCKED,
                         _("The meeting has been held: unlock its attendance first to correct it."));
  else
    g_set_error_literal (error, WSP_MEETINGS_ERROR, WSP_MEETINGS_ERROR_LOCKED,
                         _("The attendance of this meeting can no longer change."));
  return FALSE;
}

/* The attendance record of @entry as stored now, or a new one. */
static WspRecord *
attendance_for (WspCheckIn      *self,
                WspCheckInEntry *entry)
{
  WspRecord *shown = wsp_check_in_entry_get_attendance (entry);
  g_autofree char *id = NULL;
  WspRecord *record;

  if (shown != NULL && (record = wsp_store_get (self->store, wsp_record_get_id (shown), NULL)) != NULL)
    return record;
  id = wsp_check_in_attendance_id (self->meeting_id, wsp_check_in_entry_get_seat_id (entry));
  record = wsp_store_get (self->store, id, NULL);
  if (record != NULL)
    return record;
  record = g_object_new (WSP_TYPE_ATTENDANCE, "id", id, NULL);
  wsp_record_set_string (record, "meeting_id", self->meeting_id);
  wsp_record_set_string (record, "seat_id", wsp_check_in_entry_get_seat_id (entry));
  return record;
}

static void
set_time (WspRecord  *record,
          const char *field,
          GDateTime  *at)
{
  g_autoptr (GDateTime) now = at == NULL ? g_date_time_new_now_local () : NULL;
  g_autofree char *text = wsp_meetings_format_time (at != NULL ? at : now);

  wsp_record_set_string (record, field, text);
}

/**
 * wsp_check_in_set_presence:
 * @self: the check-in
 * @entry: one of its members
 * @presence: present, excused or absent
 * @at: (nullable): when a member who is present came (now when %NULL);
 *   a member already present keeps the time they came
 * @error: where to say why it was not recorded
 *
 * Records @presence for @entry. Present again after leaving means back in
 * the room; excused or absent clears the times.
 */
gboolean
wsp_check_in_set_presence (WspCheckIn       *self,
                           WspCheckInEntry  *entry,
                           WspPresence       presence,
                           GDateTime        *at,
                           GError          **error)
{
  g_autoptr (WspRecord) record = NULL;

  g_return_val_if_fail (WSP_IS_CHECK_IN (self), FALSE);
  g_return_val_if_fail (WSP_IS_CHECK_IN_ENTRY (entry), FALSE);
  g_return_val_if_fail (wsp_choice_find_value (wsp_presence_choices, presence) != NULL, FALSE);

  if (!check_unlocked (self, error))
    return FALSE;
  record = attendance_for (self, entry);
  wsp_record_set_string (record, "status", wsp_choice_name (wsp_presence_choices, presence));
  if (presence == WSP_PRESENCE_PRESENT)
    {
      if (wsp_record_get_string (record, "arrived_at") == NULL)
        set_time (record, "arrived_at", at);
    }
  else
    wsp_record_set_string (record, "arrived_at", NULL);
  wsp_record_set_string (record, "left_at", NULL);
  return wsp_store_save (self->store, record, error);
}

/* Records that @entry, present, left the room at @at (now when %NULL). */
gboolean
wsp_check_in_set_left (WspCheckIn       *self,
                       WspCheckInEntry  *entry,
                       GDateTime        *at,
                       GError          **error)
{
  g_autoptr (WspRecord) record = NULL;

  g_return_val_if_fail (WSP_IS_CHECK_IN (self), FALSE);
  if (!check_unlocked (self, error))
    return FALSE;
  if (wsp_check_in_entry_get_presence (entry) != WSP_PRESENCE_PRESENT)
    {
      g_set_error (error, WSP_MEETINGS_ERROR, WSP_MEETINGS_ERROR_INVALID,
                   _("%s was not checked in as present, so cannot leave."), wsp_check_in_entry_get_name (entry));
      return FALSE;
    }
  record = attendance_for (self, entry);
  set_time (record, "left_at", at);
  return wsp_store_save (self->store, record, error);
}

/* Records @presence for every member with nothing recorded yet, in one
 * commit. */
gboolean
wsp_check_in_mark_rest (WspCheckIn  *self,
                        WspPresence  presence,
                        guint       *n_marked,
                        GError     **error)
{
  g_autoptr (GPtrArray) rest = g_ptr_array_new ();
  guint marked = 0;

  g_return_val_if_fail (WSP_IS_CHECK_IN (self), FALSE);
  if (!check_unlocked (self, error))
    return FALSE;
  for (guint i = 0; i < self->items->len; i++)
    if (wsp_check_in_entry_get_presence (g_ptr_array_index (self->items, i)) == WSP_PRESENCE_UNKNOWN)
      g_ptr_array_add (rest, g_ptr_array_index (self->items, i));
  if (!wsp_store_begin (self->store, error))
    return FALSE;
  for (guint i = 0; i < rest->len; i++)
    {
      if (!wsp_check_in_set_presence (self, g_ptr_array_index (rest, i), presence, NULL, error))
        {
          wsp_store_rollback (self->store);
          return FALSE;
        }
      marked++;
    }
  if (!wsp_store_commit (self->store, error))
    return FALSE;
  if (n_marked != NULL)
    *n_marked = marked;
  return TRUE;
}

static void
wsp_check_in_dispose (GObject *object)
{
  WspCheckIn *self = WSP_CHECK_IN (object);

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  g_clear_object (&self->meeting);

  G_OBJECT_CLASS (wsp_check_in_parent_class)->dispose (object);
}

static void
wsp_check_in_finalize (GObject *object)
{
  WspCheckIn *self = WSP_CHECK_IN (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->by_seat, g_hash_table_unref);
  g_free (self->meeting_id);

  G_OBJECT_CLASS (wsp_check_in_parent_class)->finalize (object);
}

static void
wsp_check_in_class_init (WspCheckInClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = wsp_check_in_dispose;
  object_class->finalize = wsp_check_in_finalize;

  /**
   * WspCheckIn::quorum-changed:
   *
   * The counts of the quorum changed: someone came, left, or the members
   * changed; the quorum may have been reached or lost.
   */
  signals[QUORUM_CHANGED] = g_signal_new ("quorum-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                          NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * WspCheckIn::updated:
   *
   * The attendance or the meeting was read again.
   */
  signals[UPDATED] = g_signal_new ("updated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                   NULL, G_TYPE_NONE, 0);
}

static void
wsp_check_in_init (WspCheckIn *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_seat = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  wsp_body_rules_init_default (&self->rules);
}
