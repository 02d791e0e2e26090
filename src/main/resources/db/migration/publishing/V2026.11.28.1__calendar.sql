-- The calendar and its content mix read a period of variants without touching their texts or
-- posts: each variant carries its post's content type, and whether it reads as automated (decided
-- when it is submitted: a repeat of the account's recent posts, or an unedited proposal pasted to
-- several accounts). One index, led by the schedule, covers the period's counts and the mix.
ALTER TABLE post_variant ADD COLUMN content_type VARCHAR(30);
UPDATE post_variant SET content_type = (SELECT p.content_type FROM post p WHERE p.id = post_variant.post_id);
ALTER TABLE post_variant ALTER COLUMN content_type SET NOT NULL;
ALTER TABLE post_variant ADD COLUMN automated BOOLEAN DEFAULT FALSE NOT NULL;
CREATE INDEX post_variant_period_idx ON post_variant (scheduled_at, account_id, state, content_type, automated, id);
