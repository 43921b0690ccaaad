/* wsp-agenda.c — the agenda of a meeting (porządek obrad) with its letter of invitation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "output/wsp-builder-util.h"
#include "output/wsp-builders.h"
#include "records/wsp-records-meetings.h"

/* "2 h 30 min", "45 min" */
static char *
format_duration (int minutes)
{
  if (minutes >= 60 && minutes % 60 != 0)
    /* Translators: a duration: hours and minutes */
    return g_strdup_printf (_("%d h %d min"), minutes / 60, minutes % 60);
  if (minutes >= 60)
    /* Translators: a duration in whole hours */
    return g_strdup_printf (_("%d h"), minutes / 60);
  /* Translators: a duration in minutes */
  return g_strdup_printf (_("%d min"), minutes);
}

/**
 * wsp_builder_agenda_parts:
 * @store: the store
 * @meeting: the meeting
 * @items: (out) (transfer full): the agenda items, each "title\n[description\n]
 *   Presented by: … · 16:00–16:10 (10 min)"
 * @drafts: (out) (transfer full): the drafts attached to the items
 * @error: where to say why the store could not be read
 *
 * What the agenda and the invitation e-mail both list.
 */
gboolean
wsp_builder_agenda_parts (WspStore    *store,
                          WspRecord   *meeting,
                          GStrv       *items,
                          GStrv       *drafts,
                          GError     **error)
{
  g_autoptr (GPtrArray) records = wsp_builder_query (store, WSP_TYPE_AGENDA_ITEM, "meeting_id",
                                                     wsp_record_get_id (meeting), error);
  g_autoptr (GStrvBuilder) item_lines = g_strv_builder_new ();
  g_autoptr (GStrvBuilder) draft_lines = g_strv_builder_new ();
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GDateTime) starts = wsp_builder_time (meeting, "starts_at");
  g_autoptr (GDateTime) at = starts != NULL ? g_date_time_ref (starts) : NULL;

  if (records == NULL)
    return FALSE;

  for (guint i = 0; i < records->len; i++)
    {
      WspRecord *item = g_ptr_array_index (records, i);
      const char *description = wsp_record_get_string (item, "description");
      const char *presenter = wsp_record_get_string (item, "presenter");
      const char *draft_id = wsp_record_get_string (item, "draft_id");
      int minutes = (int) wsp_record_get_int (item, "planned_minutes");
      g_autoptr (GString) line = g_string_new (wsp_record_get_string (item, "title"));
      g_autoptr (GPtrArray) details = g_ptr_array_new_with_free_func (g_free);

      if (description != NULL)
        g_string_append_printf (line, "\n%s", description);
      if (presenter != NULL)
        /* Translators: who presents an agenda item */
        g_ptr_array_add (details, g_strdup_printf (_("Presented by: %s"), presenter));
      if (at != NULL && minutes > 0)
        {
          g_autoptr (GDateTime) until = g_date_time_add_minutes (at, minutes);
          g_autofree char *from_clock = wsp_builder_clock (at);
          g_autofree char *until_clock = wsp_builder_clock (until);
          g_autofree char *length = format_duration (minutes);

          /* Translators: the planned time of an agenda item: 16:00–16:10 (10 min) */
          g_ptr_array_add (details, g_strdup_printf (_("%1$s–%2$s (%3$s)"), from_clock,
                                                     until_clock, length));
          g_date_time_unref (at);
          at = g_steal_pointer (&until);
        }
      if (details->len > 0)
        {
          g_autofree char *joined = NULL;

          g_ptr_array_add (details, NULL);
          joined = g_strjoinv (" · ", (char **) details->pdata);
          g_string_append_printf (line, "\n%s", joined);
        }
      g_strv_builder_add (item_lines, line->str);

      if (draft_id != NULL && !g_hash_table_contains (seen, draft_id))
        {
          g_autoptr (WspRecord) draft = wsp_builder_get_optional (store, draft_id);
          g_autofree char *received = NULL;
          g_autofree char *deadline = NULL;
          g_autofree char *text = NULL;

          g_hash_table_add (seen, (gpointer) draft_id);
          if (draft == NULL)
            continue;
          received = wsp_builder_date_ymd (wsp_record_get_string (draft, "received_on"));
          deadline = wsp_builder_date_ymd (wsp_record_get_string (draft, "deadline"));
          if (received != NULL && deadline != NULL)
            /* Translators: a draft attached to an agenda: its title, when it came, its opinion deadline */
            text = g_strdup_printf (_("%1$s (received on %2$s; opinion due by %3$s)"),
                                    wsp_record_get_string (draft, "title"), received, deadline);
          else if (received != NULL)
            text = g_strdup_printf (_("%1$s (received on %2$s)"),
                                    wsp_record_get_string (draft, "title"), received);
          else
            text = g_strdup (wsp_record_get_string (draft, "title"));
          g_strv_builder_add (draft_lines, text);
        }
    }
  *items = g_strv_builder_end (item_lines);
  *drafts = g_strv_builder_end (draft_lines);
  return TRUE;
}

