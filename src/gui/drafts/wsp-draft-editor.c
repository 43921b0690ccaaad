/* wsp-draft-editor.c — registering a draft, or its corrected version, from its text
 *
 * The text is pasted or read from a file (wsp_draft_read_file()); while it
 * is edited, a moment after each change, it is split again
 * (wsp_draft_split(), a few milliseconds even for a long programme) and the
 * units listed under it: the preview. A unit is fixed in the text itself,
 * which stays the one source of the units: "Split at Cursor" breaks the
 * line where the cursor is (a unit starts there only if its number does),
 * "Merge with Previous" joins the chosen unit's first line to the line
 * before it. Choosing a unit shows its place in the text.
 *
 * For a new draft the title and the kind are guessed from the text (until
 * typed), and the deadline is worked out as the details are filled in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "domain/wsp-drafts.h"
#include "drafts/wsp-draft-editor.h"
#include "drafts/wsp-draft-labels.h"
#include "import/wsp-draft-import.h"
#include "import/wsp-draft-reader.h"
#include "import/wsp-draft-split.h"
#include "records/wsp-records-drafts.h"
#include "widgets/wsp-gui-util.h"

struct _WspDraftEditor
{
  AdwWindow             parent_instance;

  WspStore             *store;
  WspRecord            *draft;       /* a new version's draft; NULL: a new draft */
  GPtrArray            *units;
  GtkStringList        *unit_lines;  /* "key\tfirst words" */
  GtkSingleSelection   *selection;
  char                 *file_name;
  GtkFileChooserNative *chooser;
  guint                 split_id;
  gboolean              title_typed;
  gboolean              guessing;

  AdwWindowTitle       *window_title;
  GtkWidget            *save_button;
  AdwPreferencesGroup  *details_group;
  AdwEntryRow          *title_row;
  AdwComboRow          *sender_row;
  AdwEntryRow          *from_row;
  AdwEntryRow          *delivered_row;
  AdwComboRow          *kind_row;
  AdwEntryRow          *days_row;
  AdwActionRow         *deadline_row;
  AdwPreferencesGroup  *version_group;
  AdwEntryRow          *received_row;
  GtkTextView          *text_view;
  GtkLabel             *problem_label;
  GtkLabel             *units_label;
  GtkListView          *units_list;
};

G_DEFINE_FINAL_TYPE (WspDraftEditor, wsp_draft_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
valid_day (const char *text)
{
  int y, m, d;
  char extra;

  return text != NULL && strlen (text) == 10 && sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &extra) == 3
         && g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y);
}

static char *
buffer_text (WspDraftEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
say (WspDraftEditor *self,
     const char     *problem)
{
  gtk_label_set_text (self->problem_label, problem != NULL ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), problem != NULL);
}

/* ---- the preview --------------------------------------------------------- */

static void
resplit (WspDraftEditor *self)
{
  g_autofree char *text = buffer_text (self);
  g_autofree char *normal = wsp_draft_text_normalize (text);
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *count = NULL;
  guint selected = gtk_single_selection_get_selected (self->selection);

  g_clear_pointer (&self->units, g_ptr_array_unref);
  self->units = normal[0] != '\0' ? wsp_draft_split (normal) : wsp_draft_units_new ();
  for (guint i = 0; i < self->units->len; i++)
    {
      WspDraftUnit *unit = g_ptr_array_index (self->units, i);
      g_autofree char *words = wsp_draft_unit_dup_excerpt (unit, 12);
      g_autofree char *title = wsp_draft_unit_title (unit);

      g_ptr_array_add (lines, g_strdup_printf ("%s\t%s", title, words));
    }
  g_ptr_array_add (lines, NULL);
  gtk_string_list_splice (self->unit_lines, 0, g_list_model_get_n_items (G_LIST_MODEL (self->unit_lines)),
                          (const char * const *) lines->pdata);
  if (selected != GTK_INVALID_LIST_POSITION && selected < self->units->len)
    gtk_single_selection_set_selected (self->selection, selected);
  count = g_strdup_printf (ngettext ("%u unit", "%u units", self->units->len), self->units->len);
  gtk_label_set_text (self->units_label, count);

  /* A title and a kind from the text, until one is typed. */
  if (self->draft == NULL && !self->title_typed)
    {
      g_autofree char *title = wsp_draft_guess_title (self->units);

      self->guessing = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->title_row), title != NULL ? title : "");
      adw_combo_row_set_selected (self->kind_row,
                                  (guint) wsp_choice_value (wsp_draft_kind_choices,
                                                            wsp_draft_guess_kind (title != NULL ? title : ""),
                                                            WSP_DRAFT_KIND_OTHER));
      self->guessing = FALSE;
    }
}

