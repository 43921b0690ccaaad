/* wsp-check-in-panel.c — checking the members in, with the quorum live
 *
 * Every member of the body on the day of the meeting, in one list (the
 * Council by side and role, the Forum by organisation, with its
 * representatives). One key marks the member chosen and moves to the next:
 * P (or 1) present, E (2) excused, A (3) absent, L left the room; Polish
 * has its own letters (O, U, N, W) and both work. The buttons of each row
 * do the same for the mouse. Arrival and departure times are recorded as
 * the keys are pressed. Above the list the quorum (from the rules in core:
 * present against required) changes the moment it is reached or lost, and
 * says so. Guests are listed apart and do not count.
 *
 * A held meeting's attendance is locked, so it is not changed by accident;
 * "Unlock to Correct" opens it until the view shows another meeting.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "domain/wsp-meetings.h"
#include "meetings/wsp-check-in-panel.h"
#include "meetings/wsp-meetings-util.h"
#include "records/wsp-records-meetings.h"
#include "store/wsp-record-list.h"
#include "widgets/wsp-gui-util.h"

struct _WspCheckInPanel
{
  AdwBin       parent_instance;

  WspStore    *store;
  char        *meeting_id;
  WspCheckIn  *check_in;
  GListModel  *guests;
  GPtrArray   *rows;            /* GtkListBoxRow, one per entry */
  char        *quorum_text;
  gboolean     quorum_known;
  gboolean     quorum_reached;

  GtkWidget   *quorum_box;
  GtkLabel    *quorum_label;
  GtkLevelBar *quorum_bar;
  GtkLabel    *counts_label;
  GtkWidget   *lock_box;
  GtkLabel    *lock_label;
  GtkWidget   *unlock_button;
  GtkLabel    *hint_label;
  GtkListBox  *list;
  GtkWidget   *rest_button;
  GtkEntry    *guest_entry;
  GtkEntry    *affiliation_entry;
  GtkWidget   *add_guest_button;
  GtkListBox  *guest_list;
};

G_DEFINE_FINAL_TYPE (WspCheckInPanel, wsp_check_in_panel, ADW_TYPE_BIN)

static const WspPresence presences[] = { WSP_PRESENCE_PRESENT, WSP_PRESENCE_EXCUSED, WSP_PRESENCE_ABSENT };

/* The letter that marks @presence, as the keys and the buttons say it. */
static const char *
presence_key (WspPresence presence)
{
  switch (presence)
    {
    /* Translators: the key that checks a member in as present (Polish: o, obecny) */
    case WSP_PRESENCE_PRESENT: return C_ ("check-in key: present", "p");
    /* Translators: the key that marks a member excused (Polish: u, usprawiedliwiony) */
    case WSP_PRESENCE_EXCUSED: return C_ ("check-in key: excused", "e");
    /* Translators: the key that marks a member absent (Polish: n, nieobecny) */
    case WSP_PRESENCE_ABSENT: return C_ ("check-in key: absent", "a");
    default: return "";
    }
}

/* Translators: the key that records that a member left the room (Polish: w, wyszedł) */
#define LEFT_KEY C_ ("check-in key: left the room", "l")

static char *
upper (const char *key)
{
  return g_utf8_strup (key, -1);
}

/* ---- the quorum ---------------------------------------------------------- */

