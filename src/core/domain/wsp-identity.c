/* wsp-identity.c — the same organisation, person or body on two laptops
 *
 * Two secretaries who each import the city's NGO register, or each start
 * from the demo, hold the same organisations under different ids. A
 * record's natural key says what it is in the world: an organisation by
 * its KRS number, else its NIP, else its REGON; a person by e-mail, else
 * by name and the organisations they represent (by those organisations'
 * own keys); the Forum and the Council, one of each per city. An import
 * finds the records it brought that share a key with one held here
 * already; merged (when a person confirms), the record with the smaller id
 * stays, so two laptops that merge the same pair agree, and the merge
 * travels like any change (wsp_store_merge()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "base/wsp-text.h"
#include "domain/wsp-identity.h"
#include "records/wsp-entities.h"

void
wsp_same_as_free (WspSameAs *same)
{
  g_free (same->entity);
  g_free (same->id);
  g_free (same->other_id);
  g_free (same->title);
  g_free (same->other_title);
  g_free (same->key);
  g_free (same);
}

static char *
digits (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (out, *p);
  if (out->len == 0)
    return g_string_free (out, TRUE);
  return g_string_free (out, FALSE);
}

static char *
organisation_key (WspRecord *record)
{
  static const char *const numbers[] = { "krs", "nip", "regon" };

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      g_autofree char *number = digits (wsp_record_get_string (record, numbers[i]));

      if (number != NULL)
        return g_strdup_printf ("%s %s", numbers[i], number);
    }
  return NULL;
}

/* The natural key of @record, or NULL when it has none (an organisation
 * without any register number, a person without e-mail or name). */
