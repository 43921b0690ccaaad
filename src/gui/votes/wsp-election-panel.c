/* wsp-election-panel.c — one election of delegates: candidates, the count, the elected, the run-off
 *
 * What is elected, the seats and the kind of vote (secret by default);
 * the candidates, typed in one after another (Enter adds the next); the
 * count of the cards as the counting committee gives it: the votes of
 * each candidate, the valid and the invalid cards, refused with a message
 * when there are more cards than voters or when the votes cannot come
 * from the cards. The ranking follows with the elected marked and a tie
 * for the last seat flagged; the run-off among the tied is one button,
 * and opens in the same place.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "domain/wsp-elections.h"
#include "domain/wsp-meetings.h"
#include "output/wsp-builders.h"
#include "records/wsp-records-meetings.h"
#include "records/wsp-records-votes.h"
#include "votes/wsp-election-panel.h"
#include "widgets/wsp-gui-util.h"
#include "widgets/wsp-save-document.h"

struct _WspElectionPanel
{
  AdwBin         parent_instance;

  WspStore      *store;
  char          *election_id;
  WspRecord     *election;
  GStrv          candidate_ids;   /* those the rows show */
  gboolean       updating;

  GtkLabel      *title_label;
  GtkLabel      *context_label;
  GtkLabel      *outcome_label;
  GtkLabel      *result_label;
  GtkWidget     *setup_group;
  AdwEntryRow   *title_row;
  GtkSpinButton *seats;
  AdwComboRow   *mode_row;
  AdwPreferencesGroup *candidates_group;
  GtkListBox    *candidates_list;
  AdwEntryRow   *candidate_entry;
  GPtrArray     *vote_spins;      /* GtkSpinButton, by candidate */
  GtkWidget     *cards_group;
  GtkSpinButton *valid_cards;
  GtkSpinButton *invalid_cards;
  GtkWidget     *ranking_group;
  GtkListBox    *ranking_list;
  GtkWidget     *record_button;
  GtkWidget     *close_button;
  GtkWidget     *runoff_button;
  GtkWidget     *go_button;
  GtkWidget     *save_button;
  GtkLabel      *message_label;
  char          *go_to;
};

G_DEFINE_FINAL_TYPE (WspElectionPanel, wsp_election_panel, ADW_TYPE_BIN)

static void update (WspElectionPanel *self);

static gboolean
is_closed (WspElectionPanel *self)
{
  return self->election != NULL && wsp_record_get_string (self->election, "closed_at") != NULL;
}

static void
say (WspElectionPanel *self,
     const char       *message,
     gboolean          error)
{
  gtk_label_set_text (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL && *message != '\0');
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->message_label), "error");
}

static void
reload (WspElectionPanel *self)
{
  g_clear_object (&self->election);
  if (self->store != NULL && self->election_id != NULL)
    self->election = wsp_store_get (self->store, self->election_id, NULL);
  if (self->election != NULL && !WSP_IS_ELECTION (self->election))
    g_clear_object (&self->election);
}

/* ---- what a person does -------------------------------------------------- */

static void
setup_changed_cb (WspElectionPanel *self)
{
  g_autoptr (GError) error = NULL;

  if (self->updating || self->election == NULL || is_closed (self))
    return;
  if (!wsp_elections_set_setup (self->store, self->election_id,
                                gtk_editable_get_text (GTK_EDITABLE (self->title_row)),
                                (guint) gtk_spin_button_get_value_as_int (self->seats),
                                adw_combo_row_get_selected (self->mode_row) == 1 ? WSP_BALLOT_OPEN
                                                                                 : WSP_BALLOT_SECRET,
                                &error))
    say (self, error->message, TRUE);
  else
    say (self, NULL, FALSE);
  reload (self);
  update (self);
}

