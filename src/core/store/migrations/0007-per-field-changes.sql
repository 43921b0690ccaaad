-- Wspólnie schema 7: each change says which fields it set.
--
-- A change (the new form of a revision) holds only what a person set: the
-- fields and their new values (`sets`, a JSON object; null clears a field;
-- "_deleted" true or false deletes or restores the record). A field's value
-- is decided by the writes of that field that no later write of the same
-- field has seen: one such write wins, different values are a conflict kept
-- for a person. Every save descends from all the record's current versions.
--
-- Changes are numbered per stream: a laptop's own numbering, which it
-- replaces by a fresh one when it finds it was restored from a backup or
-- copied (the others already hold numbers it does not). Numbers are not
-- unique: after such a fork two changes can carry the same one.
--
-- The revisions of schema 1–6 (whole bodies) are converted to changes when
-- the store first opens the database (wsp-store-upgrade.c), keeping their
-- old ids and bodies in legacy_revisions so that files from an older
-- version can still be imported.

CREATE TABLE changes (
  seq         INTEGER PRIMARY KEY AUTOINCREMENT, -- local order of arrival
  rev_id      TEXT    NOT NULL UNIQUE,           -- <gen>-<sha256 of what it says>
  record_id   TEXT    NOT NULL,
  entity      TEXT    NOT NULL,
  gen         INTEGER NOT NULL,                  -- 1 + the highest of its parents'
  parents     TEXT    NOT NULL,                  -- JSON array of rev_ids, sorted
  sets        TEXT    NOT NULL,                  -- JSON object, keys sorted
  hlc         TEXT    NOT NULL,
  stream      TEXT    NOT NULL,                  -- the numbering it was made in
  stream_seq  INTEGER NOT NULL,
  prev        TEXT    NOT NULL,                  -- the chain of the entry before it in its stream
  chain       TEXT    NOT NULL,                  -- SHA-256 of prev, stream, number and rev_id
  leaf        INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX changes_by_record ON changes (record_id, gen);
CREATE INDEX changes_by_stream ON changes (stream, stream_seq);
CREATE INDEX changes_leaves ON changes (record_id) WHERE leaf = 1;
CREATE INDEX changes_by_chain ON changes (chain);

-- A change also held under another stream's number (the same change made on
-- two laptops, or a change numbered again after a fork).
CREATE TABLE change_aliases (
  stream      TEXT    NOT NULL,
  stream_seq  INTEGER NOT NULL,
  rev_id      TEXT    NOT NULL,
  prev        TEXT    NOT NULL,
  chain       TEXT    NOT NULL,
  PRIMARY KEY (stream, stream_seq, rev_id)
) WITHOUT ROWID;
CREATE INDEX change_aliases_by_chain ON change_aliases (chain);

-- Which laptop each stream belongs to: the laptop's id, or its id, "/" and
-- a random id for a numbering it began after a fork.
-- `run` is N when every change numbered 1 to N of the stream is held here
-- (as a change or an alias): what this laptop says it has, kept as changes
-- arrive so that it is never counted again from the whole log.
CREATE TABLE streams (
  stream      TEXT PRIMARY KEY,
  peer_id     TEXT NOT NULL,
  run         INTEGER NOT NULL DEFAULT 0,
  mine        INTEGER NOT NULL DEFAULT 0,  -- this database numbered its own changes in it
  retired     INTEGER NOT NULL DEFAULT 0,  -- this laptop's own, given up after a fork
  owner_signed INTEGER NOT NULL DEFAULT 0, -- its laptop signed a head of it
  legacy_until INTEGER NOT NULL DEFAULT 0  -- the last number its laptop made before it signed
) WITHOUT ROWID;

-- Who vouches for the changes: the entries of a stream form a chain (each
-- entry's `chain` covers the one before), and the laptop the stream
-- belongs to signs the chain's end at every commit. One signature thus
-- covers everything before it, whoever passes the changes on. Only the
-- heads of the chains are kept. A head signed by another laptop than the
-- stream's (`signer`) vouches for changes made by a laptop of the previous
-- version, which did not sign them.
CREATE TABLE heads (
  stream      TEXT    NOT NULL,
  chain       TEXT    NOT NULL,
  seq         INTEGER NOT NULL,
  signer      TEXT    NOT NULL,
  legacy      INTEGER NOT NULL,  -- the signer's own stream: its last number made unsigned
  public_key  TEXT    NOT NULL,
  signature   TEXT    NOT NULL,
  PRIMARY KEY (stream, chain)
) WITHOUT ROWID;

-- Every key a laptop is known to have signed with (its current one is
-- also peers.public_key), and who introduced a laptop this one never heard
-- from itself.
CREATE TABLE peer_keys (
  peer_id     TEXT NOT NULL,
  public_key  TEXT NOT NULL,
  accepted_at TEXT NOT NULL,
  PRIMARY KEY (peer_id, public_key)
) WITHOUT ROWID;
INSERT INTO peer_keys (peer_id, public_key, accepted_at)
  SELECT peer_id, public_key, coalesce (first_seen, '') FROM peers WHERE public_key IS NOT NULL;
ALTER TABLE peers ADD COLUMN introduced_by TEXT;
-- The sender's clock when its newest packet here was made: an older packet
-- coming late does not roll its name and acknowledgement back.
ALTER TABLE peers ADD COLUMN last_hlc TEXT;

-- Changes kept as they came, not shown and not passed on: of a kind of
-- record this version does not know (from a newer app: reason 'kind'), of
-- a laptop whose trust was revoked ('revoked'), of a laptop whose new key
-- this one has not accepted yet ('key'), following one of those
-- ('follows'), or only where a change is in its author's chain ('proof').
-- Where its author's chain puts it (stream, stream_seq, prev, chain) is
-- kept too, and passed on without the change ('proof'), so that a laptop
-- that keeps a change aside can still prove the changes around it.
CREATE TABLE held_aside (
  rev_id      TEXT PRIMARY KEY,
  entity      TEXT NOT NULL,
  reason      TEXT NOT NULL,
  change      TEXT NOT NULL,
  stream      TEXT,
  stream_seq  INTEGER,
  prev        TEXT,
  chain       TEXT
) WITHOUT ROWID;
CREATE INDEX held_aside_by_stream ON held_aside (stream, stream_seq) WHERE stream IS NOT NULL;

CREATE TABLE legacy_revisions (
  old_rev_id  TEXT PRIMARY KEY,
  rev_id      TEXT NOT NULL,
  deleted     INTEGER NOT NULL,
  body        TEXT NOT NULL
) WITHOUT ROWID;
