"""Hypothesis strategies for hostile and unusual input: text files, sidecars, JSON Lines, feeds
and HTML pages, in odd encodings, gzipped or cut short, with dates, URLs and markup that have
broken spiral before. Each strategy draws a `Spec`: the bytes of one file, and the origins
spiral must account for (stored, quarantined or skipped).
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from xml.sax.saxutils import escape

from hypothesis import strategies as st

BOM = b"\xef\xbb\xbf"
KNOWN_FIELDS = ("title", "published", "source", "url", "language", "id")
ENCODINGS = ("utf-8", "utf-8-sig", "cp1251", "cp1252", "koi8-r", "utf-16", "latin-1", "shift_jis")
NEWS = ["Ukraine fired six ATACMS missiles at the Bryansk region on Tuesday, Moscow said.",
        "Министр обороны заявил, что удар был нанесён по складу.",
        "Iran launched drones and missiles at Israel; the IDF said most were intercepted.",
        "Kyiv    said\r\nnothing\u00a0at all", "KYIV SAID NOTHING AT ALL", "\ufeffBOM inside",
        "<script>alert(1)</script><!--<script>", "[/bold] [link=javascript:alert(1)]x[/link]",
        "e\u0301t\u00e9 caf\u00e9", "\u202eevil\u202c", "null\x00byte", ""]


@dataclass
class Spec:
    """One file to write: its name (suffix decides the reader), bytes, and what it holds.

    `records` are the origin suffixes spiral reports per record (":3", ":entry 2"); empty for
    one-article files. `kind` is text, html, jsonl, feed, sidecar or other.
    """

    name: str
    data: bytes
    kind: str
    records: list[str] = field(default_factory=list)


prose = st.one_of(st.sampled_from(NEWS), st.text(max_size=300),
                  st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=120))

offsets = st.integers(-14 * 60, 14 * 60).map(lambda m: timezone(timedelta(minutes=m)))
published = st.one_of(
    st.none(), st.just(""),
    st.dates().map(str),
    st.datetimes(timezones=offsets).map(datetime.isoformat),
    st.sampled_from(["0001-01-01T00:00:00Z", "0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-05:00",
                     "1970-01-01", "2024-02-30", "21/11/2024", "2024-11-21T25:00", "[/x]",
                     "Tue, 19 Nov 2024 18:00:00 GMT", "2024-11-21T12:00:00.123456789Z"]),
    st.text(max_size=20), st.integers(), st.floats(allow_nan=True))
urls = st.one_of(st.none(), st.sampled_from([
    "https://example.org/a", "javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:x",
    "data:text/html,<script>alert(1)</script>", "http://x/\"><script>alert(1)</script>",
    "vbscript:msgbox", "//evil.example", "https://example.org/#:~:text=x"]), st.text(max_size=40))
scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=40))
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=3)
                      | st.dictionaries(st.text(max_size=5), inner, max_size=3), max_leaves=5)


@st.composite
def metadata(draw: st.DrawFn) -> dict:
    """A record's metadata: known fields with good and bad values, and unknown fields."""
    record = {}
    for name in draw(st.lists(st.sampled_from(KNOWN_FIELDS), unique=True)):
        record[name] = draw({"published": published, "url": urls}.get(name, values | prose))
    record.update(draw(st.dictionaries(st.text(min_size=1, max_size=10).filter(
        lambda k: k not in KNOWN_FIELDS and k != "text"), values, max_size=2)))
    return record


def _encode(text: str, encoding: str) -> bytes:
    return text.encode(encoding, "xmlcharrefreplace" if encoding != "utf-16" else "surrogatepass")


@st.composite
def wrapped(draw: st.DrawFn, data: bytes, name: str) -> tuple[str, bytes]:
    """The file as it is, gzipped, or gzipped and cut short."""
    how = draw(st.sampled_from(["plain", "plain", "plain", "gzip", "gzip-cut"]))
    if how == "plain":
        return name, data
    packed = gzip.compress(data, mtime=0)
    if how == "gzip-cut":
        packed = packed[: draw(st.integers(0, max(0, len(packed) - 1)))]
    return name + ".gz", packed


@st.composite
def text_files(draw: st.DrawFn, stem: str, scale: int = 1) -> list[Spec]:
    """A .txt article in some encoding (or raw bytes), maybe with a sidecar .json."""
    if draw(st.booleans()):
        raw = _encode(draw(prose), draw(st.sampled_from(ENCODINGS)))
    else:
        raw = draw(st.binary(max_size=200))
    name, data = draw(wrapped(raw, f"{stem}.txt"))
    specs = [Spec(name, data, "text")]
    if draw(st.booleans()):
        sidecar = draw(st.one_of(metadata().map(lambda m: json.dumps(m).encode()),
                                 st.binary(max_size=40), values.map(lambda v: json.dumps(v).encode())))
        specs.append(Spec(f"{stem}.json", sidecar, "sidecar"))
    return specs


