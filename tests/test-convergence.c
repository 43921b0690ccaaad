/* test-convergence.c — laptops exchanging packets through an unreliable
 * channel end in the same state, with no write lost (wsp-convergence.c)
 *
 * Environment, for longer runs by hand:
 *   WSP_CONVERGENCE_SEEDS=FIRST-LAST   the seeds to run (default 1-40)
 *   WSP_CONVERGENCE_STEPS=N            steps per seed (default 120)
 * With WSP_CONVERGENCE_SEEDS set, the seeds known to fail run too. See
 * wsp-convergence.h for TRACE, KEEP and STRICT.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "wsp-test-util.h"

#include <glib/gstdio.h>
#include <string.h>

#include "wsp-convergence.h"
#include "records/wsp-records-members.h"
#include "sync/wsp-sync.h"

/* Under AddressSanitizer (build-aux/dev.sh sanitize: -O0, and the slow
 * unwinding on every malloc that test_env asks for) a seed takes about ten
 * times longer: fewer, shorter runs there check memory, the regular build
 * checks the seeds. */
#if defined(__SANITIZE_ADDRESS__)
#define UNDER_SANITIZER 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_SANITIZER 1
#endif
#endif

#define DEFAULT_FIRST_SEED 1
#ifdef UNDER_SANITIZER
#define DEFAULT_LAST_SEED 8
#define DEFAULT_STEPS 80
#else
#define DEFAULT_LAST_SEED 40
#define DEFAULT_STEPS 120
#endif

/* Seeds left out of the regular run, each with the bug in src/core it shows
 * (reproduced in a few steps by the known-bug tests below). */
static const struct
{
  guint32 seed;
  guint   steps;
} known_failures[] = {
  /* None now: seeds 1, 12, 15 and 26 showed the concurrent-resolutions bug,
   * fixed in the store (regression/concurrent-resolutions). The entry below
   * matches no seed (seeds start at 1). */
  { 0, 0 },
};

static guint steps = DEFAULT_STEPS;

static void
test_seed (gconstpointer data)
{
  guint32 seed = GPOINTER_TO_UINT (data);
  guint laptops = 3 + seed % 3;
  WspConvergenceStats s = { 0 };
  g_autoptr (GError) error = NULL;
  gboolean ok;

  /* A failing seed does not stop the others: each failure is listed. */
  g_test_set_nonfatal_assertions ();
  ok = wsp_convergence_run (seed, laptops, steps, &s, &error);

  g_test_message ("seed %u, %u laptops, %u steps: %.2f s; packets %u (%u delta) dropped %u "
                  "duplicated %u delayed %u forwarded %u replayed %u; imports %u; created %u "
                  "edits %u deletes %u undeletes %u votes %u (double %u); conflicts seen %u, "
                  "resolved %u, deletes accepted %u, left %u; criss-cross %u (cautious %u); "
                  "relabelled %u (attribution differs on %u); revisions %u, records %u; "
                  "quiescence rounds %u",
                  seed, laptops, steps, s.seconds, s.packets_sent, s.packets_delta,
                  s.packets_dropped, s.packets_duplicated, s.packets_delayed, s.packets_forwarded,
                  s.packets_replayed, s.imports, s.records_created, s.edits, s.deletes,
                  s.undeletes, s.votes, s.double_votes, s.conflicts_seen, s.resolutions,
                  s.deletes_accepted, s.conflicts_left, s.ambiguous_merges, s.cautious_conflicts,
                  s.relabelled, s.attribution_differences,
                  s.revisions_total, s.records_total, s.quiescence_rounds);
  if (!ok)
    {
      g_test_fail_printf ("%s", error->message);
      return;
    }
  g_assert_cmpuint (s.packets_sent, >, 0);
  g_assert_cmpuint (s.revisions_total, >, 0);
}

/* ---- the check can fail ------------------------------------------------ */

typedef struct
{
  char     *dir;
  WspStore *stores[3];
  WspStore *outsider;
} Fixture;

static WspStore *
open_store (const char *dir,
            const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr (GError) error = NULL;
  WspStore *store = wsp_store_open (path, &error);

  g_assert_no_error (error);
  return store;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  f->dir = wsp_convergence_make_folder (&error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (f->stores); i++)
    {
      g_autofree char *name = g_strdup_printf ("laptop-%u.sqlite3", i);
      f->stores[i] = open_store (f->dir, name);
    }
  f->outsider = open_store (f->dir, "outsider.sqlite3");
}

static void
remove_tree (const char *path)
{
  g_autoptr (GDir) d = g_dir_open (path, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (f->stores); i++)
    g_clear_object (&f->stores[i]);
  g_clear_object (&f->outsider);
  remove_tree (f->dir);
  g_free (f->dir);
}

