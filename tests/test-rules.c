/* test-rules.c — quorum, majorities, deadlines, composition, absences,
 * resolution numbers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>
#include <time.h>

#include "rules/wsp-rules.h"

static WspBodyRules defaults;

/* Returns a tally of a vote with everybody of @members present. */
static WspTally
tally_of (guint     members,
          guint     present,
          guint     recused,
          guint     yes,
          guint     no,
          guint     abstain,
          WspVoteChoice chair)
{
  WspTally t = { members, present, recused, yes, no, abstain, chair };

  return t;
}

/* Asserts that @dt is @year-@month-@day 23:59:59 local time. */
static void
assert_end_of_day (GDateTime *dt,
                   int        year,
                   int        month,
                   int        day)
{
  g_autofree char *text = NULL;
  g_autoptr(GDateTime) local = NULL;
  int y, m, d;

  g_assert_nonnull (dt);
  local = g_date_time_to_local (dt);
  text = g_date_time_format_iso8601 (local);
  g_test_message ("deadline %s", text);

  g_date_time_get_ymd (local, &y, &m, &d);
  g_assert_cmpint (y, ==, year);
  g_assert_cmpint (m, ==, month);
  g_assert_cmpint (d, ==, day);
  g_assert_cmpint (g_date_time_get_hour (local), ==, 23);
  g_assert_cmpint (g_date_time_get_minute (local), ==, 59);
  g_assert_cmpint (g_date_time_get_second (local), ==, 59);
}

/* Returns the deadline for a draft of @kind delivered at noon local time
 * on @year-@month-@day. */
static GDateTime *
deadline_for (const WspBodyRules *rules,
              WspDraftKind        kind,
              int                 year,
              int                 month,
              int                 day,
              int                 custom_days)
{
  g_autoptr(GDateTime) delivered = g_date_time_new_local (year, month, day, 12, 0, 0);

  return wsp_opinion_deadline (rules, kind, delivered, custom_days);
}

/* Whether year-month-day is a public holiday. */
static gboolean
holiday (int year,
         int month,
         int day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return wsp_polish_public_holiday (&date);
}

static void
test_defaults (void)
{
  WspBodyRules rules;

  memset (&rules, 0xff, sizeof rules);
  wsp_body_rules_init_default (&rules);

  g_assert_cmpuint (rules.quorum_numerator, ==, 1);
  g_assert_cmpuint (rules.quorum_denominator, ==, 2);
  g_assert_cmpint (rules.majority, ==, WSP_MAJORITY_SIMPLE);
  g_assert_cmpint (rules.tie_rule, ==, WSP_TIE_CASTING_VOTE);
  g_assert_cmpuint (rules.opinion_deadline_days, ==, 14);
  g_assert_cmpuint (rules.term_years, ==, 3);
  g_assert_cmpuint (rules.absence_limit, ==, 3);
}

static void
test_quorum_half (void)
{
  /* Exactly half is enough. */
  g_assert_true (wsp_quorum_reached (&defaults, 10, 5, 0));
  g_assert_false (wsp_quorum_reached (&defaults, 10, 4, 0));
  g_assert_true (wsp_quorum_reached (&defaults, 10, 10, 0));
  g_assert_cmpuint (wsp_quorum_required (&defaults, 10, 0), ==, 5);

  /* Odd: 4.5 rounds up. */
  g_assert_true (wsp_quorum_reached (&defaults, 9, 5, 0));
  g_assert_false (wsp_quorum_reached (&defaults, 9, 4, 0));
  g_assert_cmpuint (wsp_quorum_required (&defaults, 9, 0), ==, 5);

  g_assert_true (wsp_quorum_reached (&defaults, 1, 1, 0));
  g_assert_false (wsp_quorum_reached (&defaults, 1, 0, 0));
  g_assert_cmpuint (wsp_quorum_required (&defaults, 1, 0), ==, 1);
  g_assert_cmpuint (wsp_quorum_required (&defaults, 2, 0), ==, 1);
}

static void
test_quorum_no_members (void)
{
  g_assert_false (wsp_quorum_reached (&defaults, 0, 0, 0));
  g_assert_false (wsp_quorum_reached (&defaults, 0, 3, 0));
  g_assert_cmpuint (wsp_quorum_required (&defaults, 0, 0), ==, 0);

  /* Everybody recused: nobody can decide the item. */
  g_assert_false (wsp_quorum_reached (&defaults, 3, 3, 3));
  g_assert_false (wsp_quorum_reached (&defaults, 3, 3, 5));
  g_assert_cmpuint (wsp_quorum_required (&defaults, 3, 3), ==, 0);
}

static void
test_quorum_recusal (void)
{
  /* 5 of 10 is a quorum; but with 2 of those 5 recused it is 3 of 8. */
  g_assert_true (wsp_quorum_reached (&defaults, 10, 5, 0));
  g_assert_false (wsp_quorum_reached (&defaults, 10, 5, 2));
  g_assert_true (wsp_quorum_reached (&defaults, 10, 6, 2));
  g_assert_cmpuint (wsp_quorum_required (&defaults, 10, 2), ==, 6);

  /* The smaller base can also help: 4 of 9 is not a quorum, 4 of 8 is;
   * 5 present with 1 recused is 4 of 8. */
  g_assert_false (wsp_quorum_reached (&defaults, 9, 4, 0));
  g_assert_true (wsp_quorum_reached (&defaults, 9, 5, 1));
  g_assert_false (wsp_quorum_reached (&defaults, 9, 4, 1));
  g_assert_cmpuint (wsp_quorum_required (&defaults, 9, 1), ==, 5);

  /* More recused than present (bad data) counts nobody. */
  g_assert_false (wsp_quorum_reached (&defaults, 10, 2, 3));
}

static void
test_quorum_custom (void)
{
  WspBodyRules rules = defaults;

  /* Two thirds. */
  rules.quorum_numerator = 2;
  rules.quorum_denominator = 3;
  g_assert_cmpuint (wsp_quorum_required (&rules, 9, 0), ==, 6);
  g_assert_true (wsp_quorum_reached (&rules, 9, 6, 0));
  g_assert_false (wsp_quorum_reached (&rules, 9, 5, 0));
  g_assert_cmpuint (wsp_quorum_required (&rules, 10, 0), ==, 7);
  g_assert_false (wsp_quorum_reached (&rules, 10, 6, 0));

  /* Huge numbers do not overflow. */
  g_assert_true (wsp_quorum_reached (&defaults, G_MAXUINT, G_MAXUINT / 2 + 1, 0));
  g_assert_false (wsp_quorum_reached (&defaults, G_MAXUINT, G_MAXUINT / 2, 0));
  g_assert_cmpuint (wsp_quorum_required (&defaults, G_MAXUINT, 0), ==, G_MAXUINT / 2 + 1);
}

