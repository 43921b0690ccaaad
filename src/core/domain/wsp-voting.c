/* wsp-voting.c — what the votes recorded say: queries for ballots
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "domain/wsp-ballot-run.h"
#include "domain/wsp-meetings.h"
#include "domain/wsp-voting.h"
#include "records/wsp-records-drafts.h"
#include "records/wsp-records-votes.h"
#include "rules/wsp-rules.h"

void
wsp_duplicate_number_free (WspDuplicateNumber *number)
{
  g_free (number->body_id);
  g_free (number->number);
  g_strfreev (number->record_ids);
  g_free (number);
}

static void
add_numbered (GHashTable *by_key,
              GPtrArray  *keys,
              WspRecord  *record,
              const char *field)
{
  const char *number = wsp_record_get_string (record, field);
  const char *body = wsp_record_get_string (record, "body_id");
  g_autofree char *key = NULL;
  GPtrArray *ids;

  if (number == NULL || body == NULL)
    return;
  key = g_strdup_printf ("%s\t%s", body, number);
  ids = g_hash_table_lookup (by_key, key);
  if (ids == NULL)
    {
      ids = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (keys, g_strdup (key));
      g_hash_table_insert (by_key, g_steal_pointer (&key), ids);
    }
  g_ptr_array_add (ids, g_strdup (wsp_record_get_id (record)));
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/* Resolution numbers are given by each laptop, offline: two laptops can
 * both give out "3/2027". This lists the numbers of a body that more than
 * one ballot or opinion holds (a corrected opinion does not count), for a
 * person to renumber: nothing is renumbered by itself. */
GPtrArray *
wsp_voting_duplicate_numbers (WspStore  *store,
                              GError   **error)
{
  g_autoptr (GPtrArray) ballots = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) opinions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                         (GDestroyNotify) g_ptr_array_unref);
  g_autoptr (GHashTable) corrected = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) result = g_ptr_array_new_with_free_func ((GDestroyNotify) wsp_duplicate_number_free);

  if (!wsp_store_query (store, WSP_TYPE_BALLOT, NULL, NULL, ballots, error)
      || !wsp_store_query (store, WSP_TYPE_OPINION, NULL, NULL, opinions, error))
    return NULL;
  for (guint i = 0; i < opinions->len; i++)
    {
      const char *corrects = wsp_record_get_string (g_ptr_array_index (opinions, i), "corrects");

      if (corrects != NULL)
        g_hash_table_add (corrected, (gpointer) corrects);
    }
  /* A corrected ballot hands its number on to its correction. */
  for (guint i = 0; i < ballots->len; i++)
    {
      const char *corrects = wsp_record_get_string (g_ptr_array_index (ballots, i), "corrects");

      if (corrects != NULL)
        g_hash_table_add (corrected, (gpointer) corrects);
    }
  for (guint i = 0; i < ballots->len; i++)
    if (!g_hash_table_contains (corrected, wsp_record_get_id (g_ptr_array_index (ballots, i))))
      add_numbered (by_key, keys, g_ptr_array_index (ballots, i), "resolution_number");
  for (guint i = 0; i < opinions->len; i++)
    if (!g_hash_table_contains (corrected, wsp_record_get_id (g_ptr_array_index (opinions, i))))
      add_numbered (by_key, keys, g_ptr_array_index (opinions, i), "number");
  for (guint i = 0; i < keys->len; i++)
    {
      GPtrArray *ids = g_hash_table_lookup (by_key, g_ptr_array_index (keys, i));
      WspDuplicateNumber *dup;
      const char *tab;

      if (ids->len < 2)
        continue;
      tab = strchr (g_ptr_array_index (keys, i), '\t');
      dup = g_new0 (WspDuplicateNumber, 1);
      dup->body_id = g_strndup (g_ptr_array_index (keys, i), tab - (const char *) g_ptr_array_index (keys, i));
      dup->number = g_strdup (tab + 1);
      g_ptr_array_sort (ids, compare_ids);
      dup->record_ids = g_new0 (char *, ids->len + 1);
      for (guint k = 0; k < ids->len; k++)
        dup->record_ids[k] = g_strdup (g_ptr_array_index (ids, k));
      g_ptr_array_add (result, dup);
    }
  return g_steal_pointer (&result);
}

