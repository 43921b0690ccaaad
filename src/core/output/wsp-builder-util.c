/* wsp-builder-util.c — what the document builders share: dates in words, members on a day
 *
 * Dates in documents are written out ("3 December 2026", Polish "3 grudnia
 * 2026 r."): the month names are translated in the form a date needs (the
 * genitive in Polish), so the documents do not depend on the C library's
 * locale data. A meeting's times are shown as stored, with the offset
 * they were entered with (Polish time), not moved to the computer's zone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "domain/wsp-meetings.h"
#include "output/wsp-builder-util.h"
#include "records/wsp-entities.h"
#include "records/wsp-records-members.h"

GPtrArray *
wsp_builder_query (WspStore    *store,
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

/* The record @id, which must be an @entity for @document to apply. */
WspRecord *
wsp_builder_get (WspStore    *store,
                 const char  *id,
                 const char  *entity,
                 const char  *document,
                 GError     **error)
{
  g_autoptr (WspRecord) record = NULL;
  const WspEntity *wanted = NULL;
  g_autoptr (GError) local_error = NULL;

  record = wsp_store_get (store, id, &local_error);
  if (record == NULL)
    {
      if (g_error_matches (local_error, WSP_STORE_ERROR, WSP_STORE_ERROR_NOT_FOUND))
        g_set_error (error, WSP_STORE_ERROR, WSP_STORE_ERROR_NOT_FOUND,
                     _("There is no record “%s”. It may have been deleted; see --list for the "
                       "records there are."),
                     id);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (g_str_equal (wsp_record_get_entity (record)->name, entity))
    return g_steal_pointer (&record);

  {
    g_autoptr (WspRecord) probe = wsp_record_new_for_entity (entity, NULL);

    wanted = wsp_record_get_entity (probe);
    g_set_error (error, WSP_OUTPUT_ERROR, WSP_OUTPUT_ERROR_NOT_APPLICABLE,
                 /* Translators: e.g. “Agenda” is made for a record of the kind “meeting”; … */
                 _("“%s” is made for a record of the kind “%s”; %s is of the kind “%s”."),
                 document, _(wanted->label), id, _(wsp_record_get_entity (record)->label));
  }
  return NULL;
}

/* The record @id, or NULL when @id is NULL or names nothing. */
WspRecord *
wsp_builder_get_optional (WspStore   *store,
                          const char *id)
{
  return id != NULL ? wsp_store_get (store, id, NULL) : NULL;
}

/* ---- dates --------------------------------------------------------------- */

GDateTime *
wsp_builder_time (WspRecord  *record,
                  const char *field)
{
  const char *text = wsp_record_get_string (record, field);

  return text != NULL ? g_date_time_new_from_iso8601 (text, NULL) : NULL;
}

static const char *
month_name (int month)
{
  /* Translators: month names as they stand in a date ("3 December 2026");
   * in Polish the genitive: "stycznia", "lutego", … */
  static const char * const months[] = {
    NC_ ("month in a date", "January"),   NC_ ("month in a date", "February"),
    NC_ ("month in a date", "March"),     NC_ ("month in a date", "April"),
    NC_ ("month in a date", "May"),       NC_ ("month in a date", "June"),
    NC_ ("month in a date", "July"),      NC_ ("month in a date", "August"),
    NC_ ("month in a date", "September"), NC_ ("month in a date", "October"),
    NC_ ("month in a date", "November"),  NC_ ("month in a date", "December"),
  };

  g_return_val_if_fail (month >= 1 && month <= 12, "");
  return g_dpgettext2 (GETTEXT_PACKAGE, "month in a date", months[month - 1]);
}

static char *
format_date (int year,
             int month,
             int day)
{
  /* Translators: a date in a document: %1$d the day, %2$s the month (see
   * "month in a date"), %3$d the year; Polish adds "r." */
  return g_strdup_printf (_("%1$d %2$s %3$d"), day, month_name (month), year);
}

/* "3 December 2026" */
char *
wsp_builder_date (GDateTime *time)
{
  return format_date (g_date_time_get_year (time), g_date_time_get_month (time),
                      g_date_time_get_day_of_month (time));
}

/* "2026-12-03" → "3 December 2026"; anything else as it is. */
char *
wsp_builder_date_ymd (const char *ymd)
{
  int year = 0, month = 0, day = 0;

  if (ymd == NULL)
    return NULL;
  if (strlen (ymd) >= 10 && sscanf (ymd, "%4d-%2d-%2d", &year, &month, &day) == 3
      && g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return format_date (year, month, day);
  return g_strdup (ymd);
}

/* "16:00" */
char *
wsp_builder_clock (GDateTime *time)
{
  return g_date_time_format (time, "%H:%M");
}

/* "on Thursday, 3 December 2026" */
char *
wsp_builder_weekday_date (GDateTime *time)
{
  static const char * const weekdays[] = {
    NC_ ("on a weekday", "on Monday"),   NC_ ("on a weekday", "on Tuesday"),
    NC_ ("on a weekday", "on Wednesday"), NC_ ("on a weekday", "on Thursday"),
    NC_ ("on a weekday", "on Friday"),   NC_ ("on a weekday", "on Saturday"),
    NC_ ("on a weekday", "on Sunday"),
  };
  g_autofree char *date = wsp_builder_date (time);
  const char *weekday = g_dpgettext2 (GETTEXT_PACKAGE, "on a weekday",
                                      weekdays[g_date_time_get_day_of_week (time) - 1]);

  /* Translators: "on Thursday, 3 December 2026"; %1$s "on Thursday", %2$s the date */
  return g_strdup_printf (_("%1$s, %2$s"), weekday, date);
}

/* The date of issue, written out. */
char *
wsp_builder_issue_date (const WspBuildOptions *options)
{
  g_autoptr (GDateTime) now = NULL;

  if (options != NULL && options->today != NULL)
    return wsp_builder_date_ymd (options->today);
  now = g_date_time_new_now_local ();
  return wsp_builder_date (now);
}

/* Where documents are issued: the option, else the city named at the end
 * of the body's name after "Miasta" or "Gminy" (the data has no city of
 * its own), else nothing. */
char *
wsp_builder_city (const WspBuildOptions *options,
                  WspRecord             *body)
{
  static const char * const markers[] = { " Miasta ", " Gminy ", " Miasta i Gminy ", " City of " };
  const char *name = body != NULL ? wsp_record_get_string (body, "name") : NULL;
  const char *found = NULL;
  const char *marker = NULL;

  if (options != NULL && options->city != NULL)
    return g_strdup (options->city);
  if (name == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (markers); i++)
    {
      const char *at = g_strrstr (name, markers[i]);

      if (at != NULL && (found == NULL || at > found))
        {
          found = at;
          marker = markers[i];
        }
    }
  return found != NULL && found[strlen (marker)] != '\0' ? g_strdup (found + strlen (marker)) : NULL;
}

/* ---- bodies and meetings ------------------------------------------------- */

gboolean
wsp_builder_is_council (WspRecord *body)
{
  return body == NULL || g_strcmp0 (wsp_record_get_string (body, "kind"), "forum") != 0;
}

/* "Council meeting no. 9" */
char *
wsp_builder_meeting_title (WspRecord *meeting,
                           WspRecord *body)
{
  int number = (int) wsp_record_get_int (meeting, "number");

  if (wsp_builder_is_council (body))
    return number > 0 ? g_strdup_printf (_("Council meeting no. %d"), number)
                      : g_strdup (_("Council meeting"));
  return number > 0 ? g_strdup_printf (_("Forum meeting no. %d"), number)
                    : g_strdup (_("Forum meeting"));
}

/* "of meeting no. 9 on 3 December 2026": under a document's kind. */
char *
wsp_builder_meeting_of (WspRecord *meeting,
                        WspRecord *body)
{
  g_autoptr (GDateTime) starts = wsp_builder_time (meeting, "starts_at");
  g_autofree char *date = starts != NULL ? wsp_builder_date (starts) : g_strdup ("");
  int number = (int) wsp_record_get_int (meeting, "number");
  gboolean council = wsp_builder_is_council (body);

  if (number > 0)
    /* Translators: under "Agenda": of the Council's meeting no. 9 on 3 December 2026 */
    return council ? g_strdup_printf (_("of Council meeting no. %1$d on %2$s"), number, date)
                   /* Translators: under "Agenda": of the Forum's meeting no. 64 on 22 October 2026 */
                   : g_strdup_printf (_("of Forum meeting no. %1$d on %2$s"), number, date);
  return council ? g_strdup_printf (_("of the Council meeting on %s"), date)
                 : g_strdup_printf (_("of the Forum meeting on %s"), date);
}

/* Where @meeting is held: its room and the room's address when it has a
 * room, else the place written on it; NULL when neither. */
char *
wsp_builder_dup_place (WspStore  *store,
                       WspRecord *meeting)
{
  g_autoptr (WspRecord) room = wsp_builder_get_optional (store, wsp_record_get_string (meeting, "room_id"));

  if (room != NULL && wsp_record_get_string (room, "name") != NULL)
    return wsp_meetings_room_place (room);
  return g_strdup (wsp_record_get_string (meeting, "place"));
}

/* "Place: …" for the title block. */
char *
wsp_builder_place (WspStore  *store,
                   WspRecord *meeting)
{
  g_autofree char *place = wsp_builder_dup_place (store, meeting);

  /* Translators: the place of a meeting, in the title block of a document */
  return place != NULL ? g_strdup_printf (_("Place: %s"), place) : NULL;
}

/* ---- members ------------------------------------------------------------- */

/* The members of @body on @date (wsp_meetings_members_on()). */
GPtrArray *
wsp_builder_members_on (WspStore    *store,
                        WspRecord   *body,
                        const char  *date,
                        GError     **error)
{
  return wsp_meetings_members_on (store, body, date, error);
}

/* The first member whose seat has @role, or NULL. */
WspMemberEntry *
wsp_builder_officer (GPtrArray  *members,
                     const char *role)
{
  for (guint i = 0; i < members->len; i++)
    {
      WspMemberEntry *entry = g_ptr_array_index (members, i);

      if (g_strcmp0 (wsp_record_get_string (entry->seat, "role"), role) == 0)
        return entry;
    }
  return NULL;
}

/* The person's name, else the organisation's. */
char *
wsp_builder_member_name (WspMemberEntry *entry)
{
  if (entry->person != NULL && wsp_record_get_string (entry->person, "name") != NULL)
    return g_strdup (wsp_record_get_string (entry->person, "name"));
  if (entry->organisation != NULL)
    return g_strdup (wsp_record_get_string (entry->organisation, "name"));
  return g_strdup ("");
}

/* The office of a seat, as a document names it. */
const char *
wsp_builder_role_label (const char *role)
{
  if (g_strcmp0 (role, "chair") == 0)
    /* Translators: a member's office, in a document's table (Polish: przewodniczący) */
    return C_ ("office", "chair");
  if (g_strcmp0 (role, "vice_chair") == 0)
    return C_ ("office", "vice-chair");
  if (g_strcmp0 (role, "secretary") == 0)
    return C_ ("office", "secretary");
  return C_ ("office", "member");
}

/* The heading of the group of Council members of @side. */
const char *
wsp_builder_side_label (const char *side)
{
  if (g_strcmp0 (side, "mayor") == 0)
    return _("Representatives of the Mayor");
  if (g_strcmp0 (side, "city_council") == 0)
    return _("Representatives of the City Council");
  return _("Representatives of non-governmental organisations");
}

/* Who chairs a meeting of @body, as a signature says it. */
const char *
wsp_builder_chair_title (WspRecord *body)
{
  /* Translators: under a signature line; the office, as in "Przewodniczący Rady" */
  return wsp_builder_is_council (body) ? _("Chair of the Council")
                                       /* Translators: under a signature line */
                                       : _("Chair of the meeting");
}

/* ---- grammar --------------------------------------------------------------- */

/* How texts speak of @person; *@known is FALSE when the record does not
 * say (an organisation, a person without the field). */
WspGrammaticalForm
wsp_builder_person_form (WspRecord *person,
                         gboolean  *known)
{
  const char *form = person != NULL ? wsp_record_get_string (person, "grammatical_form") : NULL;

  *known = form != NULL;
  return wsp_choice_value (wsp_grammatical_form_choices, form, WSP_FORM_MASCULINE);
}

/* How @person voted, as the minutes say it after the name: "za",
 * "przeciw", "wstrzymała się", "wyłączony z głosowania", "nie głosowała"
 * (@choice NULL); in the form of the person's gender where the language
 * has one, and a general form when it is not known (an organisation). */
const char *
wsp_builder_vote_phrase (const char *choice,
                         gboolean    recused,
                         WspRecord  *person)
{
  gboolean known = FALSE;
  WspGrammaticalForm form = wsp_builder_person_form (person, &known);

  if (recused)
    {
      if (!known)
        /* Translators: in the minutes, after a member's name; no gender known (Polish: wyłączenie z głosowania) */
        return C_ ("vote, general", "recused");
      return form == WSP_FORM_FEMININE ? C_ ("vote, feminine", "recused")
                                       : C_ ("vote, masculine", "recused");
    }
  if (g_strcmp0 (choice, "for") == 0)
    /* Translators: in the minutes, after a member's name (Polish: za) */
    return C_ ("vote in the minutes", "for");
  if (g_strcmp0 (choice, "against") == 0)
    /* Translators: in the minutes, after a member's name (Polish: przeciw) */
    return C_ ("vote in the minutes", "against");
  if (g_strcmp0 (choice, "abstain") == 0)
    {
      if (!known)
        /* Translators: in the minutes, after a member organisation's name (Polish: wstrzymanie się) */
        return C_ ("vote, general", "abstained");
      /* Translators: in the minutes, after a woman's name (Polish: wstrzymała się) */
      return form == WSP_FORM_FEMININE ? C_ ("vote, feminine", "abstained")
                                       /* Translators: in the minutes, after a man's name (Polish: wstrzymał się) */
                                       : C_ ("vote, masculine", "abstained");
    }
  if (!known)
    /* Translators: in the minutes: present but gave no vote (Polish: brak głosu) */
    return C_ ("vote, general", "did not vote");
  /* Translators: in the minutes, after a woman's name (Polish: nie głosowała) */
  return form == WSP_FORM_FEMININE ? C_ ("vote, feminine", "did not vote")
                                   /* Translators: in the minutes, after a man's name (Polish: nie głosował) */
                                   : C_ ("vote, masculine", "did not vote");
}

/* "1 vote", "2 votes", "5 votes" (Polish: 1 głos, 2 głosy, 5 głosów). */
char *
wsp_builder_votes_count (guint n)
{
  return g_strdup_printf (ngettext ("%u vote", "%u votes", n), n);
}

/* Who chaired, under the signature line: "Przewodnicząca Rady" for a
 * woman, "Przewodniczący Rady" for a man. */
const char *
wsp_builder_chair_signature (WspRecord *body,
                             WspRecord *person)
{
  gboolean known = FALSE;
  WspGrammaticalForm form = wsp_builder_person_form (person, &known);

  if (!wsp_builder_is_council (body))
    return wsp_builder_chair_title (body);
  if (known && form == WSP_FORM_FEMININE)
    /* Translators: under a signature line, for a woman (Polish: Przewodnicząca Rady) */
    return C_ ("signature, feminine", "Chair of the Council");
  if (known)
    /* Translators: under a signature line, for a man (Polish: Przewodniczący Rady) */
    return C_ ("signature, masculine", "Chair of the Council");
  return wsp_builder_chair_title (body);
}

/* Who took the minutes, under the signature line: "Protokołowała" for a
 * woman, "Protokołował" for a man, "Protokołował(a)" when not known. */
const char *
wsp_builder_minute_taker (WspRecord *person)
{
  gboolean known = FALSE;
  WspGrammaticalForm form = wsp_builder_person_form (person, &known);

  if (known && form == WSP_FORM_FEMININE)
    /* Translators: under a signature line, for a woman (Polish: Protokołowała) */
    return C_ ("signature, feminine", "Minutes taken by");
  if (known)
    /* Translators: under a signature line, for a man (Polish: Protokołował) */
    return C_ ("signature, masculine", "Minutes taken by");
  return _("Minutes taken by");
}

/* The majority a vote needed, as a document says it. */
const char *
wsp_builder_majority_label (WspMajority majority)
{
  switch (majority)
    {
    case WSP_MAJORITY_ABSOLUTE:
      return _("absolute majority of the members");
    case WSP_MAJORITY_TWO_THIRDS:
      return _("two thirds of the votes cast");
    case WSP_MAJORITY_SIMPLE:
    default:
      return _("simple majority of the votes cast");
    }
}
