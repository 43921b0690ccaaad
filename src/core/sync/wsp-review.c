/* wsp-review.c — a draft sent to Council members' own laptops, and their signed replies
 *
 * A review file is an exchange file that carries a part of what the
 * secretary's laptop holds (wsp_sync_export_scoped()): one draft, its
 * versions with their units, the comments made so far when the secretary
 * chooses so, the record of the sending (draft_review: to whom, which
 * version, by when), and what names the Council's members (the Council,
 * its current term, its current seats, their people and the organisations
 * they sit for). Its header says so:
 *
 *   "scope": {"kind": "review", "draft": id, "version": id, "review": id,
 *             "deadline": "YYYY-MM-DD", "title": …,
 *             "members": [{"id": person id, "name": …}, …]}
 *
 * On a member's laptop the file is imported like any other (what it leaves
 * out is not deleted), and the laptop is tied to one of those members
 * (the "reviewer" of its meta data): every comment made on it is that
 * member's. A reply carries only the member's comments not sent before and
 * a review_reply record that lists them, made and signed on that laptop:
 *
 *   "scope": {"kind": "reply", "draft": id, "person": person id,
 *             "person_name": …, "version": the latest version it holds}
 *
 * The secretary's laptop ties a member to the laptop of the member's first
 * reply (after a person compared its fingerprint) and from then on refuses
 * comments in the member's name from any other laptop
 * (wsp-review-check.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "base/wsp-json.h"
#include "domain/wsp-draft-units.h"
#include "domain/wsp-membership.h"
#include "records/wsp-records-drafts.h"
#include "records/wsp-records-members.h"
#include "sync/wsp-review.h"

#define REVIEWER_KEY        "reviewer"

void
wsp_review_member_free (WspReviewMember *member)
{
  if (member == NULL)
    return;
  g_free (member->person_id);
  g_free (member->name);
  g_free (member->replied_at);
  g_free (member);
}

void
wsp_review_status_free (WspReviewStatus *status)
{
  if (status == NULL)
    return;
  g_free (status->draft_id);
  g_free (status->title);
  g_free (status->deadline);
  g_free (status->sent_at);
  g_clear_pointer (&status->members, g_ptr_array_unref);
  g_free (status);
}

static char *
today_text (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}

static char *
now_text (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  return g_date_time_format_iso8601 (now);
}

static GPtrArray *
query (WspStore    *store,
       GType        type,
       const char  *field,
       const char  *value,
       GError     **error)
{
  g_autoptr (GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);

  if (!wsp_store_query (store, type, field, value, records, error))
    return NULL;
  return g_steal_pointer (&records);
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

/* What a review file or a reply is: "review", "reply", or NULL. */
const char *
wsp_review_scope_kind (JsonObject *scope)
{
  return scope_string (scope, "kind");
}

const char *
wsp_review_scope_draft (JsonObject *scope)
{
  return scope_string (scope, "draft");
}

/* The person's name here, or NULL. */
static char *
person_name (WspStore   *store,
             const char *person_id)
{
  g_autoptr (WspRecord) person = person_id != NULL ? wsp_store_get (store, person_id, NULL) : NULL;

  if (person == NULL || !WSP_IS_PERSON (person))
    return NULL;
  return g_strdup (wsp_record_get_string (person, "name"));
}

/* ---- the secretary's laptop ------------------------------------------------- */

/**
 * wsp_review_default_members:
 * @today: (nullable): YYYY-MM-DD
 *
 * Returns: (transfer full) (element-type WspAuthor): the Council's
 *   members now, who a draft goes to for review unless the secretary
 *   chooses others; %NULL with @error
 */
GPtrArray *
wsp_review_default_members (WspStore    *store,
                            const char  *today,
                            GError     **error)
{
  g_autoptr (GPtrArray) authors = wsp_draft_authors (store, today, error);
  GPtrArray *members;

  if (authors == NULL)
    return NULL;
  members = g_ptr_array_new_with_free_func ((GDestroyNotify) wsp_author_free);
  for (guint i = 0; i < authors->len; i++)
    {
      WspAuthor *author = g_ptr_array_index (authors, i);

      if (author->council)
        g_ptr_array_add (members, g_steal_pointer (&authors->pdata[i]));
    }
  return members;
}

