-- Polity schema, version 2: participatory processes and their projects.
-- Aggregates are stored as JSON documents (written and read by the adapter's codecs, never by
-- annotations on core classes) with an optimistic version column; a few columns are copied out of
-- the document for lookups. Portable SQL for H2 and PostgreSQL.

-- A process: its definition as the administrator declared it (phases, rules, budgets,
-- eligibility rules) and its phase history (moves by staff and by the dates). Every change to
-- the process or one of its projects locks this row (SELECT ... FOR UPDATE), so changes to one
-- process are serialised across application nodes; version grows with each change.
CREATE TABLE polity_process (
    id          VARCHAR(100)    NOT NULL,
    version     BIGINT          NOT NULL,
    definition  VARCHAR(1000000) NOT NULL,
    phase_moves VARCHAR(1000000) NOT NULL,
    CONSTRAINT polity_process_pk PRIMARY KEY (id)
);

-- Which process each budget belongs to (its eligibility rules decide who may vote on it).
CREATE TABLE polity_process_budget (
    budget_id  VARCHAR(100) NOT NULL,
    process_id VARCHAR(100) NOT NULL,
    CONSTRAINT polity_process_budget_pk PRIMARY KEY (budget_id),
    CONSTRAINT polity_process_budget_process FOREIGN KEY (process_id) REFERENCES polity_process (id)
);

-- A project (an idea) of a process: the core Project snapshot as JSON, its version (the ETag of
-- staff updates) and its position in submission order.
CREATE TABLE polity_project (
    id         VARCHAR(120)     NOT NULL,
    process_id VARCHAR(100)     NOT NULL,
    position   INTEGER          NOT NULL,
    version    BIGINT           NOT NULL,
    status     VARCHAR(20)      NOT NULL,
    document   VARCHAR(1000000) NOT NULL,
    CONSTRAINT polity_project_pk PRIMARY KEY (id),
    CONSTRAINT polity_project_position UNIQUE (process_id, position),
    CONSTRAINT polity_project_process FOREIGN KEY (process_id) REFERENCES polity_process (id)
);
