-- Lesson 9: one marketer serves 2-4 accounts well. The workspace's limit of accounts per marketer.
CREATE TABLE capacity_rule (
    id                     INT NOT NULL PRIMARY KEY,
    max_accounts_per_member INT NOT NULL
);
INSERT INTO capacity_rule (id, max_accounts_per_member) VALUES (1, 4);
