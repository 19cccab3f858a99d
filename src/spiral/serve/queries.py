"""Filters and derived views over the catalog, shared by the HTTP API and the dashboard.

Every filter value arrives validated (spiral.validate); these functions only select.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

import polars as pl

from spiral.errors import InputError, ModelError
from spiral.serve.catalog import Catalog

if TYPE_CHECKING:
    from spiral.serve.api.paging import Listing

DEFAULT_DIMS = ("RUS->UKR:material_conflict", "UKR->RUS:material_conflict")


@dataclass(frozen=True, slots=True)
class EventFilter:
    """What the events and story-event listings filter by; None is no filter."""

    actor: str | None = None
    recipient: str | None = None
    dyad: str | None = None
    event_type: str | None = None
    mode: str | None = None
    since: date | None = None
    until: date | None = None
    source: str | None = None
    system: str | None = None
    min_sources: int | None = None
    min_confidence: float | None = None


@dataclass(frozen=True, slots=True)
class Where:
    """A filter: `equal` column values (a listing answers them from its postings) and other
    conditions, all of which must hold."""

    equal: dict[str, Any]
    conditions: list[pl.Expr]

    def apply(self, frame: pl.DataFrame) -> pl.DataFrame:
        """The rows of `frame` that match, in its order."""
        conditions = [pl.col(c) == v for c, v in self.equal.items()] + self.conditions
        return frame.filter(pl.all_horizontal(conditions)) if conditions else frame

    def rows(self, frame: pl.DataFrame, listing: Listing | None) -> pl.DataFrame:
        """The matching rows of `listing` (in its order) if given, else of `frame`."""
        if listing is None:
            return self.apply(frame)
        return listing.matching(equal=self.equal, conditions=self.conditions)


def _pair_and_window(f: EventFilter, day: str) -> Where:
    """Actor, recipient or dyad, and the date window on column `day`.

    >>> w = _pair_and_window(EventFilter(actor="RUS", dyad="RUS~UKR"), "date")
    >>> w.equal, w.conditions
    ({'actor_code': 'RUS', 'recipient_code': 'UKR', 'directed': False}, [])
    """
    equal = {column: value for column, value in (("actor_code", f.actor),
                                                  ("recipient_code", f.recipient)) if value}
    conditions = []
    if f.dyad:
        undirected = "~" in f.dyad
        actor, _, recipient = f.dyad.partition("~" if undirected else "-")
        # an unordered pair (ACLED's) is its own row, never part of a directed dyad
        for column, value in (("actor_code", actor), ("recipient_code", recipient),
                              ("directed", not undirected)):
            if equal.setdefault(column, value) != value:
                conditions.append(pl.lit(False))  # a dyad other than the actor asked for
    if f.since:
        conditions.append(pl.col(day) >= f.since)
    if f.until:
        conditions.append(pl.col(day) <= f.until)
    return Where(equal, conditions)


def _coded(f: EventFilter) -> Where:
    where = _pair_and_window(f, "date")
    where.equal.update({c: v for c, v in (("event_type", f.event_type), ("mode", f.mode)) if v})
    return where


def event_where(f: EventFilter) -> Where:
    """The filter of event mentions."""
    where = _coded(f)
    if f.source:
        where.conditions.append(pl.col("source").str.to_lowercase() == f.source.lower())
    if f.system:
        where.equal["system"] = f.system
    if f.min_confidence is not None:
        where.conditions.append(pl.col("confidence") >= f.min_confidence)
    return where


def story_where(f: EventFilter) -> Where:
    """The filter of story events."""
    where = _coded(f)
    if f.source:
        where.conditions.append(pl.col("sources").list.eval(pl.element().str.to_lowercase())
                                .list.contains(f.source.lower()))
    if f.min_sources:
        where.conditions.append(pl.col("n_sources") >= f.min_sources)
    return where


def events(catalog: Catalog, f: EventFilter, *, base: Listing | None = None) -> pl.DataFrame:
    """Event mentions, as coded or imported (in the order of `base`, a listing, if given)."""
    return event_where(f).rows(catalog.frame("events") if base is None else base.rows, base)


def stories(catalog: Catalog, f: EventFilter, *, base: Listing | None = None) -> pl.DataFrame:
    """Story events: one real event, however many reports (in the order of `base` if given)."""
    return story_where(f).rows(catalog.stories() if base is None else base.rows, base)


def story_mentions(catalog: Catalog, story_id: str) -> tuple[dict[str, Any], pl.DataFrame]:
    """A story event and its mentions (each with its document, sentence and offsets)."""
    found = catalog.stories().filter(pl.col("story_id") == story_id)
    if found.is_empty():
        raise LookupError(f"no story event {story_id!r}")
    story = found.row(0, named=True)
    mentions = catalog.frame("events").filter(pl.col("id").is_in(story["mention_ids"]))
    return story, mentions.sort("published", "id", nulls_last=True)


def ranked_quotes(catalog: Catalog) -> pl.DataFrame:
    """Quotes with their reach (reports, outlets) and the speaker's seniority, widest first."""
    from spiral.analysis.reach import rank_quotes

    return catalog.derived("quotes", lambda: rank_quotes(catalog.frame("quotes").with_columns(
        pl.col("speaker").struct.field("role").fill_null("").alias("speaker_role"))))


