/* wsp-ballot.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "records/wsp-ballot.h"

struct _WspBallot
{
  WspRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (WspBallot, wsp_ballot, WSP_TYPE_RECORD)

static const char * const mode_choices[] = { "open", "roll_call", "secret", NULL };
static const char * const majority_choices[] = { "simple", "absolute", "two_thirds", NULL };

static const WspField fields[] = {
  { "agenda_item_id", WSP_FIELD_REF, 0, NULL, N_("Agenda item") },
  { "body_id", WSP_FIELD_REF, WSP_FIELD_REQUIRED, NULL, N_("Body") },
  { "by_circulation", WSP_FIELD_BOOL, 0, NULL, N_("By circulation") },
  { "question", WSP_FIELD_TEXT, WSP_FIELD_REQUIRED | WSP_FIELD_TITLE, NULL, N_("Question") },
  { "mode", WSP_FIELD_ENUM, WSP_FIELD_REQUIRED, mode_choices, N_("Kind of vote") },
  { "majority", WSP_FIELD_ENUM, 0, majority_choices, N_("Majority") },
  { "opened_at", WSP_FIELD_DATETIME, 0, NULL, N_("Opened") },
  { "closed_at", WSP_FIELD_DATETIME, 0, NULL, N_("Closed") },
  { "deadline", WSP_FIELD_DATETIME, 0, NULL, N_("Deadline") },
  { "secret_for", WSP_FIELD_INT, 0, NULL, N_("Votes for") },
  { "secret_against", WSP_FIELD_INT, 0, NULL, N_("Votes against") },
  { "secret_abstain", WSP_FIELD_INT, 0, NULL, N_("Abstentions") },
};

static const WspEntity entity = {
  .name = "ballot",
  .label = N_("vote"),
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
  .append_only = FALSE,
  .order_by = "opened_at",
  .validate = NULL,
};

WspBallot *
wsp_ballot_new (void)
{
  return g_object_new (WSP_TYPE_BALLOT, NULL);
}

static void
wsp_ballot_class_init (WspBallotClass *klass)
{
  wsp_record_class_set_entity (WSP_RECORD_CLASS (klass), &entity);
}

static void
wsp_ballot_init (WspBallot *self)
{
}
