/* wsp-seat.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "records/wsp-record.h"

G_BEGIN_DECLS

#define WSP_TYPE_SEAT (wsp_seat_get_type ())

G_DECLARE_FINAL_TYPE (WspSeat, wsp_seat, WSP, SEAT, WspRecord)

WspSeat *wsp_seat_new (void);

G_END_DECLS
