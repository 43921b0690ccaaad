/* wsp-vote.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "records/wsp-vote.h"

struct _WspVote
{
  WspRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (WspVote, wsp_vote, WSP_TYPE_RECORD)

static const char * const choice_choices[] = { "for", "against", "abstain", NULL };

static const WspField fields[] = {
  { "ballot_id", WSP_FIELD_REF, WSP_FIELD_REQUIRED, NULL, N_("Vote") },
  { "seat_id", WSP_FIELD_REF, WSP_FIELD_REQUIRED, NULL, N_("Member") },
  { "choice", WSP_FIELD_ENUM, 0, choice_choices, N_("Choice") },
  { "recused", WSP_FIELD_BOOL, 0, NULL, N_("Recused") },
  { "cast_at", WSP_FIELD_DATETIME, 0, NULL, N_("Cast") },
  { "corrects", WSP_FIELD_REF, 0, NULL, N_("Corrects") },
};

static gboolean
validate (WspRecord  *record,
          GError    **error)
{
  if (!wsp_record_get_bool (record, "recused") && wsp_record_get_string (record, "choice") == NULL)
    {
      g_set_error (error, WSP_RECORD_ERROR, WSP_RECORD_ERROR_REQUIRED,
                   _("A vote is for, against or an abstention, unless the member is recused."));
      return FALSE;
    }
  return TRUE;
}

static const WspEntity entity = {
  .name = "vote",
  .label = N_("vote cast"),
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
  .append_only = TRUE,
  .order_by = "cast_at",
  .validate = validate,
};

WspVote *
wsp_vote_new (void)
{
  return g_object_new (WSP_TYPE_VOTE, NULL);
}

static void
wsp_vote_class_init (WspVoteClass *klass)
{
  wsp_record_class_set_entity (WSP_RECORD_CLASS (klass), &entity);
}

static void
wsp_vote_init (WspVote *self)
{
}
