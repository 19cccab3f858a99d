"""The store on an embedded DuckDB file (the default): one writing process at a time."""

from __future__ import annotations

import contextlib
import functools
import itertools
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb
import polars as pl

from spiral.errors import StoreError
from spiral.store import migrations
from spiral.store.base import AppendRefused, SqlStore
from spiral.store.outputs import store_files

if TYPE_CHECKING:
    from spiral.ingest.imports.lines import LineRead, LinesImported


def open_duckdb(path: str | Path, *, read_only: bool = False) -> DuckDBStore:
    """Open (creating and migrating if needed) the DuckDB store at `path`.

    Raises
    ------
    StoreError
        Not a DuckDB file, locked by another writer, missing in read-only mode, or written by a
        newer spiral.
    """
    path = Path(path)
    if read_only and not path.exists():
        raise StoreError(f"{path}: no store here yet; run `spiral ingest ... --db {path}` first")
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    is_new = not path.exists()
    try:
        connection = duckdb.connect(str(path), read_only=read_only)
    except duckdb.IOException as error:
        if is_new:  # a store that could not even be created (a full disk) leaves no file
            _remove_store_files(path)
            raise StoreError(f"{path}: cannot create the store ({error}); free disk space, or "
                             "pass --db in a folder you may write to") from error
        if "lock" in str(error).lower():
            raise StoreError(f"{path}: another process has the store open for writing; wait for "
                             "it to finish, use another --db, or use PostgreSQL "
                             "(--db postgresql://USER@HOST/DB) for concurrent writers") from error
        raise StoreError(f"{path}: cannot open as a DuckDB store ({error}); "
                         "pass --db with a .duckdb file spiral created") from error
    except duckdb.Error as error:
        raise StoreError(f"{path}: cannot open as a DuckDB store ({error}); "
                         "pass --db with a .duckdb file spiral created") from error
    store = DuckDBStore(connection, path)
    try:
        store._run("SET TimeZone = 'UTC'")
        store._run("SET enable_progress_bar = false")  # it would print amid --format json
        store.schema_version = migrations.migrate(store, "duckdb", read_only=read_only)
        _check_intact(store)
    except BaseException:
        connection.close()
        if is_new:
            _remove_store_files(path)
        raise
    return store


def _remove_store_files(path: Path) -> None:
    for leftover in store_files(path):
        leftover.unlink(missing_ok=True)


# How the INSERT of a bulk import runs: memory capped, so DuckDB writes to the file rather than
# caching (DuckDB's default is 80% of RAM), rows in any order, which lets it write a row group
# as soon as it is full, and one thread, as the rows come from one reader. The events table has
# no key index (migration 0007), so the commit has nothing to merge and stays within the cap.
# A line import (DuckDB reading the file itself) runs with less: with 256 MB the process peaked
# at 401 MB for 1M synthetic GDELT rows and 451 MB for 4M (1.1 GB), with 160 MB at 364 and 371 MB
# in the same CPU time. Its join of the lines with a mapping table must build its hash table on
# the mapping table: DuckDB guesses a CSV read without sniffing at 42 rows and builds on the
# file instead (which held the whole file: out of memory at 4M rows).
BULK_SETTINGS = {"memory_limit": "256MB", "preserve_insertion_order": "false", "threads": "1"}
LINE_IMPORT_SETTINGS = {**BULK_SETTINGS, "memory_limit": "160MB",
                        "disabled_optimizers": "build_side_probe_side"}
# DuckDB files start with three 4 KiB headers, then fixed-size blocks
HEADER_BYTES = 3 * 4096


