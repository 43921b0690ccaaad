/* wsp-votes-view.c — every ballot of the Forum and the Council, and the one being run
 *
 * On the left every ballot and election, the open ones first, then the
 * latest: its question, where it was taken (the meeting and its item, or
 * by circulation), the kind of vote and its verdict with the resolution
 * number; a search over the questions and a choice of all, open or closed
 * votes. On the right the ballot chosen, run in a WspBallotPanel, or the
 * election in a WspElectionPanel. A narrow window shows one side at a
 * time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "base/wsp-text.h"
#include "domain/wsp-elections.h"
#include "domain/wsp-meetings.h"
#include "domain/wsp-membership.h"
#include "domain/wsp-voting.h"
#include "records/wsp-records-meetings.h"
#include "records/wsp-records-votes.h"
#include "store/wsp-record-list.h"
#include "votes/wsp-election-panel.h"
#include "votes/wsp-votes-view.h"
#include "widgets/wsp-gui-util.h"
#include "wsp-view.h"

typedef enum
{
  FILTER_ALL,
  FILTER_OPEN,
  FILTER_CLOSED,
} Filter;

struct _WspVotesView
{
  AdwBin              parent_instance;

  WspStore           *store;
  GListModel         *ballots;   /* WspRecordList */
  GListModel         *elections; /* WspRecordList */
  GtkFlattenListModel *all;
  GtkFilterListModel *filtered;
  GtkCustomFilter    *filter;
  GtkSortListModel   *sorted;
  GtkSingleSelection *selection;
  char               *search;

  AdwLeaflet         *leaflet;
  GtkWidget          *sidebar;
  GtkWidget          *content;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *filter_drop_down;
  GtkStack           *list_stack;
  GtkListView        *list;
  WspBallotPanel     *panel;
  WspElectionPanel   *election_panel;
  GtkStack           *panel_stack;
  GtkWidget          *back_button;
  GtkRevealer        *duplicates;
  GtkLabel           *duplicates_label;
  char               *renumber_id;
  guint               check_id;
  GCancellable       *check_cancellable;
  guint               load_id;
  gboolean            loaded;
};

