/* test-demo.c — the demo data: complete, consistent, and loaded only once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "wsp-test-util.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "demo/wsp-demo.h"
#include "domain/wsp-draft-detail.h"
#include "records/wsp-entities.h"
#include "base/wsp-identifiers.h"
#include "rules/wsp-rules.h"
#include "store/wsp-store.h"

/* wsp-attendance.h is not included: its class name is also an enum of
 * wsp-rules.h. Types are looked up by entity name instead. */
#define TYPE(name) (wsp_entities_lookup (name))

typedef struct
{
  char     *dir;
  WspStore *store;
} Fixture;

static WspStore *
open_store (const char *dir,
            const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  WspStore *store = wsp_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  f->dir = g_dir_make_tmp ("wsp-demo-XXXXXX", &error);
  g_assert_no_error (error);
  f->store = open_store (f->dir, "demo.sqlite3");
  g_assert_true (wsp_demo_fill (f->store, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  wsp_test_remove_tree (f->dir);
  g_free (f->dir);
}

/* The live records of @entity whose @field is @value (all when @field is NULL). */
static GPtrArray *
query (WspStore   *store,
       const char *entity,
       const char *field,
       const char *value)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *records = g_ptr_array_new_with_free_func (g_object_unref);

  g_assert_true (wsp_store_query (store, TYPE (entity), field, value, records, &error));
  g_assert_no_error (error);
  return records;
}

static WspRecord *
get (WspStore   *store,
     const char *id)
{
  g_autoptr (GError) error = NULL;
  WspRecord *record = wsp_store_get (store, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (record);
  return record;
}

static gboolean
is_entity (WspRecord  *record,
           const char *entity)
{
  return g_str_equal (wsp_record_get_entity (record)->name, entity);
}

static const char *
body_id (WspStore   *store,
         const char *kind)
{
  g_autoptr (GPtrArray) bodies = query (store, "body", "kind", kind);

  g_assert_cmpuint (bodies->len, ==, 1);
  /* The store keeps the record alive; the id is interned for the test. */
  return g_intern_string (wsp_record_get_id (g_ptr_array_index (bodies, 0)));
}

/* The first ten characters of a date and time: its day as written, in
 * the time zone it was recorded in. */
static char *
day_of (WspRecord  *record,
        const char *field)
{
  const char *text = wsp_record_get_string (record, field);

  g_assert_nonnull (text);
  return g_strndup (text, 10);
}

static gboolean
seat_held_on (WspRecord  *seat,
              const char *day)
{
  const char *joined = wsp_record_get_string (seat, "joined_on");
  const char *left = wsp_record_get_string (seat, "left_on");

  return joined != NULL && strcmp (joined, day) <= 0 && (left == NULL || strcmp (day, left) <= 0);
}

static guint
count_entity (WspStore   *store,
              const char *entity)
{
  return wsp_store_count (store, TYPE (entity));
}

/* ---- tests -------------------------------------------------------------- */

static void
test_counts (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr (GPtrArray) forum_seats = query (f->store, "seat", "body_id", body_id (f->store, "forum"));
  g_autoptr (GPtrArray) council_meetings = query (f->store, "meeting", "body_id",
                                                  body_id (f->store, "council"));
  g_autoptr (GPtrArray) forum_meetings = query (f->store, "meeting", "body_id",
                                                body_id (f->store, "forum"));
  g_autoptr (GPtrArray) applications = query (f->store, "membership_application", NULL, NULL);
  guint planned = 0;
  gboolean decisions[3] = { FALSE };

  g_assert_cmpuint (count_entity (f->store, "organisation"), ==, 33);
  g_assert_cmpuint (count_entity (f->store, "body"), ==, 2);
  g_assert_cmpuint (count_entity (f->store, "person"), ==, 40);
  g_assert_cmpuint (count_entity (f->store, "term"), ==, 2);
  g_assert_cmpuint (count_entity (f->store, "meeting"), ==, 13);
  g_assert_cmpuint (count_entity (f->store, "draft"), ==, 2);
  g_assert_cmpuint (count_entity (f->store, "draft_version"), ==, 3);
  g_assert_cmpuint (count_entity (f->store, "comment"), ==, 11);
  g_assert_cmpuint (count_entity (f->store, "comment_decision"), ==, 11);
  g_assert_cmpuint (count_entity (f->store, "opinion"), ==, 1);
  g_assert_cmpuint (count_entity (f->store, "ballot"), ==, 10);
  g_assert_cmpuint (count_entity (f->store, "election"), ==, 1);
  g_assert_cmpuint (count_entity (f->store, "agenda_item"), >=, 50);
  g_assert_cmpuint (count_entity (f->store, "attendance"), >=, 150);
  g_assert_cmpuint (count_entity (f->store, "vote"), >=, 60);

  /* Thirty member organisations, each once, none of them left. */
  g_assert_cmpuint (forum_seats->len, ==, 30);
  for (guint i = 0; i < forum_seats->len; i++)
    {
      WspRecord *seat = g_ptr_array_index (forum_seats, i);

      g_assert_nonnull (wsp_record_get_string (seat, "organisation_id"));
      g_assert_null (wsp_record_get_string (seat, "side"));
      g_assert_cmpstr (wsp_record_get_string (seat, "role"), ==, "member");
      g_assert_nonnull (wsp_record_get_string (seat, "joined_on"));
      g_assert_null (wsp_record_get_string (seat, "left_on"));
    }

  g_assert_cmpuint (council_meetings->len, ==, 9);
  g_assert_cmpuint (forum_meetings->len, ==, 4);
  for (guint i = 0; i < council_meetings->len; i++)
    {
      WspRecord *meeting = g_ptr_array_index (council_meetings, i);
      g_autofree char *day = day_of (meeting, "starts_at");

      if (g_strcmp0 (wsp_record_get_string (meeting, "status"), "planned") == 0)
        {
          planned++;
          g_assert_cmpstr (day, >, WSP_DEMO_REFERENCE_DATE);
          g_assert_true (g_str_has_prefix (day, "2026-12"));
        }
      else
        {
          g_assert_cmpstr (day, <, WSP_DEMO_REFERENCE_DATE);
        }
    }
  g_assert_cmpuint (planned, ==, 1);

  g_assert_cmpuint (applications->len, ==, 3);
  for (guint i = 0; i < applications->len; i++)
    {
      const char *decision = wsp_record_get_string (g_ptr_array_index (applications, i), "decision");

      if (g_strcmp0 (decision, "pending") == 0)
        decisions[0] = TRUE;
      else if (g_strcmp0 (decision, "accepted") == 0)
        decisions[1] = TRUE;
      else if (g_strcmp0 (decision, "rejected") == 0)
        decisions[2] = TRUE;
    }
  g_assert_true (decisions[0] && decisions[1] && decisions[2]);
}

/* Every reference of every record points to a live record, of the right
 * kind where the field says which. */
static void
test_references (Fixture       *f,
                 gconstpointer  data)
{
  static const struct
  {
    const char *entity;
    const char *field;
    const char *target;
  } kinds[] = {
    { "vote", "ballot_id", "ballot" },
    { "vote", "seat_id", "seat" },
    { "agenda_item", "meeting_id", "meeting" },
    { "agenda_item", "draft_id", "draft" },
    { "attendance", "meeting_id", "meeting" },
    { "attendance", "seat_id", "seat" },
    { "ballot", "agenda_item_id", "agenda_item" },
    { "ballot", "body_id", "body" },
    { "seat", "term_id", "term" },
    { "seat", "person_id", "person" },
    { "seat", "organisation_id", "organisation" },
    { "comment", "version_id", "draft_version" },
    { "comment", "author_id", "person" },
    { "opinion", "draft_id", "draft" },
    { "opinion", "meeting_id", "meeting" },
    { "opinion", "ballot_id", "ballot" },
    { "election", "agenda_item_id", "agenda_item" },
    { "membership_application", "organisation_id", "organisation" },
  };
  guint n_types = 0;
  const GType *types = wsp_entities_get_types (&n_types);
  guint checked = 0;

  for (guint t = 0; t < n_types; t++)
    {
      g_autoptr (GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr (GError) error = NULL;

      g_assert_true (wsp_store_query (f->store, types[t], NULL, NULL, records, &error));
      g_assert_no_error (error);
      for (guint i = 0; i < records->len; i++)
        {
          WspRecord *record = g_ptr_array_index (records, i);
          const WspEntity *entity = wsp_record_get_entity (record);

          for (guint j = 0; j < entity->n_fields; j++)
            {
              const WspField *field = &entity->fields[j];
              const char *id = wsp_record_get_string (record, field->name);
              g_autoptr (WspRecord) target = NULL;

              if (field->type != WSP_FIELD_REF || id == NULL)
                continue;
              target = get (f->store, id);
              checked++;
              for (gsize k = 0; k < G_N_ELEMENTS (kinds); k++)
                if (g_str_equal (kinds[k].entity, entity->name)
                    && g_str_equal (kinds[k].field, field->name))
                  g_assert_true (is_entity (target, kinds[k].target));
            }
        }
    }
  g_assert_cmpuint (checked, >, 500);

  /* People point to the organisations they represent. */
  {
    g_autoptr (GPtrArray) people = query (f->store, "person", NULL, NULL);
    guint linked = 0;

    for (guint i = 0; i < people->len; i++)
      {
        g_auto (GStrv) orgs = wsp_record_dup_list (g_ptr_array_index (people, i), "organisations");

        for (guint j = 0; orgs[j] != NULL; j++)
          {
            g_autoptr (WspRecord) org = get (f->store, orgs[j]);
            g_assert_true (is_entity (org, "organisation"));
          }
        if (orgs[0] != NULL)
          linked++;
      }
    g_assert_cmpuint (linked, >=, 30);
  }
}

static void
test_identifiers (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr (GPtrArray) orgs = query (f->store, "organisation", NULL, NULL);
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint with_krs = 0;

  for (guint i = 0; i < orgs->len; i++)
    {
      WspRecord *org = g_ptr_array_index (orgs, i);
      const char *krs = wsp_record_get_string (org, "krs");
      const char *nip = wsp_record_get_string (org, "nip");
      const char *regon = wsp_record_get_string (org, "regon");
      const char *email = wsp_record_get_string (org, "email");

      if (krs != NULL)
        {
          g_assert_true (wsp_krs_is_valid (krs, NULL));
          g_assert_cmpuint (strlen (krs), ==, 10);
          g_assert_true (g_hash_table_add (seen, (gpointer) krs));
          with_krs++;
        }
      if (nip != NULL)
        {
          g_assert_true (wsp_nip_is_valid (nip, NULL));
          g_assert_true (g_hash_table_add (seen, (gpointer) nip));
        }
      if (regon != NULL)
        {
          g_assert_true (wsp_regon_is_valid (regon, NULL));
          g_assert_true (g_hash_table_add (seen, (gpointer) regon));
        }
      /* Only the reserved .example domain. */
      g_assert_nonnull (email);
      g_assert_true (g_str_has_suffix (email, ".example"));
      g_assert_true (g_str_has_suffix (wsp_record_get_string (org, "website"), ".example"));
    }
  g_assert_cmpuint (with_krs, >=, 28);
}

static void
test_council (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr (GPtrArray) terms = query (f->store, "term", NULL, NULL);
  g_autoptr (GPtrArray) seats = NULL;
  const char *current = NULL;
  guint sides[3] = { 0 };
  guint left_early = 0;
  guint roles = 0;

  for (guint i = 0; i < terms->len; i++)
    {
      WspRecord *term = g_ptr_array_index (terms, i);

      g_assert_cmpstr (wsp_record_get_string (term, "body_id"), ==, body_id (f->store, "council"));
      if (strcmp (wsp_record_get_string (term, "starts_on"), WSP_DEMO_REFERENCE_DATE) <= 0
          && strcmp (WSP_DEMO_REFERENCE_DATE, wsp_record_get_string (term, "ends_on")) <= 0)
        {
          g_assert_null (current);
          current = g_intern_string (wsp_record_get_id (term));
        }
    }
  g_assert_nonnull (current);

  seats = query (f->store, "seat", "term_id", current);
  for (guint i = 0; i < seats->len; i++)
    {
      WspRecord *seat = g_ptr_array_index (seats, i);
      const char *side = wsp_record_get_string (seat, "side");
      const char *role = wsp_record_get_string (seat, "role");

      g_assert_nonnull (wsp_record_get_string (seat, "person_id"));
      if (wsp_record_get_string (seat, "left_on") != NULL)
        {
          g_assert_nonnull (wsp_record_get_string (seat, "left_reason"));
          left_early++;
          continue;
        }
      if (g_str_equal (side, "mayor"))
        sides[WSP_SIDE_MAYOR]++;
      else if (g_str_equal (side, "city_council"))
        sides[WSP_SIDE_CITY_COUNCIL]++;
      else if (g_str_equal (side, "ngo"))
        sides[WSP_SIDE_NGO]++;
      else
        g_assert_not_reached ();
      if (g_str_equal (role, "chair") || g_str_equal (role, "vice_chair")
          || g_str_equal (role, "secretary"))
        roles++;
    }
  g_assert_cmpuint (left_early, ==, 2);
  g_assert_cmpuint (roles, ==, 3);
  g_assert_cmpuint (sides[WSP_SIDE_MAYOR], ==, 3);
  g_assert_cmpuint (sides[WSP_SIDE_CITY_COUNCIL], ==, 1); /* one seat left vacant */
  g_assert_cmpuint (sides[WSP_SIDE_NGO], ==, 5);
  g_assert_true (wsp_composition_ok (sides[WSP_SIDE_MAYOR], sides[WSP_SIDE_CITY_COUNCIL],
                                     sides[WSP_SIDE_NGO]));
}

static WspPresence
attendance_of (const char *status)
{
  if (g_strcmp0 (status, "present") == 0)
    return WSP_PRESENCE_PRESENT;
  if (g_strcmp0 (status, "excused") == 0)
    return WSP_PRESENCE_EXCUSED;
  g_assert_cmpstr (status, ==, "absent");
  return WSP_PRESENCE_ABSENT;
}

static int
compare_by_start (gconstpointer a,
                  gconstpointer b)
{
  WspRecord *ma = *(WspRecord **) a;
  WspRecord *mb = *(WspRecord **) b;

  return g_strcmp0 (wsp_record_get_string (ma, "starts_at"), wsp_record_get_string (mb, "starts_at"));
}

/* Every Council member in office has an attendance entry for every held
 * meeting; only one has missed the last three without an excuse. */
static void
test_absences (Fixture       *f,
               gconstpointer  data)
{
  const char *council = body_id (f->store, "council");
  g_autoptr (GPtrArray) meetings = query (f->store, "meeting", "body_id", council);
  g_autoptr (GPtrArray) seats = query (f->store, "seat", "body_id", council);
  WspBodyRules rules;
  guint flagged = 0;
  const char *flagged_person = NULL;

  wsp_body_rules_init_default (&rules);
  g_ptr_array_sort (meetings, compare_by_start);

  for (guint s = 0; s < seats->len; s++)
    {
      WspRecord *seat = g_ptr_array_index (seats, s);
      g_autoptr (GArray) history = g_array_new (FALSE, FALSE, sizeof (WspPresence));
      g_autoptr (GPtrArray) entries = query (f->store, "attendance", "seat_id",
                                             wsp_record_get_id (seat));

      for (guint m = 0; m < meetings->len; m++)
        {
          WspRecord *meeting = g_ptr_array_index (meetings, m);
          g_autofree char *day = day_of (meeting, "starts_at");
          const char *status = NULL;
          WspPresence value;

          for (guint e = 0; e < entries->len; e++)
            if (g_str_equal (wsp_record_get_string (g_ptr_array_index (entries, e), "meeting_id"),
                             wsp_record_get_id (meeting)))
              {
                g_assert_null (status);
                status = wsp_record_get_string (g_ptr_array_index (entries, e), "status");
              }

          if (g_strcmp0 (wsp_record_get_string (meeting, "status"), "planned") == 0
              || !seat_held_on (seat, day))
            {
              g_assert_null (status);
              continue;
            }
          g_assert_nonnull (status);
          value = attendance_of (status);
          g_array_append_val (history, value);
        }

      if (wsp_record_get_string (seat, "left_on") != NULL)
        continue;
      if (wsp_absences_flagged (&rules, (WspPresence *) history->data, history->len))
        {
          flagged++;
          flagged_person = g_intern_string (wsp_record_get_string (seat, "person_id"));
          g_assert_cmpuint (wsp_absences_current_run ((WspPresence *) history->data,
                                                      history->len), ==, 3);
        }
    }
  g_assert_cmpuint (flagged, ==, 1);

  {
    g_autoptr (WspRecord) person = get (f->store, flagged_person);
    g_assert_cmpstr (wsp_record_get_string (person, "name"), ==, "Marek Kamiński");
  }
}

static WspVoteChoice
choice_of (const char *choice)
{
  if (g_strcmp0 (choice, "for") == 0)
    return WSP_VOTE_FOR;
  if (g_strcmp0 (choice, "against") == 0)
    return WSP_VOTE_AGAINST;
  if (g_strcmp0 (choice, "abstain") == 0)
    return WSP_VOTE_ABSTAIN;
  return WSP_VOTE_NONE;
}

/* The Council's votes add up: quorum at each, all passed, one by the
 * chair's casting vote; one secret ballot, one by circulation, one
 * recusal. */
static void
test_ballots (Fixture       *f,
              gconstpointer  data)
{
  const char *council = body_id (f->store, "council");
  g_autoptr (GPtrArray) ballots = query (f->store, "ballot", "body_id", council);
  g_autoptr (GPtrArray) seats = query (f->store, "seat", "body_id", council);
  WspBodyRules rules;
  guint secret = 0, circulation = 0, casting = 0, recusals = 0;

  wsp_body_rules_init_default (&rules);
  g_assert_cmpuint (ballots->len, ==, 9);

  for (guint b = 0; b < ballots->len; b++)
    {
      WspRecord *ballot = g_ptr_array_index (ballots, b);
      g_autoptr (GPtrArray) votes = query (f->store, "vote", "ballot_id", wsp_record_get_id (ballot));
      g_autofree char *day = day_of (ballot, "opened_at");
      const char *item_id = wsp_record_get_string (ballot, "agenda_item_id");
      WspTally tally = { 0 };
      WspVerdict verdict;

      g_assert_cmpstr (wsp_record_get_string (ballot, "majority"), ==, "simple");
      for (guint s = 0; s < seats->len; s++)
        if (seat_held_on (g_ptr_array_index (seats, s), day))
          tally.members++;

      if (wsp_record_get_bool (ballot, "by_circulation"))
        {
          circulation++;
          g_assert_null (item_id);
          g_assert_nonnull (wsp_record_get_string (ballot, "deadline"));
          g_assert_cmpstr (wsp_record_get_string (ballot, "closed_at"), ==,
                           wsp_record_get_string (ballot, "deadline"));
          tally.present = votes->len;
        }
      else
        {
          g_autoptr (WspRecord) item = get (f->store, item_id);
          g_autoptr (GPtrArray) present = query (f->store, "attendance", "meeting_id",
                                                 wsp_record_get_string (item, "meeting_id"));

          for (guint i = 0; i < present->len; i++)
            if (g_str_equal (wsp_record_get_string (g_ptr_array_index (present, i), "status"),
                             "present"))
              tally.present++;
        }

      if (g_str_equal (wsp_record_get_string (ballot, "mode"), "secret"))
        {
          secret++;
          g_assert_cmpuint (votes->len, ==, 0);
          tally.yes = wsp_record_get_int (ballot, "secret_for");
          tally.no = wsp_record_get_int (ballot, "secret_against");
          tally.abstain = wsp_record_get_int (ballot, "secret_abstain");
          g_assert_cmpuint (tally.yes + tally.no + tally.abstain, <=, tally.present);
          tally.chair_vote = WSP_VOTE_NONE;
        }
      else
        {
          g_assert_cmpuint (votes->len, >, 0);
          for (guint v = 0; v < votes->len; v++)
            {
              WspRecord *vote = g_ptr_array_index (votes, v);
              g_autoptr (WspRecord) seat = get (f->store, wsp_record_get_string (vote, "seat_id"));
              WspVoteChoice choice = choice_of (wsp_record_get_string (vote, "choice"));

              g_assert_cmpstr (wsp_record_get_string (seat, "body_id"), ==, council);
              g_assert_true (seat_held_on (seat, day));
              if (wsp_record_get_bool (vote, "recused"))
                {
                  g_assert_cmpint (choice, ==, WSP_VOTE_NONE);
                  tally.recused++;
                  recusals++;
                  continue;
                }
              g_assert_cmpint (choice, !=, WSP_VOTE_NONE);
              tally.yes += choice == WSP_VOTE_FOR;
              tally.no += choice == WSP_VOTE_AGAINST;
              tally.abstain += choice == WSP_VOTE_ABSTAIN;
              if (g_strcmp0 (wsp_record_get_string (seat, "role"), "chair") == 0)
                tally.chair_vote = choice;
            }
          /* At a meeting, every member present voted. */
          if (!wsp_record_get_bool (ballot, "by_circulation"))
            g_assert_cmpuint (votes->len, ==, tally.present);
        }

      g_assert_true (wsp_quorum_reached (&rules, tally.members, tally.present, tally.recused));
      verdict = wsp_verdict (&rules, WSP_MAJORITY_SIMPLE, &tally);
      g_assert_true (wsp_verdict_is_passed (verdict));
      if (verdict == WSP_VERDICT_PASSED_BY_CASTING_VOTE)
        casting++;
    }

  g_assert_cmpuint (secret, ==, 1);
  g_assert_cmpuint (circulation, ==, 1);
  g_assert_cmpuint (casting, ==, 1);
  g_assert_cmpuint (recusals, ==, 1);
}

static const char *
unit_text (JsonNode   *units,
           const char *key)
{
  JsonArray *array;

  g_assert_nonnull (units);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (units));
  array = json_node_get_array (units);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *unit = json_array_get_object_element (array, i);

      if (g_str_equal (json_object_get_string_member (unit, "key"), key))
        return json_object_get_string_member (unit, "text");
    }
  return NULL;
}

static char *
expected_deadline (const char   *received_on,
                   WspDraftKind  kind)
{
  g_autoptr (GDateTime) delivered = NULL;
  g_autoptr (GDateTime) deadline = NULL;
  WspBodyRules rules;
  int y, m, d;

  wsp_body_rules_init_default (&rules);
  g_assert_cmpint (sscanf (received_on, "%d-%d-%d", &y, &m, &d), ==, 3);
  delivered = g_date_time_new_local (y, m, d, 12, 0, 0);
  deadline = wsp_opinion_deadline (&rules, kind, delivered, 0);
  return g_date_time_format (deadline, "%Y-%m-%d");
}

static void
test_drafts (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr (GPtrArray) programmes = query (f->store, "draft", "kind", "cooperation_programme");
  g_autoptr (GPtrArray) others = query (f->store, "draft", "kind", "other");
  WspRecord *programme, *other;
  g_autoptr (GPtrArray) versions = NULL;
  g_autoptr (GPtrArray) comments = NULL;
  g_autoptr (GPtrArray) opinions = NULL;
  g_autoptr (GPtrArray) other_opinions = NULL;
  g_autofree char *deadline = NULL;
  g_autofree char *other_deadline = NULL;
  WspRecord *version, *opinion;
  guint decided[3] = { 0 };

  g_assert_cmpuint (programmes->len, ==, 1);
  programme = g_ptr_array_index (programmes, 0);
  g_assert_cmpstr (wsp_record_get_string (programme, "received_on"), ==, "2026-10-20");
  g_assert_cmpstr (wsp_record_get_string (programme, "status"), ==, "opinion_adopted");
  deadline = expected_deadline ("2026-10-20", WSP_DRAFT_KIND_COOPERATION_PROGRAMME);
  g_assert_cmpstr (wsp_record_get_string (programme, "deadline"), ==, deadline);

  versions = query (f->store, "draft_version", "draft_id", wsp_record_get_id (programme));
  g_assert_cmpuint (versions->len, ==, 2);
  version = g_ptr_array_index (versions, 0);
  if (wsp_record_get_int (version, "number") != 1)
    version = g_ptr_array_index (versions, 1);
  g_assert_nonnull (strstr (wsp_record_get_string (version, "text"), "§ 1. 1. Program"));
  g_assert_nonnull (strstr (wsp_record_get_string (version, "text"), "§ 6."));
  /* Its units are the splitter's, keyed as they are cited. */
  g_assert_nonnull (unit_text (wsp_record_get_value (version, "units"), "§ 2 ust. 2 pkt 1"));

  /* Each comment is anchored to a unit of the first version and quotes it. */
  comments = query (f->store, "comment", "version_id", wsp_record_get_id (version));
  g_assert_cmpuint (comments->len, >=, 10);
  for (guint i = 0; i < comments->len; i++)
    {
      WspRecord *comment = g_ptr_array_index (comments, i);
      const char *unit = unit_text (wsp_record_get_value (version, "units"),
                                    wsp_record_get_string (comment, "unit_key"));

      g_assert_nonnull (unit);
      g_assert_cmpstr (wsp_record_get_string (comment, "current_wording"), ==, unit);
      g_assert_nonnull (wsp_record_get_string (comment, "proposed_wording"));
      g_assert_nonnull (wsp_record_get_string (comment, "justification"));
      g_assert_nonnull (wsp_record_get_string (comment, "author_name"));
      g_assert_nonnull (wsp_record_get_string (comment, "submitted_on"));
    }

  /* The Council decided each at meeting r8; the second version took two
   * accepted comments in, so their units' words changed since. */
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (WspDraftDetail) detail = wsp_draft_detail_load (f->store, wsp_record_get_id (programme), NULL, &error);
    GPtrArray *entries;
    guint changed = 0;

    g_assert_no_error (error);
    entries = wsp_draft_detail_get_comments (detail);
    g_assert_cmpuint (entries->len, ==, comments->len);
    for (guint i = 0; i < entries->len; i++)
      {
        const WspCommentInfo *info = wsp_comment_entry_get_info (g_ptr_array_index (entries, i));

        g_assert_nonnull (info->decision_record);
        g_assert_nonnull (info->reason);
        g_assert_nonnull (info->unit_key);
        changed += info->text_changed;
        if (info->decision == WSP_COMMENT_ACCEPTED)
          decided[0]++;
        else if (info->decision == WSP_COMMENT_PARTLY_ACCEPTED)
          decided[1]++;
        else if (info->decision == WSP_COMMENT_REJECTED)
          decided[2]++;
        else
          g_assert_not_reached ();
      }
    g_assert_cmpuint (changed, ==, 2);
  }
  g_assert_true (decided[0] > 0 && decided[1] > 0 && decided[2] > 0);

  /* The opinion: adopted in time, at the meeting whose vote it cites. */
  opinions = query (f->store, "opinion", "draft_id", wsp_record_get_id (programme));
  g_assert_cmpuint (opinions->len, ==, 1);
  opinion = g_ptr_array_index (opinions, 0);
  g_assert_cmpstr (wsp_record_get_string (opinion, "verdict"), ==, "positive_with_remarks");
  g_assert_cmpstr (wsp_record_get_string (opinion, "number"), ==, "5/2026");
  g_assert_cmpstr (wsp_record_get_string (opinion, "body_id"), ==, body_id (f->store, "council"));
  g_assert_cmpstr (wsp_record_get_string (opinion, "adopted_on"), <=, deadline);
  {
    g_autoptr (WspRecord) meeting = get (f->store, wsp_record_get_string (opinion, "meeting_id"));
    g_autoptr (WspRecord) ballot = get (f->store, wsp_record_get_string (opinion, "ballot_id"));
    g_autoptr (WspRecord) item = get (f->store, wsp_record_get_string (ballot, "agenda_item_id"));
    g_autofree char *day = day_of (meeting, "starts_at");

    g_assert_cmpstr (day, ==, wsp_record_get_string (opinion, "adopted_on"));
    g_assert_cmpstr (wsp_record_get_string (item, "meeting_id"), ==, wsp_record_get_id (meeting));
    g_assert_cmpstr (wsp_record_get_string (item, "draft_id"), ==, wsp_record_get_id (programme));
  }

  /* The other draft waits for its opinion, still in time. */
  g_assert_cmpuint (others->len, ==, 1);
  other = g_ptr_array_index (others, 0);
  g_assert_cmpstr (wsp_record_get_string (other, "status"), ==, "received");
  other_deadline = expected_deadline (wsp_record_get_string (other, "received_on"),
                                      WSP_DRAFT_KIND_OTHER);
  g_assert_cmpstr (wsp_record_get_string (other, "deadline"), ==, other_deadline);
  g_assert_cmpstr (other_deadline, >, WSP_DEMO_REFERENCE_DATE);
  other_opinions = query (f->store, "opinion", "draft_id", wsp_record_get_id (other));
  g_assert_cmpuint (other_opinions->len, ==, 0);
}

