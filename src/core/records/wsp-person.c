/* wsp-person.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "records/wsp-person.h"

struct _WspPerson
{
  WspRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (WspPerson, wsp_person, WSP_TYPE_RECORD)

static const WspField fields[] = {
  { "name", WSP_FIELD_TEXT, WSP_FIELD_REQUIRED | WSP_FIELD_TITLE, NULL, N_("Name") },
  { "email", WSP_FIELD_TEXT, WSP_FIELD_CONTENT, NULL, N_("E-mail") },
  { "phone", WSP_FIELD_TEXT, 0, NULL, N_("Phone") },
  { "organisations", WSP_FIELD_LIST, 0, NULL, N_("Organisations represented") },
};

static const WspEntity entity = {
  .name = "person",
  .label = N_("person"),
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
  .append_only = FALSE,
  .order_by = "name COLLATE LOCALIZED",
  .validate = NULL,
};

WspPerson *
wsp_person_new (void)
{
  return g_object_new (WSP_TYPE_PERSON, NULL);
}

static void
wsp_person_class_init (WspPersonClass *klass)
{
  wsp_record_class_set_entity (WSP_RECORD_CLASS (klass), &entity);
}

static void
wsp_person_init (WspPerson *self)
{
}
