/* wsp-ballot-panel.c — one ballot, run at the table: the roll-call by keys, or the totals
 *
 * The question, the kind of vote and the majority (changed while nothing
 * is recorded), the counts and the verdict as the rules give them now,
 * and below them:
 *
 * - for a roll-call, the members entitled, in the body's order: one key
 *   on the member chosen records their vote and chooses the next member
 *   without one (the keys are on the buttons and in the shortcuts
 *   window); Backspace takes back the last vote;
 * - for an open or secret ballot, the totals, refused when there are more
 *   cards than members entitled to vote.
 *
 * A tie that the chair's casting vote decides asks for it. Closing fixes
 * the result; the named vote list is saved through the documents layer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "domain/wsp-meetings.h"
#include "domain/wsp-voting.h"
#include "output/wsp-builders.h"
#include "output/wsp-output.h"
#include "records/wsp-records-meetings.h"
#include "votes/wsp-ballot-panel.h"
#include "widgets/wsp-gui-util.h"
#include "widgets/wsp-save-document.h"

struct _WspBallotPanel
{
  AdwBin         parent_instance;

  WspStore      *store;
  WspBallotRun  *run;
  char          *ballot_id;
  WspStore      *watched;
  gulong         changed_id;
  GPtrArray     *pending;     /* WspChanges not looked at yet */
  guint          pending_id;
  gboolean       updating;

  GtkStack      *stack;
  GtkLabel      *question_label;
  GtkLabel      *context_label;
  AdwEntryRow   *question_row;
  AdwComboRow   *mode_row;
  AdwComboRow   *majority_row;
  AdwEntryRow   *deadline_row;
  AdwComboRow   *channel_row;
  GtkWidget     *setup_group;
  GtkLabel      *counts_label;
  GtkLabel      *verdict_label;
  GtkLabel      *quorum_label;
  GtkWidget     *casting_box;
  GtkLabel      *casting_label;
  GtkWidget     *casting_for;
  GtkWidget     *casting_against;
  GtkWidget     *roll_call_box;
  GtkLabel      *hint_label;
  GtkListBox    *list;
  GtkWidget     *totals_box;
  GtkSpinButton *totals[WSP_BALLOT_PANEL_N_TOTALS];
  GtkWidget     *invalid_row;
  GtkWidget     *record_totals;
  GtkLabel      *totals_message;
  GtkWidget     *undo_button;
  GtkWidget     *close_button;
  GtkWidget     *save_button;
  GtkWidget     *correct_button;
  GtkWidget     *cards_button;
  GtkLabel      *correction_label;
  GtkWidget     *result_box;
  GtkLabel      *result_label;
  GtkLabel      *number_label;
};

G_DEFINE_FINAL_TYPE (WspBallotPanel, wsp_ballot_panel, ADW_TYPE_BIN)

/* ---- keys ---------------------------------------------------------------- */

typedef struct
{
  WspVoteChoice choice;
  gboolean      recused;
  const char   *english;
} VoteKey;

static const VoteKey vote_keys[] = {
  { WSP_VOTE_FOR, FALSE, "y" },
  { WSP_VOTE_AGAINST, FALSE, "n" },
  { WSP_VOTE_ABSTAIN, FALSE, "a" },
  { WSP_VOTE_NONE, TRUE, "r" },
};

/* The letter of a vote, as the keys and the buttons say it. */
static const char *
key_letter (guint i)
{
  switch (i)
    {
    /* Translators: the key that records a vote for (Polish: z, za) */
    case 0: return C_ ("vote key: for", "y");
    /* Translators: the key that records a vote against (Polish: p, przeciw) */
    case 1: return C_ ("vote key: against", "n");
    /* Translators: the key that records an abstention (Polish: w, wstrzymuje się) */
    case 2: return C_ ("vote key: abstain", "a");
    /* Translators: the key that records that a member is recused (Polish: x, wyłączony) */
    default: return C_ ("vote key: recused", "r");
    }
}

static const char *
key_label (guint i)
{
  switch (i)
    {
    case 0: return C_ ("vote", "For");
    case 1: return C_ ("vote", "Against");
    case 2: return C_ ("vote", "Abstained");
    default: return _("Recused");
    }
}

static gboolean
is_key (guint       keyval,
        const char *letter)
{
  gunichar c = gdk_keyval_to_unicode (gdk_keyval_to_lower (keyval));

  return c != 0 && c == g_utf8_get_char (letter);
}

/* ---- the counts ---------------------------------------------------------- */

/* Sets @label's text when it differs: an unchanged text asks for no new
 * layout (a key must be shown within a frame). */
static void
set_text (GtkLabel   *label,
          const char *text)
{
  if (g_strcmp0 (gtk_label_get_text (label), text != NULL ? text : "") != 0)
    gtk_label_set_text (label, text);
}

static void
set_class (GtkWidget  *widget,
           const char *css_class,
           gboolean    on)
{
  if (on && !gtk_widget_has_css_class (widget, css_class))
    gtk_widget_add_css_class (widget, css_class);
  else if (!on && gtk_widget_has_css_class (widget, css_class))
    gtk_widget_remove_css_class (widget, css_class);
}

static void update (WspBallotPanel *self);

static GtkWidget *
create_status (void)
{
  static const struct
  {
    const char *name;
    const char *css_class;
  } pages[] = {
    { "none", "dim-label" }, { "for", "success" }, { "against", "error" },
    { "abstain", NULL }, { "recused", NULL }, { "item-recused", NULL },
  };
  GtkWidget *stack = gtk_stack_new ();

  gtk_stack_set_hhomogeneous (GTK_STACK (stack), TRUE);
  gtk_stack_set_vhomogeneous (GTK_STACK (stack), TRUE);
  gtk_widget_set_halign (stack, GTK_ALIGN_START);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      const char *text;
      GtkWidget *label;

      if (g_str_equal (pages[i].name, "for"))
        text = C_ ("vote", "For");
      else if (g_str_equal (pages[i].name, "against"))
        text = C_ ("vote", "Against");
      else if (g_str_equal (pages[i].name, "abstain"))
        text = C_ ("vote", "Abstained");
      else if (g_str_equal (pages[i].name, "recused"))
        text = _("Recused");
      else if (g_str_equal (pages[i].name, "item-recused"))
        /* Translators: a member recused from the item on the run sheet, before the vote */
        text = _("Recused from this item");
      else
        /* Translators: a member who has not voted yet in a roll-call */
        text = _("Not voted yet");
      label = gtk_label_new (text);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (label, "caption");
      if (pages[i].css_class != NULL)
        gtk_widget_add_css_class (label, pages[i].css_class);
      gtk_stack_add_named (GTK_STACK (stack), label, pages[i].name);
    }
  return stack;
}

