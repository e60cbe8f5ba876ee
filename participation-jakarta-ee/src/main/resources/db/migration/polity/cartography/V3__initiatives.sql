-- Polity schema, version 3: the registry of participatory initiatives (the map, issue 6).
-- Like V2, an initiative is a JSON document written and read by the adapter's codec
-- (InitiativeDocuments), with an optimistic version column (the ETag of edits) and a few columns
-- copied out for lookups. Its history is kept apart, one row per entry, appended and never updated.
-- Portable SQL for H2 and PostgreSQL.

-- One row: the map's change counter and the last initiative number handed out. Every change to an
-- initiative first increments change_number here, which locks this row until the transaction ends:
-- changes to the map are serialised across application nodes and commit in counter order, so a node
-- that has applied every change up to N reloads exactly the rows with change_number > N.
CREATE TABLE polity_map_state (
    id              INTEGER NOT NULL,
    change_number   BIGINT  NOT NULL,
    last_initiative BIGINT  NOT NULL,
    CONSTRAINT polity_map_state_pk PRIMARY KEY (id),
    CONSTRAINT polity_map_state_single CHECK (id = 1)
);
INSERT INTO polity_map_state (id, change_number, last_initiative) VALUES (1, 0, 0);

-- An initiative: its current details, moderation status and any organiser's edit waiting for
-- moderation, as one document; status, proposer and edit_pending copied out for the moderation
-- queue; change_number: the map counter at its last change.
CREATE TABLE polity_initiative (
    id            VARCHAR(40)      NOT NULL,
    version       BIGINT           NOT NULL,
    change_number BIGINT           NOT NULL,
    status        VARCHAR(20)      NOT NULL,
    edit_pending  BOOLEAN          NOT NULL,
    proposed_by   VARCHAR(200)     NOT NULL,
    document      VARCHAR(1000000) NOT NULL,
    CONSTRAINT polity_initiative_pk PRIMARY KEY (id),
    CONSTRAINT polity_initiative_status CHECK (status IN ('pending', 'published', 'rejected'))
);
CREATE INDEX polity_initiative_change ON polity_initiative (change_number);

-- The history of an initiative, oldest first: who did what, when, which parts changed, why (the
-- edit's reason or the moderator's public reason), and the details after the entry (null when
-- unchanged since the previous entry).
CREATE TABLE polity_initiative_revision (
    initiative_id VARCHAR(40)      NOT NULL,
    position      INTEGER          NOT NULL,
    at_utc        TIMESTAMP WITH TIME ZONE NOT NULL,
    actor         VARCHAR(200)     NOT NULL,
    action        VARCHAR(20)      NOT NULL,
    changed       VARCHAR(1000)    NOT NULL,
    why           VARCHAR(10000)   NOT NULL,
    details       VARCHAR(1000000),
    CONSTRAINT polity_initiative_revision_pk PRIMARY KEY (initiative_id, position),
    CONSTRAINT polity_initiative_revision_of FOREIGN KEY (initiative_id) REFERENCES polity_initiative (id)
);
