/* wsp-gui-util.c — small helpers shared by the views and dialogs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "widgets/wsp-gui-util.h"

#define TOAST_OVERLAY_KEY "wsp-toast-overlay"

/* Today in the local calendar, as YYYY-MM-DD (how dates are stored). */
char *
wsp_gui_today (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}

/* Says where toasts for @window and its dialogs go. */
void
wsp_gui_set_toast_overlay (GtkWindow       *window,
                           AdwToastOverlay *overlay)
{
  g_object_set_data (G_OBJECT (window), TOAST_OVERLAY_KEY, overlay);
}

static AdwToastOverlay *
overlay_of_window (GtkWindow *window)
{
  for (guint i = 0; window != NULL && i < 8; i++, window = gtk_window_get_transient_for (window))
    {
      AdwToastOverlay *overlay = g_object_get_data (G_OBJECT (window), TOAST_OVERLAY_KEY);

      if (overlay != NULL)
        return overlay;
    }
  return NULL;
}

/* Shows @toast (taking it) where @widget's window shows toasts: its own
 * overlay, else the window it belongs to (a dialog's parent), else the
 * application's active window. */
void
wsp_gui_add_toast (GtkWidget *widget,
                   AdwToast  *toast)
{
  GtkWidget *ancestor = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  GtkRoot *root = gtk_widget_get_root (widget);
  AdwToastOverlay *overlay = ancestor != NULL ? ADW_TOAST_OVERLAY (ancestor) : NULL;

  if (overlay == NULL && GTK_IS_WINDOW (root))
    overlay = overlay_of_window (GTK_WINDOW (root));
  if (overlay == NULL && GTK_IS_WINDOW (root) && gtk_window_get_application (GTK_WINDOW (root)) != NULL)
    overlay = overlay_of_window (gtk_application_get_active_window (gtk_window_get_application (GTK_WINDOW (root))));
  if (overlay == NULL)
    {
      g_object_unref (g_object_ref_sink (toast));
      return;
    }
  adw_toast_overlay_add_toast (overlay, toast);
}

void
wsp_gui_show_error (GtkWidget *widget,
                    GError    *error)
{
  /* A toast's title is markup; a message may hold a name with "&" or "<". */
  g_autofree char *text = g_markup_escape_text (error->message, -1);
  AdwToast *toast = adw_toast_new (text);

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
