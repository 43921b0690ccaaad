/* test-meetings-gui.c — the Meetings and Council views, driven as a person does
 *
 * Keys go to the focused widget through the X server's keyboard (XTEST);
 * buttons are clicked with gtk_widget_activate(). A secretary creates a
 * meeting in a room new to the register, builds and reorders its agenda,
 * sends the invitation (to a mail program the test stands in for, and the
 * calendar file is read back with libical), checks 30 members in by
 * keyboard (timing each key) and sees the quorum flip at the 15th, and
 * types notes for the minutes that another connection to the database
 * finds, and a new window shows, as after a restart.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define LIBICAL_GLIB_UNSTABLE_API 1

#include <gdk/x11/gdkx.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <glib/gstdio.h>
#include <libical-glib/libical-glib.h>
#include <string.h>
#include <X11/extensions/XTest.h>

#include "council/wsp-council-view.h"
#include "demo/wsp-demo.h"
#include "domain/wsp-agenda.h"
#include "domain/wsp-check-in.h"
#include "domain/wsp-meetings.h"
#include "meetings/wsp-agenda-item-editor.h"
#include "meetings/wsp-invitation-dialog.h"
#include "meetings/wsp-meeting-editor.h"
#include "meetings/wsp-meetings-view.h"
#include "meetings/wsp-rooms-dialog.h"
#include "records/wsp-records-meetings.h"
#include "records/wsp-records-votes.h"
#include "wsp-application.h"
#include "wsp-test-gui.h"
#include "wsp-test-util.h"
#include "wsp-window.h"

static WspApplication *app;
static char *tmp;
static char *mail_out;

typedef struct
{
  char            *dir;
  char            *path;
  WspStore        *store;
  WspWindow       *window;
  WspMeetingsPage *page;
} Fixture;

/* ---- waiting ------------------------------------------------------------- */

typedef gboolean (*Condition) (gpointer data);

static gboolean
wait_until (Condition cond,
            gpointer  data,
            guint     seconds)
{
  gint64 end = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  while (!cond (data) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE) || (g_usleep (1000), TRUE);
  return cond (data);
}

static gboolean
timed_out (gpointer data)
{
  return FALSE;
}

/* Clicks @button: a button says it was clicked a moment after it is
 * pressed, as it shows itself pressed. */
static void
click (GtkWidget *button)
{
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_true (gtk_widget_is_visible (button));
  gtk_widget_activate (button);
  wait_until (timed_out, NULL, 0);
  {
    gint64 end = g_get_monotonic_time () + 400 * 1000;

    while (g_get_monotonic_time () < end)
      g_main_context_iteration (NULL, FALSE) || (g_usleep (1000), TRUE);
  }
}

static void
settle (Fixture *f)
{
  wsp_test_settle (GTK_WIDGET (f->window));
}

static GtkWindow *
find_toplevel (GType type)
{
  g_autoptr (GListModel) toplevels = g_object_ref (gtk_window_get_toplevels ());

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

/* The focus is in @widget or inside it. */
static gboolean
focus_within (GtkWindow *window,
              GtkWidget *widget)
{
  GtkWidget *focus = gtk_window_get_focus (window);

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* ---- the fixture --------------------------------------------------------- */

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  f->dir = g_dir_make_tmp ("wsp-meetings-gui-XXXXXX", NULL);
  f->path = g_build_filename (f->dir, "demo.sqlite3", NULL);
  f->store = wsp_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (wsp_demo_fill (f->store, &error));
  g_assert_no_error (error);
  f->window = wsp_window_new (GTK_APPLICATION (app), f->store);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 860);
  wsp_test_focus_window (GTK_WINDOW (f->window));
  f->page = wsp_meetings_view_get_page (WSP_MEETINGS_VIEW (wsp_window_get_view (f->window, "meetings")));
  settle (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->window != NULL)
    gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->store);
  wsp_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static WspRecord *
forum (Fixture *f)
{
  WspRecord *body = wsp_membership_find_body (f->store, "forum", NULL);

  g_assert_nonnull (body);
  return body;
}

/* A Forum meeting today, invited, with the standard agenda: the one the
 * secretary has in the room. */
static char *
meeting_today (Fixture *f)
{
  g_autoptr (WspRecord) body = forum (f);
  g_autoptr (WspRecord) meeting = WSP_RECORD (wsp_meeting_new ());
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GDateTime) start = g_date_time_add_minutes (now, -5);
  g_autofree char *starts = wsp_meetings_format_time (start);
  g_autoptr (GError) error = NULL;

  wsp_record_set_string (meeting, "body_id", wsp_record_get_id (body));
  wsp_record_set_string (meeting, "starts_at", starts);
  wsp_record_set_int (meeting, "number", 65);
  wsp_record_set_string (meeting, "status", "invited");
  g_assert_true (wsp_store_save (f->store, meeting, &error));
  g_assert_true (wsp_agenda_add_standard_items (f->store, meeting, NULL, &error));
  g_assert_no_error (error);
  return g_strdup (wsp_record_get_id (meeting));
}

static WspMeetingDetail *
open_meeting (Fixture    *f,
              const char *meeting_id,
              const char *page)
{
  WspMeetingDetail *detail = wsp_meetings_page_get_detail (f->page);

  g_assert_true (wsp_meetings_page_select (f->page, meeting_id));
  wsp_meeting_detail_show_page (detail, page);
  settle (f);
  return detail;
}

/* ---- a meeting with a room ----------------------------------------------- */

static gboolean
rooms_dialog_shown (gpointer data)
{
  return find_toplevel (WSP_TYPE_ROOMS_DIALOG) != NULL;
}

static guint
count_rooms_named (WspStore   *store,
                   const char *name)
{
  g_autoptr (GPtrArray) rooms = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = 0;

  g_assert_true (wsp_store_query (store, WSP_TYPE_ROOM, NULL, NULL, rooms, NULL));
  for (guint i = 0; i < rooms->len; i++)
    n += g_strcmp0 (wsp_record_get_string (g_ptr_array_index (rooms, i), "name"), name) == 0;
  return n;
}

/* Alt+1, Ctrl+N: the editor; the date, the times by keys; Rooms… adds a
 * room (typed, then Add Room), which the room chooser then offers and the
 * keys choose; Ctrl+S saves. The new meeting has the next number, the room
 * and its place, and comes first in the list, as the next one. */
