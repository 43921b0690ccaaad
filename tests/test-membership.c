/* test-membership.c — the queries of the Members view, over the demo data and small cases
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "wsp-test-util.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "demo/wsp-demo.h"
#include "records/wsp-entities.h"
#include "domain/wsp-membership.h"
#include "domain/wsp-seat-list.h"
#include "rules/wsp-rules.h"
#include "store/wsp-store.h"

/* wsp-attendance.h is not included: its class name is also an enum of
 * wsp-rules.h. Types are looked up by entity name instead. */
#define TYPE(name) (wsp_entities_lookup (name))

#define TODAY WSP_DEMO_REFERENCE_DATE

typedef struct
{
  char     *dir;
  WspStore *store;
} Fixture;

static void
open_store (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("wsp-membership-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "test.sqlite3", NULL);
  f->store = wsp_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->store);
}

static void
demo_set_up (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  open_store (f);
  g_assert_true (wsp_demo_fill (f->store, &error));
  g_assert_no_error (error);
}

static void
empty_set_up (Fixture       *f,
              gconstpointer  data)
{
  open_store (f);
}

static void
tear_down (Fixture       *f,
           gconstpointer  data)
{
  g_clear_object (&f->store);
  wsp_test_remove_tree (f->dir);
  g_free (f->dir);
}

/* ---- helpers ------------------------------------------------------------- */

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *calls)
{
  calls[0]++;
  calls[1] = position;
  calls[2] = removed;
  calls[3] = added;
}

static WspRecord *
body (Fixture    *f,
      const char *kind)
{
  g_autoptr (GError) error = NULL;
  WspRecord *record = wsp_membership_find_body (f->store, kind, &error);

  g_assert_no_error (error);
  g_assert_nonnull (record);
  return record;
}

static WspRecord *
get (Fixture    *f,
     const char *id)
{
  g_autoptr (GError) error = NULL;
  WspRecord *record = wsp_store_get (f->store, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (record);
  return record;
}

/* The name of the record @id refers to, through @field of @record. */
static char *
name_via (Fixture    *f,
          WspRecord  *record,
          const char *field)
{
  g_autoptr (WspRecord) target = get (f, wsp_record_get_string (record, field));

  return g_strdup (wsp_record_get_string (target, "name"));
}

static WspRecord *
find_by_name (Fixture    *f,
              const char *entity,
              const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);

  g_assert_true (wsp_store_query (f->store, TYPE (entity), "name", name, records, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 1);
  return g_object_ref (g_ptr_array_index (records, 0));
}

static WspRecord *
current_council_term (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WspRecord) council = body (f, "council");
  WspRecord *term = wsp_membership_current_term (f->store, wsp_record_get_id (council), TODAY,
                                                 &error);

  g_assert_no_error (error);
  g_assert_nonnull (term);
  return term;
}

static GPtrArray *
forum_members (Fixture    *f,
               gboolean    include_former,
               const char *today)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WspRecord) forum = body (f, "forum");
  GPtrArray *members = wsp_membership_forum_members (f->store, wsp_record_get_id (forum),
                                                     include_former, today, &error);

  g_assert_no_error (error);
  g_assert_nonnull (members);
  return members;
}

static WspMemberEntry *
entry_at (GPtrArray *entries,
          guint      i)
{
  g_assert_cmpuint (i, <, entries->len);
  return g_ptr_array_index (entries, i);
}

static WspRecord *
save_new (Fixture    *f,
          const char *entity,
          ...)
{
  g_autoptr (GError) error = NULL;
  WspRecord *record = wsp_record_new_for_entity (entity, NULL);
  const char *field;
  va_list args;

  va_start (args, entity);
  while ((field = va_arg (args, const char *)) != NULL)
    wsp_record_set_string (record, field, va_arg (args, const char *));
  va_end (args);

  g_assert_true (wsp_store_save (f->store, record, &error));
  g_assert_no_error (error);
  return record;
}

/* ---- the demo data ------------------------------------------------------- */

static void
test_bodies (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WspRecord) council = body (f, "council");
  g_autoptr (WspRecord) forum = body (f, "forum");
  g_autoptr (WspRecord) none = NULL;
  WspBodyRules rules, defaults;

  g_assert_cmpstr (wsp_record_get_string (council, "kind"), ==, "council");
  g_assert_cmpstr (wsp_record_get_string (forum, "kind"), ==, "forum");

  none = wsp_membership_find_body (f->store, "committee", &error);
  g_assert_no_error (error);
  g_assert_null (none);

  wsp_body_rules_init_default (&defaults);
  wsp_membership_body_rules (council, &rules);
  g_assert_cmpmem (&rules, sizeof rules, &defaults, sizeof defaults);
  wsp_membership_body_rules (NULL, &rules);
  g_assert_cmpmem (&rules, sizeof rules, &defaults, sizeof defaults);
}

static void
test_body_rules (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr (WspRecord) bare = wsp_record_new_for_entity ("body", NULL);
  g_autoptr (WspRecord) custom = wsp_record_new_for_entity ("body", NULL);
  WspBodyRules rules;

  /* Nothing set: all defaults. */
  wsp_membership_body_rules (bare, &rules);
  g_assert_cmpuint (rules.quorum_numerator, ==, 1);
  g_assert_cmpuint (rules.quorum_denominator, ==, 2);
  g_assert_cmpint (rules.majority, ==, WSP_MAJORITY_SIMPLE);
  g_assert_cmpint (rules.tie_rule, ==, WSP_TIE_CASTING_VOTE);
  g_assert_cmpuint (rules.opinion_deadline_days, ==, 14);
  g_assert_cmpuint (rules.term_years, ==, 3);
  g_assert_cmpuint (rules.absence_limit, ==, 3);

  wsp_record_set_int (custom, "quorum_numerator", 2);
  wsp_record_set_int (custom, "quorum_denominator", 3);
  wsp_record_set_string (custom, "default_majority", "two_thirds");
  wsp_record_set_string (custom, "tie_rule", "fails");
  wsp_record_set_int (custom, "opinion_deadline_days", 21);
  wsp_record_set_int (custom, "term_years", 4);
  wsp_record_set_int (custom, "absence_limit", 0);
  wsp_membership_body_rules (custom, &rules);
  g_assert_cmpuint (rules.quorum_numerator, ==, 2);
  g_assert_cmpuint (rules.quorum_denominator, ==, 3);
  g_assert_cmpint (rules.majority, ==, WSP_MAJORITY_TWO_THIRDS);
  g_assert_cmpint (rules.tie_rule, ==, WSP_TIE_FAILS);
  g_assert_cmpuint (rules.opinion_deadline_days, ==, 21);
  g_assert_cmpuint (rules.term_years, ==, 4);
  g_assert_cmpuint (rules.absence_limit, ==, 0);

  /* A zero denominator or a negative number is no setting. */
  wsp_record_set_int (custom, "quorum_denominator", 0);
  wsp_record_set_int (custom, "term_years", -1);
  wsp_membership_body_rules (custom, &rules);
  g_assert_cmpuint (rules.quorum_denominator, ==, 2);
  g_assert_cmpuint (rules.term_years, ==, 3);
}

