"""Exports: PLOVER JSON lines for events, JSON lines, CSV and Parquet for any table; written
atomically (a temporary file, then a rename).

The PLOVER records follow the field names and types of the PLOVER specification's data-fields
chapter (openeventdata/PLOVER, "PLOVER JSON"): `event`, `mode` and `context` are lists, `actor`
and `recipient` lists of entity objects (`code`, `sector`, `entity_text`, `identifier_id`,
`identifier_text`, `office`), `event_scale` spiral's intensity, `text_info` the offsets and
`cite_info` the article (url, publication, its publication date, coder, codebook, version).
spiral's own fields (`negated`, `hypothetical`, `date_precision`, `doc_id`, `cameo`, `system`,
`directed`, `source_intensity`, `fatalities`) come after them. The JSON Schema of a record ships
as spiral/data/plover_export.schema.json. Negated and hypothetical events describe no event and
are left out unless asked for. In JSON lines and Parquet, actors are nested objects, not JSON
text.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal

import polars as pl

from spiral import __version__, plover
from spiral.errors import InputError, StoreError
from spiral.store.outputs import check_output, json_with_keys, starts_with, write_output

Format = Literal["plover-jsonl", "jsonl", "csv", "parquet"]
FORMATS = ("plover-jsonl", "jsonl", "csv", "parquet")
ENTITY = pl.List(pl.Struct({
    "entity_text": pl.String, "entity_name": pl.String, "code": pl.String, "sector": pl.String,
    "role": pl.String, "role_valid_from": pl.String, "role_valid_to": pl.String,
    "wikidata_id": pl.String}))
ENTITY_COLUMNS = {"events": ("actor", "recipient")}
CODEBOOK = "plover-2021"


def write(frame: pl.DataFrame, fmt: Format, out: Path, *, table: str,
          protected: Sequence[Path] = (), include_negated: bool = False) -> Path:
    """Write `frame` to `out` atomically, never over `protected` paths or a file not ours."""
    if fmt not in FORMATS:
        raise StoreError(f"--format {fmt!r} is unknown; use {', '.join(FORMATS)}")
    if fmt == "plover-jsonl" and table != "events":
        raise StoreError(f"--format plover-jsonl exports events only, not {table!r}; "
                         "use jsonl, csv or parquet for other tables")
    if table == "events" and not include_negated and "negated" in frame.columns:
        frame = frame.filter(~pl.col("negated") & ~pl.col("hypothetical"))
    if fmt != "csv":
        frame = nested(frame, table)
    writers = {"plover-jsonl": (_write_plover, json_with_keys("event_text", "doc_id")),
               "jsonl": (_write_jsonl, json_with_keys(*frame.columns[:2])),
               "csv": (_write_csv, starts_with(",".join(frame.columns).encode())),
               "parquet": (_write_parquet, _parquet_with(frame.columns))}
    writer, is_ours = writers[fmt]
    return write_output(out, lambda tmp: writer(frame, tmp), is_ours=is_ours,
                        what=f"{table} export", protected=protected)


def _write_plover(frame: pl.DataFrame, path: Path) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for row in frame.iter_rows(named=True):
            handle.write(json.dumps(plover_record(row), ensure_ascii=False) + "\n")


def _write_jsonl(frame: pl.DataFrame, path: Path) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for row in frame.iter_rows(named=True):
            handle.write(json.dumps(row, ensure_ascii=False, default=_plain) + "\n")


def _write_csv(frame: pl.DataFrame, path: Path) -> None:
    listed = [c for c, t in frame.schema.items() if isinstance(t, pl.List)]
    frame.with_columns(pl.col(c).cast(pl.List(pl.String)).list.join(";") for c in listed) \
        .write_csv(path)


def _write_parquet(frame: pl.DataFrame, path: Path) -> None:
    try:
        frame.write_parquet(path)
    except pl.exceptions.ComputeError as error:  # how polars reports a failed write (disk full)
        raise OSError(str(error).splitlines()[0]) from error


def _parquet_with(columns: Sequence[str]) -> Callable[[Path], bool]:
    def test(path: Path) -> bool:
        import pyarrow.parquet as pq

        try:
            return pq.read_schema(path).names == list(columns)
        except Exception:  # noqa: BLE001 - anything pyarrow cannot read is not our Parquet
            return False
    return test


# period name -> strftime of its Hive partition value; Spark, DuckDB and polars read a null
# date's partition, __HIVE_DEFAULT_PARTITION__, as null
PERIODS = {"year": "%Y", "month": "%Y-%m", "day": "%Y-%m-%d"}
DATE_COLUMNS = {"events": "date", "quotes": "date", "red_lines": "date", "positions": "date",
                "documents": "published"}


def write_partitioned(frame: pl.DataFrame, out: Path, *, table: str, partition_by: str,
                      protected: Sequence[Path] = ()) -> Path:
    """Write `frame` as a Hive-partitioned Parquet dataset in the folder `out`.

    One folder per period of the table's date (`month=2024-11/`), read as one table by DuckDB
    (`read_parquet('out/**/*.parquet', hive_partitioning=true)`), Spark and polars
    (`pl.scan_parquet(out, hive_partitioning=True)`). The dataset is built beside `out` and
    swapped in, so a reader never sees half of it; an existing `out` is replaced only if it
    is an earlier dataset partitioned the same way.

    Raises
    ------
    StoreError
        An unknown period, or a table without a date.
    InputError
        `out` is the store, a file, or a folder spiral did not write.
    """
    if partition_by not in PERIODS:
        raise StoreError(f"--partition-by {partition_by!r} is unknown; use one of "
                         f"{', '.join(PERIODS)}")
    if table not in DATE_COLUMNS:
        raise StoreError(f"table {table!r} has no date to partition by; partition one of "
                         f"{', '.join(DATE_COLUMNS)}, or export it without --partition-by")
    if out.is_dir():
        if any(not (p.is_dir() and p.name.startswith(f"{partition_by}=")) for p in out.iterdir()):
            raise InputError(f"--out {out}: the folder holds files that are not a dataset "
                             f"partitioned by {partition_by}; choose another folder")
    else:
        check_output(out, is_ours=lambda _: False, what=f"partitioned {table} export",
                     protected=protected)
    period = pl.col(DATE_COLUMNS[table]).dt.strftime(PERIODS[partition_by]).alias(partition_by)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp, old = out.with_name(f".{out.name}.tmp"), out.with_name(f".{out.name}.old")
    for leftover in (tmp, old):
        shutil.rmtree(leftover, ignore_errors=True)
    tmp.mkdir()
    if frame.height:
        frame.with_columns(period).write_parquet(tmp, partition_by=partition_by)
    if out.exists():
        out.rename(old)
    tmp.rename(out)
    shutil.rmtree(old, ignore_errors=True)
    return out


def _plain(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON")


def nested(frame: pl.DataFrame, table: str) -> pl.DataFrame:
    """The table with its entity columns (JSON text in the store) as lists of structs."""
    columns = [c for c in ENTITY_COLUMNS.get(table, ()) if c in frame.columns]
    return frame.with_columns(pl.col(c).str.json_decode(ENTITY) for c in columns)


def _entity(entity: dict[str, Any]) -> dict[str, Any]:
    return {"code": entity.get("code") or "", "sector": entity.get("sector") or "",
            "entity_text": entity.get("entity_text") or "",
            "identifier_id": entity.get("wikidata_id") or "",
            "identifier_text": entity.get("entity_name") or "",
            "office": entity.get("role") or ""}


def plover_record(row: dict[str, Any]) -> dict[str, Any]:
    """One event as a PLOVER JSON record, then spiral's own fields.

    >>> record = plover_record({"id": "e1", "date": None, "event_type": "ASSAULT",
    ...     "mode": "missile", "context": ["military"], "actor": [], "recipient": [],
    ...     "text": "t", "doc_id": "d", "start": 0, "end": 1, "intensity": -9.0,
    ...     "quad_code": 4, "cameo": "19", "negated": False, "hypothetical": False,
    ...     "confidence": 0.9, "source": "", "url": "", "system": "spiral",
    ...     "date_precision": "day"})
    >>> record["event"], record["mode"], record["cite_info"]["coder"]
    (['ASSAULT'], ['missile'], 'spiral')
    """
    published = row.get("published")
    return {
        "id": row["id"],
        "date": row["date"].isoformat() if row["date"] else None,
        "actor": [_entity(e) for e in row["actor"] or []],
        "recipient": [_entity(e) for e in row["recipient"] or []],
        "event": [row["event_type"]],
        "mode": [row["mode"]] if row["mode"] else [],
        "context": list(row["context"] or []),
        "quad_code": row["quad_code"] or plover.EVENT_TYPES[row["event_type"]].quad_code,
        "event_scale": row["intensity"],
        "event_text": [row["text"]] if row["text"] else [],
        "text_info": {"start": row["start"], "end": row["end"]},
        "cite_info": {
            "corpus": row["system"], "url": row.get("url") or "",
            "publication": row.get("source") or "",
            "publication_date": published.date().isoformat() if published else None,
            "coder": "spiral" if row["system"] == "spiral" else row["system"],
            "codebook": CODEBOOK, "version": __version__,
        },
        "coder": f"spiral {__version__}",
        "negated": row["negated"],
        "hypothetical": row["hypothetical"],
        "confidence": row.get("confidence", 1.0),
        "date_precision": row["date_precision"],
        "doc_id": row["doc_id"],
        "cameo": row["cameo"],
        "system": row["system"],
        "directed": row.get("directed", True),
        "source_intensity": row.get("source_intensity"),
        "fatalities": row.get("fatalities"),
    }
