/* wsp-meetings.c — a meeting's life: its number, who is invited, what its status allows
 *
 * A meeting goes planned → invited → held → minutes approved, or is
 * cancelled. What each status lets a person change is one table here
 * (wsp_meeting_status_allows()), which the views and the check-in model
 * both ask. Members "on a date" are the Council's seats of the term that
 * ran on that day, or the Forum's member organisations then: the people a
 * meeting invites, lists for signatures and checks in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "domain/wsp-meetings.h"
#include "records/wsp-records-meetings.h"
#include "records/wsp-records-members.h"

/* clang-format off */
G_DEFINE_QUARK (wsp-meetings-error-quark, wsp_meetings_error)
/* clang-format on */

/* @time as fields of the kind WSP_FIELD_DATETIME hold it: to the second,
 * with its offset ("2026-12-03T16:05:12+01:00"). */
char *
wsp_meetings_format_time (GDateTime *time)
{
  return g_date_time_format (time, "%Y-%m-%dT%H:%M:%S%:z");
}

WspMeetingStatus
wsp_meeting_get_status (WspRecord *meeting)
{
  return wsp_choice_value (wsp_meeting_status_choices, wsp_record_get_string (meeting, "status"),
                           WSP_MEETING_PLANNED);
}

/**
 * wsp_meeting_status_allows:
 * @status: a meeting's status
 * @part: what would change
 *
 * Until the meeting is held everything can change. Once it is held its
 * details, agenda and attendance stand as they were (a person unlocks
 * them on purpose to correct them), while the notes for the minutes can
 * still be finished. Approved minutes close the meeting. A cancelled
 * meeting can only be told about (a cancellation), or planned again.
 *
 * Returns: whether a meeting in @status lets @part change
 */
gboolean
wsp_meeting_status_allows (WspMeetingStatus status,
                           WspMeetingPart   part)
{
  switch (status)
    {
    case WSP_MEETING_PLANNED:
    case WSP_MEETING_INVITED:
      return TRUE;
    case WSP_MEETING_HELD:
      return part == WSP_MEETING_PART_NOTES;
    case WSP_MEETING_MINUTES_APPROVED:
      return FALSE;
    case WSP_MEETING_CANCELLED:
      return part == WSP_MEETING_PART_INVITATIONS;
    default:
      return FALSE;
    }
}

/* Whether @meeting is still to come at @now (not held, approved or
 * cancelled, and starting today or later). */
gboolean
wsp_meeting_is_upcoming (WspRecord *meeting,
                         GDateTime *now)
{
  const char *starts = wsp_record_get_string (meeting, "starts_at");
  g_autoptr (GDateTime) at = starts != NULL ? g_date_time_new_from_iso8601 (starts, NULL) : NULL;
  g_autoptr (GDateTime) local = at != NULL ? g_date_time_to_timezone (at, g_date_time_get_timezone (now)) : NULL;

  if (local == NULL)
    return TRUE; /* no date yet: still being planned */
  if (g_date_time_get_year (local) != g_date_time_get_year (now))
    return g_date_time_get_year (local) > g_date_time_get_year (now);
  return g_date_time_get_day_of_year (local) >= g_date_time_get_day_of_year (now);
}

/* The day of the meeting as stored, YYYY-MM-DD (the offset it was entered
 * with, Polish time), or NULL without a start. */
char *
wsp_meeting_dup_date (WspRecord *meeting)
{
  const char *starts = wsp_record_get_string (meeting, "starts_at");

  return starts != NULL && strlen (starts) >= 10 ? g_strndup (starts, 10) : NULL;
}

static gboolean
held_on (WspRecord  *seat,
         const char *date)
{
  const char *joined = wsp_record_get_string (seat, "joined_on");
  const char *left = wsp_record_get_string (seat, "left_on");

  return (joined == NULL || strcmp (joined, date) <= 0) && (left == NULL || strcmp (date, left) <= 0);
}

static WspRecord *
get_optional (WspStore   *store,
              const char *id)
{
  return id != NULL ? wsp_store_get (store, id, NULL) : NULL;
}

/**
 * wsp_meetings_members_on:
 * @store: the store
 * @body: the body
 * @date: YYYY-MM-DD
 * @error: where to say why the store could not be read
 *
 * Returns: (transfer full) (element-type WspMemberEntry): the members of
 *   @body on @date: for the Council the seats of the term that ran then
 *   (by side and role), for the Forum its member organisations (by name),
 *   each with its person and organisation; %NULL with @error
 */
