/* wsp-council-overview.c — one term of the Council: its seats by side
 *
 * The seats are grouped by side (mayor, city council, NGOs) with their
 * roles. A warning says when the NGO seats fall below half (art. 41f) and
 * when seats are vacant; members who reached the limit of consecutive
 * unexcused absences are marked for the chair's attention (a person
 * decides, the app only points it out).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "members/wsp-council-overview.h"
#include "widgets/wsp-detail-groups.h"
#include "widgets/wsp-gui-util.h"
#include "domain/wsp-seat-list.h"
#include "members/wsp-seat-labels.h"

struct _WspCouncilOverview
{
  AdwBin              parent_instance;

  GtkLabel           *title_label;
  GtkLabel           *summary_label;
  GtkLabel           *warning_label;
  AdwPreferencesPage *page;
  WspDetailGroups     groups;
  char               *warning;

  WspRecord          *term;
  WspSeatList        *current;
  WspSeatList        *former;
};

G_DEFINE_FINAL_TYPE (WspCouncilOverview, wsp_council_overview, ADW_TYPE_BIN)

/* A seat's side as people call it; a seat of no side is a plain member. */
static const char *
side_label (const char *side)
{
  const char *label = wsp_choice_label (wsp_side_choices, side);

  return label != NULL ? label : _("Members");
}

/* What is wrong with the composition, or NULL. */
const char *
wsp_council_overview_get_warning (WspCouncilOverview *self)
{
  g_return_val_if_fail (WSP_IS_COUNCIL_OVERVIEW (self), NULL);
  return self->warning;
}

