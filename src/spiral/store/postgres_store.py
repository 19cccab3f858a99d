"""The store on a PostgreSQL server, for teams: several analysts and jobs write at once.

Same schema, migrations and idempotent writes as DuckDB. Bulk upserts go through COPY into a
temporary table, then one INSERT ... ON CONFLICT in key order; a document's extraction is
replaced under an advisory lock on its id, so concurrent writers lose and duplicate nothing.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import polars as pl
import psycopg

from spiral.errors import StoreError
from spiral.store import migrations
from spiral.store.base import SqlStore, upsert_sql

SCHEMA_LOCK = 0x5350_4952  # "SPIR": the advisory lock id held while migrating


def redacted(dsn: str) -> str:
    """The DSN without its password, for messages.

    >>> redacted("postgresql://ana:secret@db.example.org/crisis")
    'postgresql://ana:***@db.example.org/crisis'
    """
    return re.sub(r"(://[^:/@]+:)[^@]*@", r"\1***@", dsn)


def open_postgres(dsn: str, *, read_only: bool = False) -> PostgresStore:
    """Connect to the PostgreSQL store at `dsn`, creating and migrating its tables if needed.

    Raises
    ------
    StoreError
        The server cannot be reached or refuses the login, or the schema is newer than this spiral.
    """
    try:
        connection = psycopg.connect(dsn, autocommit=True, options="-c TimeZone=UTC")
    except psycopg.Error as error:
        raise StoreError(f"{redacted(dsn)}: cannot connect to PostgreSQL ({error}".rstrip()
                         + "); check the server runs and the user, host and database in --db "
                         "or SPIRAL_DB") from error
    if read_only:
        connection.execute("SET default_transaction_read_only = on")
    store = PostgresStore(connection, redacted(dsn))
    try:
        store.schema_version = migrations.migrate(store, "postgres", read_only=read_only)
    except BaseException:
        connection.close()
        raise
    return store


class PostgresStore(SqlStore):
    """The store in a PostgreSQL database. Use as a context manager."""

    def __init__(self, connection: psycopg.Connection, location: str):
        self._db = connection
        self.location = location
        self.schema_version = 0

    def close(self) -> None:
        self._db.close()

    def _run(self, query: str, params: list[Any] | None = None) -> list[tuple[Any, ...]]:
        try:
            with self._db.cursor() as cursor:
                cursor.execute(_placeholders(query) if params else query, params or None)
                return cursor.fetchall() if cursor.description else []
        except psycopg.Error as error:
            raise StoreError(f"{self.location}: {error}".strip()) from error

    def _frame(self, query: str, params: list[Any] | None = None) -> pl.DataFrame:
        with self._db.cursor() as cursor:
            cursor.execute(_placeholders(query) if params else query, params or None)
            schema = {c.name: _OID_TYPES[c.type_code]() for c in cursor.description}
            return pl.DataFrame(cursor.fetchall(), schema=schema, orient="row")

    def _transaction(self) -> psycopg.Transaction:
        return self._db.transaction()

    def _lock_document(self, doc_id: str) -> None:
        self._run("SELECT pg_advisory_xact_lock(?)", [zlib.crc32(doc_id.encode())])

    def _lock_schema(self) -> None:
        self._run("SELECT pg_advisory_xact_lock(?)", [SCHEMA_LOCK])

    def _has_table(self, table: str) -> bool:
        return self._run("SELECT to_regclass(?) IS NOT NULL", [table])[0][0]

    def files(self) -> tuple[Path, ...]:
        return ()  # the server's files are not ours to reach

    def _insert_frame(self, table: str, frame: pl.DataFrame, key: str, *,
                      replace: bool = False) -> int:
        frame = frame.unique(subset=[key], keep="last", maintain_order=True)
        incoming = f"_incoming_{table}"
        quoted = ", ".join(f'"{c}"' for c in frame.columns)
        try:
            return self._upsert(table, frame, key, incoming, quoted, replace=replace)
        except psycopg.DataError as error:
            fix = (" (PostgreSQL text cannot hold NUL characters; strip \\x00 from the input "
                   "or use a DuckDB store)") if "NUL" in str(error) else ""
            raise StoreError(f"{self.location}: cannot write to {table}: {error}{fix}") from error

    def _upsert(self, table: str, frame: pl.DataFrame, key: str, incoming: str, quoted: str, *,
                replace: bool) -> int:
        with self._db.cursor() as cursor:
            cursor.execute(f"CREATE TEMP TABLE IF NOT EXISTS {incoming} "
                           f"(LIKE {table} INCLUDING DEFAULTS) ON COMMIT DELETE ROWS")
            cursor.execute(f"TRUNCATE {incoming}")
            with cursor.copy(f"COPY {incoming} ({quoted}) FROM STDIN") as copy:
                for row in frame.iter_rows():
                    copy.write_row(row)
            # xmax = 0 on a row this statement inserted, not on one it updated
            cursor.execute(upsert_sql(table, frame.columns, key, incoming, replace=replace)
                           + " RETURNING (xmax = 0)")
            return sum(1 for (inserted,) in cursor.fetchall() if inserted)

    def _column_types(self, table: str) -> dict[str, pl.DataType]:
        types = self._run("SELECT column_name, udt_name FROM information_schema.columns "
                          "WHERE table_schema = current_schema() AND table_name = ?", [table])
        return {column: _UDT_TYPES[kind]() for column, kind in types}


def _placeholders(query: str) -> str:
    """The store's shared SQL uses DuckDB's `?`; psycopg wants `%s`.

    >>> _placeholders("SELECT * FROM t WHERE a = ? AND b ILIKE ?")
    'SELECT * FROM t WHERE a = %s AND b ILIKE %s'
    """
    return query.replace("?", "%s")


_UDT_TYPES: dict[str, Callable[[], pl.DataType]] = {
    "varchar": pl.String, "text": pl.String, "int4": pl.Int32, "int8": pl.Int64,
    "float8": pl.Float64, "bool": pl.Boolean, "date": pl.Date,
    "timestamptz": lambda: pl.Datetime("us", "UTC"), "_varchar": lambda: pl.List(pl.String),
    "_text": lambda: pl.List(pl.String),
}
# type OIDs of the result columns, so a frame has the same dtypes as DuckDB's, even when empty
_OID_TYPES: dict[int, Callable[[], pl.DataType]] = {
    25: pl.String, 1043: pl.String, 23: pl.Int32, 20: pl.Int64, 701: pl.Float64,
    16: pl.Boolean, 1082: pl.Date, 1184: lambda: pl.Datetime("us", "UTC"),
    1015: lambda: pl.List(pl.String), 1009: lambda: pl.List(pl.String),
}
