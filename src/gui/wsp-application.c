/* wsp-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "demo/wsp-demo.h"
#include "drafts/wsp-draft-labels.h"
#include "records/wsp-records-members.h"
#include "sync/wsp-shared-folder.h"
#include "store/wsp-store.h"
#include "sync/wsp-sync.h"

#include "widgets/wsp-accessible.h"
#include "widgets/wsp-gui-util.h"
#include "wsp-application-private.h"
#include "wsp-preferences-window.h"
#include "wsp-screenshot.h"
#include "wsp-window.h"

struct _WspApplication
{
  AdwApplication parent_instance;

  GSettings *settings;
  WspStore  *store;
  WspStore  *own_store;   /* the person's database, while the demo is shown */
  WspSharedFolder *shared_folder;
  char      *database_path;
  char      *screenshot_dir;
  int        screenshot_width;
  int        screenshot_height;
  gboolean   failed;
  gboolean   load_demo;
  gboolean   reminded;
};

G_DEFINE_FINAL_TYPE (WspApplication, wsp_application, ADW_TYPE_APPLICATION)

static void apply_shared_folder (WspApplication *self);
static void apply_laptop_name   (WspApplication *self);

WspApplication *
wsp_application_new (void)
{
  return g_object_new (WSP_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/org/example/Wspolnie",
                       NULL);
}

/* The default database lives in the user's data directory (inside the
 * Flatpak sandbox that is ~/.var/app/<id>/data), never in a synced folder. */
static char *
default_database_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "wspolnie", "wspolnie.sqlite3", NULL);
}

const char *
wsp_application_get_database_path (WspApplication *self)
{
  g_return_val_if_fail (WSP_IS_APPLICATION (self), NULL);

  if (self->database_path == NULL)
    self->database_path = default_database_path ();
  return self->database_path;
}

/* Whether a command-line task (such as --screenshot) failed. */
gboolean
wsp_application_get_failed (WspApplication *self)
{
  g_return_val_if_fail (WSP_IS_APPLICATION (self), TRUE);
  return self->failed;
}

/* The store of the open database; NULL until the application has started. */
WspStore *
wsp_application_get_store (WspApplication *self)
{
  g_return_val_if_fail (WSP_IS_APPLICATION (self), NULL);
  return self->store;
}

GSettings *
wsp_application_get_settings (WspApplication *self)
{
  g_return_val_if_fail (WSP_IS_APPLICATION (self), NULL);
  return self->settings;
}

static gboolean
parse_size (const char *text,
            int        *width,
            int        *height)
{
  g_auto (GStrv) parts = g_strsplit (text, "x", 2);
  guint64 w = 0, h = 0;

  if (g_strv_length (parts) != 2
      || !g_ascii_string_to_unsigned (parts[0], 10, 200, 8000, &w, NULL)
      || !g_ascii_string_to_unsigned (parts[1], 10, 200, 8000, &h, NULL))
    return FALSE;
  *width = (int) w;
  *height = (int) h;
  return TRUE;
}

static int
wsp_application_handle_local_options (GApplication *app,
                                      GVariantDict *options)
{
  WspApplication *self = WSP_APPLICATION (app);
  const char *path = NULL;
  const char *size = NULL;
  int status;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_lookup (options, "database", "^&ay", &path))
    {
      g_autoptr (GFile) file = g_file_new_for_commandline_arg (path);

      g_free (self->database_path);
      self->database_path = g_file_get_path (file);
      /* Another database is another instance: don't hand over to a running one. */
      g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
    }

  if (g_variant_dict_contains (options, "demo"))
    self->load_demo = TRUE;

  status = wsp_application_run_cli (self, options);
  if (status >= 0)
    return status;

  if (g_variant_dict_lookup (options, "screenshot-size", "&s", &size)
      && !parse_size (size, &self->screenshot_width, &self->screenshot_height))
    {
      g_printerr (_("The screenshot size must look like 1200x800.\n"));
      return 1;
    }

  if (g_variant_dict_lookup (options, "screenshot", "^&ay", &path))
    {
      g_autoptr (GFile) file = g_file_new_for_commandline_arg (path);

      self->screenshot_dir = g_file_get_path (file);
      if (g_mkdir_with_parents (self->screenshot_dir, 0755) != 0)
        {
          g_printerr (_("Cannot create the folder “%s”: %s\n"), self->screenshot_dir,
                      g_strerror (errno));
          return 1;
        }
      g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
    }

  return -1;
}

