/* wsp-members-page.c — organisations, people, the Forum and the Council
 *
 * A sidebar lists the records of one section (chosen by the buttons above
 * it, and narrowed by the search); the detail of the chosen record fills the
 * rest. In a narrow window the two take turns (AdwLeaflet), with a back
 * button. The lists are the store's live models, so an edit, a delete or an
 * import shows at once, wherever it came from.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "members/wsp-council-overview.h"
#include "members/wsp-csv-import-dialog.h"
#include "members/wsp-forum-overview.h"
#include "members/wsp-members-page.h"
#include "wsp-view.h"
#include "domain/wsp-seat-list.h"
#include "store/wsp-record-list.h"
#include "records/wsp-records-members.h"
#include "members/wsp-organisation-detail.h"
#include "members/wsp-organisation-editor.h"
#include "members/wsp-person-detail.h"
#include "widgets/wsp-gui-util.h"
#include "sync/wsp-history-dialog.h"

struct _WspMembersPage
{
  AdwBin              parent_instance;

  WspStore           *store;
  char               *section;
  GListModel         *source;     /* the section's records */
  GtkFilterListModel *filtered;   /* narrowed by the search */
  GtkCustomFilter    *filter;
  char               *search;     /* folded */
  GtkWindow          *editor;
  gulong              changed_id;
  gboolean            disposing;
  gboolean            loaded;      /* the lists are read once the view is shown */
  guint               load_id;
  char               *selected_id; /* kept across list changes */

  GtkStack                *stack;
  AdwLeaflet              *leaflet;
  GtkWidget               *sidebar;
  GtkWidget               *content;
  GtkSearchEntry          *search_entry;
  GtkListBox              *list;
  GtkStack                *detail_stack;
  GtkDropDown             *section_chooser;
  WspOrganisationDetail   *organisation_detail;
  WspPersonDetail         *person_detail;
  WspForumOverview        *forum_overview;
  WspCouncilOverview      *council_overview;
  AdwStatusPage           *nothing_selected;
};

