/* wsp-organisation-editor.c — adding and editing an organisation
 *
 * Registration numbers are checked as they are typed, by the same rule the
 * register's CSV import follows (a KRS number without its leading zeros or
 * with "KRS" in front is the same number): a wrong KRS, NIP or REGON marks
 * its row and says which number is wrong and why, and Save waits until every
 * number is right; so do the e-mail address and the phone number. A number
 * another organisation already has is said at once, with a button that
 * opens that organisation instead. Saving sets only what was changed, on
 * top of the organisation as it is now, so an edit never undoes another
 * laptop's. Closing with something typed and not saved asks first.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "base/wsp-contact.h"
#include "base/wsp-identifiers.h"
#include "domain/wsp-membership.h"
#include "records/wsp-records-members.h"
#include "members/wsp-organisation-editor.h"
#include "widgets/wsp-editor-guard.h"

struct _WspOrganisationEditor
{
  AdwWindow  parent_instance;

  WspStore  *store;
  WspRecord *organisation;
  WspRecord *duplicate;
  char      *problem;

  GtkButton    *save_button;
  GtkLabel     *numbers_problem;
  GtkLabel     *contact_problem;
  GtkWidget    *duplicate_box;
  GtkLabel     *duplicate_label;
  GtkLabel     *save_problem;
  AdwEntryRow  *name_row;
  AdwEntryRow  *short_name_row;
  AdwEntryRow  *krs_row;
  AdwEntryRow  *nip_row;
  AdwEntryRow  *regon_row;
  AdwEntryRow  *address_row;
  AdwEntryRow  *email_row;
  AdwEntryRow  *phone_row;
  AdwEntryRow  *website_row;
  AdwEntryRow  *fields_row;
  AdwEntryRow  *notes_row;
};

G_DEFINE_FINAL_TYPE (WspOrganisationEditor, wsp_organisation_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  OPEN_EXISTING,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char * const text_fields[] = {
  "name", "short_name", "address", "email", "phone", "website", "notes",
};

static const char * const number_fields[] = { "krs", "nip", "regon" };

static AdwEntryRow *
row_for_field (WspOrganisationEditor *self,
               const char            *field)
{
  const struct { const char *name; AdwEntryRow *row; } rows[] = {
    { "name", self->name_row }, { "short_name", self->short_name_row },
    { "krs", self->krs_row }, { "nip", self->nip_row }, { "regon", self->regon_row },
    { "address", self->address_row }, { "email", self->email_row },
    { "phone", self->phone_row }, { "website", self->website_row },
    { "fields", self->fields_row }, { "notes", self->notes_row },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (g_strcmp0 (rows[i].name, field) == 0)
      return rows[i].row;
  g_return_val_if_reached (NULL);
}

/* The row of @field (for tests, which type into it as a person does). */
GtkWidget *
wsp_organisation_editor_get_row (WspOrganisationEditor *self,
                                 const char            *field)
{
  g_return_val_if_fail (WSP_IS_ORGANISATION_EDITOR (self), NULL);
  return GTK_WIDGET (row_for_field (self, field));
}

