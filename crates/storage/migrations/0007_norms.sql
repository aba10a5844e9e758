-- An SWV's basic-support norm per school year: items, minimum levels, target share.
CREATE TABLE swv_norms (
    swv_code TEXT NOT NULL REFERENCES swvs (code),
    school_year TEXT NOT NULL,
    norm_json TEXT NOT NULL,
    updated_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (swv_code, school_year)
);