/* A file name that says what the file is: “<title> — do zaopiniowania”. */
static char *
file_name_for (const char *title,
               const char *format)
{
  g_autoptr (GString) clean = g_string_new (NULL);
  g_autofree char *name = NULL;

  for (const char *p = title != NULL ? title : ""; *p != '\0' && g_utf8_strlen (clean->str, -1) < 80;
       p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '/' || c == '\\' || c == ':' || g_unichar_iscntrl (c))
        c = ' ';
      if (c == ' ' && (clean->len == 0 || clean->str[clean->len - 1] == ' '))
        continue;
      g_string_append_unichar (clean, c);
    }
  while (clean->len > 0 && clean->str[clean->len - 1] == ' ')
    g_string_truncate (clean, clean->len - 1);
  if (clean->len == 0)
    g_string_append (clean, _("Draft"));
  name = g_strdup_printf (format, clean->str);
  return g_strconcat (name, WSP_PACKET_SUFFIX, NULL);
}

/* The file name a review file of @draft_id gets. */
char *
wsp_review_file_name (WspStore   *store,
                      const char *draft_id)
{
  g_autoptr (WspRecord) draft = wsp_store_get (store, draft_id, NULL);

  /* Translators: the file name of a draft sent to the members for review:
   * its title (shortened) and what is to be done with it */
  return file_name_for (draft != NULL ? wsp_record_get_string (draft, "title") : NULL, _("%s — for review"));
}

static void
add_id (GHashTable *records,
        const char *id)
{
  if (id != NULL)
    g_hash_table_add (records, g_strdup (id));
}

/* What names the Council's members: the Council, its current term, the
 * current seats, their people and the organisations they sit for. */
static gboolean
add_council (WspStore    *store,
             const char  *today,
             GHashTable  *records,
             GError     **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (WspRecord) council = wsp_membership_find_body (store, "council", &local_error);
  g_autoptr (WspRecord) term = NULL;
  g_autoptr (GPtrArray) seats = NULL;

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (council == NULL)
    return TRUE;
  add_id (records, wsp_record_get_id (council));
  term = wsp_membership_current_term (store, wsp_record_get_id (council), today, NULL);
  if (term == NULL)
    return TRUE;
  add_id (records, wsp_record_get_id (term));
  seats = wsp_membership_seats (store, wsp_record_get_id (term), FALSE, today, error);
  if (seats == NULL)
    return FALSE;
  for (guint i = 0; i < seats->len; i++)
    {
      WspRecord *seat = g_ptr_array_index (seats, i);

      add_id (records, wsp_record_get_id (seat));
      add_id (records, wsp_record_get_string (seat, "person_id"));
      add_id (records, wsp_record_get_string (seat, "organisation_id"));
    }
  return TRUE;
}

/**
 * wsp_review_send:
 * @members: (nullable) (array zero-terminated=1): the people it goes to;
 *   %NULL: the Council's members now
 * @deadline: (nullable): by when the comments are due (YYYY-MM-DD); %NULL:
 *   the draft's deadline for the opinion
 * @with_comments: whether the comments made so far go too
 * @path: the file to write, or a folder to write it in (under
 *   wsp_review_file_name())
 *
 * Records that the draft's latest version goes to @members for review and
 * writes the signed review file.
 */
