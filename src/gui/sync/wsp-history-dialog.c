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

#include "wsp-gui-util.h"
#include "sync/wsp-history-dialog.h"
#include "base/wsp-hlc.h"
#include "base/wsp-json.h"
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

/* The fields whose values differ between two versions, by their labels. */
static char *
changed_fields (const WspEntity *entity,
                JsonObject      *before,
                JsonObject      *after)
{
  g_autoptr (GString) out = g_string_new (NULL);

  for (guint i = 0; i < entity->n_fields; i++)
    {
      const char *name = entity->fields[i].name;
      JsonNode *a = before != NULL && json_object_has_member (before, name) ? json_object_get_member (before, name) : NULL;
      JsonNode *b = after != NULL && json_object_has_member (after, name) ? json_object_get_member (after, name) : NULL;

      if (wsp_json_node_equal (a, b))
        continue;
      if (out->len > 0)
        g_string_append (out, ", ");
      g_string_append (out, _(entity->fields[i].label));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
fill (WspHistoryDialog *self,
      WspStore         *store,
      WspRecord        *record)
{
  const WspEntity *entity = wsp_record_get_entity (record);
  g_autoptr (JsonArray) history = wsp_store_dup_history (store, wsp_record_get_id (record), NULL);
  g_autoptr (JsonArray) peers = wsp_sync_dup_peers (store, NULL);
  g_autoptr (GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) bodies = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; peers != NULL && i < json_array_get_length (peers); i++)
    {
      JsonObject *peer = json_array_get_object_element (peers, i);
      g_hash_table_insert (names, (gpointer) json_object_get_string_member (peer, "peer_id"),
                           (gpointer) json_object_get_string_member (peer, "name"));
    }

  for (guint i = 0; history != NULL && i < json_array_get_length (history); i++)
    {
      JsonObject *rev = json_array_get_object_element (history, i);
      JsonObject *body = json_object_has_member (rev, "body") ? json_object_get_object_member (rev, "body") : NULL;
      JsonArray *parents = json_object_get_array_member (rev, "parents");
      JsonObject *before = json_array_get_length (parents) > 0
                             ? g_hash_table_lookup (bodies, json_array_get_string_element (parents, 0)) : NULL;
      const char *peer = json_object_get_string_member (rev, "peer");
      const char *laptop = g_strcmp0 (peer, wsp_store_get_peer_id (store)) == 0
                             ? _("this laptop") : g_hash_table_lookup (names, peer);
      gboolean deleted = json_object_get_boolean_member (rev, "deleted");
      g_autofree char *when = NULL;
      g_autofree char *what = NULL;
      g_autofree char *title = NULL;
      WspHlc hlc = 0;

      if (wsp_hlc_parse (json_object_get_string_member (rev, "hlc"), &hlc))
        {
          g_autoptr (GDateTime) dt = g_date_time_new_from_unix_local ((gint64) (wsp_hlc_millis (hlc) / 1000));
          when = g_date_time_format (dt, "%x %H:%M");
        }
      if (json_array_get_length (parents) == 0)
        what = g_strdup (_("Created"));
      else if (deleted)
        what = g_strdup (_("Deleted"));
      else if (before == NULL || g_hash_table_size (bodies) == 0)
        what = g_strdup (_("Changed"));
      else
        {
          g_autofree char *fields = changed_fields (entity, before, body);
          const char *parent_rev = json_array_get_string_element (parents, 0);
          gboolean was_deleted = FALSE;

          for (guint j = 0; j < i; j++)
            {
              JsonObject *older = json_array_get_object_element (history, j);
              if (g_strcmp0 (json_object_get_string_member (older, "rev"), parent_rev) == 0)
                was_deleted = json_object_get_boolean_member (older, "deleted");
            }
          if (was_deleted)
            what = g_strdup (_("Restored"));
          else if (json_array_get_length (parents) > 1)
            what = *fields != '\0' ? g_strdup_printf (_("Merged or resolved: %s"), fields)
                                   : g_strdup (_("Merged or resolved"));
          else
            what = *fields != '\0' ? g_strdup_printf (_("Changed: %s"), fields) : g_strdup (_("Saved without changes"));
        }
      if (body != NULL)
        g_hash_table_insert (bodies, (gpointer) json_object_get_string_member (rev, "rev"), body);

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
