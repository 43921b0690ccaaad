/* test-shared-folder.c — two laptops kept in step through a shared folder
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "wsp-test-util.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "records/wsp-records-members.h"
#include "sync/wsp-shared-folder.h"
#include "sync/wsp-sync.h"

#define SETTLE_MS 50
#define EXPORT_DELAY_MS 100
#define TIMEOUT_MS 5000
#define QUIET_MS 400 /* several export delays and settle times */

typedef struct
{
  guint imported;
  guint refused;
  guint refused_unknown;
  guint exported;
  char *last_exported;
} Counts;

typedef struct
{
  char            *dir;
  char            *shared;
  char            *handoff;
  WspStore        *a;
  WspStore        *b;
  WspSharedFolder *wa;
  WspSharedFolder *wb;
  Counts           ca;
  Counts           cb;
} Fixture;

/* Runs the main loop for @ms milliseconds. */
static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (2000);
    }
}

/* Runs the main loop until @cond holds, or fails after TIMEOUT_MS. */
#define WAIT_FOR(cond)                                                                  \
  G_STMT_START                                                                          \
  {                                                                                     \
    gint64 end_ = g_get_monotonic_time () + (gint64) TIMEOUT_MS * 1000;                 \
    while (!(cond) && g_get_monotonic_time () < end_)                                   \
      {                                                                                 \
        while (g_main_context_iteration (NULL, FALSE))                                  \
          ;                                                                             \
        if (!(cond))                                                                    \
          g_usleep (2000);                                                              \
      }                                                                                 \
    if (!(cond))                                                                        \
      g_error ("Timed out waiting for %s", #cond);                                      \
  }                                                                                     \
  G_STMT_END

static WspStore *
open_store (const char *dir, const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, "data.sqlite3", NULL);
  g_autoptr (GError) error = NULL;
  WspStore *store = wsp_store_open (path, &error);

  g_assert_no_error (error);
  return store;
}

static char *
key_id (WspStore *store)
{
  WspKeyPair pair;

  g_assert_true (wsp_sync_get_keys (store, &pair, NULL));
  return wsp_keys_key_id (pair.public_key);
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

static gboolean
has (WspStore *store, const char *id)
{
  g_autoptr (WspRecord) record = wsp_store_get (store, id, NULL);

  return record != NULL;
}

/* A full packet of @store, written outside the shared folder. */
static GBytes *
packet (Fixture *f, WspStore *store)
{
  g_auto (WspExportReport) report = { 0 };
  g_autoptr (GError) error = NULL;
  g_autofree char *data = NULL;
  gsize len;

  g_assert_true (wsp_sync_export (store, f->handoff, NULL, TRUE, &report, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (report.path, &data, &len, NULL));
  g_unlink (report.path);
  return g_bytes_new_take (g_steal_pointer (&data), len);
}

static void
trust (WspStore *to, GBytes *bytes)
{
  g_autoptr (GError) error = NULL;

  /* What the GUI does once a person compared the fingerprints. */
  g_assert_true (wsp_sync_import_bytes (to, bytes, WSP_IMPORT_TRUST_NEW, NULL, &error));
  g_assert_no_error (error);
}

/* Puts @bytes into the shared folder as a sync tool would: a temporary
 * name, then a rename. */
static void
drop (Fixture *f, const char *name, const void *data, gssize len)
{
  g_autofree char *path = g_build_filename (f->shared, name, NULL);
  g_autoptr (GError) error = NULL;

  g_assert_true (g_file_set_contents (path, data, len, &error));
  g_assert_no_error (error);
}

static void
drop_bytes (Fixture *f, const char *name, GBytes *bytes)
{
  drop (f, name, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes));
}

static guint
count_files (const char *dir, const char *containing)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    if (containing == NULL || strstr (name, containing) != NULL)
      n++;
  return n;
}

static void
on_imported (WspSharedFolder *folder, const char *path, gpointer report, gpointer data)
{
  WspImportReport *r = report;
  Counts *c = data;

  g_assert_nonnull (r);
  g_assert_nonnull (r->packet_id);
  g_assert_false (r->already_imported);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  c->imported++;
}

