/* wsp-attendance-list.c — the list people sign in the meeting room (lista obecności),
 * and the attendance register of a term
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "output/wsp-builder-util.h"
#include "output/wsp-builders.h"
#include "records/wsp-entities.h"
#include "records/wsp-records-meetings.h"
#include "records/wsp-records-members.h"

/* Room to sign: 9 mm a row. */
#define SIGNATURE_ROW_HEIGHT (9 * 72.0 / 25.4)

/* The representatives of an organisation, "Name, Name", or NULL. */
static char *
representatives (WspStore    *store,
                 WspRecord   *organisation,
                 GError     **error)
{
  g_autoptr (GPtrArray) people = NULL;
  g_autoptr (GStrvBuilder) names = g_strv_builder_new ();
  g_auto (GStrv) list = NULL;

  if (organisation == NULL)
    return g_strdup ("");
  people = wsp_membership_representatives (store, wsp_record_get_id (organisation), error);
  if (people == NULL)
    return NULL;
  for (guint i = 0; i < people->len; i++)
    g_strv_builder_add (names, wsp_record_get_string (g_ptr_array_index (people, i), "name"));
  list = g_strv_builder_end (names);
  return g_strjoinv (", ", list);
}

/* "chair\nStowarzyszenie …": a Council member's office and organisation. */
static char *
office_and_organisation (WspMemberEntry *entry)
{
  const char *role = wsp_builder_role_label (wsp_record_get_string (entry->seat, "role"));
  const char *organisation = entry->organisation != NULL
                               ? wsp_record_get_string (entry->organisation, "name") : NULL;

  return organisation != NULL ? g_strdup_printf ("%s\n%s", role, organisation) : g_strdup (role);
}

/**
 * wsp_build_attendance_list:
 * @store: the store
 * @meeting_id: a meeting
 * @options: (nullable): settings
 * @error: where to say why there is no document
 *
 * The list to sign in the meeting room: the members of the body on the
 * day of the meeting (the Council by side, the Forum by organisation with
 * its representatives), a column to sign, the quorum, and rows for guests.
 *
 * Returns: (transfer full): the document, or %NULL with @error
 */
