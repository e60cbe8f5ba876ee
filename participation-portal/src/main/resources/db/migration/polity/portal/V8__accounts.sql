-- Polity schema, version 8: the portal's own accounts for self-hosting (issue 14), their sessions
-- and their one-time tokens (password reset, first administrator). Portable SQL (H2 and
-- PostgreSQL). Least data: of a resident's verification only what eligibility needs is kept (the
-- birth date, the municipality and postal codes, the kind of document seen, never its number), and
-- who verified is a role, never a name. Tokens are stored only as their SHA-256.
CREATE TABLE polity_account (
    id                   VARCHAR(36)   NOT NULL,
    email                VARCHAR(254)  NOT NULL,
    display_name         VARCHAR(100)  NOT NULL,
    password_hash        VARCHAR(200)  NOT NULL,
    roles                VARCHAR(200)  NOT NULL,
    language             VARCHAR(5)    NOT NULL,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    verified_birth_date  DATE,
    verified_municipality VARCHAR(20),
    verified_postal_code VARCHAR(20),
    verified_document    VARCHAR(40),
    verified_by          VARCHAR(40),
    verified_at          TIMESTAMP WITH TIME ZONE,
    CONSTRAINT polity_account_pk PRIMARY KEY (id)
);
CREATE UNIQUE INDEX polity_account_email ON polity_account (email);

CREATE TABLE polity_account_session (
    token_hash   VARCHAR(64)  NOT NULL,
    account_id   VARCHAR(36)  NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT polity_account_session_pk PRIMARY KEY (token_hash)
);
CREATE INDEX polity_account_session_account ON polity_account_session (account_id);

-- kind: 'reset' (a password reset link, for an account) or 'setup' (the first administrator's).
CREATE TABLE polity_account_token (
    token_hash  VARCHAR(64)  NOT NULL,
    kind        VARCHAR(10)  NOT NULL,
    account_id  VARCHAR(36),
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    used        BOOLEAN      NOT NULL,
    CONSTRAINT polity_account_token_pk PRIMARY KEY (token_hash),
    CONSTRAINT polity_account_token_kind CHECK (kind IN ('reset', 'setup'))
);