static void
on_refused (WspSharedFolder *folder, const char *path, const GError *error, gpointer data)
{
  Counts *c = data;

  g_assert_nonnull (error);
  g_assert_nonnull (error->message);
  g_test_message ("refused %s: %s", path, error->message);
  if (g_error_matches (error, WSP_SYNC_ERROR, WSP_SYNC_ERROR_UNKNOWN_LAPTOP))
    c->refused_unknown++;
  c->refused++;
}

static void
on_exported (WspSharedFolder *folder, const char *path, gpointer data)
{
  Counts *c = data;

  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_free (c->last_exported);
  c->last_exported = g_strdup (path);
  c->exported++;
}

static WspSharedFolder *
watcher (Fixture *f, WspStore *store, Counts *counts)
{
  g_autoptr (GFile) folder = g_file_new_for_path (f->shared);
  g_autoptr (GError) error = NULL;
  WspSharedFolder *self = wsp_shared_folder_new (store, folder, &error);

  g_assert_no_error (error);
  g_object_set (self, "settle-ms", SETTLE_MS, "export-delay-ms", EXPORT_DELAY_MS, NULL);
  g_signal_connect (self, "imported", G_CALLBACK (on_imported), counts);
  g_signal_connect (self, "refused", G_CALLBACK (on_refused), counts);
  g_signal_connect (self, "exported", G_CALLBACK (on_exported), counts);
  return self;
}

static void
start (WspSharedFolder *self)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (wsp_shared_folder_start (self, &error));
  g_assert_no_error (error);
  g_assert_true (wsp_shared_folder_is_running (self));
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) from_a = NULL;
  g_autoptr (GBytes) from_b = NULL;

  f->dir = g_dir_make_tmp ("wsp-shared-XXXXXX", &error);
  g_assert_no_error (error);
  f->shared = g_build_filename (f->dir, "Sync", NULL);
  f->handoff = g_build_filename (f->dir, "handoff", NULL);
  g_assert_cmpint (g_mkdir (f->shared, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (f->handoff, 0700), ==, 0);
  f->a = open_store (f->dir, "a");
  f->b = open_store (f->dir, "b");
  g_assert_true (wsp_sync_set_laptop_name (f->a, "Biuro NGO", &error));
  g_assert_true (wsp_sync_set_laptop_name (f->b, "Sekretarz Rady", &error));

  /* Each laptop trusts the other once, before any watching. */
  from_a = packet (f, f->a);
  from_b = packet (f, f->b);
  trust (f->b, from_a);
  trust (f->a, from_b);

  f->wa = watcher (f, f->a, &f->ca);
  f->wb = watcher (f, f->b, &f->cb);
}


static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->wa);
  g_clear_object (&f->wb);
  g_clear_object (&f->a);
  g_clear_object (&f->b);
  spin (10); /* let the cancelled monitors go */
  wsp_test_remove_tree (f->dir);
  g_free (f->ca.last_exported);
  g_free (f->cb.last_exported);
  g_free (f->shared);
  g_free (f->handoff);
  g_free (f->dir);
}

static void
test_candidate_names (void)
{
  const char *yes[] = {
    "biuro-ngo-0123456789abcdef-a1b2c3d4.wspolnie.json",
    "a.sync-conflict-20261127-101010-ABCDEF.wspolnie.json",
    "a.wspolnie.sync-conflict-20261127-101010-ABCDEF.json",
    "sekretarz (conflicted copy 2026-11-27 101010).wspolnie.json",
  };
  const char *no[] = {
    "x.wspolnie.json.part",
    ".y.wspolnie.json",
    "~lock.wspolnie.json",
    ".syncthing.a.wspolnie.json.tmp",
    "a.tmp.wspolnie.json",
    "a.partial.wspolnie.json",
    "a~syncthing~.wspolnie.json",
    "a.syncthing.b.wspolnie.json",
    "a.wspolnie.json~",
    ".wspolnie.json",
    "notes.txt",
    "a.wspolnie.json.XYZ123",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (yes); i++)
    g_assert_true (wsp_shared_folder_is_candidate (yes[i]));
  for (gsize i = 0; i < G_N_ELEMENTS (no); i++)
    g_assert_false (wsp_shared_folder_is_candidate (no[i]));
}

