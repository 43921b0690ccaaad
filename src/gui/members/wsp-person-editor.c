/* wsp-person-editor.c — adding and editing a person
 *
 * A person has a name (first name and surname, as they write it), how
 * Polish texts speak of them (feminine or masculine forms: przewodnicząca,
 * przewodniczący), an e-mail address and a phone number (both checked as
 * they are typed), and the organisations they represent, chosen from the
 * register. Saving sets only what was changed; closing with something
 * typed and not saved asks first.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "base/wsp-contact.h"
#include "records/wsp-records-members.h"
#include "members/wsp-person-editor.h"
#include "widgets/wsp-accessible.h"
#include "widgets/wsp-editor-guard.h"
#include "widgets/wsp-record-chooser.h"

struct _WspPersonEditor
{
  AdwWindow  parent_instance;

  WspStore  *store;
  WspRecord *person;
  GPtrArray *organisations;  /* ids, as chosen */
  GPtrArray *organisation_rows;
  char      *problem;

  GtkButton           *save_button;
  AdwEntryRow         *name_row;
  AdwComboRow         *form_row;
  AdwEntryRow         *email_row;
  AdwEntryRow         *phone_row;
  GtkLabel            *contact_problem;
  AdwPreferencesGroup *organisations_group;
  AdwActionRow        *add_organisation_row;
  GtkWidget           *organisation_chooser;
  GtkLabel            *save_problem;
};

G_DEFINE_FINAL_TYPE (WspPersonEditor, wsp_person_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The choices of the form row, in its order: none, then the record's. */
static const char *
form_at (guint index)
{
  return index == 0 ? NULL : wsp_grammatical_form_choices[index - 1].name;
}

static guint
index_of_form (const char *form)
{
  for (guint i = 0; wsp_grammatical_form_choices[i].name != NULL; i++)
    if (g_strcmp0 (wsp_grammatical_form_choices[i].name, form) == 0)
      return i + 1;
  return 0;
}

static const char *
text_of (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

GtkWidget *
wsp_person_editor_get_row (WspPersonEditor *self,
                           const char      *field)
{
  g_return_val_if_fail (WSP_IS_PERSON_EDITOR (self), NULL);
  if (g_strcmp0 (field, "name") == 0)
    return GTK_WIDGET (self->name_row);
  if (g_strcmp0 (field, "email") == 0)
    return GTK_WIDGET (self->email_row);
  if (g_strcmp0 (field, "phone") == 0)
    return GTK_WIDGET (self->phone_row);
  if (g_strcmp0 (field, "grammatical_form") == 0)
    return GTK_WIDGET (self->form_row);
  if (g_strcmp0 (field, "organisations") == 0)
    return self->organisation_chooser;
  g_return_val_if_reached (NULL);
}

GtkWidget *
wsp_person_editor_get_save_button (WspPersonEditor *self)
{
  g_return_val_if_fail (WSP_IS_PERSON_EDITOR (self), NULL);
  return GTK_WIDGET (self->save_button);
}

const char *
wsp_person_editor_get_problem (WspPersonEditor *self)
{
  g_return_val_if_fail (WSP_IS_PERSON_EDITOR (self), NULL);
  return self->problem;
}

static gboolean
check_row (AdwEntryRow *row,
           gboolean   (*check) (const char *, GError **),
           GString     *problems)
{
  g_autofree char *text = g_strstrip (g_strdup (text_of (row)));
  g_autoptr (GError) error = NULL;

  if (*text == '\0' || check (text, &error))
    {
      gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
      return TRUE;
    }
  gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  if (problems->len > 0)
    g_string_append_c (problems, '\n');
  g_string_append (problems, error->message);
  return FALSE;
}

static void
validate (WspPersonEditor *self)
{
  g_autoptr (GString) contact = g_string_new (NULL);
  g_autofree char *name = g_strstrip (g_strdup (text_of (self->name_row)));
  gboolean ok = TRUE;

  ok &= check_row (self->email_row, wsp_email_is_valid, contact);
  ok &= check_row (self->phone_row, wsp_phone_is_valid, contact);
  gtk_label_set_text (self->contact_problem, contact->str);
  gtk_widget_set_visible (GTK_WIDGET (self->contact_problem), contact->len > 0);

  g_clear_pointer (&self->problem, g_free);
  if (contact->len > 0)
    self->problem = g_strdup (contact->str);
  else if (*name == '\0')
    self->problem = g_strdup (_("The person needs a name."));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", ok && *name != '\0');
}

static void
changed_cb (WspPersonEditor *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->save_problem), FALSE);
  validate (self);
}

