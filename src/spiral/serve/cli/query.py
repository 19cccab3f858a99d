"""Commands that read the store: events, status, export."""

from __future__ import annotations

import json
from datetime import date
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, get_args

import typer

from spiral import validate
from spiral.serve.cli.common import (
    DbOption,
    FormatOption,
    MinConfidenceOption,
    OutputFormat,
    console,
    print_json,
    print_table,
    progress_bar,
    settings_for,
)

if TYPE_CHECKING:
    import polars as pl

EVENT_COLUMNS = ("date", "actor_code", "event_type", "mode", "recipient_code", "source", "text")


class ExportFormat(str, Enum):
    plover_jsonl = "plover-jsonl"
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


def _date(value: str | None, field: str) -> date | None:
    return validate.iso_date(value, field=field)


def _code(value: str | None, field: str) -> str | None:
    return None if value is None else validate.actor_code(value, field=field)


def _decoded(row: dict) -> dict:
    """An events row for JSON: entities as objects, not JSON text inside JSON."""
    for column in ("actor", "recipient", "native"):
        if isinstance(row.get(column), str):
            row[column] = json.loads(row[column])
    return row


def events(
    db: DbOption = None,
    actor: Annotated[str | None, typer.Option(help="Actor code, e.g. RUS.")] = None,
    recipient: Annotated[str | None, typer.Option(help="Recipient code, e.g. UKR.")] = None,
    type: Annotated[str | None, typer.Option("--type", help="PLOVER event type, e.g. ASSAULT.")] = None,
    since: Annotated[str | None, typer.Option(help="First date, YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Last date, YYYY-MM-DD.")] = None,
    limit: Annotated[int, typer.Option(help="Rows shown in a table.")] = 50,
    as_stories: Annotated[bool, typer.Option("--stories", help="One row per real event, with "
                                             "its mentions and distinct sources.")] = False,
    explain: Annotated[bool, typer.Option(help="With --stories: why mentions were merged.")] = False,
    min_confidence: MinConfidenceOption = None,
    format: FormatOption = OutputFormat.table,
) -> None:
    """List coded events (or story events), filtered by actor, recipient, type, date and confidence.

    Events are listed whatever their confidence unless --min-confidence is given; story events
    count only mentions at or above it (by default the calibrated threshold).

    Example: spiral events --actor RUS --recipient UKR --type ASSAULT --since 2024-11-01
    """
    import polars as pl

    from spiral.store import open_store

    settings = settings_for(db)
    first, last = _date(since, "--since"), _date(until, "--until")
    validate.date_range(first, last)
    chosen_type = validate.event_type(type, field="--type") if type else None
    with open_store(settings.db, read_only=True) as store:
        frame = store.events_frame(actor=_code(actor, "--actor"),
                                   recipient=_code(recipient, "--recipient"),
                                   event_type=chosen_type, since=first, until=last,
                                   min_confidence=None if as_stories else min_confidence)
    if as_stories:
        _print_stories(frame, explain=explain, limit=limit, format=format,
                       min_confidence=min_confidence)
        return
    frame = frame.sort(["date", "id"], nulls_last=True)
    if format is OutputFormat.json:
        print_json([_decoded(row) for row in frame.head(limit).to_dicts()])
        return
    shown = frame.select(EVENT_COLUMNS).head(limit).with_columns(
        pl.col("text").str.slice(0, 70) + pl.when(pl.col("text").str.len_chars() > 70)
        .then(pl.lit("…")).otherwise(pl.lit("")))
    print_table(shown.to_dicts(),
                title=f"{frame.height} events" + (f" (first {limit})" if frame.height > limit else ""))


def _print_stories(events: pl.DataFrame, *, explain: bool, limit: int, format: OutputFormat,
                   min_confidence: float | None) -> None:
    import polars as pl

    from spiral.analysis.stories import explain_merges, stories

    found = (explain_merges if explain else stories)(events, min_confidence=min_confidence)
    if format is OutputFormat.json:
        print_json(found.head(limit).with_columns(pl.col(pl.Date).cast(pl.String)).to_dicts())
        return
    if explain:
        print_table(found.head(limit).to_dicts(), title=f"{found.height} merged pairs")
        return
    shown = found.select("date", "actor_code", "event_type", "mode", "recipient_code",
                         "n_mentions", "n_sources", pl.col("text").str.slice(0, 60))
    print_table(shown.head(limit).to_dicts(), title=f"{found.height} story events")


