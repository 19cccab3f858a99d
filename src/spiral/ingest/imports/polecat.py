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
from spiral.errors import InputError
from spiral.ingest.imports.common import (
    ImportLog,
    Member,
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
from spiral.ingest.imports.lines import (
    LineRead,
    country_code_sql,
    country_joins,
    country_keys,
    country_table,
    entity_sql,
    json_columns,
    line_select,
    plover_types_table,
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


REQUIRED = ("Event ID", "Event Type")
NEEDED = ("Event ID", "Event Type", "Actor Name", "Actor Country", "Primary Actor Sector",
          "Recipient Name", "Recipient Country", "Primary Recipient Sector")


def polecat_lines(member: Member, source: Path, compression: str, index: int,
                  count: int) -> LineRead | None:
    """A POLECAT stream read and mapped in SQL (the store's database does it): the same events,
    quarantined rows and counts as `read_polecat`."""
    names = tab_header(member, optional=("Headline",))
    if names is None:
        return None
    date_field = next((c for c in DATE_COLUMNS if c in names), "Event Date")
    missing = [c for c in (*NEEDED, date_field) if c not in names]
    if missing:
        raise InputError(f"{member.origin}: a column polecat files have is missing "
                         f"({missing[0]!r}); is this really a polecat file?")

    def f(name: str, default: str = "''") -> str:
        return f'r."{name}"' if name in names else default

    def is_code(column: str) -> str:  # as `_country`: three letters in upper case
        value = f"trim({f(column)})"
        return f"length({value}) = 3 AND {value} = upper({value}) AND {value} != lower({value})"

    def code(name: str, column: str) -> str:
        return f"CASE WHEN {is_code(column)} THEN trim({f(column)}) ELSE {country_code_sql(name)} END"

    def name_keys(name: str, column: str) -> str:  # names only: codes need no keys
        return country_keys(f"CASE WHEN {is_code(column)} THEN NULL ELSE {f(column)} END", name)

    text = next((c for c in TEXT_COLUMNS if c in names), None)
    polecat_id = f"'polecat:' || {f('Event ID')}"
    contexts = (f"[trim(c) FOR c IN string_split(replace({f('Contexts')}, ',', ';'), ';') "
                "IF trim(c) != '']" if "Contexts" in names else "[]::VARCHAR[]")
    events = f"""{polecat_id} AS id,
  CASE WHEN {f('Story ID')} = '' THEN {polecat_id} ELSE 'polecat:' || {f('Story ID')} END
    AS doc_id,
  'polecat' AS system, r.event_type, r.mode, {contexts} AS context,
  {entity_sql(f('Actor Name'), code('actor', 'Actor Country'), f('Primary Actor Sector'))}
    AS actor,
  {entity_sql(f('Recipient Name'), code('recipient', 'Recipient Country'),
              f('Primary Recipient Sector'))} AS recipient,
  {code('actor', 'Actor Country')} AS actor_code,
  {code('recipient', 'Recipient Country')} AS recipient_code, r.date, 'day' AS date_precision,
  t.quad_code::INTEGER AS quad_code, coalesce(tm.intensity, t.intensity) AS intensity,
  '' AS cameo, false AS negated, false AS hypothetical, {f(text) if text else "''"} AS text,
  0 AS start, 0 AS "end", true AS directed,
  {f"TRY_CAST(trim({f('Intensity')}) AS DOUBLE)" if "Intensity" in names else "NULL::DOUBLE"}
    AS source_intensity,
  NULL::BIGINT AS fatalities, {json_columns(names)} AS native"""
    kind = f"upper(trim({f('Event Type')}))"
    select = line_select(
        columns=names, has_header=True, required=REQUIRED, date_field=date_field,
        date=f"try_strptime(left({f(date_field)}, 10), '%Y-%m-%d')::DATE", events=events,
        derived=(f"{kind} AS _type, lower(trim({f('Event Mode')})) AS mode, "
                 f"CASE WHEN {kind} IN (SELECT event_type FROM plover_types) THEN {kind} END "
                 f"AS event_type, {name_keys('actor', 'Actor Country')}, "
                 f"{name_keys('recipient', 'Recipient Country')}"),
        joins=("LEFT JOIN plover_types t ON t.event_type = r.event_type AND t.mode = '' "
               "LEFT JOIN plover_types tm ON tm.event_type = r.event_type AND tm.mode = r.mode "
               f"{country_joins('actor')} {country_joins('recipient')}"),
        unmapped=(("unmapped", "r.event_type IS NULL",
                   "'POLECAT event type ' || r._type || ' is not a PLOVER type'"),))
    return LineRead(
        origin=member.origin, source=source, compression=compression, select=select,
        tables={"plover_types": plover_types_table(), "country_names": country_table()},
        what="POLECAT", columns=tuple(names), system="polecat", required=REQUIRED,
        date_field=date_field, date_formats="YYYY-MM-DD", member=member)
