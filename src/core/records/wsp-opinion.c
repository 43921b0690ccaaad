/* wsp-opinion.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "records/wsp-opinion.h"

struct _WspOpinion
{
  WspRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (WspOpinion, wsp_opinion, WSP_TYPE_RECORD)

static const char * const verdict_choices[] = { "positive", "positive_with_remarks", "negative", "waived", "split", NULL };

static const WspField fields[] = {
  { "draft_id", WSP_FIELD_REF, WSP_FIELD_REQUIRED, NULL, N_("Draft resolution") },
  { "body_id", WSP_FIELD_REF, WSP_FIELD_REQUIRED, NULL, N_("Body") },
  { "verdict", WSP_FIELD_ENUM, WSP_FIELD_REQUIRED, verdict_choices, N_("Opinion") },
  { "text", WSP_FIELD_TEXT, WSP_FIELD_TITLE | WSP_FIELD_CONTENT, NULL, N_("Text") },
  { "sides", WSP_FIELD_JSON, 0, NULL, N_("Positions of the sides") },
  { "meeting_id", WSP_FIELD_REF, 0, NULL, N_("Meeting") },
  { "ballot_id", WSP_FIELD_REF, 0, NULL, N_("Vote") },
  { "number", WSP_FIELD_TEXT, 0, NULL, N_("Resolution number") },
  { "adopted_on", WSP_FIELD_DATE, 0, NULL, N_("Adopted") },
  { "corrects", WSP_FIELD_REF, 0, NULL, N_("Corrects") },
};

static const WspEntity entity = {
  .name = "opinion",
  .label = N_("opinion"),
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
  .append_only = TRUE,
  .order_by = "adopted_on",
  .validate = NULL,
};

WspOpinion *
wsp_opinion_new (void)
{
  return g_object_new (WSP_TYPE_OPINION, NULL);
}

static void
wsp_opinion_class_init (WspOpinionClass *klass)
{
  wsp_record_class_set_entity (WSP_RECORD_CLASS (klass), &entity);
}

static void
wsp_opinion_init (WspOpinion *self)
{
}
