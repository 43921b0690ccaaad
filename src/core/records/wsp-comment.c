/* wsp-comment.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "records/wsp-comment.h"

struct _WspComment
{
  WspRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (WspComment, wsp_comment, WSP_TYPE_RECORD)

static const char * const decision_choices[] = { "pending", "accepted", "partly_accepted", "rejected", NULL };

static const WspField fields[] = {
  { "version_id", WSP_FIELD_REF, WSP_FIELD_REQUIRED, NULL, N_("Version of the draft") },
  { "unit_key", WSP_FIELD_TEXT, 0, NULL, N_("Unit") },
  { "author_id", WSP_FIELD_REF, 0, NULL, N_("Author") },
  { "author_name", WSP_FIELD_TEXT, WSP_FIELD_CONTENT, NULL, N_("Submitted by") },
  { "current_wording", WSP_FIELD_TEXT, WSP_FIELD_CONTENT, NULL, N_("Current wording") },
  { "proposed_wording", WSP_FIELD_TEXT, WSP_FIELD_TITLE | WSP_FIELD_CONTENT, NULL, N_("Proposed wording") },
  { "justification", WSP_FIELD_TEXT, WSP_FIELD_CONTENT, NULL, N_("Justification") },
  { "decision", WSP_FIELD_ENUM, 0, decision_choices, N_("Decision") },
  { "decision_reason", WSP_FIELD_TEXT, WSP_FIELD_CONTENT, NULL, N_("Reason for the decision") },
  { "corrects", WSP_FIELD_REF, 0, NULL, N_("Corrects") },
};

static const WspEntity entity = {
  .name = "comment",
  .label = N_("comment"),
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
  .append_only = TRUE,
  .order_by = "unit_key",
  .validate = NULL,
};

WspComment *
wsp_comment_new (void)
{
  return g_object_new (WSP_TYPE_COMMENT, NULL);
}

static void
wsp_comment_class_init (WspCommentClass *klass)
{
  wsp_record_class_set_entity (WSP_RECORD_CLASS (klass), &entity);
}

static void
wsp_comment_init (WspComment *self)
{
}
