/* wsp-choices.c — the values an enum field can take, with their labels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "records/wsp-choices.h"

const WspChoice wsp_body_kind_choices[] = {
  { WSP_BODY_FORUM, "forum", "body", NC_("body", "NGO Forum") },
  { WSP_BODY_COUNCIL, "council", "body", NC_("body", "Public Benefit Council") },
  { 0 },
};

const WspChoice wsp_majority_choices[] = {
  { WSP_MAJORITY_SIMPLE, "simple", "majority", NC_("majority", "Simple majority") },
  { WSP_MAJORITY_ABSOLUTE, "absolute", "majority", NC_("majority", "Absolute majority") },
  { WSP_MAJORITY_TWO_THIRDS, "two_thirds", "majority", NC_("majority", "Two-thirds majority") },
  { 0 },
};

const WspChoice wsp_tie_rule_choices[] = {
  { WSP_TIE_CASTING_VOTE, "casting_vote", "tie rule", NC_("tie rule", "The chair’s vote decides") },
  { WSP_TIE_FAILS, "fails", "tie rule", NC_("tie rule", "The motion fails") },
  { 0 },
};

const WspChoice wsp_side_choices[] = {
  /* Translators: the side of the Council appointed by the mayor */
  { WSP_SIDE_MAYOR, "mayor", "council side", NC_("council side", "Mayor’s side") },
  /* Translators: the side of the Council delegated by the city council (rada miasta) */
  { WSP_SIDE_CITY_COUNCIL, "city_council", "council side", NC_("council side", "City council’s side") },
  { WSP_SIDE_NGO, "ngo", "council side", NC_("council side", "NGO side") },
  { 0 },
};

const WspChoice wsp_executive_choices[] = {
  /* Translators: who the Council advises, in Polish “prezydent miasta” (a city with county rights) */
  { WSP_EXECUTIVE_CITY_MAYOR, "city_mayor", "executive", NC_("executive", "City mayor") },
  /* Translators: in Polish “burmistrz” (a town) */
  { WSP_EXECUTIVE_TOWN_MAYOR, "town_mayor", "executive", NC_("executive", "Town mayor") },
  /* Translators: in Polish “wójt” (a rural commune) */
  { WSP_EXECUTIVE_COMMUNE_HEAD, "commune_head", "executive", NC_("executive", "Commune head") },
  /* Translators: in Polish “starosta” (a county, powiat) */
  { WSP_EXECUTIVE_DISTRICT_HEAD, "district_head", "executive", NC_("executive", "District head") },
  /* Translators: in Polish “marszałek województwa” */
  { WSP_EXECUTIVE_MARSHAL, "marshal", "executive", NC_("executive", "Voivodeship marshal") },
  { 0 },
};

const WspChoice wsp_role_choices[] = {
  { WSP_ROLE_CHAIR, "chair", "seat role", NC_("seat role", "Chair") },
  { WSP_ROLE_VICE_CHAIR, "vice_chair", "seat role", NC_("seat role", "Vice-chair") },
  { WSP_ROLE_SECRETARY, "secretary", "seat role", NC_("seat role", "Secretary") },
  { WSP_ROLE_MEMBER, "member", "seat role", NC_("seat role", "Member") },
  { 0 },
};

const WspChoice wsp_grammatical_form_choices[] = {
  /* Translators: how texts speak of a person; in Polish “przewodnicząca, członkini” */
  { WSP_FORM_FEMININE, "feminine", "grammatical form", NC_("grammatical form", "Feminine forms") },
  /* Translators: in Polish “przewodniczący, członek” */
  { WSP_FORM_MASCULINE, "masculine", "grammatical form", NC_("grammatical form", "Masculine forms") },
  { 0 },
};

const WspChoice wsp_application_decision_choices[] = {
  { WSP_APPLICATION_PENDING, "pending", "membership application", NC_("membership application", "Waiting for a decision") },
  { WSP_APPLICATION_ACCEPTED, "accepted", "membership application", NC_("membership application", "Accepted") },
  { WSP_APPLICATION_REJECTED, "rejected", "membership application", NC_("membership application", "Rejected") },
  { 0 },
};

