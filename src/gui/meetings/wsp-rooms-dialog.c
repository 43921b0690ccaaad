/* wsp-rooms-dialog.c — the register of the rooms meetings are held in
 *
 * A form adds a room; the rooms below, in the order of their names, open
 * to be changed field by field (Enter, or the tick, saves a field) or
 * deleted (with Undo). A meeting's editor chooses its room from them, and
 * the agenda and the invitation name the room and its address.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "meetings/wsp-rooms-dialog.h"
#include "meetings/wsp-meetings-util.h"
#include "records/wsp-records-meetings.h"
#include "store/wsp-record-list.h"
#include "widgets/wsp-gui-util.h"

struct _WspRoomsDialog
{
  AdwWindow        parent_instance;

  WspStore        *store;
  GListModel      *rooms;
  char            *expanded_id;

  AdwToastOverlay *toasts;
  AdwEntryRow     *name_row;
  AdwEntryRow     *address_row;
  AdwEntryRow     *capacity_row;
  AdwEntryRow     *lender_row;
  AdwEntryRow     *contact_row;
  AdwEntryRow     *notes_row;
  GtkButton       *add_button;
  GtkListBox      *list;
};

G_DEFINE_FINAL_TYPE (WspRoomsDialog, wsp_rooms_dialog, ADW_TYPE_WINDOW)

/* The fields of a room, as the form and the rows show them. */
static const struct
{
  const char *field;
  const char *label;
} room_fields[] = {
  { "name", N_("Name") },
  { "address", N_("Address") },
  { "capacity", N_("Number of seats") },
  { "lender", N_("Lent by") },
  { "contact", N_("Contact") },
  { "notes", N_("Notes (Wi-Fi, keys, booking)") },
};

static void
show_error (WspRoomsDialog *self,
            GError         *error)
{
  AdwToast *toast = adw_toast_new (error->message);

  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (self->toasts, toast);
}

/* Sets @field of @room from @text: a number for the seats. */
static gboolean
set_field (WspRecord   *room,
           const char  *field,
           const char  *text,
           GError     **error)
{
  g_autofree char *value = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (g_str_equal (field, "capacity"))
    {
      gint64 seats = 0;

      if (*value == '\0')
        {
          wsp_record_set_value (room, field, NULL);
          return TRUE;
        }
      if (!g_ascii_string_to_signed (value, 10, 0, 100000, &seats, NULL))
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               _("The number of seats is a whole number, such as 30."));
          return FALSE;
        }
      wsp_record_set_int (room, field, seats);
      return TRUE;
    }
  if (g_str_equal (field, "name") && *value == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("A room needs a name."));
      return FALSE;
    }
  wsp_record_set_string (room, field, *value != '\0' ? value : NULL);
  return TRUE;
}

static AdwEntryRow *
form_row (WspRoomsDialog *self,
          guint           i)
{
  AdwEntryRow *rows[] = { self->name_row, self->address_row, self->capacity_row,
                          self->lender_row, self->contact_row, self->notes_row };

  return rows[i];
}

static void
new_changed_cb (WspRoomsDialog *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));

  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), *name != '\0');
}

static void
add_clicked_cb (WspRoomsDialog *self)
{
  g_autoptr (WspRecord) room = WSP_RECORD (wsp_room_new ());
  g_autoptr (GError) error = NULL;

  if (!gtk_widget_get_sensitive (GTK_WIDGET (self->add_button)))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (room_fields); i++)
    if (!set_field (room, room_fields[i].field, gtk_editable_get_text (GTK_EDITABLE (form_row (self, i))), &error))
      {
        show_error (self, error);
        return;
      }
  if (!wsp_store_save (self->store, room, &error))
    {
      show_error (self, error);
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (room_fields); i++)
    gtk_editable_set_text (GTK_EDITABLE (form_row (self, i)), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  {
    /* Translators: a toast; %s is the room's name */
    g_autofree char *text = g_strdup_printf (_("“%s” added"), wsp_record_get_string (room, "name"));
    adw_toast_overlay_add_toast (self->toasts, adw_toast_new (text));
  }
}

/* ---- the rooms ----------------------------------------------------------- */

static void
field_applied_cb (AdwEntryRow    *row,
                  WspRoomsDialog *self)
{
  const char *id = g_object_get_data (G_OBJECT (row), "room-id");
  const char *field = g_object_get_data (G_OBJECT (row), "field");
  g_autoptr (WspRecord) room = wsp_store_get (self->store, id, NULL);
  g_autoptr (GError) error = NULL;

  if (room == NULL)
    return;
  g_free (self->expanded_id);
  self->expanded_id = g_strdup (id);
  if (!set_field (room, field, gtk_editable_get_text (GTK_EDITABLE (row)), &error)
      || !wsp_store_save (self->store, room, &error))
    show_error (self, error);
}

static void
undo_delete_cb (AdwToast       *toast,
                WspRoomsDialog *self)
{
  g_autoptr (GError) error = NULL;

  if (!wsp_store_undelete (self->store, g_object_get_data (G_OBJECT (toast), "room-id"), &error))
    show_error (self, error);
}

static void
delete_clicked_cb (GtkButton      *button,
                   WspRoomsDialog *self)
{
  const char *id = g_object_get_data (G_OBJECT (button), "room-id");
  g_autoptr (WspRecord) room = wsp_store_get (self->store, id, NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  AdwToast *toast;

  if (room == NULL)
    return;
  if (!wsp_store_delete (self->store, room, &error))
    {
      show_error (self, error);
      return;
    }
  /* Translators: a toast after deleting; %s is the room's name */
  text = g_strdup_printf (_("“%s” deleted"), wsp_record_get_string (room, "name"));
  toast = adw_toast_new (text);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "room-id", g_strdup (id), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_delete_cb), self, 0);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toasts, toast);
}

