/* wsp-draft.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "records/wsp-draft.h"

struct _WspDraft
{
  WspRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (WspDraft, wsp_draft, WSP_TYPE_RECORD)

static const char * const kind_choices[] = { "cooperation_programme", "strategy", "other", NULL };
static const char * const status_choices[] = { "received", "in_consultation", "opinion_adopted", "waived", "withdrawn", NULL };

static const WspField fields[] = {
  { "title", WSP_FIELD_TEXT, WSP_FIELD_REQUIRED | WSP_FIELD_TITLE, NULL, N_("Title") },
  { "submitted_by", WSP_FIELD_TEXT, WSP_FIELD_CONTENT, NULL, N_("From") },
  { "received_on", WSP_FIELD_DATE, 0, NULL, N_("Received") },
  { "kind", WSP_FIELD_ENUM, 0, kind_choices, N_("Kind of draft") },
  { "deadline", WSP_FIELD_DATE, 0, NULL, N_("Opinion deadline") },
  { "status", WSP_FIELD_ENUM, 0, status_choices, N_("Status") },
};

static const WspEntity entity = {
  .name = "draft",
  .label = N_("draft resolution"),
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
  .append_only = FALSE,
  .order_by = "received_on DESC",
  .validate = NULL,
};

WspDraft *
wsp_draft_new (void)
{
  return g_object_new (WSP_TYPE_DRAFT, NULL);
}

static void
wsp_draft_class_init (WspDraftClass *klass)
{
  wsp_record_class_set_entity (WSP_RECORD_CLASS (klass), &entity);
}

static void
wsp_draft_init (WspDraft *self)
{
}
