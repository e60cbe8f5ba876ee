-- Polity schema, version 4: published results (issue 5). Portable SQL for H2 and PostgreSQL.

-- The results of a budget as they were published: the counting rule, the tallies, the funded
-- projects and every explanation in French, Dutch and English, as one JSON document written by
-- org.polity.jakarta.results.ResultsJson. Kept as published, so that what was proclaimed is what
-- is shown later, whatever changes to the rules or the software. One row per budget: publishing
-- twice is refused.
CREATE TABLE polity_published_results (
    budget_id    VARCHAR(100)     NOT NULL,
    process_id   VARCHAR(100)     NOT NULL,
    published_at TIMESTAMP WITH TIME ZONE NOT NULL,
    published_by VARCHAR(200)     NOT NULL,
    document     VARCHAR(1000000) NOT NULL,
    CONSTRAINT polity_published_results_pk PRIMARY KEY (budget_id),
    CONSTRAINT polity_published_results_process FOREIGN KEY (process_id) REFERENCES polity_process (id)
);