gboolean
wsp_review_send (WspStore           *store,
                 const char         *draft_id,
                 const char * const *members,
                 const char         *deadline,
                 gboolean            with_comments,
                 const char         *path,
                 WspExportReport    *report,
                 GError            **error)
{
  g_autofree char *today = today_text ();
  g_autofree char *now = now_text ();
  g_autoptr (WspRecord) draft = wsp_store_get (store, draft_id, NULL);
  g_autoptr (GPtrArray) versions = NULL;
  g_autoptr (GPtrArray) council = NULL;
  g_autoptr (GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GHashTable) records = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (JsonObject) scope = json_object_new ();
  g_autoptr (JsonArray) named = json_array_new ();
  g_autoptr (WspRecord) review = WSP_RECORD (wsp_draft_review_new ());
  g_autofree char *target = NULL;
  WspRecord *latest;

  if (draft == NULL || !WSP_IS_DRAFT (draft))
    {
      g_set_error (error, WSP_STORE_ERROR, WSP_STORE_ERROR_NOT_FOUND, _("There is no such draft."));
      return FALSE;
    }
  versions = wsp_draft_versions (store, draft_id, error);
  if (versions == NULL)
    return FALSE;
  if (versions->len == 0)
    {
      g_set_error (error, WSP_STORE_ERROR, WSP_STORE_ERROR_NOT_FOUND,
                   _("The draft has no text yet, so there is nothing to review. Add its text first."));
      return FALSE;
    }
  latest = g_ptr_array_index (versions, versions->len - 1);
  council = wsp_review_default_members (store, today, error);
  if (council == NULL)
    return FALSE;

  /* Who it goes to: the Council's members now, or those chosen. */
  if (members == NULL)
    for (guint i = 0; i < council->len; i++)
      g_ptr_array_add (ids, g_strdup (((WspAuthor *) g_ptr_array_index (council, i))->id));
  else
    for (guint i = 0; members[i] != NULL; i++)
      {
        g_autofree char *name = person_name (store, members[i]);

        if (name == NULL)
          {
            g_set_error (error, WSP_STORE_ERROR, WSP_STORE_ERROR_NOT_FOUND,
                         _("A draft is sent for review to people of the register; “%s” is not one."), members[i]);
            return FALSE;
          }
        if (!g_ptr_array_find_with_equal_func (ids, members[i], g_str_equal, NULL))
          g_ptr_array_add (ids, g_strdup (members[i]));
      }
  if (ids->len == 0)
    {
      g_set_error (error, WSP_STORE_ERROR, WSP_STORE_ERROR_NOT_FOUND,
                   _("The Council has no members now, so there is no one to send the draft to. Choose the "
                     "members, or enter the Council's term and seats first."));
      return FALSE;
    }
  g_ptr_array_add (ids, NULL);

  if (deadline == NULL)
    deadline = wsp_record_get_string (draft, "deadline");
  wsp_record_set_string (review, "draft_id", draft_id);
  wsp_record_set_string (review, "version_id", wsp_record_get_id (latest));
  wsp_record_set_list (review, "members", (const char * const *) ids->pdata);
  wsp_record_set_string (review, "deadline", deadline);
  wsp_record_set_string (review, "sent_at", now);
  wsp_record_set_bool (review, "with_comments", with_comments);
  if (!wsp_store_save (store, review, error))
    return FALSE;

  /* What goes: the draft, its versions, the comments if chosen, this
   * sending, and what names the members. */
  add_id (records, draft_id);
  add_id (records, wsp_record_get_id (review));
  for (guint i = 0; i < versions->len; i++)
    {
      WspRecord *version = g_ptr_array_index (versions, i);

      add_id (records, wsp_record_get_id (version));
      if (with_comments)
        {
          g_autoptr (GPtrArray) comments = query (store, WSP_TYPE_COMMENT, "version_id", wsp_record_get_id (version),
                                                  error);
          if (comments == NULL)
            return FALSE;
          for (guint j = 0; j < comments->len; j++)
            add_id (records, wsp_record_get_id (g_ptr_array_index (comments, j)));
        }
    }
  if (!add_council (store, today, records, error))
    return FALSE;
  for (guint i = 0; ids->pdata[i] != NULL; i++)
    {
      const char *id = ids->pdata[i];
      g_autofree char *name = person_name (store, id);
      JsonObject *member = json_object_new ();

      add_id (records, id);
      json_object_set_string_member (member, "id", id);
      json_object_set_string_member (member, "name", name != NULL ? name : "");
      json_array_add_object_element (named, member);
    }

  json_object_set_string_member (scope, "kind", "review");
  json_object_set_string_member (scope, "draft", draft_id);
  json_object_set_string_member (scope, "title", wsp_record_get_string (draft, "title"));
  json_object_set_string_member (scope, "version", wsp_record_get_id (latest));
  json_object_set_string_member (scope, "review", wsp_record_get_id (review));
  if (deadline != NULL)
    json_object_set_string_member (scope, "deadline", deadline);
  json_object_set_array_member (scope, "members", g_steal_pointer (&named));

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *name = wsp_review_file_name (store, draft_id);
      target = g_build_filename (path, name, NULL);
    }
  else
    target = g_strdup (path);
  if (!wsp_sync_export_scoped (store, target, scope, records, report, error))
    {
      g_autoptr (GError) local_error = NULL;

      /* Not sent after all. */
      if (!wsp_store_delete (store, review, &local_error))
        g_warning ("%s", local_error->message);
      return FALSE;
    }
  return TRUE;
}