static void
test_election (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr (GPtrArray) elections = query (f->store, "election", NULL, NULL);
  WspRecord *election;
  g_autoptr (WspRecord) item = NULL;
  g_autoptr (GPtrArray) attendance = NULL;
  g_auto (GStrv) elected = NULL;
  JsonNode *candidates;
  JsonArray *array;
  gint64 total = 0;
  guint present = 0;

  g_assert_cmpuint (elections->len, ==, 1);
  election = g_ptr_array_index (elections, 0);
  g_assert_cmpstr (wsp_record_get_string (election, "body_id"), ==, body_id (f->store, "forum"));
  g_assert_cmpint (wsp_record_get_int (election, "seats"), ==, 2);

  item = get (f->store, wsp_record_get_string (election, "agenda_item_id"));
  g_assert_cmpstr (wsp_record_get_string (item, "kind"), ==, "election");
  attendance = query (f->store, "attendance", "meeting_id", wsp_record_get_string (item, "meeting_id"));
  for (guint i = 0; i < attendance->len; i++)
    if (g_str_equal (wsp_record_get_string (g_ptr_array_index (attendance, i), "status"), "present"))
      present++;
  g_assert_cmpuint (present, >, 0);

  candidates = wsp_record_get_value (election, "candidates");
  g_assert_true (JSON_NODE_HOLDS_ARRAY (candidates));
  array = json_node_get_array (candidates);
  g_assert_cmpuint (json_array_get_length (array), >, 2);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *candidate = json_array_get_object_element (array, i);
      g_autoptr (WspRecord) person = get (f->store,
                                          json_object_get_string_member (candidate, "person_id"));

      g_assert_cmpstr (wsp_record_get_string (person, "name"), ==,
                       json_object_get_string_member (candidate, "name"));
      total += json_object_get_int_member (candidate, "votes");
    }
  /* Each organisation present voted for at most two candidates. */
  g_assert_cmpint (total, <=, 2 * (gint64) present);

  elected = wsp_record_dup_list (election, "elected");
  g_assert_cmpuint (g_strv_length (elected), ==, 2);
  for (guint i = 0; elected[i] != NULL; i++)
    {
      JsonObject *candidate = json_array_get_object_element (array, i);
      g_assert_cmpstr (elected[i], ==, json_object_get_string_member (candidate, "person_id"));
    }
}

