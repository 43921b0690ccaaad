/* wsp-import-dialog.c — what an exchange file will do, before it does it
 *
 * The file is first imported as a dry run, which changes nothing and says
 * exactly what a real import would: who signed it (the laptop's name and
 * its key's fingerprint, in groups of five digits to read aloud), when, and
 * how many records of each kind are new, updated, merged or in conflict.
 * A laptop seen for the first time, or a known one that signs with a new
 * key, must have its fingerprint compared before Import is possible. A refused file says why, and nothing changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "base/wsp-text.h"
#include "domain/wsp-identity.h"
#include "records/wsp-entities.h"
#include "widgets/wsp-gui-util.h"
#include "sync/wsp-import-dialog.h"

struct _WspImportDialog
{
  AdwWindow            parent_instance;

  WspStore            *store;
  GBytes              *bytes;
  char                *path;       /* a local file: read as it goes */
  char                *file_name;
  WspImportReport      preview;
  char                *refusal;
  gboolean             compared;

  GtkStack            *stack;
  GtkButton           *import_button;
  AdwStatusPage       *refused_page;
  AdwPreferencesGroup *sender_group;
  AdwActionRow        *sender_row;
  AdwActionRow        *fingerprint_row;
  AdwActionRow        *reply_row;
  AdwActionRow        *created_row;
  AdwPreferencesGroup *trust_group;
  GtkCheckButton      *compared_check;
  AdwPreferencesGroup *changes_group;
  GPtrArray           *change_rows;
  GPtrArray           *listed[WSP_OUTCOME_DELETED + 1]; /* the names shown, by outcome */
  AdwPreferencesGroup *same_group;
  GtkSwitch           *merge_switch;
  GPtrArray           *same_rows;
  GtkProgressBar      *progress;
  guint                pulse_id;
};

G_DEFINE_FINAL_TYPE (WspImportDialog, wsp_import_dialog, ADW_TYPE_WINDOW)

