"""Whole jobs that span stages: ingest into the store, extract what is new, the main demo job.

Each is one library call for one CLI command; progress goes through optional callbacks.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from spiral import ingest as ingest_stage
from spiral.config import Settings
from spiral.errors import InputError
from spiral.records import Extraction, Quarantined
from spiral.serve.report.markdown import MARKER
from spiral.store import Store, is_postgres, open_store
from spiral.store.outputs import (
    check_output,
    contains,
    starts_with,
    store_files,
    write_output,
)

if TYPE_CHECKING:
    import polars as pl
    from spacy.language import Language

log = logging.getLogger(__name__)

Progress = Callable[[int], None]


@dataclass(frozen=True, slots=True)
class IngestSummary:
    n_read: int
    n_new: int
    n_quarantined: int
    quarantined: tuple[Quarantined, ...]

    @property
    def n_duplicates(self) -> int:
        return self.n_read - self.n_new


@dataclass(frozen=True, slots=True)
class ExtractSummary:
    n_documents: int
    n_events: int
    n_quotes: int
    n_red_lines: int
    n_positions: int
    pipeline: str


def ingest(store: Store, sources: Sequence[str | Path], *, settings: Settings,
           metadata: Mapping[str, Any] | None = None, date_format: str | None = None,
           progress: Progress | None = None) -> IngestSummary:
    """Read every source and store its documents; bad records go to the quarantine table.

    Re-running with the same input stores nothing new.
    """
    quarantined: list[Quarantined] = []
    documents = []
    for source in sources:
        documents.extend(ingest_stage.read(
            source, metadata=metadata, date_format=date_format, settings=settings,
            on_quarantine=quarantined.append, progress=progress))
    n_new = store.add_documents(documents)
    store.add_quarantined(quarantined)
    return IngestSummary(n_read=len(documents), n_new=n_new, n_quarantined=len(quarantined),
                         quarantined=tuple(quarantined))


def extract(store: Store, nlp: Language, *, settings: Settings, force: bool = False,
            progress: Progress | None = None,
            on_total: Callable[[int], None] | None = None) -> ExtractSummary:
    """Run the NLP pipeline over documents this pipeline has not yet coded (all with `force`)."""
    from spiral.nlp import pipeline

    name = pipeline.signature(nlp)
    pending = list(store.documents(only_unextracted_by=None if force else name))
    if on_total:
        on_total(len(pending))
    coded = pipeline.code(nlp, pending, batch_size=settings.batch_size, progress=progress)
    return _write_extractions(store, coded, name, len(pending))


def extract_distributed(store: Store, *, settings: Settings, workers: int | None = None,
                        scheduler: str | None = None, force: bool = False,
                        progress: Progress | None = None,
                        on_total: Callable[[int], None] | None = None) -> ExtractSummary:
    """`extract` on a Dask cluster: a new local one of `workers` processes, or `scheduler`'s.

    Workers code batches and send records back; this process is the one writer, storing each
    document's extraction in one transaction. A run killed at any moment and run again ends
    with the same rows as an uninterrupted run: a document is coded and written whole or not.
    """
    from spiral.nlp import cluster

    with cluster.cluster(workers=workers, scheduler=scheduler) as client:
        name = cluster.start_pipeline(client, settings)
        pending = list(store.documents(only_unextracted_by=None if force else name))
        if on_total:
            on_total(len(pending))
        coded = (extraction
                 for batch in cluster.code(client, pending, settings=settings, progress=progress)
                 for extraction in batch)
        return _write_extractions(store, coded, name, len(pending))


def _write_extractions(store: Store, coded: Iterable[Extraction], name: str,
                       n_documents: int) -> ExtractSummary:
    counts = {"events": 0, "quotes": 0, "red_lines": 0, "positions": 0}
    for n_written, extraction in enumerate(coded, start=1):
        store.replace_extraction(
            extraction.document.doc_id, pipeline=name, events=extraction.events,
            quotes=extraction.quotes, red_lines=extraction.red_lines,
            positions=extraction.positions, actors=extraction.actors)
        log.info("stored %s (%d of %d)", extraction.document.doc_id, n_written, n_documents)
        for key in counts:
            counts[key] += len(getattr(extraction, key))
    return ExtractSummary(n_documents=n_documents, n_events=counts["events"],
                          n_quotes=counts["quotes"], n_red_lines=counts["red_lines"],
                          n_positions=counts["positions"], pipeline=name)


def code_files(nlp: Language, sources: Sequence[str | Path], *, settings: Settings,
               metadata: Mapping[str, Any] | None = None, date_format: str | None = None,
               on_quarantine: Callable[[Quarantined], None] | None = None,
               progress: Progress | None = None) -> Iterator[Extraction]:
    """Code the documents of files, folders or globs without touching a database, the model
    loaded once and documents streamed through it in batches.

    Raises
    ------
    InputError
        A source names nothing readable; or a record cannot be read and no `on_quarantine`
        was given (then it is fatal rather than skipped).
    """
    from spiral.nlp import pipeline

    def fail(item: Quarantined) -> None:
        raise InputError(f"{item.origin}: {item.reason}")

    documents = (document for source in sources for document in ingest_stage.read(
        source, metadata=metadata, date_format=date_format, settings=settings,
        on_quarantine=on_quarantine or fail))
    return pipeline.code(nlp, documents, batch_size=settings.batch_size, progress=progress)


def write_extractions(extractions: Iterable[Extraction], folder: Path) -> int:
    """Write each extraction as `folder/DOC_ID.json` (the `spiral code` JSON); how many.

    A re-run replaces its own files and refuses any other file of the same name.
    """
    import json

    from spiral.serve.document_json import extraction_json

    n_written = 0
    for extraction in extractions:
        payload = json.dumps(extraction_json(extraction), ensure_ascii=False, indent=2) + "\n"
        write_output(folder / f"{extraction.document.doc_id}.json",
                     lambda tmp, text=payload: tmp.write_text(text, encoding="utf-8"),
                     is_ours=contains(b'"doc_id": "doc_'), what="coded document")
        n_written += 1
    return n_written


def analyse(store: Store, story_frame: pl.DataFrame) -> None:
    """Re-assess every red line against the story events now in the store."""
    from spiral.analysis.crossings import assess_red_lines

    events_end = story_frame["date"].max() if story_frame.height else None
    updated, _ = assess_red_lines(store.red_lines(), story_frame,
                                  as_of=events_end or date.today(), statements=store.quotes())
    store.update_red_lines(updated)


def report(store: Store, out: Path | None, *, fmt: str = "html",
           title: str = "spiral escalation report", scenario_files: Sequence[Path] = (),
           min_confidence: float | None = None) -> str:
    """Render the report from the store; write it atomically to `out` when given.

    Raises
    ------
    InputError
        `out` is the store or a file spiral did not write.
    """
    from spiral.serve.report import render_html, render_markdown
    from spiral.serve.report.collect import collect

    data = collect(store, title=title, scenario_files=list(scenario_files),
                   min_confidence=min_confidence)
    text = render_html(data) if fmt == "html" else render_markdown(data)
    if out is not None:
        write_output(out, lambda tmp: tmp.write_text(text, encoding="utf-8"),
                     is_ours=_report_is_ours(fmt), what=f"{fmt} report",
                     protected=store.files())
    return text


def _report_is_ours(fmt: str) -> Callable[[Path], bool]:
    if fmt == "html":
        return contains(b'<meta name="generator" content="spiral report">')
    return starts_with(MARKER.encode())


@dataclass(frozen=True, slots=True)
class RunSummary:
    ingested: IngestSummary
    extracted: ExtractSummary
    counts: dict[str, int]
    top_stories: list[dict[str, Any]]
    report_path: Path
    store_location: str


def run(sources: Sequence[str | Path], *, settings: Settings, out: Path,
        scenario_files: Sequence[Path] = (), progress: Progress | None = None,
        on_total: Callable[[int], None] | None = None) -> RunSummary:
    """The main job: ingest, extract what is new, analyse, and write the report.

    Safe to re-run: nothing already stored is duplicated, and only new documents are coded.
    """
    from spiral.analysis.stories import stories
    from spiral.nlp import pipeline

    check_output(out, is_ours=_report_is_ours("html"), what="html report",
                 protected=() if is_postgres(settings.db) else store_files(settings.db))
    nlp = pipeline.load(settings)
    with open_store(settings.db) as store:
        ingested = ingest(store, sources, settings=settings)
        extracted = extract(store, nlp, settings=settings, progress=progress, on_total=on_total)
        story_frame = stories(store.events_frame())
        analyse(store, story_frame)
        report(store, out, scenario_files=scenario_files)
        top = (story_frame.sort(["n_sources", "n_mentions", "date"], descending=True,
                                nulls_last=True).head(12).to_dicts())
        return RunSummary(ingested, extracted, store.counts(), top, out, store.location)


@dataclass(frozen=True, slots=True)
class ImportSummary:
    system: str
    n_events: int
    n_new: int
    quarantined: tuple[Quarantined, ...]


def import_events(store: Store, system: str, path: Path, *,
                  progress: Progress | None = None) -> ImportSummary:
    """Stream another data set's events into the store; re-importing adds nothing."""
    from spiral.ingest.imports import read_events

    quarantined: list[Quarantined] = []
    n_events = n_new = 0
    for frame in read_events(system, path, quarantined.append):
        n_events += frame.height
        n_new += store.add_event_frame(frame)
        if progress:
            progress(frame.height)
    store.add_quarantined(quarantined)
    return ImportSummary(system, n_events, n_new, tuple(quarantined))


