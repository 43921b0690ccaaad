/* wsp-meetings-page.c — the meetings of one body: list, detail, editor
 *
 * The meetings module: the Forum's Meetings view and the Council view
 * both show one of these, for their body ("forum" or "council"). A
 * sidebar lists the body's meetings — the upcoming ones first, the soonest
 * at the top, then the past ones, the latest first — narrowed by the
 * search; the chosen meeting fills the rest (WspMeetingDetail). In a narrow
 * window the two take turns (AdwLeaflet). The list is read when the page
 * is first shown, after the frame that shows it, and makes its rows as
 * they scroll into sight: ten years of meetings cost nothing at start.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "base/wsp-text.h"
#include "domain/wsp-meeting-list.h"
#include "domain/wsp-meetings.h"
#include "meetings/wsp-meeting-editor.h"
#include "meetings/wsp-meetings-page.h"
#include "meetings/wsp-meetings-util.h"
#include "meetings/wsp-rooms-dialog.h"
#include "records/wsp-records-meetings.h"
#include "widgets/wsp-gui-util.h"

struct _WspMeetingsPage
{
  AdwBin              parent_instance;

  char               *body_kind;
  WspStore           *store;
  WspRecord          *body;
  WspMeetingList     *meetings;
  GtkFilterListModel *filtered;
  GtkCustomFilter    *filter;
  GtkSingleSelection *selection;
  char               *search;       /* folded */
  char               *selected_id;  /* kept across list changes */
  GtkWindow          *dialog;
  GPtrArray          *bound;        /* GtkListItem shown now */
  gulong              changed_id;
  gboolean            loaded;
  guint               load_id;

  GtkStack           *stack;
  AdwStatusPage      *empty_page;
  GtkWidget          *empty_new_button;
  AdwLeaflet         *leaflet;
  GtkWidget          *sidebar;
  GtkWidget          *content;
  GtkSearchEntry     *search_entry;
  GtkStack           *results_stack;
  GtkListView        *list;
  GtkStack           *detail_stack;
  WspMeetingDetail   *detail;
};

enum {
  PROP_0,
  PROP_BODY_KIND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (WspMeetingsPage, wsp_meetings_page, ADW_TYPE_BIN)

static gboolean
is_forum (WspMeetingsPage *self)
{
  return g_strcmp0 (self->body_kind, "forum") == 0;
}

/* ---- rows ---------------------------------------------------------------- */

static gboolean
matches (gpointer item,
         gpointer user_data)
{
  WspMeetingsPage *self = user_data;
  g_autofree char *title = NULL;
  g_autofree char *when = NULL;
  g_autofree char *text = NULL;
  g_autofree char *folded = NULL;

  if (self->search == NULL || *self->search == '\0')
    return TRUE;
  title = wsp_meeting_dup_title (item);
  when = wsp_meetings_format_when (item);
  text = g_strjoin (" ", title, when != NULL ? when : "", wsp_record_get_string (item, "place") ?: "",
                    wsp_record_get_string (item, "starts_at") ?: "", NULL);
  folded = wsp_text_fold (text);
  return strstr (folded, self->search) != NULL;
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          WspMeetingsPage          *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *section = gtk_label_new (NULL);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *when = gtk_label_new (NULL);
  GtkWidget *line = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_xalign (GTK_LABEL (section), 0);
  gtk_widget_add_css_class (section, "heading");
  gtk_widget_add_css_class (section, "dim-label");
  gtk_widget_set_margin_bottom (section, 6);
  for (guint i = 0; i < 3; i++)
    {
      GtkWidget *label = i == 0 ? title : i == 1 ? when : line;

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
    }
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_add_css_class (line, "caption");
  gtk_widget_add_css_class (line, "dim-label");
  gtk_box_append (GTK_BOX (box), section);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), when);
  gtk_box_append (GTK_BOX (box), line);
  gtk_list_item_set_child (item, box);
}

