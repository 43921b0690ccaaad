/* wsp-meetings-util.h — how the meetings module writes dates, times and summaries
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "store/wsp-store.h"

G_BEGIN_DECLS

GDateTime *wsp_meetings_parse_time      (WspRecord   *record,
                                         const char  *field);
char      *wsp_meetings_format_when     (WspRecord   *meeting);
char      *wsp_meetings_format_day      (GDateTime   *time);
char      *wsp_meetings_format_clock    (GDateTime   *time);
char      *wsp_meetings_format_field_clock (WspRecord *record,
                                         const char  *field);
char      *wsp_meetings_format_summary  (WspStore    *store,
                                         WspRecord   *meeting);
char      *wsp_meetings_format_place    (WspStore    *store,
                                         WspRecord   *meeting);
char      *wsp_meetings_format_minutes  (gint64       minutes);
void       wsp_meetings_close_on_escape (GtkWindow   *window);
void       wsp_meetings_present         (GtkWidget   *parent,
                                         GtkWindow   *window);

G_END_DECLS
