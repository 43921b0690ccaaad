/* wsp-shared-folder.c — keeping in step through a folder others keep in step
 *
 * A folder that Syncthing, Nextcloud or a USB stick carries between the
 * laptops. Each laptop writes its own packets there under names no other
 * laptop uses (wsp_sync_packet_file_name()), and reads the packets the
 * others wrote:
 *
 * - a file is read only once it has stopped changing: after an event for it
 *   the watcher waits "settle-ms" without further events (and without its
 *   size or time changing) before importing it;
 * - the temporary names sync tools write to (".syncthing.*.tmp", "*.part",
 *   "~*", hidden files) are never read; their conflict copies are real
 *   packets and are read (Syncthing's "name.wspolnie.sync-conflict-…-DEVICE
 *   .json", Nextcloud's "name (conflicted copy …).wspolnie.json");
 * - the folder is read again every WSP_SHARED_FOLDER_RESCAN_S seconds too:
 *   inside the Flatpak a folder given through the portal sends no events;
 * - a file is imported with WSP_IMPORT_DEFAULT: a laptop not trusted yet is
 *   refused ("refused"), as is a damaged or forged file, and nothing changes;
 *   a person trusts a laptop first, then wsp_shared_folder_retry() reads the
 *   refused files again;
 * - each file version (name, size, time) is handled once, so a refused file
 *   is reported once, not on every scan.
 *
 * After changes made on this laptop, a packet is written into the folder,
 * at most one per "export-delay-ms" (changes in between go into the same
 * packet). A packet holds what the least advanced of the laptops known here
 * lacks, as their own packets acknowledge it (wsp_sync_export_for_folder()):
 * everything only while no laptop is known. Changes that came in from the
 * folder cause an export only when a laptop is known to lack something (a
 * laptop that just joined, or one whose acknowledgement is behind), so two
 * laptops never answer each other's packets for ever. Of the packets this
 * object wrote, only the newest WSP_SHARED_FOLDER_KEEP_OWN stay in the
 * folder; files of other laptops are never touched.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "sync/wsp-shared-folder.h"
#include "sync/wsp-sync.h"

#define DEFAULT_SETTLE_MS       500
#define DEFAULT_EXPORT_DELAY_MS 5000

/* clang-format off */
G_DEFINE_QUARK (wsp-shared-folder-error-quark, wsp_shared_folder_error)
/* clang-format on */

/* A file that had an event and waits to stop changing. */
typedef struct
{
  WspSharedFolder *self; /* not a reference: the table is emptied before self goes */
  char            *name;
  GSource         *source;
  gint64           size;
  gint64           mtime;
} Pending;

/* A file version already handled. */
typedef struct
{
  gint64   size;
  gint64   mtime;
  gboolean refused;
} Seen;

struct _WspSharedFolder
{
  GObject       parent_instance;

  WspStore     *store;
  GFile        *folder;
  char         *folder_path;
  char         *key_id;    /* this laptop's: part of the name of its own packets */
  GMainContext *context;

  GFileMonitor *monitor;
  gulong        store_changed_id;
  GHashTable   *pending;   /* name → Pending */
  GHashTable   *seen;      /* name → Seen */
  GQueue        own;       /* paths of the packets this object wrote, oldest first */
  GSource      *export_source;
  guint         rescan_id;

  guint         settle_ms;
  guint         export_delay_ms;
  gboolean      importing;
  gboolean      running;
};

