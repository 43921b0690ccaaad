/* wsp-accessible.c — names for screen readers where GTK 4.8 gives none or a wrong one
 *
 * Read over AT-SPI, GTK 4.8 announces a button with a mnemonic by its label
 * twice, the underscore included ("_Edit Edit": its label property and the
 * label it is labelled by); the toggle of a GtkDropDown as
 * "GtkToggleButton"; the list inside an AdwPreferencesGroup or an
 * AdwComboRow by its class name; and a scrolled window (AdwPreferencesPage
 * has one inside) with no name at all. As windows and widgets are shown,
 * this gives each of them the name a person hears: the label once, without
 * its mnemonic; the item the drop-down shows; the group's or the row's
 * title; what the scrolled window holds.
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
  /* Else GTK 4.8 says the name and then the label it is labelled by. */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
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
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, plain, -1);
}

/* The title of the nearest group, row, page or window around @widget. */
static const char *
nearest_title (GtkWidget *widget)
{
  for (GtkWidget *w = gtk_widget_get_parent (widget); w != NULL; w = gtk_widget_get_parent (w))
    {
      const char *title = NULL;

      if (ADW_IS_PREFERENCES_GROUP (w))
        title = adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (w));
      else if (ADW_IS_PREFERENCES_ROW (w))
        title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (w));
      else if (ADW_IS_PREFERENCES_PAGE (w))
        title = adw_preferences_page_get_title (ADW_PREFERENCES_PAGE (w));
      else if (ADW_IS_STATUS_PAGE (w))
        title = adw_status_page_get_title (ADW_STATUS_PAGE (w));
      else if (GTK_IS_WINDOW (w))
        title = gtk_window_get_title (GTK_WINDOW (w));
      if (title != NULL && *title != '\0')
        return title;
    }
  return NULL;
}

/* A list made inside a libadwaita widget is named after what holds it: a
 * combo row's choices, an expander row's rows after the row; a group's rows, when the group has no
 * title to be labelled by, after what is around the group. */
static void
name_inner_list (GtkWidget *list)
{
  GtkWidget *row = gtk_widget_get_ancestor (list, ADW_TYPE_PREFERENCES_ROW);
  GtkWidget *group = gtk_widget_get_ancestor (list, ADW_TYPE_PREFERENCES_GROUP);
  const char *title = NULL;

  if (row != NULL)
    title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
  else if (GTK_IS_LIST_BOX (list) && gtk_widget_has_css_class (list, "boxed-list") && group != NULL)
    {
      const char *own = adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group));

      if (own != NULL && *own != '\0')
        return; /* labelled by the group's title */
      title = nearest_title (group);
    }
  if (title != NULL && *title != '\0')
    gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
}

/* What an icon says, for the toolkit's own buttons that have no name. */
static const char *
icon_meaning (const char *icon)
{
  static const struct { const char *icon; const char *meaning; } icons[] = {
    { "edit-find-symbolic", N_("Search") },
    { "go-previous-symbolic", N_("Back") },
    { "go-next-symbolic", N_("Next") },
    { "open-menu-symbolic", N_("Menu") },
    { "window-close-symbolic", N_("Close") },
    { "edit-clear-symbolic", N_("Clear") },
    { "pan-down-symbolic", N_("More") },
    { "adw-external-link-symbolic", N_("Open the website") },
    { "go-home-symbolic", N_("Website") },
    { "dialog-warning-symbolic", N_("Warning") },
  };

  for (guint i = 0; icon != NULL && i < G_N_ELEMENTS (icons); i++)
    if (g_str_equal (icons[i].icon, icon))
      return _(icons[i].meaning);
  return NULL;
}

/* A button with no text of its own (an icon, or a menu button) is named by
 * its tooltip, or by what its icon means. */
