"""JSON Lines: one article a line with id, title, text, published, url, source, language."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from spiral.errors import InputError
from spiral.ingest.metadata import FIELDS, check_length, document_fields, warn_unknown
from spiral.ingest.sources import open_lines
from spiral.records import Document, Quarantined

MAX_LINE_BYTES = 16 * 2**20


def read_jsonl(path: Path, *, metadata: Mapping[str, Any], date_format: str | None,
               max_bytes: int, max_chars: int) -> Iterator[Document | Quarantined]:
    """Documents line by line; a bad line becomes a Quarantined naming file:line and the field.

    Fields spiral does not read are ignored, and named once per file in a warning.
    """
    ignored: set[str] = set()
    n_records = 0
    line_cap = min(MAX_LINE_BYTES, max_bytes)
    for number, line in enumerate(open_lines(path, max_line_bytes=line_cap, max_bytes=max_bytes),
                                  start=1):
        where = f"{path}:{number}"
        if not line.strip():
            continue
        n_records += 1
        try:
            if len(line) > line_cap:
                raise InputError(f"{where}: line longer than {line_cap:,} bytes; one article a "
                                 "line, each under the cap")
            record = _record(line, where)
            ignored.update(set(record) - {*FIELDS, "text"})
            yield _document(record, where, metadata, date_format, max_chars)
        except InputError as error:
            yield Quarantined(origin=where, reason=str(error).removeprefix(f"{where}: "),
                              raw=line[:500].decode("utf-8", "replace"))
    if not n_records:
        yield Quarantined(origin=str(path), reason="no articles: the file has no non-blank line")
    warn_unknown(dict.fromkeys(ignored), where=str(path))


def _record(line: bytes, where: str) -> dict[str, Any]:
    try:
        record = json.loads(line.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InputError(f"{where}: not a JSON object ({error}); write one article per line") from None
    if not isinstance(record, dict):
        raise InputError(f"{where}: expected a JSON object, got {type(record).__name__}")
    return record


def _document(record: dict[str, Any], where: str, metadata: Mapping[str, Any],
              date_format: str | None, max_chars: int) -> Document:
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(f"{where}: 'text' is missing or empty; every line needs the article text")
    check_length(text, where=where, max_chars=max_chars)
    known = {k: v for k, v in record.items() if k in FIELDS}
    fields = document_fields({**known, **metadata}, where=where, date_format=date_format)
    # JSON exchanged between systems is UTF-8 (RFC 8259, section 8.1)
    return Document.from_text(text, origin=where, charset="utf-8",
                              charset_reason="JSON Lines are UTF-8", **fields)