/* The sentence that invites to @meeting. */
char *
wsp_builder_invitation_sentence (WspRecord *meeting,
                                 WspRecord *body)
{
  g_autoptr (GDateTime) starts = wsp_builder_time (meeting, "starts_at");
  g_autofree char *when = wsp_builder_weekday_date (starts);
  g_autofree char *clock = wsp_builder_clock (starts);
  int number = (int) wsp_record_get_int (meeting, "number");
  gboolean extraordinary = g_strcmp0 (wsp_record_get_string (meeting, "kind"), "extraordinary") == 0;

  if (!wsp_builder_is_council (body))
    return number > 0
             ? g_strdup_printf (_("I invite you to Forum meeting no. %1$d, which will be held %2$s "
                                  "at %3$s."),
                                number, when, clock)
             : g_strdup_printf (_("I invite you to a Forum meeting, which will be held %1$s at "
                                  "%2$s."),
                                when, clock);
  if (extraordinary)
    return number > 0
             ? g_strdup_printf (_("I invite you to extraordinary Council meeting no. %1$d, which "
                                  "will be held %2$s at %3$s."),
                                number, when, clock)
             : g_strdup_printf (_("I invite you to an extraordinary Council meeting, which will be "
                                  "held %1$s at %2$s."),
                                when, clock);
  return number > 0
           ? g_strdup_printf (_("I invite you to Council meeting no. %1$d, which will be held %2$s "
                                "at %3$s."),
                              number, when, clock)
           : g_strdup_printf (_("I invite you to a Council meeting, which will be held %1$s at "
                                "%2$s."),
                              when, clock);
}

/* "16:00–18:30 (2 h 30 min)", or NULL without an end. */
char *
wsp_builder_planned_time (WspRecord *meeting)
{
  g_autoptr (GDateTime) starts = wsp_builder_time (meeting, "starts_at");
  g_autoptr (GDateTime) ends = wsp_builder_time (meeting, "ends_at");
  g_autofree char *from = NULL;
  g_autofree char *until = NULL;
  g_autofree char *length = NULL;

  if (starts == NULL || ends == NULL || g_date_time_compare (ends, starts) <= 0)
    return NULL;
  from = wsp_builder_clock (starts);
  until = wsp_builder_clock (ends);
  length = format_duration ((int) (g_date_time_difference (ends, starts) / G_TIME_SPAN_MINUTE));
  return g_strdup_printf (_("%1$s–%2$s (%3$s)"), from, until, length);
}

/**
 * wsp_build_agenda:
 * @store: the store
 * @meeting_id: a meeting
 * @options: (nullable): settings
 * @error: where to say why there is no document
 *
 * The agenda of a meeting as it is sent with the invitation: the letter
 * (date, time, place), the numbered items with their presenters and
 * planned times, the drafts to read before, and the chair's signature.
 *
 * Returns: (transfer full): the document, or %NULL with @error
 */
WspDocument *
wsp_build_agenda (WspStore              *store,
                  const char            *meeting_id,
                  const WspBuildOptions *options,
                  GError               **error)
{
  g_autoptr (WspRecord) meeting = NULL;
  g_autoptr (WspRecord) body = NULL;
  g_autoptr (WspDocument) doc = NULL;
  g_autoptr (GPtrArray) members = NULL;
  g_auto (GStrv) items = NULL;
  g_auto (GStrv) drafts = NULL;
  g_autofree char *city = NULL;
  g_autofree char *issued = NULL;
  g_autofree char *of = NULL;
  g_autofree char *place = NULL;
  g_autofree char *where = NULL;
  g_autofree char *sentence = NULL;
  g_autofree char *planned = NULL;
  g_autofree char *chair_name = NULL;
  g_autofree char *date = NULL;
  WspMemberEntry *chair;

  meeting = wsp_builder_get (store, meeting_id, "meeting", _("Agenda"), error);
  if (meeting == NULL)
    return NULL;
  body = wsp_builder_get_optional (store, wsp_record_get_string (meeting, "body_id"));
  if (!wsp_builder_agenda_parts (store, meeting, &items, &drafts, error))
    return NULL;
  date = g_strndup (wsp_record_get_string (meeting, "starts_at"), 10);
  members = body != NULL ? wsp_builder_members_on (store, body, date, error) : NULL;
  if (body != NULL && members == NULL)
    return NULL;

  city = wsp_builder_city (options, body);
  issued = wsp_builder_issue_date (options);
  of = wsp_builder_meeting_of (meeting, body);
  place = wsp_builder_place (store, meeting);
  where = wsp_builder_dup_place (store, meeting);
  sentence = wsp_builder_invitation_sentence (meeting, body);
  planned = wsp_builder_planned_time (meeting);

  doc = wsp_document_new ();
  wsp_document_set_title_block (doc, body != NULL ? wsp_record_get_string (body, "name") : NULL,
                                city, _("Agenda"), of, issued, place);
  /* Translators: the salutation of a letter to the members */
  wsp_document_add_paragraph (doc, WSP_PARAGRAPH_ADDRESS, _("Dear Members,"));
  wsp_document_add_paragraph (doc, WSP_PARAGRAPH_BODY, sentence);
  if (where != NULL)
    wsp_document_add_labelled (doc, _("Place:"), where);
  if (planned != NULL)
    wsp_document_add_labelled (doc, _("Planned time:"), planned);

  wsp_document_add_heading (doc, 1, _("Proposed agenda"));
  if (items[0] != NULL)
    wsp_document_add_list (doc, TRUE, (const char * const *) items);
  else
    wsp_document_add_paragraph (doc, WSP_PARAGRAPH_BODY, _("The agenda has no items yet."));

  if (drafts[0] != NULL)
    {
      wsp_document_add_heading (doc, 2, _("Documents for the meeting"));
      wsp_document_add_list (doc, FALSE, (const char * const *) drafts);
    }
  wsp_document_add_paragraph (doc, WSP_PARAGRAPH_BODY,
                              _("Please confirm that you will attend, or let the secretariat know "
                                "if you cannot come."));

  chair = members != NULL ? wsp_builder_officer (members, "chair") : NULL;
  chair_name = chair != NULL ? wsp_builder_member_name (chair) : NULL;
  wsp_document_add_signatures (doc, (const char *[]){ wsp_builder_chair_title (body), NULL },
                               (const char *[]){ chair_name, NULL });
  return g_steal_pointer (&doc);
}
