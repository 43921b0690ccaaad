/* wsp-run-sheet.c — the agenda taken item by item, with notes for the minutes
 *
 * The items in order, the one under way highlighted (the meeting's
 * current_item_id, so it is the same after a restart and on the other
 * laptop); Ctrl+Page Down and Ctrl+Page Up, or the arrows above, move on.
 * Each item has a field for the notes of the minutes, saved as one types:
 * a short pause after the last key, and whenever the field loses the focus
 * or the meeting is closed, so what was typed is in the database before
 * anything could stop the laptop. Each item records who is recused from it
 * (taken out of that item's quorum, shown under it), and a resolution,
 * opinion or election item leads into its vote, which the Votes view
 * takes from there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "domain/wsp-agenda.h"
#include "domain/wsp-check-in.h"
#include "domain/wsp-meetings.h"
#include "meetings/wsp-meetings-util.h"
#include "meetings/wsp-run-sheet.h"
#include "records/wsp-records-meetings.h"
#include "records/wsp-records-members.h"
#include "records/wsp-records-votes.h"
#include "store/wsp-record-list.h"
#include "widgets/wsp-accessible.h"
#include "widgets/wsp-gui-util.h"

typedef struct
{
  WspRunSheet   *sheet;
  char          *item_id;
  GtkWidget     *row;
  GtkLabel      *title;
  GtkLabel      *details;
  GtkLabel      *quorum;
  GtkWidget     *take;
  GtkMenuButton *recusals;
  GtkWidget     *recusal_box;
  GtkWidget     *vote;
  GtkTextView   *notes;
  GtkEventController *focus;
  guint          save_id;
  gboolean       dirty;
  gboolean       filling;
  char          *quorum_text;
} Row;

struct _WspRunSheet
{
  AdwBin       parent_instance;

  WspStore    *store;
  char        *meeting_id;
  GListModel  *items;
  WspCheckIn  *check_in;
  GPtrArray   *rows;       /* Row */
  gulong       changed_id;
  gboolean     notes_allowed;
  gboolean     refreshing;
  gboolean     refresh_again;

  GtkLabel    *current_label;
  GtkWidget   *next_button;
  GtkWidget   *empty_label;
  GtkListBox  *list;
};

G_DEFINE_FINAL_TYPE (WspRunSheet, wsp_run_sheet, ADW_TYPE_BIN)

static WspRecord *
get_meeting (WspRunSheet *self)
{
  return self->store != NULL && self->meeting_id != NULL ? wsp_store_get (self->store, self->meeting_id, NULL) : NULL;
}

static void
show_error (WspRunSheet *self,
            GError      *error)
{
  wsp_gui_show_error (GTK_WIDGET (self), error);
}

/* ---- notes --------------------------------------------------------------- */

static char *
buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
save_notes (Row *row)
{
  WspRunSheet *self = row->sheet;
  g_autoptr (WspRecord) item = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;

  g_clear_handle_id (&row->save_id, g_source_remove);
  if (!row->dirty || self->store == NULL)
    return;
  row->dirty = FALSE;
  item = wsp_store_get (self->store, row->item_id, &error);
  if (item == NULL)
    {
      show_error (self, error);
      return;
    }
  text = buffer_text (row->notes);
  wsp_record_set_string (item, "notes", *text != '\0' ? text : NULL);
  if (!wsp_store_save (self->store, item, &error))
    show_error (self, error);
}

static gboolean
save_timeout_cb (gpointer data)
{
  Row *row = data;

  row->save_id = 0;
  save_notes (row);
  return G_SOURCE_REMOVE;
}

static void
notes_changed_cb (GtkTextBuffer *buffer,
                  Row           *row)
{
  if (row->filling)
    return;
  row->dirty = TRUE;
  g_clear_handle_id (&row->save_id, g_source_remove);
  row->save_id = g_timeout_add (WSP_RUN_SHEET_SAVE_DELAY_MS, save_timeout_cb, row);
}

