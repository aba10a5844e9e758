-- Profiles made by `passend demo --scale national` for benchmarks and demos:
-- marked, so that no page or export mistakes them for a school's own.
ALTER TABLE profiles ADD COLUMN generated BIGINT NOT NULL DEFAULT 0;
