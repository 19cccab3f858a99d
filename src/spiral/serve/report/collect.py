"""Gather what the report shows from the store, through the analysis stage."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import polars as pl

from spiral.analysis.crossings import assess_red_lines
from spiral.analysis.escalation import covered_days, escalation_index
from spiral.analysis.reach import group_red_lines, top_statements
from spiral.analysis.stories import stories
from spiral.serve.report.dynamics import dynamics_rows
from spiral.serve.report.model import ReportData, Rows
from spiral.store import Store

N_TOP_DYADS = 6
N_TOP_QUOTES = 25
STATUS_ORDER = {"declared": 0, "crossed": 1, "not_enforced": 2, "answered": 3, "enforced": 4}


def collect(store: Store, *, title: str, scenario_files: list[Path] = (),
            min_confidence: float | None = None) -> ReportData:
    """Everything the report shows, computed from what the store holds now; story events count
    mentions at or above `min_confidence` (by default the calibrated threshold)."""
    documents = store.documents_frame()
    events = store.events_frame()
    story_frame = stories(events, min_confidence=min_confidence)
    daily = escalation_index(story_frame, freq="day", covered_days=covered_days(documents, events))
    dynamics = dynamics_rows(events, list(scenario_files))
    docs = {row["doc_id"]: row for row in documents.select("doc_id", "text", "url", "source")
            .iter_rows(named=True)}
    published = documents["published"].drop_nulls()
    period = (f"{published.min():%d %b %Y} to {published.max():%d %b %Y}"
              if published.len() else "no dated reports")
    counts = store.counts()
    return ReportData(
        title=title,
        subtitle=f"{counts['documents']} reports, {period}. Every row links to the sentence "
                 "it came from.",
        summary={
            "reports": counts["documents"],
            "event mentions": counts["events"],
            "story events": story_frame.height,
            "actors (per report)": counts["actors"],
            "quotes": counts["quotes"],
            "red lines": counts["red_lines"],
        },
        index_rows=_index_rows(daily),
        dyad_rows=_dyad_rows(daily),
        story_rows=_story_rows(story_frame, docs),
        quote_rows=_quote_rows(store.quotes_frame(), docs),
        red_line_rows=_red_line_rows(store, story_frame, docs),
        **dynamics,
    )


def _index_rows(daily: pl.DataFrame) -> Rows:
    """Dyad-days with stories, for the busiest dyads (quiet covered days would only add zeros)."""
    top = (daily.group_by("dyad").agg(pl.col("rivera_score").sum())
           .sort(["rivera_score", "dyad"], descending=[True, False])["dyad"].head(N_TOP_DYADS))
    return [{**row, "date": str(row["date"])} for row in
            daily.filter(pl.col("dyad").is_in(top.to_list()) & (pl.col("n_stories") > 0))
            .select("dyad", "date", "rivera_score", "ladder_group", "ladder_label", "n_stories")
            .iter_rows(named=True)]


def _dyad_rows(daily: pl.DataFrame) -> Rows:
    return (daily.group_by("actor_code", "recipient_code")
            .agg(pl.col("n_stories").sum(), pl.col("rivera_score").sum(),
                 pl.col("ladder_group").max())
            .sort("actor_code", "recipient_code").to_dicts())


def _story_rows(story_frame: pl.DataFrame, docs: dict[str, dict[str, Any]]) -> Rows:
    rows = []
    for story in story_frame.iter_rows(named=True):
        doc = docs.get(story["doc_ids"][0], {})
        rows.append({**story, "date": str(story["date"] or ""), "url": doc.get("url", ""),
                     "source": ", ".join(story["sources"])})
    return rows


def _red_line_rows(store: Store, story_frame: pl.DataFrame,
                   docs: dict[str, dict[str, Any]]) -> Rows:
    lines = store.red_lines()
    as_of = story_frame["date"].max() if story_frame.height else None
    _, evidence = assess_red_lines(lines, story_frame, as_of=as_of or date.today(),
                                   statements=store.quotes())
    # one row per declaration, however many outlets reported it
    frame = store.red_lines_frame()
    groups = group_red_lines(frame.with_columns(
        pl.col("doc_id").replace_strict({k: d.get("source", "") for k, d in docs.items()},
                                        default="", return_dtype=pl.String).alias("source")))
    reach = {r["id"]: r for r in groups.filter(pl.col("id") == pl.col("group_id"))
             .iter_rows(named=True)}
    by_id = {line.id: line for line in lines}
    # the group shows its most advanced report's status and evidence
    lead = {}
    for member in groups.iter_rows(named=True):
        best = lead.get(member["group_id"])
        if best is None or (STATUS_ORDER.get(by_id[member["id"]].status, 0)
                            > STATUS_ORDER.get(by_id[best].status, 0)):
            lead[member["group_id"]] = member["id"]
    rows = []
    for line in lines:
        if line.id not in reach:
            continue
        doc = docs.get(line.doc_id, {})
        judged = by_id[lead[line.id]]
        steps = [f"declared {line.date}"] + [
            f"{e['step']} {e['date']}: {e['text'][:90]}"
            for e in evidence.filter(pl.col("red_line_id") == judged.id).iter_rows(named=True)]
        rows.append({"date": str(line.date or ""), "declarer": line.declarer.entity_name,
                     "addressee": ", ".join(a.code for a in line.addressee),
                     "condition": line.condition, "consequence": line.consequence,
                     "status": judged.status, "steps": steps,
                     "n_reports": reach[line.id]["n_reports"],
                     "n_sources": reach[line.id]["n_sources"],
                     "sentence": doc.get("text", "")[line.start:line.end],
                     "url": doc.get("url", ""), "source": doc.get("source", "")})
    return rows


def _quote_rows(quotes: pl.DataFrame, docs: dict[str, dict[str, Any]]) -> Rows:
    """The most widely reported statements of the most senior speakers, one report each."""
    sources = pl.DataFrame({"doc_id": list(docs), "source": [d.get("source", "") for d in
                                                             docs.values()]},
                           schema={"doc_id": pl.String, "source": pl.String})
    quotes = top_statements(quotes.join(sources, on="doc_id", how="left").with_columns(
        pl.col("speaker").str.json_path_match("$.role").fill_null("").alias("speaker_role")),
        N_TOP_QUOTES)
    rows = []
    for quote in quotes.iter_rows(named=True):
        speaker = json.loads(quote["speaker"]) if quote["speaker"] else None
        doc = docs.get(quote["doc_id"], {})
        rows.append({"date": str(quote["date"] or ""),
                     "speaker": speaker["entity_name"] if speaker else quote["speaker_text"],
                     "anonymous": quote["anonymous"], "content": quote["content"],
                     "kind": quote["kind"], "sentence": quote["content"],
                     "url": doc.get("url", ""), "source": doc.get("source", "")})
    return rows
