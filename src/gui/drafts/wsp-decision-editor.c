/* wsp-decision-editor.c — the Council's decision on a comment, and choosing between two laptops' decisions
 *
 * The decision is the comment's decision record (see wsp-records-drafts.c),
 * made or changed by wsp_draft_record_decision(): accepted, partly
 * accepted, rejected, or withdrawn by its author, with its reason, the
 * meeting and the vote that took it. When two laptops recorded different
 * decisions, each is offered with "Keep This"; the choice resolves the
 * conflict (wsp_draft_resolve_decision()) and travels.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "domain/wsp-drafts.h"
#include "drafts/wsp-decision-editor.h"
#include "drafts/wsp-draft-labels.h"
#include "records/wsp-records-drafts.h"
#include "widgets/wsp-accessible.h"
#include "widgets/wsp-gui-util.h"

struct _WspDecisionEditor
{
  AdwWindow            parent_instance;

  WspStore            *store;
  WspDraftDetail      *detail;
  WspCommentEntry     *entry;
  GPtrArray           *meeting_ids;
  GPtrArray           *ballot_ids;
  GPtrArray           *keep_buttons;

  AdwWindowTitle      *window_title;
  AdwPreferencesGroup *conflict_group;
  AdwPreferencesGroup *comment_group;
  AdwComboRow         *decision_row;
  AdwComboRow         *meeting_row;
  AdwComboRow         *ballot_row;
  AdwEntryRow         *date_row;
  GtkTextView         *reason_view;
  GtkLabel            *problem_label;
};

G_DEFINE_FINAL_TYPE (WspDecisionEditor, wsp_decision_editor, ADW_TYPE_WINDOW)

static void
say (WspDecisionEditor *self,
     const char        *problem)
{
  gtk_label_set_text (self->problem_label, problem != NULL ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), problem != NULL);
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
meeting_changed_cb (WspDecisionEditor *self)
{
  const char *meeting_id = wsp_draft_chosen_id (self->meeting_row, self->meeting_ids);
  const char *ballot_id = self->ballot_ids != NULL ? wsp_draft_chosen_id (self->ballot_row, self->ballot_ids) : NULL;
  g_autofree char *keep = g_strdup (ballot_id);

  if (self->meeting_ids == NULL)
    return;
  g_clear_pointer (&self->ballot_ids, g_ptr_array_unref);
  self->ballot_ids = wsp_draft_fill_ballots (self->ballot_row, self->store, meeting_id, keep);
  /* The day the meeting was held. */
  if (meeting_id != NULL)
    {
      g_autoptr (WspRecord) meeting = wsp_store_get (self->store, meeting_id, NULL);
      const char *starts = meeting != NULL ? wsp_record_get_string (meeting, "starts_at") : NULL;

      if (starts != NULL && strlen (starts) >= 10)
        {
          g_autofree char *day = g_strndup (starts, 10);
          gtk_editable_set_text (GTK_EDITABLE (self->date_row), day);
        }
    }
}

