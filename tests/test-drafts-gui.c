/* test-drafts-gui.c — Drafts & Opinions under a real display, driven as a person does
 *
 * A draft is registered from an .odt chosen in the file chooser (its path
 * typed there), a unit the splitter missed is split in the preview, two
 * Council members' comments are added, decided, a second version from a
 * .docx is registered and the comments follow their units, and the table
 * of comments is saved through the save dialog and read with pdftotext and
 * LibreOffice. A decision recorded differently on another laptop is shown
 * as a conflict and settled with the dialog's "Keep This". Keys go to the
 * focused widget on the X server's keyboard (XTEST); buttons are the real
 * ones, activated.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "demo/wsp-demo.h"
#include "domain/wsp-draft-detail.h"
#include "domain/wsp-draft-item.h"
#include "domain/wsp-drafts.h"
#include "import/wsp-draft-import.h"
#include "drafts/wsp-comment-editor.h"
#include "drafts/wsp-decision-editor.h"
#include "drafts/wsp-draft-editor.h"
#include "drafts/wsp-draft-labels.h"
#include "drafts/wsp-drafts-view.h"
#include "drafts/wsp-opinion-editor.h"
#include "records/wsp-records-drafts.h"
#include "wsp-application.h"
#include "wsp-test-gui.h"
#include "wsp-test-util.h"
#include "wsp-window.h"

static WspApplication *app;

typedef struct
{
  char          *dir;
  WspStore      *store;
  WspWindow     *window;
  WspDraftsView *view;
} Fixture;

static gboolean
dialog_shown (gpointer data)
{
  Fixture *f = data;

  return wsp_drafts_view_get_dialog (f->view) != NULL;
}

/* The dialog the view opened on a key or a click: on a busy machine (or
 * under the sanitizers) it comes a moment after the key. */
static GtkWindow *
dialog_of (Fixture *f)
{
  wsp_test_wait (dialog_shown, f, 30);
  return wsp_drafts_view_get_dialog (f->view);
}

