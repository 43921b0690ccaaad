/* test-store.c — the data core: records, revisions, lists, search, migrations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "wsp-test-util.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "base/wsp-json.h"
#include "records/wsp-entities.h"
#include "records/wsp-records-members.h"
#include "records/wsp-records-meetings.h"
#include "records/wsp-records-votes.h"
#include "store/wsp-record-list.h"
#include "store/wsp-store.h"

typedef struct
{
  char     *dir;
  char     *path;
  WspStore *store;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->dir = g_dir_make_tmp ("wsp-store-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "test.sqlite3", NULL);
  f->store = wsp_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->store);
}


static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  wsp_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static WspRecord *
new_organisation (const char *name)
{
  WspRecord *org = WSP_RECORD (wsp_organisation_new ());
  wsp_record_set_string (org, "name", name);
  return org;
}

static void
test_create_and_read (Fixture *f, gconstpointer data)
{
  g_autoptr (WspRecord) org = new_organisation ("Stowarzyszenie Zielone Zagłębie");
  g_autoptr (WspRecord) again = NULL;
  g_autoptr (GError) error = NULL;
  const char *fields[] = { "ekologia", "edukacja", NULL };
  g_auto (GStrv) list = NULL;
  g_autofree char *krs = NULL;

  g_object_set (org, "krs", "0000123456", "nip", "5260250995", "fields", fields, NULL);
  g_assert_null (wsp_record_get_revision (org));
  g_assert_true (wsp_store_save (f->store, org, &error));
  g_assert_no_error (error);
  g_assert_nonnull (wsp_record_get_revision (org));
  g_assert_true (g_str_has_prefix (wsp_record_get_revision (org), "1-"));
  g_assert_true (g_uuid_string_is_valid (wsp_record_get_id (org)));

  again = wsp_store_get (f->store, wsp_record_get_id (org), &error);
  g_assert_no_error (error);
  g_assert_true (WSP_IS_ORGANISATION (again));
  g_assert_cmpstr (wsp_record_get_string (again, "name"), ==, "Stowarzyszenie Zielone Zagłębie");
  g_object_get (again, "krs", &krs, "fields", &list, NULL);
  g_assert_cmpstr (krs, ==, "0000123456");
  g_assert_cmpstrv (list, fields);
  g_assert_cmpuint (wsp_store_count (f->store, WSP_TYPE_ORGANISATION), ==, 1);
}

static void
test_validation (Fixture *f, gconstpointer data)
{
  g_autoptr (WspRecord) nameless = WSP_RECORD (wsp_organisation_new ());
  g_autoptr (WspRecord) bad_nip = new_organisation ("Fundacja");
  g_autoptr (WspRecord) meeting = WSP_RECORD (wsp_meeting_new ());
  g_autoptr (GError) error = NULL;

  g_assert_false (wsp_store_save (f->store, nameless, &error));
  g_assert_error (error, WSP_RECORD_ERROR, WSP_RECORD_ERROR_REQUIRED);
  g_assert_nonnull (strstr (error->message, "Name"));
  g_clear_error (&error);

  wsp_record_set_string (bad_nip, "nip", "5260250994");
  g_assert_false (wsp_store_save (f->store, bad_nip, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "NIP"));
  g_clear_error (&error);

  wsp_record_set_string (meeting, "body_id", "not-a-uuid");
  wsp_record_set_string (meeting, "starts_at", "2027-01-14T17:00:00+01:00");
  g_assert_false (wsp_store_save (f->store, meeting, &error));
  g_assert_error (error, WSP_RECORD_ERROR, WSP_RECORD_ERROR_INVALID);
  g_clear_error (&error);
  {
    g_autofree char *body_id = g_uuid_string_random ();
    wsp_record_set_string (meeting, "body_id", body_id);
  }
  wsp_record_set_string (meeting, "status", "cancelled-ish");
  g_assert_false (wsp_store_save (f->store, meeting, &error));
  g_assert_error (error, WSP_RECORD_ERROR, WSP_RECORD_ERROR_INVALID);
  g_clear_error (&error);
  wsp_record_set_string (meeting, "status", "planned");
  wsp_record_set_string (meeting, "starts_at", "14.01.2027");
  g_assert_false (wsp_store_save (f->store, meeting, &error));
  g_assert_error (error, WSP_RECORD_ERROR, WSP_RECORD_ERROR_INVALID);
  g_clear_error (&error);
  wsp_record_set_string (meeting, "starts_at", "2027-01-14T17:00:00+01:00");
  g_assert_true (wsp_store_save (f->store, meeting, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (wsp_store_count (f->store, WSP_TYPE_ORGANISATION), ==, 0);
}

static void
test_update_keeps_other_edits (Fixture *f, gconstpointer data)
{
  g_autoptr (WspRecord) org = new_organisation ("Fundacja Pomocy");
  g_autoptr (WspRecord) stale = NULL;
  g_autoptr (WspRecord) fresh = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonArray) history = NULL;
  const char *first_rev;

  g_assert_true (wsp_store_save (f->store, org, &error));
  first_rev = g_strdup (wsp_record_get_revision (org));
  stale = wsp_store_get (f->store, wsp_record_get_id (org), &error);

  wsp_record_set_string (org, "email", "biuro@fundacja.example");
  g_assert_true (wsp_store_save (f->store, org, &error));
  g_assert_true (g_str_has_prefix (wsp_record_get_revision (org), "2-"));
  g_assert_cmpstr (wsp_record_get_revision (org), !=, first_rev);

  /* An edit of another field on an older copy does not undo the e-mail. */
  wsp_record_set_string (stale, "phone", "32 123 45 67");
  g_assert_true (wsp_store_save (f->store, stale, &error));
  fresh = wsp_store_get (f->store, wsp_record_get_id (org), &error);
  g_assert_cmpstr (wsp_record_get_string (fresh, "email"), ==, "biuro@fundacja.example");
  g_assert_cmpstr (wsp_record_get_string (fresh, "phone"), ==, "32 123 45 67");

  /* Saving without changes makes no revision. */
  g_assert_true (wsp_store_save (f->store, fresh, &error));
  history = wsp_test_history_json (f->store, wsp_record_get_id (org), &error);
  g_assert_cmpuint (json_array_get_length (history), ==, 3);
  g_free ((char *) first_rev);
}