def quotes(catalog: Catalog, *, speaker: str | None = None, country: str | None = None,
           since: date | None = None, until: date | None = None,
           source: str | None = None) -> pl.DataFrame:
    """Quotes with their reach (reports, outlets) and the speaker's seniority, widest first."""
    return quote_where(speaker=speaker, country=country, since=since, until=until,
                       source=source).apply(ranked_quotes(catalog))


def quote_where(*, speaker: str | None = None, country: str | None = None,
                since: date | None = None, until: date | None = None,
                source: str | None = None) -> Where:
    """The filter of quotes: part of the speaker's name, their country, dates, outlet."""
    conditions = []
    if speaker:
        needle = speaker.lower()
        conditions.append(pl.col("speaker_text").str.to_lowercase().str.contains(needle,
                                                                                   literal=True)
                          | pl.col("speaker").struct.field("entity_name").fill_null("")
                          .str.to_lowercase().str.contains(needle, literal=True))
    if since:
        conditions.append(pl.col("date") >= since)
    if until:
        conditions.append(pl.col("date") <= until)
    if source:
        conditions.append(pl.col("source").str.to_lowercase() == source.lower())
    return Where({"speaker_code": country} if country else {}, conditions)


def red_line_board(catalog: Catalog) -> pl.DataFrame:
    """One row per declared red line (its reports grouped), with its status assessed against
    the story events now known and the evidence of each step."""
    return catalog.derived("red_lines", lambda: _board(catalog))


def _board(catalog: Catalog) -> pl.DataFrame:
    from spiral.analysis.crossings import assess_red_lines
    from spiral.analysis.reach import group_red_lines
    from spiral.store.rows import quote_record, red_line_record

    frame = catalog.frame("red_lines")
    story_frame = catalog.stories()
    stored = catalog.frame("raw_red_lines")
    lines = [red_line_record(r) for r in stored.iter_rows(named=True)]
    statements = [quote_record(r) for r in catalog.frame("raw_quotes").iter_rows(named=True)]
    as_of = story_frame["date"].max() if story_frame.height else None
    updated, evidence = assess_red_lines(lines, story_frame, as_of=as_of or date.today(),
                                         statements=statements)
    status = {line.id: (line.status, line.crossed_date) for line in updated}
    steps: dict[str, list[dict[str, Any]]] = {}
    for row in evidence.iter_rows(named=True):
        steps.setdefault(row.pop("red_line_id"), []).append(row)
    grouped = group_red_lines(frame).with_columns(
        pl.col("id").replace_strict({k: v[0] for k, v in status.items()}, default=None,
                                    return_dtype=pl.String).alias("status"),
        pl.col("id").replace_strict({k: v[1] for k, v in status.items()}, default=None,
                                    return_dtype=pl.Date).alias("crossed_date"))
    # a group's status is its most advanced report's; its evidence that report's
    order = {"declared": 0, "crossed": 1, "not_enforced": 2, "answered": 3, "enforced": 4}
    rows = []
    for group in grouped.partition_by("group_id", maintain_order=True):
        members = group.to_dicts()
        lead = max(members, key=lambda r: (order.get(r["status"], 0), -members.index(r)))
        first = members[0]
        rows.append({**first, "status": lead["status"], "crossed_date": lead["crossed_date"],
                     "steps": steps.get(lead["id"], [])})
    step_type = pl.List(pl.Struct({"step": pl.String, "story_id": pl.String,
                                   "quote_id": pl.String, "date": pl.Date, "text": pl.String}))
    if not rows:
        return grouped.with_columns(pl.lit([], dtype=step_type).alias("steps")).head(0)
    return pl.DataFrame(rows, schema={**grouped.schema, "steps": step_type})