static void
test_create_meeting_with_room (Fixture       *f,
                               gconstpointer  data)
{
  WspMeetingEditor *editor;
  WspRoomsDialog *rooms;
  GtkWidget *room_row;
  g_autoptr (GPtrArray) meetings = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (WspRecord) body = forum (f);
  g_autoptr (WspRecord) first = NULL;
  WspRecord *created = NULL;
  guint before = wsp_store_count (f->store, WSP_TYPE_MEETING);
  guint wanted;

  wsp_test_press (GTK_WINDOW (f->window), "<Alt>1");
  g_assert_cmpstr (wsp_window_get_visible_view (f->window), ==, "meetings");
  wsp_test_press (GTK_WINDOW (f->window), "<Control>n");
  editor = WSP_MEETING_EDITOR (wsp_meetings_page_get_dialog (f->page));
  g_assert_true (WSP_IS_MEETING_EDITOR (editor));
  wsp_test_focus_window (GTK_WINDOW (editor));

  /* The date is where the typing goes first; Tab goes on to the times. */
  wsp_test_press (GTK_WINDOW (editor), "<Control>a");
  wsp_test_type (GTK_WINDOW (editor), "14.01.2027");
  wsp_test_press (GTK_WINDOW (editor), "Tab");
  wsp_test_press (GTK_WINDOW (editor), "<Control>a");
  wsp_test_type (GTK_WINDOW (editor), "17:30");
  wsp_test_press (GTK_WINDOW (editor), "Tab");
  wsp_test_press (GTK_WINDOW (editor), "<Control>a");
  wsp_test_type (GTK_WINDOW (editor), "19:45");

  /* Rooms…: a new room, typed and added with the button. */
  click (wsp_meeting_editor_get_rooms_button (editor));
  g_assert_true (wait_until (rooms_dialog_shown, NULL, 5));
  rooms = WSP_ROOMS_DIALOG (find_toplevel (WSP_TYPE_ROOMS_DIALOG));
  wsp_test_focus_window (GTK_WINDOW (rooms));
  g_assert_true (focus_within (GTK_WINDOW (rooms), wsp_rooms_dialog_get_name_row (rooms)));
  wsp_test_type (GTK_WINDOW (rooms), "Dom Kultury, sala 5");
  wsp_test_press (GTK_WINDOW (rooms), "Tab");
  wsp_test_type (GTK_WINDOW (rooms), "ul. Hutnicza 7");
  click (wsp_rooms_dialog_get_add_button (rooms));
  g_assert_cmpuint (count_rooms_named (f->store, "Dom Kultury, sala 5"), ==, 1);
  wsp_test_press (GTK_WINDOW (rooms), "Escape");
  g_assert_null (find_toplevel (WSP_TYPE_ROOMS_DIALOG));

  /* The chooser has it now (rooms by name, after "None of the rooms"):
   * Enter opens it, Down reaches it, Enter takes it. */
  wsp_test_focus_window (GTK_WINDOW (editor));
  room_row = wsp_meeting_editor_get_room_row (editor);
  wanted = 0;
  {
    GListModel *names = adw_combo_row_get_model (ADW_COMBO_ROW (room_row));

    for (guint i = 0; i < g_list_model_get_n_items (names); i++)
      if (g_str_has_prefix (gtk_string_list_get_string (GTK_STRING_LIST (names), i), "Dom Kultury"))
        wanted = i;
  }
  g_assert_cmpuint (wanted, >, 0);
  gtk_widget_grab_focus (room_row);
  wsp_test_press (GTK_WINDOW (editor), "Return");
  for (guint i = 0; i < wanted; i++)
    wsp_test_press (GTK_WINDOW (editor), "Down");
  wsp_test_press (GTK_WINDOW (editor), "Return");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (room_row)), ==, wanted);

  g_object_ref (editor);
  wsp_test_press (GTK_WINDOW (editor), "<Control>s");
  g_assert_cmpstr (wsp_meeting_editor_get_problem (editor), ==, NULL);
  g_object_unref (editor);
  g_assert_null (find_toplevel (WSP_TYPE_MEETING_EDITOR));

  g_assert_cmpuint (wsp_store_count (f->store, WSP_TYPE_MEETING), ==, before + 1);
  g_assert_true (wsp_store_query (f->store, WSP_TYPE_MEETING, "body_id", wsp_record_get_id (body), meetings, NULL));
  for (guint i = 0; i < meetings->len; i++)
    if (g_str_has_prefix (wsp_record_get_string (g_ptr_array_index (meetings, i), "starts_at"), "2027-01-14T17:30"))
      created = g_ptr_array_index (meetings, i);
  g_assert_nonnull (created);
  g_assert_cmpint (wsp_record_get_int (created, "number"), ==, 65);
  g_assert_cmpstr (wsp_record_get_string (created, "place"), ==, "Dom Kultury, sala 5, ul. Hutnicza 7");
  g_assert_nonnull (wsp_record_get_string (created, "room_id"));
  g_assert_true (g_str_has_prefix (wsp_record_get_string (created, "ends_at"), "2027-01-14T19:45"));
  g_assert_cmpstr (wsp_record_get_string (created, "status"), ==, "planned");

  /* It is the one shown, and the first of the list: the next meeting. */
  g_assert_cmpstr (wsp_meeting_detail_get_meeting_id (wsp_meetings_page_get_detail (f->page)), ==,
                   wsp_record_get_id (created));
  first = g_list_model_get_item (wsp_meetings_page_get_model (f->page), 0);
  g_assert_cmpstr (wsp_record_get_id (first), ==, wsp_record_get_id (created));
  wsp_test_shot (GTK_WIDGET (f->window), "meetings-new");
}

/* ---- the agenda ---------------------------------------------------------- */

static void
pump_ms (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE) || (g_usleep (1000), TRUE);
}

/* Where (@x, @y) of @widget is on the screen. */
static void
screen_point (GtkWidget *widget,
              double     x,
              double     y,
              int       *sx,
              int       *sy)
{
  GtkNative *native = gtk_widget_get_native (widget);
  GdkSurface *surface = gtk_native_get_surface (native);
  Display *xdisplay = gdk_x11_display_get_xdisplay (gdk_surface_get_display (surface));
  graphene_point_t point;
  double nx, ny;
  int rx, ry;
  Window child;

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native), &GRAPHENE_POINT_INIT (x, y), &point));
  gtk_native_get_surface_transform (native, &nx, &ny);
  XTranslateCoordinates (xdisplay, gdk_x11_surface_get_xid (surface), DefaultRootWindow (xdisplay), 0, 0, &rx, &ry,
                         &child);
  *sx = rx + (int) (point.x + nx);
  *sy = ry + (int) (point.y + ny);
}

