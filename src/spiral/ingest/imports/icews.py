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
    plover_columns,
    rows,
    scored,
    tab_header,
)
from spiral.ingest.imports.lines import (
    LineRead,
    cameo_table,
    cameo_unmapped,
    country_code_sql,
    country_joins,
    country_keys,
    country_table,
    entity_sql,
    json_columns,
    line_select,
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


def _sector_sql(sectors: str) -> str:
    """The SQL twin of `_sector`, from SECTOR_WORDS."""
    whens = " ".join(
        f"WHEN {' OR '.join(f'contains({sectors}, {chr(39)}{w}{chr(39)})' for w in words)} "
        f"THEN '{code}'" for code, words in SECTOR_WORDS.items())
    return f"CASE {whens} ELSE '' END"


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


REQUIRED = ("Event ID", "CAMEO Code")
NEEDED = ("Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country",
          "Event Text", "CAMEO Code", "Intensity", "Target Name", "Target Sectors",
          "Target Country", "Story ID")


def icews_lines(member: Member, source: Path, compression: str, index: int,
                count: int) -> LineRead | None:
    """An ICEWS stream read and mapped in SQL (the store's database does it): the same events,
    quarantined rows, counts and repeated ids as `read_icews`.

    Repeated ids need the whole file before its first row is written: `prepare` numbers the
    rows of each id and of each Event ID in a pass over the stream's keys (and those of the
    streams before it), and the select gives a repeat its physical line.
    """
    names = tab_header(member)
    if names is None:
        return None
    missing = [c for c in NEEDED if c not in names]
    if missing:
        raise InputError(f"{member.origin}: a column icews files have is missing "
                         f"({missing[0]!r}); is this really a icews file?")

    def f(name: str) -> str:
        return f'r."{name}"'

    def at(name: str) -> int:
        return names.index(name) + 1

    key_id = f"'icews:' || f[{at('Event ID')}] || ':' || left(f[{at('Event Date')}], 10)"
    # the ids of the streams before (a zip archive's members): none before the first
    seen = ("CREATE OR REPLACE TEMP TABLE icews_seen" if index == 0
            else "CREATE TEMP TABLE IF NOT EXISTS icews_seen")
    prepare = (
        f"{seen} (event_id VARCHAR, id VARCHAR)",
        f"""CREATE OR REPLACE TEMP TABLE icews_keys AS
SELECT _n, f[{at('Event ID')}] AS event_id, {key_id} AS id
FROM (SELECT _n, line, string_split(line, E'\\t') AS f FROM {{lines}}
      WHERE line IS NOT NULL AND _n > 1)
WHERE len(f) = {len(names)} AND rtrim(line, E'\\t') != ''""",
        # a row's physical line: its number plus the lines DuckDB rejected before it (the
        # i-th rejected line, in order, comes after line - i lines that were read)
        """CREATE OR REPLACE TEMP TABLE icews_repeats AS
WITH rejected AS (SELECT line - row_number() OVER (ORDER BY line) AS before
                  FROM (SELECT DISTINCT line FROM reject_errors))
SELECT k._n, k.event_id_repeat, k.id_repeat,
       k._n + (SELECT count(*) FROM rejected WHERE before < k._n) AS physical
FROM (SELECT _n,
        row_number() OVER (PARTITION BY event_id ORDER BY _n) > 1
          OR event_id IN (SELECT event_id FROM icews_seen) AS event_id_repeat,
        row_number() OVER (PARTITION BY id ORDER BY _n) > 1
          OR id IN (SELECT id FROM icews_seen) AS id_repeat
      FROM icews_keys) k
WHERE event_id_repeat OR id_repeat""",
        "INSERT INTO icews_seen SELECT event_id, id FROM icews_keys",
        "DROP TABLE icews_keys",
    )
    base_id = f"'icews:' || {f('Event ID')} || ':' || left({f('Event Date')}, 10)"
    actor_code = f"coalesce(source_o.code, {country_code_sql('source')})"
    recipient_code = f"coalesce(target_o.code, {country_code_sql('target')})"
    events = f"""CASE WHEN rep.id_repeat THEN {base_id} || ':L' || rep.physical::VARCHAR
       ELSE {base_id} END AS id,
  'icews:' || {f('Story ID')} AS doc_id, 'icews' AS system, m.event_type, m.mode, m.context,
  {entity_sql(f('Source Name'), actor_code, 'r.source_sector')} AS actor,
  {entity_sql(f('Target Name'), recipient_code, 'r.target_sector')} AS recipient,
  {actor_code} AS actor_code, {recipient_code} AS recipient_code, r.date,
  'day' AS date_precision,
  m.quad_code::INTEGER AS quad_code, m.intensity, {f('CAMEO Code')} AS cameo,
  false AS negated, false AS hypothetical, {f('Event Text')} AS text, 0 AS start, 0 AS "end",
  true AS directed, TRY_CAST(trim({f('Intensity')}) AS DOUBLE) AS source_intensity,
  NULL::BIGINT AS fatalities, {json_columns(names)} AS native"""
    select = line_select(
        columns=names, has_header=True, required=REQUIRED, date_field="Event Date",
        date=f"try_strptime(left({f('Event Date')}, 10), '%Y-%m-%d')::DATE", events=events,
        derived=(f"{country_keys(f('Source Country'), 'source')}, "
                 f"{country_keys(f('Target Country'), 'target')}, "
                 f"trim({f('Source Country')}) AS source_trimmed, "
                 f"trim({f('Target Country')}) AS target_trimmed, "
                 f"{_sector_sql(f('Source Sectors'))} AS source_sector, "
                 f"{_sector_sql(f('Target Sectors'))} AS target_sector"),
        joins=(f"LEFT JOIN cameo_plover m ON m.code = trim({f('CAMEO Code')}) "
               f"LEFT JOIN icews_repeats rep ON rep._n = r._n "
               f"{country_joins('source')} {country_joins('target')} "
               "LEFT JOIN icews_countries source_o ON source_o.name = r.source_trimmed "
               "LEFT JOIN icews_countries target_o ON target_o.name = r.target_trimmed"),
        unmapped=cameo_unmapped(f("CAMEO Code")))
    return LineRead(
        origin=member.origin, source=source, compression=compression, select=select,
        tables={"cameo_plover": cameo_table(), "country_names": country_table(),
                "icews_countries": pl.DataFrame({"name": list(ICEWS_COUNTRIES),
                                                 "code": list(ICEWS_COUNTRIES.values())})},
        what="ICEWS", columns=tuple(names), system="icews", required=REQUIRED,
        date_field="Event Date", date_formats="YYYY-MM-DD", member=member, prepare=prepare,
        repeated="SELECT count(*) FILTER (WHERE event_id_repeat) FROM icews_repeats",
        cleanup=("DROP TABLE icews_repeats",
                 *(("DROP TABLE icews_seen",) if index == count - 1 else ())))