static void view_iface_init (WspViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (WspVotesView, wsp_votes_view, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (WSP_TYPE_VIEW, view_iface_init))

/* ---- the list ------------------------------------------------------------ */

/* What a ballot asks, or what an election elects. */
static const char *
vote_title (WspRecord *vote)
{
  return WSP_IS_ELECTION (vote) ? wsp_record_get_string (vote, "title") : wsp_record_get_string (vote, "question");
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  WspVotesView *self = user_data;
  WspRecord *ballot = item;
  gboolean closed = wsp_record_get_string (ballot, "closed_at") != NULL;
  Filter filter = self->filter_drop_down != NULL ? gtk_drop_down_get_selected (self->filter_drop_down) : FILTER_ALL;

  if ((filter == FILTER_OPEN && closed) || (filter == FILTER_CLOSED && !closed))
    return FALSE;
  if (self->search != NULL && *self->search != '\0')
    {
      g_autofree char *question = wsp_text_fold (vote_title (ballot));

      return question != NULL && strstr (question, self->search) != NULL;
    }
  return TRUE;
}

/* Open ballots first; then the latest first. */
static int
sort_func (gconstpointer a,
           gconstpointer b,
           gpointer      user_data)
{
  WspRecord *x = (WspRecord *) a;
  WspRecord *y = (WspRecord *) b;
  gboolean cx = wsp_record_get_string (x, "closed_at") != NULL;
  gboolean cy = wsp_record_get_string (y, "closed_at") != NULL;
  int by_time;

  if (cx != cy)
    return cx ? 1 : -1;
  by_time = g_strcmp0 (wsp_record_get_string (y, "opened_at"), wsp_record_get_string (x, "opened_at"));
  if (by_time != 0)
    return by_time;
  return g_strcmp0 (wsp_record_get_id (x), wsp_record_get_id (y));
}

static gboolean
past (const char *time)
{
  g_autoptr (GDateTime) when = g_date_time_new_from_iso8601 (time, NULL);
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  return when != NULL && g_date_time_compare (when, now) <= 0;
}

static gboolean
corrected (WspVotesView *self,
           WspRecord    *ballot)
{
  g_autofree char *correction = wsp_voting_find_correction (self->store, wsp_record_get_id (ballot));

  return correction != NULL;
}

static char *
ballot_subtitle (WspVotesView *self,
                 WspRecord    *ballot)
{
  g_autoptr (WspRecord) item = NULL;
  g_autoptr (WspRecord) meeting = NULL;
  g_autoptr (WspRecord) body = NULL;
  g_autofree char *where = NULL;
  g_autofree char *state = NULL;
  const char *mode = WSP_IS_ELECTION (ballot)
                       ? (wsp_elections_get_mode (ballot) == WSP_BALLOT_OPEN ? C_ ("election", "election by open vote")
                                                                             : C_ ("election", "election by secret vote"))
                       : wsp_choice_label (wsp_ballot_mode_choices, wsp_record_get_string (ballot, "mode"));
  const char *number = wsp_record_get_string (ballot, "resolution_number");

  if (wsp_record_get_string (ballot, "agenda_item_id") != NULL)
    item = wsp_store_get (self->store, wsp_record_get_string (ballot, "agenda_item_id"), NULL);
  if (item != NULL && wsp_record_get_string (item, "meeting_id") != NULL)
    meeting = wsp_store_get (self->store, wsp_record_get_string (item, "meeting_id"), NULL);
  if (wsp_record_get_bool (ballot, "by_circulation"))
    where = g_strdup (_("by circulation"));
  else if (meeting != NULL)
    {
      g_autofree char *title = wsp_meeting_dup_title (meeting);
      g_autofree char *date = wsp_meeting_dup_date (meeting);

      body = wsp_store_get (self->store, wsp_record_get_string (meeting, "body_id"), NULL);
      /* Translators: where a vote was taken, in the list: the body's kind, the meeting, its date */
      where = g_strdup_printf (_("%1$s, %2$s, %3$s"),
                               body != NULL ? wsp_choice_label (wsp_body_kind_choices, wsp_record_get_string (body, "kind"))
                                            : "",
                               title, date != NULL ? date : "");
    }
  else
    {
      body = wsp_store_get (self->store, wsp_record_get_string (ballot, "body_id"), NULL);
      where = g_strdup (body != NULL ? wsp_choice_label (wsp_body_kind_choices, wsp_record_get_string (body, "kind"))
                                     : "");
    }

  if (WSP_IS_ELECTION (ballot))
    {
      WspElectionOutcome outcome;
      g_autoptr (GPtrArray) candidates = wsp_elections_dup_candidates (ballot, &outcome);

      if (wsp_record_get_string (ballot, "closed_at") == NULL)
        state = g_strdup (C_ ("ballot state", "still open"));
      else if (outcome.tied > 0)
        /* Translators: a closed election whose last seat went to a run-off */
        state = g_strdup (C_ ("election state", "tie for the last seat"));
      else
        /* Translators: a closed election in the list: how many were elected */
        state = g_strdup_printf (ngettext ("%u elected", "%u elected", outcome.elected), outcome.elected);
    }
  else if (wsp_record_get_string (ballot, "closed_at") == NULL && wsp_record_get_bool (ballot, "by_circulation")
      && wsp_record_get_string (ballot, "deadline") != NULL && past (wsp_record_get_string (ballot, "deadline")))
    /* Translators: a vote by circulation not closed yet whose deadline passed */
    state = g_strdup (C_ ("ballot state", "past its deadline: to be closed"));
  else if (wsp_record_get_string (ballot, "closed_at") == NULL)
    state = g_strdup (C_ ("ballot state", "still open"));
  else if (corrected (self, ballot))
    /* Translators: a closed vote that a later vote corrects */
    state = g_strdup (C_ ("ballot state", "corrected by a later vote"));
  else if (number != NULL)
    /* Translators: a closed vote in the list: its verdict and the resolution number */
    state = g_strdup_printf (_("%1$s, no. %2$s"),
                             wsp_choice_label (wsp_verdict_choices, wsp_record_get_string (ballot, "verdict")), number);
  else if (wsp_record_get_string (ballot, "verdict") != NULL)
    state = g_strdup (wsp_choice_label (wsp_verdict_choices, wsp_record_get_string (ballot, "verdict")));
  else
    state = g_strdup (C_ ("ballot state", "closed"));
  /* Translators: a vote's second line in the list: where, the kind of vote, its state */
  return g_strdup_printf (_("%1$s · %2$s · %3$s"), where, mode != NULL ? mode : "", state != NULL ? state : "");
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          WspVotesView             *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (title), 3);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "wsp-row-title");
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_wrap (GTK_LABEL (subtitle), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (subtitle), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         WspVotesView             *self)
{
  WspRecord *ballot = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  g_autofree char *text = ballot_subtitle (self, ballot);

  gtk_label_set_text (GTK_LABEL (title), vote_title (ballot));
  gtk_label_set_text (GTK_LABEL (subtitle), text);
}

