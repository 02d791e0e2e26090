-- The identity of the event an entry records, so that an event delivered again (its node died
-- after the entry was written but before the publication was marked complete) adds no second
-- entry. Entries written before this have none; NULLs never clash.
ALTER TABLE audit_entry ADD COLUMN event_key VARCHAR(64);
CREATE UNIQUE INDEX audit_entry_event_key_idx ON audit_entry (event_key);
