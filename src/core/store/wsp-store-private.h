/* wsp-store-private.h — what the files of WspStore share
 *
 * WspStore is one class in several files, split by concern:
 *   wsp-store.c             life, identity, transactions and the one
 *                           notification per commit
 *   wsp-store-write.c       saves, deletes, restores and resolutions: new
 *                           changes made on this laptop
 *   wsp-store-projection.c  the current value of a record worked out from
 *                           its changes, and the tables that hold it
 *   wsp-store-query.c       reading records, lists, search, history, conflicts
 *   wsp-store-exchange.c    changes to and from other laptops, and the check
 *   wsp-store-upgrade.c     the revisions of schema 1–6 made into changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "base/wsp-hlc.h"
#include "base/wsp-keys.h"
#include "store/wsp-changes.h"
#include "store/wsp-store.h"

G_BEGIN_DECLS

/* The pseudo-field of a change that deletes (true) or restores (false) its
 * record; also the conflict of a delete against an edit. */
#define WSP_STORE_DELETED_FIELD "_deleted"

/* The pseudo-field of a record merged into another: that record's id. */
#define WSP_STORE_MERGED_FIELD "_merged_into"

/* The chain before the first entry of a stream. */
#define WSP_CHAIN_ZERO "0000000000000000000000000000000000000000000000000000000000000000"

struct _WspStore
{
  GObject      parent_instance;

  WspDatabase *database;
  char        *peer_id;    /* this laptop */
  char        *stream;     /* the numbering of this laptop's changes */
  WspHlc       hlc;
  gint64       stream_seq; /* the last number given in @stream */
  char        *stream_chain; /* the chain of that entry */
  gboolean     head_dirty; /* @stream_chain moved on: a new head to sign at commit */
  WspKeyPair   keys;
  gboolean     have_keys;
  char        *guard_dir;  /* where this computer notes how far the numbering went */
  gint64       guarded_seq;
  gboolean     guard_noted; /* the note is there, for the current stream */
  gboolean     noted_before; /* the database says a computer noted its numbering */
  WspStoreNotice notice;
  guint        following;  /* merged records followed in wsp_store_get() */

  guint        depth;
  WspChanges  *pending;    /* changed in the open transaction */
};

/* One change of one record, as it is kept and exchanged. */
typedef struct
{
  char       *rev_id;
  char       *record_id;
  char       *entity;
  gint64      gen;
  GStrv       parents;    /* sorted */
  JsonObject *sets;       /* field → value written (null: cleared) */
  char       *hlc;
  char       *stream;
  gint64      stream_seq;
  gboolean    leaf;
} WspChange;

/* How a laptop's key stands here. */
typedef enum
{
  WSP_KEY_ERROR,
  WSP_KEY_GOOD,
  WSP_KEY_OTHER_KEY,       /* known, with another key */
  WSP_KEY_REVOKED,
  WSP_KEY_UNKNOWN_LAPTOP,
} WspKeyStanding;

void        wsp_change_free             (WspChange    *change);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WspChange, wsp_change_free)

/* wsp-store.c */
gboolean    wsp_store_new_stream        (WspStore     *self,
                                         GError      **error);
gboolean    wsp_store_become_new_laptop (WspStore     *self,
                                         GError      **error);
gboolean    wsp_store_resume_numbering  (WspStore     *self,
                                         gint64        seq,
                                         GError      **error);
gboolean    wsp_store_load_counters     (WspStore     *self,
                                         GError      **error);
void        wsp_store_note_change       (WspStore     *self,
                                         const char   *entity,
                                         const char   *id);

/* wsp-store-projection.c */
gboolean    wsp_store_reproject_full    (WspStore     *self,
                                         const char   *record_id,
                                         gboolean      fresh,
                                         GError      **error);
gboolean    wsp_store_ensure_projection (WspStore     *self,
                                         GError      **error);
GPtrArray  *wsp_store_load_changes      (WspStore     *self,
                                         const char   *record_id,
                                         GError      **error);

/* wsp-store-write.c */
char       *wsp_store_change_id         (const char   *entity,
                                         const char   *record_id,
                                         gint64        gen,
                                         const char   *parents_text,
                                         const char   *sets_text);