static void
test_terms (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WspRecord) council = body (f, "council");
  g_autoptr (WspRecord) forum = body (f, "forum");
  g_autoptr (GPtrArray) terms = NULL;
  g_autoptr (GPtrArray) forum_terms = NULL;
  g_autoptr (WspRecord) current = NULL;
  g_autoptr (WspRecord) past = NULL;
  g_autoptr (WspRecord) later = NULL;
  g_autoptr (WspRecord) before = NULL;
  g_autoptr (WspRecord) none = NULL;

  terms = wsp_membership_terms (f->store, wsp_record_get_id (council), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (terms->len, ==, 2);
  g_assert_cmpstr (wsp_record_get_string (g_ptr_array_index (terms, 0), "starts_on"), ==,
                   "2025-03-01");
  g_assert_cmpstr (wsp_record_get_string (g_ptr_array_index (terms, 1), "starts_on"), ==,
                   "2022-03-01");

  current = wsp_membership_current_term (f->store, wsp_record_get_id (council), TODAY, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (wsp_record_get_string (current, "name"), ==, "Kadencja 2025–2028");

  past = wsp_membership_current_term (f->store, wsp_record_get_id (council), "2023-06-01",
                                      &error);
  g_assert_no_error (error);
  g_assert_cmpstr (wsp_record_get_string (past, "name"), ==, "Kadencja 2022–2025");

  /* The last day of a term is still in it. */
  g_clear_object (&past);
  past = wsp_membership_current_term (f->store, wsp_record_get_id (council), "2025-02-28",
                                      &error);
  g_assert_no_error (error);
  g_assert_cmpstr (wsp_record_get_string (past, "starts_on"), ==, "2022-03-01");

  /* No term runs: the newest. */
  later = wsp_membership_current_term (f->store, wsp_record_get_id (council), "2030-01-01",
                                       &error);
  g_assert_no_error (error);
  g_assert_cmpstr (wsp_record_get_string (later, "starts_on"), ==, "2025-03-01");
  before = wsp_membership_current_term (f->store, wsp_record_get_id (council), "2000-01-01",
                                        &error);
  g_assert_no_error (error);
  g_assert_cmpstr (wsp_record_get_string (before, "starts_on"), ==, "2025-03-01");

  /* The Forum has no terms. */
  forum_terms = wsp_membership_terms (f->store, wsp_record_get_id (forum), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (forum_terms->len, ==, 0);
  none = wsp_membership_current_term (f->store, wsp_record_get_id (forum), TODAY, &error);
  g_assert_no_error (error);
  g_assert_null (none);
}

static void
test_seats (Fixture       *f,
            gconstpointer  data)
{
  static const char * const expected[] = {
    "Anna Kowalczyk",     /* mayor, vice-chair */
    "Tomasz Wieczorek",   /* mayor, secretary */
    "Barbara Mazur",      /* mayor, member */
    "Krzysztof Zając",    /* city council */
    "Małgorzata Nowak",   /* NGO, chair */
    NULL, NULL, NULL,     /* NGO members who joined on 2025-03-01: by id */
    "Rafał Szymański",    /* NGO member who joined on 2026-02-02 */
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (WspRecord) term = current_council_term (f);
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GPtrArray) current = NULL;
  g_autoptr (GPtrArray) earlier = NULL;
  g_autoptr (GHashTable) middle = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint left = 0;

  all = wsp_membership_seats (f->store, wsp_record_get_id (term), TRUE, TODAY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 11);
  for (guint i = 0; i < all->len; i++)
    if (wsp_record_get_string (g_ptr_array_index (all, i), "left_on") != NULL)
      left++;
  g_assert_cmpuint (left, ==, 2);

  current = wsp_membership_seats (f->store, wsp_record_get_id (term), FALSE, TODAY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (current->len, ==, 9);
  for (guint i = 0; i < current->len; i++)
    {
      WspRecord *seat = g_ptr_array_index (current, i);
      g_autofree char *name = name_via (f, seat, "person_id");

      g_assert_true (wsp_membership_seat_is_current (seat, TODAY));
      if (expected[i] != NULL)
        g_assert_cmpstr (name, ==, expected[i]);
      else
        g_hash_table_add (middle, g_steal_pointer (&name));
    }
  g_assert_cmpuint (g_hash_table_size (middle), ==, 3);
  g_assert_true (g_hash_table_contains (middle, "Piotr Lewandowski"));
  g_assert_true (g_hash_table_contains (middle, "Joanna Wójcik"));
  g_assert_true (g_hash_table_contains (middle, "Marek Kamiński"));

  /* On 2025-12-01 Agnieszka Dąbrowska and Ewa Pawlak were still in office,
   * Rafał Szymański not yet (a seat that has not started yet still lists). */
  earlier = wsp_membership_seats (f->store, wsp_record_get_id (term), FALSE, "2025-12-01",
                                  &error);
  g_assert_no_error (error);
  g_assert_cmpuint (earlier->len, ==, 11);
}

static void
test_composition_demo (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WspRecord) term = current_council_term (f);
  g_autoptr (GPtrArray) current = NULL;
  g_autoptr (GPtrArray) all = NULL;
  WspComposition c;

  current = wsp_membership_seats (f->store, wsp_record_get_id (term), FALSE, TODAY, &error);
  g_assert_no_error (error);
  all = wsp_membership_seats (f->store, wsp_record_get_id (term), TRUE, TODAY, &error);
  g_assert_no_error (error);

  wsp_membership_composition (current, 0, &c);
  g_assert_cmpuint (c.mayor, ==, 3);
  g_assert_cmpuint (c.city_council, ==, 1);
  g_assert_cmpuint (c.ngo, ==, 5);
  g_assert_cmpuint (c.vacancies, ==, 0);
  g_assert_true (c.ok);
  g_assert_cmpuint (c.ngo_needed, ==, 0);

  /* The seats that ever existed in the term count the NGO seat that was
   * filled again (Dąbrowska → Szymański) as well as the vacant city
   * council seat. */
  wsp_membership_composition (current, all->len, &c);
  g_assert_cmpuint (c.vacancies, ==, 2);
  wsp_membership_composition (current, 10, &c);
  g_assert_cmpuint (c.vacancies, ==, 1);
  wsp_membership_composition (current, 5, &c);
  g_assert_cmpuint (c.vacancies, ==, 0);
}

static void
test_absences_demo (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WspRecord) council = body (f, "council");
  g_autoptr (WspRecord) term = current_council_term (f);
  g_autoptr (GPtrArray) flagged = NULL;
  g_autoptr (GPtrArray) none = NULL;
  g_autoptr (GPtrArray) off = NULL;
  g_autoptr (GPtrArray) strict = NULL;
  g_autofree char *name = NULL;
  WspBodyRules rules;

  wsp_membership_body_rules (council, &rules);
  flagged = wsp_membership_absence_flags (f->store, wsp_record_get_id (council),
                                          wsp_record_get_id (term), &rules, TODAY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (flagged->len, ==, 1);
  name = name_via (f, g_ptr_array_index (flagged, 0), "person_id");
  g_assert_cmpstr (name, ==, "Marek Kamiński");

  /* Three in a row are not four. */
  rules.absence_limit = 4;
  none = wsp_membership_absence_flags (f->store, wsp_record_get_id (council),
                                       wsp_record_get_id (term), &rules, TODAY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);

  rules.absence_limit = 0;
  off = wsp_membership_absence_flags (f->store, wsp_record_get_id (council),
                                      wsp_record_get_id (term), &rules, TODAY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (off->len, ==, 0);

  /* Only Marek Kamiński missed the last meeting without an excuse. */
  rules.absence_limit = 1;
  strict = wsp_membership_absence_flags (f->store, wsp_record_get_id (council),
                                         wsp_record_get_id (term), &rules, TODAY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strict->len, ==, 1);
}

static void
test_forum_members (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr (GPtrArray) members = forum_members (f, FALSE, TODAY);
  g_autoptr (GPtrArray) with_former = forum_members (f, TRUE, TODAY);
  g_autoptr (GPtrArray) in_2020 = forum_members (f, FALSE, "2020-01-01");
  WspMemberEntry *first;
  WspMemberEntry *last;

  g_assert_cmpuint (members->len, ==, 30);
  g_assert_cmpuint (with_former->len, ==, 30);
  /* Seats are not dated back: everybody who ever joined is listed. */
  g_assert_cmpuint (in_2020->len, ==, 30);

  for (guint i = 0; i < members->len; i++)
    {
      WspMemberEntry *entry = g_ptr_array_index (members, i);

      g_assert_nonnull (entry->seat);
      g_assert_nonnull (entry->organisation);
      g_assert_null (entry->person);
      g_assert_null (entry->body);
      g_assert_cmpstr (wsp_record_get_string (entry->seat, "organisation_id"), ==,
                       wsp_record_get_id (entry->organisation));
      if (i > 0)
        {
          WspMemberEntry *previous = g_ptr_array_index (members, i - 1);

          g_assert_cmpint (g_utf8_collate (wsp_record_get_string (previous->organisation, "name"),
                                           wsp_record_get_string (entry->organisation, "name")),
                           <=, 0);
        }
    }
  first = g_ptr_array_index (members, 0);
  last = g_ptr_array_index (members, members->len - 1);
  g_assert_cmpstr (wsp_record_get_string (first->organisation, "name"), ==,
                   "Fundacja Aktywizacji Zawodowej „Kompas”");
  g_assert_cmpstr (wsp_record_get_string (last->organisation, "name"), ==,
                   "Związek Harcerstwa Polskiego Chorągiew Śląska – Hufiec Zagłębiowice");
}

static void
test_applications (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WspRecord) forum = body (f, "forum");
  g_autoptr (WspRecord) council = body (f, "council");
  g_autoptr (GPtrArray) applications = NULL;
  g_autoptr (GPtrArray) none = NULL;
  static const char * const decisions[] = { "pending", "rejected", "accepted" };

  applications = wsp_membership_applications (f->store, wsp_record_get_id (forum), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (applications->len, ==, 3);
  for (guint i = 0; i < applications->len; i++)
    g_assert_cmpstr (wsp_record_get_string (g_ptr_array_index (applications, i), "decision"), ==,
                     decisions[i]);
  g_assert_cmpstr (wsp_record_get_string (g_ptr_array_index (applications, 0), "submitted_on"), ==,
                   "2026-11-12");
  g_assert_cmpstr (wsp_record_get_string (g_ptr_array_index (applications, 2), "submitted_on"), ==,
                   "2025-11-24");

  none = wsp_membership_applications (f->store, wsp_record_get_id (council), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);
}

static void
test_person_seats (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WspRecord) nowak = find_by_name (f, "person", "Małgorzata Nowak");
  g_autoptr (WspRecord) duda = find_by_name (f, "person", "Patrycja Duda");
  g_autoptr (WspRecord) kaminski = find_by_name (f, "person", "Marek Kamiński");
  g_autoptr (GPtrArray) seats = NULL;
  g_autoptr (GPtrArray) no_seats = NULL;
  g_autoptr (GPtrArray) one = NULL;
  WspMemberEntry *latest;
  WspMemberEntry *earliest;

  seats = wsp_membership_person_seats (f->store, wsp_record_get_id (nowak), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (seats->len, ==, 2);
  latest = g_ptr_array_index (seats, 0);
  earliest = g_ptr_array_index (seats, 1);
  g_assert_cmpstr (wsp_record_get_string (latest->seat, "joined_on"), ==, "2025-03-01");
  g_assert_null (wsp_record_get_string (latest->seat, "left_on"));
  g_assert_cmpstr (wsp_record_get_string (earliest->seat, "joined_on"), ==, "2022-03-01");
  g_assert_cmpstr (wsp_record_get_string (earliest->seat, "left_on"), ==, "2025-02-28");
  for (guint i = 0; i < seats->len; i++)
    {
      WspMemberEntry *entry = g_ptr_array_index (seats, i);

      g_assert_nonnull (entry->body);
      g_assert_cmpstr (wsp_record_get_string (entry->body, "kind"), ==, "council");
      g_assert_cmpstr (wsp_record_get_string (entry->seat, "role"), ==, "chair");
      g_assert_cmpstr (wsp_record_get_string (entry->organisation, "short_name"), ==,
                       "Zielone Zagłębie");
      g_assert_cmpstr (wsp_record_get_id (entry->person), ==, wsp_record_get_id (nowak));
    }

  /* The Forum seats belong to organisations, not to people. */
  no_seats = wsp_membership_person_seats (f->store, wsp_record_get_id (duda), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (no_seats->len, ==, 0);

  one = wsp_membership_person_seats (f->store, wsp_record_get_id (kaminski), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (one->len, ==, 1);
}

static void
test_representatives (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WspRecord) kompas = find_by_name (f, "organisation",
                                               "Fundacja Aktywizacji Zawodowej „Kompas”");
  g_autoptr (WspRecord) brat = find_by_name (f, "organisation",
                                             "Towarzystwo Pomocy im. św. Brata Alberta – Koło "
                                             "Zagłębiowickie");
  g_autoptr (WspRecord) inkubator = find_by_name (f, "organisation",
                                                  "Inkubator Społecznej Przedsiębiorczości "
                                                  "w Zagłębiowicach");
  g_autoptr (GPtrArray) two = NULL;
  g_autoptr (GPtrArray) also_two = NULL;
  g_autoptr (GPtrArray) none = NULL;

  two = wsp_membership_representatives (f->store, wsp_record_get_id (kompas), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (two->len, ==, 2);
  g_assert_cmpstr (wsp_record_get_string (g_ptr_array_index (two, 0), "name"), ==, "Paweł Sikora");
  g_assert_cmpstr (wsp_record_get_string (g_ptr_array_index (two, 1), "name"), ==,
                   "Rafał Szymański");

  also_two = wsp_membership_representatives (f->store, wsp_record_get_id (brat), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (also_two->len, ==, 2);
  g_assert_cmpstr (wsp_record_get_string (g_ptr_array_index (also_two, 0), "name"), ==,
                   "Irena Szewczyk");
  g_assert_cmpstr (wsp_record_get_string (g_ptr_array_index (also_two, 1), "name"), ==,
                   "Teresa Wiśniewska");

  none = wsp_membership_representatives (f->store, wsp_record_get_id (inkubator), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);
}

static void
test_accept_demo (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WspRecord) forum = body (f, "forum");
  g_autoptr (GPtrArray) applications = NULL;
  g_autoptr (GPtrArray) before = forum_members (f, TRUE, TODAY);
  g_autoptr (GPtrArray) after = NULL;
  g_autoptr (GPtrArray) again = NULL;
  g_autoptr (WspRecord) stored = NULL;
  WspRecord *pending;
  WspRecord *accepted;
  gboolean found = FALSE;

  applications = wsp_membership_applications (f->store, wsp_record_get_id (forum), &error);
  g_assert_no_error (error);
  pending = g_ptr_array_index (applications, 0);
  accepted = g_ptr_array_index (applications, 2);
  g_assert_cmpstr (wsp_record_get_string (pending, "decision"), ==, "pending");

  /* A day that does not exist, or one before the application: refused. */
  g_assert_false (wsp_membership_accept_application (f->store, pending, "2026-02-30", &error));
  g_assert_error (error, WSP_MEMBERSHIP_ERROR, WSP_MEMBERSHIP_ERROR_INVALID_DATE);
  g_clear_error (&error);
  g_assert_false (wsp_membership_accept_application (f->store, pending, "2026-11-01", &error));
  g_assert_error (error, WSP_MEMBERSHIP_ERROR, WSP_MEMBERSHIP_ERROR_INVALID_DATE);
  g_clear_error (&error);
  g_assert_cmpstr (wsp_record_get_string (pending, "decision"), ==, "pending");

  g_assert_true (wsp_membership_accept_application (f->store, pending, TODAY, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (wsp_record_get_string (pending, "decision"), ==, "accepted");
  stored = get (f, wsp_record_get_id (pending));
  g_assert_cmpstr (wsp_record_get_string (stored, "decision"), ==, "accepted");
  g_assert_cmpstr (wsp_record_get_string (stored, "decided_on"), ==, TODAY);

  after = forum_members (f, TRUE, TODAY);
  g_assert_cmpuint (after->len, ==, before->len + 1);
  for (guint i = 0; i < after->len; i++)
    {
      WspMemberEntry *entry = g_ptr_array_index (after, i);

      if (g_strcmp0 (wsp_record_get_id (entry->organisation),
                     wsp_record_get_string (pending, "organisation_id"))
          == 0)
        {
          g_assert_false (found);
          found = TRUE;
          g_assert_cmpstr (wsp_record_get_string (entry->organisation, "name"), ==,
                           "Fundacja „Kobiety Zagłębia”");
          g_assert_cmpstr (wsp_record_get_string (entry->seat, "role"), ==, "member");
          g_assert_cmpstr (wsp_record_get_string (entry->seat, "joined_on"), ==, TODAY);
          g_assert_cmpstr (wsp_record_get_string (entry->seat, "body_id"), ==,
                           wsp_record_get_id (forum));
        }
    }
  g_assert_true (found);

  /* The second time: refused, and nothing changes. */
  g_assert_false (wsp_membership_accept_application (f->store, pending, TODAY, &error));
  g_assert_error (error, WSP_MEMBERSHIP_ERROR, WSP_MEMBERSHIP_ERROR_ALREADY_ACCEPTED);
  g_clear_error (&error);
  g_assert_false (wsp_membership_accept_application (f->store, accepted, TODAY, &error));
  g_assert_error (error, WSP_MEMBERSHIP_ERROR, WSP_MEMBERSHIP_ERROR_ALREADY_ACCEPTED);
  g_clear_error (&error);
  again = forum_members (f, TRUE, TODAY);
  g_assert_cmpuint (again->len, ==, after->len);
}

static void
test_leave_demo (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) before = forum_members (f, FALSE, TODAY);
  g_autoptr (GPtrArray) current = NULL;
  g_autoptr (GPtrArray) former = NULL;
  g_autoptr (GPtrArray) on_the_day = NULL;
  g_autoptr (WspRecord) seat = NULL;
  g_autoptr (WspRecord) stored = NULL;
  gboolean listed = FALSE;

  /* Take the seat of the first member, the Kompas Foundation. */
  seat = g_object_ref (((WspMemberEntry *) g_ptr_array_index (before, 0))->seat);
  g_assert_cmpstr (wsp_record_get_string (seat, "joined_on"), ==, "2015-11-19");

  g_assert_false (wsp_membership_leave (f->store, seat, "2014-12-31", NULL, &error));
  g_assert_error (error, WSP_MEMBERSHIP_ERROR, WSP_MEMBERSHIP_ERROR_INVALID_DATE);
  g_clear_error (&error);
  g_assert_false (wsp_membership_leave (f->store, seat, "27.11.2026", NULL, &error));
  g_assert_error (error, WSP_MEMBERSHIP_ERROR, WSP_MEMBERSHIP_ERROR_INVALID_DATE);
  g_clear_error (&error);
  g_assert_null (wsp_record_get_string (seat, "left_on"));

  g_assert_true (wsp_membership_leave (f->store, seat, "2026-11-20", "Rozwiązanie fundacji.",
                                       &error));
  g_assert_no_error (error);
  stored = get (f, wsp_record_get_id (seat));
  g_assert_cmpstr (wsp_record_get_string (stored, "left_on"), ==, "2026-11-20");
  g_assert_cmpstr (wsp_record_get_string (stored, "left_reason"), ==, "Rozwiązanie fundacji.");

  current = forum_members (f, FALSE, TODAY);
  g_assert_cmpuint (current->len, ==, 29);
  for (guint i = 0; i < current->len; i++)
    g_assert_cmpstr (wsp_record_get_id (((WspMemberEntry *) g_ptr_array_index (current, i))->seat),
                     !=, wsp_record_get_id (seat));
  former = forum_members (f, TRUE, TODAY);
  g_assert_cmpuint (former->len, ==, 30);
  for (guint i = 0; i < former->len; i++)
    if (g_str_equal (wsp_record_get_id (((WspMemberEntry *) g_ptr_array_index (former, i))->seat),
                     wsp_record_get_id (seat)))
      listed = TRUE;
  g_assert_true (listed);
  /* On the last day in office the seat is no longer current. */
  on_the_day = forum_members (f, FALSE, "2026-11-20");
  g_assert_cmpuint (on_the_day->len, ==, 29);

  /* Leaving again, later: refused; the date may be moved earlier. */
  g_assert_false (wsp_membership_leave (f->store, seat, "2026-11-25", NULL, &error));
  g_assert_error (error, WSP_MEMBERSHIP_ERROR, WSP_MEMBERSHIP_ERROR_ALREADY_LEFT);
  g_clear_error (&error);
  g_assert_cmpstr (wsp_record_get_string (seat, "left_on"), ==, "2026-11-20");
  g_assert_true (wsp_membership_leave (f->store, seat, "2026-11-10", NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&stored);
  stored = get (f, wsp_record_get_id (seat));
  g_assert_cmpstr (wsp_record_get_string (stored, "left_on"), ==, "2026-11-10");
  g_assert_cmpstr (wsp_record_get_string (stored, "left_reason"), ==, "Rozwiązanie fundacji.");
}

static void
count_updates_cb (WspSeatList *list,
                  guint       *updates)
{
  (*updates)++;
}

/* The live lists of members follow what a secretary does: an organisation
 * that leaves the Forum moves from the members to the former members, and
 * a Council seat left empty shows as a vacancy, each told once. */
static void
test_seat_lists_follow (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WspRecord) forum = body (f, "forum");
  g_autoptr (WspRecord) term = current_council_term (f);
  g_autoptr (WspSeatList) members = wsp_seat_list_new (f->store, WSP_SEATS_FORUM_CURRENT, wsp_record_get_id (forum), TODAY);
  g_autoptr (WspSeatList) former = wsp_seat_list_new (f->store, WSP_SEATS_FORUM_FORMER, wsp_record_get_id (forum), TODAY);
  g_autoptr (WspSeatList) council = wsp_seat_list_new (f->store, WSP_SEATS_TERM_CURRENT, wsp_record_get_id (term), TODAY);
  g_autoptr (GPtrArray) direct = forum_members (f, FALSE, TODAY);
  g_autoptr (WspSeatHolder) first = NULL;
  g_autoptr (WspSeatHolder) second = NULL;
  g_autoptr (WspSeatHolder) chair_side = NULL;
  WspComposition before, after;
  guint updates = 0;
  guint calls[4] = { 0 };
  guint n_council;

  /* The same members, in the same order, as the query gives. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (members)), ==, direct->len);
  for (guint i = 0; i < direct->len; i++)
    {
      g_autoptr (WspSeatHolder) holder = g_list_model_get_item (G_LIST_MODEL (members), i);
      g_assert_cmpstr (wsp_record_get_id (wsp_seat_holder_get_seat (holder)), ==,
                       wsp_record_get_id (entry_at (direct, i)->seat));
    }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (former)), ==, 0);

  first = g_list_model_get_item (G_LIST_MODEL (members), 0);
  second = g_list_model_get_item (G_LIST_MODEL (members), 1);
  g_signal_connect (members, "items-changed", G_CALLBACK (items_changed_cb), calls);
  g_assert_true (wsp_membership_leave (f->store, wsp_seat_holder_get_seat (first), "2026-11-20", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (members)), ==, direct->len - 1);
  g_assert_cmpuint (calls[0], ==, 1);
  g_assert_cmpuint (calls[1], ==, 0);
  g_assert_cmpuint (calls[2], ==, 1);
  g_assert_cmpuint (calls[3], ==, 0);
  {
    /* The others keep their objects. */
    g_autoptr (WspSeatHolder) now_first = g_list_model_get_item (G_LIST_MODEL (members), 0);
    g_assert_true (now_first == second);
  }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (former)), ==, 1);

  /* A Council member leaves: one seat fewer, one vacancy more. */
  n_council = g_list_model_get_n_items (G_LIST_MODEL (council));
  wsp_seat_list_get_composition (council, &before);
  g_signal_connect (council, "updated", G_CALLBACK (count_updates_cb), &updates);
  chair_side = g_list_model_get_item (G_LIST_MODEL (council), 0);
  g_assert_true (wsp_membership_leave (f->store, wsp_seat_holder_get_seat (chair_side), "2026-11-20",
                                       "Rezygnacja.", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (updates, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (council)), ==, n_council - 1);
  wsp_seat_list_get_composition (council, &after);
  g_assert_cmpuint (after.vacancies, ==, before.vacancies + 1);
  g_assert_cmpuint (after.mayor + after.city_council + after.ngo, ==,
                    before.mayor + before.city_council + before.ngo - 1);
}

/* ---- small cases --------------------------------------------------------- */

static WspRecord *
seat_on_side (const char *side)
{
  WspRecord *seat = wsp_record_new_for_entity ("seat", NULL);

  wsp_record_set_string (seat, "side", side);
  wsp_record_set_string (seat, "role", "member");
  return seat;
}

static void
add_seats (GPtrArray  *seats,
           const char *side,
           guint       n)
{
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (seats, seat_on_side (side));
}

static void
test_composition_broken (void)
{
  g_autoptr (GPtrArray) seats = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) empty = g_ptr_array_new_with_free_func (g_object_unref);
  WspComposition c;

  /* Half exactly: still fine. */
  add_seats (seats, "mayor", 3);
  add_seats (seats, "city_council", 2);
  add_seats (seats, "ngo", 5);
  wsp_membership_composition (seats, 0, &c);
  g_assert_true (c.ok);
  g_assert_cmpuint (c.ngo_needed, ==, 0);

  /* One NGO member leaves: 4 of 9 is less than half. */
  g_ptr_array_remove_index (seats, seats->len - 1);
  wsp_membership_composition (seats, 10, &c);
  g_assert_cmpuint (c.mayor, ==, 3);
  g_assert_cmpuint (c.city_council, ==, 2);
  g_assert_cmpuint (c.ngo, ==, 4);
  g_assert_cmpuint (c.vacancies, ==, 1);
  g_assert_false (c.ok);
  g_assert_cmpuint (c.ngo_needed, ==, 1);

  /* Two more leave: 2 of 7, three short. */
  g_ptr_array_remove_index (seats, seats->len - 1);
  g_ptr_array_remove_index (seats, seats->len - 1);
  wsp_membership_composition (seats, 10, &c);
  g_assert_cmpuint (c.ngo, ==, 2);
  g_assert_cmpuint (c.vacancies, ==, 3);
  g_assert_false (c.ok);
  g_assert_cmpuint (c.ngo_needed, ==, 3);

  /* A Council without members is not well made up either. */
  wsp_membership_composition (empty, 0, &c);
  g_assert_false (c.ok);
  g_assert_cmpuint (c.ngo_needed, ==, 1);
  g_assert_cmpuint (c.vacancies, ==, 0);
}

typedef struct
{
  WspRecord *council;
  WspRecord *term;
  WspRecord *seat;
} SmallCouncil;

static void
small_council_clear (SmallCouncil *c)
{
  g_clear_object (&c->council);
  g_clear_object (&c->term);
  g_clear_object (&c->seat);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SmallCouncil, small_council_clear)

static void
small_council (Fixture      *f,
               SmallCouncil *c)
{
  g_autoptr (WspRecord) person = save_new (f, "person", "name", "Jan Testowy", NULL);

  c->council = save_new (f, "body", "kind", "council", "name", "Rada", NULL);
  c->term = save_new (f, "term", "body_id", wsp_record_get_id (c->council), "starts_on",
                      "2026-01-01", "ends_on", "2028-12-31", NULL);
  c->seat = save_new (f, "seat", "body_id", wsp_record_get_id (c->council), "term_id",
                      wsp_record_get_id (c->term), "person_id", wsp_record_get_id (person),
                      "side", "ngo", "role", "member", "joined_on", "2026-03-01", NULL);
}

/* A held meeting on @starts_at with @status for the seat (NULL: no row). */
static void
meeting (Fixture      *f,
         SmallCouncil *c,
         const char   *starts_at,
         const char   *meeting_status,
         const char   *status)
{
  g_autoptr (WspRecord) m = save_new (f, "meeting", "body_id", wsp_record_get_id (c->council),
                                      "starts_at", starts_at, "status", meeting_status, NULL);

  if (status != NULL)
    g_object_unref (save_new (f, "attendance", "meeting_id", wsp_record_get_id (m), "seat_id",
                              wsp_record_get_id (c->seat), "status", status, NULL));
}

static guint
flags (Fixture      *f,
       SmallCouncil *c)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) flagged = NULL;
  WspBodyRules rules;

  wsp_membership_body_rules (c->council, &rules);
  flagged = wsp_membership_absence_flags (f->store, wsp_record_get_id (c->council),
                                          wsp_record_get_id (c->term), &rules, "2026-12-31",
                                          &error);
  g_assert_no_error (error);
  for (guint i = 0; i < flagged->len; i++)
    g_assert_cmpstr (wsp_record_get_id (g_ptr_array_index (flagged, i)), ==,
                     wsp_record_get_id (c->seat));
  return flagged->len;
}

static void
test_absences_excused (Fixture       *f,
                       gconstpointer  data)
{
  g_auto (SmallCouncil) c = { 0 };

  small_council (f, &c);

  /* Saved out of order; the history goes by the time the meetings began
   * (the same hour, written in two time zones, is one time). */
  meeting (f, &c, "2026-06-10T16:00:00+02:00", "held", "absent");
  meeting (f, &c, "2026-04-10T16:00:00+02:00", "minutes_approved", "absent");
  meeting (f, &c, "2026-05-10T16:00:00+02:00", "minutes_approved", "excused");
  meeting (f, &c, "2026-03-10T16:00:00+01:00", "minutes_approved", "absent");
  meeting (f, &c, "2026-07-10T14:00:00Z", "held", "absent");
  /* Before the seat was joined, with no row: skipped. */
  meeting (f, &c, "2026-02-10T16:00:00+01:00", "minutes_approved", NULL);
  /* Not held yet: does not count. */
  meeting (f, &c, "2026-08-10T16:00:00+02:00", "planned", NULL);
  meeting (f, &c, "2026-08-20T16:00:00+02:00", "invited", NULL);

  /* absent, absent, excused, absent, absent: the excuse broke the run. */
  g_assert_cmpuint (flags (f, &c), ==, 0);

  /* A held meeting without a row for a member in office: unexcused. */
  meeting (f, &c, "2026-09-10T16:00:00+02:00", "held", NULL);
  g_assert_cmpuint (flags (f, &c), ==, 1);

  /* Came to the next one: the run is over. */
  meeting (f, &c, "2026-10-10T16:00:00+02:00", "held", "present");
  g_assert_cmpuint (flags (f, &c), ==, 0);
}

static void
test_absences_joined_late (Fixture       *f,
                           gconstpointer  data)
{
  g_auto (SmallCouncil) c = { 0 };

  small_council (f, &c);

  /* Three meetings without rows, all before the seat was joined. */
  meeting (f, &c, "2026-01-10T16:00:00+01:00", "minutes_approved", NULL);
  meeting (f, &c, "2026-02-10T16:00:00+01:00", "minutes_approved", NULL);
  meeting (f, &c, "2026-02-28T16:00:00+01:00", "minutes_approved", NULL);
  g_assert_cmpuint (flags (f, &c), ==, 0);

  /* From the day of joining on, they count. */
  meeting (f, &c, "2026-03-01T16:00:00+01:00", "held", NULL);
  meeting (f, &c, "2026-04-01T16:00:00+02:00", "held", NULL);
  g_assert_cmpuint (flags (f, &c), ==, 0);
  meeting (f, &c, "2026-05-01T16:00:00+02:00", "held", "absent");
  g_assert_cmpuint (flags (f, &c), ==, 1);
}

static void
test_accept_existing_member (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WspRecord) forum = save_new (f, "body", "kind", "forum", "name", "Forum", NULL);
  g_autoptr (WspRecord) org = save_new (f, "organisation", "name", "Stowarzyszenie Testowe", NULL);
  g_autoptr (WspRecord) other = save_new (f, "organisation", "name", "Fundacja Druga", NULL);
  g_autoptr (WspRecord) seat = save_new (f, "seat", "body_id", wsp_record_get_id (forum),
                                         "organisation_id", wsp_record_get_id (org), "role",
                                         "member", "joined_on", "2020-01-01", NULL);
  g_autoptr (WspRecord) application = save_new (f, "membership_application", "body_id",
                                                wsp_record_get_id (forum), "organisation_id",
                                                wsp_record_get_id (org), "submitted_on",
                                                "2026-01-05", "decision", "pending", NULL);
  g_autoptr (WspRecord) rejected = save_new (f, "membership_application", "body_id",
                                             wsp_record_get_id (forum), "organisation_id",
                                             wsp_record_get_id (other), "submitted_on",
                                             "2026-01-06", "decision", "rejected", "decided_on",
                                             "2026-01-20", NULL);
  g_autoptr (WspRecord) again = NULL;
  g_autoptr (GPtrArray) members = NULL;

  /* Already a member: accepted, no second seat. */
  g_assert_true (wsp_membership_accept_application (f->store, application, "2026-02-01", &error));
  g_assert_no_error (error);
  members = forum_members (f, TRUE, "2026-02-01");
  g_assert_cmpuint (members->len, ==, 1);
  g_clear_pointer (&members, g_ptr_array_unref);

  /* A rejected application may be accepted on appeal. */
  g_assert_true (wsp_membership_accept_application (f->store, rejected, "2026-03-15", &error));
  g_assert_no_error (error);
  members = forum_members (f, FALSE, "2026-03-15");
  g_assert_cmpuint (members->len, ==, 2);
  /* By name: Fundacja Druga, then Stowarzyszenie Testowe. */
  g_assert_cmpstr (wsp_record_get_id (entry_at (members, 0)->organisation), ==,
                   wsp_record_get_id (other));
  g_assert_cmpstr (wsp_record_get_id (entry_at (members, 1)->organisation), ==,
                   wsp_record_get_id (org));
  g_clear_pointer (&members, g_ptr_array_unref);

  /* A member who left and applies again gets a new seat. */
  g_assert_true (wsp_membership_leave (f->store, seat, "2026-03-31", NULL, &error));
  g_assert_no_error (error);
  again = save_new (f, "membership_application", "body_id", wsp_record_get_id (forum),
                    "organisation_id", wsp_record_get_id (org), "submitted_on", "2026-05-04",
                    "decision", "pending", NULL);
  g_assert_true (wsp_membership_accept_application (f->store, again, "2026-06-01", &error));
  g_assert_no_error (error);
  members = forum_members (f, FALSE, "2026-06-01");
  g_assert_cmpuint (members->len, ==, 2);
  g_assert_cmpstr (wsp_record_get_string (entry_at (members, 1)->seat, "joined_on"), ==,
                   "2026-06-01");
  g_clear_pointer (&members, g_ptr_array_unref);
  members = forum_members (f, TRUE, "2026-06-01");
  g_assert_cmpuint (members->len, ==, 3);
  /* The same organisation: the earlier seat first. */
  g_assert_cmpstr (wsp_record_get_string (entry_at (members, 1)->seat, "joined_on"), ==,
                   "2020-01-01");
  g_assert_cmpstr (wsp_record_get_string (entry_at (members, 2)->seat, "joined_on"), ==,
                   "2026-06-01");
}

