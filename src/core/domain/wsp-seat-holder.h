/* wsp-seat-holder.h — a seat with the one who holds it, as lists show it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "records/wsp-record.h"

G_BEGIN_DECLS

#define WSP_TYPE_SEAT_HOLDER (wsp_seat_holder_get_type ())

G_DECLARE_FINAL_TYPE (WspSeatHolder, wsp_seat_holder, WSP, SEAT_HOLDER, GObject)

WspSeatHolder *wsp_seat_holder_new              (WspRecord     *seat,
                                                 WspRecord     *organisation,
                                                 WspRecord     *person,
                                                 gboolean       absences_flagged);
WspRecord     *wsp_seat_holder_get_seat         (WspSeatHolder *self);
WspRecord     *wsp_seat_holder_get_organisation (WspSeatHolder *self);
WspRecord     *wsp_seat_holder_get_person       (WspSeatHolder *self);
const char    *wsp_seat_holder_get_name         (WspSeatHolder *self);
gboolean       wsp_seat_holder_get_absences_flagged (WspSeatHolder *self);
gboolean       wsp_seat_holder_equal            (WspSeatHolder *a,
                                                 WspSeatHolder *b);

G_END_DECLS
