/* wsp-elections.c — elections of delegates: candidates, the count, the elected, run-offs
 *
 * The Forum elects its delegates to the Council and to grant committees:
 * an election has seats, candidates (people or organisations) and, once
 * the cards are counted, the votes of each candidate with the valid and
 * invalid cards. Each voter (one per member present: in the Forum, one
 * per member organisation) marks up to as many candidates as there are
 * seats, so the count is refused when it cannot come from the cards, and
 * when there are more cards than voters. Secret by default: no name of a
 * voter is ever stored, only the totals the counting committee gives.
 *
 * The ranking comes from wsp_rank_candidates(): a tie for the last seats
 * is flagged, and a run-off among the tied is a new election of its own
 * ("runoff_of") for the seats left. Closing fixes the elected, the number
 * entitled to vote and the sentence the minutes use.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "base/wsp-text.h"
#include "domain/wsp-check-in.h"
#include "domain/wsp-check-in-entry.h"
#include "domain/wsp-elections.h"
#include "domain/wsp-meetings.h"
#include "records/wsp-records-meetings.h"
#include "records/wsp-records-votes.h"

G_DEFINE_QUARK (wsp-election-error-quark, wsp_election_error)

void
wsp_election_candidate_free (WspElectionCandidate *candidate)
{
  if (candidate == NULL)
    return;
  g_free (candidate->id);
  g_free (candidate->name);
  g_free (candidate->organisation_id);
  g_free (candidate->person_id);
  g_free (candidate);
}

/* The seats to fill: one when not set. */
guint
wsp_elections_get_seats (WspRecord *election)
{
  gint64 seats = wsp_record_get_int (election, "seats");

  return seats > 0 ? (guint) MIN (seats, G_MAXUINT) : 1;
}

/* Secret unless said otherwise. */
WspBallotMode
wsp_elections_get_mode (WspRecord *election)
{
  return g_strcmp0 (wsp_record_get_string (election, "mode"), "open") == 0 ? WSP_BALLOT_OPEN : WSP_BALLOT_SECRET;
}

/* Whether the cards were counted. */
gboolean
wsp_elections_is_counted (WspRecord *election)
{
  return wsp_record_get_int (election, "valid_cards") > 0 || wsp_record_get_int (election, "invalid_cards") > 0;
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
           ? json_node_get_string (node)
           : NULL;
}

/**
 * wsp_elections_dup_candidates:
 * @election: the election
 * @outcome: (out) (nullable): what the count gives
 *
 * Returns: (transfer full) (element-type WspElectionCandidate): the candidates in
 *   the order they were put forward, each with its votes and standing
 */
GPtrArray *
wsp_elections_dup_candidates (WspRecord          *election,
                              WspElectionOutcome *outcome)
{
  GPtrArray *candidates = g_ptr_array_new_with_free_func ((GDestroyNotify) wsp_election_candidate_free);
  JsonNode *value = wsp_record_get_value (election, "candidates");
  g_autofree guint *votes = NULL;
  g_autofree guint *order = NULL;
  g_autofree WspStanding *standing = NULL;

  if (value != NULL && JSON_NODE_HOLDS_ARRAY (value))
    {
      JsonArray *array = json_node_get_array (value);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *node = json_array_get_element (array, i);
          JsonObject *object;
          WspElectionCandidate *candidate;
          JsonNode *count;

          if (!JSON_NODE_HOLDS_OBJECT (node))
            continue;
          object = json_node_get_object (node);
          if (member_string (object, "id") == NULL || member_string (object, "name") == NULL)
            continue;
          candidate = g_new0 (WspElectionCandidate, 1);
          candidate->id = g_strdup (member_string (object, "id"));
          candidate->name = g_strdup (member_string (object, "name"));
          candidate->organisation_id = g_strdup (member_string (object, "organisation_id"));
          candidate->person_id = g_strdup (member_string (object, "person_id"));
          count = json_object_get_member (object, "votes");
          if (count != NULL && JSON_NODE_HOLDS_VALUE (count) && json_node_get_value_type (count) == G_TYPE_INT64)
            candidate->votes = (guint) CLAMP (json_node_get_int (count), 0, G_MAXUINT);
          g_ptr_array_add (candidates, candidate);
        }
    }

  votes = g_new0 (guint, candidates->len + 1);
  order = g_new0 (guint, candidates->len + 1);
  standing = g_new0 (WspStanding, candidates->len + 1);
  for (guint i = 0; i < candidates->len; i++)
    votes[i] = ((WspElectionCandidate *) g_ptr_array_index (candidates, i))->votes;
  wsp_rank_candidates (votes, candidates->len, wsp_elections_get_seats (election), order, standing, outcome);
  for (guint i = 0; i < candidates->len; i++)
    ((WspElectionCandidate *) g_ptr_array_index (candidates, i))->standing =
      wsp_elections_is_counted (election) ? standing[i] : WSP_STANDING_NOT_ELECTED;
  if (outcome != NULL && !wsp_elections_is_counted (election))
    *outcome = (WspElectionOutcome) { 0 };
  return candidates;
}

