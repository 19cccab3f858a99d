"""Whole jobs that span stages: ingest into the store, extract what is new, the main demo job.

Each is one library call for one CLI command; progress goes through optional callbacks.
"""

from __future__ import annotations

import hashlib
import logging
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from spiral import ingest as ingest_stage
from spiral.config import Settings
from spiral.errors import InputError
from spiral.records import Extraction, Quarantined, Skipped
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

    from spiral.ingest.imports import ImportLog

log = logging.getLogger(__name__)

Progress = Callable[[int], None]


@dataclass(frozen=True, slots=True)
class IngestSummary:
    """Every input accounted for: read (new or already stored), quarantined or skipped."""

    n_read: int
    n_new: int
    n_quarantined: int
    quarantined: tuple[Quarantined, ...]
    skipped: tuple[Skipped, ...] = ()

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
    skipped: list[Skipped] = []
    documents = list(ingest_stage.read(
        sources, metadata=metadata, date_format=date_format, settings=settings,
        on_quarantine=quarantined.append, on_skip=skipped.append, progress=progress))
    n_new = store.add_documents(documents)
    store.add_quarantined(quarantined)
    return IngestSummary(n_read=len(documents), n_new=n_new, n_quarantined=len(quarantined),
                         quarantined=tuple(quarantined), skipped=tuple(skipped))


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
    """Render the dashboard's pages from the store into one offline HTML file (or Markdown);
    write it atomically to `out` when given. Story events count mentions at or above
    `min_confidence` (by default the calibrated threshold).

    Raises
    ------
    InputError
        `out` is the store or a file spiral did not write.
    """
    from spiral.dynamics.scenarios import Scenario
    from spiral.serve.catalog import Catalog
    from spiral.serve.report import pages, render_html, render_markdown, subtitle

    catalog = Catalog.of_store(store, min_confidence=min_confidence)
    scenarios = [Scenario.from_yaml(path) for path in scenario_files]
    if fmt == "html":
        text = render_html(catalog, title=title, scenarios=scenarios)
    else:
        text = render_markdown(pages(catalog, scenarios=scenarios), title=title,
                               subtitle=subtitle(catalog))
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
    """What importing one file did: rows read, events stored, rows quarantined (with file:line
    and why) and rows read but not mapped to PLOVER (by reason)."""

    system: str
    path: str
    n_read: int
    n_stored: int
    n_new: int
    quarantined: tuple[Quarantined, ...]
    unmapped: dict[str, int]
    n_repeated_ids: int = 0
    already_imported: bool = False

    @property
    def n_unmapped(self) -> int:
        return sum(self.unmapped.values())

    @property
    def n_events(self) -> int:
        """Events (or mentions) stored from the file(s)."""
        return self.n_stored


def file_digest(path: Path) -> str:
    """sha256 of a file's bytes: an unchanged file is recognised whatever its name or date."""
    with Path(path).open("rb") as handle:
        return "sha256:" + hashlib.file_digest(handle, "sha256").hexdigest()


def import_events(store: Store, system: str, path: Path, *,
                  progress: Progress | None = None) -> ImportSummary:
    """Import one data set file into the store, all or nothing.

    Every event of the file is written in one transaction, with its quarantined rows and a
    record of the file's digest: an error or an interrupted run leaves the store as it was,
    and importing an unchanged file again only reads its digest.

    Raises
    ------
    InputError
        The file is not of that data set, or nothing in it could be stored.
    """
    from spiral.ingest.imports import LINE_PLANS, ImportLog, read_events
    from spiral.store.base import AppendRefused

    if not Path(path).is_file():
        raise InputError(f"{path}: no such file")
    digest = f"{system}:{file_digest(path)}"
    done = store.imported(digest)
    if done is not None:
        return _already(system, Path(path), done)
    def read() -> tuple[Iterator[pl.DataFrame], ImportLog]:
        log = ImportLog()
        return read_events(system, path, log), log

    if system in LINE_PLANS and store.reads_lines:
        try:
            return _line_import(store, system, Path(path), digest, progress)
        except AppendRefused:  # an id stored before or repeated: upsert, the later row winning
            return _write_import(store, system, Path(path), digest, *read(),
                                 _counted(progress), append=False)
    return _store_import(store, system, Path(path), digest, read, progress)


def _line_import(store: Store, system: str, path: Path, digest: str,
                 progress: Progress | None) -> ImportSummary:
    """Import a file read and mapped by the store's own database, in one transaction with its
    quarantined rows and import record (`spiral.ingest.imports.lines`)."""
    from spiral.ingest.imports import LINE_PLANS, ImportLog
    from spiral.ingest.imports.lines import account, line_reads
    from spiral.plover import cameo_unmapped_reason

    def unknown(code: str) -> str:
        return cameo_unmapped_reason(code) or f"CAMEO {code}: no PLOVER type"

    log = ImportLog()
    n_stored = 0
    with line_reads(path, LINE_PLANS[system]) as reads, store.atomic():
        for read in reads:
            done = store.import_lines(read)
            account(read, done, log, unknown)
            n_stored += done.n_rows
            if progress:
                progress(done.n_rows)
        _record(store, system, path, digest, log, n_stored)
    return ImportSummary(system, str(path), log.n_rows, n_stored, n_stored,
                         tuple(log.quarantined), dict(log.unmapped.most_common()),
                         log.n_repeated_ids)


def _already(system: str, path: Path, done: dict[str, Any]) -> ImportSummary:
    return ImportSummary(system, str(path), done["n_rows"], done["n_stored"], 0, (), {},
                         already_imported=True)