static void
notes_focus_left_cb (GtkEventControllerFocus *controller,
                     Row                     *row)
{
  save_notes (row);
}

/* Saves every note typed and not saved yet. */
void
wsp_run_sheet_flush (WspRunSheet *self)
{
  g_return_if_fail (WSP_IS_RUN_SHEET (self));
  for (guint i = 0; self->rows != NULL && i < self->rows->len; i++)
    save_notes (g_ptr_array_index (self->rows, i));
}

/* A row taken off the list no longer hears its notes field: the field
 * can outlive it (the focus leaving it as the rows are made again). */
static void
row_detach (Row *row)
{
  g_signal_handlers_disconnect_by_data (gtk_text_view_get_buffer (row->notes), row);
  g_signal_handlers_disconnect_by_data (row->focus, row);
}

/* Rows are freed after their notes were saved (wsp_run_sheet_flush()). */
static void
row_free (Row *row)
{
  g_clear_handle_id (&row->save_id, g_source_remove);
  g_free (row->item_id);
  g_free (row->quorum_text);
  g_free (row);
}

/* ---- the item under way -------------------------------------------------- */

static int
current_index (WspRunSheet *self)
{
  g_autoptr (WspRecord) meeting = get_meeting (self);
  const char *current = meeting != NULL ? wsp_record_get_string (meeting, "current_item_id") : NULL;

  for (guint i = 0; current != NULL && i < self->rows->len; i++)
    if (g_str_equal (((Row *) g_ptr_array_index (self->rows, i))->item_id, current))
      return (int) i;
  return -1;
}

int
wsp_run_sheet_get_current (WspRunSheet *self)
{
  g_return_val_if_fail (WSP_IS_RUN_SHEET (self), -1);
  return current_index (self);
}

static void
set_current (WspRunSheet *self,
             int          index)
{
  g_autoptr (WspRecord) meeting = get_meeting (self);
  g_autoptr (GError) error = NULL;

  if (meeting == NULL || index < 0 || (guint) index >= self->rows->len)
    return;
  wsp_record_set_string (meeting, "current_item_id", ((Row *) g_ptr_array_index (self->rows, index))->item_id);
  if (!wsp_store_save (self->store, meeting, &error))
    show_error (self, error);
}

static void
take_clicked_cb (GtkButton *button,
                 Row       *row)
{
  WspRunSheet *self = row->sheet;

  for (guint i = 0; i < self->rows->len; i++)
    if (g_ptr_array_index (self->rows, i) == row)
      set_current (self, (int) i);
  gtk_widget_grab_focus (GTK_WIDGET (row->notes));
}

static void
step (WspRunSheet *self,
      int          by)
{
  int index = current_index (self);
  Row *row;

  index = index < 0 ? 0 : CLAMP (index + by, 0, (int) self->rows->len - 1);
  if (self->rows->len == 0)
    return;
  set_current (self, index);
  row = g_ptr_array_index (self->rows, index);
  gtk_widget_grab_focus (GTK_WIDGET (row->notes));
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  step (WSP_RUN_SHEET (widget), 1);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  step (WSP_RUN_SHEET (widget), -1);
}

/* ---- recusals and the item's quorum -------------------------------------- */

static void
recusal_toggled_cb (GtkCheckButton *check,
                    Row            *row)
{
  WspRunSheet *self = row->sheet;
  const char *seat_id = g_object_get_data (G_OBJECT (check), "seat-id");
  g_autoptr (WspRecord) item = wsp_store_get (self->store, row->item_id, NULL);
  g_auto (GStrv) recused = item != NULL ? wsp_record_dup_list (item, "recused") : NULL;
  g_autoptr (GStrvBuilder) fresh = g_strv_builder_new ();
  g_auto (GStrv) list = NULL;
  g_autoptr (GError) error = NULL;

  if (item == NULL)
    return;
  for (guint i = 0; recused != NULL && recused[i] != NULL; i++)
    if (!g_str_equal (recused[i], seat_id))
      g_strv_builder_add (fresh, recused[i]);
  if (gtk_check_button_get_active (check))
    g_strv_builder_add (fresh, seat_id);
  list = g_strv_builder_end (fresh);
  wsp_record_set_list (item, "recused", list[0] != NULL ? (const char * const *) list : NULL);
  if (!wsp_store_save (self->store, item, &error))
    show_error (self, error);
}

