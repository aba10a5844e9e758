-- The practice examples' search runs on an index in each server's memory
-- (domain::knowledge::search_index, ADR 0025). A counter tells the servers
-- that examples changed: every write of an example takes the next number and
-- stamps the example with it, in the same transaction, so a server brings its
-- index up to date by reading the examples stamped after the number it saw.
CREATE TABLE knowledge_search_state (
    id INTEGER PRIMARY KEY,
    version BIGINT NOT NULL
);
ALTER TABLE knowledge_examples ADD COLUMN search_version BIGINT NOT NULL DEFAULT 0;
-- Examples written before: each its own number (its id), as a page of
-- changes starts after the last number it read.
UPDATE knowledge_examples SET search_version = id;
INSERT INTO knowledge_search_state (id, version) SELECT 1, COALESCE(MAX(id), 0) FROM knowledge_examples;
CREATE INDEX knowledge_examples_search_version ON knowledge_examples (search_version);

-- The database's own full-text indexes are no longer read.
-- begin sqlite
DROP TABLE knowledge_examples_fts;
-- end sqlite
-- begin postgres
ALTER TABLE knowledge_examples DROP COLUMN search_vector;
-- end postgres
