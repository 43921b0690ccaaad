/* wsp-comment-entry.c — a comment on a draft as it stands: its latest correction, its unit now, its decision
 *
 * Made by WspDraftDetail, which works out where each comment stands; this
 * object only keeps the answer for the lists that show it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "domain/wsp-comment-entry.h"

struct _WspCommentEntry
{
  GObject        parent_instance;

  WspCommentInfo info;
};

G_DEFINE_FINAL_TYPE (WspCommentEntry, wsp_comment_entry, G_TYPE_OBJECT)

static void
wsp_comment_entry_finalize (GObject *object)
{
  WspCommentInfo *info = &WSP_COMMENT_ENTRY (object)->info;

  g_clear_object (&info->comment);
  g_clear_pointer (&info->chain, g_ptr_array_unref);
  g_free (info->root_id);
  g_free (info->unit_key);
  g_free (info->unit_name);
  g_free (info->old_unit_name);
  g_free (info->reason);
  g_clear_object (&info->decision_record);
  G_OBJECT_CLASS (wsp_comment_entry_parent_class)->finalize (object);
}

static void
wsp_comment_entry_class_init (WspCommentEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = wsp_comment_entry_finalize;
}

static void
wsp_comment_entry_init (WspCommentEntry *self)
{
}

/* Takes what @info holds (and clears it). */
WspCommentEntry *
wsp_comment_entry_new (WspCommentInfo *info)
{
  WspCommentEntry *self = g_object_new (WSP_TYPE_COMMENT_ENTRY, NULL);

  self->info = *info;
  memset (info, 0, sizeof *info);
  return self;
}

const WspCommentInfo *
wsp_comment_entry_get_info (WspCommentEntry *self)
{
  g_return_val_if_fail (WSP_IS_COMMENT_ENTRY (self), NULL);
  return &self->info;
}

/* Who submitted it, as the comment names them. */
const char *
wsp_comment_entry_get_author (WspCommentEntry *self)
{
  const char *name;

  g_return_val_if_fail (WSP_IS_COMMENT_ENTRY (self), "");
  name = wsp_record_get_string (self->info.comment, "author_name");
  return name != NULL ? name : "";
}

/* How @decision is stored ("partly_accepted"). */
const char *
wsp_comment_decision_name (WspCommentDecision decision)
{
  return wsp_choice_name (wsp_comment_decision_choices, (int) decision);
}

static gboolean
same_record (WspRecord *a,
             WspRecord *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_strcmp0 (wsp_record_get_id (a), wsp_record_get_id (b)) == 0
         && g_strcmp0 (wsp_record_get_revision (a), wsp_record_get_revision (b)) == 0
         && wsp_record_get_conflicted (a) == wsp_record_get_conflicted (b);
}

/* Whether the two entries show the same. */
gboolean
wsp_comment_entry_equal (WspCommentEntry *a,
                         WspCommentEntry *b)
{
  const WspCommentInfo *x = &a->info, *y = &b->info;

  return same_record (x->comment, y->comment) && same_record (x->decision_record, y->decision_record)
         && x->number == y->number && x->text_changed == y->text_changed && x->removed_in == y->removed_in
         && x->decision == y->decision && x->decision_conflict == y->decision_conflict
         && g_strcmp0 (x->unit_name, y->unit_name) == 0 && g_strcmp0 (x->old_unit_name, y->old_unit_name) == 0
         && g_strcmp0 (x->reason, y->reason) == 0;
}
