/* wsp-bench-sync.c — exchange files against plain sqlite3, and a delta's cost
 *
 *   wsp-bench-sync DB.sqlite3 [--runs 3] [--app PATH] [--keep]
 *
 * DB is a database made by wsp-bench-generate (it is copied, never changed).
 * In one run, on the same machine:
 *
 *  - full export: `wspolnie --export FILE --full` against `sqlite3 -json`
 *    printing the same rows of the change log (every change with where it
 *    is numbered) into a file;
 *  - full import of that file into a new database: `wspolnie --import FILE
 *    --trust` against `sqlite3` inserting the same changes from the same
 *    JSON (as one array) with json_each, in one transaction, into the same
 *    table of a database of the same schema;
 *  - the peak memory (maximum resident set) of the export and the import;
 *  - a delta export of one new meeting (a meeting, its agenda items and
 *    its attendance: about 250 changes) for a laptop that holds everything
 *    before it, in the process, median of --runs.
 *
 * Each subprocess is timed from its start to its exit, its peak memory taken
 * from wait4(). The ratios are ours / baseline. It measures; it does not
 * judge (exit 0 unless something could not run).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <glib/gstdio.h>

#include "records/wsp-records-meetings.h"
#include "records/wsp-records-members.h"
#include "store/wsp-store.h"
#include "sync/wsp-sync.h"

extern char **environ;

typedef struct
{
  double seconds;
  double peak_mb;
  int    status;
} Run;

/* Runs @argv (with its output to @out, when not NULL), timing it and taking
 * its peak memory. */
static Run
run_command (const char * const *argv,
             const char         *out)
{
  posix_spawn_file_actions_t actions;
  struct rusage usage;
  Run r = { 0, 0, -1 };
  gint64 start;
  pid_t pid;
  int status = 0;

  posix_spawn_file_actions_init (&actions);
  if (out != NULL)
    posix_spawn_file_actions_addopen (&actions, 1, out, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  else
    posix_spawn_file_actions_addopen (&actions, 1, "/dev/null", O_WRONLY, 0);
  start = g_get_monotonic_time ();
  if (posix_spawnp (&pid, argv[0], &actions, NULL, (char * const *) argv, environ) != 0)
    {
      posix_spawn_file_actions_destroy (&actions);
      return r;
    }
  posix_spawn_file_actions_destroy (&actions);
  if (wait4 (pid, &status, 0, &usage) < 0)
    return r;
  r.seconds = (g_get_monotonic_time () - start) / 1e6;
  r.peak_mb = usage.ru_maxrss / 1024.0;
  r.status = WIFEXITED (status) ? WEXITSTATUS (status) : -1;
  return r;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, values->len / 2);
}

static gboolean
copy_file (const char  *from,
           const char  *to,
           GError     **error)
{
  g_autoptr (GFile) a = g_file_new_for_path (from);
  g_autoptr (GFile) b = g_file_new_for_path (to);

  return g_file_copy (a, b, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, error);
}

/* The NDJSON packet's changes as one JSON array, for json_each. */
static gboolean
changes_as_array (const char  *packet,
                  const char  *out,
                  guint       *count,
                  GError     **error)
{
  g_autoptr (GFile) file = g_file_new_for_path (packet);
  g_autoptr (GFileInputStream) in = g_file_read (file, NULL, error);
  g_autoptr (GDataInputStream) data = NULL;
  FILE *o;
  char *line;
  gboolean first = TRUE;

  if (in == NULL)
    return FALSE;
  o = fopen (out, "w");
  if (o == NULL)
    return FALSE;
  data = g_data_input_stream_new (G_INPUT_STREAM (in));
  fputc ('[', o);
  *count = 0;
  while ((line = g_data_input_stream_read_line (data, NULL, NULL, NULL)) != NULL)
    {
      if (g_str_has_prefix (line, "{\"entity\":"))
        {
          if (!first)
            fputc (',', o);
          fputs (line, o);
          first = FALSE;
          (*count)++;
        }
      g_free (line);
    }
  fputs ("]\n", o);
  fclose (o);
  return TRUE;
}