static void
iterate (void)
{
  for (int i = 0; i < 50 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @cond holds, ten seconds at most. */
static gboolean
wait_for (gboolean (*cond) (gpointer),
          gpointer data)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (10000, timeout_cb, &timed_out);

  while (!cond (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  return cond (data);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  f->dir = g_dir_make_tmp ("wsp-drafts-gui-XXXXXX", NULL);
  f->store = wsp_test_open_store (f->dir, "a.sqlite3");
  g_assert_true (wsp_demo_fill (f->store, &error));
  g_assert_no_error (error);
  f->window = wsp_window_new (GTK_APPLICATION (app), f->store);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 860);
  wsp_test_focus_window (GTK_WINDOW (f->window));
  wsp_test_press (GTK_WINDOW (f->window), "<Alt>3");
  g_assert_cmpstr (wsp_window_get_visible_view (f->window), ==, "drafts");
  f->view = WSP_DRAFTS_VIEW (wsp_window_get_view (f->window, "drafts"));
  wsp_drafts_view_ensure_loaded (f->view);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  iterate ();
  g_clear_object (&f->store);
  wsp_test_remove_tree (f->dir);
  g_free (f->dir);
}

/* ---- finding widgets as a person sees them ------------------------------- */

typedef gboolean (*WidgetTest) (GtkWidget *widget, gconstpointer data);

static gboolean
is_entry_row (GtkWidget     *widget,
              gconstpointer  data)
{
  return ADW_IS_ENTRY_ROW (widget);
}

static gboolean
is_menu_button (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_MENU_BUTTON (widget);
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

static void
set_true (gboolean *flag)
{
  *flag = TRUE;
}

static GtkWidget *
find_widget (GtkWidget     *root,
             WidgetTest     test,
             gconstpointer  data)
{
  /* What is on the screen, as a person sees it. */
  if (gtk_widget_get_mapped (root) && test (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, test, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

typedef struct
{
  const char *action;
  const char *target; /* NULL: any */
} ActionQuery;

static gboolean
has_action (GtkWidget     *widget,
            gconstpointer  data)
{
  const ActionQuery *q = data;
  GVariant *target;

  if (!GTK_IS_BUTTON (widget) || g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), q->action) != 0)
    return FALSE;
  if (q->target == NULL)
    return TRUE;
  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget));
  return target != NULL && g_variant_is_of_type (target, G_VARIANT_TYPE_STRING)
         && g_str_equal (g_variant_get_string (target, NULL), q->target);
}

/* The button that does @action (with @target), as a person finds it. */
static GtkWidget *
button (GtkWidget  *root,
        const char *action,
        const char *target)
{
  ActionQuery q = { action, target };
  GtkWidget *found = find_widget (root, has_action, &q);

  if (found == NULL)
    g_error ("No button does %s (%s)", action, target != NULL ? target : "");
  return found;
}

/* Lets the window work for @ms milliseconds. */
static void
run_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* Activates the button as a click does; a button says "clicked" when its
 * press has shown (a quarter second later). */
static void
click (GtkWidget *button_widget)
{
  g_assert_true (gtk_widget_is_sensitive (button_widget));
  gtk_widget_activate (button_widget);
  run_for (400);
}

static char *
fixture_file (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "drafts", name, NULL);
}

/* Types into @widget, after giving it the focus as a click would. */
static void
type_into (GtkWindow  *window,
           GtkWidget  *widget,
           const char *text)
{
  gtk_widget_grab_focus (widget);
  iterate ();
  wsp_test_type (window, text);
}

static WspDraftDetail *
shown (Fixture *f)
{
  WspDraftDetail *detail = wsp_draft_page_get_detail (wsp_drafts_view_get_page (f->view));

  g_assert_nonnull (detail);
  return detail;
}

static const WspCommentInfo *
comment_by_author (WspDraftDetail *detail,
                   const char     *author)
{
  GPtrArray *comments = wsp_draft_detail_get_comments (detail);

  for (guint i = 0; i < comments->len; i++)
    if (strstr (wsp_comment_entry_get_author (g_ptr_array_index (comments, i)), author) != NULL)
      return wsp_comment_entry_get_info (g_ptr_array_index (comments, i));
  g_error ("No comment by %s", author);
  return NULL;
}

static gboolean
dialog_gone (gpointer data)
{
  return wsp_drafts_view_get_dialog (data) == NULL;
}

/* @path opened in the draft's @editor: its Open File… button, then the path
 * typed in the file chooser. Under AddressSanitizer the file goes to the
 * editor directly: GTK 4.8's file chooser leaks strings of its own. */
static void
open_in_editor (GtkWindow  *editor,
                const char *path)
{
#ifndef __SANITIZE_ADDRESS__
  click (button (GTK_WIDGET (editor), "editor.open", NULL));
  wsp_test_choose_file (path, FALSE);
#else
  g_autoptr (GFile) file = g_file_new_for_path (path);

  wsp_draft_editor_load_file (WSP_DRAFT_EDITOR (editor), file);
#endif
}

/* A comment by the Council member @author on the unit @key, typed in the
 * comment editor the unit's own button opens, saved with Save. */
static void
comment_on (Fixture    *f,
            const char *key,
            const char *author,
            const char *proposed)
{
  GtkWindow *editor;

  /* Scrolled to it, as a person scrolls the text. */
  wsp_draft_page_scroll_to_unit (wsp_drafts_view_get_page (f->view), key);
  wsp_test_settle (GTK_WIDGET (f->window));
  click (button (GTK_WIDGET (f->view), "drafts.comment-unit", key));
  editor = dialog_of (f);
  g_assert_true (WSP_IS_COMMENT_EDITOR (editor));
  wsp_test_focus_window (editor);
  g_assert_true (wsp_comment_editor_choose_author (WSP_COMMENT_EDITOR (editor), author));
  type_into (editor, GTK_WIDGET (wsp_comment_editor_get_view (WSP_COMMENT_EDITOR (editor), "proposed")), proposed);
  type_into (editor, GTK_WIDGET (wsp_comment_editor_get_view (WSP_COMMENT_EDITOR (editor), "justification")),
             "Forum");
  wsp_test_shot (GTK_WIDGET (editor), "comment-editor");
  click (button (GTK_WIDGET (editor), "editor.save", NULL));
  g_assert_true (wait_for (dialog_gone, f->view));
}

/* The whole way of a draft, as the secretary goes it. */
static void
test_draft_from_odt_to_table (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *odt_source = fixture_file ("gui-programme.odt");
  g_autofree char *docx_source = fixture_file ("gui-programme-v2.docx");
  /* Short names: every letter of a path is a key pressed. */
  g_autofree char *odt = g_build_filename (f->dir, "a.odt", NULL);
  g_autofree char *docx = g_build_filename (f->dir, "b.docx", NULL);
  g_autofree char *table = g_build_filename (f->dir, "t.pdf", NULL);
  g_autofree char *table_odt = g_build_filename (f->dir, "t.odt", NULL);
  GtkWindow *editor;
  WspDraftDetail *detail;
  const WspCommentInfo *info;
  GPtrArray *units;
  guint drafts_before = g_list_model_get_n_items (wsp_drafts_view_get_list_model (f->view));

  {
    g_autofree char *bytes = NULL;
    gsize length = 0;

    g_assert_true (g_file_get_contents (odt_source, &bytes, &length, NULL));
    g_assert_true (g_file_set_contents (odt, bytes, (gssize) length, NULL));
    g_clear_pointer (&bytes, g_free);
    g_assert_true (g_file_get_contents (docx_source, &bytes, &length, NULL));
    g_assert_true (g_file_set_contents (docx, bytes, (gssize) length, NULL));
  }

  /* Ctrl+N: the editor; Open File…: the chooser, where the path is typed. */
  wsp_test_press (GTK_WINDOW (f->window), "<Control>n");
  editor = dialog_of (f);
  g_assert_true (WSP_IS_DRAFT_EDITOR (editor));
  wsp_test_focus_window (editor);
  open_in_editor (editor, odt);
  g_assert_null (wsp_draft_editor_get_problem (WSP_DRAFT_EDITOR (editor)));
  units = wsp_draft_editor_get_units (WSP_DRAFT_EDITOR (editor));
  g_assert_cmpuint (units->len, ==, 9);
  /* The title and the kind come from the text. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_widget (GTK_WIDGET (editor),
                                                                     is_entry_row, NULL))),
                   ==, "Projekt uchwały w sprawie Programu współpracy Miasta z organizacjami pozarządowymi na rok 2028");

  /* "2) rozwój wolontariatu; 3) promocja…" is one unit: the cursor goes
   * before "3)" (a click in the text) and Split at Cursor parts it. */
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (wsp_draft_editor_get_text_view (WSP_DRAFT_EDITOR (editor)));
    GtkTextIter start, match_start, match_end;

    gtk_text_buffer_get_start_iter (buffer, &start);
    g_assert_true (gtk_text_iter_forward_search (&start, "3) promocja", 0, &match_start, &match_end, NULL));
    gtk_text_buffer_place_cursor (buffer, &match_start);
  }
  wsp_test_shot (GTK_WIDGET (editor), "draft-editor");
  click (button (GTK_WIDGET (editor), "editor.split", NULL));
  g_assert_null (wsp_draft_editor_get_problem (WSP_DRAFT_EDITOR (editor)));
  units = wsp_draft_editor_get_units (WSP_DRAFT_EDITOR (editor));
  g_assert_cmpuint (units->len, ==, 10);
  g_assert_cmpstr (((WspDraftUnit *) g_ptr_array_index (units, 7))->key, ==, "§ 2 ust. 2 pkt 3");
  g_assert_cmpstr (((WspDraftUnit *) g_ptr_array_index (units, 6))->text, ==, "rozwój wolontariatu;");

  /* The day of delivery, typed; Ctrl+S saves. */
  {
    GtkWidget *delivered = NULL;

    for (GtkWidget *w = find_widget (GTK_WIDGET (editor), is_entry_row, NULL); w != NULL;
         w = gtk_widget_get_next_sibling (w))
      if (ADW_IS_ENTRY_ROW (w) && g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (w)), "Delivered"))
        delivered = w;
    g_assert_nonnull (delivered);
    /* Back from the file chooser, the person clicks into the field. */
    wsp_test_focus_window (editor);
    gtk_widget_grab_focus (delivered);
    iterate ();
    wsp_test_press (editor, "<Control>a");
    wsp_test_type (editor, "2027-10-28");
  }
  wsp_test_press (editor, "<Control>s");
  g_assert_true (wait_for (dialog_gone, f->view));
  g_assert_cmpuint (g_list_model_get_n_items (wsp_drafts_view_get_list_model (f->view)), ==, drafts_before + 1);
  detail = shown (f);
  g_assert_cmpstr (wsp_record_get_string (wsp_draft_detail_get_draft (detail), "kind"), ==, "cooperation_programme");
  g_assert_cmpstr (wsp_record_get_string (wsp_draft_detail_get_draft (detail), "deadline"), ==, "2027-11-12");
  g_assert_cmpuint (wsp_draft_detail_get_units (detail)->len, ==, 10);

  /* Two Council members comment, each on a unit's own button. */
  comment_on (f, "§ 2 ust. 2 pkt 1", "Nowak", "w tym malych");
  comment_on (f, "§ 3", "Lewandowski", "3 600 000 zl");
  detail = shown (f);
  g_assert_cmpuint (wsp_draft_detail_get_comments (detail)->len, ==, 2);
  info = comment_by_author (detail, "Nowak");
  g_assert_cmpstr (info->unit_key, ==, "§ 2 ust. 2 pkt 1");
  g_assert_cmpstr (wsp_record_get_string (info->comment, "current_wording"), ==, "wzmacnianie potencjału organizacji;");
  g_assert_nonnull (strstr (wsp_record_get_string (info->comment, "author_name"), "Nowak"));
  g_assert_nonnull (wsp_record_get_string (info->comment, "author_id"));

  /* Decided: the comment's Decide… button, a decision, a reason typed, Ctrl+S. */
  {
    g_autofree char *root = g_strdup (comment_by_author (shown (f), "Lewandowski")->root_id);

    wsp_draft_page_scroll_to_comment (wsp_drafts_view_get_page (f->view), root);
    wsp_test_settle (GTK_WIDGET (f->window));
    click (button (GTK_WIDGET (f->view), "drafts.decide", root));
    editor = dialog_of (f);
    g_assert_true (WSP_IS_DECISION_EDITOR (editor));
    wsp_test_focus_window (editor);
    wsp_decision_editor_choose (WSP_DECISION_EDITOR (editor), WSP_COMMENT_REJECTED);
    type_into (editor, GTK_WIDGET (wsp_decision_editor_get_reason_view (WSP_DECISION_EDITOR (editor))),
               "Budget");
    wsp_test_press (editor, "<Control>s");
    g_assert_true (wait_for (dialog_gone, f->view));
    g_free (root);
    root = g_strdup (comment_by_author (shown (f), "Nowak")->root_id);
    wsp_draft_page_scroll_to_comment (wsp_drafts_view_get_page (f->view), root);
    wsp_test_settle (GTK_WIDGET (f->window));
    click (button (GTK_WIDGET (f->view), "drafts.decide", root));
    editor = dialog_of (f);
    wsp_test_focus_window (editor);
    click (button (GTK_WIDGET (editor), "editor.save", NULL)); /* accepted, as offered */
    g_assert_true (wait_for (dialog_gone, f->view));
  }
  detail = shown (f);
  g_assert_cmpint (comment_by_author (detail, "Lewandowski")->decision, ==, WSP_COMMENT_REJECTED);
  g_assert_cmpstr (comment_by_author (detail, "Lewandowski")->reason, ==, "Budget");
  g_assert_cmpint (comment_by_author (detail, "Nowak")->decision, ==, WSP_COMMENT_ACCEPTED);
  g_assert_cmpuint (wsp_draft_detail_count_decided (detail), ==, 2);

  /* The corrected draft, from a .docx: Ctrl+Shift+N, Open File…, Save. */
  wsp_test_press (GTK_WINDOW (f->window), "<Control><Shift>n");
  editor = dialog_of (f);
  g_assert_true (WSP_IS_DRAFT_EDITOR (editor));
  wsp_test_focus_window (editor);
  open_in_editor (editor, docx);
  g_assert_cmpuint (wsp_draft_editor_get_units (WSP_DRAFT_EDITOR (editor))->len, ==, 10);
  click (button (GTK_WIDGET (editor), "editor.save", NULL));
  g_assert_true (wait_for (dialog_gone, f->view));

  /* The comments followed their units: § 2 is § 3 now, the point was
   * reworded; the money § is gone, its comment kept. */
  detail = shown (f);
  g_assert_cmpuint (wsp_draft_detail_get_versions (detail)->len, ==, 2);
  info = comment_by_author (detail, "Nowak");
  g_assert_cmpstr (info->unit_key, ==, "§ 3 ust. 2 pkt 1");
  g_assert_cmpstr (info->old_unit_name, ==, "§ 2 ust. 2 pkt 1");
  g_assert_true (info->text_changed);
  info = comment_by_author (detail, "Lewandowski");
  g_assert_null (info->unit_key);
  g_assert_cmpuint (info->removed_in, ==, 2);
  g_assert_cmpint (info->decision, ==, WSP_COMMENT_REJECTED);
  wsp_test_shot (GTK_WIDGET (f->window), "draft-after-version");
  wsp_draft_page_show (wsp_drafts_view_get_page (f->view), "versions");
  wsp_test_shot (GTK_WIDGET (f->window), "draft-versions");
  wsp_draft_page_show (wsp_drafts_view_get_page (f->view), "text");

  /* The table of comments: the documents menu's item, the save dialog
   * where the file's name is typed; then as PDF and as ODT. */
  {
    GtkWidget *menu = find_widget (GTK_WIDGET (f->view), is_menu_button, NULL);
    gboolean saved = FALSE;
    gulong id = g_signal_connect_swapped (f->view, "document-saved", G_CALLBACK (set_true), &saved);
    const char *paths[] = { table, table_odt };

    for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
      {
        saved = FALSE;
#ifndef __SANITIZE_ADDRESS__
        gtk_menu_button_popup (GTK_MENU_BUTTON (menu));
        iterate ();
        wsp_test_press (GTK_WINDOW (f->window), "Return");
        wsp_test_choose_file (paths[i], TRUE);
#else
        {
          /* Straight to the file (GTK 4.8's file chooser leaks under AddressSanitizer). */
          g_autoptr (GFile) file = g_file_new_for_path (paths[i]);

          (void) menu;
          wsp_drafts_view_save_document (f->view, "comments-table", file);
        }
#endif
        g_assert_true (wait_for (is_true, &saved));
      }
    g_signal_handler_disconnect (f->view, id);
  }
  g_assert_true (g_file_test (table, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (table_odt, G_FILE_TEST_EXISTS));
  {
    g_autofree char *out = NULL;
    g_autofree char *lo_out = NULL;
    g_autofree char *lo_pdf = g_build_filename (f->dir, "lo", "t.pdf", NULL);
    g_autofree char *outdir = g_build_filename (f->dir, "lo", NULL);
    g_autofree char *profile = g_build_filename (f->dir, "lo-profile", NULL);
    g_autofree char *uri = g_filename_to_uri (profile, NULL, NULL);
    g_autofree char *env = g_strdup_printf ("-env:UserInstallation=%s", uri);
    const char *pdftotext[] = { "pdftotext", "-enc", "UTF-8", table, "-", NULL };
    const char *lo[] = { "soffice", env, "--headless", "--convert-to", "pdf", "--outdir", outdir, table_odt, NULL };
    const char *lo_text[] = { "pdftotext", "-enc", "UTF-8", lo_pdf, "-", NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) pdftotext, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, NULL, NULL));
    g_strdelimit (out, "\n", ' ');
    g_assert_nonnull (strstr (out, "Table of comments"));
    g_assert_nonnull (strstr (out, "w tym malych"));
    g_assert_nonnull (strstr (out, "3 600 000 zl"));
    g_assert_nonnull (strstr (out, "Rejected. Budget"));
    g_assert_nonnull (strstr (out, "no longer in the draft"));
    {
      g_autofree char *lo_err = NULL;
      int status = 0;

      g_assert_true (g_spawn_sync (NULL, (char **) lo, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL, NULL,
                                   NULL, NULL, &lo_err, &status, NULL));
      if (!g_file_test (lo_pdf, G_FILE_TEST_EXISTS))
        {
          g_autofree char *head = NULL;
          gsize n = 0;

          g_file_get_contents (table_odt, &head, &n, NULL);
          g_error ("LibreOffice did not open the table (%d, %" G_GSIZE_FORMAT " bytes, %.40s): %s", status, n,
                   head != NULL ? head : "", lo_err);
        }
    }
    g_assert_true (g_spawn_sync (NULL, (char **) lo_text, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &lo_out, NULL, NULL,
                                 NULL));
    g_strdelimit (lo_out, "\n", ' ');
    g_assert_nonnull (strstr (lo_out, "Table of comments"));
    g_assert_nonnull (strstr (lo_out, "Rejected. Budget"));
    g_assert_nonnull (strstr (lo_out, "w tym malych"));
  }
}