char *
wsp_identity_natural_key (WspStore  *store,
                          WspRecord *record)
{
  const char *entity = wsp_record_get_entity (record)->name;

  if (strcmp (entity, "organisation") == 0)
    return organisation_key (record);
  if (strcmp (entity, "body") == 0)
    {
      const char *kind = wsp_record_get_string (record, "kind");
      return kind != NULL ? g_strdup_printf ("body %s", kind) : NULL;
    }
  if (strcmp (entity, "person") == 0)
    {
      const char *email = wsp_record_get_string (record, "email");
      const char *name = wsp_record_get_string (record, "name");
      JsonNode *orgs = json_object_has_member (wsp_record_get_values (record), "organisations")
                         ? json_object_get_member (wsp_record_get_values (record), "organisations") : NULL;
      g_autoptr (GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
      GString *out;

      if (email != NULL && *email != '\0')
        {
          g_autofree char *trimmed = g_strstrip (g_strdup (email));
          g_autofree char *lower = g_utf8_strdown (trimmed, -1);
          return g_strdup_printf ("email %s", lower);
        }
      if (name == NULL || *name == '\0')
        return NULL;
      for (guint i = 0; orgs != NULL && JSON_NODE_HOLDS_ARRAY (orgs) && i < json_array_get_length (json_node_get_array (orgs)); i++)
        {
          const char *org_id = json_array_get_string_element (json_node_get_array (orgs), i);
          g_autoptr (WspRecord) org = org_id != NULL ? wsp_store_get (store, org_id, NULL) : NULL;
          g_autofree char *key = org != NULL ? organisation_key (org) : NULL;

          g_ptr_array_add (keys, key != NULL ? g_steal_pointer (&key) : g_strdup (org_id != NULL ? org_id : ""));
        }
      g_ptr_array_sort (keys, (GCompareFunc) g_strcmp0);
      out = g_string_new ("person ");
      {
        g_autofree char *folded = wsp_text_fold (name);
        g_string_append (out, folded);
      }
      for (guint i = 0; i < keys->len; i++)
        g_string_append_printf (out, " | %s", (const char *) g_ptr_array_index (keys, i));
      return g_string_free (out, FALSE);
    }
  return NULL;
}

/* The key as a person reads it. */
static char *
readable_key (const char *key)
{
  if (g_str_has_prefix (key, "krs "))
    return g_strdup_printf (_("KRS %s"), key + 4);
  if (g_str_has_prefix (key, "nip "))
    return g_strdup_printf (_("NIP %s"), key + 4);
  if (g_str_has_prefix (key, "regon "))
    return g_strdup_printf (_("REGON %s"), key + 6);
  if (g_str_has_prefix (key, "email "))
    return g_strdup_printf (_("e-mail %s"), key + 6);
  if (g_str_has_prefix (key, "body "))
    return g_strdup (_("one per city"));
  return g_strdup (_("the same name and organisations"));
}

static const char *const kinds[] = { "body", "organisation", "person" };

/**
 * wsp_identity_find_same:
 * @outcomes: (element-type WspOutcome): what an import did
 *
 * The records the import brought (new ones) that share a natural key with
 * a record held here before it, bodies and organisations first (a person's
 * key names its organisations). Run while the import's changes are in
 * (also in a preview, before it is rolled back).
 *
 * Returns: (element-type WspSameAs) (transfer full):
 */
GPtrArray *
wsp_identity_find_same (WspStore   *store,
                        GPtrArray  *outcomes,
                        GError    **error)
{
  g_autoptr (GPtrArray) same = g_ptr_array_new_with_free_func ((GDestroyNotify) wsp_same_as_free);
  g_autoptr (GHashTable) brought = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; outcomes != NULL && i < outcomes->len; i++)
    {
      WspOutcome *o = g_ptr_array_index (outcomes, i);

      if (o->kind == WSP_OUTCOME_NEW)
        g_hash_table_add (brought, o->id);
    }
  if (g_hash_table_size (brought) == 0)
    return g_steal_pointer (&same);

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      GType type = wsp_entities_lookup (kinds[k]);
      g_autoptr (GHashTable) held = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_autoptr (GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);

      if (!wsp_store_query (store, type, NULL, NULL, records, error))
        return NULL;
      /* The keys of what was here before. */
      for (guint i = 0; i < records->len; i++)
        {
          WspRecord *r = g_ptr_array_index (records, i);
          g_autofree char *key = NULL;

          if (g_hash_table_contains (brought, wsp_record_get_id (r)))
            continue;
          key = wsp_identity_natural_key (store, r);
          if (key != NULL && !g_hash_table_contains (held, key))
            g_hash_table_insert (held, g_steal_pointer (&key), g_strdup (wsp_record_get_id (r)));
        }
      for (guint i = 0; i < records->len; i++)
        {
          WspRecord *r = g_ptr_array_index (records, i);
          g_autofree char *key = NULL;
          const char *other;
          WspSameAs *s;

          if (!g_hash_table_contains (brought, wsp_record_get_id (r)))
            continue;
          key = wsp_identity_natural_key (store, r);
          other = key != NULL ? g_hash_table_lookup (held, key) : NULL;
          if (other == NULL)
            continue;
          s = g_new0 (WspSameAs, 1);
          s->entity = g_strdup (kinds[k]);
          s->id = g_strdup (wsp_record_get_id (r));
          s->other_id = g_strdup (other);
          s->title = wsp_record_dup_title (r);
          {
            g_autoptr (WspRecord) o = wsp_store_get (store, other, NULL);
            s->other_title = o != NULL ? wsp_record_dup_title (o) : g_strdup (other);
          }
          s->key = readable_key (key);
          g_ptr_array_add (same, s);
        }
    }
  return g_steal_pointer (&same);
}

/* Merges each pair of @same (bodies and organisations before people, as
 * they come), the record with the smaller id staying: in one transaction. */
gboolean
wsp_identity_merge_all (WspStore   *store,
                        GPtrArray  *same,
                        guint      *merged,
                        GError    **error)
{
  guint count = 0;

  if (!wsp_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < same->len; i++)
    {
      WspSameAs *s = g_ptr_array_index (same, i);
      gboolean first = strcmp (s->id, s->other_id) < 0;

      if (!wsp_store_merge (store, first ? s->other_id : s->id, first ? s->id : s->other_id, error))
        {
          wsp_store_rollback (store);
          return FALSE;
        }
      count++;
    }
  if (!wsp_store_commit (store, error))
    return FALSE;
  if (merged != NULL)
    *merged = count;
  return TRUE;
}
