/* wsp-leave-dialog.c — recording that a member left the Forum
 *
 * The last day of membership (today unless the person says otherwise) and
 * why. The core refuses a day before the member joined, or after a day the
 * member had already left on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "domain/wsp-membership.h"
#include "members/wsp-leave-dialog.h"
#include "widgets/wsp-editor-guard.h"
#include "widgets/wsp-gui-util.h"

struct _WspLeaveDialog
{
  AdwWindow            parent_instance;

  WspStore            *store;
  WspRecord           *seat;
  char                *problem;

  AdwPreferencesGroup *group;
  AdwEntryRow         *left_row;
  AdwEntryRow         *reason_row;
  GtkLabel            *problem_label;
};

G_DEFINE_FINAL_TYPE (WspLeaveDialog, wsp_leave_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

GtkWidget *
wsp_leave_dialog_get_row (WspLeaveDialog *self,
                          const char     *field)
{
  g_return_val_if_fail (WSP_IS_LEAVE_DIALOG (self), NULL);
  if (g_strcmp0 (field, "left_on") == 0)
    return GTK_WIDGET (self->left_row);
  if (g_strcmp0 (field, "left_reason") == 0)
    return GTK_WIDGET (self->reason_row);
  g_return_val_if_reached (NULL);
}

const char *
wsp_leave_dialog_get_problem (WspLeaveDialog *self)
{
  g_return_val_if_fail (WSP_IS_LEAVE_DIALOG (self), NULL);
  return self->problem;
}

static void
set_problem (WspLeaveDialog *self,
             const char     *problem)
{
  g_free (self->problem);
  self->problem = g_strdup (problem);
  gtk_label_set_text (self->problem_label, problem != NULL ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), problem != NULL);
}

static void
changed_cb (WspLeaveDialog *self)
{
  g_autofree char *day = wsp_gui_parse_date (gtk_editable_get_text (GTK_EDITABLE (self->left_row)));

  set_problem (self, day == NULL ? _("Write the last day as the calendar does, e.g. 1.03.2026.") : NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", day != NULL);
}

static gboolean
is_dirty (GtkWindow *window)
{
  WspLeaveDialog *self = WSP_LEAVE_DIALOG (window);

  return *gtk_editable_get_text (GTK_EDITABLE (self->reason_row)) != '\0';
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  WspLeaveDialog *self = WSP_LEAVE_DIALOG (widget);
  g_autofree char *day = wsp_gui_parse_date (gtk_editable_get_text (GTK_EDITABLE (self->left_row)));
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reason_row))));
  g_autoptr (GError) error = NULL;

  if (day == NULL)
    return;
  if (!wsp_membership_leave (self->store, self->seat, day, *reason != '\0' ? reason : NULL, &error))
    {
      set_problem (self, error->message);
      return;
    }
  wsp_editor_guard_done (GTK_WINDOW (self));
  g_signal_emit (self, signals[SAVED], 0, wsp_record_get_id (self->seat));
  gtk_window_close (GTK_WINDOW (self));
}

/* Records that the member in @seat (@member_name, for the title) left. */
WspLeaveDialog *
wsp_leave_dialog_new (WspStore   *store,
                      WspRecord  *seat,
                      const char *member_name)
{
  WspLeaveDialog *self = g_object_new (WSP_TYPE_LEAVE_DIALOG, NULL);
  g_autofree char *today = wsp_gui_today ();
  g_autofree char *shown = wsp_gui_format_date (today);
  /* Translators: %s is an organisation's name */
  g_autofree char *title = g_strdup_printf (_("“%s” leaves the Forum"), member_name);

  self->store = g_object_ref (store);
  self->seat = g_object_ref (seat);
  gtk_editable_set_text (GTK_EDITABLE (self->left_row), shown);
  adw_preferences_group_set_title (self->group, title);
  gtk_window_set_title (GTK_WINDOW (self), _("Record Leaving"));
  wsp_editor_guard_install (GTK_WINDOW (self), is_dirty, GTK_WIDGET (self->left_row));
  changed_cb (self);
  return self;
}

static void
wsp_leave_dialog_dispose (GObject *object)
{
  WspLeaveDialog *self = WSP_LEAVE_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->seat);
  g_clear_pointer (&self->problem, g_free);

  G_OBJECT_CLASS (wsp_leave_dialog_parent_class)->dispose (object);
}

static void
wsp_leave_dialog_class_init (WspLeaveDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wsp_leave_dialog_dispose;

  /**
   * WspLeaveDialog::saved:
   * @id: the seat left
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                 NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Wspolnie/members/wsp-leave-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, WspLeaveDialog, group);
  gtk_widget_class_bind_template_child (widget_class, WspLeaveDialog, left_row);
  gtk_widget_class_bind_template_child (widget_class, WspLeaveDialog, reason_row);
  gtk_widget_class_bind_template_child (widget_class, WspLeaveDialog, problem_label);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
}

static void
wsp_leave_dialog_init (WspLeaveDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
