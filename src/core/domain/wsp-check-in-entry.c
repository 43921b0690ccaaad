/* wsp-check-in-entry.c — one member at a meeting's check-in
 *
 * A member of the body (a seat, with its person or organisation) and what
 * was recorded about them at one meeting. The entry stays the same object
 * while the meeting's check-in is open; its attendance changes in place
 * ("notify::attendance"), so a row showing it keeps its place and focus.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "domain/wsp-check-in-entry.h"

struct _WspCheckInEntry
{
  GObject    parent_instance;

  WspRecord *seat;
  WspRecord *person;
  WspRecord *organisation;
  char      *name;
  char      *representatives;
  WspRecord *attendance;
};

enum {
  PROP_0,
  PROP_ATTENDANCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (WspCheckInEntry, wsp_check_in_entry, G_TYPE_OBJECT)

WspCheckInEntry *
wsp_check_in_entry_new (WspRecord  *seat,
                        WspRecord  *person,
                        WspRecord  *organisation,
                        const char *representatives)
{
  WspCheckInEntry *self = g_object_new (WSP_TYPE_CHECK_IN_ENTRY, NULL);
  const char *name = NULL;

  self->seat = g_object_ref (seat);
  g_set_object (&self->person, person);
  g_set_object (&self->organisation, organisation);
  if (person != NULL)
    name = wsp_record_get_string (person, "name");
  if (name == NULL && organisation != NULL)
    name = wsp_record_get_string (organisation, "name");
  self->name = g_strdup (name != NULL ? name : "");
  self->representatives = g_strdup (representatives);
  return self;
}

WspRecord *
wsp_check_in_entry_get_seat (WspCheckInEntry *self)
{
  g_return_val_if_fail (WSP_IS_CHECK_IN_ENTRY (self), NULL);
  return self->seat;
}

const char *
wsp_check_in_entry_get_seat_id (WspCheckInEntry *self)
{
  g_return_val_if_fail (WSP_IS_CHECK_IN_ENTRY (self), NULL);
  return wsp_record_get_id (self->seat);
}

WspRecord *
wsp_check_in_entry_get_person (WspCheckInEntry *self)
{
  g_return_val_if_fail (WSP_IS_CHECK_IN_ENTRY (self), NULL);
  return self->person;
}

WspRecord *
wsp_check_in_entry_get_organisation (WspCheckInEntry *self)
{
  g_return_val_if_fail (WSP_IS_CHECK_IN_ENTRY (self), NULL);
  return self->organisation;
}

/* The person's name, else the organisation's. */
const char *
wsp_check_in_entry_get_name (WspCheckInEntry *self)
{
  g_return_val_if_fail (WSP_IS_CHECK_IN_ENTRY (self), NULL);
  return self->name;
}

/* A Forum member organisation's representatives, "Name, Name", or NULL. */
const char *
wsp_check_in_entry_get_representatives (WspCheckInEntry *self)
{
  g_return_val_if_fail (WSP_IS_CHECK_IN_ENTRY (self), NULL);
  return self->representatives != NULL && *self->representatives != '\0' ? self->representatives : NULL;
}

/* The attendance recorded, or NULL. */
WspRecord *
wsp_check_in_entry_get_attendance (WspCheckInEntry *self)
{
  g_return_val_if_fail (WSP_IS_CHECK_IN_ENTRY (self), NULL);
  return self->attendance;
}

WspPresence
wsp_check_in_entry_get_presence (WspCheckInEntry *self)
{
  g_return_val_if_fail (WSP_IS_CHECK_IN_ENTRY (self), WSP_PRESENCE_UNKNOWN);
  if (self->attendance == NULL)
    return WSP_PRESENCE_UNKNOWN;
  return wsp_choice_value (wsp_presence_choices, wsp_record_get_string (self->attendance, "status"),
                           WSP_PRESENCE_UNKNOWN);
}

/* Present and not gone yet: counted in the quorum now. */
gboolean
wsp_check_in_entry_is_in_the_room (WspCheckInEntry *self)
{
  return wsp_check_in_entry_get_presence (self) == WSP_PRESENCE_PRESENT
         && wsp_record_get_string (self->attendance, "left_at") == NULL;
}

static gboolean
same_revision (WspRecord *a,
               WspRecord *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_strcmp0 (wsp_record_get_id (a), wsp_record_get_id (b)) == 0
         && g_strcmp0 (wsp_record_get_revision (a), wsp_record_get_revision (b)) == 0;
}

/* Replaces the attendance shown; TRUE (and "notify::attendance") when it
 * is another record or another version of it. */
gboolean
wsp_check_in_entry_set_attendance (WspCheckInEntry *self,
                                   WspRecord       *attendance)
{
  g_return_val_if_fail (WSP_IS_CHECK_IN_ENTRY (self), FALSE);

  if (same_revision (self->attendance, attendance))
    return FALSE;
  g_set_object (&self->attendance, attendance);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ATTENDANCE]);
  return TRUE;
}

static void
wsp_check_in_entry_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  WspCheckInEntry *self = WSP_CHECK_IN_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ATTENDANCE:
      g_value_set_object (value, self->attendance);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wsp_check_in_entry_finalize (GObject *object)
{
  WspCheckInEntry *self = WSP_CHECK_IN_ENTRY (object);

  g_clear_object (&self->seat);
  g_clear_object (&self->person);
  g_clear_object (&self->organisation);
  g_clear_object (&self->attendance);
  g_free (self->name);
  g_free (self->representatives);

  G_OBJECT_CLASS (wsp_check_in_entry_parent_class)->finalize (object);
}

static void
wsp_check_in_entry_class_init (WspCheckInEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = wsp_check_in_entry_finalize;
  object_class->get_property = wsp_check_in_entry_get_property;

  properties[PROP_ATTENDANCE] = g_param_spec_object ("attendance", NULL, NULL, WSP_TYPE_RECORD,
                                                     G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY
                                                       | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wsp_check_in_entry_init (WspCheckInEntry *self)
{
}