/* "empty", "preview", "refused" or "done". */
const char *
wsp_import_dialog_get_state (WspImportDialog *self)
{
  g_return_val_if_fail (WSP_IS_IMPORT_DIALOG (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

const WspImportReport *
wsp_import_dialog_get_preview (WspImportDialog *self)
{
  g_return_val_if_fail (WSP_IS_IMPORT_DIALOG (self), NULL);
  return &self->preview;
}

const char *
wsp_import_dialog_get_refusal (WspImportDialog *self)
{
  g_return_val_if_fail (WSP_IS_IMPORT_DIALOG (self), NULL);
  return self->refusal;
}

static void
update_import_button (WspImportDialog *self)
{
  gboolean ready = g_strcmp0 (wsp_import_dialog_get_state (self), "preview") == 0
                   && !self->preview.already_imported
                   && (!(self->preview.new_laptop || self->preview.key_changed) || self->compared);

  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), ready);
  gtk_widget_set_visible (GTK_WIDGET (self->import_button),
                          g_strcmp0 (wsp_import_dialog_get_state (self), "preview") == 0);
}

/* What the person confirmed: a new laptop, or a known one's new key. */
static WspImportFlags
confirmed_flags (WspImportDialog *self)
{
  WspImportFlags flags = 0;

  if (self->compared && self->preview.new_laptop)
    flags |= WSP_IMPORT_TRUST_NEW;
  if (self->compared && self->preview.key_changed)
    flags |= WSP_IMPORT_ACCEPT_NEW_KEY;
  return flags;
}

/* A person says they compared the fingerprint with the one on the other laptop. */
void
wsp_import_dialog_confirm_fingerprint (WspImportDialog *self,
                                       gboolean         compared)
{
  g_return_if_fail (WSP_IS_IMPORT_DIALOG (self));
  gtk_check_button_set_active (self->compared_check, compared);
}

static void
compared_toggled_cb (WspImportDialog *self)
{
  self->compared = gtk_check_button_get_active (self->compared_check);
  update_import_button (self);
}

static const char *
entity_label (const char *entity)
{
  GType type = wsp_entities_lookup (entity);
  g_autoptr (GTypeClass) klass = NULL;

  if (type == G_TYPE_INVALID)
    return entity;
  klass = g_type_class_ref (type);
  return _(WSP_RECORD_CLASS (klass)->entity->label);
}

/* One row per record the file brings that this laptop holds already. */
static void
show_same (WspImportDialog *self)
{
  for (guint i = 0; i < self->same_rows->len; i++)
    adw_preferences_group_remove (self->same_group, g_ptr_array_index (self->same_rows, i));
  g_ptr_array_set_size (self->same_rows, 0);
  for (guint i = 0; self->preview.same != NULL && i < self->preview.same->len; i++)
    {
      WspSameAs *same = g_ptr_array_index (self->preview.same, i);
      /* Translators: the record here, and what the file and it share */
      g_autofree char *subtitle = g_strdup_printf (_("the same as “%s” here (%s)"), same->other_title, same->key);
      GtkWidget *row = wsp_gui_value_row (same->title, subtitle);

      adw_preferences_group_add (self->same_group, row);
      g_ptr_array_add (self->same_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->same_group), self->same_rows->len > 0);
}


#define MAX_NAMED 100

typedef struct
{
  char       *kind;   /* the kind of record, as people call it */
  char       *title;  /* what names the record */
  char       *key;    /* for sorting: kind, then title */
} Named;

static void
named_free (Named *named)
{
  g_free (named->kind);
  g_free (named->title);
  g_free (named->key);
  g_free (named);
}

static int
compare_named (gconstpointer a,
               gconstpointer b)
{
  return strcmp ((*(Named **) a)->key, (*(Named **) b)->key);
}

/* What an outcome says, with its count: “2 in conflict”, “5 new”. */
static char *
outcome_heading (WspOutcomeKind kind,
                 guint          n)
{
  switch (kind)
    {
    case WSP_OUTCOME_CONFLICT:
      return g_strdup_printf (ngettext ("%u changed here and there: waits for your choice",
                                        "%u changed here and there: wait for your choice", n), n);
    case WSP_OUTCOME_NEW:
      /* Translators: records that the file brings and this laptop does not have */
      return g_strdup_printf (ngettext ("%u new", "%u new", n), n);
    case WSP_OUTCOME_UPDATED:
      return g_strdup_printf (ngettext ("%u changed", "%u changed", n), n);
    case WSP_OUTCOME_MERGED:
      return g_strdup_printf (ngettext ("%u changed on both laptops, joined by themselves",
                                        "%u changed on both laptops, joined by themselves", n), n);
    case WSP_OUTCOME_DELETED:
      return g_strdup_printf (ngettext ("%u deleted", "%u deleted", n), n);
    case WSP_OUTCOME_UNCHANGED:
    default:
      return g_strdup_printf (ngettext ("%u unchanged", "%u unchanged", n), n);
    }
}

/* The records the file changes, by what it does to them (conflicts first),
 * each named, by kind and then by name. */
static void
show_changes (WspImportDialog *self)
{
  static const WspOutcomeKind order[] = {
    WSP_OUTCOME_CONFLICT, WSP_OUTCOME_NEW, WSP_OUTCOME_UPDATED, WSP_OUTCOME_MERGED, WSP_OUTCOME_DELETED,
  };
  guint shown = 0;

  for (guint i = 0; i < self->change_rows->len; i++)
    adw_preferences_group_remove (self->changes_group, g_ptr_array_index (self->change_rows, i));
  g_ptr_array_set_size (self->change_rows, 0);
  for (guint k = 0; k < G_N_ELEMENTS (self->listed); k++)
    g_clear_pointer (&self->listed[k], g_ptr_array_unref);

  for (guint k = 0; k < G_N_ELEMENTS (order); k++)
    {
      g_autoptr (GPtrArray) named = g_ptr_array_new_with_free_func ((GDestroyNotify) named_free);
      g_autoptr (GHashTable) kinds = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr (GString) kind_list = g_string_new (NULL);
      g_autofree char *heading = NULL;
      GtkWidget *expander;

      for (guint i = 0; self->preview.outcomes != NULL && i < self->preview.outcomes->len; i++)
        {
          WspOutcome *o = g_ptr_array_index (self->preview.outcomes, i);
          Named *n;
          g_autofree char *folded = NULL;

          if (o->kind != order[k])
            continue;
          n = g_new0 (Named, 1);
          n->kind = wsp_gui_capitalize (entity_label (o->entity));
          n->title = g_strdup (o->title != NULL && *o->title != '\0' ? o->title : _("(no name)"));
          folded = g_strconcat (n->kind, "\n", n->title, NULL);
          n->key = g_utf8_collate_key (folded, -1);
          g_ptr_array_add (named, n);
        }
      if (named->len == 0)
        continue;
      g_ptr_array_sort (named, compare_named);

      heading = outcome_heading (order[k], named->len);
      self->listed[order[k]] = g_ptr_array_new_with_free_func (g_free);
      expander = adw_expander_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), heading);
      for (guint i = 0; i < named->len; i++)
        {
          Named *n = g_ptr_array_index (named, i);

          if (g_hash_table_add (kinds, n->kind))
            {
              if (kind_list->len > 0)
                g_string_append (kind_list, ", ");
              g_string_append (kind_list, n->kind);
            }
          if (i < MAX_NAMED)
            {
              adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), wsp_gui_value_row (n->title, n->kind));
              g_ptr_array_add (self->listed[order[k]], g_strdup (n->title));
            }
        }
      if (named->len > MAX_NAMED)
        {
          g_autofree char *more = g_strdup_printf (ngettext ("and %u more", "and %u more", named->len - MAX_NAMED),
                                                   named->len - MAX_NAMED);
          GtkWidget *row = adw_action_row_new ();

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), more);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
        }
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), kind_list->str);
      /* What waits for a person, and short lists, are open at once. */
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander),
                                     order[k] == WSP_OUTCOME_CONFLICT || named->len <= 8);
      if (order[k] == WSP_OUTCOME_CONFLICT)
        gtk_widget_add_css_class (expander, "warning");
      adw_preferences_group_add (self->changes_group, expander);
      g_ptr_array_add (self->change_rows, expander);
      shown++;
    }
  if (shown == 0)
    {
      GtkWidget *row = wsp_gui_value_row (_("Nothing new"),
                                          self->preview.already_imported
                                            ? _("This file was imported before.")
                                            : _("This laptop already has everything in the file."));
      adw_preferences_group_add (self->changes_group, row);
      g_ptr_array_add (self->change_rows, row);
    }
}

