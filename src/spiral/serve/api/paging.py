"""Sorting, keyset pagination with stable cursors, and JSON, CSV or Parquet answers.

A cursor holds the sort and the last row's (sort key, id): the next page starts after that row
whatever was added meanwhile, so pages neither repeat nor skip rows that were already there.
"""

from __future__ import annotations

import base64
import binascii
import io
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Any

import polars as pl
from fastapi.responses import Response

from spiral.errors import InputError

MAX_LIMIT = 10_000
_NULL_LAST = {"date": date(9999, 12, 31), "num": float("inf"), "str": "\U0010ffff"}


class Format(str, Enum):
    json = "json"
    csv = "csv"
    parquet = "parquet"


TABLE_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {"content": {"text/csv": {"schema": {"type": "string"}},
                      "application/vnd.apache.parquet": {"schema": {"type": "string",
                                                                    "format": "binary"}}},
          "description": "JSON by default; CSV or Parquet with `format` (the next cursor is then "
                         "in the X-Next-Cursor header)."}}


def _kind(dtype: pl.DataType) -> str:
    if dtype == pl.Date:
        return "date"
    if dtype.is_numeric():
        return "num"
    return "str"


def _key(frame: pl.DataFrame, column: str) -> tuple[pl.Expr, str]:
    kind = _kind(frame.schema[column])
    if kind == "num":
        return pl.col(column).cast(pl.Float64).fill_null(_NULL_LAST["num"]), kind
    if kind == "date":
        return pl.col(column).fill_null(_NULL_LAST["date"]), kind
    return pl.col(column).cast(pl.String).fill_null(_NULL_LAST["str"]), kind


def _encode(sort: str, key: Any, last_id: str) -> str:
    if isinstance(key, date):
        key = key.isoformat()
    raw = json.dumps([sort, key, last_id], ensure_ascii=False).encode("utf-8")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def _decode(cursor: str, sort: str, kind: str) -> tuple[Any, str]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        given_sort, key, last_id = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
        if kind == "date":
            key = date.fromisoformat(key)
        elif kind == "num":
            key = float(key)
        elif not isinstance(key, str):
            raise TypeError("key")
        if not isinstance(last_id, str):
            raise TypeError("id")
    except (ValueError, TypeError, binascii.Error, UnicodeError):
        raise InputError(f"cursor={cursor[:40]!r} is not a cursor this API gave; pass the "
                         "next_cursor of the previous page, or none for the first page") from None
    if given_sort != sort:
        raise InputError(f"cursor was made for sort={given_sort!r}, not sort={sort!r}; keep the "
                         "sort across pages or start again without a cursor")
    return key, last_id


def ordered(frame: pl.DataFrame, *, sort: str, allowed: Sequence[str],
            id_column: str) -> pl.DataFrame:
    """`frame` sorted by `sort` then `id_column`, with the sort key in `_key` (nulls last).

    Sorting is the costly step on a large store, so callers cache this per snapshot and sort,
    then filter: filters keep the order.
    """
    descending = sort.startswith("-")
    column = sort.lstrip("-")
    if column not in allowed:
        hint = ", ".join(f"{c}, -{c}" for c in allowed)
        raise InputError(f"sort={sort!r} is not a sort of this listing; allowed: {hint}")
    key, _ = _key(frame, column)
    return frame.with_columns(key.alias("_key")).sort(["_key", id_column],
                                                      descending=[descending, False])


def page(frame: pl.DataFrame, *, sort: str, allowed: Sequence[str], id_column: str,
         cursor: str | None, limit: int, presorted: bool = False
         ) -> tuple[pl.DataFrame, str | None, int]:
    """(rows of this page, cursor of the next page or None, rows over all pages).

    `sort` is a column of `allowed`, with a leading '-' for descending; ties go by `id_column`.
    With `presorted`, `frame` comes from `ordered` (then filtered) with the same sort.
    """
    if not presorted:
        frame = ordered(frame, sort=sort, allowed=allowed, id_column=id_column)
    descending = sort.startswith("-")
    total = frame.height
    if cursor:
        last_key, last_id = _decode(cursor, sort, _kind(frame.schema["_key"]))
        after = (pl.col("_key") < last_key) if descending else (pl.col("_key") > last_key)
        frame = frame.filter(after | ((pl.col("_key") == last_key)
                                      & (pl.col(id_column) > last_id)))
    shown = frame.head(limit + 1)
    more = shown.height > limit
    shown = shown.head(limit)
    next_cursor = None
    if more:
        last = shown.row(shown.height - 1, named=True)
        next_cursor = _encode(sort, last["_key"], last[id_column])
    return shown.drop("_key"), next_cursor, total


@dataclass(frozen=True, slots=True)
class Paging:
    """The page a request asks for: sort, cursor, rows per page and format."""

    sort: str | None
    cursor: str | None
    limit: int
    format: Format

    def respond(self, frame: pl.DataFrame, *, sort: str, allowed: Sequence[str], id_column: str,
                name: str, presorted: bool = False, hidden: Sequence[str] = ()) -> Response:
        """This page of `frame` (see `page`), answered in the asked format without `hidden`."""
        rows, next_cursor, total = page(frame, sort=sort, allowed=allowed, id_column=id_column,
                                        cursor=self.cursor, limit=self.limit,
                                        presorted=presorted)
        return answer(rows.drop(hidden), self.format, next_cursor=next_cursor, total=total,
                      limit=self.limit, name=name)


