/* wsp-body.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "records/wsp-body.h"

struct _WspBody
{
  WspRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (WspBody, wsp_body, WSP_TYPE_RECORD)

static const char * const kind_choices[] = { "forum", "council", NULL };
static const char * const default_majority_choices[] = { "simple", "absolute", "two_thirds", NULL };
static const char * const tie_rule_choices[] = { "casting_vote", "fails", NULL };

static const WspField fields[] = {
  { "kind", WSP_FIELD_ENUM, WSP_FIELD_REQUIRED, kind_choices, N_("Kind of body") },
  { "name", WSP_FIELD_TEXT, WSP_FIELD_REQUIRED | WSP_FIELD_TITLE, NULL, N_("Name") },
  { "quorum_numerator", WSP_FIELD_INT, 0, NULL, N_("Quorum share (numerator)") },
  { "quorum_denominator", WSP_FIELD_INT, 0, NULL, N_("Quorum share (denominator)") },
  { "default_majority", WSP_FIELD_ENUM, 0, default_majority_choices, N_("Default majority") },
  { "tie_rule", WSP_FIELD_ENUM, 0, tie_rule_choices, N_("Tie rule") },
  { "opinion_deadline_days", WSP_FIELD_INT, 0, NULL, N_("Opinion deadline (days)") },
  { "term_years", WSP_FIELD_INT, 0, NULL, N_("Term of office (years)") },
  { "absence_limit", WSP_FIELD_INT, 0, NULL, N_("Consecutive absences flagged") },
};

static const WspEntity entity = {
  .name = "body",
  .label = N_("body"),
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
  .append_only = FALSE,
  .order_by = "kind, name COLLATE LOCALIZED",
  .validate = NULL,
};

WspBody *
wsp_body_new (void)
{
  return g_object_new (WSP_TYPE_BODY, NULL);
}

static void
wsp_body_class_init (WspBodyClass *klass)
{
  wsp_record_class_set_entity (WSP_RECORD_CLASS (klass), &entity);
}

static void
wsp_body_init (WspBody *self)
{
}