const WspChoice wsp_meeting_kind_choices[] = {
  { WSP_MEETING_ORDINARY, "ordinary", "meeting kind", NC_("meeting kind", "Ordinary") },
  { WSP_MEETING_EXTRAORDINARY, "extraordinary", "meeting kind", NC_("meeting kind", "Extraordinary") },
  { 0 },
};

const WspChoice wsp_meeting_status_choices[] = {
  { WSP_MEETING_PLANNED, "planned", "meeting status", NC_("meeting status", "Planned") },
  { WSP_MEETING_INVITED, "invited", "meeting status", NC_("meeting status", "Invitations sent") },
  { WSP_MEETING_HELD, "held", "meeting status", NC_("meeting status", "Held") },
  { WSP_MEETING_MINUTES_APPROVED, "minutes_approved", "meeting status", NC_("meeting status", "Minutes approved") },
  { WSP_MEETING_CANCELLED, "cancelled", "meeting status", NC_("meeting status", "Cancelled") },
  { 0 },
};

/* In the order items usually stand on an agenda. */
const WspChoice wsp_item_kind_choices[] = {
  { WSP_ITEM_OPENING, "opening", "agenda item", NC_("agenda item", "Opening") },
  { WSP_ITEM_QUORUM_CHECK, "quorum_check", "agenda item", NC_("agenda item", "Quorum check") },
  { WSP_ITEM_AGENDA_ADOPTION, "agenda_adoption", "agenda item", NC_("agenda item", "Adoption of the agenda") },
  { WSP_ITEM_MINUTES_APPROVAL, "minutes_approval", "agenda item", NC_("agenda item", "Approval of the minutes") },
  { WSP_ITEM_INFORMATION, "information", "agenda item", NC_("agenda item", "Information") },
  { WSP_ITEM_DISCUSSION, "discussion", "agenda item", NC_("agenda item", "Discussion") },
  { WSP_ITEM_RESOLUTION, "resolution", "agenda item", NC_("agenda item", "Resolution") },
  { WSP_ITEM_OPINION, "opinion", "agenda item", NC_("agenda item", "Opinion on a draft") },
  { WSP_ITEM_ELECTION, "election", "agenda item", NC_("agenda item", "Election") },
  { WSP_ITEM_OTHER_BUSINESS, "other_business", "agenda item", NC_("agenda item", "Any other business") },
  { WSP_ITEM_CLOSING, "closing", "agenda item", NC_("agenda item", "Closing") },
  { 0 },
};

const WspChoice wsp_presence_choices[] = {
  { WSP_PRESENCE_PRESENT, "present", "attendance", NC_("attendance", "Present") },
  { WSP_PRESENCE_EXCUSED, "excused", "attendance", NC_("attendance", "Excused") },
  { WSP_PRESENCE_ABSENT, "absent", "attendance", NC_("attendance", "Absent") },
  { 0 },
};

const WspChoice wsp_invitation_channel_choices[] = {
  { WSP_INVITATION_MAIL_CLIENT, "mail_client", "invitation channel", NC_("invitation channel", "Opened in the mail client") },
  { WSP_INVITATION_COPIED, "copied", "invitation channel", NC_("invitation channel", "Copied") },
  { 0 },
};

const WspChoice wsp_draft_kind_choices[] = {
  { WSP_DRAFT_KIND_COOPERATION_PROGRAMME, "cooperation_programme", "draft kind", NC_("draft kind", "Cooperation programme") },
  { WSP_DRAFT_KIND_STRATEGY, "strategy", "draft kind", NC_("draft kind", "Development strategy") },
  { WSP_DRAFT_KIND_OTHER, "other", "draft kind", NC_("draft kind", "Other draft") },
  { 0 },
};

