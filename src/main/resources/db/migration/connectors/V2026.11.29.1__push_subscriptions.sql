-- Where a network pushes an account's interactions (Web Push, RFC 8030/8291/8292). The id is the
-- unguessable last segment of the receiving address; the keys that open the pushes are in the vault
-- (secret of kind CONNECTION, label "push"). State: PENDING while the network is asked (the row and
-- keys are written first, so an early push is not taken for an unknown subscription), ACTIVE with the
-- network's VAPID server key, or UNSUPPORTED (the network declined) until the account is connected
-- again.
CREATE TABLE push_subscription (
    id            VARCHAR(64) NOT NULL PRIMARY KEY,
    account_id    BIGINT NOT NULL,
    connector     VARCHAR(40) NOT NULL,
    state         VARCHAR(20) NOT NULL,
    server_key    VARCHAR(200),
    subscribed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_push_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT push_subscription_account UNIQUE (account_id)
);
