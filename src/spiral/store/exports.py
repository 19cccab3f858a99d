"""Exports: PLOVER JSONL for events, CSV and Parquet for any table; written atomically."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Literal

import polars as pl

from spiral.errors import InputError, StoreError
from spiral.store.outputs import check_output, json_with_keys, starts_with, write_output


def write(frame: pl.DataFrame, fmt: Literal["plover-jsonl", "csv", "parquet"], out: Path, *,
          table: str, protected: Sequence[Path] = ()) -> Path:
    """Write `frame` to `out` atomically, never over `protected` paths or a file not ours."""
    if fmt == "plover-jsonl" and table != "events":
        raise StoreError(f"--format plover-jsonl exports events only, not {table!r}; "
                         "use csv or parquet for other tables")
    writers = {"plover-jsonl": (_write_plover, json_with_keys("eventText", "docId")),
               "csv": (_write_csv, starts_with(",".join(frame.columns).encode())),
               "parquet": (lambda f, tmp: f.write_parquet(tmp), _parquet_with(frame.columns))}
    if fmt not in writers:
        raise StoreError(f"--format {fmt!r} is unknown; use plover-jsonl, csv or parquet")
    writer, is_ours = writers[fmt]
    return write_output(out, lambda tmp: writer(frame, tmp), is_ours=is_ours,
                        what=f"{table} export", protected=protected)


def _write_plover(frame: pl.DataFrame, path: Path) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for row in frame.iter_rows(named=True):
            handle.write(json.dumps(plover_record(row), ensure_ascii=False) + "\n")


def _write_csv(frame: pl.DataFrame, path: Path) -> None:
    nested = [c for c, t in frame.schema.items() if isinstance(t, pl.List)]
    frame.with_columns(pl.col(c).list.join(";") for c in nested).write_csv(path)


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


def _plover_actors(entities_json: str) -> list[dict[str, Any]]:
    return [{"actorText": e["entity_text"], "code": e["code"], "sector": e["sector"],
             "entityName": e["entity_name"], "role": e["role"]}
            for e in json.loads(entities_json)]


def plover_record(row: dict[str, Any]) -> dict[str, Any]:
    """One event in the PLOVER event data model, plus spiral's fields.

    >>> plover_record({"id": "e1", "date": None, "event_type": "ASSAULT", "mode": "missile",
    ...     "context": ["military"], "actor": "[]", "recipient": "[]", "text": "t",
    ...     "doc_id": "d", "start": 0, "end": 1, "intensity": -9.0, "quad_code": 4,
    ...     "cameo": "19", "negated": False, "hypothetical": False, "confidence": 0.9,
    ...     "source": "", "url": "",
    ...     "system": "spiral", "date_precision": "day"})["event"]
    'ASSAULT'
    """
    return {
        "id": row["id"],
        "date": row["date"].isoformat() if row["date"] else None,
        "datePrecision": row["date_precision"],
        "event": row["event_type"],
        "mode": row["mode"],
        "context": ", ".join(row["context"]),
        "source": _plover_actors(row["actor"]),
        "target": _plover_actors(row["recipient"]),
        "eventText": row["text"][: 200],
        "text": row["text"],
        "intensity": row["intensity"],
        "quadCode": row["quad_code"],
        "cameo": row["cameo"],
        "negated": row["negated"],
        "hypothetical": row["hypothetical"],
        "confidence": row["confidence"],
        "docId": row["doc_id"],
        "start": row["start"],
        "end": row["end"],
        "publication": row["source"],
        "url": row["url"],
        "system": row["system"],
        "language": "en",
    }
