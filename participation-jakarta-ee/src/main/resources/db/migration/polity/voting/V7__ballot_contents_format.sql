-- Polity schema, version 7: the stored contents of a ballot carry the version of their format
-- (org.polity.jakarta.voting.StoredBallots), apart from the REST API's ballot JSON, so that
-- either can change without the other. Every ballot stored so far is in format 1.
ALTER TABLE polity_ballot ADD COLUMN contents_format INTEGER DEFAULT 1 NOT NULL;
ALTER TABLE polity_pending_encoding ADD COLUMN contents_format INTEGER DEFAULT 1 NOT NULL;
