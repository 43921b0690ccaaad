/* wsp-agenda-editor.c — building a meeting's agenda
 *
 * The items in order, each with the time it is planned to start (from the
 * meeting's start and the planned minutes of the items before it), its
 * kind, presenter, length and the draft it carries. An item moves with
 * Alt+Up and Alt+Down, keeping the focus, or by dragging it onto another;
 * Enter edits it and Delete takes it off (with Undo). Items are added one
 * by one, as the standard opening and closing items, or copied from an
 * earlier meeting. The order is kept by core (wsp-agenda.h), the same on
 * every laptop. A held meeting's agenda is shown but not changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "domain/wsp-agenda.h"
#include "domain/wsp-meetings.h"
#include "meetings/wsp-agenda-editor.h"
#include "meetings/wsp-agenda-item-editor.h"
#include "meetings/wsp-meetings-util.h"
#include "records/wsp-records-meetings.h"
#include "store/wsp-record-list.h"
#include "widgets/wsp-gui-util.h"

struct _WspAgendaEditor
{
  AdwBin       parent_instance;

  WspStore    *store;
  char        *meeting_id;
  GListModel  *items;       /* the meeting's items, live, in order */
  gboolean     locked;
  gulong       changed_id;
  GtkWindow   *dialog;
  char        *focus_id;    /* the item whose row gets the focus back */

  GtkLabel    *lock_label;
  GtkWidget   *add_button;
  GtkWidget   *standard_button;
  GtkWidget   *copy_button;
  GtkListBox  *copy_list;
  GtkPopover  *copy_popover;
  GtkListBox  *list;
  GtkLabel    *total_label;
};

G_DEFINE_FINAL_TYPE (WspAgendaEditor, wsp_agenda_editor, ADW_TYPE_BIN)

static WspRecord *
get_meeting (WspAgendaEditor *self)
{
  return self->store != NULL && self->meeting_id != NULL ? wsp_store_get (self->store, self->meeting_id, NULL) : NULL;
}

static const char *
row_item_id (GtkWidget *row)
{
  return row != NULL ? g_object_get_data (G_OBJECT (row), "item-id") : NULL;
}

static GtkListBoxRow *
row_of (WspAgendaEditor *self,
        const char      *item_id)
{
  for (int i = 0;; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list, i);

      if (row == NULL || g_strcmp0 (row_item_id (GTK_WIDGET (row)), item_id) == 0)
        return row;
    }
}

static void
show_error (WspAgendaEditor *self,
            GError          *error)
{
  wsp_gui_show_error (GTK_WIDGET (self), error);
}

/* ---- moving -------------------------------------------------------------- */

static gboolean
move_item (WspAgendaEditor *self,
           const char      *item_id,
           guint            index)
{
  g_autoptr (WspRecord) meeting = get_meeting (self);
  g_autoptr (GError) error = NULL;
  g_autofree char *id = g_strdup (item_id);
  GtkListBoxRow *row;

  if (meeting == NULL)
    return FALSE;
  g_free (self->focus_id);
  self->focus_id = g_strdup (id);
  if (!wsp_agenda_move (self->store, meeting, id, index, &error))
    {
      show_error (self, error);
      return FALSE;
    }
  row = row_of (self, id);
  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
  return TRUE;
}

/**
 * wsp_agenda_editor_drop:
 * @self: the editor
 * @item_id: the item dropped
 * @target_row: the row it was dropped on
 * @after: whether on its lower half (after it) rather than its upper
 *
 * Moves @item_id next to the item of @target_row, as a drop does.
 */
