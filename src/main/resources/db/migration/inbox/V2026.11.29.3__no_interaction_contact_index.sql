-- Nothing reads interactions by contact (a contact's counters are kept on the contact, its history
-- is its conversations), and every ingested interaction paid for this index: dropped. Erasing a
-- contact, when it comes, deletes by contact and will want it back.
DROP INDEX interaction_contact_idx;
