/* wsp-members-page.c — organisations, people, the Forum and the Council
 *
 * A sidebar lists the records of one section (chosen by the drop-down above
 * it, and narrowed by the search); the detail of the chosen record fills the
 * rest. In a narrow window the two take turns (AdwLeaflet), with a back
 * button. The lists are the store's live models, so an edit, a delete or an
 * import shows at once, wherever it came from; people are listed by
 * surname. When the chosen record goes (deleted here or on another laptop)
 * the one that took its place in the list is chosen.
 *
 * The view's keys (Ctrl+N adds to the section shown, Delete deletes the
 * organisation or person chosen, Ctrl+I imports the register, Ctrl+F
 * searches, Escape clears the search) work wherever the focus is; a
 * delete is taken back by the toast's Undo or Ctrl+Z (wsp-undo).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "domain/wsp-seat-list.h"
#include "members/wsp-application-editor.h"
#include "members/wsp-council-overview.h"
#include "members/wsp-csv-import-dialog.h"
#include "members/wsp-forum-overview.h"
#include "members/wsp-leave-dialog.h"
#include "members/wsp-members-page.h"
#include "members/wsp-organisation-detail.h"
#include "members/wsp-organisation-editor.h"
#include "members/wsp-person-detail.h"
#include "members/wsp-person-editor.h"
#include "members/wsp-term-editor.h"
#include "records/wsp-records-members.h"
#include "store/wsp-record-list.h"
#include "sync/wsp-history-dialog.h"
#include "widgets/wsp-gui-util.h"
#include "widgets/wsp-undo.h"
#include "wsp-view.h"

struct _WspMembersPage
{
  AdwBin              parent_instance;

  WspStore           *store;
  char               *section;
  GListModel         *source;     /* the section's records */
  GtkSortListModel   *sorted;     /* people by surname */
  GtkFilterListModel *filtered;   /* narrowed by the search */
  GtkCustomFilter    *filter;
  char               *search;     /* folded */
  GtkWindow          *editor;
  gulong              changed_id;
  gboolean            disposing;
  gboolean            loaded;      /* the lists are read once the view is shown */
  guint               load_id;
  char               *selected_id; /* kept across list changes */
  int                 selected_index;
  char               *pending_id;  /* to choose once it is in the list */

  GtkStack                *stack;
  AdwLeaflet              *leaflet;
  GtkWidget               *sidebar;
  GtkWidget               *content;
  GtkSearchEntry          *search_entry;
  GtkListBox              *overview_list;
  GtkListBox              *list;
  GtkStack                *list_stack;
  GtkStack                *detail_stack;
  GtkDropDown             *section_chooser;
  GtkButton               *add_button;
  WspOrganisationDetail   *organisation_detail;
  WspPersonDetail         *person_detail;
  WspForumOverview        *forum_overview;
  WspCouncilOverview      *council_overview;
  AdwStatusPage           *nothing_selected;
};

static void view_iface_init (WspViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (WspMembersPage, wsp_members_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (WSP_TYPE_VIEW, view_iface_init))

static gboolean is_section (WspMembersPage *self,
                            const char     *section);

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
  g_autofree char *folded_title = NULL;

  if (self->search == NULL || *self->search == '\0')
    return TRUE;
  for (guint i = 0; fields[i] != NULL; i++)
    {
      g_autofree char *folded = fold (wsp_record_get_string (record, fields[i]));
      if (strstr (folded, self->search) != NULL)
        return TRUE;
    }
  title = wsp_record_dup_title (record);
  folded_title = fold (title);
  return strstr (folded_title, self->search) != NULL;
}

static int
compare_people (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  return wsp_membership_compare_people (WSP_RECORD ((gpointer) a), WSP_RECORD ((gpointer) b));
}

