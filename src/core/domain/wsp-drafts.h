/* wsp-drafts.h — what the records of a draft say: deadlines, versions, opinions, authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rules/wsp-rules.h"
#include "store/wsp-store.h"

G_BEGIN_DECLS

/**
 * WspAuthor:
 * @id: (nullable): the person or organisation; %NULL for a name typed in
 * @name: how a table of comments names the author
 * @detail: (nullable): a second line: the organisation, the Council side
 * @council: whether a member of the Council now
 *
 * Someone who may submit comments on a draft.
 */
typedef struct
{
  char    *id;
  char    *name;
  char    *detail;
  gboolean council;
} WspAuthor;

void        wsp_author_free              (WspAuthor   *author);

GDateTime  *wsp_draft_get_deadline       (WspRecord   *draft);
char       *wsp_draft_compute_deadline   (WspStore    *store,
                                          WspRecord   *draft);
WspOpinionState wsp_draft_state          (WspRecord   *draft,
                                          gboolean     opinion_given,
                                          GDateTime   *now,
                                          int         *days_left);
GPtrArray  *wsp_draft_versions           (WspStore    *store,
                                          const char  *draft_id,
                                          GError     **error);
WspRecord  *wsp_draft_latest_version     (WspStore    *store,
                                          const char  *draft_id,
                                          GError     **error);
WspRecord  *wsp_draft_find_opinion       (WspStore    *store,
                                          const char  *draft_id,
                                          GError     **error);
WspRecord  *wsp_draft_effective_record   (GPtrArray   *chain);
GPtrArray  *wsp_draft_agenda_items       (WspStore    *store,
                                          const char  *draft_id,
                                          GError     **error);
GPtrArray  *wsp_draft_authors            (WspStore    *store,
                                          const char  *today,
                                          GError     **error);
GPtrArray  *wsp_drafts_due_soon          (WspStore    *store,
                                          GDateTime   *now,
                                          guint        within_days,
                                          GError     **error);
gboolean    wsp_draft_record_decision    (WspStore    *store,
                                          const char  *draft_id,
                                          const char  *comment_root_id,
                                          const char  *decision,
                                          const char  *reason,
                                          const char  *meeting_id,
                                          const char  *ballot_id,
                                          const char  *decided_on,
                                          GError     **error);
gboolean    wsp_draft_resolve_decision   (WspStore    *store,
                                          WspRecord   *decision,
                                          const char  *rev_id,
                                          GError     **error);
char       *wsp_draft_next_opinion_number (WspStore   *store,
                                          int          year,
                                          GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WspAuthor, wsp_author_free)

G_END_DECLS
