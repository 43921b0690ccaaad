/* wsp-csv-import-dialog.c — importing the city's register of organisations
 *
 * Three steps: choose a CSV file; say which column holds what (guessed from
 * the header, with a preview of the first rows as they would be imported);
 * import, with a report of what was added, updated and skipped and why. Bad
 * rows never stop the good ones and never leave half an organisation.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "members/wsp-csv-import-dialog.h"
#include "widgets/wsp-gui-util.h"

#define PREVIEW_ROWS 5
#define PREVIEW_SKIPPED 50

struct _WspCsvImportDialog
{
  AdwWindow           parent_instance;

  WspStore           *store;
  GBytes             *bytes;
  char               *file_name;
  WspCsvTable        *table;
  guint               n_new;
  guint               n_updated;
  guint               n_skipped;
  WspCsvField        *mapping;
  WspCsvImportReport  report;
  GtkFileChooserNative *chooser;

  GtkStack            *stack;
  GtkButton           *import_button;
  GtkLabel            *choose_problem;
  AdwComboRow         *encoding_row;
  gboolean             setting_encoding;
  AdwPreferencesGroup *columns_group;
  AdwPreferencesGroup *preview_group;
  AdwStatusPage       *report_page;
  AdwPreferencesGroup *skipped_group;
  GtkLabel            *problem_label;
  GtkSpinner          *spinner;
  GPtrArray           *column_rows;
  GPtrArray           *preview_rows;
  GPtrArray           *skipped_rows;
};

G_DEFINE_FINAL_TYPE (WspCsvImportDialog, wsp_csv_import_dialog, ADW_TYPE_WINDOW)

/* "choose", "map", "importing" or "report". */
const char *
wsp_csv_import_dialog_get_step (WspCsvImportDialog *self)
{
  g_return_val_if_fail (WSP_IS_CSV_IMPORT_DIALOG (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

/* The Import button (for tests, which press it as a person does). */
GtkWidget *
wsp_csv_import_dialog_get_import_button (WspCsvImportDialog *self)
{
  g_return_val_if_fail (WSP_IS_CSV_IMPORT_DIALOG (self), NULL);
  return GTK_WIDGET (self->import_button);
}

const WspCsvImportReport *
wsp_csv_import_dialog_get_report (WspCsvImportDialog *self)
{
  g_return_val_if_fail (WSP_IS_CSV_IMPORT_DIALOG (self), NULL);
  return &self->report;
}

static const char *
cell_for (WspCsvImportDialog *self,
          guint               row,
          WspCsvField         field)
{
  for (guint c = 0; c < wsp_csv_table_get_n_columns (self->table); c++)
    if (self->mapping[c] == field)
      return wsp_csv_table_get_cell (self->table, row, c);
  return NULL;
}

static gboolean
has_name_column (WspCsvImportDialog *self)
{
  for (guint c = 0; self->table != NULL && c < wsp_csv_table_get_n_columns (self->table); c++)
    if (self->mapping[c] == WSP_CSV_FIELD_NAME)
      return TRUE;
  return FALSE;
}

/* The first rows as they would be imported, and the rows that would be
 * skipped, with the reason: the import's own rules, run without writing. */
static void
update_preview (WspCsvImportDialog *self)
{
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GError) error = NULL;
  guint shown_skipped = 0;

  for (guint i = 0; i < self->preview_rows->len; i++)
    adw_preferences_group_remove (self->preview_group, g_ptr_array_index (self->preview_rows, i));
  g_ptr_array_set_size (self->preview_rows, 0);
  self->n_new = self->n_updated = self->n_skipped = 0;

  if (has_name_column (self))
    rows = wsp_csv_preview (self->store, self->table, self->mapping, &error);
  for (guint r = 0; rows != NULL && r < rows->len; r++)
    {
      const WspCsvRowPreview *preview = g_ptr_array_index (rows, r);
      const char *krs = cell_for (self, r, WSP_CSV_FIELD_KRS);
      const char *nip = cell_for (self, r, WSP_CSV_FIELD_NIP);
      gboolean skipped = preview->fate == WSP_CSV_ROW_SKIPPED;
      g_autoptr (GString) line = g_string_new (NULL);
      g_autofree char *title = NULL;
      GtkWidget *row;

      if (preview->fate == WSP_CSV_ROW_NEW)
        self->n_new++;
      else if (preview->fate == WSP_CSV_ROW_UPDATE)
        self->n_updated++;
      else
        self->n_skipped++;
      if (skipped ? shown_skipped >= PREVIEW_SKIPPED : r >= PREVIEW_ROWS)
        continue;

      if (skipped)
        {
          shown_skipped++;
          g_string_append (line, preview->reason);
        }
      else
        {
          g_string_append (line, preview->fate == WSP_CSV_ROW_NEW ? _("New") : _("Updates the one already here"));
          if (krs != NULL && *krs != '\0')
            g_string_append_printf (line, " · %s %s", _("KRS"), krs);
          if (nip != NULL && *nip != '\0')
            g_string_append_printf (line, " · %s %s", _("NIP"), nip);
        }
      /* Translators: a row of the register in the preview: its line in the file, the organisation */
      title = g_strdup_printf (_("Line %u: %s"), preview->line,
                               preview->name != NULL && *preview->name != '\0' ? preview->name : _("(no name)"));
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), line->str);
      if (skipped)
        {
          GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

          gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _("Will be skipped"), -1);
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
          gtk_widget_add_css_class (row, "warning");
          g_object_set_data (G_OBJECT (row), "skipped", GINT_TO_POINTER (TRUE));
        }
      adw_preferences_group_add (self->preview_group, row);
      g_ptr_array_add (self->preview_rows, row);
    }
  if (rows != NULL)
    {
      /* Translators: the preview's summary: how many rows would add an
       * organisation, fill in one already here, be skipped */
      g_autofree char *summary = g_strdup_printf (_("%u to add, %u to update, %u to skip."), self->n_new,
                                                  self->n_updated, self->n_skipped);

      adw_preferences_group_set_title (self->preview_group, summary);
    }
  else
    adw_preferences_group_set_title (self->preview_group, _("Preview"));

  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), has_name_column (self));
  gtk_label_set_text (self->problem_label,
                      has_name_column (self) ? (error != NULL ? error->message : "")
                                             : _("Choose the column that holds the organisations’ names."));
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), !has_name_column (self) || error != NULL);
}