gboolean
wsp_agenda_editor_drop (WspAgendaEditor *self,
                        const char      *item_id,
                        guint            target_row,
                        gboolean         after)
{
  GtkListBoxRow *dragged = row_of (self, item_id);
  guint from, to;

  g_return_val_if_fail (WSP_IS_AGENDA_EDITOR (self), FALSE);
  if (dragged == NULL || gtk_list_box_get_row_at_index (self->list, (int) target_row) == NULL)
    return FALSE;
  from = (guint) gtk_list_box_row_get_index (dragged);
  to = target_row + (after ? 1 : 0);
  /* Counted without the item itself. */
  if (to > from)
    to--;
  if (to == from)
    return TRUE;
  return move_item (self, item_id, to);
}

static GdkContentProvider *
drag_prepare_cb (GtkDragSource   *source,
                 double           x,
                 double           y,
                 WspAgendaEditor *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));

  if (self->locked)
    return NULL;
  return gdk_content_provider_new_typed (G_TYPE_STRING, row_item_id (row));
}

static void
drag_begin_cb (GtkDragSource   *source,
               GdkDrag         *drag,
               WspAgendaEditor *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  GdkPaintable *paintable = gtk_widget_paintable_new (row);

  gtk_drag_source_set_icon (source, paintable, 0, 0);
  g_object_unref (paintable);
}

static gboolean
drop_cb (GtkDropTarget   *target,
         const GValue    *value,
         double           x,
         double           y,
         WspAgendaEditor *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));

  if (!G_VALUE_HOLDS_STRING (value) || self->locked)
    return FALSE;
  return wsp_agenda_editor_drop (self, g_value_get_string (value), (guint) gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)),
                                 y > gtk_widget_get_height (row) / 2.0);
}

/* ---- editing ------------------------------------------------------------- */

static void
dialog_destroyed_cb (WspAgendaEditor *self)
{
  self->dialog = NULL;
}

static void
open_item_editor (WspAgendaEditor *self,
                  WspRecord       *item,
                  guint            index)
{
  g_autoptr (WspRecord) meeting = get_meeting (self);

  if (meeting == NULL || self->locked)
    return;
  if (self->dialog != NULL)
    gtk_window_destroy (self->dialog);
  self->dialog = GTK_WINDOW (wsp_agenda_item_editor_new (self->store, meeting, item, index));
  g_signal_connect_object (self->dialog, "destroy", G_CALLBACK (dialog_destroyed_cb), self, G_CONNECT_SWAPPED);
  wsp_meetings_present (GTK_WIDGET (self), self->dialog);
}

static void
edit_row (WspAgendaEditor *self,
          GtkWidget       *row)
{
  g_autoptr (WspRecord) item = wsp_store_get (self->store, row_item_id (row), NULL);

  if (item != NULL)
    open_item_editor (self, item, 0);
}

static void
row_activated_cb (WspAgendaEditor *self,
                  GtkListBoxRow   *row)
{
  edit_row (self, GTK_WIDGET (row));
}

static void
edit_clicked_cb (GtkButton       *button,
                 WspAgendaEditor *self)
{
  edit_row (self, gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW));
}

static void
undo_remove_cb (AdwToast        *toast,
                WspAgendaEditor *self)
{
  g_autoptr (GError) error = NULL;

  if (self->store != NULL && !wsp_store_undelete (self->store, g_object_get_data (G_OBJECT (toast), "item-id"), &error))
    show_error (self, error);
}

