/* wsp-review-check.c — comments in a Council member's name come only from that member's laptop
 *
 * Every import passes here before it is kept (wsp-sync.c). The
 * secretary's laptop ties a member to the laptop of the member's first
 * reply to a review (wsp-review.c), after a person compared that laptop's
 * fingerprint, and from then on refuses a reply in the member's name from
 * any other laptop, a reply from that laptop in another member's name, and,
 * in any file, a comment in a member's name made on another member's
 * laptop, or said to come from the member's laptop (source "review") but
 * made on another. Comments the secretariat entered for a member (from
 * paper, by e-mail) may come from any of its laptops.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "domain/wsp-draft-units.h"
#include "domain/wsp-drafts.h"
#include "records/wsp-records-members.h"
#include "sync/wsp-review-check.h"

#define LAPTOP_OF_PREFIX    "review_laptop_of:"
#define PERSON_OF_PREFIX    "review_person_of:"
#define MAX_UNITS_NAMED     4

void
wsp_reply_summary_clear (WspReplySummary *summary)
{
  g_clear_pointer (&summary->person, g_free);
  g_clear_pointer (&summary->line, g_free);
}

static const char *
scope_string (JsonObject *scope,
              const char *name)
{
  JsonNode *node = scope != NULL && json_object_has_member (scope, name) ? json_object_get_member (scope, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static char *
person_name (WspStore   *store,
             const char *person_id)
{
  g_autoptr (WspRecord) person = person_id != NULL ? wsp_store_get (store, person_id, NULL) : NULL;

  if (person == NULL || !WSP_IS_PERSON (person))
    return NULL;
  return g_strdup (wsp_record_get_string (person, "name"));
}

/* The laptop a record was made on: the owner of its first change's stream. */
static char *
record_laptop (WspStore   *store,
               const char *record_id,
               GError    **error)
{
  WspDatabase *database = wsp_store_get_database (store);
  sqlite3_stmt *stmt = wsp_database_statement (database, "SELECT stream FROM changes WHERE record_id = ? "
                                                         "ORDER BY gen, seq LIMIT 1",
                                               error);
  char *owner = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  wsp_database_bind_text (stmt, 1, record_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      const char *stream = (const char *) sqlite3_column_text (stmt, 0);
      const char *slash = strchr (stream, '/');

      owner = slash != NULL ? g_strndup (stream, slash - stream) : g_strdup (stream);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      wsp_database_set_error (database, rc, error);
      return NULL;
    }
  if (owner == NULL)
    g_set_error (error, WSP_STORE_ERROR, WSP_STORE_ERROR_NOT_FOUND, _("A record of the file is missing."));
  return owner;
}

static gboolean
forged (GError     **error,
        const char  *message)
{
  g_set_error_literal (error, WSP_STORE_ERROR, WSP_STORE_ERROR_FORGED, message);
  return FALSE;
}

static char *
meta_of (WspStore   *store,
         const char *prefix,
         const char *id)
{
  g_autofree char *key = g_strconcat (prefix, id, NULL);
  char *value = wsp_store_dup_meta (store, key);

  if (value != NULL && *value == '\0')
    g_clear_pointer (&value, g_free);
  return value;
}

static gboolean
set_meta_of (WspStore    *store,
             const char  *prefix,
             const char  *id,
             const char  *value,
             GError     **error)
{
  g_autofree char *key = g_strconcat (prefix, id, NULL);

  return wsp_store_set_meta (store, key, value, error);
}

static char *
name_or (WspStore   *store,
         const char *person_id,
         const char *fallback)
{
  char *name = person_name (store, person_id);

  return name != NULL ? name : g_strdup (fallback != NULL ? fallback : person_id);
}

/* A comment (or a reply) of @author_id made on @laptop: refused when the
 * laptop is another member's, or, for one said to come from the member's
 * laptop (@from_member), when the member's comments come from another. */