static void view_iface_init (WspViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (WspMembersPage, wsp_members_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (WSP_TYPE_VIEW, view_iface_init))

static char *
fold (const char *text)
{
  g_autofree char *ascii = g_str_to_ascii (text != NULL ? text : "", "C");
  return g_ascii_strdown (ascii, -1);
}

/* The record a row stands for: a Forum member's row is its organisation. */
static WspRecord *
record_of (gpointer item)
{
  if (WSP_IS_SEAT_HOLDER (item))
    return wsp_seat_holder_get_organisation (item);
  return item;
}

static gboolean
matches (gpointer item,
         gpointer user_data)
{
  WspMembersPage *self = user_data;
  WspRecord *record = record_of (item);
  static const char *fields[] = { "name", "short_name", "krs", "email", "nip", NULL };
  g_autofree char *title = NULL;

  if (self->search == NULL || *self->search == '\0')
    return TRUE;
  for (guint i = 0; fields[i] != NULL; i++)
    {
      g_autofree char *folded = fold (wsp_record_get_string (record, fields[i]));
      if (strstr (folded, self->search) != NULL)
        return TRUE;
    }
  title = wsp_record_dup_title (record);
  {
    g_autofree char *folded = fold (title);
    return strstr (folded, self->search) != NULL;
  }
}

static char *
term_title (WspRecord *term)
{
  const char *name = wsp_record_get_string (term, "name");
  const char *starts = wsp_record_get_string (term, "starts_on");
  const char *ends = wsp_record_get_string (term, "ends_on");

  if (name != NULL)
    return g_strdup (name);
  /* Translators: a term of office, from its first to its last day */
  return g_strdup_printf (_("%s to %s"), starts, ends != NULL ? ends : "…");
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  WspRecord *record = record_of (item);
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = NULL;
  const char *subtitle = NULL;
  g_autofree char *owned_subtitle = NULL;

  if (WSP_IS_SEAT_HOLDER (item))
    {
      const char *joined = wsp_record_get_string (wsp_seat_holder_get_seat (item), "joined_on");

      title = g_strdup (wsp_record_get_string (record, "name"));
      if (joined != NULL)
        /* Translators: a Forum member organisation's second line */
        subtitle = owned_subtitle = g_strdup_printf (_("Member since %s"), joined);
    }
  else if (WSP_IS_TERM (record))
    {
      title = term_title (record);
      owned_subtitle = g_strdup_printf ("%s – %s", wsp_record_get_string (record, "starts_on"),
                                        wsp_record_get_string (record, "ends_on") ?: "");
      subtitle = owned_subtitle;
    }
  else
    {
      title = g_strdup (wsp_record_get_string (record, "name"));
      if (WSP_IS_ORGANISATION (record))
        {
          const char *short_name = wsp_record_get_string (record, "short_name");
          const char *krs = wsp_record_get_string (record, "krs");

          if (krs != NULL)
            /* Translators: a list row's second line: short name · KRS number */
            subtitle = owned_subtitle = short_name != NULL ? g_strdup_printf (_("%s · KRS %s"), short_name, krs)
                                                           : g_strdup_printf (_("KRS %s"), krs);
          else
            subtitle = short_name;
        }
      else if (WSP_IS_PERSON (record))
        subtitle = wsp_record_get_string (record, "email");
    }

  /* Titles are data, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title != NULL ? title : "");
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  g_object_set_data_full (G_OBJECT (row), "record", g_object_ref (record), g_object_unref);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  return row;
}

static void
show_detail (WspMembersPage *self,
             WspRecord      *record)
{
  if (record == NULL)
    {
      if (g_strcmp0 (self->section, "forum") == 0)
        gtk_stack_set_visible_child_name (self->detail_stack, "forum");
      else
        gtk_stack_set_visible_child_name (self->detail_stack, "none");
      return;
    }
  if (WSP_IS_ORGANISATION (record))
    {
      wsp_organisation_detail_set_organisation (self->organisation_detail, self->store, record);
      gtk_stack_set_visible_child_name (self->detail_stack, "organisation");
    }
  else if (WSP_IS_PERSON (record))
    {
      wsp_person_detail_set_person (self->person_detail, self->store, record);
      gtk_stack_set_visible_child_name (self->detail_stack, "person");
    }
  else if (WSP_IS_TERM (record))
    {
      wsp_council_overview_set_term (self->council_overview, self->store, record);
      gtk_stack_set_visible_child_name (self->detail_stack, "council");
    }
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
row_selected_cb (WspMembersPage *self,
                 GtkListBoxRow  *row)
{
  WspRecord *record = row != NULL ? g_object_get_data (G_OBJECT (row), "record") : NULL;

  /* The list empties itself as the page goes away. */
  if (self->disposing)
    return;
  if (record != NULL)
    {
      g_free (self->selected_id);
      self->selected_id = g_strdup (wsp_record_get_id (record));
    }
  else if (self->selected_id != NULL)
    return; /* the row is being redrawn after a change: see list_changed_cb */
  show_detail (self, record);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "members.edit-organisation",
                                 record != NULL && WSP_IS_ORGANISATION (record));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "members.delete-organisation",
                                 record != NULL && WSP_IS_ORGANISATION (record));
}

/* A changed record's row is made anew: select it again, or say it is gone. */
static void
list_changed_cb (WspMembersPage *self)
{
  g_autofree char *id = g_strdup (self->selected_id);

  if (self->disposing || id == NULL || gtk_list_box_get_selected_row (self->list) != NULL)
    return;
  if (!wsp_members_page_select (self, id))
    {
      g_clear_pointer (&self->selected_id, g_free);
      row_selected_cb (self, NULL);
    }
}

static void
row_activated_cb (WspMembersPage *self,
                  GtkListBoxRow  *row)
{
  row_selected_cb (self, row);
}

/* The Forum's member organisations, with the day each joined. */
static GListModel *
forum_model (WspMembersPage *self)
{
  g_autoptr (WspRecord) forum = wsp_membership_find_body (self->store, "forum", NULL);
  g_autofree char *today = wsp_gui_today ();

  if (forum == NULL)
    return G_LIST_MODEL (g_list_store_new (WSP_TYPE_SEAT_HOLDER));
  return G_LIST_MODEL (wsp_seat_list_new (self->store, WSP_SEATS_FORUM_CURRENT, wsp_record_get_id (forum), today));
}

/* The Council's terms, newest first. */
static GListModel *
council_model (WspMembersPage *self)
{
  g_autoptr (WspRecord) council = wsp_membership_find_body (self->store, "council", NULL);

  if (council == NULL)
    return G_LIST_MODEL (g_list_store_new (WSP_TYPE_TERM));
  return G_LIST_MODEL (wsp_record_list_new (self->store, WSP_TYPE_TERM, "body_id", wsp_record_get_id (council)));
}

static void update_empty_state (WspMembersPage *self);