static char *
term_title (WspRecord *term)
{
  const char *name = wsp_record_get_string (term, "name");
  g_autofree char *starts = wsp_gui_format_date (wsp_record_get_string (term, "starts_on"));
  g_autofree char *ends = wsp_gui_format_date (wsp_record_get_string (term, "ends_on"));

  if (name != NULL)
    return g_strdup (name);
  /* Translators: a term of office, from its first to its last day */
  return g_strdup_printf (_("%s to %s"), starts, *ends != '\0' ? ends : "…");
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  WspRecord *record = record_of (item);
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  if (WSP_IS_SEAT_HOLDER (item))
    {
      const char *joined = wsp_record_get_string (wsp_seat_holder_get_seat (item), "joined_on");

      title = g_strdup (wsp_record_get_string (record, "name"));
      if (joined != NULL)
        {
          g_autofree char *day = wsp_gui_format_date (joined);
          /* Translators: a Forum member organisation's second line */
          subtitle = g_strdup_printf (_("Member since %s"), day);
        }
    }
  else if (WSP_IS_TERM (record))
    {
      g_autofree char *starts = wsp_gui_format_date (wsp_record_get_string (record, "starts_on"));
      g_autofree char *ends = wsp_gui_format_date (wsp_record_get_string (record, "ends_on"));

      title = term_title (record);
      subtitle = g_strdup_printf ("%s – %s", starts, ends);
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
            subtitle = short_name != NULL ? g_strdup_printf (_("%s · KRS %s"), short_name, krs)
                                          : g_strdup_printf (_("KRS %s"), krs);
          else
            subtitle = g_strdup (short_name);
        }
      else if (WSP_IS_PERSON (record))
        subtitle = g_strdup (wsp_record_get_string (record, "email"));
    }

  /* Titles are data, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title != NULL ? title : "");
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (wsp_record_get_conflicted (record))
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_set_tooltip_text (icon, _("Changed on two laptops at once: waits for your choice"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Changed on two laptops at once: waits for your choice"), -1);
      gtk_widget_add_css_class (icon, "warning");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
    }
  g_object_set_data_full (G_OBJECT (row), "record", g_object_ref (record), g_object_unref);
  if (WSP_IS_SEAT_HOLDER (item))
    g_object_set_data_full (G_OBJECT (row), "seat", g_object_ref (wsp_seat_holder_get_seat (item)),
                            g_object_unref);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  return row;
}

static void
update_actions (WspMembersPage *self)
{
  WspRecord *record = wsp_members_page_get_selected (self);
  gboolean organisation = record != NULL && WSP_IS_ORGANISATION (record);
  gboolean person = record != NULL && WSP_IS_PERSON (record);
  gboolean term = record != NULL && WSP_IS_TERM (record);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "members.edit-organisation", organisation);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "members.delete-organisation", organisation);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "members.edit", organisation || person || term);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "members.delete", organisation || person);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "members.history", record != NULL);
}

static void
show_detail (WspMembersPage *self,
             WspRecord      *record)
{
  if (record == NULL)
    {
      gtk_stack_set_visible_child_name (self->detail_stack, is_section (self, "forum") ? "forum" : "none");
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
      self->selected_index = gtk_list_box_row_get_index (row);
      gtk_list_box_unselect_all (self->overview_list);
    }
  else if (self->selected_id != NULL)
    return; /* the row is being redrawn after a change: see list_changed_cb */
  show_detail (self, record);
  update_actions (self);
}

static void
update_list_state (WspMembersPage *self)
{
  gboolean none = self->filtered != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0
                  && self->search != NULL && *self->search != '\0';

  gtk_stack_set_visible_child_name (self->list_stack, none ? "no-results" : "list");
}

/* A changed record's row is made anew: choose it again; when it is gone,
 * choose the row that took its place (or the one before it, at the end). */