static void
count_cb (WspStore *store, WspChanges *changes, gpointer data)
{
  if (wsp_changes_has_entity (changes, "organisation"))
    (*(guint *) data)++;
}

static void
test_delete_and_undo (Fixture *f, gconstpointer data)
{
  g_autoptr (WspRecord) org = new_organisation ("Klub Sportowy");
  g_autoptr (WspRecord) gone = NULL;
  g_autoptr (WspRecord) back = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) list = NULL;
  g_autoptr (JsonArray) history = NULL;
  guint changes = 0;

  g_assert_true (wsp_store_save (f->store, org, &error));
  list = G_LIST_MODEL (wsp_record_list_new (f->store, WSP_TYPE_ORGANISATION, NULL, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  g_signal_connect (f->store, "changed", G_CALLBACK (count_cb), &changes);

  g_assert_true (wsp_store_delete (f->store, org, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
  gone = wsp_store_get (f->store, wsp_record_get_id (org), &error);
  g_assert_null (gone);
  g_assert_error (error, WSP_STORE_ERROR, WSP_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (wsp_store_delete (f->store, org, &error));
  g_assert_error (error, WSP_STORE_ERROR, WSP_STORE_ERROR_NOT_DELETED);
  g_clear_error (&error);

  /* The tombstone is a revision; nothing was lost. */
  history = wsp_test_history_json (f->store, wsp_record_get_id (org), &error);
  g_assert_cmpuint (json_array_get_length (history), ==, 2);
  g_assert_true (json_object_get_boolean_member (json_array_get_object_element (history, 1), "deleted"));

  g_assert_true (wsp_store_undelete (f->store, wsp_record_get_id (org), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  back = wsp_store_get (f->store, wsp_record_get_id (org), &error);
  g_assert_cmpstr (wsp_record_get_string (back, "name"), ==, "Klub Sportowy");
  g_assert_true (g_str_has_prefix (wsp_record_get_revision (back), "3-"));
}

static void
test_append_only (Fixture *f, gconstpointer data)
{
  g_autoptr (WspRecord) vote = WSP_RECORD (wsp_vote_new ());
  g_autoptr (WspRecord) correction = WSP_RECORD (wsp_vote_new ());
  g_autoptr (GError) error = NULL;
  g_autofree char *ballot = g_uuid_string_random ();
  g_autofree char *seat = g_uuid_string_random ();

  wsp_record_set_string (vote, "ballot_id", ballot);
  wsp_record_set_string (vote, "seat_id", seat);
  g_assert_false (wsp_store_save (f->store, vote, &error));
  g_assert_error (error, WSP_RECORD_ERROR, WSP_RECORD_ERROR_REQUIRED);
  g_clear_error (&error);
  wsp_record_set_string (vote, "choice", "for");
  g_assert_true (wsp_store_save (f->store, vote, &error));

  wsp_record_set_string (vote, "choice", "against");
  g_assert_false (wsp_store_save (f->store, vote, &error));
  g_assert_error (error, WSP_STORE_ERROR, WSP_STORE_ERROR_APPEND_ONLY);
  g_clear_error (&error);
  g_assert_false (wsp_store_delete (f->store, vote, &error));
  g_assert_error (error, WSP_STORE_ERROR, WSP_STORE_ERROR_APPEND_ONLY);
  g_clear_error (&error);

  /* A correction is a new vote that names the one it corrects. */
  wsp_record_set_string (correction, "ballot_id", ballot);
  wsp_record_set_string (correction, "seat_id", seat);
  wsp_record_set_string (correction, "choice", "against");
  wsp_record_set_string (correction, "corrects", wsp_record_get_id (vote));
  g_assert_true (wsp_store_save (f->store, correction, &error));
  g_assert_cmpuint (wsp_store_count (f->store, WSP_TYPE_VOTE), ==, 2);
}

static void
items_changed_cb (GListModel *model, guint position, guint removed, guint added, gpointer data)
{
  guint *calls = data;
  calls[0]++;
  calls[1] = position;
  calls[2] = removed;
  calls[3] = added;
}

static void
test_live_lists (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) all = G_LIST_MODEL (wsp_record_list_new (f->store, WSP_TYPE_ORGANISATION, NULL, NULL));
  g_autoptr (GListModel) by_krs = NULL;
  const char *names[] = { "Łódzkie Towarzystwo", "Akademia Młodych", "Lokalna Grupa", "Zespół Ludowy" };
  g_autoptr (WspRecord) first = NULL;
  g_autoptr (WspRecord) lodz = NULL;
  guint calls[4] = { 0 };

  g_assert_true (g_list_model_get_item_type (all) == WSP_TYPE_ORGANISATION);
  g_signal_connect (all, "items-changed", G_CALLBACK (items_changed_cb), calls);
  g_assert_true (wsp_store_begin (f->store, &error));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr (WspRecord) org = new_organisation (names[i]);
      if (i == 2)
        wsp_record_set_string (org, "krs", "0000999999");
      g_assert_true (wsp_store_save (f->store, org, &error));
      g_assert_no_error (error);
    }
  /* Inside a transaction nothing is announced yet. */
  g_assert_cmpuint (calls[0], ==, 0);
  g_assert_true (wsp_store_commit (f->store, &error));
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 4);

  /* Polish order (main() sets the Polish locale): Ł comes after L, not after Z. */
  first = g_list_model_get_item (all, 0);
  g_assert_cmpstr (wsp_record_get_string (first, "name"), ==, "Akademia Młodych");
  lodz = g_list_model_get_item (all, 2);
  g_assert_cmpstr (wsp_record_get_string (lodz, "name"), ==, "Łódzkie Towarzystwo");

  by_krs = G_LIST_MODEL (wsp_record_list_new (f->store, WSP_TYPE_ORGANISATION, "krs", "0000999999"));
  g_assert_cmpuint (g_list_model_get_n_items (by_krs), ==, 1);

  /* Renaming one item announces only that stretch, and keeps the other objects. */
  calls[0] = 0;
  wsp_record_set_string (lodz, "notes", "Partner w konsultacjach");
  g_assert_true (wsp_store_save (f->store, lodz, &error));
  g_assert_cmpuint (calls[0], ==, 1);
  g_assert_cmpuint (calls[1], ==, 2);
  g_assert_cmpuint (calls[2], ==, 1);
  g_assert_cmpuint (calls[3], ==, 1);
  {
    g_autoptr (WspRecord) still_first = g_list_model_get_item (all, 0);
    g_assert_true (still_first == first);
  }
}

static void
count_commits_cb (WspStore   *store,
                  WspChanges *changes,
                  gpointer    data)
{
  guint *counts = data;

  counts[0]++;
  counts[1] += wsp_changes_get_n (changes);
}

/* A commit tells once, with every record it touched, whatever the number of
 * saves in it; a list open meanwhile reads itself once. */
static void
test_one_notification_per_commit (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) list = G_LIST_MODEL (wsp_record_list_new (f->store, WSP_TYPE_ORGANISATION, NULL, NULL));
  guint counts[2] = { 0 };
  guint calls[4] = { 0 };

  g_signal_connect (f->store, "changed", G_CALLBACK (count_commits_cb), counts);
  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), calls);
  g_assert_true (wsp_store_begin (f->store, &error));
  for (guint i = 0; i < 500; i++)
    {
      g_autofree char *name = g_strdup_printf ("Stowarzyszenie nr %03u", i);
      g_autoptr (WspRecord) org = new_organisation (name);

      g_assert_true (wsp_store_save (f->store, org, &error));
    }
  g_assert_cmpuint (counts[0], ==, 0);
  g_assert_true (wsp_store_commit (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts[0], ==, 1);
  g_assert_cmpuint (counts[1], ==, 500);
  g_assert_cmpuint (calls[0], ==, 1);
  g_assert_cmpuint (calls[2], ==, 0);
  g_assert_cmpuint (calls[3], ==, 500);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 500);

  /* A save outside a transaction is its own commit. */
  {
    g_autoptr (WspRecord) one = g_list_model_get_item (list, 7);

    wsp_record_set_string (one, "phone", "32 000 00 07");
    g_assert_true (wsp_store_save (f->store, one, &error));
    g_assert_cmpuint (counts[0], ==, 2);
    g_assert_cmpuint (counts[1], ==, 501);
    /* Only its row: the other 499 keep their objects. */
    g_assert_cmpuint (calls[0], ==, 2);
    g_assert_cmpuint (calls[1], ==, 7);
    g_assert_cmpuint (calls[2], ==, 1);
    g_assert_cmpuint (calls[3], ==, 1);
  }

  /* A rolled back transaction tells nothing. */
  g_assert_true (wsp_store_begin (f->store, &error));
  {
    g_autoptr (WspRecord) org = new_organisation ("Nigdy zapisana");
    g_assert_true (wsp_store_save (f->store, org, &error));
  }
  wsp_store_rollback (f->store);
  g_assert_cmpuint (counts[0], ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 500);
}