def import_events_many(store: Store, system: str, paths: Sequence[Path], *,
                       progress: Progress | None = None) -> ImportSummary:
    """`import_events` of several files, one after the other, in one summary."""
    summaries = [import_events(store, system, Path(path), progress=progress) for path in paths]
    return ImportSummary(system, sum(s.n_events for s in summaries),
                         sum(s.n_new for s in summaries),
                         tuple(q for s in summaries for q in s.quarantined))


def import_events_distributed(store: Store, system: str, paths: Sequence[Path], *,
                              workers: int | None = None, scheduler: str | None = None,
                              progress: Progress | None = None) -> ImportSummary:
    """`import_events` of many files (a year of GDELT 15-minute files) on a Dask cluster.

    Workers read and map one file each and send back frames; this process alone writes them,
    upserting by event id, so a rerun or an overlap between files adds nothing.
    """
    from distributed import as_completed

    from spiral.nlp import cluster

    quarantined: list[Quarantined] = []
    n_events = n_new = 0
    with cluster.cluster(workers=workers, scheduler=scheduler) as client:
        futures = [client.submit(_read_import, system, Path(path), pure=False) for path in paths]
        for future in as_completed(futures):
            frames, bad = future.result()
            for frame in frames:
                n_events += frame.height
                n_new += store.add_event_frame(frame)
                if progress:
                    progress(frame.height)
            quarantined += bad
    store.add_quarantined(quarantined)
    return ImportSummary(system, n_events, n_new, tuple(quarantined))