static void
screenshot_done_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr (WspApplication) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!wsp_screenshot_window_finish (result, &error))
    {
      g_printerr ("%s\n", error->message);
      self->failed = TRUE;
    }
  g_application_quit (G_APPLICATION (self));
}

static void
wsp_application_activate (GApplication *app)
{
  WspApplication *self = WSP_APPLICATION (app);
  GtkWindow *window;

  if (self->store == NULL)
    return;

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window == NULL)
    window = GTK_WINDOW (wsp_window_new (GTK_APPLICATION (self), self->store));

  if (self->screenshot_dir != NULL)
    {
      /* Pictures show the window as GNOME draws it: only a close button. */
      g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", ":close",
                    "gtk-enable-animations", FALSE, NULL);
      gtk_window_set_default_size (window, self->screenshot_width, self->screenshot_height);
      gtk_window_present (window);
      wsp_screenshot_window_async (WSP_WINDOW (window), self->screenshot_dir, NULL,
                                   screenshot_done_cb, g_object_ref (self));
      return;
    }

  gtk_window_present (window);
  /* Once a day's work starts: the drafts whose opinion is due soon. */
  if (!self->reminded && WSP_IS_WINDOW (window))
    {
      g_autofree char *text = wsp_draft_reminder_text (self->store, NULL);

      self->reminded = TRUE;
      if (text != NULL)
        {
          AdwToast *toast = adw_toast_new (text);

          adw_toast_set_button_label (toast, _("_Show"));
          adw_toast_set_action_name (toast, "win.view");
          adw_toast_set_action_target_value (toast, g_variant_new_string ("drafts"));
          adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
          adw_toast_set_timeout (toast, 0);
          wsp_window_add_toast (WSP_WINDOW (window), toast);
        }
    }
}

static void
wsp_application_open (GApplication  *app,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  WspApplication *self = WSP_APPLICATION (app);
  GtkWindow *window;

  /* Opening exchange files (from the file manager) shows what each will do. */
  wsp_application_activate (app);
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (!WSP_IS_WINDOW (window) || self->store == NULL)
    return;
  for (int i = 0; i < n_files; i++)
    wsp_window_open_packet (WSP_WINDOW (window), files[i]);
}

static void
update_demo_action (WspApplication *self)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "load-demo");

  /* Demo data goes only into an empty database. */
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action),
                               self->store != NULL
                                 && wsp_store_count (self->store, WSP_TYPE_ORGANISATION) == 0);
}

static void
store_changed_cb (WspApplication *self,
                  WspChanges     *changes)
{
  if (wsp_changes_has_entity (changes, "organisation"))
    update_demo_action (self);
}

static void
error_dialog_response_cb (AdwMessageDialog *dialog,
                          const char       *response,
                          WspApplication   *self)
{
  g_application_release (G_APPLICATION (self));
}

/* What a database error means, in the person's language only: SQLite's own
 * words (English, in brackets at the end of the core's sentence) go to a
 * line of their own, for whoever looks after the computer. */
static char *
database_error_body (GError     *error,
                     const char *path)
{
  const char *message = error->message;
  const char *open = strrchr (message, '(');
  g_autofree char *sentence = NULL;
  g_autofree char *detail = NULL;

  if (error->domain == WSP_DATABASE_ERROR && open != NULL && g_str_has_suffix (message, ").") && open > message)
    {
      sentence = g_strstrip (g_strndup (message, open - message));
      detail = g_strndup (open + 1, strlen (open + 1) - 2);
    }
  else
    sentence = g_strdup (message);
  if (detail != NULL)
    /* Translators: the sentence, the database file, then SQLite's words (not translated) */
    return g_strdup_printf (_("%s.\n\nThe file is “%s”. Nothing was changed in it.\n\nTechnical details: %s"),
                            sentence, path, detail);
  return g_strdup_printf (_("%s\n\nThe file is “%s”. Nothing was changed in it."), sentence, path);
}