/* The members who may be recused: those in the room, and those recused. */
static void
fill_recusals (Row *row)
{
  WspRunSheet *self = row->sheet;
  g_autoptr (WspRecord) item = wsp_store_get (self->store, row->item_id, NULL);
  g_auto (GStrv) recused = item != NULL ? wsp_record_dup_list (item, "recused") : NULL;
  guint n = self->check_in != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->check_in)) : 0;
  GtkWidget *child;
  guint shown = 0;

  while ((child = gtk_widget_get_first_child (row->recusal_box)) != NULL)
    gtk_box_remove (GTK_BOX (row->recusal_box), child);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (WspCheckInEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->check_in), i);
      gboolean is_recused = recused != NULL && g_strv_contains ((const char * const *) recused,
                                                                wsp_check_in_entry_get_seat_id (entry));
      GtkWidget *check;

      if (!is_recused && !wsp_check_in_entry_is_in_the_room (entry))
        continue;
      check = gtk_check_button_new_with_label (wsp_check_in_entry_get_name (entry));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), is_recused);
      g_object_set_data_full (G_OBJECT (check), "seat-id", g_strdup (wsp_check_in_entry_get_seat_id (entry)), g_free);
      g_signal_connect (check, "toggled", G_CALLBACK (recusal_toggled_cb), row);
      gtk_box_append (GTK_BOX (row->recusal_box), check);
      shown++;
    }
  if (shown == 0)
    {
      GtkWidget *none = gtk_label_new (_("Check the members in first: those present can be recused."));

      gtk_label_set_wrap (GTK_LABEL (none), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (none), 30);
      gtk_box_append (GTK_BOX (row->recusal_box), none);
    }
}

static void
recusals_shown_cb (GtkPopover *popover,
                   Row        *row)
{
  fill_recusals (row);
}

static void
update_quorum (Row       *row,
               WspRecord *item)
{
  WspRunSheet *self = row->sheet;
  g_auto (GStrv) recused = wsp_record_dup_list (item, "recused");
  guint n_recused = recused != NULL ? g_strv_length (recused) : 0;
  g_autofree char *label = NULL;
  WspQuorum quorum;

  if (self->check_in == NULL)
    return;
  wsp_check_in_get_item_quorum (self->check_in, item, &quorum);
  g_free (row->quorum_text);
  if (quorum.recused > 0)
    /* Translators: an item's quorum: %1$u present, %2$u recused, %3$u needed */
    row->quorum_text = g_strdup_printf (quorum.reached ? _("Quorum for this item: %1$u present, %2$u recused, %3$u "
                                                           "needed: reached")
                                                       : _("Quorum for this item: %1$u present, %2$u recused, %3$u "
                                                           "needed: not reached"),
                                        quorum.present, quorum.recused, quorum.required);
  else
    /* Translators: an item's quorum: %1$u present, %2$u needed */
    row->quorum_text = g_strdup_printf (quorum.reached ? _("Quorum: %1$u present, %2$u needed: reached")
                                                       : _("Quorum: %1$u present, %2$u needed: not reached"),
                                        quorum.present, quorum.required);
  gtk_label_set_text (row->quorum, row->quorum_text);
  /* Translators: the button of an item's recusals, with how many there are */
  label = n_recused > 0 ? g_strdup_printf (_("Recused: %u"), n_recused) : g_strdup (_("Recusals"));
  gtk_menu_button_set_label (row->recusals, label);
  wsp_accessible_set_label (GTK_WIDGET (row->recusals), label);
}