static void
test_quorum_required_matches_reached (void)
{
  const guint fractions[][2] = { { 1, 2 }, { 2, 3 }, { 1, 3 }, { 3, 4 }, { 1, 1 } };

  for (gsize f = 0; f < G_N_ELEMENTS (fractions); f++)
    {
      WspBodyRules rules = defaults;

      rules.quorum_numerator = fractions[f][0];
      rules.quorum_denominator = fractions[f][1];

      for (guint members = 0; members <= 15; members++)
        for (guint recused = 0; recused <= members; recused++)
          {
            guint required = wsp_quorum_required (&rules, members, recused);

            for (guint present = recused; present <= members; present++)
              {
                gboolean expected = members > recused && present >= required;

                if (wsp_quorum_reached (&rules, members, present, recused) != expected)
                  g_error ("%u/%u: members %u, recused %u, present %u, required %u",
                           rules.quorum_numerator, rules.quorum_denominator, members, recused,
                           present, required);
              }
          }
    }
}

static void
test_verdict_simple (void)
{
  WspTally t;

  t = tally_of (10, 10, 0, 5, 3, 2, WSP_VOTE_FOR);
  g_assert_cmpint (wsp_verdict (&defaults, WSP_MAJORITY_SIMPLE, &t), ==, WSP_VERDICT_PASSED);

  /* Abstentions are not counted: 2 for, 1 against, 7 abstain passes. */
  t = tally_of (10, 10, 0, 2, 1, 7, WSP_VOTE_ABSTAIN);
  g_assert_cmpint (wsp_verdict (&defaults, WSP_MAJORITY_SIMPLE, &t), ==, WSP_VERDICT_PASSED);

  t = tally_of (10, 10, 0, 3, 4, 3, WSP_VOTE_FOR);
  g_assert_cmpint (wsp_verdict (&defaults, WSP_MAJORITY_SIMPLE, &t), ==, WSP_VERDICT_REJECTED);

  /* Everybody abstained: not a tie, nothing passed. */
  t = tally_of (10, 6, 0, 0, 0, 6, WSP_VOTE_FOR);
  g_assert_cmpint (wsp_verdict (&defaults, WSP_MAJORITY_SIMPLE, &t), ==, WSP_VERDICT_REJECTED);
  t = tally_of (10, 6, 0, 0, 0, 0, WSP_VOTE_NONE);
  g_assert_cmpint (wsp_verdict (&defaults, WSP_MAJORITY_SIMPLE, &t), ==, WSP_VERDICT_REJECTED);

  /* The rules' own majority is what callers usually pass. */
  t = tally_of (10, 10, 0, 5, 3, 2, WSP_VOTE_FOR);
  g_assert_cmpint (wsp_verdict (&defaults, defaults.majority, &t), ==, WSP_VERDICT_PASSED);
}

static void
test_verdict_tie_casting (void)
{
  WspTally t;

  t = tally_of (10, 9, 0, 4, 4, 1, WSP_VOTE_FOR);
  g_assert_cmpint (wsp_verdict (&defaults, WSP_MAJORITY_SIMPLE, &t), ==,
                   WSP_VERDICT_PASSED_BY_CASTING_VOTE);
  g_assert_true (wsp_verdict_is_passed (wsp_verdict (&defaults, WSP_MAJORITY_SIMPLE, &t)));

  t.chair_vote = WSP_VOTE_AGAINST;
  g_assert_cmpint (wsp_verdict (&defaults, WSP_MAJORITY_SIMPLE, &t), ==,
                   WSP_VERDICT_REJECTED_BY_CASTING_VOTE);
  g_assert_false (wsp_verdict_is_passed (wsp_verdict (&defaults, WSP_MAJORITY_SIMPLE, &t)));

  /* The chair abstained: no side to decide for, the motion fails. */
  t.chair_vote = WSP_VOTE_ABSTAIN;
  g_assert_cmpint (wsp_verdict (&defaults, WSP_MAJORITY_SIMPLE, &t), ==, WSP_VERDICT_TIE_FAILS);

  /* The chair did not vote (or was away). */
  t.chair_vote = WSP_VOTE_NONE;
  g_assert_cmpint (wsp_verdict (&defaults, WSP_MAJORITY_SIMPLE, &t), ==, WSP_VERDICT_TIE_FAILS);

  /* Smallest tie. */
  t = tally_of (2, 2, 0, 1, 1, 0, WSP_VOTE_FOR);
  g_assert_cmpint (wsp_verdict (&defaults, WSP_MAJORITY_SIMPLE, &t), ==,
                   WSP_VERDICT_PASSED_BY_CASTING_VOTE);
}

static void
test_verdict_tie_fails (void)
{
  WspBodyRules rules = defaults;
  WspTally t = tally_of (10, 9, 0, 4, 4, 1, WSP_VOTE_FOR);

  rules.tie_rule = WSP_TIE_FAILS;
  g_assert_cmpint (wsp_verdict (&rules, WSP_MAJORITY_SIMPLE, &t), ==, WSP_VERDICT_TIE_FAILS);
  t.chair_vote = WSP_VOTE_AGAINST;
  g_assert_cmpint (wsp_verdict (&rules, WSP_MAJORITY_SIMPLE, &t), ==, WSP_VERDICT_TIE_FAILS);
  g_assert_false (wsp_verdict_is_passed (WSP_VERDICT_TIE_FAILS));

  /* Not a tie: the rule does not matter. */
  t = tally_of (10, 9, 0, 5, 4, 0, WSP_VOTE_AGAINST);
  g_assert_cmpint (wsp_verdict (&rules, WSP_MAJORITY_SIMPLE, &t), ==, WSP_VERDICT_PASSED);
}

static void
test_verdict_no_quorum (void)
{
  WspTally t = tally_of (10, 4, 0, 4, 0, 0, WSP_VOTE_FOR);

  g_assert_cmpint (wsp_verdict (&defaults, WSP_MAJORITY_SIMPLE, &t), ==, WSP_VERDICT_NO_QUORUM);
  g_assert_cmpint (wsp_verdict (&defaults, WSP_MAJORITY_ABSOLUTE, &t), ==, WSP_VERDICT_NO_QUORUM);
  g_assert_cmpint (wsp_verdict (&defaults, WSP_MAJORITY_TWO_THIRDS, &t), ==,
                   WSP_VERDICT_NO_QUORUM);

  /* A quorum lost by recusal. */
  t = tally_of (10, 5, 1, 4, 0, 0, WSP_VOTE_FOR);
  g_assert_cmpint (wsp_verdict (&defaults, WSP_MAJORITY_SIMPLE, &t), ==, WSP_VERDICT_NO_QUORUM);

  /* No members at all. */
  t = tally_of (0, 0, 0, 0, 0, 0, WSP_VOTE_NONE);
  g_assert_cmpint (wsp_verdict (&defaults, WSP_MAJORITY_SIMPLE, &t), ==, WSP_VERDICT_NO_QUORUM);
  g_assert_false (wsp_verdict_is_passed (WSP_VERDICT_NO_QUORUM));
}

