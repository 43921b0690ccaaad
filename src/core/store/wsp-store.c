/* wsp-store.c — the one API the rest of the program uses to read and change data
 *
 * Every change becomes a revision (see migrations/0001-initial.sql): the
 * store never updates or deletes a revision, it only adds them, and then
 * works out the record's current value from its leaves ("projects" it, see
 * wsp-store-projection.c). The same projection serves local edits and
 * imported packets, so a laptop's state depends only on the set of
 * revisions it holds.
 *
 * This file holds the store's life, this laptop's identity and clock, the
 * transactions, and the one notification each commit makes: "changed",
 * carrying every record the commit touched, by kind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "store/wsp-store-private.h"

G_DEFINE_FINAL_TYPE (WspStore, wsp_store, G_TYPE_OBJECT)

/* clang-format off */
G_DEFINE_QUARK (wsp-store-error-quark, wsp_store_error)
/* clang-format on */

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Notes that this database numbers its own changes in @stream. */
static gboolean
mark_mine (WspStore    *self,
           const char  *stream,
           GError     **error)
{
  sqlite3_stmt *stmt = wsp_database_statement (self->database, "UPDATE streams SET mine = 1 WHERE stream = ?", error);

  if (stmt == NULL)
    return FALSE;
  wsp_database_bind_text (stmt, 1, stream);
  return wsp_database_step_done (self->database, stmt, error);
}

/* Reads this laptop's identity and counters; creates them on first run. */
gboolean
wsp_store_load_counters (WspStore  *self,
                         GError   **error)
{
  g_autofree char *peer = wsp_database_dup_meta (self->database, "peer_id");
  g_autofree char *hlc = wsp_database_dup_meta (self->database, "hlc");
  g_autofree char *stream = wsp_database_dup_meta (self->database, "stream");
  g_autofree char *seq = wsp_database_dup_meta (self->database, "stream_seq");
  g_autofree char *chain = wsp_database_dup_meta (self->database, "stream_chain");

  if (peer == NULL)
    {
      WspKeyPair pair;
      g_autofree char *secret_hex = NULL;

      /* A new laptop: its id and its key from the start, so that any backup
       * holds the key it signs with. */
      peer = g_uuid_string_random ();
      if (!wsp_keys_generate (&pair, error))
        return FALSE;
      secret_hex = wsp_keys_to_hex (pair.secret_key, WSP_KEY_SIZE);
      memset (&pair, 0, sizeof pair);
      if (!wsp_database_set_meta (self->database, "peer_id", peer, error)
          || !wsp_database_set_meta (self->database, "secret_key", secret_hex, error))
        return FALSE;
    }
  if (stream == NULL)
    {
      /* Until schema 7 a laptop numbered its changes under its own id. */
      g_autofree char *old_seq = wsp_database_dup_meta (self->database, "origin_seq");

      stream = g_strdup (peer);
      g_free (seq);
      seq = g_strdup (old_seq != NULL ? old_seq : "0");
      if (!wsp_database_set_meta (self->database, "stream", stream, error)
          || !wsp_database_set_meta (self->database, "stream_seq", seq, error))
        return FALSE;
    }
  g_free (self->peer_id);
  self->peer_id = g_steal_pointer (&peer);
  g_free (self->stream);
  self->stream = g_steal_pointer (&stream);
  if (hlc == NULL || !wsp_hlc_parse (hlc, &self->hlc))
    self->hlc = 0;
  self->stream_seq = seq != NULL ? g_ascii_strtoll (seq, NULL, 10) : 0;
  g_free (self->stream_chain);
  self->stream_chain = chain != NULL ? g_steal_pointer (&chain) : g_strdup (WSP_CHAIN_ZERO);
  return wsp_store_note_stream (self, self->stream, self->peer_id, error) && mark_mine (self, self->stream, error);
}

/* Goes on in a fresh numbering of this laptop's own. */
gboolean
wsp_store_new_stream (WspStore  *self,
                      GError   **error)
{
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *stream = g_strconcat (self->peer_id, "/", id, NULL);

  if (!wsp_database_set_meta (self->database, "stream", stream, error)
      || !wsp_database_set_meta (self->database, "stream_seq", "0", error)
      || !wsp_database_set_meta (self->database, "stream_chain", WSP_CHAIN_ZERO, error)
      || !wsp_store_note_stream (self, stream, self->peer_id, error)
      || !mark_mine (self, stream, error))
    return FALSE;
  g_free (self->stream);
  self->stream = g_steal_pointer (&stream);
  self->stream_seq = 0;
  g_free (self->stream_chain);
  self->stream_chain = g_strdup (WSP_CHAIN_ZERO);
  self->head_dirty = FALSE;
  self->guard_noted = FALSE;
  return TRUE;
}