static void
add_candidate_cb (WspElectionPanel *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *id = NULL;

  if (self->election == NULL)
    return;
  id = wsp_elections_add_candidate (self->store, self->election_id,
                                    gtk_editable_get_text (GTK_EDITABLE (self->candidate_entry)), NULL, NULL,
                                    &error);
  if (id == NULL)
    {
      say (self, error->message, TRUE);
      return;
    }
  say (self, NULL, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->candidate_entry), "");
  reload (self);
  update (self);
  /* The next name goes into the same place. */
  gtk_widget_grab_focus (GTK_WIDGET (self->candidate_entry));
}

static void
remove_clicked_cb (GtkButton        *button,
                   WspElectionPanel *self)
{
  g_autoptr (GError) error = NULL;
  const char *candidate_id = g_object_get_data (G_OBJECT (button), "candidate-id");

  if (!wsp_elections_remove_candidate (self->store, self->election_id, candidate_id, &error))
    say (self, error->message, TRUE);
  reload (self);
  update (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->candidate_entry));
}

static void
record_clicked_cb (WspElectionPanel *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree guint *votes = g_new0 (guint, self->vote_spins->len + 1);

  for (guint i = 0; i < self->vote_spins->len; i++)
    {
      GtkSpinButton *spin = g_ptr_array_index (self->vote_spins, i);

      gtk_spin_button_update (spin);
      votes[i] = (guint) gtk_spin_button_get_value_as_int (spin);
    }
  gtk_spin_button_update (self->valid_cards);
  gtk_spin_button_update (self->invalid_cards);
  if (!wsp_elections_set_count (self->store, self->election_id,
                                (guint) gtk_spin_button_get_value_as_int (self->valid_cards),
                                (guint) gtk_spin_button_get_value_as_int (self->invalid_cards), votes,
                                self->vote_spins->len, &error))
    {
      say (self, error->message, TRUE);
      return;
    }
  say (self, _("Count recorded."), FALSE);
  reload (self);
  update (self);
}

static void
close_clicked_cb (WspElectionPanel *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  if (!wsp_elections_close (self->store, self->election_id, now, &error))
    {
      say (self, error->message, TRUE);
      return;
    }
  say (self, NULL, FALSE);
  reload (self);
  update (self);
}

static void
runoff_clicked_cb (WspElectionPanel *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *runoff_id = wsp_elections_start_runoff (self->store, self->election_id, &error);

  if (runoff_id == NULL)
    {
      say (self, error->message, TRUE);
      return;
    }
  say (self, NULL, FALSE);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-record", "(ss)", "votes", runoff_id);
}

static void
go_clicked_cb (WspElectionPanel *self)
{
  g_autofree char *id = g_strdup (self->go_to);

  if (id != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-record", "(ss)", "votes", id);
}

static void
save_clicked_cb (WspElectionPanel *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WspDocument) doc = wsp_build_election_result (self->store, self->election_id, NULL, &error);
  /* Translators: the suggested file name of an election's result */
  g_autofree char *name = g_strdup_printf ("%s.pdf", _("Election result"));

  if (doc == NULL)
    {
      wsp_gui_show_error (GTK_WIDGET (self), error);
      return;
    }
  wsp_save_document (GTK_WIDGET (self), doc, _("Save the Election Result"), name);
}

/* ---- what it shows ------------------------------------------------------- */

