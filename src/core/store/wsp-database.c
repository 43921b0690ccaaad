/* wsp-database.c — the SQLite file: open, migrate, back up
 *
 * Migrations are numbered SQL files in the GResource
 * (/org/example/Wspolnie/core/migrations/NNNN-name.sql), applied in order,
 * each in its own transaction, tracked with PRAGMA user_version. Before a
 * database that holds data is migrated, it is copied with VACUUM INTO.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "base/wsp-text.h"
#include "store/wsp-database-private.h"

#define MIGRATIONS_PATH "/org/example/Wspolnie/core/migrations"

struct _WspDatabase
{
  GObject  parent_instance;

  sqlite3    *db;
  char       *path;
  char       *last_backup;
  GHashTable *statements; /* SQL → sqlite3_stmt */
};

G_DEFINE_FINAL_TYPE (WspDatabase, wsp_database, G_TYPE_OBJECT)

/* clang-format off */
G_DEFINE_QUARK (wsp-database-error-quark, wsp_database_error)
/* clang-format on */

/* Turns an SQLite result code into an error a secretary can act on. */
gboolean
wsp_database_set_error (WspDatabase  *self,
                        int           rc,
                        GError      **error)
{
  const char *detail = self != NULL && self->db != NULL ? sqlite3_errmsg (self->db)
                                                         : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, WSP_DATABASE_ERROR, WSP_DATABASE_ERROR_BUSY,
                   _("The database is in use by another copy of Wspólnie. Close it and try again."));
      break;
    case SQLITE_FULL:
      g_set_error (error, WSP_DATABASE_ERROR, WSP_DATABASE_ERROR_FULL,
                   _("The disk is full, so the change was not saved. Free some space and try again."));
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
      g_set_error (error, WSP_DATABASE_ERROR, WSP_DATABASE_ERROR_READ_ONLY,
                   _("The database file cannot be written to. Check that you may change it."));
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, WSP_DATABASE_ERROR, WSP_DATABASE_ERROR_CORRUPT,
                   _("The database file is damaged or is not a Wspólnie database (%s)."), detail);
      break;
    case SQLITE_CANTOPEN:
      g_set_error (error, WSP_DATABASE_ERROR, WSP_DATABASE_ERROR_OPEN,
                   _("The database file cannot be opened (%s)."), detail);
      break;
    default:
      g_set_error (error, WSP_DATABASE_ERROR, WSP_DATABASE_ERROR_QUERY,
                   _("The database could not do what was asked (%s)."), detail);
      break;
    }
  return FALSE;
}

gboolean
wsp_database_exec (WspDatabase  *self,
                   const char   *sql,
                   GError      **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return wsp_database_set_error (self, rc, error);
  return TRUE;
}

sqlite3_stmt *
wsp_database_prepare (WspDatabase  *self,
                      const char   *sql,
                      GError      **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      wsp_database_set_error (self, rc, error);
      return NULL;
    }
  return stmt;
}

static int
query_int (WspDatabase *self,
           const char  *sql)
{
  g_autoptr (sqlite3_stmt) stmt = wsp_database_prepare (self, sql, NULL);

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    return sqlite3_column_int (stmt, 0);
  return -1;
}

int
wsp_database_get_schema_version (WspDatabase *self)
{
  g_return_val_if_fail (WSP_IS_DATABASE (self), -1);
  return query_int (self, "PRAGMA user_version");
}