static void
test_verdict_absolute (void)
{
  WspTally t;

  /* More than half of 10 is 6. */
  t = tally_of (10, 6, 0, 6, 0, 0, WSP_VOTE_FOR);
  g_assert_cmpint (wsp_verdict (&defaults, WSP_MAJORITY_ABSOLUTE, &t), ==, WSP_VERDICT_PASSED);
  t = tally_of (10, 10, 0, 5, 0, 5, WSP_VOTE_FOR);
  g_assert_cmpint (wsp_verdict (&defaults, WSP_MAJORITY_ABSOLUTE, &t), ==, WSP_VERDICT_REJECTED);
  /* ... which passes by simple majority. */
  g_assert_cmpint (wsp_verdict (&defaults, WSP_MAJORITY_SIMPLE, &t), ==, WSP_VERDICT_PASSED);

  /* Odd: more than 4.5 is 5. */
  t = tally_of (9, 5, 0, 5, 0, 0, WSP_VOTE_FOR);
  g_assert_cmpint (wsp_verdict (&defaults, WSP_MAJORITY_ABSOLUTE, &t), ==, WSP_VERDICT_PASSED);
  t = tally_of (9, 9, 0, 4, 3, 2, WSP_VOTE_FOR);
  g_assert_cmpint (wsp_verdict (&defaults, WSP_MAJORITY_ABSOLUTE, &t), ==, WSP_VERDICT_REJECTED);

  /* Recusals shrink the base: 5 of 10 fails, 5 of 8 entitled passes. */
  t = tally_of (10, 8, 2, 5, 1, 0, WSP_VOTE_FOR);
  g_assert_cmpint (wsp_verdict (&defaults, WSP_MAJORITY_ABSOLUTE, &t), ==, WSP_VERDICT_PASSED);
  t = tally_of (10, 8, 2, 4, 2, 0, WSP_VOTE_FOR);
  g_assert_cmpint (wsp_verdict (&defaults, WSP_MAJORITY_ABSOLUTE, &t), ==, WSP_VERDICT_REJECTED);

  /* No casting vote under absolute majority. */
  t = tally_of (10, 10, 0, 5, 5, 0, WSP_VOTE_FOR);
  g_assert_cmpint (wsp_verdict (&defaults, WSP_MAJORITY_ABSOLUTE, &t), ==, WSP_VERDICT_REJECTED);
}

static void
test_verdict_two_thirds (void)
{
  WspTally t;

  /* Exactly two thirds of the 9 cast. */
  t = tally_of (10, 9, 0, 6, 2, 1, WSP_VOTE_FOR);
  g_assert_cmpint (wsp_verdict (&defaults, WSP_MAJORITY_TWO_THIRDS, &t), ==, WSP_VERDICT_PASSED);
  t = tally_of (10, 9, 0, 6, 3, 0, WSP_VOTE_FOR);
  g_assert_cmpint (wsp_verdict (&defaults, WSP_MAJORITY_TWO_THIRDS, &t), ==, WSP_VERDICT_PASSED);
  t = tally_of (3, 3, 0, 2, 1, 0, WSP_VOTE_FOR);
  g_assert_cmpint (wsp_verdict (&defaults, WSP_MAJORITY_TWO_THIRDS, &t), ==, WSP_VERDICT_PASSED);

  /* Just under. */
  t = tally_of (10, 9, 0, 5, 2, 2, WSP_VOTE_FOR);
  g_assert_cmpint (wsp_verdict (&defaults, WSP_MAJORITY_TWO_THIRDS, &t), ==,
                   WSP_VERDICT_REJECTED);

  /* Abstentions count as cast: one more abstention tips 6:3 under. */
  t = tally_of (10, 10, 0, 6, 3, 1, WSP_VOTE_FOR);
  g_assert_cmpint (wsp_verdict (&defaults, WSP_MAJORITY_TWO_THIRDS, &t), ==,
                   WSP_VERDICT_REJECTED);
  /* ... while they do not count for simple majority. */
  g_assert_cmpint (wsp_verdict (&defaults, WSP_MAJORITY_SIMPLE, &t), ==, WSP_VERDICT_PASSED);

  /* Nothing cast. */
  t = tally_of (10, 6, 0, 0, 0, 0, WSP_VOTE_NONE);
  g_assert_cmpint (wsp_verdict (&defaults, WSP_MAJORITY_TWO_THIRDS, &t), ==,
                   WSP_VERDICT_REJECTED);

  /* Unanimous. */
  t = tally_of (10, 6, 0, 6, 0, 0, WSP_VOTE_FOR);
  g_assert_cmpint (wsp_verdict (&defaults, WSP_MAJORITY_TWO_THIRDS, &t), ==, WSP_VERDICT_PASSED);
}

static void
test_verdict_strings (void)
{
  const WspVerdict all[] = {
    WSP_VERDICT_PASSED,
    WSP_VERDICT_REJECTED,
    WSP_VERDICT_NO_QUORUM,
    WSP_VERDICT_PASSED_BY_CASTING_VOTE,
    WSP_VERDICT_REJECTED_BY_CASTING_VOTE,
    WSP_VERDICT_TIE_FAILS,
  };

  g_assert_cmpstr (wsp_verdict_to_string (WSP_VERDICT_PASSED), ==, "Passed");
  g_assert_cmpstr (wsp_verdict_to_string (WSP_VERDICT_TIE_FAILS), ==, "Tie: the motion fails");

  for (gsize i = 0; i < G_N_ELEMENTS (all); i++)
    {
      const char *text = wsp_verdict_to_string (all[i]);

      g_assert_nonnull (text);
      g_assert_cmpuint (strlen (text), >, 0);
      for (gsize j = 0; j < i; j++)
        g_assert_cmpstr (text, !=, wsp_verdict_to_string (all[j]));
    }
}

static void
test_verdict_strings_invalid (void)
{
  if (g_test_subprocess ())
    {
      wsp_verdict_to_string ((WspVerdict) 42);
      return;
    }

  g_test_trap_subprocess (NULL, 0, 0);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*CRITICAL*");
}

