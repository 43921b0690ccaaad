/* wsp-hlc.h — hybrid logical clock
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A hybrid logical clock value (Kulkarni et al., 2014): 48 bits of
 * milliseconds since the epoch and a 16-bit counter. Written as 16 lower-case
 * hexadecimal digits, so that string order is time order. */
typedef guint64 WspHlc;

#define WSP_HLC_STRING_LENGTH 16
/* A remote clock further ahead than this is clamped (and the import says so). */
#define WSP_HLC_MAX_SKEW_MS (24 * 60 * 60 * 1000)

WspHlc   wsp_hlc_make      (guint64      millis,
                            guint16      counter);
guint64  wsp_hlc_millis    (WspHlc       hlc);
guint16  wsp_hlc_counter   (WspHlc       hlc);
WspHlc   wsp_hlc_send      (WspHlc       last,
                            guint64      now_millis);
WspHlc   wsp_hlc_receive   (WspHlc       last,
                            WspHlc       remote,
                            guint64      now_millis,
                            gboolean    *clamped);
char    *wsp_hlc_to_string (WspHlc       hlc);
gboolean wsp_hlc_parse     (const char  *text,
                            WspHlc      *hlc);
guint64  wsp_hlc_now_millis (void);

G_END_DECLS
