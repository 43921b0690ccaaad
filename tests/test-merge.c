/* test-merge.c — revisions exchanged between laptops: merge, conflicts,
 * deletes, idempotence, order independence, tampering
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "wsp-test-util.h"

#include <glib/gstdio.h>

#include "records/wsp-records-members.h"
#include "records/wsp-records-votes.h"
#include "domain/wsp-voting.h"
#include "store/wsp-store.h"

typedef struct
{
  char     *dir;
  WspStore *a;
  WspStore *b;
  WspStore *c;
} Fixture;


static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->dir = g_dir_make_tmp ("wsp-merge-XXXXXX", NULL);
  f->a = wsp_test_open_store (f->dir, "a.sqlite3");
  f->b = wsp_test_open_store (f->dir, "b.sqlite3");
  f->c = wsp_test_open_store (f->dir, "c.sqlite3");
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_autoptr (GDir) d = NULL;
  const char *name;

  g_clear_object (&f->a);
  g_clear_object (&f->b);
  g_clear_object (&f->c);
  d = g_dir_open (f->dir, 0, NULL);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

/* Sends everything @from has to @to; returns how many revisions were new. */
static guint
send (WspStore *from, WspStore *to)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonArray) revs = wsp_store_dup_revisions (from, NULL, &error);
  WspAddStats stats = { 0 };

  g_assert_no_error (error);
  g_assert_true (wsp_store_add_revisions (to, revs, &stats, NULL, &error));
  g_assert_no_error (error);
  return stats.added;
}

/* The changes among the items of a batch (not their second numbers,
 * heads and signers). */
static guint
count_changes (JsonArray *items)
{
  guint n = 0;

  for (guint i = 0; i < json_array_get_length (items); i++)
    if (json_object_has_member (json_array_get_object_element (items, i), "rev"))
      n++;
  return n;
}

static WspRecord *
get (WspStore *store, const char *id)
{
  g_autoptr (GError) error = NULL;
  WspRecord *record = wsp_store_get (store, id, &error);

  g_assert_no_error (error);
  return record;
}

