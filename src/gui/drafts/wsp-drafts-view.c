/* wsp-drafts-view.c — Drafts & Opinions: the city's drafts, the comments on them, the opinion
 *
 * The list on the left is the drafts, the most urgent first (WspDraftList:
 * days left, due today, deemed waived, then those with an opinion), each
 * with where it stands; the search narrows it. The chosen draft fills the
 * rest (WspDraftPage); in a narrow window the two take turns (AdwLeaflet).
 * The list follows the store by itself; the page is read again (a
 * WspDraftDetail) after any commit that touched drafts, their versions,
 * comments, decisions, opinions or agenda items.
 *
 * The view's actions, "drafts.…", are what its buttons and keys do:
 * register a draft (Ctrl+N) or a new version (Ctrl+Shift+N), comment
 * (Ctrl+M) or comment a unit, decide or correct a comment, record the
 * opinion, save or print the table of comments (Ctrl+P) and save the
 * opinion document.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "base/wsp-text.h"
#include "domain/wsp-draft-list.h"
#include "drafts/wsp-comment-editor.h"
#include "drafts/wsp-decision-editor.h"
#include "drafts/wsp-draft-editor.h"
#include "drafts/wsp-draft-labels.h"
#include "drafts/wsp-draft-page.h"
#include "drafts/wsp-drafts-view.h"
#include "drafts/wsp-opinion-editor.h"
#include "drafts/wsp-review-sender.h"
#include "output/wsp-builders.h"
#include "output/wsp-output.h"
#include "print/wsp-print-operation.h"
#include "records/wsp-records-drafts.h"
#include "sync/wsp-review.h"
#include "widgets/wsp-gui-util.h"
#include "wsp-view.h"

typedef enum
{
  DOCUMENT_TABLE,
  DOCUMENT_OPINION,
  DOCUMENT_REPLY,  /* a member's reply, back to the secretary */
} DocumentKind;

struct _WspDraftsView
{
  AdwBin                parent_instance;

  WspStore             *store;
  WspDraftList         *drafts;
  GtkFilterListModel   *filtered;
  GtkCustomFilter      *filter;
  GtkSingleSelection   *selection;
  char                 *search;       /* folded */
  char                 *selected_id;
  GtkWindow            *dialog;
  GtkFileChooserNative *chooser;
  DocumentKind          chooser_kind;
  gulong                changed_id;
  gboolean              loaded;
  guint                 load_id;

  GtkStack             *stack;
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar;
  GtkWidget            *content;
  GtkSearchEntry       *search_entry;
  GtkStack             *list_stack;
  GtkListView          *list;
  GtkStack             *detail_stack;
  WspDraftPage         *page;
};

static void view_iface_init (WspViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (WspDraftsView, wsp_drafts_view, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (WSP_TYPE_VIEW, view_iface_init))

/* ---- the list ------------------------------------------------------------ */

static gboolean
matches (gpointer item,
         gpointer user_data)
{
  WspDraftsView *self = user_data;
  WspRecord *draft = wsp_draft_item_get_draft (item);
  g_autofree char *title = NULL;
  g_autofree char *from = NULL;

  if (self->search == NULL || self->search[0] == '\0')
    return TRUE;
  title = wsp_text_fold (wsp_record_get_string (draft, "title"));
  from = wsp_text_fold (wsp_record_get_string (draft, "submitted_by"));
  return strstr (title, self->search) != NULL || strstr (from, self->search) != NULL;
}

static GtkWidget *
draft_row_new (WspDraftItem *item)
{
  WspRecord *draft = wsp_draft_item_get_draft (item);
  WspOpinionState state = wsp_draft_item_get_state (item);
  int days_left = wsp_draft_item_get_days_left (item);
  g_autofree char *state_text = wsp_draft_state_text (state, days_left, wsp_draft_item_get_opinion (item));
  g_autofree char *received = wsp_draft_format_date (wsp_record_get_string (draft, "received_on"));
  g_autofree char *line = NULL;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *title = gtk_label_new (wsp_record_get_string (draft, "title"));
  GtkWidget *second;

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (title), 3);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), wsp_draft_badge_new (state_text, wsp_draft_state_css_class (state, days_left)));
  if (wsp_record_get_string (draft, "submitted_by") != NULL)
    line = g_strdup_printf ("%s · %s", wsp_record_get_string (draft, "submitted_by"), received);
  else
    line = g_strdup (received);
  second = gtk_label_new (line);
  gtk_label_set_xalign (GTK_LABEL (second), 0);
  gtk_label_set_ellipsize (GTK_LABEL (second), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (second, "caption");
  gtk_widget_add_css_class (second, "dim-label");
  gtk_box_append (GTK_BOX (box), second);
  return box;
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         gpointer                  data)
{
  gtk_list_item_set_child (item, draft_row_new (gtk_list_item_get_item (item)));
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  data)
{
  gtk_list_item_set_child (item, NULL);
}

