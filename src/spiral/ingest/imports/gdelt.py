"""GDELT 2.0 event exports: tab-separated, 61 columns, no header, CAMEO-coded, one day a row.

Each event keeps its source row in `native`, as GDELT wrote it (61 tab-separated fields):
re-encoding millions of rows as JSON would cost more than all the mapping together.
`native_fields` turns it back into named columns.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import polars as pl

from spiral.ingest.imports.common import (
    Quarantine,
    batches,
    entity_json,
    finish,
    plover_columns,
    scored,
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


def read_gdelt(path: Path, quarantine: Quarantine) -> Iterator[pl.DataFrame]:
    """Frames of events (the store's events columns), block by block."""
    for first_line, raw in batches(path, delimiter="\t", column_names=COLUMNS):
        frame = plover_columns(raw, "EventCode")
        frame = scored(frame).with_columns(
            ("gdelt:" + pl.col("GLOBALEVENTID")).alias("id"),
            ("gdelt:" + pl.col("GLOBALEVENTID")).alias("doc_id"),
            pl.col("SQLDATE").str.to_date("%Y%m%d", strict=False).alias("date"),
            _code("Actor1").alias("actor_code"),
            _code("Actor2").alias("recipient_code"),
        ).with_columns(
            entity_json("Actor1Name", "Actor1Name", "actor_code", "Actor1Type1Code")
            .alias("actor"),
            entity_json("Actor2Name", "Actor2Name", "recipient_code", "Actor2Type1Code")
            .alias("recipient"),
            pl.col("EventCode").alias("cameo"),
            pl.col("SOURCEURL").alias("text"),
            pl.concat_str(COLUMNS, separator="\t").alias("native"),
        )
        yield finish(frame, system="gdelt", path=path, first_line=first_line,
                     quarantine=quarantine, required=["GLOBALEVENTID", "EventCode"], date_field="SQLDATE")


def _code(actor: str) -> pl.Expr:
    """The country code, or IGO for intergovernmental actors that have none (NATO, UN, EU)."""
    country, kind = pl.col(f"{actor}CountryCode"), pl.col(f"{actor}Code")
    return (pl.when(country != "").then(country)
            .when(kind.str.starts_with("IGO") | kind.str.starts_with("NATO")
                  | (pl.col(f"{actor}Type1Code") == "IGO")).then(pl.lit("IGO"))
            .otherwise(pl.lit("")))


def native_fields(native: str) -> dict[str, str]:
    """The named GDELT columns of an imported event's `native` row.

    >>> native_fields("\\t".join(str(i) for i in range(61)))["EventCode"]
    '26'
    """
    return dict(zip(COLUMNS, native.split("\t")))
