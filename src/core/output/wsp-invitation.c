/* wsp-invitation.c — the invitation to a meeting: e-mail text and calendar file
 *
 * The calendar event's UID is made from the meeting's record id, so every
 * invitation sent for one meeting — a first one, a changed one, a
 * cancellation — is the same event in the members' calendars, which then
 * move or cancel it instead of adding another.
 *
 * SEQUENCE is the generation of the meeting's current revision less one:
 * the first version of a meeting is 0 and every saved change of it adds
 * one (a revision's generation is one more than its parents'). It is the
 * same on every laptop that holds the same changes, so an invitation sent
 * again from the other secretary's laptop after an exchange has the same
 * number, and a change merged from both laptops still counts up. A change
 * of the agenda items alone leaves SEQUENCE as it is; the new DTSTAMP
 * tells calendars that the description is newer (RFC 5546 §2.1.5). A
 * cancellation counts one more than the meeting's current SEQUENCE.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "output/wsp-builder-util.h"
#include "output/wsp-builders.h"
#include "records/wsp-records-members.h"

void
wsp_invitation_free (WspInvitation *invitation)
{
  if (invitation == NULL)
    return;
  g_free (invitation->subject);
  g_free (invitation->body);
  g_strfreev (invitation->recipients);
  g_free (invitation->calendar);
  g_free (invitation);
}

/* The e-mail as a text file: its subject, a blank line, its text. */
char *
wsp_invitation_dup_text (WspInvitation *invitation)
{
  /* Translators: the first line of a saved e-mail: its subject */
  return g_strdup_printf (_("Subject: %s\n\n%s"), invitation->subject, invitation->body);
}

/* A mailto: URI with the recipients, the subject and the text. */
char *
wsp_invitation_dup_mailto (WspInvitation *invitation)
{
  g_autoptr (GString) uri = g_string_new ("mailto:");
  g_autofree char *subject = g_uri_escape_string (invitation->subject, NULL, FALSE);
  g_autofree char *body = g_uri_escape_string (invitation->body, NULL, FALSE);

  for (guint i = 0; invitation->recipients[i] != NULL; i++)
    {
      g_autofree char *address = g_uri_escape_string (invitation->recipients[i], "@", FALSE);

      g_string_append_printf (uri, "%s%s", i > 0 ? "," : "", address);
    }
  g_string_append_printf (uri, "?subject=%s&body=%s", subject, body);
  return g_string_free (g_steal_pointer (&uri), FALSE);
}

/**
 * wsp_meeting_sequence:
 * @meeting: a meeting as stored
 *
 * Returns: the iCalendar SEQUENCE of @meeting's current state: its
 *   revision's generation less one (see the top of wsp-invitation.c)
 */
guint
wsp_meeting_sequence (WspRecord *meeting)
{
  const char *revision = wsp_record_get_revision (meeting);
  guint64 generation = 0;

  if (revision == NULL)
    return 0;
  generation = g_ascii_strtoull (revision, NULL, 10);
  return generation > 0 ? (guint) MIN (generation - 1, G_MAXINT) : 0;
}

static WspRecord *
person_with_email (WspStore    *store,
                   const char  *email,
                   GError     **error)
{
  g_autoptr (GPtrArray) people = wsp_builder_query (store, WSP_TYPE_PERSON, "email", email, error);

  if (people == NULL || people->len == 0)
    return NULL;
  return g_object_ref (g_ptr_array_index (people, 0));
}

static void
add_address (GPtrArray  *addresses,
             GPtrArray  *names,
             const char *email,
             const char *name)
{
  if (email == NULL || strchr (email, '@') == NULL)
    return;
  for (guint i = 0; i < addresses->len; i++)
    if (g_ascii_strcasecmp (g_ptr_array_index (addresses, i), email) == 0)
      return;
  g_ptr_array_add (addresses, g_strdup (email));
  g_ptr_array_add (names, g_strdup (name != NULL ? name : ""));
}

/* The members' addresses: a Council member's own; for a Forum organisation
 * its representatives', or the organisation's when it has none. */