static gboolean
check_author (WspStore    *store,
              const char  *author_id,
              const char  *laptop,
              gboolean     from_member,
              GError     **error)
{
  g_autofree char *tied_laptop = NULL;
  g_autofree char *tied_person = NULL;

  if (g_strcmp0 (laptop, wsp_store_get_peer_id (store)) == 0)
    return TRUE;
  tied_person = meta_of (store, PERSON_OF_PREFIX, laptop);
  if (tied_person != NULL && g_strcmp0 (tied_person, author_id) != 0)
    {
      g_autofree char *owner = name_or (store, tied_person, NULL);
      g_autofree char *claimed = author_id != NULL ? name_or (store, author_id, NULL) : g_strdup (_("someone else"));
      g_autofree char *message = g_strdup_printf (_("The file carries a comment in the name of %s made on %s’s "
                                                    "laptop, so nothing was imported. Comments come only from "
                                                    "their author’s own laptop."),
                                                  claimed, owner);
      return forged (error, message);
    }
  /* A comment the secretariat entered (from paper, an e-mail, the minutes)
   * may be made on any of its laptops; one said to come from the member's
   * own laptop comes from that laptop only. */
  if (!from_member)
    return TRUE;
  tied_laptop = author_id != NULL ? meta_of (store, LAPTOP_OF_PREFIX, author_id) : NULL;
  if (tied_laptop != NULL && g_strcmp0 (tied_laptop, laptop) != 0)
    {
      g_autofree char *claimed = name_or (store, author_id, NULL);
      g_autofree char *message = g_strdup_printf (_("The file carries a comment in the name of %s, signed with "
                                                    "the key of another laptop than theirs, so nothing was "
                                                    "imported. It may be forged."),
                                                  claimed);
      return forged (error, message);
    }
  return TRUE;
}

static gboolean
is_council_member (WspStore   *store,
                   const char *person_id)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr (GPtrArray) members = wsp_draft_authors (store, today, NULL);

  for (guint i = 0; members != NULL && i < members->len; i++)
    if (((WspAuthor *) g_ptr_array_index (members, i))->council
        && g_strcmp0 (((WspAuthor *) g_ptr_array_index (members, i))->id, person_id) == 0)
      return TRUE;
  return FALSE;
}

static int
compare_places (gconstpointer a,
                gconstpointer b,
                gpointer      data)
{
  const char *x = *(const char **) a, *y = *(const char **) b;
  guint px = GPOINTER_TO_UINT (g_hash_table_lookup (data, x));
  guint py = GPOINTER_TO_UINT (g_hash_table_lookup (data, y));

  return px < py ? -1 : px > py ? 1 : g_strcmp0 (x, y);
}

/**
 * wsp_review_check_import:
 * @scope: (nullable): the file's scope (its header)
 * @outcomes: (element-type WspOutcome): what the file did
 * @report: (out caller-allocates): for a reply, who it is from and what it brings
 *
 * Within an import, before it is kept: refuses comments in a member's
 * name from another laptop than the member's (and a reply that is not the
 * member's own), and for a reply fills in who it is from and what it
 * brings (the report's reply_* members). The first reply of a member ties
 * the member to its laptop.
 */
