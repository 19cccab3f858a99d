"""Plain-text articles: the text is the file; metadata from flags and a sidecar .json."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from spiral.errors import InputError
from spiral.ingest.metadata import check_length, document_fields, read_sidecar
from spiral.ingest.sources import BOM, read_bytes
from spiral.records import Document

MAX_UTF8_BYTES_PER_CHAR = 4


def read_text_file(path: Path, *, metadata: Mapping[str, Any], date_format: str | None,
                   max_bytes: int, max_chars: int) -> Iterator[Document]:
    """One Document from a .txt (or .txt.gz) file; flags override the sidecar.

    The file is one article, so it is refused once it holds more bytes than `max_chars`
    characters can take, long before the size cap of files in general.
    """
    limit = len(BOM) + MAX_UTF8_BYTES_PER_CHAR * max_chars
    if limit < max_bytes:
        raw = read_bytes(path, max_bytes=limit, fix=(
            f"an article has at most {max_chars:,} characters (SPIRAL_MAX_ARTICLE_CHARS); "
            "split it into articles, e.g. one a line in a .jsonl file"))
    else:
        raw = read_bytes(path, max_bytes=max_bytes)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(f"{path}: byte {error.start} is not UTF-8; re-save the file as UTF-8") from None
    if not text.strip():
        raise InputError(f"{path}: the file is empty")
    check_length(text, where=str(path), max_chars=max_chars)
    fields = document_fields({**read_sidecar(path), **metadata}, where=str(path),
                             date_format=date_format)
    reason = "byte-order mark" if raw.startswith(BOM) else "plain text is read as UTF-8"
    yield Document.from_text(text, origin=str(path), charset="utf-8", charset_reason=reason,
                             **fields)