/* This database is a copy of another laptop's, which goes on by itself:
 * this one becomes a laptop of its own, with its own id and key. */
gboolean
wsp_store_become_new_laptop (WspStore  *self,
                             GError   **error)
{
  g_autofree char *peer = g_uuid_string_random ();

  if (!wsp_database_set_meta (self->database, "peer_id", peer, error)
      || !wsp_database_exec (self->database, "DELETE FROM meta WHERE key IN ('secret_key', 'legacy_until')", error))
    return FALSE;
  g_free (self->peer_id);
  self->peer_id = g_steal_pointer (&peer);
  wsp_store_forget_keys (self);
  if (!wsp_database_set_meta (self->database, "stream", self->peer_id, error)
      || !wsp_database_set_meta (self->database, "stream_seq", "0", error)
      || !wsp_database_set_meta (self->database, "stream_chain", WSP_CHAIN_ZERO, error)
      || !wsp_store_note_stream (self, self->peer_id, self->peer_id, error)
      || !mark_mine (self, self->peer_id, error))
    return FALSE;
  g_free (self->stream);
  self->stream = g_strdup (self->peer_id);
  self->stream_seq = 0;
  g_free (self->stream_chain);
  self->stream_chain = g_strdup (WSP_CHAIN_ZERO);
  self->head_dirty = FALSE;
  self->guard_noted = FALSE;
  return TRUE;
}

/* This laptop's own changes up to @seq came back (it lost them in a
 * restore): its numbering goes on after them. */
gboolean
wsp_store_resume_numbering (WspStore    *self,
                            gint64       seq,
                            GError     **error)
{
  g_autofree char *seq_text = g_strdup_printf ("%" G_GINT64_FORMAT, seq);
  g_autofree char *chain = NULL;
  sqlite3_stmt *stmt = wsp_database_statement (self->database,
                                               "SELECT chain FROM changes WHERE stream = ?1 AND stream_seq = ?2 "
                                               "UNION ALL SELECT chain FROM change_aliases WHERE stream = ?1 AND "
                                               "stream_seq = ?2 LIMIT 1",
                                               error);

  if (stmt == NULL)
    return FALSE;
  wsp_database_bind_text (stmt, 1, self->stream);
  sqlite3_bind_int64 (stmt, 2, seq);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    chain = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (chain == NULL)
    return TRUE;
  if (!wsp_database_set_meta (self->database, "stream_seq", seq_text, error)
      || !wsp_database_set_meta (self->database, "stream_chain", chain, error))
    return FALSE;
  self->stream_seq = seq;
  g_free (self->stream_chain);
  self->stream_chain = g_steal_pointer (&chain);
  return TRUE;
}

/* Notes that the record @id changed in the open transaction. */
void
wsp_store_note_change (WspStore   *self,
                       const char *entity,
                       const char *id)
{
  wsp_changes_add (self->pending, entity, id);
}

/* Tells, once, what the commit changed. */
static void
emit_pending (WspStore *self)
{
  g_autoptr (WspChanges) changes = g_steal_pointer (&self->pending);

  self->pending = wsp_changes_new ();
  if (!wsp_changes_is_empty (changes))
    g_signal_emit (self, signals[CHANGED], 0, changes);
}

/* Starts a write. Writes nest: the outermost one is a transaction, inner ones
 * are savepoints, so a failed inner write (one bad row of an import) is undone
 * alone and the rest goes on. Whatever the transaction changed is told once,
 * when the outermost write commits. */
gboolean
wsp_store_begin (WspStore  *self,
                 GError   **error)
{
  g_return_val_if_fail (WSP_IS_STORE (self), FALSE);

  if (!wsp_database_exec (self->database, self->depth == 0 ? "BEGIN IMMEDIATE" : "SAVEPOINT w",
                          error))
    return FALSE;
  self->depth++;
  return TRUE;
}

static void write_guard (WspStore *self);

