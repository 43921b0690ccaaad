/* wsp-bench-notify.c — what a commit costs the lists that are open
 *
 * Usage: wsp-bench-notify DB.sqlite3 [--runs 7]
 *
 * DB is a database made by wsp-bench-generate; it is copied first (the
 * benchmark saves records), and the copy deleted at the end.
 *
 * 1. 500 saves of new organisations in one transaction, with three live
 *    lists open (every organisation, every person, the meetings of the body
 *    with the most), against the same with no list open. Runs alternate, so
 *    both see the same machine; the figure is the ratio of the medians.
 * 2. One vote saved in a ballot whose vote list is open, until the list
 *    shows it (the notification is synchronous: when the save returns, the
 *    list has its new row): the median time of one vote, in milliseconds.
 *
 * It measures and reports; it judges nothing and exits 0 unless the
 * database cannot be read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include <glib/gstdio.h>

#include "records/wsp-records-meetings.h"
#include "records/wsp-records-members.h"
#include "records/wsp-records-votes.h"
#include "store/wsp-record-list.h"
#include "store/wsp-store.h"

#define SAVES 500

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

static void
die (GError *error)
{
  g_printerr ("wsp-bench-notify: %s\n", error->message);
  exit (1);
}

/* The first value of @sql's first row, as text. */
static char *
query_text (WspStore   *store,
            const char *sql)
{
  sqlite3_stmt *stmt = wsp_database_statement (wsp_store_get_database (store), sql, NULL);
  char *text = NULL;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return text;
}

/* 500 new organisations in one transaction; milliseconds. */
static double
batch (WspStore *store,
       guint     run)
{
  g_autoptr (GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  if (!wsp_store_begin (store, &error))
    die (error);
  for (guint i = 0; i < SAVES; i++)
    {
      g_autoptr (WspRecord) org = WSP_RECORD (wsp_organisation_new ());
      g_autofree char *name = g_strdup_printf ("Stowarzyszenie próbne %u/%u", run, i);

      wsp_record_set_string (org, "name", name);
      if (!wsp_store_save (store, org, &error))
        die (error);
    }
  if (!wsp_store_commit (store, &error))
    die (error);
  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GOptionContext) context = g_option_context_new ("DB.sqlite3");
  g_autoptr (WspStore) store = NULL;
  g_autoptr (GArray) with_lists = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) without = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) vote_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *dir = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *body_id = NULL;
  g_autofree char *ballot_id = NULL;
  g_autofree char *seat_id = NULL;
  g_autoptr (GListModel) votes = NULL;
  int runs = 7;
  GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Samples of each (default 7)", "N" },
    { NULL }
  };

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2 || runs < 1)
    {
      g_printerr ("Usage: wsp-bench-notify DB.sqlite3 [--runs 7]\n");
      return 2;
    }

  /* A copy, made with the store's own backup, so the original stays as it is. */
  {
    g_autoptr (WspStore) original = wsp_store_open (argv[1], &error);

    if (original == NULL)
      die (error);
    dir = g_dir_make_tmp ("wsp-bench-notify-XXXXXX", &error);
    if (dir == NULL)
      die (error);
    copy = g_build_filename (dir, "copy.sqlite3", NULL);
    if (!wsp_database_backup (wsp_store_get_database (original), copy, &error))
      die (error);
  }
  store = wsp_store_open (copy, &error);
  if (store == NULL)
    die (error);
  body_id = query_text (store, "SELECT body_id FROM meeting GROUP BY body_id ORDER BY count(*) DESC LIMIT 1");
  ballot_id = query_text (store, "SELECT ballot_id FROM vote GROUP BY ballot_id ORDER BY count(*) DESC LIMIT 1");
  seat_id = query_text (store, "SELECT id FROM seat LIMIT 1");
  if (body_id == NULL || ballot_id == NULL || seat_id == NULL)
    {
      g_printerr ("wsp-bench-notify: %s has no meetings or votes; make it with wsp-bench-generate\n", argv[1]);
      return 1;
    }

  {
    g_autofree char *n = query_text (store, "SELECT count(*) FROM records");
    g_print ("%s: %s records\n", argv[1], n);
  }

  /* 1. A batch of saves, with three lists open and with none, alternately. */
  for (int run = 0; run < runs; run++)
    {
      double ms;

      ms = batch (store, 2 * run);
      g_array_append_val (without, ms);
      {
        g_autoptr (GListModel) orgs = G_LIST_MODEL (wsp_record_list_new (store, WSP_TYPE_ORGANISATION, NULL, NULL));
        g_autoptr (GListModel) people = G_LIST_MODEL (wsp_record_list_new (store, WSP_TYPE_PERSON, NULL, NULL));
        g_autoptr (GListModel) meetings = G_LIST_MODEL (wsp_record_list_new (store, WSP_TYPE_MEETING, "body_id", body_id));
        guint before = g_list_model_get_n_items (orgs);

        ms = batch (store, 2 * run + 1);
        g_array_append_val (with_lists, ms);
        if (g_list_model_get_n_items (orgs) != before + SAVES)
          g_printerr ("wsp-bench-notify: the list of organisations did not follow the saves\n");
      }
    }

  /* 2. One vote at a time into an open ballot's list. */
  votes = G_LIST_MODEL (wsp_record_list_new (store, WSP_TYPE_VOTE, "ballot_id", ballot_id));
  for (int i = 0; i < 10 * runs; i++)
    {
      g_autoptr (WspRecord) vote = WSP_RECORD (wsp_vote_new ());
      guint before = g_list_model_get_n_items (votes);
      gint64 start;
      double ms;

      wsp_record_set_string (vote, "ballot_id", ballot_id);
      wsp_record_set_string (vote, "seat_id", seat_id);
      wsp_record_set_string (vote, "choice", "for");
      wsp_record_set_string (vote, "cast_at", "2026-12-01T17:00:00+01:00");
      start = g_get_monotonic_time ();
      if (!wsp_store_save (store, vote, &error))
        die (error);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      if (g_list_model_get_n_items (votes) != before + 1)
        g_printerr ("wsp-bench-notify: the ballot's list did not show the vote\n");
      g_array_append_val (vote_ms, ms);
    }

  {
    double a = median (with_lists), b = median (without);

    g_print ("%d saves in one transaction, 3 lists open: %.1f ms; none open: %.1f ms; ratio %.2f\n",
             SAVES, a, b, a / b);
    g_print ("one vote saved and shown in an open ballot list (%u votes): %.2f ms (median of %u)\n",
             g_list_model_get_n_items (votes), median (vote_ms), vote_ms->len);
  }

  g_clear_object (&votes);
  g_clear_object (&store);
  {
    g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);
        g_unlink (path);
      }
    g_rmdir (dir);
  }
  return 0;
}