def _read_import(system: str, path: Path) -> tuple[list[pl.DataFrame], list[Quarantined]]:
    """One file's event frames and quarantined rows, read on a worker."""
    from spiral.ingest.imports import read_events

    quarantined: list[Quarantined] = []
    return list(read_events(system, path, quarantined.append)), quarantined


def ingest_texts(settings: Settings, items: Sequence[Mapping[str, Any]], *,
                 nlp: Language) -> dict[str, Any]:
    """Store documents given as fields (text, title, published, source, url), code what is new
    and re-assess the red lines: what `POST /api/v1/documents` does."""
    from datetime import UTC

    from spiral.analysis.stories import stories
    from spiral.records import Document

    def fields(item: Mapping[str, Any]) -> dict[str, Any]:
        given = {k: item[k] for k in ("title", "published", "source", "url")
                 if item.get(k) is not None}
        if "published" in given:  # naive times are taken as UTC
            published = given["published"]
            given["published"] = (published.replace(tzinfo=UTC) if published.tzinfo is None
                                  else published.astimezone(UTC))
        return given

    documents = [Document.from_text(item["text"], origin="api", **fields(item))
                 for item in items]
    with open_store(settings.db) as store:
        n_new = store.add_documents(documents)
        extracted = extract(store, nlp, settings=settings)
        analyse(store, stories(store.events_frame()))
    return {"n_read": len(documents), "n_new": n_new, "n_quarantined": 0,
            "doc_ids": [d.doc_id for d in documents], "n_events": extracted.n_events,
            "n_quotes": extracted.n_quotes, "n_red_lines": extracted.n_red_lines,
            "n_positions": extracted.n_positions}