static void
remove_row (WspAgendaEditor *self,
            GtkWidget       *row)
{
  g_autoptr (WspRecord) meeting = get_meeting (self);
  g_autoptr (WspRecord) item = wsp_store_get (self->store, row_item_id (row), NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  int index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
  GtkListBoxRow *next;
  AdwToast *toast;

  if (meeting == NULL || item == NULL)
    return;
  if (!wsp_agenda_remove (self->store, meeting, item, &error))
    {
      show_error (self, error);
      return;
    }
  next = gtk_list_box_get_row_at_index (self->list, index);
  if (next == NULL && index > 0)
    next = gtk_list_box_get_row_at_index (self->list, index - 1);
  if (next != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (next));
  /* Translators: a toast; %s is the agenda item's title */
  text = g_strdup_printf (_("“%s” taken off the agenda"), wsp_record_get_string (item, "title"));
  toast = adw_toast_new (text);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "item-id", g_strdup (wsp_record_get_id (item)), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_remove_cb), self, 0);
  wsp_gui_add_toast (GTK_WIDGET (self), toast);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                WspAgendaEditor       *self)
{
  GtkWidget *row = gtk_widget_get_focus_child (GTK_WIDGET (self->list));
  GdkModifierType mods = state & gtk_accelerator_get_default_mod_mask ();
  int index;

  if (row == NULL || !GTK_IS_LIST_BOX_ROW (row) || row_item_id (row) == NULL || self->locked)
    return FALSE;
  index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
  if (mods == GDK_ALT_MASK && (keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up))
    {
      if (index > 0)
        move_item (self, row_item_id (row), (guint) index - 1);
      return TRUE;
    }
  if (mods == GDK_ALT_MASK && (keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down))
    {
      if (gtk_list_box_get_row_at_index (self->list, index + 1) != NULL)
        move_item (self, row_item_id (row), (guint) index + 1);
      return TRUE;
    }
  if (mods == 0 && (keyval == GDK_KEY_Delete || keyval == GDK_KEY_KP_Delete))
    {
      remove_row (self, row);
      return TRUE;
    }
  return FALSE;
}

/* ---- the rows ------------------------------------------------------------ */

static GtkWidget *
create_row (WspAgendaEditor *self,
            WspRecord       *item,
            guint            number,
            GDateTime       *starts)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *edit;
  g_autofree char *title = g_strdup_printf ("%u. %s", number, wsp_record_get_string (item, "title"));
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *subtitle = NULL;
  const char *kind = wsp_choice_label (wsp_item_kind_choices, wsp_record_get_string (item, "kind"));
  const char *presenter = wsp_record_get_string (item, "presenter");
  const char *draft_id = wsp_record_get_string (item, "draft_id");

  if (starts != NULL)
    g_ptr_array_add (parts, wsp_meetings_format_clock (starts));
  if (kind != NULL)
    g_ptr_array_add (parts, g_strdup (kind));
  if (presenter != NULL)
    g_ptr_array_add (parts, g_strdup (presenter));
  if (wsp_record_get_int (item, "planned_minutes") > 0)
    g_ptr_array_add (parts, wsp_meetings_format_minutes (wsp_record_get_int (item, "planned_minutes")));
  if (draft_id != NULL)
    {
      g_autoptr (WspRecord) draft = wsp_store_get (self->store, draft_id, NULL);

      if (draft != NULL)
        /* Translators: the draft an agenda item carries */
        g_ptr_array_add (parts, g_strdup_printf (_("draft: %s"), wsp_record_get_string (draft, "title")));
    }
  if (wsp_record_get_conflicted (item))
    g_ptr_array_add (parts, g_strdup (_("changed on two laptops at once: see the conflicts")));
  g_ptr_array_add (parts, NULL);
  subtitle = g_strjoinv (" · ", (char **) parts->pdata);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), !self->locked);
  g_object_set_data_full (G_OBJECT (row), "item-id", g_strdup (wsp_record_get_id (item)), g_free);

  if (!self->locked)
    {
      GtkDragSource *source = gtk_drag_source_new ();
      GtkDropTarget *target = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_MOVE);

      edit = gtk_button_new_from_icon_name ("document-edit-symbolic");
      gtk_widget_set_valign (edit, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (edit, "flat");
      gtk_widget_set_tooltip_text (edit, _("Edit the item"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (edit), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Edit the item"), -1);
      g_signal_connect (edit, "clicked", G_CALLBACK (edit_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);

      gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
      g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare_cb), self);
      g_signal_connect (source, "drag-begin", G_CALLBACK (drag_begin_cb), self);
      gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (source));
      g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
      gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (target));
    }
  return row;
}

