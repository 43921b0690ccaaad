/* wsp-person-detail.c — one person: contacts, organisations, seats
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "widgets/wsp-detail-groups.h"
#include "widgets/wsp-gui-util.h"
#include "domain/wsp-membership.h"
#include "members/wsp-person-detail.h"
#include "members/wsp-seat-labels.h"

struct _WspPersonDetail
{
  AdwBin              parent_instance;

  char               *person_id;

  GtkLabel           *name_label;
  AdwPreferencesPage *page;
  WspDetailGroups     groups;
};

G_DEFINE_FINAL_TYPE (WspPersonDetail, wsp_person_detail, ADW_TYPE_BIN)

static void
add (AdwPreferencesGroup *group,
     GtkWidget           *row)
{
  if (row != NULL)
    adw_preferences_group_add (group, row);
}

void
wsp_person_detail_set_person (WspPersonDetail *self,
                              WspStore        *store,
                              WspRecord       *person)
{
  AdwPreferencesGroup *group;
  g_auto (GStrv) organisations = NULL;
  g_autoptr (GPtrArray) seats = NULL;
  g_autofree char *today = wsp_gui_today ();

  g_return_if_fail (WSP_IS_PERSON_DETAIL (self));

  wsp_detail_groups_clear (&self->groups);
  if (person != NULL && g_strcmp0 (self->person_id, wsp_record_get_id (person)) != 0)
    wsp_gui_scroll_to_top (GTK_WIDGET (self->page));
  g_free (self->person_id);
  self->person_id = person != NULL ? g_strdup (wsp_record_get_id (person)) : NULL;
  if (person == NULL)
    return;

  gtk_label_set_text (self->name_label, wsp_record_get_string (person, "name"));

  group = wsp_detail_groups_add (&self->groups, _("Contact"), NULL);
  add (group, wsp_gui_value_row (_("E-mail"), wsp_record_get_string (person, "email")));
  add (group, wsp_gui_value_row (_("Phone"), wsp_record_get_string (person, "phone")));
  if (wsp_record_get_string (person, "grammatical_form") != NULL)
    add (group, wsp_gui_value_row (_("Forms of address"),
                                   wsp_choice_label (wsp_grammatical_form_choices,
                                                     wsp_record_get_string (person, "grammatical_form"))));

  organisations = wsp_record_dup_list (person, "organisations");
  if (organisations[0] != NULL)
    {
      group = wsp_detail_groups_add (&self->groups, _("Represents"), NULL);
      for (guint i = 0; organisations[i] != NULL; i++)
        {
          g_autoptr (WspRecord) org = wsp_store_get (store, organisations[i], NULL);
          if (org != NULL)
            add (group, wsp_gui_value_row (wsp_record_get_string (org, "name"),
                                           wsp_record_get_string (org, "short_name")));
        }
    }

  seats = wsp_membership_person_seats (store, wsp_record_get_id (person), NULL);
  if (seats != NULL && seats->len > 0)
    {
      group = wsp_detail_groups_add (&self->groups, _("Memberships"), NULL);
      for (guint i = 0; i < seats->len; i++)
        {
          WspMemberEntry *entry = g_ptr_array_index (seats, i);
          g_autofree char *what = wsp_seat_describe (entry->seat, person, today);

          add (group, wsp_gui_value_row (entry->body != NULL
                                           ? wsp_record_get_string (entry->body, "name") : "",
                                         what));
        }
    }
}

static void
wsp_person_detail_dispose (GObject *object)
{
  WspPersonDetail *self = WSP_PERSON_DETAIL (object);

  wsp_detail_groups_finish (&self->groups);
  g_clear_pointer (&self->person_id, g_free);

  G_OBJECT_CLASS (wsp_person_detail_parent_class)->dispose (object);
}

static void
wsp_person_detail_class_init (WspPersonDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wsp_person_detail_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Wspolnie/members/wsp-person-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, WspPersonDetail, name_label);
  gtk_widget_class_bind_template_child (widget_class, WspPersonDetail, page);
}

static void
wsp_person_detail_init (WspPersonDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  wsp_detail_groups_init (&self->groups, self->page);
}