/* How many rows the preview says will be skipped. */
guint
wsp_csv_import_dialog_get_n_skipped (WspCsvImportDialog *self)
{
  g_return_val_if_fail (WSP_IS_CSV_IMPORT_DIALOG (self), 0);
  return self->n_skipped;
}

/* The rows of the preview (for tests). */
GPtrArray *
wsp_csv_import_dialog_get_preview_rows (WspCsvImportDialog *self)
{
  g_return_val_if_fail (WSP_IS_CSV_IMPORT_DIALOG (self), NULL);
  return self->preview_rows;
}

/* The encoding chooser (for tests). */
GtkWidget *
wsp_csv_import_dialog_get_encoding_row (WspCsvImportDialog *self)
{
  g_return_val_if_fail (WSP_IS_CSV_IMPORT_DIALOG (self), NULL);
  return GTK_WIDGET (self->encoding_row);
}

/* What the file chosen could not be read for, or NULL. */
const char *
wsp_csv_import_dialog_get_refusal (WspCsvImportDialog *self)
{
  g_return_val_if_fail (WSP_IS_CSV_IMPORT_DIALOG (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->choose_problem)) ? gtk_label_get_text (self->choose_problem)
                                                                    : NULL;
}

static void
mapping_changed_cb (AdwComboRow        *row,
                    GParamSpec         *pspec,
                    WspCsvImportDialog *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "column"));

  self->mapping[column] = (WspCsvField) adw_combo_row_get_selected (row);
  update_preview (self);
}

void
wsp_csv_import_dialog_set_mapping (WspCsvImportDialog *self,
                                   guint               column,
                                   WspCsvField         field)
{
  g_return_if_fail (WSP_IS_CSV_IMPORT_DIALOG (self));
  g_return_if_fail (column < self->column_rows->len);
  adw_combo_row_set_selected (g_ptr_array_index (self->column_rows, column), field);
}