/* ---- the chosen draft ----------------------------------------------------- */

/* Reads the chosen draft again and shows it; "none" when there is none. */
static void
show_selected (WspDraftsView *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WspDraftDetail) detail = NULL;

  if (self->store == NULL || self->selected_id == NULL)
    {
      wsp_draft_page_set_detail (self->page, self->store, NULL);
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      return;
    }
  detail = wsp_draft_detail_load (self->store, self->selected_id, NULL, &error);
  if (detail == NULL)
    {
      if (!g_error_matches (error, WSP_STORE_ERROR, WSP_STORE_ERROR_NOT_FOUND))
        wsp_gui_show_error (GTK_WIDGET (self), error);
      g_clear_pointer (&self->selected_id, g_free);
      wsp_draft_page_set_detail (self->page, self->store, NULL);
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      return;
    }
  wsp_draft_page_set_detail (self->page, self->store, detail);
  gtk_stack_set_visible_child_name (self->detail_stack, "draft");
}

/* Hides the buttons under @widget that do one of @actions. */
static void
hide_buttons (GtkWidget          *widget,
              const char * const *actions)
{
  if (GTK_IS_BUTTON (widget) && gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)) != NULL
      && g_strv_contains (actions, gtk_actionable_get_action_name (GTK_ACTIONABLE (widget))))
    gtk_widget_set_visible (widget, FALSE);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    hide_buttons (child, actions);
}

static void
update_actions (WspDraftsView *self)
{
  gboolean chosen = self->selected_id != NULL && self->store != NULL;
  static const char * const actions[] = {
    "drafts.add-version", "drafts.add-comment", "drafts.comment-unit", "drafts.decide", "drafts.correct-comment",
    "drafts.record-opinion", "drafts.export-table", "drafts.export-opinion", "drafts.print-table",
  };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), actions[i], chosen);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "drafts.add", self->store != NULL);
  if (chosen)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "drafts.export-opinion",
                                   wsp_draft_detail_get_opinion (wsp_draft_page_get_detail (self->page)) != NULL);
  /* A member's laptop sends its comments back; the secretary's sends drafts out. */
  {
    g_autofree char *reviewer = self->store != NULL ? wsp_review_dup_reviewer (self->store) : NULL;

    gtk_widget_action_set_enabled (GTK_WIDGET (self), "drafts.send-review", chosen && reviewer == NULL);
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "drafts.send-reply", chosen && reviewer != NULL);
    /* A member comments; the secretary registers drafts, their versions and the opinion. */
    if (reviewer != NULL)
      {
        static const char * const secretary_only[] = { "drafts.add", "drafts.add-version", "drafts.record-opinion",
                                                        "drafts.decide", NULL };

        for (guint i = 0; secretary_only[i] != NULL; i++)
          gtk_widget_action_set_enabled (GTK_WIDGET (self), secretary_only[i], FALSE);
        hide_buttons (GTK_WIDGET (self), secretary_only);
      }
  }
}

static void
selection_changed_cb (WspDraftsView *self)
{
  WspDraftItem *item = gtk_single_selection_get_selected_item (self->selection);

  if (item == NULL)
    return; /* the list is being worked out again: the chosen draft stays */
  if (g_strcmp0 (self->selected_id, wsp_record_get_id (wsp_draft_item_get_draft (item))) == 0)
    return;
  g_free (self->selected_id);
  self->selected_id = g_strdup (wsp_record_get_id (wsp_draft_item_get_draft (item)));
  show_selected (self);
  update_actions (self);
}

