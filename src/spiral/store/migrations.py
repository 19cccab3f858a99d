"""Versioned schema: numbered SQL files per engine, applied in order, one transaction each.

DuckDB's files are in migrations/, PostgreSQL's beside them in migrations/postgres/; both ship
the same versions (a test checks), so a store means the same thing on either engine.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from importlib import resources
from typing import TYPE_CHECKING, Literal

from spiral.errors import StoreError

if TYPE_CHECKING:
    from spiral.store.base import SqlStore

Dialect = Literal["duckdb", "postgres"]
FOLDERS: dict[str, tuple[str, ...]] = {"duckdb": ("migrations",),
                                       "postgres": ("migrations", "postgres")}
LEDGER = ("CREATE TABLE IF NOT EXISTS schema_migrations "
          "(version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMPTZ)")


def available(dialect: Dialect = "duckdb") -> list[tuple[int, str, str]]:
    """(version, name, sql) of every migration shipped for `dialect`, in order.

    >>> [(v, n) for v, n, _ in available("postgres")][:1]
    [(1, 'initial')]
    """
    folder = resources.files("spiral.store")
    for part in FOLDERS[dialect]:
        folder = folder / part
    found = []
    for entry in folder.iterdir():
        match = re.fullmatch(r"(\d{4})_(\w+)\.sql", entry.name)
        if match:
            found.append((int(match.group(1)), match.group(2), entry.read_text(encoding="utf-8")))
    return sorted(found)


def migrate(store: SqlStore, dialect: Dialect, *, read_only: bool = False) -> int:
    """Bring the schema up to date and return its version.

    Each migration runs in its own transaction under the store's schema lock, re-reading the
    version first, so two processes opening a new PostgreSQL store at once apply it once.

    Raises
    ------
    StoreError
        The store was written by a newer spiral, or needs migrating but is opened read-only.
    """
    shipped = available(dialect)
    newest = shipped[-1][0]
    current = _current(store, read_only=read_only)
    if current > newest:
        raise StoreError(f"{store.location}: schema version {current} is newer than this spiral "
                         f"knows ({newest}); upgrade spiral or use another --db")
    pending = [m for m in shipped if m[0] > current]
    if pending and read_only:
        raise StoreError(f"{store.location}: schema version {current} needs migrating to {newest}; "
                         "open it once for writing (e.g. `spiral ingest`) first")
    for version, name, sql in pending:
        try:
            with store._transaction():
                store._lock_schema()
                if _version(store) >= version:
                    continue  # another process applied it while we waited for the lock
                store._run(sql)
                store._run("INSERT INTO schema_migrations VALUES (?, ?, ?)",
                           [version, name, datetime.now(UTC)])
        except StoreError:
            raise
        except Exception as error:  # each engine raises its own error tree
            raise StoreError(f"{store.location}: migration {version:04d}_{name} failed: "
                             f"{error}") from error
    return newest


def _current(store: SqlStore, *, read_only: bool) -> int:
    if not read_only:
        with store._transaction():
            store._lock_schema()
            store._run(LEDGER)
    elif not store._has_table("schema_migrations"):
        return 0
    return _version(store)


def _version(store: SqlStore) -> int:
    return store._run("SELECT coalesce(max(version), 0) FROM schema_migrations")[0][0]