static void
update_list_state (WspVotesView *self)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->sorted)) == 0;

  gtk_stack_set_visible_child_name (self->list_stack, empty ? "empty" : "list");
}

/* Shows @vote in its panel: a ballot in the ballot panel, an election in
 * the election panel. The same vote read again (it changed) is left to
 * the panel, which follows it itself. */
static void
show_vote (WspVotesView *self,
           WspRecord    *vote)
{
  const char *id = wsp_record_get_id (vote);

  if (WSP_IS_ELECTION (vote))
    {
      if (g_strcmp0 (id, wsp_election_panel_get_election_id (self->election_panel)) != 0)
        wsp_election_panel_set_election (self->election_panel, self->store, id);
      gtk_stack_set_visible_child (self->panel_stack, GTK_WIDGET (self->election_panel));
      return;
    }
  if (g_strcmp0 (id, wsp_ballot_panel_get_ballot_id (self->panel)) != 0)
    wsp_ballot_panel_set_ballot (self->panel, self->store, id);
  gtk_stack_set_visible_child (self->panel_stack, GTK_WIDGET (self->panel));
}

static void
focus_vote (WspVotesView *self)
{
  if (gtk_stack_get_visible_child (self->panel_stack) == GTK_WIDGET (self->election_panel))
    wsp_election_panel_focus (self->election_panel);
  else
    wsp_ballot_panel_focus_current (self->panel);
}

static void
selection_changed_cb (WspVotesView *self)
{
  WspRecord *ballot = gtk_single_selection_get_selected_item (self->selection);

  if (ballot == NULL)
    return;
  show_vote (self, ballot);
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
activate_cb (GtkListView  *list,
             guint         position,
             WspVotesView *self)
{
  gtk_single_selection_set_selected (self->selection, position);
  adw_leaflet_set_visible_child (self->leaflet, self->content);
  focus_vote (self);
}

/* Makes the list of ballots, once. */
static void
ensure_loaded (WspVotesView *self)
{
  GtkCustomSorter *sorter;
  WspStore *store = self->store;

  if (self->loaded || store == NULL)
    return;
  self->loaded = TRUE;
  g_clear_handle_id (&self->load_id, g_source_remove);
  sorter = gtk_custom_sorter_new (sort_func, NULL, NULL);
  self->ballots = G_LIST_MODEL (wsp_record_list_new (store, WSP_TYPE_BALLOT, NULL, NULL));
  self->elections = G_LIST_MODEL (wsp_record_list_new (store, WSP_TYPE_ELECTION, NULL, NULL));
  {
    GListStore *lists = g_list_store_new (G_TYPE_LIST_MODEL);

    g_list_store_append (lists, self->ballots);
    g_list_store_append (lists, self->elections);
    self->all = gtk_flatten_list_model_new (G_LIST_MODEL (lists));
  }
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->all)),
                                              GTK_FILTER (g_object_ref (self->filter)));
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->filtered)), GTK_SORTER (sorter));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->sorted)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_swapped (self->selection, "notify::selected-item", G_CALLBACK (selection_changed_cb), self);
  g_signal_connect_object (self->sorted, "items-changed", G_CALLBACK (update_list_state), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->list, GTK_SELECTION_MODEL (self->selection));
  update_list_state (self);
}

static gboolean
load_idle_cb (gpointer data)
{
  WspVotesView *self = data;

  self->load_id = 0;
  ensure_loaded (self);
  return G_SOURCE_REMOVE;
}

