-- Polity schema, version 5: news items and events (the capability news).
-- Each is stored as a JSON document with a schema version (written and read by NewsDocuments,
-- never by the REST codecs), an optimistic version column (the ETag of edits) and a withdrawn flag
-- (a withdrawn item is kept, no longer shown). Portable SQL for H2 and PostgreSQL.
CREATE TABLE polity_news (
    id        VARCHAR(64)      NOT NULL,
    kind      VARCHAR(10)      NOT NULL,
    version   BIGINT           NOT NULL,
    withdrawn BOOLEAN          NOT NULL,
    document  VARCHAR(1000000) NOT NULL,
    CONSTRAINT polity_news_pk PRIMARY KEY (id),
    CONSTRAINT polity_news_kind CHECK (kind IN ('item', 'event'))
);

CREATE INDEX polity_news_by_kind ON polity_news (kind, withdrawn);
