-- How an SWV reads its coverage: the share of an area's locations that must
-- have a profile answering a category before a lack of offer there counts as
-- a gap (fewer: the area is "unknown"). No row: the default, half of them.
CREATE TABLE swv_coverage_settings (
    swv_code TEXT PRIMARY KEY REFERENCES swvs (code),
    min_profiled_percent BIGINT NOT NULL CHECK (min_profiled_percent BETWEEN 1 AND 100),
    updated_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    updated_at BIGINT NOT NULL
);
