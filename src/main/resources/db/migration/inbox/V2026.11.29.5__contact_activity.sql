-- What each contact has done (messages, likes, reposts, following, last seen), apart from who they
-- are. Every interaction updates its author's counters, and an author is anywhere in the table: on
-- H2 each commit rewrites the whole page of up to 48 rows around every row it changed, so the rows
-- changed at random should be narrow. The counters' rows are a quarter of a contact's; the contact
-- (network id, handle, name) changes only when its handle or name does.
CREATE TABLE contact_activity (
    contact_id   BIGINT NOT NULL PRIMARY KEY REFERENCES contact (id),
    messages     INT NOT NULL DEFAULT 0,
    likes        INT NOT NULL DEFAULT 0,
    reposts      INT NOT NULL DEFAULT 0,
    follows      BOOLEAN NOT NULL DEFAULT FALSE,
    last_seen_at TIMESTAMP WITH TIME ZONE NOT NULL
);
INSERT INTO contact_activity (contact_id, messages, likes, reposts, follows, last_seen_at)
    SELECT id, messages, likes, reposts, follows, last_seen_at FROM contact;
ALTER TABLE contact DROP COLUMN messages;
ALTER TABLE contact DROP COLUMN likes;
ALTER TABLE contact DROP COLUMN reposts;
ALTER TABLE contact DROP COLUMN follows;
ALTER TABLE contact DROP COLUMN last_seen_at;
