/* wsp-draft-units.c — the units a draft's text is split into, as a version stores them
 *
 * A version of a draft keeps its units in its `units` field: a JSON array,
 * in the order of the text, of objects { key, label, parent, kind, text,
 * from }. Versions stored before units had a kind ({ key, label, parent,
 * text } with keys such as "p3.u2.pt1") are read too: their kind comes from
 * the label ("§ 3", "ust. 2", "pkt 1") and the name a person cites them by
 * from the labels of the units they are in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "domain/wsp-draft-units.h"

static const char * const kind_names[] = {
  [WSP_UNIT_PREAMBLE] = "preamble",
  [WSP_UNIT_CHAPTER] = "chapter",
  [WSP_UNIT_PARAGRAPH] = "paragraph",
  [WSP_UNIT_SECTION] = "section",
  [WSP_UNIT_POINT] = "point",
  [WSP_UNIT_LETTER] = "letter",
  [WSP_UNIT_INDENT] = "indent",
  [WSP_UNIT_ATTACHMENT] = "attachment",
  [WSP_UNIT_TABLE] = "table",
  [WSP_UNIT_JUSTIFICATION] = "justification",
};

WspDraftUnit *
wsp_draft_unit_new (WspUnitKind  kind,
                    const char  *key,
                    const char  *label,
                    const char  *parent)
{
  WspDraftUnit *unit = g_new0 (WspDraftUnit, 1);

  unit->kind = kind;
  unit->key = g_strdup (key);
  unit->name = g_strdup (key);
  unit->label = g_strdup (label);
  unit->parent = g_strdup (parent);
  unit->text = g_strdup ("");
  unit->line = -1;
  return unit;
}

WspDraftUnit *
wsp_draft_unit_copy (const WspDraftUnit *unit)
{
  WspDraftUnit *copy = g_new0 (WspDraftUnit, 1);

  *copy = *unit;
  copy->key = g_strdup (unit->key);
  copy->label = g_strdup (unit->label);
  copy->name = g_strdup (unit->name);
  copy->parent = g_strdup (unit->parent);
  copy->text = g_strdup (unit->text);
  copy->from = g_strdup (unit->from);
  return copy;
}

void
wsp_draft_unit_free (WspDraftUnit *unit)
{
  if (unit == NULL)
    return;
  g_free (unit->key);
  g_free (unit->label);
  g_free (unit->name);
  g_free (unit->parent);
  g_free (unit->text);
  g_free (unit->from);
  g_free (unit);
}

/* How @kind is stored: "paragraph", "point", … */
const char *
wsp_unit_kind_to_string (WspUnitKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kind_names), "paragraph");
  return kind_names[kind];
}

/* The kind stored as @name; for units stored without one, the kind their
 * @label says ("§ 3", "ust. 2", "pkt 1", "lit. a"). */
WspUnitKind
wsp_unit_kind_from_string (const char *name,
                           const char *label)
{
  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (kind_names); i++)
    if (g_str_equal (kind_names[i], name))
      return (WspUnitKind) i;
  if (label == NULL)
    return WSP_UNIT_PARAGRAPH;
  if (g_str_has_prefix (label, "ust."))
    return WSP_UNIT_SECTION;
  if (g_str_has_prefix (label, "pkt"))
    return WSP_UNIT_POINT;
  if (g_str_has_prefix (label, "lit."))
    return WSP_UNIT_LETTER;
  if (g_str_has_prefix (label, "tiret"))
    return WSP_UNIT_INDENT;
  if (g_str_has_prefix (label, "Rozdział") || g_str_has_prefix (label, "Dział"))
    return WSP_UNIT_CHAPTER;
  if (g_str_has_prefix (label, "Załącznik"))
    return WSP_UNIT_ATTACHMENT;
  return WSP_UNIT_PARAGRAPH;
}

/* Whether the unit only holds others: a chapter, an attachment, the
 * preamble… or a § whose words are all in its sections. */
gboolean
wsp_draft_unit_is_container (const WspDraftUnit *unit)
{
  return unit->kind == WSP_UNIT_CHAPTER || unit->kind == WSP_UNIT_ATTACHMENT
         || unit->text == NULL || unit->text[0] == '\0';
}

