/* wsp-sync.h — packets: export, import, trust
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "base/wsp-keys.h"
#include "store/wsp-store.h"

G_BEGIN_DECLS

#define WSP_SYNC_ERROR (wsp_sync_error_quark ())

typedef enum
{
  WSP_SYNC_ERROR_NOT_A_PACKET,
  WSP_SYNC_ERROR_NEWER,
  WSP_SYNC_ERROR_BAD_SIGNATURE,
  WSP_SYNC_ERROR_UNKNOWN_LAPTOP,
  WSP_SYNC_ERROR_CHANGED_KEY,
  WSP_SYNC_ERROR_REVOKED,
  WSP_SYNC_ERROR_OWN_PACKET,
  WSP_SYNC_ERROR_TOO_LARGE,
  WSP_SYNC_ERROR_UNKNOWN_RECIPIENT,
  WSP_SYNC_ERROR_WRONG_RECIPIENT,
  WSP_SYNC_ERROR_STALE,      /* a delta that assumes changes this laptop does not hold (any more) */
} WspSyncError;

GQuark wsp_sync_error_quark (void);

/* The format of the changes a packet carries; a newer one is refused. */
#define WSP_PACKET_SCHEMA_VERSION 2
#define WSP_PACKET_SUFFIX ".wspolnie.json"

typedef enum
{
  WSP_IMPORT_DEFAULT    = 0,
  WSP_IMPORT_DRY_RUN    = 1 << 0, /* work everything out, change nothing */
  WSP_IMPORT_TRUST_NEW  = 1 << 1, /* a person compared the fingerprint of an unknown laptop */
  WSP_IMPORT_ACCEPT_NEW_KEY = 1 << 2, /* a person compared the new fingerprint of a known laptop */
} WspImportFlags;

typedef struct
{
  char       *packet_id;
  char       *sender_peer;
  char       *sender_name;
  char       *fingerprint;
  char       *created_at;    /* ISO 8601, as the sender's clock said */
  gboolean    new_laptop;    /* the sender was not known before */
  gboolean    key_changed;   /* the sender is known, with another key */
  gboolean    already_imported;
  gboolean    full;
  WspAddStats stats;
  GPtrArray  *outcomes;      /* WspOutcome */
  GPtrArray  *same;          /* WspSameAs: records brought that this laptop held under another id */
  JsonObject *scope;         /* a review file or a reply to one: what it is about (wsp-review.h) */
  char       *reply_person;  /* a reply: the member it is from (a person's id) */
  char       *reply_summary; /* a reply: “Anna Kowalczyk: 4 comments on § 3, § 5 ust. 2, …” */
  guint       reply_comments;
  gboolean    reply_older_version; /* a reply: made on a version that is no longer the latest */
  gboolean    reply_not_member;    /* a reply: from someone not on the Council now */
} WspImportReport;

void      wsp_import_report_clear   (WspImportReport *report);
guint     wsp_import_report_count   (WspImportReport *report,
                                     const char      *entity,
                                     WspOutcomeKind   kind);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (WspImportReport, wsp_import_report_clear)

typedef struct
{
  char  *path;
  char  *packet_id;
  guint  revisions;
  gsize  bytes;
} WspExportReport;

void      wsp_export_report_clear   (WspExportReport *report);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (WspExportReport, wsp_export_report_clear)

gboolean  wsp_sync_get_keys         (WspStore        *store,
                                     WspKeyPair      *pair,
                                     GError         **error);
char     *wsp_sync_dup_fingerprint  (WspStore        *store,
                                     GError         **error);
char     *wsp_sync_dup_laptop_name  (WspStore        *store);
gboolean  wsp_sync_set_laptop_name  (WspStore        *store,
                                     const char      *name,
                                     GError         **error);
GBytes   *wsp_sync_build_packet     (WspStore        *store,
                                     const char      *recipient,
                                     gboolean         full,
                                     WspExportReport *report,
                                     GError         **error);
gboolean  wsp_sync_export           (WspStore        *store,
                                     const char      *path,
                                     const char      *recipient,
                                     gboolean         full,
                                     WspExportReport *report,
                                     GError         **error);
gboolean  wsp_sync_export_scoped    (WspStore        *store,
                                     const char      *path,
                                     JsonObject      *scope,
                                     GHashTable      *records,
                                     WspExportReport *report,
                                     GError         **error);
gboolean  wsp_sync_export_for_folder (WspStore       *store,
                                      const char     *folder,
                                      WspExportReport *report,
                                      GError        **error);
gboolean  wsp_sync_folder_has_news  (WspStore        *store);
char     *wsp_sync_packet_file_name (WspStore        *store,
                                     const char      *packet_id);
char     *wsp_sync_clean_name       (const char      *name);
gboolean  wsp_sync_import_bytes     (WspStore        *store,
                                     GBytes          *bytes,
                                     WspImportFlags   flags,
                                     WspImportReport *report,
                                     GError         **error);
gboolean  wsp_sync_import_file      (WspStore        *store,
                                     const char      *path,
                                     WspImportFlags   flags,
                                     WspImportReport *report,
                                     GError         **error);
void      wsp_sync_import_bytes_async  (WspStore            *store,
                                        GBytes              *bytes,
                                        WspImportFlags       flags,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
void      wsp_sync_import_file_async   (WspStore            *store,
                                        const char          *path,
                                        WspImportFlags       flags,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
gboolean  wsp_sync_import_bytes_finish (WspStore            *store,
                                        GAsyncResult        *result,
                                        WspImportReport     *report,
                                        GError             **error);
void      wsp_sync_export_async        (WspStore            *store,
                                        const char          *path,
                                        const char          *recipient,
                                        gboolean             full,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
gboolean  wsp_sync_export_finish       (WspStore            *store,
                                        GAsyncResult        *result,
                                        WspExportReport     *report,
                                        GError             **error);

/**
 * WspPeer:
 * @peer_id: the laptop's id
 * @name: the name it gives itself in its files
 * @key_id: (nullable): its key's id
 * @fingerprint: (nullable): its key's fingerprint, as people compare it
 * @trusted: whether its files are taken
 * @first_seen: (nullable): when its first file came (ISO 8601)
 * @last_seen: (nullable): when its last file came (ISO 8601)
 * @introduced_by: (nullable): the laptop whose file introduced it, when
 *   this one never had a file of its own from it
 *
 * Another laptop known here.
 */
typedef struct
{
  char     *peer_id;
  char     *name;
  char     *key_id;
  char     *fingerprint;
  gboolean  trusted;
  char     *first_seen;
  char     *last_seen;
  char     *introduced_by;
} WspPeer;

void        wsp_peer_free           (WspPeer         *peer);
GPtrArray  *wsp_sync_dup_peers      (WspStore        *store,
                                     GError         **error);
GHashTable *wsp_sync_dup_peer_names (WspStore        *store);
gboolean  wsp_sync_revoke_peer      (WspStore        *store,
                                     const char      *peer_id,
                                     GError         **error);
gboolean  wsp_sync_trust_peer       (WspStore        *store,
                                     const char      *peer_id,
                                     GError         **error);

G_END_DECLS
