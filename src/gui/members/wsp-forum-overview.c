/* wsp-forum-overview.c — the NGO Forum: members, applications, leavers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "members/wsp-forum-overview.h"
#include "widgets/wsp-accessible.h"
#include "widgets/wsp-undo.h"
#include "widgets/wsp-detail-groups.h"
#include "widgets/wsp-gui-util.h"
#include "domain/wsp-seat-list.h"
#include "records/wsp-records-members.h"
#include "store/wsp-record-list.h"

struct _WspForumOverview
{
  AdwBin              parent_instance;

  WspStore           *store;
  WspRecord          *forum;
  WspSeatList        *members;      /* current */
  WspSeatList        *former;
  GListModel         *applications;
  gulong              changed_id;

  GtkLabel           *title_label;
  GtkLabel           *summary_label;
  AdwPreferencesPage *page;
  WspDetailGroups     groups;
};

G_DEFINE_FINAL_TYPE (WspForumOverview, wsp_forum_overview, ADW_TYPE_BIN)

static void refresh (WspForumOverview *self);

typedef struct
{
  WspStore  *store;
  WspRecord *application;
  char      *seat_id;
} Reopen;

static void
reopen_free (Reopen *reopen)
{
  g_clear_object (&reopen->store);
  g_clear_object (&reopen->application);
  g_free (reopen->seat_id);
  g_free (reopen);
}

/* The Undo of a decision: the application waits again, and the seat an
 * acceptance gave goes. */
static gboolean
reopen (gpointer   data,
        GError   **error)
{
  Reopen *reopen = data;
  g_autoptr (WspRecord) fresh = wsp_store_get (reopen->store, wsp_record_get_id (reopen->application), error);

  return fresh != NULL && wsp_membership_reopen_application (reopen->store, fresh, reopen->seat_id, error);
}

static void
decide (WspForumOverview *self,
        GtkWidget        *button,
        gboolean          accept)
{
  WspRecord *shown = g_object_get_data (G_OBJECT (button), "application");
  g_autoptr (WspRecord) application = wsp_store_get (self->store, wsp_record_get_id (shown), NULL);
  g_autoptr (WspRecord) org = NULL;
  g_autofree char *today = wsp_gui_today ();
  g_autofree char *seat_id = NULL;
  g_autofree char *title = NULL;
  g_autoptr (GError) error = NULL;
  Reopen *undo;

  if (application == NULL)
    return;
  org = wsp_store_get (self->store, wsp_record_get_string (application, "organisation_id"), NULL);
  if (!wsp_membership_decide_application (self->store, application, accept ? "accepted" : "rejected", today, NULL,
                                          &seat_id, &error))
    {
      wsp_gui_show_error (GTK_WIDGET (self), error);
      return;
    }
  undo = g_new0 (Reopen, 1);
  undo->store = g_object_ref (self->store);
  undo->application = g_object_ref (application);
  undo->seat_id = g_steal_pointer (&seat_id);
  title = g_strdup_printf (accept ? _("“%s” accepted into the Forum") : _("Application of “%s” rejected"),
                           org != NULL ? wsp_record_get_string (org, "name") : "?");
  wsp_gui_offer_undo (GTK_WIDGET (self), title, reopen, undo, (GDestroyNotify) reopen_free);
}

static void
accept_clicked_cb (GtkWidget        *button,
                   WspForumOverview *self)
{
  decide (self, button, TRUE);
}

static void
reject_clicked_cb (GtkWidget        *button,
                   WspForumOverview *self)
{
  decide (self, button, FALSE);
}

static GtkWidget *
decision_button (WspForumOverview *self,
                 WspRecord        *application,
                 const char       *label,
                 const char       *accessible,
                 GCallback         callback)
{
  GtkWidget *button = wsp_accessible_button_new (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  wsp_accessible_set_label (button, accessible);
  g_object_set_data_full (G_OBJECT (button), "application", g_object_ref (application), g_object_unref);
  g_signal_connect (button, "clicked", callback, self);
  return button;
}

static void
new_application_clicked_cb (WspForumOverview *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "members.add", NULL);
}

