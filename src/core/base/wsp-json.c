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

/* A JSON string, every control character escaped (json-glib 1.6 writes
 * some raw, which strict readers, our own included, refuse). */
static void
append_string (GString    *out,
               const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\b':
          g_string_append (out, "\\b");
          break;
        case '\f':
          g_string_append (out, "\\f");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char) c);
        }
    }
  g_string_append_c (out, '"');
}

static void
append_node (GString  *out,
             JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      g_string_append (out, "null");
      return;
    }
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr (GList) members = json_object_get_members (object);
      g_autoptr (GPtrArray) names = g_ptr_array_new ();

      for (GList *l = members; l != NULL; l = l->next)
        g_ptr_array_add (names, l->data);
      g_ptr_array_sort (names, compare_strings);
      g_string_append_c (out, '{');
      for (guint i = 0; i < names->len; i++)
        {
          const char *name = g_ptr_array_index (names, i);

          if (i > 0)
            g_string_append_c (out, ',');
          append_string (out, name);
          g_string_append_c (out, ':');
          append_node (out, json_object_get_member (object, name));
        }
      g_string_append_c (out, '}');
      return;
    }
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      g_string_append_c (out, '[');
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          append_node (out, json_array_get_element (array, i));
        }
      g_string_append_c (out, ']');
      return;
    }
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_BOOLEAN:
      g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
      break;
    case G_TYPE_INT64:
      g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
      break;
    case G_TYPE_DOUBLE:
      {
        char buf[G_ASCII_DTOSTR_BUF_SIZE];
        g_string_append (out, g_ascii_dtostr (buf, sizeof buf, json_node_get_double (node)));
      }
      break;
    case G_TYPE_STRING:
      append_string (out, json_node_get_string (node));
      break;
    default:
      g_string_append (out, "null");
      break;
    }
}

/* The canonical text of @node: members sorted, compact, every control
 * character escaped. */
char *
wsp_json_canonical (JsonNode *node)
{
  GString *out = g_string_new (NULL);

  append_node (out, node);
  return g_string_free (out, FALSE);
}

/* Appends the canonical text of @object to @out. */
void
wsp_json_append_object (GString    *out,
                        JsonObject *object)
{
  g_autoptr (JsonNode) node = json_node_init_object (json_node_alloc (), object);

  append_node (out, node);
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