#define DATETIME_PATTERN "^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[+-]\\d\\d:\\d\\d$"

/* Every date and time carries its offset in full and reads back. */
static void
test_datetimes (Fixture       *f,
                gconstpointer  data)
{
  guint n_types = 0;
  const GType *types = wsp_entities_get_types (&n_types);
  guint checked = 0;

  for (guint t = 0; t < n_types; t++)
    {
      g_autoptr (GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);

      g_assert_true (wsp_store_query (f->store, types[t], NULL, NULL, records, NULL));
      for (guint i = 0; i < records->len; i++)
        {
          WspRecord *record = g_ptr_array_index (records, i);
          const WspEntity *entity = wsp_record_get_entity (record);

          for (guint j = 0; j < entity->n_fields; j++)
            {
              const char *text = wsp_record_get_string (record, entity->fields[j].name);
              g_autoptr (GDateTime) time = NULL;

              if (entity->fields[j].type != WSP_FIELD_DATETIME || text == NULL)
                continue;
              g_assert_true (g_regex_match_simple (DATETIME_PATTERN, text, 0, 0));
              time = g_date_time_new_from_iso8601 (text, NULL);
              g_assert_nonnull (time);
              checked++;
            }
        }
    }
  g_assert_cmpuint (checked, >, 200);
}