/* Drags @from with the display's pointer onto @to, at @fraction of its
 * height, and lets go, as a hand on a mouse does. */
static void
drag (GtkWidget *from,
      GtkWidget *to,
      double     fraction)
{
  Display *xdisplay = gdk_x11_display_get_xdisplay (gtk_widget_get_display (from));
  int x0, y0, x1, y1;

  screen_point (from, gtk_widget_get_width (from) / 3.0, gtk_widget_get_height (from) / 2.0, &x0, &y0);
  screen_point (to, gtk_widget_get_width (to) / 3.0, gtk_widget_get_height (to) * fraction, &x1, &y1);
  XTestFakeMotionEvent (xdisplay, -1, x0, y0, CurrentTime);
  XSync (xdisplay, False);
  pump_ms (100);
  XTestFakeButtonEvent (xdisplay, 1, True, CurrentTime);
  XSync (xdisplay, False);
  pump_ms (100);
  for (int i = 1; i <= 20; i++)
    {
      XTestFakeMotionEvent (xdisplay, -1, x0 + (x1 - x0) * i / 20, y0 + (y1 - y0) * i / 20, CurrentTime);
      XSync (xdisplay, False);
      pump_ms (30);
    }
  pump_ms (200);
  XTestFakeButtonEvent (xdisplay, 1, False, CurrentTime);
  XSync (xdisplay, False);
  pump_ms (400);
}

static gboolean
item_editor_shown (gpointer data)
{
  return find_toplevel (WSP_TYPE_AGENDA_ITEM_EDITOR) != NULL;
}

static GtkListBoxRow *
agenda_row (WspAgendaEditor *agenda,
            int              index)
{
  return gtk_list_box_get_row_at_index (wsp_agenda_editor_get_list (agenda), index);
}

/* The titles the rows show, in order ("1. A|2. B"). */
static char *
row_titles (WspAgendaEditor *agenda)
{
  g_autoptr (GString) out = g_string_new (NULL);

  for (int i = 0; agenda_row (agenda, i) != NULL; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? "|" : "",
                            adw_preferences_row_get_title (ADW_PREFERENCES_ROW (agenda_row (agenda, i))));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Standard Items, Add Item (typed, Enter), then Alt+Up and Alt+Down on the
 * item chosen: the rows, the store and the focus follow; a drop on the
 * lower half of a row puts the item after it; Delete takes it off. */
static void
test_build_and_reorder_agenda (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr (WspRecord) body = forum (f);
  g_autoptr (WspRecord) meeting = WSP_RECORD (wsp_meeting_new ());
  g_autoptr (GError) error = NULL;
  WspMeetingDetail *detail;
  WspAgendaEditor *agenda;
  GtkWindow *item_editor;
  g_autofree char *titles = NULL;
  g_autofree char *shown = NULL;

  wsp_record_set_string (meeting, "body_id", wsp_record_get_id (body));
  wsp_record_set_string (meeting, "starts_at", "2027-01-14T17:00:00+01:00");
  wsp_record_set_int (meeting, "number", 65);
  g_assert_true (wsp_store_save (f->store, meeting, &error));
  detail = open_meeting (f, wsp_record_get_id (meeting), "agenda");
  agenda = wsp_meeting_detail_get_agenda (detail);
  g_assert_null (agenda_row (agenda, 0));

  click (wsp_agenda_editor_get_standard_button (agenda));
  g_assert_nonnull (agenda_row (agenda, 5));
  g_assert_null (agenda_row (agenda, 6));

  click (wsp_agenda_editor_get_add_button (agenda));
  g_assert_true (wait_until (item_editor_shown, NULL, 5));
  item_editor = find_toplevel (WSP_TYPE_AGENDA_ITEM_EDITOR);
  wsp_test_focus_window (item_editor);
  wsp_test_type (item_editor, "Konkursy 2027");
  wsp_test_press (item_editor, "Return");
  g_assert_null (find_toplevel (WSP_TYPE_AGENDA_ITEM_EDITOR));
  wsp_test_focus_window (GTK_WINDOW (f->window));

  titles = wsp_agenda_editor_dup_titles (agenda);
  g_assert_true (g_str_has_suffix (titles, "|Closing of the meeting|Konkursy 2027"));
  /* Its planned start follows from the meeting's and the items' before. */
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (agenda_row (agenda, 6))), "17:40"));

  /* The item chosen (a click puts the focus on it) goes up twice. */
  gtk_widget_grab_focus (GTK_WIDGET (agenda_row (agenda, 6)));
  wsp_test_press (GTK_WINDOW (f->window), "<Alt>Up");
  wsp_test_press (GTK_WINDOW (f->window), "<Alt>Up");
  g_clear_pointer (&titles, g_free);
  titles = wsp_agenda_editor_dup_titles (agenda);
  g_assert_cmpstr (titles, ==, "Opening of the meeting|Confirmation of the quorum|Adoption of the agenda|"
                               "Approval of the minutes of the previous meeting|Konkursy 2027|"
                               "Any other business|Closing of the meeting");
  g_assert_true (focus_within (GTK_WINDOW (f->window), GTK_WIDGET (agenda_row (agenda, 4))));
  shown = row_titles (agenda);
  g_assert_true (strstr (shown, "5. Konkursy 2027|6. Any other business") != NULL);
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (agenda_row (agenda, 4))), "17:20"));

  /* Down once, Up once: back where it was; the first item does not go up. */
  wsp_test_press (GTK_WINDOW (f->window), "<Alt>Down");
  g_assert_true (focus_within (GTK_WINDOW (f->window), GTK_WIDGET (agenda_row (agenda, 5))));
  wsp_test_press (GTK_WINDOW (f->window), "<Alt>Up");
  g_assert_true (focus_within (GTK_WINDOW (f->window), GTK_WIDGET (agenda_row (agenda, 4))));
  gtk_widget_grab_focus (GTK_WIDGET (agenda_row (agenda, 0)));
  wsp_test_press (GTK_WINDOW (f->window), "<Alt>Up");
  g_clear_pointer (&titles, g_free);
  titles = wsp_agenda_editor_dup_titles (agenda);
  g_assert_true (g_str_has_prefix (titles, "Opening of the meeting|Confirmation"));

  /* Dragged with the pointer onto the lower half of the first row: second. */
  drag (GTK_WIDGET (agenda_row (agenda, 4)), GTK_WIDGET (agenda_row (agenda, 0)), 0.8);
  {
    g_autoptr (GPtrArray) items = wsp_agenda_items (f->store, wsp_record_get_id (meeting), NULL);

    g_assert_cmpstr (wsp_record_get_string (g_ptr_array_index (items, 1), "title"), ==, "Konkursy 2027");
  }
  wsp_test_shot (GTK_WIDGET (f->window), "meetings-agenda");

  /* Delete on the item chosen takes it off. */
  gtk_widget_grab_focus (GTK_WIDGET (agenda_row (agenda, 1)));
  wsp_test_press (GTK_WINDOW (f->window), "Delete");
  g_clear_pointer (&titles, g_free);
  titles = wsp_agenda_editor_dup_titles (agenda);
  g_assert_null (strstr (titles, "Konkursy"));
  g_assert_nonnull (agenda_row (agenda, 5));
  g_assert_null (agenda_row (agenda, 6));
}

