/* wsp-changes.c — what one commit changed, by kind of record
 *
 * The store gathers the records a transaction touched and hands them over
 * once, when it commits: a list that shows one kind of record looks at its
 * own kind only, and updates the rows of those ids.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "store/wsp-changes.h"

typedef struct
{
  GPtrArray  *ids;  /* char *, in the order first changed, then NULL */
  GHashTable *seen; /* borrowed from ids */
} Kind;

struct _WspChanges
{
  gatomicrefcount  ref_count;
  GHashTable      *kinds; /* entity name → Kind */
  guint            n;
};

G_DEFINE_BOXED_TYPE (WspChanges, wsp_changes, wsp_changes_ref, wsp_changes_unref)

static void
kind_free (Kind *kind)
{
  g_hash_table_unref (kind->seen);
  g_ptr_array_unref (kind->ids);
  g_free (kind);
}

WspChanges *
wsp_changes_new (void)
{
  WspChanges *self = g_new0 (WspChanges, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->kinds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) kind_free);
  return self;
}

WspChanges *
wsp_changes_ref (WspChanges *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
wsp_changes_unref (WspChanges *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_hash_table_unref (self->kinds);
  g_free (self);
}

/* Notes that the record @id of the kind @entity changed. */
void
wsp_changes_add (WspChanges *self,
                 const char *entity,
                 const char *id)
{
  Kind *kind;
  char *copy;

  g_return_if_fail (self != NULL && entity != NULL && id != NULL);

  kind = g_hash_table_lookup (self->kinds, entity);
  if (kind == NULL)
    {
      kind = g_new0 (Kind, 1);
      kind->ids = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (kind->ids, NULL);
      kind->seen = g_hash_table_new (g_str_hash, g_str_equal);
      g_hash_table_insert (self->kinds, g_strdup (entity), kind);
    }
  if (g_hash_table_contains (kind->seen, id))
    return;
  copy = g_strdup (id);
  g_ptr_array_index (kind->ids, kind->ids->len - 1) = copy;
  g_ptr_array_add (kind->ids, NULL);
  g_hash_table_add (kind->seen, copy);
  self->n++;
}

/* Notes every record @other holds as changed here too. */
void
wsp_changes_add_all (WspChanges *self,
                     WspChanges *other)
{
  GHashTableIter iter;
  gpointer key, value;

  g_return_if_fail (self != NULL && other != NULL);

  g_hash_table_iter_init (&iter, other->kinds);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Kind *kind = value;

      for (guint i = 0; i + 1 < kind->ids->len; i++)
        wsp_changes_add (self, key, g_ptr_array_index (kind->ids, i));
    }
}

gboolean
wsp_changes_is_empty (WspChanges *self)
{
  g_return_val_if_fail (self != NULL, TRUE);
  return self->n == 0;
}

/* How many records changed, of every kind. */
guint
wsp_changes_get_n (WspChanges *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n;
}

gboolean
wsp_changes_has_entity (WspChanges *self,
                        const char *entity)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return g_hash_table_contains (self->kinds, entity);
}

gboolean
wsp_changes_contains (WspChanges *self,
                      const char *entity,
                      const char *id)
{
  Kind *kind;

  g_return_val_if_fail (self != NULL, FALSE);
  kind = g_hash_table_lookup (self->kinds, entity);
  return kind != NULL && g_hash_table_contains (kind->seen, id);
}

/* The ids of the records of @entity that changed (NULL-terminated), or NULL
 * when none did. */
const char * const *
wsp_changes_get_ids (WspChanges *self,
                     const char *entity,
                     guint      *n_ids)
{
  Kind *kind;

  g_return_val_if_fail (self != NULL, NULL);
  kind = g_hash_table_lookup (self->kinds, entity);
  if (n_ids != NULL)
    *n_ids = kind != NULL ? kind->ids->len - 1 : 0;
  return kind != NULL ? (const char * const *) kind->ids->pdata : NULL;
}
