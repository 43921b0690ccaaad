/* wsp-seat-labels.h — how seats, sides and roles are called
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "records/wsp-record.h"

G_BEGIN_DECLS

const char *wsp_side_label    (const char *side);
const char *wsp_role_label    (const char *role);
char       *wsp_seat_describe (WspRecord  *seat,
                               const char *today);

G_END_DECLS
