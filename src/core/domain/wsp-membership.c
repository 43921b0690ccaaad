/* wsp-membership.c — who sits in the Council and the Forum: queries for the Members view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything here is read through the store API (wsp_store_query() and
 * wsp_store_get()); the two changes, accepting an application to the Forum
 * and a member leaving, are saved with wsp_store_save().  Dates are
 * YYYY-MM-DD, so they compare as strings.  Where a function takes @today,
 * %NULL means the computer's local date; a seat is current on @today when
 * it has no left_on or left_on is after @today.
 *
 * wsp-attendance.h is not included: its class name is also an enum of
 * wsp-rules.h, so the attendance type is looked up by its entity name.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "base/wsp-identifiers.h"
#include "records/wsp-records-members.h"
#include "records/wsp-entities.h"
#include "records/wsp-records-meetings.h"
#include "domain/wsp-membership.h"

/* clang-format off */
G_DEFINE_QUARK (wsp-membership-error-quark, wsp_membership_error)
/* clang-format on */

/* ---- helpers ------------------------------------------------------------- */

static char *
dup_local_today (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/* Whether @date is a real day written as YYYY-MM-DD. */
static gboolean
date_is_valid (const char *date)
{
  guint64 year, month, day;

  if (date == NULL || strlen (date) != 10 || date[4] != '-' || date[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (date[i]))
      return FALSE;

  year = g_ascii_strtoull (date, NULL, 10);
  month = g_ascii_strtoull (date + 5, NULL, 10);
  day = g_ascii_strtoull (date + 8, NULL, 10);
  return year >= 1 && month >= 1 && month <= 12 && day >= 1
         && g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

static gboolean
check_date (const char  *date,
            GError     **error)
{
  if (date_is_valid (date))
    return TRUE;
  g_set_error (error, WSP_MEMBERSHIP_ERROR, WSP_MEMBERSHIP_ERROR_INVALID_DATE,
               _("“%s” is not a valid date. Write it as year-month-day, e.g. 2026-11-27."),
               date != NULL ? date : "");
  return FALSE;
}

static gboolean
is_entity (WspRecord  *record,
           const char *name)
{
  return g_str_equal (wsp_record_get_entity (record)->name, name);
}

/* The live records of @type whose @field is @value, or NULL with @error. */
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

/* The record @id, or NULL: without an error when @id is NULL or the record
 * is gone (deleted on another laptop), with one when the store failed. */
static gboolean
lookup (WspStore    *store,
        const char  *id,
        WspRecord  **out,
        GError     **error)
{
  g_autoptr (GError) local_error = NULL;

  *out = NULL;
  if (id == NULL)
    return TRUE;
  *out = wsp_store_get (store, id, &local_error);
  if (*out != NULL)
    return TRUE;
  if (g_error_matches (local_error, WSP_STORE_ERROR, WSP_STORE_ERROR_NOT_FOUND))
    return TRUE;
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* Puts @record back as it is stored, after a change that was not saved. */
static void
reload (WspStore  *store,
        WspRecord *record)
{
  g_autoptr (WspRecord) fresh = wsp_store_get (store, wsp_record_get_id (record), NULL);

  if (fresh != NULL)
    wsp_record_load (record, wsp_record_get_values (fresh), wsp_record_get_revision (fresh),
                     wsp_record_get_conflicted (fresh));
}

static int
compare_strings_nulls_last (const char *a,
                            const char *b)
{
  if (a == NULL || b == NULL)
    return (a == NULL) - (b == NULL);
  return strcmp (a, b);
}

static int
compare_names (const char *a,
               const char *b)
{
  int c;

  if (a == NULL || b == NULL)
    return (a == NULL) - (b == NULL);
  c = g_utf8_collate (a, b);
  return c != 0 ? c : strcmp (a, b);
}

static int
compare_ids (WspRecord *a,
             WspRecord *b)
{
  return strcmp (wsp_record_get_id (a), wsp_record_get_id (b));
}

/* ---- entries ------------------------------------------------------------- */

/**
 * wsp_member_entry_free:
 * @entry: (nullable): an entry
 *
 * Frees @entry and drops its references.
 */
void
wsp_member_entry_free (WspMemberEntry *entry)
{
  if (entry == NULL)
    return;
  g_clear_object (&entry->seat);
  g_clear_object (&entry->organisation);
  g_clear_object (&entry->person);
  g_clear_object (&entry->body);
  g_free (entry);
}

/* An entry for @seat with the organisation and the person it names (and
 * its body when @with_body), or NULL with @error. */
static WspMemberEntry *
member_entry_new (WspStore   *store,
                  WspRecord  *seat,
                  gboolean    with_body,
                  GError    **error)
{
  g_autoptr (WspMemberEntry) entry = g_new0 (WspMemberEntry, 1);

  entry->seat = g_object_ref (seat);
  if (!lookup (store, wsp_record_get_string (seat, "organisation_id"), &entry->organisation,
               error)
      || !lookup (store, wsp_record_get_string (seat, "person_id"), &entry->person, error))
    return NULL;
  if (with_body && !lookup (store, wsp_record_get_string (seat, "body_id"), &entry->body, error))
    return NULL;
  return g_steal_pointer (&entry);
}

/* ---- bodies -------------------------------------------------------------- */

/**
 * wsp_membership_find_body:
 * @store: the store
 * @kind: "forum" or "council"
 * @error: where to say why the store could not be read
 *
 * Returns: (transfer full) (nullable): the first body of @kind (in the
 *   store's order: by name), or %NULL, without an error, when there is none
 */
WspRecord *
wsp_membership_find_body (WspStore    *store,
                          const char  *kind,
                          GError     **error)
{
  g_autoptr (GPtrArray) bodies = NULL;

  g_return_val_if_fail (WSP_IS_STORE (store), NULL);
  g_return_val_if_fail (kind != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bodies = query (store, WSP_TYPE_BODY, "kind", kind, error);
  if (bodies == NULL || bodies->len == 0)
    return NULL;
  return g_object_ref (g_ptr_array_index (bodies, 0));
}

/* Sets *@out to the whole number in @field of @record when there is one
 * and it is at least @min. */
static void
read_uint (WspRecord  *record,
           const char *field,
           guint       min,
           guint      *out)
{
  JsonNode *node = wsp_record_get_value (record, field);
  gint64 value;

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_INT64)
    return;
  value = json_node_get_int (node);
  if (value >= (gint64) min && value <= (gint64) G_MAXUINT)
    *out = (guint) value;
}

/**
 * wsp_membership_body_rules:
 * @body: (nullable): a body record
 * @rules: (out caller-allocates): the rules
 *
 * Fills @rules with the settings of @body; a setting that is missing or
 * out of range keeps the default of wsp_body_rules_init_default().  An
 * absence limit of 0 (no flag) is kept.
 */
void
wsp_membership_body_rules (WspRecord    *body,
                           WspBodyRules *rules)
{
  const char *majority;
  const char *tie_rule;

  g_return_if_fail (body == NULL || WSP_IS_RECORD (body));
  g_return_if_fail (rules != NULL);

  wsp_body_rules_init_default (rules);
  if (body == NULL)
    return;

  read_uint (body, "quorum_numerator", 1, &rules->quorum_numerator);
  read_uint (body, "quorum_denominator", 1, &rules->quorum_denominator);
  read_uint (body, "opinion_deadline_days", 1, &rules->opinion_deadline_days);
  read_uint (body, "term_years", 1, &rules->term_years);
  read_uint (body, "absence_limit", 0, &rules->absence_limit);

  majority = wsp_record_get_string (body, "default_majority");
  if (g_strcmp0 (majority, "simple") == 0)
    rules->majority = WSP_MAJORITY_SIMPLE;
  else if (g_strcmp0 (majority, "absolute") == 0)
    rules->majority = WSP_MAJORITY_ABSOLUTE;
  else if (g_strcmp0 (majority, "two_thirds") == 0)
    rules->majority = WSP_MAJORITY_TWO_THIRDS;

  rules->circulation_majority = wsp_choice_value (wsp_majority_choices,
                                                  wsp_record_get_string (body, "circulation_majority"),
                                                  rules->circulation_majority);

  tie_rule = wsp_record_get_string (body, "tie_rule");
  if (g_strcmp0 (tie_rule, "casting_vote") == 0)
    rules->tie_rule = WSP_TIE_CASTING_VOTE;
  else if (g_strcmp0 (tie_rule, "fails") == 0)
    rules->tie_rule = WSP_TIE_FAILS;
}

/* ---- terms --------------------------------------------------------------- */

static int
compare_terms_newest_first (gconstpointer a,
                            gconstpointer b)
{
  WspRecord *ta = *(WspRecord **) a;
  WspRecord *tb = *(WspRecord **) b;
  int c = compare_strings_nulls_last (wsp_record_get_string (tb, "starts_on"),
                                      wsp_record_get_string (ta, "starts_on"));

  return c != 0 ? c : compare_ids (ta, tb);
}

/**
 * wsp_membership_terms:
 * @store: the store
 * @body_id: the body
 * @error: where to say why the store could not be read
 *
 * Returns: (transfer full) (element-type WspRecord): the terms of office of
 *   @body_id, the newest (latest start) first; %NULL with @error
 */
GPtrArray *
wsp_membership_terms (WspStore    *store,
                      const char  *body_id,
                      GError     **error)
{
  GPtrArray *terms;

  g_return_val_if_fail (WSP_IS_STORE (store), NULL);
  g_return_val_if_fail (body_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  terms = query (store, WSP_TYPE_TERM, "body_id", body_id, error);
  if (terms != NULL)
    g_ptr_array_sort (terms, compare_terms_newest_first);
  return terms;
}

/**
 * wsp_membership_current_term:
 * @store: the store
 * @body_id: the body
 * @today: (nullable): YYYY-MM-DD
 * @error: where to say why the store could not be read
 *
 * Returns: (transfer full) (nullable): the term of @body_id that runs on
 *   @today (started on or before it, and ends on or after it or has no
 *   end); when none does, the newest term; %NULL, without an error, when
 *   the body has no terms
 */
WspRecord *
wsp_membership_current_term (WspStore    *store,
                             const char  *body_id,
                             const char  *today,
                             GError     **error)
{
  g_autoptr (GPtrArray) terms = NULL;
  g_autofree char *owned_today = NULL;

  g_return_val_if_fail (WSP_IS_STORE (store), NULL);
  g_return_val_if_fail (body_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (today == NULL)
    today = owned_today = dup_local_today ();

  terms = wsp_membership_terms (store, body_id, error);
  if (terms == NULL || terms->len == 0)
    return NULL;

  for (guint i = 0; i < terms->len; i++)
    {
      WspRecord *term = g_ptr_array_index (terms, i);
      const char *starts = wsp_record_get_string (term, "starts_on");
      const char *ends = wsp_record_get_string (term, "ends_on");

      if (starts != NULL && strcmp (starts, today) <= 0
          && (ends == NULL || strcmp (today, ends) <= 0))
        return g_object_ref (term);
    }
  return g_object_ref (g_ptr_array_index (terms, 0));
}

/* ---- seats --------------------------------------------------------------- */

/**
 * wsp_membership_seat_is_current:
 * @seat: a seat
 * @today: (nullable): YYYY-MM-DD
 *
 * Returns: whether @seat is held on @today: it has no left_on, or left_on
 *   is after @today
 */
gboolean
wsp_membership_seat_is_current (WspRecord  *seat,
                                const char *today)
{
  g_autofree char *owned_today = NULL;
  const char *left_on;

  g_return_val_if_fail (WSP_IS_RECORD (seat), FALSE);

  left_on = wsp_record_get_string (seat, "left_on");
  if (left_on == NULL)
    return TRUE;
  if (today == NULL)
    today = owned_today = dup_local_today ();
  return strcmp (left_on, today) > 0;
}

/* Where a choice comes in the order people see (unknown ones last). */
static guint
rank_of (const char      *value,
         const WspChoice *choices)
{
  const WspChoice *choice = wsp_choice_find (choices, value);

  return choice != NULL ? (guint) (choice - choices) : wsp_choice_count (choices);
}

static int
compare_seats (gconstpointer a,
               gconstpointer b)
{
  WspRecord *sa = *(WspRecord **) a;
  WspRecord *sb = *(WspRecord **) b;
  guint ra, rb;
  int c;

  ra = rank_of (wsp_record_get_string (sa, "side"), wsp_side_choices);
  rb = rank_of (wsp_record_get_string (sb, "side"), wsp_side_choices);
  if (ra != rb)
    return ra < rb ? -1 : 1;
  ra = rank_of (wsp_record_get_string (sa, "role"), wsp_role_choices);
  rb = rank_of (wsp_record_get_string (sb, "role"), wsp_role_choices);
  if (ra != rb)
    return ra < rb ? -1 : 1;
  c = compare_strings_nulls_last (wsp_record_get_string (sa, "joined_on"),
                                  wsp_record_get_string (sb, "joined_on"));
  return c != 0 ? c : compare_ids (sa, sb);
}

/* Removes from @seats those not current on @today. */
static void
keep_current (GPtrArray  *seats,
              const char *today)
{
  for (guint i = seats->len; i > 0; i--)
    if (!wsp_membership_seat_is_current (g_ptr_array_index (seats, i - 1), today))
      g_ptr_array_remove_index (seats, i - 1);
}

/**
 * wsp_membership_seats:
 * @store: the store
 * @term_id: the term of office
 * @include_past: whether to list the seats of members who left as well
 * @today: (nullable): YYYY-MM-DD
 * @error: where to say why the store could not be read
 *
 * Returns: (transfer full) (element-type WspRecord): the seats of
 *   @term_id (only those current on @today unless @include_past), by side
 *   (mayor, city council, NGO), then role (chair, vice-chair, secretary,
 *   member), then the day they joined; %NULL with @error
 */
GPtrArray *
wsp_membership_seats (WspStore    *store,
                      const char  *term_id,
                      gboolean     include_past,
                      const char  *today,
                      GError     **error)
{
  g_autofree char *owned_today = NULL;
  GPtrArray *seats;

  g_return_val_if_fail (WSP_IS_STORE (store), NULL);
  g_return_val_if_fail (term_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (today == NULL)
    today = owned_today = dup_local_today ();

  seats = query (store, WSP_TYPE_SEAT, "term_id", term_id, error);
  if (seats == NULL)
    return NULL;
  if (!include_past)
    keep_current (seats, today);
  g_ptr_array_sort (seats, compare_seats);
  return seats;
}

/**
 * wsp_membership_composition:
 * @current_seats: (element-type WspRecord): the current seats of a term
 * @planned_seats: how many seats the term should have; 0 when unknown
 * @out: (out caller-allocates): the composition
 *
 * Counts @current_seats by side and checks that the NGO members are at
 * least half of them.  Vacancies are @planned_seats less the seats filled
 * (0 when @planned_seats is 0 or no more than the seats filled).
 */
void
wsp_membership_composition (GPtrArray      *current_seats,
                            guint           planned_seats,
                            WspComposition *out)
{
  g_return_if_fail (current_seats != NULL);
  g_return_if_fail (out != NULL);

  memset (out, 0, sizeof *out);
  for (guint i = 0; i < current_seats->len; i++)
    {
      const char *side = wsp_record_get_string (g_ptr_array_index (current_seats, i), "side");

      switch (wsp_choice_value (wsp_side_choices, side, -1))
        {
        case WSP_SIDE_MAYOR:
          out->mayor++;
          break;
        case WSP_SIDE_CITY_COUNCIL:
          out->city_council++;
          break;
        case WSP_SIDE_NGO:
          out->ngo++;
          break;
        default:
          break;
        }
    }

  if (planned_seats > current_seats->len)
    out->vacancies = planned_seats - current_seats->len;
  out->ok = wsp_composition_ok (out->mayor, out->city_council, out->ngo);
  out->ngo_needed = wsp_composition_ngo_seats_needed (out->mayor, out->city_council, out->ngo);
}

/**
 * wsp_membership_vacant_seats:
 * @all_seats: (element-type WspRecord): every seat of a term, current and
 *   former
 * @today: (nullable): YYYY-MM-DD
 *
 * Returns: (transfer full) (element-type WspRecord): the seats that were
 *   left and not taken again by a later member of the same side who is
 *   still in office: each stands for a vacant seat of its side, in the
 *   order of @all_seats
 */
GPtrArray *
wsp_membership_vacant_seats (GPtrArray  *all_seats,
                             const char *today)
{
  g_autofree char *owned_today = NULL;
  g_autoptr (GPtrArray) vacant = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GHashTable) taken = g_hash_table_new (NULL, NULL);

  g_return_val_if_fail (all_seats != NULL, NULL);

  if (today == NULL)
    today = owned_today = dup_local_today ();
  for (guint i = 0; i < all_seats->len; i++)
    {
      WspRecord *left = g_ptr_array_index (all_seats, i);
      const char *left_on = wsp_record_get_string (left, "left_on");
      WspRecord *successor = NULL;

      if (wsp_membership_seat_is_current (left, today) || left_on == NULL)
        continue;
      /* Each later member of the side fills one seat that was left. */
      for (guint j = 0; j < all_seats->len && successor == NULL; j++)
        {
          WspRecord *other = g_ptr_array_index (all_seats, j);
          const char *joined = wsp_record_get_string (other, "joined_on");

          if (other != left && !g_hash_table_contains (taken, other)
              && wsp_membership_seat_is_current (other, today)
              && g_strcmp0 (wsp_record_get_string (other, "side"),
                            wsp_record_get_string (left, "side")) == 0
              && joined != NULL && g_strcmp0 (joined, left_on) >= 0)
            successor = other;
        }
      if (successor != NULL)
        g_hash_table_add (taken, successor);
      else
        g_ptr_array_add (vacant, g_object_ref (left));
    }
  return g_steal_pointer (&vacant);
}

/**
 * wsp_membership_vacancies:
 * @all_seats: (element-type WspRecord): every seat of a term, current and
 *   former
 * @today: (nullable): YYYY-MM-DD
 *
 * Returns: how many seats are vacant: left, and not taken again by a later
 *   member of the same side who is still in office.
 */
guint
wsp_membership_vacancies (GPtrArray  *all_seats,
                          const char *today)
{
  g_autoptr (GPtrArray) vacant = NULL;

  g_return_val_if_fail (all_seats != NULL, 0);
  vacant = wsp_membership_vacant_seats (all_seats, today);
  return vacant->len;
}

/**
 * wsp_membership_day_of_term:
 * @term: (nullable): a term of office
 * @today: YYYY-MM-DD
 *
 * Returns: (transfer full): the day a term's members are looked at: today while the term runs; the
 * last day but one of a term that has ended (its members left on its last
 * day, and were in office until then); the first day of one to come. */
char *
wsp_membership_day_of_term (WspRecord  *term,
                            const char *today)
{
  const char *starts = term != NULL ? wsp_record_get_string (term, "starts_on") : NULL;
  const char *ends = term != NULL ? wsp_record_get_string (term, "ends_on") : NULL;
  int y = 0, m = 0, d = 0;

  if (starts != NULL && strcmp (today, starts) < 0)
    return g_strdup (starts);
  if (ends != NULL && strcmp (today, ends) >= 0 && sscanf (ends, "%4d-%2d-%2d", &y, &m, &d) == 3
      && g_date_valid_dmy (d, m, y))
    {
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, d, m, y);
      g_date_subtract_days (&date, 1);
      return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date), g_date_get_month (&date),
                              g_date_get_day (&date));
    }
  return g_strdup (today);
}

/**
 * wsp_membership_composition_with:
 * @store: the store
 * @term_id: the term of office
 * @seat: (nullable): a seat of the term as it would be saved (new, or a
 *   changed copy of a stored one: the stored one is left out)
 * @today: (nullable): YYYY-MM-DD
 * @out: (out caller-allocates): the composition
 * @error: where to say why the store could not be read
 *
 * The make-up of the term on @today (wsp_membership_day_of_term()) if @seat
 * were saved, with its vacant seats: what a person sees before saving a
 * change of the Council.
 *
 * Returns: whether @out was filled
 */
gboolean
wsp_membership_composition_with (WspStore        *store,
                                 const char      *term_id,
                                 WspRecord       *seat,
                                 const char      *today,
                                 WspComposition  *out,
                                 GError         **error)
{
  g_autofree char *owned_today = NULL;
  g_autofree char *day = NULL;
  g_autoptr (WspRecord) term = NULL;
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GPtrArray) current = g_ptr_array_new ();

  g_return_val_if_fail (WSP_IS_STORE (store), FALSE);
  g_return_val_if_fail (term_id != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (today == NULL)
    today = owned_today = dup_local_today ();
  if (!lookup (store, term_id, &term, error))
    return FALSE;
  day = wsp_membership_day_of_term (term, today);
  today = day;
  all = wsp_membership_seats (store, term_id, TRUE, today, error);
  if (all == NULL)
    return FALSE;
  if (seat != NULL)
    {
      for (guint i = 0; i < all->len; i++)
        if (g_str_equal (wsp_record_get_id (g_ptr_array_index (all, i)), wsp_record_get_id (seat)))
          {
            g_ptr_array_remove_index (all, i);
            break;
          }
      g_ptr_array_add (all, g_object_ref (seat));
    }
  for (guint i = 0; i < all->len; i++)
    if (wsp_membership_seat_is_current (g_ptr_array_index (all, i), today))
      g_ptr_array_add (current, g_ptr_array_index (all, i));
  wsp_membership_composition (current, current->len + wsp_membership_vacancies (all, today), out);
  return TRUE;
}

/* ---- absences ------------------------------------------------------------ */

typedef struct
{
  const char *id;
  char        day[11]; /* YYYY-MM-DD as written in starts_at */
  GDateTime  *starts;  /* NULL when starts_at does not parse */
  const char *starts_at;
} HeldMeeting;

static void
held_meeting_clear (gpointer data)
{
  HeldMeeting *m = data;

  g_clear_pointer (&m->starts, g_date_time_unref);
}

static int
compare_held_meetings (gconstpointer a,
                       gconstpointer b)
{
  const HeldMeeting *ma = a;
  const HeldMeeting *mb = b;
  int c;

  if (ma->starts != NULL && mb->starts != NULL)
    c = g_date_time_compare (ma->starts, mb->starts);
  else
    c = compare_strings_nulls_last (ma->starts_at, mb->starts_at);
  return c != 0 ? c : strcmp (ma->id, mb->id);
}

/* The held meetings of @body_id in the order they were held; the array
 * points into @meetings, which must outlive it. */
static GArray *
held_meetings (GPtrArray *meetings)
{
  GArray *held = g_array_new (FALSE, TRUE, sizeof (HeldMeeting));

  g_array_set_clear_func (held, held_meeting_clear);
  for (guint i = 0; i < meetings->len; i++)
    {
      WspRecord *meeting = g_ptr_array_index (meetings, i);
      const char *status = wsp_record_get_string (meeting, "status");
      const char *starts_at = wsp_record_get_string (meeting, "starts_at");
      HeldMeeting m = { 0 };

      if (g_strcmp0 (status, "held") != 0 && g_strcmp0 (status, "minutes_approved") != 0)
        continue;
      if (starts_at == NULL || strlen (starts_at) < 10)
        continue;
      m.id = wsp_record_get_id (meeting);
      m.starts_at = starts_at;
      memcpy (m.day, starts_at, 10);
      m.starts = g_date_time_new_from_iso8601 (starts_at, NULL);
      g_array_append_val (held, m);
    }
  g_array_sort (held, compare_held_meetings);
  return held;
}

/* Whether the attendance history of @seat over @held reaches the limit
 * of @rules. */
static gboolean
seat_flagged (WspStore            *store,
              WspRecord           *seat,
              const char          *term_starts_on,
              GArray              *held,
              const WspBodyRules  *rules,
              gboolean            *flagged,
              GError             **error)
{
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GHashTable) by_meeting = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GArray) history = g_array_new (FALSE, FALSE, sizeof (WspPresence));
  const char *since = wsp_record_get_string (seat, "joined_on");
  const char *until = wsp_record_get_string (seat, "left_on");

  rows = query (store, wsp_entities_lookup ("attendance"), "seat_id", wsp_record_get_id (seat),
                error);
  if (rows == NULL)
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      WspRecord *row = g_ptr_array_index (rows, i);
      const char *meeting_id = wsp_record_get_string (row, "meeting_id");

      if (meeting_id != NULL)
        g_hash_table_insert (by_meeting, (gpointer) meeting_id,
                             (gpointer) wsp_record_get_string (row, "status"));
    }

  /* Without a day of joining, the term's start stands in for it. */
  if (since == NULL)
    since = term_starts_on;

  for (guint i = 0; i < held->len; i++)
    {
      const HeldMeeting *m = &g_array_index (held, HeldMeeting, i);
      const char *status;
      WspPresence entry;

      if (until != NULL && strcmp (m->day, until) > 0)
        continue;
      if (g_hash_table_lookup_extended (by_meeting, m->id, NULL, (gpointer *) &status))
        {
          int presence = wsp_choice_value (wsp_presence_choices, status, -1);

          if (presence < 0)
            continue;
          entry = presence;
        }
      else if (since != NULL && strcmp (m->day, since) >= 0)
        {
          /* In office but not on the list: not there, and no excuse. */
          entry = WSP_PRESENCE_ABSENT;
        }
      else
        {
          continue;
        }
      g_array_append_val (history, entry);
    }

  *flagged = wsp_absences_flagged (rules, (const WspPresence *) (gpointer) history->data,
                                   history->len);
  return TRUE;
}