static void
test_easter (void)
{
  const struct
  {
    guint year;
    int month;
    int day;
  } known[] = {
    { 1943, 4, 25 }, { 2008, 3, 23 }, { 2019, 4, 21 }, { 2024, 3, 31 }, { 2025, 4, 20 },
    { 2026, 4, 5 },  { 2027, 3, 28 }, { 2038, 4, 25 }, { 2100, 3, 28 }, { 2285, 3, 22 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (known); i++)
    {
      GDate date;

      wsp_easter_sunday (known[i].year, &date);
      g_assert_true (g_date_valid (&date));
      g_assert_cmpuint (g_date_get_year (&date), ==, known[i].year);
      g_assert_cmpint (g_date_get_month (&date), ==, known[i].month);
      g_assert_cmpint (g_date_get_day (&date), ==, known[i].day);
      g_assert_cmpint (g_date_get_weekday (&date), ==, G_DATE_SUNDAY);
    }

  /* Always a Sunday between 22 March and 25 April. */
  for (guint year = 1583; year <= 4099; year++)
    {
      GDate date;
      GDate earliest;
      GDate latest;

      wsp_easter_sunday (year, &date);
      g_date_clear (&earliest, 1);
      g_date_clear (&latest, 1);
      g_date_set_dmy (&earliest, 22, G_DATE_MARCH, (GDateYear) year);
      g_date_set_dmy (&latest, 25, G_DATE_APRIL, (GDateYear) year);
      g_assert_cmpint (g_date_get_weekday (&date), ==, G_DATE_SUNDAY);
      g_assert_cmpint (g_date_compare (&date, &earliest), >=, 0);
      g_assert_cmpint (g_date_compare (&date, &latest), <=, 0);
    }
}

static void
test_holidays (void)
{
  /* 2027: Easter 28 March, Easter Monday 29 March, Pentecost 16 May,
   * Corpus Christi 27 May. */
  g_assert_true (holiday (2027, 1, 1));
  g_assert_true (holiday (2027, 1, 6));
  g_assert_true (holiday (2027, 3, 28));
  g_assert_true (holiday (2027, 3, 29));
  g_assert_true (holiday (2027, 5, 1));
  g_assert_true (holiday (2027, 5, 3));
  g_assert_true (holiday (2027, 5, 16));
  g_assert_true (holiday (2027, 5, 27));
  g_assert_true (holiday (2027, 8, 15));
  g_assert_true (holiday (2027, 11, 1));
  g_assert_true (holiday (2027, 11, 11));
  g_assert_true (holiday (2027, 12, 24));
  g_assert_true (holiday (2027, 12, 25));
  g_assert_true (holiday (2027, 12, 26));

  g_assert_false (holiday (2027, 1, 2));
  g_assert_false (holiday (2027, 3, 27));
  g_assert_false (holiday (2027, 3, 30));
  g_assert_false (holiday (2027, 5, 2));
  g_assert_false (holiday (2027, 5, 17));
  g_assert_false (holiday (2027, 5, 26));
  g_assert_false (holiday (2027, 5, 28));
  g_assert_false (holiday (2027, 12, 31));
  /* An ordinary Sunday is not a holiday (but not a working day either). */
  g_assert_false (holiday (2027, 3, 7));

  /* 6 January only since 2011, 24 December only since 2025. */
  g_assert_false (holiday (2010, 1, 6));
  g_assert_true (holiday (2011, 1, 6));
  g_assert_false (holiday (2024, 12, 24));
  g_assert_true (holiday (2025, 12, 24));

  /* Corpus Christi 2026 is 4 June. */
  g_assert_true (holiday (2026, 6, 4));
  g_assert_false (holiday (2026, 5, 27));

  /* Count per year. */
  {
    const struct
    {
      int year;
      guint count;
    } counts[] = { { 2010, 12 }, { 2024, 13 }, { 2027, 14 } };

    for (gsize i = 0; i < G_N_ELEMENTS (counts); i++)
      {
        GDate date;
        guint n = 0;

        g_date_clear (&date, 1);
        g_date_set_dmy (&date, 1, G_DATE_JANUARY, (GDateYear) counts[i].year);
        while (g_date_get_year (&date) == (GDateYear) counts[i].year)
          {
            n += wsp_polish_public_holiday (&date);
            g_date_add_days (&date, 1);
          }
        g_assert_cmpuint (n, ==, counts[i].count);
      }
  }
}

static void
test_working_days (void)
{
  GDate date;

  g_date_clear (&date, 1);

  g_date_set_dmy (&date, 17, G_DATE_MARCH, 2027); /* Wednesday */
  g_assert_true (wsp_polish_working_day (&date));
  g_date_set_dmy (&date, 6, G_DATE_MARCH, 2027); /* Saturday */
  g_assert_false (wsp_polish_working_day (&date));
  g_date_set_dmy (&date, 7, G_DATE_MARCH, 2027); /* Sunday */
  g_assert_false (wsp_polish_working_day (&date));
  g_date_set_dmy (&date, 11, G_DATE_NOVEMBER, 2027); /* Thursday, holiday */
  g_assert_false (wsp_polish_working_day (&date));
  g_date_set_dmy (&date, 12, G_DATE_NOVEMBER, 2027); /* Friday */
  g_assert_true (wsp_polish_working_day (&date));
}

static void
test_deadline_plain (void)
{
  g_autoptr(GDateTime) programme = NULL;
  g_autoptr(GDateTime) strategy = NULL;
  g_autoptr(GDateTime) other = NULL;

  /* Delivered Wednesday 3 March 2027: the 3rd is not counted, the 14th
   * day after is Wednesday 17 March. */
  programme = deadline_for (&defaults, WSP_DRAFT_KIND_COOPERATION_PROGRAMME, 2027, 3, 3, 0);
  assert_end_of_day (programme, 2027, 3, 17);
  strategy = deadline_for (&defaults, WSP_DRAFT_KIND_STRATEGY, 2027, 3, 3, 0);
  assert_end_of_day (strategy, 2027, 3, 17);
  other = deadline_for (&defaults, WSP_DRAFT_KIND_OTHER, 2027, 3, 3, 0);
  assert_end_of_day (other, 2027, 3, 17);
}

static void
test_deadline_time_of_delivery (void)
{
  g_autoptr(GDateTime) late = g_date_time_new_local (2027, 3, 3, 23, 59, 0);
  g_autoptr(GDateTime) early = g_date_time_new_local (2027, 3, 3, 0, 0, 1);
  g_autoptr(GDateTime) late_deadline = NULL;
  g_autoptr(GDateTime) early_deadline = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) utc_evening = NULL;
  g_autoptr(GDateTime) utc_deadline = NULL;

  /* The hour of delivery does not matter, only the day. */
  late_deadline = wsp_opinion_deadline (&defaults, WSP_DRAFT_KIND_STRATEGY, late, 0);
  early_deadline = wsp_opinion_deadline (&defaults, WSP_DRAFT_KIND_STRATEGY, early, 0);
  assert_end_of_day (late_deadline, 2027, 3, 17);
  assert_end_of_day (early_deadline, 2027, 3, 17);

  /* 23:30 UTC on 3 March is already 4 March in Poland (UTC+1): the day
   * of delivery is the local one. */
  utc_evening = g_date_time_new (utc, 2027, 3, 3, 23, 30, 0);
  utc_deadline = wsp_opinion_deadline (&defaults, WSP_DRAFT_KIND_STRATEGY, utc_evening, 0);
  assert_end_of_day (utc_deadline, 2027, 3, 18);
}

static void
test_deadline_weekend (void)
{
  g_autoptr(GDateTime) saturday = NULL;
  g_autoptr(GDateTime) sunday = NULL;
  g_autoptr(GDateTime) friday = NULL;

  /* Delivered Saturday 20 February 2027: the 14th day is Saturday 6 March,
   * moved to Monday 8 March. */
  saturday = deadline_for (&defaults, WSP_DRAFT_KIND_COOPERATION_PROGRAMME, 2027, 2, 20, 0);
  assert_end_of_day (saturday, 2027, 3, 8);

  /* Delivered Sunday 21 February: Sunday 7 March → Monday 8 March. */
  sunday = deadline_for (&defaults, WSP_DRAFT_KIND_COOPERATION_PROGRAMME, 2027, 2, 21, 0);
  assert_end_of_day (sunday, 2027, 3, 8);

  /* Delivered Friday 19 February: Friday 5 March stays. */
  friday = deadline_for (&defaults, WSP_DRAFT_KIND_COOPERATION_PROGRAMME, 2027, 2, 19, 0);
  assert_end_of_day (friday, 2027, 3, 5);
}

