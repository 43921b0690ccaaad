/* wsp-check-in-entry.h — one member at a meeting's check-in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "records/wsp-choices.h"
#include "records/wsp-record.h"

G_BEGIN_DECLS

/* No attendance recorded yet for the member. */
#define WSP_PRESENCE_UNKNOWN ((WspPresence) -1)

#define WSP_TYPE_CHECK_IN_ENTRY (wsp_check_in_entry_get_type ())

G_DECLARE_FINAL_TYPE (WspCheckInEntry, wsp_check_in_entry, WSP, CHECK_IN_ENTRY, GObject)

WspCheckInEntry *wsp_check_in_entry_new              (WspRecord       *seat,
                                                      WspRecord       *person,
                                                      WspRecord       *organisation,
                                                      const char      *representatives);
WspRecord       *wsp_check_in_entry_get_seat         (WspCheckInEntry *self);
const char      *wsp_check_in_entry_get_seat_id      (WspCheckInEntry *self);
WspRecord       *wsp_check_in_entry_get_person       (WspCheckInEntry *self);
WspRecord       *wsp_check_in_entry_get_organisation (WspCheckInEntry *self);
const char      *wsp_check_in_entry_get_name         (WspCheckInEntry *self);
const char      *wsp_check_in_entry_get_representatives (WspCheckInEntry *self);
WspRecord       *wsp_check_in_entry_get_attendance   (WspCheckInEntry *self);
WspPresence      wsp_check_in_entry_get_presence     (WspCheckInEntry *self);
gboolean         wsp_check_in_entry_is_in_the_room   (WspCheckInEntry *self);
gboolean         wsp_check_in_entry_set_attendance   (WspCheckInEntry *self,
                                                      WspRecord       *attendance);

G_END_DECLS