/* ---- votes --------------------------------------------------------------- */

static gboolean
takes_a_vote (WspRecord *item)
{
  const char *kind = wsp_record_get_string (item, "kind");

  /* The approval of the minutes of the meeting before is a vote too (domain/wsp-minutes.h). */
  return g_strcmp0 (kind, "resolution") == 0 || g_strcmp0 (kind, "opinion") == 0 || g_strcmp0 (kind, "election") == 0
         || g_strcmp0 (kind, "minutes_approval") == 0;
}

/* The id of the item's vote (its ballot or election), or NULL. */
static char *
dup_vote_id (WspRunSheet *self,
             WspRecord   *item)
{
  g_autoptr (GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  GType type = g_strcmp0 (wsp_record_get_string (item, "kind"), "election") == 0 ? WSP_TYPE_ELECTION : WSP_TYPE_BALLOT;

  wsp_store_query (self->store, type, "agenda_item_id", wsp_record_get_id (item), found, NULL);
  return found->len > 0 ? g_strdup (wsp_record_get_id (g_ptr_array_index (found, 0))) : NULL;
}

static gboolean
has_vote (WspRunSheet *self,
          WspRecord   *item)
{
  g_autofree char *id = dup_vote_id (self, item);

  return id != NULL;
}

/* Prepares the item's vote (a ballot, or an election), unless it has one,
 * and shows the Votes view. */
static void
vote_clicked_cb (GtkButton *button,
                 Row       *row)
{
  WspRunSheet *self = row->sheet;
  g_autoptr (WspRecord) item = wsp_store_get (self->store, row->item_id, NULL);
  g_autoptr (WspRecord) meeting = get_meeting (self);
  g_autoptr (GError) error = NULL;
  g_autofree char *vote_id = NULL;

  if (item == NULL || meeting == NULL)
    return;
  vote_id = dup_vote_id (self, item);
  if (vote_id == NULL)
    {
      g_autoptr (WspRecord) vote = NULL;
      g_autoptr (WspRecord) body = wsp_store_get (self->store, wsp_record_get_string (meeting, "body_id"), NULL);

      if (g_strcmp0 (wsp_record_get_string (item, "kind"), "election") == 0)
        {
          vote = WSP_RECORD (wsp_election_new ());
          wsp_record_set_string (vote, "title", wsp_record_get_string (item, "title"));
        }
      else
        {
          const char *majority = body != NULL ? wsp_record_get_string (body, "default_majority") : NULL;

          vote = WSP_RECORD (wsp_ballot_new ());
          wsp_record_set_string (vote, "question", wsp_record_get_string (item, "title"));
          wsp_record_set_string (vote, "mode", "open");
          wsp_record_set_string (vote, "majority", majority != NULL ? majority : "simple");
        }
      wsp_record_set_string (vote, "agenda_item_id", wsp_record_get_id (item));
      wsp_record_set_string (vote, "body_id", wsp_record_get_string (meeting, "body_id"));
      if (!wsp_store_save (self->store, vote, &error))
        {
          show_error (self, error);
          return;
        }
      vote_id = g_strdup (wsp_record_get_id (vote));
    }
  /* The Votes view, with the vote ready to run. */
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-record", "(ss)", "votes", vote_id);
}

/* ---- rows ---------------------------------------------------------------- */

/* A button in the flow of buttons; the flow's own cells take no focus. */
static void
add_button (GtkWidget *flow,
            GtkWidget *button)
{
  gtk_flow_box_append (GTK_FLOW_BOX (flow), button);
  gtk_widget_set_focusable (gtk_widget_get_parent (button), FALSE);
  gtk_widget_set_halign (button, GTK_ALIGN_START);
}

static Row *
create_row (WspRunSheet *self,
            WspRecord   *item)
{
  Row *row = g_new0 (Row, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  /* The buttons go on as many lines as the width needs. */
  GtkWidget *buttons = gtk_flow_box_new ();
  GtkWidget *notes_label = gtk_label_new (_("Notes for the minutes"));
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *popover = gtk_popover_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  row->sheet = self;
  row->item_id = g_strdup (wsp_record_get_id (item));
  row->row = gtk_list_box_row_new ();
  row->title = GTK_LABEL (gtk_label_new (NULL));
  row->details = GTK_LABEL (gtk_label_new (NULL));
  row->quorum = GTK_LABEL (gtk_label_new (NULL));
  row->notes = GTK_TEXT_VIEW (gtk_text_view_new ());

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_label_set_xalign (row->title, 0);
  gtk_label_set_wrap (row->title, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (row->title), "heading");
  gtk_label_set_xalign (row->details, 0);
  gtk_label_set_wrap (row->details, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (row->details), "dim-label");
  gtk_label_set_xalign (row->quorum, 0);
  gtk_label_set_wrap (row->quorum, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (row->quorum), "caption");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (row->title));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (row->details));
  {
    /* Translators: how a screen reader names the buttons of an agenda item; %s its title */
    g_autofree char *name = g_strdup_printf (_("Item’s actions: %s"),
                                             wsp_record_get_string (item, "title") ?: "");
    wsp_accessible_set_label (buttons, name);
  }

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (buttons), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (buttons), 3);
  gtk_widget_set_halign (buttons, GTK_ALIGN_START);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (buttons), 6);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (buttons), 6);
  row->take = wsp_accessible_button_new (_("_Take This Item"));
  gtk_widget_set_tooltip_text (row->take, _("Mark this item as the one under way"));
  g_signal_connect (row->take, "clicked", G_CALLBACK (take_clicked_cb), row);
  add_button (buttons, row->take);

  row->recusals = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_widget_set_tooltip_text (GTK_WIDGET (row->recusals),
                               _("Members with a conflict of interest: they do not vote on this item and are not "
                                 "counted in its quorum"));
  row->recusal_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_popover_set_child (GTK_POPOVER (popover), row->recusal_box);
  g_signal_connect (popover, "show", G_CALLBACK (recusals_shown_cb), row);
  gtk_menu_button_set_popover (row->recusals, popover);
  add_button (buttons, GTK_WIDGET (row->recusals));

  row->vote = gtk_button_new ();
  gtk_widget_add_css_class (row->vote, "suggested-action");
  g_signal_connect (row->vote, "clicked", G_CALLBACK (vote_clicked_cb), row);
  add_button (buttons, row->vote);
  gtk_box_append (GTK_BOX (box), buttons);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (row->quorum));

  gtk_label_set_xalign (GTK_LABEL (notes_label), 0);
  gtk_widget_add_css_class (notes_label, "caption-heading");
  gtk_box_append (GTK_BOX (box), notes_label);
  gtk_text_view_set_wrap_mode (row->notes, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (row->notes, FALSE);
  gtk_text_view_set_top_margin (row->notes, 8);
  gtk_text_view_set_bottom_margin (row->notes, 8);
  gtk_text_view_set_left_margin (row->notes, 8);
  gtk_text_view_set_right_margin (row->notes, 8);
  gtk_widget_set_size_request (GTK_WIDGET (row->notes), -1, 72);
  {
    /* Translators: how a screen reader names an item's notes; %s the item's title */
    g_autofree char *name = g_strdup_printf (_("Notes for the minutes: %s"), wsp_record_get_string (item, "title"));
    gtk_accessible_update_property (GTK_ACCESSIBLE (row->notes), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  }
  row->filling = TRUE;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (row->notes), wsp_record_get_string (item, "notes") ?: "", -1);
  row->filling = FALSE;
  g_signal_connect (gtk_text_view_get_buffer (row->notes), "changed", G_CALLBACK (notes_changed_cb), row);
  g_signal_connect (focus, "leave", G_CALLBACK (notes_focus_left_cb), row);
  row->focus = focus;
  gtk_widget_add_controller (GTK_WIDGET (row->notes), focus);
  gtk_frame_set_child (GTK_FRAME (frame), GTK_WIDGET (row->notes));
  gtk_box_append (GTK_BOX (box), frame);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row->row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row->row), FALSE);
  gtk_widget_set_focusable (row->row, FALSE);
  return row;
}