/* A copy of a list kept only from what its items-changed signals say: if
 * the positions are wrong, the copy drifts from the list. */
typedef struct
{
  GListModel *model;
  GPtrArray  *copy;
} Mirror;

static void
mirror_cb (GListModel *model,
           guint       position,
           guint       removed,
           guint       added,
           Mirror     *mirror)
{
  g_assert_cmpuint (position + removed, <=, mirror->copy->len);
  g_ptr_array_remove_range (mirror->copy, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (mirror->copy, position + i, g_list_model_get_item (model, position + i));
}

static void
assert_list_is_query (WspStore   *store,
                      Mirror     *mirror,
                      GType       type,
                      const char *field,
                      const char *value)
{
  g_autoptr (GPtrArray) fresh = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GError) error = NULL;

  g_assert_true (wsp_store_query (store, type, field, value, fresh, &error));
  g_assert_cmpuint (g_list_model_get_n_items (mirror->model), ==, fresh->len);
  g_assert_cmpuint (mirror->copy->len, ==, fresh->len);
  for (guint i = 0; i < fresh->len; i++)
    {
      g_autoptr (WspRecord) shown = g_list_model_get_item (mirror->model, i);
      WspRecord *want = g_ptr_array_index (fresh, i);

      g_assert_cmpstr (wsp_record_get_id (shown), ==, wsp_record_get_id (want));
      g_assert_cmpstr (wsp_record_get_revision (shown), ==, wsp_record_get_revision (want));
      g_assert_true (g_ptr_array_index (mirror->copy, i) == shown);
    }
}

