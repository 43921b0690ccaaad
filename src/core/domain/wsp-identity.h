/* wsp-identity.h — the same organisation, person or body on two laptops
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "store/wsp-store.h"

G_BEGIN_DECLS

/**
 * WspSameAs:
 * @entity: the kind of record
 * @id: a record an import brought
 * @other_id: the record this laptop held already with the same natural key
 * @title: what names @id
 * @other_title: what names @other_id
 * @key: the natural key they share, as a person reads it ("KRS 0000123456")
 *
 * Two records that are one: merged, the one with the smaller id stays.
 */
typedef struct
{
  char *entity;
  char *id;
  char *other_id;
  char *title;
  char *other_title;
  char *key;
} WspSameAs;

void       wsp_same_as_free             (WspSameAs   *same);

char      *wsp_identity_natural_key     (WspStore    *store,
                                         WspRecord   *record);
GPtrArray *wsp_identity_find_same       (WspStore    *store,
                                         GPtrArray   *outcomes,
                                         GError     **error);
gboolean   wsp_identity_merge_all       (WspStore    *store,
                                         GPtrArray   *same,
                                         guint       *merged,
                                         GError     **error);

G_END_DECLS