/* Of the ballots holding @number, the one closed last: the one to
 * renumber. NULL when only opinions hold it. */
char *
wsp_voting_later_ballot (WspStore           *store,
                         WspDuplicateNumber *number)
{
  g_autoptr (WspRecord) later = NULL;

  for (guint i = 0; number->record_ids[i] != NULL; i++)
    {
      g_autoptr (WspRecord) record = wsp_store_get (store, number->record_ids[i], NULL);

      if (record == NULL || !WSP_IS_BALLOT (record))
        continue;
      if (later == NULL
          || g_strcmp0 (wsp_record_get_string (record, "closed_at"), wsp_record_get_string (later, "closed_at")) > 0)
        g_set_object (&later, record);
    }
  return later != NULL ? g_strdup (wsp_record_get_id (later)) : NULL;
}

/* Gives the ballot @ballot_id the next resolution number of its body in
 * the year of its number (a person asked for it: the number was given
 * twice). */
gboolean
wsp_voting_renumber (WspStore    *store,
                     const char  *ballot_id,
                     GError     **error)
{
  g_autoptr (WspRecord) ballot = wsp_store_get (store, ballot_id, error);
  g_autoptr (GPtrArray) ballots = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) opinions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) numbers = g_ptr_array_new ();
  g_autofree char *number = NULL;
  const char *old;
  const char *slash;
  int year;

  if (ballot == NULL)
    return FALSE;
  old = wsp_record_get_string (ballot, "resolution_number");
  slash = old != NULL ? strchr (old, '/') : NULL;
  year = slash != NULL ? atoi (slash + 1) : 0;
  if (year <= 0)
    {
      g_autoptr (GDateTime) now = g_date_time_new_now_local ();

      year = g_date_time_get_year (now);
    }
  if (!wsp_store_query (store, WSP_TYPE_BALLOT, "body_id", wsp_record_get_string (ballot, "body_id"), ballots, error)
      || !wsp_store_query (store, WSP_TYPE_OPINION, "body_id", wsp_record_get_string (ballot, "body_id"), opinions,
                           error))
    return FALSE;
  for (guint i = 0; i < ballots->len; i++)
    if (wsp_record_get_string (g_ptr_array_index (ballots, i), "resolution_number") != NULL)
      g_ptr_array_add (numbers, (gpointer) wsp_record_get_string (g_ptr_array_index (ballots, i), "resolution_number"));
  for (guint i = 0; i < opinions->len; i++)
    if (wsp_record_get_string (g_ptr_array_index (opinions, i), "number") != NULL)
      g_ptr_array_add (numbers, (gpointer) wsp_record_get_string (g_ptr_array_index (opinions, i), "number"));
  g_ptr_array_add (numbers, NULL);
  number = wsp_resolution_number (wsp_resolution_next_sequence ((const char * const *) numbers->pdata, year), year);
  wsp_record_set_string (ballot, "resolution_number", number);
  return wsp_store_save (store, ballot, error);
}

void
wsp_double_vote_free (WspDoubleVote *vote)
{
  g_free (vote->ballot_id);
  g_free (vote->seat_id);
  g_strfreev (vote->vote_ids);
  g_free (vote);
}

/* Votes are append-only, so two laptops can each record a vote of the same
 * member in the same ballot. Such pairs are never merged by themselves: this
 * lists them (WspDoubleVote), for a person to correct: the members with more
 * than one vote that no correction replaces. */