/* The first @n_words words of the unit's text, with "…" when there are more. */
char *
wsp_draft_unit_dup_excerpt (const WspDraftUnit *unit,
                            guint               n_words)
{
  g_auto (GStrv) words = g_strsplit_set (unit->text != NULL ? unit->text : "", " \n\t", -1);
  g_autoptr (GString) out = g_string_new (NULL);
  guint taken = 0;

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (words[i][0] == '\0')
        continue;
      if (taken == n_words)
        {
          g_string_append (out, "…");
          break;
        }
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, words[i]);
      taken++;
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* An empty array of units, which frees them. */
GPtrArray *
wsp_draft_units_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) wsp_draft_unit_free);
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* Key → index of @units. */
GHashTable *
wsp_draft_units_index (GPtrArray *units)
{
  GHashTable *index = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < units->len; i++)
    {
      WspDraftUnit *unit = g_ptr_array_index (units, i);

      if (!g_hash_table_contains (index, unit->key))
        g_hash_table_insert (index, unit->key, GUINT_TO_POINTER (i));
    }
  return index;
}

/**
 * wsp_draft_units_from_json:
 * @node: (nullable): a version's `units`
 *
 * Returns: (transfer full) (element-type WspDraftUnit): the units, in the
 *   order of the text; those without a key are left out
 */
GPtrArray *
wsp_draft_units_from_json (JsonNode *node)
{
  g_autoptr (GPtrArray) units = wsp_draft_units_new ();
  g_autoptr (GHashTable) index = NULL;
  gboolean old_keys = FALSE;
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return g_steal_pointer (&units);
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *object;
      WspDraftUnit *unit;
      const char *key, *label, *kind, *text;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;
      object = json_node_get_object (element);
      key = member_string (object, "key");
      if (key == NULL)
        continue;
      label = member_string (object, "label");
      kind = member_string (object, "kind");
      text = member_string (object, "text");
      old_keys |= kind == NULL;
      unit = wsp_draft_unit_new (wsp_unit_kind_from_string (kind, label), key,
                                 label != NULL ? label : key, member_string (object, "parent"));
      g_free (unit->text);
      unit->text = g_strdup (text != NULL ? text : "");
      unit->from = g_strdup (member_string (object, "from"));
      g_ptr_array_add (units, unit);
    }

  /* Depths, and the names of units stored under other keys, from the
   * units they are in (which come before them). */
  index = wsp_draft_units_index (units);
  for (guint i = 0; i < units->len; i++)
    {
      WspDraftUnit *unit = g_ptr_array_index (units, i);
      WspDraftUnit *parent = NULL;
      gpointer found;
      gboolean renamed = old_keys && strchr (unit->key, ' ') == NULL;

      if (unit->parent != NULL && g_hash_table_lookup_extended (index, unit->parent, NULL, &found)
          && GPOINTER_TO_UINT (found) < i)
        parent = g_ptr_array_index (units, GPOINTER_TO_UINT (found));
      if (parent != NULL)
        unit->depth = parent->depth + 1;
      if (renamed)
        {
          g_free (unit->name);
          unit->name = parent != NULL ? g_strdup_printf ("%s %s", parent->name, unit->label)
                                      : g_strdup (unit->label);
        }
    }
  return g_steal_pointer (&units);
}

/* @units as a version stores them. */
JsonNode *
wsp_draft_units_to_json (GPtrArray *units)
{
  g_autoptr (JsonArray) array = json_array_new ();

  for (guint i = 0; i < units->len; i++)
    {
      WspDraftUnit *unit = g_ptr_array_index (units, i);
      JsonObject *object = json_object_new ();

      json_object_set_string_member (object, "key", unit->key);
      json_object_set_string_member (object, "label", unit->label != NULL ? unit->label : unit->key);
      if (unit->parent != NULL)
        json_object_set_string_member (object, "parent", unit->parent);
      else
        json_object_set_null_member (object, "parent");
      json_object_set_string_member (object, "kind", wsp_unit_kind_to_string (unit->kind));
      json_object_set_string_member (object, "text", unit->text != NULL ? unit->text : "");
      if (unit->from != NULL)
        json_object_set_string_member (object, "from", unit->from);
      json_array_add_object_element (array, object);
    }
  return json_node_init_array (json_node_alloc (), array);
}

/* The words of the unit at @index and of every unit in it, in order. */
char *
wsp_draft_units_dup_subtree_text (GPtrArray *units,
                                  guint      index)
{
  WspDraftUnit *top = g_ptr_array_index (units, index);
  g_autoptr (GString) text = g_string_new (top->text);

  /* Units in it follow it, deeper than it, until one that is not. */
  for (guint i = index + 1; i < units->len; i++)
    {
      WspDraftUnit *unit = g_ptr_array_index (units, i);

      if (unit->depth <= top->depth)
        break;
      if (unit->text != NULL && unit->text[0] != '\0')
        {
          if (text->len > 0)
            g_string_append_c (text, ' ');
          g_string_append (text, unit->text);
        }
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}
