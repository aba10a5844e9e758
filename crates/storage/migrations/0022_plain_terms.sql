-- The platform's and each SWV's own words with a plain alternative (issue 17):
-- the plain-language assistant finds them, by form, in the texts of that
-- SWV's schools (live hints, the readability report, the parent version's
-- check). swv_code NULL: the platform's list, used for every school.
CREATE TABLE plain_terms (
    id {{id}},
    swv_code TEXT REFERENCES swvs (code) ON DELETE CASCADE,
    term TEXT NOT NULL,
    plain TEXT NOT NULL,
    created_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX plain_terms_swv ON plain_terms (swv_code);
