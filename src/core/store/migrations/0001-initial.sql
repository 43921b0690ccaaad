-- Wspólnie schema 1.
--
-- The truth is the revision log: every change of every record is an immutable
-- row in `revisions` (CouchDB-style: content-addressed id, parents, tombstones),
-- which is what travels between laptops. `records` says which revision of each
-- record is current; the per-entity tables below hold the current, merged value
-- of each live record for fast lists and search. They can be rebuilt from the
-- revisions at any time.

CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE revisions (
  seq         INTEGER PRIMARY KEY AUTOINCREMENT, -- local order of arrival
  rev_id      TEXT    NOT NULL UNIQUE,           -- <gen>-<sha256 of content>
  record_id   TEXT    NOT NULL,
  entity      TEXT    NOT NULL,
  gen         INTEGER NOT NULL,
  parents     TEXT    NOT NULL,                  -- JSON array of rev_ids, sorted
  deleted     INTEGER NOT NULL DEFAULT 0,
  hlc         TEXT    NOT NULL,
  origin_peer TEXT    NOT NULL,                  -- the laptop that made the change
  origin_seq  INTEGER NOT NULL,                  -- its own counter of changes
  body        TEXT    NOT NULL,                  -- JSON object, keys sorted
  leaf        INTEGER NOT NULL DEFAULT 1,
  UNIQUE (origin_peer, origin_seq)
);
CREATE INDEX revisions_by_record ON revisions (record_id, gen);
CREATE INDEX revisions_leaves ON revisions (record_id) WHERE leaf = 1;

CREATE TABLE records (
  id          TEXT    PRIMARY KEY,
  entity      TEXT    NOT NULL,
  winner      TEXT    NOT NULL,  -- rev_id of the winning leaf
  deleted     INTEGER NOT NULL DEFAULT 0,
  conflicts   INTEGER NOT NULL DEFAULT 0, -- fields waiting for a person to choose
  body        TEXT    NOT NULL,  -- the current value: the winner merged with concurrent edits
  created_hlc TEXT    NOT NULL,
  updated_hlc TEXT    NOT NULL
) WITHOUT ROWID;
CREATE INDEX records_by_entity ON records (entity, deleted);

-- Fields edited concurrently on two laptops: every value is kept until a
-- person chooses. `candidates` is a JSON array of {rev, value, hlc, peer}.
CREATE TABLE conflicts (
  record_id  TEXT NOT NULL,
  field      TEXT NOT NULL,
  candidates TEXT NOT NULL,
  PRIMARY KEY (record_id, field)
) WITHOUT ROWID;

-- Current values, one table per kind of record.

CREATE TABLE organisation (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL DEFAULT '',
  short_name TEXT, krs TEXT, nip TEXT, regon TEXT,
  address TEXT, email TEXT, phone TEXT, website TEXT,
  fields TEXT,          -- JSON array of fields of public benefit activity
  notes TEXT
) WITHOUT ROWID;
CREATE INDEX organisation_by_krs ON organisation (krs);

CREATE TABLE person (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL DEFAULT '',
  email TEXT, phone TEXT,
  organisations TEXT    -- JSON array of organisation ids
) WITHOUT ROWID;

CREATE TABLE body (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,   -- forum | council
  name TEXT NOT NULL DEFAULT '',
  quorum_numerator INTEGER, quorum_denominator INTEGER,
  default_majority TEXT, tie_rule TEXT,
  opinion_deadline_days INTEGER, term_years INTEGER, absence_limit INTEGER
) WITHOUT ROWID;

CREATE TABLE term (
  id TEXT PRIMARY KEY,
  body_id TEXT, name TEXT, starts_on TEXT, ends_on TEXT
) WITHOUT ROWID;
CREATE INDEX term_by_body ON term (body_id, starts_on);

CREATE TABLE seat (
  id TEXT PRIMARY KEY,
  body_id TEXT, term_id TEXT, person_id TEXT, organisation_id TEXT,
  side TEXT, role TEXT, joined_on TEXT, left_on TEXT, left_reason TEXT
) WITHOUT ROWID;
CREATE INDEX seat_by_term ON seat (term_id);
CREATE INDEX seat_by_body ON seat (body_id);