WspDocument *
wsp_build_attendance_list (WspStore              *store,
                           const char            *meeting_id,
                           const WspBuildOptions *options,
                           GError               **error)
{
  g_autoptr (WspRecord) meeting = NULL;
  g_autoptr (WspRecord) body = NULL;
  g_autoptr (WspDocument) doc = NULL;
  g_autoptr (GPtrArray) members = NULL;
  g_autoptr (GDateTime) starts = NULL;
  g_autofree char *date = NULL;
  g_autofree char *city = NULL;
  g_autofree char *day = NULL;
  g_autofree char *of = NULL;
  g_autofree char *place = NULL;
  g_autofree char *quorum = NULL;
  WspBodyRules rules;
  WspTable *table;
  guint guests = options != NULL && options->guest_rows > 0 ? options->guest_rows : 8;

  meeting = wsp_builder_get (store, meeting_id, "meeting", _("Attendance list"), error);
  if (meeting == NULL)
    return NULL;
  body = wsp_builder_get_optional (store, wsp_record_get_string (meeting, "body_id"));
  if (body == NULL)
    {
      g_set_error (error, WSP_OUTPUT_ERROR, WSP_OUTPUT_ERROR_MISSING,
                   _("The meeting belongs to no body, so there is nobody to list."));
      return NULL;
    }
  starts = wsp_builder_time (meeting, "starts_at");
  date = g_strndup (wsp_record_get_string (meeting, "starts_at"), 10);
  members = wsp_builder_members_on (store, body, date, error);
  if (members == NULL)
    return NULL;

  city = wsp_builder_city (options, body);
  day = starts != NULL ? wsp_builder_date (starts) : NULL;
  of = wsp_builder_meeting_of (meeting, body);
  place = wsp_builder_place (store, meeting);

  doc = wsp_document_new ();
  wsp_document_set_title_block (doc, wsp_record_get_string (body, "name"), city,
                                _("Attendance list"), of, day, place);

  if (wsp_builder_is_council (body))
    {
      const char *side = NULL;

      table = wsp_document_add_table (doc, 4, (const double[]){ 0.07, 0.32, 0.33, 0.28 },
                                      (const char *[]){ C_ ("column", "No."),
                                                        C_ ("person", "Name"),
                                                        _("Office and organisation"),
                                                        _("Signature") });
      for (guint i = 0; i < members->len; i++)
        {
          WspMemberEntry *entry = g_ptr_array_index (members, i);
          g_autofree char *number = g_strdup_printf ("%u.", i + 1);
          g_autofree char *name = wsp_builder_member_name (entry);
          g_autofree char *office = office_and_organisation (entry);

          if (i == 0 || g_strcmp0 (side, wsp_record_get_string (entry->seat, "side")) != 0)
            {
              side = wsp_record_get_string (entry->seat, "side");
              wsp_table_add_section (table, wsp_builder_side_label (side));
            }
          wsp_table_add_row (table, (const char *[]){ number, name, office, "" });
        }
    }
  else
    {
      table = wsp_document_add_table (doc, 4, (const double[]){ 0.07, 0.42, 0.24, 0.27 },
                                      (const char *[]){ C_ ("column", "No."), _("Organisation"),
                                                        _("Representative"), _("Signature") });
      for (guint i = 0; i < members->len; i++)
        {
          WspMemberEntry *entry = g_ptr_array_index (members, i);
          g_autofree char *number = g_strdup_printf ("%u.", i + 1);
          g_autofree char *who = entry->person != NULL
                                   ? g_strdup (wsp_record_get_string (entry->person, "name"))
                                   : representatives (store, entry->organisation, error);

          if (who == NULL)
            return NULL;
          wsp_table_add_row (table, (const char *[]){
                                      number,
                                      entry->organisation != NULL
                                        ? wsp_record_get_string (entry->organisation, "name") : "",
                                      who, "" });
        }
    }
  wsp_table_set_align (table, 0, WSP_ALIGN_END);
  table->min_row_height = SIGNATURE_ROW_HEIGHT;

  wsp_membership_body_rules (body, &rules);
  /* Translators: under the attendance list; the numbers of members and of members needed */
  quorum = g_strdup_printf (_("Members: %1$u. Quorum: at least %2$u present."), members->len,
                            wsp_quorum_required (&rules, members->len, 0));
  wsp_document_add_paragraph (doc, WSP_PARAGRAPH_NOTE, quorum);

  wsp_document_add_heading (doc, 2, _("Guests"));
  table = wsp_document_add_table (doc, 4, (const double[]){ 0.07, 0.32, 0.33, 0.28 },
                                  (const char *[]){ C_ ("column", "No."),
                                                        C_ ("person", "Name"),
                                                    _("Institution or organisation"),
                                                    _("Signature") });
  wsp_table_set_align (table, 0, WSP_ALIGN_END);
  table->min_row_height = SIGNATURE_ROW_HEIGHT;
  for (guint i = 0; i < guests; i++)
    {
      g_autofree char *number = g_strdup_printf ("%u.", i + 1);

      wsp_table_add_row (table, (const char *[]){ number, "", "", "" });
    }
  return g_steal_pointer (&doc);
}

/* ---- the register -------------------------------------------------------- */

static const char *
attendance_label (const char *status)
{
  if (g_strcmp0 (status, "present") == 0)
    /* Translators: in the attendance register */
    return _("present");
  if (g_strcmp0 (status, "excused") == 0)
    /* Translators: in the attendance register: absent with an excuse */
    return _("excused absence");
  /* Translators: in the attendance register: absent without an excuse */
  return _("unexcused absence");
}