static void
test_deadline_holidays (void)
{
  g_autoptr(GDateTime) independence = NULL;
  g_autoptr(GDateTime) before = NULL;
  g_autoptr(GDateTime) easter = NULL;
  g_autoptr(GDateTime) corpus = NULL;
  g_autoptr(GDateTime) christmas = NULL;
  g_autoptr(GDateTime) christmas_2024 = NULL;
  g_autoptr(GDateTime) epiphany_2010 = NULL;
  g_autoptr(GDateTime) epiphany_2011 = NULL;

  /* Delivered 28 October 2027: Thursday 11 November → Friday 12. */
  independence = deadline_for (&defaults, WSP_DRAFT_KIND_COOPERATION_PROGRAMME, 2027, 10, 28, 0);
  assert_end_of_day (independence, 2027, 11, 12);

  /* Across 1 and 11 November without landing on them. */
  before = deadline_for (&defaults, WSP_DRAFT_KIND_COOPERATION_PROGRAMME, 2027, 10, 22, 0);
  assert_end_of_day (before, 2027, 11, 5);

  /* Delivered Saturday 13 March 2027: Saturday 27 March, Easter Sunday
   * 28, Easter Monday 29 → Tuesday 30 March. */
  easter = deadline_for (&defaults, WSP_DRAFT_KIND_STRATEGY, 2027, 3, 13, 0);
  assert_end_of_day (easter, 2027, 3, 30);

  /* Delivered 13 May 2027: Corpus Christi, Thursday 27 May → Friday 28. */
  corpus = deadline_for (&defaults, WSP_DRAFT_KIND_STRATEGY, 2027, 5, 13, 0);
  assert_end_of_day (corpus, 2027, 5, 28);

  /* Delivered 10 December 2025: 24, 25, 26 December, then the weekend →
   * Monday 29 December. */
  christmas = deadline_for (&defaults, WSP_DRAFT_KIND_COOPERATION_PROGRAMME, 2025, 12, 10, 0);
  assert_end_of_day (christmas, 2025, 12, 29);

  /* In 2024, 24 December was a working day. */
  christmas_2024 = deadline_for (&defaults, WSP_DRAFT_KIND_COOPERATION_PROGRAMME, 2024, 12, 10, 0);
  assert_end_of_day (christmas_2024, 2024, 12, 24);

  /* 6 January became a holiday in 2011. */
  epiphany_2010 = deadline_for (&defaults, WSP_DRAFT_KIND_COOPERATION_PROGRAMME, 2009, 12, 23, 0);
  assert_end_of_day (epiphany_2010, 2010, 1, 6);
  epiphany_2011 = deadline_for (&defaults, WSP_DRAFT_KIND_COOPERATION_PROGRAMME, 2010, 12, 23, 0);
  assert_end_of_day (epiphany_2011, 2011, 1, 7);
}

static void
test_deadline_custom (void)
{
  WspBodyRules rules = defaults;
  g_autoptr(GDateTime) other_custom = NULL;
  g_autoptr(GDateTime) programme_custom = NULL;
  g_autoptr(GDateTime) other_rules = NULL;
  g_autoptr(GDateTime) strategy_rules = NULL;
  g_autoptr(GDateTime) other_negative = NULL;
  g_autoptr(GDateTime) other_zero_rules = NULL;
  g_autoptr(GDateTime) one_day = NULL;

  /* Other drafts: the deadline set at registration. */
  other_custom = deadline_for (&rules, WSP_DRAFT_KIND_OTHER, 2027, 3, 3, 30);
  assert_end_of_day (other_custom, 2027, 4, 2); /* Friday */
  one_day = deadline_for (&rules, WSP_DRAFT_KIND_OTHER, 2027, 3, 3, 1);
  assert_end_of_day (one_day, 2027, 3, 4);

  /* The statutory 14 days of the programme cannot be changed. */
  programme_custom = deadline_for (&rules, WSP_DRAFT_KIND_COOPERATION_PROGRAMME, 2027, 3, 3, 30);
  assert_end_of_day (programme_custom, 2027, 3, 17);

  /* The body's own default applies to other drafts only. */
  rules.opinion_deadline_days = 21;
  other_rules = deadline_for (&rules, WSP_DRAFT_KIND_OTHER, 2027, 3, 3, 0);
  assert_end_of_day (other_rules, 2027, 3, 24);
  other_negative = deadline_for (&rules, WSP_DRAFT_KIND_OTHER, 2027, 3, 3, -5);
  assert_end_of_day (other_negative, 2027, 3, 24);
  strategy_rules = deadline_for (&rules, WSP_DRAFT_KIND_STRATEGY, 2027, 3, 3, 0);
  assert_end_of_day (strategy_rules, 2027, 3, 17);

  /* An unset body default falls back to 14 days. */
  rules.opinion_deadline_days = 0;
  other_zero_rules = deadline_for (&rules, WSP_DRAFT_KIND_OTHER, 2027, 3, 3, 0);
  assert_end_of_day (other_zero_rules, 2027, 3, 17);
}

static void
test_deadline_dst (void)
{
  g_autoptr(GDateTime) deadline = NULL;
  g_autoptr(GDateTime) before = g_date_time_new_local (2027, 3, 27, 9, 0, 0);

  /* Summer time starts on 28 March 2027 in Poland; the deadline is still
   * the end of the local day. */
  deadline = deadline_for (&defaults, WSP_DRAFT_KIND_STRATEGY, 2027, 3, 13, 0);
  assert_end_of_day (deadline, 2027, 3, 30);
  g_assert_cmpint (wsp_opinion_days_left (deadline, before), ==, 3);
}

static void
test_waiver (void)
{
  g_autoptr(GDateTime) deadline = deadline_for (&defaults, WSP_DRAFT_KIND_COOPERATION_PROGRAMME,
                                                2027, 3, 3, 0);
  g_autoptr(GDateTime) before = g_date_time_add_seconds (deadline, -1);
  g_autoptr(GDateTime) after = g_date_time_add_seconds (deadline, 1);
  g_autoptr(GDateTime) long_after = g_date_time_add_days (deadline, 30);

  g_assert_false (wsp_opinion_waived (deadline, before, FALSE));
  /* The last second still counts as in time. */
  g_assert_false (wsp_opinion_waived (deadline, deadline, FALSE));
  g_assert_true (wsp_opinion_waived (deadline, after, FALSE));
  g_assert_true (wsp_opinion_waived (deadline, long_after, FALSE));

  /* An opinion given is never waived. */
  g_assert_false (wsp_opinion_waived (deadline, before, TRUE));
  g_assert_false (wsp_opinion_waived (deadline, after, TRUE));
}