/* Another laptop decided one of the programme's comments otherwise: the
 * view says so, the decision dialog shows both, "Keep This" settles it. */
static void
test_conflicting_decisions (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr (WspStore) other = NULL;
  g_autoptr (GPtrArray) drafts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonArray) revisions = NULL;
  g_autofree char *root = NULL;
  g_autofree char *draft_id = NULL;
  WspDraftDetail *detail;
  GtkWindow *editor;
  GPtrArray *keep;
  WspAddStats stats = { 0 };
  const WspCommentInfo *info;

  g_assert_true (wsp_store_query (f->store, WSP_TYPE_DRAFT, "kind", "cooperation_programme", drafts, &error));
  draft_id = g_strdup (wsp_record_get_id (g_ptr_array_index (drafts, 0)));
  g_assert_true (wsp_drafts_view_select (f->view, draft_id));
  detail = shown (f);
  info = wsp_comment_entry_get_info (g_ptr_array_index (wsp_draft_detail_get_comments (detail), 0));
  root = g_strdup (info->root_id);

  /* The second laptop has this one's data, and decides the first comment
   * otherwise; this laptop too, before they exchange again. */
  other = wsp_test_open_store (f->dir, "b.sqlite3");
  revisions = wsp_store_dup_revisions (f->store, NULL, &error);
  g_assert_true (wsp_store_add_revisions (other, revisions, &stats, NULL, &error));
  g_clear_pointer (&revisions, json_array_unref);
  g_assert_true (wsp_draft_record_decision (other, draft_id, root, "rejected", "Not now.", NULL, NULL, "2026-10-29",
                                            &error));
  g_assert_true (wsp_draft_record_decision (f->store, draft_id, root, "partly_accepted", "In part.", NULL, NULL,
                                            "2026-10-29", &error));
  g_assert_no_error (error);
  revisions = wsp_store_dup_revisions (other, NULL, &error);
  g_assert_true (wsp_store_add_revisions (f->store, revisions, &stats, NULL, &error));
  g_assert_no_error (error);
  iterate ();

  detail = shown (f);
  g_assert_cmpuint (wsp_draft_detail_count_conflicts (detail), ==, 1);
  g_assert_true (wsp_window_get_conflicts_shown (f->window));
  wsp_test_shot (GTK_WIDGET (f->window), "draft-conflict");

  wsp_draft_page_scroll_to_comment (wsp_drafts_view_get_page (f->view), root);
  wsp_test_settle (GTK_WIDGET (f->window));
  click (button (GTK_WIDGET (f->view), "drafts.decide", root));
  editor = dialog_of (f);
  g_assert_true (WSP_IS_DECISION_EDITOR (editor));
  keep = wsp_decision_editor_get_keep_buttons (WSP_DECISION_EDITOR (editor));
  g_assert_cmpuint (keep->len, ==, 2);
  wsp_test_shot (GTK_WIDGET (editor), "decision-conflict");
  /* The one that says "rejected". */
  for (guint i = 0; i < keep->len; i++)
    {
      GtkWidget *row = gtk_widget_get_ancestor (g_ptr_array_index (keep, i), ADW_TYPE_ACTION_ROW);

      if (g_str_equal (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "Rejected"))
        {
          click (g_ptr_array_index (keep, i));
          break;
        }
    }
  g_assert_true (wait_for (dialog_gone, f->view));
  detail = shown (f);
  info = wsp_comment_entry_get_info (wsp_draft_detail_find_comment (detail, root));
  g_assert_false (info->decision_conflict);
  g_assert_cmpint (info->decision, ==, WSP_COMMENT_REJECTED);
  g_assert_cmpstr (info->reason, ==, "Not now.");
  g_assert_false (wsp_window_get_conflicts_shown (f->window));
}