/* The name of the page of a row's status that says how @voter voted. */
static const char *
status_page (WspBallotVoter *voter)
{
  if (wsp_ballot_voter_is_item_recused (voter))
    return "item-recused";
  if (wsp_ballot_voter_is_recused (voter))
    return "recused";
  switch (wsp_ballot_voter_get_choice (voter))
    {
    case WSP_VOTE_FOR: return "for";
    case WSP_VOTE_AGAINST: return "against";
    case WSP_VOTE_ABSTAIN: return "abstain";
    case WSP_VOTE_NONE:
    default: return "none";
    }
}

/* A row's status is a stack of every answer, all of one size: showing
 * another re-allocates the row alone, and no layout of the window is
 * asked for (a key must be shown within a frame). */
static void
update_row (GtkWidget *row)
{
  WspBallotVoter *voter = g_object_get_data (G_OBJECT (row), "voter");
  GtkStack *status = g_object_get_data (G_OBJECT (row), "status");

  gtk_stack_set_visible_child_name (status, status_page (voter));
}

static void
update_counts (WspBallotPanel *self)
{
  WspBallotCount count;
  WspBodyRules rules;
  WspVerdict verdict;
  WspBallotMode mode;
  gboolean closed;
  g_autofree char *counts = NULL;
  g_autofree char *verdict_text = NULL;
  g_autofree char *quorum = NULL;
  g_autofree char *yes = NULL, *no = NULL, *abstain = NULL, *recused = NULL, *more = NULL;

  if (self->run == NULL)
    return;
  wsp_ballot_run_get_count (self->run, &count);
  wsp_ballot_run_get_rules (self->run, &rules);
  verdict = wsp_ballot_run_get_verdict (self->run);
  mode = wsp_ballot_run_get_mode (self->run);
  closed = wsp_ballot_run_is_closed (self->run);

  yes = g_strdup_printf (_("For: %u"), count.tally.yes);
  no = g_strdup_printf (_("Against: %u"), count.tally.no);
  abstain = g_strdup_printf (_("Abstained: %u"), count.tally.abstain);
  recused = g_strdup_printf (_("Recused: %u"), count.tally.recused);
  if (mode == WSP_BALLOT_ROLL_CALL && !closed)
    /* Translators: members entitled who have not voted yet */
    more = g_strdup_printf (_("Not voted yet: %u"), count.not_voted);
  else if (mode == WSP_BALLOT_SECRET)
    more = g_strdup_printf (_("Invalid: %u"), count.invalid);
  /* Translators: the running counts of a vote, joined by " · " */
  counts = more != NULL ? g_strdup_printf (_("%1$s · %2$s · %3$s · %4$s · %5$s"), yes, no, abstain, recused, more)
                        : g_strdup_printf (_("%1$s · %2$s · %3$s · %4$s"), yes, no, abstain, recused);
  set_text (self->counts_label, counts);

  if (wsp_ballot_run_needs_casting_vote (self->run))
    verdict_text = g_strdup (_("Tie: the chair’s casting vote decides"));
  else if (!closed && mode == WSP_BALLOT_ROLL_CALL && count.not_voted > 0)
    /* Translators: the verdict of a roll-call still under way; %s is e.g. "Passed" */
    verdict_text = g_strdup_printf (_("So far: %s"), wsp_verdict_to_string (verdict));
  else
    verdict_text = g_strdup (wsp_verdict_to_string (verdict));
  set_text (self->verdict_label, verdict_text);
  set_class (GTK_WIDGET (self->verdict_label), "success", wsp_verdict_is_passed (verdict));
  set_class (GTK_WIDGET (self->verdict_label), "error", !wsp_verdict_is_passed (verdict));

  quorum = g_strdup_printf (ngettext ("%1$u of %2$u members present, %3$u may vote; the quorum is %4$u",
                                      "%1$u of %2$u members present, %3$u may vote; the quorum is %4$u",
                                      count.tally.members),
                            count.tally.present, count.tally.members, count.entitled,
                            wsp_quorum_required (&rules, count.tally.members, count.tally.recused));
  set_text (self->quorum_label, quorum);

  /* The tie: the chair is asked. */
  gtk_widget_set_visible (self->casting_box, wsp_ballot_run_is_tied (self->run) && !closed
                                               && rules.tie_rule == WSP_TIE_CASTING_VOTE);
  if (gtk_widget_get_visible (self->casting_box))
    {
      WspVoteChoice chair = wsp_ballot_run_get_chair_choice (self->run);
      const char *given = wsp_record_get_string (wsp_ballot_run_get_ballot (self->run), "casting_vote");
      g_autofree char *text = NULL;

      if (given != NULL)
        text = g_strdup_printf (_("The votes are tied; the chair’s casting vote is recorded: %s."),
                                g_strcmp0 (given, "for") == 0 ? C_ ("vote", "For") : C_ ("vote", "Against"));
      else if (chair == WSP_VOTE_FOR || chair == WSP_VOTE_AGAINST)
        text = g_strdup_printf (_("The votes are tied and the chair’s vote decides. The chair voted: %s. Record the "
                                  "casting vote."),
                                chair == WSP_VOTE_FOR ? C_ ("vote", "For") : C_ ("vote", "Against"));
      else
        text = g_strdup (_("The votes are tied and the chair’s vote decides: ask the chair and record the casting "
                           "vote."));
      set_text (self->casting_label, text);
    }
  gtk_widget_set_sensitive (self->undo_button, wsp_ballot_run_can_undo (self->run));
}

