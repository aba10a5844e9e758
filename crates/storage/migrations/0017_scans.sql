-- The Scan Passend Onderwijs: one round per location and school year, one
-- link per respondent group, anonymous responses (no names, no contact).
CREATE TABLE scan_rounds (
    id {{id}},
    brin TEXT NOT NULL REFERENCES schools (brin),
    location_code TEXT NOT NULL REFERENCES locations (code),
    school_year TEXT NOT NULL,
    instrument_version BIGINT NOT NULL,
    -- The statements as the round opened with them (built-in and the SWV's),
    -- so a later version of the instrument never changes its results.
    statements_json TEXT NOT NULL,
    groups_json TEXT NOT NULL,
    -- The school allows more answers from one browser (a shared device).
    shared_device BIGINT NOT NULL DEFAULT 0,
    -- The school shows its own results to its SWV.
    shared_with_swv BIGINT NOT NULL DEFAULT 0,
    closed_at BIGINT,
    created_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    UNIQUE (location_code, school_year)
);
CREATE INDEX scan_rounds_brin ON scan_rounds (brin);

CREATE TABLE scan_links (
    id {{id}},
    round_id BIGINT NOT NULL REFERENCES scan_rounds (id) ON DELETE CASCADE,
    respondent_group TEXT NOT NULL,
    -- 128 random bits, hex: the secret part of the link.
    link_code TEXT NOT NULL UNIQUE,
    UNIQUE (round_id, respondent_group)
);

CREATE TABLE scan_responses (
    id {{id}},
    round_id BIGINT NOT NULL REFERENCES scan_rounds (id) ON DELETE CASCADE,
    respondent_group TEXT NOT NULL,
    answers_json TEXT NOT NULL,
    -- A random key kept in the respondent's browser; NULL on a shared device.
    browser_key TEXT,
    created_at BIGINT NOT NULL
);
CREATE INDEX scan_responses_round ON scan_responses (round_id);
CREATE UNIQUE INDEX scan_responses_one_per_browser ON scan_responses (round_id, respondent_group, browser_key) WHERE browser_key IS NOT NULL;

-- Statements an SWV adds for its schools' rounds.
CREATE TABLE scan_swv_statements (
    id {{id}},
    swv_code TEXT NOT NULL REFERENCES swvs (code),
    statement_json TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX scan_swv_statements_swv ON scan_swv_statements (swv_code);
