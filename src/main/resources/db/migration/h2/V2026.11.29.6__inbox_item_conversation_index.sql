-- H2 gives every foreign key an index holding exactly its columns, so inbox_item had two indexes
-- led by conversation_id: the foreign key's and inbox_item_conversation_idx (conversation_id,
-- occurred_at). Every ingested message paid for both, each at a random place. The foreign key's
-- index serves every reader on H2: a conversation's few messages are sorted by time after they are
-- read. PostgreSQL indexes no foreign key and keeps inbox_item_conversation_idx.
DROP INDEX inbox_item_conversation_idx;
