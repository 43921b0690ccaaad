/* wsp-records-drafts.c — the city's drafts, their versions, comments and opinions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "records/wsp-records-drafts.h"

/* Draft resolutions sent to the Council for an opinion */

static const WspField draft_fields[] = {
  { "title", WSP_FIELD_TEXT, WSP_FIELD_REQUIRED | WSP_FIELD_TITLE, NULL, N_("Title") },
  { "submitted_by", WSP_FIELD_TEXT, WSP_FIELD_CONTENT, NULL, N_("From") },
  { "received_on", WSP_FIELD_DATE, 0, NULL, N_("Received") },
  { "kind", WSP_FIELD_ENUM, 0, wsp_draft_kind_choices, N_("Kind of draft") },
  { "deadline", WSP_FIELD_DATE, 0, NULL, N_("Opinion deadline") },
  { "status", WSP_FIELD_ENUM, 0, wsp_draft_status_choices, N_("Status") },
  { "sender", WSP_FIELD_ENUM, 0, wsp_draft_sender_choices, N_("Sent by") },
  /* Other drafts than the programme and the strategy: the days the bylaws or
   * the letter gave (none: the body's rules). */
  { "deadline_days", WSP_FIELD_INT, 0, NULL, N_("Days for the opinion") },
  { "notes", WSP_FIELD_TEXT, WSP_FIELD_CONTENT, NULL, N_("Notes") },
};

static const WspEntity draft_entity = {
  .name = "draft",
  .label = N_("draft resolution"),
  .fields = draft_fields,
  .n_fields = G_N_ELEMENTS (draft_fields),
  .order = { { "received_on", WSP_SORT_DESCENDING } },
};

WSP_DEFINE_RECORD (WspDraft, wsp_draft, &draft_entity)

/* The text of a draft as the city sent it, split into units */

static const WspField draft_version_fields[] = {
  { "draft_id", WSP_FIELD_REF, WSP_FIELD_REQUIRED, NULL, N_("Draft resolution") },
  { "number", WSP_FIELD_INT, 0, NULL, N_("Version") },
  { "received_on", WSP_FIELD_DATE, 0, NULL, N_("Received") },
  { "text", WSP_FIELD_TEXT, WSP_FIELD_CONTENT, NULL, N_("Text") },
  { "units", WSP_FIELD_JSON, 0, NULL, N_("Units of the text") },
  /* The version its units' "from" keys point into. */
  { "previous_id", WSP_FIELD_REF, 0, NULL, N_("Previous version") },
  { "file_name", WSP_FIELD_TEXT, 0, NULL, N_("File") },
};

static const WspEntity draft_version_entity = {
  .name = "draft_version",
  .label = N_("version of a draft"),
  .fields = draft_version_fields,
  .n_fields = G_N_ELEMENTS (draft_version_fields),
  .order = { { "number" } },
};

WSP_DEFINE_RECORD (WspDraftVersion, wsp_draft_version, &draft_version_entity)

/* Comments on a unit of a draft. A comment may carry the decision it was
 * recorded with (from paper minutes); the Council's decision taken in the
 * app is a comment_decision, which wins. */

static const WspField comment_fields[] = {
  { "version_id", WSP_FIELD_REF, WSP_FIELD_REQUIRED, NULL, N_("Version of the draft") },
  { "unit_key", WSP_FIELD_TEXT, 0, NULL, N_("Unit") },
  { "author_id", WSP_FIELD_REF, 0, NULL, N_("Author") },
  { "author_name", WSP_FIELD_TEXT, WSP_FIELD_CONTENT, NULL, N_("Submitted by") },
  { "current_wording", WSP_FIELD_TEXT, WSP_FIELD_CONTENT, NULL, N_("Current wording") },
  { "proposed_wording", WSP_FIELD_TEXT, WSP_FIELD_TITLE | WSP_FIELD_CONTENT, NULL, N_("Proposed wording") },
  { "justification", WSP_FIELD_TEXT, WSP_FIELD_CONTENT, NULL, N_("Justification") },
  { "decision", WSP_FIELD_ENUM, 0, wsp_comment_decision_choices, N_("Decision") },
  { "decision_reason", WSP_FIELD_TEXT, WSP_FIELD_CONTENT, NULL, N_("Reason for the decision") },
  { "corrects", WSP_FIELD_REF, 0, NULL, N_("Corrects") },
  { "submitted_on", WSP_FIELD_DATE, 0, NULL, N_("Submitted") },
  { "source", WSP_FIELD_ENUM, 0, wsp_comment_source_choices, N_("Received") },
};