/* The logical state: every live record's id, revision and current value. */
static char *
dump (WspStore *store)
{
  g_autoptr (GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (GError) error = NULL;

  g_assert_true (wsp_store_query (store, WSP_TYPE_ORGANISATION, NULL, NULL, records, &error));
  for (guint i = 0; i < records->len; i++)
    {
      WspRecord *r = g_ptr_array_index (records, i);
      g_autoptr (JsonNode) node = json_node_init_object (json_node_alloc (), wsp_record_get_values (r));
      g_autofree char *values = json_to_string (node, FALSE);
      g_autoptr (JsonObject) conflicts = wsp_test_conflicts_json (store, wsp_record_get_id (r), NULL);
      g_autoptr (JsonNode) cnode = json_node_init_object (json_node_alloc (), conflicts);
      g_autofree char *ctext = json_to_string (cnode, FALSE);

      g_string_append_printf (out, "%s %s %s %s\n", wsp_record_get_id (r),
                              wsp_record_get_revision (r), values, ctext);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
create_org (WspStore *store, const char *name)
{
  g_autoptr (WspRecord) org = WSP_RECORD (wsp_organisation_new ());
  g_autoptr (GError) error = NULL;

  wsp_record_set_string (org, "name", name);
  g_assert_true (wsp_store_save (store, org, &error));
  g_assert_no_error (error);
  return g_strdup (wsp_record_get_id (org));
}

static void
edit (WspStore *store, const char *id, const char *field, const char *value)
{
  g_autoptr (WspRecord) record = get (store, id);
  g_autoptr (GError) error = NULL;

  wsp_record_set_string (record, field, value);
  g_assert_true (wsp_store_save (store, record, &error));
  g_assert_no_error (error);
}

static void
test_different_fields_merge (Fixture *f, gconstpointer data)
{
  g_autofree char *id = create_org (f->a, "Fundacja Razem");
  g_autoptr (WspRecord) on_a = NULL;
  g_autoptr (WspRecord) on_b = NULL;
  g_autofree char *dump_a = NULL, *dump_b = NULL;

  g_assert_cmpuint (send (f->a, f->b), ==, 1);
  edit (f->a, id, "phone", "32 111 22 33");
  edit (f->b, id, "email", "razem@fundacja.example");
  send (f->a, f->b);
  send (f->b, f->a);

  on_a = get (f->a, id);
  on_b = get (f->b, id);
  g_assert_cmpstr (wsp_record_get_string (on_a, "phone"), ==, "32 111 22 33");
  g_assert_cmpstr (wsp_record_get_string (on_a, "email"), ==, "razem@fundacja.example");
  g_assert_false (wsp_record_get_conflicted (on_a));
  dump_a = dump (f->a);
  dump_b = dump (f->b);
  g_assert_cmpstr (dump_a, ==, dump_b);
  g_assert_cmpuint (wsp_store_count_conflicts (f->a), ==, 0);

  /* The next edit joins the two branches into one. */
  edit (f->a, id, "notes", "po scaleniu");
  send (f->a, f->b);
  {
    g_autoptr (WspRecord) joined = get (f->b, id);
    g_autoptr (JsonArray) history = wsp_test_history_json (f->b, id, NULL);
    JsonObject *last = json_array_get_object_element (history, json_array_get_length (history) - 1);

    g_assert_cmpstr (wsp_record_get_string (joined, "notes"), ==, "po scaleniu");
    g_assert_cmpstr (wsp_record_get_string (joined, "email"), ==, "razem@fundacja.example");
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (last, "parents")), ==, 2);
  }
}

static void
test_same_field_conflict_and_resolution (Fixture *f, gconstpointer data)
{
  g_autofree char *id = create_org (f->a, "Klub Seniora");
  g_autoptr (WspRecord) on_a = NULL;
  g_autoptr (WspRecord) on_b = NULL;
  g_autoptr (JsonObject) conflicts = NULL;
  g_autofree char *dump_a = NULL, *dump_b = NULL;
  g_autoptr (GError) error = NULL;
  JsonArray *candidates;

  send (f->a, f->b);
  edit (f->a, id, "phone", "111");
  edit (f->b, id, "phone", "222");
  send (f->a, f->b);
  send (f->b, f->a);

  on_a = get (f->a, id);
  g_assert_true (wsp_record_get_conflicted (on_a));
  dump_a = dump (f->a);
  dump_b = dump (f->b);
  g_assert_cmpstr (dump_a, ==, dump_b);

  /* Both values are kept, with who made them. */
  conflicts = wsp_test_conflicts_json (f->a, id, &error);
  g_assert_true (json_object_has_member (conflicts, "phone"));
  candidates = json_object_get_array_member (conflicts, "phone");
  g_assert_cmpuint (json_array_get_length (candidates), ==, 2);
  {
    const char *v0 = json_object_get_string_member (json_array_get_object_element (candidates, 0), "value");
    const char *v1 = json_object_get_string_member (json_array_get_object_element (candidates, 1), "value");
    g_assert_true ((g_str_equal (v0, "111") && g_str_equal (v1, "222"))
                   || (g_str_equal (v0, "222") && g_str_equal (v1, "111")));
  }

  /* An unrelated edit keeps the conflict in view. */
  edit (f->a, id, "notes", "bez związku");
  g_clear_object (&on_a);
  on_a = get (f->a, id);
  g_assert_true (wsp_record_get_conflicted (on_a));

  /* A person chooses on B; the choice travels to A. */
  on_b = get (f->b, id);
  wsp_record_set_string (on_b, "phone", "333");
  g_assert_true (wsp_store_resolve (f->b, on_b, &error));
  g_assert_no_error (error);
  g_assert_false (wsp_record_get_conflicted (on_b));
  send (f->b, f->a);
  send (f->a, f->b);
  g_clear_object (&on_a);
  on_a = get (f->a, id);
  g_assert_false (wsp_record_get_conflicted (on_a));
  g_assert_cmpstr (wsp_record_get_string (on_a, "phone"), ==, "333");
  g_assert_cmpstr (wsp_record_get_string (on_a, "notes"), ==, "bez związku");
  g_clear_pointer (&dump_a, g_free);
  g_clear_pointer (&dump_b, g_free);
  dump_a = dump (f->a);
  dump_b = dump (f->b);
  g_assert_cmpstr (dump_a, ==, dump_b);
  g_assert_cmpuint (wsp_store_count_conflicts (f->b), ==, 0);
}

static void
test_delete_concurrent_with_edit (Fixture *f, gconstpointer data)
{
  g_autofree char *id = create_org (f->a, "Stowarzyszenie Do Usunięcia");
  g_autoptr (WspRecord) on_a = NULL;
  g_autoptr (WspRecord) alive = NULL;
  g_autoptr (JsonObject) conflicts = NULL;
  g_autoptr (GError) error = NULL;

  send (f->a, f->b);
  on_a = get (f->a, id);
  g_assert_true (wsp_store_delete (f->a, on_a, &error));
  edit (f->b, id, "notes", "ważna zmiana");
  send (f->a, f->b);
  send (f->b, f->a);

  /* The edit is not dropped: the record lives, and the delete is shown. */
  alive = get (f->a, id);
  g_assert_cmpstr (wsp_record_get_string (alive, "notes"), ==, "ważna zmiana");
  g_assert_true (wsp_record_get_conflicted (alive));
  conflicts = wsp_test_conflicts_json (f->b, id, &error);
  g_assert_true (json_object_has_member (conflicts, "_deleted"));

  /* Accepting the delete resolves it everywhere. */
  {
    g_autoptr (WspRecord) on_b = get (f->b, id);
    g_assert_true (wsp_store_delete (f->b, on_b, &error));
    g_assert_no_error (error);
  }
  send (f->b, f->a);
  g_assert_null (wsp_store_get (f->a, id, &error));
  g_assert_error (error, WSP_STORE_ERROR, WSP_STORE_ERROR_NOT_FOUND);
  g_assert_cmpuint (wsp_store_count_conflicts (f->a), ==, 0);
}

static void
test_deletes_travel (Fixture *f, gconstpointer data)
{
  g_autofree char *id = create_org (f->a, "Koło Łowieckie");
  g_autoptr (WspRecord) record = NULL;
  g_autoptr (GError) error = NULL;

  send (f->a, f->b);
  record = get (f->a, id);
  g_assert_true (wsp_store_delete (f->a, record, &error));
  send (f->a, f->b);
  g_assert_null (wsp_store_get (f->b, id, &error));
  g_assert_error (error, WSP_STORE_ERROR, WSP_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* And so does the undo. */
  g_assert_true (wsp_store_undelete (f->a, id, &error));
  send (f->a, f->b);
  g_clear_object (&record);
  record = get (f->b, id);
  g_assert_cmpstr (wsp_record_get_string (record, "name"), ==, "Koło Łowieckie");
}

static void
test_idempotent_and_order_independent (Fixture *f, gconstpointer data)
{
  g_autofree char *id1 = create_org (f->a, "Pierwsza");
  g_autofree char *id2 = create_org (f->a, "Druga");
  g_autoptr (JsonArray) revs = NULL;
  g_autoptr (JsonArray) reversed = json_array_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *dump_b = NULL, *dump_c = NULL, *again = NULL;
  WspAddStats stats = { 0 };

  send (f->a, f->b);
  edit (f->b, id1, "phone", "1");
  edit (f->a, id1, "phone", "2");
  edit (f->a, id2, "notes", "x");
  edit (f->a, id2, "notes", "y");
  send (f->b, f->a);

  revs = wsp_store_dup_revisions (f->a, NULL, &error);
  for (guint i = json_array_get_length (revs); i > 0; i--)
    json_array_add_element (reversed, json_node_copy (json_array_get_element (revs, i - 1)));

  g_assert_true (wsp_store_add_revisions (f->b, revs, &stats, NULL, &error));
  g_assert_true (wsp_store_add_revisions (f->c, reversed, &stats, NULL, &error));
  g_assert_no_error (error);
  dump_b = dump (f->b);
  dump_c = dump (f->c);
  g_assert_cmpstr (dump_b, ==, dump_c);

  /* The same batch again: nothing new, nothing changed. */
  g_assert_true (wsp_store_add_revisions (f->c, revs, &stats, NULL, &error));
  g_assert_cmpuint (stats.added, ==, 0);
  g_assert_cmpuint (stats.received, ==, count_changes (revs));
  again = dump (f->c);
  g_assert_cmpstr (again, ==, dump_c);
}

static void
test_forwarding (Fixture *f, gconstpointer data)
{
  g_autofree char *id = create_org (f->a, "Przez Pośrednika");
  g_autofree char *via_b = NULL, *direct = NULL;
  g_autofree char *dir2 = g_dir_make_tmp ("wsp-merge-direct-XXXXXX", NULL);
  g_autoptr (WspStore) d = wsp_test_open_store (dir2, "d.sqlite3");

  edit (f->a, id, "notes", "A→B→C");
  send (f->a, f->b);
  send (f->b, f->c);
  send (f->a, d);
  via_b = dump (f->c);
  direct = dump (d);
  g_assert_cmpstr (via_b, ==, direct);
  g_clear_object (&d);
  {
    g_autofree char *p = g_build_filename (dir2, "d.sqlite3", NULL);
    g_autofree char *wal = g_strconcat (p, "-wal", NULL);
    g_autofree char *shm = g_strconcat (p, "-shm", NULL);
    g_unlink (p);
    g_unlink (wal);
    g_unlink (shm);
    g_rmdir (dir2);
  }
}

static void
test_identical_edits_are_one (Fixture *f, gconstpointer data)
{
  g_autofree char *id = create_org (f->a, "Bliźniacza Zmiana");
  g_autoptr (WspRecord) on_a = NULL;
  g_autoptr (WspRecord) on_b = NULL;

  send (f->a, f->b);
  edit (f->a, id, "phone", "500 600 700");
  edit (f->b, id, "phone", "500 600 700");
  on_a = get (f->a, id);
  on_b = get (f->b, id);
  g_assert_cmpstr (wsp_record_get_revision (on_a), ==, wsp_record_get_revision (on_b));
  send (f->a, f->b);
  send (f->b, f->a);
  g_clear_object (&on_a);
  on_a = get (f->a, id);
  g_assert_false (wsp_record_get_conflicted (on_a));
}

static void
test_tampering_refused (Fixture *f, gconstpointer data)
{
  g_autofree char *id = create_org (f->a, "Uczciwa Fundacja");
  g_autoptr (JsonArray) revs = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *before = dump (f->b);
  g_autofree char *after = NULL;
  JsonObject *rev = NULL;

  edit (f->a, id, "notes", "oryginał");
  revs = wsp_store_dup_revisions (f->a, NULL, &error);
  /* The second change (after the heads that cover them). */
  for (guint i = 0, seen = 0; i < json_array_get_length (revs); i++)
    if (json_object_has_member (json_array_get_object_element (revs, i), "rev") && ++seen == 2)
      rev = json_array_get_object_element (revs, i);
  json_object_set_string_member (json_object_get_object_member (rev, "sets"), "notes", "podróbka");

  g_assert_false (wsp_store_add_revisions (f->b, revs, NULL, NULL, &error));
  g_assert_error (error, WSP_STORE_ERROR, WSP_STORE_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, "Change 2"));
  g_clear_error (&error);
  /* Nothing of the batch was written, not even the good first change. */
  after = dump (f->b);
  g_assert_cmpstr (before, ==, after);

  /* Wrong kinds of values are refused too. */
  json_object_set_string_member (rev, "gen", "2");
  g_assert_false (wsp_store_add_revisions (f->b, revs, NULL, NULL, &error));
  g_assert_error (error, WSP_STORE_ERROR, WSP_STORE_ERROR_DAMAGED);
}

static void
test_delta_by_have (Fixture *f, gconstpointer data)
{
  g_autofree char *id = create_org (f->a, "Delta");
  g_autoptr (JsonObject) have_b = NULL;
  g_autoptr (JsonArray) delta = NULL;
  g_autoptr (GError) error = NULL;

  send (f->a, f->b);
  edit (f->a, id, "notes", "nowe");
  have_b = wsp_store_dup_have (f->b, &error);
  g_assert_no_error (error);
  g_assert_cmpint (json_object_get_int_member (have_b, wsp_store_get_peer_id (f->a)), ==, 1);
  delta = wsp_store_dup_revisions (f->a, have_b, &error);
  g_assert_cmpuint (count_changes (delta), ==, 1);
  g_assert_true (wsp_store_add_revisions (f->b, delta, NULL, NULL, &error));
  {
    g_autoptr (WspRecord) r = get (f->b, id);
    g_assert_cmpstr (wsp_record_get_string (r, "notes"), ==, "nowe");
  }
}

static void
cast (WspStore *store, const char *ballot, const char *seat, const char *choice, const char *corrects,
      char **id)
{
  g_autoptr (WspRecord) vote = WSP_RECORD (wsp_vote_new ());
  g_autoptr (GError) error = NULL;

  wsp_record_set_string (vote, "ballot_id", ballot);
  wsp_record_set_string (vote, "seat_id", seat);
  wsp_record_set_string (vote, "choice", choice);
  wsp_record_set_string (vote, "corrects", corrects);
  g_assert_true (wsp_store_save (store, vote, &error));
  g_assert_no_error (error);
  if (id != NULL)
    *id = g_strdup (wsp_record_get_id (vote));
}

static void
test_double_votes_flagged (Fixture *f, gconstpointer data)
{
  g_autofree char *ballot = g_uuid_string_random ();
  g_autofree char *seat = g_uuid_string_random ();
  g_autofree char *other_seat = g_uuid_string_random ();
  g_autofree char *on_a = NULL, *on_b = NULL;
  g_autoptr (GPtrArray) doubles = NULL;
  g_autoptr (GError) error = NULL;

  /* The same member's vote recorded on both laptops: a union keeps both. */
  cast (f->a, ballot, seat, "for", NULL, &on_a);
  cast (f->b, ballot, seat, "against", NULL, &on_b);
  cast (f->b, ballot, other_seat, "for", NULL, NULL);
  send (f->a, f->b);
  send (f->b, f->a);
  g_assert_cmpuint (wsp_store_count (f->a, WSP_TYPE_VOTE), ==, 3);

  doubles = wsp_voting_double_votes (f->a, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (doubles->len, ==, 1);
  g_assert_cmpstr (((WspDoubleVote *) g_ptr_array_index (doubles, 0))->seat_id, ==, seat);
  g_assert_cmpuint (g_strv_length (((WspDoubleVote *) g_ptr_array_index (doubles, 0))->vote_ids), ==, 2);
  g_clear_pointer (&doubles, g_ptr_array_unref);

  /* A correction that replaces one of them settles it, everywhere. */
  cast (f->a, ballot, seat, "against", on_a, NULL);
  send (f->a, f->b);
  doubles = wsp_voting_double_votes (f->b, &error);
  g_assert_cmpuint (doubles->len, ==, 1);
  g_clear_pointer (&doubles, g_ptr_array_unref);
  {
    g_autofree char *fix = NULL;
    cast (f->b, ballot, seat, "against", on_b, &fix);
  }
  send (f->b, f->a);
  doubles = wsp_voting_double_votes (f->a, &error);
  /* Still two heads (the two corrections): a person settles it with one
   * correction naming the other correction. */
  g_assert_cmpuint (doubles->len, ==, 1);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add ("/merge/" path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("different-fields", test_different_fields_merge);
  ADD ("same-field-conflict", test_same_field_conflict_and_resolution);
  ADD ("delete-vs-edit", test_delete_concurrent_with_edit);
  ADD ("deletes-travel", test_deletes_travel);
  ADD ("idempotent-order-independent", test_idempotent_and_order_independent);
  ADD ("forwarding", test_forwarding);
  ADD ("identical-edits", test_identical_edits_are_one);
  ADD ("tampering", test_tampering_refused);
  ADD ("delta", test_delta_by_have);
  ADD ("double-votes", test_double_votes_flagged);
#undef ADD

  return g_test_run ();
}