/**
 * wsp_elections_dup_ranking:
 * @election: the election
 * @outcome: (out) (nullable): what the count gives
 *
 * Returns: (transfer full) (element-type WspElectionCandidate): the candidates, the
 *   most votes first
 */
GPtrArray *
wsp_elections_dup_ranking (WspRecord          *election,
                           WspElectionOutcome *outcome)
{
  g_autoptr (GPtrArray) candidates = wsp_elections_dup_candidates (election, outcome);
  GPtrArray *ranking = g_ptr_array_new_with_free_func ((GDestroyNotify) wsp_election_candidate_free);
  g_autofree guint *votes = g_new0 (guint, candidates->len + 1);
  g_autofree guint *order = g_new0 (guint, candidates->len + 1);

  for (guint i = 0; i < candidates->len; i++)
    votes[i] = ((WspElectionCandidate *) g_ptr_array_index (candidates, i))->votes;
  wsp_rank_candidates (votes, candidates->len, wsp_elections_get_seats (election), order, NULL, NULL);
  for (guint i = 0; i < candidates->len; i++)
    g_ptr_array_add (ranking, g_steal_pointer (&g_ptr_array_index (candidates, order[i])));
  return ranking;
}

static JsonNode *
candidates_to_json (GPtrArray *candidates,
                    gboolean   with_votes)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < candidates->len; i++)
    {
      WspElectionCandidate *candidate = g_ptr_array_index (candidates, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, candidate->id);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, candidate->name);
      if (candidate->organisation_id != NULL)
        {
          json_builder_set_member_name (builder, "organisation_id");
          json_builder_add_string_value (builder, candidate->organisation_id);
        }
      if (candidate->person_id != NULL)
        {
          json_builder_set_member_name (builder, "person_id");
          json_builder_add_string_value (builder, candidate->person_id);
        }
      if (with_votes)
        {
          json_builder_set_member_name (builder, "votes");
          json_builder_add_int_value (builder, candidate->votes);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return json_builder_get_root (builder);
}

static WspRecord *
get_election (WspStore    *store,
              const char  *election_id,
              GError     **error)
{
  g_autoptr (WspRecord) election = election_id != NULL ? wsp_store_get (store, election_id, NULL) : NULL;

  if (election == NULL || !WSP_IS_ELECTION (election))
    {
      g_set_error_literal (error, WSP_ELECTION_ERROR, WSP_ELECTION_ERROR_NOT_FOUND,
                           _("This election is no longer in the database."));
      return NULL;
    }
  return g_steal_pointer (&election);
}

static WspRecord *
get_open_election (WspStore    *store,
                   const char  *election_id,
                   GError     **error)
{
  g_autoptr (WspRecord) election = get_election (store, election_id, error);

  if (election != NULL && wsp_record_get_string (election, "closed_at") != NULL)
    {
      g_set_error_literal (error, WSP_ELECTION_ERROR, WSP_ELECTION_ERROR_CLOSED,
                           _("This election is closed: its result cannot be changed."));
      return NULL;
    }
  return g_steal_pointer (&election);
}

static void
set_opened (WspRecord *election)
{
  g_autoptr (GDateTime) now = NULL;
  g_autofree char *text = NULL;

  if (wsp_record_get_string (election, "opened_at") != NULL)
    return;
  now = g_date_time_new_now_local ();
  text = wsp_meetings_format_time (now);
  wsp_record_set_string (election, "opened_at", text);
}

