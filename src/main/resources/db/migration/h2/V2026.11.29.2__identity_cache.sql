-- H2 hands out identity values from a cache of 32 and, each time the cache is used up, writes the
-- sequence in a commit of its own, which with WRITE_DELAY=0 is a store written to disk: ingesting
-- a page of 100 interactions made six such stores besides its own commit (a quarter of the
-- ingesting thread's CPU). The tables that take a row per interaction now cache 1,000 values. A
-- restart skips what was left of the cache (ids have gaps; nothing reads meaning into them).
ALTER TABLE contact ALTER COLUMN id SET CACHE 1000;
ALTER TABLE conversation ALTER COLUMN id SET CACHE 1000;
ALTER TABLE inbox_item ALTER COLUMN id SET CACHE 1000;
