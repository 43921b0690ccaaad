/* wsp-entities.c — every kind of record the store keeps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "wsp-entities.h"
#include "wsp-record.h"
#include "wsp-organisation.h"
#include "wsp-person.h"
#include "wsp-body.h"
#include "wsp-term.h"
#include "wsp-seat.h"
#include "wsp-membership-application.h"
#include "wsp-meeting.h"
#include "wsp-agenda-item.h"
#include "wsp-attendance.h"
#include "wsp-draft.h"
#include "wsp-draft-version.h"
#include "wsp-comment.h"
#include "wsp-opinion.h"
#include "wsp-ballot.h"
#include "wsp-vote.h"
#include "wsp-election.h"

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
