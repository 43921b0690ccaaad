/* wsp-draft-page.c — one draft: its text with the comments on each unit, its versions, its opinion
 *
 * The page shows a WspDraftDetail (a snapshot the view reads again after
 * each change): where the draft stands by its deadline, then three pages.
 *
 * - Text: every unit of the latest version, the comments on it right under
 *   it, in a GtkGridView of one column (rows are made as they scroll into
 *   sight: GTK 4.8's GtkListView makes up to 200 rows whatever it shows,
 *   its grid view about a screenful; bench/wsp-bench-drafts compares the
 *   two), and at the end the comments
 *   whose units are no longer in the text. The
 *   rows are a WspDraftRows model, which announces only what changed, so
 *   deciding a comment leaves the list where it was.
 * - Versions: two versions compared unit by unit, the words deleted and
 *   inserted marked.
 * - Opinion: the opinion recorded, or what to do before the deadline.
 *
 * The buttons name the view's actions ("drafts.…"); the page only shows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "base/wsp-word-diff.h"
#include "drafts/wsp-draft-labels.h"
#include "drafts/wsp-draft-page.h"
#include "domain/wsp-draft-rows.h"
#include "records/wsp-records-drafts.h"
#include "sync/wsp-review.h"
#include "widgets/wsp-accessible.h"
#include "widgets/wsp-detail-groups.h"
#include "widgets/wsp-gui-util.h"
#include "widgets/wsp-wrap-bin.h"

struct _WspDraftPage
{
  AdwBin           parent_instance;

  WspStore        *store;
  WspDraftDetail  *detail;
  WspDraftRows    *rows;
  WspDetailGroups  opinion_groups;
  GtkWidget       *state_badge;
  gboolean         filling_versions;

  GtkLabel        *title_label;
  GtkBox          *state_box;
  GtkLabel        *deadline_label;
  GtkLabel        *facts_label;
  GtkLabel        *agenda_label;
  GtkRevealer     *conflict_revealer;
  GtkLabel        *conflict_label;
  GtkStack        *page_stack;
  GtkToggleButton *text_tab;
  GtkToggleButton *versions_tab;
  GtkToggleButton *opinion_tab;
  GtkCheckButton  *only_commented;
  GtkLabel        *counts_label;
  GtkGridView     *rows_list;
  GtkWidget       *rows_scroller;
  GtkDropDown     *older_dropdown;
  GtkDropDown     *newer_dropdown;
  GtkStack        *compare_stack;
  GtkLabel        *compare_summary;
  GtkListBox      *compare_list;
  AdwPreferencesPage *opinion_page;
};

G_DEFINE_FINAL_TYPE (WspDraftPage, wsp_draft_page, ADW_TYPE_BIN)

static GtkWidget *
wrapped_label (const char *text,
               const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* ---- the rows of the text ---------------------------------------------- */

static GtkWidget *
unit_row_new (WspDraftRow *row)
{
  const WspDraftUnit *unit = wsp_draft_row_get_unit (row);
  guint n_comments = wsp_draft_row_get_n_comments (row);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *head = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *key;
  GtkWidget *button;
  g_autofree char *title = wsp_draft_unit_title (unit);

  gtk_widget_add_css_class (box, "wsp-unit");
  gtk_widget_set_margin_start (box, 12 + 14 * (int) MIN (unit->depth, 5));
  key = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (key), 0);
  gtk_label_set_wrap (GTK_LABEL (key), TRUE);
  gtk_widget_add_css_class (key, "heading");
  gtk_box_append (GTK_BOX (head), key);
  if (wsp_draft_row_get_change (row) == WSP_UNIT_CHANGED)
    /* Translators: a badge on a unit whose words the latest version of the draft changed */
    gtk_box_append (GTK_BOX (head), wsp_draft_badge_new (C_ ("unit", "Changed"), "wsp-badge-warning"));
  else if (wsp_draft_row_get_change (row) == WSP_UNIT_NEW)
    /* Translators: a badge on a unit the latest version of the draft added */
    gtk_box_append (GTK_BOX (head), wsp_draft_badge_new (C_ ("unit", "New"), "wsp-badge-accent"));
  if (n_comments > 0)
    {
      g_autofree char *count = g_strdup_printf (ngettext ("%u comment", "%u comments", n_comments), n_comments);
      GtkWidget *label = gtk_label_new (count);

      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (head), label);
    }
  button = gtk_button_new_from_icon_name ("list-add-symbolic");
  gtk_widget_set_hexpand (button, TRUE);
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Comment on this unit"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Comment on this unit"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "drafts.comment-unit");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", unit->key);
  gtk_box_append (GTK_BOX (head), button);
  gtk_box_append (GTK_BOX (box), head);
  if (unit->text != NULL && unit->text[0] != '\0')
    {
      GtkWidget *text = wsp_wrap_bin_new (unit->text, NULL);

      if (unit->kind == WSP_UNIT_TABLE)
        gtk_widget_add_css_class (text, "monospace");
      gtk_box_append (GTK_BOX (box), text);
    }
  return box;
}

