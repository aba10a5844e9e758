-- Sub-regions (*kernen*) an SWV defines: groups of its locations, each
-- location in at most one kern of the SWV.
CREATE TABLE swv_kernen (
    id {{id}},
    swv_code TEXT NOT NULL REFERENCES swvs (code),
    name TEXT NOT NULL,
    UNIQUE (swv_code, name)
);

CREATE TABLE swv_kern_locations (
    swv_code TEXT NOT NULL REFERENCES swvs (code),
    location_code TEXT NOT NULL REFERENCES locations (code),
    kern_id BIGINT NOT NULL REFERENCES swv_kernen (id) ON DELETE CASCADE,
    PRIMARY KEY (swv_code, location_code)
);
CREATE INDEX swv_kern_locations_kern ON swv_kern_locations (kern_id);