static gboolean
collect_recipients (WspStore   *store,
                    GPtrArray  *members,
                    GPtrArray  *addresses,
                    GPtrArray  *names,
                    GError    **error)
{
  for (guint i = 0; i < members->len; i++)
    {
      WspMemberEntry *entry = g_ptr_array_index (members, i);
      guint before = addresses->len;

      if (entry->person != NULL)
        {
          add_address (addresses, names, wsp_record_get_string (entry->person, "email"),
                       wsp_record_get_string (entry->person, "name"));
          continue;
        }
      if (entry->organisation != NULL)
        {
          g_autoptr (GPtrArray) people = wsp_membership_representatives (
            store, wsp_record_get_id (entry->organisation), error);

          if (people == NULL)
            return FALSE;
          for (guint j = 0; j < people->len; j++)
            add_address (addresses, names, wsp_record_get_string (g_ptr_array_index (people, j),
                                                                  "email"),
                         wsp_record_get_string (g_ptr_array_index (people, j), "name"));
          if (addresses->len == before)
            add_address (addresses, names, wsp_record_get_string (entry->organisation, "email"),
                         wsp_record_get_string (entry->organisation, "name"));
        }
    }
  return TRUE;
}

/* The plain-text agenda: "1. Title\n   Presented by: …" */
static void
append_items (GString            *out,
              const char * const *items,
              gboolean            numbered)
{
  for (guint i = 0; items[i] != NULL; i++)
    {
      g_autofree char *label = numbered ? g_strdup_printf ("%u. ", i + 1) : g_strdup ("– ");
      g_auto (GStrv) lines = g_strsplit (items[i], "\n", -1);

      for (guint j = 0; lines[j] != NULL; j++)
        g_string_append_printf (out, "%s%s\n", j == 0 ? label : "   ", lines[j]);
    }
}

/**
 * wsp_build_invitation:
 * @store: the store
 * @meeting_id: a meeting
 * @cancelled: whether to call the meeting off instead
 * @options: (nullable): settings; @organizer_email chooses the sender
 * @error: where to say why there is no invitation
 *
 * Returns: (transfer full): the e-mail and the calendar file, or %NULL
 *   with @error (%WSP_OUTPUT_ERROR_MISSING when nobody can send it)
 */