static void
update_counts (WspCheckInPanel *self)
{
  WspQuorum quorum;
  g_autofree char *counts = NULL;
  g_autofree char *members = NULL;
  gboolean first = !self->quorum_known;

  if (self->check_in == NULL)
    return;
  wsp_check_in_get_quorum (self->check_in, &quorum);
  /* Translators: the end of the quorum line: "…, of 30 members" */
  members = g_strdup_printf (ngettext ("of %u member", "of %u members", quorum.members), quorum.members);
  g_free (self->quorum_text);
  if (quorum.members == 0)
    self->quorum_text = g_strdup (_("The body had no members on the day of the meeting."));
  else if (quorum.reached)
    /* Translators: %1$u present, %2$u needed for the quorum, %3$s "of 30 members" */
    self->quorum_text = g_strdup_printf (_("Quorum reached: %1$u present, %2$u needed, %3$s"), quorum.present,
                                         quorum.required, members);
  else
    /* Translators: %1$u present, %2$u needed for the quorum, %3$s "of 30 members" */
    self->quorum_text = g_strdup_printf (_("No quorum: %1$u present, %2$u needed, %3$s"), quorum.present,
                                         quorum.required, members);
  gtk_label_set_text (self->quorum_label, self->quorum_text);
  gtk_level_bar_set_value (self->quorum_bar, quorum.members > 0 ? (double) quorum.present / quorum.members : 0);
  if (quorum.reached)
    {
      gtk_widget_add_css_class (self->quorum_box, "wsp-quorum-reached");
      gtk_widget_remove_css_class (self->quorum_box, "wsp-quorum-missing");
    }
  else
    {
      gtk_widget_add_css_class (self->quorum_box, "wsp-quorum-missing");
      gtk_widget_remove_css_class (self->quorum_box, "wsp-quorum-reached");
    }

  /* Translators: the counts of a check-in; each %u a number of members */
  counts = g_strdup_printf (_("Present %1$u · Excused %2$u · Absent %3$u · Not marked %4$u"),
                            wsp_check_in_count (self->check_in, WSP_PRESENCE_PRESENT),
                            wsp_check_in_count (self->check_in, WSP_PRESENCE_EXCUSED),
                            wsp_check_in_count (self->check_in, WSP_PRESENCE_ABSENT),
                            wsp_check_in_count (self->check_in, WSP_PRESENCE_UNKNOWN));
  gtk_label_set_text (self->counts_label, counts);

  /* The moment it is reached or lost, it says so. */
  if (!first && quorum.reached != self->quorum_reached)
    {
      AdwToast *toast = adw_toast_new (quorum.reached ? _("Quorum reached") : _("Quorum lost"));

      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      adw_toast_set_timeout (toast, 3);
      wsp_gui_add_toast (GTK_WIDGET (self), toast);
    }
  self->quorum_known = TRUE;
  self->quorum_reached = quorum.reached;
}

/* ---- rows ---------------------------------------------------------------- */

static WspCheckInEntry *
row_entry (GtkWidget *row)
{
  return row != NULL ? g_object_get_data (G_OBJECT (row), "entry") : NULL;
}

static void
show_error (WspCheckInPanel *self,
            GError          *error)
{
  wsp_gui_show_error (GTK_WIDGET (self), error);
}

static gboolean
mark (WspCheckInPanel *self,
      WspCheckInEntry *entry,
      WspPresence      presence)
{
  g_autoptr (GError) error = NULL;

  if (!wsp_check_in_set_presence (self->check_in, entry, presence, NULL, &error))
    {
      show_error (self, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
mark_left (WspCheckInPanel *self,
           WspCheckInEntry *entry)
{
  g_autoptr (GError) error = NULL;

  if (!wsp_check_in_set_left (self->check_in, entry, NULL, &error))
    {
      show_error (self, error);
      return FALSE;
    }
  return TRUE;
}

static void
presence_clicked_cb (GtkButton       *button,
                     WspCheckInPanel *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);

  mark (self, row_entry (row), GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "presence")));
}

static void
left_clicked_cb (GtkButton       *button,
                 WspCheckInPanel *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);

  mark_left (self, row_entry (row));
}

/* "Present since 16:04", "Left at 17:40", "Excused", "Not marked yet" */
static char *
status_text (WspCheckInEntry *entry)
{
  WspRecord *attendance = wsp_check_in_entry_get_attendance (entry);
  g_autofree char *arrived = wsp_meetings_format_field_clock (attendance, "arrived_at");
  g_autofree char *left = wsp_meetings_format_field_clock (attendance, "left_at");

  switch (wsp_check_in_entry_get_presence (entry))
    {
    case WSP_PRESENCE_PRESENT:
      if (left != NULL)
        /* Translators: a member's check-in: %s the time they left */
        return g_strdup_printf (_("Left at %s"), left);
      if (arrived != NULL)
        /* Translators: a member's check-in: %s the time they came */
        return g_strdup_printf (_("Present since %s"), arrived);
      return g_strdup (C_ ("attendance", "Present"));
    case WSP_PRESENCE_EXCUSED:
      return g_strdup (C_ ("attendance", "Excused"));
    case WSP_PRESENCE_ABSENT:
      return g_strdup (C_ ("attendance", "Absent"));
    default:
      return g_strdup (_("Not marked yet"));
    }
}