const WspChoice wsp_draft_sender_choices[] = {
  /* Translators: who sent a draft: the mayor (Prezydent Miasta, Burmistrz, Wójt) */
  { WSP_DRAFT_SENDER_MAYOR, "mayor", "draft sender", NC_("draft sender", "The mayor") },
  /* Translators: who sent a draft: the city council (rada miasta) */
  { WSP_DRAFT_SENDER_CITY_COUNCIL, "city_council", "draft sender", NC_("draft sender", "The city council") },
  { WSP_DRAFT_SENDER_DEPARTMENT, "department", "draft sender", NC_("draft sender", "A department of the city hall") },
  { 0 },
};

const WspChoice wsp_draft_status_choices[] = {
  { WSP_DRAFT_RECEIVED, "received", "draft status", NC_("draft status", "Received") },
  { WSP_DRAFT_IN_CONSULTATION, "in_consultation", "draft status", NC_("draft status", "Collecting comments") },
  { WSP_DRAFT_OPINION_ADOPTED, "opinion_adopted", "draft status", NC_("draft status", "Opinion adopted") },
  { WSP_DRAFT_WAIVED, "waived", "draft status", NC_("draft status", "Deemed waived") },
  { WSP_DRAFT_WITHDRAWN, "withdrawn", "draft status", NC_("draft status", "Withdrawn") },
  { 0 },
};

const WspChoice wsp_comment_decision_choices[] = {
  { WSP_COMMENT_PENDING, "pending", "comment decision", NC_("comment decision", "Not decided yet") },
  { WSP_COMMENT_ACCEPTED, "accepted", "comment decision", NC_("comment decision", "Accepted") },
  { WSP_COMMENT_PARTLY_ACCEPTED, "partly_accepted", "comment decision", NC_("comment decision", "Partly accepted") },
  { WSP_COMMENT_REJECTED, "rejected", "comment decision", NC_("comment decision", "Rejected") },
  /* Translators: a comment its author took back before the Council decided */
  { WSP_COMMENT_WITHDRAWN, "withdrawn", "comment decision", NC_("comment decision", "Withdrawn") },
  { 0 },
};

const WspChoice wsp_comment_source_choices[] = {
  { WSP_COMMENT_SOURCE_APP, "app", "comment source", NC_("comment source", "Entered by its author") },
  { WSP_COMMENT_SOURCE_PAPER, "paper", "comment source", NC_("comment source", "On paper") },
  { WSP_COMMENT_SOURCE_EMAIL, "email", "comment source", NC_("comment source", "By e-mail") },
  { WSP_COMMENT_SOURCE_MEETING, "meeting", "comment source", NC_("comment source", "At a meeting") },
  { WSP_COMMENT_SOURCE_REVIEW, "review", "comment source", NC_("comment source", "From the member’s laptop") },
  { 0 },
};

const WspChoice wsp_opinion_verdict_choices[] = {
  { WSP_OPINION_POSITIVE, "positive", "opinion", NC_("opinion", "Positive") },
  { WSP_OPINION_POSITIVE_WITH_REMARKS, "positive_with_remarks", "opinion", NC_("opinion", "Positive with remarks") },
  { WSP_OPINION_NEGATIVE, "negative", "opinion", NC_("opinion", "Negative") },
  { WSP_OPINION_WAIVED, "waived", "opinion", NC_("opinion", "Waived") },
  { WSP_OPINION_SPLIT, "split", "opinion", NC_("opinion", "Split") },
  { 0 },
};

const WspChoice wsp_ballot_mode_choices[] = {
  { WSP_BALLOT_OPEN, "open", "ballot mode", NC_("ballot mode", "Open") },
  { WSP_BALLOT_ROLL_CALL, "roll_call", "ballot mode", NC_("ballot mode", "Roll-call") },
  { WSP_BALLOT_SECRET, "secret", "ballot mode", NC_("ballot mode", "Secret") },
  { 0 },
};

const WspChoice wsp_vote_choice_choices[] = {
  { WSP_VOTE_FOR, "for", "vote", NC_("vote", "For") },
  { WSP_VOTE_AGAINST, "against", "vote", NC_("vote", "Against") },
  { WSP_VOTE_ABSTAIN, "abstain", "vote", NC_("vote", "Abstained") },
  { 0 },
};

