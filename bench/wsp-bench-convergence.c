/* wsp-bench-convergence.c — the convergence harness over many seeds
 *
 *   wsp-bench-convergence [SEEDS] [STEPS]      (default 1000 seeds of 150 steps)
 *
 * Runs tests/wsp-convergence.c — people saving on 3–4 laptops that
 * exchange packets, restore backups, copy databases, make new keys and
 * receive forged files, every laptop checked against what the people wrote
 * after every save and exchange — for seeds 1..SEEDS, and reports what the
 * runs did, how long they took and every seed that failed. A measuring
 * program: the exit status is 1 only when a seed failed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include "wsp-convergence.h"

int
main (int   argc,
      char *argv[])
{
  guint64 seeds = 1000, steps = 150;
  WspConvergenceStats t = { 0 };
  guint failed = 0;
  gint64 start;
  double seconds, slowest = 0;
  guint32 slowest_seed = 0;

  setlocale (LC_ALL, "");
  if ((argc > 1 && !g_ascii_string_to_unsigned (argv[1], 10, 1, 1000000, &seeds, NULL))
      || (argc > 2 && !g_ascii_string_to_unsigned (argv[2], 10, 1, 100000, &steps, NULL)))
    {
      g_printerr ("usage: %s [SEEDS] [STEPS]\n", argv[0]);
      return 2;
    }

  start = g_get_monotonic_time ();
  for (guint32 seed = 1; seed <= seeds; seed++)
    {
      WspConvergenceStats s = { 0 };
      g_autoptr (GError) error = NULL;
      WspConvergenceEvents events = wsp_convergence_events_for_seed (seed);

      if (!wsp_convergence_run (seed, 3 + seed % 2, (guint) steps, events, &s, &error))
        {
          failed++;
          g_print ("seed %u: %s\n", seed, error->message);
        }
      t.saves += s.saves;
      t.writes_unchanged += s.writes_unchanged;
      t.creations += s.creations;
      t.votes += s.votes;
      t.deletes += s.deletes;
      t.undeletes += s.undeletes;
      t.resolutions += s.resolutions;
      t.exchanges += s.exchanges;
      t.deltas += s.deltas;
      t.late += s.late;
      t.refused_stale += s.refused_stale;
      t.refused_key += s.refused_key;
      t.backups += s.backups;
      t.restores += s.restores;
      t.copies += s.copies;
      t.new_identities += s.new_identities;
      t.new_keys += s.new_keys;
      t.hostile += s.hostile;
      t.conflicts_seen += s.conflicts_seen;
      t.checks += s.checks;
      t.lost_by_restore += s.lost_by_restore;
      if (s.seconds > slowest)
        {
          slowest = s.seconds;
          slowest_seed = seed;
        }
      if (seed % 100 == 0)
        g_printerr ("%u seeds, %.1f s\n", seed, (g_get_monotonic_time () - start) / 1e6);
    }
  seconds = (g_get_monotonic_time () - start) / 1e6;

  g_print ("convergence: %" G_GUINT64_FORMAT " seeds × %" G_GUINT64_FORMAT " steps, 3–4 laptops "
           "(a third of the seeds plain; the others with forged files and copies, and either restored "
           "backups or new keys)\n",
           seeds, steps);
  g_print ("  time       %.1f s in all, %.1f ms a seed on average, slowest seed %u (%.0f ms)\n", seconds,
           seconds * 1000 / seeds, slowest_seed, slowest * 1000);
  g_print ("  people     %u saves (%u created, %u of them votes; %u deletes, %u restores, %u resolutions), "
           "%u saves that set only what was shown\n",
           t.saves, t.creations, t.votes, t.deletes, t.undeletes, t.resolutions, t.writes_unchanged);
  g_print ("  exchanges  %u imports (%u deltas, %u late or again); refused: %u stale deltas, %u for a key "
           "not accepted yet\n",
           t.exchanges, t.deltas, t.late, t.refused_stale, t.refused_key);
  g_print ("  trouble    %u backups, %u restores (%u writes lost with them), %u copies (%u became laptops of "
           "their own), %u new keys, %u forged or damaged files, all refused\n",
           t.backups, t.restores, t.lost_by_restore, t.copies, t.new_identities, t.new_keys, t.hostile);
  g_print ("  checked    %u records against what the people wrote, %u times a conflict to show\n", t.checks,
           t.conflicts_seen);
  g_print ("  failed     %u of %" G_GUINT64_FORMAT " seeds\n", failed, seeds);
  return failed > 0 ? 1 : 0;
}