/* ---- invitations --------------------------------------------------------- */

static gboolean
invitation_dialog_shown (gpointer data)
{
  return find_toplevel (WSP_TYPE_INVITATION_DIALOG) != NULL;
}

static gboolean
mail_written (gpointer data)
{
  return g_file_test (mail_out, G_FILE_TEST_EXISTS);
}

static gboolean
invitation_recorded (gpointer data)
{
  Fixture *f = data;

  return wsp_store_count (f->store, WSP_TYPE_INVITATION_SENT) > 0;
}

typedef struct
{
  char    *text;
  gboolean done;
} ClipboardRead;

static void
clipboard_read_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  ClipboardRead *read = user_data;

  read->text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
  read->done = TRUE;
}

static gboolean
clipboard_done (gpointer data)
{
  return ((ClipboardRead *) data)->done;
}

/* Invite…: the Forum has no officer with an address, so the sender is
 * typed (and kept); Open in Mail Program hands the mail program a message
 * to the members, writes the calendar file (which libical reads as a
 * request for the meeting, with every member invited), records the
 * invitation and marks the meeting invited. Copy Text puts the e-mail on
 * the clipboard and records that too. */
static void
test_send_invitation (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *meeting_id = meeting_today (f);
  g_autoptr (WspRecord) meeting = NULL;
  g_autoptr (GPtrArray) sent = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *calendar = NULL;
  g_auto (GStrv) recipients = NULL;
  WspMeetingDetail *detail;
  WspInvitationDialog *dialog;
  ICalComponent *root, *event;
  g_autoptr (GError) error = NULL;

  g_unlink (mail_out);
  /* Planned: the invitation marks it invited. */
  meeting = wsp_store_get (f->store, meeting_id, NULL);
  g_assert_true (wsp_meetings_set_status (f->store, meeting, WSP_MEETING_PLANNED, &error));
  g_clear_object (&meeting);
  detail = open_meeting (f, meeting_id, "agenda");

  click (wsp_meeting_detail_get_invite_button (detail));
  g_assert_true (wait_until (invitation_dialog_shown, NULL, 5));
  dialog = WSP_INVITATION_DIALOG (find_toplevel (WSP_TYPE_INVITATION_DIALOG));
  g_assert_nonnull (wsp_invitation_dialog_get_problem (dialog));
  g_assert_false (gtk_widget_get_sensitive (wsp_invitation_dialog_get_send_button (dialog)));

  wsp_test_focus_window (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (wsp_invitation_dialog_get_sender_row (dialog));
  wsp_test_type (GTK_WINDOW (dialog), "biuro@ngo.pl");
  wsp_test_press (GTK_WINDOW (dialog), "Return");
  g_assert_null (wsp_invitation_dialog_get_problem (dialog));
  {
    g_autofree char *kept = g_settings_get_string (wsp_application_get_settings (app), "secretariat-email");
    g_assert_cmpstr (kept, ==, "biuro@ngo.pl");
  }

  click (wsp_invitation_dialog_get_send_button (dialog));
  g_assert_true (wait_until (mail_written, NULL, 10));
  g_assert_true (wait_until (invitation_recorded, f, 10));
  g_assert_true (g_file_get_contents (mail_out, &uri, NULL, NULL));
  g_assert_true (g_str_has_prefix (uri, "mailto:"));
  g_assert_nonnull (strstr (uri, "subject=Invitation"));
  g_assert_nonnull (strstr (uri, "attach=file"));

  /* The calendar file: a request for this meeting, every member invited. */
  g_assert_true (g_file_get_contents (wsp_invitation_dialog_get_calendar_path (dialog), &calendar, NULL, NULL));
  root = i_cal_parser_parse_string (calendar);
  g_assert_nonnull (root);
  g_assert_cmpint (i_cal_component_get_method (root), ==, I_CAL_METHOD_REQUEST);
  event = i_cal_component_get_first_component (root, I_CAL_VEVENT_COMPONENT);
  g_assert_nonnull (event);
  g_assert_true (g_str_has_prefix (i_cal_component_get_uid (event), meeting_id));
  sent = wsp_meetings_invitations (f->store, meeting_id, NULL);
  g_assert_cmpuint (sent->len, ==, 1);
  recipients = wsp_record_dup_list (g_ptr_array_index (sent, 0), "recipients");
  g_assert_cmpuint (g_strv_length (recipients), >=, 20);
  g_assert_cmpint (i_cal_component_count_properties (event, I_CAL_ATTENDEE_PROPERTY), ==, g_strv_length (recipients));
  g_assert_cmpstr (wsp_record_get_string (g_ptr_array_index (sent, 0), "channel"), ==, "mail_client");
  g_object_unref (event);
  g_object_unref (root);
  meeting = wsp_store_get (f->store, meeting_id, NULL);
  g_assert_cmpstr (wsp_record_get_string (meeting, "status"), ==, "invited");

  /* Copy Text: the e-mail is on the clipboard, and that is recorded. */
  click (wsp_invitation_dialog_get_copy_button (dialog));
  {
    ClipboardRead read = { 0 };

    gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (dialog)), NULL, clipboard_read_cb, &read);
    g_assert_true (wait_until (clipboard_done, &read, 5));
    g_assert_nonnull (read.text);
    g_assert_true (g_str_has_prefix (read.text, "Subject: Invitation"));
    g_free (read.text);
  }
  g_clear_pointer (&sent, g_ptr_array_unref);
  sent = wsp_meetings_invitations (f->store, meeting_id, NULL);
  g_assert_cmpuint (sent->len, ==, 2);
  wsp_test_shot (GTK_WIDGET (dialog), "meetings-invitation");
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* The print menu's documents, as the file chooser's answer saves them. */
  {
    static const char * const documents[][2] = {
      { "agenda", "agenda.pdf" }, { "agenda", "agenda.odt" },
      { "attendance-list", "list.pdf" }, { "attendance-list", "list.odt" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
      {
        g_autofree char *path = g_build_filename (f->dir, documents[i][1], NULL);
        g_autofree char *contents = NULL;
        gsize length = 0;

        g_assert_true (wsp_meeting_detail_save_document (detail, documents[i][0], path, &error));
        g_assert_no_error (error);
        g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
        g_assert_cmpuint (length, >, 1000);
        g_assert_true (g_str_has_suffix (path, ".pdf") ? g_str_has_prefix (contents, "%PDF")
                                                       : g_str_has_prefix (contents, "PK"));
      }
  }
}

/* ---- check-in ------------------------------------------------------------ */

typedef struct
{
  GtkWindow       *window;
  WspCheckInEntry *entry;
  WspPresence      presence;
  GtkWidget       *next_row;  /* NULL for the last */
} KeyDone;

static gboolean
key_done (gpointer data)
{
  KeyDone *done = data;

  return wsp_check_in_entry_get_presence (done->entry) == done->presence
         && (done->next_row == NULL || focus_within (done->window, done->next_row));
}

/* Presses @keysym on the display's keyboard and waits until @cond holds:
 * how long it took, in microseconds. */
static gint64
press_and_wait (GtkWindow *window,
                guint      keysym,
                Condition  cond,
                gpointer   data)
{
  Display *xdisplay = gdk_x11_display_get_xdisplay (gtk_widget_get_display (GTK_WIDGET (window)));
  KeyCode code = XKeysymToKeycode (xdisplay, keysym);
  gint64 start = g_get_monotonic_time ();

  g_assert_cmpuint (code, !=, 0);
  XTestFakeKeyEvent (xdisplay, code, True, CurrentTime);
  XTestFakeKeyEvent (xdisplay, code, False, CurrentTime);
  XSync (xdisplay, False);
  g_assert_true (wait_until (cond, data, 5));
  return g_get_monotonic_time () - start;
}

/* The secretary in the room: the first member chosen, then one key per
 * member, thirty of them, the focus going on by itself. The quorum (15 of
 * 30) is not there after the 14th present and is there the moment the
 * 15th is checked in; a member leaving loses it, coming back regains it.
 * Each key is timed, from the press to the record saved and the next
 * member chosen. */
static void
test_check_in_thirty_by_keyboard (Fixture       *f,
                                  gconstpointer  data)
{
  g_autofree char *meeting_id = meeting_today (f);
  WspMeetingDetail *detail = open_meeting (f, meeting_id, "check-in");
  WspCheckInPanel *panel = wsp_meeting_detail_get_check_in (detail);
  GtkListBox *list = wsp_check_in_panel_get_list (panel);
  WspCheckIn *check_in = wsp_check_in_panel_get_check_in (panel);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (check_in));
  gint64 total = 0, slowest = 0;
  guint present = 0;
  WspQuorum quorum;

  g_assert_cmpuint (n, ==, 30);
  wsp_check_in_get_quorum (check_in, &quorum);
  g_assert_cmpuint (quorum.required, ==, 15);
  g_assert_false (wsp_check_in_panel_get_quorum_shown_reached (panel));

  gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0)));
  for (guint i = 0; i < n; i++)
    {
      /* Present, present, excused, present, absent, …, and one "1": 19 present. */
      static const guint pattern[] = { GDK_KEY_p, GDK_KEY_p, GDK_KEY_e, GDK_KEY_p, GDK_KEY_a };
      guint keysym = i == 17 ? GDK_KEY_1 : pattern[i % G_N_ELEMENTS (pattern)];
      g_autoptr (WspCheckInEntry) entry = g_list_model_get_item (G_LIST_MODEL (check_in), i);
      KeyDone done = { GTK_WINDOW (f->window), entry,
                       keysym == GDK_KEY_e ? WSP_PRESENCE_EXCUSED
                       : keysym == GDK_KEY_a ? WSP_PRESENCE_ABSENT : WSP_PRESENCE_PRESENT,
                       i + 1 < n ? GTK_WIDGET (gtk_list_box_get_row_at_index (list, (int) i + 1)) : NULL };
      gint64 took;

      g_assert_true (focus_within (GTK_WINDOW (f->window), GTK_WIDGET (gtk_list_box_get_row_at_index (list, (int) i))));
      took = press_and_wait (GTK_WINDOW (f->window), keysym, key_done, &done);
      total += took;
      slowest = MAX (slowest, took);
      if (done.presence == WSP_PRESENCE_PRESENT)
        present++;
      /* The quorum shown flips at the 15th present, not before. */
      g_assert_cmpint (wsp_check_in_panel_get_quorum_shown_reached (panel), ==, present >= 15);
      if (present == 14 && done.presence == WSP_PRESENCE_PRESENT)
        g_assert_true (g_str_has_prefix (wsp_check_in_panel_get_quorum_text (panel), "No quorum: 14 present, 15 needed"));
      if (present == 15 && done.presence == WSP_PRESENCE_PRESENT)
        g_assert_true (g_str_has_prefix (wsp_check_in_panel_get_quorum_text (panel), "Quorum reached: 15 present"));
    }
  g_assert_cmpuint (present, ==, 19);
  g_assert_cmpuint (wsp_check_in_count (check_in, WSP_PRESENCE_EXCUSED), ==, 5);
  g_assert_cmpuint (wsp_check_in_count (check_in, WSP_PRESENCE_ABSENT), ==, 6);
  g_assert_cmpuint (wsp_check_in_count (check_in, WSP_PRESENCE_UNKNOWN), ==, 0);
  g_test_message ("check-in: %u members by keyboard, %.1f ms a key on average, %.1f ms the slowest", n,
                  total / 1000.0 / n, slowest / 1000.0);
  g_print ("# check-in of %u members: %.1f ms a key on average, %.1f ms the slowest\n", n, total / 1000.0 / n,
           slowest / 1000.0);
  wsp_test_shot (GTK_WIDGET (f->window), "meetings-check-in");

  /* On the run sheet, a member present is recused from the first item:
   * its quorum no longer counts them. */
  {
    WspRunSheet *sheet = wsp_meeting_detail_get_run_sheet (detail);
    GtkMenuButton *recusals;
    GtkWidget *box, *first_check;
    g_autoptr (GPtrArray) items = wsp_agenda_items (f->store, meeting_id, NULL);
    g_autoptr (WspRecord) item = NULL;
    g_auto (GStrv) recused = NULL;

    wsp_meeting_detail_show_page (detail, "run");
    settle (f);
    recusals = GTK_MENU_BUTTON (wsp_run_sheet_get_recusal_button (sheet, 0));
    g_assert_true (g_str_has_prefix (wsp_run_sheet_get_item_quorum_text (sheet, 0), "Quorum: 19 present, 15 needed"));
    gtk_menu_button_popup (recusals);
    settle (f);
    box = gtk_popover_get_child (gtk_menu_button_get_popover (recusals));
    first_check = gtk_widget_get_first_child (box);
    g_assert_true (GTK_IS_CHECK_BUTTON (first_check));
    click (first_check);
    gtk_menu_button_popdown (recusals);
    item = wsp_store_get (f->store, wsp_record_get_id (g_ptr_array_index (items, 0)), NULL);
    recused = wsp_record_dup_list (item, "recused");
    g_assert_cmpuint (g_strv_length (recused), ==, 1);
    g_assert_true (g_str_has_prefix (wsp_run_sheet_get_item_quorum_text (sheet, 0),
                                     "Quorum for this item: 19 present, 1 recused, 16 needed"));
    wsp_meeting_detail_show_page (detail, "check-in");
    settle (f);
  }

  /* Five present members leave (L): 15 stay after four, and the fifth loses the quorum. */
  {
    guint left = 0;

    for (guint i = 0; i < n && left < 5; i++)
      {
        g_autoptr (WspCheckInEntry) entry = g_list_model_get_item (G_LIST_MODEL (check_in), i);

        if (!wsp_check_in_entry_is_in_the_room (entry))
          continue;
        gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (list, (int) i)));
        wsp_test_press (GTK_WINDOW (f->window), "l");
        g_assert_nonnull (wsp_record_get_string (wsp_check_in_entry_get_attendance (entry), "left_at"));
        left++;
        g_assert_cmpint (wsp_check_in_panel_get_quorum_shown_reached (panel), ==, present - left >= 15);
      }
  }
}

