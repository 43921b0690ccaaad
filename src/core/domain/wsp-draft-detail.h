/* wsp-draft-detail.h — one draft with its versions, units, comments, decisions and opinion
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "domain/wsp-comment-entry.h"
#include "domain/wsp-draft-row.h"
#include "domain/wsp-draft-units.h"
#include "rules/wsp-rules.h"
#include "store/wsp-store.h"

G_BEGIN_DECLS

/**
 * WspUnitComparison:
 * @change: how it changed
 * @before: (nullable): the unit in the older version
 * @after: (nullable): the unit in the newer version
 *
 * One unit of two versions compared.
 */
typedef struct
{
  WspUnitChange       change;
  const WspDraftUnit *before;
  const WspDraftUnit *after;
} WspUnitComparison;

#define WSP_TYPE_DRAFT_DETAIL (wsp_draft_detail_get_type ())

G_DECLARE_FINAL_TYPE (WspDraftDetail, wsp_draft_detail, WSP, DRAFT_DETAIL, GObject)

WspDraftDetail *wsp_draft_detail_load              (WspStore       *store,
                                                    const char     *draft_id,
                                                    GDateTime      *now,
                                                    GError        **error);
WspRecord      *wsp_draft_detail_get_draft         (WspDraftDetail *self);
WspRecord      *wsp_draft_detail_get_opinion       (WspDraftDetail *self);
WspOpinionState wsp_draft_detail_get_state         (WspDraftDetail *self,
                                                    int            *days_left);
GPtrArray      *wsp_draft_detail_get_versions      (WspDraftDetail *self);
WspRecord      *wsp_draft_detail_get_latest        (WspDraftDetail *self);
GPtrArray      *wsp_draft_detail_get_units         (WspDraftDetail *self);
GPtrArray      *wsp_draft_detail_get_version_units (WspDraftDetail *self,
                                                    guint           index);
GPtrArray      *wsp_draft_detail_get_comments      (WspDraftDetail *self);
GPtrArray      *wsp_draft_detail_get_agenda_items  (WspDraftDetail *self);
guint           wsp_draft_detail_count_decided     (WspDraftDetail *self);
guint           wsp_draft_detail_count_conflicts   (WspDraftDetail *self);
WspCommentEntry *wsp_draft_detail_find_comment     (WspDraftDetail *self,
                                                    const char     *comment_id);
const WspDraftUnit *wsp_draft_detail_find_unit     (WspDraftDetail *self,
                                                    const char     *key);
GPtrArray      *wsp_draft_detail_dup_rows          (WspDraftDetail *self,
                                                    gboolean        only_commented);
GArray         *wsp_draft_detail_compare           (WspDraftDetail *self,
                                                    guint           older,
                                                    guint           newer);

G_END_DECLS
