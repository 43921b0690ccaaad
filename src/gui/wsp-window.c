/* wsp-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "wsp-window.h"
#include "council/wsp-council-page.h"
#include "drafts/wsp-drafts-page.h"
#include "meetings/wsp-meetings-page.h"
#include "members/wsp-members-page.h"
#include "votes/wsp-votes-page.h"

struct _WspWindow
{
  AdwApplicationWindow parent_instance;

  GSettings *settings;

  AdwToastOverlay *toast_overlay;
  AdwViewStack        *stack;
  AdwViewSwitcherBar  *switcher_bar;
};

G_DEFINE_FINAL_TYPE (WspWindow, wsp_window, ADW_TYPE_APPLICATION_WINDOW)

/* The views, in the order of the switcher; also the names of their
 * screenshots and of the win.view action's targets. */
static const char * const view_names[] = {
  "meetings", "council", "drafts", "votes", "members", NULL
};

const char * const *
wsp_window_get_view_names (void)
{
  return view_names;
}

WspWindow *
wsp_window_new (WspApplication *application)
{
  WspWindow *self = g_object_new (WSP_TYPE_WINDOW, "application", application, NULL);
  WspStore *store = wsp_application_get_store (application);

  if (store != NULL)
    wsp_members_page_set_store (WSP_MEMBERS_PAGE (wsp_window_get_view (self, "members")), store);
  return self;
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

static void
visible_child_changed_cb (WspWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->stack);
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "view");

  if (name != NULL && action != NULL)
    g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_string (name));
}

/* The views' names: in full in the header of a wide window, and short
 * under the icons of a narrow window's bottom bar, which has room for about
 * ten letters each. */
static const struct
{
  const char *name;
  const char *title;
  const char *short_title;
} view_titles[] = {
  { "meetings", N_("Meetings"), NC_("narrow view switcher", "Meetings") },
  { "council", N_("Council"), NC_("narrow view switcher", "Council") },
  { "drafts", N_("Drafts & Opinions"), NC_("narrow view switcher", "Drafts") },
  { "votes", N_("Votes"), NC_("narrow view switcher", "Votes") },
  { "members", N_("Members"), NC_("narrow view switcher", "Members") },
};

static void
narrow_changed_cb (WspWindow *self)
{
  gboolean narrow = wsp_window_is_narrow (self);

  for (guint i = 0; i < G_N_ELEMENTS (view_titles); i++)
    {
      GtkWidget *child = adw_view_stack_get_child_by_name (self->stack, view_titles[i].name);
      AdwViewStackPage *page = adw_view_stack_get_page (self->stack, child);

      adw_view_stack_page_set_title (page, narrow ? g_dpgettext2 (NULL, "narrow view switcher",
                                                                  view_titles[i].short_title)
                                                  : _(view_titles[i].title));
    }
}

static const GActionEntry win_actions[] = {
  { "view", view_action, "s", "'meetings'" },
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

  g_type_ensure (WSP_TYPE_MEETINGS_PAGE);
  g_type_ensure (WSP_TYPE_COUNCIL_PAGE);
  g_type_ensure (WSP_TYPE_DRAFTS_PAGE);
  g_type_ensure (WSP_TYPE_VOTES_PAGE);
  g_type_ensure (WSP_TYPE_MEMBERS_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Wspolnie/wsp-window.ui");
  gtk_widget_class_bind_template_child (widget_class, WspWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, WspWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, WspWindow, switcher_bar);
  gtk_widget_class_bind_template_callback (widget_class, visible_child_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, narrow_changed_cb);

  for (guint i = 0; view_names[i] != NULL; i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "win.view", "s", view_names[i]);
}

static void
wsp_window_init (WspWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_action_map_add_action_entries (G_ACTION_MAP (self), win_actions,
                                   G_N_ELEMENTS (win_actions), self);

  self->settings = g_settings_new (APP_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}