WspCsvField
wsp_csv_import_dialog_get_mapping (WspCsvImportDialog *self,
                                   guint               column)
{
  g_return_val_if_fail (WSP_IS_CSV_IMPORT_DIALOG (self), WSP_CSV_FIELD_IGNORE);
  g_return_val_if_fail (self->table != NULL && column < wsp_csv_table_get_n_columns (self->table),
                        WSP_CSV_FIELD_IGNORE);
  return self->mapping[column];
}

static GListModel *
field_choices (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint f = 0; f < WSP_CSV_N_FIELDS; f++)
    gtk_string_list_append (list, wsp_csv_field_label (f));
  return G_LIST_MODEL (list);
}

static void encoding_changed_cb (WspCsvImportDialog *self);

/* Shows @table: a row per column saying what it holds (guessed from the
 * header, or kept when the same columns are read again in another
 * encoding), and the preview. */
static void
show_table (WspCsvImportDialog *self,
            WspCsvTable        *table)
{
  guint columns = wsp_csv_table_get_n_columns (table);
  gboolean same_columns = self->table != NULL && wsp_csv_table_get_n_columns (self->table) == columns;
  const char * const *encodings = wsp_csv_get_encodings ();

  g_clear_pointer (&self->table, wsp_csv_table_free);
  self->table = wsp_csv_table_ref (table);
  if (!same_columns)
    {
      g_free (self->mapping);
      self->mapping = g_new0 (WspCsvField, MAX (columns, 1));
      wsp_csv_guess_mapping (self->table, self->mapping);
    }

  for (guint i = 0; i < self->column_rows->len; i++)
    adw_preferences_group_remove (self->columns_group, g_ptr_array_index (self->column_rows, i));
  g_ptr_array_set_size (self->column_rows, 0);

  for (guint c = 0; c < columns; c++)
    {
      AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());
      g_autoptr (GListModel) choices = field_choices ();
      const char *header = wsp_csv_table_get_header (self->table, c);
      const char *example = wsp_csv_table_get_n_rows (self->table) > 0
                              ? wsp_csv_table_get_cell (self->table, 0, c) : "";
      g_autofree char *title = header != NULL && *header != '\0'
                                 ? g_strdup (header)
                                 /* Translators: a CSV column without a header */
                                 : g_strdup_printf (_("Column %u"), c + 1);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), example);
      adw_combo_row_set_model (row, choices);
      adw_combo_row_set_selected (row, self->mapping[c]);
      g_object_set_data (G_OBJECT (row), "column", GUINT_TO_POINTER (c));
      g_signal_connect (row, "notify::selected", G_CALLBACK (mapping_changed_cb), self);
      adw_preferences_group_add (self->columns_group, GTK_WIDGET (row));
      g_ptr_array_add (self->column_rows, row);
    }

  {
    g_autofree char *description = g_strdup_printf (
      ngettext ("%s: %u organisation. Say which column holds what.",
                "%s: %u organisations. Say which column holds what.",
                wsp_csv_table_get_n_rows (self->table)),
      self->file_name != NULL ? self->file_name : _("The file"), wsp_csv_table_get_n_rows (self->table));
    adw_preferences_group_set_description (self->columns_group, description);
  }

  self->setting_encoding = TRUE;
  for (guint i = 0; encodings[i] != NULL; i++)
    if (g_strcmp0 (encodings[i], wsp_csv_table_get_encoding (self->table)) == 0)
      adw_combo_row_set_selected (self->encoding_row, i);
  self->setting_encoding = FALSE;

  update_preview (self);
  gtk_widget_set_visible (GTK_WIDGET (self->choose_problem), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->import_button), TRUE);
  gtk_stack_set_visible_child_name (self->stack, "map");
}