static void
map_cb (WspVotesView *self)
{
  if (!self->loaded && self->store != NULL && self->load_id == 0)
    self->load_id = g_idle_add_full (G_PRIORITY_LOW, load_idle_cb, self, NULL);
}

/* Chooses the ballot @ballot_id and shows it, the focus on its next voter. */
gboolean
wsp_votes_view_select (WspVotesView *self,
                       const char   *ballot_id)
{
  GListModel *model;

  g_return_val_if_fail (WSP_IS_VOTES_VIEW (self), FALSE);
  ensure_loaded (self);
  if (self->sorted == NULL)
    return FALSE;
  model = G_LIST_MODEL (self->sorted);
  for (int pass = 0; pass < 2; pass++)
    {
      guint n = g_list_model_get_n_items (model);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr (WspRecord) ballot = g_list_model_get_item (model, i);

          if (g_strcmp0 (wsp_record_get_id (ballot), ballot_id) != 0)
            continue;
          gtk_single_selection_set_selected (self->selection, i);
          show_vote (self, ballot);
          adw_leaflet_set_visible_child (self->leaflet, self->content);
          gtk_widget_activate_action (GTK_WIDGET (self->list), "list.scroll-to-item", "u", i);
          focus_vote (self);
          return TRUE;
        }
      /* Not listed: shown whatever the search and the filter say. */
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      gtk_drop_down_set_selected (self->filter_drop_down, FILTER_ALL);
    }
  return FALSE;
}

WspBallotPanel *
wsp_votes_view_get_panel (WspVotesView *self)
{
  g_return_val_if_fail (WSP_IS_VOTES_VIEW (self), NULL);
  return self->panel;
}

WspElectionPanel *
wsp_votes_view_get_election_panel (WspVotesView *self)
{
  g_return_val_if_fail (WSP_IS_VOTES_VIEW (self), NULL);
  return self->election_panel;
}

/* The ballots as listed (filtered and sorted). */
GListModel *
wsp_votes_view_get_ballots (WspVotesView *self)
{
  g_return_val_if_fail (WSP_IS_VOTES_VIEW (self), NULL);
  ensure_loaded (self);
  return self->sorted != NULL ? G_LIST_MODEL (self->sorted) : NULL;
}

GtkDropDown *
wsp_votes_view_get_filter (WspVotesView *self)
{
  g_return_val_if_fail (WSP_IS_VOTES_VIEW (self), NULL);
  return self->filter_drop_down;
}