static const WspEntity comment_entity = {
  .name = "comment",
  .label = N_("comment"),
  .fields = comment_fields,
  .n_fields = G_N_ELEMENTS (comment_fields),
  .append_only = TRUE,
  .order = { { "unit_key" } },
};

WSP_DEFINE_RECORD (WspComment, wsp_comment, &comment_entity)

/* The Council's decision on a comment.
 *
 * Comments are append-only, but a decision is taken once per comment and
 * can be taken on two laptops at once: it is a record of its own, one per
 * comment, whose id is derived from the comment's (wsp_decision_id_for_comment()).
 * Both laptops' decisions are then versions of the same record: the same
 * decision made twice is one, different ones of the same field are a
 * conflict the store keeps for a person to resolve, and a later decision
 * (reconsidered at the next meeting) is an edit. A decision names the first
 * comment of its chain of corrections, so it stays with the comment when
 * the comment is corrected. */

static const WspField comment_decision_fields[] = {
  { "comment_id", WSP_FIELD_REF, WSP_FIELD_REQUIRED, NULL, N_("Comment") },
  { "draft_id", WSP_FIELD_REF, WSP_FIELD_REQUIRED, NULL, N_("Draft resolution") },
  { "decision", WSP_FIELD_ENUM, WSP_FIELD_REQUIRED, wsp_comment_decision_choices, N_("Decision") },
  { "reason", WSP_FIELD_TEXT, WSP_FIELD_TITLE | WSP_FIELD_CONTENT, NULL, N_("Reason for the decision") },
  { "meeting_id", WSP_FIELD_REF, 0, NULL, N_("Meeting") },
  { "ballot_id", WSP_FIELD_REF, 0, NULL, N_("Vote") },
  { "decided_on", WSP_FIELD_DATE, 0, NULL, N_("Decided") },
};

static const WspEntity comment_decision_entity = {
  .name = "comment_decision",
  .label = N_("decision on a comment"),
  .fields = comment_decision_fields,
  .n_fields = G_N_ELEMENTS (comment_decision_fields),
  .order = { { "decided_on" } },
};

WSP_DEFINE_RECORD (WspDecision, wsp_decision, &comment_decision_entity)

/**
 * wsp_decision_id_for_comment:
 * @comment_id: the first comment of a chain of corrections
 *
 * Returns: (transfer full): the id of the decision on @comment_id: a UUID
 *   (of version 5's form) made from it, the same on every laptop
 */
char *
wsp_decision_id_for_comment (const char *comment_id)
{
  g_autoptr (GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 digest[32];
  gsize length = sizeof digest;

  g_return_val_if_fail (comment_id != NULL, NULL);
  g_checksum_update (checksum, (const guchar *) "wspolnie:comment_decision:", -1);
  g_checksum_update (checksum, (const guchar *) comment_id, -1);
  g_checksum_get_digest (checksum, digest, &length);
  digest[6] = (digest[6] & 0x0f) | 0x50; /* version 5 */
  digest[8] = (digest[8] & 0x3f) | 0x80; /* RFC 4122 variant */
  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                          digest[0], digest[1], digest[2], digest[3], digest[4], digest[5], digest[6],
                          digest[7], digest[8], digest[9], digest[10], digest[11], digest[12],
                          digest[13], digest[14], digest[15]);
}