static void
rebuild (WspAgendaEditor *self)
{
  g_autoptr (WspRecord) meeting = get_meeting (self);
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) starts = NULL;
  GtkWidget *focus = gtk_widget_get_focus_child (GTK_WIDGET (self->list));
  g_autofree char *focus_id = g_strdup (self->focus_id != NULL ? self->focus_id : row_item_id (focus));
  gint64 total = 0;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  if (meeting == NULL || self->items == NULL)
    {
      gtk_label_set_text (self->total_label, "");
      return;
    }
  for (guint i = 0; i < g_list_model_get_n_items (self->items); i++)
    g_ptr_array_add (items, g_list_model_get_item (self->items, i));
  starts = wsp_agenda_planned_starts (meeting, items);
  for (guint i = 0; i < items->len; i++)
    {
      WspRecord *item = g_ptr_array_index (items, i);

      gtk_list_box_append (self->list, create_row (self, item, i + 1, i < starts->len ? g_ptr_array_index (starts, i) : NULL));
      total += MAX (wsp_record_get_int (item, "planned_minutes"), 0);
    }
  if (items->len == 0)
    gtk_label_set_text (self->total_label, self->locked ? _("The agenda has no items.")
                                                        : _("No items yet: add them one by one, start with the "
                                                            "standard ones, or copy an earlier meeting’s agenda."));
  else
    {
      g_autofree char *length = wsp_meetings_format_minutes (total);
      g_autoptr (GDateTime) start = wsp_meetings_parse_time (meeting, "starts_at");
      g_autoptr (GDateTime) end = start != NULL ? g_date_time_add_minutes (start, (int) total) : NULL;
      g_autofree char *clock = end != NULL ? wsp_meetings_format_clock (end) : NULL;
      g_autofree char *text = clock != NULL
                                /* Translators: %1$s how long the agenda takes, %2$s when it ends */
                                ? g_strdup_printf (_("Planned: %1$s, until about %2$s"), length, clock)
                                /* Translators: %s how long the agenda takes */
                                : g_strdup_printf (_("Planned: %s"), length);

      gtk_label_set_text (self->total_label, text);
    }
  if (focus_id != NULL)
    {
      GtkListBoxRow *row = row_of (self, focus_id);

      if (row != NULL && (focus != NULL || self->focus_id != NULL))
        gtk_widget_grab_focus (GTK_WIDGET (row));
    }
  g_clear_pointer (&self->focus_id, g_free);
}

static void
update_lock (WspAgendaEditor *self)
{
  g_autoptr (WspRecord) meeting = get_meeting (self);
  g_autoptr (GError) error = NULL;

  self->locked = meeting == NULL || !wsp_agenda_check_unlocked (meeting, &error);
  gtk_widget_set_visible (GTK_WIDGET (self->lock_label), error != NULL);
  if (error != NULL)
    gtk_label_set_text (self->lock_label, error->message);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agenda.add", !self->locked);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agenda.add-standard", !self->locked);
  gtk_widget_set_sensitive (self->copy_button, !self->locked);
}

static void
store_changed_cb (WspStore        *store,
                  WspChanges      *changes,
                  WspAgendaEditor *self)
{
  if (self->meeting_id == NULL)
    return;
  /* The items follow by themselves; the meeting's start and status change
   * the times and the lock; a draft's title its rows. */
  if (wsp_changes_contains (changes, "meeting", self->meeting_id) || wsp_changes_has_entity (changes, "draft"))
    {
      update_lock (self);
      rebuild (self);
    }
}

