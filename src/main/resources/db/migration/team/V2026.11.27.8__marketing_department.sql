-- Marketing is a department like the others: the inbox routes to it what no one else should answer.
INSERT INTO department (code, created_at) VALUES ('marketing', CURRENT_TIMESTAMP);
