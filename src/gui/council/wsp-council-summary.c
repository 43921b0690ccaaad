/* wsp-council-summary.c — the Council's current term, composition and drafts waiting
 *
 * The term of office running today, its make-up by side with the warnings
 * the Members view gives (NGO seats below half, vacancies, members absent
 * without an excuse too often: from the same core model, WspSeatList), and
 * the city's drafts that wait for the Council's opinion, the nearest
 * deadline first, with the days left (wsp_opinion_days_left()). It is
 * worked out when shown and again after a change while it is shown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "council/wsp-council-summary.h"
#include "domain/wsp-membership.h"
#include "domain/wsp-seat-list.h"
#include "records/wsp-records-drafts.h"
#include "rules/wsp-rules.h"
#include "widgets/wsp-detail-groups.h"
#include "widgets/wsp-gui-util.h"

struct _WspCouncilSummary
{
  AdwBin              parent_instance;

  WspStore           *store;
  gulong              changed_id;
  gboolean            stale;
  char               *warning;
  guint               n_drafts;
  AdwPreferencesPage *page;
  WspDetailGroups     groups;
};

G_DEFINE_FINAL_TYPE (WspCouncilSummary, wsp_council_summary, ADW_TYPE_BIN)

static GtkWidget *
warning_row (const char *text)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  gtk_widget_add_css_class (icon, "warning");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  return row;
}

static void
add_term (WspCouncilSummary *self,
          WspRecord         *council,
          const char        *today)
{
  g_autoptr (WspRecord) term = wsp_membership_current_term (self->store, wsp_record_get_id (council), today, NULL);
  g_autoptr (WspSeatList) seats = NULL;
  g_autoptr (GString) warning = g_string_new (NULL);
  g_autofree char *dates = NULL;
  g_autofree char *sides = NULL;
  AdwPreferencesGroup *group;
  WspComposition composition;
  guint n_current, n_flagged;
  GtkWidget *members_button;

  if (term == NULL)
    {
      group = wsp_detail_groups_add (&self->groups, _("Term of Office"), NULL);
      adw_preferences_group_add (group, wsp_gui_value_row (_("No term of office yet"),
                                                           _("Record the Council’s term and its members in the "
                                                             "Members view.")));
      return;
    }
  seats = wsp_seat_list_new (self->store, WSP_SEATS_TERM_CURRENT, wsp_record_get_id (term), today);
  n_current = g_list_model_get_n_items (G_LIST_MODEL (seats));
  n_flagged = wsp_seat_list_get_n_flagged (seats);
  wsp_seat_list_get_composition (seats, &composition);

  group = wsp_detail_groups_add (&self->groups, wsp_record_get_string (term, "name") != NULL
                                                  ? wsp_record_get_string (term, "name") : _("Term of Office"),
                                 NULL);
  members_button = gtk_button_new_with_mnemonic (_("_Members"));
  gtk_widget_add_css_class (members_button, "flat");
  gtk_widget_set_tooltip_text (members_button, _("The Council’s members by side, in the Members view"));
  gtk_actionable_set_action_target (GTK_ACTIONABLE (members_button), "s", "members");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (members_button), "win.view");
  adw_preferences_group_set_header_suffix (group, members_button);

  /* Translators: a term of office: its first and last day */
  dates = g_strdup_printf (_("%s to %s"), wsp_record_get_string (term, "starts_on"),
                           wsp_record_get_string (term, "ends_on") ?: "…");
  adw_preferences_group_add (group, wsp_gui_value_row (_("Term of office"), dates));
  /* Translators: the Council's composition: seats of each side */
  sides = g_strdup_printf (_("Mayor’s side %u · City council’s side %u · NGO side %u"), composition.mayor,
                           composition.city_council, composition.ngo);
  adw_preferences_group_add (group, wsp_gui_value_row (_("Composition"), sides));

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
      g_string_append_printf (warning, ngettext ("%u seat is vacant.", "%u seats are vacant.", composition.vacancies),
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
                              n_flagged, wsp_seat_list_get_absence_limit (seats));
    }
  if (warning->len > 0)
    {
      g_auto (GStrv) lines = g_strsplit (warning->str, "\n", -1);

      self->warning = g_strdup (warning->str);
      for (guint i = 0; lines[i] != NULL; i++)
        adw_preferences_group_add (group, warning_row (lines[i]));
      for (guint i = 0; i < n_current; i++)
        {
          g_autoptr (WspSeatHolder) holder = g_list_model_get_item (G_LIST_MODEL (seats), i);

          if (wsp_seat_holder_get_absences_flagged (holder))
            adw_preferences_group_add (group, wsp_gui_value_row (wsp_seat_holder_get_name (holder),
                                                                 _("Missed the last meetings without an excuse")));
        }
    }
  else
    adw_preferences_group_add (group, wsp_gui_value_row (_("Warnings"), _("None: the composition is in order.")));
}

static int
compare_deadlines (gconstpointer a,
                   gconstpointer b)
{
  const char *da = wsp_record_get_string (*(WspRecord **) a, "deadline");
  const char *db = wsp_record_get_string (*(WspRecord **) b, "deadline");

  /* No deadline goes last. */
  if (da == NULL || db == NULL)
    return (da == NULL) - (db == NULL);
  return g_strcmp0 (da, db);
}