/* Opens the database; when it cannot be opened, says why and quits. */
static void
wsp_application_open_store (WspApplication *self)
{
  g_autoptr (GError) error = NULL;
  AdwMessageDialog *dialog;

  self->store = wsp_store_open (wsp_application_get_database_path (self), &error);
  if (self->store != NULL && self->load_demo && !wsp_demo_fill (self->store, &error))
    g_clear_object (&self->store);

  if (self->store != NULL)
    {
      g_signal_connect_swapped (self->store, "changed", G_CALLBACK (store_changed_cb), self);
      update_demo_action (self);
      g_signal_connect_swapped (self->settings, "changed::laptop-name", G_CALLBACK (apply_laptop_name), self);
      g_signal_connect_swapped (self->settings, "changed::shared-folder", G_CALLBACK (apply_shared_folder), self);
      if (self->screenshot_dir == NULL)
        {
          g_autofree char *name = g_settings_get_string (self->settings, "laptop-name");
          if (*name != '\0')
            apply_laptop_name (self);
          apply_shared_folder (self);
        }
      return;
    }

  self->failed = TRUE;
  g_printerr ("%s\n", error->message);
  if (self->screenshot_dir != NULL)
    return;

  /* The dialog keeps the application alive until it is answered. */
  g_application_hold (G_APPLICATION (self));
  {
    g_autofree char *body = database_error_body (error, wsp_application_get_database_path (self));

    dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (NULL, _("The Database Cannot Be Opened"), body));
  }
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  g_signal_connect (dialog, "response", G_CALLBACK (error_dialog_response_cb), self);
  gtk_application_add_window (GTK_APPLICATION (self), GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
toast (WspApplication *self,
       const char     *text)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  /* A toast's title is markup; names and messages are text. */
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  if (WSP_IS_WINDOW (window))
    wsp_window_add_toast (WSP_WINDOW (window), adw_toast_new (escaped));
}

static void
folder_imported_cb (WspSharedFolder *folder,
                    const char      *path,
                    gpointer         report_pointer,
                    WspApplication  *self)
{
  WspImportReport *report = report_pointer;
  g_autofree char *text = g_strdup_printf (ngettext ("Imported %u change from “%s” (shared folder)",
                                                     "Imported %u changes from “%s” (shared folder)",
                                                     report->stats.added),
                                           report->stats.added, report->sender_name);
  toast (self, text);
}

static void
folder_refused_cb (WspSharedFolder *folder,
                   const char      *path,
                   GError          *error,
                   WspApplication  *self)
{
  g_autofree char *name = g_path_get_basename (path);
  /* Translators: a file in the shared folder was not imported; %s: its name, then why */
  g_autofree char *text = g_strdup_printf (_("“%s” was not imported: %s"), name, error->message);

  toast (self, text);
}

/* Follows the shared folder chosen in Preferences. */
static void
apply_shared_folder (WspApplication *self)
{
  g_autofree char *path = g_settings_get_string (self->settings, "shared-folder");
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;

  if (self->shared_folder != NULL)
    {
      wsp_shared_folder_stop (self->shared_folder);
      g_signal_handlers_disconnect_by_data (self->shared_folder, self);
      g_clear_object (&self->shared_folder);
    }
  if (self->store == NULL || *path == '\0' || self->own_store != NULL)
    return;

  file = g_file_new_for_path (path);
  self->shared_folder = wsp_shared_folder_new (self->store, file, &error);
  if (self->shared_folder == NULL || !wsp_shared_folder_start (self->shared_folder, &error))
    {
      g_clear_object (&self->shared_folder);
      toast (self, error->message);
      return;
    }
  g_signal_connect (self->shared_folder, "imported", G_CALLBACK (folder_imported_cb), self);
  g_signal_connect (self->shared_folder, "refused", G_CALLBACK (folder_refused_cb), self);
}

/* The laptop's name travels in its exchange files. */
static void
apply_laptop_name (WspApplication *self)
{
  g_autofree char *name = g_settings_get_string (self->settings, "laptop-name");

  if (self->store != NULL)
    wsp_sync_set_laptop_name (self->store, g_strstrip (name), NULL);
}

/* The shared folder at work, if one is chosen (for tests). */
WspSharedFolder *
wsp_application_get_shared_folder (WspApplication *self)
{
  g_return_val_if_fail (WSP_IS_APPLICATION (self), NULL);
  return self->shared_folder;
}

