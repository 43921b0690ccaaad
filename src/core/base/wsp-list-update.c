/* wsp-list-update.c — a list model's items replaced, announcing only what changed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "base/wsp-list-update.h"

/**
 * wsp_list_update:
 * @model: the list model whose items are @items
 * @items: (inout): its items (a GPtrArray of objects that owns them)
 * @fresh: (transfer full): what they are now
 * @same: whether two items show the same
 *
 * Replaces *@items with @fresh. The items before and after the stretch
 * that differs keep their objects (so rows and selections in views stay
 * put), and only that stretch is announced with "items-changed".
 */
void
wsp_list_update (GListModel  *model,
                 GPtrArray  **items,
                 GPtrArray   *fresh,
                 WspSameFunc  same)
{
  GPtrArray *old = *items;
  guint old_len = old->len;
  guint prefix = 0, suffix = 0;

  while (prefix < old_len && prefix < fresh->len
         && same (g_ptr_array_index (old, prefix), g_ptr_array_index (fresh, prefix)))
    prefix++;
  while (suffix < old_len - prefix && suffix < fresh->len - prefix
         && same (g_ptr_array_index (old, old_len - 1 - suffix), g_ptr_array_index (fresh, fresh->len - 1 - suffix)))
    suffix++;

  for (guint i = 0; i < prefix + suffix; i++)
    {
      guint to = i < prefix ? i : fresh->len - 1 - (i - prefix);
      guint from = i < prefix ? i : old_len - 1 - (i - prefix);

      g_object_unref (g_ptr_array_index (fresh, to));
      g_ptr_array_index (fresh, to) = g_object_ref (g_ptr_array_index (old, from));
    }
  *items = fresh;
  g_ptr_array_unref (old);

  if (prefix == old_len && prefix == fresh->len)
    return;
  g_list_model_items_changed (model, prefix, old_len - prefix - suffix, fresh->len - prefix - suffix);
}
