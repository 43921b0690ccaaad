/* wsp-hlc.c — hybrid logical clock
 *
 * The clock orders changes for display and breaks ties; which changes are
 * concurrent is decided by the revisions' parent links, never by the clock.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "base/wsp-hlc.h"

#define MILLIS_MASK ((G_GUINT64_CONSTANT (1) << 48) - 1)

WspHlc
wsp_hlc_make (guint64 millis,
              guint16 counter)
{
  return ((millis & MILLIS_MASK) << 16) | counter;
}

guint64
wsp_hlc_millis (WspHlc hlc)
{
  return hlc >> 16;
}

guint16
wsp_hlc_counter (WspHlc hlc)
{
  return (guint16) (hlc & 0xffff);
}

guint64
wsp_hlc_now_millis (void)
{
  return (guint64) (g_get_real_time () / 1000);
}

/* Advances past @last for a local event at @now_millis: the millisecond part
 * is the larger of the two; the counter goes up when it did not change. When
 * the counter would overflow, the clock moves to the next millisecond. */
WspHlc
wsp_hlc_send (WspHlc  last,
              guint64 now_millis)
{
  guint64 l = wsp_hlc_millis (last);

  if (now_millis > l)
    return wsp_hlc_make (now_millis, 0);
  if (wsp_hlc_counter (last) == G_MAXUINT16)
    return wsp_hlc_make (l + 1, 0);
  return last + 1;
}

/* Advances past both @last and @remote on receiving @remote (an import).
 * A remote value more than WSP_HLC_MAX_SKEW_MS ahead of @now_millis is
 * clamped to that limit, and @clamped says so. */
WspHlc
wsp_hlc_receive (WspHlc    last,
                 WspHlc    remote,
                 guint64   now_millis,
                 gboolean *clamped)
{
  guint64 limit = now_millis + WSP_HLC_MAX_SKEW_MS;

  if (clamped != NULL)
    *clamped = FALSE;
  if (wsp_hlc_millis (remote) > limit)
    {
      remote = wsp_hlc_make (limit, 0);
      if (clamped != NULL)
        *clamped = TRUE;
    }
  return wsp_hlc_send (MAX (last, remote), now_millis);
}

char *
wsp_hlc_to_string (WspHlc hlc)
{
  return g_strdup_printf ("%016" G_GINT64_MODIFIER "x", hlc);
}

gboolean
wsp_hlc_parse (const char *text,
               WspHlc     *hlc)
{
  guint64 value = 0;

  if (text == NULL || strlen (text) != WSP_HLC_STRING_LENGTH)
    return FALSE;
  for (const char *p = text; *p; p++)
    {
      if (!g_ascii_isxdigit (*p) || g_ascii_isupper (*p))
        return FALSE;
      value = (value << 4) | (guint64) g_ascii_xdigit_value (*p);
    }
  *hlc = value;
  return TRUE;
}
