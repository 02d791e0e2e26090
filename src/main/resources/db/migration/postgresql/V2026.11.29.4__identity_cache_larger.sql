-- The H2 migration of this version makes the inbox's identity caches larger still; PostgreSQL needs
-- none (see V2026.11.29.2). This file keeps the two databases' schema history at the same versions.
SELECT 1;
