"""RSS and Atom feeds, read with feedparser; a feed declaring entities or external DTDs is refused.

feedparser handles the dialects (RSS 0.9x/1.0/2.0, Atom 0.3/1.0), encodings and date formats
that real feeds bring. Before it sees a byte, defusedxml checks the feed declares no entities
(no billion laughs) and references nothing external (no XXE): such a feed is refused whole.

A damaged feed (cut short, garbled in places) is read entry by entry: feedparser's lenient
parser, given the whole of it, silently drops or merges entries near the damage, so each item
or entry is cut out at its own tags and parsed alone. Every entry that can be read is kept;
each one that cannot (cut short, nothing readable) is quarantined as `file:entry N`.
"""

from __future__ import annotations

import bisect
import codecs
import logging
import re
from collections.abc import Iterable, Iterator, Mapping
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
    """One Document per item or entry of a feed's bytes (a Quarantined for each that cannot be
    read); `where` names it in messages.

    Raises
    ------
    InputError
        Unsafe XML, not a feed at all, or too many entries.
    """
    refuse_unsafe(data, where)
    parsed = _parse(data)
    spans = _entry_spans(data) if parsed.get("bozo") else []
    if not parsed.get("version") and not parsed.get("entries") and not spans:
        problem = f" ({parsed.bozo_exception})" if parsed.get("bozo") else ""
        raise InputError(f"{where}: neither an RSS nor an Atom feed{problem}")
    n_entries = len(spans) or len(parsed.entries)
    if not n_entries:
        raise InputError(f"{where}: the feed has no items or entries")
    if n_entries > MAX_ENTRIES:
        raise InputError(f"{where}: {n_entries} entries, more than {MAX_ENTRIES}; split the feed")
    outlet = parsed.feed.get("title", "")
    charset = {"charset": codecs.lookup(parsed.get("encoding") or "utf-8").name,
               "charset_reason": _charset_reason(data, parsed)}
    if not spans:  # well-formed (or not in an ASCII-compatible encoding): feedparser's entries
        if parsed.get("bozo"):
            log.warning("%s: feed is not well-formed (%s); read leniently", where,
                        parsed.bozo_exception)
        entries = ((number, raw, "") for number, raw in enumerate(parsed.entries, start=1))
    else:
        log.warning("%s: feed is not well-formed (%s); read entry by entry", where,
                    parsed.bozo_exception)
        entries = _entries_one_by_one(data, spans, where)
    return _documents(entries, outlet, charset, where, metadata, date_format, max_chars)


def _charset_reason(data: bytes, parsed: Any) -> str:
    """Why feedparser decoded the feed as it did (a BOM, then the XML declaration, then UTF-8,
    the default of XML; RFC 7303 without the HTTP header a saved file lacks)."""
    if isinstance(parsed.get("bozo_exception"), feedparser.CharacterEncodingOverride):
        return f"not as declared: {parsed.bozo_exception}"
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "byte-order mark"
    if _DECLARED_ENCODING.match(data):
        return "declared in <?xml?>"
    return "nothing declared; UTF-8, the XML default"


# the start and end tags of an RSS item or an Atom entry, under any namespace prefix, and the
# CDATA sections and comments whose text is not markup (one that would run past an entry's end
# tag is damage, not a section: the tags after it are read)
_START = re.compile(rb"<(?:[\w.-]+:)?(item|entry)(?=[\s/>])", re.IGNORECASE)
_END = re.compile(rb"</(?:[\w.-]+:)?(?:item|entry)\s*>", re.IGNORECASE)
_VERBATIM = re.compile(rb"<!\[CDATA\[(?:(?!\]\]>|</(?:[\w.-]+:)?(?:item|entry)\s*>).)*\]\]>"
                       rb"|<!--(?:(?!-->|</(?:[\w.-]+:)?(?:item|entry)\s*>).)*-->",
                       re.IGNORECASE | re.DOTALL)