/* Puts what @item says now on @row (not the notes being typed). */
static void
update_row (WspRunSheet *self,
            Row         *row,
            WspRecord   *item,
            guint        number,
            GDateTime   *starts,
            gboolean     current)
{
  g_autofree char *title = g_strdup_printf ("%u. %s", number, wsp_record_get_string (item, "title"));
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *details = NULL;
  const char *kind = wsp_choice_label (wsp_item_kind_choices, wsp_record_get_string (item, "kind"));
  const char *notes = wsp_record_get_string (item, "notes");
  g_autofree char *shown = buffer_text (row->notes);

  if (starts != NULL)
    g_ptr_array_add (parts, wsp_meetings_format_clock (starts));
  if (kind != NULL)
    g_ptr_array_add (parts, g_strdup (kind));
  if (wsp_record_get_string (item, "presenter") != NULL)
    g_ptr_array_add (parts, g_strdup (wsp_record_get_string (item, "presenter")));
  if (current)
    g_ptr_array_add (parts, g_strdup (_("under way")));
  g_ptr_array_add (parts, NULL);
  details = g_strjoinv (" · ", (char **) parts->pdata);
  gtk_label_set_text (row->title, title);
  gtk_label_set_text (row->details, details);
  if (current)
    gtk_widget_add_css_class (row->row, "wsp-current-item");
  else
    gtk_widget_remove_css_class (row->row, "wsp-current-item");
  gtk_widget_set_sensitive (row->take, !current);

  /* Notes from elsewhere (the other laptop) replace what is shown, unless
   * something is being typed here. */
  if (!row->dirty && !gtk_widget_has_focus (GTK_WIDGET (row->notes)) && g_strcmp0 (shown, notes ?: "") != 0)
    {
      row->filling = TRUE;
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (row->notes), notes ?: "", -1);
      row->filling = FALSE;
    }
  gtk_text_view_set_editable (row->notes, self->notes_allowed);

  gtk_widget_set_visible (gtk_widget_get_parent (row->vote), takes_a_vote (item));
  gtk_widget_set_visible (row->vote, takes_a_vote (item));
  if (takes_a_vote (item))
    gtk_button_set_label (GTK_BUTTON (row->vote), has_vote (self, item) ? _("Go to the Vote") : _("Prepare the Vote"));
  update_quorum (row, item);
}

