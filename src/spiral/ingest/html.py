"""HTML pages: main text and metadata by trafilatura, in a worker process with time and memory caps.

A page can make an extractor hang or balloon; the worker is killed and the page quarantined,
and ingestion goes on. The worker (`html_worker.py`) is a fresh interpreter that imports only
trafilatura under its address-space cap: neither the CLI nor spaCy is ever loaded into it, and
the time limit is enforced by the parent, so it fires whatever the worker does.
"""

from __future__ import annotations

import json
import logging
import os
import select
import struct
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import IO, Any, Self

from spiral.errors import InputError
from spiral.ingest.charset import decode_page
from spiral.ingest.metadata import check_length, document_fields
from spiral.ingest.sources import read_bytes
from spiral.records import Document

WORKER = Path(__file__).with_name("html_worker.py")
log = logging.getLogger(__name__)

MAX_PAGE_BYTES = 32 * 2**20  # a page is held whole, as bytes and text, and sent to the worker


class HtmlExtractor:
    """One reusable worker process; restarted after a page that times out, runs out of memory
    or kills it."""

    def __init__(self, *, timeout_s: float, memory_mb: int):
        self.timeout_s = timeout_s
        self.memory_mb = memory_mb
        self._process: subprocess.Popen[bytes] | None = None
        self._stderr: IO[bytes] | None = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._process is not None:
            self._process.kill()
            self._process.wait()
            for stream in (self._process.stdin, self._process.stdout, self._stderr):
                if stream is not None:
                    stream.close()
            self._process = self._stderr = None

    def _start(self) -> subprocess.Popen[bytes]:
        if self._process is None:
            self._stderr = tempfile.TemporaryFile()  # noqa: SIM115 (lives as long as the worker)
            # -P: the worker's folder (which holds html.py) must not shadow the stdlib's html
            self._process = subprocess.Popen(
                [sys.executable, "-P", str(WORKER), str(self.memory_mb)],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._stderr,
                close_fds=True)
        return self._process

    def extract(self, html: str, where: str) -> dict[str, Any]:
        """Title, text, date, url and site name of a page.

        Raises
        ------
        InputError
            The page took too long, needed too much memory, had no text, or broke the extractor.
        """
        process = self._start()
        body = html.encode("utf-8", "replace")
        try:
            assert process.stdin is not None
            process.stdin.write(struct.pack(">I", len(body)) + body)
            process.stdin.flush()
            reply = self._receive(process, time.monotonic() + self.timeout_s)
        except TimeoutError:
            self.close()
            raise InputError(f"{where}: text extraction took over {self.timeout_s:g} s; "
                             "the page was skipped (raise SPIRAL_HTML_TIMEOUT_S to allow more)") from None
        except (BrokenPipeError, EOFError):
            detail = self._last_words()
            self.close()
            if "MemoryError" in detail or not detail:
                raise InputError(f"{where}: text extraction needed over {self.memory_mb} MB; the "
                                 "page was skipped (raise SPIRAL_HTML_MEMORY_MB)") from None
            raise InputError(f"{where}: the text extractor failed ({detail}); the page was "
                             "skipped") from None
        if reply.get("error") == "memory":
            self.close()
            raise InputError(f"{where}: text extraction needed over {self.memory_mb} MB; the "
                             "page was skipped (raise SPIRAL_HTML_MEMORY_MB)")
        if "error" in reply:
            raise InputError(f"{where}: the text extractor failed on this page ({reply['error']})")
        result = reply.get("ok")
        if not result or not (result.get("text") or "").strip():
            raise InputError(f"{where}: no article text found in the page")
        return result

    def _receive(self, process: subprocess.Popen[bytes], deadline: float) -> dict[str, Any]:
        assert process.stdout is not None
        fd = process.stdout.fileno()

        def read(n: int) -> bytes:
            chunks, missing = [], n
            while missing:
                remaining = deadline - time.monotonic()
                if remaining <= 0 or not select.select([fd], [], [], remaining)[0]:
                    raise TimeoutError
                chunk = os.read(fd, missing)
                if not chunk:
                    raise EOFError
                chunks.append(chunk)
                missing -= len(chunk)
            return b"".join(chunks)

        (size,) = struct.unpack(">I", read(4))
        return json.loads(read(size))

    def _last_words(self) -> str:
        if self._stderr is None:
            return ""
        if self._process is not None:
            try:
                self._process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                pass
        self._stderr.seek(0)
        lines = self._stderr.read().decode("utf-8", "replace").strip().splitlines()
        return lines[-1] if lines else ""


def read_html_file(path: Path, extractor: HtmlExtractor, *, metadata: Mapping[str, Any],
                   date_format: str | None, max_bytes: int,
                   max_chars: int) -> Iterator[Document]:
    """One Document from an HTML page; flags override what the page says of itself."""
    html, charset, reason = decode_page(read_bytes(
        path, max_bytes=min(max_bytes, MAX_PAGE_BYTES),
        fix="save the article alone, or its text as .txt (pages are read whole)"))
    log.info("%s: read as %s (%s)", path, charset, reason)
    found = extractor.extract(html, str(path))
    page = {"title": found.get("title"), "published": found.get("date"),
            "url": found.get("url"), "source": found.get("sitename")}
    fields = document_fields({k: v for k, v in page.items() if v} | dict(metadata),
                             where=str(path), date_format=date_format)
    check_length(found["text"], where=str(path), max_chars=max_chars)
    yield Document.from_text(found["text"], origin=str(path), charset=charset,
                             charset_reason=reason, **fields)
