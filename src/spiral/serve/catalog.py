"""What the server reads: a snapshot of the store as polars frames, and derived tables cached.

The snapshot is taken through the store's public read methods (the same ones the CLI uses), with
the store opened read-only and closed again, so the CLI can write between requests. It is taken
anew when the store changes (see `Catalog`). Entities (actor, recipient, speaker, ...) are
decoded from the store's JSON text into structs, so JSON, CSV and Parquet answers never carry
JSON inside JSON.
Derived tables (story events, the escalation index, red-line assessments, fits) are computed
once per snapshot, on first use, through the analysis and dynamics stages.
"""

from __future__ import annotations

import logging
import math
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import polars as pl

from spiral.errors import StoreError
from spiral.store.base import is_postgres

log = logging.getLogger(__name__)
_MISSING = object()
ENTITY = pl.Struct({"entity_text": pl.String, "entity_name": pl.String, "code": pl.String,
                    "sector": pl.String, "role": pl.String, "role_valid_from": pl.String,
                    "role_valid_to": pl.String, "wikidata_id": pl.String})
MENTION = pl.Struct({"text": pl.String, "start": pl.Int64, "end": pl.Int64})


def decode_entity(column: str) -> pl.Expr:
    """The store's entity JSON text as a struct column."""
    return _decoded(column, ENTITY)


def decode_entities(column: str) -> pl.Expr:
    """The store's JSON list of entities as a list-of-struct column.

    >>> pl.DataFrame({"a": ['[{"code": "RUS"}]', None, '[{"code": "RUS"}]', '[]']}).select(
    ...     decode_entities("a").list.eval(pl.element().struct.field("code")))["a"].to_list()
    [['RUS'], None, ['RUS'], []]
    """
    return _decoded(column, pl.List(ENTITY))


def _decoded(column: str, dtype: pl.DataType) -> pl.Expr:
    # each distinct text decoded once: a store repeats the same entities on many rows, and
    # decoding every row took 2.7 GB of memory for a million events
    text = pl.col(column)
    distinct = text.unique().sort(nulls_last=True).str.json_decode(dtype)
    return distinct.gather(text.rank("dense").cast(pl.UInt32) - 1).alias(column)


class Answers:
    """Encoded answers kept by key, the least recently used dropped past `max_bytes` in all:
    what a server answered from one snapshot, to answer the same request again without
    computing it. For one thread (the server's event loop).

    >>> answers = Answers(max_bytes=10)
    >>> answers.put("a", "A", 6); answers.put("b", "B", 6); answers.get("a"), answers.get("b")
    (None, 'B')
    """

    def __init__(self, max_bytes: int):
        self.max_bytes = max_bytes
        self._kept: OrderedDict[Any, tuple[Any, int]] = OrderedDict()
        self._n_bytes = 0

    def get(self, key: Any) -> Any | None:
        found = self._kept.get(key)
        if found is None:
            return None
        self._kept.move_to_end(key)
        return found[0]

    def put(self, key: Any, answer: Any, n_bytes: int) -> None:
        if n_bytes > self.max_bytes:
            return
        if key in self._kept:
            self._n_bytes -= self._kept.pop(key)[1]
        self._kept[key] = (answer, n_bytes)
        self._n_bytes += n_bytes
        while self._n_bytes > self.max_bytes:
            self._n_bytes -= self._kept.popitem(last=False)[1][1]


@dataclass(slots=True)
class _Snapshot:
    """What the store held at `stamp`, and what was derived from it."""

    stamp: tuple[Any, ...] | None
    frames: dict[str, pl.DataFrame]
    derived: dict[Any, Any] = field(default_factory=dict)
    lock: threading.RLock = field(default_factory=threading.RLock)
    prepared: bool = False
    view: Catalog | None = None  # a catalog bound to this snapshot only (`Catalog.view`)
    answers: Answers = field(default_factory=lambda: Answers(0))


