/* wsp-entities.h — every kind of record the store keeps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "records/wsp-record.h"

G_BEGIN_DECLS

const GType     *wsp_entities_get_types (guint      *n_types);
GType            wsp_entities_lookup    (const char *name);
const WspEntity *wsp_entities_find      (const char *name);
const WspEntity *wsp_entities_for_type  (GType       type);

WspRecord       *wsp_record_new_for_entity (const char *entity,
                                           const char *id);

G_END_DECLS