/* Shows what the Forum's models hold now. */
static void
refresh (WspForumOverview *self)
{
  g_autofree char *today = wsp_gui_today ();
  g_autofree char *summary = NULL;
  AdwPreferencesGroup *group;
  guint n_members, n_applications, n_former;

  wsp_detail_groups_clear (&self->groups);

  if (self->forum == NULL)
    {
      gtk_label_set_text (self->title_label, _("NGO Forum"));
      gtk_label_set_text (self->summary_label, _("The Forum has not been set up yet."));
      return;
    }
  n_members = g_list_model_get_n_items (G_LIST_MODEL (self->members));
  n_applications = g_list_model_get_n_items (self->applications);
  n_former = g_list_model_get_n_items (G_LIST_MODEL (self->former));

  gtk_label_set_text (self->title_label, wsp_record_get_string (self->forum, "name"));
  summary = g_strdup_printf (ngettext ("%u member organisation. Choose one in the list to see it.",
                                       "%u member organisations. Choose one in the list to see it.",
                                       n_members),
                             n_members);
  gtk_label_set_text (self->summary_label, summary);

  group = wsp_detail_groups_add (&self->groups, _("Membership Applications"),
                     _("Any organisation that shows it works for the local community may join; "
                       "the Forum’s bylaws say who decides."));
  {
    GtkWidget *add = gtk_button_new_from_icon_name ("list-add-symbolic");

    gtk_widget_set_tooltip_text (add, _("Enter an Application to Join (Ctrl+N)"));
    wsp_accessible_set_label (add, _("Enter an Application to Join"));
    gtk_widget_add_css_class (add, "flat");
    g_signal_connect_swapped (add, "clicked", G_CALLBACK (new_application_clicked_cb), self);
    adw_preferences_group_set_header_suffix (group, add);
  }
  for (guint i = 0; i < n_applications; i++)
    {
      g_autoptr (WspRecord) application = g_list_model_get_item (self->applications, i);
      const char *decision = wsp_record_get_string (application, "decision");
      g_autoptr (WspRecord) org = wsp_store_get (self->store,
                                                 wsp_record_get_string (application, "organisation_id"),
                                                 NULL);
      g_autofree char *submitted = wsp_gui_format_date (wsp_record_get_string (application, "submitted_on"));
      const char *evidence = wsp_record_get_string (application, "evidence");
      const char *name = org != NULL ? wsp_record_get_string (org, "name") : "?";
      g_autofree char *line = NULL;
      GtkWidget *row;

      /* Translators: an application's second line: the day it came · its state */
      line = g_strdup_printf ("%s · %s", submitted,
                              wsp_choice_label (wsp_application_decision_choices, decision != NULL ? decision : "pending"));
      row = wsp_gui_value_row (name, line);
      if (evidence != NULL)
        gtk_widget_set_tooltip_text (row, evidence);
      if (decision == NULL || g_strcmp0 (decision, "pending") == 0)
        {
          /* Translators: a button's name for screen readers; %s is an organisation's name */
          g_autofree char *reject = g_strdup_printf (_("Reject the application of “%s”"), name);
          /* Translators: a button's name for screen readers; %s is an organisation's name */
          g_autofree char *accept = g_strdup_printf (_("Accept the application of “%s”"), name);
          GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

          gtk_box_append (GTK_BOX (buttons), decision_button (self, application, _("_Reject"), reject,
                                                              G_CALLBACK (reject_clicked_cb)));
          gtk_box_append (GTK_BOX (buttons), decision_button (self, application, _("_Accept"), accept,
                                                              G_CALLBACK (accept_clicked_cb)));
          gtk_widget_set_valign (buttons, GTK_ALIGN_CENTER);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), buttons);
          adw_preferences_group_add (group, row);
          /* What the decision rests on, in full, under it. */
          if (evidence != NULL)
            adw_preferences_group_add (group, wsp_gui_value_row (_("Evidence of local activity"), evidence));
          continue;
        }
      adw_preferences_group_add (group, row);
    }
  if (n_applications == 0)
    adw_preferences_group_add (group, wsp_gui_value_row (_("No applications"),
                                                         _("Applications to join the Forum will be listed here.")));

  if (n_former > 0)
    {
      group = wsp_detail_groups_add (&self->groups, _("Former Members"), NULL);
      for (guint i = 0; i < n_former; i++)
        {
          g_autoptr (WspSeatHolder) holder = g_list_model_get_item (G_LIST_MODEL (self->former), i);
          WspRecord *seat = wsp_seat_holder_get_seat (holder);
          g_autofree char *joined = wsp_gui_format_date (wsp_record_get_string (seat, "joined_on"));
          g_autofree char *left = wsp_gui_format_date (wsp_record_get_string (seat, "left_on"));
          const char *reason = wsp_record_get_string (seat, "left_reason");
          /* Translators: a former Forum member: from … to … */
          g_autofree char *period = g_strdup_printf (_("Member %s to %s"), *joined != '\0' ? joined : "…",
                                                     *left != '\0' ? left : "…");
          g_autofree char *line = reason != NULL ? g_strdup_printf ("%s · %s", period, reason) : g_strdup (period);

          adw_preferences_group_add (group, wsp_gui_value_row (wsp_seat_holder_get_name (holder), line));
        }
    }
}