static GtkWidget *
comment_row_new (WspDraftRow *row)
{
  WspCommentEntry *entry = wsp_draft_row_get_comment (row);
  const WspCommentInfo *info = wsp_comment_entry_get_info (entry);
  WspRecord *comment = info->comment;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *buttons;
  GtkWidget *button;
  GtkWidget *decision;
  g_autoptr (GString) head = g_string_new (NULL);
  const char *proposed = wsp_record_get_string (comment, "proposed_wording");
  const char *justification = wsp_record_get_string (comment, "justification");
  const char *submitted = wsp_record_get_string (comment, "submitted_on");
  const char *source = wsp_record_get_string (comment, "source");

  gtk_widget_add_css_class (box, "wsp-comment");
  gtk_widget_set_margin_start (box, 30);
  gtk_widget_set_margin_end (box, 12);
  /* Translators: the head of a comment in the draft's text: its number and author */
  g_string_append_printf (head, _("No. %1$u · %2$s"), info->number, wsp_comment_entry_get_author (entry));
  if (submitted != NULL)
    {
      g_autofree char *day = wsp_draft_format_date (submitted);

      g_string_append_printf (head, " · %s", day);
    }
  if (source != NULL && g_strcmp0 (source, "app") != 0)
    g_string_append_printf (head, " · %s", wsp_choice_label (wsp_comment_source_choices, source));
  gtk_box_append (GTK_BOX (box), wsp_wrap_bin_new (head->str, "heading"));

  if (info->removed_in > 0)
    {
      g_autofree char *text = g_strdup_printf (_("On %1$s, which version %2$u no longer has"), info->unit_name,
                                               info->removed_in);

      gtk_box_append (GTK_BOX (box), wsp_wrap_bin_new (text, "warning"));
    }
  else if (info->old_unit_name != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Made on %1$s of version %2$u"), info->old_unit_name,
                                               info->version_number);

      gtk_box_append (GTK_BOX (box), wsp_wrap_bin_new (text, "dim-label"));
    }
  if (info->text_changed)
    gtk_box_append (GTK_BOX (box), wsp_wrap_bin_new (_("The text changed since this comment"), "warning"));
  if (info->corrected_twice)
    gtk_box_append (GTK_BOX (box), wsp_wrap_bin_new (_("Corrected on two laptops at once: the later correction is "
                                                    "shown; correct it again to settle it"),
                                                  "warning"));
  if (proposed != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Proposed: %s"), proposed);

      gtk_box_append (GTK_BOX (box), wsp_wrap_bin_new (text, NULL));
    }
  if (justification != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Justification: %s"), justification);

      gtk_box_append (GTK_BOX (box), wsp_wrap_bin_new (text, "dim-label"));
    }

  decision = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (decision),
                  wsp_draft_badge_new (wsp_choice_label (wsp_comment_decision_choices,
                                                         wsp_comment_decision_name (info->decision)),
                                       wsp_decision_css_class (info->decision)));
  if (info->reason != NULL && info->decision != WSP_COMMENT_PENDING)
    {
      GtkWidget *reason = wsp_wrap_bin_new (info->reason, NULL);

      gtk_widget_set_hexpand (reason, TRUE);
      gtk_box_append (GTK_BOX (decision), reason);
    }
  gtk_box_append (GTK_BOX (box), decision);
  if (info->decision_conflict)
    gtk_box_append (GTK_BOX (box), wsp_wrap_bin_new (_("Two laptops recorded different decisions: choose one"),
                                                  "error"));

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  button = wsp_accessible_button_new (info->decision_conflict ? _("_Choose Decision…") : _("_Decide…"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "drafts.decide");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", info->root_id);
  if (info->decision_conflict)
    gtk_widget_add_css_class (button, "destructive-action");
  gtk_box_append (GTK_BOX (buttons), button);
  button = wsp_accessible_button_new (_("C_orrect…"));
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Record a correction of this comment (the comment itself is kept)"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "drafts.correct-comment");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", info->root_id);
  gtk_box_append (GTK_BOX (buttons), button);
  gtk_box_append (GTK_BOX (box), buttons);
  return box;
}

static GtkWidget *
removed_row_new (WspDraftRow *row)
{
  GtkWidget *label = wsp_wrap_bin_new (_("Comments on units no longer in the draft"), "heading");

  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_add_css_class (label, "wsp-unit");
  return label;
}

/* Rows are made as they come into sight, and dropped when they leave it. */
static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         gpointer                  data)
{
  WspDraftRow *row = gtk_list_item_get_item (item);
  GtkWidget *child;

  switch (wsp_draft_row_get_kind (row))
    {
    case WSP_DRAFT_ROW_UNIT:
      child = unit_row_new (row);
      break;
    case WSP_DRAFT_ROW_COMMENT:
      child = comment_row_new (row);
      break;
    case WSP_DRAFT_ROW_REMOVED:
    default:
      child = removed_row_new (row);
      break;
    }
  gtk_list_item_set_child (item, child);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  data)
{
  gtk_list_item_set_child (item, NULL);
}

