/* wsp-election.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "records/wsp-election.h"

struct _WspElection
{
  WspRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (WspElection, wsp_election, WSP_TYPE_RECORD)

static const WspField fields[] = {
  { "agenda_item_id", WSP_FIELD_REF, 0, NULL, N_("Agenda item") },
  { "body_id", WSP_FIELD_REF, WSP_FIELD_REQUIRED, NULL, N_("Body") },
  { "title", WSP_FIELD_TEXT, WSP_FIELD_REQUIRED | WSP_FIELD_TITLE, NULL, N_("Title") },
  { "seats", WSP_FIELD_INT, 0, NULL, N_("Seats") },
  { "candidates", WSP_FIELD_JSON, 0, NULL, N_("Candidates") },
  { "elected", WSP_FIELD_LIST, 0, NULL, N_("Elected") },
};

static const WspEntity entity = {
  .name = "election",
  .label = N_("election"),
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
  .append_only = FALSE,
  .order_by = "title COLLATE LOCALIZED",
  .validate = NULL,
};

WspElection *
wsp_election_new (void)
{
  return g_object_new (WSP_TYPE_ELECTION, NULL);
}

static void
wsp_election_class_init (WspElectionClass *klass)
{
  wsp_record_class_set_entity (WSP_RECORD_CLASS (klass), &entity);
}

static void
wsp_election_init (WspElection *self)
{
}