/* Binds the section's list: live models that follow the store. */
static void
load_section (WspMembersPage *self)
{
  g_autofree char *selected_id = NULL;
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->list);

  self->loaded = TRUE;
  g_clear_handle_id (&self->load_id, g_source_remove);
  if (self->store == NULL || self->section == NULL)
    return;
  if (row != NULL)
    selected_id = g_strdup (wsp_record_get_id (g_object_get_data (G_OBJECT (row), "record")));

  g_clear_object (&self->source);
  if (g_strcmp0 (self->section, "people") == 0)
    self->source = G_LIST_MODEL (wsp_record_list_new (self->store, WSP_TYPE_PERSON, NULL, NULL));
  else if (g_strcmp0 (self->section, "forum") == 0)
    self->source = forum_model (self);
  else if (g_strcmp0 (self->section, "council") == 0)
    self->source = council_model (self);
  else
    self->source = G_LIST_MODEL (wsp_record_list_new (self->store, WSP_TYPE_ORGANISATION, NULL, NULL));

  gtk_filter_list_model_set_model (self->filtered, self->source);
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->filtered), create_row, self, NULL);

  if (g_strcmp0 (self->section, "forum") == 0)
    wsp_forum_overview_set_store (self->forum_overview, self->store);
  if (selected_id == NULL || !wsp_members_page_select (self, selected_id))
    {
      /* The Council opens on its current term. */
      if (g_strcmp0 (self->section, "council") == 0 && g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0)
        gtk_list_box_select_row (self->list, gtk_list_box_get_row_at_index (self->list, 0));
      else
        show_detail (self, NULL);
    }
  update_empty_state (self);
}

static void
update_empty_state (WspMembersPage *self)
{
  gboolean empty = self->store == NULL
                   || (wsp_store_count (self->store, WSP_TYPE_ORGANISATION) == 0
                       && wsp_store_count (self->store, WSP_TYPE_PERSON) == 0);

  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "content");
}

static void
store_changed_cb (WspStore       *store,
                  WspChanges     *changes,
                  WspMembersPage *self)
{
  /* The lists follow by themselves; a new Forum or Council needs new ones. */
  if (wsp_changes_has_entity (changes, "body")
      && (g_strcmp0 (self->section, "forum") == 0 || g_strcmp0 (self->section, "council") == 0))
    load_section (self);
  else if (wsp_changes_has_entity (changes, "organisation") || wsp_changes_has_entity (changes, "person"))
    update_empty_state (self);
}

void
wsp_members_page_set_store (WspMembersPage *self,
                            WspStore       *store)
{
  g_return_if_fail (WSP_IS_MEMBERS_PAGE (self));

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_set_object (&self->store, store);
  if (store != NULL)
    self->changed_id = g_signal_connect (store, "changed", G_CALLBACK (store_changed_cb), self);
  /* Read at once when shown already, else when it is first shown. */
  self->loaded = FALSE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    load_section (self);
  else
    update_empty_state (self);
}

static gboolean
load_idle_cb (gpointer data)
{
  WspMembersPage *self = data;

  self->load_id = 0;
  load_section (self);
  return G_SOURCE_REMOVE;
}

/* Shown for the first time: the lists are read after the frame that shows
 * the view is drawn, so a big database never delays the window. */
static void
map_cb (WspMembersPage *self)
{
  if (!self->loaded && self->load_id == 0)
    self->load_id = g_idle_add_full (G_PRIORITY_LOW, load_idle_cb, self, NULL);
}

static void
ensure_loaded (WspMembersPage *self)
{
  if (!self->loaded)
    load_section (self);
}

/* The sections, in the order of the chooser. */
static const char * const sections[] = { "organisations", "people", "forum", "council" };

/* Shows one section: "organisations", "people", "forum" or "council". */
void
wsp_members_page_show_section (WspMembersPage *self,
                               const char     *section)
{
  guint index = 0;

  g_return_if_fail (WSP_IS_MEMBERS_PAGE (self));

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    if (g_strcmp0 (sections[i], section) == 0)
      index = i;
  if (g_strcmp0 (self->section, sections[index]) == 0)
    return;
  g_free (self->section);
  self->section = g_strdup (sections[index]);
  g_clear_pointer (&self->selected_id, g_free);
  gtk_drop_down_set_selected (self->section_chooser, index);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  load_section (self);
}

static void
section_chosen_cb (WspMembersPage *self)
{
  guint index = gtk_drop_down_get_selected (self->section_chooser);

  if (index < G_N_ELEMENTS (sections))
    wsp_members_page_show_section (self, sections[index]);
}