static void
update_rows (WspDraftPage *self)
{
  GPtrArray *rows = self->detail != NULL
                      ? wsp_draft_detail_dup_rows (self->detail, gtk_check_button_get_active (self->only_commented))
                      : g_ptr_array_new_with_free_func (g_object_unref);

  wsp_draft_rows_set (self->rows, rows);
}

static void
only_commented_cb (WspDraftPage *self)
{
  update_rows (self);
}

/* ---- the header ---------------------------------------------------------- */

static void
update_header (WspDraftPage *self)
{
  WspRecord *draft = wsp_draft_detail_get_draft (self->detail);
  WspRecord *latest = wsp_draft_detail_get_latest (self->detail);
  GPtrArray *items = wsp_draft_detail_get_agenda_items (self->detail);
  GPtrArray *comments = wsp_draft_detail_get_comments (self->detail);
  int days_left = 0;
  WspOpinionState state = wsp_draft_detail_get_state (self->detail, &days_left);
  g_autofree char *state_text = wsp_draft_state_text (state, days_left, wsp_draft_detail_get_opinion (self->detail));
  g_autofree char *deadline = wsp_draft_format_date (wsp_record_get_string (draft, "deadline"));
  g_autofree char *received = wsp_draft_format_date (wsp_record_get_string (draft, "received_on"));
  g_autoptr (GString) facts = g_string_new (NULL);
  g_autoptr (GString) agenda = g_string_new (NULL);
  const char *kind = wsp_record_get_string (draft, "kind");
  guint conflicts = wsp_draft_detail_count_conflicts (self->detail);
  g_autofree char *counts = NULL;

  gtk_label_set_text (self->title_label, wsp_record_get_string (draft, "title"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->title_label), wsp_record_get_string (draft, "title"));
  if (self->state_badge != NULL)
    gtk_box_remove (self->state_box, self->state_badge);
  self->state_badge = wsp_draft_badge_new (state_text, wsp_draft_state_css_class (state, days_left));
  gtk_box_prepend (self->state_box, self->state_badge);
  if (wsp_record_get_string (draft, "deadline") != NULL)
    {
      /* Translators: the last day for the Council's opinion */
      g_autofree char *text = g_strdup_printf (_("Opinion due by %s"), deadline);

      gtk_label_set_text (self->deadline_label, text);
    }
  else
    gtk_label_set_text (self->deadline_label, _("No deadline: set the day it was delivered"));

  if (wsp_record_get_string (draft, "submitted_by") != NULL)
    g_string_append (facts, wsp_record_get_string (draft, "submitted_by"));
  else if (wsp_record_get_string (draft, "sender") != NULL)
    g_string_append (facts, wsp_choice_label (wsp_draft_sender_choices, wsp_record_get_string (draft, "sender")));
  if (received[0] != '\0')
    {
      /* Translators: when a draft was delivered */
      g_autofree char *text = g_strdup_printf (_("received %s"), received);

      g_string_append_printf (facts, "%s%s", facts->len > 0 ? " · " : "", text);
    }
  if (kind != NULL)
    g_string_append_printf (facts, " · %s", wsp_choice_label (wsp_draft_kind_choices, kind));
  if (latest != NULL && wsp_record_get_int (latest, "number") > 1)
    {
      g_autofree char *day = wsp_draft_format_date (wsp_record_get_string (latest, "received_on"));
      /* Translators: the latest version of a draft and when it came */
      g_autofree char *text = g_strdup_printf (_("version %1$d of %2$s"), (int) wsp_record_get_int (latest, "number"),
                                               day);

      g_string_append_printf (facts, " · %s", text);
    }
  gtk_label_set_text (self->facts_label, facts->str);

  /* The meeting that takes it last (the others are on the Opinion page). */
  {
    g_autoptr (WspRecord) latest_meeting = NULL;
    WspRecord *latest_item = NULL;

    for (guint i = 0; i < items->len; i++)
      {
        WspRecord *item = g_ptr_array_index (items, i);
        g_autoptr (WspRecord) meeting = wsp_store_get (self->store, wsp_record_get_string (item, "meeting_id"), NULL);

        if (meeting != NULL
            && (latest_meeting == NULL
                || g_strcmp0 (wsp_record_get_string (meeting, "starts_at"),
                              wsp_record_get_string (latest_meeting, "starts_at")) > 0))
          {
            g_set_object (&latest_meeting, meeting);
            latest_item = item;
          }
      }
    if (latest_meeting != NULL)
      {
        g_autofree char *when = wsp_record_format_field (latest_meeting, "starts_at");

        /* Translators: the meeting whose agenda takes a draft: when, then the item's title */
        g_string_append_printf (agenda, _("On the agenda of the meeting of %1$s: %2$s"), when != NULL ? when : "",
                                wsp_record_get_string (latest_item, "title"));
      }
  }
  gtk_label_set_text (self->agenda_label, agenda->str);
  gtk_widget_set_visible (GTK_WIDGET (self->agenda_label), agenda->len > 0);

  gtk_revealer_set_reveal_child (self->conflict_revealer, conflicts > 0);
  if (conflicts > 0)
    {
      g_autofree char *text = g_strdup_printf (ngettext ("%u decision was recorded differently on two laptops. "
                                                         "Choose which stands at the comment marked in red.",
                                                         "%u decisions were recorded differently on two laptops. "
                                                         "Choose which stands at the comments marked in red.",
                                                         conflicts),
                                               conflicts);
      gtk_label_set_text (self->conflict_label, text);
    }
  counts = g_strdup_printf (ngettext ("%1$u comment, %2$u decided", "%1$u comments, %2$u decided", comments->len),
                            comments->len, wsp_draft_detail_count_decided (self->detail));
  gtk_label_set_text (self->counts_label, counts);
}

