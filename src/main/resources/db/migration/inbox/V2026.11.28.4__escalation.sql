-- How far a waiting conversation has been escalated: 0 not yet, 1 its assignee was told, 2 its
-- department's leads were. A level is claimed with a conditional UPDATE, so it fires once even with
-- several nodes; a new wait (their next message, a reassignment) starts again from 0.
ALTER TABLE conversation ADD COLUMN escalation_level INT NOT NULL DEFAULT 0;

-- Whom an escalation told in the app: their home page shows it while the conversation waits.
CREATE TABLE escalation_notice (
    conversation_id BIGINT NOT NULL REFERENCES conversation (id),
    level           INT NOT NULL,
    member_id       BIGINT NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (conversation_id, level, member_id)
);
CREATE INDEX escalation_notice_member_idx ON escalation_notice (member_id);

-- The chat message an escalation owes its department's group; one that failed keeps its failure
-- and is sent again on the next run while the conversation waits.
CREATE TABLE escalation_chat (
    conversation_id BIGINT NOT NULL REFERENCES conversation (id),
    level           INT NOT NULL,
    department_id   BIGINT NOT NULL,
    text            VARCHAR(2000) NOT NULL,
    attempts        INT NOT NULL DEFAULT 0,
    failure         VARCHAR(500),
    sent_at         TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (conversation_id, level)
);

-- A department's chat group: the robot's webhook (WECOM, DINGTALK, FEISHU or SLACK). The URL carries
-- the robot's token and is stored sealed, as is the signing secret; only the host is kept in clear.
CREATE TABLE chat_webhook (
    department_id BIGINT NOT NULL PRIMARY KEY,
    kind          VARCHAR(20) NOT NULL,
    host          VARCHAR(255) NOT NULL,
    url_sealed    VARCHAR(4000) NOT NULL,
    secret_sealed VARCHAR(1000),
    changed_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