/**
 * wsp_membership_absence_flags:
 * @store: the store
 * @body_id: the body whose meetings count
 * @term_id: the term of office whose current seats are checked
 * @rules: the body's rules (wsp_membership_body_rules())
 * @today: (nullable): YYYY-MM-DD, which seats are current
 * @error: where to say why the store could not be read
 *
 * Checks the attendance of each seat current on @today over the meetings
 * of @body_id that were held (status held or minutes approved), in the
 * order they were held.  A held meeting with no attendance row for the
 * seat counts as an unexcused absence when it was on or after the day the
 * seat was joined (the term's start when that is unknown), and is skipped
 * otherwise; meetings after the seat was left are skipped.
 *
 * Returns: (transfer full) (element-type WspRecord): the seats whose
 *   latest run of unexcused absences reached the limit of @rules
 *   (wsp_absences_flagged()), in the order of wsp_membership_seats();
 *   %NULL with @error
 */
GPtrArray *
wsp_membership_absence_flags (WspStore            *store,
                              const char          *body_id,
                              const char          *term_id,
                              const WspBodyRules  *rules,
                              const char          *today,
                              GError             **error)
{
  g_autoptr (GPtrArray) seats = NULL;
  g_autoptr (GPtrArray) meetings = NULL;
  g_autoptr (GPtrArray) flagged = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GArray) held = NULL;
  g_autoptr (WspRecord) term = NULL;
  const char *term_starts_on = NULL;

  g_return_val_if_fail (WSP_IS_STORE (store), NULL);
  g_return_val_if_fail (body_id != NULL, NULL);
  g_return_val_if_fail (term_id != NULL, NULL);
  g_return_val_if_fail (rules != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  seats = wsp_membership_seats (store, term_id, FALSE, today, error);
  if (seats == NULL)
    return NULL;
  if (seats->len == 0 || rules->absence_limit == 0)
    return g_steal_pointer (&flagged);

  if (!lookup (store, term_id, &term, error))
    return NULL;
  if (term != NULL)
    term_starts_on = wsp_record_get_string (term, "starts_on");

  meetings = query (store, WSP_TYPE_MEETING, "body_id", body_id, error);
  if (meetings == NULL)
    return NULL;
  held = held_meetings (meetings);

  for (guint i = 0; i < seats->len; i++)
    {
      WspRecord *seat = g_ptr_array_index (seats, i);
      gboolean is_flagged = FALSE;

      if (!seat_flagged (store, seat, term_starts_on, held, rules, &is_flagged, error))
        return NULL;
      if (is_flagged)
        g_ptr_array_add (flagged, g_object_ref (seat));
    }
  return g_steal_pointer (&flagged);
}

