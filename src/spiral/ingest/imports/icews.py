"""ICEWS event files: tab-separated with a header, CAMEO-coded, countries by name.

ICEWS's `Event ID` is not unique in the published data (a few ids come twice, with different
event dates): an event's id is `icews:<Event ID>:<Event Date>`, and a row that repeats both is
kept apart under its line number. Repeated ids are counted in the import summary. ICEWS's own
intensity (a CAMEO/Goldstein-style score) is kept in `source_intensity`.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import polars as pl

from spiral.countries import country_code
from spiral.ingest.imports.common import (
    ImportLog,
    entity_json,
    finish,
    mapped,
    members,
    native_json,
    number,
    plover_columns,
    rows,
    scored,
    tab_header,
)

SECTOR_WORDS = {"MIL": ("Military", "Army", "Armed Forces", "Air Force", "Navy"),
                "GOV": ("Government", "Executive", "Cabinet", "Ministry", "Legislative",
                        "Foreign Ministry", "Elite"),
                "REB": ("Rebel", "Insurgent", "Separatist"),
                "MED": ("Media", "News"), "NGO": ("NGO", "Non-Governmental")}
# ICEWS writes ISO 3166 short names; these are ambiguous in news text, so only ICEWS reads them.
ICEWS_COUNTRIES = {"Congo": "COG", "Korea": "KOR", "Macedonia": "MKD"}


def icews_country(name: str) -> str | None:
    """ISO alpha-3 of a country as ICEWS writes it.

    >>> icews_country("Moldova, Republic of"), icews_country("Congo")
    ('MDA', 'COG')
    """
    return ICEWS_COUNTRIES.get(name.strip()) or country_code(name)


def _sector(sectors: str) -> str:
    for code, words in SECTOR_WORDS.items():
        if any(word in sectors for word in words):
            return code
    return ""


def read_icews(path: Path, log: ImportLog) -> Iterator[pl.DataFrame]:
    """Frames of events (the store's events columns), block by block."""
    seen: tuple[set[str], set[str]] = (set(), set())
    for member in members(path):
        names = tab_header(member)
        if names is None:
            continue
        for raw in rows(member, delimiter="\t", column_names=names, skip_header=True,
                        quoted=False, log=log, what="ICEWS"):
            frame = _mapped(raw, names)
            frame = _unique_ids(frame, seen, log)
            yield finish(frame, system="icews", origin=member.origin, log=log,
                         required=["Event ID", "CAMEO Code"], date_field="Event Date",
                         date_formats="YYYY-MM-DD")


def _mapped(raw: pl.DataFrame, names: list[str]) -> pl.DataFrame:
    frame = plover_columns(raw, "CAMEO Code")
    return scored(frame).with_columns(
        ("icews:" + pl.col("Story ID")).alias("doc_id"),
        pl.col("Event Date").str.slice(0, 10).str.to_date("%Y-%m-%d", strict=False).alias("date"),
        mapped(frame, "Source Country", icews_country).alias("actor_code"),
        mapped(frame, "Target Country", icews_country).alias("recipient_code"),
        mapped(frame, "Source Sectors", _sector).alias("_source_sector"),
        mapped(frame, "Target Sectors", _sector).alias("_target_sector"),
        pl.col("CAMEO Code").alias("cameo"),
        pl.col("Event Text").alias("text"),
        number("Intensity", pl.Float64).alias("source_intensity"),
        pl.lit(None, pl.Int64).alias("fatalities"),
        pl.lit(True).alias("directed"),
        native_json(names),
    ).with_columns(
        entity_json("Source Name", "Source Name", "actor_code", "_source_sector").alias("actor"),
        entity_json("Target Name", "Target Name", "recipient_code", "_target_sector")
        .alias("recipient"),
    )


def _unique_ids(frame: pl.DataFrame, seen: tuple[set[str], set[str]],
                log: ImportLog) -> pl.DataFrame:
    """`icews:<Event ID>:<Event Date>`; a repeat of both gets its line number too."""
    seen_event_ids, seen_ids = seen
    frame = frame.with_columns(
        ("icews:" + pl.col("Event ID") + ":" + pl.col("Event Date").str.slice(0, 10)).alias("id"))
    repeated = pl.col("Event ID").is_in(pl.Series(list(seen_event_ids), dtype=pl.String).implode()) \
        | (pl.col("Event ID").cum_count().over("Event ID") > 1)
    log.n_repeated_ids += int(frame.select(repeated.sum()).item())
    again = pl.col("id").is_in(pl.Series(list(seen_ids), dtype=pl.String).implode()) \
        | (pl.col("id").cum_count().over("id") > 1)
    frame = frame.with_columns(
        pl.when(again).then(pl.col("id") + ":L" + pl.col("_line").cast(pl.String))
        .otherwise(pl.col("id")).alias("id"))
    seen_event_ids.update(frame["Event ID"].to_list())
    seen_ids.update(frame["id"].to_list())
    return frame