static void
refresh_once (WspRunSheet *self)
{
  g_autoptr (WspRecord) meeting = get_meeting (self);
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) starts = NULL;
  const char *current = meeting != NULL ? wsp_record_get_string (meeting, "current_item_id") : NULL;
  gboolean same = TRUE;
  int current_at = -1;

  for (guint i = 0; self->items != NULL && i < g_list_model_get_n_items (self->items); i++)
    g_ptr_array_add (items, g_list_model_get_item (self->items, i));
  same = items->len == self->rows->len;
  for (guint i = 0; same && i < items->len; i++)
    same = g_str_equal (wsp_record_get_id (g_ptr_array_index (items, i)),
                        ((Row *) g_ptr_array_index (self->rows, i))->item_id);
  self->notes_allowed = meeting != NULL
                        && wsp_meeting_status_allows (wsp_meeting_get_status (meeting), WSP_MEETING_PART_NOTES);
  if (!same)
    {
      /* Other items, or another order: the rows are made again (what was
       * typed is saved first; that saving reads the list again after this). */
      wsp_run_sheet_flush (self);
      for (guint i = 0; i < self->rows->len; i++)
        {
          row_detach (g_ptr_array_index (self->rows, i));
          gtk_list_box_remove (self->list, ((Row *) g_ptr_array_index (self->rows, i))->row);
        }
      g_ptr_array_set_size (self->rows, 0);
      for (guint i = 0; i < items->len; i++)
        {
          Row *row = create_row (self, g_ptr_array_index (items, i));

          gtk_list_box_append (self->list, row->row);
          g_ptr_array_add (self->rows, row);
        }
    }
  starts = meeting != NULL ? wsp_agenda_planned_starts (meeting, items) : g_ptr_array_new ();
  for (guint i = 0; i < items->len; i++)
    {
      WspRecord *item = g_ptr_array_index (items, i);
      gboolean is_current = g_strcmp0 (current, wsp_record_get_id (item)) == 0;

      if (is_current)
        current_at = (int) i;
      update_row (self, g_ptr_array_index (self->rows, i), item, i + 1,
                  i < starts->len ? g_ptr_array_index (starts, i) : NULL, is_current);
    }
  gtk_widget_set_visible (self->empty_label, items->len == 0);
  if (current_at >= 0)
    {
      WspRecord *item = g_ptr_array_index (items, current_at);
      /* Translators: the item under way: its number and title */
      g_autofree char *text = g_strdup_printf (_("Under way: %1$d. %2$s"), current_at + 1,
                                               wsp_record_get_string (item, "title"));

      gtk_label_set_text (self->current_label, text);
    }
  else
    gtk_label_set_text (self->current_label, items->len > 0 ? _("No item under way yet: take the first one when the "
                                                                "meeting opens.")
                                                            : "");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "run.next", items->len > 0 && current_at + 1 < (int) items->len);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "run.previous", current_at > 0);
}

