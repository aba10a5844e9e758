-- Each profile's level per support category, kept on the profile row (JSON,
-- e.g. {"dyslexie":"standaard"}) and rewritten with every answer that
-- changes it: the coverage overviews read one row per location instead of
-- a dozen answers (national: 8,622 rows instead of 100,000). NULL until the
-- profile's answers change; readers then fall back to the answers.
ALTER TABLE profiles ADD COLUMN offer_levels TEXT;