G_DEFINE_FINAL_TYPE (WspSharedFolder, wsp_shared_folder, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_FOLDER,
  PROP_SETTLE_MS,
  PROP_EXPORT_DELAY_MS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  IMPORTED,
  REFUSED,
  EXPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
pending_free (gpointer data)
{
  Pending *p = data;

  if (p->source != NULL)
    {
      g_source_destroy (p->source);
      g_source_unref (p->source);
    }
  g_free (p->name);
  g_free (p);
}

static void
clear_export_source (WspSharedFolder *self)
{
  if (self->export_source != NULL)
    {
      g_source_destroy (self->export_source);
      g_clear_pointer (&self->export_source, g_source_unref);
    }
}

/* Whether @name may be a finished packet file: it ends in the packet suffix
 * and is none of the hidden, temporary or partial names sync tools and
 * editors write while a file is on its way. Conflict copies are packets. */
gboolean
wsp_shared_folder_is_candidate (const char *name)
{
  static const char *const partial[] = { ".tmp", ".part", "~syncthing~", ".syncthing." };
  /* Syncthing puts its mark before the last extension only. */
  gboolean syncthing_copy = g_str_has_suffix (name, ".json") && strstr (name, ".wspolnie.sync-conflict-") != NULL;

  g_return_val_if_fail (name != NULL, FALSE);

  if (!syncthing_copy
      && (!g_str_has_suffix (name, WSP_PACKET_SUFFIX) || strlen (name) == strlen (WSP_PACKET_SUFFIX)))
    return FALSE;
  if (name[0] == '.' || name[0] == '~' || g_str_has_suffix (name, "~"))
    return FALSE;
  for (gsize i = 0; i < G_N_ELEMENTS (partial); i++)
    if (strstr (name, partial[i]) != NULL) /* ".part" covers ".partial" */
      return FALSE;
  return TRUE;
}

/* This laptop's own packet (cheap: its name holds this laptop's key id). */
static gboolean
is_own (WspSharedFolder *self,
        const char      *name)
{
  return self->key_id != NULL && strstr (name, self->key_id) != NULL;
}

/* The size and modification time of a regular file; FALSE if it is gone or
 * is not a regular file. */
static gboolean
stamp (WspSharedFolder *self,
       const char      *name,
       gint64          *size,
       gint64          *mtime)
{
  g_autoptr (GFile) file = g_file_get_child (self->folder, name);
  g_autoptr (GFileInfo) info = g_file_query_info (file,
                                                  G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                                  G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                                                  G_FILE_ATTRIBUTE_TIME_MODIFIED ","
                                                  G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC,
                                                  G_FILE_QUERY_INFO_NONE, NULL, NULL);

  *size = -1;
  *mtime = -1;
  if (info == NULL || g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    return FALSE;
  *size = g_file_info_get_size (info);
  *mtime = (gint64) g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED) * G_USEC_PER_SEC
           + g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC);
  return TRUE;
}

static void schedule_export (WspSharedFolder *self);

/* Imports @name unless it is not a packet of another laptop or this version
 * of it was handled already. */
static void
process_file (WspSharedFolder *self,
              const char      *name)
{
  g_autoptr (WspSharedFolder) hold = NULL;
  g_auto (WspImportReport) report = { 0 };
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  gint64 size, mtime;
  Seen *seen;
  gboolean ok;

  if (!wsp_shared_folder_is_candidate (name) || is_own (self, name))
    return;
  if (!stamp (self, name, &size, &mtime))
    return;
  seen = g_hash_table_lookup (self->seen, name);
  if (seen != NULL && seen->size == size && seen->mtime == mtime)
    return;

  hold = g_object_ref (self); /* a signal handler may drop the last other reference */
  path = g_build_filename (self->folder_path, name, NULL);
  self->importing = TRUE;
  ok = wsp_sync_import_file (self->store, path, WSP_IMPORT_DEFAULT, &report, &error);
  self->importing = FALSE;

  seen = g_new0 (Seen, 1);
  seen->size = size;
  seen->mtime = mtime;
  seen->refused = !ok;
  g_hash_table_replace (self->seen, g_strdup (name), seen);

  if (ok)
    {
      if (!report.already_imported)
        g_signal_emit (self, signals[IMPORTED], 0, path, &report);
      /* A laptop that lacks something (one that just joined): it gets it. */
      if (self->running && wsp_sync_folder_has_news (self->store))
        schedule_export (self);
    }
  else if (!g_error_matches (error, WSP_SYNC_ERROR, WSP_SYNC_ERROR_OWN_PACKET))
    g_signal_emit (self, signals[REFUSED], 0, path, error);
}

static void schedule (WspSharedFolder *self,
                      const char      *name,
                      gboolean         start);

static gboolean
settled_cb (gpointer data)
{
  Pending *p = data;
  WspSharedFolder *self = p->self;
  g_autofree char *name = g_strdup (p->name);
  gint64 size, mtime;

  if (stamp (self, name, &size, &mtime) && (size != p->size || mtime != p->mtime))
    {
      /* Still being written, though no event said so (some file systems
       * send none): wait again. */
      schedule (self, name, TRUE);
      return G_SOURCE_REMOVE;
    }
  /* The main loop keeps the source alive while it is dispatched. */
  g_clear_pointer (&p->source, g_source_unref);
  g_hash_table_remove (self->pending, name);
  process_file (self, name);
  return G_SOURCE_REMOVE;
}

