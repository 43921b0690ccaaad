/* wsp-bench-startup.c — how soon the window is there, against GNOME Text Editor
 *
 * Usage: wsp-bench-startup WSPOLNIE BIG.sqlite3 [--runs 7] [--other COMMAND]
 *
 * Starts, one after the other and again for each run (so all of them meet
 * the same machine): the other application (default: gnome-text-editor
 * --standalone, a GNOME application in C that starts cold), Wspólnie on an
 * empty database, and Wspólnie on BIG (a database from
 * wsp-bench-generate). Each time it waits for the first window to become
 * viewable on the X display (a MapNotify of a top-level window), notes how
 * long that took from the start of the process, and ends the process.
 *
 * Reports the median of each and the ratios to the other application. Run
 * it on an X display (Xvfb) with a session bus (dbus-run-session), and with
 * GSETTINGS_SCHEMA_DIR pointing at the build's schemas. It measures and
 * reports; it judges nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>

#include <X11/Xlib.h>
#include <glib.h>
#include <glib/gstdio.h>

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y ? 1 : 0;
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, values->len / 2);
}

/* Starts @argv with @envp, waits for a top-level window to be mapped (or
 * 30 s), ends the process; the milliseconds it took, or -1. */
static double
time_to_window (Display  *display,
                char    **argv,
                char    **envp)
{
  Window root = DefaultRootWindow (display);
  GPid pid = 0;
  g_autoptr (GError) error = NULL;
  gint64 start, deadline;
  double ms = -1;

  XSelectInput (display, root, SubstructureNotifyMask);
  XSync (display, True); /* drop what came before */
  start = g_get_monotonic_time ();
  if (!g_spawn_async (NULL, argv, envp, G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL
                                          | G_SPAWN_STDERR_TO_DEV_NULL,
                      NULL, NULL, &pid, &error))
    {
      g_printerr ("wsp-bench-startup: %s\n", error->message);
      return -1;
    }
  deadline = start + 30 * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < deadline && ms < 0)
    {
      while (XPending (display) > 0)
        {
          XEvent event;

          XNextEvent (display, &event);
          if (event.type == MapNotify && !event.xmap.override_redirect)
            {
              ms = (g_get_monotonic_time () - start) / 1000.0;
              break;
            }
        }
      if (ms < 0)
        g_usleep (500);
    }
  kill (pid, SIGTERM);
  waitpid (pid, NULL, 0);
  g_spawn_close_pid (pid);
  /* Let the server forget the window before the next start. */
  XSync (display, True);
  g_usleep (200 * 1000);
  return ms;
}

int
main (int argc, char *argv[])
{
  g_autoptr (GOptionContext) context = g_option_context_new ("WSPOLNIE BIG.sqlite3");
  g_autoptr (GError) error = NULL;
  g_autofree char *other = NULL;
  g_autofree char *home = NULL;
  g_autofree char *empty_db = NULL;
  g_auto (GStrv) other_argv = NULL;
  g_auto (GStrv) envp = NULL;
  GArray *times[3];
  const char *names[3] = { NULL, "Wspolnie, empty database", "Wspolnie, big database" };
  Display *display;
  int runs = 7;
  GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Starts of each (default 7)", "N" },
    { "other", 0, 0, G_OPTION_ARG_STRING, &other, "The application to compare with", "COMMAND" },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 3 || runs < 1)
    {
      g_printerr ("Usage: wsp-bench-startup WSPOLNIE BIG.sqlite3 [--runs 7] [--other COMMAND]\n");
      return 2;
    }
  if (other == NULL)
    other = g_strdup ("gnome-text-editor --standalone");
  if (!g_shell_parse_argv (other, NULL, &other_argv, &error))
    {
      g_printerr ("wsp-bench-startup: %s\n", error->message);
      return 2;
    }
  names[0] = other;

  display = XOpenDisplay (NULL);
  if (display == NULL)
    {
      g_printerr ("wsp-bench-startup: no X display (run it under Xvfb)\n");
      return 1;
    }

  /* Private settings and data for every start: nothing is restored. */
  home = g_dir_make_tmp ("wsp-bench-startup-XXXXXX", NULL);
  envp = g_get_environ ();
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", home, TRUE);
  envp = g_environ_setenv (envp, "XDG_CONFIG_HOME", home, TRUE);
  envp = g_environ_setenv (envp, "XDG_STATE_HOME", home, TRUE);
  envp = g_environ_setenv (envp, "XDG_CACHE_HOME", home, TRUE);
  envp = g_environ_setenv (envp, "GSETTINGS_BACKEND", "memory", TRUE);
  envp = g_environ_setenv (envp, "NO_AT_BRIDGE", "1", TRUE);
  empty_db = g_build_filename (home, "empty.sqlite3", NULL);

  for (guint k = 0; k < 3; k++)
    times[k] = g_array_new (FALSE, FALSE, sizeof (double));

  for (int run = -1; run < runs; run++)
    for (guint k = 0; k < 3; k++)
      {
        char *wsp_argv[] = { argv[1], (char *) "--database", k == 1 ? empty_db : argv[2], NULL };
        double ms = time_to_window (display, k == 0 ? other_argv : wsp_argv, envp);

        /* The first round warms the disk cache and makes the empty database. */
        if (run >= 0 && ms >= 0)
          g_array_append_val (times[k], ms);
      }

  for (guint k = 0; k < 3; k++)
    g_print ("%-40s %8.1f ms (median of %u)\n", names[k], times[k]->len > 0 ? median (times[k]) : -1.0,
             times[k]->len);
  if (times[0]->len > 0 && times[1]->len > 0 && times[2]->len > 0)
    {
      double base = median (times[0]);
      g_print ("ratio, empty database / %s: %.2f\n", other, median (times[1]) / base);
      g_print ("ratio, big database / %s: %.2f\n", other, median (times[2]) / base);
    }

  for (guint k = 0; k < 3; k++)
    g_array_unref (times[k]);
  XCloseDisplay (display);
  {
    g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", home);
    if (system (cmd) != 0)
      g_printerr ("wsp-bench-startup: could not remove %s\n", home);
  }
  return 0;
}