def index(
    db: DbOption = None,
    dyad: Annotated[str | None, typer.Option(
        help="ACTOR-RECIPIENT, e.g. RUS-UKR (RUS acting on UKR), or RUS~UKR for the undirected "
             "pair (ACLED).")] = None,
    freq: Annotated[str, typer.Option(help="day or week.")] = "day",
    limit: Annotated[int, typer.Option(help="Rows shown in a table (the latest periods).")] = 50,
    format: FormatOption = OutputFormat.table,
) -> None:
    """Escalation measures per directed dyad per day or week, with the story events behind each.

    Example: spiral index --dyad RUS-UKR --freq week --format json
    """
    import polars as pl

    from spiral.analysis.escalation import covered_days, escalation_index, period_column
    from spiral.analysis.stories import STORY_COLUMNS, stories
    from spiral.store import open_store

    freq = validate.choice(freq, ("day", "week"), field="--freq")
    dyad = validate.dyad(dyad, field="--dyad", undirected=True) if dyad else None
    settings = settings_for(db)
    with open_store(settings.db, read_only=True) as store:
        events = store.events_frame(columns=STORY_COLUMNS, ordered=False)
        documents = store.documents_frame()
    table = escalation_index(stories(events, ordered=False), freq=freq, dyad=dyad,
                             covered_days=covered_days(documents, events))
    period = period_column(freq)
    if format is OutputFormat.json:
        print_json(table.drop("covered").with_columns(pl.col(period).cast(pl.String)).to_dicts())
        return
    columns = ["dyad", period, "n_stories", "n_material_conflict", "intensity_sum", "rivera_score",
               "ladder_label"]
    # a table of every row would not be read, and drawing one of a million events' 73,000 rows
    # took 74 s of CPU against 2 s for computing them
    found = table.filter(pl.col("n_stories") > 0)
    shown = found.sort(period, "dyad").tail(limit).sort("dyad", period)
    print_table(shown.select(columns).to_dicts(),
                title=f"{found.height} periods with story events"
                      + (f" (the latest {limit})" if found.height > limit else "")
                      + "; covered periods without any are zero, uncovered ones missing: "
                        "see --format json")


def quotes(
    db: DbOption = None,
    speaker: Annotated[str | None, typer.Option(help="Part of the speaker's name or words.")] = None,
    country: Annotated[str | None, typer.Option(help="Speaker's country code, e.g. RUS.")] = None,
    since: Annotated[str | None, typer.Option(help="First date, YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Last date, YYYY-MM-DD.")] = None,
    limit: Annotated[int, typer.Option(help="Rows shown in a table.")] = 50,
    format: FormatOption = OutputFormat.table,
) -> None:
    """Who said what: quotes with their resolved speaker, filtered by speaker, country and date.

    Example: spiral quotes --country RUS --since 2024-11-18 --format json
    """
    from spiral.records import to_dict
    from spiral.store import open_store

    settings = settings_for(db)
    first, last = _date(since, "--since"), _date(until, "--until")
    with open_store(settings.db, read_only=True) as store:
        found = store.quotes(speaker=speaker, country=_code(country, "--country"), since=first,
                             until=last)
    if format is OutputFormat.json:
        print_json([to_dict(q) for q in found[:limit]])
        return
    print_table([{"date": q.date, "speaker": (q.speaker.entity_name if q.speaker else q.speaker_text)
                  + (" (anonymous)" if q.anonymous else ""), "kind": q.kind,
                  "said": q.content[:90]} for q in found[:limit]],
                title=f"{len(found)} quotes")


def positions(
    db: DbOption = None,
    country: Annotated[str | None, typer.Option(help="Holder's country code, e.g. RUS.")] = None,
    issue: Annotated[str | None, typer.Option(help="territory, neutrality, nato_membership, "
                                                   "army_limits, security_guarantees, sanctions, "
                                                   "ceasefire, withdrawal, nuclear, prisoners, "
                                                   "elections.")] = None,
    format: FormatOption = OutputFormat.table,
) -> None:
    """Negotiating positions: who demands what on which settlement issue, and when.

    Example: spiral positions --country RUS --issue nato_membership
    """
    from spiral.records import to_dict
    from spiral.store import open_store

    settings = settings_for(db)
    country = _code(country, "--country")
    with open_store(settings.db, read_only=True) as store:
        found = [p for p in store.positions() if (country is None or p.holder.code == country)
                 and (issue is None or p.issue == issue)]
    if format is OutputFormat.json:
        print_json([to_dict(p) for p in found])
        return
    print_table([{"date": p.date, "holder": p.holder.entity_name, "issue": p.issue,
                  "demand": p.demand[:100]} for p in found], title=f"{len(found)} positions")


