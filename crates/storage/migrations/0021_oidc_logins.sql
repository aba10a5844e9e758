-- Logins through an OpenID Connect provider: which account a provider's
-- subject is linked to, and the login flows under way (one row per click on
-- a provider's button, spent at the callback, so that a state or a code
-- cannot be used twice).
CREATE TABLE oidc_logins (
    id {{id}},
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    provider TEXT NOT NULL,
    subject TEXT NOT NULL,
    email TEXT,
    created_at BIGINT NOT NULL,
    last_used_at BIGINT NOT NULL,
    UNIQUE (provider, subject)
);
CREATE INDEX oidc_logins_user ON oidc_logins (user_id);

CREATE TABLE oidc_flows (
    state_hash TEXT PRIMARY KEY,
    provider TEXT NOT NULL,
    nonce TEXT NOT NULL,
    pkce_verifier TEXT NOT NULL,
    return_to TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