/* A laptop that holds everything @store holds now, named in its peers. */
static char *
add_peer_holding_all (WspStore  *store,
                      GError   **error)
{
  g_autoptr (JsonObject) have = wsp_store_dup_have (store, error);
  g_autofree char *peer = g_uuid_string_random ();
  g_autoptr (JsonNode) node = NULL;
  g_autofree char *have_text = NULL;
  g_autofree char *sql = NULL;

  if (have == NULL)
    return NULL;
  node = json_node_init_object (json_node_alloc (), have);
  have_text = json_to_string (node, FALSE);
  sql = g_strdup_printf ("INSERT INTO peers (peer_id, name, public_key, key_id, trusted, first_seen, last_seen, "
                         "have_seq) VALUES ('%s', 'Drugi laptop', NULL, NULL, 1, '2026-12-01', '2026-12-01', '%s')",
                         peer, have_text);
  if (!wsp_database_exec (wsp_store_get_database (store), sql, error))
    return NULL;
  return g_steal_pointer (&peer);
}

/* One new meeting: the meeting, 240 agenda items and a note on the
 * meeting: about 250 changes. */
static gboolean
add_meeting (WspStore  *store,
             guint     *changes,
             GError   **error)
{
  g_autoptr (GPtrArray) bodies = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (WspRecord) meeting = WSP_RECORD (wsp_meeting_new ());
  const char *body_id;
  guint n = 0;

  if (!wsp_store_query (store, WSP_TYPE_BODY, NULL, NULL, bodies, error) || bodies->len == 0)
    return FALSE;
  body_id = wsp_record_get_id (g_ptr_array_index (bodies, 0));
  if (!wsp_store_begin (store, error))
    return FALSE;
  wsp_record_set_string (meeting, "body_id", body_id);
  wsp_record_set_string (meeting, "place", "Sala sesyjna");
  wsp_record_set_string (meeting, "starts_at", "2036-12-01T17:00:00+01:00");
  if (!wsp_store_save (store, meeting, error))
    goto fail;
  n++;
  for (guint i = 0; i < 240; i++)
    {
      g_autoptr (WspRecord) item = WSP_RECORD (wsp_agenda_item_new ());
      g_autofree char *title = g_strdup_printf ("Punkt %u", i + 1);

      wsp_record_set_string (item, "meeting_id", wsp_record_get_id (meeting));
      wsp_record_set_string (item, "title", title);
      wsp_record_set_int (item, "position", (i + 1) * 1000);
      if (!wsp_store_save (store, item, error))
        goto fail;
      n++;
    }
  wsp_record_set_string (meeting, "notes", "Porządek przyjęto bez zmian.");
  if (!wsp_store_save (store, meeting, error))
    goto fail;
  n++;
  *changes = n;
  return wsp_store_commit (store, error);

fail:
  wsp_store_rollback (store);
  return FALSE;
}

