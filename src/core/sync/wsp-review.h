/* wsp-review.h — a draft sent to Council members' own laptops, and their signed replies
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "domain/wsp-drafts.h"
#include "sync/wsp-sync.h"

G_BEGIN_DECLS

/**
 * WspReviewMember:
 * @person_id: the member
 * @name: how the member is named
 * @replied: whether a reply from the member came
 * @replied_at: (nullable): when the latest reply was sent (ISO 8601)
 * @comments: the comments of the member's replies
 * @older_version: the latest reply was made on a version that is no longer
 *   the latest
 *
 * One member a draft was sent to for review.
 */
typedef struct
{
  char     *person_id;
  char     *name;
  gboolean  replied;
  char     *replied_at;
  guint     comments;
  gboolean  older_version;
} WspReviewMember;

void        wsp_review_member_free      (WspReviewMember *member);

/**
 * WspReviewStatus:
 * @draft_id: the draft
 * @title: its title
 * @deadline: (nullable): by when the comments are due (YYYY-MM-DD)
 * @sent_at: (nullable): when it was last sent (ISO 8601)
 * @members: (element-type WspReviewMember): who it went to, by name
 * @replied: how many of them replied
 *
 * Who a draft was sent to for review, and who replied.
 */
typedef struct
{
  char      *draft_id;
  char      *title;
  char      *deadline;
  char      *sent_at;
  GPtrArray *members;
  guint      replied;
} WspReviewStatus;

void        wsp_review_status_free      (WspReviewStatus *status);

/* The secretary's laptop. */
GPtrArray  *wsp_review_default_members  (WspStore        *store,
                                         const char      *today,
                                         GError         **error);
char       *wsp_review_file_name        (WspStore        *store,
                                         const char      *draft_id);
gboolean    wsp_review_send             (WspStore        *store,
                                         const char      *draft_id,
                                         const char * const *members,
                                         const char      *deadline,
                                         gboolean         with_comments,
                                         const char      *path,
                                         WspExportReport *report,
                                         GError         **error);
WspReviewStatus *wsp_review_status      (WspStore        *store,
                                         const char      *draft_id,
                                         GError         **error);
GPtrArray  *wsp_review_drafts           (WspStore        *store,
                                         GError         **error);

/* A member's laptop. */
JsonObject *wsp_review_peek_file        (const char      *path);
GPtrArray  *wsp_review_scope_members    (JsonObject      *scope);
const char *wsp_review_scope_kind       (JsonObject      *scope);
const char *wsp_review_scope_draft      (JsonObject      *scope);
gboolean    wsp_review_set_reviewer     (WspStore        *store,
                                         const char      *person_id,
                                         GError         **error);
char       *wsp_review_dup_reviewer     (WspStore        *store);
WspRecord  *wsp_review_add_comment      (WspStore        *store,
                                         const char      *draft_id,
                                         const char      *unit_key,
                                         const char      *current_wording,
                                         const char      *proposed_wording,
                                         const char      *justification,
                                         GError         **error);
GPtrArray  *wsp_review_unsent_comments  (WspStore        *store,
                                         const char      *draft_id,
                                         GError         **error);
char       *wsp_review_reply_file_name  (WspStore        *store,
                                         const char      *draft_id);
gboolean    wsp_review_send_reply       (WspStore        *store,
                                         const char      *draft_id,
                                         const char      *path,
                                         WspExportReport *report,
                                         guint           *n_comments,
                                         GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WspReviewMember, wsp_review_member_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WspReviewStatus, wsp_review_status_free)

G_END_DECLS