/**
 * wsp_elections_count_entitled:
 * @store: the store
 * @election: the election
 * @error: where to say why the members could not be read
 *
 * Returns: how many may vote: for an election on an agenda item, the
 *   members in the room (in the Forum, one vote per member organisation)
 *   less those recused from the item; otherwise every member of the body
 *   on the day. 0 with @error set when the members could not be read.
 */
guint
wsp_elections_count_entitled (WspStore   *store,
                              WspRecord  *election,
                              GError    **error)
{
  const char *item_id = wsp_record_get_string (election, "agenda_item_id");
  g_autoptr (WspRecord) item = item_id != NULL ? wsp_store_get (store, item_id, NULL) : NULL;
  const char *meeting_id = item != NULL ? wsp_record_get_string (item, "meeting_id") : NULL;
  guint entitled = 0;

  if (meeting_id != NULL)
    {
      g_autoptr (WspCheckIn) check_in = wsp_check_in_new (store, meeting_id);
      g_auto (GStrv) recused = wsp_record_dup_list (item, "recused");
      guint n = g_list_model_get_n_items (G_LIST_MODEL (check_in));

      for (guint i = 0; i < n; i++)
        {
          g_autoptr (WspCheckInEntry) entry = g_list_model_get_item (G_LIST_MODEL (check_in), i);

          if (wsp_check_in_entry_is_in_the_room (entry)
              && (recused == NULL || !g_strv_contains ((const char * const *) recused,
                                                       wsp_check_in_entry_get_seat_id (entry))))
            entitled++;
        }
    }
  else
    {
      g_autoptr (WspRecord) body = wsp_store_get (store, wsp_record_get_string (election, "body_id"), NULL);
      const char *opened = wsp_record_get_string (election, "opened_at");
      g_autoptr (GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *date = opened != NULL ? g_strndup (opened, 10) : g_date_time_format (now, "%Y-%m-%d");
      g_autoptr (GPtrArray) members = NULL;

      if (body == NULL)
        return 0;
      members = wsp_meetings_members_on (store, body, date, error);
      entitled = members != NULL ? members->len : 0;
    }
  return entitled;
}

/**
 * wsp_elections_find_runoff:
 * @store: the store
 * @election_id: an election
 *
 * Returns: (transfer full) (nullable): the id of the run-off held among
 *   those tied in @election_id, if there is one
 */
char *
wsp_elections_find_runoff (WspStore   *store,
                           const char *election_id)
{
  g_autoptr (GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);

  if (!wsp_store_query (store, WSP_TYPE_ELECTION, "runoff_of", election_id, found, NULL) || found->len == 0)
    return NULL;
  return g_strdup (wsp_record_get_id (g_ptr_array_index (found, 0)));
}

/**
 * wsp_elections_set_setup:
 * @store: the store
 * @election_id: an open election
 * @title: what is elected ("Delegates of the Forum to the Council")
 * @seats: the seats, at least one
 * @mode: secret or open
 * @error: where to say why not
 *
 * Sets what the election is for, its seats and how it is held; the seats
 * and the kind no longer change once the cards are counted.
 */
gboolean
wsp_elections_set_setup (WspStore       *store,
                         const char     *election_id,
                         const char     *title,
                         guint           seats,
                         WspBallotMode   mode,
                         GError        **error)
{
  g_autoptr (WspRecord) election = get_open_election (store, election_id, error);
  g_autofree char *stripped = g_strstrip (g_strdup (title != NULL ? title : ""));
  const char *mode_name = mode == WSP_BALLOT_OPEN ? "open" : "secret";

  if (election == NULL)
    return FALSE;
  if (*stripped == '\0')
    {
      g_set_error_literal (error, WSP_ELECTION_ERROR, WSP_ELECTION_ERROR_NO_NAME,
                           _("Say what the election is for."));
      return FALSE;
    }
  if (mode == WSP_BALLOT_ROLL_CALL)
    {
      g_set_error_literal (error, WSP_ELECTION_ERROR, WSP_ELECTION_ERROR_BAD_COUNT,
                           _("An election is held by secret or open vote, not by roll-call."));
      return FALSE;
    }
  seats = MAX (seats, 1);
  if (wsp_elections_is_counted (election)
      && (seats != wsp_elections_get_seats (election) || mode != wsp_elections_get_mode (election)))
    {
      g_set_error_literal (error, WSP_ELECTION_ERROR, WSP_ELECTION_ERROR_COUNTED,
                           _("The cards are counted already: the seats and the kind of vote no longer change."));
      return FALSE;
    }
  if (g_strcmp0 (wsp_record_get_string (election, "title"), stripped) == 0
      && wsp_record_get_int (election, "seats") == seats
      && g_strcmp0 (wsp_record_get_string (election, "mode"), mode_name) == 0)
    return TRUE;
  wsp_record_set_string (election, "title", stripped);
  wsp_record_set_int (election, "seats", seats);
  wsp_record_set_string (election, "mode", mode_name);
  return wsp_store_save (store, election, error);
}

/**
 * wsp_elections_add_candidate:
 * @store: the store
 * @election_id: an open election whose cards are not counted yet
 * @name: the candidate's name as it goes on the card
 * @organisation_id: (nullable): the organisation, when from the register
 * @person_id: (nullable): the person, when from the register
 * @error: where to say why not
 *
 * Returns: (transfer full) (nullable): the new candidate's id
 */
char *
wsp_elections_add_candidate (WspStore    *store,
                             const char  *election_id,
                             const char  *name,
                             const char  *organisation_id,
                             const char  *person_id,
                             GError     **error)
{
  g_autoptr (WspRecord) election = get_open_election (store, election_id, error);
  g_autofree char *stripped = g_strstrip (g_strdup (name != NULL ? name : ""));
  g_autofree char *folded = NULL;
  g_autoptr (GPtrArray) candidates = NULL;
  WspElectionCandidate *candidate;

  if (election == NULL)
    return NULL;
  if (*stripped == '\0')
    {
      g_set_error_literal (error, WSP_ELECTION_ERROR, WSP_ELECTION_ERROR_NO_NAME,
                           _("Type the candidate’s name."));
      return NULL;
    }
  if (wsp_elections_is_counted (election))
    {
      g_set_error_literal (error, WSP_ELECTION_ERROR, WSP_ELECTION_ERROR_COUNTED,
                           _("The cards are counted already: no candidate can be added."));
      return NULL;
    }
  candidates = wsp_elections_dup_candidates (election, NULL);
  folded = wsp_text_fold (stripped);
  for (guint i = 0; i < candidates->len; i++)
    {
      WspElectionCandidate *other = g_ptr_array_index (candidates, i);
      g_autofree char *other_folded = wsp_text_fold (other->name);

      if (g_strcmp0 (folded, other_folded) == 0
          || (organisation_id != NULL && g_strcmp0 (organisation_id, other->organisation_id) == 0)
          || (person_id != NULL && g_strcmp0 (person_id, other->person_id) == 0))
        {
          g_set_error (error, WSP_ELECTION_ERROR, WSP_ELECTION_ERROR_DUPLICATE_CANDIDATE,
                       /* Translators: %s is a candidate's name */
                       _("%s is a candidate already."), other->name);
          return NULL;
        }
    }
  candidate = g_new0 (WspElectionCandidate, 1);
  candidate->id = g_uuid_string_random ();
  candidate->name = g_steal_pointer (&stripped);
  candidate->organisation_id = g_strdup (organisation_id);
  candidate->person_id = g_strdup (person_id);
  g_ptr_array_add (candidates, candidate);
  wsp_record_set_value (election, "candidates", candidates_to_json (candidates, FALSE));
  set_opened (election);
  if (!wsp_store_save (store, election, error))
    return NULL;
  return g_strdup (candidate->id);
}

/* Takes a candidate off an election whose cards are not counted yet. */
gboolean
wsp_elections_remove_candidate (WspStore    *store,
                                const char  *election_id,
                                const char  *candidate_id,
                                GError     **error)
{
  g_autoptr (WspRecord) election = get_open_election (store, election_id, error);
  g_autoptr (GPtrArray) candidates = NULL;
  gboolean removed = FALSE;

  if (election == NULL)
    return FALSE;
  if (wsp_elections_is_counted (election))
    {
      g_set_error_literal (error, WSP_ELECTION_ERROR, WSP_ELECTION_ERROR_COUNTED,
                           _("The cards are counted already: no candidate can be taken off."));
      return FALSE;
    }
  candidates = wsp_elections_dup_candidates (election, NULL);
  for (guint i = 0; i < candidates->len && !removed; i++)
    if (g_strcmp0 (((WspElectionCandidate *) g_ptr_array_index (candidates, i))->id, candidate_id) == 0)
      {
        g_ptr_array_remove_index (candidates, i);
        removed = TRUE;
      }
  if (!removed)
    return TRUE;
  wsp_record_set_value (election, "candidates", candidates_to_json (candidates, FALSE));
  return wsp_store_save (store, election, error);
}

/**
 * wsp_elections_set_count:
 * @store: the store
 * @election_id: an open election
 * @valid_cards: the valid cards
 * @invalid_cards: the invalid cards
 * @votes: (array length=n_votes): each candidate's votes, in the order
 *   the candidates were put forward
 * @n_votes: the number of candidates
 * @error: where to say why the count is refused
 *
 * Records the count of the cards. Refused: more cards than voters
 * entitled, a candidate with more votes than there are valid cards, more
 * votes in all than the seats on each valid card.
 */
gboolean
wsp_elections_set_count (WspStore     *store,
                         const char   *election_id,
                         guint         valid_cards,
                         guint         invalid_cards,
                         const guint  *votes,
                         gsize         n_votes,
                         GError      **error)
{
  g_autoptr (WspRecord) election = get_open_election (store, election_id, error);
  g_autoptr (GPtrArray) candidates = NULL;
  g_autoptr (GError) members_error = NULL;
  guint entitled;
  guint seats;
  guint64 cards;

  if (election == NULL)
    return FALSE;
  candidates = wsp_elections_dup_candidates (election, NULL);
  if (candidates->len == 0 || n_votes != candidates->len)
    {
      g_set_error_literal (error, WSP_ELECTION_ERROR, WSP_ELECTION_ERROR_TOO_FEW_CANDIDATES,
                           _("Add the candidates before counting the cards."));
      return FALSE;
    }
  entitled = wsp_elections_count_entitled (store, election, &members_error);
  if (members_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&members_error));
      return FALSE;
    }
  cards = (guint64) valid_cards + invalid_cards;
  if (cards > entitled)
    {
      g_autofree char *counted = g_strdup_printf (ngettext ("%u card", "%u cards", (gulong) cards),
                                                  (guint) MIN (cards, G_MAXUINT));

      g_set_error (error, WSP_ELECTION_ERROR, WSP_ELECTION_ERROR_TOO_MANY_CARDS,
                   /* Translators: %1$s is "12 cards"; %2$u may vote */
                   ngettext ("%1$s is more than the %2$u voter entitled to vote: count again.",
                             "%1$s is more than the %2$u voters entitled to vote: count again.",
                             entitled),
                   counted, entitled);
      return FALSE;
    }
  seats = wsp_elections_get_seats (election);
  if (!wsp_election_count_valid (votes, n_votes, seats, valid_cards))
    {
      g_set_error (error, WSP_ELECTION_ERROR, WSP_ELECTION_ERROR_BAD_COUNT,
                   /* Translators: %u is the number of seats; the votes counted cannot come from the cards */
                   ngettext ("These votes cannot come from the valid cards: each card marks at most %u "
                             "candidate, and no candidate has more votes than there are cards. Count again.",
                             "These votes cannot come from the valid cards: each card marks at most %u "
                             "candidates, and no candidate has more votes than there are cards. Count again.",
                             seats),
                   seats);
      return FALSE;
    }
  for (guint i = 0; i < candidates->len; i++)
    ((WspElectionCandidate *) g_ptr_array_index (candidates, i))->votes = votes[i];
  wsp_record_set_value (election, "candidates", candidates_to_json (candidates, TRUE));
  wsp_record_set_int (election, "valid_cards", valid_cards);
  wsp_record_set_int (election, "invalid_cards", invalid_cards);
  set_opened (election);
  return wsp_store_save (store, election, error);
}