/* ---- versions ---------------------------------------------------------- */

static char *
diff_markup (const char *before,
             const char *after)
{
  g_autoptr (GPtrArray) segments = wsp_word_diff (before, after);
  g_autoptr (GString) out = g_string_new (NULL);

  for (guint i = 0; i < segments->len; i++)
    {
      WspDiffSegment *s = g_ptr_array_index (segments, i);
      g_autofree char *escaped = g_markup_escape_text (s->text, -1);

      if (out->len > 0)
        g_string_append_c (out, ' ');
      if (s->op == WSP_DIFF_DELETED)
        g_string_append_printf (out, "<span strikethrough=\"true\" foreground=\"#c01c28\">%s</span>", escaped);
      else if (s->op == WSP_DIFF_INSERTED)
        g_string_append_printf (out, "<span underline=\"single\" foreground=\"#26a269\">%s</span>", escaped);
      else
        g_string_append (out, escaped);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
update_comparison (WspDraftPage *self)
{
  GPtrArray *versions = self->detail != NULL ? wsp_draft_detail_get_versions (self->detail) : NULL;
  guint older = gtk_drop_down_get_selected (self->older_dropdown);
  guint newer = gtk_drop_down_get_selected (self->newer_dropdown);
  guint changed = 0, added = 0, removed = 0, same = 0;
  g_autoptr (GArray) compared = NULL;
  g_autofree char *summary = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->compare_list))) != NULL)
    gtk_list_box_remove (self->compare_list, child);
  if (versions == NULL || versions->len < 2 || older >= versions->len || newer >= versions->len || older >= newer)
    {
      gtk_stack_set_visible_child_name (self->compare_stack, "one");
      if (versions != NULL && versions->len >= 2)
        gtk_label_set_text (self->compare_summary, _("Choose an older version on the left."));
      return;
    }
  gtk_stack_set_visible_child_name (self->compare_stack, "list");
  compared = wsp_draft_detail_compare (self->detail, older, newer);
  for (guint i = 0; i < compared->len; i++)
    {
      WspUnitComparison *c = &g_array_index (compared, WspUnitComparison, i);
      const WspDraftUnit *unit = c->after != NULL ? c->after : c->before;
      GtkWidget *box, *head, *text;
      g_autofree char *title = NULL;
      g_autofree char *markup = NULL;
      const char *badge, *badge_class;

      switch (c->change)
        {
        case WSP_UNIT_SAME:
          same++;
          continue;
        case WSP_UNIT_CHANGED:
          changed++;
          badge = C_ ("unit", "Changed");
          badge_class = "wsp-badge-warning";
          markup = diff_markup (c->before->text, c->after->text);
          break;
        case WSP_UNIT_NEW:
          added++;
          badge = C_ ("unit", "New");
          badge_class = "wsp-badge-accent";
          markup = diff_markup (NULL, c->after->text);
          break;
        case WSP_UNIT_REMOVED:
        default:
          removed++;
          /* Translators: a badge on a unit the newer version of a draft no longer has */
          badge = C_ ("unit", "Removed");
          badge_class = "wsp-badge-error";
          markup = diff_markup (c->before->text, NULL);
          break;
        }
      box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
      gtk_widget_set_margin_top (box, 8);
      gtk_widget_set_margin_bottom (box, 8);
      gtk_widget_set_margin_start (box, 12);
      gtk_widget_set_margin_end (box, 12);
      head = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      title = wsp_draft_unit_title (unit);
      if (c->before != NULL && c->after != NULL && g_strcmp0 (c->before->name, c->after->name) != 0)
        {
          char *renamed = g_strdup_printf ("%s → %s", c->before->name, c->after->name);

          g_free (title);
          title = renamed;
        }
      gtk_box_append (GTK_BOX (head), wrapped_label (title, "heading"));
      gtk_box_append (GTK_BOX (head), wsp_draft_badge_new (badge, badge_class));
      gtk_box_append (GTK_BOX (box), head);
      text = wrapped_label (NULL, NULL);
      gtk_label_set_markup (GTK_LABEL (text), markup);
      gtk_box_append (GTK_BOX (box), text);
      gtk_list_box_append (self->compare_list, box);
    }
  /* Translators: the changes between two versions of a draft */
  summary = g_strdup_printf (_("Changed: %1$u · new: %2$u · removed: %3$u · unchanged: %4$u. Deleted words are "
                               "struck through, inserted ones underlined."),
                             changed, added, removed, same);
  gtk_label_set_text (self->compare_summary, summary);
}