class Catalog:
    """Frames of one store, retaken when its stamp (file time and size, or row counts)
    changes; thread-safe for a web server.

    With `prepare` (a function of a catalog that computes what requests will read, such as
    the listings), a changed store is read and prepared in a background thread while requests
    go on reading the previous snapshot, which the new one then replaces whole. Without it, the
    first request after a change reads the store and derives on demand.

    Each snapshot keeps up to `answers_max_bytes` of encoded answers (`answers`).

    The stamp is read at most every `check_every_s` seconds (0: on every read; a server under
    load reads many pages per millisecond, each of which would otherwise stat the store's
    files or, on PostgreSQL, count its rows); `refresh(wait=True)` always reads it.
    """

    def __init__(self, path: Path | str, *, min_confidence: float | None = None,
                 prepare: Callable[[Catalog], None] | None = None, check_every_s: float = 0.0,
                 answers_max_bytes: int = 0):
        self.path = path if is_postgres(path) else Path(path)
        self.min_confidence = min_confidence
        self.prepare = prepare
        self.check_every_s = check_every_s
        self.answers_max_bytes = answers_max_bytes
        self._checked_at = -math.inf  # time.monotonic() when the stamp was last read
        self._lock = threading.RLock()
        self._snapshot = _Snapshot(None, {})
        self._frozen = False
        self._builder: threading.Thread | None = None
        self._building: tuple[Any, ...] | None = None  # the stamp _builder reads

    @classmethod
    def of_store(cls, store: Any, *, min_confidence: float | None = None) -> Catalog:
        """What an open store holds now, never reloaded: for one render, such as the report,
        while the caller may hold the store open for writing."""
        catalog = cls(store.location, min_confidence=min_confidence)
        catalog._snapshot = _Snapshot(("snapshot",), _frames(store))
        catalog._frozen = True
        return catalog

    @property
    def stamp(self) -> tuple[Any, ...] | None:
        """The stamp of the store when the snapshot now served was taken."""
        return self._snapshot.stamp

    @property
    def prepared(self) -> bool:
        """Whether `prepare` ran on the snapshot now served."""
        return self._snapshot.prepared

    def _current_stamp(self) -> tuple[Any, ...]:
        if isinstance(self.path, str):
            # a PostgreSQL store has no file to watch: its row counts tell that it changed
            from spiral.store import open_store

            with open_store(self.path, read_only=True) as store:
                return tuple(sorted(store.counts().items()))
        try:
            stat = self.path.stat()
        except OSError:
            raise StoreError(f"{self.path}: no store here; run `spiral ingest ... --db "
                             f"{self.path}` first or pass another --db") from None
        wal = self.path.with_name(self.path.name + ".wal")
        wal_mtime = wal.stat().st_mtime if wal.exists() else 0.0
        return (max(stat.st_mtime, wal_mtime), stat.st_size)

    def refresh(self, *, wait: bool = False) -> None:
        """Take a new snapshot if the store changed since the last one: at once when there is
        none yet or no `prepare`; else in the background, waited for with `wait`."""
        if self._frozen:
            return
        now = time.monotonic()
        if not wait and self._snapshot.frames and now - self._checked_at < self.check_every_s:
            return
        stamp = self._current_stamp()
        self._checked_at = now
        if stamp == self._snapshot.stamp:
            return
        with self._lock:
            if stamp == self._snapshot.stamp:
                return
            if not self._snapshot.frames or self.prepare is None:
                self._build(stamp)
                return
            if self._builder is None:
                self._building = stamp
                self._builder = threading.Thread(target=self._build_in_background,
                                                 args=(stamp,), name="spiral-snapshot",
                                                 daemon=True)
                self._builder.start()
            builder, building = self._builder, self._building
        if wait:
            builder.join()
            if building != stamp:
                self.refresh(wait=True)  # it read the store before the change waited for

    def wait(self) -> None:
        """Until the snapshot being built in the background (if any) is served."""
        builder = self._builder
        if builder is not None:
            builder.join()

    def _build(self, stamp: tuple[Any, ...]) -> None:
        try:
            try:
                snapshot = _Snapshot(stamp, _load(self.path),
                                     answers=Answers(self.answers_max_bytes))
            except StoreError:
                if not self._snapshot.frames:
                    raise
                # a writer holds the file (an import or a POST in progress): keep serving the
                # last snapshot and try again on the next request
                log.info("%s is being written; serving the previous snapshot", self.path)
                return
            if self.prepare is not None:
                started = time.perf_counter()
                self.prepare(self._bound(snapshot))
                snapshot.prepared = True
                log.info("%s: new snapshot prepared in %.1f s", self.path,
                         time.perf_counter() - started)
            self._snapshot = snapshot
        finally:
            if threading.current_thread() is self._builder:
                self._builder = None

    def _build_in_background(self, stamp: tuple[Any, ...]) -> None:
        try:
            self._build(stamp)
        except Exception:  # the previous snapshot stays served; the next request tries again
            log.exception("%s: the new snapshot could not be prepared", self.path)

    def _bound(self, snapshot: _Snapshot) -> Catalog:
        """A catalog that reads `snapshot` only (to prepare it before it is served)."""
        bound = Catalog(self.path, min_confidence=self.min_confidence)
        bound._snapshot = snapshot
        bound._frozen = True
        return bound

    def view(self) -> Catalog:
        """A catalog bound to the snapshot served now (taken anew first if the store changed
        and nothing prepares it in the background): all it reads is that snapshot's, whatever
        replaces it meanwhile."""
        self.refresh()
        snapshot = self._snapshot
        if snapshot.view is None:
            snapshot.view = self._bound(snapshot)
        return snapshot.view

    def served(self, key: Any) -> Catalog | None:
        """`view()` if `key` is derived in the snapshot served now and reading it needs no
        I/O, no computing and no waiting (a request can then be answered on the event loop);
        None otherwise. See `_known`."""
        if not self._known() or key not in self._snapshot.derived:
            return None
        return self.view()

    def answers(self) -> Answers | None:
        """The answers kept for the snapshot served now, if finding out whether the store
        changed needs no waiting (see `_known`); None otherwise. An answer put there after
        another snapshot replaced it is never served."""
        return self._snapshot.answers if self.answers_max_bytes and self._known() else None

    def _known(self) -> bool:
        """Whether the store's stamp was read less than `check_every_s` ago, or is read now
        at the cost of a stat of its files, a change then being prepared in the background.
        False where it could wait: before the first snapshot, without `prepare` (the request
        would read the store itself), on PostgreSQL (its stamp is a query)."""
        if self._frozen or self.prepare is None or not self._snapshot.frames:
            return False
        if time.monotonic() - self._checked_at < self.check_every_s:
            return True
        if isinstance(self.path, str):
            return False
        try:
            self.refresh()
        except StoreError:  # the store is gone: the request itself will say so
            return False
        return True

    def invalidate(self) -> None:
        """After a write through this server: read the store again before the next answer."""
        self.refresh(wait=True)

    def frame(self, name: str) -> pl.DataFrame:
        """One table of the snapshot: documents, events, quotes, red_lines, positions, actors."""
        self.refresh()
        return self._snapshot.frames[name]

    def derived(self, key: Any, compute: Callable[[], Any]) -> Any:
        """`compute()` once per snapshot and key."""
        self.refresh()
        snapshot = self._snapshot
        found = snapshot.derived.get(key, _MISSING)
        if found is not _MISSING:
            return found
        with snapshot.lock:
            if key not in snapshot.derived:
                snapshot.derived[key] = compute()
            return snapshot.derived[key]

    # derived tables shared by the API and the dashboard ----------------------------------

    def raw_events(self) -> pl.DataFrame:
        """Events in the store's own shape (entities as JSON text), as the analysis stage reads."""
        return self.frame("raw_events")

    def stories(self) -> pl.DataFrame:
        """Story events (one real event, many reports) with Rivera score and ladder group."""
        from spiral.analysis.escalation import score_stories
        from spiral.analysis.stories import stories

        return self.derived("stories", lambda: score_stories(stories(
            self.raw_events(), min_confidence=self.min_confidence)))

    def covered_days(self) -> list[date]:
        from spiral.analysis.escalation import covered_days

        return self.derived("covered", lambda: covered_days(self.frame("raw_documents"),
                                                            self.raw_events()))

    def index(self, freq: str) -> pl.DataFrame:
        """The escalation index per directed dyad and period (`day` or `week`)."""
        from spiral.analysis.escalation import escalation_index

        return self.derived(("index", freq), lambda: escalation_index(
            self.stories(), freq=freq, covered_days=self.covered_days()))