static int
compare_members (gconstpointer a,
                 gconstpointer b)
{
  const WspReviewMember *x = *(WspReviewMember **) a, *y = *(WspReviewMember **) b;
  g_autofree char *kx = wsp_membership_person_sort_key (x->name);
  g_autofree char *ky = wsp_membership_person_sort_key (y->name);

  return g_strcmp0 (kx, ky);
}

/**
 * wsp_review_status:
 *
 * Returns: (transfer full) (nullable): who the draft went to for review and
 *   who replied, with the deadline; %NULL when it was never sent (or with
 *   @error)
 */
WspReviewStatus *
wsp_review_status (WspStore    *store,
                   const char  *draft_id,
                   GError     **error)
{
  g_autoptr (GPtrArray) reviews = query (store, WSP_TYPE_DRAFT_REVIEW, "draft_id", draft_id, error);
  g_autoptr (GPtrArray) replies = NULL;
  g_autoptr (WspRecord) draft = NULL;
  g_autoptr (WspRecord) latest = NULL;
  g_autoptr (WspReviewStatus) status = NULL;
  g_autoptr (GHashTable) by_person = g_hash_table_new (g_str_hash, g_str_equal);

  if (reviews == NULL)
    return NULL;
  if (reviews->len == 0)
    return NULL;
  replies = query (store, WSP_TYPE_REVIEW_REPLY, "draft_id", draft_id, error);
  if (replies == NULL)
    return NULL;
  draft = wsp_store_get (store, draft_id, NULL);
  latest = wsp_draft_latest_version (store, draft_id, NULL);
  status = g_new0 (WspReviewStatus, 1);
  status->draft_id = g_strdup (draft_id);
  status->title = g_strdup (draft != NULL ? wsp_record_get_string (draft, "title") : NULL);
  status->members = g_ptr_array_new_with_free_func ((GDestroyNotify) wsp_review_member_free);

  for (guint i = 0; i < reviews->len; i++)
    {
      WspRecord *review = g_ptr_array_index (reviews, i);
      g_auto (GStrv) members = wsp_record_dup_list (review, "members");
      const char *sent_at = wsp_record_get_string (review, "sent_at");

      /* The latest sending's deadline counts. */
      if (status->sent_at == NULL || g_strcmp0 (sent_at, status->sent_at) > 0)
        {
          g_free (status->sent_at);
          g_free (status->deadline);
          status->sent_at = g_strdup (sent_at);
          status->deadline = g_strdup (wsp_record_get_string (review, "deadline"));
        }
      for (guint j = 0; members != NULL && members[j] != NULL; j++)
        if (!g_hash_table_contains (by_person, members[j]))
          {
            WspReviewMember *member = g_new0 (WspReviewMember, 1);

            member->person_id = g_strdup (members[j]);
            member->name = person_name (store, members[j]);
            if (member->name == NULL)
              member->name = g_strdup (members[j]);
            g_ptr_array_add (status->members, member);
            g_hash_table_insert (by_person, member->person_id, member);
          }
    }
  for (guint i = 0; i < replies->len; i++)
    {
      WspRecord *reply = g_ptr_array_index (replies, i);
      const char *person_id = wsp_record_get_string (reply, "person_id");
      WspReviewMember *member = person_id != NULL ? g_hash_table_lookup (by_person, person_id) : NULL;
      g_auto (GStrv) comments = wsp_record_dup_list (reply, "comments");
      const char *sent_at = wsp_record_get_string (reply, "sent_at");

      /* A reply from someone it was not sent to is listed too. */
      if (member == NULL && person_id != NULL)
        {
          member = g_new0 (WspReviewMember, 1);
          member->person_id = g_strdup (person_id);
          member->name = person_name (store, person_id);
          if (member->name == NULL)
            member->name = g_strdup (person_id);
          g_ptr_array_add (status->members, member);
          g_hash_table_insert (by_person, member->person_id, member);
        }
      if (member == NULL)
        continue;
      if (!member->replied)
        status->replied++;
      member->replied = TRUE;
      member->comments += comments != NULL ? g_strv_length (comments) : 0;
      if (member->replied_at == NULL || g_strcmp0 (sent_at, member->replied_at) > 0)
        {
          g_free (member->replied_at);
          member->replied_at = g_strdup (sent_at);
          member->older_version = latest != NULL && wsp_record_get_string (reply, "version_id") != NULL
                                  && g_strcmp0 (wsp_record_get_string (reply, "version_id"),
                                                wsp_record_get_id (latest)) != 0;
        }
    }
  g_ptr_array_sort (status->members, compare_members);
  return g_steal_pointer (&status);
}

