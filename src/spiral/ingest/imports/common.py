"""Streaming reads of real event data files into frames shaped like the store's events.

Files are read as they come: plain, gzip or zip (every member, in name order), with or without
a UTF-8 byte-order mark. Blocks are parsed by pyarrow's streaming CSV reader, so a multi-GB
export never has to fit in memory, and mapped column-wise with polars. A row that cannot be read
(wrong number of fields, bytes that are not UTF-8, a missing id or an unreadable date) is
quarantined with its physical line number and the reason; the rest of the file is read. Rows
read but not mapped to PLOVER are counted by reason.
"""

from __future__ import annotations

import gzip
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

import polars as pl
import pyarrow as pa
import pyarrow.csv as pacsv

from spiral import plover
from spiral.errors import InputError
from spiral.records import Quarantined

EVENT_SCHEMA = {
    "id": pl.String, "doc_id": pl.String, "system": pl.String, "event_type": pl.String,
    "mode": pl.String, "context": pl.List(pl.String), "actor": pl.String,
    "recipient": pl.String, "actor_code": pl.String, "recipient_code": pl.String,
    "date": pl.Date, "date_precision": pl.String, "quad_code": pl.Int64,
    "intensity": pl.Float64, "cameo": pl.String, "negated": pl.Boolean,
    "hypothetical": pl.Boolean, "text": pl.String, "start": pl.Int64, "end": pl.Int64,
    "native": pl.String, "directed": pl.Boolean, "source_intensity": pl.Float64,
    "fatalities": pl.Int64,
}
# pyarrow parses 1 MB blocks: with larger ones its reader holds more memory the longer the file
# (measured: flat at 1 MB, growing with the file at 4 and 8 MB); blocks are then gathered into
# frames of about FRAME_BYTES so that mapping pays its per-frame cost rarely. Mapping a frame
# takes about 40 times its size in memory: 4 MB frames read 250k GDELT rows in the same CPU time
# as 16 MB ones (1.9 s against 2.0 s) at 255 MB peak instead of 415 MB.
BLOCK_BYTES = 1 << 20
FRAME_BYTES = 4 << 20
BOM = b"\xef\xbb\xbf"


@dataclass
class ImportLog:
    """What reading one file met: rows read, rows quarantined (file:line and why), rows read
    but not mapped to PLOVER (by reason), and ids the file repeats."""

    n_rows: int = 0
    quarantined: list[Quarantined] = field(default_factory=list)
    unmapped: Counter[str] = field(default_factory=Counter)
    n_repeated_ids: int = 0

    def quarantine(self, origin: str, reason: str, raw: str = "") -> None:
        self.n_rows += 1
        self.quarantined.append(Quarantined(origin=origin, reason=reason, raw=raw[:500]))

    @property
    def n_unmapped(self) -> int:
        return sum(self.unmapped.values())


@dataclass(frozen=True, slots=True)
class Member:
    """One readable stream of a file: the file itself, or one member of a zip archive."""

    origin: str  # what quarantine lines name: the path, or path!member
    open: Callable[[], BinaryIO]


def members(path: Path) -> list[Member]:
    """The streams of `path`, told by its first bytes (not its name): gzip, zip or plain."""
    with path.open("rb") as handle:
        magic = handle.read(4)
    if magic[:2] == b"\x1f\x8b":
        return [Member(str(path), lambda: gzip.open(path, "rb"))]  # type: ignore[arg-type,return-value]
    if magic == b"PK\x03\x04":
        try:
            with zipfile.ZipFile(path) as archive:
                names = sorted(n for n in archive.namelist()
                               if not n.endswith("/") and not n.startswith("__MACOSX/"))
        except zipfile.BadZipFile as error:
            raise InputError(f"{path}: a damaged zip archive ({error}); download it again") from None
        if not names:
            raise InputError(f"{path}: the zip archive holds no file")
        return [Member(f"{path}!{name}", _zip_opener(path, name)) for name in names]
    return [Member(str(path), lambda: path.open("rb"))]