static void
fill_row (WspMeetingsPage *self,
          GtkListItem     *item)
{
  WspRecord *meeting = gtk_list_item_get_item (item);
  GtkWidget *section = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  GtkWidget *title = gtk_widget_get_next_sibling (section);
  GtkWidget *when = gtk_widget_get_next_sibling (title);
  GtkWidget *line = gtk_widget_get_next_sibling (when);
  guint position = gtk_list_item_get_position (item);
  guint upcoming = self->meetings != NULL ? wsp_meeting_list_get_n_upcoming (self->meetings) : 0;
  gboolean searching = self->search != NULL && *self->search != '\0';
  g_autofree char *heading = wsp_meeting_dup_title (meeting);
  g_autofree char *date = wsp_meetings_format_when (meeting);
  g_autofree char *details = wsp_meetings_format_summary (self->store, meeting);

  /* The first upcoming and the first past meeting say where they start. */
  gtk_widget_set_visible (section, !searching && (position == 0 || position == upcoming));
  gtk_label_set_text (GTK_LABEL (section), position < upcoming ? C_ ("meetings", "Upcoming") : C_ ("meetings", "Past"));
  gtk_label_set_text (GTK_LABEL (title), heading);
  gtk_label_set_text (GTK_LABEL (when), date != NULL ? date : _("No date yet"));
  gtk_label_set_text (GTK_LABEL (line), details);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         WspMeetingsPage          *self)
{
  fill_row (self, item);
  if (self->bound != NULL)
    g_ptr_array_add (self->bound, item);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           WspMeetingsPage          *self)
{
  if (self->bound != NULL)
    g_ptr_array_remove_fast (self->bound, item);
}

/* ---- the list ------------------------------------------------------------ */

static void
update_state (WspMeetingsPage *self)
{
  gboolean searching = self->search != NULL && *self->search != '\0';
  guint all = self->meetings != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->meetings)) : 0;
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));

  /* Until the list is read it is not known to be empty. */
  gtk_stack_set_visible_child_name (self->stack, self->loaded && all == 0 ? "empty" : "content");
  gtk_stack_set_visible_child_name (self->results_stack, searching && shown == 0 ? "no-results" : "results");
  gtk_widget_set_visible (self->empty_new_button, self->body != NULL);
  if (self->body == NULL)
    {
      adw_status_page_set_title (self->empty_page, is_forum (self) ? _("No NGO Forum Yet") : _("No Council Yet"));
      adw_status_page_set_description (
        self->empty_page,
        is_forum (self) ? _("Meetings of the NGO Forum will appear here once the Forum is recorded in Members: "
                            "date, borrowed room, agenda, invitations, check-in and the live quorum.")
                        : _("The Public Benefit Council’s meetings will appear here once the Council is recorded "
                            "in Members: agendas that carry the city’s drafts, invitations, check-in and the "
                            "quorum."));
    }
  else
    {
      adw_status_page_set_title (self->empty_page, is_forum (self) ? _("No Forum Meetings Yet") : _("No Council Meetings Yet"));
      adw_status_page_set_description (self->empty_page,
                                       _("Plan the first meeting: choose the date and the room, build the agenda, "
                                         "then send the invitations."));
    }
}

/* Shows the meeting @record in the detail, or nothing. */
static void
show_meeting (WspMeetingsPage *self,
              WspRecord       *record,
              gboolean         navigate)
{
  if (record == NULL)
    {
      wsp_meeting_detail_set_meeting (self->detail, self->store, NULL);
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      return;
    }
  g_free (self->selected_id);
  self->selected_id = g_strdup (wsp_record_get_id (record));
  wsp_meeting_detail_set_meeting (self->detail, self->store, wsp_record_get_id (record));
  gtk_stack_set_visible_child_name (self->detail_stack, "meeting");
  if (navigate)
    adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
selection_changed_cb (WspMeetingsPage *self)
{
  WspRecord *record = gtk_single_selection_get_selected_item (self->selection);

  if (record != NULL)
    show_meeting (self, record, FALSE);
}

static void
activate_cb (WspMeetingsPage *self,
             guint            position)
{
  g_autoptr (WspRecord) record = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);

  if (record != NULL)
    {
      gtk_single_selection_set_selected (self->selection, position);
      show_meeting (self, record, TRUE);
    }
}

