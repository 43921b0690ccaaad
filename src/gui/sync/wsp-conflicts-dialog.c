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

#include "base/wsp-text.h"
#include "sync/wsp-conflicts-dialog.h"
#include "widgets/wsp-accessible.h"
#include "widgets/wsp-gui-util.h"
#include "base/wsp-hlc.h"
#include "sync/wsp-sync.h"

typedef struct
{
  WspConflict *conflict; /* borrowed from the item's conflicts */
  guint        chosen;
  GPtrArray   *buttons;  /* GtkCheckButton, one per candidate */
  AdwEntryRow *entry;    /* for text values: what will be saved */
} Field;

typedef struct
{
  WspRecord *record;
  GPtrArray *conflicts;  /* WspConflict */
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
  g_clear_pointer (&field->buttons, g_ptr_array_unref);
  g_free (field);
}

static WspCandidate *
candidate_at (Field *field,
              guint  index)
{
  return g_ptr_array_index (field->conflict->candidates, index);
}

static void
item_free (Item *item)
{
  g_clear_object (&item->record);
  g_clear_pointer (&item->fields, g_ptr_array_unref);
  g_clear_pointer (&item->conflicts, g_ptr_array_unref);
  g_clear_pointer (&item->groups, g_ptr_array_unref);
  g_free (item);
}

static char *
describe_candidate (WspConflictsDialog *self,
                    WspCandidate       *candidate)
{
  const char *name = g_hash_table_lookup (self->peer_names, candidate->peer_id);
  g_autofree char *when = candidate->time != NULL ? wsp_text_format_date (candidate->time, TRUE) : NULL;

  /* Translators: who changed a value and when: “Laptop A, 27.11.2026 17:40” */
  return g_strdup_printf (_("%s, %s"), name != NULL ? name : _("another laptop"), when != NULL ? when : "?");
}

static gboolean
holds_text (JsonNode *value)
{
  return value != NULL && JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING;
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
      if (g_strcmp0 (field->conflict->field, name) == 0)
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
  value = candidate_at (field, field->chosen)->value;
  if (field->entry != NULL)
    gtk_editable_set_text (GTK_EDITABLE (field->entry), holds_text (value) ? json_node_get_string (value) : "");
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
      WspCandidate *candidate = candidate_at (field, field->chosen);
      const char *name = field->conflict->field;

      if (name == NULL)
        {
          delete = candidate->deletes;
          continue;
        }
      if (field->entry != NULL)
        wsp_record_set_string (item->record, name, gtk_editable_get_text (GTK_EDITABLE (field->entry)));
      else
        wsp_record_set_value (item->record, name,
                              candidate->value != NULL ? json_node_copy (candidate->value) : NULL);
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
  g_autofree char *title = NULL;
  Item *item;
  AdwPreferencesGroup *header;
  GtkWidget *resolve_row, *button;
  const WspEntity *entity;

  item = g_new0 (Item, 1);
  item->record = wsp_store_get (self->store, id, NULL);
  item->conflicts = wsp_store_dup_conflicts (self->store, id, NULL);
  if (item->record == NULL || item->conflicts == NULL || item->conflicts->len == 0)
    {
      item_free (item);
      return;
    }
  entity = wsp_record_get_entity (item->record);
  item->fields = g_ptr_array_new_with_free_func ((GDestroyNotify) field_free);
  item->groups = g_ptr_array_new ();
  g_ptr_array_add (self->items, item);

  title = wsp_record_dup_title (item->record);
  header = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  {
    g_autofree char *kind = wsp_gui_capitalize (_(entity->label));
    adw_preferences_group_set_title (header, kind);
  }
  adw_preferences_group_set_description (header, title);
  adw_preferences_page_add (self->page, header);
  g_ptr_array_add (item->groups, header);

  for (guint k = 0; k < item->conflicts->len; k++)
    {
      WspConflict *conflict = g_ptr_array_index (item->conflicts, k);
      const WspField *spec = conflict->field != NULL ? wsp_entity_find_field (entity, conflict->field) : NULL;
      gboolean deleted = conflict->field == NULL;
      AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      Field *field = g_new0 (Field, 1);
      GtkCheckButton *first = NULL;
      gboolean all_text = TRUE;

      field->conflict = conflict;
      field->buttons = g_ptr_array_new ();
      g_ptr_array_add (item->fields, field);

      adw_preferences_group_set_title (group, deleted ? _("Deleted on one laptop, changed on another")
                                                      : spec != NULL ? _(spec->label) : conflict->field);
      for (guint c = 0; c < conflict->candidates->len; c++)
        {
          WspCandidate *candidate = g_ptr_array_index (conflict->candidates, c);
          g_autofree char *text = NULL;
          g_autofree char *who = describe_candidate (self, candidate);
          GtkWidget *row = adw_action_row_new ();
          GtkWidget *check = gtk_check_button_new ();

          if (deleted)
            text = g_strdup (candidate->deletes ? _("Delete the record") : _("Keep the record, with the changes"));
          else
            text = spec != NULL ? wsp_field_format_value (spec, candidate->value) : NULL;
          if (text == NULL)
            text = g_strdup (_("(empty)"));
          if (!holds_text (candidate->value))
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
          JsonNode *value = candidate_at (field, 0)->value;

          field->entry = ADW_ENTRY_ROW (adw_entry_row_new ());
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (field->entry), _("Value to keep (you can edit it)"));
          gtk_editable_set_text (GTK_EDITABLE (field->entry), json_node_get_string (value));
          adw_preferences_group_add (group, GTK_WIDGET (field->entry));
        }
      adw_preferences_page_add (self->page, group);
      g_ptr_array_add (item->groups, group);
    }

  resolve_row = GTK_WIDGET (adw_preferences_group_new ());
  button = wsp_accessible_button_new (_("_Resolve"));
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

  self->store = g_object_ref (store);
  self->peer_names = wsp_sync_dup_peer_names (store);
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
  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  gtk_widget_init_template (GTK_WIDGET (self));
}