static void fill_organisations (WspPersonEditor *self);

static void
remove_organisation_clicked_cb (GtkButton       *button,
                                WspPersonEditor *self)
{
  const char *id = g_object_get_data (G_OBJECT (button), "organisation");

  for (guint i = 0; i < self->organisations->len; i++)
    if (g_str_equal (g_ptr_array_index (self->organisations, i), id))
      {
        g_ptr_array_remove_index (self->organisations, i);
        break;
      }
  fill_organisations (self);
}

/* The rows of the organisations chosen, each with its Remove button. */
static void
fill_organisations (WspPersonEditor *self)
{
  for (guint i = 0; i < self->organisation_rows->len; i++)
    adw_preferences_group_remove (self->organisations_group, g_ptr_array_index (self->organisation_rows, i));
  g_ptr_array_set_size (self->organisation_rows, 0);

  for (guint i = 0; i < self->organisations->len; i++)
    {
      const char *id = g_ptr_array_index (self->organisations, i);
      g_autoptr (WspRecord) org = wsp_store_get (self->store, id, NULL);
      g_autofree char *title = org != NULL ? wsp_record_dup_title (org) : g_strdup (_("(deleted)"));
      /* Translators: a button's name for screen readers; %s is an organisation's name */
      g_autofree char *remove_label = g_strdup_printf (_("Remove “%s”"), title);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_from_icon_name ("list-remove-symbolic");

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, remove_label);
      wsp_accessible_set_label (button, remove_label);
      g_object_set_data_full (G_OBJECT (button), "organisation", g_strdup (id), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (remove_organisation_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (self->organisations_group, row);
      g_ptr_array_add (self->organisation_rows, row);
    }
}

/* Adds the organisation @id to those the person represents. */
gboolean
wsp_person_editor_add_organisation (WspPersonEditor *self,
                                    const char      *id)
{
  g_return_val_if_fail (WSP_IS_PERSON_EDITOR (self), FALSE);

  if (id == NULL)
    return FALSE;
  for (guint i = 0; i < self->organisations->len; i++)
    if (g_str_equal (g_ptr_array_index (self->organisations, i), id))
      return FALSE;
  g_ptr_array_add (self->organisations, g_strdup (id));
  fill_organisations (self);
  return TRUE;
}

static void
add_organisation_clicked_cb (WspPersonEditor *self)
{
  WspRecord *org = wsp_record_chooser_get_selected (self->organisation_chooser);

  if (org != NULL)
    wsp_person_editor_add_organisation (self, wsp_record_get_id (org));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->organisation_chooser), 0);
}

static GStrv
chosen_organisations (WspPersonEditor *self)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < self->organisations->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (self->organisations, i));
  return g_strv_builder_end (builder);
}

static gboolean
is_dirty (GtkWindow *window)
{
  WspPersonEditor *self = WSP_PERSON_EDITOR (window);
  const char *fields[] = { "name", "email", "phone" };
  AdwEntryRow *rows[] = { self->name_row, self->email_row, self->phone_row };
  g_auto (GStrv) before = wsp_record_dup_list (self->person, "organisations");
  g_auto (GStrv) after = chosen_organisations (self);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *text = g_strstrip (g_strdup (text_of (rows[i])));
      const char *old = wsp_record_get_string (self->person, fields[i]);

      if (g_strcmp0 (old != NULL ? old : "", text) != 0)
        return TRUE;
    }
  if (g_strcmp0 (form_at (adw_combo_row_get_selected (self->form_row)),
                 wsp_record_get_string (self->person, "grammatical_form")) != 0)
    return TRUE;
  return !g_strv_equal ((const char * const *) before, (const char * const *) after);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  WspPersonEditor *self = WSP_PERSON_EDITOR (widget);
  const char *fields[] = { "name", "email", "phone" };
  AdwEntryRow *rows[] = { self->name_row, self->email_row, self->phone_row };
  g_auto (GStrv) before = wsp_record_dup_list (self->person, "organisations");
  g_auto (GStrv) after = chosen_organisations (self);
  const char *form = form_at (adw_combo_row_get_selected (self->form_row));
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *text = g_strstrip (g_strdup (text_of (rows[i])));
      const char *old = wsp_record_get_string (self->person, fields[i]);

      if (g_strcmp0 (old != NULL ? old : "", text) != 0)
        wsp_record_set_string (self->person, fields[i], text);
    }
  if (g_strcmp0 (form, wsp_record_get_string (self->person, "grammatical_form")) != 0)
    wsp_record_set_string (self->person, "grammatical_form", form);
  if (!g_strv_equal ((const char * const *) before, (const char * const *) after))
    wsp_record_set_list (self->person, "organisations", (const char * const *) after);

  if (!wsp_store_save (self->store, self->person, &error))
    {
      gtk_label_set_text (self->save_problem, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->save_problem), TRUE);
      return;
    }
  wsp_editor_guard_done (GTK_WINDOW (self));
  g_signal_emit (self, signals[SAVED], 0, wsp_record_get_id (self->person));
  gtk_window_close (GTK_WINDOW (self));
}