static int
migration_number (const char *name)
{
  guint64 n = 0;
  g_autofree char *digits = g_strndup (name, 4);

  if (strlen (name) < 6 || name[4] != '-' || !g_str_has_suffix (name, ".sql")
      || !g_ascii_string_to_unsigned (digits, 10, 1, 9999, &n, NULL))
    return -1;
  return (int) n;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

/* The migration files, sorted by number. */
static GPtrArray *
list_migrations (void)
{
  g_auto (GStrv) names = g_resources_enumerate_children (MIGRATIONS_PATH, 0, NULL);
  GPtrArray *result = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    if (migration_number (names[i]) > 0)
      g_ptr_array_add (result, g_strdup (names[i]));
  g_ptr_array_sort (result, compare_names);
  return result;
}

int
wsp_database_get_latest_version (void)
{
  g_autoptr (GPtrArray) names = list_migrations ();

  if (names->len == 0)
    return 0;
  return migration_number (g_ptr_array_index (names, names->len - 1));
}

gboolean
wsp_database_backup (WspDatabase  *self,
                     const char   *destination,
                     GError      **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (WSP_IS_DATABASE (self), FALSE);

  if (g_file_test (destination, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("A backup named “%s” already exists."), destination);
      return FALSE;
    }
  stmt = wsp_database_prepare (self, "VACUUM INTO ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, destination, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return wsp_database_set_error (self, rc, error);
  return TRUE;
}

/* Applies the migrations after the current version, up to @version
 * (or all of them when @version is -1). Tests use it to build an older
 * schema and then migrate from there. */
gboolean
wsp_database_migrate_to (WspDatabase  *self,
                         int           version,
                         GError      **error)
{
  g_autoptr (GPtrArray) names = list_migrations ();
  int current = wsp_database_get_schema_version (self);
  int latest = names->len > 0 ? migration_number (g_ptr_array_index (names, names->len - 1)) : 0;

  if (version < 0)
    version = latest;

  if (current > latest)
    {
      g_set_error (error, WSP_DATABASE_ERROR, WSP_DATABASE_ERROR_NEWER,
                   _("This database was written by a newer version of Wspólnie. "
                     "Update the app to open it."));
      return FALSE;
    }
  if (current >= version)
    return TRUE;

  /* A database that already holds data is copied before it changes shape. */
  if (current > 0 && self->path != NULL)
    {
      g_autoptr (GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
      g_autofree char *backup = g_strdup_printf ("%s.before-v%d-%s.sqlite3", self->path, version,
                                                 stamp);

      if (!wsp_database_backup (self, backup, error))
        return FALSE;
      g_free (self->last_backup);
      self->last_backup = g_steal_pointer (&backup);
    }

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      int number = migration_number (name);
      g_autofree char *path = NULL;
      g_autofree char *sql = NULL;
      g_autoptr (GBytes) bytes = NULL;
      g_autoptr (GError) local_error = NULL;

      if (number <= current || number > version)
        continue;

      path = g_strdup_printf ("%s/%s", MIGRATIONS_PATH, name);
      bytes = g_resources_lookup_data (path, 0, &local_error);
      if (bytes == NULL)
        {
          g_set_error (error, WSP_DATABASE_ERROR, WSP_DATABASE_ERROR_MIGRATION,
                       _("The database update %s is missing from the app: %s"), name,
                       local_error->message);
          return FALSE;
        }
      sql = g_strdup_printf ("BEGIN IMMEDIATE;\n%.*s\n;PRAGMA user_version = %d;\nCOMMIT;",
                             (int) g_bytes_get_size (bytes),
                             (const char *) g_bytes_get_data (bytes, NULL), number);
      if (!wsp_database_exec (self, sql, &local_error))
        {
          sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
          g_set_error (error, WSP_DATABASE_ERROR, WSP_DATABASE_ERROR_MIGRATION,
                       _("The database could not be updated to version %d, and was left as it "
                         "was: %s"), number, local_error->message);
          return FALSE;
        }
      current = number;
    }
  return TRUE;
}

gboolean
wsp_database_check_integrity (WspDatabase  *self,
                              GError      **error)
{
  g_autoptr (sqlite3_stmt) stmt = wsp_database_prepare (self, "PRAGMA integrity_check", error);
  const char *answer;

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return wsp_database_set_error (self, sqlite3_errcode (self->db), error);
  answer = (const char *) sqlite3_column_text (stmt, 0);
  if (g_strcmp0 (answer, "ok") != 0)
    {
      g_set_error (error, WSP_DATABASE_ERROR, WSP_DATABASE_ERROR_CORRUPT,
                   _("The database file is damaged: %s"), answer ? answer : "?");
      return FALSE;
    }
  return TRUE;
}

static int
collate_localized (void       *data,
                   int         len_a,
                   const void *a,
                   int         len_b,
                   const void *b)
{
  g_autofree char *sa = g_strndup (a, len_a);
  g_autofree char *sb = g_strndup (b, len_b);

  return wsp_text_collate (sa, sb);
}

static gboolean
open_file (WspDatabase  *self,
           const char   *path,
           GError      **error)
{
  int rc;

  if (path != NULL && g_strcmp0 (path, ":memory:") != 0)
    {
      g_autofree char *dir = g_path_get_dirname (path);

      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved = errno;
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                       _("Cannot create the folder for the database “%s”: %s"), dir,
                       g_strerror (saved));
          return FALSE;
        }
      /* The database holds this laptop's signing key: only its user may
       * read it, wherever it is (its -wal and -shm files take its mode). */
      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        {
          int fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL, 0600);

          if (fd >= 0)
            close (fd);
        }
    }

  rc = sqlite3_open_v2 (path ? path : ":memory:", &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                        NULL);
  if (rc != SQLITE_OK)
    return wsp_database_set_error (self, rc, error);

  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, 5000);
  sqlite3_create_collation (self->db, "LOCALIZED", SQLITE_UTF8, NULL, collate_localized);

  /* Reading the schema is the first touch of the file: a file that is not a
   * database fails here rather than later. */
  if (query_int (self, "SELECT count(*) FROM sqlite_master") < 0)
    return wsp_database_set_error (self, sqlite3_errcode (self->db), error);

  return wsp_database_exec (self,
                            "PRAGMA journal_mode = WAL;"
                            "PRAGMA synchronous = FULL;"
                            /* 32 MB of pages: a big import or export reads
                             * them once rather than again from the file. */
                            "PRAGMA cache_size = -32768;"
                            "PRAGMA foreign_keys = OFF;"
                            "PRAGMA trusted_schema = OFF;",
                            error);
}