static const char *
text_of (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

/* The number typed in @row as it would be stored. */
static char *
normalized_number (WspOrganisationEditor *self,
                   const char            *field)
{
  const char *text = text_of (row_for_field (self, field));

  if (g_str_equal (field, "krs"))
    return wsp_krs_normalize (text);
  if (g_str_equal (field, "nip"))
    return wsp_nip_normalize (text);
  return wsp_regon_normalize (text);
}

/* Marks @row and adds what is wrong to @problems when @check refuses its
 * text (as it would be stored, @value). */
static gboolean
check_row (AdwEntryRow *row,
           const char  *value,
           gboolean   (*check) (const char *, GError **),
           GString     *problems)
{
  g_autoptr (GError) error = NULL;

  if (*value == '\0' || check (value, &error))
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
show_problem (GtkLabel *label,
              GString  *problems)
{
  gtk_label_set_text (label, problems->str);
  gtk_widget_set_visible (GTK_WIDGET (label), problems->len > 0);
}

/* Another organisation with a number typed here, if any. */
static void
find_duplicate (WspOrganisationEditor *self)
{
  g_clear_object (&self->duplicate);
  for (guint i = 0; i < G_N_ELEMENTS (number_fields) && self->duplicate == NULL; i++)
    {
      g_autofree char *value = normalized_number (self, number_fields[i]);

      if (*value != '\0')
        self->duplicate = wsp_membership_find_organisation_by_number (self->store, number_fields[i], value,
                                                                      wsp_record_get_id (self->organisation),
                                                                      NULL);
      if (self->duplicate != NULL)
        {
          const char *what = g_str_equal (number_fields[i], "krs") ? _("this KRS number")
                             : g_str_equal (number_fields[i], "nip") ? _("this NIP")
                                                                      : _("this REGON");
          /* Translators: %s: an organisation's name, then “this KRS number”, “this NIP” or “this REGON” */
          g_autofree char *text = g_strdup_printf (_("“%s” already has %s. Is it the same organisation?"),
                                                   wsp_record_get_string (self->duplicate, "name"), what);

          gtk_label_set_text (self->duplicate_label, text);
        }
    }
  gtk_widget_set_visible (self->duplicate_box, self->duplicate != NULL);
}

/* Checks what is typed; Save is possible only when it can be saved. */
static void
validate (WspOrganisationEditor *self)
{
  g_autoptr (GString) numbers = g_string_new (NULL);
  g_autoptr (GString) contact = g_string_new (NULL);
  g_autofree char *name = g_strstrip (g_strdup (text_of (self->name_row)));
  g_autofree char *email = g_strstrip (g_strdup (text_of (self->email_row)));
  g_autofree char *phone = g_strstrip (g_strdup (text_of (self->phone_row)));
  gboolean ok = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (number_fields); i++)
    {
      g_autofree char *value = normalized_number (self, number_fields[i]);
      gboolean (*check) (const char *, GError **) = i == 0 ? wsp_krs_is_valid
                                                    : i == 1 ? wsp_nip_is_valid
                                                             : wsp_regon_is_valid;

      ok &= check_row (row_for_field (self, number_fields[i]), value, check, numbers);
    }
  ok &= check_row (self->email_row, email, wsp_email_is_valid, contact);
  ok &= check_row (self->phone_row, phone, wsp_phone_is_valid, contact);
  show_problem (self->numbers_problem, numbers);
  show_problem (self->contact_problem, contact);
  find_duplicate (self);

  g_clear_pointer (&self->problem, g_free);
  if (numbers->len > 0 || contact->len > 0)
    self->problem = g_strconcat (numbers->str, numbers->len > 0 && contact->len > 0 ? "\n" : "",
                                 contact->str, NULL);
  else if (*name == '\0')
    self->problem = g_strdup (_("The organisation needs a name."));

  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), ok && *name != '\0');
}

static void
changed_cb (WspOrganisationEditor *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->save_problem), FALSE);
  validate (self);
}

/* What stopped Save, in words; NULL when the organisation can be saved. */
const char *
wsp_organisation_editor_get_problem (WspOrganisationEditor *self)
{
  g_return_val_if_fail (WSP_IS_ORGANISATION_EDITOR (self), NULL);
  return self->problem;
}

/* Another organisation that has a number typed here, or NULL. */
WspRecord *
wsp_organisation_editor_get_duplicate (WspOrganisationEditor *self)
{
  g_return_val_if_fail (WSP_IS_ORGANISATION_EDITOR (self), NULL);
  return self->duplicate;
}

/* Types @text into the row of @field. */
void
wsp_organisation_editor_set_field (WspOrganisationEditor *self,
                                   const char            *field,
                                   const char            *text)
{
  g_return_if_fail (WSP_IS_ORGANISATION_EDITOR (self));
  gtk_editable_set_text (GTK_EDITABLE (row_for_field (self, field)), text);
}

