/* wsp-records-drafts.h — the city's drafts, their versions, comments and opinions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "records/wsp-choices.h"
#include "records/wsp-record.h"

G_BEGIN_DECLS

#define WSP_TYPE_DRAFT (wsp_draft_get_type ())
WSP_DECLARE_RECORD (WspDraft, wsp_draft, WSP, DRAFT)

#define WSP_TYPE_DRAFT_VERSION (wsp_draft_version_get_type ())
WSP_DECLARE_RECORD (WspDraftVersion, wsp_draft_version, WSP, DRAFT_VERSION)

#define WSP_TYPE_COMMENT (wsp_comment_get_type ())
WSP_DECLARE_RECORD (WspComment, wsp_comment, WSP, COMMENT)

/* The Council's decision on a comment: the entity "comment_decision". */
#define WSP_TYPE_DECISION (wsp_decision_get_type ())
WSP_DECLARE_RECORD (WspDecision, wsp_decision, WSP, DECISION)

char *wsp_decision_id_for_comment (const char *comment_id);

#define WSP_TYPE_OPINION (wsp_opinion_get_type ())
WSP_DECLARE_RECORD (WspOpinion, wsp_opinion, WSP, OPINION)

/* A draft sent to Council members for review: the entity "draft_review". */
#define WSP_TYPE_DRAFT_REVIEW (wsp_draft_review_get_type ())
WSP_DECLARE_RECORD (WspDraftReview, wsp_draft_review, WSP, DRAFT_REVIEW)

/* A member's reply to a review: the entity "review_reply". */
#define WSP_TYPE_REVIEW_REPLY (wsp_review_reply_get_type ())
WSP_DECLARE_RECORD (WspReviewReply, wsp_review_reply, WSP, REVIEW_REPLY)

G_END_DECLS
