"""Continuous ingestion: poll folders and feeds, store what is new, code it, sleep, repeat.

A source that fails (a feed down, timing out, or answering garbage) is logged and retried with
exponential backoff; it never stops the others or the loop. Documents are stored by content
hash and coded only when this pipeline has not coded them, so nothing is coded twice, across
rounds and across restarts.
"""

from __future__ import annotations

import logging
import re
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language

from spiral import __version__
from spiral import ingest as ingest_stage
from spiral.config import Settings
from spiral.errors import InputError
from spiral.ingest.feeds import parse_feed
from spiral.ingest.sources import expand
from spiral.records import Document, Quarantined, Skipped
from spiral.serve import jobs
from spiral.store import Store

log = logging.getLogger(__name__)

UNITS_S = {"s": 1, "m": 60, "h": 3600, "d": 86400}
FETCH_TIMEOUT_S = 30.0


def parse_duration(text: str, *, field_name: str = "--every") -> float:
    """Seconds in a duration written as a number and a unit: 90s, 15m, 1h, 2d.

    >>> parse_duration("15m"), parse_duration("1.5h")
    (900.0, 5400.0)
    """
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhd])\s*", text)
    if not match or float(match.group(1)) <= 0:
        raise InputError(f"{field_name}={text!r} is not a duration; write a number and a unit "
                         "s, m, h or d, e.g. 15m")
    return float(match.group(1)) * UNITS_S[match.group(2)]


def is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))


@dataclass
class _Source:
    """What the loop knows about one source between rounds."""

    name: str
    due_s: float = 0.0
    failures: int = 0
    seen_files: dict[Path, tuple[int, int]] = field(default_factory=dict)  # path -> mtime, size
    etag: str | None = None
    modified: str | None = None


@dataclass(frozen=True, slots=True)
class WatchRound:
    number: int
    n_new: int
    n_coded: int
    n_quarantined: int
    failing: tuple[str, ...]


def watch(store: Store, sources: Sequence[str], nlp: Language, *, settings: Settings,
          every_s: float, retry_s: float = 30.0, max_rounds: int | None = None,
          on_round: Callable[[WatchRound], None] | None = None,
          sleep: Callable[[float], None] = time.sleep) -> None:
    """Poll `sources` (paths, globs, RSS/Atom URLs) every `every_s` seconds until interrupted.

    Each round stores the documents not stored yet and codes those this pipeline has not
    coded. A failing source is retried after `retry_s`, doubling per failure up to `every_s`.
    `max_rounds` stops the loop (for a single pass, 1).
    """
    state = [_Source(s) for s in sources]
    number = 0
    while max_rounds is None or number < max_rounds:
        number += 1
        now = time.monotonic()
        documents: list[Document] = []
        quarantined: list[Quarantined] = []
        for source in state:
            if source.due_s > now:
                continue
            try:
                documents += _poll(source, settings, quarantined)
            except (InputError, OSError, urllib.error.URLError) as error:
                source.failures += 1
                wait_s = min(every_s, retry_s * 2 ** (source.failures - 1))
                log.warning("%s failed (%s); retry %d in %.0f s", source.name, error,
                            source.failures, wait_s)
                source.due_s = time.monotonic() + wait_s
            else:
                source.failures = 0
                source.due_s = now + every_s
        n_new = store.add_documents(documents)
        store.add_quarantined(quarantined)
        coded = jobs.extract(store, nlp, settings=settings)
        if on_round:
            on_round(WatchRound(number, n_new, coded.n_documents, len(quarantined),
                                tuple(s.name for s in state if s.failures)))
        if max_rounds is not None and number >= max_rounds:
            break
        sleep(max(0.0, min(s.due_s for s in state) - time.monotonic()))


def _poll(source: _Source, settings: Settings, quarantined: list[Quarantined]) -> list[Document]:
    if is_url(source.name):
        fetched = _fetch(source, settings.max_file_mb * 2**20)
        if fetched is None:
            return []
        data, validators = fetched
        items = list(parse_feed(data, source.name, metadata={}, date_format=None,
                                max_chars=settings.max_article_chars))
        source.etag, source.modified = validators  # only once the feed parsed
        quarantined += [i for i in items if isinstance(i, Quarantined)]
        return [i for i in items if isinstance(i, Document)]
    changed = []
    for path in expand(source.name, follow_symlinks=settings.follow_symlinks,
                       quarantine=quarantined.append, skip=_note):
        stat = path.stat()
        if source.seen_files.get(path) != (stat.st_mtime_ns, stat.st_size):
            source.seen_files[path] = (stat.st_mtime_ns, stat.st_size)
            changed.append(path)
    found: list[Document] = []
    for path in changed:
        found += ingest_stage.read(path, settings=settings, on_quarantine=quarantined.append)
    return found


def _note(item: Skipped) -> None:
    log.info("skipped %s: %s", item.origin, item.reason)


def _fetch(source: _Source, max_bytes: int) -> tuple[bytes, tuple[str | None, str | None]] | None:
    """The feed's bytes and its ETag and Last-Modified, or None when unchanged (HTTP 304)."""
    request = urllib.request.Request(source.name, headers={"User-Agent": f"spiral/{__version__}"})
    if source.etag:
        request.add_header("If-None-Match", source.etag)
    if source.modified:
        request.add_header("If-Modified-Since", source.modified)
    try:
        with urllib.request.urlopen(request, timeout=FETCH_TIMEOUT_S) as response:
            data = response.read(max_bytes + 1)
            etag, modified = response.headers.get("ETag"), response.headers.get("Last-Modified")
    except urllib.error.HTTPError as error:
        if error.code == 304:
            return None
        raise InputError(f"{source.name}: HTTP {error.code} {error.reason}") from None
    if len(data) > max_bytes:
        raise InputError(f"{source.name}: feed larger than {max_bytes // 2**20} MB (max_file_mb)")
    return data, (etag, modified)
