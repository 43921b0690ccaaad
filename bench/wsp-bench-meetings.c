/* wsp-bench-meetings.c — the meetings of a big database: the list, a check-in, an agenda
 *
 *   wsp-bench-meetings DB.sqlite3
 *
 * Times, on a copy of the database (it writes): the live list of each
 * body's meetings (upcoming first) and the item counts of its first 20
 * rows (what the sidebar shows first); the check-in model of the Forum's
 * latest meeting, then a presence recorded for each member in turn (what
 * one key of the check-in costs below the window), the quorum after each;
 * a move of an agenda item; the agenda read back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "domain/wsp-agenda.h"
#include "domain/wsp-check-in.h"
#include "domain/wsp-meeting-list.h"
#include "domain/wsp-meetings.h"
#include "records/wsp-records-meetings.h"

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WspStore) store = NULL;
  g_autoptr (WspRecord) forum = NULL;
  g_autoptr (WspRecord) council = NULL;
  g_autoptr (WspMeetingList) meetings = NULL;
  g_autoptr (WspCheckIn) check_in = NULL;
  g_autoptr (WspRecord) latest = NULL;
  gint64 start;
  double slowest = 0, total = 0;
  guint n;

  if (argc != 2)
    {
      g_printerr ("Usage: %s COPY-OF-DB.sqlite3 (it is written to)\n", argv[0]);
      return 2;
    }
  start = g_get_monotonic_time ();
  store = wsp_store_open (argv[1], &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_print ("open                                  %8.1f ms\n", ms_since (start));
  forum = wsp_membership_find_body (store, "forum", NULL);
  council = wsp_membership_find_body (store, "council", NULL);
  g_assert (forum != NULL && council != NULL);

  for (guint b = 0; b < 2; b++)
    {
      WspRecord *body = b == 0 ? forum : council;
      g_autoptr (WspMeetingList) list = NULL;
      guint items = 0;

      start = g_get_monotonic_time ();
      list = wsp_meeting_list_new (store, wsp_record_get_id (body), NULL);
      n = g_list_model_get_n_items (G_LIST_MODEL (list));
      g_print ("%-7s meetings list (%3u)            %8.1f ms\n", b == 0 ? "forum" : "council", n, ms_since (start));
      start = g_get_monotonic_time ();
      for (guint i = 0; i < MIN (n, 20); i++)
        {
          g_autoptr (WspRecord) meeting = g_list_model_get_item (G_LIST_MODEL (list), i);

          items += wsp_meetings_count_items (store, wsp_record_get_id (meeting));
        }
      g_print ("        first 20 rows' item counts    %8.1f ms (%u items)\n", ms_since (start), items);
      if (b == 0)
        meetings = g_steal_pointer (&list);
    }

  /* The Forum's latest meeting, checked in again member by member. */
  n = g_list_model_get_n_items (G_LIST_MODEL (meetings));
  latest = g_list_model_get_item (G_LIST_MODEL (meetings), wsp_meeting_list_get_n_upcoming (meetings) < n
                                                                ? wsp_meeting_list_get_n_upcoming (meetings) : 0);
  wsp_record_set_string (latest, "status", "invited");
  g_assert (wsp_store_save (store, latest, NULL));
  start = g_get_monotonic_time ();
  check_in = wsp_check_in_new (store, wsp_record_get_id (latest));
  n = g_list_model_get_n_items (G_LIST_MODEL (check_in));
  g_print ("check-in of the latest meeting (%2u)   %8.1f ms\n", n, ms_since (start));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (WspCheckInEntry) entry = g_list_model_get_item (G_LIST_MODEL (check_in), i);
      WspQuorum quorum;
      double took;

      /* Another presence than the one recorded, so every key saves. */
      WspPresence presence = wsp_check_in_entry_get_presence (entry) == WSP_PRESENCE_PRESENT ? WSP_PRESENCE_EXCUSED
                                                                                                : WSP_PRESENCE_PRESENT;

      start = g_get_monotonic_time ();
      g_assert (wsp_check_in_set_presence (check_in, entry, presence, NULL, NULL));
      wsp_check_in_get_quorum (check_in, &quorum);
      took = ms_since (start);
      total += took;
      slowest = MAX (slowest, took);
    }
  g_print ("one presence saved, quorum read       %8.1f ms on average, %.1f ms the slowest\n", total / MAX (n, 1),
           slowest);

  {
    g_autoptr (GPtrArray) items = wsp_agenda_items (store, wsp_record_get_id (latest), NULL);
    g_autoptr (WspRecord) fresh = wsp_store_get (store, wsp_record_get_id (latest), NULL);

    if (items->len >= 2)
      {
        start = g_get_monotonic_time ();
        g_assert (wsp_agenda_move (store, fresh, wsp_record_get_id (g_ptr_array_index (items, items->len - 1)), 0,
                                   NULL));
        g_print ("agenda item moved (of %2u)             %8.1f ms\n", items->len, ms_since (start));
      }
    start = g_get_monotonic_time ();
    g_clear_pointer (&items, g_ptr_array_unref);
    items = wsp_agenda_items (store, wsp_record_get_id (latest), NULL);
    g_print ("agenda read                           %8.1f ms\n", ms_since (start));
  }
  return 0;
}