static void
update_row (GtkWidget *row)
{
  WspCheckInEntry *entry = row_entry (row);
  GtkWidget *status = g_object_get_data (G_OBJECT (row), "status");
  GtkWidget *left = g_object_get_data (G_OBJECT (row), "left");
  WspPresence presence = wsp_check_in_entry_get_presence (entry);
  g_autofree char *text = status_text (entry);
  gboolean locked = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "locked"));
  g_autofree char *accessible = NULL;

  gtk_label_set_text (GTK_LABEL (status), text);
  for (guint i = 0; i < G_N_ELEMENTS (presences); i++)
    {
      GtkWidget *button = g_object_get_data (G_OBJECT (row), wsp_choice_name (wsp_presence_choices, presences[i]));

      if (presence == presences[i])
        gtk_widget_add_css_class (button, "suggested-action");
      else
        gtk_widget_remove_css_class (button, "suggested-action");
      gtk_widget_set_sensitive (button, !locked);
    }
  gtk_widget_set_visible (left, wsp_check_in_entry_is_in_the_room (entry) && !locked);
  if (presence == WSP_PRESENCE_PRESENT)
    gtk_widget_add_css_class (row, "wsp-present");
  else
    gtk_widget_remove_css_class (row, "wsp-present");
  /* Translators: how a screen reader says a member's row: name, then what was recorded */
  accessible = g_strdup_printf (C_ ("check-in row", "%1$s: %2$s"), wsp_check_in_entry_get_name (entry), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

static void
attendance_changed_cb (WspCheckInEntry *entry,
                       GParamSpec      *pspec,
                       GtkWidget       *row)
{
  update_row (row);
}

/* "Mayor’s side · Chair · Stowarzyszenie …", or the representatives. */
static char *
entry_detail (WspCheckInEntry *entry)
{
  WspRecord *seat = wsp_check_in_entry_get_seat (entry);
  WspRecord *organisation = wsp_check_in_entry_get_organisation (entry);
  WspRecord *person = wsp_check_in_entry_get_person (entry);
  g_autoptr (GPtrArray) parts = g_ptr_array_new ();
  const char *side = wsp_choice_label (wsp_side_choices, wsp_record_get_string (seat, "side"));
  const char *role = wsp_choice_label (wsp_role_choices, wsp_record_get_string (seat, "role"));

  if (wsp_check_in_entry_get_representatives (entry) != NULL)
    return g_strdup (wsp_check_in_entry_get_representatives (entry));
  if (side != NULL)
    g_ptr_array_add (parts, (gpointer) side);
  if (role != NULL && g_strcmp0 (wsp_record_get_string (seat, "role"), "member") != 0)
    g_ptr_array_add (parts, (gpointer) role);
  if (person != NULL && organisation != NULL)
    g_ptr_array_add (parts, (gpointer) wsp_record_get_string (organisation, "name"));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

static GtkWidget *
create_row (WspCheckInPanel *self,
            WspCheckInEntry *entry,
            gboolean         locked)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *name = gtk_label_new (wsp_check_in_entry_get_name (entry));
  g_autofree char *detail_text = entry_detail (entry);
  GtkWidget *detail = gtk_label_new (detail_text);
  GtkWidget *status = gtk_label_new (NULL);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *left;
  g_autofree char *left_key = upper (LEFT_KEY);
  g_autofree char *left_tip = NULL;

  /* The name and who stands for it take the whole width; what was
   * recorded and the buttons go on the line below. */
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  for (GtkWidget *l = name; l != NULL; l = l == name ? detail : l == detail ? status : NULL)
    {
      gtk_label_set_xalign (GTK_LABEL (l), 0);
      gtk_label_set_wrap (GTK_LABEL (l), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (l), PANGO_WRAP_WORD_CHAR);
    }
  gtk_widget_add_css_class (name, "heading");
  gtk_widget_add_css_class (detail, "caption");
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_add_css_class (status, "caption");
  gtk_widget_set_visible (detail, *detail_text != '\0');
  gtk_widget_set_hexpand (status, TRUE);
  gtk_widget_set_valign (status, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), detail);
  gtk_box_append (GTK_BOX (box), line);
  gtk_box_append (GTK_BOX (line), status);

  gtk_widget_add_css_class (buttons, "linked");
  gtk_widget_set_valign (buttons, GTK_ALIGN_CENTER);
  for (guint i = 0; i < G_N_ELEMENTS (presences); i++)
    {
      g_autofree char *key = upper (presence_key (presences[i]));
      const char *label = wsp_choice_label (wsp_presence_choices, wsp_choice_name (wsp_presence_choices, presences[i]));
      /* Translators: a check-in button's tooltip: "Present (P or 1)" */
      g_autofree char *tip = g_strdup_printf (_("%1$s (%2$s or %3$u)"), label, key, i + 1);
      GtkWidget *button = gtk_button_new_with_label (key);

      gtk_widget_set_tooltip_text (button, tip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      gtk_widget_set_focus_on_click (button, FALSE);
      g_object_set_data (G_OBJECT (button), "presence", GINT_TO_POINTER (presences[i]));
      g_signal_connect (button, "clicked", G_CALLBACK (presence_clicked_cb), self);
      gtk_box_append (GTK_BOX (buttons), button);
      g_object_set_data (G_OBJECT (row), wsp_choice_name (wsp_presence_choices, presences[i]), button);
    }
  left = gtk_button_new_from_icon_name ("system-log-out-symbolic");
  /* Translators: a check-in button's tooltip; %s the key */
  left_tip = g_strdup_printf (_("Left the room (%s)"), left_key);
  gtk_widget_set_tooltip_text (left, left_tip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (left), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Left the room"), -1);
  gtk_widget_set_valign (left, GTK_ALIGN_CENTER);
  gtk_widget_set_focus_on_click (left, FALSE);
  gtk_widget_add_css_class (left, "flat");
  g_signal_connect (left, "clicked", G_CALLBACK (left_clicked_cb), self);
  gtk_box_append (GTK_BOX (line), left);
  gtk_box_append (GTK_BOX (line), buttons);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  g_object_set_data_full (G_OBJECT (row), "entry", g_object_ref (entry), g_object_unref);
  g_object_set_data (G_OBJECT (row), "status", status);
  g_object_set_data (G_OBJECT (row), "left", left);
  g_object_set_data (G_OBJECT (row), "locked", GINT_TO_POINTER (locked));
  g_signal_connect_object (entry, "notify::attendance", G_CALLBACK (attendance_changed_cb), row, 0);
  update_row (row);
  return row;
}

static void
update_lock (WspCheckInPanel *self)
{
  gboolean locked = self->check_in == NULL || wsp_check_in_get_locked (self->check_in);
  WspRecord *meeting = self->check_in != NULL ? wsp_check_in_get_meeting (self->check_in) : NULL;
  WspMeetingStatus status = meeting != NULL ? wsp_meeting_get_status (meeting) : WSP_MEETING_PLANNED;

  gtk_widget_set_visible (self->lock_box, locked && meeting != NULL);
  gtk_widget_set_visible (self->unlock_button, status == WSP_MEETING_HELD);
  if (status == WSP_MEETING_HELD)
    gtk_label_set_text (self->lock_label, _("The meeting was held: its attendance is kept as it was recorded."));
  else if (status == WSP_MEETING_MINUTES_APPROVED)
    gtk_label_set_text (self->lock_label, _("The minutes are approved: the attendance can no longer change."));
  else
    gtk_label_set_text (self->lock_label, _("The meeting is cancelled: nobody is checked in."));
  gtk_widget_set_sensitive (self->rest_button, !locked);
  gtk_widget_set_sensitive (GTK_WIDGET (self->guest_entry), !locked);
  gtk_widget_set_sensitive (GTK_WIDGET (self->affiliation_entry), !locked);
  gtk_widget_set_sensitive (self->add_guest_button, !locked);
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);

      g_object_set_data (G_OBJECT (row), "locked", GINT_TO_POINTER (locked));
      update_row (row);
    }
}