/* An editor for @person, or for a new one when it is NULL. */
WspPersonEditor *
wsp_person_editor_new (WspStore  *store,
                       WspRecord *person)
{
  WspPersonEditor *self = g_object_new (WSP_TYPE_PERSON_EDITOR, NULL);
  const char *fields[] = { "name", "email", "phone" };
  AdwEntryRow *rows[] = { self->name_row, self->email_row, self->phone_row };
  g_auto (GStrv) organisations = NULL;
  GtkWidget *add;

  self->store = g_object_ref (store);
  self->person = person != NULL ? g_object_ref (person) : WSP_RECORD (wsp_person_new ());
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const char *value = wsp_record_get_string (self->person, fields[i]);
      gtk_editable_set_text (GTK_EDITABLE (rows[i]), value != NULL ? value : "");
    }
  adw_combo_row_set_selected (self->form_row, index_of_form (wsp_record_get_string (self->person, "grammatical_form")));
  organisations = wsp_record_dup_list (self->person, "organisations");
  for (guint i = 0; organisations[i] != NULL; i++)
    g_ptr_array_add (self->organisations, g_strdup (organisations[i]));

  self->organisation_chooser = wsp_record_chooser_new (store, WSP_TYPE_ORGANISATION, _("Organisation to add"));
  add = wsp_accessible_button_new (_("_Add"));
  gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (add, "clicked", G_CALLBACK (add_organisation_clicked_cb), self);
  adw_action_row_add_suffix (self->add_organisation_row, self->organisation_chooser);
  adw_action_row_add_suffix (self->add_organisation_row, add);
  fill_organisations (self);

  gtk_window_set_title (GTK_WINDOW (self), person != NULL ? _("Edit Person") : _("New Person"));
  validate (self);
  return self;
}

static void
wsp_person_editor_dispose (GObject *object)
{
  WspPersonEditor *self = WSP_PERSON_EDITOR (object);

  g_clear_object (&self->store);
  g_clear_object (&self->person);
  g_clear_pointer (&self->organisations, g_ptr_array_unref);
  g_clear_pointer (&self->organisation_rows, g_ptr_array_unref);
  g_clear_pointer (&self->problem, g_free);

  G_OBJECT_CLASS (wsp_person_editor_parent_class)->dispose (object);
}

static void
wsp_person_editor_class_init (WspPersonEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wsp_person_editor_dispose;

  /**
   * WspPersonEditor::saved:
   * @id: the person saved
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                 NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Wspolnie/members/wsp-person-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, WspPersonEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, WspPersonEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, WspPersonEditor, form_row);
  gtk_widget_class_bind_template_child (widget_class, WspPersonEditor, email_row);
  gtk_widget_class_bind_template_child (widget_class, WspPersonEditor, phone_row);
  gtk_widget_class_bind_template_child (widget_class, WspPersonEditor, contact_problem);
  gtk_widget_class_bind_template_child (widget_class, WspPersonEditor, organisations_group);
  gtk_widget_class_bind_template_child (widget_class, WspPersonEditor, add_organisation_row);
  gtk_widget_class_bind_template_child (widget_class, WspPersonEditor, save_problem);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
}

static void
wsp_person_editor_init (WspPersonEditor *self)
{
  GtkStringList *forms = gtk_string_list_new (NULL);

  self->organisations = g_ptr_array_new_with_free_func (g_free);
  self->organisation_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Translators: a person's forms of address are not given */
  gtk_string_list_append (forms, C_("grammatical form", "Not given"));
  for (guint i = 0; wsp_grammatical_form_choices[i].name != NULL; i++)
    gtk_string_list_append (forms, wsp_choice_label (wsp_grammatical_form_choices,
                                                     wsp_grammatical_form_choices[i].name));
  adw_combo_row_set_model (self->form_row, G_LIST_MODEL (forms));
  g_object_unref (forms);
  wsp_editor_guard_install (GTK_WINDOW (self), is_dirty, GTK_WIDGET (self->name_row));
}
