/* wsp-comment-editor.c — a comment on a draft, or a correction of one
 *
 * A comment is anchored to a unit of the latest version; its current
 * wording is the unit's words until edited. Its author is a Council member
 * or an organisation from Members, or a name typed in (a comment handed in
 * on paper by someone else). Comments are append-only: correcting one
 * saves a new comment that says which one it corrects; it keeps the
 * comment's number and decision.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "domain/wsp-comment-typing.h"
#include "domain/wsp-drafts.h"
#include "drafts/wsp-comment-editor.h"
#include "drafts/wsp-draft-labels.h"
#include "records/wsp-records-drafts.h"
#include "sync/wsp-review.h"
#include "widgets/wsp-gui-util.h"

struct _WspCommentEditor
{
  AdwWindow        parent_instance;

  WspStore        *store;
  WspDraftDetail  *detail;
  WspCommentEntry *correcting;
  GPtrArray       *units;   /* of the latest version (the detail's) */
  GPtrArray       *authors; /* WspAuthor; the first row is "someone else" */
  char            *last_quoted;
  gboolean         filling;

  AdwWindowTitle  *window_title;
  AdwComboRow     *unit_row;
  AdwComboRow     *author_row;
  AdwEntryRow     *name_row;
  AdwEntryRow     *date_row;
  AdwComboRow     *source_row;
  GtkTextView     *current_view;
  GtkTextView     *proposed_view;
  GtkTextView     *justification_view;
  GtkLabel        *problem_label;
  GtkWidget       *restored_box;
  guint            keep_id;
  gboolean         saved;
};

G_DEFINE_FINAL_TYPE (WspCommentEditor, wsp_comment_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;
  char *text;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  return g_strstrip (text);
}

static void
set_view_text (GtkTextView *view,
               const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text != NULL ? text : "", -1);
}

static void unit_changed_cb (WspCommentEditor *self);

/* ---- what is typed, kept until the comment is saved ----------------------- */

static const char *
draft_id (WspCommentEditor *self)
{
  return wsp_record_get_id (wsp_draft_detail_get_draft (self->detail));
}

static const char *
correcting_id (WspCommentEditor *self)
{
  return self->correcting != NULL ? wsp_record_get_id (wsp_comment_entry_get_info (self->correcting)->comment) : NULL;
}