/* The names the preview lists under @kind, in its order (for tests). */
GPtrArray *
wsp_import_dialog_dup_listed (WspImportDialog *self,
                              WspOutcomeKind   kind)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (WSP_IS_IMPORT_DIALOG (self), names);
  g_return_val_if_fail (kind <= WSP_OUTCOME_DELETED, names);
  for (guint i = 0; self->listed[kind] != NULL && i < self->listed[kind]->len; i++)
    g_ptr_array_add (names, g_strdup (g_ptr_array_index (self->listed[kind], i)));
  return names;
}

/* Spaces the fingerprint's groups for reading aloud. */
static char *
readable_fingerprint (const char *fingerprint)
{
  g_auto (GStrv) groups = g_strsplit (fingerprint != NULL ? fingerprint : "", " ", -1);
  return g_strjoinv ("  ", groups);
}

/* ---- the work, in a thread of its own ---------------------------------- */

/* A long import (and its dry run for the preview) must not freeze the
 * window: it runs on its own connection to the same file. */
static void
run_import (WspImportDialog     *self,
            WspImportFlags       flags,
            GAsyncReadyCallback  callback)
{
  if (self->path != NULL)
    wsp_sync_import_file_async (self->store, self->path, flags, NULL, callback, g_object_ref (self));
  else
    wsp_sync_import_bytes_async (self->store, self->bytes, flags, NULL, callback, g_object_ref (self));
}

static void
show_refusal (WspImportDialog *self,
              const char      *message)
{
  g_free (self->refusal);
  self->refusal = g_strdup (message);
  adw_status_page_set_description (self->refused_page, message);
  gtk_stack_set_visible_child_name (self->stack, "refused");
  update_import_button (self);
}

static void show_preview  (WspImportDialog *self);
static void finish_import (WspImportDialog *self,
                           WspImportReport *report);

static void
preview_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr (WspImportDialog) self = user_data;
  g_autoptr (GError) error = NULL;
  WspImportReport report = { 0 };

  if (!wsp_sync_import_bytes_finish (WSP_STORE (source), result, &report, &error))
    {
      /* The dialog may have been closed meanwhile. */
      if (self->store != NULL)
        show_refusal (self, error->message);
      return;
    }
  if (self->store == NULL)
    {
      wsp_import_report_clear (&report);
      return;
    }
  wsp_import_report_clear (&self->preview);
  self->preview = report;
  show_preview (self);
}

/* Works out what the file will do (a dry run) without stopping the window. */
static void
preview (WspImportDialog *self)
{
  wsp_import_report_clear (&self->preview);
  g_clear_pointer (&self->refusal, g_free);
  self->compared = FALSE;
  gtk_check_button_set_active (self->compared_check, FALSE);
  gtk_stack_set_visible_child_name (self->stack, "empty");
  update_import_button (self);
  run_import (self, WSP_IMPORT_DRY_RUN, preview_done_cb);
}

