/* wsp-draft-rows.c — the rows of a draft's text with its comments, as a list model that changes little
 *
 * A list model of WspDraftRow. Given the rows again after a change (see
 * wsp_draft_detail_dup_rows()), it keeps the rows before and after the
 * stretch that differs and announces only that stretch, so a view scrolled
 * to the middle of a long draft stays where it is when one comment is
 * decided.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "base/wsp-list-update.h"
#include "domain/wsp-draft-rows.h"

struct _WspDraftRows
{
  GObject    parent_instance;

  GPtrArray *rows;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (WspDraftRows, wsp_draft_rows, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
get_item_type (GListModel *model)
{
  return WSP_TYPE_DRAFT_ROW;
}

static guint
get_n_items (GListModel *model)
{
  return WSP_DRAFT_ROWS (model)->rows->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  WspDraftRows *self = WSP_DRAFT_ROWS (model);

  if (position >= self->rows->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->rows, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

WspDraftRows *
wsp_draft_rows_new (void)
{
  return g_object_new (WSP_TYPE_DRAFT_ROWS, NULL);
}

/* Shows @rows (transfer full) instead. */
void
wsp_draft_rows_set (WspDraftRows *self,
                    GPtrArray    *rows)
{
  g_return_if_fail (WSP_IS_DRAFT_ROWS (self));
  wsp_list_update (G_LIST_MODEL (self), &self->rows, rows, (WspSameFunc) wsp_draft_row_equal);
}

/* The position of the unit @key's row, or G_MAXUINT. */
guint
wsp_draft_rows_find_unit (WspDraftRows *self,
                          const char   *key)
{
  g_return_val_if_fail (WSP_IS_DRAFT_ROWS (self), G_MAXUINT);
  for (guint i = 0; i < self->rows->len; i++)
    {
      const WspDraftUnit *unit = wsp_draft_row_get_unit (g_ptr_array_index (self->rows, i));

      if (unit != NULL && g_strcmp0 (unit->key, key) == 0)
        return i;
    }
  return G_MAXUINT;
}

/* The position of the row of the comment whose first record is @root_id,
 * or G_MAXUINT. */
guint
wsp_draft_rows_find_comment (WspDraftRows *self,
                             const char   *root_id)
{
  g_return_val_if_fail (WSP_IS_DRAFT_ROWS (self), G_MAXUINT);
  for (guint i = 0; i < self->rows->len; i++)
    {
      WspCommentEntry *entry = wsp_draft_row_get_comment (g_ptr_array_index (self->rows, i));

      if (entry != NULL && g_strcmp0 (wsp_comment_entry_get_info (entry)->root_id, root_id) == 0)
        return i;
    }
  return G_MAXUINT;
}

static void
wsp_draft_rows_finalize (GObject *object)
{
  g_clear_pointer (&WSP_DRAFT_ROWS (object)->rows, g_ptr_array_unref);
  G_OBJECT_CLASS (wsp_draft_rows_parent_class)->finalize (object);
}

static void
wsp_draft_rows_class_init (WspDraftRowsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = wsp_draft_rows_finalize;
}

static void
wsp_draft_rows_init (WspDraftRows *self)
{
  self->rows = g_ptr_array_new_with_free_func (g_object_unref);
}