void
wsp_agenda_editor_set_meeting (WspAgendaEditor *self,
                               WspStore        *store,
                               const char      *meeting_id)
{
  g_return_if_fail (WSP_IS_AGENDA_EDITOR (self));

  if (self->store != store)
    {
      if (self->store != NULL)
        g_clear_signal_handler (&self->changed_id, self->store);
      g_set_object (&self->store, store);
      if (store != NULL)
        self->changed_id = g_signal_connect (store, "changed", G_CALLBACK (store_changed_cb), self);
    }
  g_free (self->meeting_id);
  self->meeting_id = g_strdup (meeting_id);
  g_clear_object (&self->items);
  if (store != NULL && meeting_id != NULL)
    {
      self->items = G_LIST_MODEL (wsp_record_list_new (store, WSP_TYPE_AGENDA_ITEM, "meeting_id", meeting_id));
      g_signal_connect_object (self->items, "items-changed", G_CALLBACK (rebuild), self, G_CONNECT_SWAPPED);
    }
  update_lock (self);
  rebuild (self);
}

/* ---- adding -------------------------------------------------------------- */

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  WspAgendaEditor *self = WSP_AGENDA_EDITOR (widget);
  GtkWidget *focus = gtk_widget_get_focus_child (GTK_WIDGET (self->list));
  guint index = G_MAXUINT;

  if (focus != NULL && GTK_IS_LIST_BOX_ROW (focus))
    index = (guint) gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (focus)) + 1;
  open_item_editor (self, NULL, index);
}

static void
add_standard_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  WspAgendaEditor *self = WSP_AGENDA_EDITOR (widget);
  g_autoptr (WspRecord) meeting = get_meeting (self);
  g_autoptr (GError) error = NULL;
  guint added = 0;
  g_autofree char *text = NULL;

  if (meeting == NULL)
    return;
  if (!wsp_agenda_add_standard_items (self->store, meeting, &added, &error))
    {
      show_error (self, error);
      return;
    }
  text = added > 0 ? g_strdup_printf (ngettext ("%u standard item added", "%u standard items added", added), added)
                   : g_strdup (_("The agenda has the standard items already"));
  wsp_gui_add_toast (widget, adw_toast_new (text));
}

static void
copy_popover_shown_cb (WspAgendaEditor *self)
{
  g_autoptr (WspRecord) meeting = get_meeting (self);
  g_autoptr (GPtrArray) meetings = g_ptr_array_new_with_free_func (g_object_unref);
  GtkWidget *child;
  guint shown = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->copy_list))) != NULL)
    gtk_list_box_remove (self->copy_list, child);
  if (meeting == NULL)
    return;
  wsp_store_query (self->store, WSP_TYPE_MEETING, "body_id", wsp_record_get_string (meeting, "body_id"), meetings, NULL);
  for (guint i = 0; i < meetings->len && shown < 30; i++)
    {
      WspRecord *other = g_ptr_array_index (meetings, i);
      guint n = wsp_meetings_count_items (self->store, wsp_record_get_id (other));
      g_autofree char *title = NULL;
      g_autofree char *when = NULL;
      g_autofree char *label = NULL;
      GtkWidget *row;

      if (g_str_equal (wsp_record_get_id (other), self->meeting_id) || n == 0)
        continue;
      title = wsp_meeting_dup_title (other);
      when = wsp_meetings_format_when (other);
      /* Translators: an earlier meeting to copy the agenda of: its title, when, how many items */
      label = g_strdup_printf (ngettext ("%1$s, %2$s (%3$u item)", "%1$s, %2$s (%3$u items)", n), title,
                               when != NULL ? when : "", n);
      row = gtk_label_new (label);
      gtk_label_set_xalign (GTK_LABEL (row), 0);
      gtk_label_set_wrap (GTK_LABEL (row), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (row), 40);
      gtk_list_box_append (self->copy_list, row);
      g_object_set_data_full (G_OBJECT (gtk_widget_get_parent (row)), "meeting-id",
                              g_strdup (wsp_record_get_id (other)), g_free);
      shown++;
    }
  if (shown == 0)
    {
      GtkWidget *none = gtk_label_new (_("No earlier meeting has an agenda."));

      gtk_widget_add_css_class (none, "dim-label");
      gtk_list_box_append (self->copy_list, none);
    }
}