/* A change on A reaches B through the folder, and neither answers the
 * other's packet with one of its own. */
static void
test_round_trip (Fixture *f, gconstpointer data)
{
  g_autofree char *id = NULL;
  g_autofree char *key_a = key_id (f->a);
  g_autofree char *base = NULL;
  g_autoptr (GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);

  start (f->wa);
  start (f->wb);
  id = create_org (f->a, "Stowarzyszenie Zielone Zagłębie");
  WAIT_FOR (f->cb.imported >= 1 && has (f->b, id));
  g_assert_cmpuint (f->ca.exported, ==, 1);
  base = g_path_get_basename (f->ca.last_exported);
  g_assert_nonnull (strstr (base, key_a));
  g_assert_true (g_str_has_suffix (base, WSP_PACKET_SUFFIX));

  /* A quiet period: B's import does not make B export, A ignores its own. */
  spin (QUIET_MS);
  g_assert_cmpuint (f->ca.exported, ==, 1);
  g_assert_cmpuint (f->cb.exported, ==, 0);
  g_assert_cmpuint (f->ca.imported, ==, 0);
  g_assert_cmpuint (f->cb.imported, ==, 1);
  g_assert_cmpuint (f->ca.refused + f->cb.refused, ==, 0);

  /* Many changes on B go out as one packet, and come back to A. */
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *name = g_strdup_printf ("Fundacja nr %u", i);
      g_ptr_array_add (ids, create_org (f->b, name));
    }
  WAIT_FOR (f->ca.imported >= 1);
  for (guint i = 0; i < ids->len; i++)
    g_assert_true (has (f->a, g_ptr_array_index (ids, i)));
  spin (QUIET_MS);
  g_assert_cmpuint (f->cb.exported, ==, 1);
  g_assert_cmpuint (f->ca.exported, ==, 1);
  g_assert_cmpuint (f->ca.imported, ==, 1);
  g_assert_cmpuint (f->cb.imported, ==, 1);
  g_assert_cmpuint (f->ca.refused + f->cb.refused, ==, 0);
  g_assert_cmpuint (count_files (f->shared, NULL), ==, 2);
}

