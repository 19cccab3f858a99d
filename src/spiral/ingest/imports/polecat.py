"""POLECAT: PLOVER-coded events, tab-separated with a header (types, modes and contexts given).

Read as published: weekly .txt files and yearly .zip archives of monthly files. Their headers
vary: some name a `Headline` column no row has, some rows end in stray tabs, the weekly files
have no headline at all. The event's text is the headline when there is one. Countries come as
ISO codes or names; POLECAT's own intensity is kept in `source_intensity`.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import polars as pl

from spiral import plover
from spiral.countries import country_code
from spiral.ingest.imports.common import (
    ImportLog,
    entity_json,
    finish,
    mapped,
    members,
    native_json,
    number,
    rows,
    scored,
    tab_header,
)

TEXT_COLUMNS = ("Headline", "Event Text", "Story Title")
DATE_COLUMNS = ("Event Date", "Story Date", "Publication Date")


def _country(value: str) -> str:
    value = value.strip()
    if len(value) == 3 and value.isupper():
        return value
    return country_code(value) or ""


def read_polecat(path: Path, log: ImportLog) -> Iterator[pl.DataFrame]:
    """Frames of events (the store's events columns), block by block."""
    for member in members(path):
        names = tab_header(member, optional=("Headline",))
        if names is None:
            continue
        date_field = next((c for c in DATE_COLUMNS if c in names), "Event Date")
        for raw in rows(member, delimiter="\t", column_names=names, skip_header=True,
                        quoted=False, log=log, what="POLECAT"):
            yield finish(_mapped(raw, names, date_field), system="polecat", origin=member.origin,
                         log=log, required=["Event ID", "Event Type"], date_field=date_field,
                         date_formats="YYYY-MM-DD")


def _optional(names: list[str], column: str, default: str = "") -> pl.Expr:
    return pl.col(column) if column in names else pl.lit(default)


def _mapped(raw: pl.DataFrame, names: list[str], date_field: str) -> pl.DataFrame:
    text = next((c for c in TEXT_COLUMNS if c in names), None)
    frame = raw.with_columns(
        pl.col("Event Type").str.to_uppercase().str.strip_chars().alias("_type"),
        _optional(names, "Event Mode").str.to_lowercase().str.strip_chars().alias("mode"),
    ).with_columns(
        pl.when(pl.col("_type").is_in(list(plover.EVENT_TYPES)))
        .then(pl.col("_type")).otherwise(None).alias("event_type"),
        pl.when(pl.col("_type").is_in(list(plover.EVENT_TYPES))).then(None)
        .otherwise(pl.lit("POLECAT event type ") + pl.col("_type")
                   + pl.lit(" is not a PLOVER type")).alias("_unmapped"))
    return scored(frame).with_columns(
        ("polecat:" + pl.col("Event ID")).alias("id"),
        ("polecat:" + _optional(names, "Story ID")).alias("doc_id"),
        pl.col(date_field).str.slice(0, 10).str.to_date("%Y-%m-%d", strict=False).alias("date"),
        mapped(raw, "Actor Country", _country).alias("actor_code"),
        mapped(raw, "Recipient Country", _country).alias("recipient_code"),
        _optional(names, "Contexts").str.replace_all(",", ";", literal=True).str.split(";")
        .list.eval(pl.element().str.strip_chars())
        .list.eval(pl.element().filter(pl.element() != "")).alias("context"),
        pl.lit("").alias("cameo"),
        (pl.col(text) if text else pl.lit("")).alias("text"),
        (number("Intensity", pl.Float64) if "Intensity" in names
         else pl.lit(None, pl.Float64)).alias("source_intensity"),
        pl.lit(None, pl.Int64).alias("fatalities"),
        pl.lit(True).alias("directed"),
        native_json(names),
    ).with_columns(
        pl.when(pl.col("doc_id") == "polecat:").then(pl.col("id")).otherwise(pl.col("doc_id"))
        .alias("doc_id"),
        entity_json("Actor Name", "Actor Name", "actor_code", "Primary Actor Sector")
        .alias("actor"),
        entity_json("Recipient Name", "Recipient Name", "recipient_code",
                    "Primary Recipient Sector").alias("recipient"),
    )