/* Mark as Held locks the attendance: keys change nothing, until Unlock to
 * Correct is clicked. */
static void
test_held_meeting_attendance_locked (Fixture       *f,
                                     gconstpointer  data)
{
  g_autofree char *meeting_id = meeting_today (f);
  WspMeetingDetail *detail = open_meeting (f, meeting_id, "check-in");
  WspCheckInPanel *panel = wsp_meeting_detail_get_check_in (detail);
  GtkListBox *list = wsp_check_in_panel_get_list (panel);
  WspCheckIn *check_in = wsp_check_in_panel_get_check_in (panel);
  g_autoptr (WspCheckInEntry) entry = g_list_model_get_item (G_LIST_MODEL (check_in), 2);

  gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 2)));
  wsp_test_press (GTK_WINDOW (f->window), "p");
  g_assert_cmpint (wsp_check_in_entry_get_presence (entry), ==, WSP_PRESENCE_PRESENT);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail), "detail.mark-held", NULL));
  settle (f);
  g_assert_true (wsp_check_in_get_locked (check_in));
  gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 2)));
  wsp_test_press (GTK_WINDOW (f->window), "a");
  g_assert_cmpint (wsp_check_in_entry_get_presence (entry), ==, WSP_PRESENCE_PRESENT);

  click (wsp_check_in_panel_get_unlock_button (panel));
  g_assert_false (wsp_check_in_get_locked (check_in));
  gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 2)));
  wsp_test_press (GTK_WINDOW (f->window), "e");
  g_assert_cmpint (wsp_check_in_entry_get_presence (entry), ==, WSP_PRESENCE_EXCUSED);

  /* A guest, typed and added. */
  gtk_widget_grab_focus (wsp_check_in_panel_get_guest_entry (panel));
  wsp_test_type (GTK_WINDOW (f->window), "Jan Kowalski");
  click (wsp_check_in_panel_get_add_guest_button (panel));
  g_assert_cmpuint (wsp_store_count (f->store, WSP_TYPE_GUEST), ==, 1);
}