def actors(catalog: Catalog) -> pl.DataFrame:
    """One row per actor (code and name) with its roles over time, from its mentions."""
    return catalog.derived("actors", lambda: _actors(catalog.frame("actors")))


def _actors(frame: pl.DataFrame) -> pl.DataFrame:
    seen = frame.with_columns(
        pl.col("entity").struct.field("role").fill_null("").alias("role"),
        pl.col("published").dt.date().alias("day"),
        pl.col("mentions").list.len().alias("n_mentions"))
    roles = (seen.filter(pl.col("role") != "")
             .group_by("code", "entity_name", "role")
             .agg(pl.col("day").min().alias("first_seen"), pl.col("day").max().alias("last_seen"),
                  pl.col("doc_id").n_unique().cast(pl.Int64).alias("n_documents"))
             .sort("first_seen", "role", nulls_last=True)
             .group_by("code", "entity_name", maintain_order=True)
             .agg(pl.struct("role", "first_seen", "last_seen", "n_documents").alias("roles")))
    totals = seen.group_by("code", "entity_name").agg(
        pl.col("doc_id").n_unique().cast(pl.Int64).alias("n_documents"),
        pl.col("n_mentions").sum().cast(pl.Int64),
        pl.col("day").min().alias("first_seen"), pl.col("day").max().alias("last_seen"))
    return totals.join(roles, on=["code", "entity_name"], how="left").with_columns(
        pl.col("roles").fill_null([]),
        pl.concat_str("code", pl.lit("|"), "entity_name").alias("key"))


def index_table(catalog: Catalog, freq: str) -> pl.DataFrame:
    """The whole escalation index, its period column named `period`, with a row `key`."""
    from spiral.analysis.escalation import period_column

    return catalog.derived(("index_table", freq), lambda: catalog.index(freq).rename(
        {period_column(freq): "period"}).with_columns(
        pl.concat_str("dyad", pl.lit("|"), pl.col("period").cast(pl.String)).alias("key")))


def index(catalog: Catalog, *, freq: str, f: EventFilter,
          base: Listing | None = None) -> pl.DataFrame:
    """Escalation index rows (period column named `period`), filtered by dyad and dates (in
    the order of `base`, a listing of the index at `freq`, if given)."""
    return index_where(f).rows(index_table(catalog, freq) if base is None else base.rows, base)


def index_where(f: EventFilter) -> Where:
    """The filter of the escalation index: dyad and the window on `period`."""
    return _pair_and_window(f, "period")


def dyad_totals(catalog: Catalog, f: EventFilter) -> pl.DataFrame:
    """Per directed dyad over the window: stories, summed score, highest ladder group."""
    def compute() -> pl.DataFrame:
        table = index(catalog, freq="day", f=EventFilter(since=f.since, until=f.until))
        return (table.group_by("dyad", "actor_code", "recipient_code")
                .agg(pl.col("n_stories").sum().cast(pl.Int64),
                     pl.col("rivera_score").sum().cast(pl.Int64),
                     pl.col("ladder_group").max())
                .filter(pl.col("n_stories") > 0).sort("dyad"))
    return catalog.derived(("dyad_totals", f.since, f.until), compute)


# search ------------------------------------------------------------------------------------

SEARCHABLE = {
    "event": ("events", "id", "text", "date", "source"),
    "quote": ("quotes", "id", "content", "date", "speaker_text"),
    "document": ("documents", "doc_id", "text", "published", "title"),
}