static char *
context_text (WspElectionPanel *self,
              guint             entitled)
{
  const char *item_id = wsp_record_get_string (self->election, "agenda_item_id");
  g_autoptr (WspRecord) item = item_id != NULL ? wsp_store_get (self->store, item_id, NULL) : NULL;
  g_autoptr (WspRecord) meeting = NULL;
  g_autoptr (WspRecord) body = wsp_store_get (self->store, wsp_record_get_string (self->election, "body_id"), NULL);
  g_autofree char *where = NULL;
  g_autofree char *voters = NULL;

  if (item != NULL && wsp_record_get_string (item, "meeting_id") != NULL)
    meeting = wsp_store_get (self->store, wsp_record_get_string (item, "meeting_id"), NULL);
  if (meeting != NULL)
    {
      g_autofree char *title = wsp_meeting_dup_title (meeting);
      g_autofree char *date = wsp_meeting_dup_date (meeting);

      /* Translators: where an election is held: the meeting and its date */
      where = g_strdup_printf (_("%1$s, %2$s"), title, date != NULL ? date : "");
    }
  else
    where = g_strdup (body != NULL ? wsp_record_get_string (body, "name") : "");
  if (body != NULL && g_strcmp0 (wsp_record_get_string (body, "kind"), "forum") == 0)
    voters = g_strdup_printf (ngettext ("%u may vote: one vote per member organisation present",
                                        "%u may vote: one vote per member organisation present", entitled),
                              entitled);
  else
    voters = g_strdup_printf (ngettext ("%u member may vote", "%u members may vote", entitled), entitled);
  /* Translators: an election's second line: where, the kind of vote, who may vote */
  return g_strdup_printf (_("%1$s · %2$s · %3$s"), where,
                          wsp_elections_get_mode (self->election) == WSP_BALLOT_OPEN ? C_ ("election", "open vote")
                                                                                     : C_ ("election", "secret vote"),
                          voters);
}

static const char *
standing_text (WspStanding standing)
{
  switch (standing)
    {
    case WSP_STANDING_ELECTED: return C_ ("candidate", "Elected");
    case WSP_STANDING_TIED: return C_ ("candidate", "Tied for the last seat");
    case WSP_STANDING_NOT_ELECTED:
    default: return C_ ("candidate", "Not elected");
    }
}