/* (Re)starts the wait for @name to stop changing; with @start FALSE only a
 * wait already under way is restarted. */
static void
schedule (WspSharedFolder *self,
          const char      *name,
          gboolean         start)
{
  Pending *p;

  if (!wsp_shared_folder_is_candidate (name) || is_own (self, name))
    return;
  p = g_hash_table_lookup (self->pending, name);
  if (p == NULL)
    {
      if (!start)
        return;
      p = g_new0 (Pending, 1);
      p->self = self;
      p->name = g_strdup (name);
      g_hash_table_insert (self->pending, p->name, p);
    }
  else if (p->source != NULL)
    {
      g_source_destroy (p->source);
      g_clear_pointer (&p->source, g_source_unref);
    }
  stamp (self, name, &p->size, &p->mtime);
  p->source = g_timeout_source_new (self->settle_ms);
  g_source_set_static_name (p->source, "[wspolnie] shared folder settle");
  g_source_set_callback (p->source, settled_cb, p, NULL);
  g_source_attach (p->source, self->context);
}

static void
forget (WspSharedFolder *self,
        const char      *name)
{
  g_hash_table_remove (self->pending, name);
  g_hash_table_remove (self->seen, name);
}

static void
on_folder_changed (GFileMonitor      *monitor,
                   GFile             *file,
                   GFile             *other_file,
                   GFileMonitorEvent  event,
                   gpointer           user_data)
{
  WspSharedFolder *self = user_data;
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *other = other_file != NULL ? g_file_get_basename (other_file) : NULL;

  switch (event)
    {
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED:
      schedule (self, name, TRUE);
      break;

    case G_FILE_MONITOR_EVENT_CHANGED:
      schedule (self, name, FALSE); /* CHANGES_DONE_HINT follows */
      break;

    case G_FILE_MONITOR_EVENT_RENAMED: /* how sync tools put a finished file in place */
      forget (self, name);
      if (other != NULL)
        schedule (self, other, TRUE);
      break;

    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
      forget (self, name);
      break;

    case G_FILE_MONITOR_EVENT_PRE_UNMOUNT:
    case G_FILE_MONITOR_EVENT_UNMOUNTED:
    case G_FILE_MONITOR_EVENT_MOVED:
    default:
      break;
    }
}

/* Keeps the newest WSP_SHARED_FOLDER_KEEP_OWN packets this object wrote. */
static void
prune_own (WspSharedFolder *self)
{
  while (g_queue_get_length (&self->own) > WSP_SHARED_FOLDER_KEEP_OWN)
    {
      g_autofree char *path = g_queue_pop_head (&self->own);
      g_autofree char *name = g_path_get_basename (path);

      if (is_own (self, name) && g_unlink (path) != 0 && errno != ENOENT)
        g_debug ("Could not remove the old packet %s: %s", path, g_strerror (errno));
    }
}

/**
 * wsp_shared_folder_export_now:
 *
 * Writes a packet of this laptop into the folder now (a pending delayed
 * export is done by it). The GUI may call it before quitting.
 */
gboolean
wsp_shared_folder_export_now (WspSharedFolder  *self,
                              GError          **error)
{
  g_auto (WspExportReport) report = { 0 };
  g_autoptr (WspSharedFolder) hold = NULL;
  GList *same;

  g_return_val_if_fail (WSP_IS_SHARED_FOLDER (self), FALSE);

  clear_export_source (self);
  /* What the least advanced laptop known here lacks; everything while no
   * laptop is known. */
  if (!wsp_sync_export_for_folder (self->store, self->folder_path, &report, error))
    return FALSE;

  same = g_queue_find_custom (&self->own, report.path, (GCompareFunc) g_strcmp0);
  if (same != NULL)
    {
      g_free (same->data);
      g_queue_delete_link (&self->own, same);
    }
  g_queue_push_tail (&self->own, g_strdup (report.path));
  prune_own (self);

  hold = g_object_ref (self);
  g_signal_emit (self, signals[EXPORTED], 0, report.path);
  return TRUE;
}

static gboolean
export_cb (gpointer data)
{
  WspSharedFolder *self = data;
  g_autoptr (GError) error = NULL;

  /* The main loop keeps the source alive while it is dispatched. */
  g_clear_pointer (&self->export_source, g_source_unref);
  if (!wsp_shared_folder_export_now (self, &error))
    g_warning (_("Could not write an exchange file into the shared folder “%s”: %s"),
               self->folder_path, error->message);
  return G_SOURCE_REMOVE;
}

