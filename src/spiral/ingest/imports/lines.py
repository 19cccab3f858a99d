"""Imports read and mapped inside the store's database: DuckDB's CSV reader reads a file line by
line, one SQL query splits the fields, joins the mapping tables (data, not code) and appends the
events; what is not an event comes back as side rows, read here into the `ImportLog`.

The query numbers lines as DuckDB reads them (`row_number() OVER ()` streams, blank lines
included), so a side row's physical line is its number plus the lines DuckDB rejected before it
(bytes that are not UTF-8, which DuckDB reports with their line and byte offset). Lines end as
the file's first line does (LF or CRLF); a lone carriage return in a file of LF lines also ends
one for DuckDB, so lines after it count one more than an editor shows. Each side row has a kind
and a detail:

| kind       | what                                   | detail                     |
| ---------- | -------------------------------------- | -------------------------- |
| `skip`     | a blank line or the header             |                            |
| `fields`   | a wrong number of fields: quarantined  | the number of fields       |
| `empty`    | a required field is empty: quarantined | the field's name           |
| `date`     | the date cannot be read: quarantined   | the date as written        |
| `unmapped` | read, but PLOVER has no type for it    | why                        |
| `unknown`  | a code the mapping table does not have | the code                   |
"""

from __future__ import annotations

import contextlib
import functools
import json
import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from spiral import plover
from spiral.ingest.imports.common import ImportLog, Member, members

# DuckDB's CSV reader is asked for one column per line: a delimiter no text file has, so the
# query splits the fields itself (a row with the wrong number of fields is then a side row
# with its line, not a reader error).
LINE_DELIMITER = "\\x1f\\x1e"


@dataclass(frozen=True, slots=True)
class LineRead:
    """One stream of a file to read line by line into the events table.

    `select` is a query over `lines(_n, line)` (line number, text; NULL for a blank line) that
    gives the events columns, `_kind`, `_detail` (NULL for an event) and `_line` (the line as
    read); `tables` are the mapping tables it joins, by name. `prepare` are statements run
    before it, in the same transaction (`{lines}` in them is the same lines, read once more):
    tables the select joins that need the whole file first (ICEWS's repeated ids); `repeated`
    a query giving how many rows repeat an id of the file; `cleanup` statements run last.
    """

    origin: str
    source: Path  # the file DuckDB reads: the file itself or a zip member written out
    compression: str  # "none" or "gzip"
    select: str
    tables: dict[str, pl.DataFrame]
    what: str  # the layout's name, for messages
    columns: tuple[str, ...]  # the layout's fields
    system: str
    required: tuple[str, ...]
    date_field: str
    date_formats: str
    member: Member = field(repr=False, compare=False)
    prepare: tuple[str, ...] = ()
    repeated: str | None = None
    cleanup: tuple[str, ...] = ()  # run after the select: drop what `prepare` made

    def lines(self) -> str:
        """The stream's lines as `(_n, line)`, numbered as DuckDB reads them."""
        return f"(SELECT row_number() OVER () AS _n, line FROM {self.reader()})"

    def reader(self) -> str:
        """The read_csv call of this stream (paths are quoted for SQL)."""
        quoted = str(self.source).replace("'", "''")
        return (f"read_csv('{quoted}', delim=E'{LINE_DELIMITER}', quote='', escape='', "
                f"header=false, columns={{'line': 'VARCHAR'}}, auto_detect=false, "
                f"strict_mode=false, store_rejects=true, compression='{self.compression}')")


@dataclass(frozen=True, slots=True)
class LinesImported:
    """What a store's line import did: events appended, the side rows to quarantine (`_kind`,
    `_n`, `_detail`, `line`), the rows not mapped counted by (kind, detail), and the lines
    DuckDB rejected as (line, byte offset, message)."""

    n_rows: int
    side: pl.DataFrame
    unmapped: dict[tuple[str, str], int]
    rejected: list[tuple[int, int, str]]
    n_repeated_ids: int = 0


