-- Polity schema, version 6: the ballot form of a vote, the moves of its close, and what desk
-- encoders attested (issue 12). Portable SQL (H2 and PostgreSQL).

-- The ballot form (kind, numbers of projects, basket, points, scores) as a versioned JSON
-- document; NULL for a vote declared before forms existed (no form is checked).
ALTER TABLE polity_vote ADD COLUMN form VARCHAR(2000);

-- Each move of a vote's close (closing early, extending after an outage), with its public reason
-- and who decided (a role, never a sign-in subject).
CREATE TABLE polity_vote_change (
    id                 VARCHAR(36)   NOT NULL,
    budget_id          VARCHAR(100)  NOT NULL,
    change_number      INTEGER       NOT NULL,
    changed_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    previous_closes_at TIMESTAMP WITH TIME ZONE NOT NULL,
    closes_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    desk_until         TIMESTAMP WITH TIME ZONE NOT NULL,
    reason             VARCHAR(1000) NOT NULL,
    changed_by         VARCHAR(100)  NOT NULL,
    CONSTRAINT polity_vote_change_pk PRIMARY KEY (id)
);
CREATE UNIQUE INDEX polity_vote_change_budget ON polity_vote_change (budget_id, change_number);

-- What a desk encoder checked before encoding a paper ballot: the kinds of evidence, never their
-- values (no birth date, no address, no document number), the day, and the encoder. No participant
-- key and no link to the ballot or the participation row.
CREATE TABLE polity_desk_attestation (
    id             VARCHAR(36)  NOT NULL,
    budget_id      VARCHAR(100) NOT NULL,
    encoder        VARCHAR(100) NOT NULL,
    attested_on    DATE         NOT NULL,
    document_type  VARCHAR(40)  NOT NULL,
    age_basis      VARCHAR(20)  NOT NULL,
    residence_basis VARCHAR(20) NOT NULL,
    CONSTRAINT polity_desk_attestation_pk PRIMARY KEY (id)
);
