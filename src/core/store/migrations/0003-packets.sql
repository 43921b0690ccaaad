-- Wspólnie schema 3: the packets imported here, so that a packet imported
-- again is recognised, and what each one brought.

CREATE TABLE packets (
  packet_id   TEXT PRIMARY KEY,
  sender_peer TEXT NOT NULL,
  sha256      TEXT NOT NULL,
  created_hlc TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  revisions   INTEGER NOT NULL,
  added       INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX packets_by_sender ON packets (sender_peer, imported_at);