static void
compare_changed_cb (WspDraftPage *self)
{
  if (!self->filling_versions)
    update_comparison (self);
}

static void
update_versions (WspDraftPage *self)
{
  GPtrArray *versions = wsp_draft_detail_get_versions (self->detail);
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);

  for (guint i = 0; i < versions->len; i++)
    {
      WspRecord *version = g_ptr_array_index (versions, i);
      g_autofree char *day = wsp_draft_format_date (wsp_record_get_string (version, "received_on"));
      /* Translators: a version of a draft in the comparison's choice: its number and when it came */
      g_autofree char *name = g_strdup_printf (_("Version %1$d (%2$s)"), (int) wsp_record_get_int (version, "number"),
                                               day);

      gtk_string_list_append (names, name);
    }
  self->filling_versions = TRUE;
  gtk_drop_down_set_model (self->older_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_model (self->newer_dropdown, G_LIST_MODEL (names));
  if (versions->len >= 2)
    {
      gtk_drop_down_set_selected (self->older_dropdown, versions->len - 2);
      gtk_drop_down_set_selected (self->newer_dropdown, versions->len - 1);
    }
  self->filling_versions = FALSE;
  update_comparison (self);
}

/* ---- the opinion --------------------------------------------------------- */

static void
add_value (AdwPreferencesGroup *group,
           const char          *title,
           const char          *value)
{
  GtkWidget *row = wsp_gui_value_row (title, value);

  if (row != NULL)
    adw_preferences_group_add (group, row);
}

static GtkWidget *
action_button (const char *label,
               const char *action,
               gboolean    suggested)
{
  GtkWidget *button = wsp_accessible_button_new (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  if (suggested)
    gtk_widget_add_css_class (button, "suggested-action");
  return button;
}

/* The meetings whose agenda takes the draft. */
static void
add_agenda_group (WspDraftPage *self)
{
  GPtrArray *items = wsp_draft_detail_get_agenda_items (self->detail);
  AdwPreferencesGroup *agenda = NULL;

  for (guint i = 0; i < items->len; i++)
    {
      WspRecord *item = g_ptr_array_index (items, i);
      g_autoptr (WspRecord) meeting = wsp_store_get (self->store, wsp_record_get_string (item, "meeting_id"), NULL);
      g_autofree char *when = meeting != NULL ? wsp_record_format_field (meeting, "starts_at") : NULL;

      if (meeting == NULL)
        continue;
      if (agenda == NULL)
        agenda = wsp_detail_groups_add (&self->opinion_groups, _("On the Agenda"),
                                        _("The meetings whose agenda takes the draft (set in the Council view)."));
      add_value (agenda, when, wsp_record_get_string (item, "title"));
    }
}

static void update_opinion_groups (WspDraftPage *self);

/* Who the draft went to for review and who replied, or on a member's
 * laptop, the member's comments not sent yet. */
static void
add_review_group (WspDraftPage *self)
{
  WspRecord *draft = wsp_draft_detail_get_draft (self->detail);
  g_autofree char *reviewer = wsp_review_dup_reviewer (self->store);
  g_autoptr (WspReviewStatus) status = wsp_review_status (self->store, wsp_record_get_id (draft), NULL);
  AdwPreferencesGroup *group;
  g_autofree char *description = NULL;
  g_autofree char *deadline = NULL;
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  if (reviewer != NULL)
    {
      g_autoptr (GPtrArray) unsent = wsp_review_unsent_comments (self->store, wsp_record_get_id (draft), NULL);
      guint n = unsent != NULL ? unsent->len : 0;

      deadline = status != NULL && status->deadline != NULL ? wsp_draft_format_date (status->deadline) : NULL;
      if (deadline != NULL)
        /* Translators: on a member's laptop: the day the comments are due, and how many are not sent yet */
        description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                    "Your comments are due by %2$s. %1$u comment is not sent yet.",
                                                    "Your comments are due by %2$s. %1$u comments are not sent yet.", n),
                                       n, deadline);
      else
        description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u comment is not sent yet.",
                                                    "%u comments are not sent yet.", n),
                                       n);
      group = wsp_detail_groups_add (&self->opinion_groups, _("Your Review"), description);
      gtk_box_append (GTK_BOX (buttons), action_button (_("Send _Back to the Secretary…"), "drafts.send-reply",
                                                        n > 0));
      adw_preferences_group_set_header_suffix (group, buttons);
      return;
    }
  if (status == NULL)
    description = g_strdup (_("Council members can comment on their own laptops: a review file goes to each by "
                              "e-mail, and their signed replies come back with every comment theirs."));
  else
    {
      deadline = status->deadline != NULL ? wsp_draft_format_date (status->deadline) : NULL;
      if (deadline != NULL)
        /* Translators: a draft sent for review: the deadline, how many replied of how many */
        description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Comments due by %1$s; %2$u of %3$u member replied.",
                                                    "Comments due by %1$s; %2$u of %3$u members replied.",
                                                    status->members->len),
                                       deadline, status->replied, status->members->len);
      else
        description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$u of %2$u member replied.",
                                                    "%1$u of %2$u members replied.", status->members->len),
                                       status->replied, status->members->len);
    }
  group = wsp_detail_groups_add (&self->opinion_groups, status != NULL ? _("Sent for Review") : _("Review"),
                                 description);
  gtk_box_append (GTK_BOX (buttons), action_button (status != NULL ? _("Send _Again…") : _("Send for _Review…"),
                                                    "drafts.send-review", status == NULL));
  adw_preferences_group_set_header_suffix (group, buttons);
  for (guint i = 0; status != NULL && i < status->members->len; i++)
    {
      WspReviewMember *member = g_ptr_array_index (status->members, i);
      g_autofree char *value = NULL;

      if (!member->replied)
        value = g_strdup (_("Not replied yet"));
      else
        {
          g_autoptr (GDateTime) when = g_date_time_new_from_iso8601 (member->replied_at, NULL);
          g_autofree char *day = when != NULL ? g_date_time_format (when, "%Y-%m-%d") : NULL;
          g_autofree char *shown = day != NULL ? wsp_draft_format_date (day) : g_strdup ("");

          /* Translators: a member who replied to a review: the day and how many comments */
          value = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Replied %2$s, %1$u comment", "Replied %2$s, %1$u comments",
                                                member->comments),
                                   member->comments, shown);
          if (member->older_version)
            {
              char *more = g_strconcat (value, _(", on an older version"), NULL);
              g_free (value);
              value = more;
            }
        }
      add_value (group, member->name, value);
    }
}

