"""Commands that bring text in and code it: ingest, extract, code."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from spiral.errors import InputError
from spiral.records import Quarantined
from spiral.serve.cli.common import (
    DbOption,
    FormatOption,
    MinConfidenceOption,
    ModelOption,
    OutputFormat,
    console,
    err_console,
    print_json,
    print_table,
    progress_bar,
    settings_for,
)

if TYPE_CHECKING:
    from spiral.serve import jobs

Sources = Annotated[list[str], typer.Argument(help="Files, directories or globs (.txt, .html, .jsonl, RSS/Atom, .gz).")]
TitleOption = Annotated[str | None, typer.Option(help="Title, for a single .txt file.")]
PublishedOption = Annotated[
    str | None, typer.Option(help="Publication date or time, ISO 8601 (YYYY-MM-DD).")]
OutletOption = Annotated[str | None, typer.Option("--source", help="Outlet name, e.g. Reuters.")]
UrlOption = Annotated[str | None, typer.Option(help="URL of the article.")]
DateFormatOption = Annotated[
    str | None, typer.Option(help="strptime format of 'published' when it is not ISO 8601.")]
FollowSymlinksOption = Annotated[bool, typer.Option(
    "--follow-symlinks", help="Read files that symlinks point to outside the folder being read.")]
ScenarioOption = Annotated[
    list[Path] | None,
    typer.Option(help="Scenario YAML for the report's forecast; repeat for several.")]


def _metadata(title: str | None, published: str | None, source: str | None,
              url: str | None) -> dict[str, str]:
    given = {"title": title, "published": published, "source": source, "url": url}
    return {k: v for k, v in given.items() if v is not None}


def ingest(
    ctx: typer.Context,
    sources: Sources,
    db: DbOption = None,
    title: TitleOption = None,
    published: PublishedOption = None,
    source: OutletOption = None,
    url: UrlOption = None,
    date_format: DateFormatOption = None,
    follow_symlinks: FollowSymlinksOption = False,
) -> None:
    """Read articles into the store; bad records are quarantined with file:line and the reason.

    Example: spiral ingest examples/corpus --db spiral.duckdb
    """
    from spiral.serve import jobs
    from spiral.store import open_store

    settings = settings_for(db, follow_symlinks=follow_symlinks or None)
    with open_store(settings.db) as store, progress_bar("reading") as bar:
        summary = jobs.ingest(store, sources, settings=settings,
                              metadata=_metadata(title, published, source, url),
                              date_format=date_format, progress=bar.advance)
    console.print(f"read {summary.n_read} documents: {summary.n_new} new, "
                  f"{summary.n_duplicates} already stored, {summary.n_quarantined} quarantined, "
                  f"{len(summary.skipped)} skipped")
    _print_left_out(summary, everything=ctx.meta.get("spiral.verbose", False))


def _print_left_out(summary: jobs.IngestSummary, *, everything: bool, limit: int = 20) -> None:
    """Name what was not stored: quarantined inputs, then skipped ones; `limit` of each, or
    all of them (--verbose)."""
    if everything:
        limit = len(summary.quarantined) + len(summary.skipped)
    for verb, items in (("quarantined", summary.quarantined), ("skipped", summary.skipped)):
        for item in items[:limit]:
            console.print(f"  {verb} {item.origin}: {item.reason}", highlight=False, soft_wrap=True)
        if len(items) > limit:
            console.print(f"  ... and {len(items) - limit} more {verb} (-v lists them all)")


def extract(
    db: DbOption = None,
    model: ModelOption = None,
    force: Annotated[bool, typer.Option(help="Re-code documents already coded.")] = False,
    workers: Annotated[int | None, typer.Option(
        help="Code on a local Dask cluster of N worker processes.", min=1)] = None,
    scheduler: Annotated[str | None, typer.Option(
        help="Code on the running Dask cluster at tcp://HOST:PORT.")] = None,
) -> None:
    """Code the stored documents not yet coded by this pipeline: events, quotes, red lines, positions.

    With --workers or --scheduler the coding runs on Dask and this process alone writes; a run
    stopped at any moment resumes where it stopped.

    Example: spiral extract --db spiral.duckdb --workers 2
    """
    from spiral.nlp import pipeline
    from spiral.serve import jobs
    from spiral.store import open_store

    settings = settings_for(db, spacy_model=model)
    if workers is not None or scheduler is not None:
        with open_store(settings.db) as store, progress_bar("coding") as bar:
            summary = jobs.extract_distributed(
                store, settings=settings, workers=workers, scheduler=scheduler, force=force,
                progress=bar.advance, on_total=bar.total)
    else:
        nlp = pipeline.load(settings)
        with open_store(settings.db) as store, progress_bar("coding") as bar:
            summary = jobs.extract(store, nlp, settings=settings, force=force,
                                   progress=bar.advance, on_total=bar.total)
    console.print(
        f"coded {summary.n_documents} documents with {summary.pipeline}: {summary.n_events} events, "
        f"{summary.n_quotes} quotes, {summary.n_red_lines} red lines, "
        f"{summary.n_positions} positions")


def code(
    sources: Sources,
    out: Annotated[Path | None, typer.Option(
        "--out", "-o", help="Folder to write one DOC_ID.json per document into, instead of printing.")] = None,
    published: PublishedOption = None,
    title: TitleOption = None,
    source: OutletOption = None,
    url: UrlOption = None,
    date_format: DateFormatOption = None,
    model: ModelOption = None,
    format: Annotated[OutputFormat, typer.Option("--format", "-f")] = OutputFormat.json,
) -> None:
    """Run the whole NLP pipeline on articles (files, folders, globs) without a database.

    The model is loaded once. One article prints its JSON; several print a JSON list, or go
    to --out DIR as one JSON file per document (records that cannot be read are listed and
    skipped there).

    Example: spiral code article.txt --published 2024-11-21 --format json
    """
    from spiral.nlp import pipeline
    from spiral.serve import jobs
    from spiral.serve.document_json import extraction_json

    settings = settings_for(spacy_model=model)
    nlp = pipeline.load(settings)
    skipped: list[Quarantined] = []
    extractions = jobs.code_files(
        nlp, sources, settings=settings, metadata=_metadata(title, published, source, url),
        date_format=date_format, on_quarantine=skipped.append if out is not None else None)
    if out is not None:
        written = jobs.write_extractions(extractions, out)
        for item in skipped:
            err_console.print(f"skipped {item.origin}: {item.reason}", highlight=False)
        console.print(f"coded {written} documents into {out} ({len(skipped)} skipped)")
        if not written:
            raise InputError(f"{', '.join(map(str, sources))}: no document could be coded")
        return
    coded = [extraction_json(e) for e in extractions]
    if format is OutputFormat.json:
        print_json(coded[0] if len(coded) == 1 else coded)
        return
    for document in coded:
        print_table([{k: e[k] for k in ("date", "event_type", "mode", "text")} |
                     {"actor": ",".join(a["code"] for a in e["actor"]),
                      "recipient": ",".join(r["code"] for r in e["recipient"])}
                     for e in document["events"]],
                    title=document["document"]["title"] or document["document"]["doc_id"])


def run(
    ctx: typer.Context,
    sources: Sources,
    db: DbOption = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="Report file to write.")] = Path(
        "out/report.html"),
    model: ModelOption = None,
    scenario: ScenarioOption = None,
    follow_symlinks: FollowSymlinksOption = False,
) -> None:
    """The main job: ingest the sources, code what is new, analyse, write the report, summarise.

    Example: spiral run examples/corpus --db out/demo.duckdb --out out/report.html
    """
    from spiral.serve import jobs

    settings = settings_for(db, spacy_model=model, follow_symlinks=follow_symlinks or None)
    with progress_bar("coding") as bar:
        summary = jobs.run(sources, settings=settings, out=out, scenario_files=scenario or [],
                           progress=bar.advance, on_total=bar.total)
    ingested, extracted = summary.ingested, summary.extracted
    console.print(f"ingested {ingested.n_read} reports ({ingested.n_new} new, "
                  f"{ingested.n_quarantined} quarantined, {len(ingested.skipped)} skipped); "
                  f"coded {extracted.n_documents} with {extracted.pipeline}")
    _print_left_out(ingested, everything=ctx.meta.get("spiral.verbose", False))
    print_table([{"table": k, "rows": v} for k, v in summary.counts.items()],
                title=f"store {summary.store_location}")
    print_table([{"date": s["date"], "actor": s["actor_code"], "event": s["event_type"],
                  "mode": s["mode"], "recipient": s["recipient_code"],
                  "reports": s["n_mentions"], "outlets": s["n_sources"]}
                 for s in summary.top_stories], title="most reported story events")
    console.print(f"report: {summary.report_path}")


def quarantine(
    db: DbOption = None,
    limit: Annotated[int, typer.Option(help="Rows shown in a table.")] = 50,
    format: FormatOption = OutputFormat.table,
) -> None:
    """What ingest and imports refused, with the file (and line) and the reason.

    Example: spiral quarantine --db spiral.duckdb --format json
    """
    from spiral.store import open_store

    settings = settings_for(db)
    with open_store(settings.db, read_only=True) as store:
        found = store.quarantine_frame()
    if format is OutputFormat.json:
        print_json(found.to_dicts())
        return
    print_table(found.head(limit).select("origin", "reason").to_dicts(),
                title=f"{found.height} quarantined" + (f" (first {limit})" if found.height > limit else ""))


def forget(
    doc_ids: Annotated[list[str], typer.Argument(help="Ids of stored documents (doc_...).")],
    db: DbOption = None,
) -> None:
    """Remove documents and everything coded from them (events, quotes, red lines, positions).

    Example: spiral forget doc_953bf2a874c9e389 --db spiral.duckdb
    """
    from spiral.store import open_store

    settings = settings_for(db)
    with open_store(settings.db) as store:
        for doc_id in doc_ids:
            removed = store.forget(doc_id)
            console.print(f"forgot {doc_id}: " + ", ".join(
                f"{n} {table}" for table, n in removed.items() if table != "extractions"))


def watch(
    sources: Annotated[list[str], typer.Argument(
        help="Folders, files, globs or RSS/Atom feed URLs (http, https) to poll.")],
    db: DbOption = None,
    model: ModelOption = None,
    every: Annotated[str, typer.Option(help="Time between polls: 90s, 15m, 1h.")] = "15m",
    retry: Annotated[str, typer.Option(
        help="First retry of a failing source; doubles per failure, up to --every.")] = "30s",
    once: Annotated[bool, typer.Option(help="Poll once, code what is new, and stop.")] = False,
) -> None:
    """Ingest and code what is new in folders and feeds, again every --every, until Ctrl-C.

    A feed that is down or returns garbage is logged and retried with backoff, never fatal;
    no report is coded twice. With a DuckDB store this holds its write lock; with PostgreSQL
    (--db postgresql://...) other jobs and the server write alongside.

    Example: spiral watch inbox/ https://example.org/world.rss --every 15m --db spiral.duckdb
    """
    from spiral.nlp import pipeline
    from spiral.serve import watch as watching
    from spiral.store import open_store

    every_s = watching.parse_duration(every)
    retry_s = watching.parse_duration(retry, field_name="--retry")
    settings = settings_for(db, spacy_model=model)
    nlp = pipeline.load(settings)

    def report_round(done: watching.WatchRound) -> None:
        failing = f"; failing: {', '.join(done.failing)}" if done.failing else ""
        console.print(f"round {done.number}: {done.n_new} new, {done.n_coded} coded, "
                      f"{done.n_quarantined} quarantined{failing}", highlight=False)

    with open_store(settings.db) as store:
        try:
            watching.watch(store, sources, nlp, settings=settings, every_s=every_s,
                           retry_s=retry_s, max_rounds=1 if once else None,
                           on_round=report_round)
        except KeyboardInterrupt:
            console.print("stopped")


class ReportFormat(str, Enum):
    html = "html"
    md = "md"


def report(
    db: DbOption = None,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="File to write.")] = None,
    format: Annotated[ReportFormat, typer.Option("--format", "-f")] = ReportFormat.html,
    scenario: ScenarioOption = None,
    min_confidence: MinConfidenceOption = None,
) -> None:
    """Write the offline report: the dashboard's pages (overview, dyads, actors, red lines,
    dynamics) in one HTML file that needs no network; or print their tables as Markdown.

    Example: spiral report --db spiral.duckdb --out out/report.html
    """
    from spiral.serve import jobs
    from spiral.store import open_store

    settings = settings_for(db)
    if format is ReportFormat.html and out is None:
        out = Path("report.html")
    with open_store(settings.db, read_only=True) as store:
        text = jobs.report(store, out, fmt=format.value, scenario_files=scenario or [],
                           min_confidence=min_confidence)
    if out is None:
        console.print(text, markup=False, highlight=False)
    else:
        console.print(f"wrote {out}")


def register(app: typer.Typer) -> None:
    app.command()(ingest)
    app.command()(extract)
    app.command()(code)
    app.command()(run)
    app.command()(report)
    app.command()(quarantine)
    app.command()(forget)
    app.command()(watch)