/* The list by urgency, and the start-up reminder of the drafts due soon;
 * a draft past its deadline is offered "waived" when its opinion is
 * recorded. */
static void
test_urgency_reminder_and_waiver (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr (WspRecord) late = WSP_RECORD (wsp_draft_new ());
  g_autoptr (WspRecord) soon = WSP_RECORD (wsp_draft_new ());
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GDateTime) ten_days_ago = g_date_time_add_days (now, -30);
  g_autoptr (GDateTime) eleven = g_date_time_add_days (now, -12);
  g_autofree char *long_ago = g_date_time_format (ten_days_ago, "%Y-%m-%d");
  g_autofree char *recent = g_date_time_format (eleven, "%Y-%m-%d");
  g_autofree char *reminder = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (WspDraftItem) first = NULL;
  GtkWindow *editor;

  wsp_record_set_string (late, "title", "Projekt uchwały w sprawie zmiany statutu Centrum");
  wsp_record_set_string (late, "kind", "other");
  wsp_record_set_string (late, "received_on", long_ago);
  g_assert_true (wsp_draft_register (f->store, late, "§ 1. Zmienia się statut.", NULL, NULL, &error));
  wsp_record_set_string (soon, "title", "Projekt uchwały w sprawie programu profilaktyki");
  wsp_record_set_string (soon, "kind", "other");
  wsp_record_set_string (soon, "received_on", recent);
  wsp_record_set_int (soon, "deadline_days", 14);
  g_assert_true (wsp_draft_register (f->store, soon, "§ 1. Przyjmuje się program.", NULL, NULL, &error));
  g_assert_no_error (error);
  iterate ();

  /* Due soon comes first; the reminder names it. */
  first = g_list_model_get_item (wsp_drafts_view_get_list_model (f->view), 0);
  g_assert_cmpint (wsp_draft_item_get_state (first), !=, WSP_OPINION_STATE_WAIVED);
  reminder = wsp_draft_reminder_text (f->store, NULL);
  g_assert_nonnull (reminder);
  g_assert_nonnull (strstr (reminder, wsp_record_get_string (wsp_draft_item_get_draft (first), "title")));

  /* The late one: its opinion editor offers "waived". */
  g_assert_true (wsp_drafts_view_select (f->view, wsp_record_get_id (late)));
  g_assert_cmpint (wsp_draft_detail_get_state (shown (f), NULL), ==, WSP_OPINION_STATE_WAIVED);
  wsp_draft_page_show (wsp_drafts_view_get_page (f->view), "opinion");
  click (button (GTK_WIDGET (f->view), "drafts.record-opinion", NULL));
  editor = dialog_of (f);
  g_assert_true (WSP_IS_OPINION_EDITOR (editor));
  g_assert_cmpint (wsp_opinion_editor_get_verdict (WSP_OPINION_EDITOR (editor)), ==, WSP_OPINION_WAIVED);
  wsp_test_focus_window (editor);
  click (button (GTK_WIDGET (editor), "editor.save", NULL));
  g_assert_true (wait_for (dialog_gone, f->view));
  g_assert_cmpstr (wsp_record_get_string (wsp_draft_detail_get_opinion (shown (f)), "verdict"), ==, "waived");
  g_assert_cmpint (wsp_draft_detail_get_state (shown (f), NULL), ==, WSP_OPINION_STATE_GIVEN);
}