static void
list_activate_cb (WspDraftsView *self,
                  guint          position)
{
  gtk_single_selection_set_selected (self->selection, position);
  selection_changed_cb (self);
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

/* Chooses the draft @id in the list; FALSE when the list does not show it. */
gboolean
wsp_drafts_view_select (WspDraftsView *self,
                        const char    *id)
{
  GListModel *model;

  g_return_val_if_fail (WSP_IS_DRAFTS_VIEW (self), FALSE);
  wsp_drafts_view_ensure_loaded (self);
  model = G_LIST_MODEL (self->filtered);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (WspDraftItem) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (wsp_record_get_id (wsp_draft_item_get_draft (item)), id) == 0)
        {
          list_activate_cb (self, i);
          gtk_widget_activate_action (GTK_WIDGET (self->list), "list.scroll-to-item", "u", i);
          return TRUE;
        }
    }
  return FALSE;
}

static void
update_state (WspDraftsView *self)
{
  gboolean empty = self->store == NULL || wsp_store_count (self->store, WSP_TYPE_DRAFT) == 0;

  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "content");
  gtk_stack_set_visible_child_name (self->list_stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0 ? "no-results" : "list");
}

static void
items_changed_cb (WspDraftsView *self)
{
  update_state (self);
  /* Keep the chosen draft chosen where the list moved it. */
  if (self->selected_id != NULL)
    {
      GListModel *model = G_LIST_MODEL (self->filtered);

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr (WspDraftItem) item = g_list_model_get_item (model, i);

          if (g_strcmp0 (wsp_record_get_id (wsp_draft_item_get_draft (item)), self->selected_id) == 0)
            {
              if (gtk_single_selection_get_selected (self->selection) != i)
                gtk_single_selection_set_selected (self->selection, i);
              return;
            }
        }
    }
}

static void
store_changed_cb (WspStore      *store,
                  WspChanges    *changes,
                  WspDraftsView *self)
{
  static const char * const kinds[] = { "draft", "draft_version", "comment", "comment_decision", "opinion",
                                        "agenda_item", "meeting", "draft_review", "review_reply", NULL };

  if (!self->loaded)
    {
      update_state (self);
      return;
    }
  for (guint i = 0; kinds[i] != NULL; i++)
    if (wsp_changes_has_entity (changes, kinds[i]))
      {
        show_selected (self);
        update_actions (self);
        break;
      }
  update_state (self);
}

/* Reads the list (once, when the view is first shown). */
static void
load (WspDraftsView *self)
{
  self->loaded = TRUE;
  g_clear_handle_id (&self->load_id, g_source_remove);
  if (self->store == NULL)
    {
      gtk_filter_list_model_set_model (self->filtered, NULL);
      update_state (self);
      update_actions (self);
      return;
    }
  g_clear_object (&self->drafts);
  self->drafts = wsp_draft_list_new (self->store, NULL);
  gtk_filter_list_model_set_model (self->filtered, G_LIST_MODEL (self->drafts));
  /* The most urgent draft is shown first, unless one was chosen. */
  if (self->selected_id == NULL || !wsp_drafts_view_select (self, self->selected_id))
    {
      g_clear_pointer (&self->selected_id, g_free);
      if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0)
        {
          gtk_single_selection_set_selected (self->selection, 0);
          selection_changed_cb (self);
        }
      else
        show_selected (self);
    }
  update_state (self);
  update_actions (self);
}

static gboolean
load_idle_cb (gpointer data)
{
  WspDraftsView *self = data;

  self->load_id = 0;
  load (self);
  return G_SOURCE_REMOVE;
}

/* Shown for the first time: the list is read after the frame that shows
 * the view, so a big database never delays the window. */
static void
map_cb (WspDraftsView *self)
{
  if (!self->loaded && self->load_id == 0)
    self->load_id = g_idle_add_full (G_PRIORITY_LOW, load_idle_cb, self, NULL);
}

void
wsp_drafts_view_ensure_loaded (WspDraftsView *self)
{
  g_return_if_fail (WSP_IS_DRAFTS_VIEW (self));
  if (!self->loaded)
    load (self);
}

static void
view_set_store (WspView  *view,
                WspStore *store)
{
  WspDraftsView *self = WSP_DRAFTS_VIEW (view);

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_set_object (&self->store, store);
  if (store != NULL)
    self->changed_id = g_signal_connect (store, "changed", G_CALLBACK (store_changed_cb), self);
  self->loaded = FALSE;
  g_clear_pointer (&self->selected_id, g_free);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    load (self);
  else
    update_state (self);
  update_actions (self);
}