static void
update (WspBallotPanel *self)
{
  WspRecord *ballot;
  WspBallotMode mode;
  gboolean closed;
  const char *result;
  const char *number;

  if (self->run == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "none");
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "ballot");
  ballot = wsp_ballot_run_get_ballot (self->run);
  mode = wsp_ballot_run_get_mode (self->run);
  closed = wsp_ballot_run_is_closed (self->run);

  self->updating = TRUE;
  set_text (self->question_label, wsp_record_get_string (ballot, "question"));
  adw_combo_row_set_selected (self->mode_row, mode);
  adw_combo_row_set_selected (self->majority_row, wsp_ballot_run_get_majority (self->run));
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->question_row)), wsp_record_get_string (ballot, "question"))
      != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->question_row), wsp_record_get_string (ballot, "question"));
  self->updating = FALSE;
  gtk_widget_set_visible (self->setup_group, !closed);
  gtk_widget_set_visible (GTK_WIDGET (self->mode_row), !wsp_ballot_run_is_circulation (self->run));
  gtk_widget_set_visible (GTK_WIDGET (self->deadline_row), wsp_ballot_run_is_circulation (self->run));
  gtk_widget_set_visible (gtk_widget_get_ancestor (GTK_WIDGET (self->channel_row), ADW_TYPE_PREFERENCES_GROUP),
                          wsp_ballot_run_is_circulation (self->run) && !closed);

  gtk_widget_set_visible (self->roll_call_box, mode == WSP_BALLOT_ROLL_CALL);
  gtk_widget_set_visible (self->totals_box, mode != WSP_BALLOT_ROLL_CALL && !closed);
  gtk_widget_set_visible (self->invalid_row, mode == WSP_BALLOT_SECRET);
  gtk_widget_set_visible (self->undo_button, mode == WSP_BALLOT_ROLL_CALL && !closed);
  gtk_widget_set_visible (self->close_button, !closed);
  gtk_widget_set_visible (self->save_button, mode != WSP_BALLOT_SECRET);
  gtk_widget_set_visible (self->cards_button, wsp_ballot_run_is_circulation (self->run) && !closed);
  {
    g_autofree char *correction = closed ? wsp_voting_find_correction (self->store, self->ballot_id) : NULL;
    const char *corrects = wsp_record_get_string (ballot, "corrects");
    g_autofree char *text = NULL;

    gtk_widget_set_visible (self->correct_button, closed && correction == NULL);
    if (correction != NULL)
      text = g_strdup (_("Corrected by a later vote: this result no longer counts."));
    else if (corrects != NULL)
      {
        g_autoptr (WspRecord) before = wsp_store_get (self->store, corrects, NULL);
        const char *closed_at = before != NULL ? wsp_record_get_string (before, "closed_at") : NULL;
        g_autofree char *day = closed_at != NULL ? g_strndup (closed_at, 10) : NULL;

        /* Translators: a vote that corrects another; %s the day the corrected vote closed */
        text = g_strdup_printf (_("Corrects the vote closed on %s, whose result no longer counts."),
                                day != NULL ? day : "");
      }
    gtk_label_set_text (self->correction_label, text != NULL ? text : "");
    gtk_widget_set_visible (GTK_WIDGET (self->correction_label), text != NULL);
  }
  gtk_widget_set_visible (self->result_box, closed);
  result = wsp_record_get_string (ballot, "result");
  number = wsp_record_get_string (ballot, "resolution_number");
  set_text (self->result_label, result);
  if (number != NULL)
    {
      /* Translators: the number given to the resolution a vote adopted */
      g_autofree char *text = g_strdup_printf (_("Resolution no. %s"), number);

      set_text (self->number_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->number_label), number != NULL);
  /* A closed roll-call keeps its names, and no key changes them. */
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *buttons = g_object_get_data (G_OBJECT (row), "buttons");

      if (buttons != NULL)
        gtk_widget_set_visible (buttons, !closed);
    }
  update_counts (self);
}

/* ---- the roll-call ------------------------------------------------------- */

static void
focus_position (WspBallotPanel *self,
                guint           position)
{
  GtkListBoxRow *row = position != G_MAXUINT ? gtk_list_box_get_row_at_index (self->list, (int) position) : NULL;

  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

/* Records the vote of the member of @row; the next one is chosen. */
static gboolean
cast (WspBallotPanel *self,
      GtkWidget      *row,
      guint           key)
{
  g_autoptr (GError) error = NULL;
  guint position = (guint) gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));

  if (!wsp_ballot_run_cast (self->run, position, vote_keys[key].choice, vote_keys[key].recused, &error))
    {
      wsp_gui_show_error (GTK_WIDGET (self), error);
      return FALSE;
    }
  focus_position (self, wsp_ballot_run_get_current (self->run));
  /* The last answer by circulation closes the vote. */
  if (wsp_ballot_run_is_circulation (self->run))
    wsp_ballot_panel_close_if_due (self);
  return TRUE;
}

/* Closes the vote by circulation now if its deadline passed or everyone
 * answered. */
gboolean
wsp_ballot_panel_close_if_due (WspBallotPanel *self)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GError) error = NULL;
  gboolean closed = FALSE;

  g_return_val_if_fail (WSP_IS_BALLOT_PANEL (self), FALSE);
  if (self->run == NULL)
    return FALSE;
  if (!wsp_ballot_run_close_if_due (self->run, now, &closed, &error))
    wsp_gui_show_error (GTK_WIDGET (self), error);
  return closed;
}

gboolean
wsp_ballot_panel_undo (WspBallotPanel *self)
{
  g_autoptr (GError) error = NULL;

  g_return_val_if_fail (WSP_IS_BALLOT_PANEL (self), FALSE);
  if (self->run == NULL || !wsp_ballot_run_can_undo (self->run))
    return FALSE;
  if (!wsp_ballot_run_undo (self->run, &error))
    {
      wsp_gui_show_error (GTK_WIDGET (self), error);
      return FALSE;
    }
  focus_position (self, wsp_ballot_run_get_current (self->run));
  return TRUE;
}

static void
vote_clicked_cb (GtkButton      *button,
                 WspBallotPanel *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);

  cast (self, row, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "key")));
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                WspBallotPanel        *self)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));
  GtkWidget *row = focus != NULL ? gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW) : NULL;

  if (self->run == NULL || row == NULL || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;
  if (keyval == GDK_KEY_BackSpace)
    {
      wsp_ballot_panel_undo (self);
      return TRUE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (vote_keys); i++)
    /* The translated letter, the English one, or the number. */
    if (is_key (keyval, key_letter (i)) || is_key (keyval, vote_keys[i].english) || keyval == GDK_KEY_1 + i
        || keyval == GDK_KEY_KP_1 + i)
      {
        cast (self, row, i);
        return TRUE;
      }
  return FALSE;
}