GPtrArray *
wsp_voting_double_votes (WspStore  *store,
                         GError   **error)
{
  WspDatabase *database = wsp_store_get_database (store);
  sqlite3_stmt *stmt = wsp_database_statement (database,
                                               "SELECT ballot_id, seat_id, group_concat (id, ' ') FROM "
                                               "(SELECT * FROM vote v WHERE NOT EXISTS "
                                               " (SELECT 1 FROM vote c WHERE c.corrects = v.id) ORDER BY id) "
                                               "GROUP BY ballot_id, seat_id HAVING count (*) > 1 "
                                               "ORDER BY ballot_id, seat_id",
                                               error);
  g_autoptr (GPtrArray) result = g_ptr_array_new_with_free_func ((GDestroyNotify) wsp_double_vote_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      WspDoubleVote *vote = g_new0 (WspDoubleVote, 1);

      vote->ballot_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      vote->seat_id = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      vote->vote_ids = g_strsplit ((const char *) sqlite3_column_text (stmt, 2), " ", -1);
      g_ptr_array_add (result, vote);
    }
  if (!wsp_database_rows_done (database, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&result);
}

/**
 * wsp_voting_find_correction:
 * @store: the store
 * @ballot_id: a closed ballot
 *
 * Returns: (transfer full) (nullable): the id of the ballot that corrects
 *   @ballot_id, if there is one
 */
char *
wsp_voting_find_correction (WspStore   *store,
                            const char *ballot_id)
{
  g_autoptr (GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);

  if (!wsp_store_query (store, WSP_TYPE_BALLOT, "corrects", ballot_id, found, NULL) || found->len == 0)
    return NULL;
  return g_strdup (wsp_record_get_id (g_ptr_array_index (found, 0)));
}

/**
 * wsp_voting_correct_ballot:
 * @store: the store
 * @ballot_id: a closed ballot
 * @error: where to say why not
 *
 * A closed ballot is never changed: its correction is a new ballot on the
 * same question, item and kind of vote that says what it corrects. When
 * the correction passes it takes the corrected ballot's resolution number.
 *
 * Returns: (transfer full) (nullable): the correction's id
 */
char *
wsp_voting_correct_ballot (WspStore    *store,
                           const char  *ballot_id,
                           GError     **error)
{
  static const char * const copied[] = { "agenda_item_id", "body_id", "question", "mode", "majority", "deadline" };
  g_autoptr (WspRecord) ballot = wsp_store_get (store, ballot_id, NULL);
  g_autoptr (WspRecord) correction = NULL;
  g_autofree char *existing = NULL;
  g_autoptr (GDateTime) now = NULL;
  g_autofree char *opened = NULL;

  if (ballot == NULL || !WSP_IS_BALLOT (ballot))
    {
      g_set_error_literal (error, WSP_BALLOT_ERROR, WSP_BALLOT_ERROR_NOT_FOUND,
                           _("This vote is no longer in the database."));
      return NULL;
    }
  if (wsp_record_get_string (ballot, "closed_at") == NULL)
    {
      g_set_error_literal (error, WSP_BALLOT_ERROR, WSP_BALLOT_ERROR_NOT_CLOSED,
                           _("This vote is still open: its votes can be changed as they are."));
      return NULL;
    }
  existing = wsp_voting_find_correction (store, ballot_id);
  if (existing != NULL)
    {
      g_set_error_literal (error, WSP_BALLOT_ERROR, WSP_BALLOT_ERROR_CORRECTED,
                           _("This vote has a correction already: correct that one."));
      return NULL;
    }
  correction = WSP_RECORD (wsp_ballot_new ());
  for (guint i = 0; i < G_N_ELEMENTS (copied); i++)
    if (wsp_record_get_string (ballot, copied[i]) != NULL)
      wsp_record_set_string (correction, copied[i], wsp_record_get_string (ballot, copied[i]));
  wsp_record_set_bool (correction, "by_circulation", wsp_record_get_bool (ballot, "by_circulation"));
  wsp_record_set_string (correction, "corrects", ballot_id);
  now = g_date_time_new_now_local ();
  opened = wsp_meetings_format_time (now);
  wsp_record_set_string (correction, "opened_at", opened);
  if (!wsp_store_save (store, correction, error))
    return NULL;
  return g_strdup (wsp_record_get_id (correction));
}
