/* wsp-rules.c — the rules of the Council and the Forum as pure functions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every rule here takes its numbers from a WspBodyRules, so that a body
 * whose bylaws differ from the defaults only changes its settings.  The
 * functions have no side effects and need neither a display nor a
 * database; tests/test-rules.c exercises them.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rules/wsp-rules.h"

/* Fills @rules with the defaults from the Act on public benefit activity
 * and volunteering and common bylaws: quorum of at least half the members,
 * simple majority, the chair's casting vote in a tie, 14 days for an
 * opinion, a 3-year term and a flag after 3 unexcused absences in a row. */
void
wsp_body_rules_init_default (WspBodyRules *rules)
{
  g_return_if_fail (rules != NULL);

  rules->quorum_numerator = 1;
  rules->quorum_denominator = 2;
  rules->majority = WSP_MAJORITY_SIMPLE;
  rules->tie_rule = WSP_TIE_CASTING_VOTE;
  rules->opinion_deadline_days = 14;
  rules->term_years = 3;
  rules->absence_limit = 3;
  rules->circulation_majority = WSP_MAJORITY_ABSOLUTE;
}

/* Members who may take part in an item: @members less the @recused. */
static guint
entitled_members (guint members,
                  guint recused)
{
  return members > recused ? members - recused : 0;
}

/* Returns whether enough members are present to decide an item.  The
 * quorum counts neither in the base nor among those present the members
 * recused from the item: with @present including the @recused, it is
 * reached when (present − recused) × denominator ≥ (members − recused) ×
 * numerator, i.e. by default when at least half are present.  A body
 * with no member entitled to vote never has a quorum. */
gboolean
wsp_quorum_reached (const WspBodyRules *rules,
                    guint               members,
                    guint               present,
                    guint               recused)
{
  guint base;
  guint counted;

  g_return_val_if_fail (rules != NULL, FALSE);
  g_return_val_if_fail (rules->quorum_denominator > 0, FALSE);

  base = entitled_members (members, recused);
  if (base == 0)
    return FALSE;

  counted = present > recused ? present - recused : 0;

  return (guint64) counted * rules->quorum_denominator
         >= (guint64) base * rules->quorum_numerator;
}

/* Returns the smallest number of members that must be present (counted as
 * in wsp_quorum_reached(), so including the @recused) for the quorum:
 * wsp_quorum_reached (rules, members, n, recused) is TRUE exactly when
 * n ≥ the result.  Returns 0 when nobody is entitled to vote (no members,
 * or all recused), as then no attendance gives a quorum. */
guint
wsp_quorum_required (const WspBodyRules *rules,
                     guint               members,
                     guint               recused)
{
  guint base;
  guint64 needed;

  g_return_val_if_fail (rules != NULL, 0);
  g_return_val_if_fail (rules->quorum_denominator > 0, 0);

  base = entitled_members (members, recused);
  if (base == 0)
    return 0;

  /* Ceiling of base × numerator / denominator. */
  needed = ((guint64) base * rules->quorum_numerator + rules->quorum_denominator - 1)
           / rules->quorum_denominator;

  return (guint) MIN (needed + recused, (guint64) G_MAXUINT);
}

/* Returns the outcome of the vote in @tally under @majority:
 *
 * - Without a quorum (see wsp_quorum_reached()) nothing is decided.
 * - Simple majority: passed when there are more votes for than against;
 *   abstentions are not counted.  A tie (as many for as against, at least
 *   one each) follows rules->tie_rule: with the casting vote, the side the
 *   chair voted on wins; if the chair abstained or did not vote there is
 *   no casting vote to use, so the motion fails (TIE_FAILS).  No votes for
 *   and none against is not a tie: the motion is rejected.
 * - Absolute majority: passed when more than half of the members entitled
 *   to vote (members − recused, present or not) voted for.
 * - Two-thirds: passed when votes for are at least two thirds of the votes
 *   cast, abstentions counted as cast (for ≥ ⅔ × (for + against +
 *   abstain)), as in the Council's bylaws; no votes cast means rejected.
 *   Ties do not arise under absolute and two-thirds majorities. */