static gboolean
store_end (WspStore  *self,
           gboolean   ok,
           GError   **error)
{
  g_autoptr (GError) local_error = NULL;

  g_return_val_if_fail (self->depth > 0, FALSE);
  self->depth--;

  if (self->depth > 0)
    {
      if (ok)
        return wsp_database_exec (self->database, "RELEASE w", error);
      /* What the savepoint touched stays noted: a list that looks finds
       * those records as they were, and shows no change. */
      wsp_database_exec (self->database, "ROLLBACK TO w; RELEASE w", NULL);
      wsp_store_load_counters (self, NULL);
      return FALSE;
    }

  /* This laptop signs the new end of its chain with the changes. */
  if (ok && !wsp_store_seal (self, &local_error))
    {
      ok = FALSE;
      g_propagate_error (error, g_steal_pointer (&local_error));
    }
  if (ok && !wsp_database_exec (self->database, "COMMIT", &local_error))
    {
      ok = FALSE;
      g_propagate_error (error, g_steal_pointer (&local_error));
    }
  if (!ok)
    {
      if (wsp_database_in_transaction (self->database))
        wsp_database_exec (self->database, "ROLLBACK", NULL);
      g_clear_pointer (&self->pending, wsp_changes_unref);
      self->pending = wsp_changes_new ();
      self->head_dirty = FALSE;
      wsp_store_forget_keys (self);
      wsp_store_load_counters (self, NULL);
      return FALSE;
    }
  write_guard (self);
  emit_pending (self);
  return TRUE;
}

gboolean
wsp_store_commit (WspStore  *self,
                  GError   **error)
{
  g_return_val_if_fail (WSP_IS_STORE (self), FALSE);
  return store_end (self, TRUE, error);
}

void
wsp_store_rollback (WspStore *self)
{
  g_return_if_fail (WSP_IS_STORE (self));
  store_end (self, FALSE, NULL);
}

/* ---- the numbering guard --------------------------------------------------- */

/* Where this computer notes how far each of its laptop's numberings went,
 * outside the database, so that a database restored from a backup (or
 * copied here from another computer) is found out when it opens: its
 * numbering would otherwise give again numbers the others already hold. */
static char *
default_guard_dir (void)
{
  const char *dir = g_getenv ("WSPOLNIE_GUARD_DIR");

  if (dir != NULL && *dir != '\0')
    return g_strdup (dir);
  return g_build_filename (g_get_user_state_dir (), "wspolnie", "numbering", NULL);
}

static char *
guard_path (WspStore *self)
{
  g_autofree char *name = g_strdup (self->stream);

  if (self->guard_dir == NULL)
    return NULL;
  g_strdelimit (name, "/", '_');
  return g_build_filename (self->guard_dir, name, NULL);
}

/* Notes how far this laptop's numbering went (after each commit). */
static void
write_guard (WspStore *self)
{
  g_autofree char *path = guard_path (self);
  g_autofree char *text = NULL;

  if (path == NULL || (self->stream_seq == self->guarded_seq && self->guarded_seq >= 0 && self->guard_noted))
    return;
  text = g_strdup_printf ("%" G_GINT64_FORMAT "\n", self->stream_seq);
  if (g_mkdir_with_parents (self->guard_dir, 0700) != 0
      || !g_file_set_contents_full (path, text, -1, G_FILE_SET_CONTENTS_NONE, 0600, NULL))
    return;
  self->guarded_seq = self->stream_seq;
  self->guard_noted = TRUE;
  /* From now on a missing note means the database came from elsewhere. */
  if (!self->noted_before)
    {
      g_autofree char *before = wsp_database_dup_meta (self->database, "numbering_noted");

      if (before == NULL && self->depth == 0)
        wsp_database_set_meta (self->database, "numbering_noted", "1", NULL);
      self->noted_before = TRUE;
    }
}

/* At open: a numbering that went further on this computer than the
 * database says (a backup restored), or one this computer never noted (a
 * database copied here), goes on in a fresh stream. */