static void
keep_now (WspCommentEditor *self)
{
  g_autoptr (JsonObject) fields = json_object_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *current = view_text (self->current_view);
  g_autofree char *proposed = view_text (self->proposed_view);
  g_autofree char *justification = view_text (self->justification_view);
  guint unit = adw_combo_row_get_selected (self->unit_row);
  guint author = adw_combo_row_get_selected (self->author_row);

  g_clear_handle_id (&self->keep_id, g_source_remove);
  if (self->saved || self->store == NULL || self->detail == NULL)
    return;
  /* Nothing typed yet (the unit's words are quoted by themselves). */
  if (proposed[0] == '\0' && justification[0] == '\0'
      && (current[0] == '\0' || g_strcmp0 (current, self->last_quoted) == 0))
    return;
  if (unit < self->units->len)
    json_object_set_string_member (fields, "unit_key", ((WspDraftUnit *) g_ptr_array_index (self->units, unit))->key);
  if (author > 0 && author <= self->authors->len)
    json_object_set_string_member (fields, "author_id", ((WspAuthor *) g_ptr_array_index (self->authors, author - 1))->id);
  json_object_set_string_member (fields, "author_name", gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  json_object_set_string_member (fields, "submitted_on", gtk_editable_get_text (GTK_EDITABLE (self->date_row)));
  json_object_set_string_member (fields, "current_wording", current);
  json_object_set_string_member (fields, "proposed_wording", proposed);
  json_object_set_string_member (fields, "justification", justification);
  if (!wsp_comment_typing_keep (self->store, draft_id (self), correcting_id (self), fields, &error))
    g_warning ("Cannot keep what is typed in the comment form: %s", error->message);
}

static gboolean
keep_cb (gpointer data)
{
  WspCommentEditor *self = data;

  self->keep_id = 0;
  keep_now (self);
  return G_SOURCE_REMOVE;
}

static void
typed_cb (WspCommentEditor *self)
{
  if (self->filling || self->saved)
    return;
  g_clear_handle_id (&self->keep_id, g_source_remove);
  self->keep_id = g_timeout_add (300, keep_cb, self);
}

/* Puts back what was typed before and not saved; says so. */
static void
restore_typing (WspCommentEditor *self)
{
  g_autoptr (JsonObject) fields = wsp_comment_typing_restore (self->store, draft_id (self), correcting_id (self));
  const char *unit_key;
  const char *author_id;

  if (fields == NULL)
    return;
  self->filling = TRUE;
  unit_key = json_object_get_string_member_with_default (fields, "unit_key", NULL);
  for (guint i = 0; unit_key != NULL && i < self->units->len; i++)
    if (g_strcmp0 (((WspDraftUnit *) g_ptr_array_index (self->units, i))->key, unit_key) == 0)
      adw_combo_row_set_selected (self->unit_row, i);
  author_id = json_object_get_string_member_with_default (fields, "author_id", NULL);
  for (guint i = 0; author_id != NULL && i < self->authors->len; i++)
    if (g_strcmp0 (((WspAuthor *) g_ptr_array_index (self->authors, i))->id, author_id) == 0)
      adw_combo_row_set_selected (self->author_row, i + 1);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row),
                         json_object_get_string_member_with_default (fields, "author_name", ""));
  gtk_editable_set_text (GTK_EDITABLE (self->date_row),
                         json_object_get_string_member_with_default (fields, "submitted_on", ""));
  set_view_text (self->current_view, json_object_get_string_member_with_default (fields, "current_wording", ""));
  set_view_text (self->proposed_view, json_object_get_string_member_with_default (fields, "proposed_wording", ""));
  set_view_text (self->justification_view, json_object_get_string_member_with_default (fields, "justification", ""));
  self->filling = FALSE;
  gtk_widget_set_visible (self->restored_box, TRUE);
}

static void
discard_clicked_cb (WspCommentEditor *self)
{
  g_autoptr (GError) error = NULL;

  g_clear_handle_id (&self->keep_id, g_source_remove);
  if (!wsp_comment_typing_forget (self->store, draft_id (self), correcting_id (self), &error))
    g_warning ("Cannot forget what was typed in the comment form: %s", error->message);
  gtk_widget_set_visible (self->restored_box, FALSE);
  self->filling = TRUE;
  set_view_text (self->proposed_view, "");
  set_view_text (self->justification_view, "");
  set_view_text (self->current_view, "");
  g_clear_pointer (&self->last_quoted, g_free);
  self->filling = FALSE;
  unit_changed_cb (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->proposed_view));
}

/* ---- the form -------------------------------------------------------------- */

static void
unit_changed_cb (WspCommentEditor *self)
{
  guint position = adw_combo_row_get_selected (self->unit_row);
  WspDraftUnit *unit;
  g_autofree char *current = NULL;

  if (self->filling || self->units == NULL || position >= self->units->len)
    return;
  unit = g_ptr_array_index (self->units, position);
  current = view_text (self->current_view);
  /* The unit's words, unless the person wrote others. */
  if (current[0] == '\0' || g_strcmp0 (current, self->last_quoted) == 0)
    {
      g_autofree char *quoted = unit->text != NULL && unit->text[0] != '\0'
                                  ? g_strdup (unit->text)
                                  : wsp_draft_units_dup_subtree_text (self->units, position);

      set_view_text (self->current_view, quoted);
      g_free (self->last_quoted);
      self->last_quoted = g_steal_pointer (&quoted);
    }
}

static void
author_changed_cb (WspCommentEditor *self)
{
  guint position = adw_combo_row_get_selected (self->author_row);

  if (self->filling || self->authors == NULL || position == 0 || position > self->authors->len)
    return;
  gtk_editable_set_text (GTK_EDITABLE (self->name_row),
                         ((WspAuthor *) g_ptr_array_index (self->authors, position - 1))->name);
}

static gboolean
valid_day (const char *text)
{
  int y, m, d;
  char extra;

  return text != NULL && strlen (text) == 10 && sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &extra) == 3
         && g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y);
}

