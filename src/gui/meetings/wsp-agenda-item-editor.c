/* wsp-agenda-item-editor.c — one item of an agenda: kind, title, presenter, time, draft
 *
 * A new item goes where the agenda builder says (after the item chosen, or
 * at the end); the drafts it can carry are the ones the data holds, the
 * latest first.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "domain/wsp-agenda.h"
#include "meetings/wsp-agenda-item-editor.h"
#include "records/wsp-records-drafts.h"
#include "meetings/wsp-meetings-util.h"
#include "records/wsp-records-meetings.h"

struct _WspAgendaItemEditor
{
  AdwWindow     parent_instance;

  WspStore     *store;
  WspRecord    *meeting;
  WspRecord    *item;       /* NULL for a new one */
  guint         index;
  GPtrArray    *draft_ids;  /* beside the draft chooser; NULL for none */

  AdwEntryRow  *title_row;
  AdwComboRow  *kind_row;
  AdwEntryRow  *presenter_row;
  AdwEntryRow  *minutes_row;
  AdwComboRow  *draft_row;
  GtkTextView  *description_view;
  GtkLabel     *problem;
};

G_DEFINE_FINAL_TYPE (WspAgendaItemEditor, wsp_agenda_item_editor, ADW_TYPE_WINDOW)

#define EDITOR_ERROR (g_quark_from_static_string ("wsp-agenda-item-editor-error"))

static void
changed_cb (WspAgendaItemEditor *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->problem), FALSE);
}

static char *
description_text (WspAgendaItemEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->description_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

gboolean
wsp_agenda_item_editor_save (WspAgendaItemEditor  *self,
                             GError              **error)
{
  g_autoptr (WspRecord) item = NULL;
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  g_autofree char *presenter = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->presenter_row))));
  g_autofree char *minutes_text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->minutes_row))));
  g_autofree char *description = description_text (self);
  guint kind = adw_combo_row_get_selected (self->kind_row);
  guint draft = adw_combo_row_get_selected (self->draft_row);
  gint64 minutes = 0;

  if (*title == '\0')
    {
      g_set_error_literal (error, EDITOR_ERROR, 0, _("An agenda item needs a title."));
      return FALSE;
    }
  if (*minutes_text != '\0' && !g_ascii_string_to_signed (minutes_text, 10, 0, 24 * 60, &minutes, NULL))
    {
      g_set_error_literal (error, EDITOR_ERROR, 0, _("The planned time is a number of minutes, such as 15."));
      return FALSE;
    }
  item = self->item != NULL ? wsp_store_get (self->store, wsp_record_get_id (self->item), error)
                            : WSP_RECORD (wsp_agenda_item_new ());
  if (item == NULL)
    return FALSE;
  wsp_record_set_string (item, "title", title);
  wsp_record_set_string (item, "presenter", *presenter != '\0' ? presenter : NULL);
  wsp_record_set_string (item, "description", *description != '\0' ? description : NULL);
  if (*minutes_text != '\0')
    wsp_record_set_int (item, "planned_minutes", minutes);
  else
    wsp_record_set_value (item, "planned_minutes", NULL);
  if (kind < wsp_choice_count (wsp_item_kind_choices))
    wsp_record_set_string (item, "kind", wsp_item_kind_choices[kind].name);
  wsp_record_set_string (item, "draft_id", draft < self->draft_ids->len ? g_ptr_array_index (self->draft_ids, draft) : NULL);
  if (self->item != NULL)
    {
      if (!wsp_agenda_check_unlocked (self->meeting, error))
        return FALSE;
      return wsp_store_save (self->store, item, error);
    }
  return wsp_agenda_insert (self->store, self->meeting, item, self->index, error);
}