WspVerdict
wsp_verdict (const WspBodyRules *rules,
             WspMajority         majority,
             const WspTally     *tally)
{
  g_return_val_if_fail (rules != NULL, WSP_VERDICT_NO_QUORUM);
  g_return_val_if_fail (tally != NULL, WSP_VERDICT_NO_QUORUM);

  if (!wsp_quorum_reached (rules, tally->members, tally->present, tally->recused))
    return WSP_VERDICT_NO_QUORUM;

  switch (majority)
    {
    case WSP_MAJORITY_ABSOLUTE:
      {
        guint base = entitled_members (tally->members, tally->recused);

        return 2 * (guint64) tally->yes > base ? WSP_VERDICT_PASSED : WSP_VERDICT_REJECTED;
      }

    case WSP_MAJORITY_TWO_THIRDS:
      {
        guint64 cast = (guint64) tally->yes + tally->no + tally->abstain;

        if (cast > 0 && 3 * (guint64) tally->yes >= 2 * cast)
          return WSP_VERDICT_PASSED;
        return WSP_VERDICT_REJECTED;
      }

    case WSP_MAJORITY_SIMPLE:
    default:
      if (tally->yes > tally->no)
        return WSP_VERDICT_PASSED;
      if (tally->yes < tally->no || tally->yes == 0)
        return WSP_VERDICT_REJECTED;

      /* A tie. */
      if (rules->tie_rule == WSP_TIE_FAILS)
        return WSP_VERDICT_TIE_FAILS;

      switch (tally->chair_vote)
        {
        case WSP_VOTE_FOR:
          return WSP_VERDICT_PASSED_BY_CASTING_VOTE;
        case WSP_VOTE_AGAINST:
          return WSP_VERDICT_REJECTED_BY_CASTING_VOTE;
        case WSP_VOTE_ABSTAIN:
        case WSP_VOTE_NONE:
        default:
          /* The chair has no side to decide for: the motion fails. */
          return WSP_VERDICT_TIE_FAILS;
        }
    }
}

/* Returns whether @verdict means the motion was adopted. */
gboolean
wsp_verdict_is_passed (WspVerdict verdict)
{
  return verdict == WSP_VERDICT_PASSED || verdict == WSP_VERDICT_PASSED_BY_CASTING_VOTE;
}

/* Returns the translated text that tells a secretary what @verdict means,
 * for the screen and the minutes; %NULL for an unknown value. */
const char *
wsp_verdict_to_string (WspVerdict verdict)
{
  static const char * const texts[] = {
    /* Translators: outcome of a vote */
    [WSP_VERDICT_PASSED] = NC_("vote outcome", "Passed"),
    /* Translators: outcome of a vote */
    [WSP_VERDICT_REJECTED] = NC_("vote outcome", "Rejected"),
    /* Translators: outcome of a vote taken without a quorum */
    [WSP_VERDICT_NO_QUORUM] = NC_("vote outcome", "No quorum: nothing was decided"),
    /* Translators: outcome of a vote: a tie decided by the chair */
    [WSP_VERDICT_PASSED_BY_CASTING_VOTE] = NC_("vote outcome", "Passed by the chair’s casting vote"),
    /* Translators: outcome of a vote: a tie decided by the chair */
    [WSP_VERDICT_REJECTED_BY_CASTING_VOTE] = NC_("vote outcome", "Rejected by the chair’s casting vote"),
    /* Translators: outcome of a vote with as many votes for as against */
    [WSP_VERDICT_TIE_FAILS] = NC_("vote outcome", "Tie: the motion fails"),
  };

  g_return_val_if_fail ((guint) verdict < G_N_ELEMENTS (texts), NULL);

  /* A context of their own: “Rejected” of a vote is not an application's. */
  return g_dpgettext2 (GETTEXT_PACKAGE, "vote outcome", texts[verdict]);
}

/* Sets @date to Easter Sunday of the Gregorian @year (the anonymous
 * Gregorian computus of Meeus, Jones and Butcher). */
