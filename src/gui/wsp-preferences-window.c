/* wsp-preferences-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "wsp-preferences-window.h"

struct _WspPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  WspApplication *application;

  AdwEntryRow  *laptop_name_row;
  AdwActionRow *database_row;
};

G_DEFINE_FINAL_TYPE (WspPreferencesWindow, wsp_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_APPLICATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

WspPreferencesWindow *
wsp_preferences_window_new (WspApplication *application)
{
  return g_object_new (WSP_TYPE_PREFERENCES_WINDOW, "wsp-application", application, NULL);
}

GtkWidget *
wsp_preferences_window_get_laptop_name_row (WspPreferencesWindow *self)
{
  g_return_val_if_fail (WSP_IS_PREFERENCES_WINDOW (self), NULL);
  return GTK_WIDGET (self->laptop_name_row);
}

static void
wsp_preferences_window_constructed (GObject *object)
{
  WspPreferencesWindow *self = WSP_PREFERENCES_WINDOW (object);
  GSettings *settings;

  G_OBJECT_CLASS (wsp_preferences_window_parent_class)->constructed (object);

  if (self->application == NULL)
    return;

  settings = wsp_application_get_settings (self->application);
  if (settings != NULL)
    g_settings_bind (settings, "laptop-name", self->laptop_name_row, "text", G_SETTINGS_BIND_DEFAULT);
  adw_action_row_set_subtitle (self->database_row,
                               wsp_application_get_database_path (self->application));
}

static void
wsp_preferences_window_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  WspPreferencesWindow *self = WSP_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_APPLICATION:
      g_set_object (&self->application, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wsp_preferences_window_dispose (GObject *object)
{
  WspPreferencesWindow *self = WSP_PREFERENCES_WINDOW (object);

  g_clear_object (&self->application);

  G_OBJECT_CLASS (wsp_preferences_window_parent_class)->dispose (object);
}

static void
wsp_preferences_window_class_init (WspPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = wsp_preferences_window_constructed;
  object_class->set_property = wsp_preferences_window_set_property;
  object_class->dispose = wsp_preferences_window_dispose;

  properties[PROP_APPLICATION] =
    g_param_spec_object ("wsp-application", NULL, NULL, WSP_TYPE_APPLICATION,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Wspolnie/wsp-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, WspPreferencesWindow, laptop_name_row);
  gtk_widget_class_bind_template_child (widget_class, WspPreferencesWindow, database_row);
}

static void
wsp_preferences_window_init (WspPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
