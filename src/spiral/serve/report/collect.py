"""Gather what the report shows from the store, through the analysis and dynamics stages."""

from __future__ import annotations

import json
from typing import Any

import polars as pl

from spiral.serve.report.model import ReportData, Rows

N_TOP_QUOTES = 25
N_TOP_DYADS = 6


def build_report_data(*, title: str, subtitle: str, counts: dict[str, int],
                      stories: pl.DataFrame, daily_index: pl.DataFrame,
                      red_lines: Rows, quotes: pl.DataFrame, documents: pl.DataFrame,
                      spiral_index: Rows = (), forecast: pl.DataFrame | None = None) -> ReportData:
    """Shape analysis results into the report's rows.

    `stories` are story events, `daily_index` the per-dyad daily escalation index, `quotes` the
    store's quotes frame and `documents` its documents frame (for sentences and links).
    """
    docs = {row["doc_id"]: row for row in documents.select("doc_id", "text", "url", "source")
            .iter_rows(named=True)}
    top = _top_dyads(daily_index)
    index_rows = [
        {**row, "date": str(row["date"])}
        for row in daily_index.filter(pl.col("dyad").is_in(top))
        .drop_nulls("rivera_score").iter_rows(named=True)
    ]
    return ReportData(
        title=title,
        subtitle=subtitle,
        summary={
            "documents": counts.get("documents", 0),
            "event mentions": counts.get("events", 0),
            "story events": stories.height,
            "quotes": counts.get("quotes", 0),
            "red lines": counts.get("red_lines", 0),
            "positions": counts.get("positions", 0),
        },
        index_rows=index_rows,
        dyad_rows=_dyad_rows(daily_index),
        story_rows=_story_rows(stories, docs),
        red_line_rows=list(red_lines),
        quote_rows=_quote_rows(quotes, docs),
        spiral_index=list(spiral_index),
        forecast_rows=[] if forecast is None else [
            {**row, "day": str(row["day"])} for row in forecast.iter_rows(named=True)],
    )


def _top_dyads(daily_index: pl.DataFrame) -> list[str]:
    ranked = (daily_index.group_by("dyad").agg(pl.col("rivera_score").sum().alias("score"))
              .sort(["score", "dyad"], descending=[True, False]))
    return ranked["dyad"].head(N_TOP_DYADS).to_list()


def _dyad_rows(daily_index: pl.DataFrame) -> Rows:
    return (daily_index.group_by("actor_code", "recipient_code")
            .agg(pl.col("n_events").sum().alias("n_stories"),
                 pl.col("rivera_score").sum().alias("rivera_score"))
            .sort("actor_code", "recipient_code").to_dicts())


def _sentence(doc: dict[str, Any] | None, start: int, end: int) -> str:
    """The sentence around [start, end): from the previous sentence end to the next."""
    if doc is None:
        return ""
    text = doc["text"]
    left = max(text.rfind(mark, 0, start) for mark in (". ", "\n", "? ", "! "))
    right_candidates = [i for i in (text.find(mark, end) for mark in (". ", "\n")) if i != -1]
    right = min(right_candidates) + 1 if right_candidates else len(text)
    return text[left + 1 if left >= 0 else 0:right].strip()


def _story_rows(stories: pl.DataFrame, docs: dict[str, dict[str, Any]]) -> Rows:
    rows = []
    for story in stories.sort(["date", "story_id"], nulls_last=True).iter_rows(named=True):
        doc = docs.get(story["doc_ids"][0]) if story["doc_ids"] else None
        rows.append({**story, "date": str(story["date"] or ""),
                     "url": doc["url"] if doc else "", "source": doc["source"] if doc else ""})
    return rows


def _quote_rows(quotes: pl.DataFrame, docs: dict[str, dict[str, Any]]) -> Rows:
    rows = []
    ranked = quotes.with_columns(pl.col("content").str.len_chars().alias("_length")).sort(
        ["kind", "_length"], descending=[False, True])
    for quote in ranked.head(N_TOP_QUOTES).iter_rows(named=True):
        speaker = json.loads(quote["speaker"]) if quote.get("speaker") else None
        doc = docs.get(quote["doc_id"])
        rows.append({
            "date": str(quote["date"] or ""),
            "speaker": speaker["entity_name"] if speaker else quote["speaker_text"],
            "anonymous": quote["anonymous"],
            "content": quote["content"],
            "kind": quote["kind"],
            "sentence": _sentence(doc, quote["start"], quote["end"]),
            "url": doc["url"] if doc else "",
            "source": doc["source"] if doc else "",
        })
    return sorted(rows, key=lambda r: (r["date"], r["speaker"]))
