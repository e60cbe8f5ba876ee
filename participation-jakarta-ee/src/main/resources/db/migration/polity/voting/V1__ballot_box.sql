-- Polity schema, version 1: the ballot box (org.polity.voting.BallotBox on a database).
-- Portable SQL: the same script runs on H2 (embedded default) and PostgreSQL (production).
-- The schema is created and upgraded by these migrations only; the ORM validates it.

-- The votes declared on budgets. slot_salt (with the configured polity.ballot-slot.secret)
-- derives the secret that locates a participant's ballot for replacement; sealing a vote erases
-- it, after which nobody can link a ballot to its participant.
CREATE TABLE polity_vote (
    budget_id               VARCHAR(100) NOT NULL,
    opens_at                TIMESTAMP WITH TIME ZONE NOT NULL,
    closes_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    desk_until              TIMESTAMP WITH TIME ZONE NOT NULL,
    changes_allowed         BOOLEAN      NOT NULL,
    second_encoder_required BOOLEAN      NOT NULL,
    slot_salt               VARCHAR(64),
    sealed                  BOOLEAN      NOT NULL,
    CONSTRAINT polity_vote_pk PRIMARY KEY (budget_id)
);

-- The participation register: who took part in which budget, through which channel, encoded by
-- which staff member. One row per participant per budget, enforced by the database, so several
-- application nodes sharing one database still count one ballot per person. No link to the
-- ballot and no time are stored. channel is NULL while the person's only ballot is a pending
-- paper encoding (pending_id set).
CREATE TABLE polity_participation (
    id              VARCHAR(36)  NOT NULL,
    budget_id       VARCHAR(100) NOT NULL,
    participant_key VARCHAR(100) NOT NULL,
    channel         VARCHAR(8),
    encoder         VARCHAR(100),
    pending_id      VARCHAR(32),
    CONSTRAINT polity_participation_pk PRIMARY KEY (id),
    CONSTRAINT polity_participation_once UNIQUE (budget_id, participant_key),
    CONSTRAINT polity_participation_vote FOREIGN KEY (budget_id) REFERENCES polity_vote (budget_id)
);

-- The counted ballots, without the voter: the budget, a slot handle (a keyed hash of budget and
-- participant under the vote's slot secret; random after sealing) and the hash of the voter's
-- receipt code (the code itself is never stored).
CREATE TABLE polity_ballot (
    id           VARCHAR(36)    NOT NULL,
    budget_id    VARCHAR(100)   NOT NULL,
    slot         VARCHAR(64)    NOT NULL,
    receipt_hash VARCHAR(64)    NOT NULL,
    kind         VARCHAR(16)    NOT NULL,
    contents     VARCHAR(20000) NOT NULL,
    CONSTRAINT polity_ballot_pk PRIMARY KEY (id),
    CONSTRAINT polity_ballot_slot UNIQUE (slot),
    CONSTRAINT polity_ballot_receipt UNIQUE (receipt_hash),
    CONSTRAINT polity_ballot_vote FOREIGN KEY (budget_id) REFERENCES polity_vote (budget_id)
);

-- Paper ballots waiting for a second encoder. These rows do link a participant to a ballot, as
-- they must until a second staff member confirms or discards them; they are deleted then.
CREATE TABLE polity_pending_encoding (
    id              VARCHAR(32)    NOT NULL,
    budget_id       VARCHAR(100)   NOT NULL,
    participant_key VARCHAR(100)   NOT NULL,
    encoder         VARCHAR(100)   NOT NULL,
    kind            VARCHAR(16)    NOT NULL,
    contents        VARCHAR(20000) NOT NULL,
    CONSTRAINT polity_pending_encoding_pk PRIMARY KEY (id),
    CONSTRAINT polity_pending_encoding_vote FOREIGN KEY (budget_id) REFERENCES polity_vote (budget_id)
);

CREATE INDEX polity_ballot_budget ON polity_ballot (budget_id, receipt_hash);
CREATE INDEX polity_pending_encoding_budget ON polity_pending_encoding (budget_id);
