-- Several servers on one database (issue 16).
--
-- Background work as rows: any server's worker claims a due job (on
-- PostgreSQL with FOR UPDATE SKIP LOCKED, so two workers never take the same
-- one), holds it until `claimed_until`, and marks it done or puts it back with
-- a later `run_after` and the error. A job whose worker died is taken again
-- once its claim has run out. `dedupe_key` (NULL for most jobs) keeps a
-- recurring job (the time line's reminders) to one pending row.
CREATE TABLE jobs (
    id {{id}},
    kind TEXT NOT NULL,
    payload TEXT NOT NULL,
    dedupe_key TEXT UNIQUE,
    run_after BIGINT NOT NULL,
    attempts BIGINT NOT NULL DEFAULT 0,
    last_error TEXT,
    claimed_by TEXT,
    claimed_until BIGINT,
    done_at BIGINT,
    -- done (the work was done) or failed (given up after the last attempt)
    outcome TEXT,
    created_at BIGINT NOT NULL
);
CREATE INDEX jobs_due ON jobs (done_at, run_after);
CREATE INDEX jobs_kind ON jobs (kind, id);

-- What a server keeps in memory that another server's write can make stale
-- (rendered public pages) carries the generation it was made at; a write
-- that changes public pages counts the generation up, and every server
-- compares before it answers from memory.
CREATE TABLE cache_generations (
    name TEXT PRIMARY KEY,
    generation BIGINT NOT NULL
);
INSERT INTO cache_generations (name, generation) VALUES ('public', 0);