static char *
reason_text (WspDecisionEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->reason_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  WspDecisionEditor *self = WSP_DECISION_EDITOR (widget);
  const WspCommentInfo *info = wsp_comment_entry_get_info (self->entry);
  g_autofree char *reason = reason_text (self);
  const char *date = gtk_editable_get_text (GTK_EDITABLE (self->date_row));
  WspCommentDecision decision = (WspCommentDecision) adw_combo_row_get_selected (self->decision_row);
  g_autoptr (GError) error = NULL;

  if (date[0] != '\0' && !valid_day (date))
    {
      say (self, _("Give the day of the decision as 2027-10-28, or leave it empty."));
      return;
    }
  if (info->decision_conflict)
    {
      say (self, _("Two laptops recorded different decisions: keep one of them first (above)."));
      return;
    }
  if ((decision == WSP_COMMENT_REJECTED || decision == WSP_COMMENT_PARTLY_ACCEPTED) && reason[0] == '\0')
    {
      say (self, _("Give the reason: the city reads why a comment was not taken in."));
      return;
    }
  if (!wsp_draft_record_decision (self->store, wsp_record_get_id (wsp_draft_detail_get_draft (self->detail)),
                                  info->root_id, wsp_comment_decision_name (decision), reason,
                                  wsp_draft_chosen_id (self->meeting_row, self->meeting_ids),
                                  wsp_draft_chosen_id (self->ballot_row, self->ballot_ids),
                                  date[0] != '\0' ? date : NULL, &error))
    {
      say (self, error->message);
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

static void
keep_clicked_cb (GtkButton         *button,
                 WspDecisionEditor *self)
{
  const char *rev_id = g_object_get_data (G_OBJECT (button), "rev-id");
  const WspCommentInfo *info = wsp_comment_entry_get_info (self->entry);
  g_autoptr (GError) error = NULL;

  if (!wsp_draft_resolve_decision (self->store, info->decision_record, rev_id, &error))
    {
      say (self, error->message);
      return;
    }
  wsp_gui_add_toast (GTK_WIDGET (self), adw_toast_new (_("Decision chosen; the other laptop gets it with the next "
                                                         "exchange")));
  gtk_window_close (GTK_WINDOW (self));
}

/* A row for each laptop's decision, with its reason. */
static void
fill_conflict (WspDecisionEditor *self)
{
  const WspCommentInfo *info = wsp_comment_entry_get_info (self->entry);
  g_autoptr (GPtrArray) conflicts = NULL;
  g_autoptr (GHashTable) reasons = g_hash_table_new (g_str_hash, g_str_equal);
  WspConflict *decision = NULL;

  if (!info->decision_conflict || info->decision_record == NULL)
    return;
  conflicts = wsp_store_dup_conflicts (self->store, wsp_record_get_id (info->decision_record), NULL);
  for (guint i = 0; conflicts != NULL && i < conflicts->len; i++)
    {
      WspConflict *conflict = g_ptr_array_index (conflicts, i);

      if (g_strcmp0 (conflict->field, "decision") == 0)
        decision = conflict;
      else if (g_strcmp0 (conflict->field, "reason") == 0)
        for (guint k = 0; k < conflict->candidates->len; k++)
          {
            WspCandidate *candidate = g_ptr_array_index (conflict->candidates, k);

            if (candidate->value != NULL && JSON_NODE_HOLDS_VALUE (candidate->value))
              g_hash_table_insert (reasons, candidate->rev_id, (gpointer) json_node_get_string (candidate->value));
          }
    }
  if (decision == NULL && conflicts != NULL && conflicts->len > 0)
    decision = g_ptr_array_index (conflicts, 0);
  if (decision == NULL)
    return;
  gtk_widget_set_visible (GTK_WIDGET (self->conflict_group), TRUE);
  for (guint k = 0; k < decision->candidates->len; k++)
    {
      WspCandidate *candidate = g_ptr_array_index (decision->candidates, k);
      const char *value = candidate->value != NULL && JSON_NODE_HOLDS_VALUE (candidate->value)
                            ? json_node_get_string (candidate->value) : NULL;
      const char *reason = g_hash_table_lookup (reasons, candidate->rev_id);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = wsp_accessible_button_new (_("_Keep This"));
      g_autofree char *when = candidate->time != NULL ? g_date_time_format (candidate->time, "%x %H:%M") : NULL;
      g_autofree char *subtitle = NULL;
      const char *label = g_strcmp0 (decision->field, "decision") == 0 && value != NULL
                            ? wsp_choice_label (wsp_comment_decision_choices, value)
                            : (value != NULL ? value : "");

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
      /* Translators: one laptop's version of a decision: its reason, and when it was recorded */
      subtitle = g_strdup_printf (_("%1$s (recorded %2$s)"), reason != NULL ? reason : "",
                                  when != NULL ? when : "");
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      g_object_set_data_full (G_OBJECT (button), "rev-id", g_strdup (candidate->rev_id), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (keep_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (self->conflict_group, row);
      g_ptr_array_add (self->keep_buttons, button);
    }
}

WspDecisionEditor *
wsp_decision_editor_new (WspStore        *store,
                         WspDraftDetail  *detail,
                         WspCommentEntry *entry)
{
  WspDecisionEditor *self = g_object_new (WSP_TYPE_DECISION_EDITOR, NULL);
  const WspCommentInfo *info = wsp_comment_entry_get_info (entry);
  WspRecord *record = info->decision_record;
  g_autofree char *title = g_strdup_printf (_("Decision on Comment No. %u"), info->number);
  g_autoptr (GtkStringList) decisions = gtk_string_list_new (NULL);
  const char *meeting_id = record != NULL ? wsp_record_get_string (record, "meeting_id") : NULL;
  const char *ballot_id = record != NULL ? wsp_record_get_string (record, "ballot_id") : NULL;
  GPtrArray *items = wsp_draft_detail_get_agenda_items (detail);

  self->store = g_object_ref (store);
  self->detail = g_object_ref (detail);
  self->entry = g_object_ref (entry);
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, info->unit_name);

  {
    GtkWidget *row = wsp_gui_value_row (wsp_comment_entry_get_author (entry),
                                        wsp_record_get_string (info->comment, "proposed_wording"));

    if (row != NULL)
      adw_preferences_group_add (self->comment_group, row);
  }
  for (guint i = 0; wsp_comment_decision_choices[i].name != NULL; i++)
    gtk_string_list_append (decisions, g_dpgettext2 (GETTEXT_PACKAGE, wsp_comment_decision_choices[i].context,
                                                     wsp_comment_decision_choices[i].label));
  adw_combo_row_set_model (self->decision_row, G_LIST_MODEL (decisions));
  adw_combo_row_set_selected (self->decision_row,
                              info->decision == WSP_COMMENT_PENDING ? WSP_COMMENT_ACCEPTED : info->decision);
  if (info->reason != NULL)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->reason_view), info->reason, -1);
  /* By default the meeting whose agenda takes the draft. */
  if (meeting_id == NULL && items->len > 0)
    meeting_id = wsp_record_get_string (g_ptr_array_index (items, items->len - 1), "meeting_id");
  self->meeting_ids = wsp_draft_fill_meetings (self->meeting_row, store, meeting_id);
  self->ballot_ids = wsp_draft_fill_ballots (self->ballot_row, store, meeting_id, ballot_id);
  if (record != NULL && wsp_record_get_string (record, "decided_on") != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->date_row), wsp_record_get_string (record, "decided_on"));
  else if (meeting_id == NULL)
    {
      g_autofree char *today = wsp_gui_today ();
      gtk_editable_set_text (GTK_EDITABLE (self->date_row), today);
    }
  else
    meeting_changed_cb (self);
  fill_conflict (self);
  return self;
}

