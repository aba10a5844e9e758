-- Reminders an SWV sends its schools from the status board (issue 12): one
-- round per click (one location, or every location whose review is overdue)
-- and, per location, what came of it and whom it reached.
CREATE TABLE swv_reminder_rounds (
    id {{id}},
    swv_code TEXT NOT NULL REFERENCES swvs (code),
    school_year TEXT NOT NULL,
    sent_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    sent_by_name TEXT NOT NULL,
    sent_at BIGINT NOT NULL
);
CREATE INDEX swv_reminder_rounds_swv ON swv_reminder_rounds (swv_code, sent_at);

CREATE TABLE swv_reminders (
    id {{id}},
    round_id BIGINT NOT NULL REFERENCES swv_reminder_rounds (id) ON DELETE CASCADE,
    location_code TEXT NOT NULL REFERENCES locations (code),
    -- sent, nobody (no director or IB-er to mail) or already_sent (one a day)
    outcome TEXT NOT NULL,
    -- [{"name": …, "email": …}] of the people mailed; [] unless sent
    recipients_json TEXT NOT NULL
);
CREATE INDEX swv_reminders_round ON swv_reminders (round_id);
