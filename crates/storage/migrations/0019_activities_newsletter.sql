-- Activities with sign-up and wait list, and the newsletter (issue 15, points 3 and 4).
CREATE TABLE activities (
    id {{id}},
    -- platform or swv, and the code: whose staff organise it
    owner_kind TEXT NOT NULL,
    owner_code TEXT NOT NULL,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    audience TEXT NOT NULL,
    criteria TEXT NOT NULL,
    capacity BIGINT NOT NULL,
    -- Places given: raised only by a conditional UPDATE (places_taken < capacity),
    -- so two sign-ups for the last place cannot both get it.
    places_taken BIGINT NOT NULL DEFAULT 0,
    opens_at BIGINT NOT NULL,
    closes_at BIGINT NOT NULL,
    free BIGINT NOT NULL DEFAULT 1,
    created_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL
);

CREATE TABLE activity_sessions (
    id {{id}},
    activity_id BIGINT NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
    starts_at BIGINT NOT NULL,
    ends_at BIGINT NOT NULL,
    place TEXT NOT NULL
);
CREATE INDEX activity_sessions_activity ON activity_sessions (activity_id, starts_at);

CREATE TABLE activity_registrations (
    id {{id}},
    activity_id BIGINT NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    organisation TEXT,
    role TEXT,
    -- registered, waitlisted or cancelled; the wait list is in id order
    status TEXT NOT NULL,
    -- SHA-256 of the secret in the cancel link
    token_hash TEXT NOT NULL UNIQUE,
    attended BIGINT,
    created_at BIGINT NOT NULL,
    cancelled_at BIGINT
);
-- One live sign-up per address and activity.
CREATE UNIQUE INDEX activity_registrations_once ON activity_registrations (activity_id, email) WHERE cancelled_at IS NULL;
CREATE INDEX activity_registrations_list ON activity_registrations (activity_id, status, id);

-- Reminders claimed: one per registration and session, also across restarts and servers.
CREATE TABLE activity_reminders_sent (
    registration_id BIGINT NOT NULL REFERENCES activity_registrations (id) ON DELETE CASCADE,
    session_id BIGINT NOT NULL REFERENCES activity_sessions (id) ON DELETE CASCADE,
    sent_at BIGINT NOT NULL,
    PRIMARY KEY (registration_id, session_id)
);

CREATE TABLE newsletter_subscribers (
    id {{id}},
    email TEXT NOT NULL UNIQUE,
    -- pending, confirmed or unsubscribed
    state TEXT NOT NULL,
    -- SHA-256 of the confirmation link's secret; NULL once used
    confirm_hash TEXT UNIQUE,
    -- The unsubscribe link's secret, kept as is: every newsletter mail carries
    -- it, and all it can do is end this subscription.
    unsubscribe_token TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL,
    confirmed_at BIGINT,
    unsubscribed_at BIGINT
);

CREATE TABLE newsletter_issues (
    id {{id}},
    subject TEXT NOT NULL,
    body_markdown TEXT NOT NULL,
    -- draft, sending or sent
    state TEXT NOT NULL,
    created_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    sent_at BIGINT
);

-- One row per issue and subscriber, made when the issue is sent; the job
-- claims a row (claimed_at) in the same transaction that queues its mail.
CREATE TABLE newsletter_deliveries (
    id {{id}},
    issue_id BIGINT NOT NULL REFERENCES newsletter_issues (id) ON DELETE CASCADE,
    subscriber_id BIGINT NOT NULL REFERENCES newsletter_subscribers (id) ON DELETE CASCADE,
    claimed_at BIGINT,
    outbox_id BIGINT,
    UNIQUE (issue_id, subscriber_id)
);
CREATE INDEX newsletter_deliveries_open ON newsletter_deliveries (claimed_at, id);

-- Mails that need more than a plain body: the unsubscribe header of the
-- newsletter and the calendar file of an activity.
ALTER TABLE outbox ADD COLUMN list_unsubscribe TEXT;
ALTER TABLE outbox ADD COLUMN attachment_name TEXT;
ALTER TABLE outbox ADD COLUMN attachment TEXT;
ALTER TABLE outbox ADD COLUMN html_body TEXT;
