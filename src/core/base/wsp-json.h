/* wsp-json.h — canonical JSON text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

char       *wsp_json_canonical        (JsonNode   *node);
char       *wsp_json_object_canonical (JsonObject *object);
void        wsp_json_append_object    (GString    *out,
                                       JsonObject *object);
JsonObject *wsp_json_parse_object     (const char *text,
                                       GError    **error);
gboolean    wsp_json_node_equal       (JsonNode   *a,
                                       JsonNode   *b);

G_END_DECLS