static char *
join_names (GPtrArray   *candidates,
            WspStanding  standing,
            gboolean     with_votes)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; i < candidates->len; i++)
    {
      WspElectionCandidate *candidate = g_ptr_array_index (candidates, i);

      if (candidate->standing != standing)
        continue;
      if (text->len > 0)
        g_string_append (text, ", ");
      if (with_votes)
        /* Translators: a candidate and the votes: "Anna Kowalczyk (12 votes)" */
        g_string_append_printf (text, ngettext ("%1$s (%2$u vote)", "%1$s (%2$u votes)", candidate->votes),
                                candidate->name, candidate->votes);
      else
        g_string_append (text, candidate->name);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * wsp_elections_result_text:
 * @election: a counted election
 *
 * Returns: (transfer full): the result as the minutes say it: who was
 *   elected with their votes, the tie for the last seats, the cards
 */
char *
wsp_elections_result_text (WspRecord *election)
{
  WspElectionOutcome outcome;
  g_autoptr (GPtrArray) ranking = wsp_elections_dup_ranking (election, &outcome);
  g_autoptr (GString) text = g_string_new (NULL);
  guint valid = (guint) CLAMP (wsp_record_get_int (election, "valid_cards"), 0, G_MAXUINT);
  guint invalid = (guint) CLAMP (wsp_record_get_int (election, "invalid_cards"), 0, G_MAXUINT);

  if (outcome.elected > 0)
    {
      g_autofree char *names = join_names (ranking, WSP_STANDING_ELECTED, TRUE);

      /* Translators: %s lists the elected with their votes */
      g_string_append_printf (text, ngettext ("Elected: %s.", "Elected: %s.", outcome.elected), names);
    }
  else
    g_string_append (text, _("Nobody was elected."));
  if (outcome.tied > 0)
    {
      g_autofree char *names = join_names (ranking, WSP_STANDING_TIED, FALSE);
      guint tied_votes = 0;

      for (guint i = 0; i < ranking->len; i++)
        if (((WspElectionCandidate *) g_ptr_array_index (ranking, i))->standing == WSP_STANDING_TIED)
          tied_votes = ((WspElectionCandidate *) g_ptr_array_index (ranking, i))->votes;
      g_string_append_c (text, ' ');
      /* Translators: %1$s the tied candidates, %2$u the votes each has */
      g_string_append_printf (text,
                              ngettext ("Tied with %2$u vote each for the last seat: %1$s; a run-off decides.",
                                        "Tied with %2$u votes each for the last seat: %1$s; a run-off decides.",
                                        tied_votes),
                              names, tied_votes);
    }
  g_string_append_c (text, ' ');
  /* Translators: the cards counted in an election */
  g_string_append_printf (text, ngettext ("%u valid card", "%u valid cards", valid), valid);
  g_string_append (text, ", ");
  g_string_append_printf (text, ngettext ("%u invalid.", "%u invalid.", invalid), invalid);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * wsp_elections_close:
 * @store: the store
 * @election_id: an open election whose cards are counted
 * @now: when it closes
 * @error: where to say why not
 *
 * Fixes the elected (those elected outright: the tied wait for their
 * run-off), the number entitled to vote and the result for the minutes.
 */
gboolean
wsp_elections_close (WspStore   *store,
                     const char *election_id,
                     GDateTime  *now,
                     GError    **error)
{
  g_autoptr (WspRecord) election = get_open_election (store, election_id, error);
  g_autoptr (GPtrArray) ranking = NULL;
  g_autoptr (GPtrArray) elected = NULL;
  g_autoptr (GError) members_error = NULL;
  g_autofree char *result = NULL;
  g_autofree char *closed_at = NULL;
  guint entitled;

  if (election == NULL)
    return FALSE;
  if (!wsp_elections_is_counted (election))
    {
      g_set_error_literal (error, WSP_ELECTION_ERROR, WSP_ELECTION_ERROR_NOT_COUNTED,
                           _("Enter the count of the cards before closing the election."));
      return FALSE;
    }
  entitled = wsp_elections_count_entitled (store, election, &members_error);
  if (members_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&members_error));
      return FALSE;
    }
  ranking = wsp_elections_dup_ranking (election, NULL);
  elected = g_ptr_array_new ();
  for (guint i = 0; i < ranking->len; i++)
    if (((WspElectionCandidate *) g_ptr_array_index (ranking, i))->standing == WSP_STANDING_ELECTED)
      g_ptr_array_add (elected, ((WspElectionCandidate *) g_ptr_array_index (ranking, i))->id);
  g_ptr_array_add (elected, NULL);
  result = wsp_elections_result_text (election);
  closed_at = wsp_meetings_format_time (now);
  wsp_record_set_list (election, "elected", (const char * const *) elected->pdata);
  wsp_record_set_int (election, "tally_entitled", entitled);
  wsp_record_set_string (election, "result", result);
  wsp_record_set_string (election, "closed_at", closed_at);
  return wsp_store_save (store, election, error);
}

