/* wsp-json.c — canonical JSON text
 *
 * Revisions are hashed over their text, so the same content must always give
 * the same bytes: object members sorted by name, no spaces.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "base/wsp-json.h"

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

static JsonNode *
sorted_copy (JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr (JsonObject) copy = json_object_new ();
      g_autoptr (GList) members = json_object_get_members (object);
      g_autoptr (GPtrArray) names = g_ptr_array_new ();

      for (GList *l = members; l != NULL; l = l->next)
        g_ptr_array_add (names, l->data);
      g_ptr_array_sort (names, compare_strings);
      for (guint i = 0; i < names->len; i++)
        {
          const char *name = g_ptr_array_index (names, i);
          json_object_set_member (copy, name, sorted_copy (json_object_get_member (object, name)));
        }
      return json_node_init_object (json_node_alloc (), copy);
    }
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      g_autoptr (JsonArray) copy = json_array_sized_new (json_array_get_length (array));

      for (guint i = 0; i < json_array_get_length (array); i++)
        json_array_add_element (copy, sorted_copy (json_array_get_element (array, i)));
      return json_node_init_array (json_node_alloc (), copy);
    }
  return json_node_copy (node);
}

/* The canonical text of @node: members sorted, compact. */
char *
wsp_json_canonical (JsonNode *node)
{
  g_autoptr (JsonNode) sorted = sorted_copy (node);

  return json_to_string (sorted, FALSE);
}

char *
wsp_json_object_canonical (JsonObject *object)
{
  g_autoptr (JsonNode) node = json_node_init_object (json_node_alloc (), object);

  return wsp_json_canonical (node);
}

/* Parses text the app wrote itself (the database's bodies). */
JsonObject *
wsp_json_parse_object (const char  *text,
                       GError     **error)
{
  g_autoptr (JsonNode) node = json_from_string (text, error);

  if (node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
                   _("The stored data is not a JSON object."));
      return NULL;
    }
  return json_object_ref (json_node_get_object (node));
}

/* Equal as JSON (NULL is equal only to NULL). */
gboolean
wsp_json_node_equal (JsonNode *a,
                     JsonNode *b)
{
  g_autofree char *ta = NULL;
  g_autofree char *tb = NULL;

  if (a == NULL || b == NULL)
    return a == b;
  ta = wsp_json_canonical (a);
  tb = wsp_json_canonical (b);
  return strcmp (ta, tb) == 0;
}
