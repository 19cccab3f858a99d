"""What the server reads: a snapshot of the store as polars frames, and derived tables cached.

The snapshot is taken through the store's public read methods (the same ones the CLI uses), with
the store opened read-only and closed again, so the CLI can write between requests. It is taken
anew when the store file changes. Entities (actor, recipient, speaker, ...) are decoded from the
store's JSON text into structs, so JSON, CSV and Parquet answers never carry JSON inside JSON.
Derived tables (story events, the escalation index, red-line assessments, fits) are computed
once per snapshot, on first use, through the analysis and dynamics stages.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import polars as pl

from spiral.errors import StoreError
from spiral.store.base import is_postgres

log = logging.getLogger(__name__)
ENTITY = pl.Struct({"entity_text": pl.String, "entity_name": pl.String, "code": pl.String,
                    "sector": pl.String, "role": pl.String, "role_valid_from": pl.String,
                    "role_valid_to": pl.String, "wikidata_id": pl.String})
MENTION = pl.Struct({"text": pl.String, "start": pl.Int64, "end": pl.Int64})


def decode_entity(column: str) -> pl.Expr:
    """The store's entity JSON text as a struct column."""
    return pl.col(column).str.json_decode(ENTITY)


def decode_entities(column: str) -> pl.Expr:
    """The store's JSON list of entities as a list-of-struct column."""
    return pl.col(column).str.json_decode(pl.List(ENTITY))


class Catalog:
    """Frames of one store, reloaded when its file changes; thread-safe for a web server."""

    def __init__(self, path: Path | str, *, min_confidence: float | None = None):
        self.path = path if is_postgres(path) else Path(path)
        self.min_confidence = min_confidence
        self._lock = threading.RLock()
        self._stamp: tuple[Any, ...] | None = None
        self._frames: dict[str, pl.DataFrame] = {}
        self._derived: dict[Any, Any] = {}
        self._frozen = False

    @classmethod
    def of_store(cls, store: Any, *, min_confidence: float | None = None) -> Catalog:
        """What an open store holds now, never reloaded: for one render, such as the report,
        while the caller may hold the store open for writing."""
        catalog = cls(store.location, min_confidence=min_confidence)
        catalog._frames = _frames(store)
        catalog._stamp = ("snapshot",)
        catalog._frozen = True
        return catalog

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

    def refresh(self) -> None:
        """Take a new snapshot if the store file changed since the last one."""
        if self._frozen:
            return
        stamp = self._current_stamp()
        if stamp == self._stamp:
            return
        with self._lock:
            if stamp == self._stamp:
                return
            try:
                frames = _load(self.path)
            except StoreError:
                if not self._frames:
                    raise
                # a writer holds the file (an import or a POST in progress): keep serving the
                # last snapshot and try again on the next request
                log.info("%s is being written; serving the previous snapshot", self.path)
                return
            self._frames = frames
            self._derived = {}
            self._stamp = stamp

    def invalidate(self) -> None:
        with self._lock:
            self._stamp = None

    def frame(self, name: str) -> pl.DataFrame:
        """One table of the snapshot: documents, events, quotes, red_lines, positions, actors."""
        self.refresh()
        return self._frames[name]

    def derived(self, key: Any, compute: Callable[[], Any]) -> Any:
        """`compute()` once per snapshot and key."""
        self.refresh()
        with self._lock:
            if key not in self._derived:
                self._derived[key] = compute()
            return self._derived[key]

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


def _frames(store: Any) -> dict[str, pl.DataFrame]:
    """The tables of an open store, entities decoded, sources joined."""
    raw_documents = store.documents_frame()
    raw_events = store.events_frame()
    quotes = store.quotes_frame()
    red_lines = store.red_lines_frame()
    positions = store.positions_frame()
    actors = store.actors_frame()
    raw_quotes, raw_red_lines = quotes, red_lines
    documents = raw_documents.with_columns(pl.col("text").str.len_chars().alias("n_chars"))
    events = raw_events.drop("native").with_columns(decode_entities("actor"),
                                                    decode_entities("recipient"))
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