@contextlib.contextmanager
def line_reads(path: Path, plan: Callable[[Member, Path, str, int, int], LineRead | None]
               ) -> Iterator[list[LineRead]]:
    """The LineReads of a file, one per stream (the plan is told each stream's index and how
    many there are): a zip archive's members are written out to a temporary folder (DuckDB
    reads plain and gzip files, not zip), removed afterwards."""
    found = members(path)
    with tempfile.TemporaryDirectory(prefix="spiral-import-") as folder:
        reads = []
        for i, member in enumerate(found):
            if member.origin == str(path):
                with path.open("rb") as handle:
                    gzipped = handle.read(2) == b"\x1f\x8b"
                source, compression = path, "gzip" if gzipped else "none"
            else:
                source, compression = Path(folder) / f"member-{i}", "none"
                with member.open() as stream, source.open("wb") as out:
                    shutil.copyfileobj(stream, out, 1 << 20)
            read = plan(member, source, compression, i, len(found))
            if read is not None:
                reads.append(read)
        yield reads


@functools.cache
def cameo_table() -> pl.DataFrame:
    """The CAMEO to PLOVER crosswalk as a table: every code of the codebook and its root, its
    PLOVER type, mode, contexts, quad class and spiral's intensity, or why it has no type.
    Built once per process (polars frames are not changed in place)."""
    codes = sorted(plover.cameo_codes() | {c[:2] for c in plover.cameo_codes()})
    rows = []
    for code in codes:
        found = plover.cameo_to_plover(code)
        if found:
            event_type, mode, context = found
            rows.append((code, event_type, mode, list(context),
                         plover.EVENT_TYPES[event_type].quad_code,
                         plover.intensity(event_type, mode), None))
        else:
            rows.append((code, None, "", [], None, None, plover.cameo_unmapped_reason(code)))
    return pl.DataFrame(rows, orient="row", schema={
        "code": pl.String, "event_type": pl.String, "mode": pl.String,
        "context": pl.List(pl.String), "quad_code": pl.Int64, "intensity": pl.Float64,
        "reason": pl.String})


def line_select(*, columns: list[str], has_header: bool, required: tuple[str, ...],
                date_field: str, date: str, events: str, derived: str = "", joins: str = "",
                unmapped: tuple[tuple[str, str, str], ...] = ()) -> str:
    """A query over `lines(_n, line)` for a delimiter-separated layout (tab): one row per
    line with the events columns (`events`, a select list over `r."<field>"`, `r.date` and
    `derived`, with `joins` joined), `_kind` and `_detail` as the module's table says.

    `date` is the SQL of the date (from `date_field`); `unmapped` are (kind, condition, detail)
    of rows read but not mapped, tested in order after the checks every event passes.

    Each WHEN of a CASE is evaluated only for the rows no earlier WHEN took: the checks an event
    passes are the cheap ones, and a blank line's trim runs only on lines that do not have the
    layout's fields (trimming every line cost 0.4 s of 1M GDELT rows' 7 CPU seconds); `_detail`
    is computed only for the rows that are not events. A line of empty fields is skipped, as
    the frame readers skip it.
    """
    def quoted(name: str) -> str:
        return '"' + name.replace('"', '""') + '"'

    fields = ", ".join(f"coalesce(f[{i + 1}], '') AS {quoted(c)}"
                       for i, c in enumerate(columns))
    empty = " OR ".join(f"r.{quoted(c)} = ''" for c in required)
    which_empty = " ".join(f"WHEN {quoted(c)} = '' THEN '{c}'" for c in required)
    kinds = " ".join(f"WHEN {condition} THEN '{kind}'" for kind, condition, _ in unmapped)
    detail_columns = ", ".join(f"CASE WHEN {condition} THEN {detail} END AS _detail_{kind}"
                               for kind, condition, detail in unmapped)
    details = " ".join(f"WHEN _kind = '{kind}' THEN _detail_{kind}" for kind, _, _ in unmapped)
    kept = ", ".join(f"r.{quoted(c)}" for c in dict.fromkeys(required))
    return f"""
SELECT *, CASE WHEN _kind IS NULL THEN NULL
       WHEN _kind = 'fields' THEN _n_fields::VARCHAR
       WHEN _kind = 'empty' THEN CASE {which_empty} END
       WHEN _kind = 'date' THEN _date_text
       {details} END AS _detail
FROM (
SELECT {events}, r.line AS _line, r._n AS _n, r._n_fields,
  r.{quoted(date_field)} AS _date_text,
  {', '.join(c for c in (detail_columns, kept) if c)},
  CASE WHEN r.line IS NULL {'OR r._n = 1' if has_header else ''} THEN 'skip'
       WHEN r._n_fields != {len(columns)} THEN
            CASE WHEN trim(r.line) = '' THEN 'skip' ELSE 'fields' END
       WHEN {empty} THEN CASE WHEN rtrim(r.line, E'\\t') = '' THEN 'skip' ELSE 'empty' END
       WHEN r.date IS NULL THEN 'date'
       {kinds} END AS _kind
FROM (SELECT {', '.join(c for c in ('*', f'{date} AS date', derived) if c)}
      FROM (SELECT _n, line, len(f) AS _n_fields, {fields}
            FROM (SELECT _n, line, string_split(coalesce(line, ''), E'\\t') AS f FROM lines)) r
     ) r
{joins})"""


