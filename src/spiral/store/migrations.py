"""Versioned schema: numbered SQL files in migrations/, applied in order, one transaction each."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

import duckdb

from spiral.errors import StoreError


def available() -> list[tuple[int, str, str]]:
    """(version, name, sql) of every migration shipped, in order."""
    folder = resources.files("spiral.store") / "migrations"
    found = []
    for entry in folder.iterdir():
        match = re.fullmatch(r"(\d{4})_(\w+)\.sql", entry.name)
        if match:
            found.append((int(match.group(1)), match.group(2), entry.read_text(encoding="utf-8")))
    return sorted(found)


def migrate(db: duckdb.DuckDBPyConnection, path: Path, *, read_only: bool = False) -> int:
    """Bring the schema up to date and return its version.

    Raises
    ------
    StoreError
        The file was written by a newer spiral, or needs migrating but is opened read-only.
    """
    if not read_only:
        db.execute("CREATE TABLE IF NOT EXISTS schema_migrations "
                   "(version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMPTZ)").fetchall()
    has_table = db.execute("SELECT count(*) FROM information_schema.tables "
                           "WHERE table_name = 'schema_migrations'").fetchall()[0][0]
    current = db.execute("SELECT coalesce(max(version), 0) FROM schema_migrations").fetchall()[0][0] \
        if has_table else 0
    shipped = available()
    newest = shipped[-1][0]
    if current > newest:
        raise StoreError(f"{path}: schema version {current} is newer than this spiral knows "
                         f"({newest}); upgrade spiral or use another --db")
    pending = [m for m in shipped if m[0] > current]
    if pending and read_only:
        raise StoreError(f"{path}: schema version {current} needs migrating to {newest}; open it "
                         "once for writing (e.g. `spiral ingest`) first")
    for version, name, sql in pending:
        db.execute("BEGIN TRANSACTION").fetchall()
        try:
            db.execute(sql).fetchall()
            db.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)",
                       [version, name, datetime.now(UTC)]).fetchall()
            db.execute("COMMIT").fetchall()
        except duckdb.Error as error:
            db.execute("ROLLBACK").fetchall()
            raise StoreError(f"{path}: migration {version:04d}_{name} failed: {error}") from error
    return newest
