/* wsp-entity.c — how a kind of record is described
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "records/wsp-entity.h"

const WspField *
wsp_entity_find_field (const WspEntity *entity,
                       const char      *name)
{
  g_return_val_if_fail (entity != NULL, NULL);

  for (guint i = 0; i < entity->n_fields; i++)
    if (g_strcmp0 (entity->fields[i].name, name) == 0)
      return &entity->fields[i];
  return NULL;
}

/* The SQL ORDER BY of lists of @entity, columns prefixed with @table_alias
 * ("e." for "e"); always ends with the id, so the order is total. */
char *
wsp_entity_order_sql (const WspEntity *entity,
                      const char      *table_alias)
{
  GString *sql = g_string_new (NULL);
  const char *dot = table_alias != NULL ? "." : "";

  if (table_alias == NULL)
    table_alias = "";
  for (guint i = 0; i < WSP_ENTITY_MAX_SORT_KEYS && entity->order[i].field != NULL; i++)
    {
      const WspSortKey *key = &entity->order[i];

      g_string_append_printf (sql, "%s%s%s", table_alias, dot, key->field);
      if (key->flags & WSP_SORT_LOCALIZED)
        g_string_append (sql, " COLLATE LOCALIZED");
      if (key->flags & WSP_SORT_DESCENDING)
        g_string_append (sql, " DESC");
      g_string_append (sql, ", ");
    }
  g_string_append_printf (sql, "%s%sid", table_alias, dot);
  return g_string_free (sql, FALSE);
}

const WspChoice *
wsp_choice_find (const WspChoice *choices,
                 const char      *name)
{
  if (choices == NULL || name == NULL)
    return NULL;
  for (; choices->name != NULL; choices++)
    if (strcmp (choices->name, name) == 0)
      return choices;
  return NULL;
}

const WspChoice *
wsp_choice_find_value (const WspChoice *choices,
                       int              value)
{
  if (choices == NULL)
    return NULL;
  for (; choices->name != NULL; choices++)
    if (choices->value == value)
      return choices;
  return NULL;
}

/* The enum value stored as @name, or @fallback when it is not one. */
int
wsp_choice_value (const WspChoice *choices,
                  const char      *name,
                  int              fallback)
{
  const WspChoice *choice = wsp_choice_find (choices, name);

  return choice != NULL ? choice->value : fallback;
}

/* The stored name of @value, or NULL. */
const char *
wsp_choice_name (const WspChoice *choices,
                 int              value)
{
  const WspChoice *choice = wsp_choice_find_value (choices, value);

  return choice != NULL ? choice->name : NULL;
}

/* How a person calls the choice stored as @name (translated), or NULL
 * when @name is not one of @choices. */
const char *
wsp_choice_label (const WspChoice *choices,
                  const char      *name)
{
  const WspChoice *choice = wsp_choice_find (choices, name);

  if (choice == NULL)
    return NULL;
  return g_dpgettext2 (GETTEXT_PACKAGE, choice->context, choice->label);
}

guint
wsp_choice_count (const WspChoice *choices)
{
  guint n = 0;

  while (choices != NULL && choices[n].name != NULL)
    n++;
  return n;
}