static int
compare_by_deadline (gconstpointer a,
                     gconstpointer b)
{
  const WspReviewStatus *x = *(WspReviewStatus **) a, *y = *(WspReviewStatus **) b;

  /* Those without a deadline last. */
  if ((x->deadline == NULL) != (y->deadline == NULL))
    return x->deadline == NULL ? 1 : -1;
  return g_strcmp0 (x->deadline, y->deadline);
}

/**
 * wsp_review_drafts:
 *
 * Returns: (transfer full) (element-type WspReviewStatus): every draft sent
 *   for review (on a member's laptop: the review files it holds), the
 *   soonest deadline first; %NULL with @error
 */
GPtrArray *
wsp_review_drafts (WspStore  *store,
                   GError   **error)
{
  g_autoptr (GPtrArray) reviews = query (store, WSP_TYPE_DRAFT_REVIEW, NULL, NULL, error);
  g_autoptr (GPtrArray) result = NULL;
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (reviews == NULL)
    return NULL;
  result = g_ptr_array_new_with_free_func ((GDestroyNotify) wsp_review_status_free);
  for (guint i = 0; i < reviews->len; i++)
    {
      const char *draft_id = wsp_record_get_string (g_ptr_array_index (reviews, i), "draft_id");
      WspReviewStatus *status;

      if (draft_id == NULL || g_hash_table_contains (seen, draft_id))
        continue;
      g_hash_table_add (seen, g_strdup (draft_id));
      status = wsp_review_status (store, draft_id, error);
      if (status == NULL)
        return NULL;
      g_ptr_array_add (result, status);
    }
  g_ptr_array_sort (result, compare_by_deadline);
  return g_steal_pointer (&result);
}

/* ---- a member's laptop ------------------------------------------------------ */

/**
 * wsp_review_scope_members:
 *
 * Returns: (transfer full) (element-type WspAuthor): the members a review
 *   file names (for its reader to say which one they are)
 */
GPtrArray *
wsp_review_scope_members (JsonObject *scope)
{
  GPtrArray *members = g_ptr_array_new_with_free_func ((GDestroyNotify) wsp_author_free);
  JsonNode *node = scope != NULL && json_object_has_member (scope, "members") ? json_object_get_member (scope, "members")
                                                                              : NULL;
  JsonArray *array = node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *member = JSON_NODE_HOLDS_OBJECT (element) ? json_node_get_object (element) : NULL;
      const char *id = scope_string (member, "id");
      const char *name = scope_string (member, "name");
      WspAuthor *author;

      if (id == NULL || !g_uuid_string_is_valid (id) || name == NULL)
        continue;
      author = g_new0 (WspAuthor, 1);
      author->id = g_strdup (id);
      author->name = g_strdup (name);
      author->council = TRUE;
      g_ptr_array_add (members, author);
    }
  return members;
}

/**
 * wsp_review_set_reviewer:
 * @person_id: the member this laptop is (a person held here)
 *
 * Ties this laptop to a Council member: every comment made on it is that
 * member's. A laptop tied to a member stays so.
 */