/* ---- the Forum ----------------------------------------------------------- */

static int
compare_forum_entries (gconstpointer a,
                       gconstpointer b)
{
  const WspMemberEntry *ea = *(WspMemberEntry **) a;
  const WspMemberEntry *eb = *(WspMemberEntry **) b;
  int c;

  c = compare_names (ea->organisation != NULL
                       ? wsp_record_get_string (ea->organisation, "name") : NULL,
                     eb->organisation != NULL
                       ? wsp_record_get_string (eb->organisation, "name") : NULL);
  if (c != 0)
    return c;
  c = compare_strings_nulls_last (wsp_record_get_string (ea->seat, "joined_on"),
                                  wsp_record_get_string (eb->seat, "joined_on"));
  return c != 0 ? c : compare_ids (ea->seat, eb->seat);
}

/**
 * wsp_membership_forum_members:
 * @store: the store
 * @forum_body_id: the Forum
 * @include_former: whether to list the organisations that left as well
 * @today: (nullable): YYYY-MM-DD, which seats are current
 * @error: where to say why the store could not be read
 *
 * Returns: (transfer full) (element-type WspMemberEntry): the seats of
 *   @forum_body_id that belong to an organisation (only those current on
 *   @today unless @include_former), each with its organisation and person
 *   (when the seat names one), by the organisation's name; %NULL with
 *   @error
 */
