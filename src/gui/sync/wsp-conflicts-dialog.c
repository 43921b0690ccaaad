/* wsp-conflicts-dialog.c — choosing between values changed on two laptops
 *
 * For each record in conflict, each field changed on two laptops at once
 * shows every value side by side, with who changed it and when. The person
 * picks one, or types a value that merges them; a record deleted on one
 * laptop and edited on another can be kept or deleted. Resolving is an
 * ordinary change: it travels to the other laptops with the next file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sync/wsp-conflicts-dialog.h"
#include "wsp-gui-util.h"
#include "base/wsp-hlc.h"
#include "sync/wsp-sync.h"

#define DELETED_FIELD "_deleted"

typedef struct
{
  char        *name;
  JsonArray   *candidates;
  guint        chosen;
  GPtrArray   *buttons;  /* GtkCheckButton, one per candidate */
  AdwEntryRow *entry;    /* for text values: what will be saved */
} Field;

typedef struct
{
  WspRecord *record;
  GPtrArray *fields;     /* Field */
  GPtrArray *groups;     /* AdwPreferencesGroup */
} Item;

struct _WspConflictsDialog
{
  AdwWindow           parent_instance;

  WspStore           *store;
  GHashTable         *peer_names;
  GPtrArray          *items;

  AdwPreferencesPage *page;
  GtkStack           *stack;
};

G_DEFINE_FINAL_TYPE (WspConflictsDialog, wsp_conflicts_dialog, ADW_TYPE_WINDOW)

static void
field_free (Field *field)
{
  g_free (field->name);
  g_clear_pointer (&field->candidates, json_array_unref);
  g_clear_pointer (&field->buttons, g_ptr_array_unref);
  g_free (field);
}

static void
item_free (Item *item)
{
  g_clear_object (&item->record);
  g_clear_pointer (&item->fields, g_ptr_array_unref);
  g_clear_pointer (&item->groups, g_ptr_array_unref);
  g_free (item);
}

static char *
describe_candidate (WspConflictsDialog *self,
                    JsonObject         *candidate)
{
  const char *peer = json_object_get_string_member (candidate, "peer");
  const char *name = g_hash_table_lookup (self->peer_names, peer);
  WspHlc hlc = 0;
  g_autofree char *when = NULL;

  if (wsp_hlc_parse (json_object_get_string_member (candidate, "hlc"), &hlc))
    {
      g_autoptr (GDateTime) dt = g_date_time_new_from_unix_local ((gint64) (wsp_hlc_millis (hlc) / 1000));
      when = dt != NULL ? g_date_time_format (dt, "%x %H:%M") : NULL;
    }
  /* Translators: who changed a value and when: “Laptop A, 27.11.2026 17:40” */
  return g_strdup_printf (_("%s, %s"), name != NULL ? name : _("another laptop"), when != NULL ? when : "?");
}

static char *
value_text (JsonNode *value)
{
  if (value == NULL || JSON_NODE_HOLDS_NULL (value))
    return g_strdup (_("(empty)"));
  if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (value));
  return json_to_string (value, FALSE);
}

static Item *
item_at (WspConflictsDialog *self,
         guint               index)
{
  return index < self->items->len ? g_ptr_array_index (self->items, index) : NULL;
}

static Field *
field_of (Item       *item,
          const char *name)
{
  for (guint i = 0; item != NULL && i < item->fields->len; i++)
    {
      Field *field = g_ptr_array_index (item->fields, i);
      if (g_strcmp0 (field->name, name) == 0)
        return field;
    }
  return NULL;
}

static void
candidate_toggled_cb (GtkCheckButton *button,
                      Field          *field)
{
  JsonNode *value;

  if (!gtk_check_button_get_active (button))
    return;
  field->chosen = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "candidate"));
  value = json_object_get_member (json_array_get_object_element (field->candidates, field->chosen), "value");
  if (field->entry != NULL && JSON_NODE_HOLDS_VALUE (value))
    gtk_editable_set_text (GTK_EDITABLE (field->entry), json_node_get_string (value));
}

gboolean
wsp_conflicts_dialog_choose (WspConflictsDialog *self,
                             guint               record,
                             const char         *field_name,
                             guint               candidate)
{
  Field *field = field_of (item_at (self, record), field_name);

  g_return_val_if_fail (WSP_IS_CONFLICTS_DIALOG (self), FALSE);
  if (field == NULL || candidate >= field->buttons->len)
    return FALSE;
  gtk_check_button_set_active (g_ptr_array_index (field->buttons, candidate), TRUE);
  return TRUE;
}