/* Only the newest few of A's own packets stay; B's are never touched. */
static void
test_prune_own (Fixture *f, gconstpointer data)
{
  g_autofree char *key_a = key_id (f->a);
  g_autofree char *key_b = key_id (f->b);
  g_autoptr (GBytes) from_b = packet (f, f->b);
  g_autofree char *b_name = g_strdup_printf ("sekretarz-rady-%s-00000000.wspolnie.json", key_b);

  drop_bytes (f, b_name, from_b);
  start (f->wa); /* reads B's file at once: nothing new in it */
  g_assert_cmpuint (f->ca.imported, ==, 1);

  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *name = g_strdup_printf ("Klub nr %u", i);
      g_autofree char *id = create_org (f->a, name);

      WAIT_FOR (f->ca.exported == i + 1);
    }
  g_assert_cmpuint (count_files (f->shared, key_a), ==, WSP_SHARED_FOLDER_KEEP_OWN);
  g_assert_cmpuint (count_files (f->shared, key_b), ==, 1);
  g_assert_true (g_file_test (f->ca.last_exported, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (f->ca.refused, ==, 0);
}

/* Unfinished and hidden files are ignored; unknown laptops and garbage are
 * refused once; conflict copies are packets. */
static void
test_ignored_refused_conflicts (Fixture *f, gconstpointer data)
{
  g_autofree char *id_x = create_org (f->a, "Fundacja X");
  g_autoptr (GBytes) from_a = packet (f, f->a);
  g_autoptr (WspStore) c = open_store (f->dir, "c");
  g_autoptr (GBytes) c_hello = NULL;
  g_autoptr (GBytes) from_c = NULL;
  g_autofree char *id_c = NULL;
  guint orgs;

  g_assert_true (wsp_sync_set_laptop_name (c, "Laptop C", NULL));
  c_hello = packet (f, c);
  id_c = create_org (c, "Stowarzyszenie C");
  from_c = packet (f, c);

  start (f->wb);
  orgs = wsp_store_count (f->b, WSP_TYPE_ORGANISATION);

  drop_bytes (f, "x.wspolnie.json.part", from_a);
  drop_bytes (f, ".y.wspolnie.json", from_a);
  drop_bytes (f, "~z.wspolnie.json", from_a);
  spin (SETTLE_MS * 4);
  wsp_shared_folder_scan_now (f->wb);
  g_assert_cmpuint (f->cb.imported, ==, 0);
  g_assert_cmpuint (f->cb.refused, ==, 0);
  g_assert_false (has (f->b, id_x));

  /* From a laptop B does not know: refused, once. Garbage: refused. */
  drop_bytes (f, "laptop-c.wspolnie.json", from_c);
  drop (f, "z.wspolnie.json", "{\"format\": \"not really", -1);
  WAIT_FOR (f->cb.refused == 2);
  g_assert_cmpuint (f->cb.refused_unknown, ==, 1);
  wsp_shared_folder_scan_now (f->wb);
  spin (SETTLE_MS * 4);
  wsp_shared_folder_scan_now (f->wb);
  g_assert_cmpuint (f->cb.refused, ==, 2);
  g_assert_cmpuint (f->cb.imported, ==, 0);
  g_assert_false (has (f->b, id_c));
  g_assert_cmpuint (wsp_store_count (f->b, WSP_TYPE_ORGANISATION), ==, orgs);

  /* A new version of a refused file is looked at again. */
  drop (f, "z.wspolnie.json", "garbage, longer than before", -1);
  WAIT_FOR (f->cb.refused == 3);

  /* A Syncthing conflict copy of A's packet is a packet (Syncthing marks
   * the name before its last extension). */
  drop_bytes (f, "a.wspolnie.sync-conflict-20261127-101010-ABCDEF.json", from_a);
  WAIT_FOR (f->cb.imported == 1 && has (f->b, id_x));

  /* Another copy of the same packet: already imported, neither told nor refused. */
  drop_bytes (f, "a (conflicted copy 2026-11-27 101010).wspolnie.json", from_a);
  spin (SETTLE_MS * 4);
  wsp_shared_folder_scan_now (f->wb);
  g_assert_cmpuint (f->cb.imported, ==, 1);
  g_assert_cmpuint (f->cb.refused, ==, 3);

  /* After a person trusts C, its refused file is read again. */
  trust (f->b, c_hello);
  g_assert_false (has (f->b, id_c));
  wsp_shared_folder_retry (f->wb);
  g_assert_cmpuint (f->cb.imported, ==, 2);
  g_assert_true (has (f->b, id_c));
  g_assert_cmpuint (f->cb.refused, ==, 4); /* the garbage, again */

  /* A and C each lack what the other made: B writes one packet for them,
   * once, and nothing after it. */
  WAIT_FOR (f->cb.exported == 1);
  spin (QUIET_MS);
  g_assert_cmpuint (f->cb.exported, ==, 1);
}

/* The live database never lives in the shared folder. */
static void
test_bad_folders (Fixture *f, gconstpointer data)
{
  g_autoptr (WspStore) inside = open_store (f->shared, "inner");
  g_autofree char *link = g_build_filename (f->dir, "link-to-sync", NULL);
  g_autofree char *prefix = g_build_filename (f->dir, "Sy", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "nowhere", NULL);
  g_autofree char *file = g_build_filename (f->dir, "plik.txt", NULL);
  g_autoptr (GFile) shared = g_file_new_for_path (f->shared);
  g_autoptr (GFile) linked = g_file_new_for_path (link);
  g_autoptr (GFile) dir = g_file_new_for_path (f->dir);
  g_autoptr (GFile) near = g_file_new_for_path (prefix);
  g_autoptr (GFile) gone = g_file_new_for_path (missing);
  g_autoptr (GFile) plain = g_file_new_for_path (file);
  g_autoptr (WspSharedFolder) ok = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_null (wsp_shared_folder_new (inside, shared, &error));
  g_assert_error (error, WSP_SHARED_FOLDER_ERROR, WSP_SHARED_FOLDER_ERROR_DATABASE_INSIDE);
  g_clear_error (&error);

  /* A folder above it holds it too. */
  g_assert_null (wsp_shared_folder_new (f->a, dir, &error));
  g_assert_error (error, WSP_SHARED_FOLDER_ERROR, WSP_SHARED_FOLDER_ERROR_DATABASE_INSIDE);
  g_clear_error (&error);

  /* A symbolic link does not hide it. */
  g_assert_cmpint (symlink (f->shared, link), ==, 0);
  g_assert_null (wsp_shared_folder_new (inside, linked, &error));
  g_assert_error (error, WSP_SHARED_FOLDER_ERROR, WSP_SHARED_FOLDER_ERROR_DATABASE_INSIDE);
  g_clear_error (&error);

  /* A folder whose name begins the same is another folder. */
  g_assert_cmpint (g_mkdir (prefix, 0700), ==, 0);
  ok = wsp_shared_folder_new (inside, near, &error);
  g_assert_no_error (error);
  g_assert_nonnull (ok);

  g_assert_null (wsp_shared_folder_new (f->a, gone, &error));
  g_assert_error (error, WSP_SHARED_FOLDER_ERROR, WSP_SHARED_FOLDER_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "nowhere"));
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (file, "x", 1, NULL));
  g_assert_null (wsp_shared_folder_new (f->a, plain, &error));
  g_assert_error (error, WSP_SHARED_FOLDER_ERROR, WSP_SHARED_FOLDER_ERROR_NOT_A_FOLDER);
  g_clear_error (&error);
}