static void
mirror_init (Mirror     *mirror,
             GListModel *model)
{
  mirror->model = model;
  mirror->copy = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (mirror->copy, g_list_model_get_item (model, i));
  g_signal_connect (model, "items-changed", G_CALLBACK (mirror_cb), mirror);
}

/* Lists updated record by record (a few changes in a commit) and read again
 * (many) stay in the store's own order: random saves, renames, moves
 * between the lists' filter values, deletes and restores, with empty
 * values, Polish letters, descending dates; after each commit every list
 * is what a query gives, and its signals said where. */
static void
test_live_lists_follow_changes (Fixture *f, gconstpointer data)
{
  static const char *names[] = { "Łączka", "Lipa", "Żagiel", "Zorza", "Ósemka", "Olcha", "Ćma", "Cis",
                                 "ŚWIT", "świt", "Ala", NULL };
  static const char *days[] = { "2026-01-05T10:00:00+01:00", "2026-01-05T09:00:00+01:00",
                                "2027-03-01T17:00:00+01:00", NULL };
  g_autoptr (GRand) rand = g_rand_new_with_seed (20261201);
  g_autoptr (GPtrArray) orgs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) meetings = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *body_a = g_uuid_string_random ();
  g_autofree char *body_b = g_uuid_string_random ();
  g_autoptr (GListModel) all_orgs = G_LIST_MODEL (wsp_record_list_new (f->store, WSP_TYPE_ORGANISATION, NULL, NULL));
  g_autoptr (GListModel) by_krs = G_LIST_MODEL (wsp_record_list_new (f->store, WSP_TYPE_ORGANISATION, "krs", "0000999999"));
  g_autoptr (GListModel) of_a = G_LIST_MODEL (wsp_record_list_new (f->store, WSP_TYPE_MEETING, "body_id", body_a));
  g_autoptr (GListModel) all_meetings = G_LIST_MODEL (wsp_record_list_new (f->store, WSP_TYPE_MEETING, NULL, NULL));
  Mirror m1, m2, m3, m4;
  g_autoptr (GError) error = NULL;

  mirror_init (&m1, all_orgs);
  mirror_init (&m2, by_krs);
  mirror_init (&m3, of_a);
  mirror_init (&m4, all_meetings);

  for (guint step = 0; step < 300; step++)
    {
      /* Mostly small commits (record by record), now and then a big one. */
      guint saves = g_rand_int_range (rand, 0, 10) == 0 ? 40 : g_rand_int_range (rand, 1, 4);

      g_assert_true (wsp_store_begin (f->store, &error));
      for (guint k = 0; k < saves; k++)
        {
          guint what = g_rand_int_range (rand, 0, 6);

          if (what == 0 || orgs->len == 0)
            {
              g_autoptr (WspRecord) org = new_organisation (names[g_rand_int_range (rand, 0, 11)]);
              g_assert_true (wsp_store_save (f->store, org, &error));
              g_ptr_array_add (orgs, g_strdup (wsp_record_get_id (org)));
            }
          else if (what == 1 || meetings->len == 0)
            {
              g_autoptr (WspRecord) meeting = WSP_RECORD (wsp_meeting_new ());
              wsp_record_set_string (meeting, "body_id", g_rand_boolean (rand) ? body_a : body_b);
              wsp_record_set_string (meeting, "starts_at", days[g_rand_int_range (rand, 0, 3)]);
              g_assert_true (wsp_store_save (f->store, meeting, &error));
              g_ptr_array_add (meetings, g_strdup (wsp_record_get_id (meeting)));
            }
          else
            {
              gboolean org = what < 4;
              GPtrArray *ids = org ? orgs : meetings;
              const char *id = g_ptr_array_index (ids, g_rand_int_range (rand, 0, ids->len));
              g_autoptr (WspRecord) record = wsp_store_get (f->store, id, NULL);

              if (record == NULL)
                {
                  wsp_store_undelete (f->store, id, NULL);
                  continue;
                }
              if (what == 5 && g_rand_int_range (rand, 0, 3) == 0)
                {
                  g_assert_true (wsp_store_delete (f->store, record, &error));
                  continue;
                }
              if (org)
                {
                  wsp_record_set_string (record, "name", names[g_rand_int_range (rand, 0, 11)]);
                  wsp_record_set_string (record, "krs", g_rand_boolean (rand) ? "0000999999" : NULL);
                }
              else
                {
                  wsp_record_set_string (record, "body_id", g_rand_boolean (rand) ? body_a : body_b);
                  wsp_record_set_string (record, "starts_at", days[g_rand_int_range (rand, 0, 3)]);
                }
              g_assert_true (wsp_store_save (f->store, record, &error));
            }
          g_assert_no_error (error);
        }
      g_assert_true (wsp_store_commit (f->store, &error));

      assert_list_is_query (f->store, &m1, WSP_TYPE_ORGANISATION, NULL, NULL);
      assert_list_is_query (f->store, &m2, WSP_TYPE_ORGANISATION, "krs", "0000999999");
      assert_list_is_query (f->store, &m3, WSP_TYPE_MEETING, "body_id", body_a);
      assert_list_is_query (f->store, &m4, WSP_TYPE_MEETING, NULL, NULL);
    }
  g_ptr_array_unref (m1.copy);
  g_ptr_array_unref (m2.copy);
  g_ptr_array_unref (m3.copy);
  g_ptr_array_unref (m4.copy);
}