GPtrArray *
wsp_meetings_members_on (WspStore    *store,
                         WspRecord   *body,
                         const char  *date,
                         GError     **error)
{
  g_autoptr (GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) wsp_member_entry_free);
  const char *body_id = wsp_record_get_id (body);

  g_return_val_if_fail (WSP_IS_STORE (store), NULL);
  g_return_val_if_fail (date != NULL, NULL);

  if (g_strcmp0 (wsp_record_get_string (body, "kind"), "forum") == 0)
    {
      g_autoptr (GPtrArray) forum = wsp_membership_forum_members (store, body_id, TRUE, date, error);

      if (forum == NULL)
        return NULL;
      for (guint i = 0; i < forum->len; i++)
        {
          WspMemberEntry *entry = g_ptr_array_index (forum, i);

          if (!held_on (entry->seat, date))
            continue;
          g_ptr_array_add (entries, g_steal_pointer (&forum->pdata[i]));
        }
      return g_steal_pointer (&entries);
    }
  else
    {
      g_autoptr (GError) local_error = NULL;
      g_autoptr (WspRecord) term = wsp_membership_current_term (store, body_id, date, &local_error);
      g_autoptr (GPtrArray) seats = NULL;

      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      if (term == NULL)
        return g_steal_pointer (&entries);
      seats = wsp_membership_seats (store, wsp_record_get_id (term), TRUE, date, error);
      if (seats == NULL)
        return NULL;
      for (guint i = 0; i < seats->len; i++)
        {
          WspRecord *seat = g_ptr_array_index (seats, i);
          WspMemberEntry *entry;

          if (!held_on (seat, date))
            continue;
          entry = g_new0 (WspMemberEntry, 1);
          entry->seat = g_object_ref (seat);
          entry->person = get_optional (store, wsp_record_get_string (seat, "person_id"));
          entry->organisation = get_optional (store, wsp_record_get_string (seat, "organisation_id"));
          g_ptr_array_add (entries, entry);
        }
      return g_steal_pointer (&entries);
    }
}

/**
 * wsp_meetings_next_number:
 * @store: the store
 * @body_id: the body
 * @date: (nullable): YYYY-MM-DD: the day of the new meeting (today when
 *   %NULL)
 * @except_id: (nullable): a meeting not to count (the one being edited)
 * @error: where to say why the store could not be read
 *
 * The Council numbers its meetings from 1 in each term of office; the
 * Forum counts on from its first meeting. Cancelled meetings give their
 * number back.
 *
 * Returns: the number the next meeting of @body_id takes: one more than
 *   the highest number of its meetings in the term that runs on @date
 *   (for a body without terms: of all its meetings); -1 with @error
 */
gint64
wsp_meetings_next_number (WspStore    *store,
                          const char  *body_id,
                          const char  *date,
                          const char  *except_id,
                          GError     **error)
{
  g_autoptr (GPtrArray) meetings = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (WspRecord) term = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *today = NULL;
  const char *from = NULL;
  const char *until = NULL;
  gint64 highest = 0;

  g_return_val_if_fail (WSP_IS_STORE (store), -1);
  g_return_val_if_fail (body_id != NULL, -1);

  if (date == NULL)
    {
      g_autoptr (GDateTime) now = g_date_time_new_now_local ();

      date = today = g_date_time_format (now, "%Y-%m-%d");
    }
  term = wsp_membership_current_term (store, body_id, date, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return -1;
    }
  if (term != NULL)
    {
      from = wsp_record_get_string (term, "starts_on");
      until = wsp_record_get_string (term, "ends_on");
      /* The term found is the newest when none runs on @date; a meeting
       * after its end is the first of a term not recorded yet. */
      if ((from != NULL && strcmp (date, from) < 0) || (until != NULL && strcmp (date, until) > 0))
        return 1;
    }
  if (!wsp_store_query (store, WSP_TYPE_MEETING, "body_id", body_id, meetings, error))
    return -1;
  for (guint i = 0; i < meetings->len; i++)
    {
      WspRecord *meeting = g_ptr_array_index (meetings, i);
      g_autofree char *day = wsp_meeting_dup_date (meeting);

      if (g_strcmp0 (wsp_record_get_id (meeting), except_id) == 0
          || wsp_meeting_get_status (meeting) == WSP_MEETING_CANCELLED || day == NULL)
        continue;
      if ((from != NULL && strcmp (day, from) < 0) || (until != NULL && strcmp (day, until) > 0))
        continue;
      highest = MAX (highest, wsp_record_get_int (meeting, "number"));
    }
  return highest + 1;
}

/* Saves @meeting with @status. */
gboolean
wsp_meetings_set_status (WspStore          *store,
                         WspRecord         *meeting,
                         WspMeetingStatus   status,
                         GError           **error)
{
  g_return_val_if_fail (WSP_IS_MEETING (meeting), FALSE);

  wsp_record_set_string (meeting, "status", wsp_choice_name (wsp_meeting_status_choices, status));
  return wsp_store_save (store, meeting, error);
}

/**
 * wsp_meetings_record_invitation:
 * @store: the store
 * @meeting: the meeting
 * @recipients: the addresses it went to
 * @cancellation: whether it called the meeting off
 * @sequence: the calendar event's SEQUENCE it carried
 * @channel: how it was sent
 * @sent_at: (nullable): when (now when %NULL)
 * @error: where to say why it was not recorded
 *
 * Records that an invitation was sent and, for a planned meeting, marks it
 * invited: one commit, one step for the person.
 */
