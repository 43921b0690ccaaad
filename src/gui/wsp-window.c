/* wsp-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "council/wsp-council-view.h"
#include "drafts/wsp-drafts-view.h"
#include "meetings/wsp-meetings-view.h"
#include "members/wsp-members-page.h"
#include "sync/wsp-conflicts-dialog.h"
#include "sync/wsp-export-dialog.h"
#include "records/wsp-records-members.h"
#include "sync/wsp-import-dialog.h"
#include "sync/wsp-review.h"
#include "sync/wsp-reviewer-setup.h"
#include "votes/wsp-votes-view.h"
#include "widgets/wsp-gui-util.h"
#include "widgets/wsp-undo.h"
#include "wsp-view.h"
#include "wsp-window.h"

struct _WspWindow
{
  AdwApplicationWindow parent_instance;

  GSettings *settings;

  AdwToastOverlay *toast_overlay;
  AdwViewStack        *stack;
  AdwViewSwitcherBar  *switcher_bar;
  AdwViewSwitcherTitle *switcher_title;
  gboolean             reviewing;
  GtkRevealer         *conflicts_banner;
  GtkLabel            *conflicts_label;
  GtkRevealer         *demo_banner;
  WspStore            *store;
  gulong               store_changed_id;
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (WspWindow, wsp_window, ADW_TYPE_APPLICATION_WINDOW)

/* The views, in the order of the switcher (Alt+1 to Alt+5). Their names
 * in full are for the header of a wide window; the short ones go under the
 * icons of a narrow window's bottom bar, which has room for about ten
 * letters each. A new view is a folder of its own and a line here. */
static const WspViewInfo views[] = {
  /* Translators: the NGO Forum's meetings view */
  { "meetings", N_("Meetings"), NC_("narrow view switcher", "Meetings"), "wsp-meetings-symbolic",
    wsp_meetings_view_get_type },
  /* Translators: the Public Benefit Council view */
  { "council", N_("Council"), NC_("narrow view switcher", "Council"), "wsp-council-symbolic",
    wsp_council_view_get_type },
  /* Translators: the view of draft resolutions and the Council's opinions on them */
  { "drafts", N_("Drafts & Opinions"), NC_("narrow view switcher", "Drafts"), "wsp-drafts-symbolic",
    wsp_drafts_view_get_type },
  { "votes", N_("Votes"), NC_("narrow view switcher", "Votes"), "wsp-votes-symbolic",
    wsp_votes_view_get_type },
  { "members", N_("Members"), NC_("narrow view switcher", "Members"), "wsp-members-symbolic",
    wsp_members_page_get_type },
};

/* The views' names, in order; also the names of their screenshots and of
 * the win.view action's targets. */
const char * const *
wsp_window_get_view_names (void)
{
  static const char *names[G_N_ELEMENTS (views) + 1];

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    names[i] = views[i].name;
  return names;
}