static char *
create_org (WspStore   *store,
            const char *name)
{
  g_autoptr (WspRecord) org = WSP_RECORD (wsp_organisation_new ());
  g_autoptr (GError) error = NULL;

  wsp_record_set_string (org, "name", name);
  g_assert_true (wsp_store_save (store, org, &error));
  g_assert_no_error (error);
  return g_strdup (wsp_record_get_id (org));
}

static void
send_full (WspStore *from,
           WspStore *to)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = wsp_sync_build_packet (from, NULL, TRUE, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (wsp_sync_import_bytes (to, bytes, WSP_IMPORT_TRUST_NEW, NULL, &error));
  g_assert_no_error (error);
}

static void
exchange_all (Fixture *f)
{
  for (guint round = 0; round < 2; round++)
    for (guint i = 0; i < G_N_ELEMENTS (f->stores); i++)
      for (guint j = 0; j < G_N_ELEMENTS (f->stores); j++)
        if (i != j)
          send_full (f->stores[i], f->stores[j]);
}

static void
assert_converged (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  WspConvergenceStats stats = { 0 };

  g_assert_true (wsp_convergence_check (f->stores, G_N_ELEMENTS (f->stores), &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.records_total, >=, 1);
}

/* A packet that only one laptop sees: the others hold fewer revisions. */
static void
test_detects_divergence (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *a = create_org (f->stores[0], "Fundacja Pierwsza");
  g_autofree char *b = create_org (f->stores[1], "Fundacja Druga");
  g_autofree char *c = create_org (f->stores[2], "Fundacja Trzecia");
  g_autofree char *x = create_org (f->outsider, "Fundacja z Zewnątrz");

  exchange_all (f);
  assert_converged (f);

  send_full (f->outsider, f->stores[0]);
  g_assert_false (wsp_convergence_check (f->stores, G_N_ELEMENTS (f->stores), NULL, &error));
  g_assert_error (error, WSP_CONVERGENCE_ERROR, WSP_CONVERGENCE_ERROR_DIVERGED);
  g_assert_nonnull (strstr (error->message, "I1"));
  g_assert_nonnull (strstr (error->message, x));
  g_test_message ("as expected: %s", error->message);
  g_clear_error (&error);

  /* Once it has travelled, the laptops agree again. */
  exchange_all (f);
  assert_converged (f);
}

/* An edit not sent anywhere: a lost write, as far as the others know. */
static void
test_detects_lost_write (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *a = create_org (f->stores[0], "Koło Gospodyń");
  g_autofree char *b = create_org (f->stores[1], "Klub Sportowy");
  g_autofree char *c = create_org (f->stores[2], "Ochotnicza Straż");
  g_autoptr (WspRecord) record = NULL;

  exchange_all (f);
  assert_converged (f);

  record = wsp_store_get (f->stores[1], a, &error);
  g_assert_no_error (error);
  wsp_record_set_string (record, "notes", "nie wysłane");
  g_assert_true (wsp_store_save (f->stores[1], record, &error));
  g_assert_false (wsp_convergence_check (f->stores, G_N_ELEMENTS (f->stores), NULL, &error));
  g_assert_error (error, WSP_CONVERGENCE_ERROR, WSP_CONVERGENCE_ERROR_LOST_WRITE);
  g_assert_nonnull (strstr (error->message, "I2"));
  g_assert_nonnull (strstr (error->message, a));
  g_test_message ("as expected: %s", error->message);
}

/* Two different states give two different dumps and digests. */
static void
test_dump_tells_apart (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *a = create_org (f->stores[0], "Stowarzyszenie");
  g_autofree char *dump_0 = NULL, *dump_1 = NULL, *rev_0 = NULL, *rev_1 = NULL;

  send_full (f->stores[0], f->stores[1]);
  dump_0 = wsp_convergence_dump (f->stores[0], &error);
  dump_1 = wsp_convergence_dump (f->stores[1], &error);
  g_assert_cmpstr (dump_0, ==, dump_1);
  {
    g_autoptr (WspRecord) record = wsp_store_get (f->stores[1], a, &error);
    wsp_record_set_string (record, "phone", "22 000 00 00");
    g_assert_true (wsp_store_save (f->stores[1], record, &error));
  }
  g_clear_pointer (&dump_1, g_free);
  dump_1 = wsp_convergence_dump (f->stores[1], &error);
  g_assert_cmpstr (dump_0, !=, dump_1);
  rev_0 = wsp_convergence_revisions_digest (f->stores[0], &error);
  rev_1 = wsp_convergence_revisions_digest (f->stores[1], &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rev_0, !=, rev_1);
}

/* ---- known bugs in src/core ---------------------------------------------
 *
 * Each reproduces, in a few steps, a failure the random runs found. While
 * the bug is there the test is reported as TODO (an expected failure);
 * once it is fixed, the test passes. */

static void
edit (WspStore   *store,
      const char *id,
      const char *field,
      const char *value)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WspRecord) record = wsp_store_get (store, id, &error);

  g_assert_no_error (error);
  wsp_record_set_string (record, field, value);
  g_assert_true (wsp_store_save (store, record, &error));
  g_assert_no_error (error);
}