static char *
room_subtitle (WspRecord *room)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (wsp_record_get_string (room, "address") != NULL)
    g_ptr_array_add (parts, g_strdup (wsp_record_get_string (room, "address")));
  if (wsp_record_get_value (room, "capacity") != NULL)
    {
      guint seats = (guint) wsp_record_get_int (room, "capacity");
      g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u seat", "%u seats", seats), seats));
    }
  if (wsp_record_get_string (room, "lender") != NULL)
    /* Translators: who lends a room */
    g_ptr_array_add (parts, g_strdup_printf (_("lent by %s"), wsp_record_get_string (room, "lender")));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  WspRoomsDialog *self = user_data;
  WspRecord *room = item;
  GtkWidget *row = adw_expander_row_new ();
  g_autofree char *subtitle = room_subtitle (room);
  GtkWidget *remove;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), wsp_record_get_string (room, "name"));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  for (guint i = 0; i < G_N_ELEMENTS (room_fields); i++)
    {
      GtkWidget *entry = adw_entry_row_new ();
      g_autofree char *value = NULL;

      if (g_str_equal (room_fields[i].field, "capacity"))
        {
          if (wsp_record_get_value (room, "capacity") != NULL)
            value = g_strdup_printf ("%" G_GINT64_FORMAT, wsp_record_get_int (room, "capacity"));
        }
      else
        value = g_strdup (wsp_record_get_string (room, room_fields[i].field));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), _(room_fields[i].label));
      gtk_editable_set_text (GTK_EDITABLE (entry), value != NULL ? value : "");
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (entry), TRUE);
      g_object_set_data_full (G_OBJECT (entry), "room-id", g_strdup (wsp_record_get_id (room)), g_free);
      g_object_set_data (G_OBJECT (entry), "field", (gpointer) room_fields[i].field);
      g_signal_connect (entry, "apply", G_CALLBACK (field_applied_cb), self);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), entry);
    }
  remove = gtk_button_new_with_mnemonic (_("_Delete Room"));
  gtk_widget_set_halign (remove, GTK_ALIGN_END);
  gtk_widget_set_margin_top (remove, 6);
  gtk_widget_set_margin_bottom (remove, 6);
  gtk_widget_set_margin_end (remove, 6);
  gtk_widget_add_css_class (remove, "destructive-action");
  g_object_set_data_full (G_OBJECT (remove), "room-id", g_strdup (wsp_record_get_id (room)), g_free);
  g_signal_connect (remove, "clicked", G_CALLBACK (delete_clicked_cb), self);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), remove);
  if (g_strcmp0 (self->expanded_id, wsp_record_get_id (room)) == 0)
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  return row;
}

WspRoomsDialog *
wsp_rooms_dialog_new (WspStore *store)
{
  WspRoomsDialog *self = g_object_new (WSP_TYPE_ROOMS_DIALOG, NULL);
  GtkWidget *empty = gtk_label_new (_("No rooms yet. Add the first one above."));

  self->store = g_object_ref (store);
  self->rooms = G_LIST_MODEL (wsp_record_list_new (store, WSP_TYPE_ROOM, NULL, NULL));
  gtk_widget_add_css_class (empty, "dim-label");
  gtk_widget_set_margin_top (empty, 12);
  gtk_widget_set_margin_bottom (empty, 12);
  gtk_list_box_set_placeholder (self->list, empty);
  gtk_list_box_bind_model (self->list, self->rooms, create_row, self, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  return self;
}

/* The new room's name, for those who type into it. */
GtkWidget *
wsp_rooms_dialog_get_name_row (WspRoomsDialog *self)
{
  g_return_val_if_fail (WSP_IS_ROOMS_DIALOG (self), NULL);
  return GTK_WIDGET (self->name_row);
}

GtkWidget *
wsp_rooms_dialog_get_add_button (WspRoomsDialog *self)
{
  g_return_val_if_fail (WSP_IS_ROOMS_DIALOG (self), NULL);
  return GTK_WIDGET (self->add_button);
}

static void
wsp_rooms_dialog_dispose (GObject *object)
{
  WspRoomsDialog *self = WSP_ROOMS_DIALOG (object);

  if (self->list != NULL)
    gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->rooms);
  g_clear_object (&self->store);
  g_clear_pointer (&self->expanded_id, g_free);

  G_OBJECT_CLASS (wsp_rooms_dialog_parent_class)->dispose (object);
}

static void
wsp_rooms_dialog_class_init (WspRoomsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wsp_rooms_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Wspolnie/meetings/wsp-rooms-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, WspRoomsDialog, toasts);
  gtk_widget_class_bind_template_child (widget_class, WspRoomsDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, WspRoomsDialog, address_row);
  gtk_widget_class_bind_template_child (widget_class, WspRoomsDialog, capacity_row);
  gtk_widget_class_bind_template_child (widget_class, WspRoomsDialog, lender_row);
  gtk_widget_class_bind_template_child (widget_class, WspRoomsDialog, contact_row);
  gtk_widget_class_bind_template_child (widget_class, WspRoomsDialog, notes_row);
  gtk_widget_class_bind_template_child (widget_class, WspRoomsDialog, add_button);
  gtk_widget_class_bind_template_child (widget_class, WspRoomsDialog, list);
  gtk_widget_class_bind_template_callback (widget_class, new_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
}

static void
wsp_rooms_dialog_init (WspRoomsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  wsp_meetings_close_on_escape (GTK_WINDOW (self));
}
