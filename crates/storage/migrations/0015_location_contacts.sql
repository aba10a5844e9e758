-- How parents reach a school location: phone (pre-filled from DUO's address
-- files) and e-mail beside the website it had; once its director sets them,
-- imports leave all three alone.
ALTER TABLE locations ADD COLUMN phone TEXT;
ALTER TABLE locations ADD COLUMN email TEXT;
ALTER TABLE locations ADD COLUMN contact_set_by_hand BIGINT NOT NULL DEFAULT 0;