typedef struct
{
  char *name;
  char *office;
} SeatText;

static void
seat_text_free (SeatText *text)
{
  g_free (text->name);
  g_free (text->office);
  g_free (text);
}

/* The name and office of @seat_id, looked up once per seat. */
static SeatText *
seat_text (WspStore   *store,
           GHashTable *cache,
           const char *seat_id)
{
  SeatText *text = g_hash_table_lookup (cache, seat_id);
  g_autoptr (WspMemberEntry) entry = NULL;

  if (text != NULL)
    return text;
  entry = g_new0 (WspMemberEntry, 1);
  entry->seat = wsp_builder_get_optional (store, seat_id);
  if (entry->seat != NULL)
    {
      entry->person = wsp_builder_get_optional (store, wsp_record_get_string (entry->seat,
                                                                              "person_id"));
      entry->organisation = wsp_builder_get_optional (store, wsp_record_get_string (entry->seat,
                                                                                    "organisation_id"));
    }
  text = g_new0 (SeatText, 1);
  if (entry->seat != NULL)
    {
      text->name = wsp_builder_member_name (entry);
      text->office = entry->person != NULL ? office_and_organisation (entry)
                                           : g_strdup (wsp_builder_role_label ("member"));
    }
  else
    {
      /* Translators: a seat that was deleted */
      text->name = g_strdup (_("(unknown member)"));
      text->office = g_strdup ("");
    }
  g_hash_table_insert (cache, g_strdup (seat_id), text);
  return text;
}

static int
compare_by_name (gconstpointer a,
                 gconstpointer b,
                 gpointer      cache)
{
  SeatText *ta = g_hash_table_lookup (cache, wsp_record_get_string (*(WspRecord **) a, "seat_id"));
  SeatText *tb = g_hash_table_lookup (cache, wsp_record_get_string (*(WspRecord **) b, "seat_id"));

  return g_utf8_collate (ta->name, tb->name);
}

static int
compare_meetings_by_start (gconstpointer a,
                           gconstpointer b)
{
  return g_strcmp0 (wsp_record_get_string (*(WspRecord **) a, "starts_at"),
                    wsp_record_get_string (*(WspRecord **) b, "starts_at"));
}

/**
 * wsp_build_attendance_register:
 * @store: the store
 * @body_or_term_id: a body (all its meetings) or a term of office (the
 *   meetings of its body while it ran)
 * @options: (nullable): settings
 * @error: where to say why there is no document
 *
 * Who came to each meeting that was held: one section per meeting, in
 * the order they were held, with each member's attendance.
 *
 * Returns: (transfer full): the document, or %NULL with @error
 */