def _zip_opener(path: Path, name: str) -> Callable[[], BinaryIO]:
    def open_member() -> BinaryIO:
        return zipfile.ZipFile(path).open(name)  # type: ignore[return-value]
    return open_member


def head_lines(member: Member, n: int = 2) -> list[str]:
    """The first `n` lines of a stream, byte-order mark removed, as text."""
    try:
        with member.open() as stream:
            head = stream.read(1 << 20)
    except (OSError, EOFError, zipfile.BadZipFile) as error:
        raise InputError(f"{member.origin}: cannot read ({error})") from None
    return head.removeprefix(BOM).decode("utf-8", "replace").splitlines()[:n]


def header_names(line: str, delimiter: str) -> list[str]:
    return [name.strip().strip('"').strip() for name in line.split(delimiter)]


def tab_header(member: Member, optional: tuple[str, ...] = ()) -> list[str] | None:
    """The column names of a tab-separated member, aligned to its first row; None when empty."""
    lines = head_lines(member, 2)
    if not lines:
        return None
    names = header_names(lines[0], "\t")
    return aligned(names, len(lines[1].split("\t")), optional) if len(lines) > 1 else names


def aligned(names: list[str], n_fields: int, optional: tuple[str, ...] = ()) -> list[str]:
    """Header names matched to the number of fields rows really have.

    Published files sometimes name a column no row has (POLECAT's `Headline`), or end every row
    with stray tabs: the first is dropped, the second named `_extra_<n>`.

    >>> aligned(["a", "Headline", "b"], 2, optional=("Headline",))
    ['a', 'b']
    >>> aligned(["a", "b"], 3)
    ['a', 'b', '_extra_3']
    """
    names = list(names)
    for name in optional:
        if len(names) > n_fields and name in names:
            names.remove(name)
    names += [f"_extra_{i + 1}" for i in range(len(names), n_fields)]
    return names


def rows(member: Member, *, delimiter: str, column_names: list[str], skip_header: bool,
         quoted: bool, log: ImportLog, what: str) -> Iterator[pl.DataFrame]:
    """Frames of text columns plus `_line` (the physical line of each row), block by block.

    Rows with the wrong number of fields and rows with bytes that are not UTF-8 are quarantined
    here; empty lines are skipped.
    """
    invalid: dict[int, tuple[int, int, str]] = {}

    def on_invalid(row) -> str:  # record number (header counted) -> (expected, actual, text)
        invalid[row.number] = (row.expected_columns, row.actual_columns, row.text or "")
        return "skip"

    read = pacsv.ReadOptions(column_names=column_names, skip_rows=1 if skip_header else 0,
                             block_size=BLOCK_BYTES, use_threads=False)
    parse = pacsv.ParseOptions(delimiter=delimiter, quote_char='"' if quoted else False,
                               newlines_in_values=quoted, ignore_empty_lines=False,
                               invalid_row_handler=on_invalid)
    convert = pacsv.ConvertOptions(column_types={n: pa.binary() for n in column_names},
                                   strings_can_be_null=False)
    stream = member.open()
    try:
        reader = pacsv.open_csv(stream, read_options=read, parse_options=parse,
                                convert_options=convert)
        record = 2 if skip_header else 1  # record number of the next row
        extra_lines = 0  # newlines inside quoted values so far: records -> physical lines
        for batch in _gathered(reader):
            numbers, record, skipped = _record_numbers(record, batch.num_rows, invalid)
            frame = pl.from_arrow(batch)
            assert isinstance(frame, pl.DataFrame)
            text, not_utf8 = _decoded(frame, column_names)
            newlines = (text.select(pl.sum_horizontal(
                [pl.col(n).str.count_matches("\n", literal=True) for n in column_names])
                .cast(pl.Int64)).to_series() if quoted and text.height
                else pl.Series([0] * text.height, dtype=pl.Int64))
            before = newlines.cum_sum() - newlines + extra_lines
            for key, n_valid_before in skipped:
                _quarantine_invalid(key, key + extra_lines + int(newlines[:n_valid_before].sum()),
                                    invalid.pop(key), member, log, what)
            extra_lines += int(newlines.sum())
            text = text.with_columns((pl.Series(numbers, dtype=pl.Int64) + before).alias("_line"))
            for i, reason in sorted(not_utf8.items()):
                log.quarantine(f"{member.origin}:{text['_line'][i]}", reason)
            if not_utf8:
                text = text.with_row_index("_i").filter(
                    ~pl.col("_i").is_in(pl.Series(sorted(not_utf8), dtype=pl.UInt32).implode())
                ).drop("_i")
            empty = pl.all_horizontal([pl.col(n) == "" for n in column_names])
            yield text.filter(~empty)
        for key in sorted(invalid):
            _quarantine_invalid(key, key + extra_lines, invalid.pop(key), member, log, what)
    except (pa.ArrowInvalid, OSError, EOFError, zipfile.BadZipFile) as error:
        raise InputError(f"{member.origin}: cannot read as a delimited file ({error}); is it a "
                         f"complete {what} file?") from None
    finally:
        stream.close()