/* When the application cannot be saved, the seat made for it goes too. */
static void
test_accept_rolls_back (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WspRecord) forum = save_new (f, "body", "kind", "forum", "name", "Forum", NULL);
  g_autoptr (WspRecord) org = save_new (f, "organisation", "name", "Stowarzyszenie Testowe", NULL);
  g_autoptr (WspRecord) application = wsp_record_new_for_entity ("membership_application", NULL);
  g_autoptr (GPtrArray) members = NULL;

  /* Never saved, and without the day it was submitted: not valid. */
  wsp_record_set_string (application, "body_id", wsp_record_get_id (forum));
  wsp_record_set_string (application, "organisation_id", wsp_record_get_id (org));
  wsp_record_set_string (application, "decision", "pending");

  g_assert_false (wsp_membership_accept_application (f->store, application, "2026-02-01", &error));
  g_assert_error (error, WSP_RECORD_ERROR, WSP_RECORD_ERROR_REQUIRED);
  members = forum_members (f, TRUE, "2026-02-01");
  g_assert_cmpuint (members->len, ==, 0);
  g_assert_cmpuint (wsp_store_count (f->store, TYPE ("seat")), ==, 0);
  g_assert_cmpuint (wsp_store_count (f->store, TYPE ("membership_application")), ==, 0);
}