static void
say (WspCommentEditor *self,
     const char       *problem)
{
  gtk_label_set_text (self->problem_label, problem != NULL ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), problem != NULL);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  WspCommentEditor *self = WSP_COMMENT_EDITOR (widget);
  g_autoptr (WspRecord) comment = WSP_RECORD (wsp_comment_new ());
  g_autoptr (GError) error = NULL;
  g_autofree char *current = view_text (self->current_view);
  g_autofree char *proposed = view_text (self->proposed_view);
  g_autofree char *justification = view_text (self->justification_view);
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  const char *date = gtk_editable_get_text (GTK_EDITABLE (self->date_row));
  guint unit = adw_combo_row_get_selected (self->unit_row);
  guint author = adw_combo_row_get_selected (self->author_row);
  WspDraftUnit *chosen;

  if (unit >= self->units->len)
    {
      say (self, _("Choose the unit the comment is about."));
      return;
    }
  if (proposed[0] == '\0')
    {
      say (self, _("Write the proposed wording (or what the comment asks for)."));
      return;
    }
  if (name[0] == '\0')
    {
      say (self, _("Say who submitted the comment."));
      return;
    }
  if (date[0] != '\0' && !valid_day (date))
    {
      say (self, _("Give the day it was submitted as 2027-10-28, or leave it empty."));
      return;
    }
  chosen = g_ptr_array_index (self->units, unit);
  wsp_record_set_string (comment, "version_id", wsp_record_get_id (wsp_draft_detail_get_latest (self->detail)));
  wsp_record_set_string (comment, "unit_key", chosen->key);
  if (author > 0 && author <= self->authors->len)
    wsp_record_set_string (comment, "author_id", ((WspAuthor *) g_ptr_array_index (self->authors, author - 1))->id);
  wsp_record_set_string (comment, "author_name", name);
  wsp_record_set_string (comment, "current_wording", current[0] != '\0' ? current : NULL);
  wsp_record_set_string (comment, "proposed_wording", proposed);
  wsp_record_set_string (comment, "justification", justification[0] != '\0' ? justification : NULL);
  wsp_record_set_string (comment, "submitted_on", date[0] != '\0' ? date : NULL);
  wsp_record_set_string (comment, "source",
                         wsp_choice_name (wsp_comment_source_choices, (int) adw_combo_row_get_selected (self->source_row)));
  if (self->correcting != NULL)
    wsp_record_set_string (comment, "corrects",
                           wsp_record_get_id (wsp_comment_entry_get_info (self->correcting)->comment));
  if (!wsp_store_save (self->store, comment, &error))
    {
      say (self, error->message);
      return;
    }
  self->saved = TRUE;
  g_clear_handle_id (&self->keep_id, g_source_remove);
  if (!wsp_comment_typing_forget (self->store, draft_id (self), correcting_id (self), &error))
    g_warning ("Cannot forget what was typed in the comment form: %s", error->message);
  g_signal_emit (self, signals[SAVED], 0, chosen->key);
  gtk_window_close (GTK_WINDOW (self));
}

/* On a member's laptop every comment is the member's: the author, and how
 * the comment came, are not a choice. */
static void
lock_author (WspCommentEditor *self)
{
  g_autofree char *reviewer = wsp_review_dup_reviewer (self->store);
  gboolean filling = self->filling;

  if (reviewer == NULL)
    return;
  self->filling = TRUE;
  for (guint i = 0; i < self->authors->len; i++)
    {
      WspAuthor *author = g_ptr_array_index (self->authors, i);

      if (g_strcmp0 (author->id, reviewer) == 0)
        {
          adw_combo_row_set_selected (self->author_row, i + 1);
          gtk_editable_set_text (GTK_EDITABLE (self->name_row), author->name);
        }
    }
  adw_combo_row_set_selected (self->source_row, WSP_COMMENT_SOURCE_REVIEW);
  gtk_widget_set_sensitive (GTK_WIDGET (self->author_row), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->name_row), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->source_row), FALSE);
  self->filling = filling;
}