static gboolean
split_idle_cb (gpointer data)
{
  WspDraftEditor *self = data;

  self->split_id = 0;
  resplit (self);
  return G_SOURCE_REMOVE;
}

static void
text_changed_cb (WspDraftEditor *self)
{
  g_clear_handle_id (&self->split_id, g_source_remove);
  self->split_id = g_timeout_add (250, split_idle_cb, self);
}

/* Splits now what was typed (the preview waits a moment after each key). */
static void
flush (WspDraftEditor *self)
{
  if (self->split_id != 0)
    {
      g_clear_handle_id (&self->split_id, g_source_remove);
      resplit (self);
    }
}

static void
set_text (WspDraftEditor *self,
          const char     *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), text, -1);
  flush (self);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *key = gtk_label_new (NULL);
  GtkWidget *words = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_widget_set_margin_start (box, 8);
  gtk_widget_set_margin_end (box, 8);
  gtk_label_set_xalign (GTK_LABEL (key), 0);
  gtk_label_set_wrap (GTK_LABEL (key), TRUE);
  gtk_widget_add_css_class (key, "heading");
  gtk_label_set_xalign (GTK_LABEL (words), 0);
  gtk_label_set_ellipsize (GTK_LABEL (words), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (words, "dim-label");
  gtk_box_append (GTK_BOX (box), key);
  gtk_box_append (GTK_BOX (box), words);
  gtk_list_item_set_child (item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  data)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  const char *line = gtk_string_object_get_string (gtk_list_item_get_item (item));
  const char *tab = strchr (line, '\t');
  g_autofree char *key = tab != NULL ? g_strndup (line, (gsize) (tab - line)) : g_strdup (line);

  gtk_label_set_text (GTK_LABEL (gtk_widget_get_first_child (box)), key);
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_last_child (box)), tab != NULL ? tab + 1 : "");
}

/* Shows where the unit at @position starts in the text. */
static void
unit_activate_cb (WspDraftEditor *self,
                  guint           position)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  WspDraftUnit *unit;
  GtkTextIter iter;

  if (self->units == NULL || position >= self->units->len)
    return;
  unit = g_ptr_array_index (self->units, position);
  if (unit->line < 0)
    return;
  gtk_text_buffer_get_iter_at_line (buffer, &iter, unit->line);
  gtk_text_buffer_place_cursor (buffer, &iter);
  gtk_text_view_scroll_to_iter (self->text_view, &iter, 0.1, TRUE, 0, 0.2);
}

static void
selected_cb (WspDraftEditor *self)
{
  guint position = gtk_single_selection_get_selected (self->selection);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.merge", position != GTK_INVALID_LIST_POSITION && position > 0);
  if (position != GTK_INVALID_LIST_POSITION)
    unit_activate_cb (self, position);
}

static void
merge_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  WspDraftEditor *self = WSP_DRAFT_EDITOR (widget);
  guint position;
  g_autofree char *text = NULL;
  g_autofree char *merged = NULL;
  g_autoptr (GError) error = NULL;

  flush (self);
  position = gtk_single_selection_get_selected (self->selection);
  if (position == GTK_INVALID_LIST_POSITION || self->units == NULL || position >= self->units->len)
    {
      say (self, _("Choose the unit to merge with the one before it."));
      return;
    }
  text = buffer_text (self);
  merged = wsp_draft_text_merge_unit (text, self->units, position, &error);
  if (merged == NULL)
    {
      say (self, error->message);
      return;
    }
  say (self, NULL);
  set_text (self, merged);
  gtk_single_selection_set_selected (self->selection, position - 1);
}

static void
split_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  WspDraftEditor *self = WSP_DRAFT_EDITOR (widget);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, cursor;
  g_autofree char *text = NULL;
  g_autofree char *before = NULL;
  g_autofree char *split = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *normal = NULL;

  /* The text is normalized first, as the splitter reads it. */
  text = buffer_text (self);
  normal = wsp_draft_text_normalize (text);
  if (g_strcmp0 (normal, text) != 0)
    {
      GtkTextIter at;
      int offset;

      gtk_text_buffer_get_iter_at_mark (buffer, &at, gtk_text_buffer_get_insert (buffer));
      offset = gtk_text_iter_get_offset (&at);
      gtk_text_buffer_set_text (buffer, normal, -1);
      gtk_text_buffer_get_iter_at_offset (buffer, &at, offset);
      gtk_text_buffer_place_cursor (buffer, &at);
      g_free (text);
      text = buffer_text (self);
    }
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  before = gtk_text_buffer_get_text (buffer, &start, &cursor, FALSE);
  split = wsp_draft_text_split_at (text, strlen (before), &error);
  if (split == NULL)
    {
      say (self, error->message);
      return;
    }
  say (self, NULL);
  set_text (self, split);
}

