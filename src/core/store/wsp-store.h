/* wsp-store.h — the one API the rest of the program uses to read and change data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "base/wsp-hlc.h"
#include "base/wsp-keys.h"
#include "records/wsp-record.h"
#include "store/wsp-changes.h"
#include "store/wsp-database.h"

G_BEGIN_DECLS

#define WSP_STORE_ERROR (wsp_store_error_quark ())

typedef enum
{
  WSP_STORE_ERROR_NOT_FOUND,
  WSP_STORE_ERROR_APPEND_ONLY,
  WSP_STORE_ERROR_NOT_DELETED,
  WSP_STORE_ERROR_DAMAGED,
  WSP_STORE_ERROR_FORGED,    /* a change not signed by the laptop it is said to come from */
  WSP_STORE_ERROR_UNKNOWN_KEY, /* signed with a key not known here for its laptop */
  WSP_STORE_ERROR_TOO_LARGE,
} WspStoreError;

GQuark wsp_store_error_quark (void);

#define WSP_TYPE_STORE (wsp_store_get_type ())

G_DECLARE_FINAL_TYPE (WspStore, wsp_store, WSP, STORE, GObject)

/* What a change did to a record, as its history tells it. */
typedef enum
{
  WSP_CHANGE_CREATED,
  WSP_CHANGE_CHANGED,
  WSP_CHANGE_MERGED,   /* joined concurrent versions, or resolved a conflict */
  WSP_CHANGE_DELETED,
  WSP_CHANGE_RESTORED,
} WspChangeKind;

/**
 * WspHistoryEntry:
 * @rev_id: the revision
 * @peer_id: the laptop that made the change
 * @hlc: when, on the laptops' common clock
 * @time: when, in local time
 * @kind: what it did
 * @deleted: whether the record was deleted by it
 * @parents: the revisions it was made on
 * @fields: the fields it set, by name
 */
typedef struct
{
  char          *rev_id;
  char          *peer_id;
  WspHlc         hlc;
  GDateTime     *time;
  WspChangeKind  kind;
  gboolean       deleted;
  GStrv          parents;
  GStrv          fields;
} WspHistoryEntry;

void wsp_history_entry_free (WspHistoryEntry *entry);

/**
 * WspCandidate:
 * @rev_id: the version that gave this value
 * @peer_id: the laptop that made it
 * @hlc: when, on the laptops' common clock
 * @time: (nullable): when, in local time
 * @value: (nullable): the field's value in that version; NULL: empty
 * @deletes: for a delete against an edit: whether this version deletes the
 *   record
 */
typedef struct
{
  char      *rev_id;
  char      *peer_id;
  WspHlc     hlc;
  GDateTime *time;
  JsonNode  *value;
  gboolean   deletes;
} WspCandidate;

/**
 * WspConflict:
 * @field: (nullable): the field changed on two laptops at once; NULL when
 *   the record was deleted on one laptop and changed on another
 * @candidates: (element-type WspCandidate): every value, the current first
 */
typedef struct
{
  char      *field;
  GPtrArray *candidates;
} WspConflict;

void wsp_conflict_free (WspConflict *conflict);

WspStore    *wsp_store_open              (const char   *path,
                                          GError      **error);
WspStore    *wsp_store_open_full         (const char   *path,
                                          const char   *guard_dir,
                                          GError      **error);
WspStore    *wsp_store_new               (WspDatabase  *database,
                                          GError      **error);
WspStore    *wsp_store_new_full          (WspDatabase  *database,
                                          const char   *guard_dir,
                                          GError      **error);

/* What the store found when it opened its database. */
typedef enum
{
  WSP_STORE_NOTICE_NONE,
  WSP_STORE_NOTICE_RESTORED, /* restored from a backup: it went further on this computer */
  WSP_STORE_NOTICE_MOVED,    /* copied or moved here from another computer */
} WspStoreNotice;

WspStoreNotice wsp_store_get_notice      (WspStore     *self);
WspDatabase *wsp_store_get_database      (WspStore     *self);
WspStore    *wsp_store_open_another      (WspStore     *self,
                                          GError      **error);
void         wsp_store_refresh           (WspStore     *self,
                                          WspChanges   *changes);

typedef gboolean (*WspStoreWorkFunc) (WspStore      *worker,
                                      gpointer       data,
                                      GCancellable  *cancellable,
                                      GError       **error);