void
wsp_easter_sunday (guint  year,
                   GDate *date)
{
  guint a, b, c, d, e, f, g, h, i, k, l, m, month, day;

  g_return_if_fail (date != NULL);
  g_return_if_fail (g_date_valid_year ((GDateYear) year));

  a = year % 19;
  b = year / 100;
  c = year % 100;
  d = b / 4;
  e = b % 4;
  f = (b + 8) / 25;
  g = (b - f + 1) / 3;
  h = (19 * a + b - d - g + 15) % 30;
  i = c / 4;
  k = c % 4;
  l = (32 + 2 * e + 2 * i + 7 * 30 - h - k) % 7; /* + 7 × 30 keeps it unsigned */
  m = (a + 11 * h + 22 * l) / 451;
  month = (h + l + 114 - 7 * m) / 31;
  day = (h + l + 114 - 7 * m) % 31 + 1;

  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

/* Returns whether @date is a public holiday in Poland (ustawa o dniach
 * wolnych od pracy): 1 and 6 January (the latter since 2011), Easter
 * Sunday and Monday, 1 and 3 May, Pentecost Sunday, Corpus Christi, 15
 * August, 1 and 11 November, 24 December (since 2025), 25 and 26
 * December.  Ordinary Sundays are not counted here; see
 * wsp_polish_working_day(). */
gboolean
wsp_polish_public_holiday (const GDate *date)
{
  GDateYear year;
  GDate easter;
  int offset;

  g_return_val_if_fail (date != NULL, FALSE);
  g_return_val_if_fail (g_date_valid (date), FALSE);

  year = g_date_get_year (date);

  switch (g_date_get_month (date))
    {
    case G_DATE_JANUARY:
      if (g_date_get_day (date) == 1 || (g_date_get_day (date) == 6 && year >= 2011))
        return TRUE;
      break;
    case G_DATE_MAY:
      if (g_date_get_day (date) == 1 || g_date_get_day (date) == 3)
        return TRUE;
      break;
    case G_DATE_AUGUST:
      if (g_date_get_day (date) == 15)
        return TRUE;
      break;
    case G_DATE_NOVEMBER:
      if (g_date_get_day (date) == 1 || g_date_get_day (date) == 11)
        return TRUE;
      break;
    case G_DATE_DECEMBER:
      if ((g_date_get_day (date) == 24 && year >= 2025) || g_date_get_day (date) == 25
          || g_date_get_day (date) == 26)
        return TRUE;
      break;
    case G_DATE_BAD_MONTH:
    case G_DATE_FEBRUARY:
    case G_DATE_MARCH:
    case G_DATE_APRIL:
    case G_DATE_JUNE:
    case G_DATE_JULY:
    case G_DATE_SEPTEMBER:
    case G_DATE_OCTOBER:
    default:
      break;
    }

  wsp_easter_sunday (year, &easter);
  offset = g_date_days_between (&easter, date);

  /* Easter Sunday, Easter Monday, Pentecost, Corpus Christi. */
  return offset == 0 || offset == 1 || offset == 49 || offset == 60;
}

/* Returns whether @date is a working day for the purpose of art. 115 of
 * the Civil Code: neither a Saturday, nor a Sunday, nor a public holiday. */
gboolean
wsp_polish_working_day (const GDate *date)
{
  GDateWeekday weekday;

  g_return_val_if_fail (date != NULL, FALSE);
  g_return_val_if_fail (g_date_valid (date), FALSE);

  weekday = g_date_get_weekday (date);
  if (weekday == G_DATE_SATURDAY || weekday == G_DATE_SUNDAY)
    return FALSE;

  return !wsp_polish_public_holiday (date);
}

/* Sets @date to the calendar day of @dt in local time. */
static void
local_date (GDateTime *dt,
            GDate     *date)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (dt);
  int year, month, day;

  g_date_time_get_ymd (local, &year, &month, &day);
  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

/* Returns when the Council's time for an opinion on a draft delivered at
 * @delivered runs out, as the end (23:59:59 local time) of the last day:
 *
 * - The cooperation programme and the development strategy have the 14
 *   days fixed by art. 41i ust. 2 (WSP_STATUTORY_OPINION_DAYS); neither
 *   the rules nor @custom_days change that.
 * - Other drafts have @custom_days (the deadline set when the draft was
 *   registered) or, when it is ≤ 0, rules->opinion_deadline_days (14 if
 *   that is 0).
 *
 * Days are counted as in art. 111 § 2 of the Civil Code: the day of
 * delivery is not counted, so the deadline falls on the N-th day after
 * it.  When that day is a Saturday, a Sunday or a public holiday, art. 115
 * moves the end to the next working day.  Free with g_date_time_unref(). */
GDateTime *
wsp_opinion_deadline (const WspBodyRules *rules,
                      WspDraftKind        kind,
                      GDateTime          *delivered,
                      int                 custom_days)
{
  GDate date;
  guint days;

  g_return_val_if_fail (rules != NULL, NULL);
  g_return_val_if_fail (delivered != NULL, NULL);

  switch (kind)
    {
    case WSP_DRAFT_KIND_COOPERATION_PROGRAMME:
    case WSP_DRAFT_KIND_STRATEGY:
      days = WSP_STATUTORY_OPINION_DAYS;
      break;

    case WSP_DRAFT_KIND_OTHER:
    default:
      if (custom_days > 0)
        days = (guint) custom_days;
      else if (rules->opinion_deadline_days > 0)
        days = rules->opinion_deadline_days;
      else
        days = WSP_STATUTORY_OPINION_DAYS;
      break;
    }

  local_date (delivered, &date);
  g_date_add_days (&date, days);

  while (!wsp_polish_working_day (&date))
    g_date_add_days (&date, 1);

  return g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                g_date_get_day (&date), 23, 59, 59);
}