WspInvitation *
wsp_build_invitation (WspStore              *store,
                      const char            *meeting_id,
                      gboolean               cancelled,
                      const WspBuildOptions *options,
                      GError               **error)
{
  g_autoptr (WspRecord) meeting = NULL;
  g_autoptr (WspRecord) body = NULL;
  g_autoptr (WspRecord) organizer = NULL;
  g_autoptr (GPtrArray) members = NULL;
  g_autoptr (GPtrArray) addresses = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GDateTime) starts = NULL;
  g_autoptr (GDateTime) ends = NULL;
  g_autoptr (GString) text = g_string_new (NULL);
  g_autoptr (GString) description = g_string_new (NULL);
  g_auto (GStrv) items = NULL;
  g_auto (GStrv) drafts = NULL;
  g_autofree char *date = NULL;
  g_autofree char *title = NULL;
  g_autofree char *day = NULL;
  g_autofree char *clock = NULL;
  g_autofree char *uid = NULL;
  g_autofree char *organizer_name = NULL;
  g_autofree char *organizer_email = NULL;
  g_autofree char *place = NULL;
  WspCalendarEvent event = { 0 };
  WspInvitation *invitation;

  meeting = wsp_builder_get (store, meeting_id, "meeting", _("Invitation"), error);
  if (meeting == NULL)
    return NULL;
  body = wsp_builder_get_optional (store, wsp_record_get_string (meeting, "body_id"));
  starts = wsp_builder_time (meeting, "starts_at");
  if (body == NULL || starts == NULL)
    {
      g_set_error_literal (error, WSP_OUTPUT_ERROR, WSP_OUTPUT_ERROR_MISSING,
                           _("The meeting has no body or no start time, so nobody can be invited "
                             "to it."));
      return NULL;
    }
  ends = wsp_builder_time (meeting, "ends_at");
  date = g_strndup (wsp_record_get_string (meeting, "starts_at"), 10);
  members = wsp_builder_members_on (store, body, date, error);
  if (members == NULL || !collect_recipients (store, members, addresses, names, error))
    return NULL;
  if (!wsp_builder_agenda_parts (store, meeting, &items, &drafts, error))
    return NULL;

  /* Who sends it. */
  if (options != NULL && options->organizer_email != NULL)
    {
      g_autoptr (GError) local_error = NULL;

      organizer = person_with_email (store, options->organizer_email, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      organizer_email = g_strdup (options->organizer_email);
      organizer_name = organizer != NULL ? g_strdup (wsp_record_get_string (organizer, "name"))
                                         : NULL;
    }
  else
    {
      static const char * const roles[] = { "secretary", "chair", "vice_chair" };

      for (guint i = 0; i < G_N_ELEMENTS (roles) && organizer_email == NULL; i++)
        {
          WspMemberEntry *officer = wsp_builder_officer (members, roles[i]);
          const char *email = officer != NULL && officer->person != NULL
                                ? wsp_record_get_string (officer->person, "email") : NULL;

          if (email != NULL && strchr (email, '@') != NULL)
            {
              organizer_email = g_strdup (email);
              organizer_name = g_strdup (wsp_record_get_string (officer->person, "name"));
            }
        }
    }
  if (organizer_email == NULL)
    {
      g_set_error (error, WSP_OUTPUT_ERROR, WSP_OUTPUT_ERROR_MISSING,
                   _("Nobody to send the invitation from: “%s” has no secretary, chair or "
                     "vice-chair with an e-mail address."),
                   wsp_record_get_string (body, "name"));
      return NULL;
    }

  title = wsp_builder_meeting_title (meeting, body);
  day = wsp_builder_date (starts);
  clock = wsp_builder_clock (starts);
  place = wsp_builder_dup_place (store, meeting);

  /* The agenda, for the e-mail and the calendar. */
  if (items[0] != NULL)
    {
      g_string_append_printf (description, "%s\n", _("Proposed agenda"));
      append_items (description, (const char * const *) items, TRUE);
    }
  if (drafts[0] != NULL)
    {
      g_string_append_printf (description, "\n%s\n", _("Documents for the meeting"));
      append_items (description, (const char * const *) drafts, FALSE);
    }

  g_string_append_printf (text, "%s\n\n", _("Dear Members,"));
  if (cancelled)
    {
      g_string_append_printf (text,
                              /* Translators: %1$s the meeting ("Council meeting no. 9"), %2$s its date, %3$s its time */
                              _("%1$s, planned for %2$s at %3$s, is cancelled. You will be told the "
                                "new date separately."),
                              title, day, clock);
      g_string_append (text, "\n");
    }
  else
    {
      g_autofree char *sentence = wsp_builder_invitation_sentence (meeting, body);
      g_autofree char *planned = wsp_builder_planned_time (meeting);

      g_string_append_printf (text, "%s\n\n", sentence);
      if (place != NULL)
        g_string_append_printf (text, "%s %s\n", _("Place:"), place);
      if (planned != NULL)
        g_string_append_printf (text, "%s %s\n", _("Planned time:"), planned);
      g_string_append_printf (text, "\n%s", description->str);
      g_string_append_printf (text, "\n%s\n",
                              _("Please confirm that you will attend, or let the secretariat know "
                                "if you cannot come."));
      g_string_append_printf (text, "%s\n",
                              _("The calendar file attached adds the meeting to your calendar."));
    }
  /* Translators: the closing of a letter */
  g_string_append_printf (text, "\n%s\n", _("Yours faithfully,"));
  if (organizer_name != NULL)
    g_string_append_printf (text, "%s\n", organizer_name);
  g_string_append_printf (text, "%s\n", wsp_record_get_string (body, "name"));

  uid = g_strdup_printf ("%s@wspolnie", wsp_record_get_id (meeting));
  event.uid = uid;
  event.sequence = wsp_meeting_sequence (meeting) + (cancelled ? 1 : 0);
  event.cancelled = cancelled;
  event.summary = title;
  event.description = description->len > 0 ? description->str : NULL;
  event.location = place;
  event.starts_at = starts;
  event.ends_at = ends;
  event.organizer_name = organizer_name;
  event.organizer_email = organizer_email;
  g_ptr_array_add (addresses, NULL);
  g_ptr_array_add (names, NULL);
  event.attendee_names = (const char * const *) names->pdata;
  event.attendee_emails = (const char * const *) addresses->pdata;

  invitation = g_new0 (WspInvitation, 1);
  invitation->subject = cancelled
                          /* Translators: e-mail subject: the meeting, its date, its time */
                          ? g_strdup_printf (_("Cancelled: %1$s – %2$s at %3$s"), title, day, clock)
                          /* Translators: e-mail subject: the meeting, its date, its time */
                          : g_strdup_printf (_("Invitation: %1$s – %2$s at %3$s"), title, day,
                                             clock);
  invitation->body = g_string_free (g_steal_pointer (&text), FALSE);
  invitation->calendar = wsp_calendar_render (&event, NULL);
  invitation->recipients = (char **) g_ptr_array_free (g_steal_pointer (&addresses), FALSE);
  return invitation;
}
