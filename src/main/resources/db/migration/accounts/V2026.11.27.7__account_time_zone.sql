-- The time zone of an account's audience, when it differs from the workspace's (a Weibo account for
-- Shanghai, a Bluesky account for Berlin). Null: the workspace's zone.
ALTER TABLE account ADD COLUMN time_zone VARCHAR(60);