/* Reads @bytes as the register and shows the mapping step. */
gboolean
wsp_csv_import_dialog_load (WspCsvImportDialog  *self,
                            GBytes              *bytes,
                            const char          *file_name,
                            GError             **error)
{
  g_autoptr (WspCsvTable) table = NULL;

  g_return_val_if_fail (WSP_IS_CSV_IMPORT_DIALOG (self), FALSE);

  table = wsp_csv_table_parse (bytes, error);
  if (table == NULL)
    return FALSE;
  g_clear_pointer (&self->bytes, g_bytes_unref);
  self->bytes = g_bytes_ref (bytes);
  g_free (self->file_name);
  self->file_name = g_strdup (file_name);
  g_clear_pointer (&self->table, wsp_csv_table_free);
  show_table (self, table);
  return TRUE;
}

/* The person says the file is in another encoding: it is read again. */
static void
encoding_changed_cb (WspCsvImportDialog *self)
{
  const char * const *encodings = wsp_csv_get_encodings ();
  guint index = adw_combo_row_get_selected (self->encoding_row);
  g_autoptr (WspCsvTable) table = NULL;
  g_autoptr (GError) error = NULL;

  if (self->setting_encoding || self->bytes == NULL || index >= g_strv_length ((char **) encodings))
    return;
  table = wsp_csv_table_parse_as (self->bytes, encodings[index], &error);
  if (table == NULL)
    {
      gtk_label_set_text (self->problem_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->problem_label), TRUE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), FALSE);
      return;
    }
  show_table (self, table);
}

/* Reads the file the person chose; what is wrong with it is said here, in
 * the dialog (a spreadsheet saved as .xlsx, a picture, an empty file). */
gboolean
wsp_csv_import_dialog_load_file (WspCsvImportDialog *self,
                                 GFile              *file)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *name = g_file_get_basename (file);

  g_return_val_if_fail (WSP_IS_CSV_IMPORT_DIALOG (self), FALSE);

  bytes = g_file_load_bytes (file, NULL, NULL, &error);
  if (bytes != NULL && wsp_csv_import_dialog_load (self, bytes, name, &error))
    return TRUE;
  {
    /* Translators: %s is the file's name, then what is wrong with it */
    g_autofree char *text = g_strdup_printf (_("“%s” cannot be imported. %s"), name, error->message);

    gtk_label_set_text (self->choose_problem, text);
  }
  gtk_widget_set_visible (GTK_WIDGET (self->choose_problem), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->import_button), FALSE);
  gtk_stack_set_visible_child_name (self->stack, "choose");
  return FALSE;
}

static void
show_report (WspCsvImportDialog *self)
{
  g_autofree char *description = NULL;

  for (guint i = 0; i < self->skipped_rows->len; i++)
    adw_preferences_group_remove (self->skipped_group, g_ptr_array_index (self->skipped_rows, i));
  g_ptr_array_set_size (self->skipped_rows, 0);

  /* Translators: the result of importing the register */
  description = g_strdup_printf (_("Added %u, updated %u, unchanged %u, skipped %u."),
                                 self->report.added, self->report.updated, self->report.unchanged,
                                 self->report.skipped);
  adw_status_page_set_description (self->report_page, description);
  adw_status_page_set_title (self->report_page, self->report.skipped > 0 ? _("Imported, With Rows Skipped")
                                                                         : _("Imported"));

  for (guint i = 0; self->report.skipped_rows != NULL && i < self->report.skipped_rows->len; i++)
    {
      WspCsvSkippedRow *skipped = g_ptr_array_index (self->report.skipped_rows, i);
      g_autofree char *title = g_strdup_printf (_("Line %u: %s"), skipped->line,
                                                skipped->name != NULL && *skipped->name != '\0'
                                                  ? skipped->name : _("(no name)"));
      GtkWidget *row = wsp_gui_value_row (title, skipped->reason);

      adw_preferences_group_add (self->skipped_group, row);
      g_ptr_array_add (self->skipped_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->skipped_group), self->skipped_rows->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->import_button), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), TRUE);
  gtk_stack_set_visible_child_name (self->stack, "report");
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr (WspCsvImportDialog) self = user_data;
  g_autoptr (GError) error = NULL;
  WspCsvImportReport report = { 0 };
  gboolean ok = wsp_csv_import_finish (WSP_STORE (source), result, &report, &error);

  /* Closed meanwhile: the import went on all the same. */
  if (self->store == NULL)
    {
      wsp_csv_import_report_clear (&report);
      return;
    }
  gtk_spinner_stop (self->spinner);
  if (!ok)
    {
      gtk_stack_set_visible_child_name (self->stack, "map");
      gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), TRUE);
      gtk_label_set_text (self->problem_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->problem_label), TRUE);
      return;
    }
  wsp_csv_import_report_clear (&self->report);
  self->report = report;
  show_report (self);
}