def _gathered(reader: pacsv.CSVStreamingReader) -> Iterator[pa.Table]:
    """The reader's batches, gathered into tables of about FRAME_BYTES."""
    batches, size = [], 0
    for batch in reader:
        batches.append(batch)
        size += batch.nbytes
        if size >= FRAME_BYTES:
            yield pa.Table.from_batches(batches)
            batches, size = [], 0
    if batches:
        yield pa.Table.from_batches(batches)


def _record_numbers(record: int, n: int, invalid: dict
                    ) -> tuple[list[int] | range, int, list[tuple[int, int]]]:
    """Record numbers of the next `n` valid rows, and the invalid records met on the way (with
    how many valid rows came before each)."""
    if not invalid or min(invalid) >= record + n:
        return range(record, record + n), record + n, []
    numbers: list[int] = []
    skipped = []
    while len(numbers) < n or record in invalid:
        if record in invalid:
            skipped.append((record, len(numbers)))
        else:
            numbers.append(record)
        record += 1
    return numbers, record, skipped


def _quarantine_invalid(key: int, line: int, found: tuple[int, int, str], member: Member,
                        log: ImportLog, what: str) -> None:
    expected, actual, text = found
    if text.strip():
        log.quarantine(f"{member.origin}:{line}", f"{actual} fields where {what} rows have "
                       f"{expected}; fix the delimiters or quotes of that line", text)


def _decoded(frame: pl.DataFrame, names: list[str]) -> tuple[pl.DataFrame, dict[int, str]]:
    """Binary columns as text, and the rows (by position) with bytes that are not UTF-8."""
    bad_rows: dict[int, str] = {}
    columns = []
    for name in names:
        try:
            columns.append(frame[name].cast(pl.String))
        except pl.exceptions.ComputeError:
            values = []
            for i, raw in enumerate(frame[name].to_list()):
                try:
                    values.append(raw.decode("utf-8"))
                except UnicodeDecodeError as error:
                    bad_rows.setdefault(i, f"{name!r} has a byte that is not UTF-8 "
                                           f"(0x{raw[error.start]:02x}); re-save the file as UTF-8")
                    values.append("")
            columns.append(pl.Series(name, values, pl.String))
    return pl.DataFrame(columns, schema={n: pl.String for n in names}), bad_rows


def plover_columns(frame: pl.DataFrame, cameo: str) -> pl.DataFrame:
    """event_type, mode, context and `_unmapped` (why no PLOVER type) from a CAMEO column."""
    codes = frame[cameo].unique().to_list()
    mapped = {c: plover.cameo_to_plover(c) for c in codes}
    lookup = pl.DataFrame({
        cameo: codes,
        "event_type": [m[0] if m else None for m in mapped.values()],
        "mode": [m[1] if m else "" for m in mapped.values()],
        "context": [list(m[2]) if m else [] for m in mapped.values()],
        "_unmapped": [None if m else plover.cameo_unmapped_reason(c) for c, m in mapped.items()],
    }, schema={cameo: pl.String, "event_type": pl.String, "mode": pl.String,
               "context": pl.List(pl.String), "_unmapped": pl.String})
    return frame.join(lookup, on=cameo, how="left")