CREATE TABLE membership_application (
  id TEXT PRIMARY KEY,
  body_id TEXT, organisation_id TEXT, submitted_on TEXT, evidence TEXT,
  decision TEXT, decided_on TEXT, decision_note TEXT
) WITHOUT ROWID;
CREATE INDEX membership_application_by_body ON membership_application (body_id);

CREATE TABLE meeting (
  id TEXT PRIMARY KEY,
  body_id TEXT, number INTEGER, starts_at TEXT, ends_at TEXT, place TEXT,
  kind TEXT, status TEXT, notes TEXT
) WITHOUT ROWID;
CREATE INDEX meeting_by_body ON meeting (body_id, starts_at);

CREATE TABLE agenda_item (
  id TEXT PRIMARY KEY,
  meeting_id TEXT, position INTEGER, kind TEXT, title TEXT, description TEXT,
  presenter TEXT, planned_minutes INTEGER, draft_id TEXT
) WITHOUT ROWID;
CREATE INDEX agenda_item_by_meeting ON agenda_item (meeting_id, position);

CREATE TABLE attendance (
  id TEXT PRIMARY KEY,
  meeting_id TEXT, seat_id TEXT, status TEXT, arrived_at TEXT
) WITHOUT ROWID;
CREATE INDEX attendance_by_meeting ON attendance (meeting_id);
CREATE INDEX attendance_by_seat ON attendance (seat_id);

CREATE TABLE draft (
  id TEXT PRIMARY KEY,
  title TEXT, submitted_by TEXT, received_on TEXT, kind TEXT, deadline TEXT, status TEXT
) WITHOUT ROWID;

CREATE TABLE draft_version (
  id TEXT PRIMARY KEY,
  draft_id TEXT, number INTEGER, received_on TEXT, text TEXT,
  units TEXT            -- JSON array of {key, label, parent, text}
) WITHOUT ROWID;
CREATE INDEX draft_version_by_draft ON draft_version (draft_id, number);

CREATE TABLE comment (
  id TEXT PRIMARY KEY,
  version_id TEXT, unit_key TEXT, author_id TEXT, author_name TEXT,
  current_wording TEXT, proposed_wording TEXT, justification TEXT,
  decision TEXT, decision_reason TEXT, corrects TEXT
) WITHOUT ROWID;
CREATE INDEX comment_by_version ON comment (version_id, unit_key);

CREATE TABLE opinion (
  id TEXT PRIMARY KEY,
  draft_id TEXT, body_id TEXT, verdict TEXT, text TEXT,
  sides TEXT,           -- JSON object: side → position, for a split opinion
  meeting_id TEXT, ballot_id TEXT, number TEXT, adopted_on TEXT, corrects TEXT
) WITHOUT ROWID;
CREATE INDEX opinion_by_draft ON opinion (draft_id);

CREATE TABLE ballot (
  id TEXT PRIMARY KEY,
  agenda_item_id TEXT, body_id TEXT, by_circulation INTEGER, question TEXT, mode TEXT,
  majority TEXT, opened_at TEXT, closed_at TEXT, deadline TEXT,
  secret_for INTEGER, secret_against INTEGER, secret_abstain INTEGER
) WITHOUT ROWID;
CREATE INDEX ballot_by_item ON ballot (agenda_item_id);

CREATE TABLE vote (
  id TEXT PRIMARY KEY,
  ballot_id TEXT, seat_id TEXT, choice TEXT, recused INTEGER, cast_at TEXT, corrects TEXT
) WITHOUT ROWID;
CREATE INDEX vote_by_ballot ON vote (ballot_id);

CREATE TABLE election (
  id TEXT PRIMARY KEY,
  agenda_item_id TEXT, body_id TEXT, title TEXT, seats INTEGER,
  candidates TEXT,      -- JSON array of {person_id, organisation_id, name, votes}
  elected TEXT          -- JSON array of candidate person or organisation ids
) WITHOUT ROWID;
CREATE INDEX election_by_item ON election (agenda_item_id);

-- Full-text search over the records people look for by words.
CREATE VIRTUAL TABLE search USING fts5 (
  entity UNINDEXED, record_id UNINDEXED, title, content,
  tokenize = 'unicode61 remove_diacritics 2'
);