/* In a window 360 pixels wide the list and the draft take turns; the
 * draft's pages fit (the pictures are for a person to look at). */
static void
test_narrow (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr (GPtrArray) drafts = g_ptr_array_new_with_free_func (g_object_unref);
  WspWindow *narrow = wsp_window_new (GTK_APPLICATION (app), f->store);
  WspDraftsView *view;
  WspDraftPage *page;
  AdwLeaflet *leaflet;

  gtk_window_set_default_size (GTK_WINDOW (narrow), 360, 720);
  wsp_test_focus_window (GTK_WINDOW (narrow));
  gtk_widget_activate_action (GTK_WIDGET (narrow), "win.view", "s", "drafts");
  view = WSP_DRAFTS_VIEW (wsp_window_get_view (narrow, "drafts"));
  wsp_drafts_view_ensure_loaded (view);
  wsp_test_settle (GTK_WIDGET (narrow));
  g_assert_true (wsp_window_is_narrow (narrow));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (narrow)), <=, 400);
  wsp_test_shot (GTK_WIDGET (narrow), "narrow-list");

  g_assert_true (wsp_store_query (f->store, WSP_TYPE_DRAFT, "kind", "cooperation_programme", drafts, NULL));
  g_assert_true (wsp_drafts_view_select (view, wsp_record_get_id (g_ptr_array_index (drafts, 0))));
  wsp_test_settle (GTK_WIDGET (narrow));
  page = wsp_drafts_view_get_page (view);
  leaflet = ADW_LEAFLET (gtk_widget_get_ancestor (GTK_WIDGET (page), ADW_TYPE_LEAFLET));
  g_assert_true (adw_leaflet_get_folded (leaflet));
  g_assert_true (gtk_widget_is_ancestor (GTK_WIDGET (page), adw_leaflet_get_visible_child (leaflet)));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (narrow)), <=, 400);
  wsp_draft_page_scroll_to_unit (page, "§ 4 ust. 1");
  wsp_test_shot (GTK_WIDGET (narrow), "narrow-text");
  wsp_draft_page_show (page, "versions");
  wsp_test_shot (GTK_WIDGET (narrow), "narrow-versions");
  wsp_draft_page_show (page, "opinion");
  wsp_test_shot (GTK_WIDGET (narrow), "narrow-opinion");
  wsp_draft_page_show (page, "text");
  /* And wide, for the same looks. */
  wsp_draft_page_scroll_to_unit (wsp_drafts_view_get_page (f->view), "§ 4 ust. 1");
  g_assert_true (wsp_drafts_view_select (f->view, wsp_record_get_id (g_ptr_array_index (drafts, 0))));
  wsp_draft_page_scroll_to_unit (wsp_drafts_view_get_page (f->view), "§ 4 ust. 1");
  wsp_test_shot (GTK_WIDGET (f->window), "wide-text");
  wsp_draft_page_show (wsp_drafts_view_get_page (f->view), "versions");
  wsp_test_shot (GTK_WIDGET (f->window), "wide-versions");
  wsp_draft_page_show (wsp_drafts_view_get_page (f->view), "opinion");
  wsp_test_shot (GTK_WIDGET (f->window), "wide-opinion");
  gtk_window_destroy (GTK_WINDOW (narrow));
}

