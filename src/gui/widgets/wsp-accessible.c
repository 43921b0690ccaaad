/* wsp-accessible.c — names for screen readers where GTK 4.8 gives none or a wrong one
 *
 * Read over AT-SPI, GTK 4.8 announces a button with a mnemonic by its label
 * twice, the underscore included ("_Edit Edit"); the toggle of a GtkDropDown
 * as "GtkToggleButton"; and a scrolled window (AdwPreferencesPage has one
 * inside) with no name at all. As widgets are shown, this gives each of
 * them the name a person hears: the label without its mnemonic, the item
 * the drop-down shows, what the scrolled window holds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "widgets/wsp-accessible.h"

#define NAMED_KEY "wsp-accessible-named"

/* "_Edit" → "Edit"; "Save __all" → "Save _all". */
char *
wsp_accessible_strip_mnemonic (const char *label)
{
  GString *out = g_string_new (NULL);

  for (const char *p = label != NULL ? label : ""; *p != '\0'; p++)
    {
      if (*p == '_')
        {
          if (p[1] == '_')
            {
              g_string_append_c (out, '_');
              p++;
            }
          continue;
        }
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* Names @widget for screen readers, and says it was named on purpose (the
 * fixes below leave it alone). */
void
wsp_accessible_set_label (GtkWidget  *widget,
                          const char *label)
{
  g_object_set_data (G_OBJECT (widget), NAMED_KEY, GINT_TO_POINTER (TRUE));
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static gboolean
named_on_purpose (GtkWidget *widget)
{
  return g_object_get_data (G_OBJECT (widget), NAMED_KEY) != NULL;
}

static void
name_button (GtkButton *button)
{
  const char *label = gtk_button_get_label (button);
  g_autofree char *plain = NULL;

  if (label == NULL || !gtk_button_get_use_underline (button))
    return;
  plain = wsp_accessible_strip_mnemonic (label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, plain, -1);
}

static void
button_label_cb (GtkButton *button)
{
  if (!named_on_purpose (GTK_WIDGET (button)))
    name_button (button);
}

/* The drop-down's toggle says what is chosen. */
static void
name_drop_down_toggle (GtkDropDown *drop_down,
                       GtkWidget   *toggle)
{
  gpointer item = gtk_drop_down_get_selected_item (drop_down);
  GtkExpression *expression = gtk_drop_down_get_expression (drop_down);
  g_auto (GValue) value = G_VALUE_INIT;
  const char *text = NULL;

  if (GTK_IS_STRING_OBJECT (item))
    text = gtk_string_object_get_string (item);
  else if (item != NULL && expression != NULL && gtk_expression_evaluate (expression, item, &value)
           && G_VALUE_HOLDS_STRING (&value))
    text = g_value_get_string (&value);
  if (text == NULL || *text == '\0')
    text = gtk_widget_get_tooltip_text (GTK_WIDGET (drop_down));
  if (text != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}

static void
drop_down_selected_cb (GtkDropDown *drop_down,
                       GParamSpec  *pspec,
                       GtkWidget   *toggle)
{
  name_drop_down_toggle (drop_down, toggle);
}

/* What a scrolled window holds, said by the nearest title around it: the
 * preferences page's, the group's, or the window's. */
static void
name_scrolled_window (GtkWidget *scrolled)
{
  const char *title = NULL;

  for (GtkWidget *w = gtk_widget_get_parent (scrolled); w != NULL && title == NULL; w = gtk_widget_get_parent (w))
    {
      if (ADW_IS_PREFERENCES_PAGE (w))
        title = adw_preferences_page_get_title (ADW_PREFERENCES_PAGE (w));
      else if (ADW_IS_STATUS_PAGE (w))
        title = adw_status_page_get_title (ADW_STATUS_PAGE (w));
      if (title != NULL && *title == '\0')
        title = NULL;
    }
  if (title == NULL)
    {
      GtkRoot *root = gtk_widget_get_root (scrolled);

      if (GTK_IS_WINDOW (root))
        title = gtk_window_get_title (GTK_WINDOW (root));
    }
  if (title != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (scrolled), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
}

static gboolean
map_hook (GSignalInvocationHint *hint,
          guint                  n_values,
          const GValue          *values,
          gpointer               user_data)
{
  GtkWidget *widget = g_value_get_object (&values[0]);
  GtkWidget *parent;

  if (!GTK_IS_WIDGET (widget) || named_on_purpose (widget))
    return TRUE;
  parent = gtk_widget_get_parent (widget);

  if (GTK_IS_TOGGLE_BUTTON (widget) && GTK_IS_DROP_DOWN (parent))
    {
      if (g_object_get_data (G_OBJECT (widget), "wsp-accessible-watched") == NULL)
        {
          g_object_set_data (G_OBJECT (widget), "wsp-accessible-watched", GINT_TO_POINTER (TRUE));
          g_signal_connect_object (parent, "notify::selected", G_CALLBACK (drop_down_selected_cb), widget, 0);
        }
      name_drop_down_toggle (GTK_DROP_DOWN (parent), widget);
    }
  else if (GTK_IS_BUTTON (widget))
    {
      if (g_object_get_data (G_OBJECT (widget), "wsp-accessible-watched") == NULL)
        {
          g_object_set_data (G_OBJECT (widget), "wsp-accessible-watched", GINT_TO_POINTER (TRUE));
          g_signal_connect (widget, "notify::label", G_CALLBACK (button_label_cb), NULL);
        }
      name_button (GTK_BUTTON (widget));
    }
  else if (GTK_IS_SCROLLED_WINDOW (widget))
    name_scrolled_window (widget);
  return TRUE;
}

/* Names widgets as they are shown, from now on, in every window. */
void
wsp_accessible_install (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      /* Signals are known once the class is. */
      g_type_class_unref (g_type_class_ref (GTK_TYPE_WIDGET));
      g_signal_add_emission_hook (g_signal_lookup ("map", GTK_TYPE_WIDGET), 0, map_hook, NULL, NULL);
      g_once_init_leave (&done, 1);
    }
}
