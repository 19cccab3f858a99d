"""Streaming reads of large delimited event files into frames shaped like the store's events.

Files are read in Arrow record batches (pyarrow's streaming CSV reader), so a multi-GB export
never has to fit in memory; each batch is mapped column-wise with polars.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import polars as pl
import pyarrow as pa
import pyarrow.csv as pacsv

from spiral import plover
from spiral.errors import InputError
from spiral.records import Quarantined

Quarantine = Callable[[Quarantined], None]

EVENT_SCHEMA = {
    "id": pl.String, "doc_id": pl.String, "system": pl.String, "event_type": pl.String,
    "mode": pl.String, "context": pl.List(pl.String), "actor": pl.String,
    "recipient": pl.String, "actor_code": pl.String, "recipient_code": pl.String,
    "date": pl.Date, "date_precision": pl.String, "quad_code": pl.Int64,
    "intensity": pl.Float64, "cameo": pl.String, "negated": pl.Boolean,
    "hypothetical": pl.Boolean, "text": pl.String, "start": pl.Int64, "end": pl.Int64,
    "native": pl.String,
}
BLOCK_BYTES = 8 << 20


def batches(path: Path, *, delimiter: str,
            column_names: list[str] | None = None) -> Iterator[tuple[int, pl.DataFrame]]:
    """(line number of the first row, frame of text columns) per block of a delimited file.

    Without `column_names` the first line is the header. Every column is read as text: types
    are decided by the mapping, not guessed from the first block.
    """
    skip = 0
    if column_names is None:
        with pa.input_stream(str(path)) as stream:
            header = stream.read(1 << 16).decode("utf-8", "replace").splitlines()[0]
        column_names = [name.strip().strip('"') for name in header.split(delimiter)]
        skip = 1
    read = pacsv.ReadOptions(column_names=column_names, skip_rows=skip,
                             block_size=BLOCK_BYTES, use_threads=False)
    parse = pacsv.ParseOptions(delimiter=delimiter, quote_char='"' if delimiter == "," else False)
    convert = pacsv.ConvertOptions(column_types={n: pa.string() for n in column_names},
                                   strings_can_be_null=False)
    try:
        reader = pacsv.open_csv(str(path), read_options=read, parse_options=parse,
                                convert_options=convert)
    except (pa.ArrowInvalid, OSError) as error:
        raise InputError(f"{path}: cannot read as a delimited file ({error})") from None
    line = skip + 1
    while True:
        try:
            batch = reader.read_next_batch()
        except StopIteration:
            return
        except pa.ArrowInvalid as error:
            raise InputError(f"{path}: malformed after line {line}: {error}; fix or remove that "
                             "row") from None
        frame = pl.from_arrow(batch)
        yield line, frame
        line += frame.height


def plover_columns(frame: pl.DataFrame, cameo: str) -> pl.DataFrame:
    """event_type, mode, context, quad_code, intensity from a CAMEO code column."""
    codes = frame[cameo].unique().to_list()
    mapped = {c: plover.cameo_to_plover(c) for c in codes}
    lookup = pl.DataFrame({
        cameo: codes,
        "event_type": [m[0] if m else None for m in mapped.values()],
        "mode": [m[1] if m else "" for m in mapped.values()],
        "context": [list(m[2]) if m else [] for m in mapped.values()],
    }, schema={cameo: pl.String, "event_type": pl.String, "mode": pl.String,
               "context": pl.List(pl.String)})
    return frame.join(lookup, on=cameo, how="left")


def scored(frame: pl.DataFrame) -> pl.DataFrame:
    """quad_code and intensity from event_type and mode."""
    pairs = frame.select("event_type", "mode").unique().drop_nulls("event_type")
    lookup = pairs.with_columns(
        pl.struct("event_type", "mode").map_elements(
            lambda r: plover.EVENT_TYPES[r["event_type"]].quad_code, return_dtype=pl.Int64)
        .alias("quad_code"),
        pl.struct("event_type", "mode").map_elements(
            lambda r: plover.intensity(r["event_type"], r["mode"]), return_dtype=pl.Float64)
        .alias("intensity"))
    return frame.join(lookup, on=["event_type", "mode"], how="left")


def entity_json(text: str, name: str, code: str, sector: str) -> pl.Expr:
    """A one-entity JSON list (the store's actor/recipient column) from four columns."""
    entity = pl.struct(
        pl.col(text).alias("entity_text"), pl.col(name).alias("entity_name"),
        pl.col(code).alias("code"), pl.col(sector).alias("sector"), pl.lit("").alias("role"),
        pl.lit(None, pl.String).alias("role_valid_from"),
        pl.lit(None, pl.String).alias("role_valid_to"), pl.lit(None, pl.String).alias("wikidata_id"))
    return pl.when(pl.col(code) != "").then(
        pl.concat_str(pl.lit("["), entity.struct.json_encode(), pl.lit("]"))).otherwise(pl.lit("[]"))


def native_json(columns: list[str]) -> pl.Expr:
    """Every source column of a row, as JSON, kept beside the mapped fields."""
    return pl.struct(columns).struct.json_encode().alias("native")


def finish(frame: pl.DataFrame, *, system: str, path: Path, first_line: int,
           quarantine: Quarantine, required: list[str], date_field: str) -> pl.DataFrame:
    """Quarantine rows missing a required field or a readable date; keep those PLOVER codes."""
    line = pl.int_range(first_line, first_line + frame.height, eager=True)
    frame = frame.with_columns(line.alias("_line"))
    missing = pl.any_horizontal([pl.col(c).is_null() | (pl.col(c) == "") for c in required]) \
        | pl.col("date").is_null()
    for row in frame.filter(missing).select("_line", date_field, *required).iter_rows(named=True):
        empty = [c for c in required if not row[c]]
        reason = (f"{empty[0]!r} is empty; every {system} row needs it" if empty else
                  f"{date_field!r}={row[date_field]!r} is not a date this {system} reader knows")
        quarantine(Quarantined(origin=f"{path}:{row['_line']}", reason=reason,
                               raw=str({c: row[c] for c in (*required, date_field)})[:500]))
    kept = frame.filter(~missing & pl.col("event_type").is_not_null())
    return kept.with_columns(
        pl.lit(system).alias("system"), pl.lit("day").alias("date_precision"),
        pl.lit(False).alias("negated"), pl.lit(False).alias("hypothetical"),
        pl.lit(0, pl.Int64).alias("start"), pl.lit(0, pl.Int64).alias("end"),
    ).select([pl.col(c).cast(t) for c, t in EVENT_SCHEMA.items()])