GPtrArray *
wsp_membership_forum_members (WspStore    *store,
                              const char  *forum_body_id,
                              gboolean     include_former,
                              const char  *today,
                              GError     **error)
{
  g_autoptr (GPtrArray) seats = NULL;
  g_autoptr (GPtrArray) entries = NULL;
  g_autofree char *owned_today = NULL;

  g_return_val_if_fail (WSP_IS_STORE (store), NULL);
  g_return_val_if_fail (forum_body_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (today == NULL)
    today = owned_today = dup_local_today ();

  seats = query (store, WSP_TYPE_SEAT, "body_id", forum_body_id, error);
  if (seats == NULL)
    return NULL;

  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) wsp_member_entry_free);
  for (guint i = 0; i < seats->len; i++)
    {
      WspRecord *seat = g_ptr_array_index (seats, i);
      WspMemberEntry *entry;

      if (wsp_record_get_string (seat, "organisation_id") == NULL)
        continue;
      if (!include_former && !wsp_membership_seat_is_current (seat, today))
        continue;
      entry = member_entry_new (store, seat, FALSE, error);
      if (entry == NULL)
        return NULL;
      g_ptr_array_add (entries, entry);
    }
  g_ptr_array_sort (entries, compare_forum_entries);
  return g_steal_pointer (&entries);
}

static int
compare_applications_newest_first (gconstpointer a,
                                   gconstpointer b)
{
  WspRecord *aa = *(WspRecord **) a;
  WspRecord *ab = *(WspRecord **) b;
  int c = compare_strings_nulls_last (wsp_record_get_string (ab, "submitted_on"),
                                      wsp_record_get_string (aa, "submitted_on"));

  return c != 0 ? c : compare_ids (aa, ab);
}

/**
 * wsp_membership_applications:
 * @store: the store
 * @forum_body_id: the Forum
 * @error: where to say why the store could not be read
 *
 * Returns: (transfer full) (element-type WspRecord): the membership
 *   applications to @forum_body_id, the latest submitted first; %NULL with
 *   @error
 */
