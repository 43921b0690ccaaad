/* wsp-review-sender.c — a draft sent for review: to which members, by when, with or without the comments
 *
 * "Send for Review…" on a draft: the Council's members now, each ticked
 * (untick those it does not go to), the day the comments are due (the
 * opinion's deadline unless changed), whether the comments made so far go
 * too, then the file saved where the secretary chooses, under a name that
 * says what it is (wsp_review_file_name()). "sent" says to how many.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "drafts/wsp-review-sender.h"
#include "sync/wsp-review.h"
#include "widgets/wsp-gui-util.h"

struct _WspReviewSender
{
  AdwWindow             parent_instance;

  WspStore             *store;
  char                 *draft_id;
  GPtrArray            *members; /* WspAuthor */
  GPtrArray            *checks;  /* GtkCheckButton, one per member */
  GtkFileChooserNative *chooser;

  GtkButton            *save_button;
  AdwEntryRow          *deadline_row;
  GtkSwitch            *comments_switch;
  GtkLabel             *error_label;
  AdwPreferencesGroup  *members_group;
};

G_DEFINE_FINAL_TYPE (WspReviewSender, wsp_review_sender, ADW_TYPE_WINDOW)

enum
{
  SENT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
valid_day (const char *text)
{
  int y, m, d;
  char extra;

  return strlen (text) == 10 && sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &extra) == 3
         && g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y);
}

static guint
n_chosen (WspReviewSender *self)
{
  guint n = 0;

  for (guint i = 0; i < self->checks->len; i++)
    n += gtk_check_button_get_active (g_ptr_array_index (self->checks, i));
  return n;
}

static void
update_cb (WspReviewSender *self)
{
  const char *deadline = gtk_editable_get_text (GTK_EDITABLE (self->deadline_row));
  gboolean day_ok = *deadline == '\0' || valid_day (deadline);

  if (day_ok)
    gtk_widget_remove_css_class (GTK_WIDGET (self->deadline_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->deadline_row), "error");
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), day_ok && n_chosen (self) > 0);
}

/**
 * wsp_review_sender_save_to:
 * @file: the review file to write (the exchange files' ending is added
 *   when it lacks it)
 *
 * Sends the draft for review as chosen, and emits "sent".
 */
gboolean
wsp_review_sender_save_to (WspReviewSender  *self,
                           GFile            *file,
                           GError          **error)
{
  g_autoptr (GPtrArray) ids = g_ptr_array_new ();
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *target = NULL;
  const char *deadline = gtk_editable_get_text (GTK_EDITABLE (self->deadline_row));

  g_return_val_if_fail (WSP_IS_REVIEW_SENDER (self), FALSE);
  for (guint i = 0; i < self->checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->checks, i)))
      g_ptr_array_add (ids, ((WspAuthor *) g_ptr_array_index (self->members, i))->id);
  g_ptr_array_add (ids, NULL);
  if (path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("Choose a folder on this computer."));
      return FALSE;
    }
  target = g_str_has_suffix (path, WSP_PACKET_SUFFIX) ? g_strdup (path) : g_strconcat (path, WSP_PACKET_SUFFIX, NULL);
  if (!wsp_review_send (self->store, self->draft_id, (const char * const *) ids->pdata,
                        *deadline != '\0' ? deadline : NULL, gtk_switch_get_active (self->comments_switch), target,
                        NULL, error))
    return FALSE;
  g_signal_emit (self, signals[SENT], 0, ids->len - 1);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     WspReviewSender *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr (GError) error = NULL;

      g_object_ref (self);
      if (!wsp_review_sender_save_to (self, file, &error))
        {
          gtk_label_set_text (self->error_label, error->message);
          gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
        }
      g_object_unref (self);
    }
  g_clear_object (&self->chooser);
}

static void
save_clicked_cb (WspReviewSender *self)
{
  g_autofree char *name = wsp_review_file_name (self->store, self->draft_id);
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Save the Review File"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  gtk_file_filter_set_name (filter, _("Wspólnie exchange file (to attach to an e-mail)"));
  gtk_file_filter_add_pattern (filter, "*" WSP_PACKET_SUFFIX);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/**
 * wsp_review_sender_new:
 *
 * Returns: (transfer floating): the choices of sending @draft_id for review
 */
WspReviewSender *
wsp_review_sender_new (WspStore   *store,
                       const char *draft_id)
{
  WspReviewSender *self = g_object_new (WSP_TYPE_REVIEW_SENDER, NULL);
  g_autofree char *today = wsp_gui_today ();
  g_autoptr (WspRecord) draft = wsp_store_get (store, draft_id, NULL);

  self->store = g_object_ref (store);
  self->draft_id = g_strdup (draft_id);
  if (draft != NULL && wsp_record_get_string (draft, "deadline") != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->deadline_row), wsp_record_get_string (draft, "deadline"));
  self->members = wsp_review_default_members (store, today, NULL);
  if (self->members == NULL)
    self->members = g_ptr_array_new_with_free_func ((GDestroyNotify) wsp_author_free);
  for (guint i = 0; i < self->members->len; i++)
    {
      WspAuthor *member = g_ptr_array_index (self->members, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), member->name);
      /* The side they sit for (the organisation is in the name already). */
      if (member->detail != NULL && strstr (member->name, member->detail) == NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), member->detail);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, member->name, -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (update_cb), self);
      adw_preferences_group_add (self->members_group, row);
      g_ptr_array_add (self->checks, check);
    }
  update_cb (self);
  return self;
}

static void
wsp_review_sender_dispose (GObject *object)
{
  WspReviewSender *self = WSP_REVIEW_SENDER (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->store);
  g_clear_pointer (&self->members, g_ptr_array_unref);
  g_clear_pointer (&self->checks, g_ptr_array_unref);
  G_OBJECT_CLASS (wsp_review_sender_parent_class)->dispose (object);
}

static void
wsp_review_sender_finalize (GObject *object)
{
  WspReviewSender *self = WSP_REVIEW_SENDER (object);

  g_free (self->draft_id);
  G_OBJECT_CLASS (wsp_review_sender_parent_class)->finalize (object);
}

static void
wsp_review_sender_class_init (WspReviewSenderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wsp_review_sender_dispose;
  object_class->finalize = wsp_review_sender_finalize;

  /**
   * WspReviewSender::sent:
   * @members: how many members it went to
   */
  signals[SENT] = g_signal_new ("sent", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Wspolnie/drafts/wsp-review-sender.ui");
  gtk_widget_class_bind_template_child (widget_class, WspReviewSender, save_button);
  gtk_widget_class_bind_template_child (widget_class, WspReviewSender, deadline_row);
  gtk_widget_class_bind_template_child (widget_class, WspReviewSender, comments_switch);
  gtk_widget_class_bind_template_child (widget_class, WspReviewSender, error_label);
  gtk_widget_class_bind_template_child (widget_class, WspReviewSender, members_group);
  gtk_widget_class_bind_template_callback (widget_class, update_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
wsp_review_sender_init (WspReviewSender *self)
{
  self->checks = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}