/* A second fill is refused and changes nothing. */
static void
test_refill_refused (Fixture       *f,
                     gconstpointer  data)
{
  guint n_types = 0;
  const GType *types = wsp_entities_get_types (&n_types);
  g_autofree guint *before = g_new0 (guint, n_types);
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < n_types; i++)
    before[i] = wsp_store_count (f->store, types[i]);

  g_assert_false (wsp_demo_fill (f->store, &error));
  g_assert_error (error, WSP_DEMO_ERROR, WSP_DEMO_ERROR_NOT_EMPTY);
  g_assert_nonnull (error->message);

  for (guint i = 0; i < n_types; i++)
    g_assert_cmpuint (wsp_store_count (f->store, types[i]), ==, before[i]);

  /* The store still takes writes: the transaction was closed. */
  g_clear_error (&error);
  g_assert_true (wsp_store_begin (f->store, &error));
  g_assert_no_error (error);
  g_assert_true (wsp_store_commit (f->store, &error));
  g_assert_no_error (error);
}

static gboolean
search_finds_organisation (WspStore   *store,
                           const char *text,
                           const char *name_part)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) results = wsp_store_search (store, text, 50, &error);

  g_assert_no_error (error);
  g_assert_nonnull (results);
  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr (WspRecord) record = g_list_model_get_item (results, i);

      if (is_entity (record, "organisation")
          && strstr (wsp_record_get_string (record, "name"), name_part) != NULL)
        return TRUE;
    }
  return FALSE;
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  g_assert_true (search_finds_organisation (f->store, "gospodyn", "Gospodyń"));
  g_assert_true (search_finds_organisation (f->store, "zielone zaglebie", "Zielone Zagłębie"));
  g_assert_true (search_finds_organisation (f->store, "teczowy", "Tęczowy Most"));
}

