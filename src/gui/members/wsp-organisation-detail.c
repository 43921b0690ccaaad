/* wsp-organisation-detail.c — one organisation: numbers, contacts, people
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "widgets/wsp-accessible.h"
#include "widgets/wsp-detail-groups.h"
#include "widgets/wsp-gui-util.h"
#include "domain/wsp-membership.h"
#include "members/wsp-organisation-detail.h"

struct _WspOrganisationDetail
{
  AdwBin              parent_instance;

  WspStore           *store;
  WspRecord          *organisation;

  GtkLabel           *name_label;
  GtkLabel           *short_name_label;
  AdwPreferencesPage *page;
  WspDetailGroups     groups;
};

G_DEFINE_FINAL_TYPE (WspOrganisationDetail, wsp_organisation_detail, ADW_TYPE_BIN)

GtkWidget *
wsp_organisation_detail_new (void)
{
  return g_object_new (WSP_TYPE_ORGANISATION_DETAIL, NULL);
}

WspRecord *
wsp_organisation_detail_get_organisation (WspOrganisationDetail *self)
{
  g_return_val_if_fail (WSP_IS_ORGANISATION_DETAIL (self), NULL);
  return self->organisation;
}

static guint
add_row (AdwPreferencesGroup *group,
         const char          *title,
         const char          *value)
{
  GtkWidget *row = wsp_gui_value_row (title, value);

  if (row == NULL)
    return 0;
  adw_preferences_group_add (group, row);
  return 1;
}

/* A group with nothing in it says nothing: it goes. */
static void
drop_if_empty (WspOrganisationDetail *self,
               AdwPreferencesGroup   *group,
               guint                  rows)
{
  if (rows > 0)
    return;
  wsp_detail_groups_remove (&self->groups, group);
}

static void
refresh (WspOrganisationDetail *self)
{
  WspRecord *org = self->organisation;
  AdwPreferencesGroup *group;
  g_auto (GStrv) fields = NULL;
  g_autofree char *fields_text = NULL;
  g_autoptr (GPtrArray) people = NULL;
  const char *short_name;

  wsp_detail_groups_clear (&self->groups);
  if (org == NULL)
    return;

  /* Its own conflict, where it is looked at. */
  if (wsp_record_get_conflicted (org))
    {
      g_autoptr (GPtrArray) conflicts = wsp_store_dup_conflicts (self->store, wsp_record_get_id (org), NULL);
      g_autoptr (GString) fields = g_string_new (NULL);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = wsp_accessible_button_new (_("_Resolve…"));

      for (guint i = 0; conflicts != NULL && i < conflicts->len; i++)
        {
          WspConflict *conflict = g_ptr_array_index (conflicts, i);
          const WspField *field = conflict->field != NULL
                                    ? wsp_entity_find_field (wsp_record_get_entity (org), conflict->field)
                                    : NULL;

          if (fields->len > 0)
            g_string_append (fields, ", ");
          g_string_append (fields, field != NULL ? _(field->label) : _("deleted on one laptop, changed on another"));
        }
      group = wsp_detail_groups_add (&self->groups, _("Changed on Two Laptops at Once"), NULL);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Both versions are kept until you choose"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), fields->str);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.conflicts");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
      gtk_widget_add_css_class (row, "warning");
      adw_preferences_group_add (group, row);
    }

  gtk_label_set_text (self->name_label, wsp_record_get_string (org, "name"));
  short_name = wsp_record_get_string (org, "short_name");
  gtk_label_set_text (self->short_name_label, short_name != NULL ? short_name : "");
  gtk_widget_set_visible (GTK_WIDGET (self->short_name_label), short_name != NULL);

  group = wsp_detail_groups_add (&self->groups, _("Registration Numbers"), NULL);
  drop_if_empty (self, group,
                 add_row (group, _("KRS number"), wsp_record_get_string (org, "krs"))
                 + add_row (group, _("NIP"), wsp_record_get_string (org, "nip"))
                 + add_row (group, _("REGON"), wsp_record_get_string (org, "regon")));

  group = wsp_detail_groups_add (&self->groups, _("Contact"), NULL);
  drop_if_empty (self, group,
                 add_row (group, _("Address"), wsp_record_get_string (org, "address"))
                 + add_row (group, _("E-mail"), wsp_record_get_string (org, "email"))
                 + add_row (group, _("Phone"), wsp_record_get_string (org, "phone"))
                 + add_row (group, _("Website"), wsp_record_get_string (org, "website")));

  fields = wsp_record_dup_list (org, "fields");
  fields_text = g_strjoinv ("\n", fields);
  group = wsp_detail_groups_add (&self->groups, _("Activity"), NULL);
  drop_if_empty (self, group,
                 add_row (group, _("Fields of public benefit activity"), fields_text)
                 + add_row (group, _("Notes"), wsp_record_get_string (org, "notes")));

  /* Its membership of the Forum, with the way to record that it ended. */
  {
    g_autoptr (WspRecord) forum = wsp_membership_find_body (self->store, "forum", NULL);
    g_autofree char *today = wsp_gui_today ();
    g_autoptr (GPtrArray) members = forum != NULL ? wsp_membership_forum_members (self->store, wsp_record_get_id (forum),
                                                                                   FALSE, today, NULL)
                                                  : NULL;

    for (guint i = 0; members != NULL && i < members->len; i++)
      {
        WspMemberEntry *entry = g_ptr_array_index (members, i);
        g_autofree char *joined = NULL;
        g_autofree char *line = NULL;
        GtkWidget *row;
        GtkWidget *button;

        if (entry->organisation == NULL
            || g_strcmp0 (wsp_record_get_id (entry->organisation), wsp_record_get_id (org)) != 0)
          continue;
        joined = wsp_gui_format_date (wsp_record_get_string (entry->seat, "joined_on"));
        /* Translators: an organisation's membership of the Forum */
        line = g_strdup_printf (_("Member since %s"), joined);
        group = wsp_detail_groups_add (&self->groups, wsp_record_get_string (forum, "name"), NULL);
        row = wsp_gui_value_row (_("Membership"), line);
        button = wsp_accessible_button_new (_("_Left the Forum…"));
        gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
        gtk_widget_set_tooltip_text (button, _("Record that this organisation is no longer a member of the NGO Forum"));
        gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "members.leave-forum");
        gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", wsp_record_get_id (entry->seat));
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
        adw_preferences_group_add (group, row);
        break;
      }
  }

  people = wsp_membership_representatives (self->store, wsp_record_get_id (org), NULL);
  if (people != NULL && people->len > 0)
    {
      group = wsp_detail_groups_add (&self->groups, _("Representatives"), NULL);
      for (guint i = 0; i < people->len; i++)
        {
          WspRecord *person = g_ptr_array_index (people, i);
          const char *email = wsp_record_get_string (person, "email");
          GtkWidget *row = adw_action_row_new ();

          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                         wsp_record_get_string (person, "name"));
          if (email != NULL)
            adw_action_row_set_subtitle (ADW_ACTION_ROW (row), email);
          adw_preferences_group_add (group, row);
        }
    }
}

