/* wsp-reviewer-setup.c — a review file opened on a member's laptop: who I am, the secretary's fingerprint
 *
 * The reviewer's first run. A review file from the Council's secretary
 * (wsp-review.c), opened on a laptop that has never been used or that
 * reviews already, asks only what a member needs: which of the members
 * the file is for they are, and, for a laptop of the secretary not seen
 * before, its fingerprint compared with the one the secretary read out or
 * sent. "Open the Draft" imports the file (what it leaves out is not
 * deleted), ties the laptop to the member, and says which draft to show
 * ("opened"). A laptop tied to a member already shows the member, fixed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "drafts/wsp-draft-labels.h"
#include "sync/wsp-review.h"
#include "sync/wsp-reviewer-setup.h"
#include "widgets/wsp-gui-util.h"

struct _WspReviewerSetup
{
  AdwWindow            parent_instance;

  WspStore            *store;
  char                *path;
  char                *draft_id;
  char                *chosen;
  gboolean             needs_trust;
  gboolean             key_changed;
  GPtrArray           *members; /* WspAuthor */
  GPtrArray           *checks;  /* GtkCheckButton, one per member */

  GtkButton           *open_button;
  AdwPreferencesGroup *draft_group;
  GtkLabel            *title_label;
  GtkLabel            *deadline_label;
  GtkLabel            *refusal_label;
  AdwPreferencesGroup *members_group;
  AdwPreferencesGroup *trust_group;
  AdwActionRow        *fingerprint_row;
  GtkCheckButton      *compared_check;
};

G_DEFINE_FINAL_TYPE (WspReviewerSetup, wsp_reviewer_setup, ADW_TYPE_WINDOW)

enum
{
  OPENED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_cb (WspReviewerSetup *self)
{
  g_clear_pointer (&self->chosen, g_free);
  for (guint i = 0; i < self->checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->checks, i)))
      self->chosen = g_strdup (((WspAuthor *) g_ptr_array_index (self->members, i))->id);
  gtk_widget_set_sensitive (GTK_WIDGET (self->open_button),
                            self->draft_id != NULL && self->chosen != NULL
                              && (!self->needs_trust || gtk_check_button_get_active (self->compared_check)));
}

static void
refuse (WspReviewerSetup *self,
        const char       *message)
{
  gtk_label_set_text (self->refusal_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->refusal_label), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->members_group), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->trust_group), FALSE);
  g_clear_pointer (&self->draft_id, g_free);
  update_cb (self);
}

/* Spaces the fingerprint's groups for reading aloud. */
static char *
readable (const char *fingerprint)
{
  g_auto (GStrv) groups = g_strsplit (fingerprint != NULL ? fingerprint : "", " ", -1);

  return g_strjoinv ("  ", groups);
}

/**
 * wsp_reviewer_setup_open:
 *
 * What "Open the Draft" does: imports the file, ties this laptop to the
 * chosen member and emits "opened".
 */