/* A PDF is refused in the editor with what to do instead. */
static void
test_pdf_refused (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "projekt.pdf", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (pdf);
  GtkWindow *editor;

  g_assert_true (g_file_set_contents (pdf, "%PDF-1.7\n", -1, NULL));
  click (button (GTK_WIDGET (f->view), "drafts.add", NULL));
  editor = dialog_of (f);
  wsp_test_focus_window (editor);
  open_in_editor (editor, pdf);
  g_assert_nonnull (wsp_draft_editor_get_problem (WSP_DRAFT_EDITOR (editor)));
  g_assert_nonnull (strstr (wsp_draft_editor_get_problem (WSP_DRAFT_EDITOR (editor)), "paste"));
  wsp_test_press (editor, "Escape");
  g_assert_true (wait_for (dialog_gone, f->view));
}

/* ---- keys typed into a long text ----------------------------------------- */

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

/* A cooperation programme of about 300 units. */
static char *
long_programme (void)
{
  GString *text = g_string_new ("Projekt uchwały w sprawie Programu współpracy na rok 2028\n\n"
                                "Na podstawie art. 5a ust. 1 ustawy Rada Miasta uchwala, co następuje:\n\n");

  for (guint paragraph = 1; paragraph <= 38; paragraph++)
    {
      g_string_append_printf (text, "§ %u. 1. Ustęp pierwszy paragrafu %u opisuje zasady współpracy.\n", paragraph,
                              paragraph);
      g_string_append (text, "2. Formami współpracy są w szczególności:\n"
                             "1) konsultowanie projektów aktów prawa miejscowego;\n"
                             "2) tworzenie wspólnych zespołów o charakterze doradczym:\n"
                             "a) w dziedzinie pomocy społecznej,\nb) w dziedzinie kultury;\n"
                             "3) udostępnianie sal na spotkania.\n");
    }
  return g_string_free (text, FALSE);
}

