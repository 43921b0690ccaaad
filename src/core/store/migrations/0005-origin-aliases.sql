-- Wspólnie schema 5: changes held under another laptop's name.
--
-- The same change made on two laptops is one revision (its id comes from its
-- content), kept under the laptop whose copy arrived first. The other laptop's
-- change number for it is noted here, so that what this laptop holds of each
-- laptop's changes has no false gap (see wsp_store_dup_have).

CREATE TABLE origin_aliases (
  origin_peer TEXT    NOT NULL,
  origin_seq  INTEGER NOT NULL,
  rev_id      TEXT    NOT NULL,
  PRIMARY KEY (origin_peer, origin_seq)
) WITHOUT ROWID;