/* The banner says how many records wait for a person, while any do. */
static void
update_conflicts_banner (WspWindow *self)
{
  guint n = self->store != NULL ? wsp_store_count_conflicts (self->store) : 0;
  g_autofree char *text = NULL;

  gtk_revealer_set_reveal_child (self->conflicts_banner, n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.conflicts", self->store != NULL);
  if (n == 0)
    return;
  text = g_strdup_printf (ngettext ("%u record was changed on two laptops at once and waits for your choice.",
                                    "%u records were changed on two laptops at once and wait for your choice.",
                                    n),
                          n);
  gtk_label_set_text (self->conflicts_label, text);
}

static void
store_changed_cb (WspWindow  *self,
                  WspChanges *changes)
{
  update_conflicts_banner (self);
}

/* Whether the banner about conflicts is shown. */
gboolean
wsp_window_get_conflicts_shown (WspWindow *self)
{
  g_return_val_if_fail (WSP_IS_WINDOW (self), FALSE);
  return gtk_revealer_get_reveal_child (self->conflicts_banner);
}

/* Shows @store (NULL: no database is open) in every view; @demo says it is
 * the demo database, which a banner then says, with the way out. */
void
wsp_window_set_store (WspWindow *self,
                      WspStore  *store,
                      gboolean   demo)
{
  g_return_if_fail (WSP_IS_WINDOW (self));

  if (self->store != NULL)
    g_clear_signal_handler (&self->store_changed_id, self->store);
  g_set_object (&self->store, store);
  if (store != NULL)
    self->store_changed_id = g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self,
                                                      G_CONNECT_SWAPPED);
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    wsp_view_set_store (WSP_VIEW (adw_view_stack_get_child_by_name (self->stack, views[i].name)), store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", store != NULL);
  gtk_revealer_set_reveal_child (self->demo_banner, demo);
  update_conflicts_banner (self);
  /* A member's laptop opens on the drafts it reviews. */
  if (store != NULL)
    {
      g_autofree char *reviewer = wsp_review_dup_reviewer (store);

      if (reviewer != NULL)
        wsp_window_enter_review (self, NULL);
    }
}

/**
 * wsp_window_enter_review:
 * @draft_id: (nullable): the draft to show
 *
 * A member's laptop: only the drafts it reviews, without the other views,
 * the view switcher or the export for other laptops.
 */
void
wsp_window_enter_review (WspWindow  *self,
                         const char *draft_id)
{
  g_autofree char *reviewer = NULL;
  g_autoptr (WspRecord) person = NULL;
  GtkWidget *drafts;

  g_return_if_fail (WSP_IS_WINDOW (self));
  if (self->store == NULL)
    return;
  reviewer = wsp_review_dup_reviewer (self->store);
  person = reviewer != NULL ? wsp_store_get (self->store, reviewer, NULL) : NULL;
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      GtkWidget *child = adw_view_stack_get_child_by_name (self->stack, views[i].name);

      adw_view_stack_page_set_visible (adw_view_stack_get_page (self->stack, child),
                                       g_str_equal (views[i].name, "drafts"));
    }
  drafts = adw_view_stack_get_child_by_name (self->stack, "drafts");
  adw_view_stack_set_visible_child (self->stack, drafts);
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->switcher_bar), FALSE);
  if (person != NULL)
    {
      /* Translators: the window's subtitle on a member's laptop */
      g_autofree char *subtitle = g_strdup_printf (_("Review by %s"), wsp_record_get_string (person, "name"));

      adw_view_switcher_title_set_subtitle (self->switcher_title, subtitle);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", FALSE);
  self->reviewing = TRUE;
  if (draft_id != NULL)
    {
      wsp_drafts_view_ensure_loaded (WSP_DRAFTS_VIEW (drafts));
      wsp_drafts_view_select (WSP_DRAFTS_VIEW (drafts), draft_id);
    }
}

/* Whether the window shows only the drafts a member reviews. */
gboolean
wsp_window_get_reviewing (WspWindow *self)
{
  g_return_val_if_fail (WSP_IS_WINDOW (self), FALSE);
  return self->reviewing;
}

static void
reviewer_opened_cb (WspReviewerSetup *setup,
                    const char       *draft_id,
                    WspWindow        *self)
{
  wsp_window_enter_review (self, draft_id);
}

/* Whether the banner about the demo data is shown. */
gboolean
wsp_window_get_demo_shown (WspWindow *self)
{
  g_return_val_if_fail (WSP_IS_WINDOW (self), FALSE);
  return gtk_revealer_get_reveal_child (self->demo_banner);
}

/* A window of @application showing @store (NULL: no database is open). */
WspWindow *
wsp_window_new (GtkApplication *application,
                WspStore       *store)
{
  WspWindow *self = g_object_new (WSP_TYPE_WINDOW, "application", application, NULL);

  wsp_window_set_store (self, store, FALSE);
  return self;
}

static GtkWindow *
present_dialog (WspWindow *self,
                GtkWindow *dialog)
{
  gtk_window_set_transient_for (dialog, GTK_WINDOW (self));
  gtk_window_present (dialog);
  return dialog;
}

/* Shows what @file would do, and imports it if the person agrees. */
GtkWindow *
wsp_window_open_packet (WspWindow *self,
                        GFile     *file)
{
  WspImportDialog *dialog;

  g_return_val_if_fail (WSP_IS_WINDOW (self), NULL);
  if (self->store == NULL)
    return NULL;
  /* A review file on a laptop never used, or one that reviews already:
   * the reviewer's first run. */
  {
    g_autofree char *path = g_file_get_path (file);
    g_autoptr (JsonObject) scope = path != NULL ? wsp_review_peek_file (path) : NULL;
    g_autofree char *reviewer = wsp_review_dup_reviewer (self->store);

    if (g_strcmp0 (wsp_review_scope_kind (scope), "review") == 0
        && (reviewer != NULL || wsp_store_count (self->store, WSP_TYPE_PERSON) == 0))
      {
        WspReviewerSetup *setup = wsp_reviewer_setup_new (self->store, file);

        g_signal_connect_object (setup, "opened", G_CALLBACK (reviewer_opened_cb), self, 0);
        return present_dialog (self, GTK_WINDOW (setup));
      }
  }
  dialog = wsp_import_dialog_new (self->store);
  present_dialog (self, GTK_WINDOW (dialog));
  wsp_import_dialog_load_file (dialog, file);
  return GTK_WINDOW (dialog);
}