def search(catalog: Catalog, q: str, *, kinds: tuple[str, ...] = tuple(SEARCHABLE),
           limit: int = 50) -> pl.DataFrame:
    """Rows whose text has every word of `q` (case-insensitive), most occurrences first.

    DuckDB's full-text extension would rank by BM25, but it is downloaded at run time and this
    server never downloads; on a corpus of crisis reports, term counts rank well enough.
    """
    terms = [t for t in re.findall(r"\w+", q.lower()) if len(t) > 1]
    if not terms:
        raise InputError(f"q={q!r} has no word to search for; give at least one word of two "
                         "letters or more")
    found = []
    for kind in kinds:
        table, id_column, text_column, date_column, title_column = SEARCHABLE[kind]
        frame = catalog.frame(table)
        lower = pl.col(text_column).str.to_lowercase()
        hits = frame.filter(pl.all_horizontal([lower.str.contains(t, literal=True)
                                               for t in terms]))
        if hits.is_empty():
            continue
        score = pl.sum_horizontal([lower.str.count_matches(re.escape(t)) for t in terms])
        first = lower.str.find(re.escape(terms[0])).fill_null(0).cast(pl.Int64)
        found.append(hits.select(
            pl.lit(kind).alias("kind"), pl.col(id_column).alias("id"), pl.col("doc_id"),
            (pl.col(date_column).dt.date() if hits.schema[date_column] != pl.Date
             else pl.col(date_column)).alias("date"),
            pl.col(title_column).fill_null("").cast(pl.String).alias("title"),
            pl.col(text_column).str.slice((first - 80).clip(0), 240).alias("snippet"),
            score.cast(pl.Float64).alias("score")))
    if not found:
        return pl.DataFrame(schema={"kind": pl.String, "id": pl.String, "doc_id": pl.String,
                                    "date": pl.Date, "title": pl.String, "snippet": pl.String,
                                    "score": pl.Float64})
    return pl.concat(found).sort(["score", "date", "id"], descending=[True, True, False],
                                 nulls_last=True).head(limit)


# dynamics ----------------------------------------------------------------------------------

def fit_window(catalog: Catalog, dims: list[str]) -> tuple[date, date]:
    """The report's window: from the first dated story between the parties to the day after
    the last story of the chosen dimensions."""
    parties = {code for d in dims for code in d.split(":")[0].split("->")}
    dated = catalog.stories().filter(pl.col("date").is_not_null())
    between = dated.filter(pl.col("actor_code").is_in(list(parties))
                           & pl.col("recipient_code").is_in(list(parties)))
    if between.is_empty():
        raise ModelError(f"no dated story events between {sorted(parties)}; choose other dims")
    return between["date"].min(), between["date"].max() + timedelta(days=1)


def _window_of(catalog: Catalog, dims: list[str], origin: date | None,
               end: date | None) -> tuple[date, date]:
    """The window asked for, its open ends taken from `fit_window`."""
    if origin is None or end is None:
        first, last = fit_window(catalog, dims)
        origin, end = origin or first, end or last
    if end <= origin:
        raise InputError(f"end={end} is not after origin={origin}; the window must not be empty")
    return origin, end


def fit(catalog: Catalog, *, dims: list[str], origin: date | None, end: date | None,
        decay: float, n_boot: int) -> tuple[Any, dict[str, Any]]:
    """(StoreFit, its summary), cached per snapshot and parameters.

    The minimum-data rule and the verdict's words are the dynamics stage's
    (`evaluation.MINIMUM_DATA`, `evaluation.index_verdict`): below the rule this raises
    `TooFewEventsError`; without bootstrap refits the verdict is "no interval".
    """
    from spiral.dynamics.streams import fit_from_frame

    origin, end = _window_of(catalog, dims, origin, end)

    def compute() -> tuple[Any, dict[str, Any]]:
        result = fit_from_frame(catalog.raw_events(), origin=origin, end=end, dims=dims,
                                decays=[decay], n_boot=n_boot)
        summary = result.summary()
        summary["interval_90"] = [None if math.isnan(v) else v for v in summary["interval_90"]]
        return result, summary

    return catalog.derived(("fit", tuple(dims), origin, end, decay, n_boot), compute)


def backtest(catalog: Catalog, *, dims: list[str], origin: date | None, end: date | None,
             decay: float, step_days: int, min_train_days: int, n_runs: int) -> Any:
    """`streams.backtest_from_frame` on the window (weekly horizons), cached per snapshot and
    parameters; `TooFewEventsError` when no origin has enough training events."""
    from spiral.dynamics.streams import backtest_from_frame

    origin, end = _window_of(catalog, dims, origin, end)
    return catalog.derived(
        ("backtest", tuple(dims), origin, end, decay, step_days, min_train_days, n_runs),
        lambda: backtest_from_frame(catalog.raw_events(), origin=origin, end=end, dims=dims,
                                    decays=[decay], step_days=step_days,
                                    min_train_days=min_train_days, n_runs=n_runs))