static void
test_search (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WspRecord) a = new_organisation ("Stowarzyszenie Zielone Zagłębie");
  g_autoptr (WspRecord) b = new_organisation ("Fundacja Edukacji");
  g_autoptr (WspRecord) p = WSP_RECORD (wsp_person_new ());
  g_autoptr (GListModel) hits = NULL;
  g_autoptr (WspRecord) hit = NULL;

  wsp_record_set_string (b, "notes", "zajęcia dla seniorów w Zagłębiu");
  wsp_record_set_string (p, "name", "Anna Zielińska");
  g_assert_true (wsp_store_save (f->store, a, &error));
  g_assert_true (wsp_store_save (f->store, b, &error));
  g_assert_true (wsp_store_save (f->store, p, &error));

  hits = wsp_store_search (f->store, "zagleb", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 2);
  /* A match in the name ranks above one in the notes. */
  hit = g_list_model_get_item (hits, 0);
  g_assert_cmpstr (wsp_record_get_id (hit), ==, wsp_record_get_id (a));
  g_clear_object (&hits);

  hits = wsp_store_search (f->store, "ziel", 10, &error);
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 2);
  g_clear_object (&hits);

  /* Typed punctuation is not FTS syntax. */
  hits = wsp_store_search (f->store, "\"zielone\" (*", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 1);
  g_clear_object (&hits);

  g_assert_true (wsp_store_delete (f->store, a, &error));
  hits = wsp_store_search (f->store, "zielone", 10, &error);
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 0);
}

static void
test_identity_and_clock (Fixture *f, gconstpointer data)
{
  g_autofree char *peer = g_strdup (wsp_store_get_peer_id (f->store));
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonArray) history = NULL;
  g_autoptr (WspRecord) org = new_organisation ("Koło Gospodyń");
  const char *last = "";

  g_assert_true (g_uuid_string_is_valid (peer));
  for (int i = 0; i < 20; i++)
    {
      g_autofree char *notes = g_strdup_printf ("wersja %d", i);
      wsp_record_set_string (org, "notes", notes);
      g_assert_true (wsp_store_save (f->store, org, &error));
    }
  g_clear_object (&f->store);

  /* The laptop keeps its identity, and its clock never goes back. */
  f->store = wsp_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (wsp_store_get_peer_id (f->store), ==, peer);
  wsp_record_set_string (org, "notes", "po ponownym otwarciu");
  g_assert_true (wsp_store_save (f->store, org, &error));
  history = wsp_test_history_json (f->store, wsp_record_get_id (org), &error);
  g_assert_cmpuint (json_array_get_length (history), ==, 21);
  for (guint i = 0; i < json_array_get_length (history); i++)
    {
      JsonObject *rev = json_array_get_object_element (history, i);
      const char *hlc = json_object_get_string_member (rev, "hlc");

      g_assert_cmpstr (hlc, >, last);
      g_assert_cmpstr (json_object_get_string_member (rev, "peer"), ==, peer);
      last = hlc;
    }
}

