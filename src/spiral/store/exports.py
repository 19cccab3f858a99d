"""Exports: PLOVER JSONL for events, CSV and Parquet for any table; written atomically."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Literal

import polars as pl

from spiral.errors import StoreError


def write(frame: pl.DataFrame, fmt: Literal["plover-jsonl", "csv", "parquet"], out: Path, *,
          table: str) -> Path:
    """Write `frame` to `out` through a temporary file and a rename."""
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.tmp")
    if fmt == "plover-jsonl":
        if table != "events":
            raise StoreError(f"--format plover-jsonl exports events only, not {table!r}; "
                             "use csv or parquet for other tables")
        with tmp.open("w", encoding="utf-8") as handle:
            for row in frame.iter_rows(named=True):
                handle.write(json.dumps(plover_record(row), ensure_ascii=False) + "\n")
    elif fmt == "csv":
        nested = [c for c, t in frame.schema.items() if isinstance(t, pl.List)]
        frame.with_columns(pl.col(c).list.join(";") for c in nested).write_csv(tmp)
    elif fmt == "parquet":
        frame.write_parquet(tmp)
    else:
        raise StoreError(f"--format {fmt!r} is unknown; use plover-jsonl, csv or parquet")
    os.replace(tmp, out)
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
    ...     "cameo": "19", "negated": False, "hypothetical": False, "source": "", "url": "",
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
        "docId": row["doc_id"],
        "start": row["start"],
        "end": row["end"],
        "publication": row["source"],
        "url": row["url"],
        "system": row["system"],
        "language": "en",
    }
