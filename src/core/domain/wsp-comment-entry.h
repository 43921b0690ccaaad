/* wsp-comment-entry.h — a comment on a draft as it stands: its latest correction, its unit now, its decision
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "records/wsp-choices.h"
#include "store/wsp-store.h"

G_BEGIN_DECLS

/**
 * WspCommentInfo:
 * @comment: the comment as it counts: the correction nothing corrects
 * @chain: (element-type WspRecord): the comment and its corrections
 * @root_id: the first comment of @chain, which its decision names
 * @number: its number in the table of comments (from 1)
 * @version_number: the version of the draft it was made on
 * @unit_key: (nullable): the key of its unit in the latest version;
 *   %NULL when the unit is no longer in the text
 * @unit_name: how its unit is cited now (or, when removed, was)
 * @old_unit_name: (nullable): how the unit was cited in the version the
 *   comment was made on, when that differs (renumbered)
 * @unit_index: the place of its unit in the latest version (G_MAXUINT
 *   when removed)
 * @text_changed: the unit's words changed since the comment's version
 * @removed_in: the version that no longer has the unit (0: none)
 * @decision: the Council's decision (%WSP_COMMENT_PENDING: none yet)
 * @reason: (nullable): the reason given with it
 * @decision_record: (nullable): the record of the decision taken in the
 *   app (a decision may also come with the comment, from paper)
 * @decision_conflict: two laptops recorded different decisions; a
 *   person chooses (wsp_store_dup_conflicts() on @decision_record)
 * @corrected_twice: two corrections of the comment were made at once
 *
 * What the view and the table of comments show of one comment.
 */
typedef struct
{
  WspRecord          *comment;
  GPtrArray          *chain;
  char               *root_id;
  guint               number;
  guint               version_number;
  char               *unit_key;
  char               *unit_name;
  char               *old_unit_name;
  guint               unit_index;
  gboolean            text_changed;
  guint               removed_in;
  WspCommentDecision  decision;
  char               *reason;
  WspRecord          *decision_record;
  gboolean            decision_conflict;
  gboolean            corrected_twice;
} WspCommentInfo;

#define WSP_TYPE_COMMENT_ENTRY (wsp_comment_entry_get_type ())

G_DECLARE_FINAL_TYPE (WspCommentEntry, wsp_comment_entry, WSP, COMMENT_ENTRY, GObject)

WspCommentEntry      *wsp_comment_entry_new        (WspCommentInfo  *info);
const WspCommentInfo *wsp_comment_entry_get_info   (WspCommentEntry *self);
const char           *wsp_comment_entry_get_author (WspCommentEntry *self);
const char           *wsp_comment_decision_name    (WspCommentDecision decision);
gboolean              wsp_comment_entry_equal      (WspCommentEntry *a,
                                                    WspCommentEntry *b);

G_END_DECLS