static gboolean
same_ids (GStrv      shown,
          GPtrArray *candidates)
{
  if (shown == NULL)
    return candidates->len == 0;
  if (g_strv_length (shown) != candidates->len)
    return FALSE;
  for (guint i = 0; i < candidates->len; i++)
    if (g_strcmp0 (shown[i], ((WspElectionCandidate *) g_ptr_array_index (candidates, i))->id) != 0)
      return FALSE;
  return TRUE;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* The rows of the candidates, made again when who they are changed. */
static void
build_candidate_rows (WspElectionPanel *self,
                      GPtrArray        *candidates)
{
  g_autoptr (GStrvBuilder) ids = g_strv_builder_new ();

  clear_list (self->candidates_list);
  g_ptr_array_set_size (self->vote_spins, 0);
  for (guint i = 0; i < candidates->len; i++)
    {
      WspElectionCandidate *candidate = g_ptr_array_index (candidates, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *spin = gtk_spin_button_new_with_range (0, 9999, 1);
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      g_autofree char *remove_name = NULL;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), candidate->name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
      /* Translators: what the spin button of a candidate's votes is called */
      gtk_widget_set_tooltip_text (spin, _("Votes"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _("Take Off the List"));
      /* Translators: the accessible name of the button that takes a candidate off; %s the name */
      remove_name = g_strdup_printf (_("Take %s off the list"), candidate->name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_name, -1);
      g_object_set_data_full (G_OBJECT (remove), "candidate-id", g_strdup (candidate->id), g_free);
      g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      g_object_set_data (G_OBJECT (row), "remove", remove);
      gtk_list_box_append (self->candidates_list, row);
      g_ptr_array_add (self->vote_spins, spin);
      g_strv_builder_add (ids, candidate->id);
    }
  g_strfreev (self->candidate_ids);
  self->candidate_ids = g_strv_builder_end (ids);
}

static void
build_ranking (WspElectionPanel *self)
{
  g_autoptr (GPtrArray) ranking = wsp_elections_dup_ranking (self->election, NULL);

  clear_list (self->ranking_list);
  for (guint i = 0; i < ranking->len; i++)
    {
      WspElectionCandidate *candidate = g_ptr_array_index (ranking, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;

      /* Translators: a place in the ranking of an election: "1. Anna Kowalczyk" */
      title = g_strdup_printf (_("%1$u. %2$s"), i + 1, candidate->name);
      /* Translators: a candidate's votes and standing: "9 votes · Elected" */
      subtitle = g_strdup_printf (ngettext ("%1$u vote · %2$s", "%1$u votes · %2$s", candidate->votes),
                                  candidate->votes, standing_text (candidate->standing));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (candidate->standing == WSP_STANDING_ELECTED)
        {
          GtkWidget *icon = gtk_image_new_from_icon_name ("emblem-ok-symbolic");

          gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          C_ ("candidate", "Elected"), -1);
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
        }
      else if (candidate->standing == WSP_STANDING_TIED)
        {
          GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

          gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          C_ ("candidate", "Tied for the last seat"), -1);
          gtk_widget_add_css_class (icon, "warning");
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
        }
      gtk_list_box_append (self->ranking_list, row);
    }
}

static char *
outcome_text (WspElectionPanel         *self,
              const WspElectionOutcome *outcome,
              guint                     n_candidates)
{
  guint seats = wsp_elections_get_seats (self->election);

  if (!wsp_elections_is_counted (self->election))
    {
      g_autofree char *seats_text = g_strdup_printf (ngettext ("%u seat", "%u seats", seats), seats);
      g_autofree char *candidates_text = g_strdup_printf (ngettext ("%u candidate", "%u candidates", n_candidates),
                                                          n_candidates);

      /* Translators: an election not counted yet: "2 seats", "4 candidates" */
      return g_strdup_printf (_("%1$s, %2$s: the cards are not counted yet"), seats_text, candidates_text);
    }
  if (outcome->tied > 0)
    return g_strdup_printf (ngettext ("Tie for the last seat: a run-off among the %u tied decides it",
                                      "Tie for the last seats: a run-off among the %u tied decides them",
                                      outcome->tied_seats),
                            outcome->tied);
  if (outcome->unfilled > 0)
    return g_strdup_printf (ngettext ("%u seat is left unfilled", "%u seats are left unfilled", outcome->unfilled),
                            outcome->unfilled);
  return g_strdup (ngettext ("The delegate is elected", "The delegates are elected", seats));
}

static void
update (WspElectionPanel *self)
{
  g_autoptr (GPtrArray) candidates = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *context = NULL;
  g_autofree char *outcome_line = NULL;
  g_autofree char *description = NULL;
  g_autofree char *runoff = NULL;
  WspElectionOutcome outcome;
  gboolean closed, counted;
  guint entitled, seats;

  if (self->election == NULL)
    return;
  self->updating = TRUE;
  closed = is_closed (self);
  counted = wsp_elections_is_counted (self->election);
  seats = wsp_elections_get_seats (self->election);
  candidates = wsp_elections_dup_candidates (self->election, &outcome);
  entitled = closed ? (guint) wsp_record_get_int (self->election, "tally_entitled")
                    : wsp_elections_count_entitled (self->store, self->election, &error);

  gtk_label_set_text (self->title_label, wsp_record_get_string (self->election, "title"));
  context = context_text (self, entitled);
  gtk_label_set_text (self->context_label, context);
  outcome_line = outcome_text (self, &outcome, candidates->len);
  gtk_label_set_text (self->outcome_label, outcome_line);
  if (closed && wsp_record_get_string (self->election, "result") != NULL)
    gtk_label_set_text (self->result_label, wsp_record_get_string (self->election, "result"));
  else
    {
      g_autofree char *result = counted ? wsp_elections_result_text (self->election) : NULL;

      gtk_label_set_text (self->result_label, result != NULL ? result : "");
    }
  gtk_widget_set_visible (GTK_WIDGET (self->result_label), counted);

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->title_row)),
                 wsp_record_get_string (self->election, "title")) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->title_row), wsp_record_get_string (self->election, "title"));
  gtk_spin_button_set_value (self->seats, seats);
  adw_combo_row_set_selected (self->mode_row, wsp_elections_get_mode (self->election) == WSP_BALLOT_OPEN ? 1 : 0);
  gtk_widget_set_sensitive (self->setup_group, !closed);
  gtk_widget_set_sensitive (GTK_WIDGET (self->seats), !counted && !closed);
  gtk_widget_set_sensitive (GTK_WIDGET (self->mode_row), !counted && !closed);

  if (!same_ids (self->candidate_ids, candidates))
    build_candidate_rows (self, candidates);
  for (guint i = 0; i < candidates->len && i < self->vote_spins->len; i++)
    {
      GtkWidget *spin = g_ptr_array_index (self->vote_spins, i);
      GtkWidget *row = gtk_widget_get_ancestor (spin, ADW_TYPE_ACTION_ROW);
      GtkWidget *remove = g_object_get_data (G_OBJECT (row), "remove");

      if (counted)
        gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin),
                                   ((WspElectionCandidate *) g_ptr_array_index (candidates, i))->votes);
      gtk_widget_set_sensitive (spin, !closed);
      gtk_widget_set_visible (remove, !counted && !closed);
    }
  if (counted || closed)
    description = g_strdup_printf (ngettext ("Each card marks at most %u candidate.",
                                             "Each card marks at most %u candidates.", seats),
                                   seats);
  else
    description = g_strdup_printf (ngettext ("Each card marks at most %u candidate. Type a name and press Enter to add it.",
                                             "Each card marks at most %u candidates. Type a name and press Enter to add it.",
                                             seats),
                                   seats);
  adw_preferences_group_set_description (self->candidates_group, description);
  gtk_widget_set_visible (GTK_WIDGET (self->candidate_entry), !counted && !closed);
  gtk_widget_set_visible (GTK_WIDGET (self->candidates_list), candidates->len > 0);

  if (counted)
    {
      gtk_spin_button_set_value (self->valid_cards, (double) wsp_record_get_int (self->election, "valid_cards"));
      gtk_spin_button_set_value (self->invalid_cards, (double) wsp_record_get_int (self->election, "invalid_cards"));
    }
  gtk_widget_set_sensitive (self->cards_group, !closed);
  gtk_widget_set_visible (self->ranking_group, counted);
  if (counted)
    build_ranking (self);

  gtk_widget_set_visible (self->record_button, !closed);
  gtk_widget_set_sensitive (self->record_button, candidates->len > 0);
  gtk_widget_set_visible (self->close_button, !closed && outcome.tied == 0);
  gtk_widget_set_sensitive (self->close_button, counted);
  runoff = wsp_elections_find_runoff (self->store, self->election_id);
  gtk_widget_set_visible (self->runoff_button, counted && outcome.tied > 0 && runoff == NULL);
  g_free (self->go_to);
  self->go_to = runoff != NULL ? g_strdup (runoff) : g_strdup (wsp_record_get_string (self->election, "runoff_of"));
  gtk_widget_set_visible (self->go_button, self->go_to != NULL);
  gtk_widget_set_visible (self->save_button, counted);
  gtk_button_set_label (GTK_BUTTON (self->go_button),
                        runoff != NULL ? _("Go to the _Run-off") : _("Go to the _Election It Decides"));
  self->updating = FALSE;
}

