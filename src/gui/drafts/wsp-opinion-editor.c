/* wsp-opinion-editor.c — the Council's opinion on a draft, or a correction of it
 *
 * Opinions are append-only: a second one corrects the first. Once the
 * deadline passed without an opinion, "waived" is offered first (art. 41i
 * ust. 2); a split opinion has each side's position. The resolution's
 * number is suggested from the opinions numbered so far this year.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "domain/wsp-drafts.h"
#include "domain/wsp-membership.h"
#include "drafts/wsp-draft-labels.h"
#include "drafts/wsp-opinion-editor.h"
#include "records/wsp-records-drafts.h"
#include "widgets/wsp-gui-util.h"

struct _WspOpinionEditor
{
  AdwWindow            parent_instance;

  WspStore            *store;
  WspDraftDetail      *detail;
  GPtrArray           *meeting_ids;
  GPtrArray           *ballot_ids;

  AdwWindowTitle      *window_title;
  AdwComboRow         *verdict_row;
  AdwEntryRow         *number_row;
  AdwEntryRow         *date_row;
  AdwComboRow         *meeting_row;
  AdwComboRow         *ballot_row;
  AdwPreferencesGroup *sides_group;
  AdwEntryRow         *mayor_row;
  AdwEntryRow         *city_council_row;
  AdwEntryRow         *ngo_row;
  GtkTextView         *text_view;
  GtkLabel            *problem_label;
};

G_DEFINE_FINAL_TYPE (WspOpinionEditor, wsp_opinion_editor, ADW_TYPE_WINDOW)

static void
say (WspOpinionEditor *self,
     const char       *problem)
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
verdict_changed_cb (WspOpinionEditor *self)
{
  WspOpinionVerdict verdict = (WspOpinionVerdict) adw_combo_row_get_selected (self->verdict_row);

  gtk_widget_set_visible (GTK_WIDGET (self->sides_group), verdict == WSP_OPINION_SPLIT);
}

static void
meeting_changed_cb (WspOpinionEditor *self)
{
  const char *meeting_id = wsp_draft_chosen_id (self->meeting_row, self->meeting_ids);
  g_autofree char *keep = g_strdup (wsp_draft_chosen_id (self->ballot_row, self->ballot_ids));

  if (self->meeting_ids == NULL)
    return;
  g_clear_pointer (&self->ballot_ids, g_ptr_array_unref);
  self->ballot_ids = wsp_draft_fill_ballots (self->ballot_row, self->store, meeting_id, keep);
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

static void
add_side (JsonArray  *sides,
          const char *side,
          AdwEntryRow *row)
{
  const char *position = gtk_editable_get_text (GTK_EDITABLE (row));
  JsonObject *object;

  if (position[0] == '\0')
    return;
  object = json_object_new ();
  json_object_set_string_member (object, "side", side);
  json_object_set_string_member (object, "position", position);
  json_array_add_object_element (sides, object);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  WspOpinionEditor *self = WSP_OPINION_EDITOR (widget);
  g_autoptr (WspRecord) opinion = WSP_RECORD (wsp_opinion_new ());
  g_autoptr (WspRecord) council = wsp_membership_find_body (self->store, "council", NULL);
  WspRecord *draft = wsp_draft_detail_get_draft (self->detail);
  WspRecord *previous = wsp_draft_detail_get_opinion (self->detail);
  WspOpinionVerdict verdict = (WspOpinionVerdict) adw_combo_row_get_selected (self->verdict_row);
  const char *number = gtk_editable_get_text (GTK_EDITABLE (self->number_row));
  const char *date = gtk_editable_get_text (GTK_EDITABLE (self->date_row));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
  if (council == NULL)
    {
      say (self, _("There is no Council in Members yet: the opinion is the Council’s."));
      return;
    }
  if (date[0] != '\0' && !valid_day (date))
    {
      say (self, _("Give the day it was adopted as 2027-10-28, or leave it empty."));
      return;
    }
  wsp_record_set_string (opinion, "draft_id", wsp_record_get_id (draft));
  wsp_record_set_string (opinion, "body_id", wsp_record_get_id (council));
  wsp_record_set_string (opinion, "verdict", wsp_choice_name (wsp_opinion_verdict_choices, (int) verdict));
  if (verdict != WSP_OPINION_WAIVED)
    {
      if (number[0] != '\0')
        wsp_record_set_string (opinion, "number", number);
      wsp_record_set_string (opinion, "meeting_id", wsp_draft_chosen_id (self->meeting_row, self->meeting_ids));
      wsp_record_set_string (opinion, "ballot_id", wsp_draft_chosen_id (self->ballot_row, self->ballot_ids));
    }
  if (date[0] != '\0')
    wsp_record_set_string (opinion, "adopted_on", date);
  if (text[0] != '\0')
    wsp_record_set_string (opinion, "text", text);
  if (verdict == WSP_OPINION_SPLIT)
    {
      g_autoptr (JsonArray) sides = json_array_new ();

      add_side (sides, "mayor", self->mayor_row);
      add_side (sides, "city_council", self->city_council_row);
      add_side (sides, "ngo", self->ngo_row);
      if (json_array_get_length (sides) == 0)
        {
          say (self, _("A split opinion gives the sides’ positions: write at least one."));
          return;
        }
      wsp_record_set_value (opinion, "sides", json_node_init_array (json_node_alloc (), sides));
    }
  if (previous != NULL)
    wsp_record_set_string (opinion, "corrects", wsp_record_get_id (previous));
  if (!wsp_store_save (self->store, opinion, &error))
    {
      say (self, error->message);
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

static const char *
side_position (WspRecord  *opinion,
               const char *side)
{
  JsonNode *sides = opinion != NULL ? wsp_record_get_value (opinion, "sides") : NULL;
  JsonArray *array = sides != NULL && JSON_NODE_HOLDS_ARRAY (sides) ? json_node_get_array (sides) : NULL;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);

      if (object != NULL && json_object_has_member (object, "side") && json_object_has_member (object, "position")
          && g_strcmp0 (json_object_get_string_member (object, "side"), side) == 0)
        return json_object_get_string_member (object, "position");
    }
  return "";
}

WspOpinionEditor *
wsp_opinion_editor_new (WspStore       *store,
                        WspDraftDetail *detail)
{
  WspOpinionEditor *self = g_object_new (WSP_TYPE_OPINION_EDITOR, NULL);
  WspRecord *previous = wsp_draft_detail_get_opinion (detail);
  g_autoptr (GtkStringList) verdicts = gtk_string_list_new (NULL);
  GPtrArray *items = wsp_draft_detail_get_agenda_items (detail);
  const char *meeting_id = previous != NULL ? wsp_record_get_string (previous, "meeting_id") : NULL;
  const char *ballot_id = previous != NULL ? wsp_record_get_string (previous, "ballot_id") : NULL;
  g_autofree char *today = wsp_gui_today ();
  int days_left = 0;

  self->store = g_object_ref (store);
  self->detail = g_object_ref (detail);
  adw_window_title_set_title (self->window_title, previous != NULL ? _("Correct the Opinion") : _("Record the Opinion"));
  adw_window_title_set_subtitle (self->window_title, wsp_record_get_string (wsp_draft_detail_get_draft (detail), "title"));
  for (guint i = 0; wsp_opinion_verdict_choices[i].name != NULL; i++)
    gtk_string_list_append (verdicts, g_dpgettext2 (GETTEXT_PACKAGE, wsp_opinion_verdict_choices[i].context,
                                                    wsp_opinion_verdict_choices[i].label));
  adw_combo_row_set_model (self->verdict_row, G_LIST_MODEL (verdicts));

  if (meeting_id == NULL && items->len > 0)
    meeting_id = wsp_record_get_string (g_ptr_array_index (items, items->len - 1), "meeting_id");
  self->meeting_ids = wsp_draft_fill_meetings (self->meeting_row, store, meeting_id);
  self->ballot_ids = wsp_draft_fill_ballots (self->ballot_row, store, meeting_id, ballot_id);

  if (previous != NULL)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);

      adw_combo_row_set_selected (self->verdict_row,
                                  (guint) wsp_choice_value (wsp_opinion_verdict_choices,
                                                            wsp_record_get_string (previous, "verdict"),
                                                            WSP_OPINION_POSITIVE));
      gtk_editable_set_text (GTK_EDITABLE (self->number_row),
                             wsp_record_get_string (previous, "number") != NULL ? wsp_record_get_string (previous, "number") : "");
      gtk_editable_set_text (GTK_EDITABLE (self->date_row),
                             wsp_record_get_string (previous, "adopted_on") != NULL
                               ? wsp_record_get_string (previous, "adopted_on") : "");
      gtk_text_buffer_set_text (buffer, wsp_record_get_string (previous, "text") != NULL
                                          ? wsp_record_get_string (previous, "text") : "", -1);
      gtk_editable_set_text (GTK_EDITABLE (self->mayor_row), side_position (previous, "mayor"));
      gtk_editable_set_text (GTK_EDITABLE (self->city_council_row), side_position (previous, "city_council"));
      gtk_editable_set_text (GTK_EDITABLE (self->ngo_row), side_position (previous, "ngo"));
    }
  else
    {
      g_autofree char *number = wsp_draft_next_opinion_number (store, (int) g_ascii_strtoll (today, NULL, 10), NULL);
      gboolean waived = wsp_draft_detail_get_state (detail, &days_left) == WSP_OPINION_STATE_WAIVED;

      /* After the deadline, waived is what the act says it is. */
      adw_combo_row_set_selected (self->verdict_row, waived ? WSP_OPINION_WAIVED : WSP_OPINION_POSITIVE);
      gtk_editable_set_text (GTK_EDITABLE (self->number_row), number != NULL ? number : "");
      gtk_editable_set_text (GTK_EDITABLE (self->date_row), today);
      if (meeting_id != NULL)
        meeting_changed_cb (self);
    }
  verdict_changed_cb (self);
  return self;
}