static gboolean
check_guard (WspStore  *self,
             GError   **error)
{
  g_autofree char *path = guard_path (self);
  g_autofree char *text = NULL;
  gint64 noted = -1;

  if (path == NULL)
    return TRUE;
  if (g_file_get_contents (path, &text, NULL, NULL))
    noted = g_ascii_strtoll (text, NULL, 10);
  /* A database this computer never noted: new, or of a version before the
   * notes, if it says it was never noted anywhere; else a copy. */
  if (noted < 0)
    {
      g_autofree char *before = wsp_database_dup_meta (self->database, "numbering_noted");

      if (before == NULL)
        {
          self->guarded_seq = -1; /* noted at once */
          return TRUE;
        }
    }
  if (noted == self->stream_seq)
    {
      self->guarded_seq = noted;
      self->guard_noted = TRUE;
      return TRUE;
    }
  self->notice = noted > self->stream_seq ? WSP_STORE_NOTICE_RESTORED : WSP_STORE_NOTICE_MOVED;
  if (!wsp_store_begin (self, error))
    return FALSE;
  if (!wsp_database_exec (self->database, "UPDATE streams SET retired = 1 WHERE mine = 1", error)
      || !wsp_store_new_stream (self, error))
    {
      wsp_store_rollback (self);
      return FALSE;
    }
  return wsp_store_commit (self, error);
}

/* What the store found when it opened the database: a restored backup, or
 * a database from another computer. */
WspStoreNotice
wsp_store_get_notice (WspStore *self)
{
  g_return_val_if_fail (WSP_IS_STORE (self), WSP_STORE_NOTICE_NONE);
  return self->notice;
}

/* ---- life ---------------------------------------------------------------- */

/**
 * wsp_store_new_full:
 * @guard_dir: (nullable): where this computer notes how far its laptop's
 *   numberings went; %NULL: the user's state folder
 *
 * The store on @database.
 */
WspStore *
wsp_store_new_full (WspDatabase  *database,
                    const char   *guard_dir,
                    GError      **error)
{
  g_autoptr (WspStore) self = g_object_new (WSP_TYPE_STORE, NULL);
  const char *path = wsp_database_get_path (database);

  self->database = g_object_ref (database);
  if (path != NULL && *path != '\0' && g_strcmp0 (path, ":memory:") != 0)
    self->guard_dir = guard_dir != NULL ? g_strdup (guard_dir) : default_guard_dir ();
  /* The tables of kinds get the columns of fields added since first, so
   * that an upgrade of the history can write them. */
  if (!wsp_store_load_counters (self, error) || !wsp_store_ensure_projection (self, error)
      || !wsp_store_upgrade (self, error) || !check_guard (self, error))
    return NULL;
  write_guard (self);
  return g_steal_pointer (&self);
}

WspStore *
wsp_store_new (WspDatabase  *database,
               GError      **error)
{
  return wsp_store_new_full (database, NULL, error);
}

/* Opens the database at @path (NULL: in memory) and the store on it. */
WspStore *
wsp_store_open (const char  *path,
                GError     **error)
{
  return wsp_store_open_full (path, NULL, error);
}

WspStore *
wsp_store_open_full (const char  *path,
                     const char  *guard_dir,
                     GError     **error)
{
  g_autoptr (WspDatabase) database = wsp_database_open (path, error);

  if (database == NULL)
    return NULL;
  return wsp_store_new_full (database, guard_dir, error);
}

/* A second store on the same database file, for long work in a worker
 * thread (the file is in WAL mode, so the window's store keeps reading). */
WspStore *
wsp_store_open_another (WspStore  *self,
                        GError   **error)
{
  g_return_val_if_fail (WSP_IS_STORE (self), NULL);
  return wsp_store_open_full (wsp_database_get_path (self->database), self->guard_dir, error);
}

/* After another store on the same file changed it (see
 * wsp_store_open_another()): reads this laptop's clock again and tells, in
 * one notification, about the records in @changes. */
void
wsp_store_refresh (WspStore   *self,
                   WspChanges *changes)
{
  g_return_if_fail (WSP_IS_STORE (self));

  wsp_store_load_counters (self, NULL);
  if (changes != NULL)
    wsp_changes_add_all (self->pending, changes);
  if (self->depth == 0)
    emit_pending (self);
}

/* ---- long work on a connection of its own -------------------------------- */

typedef struct
{
  WspStore         *store;   /* the caller's */
  WspStoreWorkFunc  func;
  gpointer          data;
  GDestroyNotify    destroy;
  WspChanges       *changes; /* what the worker's commits changed */
} Work;

static void
work_free (Work *work)
{
  if (work->destroy != NULL)
    work->destroy (work->data);
  g_clear_object (&work->store);
  g_clear_pointer (&work->changes, wsp_changes_unref);
  g_free (work);
}

