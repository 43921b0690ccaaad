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
#include "wsp-gui-util.h"
#include "domain/wsp-membership.h"
#include "members/wsp-seat-labels.h"

struct _WspCouncilOverview
{
  AdwBin              parent_instance;

  GtkLabel           *title_label;
  GtkLabel           *summary_label;
  GtkLabel           *warning_label;
  AdwPreferencesPage *page;
  GPtrArray          *groups;
  char               *warning;
};

G_DEFINE_FINAL_TYPE (WspCouncilOverview, wsp_council_overview, ADW_TYPE_BIN)

static AdwPreferencesGroup *
add_group (WspCouncilOverview *self,
           const char         *title)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

  adw_preferences_group_set_title (group, title);
  adw_preferences_page_add (self->page, group);
  g_ptr_array_add (self->groups, group);
  return group;
}

/* Who holds the seat: the person, else the organisation. */
static char *
holder_name (WspStore  *store,
             WspRecord *seat)
{
  const char *ids[] = { wsp_record_get_string (seat, "person_id"),
                        wsp_record_get_string (seat, "organisation_id") };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr (WspRecord) holder = ids[i] != NULL ? wsp_store_get (store, ids[i], NULL) : NULL;
      if (holder != NULL)
        return g_strdup (wsp_record_get_string (holder, "name"));
    }
  return g_strdup (_("Unknown member"));
}

/* Seats that were left and not taken again by a later member of the same
 * side are vacant. */
static guint
count_vacancies (GPtrArray  *all_seats,
                 const char *today)
{
  guint vacancies = 0;

  for (guint i = 0; i < all_seats->len; i++)
    {
      WspRecord *left = g_ptr_array_index (all_seats, i);
      const char *left_on = wsp_record_get_string (left, "left_on");
      gboolean replaced = FALSE;

      if (wsp_membership_seat_is_current (left, today) || left_on == NULL)
        continue;
      for (guint j = 0; j < all_seats->len && !replaced; j++)
        {
          WspRecord *other = g_ptr_array_index (all_seats, j);
          const char *joined = wsp_record_get_string (other, "joined_on");

          replaced = other != left && wsp_membership_seat_is_current (other, today)
                     && g_strcmp0 (wsp_record_get_string (other, "side"),
                                   wsp_record_get_string (left, "side")) == 0
                     && joined != NULL && g_strcmp0 (joined, left_on) >= 0;
        }
      if (!replaced)
        vacancies++;
    }
  return vacancies;
}

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