def _load(path: Path | str) -> dict[str, pl.DataFrame]:
    from spiral.store import open_store

    with open_store(path, read_only=True) as store:
        return _frames(store)


def _copied(name: str, dtype: pl.DataType) -> pl.Expr:
    """Column `name`'s texts in new memory (other columns as they are)."""
    if dtype == pl.String:
        return pl.col(name) + pl.lit("")
    if dtype == pl.List(pl.String):
        return pl.col(name).list.eval(pl.element() + pl.lit(""))
    return pl.col(name)


def _frames(store: Any) -> dict[str, pl.DataFrame]:
    """The tables of an open store, entities decoded, sources joined."""
    raw_documents = store.documents_frame()
    # sorted here, not by the store: DuckDB's ORDER BY held twice the memory (1.5 GB at a
    # million events)
    read = store.events_frame(ordered=False).sort("date", "id", nulls_last=True)
    quotes = store.quotes_frame()
    red_lines = store.red_lines_frame()
    positions = store.positions_frame()
    actors = store.actors_frame()
    raw_quotes, raw_red_lines = quotes, red_lines
    documents = raw_documents.with_columns(pl.col("text").str.len_chars().alias("n_chars"))
    entities = read.select(decode_entities("actor"), decode_entities("recipient"))
    # the entity lists stay JSON text for the analysis stage, each distinct text kept once
    # (300 MB less for a million events); the other texts are copied out of the store's
    # result, which DuckDB frees only once no column refers to it (the sort copied the rest):
    # it held 700 MB for a million events, all the server's life
    raw_events = read.with_columns(
        pl.col("actor", "recipient").cast(pl.Categorical),
        *(_copied(name, dtype) for name, dtype in read.schema.items()
          if name not in ("actor", "recipient")))
    del read
    events = raw_events.drop("native").with_columns(entities)
    sources = raw_documents.select("doc_id", "source", "url", "title", "published")
    quotes = quotes.with_columns(decode_entity("speaker")).join(sources, on="doc_id", how="left")
    red_lines = red_lines.with_columns(decode_entity("declarer"), decode_entities("addressee")) \
        .join(sources, on="doc_id", how="left")
    positions = positions.with_columns(decode_entity("holder")).join(sources, on="doc_id",
                                                                     how="left")
    actors = actors.with_columns(decode_entity("entity"),
                                 pl.col("mentions").str.json_decode(pl.List(MENTION))) \
        .join(sources.select("doc_id", "published", "source"), on="doc_id", how="left")
    frames = {"raw_documents": raw_documents, "documents": documents, "raw_events": raw_events,
              "events": events, "raw_quotes": raw_quotes, "quotes": quotes,
              "raw_red_lines": raw_red_lines, "red_lines": red_lines, "positions": positions,
              "actors": actors}
    # one chunk per column: gathering a page's rows from a store's many chunks costs far more
    # (0.4 s against 0.2 ms for 50 of a million events)
    return {name: frame.rechunk() for name, frame in frames.items()}
