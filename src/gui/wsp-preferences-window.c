/* wsp-preferences-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "records/wsp-choices.h"
#include "widgets/wsp-accessible.h"
#include "widgets/wsp-gui-util.h"
#include "wsp-preferences-window.h"
#include "sync/wsp-sync.h"

struct _WspPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  GSettings      *settings;
  WspStore       *store;

  AdwPreferencesGroup *laptop_group;
  AdwEntryRow         *laptop_name_row;
  AdwComboRow         *executive_row;
  AdwActionRow        *database_row;
  AdwActionRow        *fingerprint_row;
  AdwPreferencesGroup *peers_group;
  AdwActionRow        *folder_row;
  GtkButton           *stop_folder_button;
  GPtrArray           *peer_rows;
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (WspPreferencesWindow, wsp_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Preferences kept in @settings; this laptop's identity and the laptops it
 * trusts from @store (NULL when no database is open). */
WspPreferencesWindow *
wsp_preferences_window_new (GSettings *settings,
                            WspStore  *store)
{
  return g_object_new (WSP_TYPE_PREFERENCES_WINDOW, "settings", settings, "store", store, NULL);
}

GtkWidget *
wsp_preferences_window_get_laptop_name_row (WspPreferencesWindow *self)
{
  g_return_val_if_fail (WSP_IS_PREFERENCES_WINDOW (self), NULL);
  return GTK_WIDGET (self->laptop_name_row);
}

GtkWidget *
wsp_preferences_window_get_executive_row (WspPreferencesWindow *self)
{
  g_return_val_if_fail (WSP_IS_PREFERENCES_WINDOW (self), NULL);
  return GTK_WIDGET (self->executive_row);
}

/* What the group of this laptop says about its name. */
const char *
wsp_preferences_window_get_laptop_description (WspPreferencesWindow *self)
{
  g_return_val_if_fail (WSP_IS_PREFERENCES_WINDOW (self), NULL);
  return adw_preferences_group_get_description (self->laptop_group);
}

static void fill_peers (WspPreferencesWindow *self);

static void
trust_clicked_cb (GtkButton            *button,
                  WspPreferencesWindow *self)
{
  WspStore *store = self->store;
  const char *peer = g_object_get_data (G_OBJECT (button), "peer");
  gboolean trusted = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "trusted"));
  g_autoptr (GError) error = NULL;

  if (!(trusted ? wsp_sync_revoke_peer (store, peer, &error) : wsp_sync_trust_peer (store, peer, &error)))
    wsp_gui_show_error (GTK_WIDGET (self), error);
  fill_peers (self);
}

/* The laptops this one takes files from, with their fingerprints. */
static void
fill_peers (WspPreferencesWindow *self)
{
  WspStore *store = self->store;
  g_autoptr (GPtrArray) peers = store != NULL ? wsp_sync_dup_peers (store, NULL) : NULL;

  for (guint i = 0; i < self->peer_rows->len; i++)
    adw_preferences_group_remove (self->peers_group, g_ptr_array_index (self->peer_rows, i));
  g_ptr_array_set_size (self->peer_rows, 0);

  for (guint i = 0; peers != NULL && i < peers->len; i++)
    {
      WspPeer *peer = g_ptr_array_index (peers, i);
      gboolean trusted = peer->trusted;
      const char *last = peer->last_seen;
      g_autofree char *iso_day = last != NULL ? g_strndup (last, 10) : NULL;
      g_autofree char *day = iso_day != NULL ? wsp_gui_format_date (iso_day) : NULL;
      g_autofree char *line = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button;

      /* Translators: a trusted laptop's key fingerprint and the day its last file came */
      line = g_strdup_printf (_("%s · last file %s%s"), peer->fingerprint,
                              day != NULL ? day : "?", trusted ? "" : _(" · no longer trusted"));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), peer->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), line);
      button = wsp_accessible_button_new (trusted ? _("_Revoke") : _("_Trust Again"));
      {
        /* Translators: a button's name for screen readers; %s is a laptop's name */
        g_autofree char *accessible = g_strdup_printf (trusted ? _("Stop trusting “%s”") : _("Trust “%s” again"),
                                                       peer->name);

        wsp_accessible_set_label (button, accessible);
      }
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      if (trusted)
        gtk_widget_add_css_class (button, "destructive-action");
      g_object_set_data_full (G_OBJECT (button), "peer",
                              g_strdup (peer->peer_id), g_free);
      g_object_set_data (G_OBJECT (button), "trusted", GINT_TO_POINTER (trusted));
      g_signal_connect (button, "clicked", G_CALLBACK (trust_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (self->peers_group, row);
      g_ptr_array_add (self->peer_rows, row);
    }
  if (self->peer_rows->len == 0)
    {
      GtkWidget *row = wsp_gui_value_row (_("None yet"), _("Import a file from another laptop to add it."));
      adw_preferences_group_add (self->peers_group, row);
      g_ptr_array_add (self->peer_rows, row);
    }
}

/* Says which name the other laptops see: the one typed, or while none is,
 * the computer's own. */