static void
search_changed_cb (WspVotesView *self)
{
  g_free (self->search);
  self->search = wsp_text_fold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  if (self->filter != NULL)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/* ---- resolution numbers given twice --------------------------------------- */

static gboolean
find_duplicates (WspStore      *worker,
                 gpointer       data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  GPtrArray **found = data;

  *found = wsp_voting_duplicate_numbers (worker, error);
  return *found != NULL;
}

static void
free_found (gpointer data)
{
  GPtrArray **found = data;

  g_clear_pointer (found, g_ptr_array_unref);
  g_free (found);
}

static void
duplicates_found_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr (WspVotesView) self = user_data;
  g_autoptr (GError) error = NULL;
  GPtrArray **found = wsp_store_run_get_data (result);
  WspDuplicateNumber *first;
  g_autoptr (WspRecord) body = NULL;
  g_autofree char *text = NULL;

  if (!wsp_store_run_finish (WSP_STORE (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Cannot look for resolution numbers given twice: %s", error->message);
      return;
    }
  if (self->store == NULL)
    return;
  g_clear_pointer (&self->renumber_id, g_free);
  first = *found != NULL && (*found)->len > 0 ? g_ptr_array_index (*found, 0) : NULL;
  if (first != NULL)
    self->renumber_id = wsp_voting_later_ballot (self->store, first);
  gtk_revealer_set_reveal_child (self->duplicates, self->renumber_id != NULL);
  if (self->renumber_id == NULL)
    return;
  body = wsp_store_get (self->store, first->body_id, NULL);
  /* Translators: %1$s a resolution number ("3/2027"), %2$s the body */
  text = g_strdup_printf (_("Resolution no. %1$s of %2$s was given to two votes, as two laptops numbered them "
                            "without a connection. Give the later vote the next number?"),
                          first->number, body != NULL ? wsp_record_get_string (body, "name") : "");
  gtk_label_set_text (self->duplicates_label, text);
}

static gboolean
check_duplicates (gpointer data)
{
  WspVotesView *self = data;
  GPtrArray **found = g_new0 (GPtrArray *, 1);

  self->check_id = 0;
  if (self->store == NULL)
    {
      g_free (found);
      return G_SOURCE_REMOVE;
    }
  g_cancellable_cancel (self->check_cancellable);
  g_clear_object (&self->check_cancellable);
  self->check_cancellable = g_cancellable_new ();
  /* In a thread of its own: the keys of a roll-call never wait for it. */
  wsp_store_run_async (self->store, find_duplicates, found, free_found, self->check_cancellable,
                       duplicates_found_cb, g_object_ref (self));
  return G_SOURCE_REMOVE;
}

static void
schedule_check (WspVotesView *self)
{
  g_clear_handle_id (&self->check_id, g_source_remove);
  self->check_id = g_timeout_add_seconds (1, check_duplicates, self);
}

static void
renumber_clicked_cb (WspVotesView *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WspRecord) ballot = NULL;
  g_autofree char *text = NULL;

  if (self->store == NULL || self->renumber_id == NULL)
    return;
  if (!wsp_voting_renumber (self->store, self->renumber_id, &error))
    {
      wsp_gui_show_error (GTK_WIDGET (self), error);
      return;
    }
  ballot = wsp_store_get (self->store, self->renumber_id, NULL);
  gtk_revealer_set_reveal_child (self->duplicates, FALSE);
  /* Translators: a vote given a new resolution number; %s the number */
  text = g_strdup_printf (_("Renumbered: now resolution no. %s"),
                          ballot != NULL ? wsp_record_get_string (ballot, "resolution_number") : "");
  wsp_gui_add_toast (GTK_WIDGET (self), adw_toast_new (text));
  if (g_strcmp0 (wsp_ballot_panel_get_ballot_id (self->panel), self->renumber_id) == 0)
    wsp_ballot_panel_set_ballot (self->panel, self->store, self->renumber_id);
}

/* Whether the view says that a resolution number was given twice. */
gboolean
wsp_votes_view_get_duplicate_shown (WspVotesView *self)
{
  g_return_val_if_fail (WSP_IS_VOTES_VIEW (self), FALSE);
  return gtk_revealer_get_reveal_child (self->duplicates) && self->renumber_id != NULL;
}

GtkWidget *
wsp_votes_view_get_renumber_button (WspVotesView *self)
{
  g_return_val_if_fail (WSP_IS_VOTES_VIEW (self), NULL);
  return gtk_widget_get_last_child (gtk_revealer_get_child (self->duplicates));
}

static void
store_changed_cb (WspVotesView *self,
                  WspChanges   *changes)
{
  if (wsp_changes_has_entity (changes, "ballot") || wsp_changes_has_entity (changes, "opinion"))
    schedule_check (self);
  /* A ballot closed or opened moves between the groups; a vote changes
   * nothing in the list. */
  if (self->sorted != NULL && (wsp_changes_has_entity (changes, "ballot") || wsp_changes_has_entity (changes, "election")))
    gtk_sorter_changed (gtk_sort_list_model_get_sorter (self->sorted), GTK_SORTER_CHANGE_DIFFERENT);
}

/* ---- the view contract --------------------------------------------------- */

static void
view_set_store (WspView  *view,
                WspStore *store)
{
  WspVotesView *self = WSP_VOTES_VIEW (view);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  wsp_ballot_panel_set_ballot (self->panel, NULL, NULL);
  wsp_election_panel_set_election (self->election_panel, NULL, NULL);
  gtk_stack_set_visible_child (self->panel_stack, GTK_WIDGET (self->panel));
  gtk_list_view_set_model (self->list, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->sorted);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->all);
  g_clear_object (&self->ballots);
  g_clear_object (&self->elections);
  g_set_object (&self->store, store);
  /* The ballots are read when the view is first shown, after the frame
   * that shows it. */
  self->loaded = FALSE;
  g_clear_handle_id (&self->load_id, g_source_remove);
  if (store != NULL)
    {
      g_signal_connect_swapped (store, "changed", G_CALLBACK (store_changed_cb), self);
      if (gtk_widget_get_mapped (GTK_WIDGET (self)))
        self->load_id = g_idle_add_full (G_PRIORITY_LOW, load_idle_cb, self, NULL);
      schedule_check (self);
    }
}

