-- Polity schema, version 9: the pool of a citizens' assembly (the capability assembly).
-- polity_pool_declaration: per process, the features the pool asks (gender, age band, district...)
-- with their allowed values and labels, as a JSON document written by PoolJson, and its version.
-- polity_pool_registration: one row per person in a process's pool, keyed by the person's
-- pseudonymous participant key (never an e-mail or a name): a public respondent id for the
-- sortition file, the answers to the features (JSON), the channel (online or desk) and, at the
-- desk, the staff member who encoded it. Portable SQL for H2 and PostgreSQL.
CREATE TABLE polity_pool_declaration (
    process_id  VARCHAR(100)    NOT NULL,
    version     BIGINT          NOT NULL,
    declared_by VARCHAR(200)    NOT NULL,
    document    VARCHAR(100000) NOT NULL,
    CONSTRAINT polity_pool_declaration_pk PRIMARY KEY (process_id)
);

CREATE TABLE polity_pool_registration (
    process_id      VARCHAR(100)             NOT NULL,
    participant_key VARCHAR(200)             NOT NULL,
    respondent_id   VARCHAR(40)              NOT NULL,
    features        VARCHAR(10000)           NOT NULL,
    channel         VARCHAR(10)              NOT NULL,
    encoded_by      VARCHAR(200),
    registered_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT polity_pool_registration_pk PRIMARY KEY (process_id, participant_key),
    CONSTRAINT polity_pool_registration_respondent UNIQUE (process_id, respondent_id),
    CONSTRAINT polity_pool_registration_channel CHECK (channel IN ('online', 'desk')),
    CONSTRAINT polity_pool_registration_encoder CHECK (channel = 'online' OR encoded_by IS NOT NULL)
);
