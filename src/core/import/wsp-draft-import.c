/* wsp-draft-import.c — a draft, or a new version of it, registered from its text
 *
 * Registering saves the draft and its first version in one transaction:
 * the text (normalized) and its units (wsp_draft_split()), the deadline
 * worked out from the day of delivery when none is given. A new version is
 * split the same way and its units matched to the latest version's
 * (wsp_draft_match_versions()), so comments follow them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "base/wsp-text.h"
#include "domain/wsp-drafts.h"
#include "import/wsp-draft-import.h"
#include "import/wsp-draft-match.h"
#include "import/wsp-draft-split.h"
#include "records/wsp-records-drafts.h"

static gboolean
check_text (const char  *text,
            GError     **error)
{
  if (text == NULL || text[strspn (text, " \t\r\n")] == '\0')
    {
      g_set_error_literal (error, WSP_DRAFT_ERROR, WSP_DRAFT_ERROR_EMPTY,
                           _("The draft has no text. Paste its text or open its file."));
      return FALSE;
    }
  return TRUE;
}

static char *
today (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/**
 * wsp_draft_register:
 * @draft: a new draft with its title, sender, day of delivery and kind
 * @text: its text
 * @file_name: (nullable): the name of the file it was read from
 * @version_out: (out) (optional) (transfer full): the first version
 *
 * Saves @draft (with its deadline, when it has none, and the status
 * "received") and its first version, in one transaction.
 */
gboolean
wsp_draft_register (WspStore    *store,
                    WspRecord   *draft,
                    const char  *text,
                    const char  *file_name,
                    WspRecord  **version_out,
                    GError     **error)
{
  g_autofree char *normal = NULL;
  g_autoptr (GPtrArray) units = NULL;
  g_autoptr (WspRecord) version = NULL;

  g_return_val_if_fail (WSP_IS_STORE (store), FALSE);
  g_return_val_if_fail (WSP_IS_DRAFT (draft), FALSE);

  if (!check_text (text, error))
    return FALSE;
  normal = wsp_draft_text_normalize (text);
  units = wsp_draft_split (normal);
  if (wsp_record_get_string (draft, "received_on") == NULL)
    {
      g_autofree char *day = today ();
      wsp_record_set_string (draft, "received_on", day);
    }
  if (wsp_record_get_string (draft, "deadline") == NULL)
    {
      g_autofree char *deadline = wsp_draft_compute_deadline (store, draft);
      wsp_record_set_string (draft, "deadline", deadline);
    }
  if (wsp_record_get_string (draft, "status") == NULL)
    wsp_record_set_string (draft, "status", "received");

  version = WSP_RECORD (wsp_draft_version_new ());
  wsp_record_set_string (version, "draft_id", wsp_record_get_id (draft));
  wsp_record_set_int (version, "number", 1);
  wsp_record_set_string (version, "received_on", wsp_record_get_string (draft, "received_on"));
  wsp_record_set_string (version, "text", normal);
  wsp_record_set_value (version, "units", wsp_draft_units_to_json (units));
  if (file_name != NULL)
    wsp_record_set_string (version, "file_name", file_name);

  if (!wsp_store_begin (store, error))
    return FALSE;
  if (!wsp_store_save (store, draft, error) || !wsp_store_save (store, version, error))
    {
      wsp_store_rollback (store);
      return FALSE;
    }
  if (!wsp_store_commit (store, error))
    return FALSE;
  if (version_out != NULL)
    *version_out = g_steal_pointer (&version);
  return TRUE;
}

/**
 * wsp_draft_add_version:
 * @received_on: (nullable): YYYY-MM-DD; %NULL: today
 * @file_name: (nullable): the name of the file it was read from
 * @n_matched: (out) (optional): how many of its units continue units of
 *   the version before
 *
 * Saves the corrected text of the draft @draft_id as its next version,
 * its units matched to the latest version's.
 *
 * Returns: (transfer full): the new version, or %NULL with @error
 */