static void
resolve (WspStore   *store,
         const char *id,
         const char *field,
         const char *value)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WspRecord) record = wsp_store_get (store, id, &error);

  g_assert_no_error (error);
  g_assert_true (wsp_record_get_conflicted (record));
  wsp_record_set_string (record, field, value);
  g_assert_true (wsp_store_resolve (store, record, &error));
  g_assert_no_error (error);
  g_assert_false (wsp_record_get_conflicted (record));
}

static GBytes *
build_delta (WspStore *from,
             WspStore *to)
{
  g_autoptr (GError) error = NULL;
  GBytes *bytes = wsp_sync_build_packet (from, wsp_store_get_peer_id (to), FALSE, NULL, &error);

  g_assert_no_error (error);
  return bytes;
}

static void
send_delta (WspStore *from,
            WspStore *to)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = build_delta (from, to);

  g_assert_true (wsp_sync_import_bytes (to, bytes, WSP_IMPORT_TRUST_NEW, NULL, &error));
  g_assert_no_error (error);
}

/* Seeds 1, 12, 15, 26 (and more beyond 40). Two people resolve the same conflict
 * on two laptops, choosing differently. The two resolutions are concurrent
 * writes of the field, so the conflict must stay in view (I7). The store
 * merges them over one latest common ancestor, the one with the highest
 * (generation, revision id) (merge_base() in wsp-store.c); over it one
 * resolution looks unchanged, so the other wins silently, decided by the
 * order of hashes. */
static void
test_bug_concurrent_resolutions (Fixture       *f,
                                 gconstpointer  data)
{
  WspStore *a = f->stores[0], *b = f->stores[1];
  g_autofree char *id = create_org (a, "Fundacja Dwóch Decyzji");
  g_autoptr (GError) error = NULL;
  g_autoptr (WspRecord) record = NULL;
  g_autoptr (JsonObject) conflicts = NULL;

  exchange_all (f);
  edit (a, id, "phone", "111");
  edit (b, id, "phone", "222");
  exchange_all (f);
  resolve (a, id, "phone", "111");
  resolve (b, id, "phone", "222");
  exchange_all (f);

  record = wsp_store_get (a, id, &error);
  conflicts = wsp_test_conflicts_json (a, id, &error);
  g_assert_no_error (error);
  if (!json_object_has_member (conflicts, "phone"))
    {
      g_assert_false (wsp_convergence_check (f->stores, G_N_ELEMENTS (f->stores), NULL, &error));
      g_assert_error (error, WSP_CONVERGENCE_ERROR, WSP_CONVERGENCE_ERROR_HIDDEN);
      g_test_fail_printf ("%s", "concurrent different resolutions of one conflict merged "
                                "silently (the phone shows one person's choice, no conflict)");
      return;
    }
  g_assert_true (wsp_record_get_conflicted (record));
  assert_converged (f);
}

/* Seeds 54, 55, 195, 328 (beyond the regular 40). A delta packet made for laptop B
 * holds only what B lacks. Laptop C imports it too (a shared folder, or a
 * laptop passing files on): C now holds A's change 3 but not 1 and 2. C's
 * "have" says A:3 (the highest number, not the highest without a gap), so
 * every delta A makes for C leaves 1 and 2 out: only a full export repairs
 * it. Design §3: A→B→C must give what A→C gives; §4: no write lost. */
static void
test_bug_delta_for_another_laptop (Fixture       *f,
                                   gconstpointer  data)
{
  WspStore *a = f->stores[0], *b = f->stores[1], *c = f->stores[2];
  g_autofree char *r1 = create_org (a, "Pierwsza");
  g_autofree char *r2 = create_org (a, "Druga");
  g_autofree char *r3 = NULL;
  g_autoptr (GBytes) for_b = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (WspRecord) got = NULL;

  send_full (a, b);
  send_full (b, a);
  send_full (c, a); /* A has heard from C: deltas for C are possible */
  r3 = create_org (a, "Trzecia");
  for_b = build_delta (a, b);
  if (!wsp_sync_import_bytes (c, for_b, WSP_IMPORT_TRUST_NEW, NULL, &error))
    {
      /* Refusing a packet made for another laptop is a fix too. */
      g_test_message ("refused: %s", error->message);
      g_clear_error (&error);
      send_full (a, c);
    }
  send_delta (c, a);
  send_delta (a, c);
  send_delta (c, a);
  send_delta (a, c);

  got = wsp_store_get (c, r1, NULL);
  if (got == NULL)
    {
      g_test_fail_printf ("%s", "a delta packet imported by a laptop it was not made for "
                         "leaves a gap that later deltas never fill");
      return;
    }
  g_clear_object (&got);
  got = wsp_store_get (c, r3, &error);
  g_assert_no_error (error);
}

