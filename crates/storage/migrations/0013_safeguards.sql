-- Safeguards of the cycle: replies to the team's review comments and their
-- resolution, and a detail on an audit-log line (the section whose
-- carried-over answers were confirmed at once, and how many).
-- A reply belongs to a top-level comment; a top-level comment has no reply_to.
ALTER TABLE review_comments ADD COLUMN reply_to BIGINT REFERENCES review_comments (id) ON DELETE CASCADE;
-- Set when a coordinator or the comment's author marks the comment resolved; NULL when open.
ALTER TABLE review_comments ADD COLUMN resolved_at BIGINT;
ALTER TABLE review_comments ADD COLUMN resolved_by_name TEXT;
-- e.g. `D:12` for `confirm_section`: twelve answers of section D confirmed.
ALTER TABLE profile_steps ADD COLUMN detail TEXT;