static GtkWidget *
create_row (WspBallotPanel *self,
            WspBallotVoter *voter)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *names = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (wsp_ballot_voter_get_name (voter));
  GtkWidget *status = create_status ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_hexpand (names, TRUE);
  gtk_widget_set_valign (names, GTK_ALIGN_CENTER);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  if (wsp_ballot_voter_is_chair (voter))
    {
      /* Translators: a member's name in a roll-call, marked as the chair */
      g_autofree char *text = g_strdup_printf (_("%s (chair)"), wsp_ballot_voter_get_name (voter));

      gtk_label_set_text (GTK_LABEL (name), text);
    }
  gtk_box_append (GTK_BOX (names), name);
  gtk_box_append (GTK_BOX (names), status);
  gtk_box_append (GTK_BOX (box), names);

  gtk_widget_add_css_class (buttons, "linked");
  gtk_widget_set_valign (buttons, GTK_ALIGN_CENTER);
  for (guint i = 0; i < G_N_ELEMENTS (vote_keys); i++)
    {
      g_autofree char *key = g_utf8_strup (key_letter (i), -1);
      /* Translators: a roll-call button's tooltip: the vote, its key and its number */
      g_autofree char *tip = g_strdup_printf (_("%1$s (%2$s or %3$u)"), key_label (i), key, i + 1);
      GtkWidget *button = gtk_button_new_with_label (key);

      gtk_widget_set_tooltip_text (button, tip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, key_label (i), -1);
      gtk_widget_set_focus_on_click (button, FALSE);
      gtk_widget_set_sensitive (button, wsp_ballot_voter_may_vote (voter));
      g_object_set_data (G_OBJECT (button), "key", GUINT_TO_POINTER (i));
      g_signal_connect (button, "clicked", G_CALLBACK (vote_clicked_cb), self);
      gtk_box_append (GTK_BOX (buttons), button);
    }
  gtk_box_append (GTK_BOX (box), buttons);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "voter", g_object_ref (voter), g_object_unref);
  g_object_set_data (G_OBJECT (row), "status", status);
  g_object_set_data (G_OBJECT (row), "buttons", buttons);
  g_signal_connect_object (voter, "changed", G_CALLBACK (update_row), row, G_CONNECT_SWAPPED);
  update_row (row);
  return row;
}

static void
fill_list (WspBallotPanel *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  if (self->run == NULL || wsp_ballot_run_get_mode (self->run) != WSP_BALLOT_ROLL_CALL)
    return;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->run)); i++)
    {
      g_autoptr (WspBallotVoter) voter = g_list_model_get_item (G_LIST_MODEL (self->run), i);

      gtk_list_box_append (self->list, create_row (self, voter));
    }
}

/* ---- setup, totals, casting vote, closing -------------------------------- */

static void
setup_changed_cb (WspBallotPanel *self)
{
  g_autoptr (GError) error = NULL;
  WspBallotMode mode_before;

  if (self->updating || self->run == NULL)
    return;
  mode_before = wsp_ballot_run_get_mode (self->run);
  if (!wsp_ballot_run_set_setup (self->run, gtk_editable_get_text (GTK_EDITABLE (self->question_row)),
                                 adw_combo_row_get_selected (self->mode_row),
                                 adw_combo_row_get_selected (self->majority_row), &error))
    wsp_gui_show_error (GTK_WIDGET (self), error);
  if (wsp_ballot_run_get_mode (self->run) != mode_before)
    fill_list (self);
  update (self);
}

/* The deadline typed in: the end of that day. */
static void
deadline_applied_cb (WspBallotPanel *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->deadline_row));
  g_autofree char *iso = g_strdup_printf ("%sT23:59:59", text);
  g_autoptr (GTimeZone) local = g_time_zone_new_local ();
  g_autoptr (GDateTime) deadline = g_date_time_new_from_iso8601 (iso, local);
  g_autoptr (WspRecord) ballot = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *stored = NULL;

  if (self->run == NULL)
    return;
  if (deadline == NULL)
    {
      g_set_error_literal (&error, WSP_BALLOT_ERROR, WSP_BALLOT_ERROR_WRONG_MODE,
                           _("Type the deadline as a date, for example 2027-03-31."));
      wsp_gui_show_error (GTK_WIDGET (self), error);
      return;
    }
  ballot = wsp_store_get (self->store, self->ballot_id, NULL);
  if (ballot == NULL)
    return;
  stored = wsp_meetings_format_time (deadline);
  wsp_record_set_string (ballot, "deadline", stored);
  if (!wsp_store_save (self->store, ballot, &error))
    wsp_gui_show_error (GTK_WIDGET (self), error);
  else
    wsp_ballot_panel_set_ballot (self, self->store, self->ballot_id);
}

static void
channel_changed_cb (WspBallotPanel *self)
{
  if (self->run != NULL)
    wsp_ballot_run_set_channel (self->run, adw_combo_row_get_selected (self->channel_row));
}

static void
record_totals_cb (WspBallotPanel *self)
{
  g_autoptr (GError) error = NULL;
  guint v[WSP_BALLOT_PANEL_N_TOTALS];

  for (guint i = 0; i < WSP_BALLOT_PANEL_N_TOTALS; i++)
    {
      gtk_spin_button_update (self->totals[i]);
      v[i] = (guint) gtk_spin_button_get_value_as_int (self->totals[i]);
    }
  if (!wsp_ballot_run_set_totals (self->run, v[0], v[1], v[2], v[3], &error))
    {
      gtk_label_set_text (self->totals_message, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->totals_message), "error");
      gtk_widget_set_visible (GTK_WIDGET (self->totals_message), TRUE);
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->totals_message), "error");
  gtk_label_set_text (self->totals_message, _("Totals recorded."));
  gtk_widget_set_visible (GTK_WIDGET (self->totals_message), TRUE);
}

static void
casting_clicked_cb (GtkButton      *button,
                    WspBallotPanel *self)
{
  g_autoptr (GError) error = NULL;
  WspVoteChoice choice = GTK_WIDGET (button) == self->casting_for ? WSP_VOTE_FOR : WSP_VOTE_AGAINST;

  if (!wsp_ballot_run_set_casting_vote (self->run, choice, &error))
    wsp_gui_show_error (GTK_WIDGET (self), error);
}

static void
close_clicked_cb (WspBallotPanel *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  if (!wsp_ballot_run_close (self->run, now, &error))
    {
      wsp_gui_show_error (GTK_WIDGET (self), error);
      return;
    }
  wsp_gui_add_toast (GTK_WIDGET (self), adw_toast_new (_("Vote closed")));
}

