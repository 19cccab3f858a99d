"""Typed records that flow between the stages: ingest -> nlp -> store -> analysis.

Every record is frozen and hashable. Ids are content hashes, so a re-run produces the same ids
and the store upserts instead of duplicating. Every extracted item carries `doc_id`, `start` and
`end`: character offsets into `Document.text` (never token indices, which depend on the model).
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from types import UnionType
from typing import Any, Literal, TypeVar, Union, get_args, get_origin, get_type_hints

DatePrecision = Literal["day", "week", "month", "year", "unknown"]  # unknown: the text gives no date
QuoteKind = Literal["direct", "indirect", "mixed"]
RedLineKind = Literal["red_line", "conditional_threat", "ultimatum"]
RedLineStatus = Literal["declared", "crossed", "answered", "enforced", "not_enforced"]


def normalise_text(text: str) -> str:
    """NFC-normalise and unify line ends: the text that offsets point into.

    Nothing else changes, so offsets match the file as Python reads it (which also turns
    CRLF into LF).

    >>> normalise_text("Kyiv\\r\\nsaid  ")
    'Kyiv\\nsaid  '
    """
    return unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")


def content_hash(*parts: Any, length: int = 16) -> str:
    """Deterministic hex id from the JSON form of `parts`.

    >>> content_hash("a", 1) == content_hash("a", 1)
    True
    """
    payload = json.dumps(parts, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:length]


def web_url(url: str) -> str:
    """`url` when it is an http(s) address a reader may follow, else "".

    Feeds and files can carry `javascript:` or `data:` links; nothing but http(s) is ever
    rendered as a link.

    >>> web_url("https://example.org/a"), web_url(" JavaScript:alert(1)"), web_url("data:,x")
    ('https://example.org/a', '', '')
    """
    from urllib.parse import urlsplit

    text = url.strip()
    try:
        parts = urlsplit(text)
    except ValueError:
        return ""
    return text if parts.scheme.lower() in ("http", "https") and parts.netloc else ""


def document_id(text: str) -> str:
    """Id of a document: the hash of its normalised text, so reposts of one article collapse.

    Whitespace and case differences do not make a new document.

    >>> document_id("Kyiv  said.") == document_id("kyiv said.")
    True
    """
    folded = " ".join(normalise_text(text).casefold().split())
    return "doc_" + content_hash(folded)


@dataclass(frozen=True, slots=True)
class Document:
    """One news report as read by ingest. `text` is normalised; offsets point into it.

    `charset` is the encoding its bytes were decoded with and `charset_reason` why ("declared
    in <meta>", "byte-order mark", "detected; ..."); both empty when spiral was given text, not
    bytes (the HTTP API), or stored it before it kept them.
    """

    doc_id: str
    text: str
    title: str = ""
    published: datetime | None = None  # UTC-aware
    source: str = ""  # the outlet, e.g. "Reuters"
    url: str = ""
    language: str = "en"
    origin: str = ""  # file (and line) it was read from
    external_id: str = ""  # the id the input gave, if any
    charset: str = ""  # Python's codec name, e.g. "cp1251", "utf-8"
    charset_reason: str = ""

    @classmethod
    def from_text(cls, text: str, **metadata: Any) -> Document:
        """Build a document from raw text, normalising it and deriving the id.

        >>> Document.from_text("Kyiv said.", source="Example").doc_id.startswith("doc_")
        True
        """
        clean = normalise_text(text)
        return cls(doc_id=document_id(clean), text=clean, **metadata)


@dataclass(frozen=True, slots=True)
class Entity:
    """A PLOVER entity object: who an actor is, with the role held on the document's date.

    `code` is ISO 3166-1 alpha-3 or a PLOVER non-state code (IGO, NGO, ...); `sector` a PLOVER
    sector (GOV, MIL, REB, ...).
    """

    entity_text: str
    entity_name: str
    code: str
    sector: str = ""
    role: str = ""
    role_valid_from: date | None = None
    role_valid_to: date | None = None
    wikidata_id: str | None = None


@dataclass(frozen=True, slots=True)
class Mention:
    """A stretch of text that names an actor."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Actor:
    """An actor resolved within one document, with every mention of it."""

    doc_id: str
    entity: Entity
    mentions: tuple[Mention, ...] = ()

    @property
    def id(self) -> str:
        return "act_" + content_hash(self.doc_id, self.entity.entity_name, self.entity.code)


@dataclass(frozen=True, slots=True)
class Event:
    """Who did what to whom, when: one PLOVER event found in one sentence of one document."""

    doc_id: str
    event_type: str
    start: int
    end: int
    text: str
    mode: str = ""
    context: tuple[str, ...] = ()
    actor: tuple[Entity, ...] = ()
    recipient: tuple[Entity, ...] = ()
    date: date | None = None
    date_precision: DatePrecision = "day"
    quad_code: int = 0
    intensity: float = 0.0
    cameo: str = ""
    negated: bool = False
    hypothetical: bool = False
    confidence: float = 1.0  # probability the event is right; 1.0 for curated data sets
    # the characters of the word the event was read from ("struck"); -1 when no one word was
    # (an act a statement performs, a curated data set). Not stored: the confidence it went into is
    trigger_start: int = -1
    trigger_end: int = -1
    id: str = field(default="")

    def __post_init__(self) -> None:
        if not self.id:
            object.__setattr__(self, "id", "evt_" + content_hash(
                self.doc_id, self.start, self.end, self.event_type, self.mode,
                [a.code for a in self.actor], [r.code for r in self.recipient]))


@dataclass(frozen=True, slots=True)
class Quote:
    """Who said what: a statement with its (resolved) speaker.

    `start`/`end` cover the content; `source_spans`, `cue_spans` and `content_spans` are the
    character fragments of the three roles of the attribution (the speaker's mention in the text,
    the words that attribute, what is attributed, quotation marks included), each a tuple of
    (start, end), as PolNeAR annotates them; a role may be split ("Escalation, she said, is ...").
    """

    doc_id: str
    content: str
    kind: QuoteKind
    start: int
    end: int
    speaker: Entity | None = None
    speaker_text: str = ""
    anonymous: bool = False
    cue: str = ""
    date: date | None = None
    source_spans: tuple[tuple[int, int], ...] = ()
    cue_spans: tuple[tuple[int, int], ...] = ()
    content_spans: tuple[tuple[int, int], ...] = ()
    id: str = field(default="")

    def __post_init__(self) -> None:
        if not self.id:
            object.__setattr__(
                self, "id", "quo_" + content_hash(self.doc_id, self.start, self.end, self.kind)
            )


@dataclass(frozen=True, slots=True)
class RedLine:
    """A red line or conditional threat: if `condition`, then `consequence`."""

    doc_id: str
    declarer: Entity
    condition: str
    consequence: str
    kind: RedLineKind
    start: int
    end: int
    addressee: tuple[Entity, ...] = ()
    date: date | None = None
    status: RedLineStatus = "declared"
    crossed_by: tuple[str, ...] = ()  # event ids
    crossed_date: date | None = None
    id: str = field(default="")

    def __post_init__(self) -> None:
        if not self.id:
            object.__setattr__(self, "id", "red_" + content_hash(
                self.doc_id, self.start, self.end, self.declarer.code, self.kind, self.condition))


@dataclass(frozen=True, slots=True)
class Position:
    """A negotiating position: a demand or condition one side puts on a settlement."""

    doc_id: str
    holder: Entity
    issue: str
    demand: str
    start: int
    end: int
    date: date | None = None
    id: str = field(default="")

    def __post_init__(self) -> None:
        if not self.id:
            object.__setattr__(self, "id", "pos_" + content_hash(
                self.doc_id, self.start, self.end, self.holder.code, self.issue))


@dataclass(frozen=True, slots=True)
class Quarantined:
    """An input record that could not be read, kept with where it was and why."""

    origin: str  # file:line
    reason: str
    raw: str = ""

    @property
    def id(self) -> str:
        return "qua_" + content_hash(self.origin, self.reason, self.raw)


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input left out on purpose (another file type, a repeat of an article already read),
    named so that nothing is dropped in silence."""

    origin: str
    reason: str


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything the NLP stage found in one document."""

    document: Document
    actors: tuple[Actor, ...] = ()
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    red_lines: tuple[RedLine, ...] = ()
    positions: tuple[Position, ...] = ()


def to_dict(record: Any) -> dict[str, Any]:
    """Plain JSON-ready dict of a record: dates as ISO 8601, tuples as lists.

    >>> to_dict(Mention("Kyiv", 0, 4))
    {'text': 'Kyiv', 'start': 0, 'end': 4}
    """
    return _plain(record)


def _plain(value: Any) -> Any:
    """One pass over the record (dataclasses.asdict deep-copies every field first)."""
    if value is None or isinstance(value, (str, int, float)):
        return value  # most fields: no record type to look up (none of ours derives from these)
    names = _field_names(type(value))
    if names is not None:
        return {name: _plain(getattr(value, name)) for name in names}
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def from_dict(cls: type[R], data: dict[str, Any]) -> R:
    """Rebuild a record from its `to_dict` form (or a component's plain-dict annotation).

    Keys the record does not have are ignored; dates may be ISO strings.

    >>> from_dict(Entity, {"entity_text": "Kyiv", "entity_name": "Ukraine", "code": "UKR",
    ...                    "role_valid_from": "2019-05-20"}).role_valid_from
    datetime.date(2019, 5, 20)
    """
    return cls(**{name: convert(data[name]) for name, convert in _converters(cls)
                  if name in data})


R = TypeVar("R")


@functools.cache
def _field_names(cls: type) -> tuple[str, ...] | None:
    return tuple(f.name for f in dataclasses.fields(cls)) if dataclasses.is_dataclass(cls) else None


@functools.cache
def _converters(cls: type) -> tuple[tuple[str, Callable[[Any], Any]], ...]:
    """Each field's name with the function that turns its plain form back into its type, built
    once per record type: records are rebuilt by the thousand while coding."""
    hints = get_type_hints(cls)
    return tuple((f.name, _converter(hints[f.name])) for f in dataclasses.fields(cls))


def _kept(value: Any) -> Any:
    return value


@functools.cache
def _converter(hint: Any) -> Callable[[Any], Any]:
    origin, args = get_origin(hint), get_args(hint)
    if origin in (UnionType, Union):
        real = [a for a in args if a is not type(None)]
        return _converter(real[0]) if len(real) == 1 else _kept
    if origin is tuple:
        item = _converter(args[0])
        if item is _kept:  # plain items (str, int, spans): a copy, without a call per item
            return lambda value: None if value is None else tuple(value)
        return lambda value: None if value is None else tuple(item(v) for v in value)
    if dataclasses.is_dataclass(hint):
        return lambda value: value if value is None or isinstance(value, hint) \
            else from_dict(hint, value)
    if hint is datetime:
        return lambda value: datetime.fromisoformat(value) if isinstance(value, str) else value
    if hint is date:
        return lambda value: (date.fromisoformat(value[:10]) if isinstance(value, str)
                              else value.date() if isinstance(value, datetime) else value)
    return _kept