static void
view_focus_search (WspView *view)
{
  WspVotesView *self = WSP_VOTES_VIEW (view);

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static gboolean
view_show_record (WspView    *view,
                  const char *id)
{
  return wsp_votes_view_select (WSP_VOTES_VIEW (view), id);
}

/* The view's keys: they work while it is shown, wherever the focus is. */
static const WspViewShortcut shortcuts[] = {
  { "<Control>z", "votes.undo" },
};

static const WspViewShortcut *
view_get_shortcuts (WspView *view,
                    guint   *n_shortcuts)
{
  *n_shortcuts = G_N_ELEMENTS (shortcuts);
  return shortcuts;
}

static void
view_iface_init (WspViewInterface *iface)
{
  iface->set_store = view_set_store;
  iface->focus_search = view_focus_search;
  iface->get_shortcuts = view_get_shortcuts;
  iface->show_record = view_show_record;
}

/* ---- actions ------------------------------------------------------------- */

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  wsp_ballot_panel_undo (WSP_VOTES_VIEW (widget)->panel);
}

/* A new ballot of the Forum or the Council, not on an agenda. */
static void
new_ballot_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  WspVotesView *self = WSP_VOTES_VIEW (widget);
  const char *kind = g_variant_get_string (parameter, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (WspRecord) body = NULL;
  g_autoptr (WspRecord) ballot = NULL;
  const char *majority;

  if (self->store == NULL)
    return;
  body = wsp_membership_find_body (self->store, kind, &error);
  if (body == NULL)
    {
      if (error != NULL)
        wsp_gui_show_error (widget, error);
      return;
    }
  majority = wsp_record_get_string (body, "default_majority");
  ballot = WSP_RECORD (wsp_ballot_new ());
  wsp_record_set_string (ballot, "body_id", wsp_record_get_id (body));
  /* Translators: the question of a vote just made, before the secretary types it */
  wsp_record_set_string (ballot, "question", _("New vote"));
  if (g_str_equal (action_name, "votes.new-circulation"))
    {
      /* Every member answers, by name, within a week (the deadline can
       * change); the body's majority for circulation applies. */
      g_autoptr (GDateTime) now = g_date_time_new_now_local ();
      g_autoptr (GDateTime) week = g_date_time_add_days (now, 7);
      g_autofree char *opened = wsp_meetings_format_time (now);
      g_autofree char *deadline = wsp_meetings_format_time (week);

      wsp_record_set_bool (ballot, "by_circulation", TRUE);
      wsp_record_set_string (ballot, "mode", "roll_call");
      wsp_record_set_string (ballot, "opened_at", opened);
      wsp_record_set_string (ballot, "deadline", deadline);
    }
  else
    {
      wsp_record_set_string (ballot, "mode", "open");
      wsp_record_set_string (ballot, "majority", majority != NULL ? majority : "simple");
    }
  if (!wsp_store_save (self->store, ballot, &error))
    {
      wsp_gui_show_error (widget, error);
      return;
    }
  wsp_votes_view_select (self, wsp_record_get_id (ballot));
}

/* A new election of the Forum's or the Council's delegates, not on an
 * agenda: one seat, secret, until the secretary says otherwise. */
static void
new_election_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  WspVotesView *self = WSP_VOTES_VIEW (widget);
  g_autoptr (GError) error = NULL;
  g_autoptr (WspRecord) body = NULL;
  g_autoptr (WspRecord) election = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *opened = wsp_meetings_format_time (now);

  if (self->store == NULL)
    return;
  body = wsp_membership_find_body (self->store, g_variant_get_string (parameter, NULL), &error);
  if (body == NULL)
    {
      if (error != NULL)
        wsp_gui_show_error (widget, error);
      return;
    }
  election = WSP_RECORD (wsp_election_new ());
  wsp_record_set_string (election, "body_id", wsp_record_get_id (body));
  /* Translators: what a new election elects, before the secretary types it */
  wsp_record_set_string (election, "title", _("Election of delegates"));
  wsp_record_set_int (election, "seats", 1);
  wsp_record_set_string (election, "mode", "secret");
  wsp_record_set_string (election, "opened_at", opened);
  if (!wsp_store_save (self->store, election, &error))
    {
      wsp_gui_show_error (widget, error);
      return;
    }
  wsp_votes_view_select (self, wsp_record_get_id (election));
}

