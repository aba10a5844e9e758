-- Contact details a parent leaves, with consent, to think along about the
-- profile: kept apart from the answers (which every reader of the profile
-- sees), read only by the profile's coordinators, and deleted with the
-- response and its survey.
CREATE TABLE survey_contacts (
    id {{id}},
    response_id BIGINT NOT NULL UNIQUE REFERENCES survey_responses (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    email TEXT,
    phone TEXT,
    -- When the person ticked the consent box.
    consented_at BIGINT NOT NULL
);

CREATE INDEX surveys_created ON surveys (created_at);
