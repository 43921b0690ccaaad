/* wsp-text.c — comparing and finding text as people of the locale do
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

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