/* ---- the run sheet ------------------------------------------------------- */

typedef struct
{
  const char *path;
  const char *item_id;
  const char *text;
} OnDisk;

/* Another connection to the database file (as a restarted app would have)
 * finds @text in the item's notes. */
static gboolean
notes_on_disk (gpointer data)
{
  OnDisk *disk = data;
  g_autoptr (WspStore) other = wsp_store_open (disk->path, NULL);
  g_autoptr (WspRecord) item = other != NULL ? wsp_store_get (other, disk->item_id, NULL) : NULL;

  return item != NULL && g_strcmp0 (wsp_record_get_string (item, "notes"), disk->text) == 0;
}

static char *
buffer_text (GtkTextView *view)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (view), &start, &end);
  return gtk_text_buffer_get_text (gtk_text_view_get_buffer (view), &start, &end, FALSE);
}

/* In the run sheet: Ctrl+Page Down takes the first item; the notes typed
 * into it are in the database a moment after the typing stops, while the
 * focus is still in the field (nothing waits for a clean exit); a new
 * window on the database opened again shows them, and the item under way. */
static void
test_notes_survive_restart (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *meeting_id = meeting_today (f);
  WspMeetingDetail *detail = open_meeting (f, meeting_id, "run");
  WspRunSheet *sheet = wsp_meeting_detail_get_run_sheet (detail);
  g_autoptr (GPtrArray) items = wsp_agenda_items (f->store, meeting_id, NULL);
  g_autofree char *item_id = g_strdup (wsp_record_get_id (g_ptr_array_index (items, 1)));
  const char *typed = "Kworum o 17:05.";
  OnDisk disk = { f->path, item_id, typed };
  GtkTextView *notes;
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (wsp_run_sheet_get_current (sheet), ==, -1);
  gtk_widget_grab_focus (wsp_run_sheet_get_next_button (sheet));
  wsp_test_press (GTK_WINDOW (f->window), "<Control>Page_Down");
  g_assert_cmpint (wsp_run_sheet_get_current (sheet), ==, 0);
  wsp_test_press (GTK_WINDOW (f->window), "<Control>Page_Down");
  g_assert_cmpint (wsp_run_sheet_get_current (sheet), ==, 1);
  g_assert_true (gtk_widget_has_css_class (wsp_run_sheet_get_row (sheet, 1), "wsp-current-item"));

  /* Moving on puts the focus in the item's notes: typing goes there. */
  notes = wsp_run_sheet_get_notes_view (sheet, 1);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (notes)));
  wsp_test_type (GTK_WINDOW (f->window), typed);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (notes)));
  g_assert_true (wait_until (notes_on_disk, &disk, 5));
  wsp_test_shot (GTK_WIDGET (f->window), "meetings-run-sheet");

  /* The app goes (the window and the database closed), and comes back. */
  gtk_window_destroy (GTK_WINDOW (f->window));
  f->window = NULL;
  g_clear_object (&f->store);
  f->store = wsp_store_open (f->path, &error);
  g_assert_no_error (error);
  f->window = wsp_window_new (GTK_APPLICATION (app), f->store);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 860);
  wsp_test_focus_window (GTK_WINDOW (f->window));
  f->page = wsp_meetings_view_get_page (WSP_MEETINGS_VIEW (wsp_window_get_view (f->window, "meetings")));
  detail = open_meeting (f, meeting_id, "run");
  sheet = wsp_meeting_detail_get_run_sheet (detail);
  g_assert_cmpint (wsp_run_sheet_get_current (sheet), ==, 1);
  {
    g_autofree char *text = buffer_text (wsp_run_sheet_get_notes_view (sheet, 1));
    g_assert_cmpstr (text, ==, typed);
  }
}