/* "12 days left", "due today", "3 days late: deemed waived" */
static char *
days_left_text (const char *deadline)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GDateTime) due = NULL;
  int year, month, day, left;

  if (deadline == NULL || sscanf (deadline, "%4d-%2d-%2d", &year, &month, &day) != 3)
    return g_strdup (_("no deadline recorded"));
  due = g_date_time_new_local (year, month, day, 23, 59, 59);
  if (due == NULL)
    return g_strdup (_("no deadline recorded"));
  left = wsp_opinion_days_left (due, now);
  if (wsp_opinion_waived (due, now, FALSE))
    return g_strdup_printf (ngettext ("%d day past the deadline: the opinion is deemed waived",
                                      "%d days past the deadline: the opinion is deemed waived", -left),
                            -left);
  if (left == 0)
    return g_strdup (_("due today"));
  return g_strdup_printf (ngettext ("%d day left", "%d days left", left), left);
}

static void
add_drafts (WspCouncilSummary *self)
{
  g_autoptr (GPtrArray) drafts = g_ptr_array_new_with_free_func (g_object_unref);
  AdwPreferencesGroup *group;

  wsp_store_query (self->store, WSP_TYPE_DRAFT, NULL, NULL, drafts, NULL);
  for (guint i = drafts->len; i > 0; i--)
    {
      WspDraftStatus status = wsp_choice_value (wsp_draft_status_choices,
                                                wsp_record_get_string (g_ptr_array_index (drafts, i - 1), "status"),
                                                WSP_DRAFT_RECEIVED);

      if (status != WSP_DRAFT_RECEIVED && status != WSP_DRAFT_IN_CONSULTATION)
        g_ptr_array_remove_index (drafts, i - 1);
    }
  g_ptr_array_sort (drafts, compare_deadlines);
  self->n_drafts = drafts->len;

  group = wsp_detail_groups_add (&self->groups, _("Drafts Waiting for an Opinion"),
                                 _("The city’s draft resolutions the Council has not given its opinion on yet, the "
                                   "nearest deadline first."));
  if (drafts->len == 0)
    {
      adw_preferences_group_add (group, wsp_gui_value_row (_("None"), _("No draft is waiting for the Council’s "
                                                                        "opinion.")));
      return;
    }
  for (guint i = 0; i < drafts->len; i++)
    {
      WspRecord *draft = g_ptr_array_index (drafts, i);
      g_autofree char *left = days_left_text (wsp_record_get_string (draft, "deadline"));
      g_autofree char *due = wsp_record_format_field (draft, "deadline");
      const char *from = wsp_record_get_string (draft, "submitted_by");
      g_autofree char *line = NULL;

      if (due != NULL)
        /* Translators: a draft waiting for an opinion: who sent it, its deadline, the days left */
        line = g_strdup_printf (_("%1$s · due %2$s · %3$s"), from != NULL ? from : "", due, left);
      else
        line = g_strdup_printf ("%s · %s", from != NULL ? from : "", left);
      adw_preferences_group_add (group, wsp_gui_value_row (wsp_record_get_string (draft, "title"), line));
    }
}

static void
render (WspCouncilSummary *self)
{
  g_autoptr (WspRecord) council = NULL;
  g_autofree char *today = wsp_gui_today ();

  self->stale = FALSE;
  wsp_detail_groups_clear (&self->groups);
  g_clear_pointer (&self->warning, g_free);
  self->n_drafts = 0;
  if (self->store == NULL)
    return;
  council = wsp_membership_find_body (self->store, "council", NULL);
  if (council != NULL)
    add_term (self, council, today);
  add_drafts (self);
}

static void
store_changed_cb (WspStore          *store,
                  WspChanges        *changes,
                  WspCouncilSummary *self)
{
  static const char * const kinds[] = { "body", "term", "seat", "person", "organisation", "meeting", "attendance",
                                        "draft", "opinion", NULL };

  for (guint i = 0; kinds[i] != NULL; i++)
    if (wsp_changes_has_entity (changes, kinds[i]))
      {
        if (gtk_widget_get_mapped (GTK_WIDGET (self)))
          render (self);
        else
          self->stale = TRUE;
        return;
      }
}

static void
map_cb (WspCouncilSummary *self)
{
  if (self->stale)
    render (self);
}

void
wsp_council_summary_set_store (WspCouncilSummary *self,
                               WspStore          *store)
{
  g_return_if_fail (WSP_IS_COUNCIL_SUMMARY (self));

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_set_object (&self->store, store);
  if (store != NULL)
    self->changed_id = g_signal_connect (store, "changed", G_CALLBACK (store_changed_cb), self);
  self->stale = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    render (self);
}

/* What needs the chair's attention, or NULL. */
const char *
wsp_council_summary_get_warning (WspCouncilSummary *self)
{
  g_return_val_if_fail (WSP_IS_COUNCIL_SUMMARY (self), NULL);
  if (self->stale)
    render (self);
  return self->warning;
}

/* How many drafts wait for an opinion. */
guint
wsp_council_summary_get_n_drafts (WspCouncilSummary *self)
{
  g_return_val_if_fail (WSP_IS_COUNCIL_SUMMARY (self), 0);
  if (self->stale)
    render (self);
  return self->n_drafts;
}

static void
wsp_council_summary_dispose (GObject *object)
{
  WspCouncilSummary *self = WSP_COUNCIL_SUMMARY (object);

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  g_clear_pointer (&self->warning, g_free);
  wsp_detail_groups_finish (&self->groups);

  G_OBJECT_CLASS (wsp_council_summary_parent_class)->dispose (object);
}

static void
wsp_council_summary_class_init (WspCouncilSummaryClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = wsp_council_summary_dispose;
}

static void
wsp_council_summary_init (WspCouncilSummary *self)
{
  self->page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->page));
  wsp_detail_groups_init (&self->groups, self->page);
  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);
}