static char *
join_fields (WspRecord *record)
{
  g_auto (GStrv) fields = wsp_record_dup_list (record, "fields");
  return g_strjoinv (", ", fields);
}

static GStrv
split_fields (const char *text)
{
  g_auto (GStrv) parts = g_strsplit_set (text, ",;", -1);
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }
  return g_strv_builder_end (builder);
}

/* Whether what is typed differs from the organisation as it was opened. */
static gboolean
is_dirty (GtkWindow *window)
{
  WspOrganisationEditor *self = WSP_ORGANISATION_EDITOR (window);
  g_autofree char *fields = join_fields (self->organisation);

  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      g_autofree char *text = g_strstrip (g_strdup (text_of (row_for_field (self, text_fields[i]))));
      const char *old = wsp_record_get_string (self->organisation, text_fields[i]);

      if (g_strcmp0 (old != NULL ? old : "", text) != 0)
        return TRUE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (number_fields); i++)
    {
      g_autofree char *value = normalized_number (self, number_fields[i]);
      const char *old = wsp_record_get_string (self->organisation, number_fields[i]);

      if (g_strcmp0 (old != NULL ? old : "", value) != 0)
        return TRUE;
    }
  return g_strcmp0 (fields, text_of (self->fields_row)) != 0;
}

gboolean
wsp_organisation_editor_save (WspOrganisationEditor  *self,
                              GError                **error)
{
  g_autofree char *before = NULL;
  const char *after;

  g_return_val_if_fail (WSP_IS_ORGANISATION_EDITOR (self), FALSE);

  before = join_fields (self->organisation);
  after = text_of (self->fields_row);
  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      g_autofree char *text = g_strstrip (g_strdup (text_of (row_for_field (self, text_fields[i]))));
      const char *old = wsp_record_get_string (self->organisation, text_fields[i]);

      /* Only what the person changed is set. */
      if (g_strcmp0 (old != NULL ? old : "", text) != 0)
        wsp_record_set_string (self->organisation, text_fields[i], text);
    }

  /* Registration numbers are kept as the one rule says (digits only). */
  for (guint i = 0; i < G_N_ELEMENTS (number_fields); i++)
    {
      g_autofree char *value = normalized_number (self, number_fields[i]);
      const char *old = wsp_record_get_string (self->organisation, number_fields[i]);

      if (g_strcmp0 (old != NULL ? old : "", value) != 0)
        wsp_record_set_string (self->organisation, number_fields[i], value);
    }

  if (g_strcmp0 (before, after) != 0)
    {
      g_auto (GStrv) list = split_fields (after);
      wsp_record_set_list (self->organisation, "fields", (const char * const *) list);
    }

  if (!wsp_store_save (self->store, self->organisation, error))
    return FALSE;
  wsp_editor_guard_done (GTK_WINDOW (self));
  g_signal_emit (self, signals[SAVED], 0, wsp_record_get_id (self->organisation));
  return TRUE;
}