/* ---- the file -------------------------------------------------------------- */

/* Reads the text of @file into the editor; FALSE (and says why) when it
 * cannot be read. */
gboolean
wsp_draft_editor_load_file (WspDraftEditor *self,
                            GFile          *file)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (WSP_IS_DRAFT_EDITOR (self), FALSE);
  text = wsp_draft_read_file (file, NULL, &error);
  if (text == NULL)
    {
      say (self, error->message);
      return FALSE;
    }
  say (self, NULL);
  g_free (self->file_name);
  self->file_name = g_file_get_basename (file);
  set_text (self, text);
  return TRUE;
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     WspDraftEditor  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      wsp_draft_editor_load_file (self, file);
    }
  g_clear_object (&self->chooser);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  WspDraftEditor *self = WSP_DRAFT_EDITOR (widget);
  g_autoptr (GtkFileFilter) documents = gtk_file_filter_new ();
  g_autoptr (GtkFileFilter) all = gtk_file_filter_new ();

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Open the Draft’s Text"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (documents, _("Documents (.odt, .docx, .txt)"));
  gtk_file_filter_add_pattern (documents, "*.odt");
  gtk_file_filter_add_pattern (documents, "*.docx");
  gtk_file_filter_add_pattern (documents, "*.txt");
  gtk_file_filter_add_pattern (documents, "*.ODT");
  gtk_file_filter_add_pattern (documents, "*.DOCX");
  gtk_file_filter_add_pattern (documents, "*.TXT");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), documents);
  /* Anything else is tried too, and refused with what to do instead. */
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* ---- the details ------------------------------------------------------------ */

static void
title_changed_cb (WspDraftEditor *self)
{
  if (!self->guessing)
    self->title_typed = gtk_editable_get_text (GTK_EDITABLE (self->title_row))[0] != '\0';
}

static gint64
days_typed (WspDraftEditor *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->days_row));
  guint64 days = 0;

  if (text[0] == '\0' || !g_ascii_string_to_unsigned (text, 10, 1, 365, &days, NULL))
    return 0;
  return (gint64) days;
}

static void
deadline_inputs_changed_cb (WspDraftEditor *self)
{
  g_autoptr (WspRecord) probe = WSP_RECORD (wsp_draft_new ());
  const char *delivered = gtk_editable_get_text (GTK_EDITABLE (self->delivered_row));
  guint kind = adw_combo_row_get_selected (self->kind_row);
  g_autofree char *deadline = NULL;
  g_autofree char *shown = NULL;

  if (self->store == NULL || self->draft != NULL)
    return;
  gtk_widget_set_visible (GTK_WIDGET (self->days_row), kind == WSP_DRAFT_KIND_OTHER);
  if (!valid_day (delivered))
    {
      adw_action_row_set_subtitle (self->deadline_row, _("Give the day it was delivered"));
      return;
    }
  wsp_record_set_string (probe, "received_on", delivered);
  wsp_record_set_string (probe, "kind", wsp_choice_name (wsp_draft_kind_choices, (int) kind));
  if (days_typed (self) > 0)
    wsp_record_set_int (probe, "deadline_days", days_typed (self));
  deadline = wsp_draft_compute_deadline (self->store, probe);
  shown = wsp_draft_format_date (deadline);
  if (kind != WSP_DRAFT_KIND_OTHER)
    {
      /* Translators: the deadline of the programme and the strategy, fixed by the act */
      g_autofree char *text = g_strdup_printf (_("%s (14 days, art. 41i ust. 2; a weekend or holiday moves it on)"),
                                               shown);
      adw_action_row_set_subtitle (self->deadline_row, text);
    }
  else
    adw_action_row_set_subtitle (self->deadline_row, shown);
}

static void
fill_combo (AdwComboRow     *row,
            const WspChoice *choices)
{
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);

  for (guint i = 0; choices[i].name != NULL; i++)
    gtk_string_list_append (labels, g_dpgettext2 (GETTEXT_PACKAGE, choices[i].context, choices[i].label));
  adw_combo_row_set_model (row, G_LIST_MODEL (labels));
}

