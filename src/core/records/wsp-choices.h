/* wsp-choices.h — the values an enum field can take, with their labels
 *
 * Each set of choices lives here once: the C enum the rules and views use,
 * the names stored in records and exchanged between laptops, and the
 * translatable labels people see, in the order they see them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "records/wsp-entity.h"

G_BEGIN_DECLS

/* Bodies */

typedef enum
{
  WSP_BODY_FORUM,
  WSP_BODY_COUNCIL,
} WspBodyKind;

/**
 * WspMajority:
 * @WSP_MAJORITY_SIMPLE: more votes for than against; abstentions are not
 *   counted
 * @WSP_MAJORITY_ABSOLUTE: more than half of the members entitled to vote
 *   on the item (members minus recused) voted for
 * @WSP_MAJORITY_TWO_THIRDS: votes for are at least two thirds of the votes
 *   cast, abstentions counted as cast
 */
typedef enum
{
  WSP_MAJORITY_SIMPLE,
  WSP_MAJORITY_ABSOLUTE,
  WSP_MAJORITY_TWO_THIRDS,
} WspMajority;

/**
 * WspTieRule:
 * @WSP_TIE_CASTING_VOTE: in a tie the chair's vote decides
 * @WSP_TIE_FAILS: in a tie the motion fails
 */
typedef enum
{
  WSP_TIE_CASTING_VOTE,
  WSP_TIE_FAILS,
} WspTieRule;

/* Seats */

/**
 * WspSide:
 * @WSP_SIDE_MAYOR: members appointed from the mayor's side
 * @WSP_SIDE_CITY_COUNCIL: members delegated by the city council
 * @WSP_SIDE_NGO: members from NGOs
 */
typedef enum
{
  WSP_SIDE_MAYOR,
  WSP_SIDE_CITY_COUNCIL,
  WSP_SIDE_NGO,
} WspSide;

/**
 * WspExecutive:
 * @WSP_EXECUTIVE_CITY_MAYOR: a city with county rights: prezydent miasta,
 *   rada miasta
 * @WSP_EXECUTIVE_TOWN_MAYOR: a town: burmistrz, rada miejska
 * @WSP_EXECUTIVE_COMMUNE_HEAD: a rural commune: wójt, rada gminy
 * @WSP_EXECUTIVE_DISTRICT_HEAD: a county: starosta, rada powiatu
 * @WSP_EXECUTIVE_MARSHAL: a voivodeship: marszałek, sejmik województwa
 *
 * Who the Council advises, which names its two local government sides
 * (the stored sides stay "mayor" and "city_council").
 */
typedef enum
{
  WSP_EXECUTIVE_CITY_MAYOR,
  WSP_EXECUTIVE_TOWN_MAYOR,
  WSP_EXECUTIVE_COMMUNE_HEAD,
  WSP_EXECUTIVE_DISTRICT_HEAD,
  WSP_EXECUTIVE_MARSHAL,
} WspExecutive;

typedef enum
{
  WSP_ROLE_CHAIR,
  WSP_ROLE_VICE_CHAIR,
  WSP_ROLE_SECRETARY,
  WSP_ROLE_MEMBER,
} WspRole;

/**
 * WspGrammaticalForm:
 * @WSP_FORM_FEMININE: texts speak of the person in feminine forms
 *   (przewodnicząca, członkini)
 * @WSP_FORM_MASCULINE: in masculine forms (przewodniczący, członek)
 *
 * How texts about a person are worded in languages whose words have a
 * gender; a person without one gets the language's general form.
 */
typedef enum
{
  WSP_FORM_FEMININE,
  WSP_FORM_MASCULINE,
} WspGrammaticalForm;

typedef enum
{
  WSP_APPLICATION_PENDING,
  WSP_APPLICATION_ACCEPTED,
  WSP_APPLICATION_REJECTED,
} WspApplicationDecision;

/* Meetings */

typedef enum
{
  WSP_MEETING_ORDINARY,
  WSP_MEETING_EXTRAORDINARY,
} WspMeetingKind;

typedef enum
{
  WSP_MEETING_PLANNED,
  WSP_MEETING_INVITED,
  WSP_MEETING_HELD,
  WSP_MEETING_MINUTES_APPROVED,
  WSP_MEETING_CANCELLED,
} WspMeetingStatus;