gboolean
wsp_ballot_panel_save_vote_list (WspBallotPanel  *self,
                                 const char      *path,
                                 GError         **error)
{
  g_autoptr (WspDocument) doc = NULL;
  WspFormat format;

  g_return_val_if_fail (WSP_IS_BALLOT_PANEL (self), FALSE);
  if (!wsp_format_from_path (path, &format, error))
    return FALSE;
  doc = wsp_build_vote_list (self->store, self->ballot_id, NULL, error);
  return doc != NULL && wsp_output_write (doc, format, path, NULL, NULL, NULL, error);
}

static void
save_clicked_cb (WspBallotPanel *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WspDocument) doc = wsp_build_vote_list (self->store, self->ballot_id, NULL, &error);
  /* Translators: the suggested file name of a named vote list */
  g_autofree char *name = g_strdup_printf ("%s.pdf", _("Named vote list"));

  if (doc == NULL)
    {
      wsp_gui_show_error (GTK_WIDGET (self), error);
      return;
    }
  wsp_save_document (GTK_WIDGET (self), doc, _("Save the Named Vote List"), name);
}

static void
correct_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     WspBallotPanel   *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *id = NULL;

  if (g_strcmp0 (response, "correct") != 0 || self->ballot_id == NULL)
    return;
  id = wsp_voting_correct_ballot (self->store, self->ballot_id, &error);
  if (id == NULL)
    {
      wsp_gui_show_error (GTK_WIDGET (self), error);
      return;
    }
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-record", "(ss)", "votes", id);
}

/* A closed vote is never changed: a person confirms, and a new vote that
 * corrects it opens. */
static void
correct_clicked_cb (WspBallotPanel *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              _("Correct This Vote?"),
                                              _("The closed vote stays as it was, marked as corrected. A new vote on "
                                                "the same question opens; its result counts instead, and it keeps "
                                                "the resolution number."));

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "correct",
                                    _("_Correct the Vote"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "correct", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "correct");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (correct_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

GtkWidget *
wsp_ballot_panel_get_correct_button (WspBallotPanel *self)
{
  g_return_val_if_fail (WSP_IS_BALLOT_PANEL (self), NULL);
  return self->correct_button;
}

const char *
wsp_ballot_panel_get_correction_text (WspBallotPanel *self)
{
  g_return_val_if_fail (WSP_IS_BALLOT_PANEL (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->correction_label)) ? gtk_label_get_text (self->correction_label)
                                                                      : "";
}

/* The cards of a vote by circulation, one page per member, to print and
 * send out. */
static void
save_cards_clicked_cb (WspBallotPanel *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WspDocument) doc = wsp_build_ballot_cards (self->store, self->ballot_id, NULL, &error);
  /* Translators: the suggested file name of the cards of a vote by circulation */
  g_autofree char *name = g_strdup_printf ("%s.pdf", _("Ballot cards"));

  if (doc == NULL)
    {
      wsp_gui_show_error (GTK_WIDGET (self), error);
      return;
    }
  wsp_save_document (GTK_WIDGET (self), doc, _("Save the Ballot Cards"), name);
}

/* ---- the ballot ---------------------------------------------------------- */

static char *
context_text (WspBallotPanel *self)
{
  WspRecord *ballot = wsp_ballot_run_get_ballot (self->run);
  WspRecord *body = wsp_ballot_run_get_body (self->run);
  g_autoptr (WspRecord) item = NULL;
  g_autoptr (WspRecord) meeting = NULL;
  g_autofree char *meeting_title = NULL;
  const char *body_name = body != NULL ? wsp_record_get_string (body, "name") : NULL;

  if (wsp_record_get_string (ballot, "agenda_item_id") != NULL)
    item = wsp_store_get (self->store, wsp_record_get_string (ballot, "agenda_item_id"), NULL);
  if (item != NULL && wsp_record_get_string (item, "meeting_id") != NULL)
    meeting = wsp_store_get (self->store, wsp_record_get_string (item, "meeting_id"), NULL);
  if (wsp_record_get_bool (ballot, "by_circulation"))
    {
      g_autoptr (GDateTime) deadline = wsp_ballot_run_dup_deadline (self->run);
      g_autoptr (GDateTime) local = deadline != NULL ? g_date_time_to_local (deadline) : NULL;
      g_autofree char *day = local != NULL ? g_date_time_format (local, "%Y-%m-%d") : NULL;

      if (day != NULL)
        /* Translators: a vote held between meetings; the body, its deadline */
        return g_strdup_printf (_("%1$s, by circulation, deadline %2$s"), body_name != NULL ? body_name : "", day);
      /* Translators: a vote held between meetings; %s the body */
      return g_strdup_printf (_("%s, by circulation"), body_name != NULL ? body_name : "");
    }
  if (meeting != NULL)
    {
      g_autofree char *date = wsp_meeting_dup_date (meeting);

      meeting_title = wsp_meeting_dup_title (meeting);
      /* Translators: where a vote was taken: the body, the meeting, its date, the agenda item */
      return g_strdup_printf (_("%1$s · %2$s, %3$s · item: %4$s"), body_name != NULL ? body_name : "", meeting_title,
                              date != NULL ? date : "", item != NULL ? wsp_record_get_string (item, "title") : "");
    }
  /* Translators: a vote of a body not tied to a meeting's agenda */
  return g_strdup_printf (_("%s, not on an agenda"), body_name != NULL ? body_name : "");
}

static void
run_changed_cb (WspBallotPanel *self)
{
  update (self);
}

/* Votes of this ballot that came from another laptop (an import, the
 * shared folder), or the ballot changed there: the run is read again and
 * shows them, where it was. */
static gboolean
pending_cb (gpointer data)
{
  WspBallotPanel *self = data;
  g_autoptr (GPtrArray) pending = g_steal_pointer (&self->pending);
  g_autofree char *id = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  gboolean in_list = focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list));
  gboolean stale = FALSE;

  self->pending_id = 0;
  for (guint i = 0; pending != NULL && i < pending->len && !stale; i++)
    stale = self->run != NULL && wsp_ballot_run_is_stale (self->run, g_ptr_array_index (pending, i));
  if (!stale)
    return G_SOURCE_REMOVE;
  id = g_strdup (self->ballot_id);
  wsp_ballot_panel_set_ballot (self, self->store, id);
  if (in_list)
    wsp_ballot_panel_focus_current (self);
  return G_SOURCE_REMOVE;
}

/* Looked at once the write that made them is over: the panel's own votes
 * are known to its run by then. */
