/* wsp-database.h — the SQLite file: open, migrate, back up
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

#define WSP_DATABASE_ERROR (wsp_database_error_quark ())

typedef enum
{
  WSP_DATABASE_ERROR_OPEN,
  WSP_DATABASE_ERROR_CORRUPT,
  WSP_DATABASE_ERROR_NEWER,
  WSP_DATABASE_ERROR_MIGRATION,
  WSP_DATABASE_ERROR_BUSY,
  WSP_DATABASE_ERROR_FULL,
  WSP_DATABASE_ERROR_READ_ONLY,
  WSP_DATABASE_ERROR_QUERY,
} WspDatabaseError;

GQuark wsp_database_error_quark (void);

#define WSP_TYPE_DATABASE (wsp_database_get_type ())

G_DECLARE_FINAL_TYPE (WspDatabase, wsp_database, WSP, DATABASE, GObject)

WspDatabase *wsp_database_open                 (const char   *path,
                                                GError      **error);
WspDatabase *wsp_database_open_at_version      (const char   *path,
                                                int           version,
                                                GError      **error);
const char  *wsp_database_get_path             (WspDatabase  *self);
int          wsp_database_get_schema_version   (WspDatabase  *self);
int          wsp_database_get_latest_version   (void);
const char  *wsp_database_get_last_backup      (WspDatabase  *self);
gboolean     wsp_database_exec                 (WspDatabase  *self,
                                                const char   *sql,
                                                GError      **error);
sqlite3_stmt *wsp_database_prepare             (WspDatabase  *self,
                                                const char   *sql,
                                                GError      **error);
gboolean     wsp_database_backup               (WspDatabase  *self,
                                                const char   *destination,
                                                GError      **error);
gboolean     wsp_database_check_integrity      (WspDatabase  *self,
                                                GError      **error);
gboolean     wsp_database_set_error            (WspDatabase  *self,
                                                int           rc,
                                                GError      **error);
gboolean     wsp_database_migrate_to           (WspDatabase  *self,
                                                int           version,
                                                GError      **error);

/* Statements kept for reuse, and their rows. */
sqlite3_stmt *wsp_database_statement           (WspDatabase  *self,
                                                const char   *sql,
                                                GError      **error);
gboolean     wsp_database_step_done            (WspDatabase  *self,
                                                sqlite3_stmt *stmt,
                                                GError      **error);
gboolean     wsp_database_rows_done            (WspDatabase  *self,
                                                sqlite3_stmt *stmt,
                                                int           rc,
                                                GError      **error);
void         wsp_database_bind_text            (sqlite3_stmt *stmt,
                                                int           index,
                                                const char   *text);
gboolean     wsp_database_in_transaction       (WspDatabase  *self);
gint64       wsp_database_last_insert_rowid    (WspDatabase  *self);
int          wsp_database_changes              (WspDatabase  *self);

/* Values kept about this database, never exchanged. */
char        *wsp_database_dup_meta             (WspDatabase  *self,
                                                const char   *key);
gboolean     wsp_database_set_meta             (WspDatabase  *self,
                                                const char   *key,
                                                const char   *value,
                                                GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

G_END_DECLS