static void
fill_authors (WspCommentEditor *self)
{
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *today = wsp_gui_today ();

  self->authors = wsp_draft_authors (self->store, today, NULL);
  if (self->authors == NULL)
    self->authors = g_ptr_array_new_with_free_func ((GDestroyNotify) wsp_author_free);
  /* Translators: the first choice of a comment's author: a name to type in */
  gtk_string_list_append (names, _("Someone else (type the name below)"));
  for (guint i = 0; i < self->authors->len; i++)
    {
      WspAuthor *author = g_ptr_array_index (self->authors, i);

      gtk_string_list_append (names, author->name);
    }
  adw_combo_row_set_model (self->author_row, G_LIST_MODEL (names));
  {
    g_autoptr (GtkExpression) expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");

    adw_combo_row_set_expression (self->author_row, expression);
  }
}

static void
fill_units (WspCommentEditor *self,
            const char       *unit_key)
{
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  guint chosen = 0;

  self->units = g_ptr_array_ref (wsp_draft_detail_get_units (self->detail));
  for (guint i = 0; i < self->units->len; i++)
    {
      WspDraftUnit *unit = g_ptr_array_index (self->units, i);
      g_autofree char *title = wsp_draft_unit_title (unit);
      g_autofree char *words = wsp_draft_unit_dup_excerpt (unit, 6);
      g_autofree char *line = words[0] != '\0' ? g_strdup_printf ("%s — %s", title, words) : g_strdup (title);

      gtk_string_list_append (names, line);
      if (g_strcmp0 (unit->key, unit_key) == 0)
        chosen = i;
    }
  adw_combo_row_set_model (self->unit_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->unit_row, chosen);
}

/**
 * wsp_comment_editor_new:
 * @unit_key: (nullable): the unit to comment on; %NULL: the first
 * @correcting: (nullable): the comment to correct
 */
WspCommentEditor *
wsp_comment_editor_new (WspStore        *store,
                        WspDraftDetail  *detail,
                        const char      *unit_key,
                        WspCommentEntry *correcting)
{
  WspCommentEditor *self = g_object_new (WSP_TYPE_COMMENT_EDITOR, NULL);
  g_autofree char *today = wsp_gui_today ();

  self->store = g_object_ref (store);
  self->detail = g_object_ref (detail);
  self->correcting = correcting != NULL ? g_object_ref (correcting) : NULL;
  fill_authors (self);
  fill_units (self, unit_key);
  if (correcting == NULL)
    {
      adw_window_title_set_title (self->window_title, _("New Comment"));
      gtk_editable_set_text (GTK_EDITABLE (self->date_row), today);
      /* Entered by the secretary from paper, most often. */
      adw_combo_row_set_selected (self->source_row, WSP_COMMENT_SOURCE_PAPER);
      self->filling = FALSE;
      unit_changed_cb (self);
    }
  else
    {
      const WspCommentInfo *info = wsp_comment_entry_get_info (correcting);
      WspRecord *comment = info->comment;
      g_autofree char *title = g_strdup_printf (_("Correct Comment No. %u"), info->number);
      const char *author_id = wsp_record_get_string (comment, "author_id");

      adw_window_title_set_title (self->window_title, title);
      adw_window_title_set_subtitle (self->window_title, _("The comment stays on record; the correction counts"));
      self->filling = TRUE;
      for (guint i = 0; author_id != NULL && i < self->authors->len; i++)
        if (g_strcmp0 (((WspAuthor *) g_ptr_array_index (self->authors, i))->id, author_id) == 0)
          adw_combo_row_set_selected (self->author_row, i + 1);
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), wsp_comment_entry_get_author (correcting));
      gtk_editable_set_text (GTK_EDITABLE (self->date_row),
                             wsp_record_get_string (comment, "submitted_on") != NULL
                               ? wsp_record_get_string (comment, "submitted_on") : "");
      adw_combo_row_set_selected (self->source_row,
                                  (guint) wsp_choice_value (wsp_comment_source_choices,
                                                            wsp_record_get_string (comment, "source"),
                                                            WSP_COMMENT_SOURCE_PAPER));
      set_view_text (self->current_view, wsp_record_get_string (comment, "current_wording"));
      set_view_text (self->proposed_view, wsp_record_get_string (comment, "proposed_wording"));
      set_view_text (self->justification_view, wsp_record_get_string (comment, "justification"));
      self->filling = FALSE;
    }
  restore_typing (self);
  lock_author (self);
  return self;
}

