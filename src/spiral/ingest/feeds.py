"""RSS and Atom feeds, read with feedparser; a feed declaring entities or external DTDs is refused.

feedparser handles the dialects (RSS 0.9x/1.0/2.0, Atom 0.3/1.0), encodings and date formats
that real feeds bring. Before it sees a byte, defusedxml checks the feed declares no entities
(no billion laughs) and references nothing external (no XXE): such a feed is refused whole.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import defusedxml.ElementTree as SafeET
import feedparser
from defusedxml import DefusedXmlException

from spiral.errors import InputError
from spiral.ingest.metadata import check_length, document_fields
from spiral.ingest.sources import read_bytes
from spiral.records import Document, Quarantined

MAX_ENTRIES = 10_000
MAX_FEED_BYTES = 32 * 2**20  # a feed is parsed whole, its entries all held at once
# an entity declaration, in the feed's bytes as UTF-8/ASCII or UTF-16
_DECLARES_ENTITY = re.compile(rb"<!\s*ENTITY|<\x00!\x00(\s\x00)*E\x00N\x00T\x00I\x00T\x00Y",
                              re.IGNORECASE)

log = logging.getLogger(__name__)


class _TextOnly(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag in ("p", "br", "div", "li"):
            self.parts.append("\n\n" if tag == "p" else "\n")


def html_to_text(fragment: str) -> str:
    """Visible text of an HTML fragment, paragraphs kept.

    >>> html_to_text("<p>Kyiv <b>said</b>.</p><p>Moscow denied it.</p>")
    'Kyiv said.\\n\\nMoscow denied it.'
    """
    parser = _TextOnly()
    parser.feed(fragment)
    parser.close()
    lines = [" ".join(line.split()) for line in "".join(parser.parts).split("\n")]
    return "\n".join(lines).strip().replace("\n\n\n", "\n\n")


def refuse_unsafe(data: bytes, where: str) -> None:
    """Raise InputError if the XML declares entities or references external DTDs/entities.

    Malformed XML is left to feedparser's lenient parser, unless it declares an entity anywhere.

    >>> refuse_unsafe(b'<!DOCTYPE r [<!ENTITY a "b">]><rss/>', "feed.xml")
    Traceback (most recent call last):
    ...
    spiral.errors.InputError: feed.xml: refused unsafe XML (EntitiesForbidden); feeds may not declare entities or external DTDs
    """
    try:
        SafeET.fromstring(data)
    except DefusedXmlException as error:
        raise InputError(f"{where}: refused unsafe XML ({type(error).__name__}); "
                         "feeds may not declare entities or external DTDs") from None
    except SafeET.ParseError:
        if _DECLARES_ENTITY.search(data):
            raise InputError(f"{where}: refused unsafe XML (an entity declaration); "
                             "feeds may not declare entities or external DTDs") from None


def read_feed(path: Path, *, metadata: Mapping[str, Any], date_format: str | None,
              max_bytes: int, max_chars: int) -> Iterator[Document | Quarantined]:
    """One Document per item (RSS) or entry (Atom) of the feed file at `path`."""
    data = read_bytes(path, max_bytes=min(max_bytes, MAX_FEED_BYTES), fix=(
        "split the feed (a feed is parsed whole; larger collections read best as .jsonl)"))
    return parse_feed(data, str(path), metadata=metadata, date_format=date_format,
                      max_chars=max_chars)


def parse_feed(data: bytes, where: str, *, metadata: Mapping[str, Any],
               date_format: str | None, max_chars: int) -> Iterator[Document | Quarantined]:
    """One Document per item or entry of a feed's bytes; `where` names it in messages.

    Raises
    ------
    InputError
        Unsafe XML, not a feed at all, or too many entries.
    """
    refuse_unsafe(data, where)
    # bytes, never a URL: feedparser fetches nothing here
    parsed = feedparser.parse(data, resolve_relative_uris=False, sanitize_html=True)
    if not parsed.get("version") and not parsed.get("entries"):
        problem = f" ({parsed.bozo_exception})" if parsed.get("bozo") else ""
        raise InputError(f"{where}: neither an RSS nor an Atom feed{problem}")
    if parsed.get("bozo"):
        log.warning("%s: feed is not well-formed (%s); read leniently", where,
                    parsed.bozo_exception)
    if not parsed.entries:
        raise InputError(f"{where}: the feed has no items or entries")
    if len(parsed.entries) > MAX_ENTRIES:
        raise InputError(f"{where}: {len(parsed.entries)} entries, more than {MAX_ENTRIES}; "
                         "split the feed")
    outlet = parsed.feed.get("title", "")
    return _documents(parsed.entries, outlet, where, metadata, date_format, max_chars)


def _documents(entries: list[Any], outlet: str, where: str, metadata: Mapping[str, Any],
               date_format: str | None, max_chars: int) -> Iterator[Document | Quarantined]:
    for number, raw in enumerate(entries, start=1):
        here = f"{where}:entry {number}"
        entry = _entry(raw)
        try:
            text = html_to_text(entry.pop("html") or "")
            if not text:
                raise InputError(f"{here}: the entry has no text (description/content)")
            check_length(text, where=here, max_chars=max_chars)
            fields = document_fields({"source": outlet, **entry, **metadata}, where=here,
                                     date_format=date_format)
            yield Document.from_text(text, origin=here, **fields)
        except InputError as error:
            yield Quarantined(origin=here, reason=str(error).removeprefix(f"{here}: "),
                              raw=str(entry)[:500])


def _entry(entry: Any) -> dict[str, Any]:
    """Title, link, date (ISO 8601 in UTC when feedparser read it) and HTML of one entry."""
    when = entry.get("published_parsed") or entry.get("updated_parsed")
    raw_date = entry.get("published") or entry.get("updated")
    try:
        published = datetime(*when[:6], tzinfo=UTC).isoformat() if when else raw_date
    except ValueError:  # year 10000 once in UTC: the raw date is refused with a message later
        published = raw_date
    contents = [c.get("value", "") for c in entry.get("content", ())]
    return {"title": entry.get("title"), "url": entry.get("link"), "published": published,
            "html": next((c for c in contents if c.strip()), None) or entry.get("summary")}