def rolling(catalog: Catalog, *, dims: list[str], origin: date | None, end: date | None,
            decay: float, window_days: int, step_days: int, n_boot: int) -> pl.DataFrame:
    """The spiral index over time (`streams.rolling_from_frame`): one row per window, with
    "too few events to estimate" and no number where a window fails the minimum-data rule."""
    from spiral.dynamics.streams import rolling_from_frame

    origin, end = _window_of(catalog, dims, origin, end)

    def compute() -> pl.DataFrame:
        rows = rolling_from_frame(catalog.raw_events(), origin=origin, end=end, dims=dims,
                                  decays=[decay], window_days=window_days, step_days=step_days,
                                  n_boot=n_boot)
        return pl.DataFrame(rows, schema=ROLLING_SCHEMA).with_columns(
            pl.col("from", "to").str.to_date())

    return catalog.derived(("rolling", tuple(dims), origin, end, decay, window_days, step_days,
                            n_boot), compute)


ROLLING_SCHEMA = {"from": pl.String, "to": pl.String, "n_events": pl.Int64,
                  "events_per_dim": pl.List(pl.Int64), "spiral_index": pl.Float64,
                  "low": pl.Float64, "high": pl.Float64, "decay_per_day": pl.Float64,
                  "verdict": pl.String}


def qq(fitted: Any) -> pl.DataFrame:
    """Per dimension, quantiles of the fit's time-rescaled residuals against Exp(1)'s, with
    the Kolmogorov-Smirnov p-value of the dimension's residuals."""
    p_values = {t["dim"]: t["p_value"] for t in fitted.summary()["goodness_of_fit"]}
    rows = [{**row, "p_value": p_values[row["dim"]]} for row in fitted.qq_rows()]
    return pl.DataFrame(rows, schema={"dim": pl.String, "expected": pl.Float64,
                                      "observed": pl.Float64, "p_value": pl.Float64})


def forecast(catalog: Catalog, fitted: Any, scenario: Any | None, *, horizon_days: int,
             n_runs: int, bin_days: int) -> pl.DataFrame:
    """Observed counts per dimension and bin, then the simulated mean and 5-95% band."""
    from spiral.dynamics.streams import forecast as simulate

    bands = simulate(fitted, scenario, horizon_days=horizon_days, bin_days=bin_days,
                     n_runs=n_runs).with_columns(pl.lit(False).alias("observed"))
    history = fitted.history
    names = fitted.dim_names
    observed = pl.DataFrame({"time": history.times, "dim": history.dims}).with_columns(
        (pl.col("time") // bin_days).cast(pl.Int64).alias("bin"))
    counts = observed.group_by("dim", "bin").len()
    n_bins = max(1, math.ceil((fitted.end - fitted.origin).days / bin_days))
    grid = pl.DataFrame({"dim": list(range(len(names)))}).join(
        pl.DataFrame({"bin": list(range(n_bins))}), how="cross")
    past = grid.join(counts, on=["dim", "bin"], how="left").with_columns(
        pl.col("len").fill_null(0).cast(pl.Float64))
    name = bands["scenario"][0] if bands.height else "baseline"
    past = past.select(
        pl.lit(name).alias("scenario"),
        pl.col("dim").replace_strict(dict(enumerate(names)), return_dtype=pl.String),
        pl.col("bin").map_elements(lambda b: fitted.origin + timedelta(days=b * bin_days),
                                   return_dtype=pl.Date).alias("day"),
        *(pl.col("len").alias(c) for c in ("mean", "q05", "q50", "q95")),
        pl.lit(True).alias("observed"))
    return pl.concat([past, bands.select(past.columns)], how="vertical_relaxed")


def backtest_tables(result: Any) -> tuple[pl.DataFrame, pl.DataFrame]:
    """A backtest as tables: per dimension (skills with standard errors, interval coverages,
    the verdict in words, origins skipped by the minimum-data rule) and per origin and
    dimension. A standard error that cannot be estimated (one origin) is null."""
    summary = [{**{k: (v if not isinstance(v, float) or math.isfinite(v) else None)
                   for k, v in row.items()}, "n_skipped_origins": result.n_skipped}
               for row in result.summary()]
    return (pl.DataFrame(summary, infer_schema_length=None),
            pl.DataFrame(result.rows, infer_schema_length=None))
