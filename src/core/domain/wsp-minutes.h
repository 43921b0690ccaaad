/* wsp-minutes.h — the minutes of a meeting: approved by a vote at the next one, corrected after
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "store/wsp-store.h"

G_BEGIN_DECLS

#define WSP_MINUTES_ERROR (wsp_minutes_error_quark ())

/**
 * WspMinutesError:
 * @WSP_MINUTES_ERROR_NOT_HELD: the meeting has not been held, so it has no
 *   minutes
 * @WSP_MINUTES_ERROR_NOT_APPROVED: a correction of minutes that are still a
 *   draft (the draft's notes are edited instead)
 * @WSP_MINUTES_ERROR_EMPTY: a correction that says nothing
 *
 * Why the minutes of a meeting could not be approved or corrected.
 */
typedef enum
{
  WSP_MINUTES_ERROR_NOT_HELD,
  WSP_MINUTES_ERROR_NOT_APPROVED,
  WSP_MINUTES_ERROR_EMPTY,
} WspMinutesError;

GQuark      wsp_minutes_error_quark          (void);

gboolean    wsp_minutes_is_approval_item     (WspRecord   *item);
WspRecord  *wsp_minutes_adjacent_meeting     (WspStore    *store,
                                              WspRecord   *meeting,
                                              gboolean     next,
                                              GError     **error);
WspRecord  *wsp_minutes_find_approval        (WspStore    *store,
                                              WspRecord   *meeting,
                                              GError     **error);
gboolean    wsp_minutes_approve              (WspStore    *store,
                                              WspRecord   *meeting,
                                              WspRecord   *ballot,
                                              GError     **error);
gboolean    wsp_minutes_follow_ballots       (WspStore    *store,
                                              guint       *n_approved,
                                              GError     **error);
gboolean    wsp_minutes_record_correction    (WspStore    *store,
                                              WspRecord   *meeting,
                                              const char  *item_id,
                                              const char  *text,
                                              GDateTime   *at,
                                              GError     **error);
GPtrArray  *wsp_minutes_corrections          (WspStore    *store,
                                              const char  *meeting_id,
                                              GError     **error);

G_END_DECLS
