-- Wspólnie schema 4: where each record's words are in the search index.
--
-- The index's record_id column is not indexed (FTS5 keeps no index on
-- UNINDEXED columns), so finding a record's row meant reading the whole
-- index on every save. This table finds it at once.

CREATE TABLE search_rows (
  record_id    TEXT PRIMARY KEY,
  search_rowid INTEGER NOT NULL
) WITHOUT ROWID;

INSERT INTO search_rows (record_id, search_rowid) SELECT record_id, rowid FROM search;
