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
};

static const WspEntity draft_version_entity = {
  .name = "draft_version",
  .label = N_("version of a draft"),
  .fields = draft_version_fields,
  .n_fields = G_N_ELEMENTS (draft_version_fields),
  .order = { { "number" } },
};

WSP_DEFINE_RECORD (WspDraftVersion, wsp_draft_version, &draft_version_entity)

/* Comments on a unit of a draft, and the Council's decision on each */

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
