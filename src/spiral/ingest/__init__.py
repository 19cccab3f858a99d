"""ingest stage: readers that turn files into Documents; bad records are quarantined, not fatal.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "a.txt").write_text("Kyiv said on Tuesday it had struck Bryansk.")
>>> [d.title for d in read(folder, metadata={"title": "Strike"})]
['Strike']
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from spiral.config import Settings
from spiral.errors import InputError
from spiral.ingest.feeds import read_feed
from spiral.ingest.html import HtmlExtractor, read_html_file
from spiral.ingest.jsonl import read_jsonl
from spiral.ingest.sources import expand, kind_of
from spiral.ingest.text import read_text_file
from spiral.records import Document, Quarantined, Skipped

log = logging.getLogger(__name__)

__all__ = ["read"]


def read(source: str | Path | Sequence[str | Path], *, metadata: Mapping[str, Any] | None = None,
         date_format: str | None = None, settings: Settings | None = None,
         on_quarantine: Callable[[Quarantined], None] | None = None,
         on_skip: Callable[[Skipped], None] | None = None,
         progress: Callable[[int], None] | None = None) -> Iterator[Document]:
    """Documents from files, directories or globs, each once (deduplicated by content hash).

    A record that cannot be read goes to `on_quarantine` (or a warning) with its file:line and
    the reason, and reading goes on. What is left out on purpose (files of other types, an
    article whose text repeats one already read) goes to `on_skip` (or a log line): every
    input is accounted for.

    Raises
    ------
    InputError
        `source` names nothing readable.
    """
    settings = settings or Settings()
    metadata = dict(metadata or {})
    max_bytes = settings.max_file_mb * 2**20
    quarantine = on_quarantine or _warn
    skip = on_skip or _note
    first_origin: dict[str, str] = {}
    sources = [source] if isinstance(source, str | Path) else source
    files = dict.fromkeys(path for name in sources for path in expand(
        name, follow_symlinks=settings.follow_symlinks, quarantine=quarantine, skip=skip))
    with HtmlExtractor(timeout_s=settings.html_timeout_s,
                       memory_mb=settings.html_memory_mb) as extractor:
        for path in files:
            for item in _read_file(path, extractor, metadata, date_format, max_bytes,
                                   settings.max_article_chars):
                if isinstance(item, Quarantined):
                    quarantine(item)
                elif item.doc_id in first_origin:
                    # same text up to case and spacing (document_id): one document, but said
                    skip(Skipped(item.origin, f"repeats the text of {first_origin[item.doc_id]}"))
                else:
                    first_origin[item.doc_id] = item.origin
                    yield item
                if progress:
                    progress(1)


def _read_file(path: Path, extractor: HtmlExtractor, metadata: Mapping[str, Any],
               date_format: str | None, max_bytes: int,
               max_chars: int) -> Iterator[Document | Quarantined]:
    kind = kind_of(path)
    limits = {"max_bytes": max_bytes, "max_chars": max_chars}
    try:
        if kind == "text":
            yield from read_text_file(path, metadata=metadata, date_format=date_format, **limits)
        elif kind == "jsonl":
            yield from read_jsonl(path, metadata=metadata, date_format=date_format, **limits)
        elif kind == "html":
            yield from read_html_file(path, extractor, metadata=metadata,
                                      date_format=date_format, **limits)
        else:
            yield from read_feed(path, metadata=metadata, date_format=date_format, **limits)
    except (InputError, OSError, EOFError) as error:
        # OSError/EOFError: unreadable or truncated .gz
        reason = str(error).removeprefix(f"{path}: ")
        yield Quarantined(origin=str(path), reason=reason)


def _warn(item: Quarantined) -> None:
    log.warning("quarantined %s: %s", item.origin, item.reason)


def _note(item: Skipped) -> None:
    log.info("skipped %s: %s", item.origin, item.reason)
