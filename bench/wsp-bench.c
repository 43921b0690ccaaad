/* wsp-bench.c — how fast the store is, against raw SQLite on the same file
 *
 * Usage: wsp-bench DB.sqlite3 [--runs 5] [--sample-ms 20]
 *
 * DB is a database made by wsp-bench-generate. Each operation is timed
 * through the store and through a baseline that does the least SQLite work
 * giving the same rows, on the same file in the same run, and reported as
 * a ratio ours / baseline. Each figure is the median of --runs samples;
 * a sample repeats the operation until it lasts about --sample-ms (fast
 * operations would otherwise be below the clock's resolution) and gives the
 * time of one operation. Objects an operation returns are freed after the
 * clock stops, for the store and the baseline alike.
 *
 * It measures; it does not judge: there are no thresholds, and it exits 0
 * unless the database cannot be read. The save at the end changes one
 * organisation's notes, so run it on a copy you do not need.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "records/wsp-entities.h"
#include "records/wsp-records-meetings.h"
#include "records/wsp-records-votes.h"
#include "records/wsp-records-drafts.h"
#include "records/wsp-records-members.h"
#include "records/wsp-record.h"
#include "store/wsp-record-list.h"
#include "store/wsp-store.h"

#define SEARCH_TEXT  "zielone"
#define SEARCH_LIMIT 50
#define MAX_ITERS    5000

typedef struct
{
  const char *path;
  WspStore   *store;     /* for the lists, the search and the save */
  sqlite3    *raw;       /* the baseline's connection */
  GHashTable *stmts;     /* SQL → sqlite3_stmt on @raw */
  guint       n_records;
  char       *body_id;
  char       *meeting_id;
  char       *ballot_id;
  char       *version_id;
  char       *org_id;
  WspRecord  *org;       /* edited by the save */
  guint       edits;
  gsize       sink;      /* bytes touched, so no read is optimised away */
} Bench;

typedef gboolean (*RunFunc) (gpointer    data,
                             guint      *rows,
                             GPtrArray  *garbage,
                             GError    **error);

typedef struct
{
  double ms;
  guint  rows;
  guint  iters;
} Result;

static guint runs = 5;
static gint sample_ms = 20;

static gboolean
sql_error (sqlite3     *db,
           const char  *what,
           GError     **error)
{
  g_set_error (error, WSP_DATABASE_ERROR, WSP_DATABASE_ERROR_QUERY, "%s: %s", what,
               sqlite3_errmsg (db));
  return FALSE;
}

/* A prepared statement on the baseline's connection, kept for reuse like the
 * store keeps its own. */