typedef enum
{
  WSP_ITEM_INFORMATION,
  WSP_ITEM_DISCUSSION,
  WSP_ITEM_RESOLUTION,
  WSP_ITEM_OPINION,
  WSP_ITEM_ELECTION,
  WSP_ITEM_OTHER_BUSINESS,
  WSP_ITEM_OPENING,
  WSP_ITEM_QUORUM_CHECK,
  WSP_ITEM_AGENDA_ADOPTION,
  WSP_ITEM_MINUTES_APPROVAL,
  WSP_ITEM_CLOSING,
} WspItemKind;

/**
 * WspPresence:
 * @WSP_PRESENCE_PRESENT: came to the meeting
 * @WSP_PRESENCE_EXCUSED: absent with an excuse (usprawiedliwiona)
 * @WSP_PRESENCE_ABSENT: absent without an excuse
 */
typedef enum
{
  WSP_PRESENCE_PRESENT,
  WSP_PRESENCE_EXCUSED,
  WSP_PRESENCE_ABSENT,
} WspPresence;

/**
 * WspInvitationChannel:
 * @WSP_INVITATION_MAIL_CLIENT: the e-mail was opened in the mail client
 * @WSP_INVITATION_COPIED: the text was copied, to be sent by other means
 *
 * How an invitation left the secretariat.
 */
typedef enum
{
  WSP_INVITATION_MAIL_CLIENT,
  WSP_INVITATION_COPIED,
} WspInvitationChannel;

/* Drafts and opinions */

/**
 * WspDraftKind:
 * @WSP_DRAFT_KIND_COOPERATION_PROGRAMME: the annual (or multi-year)
 *   cooperation programme with NGOs
 * @WSP_DRAFT_KIND_STRATEGY: the city's development strategy
 * @WSP_DRAFT_KIND_OTHER: any other draft sent for an opinion
 */
typedef enum
{
  WSP_DRAFT_KIND_COOPERATION_PROGRAMME,
  WSP_DRAFT_KIND_STRATEGY,
  WSP_DRAFT_KIND_OTHER,
} WspDraftKind;

/**
 * WspDraftSender:
 * @WSP_DRAFT_SENDER_MAYOR: the mayor (Prezydent, Burmistrz, Wójt)
 * @WSP_DRAFT_SENDER_CITY_COUNCIL: the city council (rada miasta) or its
 *   committee
 * @WSP_DRAFT_SENDER_DEPARTMENT: a department of the city hall
 *
 * Who sent a draft for the Council's opinion.
 */
typedef enum
{
  WSP_DRAFT_SENDER_MAYOR,
  WSP_DRAFT_SENDER_CITY_COUNCIL,
  WSP_DRAFT_SENDER_DEPARTMENT,
} WspDraftSender;

typedef enum
{
  WSP_DRAFT_RECEIVED,
  WSP_DRAFT_IN_CONSULTATION,
  WSP_DRAFT_OPINION_ADOPTED,
  WSP_DRAFT_WAIVED,
  WSP_DRAFT_WITHDRAWN,
} WspDraftStatus;

typedef enum
{
  WSP_COMMENT_PENDING,
  WSP_COMMENT_ACCEPTED,
  WSP_COMMENT_PARTLY_ACCEPTED,
  WSP_COMMENT_REJECTED,
  WSP_COMMENT_WITHDRAWN,
} WspCommentDecision;

/**
 * WspCommentSource:
 * @WSP_COMMENT_SOURCE_APP: entered in the app by its author
 * @WSP_COMMENT_SOURCE_PAPER: handed in on paper, entered by the secretary
 * @WSP_COMMENT_SOURCE_EMAIL: sent by e-mail, entered by the secretary
 * @WSP_COMMENT_SOURCE_MEETING: made at a meeting, entered from the minutes
 * @WSP_COMMENT_SOURCE_REVIEW: made by a member on their own laptop, sent back
 *   in a signed reply to a review
 *
 * How a comment reached the secretariat.
 */
typedef enum
{
  WSP_COMMENT_SOURCE_APP,
  WSP_COMMENT_SOURCE_PAPER,
  WSP_COMMENT_SOURCE_EMAIL,
  WSP_COMMENT_SOURCE_MEETING,
  WSP_COMMENT_SOURCE_REVIEW,
} WspCommentSource;