typedef struct
{
  GtkTextBuffer *buffer;
  int            chars;
  gboolean       drawn;
} KeyWait;

static void
key_drawn_cb (GdkFrameClock *clock,
              KeyWait       *wait)
{
  if (gtk_text_buffer_get_char_count (wait->buffer) > wait->chars)
    wait->drawn = TRUE;
}

static gboolean
units_at_least (gpointer data)
{
  return wsp_draft_editor_get_units (data)->len >= 300;
}

static gboolean
last_unit_ends_with_typed (gpointer data)
{
  GPtrArray *units = wsp_draft_editor_get_units (data);

  return units->len > 0 && g_str_has_suffix (((WspDraftUnit *) g_ptr_array_index (units, units->len - 1))->text,
                                             "spotkania.abcdefghijklmnopqrst");
}

/* The secretary pastes a programme of about 300 units into the editor and
 * types at its end: each key, pressed on the display's keyboard, is timed
 * until its letter is in the text and the frame that shows it is drawn;
 * then the preview of the units follows the words typed. */
static void
test_typing_in_long_text (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *programme = long_programme ();
  g_autoptr (GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  const char *keys = "abcdefghijklmnopqrst";
  GtkWindow *editor;
  GtkTextView *view;
  KeyWait wait = { NULL };
  GtkTextIter end;
  GdkFrameClock *clock;
  gulong handler;
  gint64 last_key;
  double split_ms, median_ms, slowest_ms;

  wsp_test_press (GTK_WINDOW (f->window), "<Control>n");
  editor = dialog_of (f);
  g_assert_true (WSP_IS_DRAFT_EDITOR (editor));
  wsp_test_focus_window (editor);
  view = wsp_draft_editor_get_text_view (WSP_DRAFT_EDITOR (editor));
  wait.buffer = gtk_text_view_get_buffer (view);
  /* Pasted: the whole text at once, as Ctrl+V puts it. */
  gtk_text_buffer_set_text (wait.buffer, programme, -1);
  g_assert_true (wait_for (units_at_least, editor));
  gtk_widget_grab_focus (GTK_WIDGET (view));
  gtk_text_buffer_get_end_iter (wait.buffer, &end);
  /* The end of the last line, before its newline. */
  gtk_text_iter_backward_char (&end);
  gtk_text_buffer_place_cursor (wait.buffer, &end);
  wsp_test_settle (GTK_WIDGET (editor));

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (editor));
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (key_drawn_cb), &wait);
  for (const char *key = keys; *key != '\0'; key++)
    {
      char name[2] = { *key, '\0' };
      gint64 start = g_get_monotonic_time ();
      gboolean timed_out = FALSE;
      guint id = g_timeout_add (5000, timeout_cb, &timed_out);
      double ms;

      wait.chars = gtk_text_buffer_get_char_count (wait.buffer);
      wait.drawn = FALSE;
      wsp_test_send_keys (editor, name);
      while (!wait.drawn && !timed_out)
        g_main_context_iteration (NULL, TRUE);
      g_assert_false (timed_out);
      g_source_remove (id);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (times, ms);
    }
  g_signal_handler_disconnect (clock, handler);
  last_key = g_get_monotonic_time ();
  g_assert_true (wait_for (last_unit_ends_with_typed, editor));
  split_ms = (g_get_monotonic_time () - last_key) / 1000.0;

  g_array_sort (times, compare_doubles);
  median_ms = g_array_index (times, double, times->len / 2);
  slowest_ms = g_array_index (times, double, times->len - 1);
  g_test_message ("typing at the end of a programme of %u units: a key until drawn: median %.1f ms, slowest %.1f ms "
                  "(%u keys); the preview of the units had the words typed %.0f ms after the last key was drawn",
                  wsp_draft_editor_get_units (WSP_DRAFT_EDITOR (editor))->len, median_ms, slowest_ms, times->len,
                  split_ms);
  gtk_window_destroy (editor);
  iterate ();
}