gboolean
wsp_review_set_reviewer (WspStore    *store,
                         const char  *person_id,
                         GError     **error)
{
  g_autofree char *current = wsp_store_dup_meta (store, REVIEWER_KEY);
  g_autofree char *name = person_name (store, person_id);

  if (name == NULL)
    {
      g_set_error (error, WSP_STORE_ERROR, WSP_STORE_ERROR_NOT_FOUND,
                   _("That member is not in the review file."));
      return FALSE;
    }
  if (current != NULL && *current != '\0' && g_strcmp0 (current, person_id) != 0)
    {
      g_autofree char *other = person_name (store, current);

      g_set_error (error, WSP_STORE_ERROR, WSP_STORE_ERROR_FORGED,
                   _("This laptop is %s’s: comments made on it are theirs. Another member reviews on a laptop of "
                     "their own."),
                   other != NULL ? other : current);
      return FALSE;
    }
  /* The secretary sees whose laptop the replies come from. */
  {
    g_autofree char *laptop = wsp_store_dup_meta (store, "laptop_name");

    if ((laptop == NULL || *laptop == '\0') && !wsp_sync_set_laptop_name (store, name, error))
      return FALSE;
  }
  return wsp_store_set_meta (store, REVIEWER_KEY, person_id, error);
}

/* The member this laptop is tied to (a person's id), or NULL. */
char *
wsp_review_dup_reviewer (WspStore *store)
{
  char *person_id = wsp_store_dup_meta (store, REVIEWER_KEY);

  if (person_id != NULL && *person_id == '\0')
    g_clear_pointer (&person_id, g_free);
  return person_id;
}

/**
 * wsp_review_add_comment:
 * @unit_key: the unit of the draft's latest version held here
 * @current_wording: (nullable): the unit's words (%NULL: as they are)
 *
 * Saves a comment of this laptop's member on the latest version of the
 * draft held here.
 *
 * Returns: (transfer full): the comment; %NULL with @error
 */
WspRecord *
wsp_review_add_comment (WspStore    *store,
                        const char  *draft_id,
                        const char  *unit_key,
                        const char  *current_wording,
                        const char  *proposed_wording,
                        const char  *justification,
                        GError     **error)
{
  g_autofree char *reviewer = wsp_review_dup_reviewer (store);
  g_autofree char *name = reviewer != NULL ? person_name (store, reviewer) : NULL;
  g_autofree char *today = today_text ();
  g_autoptr (WspRecord) version = wsp_draft_latest_version (store, draft_id, NULL);
  g_autoptr (GPtrArray) units = NULL;
  g_autoptr (WspRecord) comment = NULL;
  const WspDraftUnit *unit = NULL;

  if (reviewer == NULL || name == NULL)
    {
      g_set_error (error, WSP_STORE_ERROR, WSP_STORE_ERROR_NOT_FOUND,
                   _("This laptop is not tied to a Council member yet: open a review file and say who you are "
                     "first."));
      return NULL;
    }
  if (version == NULL)
    {
      g_set_error (error, WSP_STORE_ERROR, WSP_STORE_ERROR_NOT_FOUND, _("There is no such draft."));
      return NULL;
    }
  units = wsp_draft_units_from_json (wsp_record_get_value (version, "units"));
  for (guint i = 0; i < units->len && unit == NULL; i++)
    if (g_strcmp0 (((WspDraftUnit *) g_ptr_array_index (units, i))->key, unit_key) == 0)
      unit = g_ptr_array_index (units, i);
  if (unit == NULL)
    {
      g_set_error (error, WSP_STORE_ERROR, WSP_STORE_ERROR_NOT_FOUND,
                   _("The draft has no unit “%s”."), unit_key);
      return NULL;
    }
  if (proposed_wording == NULL || *proposed_wording == '\0')
    {
      g_set_error_literal (error, WSP_STORE_ERROR, WSP_STORE_ERROR_NOT_FOUND,
                           _("A comment proposes a wording: say what the unit should say."));
      return NULL;
    }
  comment = WSP_RECORD (wsp_comment_new ());
  wsp_record_set_string (comment, "version_id", wsp_record_get_id (version));
  wsp_record_set_string (comment, "unit_key", unit->key);
  wsp_record_set_string (comment, "author_id", reviewer);
  wsp_record_set_string (comment, "author_name", name);
  wsp_record_set_string (comment, "current_wording", current_wording != NULL ? current_wording : unit->text);
  wsp_record_set_string (comment, "proposed_wording", proposed_wording);
  wsp_record_set_string (comment, "justification",
                         justification != NULL && *justification != '\0' ? justification : NULL);
  wsp_record_set_string (comment, "submitted_on", today);
  wsp_record_set_string (comment, "source", wsp_choice_name (wsp_comment_source_choices, WSP_COMMENT_SOURCE_REVIEW));
  if (!wsp_store_save (store, comment, error))
    return NULL;
  return g_steal_pointer (&comment);
}

