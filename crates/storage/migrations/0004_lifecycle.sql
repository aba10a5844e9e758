-- The yearly cycle of a profile: its state, adoption and publication, the
-- MR's advice, the team's review comments, and an audit log of every step.
ALTER TABLE profiles ADD COLUMN state TEXT NOT NULL DEFAULT 'concept';
-- The board's date of adoption, YYYY-MM-DD as the board wrote it.
ALTER TABLE profiles ADD COLUMN adopted_on TEXT;
ALTER TABLE profiles ADD COLUMN adopted_by BIGINT REFERENCES users (id) ON DELETE SET NULL;
-- Identifies the adopted version: SHA-256 over its questions and answers.
ALTER TABLE profiles ADD COLUMN content_hash TEXT;
ALTER TABLE profiles ADD COLUMN published_at BIGINT;

-- Written once per step, never changed: who took which step, when, from and to.
CREATE TABLE profile_steps (
    id {{id}},
    profile_id BIGINT NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
    step TEXT NOT NULL,
    from_state TEXT NOT NULL,
    to_state TEXT NOT NULL,
    user_id BIGINT REFERENCES users (id) ON DELETE SET NULL,
    -- Kept with the step, so that the log still names the person after their account is gone.
    user_name TEXT NOT NULL,
    at BIGINT NOT NULL
);
CREATE INDEX profile_steps_profile ON profile_steps (profile_id);

CREATE TABLE mr_advice (
    profile_id BIGINT PRIMARY KEY REFERENCES profiles (id) ON DELETE CASCADE,
    verdict TEXT NOT NULL,
    advice TEXT NOT NULL,
    advised_on TEXT NOT NULL,
    advised_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    advised_by_name TEXT NOT NULL,
    response TEXT,
    responded_by_name TEXT,
    responded_at BIGINT
);

CREATE TABLE review_comments (
    id {{id}},
    profile_id BIGINT NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
    section TEXT NOT NULL,
    user_id BIGINT REFERENCES users (id) ON DELETE SET NULL,
    user_name TEXT NOT NULL,
    body TEXT NOT NULL,
    at BIGINT NOT NULL
);
CREATE INDEX review_comments_profile ON review_comments (profile_id);
