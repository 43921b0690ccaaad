/* wsp-seat-editor.c — filling, changing and vacating a seat of the Council
 *
 * A seat of a term is a person on a side (the executive's, the council's,
 * the NGOs'), in a role, from a day, and until a day with the reason when
 * the member leaves. While the person types, the Council's make-up as it
 * would be after saving is worked out by the core and a warning says when
 * the NGO members would fall below half (art. 41f) or seats stand vacant.
 * The core also refuses a person twice in one term, or two chairs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "domain/wsp-membership.h"
#include "members/wsp-seat-editor.h"
#include "records/wsp-entities.h"
#include "records/wsp-records-members.h"
#include "widgets/wsp-editor-guard.h"
#include "widgets/wsp-gui-util.h"
#include "widgets/wsp-record-chooser.h"

struct _WspSeatEditor
{
  AdwWindow     parent_instance;

  WspStore     *store;
  WspRecord    *term;
  WspRecord    *seat;
  char         *problem;
  char         *composition;
  gboolean      filling;   /* while the rows are filled from the seat */

  AdwActionRow *person_row;
  GtkWidget    *person_chooser;
  AdwComboRow  *side_row;
  AdwComboRow  *role_row;
  AdwEntryRow  *joined_row;
  GtkWidget    *leaving_group;
  AdwEntryRow  *left_row;
  AdwEntryRow  *reason_row;
  GtkLabel     *composition_label;
  GtkLabel     *problem_label;
};

