/* test-convergence.c — laptops keeping in step show every write the people
 * made, or a conflict about it (wsp-convergence.c)
 *
 * Environment, for longer runs by hand:
 *   WSP_CONVERGENCE_SEEDS=FIRST-LAST   the seeds to run (default 1-40)
 *   WSP_CONVERGENCE_STEPS=N            steps per seed (default 150)
 * See wsp-convergence.h for TRACE and KEEP.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "wsp-test-util.h"

#include <stdlib.h>

#include "wsp-convergence.h"

/* Under AddressSanitizer (build-aux/dev.sh sanitize) a seed takes about ten
 * times longer: fewer, shorter runs there check memory. */
#if defined(__SANITIZE_ADDRESS__)
#define UNDER_SANITIZER 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_SANITIZER 1
#endif
#endif

#ifdef UNDER_SANITIZER
#define DEFAULT_LAST_SEED 6
#define DEFAULT_STEPS 80
#else
#define DEFAULT_LAST_SEED 40
#define DEFAULT_STEPS 150
#endif

static guint steps = DEFAULT_STEPS;

static void
test_seed (gconstpointer data)
{
  guint32 seed = GPOINTER_TO_UINT (data);
  guint laptops = 3 + seed % 2;
  WspConvergenceEvents events = wsp_convergence_events_for_seed (seed);
  WspConvergenceStats s = { 0 };
  g_autoptr (GError) error = NULL;

  g_test_set_nonfatal_assertions ();
  if (!wsp_convergence_run (seed, laptops, steps, events, &s, &error))
    {
      g_test_fail_printf ("%s", error->message);
      return;
    }
  g_test_message ("seed %u, %u laptops: %.2f s; %u saves (%u set only what was shown), %u created (%u votes), "
                  "%u deleted, %u restored, %u resolutions; %u imports (%u deltas, %u late), refused %u stale "
                  "and %u for a new key; %u backups, %u restores (%u writes lost with them), %u copies (%u new "
                  "laptops), %u new keys, %u hostile files refused; %u conflicts seen in %u checks; %u final rounds",
                  seed, laptops, s.seconds, s.saves, s.writes_unchanged, s.creations, s.votes, s.deletes,
                  s.undeletes, s.resolutions, s.exchanges, s.deltas, s.late, s.refused_stale, s.refused_key,
                  s.backups, s.restores, s.lost_by_restore, s.copies, s.new_identities, s.new_keys, s.hostile,
                  s.conflicts_seen, s.checks, s.rounds);
  g_assert_cmpuint (s.saves, >, 0);
  g_assert_cmpuint (s.exchanges, >, 0);
  g_assert_cmpuint (s.checks, >, 0);
}

int
main (int argc, char *argv[])
{
  const char *range = g_getenv ("WSP_CONVERGENCE_SEEDS");
  const char *steps_text = g_getenv ("WSP_CONVERGENCE_STEPS");
  guint64 first = 1, last = DEFAULT_LAST_SEED;

  g_test_init (&argc, &argv, NULL);
  if (range != NULL)
    {
      g_auto (GStrv) parts = g_strsplit (range, "-", 2);

      g_ascii_string_to_unsigned (parts[0], 10, 1, G_MAXUINT32, &first, NULL);
      last = first;
      if (parts[1] != NULL)
        g_ascii_string_to_unsigned (parts[1], 10, first, G_MAXUINT32, &last, NULL);
    }
  if (steps_text != NULL)
    steps = (guint) g_ascii_strtoull (steps_text, NULL, 10);
  for (guint64 seed = first; seed <= last; seed++)
    {
      g_autofree char *path = g_strdup_printf ("/convergence/seed-%" G_GUINT64_FORMAT, seed);
      g_test_add_data_func (path, GUINT_TO_POINTER ((guint) seed), test_seed);
    }
  return g_test_run ();
}