static guint
find_position (WspMeetingsPage *self,
               const char      *id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (WspRecord) record = g_list_model_get_item (G_LIST_MODEL (self->filtered), i);

      if (g_strcmp0 (wsp_record_get_id (record), id) == 0)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

/* After the list changed: the chosen meeting stays chosen where it went. */
static void
list_changed_cb (WspMeetingsPage *self)
{
  guint position;

  update_state (self);
  if (self->selected_id == NULL)
    return;
  position = find_position (self, self->selected_id);
  if (position != GTK_INVALID_LIST_POSITION)
    {
      if (gtk_single_selection_get_selected (self->selection) != position)
        gtk_single_selection_set_selected (self->selection, position);
    }
  else if (self->search == NULL || *self->search == '\0')
    {
      /* Deleted, or moved to another body. */
      g_clear_pointer (&self->selected_id, g_free);
      show_meeting (self, NULL, FALSE);
    }
}

static void
load (WspMeetingsPage *self)
{
  self->loaded = TRUE;
  g_clear_handle_id (&self->load_id, g_source_remove);
  g_clear_object (&self->body);
  g_clear_object (&self->meetings);
  if (self->store != NULL)
    self->body = wsp_membership_find_body (self->store, self->body_kind, NULL);
  if (self->body != NULL)
    self->meetings = wsp_meeting_list_new (self->store, wsp_record_get_id (self->body), NULL);
  gtk_filter_list_model_set_model (self->filtered, self->meetings != NULL ? G_LIST_MODEL (self->meetings) : NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "meetings.new", self->body != NULL);

  if (self->selected_id == NULL || !wsp_meetings_page_select (self, self->selected_id))
    {
      /* The page opens on the next meeting, or the latest. */
      if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0)
        {
          g_autoptr (WspRecord) first = g_list_model_get_item (G_LIST_MODEL (self->filtered), 0);

          gtk_single_selection_set_selected (self->selection, 0);
          show_meeting (self, first, FALSE);
        }
      else
        show_meeting (self, NULL, FALSE);
    }
  update_state (self);
}

static gboolean
load_idle_cb (gpointer data)
{
  WspMeetingsPage *self = data;

  self->load_id = 0;
  load (self);
  return G_SOURCE_REMOVE;
}

/* Shown for the first time: read after the frame that shows it. */
static void
map_cb (WspMeetingsPage *self)
{
  if (!self->loaded && self->load_id == 0)
    self->load_id = g_idle_add_full (G_PRIORITY_LOW, load_idle_cb, self, NULL);
}

static void
ensure_loaded (WspMeetingsPage *self)
{
  if (!self->loaded)
    load (self);
}

static void
store_changed_cb (WspStore        *store,
                  WspChanges      *changes,
                  WspMeetingsPage *self)
{
  /* The list follows by itself; a new body needs a new one; the item
   * counts in the rows follow the agendas. */
  if (!self->loaded)
    return;
  if (wsp_changes_has_entity (changes, "body"))
    load (self);
  else if (wsp_changes_has_entity (changes, "agenda_item") || wsp_changes_has_entity (changes, "room"))
    for (guint i = 0; i < self->bound->len; i++)
      fill_row (self, g_ptr_array_index (self->bound, i));
}

void
wsp_meetings_page_set_store (WspMeetingsPage *self,
                             WspStore        *store)
{
  g_return_if_fail (WSP_IS_MEETINGS_PAGE (self));

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_set_object (&self->store, store);
  if (store != NULL)
    self->changed_id = g_signal_connect (store, "changed", G_CALLBACK (store_changed_cb), self);
  /* Read when shown, after the frame that shows it. */
  self->loaded = FALSE;
  g_clear_handle_id (&self->load_id, g_source_remove);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->load_id = g_idle_add_full (G_PRIORITY_LOW, load_idle_cb, self, NULL);
  update_state (self);
}

const char *
wsp_meetings_page_get_body_kind (WspMeetingsPage *self)
{
  g_return_val_if_fail (WSP_IS_MEETINGS_PAGE (self), NULL);
  return self->body_kind;
}

