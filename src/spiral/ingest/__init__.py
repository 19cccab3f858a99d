"""ingest stage: readers that turn files into Documents; bad records are quarantined, not fatal.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "a.txt").write_text("Kyiv said on Tuesday it had struck Bryansk.")
>>> [d.title for d in read(folder, metadata={"title": "Strike"})]
['Strike']
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

from spiral.config import Settings
from spiral.errors import InputError
from spiral.ingest.feeds import read_feed
from spiral.ingest.html import HtmlExtractor, read_html_file
from spiral.ingest.jsonl import read_jsonl
from spiral.ingest.sources import expand, kind_of
from spiral.ingest.text import read_text_file
from spiral.records import Document, Quarantined

log = logging.getLogger(__name__)

__all__ = ["read"]


def read(source: str | Path, *, metadata: Mapping[str, Any] | None = None,
         date_format: str | None = None, settings: Settings | None = None,
         on_quarantine: Callable[[Quarantined], None] | None = None,
         progress: Callable[[int], None] | None = None) -> Iterator[Document]:
    """Documents from a file, directory or glob, each once (deduplicated by content hash).

    A record that cannot be read goes to `on_quarantine` (or a warning) with its file:line and
    the reason, and reading goes on.

    Raises
    ------
    InputError
        `source` names nothing readable.
    """
    settings = settings or Settings()
    metadata = dict(metadata or {})
    max_bytes = settings.max_file_mb * 2**20
    quarantine = on_quarantine or _warn
    seen: set[str] = set()
    with HtmlExtractor(timeout_s=settings.html_timeout_s,
                       memory_mb=settings.html_memory_mb) as extractor:
        for path in expand(source):
            for item in _read_file(path, extractor, metadata, date_format, max_bytes):
                if isinstance(item, Document) and len(item.text) > settings.max_article_chars:
                    item = Quarantined(item.origin, (
                        f"the text has {len(item.text):,} characters, more than an article's "
                        f"{settings.max_article_chars:,} (max_article_chars); split it into "
                        "articles, e.g. one a line in a .jsonl file"), item.text[:200])
                if isinstance(item, Quarantined):
                    quarantine(item)
                elif item.doc_id in seen:
                    log.debug("%s repeats an article already read; skipped", item.origin)
                else:
                    seen.add(item.doc_id)
                    yield item
                if progress:
                    progress(1)


def _read_file(path: Path, extractor: HtmlExtractor, metadata: Mapping[str, Any],
               date_format: str | None, max_bytes: int) -> Iterator[Document | Quarantined]:
    kind = kind_of(path)
    try:
        if kind == "text":
            yield from read_text_file(path, metadata=metadata, date_format=date_format,
                                      max_bytes=max_bytes)
        elif kind == "jsonl":
            yield from read_jsonl(path, metadata=metadata, date_format=date_format)
        elif kind == "html":
            yield from read_html_file(path, extractor, metadata=metadata,
                                      date_format=date_format, max_bytes=max_bytes)
        else:
            yield from read_feed(path, metadata=metadata, date_format=date_format,
                                 max_bytes=max_bytes)
    except (InputError, OSError, EOFError) as error:
        # OSError/EOFError: unreadable or truncated .gz
        reason = str(error).removeprefix(f"{path}: ")
        yield Quarantined(origin=str(path), reason=reason)


def _warn(item: Quarantined) -> None:
    log.warning("quarantined %s: %s", item.origin, item.reason)