/* ---- saving ---------------------------------------------------------------- */

static gboolean
save_draft (WspDraftEditor  *self,
            const char      *text,
            GError         **error)
{
  g_autoptr (WspRecord) draft = WSP_RECORD (wsp_draft_new ());
  const char *title = gtk_editable_get_text (GTK_EDITABLE (self->title_row));
  const char *from = gtk_editable_get_text (GTK_EDITABLE (self->from_row));
  const char *delivered = gtk_editable_get_text (GTK_EDITABLE (self->delivered_row));
  guint kind = adw_combo_row_get_selected (self->kind_row);

  if (title[0] == '\0')
    {
      g_set_error_literal (error, WSP_DRAFT_ERROR, WSP_DRAFT_ERROR_EMPTY, _("Give the draft its title."));
      return FALSE;
    }
  if (!valid_day (delivered))
    {
      g_set_error_literal (error, WSP_DRAFT_ERROR, WSP_DRAFT_ERROR_EMPTY,
                           _("Give the day the draft was delivered, as 2027-10-28: the deadline counts from it."));
      return FALSE;
    }
  wsp_record_set_string (draft, "title", title);
  wsp_record_set_string (draft, "sender",
                         wsp_choice_name (wsp_draft_sender_choices, (int) adw_combo_row_get_selected (self->sender_row)));
  if (from[0] != '\0')
    wsp_record_set_string (draft, "submitted_by", from);
  wsp_record_set_string (draft, "received_on", delivered);
  wsp_record_set_string (draft, "kind", wsp_choice_name (wsp_draft_kind_choices, (int) kind));
  if (kind == WSP_DRAFT_KIND_OTHER && days_typed (self) > 0)
    wsp_record_set_int (draft, "deadline_days", days_typed (self));
  if (!wsp_draft_register (self->store, draft, text, self->file_name, NULL, error))
    return FALSE;
  g_signal_emit (self, signals[SAVED], 0, wsp_record_get_id (draft));
  return TRUE;
}