static void
copy_row_activated_cb (WspAgendaEditor *self,
                       GtkListBoxRow   *row)
{
  const char *source_id = g_object_get_data (G_OBJECT (row), "meeting-id");
  g_autoptr (WspRecord) meeting = get_meeting (self);
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  guint added = 0;

  gtk_popover_popdown (self->copy_popover);
  if (source_id == NULL || meeting == NULL)
    return;
  if (!wsp_agenda_copy (self->store, meeting, source_id, &added, &error))
    {
      show_error (self, error);
      return;
    }
  text = g_strdup_printf (ngettext ("%u item copied", "%u items copied", added), added);
  wsp_gui_add_toast (GTK_WIDGET (self), adw_toast_new (text));
}

/* ---- for those who look in ----------------------------------------------- */

GtkListBox *
wsp_agenda_editor_get_list (WspAgendaEditor *self)
{
  g_return_val_if_fail (WSP_IS_AGENDA_EDITOR (self), NULL);
  return self->list;
}

GtkWidget *
wsp_agenda_editor_get_add_button (WspAgendaEditor *self)
{
  g_return_val_if_fail (WSP_IS_AGENDA_EDITOR (self), NULL);
  return self->add_button;
}

GtkWidget *
wsp_agenda_editor_get_standard_button (WspAgendaEditor *self)
{
  g_return_val_if_fail (WSP_IS_AGENDA_EDITOR (self), NULL);
  return self->standard_button;
}

GtkWindow *
wsp_agenda_editor_get_dialog (WspAgendaEditor *self)
{
  g_return_val_if_fail (WSP_IS_AGENDA_EDITOR (self), NULL);
  return self->dialog;
}

/* The titles of the rows, in order: "A|B|C". */
char *
wsp_agenda_editor_dup_titles (WspAgendaEditor *self)
{
  g_autoptr (GString) out = g_string_new (NULL);

  g_return_val_if_fail (WSP_IS_AGENDA_EDITOR (self), NULL);
  for (guint i = 0; self->items != NULL && i < g_list_model_get_n_items (self->items); i++)
    {
      g_autoptr (WspRecord) item = g_list_model_get_item (self->items, i);

      g_string_append_printf (out, "%s%s", i > 0 ? "|" : "", wsp_record_get_string (item, "title"));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* ---- life ---------------------------------------------------------------- */

static void
wsp_agenda_editor_dispose (GObject *object)
{
  WspAgendaEditor *self = WSP_AGENDA_EDITOR (object);

  if (self->dialog != NULL)
    gtk_window_destroy (self->dialog);
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->items);
  g_clear_object (&self->store);
  g_clear_pointer (&self->meeting_id, g_free);
  g_clear_pointer (&self->focus_id, g_free);

  G_OBJECT_CLASS (wsp_agenda_editor_parent_class)->dispose (object);
}

static void
wsp_agenda_editor_class_init (WspAgendaEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wsp_agenda_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Wspolnie/meetings/wsp-agenda-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, WspAgendaEditor, lock_label);
  gtk_widget_class_bind_template_child (widget_class, WspAgendaEditor, add_button);
  gtk_widget_class_bind_template_child (widget_class, WspAgendaEditor, standard_button);
  gtk_widget_class_bind_template_child (widget_class, WspAgendaEditor, copy_button);
  gtk_widget_class_bind_template_child (widget_class, WspAgendaEditor, copy_list);
  gtk_widget_class_bind_template_child (widget_class, WspAgendaEditor, copy_popover);
  gtk_widget_class_bind_template_child (widget_class, WspAgendaEditor, list);
  gtk_widget_class_bind_template_child (widget_class, WspAgendaEditor, total_label);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, copy_popover_shown_cb);
  gtk_widget_class_bind_template_callback (widget_class, copy_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "agenda.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "agenda.add-standard", NULL, add_standard_action);
}

static void
wsp_agenda_editor_init (WspAgendaEditor *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Before the row's own keys: Alt+Up would otherwise move the focus. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->list), keys);
}