/* Types a merged value for a text field. */
void
wsp_conflicts_dialog_set_value (WspConflictsDialog *self,
                                guint               record,
                                const char         *field_name,
                                const char         *text)
{
  Field *field = field_of (item_at (self, record), field_name);

  g_return_if_fail (field != NULL && field->entry != NULL);
  gtk_editable_set_text (GTK_EDITABLE (field->entry), text);
}

guint
wsp_conflicts_dialog_get_n_records (WspConflictsDialog *self)
{
  g_return_val_if_fail (WSP_IS_CONFLICTS_DIALOG (self), 0);
  return self->items->len;
}

static void reload (WspConflictsDialog *self);

/* Saves the choices for one record as the resolution of its conflicts. */
gboolean
wsp_conflicts_dialog_resolve (WspConflictsDialog  *self,
                              guint                record,
                              GError             **error)
{
  Item *item = item_at (self, record);
  gboolean delete = FALSE;
  gboolean ok;

  g_return_val_if_fail (WSP_IS_CONFLICTS_DIALOG (self), FALSE);
  g_return_val_if_fail (item != NULL, FALSE);

  for (guint i = 0; i < item->fields->len; i++)
    {
      Field *field = g_ptr_array_index (item->fields, i);
      JsonObject *candidate = json_array_get_object_element (field->candidates, field->chosen);
      JsonNode *value = json_object_get_member (candidate, "value");

      if (g_strcmp0 (field->name, DELETED_FIELD) == 0)
        {
          delete = JSON_NODE_HOLDS_VALUE (value) && json_node_get_boolean (value);
          continue;
        }
      if (field->entry != NULL)
        wsp_record_set_string (item->record, field->name, gtk_editable_get_text (GTK_EDITABLE (field->entry)));
      else
        wsp_record_set_value (item->record, field->name,
                              JSON_NODE_HOLDS_NULL (value) ? NULL : json_node_copy (value));
    }

  ok = delete ? wsp_store_delete (self->store, item->record, error)
              : wsp_store_resolve (self->store, item->record, error);
  if (ok)
    reload (self);
  return ok;
}

static void
resolve_clicked_cb (GtkButton          *button,
                    WspConflictsDialog *self)
{
  Item *item = g_object_get_data (G_OBJECT (button), "item");
  g_autoptr (GError) error = NULL;
  guint index;

  if (!g_ptr_array_find (self->items, item, &index))
    return;
  if (!wsp_conflicts_dialog_resolve (self, index, &error))
    wsp_gui_show_error (GTK_WIDGET (self), error);
}

