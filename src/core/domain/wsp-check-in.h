/* wsp-check-in.h — a meeting's check-in: every member on the day, and the quorum, live
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "domain/wsp-check-in-entry.h"
#include "rules/wsp-rules.h"
#include "store/wsp-store.h"

G_BEGIN_DECLS

/**
 * WspQuorum:
 * @members: members of the body on the day (the base)
 * @present: members in the room now (checked in, not gone)
 * @recused: of @present, those recused from the item (0 for the meeting)
 * @required: how many must be in the room (wsp_quorum_required())
 * @reached: whether they are (wsp_quorum_reached())
 *
 * The quorum of a meeting, or of one item of it.
 */
typedef struct
{
  guint    members;
  guint    present;
  guint    recused;
  guint    required;
  gboolean reached;
} WspQuorum;

#define WSP_TYPE_CHECK_IN (wsp_check_in_get_type ())

G_DECLARE_FINAL_TYPE (WspCheckIn, wsp_check_in, WSP, CHECK_IN, GObject)

WspCheckIn      *wsp_check_in_new            (WspStore        *store,
                                              const char      *meeting_id);
WspRecord       *wsp_check_in_get_meeting    (WspCheckIn      *self);
void             wsp_check_in_get_rules      (WspCheckIn      *self,
                                              WspBodyRules    *rules);
void             wsp_check_in_get_quorum     (WspCheckIn      *self,
                                              WspQuorum       *quorum);
void             wsp_check_in_get_item_quorum (WspCheckIn     *self,
                                              WspRecord       *item,
                                              WspQuorum       *quorum);
guint            wsp_check_in_count          (WspCheckIn      *self,
                                              WspPresence      presence);
WspCheckInEntry *wsp_check_in_find           (WspCheckIn      *self,
                                              const char      *seat_id,
                                              guint           *position);
gboolean         wsp_check_in_get_locked     (WspCheckIn      *self);
void             wsp_check_in_set_unlocked   (WspCheckIn      *self,
                                              gboolean         unlocked);
gboolean         wsp_check_in_set_presence   (WspCheckIn      *self,
                                              WspCheckInEntry *entry,
                                              WspPresence      presence,
                                              GDateTime       *at,
                                              GError         **error);
gboolean         wsp_check_in_set_left       (WspCheckIn      *self,
                                              WspCheckInEntry *entry,
                                              GDateTime       *at,
                                              GError         **error);
gboolean         wsp_check_in_mark_rest      (WspCheckIn      *self,
                                              WspPresence      presence,
                                              guint           *n_marked,
                                              GError         **error);
char            *wsp_check_in_attendance_id  (const char      *meeting_id,
                                              const char      *seat_id);

G_END_DECLS
