-- Wspólnie schema 6: the indexes of the tables of current values are made
-- from the descriptions of the kinds of records (wsp-store-projection.c),
-- one per reference, in list order. The hand-written ones go.

DROP INDEX IF EXISTS organisation_by_krs;
DROP INDEX IF EXISTS term_by_body;
DROP INDEX IF EXISTS seat_by_term;
DROP INDEX IF EXISTS seat_by_body;
DROP INDEX IF EXISTS membership_application_by_body;
DROP INDEX IF EXISTS meeting_by_body;
DROP INDEX IF EXISTS agenda_item_by_meeting;
DROP INDEX IF EXISTS attendance_by_meeting;
DROP INDEX IF EXISTS attendance_by_seat;
DROP INDEX IF EXISTS draft_version_by_draft;
DROP INDEX IF EXISTS comment_by_version;
DROP INDEX IF EXISTS opinion_by_draft;
DROP INDEX IF EXISTS ballot_by_item;
DROP INDEX IF EXISTS vote_by_ballot;
DROP INDEX IF EXISTS election_by_item;

-- The records waiting for a person, counted at every start (the banner).
CREATE INDEX records_conflicted ON records (conflicts) WHERE conflicts > 0;