static void
store_changed_cb (WspStore       *store,
                  WspChanges     *changes,
                  WspBallotPanel *self)
{
  if (self->run == NULL
      || (!wsp_changes_has_entity (changes, "vote") && !wsp_changes_has_entity (changes, "ballot")))
    return;
  if (self->pending == NULL)
    self->pending = g_ptr_array_new_with_free_func ((GDestroyNotify) wsp_changes_unref);
  g_ptr_array_add (self->pending, wsp_changes_ref (changes));
  if (self->pending_id == 0)
    self->pending_id = g_idle_add (pending_cb, self);
}

void
wsp_ballot_panel_set_ballot (WspBallotPanel *self,
                             WspStore       *store,
                             const char     *ballot_id)
{
  g_autoptr (GError) error = NULL;

  g_return_if_fail (WSP_IS_BALLOT_PANEL (self));
  if (self->run != NULL)
    g_signal_handlers_disconnect_by_data (self->run, self);
  g_clear_object (&self->run);
  g_clear_handle_id (&self->pending_id, g_source_remove);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_set_object (&self->store, store);
  if (self->watched != store)
    {
      if (self->watched != NULL)
        g_clear_signal_handler (&self->changed_id, self->watched);
      g_clear_object (&self->watched);
      if (store != NULL)
        {
          self->watched = g_object_ref (store);
          self->changed_id = g_signal_connect (store, "changed", G_CALLBACK (store_changed_cb), self);
        }
    }
  g_free (self->ballot_id);
  self->ballot_id = g_strdup (ballot_id);
  gtk_widget_set_visible (GTK_WIDGET (self->totals_message), FALSE);
  if (store != NULL && ballot_id != NULL)
    {
      self->run = wsp_ballot_run_new (store, ballot_id, &error);
      if (self->run == NULL)
        wsp_gui_show_error (GTK_WIDGET (self), error);
    }
  if (self->run != NULL)
    {
      g_autofree char *context = context_text (self);
      WspRecord *ballot = wsp_ballot_run_get_ballot (self->run);

      g_autoptr (GDateTime) deadline = wsp_ballot_run_dup_deadline (self->run);
      g_autoptr (GDateTime) now = g_date_time_new_now_local ();
      gboolean closed_now = FALSE;

      if (deadline != NULL)
        {
          g_autoptr (GDateTime) local = g_date_time_to_local (deadline);
          g_autofree char *day = g_date_time_format (local, "%Y-%m-%d");

          gtk_editable_set_text (GTK_EDITABLE (self->deadline_row), day);
        }
      else
        gtk_editable_set_text (GTK_EDITABLE (self->deadline_row), "");
      wsp_ballot_run_set_channel (self->run, adw_combo_row_get_selected (self->channel_row));
      /* A vote by circulation past its deadline is closed, never left open. */
      if (!wsp_ballot_run_close_if_due (self->run, now, &closed_now, &error))
        wsp_gui_show_error (GTK_WIDGET (self), error);
      else if (closed_now)
        wsp_gui_add_toast (GTK_WIDGET (self),
                           adw_toast_new (_("The vote by circulation is closed: its deadline passed or everyone answered")));
      g_signal_connect_swapped (self->run, "changed", G_CALLBACK (run_changed_cb), self);
      /* Closing replaced the record. */
      ballot = wsp_ballot_run_get_ballot (self->run);
      gtk_label_set_text (self->context_label, context);
      gtk_spin_button_set_value (self->totals[WSP_BALLOT_PANEL_FOR], wsp_record_get_int (ballot, "secret_for"));
      gtk_spin_button_set_value (self->totals[WSP_BALLOT_PANEL_AGAINST], wsp_record_get_int (ballot, "secret_against"));
      gtk_spin_button_set_value (self->totals[WSP_BALLOT_PANEL_ABSTAIN], wsp_record_get_int (ballot, "secret_abstain"));
      gtk_spin_button_set_value (self->totals[WSP_BALLOT_PANEL_INVALID], wsp_record_get_int (ballot, "secret_invalid"));
    }
  fill_list (self);
  update (self);
}

const char *
wsp_ballot_panel_get_ballot_id (WspBallotPanel *self)
{
  g_return_val_if_fail (WSP_IS_BALLOT_PANEL (self), NULL);
  return self->ballot_id;
}

WspBallotRun *
wsp_ballot_panel_get_run (WspBallotPanel *self)
{
  g_return_val_if_fail (WSP_IS_BALLOT_PANEL (self), NULL);
  return self->run;
}

/* The focus goes to the member whose vote is next, or to the first total. */
void
wsp_ballot_panel_focus_current (WspBallotPanel *self)
{
  g_return_if_fail (WSP_IS_BALLOT_PANEL (self));
  if (self->run == NULL || wsp_ballot_run_is_closed (self->run))
    return;
  if (wsp_ballot_run_get_mode (self->run) == WSP_BALLOT_ROLL_CALL)
    focus_position (self, wsp_ballot_run_get_current (self->run));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->totals[0]));
}

GtkListBox *
wsp_ballot_panel_get_list (WspBallotPanel *self)
{
  return self->list;
}

/* The label shown that says how the member at @position voted. */
GtkWidget *
wsp_ballot_panel_get_row_status (WspBallotPanel *self,
                                 guint           position)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list, (int) position);
  GtkStack *status = row != NULL ? g_object_get_data (G_OBJECT (row), "status") : NULL;

  return status != NULL ? gtk_stack_get_visible_child (status) : NULL;
}

const char *
wsp_ballot_panel_get_counts_text (WspBallotPanel *self)
{
  return gtk_label_get_text (self->counts_label);
}

const char *
wsp_ballot_panel_get_verdict_text (WspBallotPanel *self)
{
  return gtk_label_get_text (self->verdict_label);
}

const char *
wsp_ballot_panel_get_result_text (WspBallotPanel *self)
{
  return gtk_label_get_text (self->result_label);
}

const char *
wsp_ballot_panel_get_totals_message (WspBallotPanel *self)
{
  return gtk_widget_get_visible (GTK_WIDGET (self->totals_message)) ? gtk_label_get_text (self->totals_message) : NULL;
}

AdwComboRow *
wsp_ballot_panel_get_mode_row (WspBallotPanel *self)
{
  return self->mode_row;
}

GtkSpinButton *
wsp_ballot_panel_get_total (WspBallotPanel      *self,
                            WspBallotPanelTotal  total)
{
  g_return_val_if_fail (total < WSP_BALLOT_PANEL_N_TOTALS, NULL);
  return self->totals[total];
}