/* The two local government sides as the executive of @executive names
 * them: a city's prezydent and rada miasta, a commune's wójt and rada
 * gminy, … */
static const struct
{
  const char *mayor;
  const char *city_council;
} side_names[] = {
  [WSP_EXECUTIVE_CITY_MAYOR] = { NC_("council side", "Mayor’s side"), NC_("council side", "City council’s side") },
  /* Translators: the sides of a town's Council: burmistrz, rada miejska */
  [WSP_EXECUTIVE_TOWN_MAYOR] = { NC_("council side", "Town mayor’s side"), NC_("council side", "Town council’s side") },
  /* Translators: the sides of a rural commune's Council: wójt, rada gminy */
  [WSP_EXECUTIVE_COMMUNE_HEAD] = { NC_("council side", "Commune head’s side"), NC_("council side", "Commune council’s side") },
  /* Translators: the sides of a county's Council: starosta, rada powiatu */
  [WSP_EXECUTIVE_DISTRICT_HEAD] = { NC_("council side", "District head’s side"), NC_("council side", "County council’s side") },
  /* Translators: the sides of a voivodeship's Council: marszałek, sejmik województwa */
  [WSP_EXECUTIVE_MARSHAL] = { NC_("council side", "Marshal’s side"), NC_("council side", "Regional assembly’s side") },
};

/**
 * wsp_side_label:
 * @side: a stored side ("mayor", "city_council", "ngo")
 * @executive: (nullable): who the Council advises (a name of
 *   wsp_executive_choices); %NULL or unknown: a city's mayor
 *
 * Returns: (nullable): how people call @side there; %NULL when @side is
 *   none of the sides
 */
const char *
wsp_side_label (const char *side,
                const char *executive)
{
  int which = wsp_choice_value (wsp_executive_choices, executive, WSP_EXECUTIVE_CITY_MAYOR);

  switch (wsp_choice_value (wsp_side_choices, side, -1))
    {
    case WSP_SIDE_MAYOR:
      return g_dpgettext2 (GETTEXT_PACKAGE, "council side", side_names[which].mayor);
    case WSP_SIDE_CITY_COUNCIL:
      return g_dpgettext2 (GETTEXT_PACKAGE, "council side", side_names[which].city_council);
    case WSP_SIDE_NGO:
      return wsp_choice_label (wsp_side_choices, side);
    default:
      return NULL;
    }
}

/* The councils of each executive, for a short name of the council's side. */
static const char * const council_names[] = {
  [WSP_EXECUTIVE_CITY_MAYOR] = NC_("council", "City council"),
  [WSP_EXECUTIVE_TOWN_MAYOR] = NC_("council", "Town council"),
  [WSP_EXECUTIVE_COMMUNE_HEAD] = NC_("council", "Commune council"),
  [WSP_EXECUTIVE_DISTRICT_HEAD] = NC_("council", "County council"),
  [WSP_EXECUTIVE_MARSHAL] = NC_("council", "Regional assembly"),
};

/**
 * wsp_side_short_label:
 * @side: a stored side
 * @executive: (nullable): as for wsp_side_label()
 *
 * Returns: (nullable): who the side's members come from, in a word or two,
 *   for a choice where “… side” would not fit: the executive (“City
 *   mayor”), the council (“City council”) or the NGOs
 */
const char *
wsp_side_short_label (const char *side,
                      const char *executive)
{
  int which = wsp_choice_value (wsp_executive_choices, executive, WSP_EXECUTIVE_CITY_MAYOR);

  switch (wsp_choice_value (wsp_side_choices, side, -1))
    {
    case WSP_SIDE_MAYOR:
      return wsp_choice_label (wsp_executive_choices, wsp_executive_choices[which].name);
    case WSP_SIDE_CITY_COUNCIL:
      return g_dpgettext2 (GETTEXT_PACKAGE, "council", council_names[which]);
    case WSP_SIDE_NGO:
      /* Translators: the Council's members from NGOs, as a short choice */
      return g_dpgettext2 (GETTEXT_PACKAGE, "council side", "NGOs");
    default:
      return NULL;
    }
}