gboolean
wsp_review_check_import (WspStore         *store,
                         JsonObject       *scope,
                         const char       *sender_peer,
                         GPtrArray        *outcomes,
                         WspReplySummary  *report,
                         GError          **error)
{
  gboolean is_reply = g_strcmp0 (scope_string (scope, "kind"), "reply") == 0;
  const char *person_id = is_reply ? scope_string (scope, "person") : NULL;
  const char *draft_id = is_reply ? scope_string (scope, "draft") : NULL;
  g_autofree char *name = NULL;
  g_autoptr (GPtrArray) units = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GHashTable) places = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (WspRecord) latest = NULL;
  gboolean older = FALSE;
  guint n_comments = 0;

  if (is_reply)
    {
      g_autofree char *tied_laptop = NULL;
      g_autofree char *tied_person = NULL;

      if (person_id == NULL || !g_uuid_string_is_valid (person_id) || draft_id == NULL)
        return forged (error, _("The reply does not say whose it is, so nothing was imported."));
      name = name_or (store, person_id, scope_string (scope, "person_name"));
      tied_person = meta_of (store, PERSON_OF_PREFIX, sender_peer);
      if (tied_person != NULL && g_strcmp0 (tied_person, person_id) != 0)
        {
          g_autofree char *owner = name_or (store, tied_person, NULL);
          g_autofree char *message = g_strdup_printf (_("The reply is in the name of %s, but it comes from %s’s "
                                                        "laptop, so nothing was imported. It may be forged."),
                                                      name, owner);
          return forged (error, message);
        }
      tied_laptop = meta_of (store, LAPTOP_OF_PREFIX, person_id);
      if (tied_laptop != NULL && g_strcmp0 (tied_laptop, sender_peer) != 0)
        {
          g_autofree char *message = g_strdup_printf (_("The reply is in the name of %s, but it is signed with the "
                                                        "key of another laptop than theirs, so nothing was "
                                                        "imported. It may be forged: %s’s replies come from "
                                                        "their own laptop."),
                                                      name, name);
          return forged (error, message);
        }
      latest = wsp_draft_latest_version (store, draft_id, NULL);
    }

  for (guint i = 0; outcomes != NULL && i < outcomes->len; i++)
    {
      WspOutcome *outcome = g_ptr_array_index (outcomes, i);
      gboolean comment = g_strcmp0 (outcome->entity, "comment") == 0;
      gboolean reply = g_strcmp0 (outcome->entity, "review_reply") == 0;
      g_autoptr (WspRecord) record = NULL;
      g_autofree char *laptop = NULL;
      const char *author_id;

      if (outcome->kind == WSP_OUTCOME_UNCHANGED)
        continue;
      if (is_reply && !comment && !reply)
        return forged (error, _("The reply carries more than comments, so nothing was imported. It may be "
                                "forged."));
      if (!comment && !reply)
        continue;
      record = wsp_store_get (store, outcome->id, NULL);
      if (record == NULL)
        continue;
      laptop = record_laptop (store, outcome->id, error);
      if (laptop == NULL)
        return FALSE;
      author_id = wsp_record_get_string (record, comment ? "author_id" : "person_id");
      if (is_reply && (g_strcmp0 (author_id, person_id) != 0 || g_strcmp0 (laptop, sender_peer) != 0))
        {
          g_autofree char *message = g_strdup_printf (_("The reply of %s carries a comment that is not theirs, so "
                                                        "nothing was imported. It may be forged."),
                                                      name);
          return forged (error, message);
        }
      if (!check_author (store, author_id, laptop,
                         reply || g_strcmp0 (wsp_record_get_string (record, "source"), "review") == 0, error))
        return FALSE;
      if (is_reply && comment && outcome->kind == WSP_OUTCOME_NEW)
        {
          const char *unit = wsp_record_get_string (record, "unit_key");

          n_comments++;
          if (unit != NULL && !g_ptr_array_find_with_equal_func (units, unit, g_str_equal, NULL))
            g_ptr_array_add (units, g_strdup (unit));
          if (unit != NULL)
            {
              g_autoptr (WspRecord) version = wsp_store_get (store, wsp_record_get_string (record, "version_id"), NULL);
              g_autoptr (GPtrArray) text = version != NULL
                                             ? wsp_draft_units_from_json (wsp_record_get_value (version, "units"))
                                             : NULL;
              guint place = G_MAXUINT;

              for (guint k = 0; text != NULL && k < text->len; k++)
                if (g_strcmp0 (((WspDraftUnit *) g_ptr_array_index (text, k))->key, unit) == 0)
                  {
                    place = k;
                    break;
                  }
              g_hash_table_insert (places, g_strdup (unit), GUINT_TO_POINTER (place));
            }
          if (latest != NULL && g_strcmp0 (wsp_record_get_string (record, "version_id"), wsp_record_get_id (latest)) != 0)
            older = TRUE;
        }
    }
  if (!is_reply)
    return TRUE;
  if (latest != NULL && scope_string (scope, "version") != NULL
      && g_strcmp0 (scope_string (scope, "version"), wsp_record_get_id (latest)) != 0)
    older = TRUE;

  /* From now on the member's comments come from this laptop only. */
  if (g_strcmp0 (sender_peer, wsp_store_get_peer_id (store)) != 0
      && (!set_meta_of (store, LAPTOP_OF_PREFIX, person_id, sender_peer, error)
          || !set_meta_of (store, PERSON_OF_PREFIX, sender_peer, person_id, error)))
    return FALSE;

  report->person = g_strdup (person_id);
  report->comments = n_comments;
  report->older_version = older;
  report->not_member = !is_council_member (store, person_id);
  /* The units in the order of the text. */
  g_ptr_array_sort_with_data (units, compare_places, places);
  {
    g_autoptr (GString) named = g_string_new (NULL);

    for (guint i = 0; i < units->len && i < MAX_UNITS_NAMED; i++)
      {
        if (i > 0)
          /* Translators: between the units a reply comments on */
          g_string_append (named, C_ ("list of units", ", "));
        g_string_append (named, g_ptr_array_index (units, i));
      }
    if (units->len > MAX_UNITS_NAMED)
      /* Translators: after the units a reply comments on, when there are more */
      g_string_append (named, C_ ("list of units", ", …"));
    if (n_comments == 0)
      /* Translators: a reply to a review that brings no comments: the member's name */
      report->line = g_strdup_printf (_("%s: no comments"), name);
    else
      /* Translators: a reply to a review: the member's name, how many comments, and on which units */
      report->line = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$s: %2$u comment on %3$s",
                                                            "%1$s: %2$u comments on %3$s", n_comments),
                                               name, n_comments, named->str);
  }
  return TRUE;
}
