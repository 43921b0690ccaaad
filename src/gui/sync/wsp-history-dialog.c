/* wsp-history-dialog.c — who changed a record, what and when
 *
 * Every change is kept as a revision, on whichever laptop it was made; this
 * lists them oldest first: when, on which laptop, and which fields changed
 * compared with the version before.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "base/wsp-text.h"
#include "widgets/wsp-gui-util.h"
#include "sync/wsp-history-dialog.h"
#include "sync/wsp-sync.h"

struct _WspHistoryDialog
{
  AdwWindow            parent_instance;

  GPtrArray           *descriptions;
  AdwPreferencesGroup *group;
};

G_DEFINE_FINAL_TYPE (WspHistoryDialog, wsp_history_dialog, ADW_TYPE_WINDOW)

guint
wsp_history_dialog_get_n_items (WspHistoryDialog *self)
{
  g_return_val_if_fail (WSP_IS_HISTORY_DIALOG (self), 0);
  return self->descriptions->len;
}

/* What the @index-th change did, in words. */
const char *
wsp_history_dialog_describe (WspHistoryDialog *self,
                             guint             index)
{
  g_return_val_if_fail (WSP_IS_HISTORY_DIALOG (self), NULL);
  return index < self->descriptions->len ? g_ptr_array_index (self->descriptions, index) : NULL;
}

/* The labels of @fields, joined. */
static char *
field_labels (const WspEntity    *entity,
              const char * const *fields)
{
  g_autoptr (GString) out = g_string_new (NULL);

  for (guint i = 0; fields != NULL && fields[i] != NULL; i++)
    {
      const WspField *field = wsp_entity_find_field (entity, fields[i]);

      if (out->len > 0)
        g_string_append (out, ", ");
      g_string_append (out, field != NULL ? _(field->label) : fields[i]);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
describe (const WspEntity       *entity,
          const WspHistoryEntry *entry)
{
  g_autofree char *fields = field_labels (entity, (const char * const *) entry->fields);

  switch (entry->kind)
    {
    case WSP_CHANGE_CREATED:
      return g_strdup (_("Created"));
    case WSP_CHANGE_DELETED:
      return g_strdup (_("Deleted"));
    case WSP_CHANGE_RESTORED:
      return g_strdup (_("Restored"));
    case WSP_CHANGE_MERGED:
      return *fields != '\0' ? g_strdup_printf (_("Merged or resolved: %s"), fields)
                              : g_strdup (_("Merged or resolved"));
    case WSP_CHANGE_CHANGED:
    default:
      if (entry->fields == NULL)
        return g_strdup (_("Changed"));
      return *fields != '\0' ? g_strdup_printf (_("Changed: %s"), fields) : g_strdup (_("Saved without changes"));
    }
}

static void
fill (WspHistoryDialog *self,
      WspStore         *store,
      WspRecord        *record)
{
  const WspEntity *entity = wsp_record_get_entity (record);
  g_autoptr (GPtrArray) history = wsp_store_dup_history (store, wsp_record_get_id (record), NULL);
  g_autoptr (GHashTable) names = wsp_sync_dup_peer_names (store);

  for (guint i = 0; history != NULL && i < history->len; i++)
    {
      WspHistoryEntry *entry = g_ptr_array_index (history, i);
      const char *laptop = g_hash_table_lookup (names, entry->peer_id);
      g_autofree char *when = entry->time != NULL ? wsp_text_format_date (entry->time, TRUE) : NULL;
      g_autofree char *what = describe (entity, entry);
      g_autofree char *title = NULL;

      /* Translators: when and where a change was made: “27.11.2026 17:40 · Laptop A” */
      title = g_strdup_printf (_("%s · %s"), when != NULL ? when : "?", laptop != NULL ? laptop : _("another laptop"));
      adw_preferences_group_add (self->group, wsp_gui_value_row (title, what));
      g_ptr_array_add (self->descriptions, g_steal_pointer (&what));
    }
}

WspHistoryDialog *
wsp_history_dialog_new (WspStore  *store,
                        WspRecord *record)
{
  WspHistoryDialog *self = g_object_new (WSP_TYPE_HISTORY_DIALOG, NULL);
  g_autofree char *title = wsp_record_dup_title (record);

  adw_preferences_group_set_description (self->group, title);
  fill (self, store, record);
  return self;
}

static void
wsp_history_dialog_dispose (GObject *object)
{
  WspHistoryDialog *self = WSP_HISTORY_DIALOG (object);

  g_clear_pointer (&self->descriptions, g_ptr_array_unref);

  G_OBJECT_CLASS (wsp_history_dialog_parent_class)->dispose (object);
}

static void
wsp_history_dialog_class_init (WspHistoryDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wsp_history_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Wspolnie/sync/wsp-history-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, WspHistoryDialog, group);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
wsp_history_dialog_init (WspHistoryDialog *self)
{
  self->descriptions = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
}