static void
test_accept_wrong_record (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WspRecord) org = save_new (f, "organisation", "name", "Stowarzyszenie Testowe", NULL);

  g_assert_false (wsp_membership_accept_application (f->store, org, "2026-02-01", &error));
  g_assert_error (error, WSP_MEMBERSHIP_ERROR, WSP_MEMBERSHIP_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (wsp_membership_leave (f->store, org, "2026-02-01", NULL, &error));
  g_assert_error (error, WSP_MEMBERSHIP_ERROR, WSP_MEMBERSHIP_ERROR_INVALID);
}

/* ---- editing: terms, seats, applications, people ------------------------- */

static WspRecord *
new_record (const char *entity,
            ...)
{
  WspRecord *record = wsp_record_new_for_entity (entity, NULL);
  const char *field;
  va_list args;

  va_start (args, entity);
  while ((field = va_arg (args, const char *)) != NULL)
    wsp_record_set_string (record, field, va_arg (args, const char *));
  va_end (args);
  return record;
}

static void
test_save_term (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_auto (SmallCouncil) c = { 0 };
  g_autoptr (WspRecord) next = NULL;
  g_autoptr (WspRecord) backwards = NULL;
  g_autoptr (WspRecord) overlapping = NULL;
  g_autoptr (GPtrArray) terms = NULL;

  small_council (f, &c);
  next = new_record ("term", "body_id", wsp_record_get_id (c.council), "name", "Kadencja 2029–2031",
                     "starts_on", "2029-01-01", "ends_on", "2031-12-31", NULL);
  g_assert_true (wsp_membership_save_term (f->store, next, &error));
  g_assert_no_error (error);

  backwards = new_record ("term", "body_id", wsp_record_get_id (c.council), "starts_on", "2033-01-01",
                          "ends_on", "2032-12-31", NULL);
  g_assert_false (wsp_membership_save_term (f->store, backwards, &error));
  g_assert_error (error, WSP_MEMBERSHIP_ERROR, WSP_MEMBERSHIP_ERROR_INVALID_DATE);
  g_clear_error (&error);

  overlapping = new_record ("term", "body_id", wsp_record_get_id (c.council), "starts_on", "2028-06-01",
                            "ends_on", "2028-10-31", NULL);
  g_assert_false (wsp_membership_save_term (f->store, overlapping, &error));
  g_assert_error (error, WSP_MEMBERSHIP_ERROR, WSP_MEMBERSHIP_ERROR_OVERLAP);
  g_assert_nonnull (strstr (error->message, "2026-01-01"));
  g_clear_error (&error);

  /* Moving a term's own end is no overlap with itself. */
  wsp_record_set_string (next, "ends_on", "2031-06-30");
  g_assert_true (wsp_membership_save_term (f->store, next, &error));
  g_assert_no_error (error);

  terms = wsp_membership_terms (f->store, wsp_record_get_id (c.council), &error);
  g_assert_cmpuint (terms->len, ==, 2);
}