static void
update_laptop_description (WspPreferencesWindow *self)
{
  const char *typed;
  g_autofree char *description = NULL;

  /* The entry may still tell its last change as the window goes away. */
  if (self->laptop_name_row == NULL || self->laptop_group == NULL)
    return;
  typed = gtk_editable_get_text (GTK_EDITABLE (self->laptop_name_row));
  if (*typed != '\0')
    description = g_strdup (_("The name other laptops see in the files this laptop exports."));
  else
    /* Translators: %s is the computer's host name, e.g. “vm” */
    description = g_strdup_printf (_("Other laptops now see this one as “%s”, the computer’s own name. "
                                     "Give it a name they recognise, such as “NGO Office, Anna’s laptop”."),
                                   g_get_host_name ());
  adw_preferences_group_set_description (self->laptop_group, description);
}

static void
executive_chosen_cb (WspPreferencesWindow *self)
{
  guint index = adw_combo_row_get_selected (self->executive_row);

  if (self->settings != NULL && index < wsp_choice_count (wsp_executive_choices))
    g_settings_set_string (self->settings, "executive", wsp_executive_choices[index].name);
}

static void
update_folder_row (WspPreferencesWindow *self)
{
  GSettings *settings = self->settings;
  g_autofree char *folder = settings != NULL ? g_settings_get_string (settings, "shared-folder") : g_strdup ("");

  adw_action_row_set_subtitle (self->folder_row, *folder != '\0' ? folder : _("None: exchange files by hand"));
  gtk_widget_set_visible (GTK_WIDGET (self->stop_folder_button), *folder != '\0');
}

static void
folder_response_cb (GtkNativeDialog      *chooser,
                    int                   response,
                    WspPreferencesWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        g_settings_set_string (self->settings, "shared-folder", path);
      update_folder_row (self);
    }
  g_clear_object (&self->chooser);
}

static void
choose_folder_clicked_cb (WspPreferencesWindow *self)
{
  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Choose the Shared Folder"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Select"),
                                               _("_Cancel"));
  g_signal_connect (self->chooser, "response", G_CALLBACK (folder_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
stop_folder_clicked_cb (WspPreferencesWindow *self)
{
  g_settings_set_string (self->settings, "shared-folder", "");
  update_folder_row (self);
}

static void
wsp_preferences_window_constructed (GObject *object)
{
  WspPreferencesWindow *self = WSP_PREFERENCES_WINDOW (object);
  GSettings *settings;

  G_OBJECT_CLASS (wsp_preferences_window_parent_class)->constructed (object);

  settings = self->settings;
  if (settings != NULL)
    g_settings_bind (settings, "laptop-name", self->laptop_name_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_swapped (self->laptop_name_row, "changed", G_CALLBACK (update_laptop_description), self);
  update_laptop_description (self);
  {
    GtkStringList *names = gtk_string_list_new (NULL);
    g_autofree char *executive = settings != NULL ? g_settings_get_string (settings, "executive") : NULL;

    for (guint i = 0; wsp_executive_choices[i].name != NULL; i++)
      gtk_string_list_append (names, wsp_choice_label (wsp_executive_choices, wsp_executive_choices[i].name));
    adw_combo_row_set_model (self->executive_row, G_LIST_MODEL (names));
    g_object_unref (names);
    adw_combo_row_set_selected (self->executive_row,
                                MAX (0, wsp_choice_value (wsp_executive_choices, executive, 0)));
    g_signal_connect_swapped (self->executive_row, "notify::selected", G_CALLBACK (executive_chosen_cb), self);
  }
  if (self->store != NULL)
    {
      g_autofree char *fingerprint = wsp_sync_dup_fingerprint (self->store, NULL);
      const char *path = wsp_database_get_path (wsp_store_get_database (self->store));

      adw_action_row_set_subtitle (self->database_row, path != NULL ? path : "");
      adw_action_row_set_subtitle (self->fingerprint_row, fingerprint != NULL ? fingerprint : "");
    }
  fill_peers (self);
  if (settings != NULL)
    update_folder_row (self);
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
    case PROP_SETTINGS:
      g_set_object (&self->settings, g_value_get_object (value));
      break;
    case PROP_STORE:
      g_set_object (&self->store, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wsp_preferences_window_dispose (GObject *object)
{
  WspPreferencesWindow *self = WSP_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_pointer (&self->peer_rows, g_ptr_array_unref);

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

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, WSP_TYPE_STORE,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Wspolnie/wsp-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, WspPreferencesWindow, laptop_group);
  gtk_widget_class_bind_template_child (widget_class, WspPreferencesWindow, laptop_name_row);
  gtk_widget_class_bind_template_child (widget_class, WspPreferencesWindow, executive_row);
  gtk_widget_class_bind_template_child (widget_class, WspPreferencesWindow, database_row);
  gtk_widget_class_bind_template_child (widget_class, WspPreferencesWindow, fingerprint_row);
  gtk_widget_class_bind_template_child (widget_class, WspPreferencesWindow, peers_group);
  gtk_widget_class_bind_template_child (widget_class, WspPreferencesWindow, folder_row);
  gtk_widget_class_bind_template_child (widget_class, WspPreferencesWindow, stop_folder_button);
  gtk_widget_class_bind_template_callback (widget_class, choose_folder_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_folder_clicked_cb);
}

static void
wsp_preferences_window_init (WspPreferencesWindow *self)
{
  self->peer_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}