void         wsp_store_run_async         (WspStore            *self,
                                          WspStoreWorkFunc     func,
                                          gpointer             data,
                                          GDestroyNotify       destroy,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
gboolean     wsp_store_run_finish        (WspStore            *self,
                                          GAsyncResult        *result,
                                          GError             **error);
gpointer     wsp_store_run_get_data      (GAsyncResult        *result);
const char  *wsp_store_get_peer_id       (WspStore     *self);
gboolean     wsp_store_get_keys          (WspStore     *self,
                                          WspKeyPair   *pair,
                                          GError      **error);
gboolean     wsp_store_replace_key       (WspStore     *self,
                                          GError      **error);
gboolean     wsp_store_add_peer_key      (WspStore     *self,
                                          const char   *peer_id,
                                          const char   *key_hex,
                                          GError      **error);

gboolean     wsp_store_begin             (WspStore     *self,
                                          GError      **error);
gboolean     wsp_store_commit            (WspStore     *self,
                                          GError      **error);
void         wsp_store_rollback          (WspStore     *self);

gboolean     wsp_store_save              (WspStore     *self,
                                          WspRecord    *record,
                                          GError      **error);
gboolean     wsp_store_delete            (WspStore     *self,
                                          WspRecord    *record,
                                          GError      **error);
gboolean     wsp_store_undelete          (WspStore     *self,
                                          const char   *id,
                                          GError      **error);
gboolean     wsp_store_merge             (WspStore     *self,
                                          const char   *from,
                                          const char   *into,
                                          GError      **error);
gboolean     wsp_store_resolve           (WspStore     *self,
                                          WspRecord    *record,
                                          GError      **error);

WspRecord   *wsp_store_get               (WspStore     *self,
                                          const char   *id,
                                          GError      **error);
gboolean     wsp_store_query             (WspStore     *self,
                                          GType         type,
                                          const char   *field,
                                          const char   *value,
                                          GPtrArray    *records,
                                          GError      **error);
guint        wsp_store_count             (WspStore     *self,
                                          GType         type);
GListModel  *wsp_store_search            (WspStore     *self,
                                          const char   *text,
                                          guint         limit,
                                          GError      **error);
GPtrArray   *wsp_store_dup_history       (WspStore     *self,
                                          const char   *id,
                                          GError      **error);
GPtrArray   *wsp_store_dup_conflicts     (WspStore     *self,
                                          const char   *id,
                                          GError      **error);
guint        wsp_store_count_conflicts   (WspStore     *self);
GPtrArray   *wsp_store_dup_conflicted_ids (WspStore    *self,
                                          GError      **error);
gboolean     wsp_store_check             (WspStore     *self,
                                          GError      **error);
typedef struct
{
  guint    received;      /* changes in the batch */
  guint    added;         /* of those, new to this laptop */
  guint    records;       /* records whose state was worked out again */
  guint    held_aside;    /* changes kept aside: of kinds of records a newer app knows, of a revoked
                           * laptop, of a key not accepted yet, or following one of those */
  guint    held_for_key;  /* of those, of a laptop whose new key this one has not accepted yet */
  guint    taken_back;    /* this laptop's own changes it had lost (a restored backup) */
  gboolean clock_clamped;
  gboolean renumbered;    /* this laptop's numbering was forked: it goes on in a new one */
  gboolean new_identity;  /* this database is a copy of another laptop's: it became a laptop of its own */
} WspAddStats;

/* What an import did to one record. */
typedef enum
{
  WSP_OUTCOME_UNCHANGED,
  WSP_OUTCOME_NEW,
  WSP_OUTCOME_UPDATED,
  WSP_OUTCOME_MERGED,   /* concurrent edits of different fields, joined */
  WSP_OUTCOME_CONFLICT, /* waits for a person */
  WSP_OUTCOME_DELETED,
} WspOutcomeKind;

typedef struct
{
  char           *id;
  char           *entity;
  WspOutcomeKind  kind;
  char           *title;  /* what names the record after the import (wsp_record_dup_title()) */
} WspOutcome;

void         wsp_outcome_free            (WspOutcome   *outcome);

/* Changes to and from other laptops, one at a time (a packet of any size
 * in bounded memory). */
typedef gboolean (*WspChangeFunc) (JsonObject  *change,
                                   gpointer     data,
                                   GError     **error);

gboolean     wsp_store_foreach_change    (WspStore      *self,
                                          JsonObject    *known,
                                          WspChangeFunc  func,
                                          gpointer       data,
                                          GError       **error);
typedef gboolean (*WspLineFunc) (const char  *line,
                                 gsize        length,
                                 gboolean     is_change,
                                 gpointer     data,
                                 GError     **error);

gboolean     wsp_store_foreach_line      (WspStore      *self,
                                          JsonObject    *known,
                                          WspLineFunc    func,
                                          gpointer       data,
                                          GError       **error);
gboolean     wsp_store_foreach_line_scoped (WspStore     *self,
                                            GHashTable   *records,
                                            WspLineFunc   func,
                                            gpointer      data,
                                            GError      **error);
JsonArray   *wsp_store_dup_streams       (WspStore      *self,
                                          GError       **error);

typedef struct _WspImport WspImport;

WspImport   *wsp_store_import_begin      (WspStore      *self,
                                          const char    *sender_peer,
                                          GError       **error);
void         wsp_import_set_want_titles  (WspImport     *import,
                                          gboolean       want);
gboolean     wsp_import_add_author       (WspImport     *import,
                                          const char    *peer_id,
                                          const char    *name,
                                          const char    *key_hex,
                                          GError       **error);
gboolean     wsp_import_add              (WspImport     *import,
                                          JsonNode      *change,
                                          GError       **error);
gboolean     wsp_import_add_legacy       (WspImport     *import,
                                          JsonNode      *revision,
                                          GError       **error);
gboolean     wsp_import_end              (WspImport     *import,
                                          WspAddStats   *stats,
                                          GPtrArray     *outcomes,
                                          GError       **error);
void         wsp_import_free             (WspImport     *import);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WspImport, wsp_import_free)

/* The same for a whole batch in memory, in one transaction of its own. */
JsonArray   *wsp_store_dup_revisions     (WspStore     *self,
                                          JsonObject   *known,
                                          GError      **error);
gboolean     wsp_store_add_revisions     (WspStore     *self,
                                          JsonArray    *revisions,
                                          WspAddStats  *stats,
                                          GPtrArray    *outcomes,
                                          GError      **error);
char        *wsp_store_dup_meta          (WspStore     *self,
                                          const char   *key);
gboolean     wsp_store_set_meta          (WspStore     *self,
                                          const char   *key,
                                          const char   *value,
                                          GError      **error);
JsonObject  *wsp_store_dup_have          (WspStore     *self,
                                          GError      **error);
gboolean     wsp_store_reproject         (WspStore     *self,
                                          const char   *record_id,
                                          GError      **error);

G_END_DECLS