static void
store_changed_cb (WspStore         *store,
                  WspChanges       *changes,
                  WspElectionPanel *self)
{
  if (self->election_id == NULL || !wsp_changes_has_entity (changes, "election"))
    return;
  reload (self);
  update (self);
}

/* ---- the public calls ---------------------------------------------------- */

GtkWidget *
wsp_election_panel_new (void)
{
  return g_object_new (WSP_TYPE_ELECTION_PANEL, NULL);
}

void
wsp_election_panel_set_election (WspElectionPanel *self,
                                 WspStore         *store,
                                 const char       *election_id)
{
  g_return_if_fail (WSP_IS_ELECTION_PANEL (self));

  if (self->store != store)
    {
      if (self->store != NULL)
        g_signal_handlers_disconnect_by_data (self->store, self);
      g_set_object (&self->store, store);
      if (store != NULL)
        g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, 0);
    }
  g_free (self->election_id);
  self->election_id = g_strdup (election_id);
  g_clear_pointer (&self->candidate_ids, g_strfreev);
  g_ptr_array_set_size (self->vote_spins, 0);
  clear_list (self->candidates_list);
  gtk_spin_button_set_value (self->valid_cards, 0);
  gtk_spin_button_set_value (self->invalid_cards, 0);
  say (self, NULL, FALSE);
  reload (self);
  update (self);
}