static void
list_changed_cb (WspMembersPage *self)
{
  g_autofree char *id = g_strdup (self->selected_id);

  if (self->disposing)
    return;
  update_list_state (self);
  if (self->pending_id != NULL && wsp_members_page_select (self, self->pending_id))
    {
      g_clear_pointer (&self->pending_id, g_free);
      return;
    }
  if (id == NULL || gtk_list_box_get_selected_row (self->list) != NULL)
    return;
  if (!wsp_members_page_select (self, id))
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));

      g_clear_pointer (&self->selected_id, g_free);
      if (n > 0 && self->selected_index >= 0)
        gtk_list_box_select_row (self->list, gtk_list_box_get_row_at_index (self->list,
                                                                           MIN ((guint) self->selected_index, n - 1)));
      else
        row_selected_cb (self, NULL);
    }
}

static void
row_activated_cb (WspMembersPage *self,
                  GtkListBoxRow  *row)
{
  row_selected_cb (self, row);
  if (row != NULL)
    adw_leaflet_set_visible_child (self->leaflet, self->content);
}

/* The Forum's overview (its applications and former members), reached in a
 * narrow window too. */
static void
overview_selected_cb (WspMembersPage *self,
                      GtkListBoxRow  *row)
{
  if (row == NULL || self->disposing)
    return;
  g_clear_pointer (&self->selected_id, g_free);
  gtk_list_box_unselect_all (self->list);
  gtk_stack_set_visible_child_name (self->detail_stack, "forum");
  update_actions (self);
}

static void
overview_activated_cb (WspMembersPage *self,
                       GtkListBoxRow  *row)
{
  overview_selected_cb (self, row);
  adw_leaflet_set_visible_child (self->leaflet, self->content);
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

static gboolean
is_section (WspMembersPage *self,
            const char     *section)
{
  return g_strcmp0 (self->section, section) == 0;
}

static void update_empty_state (WspMembersPage *self);

/* What the "+" button adds in each section. */
static void
update_add_button (WspMembersPage *self)
{
  const char *tooltip = is_section (self, "people")  ? _("Add Person (Ctrl+N)")
                        : is_section (self, "forum")   ? _("Enter an Application to Join (Ctrl+N)")
                        : is_section (self, "council") ? _("Add a Term of Office (Ctrl+N)")
                                                       : _("Add Organisation (Ctrl+N)");
  g_autofree char *label = g_strndup (tooltip, strstr (tooltip, " (") != NULL ? (gsize) (strstr (tooltip, " (") - tooltip)
                                                                              : strlen (tooltip));

  gtk_widget_set_tooltip_text (GTK_WIDGET (self->add_button), tooltip);
  g_object_set (self->search_entry, "placeholder-text",
                                         is_section (self, "people")  ? _("Search by name or e-mail")
                                         : is_section (self, "forum")   ? _("Search the Forum’s members")
                                         : is_section (self, "council") ? _("Search the terms of office")
                                                                        : _("Search by name, short name or KRS"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/* Binds the section's list: live models that follow the store. */
static void
load_section (WspMembersPage *self)
{
  g_autofree char *selected_id = NULL;
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->list);

  self->loaded = TRUE;
  g_clear_handle_id (&self->load_id, g_source_remove);
  update_add_button (self);
  gtk_widget_set_visible (GTK_WIDGET (self->overview_list), is_section (self, "forum"));
  if (self->store == NULL || self->section == NULL)
    return;
  if (row != NULL)
    selected_id = g_strdup (wsp_record_get_id (g_object_get_data (G_OBJECT (row), "record")));

  g_clear_object (&self->source);
  if (is_section (self, "people"))
    self->source = G_LIST_MODEL (wsp_record_list_new (self->store, WSP_TYPE_PERSON, NULL, NULL));
  else if (is_section (self, "forum"))
    self->source = forum_model (self);
  else if (is_section (self, "council"))
    self->source = council_model (self);
  else
    self->source = G_LIST_MODEL (wsp_record_list_new (self->store, WSP_TYPE_ORGANISATION, NULL, NULL));

  /* The sorter first: the people's sorter knows people only. */
  gtk_sort_list_model_set_sorter (self->sorted, NULL);
  gtk_sort_list_model_set_model (self->sorted, self->source);
  if (is_section (self, "people"))
    {
      g_autoptr (GtkSorter) by_surname = GTK_SORTER (gtk_custom_sorter_new (compare_people, NULL, NULL));

      gtk_sort_list_model_set_sorter (self->sorted, by_surname);
    }
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->filtered), create_row, self, NULL);

  if (is_section (self, "forum"))
    wsp_forum_overview_set_store (self->forum_overview, self->store);
  if (selected_id == NULL || !wsp_members_page_select (self, selected_id))
    {
      /* The Council opens on its current term, the Forum on its overview. */
      if (is_section (self, "council") && g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0)
        gtk_list_box_select_row (self->list, gtk_list_box_get_row_at_index (self->list, 0));
      else if (is_section (self, "forum"))
        gtk_list_box_select_row (self->overview_list, gtk_list_box_get_row_at_index (self->overview_list, 0));
      /* Side by side, the detail shows the first entry rather than nothing. */
      else if (!adw_leaflet_get_folded (self->leaflet) && g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0)
        gtk_list_box_select_row (self->list, gtk_list_box_get_row_at_index (self->list, 0));
      else
        show_detail (self, NULL);
    }
  update_empty_state (self);
  update_list_state (self);
  update_actions (self);
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
  if (wsp_changes_has_entity (changes, "body") && (is_section (self, "forum") || is_section (self, "council")))
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
  if (self->editor != NULL)
    gtk_window_destroy (self->editor);
  g_set_object (&self->store, store);
  g_clear_pointer (&self->selected_id, g_free);
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
  if (is_section (self, sections[index]))
    {
      ensure_loaded (self);
      return;
    }
  g_free (self->section);
  self->section = g_strdup (sections[index]);
  g_clear_pointer (&self->selected_id, g_free);
  self->selected_index = -1;
  gtk_drop_down_set_selected (self->section_chooser, index);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  g_clear_pointer (&self->search, g_free);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_LESS_STRICT);
  load_section (self);
}

