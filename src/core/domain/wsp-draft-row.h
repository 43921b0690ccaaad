/* wsp-draft-row.h — one row of a draft's text with its comments: a unit, a comment, a heading
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "domain/wsp-comment-entry.h"
#include "domain/wsp-draft-units.h"

G_BEGIN_DECLS

/**
 * WspDraftRowKind:
 * @WSP_DRAFT_ROW_UNIT: a unit of the text
 * @WSP_DRAFT_ROW_COMMENT: a comment, under its unit
 * @WSP_DRAFT_ROW_REMOVED: the heading of the comments whose units the
 *   latest version no longer has
 */
typedef enum
{
  WSP_DRAFT_ROW_UNIT,
  WSP_DRAFT_ROW_COMMENT,
  WSP_DRAFT_ROW_REMOVED,
} WspDraftRowKind;

/**
 * WspUnitChange:
 * @WSP_UNIT_SAME: as in the previous version (or there is none)
 * @WSP_UNIT_CHANGED: reworded since the previous version
 * @WSP_UNIT_NEW: added by the latest version
 * @WSP_UNIT_REMOVED: only in the older of two versions compared
 */
typedef enum
{
  WSP_UNIT_SAME,
  WSP_UNIT_CHANGED,
  WSP_UNIT_NEW,
  WSP_UNIT_REMOVED,
} WspUnitChange;

#define WSP_TYPE_DRAFT_ROW (wsp_draft_row_get_type ())

G_DECLARE_FINAL_TYPE (WspDraftRow, wsp_draft_row, WSP, DRAFT_ROW, GObject)

WspDraftRow        *wsp_draft_row_new_unit       (const WspDraftUnit *unit,
                                                  guint               n_comments,
                                                  WspUnitChange       change);
WspDraftRow        *wsp_draft_row_new_comment    (WspCommentEntry    *entry);
WspDraftRow        *wsp_draft_row_new_removed    (guint               n_comments);
WspDraftRowKind     wsp_draft_row_get_kind       (WspDraftRow        *self);
const WspDraftUnit *wsp_draft_row_get_unit       (WspDraftRow        *self);
WspCommentEntry    *wsp_draft_row_get_comment    (WspDraftRow        *self);
guint               wsp_draft_row_get_n_comments (WspDraftRow        *self);
WspUnitChange       wsp_draft_row_get_change     (WspDraftRow        *self);
gboolean            wsp_draft_row_equal          (WspDraftRow        *a,
                                                  WspDraftRow        *b);

G_END_DECLS