/* ---- the search -------------------------------------------------------------- */

static void
search_changed_cb (WspDraftsView *self)
{
  g_free (self->search);
  self->search = wsp_text_fold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_state (self);
}

static void
stop_search_cb (WspDraftsView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  search_changed_cb (self);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  WspDraftsView *self = WSP_DRAFTS_VIEW (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
back_clicked_cb (WspDraftsView *self)
{
  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
}

/* ---- dialogs --------------------------------------------------------------- */

static void
dialog_destroyed_cb (WspDraftsView *self)
{
  self->dialog = NULL;
}

static void
open_dialog (WspDraftsView *self,
             GtkWindow     *dialog)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->dialog != NULL)
    gtk_window_destroy (self->dialog);
  self->dialog = dialog;
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (dialog_destroyed_cb), self, G_CONNECT_SWAPPED);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (dialog, GTK_WINDOW (root));
  gtk_window_present (dialog);
}

static void
registered_cb (WspDraftsView *self,
               const char    *draft_id)
{
  g_autofree char *id = g_strdup (draft_id);

  g_free (self->selected_id);
  self->selected_id = NULL;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  search_changed_cb (self);
  wsp_drafts_view_select (self, id);
}

static WspDraftDetail *
current (WspDraftsView *self)
{
  return self->selected_id != NULL ? wsp_draft_page_get_detail (self->page) : NULL;
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  WspDraftsView *self = WSP_DRAFTS_VIEW (widget);
  WspDraftEditor *editor;

  if (self->store == NULL)
    return;
  editor = wsp_draft_editor_new (self->store, NULL);
  g_signal_connect_object (editor, "saved", G_CALLBACK (registered_cb), self, G_CONNECT_SWAPPED);
  open_dialog (self, GTK_WINDOW (editor));
}

static void
add_version_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  WspDraftsView *self = WSP_DRAFTS_VIEW (widget);
  WspDraftDetail *detail = current (self);

  if (detail == NULL)
    return;
  open_dialog (self, GTK_WINDOW (wsp_draft_editor_new (self->store, wsp_draft_detail_get_draft (detail))));
}

static void
comment_saved_cb (WspDraftsView *self,
                  const char    *unit_key)
{
  wsp_draft_page_scroll_to_unit (self->page, unit_key);
}

static void
open_comment_editor (WspDraftsView   *self,
                     const char      *unit_key,
                     WspCommentEntry *correcting)
{
  WspDraftDetail *detail = current (self);
  WspCommentEditor *editor;

  if (detail == NULL)
    return;
  if (wsp_draft_detail_get_latest (detail) == NULL)
    {
      wsp_gui_add_toast (GTK_WIDGET (self), adw_toast_new (_("The draft has no text yet: add its version first")));
      return;
    }
  editor = wsp_comment_editor_new (self->store, detail, unit_key, correcting);
  g_signal_connect_object (editor, "saved", G_CALLBACK (comment_saved_cb), self, G_CONNECT_SWAPPED);
  open_dialog (self, GTK_WINDOW (editor));
}

static void
add_comment_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  open_comment_editor (WSP_DRAFTS_VIEW (widget), NULL, NULL);
}

static void
comment_unit_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  open_comment_editor (WSP_DRAFTS_VIEW (widget), g_variant_get_string (parameter, NULL), NULL);
}

static WspCommentEntry *
find_entry (WspDraftsView *self,
            GVariant      *parameter)
{
  WspDraftDetail *detail = current (self);

  return detail != NULL ? wsp_draft_detail_find_comment (detail, g_variant_get_string (parameter, NULL)) : NULL;
}

static void
correct_comment_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  WspDraftsView *self = WSP_DRAFTS_VIEW (widget);
  WspCommentEntry *entry = find_entry (self, parameter);

  if (entry != NULL)
    open_comment_editor (self, wsp_comment_entry_get_info (entry)->unit_key, entry);
}

static void
decide_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  WspDraftsView *self = WSP_DRAFTS_VIEW (widget);
  WspCommentEntry *entry = find_entry (self, parameter);

  if (entry != NULL)
    open_dialog (self, GTK_WINDOW (wsp_decision_editor_new (self->store, current (self), entry)));
}

