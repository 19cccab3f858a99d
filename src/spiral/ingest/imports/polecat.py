"""POLECAT: PLOVER-coded events, tab-separated with a header (types, modes and contexts given)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import polars as pl

from spiral import plover
from spiral.ingest.imports.common import (
    Quarantine,
    batches,
    entity_json,
    finish,
    native_json,
    scored,
)


def read_polecat(path: Path, quarantine: Quarantine) -> Iterator[pl.DataFrame]:
    """Frames of events (the store's events columns), block by block."""
    for first_line, raw in batches(path, delimiter="\t"):
        frame = raw.with_columns(
            pl.col("Event Type").str.to_uppercase().str.strip_chars().alias("event_type"),
            pl.col("Event Mode").str.to_lowercase().str.strip_chars().alias("mode"),
        ).with_columns(
            pl.when(pl.col("event_type").is_in(list(plover.EVENT_TYPES)))
            .then(pl.col("event_type")).otherwise(None).alias("event_type"))
        frame = scored(frame).with_columns(
            ("polecat:" + pl.col("Event ID")).alias("id"),
            ("polecat:" + pl.col("Event ID")).alias("doc_id"),
            pl.col("Event Date").str.slice(0, 10).str.to_date("%Y-%m-%d", strict=False).alias("date"),
            pl.col("Actor Country").str.slice(0, 3).alias("actor_code"),
            pl.col("Recipient Country").str.slice(0, 3).alias("recipient_code"),
            pl.col("Contexts").str.split(";").list.eval(pl.element().str.strip_chars())
            .list.filter(pl.element() != "").alias("context"),
            pl.lit("").alias("cameo"),
            pl.col("Headline").alias("text"),
            native_json(raw.columns),
        ).with_columns(
            entity_json("Actor Name", "Actor Name", "actor_code", "Primary Actor Sector").alias("actor"),
            entity_json("Recipient Name", "Recipient Name", "recipient_code",
                        "Primary Recipient Sector").alias("recipient"),
        )
        yield finish(frame, system="polecat", path=path, first_line=first_line,
                     quarantine=quarantine, required=["Event ID", "Event Type"], date_field="Event Date")
