"""Plain-text articles: the text is the file; metadata from flags and a sidecar .json."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from spiral.errors import InputError
from spiral.ingest.metadata import document_fields, read_sidecar
from spiral.ingest.sources import read_bytes
from spiral.records import Document


def read_text_file(path: Path, *, metadata: Mapping[str, Any], date_format: str | None,
                   max_bytes: int) -> Iterator[Document]:
    """One Document from a .txt (or .txt.gz) file; flags override the sidecar."""
    raw = read_bytes(path, max_bytes=max_bytes)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(f"{path}: byte {error.start} is not UTF-8; re-save the file as UTF-8") from None
    if not text.strip():
        raise InputError(f"{path}: the file is empty")
    fields = document_fields({**read_sidecar(path), **metadata}, where=str(path),
                             date_format=date_format)
    yield Document.from_text(text, origin=str(path), **fields)