static void
record_opinion_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  WspDraftsView *self = WSP_DRAFTS_VIEW (widget);
  WspDraftDetail *detail = current (self);

  if (detail != NULL)
    open_dialog (self, GTK_WINDOW (wsp_opinion_editor_new (self->store, detail)));
}

/* ---- documents ---------------------------------------------------------- */

static WspDocument *
build (WspDraftsView  *self,
       DocumentKind    kind,
       GError        **error)
{
  const char *id = self->selected_id;

  if (kind == DOCUMENT_OPINION)
    return wsp_build_opinion (self->store, id, NULL, error);
  return wsp_build_comments_table (self->store, id, NULL, error);
}

typedef struct
{
  WspDraftsView *view;
  char          *name;
} Saving;

static void
saving_free (Saving *saving)
{
  g_object_unref (saving->view);
  g_free (saving->name);
  g_free (saving);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Saving, saving_free)

static void
written_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  g_autoptr (Saving) saving = data;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;

  if (!wsp_output_write_finish (result, &error))
    {
      wsp_gui_show_error (GTK_WIDGET (saving->view), error);
      return;
    }
  /* Translators: a toast after a document was saved; %s is the file's name */
  text = g_strdup_printf (_("Saved “%s”"), saving->name);
  wsp_gui_add_toast (GTK_WIDGET (saving->view), adw_toast_new (text));
  g_signal_emit_by_name (saving->view, "document-saved");
}

/**
 * wsp_drafts_view_save_document:
 * @kind: "comments-table" or "opinion"
 * @file: where; its extension says the format (.pdf, .odt, .csv)
 *
 * Writes the chosen draft's document in the background and says so in a
 * toast ("document-saved" is emitted when it is written).
 */
void
wsp_drafts_view_save_document (WspDraftsView *self,
                               const char    *kind,
                               GFile         *file)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WspDocument) document = NULL;
  g_autofree char *path = g_file_get_path (file);
  WspFormat format;

  g_return_if_fail (WSP_IS_DRAFTS_VIEW (self));
  if (self->selected_id == NULL || path == NULL)
    return;
  if (!wsp_format_from_path (path, &format, &error)
      || (document = build (self, g_str_equal (kind, "opinion") ? DOCUMENT_OPINION : DOCUMENT_TABLE, &error)) == NULL)
    {
      wsp_gui_show_error (GTK_WIDGET (self), error);
      return;
    }
  {
    Saving *saving = g_new0 (Saving, 1);

    saving->view = g_object_ref (self);
    saving->name = g_file_get_basename (file);
    wsp_output_write_async (document, format, path, NULL, NULL, NULL, NULL, written_cb, saving);
  }
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     WspDraftsView   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autofree char *base = g_file_get_basename (file);
      g_autoptr (GFile) target = NULL;

      if (self->chooser_kind == DOCUMENT_REPLY)
        {
          wsp_drafts_view_send_reply (self, file);
          g_clear_object (&self->chooser);
          return;
        }
      /* A name typed without an extension is saved as PDF. */
      if (path != NULL && strrchr (base, '.') == NULL)
        {
          g_autofree char *with = g_strconcat (path, ".pdf", NULL);
          target = g_file_new_for_path (with);
        }
      else
        target = g_object_ref (file);
      wsp_drafts_view_save_document (self, self->chooser_kind == DOCUMENT_OPINION ? "opinion" : "comments-table",
                                     target);
    }
  g_clear_object (&self->chooser);
}

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char     *pattern)
{
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
choose_file (WspDraftsView *self,
             DocumentKind   kind)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *name = NULL;

  if (self->selected_id == NULL)
    return;
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  self->chooser_kind = kind;
  if (kind == DOCUMENT_REPLY)
    {
      self->chooser = gtk_file_chooser_native_new (_("Send Back to the Secretary"),
                                                   GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                   GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
      name = wsp_review_reply_file_name (self->store, self->selected_id);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
      add_filter (GTK_FILE_CHOOSER (self->chooser), _("Wspólnie exchange file (to attach to an e-mail)"),
                  "*" WSP_PACKET_SUFFIX);
      g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
      return;
    }
  self->chooser = gtk_file_chooser_native_new (kind == DOCUMENT_OPINION ? _("Save the Opinion")
                                                                        : _("Save the Table of Comments"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  /* Translators: file names offered when saving; keep them short, no slashes */
  name = g_strdup (kind == DOCUMENT_OPINION ? _("opinion.pdf") : _("table-of-comments.pdf"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  add_filter (GTK_FILE_CHOOSER (self->chooser), _("PDF (to print or send)"), "*.pdf");
  add_filter (GTK_FILE_CHOOSER (self->chooser), _("OpenDocument text (to edit)"), "*.odt");
  if (kind == DOCUMENT_TABLE)
    add_filter (GTK_FILE_CHOOSER (self->chooser), _("CSV (for a spreadsheet)"), "*.csv");
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
export_table_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  choose_file (WSP_DRAFTS_VIEW (widget), DOCUMENT_TABLE);
}

static void
export_opinion_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  choose_file (WSP_DRAFTS_VIEW (widget), DOCUMENT_OPINION);
}

static void
review_sent_cb (WspDraftsView *self,
                guint          members)
{
  /* Translators: a toast after a draft was sent for review */
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                        "Ready to send to %u member: attach the file to an e-mail",
                                                        "Ready to send to %u members: attach the file to an e-mail",
                                                        members),
                                           members);

  wsp_gui_add_toast (GTK_WIDGET (self), adw_toast_new (text));
  g_signal_emit_by_name (self, "document-saved");
}

static void
send_review_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  WspDraftsView *self = WSP_DRAFTS_VIEW (widget);
  WspReviewSender *sender;

  if (self->selected_id == NULL)
    return;
  sender = wsp_review_sender_new (self->store, self->selected_id);
  g_signal_connect_object (sender, "sent", G_CALLBACK (review_sent_cb), self, G_CONNECT_SWAPPED);
  open_dialog (self, GTK_WINDOW (sender));
}

static void
send_reply_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  choose_file (WSP_DRAFTS_VIEW (widget), DOCUMENT_REPLY);
}

