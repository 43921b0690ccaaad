/* wsp-draft-row.c — one row of a draft's text with its comments: a unit, a comment, a heading
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "domain/wsp-draft-row.h"

struct _WspDraftRow
{
  GObject          parent_instance;

  WspDraftRowKind  kind;
  WspDraftUnit    *unit;
  WspCommentEntry *entry;
  guint            n_comments;
  WspUnitChange    change;
};

G_DEFINE_FINAL_TYPE (WspDraftRow, wsp_draft_row, G_TYPE_OBJECT)

static void
wsp_draft_row_finalize (GObject *object)
{
  WspDraftRow *self = WSP_DRAFT_ROW (object);

  g_clear_pointer (&self->unit, wsp_draft_unit_free);
  g_clear_object (&self->entry);
  G_OBJECT_CLASS (wsp_draft_row_parent_class)->finalize (object);
}

static void
wsp_draft_row_class_init (WspDraftRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = wsp_draft_row_finalize;
}

static void
wsp_draft_row_init (WspDraftRow *self)
{
}

/* A unit with @n_comments comments on it. */
WspDraftRow *
wsp_draft_row_new_unit (const WspDraftUnit *unit,
                        guint               n_comments,
                        WspUnitChange       change)
{
  WspDraftRow *self = g_object_new (WSP_TYPE_DRAFT_ROW, NULL);

  self->kind = WSP_DRAFT_ROW_UNIT;
  self->unit = wsp_draft_unit_copy (unit);
  self->n_comments = n_comments;
  self->change = change;
  return self;
}

WspDraftRow *
wsp_draft_row_new_comment (WspCommentEntry *entry)
{
  WspDraftRow *self = g_object_new (WSP_TYPE_DRAFT_ROW, NULL);

  self->kind = WSP_DRAFT_ROW_COMMENT;
  self->entry = g_object_ref (entry);
  return self;
}

/* The heading of @n_comments comments on units no longer in the text. */
WspDraftRow *
wsp_draft_row_new_removed (guint n_comments)
{
  WspDraftRow *self = g_object_new (WSP_TYPE_DRAFT_ROW, NULL);

  self->kind = WSP_DRAFT_ROW_REMOVED;
  self->n_comments = n_comments;
  return self;
}

WspDraftRowKind
wsp_draft_row_get_kind (WspDraftRow *self)
{
  g_return_val_if_fail (WSP_IS_DRAFT_ROW (self), WSP_DRAFT_ROW_UNIT);
  return self->kind;
}

/* A unit row's unit, else NULL. */
const WspDraftUnit *
wsp_draft_row_get_unit (WspDraftRow *self)
{
  g_return_val_if_fail (WSP_IS_DRAFT_ROW (self), NULL);
  return self->unit;
}

/* A comment row's comment, else NULL. */
WspCommentEntry *
wsp_draft_row_get_comment (WspDraftRow *self)
{
  g_return_val_if_fail (WSP_IS_DRAFT_ROW (self), NULL);
  return self->entry;
}

guint
wsp_draft_row_get_n_comments (WspDraftRow *self)
{
  g_return_val_if_fail (WSP_IS_DRAFT_ROW (self), 0);
  return self->n_comments;
}

WspUnitChange
wsp_draft_row_get_change (WspDraftRow *self)
{
  g_return_val_if_fail (WSP_IS_DRAFT_ROW (self), WSP_UNIT_SAME);
  return self->change;
}

/* Whether two rows show the same. */
gboolean
wsp_draft_row_equal (WspDraftRow *a,
                     WspDraftRow *b)
{
  if (a->kind != b->kind || a->n_comments != b->n_comments || a->change != b->change)
    return FALSE;
  switch (a->kind)
    {
    case WSP_DRAFT_ROW_UNIT:
      return g_strcmp0 (a->unit->key, b->unit->key) == 0 && g_strcmp0 (a->unit->text, b->unit->text) == 0
             && g_strcmp0 (a->unit->name, b->unit->name) == 0;
    case WSP_DRAFT_ROW_COMMENT:
      return wsp_comment_entry_equal (a->entry, b->entry);
    case WSP_DRAFT_ROW_REMOVED:
    default:
      return TRUE;
    }
}
