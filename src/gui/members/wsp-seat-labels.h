/* wsp-seat-labels.h — how a seat is described
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "records/wsp-record.h"

G_BEGIN_DECLS

char       *wsp_seat_describe (WspRecord  *seat,
                               WspRecord  *person,
                               const char *today);
char       *wsp_seat_reason   (WspRecord  *seat);

G_END_DECLS
