/* test-meetings.c — meetings in core: agenda order (also on two laptops),
 * check-in and quorum, numbers, status, invitations, the list of meetings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "wsp-test-util.h"

#include "demo/wsp-demo.h"
#include "domain/wsp-agenda.h"
#include "domain/wsp-check-in.h"
#include "domain/wsp-meeting-list.h"
#include "domain/wsp-meetings.h"
#include "records/wsp-records-meetings.h"
#include "records/wsp-records-members.h"
#include "sync/wsp-sync.h"

typedef struct
{
  char     *dir;
  WspStore *a;
  WspStore *b;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->dir = g_dir_make_tmp ("wsp-meetings-XXXXXX", NULL);
  f->a = wsp_test_open_store (f->dir, "a.sqlite3");
  f->b = wsp_test_open_store (f->dir, "b.sqlite3");
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->a);
  g_clear_object (&f->b);
  wsp_test_remove_tree (f->dir);
  g_free (f->dir);
}

static void
fill_demo (WspStore *store)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (wsp_demo_fill (store, &error));
  g_assert_no_error (error);
}

static WspRecord *
get (WspStore *store, const char *id)
{
  g_autoptr (GError) error = NULL;
  WspRecord *record = wsp_store_get (store, id, &error);

  g_assert_no_error (error);
  return record;
}

static void
save (WspStore *store, WspRecord *record)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (wsp_store_save (store, record, &error));
  g_assert_no_error (error);
}

static WspRecord *
new_body (WspStore *store, const char *kind)
{
  WspRecord *body = WSP_RECORD (wsp_body_new ());

  wsp_record_set_string (body, "kind", kind);
  wsp_record_set_string (body, "name", g_str_equal (kind, "forum") ? "Forum Organizacji Pozarządowych"
                                                                    : "Rada Działalności Pożytku Publicznego");
  save (store, body);
  return body;
}

static WspRecord *
new_meeting (WspStore *store, const char *body_id, const char *starts_at, const char *status)
{
  WspRecord *meeting = WSP_RECORD (wsp_meeting_new ());

  wsp_record_set_string (meeting, "body_id", body_id);
  wsp_record_set_string (meeting, "starts_at", starts_at);
  wsp_record_set_string (meeting, "status", status);
  save (store, meeting);
  return meeting;
}

static WspRecord *
find_body (WspStore *store, const char *kind)
{
  g_autoptr (GError) error = NULL;
  WspRecord *body = wsp_membership_find_body (store, kind, &error);

  g_assert_no_error (error);
  g_assert_nonnull (body);
  return body;
}

static void
insert (WspStore *store, WspRecord *meeting, const char *title, guint index)
{
  g_autoptr (WspRecord) item = WSP_RECORD (wsp_agenda_item_new ());
  g_autoptr (GError) error = NULL;

  wsp_record_set_string (item, "title", title);
  wsp_record_set_string (item, "kind", "discussion");
  wsp_record_set_int (item, "planned_minutes", 10);
  g_assert_true (wsp_agenda_insert (store, meeting, item, index, &error));
  g_assert_no_error (error);
}

/* The agenda's titles in order, "A|B|C". */
static char *
titles (WspStore *store, const char *meeting_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) items = wsp_agenda_items (store, meeting_id, &error);
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) list = NULL;

  g_assert_no_error (error);
  for (guint i = 0; i < items->len; i++)
    g_strv_builder_add (builder, wsp_record_get_string (g_ptr_array_index (items, i), "title"));
  list = g_strv_builder_end (builder);
  return g_strjoinv ("|", list);
}

static const char *
item_id (WspStore *store, const char *meeting_id, guint index)
{
  static char id[64];
  g_autoptr (GPtrArray) items = wsp_agenda_items (store, meeting_id, NULL);

  g_assert_cmpuint (index, <, items->len);
  g_strlcpy (id, wsp_record_get_id (g_ptr_array_index (items, index)), sizeof id);
  return id;
}

static void
move (WspStore *store, WspRecord *meeting, guint from, guint to)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *id = g_strdup (item_id (store, wsp_record_get_id (meeting), from));

  g_assert_true (wsp_agenda_move (store, meeting, id, to, &error));
  g_assert_no_error (error);
}

/* ---- the order ----------------------------------------------------------- */

