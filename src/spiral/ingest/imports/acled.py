"""ACLED CSV exports: ACLED's own event types (not CAMEO), mapped to PLOVER by our table."""

from __future__ import annotations

import re
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
    scored,
)

# ACLED sub-event type -> (PLOVER type, mode, context)
SUB_EVENTS: dict[str, tuple[str, str, list[str]]] = {
    "Armed clash": ("ASSAULT", "firearms", ["military"]),
    "Government regains territory": ("ASSAULT", "", ["military"]),
    "Non-state actor overtakes territory": ("ASSAULT", "", ["military"]),
    "Shelling/artillery/missile attack": ("ASSAULT", "artillery", ["military"]),
    "Air/drone strike": ("ASSAULT", "aerial", ["military"]),
    "Suicide bomb": ("ASSAULT", "explosives", []),
    "Remote explosive/landmine/IED": ("ASSAULT", "explosives", []),
    "Grenade": ("ASSAULT", "explosives", []),
    "Chemical weapon": ("ASSAULT", "", ["cbrn"]),
    "Attack": ("ASSAULT", "", []),
    "Abduction/forced disappearance": ("ASSAULT", "", []),
    "Sexual violence": ("ASSAULT", "", []),
    "Peaceful protest": ("PROTEST", "", []),
    "Protest with intervention": ("PROTEST", "", []),
    "Excessive force against protesters": ("COERCE", "", []),
    "Violent demonstration": ("PROTEST", "", []),
    "Mob violence": ("PROTEST", "", []),
    "Agreement": ("AGREE", "", []),
    "Arrests": ("COERCE", "arrest", []),
    "Looting/property destruction": ("COERCE", "seize", []),
    "Headquarters or base established": ("MOBILIZE", "troops", ["military"]),
    "Non-violent transfer of territory": ("RETREAT", "withdraw", []),
}
_OF_COUNTRY = re.compile(r"\bof ([A-Z][\w' -]+?)(?: \(|$)")
_IN_PARENS = re.compile(r"\(([A-Z][\w' -]+)\)")


def actor_country(name: str) -> str:
    """'Military Forces of Russia (2000-)' -> RUS; 'Civilians (Ukraine)' -> UKR."""
    for pattern in (_OF_COUNTRY, _IN_PARENS):
        match = pattern.search(name or "")
        if match and (code := country_code(match.group(1))):
            return code
    return ""


def _sector(name: str) -> str:
    if name.startswith(("Military Forces", "Police Forces")):
        return "MIL"
    if name.startswith("Government of"):
        return "GOV"
    if name.startswith(("Protesters", "Rioters", "Civilians")):
        return "CVL"
    return "REB" if name else ""


def _mapped(frame: pl.DataFrame, column: str, function) -> pl.Expr:
    values = frame[column].unique().to_list()
    return pl.col(column).replace_strict(values, [function(v) for v in values],
                                         return_dtype=pl.String)


def read_acled(path: Path, quarantine: Quarantine) -> Iterator[pl.DataFrame]:
    """Frames of events (the store's events columns), block by block."""
    for first_line, raw in batches(path, delimiter=","):
        kinds = raw["sub_event_type"].unique().to_list()
        frame = raw.with_columns(
            pl.col("sub_event_type").replace_strict(
                kinds, [SUB_EVENTS.get(k, (None, "", []))[0] for k in kinds],
                return_dtype=pl.String).alias("event_type"),
            pl.col("sub_event_type").replace_strict(
                kinds, [SUB_EVENTS.get(k, (None, "", []))[1] for k in kinds],
                return_dtype=pl.String).alias("mode"),
            pl.col("sub_event_type").replace_strict(
                kinds, [SUB_EVENTS.get(k, (None, "", []))[2] for k in kinds],
                return_dtype=pl.List(pl.String)).alias("context"),
        )
        frame = scored(frame).with_columns(
            ("acled:" + pl.col("event_id_cnty")).alias("id"),
            ("acled:" + pl.col("event_id_cnty")).alias("doc_id"),
            pl.coalesce(pl.col("event_date").str.to_date("%Y-%m-%d", strict=False),
                        pl.col("event_date").str.to_date("%d %B %Y", strict=False)).alias("date"),
            _mapped(raw, "actor1", actor_country).alias("actor_code"),
            _mapped(raw, "actor2", actor_country).alias("recipient_code"),
            _mapped(raw, "actor1", _sector).alias("_actor_sector"),
            _mapped(raw, "actor2", _sector).alias("_recipient_sector"),
            pl.lit("").alias("cameo"),
            pl.col("notes").alias("text"),
            native_json(raw.columns),
        ).with_columns(
            entity_json("actor1", "actor1", "actor_code", "_actor_sector").alias("actor"),
            entity_json("actor2", "actor2", "recipient_code", "_recipient_sector").alias("recipient"),
        )
        yield finish(frame, system="acled", path=path, first_line=first_line,
                     quarantine=quarantine, required=["event_id_cnty", "sub_event_type"], date_field="event_date")
