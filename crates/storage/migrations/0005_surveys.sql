-- Surveys by link for a profile's cycle: one link per survey kind and audience.
CREATE TABLE surveys (
    id {{id}},
    profile_id BIGINT NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    audience TEXT NOT NULL,
    -- The secret part of the link that parents and pupils open without an account.
    link_code TEXT NOT NULL UNIQUE,
    allow_multiple BIGINT NOT NULL DEFAULT 0,
    closed_at BIGINT,
    created_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    UNIQUE (profile_id, kind, audience)
);

CREATE TABLE survey_responses (
    id {{id}},
    survey_id BIGINT NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
    answers_json TEXT NOT NULL,
    respondent_name TEXT,
    -- A random key kept in the respondent's browser; NULL when the school allows
    -- more answers per browser.
    browser_key TEXT,
    created_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX survey_responses_one_per_browser ON survey_responses (survey_id, browser_key) WHERE browser_key IS NOT NULL;
