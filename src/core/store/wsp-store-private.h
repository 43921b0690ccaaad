/* wsp-store-private.h — what the files of WspStore share
 *
 * WspStore is one class in several files, split by concern:
 *   wsp-store.c             life, identity, transactions and the one
 *                           notification per commit
 *   wsp-store-write.c       saves, deletes, restores and resolutions: new
 *                           revisions made on this laptop
 *   wsp-store-projection.c  the current value of a record worked out from
 *                           its revisions, and the tables that hold it
 *   wsp-store-query.c       reading records, lists, search, history, conflicts
 *   wsp-store-exchange.c    revisions to and from other laptops, and the check
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "base/wsp-hlc.h"
#include "store/wsp-changes.h"
#include "store/wsp-store.h"

G_BEGIN_DECLS

/* The pseudo-field of a conflict between a delete and an edit. */
#define WSP_STORE_DELETED_FIELD "_deleted"

struct _WspStore
{
  GObject      parent_instance;

  WspDatabase *database;
  char        *peer_id;
  WspHlc       hlc;
  gint64       origin_seq;

  guint        depth;
  WspChanges  *pending;    /* changed in the open transaction */
};

/* wsp-store.c */
gboolean    wsp_store_load_counters     (WspStore     *self,
                                         GError      **error);
void        wsp_store_note_change       (WspStore     *self,
                                         const char   *entity,
                                         const char   *id);

/* wsp-store-projection.c */
gboolean    wsp_store_ensure_projection (WspStore     *self,
                                         GError      **error);

/* wsp-store-write.c */
char       *wsp_store_revision_id       (const char   *entity,
                                         const char   *record_id,
                                         gint64        gen,
                                         gboolean      deleted,
                                         const char   *parents_text,
                                         const char   *body_text);
int         wsp_store_compare_strings   (gconstpointer a,
                                         gconstpointer b);

/* wsp-store-exchange.c */
gboolean    wsp_store_add_alias         (WspStore     *self,
                                         const char   *peer,
                                         gint64        seq,
                                         const char   *rev_id,
                                         GError      **error);

/* wsp-store-query.c */
WspRecord  *wsp_store_record_from_row   (sqlite3_stmt *stmt,
                                         int           first_column);
JsonNode   *wsp_store_member            (JsonObject   *object,
                                         const char   *name);

G_END_DECLS
