/* wsp-draft-item.c — one draft in the list of drafts: where it stands by its deadline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "domain/wsp-draft-item.h"

struct _WspDraftItem
{
  GObject          parent_instance;

  WspRecord       *draft;
  WspRecord       *opinion;
  WspOpinionState  state;
  int              days_left;
};

G_DEFINE_FINAL_TYPE (WspDraftItem, wsp_draft_item, G_TYPE_OBJECT)

static void
wsp_draft_item_finalize (GObject *object)
{
  WspDraftItem *self = WSP_DRAFT_ITEM (object);

  g_clear_object (&self->draft);
  g_clear_object (&self->opinion);
  G_OBJECT_CLASS (wsp_draft_item_parent_class)->finalize (object);
}

static void
wsp_draft_item_class_init (WspDraftItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = wsp_draft_item_finalize;
}

static void
wsp_draft_item_init (WspDraftItem *self)
{
}

/* @opinion: (nullable): the opinion that counts */
WspDraftItem *
wsp_draft_item_new (WspRecord       *draft,
                    WspRecord       *opinion,
                    WspOpinionState  state,
                    int              days_left)
{
  WspDraftItem *self = g_object_new (WSP_TYPE_DRAFT_ITEM, NULL);

  self->draft = g_object_ref (draft);
  self->opinion = opinion != NULL ? g_object_ref (opinion) : NULL;
  self->state = state;
  self->days_left = days_left;
  return self;
}

WspRecord *
wsp_draft_item_get_draft (WspDraftItem *self)
{
  g_return_val_if_fail (WSP_IS_DRAFT_ITEM (self), NULL);
  return self->draft;
}

/* The opinion, or NULL. */
WspRecord *
wsp_draft_item_get_opinion (WspDraftItem *self)
{
  g_return_val_if_fail (WSP_IS_DRAFT_ITEM (self), NULL);
  return self->opinion;
}

WspOpinionState
wsp_draft_item_get_state (WspDraftItem *self)
{
  g_return_val_if_fail (WSP_IS_DRAFT_ITEM (self), WSP_OPINION_STATE_OPEN);
  return self->state;
}

/* Days from today to the deadline (negative once it passed). */
int
wsp_draft_item_get_days_left (WspDraftItem *self)
{
  g_return_val_if_fail (WSP_IS_DRAFT_ITEM (self), 0);
  return self->days_left;
}

/* Whether two items show the same. */
gboolean
wsp_draft_item_equal (WspDraftItem *a,
                      WspDraftItem *b)
{
  return g_strcmp0 (wsp_record_get_revision (a->draft), wsp_record_get_revision (b->draft)) == 0
         && g_strcmp0 (wsp_record_get_id (a->draft), wsp_record_get_id (b->draft)) == 0
         && wsp_record_get_conflicted (a->draft) == wsp_record_get_conflicted (b->draft)
         && a->state == b->state && a->days_left == b->days_left
         && (a->opinion == NULL) == (b->opinion == NULL)
         && (a->opinion == NULL
             || g_strcmp0 (wsp_record_get_id (a->opinion), wsp_record_get_id (b->opinion)) == 0);
}

