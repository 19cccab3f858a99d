"""ACLED CSV exports, current and older layouts: ACLED's own event types (not CAMEO), mapped to
PLOVER by our tables.

ACLED events are curated, one record per event, and undirected: actor1 and actor2 say who took
part, not who acted on whom, so they are stored with `directed` false (see
docs/datasets.md for how undirected events enter dyad measures). Fatalities stay in their own
column. Exports before 2019 have no `sub_event_type`; their `event_type` values have their own
table. Dates come as ACLED has written them over the years: 2024-11-21, 21 November 2024,
9-May-20 (a spreadsheet's) and 18/01/1997.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import polars as pl

from spiral.countries import country_code
from spiral.ingest.imports.common import (
    ImportLog,
    entity_json,
    finish,
    head_lines,
    header_names,
    mapped,
    members,
    native_json,
    number,
    rows,
    scored,
)

# ACLED sub-event type -> (PLOVER type, mode, context); None: read, but no PLOVER type (why)
SUB_EVENTS: dict[str, tuple[str, str, list[str]] | str] = {
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
    "Change to group/activity": "ACLED 'Change to group/activity': troop movements, recruitment "
                                "and changes of a group together; no one PLOVER type",
    "Disrupted weapons use": "ACLED 'Disrupted weapons use': an attack prevented or intercepted "
                             "is not an event PLOVER codes",
    "Other": "ACLED 'Other': strategic developments of no fixed kind",
}
# Exports before 2019 (no sub_event_type): event_type -> the same kind of entry
OLD_EVENT_TYPES: dict[str, tuple[str, str, list[str]] | str] = {
    "Battle-No change of territory": ("ASSAULT", "", ["military"]),
    "Battle-Government regains territory": ("ASSAULT", "", ["military"]),
    "Battle-Non-state actor overtakes territory": ("ASSAULT", "", ["military"]),
    "Remote violence": ("ASSAULT", "explosives", []),
    "Violence against civilians": ("ASSAULT", "", []),
    "Riots/Protests": ("PROTEST", "", []),
    "Headquarters or base established": ("MOBILIZE", "troops", ["military"]),
    "Non-violent transfer of territory": ("RETREAT", "withdraw", []),
    "Strategic development": "ACLED 'Strategic development': no one PLOVER type",
}
_OF_COUNTRY = re.compile(r"\bof (?:the )?([A-Z][\w'., -]+?)(?: \(|$)")
_IN_PARENS = re.compile(r"\(([A-Za-z][\w'., -]+)\)")
# ACLED's own spellings that differ from our country table (ACLED writes them so).
ACLED_COUNTRIES = {"Democratic Republic of Congo": "COD", "Republic of Congo": "COG",
                   "Palestine": "PSE", "eSwatini": "SWZ"}
_SPREADSHEET_DATE = r"^\d{1,2}-[A-Za-z]{3}-\d{2}$"


def actor_country(name: str) -> str:
    """The country of an ACLED actor name.

    >>> actor_country("Military Forces of Russia (2000-)"), actor_country("Civilians (Ukraine)")
    ('RUS', 'UKR')
    >>> actor_country("Military Forces of the United States (2025-)")
    'USA'
    """
    for pattern in (_OF_COUNTRY, _IN_PARENS):
        match = pattern.search(name or "")
        if match:
            found = match.group(1).strip()
            code = ACLED_COUNTRIES.get(found) or country_code(found)
            if code:
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


def acled_date(column: str) -> pl.Expr:
    """ACLED dates in each style ACLED has used.

    >>> days = pl.DataFrame({"d": ["2020-05-09", "09 May 2020", "9-May-20", "09/05/2020"]})
    >>> days.select(acled_date("d").cast(pl.String))["d"].to_list()
    ['2020-05-09', '2020-05-09', '2020-05-09', '2020-05-09']
    """
    value = pl.col(column).str.strip_chars()
    return pl.coalesce(
        value.str.to_date("%Y-%m-%d", strict=False),
        value.str.to_date("%d %B %Y", strict=False),
        pl.when(value.str.contains(_SPREADSHEET_DATE)).then(
            value.str.to_date("%d-%b-%y", strict=False)),
        pl.when(~value.str.contains(_SPREADSHEET_DATE)).then(
            value.str.to_date("%d-%b-%Y", strict=False)),
        value.str.to_date("%d/%m/%Y", strict=False),
    )


def read_acled(path: Path, log: ImportLog) -> Iterator[pl.DataFrame]:
    """Frames of events (the store's events columns), block by block."""
    for member in members(path):
        lines = head_lines(member, 1)
        if not lines:
            continue
        names = header_names(lines[0], ",")
        kind = "sub_event_type" if "sub_event_type" in names else "event_type"
        table = SUB_EVENTS if kind == "sub_event_type" else OLD_EVENT_TYPES
        for raw in rows(member, delimiter=",", column_names=names, skip_header=True,
                        quoted=True, log=log, what="ACLED"):
            yield finish(_mapped(raw, names, kind, table), system="acled", origin=member.origin,
                         log=log, required=["event_id_cnty", "_kind"], date_field="event_date",
                         date_formats="2024-11-21, 21 November 2024, 9-May-20 or 18/01/1997")


def _mapped(raw: pl.DataFrame, names: list[str], kind: str, table: dict) -> pl.DataFrame:
    # the older layout's `event_type` is ACLED's: keep it (and the row as read) apart first
    raw = raw.with_columns(native_json(names), pl.col(kind).alias("_kind"))
    kinds = raw["_kind"].unique().to_list()
    entries = [table.get(k, f"ACLED type {k!r} is not in spiral's ACLED table") for k in kinds]

    def column(i: int, empty, dtype) -> pl.Expr:
        return pl.col("_kind").replace_strict(
            kinds, [e[i] if isinstance(e, tuple) else empty for e in entries], return_dtype=dtype)

    frame = raw.with_columns(
        column(0, None, pl.String).alias("event_type"),
        column(1, "", pl.String).alias("mode"),
        column(2, [], pl.List(pl.String)).alias("context"),
        pl.col("_kind").replace_strict(kinds, [None if isinstance(e, tuple) else e for e in entries],
                                    return_dtype=pl.String).alias("_unmapped"),
    )
    return scored(frame).with_columns(
        ("acled:" + pl.col("event_id_cnty")).alias("id"),
        ("acled:" + pl.col("event_id_cnty")).alias("doc_id"),
        acled_date("event_date").alias("date"),
        mapped(raw, "actor1", actor_country).alias("actor_code"),
        mapped(raw, "actor2", actor_country).alias("recipient_code"),
        mapped(raw, "actor1", _sector).alias("_actor_sector"),
        mapped(raw, "actor2", _sector).alias("_recipient_sector"),
        pl.lit("").alias("cameo"),
        pl.col("notes").alias("text") if "notes" in names else pl.lit("").alias("text"),
        pl.lit(None, pl.Float64).alias("source_intensity"),
        number("fatalities", pl.Int64).alias("fatalities"),
        pl.lit(False).alias("directed"),
    ).with_columns(
        entity_json("actor1", "actor1", "actor_code", "_actor_sector").alias("actor"),
        entity_json("actor2", "actor2", "recipient_code", "_recipient_sector").alias("recipient"),
    )
