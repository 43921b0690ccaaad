/* wsp-voting.c — what the votes recorded say: queries for ballots
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "domain/wsp-voting.h"

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