static void
store_changed_cb (WspStore              *store,
                  WspChanges            *changes,
                  WspOrganisationDetail *self)
{
  g_autoptr (WspRecord) fresh = NULL;

  if (self->organisation == NULL)
    return;
  /* Its own record, the people who represent it, its seats. */
  if (!wsp_changes_contains (changes, "organisation", wsp_record_get_id (self->organisation))
      && !wsp_changes_has_entity (changes, "person") && !wsp_changes_has_entity (changes, "seat"))
    return;
  fresh = wsp_store_get (store, wsp_record_get_id (self->organisation), NULL);
  if (fresh == NULL)
    return; /* deleted: the page shows something else now */
  g_set_object (&self->organisation, fresh);
  refresh (self);
}

void
wsp_organisation_detail_set_organisation (WspOrganisationDetail *self,
                                          WspStore              *store,
                                          WspRecord             *organisation)
{
  g_return_if_fail (WSP_IS_ORGANISATION_DETAIL (self));

  if (self->store != store)
    {
      if (self->store != NULL)
        g_signal_handlers_disconnect_by_data (self->store, self);
      g_set_object (&self->store, store);
      if (store != NULL)
        g_signal_connect (store, "changed", G_CALLBACK (store_changed_cb), self);
    }
  if (organisation != NULL && self->organisation != NULL
      && g_strcmp0 (wsp_record_get_id (organisation), wsp_record_get_id (self->organisation)) != 0)
    wsp_gui_scroll_to_top (GTK_WIDGET (self->page));
  g_set_object (&self->organisation, organisation);
  refresh (self);
}

static void
wsp_organisation_detail_dispose (GObject *object)
{
  WspOrganisationDetail *self = WSP_ORGANISATION_DETAIL (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_object (&self->organisation);
  wsp_detail_groups_finish (&self->groups);

  G_OBJECT_CLASS (wsp_organisation_detail_parent_class)->dispose (object);
}

static void
wsp_organisation_detail_class_init (WspOrganisationDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wsp_organisation_detail_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Wspolnie/members/wsp-organisation-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, WspOrganisationDetail, name_label);
  gtk_widget_class_bind_template_child (widget_class, WspOrganisationDetail, short_name_label);
  gtk_widget_class_bind_template_child (widget_class, WspOrganisationDetail, page);
}

static void
wsp_organisation_detail_init (WspOrganisationDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  wsp_detail_groups_init (&self->groups, self->page);
}