/**
 * wsp_review_unsent_comments:
 *
 * Returns: (transfer full) (element-type WspRecord): this laptop's
 *   member's comments on the draft that no reply sent yet, in the order
 *   they were made; %NULL with @error
 */
GPtrArray *
wsp_review_unsent_comments (WspStore    *store,
                            const char  *draft_id,
                            GError     **error)
{
  g_autofree char *reviewer = wsp_review_dup_reviewer (store);
  g_autoptr (GPtrArray) versions = wsp_draft_versions (store, draft_id, error);
  g_autoptr (GPtrArray) replies = NULL;
  g_autoptr (GHashTable) sent = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GPtrArray) result = g_ptr_array_new_with_free_func (g_object_unref);

  if (versions == NULL)
    return NULL;
  if (reviewer == NULL)
    return g_steal_pointer (&result);
  replies = query (store, WSP_TYPE_REVIEW_REPLY, "draft_id", draft_id, error);
  if (replies == NULL)
    return NULL;
  for (guint i = 0; i < replies->len; i++)
    {
      g_auto (GStrv) comments = wsp_record_dup_list (g_ptr_array_index (replies, i), "comments");

      for (guint j = 0; comments != NULL && comments[j] != NULL; j++)
        g_hash_table_add (sent, g_strdup (comments[j]));
    }
  for (guint i = 0; i < versions->len; i++)
    {
      g_autoptr (GPtrArray) comments = query (store, WSP_TYPE_COMMENT, "version_id",
                                              wsp_record_get_id (g_ptr_array_index (versions, i)), error);

      if (comments == NULL)
        return NULL;
      for (guint j = 0; j < comments->len; j++)
        {
          WspRecord *comment = g_ptr_array_index (comments, j);

          if (g_strcmp0 (wsp_record_get_string (comment, "author_id"), reviewer) == 0
              && !g_hash_table_contains (sent, wsp_record_get_id (comment)))
            g_ptr_array_add (result, g_object_ref (comment));
        }
    }
  return g_steal_pointer (&result);
}

/* The file name of a member's reply. */
char *
wsp_review_reply_file_name (WspStore   *store,
                            const char *draft_id)
{
  g_autoptr (WspRecord) draft = wsp_store_get (store, draft_id, NULL);
  g_autofree char *reviewer = wsp_review_dup_reviewer (store);
  g_autofree char *name = reviewer != NULL ? person_name (store, reviewer) : NULL;
  g_autofree char *title = g_strdup_printf ("%s — %s", name != NULL ? name : "",
                                            draft != NULL ? wsp_record_get_string (draft, "title") : "");

  /* Translators: the file name of a member's reply to a review: the
   * member's name and the draft's title (shortened) */
  return file_name_for (title, _("%s — comments"));
}

/**
 * wsp_review_send_reply:
 * @path: the file to write, or a folder to write it in
 * @n_comments: (out) (optional): how many comments it carries
 *
 * Writes this laptop's member's reply: the comments on the draft not sent
 * before, and a record of the reply, signed by this laptop.
 */