const char *
wsp_election_panel_get_election_id (WspElectionPanel *self)
{
  g_return_val_if_fail (WSP_IS_ELECTION_PANEL (self), NULL);
  return self->election_id;
}

/* The focus where the work is: the next candidate's name before the count,
 * the first candidate's votes after the names, nothing once closed. */
void
wsp_election_panel_focus (WspElectionPanel *self)
{
  g_return_if_fail (WSP_IS_ELECTION_PANEL (self));
  if (self->election == NULL || is_closed (self))
    return;
  if (gtk_widget_get_visible (GTK_WIDGET (self->candidate_entry)) && self->vote_spins->len < 2)
    gtk_widget_grab_focus (GTK_WIDGET (self->candidate_entry));
  else if (self->vote_spins->len > 0)
    gtk_widget_grab_focus (g_ptr_array_index (self->vote_spins, 0));
}

GtkWidget *
wsp_election_panel_get_candidate_entry (WspElectionPanel *self)
{
  return GTK_WIDGET (self->candidate_entry);
}

GtkSpinButton *
wsp_election_panel_get_seats (WspElectionPanel *self)
{
  return self->seats;
}

GtkSpinButton *
wsp_election_panel_get_votes (WspElectionPanel *self,
                              guint             position)
{
  g_return_val_if_fail (position < self->vote_spins->len, NULL);
  return g_ptr_array_index (self->vote_spins, position);
}

GtkSpinButton *
wsp_election_panel_get_cards (WspElectionPanel *self,
                              gboolean          invalid)
{
  return invalid ? self->invalid_cards : self->valid_cards;
}

GtkWidget *
wsp_election_panel_get_record_button (WspElectionPanel *self)
{
  return self->record_button;
}

GtkWidget *
wsp_election_panel_get_close_button (WspElectionPanel *self)
{
  return self->close_button;
}

GtkWidget *
wsp_election_panel_get_runoff_button (WspElectionPanel *self)
{
  return self->runoff_button;
}

GtkWidget *
wsp_election_panel_get_save_button (WspElectionPanel *self)
{
  return self->save_button;
}

const char *
wsp_election_panel_get_outcome_text (WspElectionPanel *self)
{
  return gtk_label_get_text (self->outcome_label);
}

const char *
wsp_election_panel_get_message_text (WspElectionPanel *self)
{
  return gtk_widget_get_visible (GTK_WIDGET (self->message_label)) ? gtk_label_get_text (self->message_label) : "";
}

const char *
wsp_election_panel_get_result_text (WspElectionPanel *self)
{
  return gtk_label_get_text (self->result_label);
}

/* The ranking as it reads on screen, a line per candidate. */
char *
wsp_election_panel_dup_ranking_text (WspElectionPanel *self)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->ranking_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    g_string_append_printf (text, "%s — %s\n", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                            adw_action_row_get_subtitle (ADW_ACTION_ROW (row)));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* ---- the widgets --------------------------------------------------------- */

static GtkSpinButton *
add_spin_row (AdwPreferencesGroup *group,
              const char          *title,
              double               lowest)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (lowest, 9999, 1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  adw_preferences_group_add (group, row);
  return GTK_SPIN_BUTTON (spin);
}