WspRecord *
wsp_draft_add_version (WspStore    *store,
                       const char  *draft_id,
                       const char  *text,
                       const char  *received_on,
                       const char  *file_name,
                       guint       *n_matched,
                       GError     **error)
{
  g_autoptr (WspRecord) previous = NULL;
  g_autoptr (WspRecord) version = NULL;
  g_autoptr (GPtrArray) old_units = NULL;
  g_autoptr (GPtrArray) units = NULL;
  g_autofree char *normal = NULL;
  g_autofree char *day = NULL;
  g_autoptr (GError) local_error = NULL;
  guint matched;

  g_return_val_if_fail (WSP_IS_STORE (store), NULL);
  g_return_val_if_fail (draft_id != NULL, NULL);

  if (!check_text (text, error))
    return NULL;
  previous = wsp_draft_latest_version (store, draft_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  normal = wsp_draft_text_normalize (text);
  units = wsp_draft_split (normal);
  old_units = wsp_draft_units_from_json (previous != NULL ? wsp_record_get_value (previous, "units") : NULL);
  matched = wsp_draft_match_versions (old_units, units);

  version = WSP_RECORD (wsp_draft_version_new ());
  wsp_record_set_string (version, "draft_id", draft_id);
  wsp_record_set_int (version, "number", previous != NULL ? wsp_record_get_int (previous, "number") + 1 : 1);
  if (received_on == NULL)
    received_on = day = today ();
  wsp_record_set_string (version, "received_on", received_on);
  wsp_record_set_string (version, "text", normal);
  wsp_record_set_value (version, "units", wsp_draft_units_to_json (units));
  if (previous != NULL)
    wsp_record_set_string (version, "previous_id", wsp_record_get_id (previous));
  if (file_name != NULL)
    wsp_record_set_string (version, "file_name", file_name);
  if (!wsp_store_save (store, version, error))
    return NULL;
  if (n_matched != NULL)
    *n_matched = matched;
  return g_steal_pointer (&version);
}

/**
 * wsp_draft_guess_title:
 * @units: (element-type WspDraftUnit): a draft's units
 *
 * Returns: (transfer full) (nullable): a title from the preamble: "Projekt
 *   uchwały w sprawie …" from its "w sprawie …" line (of a resolution or
 *   an ordinance, as the preamble names it), else its first line
 */
char *
wsp_draft_guess_title (GPtrArray *units)
{
  WspDraftUnit *preamble = units->len > 0 ? g_ptr_array_index (units, 0) : NULL;
  g_auto (GStrv) lines = NULL;
  g_autofree char *folded = NULL;
  const char *kind;

  if (preamble == NULL || preamble->kind != WSP_UNIT_PREAMBLE)
    return NULL;
  lines = g_strsplit (preamble->text, "\n", -1);
  folded = wsp_text_fold (preamble->text);
  kind = strstr (folded, "zarzadzeni") != NULL && strstr (folded, "uchwal") == NULL ? "Projekt zarządzenia"
                                                                                      : "Projekt uchwały";
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      const char *at;

      while (*line == ' ')
        line++;
      if ((at = strstr (line, "w sprawie ")) != NULL && (at == line || strlen (line) < 300))
        {
          /* "Uchwała nr … w sprawie …" on one line, or "w sprawie …" on its own. */
          char *title = g_strdup_printf ("%s %s", kind, at);
          gsize len = strlen (title);

          while (len > 0 && (title[len - 1] == '.' || title[len - 1] == ' '))
            title[--len] = '\0';
          return title;
        }
    }
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = g_strstrip (g_strdup (lines[i]));
      g_autofree char *line_folded = wsp_text_fold (line);

      if (line[0] != '\0' && !g_str_equal (line_folded, "projekt"))
        return g_steal_pointer (&line);
    }
  return NULL;
}

/* The kind of draft its title says: "cooperation_programme", "strategy" or
 * "other". */
const char *
wsp_draft_guess_kind (const char *title)
{
  g_autofree char *folded = wsp_text_fold (title);

  if (strstr (folded, "program") != NULL && strstr (folded, "wspolpracy") != NULL)
    return "cooperation_programme";
  if (strstr (folded, "strategi") != NULL)
    return "strategy";
  return "other";
}