/* Stopped or gone, a watcher does nothing more. */
static void
test_stop_and_dispose (Fixture *f, gconstpointer data)
{
  g_autoptr (GBytes) from_a = NULL;
  g_autofree char *id = NULL;

  start (f->wa);
  g_free (create_org (f->a, "Przed zatrzymaniem"));
  wsp_shared_folder_stop (f->wa);
  g_assert_false (wsp_shared_folder_is_running (f->wa));
  g_free (create_org (f->a, "Po zatrzymaniu"));
  spin (EXPORT_DELAY_MS * 3);
  g_assert_cmpuint (f->ca.exported, ==, 0);
  g_assert_cmpuint (count_files (f->shared, NULL), ==, 0);

  /* Started again, then dropped with an export waiting. */
  start (f->wa);
  g_free (create_org (f->a, "Przed zniszczeniem"));
  g_clear_object (&f->wa);
  spin (EXPORT_DELAY_MS * 3);
  g_assert_cmpuint (f->ca.exported, ==, 0);
  g_assert_cmpuint (count_files (f->shared, NULL), ==, 0);

  /* Dropped with a file waiting to settle. */
  g_object_set (f->wb, "settle-ms", 60000, NULL);
  start (f->wb);
  id = create_org (f->a, "Fundacja Y");
  from_a = packet (f, f->a);
  drop_bytes (f, "biuro.wspolnie.json", from_a);
  spin (50);
  g_clear_object (&f->wb);
  spin (50);
  g_assert_false (has (f->b, id));
  g_assert_cmpuint (f->cb.imported + f->cb.refused, ==, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) \
  g_test_add ("/shared-folder/" path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)

  g_test_add_func ("/shared-folder/candidate-names", test_candidate_names);
  ADD ("round-trip", test_round_trip);
  ADD ("prune-own", test_prune_own);
  ADD ("ignored-refused-conflicts", test_ignored_refused_conflicts);
  ADD ("bad-folders", test_bad_folders);
  ADD ("stop-and-dispose", test_stop_and_dispose);

  return g_test_run ();
}
