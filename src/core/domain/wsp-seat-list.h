/* wsp-seat-list.h — the members of the Forum or of a Council term, live
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "domain/wsp-membership.h"
#include "domain/wsp-seat-holder.h"

G_BEGIN_DECLS

typedef enum
{
  WSP_SEATS_FORUM_CURRENT, /* the Forum's member organisations */
  WSP_SEATS_FORUM_FORMER,  /* the organisations that left the Forum */
  WSP_SEATS_TERM_CURRENT,  /* a Council term's members, by side and role */
  WSP_SEATS_TERM_FORMER,   /* a Council term's members who left */
  WSP_SEATS_TERM_VACANT,   /* a term's seats left and not filled again: the
                            * holder is the member who left it */
} WspSeatListKind;

#define WSP_TYPE_SEAT_LIST (wsp_seat_list_get_type ())

G_DECLARE_FINAL_TYPE (WspSeatList, wsp_seat_list, WSP, SEAT_LIST, GObject)

WspSeatList *wsp_seat_list_new             (WspStore        *store,
                                            WspSeatListKind  kind,
                                            const char      *owner_id,
                                            const char      *today);
void         wsp_seat_list_get_composition (WspSeatList     *self,
                                            WspComposition  *out);
guint        wsp_seat_list_get_n_flagged   (WspSeatList     *self);
guint        wsp_seat_list_get_absence_limit (WspSeatList   *self);

G_END_DECLS