static void
save_clicked_cb (WspAgendaItemEditor *self)
{
  g_autoptr (GError) error = NULL;

  if (!wsp_agenda_item_editor_save (self, &error))
    {
      gtk_label_set_text (self->problem, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->problem), TRUE);
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

static void
fill (WspAgendaItemEditor *self)
{
  g_autoptr (GStrvBuilder) kinds = g_strv_builder_new ();
  g_autoptr (GStrvBuilder) drafts = g_strv_builder_new ();
  g_autoptr (GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto (GStrv) kind_list = NULL;
  g_auto (GStrv) draft_list = NULL;
  g_autoptr (GtkStringList) kind_model = NULL;
  g_autoptr (GtkStringList) draft_model = NULL;
  const char *kind = self->item != NULL ? wsp_record_get_string (self->item, "kind") : "discussion";
  const char *draft_id = self->item != NULL ? wsp_record_get_string (self->item, "draft_id") : NULL;
  guint kind_index = 0, draft_index = 0;

  for (guint i = 0; wsp_item_kind_choices[i].name != NULL; i++)
    {
      g_strv_builder_add (kinds, g_dpgettext2 (GETTEXT_PACKAGE, wsp_item_kind_choices[i].context,
                                               wsp_item_kind_choices[i].label));
      if (g_strcmp0 (kind, wsp_item_kind_choices[i].name) == 0)
        kind_index = i;
    }
  kind_list = g_strv_builder_end (kinds);
  kind_model = gtk_string_list_new ((const char * const *) kind_list);
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kind_model));
  adw_combo_row_set_selected (self->kind_row, kind_index);

  /* Translators: in the chooser of the draft an agenda item carries */
  g_strv_builder_add (drafts, C_ ("draft", "None"));
  g_ptr_array_add (self->draft_ids, NULL);
  wsp_store_query (self->store, WSP_TYPE_DRAFT, NULL, NULL, records, NULL);
  for (guint i = 0; i < records->len; i++)
    {
      WspRecord *draft = g_ptr_array_index (records, i);

      if (g_strcmp0 (draft_id, wsp_record_get_id (draft)) == 0)
        draft_index = self->draft_ids->len;
      g_strv_builder_add (drafts, wsp_record_get_string (draft, "title"));
      g_ptr_array_add (self->draft_ids, g_strdup (wsp_record_get_id (draft)));
    }
  draft_list = g_strv_builder_end (drafts);
  draft_model = gtk_string_list_new ((const char * const *) draft_list);
  adw_combo_row_set_model (self->draft_row, G_LIST_MODEL (draft_model));
  adw_combo_row_set_selected (self->draft_row, draft_index);

  if (self->item != NULL)
    {
      g_autofree char *minutes = NULL;

      gtk_editable_set_text (GTK_EDITABLE (self->title_row), wsp_record_get_string (self->item, "title") ?: "");
      gtk_editable_set_text (GTK_EDITABLE (self->presenter_row), wsp_record_get_string (self->item, "presenter") ?: "");
      if (wsp_record_get_value (self->item, "planned_minutes") != NULL)
        minutes = g_strdup_printf ("%" G_GINT64_FORMAT, wsp_record_get_int (self->item, "planned_minutes"));
      gtk_editable_set_text (GTK_EDITABLE (self->minutes_row), minutes != NULL ? minutes : "");
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->description_view),
                                wsp_record_get_string (self->item, "description") ?: "", -1);
    }
  else
    gtk_editable_set_text (GTK_EDITABLE (self->minutes_row), "15");
  gtk_window_set_title (GTK_WINDOW (self), self->item != NULL ? _("Edit Agenda Item") : _("New Agenda Item"));
}

/**
 * wsp_agenda_item_editor_new:
 * @store: the store
 * @meeting: the meeting
 * @item: (nullable): the item to edit; %NULL for a new one
 * @index: where a new one goes (G_MAXUINT: at the end)
 */
WspAgendaItemEditor *
wsp_agenda_item_editor_new (WspStore  *store,
                            WspRecord *meeting,
                            WspRecord *item,
                            guint      index)
{
  WspAgendaItemEditor *self = g_object_new (WSP_TYPE_AGENDA_ITEM_EDITOR, NULL);

  self->store = g_object_ref (store);
  self->meeting = g_object_ref (meeting);
  g_set_object (&self->item, item);
  self->index = index;
  fill (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
  return self;
}

static void
wsp_agenda_item_editor_dispose (GObject *object)
{
  WspAgendaItemEditor *self = WSP_AGENDA_ITEM_EDITOR (object);

  g_clear_object (&self->store);
  g_clear_object (&self->meeting);
  g_clear_object (&self->item);
  g_clear_pointer (&self->draft_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (wsp_agenda_item_editor_parent_class)->dispose (object);
}

static void
wsp_agenda_item_editor_class_init (WspAgendaItemEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wsp_agenda_item_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Wspolnie/meetings/wsp-agenda-item-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, WspAgendaItemEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, WspAgendaItemEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, WspAgendaItemEditor, presenter_row);
  gtk_widget_class_bind_template_child (widget_class, WspAgendaItemEditor, minutes_row);
  gtk_widget_class_bind_template_child (widget_class, WspAgendaItemEditor, draft_row);
  gtk_widget_class_bind_template_child (widget_class, WspAgendaItemEditor, description_view);
  gtk_widget_class_bind_template_child (widget_class, WspAgendaItemEditor, problem);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
  gtk_widget_class_install_action (widget_class, "editor.save", NULL, (GtkWidgetActionActivateFunc) save_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
}

static void
wsp_agenda_item_editor_init (WspAgendaItemEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  wsp_meetings_close_on_escape (GTK_WINDOW (self));
  self->draft_ids = g_ptr_array_new_with_free_func (g_free);
}