/* Chooses @decision (for tests, as the list's click does). */
void
wsp_decision_editor_choose (WspDecisionEditor  *self,
                            WspCommentDecision  decision)
{
  g_return_if_fail (WSP_IS_DECISION_EDITOR (self));
  adw_combo_row_set_selected (self->decision_row, decision);
}

GtkTextView *
wsp_decision_editor_get_reason_view (WspDecisionEditor *self)
{
  g_return_val_if_fail (WSP_IS_DECISION_EDITOR (self), NULL);
  return self->reason_view;
}

/* (element-type GtkButton): the "Keep This" buttons, one per laptop's
 * decision, when they differ. */
GPtrArray *
wsp_decision_editor_get_keep_buttons (WspDecisionEditor *self)
{
  g_return_val_if_fail (WSP_IS_DECISION_EDITOR (self), NULL);
  return self->keep_buttons;
}

static void
wsp_decision_editor_dispose (GObject *object)
{
  WspDecisionEditor *self = WSP_DECISION_EDITOR (object);

  g_clear_object (&self->store);
  g_clear_object (&self->detail);
  g_clear_object (&self->entry);
  g_clear_pointer (&self->meeting_ids, g_ptr_array_unref);
  g_clear_pointer (&self->ballot_ids, g_ptr_array_unref);
  g_clear_pointer (&self->keep_buttons, g_ptr_array_unref);
  G_OBJECT_CLASS (wsp_decision_editor_parent_class)->dispose (object);
}

static void
wsp_decision_editor_class_init (WspDecisionEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wsp_decision_editor_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Wspolnie/drafts/wsp-decision-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, WspDecisionEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, WspDecisionEditor, conflict_group);
  gtk_widget_class_bind_template_child (widget_class, WspDecisionEditor, comment_group);
  gtk_widget_class_bind_template_child (widget_class, WspDecisionEditor, decision_row);
  gtk_widget_class_bind_template_child (widget_class, WspDecisionEditor, meeting_row);
  gtk_widget_class_bind_template_child (widget_class, WspDecisionEditor, ballot_row);
  gtk_widget_class_bind_template_child (widget_class, WspDecisionEditor, date_row);
  gtk_widget_class_bind_template_child (widget_class, WspDecisionEditor, reason_view);
  gtk_widget_class_bind_template_child (widget_class, WspDecisionEditor, problem_label);
  gtk_widget_class_bind_template_callback (widget_class, meeting_changed_cb);
  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
}

static void
wsp_decision_editor_init (WspDecisionEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->keep_buttons = g_ptr_array_new ();
}