/* The demo database: beside the person's own, never in it. */
static char *
demo_database_path (WspApplication *self)
{
  g_autofree char *dir = g_path_get_dirname (wsp_application_get_database_path (self));

  return g_build_filename (dir, "wspolnie-demo.sqlite3", NULL);
}

/* Whether the demo database is shown instead of the person's own. */
gboolean
wsp_application_get_demo (WspApplication *self)
{
  g_return_val_if_fail (WSP_IS_APPLICATION (self), FALSE);
  return self->own_store != NULL;
}

/* Shows @store in every window (@demo: the demo database). */
static void
switch_store (WspApplication *self,
              WspStore       *store,
              gboolean        demo)
{
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  g_signal_connect_swapped (self->store, "changed", G_CALLBACK (store_changed_cb), self);
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (WSP_IS_WINDOW (l->data))
      wsp_window_set_store (l->data, store, demo);
  update_demo_action (self);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "leave-demo")),
                               demo);
  /* The shared folder carries the person's data only. */
  apply_shared_folder (self);
}

/* Try It with Demo Data: the demo opens in a database of its own, so that
 * nothing of it ever mixes with the person's records; Leave the Demo goes
 * back and removes it. */
static void
load_demo_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  WspApplication *self = user_data;
  g_autofree char *path = demo_database_path (self);
  g_autoptr (WspStore) demo = NULL;
  g_autoptr (GError) error = NULL;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (self->own_store != NULL)
    return;
  demo = wsp_store_open (path, &error);
  if (demo != NULL && wsp_store_count (demo, WSP_TYPE_ORGANISATION) == 0 && !wsp_demo_fill (demo, &error))
    g_clear_object (&demo);
  if (demo == NULL)
    {
      if (window != NULL)
        wsp_gui_show_error (GTK_WIDGET (window), error);
      return;
    }
  self->own_store = g_object_ref (self->store);
  switch_store (self, demo, TRUE);
  if (WSP_IS_WINDOW (window))
    wsp_window_add_toast (WSP_WINDOW (window),
                          adw_toast_new (_("Demo data: a Forum, a Council, meetings, votes and a draft with comments")));
}

static void
remove_database_files (const char *path)
{
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_unlink (file);
    }
}

static void
leave_demo_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  WspApplication *self = user_data;
  g_autofree char *path = demo_database_path (self);
  g_autoptr (WspStore) own = NULL;

  if (self->own_store == NULL)
    return;
  own = g_steal_pointer (&self->own_store);
  switch_store (self, own, FALSE);
  remove_database_files (path);
}

static void
wsp_application_startup (GApplication *app)
{
  WspApplication *self = WSP_APPLICATION (app);
  AdwStyleManager *style_manager;

  G_APPLICATION_CLASS (wsp_application_parent_class)->startup (app);

  self->settings = g_settings_new (APP_ID);
  style_manager = adw_style_manager_get_default ();
  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_PREFER_LIGHT);
  gtk_window_set_default_icon_name (APP_ID);
  wsp_accessible_install ();
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "leave-demo")),
                               FALSE);

  wsp_application_open_store (self);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  WspApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  static const char *developers[] = { "Wspólnie contributors", NULL };
  AdwAboutWindow *about;

  about = ADW_ABOUT_WINDOW (adw_about_window_new ());
  g_object_set (about,
                "transient-for", parent,
                "application-name", _("Wspólnie"),
                "application-icon", APP_ID,
                "developer-name", _("Wspólnie contributors"),
                "version", PACKAGE_VERSION,
                "comments", _("Meetings, opinions and votes of the Public Benefit Council "
                              "and the NGO Forum, offline and in step between laptops"),
                "developers", developers,
                /* Translators: put your names here, one per line. */
                "translator-credits", _("translator-credits"),
                "license-type", GTK_LICENSE_GPL_3_0,
                "copyright", "© 2026 Wspólnie contributors",
                NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  WspApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  WspPreferencesWindow *prefs = wsp_preferences_window_new (self->settings, self->store);

  gtk_window_set_transient_for (GTK_WINDOW (prefs), parent);
  gtk_window_present (GTK_WINDOW (prefs));
}

static void
help_missing (GtkWindow  *parent,
              const char *detail)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, _("The Help Cannot Be Shown"), NULL);

  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("The help opens in GNOME’s help viewer, Yelp, which this "
                                    "computer does not have (%s). Install the package “yelp”, or "
                                    "read the help pages in the folder help/ of the source code."),
                                  detail);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