@st.composite
def jsonl_files(draw: st.DrawFn, stem: str, scale: int = 1) -> list[Spec]:
    """JSON Lines with good records, bad JSON, blank lines, a BOM and CRLF line ends."""
    lines: list[bytes] = []
    for _ in range(draw(st.integers(0, 60 * scale))):
        kind = draw(st.sampled_from(["record", "record", "record", "json", "bytes", "blank"]))
        if kind == "record":
            record = draw(metadata())
            if draw(st.integers(0, 9)):
                record["text"] = draw(prose)
            line = json.dumps(record, ensure_ascii=draw(st.booleans())).encode()
        elif kind == "json":
            line = json.dumps(draw(values)).encode()
        elif kind == "bytes":
            line = draw(st.binary(max_size=60)).replace(b"\n", b"")
        else:
            line = draw(st.sampled_from([b"", b"   ", b"\t", b"\r"]))
        lines.append(line + (b"\r" if draw(st.integers(0, 5)) == 0 else b""))
    data = b"\n".join(lines) + (b"\n" if draw(st.booleans()) else b"")
    if draw(st.integers(0, 4)) == 0:
        data = BOM + data
    name, packed = draw(wrapped(data, f"{stem}.jsonl"))
    return [Spec(name, packed, "jsonl", jsonl_records(data))]


def jsonl_records(data: bytes) -> list[str]:
    """The origins (":3") of the non-blank lines of JSON Lines `data`.

    Read from the file's bytes, not from the lines drawn: a first line drawn as the three bytes
    of a byte-order mark (Hypothesis draws the constants of the code under test) is the file's
    mark, and the line it leaves is blank.
    """
    lines = data.removeprefix(BOM).split(b"\n")
    return [f":{n}" for n, line in enumerate(lines, start=1) if line.strip()]


def _xml_text(draw: st.DrawFn, text: str) -> str:
    """Text as XML character data: escaped, or in CDATA (with ]]> split), as feeds do."""
    clean = "".join(c for c in text if c in "\t\n\r" or (" " <= c <= "\ud7ff")
                    or ("\ue000" <= c <= "\ufffd"))
    if draw(st.booleans()):
        return escape(clean)
    return "<![CDATA[" + clean.replace("]]>", "]]]]><![CDATA[>") + "]]>"


