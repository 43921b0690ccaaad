/* wsp-seat-holder.c — a seat with the one who holds it, as lists show it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "domain/wsp-seat-holder.h"

struct _WspSeatHolder
{
  GObject    parent_instance;

  WspRecord *seat;
  WspRecord *organisation;
  WspRecord *person;
  gboolean   absences_flagged;
};

G_DEFINE_FINAL_TYPE (WspSeatHolder, wsp_seat_holder, G_TYPE_OBJECT)

WspSeatHolder *
wsp_seat_holder_new (WspRecord *seat,
                     WspRecord *organisation,
                     WspRecord *person,
                     gboolean   absences_flagged)
{
  WspSeatHolder *self = g_object_new (WSP_TYPE_SEAT_HOLDER, NULL);

  g_return_val_if_fail (WSP_IS_RECORD (seat), NULL);
  self->seat = g_object_ref (seat);
  self->organisation = organisation != NULL ? g_object_ref (organisation) : NULL;
  self->person = person != NULL ? g_object_ref (person) : NULL;
  self->absences_flagged = absences_flagged;
  return self;
}

WspRecord *
wsp_seat_holder_get_seat (WspSeatHolder *self)
{
  g_return_val_if_fail (WSP_IS_SEAT_HOLDER (self), NULL);
  return self->seat;
}

/* The organisation of the seat, or NULL. */
WspRecord *
wsp_seat_holder_get_organisation (WspSeatHolder *self)
{
  g_return_val_if_fail (WSP_IS_SEAT_HOLDER (self), NULL);
  return self->organisation;
}

/* The person in the seat, or NULL. */
WspRecord *
wsp_seat_holder_get_person (WspSeatHolder *self)
{
  g_return_val_if_fail (WSP_IS_SEAT_HOLDER (self), NULL);
  return self->person;
}

/* Who holds the seat: the person, else the organisation. */
const char *
wsp_seat_holder_get_name (WspSeatHolder *self)
{
  const char *name = NULL;

  g_return_val_if_fail (WSP_IS_SEAT_HOLDER (self), NULL);
  if (self->person != NULL)
    name = wsp_record_get_string (self->person, "name");
  if (name == NULL && self->organisation != NULL)
    name = wsp_record_get_string (self->organisation, "name");
  return name != NULL ? name : _("Unknown member");
}

/* Whether the member reached the body's limit of unexcused absences in a
 * row (for the chair's attention). */
gboolean
wsp_seat_holder_get_absences_flagged (WspSeatHolder *self)
{
  g_return_val_if_fail (WSP_IS_SEAT_HOLDER (self), FALSE);
  return self->absences_flagged;
}

static gboolean
same_version (WspRecord *a,
              WspRecord *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_strcmp0 (wsp_record_get_id (a), wsp_record_get_id (b)) == 0
         && g_strcmp0 (wsp_record_get_revision (a), wsp_record_get_revision (b)) == 0;
}

/* Whether @a and @b show the same: the same versions of the same records. */
gboolean
wsp_seat_holder_equal (WspSeatHolder *a,
                       WspSeatHolder *b)
{
  return same_version (a->seat, b->seat) && same_version (a->organisation, b->organisation)
         && same_version (a->person, b->person) && a->absences_flagged == b->absences_flagged;
}

static void
wsp_seat_holder_finalize (GObject *object)
{
  WspSeatHolder *self = WSP_SEAT_HOLDER (object);

  g_clear_object (&self->seat);
  g_clear_object (&self->organisation);
  g_clear_object (&self->person);

  G_OBJECT_CLASS (wsp_seat_holder_parent_class)->finalize (object);
}

static void
wsp_seat_holder_class_init (WspSeatHolderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = wsp_seat_holder_finalize;
}

static void
wsp_seat_holder_init (WspSeatHolder *self)
{
}
