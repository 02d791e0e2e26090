-- The H2 migration of this version drops an index that duplicates H2's own index of the foreign key
-- inbox_item.conversation_id. PostgreSQL indexes no foreign key by itself and keeps
-- inbox_item_conversation_idx. This file keeps the two databases' schema history at the same versions.
SELECT 1;