def redlines(
    db: DbOption = None,
    declarer: Annotated[str | None, typer.Option(help="Part of the declarer's name, or its "
                                                      "country code.")] = None,
    status: Annotated[str | None, typer.Option(help="declared, crossed, answered, enforced "
                                                    "or not_enforced.")] = None,
    format: FormatOption = OutputFormat.table,
) -> None:
    """Red lines and conditional threats with their status: declared, crossed, enforced or not.

    Example: spiral redlines --declarer Putin --status enforced --format json
    """
    from spiral.records import RedLineStatus, to_dict
    from spiral.store import open_store

    settings = settings_for(db)
    if status is not None:
        status = validate.choice(status, get_args(RedLineStatus), field="--status")
    with open_store(settings.db, read_only=True) as store:
        found = [r for r in store.red_lines()
                 if (declarer is None or declarer == r.declarer.code
                     or declarer.lower() in r.declarer.entity_name.lower())
                 and (status is None or r.status == status)]
    if format is OutputFormat.json:
        print_json([to_dict(r) for r in found])
        return
    print_table([{"declared": r.date, "by": r.declarer.entity_name, "kind": r.kind,
                  "if": r.condition[:60], "then": r.consequence[:60], "status": r.status,
                  "crossed": r.crossed_date} for r in found], title=f"{len(found)} red lines")


def documents(
    db: DbOption = None,
    source: Annotated[str | None, typer.Option(help="Outlet, e.g. Reuters.")] = None,
    limit: Annotated[int, typer.Option(help="Rows shown.")] = 50,
    format: FormatOption = OutputFormat.table,
) -> None:
    """Stored documents: date, outlet, title, the file (and line) each came from, and how its
    bytes were decoded (charset and why).

    Example: spiral documents --source Reuters --format json
    """
    import polars as pl

    from spiral.store import open_store

    settings = settings_for(db)
    with open_store(settings.db, read_only=True) as store:
        found = store.documents_frame(with_text=False)
    if source is not None:
        found = found.filter(pl.col("source").str.to_lowercase() == source.lower())
    shown = found.sort("published", "origin", nulls_last=True).head(limit)
    if format is OutputFormat.json:
        print_json(shown.to_dicts())
        return
    print_table([{"published": r["published"].date() if r["published"] else None,
                  "source": r["source"], "title": r["title"][:60], "origin": r["origin"],
                  "charset": f"{r['charset']} ({r['charset_reason']})" if r["charset"] else ""}
                 for r in shown.iter_rows(named=True)], title=f"{found.height} documents")


def status(db: DbOption = None, format: FormatOption = OutputFormat.table) -> None:
    """Row counts per table of the store.

    Example: spiral status --format json
    """
    from spiral.store import open_store

    settings = settings_for(db)
    with open_store(settings.db, read_only=True) as store:
        counts, where = store.counts(), store.location
    if format is OutputFormat.json:
        print_json(counts)
    else:
        print_table([{"table": k, "rows": v} for k, v in counts.items()], title=where)


def export(
    out: Annotated[Path, typer.Option(
        "--out", "-o", help="File to write (a folder with --partition-by).")],
    db: DbOption = None,
    min_confidence: MinConfidenceOption = None,
    format: Annotated[ExportFormat, typer.Option("--format", "-f")] = ExportFormat.plover_jsonl,
    table: Annotated[str, typer.Option(help="events, stories (one row per real event), index "
                                            "(escalation measures per dyad and day), quotes, "
                                            "red_lines, positions, documents, actors, imports, "
                                            "mentions.")] = "events",
    partition_by: Annotated[Period | None, typer.Option(
        help="Write a Hive-partitioned Parquet folder, one part per period of the date "
             "(DuckDB, Spark and polars read it as one table).")] = None,
    include_negated: Annotated[bool, typer.Option(
        "--include-negated", help="Keep negated and hypothetical events.")] = False,
) -> None:
    """Export a table as PLOVER JSON lines (events), JSON lines, CSV or Parquet, or a
    partitioned Parquet folder; stories and the escalation index too.

    Example: spiral export --format parquet --table stories --out out/stories.parquet
    """
    from spiral.store import open_store

    settings = settings_for(db)
    with open_store(settings.db, read_only=True) as store:
        if table in ("stories", "index"):
            from spiral.analysis.escalation import covered_days, escalation_index
            from spiral.analysis.stories import STORY_COLUMNS, stories
            from spiral.errors import InputError
            from spiral.store import exports

            if format is ExportFormat.plover_jsonl or partition_by:
                raise InputError(f"--table {table} has no PLOVER form and no partitions; use "
                                 "--format jsonl, csv or parquet")
            events = store.events_frame(columns=STORY_COLUMNS, ordered=False)
            documents = store.documents_frame()
            found = stories(events, min_confidence=min_confidence)
            frame = found if table == "stories" else escalation_index(
                found, covered_days=covered_days(documents, events)).drop("covered")
            path = exports.write(frame, format.value, out, table=table, protected=store.files())
        else:
            path = store.export(format.value, out, table=table, min_confidence=min_confidence,
                                partition_by=partition_by.value if partition_by else None,
                                include_negated=include_negated)
    console.print(f"wrote {path}")


