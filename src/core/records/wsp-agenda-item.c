/* wsp-agenda-item.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "records/wsp-agenda-item.h"

struct _WspAgendaItem
{
  WspRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (WspAgendaItem, wsp_agenda_item, WSP_TYPE_RECORD)

static const char * const kind_choices[] = { "information", "discussion", "resolution", "opinion", "election", "other_business", NULL };

static const WspField fields[] = {
  { "meeting_id", WSP_FIELD_REF, WSP_FIELD_REQUIRED, NULL, N_("Meeting") },
  { "position", WSP_FIELD_INT, 0, NULL, N_("Position") },
  { "kind", WSP_FIELD_ENUM, 0, kind_choices, N_("Kind of item") },
  { "title", WSP_FIELD_TEXT, WSP_FIELD_REQUIRED | WSP_FIELD_TITLE, NULL, N_("Title") },
  { "description", WSP_FIELD_TEXT, WSP_FIELD_CONTENT, NULL, N_("Description") },
  { "presenter", WSP_FIELD_TEXT, WSP_FIELD_CONTENT, NULL, N_("Presenter") },
  { "planned_minutes", WSP_FIELD_INT, 0, NULL, N_("Planned minutes") },
  { "draft_id", WSP_FIELD_REF, 0, NULL, N_("Draft resolution") },
};

static const WspEntity entity = {
  .name = "agenda_item",
  .label = N_("agenda item"),
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
  .append_only = FALSE,
  .order_by = "position",
  .validate = NULL,
};

WspAgendaItem *
wsp_agenda_item_new (void)
{
  return g_object_new (WSP_TYPE_AGENDA_ITEM, NULL);
}

static void
wsp_agenda_item_class_init (WspAgendaItemClass *klass)
{
  wsp_record_class_set_entity (WSP_RECORD_CLASS (klass), &entity);
}

static void
wsp_agenda_item_init (WspAgendaItem *self)
{
}