static void
update_opinion (WspDraftPage *self)
{
  g_autofree char *reviewer = wsp_review_dup_reviewer (self->store);

  /* A member's laptop: the member's review, not the secretary's opinion. */
  if (reviewer != NULL)
    wsp_detail_groups_clear (&self->opinion_groups);
  else
    update_opinion_groups (self);
  add_review_group (self);
}

static void
update_opinion_groups (WspDraftPage *self)
{
  WspRecord *opinion = wsp_draft_detail_get_opinion (self->detail);
  WspRecord *draft = wsp_draft_detail_get_draft (self->detail);
  int days_left = 0;
  WspOpinionState state = wsp_draft_detail_get_state (self->detail, &days_left);
  AdwPreferencesGroup *group;
  GtkWidget *buttons;

  wsp_detail_groups_clear (&self->opinion_groups);
  if (opinion == NULL)
    {
      g_autofree char *deadline = wsp_draft_format_date (wsp_record_get_string (draft, "deadline"));
      g_autofree char *description = NULL;

      if (state == WSP_OPINION_STATE_WAIVED)
        description = g_strdup_printf (_("The deadline, %s, passed without an opinion: under art. 41i ust. 2 the "
                                         "Council is deemed to have waived it. Record that, or the opinion it "
                                         "adopted after all."),
                                       deadline);
      else if (state == WSP_OPINION_STATE_WITHDRAWN)
        description = g_strdup (_("The city withdrew this draft."));
      else
        description = g_strdup_printf (_("The Council’s opinion is due by %s. Record it once the Council adopts "
                                         "it: the verdict, the resolution’s number, the meeting and the vote."),
                                       deadline);
      group = wsp_detail_groups_add (&self->opinion_groups, _("No Opinion Yet"), description);
      buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      gtk_box_append (GTK_BOX (buttons), action_button (_("_Record Opinion…"), "drafts.record-opinion", TRUE));
      adw_preferences_group_set_header_suffix (group, buttons);
      add_agenda_group (self);
      return;
    }

  group = wsp_detail_groups_add (&self->opinion_groups, _("The Council’s Opinion"), NULL);
  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (buttons), action_button (_("_Document…"), "drafts.export-opinion", TRUE));
  gtk_box_append (GTK_BOX (buttons), action_button (_("Co_rrect…"), "drafts.record-opinion", FALSE));
  adw_preferences_group_set_header_suffix (group, buttons);
  add_value (group, _("Opinion"), wsp_choice_label (wsp_opinion_verdict_choices, wsp_record_get_string (opinion, "verdict")));
  add_value (group, _("Resolution number"), wsp_record_get_string (opinion, "number"));
  {
    g_autofree char *day = wsp_record_get_string (opinion, "adopted_on") != NULL
                             ? wsp_draft_format_date (wsp_record_get_string (opinion, "adopted_on"))
                             : NULL;

    add_value (group, _("Adopted"), day);
  }
  if (wsp_record_get_string (opinion, "meeting_id") != NULL)
    {
      g_autoptr (WspRecord) meeting = wsp_store_get (self->store, wsp_record_get_string (opinion, "meeting_id"), NULL);
      g_autofree char *when = meeting != NULL ? wsp_record_format_field (meeting, "starts_at") : NULL;

      add_value (group, _("Meeting"), when);
    }
  if (wsp_record_get_string (opinion, "ballot_id") != NULL)
    {
      g_autoptr (WspRecord) ballot = wsp_store_get (self->store, wsp_record_get_string (opinion, "ballot_id"), NULL);

      add_value (group, _("Vote"), ballot != NULL ? wsp_record_get_string (ballot, "question") : NULL);
    }
  add_value (group, _("Text"), wsp_record_get_string (opinion, "text"));
  {
    JsonNode *sides = wsp_record_get_value (opinion, "sides");
    JsonArray *array = sides != NULL && JSON_NODE_HOLDS_ARRAY (sides) ? json_node_get_array (sides) : NULL;

    for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
      {
        JsonObject *side = json_array_get_object_element (array, i);

        if (side != NULL && json_object_has_member (side, "side") && json_object_has_member (side, "position"))
          add_value (group, wsp_choice_label (wsp_side_choices, json_object_get_string_member (side, "side")),
                     json_object_get_string_member (side, "position"));
      }
  }
  add_agenda_group (self);
}