int
main (int   argc,
      char *argv[])
{
  const char *db = NULL;
  const char *app = NULL;
  guint64 runs = 3;
  gboolean keep = FALSE;
  g_autofree char *dir = NULL;
  g_autofree char *source = NULL, *packet = NULL, *imported = NULL, *baseline_db = NULL;
  g_autofree char *array = NULL, *baseline_json = NULL, *sql_file = NULL;
  g_autoptr (GError) error = NULL;
  guint n_changes = 0, delta_changes = 0;
  Run export_ours, export_base, import_ours, import_base;
  GStatBuf st;

  setlocale (LC_ALL, "");
  for (int i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "--runs") == 0 && i + 1 < argc)
        g_ascii_string_to_unsigned (argv[++i], 10, 1, 100, &runs, NULL);
      else if (strcmp (argv[i], "--app") == 0 && i + 1 < argc)
        app = argv[++i];
      else if (strcmp (argv[i], "--keep") == 0)
        keep = TRUE;
      else if (db == NULL)
        db = argv[i];
    }
  if (db == NULL)
    {
      g_printerr ("usage: %s DB.sqlite3 [--runs N] [--app PATH] [--keep]\n", argv[0]);
      return 2;
    }
  if (app == NULL)
    app = g_getenv ("WSPOLNIE_APP") != NULL ? g_getenv ("WSPOLNIE_APP") : "wspolnie";

  dir = g_dir_make_tmp ("wsp-bench-sync-XXXXXX", &error);
  source = g_build_filename (dir, "source.sqlite3", NULL);
  packet = g_build_filename (dir, "full.wspolnie.json", NULL);
  imported = g_build_filename (dir, "imported.sqlite3", NULL);
  baseline_db = g_build_filename (dir, "baseline.sqlite3", NULL);
  array = g_build_filename (dir, "changes.json", NULL);
  baseline_json = g_build_filename (dir, "baseline-export.json", NULL);
  sql_file = g_build_filename (dir, "insert.sql", NULL);
  g_setenv ("WSPOLNIE_GUARD_DIR", dir, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  if (!copy_file (db, source, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  /* The copy opened once (converted, if it is of an older schema). */
  {
    const char *check[] = { app, "--database", source, "--check", NULL };
    Run r = run_command (check, NULL);

    if (r.status != 0)
      {
        g_printerr ("%s --check failed on the copy\n", app);
        return 1;
      }
  }

  /* ---- full export ---- */
  {
    const char *ours[] = { app, "--database", source, "--export", packet, "--full", NULL };
    const char *base[] = { "sqlite3", "-json", source,
                           "SELECT rev_id, record_id, entity, gen, parents, sets, hlc, stream, stream_seq, prev "
                           "FROM changes ORDER BY seq", NULL };

    export_ours = run_command (ours, NULL);
    export_base = run_command (base, baseline_json);
  }
  g_stat (packet, &st);

  /* ---- full import ---- */
  if (!changes_as_array (packet, array, &n_changes, &error))
    {
      g_printerr ("cannot read the packet\n");
      return 1;
    }
  {
    const char *ours[] = { app, "--database", imported, "--import", packet, "--trust", NULL };
    const char *create[] = { app, "--database", baseline_db, "--check", NULL };
    g_autofree char *sql = g_strdup_printf (
      "BEGIN;\n"
      "INSERT INTO changes (rev_id, record_id, entity, gen, parents, sets, hlc, stream, stream_seq, prev, chain, leaf) "
      "SELECT json_extract (value, '$.rev'), json_extract (value, '$.record'), json_extract (value, '$.entity'), "
      "json_extract (value, '$.gen'), json (json_extract (value, '$.parents')), json (json_extract (value, '$.sets')), "
      "json_extract (value, '$.hlc'), json_extract (value, '$.stream'), json_extract (value, '$.seq'), "
      "json_extract (value, '$.prev'), '', 1 FROM json_each (readfile ('%s'));\n"
      "COMMIT;\n",
      array);
    const char *base[] = { "sqlite3", baseline_db, sql, NULL };

    import_ours = run_command (ours, NULL);
    run_command (create, NULL);
    import_base = run_command (base, NULL);
  }

  /* ---- a delta of one new meeting ---- */
  {
    g_autoptr (WspStore) store = wsp_store_open (source, &error);
    g_autofree char *peer = store != NULL ? add_peer_holding_all (store, &error) : NULL;
    g_autoptr (GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
    gsize bytes = 0;

    if (peer == NULL || !add_meeting (store, &delta_changes, &error))
      {
        g_printerr ("cannot add a meeting: %s\n", error != NULL ? error->message : "?");
        return 1;
      }
    for (guint i = 0; i < runs; i++)
      {
        g_auto (WspExportReport) report = { 0 };
        g_autoptr (GBytes) delta = NULL;
        gint64 start = g_get_monotonic_time ();
        double ms;

        delta = wsp_sync_build_packet (store, peer, FALSE, &report, &error);
        ms = (g_get_monotonic_time () - start) / 1e3;
        if (delta == NULL)
          {
            g_printerr ("delta export failed: %s\n", error->message);
            return 1;
          }
        bytes = g_bytes_get_size (delta);
        delta_changes = report.revisions;
        g_array_append_val (times, ms);
      }

    g_print ("exchange files: %s (%u changes in the log; the packet %.1f MB)\n", db, n_changes,
             st.st_size / 1e6);
    g_print ("  %-28s %10s %10s %8s   %s\n", "", "ours", "baseline", "ratio", "peak memory (ours, baseline)");
    g_print ("  %-28s %9.2fs %9.2fs %8.2f   %.0f MB, %.0f MB%s\n", "full export", export_ours.seconds,
             export_base.seconds, export_ours.seconds / export_base.seconds, export_ours.peak_mb,
             export_base.peak_mb, export_ours.status == 0 ? "" : "  (FAILED)");
    g_print ("  %-28s %9.2fs %9.2fs %8.2f   %.0f MB, %.0f MB%s\n", "full import", import_ours.seconds,
             import_base.seconds, import_ours.seconds / import_base.seconds, import_ours.peak_mb,
             import_base.peak_mb, import_ours.status == 0 && import_base.status == 0 ? "" : "  (FAILED)");
    g_print ("  %-28s %8.1f ms (%u changes, %.0f kB; median of %u)\n", "delta of one new meeting", median (times),
             delta_changes, bytes / 1e3, (guint) runs);
  }

  if (keep)
    g_print ("kept in %s\n", dir);
  else
    {
      const char *rm[] = { "rm", "-rf", dir, NULL };
      run_command (rm, NULL);
    }
  return 0;
}