static void
rebuild (WspCheckInPanel *self)
{
  gboolean locked = self->check_in == NULL || wsp_check_in_get_locked (self->check_in);
  guint n = self->check_in != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->check_in)) : 0;

  for (guint i = 0; i < self->rows->len; i++)
    gtk_list_box_remove (self->list, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (WspCheckInEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->check_in), i);
      GtkWidget *row = create_row (self, entry, locked);

      gtk_list_box_append (self->list, row);
      g_ptr_array_add (self->rows, row);
    }
}

static void
updated_cb (WspCheckInPanel *self)
{
  update_lock (self);
  update_counts (self);
}

/* ---- keys ---------------------------------------------------------------- */

static gboolean
is_key (guint       keyval,
        const char *letter)
{
  gunichar c = gdk_keyval_to_unicode (gdk_keyval_to_lower (keyval));

  return c != 0 && c == g_utf8_get_char (letter);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                WspCheckInPanel       *self)
{
  GtkWidget *row = gtk_widget_get_focus_child (GTK_WIDGET (self->list));
  WspCheckInEntry *entry = row_entry (row);
  static const char * const english[] = { "p", "e", "a" };
  gboolean done = FALSE;
  gboolean handled = FALSE;
  int index;

  if (entry == NULL || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (presences) && !handled; i++)
    /* The translated letter, the English one, or the number. */
    if (is_key (keyval, presence_key (presences[i])) || is_key (keyval, english[i])
        || keyval == GDK_KEY_1 + i || keyval == GDK_KEY_KP_1 + i)
      {
        handled = TRUE;
        done = mark (self, entry, presences[i]);
      }
  if (!handled && (is_key (keyval, LEFT_KEY) || is_key (keyval, "l")))
    {
      handled = TRUE;
      done = mark_left (self, entry);
    }
  if (!handled)
    return FALSE;
  /* On to the next member. */
  index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
  if (done)
    {
      GtkListBoxRow *next = gtk_list_box_get_row_at_index (self->list, index + 1);

      if (next != NULL)
        gtk_widget_grab_focus (GTK_WIDGET (next));
    }
  return TRUE;
}

