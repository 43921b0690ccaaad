/* wsp-organisation-editor.c — adding and editing an organisation
 *
 * Registration numbers are checked as they are typed: a wrong KRS, NIP or
 * REGON marks its row and says which number is wrong and why, and Save waits
 * until every number is right. Saving sets only what was changed, on top of
 * the organisation as it is now, so an edit never undoes another laptop's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "base/wsp-identifiers.h"
#include "records/wsp-records-members.h"
#include "members/wsp-organisation-editor.h"

struct _WspOrganisationEditor
{
  AdwWindow  parent_instance;

  WspStore  *store;
  WspRecord *organisation;
  char      *problem;

  GtkButton    *save_button;
  GtkLabel     *numbers_problem;
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

static GtkEditable *
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
      return GTK_EDITABLE (rows[i].row);
  g_return_val_if_reached (NULL);
}

static const char *
text_of (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static gboolean
check_number (AdwEntryRow *row,
              gboolean   (*check) (const char *, GError **),
              GString     *problems)
{
  g_autoptr (GError) error = NULL;
  const char *text = text_of (row);

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

/* Checks what is typed; Save is possible only when it can be saved. */
static void
validate (WspOrganisationEditor *self)
{
  g_autoptr (GString) problems = g_string_new (NULL);
  gboolean ok = TRUE;
  g_autofree char *name = g_strstrip (g_strdup (text_of (self->name_row)));

  ok &= check_number (self->krs_row, wsp_krs_is_valid, problems);
  ok &= check_number (self->nip_row, wsp_nip_is_valid, problems);
  ok &= check_number (self->regon_row, wsp_regon_is_valid, problems);
  gtk_label_set_text (self->numbers_problem, problems->str);
  gtk_widget_set_visible (GTK_WIDGET (self->numbers_problem), problems->len > 0);

  g_clear_pointer (&self->problem, g_free);
  if (problems->len > 0)
    self->problem = g_strdup (problems->str);
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

/* Types @text into the row of @field, as a person would. */
void
wsp_organisation_editor_set_field (WspOrganisationEditor *self,
                                   const char            *field,
                                   const char            *text)
{
  g_return_if_fail (WSP_IS_ORGANISATION_EDITOR (self));
  gtk_editable_set_text (row_for_field (self, field), text);
}

static void
set_text_field (WspRecord   *record,
                const char  *field,
                AdwEntryRow *row)
{
  g_autofree char *text = g_strstrip (g_strdup (text_of (row)));
  const char *old = wsp_record_get_string (record, field);

  /* Only what the person changed is set. */
  if (g_strcmp0 (old != NULL ? old : "", text) != 0)
    wsp_record_set_string (record, field, text);
}

static char *
join_fields (WspRecord *record)
{
  g_auto (GStrv) fields = wsp_record_dup_list (record, "fields");
  return g_strjoinv (", ", fields);
}

gboolean
wsp_organisation_editor_save (WspOrganisationEditor  *self,
                              GError                **error)
{
  static const char *text_fields[] = {
    "name", "short_name", "address", "email", "phone", "website", "notes",
  };
  g_autofree char *before = join_fields (self->organisation);
  const char *after = text_of (self->fields_row);

  g_return_val_if_fail (WSP_IS_ORGANISATION_EDITOR (self), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    set_text_field (self->organisation, text_fields[i],
                    ADW_ENTRY_ROW (row_for_field (self, text_fields[i])));

  /* Registration numbers are kept as digits only. */
  {
    const char *numbers[] = { "krs", "nip", "regon" };
    for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
      {
        g_autofree char *digits = wsp_identifier_normalize (gtk_editable_get_text (row_for_field (self, numbers[i])));
        const char *old = wsp_record_get_string (self->organisation, numbers[i]);

        if (g_strcmp0 (old != NULL ? old : "", digits) != 0)
          wsp_record_set_string (self->organisation, numbers[i], digits);
      }
  }

  if (g_strcmp0 (before, after) != 0)
    {
      g_auto (GStrv) parts = g_strsplit_set (after, ",;", -1);
      g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
      g_auto (GStrv) list = NULL;

      for (guint i = 0; parts[i] != NULL; i++)
        {
          g_strstrip (parts[i]);
          if (*parts[i] != '\0')
            g_strv_builder_add (builder, parts[i]);
        }
      list = g_strv_builder_end (builder);
      wsp_record_set_list (self->organisation, "fields", (const char * const *) list);
    }

  return wsp_store_save (self->store, self->organisation, error);
}

static void
save_clicked_cb (WspOrganisationEditor *self)
{
  g_autoptr (GError) error = NULL;

  if (!wsp_organisation_editor_save (self, &error))
    {
      gtk_label_set_text (self->save_problem, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->save_problem), TRUE);
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

static void
fill (WspOrganisationEditor *self)
{
  const char *text_fields[] = {
    "name", "short_name", "krs", "nip", "regon", "address", "email", "phone", "website", "notes",
  };
  g_autofree char *fields = join_fields (self->organisation);

  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      const char *value = wsp_record_get_string (self->organisation, text_fields[i]);
      gtk_editable_set_text (row_for_field (self, text_fields[i]), value != NULL ? value : "");
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
  g_clear_pointer (&self->problem, g_free);

  G_OBJECT_CLASS (wsp_organisation_editor_parent_class)->dispose (object);
}

static void
wsp_organisation_editor_class_init (WspOrganisationEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wsp_organisation_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Wspolnie/members/wsp-organisation-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, WspOrganisationEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, WspOrganisationEditor, numbers_problem);
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

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_install_action (widget_class, "editor.save", NULL,
                                   (GtkWidgetActionActivateFunc) save_clicked_cb);
}

static void
wsp_organisation_editor_init (WspOrganisationEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