WspDocument *
wsp_build_attendance_register (WspStore              *store,
                               const char            *body_or_term_id,
                               const WspBuildOptions *options,
                               GError               **error)
{
  g_autoptr (WspRecord) record = NULL;
  g_autoptr (WspRecord) body = NULL;
  g_autoptr (WspRecord) term = NULL;
  g_autoptr (GPtrArray) meetings = NULL;
  g_autoptr (GHashTable) cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        (GDestroyNotify) seat_text_free);
  g_autoptr (WspDocument) doc = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *city = NULL;
  g_autofree char *issued = NULL;
  g_autofree char *number = NULL;
  const char *from = NULL, *until = NULL;
  WspTable *table;
  GType attendance_type = wsp_entities_lookup ("attendance");
  guint n_rows = 0;

  record = wsp_store_get (store, body_or_term_id, &local_error);
  if (record == NULL)
    {
      /* Says why: not found, or the store could not be read. */
      g_autoptr (WspRecord) none = wsp_builder_get (store, body_or_term_id, "body",
                                                    _("Attendance register"), error);
      return NULL;
    }
  if (g_str_equal (wsp_record_get_entity (record)->name, "term"))
    {
      term = g_steal_pointer (&record);
      body = wsp_builder_get_optional (store, wsp_record_get_string (term, "body_id"));
      from = wsp_record_get_string (term, "starts_on");
      until = wsp_record_get_string (term, "ends_on");
    }
  else
    {
      body = wsp_builder_get (store, body_or_term_id, "body", _("Attendance register"), error);
      if (body == NULL)
        return NULL;
    }
  if (body == NULL)
    {
      g_set_error (error, WSP_OUTPUT_ERROR, WSP_OUTPUT_ERROR_MISSING,
                   _("The term of office belongs to no body."));
      return NULL;
    }

  meetings = wsp_builder_query (store, WSP_TYPE_MEETING, "body_id", wsp_record_get_id (body), error);
  if (meetings == NULL)
    return NULL;
  g_ptr_array_sort (meetings, compare_meetings_by_start);

  city = wsp_builder_city (options, body);
  issued = wsp_builder_issue_date (options);
  if (term != NULL && wsp_record_get_string (term, "name") != NULL)
    number = g_strdup (wsp_record_get_string (term, "name"));
  else
    number = g_strdup (_("All meetings held"));

  doc = wsp_document_new ();
  wsp_document_set_title_block (doc, wsp_record_get_string (body, "name"), city,
                                _("Attendance register"), number, issued, NULL);
  table = wsp_document_add_table (doc, 4, (const double[]){ 0.07, 0.33, 0.36, 0.24 },
                                  (const char *[]){ C_ ("column", "No."),
                                                        C_ ("person", "Name"),
                                                    _("Office and organisation"),
                                                    _("Attendance") });
  wsp_table_set_align (table, 0, WSP_ALIGN_END);

  for (guint m = 0; m < meetings->len; m++)
    {
      WspRecord *meeting = g_ptr_array_index (meetings, m);
      const char *status = wsp_record_get_string (meeting, "status");
      g_autofree char *date = g_strndup (wsp_record_get_string (meeting, "starts_at"), 10);
      g_autoptr (GPtrArray) rows = NULL;
      g_autoptr (GDateTime) starts = NULL;
      g_autofree char *title = NULL;
      g_autofree char *day = NULL;
      g_autofree char *section = NULL;

      if (g_strcmp0 (status, "held") != 0 && g_strcmp0 (status, "minutes_approved") != 0)
        continue;
      if ((from != NULL && strcmp (date, from) < 0) || (until != NULL && strcmp (date, until) > 0))
        continue;
      rows = wsp_builder_query (store, attendance_type, "meeting_id", wsp_record_get_id (meeting),
                                error);
      if (rows == NULL)
        return NULL;
      for (guint i = 0; i < rows->len; i++)
        seat_text (store, cache, wsp_record_get_string (g_ptr_array_index (rows, i), "seat_id"));
      g_ptr_array_sort_with_data (rows, compare_by_name, cache);

      starts = wsp_builder_time (meeting, "starts_at");
      title = wsp_builder_meeting_title (meeting, body);
      day = starts != NULL ? wsp_builder_date (starts) : g_strdup (date);
      /* Translators: a section of the attendance register: the meeting, its date */
      section = g_strdup_printf (_("%1$s – %2$s"), title, day);
      wsp_table_add_section (table, section);
      for (guint i = 0; i < rows->len; i++)
        {
          WspRecord *row = g_ptr_array_index (rows, i);
          SeatText *text = g_hash_table_lookup (cache, wsp_record_get_string (row, "seat_id"));
          g_autofree char *n = g_strdup_printf ("%u.", i + 1);

          wsp_table_add_row (table, (const char *[]){ n, text->name, text->office,
                                                      attendance_label (wsp_record_get_string (row,
                                                                                               "status")) });
          n_rows++;
        }
    }
  if (n_rows == 0)
    wsp_document_add_paragraph (doc, WSP_PARAGRAPH_NOTE,
                                _("No attendance has been recorded at these meetings."));
  return g_steal_pointer (&doc);
}
