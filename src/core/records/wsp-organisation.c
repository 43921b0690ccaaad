/* wsp-organisation.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "base/wsp-identifiers.h"
#include "records/wsp-organisation.h"

struct _WspOrganisation
{
  WspRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (WspOrganisation, wsp_organisation, WSP_TYPE_RECORD)

static const WspField fields[] = {
  { "name", WSP_FIELD_TEXT, WSP_FIELD_REQUIRED | WSP_FIELD_TITLE, NULL, N_("Name") },
  { "short_name", WSP_FIELD_TEXT, WSP_FIELD_CONTENT, NULL, N_("Short name") },
  { "krs", WSP_FIELD_TEXT, WSP_FIELD_CONTENT, NULL, N_("KRS number") },
  { "nip", WSP_FIELD_TEXT, 0, NULL, N_("NIP") },
  { "regon", WSP_FIELD_TEXT, 0, NULL, N_("REGON") },
  { "address", WSP_FIELD_TEXT, WSP_FIELD_CONTENT, NULL, N_("Address") },
  { "email", WSP_FIELD_TEXT, 0, NULL, N_("E-mail") },
  { "phone", WSP_FIELD_TEXT, 0, NULL, N_("Phone") },
  { "website", WSP_FIELD_TEXT, 0, NULL, N_("Website") },
  { "fields", WSP_FIELD_LIST, 0, NULL, N_("Fields of activity") },
  { "notes", WSP_FIELD_TEXT, WSP_FIELD_CONTENT, NULL, N_("Notes") },
};

static gboolean
validate (WspRecord  *record,
          GError    **error)
{
  const char *krs = wsp_record_get_string (record, "krs");
  const char *nip = wsp_record_get_string (record, "nip");
  const char *regon = wsp_record_get_string (record, "regon");

  if (krs != NULL && !wsp_krs_is_valid (krs, error))
    return FALSE;
  if (nip != NULL && !wsp_nip_is_valid (nip, error))
    return FALSE;
  if (regon != NULL && !wsp_regon_is_valid (regon, error))
    return FALSE;
  return TRUE;
}

static const WspEntity entity = {
  .name = "organisation",
  .label = N_("organisation"),
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
  .append_only = FALSE,
  .order_by = "name COLLATE LOCALIZED",
  .validate = validate,
};

WspOrganisation *
wsp_organisation_new (void)
{
  return g_object_new (WSP_TYPE_ORGANISATION, NULL);
}

static void
wsp_organisation_class_init (WspOrganisationClass *klass)
{
  wsp_record_class_set_entity (WSP_RECORD_CLASS (klass), &entity);
}

static void
wsp_organisation_init (WspOrganisation *self)
{
}