static void
test_every_record_type (Fixture *f, gconstpointer data)
{
  guint n;
  const GType *types = wsp_entities_get_types (&n);
  g_autoptr (GError) error = NULL;

  /* The drafts added the Council's decisions on comments; the kinds of
   * meetings rooms, guests and invitations sent; the minutes their
   * corrections; reviews on the members' laptops the sendings and the
   * replies. */
  g_assert_cmpuint (n, ==, 23);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GTypeClass) klass = g_type_class_ref (types[i]);
      const WspEntity *entity = WSP_RECORD_CLASS (klass)->entity;
      g_autoptr (WspRecord) record = g_object_new (types[i], NULL);
      g_autoptr (WspRecord) back = NULL;
      g_autoptr (GListModel) list = NULL;

      g_assert_true (wsp_entities_lookup (entity->name) == types[i]);
      /* Fill every field with a valid value of its kind. */
      for (guint j = 0; j < entity->n_fields; j++)
        {
          const WspField *field = &entity->fields[j];
          g_autofree char *uuid = g_uuid_string_random ();
          const char *list_value[] = { "a", "b", NULL };

          switch (field->type)
            {
            case WSP_FIELD_INT: wsp_record_set_int (record, field->name, 7); break;
            case WSP_FIELD_BOOL: wsp_record_set_bool (record, field->name, TRUE); break;
            case WSP_FIELD_DATE: wsp_record_set_string (record, field->name, "2027-03-01"); break;
            case WSP_FIELD_DATETIME:
              wsp_record_set_string (record, field->name, "2027-03-01T17:00:00+01:00");
              break;
            case WSP_FIELD_ENUM: wsp_record_set_string (record, field->name, field->choices[0].name); break;
            case WSP_FIELD_REF: wsp_record_set_string (record, field->name, uuid); break;
            case WSP_FIELD_LIST: wsp_record_set_list (record, field->name, list_value); break;
            case WSP_FIELD_JSON:
              wsp_record_set_value (record, field->name, json_from_string ("{\"x\":[1,2]}", NULL));
              break;
            default:
              if (g_str_equal (field->name, "nip"))
                wsp_record_set_string (record, field->name, "5260250995");
              else if (g_str_equal (field->name, "regon"))
                wsp_record_set_string (record, field->name, "123456785");
              else if (g_str_equal (field->name, "krs"))
                wsp_record_set_string (record, field->name, "0000012345");
              else
                wsp_record_set_string (record, field->name, "tekst żółć");
              break;
            }
        }
      g_assert_true (wsp_record_validate (record, &error));
      g_assert_no_error (error);
      g_assert_true (wsp_store_save (f->store, record, &error));
      g_assert_no_error (error);

      back = wsp_store_get (f->store, wsp_record_get_id (record), &error);
      g_assert_no_error (error);
      g_assert_true (G_OBJECT_TYPE (back) == types[i]);
      for (guint j = 0; j < entity->n_fields; j++)
        g_assert_true (json_node_equal (wsp_record_get_value (back, entity->fields[j].name),
                                        wsp_record_get_value (record, entity->fields[j].name)));
      list = G_LIST_MODEL (wsp_record_list_new (f->store, types[i], NULL, NULL));
      g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
      g_assert_cmpuint (wsp_store_count (f->store, types[i]), ==, 1);
    }
}

/* A misspelled field ("shortname" for "short_name") is refused when saved,
 * with a message that names it; debug builds also say so where it is set.
 * Run in a subprocess, where criticals are not fatal, to see both. */
