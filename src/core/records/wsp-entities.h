/* wsp-entities.h — every kind of record the store keeps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

const GType *wsp_entities_get_types (guint      *n_types);
GType        wsp_entities_lookup    (const char *name);

G_END_DECLS