def scored(frame: pl.DataFrame) -> pl.DataFrame:
    """quad_code and intensity (spiral's scale) from event_type and mode."""
    pairs = frame.select("event_type", "mode").unique().drop_nulls("event_type")
    rows_ = pairs.rows()
    lookup = pl.DataFrame({
        "event_type": [t for t, _ in rows_], "mode": [m for _, m in rows_],
        "quad_code": [plover.EVENT_TYPES[t].quad_code for t, _ in rows_],
        "intensity": [plover.intensity(t, m) for t, m in rows_],
    }, schema={"event_type": pl.String, "mode": pl.String, "quad_code": pl.Int64,
               "intensity": pl.Float64})
    return frame.join(lookup, on=["event_type", "mode"], how="left")


def entity_json(text: str, name: str, code: str, sector: str) -> pl.Expr:
    """A one-entity JSON list (the store's actor/recipient column) from four columns."""
    entity = pl.struct(
        pl.col(text).alias("entity_text"), pl.col(name).alias("entity_name"),
        pl.col(code).alias("code"), pl.col(sector).alias("sector"), pl.lit("").alias("role"),
        pl.lit(None, pl.String).alias("role_valid_from"),
        pl.lit(None, pl.String).alias("role_valid_to"), pl.lit(None, pl.String).alias("wikidata_id"))
    return pl.when((pl.col(code) != "") | (pl.col(name) != "")).then(
        pl.concat_str(pl.lit("["), entity.struct.json_encode(), pl.lit("]"))).otherwise(pl.lit("[]"))


def native_json(columns: list[str]) -> pl.Expr:
    """Every source column of a row, as JSON, kept beside the mapped fields."""
    return pl.struct([c for c in columns if not c.startswith("_")]).struct.json_encode() \
        .alias("native")


def mapped(frame: pl.DataFrame, column: str, function: Callable[[str], str | None]) -> pl.Expr:
    """`function` applied once per distinct value of a column."""
    values = frame[column].unique().to_list()
    return pl.col(column).replace_strict(values, [function(v) or "" for v in values],
                                         return_dtype=pl.String)


def number(column: str, dtype: pl.DataType) -> pl.Expr:
    """A numeric source column; empty or unreadable cells become null."""
    return pl.col(column).str.strip_chars().cast(dtype, strict=False)


def finish(frame: pl.DataFrame, *, system: str, origin: str, log: ImportLog,
           required: list[str], date_field: str, date_formats: str) -> pl.DataFrame:
    """Quarantine rows missing a required field or a readable date, count rows PLOVER does not
    code by reason, and keep the rest in the store's events columns."""
    missing = pl.any_horizontal([(pl.col(c) == "").fill_null(True) for c in required]) \
        | pl.col("date").is_null()
    for row in frame.filter(missing).select("_line", date_field, *required).iter_rows(named=True):
        empty = [c for c in required if not row[c]]
        reason = (f"{empty[0]!r} is empty; every {system} row needs it" if empty else
                  f"{date_field!r}={row[date_field]!r} is not a date; {system} files write "
                  f"{date_formats}")
        log.quarantine(f"{origin}:{row['_line']}", reason,
                       str({c: row[c] for c in (*required, date_field)}))
    read = frame.filter(~missing)
    log.n_rows += read.height
    counts = read.filter(pl.col("event_type").is_null()).group_by("_unmapped").len()
    for reason, n in counts.iter_rows():
        log.unmapped[reason or "no PLOVER type"] += n
    kept = read.filter(pl.col("event_type").is_not_null())
    return kept.with_columns(
        pl.lit(system).alias("system"), pl.lit("day").alias("date_precision"),
        pl.lit(False).alias("negated"), pl.lit(False).alias("hypothetical"),
        pl.lit(0, pl.Int64).alias("start"), pl.lit(0, pl.Int64).alias("end"),
    ).select([pl.col(c).cast(t) for c, t in EVENT_SCHEMA.items()])