static void
test_positions (void)
{
  gint64 p = 0;

  g_assert_true (wsp_agenda_position_between (FALSE, 0, FALSE, 0, &p));
  g_assert_cmpint (p, ==, WSP_AGENDA_STEP);
  g_assert_true (wsp_agenda_position_between (TRUE, 2048, FALSE, 0, &p));
  g_assert_cmpint (p, ==, 2048 + WSP_AGENDA_STEP);
  g_assert_true (wsp_agenda_position_between (FALSE, 0, TRUE, 1024, &p));
  g_assert_cmpint (p, <, 1024);
  g_assert_true (wsp_agenda_position_between (TRUE, 1024, TRUE, 2048, &p));
  g_assert_cmpint (p, ==, 1536);
  /* No whole number between: the agenda is spaced out instead. */
  g_assert_false (wsp_agenda_position_between (TRUE, 1, TRUE, 2, &p));
  g_assert_false (wsp_agenda_position_between (TRUE, 5, TRUE, 5, &p));
  g_assert_false (wsp_agenda_position_between (TRUE, G_MAXINT64 - 1, FALSE, 0, &p));
}

static void
test_insert_and_move (Fixture *f, gconstpointer data)
{
  g_autoptr (WspRecord) body = new_body (f->a, "forum");
  g_autoptr (WspRecord) meeting = new_meeting (f->a, wsp_record_get_id (body), "2027-01-14T17:00:00+01:00", "planned");
  const char *id = wsp_record_get_id (meeting);
  g_autofree char *order = NULL;

  insert (f->a, meeting, "B", G_MAXUINT);
  insert (f->a, meeting, "D", G_MAXUINT);
  insert (f->a, meeting, "A", 0);
  insert (f->a, meeting, "C", 2);
  order = titles (f->a, id);
  g_assert_cmpstr (order, ==, "A|B|C|D");

  /* Alt+Down on A twice, Alt+Up on D: one place at a time. */
  move (f->a, meeting, 0, 1);
  move (f->a, meeting, 1, 2);
  g_clear_pointer (&order, g_free);
  order = titles (f->a, id);
  g_assert_cmpstr (order, ==, "B|C|A|D");
  move (f->a, meeting, 3, 2);
  g_clear_pointer (&order, g_free);
  order = titles (f->a, id);
  g_assert_cmpstr (order, ==, "B|C|D|A");

  /* Many moves into one gap run out of room and space the agenda out
   * (the last three take turns: 25 moves leave A after B). */
  for (guint i = 0; i < 25; i++)
    move (f->a, meeting, 3, 1);
  g_clear_pointer (&order, g_free);
  order = titles (f->a, id);
  g_assert_cmpstr (order, ==, "B|A|C|D");
  {
    g_autoptr (GPtrArray) items = wsp_agenda_items (f->a, id, NULL);

    g_assert_false (wsp_agenda_has_collisions (items));
    g_assert_cmpuint (items->len, ==, 4);
  }
}

/* The demo's agendas are numbered 1, 2, 3…: a move spaces them out. */
static void
test_move_in_demo_agenda (Fixture *f, gconstpointer data)
{
  g_autoptr (WspRecord) council = NULL;
  g_autoptr (GPtrArray) meetings = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) before = NULL;
  g_autoptr (GPtrArray) after = NULL;
  WspRecord *planned = NULL;

  fill_demo (f->a);
  council = find_body (f->a, "council");
  g_assert_true (wsp_store_query (f->a, WSP_TYPE_MEETING, "body_id", wsp_record_get_id (council), meetings, NULL));
  for (guint i = 0; i < meetings->len; i++)
    if (wsp_meeting_get_status (g_ptr_array_index (meetings, i)) == WSP_MEETING_PLANNED)
      planned = g_ptr_array_index (meetings, i);
  g_assert_nonnull (planned);
  before = wsp_agenda_items (f->a, wsp_record_get_id (planned), NULL);
  g_assert_cmpuint (before->len, >=, 3);
  move (f->a, planned, before->len - 1, 1);
  after = wsp_agenda_items (f->a, wsp_record_get_id (planned), NULL);
  g_assert_cmpuint (after->len, ==, before->len);
  g_assert_cmpstr (wsp_record_get_id (g_ptr_array_index (after, 1)), ==,
                   wsp_record_get_id (g_ptr_array_index (before, before->len - 1)));
  g_assert_cmpstr (wsp_record_get_id (g_ptr_array_index (after, 0)), ==,
                   wsp_record_get_id (g_ptr_array_index (before, 0)));
}

