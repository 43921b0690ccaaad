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
#include "members/wsp-seat-editor.h"
#include "members/wsp-seat-labels.h"
#include "records/wsp-records-members.h"
#include "widgets/wsp-accessible.h"

struct _WspCouncilOverview
{
  AdwBin              parent_instance;

  WspStore           *store;
  GtkWindow          *editor;
  WspSeatList        *vacant;

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

/* A seat's side as people call it there (the setting "executive"); a seat
 * of no side is a plain member. */
static const char *
side_label (const char *side)
{
  const char *label = wsp_side_label (side, wsp_gui_get_executive ());

  return label != NULL ? label : _("Members");
}

static void
editor_destroyed_cb (WspCouncilOverview *self)
{
  self->editor = NULL;
}

/* The seat editor open, if any (for tests). */
GtkWindow *
wsp_council_overview_get_editor (WspCouncilOverview *self)
{
  g_return_val_if_fail (WSP_IS_COUNCIL_OVERVIEW (self), NULL);
  return self->editor;
}

static WspSeatEditor *
open_seat_editor (WspCouncilOverview *self,
                  WspRecord          *seat,
                  const char         *side,
                  const char         *joined_on)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  WspSeatEditor *editor;

  if (self->store == NULL || self->term == NULL)
    return NULL;
  if (self->editor != NULL)
    gtk_window_destroy (self->editor);
  editor = wsp_seat_editor_new (self->store, self->term, seat, side, joined_on);
  self->editor = GTK_WINDOW (editor);
  g_signal_connect_object (editor, "destroy", G_CALLBACK (editor_destroyed_cb), self, G_CONNECT_SWAPPED);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (editor));
  return editor;
}

static void
add_seat_clicked_cb (GtkButton          *button,
                     WspCouncilOverview *self)
{
  g_autofree char *today = wsp_gui_today ();
  const char *starts = wsp_record_get_string (self->term, "starts_on");

  open_seat_editor (self, NULL, g_object_get_data (G_OBJECT (button), "side"),
                    starts != NULL && g_strcmp0 (starts, today) > 0 ? starts : today);
}

static void
edit_seat_clicked_cb (GtkWidget          *widget,
                      WspCouncilOverview *self)
{
  WspRecord *seat = g_object_get_data (G_OBJECT (widget), "seat");
  g_autoptr (WspRecord) fresh = wsp_store_get (self->store, wsp_record_get_id (seat), NULL);

  if (fresh != NULL)
    open_seat_editor (self, fresh, NULL, NULL);
}

static void
leave_seat_clicked_cb (GtkWidget          *widget,
                       WspCouncilOverview *self)
{
  WspRecord *seat = g_object_get_data (G_OBJECT (widget), "seat");
  g_autoptr (WspRecord) fresh = wsp_store_get (self->store, wsp_record_get_id (seat), NULL);
  WspSeatEditor *editor = fresh != NULL ? open_seat_editor (self, fresh, NULL, NULL) : NULL;

  if (editor != NULL)
    {
      g_autofree char *today = wsp_gui_today ();
      g_autofree char *shown = wsp_gui_format_date (today);

      if (*gtk_editable_get_text (GTK_EDITABLE (wsp_seat_editor_get_row (editor, "left_on"))) == '\0')
        gtk_editable_set_text (GTK_EDITABLE (wsp_seat_editor_get_row (editor, "left_on")), shown);
      wsp_seat_editor_focus_leaving (editor);
    }
}

/* A vacant seat is filled from the day after it was left. */
static void
fill_vacancy_clicked_cb (GtkWidget          *widget,
                         WspCouncilOverview *self)
{
  WspRecord *left = g_object_get_data (G_OBJECT (widget), "seat");
  g_autofree char *next = wsp_gui_day_after (wsp_record_get_string (left, "left_on"));

  open_seat_editor (self, NULL, wsp_record_get_string (left, "side"), next);
}

static GtkWidget *
icon_button (const char *icon,
             const char *accessible,
             GCallback   callback,
             gpointer    self,
             WspRecord  *seat)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, accessible);
  wsp_accessible_set_label (button, accessible);
  if (seat != NULL)
    g_object_set_data_full (G_OBJECT (button), "seat", g_object_ref (seat), g_object_unref);
  g_signal_connect (button, "clicked", callback, self);
  return button;
}