/* ---- guests -------------------------------------------------------------- */

static void
remove_guest_cb (GtkButton       *button,
                 WspCheckInPanel *self)
{
  g_autoptr (WspRecord) guest = wsp_store_get (self->store, g_object_get_data (G_OBJECT (button), "guest-id"), NULL);
  g_autoptr (GError) error = NULL;

  if (guest != NULL && !wsp_store_delete (self->store, guest, &error))
    show_error (self, error);
}

static GtkWidget *
create_guest_row (gpointer item,
                  gpointer user_data)
{
  WspCheckInPanel *self = user_data;
  WspRecord *guest = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *arrived = wsp_meetings_format_field_clock (guest, "arrived_at");
  const char *affiliation = wsp_record_get_string (guest, "affiliation");
  g_autofree char *subtitle = NULL;

  if (arrived != NULL)
    /* Translators: a guest's line: organisation · arrival */
    subtitle = affiliation != NULL ? g_strdup_printf (_("%1$s · came at %2$s"), affiliation, arrived)
                                   : g_strdup_printf (_("came at %s"), arrived);
  else
    subtitle = g_strdup (affiliation);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), wsp_record_get_string (guest, "name"));
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove the Guest"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove the Guest"), -1);
  g_object_set_data_full (G_OBJECT (remove), "guest-id", g_strdup (wsp_record_get_id (guest)), g_free);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_guest_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  return row;
}