/* Two fills give the same data (only the record ids differ). */
static void
test_deterministic (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr (WspStore) other = open_store (f->dir, "other.sqlite3");
  g_autoptr (GError) error = NULL;
  WspStore *stores[2] = { f->store, other };
  g_autoptr (GString) first = g_string_new (NULL);
  g_autoptr (GString) second = g_string_new (NULL);
  GString *digest[2] = { first, second };

  g_assert_true (wsp_demo_fill (other, &error));
  g_assert_no_error (error);

  for (guint s = 0; s < 2; s++)
    {
      g_autoptr (GPtrArray) orgs = query (stores[s], "organisation", NULL, NULL);
      g_autoptr (GPtrArray) meetings = query (stores[s], "meeting", NULL, NULL);

      for (guint i = 0; i < orgs->len; i++)
        {
          WspRecord *org = g_ptr_array_index (orgs, i);

          g_string_append_printf (digest[s], "%s|%s|%s|%s|%s\n",
                                  wsp_record_get_string (org, "name"),
                                  wsp_record_get_string (org, "krs"),
                                  wsp_record_get_string (org, "nip"),
                                  wsp_record_get_string (org, "regon"),
                                  wsp_record_get_string (org, "phone"));
        }
      for (guint i = 0; i < meetings->len; i++)
        {
          WspRecord *meeting = g_ptr_array_index (meetings, i);
          g_autoptr (GPtrArray) entries = query (stores[s], "attendance", "meeting_id",
                                                 wsp_record_get_id (meeting));
          guint present = 0;

          for (guint j = 0; j < entries->len; j++)
            if (g_str_equal (wsp_record_get_string (g_ptr_array_index (entries, j), "status"),
                             "present"))
              present++;
          g_string_append_printf (digest[s], "%s %u/%u\n",
                                  wsp_record_get_string (meeting, "starts_at"), present,
                                  entries->len);
        }
    }
  g_assert_cmpstr (digest[0]->str, ==, digest[1]->str);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add ("/demo/" path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("counts", test_counts);
  ADD ("references", test_references);
  ADD ("identifiers", test_identifiers);
  ADD ("council", test_council);
  ADD ("absences", test_absences);
  ADD ("ballots", test_ballots);
  ADD ("drafts", test_drafts);
  ADD ("election", test_election);
  ADD ("datetimes", test_datetimes);
  ADD ("refill-refused", test_refill_refused);
  ADD ("search", test_search);
  ADD ("deterministic", test_deterministic);
#undef ADD

  return g_test_run ();
}
