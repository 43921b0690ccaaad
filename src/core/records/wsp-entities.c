/* wsp-entities.c — every kind of record the store keeps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "records/wsp-entities.h"
#include "records/wsp-record.h"
#include "records/wsp-organisation.h"
#include "records/wsp-person.h"
#include "records/wsp-body.h"
#include "records/wsp-term.h"
#include "records/wsp-seat.h"
#include "records/wsp-membership-application.h"
#include "records/wsp-meeting.h"
#include "records/wsp-agenda-item.h"
#include "records/wsp-attendance.h"
#include "records/wsp-draft.h"
#include "records/wsp-draft-version.h"
#include "records/wsp-comment.h"
#include "records/wsp-opinion.h"
#include "records/wsp-ballot.h"
#include "records/wsp-vote.h"
#include "records/wsp-election.h"

/* The record types, in dependency order (what a record points to comes first). */
const GType *
wsp_entities_get_types (guint *n_types)
{
  static GType types[16];
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      const GType all[] = {
    WSP_TYPE_ORGANISATION,
    WSP_TYPE_PERSON,
    WSP_TYPE_BODY,
    WSP_TYPE_TERM,
    WSP_TYPE_SEAT,
    WSP_TYPE_MEMBERSHIP_APPLICATION,
    WSP_TYPE_MEETING,
    WSP_TYPE_AGENDA_ITEM,
    WSP_TYPE_ATTENDANCE,
    WSP_TYPE_DRAFT,
    WSP_TYPE_DRAFT_VERSION,
    WSP_TYPE_COMMENT,
    WSP_TYPE_OPINION,
    WSP_TYPE_BALLOT,
    WSP_TYPE_VOTE,
    WSP_TYPE_ELECTION
      };
      G_STATIC_ASSERT (G_N_ELEMENTS (all) == G_N_ELEMENTS (types));
      memcpy (types, all, sizeof types);
      g_once_init_leave (&initialized, 1);
    }
  if (n_types != NULL)
    *n_types = G_N_ELEMENTS (types);
  return types;
}

/* The record type whose entity is called @name, or G_TYPE_INVALID. */
GType
wsp_entities_lookup (const char *name)
{
  guint n;
  const GType *types = wsp_entities_get_types (&n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GTypeClass) klass = g_type_class_ref (types[i]);
      if (g_strcmp0 (WSP_RECORD_CLASS (klass)->entity->name, name) == 0)
        return types[i];
    }
  return G_TYPE_INVALID;
}
