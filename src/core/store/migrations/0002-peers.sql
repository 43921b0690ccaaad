-- Wspólnie schema 2: the laptops this one exchanges packets with.
--
-- A laptop is known by its peer id (made on its first run) and trusted by its
-- public key once a person has compared the key's fingerprint. `have_seq`
-- is what this laptop knows the other one holds of each origin's changes
-- (a JSON object origin → highest origin_seq), so that a delta packet sends
-- only what is missing.

CREATE TABLE peers (
  peer_id     TEXT PRIMARY KEY,
  name        TEXT NOT NULL DEFAULT '',
  public_key  TEXT,
  key_id      TEXT,
  trusted     INTEGER NOT NULL DEFAULT 0,
  first_seen  TEXT,
  last_seen   TEXT,
  have_seq    TEXT NOT NULL DEFAULT '{}'
) WITHOUT ROWID;

-- The changes feed: which revisions each origin made, in its own order.
CREATE INDEX revisions_by_origin ON revisions (origin_peer, origin_seq);