static gboolean
save_version (WspDraftEditor  *self,
              const char      *text,
              GError         **error)
{
  const char *received = gtk_editable_get_text (GTK_EDITABLE (self->received_row));
  g_autoptr (WspRecord) version = NULL;
  g_autofree char *message = NULL;
  guint matched = 0;

  if (!valid_day (received))
    {
      g_set_error_literal (error, WSP_DRAFT_ERROR, WSP_DRAFT_ERROR_EMPTY,
                           _("Give the day the corrected draft was received, as 2027-10-28."));
      return FALSE;
    }
  version = wsp_draft_add_version (self->store, wsp_record_get_id (self->draft), text, received, self->file_name,
                                   &matched, error);
  if (version == NULL)
    return FALSE;
  /* Translators: a toast after a new version of a draft was registered */
  message = g_strdup_printf (_("Version %1$d registered: %2$u of its %3$u units continue units of the version "
                               "before; the comments follow them"),
                             (int) wsp_record_get_int (version, "number"), matched, self->units->len);
  wsp_gui_add_toast (GTK_WIDGET (self), adw_toast_new (message));
  g_signal_emit (self, signals[SAVED], 0, wsp_record_get_id (self->draft));
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  WspDraftEditor *self = WSP_DRAFT_EDITOR (widget);
  g_autofree char *text = buffer_text (self);
  g_autoptr (GError) error = NULL;
  gboolean ok;

  flush (self);
  ok = self->draft == NULL ? save_draft (self, text, &error) : save_version (self, text, &error);
  if (!ok)
    {
      say (self, error->message);
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

/* ---- for tests --------------------------------------------------------------- */

/* (element-type WspDraftUnit): the units as the preview shows them now. */
GPtrArray *
wsp_draft_editor_get_units (WspDraftEditor *self)
{
  g_return_val_if_fail (WSP_IS_DRAFT_EDITOR (self), NULL);
  flush (self);
  return self->units;
}

GtkTextView *
wsp_draft_editor_get_text_view (WspDraftEditor *self)
{
  g_return_val_if_fail (WSP_IS_DRAFT_EDITOR (self), NULL);
  return self->text_view;
}

/* Chooses the unit at @position in the preview, as a click on it does. */
void
wsp_draft_editor_choose_unit (WspDraftEditor *self,
                              guint           position)
{
  g_return_if_fail (WSP_IS_DRAFT_EDITOR (self));
  flush (self);
  gtk_single_selection_set_selected (self->selection, position);
}

/* What the editor says is wrong, or NULL. */
const char *
wsp_draft_editor_get_problem (WspDraftEditor *self)
{
  g_return_val_if_fail (WSP_IS_DRAFT_EDITOR (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->problem_label)) ? gtk_label_get_text (self->problem_label) : NULL;
}

/* ---- the editor ------------------------------------------------------------- */

/**
 * wsp_draft_editor_new:
 * @draft: (nullable): the draft whose corrected version to register; %NULL
 *   for a new draft
 */
WspDraftEditor *
wsp_draft_editor_new (WspStore  *store,
                      WspRecord *draft)
{
  WspDraftEditor *self = g_object_new (WSP_TYPE_DRAFT_EDITOR, NULL);
  g_autofree char *today = wsp_gui_today ();

  self->store = g_object_ref (store);
  self->draft = draft != NULL ? g_object_ref (draft) : NULL;
  if (draft == NULL)
    {
      adw_window_title_set_title (self->window_title, _("Register a Draft"));
      gtk_widget_set_visible (GTK_WIDGET (self->version_group), FALSE);
      gtk_editable_set_text (GTK_EDITABLE (self->delivered_row), today);
      adw_combo_row_set_selected (self->kind_row, WSP_DRAFT_KIND_OTHER);
      deadline_inputs_changed_cb (self);
    }
  else
    {
      adw_window_title_set_title (self->window_title, _("New Version of the Draft"));
      adw_window_title_set_subtitle (self->window_title, wsp_record_get_string (draft, "title"));
      gtk_widget_set_visible (GTK_WIDGET (self->details_group), FALSE);
      gtk_editable_set_text (GTK_EDITABLE (self->received_row), today);
      adw_preferences_group_set_description (self->version_group,
                                             _("Its units are matched to the latest version’s (by their numbers, "
                                               "then by their words when the numbering moved); the comments follow "
                                               "them, and those whose unit is gone stay listed."));
    }
  resplit (self);
  return self;
}

static void
wsp_draft_editor_dispose (GObject *object)
{
  WspDraftEditor *self = WSP_DRAFT_EDITOR (object);

  g_clear_handle_id (&self->split_id, g_source_remove);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->store);
  g_clear_object (&self->draft);
  g_clear_object (&self->selection);
  g_clear_pointer (&self->units, g_ptr_array_unref);
  g_clear_pointer (&self->file_name, g_free);
  G_OBJECT_CLASS (wsp_draft_editor_parent_class)->dispose (object);
}

static void
wsp_draft_editor_class_init (WspDraftEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wsp_draft_editor_dispose;

  /**
   * WspDraftEditor::saved:
   * @draft_id: the draft registered, or whose version was
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Wspolnie/drafts/wsp-draft-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, WspDraftEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, WspDraftEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, WspDraftEditor, details_group);
  gtk_widget_class_bind_template_child (widget_class, WspDraftEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, WspDraftEditor, sender_row);
  gtk_widget_class_bind_template_child (widget_class, WspDraftEditor, from_row);
  gtk_widget_class_bind_template_child (widget_class, WspDraftEditor, delivered_row);
  gtk_widget_class_bind_template_child (widget_class, WspDraftEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, WspDraftEditor, days_row);
  gtk_widget_class_bind_template_child (widget_class, WspDraftEditor, deadline_row);
  gtk_widget_class_bind_template_child (widget_class, WspDraftEditor, version_group);
  gtk_widget_class_bind_template_child (widget_class, WspDraftEditor, received_row);
  gtk_widget_class_bind_template_child (widget_class, WspDraftEditor, text_view);
  gtk_widget_class_bind_template_child (widget_class, WspDraftEditor, problem_label);
  gtk_widget_class_bind_template_child (widget_class, WspDraftEditor, units_label);
  gtk_widget_class_bind_template_child (widget_class, WspDraftEditor, units_list);
  gtk_widget_class_bind_template_callback (widget_class, title_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, deadline_inputs_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, unit_activate_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "editor.merge", NULL, merge_action);
  gtk_widget_class_install_action (widget_class, "editor.split", NULL, split_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "editor.open", NULL);
}

static void
wsp_draft_editor_init (WspDraftEditor *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  fill_combo (self->sender_row, wsp_draft_sender_choices);
  fill_combo (self->kind_row, wsp_draft_kind_choices);
  self->unit_lines = gtk_string_list_new (NULL);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->unit_lines));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  gtk_list_view_set_factory (self->units_list, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->units_list, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (gtk_text_view_get_buffer (self->text_view), "changed", G_CALLBACK (text_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.merge", FALSE);
}
