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

const WspChoice wsp_role_choices[] = {
  { WSP_ROLE_CHAIR, "chair", "seat role", NC_("seat role", "Chair") },
  { WSP_ROLE_VICE_CHAIR, "vice_chair", "seat role", NC_("seat role", "Vice-chair") },
  { WSP_ROLE_SECRETARY, "secretary", "seat role", NC_("seat role", "Secretary") },
  { WSP_ROLE_MEMBER, "member", "seat role", NC_("seat role", "Member") },
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