GtkWindow *
wsp_window_show_conflicts (WspWindow *self)
{
  g_return_val_if_fail (WSP_IS_WINDOW (self), NULL);
  if (self->store == NULL)
    return NULL;
  return present_dialog (self, GTK_WINDOW (wsp_conflicts_dialog_new (self->store)));
}

GtkWindow *
wsp_window_show_export (WspWindow *self)
{
  g_return_val_if_fail (WSP_IS_WINDOW (self), NULL);
  if (self->store == NULL)
    return NULL;
  return present_dialog (self, GTK_WINDOW (wsp_export_dialog_new (self->store)));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  wsp_window_show_export (WSP_WINDOW (widget));
}

static void
conflicts_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  wsp_window_show_conflicts (WSP_WINDOW (widget));
}

static void
import_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    WspWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      wsp_window_open_packet (self, file);
    }
  g_clear_object (&self->chooser);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  WspWindow *self = WSP_WINDOW (widget);
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Import from Another Laptop"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Wspólnie exchange files"));
  gtk_file_filter_add_mime_type (filter, "application/x-wspolnie-packet");
  gtk_file_filter_add_pattern (filter, "*.wspolnie.json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect (self->chooser, "response", G_CALLBACK (import_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* A packet file dropped on the window opens its preview. */
static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         WspWindow     *self)
{
  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      GSList *files = g_value_get_boxed (value);
      if (files != NULL)
        wsp_window_open_packet (self, files->data);
      return files != NULL;
    }
  if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    {
      wsp_window_open_packet (self, g_value_get_object (value));
      return TRUE;
    }
  return FALSE;
}

const char *
wsp_window_get_visible_view (WspWindow *self)
{
  g_return_val_if_fail (WSP_IS_WINDOW (self), NULL);
  return adw_view_stack_get_visible_child_name (self->stack);
}

GtkWidget *
wsp_window_get_view (WspWindow  *self,
                     const char *name)
{
  g_return_val_if_fail (WSP_IS_WINDOW (self), NULL);
  return adw_view_stack_get_child_by_name (self->stack, name);
}

/* Whether the window is so narrow that the views are switched from the bottom bar. */
gboolean
wsp_window_is_narrow (WspWindow *self)
{
  g_return_val_if_fail (WSP_IS_WINDOW (self), FALSE);
  return adw_view_switcher_bar_get_reveal (self->switcher_bar);
}

void
wsp_window_add_toast (WspWindow *self,
                      AdwToast  *toast)
{
  g_return_if_fail (WSP_IS_WINDOW (self));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Ctrl+F: the search of the view shown. */
static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  WspWindow *self = WSP_WINDOW (widget);
  GtkWidget *view = adw_view_stack_get_visible_child (self->stack);

  if (WSP_IS_VIEW (view))
    wsp_view_focus_search (WSP_VIEW (view));
}

static void
view_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  WspWindow *self = user_data;
  const char *name = g_variant_get_string (parameter, NULL);

  if (adw_view_stack_get_child_by_name (self->stack, name) == NULL)
    {
      g_debug ("No view named “%s”", name);
      return;
    }
  adw_view_stack_set_visible_child_name (self->stack, name);
}

/* win.show-record ("votes", id): shows the view and the record in it. */
static void
show_record_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  WspWindow *self = user_data;
  const char *name = NULL;
  const char *id = NULL;
  GtkWidget *view;

  g_variant_get (parameter, "(&s&s)", &name, &id);
  view = adw_view_stack_get_child_by_name (self->stack, name);
  if (view == NULL)
    {
      g_debug ("No view named “%s”", name);
      return;
    }
  adw_view_stack_set_visible_child (self->stack, view);
  if (WSP_IS_VIEW (view))
    wsp_view_show_record (WSP_VIEW (view), id);
}

static void
visible_child_changed_cb (WspWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->stack);
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "view");

  if (name != NULL && action != NULL)
    g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_string (name));
}

static void
narrow_changed_cb (WspWindow *self)
{
  gboolean narrow = wsp_window_is_narrow (self);

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      GtkWidget *child = adw_view_stack_get_child_by_name (self->stack, views[i].name);
      AdwViewStackPage *page = adw_view_stack_get_page (self->stack, child);

      adw_view_stack_page_set_title (page, narrow ? g_dpgettext2 (NULL, "narrow view switcher",
                                                                  views[i].short_title)
                                                  : _(views[i].title));
    }
}