@st.composite
def feed_files(draw: st.DrawFn, stem: str, scale: int = 1) -> list[Spec]:
    """RSS 2.0 or Atom with escaped or CDATA HTML entries; sometimes an entity bomb, cut short,
    garbled in one stretch or garbage throughout. The entries spiral must name are those whose
    start tag is left whole (what is cut off or garbled away is no longer in the file), each
    by its number among them."""
    atom = draw(st.booleans())
    entries = []
    for _ in range(draw(st.integers(0, 12 * scale))):
        body = draw(st.one_of(prose, prose.map(lambda t: f"<p>{t}</p><script>x()</script>")))
        title, link, date = draw(prose), draw(urls) or "", draw(published)
        date_text = "" if date is None else str(date)
        if atom:
            href = escape(_xml_attr(link), {'"': "&quot;"})
            entries.append(f"<entry><title>{_xml_text(draw, title)}</title>"
                           f'<link href="{href}"/>'
                           f"<updated>{_xml_text(draw, date_text)}</updated>"
                           f'<content type="html">{_xml_text(draw, body)}</content></entry>')
        else:
            entries.append(f"<item><title>{_xml_text(draw, title)}</title>"
                           f"<link>{_xml_text(draw, link)}</link>"
                           f"<pubDate>{_xml_text(draw, date_text)}</pubDate>"
                           f"<description>{_xml_text(draw, body)}</description></item>")
    if atom:
        head = (b'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
                b"<title>Desk</title>")
        tail, suffix, start_tag = b"</feed>", ".atom", len("entry") + 2
    else:
        head = (b'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
                b"<title>Desk</title>")
        tail, suffix = b"</channel></rss>", draw(st.sampled_from([".rss", ".xml"]))
        # the length of "<item>", not written out: Hypothesis draws the literals of this code,
        # and a start tag drawn into a garbled stretch would be an entry no one wrote
        start_tag = len("item") + 2
    data, starts = head, []
    for entry in entries:
        starts.append(len(data))
        data += entry.encode("utf-8")
    data += tail
    damage = draw(st.sampled_from(["none", "none", "none", "cut", "garble", "entities", "garbage"]))
    whole = list(range(1, len(entries) + 1))
    if damage == "cut":
        cut = draw(st.integers(0, len(data)))
        data = data[:cut]
        whole = [n for n, at in enumerate(starts, start=1) if at + start_tag <= cut]
    elif damage == "garble":
        first = draw(st.integers(0, len(data)))
        last = draw(st.integers(first, min(len(data), first + 200)))
        data = data[:first] + draw(st.binary(min_size=1, max_size=200)) + data[last:]
        whole = [n for n, at in enumerate(starts, start=1)
                 if at + start_tag <= first or at >= last]
    elif damage == "entities":
        data = data.replace(b'<?xml version="1.0" encoding="utf-8"?>', (
            b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa">'
            b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'), 1)
    elif damage == "garbage":
        data, whole = draw(st.binary(max_size=100)), []
    # spiral numbers the entries it finds in the file: the written ones left whole, in order
    records = [f":entry {n}" for n in range(1, len(whole) + 1)]
    name, packed = draw(wrapped(data, stem + suffix))
    return [Spec(name, packed, "feed", records)]


def _xml_attr(text: str) -> str:
    return "".join(c for c in text if " " <= c <= "\ud7ff" or "\ue000" <= c <= "\ufffd")


@st.composite
def html_files(draw: st.DrawFn, stem: str, scale: int = 1) -> list[Spec]:
    """An HTML page in some encoding, declared rightly, wrongly or not at all."""
    encoding = draw(st.sampled_from(ENCODINGS))
    declared = draw(st.one_of(st.none(), st.just(encoding), st.sampled_from(ENCODINGS),
                              st.sampled_from(["bogus-8", "utf-7", "x-user-defined", "UTF-16LE"])))
    meta = "" if declared is None else draw(st.sampled_from([
        f'<meta charset="{declared}">',
        f'<meta http-equiv="Content-Type" content="text/html; charset={declared}">']))
    paragraphs = "".join(f"<p>{escape(p)}</p>" for p in draw(st.lists(prose, max_size=6)))
    canonical = escape(_xml_attr(draw(urls) or ""), {'"': "&quot;"})
    page = (f"<!DOCTYPE html><html><head>{meta}<title>{escape(draw(prose))}</title>"
            f'<link rel="canonical" href="{canonical}">'
            f"</head><body><article><h1>{escape(draw(prose))}</h1>{paragraphs}</article>"
            f"<script>{draw(prose)}</script></body></html>")
    raw = _encode(page, encoding) if draw(st.integers(0, 9)) else draw(st.binary(max_size=300))
    name, data = draw(wrapped(raw, f"{stem}.html"))
    return [Spec(name, data, "html")]


@st.composite
def other_files(draw: st.DrawFn, stem: str, scale: int = 1) -> list[Spec]:
    """Files spiral does not read: they must be named as skipped."""
    suffix = draw(st.sampled_from([".md", ".pdf", ".json", "", ".TXT.bak", ".csv"]))
    return [Spec(stem + suffix, draw(st.binary(max_size=50)), "other")]


@st.composite
def links(draw: st.DrawFn, stem: str, scale: int = 1) -> list[Spec]:
    """A symlink out of the folder, or to nothing: refused and quarantined, never followed."""
    kind = draw(st.sampled_from(["link-out", "link-dangling"]))
    return [Spec(f"{stem}.txt", b"", kind)]


READERS = {"text": text_files, "jsonl": jsonl_files, "feed": feed_files, "other": other_files,
           "link": links}


@st.composite
def corpora(draw: st.DrawFn, *, max_pages: int, scale: int = 1) -> list[Spec]:
    """A folder's worth of files of every kind, `scale` times more records per file; HTML
    pages (each goes to the extraction worker, the slow part) in one folder of four, at most
    `max_pages`."""
    specs: list[Spec] = []
    kinds = draw(st.lists(st.sampled_from(sorted(READERS)), min_size=1, max_size=8 * scale))
    if max_pages and draw(st.integers(0, 3)) == 0:
        kinds += ["html"] * draw(st.integers(1, max_pages))
    for number, kind in enumerate(kinds):
        stem = f"{number:02d}-" + draw(st.text(alphabet="abc XYZ[]()_-.é'", max_size=8))
        reader = html_files if kind == "html" else READERS[kind]
        specs.extend(draw(reader(stem.strip(". ") or "x", scale)))
    return specs