G_DEFINE_FINAL_TYPE (WspSeatEditor, wsp_seat_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

GtkWidget *
wsp_seat_editor_get_row (WspSeatEditor *self,
                         const char    *field)
{
  g_return_val_if_fail (WSP_IS_SEAT_EDITOR (self), NULL);
  if (g_strcmp0 (field, "person_id") == 0)
    return self->person_chooser;
  if (g_strcmp0 (field, "side") == 0)
    return GTK_WIDGET (self->side_row);
  if (g_strcmp0 (field, "role") == 0)
    return GTK_WIDGET (self->role_row);
  if (g_strcmp0 (field, "joined_on") == 0)
    return GTK_WIDGET (self->joined_row);
  if (g_strcmp0 (field, "left_on") == 0)
    return GTK_WIDGET (self->left_row);
  if (g_strcmp0 (field, "left_reason") == 0)
    return GTK_WIDGET (self->reason_row);
  g_return_val_if_reached (NULL);
}

const char *
wsp_seat_editor_get_problem (WspSeatEditor *self)
{
  g_return_val_if_fail (WSP_IS_SEAT_EDITOR (self), NULL);
  return self->problem;
}

/* What the composition would be short of after saving, or NULL. */
const char *
wsp_seat_editor_get_composition_warning (WspSeatEditor *self)
{
  g_return_val_if_fail (WSP_IS_SEAT_EDITOR (self), NULL);
  return self->composition;
}

/* Vacating a seat: the focus goes to its last day. */
void
wsp_seat_editor_focus_leaving (WspSeatEditor *self)
{
  g_return_if_fail (WSP_IS_SEAT_EDITOR (self));
  wsp_editor_guard_set_first (GTK_WINDOW (self), GTK_WIDGET (self->left_row));
}

static const char *
text_of (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static char *
day_of (AdwEntryRow *row)
{
  g_autofree char *text = g_strstrip (g_strdup (text_of (row)));

  return *text == '\0' ? g_strdup ("") : wsp_gui_parse_date (text);
}

static void
set_problem (WspSeatEditor *self,
             const char    *problem)
{
  g_free (self->problem);
  self->problem = g_strdup (problem);
  gtk_label_set_text (self->problem_label, problem != NULL ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), problem != NULL);
}

/* The seat as the rows say; NULL when a day cannot be read. */
static WspRecord *
seat_from_rows (WspSeatEditor *self)
{
  g_autoptr (WspRecord) seat = wsp_record_new_for_entity ("seat", wsp_record_get_id (self->seat));
  WspRecord *person = wsp_record_chooser_get_selected (self->person_chooser);
  g_autofree char *joined = day_of (self->joined_row);
  g_autofree char *left = day_of (self->left_row);
  g_autofree char *reason = g_strstrip (g_strdup (text_of (self->reason_row)));
  guint side = adw_combo_row_get_selected (self->side_row);
  guint role = adw_combo_row_get_selected (self->role_row);

  if (joined == NULL || left == NULL)
    return NULL;
  {
    /* A copy of the values: the record changed here is not the seat's. */
    JsonObject *values = wsp_record_get_values (self->seat);
    g_autoptr (JsonObject) copy = json_object_new ();
    g_autoptr (GList) members = values != NULL ? json_object_get_members (values) : NULL;

    for (GList *l = members; l != NULL; l = l->next)
      json_object_set_member (copy, l->data, json_node_copy (json_object_get_member (values, l->data)));
    wsp_record_load (seat, copy, wsp_record_get_revision (self->seat), wsp_record_get_conflicted (self->seat));
  }
  wsp_record_set_string (seat, "person_id", person != NULL ? wsp_record_get_id (person) : NULL);
  if (side < wsp_choice_count (wsp_side_choices))
    wsp_record_set_string (seat, "side", wsp_side_choices[side].name);
  if (role < wsp_choice_count (wsp_role_choices))
    wsp_record_set_string (seat, "role", wsp_role_choices[role].name);
  wsp_record_set_string (seat, "joined_on", joined);
  wsp_record_set_string (seat, "left_on", left);
  wsp_record_set_string (seat, "left_reason", reason);
  return g_steal_pointer (&seat);
}

/* The make-up the Council would have after saving. */
static void
update_composition (WspSeatEditor *self,
                    WspRecord     *seat)
{
  g_autofree char *today = wsp_gui_today ();
  g_autoptr (GString) warning = g_string_new (NULL);
  WspComposition after;

  g_clear_pointer (&self->composition, g_free);
  if (seat != NULL
      && wsp_membership_composition_with (self->store, wsp_record_get_id (self->term), seat, today, &after, NULL))
    {
      if (!after.ok)
        g_string_append_printf (warning,
                                ngettext ("After this change NGO members would hold fewer than half of the "
                                          "seats: %u more NGO seat would be needed (art. 41f).",
                                          "After this change NGO members would hold fewer than half of the "
                                          "seats: %u more NGO seats would be needed (art. 41f).",
                                          after.ngo_needed),
                                after.ngo_needed);
      if (after.vacancies > 0)
        {
          if (warning->len > 0)
            g_string_append_c (warning, ' ');
          g_string_append_printf (warning, ngettext ("%u seat would stand vacant.", "%u seats would stand vacant.",
                                                     after.vacancies),
                                  after.vacancies);
        }
    }
  if (warning->len > 0)
    self->composition = g_strdup (warning->str);
  gtk_label_set_text (self->composition_label, warning->str);
  gtk_widget_set_visible (GTK_WIDGET (self->composition_label), warning->len > 0);
}

/* The roles, in the forms of the person chosen (przewodnicząca). */
static void
update_role_labels (WspSeatEditor *self)
{
  WspRecord *person = wsp_record_chooser_get_selected (self->person_chooser);
  const char *form = person != NULL ? wsp_record_get_string (person, "grammatical_form") : NULL;
  GtkStringList *list = GTK_STRING_LIST (adw_combo_row_get_model (self->role_row));
  guint n = wsp_choice_count (wsp_role_choices);

  if (list == NULL)
    return;
  for (guint i = 0; i < n; i++)
    {
      const char *label = wsp_role_label (wsp_role_choices[i].name, form);

      if (g_strcmp0 (gtk_string_list_get_string (list, i), label) != 0)
        {
          const char *replacement[] = { label, NULL };
          guint selected = adw_combo_row_get_selected (self->role_row);

          self->filling = TRUE;
          gtk_string_list_splice (list, i, 1, replacement);
          adw_combo_row_set_selected (self->role_row, selected);
          self->filling = FALSE;
        }
    }
}

static void
changed_cb (WspSeatEditor *self)
{
  g_autoptr (WspRecord) seat = NULL;

  if (self->filling || self->seat == NULL)
    return;
  update_role_labels (self);
  seat = seat_from_rows (self);
  set_problem (self, NULL);
  if (seat == NULL)
    set_problem (self, _("Write the days as the calendar does, e.g. 1.03.2026."));
  else if (wsp_record_chooser_get_selected (self->person_chooser) == NULL)
    set_problem (self, _("Choose the person who holds the seat."));
  update_composition (self, seat != NULL && wsp_record_get_string (seat, "person_id") != NULL ? seat : NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", self->problem == NULL);
}

static gboolean
is_dirty (GtkWindow *window)
{
  WspSeatEditor *self = WSP_SEAT_EDITOR (window);
  g_autoptr (WspRecord) seat = seat_from_rows (self);
  const char *fields[] = { "person_id", "side", "role", "joined_on", "left_on", "left_reason" };

  if (seat == NULL)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_strcmp0 (wsp_record_get_string (seat, fields[i]), wsp_record_get_string (self->seat, fields[i])) != 0)
      return TRUE;
  return FALSE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  WspSeatEditor *self = WSP_SEAT_EDITOR (widget);
  g_autoptr (WspRecord) seat = seat_from_rows (self);
  const char *fields[] = { "person_id", "side", "role", "joined_on", "left_on", "left_reason" };
  g_autoptr (GError) error = NULL;

  if (seat == NULL)
    return;
  /* Only what the person changed is set. */
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_strcmp0 (wsp_record_get_string (seat, fields[i]), wsp_record_get_string (self->seat, fields[i])) != 0)
      wsp_record_set_string (self->seat, fields[i], wsp_record_get_string (seat, fields[i]));
  if (!wsp_membership_save_seat (self->store, self->seat, &error))
    {
      set_problem (self, error->message);
      return;
    }
  wsp_editor_guard_done (GTK_WINDOW (self));
  g_signal_emit (self, signals[SAVED], 0, wsp_record_get_id (self->seat));
  gtk_window_close (GTK_WINDOW (self));
}