/* Saving notes while the rows are made again reads the list again: once
 * more after this reading, never inside it. */
static void
refresh (WspRunSheet *self)
{
  if (self->refreshing)
    {
      self->refresh_again = TRUE;
      return;
    }
  self->refreshing = TRUE;
  do
    {
      self->refresh_again = FALSE;
      refresh_once (self);
    }
  while (self->refresh_again);
  self->refreshing = FALSE;
}

static void
quorum_changed_cb (WspRunSheet *self)
{
  for (guint i = 0; self->items != NULL && i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);
      g_autoptr (WspRecord) item = g_list_model_get_item (self->items, i);

      if (item != NULL)
        update_quorum (row, item);
    }
}

static void
store_changed_cb (WspStore    *store,
                  WspChanges  *changes,
                  WspRunSheet *self)
{
  if (self->meeting_id == NULL)
    return;
  if (wsp_changes_contains (changes, "meeting", self->meeting_id) || wsp_changes_has_entity (changes, "ballot")
      || wsp_changes_has_entity (changes, "election"))
    refresh (self);
}

void
wsp_run_sheet_set_meeting (WspRunSheet *self,
                           WspStore    *store,
                           const char  *meeting_id)
{
  g_return_if_fail (WSP_IS_RUN_SHEET (self));

  wsp_run_sheet_flush (self);
  if (self->store != store)
    {
      if (self->store != NULL)
        g_clear_signal_handler (&self->changed_id, self->store);
      g_set_object (&self->store, store);
      if (store != NULL)
        self->changed_id = g_signal_connect (store, "changed", G_CALLBACK (store_changed_cb), self);
    }
  for (guint i = 0; i < self->rows->len; i++)
    {
      row_detach (g_ptr_array_index (self->rows, i));
      gtk_list_box_remove (self->list, ((Row *) g_ptr_array_index (self->rows, i))->row);
    }
  g_ptr_array_set_size (self->rows, 0);
  g_clear_object (&self->items);
  if (self->check_in != NULL)
    g_signal_handlers_disconnect_by_data (self->check_in, self);
  g_clear_object (&self->check_in);
  g_free (self->meeting_id);
  self->meeting_id = g_strdup (meeting_id);
  if (store != NULL && meeting_id != NULL)
    {
      self->items = G_LIST_MODEL (wsp_record_list_new (store, WSP_TYPE_AGENDA_ITEM, "meeting_id", meeting_id));
      g_signal_connect_object (self->items, "items-changed", G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
      self->check_in = wsp_check_in_new (store, meeting_id);
      g_signal_connect_object (self->check_in, "quorum-changed", G_CALLBACK (quorum_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }
  refresh (self);
}

/* ---- for those who look in ----------------------------------------------- */

static Row *
row_at (WspRunSheet *self,
        guint        index)
{
  return index < self->rows->len ? g_ptr_array_index (self->rows, index) : NULL;
}

GtkTextView *
wsp_run_sheet_get_notes_view (WspRunSheet *self,
                              guint        index)
{
  g_return_val_if_fail (WSP_IS_RUN_SHEET (self), NULL);
  return row_at (self, index) != NULL ? row_at (self, index)->notes : NULL;
}

GtkWidget *
wsp_run_sheet_get_row (WspRunSheet *self,
                       guint        index)
{
  g_return_val_if_fail (WSP_IS_RUN_SHEET (self), NULL);
  return row_at (self, index) != NULL ? row_at (self, index)->row : NULL;
}

GtkWidget *
wsp_run_sheet_get_next_button (WspRunSheet *self)
{
  g_return_val_if_fail (WSP_IS_RUN_SHEET (self), NULL);
  return self->next_button;
}

GtkWidget *
wsp_run_sheet_get_vote_button (WspRunSheet *self,
                               guint        index)
{
  g_return_val_if_fail (WSP_IS_RUN_SHEET (self), NULL);
  return row_at (self, index) != NULL ? row_at (self, index)->vote : NULL;
}

GtkWidget *
wsp_run_sheet_get_recusal_button (WspRunSheet *self,
                                  guint        index)
{
  g_return_val_if_fail (WSP_IS_RUN_SHEET (self), NULL);
  return row_at (self, index) != NULL ? GTK_WIDGET (row_at (self, index)->recusals) : NULL;
}

const char *
wsp_run_sheet_get_item_quorum_text (WspRunSheet *self,
                                    guint        index)
{
  g_return_val_if_fail (WSP_IS_RUN_SHEET (self), NULL);
  return row_at (self, index) != NULL ? row_at (self, index)->quorum_text : NULL;
}

/* ---- life ---------------------------------------------------------------- */

static void
wsp_run_sheet_dispose (GObject *object)
{
  WspRunSheet *self = WSP_RUN_SHEET (object);

  /* What was typed is saved before the sheet goes. */
  if (self->rows != NULL)
    wsp_run_sheet_flush (self);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  if (self->check_in != NULL)
    g_signal_handlers_disconnect_by_data (self->check_in, self);
  g_clear_object (&self->check_in);
  g_clear_object (&self->items);
  g_clear_object (&self->store);
  g_clear_pointer (&self->meeting_id, g_free);

  G_OBJECT_CLASS (wsp_run_sheet_parent_class)->dispose (object);
}

static void
wsp_run_sheet_class_init (WspRunSheetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wsp_run_sheet_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Wspolnie/meetings/wsp-run-sheet.ui");
  gtk_widget_class_bind_template_child (widget_class, WspRunSheet, current_label);
  gtk_widget_class_bind_template_child (widget_class, WspRunSheet, next_button);
  gtk_widget_class_bind_template_child (widget_class, WspRunSheet, empty_label);
  gtk_widget_class_bind_template_child (widget_class, WspRunSheet, list);

  gtk_widget_class_install_action (widget_class, "run.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "run.previous", NULL, previous_action);
}

static void
wsp_run_sheet_init (WspRunSheet *self)
{
  GtkEventController *keys = gtk_shortcut_controller_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Before the notes field, which would take Ctrl+Page Down for itself. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Page_Down, GDK_CONTROL_MASK),
                                                          gtk_named_action_new ("run.next")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Page_Up, GDK_CONTROL_MASK),
                                                          gtk_named_action_new ("run.previous")));
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
}