static void
show_preview (WspImportDialog *self)
{

  {
    g_autofree char *fingerprint = readable_fingerprint (self->preview.fingerprint);
    g_autoptr (GDateTime) created = g_date_time_new_from_iso8601 (self->preview.created_at, NULL);
    g_autoptr (GDateTime) local = created != NULL ? g_date_time_to_local (created) : NULL;
    g_autofree char *when = local != NULL ? wsp_text_format_date (local, TRUE) : g_strdup (self->preview.created_at);

    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->sender_row), self->preview.sender_name);
    adw_action_row_set_subtitle (self->sender_row,
                                 self->preview.new_laptop    ? _("A laptop this one has not seen before")
                                 : self->preview.key_changed ? _("A known laptop that signs with a new key")
                                                             : _("A trusted laptop"));
    adw_action_row_set_subtitle (self->fingerprint_row, fingerprint);
    adw_action_row_set_subtitle (self->created_row, when);
  }
  /* A member's reply to a review: whose it is, and what it brings. */
  gtk_widget_set_visible (GTK_WIDGET (self->reply_row), self->preview.reply_summary != NULL);
  if (self->preview.reply_summary != NULL)
    {
      const char *note = self->preview.reply_not_member
                           ? _("Its author is not a member of the Council now.")
                         : self->preview.reply_older_version
                           ? _("Made on a version that is no longer the latest: the comments follow their units.")
                           : _("Each comment is attributed to this member.");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->reply_row), self->preview.reply_summary);
      adw_action_row_set_subtitle (self->reply_row, note);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->trust_group), self->preview.new_laptop || self->preview.key_changed);
  adw_preferences_group_set_title (self->trust_group, self->preview.key_changed ? _("A New Key")
                                                                                : _("A New Laptop"));
  show_changes (self);
  show_same (self);
  gtk_stack_set_visible_child_name (self->stack, "preview");
  update_import_button (self);
}

void
wsp_import_dialog_load_bytes (WspImportDialog *self,
                              GBytes          *bytes,
                              const char      *file_name)
{
  g_return_if_fail (WSP_IS_IMPORT_DIALOG (self));

  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->path, g_free);
  self->bytes = g_bytes_ref (bytes);
  g_free (self->file_name);
  self->file_name = g_strdup (file_name);
  if (file_name != NULL)
    gtk_window_set_title (GTK_WINDOW (self), file_name);
  preview (self);
}

void
wsp_import_dialog_load_file (WspImportDialog *self,
                             GFile           *file)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *path = g_file_get_path (file);

  g_return_if_fail (WSP_IS_IMPORT_DIALOG (self));

  if (path != NULL)
    {
      /* Read as it goes: a file of any size. */
      g_clear_pointer (&self->bytes, g_bytes_unref);
      g_free (self->path);
      self->path = g_steal_pointer (&path);
      g_free (self->file_name);
      self->file_name = g_strdup (name);
      gtk_window_set_title (GTK_WINDOW (self), name);
      preview (self);
      return;
    }
  bytes = g_file_load_bytes (file, NULL, NULL, &error);
  if (bytes == NULL)
    {
      show_refusal (self, error->message);
      return;
    }
  wsp_import_dialog_load_bytes (self, bytes, name);
}

