-- The H2 migration of this version makes the inbox's identity sequences cache 1,000 values, because
-- H2 writes a sequence to disk in a commit of its own each time its cache is used up. PostgreSQL
-- takes a value without a disk write (it logs a sequence every 32 values, in the same WAL flush),
-- and its cache is per connection, so a cache there would only make ids arrive out of order across
-- nodes. Nothing to do; this file keeps the two databases' schema history at the same versions.
SELECT 1;