/* @text with its first letter small, for the middle of a sentence. */
static char *
lower_first (const char *text)
{
  gunichar first = g_utf8_get_char (text);
  char buffer[6];
  int len = g_unichar_to_utf8 (g_unichar_tolower (first), buffer);

  return g_strdup_printf ("%.*s%s", len, buffer, g_utf8_next_char (text));
}

/* What is wrong with the composition, or NULL. */
const char *
wsp_council_overview_get_warning (WspCouncilOverview *self)
{
  g_return_val_if_fail (WSP_IS_COUNCIL_OVERVIEW (self), NULL);
  return self->warning;
}

static GtkWidget *
seat_row (WspCouncilOverview *self,
          WspSeatHolder      *holder,
          const char         *today,
          gboolean            with_side)
{
  WspRecord *seat = wsp_seat_holder_get_seat (holder);
  g_autofree char *what = wsp_seat_describe (seat, wsp_seat_holder_get_person (holder), today);
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
  if (!with_side)
    {
      /* Translators: a button's name for screen readers; %s is a member's name */
      g_autofree char *edit = g_strdup_printf (_("Edit the seat of %s"), wsp_seat_holder_get_name (holder));
      /* Translators: a button's name for screen readers; %s is a member's name */
      g_autofree char *leave = g_strdup_printf (_("Record that %s left the Council"), wsp_seat_holder_get_name (holder));

      adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon_button ("document-edit-symbolic", edit,
                                                                    G_CALLBACK (edit_seat_clicked_cb), self, seat));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon_button ("system-log-out-symbolic", leave,
                                                                    G_CALLBACK (leave_seat_clicked_cb), self, seat));
    }
  return row;
}

