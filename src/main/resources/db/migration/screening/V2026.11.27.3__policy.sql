-- The workspace's social media policy, one row per published version: the text in both languages
-- and the screening rules (JSON: action per category and severity, the workspace's own terms).
CREATE TABLE policy_version (
    version      INT NOT NULL PRIMARY KEY,
    text_en      VARCHAR(20000) NOT NULL,
    text_zh      VARCHAR(20000) NOT NULL,
    rules        VARCHAR(60000) NOT NULL,
    note         VARCHAR(500),
    published_by VARCHAR(254) NOT NULL,
    published_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Who acknowledged which version, and when.
CREATE TABLE policy_acknowledgement (
    member_id       BIGINT NOT NULL,
    version         INT NOT NULL,
    acknowledged_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (member_id, version)
);

-- Whether members without an acknowledgement of the current version may publish or reply.
CREATE TABLE policy_setting (
    id                      INT NOT NULL PRIMARY KEY,
    enforce_acknowledgement BOOLEAN NOT NULL
);
INSERT INTO policy_setting (id, enforce_acknowledgement) VALUES (1, TRUE);