static void
drop_models (WspForumOverview *self)
{
  if (self->members != NULL)
    g_signal_handlers_disconnect_by_data (self->members, self);
  g_clear_object (&self->former);
  g_clear_object (&self->members);
  g_clear_object (&self->applications);
  g_clear_object (&self->forum);
}

/* The Forum's lists, made once there is a Forum. */
static void
find_forum (WspForumOverview *self)
{
  g_autofree char *today = wsp_gui_today ();

  drop_models (self);
  if (self->store == NULL)
    return;
  self->forum = wsp_membership_find_body (self->store, "forum", NULL);
  if (self->forum == NULL)
    return;
  /* Made before the members' list, these follow a commit first: when the
   * members' list says it was updated, all of them are. */
  self->applications = G_LIST_MODEL (wsp_record_list_new (self->store, WSP_TYPE_MEMBERSHIP_APPLICATION,
                                                          "body_id", wsp_record_get_id (self->forum)));
  self->former = wsp_seat_list_new (self->store, WSP_SEATS_FORUM_FORMER, wsp_record_get_id (self->forum), today);
  self->members = wsp_seat_list_new (self->store, WSP_SEATS_FORUM_CURRENT, wsp_record_get_id (self->forum), today);
  g_signal_connect_swapped (self->members, "updated", G_CALLBACK (refresh), self);
  g_signal_connect_swapped (self->applications, "items-changed", G_CALLBACK (refresh), self);
}

static void
store_changed_cb (WspForumOverview *self,
                  WspChanges       *changes)
{
  /* A new or renamed Forum; the lists follow everything else. */
  if (wsp_changes_has_entity (changes, "body"))
    {
      find_forum (self);
      refresh (self);
    }
}

void
wsp_forum_overview_set_store (WspForumOverview *self,
                              WspStore         *store)
{
  g_return_if_fail (WSP_IS_FORUM_OVERVIEW (self));

  if (self->store != store)
    {
      if (self->store != NULL)
        g_clear_signal_handler (&self->changed_id, self->store);
      g_set_object (&self->store, store);
      if (store != NULL)
        self->changed_id = g_signal_connect_swapped (store, "changed", G_CALLBACK (store_changed_cb), self);
      find_forum (self);
    }
  refresh (self);
}

static void
wsp_forum_overview_dispose (GObject *object)
{
  WspForumOverview *self = WSP_FORUM_OVERVIEW (object);

  drop_models (self);
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  wsp_detail_groups_finish (&self->groups);

  G_OBJECT_CLASS (wsp_forum_overview_parent_class)->dispose (object);
}

static void
wsp_forum_overview_class_init (WspForumOverviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wsp_forum_overview_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Wspolnie/members/wsp-forum-overview.ui");
  gtk_widget_class_bind_template_child (widget_class, WspForumOverview, title_label);
  gtk_widget_class_bind_template_child (widget_class, WspForumOverview, summary_label);
  gtk_widget_class_bind_template_child (widget_class, WspForumOverview, page);
}

static void
wsp_forum_overview_init (WspForumOverview *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  wsp_detail_groups_init (&self->groups, self->page);
}
