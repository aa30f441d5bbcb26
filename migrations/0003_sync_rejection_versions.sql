-- Sync (S4/S5): a rejection is reported on the pull whose cursor window contains it, so it
-- carries the venue clock value of the push that recorded it. A pull returns the client's
-- rejections with cursor < version <= clock: a dropped pull response loses nothing, and a
-- rejection is never shipped twice to a client that advanced its cursor.

-- migrate:up

ALTER TABLE mutation_rejections ADD COLUMN version bigint NOT NULL DEFAULT 0;
CREATE INDEX mutation_rejections_by_client_version
  ON mutation_rejections (venue_id, client_id, version);

-- migrate:down

DROP INDEX mutation_rejections_by_client_version;
ALTER TABLE mutation_rejections DROP COLUMN version;