static const GActionEntry win_actions[] = {
  { "view", view_action, "s", "'meetings'" },
  { "show-record", show_record_action, "(ss)" },
};

static void
wsp_window_save_size (WspWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_apply (self->settings);
}

static gboolean
wsp_window_close_request (GtkWindow *window)
{
  wsp_window_save_size (WSP_WINDOW (window));
  return GTK_WINDOW_CLASS (wsp_window_parent_class)->close_request (window);
}

static void
wsp_window_dispose (GObject *object)
{
  WspWindow *self = WSP_WINDOW (object);

  g_clear_object (&self->settings);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  if (self->store != NULL)
    g_clear_signal_handler (&self->store_changed_id, self->store);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (wsp_window_parent_class)->dispose (object);
}

static void
wsp_window_class_init (WspWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = wsp_window_dispose;
  window_class->close_request = wsp_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Wspolnie/wsp-window.ui");
  gtk_widget_class_bind_template_child (widget_class, WspWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, WspWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, WspWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, WspWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, WspWindow, conflicts_banner);
  gtk_widget_class_bind_template_child (widget_class, WspWindow, conflicts_label);
  gtk_widget_class_bind_template_child (widget_class, WspWindow, demo_banner);

  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.conflicts", NULL, conflicts_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.import", NULL);
  gtk_widget_class_bind_template_callback (widget_class, visible_child_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, narrow_changed_cb);

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "win.view", "s", views[i].name);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
}

/* Runs a view's key, while that view is shown. */
static gboolean
view_shortcut_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  WspWindow *self = WSP_WINDOW (widget);
  const char *name = user_data;
  g_autofree char *view_name = g_strndup (name, strcspn (name, "\t"));
  GtkWidget *view = adw_view_stack_get_visible_child (self->stack);

  if (view == NULL || g_strcmp0 (adw_view_stack_get_visible_child_name (self->stack), view_name) != 0)
    return FALSE;
  return gtk_widget_activate_action (view, strchr (name, '\t') + 1, NULL);
}

/* Makes the views: one page of the stack each, with their keys. */
static void
add_views (WspWindow *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_LOCAL);
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      GtkWidget *view = g_object_new (views[i].get_type (), NULL);
      AdwViewStackPage *page = adw_view_stack_add_titled (self->stack, view, views[i].name, _(views[i].title));
      const WspViewShortcut *keys;
      guint n = 0;

      g_return_if_fail (WSP_IS_VIEW (view));
      adw_view_stack_page_set_icon_name (page, views[i].icon_name);
      keys = wsp_view_get_shortcuts (WSP_VIEW (view), &n);
      for (guint k = 0; k < n; k++)
        {
          char *target = g_strdup_printf ("%s\t%s", views[i].name, keys[k].action);
          GtkShortcutAction *action = gtk_callback_action_new (view_shortcut_cb, target, g_free);

          gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                                gtk_shortcut_new (gtk_shortcut_trigger_parse_string (keys[k].trigger),
                                                                  action));
        }
    }
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  /* Ctrl+F searches wherever the focus is: taken before the focused widget
   * sees it, since a selectable label moves its cursor by Ctrl+F. */
  controller = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>f"),
                                                          gtk_named_action_new ("win.search")));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

/* The shortcuts window's chooser of its sections is the toolkit's own
 * menu button: it is named for a screen reader here. */
static void
name_sections (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_MENU_BUTTON (child))
        {
          const char *name = C_("accessible name", "Section of the shortcuts");

          gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
          if (gtk_widget_get_first_child (child) != NULL)
            gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_first_child (child)),
                                            GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
        }
      else
        name_sections (child);
    }
}

static void
realize_cb (GtkWidget *widget)
{
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (widget));

  if (overlay != NULL)
    g_signal_connect (overlay, "map", G_CALLBACK (name_sections), NULL);
}

static void
wsp_window_init (WspWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  add_views (self);
  g_signal_connect (self, "realize", G_CALLBACK (realize_cb), NULL);
  wsp_gui_set_toast_overlay (GTK_WINDOW (self), self->toast_overlay);
  wsp_undo_install (GTK_WINDOW (self));

  g_action_map_add_action_entries (G_ACTION_MAP (self), win_actions,
                                   G_N_ELEMENTS (win_actions), self);

  {
    GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

    g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
  }

  self->settings = g_settings_new (APP_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}