static void
test_days_left (void)
{
  g_autoptr(GDateTime) deadline = deadline_for (&defaults, WSP_DRAFT_KIND_COOPERATION_PROGRAMME,
                                                2027, 3, 3, 0);
  g_autoptr(GDateTime) delivered = g_date_time_new_local (2027, 3, 3, 8, 0, 0);
  g_autoptr(GDateTime) eve = g_date_time_new_local (2027, 3, 16, 23, 59, 0);
  g_autoptr(GDateTime) same_day = g_date_time_new_local (2027, 3, 17, 8, 0, 0);
  g_autoptr(GDateTime) next_day = g_date_time_new_local (2027, 3, 18, 0, 0, 1);
  g_autoptr(GDateTime) week_later = g_date_time_new_local (2027, 3, 24, 12, 0, 0);

  g_assert_cmpint (wsp_opinion_days_left (deadline, delivered), ==, 14);
  g_assert_cmpint (wsp_opinion_days_left (deadline, eve), ==, 1);
  g_assert_cmpint (wsp_opinion_days_left (deadline, same_day), ==, 0);
  g_assert_cmpint (wsp_opinion_days_left (deadline, next_day), ==, -1);
  g_assert_cmpint (wsp_opinion_days_left (deadline, week_later), ==, -7);
}

static void
test_composition (void)
{
  g_assert_true (wsp_composition_ok (1, 1, 2));
  g_assert_cmpuint (wsp_composition_ngo_seats_needed (1, 1, 2), ==, 0);

  g_assert_false (wsp_composition_ok (2, 2, 3));
  g_assert_cmpuint (wsp_composition_ngo_seats_needed (2, 2, 3), ==, 1);
  g_assert_true (wsp_composition_ok (2, 2, 4));

  g_assert_true (wsp_composition_ok (2, 2, 5));
  g_assert_true (wsp_composition_ok (0, 0, 1));
  g_assert_true (wsp_composition_ok (3, 0, 3));
  g_assert_false (wsp_composition_ok (3, 1, 3));

  g_assert_false (wsp_composition_ok (5, 5, 2));
  g_assert_cmpuint (wsp_composition_ngo_seats_needed (5, 5, 2), ==, 8);
  g_assert_true (wsp_composition_ok (5, 5, 10));

  g_assert_false (wsp_composition_ok (3, 0, 0));
  g_assert_cmpuint (wsp_composition_ngo_seats_needed (3, 0, 0), ==, 3);

  /* No seats at all is not a Council; one NGO seat makes it one. */
  g_assert_false (wsp_composition_ok (0, 0, 0));
  g_assert_cmpuint (wsp_composition_ngo_seats_needed (0, 0, 0), ==, 1);

  /* No overflow. */
  g_assert_false (wsp_composition_ok (G_MAXUINT, G_MAXUINT, G_MAXUINT));
  g_assert_true (wsp_composition_ok (G_MAXUINT / 2, G_MAXUINT / 2 + 1, G_MAXUINT));
  g_assert_cmpuint (wsp_composition_ngo_seats_needed (G_MAXUINT, G_MAXUINT, 0), ==, G_MAXUINT);

  /* Needed is the fewest seats that make it right. */
  for (guint m = 0; m <= 8; m++)
    for (guint c = 0; c <= 8; c++)
      for (guint n = 0; n <= 8; n++)
        {
          guint needed = wsp_composition_ngo_seats_needed (m, c, n);

          g_assert_true (wsp_composition_ok (m, c, n + needed));
          if (needed > 0)
            g_assert_false (wsp_composition_ok (m, c, n + needed - 1));
          g_assert_cmpint (wsp_composition_ok (m, c, n), ==, needed == 0);
        }
}

static void
test_absences (void)
{
  const WspPresence P = WSP_PRESENCE_PRESENT;
  const WspPresence E = WSP_PRESENCE_EXCUSED;
  const WspPresence A = WSP_PRESENCE_ABSENT;
  const struct
  {
    WspPresence history[10];
    gsize n;
    gboolean flagged;
    guint current;
    guint longest;
  } cases[] = {
    { { A, A, A }, 3, TRUE, 3, 3 },
    { { P, E, A, A, A }, 5, TRUE, 3, 3 },
    { { A, A, A, A, A }, 5, TRUE, 5, 5 },
    { { A, A }, 2, FALSE, 2, 2 },
    /* An excused absence breaks the run. */
    { { A, A, E, A }, 4, FALSE, 1, 2 },
    { { A, E, A, A }, 4, FALSE, 2, 2 },
    /* So does presence. */
    { { A, A, P, A, A }, 5, FALSE, 2, 2 },
    /* An old run is not flagged any more. */
    { { A, A, A, P }, 4, FALSE, 0, 3 },
    { { A, A, A, E, A, A }, 6, FALSE, 2, 3 },
    /* Excused absences never count. */
    { { E, E, E, E, E }, 5, FALSE, 0, 0 },
    { { P, P, P }, 3, FALSE, 0, 0 },
    { { P, A, A, A, A, P, A, A, A }, 9, TRUE, 3, 4 },
    { { A }, 0, FALSE, 0, 0 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("case %" G_GSIZE_FORMAT, i);
      g_assert_cmpint (wsp_absences_flagged (&defaults, cases[i].history, cases[i].n), ==,
                       cases[i].flagged);
      g_assert_cmpuint (wsp_absences_current_run (cases[i].history, cases[i].n), ==,
                        cases[i].current);
      g_assert_cmpuint (wsp_absences_longest_run (cases[i].history, cases[i].n), ==,
                        cases[i].longest);
    }

  /* An empty history. */
  g_assert_false (wsp_absences_flagged (&defaults, NULL, 0));
  g_assert_cmpuint (wsp_absences_current_run (NULL, 0), ==, 0);
  g_assert_cmpuint (wsp_absences_longest_run (NULL, 0), ==, 0);
}

static void
test_absences_limit (void)
{
  WspBodyRules rules = defaults;
  const WspPresence two[] = { WSP_PRESENCE_PRESENT, WSP_PRESENCE_ABSENT,
                                WSP_PRESENCE_ABSENT };
  const WspPresence one[] = { WSP_PRESENCE_ABSENT };

  g_assert_false (wsp_absences_flagged (&rules, two, G_N_ELEMENTS (two)));

  rules.absence_limit = 2;
  g_assert_true (wsp_absences_flagged (&rules, two, G_N_ELEMENTS (two)));
  g_assert_false (wsp_absences_flagged (&rules, one, G_N_ELEMENTS (one)));

  rules.absence_limit = 1;
  g_assert_true (wsp_absences_flagged (&rules, one, G_N_ELEMENTS (one)));

  /* 0 turns the flag off. */
  rules.absence_limit = 0;
  g_assert_false (wsp_absences_flagged (&rules, two, G_N_ELEMENTS (two)));
  g_assert_false (wsp_absences_flagged (&rules, NULL, 0));
}

static void
test_resolution_number (void)
{
  g_autofree char *a = wsp_resolution_number (3, 2027);
  g_autofree char *b = wsp_resolution_number (12, 2026);
  g_autofree char *c = wsp_resolution_number (G_MAXUINT, 2027);

  g_assert_cmpstr (a, ==, "3/2027");
  g_assert_cmpstr (b, ==, "12/2026");
  g_assert_cmpstr (c, ==, "4294967295/2027");
}

static void
test_resolution_number_zero (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *zero = wsp_resolution_number (0, 2027);

      return;
    }

  g_test_trap_subprocess (NULL, 0, 0);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*CRITICAL*sequence > 0*");
}