static void
test_standard_items_and_copy (Fixture *f, gconstpointer data)
{
  g_autoptr (WspRecord) body = new_body (f->a, "forum");
  g_autoptr (WspRecord) earlier = new_meeting (f->a, wsp_record_get_id (body), "2026-10-22T17:00:00+02:00", "held");
  g_autoptr (WspRecord) meeting = new_meeting (f->a, wsp_record_get_id (body), "2027-01-14T17:00:00+01:00", "planned");
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GPtrArray) starts = NULL;
  guint added = 0;

  insert (f->a, meeting, "Sprawozdanie z konkursów", G_MAXUINT);
  g_assert_true (wsp_agenda_add_standard_items (f->a, meeting, &added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 6);
  g_assert_true (wsp_agenda_add_standard_items (f->a, meeting, &added, &error));
  g_assert_cmpuint (added, ==, 0);

  items = wsp_agenda_items (f->a, wsp_record_get_id (meeting), NULL);
  g_assert_cmpuint (items->len, ==, 7);
  g_assert_cmpstr (wsp_record_get_string (g_ptr_array_index (items, 0), "kind"), ==, "opening");
  g_assert_cmpstr (wsp_record_get_string (g_ptr_array_index (items, 1), "kind"), ==, "quorum_check");
  g_assert_cmpstr (wsp_record_get_string (g_ptr_array_index (items, 2), "kind"), ==, "agenda_adoption");
  g_assert_cmpstr (wsp_record_get_string (g_ptr_array_index (items, 3), "kind"), ==, "minutes_approval");
  g_assert_cmpstr (wsp_record_get_string (g_ptr_array_index (items, 4), "title"), ==, "Sprawozdanie z konkursów");
  g_assert_cmpstr (wsp_record_get_string (g_ptr_array_index (items, 5), "kind"), ==, "other_business");
  g_assert_cmpstr (wsp_record_get_string (g_ptr_array_index (items, 6), "kind"), ==, "closing");

  /* Each item starts when the ones before it end: 5+5+5+5+10 minutes. */
  starts = wsp_agenda_planned_starts (meeting, items);
  g_assert_cmpuint (starts->len, ==, 7);
  {
    g_autofree char *at = g_date_time_format (g_ptr_array_index (starts, 5), "%H:%M");
    g_assert_cmpstr (at, ==, "17:30");
  }

  /* The agenda of a held meeting stands; another meeting copies it. */
  insert (f->a, meeting, "Nie", G_MAXUINT);
  {
    g_autoptr (WspRecord) item = WSP_RECORD (wsp_agenda_item_new ());
    wsp_record_set_string (item, "title", "Za późno");
    g_assert_false (wsp_agenda_insert (f->a, earlier, item, 0, &error));
    g_assert_error (error, WSP_MEETINGS_ERROR, WSP_MEETINGS_ERROR_LOCKED);
    g_clear_error (&error);
  }
  {
    g_autoptr (WspRecord) next = new_meeting (f->a, wsp_record_get_id (body), "2027-03-11T17:00:00+01:00", "planned");
    g_autofree char *copied = NULL;
    g_autofree char *original = NULL;

    g_assert_true (wsp_agenda_copy (f->a, next, wsp_record_get_id (meeting), &added, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (added, ==, 8);
    copied = titles (f->a, wsp_record_get_id (next));
    original = titles (f->a, wsp_record_get_id (meeting));
    g_assert_cmpstr (copied, ==, original);
  }
}

/* ---- two laptops --------------------------------------------------------- */

static void
exchange (WspStore *from, WspStore *to)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = wsp_sync_build_packet (from, wsp_store_get_peer_id (to), TRUE, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (wsp_sync_import_bytes (to, bytes, WSP_IMPORT_TRUST_NEW, NULL, &error));
  g_assert_no_error (error);
}

/* The agenda as every laptop must show it: ids in order. */
static char *
order_of (WspStore *store, const char *meeting_id)
{
  g_autoptr (GPtrArray) items = wsp_agenda_items (store, meeting_id, NULL);
  g_autoptr (GString) out = g_string_new (NULL);

  for (guint i = 0; i < items->len; i++)
    g_string_append_printf (out, "%s ", wsp_record_get_id (g_ptr_array_index (items, i)));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static guint
count_title (WspStore *store, const char *meeting_id, const char *title)
{
  g_autoptr (GPtrArray) items = wsp_agenda_items (store, meeting_id, NULL);
  guint n = 0;

  for (guint i = 0; i < items->len; i++)
    n += g_strcmp0 (wsp_record_get_string (g_ptr_array_index (items, i), "title"), title) == 0;
  return n;
}

static void
edit_title (WspStore *store, const char *id, const char *title)
{
  g_autoptr (WspRecord) item = get (store, id);

  wsp_record_set_string (item, "title", title);
  save (store, item);
}

/* Two secretaries edit one agenda at once, each on their own laptop, and
 * exchange files: every item is there once, and both show one order. */
static void
test_concurrent_agenda_edits (Fixture *f, gconstpointer data)
{
  g_autoptr (WspRecord) body = new_body (f->a, "council");
  g_autoptr (WspRecord) on_a = new_meeting (f->a, wsp_record_get_id (body), "2027-01-21T16:00:00+01:00", "planned");
  g_autoptr (WspRecord) on_b = NULL;
  g_autofree char *id = g_strdup (wsp_record_get_id (on_a));
  g_autofree char *first = NULL;
  g_autofree char *order_a = NULL, *order_b = NULL;
  g_autofree char *titles_a = NULL;
  g_autoptr (GError) error = NULL;

  insert (f->a, on_a, "Otwarcie", G_MAXUINT);
  insert (f->a, on_a, "Opinia o projekcie programu", G_MAXUINT);
  insert (f->a, on_a, "Sprawozdanie", G_MAXUINT);
  insert (f->a, on_a, "Zamknięcie", G_MAXUINT);
  exchange (f->a, f->b);
  on_b = get (f->b, id);
  first = order_of (f->b, id);
  {
    g_autofree char *on_a_first = order_of (f->a, id);
    g_assert_cmpstr (first, ==, on_a_first);
  }

  /* A: adds an item at the end and one between the first two, moves
   * "Sprawozdanie" up. B, at the same time: adds an item at the end and
   * one in the same place between the first two, moves "Zamknięcie" up and
   * renames "Otwarcie". */
  insert (f->a, on_a, "Wolne wnioski (A)", 4);
  insert (f->a, on_a, "Informacja A", 1);
  move (f->a, on_a, 3, 1);
  insert (f->b, on_b, "Wolne wnioski (B)", 4);
  insert (f->b, on_b, "Informacja B", 1);
  move (f->b, on_b, 4, 2);
  edit_title (f->b, item_id (f->b, id, 0), "Otwarcie posiedzenia");

  exchange (f->a, f->b);
  exchange (f->b, f->a);

  /* The same order on both laptops, every item once, nothing in conflict. */
  order_a = order_of (f->a, id);
  order_b = order_of (f->b, id);
  g_assert_cmpstr (order_a, ==, order_b);
  titles_a = titles (f->a, id);
  {
    g_autofree char *titles_b = titles (f->b, id);
    g_assert_cmpstr (titles_a, ==, titles_b);
  }
  g_assert_cmpuint (wsp_store_count (f->a, WSP_TYPE_AGENDA_ITEM), ==, 8);
  g_assert_cmpuint (wsp_store_count (f->b, WSP_TYPE_AGENDA_ITEM), ==, 8);
  for (guint i = 0; i < 8; i++)
    {
      const char *names[] = { "Otwarcie posiedzenia", "Opinia o projekcie programu", "Sprawozdanie", "Zamknięcie",
                              "Wolne wnioski (A)", "Wolne wnioski (B)", "Informacja A", "Informacja B" };
      g_assert_cmpuint (count_title (f->a, id, names[i]), ==, 1);
    }
  g_assert_cmpuint (wsp_store_count_conflicts (f->a), ==, 0);
  g_assert_cmpuint (wsp_store_count_conflicts (f->b), ==, 0);
  /* Each laptop's own moves stand: the opening stays first. */
  g_assert_true (g_str_has_prefix (titles_a, "Otwarcie posiedzenia|"));

  /* Items put in the same place share a position; both laptops space the
   * agenda out the same way, and the exchange that follows agrees. */
  {
    g_autoptr (GPtrArray) items = wsp_agenda_items (f->a, id, NULL);
    g_assert_true (wsp_agenda_has_collisions (items));
  }
  g_clear_object (&on_a);
  g_clear_object (&on_b);
  on_a = get (f->a, id);
  on_b = get (f->b, id);
  g_assert_true (wsp_agenda_fix_collisions (f->a, on_a, &error));
  g_assert_true (wsp_agenda_fix_collisions (f->b, on_b, &error));
  g_assert_no_error (error);
  exchange (f->a, f->b);
  exchange (f->b, f->a);
  g_clear_pointer (&order_b, g_free);
  order_b = order_of (f->b, id);
  {
    g_autofree char *again_a = order_of (f->a, id);
    g_assert_cmpstr (again_a, ==, order_b);
  }
  g_assert_cmpstr (order_a, ==, order_b);
  g_assert_cmpuint (wsp_store_count_conflicts (f->a), ==, 0);
  g_assert_cmpuint (wsp_store_count_conflicts (f->b), ==, 0);
  {
    g_autoptr (GPtrArray) items = wsp_agenda_items (f->b, id, NULL);
    g_assert_false (wsp_agenda_has_collisions (items));
  }

  /* One item deleted on A while B edits it: kept, and shown to a person. */
  {
    g_autofree char *victim = g_strdup (item_id (f->a, id, 2));
    g_autoptr (WspRecord) item = get (f->a, victim);

    g_assert_true (wsp_agenda_remove (f->a, on_a, item, &error));
    g_assert_no_error (error);
    edit_title (f->b, victim, "Sprawozdanie roczne");
    exchange (f->a, f->b);
    exchange (f->b, f->a);
    g_assert_cmpuint (count_title (f->a, id, "Sprawozdanie roczne"), ==, 1);
    g_assert_cmpuint (count_title (f->b, id, "Sprawozdanie roczne"), ==, 1);
    g_assert_cmpuint (wsp_store_count_conflicts (f->a), ==, 1);
    g_clear_pointer (&order_a, g_free);
    g_clear_pointer (&order_b, g_free);
    order_a = order_of (f->a, id);
    order_b = order_of (f->b, id);
    g_assert_cmpstr (order_a, ==, order_b);
  }
}

/* ---- check-in and quorum ------------------------------------------------- */

static WspRecord *
forum_meeting_today (WspStore *store)
{
  g_autoptr (WspRecord) forum = find_body (store, "forum");
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *starts = wsp_meetings_format_time (now);

  return new_meeting (store, wsp_record_get_id (forum), starts, "invited");
}

static void
quorum_changed_cb (WspCheckIn *check_in, guint *count)
{
  (*count)++;
}

static void
test_check_in_quorum (Fixture *f, gconstpointer data)
{
  g_autoptr (WspRecord) meeting = NULL;
  g_autoptr (WspCheckIn) check_in = NULL;
  g_autoptr (GError) error = NULL;
  WspQuorum quorum;
  guint n, changes = 0;

  fill_demo (f->a);
  meeting = forum_meeting_today (f->a);
  check_in = wsp_check_in_new (f->a, wsp_record_get_id (meeting));
  n = g_list_model_get_n_items (G_LIST_MODEL (check_in));
  g_assert_cmpuint (n, ==, 30);
  g_signal_connect (check_in, "quorum-changed", G_CALLBACK (quorum_changed_cb), &changes);
  wsp_check_in_get_quorum (check_in, &quorum);
  g_assert_cmpuint (quorum.members, ==, 30);
  g_assert_cmpuint (quorum.required, ==, 15);
  g_assert_false (quorum.reached);
  {
    g_autoptr (WspCheckInEntry) entry = g_list_model_get_item (G_LIST_MODEL (check_in), 0);
    g_assert_nonnull (wsp_check_in_entry_get_representatives (entry));
  }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (WspCheckInEntry) entry = g_list_model_get_item (G_LIST_MODEL (check_in), i);
      WspPresence presence = i % 2 == 0 ? WSP_PRESENCE_PRESENT : (i % 4 == 1 ? WSP_PRESENCE_EXCUSED : WSP_PRESENCE_ABSENT);

      if (i >= 28)
        presence = WSP_PRESENCE_PRESENT;
      g_assert_true (wsp_check_in_set_presence (check_in, entry, presence, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpint (wsp_check_in_entry_get_presence (entry), ==, presence);
      wsp_check_in_get_quorum (check_in, &quorum);
      /* Present: 0, 2, …, 26 (14 members), then 28 is the 15th. */
      g_assert_cmpint (quorum.reached, ==, i >= 28);
    }
  g_assert_cmpuint (quorum.present, ==, 16);
  g_assert_cmpuint (wsp_check_in_count (check_in, WSP_PRESENCE_EXCUSED), ==, 7);
  g_assert_cmpuint (changes, ==, 16);

  /* Two leave: the quorum is lost at the first, and comes back with one. */
  {
    g_autoptr (WspCheckInEntry) first = g_list_model_get_item (G_LIST_MODEL (check_in), 0);
    g_autoptr (WspCheckInEntry) second = g_list_model_get_item (G_LIST_MODEL (check_in), 2);

    g_assert_true (wsp_check_in_set_left (check_in, first, NULL, &error));
    wsp_check_in_get_quorum (check_in, &quorum);
    g_assert_true (quorum.reached);
    g_assert_true (wsp_check_in_set_left (check_in, second, NULL, &error));
    wsp_check_in_get_quorum (check_in, &quorum);
    g_assert_false (quorum.reached);
    g_assert_nonnull (wsp_record_get_string (wsp_check_in_entry_get_attendance (second), "left_at"));
    g_assert_true (wsp_check_in_set_presence (check_in, second, WSP_PRESENCE_PRESENT, NULL, &error));
    wsp_check_in_get_quorum (check_in, &quorum);
    g_assert_true (quorum.reached);
    g_assert_null (wsp_record_get_string (wsp_check_in_entry_get_attendance (second), "left_at"));
    g_assert_nonnull (wsp_record_get_string (wsp_check_in_entry_get_attendance (second), "arrived_at"));

    /* A member recused from an item leaves that item's base, and its count. */
    {
      g_autoptr (WspRecord) item = WSP_RECORD (wsp_agenda_item_new ());
      const char *recused[] = { wsp_check_in_entry_get_seat_id (second), NULL };

      wsp_record_set_string (item, "title", "Dotacja dla Fundacji");
      wsp_record_set_list (item, "recused", recused);
      wsp_check_in_get_item_quorum (check_in, item, &quorum);
      g_assert_cmpuint (quorum.recused, ==, 1);
      g_assert_cmpuint (quorum.required, ==, 16); /* ⌈29 / 2⌉ + 1 */
      g_assert_cmpuint (quorum.present, ==, 15);
      g_assert_false (quorum.reached);
    }
  }

  /* Each member has one attendance record, whose id two laptops agree on. */
  g_assert_cmpuint (wsp_store_count (f->a, WSP_TYPE_ATTENDANCE), >, 30);
  {
    g_autoptr (GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);

    g_assert_true (wsp_store_query (f->a, WSP_TYPE_ATTENDANCE, "meeting_id", wsp_record_get_id (meeting), records, NULL));
    g_assert_cmpuint (records->len, ==, 30);
  }
}

/* A held meeting's attendance is kept as it was, until a person unlocks it. */
static void
test_check_in_locked (Fixture *f, gconstpointer data)
{
  g_autoptr (WspRecord) meeting = NULL;
  g_autoptr (WspCheckIn) check_in = NULL;
  g_autoptr (WspCheckInEntry) entry = NULL;
  g_autoptr (GError) error = NULL;
  guint marked = 0;

  fill_demo (f->a);
  meeting = forum_meeting_today (f->a);
  check_in = wsp_check_in_new (f->a, wsp_record_get_id (meeting));
  entry = g_list_model_get_item (G_LIST_MODEL (check_in), 3);
  g_assert_true (wsp_check_in_set_presence (check_in, entry, WSP_PRESENCE_PRESENT, NULL, &error));
  g_assert_true (wsp_check_in_mark_rest (check_in, WSP_PRESENCE_ABSENT, &marked, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (marked, ==, 29);
  g_assert_cmpuint (wsp_check_in_count (check_in, WSP_PRESENCE_UNKNOWN), ==, 0);

  g_assert_true (wsp_meetings_set_status (f->a, meeting, WSP_MEETING_HELD, &error));
  g_assert_true (wsp_check_in_get_locked (check_in));
  g_assert_false (wsp_check_in_set_presence (check_in, entry, WSP_PRESENCE_EXCUSED, NULL, &error));
  g_assert_error (error, WSP_MEETINGS_ERROR, WSP_MEETINGS_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_cmpint (wsp_check_in_entry_get_presence (entry), ==, WSP_PRESENCE_PRESENT);

  wsp_check_in_set_unlocked (check_in, TRUE);
  g_assert_true (wsp_check_in_set_presence (check_in, entry, WSP_PRESENCE_EXCUSED, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (wsp_check_in_entry_get_presence (entry), ==, WSP_PRESENCE_EXCUSED);

  g_assert_true (wsp_meetings_set_status (f->a, meeting, WSP_MEETING_MINUTES_APPROVED, &error));
  g_assert_true (wsp_check_in_get_locked (check_in));
}

/* Check-in feeds the register of absences: the Council member the demo has
 * absent three times in a row is flagged until they come to a meeting. */
static void
test_check_in_feeds_absences (Fixture *f, gconstpointer data)
{
  g_autoptr (WspRecord) council = NULL;
  g_autoptr (WspRecord) term = NULL;
  g_autoptr (WspRecord) meeting = NULL;
  g_autoptr (WspCheckIn) check_in = NULL;
  g_autoptr (GPtrArray) flagged = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *flagged_seat = NULL;
  WspBodyRules rules;
  guint position = 0;

  fill_demo (f->a);
  council = find_body (f->a, "council");
  wsp_membership_body_rules (council, &rules);
  term = wsp_membership_current_term (f->a, wsp_record_get_id (council), "2026-12-10", &error);
  flagged = wsp_membership_absence_flags (f->a, wsp_record_get_id (council), wsp_record_get_id (term), &rules,
                                          "2026-12-10", &error);
  g_assert_cmpuint (flagged->len, ==, 1);
  flagged_seat = g_strdup (wsp_record_get_id (g_ptr_array_index (flagged, 0)));
  g_clear_pointer (&flagged, g_ptr_array_unref);

  meeting = new_meeting (f->a, wsp_record_get_id (council), "2026-12-10T16:00:00+01:00", "invited");
  check_in = wsp_check_in_new (f->a, wsp_record_get_id (meeting));
  {
    WspCheckInEntry *entry = wsp_check_in_find (check_in, flagged_seat, &position);

    g_assert_nonnull (entry);
    g_assert_true (wsp_check_in_set_presence (check_in, entry, WSP_PRESENCE_PRESENT, NULL, &error));
    g_assert_true (wsp_check_in_mark_rest (check_in, WSP_PRESENCE_PRESENT, NULL, &error));
  }
  g_assert_true (wsp_meetings_set_status (f->a, meeting, WSP_MEETING_HELD, &error));
  g_assert_no_error (error);
  flagged = wsp_membership_absence_flags (f->a, wsp_record_get_id (council), wsp_record_get_id (term), &rules,
                                          "2026-12-10", &error);
  g_assert_cmpuint (flagged->len, ==, 0);
}

/* Two laptops checking one member in write to one record. */
static void
test_check_in_on_two_laptops (Fixture *f, gconstpointer data)
{
  g_autoptr (WspRecord) meeting = NULL;
  g_autoptr (WspCheckIn) on_a = NULL;
  g_autoptr (WspCheckIn) on_b = NULL;
  g_autoptr (WspCheckInEntry) entry_a = NULL;
  g_autoptr (WspCheckInEntry) entry_b = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);

  fill_demo (f->a);
  meeting = forum_meeting_today (f->a);
  exchange (f->a, f->b);
  on_a = wsp_check_in_new (f->a, wsp_record_get_id (meeting));
  on_b = wsp_check_in_new (f->b, wsp_record_get_id (meeting));
  entry_a = g_list_model_get_item (G_LIST_MODEL (on_a), 5);
  entry_b = g_list_model_get_item (G_LIST_MODEL (on_b), 5);
  g_assert_cmpstr (wsp_check_in_entry_get_seat_id (entry_a), ==, wsp_check_in_entry_get_seat_id (entry_b));
  g_assert_true (wsp_check_in_set_presence (on_a, entry_a, WSP_PRESENCE_PRESENT, NULL, &error));
  g_assert_true (wsp_check_in_set_presence (on_b, entry_b, WSP_PRESENCE_PRESENT, NULL, &error));
  exchange (f->a, f->b);
  g_assert_true (wsp_store_query (f->b, WSP_TYPE_ATTENDANCE, "meeting_id", wsp_record_get_id (meeting), records, NULL));
  g_assert_cmpuint (records->len, ==, 1);
  g_assert_cmpuint (wsp_check_in_count (on_b, WSP_PRESENCE_PRESENT), ==, 1);
}

/* ---- numbers, status, invitations, the list ------------------------------ */

static void
test_next_number (Fixture *f, gconstpointer data)
{
  g_autoptr (WspRecord) council = NULL;
  g_autoptr (WspRecord) forum = NULL;
  g_autoptr (GError) error = NULL;

  fill_demo (f->a);
  council = find_body (f->a, "council");
  forum = find_body (f->a, "forum");
  /* The demo's Council term 2025–2028 has meetings 1 to 9. */
  g_assert_cmpint (wsp_meetings_next_number (f->a, wsp_record_get_id (council), "2027-01-21", NULL, &error), ==, 10);
  /* A meeting of a new term starts again from 1. */
  g_assert_cmpint (wsp_meetings_next_number (f->a, wsp_record_get_id (council), "2030-01-21", NULL, &error), ==, 1);
  g_assert_cmpint (wsp_meetings_next_number (f->a, wsp_record_get_id (forum), NULL, NULL, &error), ==, 65);
  g_assert_no_error (error);

  {
    g_autofree char *roman = wsp_meetings_roman (12);
    g_autofree char *big = wsp_meetings_roman (1994);
    g_assert_cmpstr (roman, ==, "XII");
    g_assert_cmpstr (big, ==, "MCMXCIV");
  }
}

static void
test_invitation_recorded (Fixture *f, gconstpointer data)
{
  g_autoptr (WspRecord) meeting = NULL;
  g_autoptr (WspRecord) fresh = NULL;
  g_autoptr (GPtrArray) sent = NULL;
  g_autoptr (GError) error = NULL;
  const char *to[] = { "a@example.org", "b@example.org", NULL };

  fill_demo (f->a);
  meeting = forum_meeting_today (f->a);
  g_assert_true (wsp_meetings_set_status (f->a, meeting, WSP_MEETING_PLANNED, &error));
  g_assert_true (wsp_meetings_record_invitation (f->a, meeting, to, FALSE, 0, WSP_INVITATION_MAIL_CLIENT, NULL,
                                                 &error));
  g_assert_no_error (error);
  fresh = get (f->a, wsp_record_get_id (meeting));
  g_assert_cmpint (wsp_meeting_get_status (fresh), ==, WSP_MEETING_INVITED);
  sent = wsp_meetings_invitations (f->a, wsp_record_get_id (meeting), &error);
  g_assert_cmpuint (sent->len, ==, 1);
  {
    g_auto (GStrv) recipients = wsp_record_dup_list (g_ptr_array_index (sent, 0), "recipients");
    g_assert_cmpuint (g_strv_length (recipients), ==, 2);
  }

  /* A cancelled meeting invites nobody, but can be told off. */
  g_assert_true (wsp_meetings_set_status (f->a, fresh, WSP_MEETING_CANCELLED, &error));
  g_assert_false (wsp_meetings_record_invitation (f->a, fresh, to, FALSE, 1, WSP_INVITATION_COPIED, NULL, &error));
  g_assert_error (error, WSP_MEETINGS_ERROR, WSP_MEETINGS_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_true (wsp_meetings_record_invitation (f->a, fresh, to, TRUE, 2, WSP_INVITATION_COPIED, NULL, &error));
  g_assert_no_error (error);
}

static void
items_changed_cb (GListModel *model, guint position, guint removed, guint added, guint *count)
{
  (*count)++;
  g_assert_cmpuint (position + added, <=, g_list_model_get_n_items (model));
}

static void
test_meeting_list_order (Fixture *f, gconstpointer data)
{
  g_autoptr (WspRecord) body = new_body (f->a, "forum");
  const char *body_id = wsp_record_get_id (body);
  g_autoptr (GDateTime) now = g_date_time_new_from_iso8601 ("2026-12-01T12:00:00+01:00", NULL);
  g_autoptr (WspMeetingList) list = NULL;
  const char *expected[] = { "2026-12-01", "2026-12-10", "2027-01-14", "2026-10-22", "2026-06-12" };
  guint n_changes = 0;

  g_object_unref (new_meeting (f->a, body_id, "2026-06-12T17:00:00+02:00", "held"));
  g_object_unref (new_meeting (f->a, body_id, "2027-01-14T17:00:00+01:00", "planned"));
  g_object_unref (new_meeting (f->a, body_id, "2026-12-10T17:00:00+01:00", "planned"));
  list = wsp_meeting_list_new (f->a, body_id, now);
  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), &n_changes);
  g_object_unref (new_meeting (f->a, body_id, "2026-10-22T17:00:00+02:00", "held"));
  g_object_unref (new_meeting (f->a, body_id, "2026-12-01T09:00:00+01:00", "invited"));
  g_assert_cmpuint (n_changes, ==, 2);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, G_N_ELEMENTS (expected));
  g_assert_cmpuint (wsp_meeting_list_get_n_upcoming (list), ==, 3);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr (WspRecord) meeting = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_autofree char *date = wsp_meeting_dup_date (meeting);

      g_assert_cmpstr (date, ==, expected[i]);
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/agenda/positions", test_positions);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/agenda/insert-and-move", test_insert_and_move);
  ADD ("/agenda/move-in-demo-agenda", test_move_in_demo_agenda);
  ADD ("/agenda/standard-items-and-copy", test_standard_items_and_copy);
  ADD ("/agenda/concurrent-edits-on-two-laptops", test_concurrent_agenda_edits);
  ADD ("/check-in/quorum", test_check_in_quorum);
  ADD ("/check-in/locked-when-held", test_check_in_locked);
  ADD ("/check-in/feeds-absences", test_check_in_feeds_absences);
  ADD ("/check-in/two-laptops-one-record", test_check_in_on_two_laptops);
  ADD ("/meetings/next-number", test_next_number);
  ADD ("/meetings/invitation-recorded", test_invitation_recorded);
  ADD ("/meetings/list-order", test_meeting_list_order);
#undef ADD
  return g_test_run ();
}