static GtkWidget *
seat_row (WspSeatHolder *holder,
          const char    *today,
          gboolean       with_side)
{
  WspRecord *seat = wsp_seat_holder_get_seat (holder);
  g_autofree char *what = wsp_seat_describe (seat, today);
  g_autofree char *line = with_side ? g_strdup_printf ("%s · %s", side_label (wsp_record_get_string (seat, "side")), what)
                                    : g_strdup (what);
  GtkWidget *row = wsp_gui_value_row (wsp_seat_holder_get_name (holder), line);

  if (wsp_seat_holder_get_absences_flagged (holder))
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_set_tooltip_text (icon, _("Missed the last meetings without an excuse"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Missed the last meetings without an excuse"), -1);
      gtk_widget_add_css_class (icon, "warning");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
    }
  return row;
}

/* Shows what the term's models hold now. */
static void
render (WspCouncilOverview *self)
{
  g_autofree char *today = wsp_gui_today ();
  g_autoptr (GString) warning = g_string_new (NULL);
  g_autofree char *summary = NULL;
  GListModel *current = G_LIST_MODEL (self->current);
  GListModel *former = G_LIST_MODEL (self->former);
  WspComposition composition;
  guint n_current, n_flagged;

  wsp_detail_groups_clear (&self->groups);
  g_clear_pointer (&self->warning, g_free);
  if (self->term == NULL)
    return;

  n_current = g_list_model_get_n_items (current);
  n_flagged = wsp_seat_list_get_n_flagged (self->current);
  wsp_seat_list_get_composition (self->current, &composition);

  gtk_label_set_text (self->title_label, wsp_record_get_string (self->term, "name") != NULL
                                           ? wsp_record_get_string (self->term, "name")
                                           : _("Term of Office"));
  /* Translators: the Council's composition: seats on each side of a term */
  summary = g_strdup_printf (_("%s – %s · mayor’s side %u, city council’s side %u, NGO side %u"),
                             wsp_record_get_string (self->term, "starts_on"),
                             wsp_record_get_string (self->term, "ends_on") ?: "…",
                             composition.mayor, composition.city_council, composition.ngo);
  gtk_label_set_text (self->summary_label, summary);

  if (!composition.ok && n_current > 0)
    g_string_append_printf (warning,
                            ngettext ("NGO members hold fewer than half of the seats: %u more NGO seat "
                                      "is needed (art. 41f).",
                                      "NGO members hold fewer than half of the seats: %u more NGO seats "
                                      "are needed (art. 41f).",
                                      composition.ngo_needed),
                            composition.ngo_needed);
  if (composition.vacancies > 0)
    {
      if (warning->len > 0)
        g_string_append_c (warning, '\n');
      g_string_append_printf (warning, ngettext ("%u seat is vacant.", "%u seats are vacant.",
                                                 composition.vacancies),
                              composition.vacancies);
    }
  if (n_flagged > 0)
    {
      if (warning->len > 0)
        g_string_append_c (warning, '\n');
      g_string_append_printf (warning,
                              ngettext ("%u member missed %u meetings in a row without an excuse: "
                                        "for the chair’s attention (art. 41g).",
                                        "%u members missed %u meetings in a row without an excuse: "
                                        "for the chair’s attention (art. 41g).",
                                        n_flagged),
                              n_flagged, wsp_seat_list_get_absence_limit (self->current));
    }
  gtk_label_set_text (self->warning_label, warning->str);
  gtk_widget_set_visible (GTK_WIDGET (self->warning_label), warning->len > 0);
  if (warning->len > 0)
    self->warning = g_strdup (warning->str);

  for (const WspChoice *side = wsp_side_choices; side->name != NULL; side++)
    {
      AdwPreferencesGroup *group = wsp_detail_groups_add (&self->groups, side_label (side->name), NULL);

      for (guint i = 0; i < n_current; i++)
        {
          g_autoptr (WspSeatHolder) holder = g_list_model_get_item (current, i);

          if (g_strcmp0 (wsp_record_get_string (wsp_seat_holder_get_seat (holder), "side"), side->name) == 0)
            adw_preferences_group_add (group, seat_row (holder, today, FALSE));
        }
    }

  if (g_list_model_get_n_items (former) > 0)
    {
      AdwPreferencesGroup *group = wsp_detail_groups_add (&self->groups, _("Former Members"), NULL);

      for (guint i = 0; i < g_list_model_get_n_items (former); i++)
        {
          g_autoptr (WspSeatHolder) holder = g_list_model_get_item (former, i);
          adw_preferences_group_add (group, seat_row (holder, today, TRUE));
        }
    }
}

void
wsp_council_overview_set_term (WspCouncilOverview *self,
                               WspStore           *store,
                               WspRecord          *term)
{
  g_autofree char *today = wsp_gui_today ();

  g_return_if_fail (WSP_IS_COUNCIL_OVERVIEW (self));

  if (self->current != NULL)
    g_signal_handlers_disconnect_by_data (self->current, self);
  g_clear_object (&self->current);
  g_clear_object (&self->former);
  g_set_object (&self->term, term);
  if (term != NULL)
    {
      /* Made first, the former members' list follows a commit first: when
       * the current list says it was updated, both are. */
      self->former = wsp_seat_list_new (store, WSP_SEATS_TERM_FORMER, wsp_record_get_id (term), today);
      self->current = wsp_seat_list_new (store, WSP_SEATS_TERM_CURRENT, wsp_record_get_id (term), today);
      g_signal_connect_swapped (self->current, "updated", G_CALLBACK (render), self);
    }
  render (self);
}

static void
wsp_council_overview_dispose (GObject *object)
{
  WspCouncilOverview *self = WSP_COUNCIL_OVERVIEW (object);

  if (self->current != NULL)
    g_signal_handlers_disconnect_by_data (self->current, self);
  g_clear_object (&self->current);
  g_clear_object (&self->former);
  g_clear_object (&self->term);
  wsp_detail_groups_finish (&self->groups);
  g_clear_pointer (&self->warning, g_free);

  G_OBJECT_CLASS (wsp_council_overview_parent_class)->dispose (object);
}

static void
wsp_council_overview_class_init (WspCouncilOverviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wsp_council_overview_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Wspolnie/members/wsp-council-overview.ui");
  gtk_widget_class_bind_template_child (widget_class, WspCouncilOverview, title_label);
  gtk_widget_class_bind_template_child (widget_class, WspCouncilOverview, summary_label);
  gtk_widget_class_bind_template_child (widget_class, WspCouncilOverview, warning_label);
  gtk_widget_class_bind_template_child (widget_class, WspCouncilOverview, page);
}

static void
wsp_council_overview_init (WspCouncilOverview *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  wsp_detail_groups_init (&self->groups, self->page);
}