/* Seed 118 with WSP_CONVERGENCE_STRICT set. Two laptops delete a record from
 * the same state: the same revision (ids are content-derived, I11), made by
 * both. A third laptop edited it meanwhile, so the record shows a delete
 * conflict whose candidates say who made each version. Each laptop keeps
 * the delete under whichever laptop's copy arrived first (revisions.origin_peer
 * and hlc), so the laptops say differently who deleted it and when. */
static void
test_bug_attribution (Fixture       *f,
                      gconstpointer  data)
{
  WspStore *a = f->stores[0], *b = f->stores[1], *c = f->stores[2];
  g_autofree char *id = create_org (a, "Stowarzyszenie Usuwane Dwa Razy");
  g_autoptr (GError) error = NULL;
  g_autofree char *dump_a = NULL, *dump_b = NULL;

  exchange_all (f);
  {
    g_autoptr (WspRecord) on_a = wsp_store_get (a, id, &error);
    g_autoptr (WspRecord) on_b = wsp_store_get (b, id, &error);
    g_assert_true (wsp_store_delete (a, on_a, &error));
    g_assert_true (wsp_store_delete (b, on_b, &error));
    g_assert_no_error (error);
  }
  edit (c, id, "notes", "zmiana w trakcie");
  send_full (a, c);
  exchange_all (f);
  assert_converged (f);

  dump_a = wsp_convergence_dump (a, &error);
  dump_b = wsp_convergence_dump (b, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (dump_a, "_deleted"));
  if (strcmp (dump_a, dump_b) != 0)
    {
      g_test_incomplete ("known bug: the same revision made on two laptops is attributed to "
                         "a different laptop, with a different time, on each");
      return;
    }
}

static gboolean
parse_range (const char *text,
             guint32    *first,
             guint32    *last)
{
  g_auto (GStrv) parts = g_strsplit (text, "-", 2);
  guint64 a, b;

  if (!g_ascii_string_to_unsigned (parts[0], 10, 1, G_MAXUINT32, &a, NULL))
    return FALSE;
  b = a;
  if (parts[1] != NULL && !g_ascii_string_to_unsigned (parts[1], 10, a, G_MAXUINT32, &b, NULL))
    return FALSE;
  *first = (guint32) a;
  *last = (guint32) b;
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  const char *seeds_env = g_getenv ("WSP_CONVERGENCE_SEEDS");
  const char *steps_env = g_getenv ("WSP_CONVERGENCE_STEPS");
  guint32 first = DEFAULT_FIRST_SEED, last = DEFAULT_LAST_SEED;
  guint64 value;

  g_test_init (&argc, &argv, NULL);

  if (seeds_env != NULL && !parse_range (seeds_env, &first, &last))
    g_error ("WSP_CONVERGENCE_SEEDS must be N or FIRST-LAST, not “%s”", seeds_env);
  if (steps_env != NULL)
    {
      if (!g_ascii_string_to_unsigned (steps_env, 10, 1, 100000, &value, NULL))
        g_error ("WSP_CONVERGENCE_STEPS must be a number of steps, not “%s”", steps_env);
      steps = (guint) value;
    }

#define ADD(path, fn) \
  g_test_add ("/convergence/" path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("check/detects-divergence", test_detects_divergence);
  ADD ("check/detects-lost-write", test_detects_lost_write);
  ADD ("check/dump-tells-apart", test_dump_tells_apart);
  ADD ("regression/concurrent-resolutions", test_bug_concurrent_resolutions);
  ADD ("regression/delta-for-another-laptop", test_bug_delta_for_another_laptop);
  ADD ("known-bug/attribution", test_bug_attribution);
#undef ADD

  for (guint32 seed = first; seed <= last && seed != 0; seed++)
    {
      g_autofree char *path = g_strdup_printf ("/convergence/seed/%u", seed);
      gboolean known = FALSE;

      /* A seed named on the command line or in the environment always runs. */
      for (guint k = 0; seeds_env == NULL && k < G_N_ELEMENTS (known_failures); k++)
        known = known || (known_failures[k].seed == seed && known_failures[k].steps == steps);
      if (!known)
        g_test_add_data_func (path, GUINT_TO_POINTER (seed), test_seed);
      if (seed == G_MAXUINT32)
        break;
    }

  return g_test_run ();
}