char       *wsp_store_parents_text      (const char * const *parents);
int         wsp_store_compare_strings   (gconstpointer a,
                                         gconstpointer b);
gboolean    wsp_store_insert_change     (WspStore     *self,
                                         const char   *rev_id,
                                         const char   *record_id,
                                         const char   *entity,
                                         gint64        gen,
                                         const char   *parents_text,
                                         const char   *sets_text,
                                         const char   *hlc,
                                         const char   *stream,
                                         gint64        stream_seq,
                                         const char   *prev,
                                         const char   *chain,
                                         gboolean     *inserted,
                                         GError      **error);
gboolean    wsp_store_mark_parents      (WspStore     *self,
                                         const char   *record_id,
                                         const char   *rev_id,
                                         const char * const *parents,
                                         GError      **error);

/* wsp-store-exchange.c */
gboolean    wsp_store_add_alias         (WspStore     *self,
                                         const char   *stream,
                                         gint64        seq,
                                         const char   *rev_id,
                                         const char   *prev,
                                         const char   *chain,
                                         GError      **error);
gboolean    wsp_store_note_stream       (WspStore     *self,
                                         const char   *stream,
                                         const char   *peer_id,
                                         GError      **error);
gboolean    wsp_store_advance_run       (WspStore     *self,
                                         const char   *stream,
                                         GError      **error);

/* wsp-store-import.c */
WspStore   *wsp_import_get_store        (WspImport    *import);
gboolean    wsp_store_value_fits        (const WspField *field,
                                         JsonNode     *value);
gboolean    wsp_store_value_is_sound    (JsonNode     *value);
gboolean    wsp_store_sets_fit          (JsonObject   *sets,
                                         GError      **error);
void        wsp_import_set_legacy       (WspImport    *import);

/* wsp-store-authors.c */
char       *wsp_store_chain_next        (const char   *prev,
                                         const char   *stream,
                                         gint64        seq,
                                         const char   *rev_id);
char       *wsp_store_stream_owner      (const char   *stream);
char       *wsp_store_head_text         (const char   *stream,
                                         gint64        seq,
                                         const char   *chain,
                                         const char   *signer,
                                         gint64        legacy);
void        wsp_store_forget_keys       (WspStore     *self);
gboolean    wsp_store_number_own        (WspStore     *self,
                                         const char   *rev_id,
                                         gint64       *seq,
                                         char        **prev,
                                         char        **chain,
                                         GError      **error);
gboolean    wsp_store_seal              (WspStore     *self,
                                         GError      **error);
gboolean    wsp_store_chain_unchained   (WspStore     *self,
                                         const char   *stream,
                                         GError      **error);
gboolean    wsp_store_prune_heads       (WspStore     *self,
                                         const char   *stream,
                                         GError      **error);
gboolean    wsp_store_witness           (WspStore     *self,
                                         const char   *stream,
                                         GError      **error);
WspKeyStanding wsp_store_key_standing   (WspStore     *self,
                                         const char   *peer_id,
                                         const char   *key_hex,
                                         char        **name,
                                         GError      **error);
gboolean    wsp_store_head_signed       (const char   *text,
                                         const char   *key_hex,
                                         const char   *signature_hex);
gboolean    wsp_store_keep_head         (WspStore     *self,
                                         const char   *stream,
                                         gint64        seq,
                                         const char   *chain,
                                         const char   *signer,
                                         gint64        legacy,
                                         const char   *key_hex,
                                         const char   *signature_hex,
                                         GError      **error);
gboolean    wsp_store_may_witness       (WspStore     *self,
                                         const char   *stream,
                                         gint64        seq,
                                         gboolean     *may,
                                         GError      **error);

/* wsp-store-query.c */
WspRecord  *wsp_store_record_from_row   (sqlite3_stmt *stmt,
                                         int           first_column);
JsonNode   *wsp_store_member            (JsonObject   *object,
                                         const char   *name);

/* wsp-store-upgrade.c */
gboolean    wsp_store_upgrade           (WspStore     *self,
                                         GError      **error);

G_END_DECLS
