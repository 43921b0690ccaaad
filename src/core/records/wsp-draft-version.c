/* wsp-draft-version.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "records/wsp-draft-version.h"

struct _WspDraftVersion
{
  WspRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (WspDraftVersion, wsp_draft_version, WSP_TYPE_RECORD)

static const WspField fields[] = {
  { "draft_id", WSP_FIELD_REF, WSP_FIELD_REQUIRED, NULL, N_("Draft resolution") },
  { "number", WSP_FIELD_INT, 0, NULL, N_("Version") },
  { "received_on", WSP_FIELD_DATE, 0, NULL, N_("Received") },
  { "text", WSP_FIELD_TEXT, WSP_FIELD_CONTENT, NULL, N_("Text") },
  { "units", WSP_FIELD_JSON, 0, NULL, N_("Units of the text") },
};

static const WspEntity entity = {
  .name = "draft_version",
  .label = N_("version of a draft"),
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
  .append_only = FALSE,
  .order_by = "number",
  .validate = NULL,
};

WspDraftVersion *
wsp_draft_version_new (void)
{
  return g_object_new (WSP_TYPE_DRAFT_VERSION, NULL);
}

static void
wsp_draft_version_class_init (WspDraftVersionClass *klass)
{
  wsp_record_class_set_entity (WSP_RECORD_CLASS (klass), &entity);
}

static void
wsp_draft_version_init (WspDraftVersion *self)
{
}