/* The verdict offered (for tests). */
WspOpinionVerdict
wsp_opinion_editor_get_verdict (WspOpinionEditor *self)
{
  g_return_val_if_fail (WSP_IS_OPINION_EDITOR (self), WSP_OPINION_POSITIVE);
  return (WspOpinionVerdict) adw_combo_row_get_selected (self->verdict_row);
}

void
wsp_opinion_editor_choose (WspOpinionEditor  *self,
                           WspOpinionVerdict  verdict)
{
  g_return_if_fail (WSP_IS_OPINION_EDITOR (self));
  adw_combo_row_set_selected (self->verdict_row, verdict);
}

static void
wsp_opinion_editor_dispose (GObject *object)
{
  WspOpinionEditor *self = WSP_OPINION_EDITOR (object);

  g_clear_object (&self->store);
  g_clear_object (&self->detail);
  g_clear_pointer (&self->meeting_ids, g_ptr_array_unref);
  g_clear_pointer (&self->ballot_ids, g_ptr_array_unref);
  G_OBJECT_CLASS (wsp_opinion_editor_parent_class)->dispose (object);
}

static void
wsp_opinion_editor_class_init (WspOpinionEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wsp_opinion_editor_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Wspolnie/drafts/wsp-opinion-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, WspOpinionEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, WspOpinionEditor, verdict_row);
  gtk_widget_class_bind_template_child (widget_class, WspOpinionEditor, number_row);
  gtk_widget_class_bind_template_child (widget_class, WspOpinionEditor, date_row);
  gtk_widget_class_bind_template_child (widget_class, WspOpinionEditor, meeting_row);
  gtk_widget_class_bind_template_child (widget_class, WspOpinionEditor, ballot_row);
  gtk_widget_class_bind_template_child (widget_class, WspOpinionEditor, sides_group);
  gtk_widget_class_bind_template_child (widget_class, WspOpinionEditor, mayor_row);
  gtk_widget_class_bind_template_child (widget_class, WspOpinionEditor, city_council_row);
  gtk_widget_class_bind_template_child (widget_class, WspOpinionEditor, ngo_row);
  gtk_widget_class_bind_template_child (widget_class, WspOpinionEditor, text_view);
  gtk_widget_class_bind_template_child (widget_class, WspOpinionEditor, problem_label);
  gtk_widget_class_bind_template_callback (widget_class, verdict_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, meeting_changed_cb);
  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
}

static void
wsp_opinion_editor_init (WspOpinionEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
