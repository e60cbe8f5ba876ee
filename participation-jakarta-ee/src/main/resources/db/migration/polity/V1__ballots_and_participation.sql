-- Polity schema, version 1: the ballot box.
-- Portable SQL: the same script runs on H2 (embedded default) and PostgreSQL (production).
-- The schema is created and upgraded by these migrations only; the ORM validates it.

-- Who took part in which budget: one row per participant per budget, enforced by the database,
-- so that several application nodes sharing one database still count one ballot per person.
-- No link to the ballot and no time of voting are stored here.
CREATE TABLE polity_participation (
    id              VARCHAR(36)  NOT NULL,
    participant_key VARCHAR(100) NOT NULL,
    budget_id       VARCHAR(100) NOT NULL,
    channel         VARCHAR(16)  NOT NULL,
    CONSTRAINT polity_participation_pk PRIMARY KEY (id),
    CONSTRAINT polity_participation_once UNIQUE (participant_key, budget_id)
);

-- What was voted, without the voter. `slot` is a keyed hash (HMAC with the participant-key
-- secret) of the participant key and the budget: it lets the participant replace their own
-- ballot, but nobody can join it to polity_participation without the secret.
CREATE TABLE polity_ballot (
    id           VARCHAR(36)    NOT NULL,
    budget_id    VARCHAR(100)   NOT NULL,
    slot         VARCHAR(64)    NOT NULL,
    receipt_code VARCHAR(32)    NOT NULL,
    kind         VARCHAR(16)    NOT NULL,
    contents     VARCHAR(20000) NOT NULL,
    revision     INTEGER        NOT NULL,
    CONSTRAINT polity_ballot_pk PRIMARY KEY (id),
    CONSTRAINT polity_ballot_slot UNIQUE (slot),
    CONSTRAINT polity_ballot_receipt UNIQUE (receipt_code)
);

CREATE INDEX polity_ballot_budget ON polity_ballot (budget_id);
CREATE INDEX polity_participation_budget ON polity_participation (budget_id);
