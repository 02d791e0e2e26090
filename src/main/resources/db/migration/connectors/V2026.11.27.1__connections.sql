-- How each registry account is connected to its network (or to the sandbox network). Its
-- credentials are not here: they live in the vault (secret of kind CONNECTION).
CREATE TABLE network_connection (
    account_id           BIGINT NOT NULL PRIMARY KEY,
    connector            VARCHAR(40) NOT NULL,
    remote_id            VARCHAR(300) NOT NULL,
    handle               VARCHAR(300) NOT NULL,
    settings             VARCHAR(4000) NOT NULL,
    state                VARCHAR(20) NOT NULL,
    expires_at           TIMESTAMP WITH TIME ZONE,
    connected_by         BIGINT NOT NULL,
    connected_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    last_success_at      TIMESTAMP WITH TIME ZONE,
    last_failure_at      TIMESTAMP WITH TIME ZONE,
    failure_reason       VARCHAR(100),
    failure_message      VARCHAR(1000),
    consecutive_failures INT NOT NULL DEFAULT 0,
    warned_at            TIMESTAMP WITH TIME ZONE
);
CREATE INDEX network_connection_expiry_idx ON network_connection (expires_at);