/* Imports with the current mapping, in a worker thread, then shows the
 * report. */
static void
import_clicked_cb (WspCsvImportDialog *self)
{
  g_return_if_fail (self->table != NULL);

  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), FALSE);
  gtk_stack_set_visible_child_name (self->stack, "importing");
  gtk_spinner_start (self->spinner);
  wsp_csv_import_async (self->store, self->table, self->mapping, NULL, import_done_cb,
                        g_object_ref (self));
}

static void
chooser_response_cb (GtkNativeDialog    *chooser,
                     int                 response,
                     WspCsvImportDialog *self)
{
  g_autoptr (GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      wsp_csv_import_dialog_load_file (self, file);
    }
  g_clear_object (&self->chooser);
}

static void
choose_clicked_cb (WspCsvImportDialog *self)
{
  g_autoptr (GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr (GtkFileFilter) all = gtk_file_filter_new ();

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Choose the Register"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (csv, _("CSV files"));
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_add_pattern (csv, "*.csv");
  gtk_file_filter_add_pattern (csv, "*.CSV");
  gtk_file_filter_add_pattern (csv, "*.txt");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), csv);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

WspCsvImportDialog *
wsp_csv_import_dialog_new (WspStore *store)
{
  WspCsvImportDialog *self = g_object_new (WSP_TYPE_CSV_IMPORT_DIALOG, NULL);

  self->store = g_object_ref (store);
  return self;
}

static void
wsp_csv_import_dialog_dispose (GObject *object)
{
  WspCsvImportDialog *self = WSP_CSV_IMPORT_DIALOG (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->store);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->file_name, g_free);
  g_clear_pointer (&self->table, wsp_csv_table_free);
  g_clear_pointer (&self->mapping, g_free);
  g_clear_pointer (&self->column_rows, g_ptr_array_unref);
  g_clear_pointer (&self->preview_rows, g_ptr_array_unref);
  g_clear_pointer (&self->skipped_rows, g_ptr_array_unref);
  wsp_csv_import_report_clear (&self->report);

  G_OBJECT_CLASS (wsp_csv_import_dialog_parent_class)->dispose (object);
}

static void
wsp_csv_import_dialog_class_init (WspCsvImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wsp_csv_import_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Wspolnie/members/wsp-csv-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, WspCsvImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, WspCsvImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, WspCsvImportDialog, columns_group);
  gtk_widget_class_bind_template_child (widget_class, WspCsvImportDialog, preview_group);
  gtk_widget_class_bind_template_child (widget_class, WspCsvImportDialog, report_page);
  gtk_widget_class_bind_template_child (widget_class, WspCsvImportDialog, skipped_group);
  gtk_widget_class_bind_template_child (widget_class, WspCsvImportDialog, problem_label);
  gtk_widget_class_bind_template_child (widget_class, WspCsvImportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, WspCsvImportDialog, choose_problem);
  gtk_widget_class_bind_template_child (widget_class, WspCsvImportDialog, encoding_row);
  gtk_widget_class_bind_template_callback (widget_class, choose_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, import_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
wsp_csv_import_dialog_init (WspCsvImportDialog *self)
{
  self->column_rows = g_ptr_array_new ();
  self->preview_rows = g_ptr_array_new ();
  self->skipped_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  {
    g_autoptr (GtkStringList) encodings = gtk_string_list_new ((const char * const *) wsp_csv_get_encodings ());

    adw_combo_row_set_model (self->encoding_row, G_LIST_MODEL (encodings));
    g_signal_connect_swapped (self->encoding_row, "notify::selected", G_CALLBACK (encoding_changed_cb), self);
  }
}