GtkWidget *
wsp_ballot_panel_get_record_totals_button (WspBallotPanel *self)
{
  return self->record_totals;
}

GtkWidget *
wsp_ballot_panel_get_casting_button (WspBallotPanel *self,
                                     WspVoteChoice   choice)
{
  return choice == WSP_VOTE_FOR ? self->casting_for : self->casting_against;
}

GtkWidget *
wsp_ballot_panel_get_close_button (WspBallotPanel *self)
{
  return self->close_button;
}

GtkWidget *
wsp_ballot_panel_get_undo_button (WspBallotPanel *self)
{
  return self->undo_button;
}

/* ---- the widgets --------------------------------------------------------- */

static GtkStringList *
choice_labels (const WspChoice *choices)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; choices[i].name != NULL; i++)
    gtk_string_list_append (list, g_dpgettext2 (NULL, choices[i].context, choices[i].label));
  return list;
}

static GtkWidget *
build_setup (WspBallotPanel *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  g_autoptr (GtkStringList) modes = choice_labels (wsp_ballot_mode_choices);
  g_autoptr (GtkStringList) majorities = choice_labels (wsp_majority_choices);

  self->question_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->question_row), _("Question"));
  adw_entry_row_set_show_apply_button (self->question_row, TRUE);
  g_signal_connect_swapped (self->question_row, "apply", G_CALLBACK (setup_changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->question_row));

  self->mode_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->mode_row), _("Kind of vote"));
  adw_combo_row_set_model (self->mode_row, G_LIST_MODEL (modes));
  g_signal_connect_swapped (self->mode_row, "notify::selected", G_CALLBACK (setup_changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->mode_row));

  self->majority_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->majority_row), _("Majority"));
  adw_combo_row_set_model (self->majority_row, G_LIST_MODEL (majorities));
  g_signal_connect_swapped (self->majority_row, "notify::selected", G_CALLBACK (setup_changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->majority_row));

  /* Votes by circulation: the deadline. */
  self->deadline_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  /* Translators: the deadline of a vote by circulation, typed as a date */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->deadline_row), _("Deadline (YYYY-MM-DD)"));
  adw_entry_row_set_show_apply_button (self->deadline_row, TRUE);
  g_signal_connect_swapped (self->deadline_row, "apply", G_CALLBACK (deadline_applied_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->deadline_row));
  return group;
}

static GtkWidget *
build_totals (WspBallotPanel *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *group = adw_preferences_group_new ();
  const char *titles[] = { C_ ("vote", "For"), C_ ("vote", "Against"), C_ ("vote", "Abstained"),
                           _("Invalid cards") };

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Totals"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("An open or secret vote keeps only its totals, never a name."));
  for (guint i = 0; i < WSP_BALLOT_PANEL_N_TOTALS; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *spin = gtk_spin_button_new_with_range (0, 999, 1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), titles[i]);
      gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
      /* Named by its row (the row's activatable widget). */
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      self->totals[i] = GTK_SPIN_BUTTON (spin);
      if (i == WSP_BALLOT_PANEL_INVALID)
        self->invalid_row = row;
    }
  gtk_box_append (GTK_BOX (box), group);
  self->record_totals = gtk_button_new_with_mnemonic (_("_Record the Totals"));
  gtk_widget_set_halign (self->record_totals, GTK_ALIGN_START);
  g_signal_connect_swapped (self->record_totals, "clicked", G_CALLBACK (record_totals_cb), self);
  gtk_box_append (GTK_BOX (box), self->record_totals);
  self->totals_message = wsp_gui_new_label (NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->totals_message), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Totals"), -1);
  gtk_widget_set_visible (GTK_WIDGET (self->totals_message), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->totals_message));
  return box;
}

static GtkWidget *
build_roll_call (WspBallotPanel *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkEventController *keys = gtk_event_controller_key_new ();
  g_autofree char *y = g_utf8_strup (key_letter (0), -1);
  g_autofree char *n = g_utf8_strup (key_letter (1), -1);
  g_autofree char *a = g_utf8_strup (key_letter (2), -1);
  g_autofree char *r = g_utf8_strup (key_letter (3), -1);
  g_autofree char *hint = NULL;

  self->hint_label = wsp_gui_new_label ("dim-label");
  /* Translators: the keys of a roll-call; each %s a letter */
  hint = g_strdup_printf (_("Keys on the member chosen: %1$s for, %2$s against, %3$s abstained, %4$s recused (or 1, 2, "
                            "3, 4); the next member is chosen by itself. Backspace takes back the last vote."),
                          y, n, a, r);
  gtk_label_set_text (self->hint_label, hint);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->hint_label));
  {
    g_autoptr (GtkStringList) channels = choice_labels (wsp_answer_channel_choices);
    GtkWidget *group = adw_preferences_group_new ();

    self->channel_row = ADW_COMBO_ROW (adw_combo_row_new ());
    /* Translators: votes by circulation: how the answers recorded next came in */
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->channel_row), _("Answers came by"));
    adw_combo_row_set_model (self->channel_row, G_LIST_MODEL (channels));
    g_signal_connect_swapped (self->channel_row, "notify::selected", G_CALLBACK (channel_changed_cb), self);
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->channel_row));
    gtk_box_append (GTK_BOX (box), group);
  }
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Members voting"),
                                  -1);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->list), keys);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->list));
  return box;
}

static void
wsp_ballot_panel_dispose (GObject *object)
{
  WspBallotPanel *self = WSP_BALLOT_PANEL (object);

  if (self->run != NULL)
    g_signal_handlers_disconnect_by_data (self->run, self);
  g_clear_object (&self->run);
  g_clear_handle_id (&self->pending_id, g_source_remove);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  if (self->watched != NULL)
    g_clear_signal_handler (&self->changed_id, self->watched);
  g_clear_object (&self->watched);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (wsp_ballot_panel_parent_class)->dispose (object);
}

static void
wsp_ballot_panel_finalize (GObject *object)
{
  g_free (WSP_BALLOT_PANEL (object)->ballot_id);
  G_OBJECT_CLASS (wsp_ballot_panel_parent_class)->finalize (object);
}

static void
wsp_ballot_panel_class_init (WspBallotPanelClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = wsp_ballot_panel_dispose;
  G_OBJECT_CLASS (klass)->finalize = wsp_ballot_panel_finalize;
}