/* A file name typed without the exchange files' ending gets it. */
static char *
exchange_path (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);

  if (path == NULL || g_str_has_suffix (path, WSP_PACKET_SUFFIX))
    return g_steal_pointer (&path);
  return g_strconcat (path, WSP_PACKET_SUFFIX, NULL);
}

/**
 * wsp_drafts_view_send_reply:
 * @file: the reply file to write
 *
 * Writes this laptop's member's comments on the chosen draft not sent
 * yet, signed, and says so in a toast.
 */
void
wsp_drafts_view_send_reply (WspDraftsView *self,
                            GFile         *file)
{
  g_auto (WspExportReport) report = { 0 };
  g_autoptr (GError) error = NULL;
  g_autofree char *path = exchange_path (file);
  g_autofree char *text = NULL;
  guint n = 0;

  g_return_if_fail (WSP_IS_DRAFTS_VIEW (self));
  if (self->selected_id == NULL || path == NULL)
    return;
  if (!wsp_review_send_reply (self->store, self->selected_id, path, &report, &n, &error))
    {
      wsp_gui_show_error (GTK_WIDGET (self), error);
      return;
    }
  /* Translators: a toast after a member's reply was written */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Your %u comment is ready to send to the secretary",
                                       "Your %u comments are ready to send to the secretary", n),
                          n);
  wsp_gui_add_toast (GTK_WIDGET (self), adw_toast_new (text));
  g_signal_emit_by_name (self, "document-saved");
}

static void
print_table_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  WspDraftsView *self = WSP_DRAFTS_VIEW (widget);
  g_autoptr (GError) error = NULL;
  g_autoptr (WspDocument) document = NULL;
  g_autoptr (WspPrintOperation) operation = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->selected_id == NULL)
    return;
  document = build (self, DOCUMENT_TABLE, &error);
  if (document == NULL)
    {
      wsp_gui_show_error (widget, error);
      return;
    }
  operation = wsp_print_operation_new (document);
  gtk_print_operation_set_allow_async (GTK_PRINT_OPERATION (operation), TRUE);
  if (gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, &error)
      == GTK_PRINT_OPERATION_RESULT_ERROR)
    wsp_gui_show_error (widget, error);
}

/* ---- for tests -------------------------------------------------------------- */

/* The list as shown (after the search): WspDraftItem. */
GListModel *
wsp_drafts_view_get_list_model (WspDraftsView *self)
{
  g_return_val_if_fail (WSP_IS_DRAFTS_VIEW (self), NULL);
  wsp_drafts_view_ensure_loaded (self);
  return G_LIST_MODEL (self->filtered);
}