/* The meetings as the list shows them (after the search). */
GListModel *
wsp_meetings_page_get_model (WspMeetingsPage *self)
{
  g_return_val_if_fail (WSP_IS_MEETINGS_PAGE (self), NULL);
  ensure_loaded (self);
  return G_LIST_MODEL (self->filtered);
}

/* Whether the body has no meetings at all (the empty state is shown). */
gboolean
wsp_meetings_page_is_empty (WspMeetingsPage *self)
{
  g_return_val_if_fail (WSP_IS_MEETINGS_PAGE (self), TRUE);
  ensure_loaded (self);
  return self->meetings == NULL || g_list_model_get_n_items (G_LIST_MODEL (self->meetings)) == 0;
}

WspMeetingDetail *
wsp_meetings_page_get_detail (WspMeetingsPage *self)
{
  g_return_val_if_fail (WSP_IS_MEETINGS_PAGE (self), NULL);
  return self->detail;
}

GtkWidget *
wsp_meetings_page_get_list (WspMeetingsPage *self)
{
  g_return_val_if_fail (WSP_IS_MEETINGS_PAGE (self), NULL);
  return GTK_WIDGET (self->list);
}

/* The open editor or rooms window, if any. */
GtkWindow *
wsp_meetings_page_get_dialog (WspMeetingsPage *self)
{
  g_return_val_if_fail (WSP_IS_MEETINGS_PAGE (self), NULL);
  return self->dialog;
}

/* Chooses the meeting @meeting_id in the list; FALSE when it is not there. */
gboolean
wsp_meetings_page_select (WspMeetingsPage *self,
                          const char      *meeting_id)
{
  guint position;
  g_autoptr (WspRecord) record = NULL;

  g_return_val_if_fail (WSP_IS_MEETINGS_PAGE (self), FALSE);
  ensure_loaded (self);
  position = find_position (self, meeting_id);
  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;
  gtk_single_selection_set_selected (self->selection, position);
  record = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);
  show_meeting (self, record, TRUE);
  return TRUE;
}

/* ---- search -------------------------------------------------------------- */

static void
search_changed_cb (WspMeetingsPage *self)
{
  g_free (self->search);
  self->search = wsp_text_fold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_state (self);
}

static void
stop_search_cb (WspMeetingsPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  search_changed_cb (self);
}

void
wsp_meetings_page_set_search (WspMeetingsPage *self,
                              const char      *text)
{
  g_return_if_fail (WSP_IS_MEETINGS_PAGE (self));
  ensure_loaded (self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  search_changed_cb (self);
}

void
wsp_meetings_page_focus_search (WspMeetingsPage *self)
{
  g_return_if_fail (WSP_IS_MEETINGS_PAGE (self));
  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* ---- windows ------------------------------------------------------------- */

static void
dialog_destroyed_cb (WspMeetingsPage *self)
{
  self->dialog = NULL;
}

static GtkWindow *
open_dialog (WspMeetingsPage *self,
             GtkWindow       *dialog)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->dialog != NULL)
    gtk_window_destroy (self->dialog);
  self->dialog = dialog;
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (dialog_destroyed_cb), self, G_CONNECT_SWAPPED);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (dialog, GTK_WINDOW (root));
  gtk_window_present (dialog);
  return dialog;
}

static void
meeting_saved_cb (WspMeetingsPage *self,
                  const char      *meeting_id)
{
  wsp_meetings_page_select (self, meeting_id);
}

/* Opens the editor for a new meeting of the page's body. */
GtkWindow *
wsp_meetings_page_new_meeting (WspMeetingsPage *self)
{
  WspMeetingEditor *editor;

  g_return_val_if_fail (WSP_IS_MEETINGS_PAGE (self), NULL);
  ensure_loaded (self);
  if (self->store == NULL || self->body == NULL)
    return NULL;
  editor = wsp_meeting_editor_new (self->store, self->body, NULL);
  g_signal_connect_object (editor, "saved", G_CALLBACK (meeting_saved_cb), self, G_CONNECT_SWAPPED);
  return open_dialog (self, GTK_WINDOW (editor));
}