static void
add_item (WspConflictsDialog *self,
          const char         *id)
{
  g_autoptr (JsonObject) conflicts = wsp_store_dup_conflicts (self->store, id, NULL);
  g_autoptr (GList) names = conflicts != NULL ? json_object_get_members (conflicts) : NULL;
  g_autofree char *title = NULL;
  Item *item;
  AdwPreferencesGroup *header;
  GtkWidget *resolve_row, *button;

  item = g_new0 (Item, 1);
  item->record = wsp_store_get (self->store, id, NULL);
  if (item->record == NULL || names == NULL)
    {
      item_free (item);
      return;
    }
  item->fields = g_ptr_array_new_with_free_func ((GDestroyNotify) field_free);
  item->groups = g_ptr_array_new ();
  g_ptr_array_add (self->items, item);

  title = wsp_record_dup_title (item->record);
  header = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  {
    g_autofree char *kind = wsp_gui_capitalize (_(wsp_record_get_entity (item->record)->label));
    adw_preferences_group_set_title (header, kind);
  }
  adw_preferences_group_set_description (header, title);
  adw_preferences_page_add (self->page, header);
  g_ptr_array_add (item->groups, header);

  for (GList *l = names; l != NULL; l = l->next)
    {
      const WspField *spec = wsp_entity_find_field (wsp_record_get_entity (item->record), l->data);
      gboolean deleted = g_strcmp0 (l->data, DELETED_FIELD) == 0;
      AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      Field *field = g_new0 (Field, 1);
      GtkCheckButton *first = NULL;
      gboolean all_text = TRUE;

      field->name = g_strdup (l->data);
      field->candidates = json_array_ref (json_object_get_array_member (conflicts, l->data));
      field->buttons = g_ptr_array_new ();
      g_ptr_array_add (item->fields, field);

      adw_preferences_group_set_title (group, deleted ? _("Deleted on one laptop, changed on another")
                                                      : spec != NULL ? _(spec->label) : field->name);
      for (guint c = 0; c < json_array_get_length (field->candidates); c++)
        {
          JsonObject *candidate = json_array_get_object_element (field->candidates, c);
          JsonNode *value = json_object_get_member (candidate, "value");
          g_autofree char *text = NULL;
          g_autofree char *who = describe_candidate (self, candidate);
          GtkWidget *row = adw_action_row_new ();
          GtkWidget *check = gtk_check_button_new ();

          if (deleted)
            text = g_strdup (JSON_NODE_HOLDS_VALUE (value) && json_node_get_boolean (value)
                               ? _("Delete the record") : _("Keep the record, with the changes"));
          else
            text = value_text (value);
          if (!(JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING))
            all_text = FALSE;

          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), who);
          if (first != NULL)
            gtk_check_button_set_group (GTK_CHECK_BUTTON (check), first);
          else
            first = GTK_CHECK_BUTTON (check);
          gtk_check_button_set_active (GTK_CHECK_BUTTON (check), c == 0);
          gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
          g_object_set_data (G_OBJECT (check), "candidate", GUINT_TO_POINTER (c));
          g_signal_connect (check, "toggled", G_CALLBACK (candidate_toggled_cb), field);
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
          adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
          adw_preferences_group_add (group, row);
          g_ptr_array_add (field->buttons, check);
        }
      if (!deleted && all_text)
        {
          JsonNode *value = json_object_get_member (json_array_get_object_element (field->candidates, 0), "value");

          field->entry = ADW_ENTRY_ROW (adw_entry_row_new ());
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (field->entry), _("Value to keep (you can edit it)"));
          gtk_editable_set_text (GTK_EDITABLE (field->entry), json_node_get_string (value));
          adw_preferences_group_add (group, GTK_WIDGET (field->entry));
        }
      adw_preferences_page_add (self->page, group);
      g_ptr_array_add (item->groups, group);
    }

  resolve_row = GTK_WIDGET (adw_preferences_group_new ());
  button = gtk_button_new_with_mnemonic (_("_Resolve"));
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_widget_add_css_class (button, "suggested-action");
  g_object_set_data (G_OBJECT (button), "item", item);
  g_signal_connect (button, "clicked", G_CALLBACK (resolve_clicked_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (resolve_row), button);
  adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (resolve_row));
  g_ptr_array_add (item->groups, resolve_row);
}

static void
reload (WspConflictsDialog *self)
{
  g_autoptr (GPtrArray) ids = wsp_store_dup_conflicted_ids (self->store, NULL);

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);
      for (guint g = 0; g < item->groups->len; g++)
        adw_preferences_page_remove (self->page, g_ptr_array_index (item->groups, g));
    }
  g_ptr_array_set_size (self->items, 0);

  for (guint i = 0; ids != NULL && i < ids->len; i++)
    add_item (self, g_ptr_array_index (ids, i));
  gtk_stack_set_visible_child_name (self->stack, self->items->len > 0 ? "list" : "none");
}

WspConflictsDialog *
wsp_conflicts_dialog_new (WspStore *store)
{
  WspConflictsDialog *self = g_object_new (WSP_TYPE_CONFLICTS_DIALOG, NULL);
  g_autoptr (JsonArray) peers = wsp_sync_dup_peers (store, NULL);

  self->store = g_object_ref (store);
  for (guint i = 0; peers != NULL && i < json_array_get_length (peers); i++)
    {
      JsonObject *peer = json_array_get_object_element (peers, i);
      g_hash_table_insert (self->peer_names, g_strdup (json_object_get_string_member (peer, "peer_id")),
                           g_strdup (json_object_get_string_member (peer, "name")));
    }
  g_hash_table_insert (self->peer_names, g_strdup (wsp_store_get_peer_id (store)),
                       g_strdup (_("this laptop")));
  reload (self);
  return self;
}

static void
wsp_conflicts_dialog_dispose (GObject *object)
{
  WspConflictsDialog *self = WSP_CONFLICTS_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->peer_names, g_hash_table_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (wsp_conflicts_dialog_parent_class)->dispose (object);
}

static void
wsp_conflicts_dialog_class_init (WspConflictsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wsp_conflicts_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Wspolnie/sync/wsp-conflicts-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, WspConflictsDialog, page);
  gtk_widget_class_bind_template_child (widget_class, WspConflictsDialog, stack);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
wsp_conflicts_dialog_init (WspConflictsDialog *self)
{
  self->peer_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  gtk_widget_init_template (GTK_WIDGET (self));
}
