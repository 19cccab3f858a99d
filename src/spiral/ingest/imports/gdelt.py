"""GDELT event exports: tab-separated, no header, CAMEO-coded, one event a row.

Three layouts are told apart by their number of fields: GDELT 2.0 (61), GDELT 1.0 daily files
(58, without the three ADM2 columns) and GDELT 1.0 back files (57, without SOURCEURL either).
GDELT's own .zip files are read as archives. Each event keeps GDELT's Goldstein score in
`source_intensity` and its source row in `native`, as GDELT wrote it (tab-separated):
re-encoding millions of rows as JSON would cost more than all the mapping together.
`native_fields` turns it back into named columns. GDELT merged the mentions of an event itself
(NumMentions, NumSources), so one row is one event.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import polars as pl

from spiral.errors import InputError
from spiral.ingest.imports.common import (
    ImportLog,
    Member,
    entity_json,
    finish,
    head_lines,
    members,
    number,
    plover_columns,
    rows,
    scored,
)
from spiral.ingest.imports.lines import (
    LineRead,
    cameo_table,
    cameo_unmapped,
    entity_sql,
    line_select,
)

COLUMNS = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
]
COLUMNS_V1 = [c for c in COLUMNS if not c.endswith("ADM2Code")]
LAYOUTS = {61: ("GDELT 2.0", COLUMNS), 58: ("GDELT 1.0", COLUMNS_V1),
           57: ("GDELT 1.0 back file", COLUMNS_V1[:-1])}
MENTION_COLUMNS = [
    "GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName",
    "MentionIdentifier", "SentenceID", "Actor1CharOffset", "Actor2CharOffset",
    "ActionCharOffset", "InRawText", "Confidence", "MentionDocLen", "MentionDocTone",
    "MentionDocTranslationInfo", "Extras",
]
MENTION_SCHEMA = {"id": pl.String, "event_id": pl.String, "system": pl.String,
                  "published": pl.Datetime("us", "UTC"), "source": pl.String, "url": pl.String,
                  "sentence": pl.Int64, "confidence": pl.Float64}


def layout(first_line: str) -> tuple[str, list[str]]:
    """(name, columns) of a GDELT events file from its first line.

    >>> layout("\\t".join(["1"] * 58))[0]
    'GDELT 1.0'
    """
    n_fields = len(first_line.split("\t"))
    if n_fields in LAYOUTS:
        return LAYOUTS[n_fields]
    if n_fields == len(MENTION_COLUMNS):
        raise InputError("a GDELT mentions table, not an events table; import it with "
                         "`spiral import gdelt-mentions`")
    raise InputError(f"the first line has {n_fields} tab-separated fields; GDELT event files "
                     "have 61 (2.0), 58 (1.0) or 57 (1.0 back files)")


def read_gdelt(path: Path, log: ImportLog) -> Iterator[pl.DataFrame]:
    """Frames of events (the store's events columns), block by block."""
    for member in members(path):
        lines = head_lines(member, 1)
        if not lines:
            continue
        try:
            name, columns = layout(lines[0])
        except InputError as error:
            raise InputError(f"{member.origin}: {error}") from None
        has_header = lines[0].split("\t")[0].strip().upper() == "GLOBALEVENTID"
        for raw in rows(member, delimiter="\t", column_names=columns, skip_header=has_header,
                        quoted=False, log=log, what=name):
            yield finish(_mapped(raw, columns), system="gdelt", origin=member.origin, log=log,
                         required=["GLOBALEVENTID", "EventCode"], date_field="SQLDATE",
                         date_formats="YYYYMMDD")


def gdelt_lines(member: Member, source: Path, compression: str, index: int,
                count: int) -> LineRead | None:
    """A GDELT events stream read and mapped in SQL (the store's database does it): the same
    events, quarantined rows and counts as `read_gdelt`."""
    lines = head_lines(member, 1)
    if not lines:
        return None
    try:
        name, columns = layout(lines[0])
    except InputError as error:
        raise InputError(f"{member.origin}: {error}") from None
    has_header = lines[0].split("\t")[0].strip().upper() == "GLOBALEVENTID"
    required = ("GLOBALEVENTID", "EventCode")
    return LineRead(origin=member.origin, source=source, compression=compression,
                    select=_select(columns, has_header, required),
                    tables={"cameo_plover": cameo_table()}, what=name, columns=tuple(columns),
                    system="gdelt", required=required, date_field="SQLDATE",
                    date_formats="YYYYMMDD", member=member)


def _select(columns: list[str], has_header: bool, required: tuple[str, ...]) -> str:
    """The SQL twin of `_mapped` and `finish`, over `lines(_n, line)`."""
    def f(name: str) -> str:
        return f'r."{name}"'

    def code(actor: str) -> str:  # as `_code`
        return (f"CASE WHEN {f(actor + 'CountryCode')} != '' THEN {f(actor + 'CountryCode')} "
                f"WHEN starts_with({f(actor + 'Code')}, 'IGO') "
                f"OR starts_with({f(actor + 'Code')}, 'NATO') "
                f"OR {f(actor + 'Type1Code')} = 'IGO' THEN 'IGO' ELSE '' END")

    def entity(actor: str, code_column: str) -> str:  # as `entity_json`
        return entity_sql(f(actor + "Name"), code_column, f(actor + "Type1Code"))

    gdelt_id = f"'gdelt:' || {f('GLOBALEVENTID')}"
    text = f("SOURCEURL") if "SOURCEURL" in columns else "''"
    events = f"""{gdelt_id} AS id, {gdelt_id} AS doc_id, 'gdelt' AS system, m.event_type,
  m.mode, m.context, {entity('Actor1', 'r.actor_code')} AS actor,
  {entity('Actor2', 'r.recipient_code')} AS recipient, r.actor_code, r.recipient_code, r.date,
  'day' AS date_precision, m.quad_code::INTEGER AS quad_code, m.intensity,
  {f('EventCode')} AS cameo, false AS negated, false AS hypothetical, {text} AS text,
  0 AS start, 0 AS "end", true AS directed,
  TRY_CAST(trim({f('GoldsteinScale')}) AS DOUBLE) AS source_intensity,
  NULL::BIGINT AS fatalities, r.line AS native"""
    return line_select(
        columns=columns, has_header=has_header, required=required, date_field="SQLDATE",
        date=f"try_strptime({f('SQLDATE')}, '%Y%m%d')::DATE", events=events,
        derived=f"{code('Actor1')} AS actor_code, {code('Actor2')} AS recipient_code",
        joins=f"LEFT JOIN cameo_plover m ON m.code = trim({f('EventCode')})",
        unmapped=cameo_unmapped(f("EventCode")))


def _mapped(raw: pl.DataFrame, columns: list[str]) -> pl.DataFrame:
    frame = plover_columns(raw, "EventCode")
    return scored(frame).with_columns(
        ("gdelt:" + pl.col("GLOBALEVENTID")).alias("id"),
        ("gdelt:" + pl.col("GLOBALEVENTID")).alias("doc_id"),
        pl.col("SQLDATE").str.to_date("%Y%m%d", strict=False).alias("date"),
        _code("Actor1").alias("actor_code"),
        _code("Actor2").alias("recipient_code"),
        number("GoldsteinScale", pl.Float64).alias("source_intensity"),
        pl.lit(None, pl.Int64).alias("fatalities"),
        pl.lit(True).alias("directed"),
    ).with_columns(
        entity_json("Actor1Name", "Actor1Name", "actor_code", "Actor1Type1Code").alias("actor"),
        entity_json("Actor2Name", "Actor2Name", "recipient_code", "Actor2Type1Code")
        .alias("recipient"),
        pl.col("EventCode").alias("cameo"),
        (pl.col("SOURCEURL") if "SOURCEURL" in columns else pl.lit("")).alias("text"),
        pl.concat_str(columns, separator="\t").alias("native"),
    )


def _code(actor: str) -> pl.Expr:
    """The country code, or IGO for intergovernmental actors that have none (NATO, UN, EU)."""
    country, kind = pl.col(f"{actor}CountryCode"), pl.col(f"{actor}Code")
    return (pl.when(country != "").then(country)
            .when(kind.str.starts_with("IGO") | kind.str.starts_with("NATO")
                  | (pl.col(f"{actor}Type1Code") == "IGO")).then(pl.lit("IGO"))
            .otherwise(pl.lit("")))


def native_fields(native: str) -> dict[str, str]:
    """The named GDELT columns of an imported event's `native` row, in any of the layouts.

    >>> native_fields("\\t".join(str(i) for i in range(61)))["EventCode"]
    '26'
    >>> native_fields("\\t".join(str(i) for i in range(58)))["EventCode"]
    '26'
    """
    values = native.split("\t")
    return dict(zip(LAYOUTS[len(values)][1], values))


def read_gdelt_mentions(path: Path, log: ImportLog) -> Iterator[pl.DataFrame]:
    """Frames of GDELT 2.0 mentions: which article (outlet, URL, time) reported which event.

    Mentions are kept beside the events they name (`mentions` table), for provenance; an event
    does not have to be imported for its mentions to be.
    """
    for member in members(path):
        lines = head_lines(member, 1)
        if not lines:
            continue
        if len(lines[0].split("\t")) != len(MENTION_COLUMNS):
            raise InputError(f"{member.origin}: the first line has {len(lines[0].split(chr(9)))} "
                             f"tab-separated fields; GDELT mentions tables have "
                             f"{len(MENTION_COLUMNS)}")
        for raw in rows(member, delimiter="\t", column_names=MENTION_COLUMNS, skip_header=False,
                        quoted=False, log=log, what="GDELT mentions"):
            frame = raw.with_columns(
                pl.col("MentionTimeDate").str.to_datetime("%Y%m%d%H%M%S", strict=False,
                                                          time_zone="UTC").alias("published"))
            bad = (pl.col("GLOBALEVENTID") == "") | (pl.col("MentionIdentifier") == "") \
                | pl.col("published").is_null()
            for row in frame.filter(bad).select("_line", "GLOBALEVENTID",
                                                "MentionTimeDate").iter_rows(named=True):
                log.quarantine(f"{member.origin}:{row['_line']}",
                               "a mention needs GLOBALEVENTID, MentionIdentifier and "
                               f"MentionTimeDate as YYYYMMDDHHMMSS (got "
                               f"{row['MentionTimeDate']!r})")
            kept = frame.filter(~bad)
            log.n_rows += kept.height
            yield kept.select(
                ("gdelt:" + pl.col("GLOBALEVENTID") + "|" + pl.col("MentionIdentifier")
                 + "|" + pl.col("SentenceID")).alias("id"),
                ("gdelt:" + pl.col("GLOBALEVENTID")).alias("event_id"),
                pl.lit("gdelt").alias("system"), "published",
                pl.col("MentionSourceName").alias("source"),
                pl.col("MentionIdentifier").alias("url"),
                number("SentenceID", pl.Int64).alias("sentence"),
                number("Confidence", pl.Float64).alias("confidence"),
            ).cast(MENTION_SCHEMA)
