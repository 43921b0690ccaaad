/* wsp-bench-convergence.c — the convergence harness over many seeds
 *
 *   wsp-bench-convergence [SEEDS] [STEPS]      (default 1000 seeds of 120 steps)
 *
 * Runs tests/wsp-convergence.c's randomized exchange between 3–5 laptops
 * for seeds 1..SEEDS and reports how long it took, what the runs did and any
 * seed whose invariants failed. A measuring program: it reports, it does not
 * judge speed (the exit status is 1 only when an invariant failed).
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
  guint64 seeds = 1000, steps = 120;
  WspConvergenceStats total = { 0 };
  guint failed = 0;
  gint64 start;
  double seconds, slowest = 0;
  guint32 slowest_seed = 0;

  setlocale (LC_ALL, "");
  if (argc > 1 && !g_ascii_string_to_unsigned (argv[1], 10, 1, 1000000, &seeds, NULL))
    {
      g_printerr ("usage: %s [SEEDS] [STEPS]\n", argv[0]);
      return 2;
    }
  if (argc > 2 && !g_ascii_string_to_unsigned (argv[2], 10, 1, 100000, &steps, NULL))
    {
      g_printerr ("usage: %s [SEEDS] [STEPS]\n", argv[0]);
      return 2;
    }

  start = g_get_monotonic_time ();
  for (guint32 seed = 1; seed <= seeds; seed++)
    {
      WspConvergenceStats s = { 0 };
      g_autoptr (GError) error = NULL;

      if (!wsp_convergence_run (seed, 3 + seed % 3, (guint) steps, &s, &error))
        {
          failed++;
          g_print ("seed %u: %s\n", seed, error->message);
        }
      total.packets_sent += s.packets_sent;
      total.packets_dropped += s.packets_dropped;
      total.packets_duplicated += s.packets_duplicated;
      total.packets_delayed += s.packets_delayed;
      total.packets_forwarded += s.packets_forwarded;
      total.imports += s.imports;
      total.edits += s.edits;
      total.conflicts_seen += s.conflicts_seen;
      total.resolutions += s.resolutions;
      total.revisions_total += s.revisions_total;
      total.ambiguous_merges += s.ambiguous_merges;
      if (s.seconds > slowest)
        {
          slowest = s.seconds;
          slowest_seed = seed;
        }
      if (seed % 100 == 0)
        g_printerr ("%u seeds, %.1f s\n", seed, (g_get_monotonic_time () - start) / 1e6);
    }
  seconds = (g_get_monotonic_time () - start) / 1e6;

  g_print ("convergence: %" G_GUINT64_FORMAT " seeds × %" G_GUINT64_FORMAT " steps, 3–5 laptops\n",
           seeds, steps);
  g_print ("  time      %.1f s in all, %.1f ms a seed on average, slowest seed %u (%.0f ms)\n",
           seconds, seconds * 1000 / seeds, slowest_seed, slowest * 1000);
  g_print ("  packets   %u sent, %u dropped, %u duplicated, %u delayed, %u forwarded; %u imports\n",
           total.packets_sent, total.packets_dropped, total.packets_duplicated,
           total.packets_delayed, total.packets_forwarded, total.imports);
  g_print ("  changes   %u edits, %u conflicts seen, %u resolved, %u criss-cross merges, "
           "%u revisions held at the end\n",
           total.edits, total.conflicts_seen, total.resolutions, total.ambiguous_merges,
           total.revisions_total);
  g_print ("  invariants held in %" G_GUINT64_FORMAT " of %" G_GUINT64_FORMAT " seeds\n",
           seeds - failed, seeds);
  return failed > 0 ? 1 : 0;
}