/* The section shown. */
const char *
wsp_members_page_get_section (WspMembersPage *self)
{
  g_return_val_if_fail (WSP_IS_MEMBERS_PAGE (self), NULL);
  return self->section;
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
  update_list_state (self);
}

/* Escape in the search clears it; the list shows everything again. */
static void
stop_search_cb (WspMembersPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  search_changed_cb (self);
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

/* Whether the list says that nothing matches the search. */
gboolean
wsp_members_page_get_no_results (WspMembersPage *self)
{
  g_return_val_if_fail (WSP_IS_MEMBERS_PAGE (self), FALSE);
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->list_stack), "no-results") == 0;
}

/* The list as shown (after the search). */
GListModel *
wsp_members_page_get_list_model (WspMembersPage *self)
{
  g_return_val_if_fail (WSP_IS_MEMBERS_PAGE (self), NULL);
  ensure_loaded (self);
  return G_LIST_MODEL (self->filtered);
}

/* The list's widget (for tests, which move through it by keys). */
GtkWidget *
wsp_members_page_get_list (WspMembersPage *self)
{
  g_return_val_if_fail (WSP_IS_MEMBERS_PAGE (self), NULL);
  return GTK_WIDGET (self->list);
}

/* The Forum section's row that opens the Forum's overview. */
GtkWidget *
wsp_members_page_get_overview_row (WspMembersPage *self)
{
  g_return_val_if_fail (WSP_IS_MEMBERS_PAGE (self), NULL);
  return GTK_WIDGET (gtk_list_box_get_row_at_index (self->overview_list, 0));
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

/* Chooses @id now, or when it comes into the list (a record just saved). */
static void
select_soon (WspMembersPage *self,
             const char     *id)
{
  g_clear_pointer (&self->pending_id, g_free);
  if (!wsp_members_page_select (self, id))
    self->pending_id = g_strdup (id);
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

/* Whether a narrow window shows the detail rather than the list. */
gboolean
wsp_members_page_get_showing_detail (WspMembersPage *self)
{
  g_return_val_if_fail (WSP_IS_MEMBERS_PAGE (self), FALSE);
  return adw_leaflet_get_visible_child (self->leaflet) == self->content;
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
  g_signal_connect_object (editor, "destroy", G_CALLBACK (editor_destroyed_cb), self, G_CONNECT_SWAPPED);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (editor, GTK_WINDOW (root));
  gtk_window_present (editor);
}

/* A record saved in an editor is chosen in the list. */
static void
saved_cb (WspMembersPage *self,
          const char     *id)
{
  select_soon (self, id);
}

/* The organisation that already has the number typed in the editor. */
static void
open_existing_cb (WspMembersPage *self,
                  const char     *id)
{
  wsp_members_page_show_section (self, "organisations");
  wsp_members_page_set_search (self, "");
  select_soon (self, id);
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
open_organisation_editor (WspMembersPage *self,
                          WspRecord      *organisation)
{
  WspOrganisationEditor *editor = wsp_organisation_editor_new (self->store, organisation);

  g_signal_connect_object (editor, "saved", G_CALLBACK (saved_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (editor, "open-existing", G_CALLBACK (open_existing_cb), self, G_CONNECT_SWAPPED);
  open_editor (self, GTK_WINDOW (editor));
}

static void
open_person_editor (WspMembersPage *self,
                    WspRecord      *person)
{
  WspPersonEditor *editor = wsp_person_editor_new (self->store, person);

  g_signal_connect_object (editor, "saved", G_CALLBACK (saved_cb), self, G_CONNECT_SWAPPED);
  open_editor (self, GTK_WINDOW (editor));
}

static void
open_term_editor (WspMembersPage *self,
                  WspRecord      *term)
{
  g_autoptr (WspRecord) council = wsp_membership_find_body (self->store, "council", NULL);
  WspTermEditor *editor;

  if (council == NULL)
    {
      wsp_gui_add_toast (GTK_WIDGET (self), adw_toast_new (_("There is no Council in the data yet.")));
      return;
    }
  editor = wsp_term_editor_new (self->store, wsp_record_get_id (council), term);
  g_signal_connect_object (editor, "saved", G_CALLBACK (saved_cb), self, G_CONNECT_SWAPPED);
  open_editor (self, GTK_WINDOW (editor));
}

static void
add_application (WspMembersPage *self)
{
  g_autoptr (WspRecord) forum = wsp_membership_find_body (self->store, "forum", NULL);

  if (forum == NULL)
    {
      wsp_gui_add_toast (GTK_WIDGET (self), adw_toast_new (_("There is no NGO Forum in the data yet.")));
      return;
    }
  open_editor (self, GTK_WINDOW (wsp_application_editor_new (self->store, wsp_record_get_id (forum))));
}

static void
add_organisation_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  WspMembersPage *self = WSP_MEMBERS_PAGE (widget);

  if (self->store == NULL)
    return;
  if (!is_section (self, "organisations") && !is_section (self, "forum"))
    wsp_members_page_show_section (self, "organisations");
  open_organisation_editor (self, NULL);
}

static void
add_person_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  WspMembersPage *self = WSP_MEMBERS_PAGE (widget);

  if (self->store == NULL)
    return;
  wsp_members_page_show_section (self, "people");
  open_person_editor (self, NULL);
}

/* Ctrl+N and "+": adds to the section shown. */
static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  WspMembersPage *self = WSP_MEMBERS_PAGE (widget);

  if (self->store == NULL)
    return;
  ensure_loaded (self);
  if (is_section (self, "people"))
    open_person_editor (self, NULL);
  else if (is_section (self, "council"))
    open_term_editor (self, NULL);
  else if (is_section (self, "forum"))
    add_application (self);
  else
    open_organisation_editor (self, NULL);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  WspMembersPage *self = WSP_MEMBERS_PAGE (widget);
  WspRecord *record = wsp_members_page_get_selected (self);
  g_autoptr (WspRecord) fresh = NULL;

  if (record == NULL)
    return;
  /* Edit what is stored now, not what the row was drawn from. */
  fresh = wsp_store_get (self->store, wsp_record_get_id (record), NULL);
  if (fresh == NULL)
    return;
  if (WSP_IS_ORGANISATION (fresh))
    open_organisation_editor (self, fresh);
  else if (WSP_IS_PERSON (fresh))
    open_person_editor (self, fresh);
  else if (WSP_IS_TERM (fresh))
    open_term_editor (self, fresh);
}

typedef struct
{
  WspStore *store;
  char     *id;
  GWeakRef  page;
} Undelete;

static void
undelete_free (Undelete *undelete)
{
  g_clear_object (&undelete->store);
  g_free (undelete->id);
  g_weak_ref_clear (&undelete->page);
  g_free (undelete);
}

/* The Undo of a delete: the record comes back, and is chosen again. */
static gboolean
undelete (gpointer   data,
          GError   **error)
{
  Undelete *undelete = data;
  g_autoptr (WspMembersPage) page = g_weak_ref_get (&undelete->page);

  if (!wsp_store_undelete (undelete->store, undelete->id, error))
    return FALSE;
  if (page != NULL && page->store == undelete->store)
    select_soon (page, undelete->id);
  return TRUE;
}

/* Delete: the organisation or person chosen goes (a tombstone, which
 * travels), the row after it is chosen, and Undo brings it back. One who
 * holds a seat is not deleted: the seat is left first. */
static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  WspMembersPage *self = WSP_MEMBERS_PAGE (widget);
  WspRecord *record = wsp_members_page_get_selected (self);
  g_autoptr (WspRecord) keep = record != NULL ? g_object_ref (record) : NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *today = wsp_gui_today ();
  Undelete *undo;

  if (keep == NULL || !(WSP_IS_ORGANISATION (keep) || WSP_IS_PERSON (keep)))
    return;
  if (!wsp_membership_can_delete (self->store, keep, today, &error) || !wsp_store_delete (self->store, keep, &error))
    {
      wsp_gui_show_error (GTK_WIDGET (self), error);
      return;
    }
  undo = g_new0 (Undelete, 1);
  undo->store = g_object_ref (self->store);
  undo->id = g_strdup (wsp_record_get_id (keep));
  g_weak_ref_init (&undo->page, self);
  /* Translators: a toast after deleting; %s is the organisation's or person's name */
  title = g_strdup_printf (_("“%s” deleted"), wsp_record_get_string (keep, "name"));
  wsp_gui_offer_undo (GTK_WIDGET (self), title, undelete, undo, (GDestroyNotify) undelete_free);
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

/* A member leaves the Forum (the seat @parameter): the day and why. */
static void
leave_forum_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  WspMembersPage *self = WSP_MEMBERS_PAGE (widget);
  g_autoptr (WspRecord) seat = wsp_store_get (self->store, g_variant_get_string (parameter, NULL), NULL);
  g_autoptr (WspRecord) organisation = NULL;

  if (seat == NULL)
    return;
  organisation = wsp_store_get (self->store, wsp_record_get_string (seat, "organisation_id"), NULL);
  open_editor (self, GTK_WINDOW (wsp_leave_dialog_new (self->store, seat,
                                                       organisation != NULL ? wsp_record_get_string (organisation, "name")
                                                                            : "?")));
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

  ensure_loaded (self);
  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Tab treats the list as one stop, whatever is chosen in it: from the
 * search, Tab goes to the row chosen (or the first); from the list, Tab
 * goes on to the detail (or the "+" of a narrow window), Shift+Tab back to
 * the search. Arrows move within the list. */
static gboolean
focus_row (WspMembersPage *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->list);

  if (row == NULL)
    row = gtk_list_box_get_row_at_index (self->list, 0);
  return row != NULL && gtk_widget_grab_focus (GTK_WIDGET (row));
}

static gboolean
search_key_cb (GtkEventControllerKey *controller,
               guint                  keyval,
               guint                  keycode,
               GdkModifierType        state,
               WspMembersPage        *self)
{
  if (keyval == GDK_KEY_Tab && (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) == 0)
    return focus_row (self);
  return FALSE;
}

static gboolean
list_key_cb (GtkEventControllerKey *controller,
             guint                  keyval,
             guint                  keycode,
             GdkModifierType        state,
             WspMembersPage        *self)
{
  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;
  if (keyval == GDK_KEY_ISO_Left_Tab || (keyval == GDK_KEY_Tab && (state & GDK_SHIFT_MASK) != 0))
    return gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  if (keyval == GDK_KEY_Tab)
    {
      if (!adw_leaflet_get_folded (self->leaflet)
          && gtk_widget_child_focus (GTK_WIDGET (self->detail_stack), GTK_DIR_TAB_FORWARD))
        return TRUE;
      return gtk_widget_grab_focus (GTK_WIDGET (self->add_button));
    }
  return FALSE;
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
  { "<Control>n", "members.add" },
  { "Delete", "members.delete" },
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
  g_clear_pointer (&self->pending_id, g_free);

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
  gtk_widget_class_bind_template_child (widget_class, WspMembersPage, overview_list);
  gtk_widget_class_bind_template_child (widget_class, WspMembersPage, list);
  gtk_widget_class_bind_template_child (widget_class, WspMembersPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, WspMembersPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, WspMembersPage, section_chooser);
  gtk_widget_class_bind_template_child (widget_class, WspMembersPage, add_button);
  gtk_widget_class_bind_template_child (widget_class, WspMembersPage, organisation_detail);
  gtk_widget_class_bind_template_child (widget_class, WspMembersPage, person_detail);
  gtk_widget_class_bind_template_child (widget_class, WspMembersPage, forum_overview);
  gtk_widget_class_bind_template_child (widget_class, WspMembersPage, council_overview);
  gtk_widget_class_bind_template_child (widget_class, WspMembersPage, nothing_selected);
  gtk_widget_class_bind_template_callback (widget_class, row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, overview_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, overview_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, section_chosen_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);

  gtk_widget_class_install_action (widget_class, "members.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "members.add-organisation", NULL, add_organisation_action);
  gtk_widget_class_install_action (widget_class, "members.add-person", NULL, add_person_action);
  gtk_widget_class_install_action (widget_class, "members.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "members.edit-organisation", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "members.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "members.delete-organisation", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "members.leave-forum", "s", leave_forum_action);
  gtk_widget_class_install_action (widget_class, "members.import-csv", NULL, import_csv_action);
  gtk_widget_class_install_action (widget_class, "members.history", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "members.search", NULL, focus_search_action);
}

static void
wsp_members_page_init (WspMembersPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->selected_index = -1;
  {
    GtkEventController *keys = gtk_event_controller_key_new ();

    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
    g_signal_connect (keys, "key-pressed", G_CALLBACK (list_key_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self->list), keys);
    keys = gtk_event_controller_key_new ();
    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
    g_signal_connect (keys, "key-pressed", G_CALLBACK (search_key_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);
  }
  self->filter = gtk_custom_filter_new (matches, self, NULL);
  self->sorted = gtk_sort_list_model_new (NULL, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (self->sorted), GTK_FILTER (self->filter));
  g_signal_connect_object (self->filtered, "items-changed", G_CALLBACK (list_changed_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  self->section = g_strdup ("organisations");
  update_actions (self);
  update_add_button (self);
  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);
}