static char *
view_text_of (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static gboolean
editor_gone (gpointer data)
{
  return wsp_drafts_view_get_dialog (data) == NULL;
}

/* What is typed in the comment form is kept as it is typed: the form
 * closed by Escape, before Save, gives it back when opened again, with
 * the way to throw it away; once saved, a new form starts empty. */
static void
test_comment_typing_kept (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr (GPtrArray) drafts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GError) error = NULL;
  g_autofree char *draft_id = NULL;
  g_autofree char *proposed = NULL;
  GtkWindow *editor;
  guint comments;

  g_assert_true (wsp_store_query (f->store, WSP_TYPE_DRAFT, "kind", "cooperation_programme", drafts, &error));
  draft_id = g_strdup (wsp_record_get_id (g_ptr_array_index (drafts, 0)));
  g_assert_true (wsp_drafts_view_select (f->view, draft_id));
  comments = wsp_draft_detail_get_comments (shown (f))->len;

  wsp_test_press (GTK_WINDOW (f->window), "<Control>m");
  editor = dialog_of (f);
  g_assert_true (WSP_IS_COMMENT_EDITOR (editor));
  wsp_test_focus_window (editor);
  type_into (editor, GTK_WIDGET (wsp_comment_editor_get_view (WSP_COMMENT_EDITOR (editor), "proposed")),
             "nie mniej niz 4 mln zl");
  /* Closed by mistake, a moment after the last key. */
  wsp_test_press (editor, "Escape");
  g_assert_true (wait_for (editor_gone, f->view));
  g_assert_cmpuint (wsp_draft_detail_get_comments (shown (f))->len, ==, comments);

  wsp_test_press (GTK_WINDOW (f->window), "<Control>m");
  editor = dialog_of (f);
  wsp_test_focus_window (editor);
  proposed = view_text_of (wsp_comment_editor_get_view (WSP_COMMENT_EDITOR (editor), "proposed"));
  g_assert_cmpstr (proposed, ==, "nie mniej niz 4 mln zl");
  wsp_test_settle (GTK_WIDGET (editor));
  wsp_test_shot (GTK_WIDGET (editor), "comment-editor-restored");
  g_assert_nonnull (wsp_test_find_button (GTK_WIDGET (editor), "_Throw Away What Was Typed"));
  /* Thrown away: the form is empty again. */
  click (wsp_test_find_button (GTK_WIDGET (editor), "_Throw Away What Was Typed"));
  g_clear_pointer (&proposed, g_free);
  proposed = view_text_of (wsp_comment_editor_get_view (WSP_COMMENT_EDITOR (editor), "proposed"));
  g_assert_cmpstr (proposed, ==, "");
  wsp_test_press (editor, "Escape");
  g_assert_true (wait_for (editor_gone, f->view));

  wsp_test_press (GTK_WINDOW (f->window), "<Control>m");
  editor = dialog_of (f);
  wsp_test_focus_window (editor);
  g_clear_pointer (&proposed, g_free);
  proposed = view_text_of (wsp_comment_editor_get_view (WSP_COMMENT_EDITOR (editor), "proposed"));
  g_assert_cmpstr (proposed, ==, "");
  g_assert_true (wsp_comment_editor_choose_author (WSP_COMMENT_EDITOR (editor), "Nowak"));
  type_into (editor, GTK_WIDGET (wsp_comment_editor_get_view (WSP_COMMENT_EDITOR (editor), "proposed")), "3 mln zl");
  click (button (GTK_WIDGET (editor), "editor.save", NULL));
  g_assert_true (wait_for (editor_gone, f->view));
  g_assert_cmpuint (wsp_draft_detail_get_comments (shown (f))->len, ==, comments + 1);

  /* Saved: nothing is given back. */
  wsp_test_press (GTK_WINDOW (f->window), "<Control>m");
  editor = dialog_of (f);
  g_clear_pointer (&proposed, g_free);
  proposed = view_text_of (wsp_comment_editor_get_view (WSP_COMMENT_EDITOR (editor), "proposed"));
  g_assert_cmpstr (proposed, ==, "");
  gtk_window_destroy (editor);
  iterate ();
}

int
main (int argc, char *argv[])
{
  int status;
  g_autofree char *data_home = g_dir_make_tmp ("wsp-drafts-gui-home-XXXXXX", NULL);

  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  /* The words the tests look for are English; WSPOLNIE_TEST_LOCALE (with -p
   * /drafts-gui/narrow) renders the pictures in another language. */
  g_setenv ("LC_ALL", g_getenv ("WSPOLNIE_TEST_LOCALE") != NULL ? g_getenv ("WSPOLNIE_TEST_LOCALE") : "C.UTF-8", TRUE);
  setlocale (LC_ALL, "");
  if (g_getenv ("WSPOLNIE_LOCALEDIR") != NULL)
    bindtextdomain (GETTEXT_PACKAGE, g_getenv ("WSPOLNIE_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_test_init (&argc, &argv, NULL);

  app = wsp_test_start_app ();
  if (app == NULL)
    return 77;

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/drafts-gui/from-odt-to-table", test_draft_from_odt_to_table);
  ADD ("/drafts-gui/conflicting-decisions", test_conflicting_decisions);
  ADD ("/drafts-gui/urgency-reminder-waiver", test_urgency_reminder_and_waiver);
  ADD ("/drafts-gui/pdf-refused", test_pdf_refused);
  ADD ("/drafts-gui/narrow", test_narrow);
  ADD ("/drafts-gui/typing-in-long-text", test_typing_in_long_text);
  ADD ("/drafts-gui/comment-typing-kept", test_comment_typing_kept);
#undef ADD

  status = g_test_run ();
  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  wsp_test_remove_tree (data_home);
  return status;
}