static void
name_icon_button (GtkWidget *button)
{
  const char *name = gtk_widget_get_tooltip_text (button);
  GtkWidget *child = GTK_IS_BUTTON (button) ? gtk_button_get_child (GTK_BUTTON (button)) : NULL;

  if (GTK_IS_BUTTON (button) && gtk_button_get_label (GTK_BUTTON (button)) != NULL)
    return;
  if (GTK_IS_MENU_BUTTON (button))
    {
      if (gtk_menu_button_get_label (GTK_MENU_BUTTON (button)) != NULL)
        return;
      if (name == NULL)
        name = icon_meaning (gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (button)));
    }
  if (name == NULL && GTK_IS_BUTTON (button))
    name = icon_meaning (gtk_button_get_icon_name (GTK_BUTTON (button)));
  if (name == NULL && GTK_IS_IMAGE (child))
    name = icon_meaning (gtk_image_get_icon_name (GTK_IMAGE (child)));
  if (name == NULL && child == NULL && GTK_IS_MENU_BUTTON (button))
    name = nearest_title (button);
  /* A button made of a box with a label in it says the label. */
  for (GtkWidget *w = child; name == NULL && w != NULL; w = gtk_widget_get_first_child (w))
    if (GTK_IS_LABEL (w) && *gtk_label_get_text (GTK_LABEL (w)) != '\0')
      name = gtk_label_get_text (GTK_LABEL (w));
  if (name != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
name_check_button (GtkCheckButton *check)
{
  const char *label = gtk_check_button_get_label (check);
  g_autofree char *plain = NULL;

  if (label == NULL || !gtk_check_button_get_use_underline (check))
    return;
  plain = wsp_accessible_strip_mnemonic (label);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, plain, -1);
}

static void
name_search_entry (GtkWidget *entry)
{
  const char *placeholder = NULL;

  g_object_get (entry, "placeholder-text", &placeholder, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  placeholder != NULL && *placeholder != '\0' ? placeholder : _("Search"), -1);
  g_free ((char *) placeholder);
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

/* Whether @widget belongs to a window the toolkit makes (About, the
 * shortcuts, the preferences' search), whose unnamed controls only these
 * fixes can name; the app's own are named where they are made. */
static gboolean
outside_own_windows (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  return ADW_IS_ABOUT_WINDOW (root) || GTK_IS_SHORTCUTS_WINDOW (root) || ADW_IS_PREFERENCES_WINDOW (root);
}

static void
fix (GtkWidget *widget)
{
  GtkWidget *parent;

  if (named_on_purpose (widget))
    return;
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
      if (!outside_own_windows (widget))
        return;
      name_icon_button (widget);
    }
  else if (GTK_IS_MENU_BUTTON (widget) && outside_own_windows (widget))
    name_icon_button (widget);
  else if (GTK_IS_CHECK_BUTTON (widget))
    name_check_button (GTK_CHECK_BUTTON (widget));
  else if (GTK_IS_SEARCH_ENTRY (widget) && outside_own_windows (widget))
    name_search_entry (widget);
  else if (GTK_IS_SCROLLED_WINDOW (widget))
    name_scrolled_window (widget);
  else if (GTK_IS_LIST_BOX (widget) || GTK_IS_LIST_VIEW (widget))
    name_inner_list (widget);
}

/* @widget and everything in it, shown or not: GTK 4.8 lists hidden pages of
 * stacks to screen readers too. */
static void
fix_tree (GtkWidget *widget)
{
  fix (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    fix_tree (child);
}

static gboolean
map_hook (GSignalInvocationHint *hint,
          guint                  n_values,
          const GValue          *values,
          gpointer               user_data)
{
  GtkWidget *widget = g_value_get_object (&values[0]);

  if (GTK_IS_WINDOW (widget))
    fix_tree (widget);
  else if (GTK_IS_WIDGET (widget))
    fix (widget);
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

/* A button with a mnemonic, named once and without the underscore from
 * the start (also where it is made in a page not shown yet). */
GtkWidget *
wsp_accessible_button_new (const char *label)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  name_button (GTK_BUTTON (button));
  return button;
}