def entity_sql(name: str, code: str, sector: str) -> str:
    """The SQL twin of `entity_json`: a one-entity JSON list from three text expressions.

    Written with concat and to_json, byte for byte what json_object writes, in two thirds of its
    time (0.35 of 1M GDELT rows' 7 CPU seconds for the two entities of each row).
    """
    return (f"CASE WHEN {code} != '' OR {name} != '' THEN concat('[{{\"entity_text\":', "
            f"to_json({name}), ',\"entity_name\":', to_json({name}), ',\"code\":', "
            f"to_json({code}), ',\"sector\":', to_json({sector}), ',\"role\":\"\","
            "\"role_valid_from\":null,\"role_valid_to\":null,\"wikidata_id\":null}]') "
            "ELSE '[]' END")


@functools.cache
def plover_types_table() -> pl.DataFrame:
    """Every PLOVER type and mode with its quad class and spiral's intensity (the mode '' for
    the type's own): `scored` as a table, joined on the type and then on the type and mode."""
    rows = []
    for name, known in plover.EVENT_TYPES.items():
        for mode, value in {"": known.intensity, **known.modes}.items():
            rows.append((name, mode, known.quad_code, value))
    return pl.DataFrame(rows, orient="row", schema={
        "event_type": pl.String, "mode": pl.String, "quad_code": pl.Int64,
        "intensity": pl.Float64})


def country_keys(value: str, name: str) -> str:
    """Derived columns `<name>_k1`, `_k2`, `_k3`: the keys `country_code` tries for a country
    name, in SQL (whitespace collapsed and lower case; an inverted "Moldova, Republic of" put
    back in order; a leading "the " dropped)."""
    k1 = f"lower(trim(regexp_replace({value}, '\\s+', ' ', 'g')))"
    k2 = (f"CASE WHEN contains({k1}, ', ') THEN substr({k1}, strpos({k1}, ', ') + 2) || ' ' "
          f"|| split_part({k1}, ', ', 1) END")
    k3 = (f"CASE WHEN starts_with(coalesce({k2}, {k1}), 'the ') "
          f"THEN substr(coalesce({k2}, {k1}), 5) END")
    return f"{k1} AS {name}_k1, {k2} AS {name}_k2, {k3} AS {name}_k3"


def country_joins(name: str) -> str:
    """Joins of the `country_names` table on the keys of `country_keys`."""
    return " ".join(f"LEFT JOIN country_names {name}_c{i} ON {name}_c{i}.key = r.{name}_k{i}"
                    for i in (1, 2, 3))


def country_code_sql(name: str) -> str:
    """The code `country_code` gives, '' when none (after `country_keys` and `country_joins`)."""
    return f"coalesce({name}_c1.code, {name}_c2.code, {name}_c3.code, '')"


@functools.cache
def country_table() -> pl.DataFrame:
    """Every name `country_code` resolves (casefolded) and its code, as a table."""
    from spiral.countries import country_names

    names = country_names()
    return pl.DataFrame({"key": list(names), "code": list(names.values())},
                        schema={"key": pl.String, "code": pl.String})


