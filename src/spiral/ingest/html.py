"""HTML pages: main text and metadata by trafilatura, in a child process with time and memory caps.

A page can make an extractor hang or balloon; the child is killed and the page quarantined,
and ingestion goes on. The child is spawned, not forked, so its address-space cap does not count
the parent's (spaCy, DuckDB) mappings.
"""

from __future__ import annotations

import multiprocessing
import resource
from collections.abc import Iterator, Mapping
from multiprocessing.pool import Pool
from pathlib import Path
from typing import Any

from spiral.errors import InputError
from spiral.ingest.metadata import document_fields
from spiral.ingest.sources import read_bytes
from spiral.records import Document


def _limit_memory(memory_mb: int) -> None:
    limit = memory_mb * 2**20
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _extract(html: str) -> dict[str, Any] | None:
    import trafilatura

    result = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                         favor_precision=True)
    if result is None:
        return None
    data = result if isinstance(result, dict) else result.as_dict()
    return {k: data.get(k) for k in ("text", "title", "date", "url", "sitename")}


class HtmlExtractor:
    """One reusable child process; restarted after a page that times out or runs out of memory."""

    def __init__(self, *, timeout_s: float, memory_mb: int):
        self.timeout_s = timeout_s
        self.memory_mb = memory_mb
        self._pool: Pool | None = None

    def __enter__(self) -> HtmlExtractor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None

    def extract(self, html: str, where: str) -> dict[str, Any]:
        if self._pool is None:
            context = multiprocessing.get_context("spawn")
            self._pool = context.Pool(1, initializer=_limit_memory, initargs=(self.memory_mb,))
        try:
            result = self._pool.apply_async(_extract, (html,)).get(self.timeout_s)
        except multiprocessing.TimeoutError:
            self.close()
            raise InputError(f"{where}: text extraction took over {self.timeout_s:g} s; "
                             "the page was skipped (raise SPIRAL_HTML_TIMEOUT_S to allow more)") from None
        except MemoryError:
            self.close()
            raise InputError(f"{where}: text extraction needed over {self.memory_mb} MB; "
                             "the page was skipped (raise SPIRAL_HTML_MEMORY_MB)") from None
        if not result or not (result.get("text") or "").strip():
            raise InputError(f"{where}: no article text found in the page")
        return result


def read_html_file(path: Path, extractor: HtmlExtractor, *, metadata: Mapping[str, Any],
                   date_format: str | None, max_bytes: int) -> Iterator[Document]:
    """One Document from an HTML page; flags override what the page says of itself."""
    html = read_bytes(path, max_bytes=max_bytes).decode("utf-8", "replace")
    found = extractor.extract(html, str(path))
    page = {"title": found.get("title"), "published": found.get("date"),
            "url": found.get("url"), "source": found.get("sitename")}
    fields = document_fields({k: v for k, v in page.items() if v} | dict(metadata),
                             where=str(path), date_format=date_format)
    yield Document.from_text(found["text"], origin=str(path), **fields)