gboolean
wsp_reviewer_setup_open (WspReviewerSetup  *self,
                         GError           **error)
{
  g_auto (WspImportReport) report = { 0 };
  WspImportFlags flags = 0;

  g_return_val_if_fail (WSP_IS_REVIEWER_SETUP (self), FALSE);
  if (self->draft_id == NULL || self->chosen == NULL)
    {
      g_set_error_literal (error, WSP_STORE_ERROR, WSP_STORE_ERROR_NOT_FOUND, _("Choose who you are first."));
      return FALSE;
    }
  if (self->needs_trust && !gtk_check_button_get_active (self->compared_check))
    {
      g_set_error_literal (error, WSP_SYNC_ERROR, WSP_SYNC_ERROR_UNKNOWN_LAPTOP,
                           _("Compare the fingerprint with the secretary’s first."));
      return FALSE;
    }
  if (self->needs_trust)
    flags = self->key_changed ? WSP_IMPORT_ACCEPT_NEW_KEY : WSP_IMPORT_TRUST_NEW;
  if (!wsp_sync_import_file (self->store, self->path, flags, &report, error)
      || !wsp_review_set_reviewer (self->store, self->chosen, error))
    return FALSE;
  g_signal_emit (self, signals[OPENED], 0, self->draft_id);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
open_clicked_cb (WspReviewerSetup *self)
{
  g_autoptr (GError) error = NULL;

  if (!wsp_reviewer_setup_open (self, &error))
    refuse (self, error->message);
}

const char *
wsp_reviewer_setup_get_draft (WspReviewerSetup *self)
{
  g_return_val_if_fail (WSP_IS_REVIEWER_SETUP (self), NULL);
  return self->draft_id;
}

static void
load (WspReviewerSetup *self)
{
  g_auto (WspImportReport) preview = { 0 };
  g_autoptr (GError) error = NULL;
  g_autofree char *reviewer = wsp_review_dup_reviewer (self->store);
  GtkCheckButton *group = NULL;
  const char *deadline;

  if (!wsp_sync_import_file (self->store, self->path, WSP_IMPORT_DRY_RUN, &preview, &error))
    {
      refuse (self, error->message);
      return;
    }
  if (g_strcmp0 (wsp_review_scope_kind (preview.scope), "review") != 0)
    {
      refuse (self, _("This is not a review file from the Council’s secretary."));
      return;
    }
  self->draft_id = g_strdup (wsp_review_scope_draft (preview.scope));
  self->needs_trust = preview.new_laptop || preview.key_changed;
  self->key_changed = preview.key_changed;
  gtk_label_set_text (self->title_label, json_object_get_string_member_with_default (preview.scope, "title", ""));
  deadline = json_object_get_string_member_with_default (preview.scope, "deadline", NULL);
  if (deadline != NULL)
    {
      g_autofree char *day = wsp_draft_format_date (deadline);
      /* Translators: the reviewer's first run: the day the member's comments are due */
      g_autofree char *text = g_strdup_printf (_("The Council’s secretary asks for your comments by %s."), day);

      gtk_label_set_text (self->deadline_label, text);
    }
  {
    g_autofree char *fingerprint = readable (preview.fingerprint);

    adw_action_row_set_subtitle (self->fingerprint_row, fingerprint);
  }
  gtk_widget_set_visible (GTK_WIDGET (self->trust_group), self->needs_trust);

  self->members = wsp_review_scope_members (preview.scope);
  for (guint i = 0; i < self->members->len; i++)
    {
      WspAuthor *member = g_ptr_array_index (self->members, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), member->name);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, member->name, -1);
      if (group != NULL)
        gtk_check_button_set_group (GTK_CHECK_BUTTON (check), group);
      else
        group = GTK_CHECK_BUTTON (check);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (update_cb), self);
      /* A laptop tied to a member stays the member's. */
      if (reviewer != NULL)
        {
          gtk_check_button_set_active (GTK_CHECK_BUTTON (check), g_strcmp0 (reviewer, member->id) == 0);
          gtk_widget_set_sensitive (row, FALSE);
        }
      adw_preferences_group_add (self->members_group, row);
      g_ptr_array_add (self->checks, check);
    }
  if (reviewer != NULL)
    {
      g_autoptr (WspRecord) person = wsp_store_get (self->store, reviewer, NULL);
      /* Translators: the reviewer's first run, on a laptop tied to a member already */
      g_autofree char *text = g_strdup_printf (_("This laptop is %s’s: every comment made on it is theirs."),
                                               person != NULL ? wsp_record_get_string (person, "name") : reviewer);

      adw_preferences_group_set_description (self->members_group, text);
    }
  update_cb (self);
  if (reviewer != NULL && self->chosen == NULL)
    refuse (self, _("This review file is not for the member this laptop belongs to."));
}

/**
 * wsp_reviewer_setup_new:
 * @file: a review file
 *
 * Returns: (transfer floating): the reviewer's first run for @file
 */
WspReviewerSetup *
wsp_reviewer_setup_new (WspStore *store,
                        GFile    *file)
{
  WspReviewerSetup *self = g_object_new (WSP_TYPE_REVIEWER_SETUP, NULL);

  self->store = g_object_ref (store);
  self->path = g_file_get_path (file);
  load (self);
  return self;
}

static void
wsp_reviewer_setup_dispose (GObject *object)
{
  WspReviewerSetup *self = WSP_REVIEWER_SETUP (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->members, g_ptr_array_unref);
  g_clear_pointer (&self->checks, g_ptr_array_unref);
  G_OBJECT_CLASS (wsp_reviewer_setup_parent_class)->dispose (object);
}

static void
wsp_reviewer_setup_finalize (GObject *object)
{
  WspReviewerSetup *self = WSP_REVIEWER_SETUP (object);

  g_free (self->path);
  g_free (self->draft_id);
  g_free (self->chosen);
  G_OBJECT_CLASS (wsp_reviewer_setup_parent_class)->finalize (object);
}

static void
wsp_reviewer_setup_class_init (WspReviewerSetupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wsp_reviewer_setup_dispose;
  object_class->finalize = wsp_reviewer_setup_finalize;

  /**
   * WspReviewerSetup::opened:
   * @draft_id: the draft to show
   *
   * The file was imported and this laptop is the chosen member's.
   */
  signals[OPENED] = g_signal_new ("opened", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Wspolnie/sync/wsp-reviewer-setup.ui");
  gtk_widget_class_bind_template_child (widget_class, WspReviewerSetup, open_button);
  gtk_widget_class_bind_template_child (widget_class, WspReviewerSetup, draft_group);
  gtk_widget_class_bind_template_child (widget_class, WspReviewerSetup, title_label);
  gtk_widget_class_bind_template_child (widget_class, WspReviewerSetup, deadline_label);
  gtk_widget_class_bind_template_child (widget_class, WspReviewerSetup, refusal_label);
  gtk_widget_class_bind_template_child (widget_class, WspReviewerSetup, members_group);
  gtk_widget_class_bind_template_child (widget_class, WspReviewerSetup, trust_group);
  gtk_widget_class_bind_template_child (widget_class, WspReviewerSetup, fingerprint_row);
  gtk_widget_class_bind_template_child (widget_class, WspReviewerSetup, compared_check);
  gtk_widget_class_bind_template_callback (widget_class, update_cb);
  gtk_widget_class_bind_template_callback (widget_class, open_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
wsp_reviewer_setup_init (WspReviewerSetup *self)
{
  self->checks = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}