/**
 * wsp_side_group_label:
 * @side: a stored side
 *
 * Returns: (nullable): the collective side @side belongs to, as Polish
 *   documents speak of the Council: the local government side (both the
 *   executive's and the council's members: strona samorządowa) or the NGO
 *   side (strona pozarządowa)
 */
const char *
wsp_side_group_label (const char *side)
{
  switch (wsp_choice_value (wsp_side_choices, side, -1))
    {
    case WSP_SIDE_MAYOR:
    case WSP_SIDE_CITY_COUNCIL:
      /* Translators: the executive's and the council's members together, in Polish “strona samorządowa” */
      return g_dpgettext2 (GETTEXT_PACKAGE, "council side", "Local government side");
    case WSP_SIDE_NGO:
      /* Translators: in Polish “strona pozarządowa” */
      return g_dpgettext2 (GETTEXT_PACKAGE, "council side", "Non-governmental side");
    default:
      return NULL;
    }
}

static const WspChoice feminine_roles[] = {
  /* Translators: a woman's role in a body, in Polish “przewodnicząca” */
  { WSP_ROLE_CHAIR, "chair", "seat role, feminine", NC_("seat role, feminine", "Chair") },
  /* Translators: in Polish “wiceprzewodnicząca” */
  { WSP_ROLE_VICE_CHAIR, "vice_chair", "seat role, feminine", NC_("seat role, feminine", "Vice-chair") },
  /* Translators: in Polish “sekretarz” */
  { WSP_ROLE_SECRETARY, "secretary", "seat role, feminine", NC_("seat role, feminine", "Secretary") },
  /* Translators: in Polish “członkini” */
  { WSP_ROLE_MEMBER, "member", "seat role, feminine", NC_("seat role, feminine", "Member") },
  { 0 },
};

/**
 * wsp_role_label:
 * @role: a stored role
 * @form: (nullable): the grammatical form of the person in the seat
 *   ("feminine", "masculine"; %NULL: not known)
 *
 * Returns: (nullable): how people call @role held by that person; %NULL
 *   when @role is none of the roles
 */
const char *
wsp_role_label (const char *role,
                const char *form)
{
  if (g_strcmp0 (form, "feminine") == 0 && wsp_choice_find (feminine_roles, role) != NULL)
    return wsp_choice_label (feminine_roles, role);
  return wsp_choice_label (wsp_role_choices, role);
}

/* The outcome of a vote, as a result records it. */
const WspChoice wsp_verdict_choices[] = {
  { WSP_VERDICT_PASSED, "passed", "verdict", NC_("verdict", "Passed") },
  { WSP_VERDICT_REJECTED, "rejected", "verdict", NC_("verdict", "Rejected") },
  { WSP_VERDICT_NO_QUORUM, "no_quorum", "verdict", NC_("verdict", "No quorum") },
  { WSP_VERDICT_PASSED_BY_CASTING_VOTE, "passed_by_casting_vote", "verdict",
    NC_("verdict", "Passed by the chair’s casting vote") },
  { WSP_VERDICT_REJECTED_BY_CASTING_VOTE, "rejected_by_casting_vote", "verdict",
    NC_("verdict", "Rejected by the chair’s casting vote") },
  { WSP_VERDICT_TIE_FAILS, "tie_fails", "verdict", NC_("verdict", "Tie: the motion fails") },
  { 0 },
};

const WspChoice wsp_answer_channel_choices[] = {
  { WSP_ANSWER_EMAIL, "email", "answer channel", NC_("answer channel", "E-mail") },
  { WSP_ANSWER_PAPER, "paper", "answer channel", NC_("answer channel", "Paper") },
  { WSP_ANSWER_IN_PERSON, "in_person", "answer channel", NC_("answer channel", "In person") },
  { 0 },
};