static sqlite3_stmt *
raw_statement (Bench       *bench,
               const char  *sql,
               GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (bench->stmts, sql);

  if (stmt == NULL)
    {
      if (sqlite3_prepare_v2 (bench->raw, sql, -1, &stmt, NULL) != SQLITE_OK)
        {
          sql_error (bench->raw, sql, error);
          return NULL;
        }
      g_hash_table_insert (bench->stmts, g_strdup (sql), stmt);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return stmt;
}

/* The first column of the first row of @sql as text (NULL when no row). */
static char *
raw_text (Bench       *bench,
          const char  *sql,
          GError     **error)
{
  sqlite3_stmt *stmt = raw_statement (bench, sql, error);
  char *text = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  else if (rc != SQLITE_DONE)
    sql_error (bench->raw, sql, error);
  sqlite3_reset (stmt);
  return text;
}

static gint64
raw_count (Bench      *bench,
           const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  g_autofree char *text = raw_text (bench, sql, NULL);

  return text != NULL ? g_ascii_strtoll (text, NULL, 10) : -1;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

/* Times @func: two calls to warm up and calibrate, then @runs samples of
 * enough calls to last about @sample_ms each; the median time of one call. */
static gboolean
measure (RunFunc          func,
         gpointer         data,
         GDestroyNotify   free_garbage,
         Result          *result,
         GError         **error)
{
  g_autofree double *samples = g_new0 (double, runs);
  g_autoptr (GPtrArray) garbage = g_ptr_array_new_with_free_func (free_garbage);
  gint64 sample_us = (gint64) sample_ms * 1000;
  gint64 start, once = 0;

  for (guint w = 0; w < 2; w++)
    {
      start = g_get_monotonic_time ();
      if (!func (data, &result->rows, garbage, error))
        return FALSE;
      once = g_get_monotonic_time () - start;
      g_ptr_array_set_size (garbage, 0);
    }
  result->iters = once >= sample_us ? 1 : (guint) MIN (MAX_ITERS, sample_us / MAX (once, 1));

  for (guint r = 0; r < runs; r++)
    {
      start = g_get_monotonic_time ();
      for (guint i = 0; i < result->iters; i++)
        if (!func (data, &result->rows, garbage, error))
          return FALSE;
      samples[r] = (g_get_monotonic_time () - start) / 1000.0 / result->iters;
      g_ptr_array_set_size (garbage, 0);
    }
  qsort (samples, runs, sizeof (double), compare_doubles);
  result->ms = runs % 2 == 1 ? samples[runs / 2] : (samples[runs / 2 - 1] + samples[runs / 2]) / 2;
  return TRUE;
}

/* ---- open ---------------------------------------------------------------- */

static gboolean
open_ours (gpointer    data,
           guint      *rows,
           GPtrArray  *garbage,
           GError    **error)
{
  Bench *bench = data;
  WspStore *store = wsp_store_open (bench->path, error);

  if (store == NULL)
    return FALSE;
  g_ptr_array_add (garbage, store);
  *rows = bench->n_records;
  return TRUE;
}

static void
close_raw (gpointer db)
{
  sqlite3_close_v2 (db);
}

static gboolean
open_baseline (gpointer    data,
               guint      *rows,
               GPtrArray  *garbage,
               GError    **error)
{
  Bench *bench = data;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_open_v2 (bench->path, &db, SQLITE_OPEN_READWRITE, NULL);

  if (rc != SQLITE_OK)
    {
      sql_error (db, "Cannot open the database", error);
      sqlite3_close_v2 (db);
      return FALSE;
    }
  g_ptr_array_add (garbage, db);
  if (sqlite3_prepare_v2 (db, "SELECT count(*) FROM records", -1, &stmt, NULL) != SQLITE_OK)
    return sql_error (db, "Cannot count the records", error);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    *rows = (guint) sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return TRUE;
}

/* ---- lists --------------------------------------------------------------- */

typedef struct
{
  Bench      *bench;
  GType       type;
  const char *field;
  const char *value;
  char       *sql;    /* the baseline's */
} List;

static gboolean
list_ours (gpointer    data,
           guint      *rows,
           GPtrArray  *garbage,
           GError    **error)
{
  List *list = data;
  GListModel *model = G_LIST_MODEL (wsp_record_list_new (list->bench->store, list->type, list->field, list->value));

  *rows = g_list_model_get_n_items (model);
  g_ptr_array_add (garbage, model);
  return TRUE;
}

/* Steps over every row and touches every column's text. */
static gboolean
step_all (Bench         *bench,
          sqlite3_stmt  *stmt,
          guint         *rows,
          GError       **error)
{
  int n_columns = sqlite3_column_count (stmt);
  guint n = 0;
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (int c = 0; c < n_columns; c++)
        {
          const unsigned char *text = sqlite3_column_text (stmt, c);
          bench->sink += (gsize) sqlite3_column_bytes (stmt, c) + (text != NULL ? text[0] : 0);
        }
      n++;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return sql_error (bench->raw, "Cannot read the rows", error);
  *rows = n;
  return TRUE;
}

static gboolean
list_baseline (gpointer    data,
               guint      *rows,
               GPtrArray  *garbage,
               GError    **error)
{
  List *list = data;
  sqlite3_stmt *stmt = raw_statement (list->bench, list->sql, error);

  if (stmt == NULL)
    return FALSE;
  if (list->field != NULL)
    sqlite3_bind_text (stmt, 1, list->value, -1, SQLITE_STATIC);
  return step_all (list->bench, stmt, rows, error);
}

/* The same rows and columns as wsp_store_query() reads, in the same order
 * but with SQLite's own text comparison: the raw connection has no
 * LOCALIZED collation, which the store registers. CROSS JOIN keeps the
 * entity's table as the outer loop: without statistics SQLite may otherwise
 * walk every record to list 500 people, and the baseline is meant to be the
 * least work that gives these rows. */
static char *
baseline_list_sql (GType       type,
                   const char *field)
{
  g_autoptr (GTypeClass) klass = g_type_class_ref (type);
  const WspEntity *entity = WSP_RECORD_CLASS (klass)->entity;
  g_autofree char *order_sql = wsp_entity_order_sql (entity, "e");
  g_autoptr (GString) order = g_string_new (order_sql);
  g_autoptr (GString) sql = g_string_new (NULL);

  g_string_replace (order, " COLLATE LOCALIZED", "", 0);
  g_string_append_printf (sql,
                          "SELECT r.id, r.entity, r.winner, r.conflicts, r.body FROM %s e "
                          "CROSS JOIN records r ON r.id = e.id",
                          entity->name);
  if (field != NULL)
    g_string_append_printf (sql, " WHERE e.%s = ?", field);
  g_string_append_printf (sql, " ORDER BY %s", order->str);
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

/* ---- search -------------------------------------------------------------- */

static gboolean
search_ours (gpointer    data,
             guint      *rows,
             GPtrArray  *garbage,
             GError    **error)
{
  Bench *bench = data;
  GListModel *model = wsp_store_search (bench->store, SEARCH_TEXT, SEARCH_LIMIT, error);

  if (model == NULL)
    return FALSE;
  *rows = g_list_model_get_n_items (model);
  g_ptr_array_add (garbage, model);
  return TRUE;
}

static gboolean
search_baseline (gpointer    data,
                 guint      *rows,
                 GPtrArray  *garbage,
                 GError    **error)
{
  Bench *bench = data;
  sqlite3_stmt *stmt = raw_statement (bench,
                                      "SELECT record_id FROM search WHERE search MATCH "
                                      "'\"" SEARCH_TEXT "\"*' LIMIT " G_STRINGIFY (SEARCH_LIMIT),
                                      error);

  if (stmt == NULL)
    return FALSE;
  return step_all (bench, stmt, rows, error);
}

/* ---- save ---------------------------------------------------------------- */

static gboolean
save_ours (gpointer    data,
           guint      *rows,
           GPtrArray  *garbage,
           GError    **error)
{
  Bench *bench = data;
  g_autofree char *notes = g_strdup_printf ("Notatka po posiedzeniu, wersja %u", ++bench->edits);

  wsp_record_set_string (bench->org, "notes", notes);
  if (!wsp_store_save (bench->store, bench->org, error))
    return FALSE;
  *rows = 1;
  return TRUE;
}

static gboolean
save_baseline (gpointer    data,
               guint      *rows,
               GPtrArray  *garbage,
               GError    **error)
{
  Bench *bench = data;
  g_autofree char *notes = g_strdup_printf ("Notatka po posiedzeniu, wersja %u", ++bench->edits);
  sqlite3_stmt *stmt;
  int rc;

  if (sqlite3_exec (bench->raw, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
    return sql_error (bench->raw, "Cannot start a transaction", error);
  stmt = raw_statement (bench, "UPDATE organisation SET notes = ? WHERE id = ?", error);
  if (stmt == NULL)
    {
      sqlite3_exec (bench->raw, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, notes, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, bench->org_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      sql_error (bench->raw, "Cannot update the organisation", error);
      sqlite3_exec (bench->raw, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  if (sqlite3_exec (bench->raw, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
    return sql_error (bench->raw, "Cannot commit", error);
  *rows = (guint) sqlite3_changes (bench->raw);
  return TRUE;
}

/* ---- the report ---------------------------------------------------------- */

static void
print_row (const char   *operation,
           const Result *ours,
           const Result *base)
{
  g_autofree char *rows = ours->rows == base->rows
                            ? g_strdup_printf ("%u", ours->rows)
                            : g_strdup_printf ("%u/%u", ours->rows, base->rows);

  double ratio = base->ms > 0 ? ours->ms / base->ms : 0.0;

  g_print ("%-38s %9s %11.3f %14.3f %8.*fx\n", operation, rows, ours->ms, base->ms,
           ratio < 10 ? 2 : 1, ratio);
}

static gboolean
run_case (const char      *operation,
          RunFunc          ours_func,
          gpointer         ours_data,
          GDestroyNotify   ours_free,
          RunFunc          base_func,
          gpointer         base_data,
          GDestroyNotify   base_free,
          GError         **error)
{
  Result ours = { 0 }, base = { 0 };

  if (!measure (ours_func, ours_data, ours_free, &ours, error))
    {
      g_prefix_error (error, "%s (store): ", operation);
      return FALSE;
    }
  if (!measure (base_func, base_data, base_free, &base, error))
    {
      g_prefix_error (error, "%s (baseline): ", operation);
      return FALSE;
    }
  print_row (operation, &ours, &base);
  return TRUE;
}

static gint64
file_size (const char *path)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    return 0;
  return (gint64) st.st_size;
}

static void
print_sizes (Bench *bench)
{
  g_autofree char *wal = g_strconcat (bench->path, "-wal", NULL);
  gint64 main_size = file_size (bench->path);
  gint64 wal_size = file_size (wal);
  const char *extra[] = { "records", "revisions", "conflicts", "search" };
  const GType *types;
  guint n_types;

  g_print ("Database: %s\n", bench->path);
  g_print ("  file %.1f MiB (%" G_GINT64_FORMAT " bytes), write-ahead log %.1f MiB\n",
           main_size / (1024.0 * 1024.0), main_size, wal_size / (1024.0 * 1024.0));
  g_print ("  rows:");
  for (guint i = 0; i < G_N_ELEMENTS (extra); i++)
    g_print (" %s %" G_GINT64_FORMAT "%s", extra[i], raw_count (bench, extra[i]),
             i + 1 < G_N_ELEMENTS (extra) ? "," : "\n");
  types = wsp_entities_get_types (&n_types);
  g_print ("  per kind:");
  for (guint i = 0; i < n_types; i++)
    {
      g_autoptr (GTypeClass) klass = g_type_class_ref (types[i]);
      const char *name = WSP_RECORD_CLASS (klass)->entity->name;

      g_print ("%s %s %" G_GINT64_FORMAT "%s", i % 6 == 0 && i > 0 ? "\n   " : "", name,
               raw_count (bench, name), i + 1 < n_types ? "," : "\n");
    }
}

/* The most-filled target of each per-parent list: its worst case. */
static gboolean
find_targets (Bench   *bench,
              GError **error)
{
  static const struct
  {
    const char *what;
    const char *sql;
    gsize       offset;
  } targets[] = {
    { "meetings", "SELECT body_id FROM meeting GROUP BY body_id "
      "ORDER BY count(*) DESC, body_id LIMIT 1", G_STRUCT_OFFSET (Bench, body_id) },
    { "agenda items", "SELECT meeting_id FROM agenda_item GROUP BY meeting_id "
      "ORDER BY count(*) DESC, meeting_id LIMIT 1", G_STRUCT_OFFSET (Bench, meeting_id) },
    { "votes", "SELECT ballot_id FROM vote GROUP BY ballot_id "
      "ORDER BY count(*) DESC, ballot_id LIMIT 1", G_STRUCT_OFFSET (Bench, ballot_id) },
    { "comments", "SELECT version_id FROM comment GROUP BY version_id "
      "ORDER BY count(*) DESC, version_id LIMIT 1", G_STRUCT_OFFSET (Bench, version_id) },
    { "organisations", "SELECT id FROM organisation ORDER BY name, id LIMIT 1",
      G_STRUCT_OFFSET (Bench, org_id) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      g_autoptr (GError) local_error = NULL;
      char *id = raw_text (bench, targets[i].sql, &local_error);

      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (id == NULL)
        {
          g_set_error (error, WSP_STORE_ERROR, WSP_STORE_ERROR_NOT_FOUND,
                       "the database has no %s; make one with wsp-bench-generate", targets[i].what);
          return FALSE;
        }
      G_STRUCT_MEMBER (char *, bench, targets[i].offset) = id;
    }
  return TRUE;
}

static gboolean
run (Bench   *bench,
     GError **error)
{
  g_autofree char *records = NULL;
  struct
  {
    const char *operation;
    GType       type;
    const char *field;
    const char *value;
  } lists[] = {
    { "list organisations (all)", WSP_TYPE_ORGANISATION, NULL, NULL },
    { "list meetings of one body", WSP_TYPE_MEETING, "body_id", bench->body_id },
    { "list agenda items of one meeting", WSP_TYPE_AGENDA_ITEM, "meeting_id", bench->meeting_id },
    { "list votes of one ballot", WSP_TYPE_VOTE, "ballot_id", bench->ballot_id },
    { "list comments of one draft version", WSP_TYPE_COMMENT, "version_id", bench->version_id },
    { "list people (all)", WSP_TYPE_PERSON, NULL, NULL },
  };

  g_print ("\n%-38s %9s %11s %14s %9s\n", "operation", "rows", "ours (ms)", "baseline (ms)",
           "ratio");
  g_print ("%-38s %9s %11s %14s %9s\n", "---------", "----", "---------", "-------------",
           "-----");

  /* Before the bench's own store exists, so that the open finds the file as
   * the app finds it; the baseline's connection is open throughout, for both. */
  if (!run_case ("open", open_ours, bench, g_object_unref, open_baseline, bench, close_raw, error))
    return FALSE;

  bench->store = wsp_store_open (bench->path, error);
  if (bench->store == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      List list = { bench, lists[i].type, lists[i].field, lists[i].value,
                    baseline_list_sql (lists[i].type, lists[i].field) };
      gboolean ok = run_case (lists[i].operation, list_ours, &list, g_object_unref, list_baseline,
                              &list, NULL, error);

      g_free (list.sql);
      if (!ok)
        return FALSE;
    }

  if (!run_case ("search \"" SEARCH_TEXT "\" (limit " G_STRINGIFY (SEARCH_LIMIT) ")", search_ours,
                 bench, g_object_unref, search_baseline, bench, NULL, error))
    return FALSE;

  bench->org = wsp_store_get (bench->store, bench->org_id, error);
  if (bench->org == NULL)
    return FALSE;
  if (!run_case ("save one edited organisation", save_ours, bench, NULL, save_baseline, bench,
                 NULL, error))
    return FALSE;

  g_print ("\nratio = ours / baseline; each time is the median of %u samples of one operation.\n"
           "Baselines, on a raw sqlite3 connection to the same file:\n"
           "  open    sqlite3_open_v2 + SELECT count(*) FROM records (ours: wsp_store_open: open,\n"
           "          schema check, WAL and pragmas, peer id and counters).\n"
           "  list    the same rows and columns (r.id, r.entity, r.winner, r.conflicts, r.body;\n"
           "          entity table CROSS JOIN records) stepped and each column's text touched;\n"
           "          ORDER BY without the LOCALIZED collation (ours: wsp_store_list +\n"
           "          g_list_model_get_n_items, which also sorts with LOCALIZED, parses each\n"
           "          body and makes a record object).\n"
           "  search  SELECT record_id FROM search WHERE search MATCH '\"%s\"*' LIMIT %d:\n"
           "          unranked, no join (ours: bm25 ranking over every match, join with\n"
           "          records, record objects).\n"
           "  save    BEGIN; UPDATE organisation SET notes = ? WHERE id = ?; COMMIT — does\n"
           "          less work: no revision, no records row, no projection, no search index\n"
           "          (ours: wsp_store_save: a revision, merge, projection, search index).\n",
           runs, SEARCH_TEXT, SEARCH_LIMIT);
  return TRUE;
}

static void
bench_clear (Bench *bench)
{
  g_clear_object (&bench->org);
  g_clear_object (&bench->store);
  g_clear_pointer (&bench->stmts, g_hash_table_unref);
  if (bench->raw != NULL)
    sqlite3_close_v2 (bench->raw);
  g_free (bench->body_id);
  g_free (bench->meeting_id);
  g_free (bench->ballot_id);
  g_free (bench->version_id);
  g_free (bench->org_id);
}

int
main (int   argc,
      char *argv[])
{
  gint runs_option = (gint) runs;
  GOptionEntry entries[] = {
    { "runs", 'n', 0, G_OPTION_ARG_INT, &runs_option, "Samples per operation (default 5)", "N" },
    { "sample-ms", 0, 0, G_OPTION_ARG_INT, &sample_ms,
      "Repeat fast operations until a sample lasts about MS (default 20)", "MS" },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("DB.sqlite3");
  g_autoptr (GError) error = NULL;
  g_autofree char *count = NULL;
  g_autofree char *loadavg = NULL;
  Bench bench = { 0 };
  const char *locale;
  int rc;

  locale = setlocale (LC_ALL, "");
  g_option_context_set_summary (context,
                                "Times the store's open, lists, search and save against raw "
                                "SQLite on a database made by wsp-bench-generate.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("wsp-bench: %s\n", error->message);
      return 2;
    }
  if (argc != 2)
    {
      g_printerr ("Usage: wsp-bench DB.sqlite3 [--runs 5] [--sample-ms 20]\n");
      return 2;
    }
  if (runs_option < 1 || runs_option > 1000 || sample_ms < 0 || sample_ms > 10000)
    {
      g_printerr ("wsp-bench: --runs must be 1 to 1000 and --sample-ms 0 to 10000.\n");
      return 2;
    }
  runs = (guint) runs_option;
  bench.path = argv[1];

  /* wsp_store_open would create a missing file: check first. */
  if (!g_file_test (bench.path, G_FILE_TEST_EXISTS))
    {
      g_printerr ("wsp-bench: “%s” does not exist. Make it with: wsp-bench-generate %s\n",
                  bench.path, bench.path);
      return 1;
    }
  if (!g_file_test (bench.path, G_FILE_TEST_IS_REGULAR))
    {
      g_printerr ("wsp-bench: “%s” is not a file.\n", bench.path);
      return 1;
    }

  bench.stmts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) sqlite3_finalize);
  rc = sqlite3_open_v2 (bench.path, &bench.raw, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    {
      g_printerr ("wsp-bench: cannot open “%s”: %s\n", bench.path,
                  bench.raw ? sqlite3_errmsg (bench.raw) : sqlite3_errstr (rc));
      bench_clear (&bench);
      return 1;
    }
  sqlite3_busy_timeout (bench.raw, 5000);
  /* The same durability as the store's connection. */
  sqlite3_exec (bench.raw, "PRAGMA synchronous = FULL", NULL, NULL, NULL);

  count = raw_text (&bench, "SELECT count(*) FROM records", &error);
  if (count == NULL)
    {
      g_printerr ("wsp-bench: “%s” is not a Wspólnie database: %s\n", bench.path,
                  error ? error->message : "no answer");
      bench_clear (&bench);
      return 1;
    }
  bench.n_records = (guint) g_ascii_strtoull (count, NULL, 10);
  if (!find_targets (&bench, &error))
    {
      g_printerr ("wsp-bench: “%s”: %s\n", bench.path, error->message);
      bench_clear (&bench);
      return 1;
    }

  g_print ("wsp-bench: SQLite %s, GLib %u.%u.%u, collation locale %s, %u samples per figure, "
           "about %d ms each\n",
           sqlite3_libversion (), glib_major_version, glib_minor_version, glib_micro_version,
           locale != NULL ? setlocale (LC_COLLATE, NULL) : "C", runs, sample_ms);
  /* Other work on the machine slows both sides, but not always alike (fsync). */
  if (g_file_get_contents ("/proc/loadavg", &loadavg, NULL, NULL))
    g_print ("  load average %s", loadavg);
  print_sizes (&bench);

  if (!run (&bench, &error))
    {
      g_printerr ("wsp-bench: %s\n", error->message);
      bench_clear (&bench);
      return 1;
    }
  bench_clear (&bench);
  return 0;
}