static void
test_resolution_next (void)
{
  const char * const empty[] = { NULL };
  const char * const mixed[] = { "1/2027", "2/2027", "3/2026", "10/2026", NULL };
  const char * const unordered[] = { "5/2027", "2/2027", "03/2027", NULL };
  const char * const malformed[] = {
    "abc",    "5/",         "/2027",   "7/2027a", "x7/2027",          "7 / 2027", "-3/2027",
    "+3/2027", "99999999999/2027", "4/2027/1", "",         "8/27",     "6/20x27",  "9\\2027",
    "Uchwała nr 9/2027", "2/2027", NULL,
  };
  const char * const spaced[] = { " 4/2027 ", "\t5/2027\n", NULL };

  g_assert_cmpuint (wsp_resolution_next_sequence (NULL, 2027), ==, 1);
  g_assert_cmpuint (wsp_resolution_next_sequence (empty, 2027), ==, 1);

  g_assert_cmpuint (wsp_resolution_next_sequence (mixed, 2027), ==, 3);
  g_assert_cmpuint (wsp_resolution_next_sequence (mixed, 2026), ==, 11);
  g_assert_cmpuint (wsp_resolution_next_sequence (mixed, 2028), ==, 1);

  /* The highest counts, not the last; leading zeros are read. */
  g_assert_cmpuint (wsp_resolution_next_sequence (unordered, 2027), ==, 6);

  /* Only the well-formed "2/2027" counts. */
  g_assert_cmpuint (wsp_resolution_next_sequence (malformed, 2027), ==, 3);
  g_assert_cmpuint (wsp_resolution_next_sequence (malformed, 27), ==, 9);

  g_assert_cmpuint (wsp_resolution_next_sequence (spaced, 2027), ==, 6);

  /* What the function writes, it reads. */
  {
    g_autofree char *first = wsp_resolution_number (
      wsp_resolution_next_sequence (mixed, 2027), 2027);
    const char * const round[] = { first, NULL };

    g_assert_cmpstr (first, ==, "3/2027");
    g_assert_cmpuint (wsp_resolution_next_sequence (round, 2027), ==, 4);
  }
}

/* Where a draft stands as its deadline comes and goes: the programme
 * delivered on Thursday 28 October 2027 has 14 days, to Thursday
 * 11 November, Independence Day, so to Friday 12 November. */
static void
test_opinion_state (void)
{
  g_autoptr (GDateTime) deadline = deadline_for (&defaults, WSP_DRAFT_KIND_COOPERATION_PROGRAMME, 2027, 10, 28, 0);
  static const struct
  {
    int             month, day, hour, minute, second;
    gboolean        given;
    gboolean        withdrawn;
    WspOpinionState state;
    int             days_left;
    gboolean        due_soon;
  } cases[] = {
    { 10, 28, 12, 0, 0, FALSE, FALSE, WSP_OPINION_STATE_OPEN, 15, FALSE },
    { 11, 8, 9, 0, 0, FALSE, FALSE, WSP_OPINION_STATE_OPEN, 4, FALSE },
    { 11, 9, 0, 0, 0, FALSE, FALSE, WSP_OPINION_STATE_OPEN, 3, TRUE },
    { 11, 11, 18, 0, 0, FALSE, FALSE, WSP_OPINION_STATE_OPEN, 1, TRUE },
    { 11, 12, 0, 0, 0, FALSE, FALSE, WSP_OPINION_STATE_DUE_TODAY, 0, TRUE },
    { 11, 12, 23, 59, 59, FALSE, FALSE, WSP_OPINION_STATE_DUE_TODAY, 0, TRUE },
    { 11, 13, 0, 0, 1, FALSE, FALSE, WSP_OPINION_STATE_WAIVED, -1, FALSE },
    { 12, 20, 10, 0, 0, FALSE, FALSE, WSP_OPINION_STATE_WAIVED, -38, FALSE },
    /* An opinion given in time, or after (the city may still take it):
     * given, never waived. */
    { 11, 10, 16, 0, 0, TRUE, FALSE, WSP_OPINION_STATE_GIVEN, 2, FALSE },
    { 11, 15, 16, 0, 0, TRUE, FALSE, WSP_OPINION_STATE_GIVEN, -3, FALSE },
    { 11, 10, 16, 0, 0, FALSE, TRUE, WSP_OPINION_STATE_WITHDRAWN, 2, TRUE },
  };

  assert_end_of_day (deadline, 2027, 11, 12);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GDateTime) now = g_date_time_new_local (2027, cases[i].month, cases[i].day, cases[i].hour,
                                                         cases[i].minute, cases[i].second);
      int left = 99;

      g_test_message ("case %u", i);
      g_assert_cmpint (wsp_opinion_state (deadline, now, cases[i].given, cases[i].withdrawn, &left), ==,
                       cases[i].state);
      g_assert_cmpint (left, ==, cases[i].days_left);
      /* A withdrawn draft is still due by its dates; leaving it out of the
       * reminder is for whoever asks. */
      g_assert_cmpint (wsp_opinion_due_soon (deadline, now, cases[i].given, WSP_OPINION_REMINDER_DAYS), ==,
                       cases[i].due_soon);
    }

  /* Without a deadline a draft is open, and never due. */
  {
    g_autoptr (GDateTime) now = g_date_time_new_local (2027, 11, 12, 12, 0, 0);

    g_assert_cmpint (wsp_opinion_state (NULL, now, FALSE, FALSE, NULL), ==, WSP_OPINION_STATE_OPEN);
    g_assert_false (wsp_opinion_due_soon (NULL, now, FALSE, 3));
  }
}

/* Other drafts: the days the bylaws give, over Easter 2027 (28–29 March):
 * 10 days from Thursday 18 March end on Sunday 28, Easter Monday is a
 * holiday too, so Tuesday 30 March. */
static void
test_opinion_state_custom_days (void)
{
  g_autoptr (GDateTime) deadline = deadline_for (&defaults, WSP_DRAFT_KIND_OTHER, 2027, 3, 18, 10);
  g_autoptr (GDateTime) monday = g_date_time_new_local (2027, 3, 29, 12, 0, 0);
  g_autoptr (GDateTime) tuesday_night = g_date_time_new_local (2027, 3, 30, 23, 0, 0);
  g_autoptr (GDateTime) wednesday = g_date_time_new_local (2027, 3, 31, 8, 0, 0);

  assert_end_of_day (deadline, 2027, 3, 30);
  g_assert_cmpint (wsp_opinion_state (deadline, monday, FALSE, FALSE, NULL), ==, WSP_OPINION_STATE_OPEN);
  g_assert_cmpint (wsp_opinion_state (deadline, tuesday_night, FALSE, FALSE, NULL), ==, WSP_OPINION_STATE_DUE_TODAY);
  g_assert_cmpint (wsp_opinion_state (deadline, wednesday, FALSE, FALSE, NULL), ==, WSP_OPINION_STATE_WAIVED);
}

