"""RSS 2.0 and Atom feeds, parsed with defusedxml (no entity expansion, no external DTDs)."""

from __future__ import annotations

import email.utils
from collections.abc import Iterator, Mapping
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from spiral.errors import InputError
from spiral.ingest.metadata import document_fields
from spiral.ingest.sources import read_bytes
from spiral.records import Document, Quarantined

MAX_ENTRIES = 10_000
MAX_ENTRY_CHARS = 2_000_000
ATOM = "{http://www.w3.org/2005/Atom}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"


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


def _rfc822_or_iso(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return email.utils.parsedate_to_datetime(value).isoformat()
    except (TypeError, ValueError):
        return value.strip()


def read_feed(path: Path, *, metadata: Mapping[str, Any], date_format: str | None,
              max_bytes: int) -> Iterator[Document | Quarantined]:
    """One Document per item (RSS) or entry (Atom)."""
    try:
        root = SafeET.fromstring(read_bytes(path, max_bytes=max_bytes))
    except DefusedXmlException as error:
        raise InputError(f"{path}: refused unsafe XML ({type(error).__name__}); "
                         "feeds may not declare entities or DTDs") from None
    except SafeET.ParseError as error:
        raise InputError(f"{path}: not well-formed XML ({error})") from None
    if root.tag == "rss":
        channel = root.find("channel")
        outlet = (channel.findtext("title") if channel is not None else "") or ""
        entries = [_rss_item(item) for item in root.iter("item")]
    elif root.tag == f"{ATOM}feed":
        outlet = root.findtext(f"{ATOM}title") or ""
        entries = [_atom_entry(entry) for entry in root.iter(f"{ATOM}entry")]
    else:
        raise InputError(f"{path}: root element <{root.tag}> is neither RSS <rss> nor Atom <feed>")
    if len(entries) > MAX_ENTRIES:
        raise InputError(f"{path}: {len(entries)} entries, more than {MAX_ENTRIES}; split the feed")
    for number, entry in enumerate(entries, start=1):
        where = f"{path}:entry {number}"
        try:
            text = html_to_text(entry.pop("html") or "")
            if not text:
                raise InputError(f"{where}: the entry has no text (description/content)")
            if len(text) > MAX_ENTRY_CHARS:
                raise InputError(f"{where}: entry text longer than {MAX_ENTRY_CHARS} characters")
            fields = document_fields({"source": outlet, **entry, **metadata}, where=where,
                                     date_format=date_format)
            yield Document.from_text(text, origin=where, **fields)
        except InputError as error:
            yield Quarantined(origin=where, reason=str(error).removeprefix(f"{where}: "),
                              raw=str(entry)[:500])


def _rss_item(item: Element) -> dict[str, Any]:
    return {"title": item.findtext("title"), "url": item.findtext("link"),
            "published": _rfc822_or_iso(item.findtext("pubDate")),
            "html": item.findtext(CONTENT) or item.findtext("description")}


def _atom_entry(entry: Element) -> dict[str, Any]:
    link = entry.find(f"{ATOM}link")
    return {"title": entry.findtext(f"{ATOM}title"),
            "url": link.get("href") if link is not None else None,
            "published": entry.findtext(f"{ATOM}published") or entry.findtext(f"{ATOM}updated"),
            "html": entry.findtext(f"{ATOM}content") or entry.findtext(f"{ATOM}summary")}
