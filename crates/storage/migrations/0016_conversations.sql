-- The SWV's yearly conversation with each school (issue 13).
-- An SWV's guide per school year; a published version never changes, a change makes the next version.
CREATE TABLE conversation_guides (
    id {{id}},
    swv_code TEXT NOT NULL REFERENCES swvs (code),
    school_year TEXT NOT NULL,
    version BIGINT NOT NULL,
    guide_json TEXT NOT NULL,
    published_at BIGINT,
    updated_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    updated_at BIGINT NOT NULL,
    UNIQUE (swv_code, school_year, version)
);

-- Support funds per pupil per school year, in euro cents.
CREATE TABLE conversation_fund_rates (
    swv_code TEXT NOT NULL REFERENCES swvs (code),
    school_year TEXT NOT NULL,
    basic_cents BIGINT NOT NULL,
    extra_cents BIGINT NOT NULL,
    updated_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (swv_code, school_year)
);

-- A pupil count the SWV enters for the reference date, instead of DUO's.
CREATE TABLE conversation_pupil_counts (
    swv_code TEXT NOT NULL REFERENCES swvs (code),
    school_year TEXT NOT NULL,
    location_code TEXT NOT NULL REFERENCES locations (code),
    pupils BIGINT NOT NULL,
    PRIMARY KEY (swv_code, school_year, location_code)
);

CREATE TABLE conversations (
    id {{id}},
    swv_code TEXT NOT NULL REFERENCES swvs (code),
    school_year TEXT NOT NULL,
    location_code TEXT NOT NULL REFERENCES locations (code),
    brin TEXT NOT NULL,
    -- NULL: the default guide (the SWV published none for the year when it planned).
    guide_id BIGINT REFERENCES conversation_guides (id),
    starts_at BIGINT NOT NULL,
    minutes BIGINT NOT NULL,
    place TEXT NOT NULL,
    video_link TEXT,
    -- [{"name", "role", "side": "swv"|"school", "email"}]
    attendees_json TEXT NOT NULL,
    consultant TEXT NOT NULL,
    report_author TEXT NOT NULL DEFAULT '',
    held_at BIGINT,
    swv_confirmed_name TEXT,
    swv_confirmed_at BIGINT,
    school_confirmed_name TEXT,
    school_confirmed_at BIGINT,
    -- Kept when both confirmed: the report as confirmed and its SHA-256.
    report_json TEXT,
    report_hash TEXT,
    -- The school made the report an annex of its profile.
    annexed BIGINT NOT NULL DEFAULT 0,
    version BIGINT NOT NULL DEFAULT 1,
    created_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    UNIQUE (swv_code, school_year, location_code)
);
CREATE INDEX conversations_brin ON conversations (brin, school_year);

-- Answers per question: the school's preparation and the conversation's record.
CREATE TABLE conversation_answers (
    conversation_id BIGINT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    question_key TEXT NOT NULL,
    phase TEXT NOT NULL,
    value_json TEXT NOT NULL,
    version BIGINT NOT NULL,
    updated_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (conversation_id, question_key, phase)
);

CREATE TABLE conversation_agreements (
    id {{id}},
    conversation_id BIGINT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    what TEXT NOT NULL,
    who TEXT NOT NULL,
    due_on TEXT,
    goal_key TEXT,
    -- open, in_progress, done, dropped: set in the next year's conversation.
    status TEXT NOT NULL DEFAULT 'open',
    status_note TEXT,
    version BIGINT NOT NULL DEFAULT 1,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX conversation_agreements_conversation ON conversation_agreements (conversation_id);

-- Files sent with a mail of the outbox (the .ics of an invitation).
CREATE TABLE outbox_attachments (
    id {{id}},
    mail_id BIGINT NOT NULL REFERENCES outbox (id) ON DELETE CASCADE,
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    body TEXT NOT NULL
);
CREATE INDEX outbox_attachments_mail ON outbox_attachments (mail_id);