class Period(str, Enum):
    year = "year"
    month = "month"
    day = "day"


class DataSet(str, Enum):
    gdelt = "gdelt"
    gdelt_mentions = "gdelt-mentions"
    icews = "icews"
    polecat = "polecat"
    acled = "acled"


def import_(
    system: Annotated[DataSet, typer.Argument(help="Which data set the file comes from.")],
    file: Annotated[Path, typer.Argument(help="The export file: plain, .gz or .zip.")],
    more: Annotated[list[Path] | None, typer.Argument(
        help="More files of the same data set, e.g. a year of GDELT 15-minute files.",
        show_default=False)] = None,
    db: DbOption = None,
    workers: Annotated[int | None, typer.Option(
        help="Read the files on a local Dask cluster of N worker processes.", min=1)] = None,
    scheduler: Annotated[str | None, typer.Option(
        help="Read the files on the running Dask cluster at tcp://HOST:PORT.")] = None,
    format: FormatOption = OutputFormat.table,
) -> None:
    """Import GDELT (1.0 or 2.0, events or mentions), ICEWS, POLECAT or ACLED events into the
    store, mapped to PLOVER.

    Bad rows are quarantined with file:line and the reason, and the rest is imported; the file
    is imported all or nothing, and importing it again changes nothing. Exits 2 when nothing
    could be stored.

    Several files can be read in parallel on Dask (--workers, --scheduler); this process writes
    each file, all or nothing.

    Example: spiral import gdelt 20241121.export.CSV.zip --db spiral.duckdb
    """
    from spiral.serve import jobs
    from spiral.store import open_store

    settings = settings_for(db)
    files = [file, *(more or [])]
    with open_store(settings.db) as store, progress_bar(f"importing {system.value}") as bar:
        if workers is not None or scheduler is not None:
            summary = jobs.import_events_distributed(store, system.value, files, workers=workers,
                                                     scheduler=scheduler, progress=bar.advance)
        else:
            summary = jobs.import_events_many(store, system.value, files, progress=bar.advance)
    if format is OutputFormat.json:
        print_json({"system": summary.system, "path": summary.path, "n_read": summary.n_read,
                    "n_stored": summary.n_stored, "n_new": summary.n_new,
                    "n_quarantined": len(summary.quarantined), "n_unmapped": summary.n_unmapped,
                    "unmapped": summary.unmapped, "n_repeated_ids": summary.n_repeated_ids,
                    "already_imported": summary.already_imported,
                    "quarantined": [{"origin": q.origin, "reason": q.reason}
                                    for q in summary.quarantined]})
        return
    if summary.already_imported:
        console.print(f"{summary.path} was imported before, unchanged: {summary.n_stored} "
                      f"{summary.system} records stored from {summary.n_read} rows; nothing to do")
        return
    noun = "mentions" if system is DataSet.gdelt_mentions else "events"
    console.print(f"{summary.n_read} {summary.system} rows read: {summary.n_stored} {noun} "
                  f"stored ({summary.n_new} new), {len(summary.quarantined)} quarantined, "
                  f"{summary.n_unmapped} not mapped to PLOVER", highlight=False)
    for reason, n in summary.unmapped.items():
        console.print(f"  not mapped, {n} rows: {reason}", highlight=False)
    if summary.n_repeated_ids:
        console.print(f"  {summary.n_repeated_ids} rows repeat an id of the file; kept apart "
                      "(see the data set's notes)", highlight=False)
    for item in summary.quarantined[:20]:
        console.print(f"  quarantined {item.origin}: {item.reason}", highlight=False)
    if len(summary.quarantined) > 20:
        console.print(f"  ... and {len(summary.quarantined) - 20} more in the quarantine table",
                      highlight=False)


def register(app: typer.Typer) -> None:
    app.command("import")(import_)
    app.command()(events)
    app.command()(index)
    app.command()(quotes)
    app.command()(redlines)
    app.command()(positions)
    app.command()(documents)
    app.command()(status)
    app.command()(export)
