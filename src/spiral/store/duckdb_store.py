"""The store on an embedded DuckDB file: versioned schema, upserts by id, frames and exports."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, Literal

import duckdb
import polars as pl

from spiral.errors import StoreError
from spiral.records import Actor, Document, Event, Position, Quarantined, Quote, RedLine
from spiral.store import exports, migrations, rows
from spiral.store.outputs import store_files

log = logging.getLogger(__name__)

TABLES = ("documents", "quarantine", "extractions", "actors", "events", "quotes", "red_lines",
          "positions")
EXTRACTED = ("actors", "events", "quotes", "red_lines", "positions")


def open_store(path: str | Path, *, read_only: bool = False) -> Store:
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
    try:
        connection = duckdb.connect(str(path), read_only=read_only)
    except duckdb.IOException as error:
        if "lock" in str(error).lower():
            raise StoreError(f"{path}: another process has the store open for writing; wait for "
                             "it to finish or use another --db") from error
        raise StoreError(f"{path}: cannot open as a DuckDB store ({error}); "
                         "pass --db with a .duckdb file spiral created") from error
    except duckdb.Error as error:
        raise StoreError(f"{path}: cannot open as a DuckDB store ({error}); "
                         "pass --db with a .duckdb file spiral created") from error
    connection.execute("SET TimeZone = 'UTC'").fetchall()
    try:
        version = migrations.migrate(connection, path, read_only=read_only)
    except BaseException:
        connection.close()
        raise
    return Store(connection, path, version)


class Store:
    """Documents, extractions and imported events in one DuckDB file. Use as a context manager."""

    def __init__(self, connection: duckdb.DuckDBPyConnection, path: Path, schema_version: int):
        self._db = connection
        self.path = path
        self.schema_version = schema_version

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._db.close()

    # writing -------------------------------------------------------------------------------

    def add_documents(self, documents: Iterable[Document]) -> int:
        """Store documents not stored yet; returns how many were new. Re-adding changes nothing."""
        return self._insert("documents", [rows.document_row(d) for d in documents], "doc_id")

    def add_quarantined(self, items: Iterable[Quarantined]) -> int:
        """Keep records that could not be read, with where they were and why."""
        return self._insert("quarantine", [rows.quarantine_row(q) for q in items], "id")

    def replace_extraction(self, doc_id: str, *, pipeline: str, events: Iterable[Event] = (),
                           quotes: Iterable[Quote] = (), red_lines: Iterable[RedLine] = (),
                           positions: Iterable[Position] = (), actors: Iterable[Actor] = ()) -> None:
        """Replace, in one transaction, everything extracted from `doc_id` before."""
        new = {
            "actors": [rows.actor_row(a) for a in actors],
            "events": [rows.event_row(e) for e in events],
            "quotes": [rows.quote_row(q) for q in quotes],
            "red_lines": [rows.red_line_row(r) for r in red_lines],
            "positions": [rows.position_row(p) for p in positions],
        }
        with self._transaction():
            for table in EXTRACTED:
                self._db.execute(f"DELETE FROM {table} WHERE doc_id = ?", [doc_id]).fetchall()
                self._insert(table, new[table], "id", replace=True, in_transaction=True)
            self._db.execute(
                "INSERT OR REPLACE INTO extractions VALUES (?, ?, ?)",
                [doc_id, pipeline, datetime.now(UTC)]).fetchall()

    def add_events(self, events: Iterable[Event], *, system: str,
                   native: Iterable[dict[str, Any]] | None = None) -> int:
        """Upsert imported events (GDELT, ICEWS, ...) by id; returns how many were new."""
        natives = iter(native) if native is not None else None
        batch = [rows.event_row(e, system, next(natives) if natives else None) for e in events]
        return self._insert("events", batch, "id", replace=True)

    def add_event_frame(self, frame: pl.DataFrame) -> int:
        """Upsert a frame already shaped like the events table (bulk imports); returns n new."""
        if frame.is_empty():
            return 0
        with self._transaction():
            return self._insert_frame("events", frame, "id", replace=True)

    def update_red_lines(self, red_lines: Iterable[RedLine]) -> None:
        """Write status and crossing changes of red lines found before."""
        self._insert("red_lines", [rows.red_line_row(r) for r in red_lines], "id", replace=True)

    def forget(self, doc_id: str) -> dict[str, int]:
        """Remove a document and everything coded from it, in one transaction; rows removed
        per table.

        Raises
        ------
        StoreError
            No document has that id.
        """
        if not self._db.execute("SELECT 1 FROM documents WHERE doc_id = ?", [doc_id]).fetchall():
            raise StoreError(f"no document {doc_id!r} in {self.path}; `spiral events "
                             "--format json` gives each event's doc_id")
        removed = {}
        with self._transaction():
            for table in (*EXTRACTED, "extractions", "documents"):
                removed[table] = self._db.execute(
                    f"DELETE FROM {table} WHERE doc_id = ?", [doc_id]).fetchall()[0][0]
        return removed

    # reading -------------------------------------------------------------------------------

    def quarantine_frame(self) -> pl.DataFrame:
        """What ingest and imports refused: origin (file:line), reason and the start of the raw input."""
        return self._frame("SELECT origin, reason, raw, id FROM quarantine ORDER BY origin, id")

    def documents(self, *, only_unextracted_by: str | None = None) -> Iterator[Document]:
        """Stored documents in id order; with a pipeline signature, those it has not coded."""
        query = "SELECT d.* FROM documents d"
        params: list[Any] = []
        if only_unextracted_by is not None:
            query += (" LEFT JOIN extractions x ON x.doc_id = d.doc_id"
                      " WHERE x.pipeline IS DISTINCT FROM ?")
            params.append(only_unextracted_by)
        for row in self._frame(query + " ORDER BY d.doc_id", params).iter_rows(named=True):
            yield rows.document_record(row)

    def documents_frame(self) -> pl.DataFrame:
        return self._frame("SELECT * FROM documents ORDER BY doc_id")

    def events_frame(self, *, actor: str | None = None, recipient: str | None = None,
                     event_type: str | None = None, since: date | None = None,
                     until: date | None = None, system: str | None = None,
                     min_confidence: float | None = None) -> pl.DataFrame:
        """Events with their document's publication date, outlet and URL, filtered."""
        conditions, params = [], []
        if min_confidence is not None:
            conditions.append("e.confidence >= ?")
            params.append(min_confidence)
        for column, value in (("e.actor_code", actor), ("e.recipient_code", recipient),
                              ("e.event_type", event_type), ("e.system", system)):
            if value is not None:
                conditions.append(f"{column} = ?")
                params.append(value)
        if since is not None:
            conditions.append("e.date >= ?")
            params.append(since)
        if until is not None:
            conditions.append("e.date <= ?")
            params.append(until)
        where = f"WHERE {' AND '.join(conditions)}" if conditions else ""
        query = (
            "SELECT e.id, e.doc_id, e.system, e.event_type, e.mode, e.context, e.actor,"
            " e.recipient, e.actor_code, e.recipient_code, e.date, e.date_precision, e.quad_code,"
            " e.intensity, e.cameo, e.negated, e.hypothetical, e.text, e.start, e.\"end\","
            " e.confidence,"
            " d.published, coalesce(d.source, '') AS source, coalesce(d.url, '') AS url, e.native"
            f" FROM events e LEFT JOIN documents d ON d.doc_id = e.doc_id {where}"
            " ORDER BY e.date NULLS LAST, e.id")
        return self._frame(query, params)

    def events(self, **filters: Any) -> list[Event]:
        """Events as records, with the filters of `events_frame`."""
        return [rows.event_record(r) for r in self.events_frame(**filters).iter_rows(named=True)]

    def quotes_frame(self, *, speaker: str | None = None, country: str | None = None,
                     since: date | None = None, until: date | None = None) -> pl.DataFrame:
        """Quotes; `speaker` matches the speaker's name or mention text, `country` its code."""
        conditions, params = [], []
        if speaker is not None:
            conditions.append("(q.speaker_text ILIKE ? OR q.speaker ILIKE ?)")
            params += [f"%{speaker}%", f"%{speaker}%"]
        if country is not None:
            conditions.append("q.speaker_code = ?")
            params.append(country)
        if since is not None:
            conditions.append("q.date >= ?")
            params.append(since)
        if until is not None:
            conditions.append("q.date <= ?")
            params.append(until)
        where = f"WHERE {' AND '.join(conditions)}" if conditions else ""
        return self._frame(f"SELECT q.* FROM quotes q {where} ORDER BY q.date NULLS LAST, q.id",
                           params)

    def quotes(self, **filters: Any) -> list[Quote]:
        return [rows.quote_record(r) for r in self.quotes_frame(**filters).iter_rows(named=True)]

    def red_lines_frame(self) -> pl.DataFrame:
        return self._frame("SELECT * FROM red_lines ORDER BY date NULLS LAST, id")

    def red_lines(self) -> list[RedLine]:
        return [rows.red_line_record(r) for r in self.red_lines_frame().iter_rows(named=True)]

    def positions_frame(self) -> pl.DataFrame:
        return self._frame("SELECT * FROM positions ORDER BY date NULLS LAST, id")

    def positions(self) -> list[Position]:
        return [rows.position_record(r) for r in self.positions_frame().iter_rows(named=True)]

    def actors_frame(self) -> pl.DataFrame:
        return self._frame("SELECT * FROM actors ORDER BY doc_id, id")

    def actors(self) -> list[Actor]:
        return [rows.actor_record(r) for r in self.actors_frame().iter_rows(named=True)]

    def counts(self) -> dict[str, int]:
        """Rows per table."""
        return {t: self._db.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0] for t in TABLES}

    def export(self, fmt: Literal["plover-jsonl", "csv", "parquet"], out: Path, *,
               table: str = "events", min_confidence: float | None = None) -> Path:
        """Write a table to `out` atomically; PLOVER JSONL is for events only."""
        if table not in TABLES:
            raise StoreError(f"table={table!r} is not a store table; choose one of {', '.join(TABLES)}")
        if min_confidence is not None and table != "events":
            raise StoreError(f"--min-confidence applies to events, not to {table!r}")
        frame = self.events_frame(min_confidence=min_confidence) if table == "events" \
            else self._frame(f"SELECT * FROM {table}")
        return exports.write(frame, fmt, Path(out), table=table,
                             protected=store_files(self.path))

    # internals -----------------------------------------------------------------------------

    def _frame(self, query: str, params: list[Any] | None = None) -> pl.DataFrame:
        return self._db.sql(query, params=params or None).pl()

    def _transaction(self) -> _Transaction:
        return _Transaction(self._db)

    def _insert(self, table: str, batch: list[dict[str, Any]], key: str, *, replace: bool = False,
                in_transaction: bool = False) -> int:
        """Bulk insert through Arrow; returns the number of new keys."""
        if not batch:
            return 0
        columns = list(batch[0])
        frame = pl.DataFrame(batch, schema=_schema(self._db, table, columns))
        if in_transaction:
            return self._insert_frame(table, frame, key, replace=replace)
        with self._transaction():
            return self._insert_frame(table, frame, key, replace=replace)

    def _insert_frame(self, table: str, frame: pl.DataFrame, key: str, *,
                      replace: bool = False) -> int:
        frame = frame.unique(subset=[key], keep="last", maintain_order=True)
        columns = frame.columns
        quoted = ", ".join(f'"{c}"' for c in columns)
        updates = ", ".join(f'"{c}" = excluded."{c}"' for c in columns if c != key)
        conflict = f"DO UPDATE SET {updates}" if replace else "DO NOTHING"

        self._db.register("_incoming", frame)
        try:
            before = self._db.execute(
                f'SELECT count(*) FROM {table} WHERE "{key}" IN (SELECT "{key}" FROM _incoming)'
            ).fetchall()[0][0]
            self._db.execute(f"INSERT INTO {table} ({quoted}) SELECT {quoted} FROM _incoming"
                             f' ON CONFLICT ("{key}") {conflict}').fetchall()
        finally:
            self._db.unregister("_incoming")
        return frame.height - before


class _Transaction:
    def __init__(self, db: duckdb.DuckDBPyConnection):
        self._db = db

    def __enter__(self) -> None:
        self._db.execute("BEGIN TRANSACTION").fetchall()

    def __exit__(self, exc_type: object, *exc: object) -> None:
        self._db.execute("ROLLBACK" if exc_type else "COMMIT").fetchall()


_POLARS_TYPES: dict[str, Callable[[], pl.DataType]] = {
    "VARCHAR": pl.String, "INTEGER": pl.Int64, "BIGINT": pl.Int64, "DOUBLE": pl.Float64,
    "BOOLEAN": pl.Boolean, "DATE": pl.Date, "VARCHAR[]": lambda: pl.List(pl.String),
    "TIMESTAMP WITH TIME ZONE": lambda: pl.Datetime("us", "UTC"),
}


def _schema(db: duckdb.DuckDBPyConnection, table: str, columns: list[str]) -> dict[str, Any]:
    types = dict(db.execute(
        "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ?",
        [table]).fetchall())
    return {c: _POLARS_TYPES[types[c]]() for c in columns}
