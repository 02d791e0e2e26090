-- A cache of 1,000 identity values still made H2 write a sequence in a commit of its own every ten
-- pages or so of ingestion, and that commit stores whatever the other pages being ingested have
-- changed so far, which their own commits then store again (7% of the ingesting threads' CPU). The
-- inbox's tables now cache 100,000 values: a restart after a crash skips the rest of the cache, and
-- BIGINT ids have room for that.
ALTER TABLE contact ALTER COLUMN id SET CACHE 100000;
ALTER TABLE conversation ALTER COLUMN id SET CACHE 100000;
ALTER TABLE inbox_item ALTER COLUMN id SET CACHE 100000;
