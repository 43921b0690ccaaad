/* wsp-term.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "records/wsp-term.h"

struct _WspTerm
{
  WspRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (WspTerm, wsp_term, WSP_TYPE_RECORD)

static const WspField fields[] = {
  { "body_id", WSP_FIELD_REF, WSP_FIELD_REQUIRED, NULL, N_("Body") },
  { "name", WSP_FIELD_TEXT, WSP_FIELD_TITLE, NULL, N_("Name") },
  { "starts_on", WSP_FIELD_DATE, WSP_FIELD_REQUIRED, NULL, N_("Start") },
  { "ends_on", WSP_FIELD_DATE, 0, NULL, N_("End") },
};

static gboolean
validate (WspRecord  *record,
          GError    **error)
{
  const char *starts = wsp_record_get_string (record, "starts_on");
  const char *ends = wsp_record_get_string (record, "ends_on");

  if (starts != NULL && ends != NULL && g_strcmp0 (ends, starts) < 0)
    {
      g_set_error (error, WSP_RECORD_ERROR, WSP_RECORD_ERROR_INVALID,
                   _("The term of office ends before it starts."));
      return FALSE;
    }
  return TRUE;
}

static const WspEntity entity = {
  .name = "term",
  .label = N_("term of office"),
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
  .append_only = FALSE,
  .order_by = "starts_on DESC",
  .validate = validate,
};

WspTerm *
wsp_term_new (void)
{
  return g_object_new (WSP_TYPE_TERM, NULL);
}

static void
wsp_term_class_init (WspTermClass *klass)
{
  wsp_record_class_set_entity (WSP_RECORD_CLASS (klass), &entity);
}

static void
wsp_term_init (WspTerm *self)
{
}