static void
test_unknown_field (Fixture *f, gconstpointer data)
{
  if (g_test_subprocess ())
    {
      g_autoptr (WspRecord) org = new_organisation ("Fundacja Pomocna Dłoń");
      g_autoptr (GError) error = NULL;

      g_log_set_always_fatal (G_LOG_FATAL_MASK);
      wsp_record_set_string (org, "shortname", "FPD");
      g_assert_false (wsp_store_save (f->store, org, &error));
      g_assert_error (error, WSP_RECORD_ERROR, WSP_RECORD_ERROR_UNKNOWN_FIELD);
      g_assert_nonnull (strstr (error->message, "shortname"));
      g_assert_cmpuint (wsp_store_count (f->store, WSP_TYPE_ORGANISATION), ==, 0);

      /* The right name saves. */
      g_clear_error (&error);
      g_clear_object (&org);
      org = new_organisation ("Fundacja Pomocna Dłoń");
      wsp_record_set_string (org, "short_name", "FPD");
      g_assert_true (wsp_store_save (f->store, org, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (wsp_store_count (f->store, WSP_TYPE_ORGANISATION), ==, 1);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT);
  g_test_trap_assert_passed ();
#ifdef WSP_DEBUG
  g_test_trap_assert_stderr ("*organisation has no field “shortname”*");
#endif
}

/* A revision as another laptop sends it: its id is its generation and the
 * SHA-256 of what it says (the exchange format). */
static JsonObject *
revision_from_elsewhere (const char *entity,
                         const char *record_id,
                         const char *peer,
                         JsonObject *body)
{
  g_autofree char *body_text = wsp_json_object_canonical (body);
  g_autofree char *text = g_strdup_printf ("%s\n%s\n0\n[]\n%s", entity, record_id, body_text);
  g_autofree char *digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
  g_autofree char *rev = g_strdup_printf ("1-%s", digest);
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "rev", rev);
  json_object_set_string_member (object, "record", record_id);
  json_object_set_string_member (object, "entity", entity);
  json_object_set_int_member (object, "gen", 1);
  json_object_set_array_member (object, "parents", json_array_new ());
  json_object_set_boolean_member (object, "deleted", FALSE);
  json_object_set_string_member (object, "hlc", "0000000000010000");
  json_object_set_string_member (object, "peer", peer);
  json_object_set_int_member (object, "seq", 1);
  json_object_set_object_member (object, "body", json_object_ref (body));
  return object;
}

/* A field that a newer version of the app stored, and that arrived through
 * sync, is kept when this version edits the record. */
static void
test_newer_fields_kept (Fixture *f, gconstpointer data)
{
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *peer = g_uuid_string_random ();
  g_autoptr (JsonObject) body = json_object_new ();
  g_autoptr (JsonArray) batch = json_array_new ();
  g_autoptr (WspRecord) org = NULL;
  g_autoptr (WspRecord) stored = NULL;
  g_autoptr (GError) error = NULL;

  json_object_set_string_member (body, "name", "Klub Sportowy Pogoria");
  json_object_set_string_member (body, "patron", "św. Barbara");
  json_array_add_object_element (batch, revision_from_elsewhere ("organisation", id, peer, body));
  wsp_store_add_revisions (f->store, batch, NULL, NULL, &error);
  g_assert_no_error (error);

  org = wsp_store_get (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (wsp_record_get_string (org, "patron"), ==, "św. Barbara");
  wsp_record_set_string (org, "phone", "32 262 00 00");
  g_assert_true (wsp_store_save (f->store, org, &error));
  g_assert_no_error (error);

  stored = wsp_store_get (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (wsp_record_get_string (stored, "phone"), ==, "32 262 00 00");
  g_assert_cmpstr (wsp_record_get_string (stored, "patron"), ==, "św. Barbara");
}

static void
test_newer_database_refused (void)
{
  g_autofree char *dir = g_dir_make_tmp ("wsp-newer-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "newer.sqlite3", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (WspDatabase) db = wsp_database_open (path, &error);
  g_autoptr (WspDatabase) again = NULL;
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d",
                                          wsp_database_get_latest_version () + 1);

  g_assert_no_error (error);
  g_assert_true (wsp_database_exec (db, sql, &error));
  g_clear_object (&db);
  again = wsp_database_open (path, &error);
  g_assert_null (again);
  g_assert_error (error, WSP_DATABASE_ERROR, WSP_DATABASE_ERROR_NEWER);
  g_assert_nonnull (strstr (error->message, "newer version"));
  wsp_test_remove_tree (dir);
}

static void
test_not_a_database (void)
{
  g_autofree char *dir = g_dir_make_tmp ("wsp-garbage-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "garbage.sqlite3", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (WspStore) store = NULL;
  g_autofree char *garbage = g_strnfill (8192, 'x');

  g_assert_true (g_file_set_contents (path, garbage, -1, NULL));
  store = wsp_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, WSP_DATABASE_ERROR, WSP_DATABASE_ERROR_CORRUPT);
  wsp_test_remove_tree (dir);
}

/* Writes a revision as schema 1–6 kept it (a whole body; its id the SHA-256
 * of all it says) straight into a database at schema 6. */
static char *
insert_legacy_revision (WspDatabase *db,
                        const char  *record_id,
                        gint64       gen,
                        const char  *parent,
                        JsonObject  *body,
                        const char  *peer,
                        gint64       seq,
                        const char  *hlc,
                        gboolean     leaf)
{
  g_autofree char *body_text = wsp_json_object_canonical (body);
  g_autofree char *parents_text = parent != NULL ? g_strdup_printf ("[\"%s\"]", parent) : g_strdup ("[]");
  g_autofree char *text = g_strdup_printf ("organisation\n%s\n0\n%s\n%s", record_id, parents_text, body_text);
  g_autofree char *digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
  char *rev = g_strdup_printf ("%" G_GINT64_FORMAT "-%s", gen, digest);
  g_autofree char *sql = g_strdup_printf ("INSERT INTO revisions (rev_id, record_id, entity, gen, parents, deleted, "
                                          "hlc, origin_peer, origin_seq, body, leaf) VALUES ('%s', '%s', "
                                          "'organisation', %" G_GINT64_FORMAT ", '%s', 0, '%s', '%s', %"
                                          G_GINT64_FORMAT ", '%s', %d)",
                                          rev, record_id, gen, parents_text, hlc, peer, seq, body_text, leaf);
  g_autoptr (GError) error = NULL;

  g_assert_true (wsp_database_exec (db, sql, &error));
  g_assert_no_error (error);
  if (parent != NULL)
    {
      g_autofree char *update = g_strdup_printf ("UPDATE revisions SET leaf = 0 WHERE rev_id = '%s'", parent);
      g_assert_true (wsp_database_exec (db, update, &error));
    }
  return rev;
}

static void
test_migrations (void)
{
  g_autofree char *dir = g_dir_make_tmp ("wsp-migrate-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "old.sqlite3", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (WspDatabase) db = NULL;
  g_autoptr (WspStore) store = NULL;
  g_autoptr (WspRecord) back = NULL;
  g_autofree char *id = NULL;
  int latest = wsp_database_get_latest_version ();
  const char *backup;

  g_assert_cmpint (latest, >=, 2);

  /* From empty: a new file gets the whole schema. */
  {
    g_autofree char *fresh_path = g_build_filename (dir, "fresh.sqlite3", NULL);
    g_autoptr (WspDatabase) fresh = wsp_database_open (fresh_path, &error);
    g_assert_no_error (error);
    g_assert_cmpint (wsp_database_get_schema_version (fresh), ==, latest);
    g_assert_null (wsp_database_get_last_backup (fresh));
    g_assert_true (wsp_database_check_integrity (fresh, &error));
  }

  /* From schema 6, whose revisions held whole bodies: a backup is made, and
   * the revisions become changes that set what each changed. Here: one
   * organisation made on laptop A, its phone then set on A and, at the same
   * time, its e-mail on laptop B. */
  {
    g_autofree char *peer_a = g_uuid_string_random ();
    g_autofree char *peer_b = g_uuid_string_random ();
    g_autoptr (JsonObject) body = json_object_new ();
    g_autoptr (JsonObject) with_phone = NULL;
    g_autoptr (JsonObject) with_email = NULL;
    g_autofree char *first = NULL;
    g_autofree char *phone_rev = NULL;
    g_autofree char *email_rev = NULL;

    id = g_uuid_string_random ();
    json_object_set_string_member (body, "name", "Stowarzyszenie sprzed aktualizacji");
    with_phone = json_object_ref (body);
    with_phone = wsp_json_parse_object ("{}", NULL);
    json_object_set_string_member (with_phone, "name", "Stowarzyszenie sprzed aktualizacji");
    json_object_set_string_member (with_phone, "phone", "32 111 11 11");
    with_email = wsp_json_parse_object ("{}", NULL);
    json_object_set_string_member (with_email, "name", "Stowarzyszenie sprzed aktualizacji");
    json_object_set_string_member (with_email, "email", "biuro@stowarzyszenie.example");
    json_object_set_string_member (with_email, "notes", "pole dodane później");

    db = wsp_database_open_at_version (path, 6, &error);
    g_assert_no_error (error);
    g_assert_cmpint (wsp_database_get_schema_version (db), ==, 6);
    /* A field added to the app after this database was last opened: its
     * table has no column for it yet when the history is upgraded. */
    g_assert_true (wsp_database_exec (db, "ALTER TABLE organisation DROP COLUMN notes", &error));
    g_assert_no_error (error);
    first = insert_legacy_revision (db, id, 1, NULL, body, peer_a, 1, "0000000000010000", FALSE);
    phone_rev = insert_legacy_revision (db, id, 2, first, with_phone, peer_a, 2, "0000000000020000", TRUE);
    email_rev = insert_legacy_revision (db, id, 2, first, with_email, peer_b, 1, "0000000000030000", TRUE);
    g_clear_object (&db);
  }

  db = wsp_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (wsp_database_get_schema_version (db), ==, latest);
  backup = wsp_database_get_last_backup (db);
  g_assert_nonnull (backup);
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  store = wsp_store_new (db, &error);
  back = wsp_store_get (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (wsp_record_get_string (back, "name"), ==, "Stowarzyszenie sprzed aktualizacji");
  g_assert_true (wsp_database_check_integrity (db, &error));
  g_assert_true (wsp_store_check (store, &error));
  g_assert_no_error (error);
  /* Both concurrent edits are there, and no conflict: they set different fields. */
  g_assert_cmpstr (wsp_record_get_string (back, "phone"), ==, "32 111 11 11");
  g_assert_cmpstr (wsp_record_get_string (back, "email"), ==, "biuro@stowarzyszenie.example");
  g_assert_cmpstr (wsp_record_get_string (back, "notes"), ==, "pole dodane później");
  g_assert_false (wsp_record_get_conflicted (back));
  {
    g_autoptr (GPtrArray) history = wsp_store_dup_history (store, id, &error);

    g_assert_cmpuint (history->len, ==, 3);
    g_assert_cmpuint (((WspHistoryEntry *) g_ptr_array_index (history, 0))->kind, ==, WSP_CHANGE_CREATED);
    g_assert_cmpstr (((WspHistoryEntry *) g_ptr_array_index (history, 1))->fields[0], ==, "phone");
    g_assert_null (((WspHistoryEntry *) g_ptr_array_index (history, 1))->fields[1]);
    g_assert_cmpstr (((WspHistoryEntry *) g_ptr_array_index (history, 2))->fields[0], ==, "email");
  }
  /* The next save follows both versions, and sets only what it changes. */
  wsp_record_set_string (back, "notes", "po aktualizacji");
  g_assert_true (wsp_store_save (store, back, &error));
  g_clear_object (&back);
  back = wsp_store_get (store, id, &error);
  g_assert_cmpstr (wsp_record_get_string (back, "phone"), ==, "32 111 11 11");
  g_assert_cmpstr (wsp_record_get_string (back, "notes"), ==, "po aktualizacji");
  g_assert_true (g_str_has_prefix (wsp_record_get_revision (back), "3-"));

  /* The search finds it, and an edit replaces its words rather than adding more. */
  {
    g_autoptr (GListModel) hits = wsp_store_search (store, "aktualizacji", 10, &error);
    g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 1);
  }
  wsp_record_set_string (back, "name", "Stowarzyszenie po aktualizacji");
  g_assert_true (wsp_store_save (store, back, &error));
  {
    g_autoptr (GListModel) hits = wsp_store_search (store, "aktualizacji", 10, &error);
    g_autoptr (GListModel) old = wsp_store_search (store, "sprzed", 10, &error);
    g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 1);
    g_assert_cmpuint (g_list_model_get_n_items (old), ==, 0);
  }

  g_clear_object (&store);
  g_clear_object (&db);
  wsp_test_remove_tree (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  if (setlocale (LC_ALL, "pl_PL.UTF-8") == NULL)
    {
      g_printerr ("The pl_PL.UTF-8 locale is missing (build-aux/dev.sh deps makes it).\n");
      return 1;
    }

#define ADD(path, fn) g_test_add ("/store/" path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("create-and-read", test_create_and_read);
  ADD ("validation", test_validation);
  ADD ("update-keeps-other-edits", test_update_keeps_other_edits);
  ADD ("delete-and-undo", test_delete_and_undo);
  ADD ("append-only", test_append_only);
  ADD ("live-lists", test_live_lists);
  ADD ("one-notification-per-commit", test_one_notification_per_commit);
  ADD ("live-lists-follow-changes", test_live_lists_follow_changes);
  ADD ("search", test_search);
  ADD ("identity-and-clock", test_identity_and_clock);
  ADD ("every-record-type", test_every_record_type);
  ADD ("unknown-field", test_unknown_field);
  ADD ("newer-fields-kept", test_newer_fields_kept);
#undef ADD
  g_test_add_func ("/database/newer-refused", test_newer_database_refused);
  g_test_add_func ("/database/not-a-database", test_not_a_database);
  g_test_add_func ("/database/migrations", test_migrations);

  return g_test_run ();
}