/* The text views, for tests: "current", "proposed", "justification". */
GtkTextView *
wsp_comment_editor_get_view (WspCommentEditor *self,
                             const char       *which)
{
  g_return_val_if_fail (WSP_IS_COMMENT_EDITOR (self), NULL);
  if (g_str_equal (which, "current"))
    return self->current_view;
  if (g_str_equal (which, "proposed"))
    return self->proposed_view;
  return self->justification_view;
}

/* Chooses the author called @name (for tests, as the list's click does);
 * FALSE when there is none. */
gboolean
wsp_comment_editor_choose_author (WspCommentEditor *self,
                                  const char       *name)
{
  g_return_val_if_fail (WSP_IS_COMMENT_EDITOR (self), FALSE);
  /* On a member's laptop the author is not a choice. */
  if (!gtk_widget_get_sensitive (GTK_WIDGET (self->author_row)))
    return FALSE;
  for (guint i = 0; i < self->authors->len; i++)
    if (strstr (((WspAuthor *) g_ptr_array_index (self->authors, i))->name, name) != NULL)
      {
        adw_combo_row_set_selected (self->author_row, i + 1);
        return TRUE;
      }
  return FALSE;
}

static void
wsp_comment_editor_dispose (GObject *object)
{
  WspCommentEditor *self = WSP_COMMENT_EDITOR (object);

  /* Closed a moment after a key: what it typed is kept all the same. */
  if (self->keep_id != 0)
    keep_now (self);
  g_clear_object (&self->store);
  g_clear_object (&self->detail);
  g_clear_object (&self->correcting);
  g_clear_pointer (&self->units, g_ptr_array_unref);
  g_clear_pointer (&self->authors, g_ptr_array_unref);
  g_clear_pointer (&self->last_quoted, g_free);
  G_OBJECT_CLASS (wsp_comment_editor_parent_class)->dispose (object);
}

static void
wsp_comment_editor_class_init (WspCommentEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wsp_comment_editor_dispose;

  /**
   * WspCommentEditor::saved:
   * @unit_key: the unit the comment is on
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Wspolnie/drafts/wsp-comment-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, WspCommentEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, WspCommentEditor, unit_row);
  gtk_widget_class_bind_template_child (widget_class, WspCommentEditor, author_row);
  gtk_widget_class_bind_template_child (widget_class, WspCommentEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, WspCommentEditor, date_row);
  gtk_widget_class_bind_template_child (widget_class, WspCommentEditor, source_row);
  gtk_widget_class_bind_template_child (widget_class, WspCommentEditor, current_view);
  gtk_widget_class_bind_template_child (widget_class, WspCommentEditor, proposed_view);
  gtk_widget_class_bind_template_child (widget_class, WspCommentEditor, justification_view);
  gtk_widget_class_bind_template_child (widget_class, WspCommentEditor, problem_label);
  gtk_widget_class_bind_template_child (widget_class, WspCommentEditor, restored_box);
  gtk_widget_class_bind_template_callback (widget_class, unit_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, author_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, discard_clicked_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
}

static void
wsp_comment_editor_init (WspCommentEditor *self)
{
  g_autoptr (GtkStringList) sources = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->filling = TRUE;
  for (guint i = 0; wsp_comment_source_choices[i].name != NULL; i++)
    gtk_string_list_append (sources, g_dpgettext2 (GETTEXT_PACKAGE, wsp_comment_source_choices[i].context,
                                                   wsp_comment_source_choices[i].label));
  adw_combo_row_set_model (self->source_row, G_LIST_MODEL (sources));
  /* Kept as it is typed (wsp-comment-typing.c). */
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->current_view), "changed", G_CALLBACK (typed_cb), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->proposed_view), "changed", G_CALLBACK (typed_cb), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->justification_view), "changed", G_CALLBACK (typed_cb),
                            self);
  g_signal_connect_swapped (self->name_row, "changed", G_CALLBACK (typed_cb), self);
  g_signal_connect_swapped (self->date_row, "changed", G_CALLBACK (typed_cb), self);
}