static void
save_clicked_cb (WspOrganisationEditor *self)
{
  g_autoptr (GError) error = NULL;

  if (!gtk_widget_get_sensitive (GTK_WIDGET (self->save_button)))
    return;
  if (!wsp_organisation_editor_save (self, &error))
    {
      gtk_label_set_text (self->save_problem, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->save_problem), TRUE);
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

/* Opens the organisation that already has the number, instead of making a
 * second one: what was typed here is dropped. */
static void
open_existing_clicked_cb (WspOrganisationEditor *self)
{
  g_autofree char *id = NULL;

  if (self->duplicate == NULL)
    return;
  id = g_strdup (wsp_record_get_id (self->duplicate));
  wsp_editor_guard_done (GTK_WINDOW (self));
  g_signal_emit (self, signals[OPEN_EXISTING], 0, id);
  gtk_window_close (GTK_WINDOW (self));
}

static void
fill (WspOrganisationEditor *self)
{
  const char *fields_text[] = {
    "name", "short_name", "krs", "nip", "regon", "address", "email", "phone", "website", "notes",
  };
  g_autofree char *fields = join_fields (self->organisation);

  for (guint i = 0; i < G_N_ELEMENTS (fields_text); i++)
    {
      const char *value = wsp_record_get_string (self->organisation, fields_text[i]);
      gtk_editable_set_text (GTK_EDITABLE (row_for_field (self, fields_text[i])), value != NULL ? value : "");
    }
  gtk_editable_set_text (GTK_EDITABLE (self->fields_row), fields);
  gtk_window_set_title (GTK_WINDOW (self), wsp_record_get_revision (self->organisation) != NULL
                                             ? _("Edit Organisation")
                                             : _("New Organisation"));
  validate (self);
}

/* An editor for @organisation, or for a new one when it is NULL. */
WspOrganisationEditor *
wsp_organisation_editor_new (WspStore  *store,
                             WspRecord *organisation)
{
  WspOrganisationEditor *self = g_object_new (WSP_TYPE_ORGANISATION_EDITOR, NULL);

  self->store = g_object_ref (store);
  self->organisation = organisation != NULL ? g_object_ref (organisation)
                                            : WSP_RECORD (wsp_organisation_new ());
  fill (self);
  return self;
}

static void
wsp_organisation_editor_dispose (GObject *object)
{
  WspOrganisationEditor *self = WSP_ORGANISATION_EDITOR (object);

  g_clear_object (&self->store);
  g_clear_object (&self->organisation);
  g_clear_object (&self->duplicate);
  g_clear_pointer (&self->problem, g_free);

  G_OBJECT_CLASS (wsp_organisation_editor_parent_class)->dispose (object);
}

static void
wsp_organisation_editor_class_init (WspOrganisationEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wsp_organisation_editor_dispose;

  /**
   * WspOrganisationEditor::saved:
   * @id: the organisation saved
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                 NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * WspOrganisationEditor::open-existing:
   * @id: the organisation that already has a number typed in the editor
   *
   * The person chose to open it instead of saving another.
   */
  signals[OPEN_EXISTING] = g_signal_new ("open-existing", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                         NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Wspolnie/members/wsp-organisation-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, WspOrganisationEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, WspOrganisationEditor, numbers_problem);
  gtk_widget_class_bind_template_child (widget_class, WspOrganisationEditor, contact_problem);
  gtk_widget_class_bind_template_child (widget_class, WspOrganisationEditor, duplicate_box);
  gtk_widget_class_bind_template_child (widget_class, WspOrganisationEditor, duplicate_label);
  gtk_widget_class_bind_template_child (widget_class, WspOrganisationEditor, save_problem);
  gtk_widget_class_bind_template_child (widget_class, WspOrganisationEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, WspOrganisationEditor, short_name_row);
  gtk_widget_class_bind_template_child (widget_class, WspOrganisationEditor, krs_row);
  gtk_widget_class_bind_template_child (widget_class, WspOrganisationEditor, nip_row);
  gtk_widget_class_bind_template_child (widget_class, WspOrganisationEditor, regon_row);
  gtk_widget_class_bind_template_child (widget_class, WspOrganisationEditor, address_row);
  gtk_widget_class_bind_template_child (widget_class, WspOrganisationEditor, email_row);
  gtk_widget_class_bind_template_child (widget_class, WspOrganisationEditor, phone_row);
  gtk_widget_class_bind_template_child (widget_class, WspOrganisationEditor, website_row);
  gtk_widget_class_bind_template_child (widget_class, WspOrganisationEditor, fields_row);
  gtk_widget_class_bind_template_child (widget_class, WspOrganisationEditor, notes_row);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, open_existing_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_install_action (widget_class, "editor.save", NULL,
                                   (GtkWidgetActionActivateFunc) save_clicked_cb);
}

static void
wsp_organisation_editor_init (WspOrganisationEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  wsp_editor_guard_install (GTK_WINDOW (self), is_dirty, GTK_WIDGET (self->name_row));
}
