-- A workspace's own version of a built-in network profile (the whole profile, as JSON), set by an admin.
CREATE TABLE network_profile (
    network    VARCHAR(40) NOT NULL PRIMARY KEY,
    profile    VARCHAR(30000) NOT NULL,
    changed_by VARCHAR(254) NOT NULL,
    changed_at TIMESTAMP WITH TIME ZONE NOT NULL
);