static void
collect_cb (WspStore   *worker,
            WspChanges *changes,
            Work       *work)
{
  wsp_changes_add_all (work->changes, changes);
}

static gboolean
in_memory (WspStore *self)
{
  const char *path = wsp_database_get_path (self->database);

  return path == NULL || g_strcmp0 (path, ":memory:") == 0;
}

static void
work_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Work *work = task_data;
  g_autoptr (WspStore) worker = NULL;
  GError *error = NULL;

  worker = wsp_store_open_another (work->store, &error);
  if (worker == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_signal_connect (worker, "changed", G_CALLBACK (collect_cb), work);
  if (!work->func (worker, work->data, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * wsp_store_run_async:
 * @func: the work, given a store of its own on the same file
 *
 * Runs long work (an import, an export) in a worker thread on its own
 * connection to the database file, so the window keeps working meanwhile.
 * wsp_store_run_finish() then tells this store's lists, in one
 * notification, what the work changed. A database in memory exists only on
 * this connection: there the work runs at once, here.
 */
void
wsp_store_run_async (WspStore            *self,
                     WspStoreWorkFunc     func,
                     gpointer             data,
                     GDestroyNotify       destroy,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  Work *work;

  g_return_if_fail (WSP_IS_STORE (self));
  g_return_if_fail (func != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, wsp_store_run_async);
  work = g_new0 (Work, 1);
  work->store = g_object_ref (self);
  work->func = func;
  work->data = data;
  work->destroy = destroy;
  work->changes = wsp_changes_new ();
  g_task_set_task_data (task, work, (GDestroyNotify) work_free);

  if (in_memory (self))
    {
      GError *error = NULL;

      /* Told by this store's own commits already. */
      if (!func (self, data, cancellable, &error))
        g_task_return_error (task, error);
      else
        g_task_return_boolean (task, TRUE);
      return;
    }
  g_task_run_in_thread (task, work_thread);
}

/* Whether the work succeeded; in any case the lists are told what changed. */
gboolean
wsp_store_run_finish (WspStore      *self,
                      GAsyncResult  *result,
                      GError       **error)
{
  Work *work;

  g_return_val_if_fail (WSP_IS_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  work = g_task_get_task_data (G_TASK (result));
  if (!in_memory (self))
    wsp_store_refresh (self, work->changes);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* The data given to wsp_store_run_async(), for its _finish to read. */
gpointer
wsp_store_run_get_data (GAsyncResult *result)
{
  Work *work = g_task_get_task_data (G_TASK (result));

  return work->data;
}

WspDatabase *
wsp_store_get_database (WspStore *self)
{
  g_return_val_if_fail (WSP_IS_STORE (self), NULL);
  return self->database;
}

/* This laptop's identity, made on its first run. */
const char *
wsp_store_get_peer_id (WspStore *self)
{
  g_return_val_if_fail (WSP_IS_STORE (self), NULL);
  return self->peer_id;
}

/* A value kept about this database (not a record: not exchanged). */
char *
wsp_store_dup_meta (WspStore   *self,
                    const char *key)
{
  g_return_val_if_fail (WSP_IS_STORE (self), NULL);
  return wsp_database_dup_meta (self->database, key);
}

gboolean
wsp_store_set_meta (WspStore    *self,
                    const char  *key,
                    const char  *value,
                    GError     **error)
{
  g_return_val_if_fail (WSP_IS_STORE (self), FALSE);
  return wsp_database_set_meta (self->database, key, value, error);
}

static void
wsp_store_finalize (GObject *object)
{
  WspStore *self = WSP_STORE (object);

  g_clear_pointer (&self->pending, wsp_changes_unref);
  g_clear_object (&self->database);
  g_free (self->peer_id);
  g_free (self->stream);
  g_free (self->stream_chain);
  g_free (self->guard_dir);

  G_OBJECT_CLASS (wsp_store_parent_class)->finalize (object);
}

static void
wsp_store_class_init (WspStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = wsp_store_finalize;

  /**
   * WspStore::changed:
   * @changes: (type WspChanges): every record the commit created, changed,
   *   deleted or restored, by kind
   *
   * Emitted once per commit, here or by an import, after it is written.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 1, WSP_TYPE_CHANGES);
}

static void
wsp_store_init (WspStore *self)
{
  self->pending = wsp_changes_new ();
}
