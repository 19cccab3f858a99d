-- DuckDB's events lose their primary key index from this version on (its index of appended rows
-- held memory until the commit); PostgreSQL keeps the key, which its upserts rely on, so nothing
-- changes here: the version exists so both engines count the same.
SELECT 1;
