-- Closed groups with messages and shared files, and attachments of practice
-- examples (issue 15, points 6 and 1). The files' bytes live in the object
-- store under `storage_key`; these tables hold what is known about them.
CREATE TABLE closed_groups (
    id {{id}},
    name TEXT NOT NULL,
    description TEXT NOT NULL,
    -- People who sign up for this activity (and keep their place) are members too.
    activity_id BIGINT REFERENCES activities (id) ON DELETE SET NULL,
    created_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL
);

-- Members by address, so that someone invited before having an account sees
-- the group once an account with that address exists. `removed` keeps a
-- person out who would otherwise be a member by the activity's sign-up.
CREATE TABLE group_members (
    group_id BIGINT NOT NULL REFERENCES closed_groups (id) ON DELETE CASCADE,
    email TEXT NOT NULL,
    -- moderator or member
    role TEXT NOT NULL,
    -- active or removed
    state TEXT NOT NULL,
    invited_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (group_id, email)
);
CREATE INDEX group_members_email ON group_members (email, state);

CREATE TABLE group_messages (
    id {{id}},
    group_id BIGINT NOT NULL REFERENCES closed_groups (id) ON DELETE CASCADE,
    author_id BIGINT REFERENCES users (id) ON DELETE SET NULL,
    author_name TEXT NOT NULL,
    -- Markdown, checked on the way in (no HTML) and sanitised on the way out
    body TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX group_messages_group ON group_messages (group_id, created_at);

-- A stored file belongs to a group or to a practice example, never both.
CREATE TABLE stored_files (
    id {{id}},
    group_id BIGINT REFERENCES closed_groups (id) ON DELETE CASCADE,
    example_id BIGINT REFERENCES knowledge_examples (id) ON DELETE CASCADE,
    -- random, unique: where the bytes are in the object store
    storage_key TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    media_type TEXT NOT NULL,
    size BIGINT NOT NULL,
    uploaded_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    uploader_name TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    CHECK ((group_id IS NULL) <> (example_id IS NULL))
);
CREATE INDEX stored_files_group ON stored_files (group_id, created_at);
CREATE INDEX stored_files_example ON stored_files (example_id, created_at);
