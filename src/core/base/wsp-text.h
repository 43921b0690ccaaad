/* wsp-text.h — comparing and finding text as people of the locale do
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

int   wsp_text_collate (const char *a,
                        const char *b);
char *wsp_text_fold    (const char *text);
char *wsp_text_format_date (GDateTime  *time,
                            gboolean    with_time);

G_END_DECLS