def _check_intact(store: DuckDBStore) -> None:
    """Refuse a file cut short (DuckDB would fail only when a lost block is read) or one whose
    tables lack columns spiral writes (changed by hand or by another program)."""
    path = store.path
    ((block_bytes, n_blocks),) = store._run(
        "SELECT block_size, total_blocks FROM pragma_database_size()")
    expected_bytes = HEADER_BYTES + block_bytes * n_blocks
    if path.exists() and path.stat().st_size < expected_bytes:
        raise StoreError(f"{path}: the file has {path.stat().st_size:,} bytes but its header "
                         f"counts {expected_bytes:,}: it was cut short (a full disk, an "
                         "interrupted copy); restore it from a backup, or ingest again into a "
                         "new --db")
    missing = sorted(_columns(_reference_schema()) - _columns(store._db))
    if missing:
        raise StoreError(f"{path}: the store lacks {', '.join(missing)}, which spiral writes; "
                         "it was changed outside spiral: restore it from a backup, or ingest "
                         "again into a new --db")


@functools.cache
def _reference_schema() -> duckdb.DuckDBPyConnection:
    """An in-memory database with every migration applied: the columns a store must have."""
    db = duckdb.connect(":memory:")
    for _, _, sql in migrations.available("duckdb"):
        db.execute(sql).fetchall()
    return db


def _columns(db: duckdb.DuckDBPyConnection) -> set[str]:
    return {f"{table}.{column}" for table, column in db.execute(
        "SELECT table_name, column_name FROM information_schema.columns "
        "WHERE table_schema = 'main' AND table_name != 'schema_migrations'").fetchall()}


def _store_error(path: Path, error: duckdb.Error) -> StoreError:
    """A DuckDB failure as a StoreError that names the file and what to do."""
    first_line = str(error).splitlines()[0] if str(error) else type(error).__name__
    if isinstance(error, duckdb.IOException | duckdb.InternalException):
        fix = ("the file is damaged or cut short; restore it from a backup, or ingest again into "
               "a new --db")
    elif isinstance(error, duckdb.CatalogException | duckdb.BinderException):
        fix = ("its tables differ from those spiral writes; restore it from a backup, or ingest "
               "again into a new --db")
    else:
        fix = "check free disk space and that the file is not damaged"
    return StoreError(f"{path}: {first_line}; {fix}")