gboolean
wsp_meetings_record_invitation (WspStore             *store,
                                WspRecord            *meeting,
                                const char * const   *recipients,
                                gboolean              cancellation,
                                guint                 sequence,
                                WspInvitationChannel  channel,
                                GDateTime            *sent_at,
                                GError              **error)
{
  g_autoptr (WspRecord) sent = WSP_RECORD (wsp_invitation_sent_new ());
  g_autoptr (GDateTime) now = sent_at != NULL ? g_date_time_ref (sent_at) : g_date_time_new_now_local ();
  g_autofree char *stamp = wsp_meetings_format_time (now);

  g_return_val_if_fail (WSP_IS_MEETING (meeting), FALSE);

  if (!cancellation && wsp_meeting_get_status (meeting) != WSP_MEETING_PLANNED
      && wsp_meeting_get_status (meeting) != WSP_MEETING_INVITED)
    {
      g_set_error_literal (error, WSP_MEETINGS_ERROR, WSP_MEETINGS_ERROR_LOCKED,
                           _("This meeting was held or cancelled, so nobody can be invited to it any more."));
      return FALSE;
    }
  wsp_record_set_string (sent, "meeting_id", wsp_record_get_id (meeting));
  wsp_record_set_string (sent, "sent_at", stamp);
  wsp_record_set_string (sent, "channel", wsp_choice_name (wsp_invitation_channel_choices, channel));
  wsp_record_set_list (sent, "recipients", recipients);
  wsp_record_set_bool (sent, "cancellation", cancellation);
  wsp_record_set_int (sent, "sequence", sequence);

  if (!wsp_store_begin (store, error))
    return FALSE;
  if (!wsp_store_save (store, sent, error)
      || (!cancellation && wsp_meeting_get_status (meeting) == WSP_MEETING_PLANNED
          && !wsp_meetings_set_status (store, meeting, WSP_MEETING_INVITED, error)))
    {
      wsp_store_rollback (store);
      return FALSE;
    }
  return wsp_store_commit (store, error);
}

/* The invitations sent for @meeting_id, the latest first. */
GPtrArray *
wsp_meetings_invitations (WspStore    *store,
                          const char  *meeting_id,
                          GError     **error)
{
  g_autoptr (GPtrArray) sent = g_ptr_array_new_with_free_func (g_object_unref);

  if (!wsp_store_query (store, WSP_TYPE_INVITATION_SENT, "meeting_id", meeting_id, sent, error))
    return NULL;
  return g_steal_pointer (&sent);
}

/* How many items the agenda of @meeting_id has. */
guint
wsp_meetings_count_items (WspStore   *store,
                          const char *meeting_id)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  if (!wsp_store_query (store, WSP_TYPE_AGENDA_ITEM, "meeting_id", meeting_id, items, NULL))
    return 0;
  return items->len;
}

/* "Centrum Organizacji Pozarządowych, sala 12, ul. Hutnicza 5": the room
 * and its address, as a meeting's place says it. */
char *
wsp_meetings_room_place (WspRecord *room)
{
  const char *name = wsp_record_get_string (room, "name");
  const char *address = wsp_record_get_string (room, "address");

  if (address == NULL || (name != NULL && strstr (name, address) != NULL))
    return g_strdup (name);
  /* Translators: a meeting's place: the room, then its address */
  return g_strdup_printf (C_ ("place", "%1$s, %2$s"), name, address);
}

/* @n in Roman numerals ("XII"), as meetings are numbered; decimal from 4000. */
char *
wsp_meetings_roman (guint n)
{
  static const struct { guint value; const char *digits; } numerals[] = {
    { 1000, "M" }, { 900, "CM" }, { 500, "D" }, { 400, "CD" }, { 100, "C" }, { 90, "XC" },
    { 50, "L" }, { 40, "XL" }, { 10, "X" }, { 9, "IX" }, { 5, "V" }, { 4, "IV" }, { 1, "I" },
  };
  GString *out;

  if (n == 0 || n >= 4000)
    return g_strdup_printf ("%u", n);
  out = g_string_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (numerals); i++)
    for (; n >= numerals[i].value; n -= numerals[i].value)
      g_string_append (out, numerals[i].digits);
  return g_string_free (out, FALSE);
}

/* "Meeting XII", "Extraordinary meeting XII" (Polish "XII posiedzenie"). */
char *
wsp_meeting_dup_title (WspRecord *meeting)
{
  gint64 number = wsp_record_get_int (meeting, "number");
  gboolean extraordinary = g_strcmp0 (wsp_record_get_string (meeting, "kind"), "extraordinary") == 0;
  g_autofree char *roman = NULL;

  if (number <= 0)
    return g_strdup (extraordinary ? C_ ("meeting title", "Extraordinary meeting") : C_ ("meeting title", "Meeting"));
  roman = wsp_meetings_roman ((guint) MIN (number, G_MAXUINT));
  if (extraordinary)
    /* Translators: a meeting's title by its number in Roman numerals; Polish "%s posiedzenie nadzwyczajne" */
    return g_strdup_printf (C_ ("meeting title", "Extraordinary meeting %s"), roman);
  /* Translators: a meeting's title by its number in Roman numerals; Polish "%s posiedzenie" */
  return g_strdup_printf (C_ ("meeting title", "Meeting %s"), roman);
}
