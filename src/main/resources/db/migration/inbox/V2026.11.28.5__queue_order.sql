-- The inbox lists conversations due soonest first, then the newest. H2 reads an index in order only
-- when the ORDER BY columns lead it, so the queue's order leads this one: a page of the queue reads
-- its first rows, not every open conversation (the answered and done ones, with no due time, sort
-- last).
DROP INDEX conversation_queue_idx;
CREATE INDEX conversation_queue_idx ON conversation (due_at NULLS LAST, last_item_at DESC, id DESC);