static void
on_store_changed (WspStore   *store,
                  WspChanges *changes,
                  gpointer    user_data)
{
  WspSharedFolder *self = user_data;

  /* What came in from the folder is there already. */
  if (self->importing || !self->running)
    return;
  schedule_export (self);
}

static void
schedule_export (WspSharedFolder *self)
{
  if (self->export_source != NULL)
    return;
  self->export_source = g_timeout_source_new (self->export_delay_ms);
  g_source_set_static_name (self->export_source, "[wspolnie] shared folder export");
  g_source_set_callback (self->export_source, export_cb, self, NULL);
  g_source_attach (self->export_source, self->context);
}

/* Refuses a folder that is missing, not a folder, not local, or holds the
 * live database. */
static gboolean
check_folder (WspStore  *store,
              GFile     *folder,
              GError   **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GFileInfo) info = NULL;
  g_autofree char *display = g_file_get_parse_name (folder);
  g_autofree char *path = g_file_get_path (folder);
  const char *db_path = wsp_database_get_path (wsp_store_get_database (store));

  info = g_file_query_info (folder, G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NONE, NULL,
                            &local_error);
  if (info == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error (error, WSP_SHARED_FOLDER_ERROR, WSP_SHARED_FOLDER_ERROR_NOT_FOUND,
                     _("The shared folder “%s” does not exist."), display);
      else
        g_set_error (error, WSP_SHARED_FOLDER_ERROR, WSP_SHARED_FOLDER_ERROR_NOT_FOUND,
                     _("The shared folder “%s” cannot be opened: %s"), display,
                     local_error->message);
      return FALSE;
    }
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, WSP_SHARED_FOLDER_ERROR, WSP_SHARED_FOLDER_ERROR_NOT_A_FOLDER,
                   _("“%s” is a file, not a folder. Choose the folder that Syncthing, Nextcloud "
                     "or the USB stick keeps in step."),
                   display);
      return FALSE;
    }
  if (path == NULL)
    {
      g_set_error (error, WSP_SHARED_FOLDER_ERROR, WSP_SHARED_FOLDER_ERROR_NOT_LOCAL,
                   _("The shared folder “%s” is not on this computer. Choose a folder on a disk "
                     "or a USB stick connected to it."),
                   display);
      return FALSE;
    }

  /* The live database must never be carried by a sync tool: two laptops
   * would write the same file and damage it. Compare the real paths, so
   * symbolic links do not hide it. */
  if (db_path != NULL && *db_path != '\0' && strcmp (db_path, ":memory:") != 0)
    {
      g_autofree char *abs_db = g_canonicalize_filename (db_path, NULL);
      g_autofree char *abs_folder = g_canonicalize_filename (path, NULL);
      char *real_db = realpath (abs_db, NULL);
      char *real_folder = realpath (abs_folder, NULL);
      const char *db = real_db != NULL ? real_db : abs_db;
      const char *dir = real_folder != NULL ? real_folder : abs_folder;
      gsize len = strlen (dir);
      gboolean inside = g_str_has_prefix (db, dir)
                        && (db[len] == G_DIR_SEPARATOR || db[len] == '\0'
                            || (len > 0 && dir[len - 1] == G_DIR_SEPARATOR));

      free (real_db);
      free (real_folder);
      if (inside)
        {
          g_set_error (error, WSP_SHARED_FOLDER_ERROR, WSP_SHARED_FOLDER_ERROR_DATABASE_INSIDE,
                       _("The database of this laptop is inside the shared folder “%s”. Other "
                         "laptops would write to the same file and damage it. Choose a folder "
                         "that does not hold the database."),
                       display);
          return FALSE;
        }
    }
  return TRUE;
}

/**
 * wsp_shared_folder_new:
 * @store: this laptop's data
 * @folder: the folder a sync tool or a USB stick keeps in step
 *
 * Returns: (transfer full) (nullable): a watcher, not started yet; NULL if
 *   the folder cannot be used
 */
WspSharedFolder *
wsp_shared_folder_new (WspStore  *store,
                       GFile     *folder,
                       GError   **error)
{
  WspKeyPair pair;

  g_return_val_if_fail (WSP_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_FILE (folder), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_folder (store, folder, error))
    return NULL;
  /* The keys are made on first use; make them now, where an error can be told. */
  if (!wsp_sync_get_keys (store, &pair, error))
    return NULL;
  memset (&pair, 0, sizeof pair);
  return g_object_new (WSP_TYPE_SHARED_FOLDER, "store", store, "folder", folder, NULL);
}