void
wsp_council_overview_set_term (WspCouncilOverview *self,
                               WspStore           *store,
                               WspRecord          *term)
{
  static const char *sides[] = { "mayor", "city_council", "ngo" };
  g_autofree char *today = wsp_gui_today ();
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GPtrArray) current = g_ptr_array_new ();
  g_autoptr (GPtrArray) flagged = NULL;
  g_autoptr (GHashTable) flagged_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GString) warning = g_string_new (NULL);
  g_autoptr (WspRecord) body = NULL;
  g_autofree char *summary = NULL;
  WspComposition composition;
  WspBodyRules rules;
  guint vacancies;

  g_return_if_fail (WSP_IS_COUNCIL_OVERVIEW (self));

  for (guint i = 0; i < self->groups->len; i++)
    adw_preferences_page_remove (self->page, g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);
  g_clear_pointer (&self->warning, g_free);
  if (term == NULL)
    return;

  body = wsp_store_get (store, wsp_record_get_string (term, "body_id"), NULL);
  wsp_membership_body_rules (body, &rules);
  all = wsp_membership_seats (store, wsp_record_get_id (term), TRUE, today, NULL);
  if (all == NULL)
    all = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < all->len; i++)
    if (wsp_membership_seat_is_current (g_ptr_array_index (all, i), today))
      g_ptr_array_add (current, g_ptr_array_index (all, i));

  vacancies = count_vacancies (all, today);
  wsp_membership_composition (current, current->len + vacancies, &composition);
  flagged = body != NULL ? wsp_membership_absence_flags (store, wsp_record_get_id (body),
                                                        wsp_record_get_id (term), &rules, today, NULL)
                         : NULL;
  for (guint i = 0; flagged != NULL && i < flagged->len; i++)
    g_hash_table_add (flagged_ids, (gpointer) wsp_record_get_id (g_ptr_array_index (flagged, i)));

  gtk_label_set_text (self->title_label, wsp_record_get_string (term, "name") != NULL
                                           ? wsp_record_get_string (term, "name")
                                           : _("Term of Office"));
  /* Translators: the Council's composition: seats on each side of a term */
  summary = g_strdup_printf (_("%s – %s · mayor’s side %u, city council’s side %u, NGO side %u"),
                             wsp_record_get_string (term, "starts_on"),
                             wsp_record_get_string (term, "ends_on") ?: "…",
                             composition.mayor, composition.city_council, composition.ngo);
  gtk_label_set_text (self->summary_label, summary);

  if (!composition.ok && current->len > 0)
    g_string_append_printf (warning,
                            ngettext ("NGO members hold fewer than half of the seats: %u more NGO seat "
                                      "is needed (art. 41f).",
                                      "NGO members hold fewer than half of the seats: %u more NGO seats "
                                      "are needed (art. 41f).",
                                      composition.ngo_needed),
                            composition.ngo_needed);
  if (vacancies > 0)
    {
      if (warning->len > 0)
        g_string_append_c (warning, '\n');
      g_string_append_printf (warning, ngettext ("%u seat is vacant.", "%u seats are vacant.", vacancies),
                              vacancies);
    }
  if (g_hash_table_size (flagged_ids) > 0)
    {
      guint n = g_hash_table_size (flagged_ids);
      if (warning->len > 0)
        g_string_append_c (warning, '\n');
      g_string_append_printf (warning,
                              ngettext ("%u member missed %u meetings in a row without an excuse: "
                                        "for the chair’s attention (art. 41g).",
                                        "%u members missed %u meetings in a row without an excuse: "
                                        "for the chair’s attention (art. 41g).",
                                        n),
                              n, rules.absence_limit);
    }
  gtk_label_set_text (self->warning_label, warning->str);
  gtk_widget_set_visible (GTK_WIDGET (self->warning_label), warning->len > 0);
  if (warning->len > 0)
    self->warning = g_strdup (warning->str);

  for (guint s = 0; s < G_N_ELEMENTS (sides); s++)
    {
      AdwPreferencesGroup *group = add_group (self, side_label (sides[s]));

      for (guint i = 0; i < current->len; i++)
        {
          WspRecord *seat = g_ptr_array_index (current, i);
          g_autofree char *name = NULL;
          g_autofree char *what = NULL;
          GtkWidget *row;

          if (g_strcmp0 (wsp_record_get_string (seat, "side"), sides[s]) != 0)
            continue;
          name = holder_name (store, seat);
          what = wsp_seat_describe (seat, today);
          row = wsp_gui_value_row (name, what);
          if (g_hash_table_contains (flagged_ids, wsp_record_get_id (seat)))
            {
              GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

              gtk_widget_set_tooltip_text (icon, _("Missed the last meetings without an excuse"));
              gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                              _("Missed the last meetings without an excuse"), -1);
              gtk_widget_add_css_class (icon, "warning");
              adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
            }
          adw_preferences_group_add (group, row);
        }
    }

  if (current->len < all->len)
    {
      AdwPreferencesGroup *group = add_group (self, _("Former Members"));

      for (guint i = 0; i < all->len; i++)
        {
          WspRecord *seat = g_ptr_array_index (all, i);
          g_autofree char *name = NULL;
          g_autofree char *what = NULL;
          g_autofree char *line = NULL;

          if (wsp_membership_seat_is_current (seat, today))
            continue;
          name = holder_name (store, seat);
          what = wsp_seat_describe (seat, today);
          line = g_strdup_printf ("%s · %s", side_label (wsp_record_get_string (seat, "side")), what);
          adw_preferences_group_add (group, wsp_gui_value_row (name, line));
        }
    }
}

static void
wsp_council_overview_dispose (GObject *object)
{
  WspCouncilOverview *self = WSP_COUNCIL_OVERVIEW (object);

  g_clear_pointer (&self->groups, g_ptr_array_unref);
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
  self->groups = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}
