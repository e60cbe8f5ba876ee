-- Polity schema, version 10: the portal's record of role changes (who granted or withdrew which
-- roles of an account, when, and why) and the link from an idea to the account that submitted it
-- through the portal (issue 14: "what happened to my idea"). Portable SQL (H2 and PostgreSQL).
-- Least data: the link holds the account's random id and the idea's ids, nothing else (the idea
-- keeps the author name its author gave on it); both are deleted with the account, except the
-- changes the account made to others, whose changed_by then names no one any more.
CREATE TABLE polity_account_role_change (
    id            VARCHAR(36)   NOT NULL,
    account_id    VARCHAR(36)   NOT NULL,
    changed_by    VARCHAR(200)  NOT NULL,
    roles_before  VARCHAR(200)  NOT NULL,
    roles_after   VARCHAR(200)  NOT NULL,
    reason        VARCHAR(500),
    changed_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT polity_account_role_change_pk PRIMARY KEY (id)
);
CREATE INDEX polity_account_role_change_at ON polity_account_role_change (changed_at);
CREATE INDEX polity_account_role_change_account ON polity_account_role_change (account_id);

-- One row per idea submitted through the portal's idea form by a signed-in account.
CREATE TABLE polity_idea_author (
    process_id    VARCHAR(100)  NOT NULL,
    project_id    VARCHAR(120)  NOT NULL,
    account_id    VARCHAR(36)   NOT NULL,
    submitted_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT polity_idea_author_pk PRIMARY KEY (process_id, project_id)
);
CREATE INDEX polity_idea_author_account ON polity_idea_author (account_id);