def _store_import(store: Store, system: str, path: Path, digest: str,
                  read: Callable[[], tuple[Iterator[pl.DataFrame], ImportLog]],
                  progress: Progress | None) -> ImportSummary:
    """Write one file's frames, its quarantined rows and its import record in one transaction.

    Events are appended in one stream, the fast way; when the file repeats an id or updates
    stored events (or is too long to append within the store's memory limit), that transaction
    is rolled back and the file is read again and upserted.
    """
    from spiral.ingest.imports import MENTION_READERS
    from spiral.store.base import AppendRefused

    counted = _counted(progress)
    try:
        return _write_import(store, system, path, digest, *read(), counted,
                             append=system not in MENTION_READERS)
    except AppendRefused:
        return _write_import(store, system, path, digest, *read(), counted, append=False)


def _counted(progress: Progress | None
             ) -> Callable[[Iterator[pl.DataFrame]], Iterator[pl.DataFrame]]:
    def counted(frames: Iterator[pl.DataFrame]) -> Iterator[pl.DataFrame]:
        for frame in frames:
            if progress:
                progress(frame.height)
            yield frame
    return counted


def _write_import(store: Store, system: str, path: Path, digest: str,
                  frames: Iterator[pl.DataFrame], log: ImportLog,
                  counted: Callable[[Iterator[pl.DataFrame]], Iterator[pl.DataFrame]], *,
                  append: bool) -> ImportSummary:
    from spiral.ingest.imports import MENTION_READERS

    with store.atomic():
        if system in MENTION_READERS:
            n_stored = n_new = 0
            for frame in counted(frames):
                n_stored, n_new = n_stored + frame.height, n_new + store.add_mention_frame(frame)
        elif append:
            n_stored, n_new = store.append_event_frames(counted(frames))
        else:
            n_stored, n_new = store.add_event_frames(counted(frames))
        _record(store, system, path, digest, log, n_stored)
    return ImportSummary(system, str(path), log.n_rows, n_stored, n_new, tuple(log.quarantined),
                         dict(log.unmapped.most_common()), log.n_repeated_ids)


def _record(store: Store, system: str, path: Path, digest: str, log: ImportLog,
            n_stored: int) -> None:
    """Inside the import's transaction: refuse a file nothing of which was stored, else keep its
    quarantined rows and its import record."""
    if n_stored == 0:
        raise InputError(_nothing_stored(system, path, log))
    store.add_quarantined(log.quarantined)
    store.record_import({"digest": digest, "system": system, "path": str(path),
                         "n_rows": log.n_rows, "n_stored": n_stored,
                         "n_quarantined": len(log.quarantined), "n_unmapped": log.n_unmapped})


def _nothing_stored(system: str, path: Path, log: ImportLog) -> str:
    parts = [(f"{path}: no {system} event could be stored ({log.n_rows} rows read, "
              f"{len(log.quarantined)} quarantined, {log.n_unmapped} with no PLOVER type)")]
    parts += [f"{item.origin}: {item.reason}" for item in log.quarantined[:3]]
    parts += [f"{n} rows: {reason}" for reason, n in log.unmapped.most_common(3)]
    return "; ".join(parts) + f"; is this a {system} export?"


def _combined(system: str, summaries: Sequence[ImportSummary]) -> ImportSummary:
    unmapped: Counter[str] = Counter()
    for summary in summaries:
        unmapped.update(summary.unmapped)
    return ImportSummary(
        system, ", ".join(s.path for s in summaries), sum(s.n_read for s in summaries),
        sum(s.n_stored for s in summaries), sum(s.n_new for s in summaries),
        tuple(q for s in summaries for q in s.quarantined), dict(unmapped.most_common()),
        sum(s.n_repeated_ids for s in summaries),
        already_imported=all(s.already_imported for s in summaries))


def import_events_many(store: Store, system: str, paths: Sequence[Path], *,
                       progress: Progress | None = None) -> ImportSummary:
    """`import_events` of several files, one after the other (each all or nothing), in one
    summary."""
    return _combined(system, [import_events(store, system, Path(path), progress=progress)
                              for path in paths])


def import_events_distributed(store: Store, system: str, paths: Sequence[Path], *,
                              workers: int | None = None, scheduler: str | None = None,
                              progress: Progress | None = None) -> ImportSummary:
    """`import_events` of many files (a year of GDELT 15-minute files) on a Dask cluster.

    Workers read and map one file each and send back its frames and what the read met; this
    process alone writes each file, all or nothing, upserting by event id, so a rerun or an
    overlap between files adds nothing, and a file imported before is not read again.
    """
    from distributed import as_completed

    from spiral.nlp import cluster

    summaries: list[ImportSummary] = []
    pending: dict[str, str] = {}
    for path in map(Path, paths):
        digest = f"{system}:{file_digest(path)}"
        done = store.imported(digest)
        if done is not None:
            summaries.append(_already(system, path, done))
        else:
            pending[str(path)] = digest
    with cluster.cluster(workers=workers, scheduler=scheduler) as client:
        futures = [client.submit(_read_import, system, Path(path), pure=False)
                   for path in pending]
        for future in as_completed(futures):
            path, frames, log = future.result()
            done = store.imported(pending[str(path)])  # the same file twice in one call
            summaries.append(_already(system, path, done) if done is not None else
                             _store_import(store, system, path, pending[str(path)],
                                           lambda frames=frames, log=log: (iter(frames), log),
                                           progress))
    return _combined(system, summaries)


def _read_import(system: str, path: Path) -> tuple[Path, list[pl.DataFrame], ImportLog]:
    """One file's event frames and what reading it met, read on a worker."""
    from spiral.ingest.imports import ImportLog, read_events

    log = ImportLog()
    return path, list(read_events(system, path, log)), log


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