typedef enum
{
  WSP_OPINION_POSITIVE,
  WSP_OPINION_POSITIVE_WITH_REMARKS,
  WSP_OPINION_NEGATIVE,
  WSP_OPINION_WAIVED,
  WSP_OPINION_SPLIT,
} WspOpinionVerdict;

/* Votes */

typedef enum
{
  WSP_BALLOT_OPEN,
  WSP_BALLOT_ROLL_CALL,
  WSP_BALLOT_SECRET,
} WspBallotMode;

/**
 * WspVoteChoice:
 * @WSP_VOTE_NONE: did not vote (never stored)
 * @WSP_VOTE_FOR: for
 * @WSP_VOTE_AGAINST: against
 * @WSP_VOTE_ABSTAIN: abstained
 */
typedef enum
{
  WSP_VOTE_NONE,
  WSP_VOTE_FOR,
  WSP_VOTE_AGAINST,
  WSP_VOTE_ABSTAIN,
} WspVoteChoice;

/**
 * WspVerdict:
 * @WSP_VERDICT_PASSED: the motion passed
 * @WSP_VERDICT_REJECTED: the motion did not get the majority
 * @WSP_VERDICT_NO_QUORUM: too few members present; nothing was decided
 * @WSP_VERDICT_PASSED_BY_CASTING_VOTE: tie, the chair voted for
 * @WSP_VERDICT_REJECTED_BY_CASTING_VOTE: tie, the chair voted against
 * @WSP_VERDICT_TIE_FAILS: tie that nobody could break; the motion fails
 *
 * The outcome of a vote (wsp_verdict() in rules/ works it out).
 */
typedef enum
{
  WSP_VERDICT_PASSED,
  WSP_VERDICT_REJECTED,
  WSP_VERDICT_NO_QUORUM,
  WSP_VERDICT_PASSED_BY_CASTING_VOTE,
  WSP_VERDICT_REJECTED_BY_CASTING_VOTE,
  WSP_VERDICT_TIE_FAILS,
} WspVerdict;

/**
 * WspAnswerChannel:
 * @WSP_ANSWER_EMAIL: the member's answer came by e-mail
 * @WSP_ANSWER_PAPER: on the paper ballot card, by post or by hand
 * @WSP_ANSWER_IN_PERSON: said in person to the secretary
 *
 * How a member's answer to a vote by circulation came in.
 */
typedef enum
{
  WSP_ANSWER_EMAIL,
  WSP_ANSWER_PAPER,
  WSP_ANSWER_IN_PERSON,
} WspAnswerChannel;

extern const WspChoice wsp_body_kind_choices[];
extern const WspChoice wsp_majority_choices[];
extern const WspChoice wsp_tie_rule_choices[];
extern const WspChoice wsp_side_choices[];
extern const WspChoice wsp_executive_choices[];
extern const WspChoice wsp_role_choices[];
extern const WspChoice wsp_grammatical_form_choices[];
extern const WspChoice wsp_application_decision_choices[];
extern const WspChoice wsp_meeting_kind_choices[];
extern const WspChoice wsp_meeting_status_choices[];
extern const WspChoice wsp_item_kind_choices[];
extern const WspChoice wsp_presence_choices[];
extern const WspChoice wsp_invitation_channel_choices[];
extern const WspChoice wsp_draft_kind_choices[];
extern const WspChoice wsp_draft_sender_choices[];
extern const WspChoice wsp_draft_status_choices[];
extern const WspChoice wsp_comment_decision_choices[];
extern const WspChoice wsp_comment_source_choices[];
extern const WspChoice wsp_opinion_verdict_choices[];
extern const WspChoice wsp_ballot_mode_choices[];
extern const WspChoice wsp_vote_choice_choices[];
extern const WspChoice wsp_verdict_choices[];
extern const WspChoice wsp_answer_channel_choices[];

const char *wsp_side_label        (const char *side,
                                   const char *executive);
const char *wsp_side_group_label  (const char *side);
const char *wsp_side_short_label  (const char *side,
                                   const char *executive);
const char *wsp_role_label        (const char *role,
                                   const char *form);

G_END_DECLS