WspStore *
wsp_shared_folder_get_store (WspSharedFolder *self)
{
  g_return_val_if_fail (WSP_IS_SHARED_FOLDER (self), NULL);
  return self->store;
}

GFile *
wsp_shared_folder_get_folder (WspSharedFolder *self)
{
  g_return_val_if_fail (WSP_IS_SHARED_FOLDER (self), NULL);
  return self->folder;
}

gboolean
wsp_shared_folder_is_running (WspSharedFolder *self)
{
  g_return_val_if_fail (WSP_IS_SHARED_FOLDER (self), FALSE);
  return self->running;
}

/**
 * wsp_shared_folder_scan_now:
 *
 * Reads every packet in the folder not handled yet, now (at start, and in
 * tests). Files that were refused are not read again unless they changed.
 */
void
wsp_shared_folder_scan_now (WspSharedFolder *self)
{
  g_autoptr (GFileEnumerator) children = NULL;
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (WspSharedFolder) hold = NULL;
  g_autoptr (GError) error = NULL;
  GFileInfo *info;

  g_return_if_fail (WSP_IS_SHARED_FOLDER (self));

  children = g_file_enumerate_children (self->folder, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NONE, NULL, &error);
  if (children == NULL)
    {
      g_debug ("Cannot read the shared folder %s: %s", self->folder_path, error->message);
      return;
    }
  while ((info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      const char *name = g_file_info_get_name (info);

      if (wsp_shared_folder_is_candidate (name) && !is_own (self, name))
        g_ptr_array_add (names, g_strdup (name));
      g_object_unref (info);
    }
  /* The order does not change the outcome; sorted, it is the same each time. */
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  hold = g_object_ref (self);
  for (guint i = 0; i < names->len; i++)
    process_file (self, g_ptr_array_index (names, i));
}

/**
 * wsp_shared_folder_retry:
 *
 * Reads the refused files again, and any new ones: after a person trusted a
 * laptop whose files were refused.
 */
void
wsp_shared_folder_retry (WspSharedFolder *self)
{
  GHashTableIter iter;
  gpointer value;

  g_return_if_fail (WSP_IS_SHARED_FOLDER (self));

  g_hash_table_iter_init (&iter, self->seen);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (((Seen *) value)->refused)
      g_hash_table_iter_remove (&iter);
  wsp_shared_folder_scan_now (self);
}

static gboolean
rescan_cb (gpointer data)
{
  wsp_shared_folder_scan_now (data);
  return G_SOURCE_CONTINUE;
}

/**
 * wsp_shared_folder_start:
 *
 * Watches the folder, reads what is in it already, and from now on writes a
 * packet after changes made on this laptop.
 */
gboolean
wsp_shared_folder_start (WspSharedFolder  *self,
                         GError          **error)
{
  g_return_val_if_fail (WSP_IS_SHARED_FOLDER (self), FALSE);

  if (self->running)
    return TRUE;
  self->monitor = g_file_monitor_directory (self->folder, G_FILE_MONITOR_WATCH_MOVES, NULL, error);
  if (self->monitor == NULL)
    return FALSE;
  g_signal_connect (self->monitor, "changed", G_CALLBACK (on_folder_changed), self);
  self->store_changed_id = g_signal_connect (self->store, "changed",
                                             G_CALLBACK (on_store_changed), self);
  self->running = TRUE;
  wsp_shared_folder_scan_now (self);
  {
    GSource *source = g_timeout_source_new_seconds (WSP_SHARED_FOLDER_RESCAN_S);

    g_source_set_static_name (source, "[wspolnie] shared folder rescan");
    g_source_set_callback (source, rescan_cb, self, NULL);
    self->rescan_id = g_source_attach (source, self->context);
    g_source_unref (source);
  }
  return TRUE;
}

/**
 * wsp_shared_folder_stop:
 *
 * Stops watching; files waiting to settle and a delayed export are dropped
 * (the next export carries those changes anyway).
 */
void
wsp_shared_folder_stop (WspSharedFolder *self)
{
  g_return_if_fail (WSP_IS_SHARED_FOLDER (self));

  self->running = FALSE;
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->monitor, on_folder_changed, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  if (self->store != NULL)
    g_clear_signal_handler (&self->store_changed_id, self->store);
  if (self->pending != NULL)
    g_hash_table_remove_all (self->pending);
  if (self->rescan_id != 0)
    {
      GSource *source = g_main_context_find_source_by_id (self->context, self->rescan_id);

      if (source != NULL)
        g_source_destroy (source);
      self->rescan_id = 0;
    }
  clear_export_source (self);
}

static void
wsp_shared_folder_constructed (GObject *object)
{
  WspSharedFolder *self = WSP_SHARED_FOLDER (object);
  WspKeyPair pair;

  G_OBJECT_CLASS (wsp_shared_folder_parent_class)->constructed (object);

  g_return_if_fail (self->store != NULL && self->folder != NULL);
  self->folder_path = g_file_get_path (self->folder);
  if (wsp_sync_get_keys (self->store, &pair, NULL))
    self->key_id = wsp_keys_key_id (pair.public_key);
  memset (&pair, 0, sizeof pair);
}

static void
wsp_shared_folder_dispose (GObject *object)
{
  WspSharedFolder *self = WSP_SHARED_FOLDER (object);

  wsp_shared_folder_stop (self);
  g_clear_object (&self->store);
  g_clear_object (&self->folder);

  G_OBJECT_CLASS (wsp_shared_folder_parent_class)->dispose (object);
}

static void
wsp_shared_folder_finalize (GObject *object)
{
  WspSharedFolder *self = WSP_SHARED_FOLDER (object);

  g_clear_pointer (&self->pending, g_hash_table_unref);
  g_clear_pointer (&self->seen, g_hash_table_unref);
  g_queue_clear_full (&self->own, g_free);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_free (self->folder_path);
  g_free (self->key_id);

  G_OBJECT_CLASS (wsp_shared_folder_parent_class)->finalize (object);
}

static void
wsp_shared_folder_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  WspSharedFolder *self = WSP_SHARED_FOLDER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_FOLDER:
      g_value_set_object (value, self->folder);
      break;
    case PROP_SETTLE_MS:
      g_value_set_uint (value, self->settle_ms);
      break;
    case PROP_EXPORT_DELAY_MS:
      g_value_set_uint (value, self->export_delay_ms);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wsp_shared_folder_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  WspSharedFolder *self = WSP_SHARED_FOLDER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_FOLDER:
      self->folder = g_value_dup_object (value);
      break;
    case PROP_SETTLE_MS:
      self->settle_ms = g_value_get_uint (value);
      break;
    case PROP_EXPORT_DELAY_MS:
      self->export_delay_ms = g_value_get_uint (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wsp_shared_folder_class_init (WspSharedFolderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = wsp_shared_folder_constructed;
  object_class->dispose = wsp_shared_folder_dispose;
  object_class->finalize = wsp_shared_folder_finalize;
  object_class->get_property = wsp_shared_folder_get_property;
  object_class->set_property = wsp_shared_folder_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, WSP_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FOLDER] =
    g_param_spec_object ("folder", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* How long a file must stay unchanged before it is read. */
  properties[PROP_SETTLE_MS] =
    g_param_spec_uint ("settle-ms", NULL, NULL, 0, G_MAXINT, DEFAULT_SETTLE_MS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* How long after a change on this laptop its packet is written. */
  properties[PROP_EXPORT_DELAY_MS] =
    g_param_spec_uint ("export-delay-ms", NULL, NULL, 0, G_MAXINT, DEFAULT_EXPORT_DELAY_MS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * WspSharedFolder::imported:
   * @path: the file
   * @report: (type WspImportReport): what it brought; valid during the emission
   *
   * A packet new to this laptop was imported.
   */
  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 2,
                                    G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE, G_TYPE_POINTER);
  /**
   * WspSharedFolder::refused:
   * @path: the file
   * @error: why; nothing changed
   *
   * A file was not imported: from a laptop not trusted here, damaged or
   * forged. Told once for each version of a file.
   */
  signals[REFUSED] = g_signal_new ("refused", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 2,
                                   G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE,
                                   G_TYPE_ERROR | G_SIGNAL_TYPE_STATIC_SCOPE);
  /**
   * WspSharedFolder::exported:
   * @path: the packet written into the folder
   */
  signals[EXPORTED] = g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 1,
                                    G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
wsp_shared_folder_init (WspSharedFolder *self)
{
  self->settle_ms = DEFAULT_SETTLE_MS;
  self->export_delay_ms = DEFAULT_EXPORT_DELAY_MS;
  self->context = g_main_context_ref_thread_default ();
  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, pending_free);
  self->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_queue_init (&self->own);
}
