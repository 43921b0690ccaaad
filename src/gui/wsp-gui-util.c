/* wsp-gui-util.c — small helpers shared by the views
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "wsp-gui-util.h"
#include "wsp-window.h"

/* Today in the local calendar, as YYYY-MM-DD (how dates are stored). */
char *
wsp_gui_today (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}

/* Shows @toast in the window that holds @widget (takes the toast). */
void
wsp_gui_add_toast (GtkWidget *widget,
                   AdwToast  *toast)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  if (WSP_IS_WINDOW (root))
    wsp_window_add_toast (WSP_WINDOW (root), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

void
wsp_gui_show_error (GtkWidget *widget,
                    GError    *error)
{
  AdwToast *toast = adw_toast_new (error->message);

  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 8);
  wsp_gui_add_toast (widget, toast);
}

/* A row that shows @value under its @title; NULL when there is no value. */
GtkWidget *
wsp_gui_value_row (const char *title,
                   const char *value)
{
  GtkWidget *row;

  if (value == NULL || *value == '\0')
    return NULL;
  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
  return row;
}

/* @text with its first letter made a capital (“organisation” → “Organisation”). */
char *
wsp_gui_capitalize (const char *text)
{
  gunichar first;
  char buf[6];
  int len;

  if (text == NULL || *text == '\0')
    return g_strdup ("");
  first = g_utf8_get_char (text);
  len = g_unichar_to_utf8 (g_unichar_totitle (first), buf);
  return g_strdup_printf ("%.*s%s", len, buf, g_utf8_next_char (text));
}
