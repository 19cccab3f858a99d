"""store stage: one schema on an embedded DuckDB file (the default) or a PostgreSQL server.

Both engines implement the `Store` protocol; `open_store` picks one from the --db value.
"""

from __future__ import annotations

from pathlib import Path

from spiral.store.base import Store, is_postgres

__all__ = ["Store", "open_store"]


def open_store(target: str | Path, *, read_only: bool = False) -> Store:
    """Open the store at `target`: a PostgreSQL URL (postgresql://USER@HOST/DB) or a DuckDB file.

    The engine's driver is imported here, so a command that needs no store pays for neither.

    >>> import tempfile, pathlib
    >>> with open_store(pathlib.Path(tempfile.mkdtemp()) / "s.duckdb") as store:
    ...     store.counts()["documents"]
    0

    Raises
    ------
    StoreError
        The store cannot be opened; the message names it and the fix.
    """
    if is_postgres(target):
        from spiral.store.postgres_store import open_postgres

        return open_postgres(str(target), read_only=read_only)
    from spiral.store.duckdb_store import open_duckdb

    return open_duckdb(target, read_only=read_only)
