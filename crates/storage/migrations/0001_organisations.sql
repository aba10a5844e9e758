-- Organisations from DUO open data, and the postcode → SWV table.
CREATE TABLE swvs (
    code TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    name TEXT,
    email TEXT,
    phone TEXT,
    website TEXT,
    steunpunt_name TEXT,
    steunpunt_email TEXT,
    steunpunt_phone TEXT,
    steunpunt_website TEXT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

CREATE TABLE boards (
    code TEXT PRIMARY KEY,
    name TEXT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

CREATE TABLE schools (
    brin TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    board_code TEXT REFERENCES boards (code),
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX schools_board ON schools (board_code);

CREATE TABLE locations (
    code TEXT PRIMARY KEY,
    brin TEXT NOT NULL REFERENCES schools (brin),
    name TEXT NOT NULL,
    duo_type TEXT,
    sector TEXT,
    denomination TEXT,
    street TEXT,
    house_number TEXT,
    postcode TEXT,
    city TEXT,
    municipality TEXT,
    province TEXT,
    website TEXT,
    pupils BIGINT,
    lat DOUBLE PRECISION,
    lon DOUBLE PRECISION,
    swv_po TEXT REFERENCES swvs (code),
    swv_vo TEXT REFERENCES swvs (code),
    swv_set_by_hand BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX locations_brin ON locations (brin);
CREATE INDEX locations_swv_po ON locations (swv_po);
CREATE INDEX locations_swv_vo ON locations (swv_vo);

CREATE TABLE postcode_areas (
    pc4 TEXT PRIMARY KEY,
    municipality TEXT,
    po_swv TEXT,
    vo_swv TEXT
);
