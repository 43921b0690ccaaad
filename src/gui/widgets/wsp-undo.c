/* wsp-undo.c — what the last changes were, so that a person can take them back
 *
 * A change that can be taken back (a delete, a decision on an application)
 * is offered with a toast whose Undo button runs the window's "win.undo"
 * action: the toast sits on the window's overlay, so its action must be
 * the window's, not the view's that made the change. Ctrl+Z runs the same
 * action for the latest change, also once its toast has gone; a text field
 * with the focus takes Ctrl+Z for its own text first.
 *
 * Each change has a number; the toast's button undoes its own change (the
 * target of its action), Ctrl+Z the latest (target 0). A change is undone
 * once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "widgets/wsp-gui-util.h"
#include "widgets/wsp-undo.h"

#define UNDO_KEY "wsp-undo-stack"
#define MAX_CHANGES 20

typedef struct
{
  guint          id;
  WspUndoFunc    undo;
  gpointer       data;
  GDestroyNotify destroy;
  AdwToast      *toast; /* not a reference: dismissed when the change is undone */
} Change;

typedef struct
{
  GQueue changes; /* of Change, the latest first */
  guint  last_id;
} Stack;

static void
change_free (Change *change)
{
  if (change->destroy != NULL)
    change->destroy (change->data);
  if (change->toast != NULL)
    g_object_remove_weak_pointer (G_OBJECT (change->toast), (gpointer *) &change->toast);
  g_free (change);
}

static void
stack_free (Stack *stack)
{
  g_queue_clear_full (&stack->changes, (GDestroyNotify) change_free);
  g_free (stack);
}

static Stack *
stack_of (GtkWindow *window)
{
  return window != NULL ? g_object_get_data (G_OBJECT (window), UNDO_KEY) : NULL;
}

static void
update_action (GtkWindow *window)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (window), "undo");
  Stack *stack = stack_of (window);

  if (action != NULL)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (action), stack != NULL && stack->changes.length > 0);
}

static void
undo_activate (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  GtkWindow *window = user_data;
  Stack *stack = stack_of (window);
  guint id = parameter != NULL ? g_variant_get_uint32 (parameter) : 0;
  g_autoptr (GError) error = NULL;
  Change *change = NULL;

  if (stack == NULL)
    return;
  for (GList *l = stack->changes.head; l != NULL && change == NULL; l = l->next)
    if (id == 0 || ((Change *) l->data)->id == id)
      change = l->data;
  if (change == NULL)
    return; /* undone already, or too long ago */
  g_queue_remove (&stack->changes, change);
  update_action (window);
  if (change->toast != NULL)
    adw_toast_dismiss (change->toast);
  if (!change->undo (change->data, &error))
    wsp_gui_show_error (GTK_WIDGET (window), error);
  change_free (change);
}

/* Gives @window its "win.undo" action ("u": the change's number; 0: the
 * latest) and Ctrl+Z. */
void
wsp_undo_install (GtkWindow *window)
{
  g_autoptr (GSimpleAction) action = g_simple_action_new ("undo", G_VARIANT_TYPE_UINT32);
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcut *shortcut;

  g_return_if_fail (G_IS_ACTION_MAP (window));
  g_object_set_data_full (G_OBJECT (window), UNDO_KEY, g_new0 (Stack, 1), (GDestroyNotify) stack_free);
  g_signal_connect (action, "activate", G_CALLBACK (undo_activate), window);
  g_action_map_add_action (G_ACTION_MAP (window), G_ACTION (action));
  update_action (window);

  shortcut = gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>z"),
                               gtk_named_action_new ("win.undo"));
  gtk_shortcut_set_arguments (shortcut, g_variant_new_uint32 (0));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
  gtk_widget_add_controller (GTK_WIDGET (window), controller);
}

/* Whether @window has a change to take back. */
gboolean
wsp_undo_can_undo (GtkWindow *window)
{
  Stack *stack = stack_of (window);

  return stack != NULL && stack->changes.length > 0;
}

/* The window whose "win.undo" takes @widget's changes back: its own, or
 * for a dialog the window it belongs to, or the application's active one. */
static GtkWindow *
undo_window (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWindow *window = GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;

  for (guint i = 0; window != NULL && i < 8; i++, window = gtk_window_get_transient_for (window))
    if (stack_of (window) != NULL)
      return window;
  if (GTK_IS_WINDOW (root) && gtk_window_get_application (GTK_WINDOW (root)) != NULL)
    {
      window = gtk_application_get_active_window (gtk_window_get_application (GTK_WINDOW (root)));
      if (stack_of (window) != NULL)
        return window;
    }
  return NULL;
}

/**
 * wsp_gui_offer_undo:
 * @widget: the widget the change was made from
 * @title: what happened, for the toast (“Fundacja Kompas deleted”)
 * @undo: takes the change back
 * @data: (transfer full): for @undo
 * @destroy: (nullable): frees @data
 *
 * Shows a toast with an Undo button on @widget's window and keeps the
 * change for Ctrl+Z. Without such a window, only the toast is shown.
 */
void
wsp_gui_offer_undo (GtkWidget      *widget,
                    const char     *title,
                    WspUndoFunc     undo,
                    gpointer        data,
                    GDestroyNotify  destroy)
{
  GtkWindow *window = undo_window (widget);
  Stack *stack = stack_of (window);
  AdwToast *toast = adw_toast_new (title);
  Change *change;

  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  if (stack == NULL)
    {
      if (destroy != NULL)
        destroy (data);
      wsp_gui_add_toast (widget, toast);
      return;
    }

  change = g_new0 (Change, 1);
  change->id = ++stack->last_id;
  change->undo = undo;
  change->data = data;
  change->destroy = destroy;
  change->toast = toast;
  g_object_add_weak_pointer (G_OBJECT (toast), (gpointer *) &change->toast);
  g_queue_push_head (&stack->changes, change);
  while (stack->changes.length > MAX_CHANGES)
    change_free (g_queue_pop_tail (&stack->changes));
  update_action (window);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_set_action_target_value (toast, g_variant_new_uint32 (change->id));
  wsp_gui_add_toast (GTK_WIDGET (window), toast);
}