class DuckDBStore(SqlStore):
    """Documents, extractions and imported events in one DuckDB file. Use as a context manager."""

    reads_lines = True

    def __init__(self, connection: duckdb.DuckDBPyConnection, path: Path):
        self._db = connection
        self.path = path
        self.location = str(path)
        self.schema_version = 0
        self._in_transaction = False
        self._to_reset: list[str] = []  # settings to reset when the transaction ends
        self._side: list[Any] = []  # side rows of the line import under way (Arrow tables)
        self._side_counts: Counter[tuple[str, str]] = Counter()  # and its unmapped, counted

    def close(self) -> None:
        self._db.close()

    # every query passes here: a DuckDB failure (a damaged file, a full disk) becomes an error
    # that names the store and what to do
    def _run(self, query: str, params: list[Any] | None = None) -> list[tuple[Any, ...]]:
        try:
            return self._db.execute(query, params or None).fetchall()
        except duckdb.Error as error:
            raise _store_error(self.path, error) from error

    def _frame(self, query: str, params: list[Any] | None = None) -> pl.DataFrame:
        try:
            return self._db.sql(query, params=params or None).pl()
        except duckdb.Error as error:
            raise _store_error(self.path, error) from error

    def _transaction(self) -> _Transaction:
        return _Transaction(self)

    def _lock_document(self, doc_id: str) -> None:
        """Nothing to wait for: a DuckDB file has one writing process."""

    def _lock_schema(self) -> None:
        """Nothing to wait for: a DuckDB file has one writing process."""

    def _has_table(self, table: str) -> bool:
        return self._run("SELECT count(*) FROM information_schema.tables WHERE table_name = ?",
                         [table])[0][0] > 0

    def files(self) -> tuple[Path, ...]:
        return store_files(self.path)

    def _insert_frame(self, table: str, frame: pl.DataFrame, key: str, *,
                      replace: bool = False) -> int:
        # Rows whose key is stored already are updated (replace) or left alone; the new ones are
        # inserted with a plain INSERT: on DuckDB, INSERT ... ON CONFLICT costs twice as much.
        frame = frame.unique(subset=[key], keep="last", maintain_order=True)
        quoted = ", ".join(f'"{c}"' for c in frame.columns)
        self._db.register("_incoming", frame)
        try:
            before = self._run(
                f'SELECT count(*) FROM {table} WHERE "{key}" IN (SELECT "{key}" FROM _incoming)'
            )[0][0]
            if before == 0:
                self._run(f"INSERT INTO {table} ({quoted}) SELECT {quoted} FROM _incoming")
            else:
                if replace and len(frame.columns) > 1:
                    updates = ", ".join(f'"{c}" = _incoming."{c}"' for c in frame.columns
                                        if c != key)
                    self._run(f"UPDATE {table} SET {updates} FROM _incoming "
                              f'WHERE {table}."{key}" = _incoming."{key}"')
                self._run(f"INSERT INTO {table} ({quoted}) SELECT {quoted} FROM _incoming "
                          f'WHERE "{key}" NOT IN (SELECT "{key}" FROM {table})')
        finally:
            self._db.unregister("_incoming")
        return frame.height - before

    def append_event_frames(self, frames: Iterable[pl.DataFrame]) -> tuple[int, int]:
        """Write a stream of new event frames (a whole imported file) in one statement; returns
        (rows written, n new).

        The frames reach DuckDB as one Arrow stream read by one INSERT, with BULK_SETTINGS:
        DuckDB then writes row groups to the file as they fill. Separate INSERTs inside one
        transaction kept theirs in memory until the commit, and an INSERT OR REPLACE takes
        three times as long as a plain one (both measured on 1M synthetic GDELT events: 1.35 GB
        for separate INSERTs; 88 s against 253 s for the two statements on a loaded machine).

        Raises
        ------
        AppendRefused
            An id is stored already or comes twice, or the primary key's index of the rows
            appended, which DuckDB holds in memory until the commit (tens of bytes a row),
            outgrew the memory limit (roll back, then `add_event_frames`).
        """
        import pyarrow as pa

        stream = iter(frames)
        first = next((f for f in stream if not f.is_empty()), None)
        if first is None:
            return 0, 0
        schema = first.to_arrow().schema
        n_rows = 0
        failed: list[BaseException] = []

        def batches() -> Iterator[pa.RecordBatch]:
            nonlocal n_rows
            try:
                for frame in itertools.chain([first], stream):
                    n_rows += frame.height
                    for batch in frame.to_arrow().to_batches():
                        yield batch.cast(schema)
            except BaseException as error:  # DuckDB would report it as its own error
                failed.append(error)
                raise

        quoted = ", ".join(f'"{c}"' for c in first.columns)
        # read by its name in the query: a registered view could not be unregistered in the
        # transaction a failed append aborts
        incoming = pa.RecordBatchReader.from_batches(schema, batches())  # noqa: F841
        with self._transaction(), self._settings(BULK_SETTINGS):
            before = self._last_rowid()
            try:
                self._db.execute(f"INSERT INTO events ({quoted}) "
                                 f"SELECT {quoted} FROM incoming").fetchall()
            except duckdb.Error as error:
                if failed:  # the reading failed (a file cut short): its own error says why
                    raise failed[0] from None
                if isinstance(error, duckdb.OutOfMemoryException):
                    raise AppendRefused(f"{self.path}: {str(error).splitlines()[0]}") from error
                raise _store_error(self.path, error) from error
            self._check_appended(before)
        return n_rows, n_rows

    def import_lines(self, read: LineRead) -> LinesImported:
        """Read a file line by line and append its events in one INSERT ... SELECT: DuckDB
        reads, maps (joining `read.tables`) and writes.

        Side rows (`_kind`, `_n`, `_detail`, `line`: what is not an event) reach Python through
        a function the INSERT's filter calls only for them, so the file is read once; the rows
        not mapped are only counted.

        Raises
        ------
        AppendRefused
            An id appended is stored already or comes twice (roll back, then upsert).
        InputError
            The file cannot be read (cut short, not text).
        """
        import pyarrow as pa

        from spiral.errors import InputError
        from spiral.ingest.imports.lines import LinesImported

        side: list[pa.Table] = []
        self._side, self._side_counts = side, Counter()
        if not self._run("SELECT 1 FROM duckdb_functions() WHERE function_name = 'spiral_side'"):
            # registered once per connection (a failed transaction cannot remove it), it hands
            # its rows to the import under way
            self._db.create_function("spiral_side", self._keep_side,
                                     ["VARCHAR", "BIGINT", "VARCHAR", "VARCHAR"], "BOOLEAN",
                                     type="arrow", null_handling="special", side_effects=True)
        columns = ", ".join(f'"{c}"' for c in self._column_types("events") if c != "confidence")
        with self._transaction(), self._settings(LINE_IMPORT_SETTINGS):
            for name, table in read.tables.items():
                self._db.register(f"_{name}", table)
                self._run(f"CREATE OR REPLACE TEMP TABLE {name} AS SELECT * FROM _{name}")
                self._db.unregister(f"_{name}")
            self._run("DROP TABLE IF EXISTS reject_errors")
            self._run("DROP TABLE IF EXISTS reject_scans")
            before = self._last_rowid()
            try:
                for statement in read.prepare:
                    self._db.execute(statement.replace("{lines}", read.lines())).fetchall()
                ((n_rows,),) = self._db.execute(
                    f"INSERT INTO events ({columns}) SELECT {columns} FROM ("
                    f"WITH lines AS {read.lines()} {read.select}) "
                    # rows only counted (read, not mapped) need not bring their line along
                    "WHERE _kind IS NULL OR spiral_side(_kind, _n, _detail, CASE WHEN _kind IN "
                    "('unmapped', 'unknown') THEN NULL ELSE _line END)").fetchall()
                # a prepared read scans the file twice: each scan stores its rejected lines
                rejected = self._run("SELECT DISTINCT line, line_byte_position, error_message "
                                     "FROM reject_errors")
                n_repeated = self._run(read.repeated)[0][0] if read.repeated else 0
                for statement in read.cleanup:
                    self._run(statement)
            except duckdb.OutOfMemoryException as error:
                raise AppendRefused(f"{self.path}: {str(error).splitlines()[0]}") from error
            except (duckdb.IOException, duckdb.InvalidInputException,
                    duckdb.ConversionException) as error:
                raise InputError(f"{read.origin}: cannot read as a delimited file "
                                 f"({str(error).splitlines()[0]}); is it a complete "
                                 f"{read.what} file?") from None
            except duckdb.Error as error:
                raise _store_error(self.path, error) from error
            self._check_appended(before)
        frame = pl.from_arrow(pa.concat_tables(side)) if side else pl.DataFrame(
            schema={"_kind": pl.String, "_n": pl.Int64, "_detail": pl.String, "line": pl.String})
        assert isinstance(frame, pl.DataFrame)
        return LinesImported(n_rows, frame, dict(self._side_counts),
                             [(int(a), int(b), str(c)) for a, b, c in rejected], n_repeated)

    # Arrow arrays in and out; DuckDB reads the hints, so they name nothing imported lazily
    def _keep_side(self, kind: Any, number: Any, detail: Any, line: Any) -> Any:
        """The side rows of a line import (called by its INSERT's filter): kept; never a row
        to insert."""
        import pyarrow as pa
        import pyarrow.compute as pc

        rows = pa.table({"_kind": kind, "_n": number, "_detail": detail, "line": line})
        counted = pc.is_in(rows["_kind"], pa.array(["unmapped", "unknown"]))
        if pc.any(counted).as_py():  # rows read but not mapped: only their numbers are kept
            # counted by value_counts of kind and detail joined: a group_by (Acero) costs a
            # millisecond a call, 0.5 s of a 1M-row import that calls this 500 times
            keys = pc.binary_join_element_wise(pc.filter(kind, counted),
                                               pc.fill_null(pc.filter(detail, counted), ""),
                                               "\x1f")
            for found in pc.value_counts(keys).to_pylist():
                kind_, detail_ = found["values"].split("\x1f", 1)
                self._side_counts[kind_, detail_] += found["counts"]
            rows = rows.filter(pc.invert(counted))
        if rows.num_rows:
            self._side.append(rows)
        return pa.array([False] * len(kind), pa.bool_())

    def _last_rowid(self) -> int:
        return self._run("SELECT coalesce(max(rowid), -1) FROM events")[0][0]

    def _check_appended(self, before: int) -> None:
        """Refuse an append whose ids repeat (stored before or twice in it): events have no key
        index (migration 0007), so the ids of the rows after rowid `before` are checked, only
        against the stored rows within their range of ids (DuckDB skips the rest by the row
        groups' minimum and maximum)."""
        low, high = self._run("SELECT min(id), max(id) FROM events WHERE rowid > ?", [before])[0]
        if low is not None and self._run(
                "SELECT id FROM events WHERE id BETWEEN ? AND ? GROUP BY id HAVING count(*) > 1 "
                "LIMIT 1", [low, high]):
            raise AppendRefused(f"{self.path}: an id appended is stored already or comes twice")

    @contextlib.contextmanager
    def _settings(self, settings: dict[str, str]) -> Iterator[None]:
        """DuckDB settings for the length of a block, then the defaults again (spiral sets
        none of these anywhere else). A failed statement leaves its transaction unable to run
        even RESET: the transaction's end resets them then."""
        try:
            for name, value in settings.items():
                self._run(f"SET {name} = '{value}'")
            yield
        finally:
            self._to_reset.extend(settings)
            try:
                self._reset_settings()
            except duckdb.TransactionException:
                pass  # an aborted transaction: reset as it ends

    def _reset_settings(self) -> None:
        while self._to_reset:
            self._db.execute(f"RESET {self._to_reset[-1]}").fetchall()
            self._to_reset.pop()

    def _column_types(self, table: str) -> dict[str, pl.DataType]:
        types = self._run("SELECT column_name, data_type FROM information_schema.columns "
                          "WHERE table_name = ?", [table])
        return {column: _POLARS_TYPES[kind]() for column, kind in types}


class _Transaction:
    """BEGIN ... COMMIT (ROLLBACK on an error); inside another transaction, part of it (as
    PostgreSQL's nested transactions are)."""

    def __init__(self, store: DuckDBStore):
        self._store = store
        self._outer = False

    def __enter__(self) -> None:
        if self._store._in_transaction:
            return
        self._outer = True
        self._store._db.execute("BEGIN TRANSACTION").fetchall()
        self._store._in_transaction = True

    def __exit__(self, exc_type: object, *exc: object) -> None:
        if not self._outer:
            return
        self._store._in_transaction = False
        try:
            self._store._db.execute("ROLLBACK" if exc_type else "COMMIT").fetchall()
        finally:
            self._store._reset_settings()


_POLARS_TYPES: dict[str, Callable[[], pl.DataType]] = {
    "VARCHAR": pl.String, "INTEGER": pl.Int64, "BIGINT": pl.Int64, "DOUBLE": pl.Float64,
    "BOOLEAN": pl.Boolean, "DATE": pl.Date, "VARCHAR[]": lambda: pl.List(pl.String),
    "TIMESTAMP WITH TIME ZONE": lambda: pl.Datetime("us", "UTC"),
}
