/* wsp-gui-util.c — small helpers shared by the views and dialogs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "base/wsp-text.h"
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

/* A day stored as YYYY-MM-DD, as the locale writes dates (“27.11.2026” in
 * Polish); what cannot be read is shown as it is, NULL as "". */
char *
wsp_gui_format_date (const char *date)
{
  int year = 0, month = 0, day = 0;
  g_autoptr (GDateTime) time = NULL;

  if (date == NULL)
    return g_strdup ("");
  if (strlen (date) < 10 || sscanf (date, "%4d-%2d-%2d", &year, &month, &day) != 3
      || !g_date_valid_dmy (day, month, year))
    return g_strdup (date);
  time = g_date_time_new_local (year, month, day, 12, 0, 0);
  return time != NULL ? wsp_text_format_date (time, FALSE) : g_strdup (date);
}

/* A day as a person types it, as YYYY-MM-DD: in the locale's order
 * (“27.11.2026”, “27/11/26”) or as 2026-11-27; NULL when it is no day. */
char *
wsp_gui_parse_date (const char *text)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  int year = 0, month = 0, day = 0;
  char tail = 0;
  GDate date;

  if (*trimmed == '\0')
    return NULL;
  if (sscanf (trimmed, "%4d-%2d-%2d%c", &year, &month, &day, &tail) == 3)
    return g_date_valid_dmy (day, month, year) ? g_strdup_printf ("%04d-%02d-%02d", year, month, day) : NULL;
  g_date_clear (&date, 1);
  g_date_set_parse (&date, trimmed);
  if (!g_date_valid (&date))
    return NULL;
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
}

/* Scrolls the first scrolled window inside @widget back to its top (a
 * detail page showing another record starts at its header). */
void
wsp_gui_scroll_to_top (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_SCROLLED_WINDOW (child))
        {
          GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (child));

          gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
          return;
        }
      wsp_gui_scroll_to_top (child);
    }
}

/* Finds, depth first, the first button under @widget whose label is
 * @label (with its mnemonic); for tests and for the toast's button. */
GtkWidget *
wsp_gui_find_button (GtkWidget  *widget,
                     const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0
      && gtk_widget_get_mapped (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = wsp_gui_find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Who the Council advises (the setting "executive", a name of
 * wsp_executive_choices), which names its local government sides. */
const char *
wsp_gui_get_executive (void)
{
  static char *executive;

  g_free (executive);
  executive = g_settings_get_string (wsp_gui_get_settings (), "executive");
  return executive;
}

/* The application's settings, for the views that follow one. */
GSettings *
wsp_gui_get_settings (void)
{
  static GSettings *settings;

  if (settings == NULL)
    settings = g_settings_new (APP_ID);
  return settings;
}

/* The day after @day (both YYYY-MM-DD); NULL when @day is no day. */
char *
wsp_gui_day_after (const char *day)
{
  int year = 0, month = 0, d = 0;
  GDate date;

  if (day == NULL || sscanf (day, "%4d-%2d-%2d", &year, &month, &d) != 3 || !g_date_valid_dmy (d, month, year))
    return NULL;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, month, year);
  g_date_add_days (&date, 1);
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date));
}

/* Lets the labels of the buttons under @root go on two lines, so that a
 * row of buttons with long (Polish) labels fits a narrow window. */
void
wsp_gui_wrap_button_labels (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_BUTTON (root) && GTK_IS_LABEL (gtk_button_get_child (GTK_BUTTON (root))))
    {
      GtkLabel *label = GTK_LABEL (gtk_button_get_child (GTK_BUTTON (root)));

      gtk_label_set_wrap (label, TRUE);
      gtk_label_set_wrap_mode (label, PANGO_WRAP_WORD);
      gtk_label_set_justify (label, GTK_JUSTIFY_CENTER);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (!GTK_IS_POPOVER (child))
      wsp_gui_wrap_button_labels (child);
}

/* A label that starts at the left and wraps, with @css_class if any. */
GtkLabel *
wsp_gui_new_label (const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return GTK_LABEL (label);
}
