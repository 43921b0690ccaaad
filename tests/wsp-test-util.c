/* wsp-test-util.c — small helpers shared by the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "wsp-test-util.h"

/* Opens (creating) the database @name in @dir; fails the test if it cannot. */
WspStore *
wsp_test_open_store (const char *dir,
                     const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr (GError) error = NULL;
  WspStore *store = wsp_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

/* Removes @path and everything in it. */
void
wsp_test_remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        wsp_test_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* The conflicts of @id (wsp_store_dup_conflicts()) as one JSON object, for
 * tests that compare whole states: field → [{rev, hlc, peer, value}], with
 * "_deleted" for a delete against an edit (value: whether it deletes). */
JsonObject *
wsp_test_conflicts_json (WspStore    *store,
                         const char  *id,
                         GError     **error)
{
  g_autoptr (GPtrArray) conflicts = wsp_store_dup_conflicts (store, id, error);
  g_autoptr (JsonObject) object = NULL;

  if (conflicts == NULL)
    return NULL;
  object = json_object_new ();
  for (guint i = 0; i < conflicts->len; i++)
    {
      WspConflict *conflict = g_ptr_array_index (conflicts, i);
      JsonArray *candidates = json_array_new ();

      for (guint c = 0; c < conflict->candidates->len; c++)
        {
          WspCandidate *candidate = g_ptr_array_index (conflict->candidates, c);
          JsonObject *entry = json_object_new ();
          g_autofree char *hlc = wsp_hlc_to_string (candidate->hlc);

          json_object_set_string_member (entry, "rev", candidate->rev_id);
          json_object_set_string_member (entry, "hlc", hlc);
          json_object_set_string_member (entry, "peer", candidate->peer_id);
          if (conflict->field == NULL)
            json_object_set_boolean_member (entry, "value", candidate->deletes);
          else
            json_object_set_member (entry, "value", candidate->value != NULL
                                                      ? json_node_copy (candidate->value)
                                                      : json_node_new (JSON_NODE_NULL));
          json_array_add_object_element (candidates, entry);
        }
      json_object_set_array_member (object, conflict->field != NULL ? conflict->field : "_deleted",
                                    candidates);
    }
  return g_steal_pointer (&object);
}

/* The history of @id (wsp_store_dup_history()) as JSON, oldest first:
 * [{rev, parents, deleted, hlc, peer}]. */
JsonArray *
wsp_test_history_json (WspStore    *store,
                       const char  *id,
                       GError     **error)
{
  g_autoptr (GPtrArray) history = wsp_store_dup_history (store, id, error);
  g_autoptr (JsonArray) array = NULL;

  if (history == NULL)
    return NULL;
  array = json_array_new ();
  for (guint i = 0; i < history->len; i++)
    {
      WspHistoryEntry *entry = g_ptr_array_index (history, i);
      JsonObject *object = json_object_new ();
      JsonArray *parents = json_array_new ();
      g_autofree char *hlc = wsp_hlc_to_string (entry->hlc);

      for (guint p = 0; entry->parents[p] != NULL; p++)
        json_array_add_string_element (parents, entry->parents[p]);
      json_object_set_string_member (object, "rev", entry->rev_id);
      json_object_set_array_member (object, "parents", parents);
      json_object_set_boolean_member (object, "deleted", entry->deleted);
      json_object_set_string_member (object, "hlc", hlc);
      json_object_set_string_member (object, "peer", entry->peer_id);
      json_array_add_object_element (array, object);
    }
  return g_steal_pointer (&array);
}

/* Runs @argv (a program on the PATH) and returns what it printed; fails
 * the test with the program's own message if it fails. */
char *
wsp_test_run (const char * const *argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status,
                               &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], err);
  return out;
}

/* Whether @program is installed; skips the test, saying so, when not. */
gboolean
wsp_test_have (const char *program)
{
  g_autofree char *path = g_find_program_in_path (program);

  if (path == NULL)
    g_test_skip_printf ("%s is not installed (build-aux/dev.sh deps installs it)", program);
  return path != NULL;
}

/* @text with every run of white space as one space. */
char *
wsp_test_squeeze (const char *text)
{
  g_autoptr (GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);

  return g_regex_replace_literal (spaces, text, -1, 0, " ", 0, NULL);
}

/* The text of the PDF at @path as pdftotext reads it, white space
 * squeezed. */
char *
wsp_test_pdf_text (const char *path)
{
  g_autofree char *out = wsp_test_run ((const char *[]){ "pdftotext", "-enc", "UTF-8", path, "-", NULL });

  return wsp_test_squeeze (out);
}