gboolean
wsp_review_send_reply (WspStore         *store,
                       const char       *draft_id,
                       const char       *path,
                       WspExportReport  *report,
                       guint            *n_comments,
                       GError          **error)
{
  g_autofree char *reviewer = wsp_review_dup_reviewer (store);
  g_autofree char *name = reviewer != NULL ? person_name (store, reviewer) : NULL;
  g_autofree char *now = now_text ();
  g_autoptr (GPtrArray) comments = NULL;
  g_autoptr (WspRecord) latest = wsp_draft_latest_version (store, draft_id, NULL);
  g_autoptr (WspRecord) reply = WSP_RECORD (wsp_review_reply_new ());
  g_autoptr (GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GHashTable) records = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (JsonObject) scope = json_object_new ();
  g_autofree char *target = NULL;

  if (reviewer == NULL || name == NULL)
    {
      g_set_error (error, WSP_STORE_ERROR, WSP_STORE_ERROR_NOT_FOUND,
                   _("This laptop is not tied to a Council member yet: open a review file and say who you are "
                     "first."));
      return FALSE;
    }
  if (latest == NULL)
    {
      g_set_error (error, WSP_STORE_ERROR, WSP_STORE_ERROR_NOT_FOUND, _("There is no such draft."));
      return FALSE;
    }
  comments = wsp_review_unsent_comments (store, draft_id, error);
  if (comments == NULL)
    return FALSE;
  for (guint i = 0; i < comments->len; i++)
    {
      const char *id = wsp_record_get_id (g_ptr_array_index (comments, i));

      g_ptr_array_add (ids, g_strdup (id));
      add_id (records, id);
    }
  g_ptr_array_add (ids, NULL);
  wsp_record_set_string (reply, "draft_id", draft_id);
  wsp_record_set_string (reply, "version_id", wsp_record_get_id (latest));
  wsp_record_set_string (reply, "person_id", reviewer);
  wsp_record_set_list (reply, "comments", (const char * const *) ids->pdata);
  wsp_record_set_string (reply, "sent_at", now);

  json_object_set_string_member (scope, "kind", "reply");
  json_object_set_string_member (scope, "draft", draft_id);
  json_object_set_string_member (scope, "person", reviewer);
  json_object_set_string_member (scope, "person_name", name);
  json_object_set_string_member (scope, "version", wsp_record_get_id (latest));

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *file = wsp_review_reply_file_name (store, draft_id);
      target = g_build_filename (path, file, NULL);
    }
  else
    target = g_strdup (path);

  /* The reply is recorded only when its file is written. */
  if (!wsp_store_save (store, reply, error))
    return FALSE;
  add_id (records, wsp_record_get_id (reply));
  if (!wsp_sync_export_scoped (store, target, scope, records, report, error))
    {
      g_autoptr (GError) local_error = NULL;

      /* Not sent: the comments go with the next reply. */
      if (!wsp_store_delete (store, reply, &local_error))
        g_warning ("%s", local_error->message);
      return FALSE;
    }
  if (n_comments != NULL)
    *n_comments = comments->len;
  return TRUE;
}

/* ---- opening a file --------------------------------------------------------- */

#define MAX_HEADER_BYTES (4 * 1024 * 1024)

/**
 * wsp_review_peek_file:
 * @path: an exchange file
 *
 * Reads only the first line of an exchange file (nothing is checked or
 * imported): what a review file is about, before the reviewer's first run.
 *
 * Returns: (transfer full) (nullable): the file's scope (see the top of
 *   this file), %NULL when it has none or is no exchange file
 */
JsonObject *
wsp_review_peek_file (const char *path)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFileInputStream) in = g_file_read (file, NULL, NULL);
  g_autoptr (GByteArray) bytes = g_byte_array_new ();
  g_autoptr (JsonObject) first = NULL;
  guint8 chunk[16384];
  const guint8 *end = NULL;
  JsonNode *header_node;
  JsonObject *header;

  if (in == NULL)
    return NULL;
  while (end == NULL && bytes->len < MAX_HEADER_BYTES)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (in), chunk, sizeof chunk, NULL, NULL);

      if (n <= 0)
        break;
      g_byte_array_append (bytes, chunk, (guint) n);
      end = memchr (bytes->data, '\n', bytes->len);
    }
  if (end == NULL)
    return NULL;
  {
    g_autofree char *line = g_strndup ((const char *) bytes->data, end - bytes->data);

    first = wsp_json_parse_object (line, NULL);
  }
  if (first == NULL || g_strcmp0 (scope_string (first, "format"), "wspolnie-exchange") != 0)
    return NULL;
  header_node = json_object_has_member (first, "header") ? json_object_get_member (first, "header") : NULL;
  header = header_node != NULL && JSON_NODE_HOLDS_OBJECT (header_node) ? json_node_get_object (header_node) : NULL;
  if (header == NULL || !json_object_has_member (header, "scope")
      || !JSON_NODE_HOLDS_OBJECT (json_object_get_member (header, "scope")))
    return NULL;
  return json_object_ref (json_object_get_object_member (header, "scope"));
}