static GtkWidget *
build_setup (WspElectionPanel *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  g_autoptr (GtkStringList) modes = gtk_string_list_new (NULL);

  gtk_string_list_append (modes, C_ ("election", "Secret"));
  gtk_string_list_append (modes, C_ ("election", "Open"));
  self->title_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->title_row), _("What is elected"));
  adw_entry_row_set_show_apply_button (self->title_row, TRUE);
  g_signal_connect_swapped (self->title_row, "apply", G_CALLBACK (setup_changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->title_row));
  self->seats = add_spin_row (ADW_PREFERENCES_GROUP (group), _("Seats"), 1);
  g_signal_connect_swapped (self->seats, "value-changed", G_CALLBACK (setup_changed_cb), self);
  self->mode_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->mode_row), _("Kind of vote"));
  adw_combo_row_set_model (self->mode_row, G_LIST_MODEL (modes));
  g_signal_connect_swapped (self->mode_row, "notify::selected", G_CALLBACK (setup_changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->mode_row));
  return group;
}

static GtkWidget *
build_candidates (WspElectionPanel *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *entry_list = gtk_list_box_new ();

  self->candidates_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->candidates_group, _("Candidates and Their Votes"));
  self->candidates_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->candidates_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->candidates_list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->candidates_list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Candidates"), -1);
  adw_preferences_group_add (self->candidates_group, GTK_WIDGET (self->candidates_list));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->candidates_group));

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (entry_list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (entry_list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry_list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Add a candidate"),
                                  -1);
  self->candidate_entry = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->candidate_entry), _("Add a candidate"));
  adw_entry_row_set_show_apply_button (self->candidate_entry, TRUE);
  g_signal_connect_swapped (self->candidate_entry, "apply", G_CALLBACK (add_candidate_cb), self);
  g_signal_connect_swapped (self->candidate_entry, "entry-activated", G_CALLBACK (add_candidate_cb), self);
  gtk_list_box_append (GTK_LIST_BOX (entry_list), GTK_WIDGET (self->candidate_entry));
  g_object_bind_property (self->candidate_entry, "visible", entry_list, "visible", G_BINDING_SYNC_CREATE);
  gtk_box_append (GTK_BOX (box), entry_list);
  return box;
}

static GtkWidget *
build_cards (WspElectionPanel *self)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Cards"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("As the counting committee gives them; no voter’s name is kept."));
  self->valid_cards = add_spin_row (ADW_PREFERENCES_GROUP (group), _("Valid cards"), 0);
  self->invalid_cards = add_spin_row (ADW_PREFERENCES_GROUP (group), _("Invalid cards"), 0);
  return group;
}

