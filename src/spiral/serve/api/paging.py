"""Sorting, keyset pagination with stable cursors, and JSON, CSV or Parquet answers.

A cursor holds the sort and the last row's (sort key, id): the next page starts after that row
whatever was added meanwhile, so pages neither repeat nor skip rows that were already there.
"""

from __future__ import annotations

import base64
import binascii
import io
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Any

import numpy as np
import polars as pl
from fastapi.responses import Response

from spiral.errors import InputError

MAX_LIMIT = 10_000
# a page whose conditions read at most this many rows of a cached listing is answered on the
# event loop (well under a millisecond); one that scans more goes to the thread pool, so it
# does not hold up every other request meanwhile
ON_LOOP_ROWS = 100_000
# filter columns every listing compares for equality only (queries.event_where, story_where)
EQUAL_ONLY = ("system", "mode")
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

    Sorting is the costly step on a large store: a `Listing` does it once per snapshot and sort.
    """
    descending = sort.startswith("-")
    column = sort.lstrip("-")
    if column not in allowed:
        hint = ", ".join(f"{c}, -{c}" for c in allowed)
        raise InputError(f"sort={sort!r} is not a sort of this listing; allowed: {hint}")
    key, _ = _key(frame, column)
    return frame.with_columns(key.alias("_key")).sort(["_key", id_column],
                                                      descending=[descending, False])


def _start(keys: pl.DataFrame, last_key: Any, last_id: str, *, descending: bool,
           id_column: str) -> int:
    """The position in `keys` (sorted by `_key`, then id) of the first row after the cursor's.

    >>> keys = pl.DataFrame({"_key": [3, 2, 2, 1], "id": ["a", "b", "c", "a"]})
    >>> _start(keys, 2, "b", descending=True, id_column="id")
    2
    """
    key = keys.get_column("_key")
    low = key.search_sorted(last_key, "left", descending=descending)
    high = key.search_sorted(last_key, "right", descending=descending)
    ties = keys.get_column(id_column).slice(low, high - low)
    return low + ties.search_sorted(last_id, "right")


def _first(mask: pl.Series, start: int, n: int) -> pl.Series:
    """Positions of the first `n` true values of `mask` from `start` on, read in growing
    chunks, so a page of a common filter stops after its rows, not at the end of the table.

    >>> _first(pl.Series([True, False, True, True]), 1, 1).to_list()
    [2]
    """
    found: list[Any] = []
    size, count = 4096, 0
    while start < mask.len() and count < n:
        hits = np.flatnonzero(mask.slice(start, size).to_numpy()) + start
        found.append(hits)
        count += len(hits)
        start += size
        size *= 4
    return pl.Series(np.concatenate(found)[:n] if found else [], dtype=pl.UInt32)


@dataclass(frozen=True, slots=True)
class Listing:
    """A table in one sort order, for paging without copying its rows.

    `keys` holds, in that order, the columns filters read, the sort key `_key` and `_row`
    (the row's position in `rows`); a page gathers only its own rows from `rows`. `postings`
    hold, per indexed column (or tuple of columns) and value, the ascending positions in `keys`
    of that value's rows, so a filter on an indexed column reads those rows, never the whole
    table, and a page with no other condition is read off the list.

    >>> frame = pl.DataFrame({"id": ["a", "b", "c"], "actor_code": ["B", "A", "B"],
    ...                       "n": [3, 1, 2]})
    >>> s = Listing.of(frame, sort="n", allowed=["n"], id_column="id", columns=["actor_code"],
    ...                indexed=["actor_code"])
    >>> s.matching(equal={"actor_code": "B"})["id"].to_list(), s.keys.columns
    (['c', 'a'], ['_row', 'actor_code', 'id', '_key'])
    """

    rows: pl.DataFrame
    keys: pl.DataFrame
    postings: dict[tuple[str, ...], dict[tuple[Any, ...], pl.Series]]
    sort: str
    id_column: str

    @classmethod
    def of(cls, frame: pl.DataFrame, *, sort: str, allowed: Sequence[str], id_column: str,
           columns: Sequence[str] | None = None,
           indexed: Sequence[str | tuple[str, ...]] = ()) -> Listing:
        """`frame` sorted by `sort` (see `ordered`); `columns` are those filters read (all of
        `frame` when None); `indexed` the columns (or tuples of columns, such as a dyad's two)
        filtered by equality (`equal`) that get posting lists."""
        numbered = frame.with_row_index("_row")
        if columns is not None:
            keep = dict.fromkeys(["_row", *columns, id_column, sort.lstrip("-")])
            numbered = numbered.select([c for c in keep if c in numbered.columns])
        keys = ordered(numbered, sort=sort, allowed=allowed, id_column=id_column)
        if columns is not None and sort.lstrip("-") not in columns:
            keys = keys.drop(sort.lstrip("-"))
        # indexed columns are only compared for equality: their codes, not their text (4
        # bytes a row, not 16), and so are `EQUAL_ONLY` columns
        coded = {c for index in indexed for c in ((index,) if isinstance(index, str) else index)
                 if c != id_column and keys.schema.get(c) == pl.String}
        coded |= {c for c in EQUAL_ONLY if keys.schema.get(c) == pl.String}
        if columns is not None and coded:
            keys = keys.with_columns(pl.col(*coded).cast(pl.Categorical))
        postings = {}
        for index in indexed:
            columns = (index,) if isinstance(index, str) else tuple(index)
            groups = keys.select(*columns, pl.int_range(pl.len(), dtype=pl.UInt32).alias("_at")) \
                .group_by(columns).agg("_at")
            postings[columns] = dict(zip(groups.select(columns).rows(), groups["_at"],
                                         strict=True))
        return cls(frame, keys, postings, sort, id_column)

    def _narrowed(self, equal: Mapping[str, Any], conditions: Sequence[pl.Expr]
                  ) -> tuple[Any, pl.Series | None]:
        """(positions in `keys` of the rows that may match, ascending, or None for all rows;
        the mask of those that do, or None when all do).

        The posting lists of `equal` select rows (intersected); the other conditions are one
        mask over the few columns they read, gathered at those rows only.
        """
        positions = None
        lists, unindexed = [], dict(equal)
        for columns, postings in sorted(self.postings.items(), key=lambda p: -len(p[0])):
            if all(c in unindexed for c in columns):
                lists.append(postings.get(tuple(unindexed.pop(c) for c in columns), _NONE))
        for posting in sorted(lists, key=len):
            if positions is None:
                positions = posting.to_numpy()
            else:
                positions = _intersect(positions, posting.to_numpy(), self.keys.height)
        rest = [pl.col(c) == v for c, v in unindexed.items()] + list(conditions)
        if not rest:
            return positions, None
        read = sorted({name for c in rest for name in c.meta.root_names()})
        columns = [self.keys.get_column(c) for c in read]
        if positions is not None:
            at = pl.Series(positions, dtype=pl.UInt32)
            columns = [column[at] for column in columns]
        keys = pl.DataFrame(columns) if columns else \
            pl.DataFrame({"_": pl.repeat(0, self.keys.height if positions is None
                                         else len(positions), eager=True)})
        return positions, keys.select(pl.all_horizontal(rest).fill_null(False)).to_series()

    def scan_size(self, *, equal: Mapping[str, Any] | None = None,
                  conditions: Sequence[pl.Expr] = ()) -> int:
        """At most how many rows a page's filter evaluates conditions on: 0 when posting lists
        answer it alone, else the length of the shortest posting list that applies (the whole
        table when none does).

        >>> frame = pl.DataFrame({"id": ["a", "b", "c"], "actor_code": ["B", "A", "B"]})
        >>> s = Listing.of(frame, sort="id", allowed=["id"], id_column="id",
        ...                columns=["actor_code"], indexed=["actor_code"])
        >>> s.scan_size(equal={"actor_code": "B"}), s.scan_size(conditions=[pl.col("id") > "a"])
        (0, 3)
        """
        given = _given(equal)
        applied = [(columns, postings) for columns, postings in self.postings.items()
                   if all(c in given for c in columns)]
        if not conditions and {c for columns, _ in applied for c in columns} >= set(given):
            return 0
        return min((len(postings.get(tuple(given[c] for c in columns), _NONE))
                    for columns, postings in applied), default=self.keys.height)

    def matching(self, *, equal: Mapping[str, Any] | None = None,
                 conditions: Sequence[pl.Expr] = ()) -> pl.DataFrame:
        """Every row (of `rows`) where each `equal` column has its value and every condition
        holds, in this listing's order; `equal` values of None are no filter."""
        positions, mask = self._narrowed(_given(equal), conditions)
        at = self.keys.get_column("_row")
        if positions is not None:
            at = at[pl.Series(positions, dtype=pl.UInt32)]
        return self.rows[at if mask is None else at.filter(mask)]

    def page(self, *, equal: Mapping[str, Any] | None = None,
             conditions: Sequence[pl.Expr] = (), cursor: str | None, limit: int
             ) -> tuple[pl.DataFrame, str | None, int]:
        """(rows of this page, cursor of the next page or None, matching rows over all pages)."""
        positions, mask = self._narrowed(_given(equal), conditions)
        n = self.keys.height if positions is None else len(positions)
        total = n if mask is None else int(mask.sum())
        start = 0
        if cursor:
            last_key, last_id = _decode(cursor, self.sort, _kind(self.keys.schema["_key"]))
            start = _start(self.keys, last_key, last_id, descending=self.sort.startswith("-"),
                           id_column=self.id_column)
            if positions is not None:  # the first of the rows that may match from there on
                start = int(np.searchsorted(positions, start))
        shown = np.arange(start, min(n, start + limit + 1)) if mask is None \
            else _first(mask, start, limit + 1).to_numpy()
        if positions is not None:
            shown = positions[shown]
        at = pl.Series(shown, dtype=pl.UInt32)
        next_cursor = None
        if len(at) > limit:
            at = at.head(limit)
            last = at[-1]
            next_cursor = _encode(self.sort, self.keys.get_column("_key")[last],
                                  self.keys.get_column(self.id_column)[last])
        return self.rows[self.keys.get_column("_row")[at]], next_cursor, total


_NONE = pl.Series(dtype=pl.UInt32)


def _intersect(shorter: Any, longer: Any, height: int) -> Any:
    """The positions (ascending, below `height`) of `shorter` that are in `longer`: binary
    search when `shorter` is far shorter, else a bitmap (faster than numpy's intersect1d).

    >>> _intersect(np.array([1, 4, 7]), np.array([0, 4, 5, 7]), 8).tolist()
    [4, 7]
    """
    if not len(longer):
        return longer
    if 16 * len(shorter) < len(longer):
        at = np.searchsorted(longer, shorter).clip(max=len(longer) - 1)
        return shorter[longer[at] == shorter]
    member = np.zeros(height, dtype=bool)
    member[longer] = True
    return shorter[member[shorter]]


def _given(equal: Mapping[str, Any] | None) -> dict[str, Any]:
    return {column: value for column, value in (equal or {}).items() if value is not None}


@dataclass(frozen=True, slots=True)
class Paging:
    """The page a request asks for: sort, cursor, rows per page and format."""

    sort: str | None
    cursor: str | None
    limit: int
    format: Format

    def respond(self, table: pl.DataFrame | Listing, *, sort: str, allowed: Sequence[str],
                id_column: str, name: str, equal: Mapping[str, Any] | None = None,
                conditions: Sequence[pl.Expr] = (), hidden: Sequence[str] = ()) -> Response:
        """The page of `table`'s rows where each `equal` column has its value (None is no
        filter) and every condition holds, answered in the asked format without `hidden`.

        `table` is a `Listing` made for `sort`, or a frame (small: sorted here).
        """
        if isinstance(table, pl.DataFrame):
            table = Listing.of(table, sort=sort, allowed=allowed, id_column=id_column)
        rows, next_cursor, total = table.page(equal=equal, conditions=conditions,
                                              cursor=self.cursor, limit=self.limit)
        if hidden:
            rows = pl.DataFrame([rows.get_column(c) for c in rows.columns if c not in hidden])
        return answer(rows, self.format, next_cursor=next_cursor, total=total,
                      limit=self.limit, name=name)

    async def respond_cached(self, catalog: Any, key: Any, listing: Callable[[Any], Listing], *,
                             equal: Mapping[str, Any] | None = None,
                             conditions: Sequence[pl.Expr] = (), **options: Any) -> Response:
        """`respond(listing(catalog), ...)` for an `async` route: on the event loop when the
        listing (`key`, see `listing_key`) is cached in the snapshot served now and the page
        reads few rows, else in the thread pool (it reads the store, sorts the table or scans
        it first).

        A sync route costs a hop to the thread pool and back, and the pool's threads contend
        for the GIL: under 50 concurrent clients that was most of a page's time.
        """
        view = catalog.served(key)
        if view is not None:
            table = listing(view)
            if table.scan_size(equal=equal, conditions=conditions) <= ON_LOOP_ROWS:
                return self.respond(table, equal=equal, conditions=conditions, **options)
        from starlette.concurrency import run_in_threadpool

        return await run_in_threadpool(lambda: self.respond(
            listing(catalog), equal=equal, conditions=conditions, **options))


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


def cached_listing(catalog: Any, name: str, frame: Callable[[], pl.DataFrame], *, sort: str,
                   allowed: Sequence[str], id_column: str, columns: Sequence[str] | None = None,
                   indexed: Sequence[str | tuple[str, ...]] = ()) -> Listing:
    """`Listing.of(frame(), ...)`, cached per snapshot, listing and sort (under
    `listing_key(name, sort)`)."""
    if sort.lstrip("-") not in allowed:  # refuse before caching anything
        ordered(pl.DataFrame(), sort=sort, allowed=allowed, id_column=id_column)
    return catalog.derived(listing_key(name, sort), lambda: Listing.of(
        frame(), sort=sort, allowed=allowed, id_column=id_column, columns=columns,
        indexed=indexed))


def listing_key(name: str, sort: str) -> tuple[str, str, str]:
    """The catalog key under which `cached_listing` keeps listing `name` in order `sort`."""
    return ("listing", name, sort)