/* Elections: the ranking worked out by hand for each case. */
static void
test_election_rank (void)
{
  /* 3 seats; A 14, B 9, C 9, D 9, E 2: A elected, B C D tied for the 2
   * seats left. */
  const guint tie[] = { 9, 14, 9, 2, 9 };
  /* 2 seats; 7, 12, 5: the 12 and the 7 elected, no tie. */
  const guint clear[] = { 7, 12, 5 };
  /* 3 seats; 4, 0, 0: one elected, two seats unfilled (no vote, no seat). */
  const guint empty[] = { 4, 0, 0 };
  /* 2 seats, two candidates with equal votes: both elected. */
  const guint enough[] = { 6, 6 };
  guint order[5];
  WspStanding standing[5];
  WspElectionOutcome outcome;

  wsp_rank_candidates (tie, 5, 3, order, standing, &outcome);
  g_assert_cmpuint (order[0], ==, 1);
  g_assert_cmpuint (order[1], ==, 0);
  g_assert_cmpuint (order[2], ==, 2);
  g_assert_cmpuint (order[3], ==, 4);
  g_assert_cmpuint (order[4], ==, 3);
  g_assert_cmpint (standing[1], ==, WSP_STANDING_ELECTED);
  g_assert_cmpint (standing[0], ==, WSP_STANDING_TIED);
  g_assert_cmpint (standing[2], ==, WSP_STANDING_TIED);
  g_assert_cmpint (standing[4], ==, WSP_STANDING_TIED);
  g_assert_cmpint (standing[3], ==, WSP_STANDING_NOT_ELECTED);
  g_assert_cmpuint (outcome.elected, ==, 1);
  g_assert_cmpuint (outcome.tied, ==, 3);
  g_assert_cmpuint (outcome.tied_seats, ==, 2);
  g_assert_cmpuint (outcome.unfilled, ==, 0);

  wsp_rank_candidates (clear, 3, 2, order, standing, &outcome);
  g_assert_cmpint (standing[0], ==, WSP_STANDING_ELECTED);
  g_assert_cmpint (standing[1], ==, WSP_STANDING_ELECTED);
  g_assert_cmpint (standing[2], ==, WSP_STANDING_NOT_ELECTED);
  g_assert_cmpuint (outcome.elected, ==, 2);
  g_assert_cmpuint (outcome.tied, ==, 0);
  g_assert_cmpuint (outcome.tied_seats, ==, 0);

  wsp_rank_candidates (empty, 3, 3, order, standing, &outcome);
  g_assert_cmpint (standing[0], ==, WSP_STANDING_ELECTED);
  g_assert_cmpint (standing[1], ==, WSP_STANDING_NOT_ELECTED);
  g_assert_cmpint (standing[2], ==, WSP_STANDING_NOT_ELECTED);
  g_assert_cmpuint (outcome.elected, ==, 1);
  g_assert_cmpuint (outcome.tied, ==, 0);
  g_assert_cmpuint (outcome.unfilled, ==, 2);

  wsp_rank_candidates (enough, 2, 2, order, standing, &outcome);
  g_assert_cmpuint (outcome.elected, ==, 2);
  g_assert_cmpuint (outcome.tied, ==, 0);

  /* One seat, 6 and 6: both tied for it. */
  wsp_rank_candidates (enough, 2, 1, order, standing, &outcome);
  g_assert_cmpuint (outcome.elected, ==, 0);
  g_assert_cmpuint (outcome.tied, ==, 2);
  g_assert_cmpuint (outcome.tied_seats, ==, 1);
}

static void
test_election_count_valid (void)
{
  const guint votes[] = { 10, 8, 3 };

  /* 2 seats, 11 cards: at most 22 marks, none over 11. */
  g_assert_true (wsp_election_count_valid (votes, 3, 2, 11));
  /* 2 seats, 10 cards: 21 marks are more than 20. */
  g_assert_false (wsp_election_count_valid (votes, 3, 2, 10));
  /* 3 seats, 9 cards: 27 marks would do, but 10 votes from 9 cards cannot. */
  g_assert_false (wsp_election_count_valid (votes, 3, 3, 9));
}

int
main (int   argc,
      char *argv[])
{
  /* Deadlines are local days; test them in the city's time zone. */
  g_setenv ("TZ", "Europe/Warsaw", TRUE);
  tzset ();

  g_test_init (&argc, &argv, NULL);

  wsp_body_rules_init_default (&defaults);

  g_test_add_func ("/rules/defaults", test_defaults);
  g_test_add_func ("/rules/quorum/half", test_quorum_half);
  g_test_add_func ("/rules/quorum/no-members", test_quorum_no_members);
  g_test_add_func ("/rules/quorum/recusal", test_quorum_recusal);
  g_test_add_func ("/rules/quorum/custom", test_quorum_custom);
  g_test_add_func ("/rules/quorum/required-matches-reached", test_quorum_required_matches_reached);
  g_test_add_func ("/rules/verdict/simple", test_verdict_simple);
  g_test_add_func ("/rules/verdict/tie-casting-vote", test_verdict_tie_casting);
  g_test_add_func ("/rules/verdict/tie-fails", test_verdict_tie_fails);
  g_test_add_func ("/rules/verdict/no-quorum", test_verdict_no_quorum);
  g_test_add_func ("/rules/verdict/absolute", test_verdict_absolute);
  g_test_add_func ("/rules/verdict/two-thirds", test_verdict_two_thirds);
  g_test_add_func ("/rules/verdict/strings", test_verdict_strings);
  g_test_add_func ("/rules/verdict/strings-invalid", test_verdict_strings_invalid);
  g_test_add_func ("/rules/calendar/easter", test_easter);
  g_test_add_func ("/rules/calendar/holidays", test_holidays);
  g_test_add_func ("/rules/calendar/working-days", test_working_days);
  g_test_add_func ("/rules/deadline/plain", test_deadline_plain);
  g_test_add_func ("/rules/deadline/time-of-delivery", test_deadline_time_of_delivery);
  g_test_add_func ("/rules/deadline/weekend", test_deadline_weekend);
  g_test_add_func ("/rules/deadline/holidays", test_deadline_holidays);
  g_test_add_func ("/rules/deadline/custom", test_deadline_custom);
  g_test_add_func ("/rules/deadline/dst", test_deadline_dst);
  g_test_add_func ("/rules/deadline/waiver", test_waiver);
  g_test_add_func ("/rules/deadline/days-left", test_days_left);
  g_test_add_func ("/rules/composition/seats", test_composition);
  g_test_add_func ("/rules/absences/runs", test_absences);
  g_test_add_func ("/rules/absences/limit", test_absences_limit);
  g_test_add_func ("/rules/resolution/number", test_resolution_number);
  g_test_add_func ("/rules/resolution/number-zero", test_resolution_number_zero);
  g_test_add_func ("/rules/resolution/next-sequence", test_resolution_next);
  g_test_add_func ("/rules/election/rank", test_election_rank);
  g_test_add_func ("/rules/election/count-valid", test_election_count_valid);
  g_test_add_func ("/rules/deadline/state", test_opinion_state);
  g_test_add_func ("/rules/deadline/state-custom-days", test_opinion_state_custom_days);

  return g_test_run ();
}
