"""ICEWS event files: tab-separated with a header, CAMEO-coded, countries by name."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import polars as pl

from spiral.countries import country_code
from spiral.ingest.imports.common import (
    Quarantine,
    batches,
    entity_json,
    finish,
    native_json,
    plover_columns,
    scored,
)

SECTOR_WORDS = {"MIL": ("Military", "Army", "Armed Forces", "Air Force", "Navy"),
                "GOV": ("Government", "Executive", "Cabinet", "Ministry", "Legislative",
                        "Foreign Ministry", "Elite"),
                "REB": ("Rebel", "Insurgent", "Separatist"),
                "MED": ("Media", "News"), "NGO": ("NGO", "Non-Governmental")}


def _sector(sectors: str) -> str:
    for code, words in SECTOR_WORDS.items():
        if any(word in sectors for word in words):
            return code
    return ""


def _mapped(frame: pl.DataFrame, column: str, function) -> pl.Expr:
    values = frame[column].unique().to_list()
    return pl.col(column).replace_strict(values, [function(v) or "" for v in values],
                                         return_dtype=pl.String)


def read_icews(path: Path, quarantine: Quarantine) -> Iterator[pl.DataFrame]:
    """Frames of events (the store's events columns), block by block."""
    for first_line, raw in batches(path, delimiter="\t"):
        frame = plover_columns(raw, "CAMEO Code")
        frame = scored(frame).with_columns(
            ("icews:" + pl.col("Event ID")).alias("id"),
            ("icews:" + pl.col("Story ID")).alias("doc_id"),
            pl.col("Event Date").str.to_date("%Y-%m-%d", strict=False).alias("date"),
            _mapped(frame, "Source Country", country_code).alias("actor_code"),
            _mapped(frame, "Target Country", country_code).alias("recipient_code"),
            _mapped(frame, "Source Sectors", _sector).alias("_source_sector"),
            _mapped(frame, "Target Sectors", _sector).alias("_target_sector"),
            pl.col("CAMEO Code").alias("cameo"),
            pl.col("Event Text").alias("text"),
            native_json(raw.columns),
        ).with_columns(
            entity_json("Source Name", "Source Name", "actor_code", "_source_sector").alias("actor"),
            entity_json("Target Name", "Target Name", "recipient_code", "_target_sector")
            .alias("recipient"),
        )
        yield finish(frame, system="icews", path=path, first_line=first_line,
                     quarantine=quarantine, required=["Event ID", "CAMEO Code"], date_field="Event Date")