/* A resolution item leads into its vote: the ballot is prepared for the
 * item and the Votes view is shown. */
static void
test_vote_from_run_sheet (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *meeting_id = meeting_today (f);
  g_autoptr (WspRecord) meeting = wsp_store_get (f->store, meeting_id, NULL);
  g_autoptr (WspRecord) item = WSP_RECORD (wsp_agenda_item_new ());
  g_autoptr (GPtrArray) ballots = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GError) error = NULL;
  WspMeetingDetail *detail;
  WspRunSheet *sheet;
  guint before = wsp_store_count (f->store, WSP_TYPE_BALLOT);

  wsp_record_set_string (item, "title", "Stanowisko Forum w sprawie budzetu obywatelskiego");
  wsp_record_set_string (item, "kind", "resolution");
  g_assert_true (wsp_agenda_insert (f->store, meeting, item, 4, &error));
  g_assert_no_error (error);
  detail = open_meeting (f, meeting_id, "run");
  sheet = wsp_meeting_detail_get_run_sheet (detail);
  g_assert_false (gtk_widget_get_visible (wsp_run_sheet_get_vote_button (sheet, 0)));
  click (wsp_run_sheet_get_vote_button (sheet, 4));
  g_assert_cmpuint (wsp_store_count (f->store, WSP_TYPE_BALLOT), ==, before + 1);
  g_assert_true (wsp_store_query (f->store, WSP_TYPE_BALLOT, "agenda_item_id", wsp_record_get_id (item), ballots, NULL));
  g_assert_cmpuint (ballots->len, ==, 1);
  g_assert_cmpstr (wsp_window_get_visible_view (f->window), ==, "votes");
  /* Again: the same vote, not another. */
  wsp_test_press (GTK_WINDOW (f->window), "<Alt>1");
  click (wsp_run_sheet_get_vote_button (sheet, 4));
  g_assert_cmpuint (wsp_store_count (f->store, WSP_TYPE_BALLOT), ==, before + 1);
}

/* ---- the Council view ---------------------------------------------------- */

static void
test_council_view (Fixture       *f,
                   gconstpointer  data)
{
  WspCouncilView *view = WSP_COUNCIL_VIEW (wsp_window_get_view (f->window, "council"));
  WspMeetingsPage *meetings = wsp_council_view_get_meetings (view);
  g_autoptr (WspRecord) first = NULL;
  g_autofree char *numbers = NULL;

  wsp_test_press (GTK_WINDOW (f->window), "<Alt>2");
  g_assert_cmpstr (wsp_window_get_visible_view (f->window), ==, "council");
  settle (f);
  /* The Council's meetings, the next one first (the demo's 9th, planned). */
  g_assert_cmpstr (wsp_meetings_page_get_body_kind (meetings), ==, "council");
  first = g_list_model_get_item (wsp_meetings_page_get_model (meetings), 0);
  g_assert_cmpint (wsp_record_get_int (first, "number"), ==, 9);
  g_assert_cmpstr (wsp_meeting_detail_get_meeting_id (wsp_meetings_page_get_detail (meetings)), ==,
                   wsp_record_get_id (first));

  /* Ctrl+N in the Council view: a Council meeting, numbered 10. */
  wsp_test_press (GTK_WINDOW (f->window), "<Control>n");
  g_assert_true (WSP_IS_MEETING_EDITOR (wsp_meetings_page_get_dialog (meetings)));
  wsp_test_settle (GTK_WIDGET (wsp_meetings_page_get_dialog (meetings)));
  wsp_test_shot (GTK_WIDGET (wsp_meetings_page_get_dialog (meetings)), "meeting-editor");
  gtk_window_destroy (wsp_meetings_page_get_dialog (meetings));

  /* The term: the absences Members flags; the drafts waiting; the register. */
  wsp_council_view_show_page (view, "summary");
  settle (f);
  g_assert_nonnull (strstr (wsp_council_summary_get_warning (wsp_council_view_get_summary (view)),
                            "missed 3 meetings in a row"));
  wsp_test_shot (GTK_WIDGET (f->window), "council-summary");
  wsp_council_view_show_page (view, "register");
  settle (f);
  numbers = wsp_resolution_register_dup_numbers (wsp_council_view_get_register (view));
  g_assert_cmpstr (numbers, ==, "5/2026");
  wsp_test_shot (GTK_WIDGET (f->window), "council-register");
}

/* ---- how it looks --------------------------------------------------------- */

/* A picture of @widget once its transitions are over. */
static void
shot (GtkWidget  *widget,
      const char *name)
{
  gint64 end = g_get_monotonic_time () + 600 * 1000;

  if (g_getenv ("WSPOLNIE_TEST_SHOTS") == NULL)
    return;
  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE) || (g_usleep (1000), TRUE);
  wsp_test_shot (widget, name);
}

static void
shoot_pages (Fixture    *f,
             const char *meeting_id,
             const char *prefix)
{
  static const char * const pages[] = { "agenda", "check-in", "run" };

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s-%s", prefix, pages[i]);

      open_meeting (f, meeting_id, pages[i]);
      shot (GTK_WIDGET (f->window), name);
    }
}

