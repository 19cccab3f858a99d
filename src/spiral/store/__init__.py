"""store stage: one schema in an embedded DuckDB file; records in, records and frames out."""

from spiral.store.duckdb_store import Store, open_store

__all__ = ["Store", "open_store"]
