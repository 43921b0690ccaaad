/* wsp-entities.c — every kind of record the store keeps
 *
 * A new kind of record is described in its domain's file
 * (wsp-records-*.c) and named here, once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "records/wsp-entities.h"
#include "records/wsp-record.h"
#include "records/wsp-records-drafts.h"
#include "records/wsp-records-meetings.h"
#include "records/wsp-records-members.h"
#include "records/wsp-records-votes.h"

typedef GType (*GetType) (void);

/* In dependency order: what a record points to comes first. */
static const GetType all_types[] = {
  wsp_organisation_get_type,
  wsp_person_get_type,
  wsp_body_get_type,
  wsp_term_get_type,
  wsp_seat_get_type,
  wsp_membership_application_get_type,
  wsp_draft_get_type,
  wsp_room_get_type,
  wsp_meeting_get_type,
  wsp_agenda_item_get_type,
  wsp_attendance_get_type,
  wsp_guest_get_type,
  wsp_invitation_sent_get_type,
  wsp_draft_version_get_type,
  wsp_comment_get_type,
  wsp_decision_get_type,
  wsp_opinion_get_type,
  wsp_draft_review_get_type,
  wsp_review_reply_get_type,
  wsp_ballot_get_type,
  wsp_vote_get_type,
  wsp_election_get_type,
  wsp_minutes_correction_get_type,
};

static GType types[G_N_ELEMENTS (all_types)];
static const WspEntity *entities[G_N_ELEMENTS (all_types)];

static void
ensure_types (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      for (guint i = 0; i < G_N_ELEMENTS (all_types); i++)
        {
          /* The class lives as long as the program: its entity is static. */
          GTypeClass *klass = g_type_class_ref (all_types[i] ());

          types[i] = G_TYPE_FROM_CLASS (klass);
          entities[i] = WSP_RECORD_CLASS (klass)->entity;
        }
      g_once_init_leave (&initialized, 1);
    }
}

/* The record types, in dependency order (what a record points to comes first). */
const GType *
wsp_entities_get_types (guint *n_types)
{
  ensure_types ();
  if (n_types != NULL)
    *n_types = G_N_ELEMENTS (types);
  return types;
}

/* The record type whose entity is called @name, or G_TYPE_INVALID. */
GType
wsp_entities_lookup (const char *name)
{
  ensure_types ();
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    if (g_strcmp0 (entities[i]->name, name) == 0)
      return types[i];
  return G_TYPE_INVALID;
}

/* The description of the kind of record called @name, or NULL. */
const WspEntity *
wsp_entities_find (const char *name)
{
  ensure_types ();
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    if (g_strcmp0 (entities[i]->name, name) == 0)
      return entities[i];
  return NULL;
}

/* The description of the records of @type. */
const WspEntity *
wsp_entities_for_type (GType type)
{
  ensure_types ();
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    if (types[i] == type)
      return entities[i];
  g_return_val_if_reached (NULL);
}

/* Creates an empty record of the kind named @entity; a new id when @id is NULL. */
WspRecord *
wsp_record_new_for_entity (const char *entity,
                           const char *id)
{
  GType type = wsp_entities_lookup (entity);
  g_autofree char *new_id = NULL;

  if (type == G_TYPE_INVALID)
    return NULL;
  if (id == NULL)
    id = new_id = g_uuid_string_random ();
  return g_object_new (type, "id", id, NULL);
}