GPtrArray *
wsp_membership_applications (WspStore    *store,
                             const char  *forum_body_id,
                             GError     **error)
{
  GPtrArray *applications;

  g_return_val_if_fail (WSP_IS_STORE (store), NULL);
  g_return_val_if_fail (forum_body_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  applications = query (store, WSP_TYPE_MEMBERSHIP_APPLICATION, "body_id", forum_body_id, error);
  if (applications != NULL)
    g_ptr_array_sort (applications, compare_applications_newest_first);
  return applications;
}

/* ---- people and organisations -------------------------------------------- */

static int
compare_person_entries (gconstpointer a,
                        gconstpointer b)
{
  const WspMemberEntry *ea = *(WspMemberEntry **) a;
  const WspMemberEntry *eb = *(WspMemberEntry **) b;
  int c;

  /* The latest first. */
  c = compare_strings_nulls_last (wsp_record_get_string (eb->seat, "joined_on"),
                                  wsp_record_get_string (ea->seat, "joined_on"));
  if (c != 0)
    return c;
  c = compare_names (ea->body != NULL ? wsp_record_get_string (ea->body, "name") : NULL,
                     eb->body != NULL ? wsp_record_get_string (eb->body, "name") : NULL);
  return c != 0 ? c : compare_ids (ea->seat, eb->seat);
}

/**
 * wsp_membership_person_seats:
 * @store: the store
 * @person_id: the person
 * @error: where to say why the store could not be read
 *
 * Returns: (transfer full) (element-type WspMemberEntry): every seat
 *   @person_id held or holds in any body, each with its body, organisation
 *   and person, the latest joined first; %NULL with @error
 */
GPtrArray *
wsp_membership_person_seats (WspStore    *store,
                             const char  *person_id,
                             GError     **error)
{
  g_autoptr (GPtrArray) seats = NULL;
  g_autoptr (GPtrArray) entries = NULL;

  g_return_val_if_fail (WSP_IS_STORE (store), NULL);
  g_return_val_if_fail (person_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  seats = query (store, WSP_TYPE_SEAT, "person_id", person_id, error);
  if (seats == NULL)
    return NULL;

  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) wsp_member_entry_free);
  for (guint i = 0; i < seats->len; i++)
    {
      WspMemberEntry *entry = member_entry_new (store, g_ptr_array_index (seats, i), TRUE, error);

      if (entry == NULL)
        return NULL;
      g_ptr_array_add (entries, entry);
    }
  g_ptr_array_sort (entries, compare_person_entries);
  return g_steal_pointer (&entries);
}

/* Words before a name that are not part of it: titles and forms of address. */
static gboolean
is_title (const char *word)
{
  static const char * const titles[] = { "dr", "dr.", "hab.", "hab", "prof.", "prof", "mgr", "mgr.",
                                         "inż.", "inż", "ks.", "pan", "pani", NULL };
  g_autofree char *lower = g_utf8_strdown (word, -1);

  return g_strv_contains (titles, lower);
}

/**
 * wsp_membership_person_sort_key:
 * @name: (nullable): a person's name as written, "Małgorzata Nowak"
 *
 * People are listed as Polish lists list them: by surname, then first
 * names ("Nowak Małgorzata"), titles in front left out.  The surname is
 * the last word of the name (a double-barrelled one, "Kowalska-Nowak",
 * is one word).
 *
 * Returns: (transfer full): a key for strcmp(), in the order of the locale
 */