/* A vacant seat, as a row of its side: who left it, when and why. */
static GtkWidget *
vacancy_row (WspCouncilOverview *self,
             WspSeatHolder      *holder)
{
  WspRecord *seat = wsp_seat_holder_get_seat (holder);
  g_autofree char *since = wsp_gui_day_after (wsp_record_get_string (seat, "left_on"));
  g_autofree char *left = wsp_gui_format_date (since);
  g_autofree char *reason = wsp_seat_reason (seat);
  /* Translators: a vacant seat's second line: since when, after whom, why */
  g_autofree char *line = reason != NULL ? g_strdup_printf (_("Vacant since %s, after %s (%s)"), left,
                                                            wsp_seat_holder_get_name (holder), reason)
                                         : g_strdup_printf (_("Vacant since %s, after %s"), left,
                                                            wsp_seat_holder_get_name (holder));
  GtkWidget *row = wsp_gui_value_row (_("Vacant seat"), line);
  GtkWidget *fill = wsp_accessible_button_new (_("_Fill…"));
  /* Translators: a button's name for screen readers; %s is a member's name */
  g_autofree char *accessible = g_strdup_printf (_("Fill the seat %s left"), wsp_seat_holder_get_name (holder));

  gtk_widget_set_valign (fill, GTK_ALIGN_CENTER);
  wsp_accessible_set_label (fill, accessible);
  g_object_set_data_full (G_OBJECT (fill), "seat", g_object_ref (seat), g_object_unref);
  g_signal_connect (fill, "clicked", G_CALLBACK (fill_vacancy_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), fill);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
  gtk_widget_add_css_class (row, "warning");
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
  {
    g_autofree char *starts = wsp_gui_format_date (wsp_record_get_string (self->term, "starts_on"));
    g_autofree char *ends = wsp_gui_format_date (wsp_record_get_string (self->term, "ends_on"));

    /* Translators: the term's days, then its composition as Polish documents
     * give it: the local government side (strona samorządowa: the executive's
     * and the council's members) and the NGO side (strona pozarządowa) */
    g_autofree char *mayor = lower_first (side_label ("mayor"));
    g_autofree char *city_council = lower_first (side_label ("city_council"));
    g_autofree char *ngo = lower_first (wsp_side_group_label ("ngo"));

    summary = g_strdup_printf (_("%s – %s · %s %u (%s %u, %s %u) · %s %u"), starts, *ends != '\0' ? ends : "…",
                               wsp_side_group_label ("mayor"), composition.mayor + composition.city_council,
                               mayor, composition.mayor, city_council, composition.city_council,
                               ngo, composition.ngo);
  }
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
      guint limit = wsp_seat_list_get_absence_limit (self->current);
      g_autofree char *meetings = NULL;

      if (warning->len > 0)
        g_string_append_c (warning, '\n');
      /* Translators: how many meetings in a row, inserted into “%u members … %s …” below */
      meetings = g_strdup_printf (ngettext ("%u meeting", "%u meetings", limit), limit);
      g_string_append_printf (warning,
                              /* Translators: %u is a number of members, %s says how many meetings (“3 meetings”) */
                              ngettext ("%u member missed the last %s without an excuse: "
                                        "for the chair’s attention (art. 41g).",
                                        "%u members missed the last %s without an excuse: "
                                        "for the chair’s attention (art. 41g).",
                                        n_flagged),
                              n_flagged, meetings);
    }
  gtk_label_set_text (self->warning_label, warning->str);
  gtk_widget_set_visible (GTK_WIDGET (self->warning_label), warning->len > 0);
  if (warning->len > 0)
    self->warning = g_strdup (warning->str);

  for (const WspChoice *side = wsp_side_choices; side->name != NULL; side++)
    {
      AdwPreferencesGroup *group = wsp_detail_groups_add (&self->groups, side_label (side->name), NULL);
      /* Translators: a button's name; %s is a side of the Council (“NGO side”) */
      g_autofree char *add = g_strdup_printf (_("Fill a seat: %s"), side_label (side->name));
      GtkWidget *button = icon_button ("list-add-symbolic", add, G_CALLBACK (add_seat_clicked_cb), self, NULL);

      g_object_set_data (G_OBJECT (button), "side", (gpointer) side->name);
      adw_preferences_group_set_header_suffix (group, button);
      for (guint i = 0; i < n_current; i++)
        {
          g_autoptr (WspSeatHolder) holder = g_list_model_get_item (current, i);

          if (g_strcmp0 (wsp_record_get_string (wsp_seat_holder_get_seat (holder), "side"), side->name) == 0)
            adw_preferences_group_add (group, seat_row (self, holder, today, FALSE));
        }
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->vacant)); i++)
        {
          g_autoptr (WspSeatHolder) holder = g_list_model_get_item (G_LIST_MODEL (self->vacant), i);

          if (g_strcmp0 (wsp_record_get_string (wsp_seat_holder_get_seat (holder), "side"), side->name) == 0)
            adw_preferences_group_add (group, vacancy_row (self, holder));
        }
    }

  if (g_list_model_get_n_items (former) > 0)
    {
      AdwPreferencesGroup *group = wsp_detail_groups_add (&self->groups, _("Former Members"), NULL);

      for (guint i = 0; i < g_list_model_get_n_items (former); i++)
        {
          g_autoptr (WspSeatHolder) holder = g_list_model_get_item (former, i);
          adw_preferences_group_add (group, seat_row (self, holder, today, TRUE));
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
  if (term != NULL && self->term != NULL && g_strcmp0 (wsp_record_get_id (term), wsp_record_get_id (self->term)) != 0)
    wsp_gui_scroll_to_top (GTK_WIDGET (self->page));
  g_clear_object (&self->current);
  g_clear_object (&self->former);
  g_clear_object (&self->vacant);
  g_set_object (&self->store, store);
  g_set_object (&self->term, term);
  if (term != NULL)
    {
      /* Made first, the former members' and vacant seats' lists follow a
       * commit first: when the current list says it was updated, all are. */
      self->former = wsp_seat_list_new (store, WSP_SEATS_TERM_FORMER, wsp_record_get_id (term), today);
      self->vacant = wsp_seat_list_new (store, WSP_SEATS_TERM_VACANT, wsp_record_get_id (term), today);
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
  if (self->editor != NULL)
    gtk_window_destroy (self->editor);
  g_clear_object (&self->current);
  g_clear_object (&self->former);
  g_clear_object (&self->vacant);
  g_clear_object (&self->term);
  g_clear_object (&self->store);
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
  wsp_gui_wrap_button_labels (GTK_WIDGET (self));
  wsp_detail_groups_init (&self->groups, self->page);
  /* The sides are named after the executive the Council advises. */
  g_signal_connect_object (wsp_gui_get_settings (), "changed::executive", G_CALLBACK (render), self,
                           G_CONNECT_SWAPPED);
}
