/* wsp-forum-overview.c — the NGO Forum: members, applications, leavers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "members/wsp-forum-overview.h"
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

static void
decide (WspForumOverview *self,
        GtkWidget        *button,
        gboolean          accept)
{
  WspRecord *application = g_object_get_data (G_OBJECT (button), "application");
  g_autofree char *today = wsp_gui_today ();
  g_autoptr (GError) error = NULL;
  gboolean ok;

  if (accept)
    ok = wsp_membership_accept_application (self->store, application, today, &error);
  else
    {
      wsp_record_set_string (application, "decision", "rejected");
      wsp_record_set_string (application, "decided_on", today);
      ok = wsp_store_save (self->store, application, &error);
    }
  if (!ok)
    wsp_gui_show_error (GTK_WIDGET (self), error);
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
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_object_set_data_full (G_OBJECT (button), "application", g_object_ref (application), g_object_unref);
  g_signal_connect (button, "clicked", callback, self);
  return button;
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
  for (guint i = 0; i < n_applications; i++)
    {
      g_autoptr (WspRecord) application = g_list_model_get_item (self->applications, i);
      const char *decision = wsp_record_get_string (application, "decision");
      g_autoptr (WspRecord) org = wsp_store_get (self->store,
                                                 wsp_record_get_string (application, "organisation_id"),
                                                 NULL);
      g_autofree char *line = g_strdup_printf ("%s · %s", wsp_record_get_string (application, "submitted_on"),
                                               wsp_choice_label (wsp_application_decision_choices,
                                                                 decision != NULL ? decision : "pending"));
      GtkWidget *row = wsp_gui_value_row (org != NULL ? wsp_record_get_string (org, "name") : "?", line);
      const char *evidence = wsp_record_get_string (application, "evidence");

      if (evidence != NULL)
        gtk_widget_set_tooltip_text (row, evidence);
      if (decision == NULL || g_strcmp0 (decision, "pending") == 0)
        {
          adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                     decision_button (self, application, _("_Reject"),
                                                      _("Reject the application"),
                                                      G_CALLBACK (reject_clicked_cb)));
          adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                     decision_button (self, application, _("_Accept"),
                                                      _("Accept the application"),
                                                      G_CALLBACK (accept_clicked_cb)));
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
          /* Translators: a former Forum member: from … to … */
          g_autofree char *line = g_strdup_printf (_("Member %s to %s"),
                                                   wsp_record_get_string (seat, "joined_on") ?: "…",
                                                   wsp_record_get_string (seat, "left_on") ?: "…");

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