static void
add_guest_cb (WspCheckInPanel *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->guest_entry))));
  g_autofree char *affiliation = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->affiliation_entry))));
  g_autoptr (WspRecord) guest = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = wsp_meetings_format_time (now);
  g_autoptr (GError) error = NULL;

  if (*name == '\0' || self->meeting_id == NULL)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->guest_entry));
      return;
    }
  guest = WSP_RECORD (wsp_guest_new ());
  wsp_record_set_string (guest, "meeting_id", self->meeting_id);
  wsp_record_set_string (guest, "name", name);
  wsp_record_set_string (guest, "affiliation", *affiliation != '\0' ? affiliation : NULL);
  wsp_record_set_string (guest, "arrived_at", stamp);
  if (!wsp_store_save (self->store, guest, &error))
    {
      show_error (self, error);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->guest_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->affiliation_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->guest_entry));
}

/* ---- the meeting --------------------------------------------------------- */

static void
unlock_clicked_cb (WspCheckInPanel *self)
{
  if (self->check_in == NULL)
    return;
  wsp_check_in_set_unlocked (self->check_in, TRUE);
  update_lock (self);
}

static void
rest_clicked_cb (WspCheckInPanel *self)
{
  g_autoptr (GError) error = NULL;
  guint marked = 0;
  g_autofree char *text = NULL;

  if (self->check_in == NULL)
    return;
  if (!wsp_check_in_mark_rest (self->check_in, WSP_PRESENCE_ABSENT, &marked, &error))
    {
      show_error (self, error);
      return;
    }
  text = g_strdup_printf (ngettext ("%u member marked absent", "%u members marked absent", marked), marked);
  wsp_gui_add_toast (GTK_WIDGET (self), adw_toast_new (text));
}

void
wsp_check_in_panel_set_meeting (WspCheckInPanel *self,
                                WspStore        *store,
                                const char      *meeting_id)
{
  g_autofree char *hint = NULL;
  g_autofree char *p = NULL, *e = NULL, *a = NULL, *l = NULL;

  g_return_if_fail (WSP_IS_CHECK_IN_PANEL (self));

  if (self->check_in != NULL)
    g_signal_handlers_disconnect_by_data (self->check_in, self);
  g_clear_object (&self->check_in);
  gtk_list_box_bind_model (self->guest_list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->guests);
  g_set_object (&self->store, store);
  g_free (self->meeting_id);
  self->meeting_id = g_strdup (meeting_id);
  self->quorum_known = FALSE;
  if (store != NULL && meeting_id != NULL)
    {
      self->check_in = wsp_check_in_new (store, meeting_id);
      g_signal_connect_object (self->check_in, "items-changed", G_CALLBACK (rebuild), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->check_in, "quorum-changed", G_CALLBACK (update_counts), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->check_in, "updated", G_CALLBACK (updated_cb), self, G_CONNECT_SWAPPED);
      self->guests = G_LIST_MODEL (wsp_record_list_new (store, WSP_TYPE_GUEST, "meeting_id", meeting_id));
      gtk_list_box_bind_model (self->guest_list, self->guests, create_guest_row, self, NULL);
    }
  rebuild (self);
  update_lock (self);
  update_counts (self);

  p = upper (presence_key (WSP_PRESENCE_PRESENT));
  e = upper (presence_key (WSP_PRESENCE_EXCUSED));
  a = upper (presence_key (WSP_PRESENCE_ABSENT));
  l = upper (LEFT_KEY);
  /* Translators: the keys of the check-in; each %s a letter */
  hint = g_strdup_printf (_("Keys on the member chosen: %1$s present, %2$s excused, %3$s absent (or 1, 2, 3), %4$s "
                            "left the room; the next member is chosen by itself."),
                          p, e, a, l);
  gtk_label_set_text (self->hint_label, hint);
}