/**
 * wsp_elections_start_runoff:
 * @store: the store
 * @election_id: an election with a tie for its last seats
 * @error: where to say why not
 *
 * Prepares the run-off: a new election, on the same item, among the tied
 * candidates only, for the seats they compete for. The tied election is
 * closed first (those elected outright stay elected).
 *
 * Returns: (transfer full) (nullable): the run-off's id
 */
char *
wsp_elections_start_runoff (WspStore    *store,
                            const char  *election_id,
                            GError     **error)
{
  g_autoptr (WspRecord) election = get_election (store, election_id, error);
  g_autoptr (WspRecord) runoff = NULL;
  g_autoptr (GPtrArray) candidates = NULL;
  g_autoptr (GPtrArray) tied = NULL;
  g_autofree char *existing = NULL;
  g_autofree char *title = NULL;
  WspElectionOutcome outcome;

  if (election == NULL)
    return NULL;
  existing = wsp_elections_find_runoff (store, election_id);
  if (existing != NULL)
    {
      g_set_error_literal (error, WSP_ELECTION_ERROR, WSP_ELECTION_ERROR_RUNOFF_EXISTS,
                           _("The run-off of this election is prepared already."));
      return NULL;
    }
  candidates = wsp_elections_dup_candidates (election, &outcome);
  if (!wsp_elections_is_counted (election) || outcome.tied == 0)
    {
      g_set_error_literal (error, WSP_ELECTION_ERROR, WSP_ELECTION_ERROR_NO_TIE,
                           _("There is no tie for the last seat: no run-off is needed."));
      return NULL;
    }
  if (wsp_record_get_string (election, "closed_at") == NULL)
    {
      g_autoptr (GDateTime) now = g_date_time_new_now_local ();

      if (!wsp_elections_close (store, election_id, now, error))
        return NULL;
    }
  tied = g_ptr_array_new_with_free_func ((GDestroyNotify) wsp_election_candidate_free);
  for (guint i = 0; i < candidates->len; i++)
    if (((WspElectionCandidate *) g_ptr_array_index (candidates, i))->standing == WSP_STANDING_TIED)
      {
        WspElectionCandidate *candidate = g_steal_pointer (&g_ptr_array_index (candidates, i));

        candidate->votes = 0;
        g_ptr_array_add (tied, candidate);
      }
  runoff = WSP_RECORD (wsp_election_new ());
  /* Translators: the title of a run-off election; %s the election it decides */
  title = g_strdup_printf (_("%s — run-off"), wsp_record_get_string (election, "title"));
  wsp_record_set_string (runoff, "title", title);
  wsp_record_set_string (runoff, "body_id", wsp_record_get_string (election, "body_id"));
  wsp_record_set_string (runoff, "agenda_item_id", wsp_record_get_string (election, "agenda_item_id"));
  wsp_record_set_string (runoff, "runoff_of", election_id);
  wsp_record_set_string (runoff, "mode", wsp_elections_get_mode (election) == WSP_BALLOT_OPEN ? "open" : "secret");
  wsp_record_set_int (runoff, "seats", outcome.tied_seats);
  wsp_record_set_value (runoff, "candidates", candidates_to_json (tied, FALSE));
  set_opened (runoff);
  if (!wsp_store_save (store, runoff, error))
    return NULL;
  return g_strdup (wsp_record_get_id (runoff));
}