/* Every page of a meeting in the room, the dialogs, and the Council, wide
 * and at 360 pixels (with WSPOLNIE_TEST_SHOTS=DIR, as pictures to look at,
 * in the language of the locale); a narrow window needs no more than 360
 * pixels for any of them. */
static void
test_look (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *meeting_id = meeting_today (f);
  g_autoptr (WspRecord) meeting = wsp_store_get (f->store, meeting_id, NULL);
  g_autoptr (WspCheckIn) check_in = wsp_check_in_new (f->store, meeting_id);
  g_autoptr (GError) error = NULL;
  WspCouncilView *council;
  GtkWindow *dialog;
  int minimum = 0;

  for (guint i = 0; i < 20; i++)
    {
      g_autoptr (WspCheckInEntry) entry = g_list_model_get_item (G_LIST_MODEL (check_in), i);

      g_assert_true (wsp_check_in_set_presence (check_in, entry, i % 7 == 3 ? WSP_PRESENCE_EXCUSED : WSP_PRESENCE_PRESENT,
                                                NULL, &error));
    }
  wsp_record_set_string (meeting, "room_id", NULL);
  shoot_pages (f, meeting_id, "wide");
  shot (GTK_WIDGET (f->window), "wide-run");

  /* The dialogs. */
  dialog = wsp_meetings_page_new_meeting (f->page);
  shot (GTK_WIDGET (dialog), "dialog-new-meeting");
  gtk_window_destroy (dialog);
  dialog = wsp_meetings_page_show_rooms (f->page);
  shot (GTK_WIDGET (dialog), "dialog-rooms");
  gtk_window_destroy (dialog);

  council = WSP_COUNCIL_VIEW (wsp_window_get_view (f->window, "council"));
  wsp_test_press (GTK_WINDOW (f->window), "<Alt>2");
  shot (GTK_WIDGET (f->window), "wide-council-meetings");
  wsp_council_view_show_page (council, "summary");
  shot (GTK_WIDGET (f->window), "wide-council-summary");
  wsp_council_view_show_page (council, "register");
  shot (GTK_WIDGET (f->window), "wide-council-register");
  wsp_council_view_show_page (council, "meetings");
  wsp_test_press (GTK_WINDOW (f->window), "<Alt>1");

  /* A narrow window: a new one (a shown window keeps its size). */
  gtk_window_destroy (GTK_WINDOW (f->window));
  f->window = wsp_window_new (GTK_APPLICATION (app), f->store);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 720);
  wsp_test_focus_window (GTK_WINDOW (f->window));
  f->page = wsp_meetings_view_get_page (WSP_MEETINGS_VIEW (wsp_window_get_view (f->window, "meetings")));
  settle (f);
  g_assert_true (wsp_window_is_narrow (f->window));
  shot (GTK_WIDGET (f->window), "narrow-list");
  shoot_pages (f, meeting_id, "narrow");
  gtk_widget_measure (GTK_WIDGET (f->window), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), <=, 360);
  wsp_test_press (GTK_WINDOW (f->window), "<Alt>2");
  shot (GTK_WIDGET (f->window), "narrow-council");
  wsp_council_view_show_page (WSP_COUNCIL_VIEW (wsp_window_get_view (f->window, "council")), "summary");
  shot (GTK_WIDGET (f->window), "narrow-council-summary");
  gtk_widget_measure (GTK_WIDGET (f->window), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);
}

int
main (int argc, char *argv[])
{
  g_autofree char *data_home = NULL;
  g_autofree char *config_home = NULL;
  g_autofree char *applications = NULL;
  g_autofree char *desktop = NULL;
  g_autofree char *desktop_text = NULL;
  g_autofree char *mimeapps = NULL;
  int status;

  tmp = g_dir_make_tmp ("wsp-meetings-gui-home-XXXXXX", NULL);
  data_home = g_build_filename (tmp, "data", NULL);
  config_home = g_build_filename (tmp, "config", NULL);
  applications = g_build_filename (data_home, "applications", NULL);
  mail_out = g_build_filename (tmp, "mailto.txt", NULL);
  g_mkdir_with_parents (applications, 0700);
  g_mkdir_with_parents (config_home, 0700);

  /* A mail program of the test's own: it writes down the message it gets. */
  desktop = g_build_filename (applications, "wsp-test-mail.desktop", NULL);
  desktop_text = g_strdup_printf ("[Desktop Entry]\nType=Application\nName=Test Mail\n"
                                  "Exec=sh -c 'printf %%%%s \"$1\" > %s' sh %%u\n"
                                  "MimeType=x-scheme-handler/mailto;\nNoDisplay=true\n",
                                  mail_out);
  g_assert_true (g_file_set_contents (desktop, desktop_text, -1, NULL));
  mimeapps = g_build_filename (config_home, "mimeapps.list", NULL);
  g_assert_true (g_file_set_contents (mimeapps, "[Default Applications]\nx-scheme-handler/mailto=wsp-test-mail.desktop\n",
                                      -1, NULL));
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config_home, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  /* No portal: the mail program is started from its desktop file. */
  g_setenv ("GTK_USE_PORTAL", "0", TRUE);
  /* The locale's language, as the app has it (the pictures in Polish);
   * the checks of the texts run in the C locale, as the suite runs. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("WSPOLNIE_LOCALEDIR") != NULL ? g_getenv ("WSPOLNIE_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_test_init (&argc, &argv, NULL);

  app = wsp_test_start_app ();
  if (app == NULL)
    return 77;

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/meetings-gui/create-meeting-with-room", test_create_meeting_with_room);
  ADD ("/meetings-gui/build-and-reorder-agenda", test_build_and_reorder_agenda);
  ADD ("/meetings-gui/send-invitation", test_send_invitation);
  ADD ("/meetings-gui/check-in-thirty-by-keyboard", test_check_in_thirty_by_keyboard);
  ADD ("/meetings-gui/held-meeting-attendance-locked", test_held_meeting_attendance_locked);
  ADD ("/meetings-gui/notes-survive-restart", test_notes_survive_restart);
  ADD ("/meetings-gui/vote-from-run-sheet", test_vote_from_run_sheet);
  ADD ("/meetings-gui/council-view", test_council_view);
  ADD ("/meetings-gui/look", test_look);
#undef ADD

  status = g_test_run ();
  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  wsp_test_remove_tree (tmp);
  return status;
}
