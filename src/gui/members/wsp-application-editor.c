/* wsp-application-editor.c — entering an application to join the Forum
 *
 * The organisation (chosen from the register), the day the application
 * came and what shows the organisation's local work. The core refuses an
 * organisation that is a member already or already waits for a decision.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "domain/wsp-membership.h"
#include "members/wsp-application-editor.h"
#include "records/wsp-records-members.h"
#include "widgets/wsp-editor-guard.h"
#include "widgets/wsp-gui-util.h"
#include "widgets/wsp-record-chooser.h"

struct _WspApplicationEditor
{
  AdwWindow     parent_instance;

  WspStore     *store;
  char         *forum_id;
  char         *problem;

  AdwActionRow *organisation_row;
  GtkWidget    *organisation_chooser;
  AdwEntryRow  *submitted_row;
  AdwEntryRow  *evidence_row;
  GtkLabel     *problem_label;
};

G_DEFINE_FINAL_TYPE (WspApplicationEditor, wsp_application_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

GtkWidget *
wsp_application_editor_get_row (WspApplicationEditor *self,
                                const char           *field)
{
  g_return_val_if_fail (WSP_IS_APPLICATION_EDITOR (self), NULL);
  if (g_strcmp0 (field, "organisation_id") == 0)
    return self->organisation_chooser;
  if (g_strcmp0 (field, "submitted_on") == 0)
    return GTK_WIDGET (self->submitted_row);
  if (g_strcmp0 (field, "evidence") == 0)
    return GTK_WIDGET (self->evidence_row);
  g_return_val_if_reached (NULL);
}

const char *
wsp_application_editor_get_problem (WspApplicationEditor *self)
{
  g_return_val_if_fail (WSP_IS_APPLICATION_EDITOR (self), NULL);
  return self->problem;
}

static void
set_problem (WspApplicationEditor *self,
             const char           *problem)
{
  g_free (self->problem);
  self->problem = g_strdup (problem);
  gtk_label_set_text (self->problem_label, problem != NULL ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), problem != NULL);
}

static void
changed_cb (WspApplicationEditor *self)
{
  g_autofree char *day = NULL;

  if (self->organisation_chooser == NULL)
    return;
  day = wsp_gui_parse_date (gtk_editable_get_text (GTK_EDITABLE (self->submitted_row)));
  set_problem (self, NULL);
  if (day == NULL)
    set_problem (self, _("Write the day the application came as the calendar does, e.g. 1.03.2026."));
  else if (wsp_record_chooser_get_selected (self->organisation_chooser) == NULL)
    set_problem (self, _("Choose the organisation that applies."));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", self->problem == NULL);
}

static gboolean
is_dirty (GtkWindow *window)
{
  WspApplicationEditor *self = WSP_APPLICATION_EDITOR (window);

  return wsp_record_chooser_get_selected (self->organisation_chooser) != NULL
         || *gtk_editable_get_text (GTK_EDITABLE (self->evidence_row)) != '\0';
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  WspApplicationEditor *self = WSP_APPLICATION_EDITOR (widget);
  WspRecord *organisation = wsp_record_chooser_get_selected (self->organisation_chooser);
  g_autofree char *day = wsp_gui_parse_date (gtk_editable_get_text (GTK_EDITABLE (self->submitted_row)));
  g_autofree char *evidence = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->evidence_row))));
  g_autoptr (WspRecord) application = NULL;
  g_autoptr (GError) error = NULL;

  if (organisation == NULL || day == NULL)
    return;
  application = wsp_membership_add_application (self->store, self->forum_id, wsp_record_get_id (organisation),
                                                day, evidence, &error);
  if (application == NULL)
    {
      set_problem (self, error->message);
      return;
    }
  wsp_editor_guard_done (GTK_WINDOW (self));
  g_signal_emit (self, signals[SAVED], 0, wsp_record_get_id (application));
  gtk_window_close (GTK_WINDOW (self));
}

/* A new application to the Forum @forum_id, submitted today unless the
 * person says otherwise. */
WspApplicationEditor *
wsp_application_editor_new (WspStore   *store,
                            const char *forum_id)
{
  WspApplicationEditor *self = g_object_new (WSP_TYPE_APPLICATION_EDITOR, NULL);
  g_autofree char *today = wsp_gui_today ();
  g_autofree char *shown = wsp_gui_format_date (today);

  self->store = g_object_ref (store);
  self->forum_id = g_strdup (forum_id);
  self->organisation_chooser = wsp_record_chooser_new (store, WSP_TYPE_ORGANISATION, NULL);
  adw_action_row_add_suffix (self->organisation_row, self->organisation_chooser);
  adw_action_row_set_activatable_widget (self->organisation_row, self->organisation_chooser);
  g_signal_connect_swapped (self->organisation_chooser, "notify::selected", G_CALLBACK (changed_cb), self);
  gtk_editable_set_text (GTK_EDITABLE (self->submitted_row), shown);
  gtk_window_set_title (GTK_WINDOW (self), _("New Application"));
  wsp_editor_guard_install (GTK_WINDOW (self), is_dirty, self->organisation_chooser);
  changed_cb (self);
  return self;
}

static void
wsp_application_editor_dispose (GObject *object)
{
  WspApplicationEditor *self = WSP_APPLICATION_EDITOR (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->forum_id, g_free);
  g_clear_pointer (&self->problem, g_free);

  G_OBJECT_CLASS (wsp_application_editor_parent_class)->dispose (object);
}

static void
wsp_application_editor_class_init (WspApplicationEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wsp_application_editor_dispose;

  /**
   * WspApplicationEditor::saved:
   * @id: the application saved
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                 NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Wspolnie/members/wsp-application-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, WspApplicationEditor, organisation_row);
  gtk_widget_class_bind_template_child (widget_class, WspApplicationEditor, submitted_row);
  gtk_widget_class_bind_template_child (widget_class, WspApplicationEditor, evidence_row);
  gtk_widget_class_bind_template_child (widget_class, WspApplicationEditor, problem_label);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
}

static void
wsp_application_editor_init (WspApplicationEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