char *
wsp_membership_person_sort_key (const char *name)
{
  g_autoptr (GString) spaced = g_string_new (name != NULL ? name : "");
  g_auto (GStrv) words = NULL;
  g_autoptr (GPtrArray) kept = g_ptr_array_new ();
  g_autoptr (GString) key = g_string_new (NULL);
  g_autofree char *folded = NULL;

  g_string_replace (spaced, "\xc2\xa0", " ", 0); /* no-break spaces */
  words = g_strsplit_set (spaced->str, " \t", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0' && !(kept->len == 0 && words[i + 1] != NULL && is_title (words[i])))
      g_ptr_array_add (kept, words[i]);
  if (kept->len > 0)
    {
      g_string_append (key, g_ptr_array_index (kept, kept->len - 1));
      for (guint i = 0; i + 1 < kept->len; i++)
        {
          g_string_append_c (key, ' ');
          g_string_append (key, g_ptr_array_index (kept, i));
        }
    }
  folded = g_utf8_casefold (key->str, -1);
  return g_utf8_collate_key (folded, -1);
}

/* The key of @person, computed once per record object. */
static const char *
person_key (WspRecord *person)
{
  const char *name = wsp_record_get_string (person, "name");
  const char *cached_name = g_object_get_data (G_OBJECT (person), "wsp-sort-name");
  char *key = g_object_get_data (G_OBJECT (person), "wsp-sort-key");

  if (key == NULL || g_strcmp0 (cached_name, name) != 0)
    {
      key = wsp_membership_person_sort_key (name);
      g_object_set_data_full (G_OBJECT (person), "wsp-sort-key", key, g_free);
      g_object_set_data_full (G_OBJECT (person), "wsp-sort-name", g_strdup (name), g_free);
    }
  return key;
}

/**
 * wsp_membership_compare_people:
 * @a: a person
 * @b: another
 *
 * Returns: the order of @a and @b in a list of people: by surname, then
 *   first names (wsp_membership_person_sort_key()), then id
 */
int
wsp_membership_compare_people (WspRecord *a,
                               WspRecord *b)
{
  int c = strcmp (person_key (a), person_key (b));

  return c != 0 ? c : compare_ids (a, b);
}

static int
compare_people (gconstpointer a,
                gconstpointer b)
{
  return wsp_membership_compare_people (*(WspRecord **) a, *(WspRecord **) b);
}

/**
 * wsp_membership_find_organisation_by_number:
 * @store: the store
 * @field: "krs", "nip" or "regon"
 * @number: the number as typed (it is normalised as it would be stored)
 * @except_id: (nullable): an organisation to leave out (the one edited)
 * @error: where to say why the store could not be read
 *
 * Returns: (transfer full) (nullable): an organisation that already has
 *   @number, or %NULL (without an error) when none has
 */
WspRecord *
wsp_membership_find_organisation_by_number (WspStore    *store,
                                            const char  *field,
                                            const char  *number,
                                            const char  *except_id,
                                            GError     **error)
{
  g_autofree char *normalized = NULL;
  g_autoptr (GPtrArray) found = NULL;

  g_return_val_if_fail (WSP_IS_STORE (store), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  if (g_str_equal (field, "krs"))
    normalized = wsp_krs_normalize (number);
  else if (g_str_equal (field, "nip"))
    normalized = wsp_nip_normalize (number);
  else if (g_str_equal (field, "regon"))
    normalized = wsp_regon_normalize (number);
  else
    g_return_val_if_reached (NULL);
  if (*normalized == '\0')
    return NULL;
  found = query (store, WSP_TYPE_ORGANISATION, field, normalized, error);
  for (guint i = 0; found != NULL && i < found->len; i++)
    if (g_strcmp0 (wsp_record_get_id (g_ptr_array_index (found, i)), except_id) != 0)
      return g_object_ref (g_ptr_array_index (found, i));
  return NULL;
}

/**
 * wsp_membership_representatives:
 * @store: the store
 * @organisation_id: the organisation
 * @error: where to say why the store could not be read
 *
 * Returns: (transfer full) (element-type WspRecord): the people whose
 *   organisations represented include @organisation_id, by name; %NULL
 *   with @error
 */
GPtrArray *
wsp_membership_representatives (WspStore    *store,
                                const char  *organisation_id,
                                GError     **error)
{
  g_autoptr (GPtrArray) people = NULL;

  g_return_val_if_fail (WSP_IS_STORE (store), NULL);
  g_return_val_if_fail (organisation_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  people = query (store, WSP_TYPE_PERSON, NULL, NULL, error);
  if (people == NULL)
    return NULL;
  for (guint i = people->len; i > 0; i--)
    {
      g_auto (GStrv) organisations = wsp_record_dup_list (g_ptr_array_index (people, i - 1),
                                                          "organisations");

      if (!g_strv_contains ((const char * const *) organisations, organisation_id))
        g_ptr_array_remove_index (people, i - 1);
    }
  g_ptr_array_sort (people, compare_people);
  return g_steal_pointer (&people);
}

/* ---- changes ------------------------------------------------------------- */

/* Whether @organisation_id holds a seat of @body_id that is current on @day. */
static gboolean
has_current_seat (WspStore    *store,
                  const char  *body_id,
                  const char  *organisation_id,
                  const char  *day,
                  gboolean    *has,
                  GError     **error)
{
  g_autoptr (GPtrArray) seats = query (store, WSP_TYPE_SEAT, "organisation_id", organisation_id,
                                       error);

  if (seats == NULL)
    return FALSE;
  *has = FALSE;
  for (guint i = 0; i < seats->len && !*has; i++)
    {
      WspRecord *seat = g_ptr_array_index (seats, i);

      *has = g_strcmp0 (wsp_record_get_string (seat, "body_id"), body_id) == 0
             && wsp_membership_seat_is_current (seat, day);
    }
  return TRUE;
}

/**
 * wsp_membership_decide_application:
 * @store: the store
 * @application: a membership application
 * @decision: "accepted" or "rejected"
 * @decided_on: YYYY-MM-DD, the day of the decision
 * @note: (nullable): why, in a few words; %NULL keeps the note it has
 * @seat_id: (out) (optional) (nullable) (transfer full): for an
 *   acceptance, the id of the seat it gave the organisation (%NULL when the
 *   organisation already held one): what wsp_membership_reopen_application()
 *   takes to undo it
 * @error: where to say why nothing was changed
 *
 * Records the decision on @application.  Accepting it also gives its
 * organisation a seat of the application's body (role member, joined on
 * @decided_on) unless it holds one that is current on that day, all in
 * one transaction.  An application already accepted is refused with
 * %WSP_MEMBERSHIP_ERROR_ALREADY_ACCEPTED (the member leaves instead); a
 * rejected one may be accepted later, on appeal.  On failure nothing is
 * saved and @application is reloaded as it is stored.
 *
 * Returns: whether the decision was saved
 */
gboolean
wsp_membership_decide_application (WspStore    *store,
                                   WspRecord   *application,
                                   const char  *decision,
                                   const char  *decided_on,
                                   const char  *note,
                                   char       **seat_id,
                                   GError     **error)
{
  g_autoptr (WspRecord) seat = NULL;
  g_autofree char *body_id = NULL;
  g_autofree char *organisation_id = NULL;
  const char *submitted_on;
  gboolean accept;
  gboolean has_seat = FALSE;

  g_return_val_if_fail (WSP_IS_STORE (store), FALSE);
  g_return_val_if_fail (WSP_IS_RECORD (application), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (seat_id != NULL)
    *seat_id = NULL;
  if (!is_entity (application, "membership_application"))
    {
      g_set_error_literal (error, WSP_MEMBERSHIP_ERROR, WSP_MEMBERSHIP_ERROR_INVALID,
                           _("Only a membership application can be accepted."));
      return FALSE;
    }
  accept = g_strcmp0 (decision, "accepted") == 0;
  g_return_val_if_fail (accept || g_strcmp0 (decision, "rejected") == 0, FALSE);
  if (!check_date (decided_on, error))
    return FALSE;
  if (g_strcmp0 (wsp_record_get_string (application, "decision"), "accepted") == 0)
    {
      g_set_error_literal (error, WSP_MEMBERSHIP_ERROR, WSP_MEMBERSHIP_ERROR_ALREADY_ACCEPTED,
                           accept ? _("This application has already been accepted.")
                                  : _("This application has already been accepted. If the "
                                      "organisation is no longer a member, record that it left."));
      return FALSE;
    }

  /* Copies: saving the application replaces the values they point into. */
  body_id = g_strdup (wsp_record_get_string (application, "body_id"));
  organisation_id = g_strdup (wsp_record_get_string (application, "organisation_id"));
  submitted_on = wsp_record_get_string (application, "submitted_on");
  if (body_id == NULL || organisation_id == NULL)
    {
      g_set_error_literal (error, WSP_MEMBERSHIP_ERROR, WSP_MEMBERSHIP_ERROR_INVALID,
                           _("The application does not say which organisation wants to join "
                             "which body."));
      return FALSE;
    }
  if (submitted_on != NULL && strcmp (decided_on, submitted_on) < 0)
    {
      g_set_error (error, WSP_MEMBERSHIP_ERROR, WSP_MEMBERSHIP_ERROR_INVALID_DATE,
                   _("The decision cannot come before the application was submitted (%s)."),
                   submitted_on);
      return FALSE;
    }

  if (!wsp_store_begin (store, error))
    return FALSE;

  if (accept && !has_current_seat (store, body_id, organisation_id, decided_on, &has_seat, error))
    goto fail;
  if (accept && !has_seat)
    {
      seat = wsp_record_new_for_entity ("seat", NULL);
      wsp_record_set_string (seat, "body_id", body_id);
      wsp_record_set_string (seat, "organisation_id", organisation_id);
      wsp_record_set_string (seat, "role", "member");
      wsp_record_set_string (seat, "joined_on", decided_on);
      if (!wsp_store_save (store, seat, error))
        goto fail;
    }

  wsp_record_set_string (application, "decision", decision);
  wsp_record_set_string (application, "decided_on", decided_on);
  if (note != NULL)
    wsp_record_set_string (application, "decision_note", note);
  if (!wsp_store_save (store, application, error))
    goto fail;

  if (!wsp_store_commit (store, error))
    {
      reload (store, application);
      return FALSE;
    }
  if (seat_id != NULL && seat != NULL)
    *seat_id = g_strdup (wsp_record_get_id (seat));
  return TRUE;

fail:
  wsp_store_rollback (store);
  reload (store, application);
  return FALSE;
}

/**
 * wsp_membership_accept_application:
 * @store: the store
 * @application: a membership application
 * @decided_on: YYYY-MM-DD, the day of the decision
 * @error: where to say why nothing was changed
 *
 * Accepts @application on @decided_on: wsp_membership_decide_application()
 * with "accepted".  Other unsaved changes of @application are saved with it.
 *
 * Returns: whether the application was accepted
 */
gboolean
wsp_membership_accept_application (WspStore    *store,
                                   WspRecord   *application,
                                   const char  *decided_on,
                                   GError     **error)
{
  return wsp_membership_decide_application (store, application, "accepted", decided_on, NULL, NULL,
                                            error);
}

/**
 * wsp_membership_reopen_application:
 * @store: the store
 * @application: a decided membership application
 * @seat_id: (nullable): the seat its acceptance gave
 *   (wsp_membership_decide_application())
 * @error: where to say why nothing was changed
 *
 * The Undo of a decision: @application waits for a decision again, and
 * the seat @seat_id is deleted (a tombstone, which travels), in one
 * transaction.
 *
 * Returns: whether the application was reopened
 */
gboolean
wsp_membership_reopen_application (WspStore    *store,
                                   WspRecord   *application,
                                   const char  *seat_id,
                                   GError     **error)
{
  g_autoptr (WspRecord) seat = NULL;

  g_return_val_if_fail (WSP_IS_STORE (store), FALSE);
  g_return_val_if_fail (WSP_IS_RECORD (application), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!is_entity (application, "membership_application"))
    {
      g_set_error_literal (error, WSP_MEMBERSHIP_ERROR, WSP_MEMBERSHIP_ERROR_INVALID,
                           _("Only a membership application can wait for a decision."));
      return FALSE;
    }
  if (!wsp_store_begin (store, error))
    return FALSE;
  if (!lookup (store, seat_id, &seat, error))
    goto fail;
  if (seat != NULL && !wsp_store_delete (store, seat, error))
    goto fail;
  wsp_record_set_string (application, "decision", "pending");
  wsp_record_set_string (application, "decided_on", NULL);
  wsp_record_set_string (application, "decision_note", NULL);
  if (!wsp_store_save (store, application, error) || !wsp_store_commit (store, error))
    goto fail;
  return TRUE;

fail:
  wsp_store_rollback (store);
  reload (store, application);
  return FALSE;
}

/**
 * wsp_membership_add_application:
 * @store: the store
 * @forum_body_id: the body applied to (the Forum)
 * @organisation_id: the organisation that applies
 * @submitted_on: YYYY-MM-DD
 * @evidence: (nullable): what shows that it works for the local community
 * @error: where to say why nothing was saved
 *
 * Registers an application to join, waiting for a decision.  Refused with
 * %WSP_MEMBERSHIP_ERROR_ALREADY_MEMBER when the organisation is a member
 * on @submitted_on or already waits for a decision.
 *
 * Returns: (transfer full) (nullable): the saved application
 */
WspRecord *
wsp_membership_add_application (WspStore    *store,
                                const char  *forum_body_id,
                                const char  *organisation_id,
                                const char  *submitted_on,
                                const char  *evidence,
                                GError     **error)
{
  g_autoptr (WspRecord) organisation = NULL;
  g_autoptr (WspRecord) application = NULL;
  g_autoptr (GPtrArray) applications = NULL;
  gboolean member = FALSE;

  g_return_val_if_fail (WSP_IS_STORE (store), NULL);
  g_return_val_if_fail (forum_body_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_date (submitted_on, error))
    return NULL;
  if (!lookup (store, organisation_id, &organisation, error))
    return NULL;
  if (organisation == NULL || !is_entity (organisation, "organisation"))
    {
      g_set_error_literal (error, WSP_MEMBERSHIP_ERROR, WSP_MEMBERSHIP_ERROR_INVALID,
                           _("Choose the organisation that applies."));
      return NULL;
    }
  if (!has_current_seat (store, forum_body_id, organisation_id, submitted_on, &member, error))
    return NULL;
  if (member)
    {
      g_set_error (error, WSP_MEMBERSHIP_ERROR, WSP_MEMBERSHIP_ERROR_ALREADY_MEMBER,
                   _("“%s” is already a member."), wsp_record_get_string (organisation, "name"));
      return NULL;
    }
  applications = query (store, WSP_TYPE_MEMBERSHIP_APPLICATION, "organisation_id", organisation_id, error);
  if (applications == NULL)
    return NULL;
  for (guint i = 0; i < applications->len; i++)
    {
      WspRecord *other = g_ptr_array_index (applications, i);
      const char *decision = wsp_record_get_string (other, "decision");

      if (g_strcmp0 (wsp_record_get_string (other, "body_id"), forum_body_id) == 0
          && (decision == NULL || g_str_equal (decision, "pending")))
        {
          g_set_error (error, WSP_MEMBERSHIP_ERROR, WSP_MEMBERSHIP_ERROR_ALREADY_MEMBER,
                       _("An application of “%s” already waits for a decision."),
                       wsp_record_get_string (organisation, "name"));
          return NULL;
        }
    }

  application = wsp_record_new_for_entity ("membership_application", NULL);
  wsp_record_set_string (application, "body_id", forum_body_id);
  wsp_record_set_string (application, "organisation_id", organisation_id);
  wsp_record_set_string (application, "submitted_on", submitted_on);
  wsp_record_set_string (application, "evidence", evidence);
  wsp_record_set_string (application, "decision", "pending");
  if (!wsp_store_save (store, application, error))
    return NULL;
  return g_steal_pointer (&application);
}

/* Whether [a_from, a_to] and [b_from, b_to] share a day; a missing end is
 * open. */
static gboolean
periods_overlap (const char *a_from,
                 const char *a_to,
                 const char *b_from,
                 const char *b_to)
{
  return (a_to == NULL || b_from == NULL || strcmp (b_from, a_to) <= 0)
         && (b_to == NULL || a_from == NULL || strcmp (a_from, b_to) <= 0);
}

/* Whether @date is empty or a real day (else says so in @error). */
static gboolean
optional_date (const char  *date,
               GError     **error)
{
  return date == NULL || check_date (date, error);
}

/**
 * wsp_membership_save_term:
 * @store: the store
 * @term: a term of office of a body, new or changed
 * @error: where to say why nothing was saved
 *
 * Saves @term after checking its days: a real start, an end (when given)
 * not before it, and no overlap with another term of the same body
 * (%WSP_MEMBERSHIP_ERROR_OVERLAP).  On failure @term is reloaded.
 *
 * Returns: whether the term was saved
 */
gboolean
wsp_membership_save_term (WspStore    *store,
                          WspRecord   *term,
                          GError     **error)
{
  g_autoptr (GPtrArray) others = NULL;
  const char *body_id;
  const char *starts;
  const char *ends;

  g_return_val_if_fail (WSP_IS_STORE (store), FALSE);
  g_return_val_if_fail (WSP_IS_RECORD (term), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!is_entity (term, "term"))
    {
      g_set_error_literal (error, WSP_MEMBERSHIP_ERROR, WSP_MEMBERSHIP_ERROR_INVALID,
                           _("Only a term of office can be saved here."));
      return FALSE;
    }
  body_id = wsp_record_get_string (term, "body_id");
  starts = wsp_record_get_string (term, "starts_on");
  ends = wsp_record_get_string (term, "ends_on");
  if (starts == NULL)
    {
      g_set_error_literal (error, WSP_MEMBERSHIP_ERROR, WSP_MEMBERSHIP_ERROR_INVALID_DATE,
                           _("Give the first day of the term of office."));
      goto fail;
    }
  if (!check_date (starts, error) || !optional_date (ends, error))
    goto fail;
  if (ends != NULL && strcmp (ends, starts) < 0)
    {
      g_set_error_literal (error, WSP_MEMBERSHIP_ERROR, WSP_MEMBERSHIP_ERROR_INVALID_DATE,
                           _("The term of office ends before it starts."));
      goto fail;
    }
  if (body_id != NULL)
    {
      others = wsp_membership_terms (store, body_id, error);
      if (others == NULL)
        goto fail;
      for (guint i = 0; i < others->len; i++)
        {
          WspRecord *other = g_ptr_array_index (others, i);

          if (g_str_equal (wsp_record_get_id (other), wsp_record_get_id (term)))
            continue;
          if (periods_overlap (starts, ends, wsp_record_get_string (other, "starts_on"),
                               wsp_record_get_string (other, "ends_on")))
            {
              g_set_error (error, WSP_MEMBERSHIP_ERROR, WSP_MEMBERSHIP_ERROR_OVERLAP,
                           _("These days overlap the term of office that starts on %s. Change "
                             "the days, or end that term first."),
                           wsp_record_get_string (other, "starts_on"));
              goto fail;
            }
        }
    }
  if (wsp_store_save (store, term, error))
    return TRUE;

fail:
  reload (store, term);
  return FALSE;
}

/* Roles only one member holds at a time. */
static gboolean
role_is_single (const char *role)
{
  return g_strcmp0 (role, "chair") == 0 || g_strcmp0 (role, "secretary") == 0;
}

/**
 * wsp_membership_save_seat:
 * @store: the store
 * @seat: a seat of a Council term (a person on a side, in a role, for a
 *   while), new or changed
 * @error: where to say why nothing was saved
 *
 * Saves @seat after checking it: a person, a side and real days within
 * the term (left not before joined); the person holds no other seat of
 * the term at the same time, and nobody else is chair (or secretary) then
 * (%WSP_MEMBERSHIP_ERROR_TAKEN).  On failure @seat is reloaded.
 *
 * Returns: whether the seat was saved
 */
gboolean
wsp_membership_save_seat (WspStore    *store,
                          WspRecord   *seat,
                          GError     **error)
{
  g_autoptr (WspRecord) term = NULL;
  g_autoptr (GPtrArray) others = NULL;
  const char *term_id;
  const char *person_id;
  const char *joined;
  const char *left;
  const char *role;

  g_return_val_if_fail (WSP_IS_STORE (store), FALSE);
  g_return_val_if_fail (WSP_IS_RECORD (seat), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!is_entity (seat, "seat"))
    {
      g_set_error_literal (error, WSP_MEMBERSHIP_ERROR, WSP_MEMBERSHIP_ERROR_INVALID,
                           _("Only a member’s seat can be saved here."));
      return FALSE;
    }
  term_id = wsp_record_get_string (seat, "term_id");
  person_id = wsp_record_get_string (seat, "person_id");
  joined = wsp_record_get_string (seat, "joined_on");
  left = wsp_record_get_string (seat, "left_on");
  role = wsp_record_get_string (seat, "role");

  if (person_id == NULL)
    {
      g_set_error_literal (error, WSP_MEMBERSHIP_ERROR, WSP_MEMBERSHIP_ERROR_INVALID,
                           _("Choose the person who holds the seat."));
      goto fail;
    }
  if (term_id != NULL && wsp_record_get_string (seat, "side") == NULL)
    {
      g_set_error_literal (error, WSP_MEMBERSHIP_ERROR, WSP_MEMBERSHIP_ERROR_INVALID,
                           _("Choose the side the member represents."));
      goto fail;
    }
  if (!optional_date (joined, error) || !optional_date (left, error))
    goto fail;
  if (joined != NULL && left != NULL && strcmp (left, joined) < 0)
    {
      g_set_error (error, WSP_MEMBERSHIP_ERROR, WSP_MEMBERSHIP_ERROR_INVALID_DATE,
                   _("A member cannot leave before joining (%s)."), joined);
      goto fail;
    }
  if (!lookup (store, term_id, &term, error))
    goto fail;
  if (term != NULL)
    {
      const char *starts = wsp_record_get_string (term, "starts_on");
      const char *ends = wsp_record_get_string (term, "ends_on");

      if (joined != NULL && ((starts != NULL && strcmp (joined, starts) < 0)
                             || (ends != NULL && strcmp (joined, ends) > 0)))
        {
          g_set_error (error, WSP_MEMBERSHIP_ERROR, WSP_MEMBERSHIP_ERROR_INVALID_DATE,
                       _("The day of joining must fall within the term of office (%s to %s)."),
                       starts != NULL ? starts : "…", ends != NULL ? ends : "…");
          goto fail;
        }
      others = query (store, WSP_TYPE_SEAT, "term_id", term_id, error);
      if (others == NULL)
        goto fail;
      for (guint i = 0; i < others->len; i++)
        {
          WspRecord *other = g_ptr_array_index (others, i);
          g_autoptr (WspRecord) holder = NULL;

          if (g_str_equal (wsp_record_get_id (other), wsp_record_get_id (seat))
              || !periods_overlap (joined, left, wsp_record_get_string (other, "joined_on"),
                                   wsp_record_get_string (other, "left_on")))
            continue;
          if (g_strcmp0 (wsp_record_get_string (other, "person_id"), person_id) == 0)
            {
              g_set_error_literal (error, WSP_MEMBERSHIP_ERROR, WSP_MEMBERSHIP_ERROR_TAKEN,
                                   _("This person already holds a seat of this term at that time. "
                                     "Change that seat instead."));
              goto fail;
            }
          if (role_is_single (role) && g_strcmp0 (wsp_record_get_string (other, "role"), role) == 0)
            {
              if (!lookup (store, wsp_record_get_string (other, "person_id"), &holder, error))
                goto fail;
              g_set_error (error, WSP_MEMBERSHIP_ERROR, WSP_MEMBERSHIP_ERROR_TAKEN,
                           _("%s holds this role at that time. Change their role first."),
                           holder != NULL ? wsp_record_get_string (holder, "name") : "?");
              goto fail;
            }
        }
    }
  if (wsp_store_save (store, seat, error))
    return TRUE;

fail:
  reload (store, seat);
  return FALSE;
}

/**
 * wsp_membership_can_delete:
 * @store: the store
 * @record: a person or an organisation
 * @today: (nullable): YYYY-MM-DD
 * @error: where to say why not
 *
 * A person or an organisation that holds a seat on @today is not deleted
 * (%WSP_MEMBERSHIP_ERROR_IN_OFFICE): the seat is left first, so the
 * lists of members stay right.
 *
 * Returns: whether @record may be deleted
 */
gboolean
wsp_membership_can_delete (WspStore    *store,
                           WspRecord   *record,
                           const char  *today,
                           GError     **error)
{
  g_autofree char *owned_today = NULL;
  g_autoptr (GPtrArray) seats = NULL;
  const char *field;

  g_return_val_if_fail (WSP_IS_STORE (store), FALSE);
  g_return_val_if_fail (WSP_IS_RECORD (record), FALSE);

  if (is_entity (record, "person"))
    field = "person_id";
  else if (is_entity (record, "organisation"))
    field = "organisation_id";
  else
    return TRUE;
  if (today == NULL)
    today = owned_today = dup_local_today ();
  seats = query (store, WSP_TYPE_SEAT, field, wsp_record_get_id (record), error);
  if (seats == NULL)
    return FALSE;
  for (guint i = 0; i < seats->len; i++)
    {
      WspRecord *seat = g_ptr_array_index (seats, i);
      g_autoptr (WspRecord) body = NULL;

      if (!wsp_membership_seat_is_current (seat, today))
        continue;
      if (!lookup (store, wsp_record_get_string (seat, "body_id"), &body, error))
        return FALSE;
      g_set_error (error, WSP_MEMBERSHIP_ERROR, WSP_MEMBERSHIP_ERROR_IN_OFFICE,
                   /* Translators: %s: a person's or an organisation's name, then a body's */
                   _("“%s” is a member of %s. Record that the membership ended first, so that "
                     "the list of members stays right."),
                   wsp_record_get_string (record, "name"),
                   body != NULL ? wsp_record_get_string (body, "name") : "?");
      return FALSE;
    }
  return TRUE;
}

/**
 * wsp_membership_leave:
 * @store: the store
 * @seat: a seat
 * @left_on: YYYY-MM-DD, the last day in office
 * @reason: (nullable): why; %NULL keeps the reason the seat has
 * @error: where to say why nothing was changed
 *
 * Records that the member in @seat left on @left_on.  Refused when
 * @left_on comes before the day the seat was joined, or when the member
 * had already left on or before @left_on (a later planned day may be
 * moved earlier).  On failure @seat is reloaded as it is stored.
 *
 * Returns: whether the change was saved
 */
gboolean
wsp_membership_leave (WspStore    *store,
                      WspRecord   *seat,
                      const char  *left_on,
                      const char  *reason,
                      GError     **error)
{
  const char *joined_on;
  const char *already;

  g_return_val_if_fail (WSP_IS_STORE (store), FALSE);
  g_return_val_if_fail (WSP_IS_RECORD (seat), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!is_entity (seat, "seat"))
    {
      g_set_error_literal (error, WSP_MEMBERSHIP_ERROR, WSP_MEMBERSHIP_ERROR_INVALID,
                           _("Only a member’s seat can be left."));
      return FALSE;
    }
  if (!check_date (left_on, error))
    return FALSE;

  joined_on = wsp_record_get_string (seat, "joined_on");
  if (joined_on != NULL && strcmp (left_on, joined_on) < 0)
    {
      g_set_error (error, WSP_MEMBERSHIP_ERROR, WSP_MEMBERSHIP_ERROR_INVALID_DATE,
                   _("A member cannot leave before joining (%s)."), joined_on);
      return FALSE;
    }
  already = wsp_record_get_string (seat, "left_on");
  if (already != NULL && strcmp (already, left_on) <= 0)
    {
      g_set_error (error, WSP_MEMBERSHIP_ERROR, WSP_MEMBERSHIP_ERROR_ALREADY_LEFT,
                   _("This member already left on %s."), already);
      return FALSE;
    }

  wsp_record_set_string (seat, "left_on", left_on);
  if (reason != NULL)
    wsp_record_set_string (seat, "left_reason", reason);
  if (!wsp_store_save (store, seat, error))
    {
      reload (store, seat);
      return FALSE;
    }
  return TRUE;
}