def json_columns(columns: list[str]) -> str:
    """The SQL twin of `native_json`: the named fields of a row as a JSON object (text),
    written with concat and to_json as `entity_sql` is (a control character comes out as
    `\\u001F` where polars writes `\\u001f`: the same JSON)."""
    def literal(text: str) -> str:
        return "'" + text.replace("'", "''") + "'"

    def field(name: str) -> str:
        return 'r."' + name.replace('"', '""') + '"'

    named = [c for c in columns if not c.startswith("_")]
    parts = []
    for i, name in enumerate(named):
        parts += [literal(("{" if i == 0 else ",") + json.dumps(name, ensure_ascii=False) + ":"),
                  f"to_json({field(name)})"]
    return f"concat({', '.join(parts)}, '}}')" if named else "'{}'"


def cameo_unmapped(code: str) -> tuple[tuple[str, str, str], ...]:
    """The `unmapped` of `line_select` for a CAMEO code joined to `cameo_table` as `m`: a code
    the codebook does not have, then a code PLOVER does not code."""
    return (("unknown", "m.code IS NULL", f"trim({code})"),
            ("unmapped", "m.event_type IS NULL", "m.reason"))


def physical_line(number: int, rejected: list[int]) -> int:
    """The physical line of the `number`-th line DuckDB passed on, given the (sorted) lines it
    rejected.

    >>> physical_line(3, [2, 5]), physical_line(1, [1, 2])
    (4, 3)
    """
    line = number
    for skipped in rejected:
        if skipped <= line:
            line += 1
        else:
            break
    return line


def account(read: LineRead, done: LinesImported, log: ImportLog,
            unknown_reason: Callable[[str], str]) -> None:
    """Fill `log` from what a store's line import of `read` did."""
    side, rejected = done.side, done.rejected
    log.n_rows += done.n_rows
    log.n_repeated_ids += done.n_repeated_ids
    rejected_lines = sorted({line for line, _, _ in rejected})
    found: list[tuple[int, str, str]] = []  # (line, reason, raw), put in line order
    for line, offset, message in sorted(set(rejected)):
        raw = _raw_line(read.member, offset)
        found.append((line, _rejected_reason(read, raw, message), raw.decode("utf-8", "replace")))
    for (kind, detail), n in done.unmapped.items():
        reason = detail if kind == "unmapped" else unknown_reason(detail)
        log.unmapped[reason or "no PLOVER type"] += n
        log.n_rows += n
    bad = side.filter(pl.col("_kind").is_in(["fields", "empty", "date"]))
    for kind, number, detail, text in bad.select("_kind", "_n", "_detail", "line").iter_rows():
        line = physical_line(number, rejected_lines)
        if kind == "fields":
            reason = (f"{detail} fields where {read.what} rows have {len(read.columns)}; fix "
                      "the delimiters or quotes of that line")
            found.append((line, reason, text))
            continue
        values = dict(zip(read.columns, text.split("\t")))
        raw = str({c: values.get(c, "") for c in (*read.required, read.date_field)})
        reason = (f"{detail!r} is empty; every {read.system} row needs it" if kind == "empty"
                  else f"{read.date_field!r}={detail!r} is not a date; {read.system} files "
                  f"write {read.date_formats}")
        found.append((line, reason, raw))
    for line, reason, raw in sorted(found):
        log.quarantine(f"{read.origin}:{line}", reason, raw)


def _raw_line(member: Member, offset: int) -> bytes:
    """The bytes of the line that starts at `offset` of a stream (a rare, rejected line)."""
    with member.open() as stream:
        if offset:
            stream.seek(offset)
        return stream.readline(1 << 20).rstrip(b"\r\n").removeprefix(b"\xef\xbb\xbf")


def _rejected_reason(read: LineRead, raw: bytes, message: str) -> str:
    for name, value in zip(read.columns, raw.split(b"\t")):
        try:
            value.decode("utf-8")
        except UnicodeDecodeError as error:
            return (f"{name!r} has a byte that is not UTF-8 (0x{value[error.start]:02x}); "
                    "re-save the file as UTF-8")
    return f"cannot be read ({message}); fix that line"
