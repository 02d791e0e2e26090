-- When the owners were last reminded to change a secret, so that a reminder goes out once a week.
ALTER TABLE secret ADD COLUMN reminded_at TIMESTAMP WITH TIME ZONE;