WspCheckIn *
wsp_check_in_panel_get_check_in (WspCheckInPanel *self)
{
  g_return_val_if_fail (WSP_IS_CHECK_IN_PANEL (self), NULL);
  return self->check_in;
}

GtkListBox *
wsp_check_in_panel_get_list (WspCheckInPanel *self)
{
  g_return_val_if_fail (WSP_IS_CHECK_IN_PANEL (self), NULL);
  return self->list;
}

/* What the quorum line says now. */
const char *
wsp_check_in_panel_get_quorum_text (WspCheckInPanel *self)
{
  g_return_val_if_fail (WSP_IS_CHECK_IN_PANEL (self), NULL);
  return self->quorum_text;
}

/* Whether the quorum line is shown as reached. */
gboolean
wsp_check_in_panel_get_quorum_shown_reached (WspCheckInPanel *self)
{
  g_return_val_if_fail (WSP_IS_CHECK_IN_PANEL (self), FALSE);
  return gtk_widget_has_css_class (self->quorum_box, "wsp-quorum-reached");
}

GtkWidget *
wsp_check_in_panel_get_unlock_button (WspCheckInPanel *self)
{
  g_return_val_if_fail (WSP_IS_CHECK_IN_PANEL (self), NULL);
  return self->unlock_button;
}

GtkWidget *
wsp_check_in_panel_get_guest_entry (WspCheckInPanel *self)
{
  g_return_val_if_fail (WSP_IS_CHECK_IN_PANEL (self), NULL);
  return GTK_WIDGET (self->guest_entry);
}

GtkWidget *
wsp_check_in_panel_get_add_guest_button (WspCheckInPanel *self)
{
  g_return_val_if_fail (WSP_IS_CHECK_IN_PANEL (self), NULL);
  return self->add_guest_button;
}

static void
wsp_check_in_panel_dispose (GObject *object)
{
  WspCheckInPanel *self = WSP_CHECK_IN_PANEL (object);

  if (self->check_in != NULL)
    g_signal_handlers_disconnect_by_data (self->check_in, self);
  if (self->guest_list != NULL)
    gtk_list_box_bind_model (self->guest_list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->check_in);
  g_clear_object (&self->guests);
  g_clear_object (&self->store);
  g_clear_pointer (&self->meeting_id, g_free);
  g_clear_pointer (&self->quorum_text, g_free);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (wsp_check_in_panel_parent_class)->dispose (object);
}

static void
wsp_check_in_panel_class_init (WspCheckInPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wsp_check_in_panel_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Wspolnie/meetings/wsp-check-in-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, WspCheckInPanel, quorum_box);
  gtk_widget_class_bind_template_child (widget_class, WspCheckInPanel, quorum_label);
  gtk_widget_class_bind_template_child (widget_class, WspCheckInPanel, quorum_bar);
  gtk_widget_class_bind_template_child (widget_class, WspCheckInPanel, counts_label);
  gtk_widget_class_bind_template_child (widget_class, WspCheckInPanel, lock_box);
  gtk_widget_class_bind_template_child (widget_class, WspCheckInPanel, lock_label);
  gtk_widget_class_bind_template_child (widget_class, WspCheckInPanel, unlock_button);
  gtk_widget_class_bind_template_child (widget_class, WspCheckInPanel, hint_label);
  gtk_widget_class_bind_template_child (widget_class, WspCheckInPanel, list);
  gtk_widget_class_bind_template_child (widget_class, WspCheckInPanel, rest_button);
  gtk_widget_class_bind_template_child (widget_class, WspCheckInPanel, guest_entry);
  gtk_widget_class_bind_template_child (widget_class, WspCheckInPanel, affiliation_entry);
  gtk_widget_class_bind_template_child (widget_class, WspCheckInPanel, add_guest_button);
  gtk_widget_class_bind_template_child (widget_class, WspCheckInPanel, guest_list);
  gtk_widget_class_bind_template_callback (widget_class, unlock_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, rest_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_guest_cb);
}

static void
wsp_check_in_panel_init (WspCheckInPanel *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  wsp_gui_wrap_button_labels (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->list), keys);
}