help_shown_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr (GtkWindow) parent = user_data;
  g_autoptr (GError) error = NULL;

  if (!gtk_show_uri_full_finish (parent, result, &error))
    help_missing (parent, error->message);
}

/* The help pages of an uninstalled build, in the folders of @roots (a
 * search path): the ones translated for the person's language, else the
 * English ones. */
static char *
uninstalled_help_dir (const char *roots)
{
  const char * const *languages = g_get_language_names ();
  g_auto (GStrv) dirs = g_strsplit (roots, G_SEARCHPATH_SEPARATOR_S, -1);

  for (guint i = 0; languages[i] != NULL; i++)
    for (guint d = 0; dirs[d] != NULL; d++)
      {
        g_autofree char *index = g_build_filename (dirs[d], languages[i], "index.page", NULL);

        if (g_file_test (index, G_FILE_TEST_EXISTS))
          return g_path_get_dirname (index);
      }
  return NULL;
}

/* F1: the help, in Yelp. An uninstalled build (WSPOLNIE_HELPDIR, which
 * main.c sets for the build tree) opens its own pages; otherwise the
 * installed help. Without Yelp a dialog says what to do. */
static void
help_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  WspApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  const char *root = g_getenv ("WSPOLNIE_HELPDIR");

  if (root != NULL)
    {
      g_autofree char *dir = uninstalled_help_dir (root);
      g_autofree char *yelp = g_find_program_in_path ("yelp");
      g_autoptr (GError) error = NULL;
      const char *argv[] = { yelp, dir, NULL };

      if (yelp == NULL || dir == NULL)
        {
          help_missing (parent, yelp == NULL ? _("no program “yelp”") : root);
          return;
        }
      if (!g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, &error))
        help_missing (parent, error->message);
      return;
    }
  gtk_show_uri_full (parent, "help:wspolnie", GDK_CURRENT_TIME, NULL, help_shown_cb,
                     parent != NULL ? g_object_ref (parent) : NULL);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  WspApplication *self = user_data;
  g_autoptr (GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Closing each window first lets it save its size. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_application_quit (G_APPLICATION (self));
}

static const GActionEntry app_actions[] = {
  { "about", about_action },
  { "preferences", preferences_action },
  { "help", help_action },
  { "quit", quit_action },
  { "load-demo", load_demo_action },
  { "leave-demo", leave_demo_action },
};

static void
wsp_application_init (WspApplication *self)
{
  static const GOptionEntry options[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and exit"), NULL },
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Open this database file instead of the default one"), N_("FILE") },
    { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Fill a new, empty database with demonstration data"), NULL },
    { "screenshot", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Render every view to DIR/<view>.png and exit"), N_("DIR") },
    { "screenshot-size", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Window size for --screenshot (default 1200x800)"), N_("WIDTHxHEIGHT") },
    { NULL }
  };
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *prefs_accels[] = { "<Control>comma", NULL };
  static const char *help_accels[] = { "F1", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };

  self->screenshot_width = 1200;
  self->screenshot_height = 800;

  g_application_add_main_option_entries (G_APPLICATION (self), options);
  wsp_application_add_cli_options (self);
  g_application_set_option_context_summary (
    G_APPLICATION (self),
    _("Meetings, opinions and votes of the Public Benefit Council and the NGO Forum."));

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         prefs_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.help", help_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", close_accels);
}

static void
wsp_application_finalize (GObject *object)
{
  WspApplication *self = WSP_APPLICATION (object);

  if (self->shared_folder != NULL)
    wsp_shared_folder_stop (self->shared_folder);
  g_clear_object (&self->shared_folder);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_object (&self->own_store);
  g_clear_pointer (&self->database_path, g_free);
  g_clear_pointer (&self->screenshot_dir, g_free);

  G_OBJECT_CLASS (wsp_application_parent_class)->finalize (object);
}

static void
wsp_application_class_init (WspApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = wsp_application_finalize;

  app_class->handle_local_options = wsp_application_handle_local_options;
  app_class->startup = wsp_application_startup;
  app_class->activate = wsp_application_activate;
  app_class->open = wsp_application_open;
}
