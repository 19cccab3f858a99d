-- DuckDB stores `native` with zstd from this version on; PostgreSQL compresses long text itself
-- (TOAST), so nothing changes here: the version exists so both engines count the same.
SELECT 1;