/* ---- the page ------------------------------------------------------------ */

static void
tab_toggled_cb (WspDraftPage    *self,
                GtkToggleButton *tab)
{
  if (!gtk_toggle_button_get_active (tab))
    return;
  gtk_stack_set_visible_child_name (self->page_stack, tab == self->versions_tab ? "versions"
                                                      : tab == self->opinion_tab ? "opinion" : "text");
}

static void
page_shown_cb (WspDraftPage *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->page_stack);
  GtkToggleButton *tab = g_strcmp0 (name, "versions") == 0  ? self->versions_tab
                         : g_strcmp0 (name, "opinion") == 0 ? self->opinion_tab : self->text_tab;

  if (!gtk_toggle_button_get_active (tab))
    gtk_toggle_button_set_active (tab, TRUE);
}

/* Shows @detail (NULL: nothing), read by the view from @store. */
void
wsp_draft_page_set_detail (WspDraftPage   *self,
                           WspStore       *store,
                           WspDraftDetail *detail)
{
  gboolean same_draft;

  g_return_if_fail (WSP_IS_DRAFT_PAGE (self));

  same_draft = detail != NULL && self->detail != NULL
               && g_strcmp0 (wsp_record_get_id (wsp_draft_detail_get_draft (detail)),
                             wsp_record_get_id (wsp_draft_detail_get_draft (self->detail))) == 0;
  g_set_object (&self->store, store);
  g_set_object (&self->detail, detail);
  if (!same_draft)
    {
      /* Another draft: from its start, with all its units. */
      wsp_draft_rows_set (self->rows, g_ptr_array_new_with_free_func (g_object_unref));
      gtk_check_button_set_active (self->only_commented, FALSE);
      gtk_stack_set_visible_child_name (self->page_stack, "text");
    }
  if (detail == NULL)
    return;
  update_header (self);
  update_rows (self);
  update_versions (self);
  update_opinion (self);
}

WspDraftDetail *
wsp_draft_page_get_detail (WspDraftPage *self)
{
  g_return_val_if_fail (WSP_IS_DRAFT_PAGE (self), NULL);
  return self->detail;
}

/* The rows of the text as shown (for tests). */
GListModel *
wsp_draft_page_get_rows (WspDraftPage *self)
{
  g_return_val_if_fail (WSP_IS_DRAFT_PAGE (self), NULL);
  return G_LIST_MODEL (self->rows);
}

/* The scrolled window of the text (for the benchmark). */
GtkWidget *
wsp_draft_page_get_scroller (WspDraftPage *self)
{
  g_return_val_if_fail (WSP_IS_DRAFT_PAGE (self), NULL);
  return self->rows_scroller;
}

/* Shows "text", "versions" or "opinion". */
void
wsp_draft_page_show (WspDraftPage *self,
                     const char   *page)
{
  g_return_if_fail (WSP_IS_DRAFT_PAGE (self));
  gtk_stack_set_visible_child_name (self->page_stack, page);
}

/* Scrolls the text to the unit @key and shows it. */
void
wsp_draft_page_scroll_to_unit (WspDraftPage *self,
                               const char   *key)
{
  guint position = wsp_draft_rows_find_unit (self->rows, key);

  g_return_if_fail (WSP_IS_DRAFT_PAGE (self));
  gtk_stack_set_visible_child_name (self->page_stack, "text");
  if (position != G_MAXUINT)
    gtk_widget_activate_action (GTK_WIDGET (self->rows_list), "list.scroll-to-item", "u", position);
}