/* Returns whether the Council is deemed to have waived its opinion: none
 * was given and @now is after @deadline (the deadline itself still
 * counts as in time). */
gboolean
wsp_opinion_waived (GDateTime *deadline,
                    GDateTime *now,
                    gboolean   opinion_given)
{
  g_return_val_if_fail (deadline != NULL, FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  return !opinion_given && g_date_time_compare (now, deadline) > 0;
}

/* Returns how many calendar days (local time) remain from the day of @now
 * to the day of @deadline: 0 when the deadline is today, 1 tomorrow, and a
 * negative number of days when it has passed. */
int
wsp_opinion_days_left (GDateTime *deadline,
                       GDateTime *now)
{
  GDate today;
  GDate due;

  g_return_val_if_fail (deadline != NULL, 0);
  g_return_val_if_fail (now != NULL, 0);

  local_date (now, &today);
  local_date (deadline, &due);

  return g_date_days_between (&today, &due);
}

/**
 * wsp_opinion_state:
 * @deadline: (nullable): the end of the last day for the opinion; %NULL
 *   when none was set (the draft then stays open)
 * @now: the time to judge at
 * @opinion_given: whether the Council adopted its opinion
 * @withdrawn: whether the city withdrew the draft
 * @days_left: (out) (optional): days from today to the deadline, as
 *   wsp_opinion_days_left() counts them (0 without a deadline)
 *
 * Returns: where the draft stands: an opinion given or a draft withdrawn
 *   first, then due today, deemed waived after the deadline
 *   (wsp_opinion_waived()), else open
 */
WspOpinionState
wsp_opinion_state (GDateTime *deadline,
                   GDateTime *now,
                   gboolean   opinion_given,
                   gboolean   withdrawn,
                   int       *days_left)
{
  int left;

  g_return_val_if_fail (now != NULL, WSP_OPINION_STATE_OPEN);

  left = deadline != NULL ? wsp_opinion_days_left (deadline, now) : 0;
  if (days_left != NULL)
    *days_left = left;
  if (opinion_given)
    return WSP_OPINION_STATE_GIVEN;
  if (withdrawn)
    return WSP_OPINION_STATE_WITHDRAWN;
  if (deadline == NULL)
    return WSP_OPINION_STATE_OPEN;
  if (wsp_opinion_waived (deadline, now, FALSE))
    return WSP_OPINION_STATE_WAIVED;
  return left == 0 ? WSP_OPINION_STATE_DUE_TODAY : WSP_OPINION_STATE_OPEN;
}

/* Returns whether the opinion on a draft is still to be given and due
 * within @within_days days (today counts as 0): what the start-up
 * reminder names. */
gboolean
wsp_opinion_due_soon (GDateTime *deadline,
                      GDateTime *now,
                      gboolean   opinion_given,
                      guint      within_days)
{
  int left = 0;
  WspOpinionState state;

  if (deadline == NULL)
    return FALSE;
  state = wsp_opinion_state (deadline, now, opinion_given, FALSE, &left);
  return (state == WSP_OPINION_STATE_OPEN || state == WSP_OPINION_STATE_DUE_TODAY)
         && left >= 0 && (guint) left <= within_days;
}

/* Returns whether a Council with these seats meets art. 41f: NGO members
 * are at least half of all seats (2 × ngo ≥ total).  A Council with no
 * seats is not valid. */
gboolean
wsp_composition_ok (guint mayor_seats,
                    guint city_council_seats,
                    guint ngo_seats)
{
  guint64 total = (guint64) mayor_seats + city_council_seats + ngo_seats;

  return total > 0 && 2 * (guint64) ngo_seats >= total;
}

/* Returns the fewest NGO seats to add (the other sides unchanged) for
 * wsp_composition_ok() to hold: 0 when it already holds, as many as the
 * other sides have more seats than the NGOs otherwise, and 1 for a Council
 * with no seats at all. */
guint
wsp_composition_ngo_seats_needed (guint mayor_seats,
                                  guint city_council_seats,
                                  guint ngo_seats)
{
  guint64 others = (guint64) mayor_seats + city_council_seats;

  if (others == 0 && ngo_seats == 0)
    return 1;
  if (ngo_seats >= others)
    return 0;

  return (guint) MIN (others - ngo_seats, (guint64) G_MAXUINT);
}

/* Returns how many of the last meetings in @history (chronological, @n
 * entries) in a row were missed without an excuse.  Presence or an
 * excused absence ends the run. */
guint
wsp_absences_current_run (const WspPresence *history,
                          gsize                n)
{
  guint run = 0;

  g_return_val_if_fail (history != NULL || n == 0, 0);

  while (n > 0 && history[n - 1] == WSP_PRESENCE_ABSENT)
    {
      run++;
      n--;
    }

  return run;
}

/* Returns the longest run of consecutive unexcused absences anywhere in
 * @history (@n entries); presence or an excused absence breaks a run. */
guint
wsp_absences_longest_run (const WspPresence *history,
                          gsize                n)
{
  guint longest = 0;
  guint run = 0;

  g_return_val_if_fail (history != NULL || n == 0, 0);

  for (gsize i = 0; i < n; i++)
    {
      if (history[i] == WSP_PRESENCE_ABSENT)
        {
          run++;
          longest = MAX (longest, run);
        }
      else
        {
          run = 0;
        }
    }

  return longest;
}

/* Returns whether a member's attendance should be brought to a person's
 * attention as a ground for dismissal (art. 41g ust. 2 pkt 5: unexcused
 * absence from three consecutive meetings): the most recent meetings in
 * @history (chronological, @n entries) hold at least rules->absence_limit
 * unexcused absences in a row.  An excused absence or presence breaks the
 * run, and an earlier run that was followed by attendance is not flagged
 * (wsp_absences_longest_run() finds those).  A limit of 0 never flags. */
gboolean
wsp_absences_flagged (const WspBodyRules  *rules,
                      const WspPresence *history,
                      gsize                n)
{
  g_return_val_if_fail (rules != NULL, FALSE);
  g_return_val_if_fail (history != NULL || n == 0, FALSE);

  if (rules->absence_limit == 0)
    return FALSE;

  return wsp_absences_current_run (history, n) >= rules->absence_limit;
}

/* Returns the number of resolution @sequence of @year as written in the
 * minutes, e.g. "3/2027".  Free with g_free(). */
char *
wsp_resolution_number (guint sequence,
                       int   year)
{
  g_return_val_if_fail (sequence > 0, NULL);

  return g_strdup_printf ("%u/%d", sequence, year);
}

/* Parses the unsigned decimal at *@p up to a non-digit, moving *@p past
 * it.  Returns FALSE when there is no digit or the value exceeds @max. */
static gboolean
parse_decimal (const char **p,
               guint64      max,
               guint64     *value)
{
  guint64 v = 0;
  const char *s = *p;

  if (!g_ascii_isdigit (*s))
    return FALSE;

  for (; g_ascii_isdigit (*s); s++)
    {
      v = v * 10 + (guint64) (*s - '0');
      if (v > max)
        return FALSE;
    }

  *p = s;
  *value = v;
  return TRUE;
}

/* Parses a resolution number "N/YYYY" (surrounding spaces allowed). */
static gboolean
parse_resolution_number (const char *s,
                         guint      *sequence,
                         int        *year)
{
  guint64 seq;
  guint64 y;

  while (g_ascii_isspace (*s))
    s++;

  if (!parse_decimal (&s, G_MAXUINT - 1, &seq) || *s != '/')
    return FALSE;
  s++;

  if (!parse_decimal (&s, G_MAXINT, &y))
    return FALSE;

  while (g_ascii_isspace (*s))
    s++;

  if (*s != '\0')
    return FALSE;

  *sequence = (guint) seq;
  *year = (int) y;
  return TRUE;
}

/* Returns the sequence of the next resolution of @year: one more than the
 * highest N among the "N/year" numbers in @existing_numbers (a
 * %NULL-terminated array, may be %NULL), or 1 for the first of the year.
 * Numbers of other years and anything not of the form "N/YYYY" are
 * ignored. */
guint
wsp_resolution_next_sequence (const char * const *existing_numbers,
                              int                 year)
{
  guint highest = 0;

  if (existing_numbers == NULL)
    return 1;

  for (gsize i = 0; existing_numbers[i] != NULL; i++)
    {
      guint sequence;
      int y;

      if (parse_resolution_number (existing_numbers[i], &sequence, &y) && y == year)
        highest = MAX (highest, sequence);
    }

  return highest + 1;
}

/* ---- elections of delegates ---------------------------------------------- */

static int
compare_rank (gconstpointer a,
              gconstpointer b,
              gpointer      data)
{
  const guint *rank_votes = data;
  guint x = *(const guint *) a;
  guint y = *(const guint *) b;

  if (rank_votes[x] != rank_votes[y])
    return rank_votes[x] > rank_votes[y] ? -1 : 1;
  return x < y ? -1 : x > y;
}

/**
 * wsp_rank_candidates:
 * @votes: (array length=n): the votes of each candidate
 * @n: the number of candidates
 * @seats: the seats to fill
 * @order: (out caller-allocates) (array length=n): the candidates' indexes,
 *   the most votes first (equal votes in the order given)
 * @standing: (out caller-allocates) (array length=n) (nullable): where each
 *   candidate (by index, as in @votes) stands
 * @outcome: (out) (nullable): the counts of the outcome
 *
 * Ranks the candidates of an election with @seats seats. Those with more
 * votes than the candidate on the last seat are elected; when candidates
 * with the votes of the last seat are more than the seats left, they are
 * tied and a run-off among them fills those seats. A candidate with no
 * vote is never elected; seats left so are unfilled.
 */
void
wsp_rank_candidates (const guint        *votes,
                     gsize               n,
                     guint               seats,
                     guint              *order,
                     WspStanding        *standing,
                     WspElectionOutcome *outcome)
{
  WspElectionOutcome out = { 0 };
  guint last_votes = 0;
  gsize at_last = 0;
  gsize above = 0;

  g_return_if_fail (n == 0 || (votes != NULL && order != NULL));

  for (gsize i = 0; i < n; i++)
    order[i] = i;
  if (n > 1)
    g_qsort_with_data (order, (gint) n, sizeof *order, compare_rank, (gpointer) votes);

  if (seats > 0 && n > 0)
    last_votes = votes[order[MIN ((gsize) seats, n) - 1]];
  for (gsize i = 0; i < n; i++)
    {
      if (seats > 0 && votes[i] > last_votes)
        above++;
      else if (seats > 0 && votes[i] == last_votes)
        at_last++;
    }

  for (gsize i = 0; i < n; i++)
    {
      WspStanding s = WSP_STANDING_NOT_ELECTED;

      if (seats == 0 || votes[i] == 0)
        s = WSP_STANDING_NOT_ELECTED;
      else if (votes[i] > last_votes)
        s = WSP_STANDING_ELECTED;
      else if (votes[i] == last_votes)
        s = above + at_last <= seats ? WSP_STANDING_ELECTED : WSP_STANDING_TIED;
      if (standing != NULL)
        standing[i] = s;
      if (s == WSP_STANDING_ELECTED)
        out.elected++;
      else if (s == WSP_STANDING_TIED)
        out.tied++;
    }
  if (out.tied > 0)
    out.tied_seats = seats - out.elected;
  out.unfilled = seats - out.elected - out.tied_seats;
  if (outcome != NULL)
    *outcome = out;
}

/**
 * wsp_election_count_valid:
 * @votes: (array length=n): the votes of each candidate
 * @n: the number of candidates
 * @seats: the seats: a card marks at most this many candidates, each once
 * @valid_cards: the valid cards counted
 *
 * Returns: whether the candidates' votes can come from @valid_cards cards:
 *   no candidate has more votes than there are cards, and all the votes
 *   together are not more than @seats on each card.
 */
gboolean
wsp_election_count_valid (const guint *votes,
                          gsize        n,
                          guint        seats,
                          guint        valid_cards)
{
  guint64 sum = 0;

  for (gsize i = 0; i < n; i++)
    {
      if (votes[i] > valid_cards)
        return FALSE;
      sum += votes[i];
    }
  return sum <= (guint64) seats * valid_cards;
}
