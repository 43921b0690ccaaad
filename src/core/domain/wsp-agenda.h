/* wsp-agenda.h — a meeting's agenda: items in an order every laptop agrees on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "store/wsp-store.h"

G_BEGIN_DECLS

/* The gap between the positions of neighbouring items when an agenda is
 * spaced out: room for ten moves into one place before it is spaced again. */
#define WSP_AGENDA_STEP G_GINT64_CONSTANT (1024)

/* Pure: the order and the positions */
int        wsp_agenda_compare             (WspRecord   *a,
                                           WspRecord   *b);
void       wsp_agenda_sort                (GPtrArray   *items);
gboolean   wsp_agenda_has_collisions      (GPtrArray   *items);
gboolean   wsp_agenda_position_between    (gboolean     has_before,
                                           gint64       before,
                                           gboolean     has_after,
                                           gint64       after,
                                           gint64      *position);
GPtrArray *wsp_agenda_planned_starts      (WspRecord   *meeting,
                                           GPtrArray   *items);

/* The agenda in the store */
GPtrArray *wsp_agenda_items               (WspStore    *store,
                                           const char  *meeting_id,
                                           GError     **error);
gboolean   wsp_agenda_insert              (WspStore    *store,
                                           WspRecord   *meeting,
                                           WspRecord   *item,
                                           guint        index,
                                           GError     **error);
gboolean   wsp_agenda_move                (WspStore    *store,
                                           WspRecord   *meeting,
                                           const char  *item_id,
                                           guint        index,
                                           GError     **error);
gboolean   wsp_agenda_remove              (WspStore    *store,
                                           WspRecord   *meeting,
                                           WspRecord   *item,
                                           GError     **error);
gboolean   wsp_agenda_fix_collisions      (WspStore    *store,
                                           WspRecord   *meeting,
                                           GError     **error);
gboolean   wsp_agenda_add_standard_items  (WspStore    *store,
                                           WspRecord   *meeting,
                                           guint       *n_added,
                                           GError     **error);
gboolean   wsp_agenda_copy                (WspStore    *store,
                                           WspRecord   *meeting,
                                           const char  *source_meeting_id,
                                           guint       *n_added,
                                           GError     **error);
gboolean   wsp_agenda_check_unlocked      (WspRecord   *meeting,
                                           GError     **error);

G_END_DECLS
