-- Ingestion looks up a page's authors and threads with one IN list each. H2 uses an index for an IN
-- list only on the index's first column, and otherwise reads every contact of the network (every
-- conversation of the account) per page; so the network id leads these unique keys. PostgreSQL is
-- indifferent. No index by account replaces the old key's prefix: each index costs every insert,
-- and a list filtered by account or department reads the queue's index in order and skips the rest.
ALTER TABLE contact DROP CONSTRAINT contact_remote;
ALTER TABLE contact ADD CONSTRAINT contact_remote UNIQUE (remote_id, network);
ALTER TABLE conversation DROP CONSTRAINT conversation_thread;
ALTER TABLE conversation ADD CONSTRAINT conversation_thread UNIQUE (thread_key, account_id);