/* A draft sent to Council members for review on their own laptops: who
 * it went to, which version, by when. */

static const WspField draft_review_fields[] = {
  { "draft_id", WSP_FIELD_REF, WSP_FIELD_REQUIRED, NULL, N_("Draft resolution") },
  { "version_id", WSP_FIELD_REF, WSP_FIELD_REQUIRED, NULL, N_("Version of the draft") },
  { "members", WSP_FIELD_LIST, 0, NULL, N_("Sent to") },
  { "deadline", WSP_FIELD_DATE, 0, NULL, N_("Comments due") },
  { "sent_at", WSP_FIELD_DATETIME, 0, NULL, N_("Sent") },
  { "with_comments", WSP_FIELD_BOOL, 0, NULL, N_("With the comments made so far") },
};

static const WspEntity draft_review_entity = {
  .name = "draft_review",
  .label = N_("draft sent for review"),
  .fields = draft_review_fields,
  .n_fields = G_N_ELEMENTS (draft_review_fields),
  .order = { { "sent_at", WSP_SORT_DESCENDING } },
};

WSP_DEFINE_RECORD (WspDraftReview, wsp_draft_review, &draft_review_entity)

/* A member's reply to a review, made on the member's laptop: the comments
 * it sent (the same reply sent again after more comments is a new one). */

static const WspField review_reply_fields[] = {
  { "draft_id", WSP_FIELD_REF, WSP_FIELD_REQUIRED, NULL, N_("Draft resolution") },
  { "version_id", WSP_FIELD_REF, 0, NULL, N_("Version of the draft") },
  { "person_id", WSP_FIELD_REF, WSP_FIELD_REQUIRED, NULL, N_("Member") },
  { "comments", WSP_FIELD_LIST, 0, NULL, N_("Comments") },
  { "sent_at", WSP_FIELD_DATETIME, 0, NULL, N_("Sent") },
};

static const WspEntity review_reply_entity = {
  .name = "review_reply",
  .label = N_("reply to a review"),
  .fields = review_reply_fields,
  .n_fields = G_N_ELEMENTS (review_reply_fields),
  .order = { { "sent_at", WSP_SORT_DESCENDING } },
};

WSP_DEFINE_RECORD (WspReviewReply, wsp_review_reply, &review_reply_entity)

/* The Council's opinion on a draft */

static const WspField opinion_fields[] = {
  { "draft_id", WSP_FIELD_REF, WSP_FIELD_REQUIRED, NULL, N_("Draft resolution") },
  { "body_id", WSP_FIELD_REF, WSP_FIELD_REQUIRED, NULL, N_("Body") },
  { "verdict", WSP_FIELD_ENUM, WSP_FIELD_REQUIRED, wsp_opinion_verdict_choices, N_("Opinion") },
  { "text", WSP_FIELD_TEXT, WSP_FIELD_TITLE | WSP_FIELD_CONTENT, NULL, N_("Text") },
  { "sides", WSP_FIELD_JSON, 0, NULL, N_("Positions of the sides") },
  { "meeting_id", WSP_FIELD_REF, 0, NULL, N_("Meeting") },
  { "ballot_id", WSP_FIELD_REF, 0, NULL, N_("Vote") },
  { "number", WSP_FIELD_TEXT, 0, NULL, N_("Resolution number") },
  { "adopted_on", WSP_FIELD_DATE, 0, NULL, N_("Adopted") },
  { "corrects", WSP_FIELD_REF, 0, NULL, N_("Corrects") },
};

static const WspEntity opinion_entity = {
  .name = "opinion",
  .label = N_("opinion"),
  .fields = opinion_fields,
  .n_fields = G_N_ELEMENTS (opinion_fields),
  .append_only = TRUE,
  .order = { { "adopted_on" } },
};

WSP_DEFINE_RECORD (WspOpinion, wsp_opinion, &opinion_entity)