/* Opens the database at @path, creating it when missing, and migrates it
 * to schema @version (-1: the latest). NULL gives a private in-memory
 * database. Only tests ask for an older version. */
WspDatabase *
wsp_database_open_at_version (const char  *path,
                              int          version,
                              GError     **error)
{
  g_autoptr (WspDatabase) self = g_object_new (WSP_TYPE_DATABASE, NULL);

  self->path = g_strdup (path);
  if (!open_file (self, path, error))
    return NULL;
  if (!wsp_database_migrate_to (self, version, error))
    return NULL;
  return g_steal_pointer (&self);
}

WspDatabase *
wsp_database_open (const char  *path,
                   GError     **error)
{
  return wsp_database_open_at_version (path, -1, error);
}

sqlite3 *
wsp_database_get_handle (WspDatabase *self)
{
  g_return_val_if_fail (WSP_IS_DATABASE (self), NULL);
  return self->db;
}

/* A prepared statement for @sql, kept for reuse: reset, with its bindings
 * cleared, for the caller. */
sqlite3_stmt *
wsp_database_statement (WspDatabase  *self,
                        const char   *sql,
                        GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (WSP_IS_DATABASE (self), NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt == NULL)
    {
      stmt = wsp_database_prepare (self, sql, error);
      if (stmt == NULL)
        return NULL;
      g_hash_table_insert (self->statements, g_strdup (sql), stmt);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return stmt;
}

/* Runs a statement that returns no rows (or only its first), then resets it. */
gboolean
wsp_database_step_done (WspDatabase   *self,
                        sqlite3_stmt  *stmt,
                        GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return wsp_database_set_error (self, rc, error);
  return TRUE;
}

/* Ends a loop over a statement's rows: resets it, and says whether the
 * loop ended because the rows did (@rc SQLITE_DONE) rather than an error. */
gboolean
wsp_database_rows_done (WspDatabase   *self,
                        sqlite3_stmt  *stmt,
                        int            rc,
                        GError       **error)
{
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return wsp_database_set_error (self, rc, error);
  return TRUE;
}

void
wsp_database_bind_text (sqlite3_stmt *stmt,
                        int           index,
                        const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

gboolean
wsp_database_in_transaction (WspDatabase *self)
{
  g_return_val_if_fail (WSP_IS_DATABASE (self), FALSE);
  return sqlite3_get_autocommit (self->db) == 0;
}

gint64
wsp_database_last_insert_rowid (WspDatabase *self)
{
  g_return_val_if_fail (WSP_IS_DATABASE (self), 0);
  return sqlite3_last_insert_rowid (self->db);
}

/* How many rows the last statement changed. */
int
wsp_database_changes (WspDatabase *self)
{
  g_return_val_if_fail (WSP_IS_DATABASE (self), 0);
  return sqlite3_changes (self->db);
}

char *
wsp_database_dup_meta (WspDatabase *self,
                       const char  *key)
{
  sqlite3_stmt *stmt = wsp_database_statement (self, "SELECT value FROM meta WHERE key = ?", NULL);
  char *value = NULL;

  if (stmt == NULL)
    return NULL;
  wsp_database_bind_text (stmt, 1, key);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return value;
}

gboolean
wsp_database_set_meta (WspDatabase  *self,
                       const char   *key,
                       const char   *value,
                       GError      **error)
{
  sqlite3_stmt *stmt = wsp_database_statement (self,
                                               "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                                               error);
  if (stmt == NULL)
    return FALSE;
  wsp_database_bind_text (stmt, 1, key);
  wsp_database_bind_text (stmt, 2, value);
  return wsp_database_step_done (self, stmt, error);
}

const char *
wsp_database_get_path (WspDatabase *self)
{
  g_return_val_if_fail (WSP_IS_DATABASE (self), NULL);
  return self->path;
}

/* The copy made before the last migration, or NULL. */
const char *
wsp_database_get_last_backup (WspDatabase *self)
{
  g_return_val_if_fail (WSP_IS_DATABASE (self), NULL);
  return self->last_backup;
}

static void
wsp_database_finalize (GObject *object)
{
  WspDatabase *self = WSP_DATABASE (object);

  /* Statements first: the connection closes once none is left. */
  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_free (self->path);
  g_free (self->last_backup);

  G_OBJECT_CLASS (wsp_database_parent_class)->finalize (object);
}

static void
wsp_database_class_init (WspDatabaseClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = wsp_database_finalize;
}

static void
wsp_database_init (WspDatabase *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) sqlite3_finalize);
}