/* Opens the editor for the meeting shown. */
GtkWindow *
wsp_meetings_page_edit_meeting (WspMeetingsPage *self)
{
  g_autoptr (WspRecord) meeting = NULL;

  g_return_val_if_fail (WSP_IS_MEETINGS_PAGE (self), NULL);
  if (self->store == NULL || self->body == NULL || self->selected_id == NULL)
    return NULL;
  meeting = wsp_store_get (self->store, self->selected_id, NULL);
  if (meeting == NULL)
    return NULL;
  return open_dialog (self, GTK_WINDOW (wsp_meeting_editor_new (self->store, self->body, meeting)));
}

GtkWindow *
wsp_meetings_page_show_rooms (WspMeetingsPage *self)
{
  g_return_val_if_fail (WSP_IS_MEETINGS_PAGE (self), NULL);
  if (self->store == NULL)
    return NULL;
  return open_dialog (self, GTK_WINDOW (wsp_rooms_dialog_new (self->store)));
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  wsp_meetings_page_new_meeting (WSP_MEETINGS_PAGE (widget));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  wsp_meetings_page_edit_meeting (WSP_MEETINGS_PAGE (widget));
}

static void
rooms_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  wsp_meetings_page_show_rooms (WSP_MEETINGS_PAGE (widget));
}

static void
back_clicked_cb (WspMeetingsPage *self)
{
  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
}

/* ---- life ---------------------------------------------------------------- */

static void
wsp_meetings_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  WspMeetingsPage *self = WSP_MEETINGS_PAGE (object);

  switch (prop_id)
    {
    case PROP_BODY_KIND:
      g_free (self->body_kind);
      self->body_kind = g_value_dup_string (value);
      update_state (self);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wsp_meetings_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  WspMeetingsPage *self = WSP_MEETINGS_PAGE (object);

  switch (prop_id)
    {
    case PROP_BODY_KIND:
      g_value_set_string (value, self->body_kind);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wsp_meetings_page_dispose (GObject *object)
{
  WspMeetingsPage *self = WSP_MEETINGS_PAGE (object);

  g_clear_handle_id (&self->load_id, g_source_remove);
  if (self->dialog != NULL)
    gtk_window_destroy (self->dialog);
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  if (self->list != NULL)
    gtk_list_view_set_model (self->list, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->meetings);
  g_clear_object (&self->body);
  g_clear_object (&self->store);
  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->selected_id, g_free);
  g_clear_pointer (&self->body_kind, g_free);
  g_clear_pointer (&self->bound, g_ptr_array_unref);

  G_OBJECT_CLASS (wsp_meetings_page_parent_class)->dispose (object);
}

static void
wsp_meetings_page_class_init (WspMeetingsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wsp_meetings_page_dispose;
  object_class->set_property = wsp_meetings_page_set_property;
  object_class->get_property = wsp_meetings_page_get_property;

  properties[PROP_BODY_KIND] = g_param_spec_string ("body-kind", NULL, NULL, "forum",
                                                    G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (WSP_TYPE_MEETING_DETAIL);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Wspolnie/meetings/wsp-meetings-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WspMeetingsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, WspMeetingsPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, WspMeetingsPage, empty_new_button);
  gtk_widget_class_bind_template_child (widget_class, WspMeetingsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, WspMeetingsPage, sidebar);
  gtk_widget_class_bind_template_child (widget_class, WspMeetingsPage, content);
  gtk_widget_class_bind_template_child (widget_class, WspMeetingsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, WspMeetingsPage, results_stack);
  gtk_widget_class_bind_template_child (widget_class, WspMeetingsPage, list);
  gtk_widget_class_bind_template_child (widget_class, WspMeetingsPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, WspMeetingsPage, detail);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);

  gtk_widget_class_install_action (widget_class, "meetings.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "meetings.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "meetings.rooms", NULL, rooms_action);
}

static void
wsp_meetings_page_init (WspMeetingsPage *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->bound = g_ptr_array_new ();
  self->filter = gtk_custom_filter_new (matches, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (g_object_ref (self->filter)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected-item", G_CALLBACK (selection_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filtered, "items-changed", G_CALLBACK (list_changed_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), self);
  gtk_list_view_set_factory (self->list, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);
}
