-- Append-only, hash-chained audit log. Each entry's hash covers its fields and the previous
-- entry's hash; audit_chain holds the newest hash so that truncating the tail is detected too,
-- and its row is locked while appending so that concurrent nodes keep one chain.
CREATE TABLE audit_entry (
    seq         BIGINT NOT NULL PRIMARY KEY,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    actor       VARCHAR(254) NOT NULL,
    action      VARCHAR(80) NOT NULL,
    target      VARCHAR(200),
    detail      VARCHAR(1000),
    source      VARCHAR(100),
    prev_hash   VARCHAR(64) NOT NULL,
    hash        VARCHAR(64) NOT NULL
);
CREATE INDEX audit_entry_occurred_idx ON audit_entry (occurred_at);
CREATE INDEX audit_entry_action_idx ON audit_entry (action);

CREATE TABLE audit_chain (
    id        INT NOT NULL PRIMARY KEY,
    last_seq  BIGINT NOT NULL,
    last_hash VARCHAR(64) NOT NULL
);
INSERT INTO audit_chain (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