/* Imports for real what the preview showed. */
gboolean
wsp_import_dialog_import (WspImportDialog  *self,
                          GError          **error)
{
  g_auto (WspImportReport) report = { 0 };
  WspImportFlags flags = confirmed_flags (self);

  g_return_val_if_fail (WSP_IS_IMPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (self->bytes != NULL || self->path != NULL, FALSE);

  if (!(self->path != NULL ? wsp_sync_import_file (self->store, self->path, flags, &report, error)
                           : wsp_sync_import_bytes (self->store, self->bytes, flags, &report, error)))
    return FALSE;
  finish_import (self, &report);
  return TRUE;
}

static gboolean
pulse_cb (gpointer user_data)
{
  gtk_progress_bar_pulse (user_data);
  return G_SOURCE_CONTINUE;
}

static void
finish_import (WspImportDialog *self,
               WspImportReport *report)
{
  /* What a person chose to merge, as the import found it. */
  if (report->same != NULL && report->same->len > 0 && gtk_switch_get_active (self->merge_switch))
    {
      g_autoptr (GError) merge_error = NULL;

      if (!wsp_identity_merge_all (self->store, report->same, NULL, &merge_error))
        wsp_gui_show_error (GTK_WIDGET (gtk_window_get_transient_for (GTK_WINDOW (self)) ?: GTK_WINDOW (self)),
                            merge_error);
    }
  /* A toast's title is markup: the name is text. */
  g_autofree char *name = g_markup_escape_text (report->sender_name != NULL ? report->sender_name : "", -1);
  g_autofree char *message = g_strdup_printf (ngettext ("Imported %u change from “%s”",
                                                        "Imported %u changes from “%s”",
                                                        report->stats.added),
                                              report->stats.added, name);

  wsp_gui_add_toast (GTK_WIDGET (gtk_window_get_transient_for (GTK_WINDOW (self)) ?: GTK_WINDOW (self)),
                     adw_toast_new (message));
  gtk_stack_set_visible_child_name (self->stack, "done");
  update_import_button (self);
  gtk_window_close (GTK_WINDOW (self));
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr (WspImportDialog) self = user_data;
  g_autoptr (GError) error = NULL;
  g_auto (WspImportReport) report = { 0 };
  /* The window's lists follow what the thread wrote, whatever happens here. */
  gboolean ok = wsp_sync_import_bytes_finish (WSP_STORE (source), result, &report, &error);

  g_clear_handle_id (&self->pulse_id, g_source_remove);
  /* Closed while importing: the import went on all the same. */
  if (self->store == NULL)
    return;
  if (!ok)
    {
      show_refusal (self, error->message);
      return;
    }
  finish_import (self, &report);
}

/* Imports for real, in a thread, with a progress bar. */
void
wsp_import_dialog_import_async (WspImportDialog *self)
{
  WspImportFlags flags = confirmed_flags (self);

  g_return_if_fail (WSP_IS_IMPORT_DIALOG (self));
  gtk_stack_set_visible_child_name (self->stack, "working");
  update_import_button (self);
  if (self->pulse_id == 0)
    self->pulse_id = g_timeout_add (150, pulse_cb, self->progress);
  run_import (self, flags, import_done_cb);
}

static void
import_clicked_cb (WspImportDialog *self)
{
  wsp_import_dialog_import_async (self);
}

WspImportDialog *
wsp_import_dialog_new (WspStore *store)
{
  WspImportDialog *self = g_object_new (WSP_TYPE_IMPORT_DIALOG, NULL);

  self->store = g_object_ref (store);
  return self;
}

static void
wsp_import_dialog_dispose (GObject *object)
{
  WspImportDialog *self = WSP_IMPORT_DIALOG (object);

  g_clear_handle_id (&self->pulse_id, g_source_remove);
  g_clear_object (&self->store);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->file_name, g_free);
  g_clear_pointer (&self->refusal, g_free);
  g_clear_pointer (&self->change_rows, g_ptr_array_unref);
  for (guint k = 0; k < G_N_ELEMENTS (self->listed); k++)
    g_clear_pointer (&self->listed[k], g_ptr_array_unref);
  g_clear_pointer (&self->same_rows, g_ptr_array_unref);
  wsp_import_report_clear (&self->preview);

  G_OBJECT_CLASS (wsp_import_dialog_parent_class)->dispose (object);
}

static void
wsp_import_dialog_class_init (WspImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wsp_import_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Wspolnie/sync/wsp-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, WspImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, WspImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, WspImportDialog, refused_page);
  gtk_widget_class_bind_template_child (widget_class, WspImportDialog, sender_group);
  gtk_widget_class_bind_template_child (widget_class, WspImportDialog, sender_row);
  gtk_widget_class_bind_template_child (widget_class, WspImportDialog, fingerprint_row);
  gtk_widget_class_bind_template_child (widget_class, WspImportDialog, reply_row);
  gtk_widget_class_bind_template_child (widget_class, WspImportDialog, created_row);
  gtk_widget_class_bind_template_child (widget_class, WspImportDialog, trust_group);
  gtk_widget_class_bind_template_child (widget_class, WspImportDialog, compared_check);
  gtk_widget_class_bind_template_child (widget_class, WspImportDialog, changes_group);
  gtk_widget_class_bind_template_child (widget_class, WspImportDialog, same_group);
  gtk_widget_class_bind_template_child (widget_class, WspImportDialog, merge_switch);
  gtk_widget_class_bind_template_child (widget_class, WspImportDialog, progress);
  gtk_widget_class_bind_template_callback (widget_class, import_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, compared_toggled_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
wsp_import_dialog_init (WspImportDialog *self)
{
  self->change_rows = g_ptr_array_new ();
  self->same_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}