static void
wsp_election_panel_dispose (GObject *object)
{
  WspElectionPanel *self = WSP_ELECTION_PANEL (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_object (&self->election);
  G_OBJECT_CLASS (wsp_election_panel_parent_class)->dispose (object);
}

static void
wsp_election_panel_finalize (GObject *object)
{
  WspElectionPanel *self = WSP_ELECTION_PANEL (object);

  g_free (self->election_id);
  g_free (self->go_to);
  g_strfreev (self->candidate_ids);
  g_ptr_array_unref (self->vote_spins);
  G_OBJECT_CLASS (wsp_election_panel_parent_class)->finalize (object);
}

static void
wsp_election_panel_class_init (WspElectionPanelClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = wsp_election_panel_dispose;
  G_OBJECT_CLASS (klass)->finalize = wsp_election_panel_finalize;
}

static void
wsp_election_panel_init (WspElectionPanel *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *status = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *actions = gtk_flow_box_new ();
  GtkWidget *status_clamp = adw_clamp_new ();
  GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  self->vote_spins = g_ptr_array_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 800);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  self->title_label = wsp_gui_new_label ("title-2");
  gtk_label_set_selectable (self->title_label, TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->title_label));
  self->context_label = wsp_gui_new_label ("dim-label");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->context_label));

  gtk_widget_add_css_class (status, "card");
  self->outcome_label = wsp_gui_new_label ("title-3");
  self->result_label = wsp_gui_new_label (NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->outcome_label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Outcome"), -1);
  for (GtkWidget *part = GTK_WIDGET (self->outcome_label); part != NULL;
       part = part == GTK_WIDGET (self->outcome_label) ? GTK_WIDGET (self->result_label) : NULL)
    {
      gtk_widget_set_margin_start (part, 12);
      gtk_widget_set_margin_end (part, 12);
      gtk_box_append (GTK_BOX (status), part);
    }
  gtk_widget_set_margin_top (GTK_WIDGET (self->outcome_label), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->result_label), 12);
  /* Where the election stands: always in sight, above what scrolls. */
  gtk_widget_set_margin_top (status, 6);
  gtk_widget_set_margin_bottom (status, 6);
  gtk_widget_set_margin_start (status, 12);
  gtk_widget_set_margin_end (status, 12);
  adw_clamp_set_maximum_size (ADW_CLAMP (status_clamp), 800);
  adw_clamp_set_child (ADW_CLAMP (status_clamp), status);

  self->setup_group = build_setup (self);
  gtk_box_append (GTK_BOX (box), self->setup_group);
  gtk_box_append (GTK_BOX (box), build_candidates (self));
  self->cards_group = build_cards (self);
  gtk_box_append (GTK_BOX (box), self->cards_group);

  self->ranking_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->ranking_group), _("Ranking"));
  self->ranking_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->ranking_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->ranking_list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->ranking_list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Ranking"), -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->ranking_group), GTK_WIDGET (self->ranking_list));
  gtk_widget_set_visible (self->ranking_group, FALSE);
  gtk_box_append (GTK_BOX (box), self->ranking_group);

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (actions), GTK_SELECTION_NONE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (actions), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  C_ ("accessible name", "Election actions"), -1);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (actions), 3);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (actions), 12);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (actions), 12);
  self->record_button = gtk_button_new_with_mnemonic (_("_Record the Count"));
  g_signal_connect_swapped (self->record_button, "clicked", G_CALLBACK (record_clicked_cb), self);
  self->close_button = gtk_button_new_with_mnemonic (_("_Close the Election"));
  gtk_widget_add_css_class (self->close_button, "suggested-action");
  g_signal_connect_swapped (self->close_button, "clicked", G_CALLBACK (close_clicked_cb), self);
  self->runoff_button = gtk_button_new_with_mnemonic (_("Hold a Run-off _Among the Tied"));
  gtk_widget_add_css_class (self->runoff_button, "suggested-action");
  g_signal_connect_swapped (self->runoff_button, "clicked", G_CALLBACK (runoff_clicked_cb), self);
  self->go_button = gtk_button_new_with_mnemonic (_("Go to the _Run-off"));
  g_signal_connect_swapped (self->go_button, "clicked", G_CALLBACK (go_clicked_cb), self);
  gtk_flow_box_append (GTK_FLOW_BOX (actions), self->record_button);
  gtk_flow_box_append (GTK_FLOW_BOX (actions), self->close_button);
  gtk_flow_box_append (GTK_FLOW_BOX (actions), self->runoff_button);
  self->save_button = gtk_button_new_with_mnemonic (_("_Save the Result…"));
  g_signal_connect_swapped (self->save_button, "clicked", G_CALLBACK (save_clicked_cb), self);
  gtk_flow_box_append (GTK_FLOW_BOX (actions), self->go_button);
  gtk_flow_box_append (GTK_FLOW_BOX (actions), self->save_button);
  for (GtkWidget *child = gtk_widget_get_first_child (actions); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *button = gtk_widget_get_first_child (child);
      GtkWidget *label = gtk_button_get_child (GTK_BUTTON (button));

      gtk_widget_set_focusable (child, FALSE);
      gtk_widget_set_halign (button, GTK_ALIGN_START);
      /* A long label (in Polish) goes on two lines in a narrow window. */
      if (GTK_IS_LABEL (label))
        gtk_label_set_wrap (GTK_LABEL (label), TRUE);
    }
  gtk_box_append (GTK_BOX (box), actions);
  self->message_label = wsp_gui_new_label (NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->message_label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Count"), -1);
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->message_label));

  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_box_append (GTK_BOX (page), status_clamp);
  gtk_box_append (GTK_BOX (page), scrolled);
  adw_bin_set_child (ADW_BIN (self), page);
}