_PROLOG = re.compile(rb"(?:\xef\xbb\xbf)?\s*<\?xml[^>]*\?>")
_DECLARED_ENCODING = re.compile(rb"""\s*<\?xml[^>]*?encoding\s*=""")
_ROOT = re.compile(rb"<((?:[\w.-]+:)?(rss|feed|rdf))(?=[\s>])[^>]*>", re.IGNORECASE)
# the element an entry is wrapped in when the feed's own root cannot be found
_BARE_ROOTS = {b"item": (b'<rss version="2.0"><channel>', b"</channel></rss>"),
               b"entry": (b'<feed xmlns="http://www.w3.org/2005/Atom">', b"</feed>")}


def _entry_spans(data: bytes) -> list[tuple[int, int, bool]]:
    """(start, end, closed) of every item or entry in a feed's bytes, in order.

    An entry runs from its start tag to its end tag, or (closed=False) to the next entry's
    start or the end of the file when its end tag is missing. Empty when no start tag is found
    (a feed in UTF-16, say, whose tags are not ASCII bytes).
    """
    verbatim = [match.span() for match in _VERBATIM.finditer(data)]

    def is_markup(match: re.Match[bytes]) -> bool:
        at = bisect.bisect(verbatim, (match.start(), len(data))) - 1
        return at < 0 or verbatim[at][1] <= match.start()

    starts = [match.start() for match in _START.finditer(data) if is_markup(match)]
    spans = []
    for number, start in enumerate(starts):
        limit = starts[number + 1] if number + 1 < len(starts) else len(data)
        end = next((m for m in _END.finditer(data, start, limit) if is_markup(m)), None)
        spans.append((start, end.end(), True) if end else (start, limit, False))
    return spans


def _entries_one_by_one(data: bytes, spans: list[tuple[int, int, bool]],
                        where: str) -> Iterator[tuple[int, Any, str]]:
    """(number, feedparser entry or None, why not) for each entry, parsed alone in the feed's
    own prolog and root element (which carry its encoding and namespaces)."""
    head = data[: spans[0][0]]
    prolog = _PROLOG.match(head)
    root = _ROOT.search(head)
    tag = _START.match(data, spans[0][0]).group(1).lower()
    if root is None:
        opening, closing = _BARE_ROOTS[tag]
    else:
        name = root.group(1)
        is_rss = root.group(2).lower() == b"rss"
        opening = root.group(0) + (b"<channel>" if is_rss else b"")
        closing = (b"</channel>" if is_rss else b"") + b"</" + name + b">"
    opening = (prolog.group(0) if prolog else b"") + opening
    for number, (start, end, closed) in enumerate(spans, start=1):
        if not closed and end == len(data):
            yield number, None, ("the file ends inside this entry (cut short); the entries "
                                 "before it were read")
            continue
        alone = _parse(opening + data[start:end] + closing)
        if len(alone.entries) != 1:
            problem = f" ({alone.bozo_exception})" if alone.get("bozo") else ""
            yield number, None, f"the entry cannot be read{problem}"
            continue
        if alone.get("bozo"):
            log.warning("%s:entry %d: not well-formed (%s); read leniently", where, number,
                        alone.bozo_exception)
        yield number, alone.entries[0], ""


def _parse(data: bytes) -> Any:
    # bytes, never a URL: feedparser fetches nothing here
    return feedparser.parse(data, resolve_relative_uris=False, sanitize_html=True)


def _documents(entries: Iterable[tuple[int, Any, str]], outlet: str, charset: dict[str, str],
               where: str, metadata: Mapping[str, Any], date_format: str | None,
               max_chars: int) -> Iterator[Document | Quarantined]:
    for number, raw, unreadable in entries:
        here = f"{where}:entry {number}"
        if raw is None:
            yield Quarantined(origin=here, reason=unreadable)
            continue
        entry = _entry(raw)
        try:
            text = html_to_text(entry.pop("html") or "")
            if not text:
                raise InputError(f"{here}: the entry has no text (description/content)")
            check_length(text, where=here, max_chars=max_chars)
            fields = document_fields({"source": outlet, **entry, **metadata}, where=here,
                                     date_format=date_format)
            yield Document.from_text(text, origin=here, **charset, **fields)
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
