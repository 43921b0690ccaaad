/* wsp-text.c — comparing and finding text as people of the locale do
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <langinfo.h>

#include <string.h>

#include "base/wsp-text.h"

/* Sorts text as people of the current locale expect (ł after l in Polish).
 * The store's LOCALIZED collation is this function, so lists sorted in SQL
 * and in memory agree. */
int
wsp_text_collate (const char *a,
                  const char *b)
{
  g_autofree char *ka = g_utf8_collate_key (a != NULL ? a : "", -1);
  g_autofree char *kb = g_utf8_collate_key (b != NULL ? b : "", -1);

  return strcmp (ka, kb);
}

/* @text in lower case without diacritics (ł as l too), for finding
 * “Zagłębie” by “zaglebie”. */
char *
wsp_text_fold (const char *text)
{
  g_autofree char *ascii = g_str_to_ascii (text != NULL ? text : "", "C");

  return g_ascii_strdown (ascii, -1);
}

/**
 * wsp_text_format_date:
 * @time: a day (and time)
 * @with_time: whether to say the time of day too
 *
 * Returns: (transfer full): @time as the locale writes dates (“27.11.2026”
 *   in Polish), the year always in full: the C locale's two digits would
 *   make 2031 read back as 1931
 */
char *
wsp_text_format_date (GDateTime *time,
                      gboolean   with_time)
{
  g_autoptr (GString) format = g_string_new (nl_langinfo (D_FMT));

  g_string_replace (format, "%y", "%Y", 0);
  if (with_time)
    g_string_append (format, " %H:%M");
  return g_date_time_format (time, format->str);
}
