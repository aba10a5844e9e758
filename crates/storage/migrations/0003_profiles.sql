-- Questionnaire templates of SWVs, profiles per location and school year, answers.
CREATE TABLE template_variants (
    id {{id}},
    swv_code TEXT NOT NULL REFERENCES swvs (code),
    school_year TEXT NOT NULL,
    variant_json TEXT NOT NULL,
    published_at BIGINT,
    updated_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    UNIQUE (swv_code, school_year)
);

CREATE TABLE profiles (
    id {{id}},
    location_code TEXT NOT NULL REFERENCES locations (code),
    brin TEXT NOT NULL REFERENCES schools (brin),
    school_year TEXT NOT NULL,
    -- The template as it was when the profile started, so that later changes
    -- to a template do not move a profile's questions under its answers.
    template_json TEXT NOT NULL,
    open_for_team BIGINT NOT NULL DEFAULT 0,
    created_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    UNIQUE (location_code, school_year)
);
CREATE INDEX profiles_brin ON profiles (brin);

CREATE TABLE respondent_answers (
    profile_id BIGINT NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
    item_key TEXT NOT NULL,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    value_json TEXT NOT NULL,
    note TEXT,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (profile_id, item_key, user_id)
);

CREATE TABLE school_answers (
    profile_id BIGINT NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
    item_key TEXT NOT NULL,
    value_json TEXT,
    note TEXT,
    -- Optimistic concurrency: every save names the version it changes.
    version BIGINT NOT NULL,
    from_last_year BIGINT NOT NULL DEFAULT 0,
    updated_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (profile_id, item_key)
);