static void
wsp_ballot_panel_init (WspBallotPanel *self)
{
  GtkWidget *none = adw_status_page_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *status = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *casting_buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *actions = gtk_flow_box_new ();
  GtkWidget *status_clamp;
  GtkWidget *ballot_page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  /* Where the ballot stands: always in sight, above what scrolls. */
  gtk_widget_add_css_class (status, "card");
  gtk_widget_set_margin_top (status, 6);
  gtk_widget_set_margin_bottom (status, 6);
  gtk_widget_set_margin_start (status, 12);
  gtk_widget_set_margin_end (status, 12);
  self->verdict_label = wsp_gui_new_label ("title-3");
  self->counts_label = wsp_gui_new_label ("heading");
  self->quorum_label = wsp_gui_new_label ("caption");
  self->number_label = wsp_gui_new_label ("heading");
  self->result_label = wsp_gui_new_label (NULL);
  gtk_label_set_selectable (self->result_label, TRUE);
  self->result_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (self->result_box), GTK_WIDGET (self->number_label));
  gtk_box_append (GTK_BOX (self->result_box), GTK_WIDGET (self->result_label));
  self->correction_label = wsp_gui_new_label ("warning");
  gtk_widget_set_visible (GTK_WIDGET (self->correction_label), FALSE);
  gtk_box_append (GTK_BOX (self->result_box), GTK_WIDGET (self->correction_label));
  self->casting_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  self->casting_label = wsp_gui_new_label (NULL);
  gtk_box_append (GTK_BOX (self->casting_box), GTK_WIDGET (self->casting_label));
  self->casting_for = gtk_button_new_with_mnemonic (_("The Chair Votes _For"));
  self->casting_against = gtk_button_new_with_mnemonic (_("The Chair Votes A_gainst"));
  gtk_widget_add_css_class (self->casting_for, "suggested-action");
  g_signal_connect (self->casting_for, "clicked", G_CALLBACK (casting_clicked_cb), self);
  g_signal_connect (self->casting_against, "clicked", G_CALLBACK (casting_clicked_cb), self);
  gtk_box_append (GTK_BOX (casting_buttons), self->casting_for);
  gtk_box_append (GTK_BOX (casting_buttons), self->casting_against);
  gtk_box_append (GTK_BOX (self->casting_box), casting_buttons);
  gtk_widget_set_visible (self->casting_box, FALSE);
  {
    GtkWidget *parts[] = { GTK_WIDGET (self->verdict_label), GTK_WIDGET (self->counts_label),
                           GTK_WIDGET (self->quorum_label), self->result_box, self->casting_box };

    for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
      {
        gtk_widget_set_margin_start (parts[i], 12);
        gtk_widget_set_margin_end (parts[i], 12);
        gtk_box_append (GTK_BOX (status), parts[i]);
      }
    gtk_widget_set_margin_top (parts[0], 12);
    gtk_widget_set_margin_bottom (status, 6);
  }
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->quorum_label), 6);
  gtk_widget_set_margin_bottom (self->result_box, 12);
  gtk_widget_set_margin_bottom (self->casting_box, 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->verdict_label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Outcome"), -1);
  status_clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (status_clamp), 800);
  adw_clamp_set_child (ADW_CLAMP (status_clamp), status);

  self->stack = GTK_STACK (gtk_stack_new ());
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (none), "wsp-votes-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (none), _("No Vote Chosen"));
  adw_status_page_set_description (ADW_STATUS_PAGE (none),
                                   _("Choose a vote in the list, or prepare one from an item of a meeting’s run sheet."));
  gtk_stack_add_named (self->stack, none, "none");

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 800);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  self->question_label = wsp_gui_new_label ("title-2");
  gtk_label_set_selectable (self->question_label, TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->question_label));
  self->context_label = wsp_gui_new_label ("dim-label");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->context_label));

  self->setup_group = build_setup (self);
  gtk_box_append (GTK_BOX (box), self->setup_group);

  self->roll_call_box = build_roll_call (self);
  gtk_box_append (GTK_BOX (box), self->roll_call_box);
  self->totals_box = build_totals (self);
  gtk_box_append (GTK_BOX (box), self->totals_box);

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (actions), GTK_SELECTION_NONE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (actions), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  C_("accessible name", "Vote actions"), -1);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (actions), 3);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (actions), 12);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (actions), 12);
  self->undo_button = gtk_button_new_with_mnemonic (_("_Take Back the Last Vote"));
  gtk_widget_set_tooltip_text (self->undo_button, _("Backspace or Ctrl+Z"));
  g_signal_connect_swapped (self->undo_button, "clicked", G_CALLBACK (wsp_ballot_panel_undo), self);
  self->close_button = gtk_button_new_with_mnemonic (_("_Close the Vote"));
  gtk_widget_add_css_class (self->close_button, "suggested-action");
  g_signal_connect_swapped (self->close_button, "clicked", G_CALLBACK (close_clicked_cb), self);
  self->save_button = gtk_button_new_with_mnemonic (_("Save the _Vote List…"));
  g_signal_connect_swapped (self->save_button, "clicked", G_CALLBACK (save_clicked_cb), self);
  gtk_flow_box_append (GTK_FLOW_BOX (actions), self->close_button);
  gtk_flow_box_append (GTK_FLOW_BOX (actions), self->undo_button);
  gtk_flow_box_append (GTK_FLOW_BOX (actions), self->save_button);
  self->correct_button = gtk_button_new_with_mnemonic (_("C_orrect the Result…"));
  gtk_widget_set_tooltip_text (self->correct_button, _("A closed vote is corrected by a new vote, never changed"));
  g_signal_connect_swapped (self->correct_button, "clicked", G_CALLBACK (correct_clicked_cb), self);
  gtk_flow_box_append (GTK_FLOW_BOX (actions), self->correct_button);
  self->cards_button = gtk_button_new_with_mnemonic (_("Save the Ballot C_ards…"));
  gtk_widget_set_tooltip_text (self->cards_button, _("A card for each member, to print and send out"));
  g_signal_connect_swapped (self->cards_button, "clicked", G_CALLBACK (save_cards_clicked_cb), self);
  gtk_flow_box_append (GTK_FLOW_BOX (actions), self->cards_button);
  for (GtkWidget *child = gtk_widget_get_first_child (actions); child != NULL; child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);
  gtk_box_append (GTK_BOX (box), actions);

  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_box_append (GTK_BOX (ballot_page), status_clamp);
  gtk_box_append (GTK_BOX (ballot_page), scrolled);
  gtk_stack_add_named (self->stack, ballot_page, "ballot");
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->stack));
  update (self);
}