/* Scrolls the text to the comment whose first record is @root_id. */
void
wsp_draft_page_scroll_to_comment (WspDraftPage *self,
                                  const char   *root_id)
{
  guint position = wsp_draft_rows_find_comment (self->rows, root_id);

  g_return_if_fail (WSP_IS_DRAFT_PAGE (self));
  gtk_stack_set_visible_child_name (self->page_stack, "text");
  if (position != G_MAXUINT)
    gtk_widget_activate_action (GTK_WIDGET (self->rows_list), "list.scroll-to-item", "u", position);
}

static void
wsp_draft_page_dispose (GObject *object)
{
  WspDraftPage *self = WSP_DRAFT_PAGE (object);

  g_clear_object (&self->detail);
  g_clear_object (&self->store);
  g_clear_object (&self->rows);
  wsp_detail_groups_finish (&self->opinion_groups);
  G_OBJECT_CLASS (wsp_draft_page_parent_class)->dispose (object);
}

static void
wsp_draft_page_class_init (WspDraftPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wsp_draft_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Wspolnie/drafts/wsp-draft-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WspDraftPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, WspDraftPage, state_box);
  gtk_widget_class_bind_template_child (widget_class, WspDraftPage, deadline_label);
  gtk_widget_class_bind_template_child (widget_class, WspDraftPage, facts_label);
  gtk_widget_class_bind_template_child (widget_class, WspDraftPage, agenda_label);
  gtk_widget_class_bind_template_child (widget_class, WspDraftPage, conflict_revealer);
  gtk_widget_class_bind_template_child (widget_class, WspDraftPage, conflict_label);
  gtk_widget_class_bind_template_child (widget_class, WspDraftPage, page_stack);
  gtk_widget_class_bind_template_child (widget_class, WspDraftPage, text_tab);
  gtk_widget_class_bind_template_child (widget_class, WspDraftPage, versions_tab);
  gtk_widget_class_bind_template_child (widget_class, WspDraftPage, opinion_tab);
  gtk_widget_class_bind_template_child (widget_class, WspDraftPage, only_commented);
  gtk_widget_class_bind_template_child (widget_class, WspDraftPage, counts_label);
  gtk_widget_class_bind_template_child (widget_class, WspDraftPage, rows_list);
  gtk_widget_class_bind_template_child (widget_class, WspDraftPage, rows_scroller);
  gtk_widget_class_bind_template_child (widget_class, WspDraftPage, older_dropdown);
  gtk_widget_class_bind_template_child (widget_class, WspDraftPage, newer_dropdown);
  gtk_widget_class_bind_template_child (widget_class, WspDraftPage, compare_stack);
  gtk_widget_class_bind_template_child (widget_class, WspDraftPage, compare_summary);
  gtk_widget_class_bind_template_child (widget_class, WspDraftPage, compare_list);
  gtk_widget_class_bind_template_child (widget_class, WspDraftPage, opinion_page);
  gtk_widget_class_bind_template_callback (widget_class, only_commented_cb);
  gtk_widget_class_bind_template_callback (widget_class, compare_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, tab_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, page_shown_cb);
}

/* The chosen version, in a label that gives way in a narrow window. */
static void
version_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  ellipsize)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (ellipsize != NULL)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 6);
    }
  gtk_list_item_set_child (item, label);
}

static void
version_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  data)
{
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      gtk_string_object_get_string (gtk_list_item_get_item (item)));
}

static void
version_factories (GtkDropDown *dropdown)
{
  GtkListItemFactory *button = gtk_signal_list_item_factory_new ();
  GtkListItemFactory *list = gtk_signal_list_item_factory_new ();

  g_signal_connect (button, "setup", G_CALLBACK (version_setup_cb), GINT_TO_POINTER (1));
  g_signal_connect (button, "bind", G_CALLBACK (version_bind_cb), NULL);
  g_signal_connect (list, "setup", G_CALLBACK (version_setup_cb), NULL);
  g_signal_connect (list, "bind", G_CALLBACK (version_bind_cb), NULL);
  gtk_drop_down_set_factory (dropdown, button);
  gtk_drop_down_set_list_factory (dropdown, list);
  g_object_unref (button);
  g_object_unref (list);
}

static void
wsp_draft_page_init (WspDraftPage *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  wsp_gui_wrap_button_labels (GTK_WIDGET (self));
  self->rows = wsp_draft_rows_new ();
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), self);
  gtk_grid_view_set_factory (self->rows_list, factory);
  g_object_unref (factory);
  {
    g_autoptr (GtkNoSelection) selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->rows)));

    gtk_grid_view_set_model (self->rows_list, GTK_SELECTION_MODEL (selection));
  }
  wsp_detail_groups_init (&self->opinion_groups, self->opinion_page);
  version_factories (self->older_dropdown);
  version_factories (self->newer_dropdown);
}