static void
test_save_seat (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_auto (SmallCouncil) c = { 0 };
  g_autoptr (WspRecord) anna = save_new (f, "person", "name", "Anna Nowak", NULL);
  g_autoptr (WspRecord) piotr = save_new (f, "person", "name", "Piotr Wiśniewski", NULL);
  g_autoptr (WspRecord) chair = NULL;
  g_autoptr (WspRecord) second_chair = NULL;
  g_autoptr (WspRecord) twice = NULL;
  g_autoptr (WspRecord) early = NULL;
  g_autoptr (WspRecord) sideless = NULL;
  g_autoptr (WspRecord) nobody = NULL;
  const char *council, *term;

  small_council (f, &c);
  council = wsp_record_get_id (c.council);
  term = wsp_record_get_id (c.term);

  chair = new_record ("seat", "body_id", council, "term_id", term, "person_id", wsp_record_get_id (anna),
                      "side", "mayor", "role", "chair", "joined_on", "2026-01-15", NULL);
  g_assert_true (wsp_membership_save_seat (f->store, chair, &error));
  g_assert_no_error (error);

  /* One chair at a time, named. */
  second_chair = new_record ("seat", "body_id", council, "term_id", term, "person_id",
                             wsp_record_get_id (piotr), "side", "ngo", "role", "chair", "joined_on",
                             "2026-06-01", NULL);
  g_assert_false (wsp_membership_save_seat (f->store, second_chair, &error));
  g_assert_error (error, WSP_MEMBERSHIP_ERROR, WSP_MEMBERSHIP_ERROR_TAKEN);
  g_assert_nonnull (strstr (error->message, "Anna Nowak"));
  g_clear_error (&error);

  /* After she leaves, he may be chair. */
  g_assert_true (wsp_membership_leave (f->store, chair, "2026-05-31", "rezygnacja", &error));
  g_assert_no_error (error);
  g_assert_true (wsp_membership_save_seat (f->store, second_chair, &error));
  g_assert_no_error (error);

  /* A person holds one seat of a term at a time. */
  twice = new_record ("seat", "body_id", council, "term_id", term, "person_id", wsp_record_get_id (piotr),
                      "side", "ngo", "role", "member", "joined_on", "2026-07-01", NULL);
  g_assert_false (wsp_membership_save_seat (f->store, twice, &error));
  g_assert_error (error, WSP_MEMBERSHIP_ERROR, WSP_MEMBERSHIP_ERROR_TAKEN);
  g_clear_error (&error);

  /* Within the term, on a side, with a person. */
  early = new_record ("seat", "body_id", council, "term_id", term, "person_id", wsp_record_get_id (anna),
                      "side", "mayor", "role", "member", "joined_on", "2025-12-01", NULL);
  g_assert_false (wsp_membership_save_seat (f->store, early, &error));
  g_assert_error (error, WSP_MEMBERSHIP_ERROR, WSP_MEMBERSHIP_ERROR_INVALID_DATE);
  g_clear_error (&error);
  sideless = new_record ("seat", "body_id", council, "term_id", term, "person_id", wsp_record_get_id (anna),
                         "role", "member", "joined_on", "2026-08-01", NULL);
  g_assert_false (wsp_membership_save_seat (f->store, sideless, &error));
  g_assert_error (error, WSP_MEMBERSHIP_ERROR, WSP_MEMBERSHIP_ERROR_INVALID);
  g_clear_error (&error);
  nobody = new_record ("seat", "body_id", council, "term_id", term, "side", "ngo", "role", "member", NULL);
  g_assert_false (wsp_membership_save_seat (f->store, nobody, &error));
  g_assert_error (error, WSP_MEMBERSHIP_ERROR, WSP_MEMBERSHIP_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpuint (wsp_store_count (f->store, TYPE ("seat")), ==, 3);
}

/* A seat left and not filled is a vacancy of its side, shown as a row; one
 * who joins later fills one vacancy, not two; the composition before saving
 * says what a change would do. */
static void
test_vacancies_and_preview (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_auto (SmallCouncil) c = { 0 };
  g_autoptr (WspRecord) a = save_new (f, "person", "name", "Anna Nowak", NULL);
  g_autoptr (WspRecord) b = save_new (f, "person", "name", "Beata Lis", NULL);
  g_autoptr (WspRecord) d = save_new (f, "person", "name", "Dariusz Sowa", NULL);
  g_autoptr (WspRecord) sa = NULL;
  g_autoptr (WspRecord) sb = NULL;
  g_autoptr (WspRecord) sd = NULL;
  g_autoptr (WspSeatList) vacant = NULL;
  g_autoptr (GPtrArray) all = NULL;
  WspComposition comp;
  const char *council, *term;

  small_council (f, &c);
  council = wsp_record_get_id (c.council);
  term = wsp_record_get_id (c.term);
  sa = save_new (f, "seat", "body_id", council, "term_id", term, "person_id", wsp_record_get_id (a),
                 "side", "mayor", "role", "member", "joined_on", "2026-01-01", NULL);
  sb = save_new (f, "seat", "body_id", council, "term_id", term, "person_id", wsp_record_get_id (b),
                 "side", "mayor", "role", "member", "joined_on", "2026-01-01", NULL);
  vacant = wsp_seat_list_new (f->store, WSP_SEATS_TERM_VACANT, term, "2026-12-01");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (vacant)), ==, 0);

  g_assert_true (wsp_membership_leave (f->store, sa, "2026-04-30", "rezygnacja", &error));
  g_assert_true (wsp_membership_leave (f->store, sb, "2026-05-31", "odwołanie", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (vacant)), ==, 2);
  {
    g_autoptr (WspSeatHolder) first = g_list_model_get_item (G_LIST_MODEL (vacant), 0);
    g_assert_cmpstr (wsp_record_get_string (wsp_seat_holder_get_seat (first), "side"), ==, "mayor");
  }

  /* Before saving: one member of the mayor's side joining fills one seat. */
  sd = new_record ("seat", "body_id", council, "term_id", term, "person_id", wsp_record_get_id (d),
                   "side", "mayor", "role", "member", "joined_on", "2026-06-01", NULL);
  g_assert_true (wsp_membership_composition_with (f->store, term, sd, "2026-12-01", &comp, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (comp.mayor, ==, 1);
  g_assert_cmpuint (comp.ngo, ==, 1);
  g_assert_cmpuint (comp.vacancies, ==, 1);
  g_assert_true (comp.ok);
  g_assert_cmpuint (wsp_store_count (f->store, TYPE ("seat")), ==, 3);

  /* Saved, the live list follows. */
  g_assert_true (wsp_membership_save_seat (f->store, sd, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (vacant)), ==, 1);
  all = wsp_membership_seats (f->store, term, TRUE, "2026-12-01", &error);
  g_assert_cmpuint (wsp_membership_vacancies (all, "2026-12-01"), ==, 1);

  /* Another on the mayor's side would outnumber the NGO side. */
  {
    g_autoptr (WspRecord) more = new_record ("seat", "body_id", council, "term_id", term, "person_id",
                                             wsp_record_get_id (a), "side", "mayor", "role", "member",
                                             "joined_on", "2026-07-01", NULL);

    g_assert_true (wsp_membership_composition_with (f->store, term, more, "2026-12-01", &comp, &error));
    g_assert_false (comp.ok);
    g_assert_cmpuint (comp.ngo_needed, ==, 1);
    g_assert_cmpuint (comp.vacancies, ==, 0);
  }
}

/* A term that has ended is seen as it was at its end: its members left on
 * its last day, which leaves no seat vacant. */
static void
test_past_term (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (WspRecord) council = body (f, "council");
  g_autoptr (GPtrArray) terms = wsp_membership_terms (f->store, wsp_record_get_id (council), NULL);
  WspRecord *past = g_ptr_array_index (terms, terms->len - 1);
  g_autoptr (WspSeatList) current = wsp_seat_list_new (f->store, WSP_SEATS_TERM_CURRENT, wsp_record_get_id (past), TODAY);
  g_autoptr (WspSeatList) vacant = wsp_seat_list_new (f->store, WSP_SEATS_TERM_VACANT, wsp_record_get_id (past), TODAY);
  g_autofree char *day = wsp_membership_day_of_term (past, TODAY);
  WspComposition c;

  g_assert_cmpstr (wsp_record_get_string (past, "ends_on"), ==, "2025-02-28");
  g_assert_cmpstr (day, ==, "2025-02-27");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (current)), ==, 6);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (vacant)), ==, 0);
  wsp_seat_list_get_composition (current, &c);
  g_assert_cmpuint (c.vacancies, ==, 0);
  g_assert_cmpuint (c.ngo, ==, 3);
  g_assert_true (wsp_membership_composition_with (f->store, wsp_record_get_id (past), NULL, TODAY, &c, NULL));
  g_assert_cmpuint (c.mayor + c.city_council, ==, 3);
}

