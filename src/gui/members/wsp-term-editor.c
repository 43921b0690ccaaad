/* wsp-term-editor.c — adding and editing a term of office of the Council
 *
 * A term has a name and its first and last days, typed as the locale
 * writes dates. The core checks that the days are real, in order, and do
 * not overlap another term of the Council; its answer is shown under the
 * fields.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "domain/wsp-membership.h"
#include "members/wsp-term-editor.h"
#include "records/wsp-records-members.h"
#include "widgets/wsp-editor-guard.h"
#include "widgets/wsp-gui-util.h"

struct _WspTermEditor
{
  AdwWindow    parent_instance;

  WspStore    *store;
  WspRecord   *term;
  char        *problem;

  AdwEntryRow *name_row;
  AdwEntryRow *starts_row;
  AdwEntryRow *ends_row;
  GtkLabel    *problem_label;
};

G_DEFINE_FINAL_TYPE (WspTermEditor, wsp_term_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

GtkWidget *
wsp_term_editor_get_row (WspTermEditor *self,
                         const char    *field)
{
  g_return_val_if_fail (WSP_IS_TERM_EDITOR (self), NULL);
  if (g_strcmp0 (field, "name") == 0)
    return GTK_WIDGET (self->name_row);
  if (g_strcmp0 (field, "starts_on") == 0)
    return GTK_WIDGET (self->starts_row);
  if (g_strcmp0 (field, "ends_on") == 0)
    return GTK_WIDGET (self->ends_row);
  g_return_val_if_reached (NULL);
}

const char *
wsp_term_editor_get_problem (WspTermEditor *self)
{
  g_return_val_if_fail (WSP_IS_TERM_EDITOR (self), NULL);
  return self->problem;
}

static const char *
text_of (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static void
set_problem (WspTermEditor *self,
             const char    *problem)
{
  g_free (self->problem);
  self->problem = g_strdup (problem);
  gtk_label_set_text (self->problem_label, problem != NULL ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), problem != NULL);
}

/* A date row's day as stored; "" when empty; NULL when it is no day. */
static char *
day_of (AdwEntryRow *row)
{
  g_autofree char *text = g_strstrip (g_strdup (text_of (row)));

  if (*text == '\0')
    return g_strdup ("");
  return wsp_gui_parse_date (text);
}

static void
changed_cb (WspTermEditor *self)
{
  g_autofree char *starts = day_of (self->starts_row);
  g_autofree char *ends = day_of (self->ends_row);

  set_problem (self, NULL);
  if (starts == NULL || ends == NULL)
    set_problem (self, _("Write the days as the calendar does, e.g. 1.03.2026."));
  else if (*starts == '\0')
    set_problem (self, _("Give the first day of the term of office."));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", self->problem == NULL);
}

static gboolean
is_dirty (GtkWindow *window)
{
  WspTermEditor *self = WSP_TERM_EDITOR (window);
  g_autofree char *starts = day_of (self->starts_row);
  g_autofree char *ends = day_of (self->ends_row);
  g_autofree char *name = g_strstrip (g_strdup (text_of (self->name_row)));

  return g_strcmp0 (name, wsp_record_get_string (self->term, "name") ?: "") != 0
         || g_strcmp0 (starts, wsp_record_get_string (self->term, "starts_on") ?: "") != 0
         || g_strcmp0 (ends, wsp_record_get_string (self->term, "ends_on") ?: "") != 0;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  WspTermEditor *self = WSP_TERM_EDITOR (widget);
  g_autofree char *starts = day_of (self->starts_row);
  g_autofree char *ends = day_of (self->ends_row);
  g_autofree char *name = g_strstrip (g_strdup (text_of (self->name_row)));
  g_autoptr (GError) error = NULL;

  if (starts == NULL || ends == NULL)
    return;
  wsp_record_set_string (self->term, "name", name);
  wsp_record_set_string (self->term, "starts_on", starts);
  wsp_record_set_string (self->term, "ends_on", ends);
  if (!wsp_membership_save_term (self->store, self->term, &error))
    {
      set_problem (self, error->message);
      return;
    }
  wsp_editor_guard_done (GTK_WINDOW (self));
  g_signal_emit (self, signals[SAVED], 0, wsp_record_get_id (self->term));
  gtk_window_close (GTK_WINDOW (self));
}

static void
set_day (AdwEntryRow *row,
         const char  *day)
{
  g_autofree char *text = wsp_gui_format_date (day);

  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

/* An editor of @term of the body @body_id, or of a new one when @term is
 * NULL: it then starts the day after the newest term ends. */
WspTermEditor *
wsp_term_editor_new (WspStore   *store,
                     const char *body_id,
                     WspRecord  *term)
{
  WspTermEditor *self = g_object_new (WSP_TYPE_TERM_EDITOR, NULL);

  self->store = g_object_ref (store);
  if (term != NULL)
    self->term = g_object_ref (term);
  else
    {
      g_autoptr (GPtrArray) terms = wsp_membership_terms (store, body_id, NULL);

      self->term = WSP_RECORD (wsp_term_new ());
      wsp_record_set_string (self->term, "body_id", body_id);
      if (terms != NULL && terms->len > 0)
        {
          const char *last = wsp_record_get_string (g_ptr_array_index (terms, 0), "ends_on");
          int year = 0, month = 0, day = 0;
          GDate date;

          g_date_clear (&date, 1);
          if (last != NULL && sscanf (last, "%4d-%2d-%2d", &year, &month, &day) == 3
              && g_date_valid_dmy (day, month, year))
            g_date_set_dmy (&date, day, month, year);
          if (g_date_valid (&date))
            {
              g_autofree char *next = NULL;
              g_autofree char *end = NULL;
              char buffer[16];

              g_date_add_days (&date, 1);
              g_date_strftime (buffer, sizeof buffer, "%Y-%m-%d", &date);
              next = g_strdup (buffer);
              g_date_add_years (&date, 3);
              g_date_subtract_days (&date, 1);
              g_date_strftime (buffer, sizeof buffer, "%Y-%m-%d", &date);
              end = g_strdup (buffer);
              set_day (self->starts_row, next);
              set_day (self->ends_row, end);
            }
        }
    }
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), wsp_record_get_string (self->term, "name") ?: "");
  if (term != NULL)
    {
      set_day (self->starts_row, wsp_record_get_string (term, "starts_on"));
      set_day (self->ends_row, wsp_record_get_string (term, "ends_on"));
    }
  gtk_window_set_title (GTK_WINDOW (self), term != NULL ? _("Edit Term of Office") : _("New Term of Office"));
  changed_cb (self);
  return self;
}

static void
wsp_term_editor_dispose (GObject *object)
{
  WspTermEditor *self = WSP_TERM_EDITOR (object);

  g_clear_object (&self->store);
  g_clear_object (&self->term);
  g_clear_pointer (&self->problem, g_free);

  G_OBJECT_CLASS (wsp_term_editor_parent_class)->dispose (object);
}

static void
wsp_term_editor_class_init (WspTermEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wsp_term_editor_dispose;

  /**
   * WspTermEditor::saved:
   * @id: the term saved
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                 NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Wspolnie/members/wsp-term-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, WspTermEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, WspTermEditor, starts_row);
  gtk_widget_class_bind_template_child (widget_class, WspTermEditor, ends_row);
  gtk_widget_class_bind_template_child (widget_class, WspTermEditor, problem_label);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
}

static void
wsp_term_editor_init (WspTermEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  wsp_editor_guard_install (GTK_WINDOW (self), is_dirty, GTK_WIDGET (self->name_row));
}