static void
search_changed_cb (WspMembersPage *self)
{
  g_free (self->search);
  self->search = fold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

void
wsp_members_page_set_search (WspMembersPage *self,
                             const char     *text)
{
  g_return_if_fail (WSP_IS_MEMBERS_PAGE (self));
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  /* The entry tells its change after a pause; apply it now. */
  search_changed_cb (self);
}

/* The list as shown (after the search). */
GListModel *
wsp_members_page_get_list_model (WspMembersPage *self)
{
  g_return_val_if_fail (WSP_IS_MEMBERS_PAGE (self), NULL);
  ensure_loaded (self);
  return G_LIST_MODEL (self->filtered);
}

/* Selects the record @id in the list; FALSE when it is not there. */
gboolean
wsp_members_page_select (WspMembersPage *self,
                         const char     *id)
{
  g_return_val_if_fail (WSP_IS_MEMBERS_PAGE (self), FALSE);
  ensure_loaded (self);

  for (int i = 0;; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list, i);
      WspRecord *record;

      if (row == NULL)
        return FALSE;
      record = g_object_get_data (G_OBJECT (row), "record");
      if (g_strcmp0 (wsp_record_get_id (record), id) == 0)
        {
          gtk_list_box_select_row (self->list, row);
          return TRUE;
        }
    }
}

WspRecord *
wsp_members_page_get_selected (WspMembersPage *self)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (WSP_IS_MEMBERS_PAGE (self), NULL);
  row = gtk_list_box_get_selected_row (self->list);
  return row != NULL ? g_object_get_data (G_OBJECT (row), "record") : NULL;
}

/* What the detail side shows: "none", "organisation", "person", "forum" or
 * "council"; or "empty" when there is nothing at all yet. */
const char *
wsp_members_page_get_visible_pane (WspMembersPage *self)
{
  g_return_val_if_fail (WSP_IS_MEMBERS_PAGE (self), NULL);
  ensure_loaded (self);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "empty") == 0)
    return "empty";
  return gtk_stack_get_visible_child_name (self->detail_stack);
}

/* The open editor or import window, if any (for tests). */
GtkWindow *
wsp_members_page_get_editor (WspMembersPage *self)
{
  g_return_val_if_fail (WSP_IS_MEMBERS_PAGE (self), NULL);
  return self->editor;
}

/* What the Council's term shown needs attention for, or NULL. */
const char *
wsp_members_page_get_council_warning (WspMembersPage *self)
{
  g_return_val_if_fail (WSP_IS_MEMBERS_PAGE (self), NULL);
  return wsp_council_overview_get_warning (self->council_overview);
}

static void
add_toast (WspMembersPage *self,
           AdwToast       *toast)
{
  wsp_gui_add_toast (GTK_WIDGET (self), toast);
}

static void
editor_destroyed_cb (WspMembersPage *self)
{
  self->editor = NULL;
}

static void
open_editor (WspMembersPage *self,
             GtkWindow      *editor)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->editor != NULL)
    gtk_window_destroy (self->editor);
  self->editor = editor;
  g_signal_connect_object (editor, "destroy", G_CALLBACK (editor_destroyed_cb), self,
                           G_CONNECT_SWAPPED);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (editor, GTK_WINDOW (root));
  gtk_window_present (editor);
}

static void
add_organisation_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  WspMembersPage *self = WSP_MEMBERS_PAGE (widget);

  if (self->store == NULL)
    return;
  open_editor (self, GTK_WINDOW (wsp_organisation_editor_new (self->store, NULL)));
}

static void
edit_organisation_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  WspMembersPage *self = WSP_MEMBERS_PAGE (widget);
  WspRecord *record = wsp_members_page_get_selected (self);
  g_autoptr (WspRecord) fresh = NULL;

  if (record == NULL || !WSP_IS_ORGANISATION (record))
    return;
  /* Edit what is stored now, not what the row was drawn from. */
  fresh = wsp_store_get (self->store, wsp_record_get_id (record), NULL);
  if (fresh != NULL)
    open_editor (self, GTK_WINDOW (wsp_organisation_editor_new (self->store, fresh)));
}

static void
delete_organisation_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  WspMembersPage *self = WSP_MEMBERS_PAGE (widget);
  WspRecord *record = wsp_members_page_get_selected (self);
  g_autoptr (WspRecord) keep = record != NULL ? g_object_ref (record) : NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (keep == NULL || !WSP_IS_ORGANISATION (keep))
    return;
  if (!wsp_store_delete (self->store, keep, &error))
    {
      add_toast (self, adw_toast_new (error->message));
      return;
    }
  /* Translators: a toast after deleting; %s is the organisation's name */
  title = g_strdup_printf (_("“%s” deleted"), wsp_record_get_string (keep, "name"));
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "members.undo-delete");
  adw_toast_set_action_target_value (toast, g_variant_new_string (wsp_record_get_id (keep)));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  add_toast (self, toast);
}