static void
set_day (AdwEntryRow *row,
         const char  *day)
{
  g_autofree char *text = wsp_gui_format_date (day);

  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static GListModel *
labels_of (const WspChoice *choices,
           gboolean         sides)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; choices[i].name != NULL; i++)
    gtk_string_list_append (list, sides ? wsp_side_short_label (choices[i].name, wsp_gui_get_executive ())
                                        : wsp_choice_label (choices, choices[i].name));
  return G_LIST_MODEL (list);
}

/* An editor of @seat of @term, or of a new seat (on @side, from
 * @joined_on, both may be NULL) when @seat is NULL. */
WspSeatEditor *
wsp_seat_editor_new (WspStore   *store,
                     WspRecord  *term,
                     WspRecord  *seat,
                     const char *side,
                     const char *joined_on)
{
  WspSeatEditor *self = g_object_new (WSP_TYPE_SEAT_EDITOR, NULL);
  g_autoptr (GListModel) sides = labels_of (wsp_side_choices, TRUE);
  g_autoptr (GListModel) roles = labels_of (wsp_role_choices, FALSE);

  self->store = g_object_ref (store);
  self->term = g_object_ref (term);
  if (seat != NULL)
    self->seat = g_object_ref (seat);
  else
    {
      self->seat = wsp_record_new_for_entity ("seat", NULL);
      wsp_record_set_string (self->seat, "body_id", wsp_record_get_string (term, "body_id"));
      wsp_record_set_string (self->seat, "term_id", wsp_record_get_id (term));
      wsp_record_set_string (self->seat, "side", side != NULL ? side : "ngo");
      wsp_record_set_string (self->seat, "role", "member");
      wsp_record_set_string (self->seat, "joined_on", joined_on);
    }

  self->filling = TRUE;
  self->person_chooser = wsp_record_chooser_new (store, WSP_TYPE_PERSON, NULL);
  adw_action_row_add_suffix (self->person_row, self->person_chooser);
  adw_action_row_set_activatable_widget (self->person_row, self->person_chooser);
  g_signal_connect_swapped (self->person_chooser, "notify::selected", G_CALLBACK (changed_cb), self);
  wsp_record_chooser_select (self->person_chooser, wsp_record_get_string (self->seat, "person_id"));
  adw_combo_row_set_model (self->side_row, sides);
  adw_combo_row_set_selected (self->side_row, MAX (0, wsp_choice_value (wsp_side_choices,
                                                                          wsp_record_get_string (self->seat, "side"),
                                                                          WSP_SIDE_NGO)));
  adw_combo_row_set_model (self->role_row, roles);
  adw_combo_row_set_selected (self->role_row, MAX (0, wsp_choice_value (wsp_role_choices,
                                                                          wsp_record_get_string (self->seat, "role"),
                                                                          WSP_ROLE_MEMBER)));
  set_day (self->joined_row, wsp_record_get_string (self->seat, "joined_on"));
  set_day (self->left_row, wsp_record_get_string (self->seat, "left_on"));
  gtk_editable_set_text (GTK_EDITABLE (self->reason_row), wsp_record_get_string (self->seat, "left_reason") ?: "");
  self->filling = FALSE;
  update_role_labels (self);

  gtk_window_set_title (GTK_WINDOW (self), seat != NULL ? _("Edit Seat") : _("Fill a Seat"));
  /* A seat being filled has no leaving yet. */
  gtk_widget_set_visible (self->leaving_group, seat != NULL);
  wsp_editor_guard_install (GTK_WINDOW (self), is_dirty, self->person_chooser);
  changed_cb (self);
  return self;
}

static void
wsp_seat_editor_dispose (GObject *object)
{
  WspSeatEditor *self = WSP_SEAT_EDITOR (object);

  g_clear_object (&self->store);
  g_clear_object (&self->term);
  g_clear_object (&self->seat);
  g_clear_pointer (&self->problem, g_free);
  g_clear_pointer (&self->composition, g_free);

  G_OBJECT_CLASS (wsp_seat_editor_parent_class)->dispose (object);
}

static void
wsp_seat_editor_class_init (WspSeatEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wsp_seat_editor_dispose;

  /**
   * WspSeatEditor::saved:
   * @id: the seat saved
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                 NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Wspolnie/members/wsp-seat-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, WspSeatEditor, person_row);
  gtk_widget_class_bind_template_child (widget_class, WspSeatEditor, side_row);
  gtk_widget_class_bind_template_child (widget_class, WspSeatEditor, role_row);
  gtk_widget_class_bind_template_child (widget_class, WspSeatEditor, joined_row);
  gtk_widget_class_bind_template_child (widget_class, WspSeatEditor, leaving_group);
  gtk_widget_class_bind_template_child (widget_class, WspSeatEditor, left_row);
  gtk_widget_class_bind_template_child (widget_class, WspSeatEditor, reason_row);
  gtk_widget_class_bind_template_child (widget_class, WspSeatEditor, composition_label);
  gtk_widget_class_bind_template_child (widget_class, WspSeatEditor, problem_label);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
}

static void
wsp_seat_editor_init (WspSeatEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
