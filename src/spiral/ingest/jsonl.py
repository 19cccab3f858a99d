"""JSON Lines: one article a line with id, title, text, published, url, source, language."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from spiral.errors import InputError
from spiral.ingest.metadata import FIELDS, document_fields
from spiral.ingest.sources import open_lines
from spiral.records import Document, Quarantined

MAX_LINE_BYTES = 16 * 2**20


def read_jsonl(path: Path, *, metadata: Mapping[str, Any],
               date_format: str | None) -> Iterator[Document | Quarantined]:
    """Documents line by line; a bad line becomes a Quarantined naming file:line and the field."""
    for number, line in enumerate(open_lines(path), start=1):
        where = f"{path}:{number}"
        if not line.strip():
            continue
        try:
            yield _document(line, where, metadata, date_format)
        except InputError as error:
            yield Quarantined(origin=where, reason=str(error).removeprefix(f"{where}: "),
                              raw=line[:500].decode("utf-8", "replace"))


def _document(line: bytes, where: str, metadata: Mapping[str, Any],
              date_format: str | None) -> Document:
    if len(line) > MAX_LINE_BYTES:
        raise InputError(f"{where}: line longer than {MAX_LINE_BYTES // 2**20} MB")
    try:
        record = json.loads(line.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InputError(f"{where}: not a JSON object ({error}); write one article per line") from None
    if not isinstance(record, dict):
        raise InputError(f"{where}: expected a JSON object, got {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(f"{where}: 'text' is missing or empty; every line needs the article text")
    known = {k: v for k, v in record.items() if k in FIELDS}
    fields = document_fields({**known, **metadata}, where=where, date_format=date_format)
    return Document.from_text(text, origin=where, **fields)