static void
back_clicked_cb (WspVotesView *self)
{
  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
}

static void
folded_changed_cb (WspVotesView *self)
{
  gtk_widget_set_visible (self->back_button, adw_leaflet_get_folded (self->leaflet));
}

static void
wsp_votes_view_dispose (GObject *object)
{
  WspVotesView *self = WSP_VOTES_VIEW (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_handle_id (&self->check_id, g_source_remove);
  g_clear_handle_id (&self->load_id, g_source_remove);
  g_cancellable_cancel (self->check_cancellable);
  g_clear_object (&self->check_cancellable);
  if (self->list != NULL)
    gtk_list_view_set_model (self->list, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->sorted);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->all);
  g_clear_object (&self->ballots);
  g_clear_object (&self->elections);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (wsp_votes_view_parent_class)->dispose (object);
}

static void
wsp_votes_view_finalize (GObject *object)
{
  g_free (WSP_VOTES_VIEW (object)->search);
  g_free (WSP_VOTES_VIEW (object)->renumber_id);
  G_OBJECT_CLASS (wsp_votes_view_parent_class)->finalize (object);
}

static void
wsp_votes_view_class_init (WspVotesViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = wsp_votes_view_dispose;
  G_OBJECT_CLASS (klass)->finalize = wsp_votes_view_finalize;
  gtk_widget_class_install_action (widget_class, "votes.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "votes.new", "s", new_ballot_action);
  gtk_widget_class_install_action (widget_class, "votes.new-circulation", "s", new_ballot_action);
  gtk_widget_class_install_action (widget_class, "votes.new-election", "s", new_election_action);
}

static void
wsp_votes_view_init (WspVotesView *self)
{
  GtkWidget *tools = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *new_button = gtk_menu_button_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *empty = adw_status_page_new ();
  GtkWidget *content_top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr (GMenu) menu = g_menu_new ();
  const char *filters[] = { C_ ("votes filter", "All Votes"), C_ ("votes filter", "Open"),
                            C_ ("votes filter", "Closed"), NULL };
  GtkWidget *page_separator;

  self->leaflet = ADW_LEAFLET (adw_leaflet_new ());
  adw_leaflet_set_can_navigate_back (self->leaflet, TRUE);
  adw_leaflet_set_transition_type (self->leaflet, ADW_LEAFLET_TRANSITION_TYPE_UNDER);

  /* The list. */
  self->sidebar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_size_request (self->sidebar, 300, -1);
  gtk_widget_set_margin_top (tools, 6);
  gtk_widget_set_margin_bottom (tools, 6);
  gtk_widget_set_margin_start (tools, 6);
  gtk_widget_set_margin_end (tools, 6);
  self->search_entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->search_entry), TRUE);
  g_object_set (self->search_entry, "placeholder-text", _("Search the questions"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Search the questions"), -1);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self);
  gtk_box_append (GTK_BOX (tools), GTK_WIDGET (self->search_entry));
  self->filter_drop_down = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (filters));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->filter_drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Show"), -1);
  g_signal_connect_swapped (self->filter_drop_down, "notify::selected", G_CALLBACK (search_changed_cb), self);
  gtk_box_append (GTK_BOX (tools), GTK_WIDGET (self->filter_drop_down));
  g_menu_append (menu, _("New Vote of the _Forum"), "votes.new::forum");
  g_menu_append (menu, _("New Vote of the _Council"), "votes.new::council");
  g_menu_append (menu, _("New Vote of the Forum by Circulation"), "votes.new-circulation::forum");
  g_menu_append (menu, _("New Vote of the Council by Circulation"), "votes.new-circulation::council");
  g_menu_append (menu, _("New _Election of the Forum’s Delegates"), "votes.new-election::forum");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (new_button), G_MENU_MODEL (menu));
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (new_button), "list-add-symbolic");
  gtk_widget_set_tooltip_text (new_button, _("New Vote"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (new_button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("New Vote"), -1);
  gtk_box_append (GTK_BOX (tools), new_button);
  gtk_box_append (GTK_BOX (self->sidebar), tools);

  /* A resolution number given twice: a person renumbers. */
  {
    GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
    GtkWidget *button = gtk_button_new_with_mnemonic (_("_Renumber the Later Vote"));

    gtk_widget_add_css_class (box, "card");
    gtk_widget_set_margin_start (box, 6);
    gtk_widget_set_margin_end (box, 6);
    gtk_widget_set_margin_bottom (box, 6);
    self->duplicates_label = GTK_LABEL (gtk_label_new (NULL));
    gtk_label_set_wrap (self->duplicates_label, TRUE);
    gtk_label_set_xalign (self->duplicates_label, 0);
    gtk_widget_set_margin_top (GTK_WIDGET (self->duplicates_label), 12);
    gtk_widget_set_margin_start (GTK_WIDGET (self->duplicates_label), 12);
    gtk_widget_set_margin_end (GTK_WIDGET (self->duplicates_label), 12);
    gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->duplicates_label));
    gtk_widget_set_halign (button, GTK_ALIGN_START);
    gtk_widget_set_margin_start (button, 12);
    gtk_widget_set_margin_bottom (button, 12);
    g_signal_connect_swapped (button, "clicked", G_CALLBACK (renumber_clicked_cb), self);
    wsp_gui_wrap_button_labels (button);
    gtk_box_append (GTK_BOX (box), button);
    self->duplicates = GTK_REVEALER (gtk_revealer_new ());
    gtk_revealer_set_child (self->duplicates, box);
    gtk_box_append (GTK_BOX (self->sidebar), GTK_WIDGET (self->duplicates));
  }

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  self->list = GTK_LIST_VIEW (gtk_list_view_new (NULL, factory));
  gtk_list_view_set_single_click_activate (self->list, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Votes"), -1);
  g_signal_connect (self->list, "activate", G_CALLBACK (activate_cb), self);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list));
  gtk_widget_set_vexpand (scrolled, TRUE);

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "wsp-votes-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Votes Yet"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("Prepare a vote from a resolution, opinion or election item on a meeting’s run "
                                     "sheet, or with the + button."));
  gtk_widget_add_css_class (empty, "compact");
  self->list_stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->list_stack, scrolled, "list");
  gtk_stack_add_named (self->list_stack, empty, "empty");
  gtk_widget_set_vexpand (GTK_WIDGET (self->list_stack), TRUE);
  gtk_box_append (GTK_BOX (self->sidebar), GTK_WIDGET (self->list_stack));
  adw_leaflet_append (self->leaflet, self->sidebar);

  page_separator = gtk_separator_new (GTK_ORIENTATION_VERTICAL);
  adw_leaflet_page_set_navigatable (adw_leaflet_append (self->leaflet, page_separator), FALSE);

  /* The ballot. */
  self->content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_hexpand (self->content, TRUE);
  self->back_button = gtk_button_new_from_icon_name ("go-previous-symbolic");
  gtk_widget_set_tooltip_text (self->back_button, _("Back to the Votes"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->back_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Back to the Votes"), -1);
  gtk_widget_set_margin_top (content_top, 6);
  gtk_widget_set_margin_start (content_top, 6);
  g_signal_connect_swapped (self->back_button, "clicked", G_CALLBACK (back_clicked_cb), self);
  gtk_box_append (GTK_BOX (content_top), self->back_button);
  gtk_box_append (GTK_BOX (self->content), content_top);
  self->panel = g_object_new (WSP_TYPE_BALLOT_PANEL, NULL);
  self->election_panel = WSP_ELECTION_PANEL (wsp_election_panel_new ());
  self->panel_stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->panel_stack), TRUE);
  gtk_stack_add_child (self->panel_stack, GTK_WIDGET (self->panel));
  gtk_stack_add_child (self->panel_stack, GTK_WIDGET (self->election_panel));
  gtk_box_append (GTK_BOX (self->content), GTK_WIDGET (self->panel_stack));
  adw_leaflet_append (self->leaflet, self->content);
  g_signal_connect_swapped (self->leaflet, "notify::folded", G_CALLBACK (folded_changed_cb), self);
  folded_changed_cb (self);

  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->leaflet));
  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);
}