WspDraftPage *
wsp_drafts_view_get_page (WspDraftsView *self)
{
  g_return_val_if_fail (WSP_IS_DRAFTS_VIEW (self), NULL);
  return self->page;
}

/* The open editor, if any. */
GtkWindow *
wsp_drafts_view_get_dialog (WspDraftsView *self)
{
  g_return_val_if_fail (WSP_IS_DRAFTS_VIEW (self), NULL);
  return self->dialog;
}

const char *
wsp_drafts_view_get_selected_id (WspDraftsView *self)
{
  g_return_val_if_fail (WSP_IS_DRAFTS_VIEW (self), NULL);
  return self->selected_id;
}

/* Whether the view shows its empty state. */
gboolean
wsp_drafts_view_is_empty (WspDraftsView *self)
{
  g_return_val_if_fail (WSP_IS_DRAFTS_VIEW (self), TRUE);
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "empty") == 0;
}

/* ---- the view ------------------------------------------------------------ */

static void
view_focus_search (WspView *view)
{
  gtk_widget_activate_action (GTK_WIDGET (view), "drafts.search", NULL);
}

static const WspViewShortcut shortcuts[] = {
  { "<Control>n", "drafts.add" },
  { "<Control><Shift>n", "drafts.add-version" },
  { "<Control>m", "drafts.add-comment" },
  { "<Control>p", "drafts.print-table" },
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
wsp_drafts_view_dispose (GObject *object)
{
  WspDraftsView *self = WSP_DRAFTS_VIEW (object);

  g_clear_handle_id (&self->load_id, g_source_remove);
  if (self->dialog != NULL)
    gtk_window_destroy (self->dialog);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  g_clear_object (&self->drafts);
  g_clear_object (&self->selection);
  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->selected_id, g_free);

  G_OBJECT_CLASS (wsp_drafts_view_parent_class)->dispose (object);
}

static void
wsp_drafts_view_class_init (WspDraftsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wsp_drafts_view_dispose;

  /**
   * WspDraftsView::document-saved:
   *
   * A document asked for was written.
   */
  g_signal_new ("document-saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (WSP_TYPE_DRAFT_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Wspolnie/drafts/wsp-drafts-view.ui");
  gtk_widget_class_bind_template_child (widget_class, WspDraftsView, stack);
  gtk_widget_class_bind_template_child (widget_class, WspDraftsView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, WspDraftsView, sidebar);
  gtk_widget_class_bind_template_child (widget_class, WspDraftsView, content);
  gtk_widget_class_bind_template_child (widget_class, WspDraftsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, WspDraftsView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, WspDraftsView, list);
  gtk_widget_class_bind_template_child (widget_class, WspDraftsView, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, WspDraftsView, page);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);

  gtk_widget_class_install_action (widget_class, "drafts.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "drafts.add-version", NULL, add_version_action);
  gtk_widget_class_install_action (widget_class, "drafts.add-comment", NULL, add_comment_action);
  gtk_widget_class_install_action (widget_class, "drafts.comment-unit", "s", comment_unit_action);
  gtk_widget_class_install_action (widget_class, "drafts.correct-comment", "s", correct_comment_action);
  gtk_widget_class_install_action (widget_class, "drafts.decide", "s", decide_action);
  gtk_widget_class_install_action (widget_class, "drafts.record-opinion", NULL, record_opinion_action);
  gtk_widget_class_install_action (widget_class, "drafts.export-table", NULL, export_table_action);
  gtk_widget_class_install_action (widget_class, "drafts.export-opinion", NULL, export_opinion_action);
  gtk_widget_class_install_action (widget_class, "drafts.print-table", NULL, print_table_action);
  gtk_widget_class_install_action (widget_class, "drafts.send-review", NULL, send_review_action);
  gtk_widget_class_install_action (widget_class, "drafts.send-reply", NULL, send_reply_action);
  gtk_widget_class_install_action (widget_class, "drafts.search", NULL, search_action);
}

static void
wsp_drafts_view_init (WspDraftsView *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter = gtk_custom_filter_new (matches, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->filtered));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (selection_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filtered, "items-changed", G_CALLBACK (items_changed_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), self);
  gtk_list_view_set_factory (self->list, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);
  update_actions (self);
}