static void
test_application_lifecycle (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WspRecord) forum = save_new (f, "body", "kind", "forum", "name", "Forum", NULL);
  g_autoptr (WspRecord) org = save_new (f, "organisation", "name", "Stowarzyszenie Testowe", NULL);
  g_autoptr (WspRecord) member = save_new (f, "organisation", "name", "Fundacja Członkowska", NULL);
  g_autoptr (WspRecord) seat = save_new (f, "seat", "body_id", wsp_record_get_id (forum), "organisation_id",
                                         wsp_record_get_id (member), "role", "member", "joined_on",
                                         "2020-01-01", NULL);
  g_autoptr (WspRecord) application = NULL;
  g_autoptr (WspRecord) refused = NULL;
  g_autoptr (GPtrArray) members = NULL;
  g_autofree char *seat_id = NULL;
  const char *forum_id = wsp_record_get_id (forum);

  /* A member does not apply; nor does one that waits for a decision. */
  refused = wsp_membership_add_application (f->store, forum_id, wsp_record_get_id (member), "2026-02-01",
                                            NULL, &error);
  g_assert_null (refused);
  g_assert_error (error, WSP_MEMBERSHIP_ERROR, WSP_MEMBERSHIP_ERROR_ALREADY_MEMBER);
  g_clear_error (&error);
  application = wsp_membership_add_application (f->store, forum_id, wsp_record_get_id (org), "2026-02-01",
                                                "Festyn sąsiedzki 2025", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (wsp_record_get_string (application, "decision"), ==, "pending");
  refused = wsp_membership_add_application (f->store, forum_id, wsp_record_get_id (org), "2026-02-03",
                                            NULL, &error);
  g_assert_null (refused);
  g_assert_error (error, WSP_MEMBERSHIP_ERROR, WSP_MEMBERSHIP_ERROR_ALREADY_MEMBER);
  g_clear_error (&error);

  /* Accepted: a seat; the undo takes it back, and the application waits again. */
  g_assert_true (wsp_membership_decide_application (f->store, application, "accepted", "2026-03-01", NULL,
                                                    &seat_id, &error));
  g_assert_no_error (error);
  g_assert_nonnull (seat_id);
  members = forum_members (f, FALSE, "2026-03-01");
  g_assert_cmpuint (members->len, ==, 2);
  g_clear_pointer (&members, g_ptr_array_unref);

  g_assert_true (wsp_membership_reopen_application (f->store, application, seat_id, &error));
  g_assert_no_error (error);
  members = forum_members (f, TRUE, "2026-03-01");
  g_assert_cmpuint (members->len, ==, 1);
  g_clear_pointer (&members, g_ptr_array_unref);
  {
    g_autoptr (WspRecord) stored = get (f, wsp_record_get_id (application));
    g_assert_cmpstr (wsp_record_get_string (stored, "decision"), ==, "pending");
    g_assert_null (wsp_record_get_string (stored, "decided_on"));
  }

  /* Rejected, with a reason; undone too. */
  g_assert_true (wsp_membership_decide_application (f->store, application, "rejected", "2026-03-02",
                                                    "Brak działalności w mieście", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (wsp_record_get_string (application, "decision_note"), ==, "Brak działalności w mieście");
  g_assert_true (wsp_membership_reopen_application (f->store, application, NULL, &error));
  g_assert_null (wsp_record_get_string (application, "decision_note"));

  /* An accepted one is not rejected afterwards: the member leaves instead. */
  g_assert_true (wsp_membership_accept_application (f->store, application, "2026-03-05", &error));
  g_assert_false (wsp_membership_decide_application (f->store, application, "rejected", "2026-03-06", NULL,
                                                     NULL, &error));
  g_assert_error (error, WSP_MEMBERSHIP_ERROR, WSP_MEMBERSHIP_ERROR_ALREADY_ACCEPTED);
  g_clear_error (&error);

  /* Nor is a member deleted before the membership ends. */
  g_assert_false (wsp_membership_can_delete (f->store, member, "2026-03-06", &error));
  g_assert_error (error, WSP_MEMBERSHIP_ERROR, WSP_MEMBERSHIP_ERROR_IN_OFFICE);
  g_assert_nonnull (strstr (error->message, "Fundacja Członkowska"));
  g_clear_error (&error);
  g_assert_true (wsp_membership_leave (f->store, seat, "2026-03-31", NULL, &error));
  g_assert_true (wsp_membership_can_delete (f->store, member, "2026-04-01", &error));
  g_assert_no_error (error);
}

static void
test_people_by_surname (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WspRecord) org = save_new (f, "organisation", "name", "Fundacja", NULL);
  const char *names[] = { "Zofia Adamczyk", "dr hab. Anna Kowalska-Nowak", "Łukasz Łabędź",
                          "Jan Zieliński", "Adam Nowak", "Ewa Żak", "Barbara Nowak" };
  /* Ł after L, Ż after Z, as Polish sorts them. */
  const char *order[] = { "Zofia Adamczyk", "dr hab. Anna Kowalska-Nowak", "Łukasz Łabędź", "Adam Nowak",
                          "Barbara Nowak", "Jan Zieliński", "Ewa Żak" };
  g_autoptr (GPtrArray) people = NULL;

  if (g_strcmp0 (setlocale (LC_COLLATE, "pl_PL.UTF-8"), NULL) == 0)
    {
      g_test_skip ("no Polish locale");
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr (WspRecord) person = new_record ("person", "name", names[i], NULL);
      const char *orgs[] = { wsp_record_get_id (org), NULL };

      wsp_record_set_list (person, "organisations", orgs);
      g_assert_true (wsp_store_save (f->store, person, &error));
    }
  people = wsp_membership_representatives (f->store, wsp_record_get_id (org), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, G_N_ELEMENTS (order));
  for (guint i = 0; i < people->len; i++)
    g_assert_cmpstr (wsp_record_get_string (g_ptr_array_index (people, i), "name"), ==, order[i]);
  setlocale (LC_COLLATE, "C.UTF-8");
}

static void
test_find_by_number (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WspRecord) org = save_new (f, "organisation", "name", "Fundacja", "krs", "0000123456", "nip",
                                        "5260250995", NULL);
  g_autoptr (WspRecord) by_krs = wsp_membership_find_organisation_by_number (f->store, "krs", "KRS 123456",
                                                                             NULL, &error);
  g_autoptr (WspRecord) by_nip = wsp_membership_find_organisation_by_number (f->store, "nip",
                                                                             "PL 526-025-09-95", NULL, &error);
  g_autoptr (WspRecord) itself = wsp_membership_find_organisation_by_number (f->store, "krs", "0000123456",
                                                                             wsp_record_get_id (org), &error);
  g_autoptr (WspRecord) none = wsp_membership_find_organisation_by_number (f->store, "krs", "", NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (by_krs);
  g_assert_cmpstr (wsp_record_get_id (by_krs), ==, wsp_record_get_id (org));
  g_assert_nonnull (by_nip);
  g_assert_null (itself);
  g_assert_null (none);
}

/* Labels that depend on who is named: the executive's side, a woman's role. */
static void
test_labels (void)
{
  g_assert_cmpstr (wsp_side_label ("mayor", NULL), ==, "Mayor’s side");
  g_assert_cmpstr (wsp_side_label ("mayor", "commune_head"), ==, "Commune head’s side");
  g_assert_cmpstr (wsp_side_label ("city_council", "district_head"), ==, "County council’s side");
  g_assert_cmpstr (wsp_side_label ("ngo", "marshal"), ==, "NGO side");
  g_assert_null (wsp_side_label ("nobody", NULL));
  g_assert_cmpstr (wsp_side_group_label ("city_council"), ==, "Local government side");
  g_assert_cmpstr (wsp_side_short_label ("mayor", "commune_head"), ==, "Commune head");
  g_assert_cmpstr (wsp_side_short_label ("city_council", "marshal"), ==, "Regional assembly");
  g_assert_cmpstr (wsp_side_short_label ("ngo", NULL), ==, "NGOs");
  g_assert_cmpstr (wsp_side_group_label ("ngo"), ==, "Non-governmental side");
  g_assert_cmpstr (wsp_role_label ("chair", "feminine"), ==, "Chair");
  g_assert_cmpstr (wsp_role_label ("chair", NULL), ==, "Chair");
  g_assert_null (wsp_role_label ("king", "feminine"));
  g_assert_nonnull (wsp_choice_find (wsp_grammatical_form_choices, "feminine"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define DEMO(path, fn) \
  g_test_add ("/membership/demo/" path, Fixture, NULL, demo_set_up, fn, tear_down)
#define SMALL(path, fn) \
  g_test_add ("/membership/small/" path, Fixture, NULL, empty_set_up, fn, tear_down)

  DEMO ("bodies", test_bodies);
  DEMO ("terms", test_terms);
  DEMO ("seats", test_seats);
  DEMO ("composition", test_composition_demo);
  DEMO ("absences", test_absences_demo);
  DEMO ("forum-members", test_forum_members);
  DEMO ("applications", test_applications);
  DEMO ("person-seats", test_person_seats);
  DEMO ("representatives", test_representatives);
  DEMO ("accept", test_accept_demo);
  DEMO ("leave", test_leave_demo);
  DEMO ("seat-lists-follow", test_seat_lists_follow);
  DEMO ("past-term", test_past_term);
  SMALL ("body-rules", test_body_rules);
  g_test_add_func ("/membership/small/composition-broken", test_composition_broken);
  SMALL ("absences-excused", test_absences_excused);
  SMALL ("absences-joined-late", test_absences_joined_late);
  SMALL ("accept-existing-member", test_accept_existing_member);
  SMALL ("accept-rolls-back", test_accept_rolls_back);
  SMALL ("accept-wrong-record", test_accept_wrong_record);
  SMALL ("save-term", test_save_term);
  SMALL ("save-seat", test_save_seat);
  SMALL ("vacancies-and-preview", test_vacancies_and_preview);
  SMALL ("application-lifecycle", test_application_lifecycle);
  SMALL ("people-by-surname", test_people_by_surname);
  SMALL ("find-by-number", test_find_by_number);
  g_test_add_func ("/membership/labels", test_labels);

  return g_test_run ();
}
