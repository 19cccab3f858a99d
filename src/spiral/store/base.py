"""The `Store` protocol both backends implement, and the SQL they share.

Queries here are written once with `?` placeholders and run on DuckDB and PostgreSQL alike; what
differs (connecting, bulk upserts, column types, locks) lives in each backend's module.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Protocol, Self, runtime_checkable

import polars as pl

from spiral.errors import StoreError
from spiral.records import Actor, Document, Event, Position, Quarantined, Quote, RedLine
from spiral.store import exports, rows

if TYPE_CHECKING:
    from spiral.ingest.imports.lines import LineRead, LinesImported


class AppendRefused(StoreError):
    """A fast append met an id that is stored already or that it wrote before, or outgrew the
    memory it may use; the same frames can still be upserted."""


TABLES = ("documents", "quarantine", "extractions", "actors", "events", "quotes", "red_lines",
          "positions", "imports", "mentions")
EXTRACTED = ("actors", "events", "quotes", "red_lines", "positions")
ExportFormat = Literal["plover-jsonl", "jsonl", "csv", "parquet"]
# An imported file is written in appends of at least this many rows: DuckDB writes an append
# that fills a row group (122,880 rows) straight to the file, while smaller ones stay in memory
# until the commit, so a long file would need memory in proportion to its length.
APPEND_ROWS = 131_072
# what `events_frame` can give: column -> SQL
EVENT_COLUMNS = {name: f'e."{name}"' for name in (
    "id", "doc_id", "system", "event_type", "mode", "context", "actor", "recipient",
    "actor_code", "recipient_code", "date", "date_precision", "quad_code", "intensity", "cameo",
    "negated", "hypothetical", "text", "start", "end", "confidence")}
EVENT_COLUMNS |= {"published": "d.published", "source": "coalesce(d.source, '')",
                  "url": "coalesce(d.url, '')", "native": "e.native",
                  "directed": "coalesce(e.directed, true)",
                  "source_intensity": "e.source_intensity", "fatalities": "e.fatalities"}


def is_postgres(target: object) -> bool:
    """Whether a --db value names a PostgreSQL server rather than a DuckDB file.

    >>> is_postgres("postgresql://spiral@localhost/crisis"), is_postgres("out/demo.duckdb")
    (True, False)
    """
    return str(target).startswith(("postgresql://", "postgres://"))



def _in_range(column: str, since: date | None, until: date | None, conditions: list[str],
              params: list[Any]) -> tuple[list[str], list[Any]]:
    """SQL conditions and parameters with `column` between `since` and `until` added."""
    for op, bound in ((">=", since), ("<=", until)):
        if bound is not None:
            conditions = [*conditions, f"{column} {op} ?"]
            params = [*params, bound]
    return conditions, params

@runtime_checkable
class Store(Protocol):
    """Documents, extractions and imported events behind one interface, whatever the engine.

    Writes are idempotent: ids are content hashes, so writing a record twice stores it once.
    """

    schema_version: int
    location: str
    # whether the engine reads and maps a data set file itself (`import_lines`): DuckDB does;
    # on PostgreSQL, imports are read in Python and written as frames
    reads_lines: bool

    def __enter__(self) -> Self: ...
    def __exit__(self, *exc: object) -> None: ...
    def close(self) -> None: ...

    def add_documents(self, documents: Iterable[Document]) -> int: ...
    def add_quarantined(self, items: Iterable[Quarantined]) -> int: ...
    def replace_extraction(self, doc_id: str, *, pipeline: str, events: Iterable[Event] = (),
                           quotes: Iterable[Quote] = (), red_lines: Iterable[RedLine] = (),
                           positions: Iterable[Position] = (),
                           actors: Iterable[Actor] = ()) -> None: ...
    def add_events(self, events: Iterable[Event], *, system: str,
                   native: Iterable[dict[str, Any]] | None = None) -> int: ...
    def add_event_frame(self, frame: pl.DataFrame) -> int: ...
    def add_event_frames(self, frames: Iterable[pl.DataFrame]) -> tuple[int, int]: ...
    def append_event_frames(self, frames: Iterable[pl.DataFrame]) -> tuple[int, int]: ...
    def import_lines(self, read: LineRead) -> LinesImported: ...
    def add_mention_frame(self, frame: pl.DataFrame) -> int: ...
    def atomic(self) -> AbstractContextManager[Any]: ...
    def imported(self, digest: str) -> dict[str, Any] | None: ...
    def record_import(self, record: dict[str, Any]) -> None: ...
    def update_red_lines(self, red_lines: Iterable[RedLine]) -> None: ...
    def forget(self, doc_id: str) -> dict[str, int]: ...

    def quarantine_frame(self) -> pl.DataFrame: ...

    def documents(self, *, only_unextracted_by: str | None = None) -> Iterator[Document]: ...
    def documents_frame(self, *, with_text: bool = True) -> pl.DataFrame: ...
    def events_frame(self, *, actor: str | None = None, recipient: str | None = None,
                     event_type: str | None = None, since: date | None = None,
                     until: date | None = None, system: str | None = None,
                     min_confidence: float | None = None, columns: Sequence[str] | None = None,
                     ordered: bool = True) -> pl.DataFrame: ...
    def events(self, **filters: Any) -> list[Event]: ...
    def mentions_frame(self, *, event_id: str | None = None) -> pl.DataFrame: ...
    def quotes_frame(self, *, speaker: str | None = None, country: str | None = None,
                     since: date | None = None, until: date | None = None) -> pl.DataFrame: ...
    def quotes(self, **filters: Any) -> list[Quote]: ...
    def red_lines_frame(self) -> pl.DataFrame: ...
    def red_lines(self) -> list[RedLine]: ...
    def positions_frame(self) -> pl.DataFrame: ...
    def positions(self) -> list[Position]: ...
    def actors_frame(self) -> pl.DataFrame: ...
    def actors(self) -> list[Actor]: ...
    def table_frame(self, table: str) -> pl.DataFrame: ...
    def counts(self) -> dict[str, int]: ...
    def files(self) -> tuple[Path, ...]: ...
    def export(self, fmt: ExportFormat, out: Path, *, table: str = "events",
               min_confidence: float | None = None, partition_by: str | None = None,
               include_negated: bool = False) -> Path: ...


class SqlStore(ABC):
    """The shared half of both backends; subclasses supply the engine-specific primitives.

    A subclass implements `_run` (execute, fetch all rows), `_frame` (a query as a polars frame
    with the store's column types), `_transaction`, `_insert_frame` (bulk upsert, returns the
    number of new keys), `_column_types`, `_has_table`, `files` and the two locks.
    """

    schema_version: int
    location: str
    reads_lines = False

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @abstractmethod
    def close(self) -> None: ...

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
            self._lock_document(doc_id)
            for table in EXTRACTED:
                self._run(f"DELETE FROM {table} WHERE doc_id = ?", [doc_id])
                self._insert(table, new[table], "id", replace=True, in_transaction=True)
            self._run("INSERT INTO extractions VALUES (?, ?, ?) ON CONFLICT (doc_id) DO UPDATE"
                      " SET pipeline = excluded.pipeline, extracted_at = excluded.extracted_at",
                      [doc_id, pipeline, datetime.now(UTC)])

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

    def add_event_frames(self, frames: Iterable[pl.DataFrame]) -> tuple[int, int]:
        """Upsert a stream of event frames (a whole imported file) in one transaction, in
        appends of at least APPEND_ROWS rows; returns (rows written, n new)."""
        n_rows = n_new = 0
        pending: list[pl.DataFrame] = []
        with self._transaction():
            for frame in frames:
                pending.append(frame)
                if sum(f.height for f in pending) >= APPEND_ROWS:
                    batch, pending = pl.concat(pending), []
                    n_rows, n_new = n_rows + batch.height, n_new + self.add_event_frame(batch)
            if pending:
                batch = pl.concat(pending)
                n_rows, n_new = n_rows + batch.height, n_new + self.add_event_frame(batch)
        return n_rows, n_new

    def append_event_frames(self, frames: Iterable[pl.DataFrame]) -> tuple[int, int]:
        """Write a stream of event frames (a whole imported file) whose ids are neither stored
        nor repeated, the fastest way the engine has; returns (rows written, n new).

        Raises
        ------
        AppendRefused
            An id is stored already or comes twice, or the append outgrew its memory; the
            transaction around the call can only be rolled back, and `add_event_frames`
            upserts the same frames. This engine upserts anyway and never raises it.
        """
        return self.add_event_frames(frames)

    def import_lines(self, read: LineRead) -> LinesImported:
        """Read a data set file and append its events in the engine itself (where
        `reads_lines`).

        Raises
        ------
        StoreError
            This engine does not read files (`reads_lines` is false): read the file in Python
            (`spiral.ingest.imports.read_events`) and write its frames.
        """
        raise StoreError(f"{self.location}: this store does not read data set files itself; "
                         "read them with spiral.ingest.imports.read_events and write the "
                         "frames (append_event_frames)")

    def add_mention_frame(self, frame: pl.DataFrame) -> int:
        """Upsert a frame shaped like the mentions table (which article reported which
        imported event); returns n new."""
        if frame.is_empty():
            return 0
        with self._transaction():
            return self._insert_frame("mentions", frame, "id", replace=True)

    def atomic(self) -> AbstractContextManager[Any]:
        """A transaction around several writes: all of them are stored, or none (an error or
        an interrupted process rolls them back). Writes inside join it.

        >>> import tempfile, pathlib
        >>> from spiral.store import open_store
        >>> with open_store(pathlib.Path(tempfile.mkdtemp()) / "s.duckdb") as store:
        ...     with store.atomic():
        ...         store.record_import({"digest": "d", "system": "gdelt", "path": "f",
        ...             "n_rows": 1, "n_stored": 1, "n_quarantined": 0, "n_unmapped": 0})
        ...     store.imported("d")["n_stored"]
        1
        """
        return self._transaction()

    def imported(self, digest: str) -> dict[str, Any] | None:
        """The import record of a file by its content digest, if that file was imported."""
        found = self._frame("SELECT * FROM imports WHERE digest = ?", [digest]).to_dicts()
        return found[0] if found else None

    def record_import(self, record: dict[str, Any]) -> None:
        """Remember that a file (by content digest) was imported, with its counts."""
        self._insert("imports", [{**record, "imported_at": datetime.now(UTC)}], "digest",
                     replace=True)

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
        if not self._run("SELECT 1 FROM documents WHERE doc_id = ?", [doc_id]):
            raise StoreError(f"no document {doc_id!r} in {self.location}; `spiral events "
                             "--format json` gives each event's doc_id")
        removed = {}
        with self._transaction():
            self._lock_document(doc_id)
            for table in (*EXTRACTED, "extractions", "documents"):
                removed[table] = self._run(f"SELECT count(*) FROM {table} WHERE doc_id = ?",
                                           [doc_id])[0][0]
                self._run(f"DELETE FROM {table} WHERE doc_id = ?", [doc_id])
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

    def documents_frame(self, *, with_text: bool = True) -> pl.DataFrame:
        """Stored documents by id; without their text (a listing of many) when asked."""
        columns = "*" if with_text else ", ".join(c for c in rows.DOCUMENT_COLUMNS if c != "text")
        return self._frame(f"SELECT {columns} FROM documents ORDER BY doc_id")

    def events_frame(self, *, actor: str | None = None, recipient: str | None = None,
                     event_type: str | None = None, since: date | None = None,
                     until: date | None = None, system: str | None = None,
                     min_confidence: float | None = None, columns: Sequence[str] | None = None,
                     ordered: bool = True) -> pl.DataFrame:
        """Events with their document's publication date, outlet and URL, filtered, by date
        and id (in no order without `ordered`); only `columns` of them when given (a million
        events read faster without their source rows)."""
        conditions, params = [], []
        if min_confidence is not None:
            conditions.append("e.confidence >= ?")
            params.append(min_confidence)
        for column, value in (("e.actor_code", actor), ("e.recipient_code", recipient),
                              ("e.event_type", event_type), ("e.system", system)):
            if value is not None:
                conditions.append(f"{column} = ?")
                params.append(value)
        conditions, params = _in_range("e.date", since, until, conditions, params)
        where = f"WHERE {' AND '.join(conditions)}" if conditions else ""
        unknown = set(columns or ()) - set(EVENT_COLUMNS)
        if unknown:
            raise StoreError(f"events have no column {sorted(unknown)}; choose from "
                             f"{', '.join(EVENT_COLUMNS)}")
        selected = list(columns or EVENT_COLUMNS)
        joined = any(c in ("published", "source", "url") for c in selected)
        select = ", ".join(f'{EVENT_COLUMNS[c]} AS "{c}"' for c in selected)
        query = (
            f"SELECT {select}"
            f" FROM events e{' LEFT JOIN documents d ON d.doc_id = e.doc_id' if joined else ''}"
            f" {where}{' ORDER BY e.date NULLS LAST, e.id' if ordered else ''}")
        return self._frame(query, params)

    def events(self, **filters: Any) -> list[Event]:
        """Events as records, with the filters of `events_frame`."""
        return [rows.event_record(r) for r in self.events_frame(**filters).iter_rows(named=True)]

    def mentions_frame(self, *, event_id: str | None = None) -> pl.DataFrame:
        """Mentions of imported events, all or of one event, by time."""
        where, params = ("WHERE event_id = ?", [event_id]) if event_id else ("", [])
        return self._frame(f"SELECT * FROM mentions {where} ORDER BY published, id", params)

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
        conditions, params = _in_range("q.date", since, until, conditions, params)
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

    def table_frame(self, table: str) -> pl.DataFrame:
        """A whole table in key order (events with their document's outlet and URL)."""
        if table not in TABLES:
            raise StoreError(f"table={table!r} is not a store table; choose one of {', '.join(TABLES)}")
        if table == "events":
            return self.events_frame()
        key = {"documents": "doc_id", "extractions": "doc_id", "imports": "digest"}.get(table, "id")
        return self._frame(f"SELECT * FROM {table} ORDER BY {key}")

    def counts(self) -> dict[str, int]:
        """Rows per table."""
        return {t: self._run(f"SELECT count(*) FROM {t}")[0][0] for t in TABLES}

    def export(self, fmt: ExportFormat, out: Path, *, table: str = "events",
               min_confidence: float | None = None, partition_by: str | None = None,
               include_negated: bool = False) -> Path:
        """Write a table to `out` atomically, never over the store; PLOVER JSONL is for events
        only, and leaves out negated and hypothetical events unless `include_negated`. With
        `partition_by` (year, month, day) Parquet goes to a Hive-partitioned folder."""
        if min_confidence is not None and table != "events":
            raise StoreError(f"--min-confidence applies to events, not to {table!r}")
        frame = (self.events_frame(min_confidence=min_confidence) if table == "events"
                 else self.table_frame(table))
        if partition_by is None:
            return exports.write(frame, fmt, Path(out), table=table, protected=self.files(),
                                 include_negated=include_negated)
        if fmt != "parquet":
            raise StoreError(f"--partition-by writes Parquet datasets; use --format parquet, "
                             f"not {fmt}")
        return exports.write_partitioned(frame, Path(out), table=table, partition_by=partition_by,
                                         protected=self.files())

    # internals -----------------------------------------------------------------------------

    def _insert(self, table: str, batch: list[dict[str, Any]], key: str, *, replace: bool = False,
                in_transaction: bool = False) -> int:
        """Bulk insert through a typed frame; returns the number of new keys."""
        if not batch:
            return 0
        columns = list(batch[0])
        types = self._column_types(table)
        frame = pl.DataFrame(batch, schema={c: types[c] for c in columns})
        if in_transaction:
            return self._insert_frame(table, frame, key, replace=replace)
        with self._transaction():
            return self._insert_frame(table, frame, key, replace=replace)

    @abstractmethod
    def _run(self, query: str, params: list[Any] | None = None) -> list[tuple[Any, ...]]: ...

    @abstractmethod
    def _frame(self, query: str, params: list[Any] | None = None) -> pl.DataFrame: ...

    @abstractmethod
    def _transaction(self) -> AbstractContextManager[Any]: ...

    @abstractmethod
    def _insert_frame(self, table: str, frame: pl.DataFrame, key: str, *,
                      replace: bool = False) -> int: ...

    @abstractmethod
    def _column_types(self, table: str) -> dict[str, pl.DataType]: ...

    @abstractmethod
    def _lock_document(self, doc_id: str) -> None:
        """Inside a transaction: wait until no other writer is replacing `doc_id`."""

    @abstractmethod
    def _lock_schema(self) -> None:
        """Inside a transaction: wait until no other process is migrating this store."""

    @abstractmethod
    def _has_table(self, table: str) -> bool: ...

    @abstractmethod
    def files(self) -> tuple[Path, ...]:
        """The files the store lives in, which no export may replace."""


def upsert_sql(table: str, columns: list[str], key: str, source: str, *, replace: bool) -> str:
    """INSERT ... SELECT ... ON CONFLICT, the same text on both engines.

    >>> upsert_sql("t", ["id", "x"], "id", "_incoming", replace=True)
    'INSERT INTO t ("id", "x") SELECT "id", "x" FROM _incoming ORDER BY "id" ON CONFLICT ("id") DO UPDATE SET "x" = excluded."x"'
    """
    quoted = ", ".join(f'"{c}"' for c in columns)
    updates = ", ".join(f'"{c}" = excluded."{c}"' for c in columns if c != key)
    conflict = f"DO UPDATE SET {updates}" if replace and updates else "DO NOTHING"
    # key order: concurrent PostgreSQL writers lock rows in the same order and cannot deadlock
    return (f'INSERT INTO {table} ({quoted}) SELECT {quoted} FROM {source} ORDER BY "{key}"'
            f' ON CONFLICT ("{key}") {conflict}')