def answer(frame: pl.DataFrame, fmt: Format, *, next_cursor: str | None, total: int,
           limit: int, name: str) -> Response:
    """A page as the JSON envelope, or as a CSV or Parquet file of its rows.

    JSON is written by polars directly (the response models document it, and the schemathesis
    tests check every answer against them): validating each row in Python would cost more
    than the query on a large store.
    """
    if fmt is Format.json:
        envelope = json.dumps({"total": total, "limit": limit, "next_cursor": next_cursor})
        body = '{"items":' + frame.write_json() + "," + envelope[1:]
        return Response(body, media_type="application/json")
    headers = {"X-Total-Count": str(total),
               "Content-Disposition": f'attachment; filename="{name}.{fmt.value}"'}
    if next_cursor:
        headers["X-Next-Cursor"] = next_cursor
    if fmt is Format.csv:
        return Response(flat(frame).write_csv(), media_type="text/csv", headers=headers)
    buffer = io.BytesIO()
    frame.write_parquet(buffer)
    return Response(buffer.getvalue(), media_type="application/vnd.apache.parquet",
                    headers=headers)


def flat(frame: pl.DataFrame) -> pl.DataFrame:
    """Columns a CSV can hold: entities as their codes (';'-separated), lists joined by ';'.

    >>> flat(pl.DataFrame({"actor": [[{"code": "RUS", "entity_name": "Russia"}]],
    ...                    "context": [["military", "cbrn"]]})).row(0)
    ('RUS', 'military;cbrn')
    """
    columns = []
    for name, dtype in frame.schema.items():
        if isinstance(dtype, pl.List) and isinstance(dtype.inner, pl.Struct):
            field = "code" if "code" in [f.name for f in dtype.inner.fields] else None
            if field:
                columns.append(pl.col(name).list.eval(pl.element().struct.field(field))
                               .list.join(";").alias(name))
            else:
                columns.append(pl.col(name).list.eval(pl.element().struct.json_encode())
                               .list.join(";").alias(name))
        elif isinstance(dtype, pl.List):
            columns.append(pl.col(name).cast(pl.List(pl.String)).list.join(";").alias(name))
        elif isinstance(dtype, pl.Struct):
            fields = [f.name for f in dtype.fields]
            columns.append((pl.col(name).struct.field("code") if "code" in fields
                            else pl.col(name).struct.json_encode()).alias(name))
    return frame.with_columns(columns) if columns else frame


def check_limit(limit: int) -> int:
    if not 1 <= limit <= MAX_LIMIT:
        raise InputError(f"limit={limit} is out of range; pass 1 to {MAX_LIMIT}")
    return limit


@dataclass(frozen=True, slots=True)
class Sorted:
    """A listing sorted once (`ordered`), and the same rows split by actor code, so that a
    request filtered by actor or dyad reads that actor's rows, not the whole table."""

    frame: pl.DataFrame
    by_actor: dict[str, pl.DataFrame]

    def rows(self, actor: str | None = None) -> pl.DataFrame:
        """All rows in order, or only those of `actor` (still in order).

        >>> s = Sorted.of(pl.DataFrame({"actor_code": ["B", "A", "B"], "_key": [1, 2, 3]}))
        >>> s.rows("B")["_key"].to_list(), s.rows("C").height, s.rows().height
        ([1, 3], 0, 3)
        """
        if actor is None or not self.by_actor:
            return self.frame
        return self.by_actor.get(actor, self.frame.head(0))

    def of_dyads(self, dyads: Sequence[str]) -> pl.DataFrame:
        """Rows of these dyads ('RUS-UKR'; 'RUS~UKR' for an unordered pair), each in order.

        >>> s = Sorted.of(pl.DataFrame({"actor_code": ["A", "A", "B"],
        ...                             "recipient_code": ["B", "C", "A"], "directed": True}))
        >>> s.of_dyads(["A-C", "B-A", "A-C"])["recipient_code"].to_list()
        ['C', 'A']
        """
        parts = []
        for key in dict.fromkeys(dyads):
            undirected = "~" in key
            actor, _, recipient = key.partition("~" if undirected else "-")
            rows = self.rows(actor).filter(pl.col("recipient_code") == recipient)
            parts.append(rows.filter(pl.col("directed") != undirected)
                         if "directed" in rows.columns else rows)
        return pl.concat(parts) if parts else self.frame.head(0)

    @classmethod
    def of(cls, frame: pl.DataFrame) -> Sorted:
        if "actor_code" not in frame.columns:
            return cls(frame, {})
        parts = frame.partition_by("actor_code", as_dict=True, maintain_order=True)
        return cls(frame, {key[0]: part for key, part in parts.items()})


def sorted_base(catalog: Any, name: str, frame: Callable[[], pl.DataFrame], *, sort: str,
                allowed: Sequence[str], id_column: str) -> Sorted:
    """`ordered(frame())` split by actor, cached per snapshot, listing and sort."""
    if sort.lstrip("-") not in allowed:  # refuse before caching anything
        ordered(pl.DataFrame(), sort=sort, allowed=allowed, id_column=id_column)
    return catalog.derived(("ordered", name, sort), lambda: Sorted.of(ordered(
        frame(), sort=sort, allowed=allowed, id_column=id_column)))
