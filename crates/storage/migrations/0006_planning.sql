-- Step 2 of the cycle: the wish list, who reads along, the time line, and the
-- reminders already sent (claimed once, so that no reminder goes out twice).
CREATE TABLE wishes (
    id {{id}},
    profile_id BIGINT NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
    body TEXT NOT NULL,
    owner TEXT NOT NULL,
    done BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL
);
CREATE INDEX wishes_profile ON wishes (profile_id);

CREATE TABLE co_readers (
    id {{id}},
    profile_id BIGINT NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
    -- mr, swv or other
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    email TEXT,
    created_at BIGINT NOT NULL
);
CREATE INDEX co_readers_profile ON co_readers (profile_id);

CREATE TABLE milestones (
    id {{id}},
    profile_id BIGINT NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    due_on TEXT NOT NULL,
    UNIQUE (profile_id, kind)
);

CREATE TABLE reminders_sent (
    milestone_id BIGINT NOT NULL REFERENCES milestones (id) ON DELETE CASCADE,
    due_on TEXT NOT NULL,
    days_before BIGINT NOT NULL,
    sent_at BIGINT NOT NULL,
    PRIMARY KEY (milestone_id, due_on, days_before)
);
