-- The knowledge platform (issue 15): practice examples with tags and Dutch
-- full-text search, the question desk and its FAQ.
CREATE TABLE knowledge_examples (
    id {{id}},
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    -- Markdown, checked on the way in (no HTML) and sanitised on the way out
    body TEXT NOT NULL,
    -- po, vo, so or swv
    sector TEXT NOT NULL,
    -- who it comes from as people know it, and where in the directory (both may be empty)
    source_name TEXT NOT NULL,
    source_brin TEXT,
    -- the SWV whose editors keep it; NULL: the platform's editors
    swv_code TEXT REFERENCES swvs (code),
    contact TEXT NOT NULL,
    -- draft or published
    state TEXT NOT NULL,
    created_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    published_at BIGINT
);
CREATE INDEX knowledge_examples_state ON knowledge_examples (state, sector, published_at);

-- Support categories (their keys) and themes.
CREATE TABLE knowledge_example_tags (
    example_id BIGINT NOT NULL REFERENCES knowledge_examples (id) ON DELETE CASCADE,
    tag TEXT NOT NULL,
    PRIMARY KEY (example_id, tag)
);
CREATE INDEX knowledge_example_tags_tag ON knowledge_example_tags (tag, example_id);

-- The question desk. The asker's details are NULL once the housekeeping job
-- deleted them (a year after the answer); the ticket's text stays.
CREATE TABLE knowledge_questions (
    id {{id}},
    -- sha256 of the secret in the asker's link
    token_hash TEXT NOT NULL UNIQUE,
    asker_name TEXT,
    asker_phone TEXT,
    asker_email TEXT,
    asker_organisation TEXT,
    description TEXT NOT NULL,
    asked_at BIGINT NOT NULL,
    answer TEXT,
    answered_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    answered_by_name TEXT,
    answered_at BIGINT,
    details_deleted_at BIGINT
);
CREATE INDEX knowledge_questions_open ON knowledge_questions (answered_at, asked_at);

CREATE TABLE knowledge_faq (
    id {{id}},
    question_id BIGINT REFERENCES knowledge_questions (id) ON DELETE SET NULL,
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    published_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    published_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX knowledge_faq_question ON knowledge_faq (question_id);

CREATE TABLE knowledge_faq_tags (
    faq_id BIGINT NOT NULL REFERENCES knowledge_faq (id) ON DELETE CASCADE,
    tag TEXT NOT NULL,
    PRIMARY KEY (faq_id, tag)
);

-- Full-text search over published and draft examples alike (queries filter on state).
-- begin sqlite
-- FTS5 has no Dutch stemmer: the columns hold text stemmed in Rust
-- (domain::knowledge::search::stemmed), kept by the same transaction that
-- writes the example.
CREATE VIRTUAL TABLE knowledge_examples_fts USING fts5 (title, summary, body, tokenize = 'unicode61 remove_diacritics 2');
-- end sqlite
-- begin postgres
ALTER TABLE knowledge_examples ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('dutch', title), 'A') || setweight(to_tsvector('dutch', summary), 'B')
        || setweight(to_tsvector('dutch', body), 'C')
) STORED;
CREATE INDEX knowledge_examples_search ON knowledge_examples USING GIN (search_vector);
-- end postgres