static void
undo_delete_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  WspMembersPage *self = WSP_MEMBERS_PAGE (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  g_autoptr (GError) error = NULL;

  if (!wsp_store_undelete (self->store, id, &error))
    {
      add_toast (self, adw_toast_new (error->message));
      return;
    }
  wsp_members_page_select (self, id);
}

static void
history_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  WspMembersPage *self = WSP_MEMBERS_PAGE (widget);
  WspRecord *record = wsp_members_page_get_selected (self);

  if (record == NULL || self->store == NULL)
    return;
  open_editor (self, GTK_WINDOW (wsp_history_dialog_new (self->store, record)));
}

static void
import_csv_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  WspMembersPage *self = WSP_MEMBERS_PAGE (widget);

  if (self->store == NULL)
    return;
  open_editor (self, GTK_WINDOW (wsp_csv_import_dialog_new (self->store)));
}

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  WspMembersPage *self = WSP_MEMBERS_PAGE (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
back_clicked_cb (WspMembersPage *self)
{
  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
}

static void
view_set_store (WspView  *view,
                WspStore *store)
{
  wsp_members_page_set_store (WSP_MEMBERS_PAGE (view), store);
}

static void
view_focus_search (WspView *view)
{
  gtk_widget_activate_action (GTK_WIDGET (view), "members.search", NULL);
}

/* The view's keys: they work while it is shown, wherever the focus is. */
static const WspViewShortcut shortcuts[] = {
  { "<Control>n", "members.add-organisation" },
  { "Delete", "members.delete-organisation" },
  { "<Control>i", "members.import-csv" },
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
}

static void
wsp_members_page_dispose (GObject *object)
{
  WspMembersPage *self = WSP_MEMBERS_PAGE (object);

  self->disposing = TRUE;
  g_clear_handle_id (&self->load_id, g_source_remove);
  if (self->editor != NULL)
    gtk_window_destroy (self->editor);
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  g_clear_object (&self->source);
  g_clear_object (&self->filtered);
  g_clear_pointer (&self->section, g_free);
  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->selected_id, g_free);

  G_OBJECT_CLASS (wsp_members_page_parent_class)->dispose (object);
}

static void
wsp_members_page_class_init (WspMembersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wsp_members_page_dispose;

  g_type_ensure (WSP_TYPE_ORGANISATION_DETAIL);
  g_type_ensure (WSP_TYPE_PERSON_DETAIL);
  g_type_ensure (WSP_TYPE_FORUM_OVERVIEW);
  g_type_ensure (WSP_TYPE_COUNCIL_OVERVIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Wspolnie/members/wsp-members-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WspMembersPage, stack);
  gtk_widget_class_bind_template_child (widget_class, WspMembersPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, WspMembersPage, sidebar);
  gtk_widget_class_bind_template_child (widget_class, WspMembersPage, content);
  gtk_widget_class_bind_template_child (widget_class, WspMembersPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, WspMembersPage, list);
  gtk_widget_class_bind_template_child (widget_class, WspMembersPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, WspMembersPage, section_chooser);
  gtk_widget_class_bind_template_child (widget_class, WspMembersPage, organisation_detail);
  gtk_widget_class_bind_template_child (widget_class, WspMembersPage, person_detail);
  gtk_widget_class_bind_template_child (widget_class, WspMembersPage, forum_overview);
  gtk_widget_class_bind_template_child (widget_class, WspMembersPage, council_overview);
  gtk_widget_class_bind_template_child (widget_class, WspMembersPage, nothing_selected);
  gtk_widget_class_bind_template_callback (widget_class, row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, section_chosen_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);

  gtk_widget_class_install_action (widget_class, "members.add-organisation", NULL,
                                   add_organisation_action);
  gtk_widget_class_install_action (widget_class, "members.edit-organisation", NULL,
                                   edit_organisation_action);
  gtk_widget_class_install_action (widget_class, "members.delete-organisation", NULL,
                                   delete_organisation_action);
  gtk_widget_class_install_action (widget_class, "members.undo-delete", "s", undo_delete_action);
  gtk_widget_class_install_action (widget_class, "members.import-csv", NULL, import_csv_action);
  gtk_widget_class_install_action (widget_class, "members.history", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "members.search", NULL, focus_search_action);

}

static void
wsp_members_page_init (WspMembersPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter = gtk_custom_filter_new (matches, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));
  g_signal_connect_object (self->filtered, "items-changed", G_CALLBACK (list_changed_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "members.edit-organisation", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "members.delete-organisation", FALSE);
  self->section = g_strdup ("organisations");
  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);
}
