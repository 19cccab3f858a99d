"""Records to table rows and back: entities as JSON text, plus a code column for filtering."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC
from typing import Any

from spiral.records import (
    Actor,
    Document,
    Entity,
    Event,
    Mention,
    Position,
    Quarantined,
    Quote,
    RedLine,
    from_dict,
    to_dict,
)


def _entity_json(entity: Entity | None) -> str | None:
    return None if entity is None else json.dumps(to_dict(entity), ensure_ascii=False)


def _entities_json(entities: tuple[Entity, ...]) -> str:
    return json.dumps([to_dict(e) for e in entities], ensure_ascii=False)


def _entity(text: str | None) -> Entity | None:
    return None if text is None else from_dict(Entity, json.loads(text))


def _entities(text: str) -> tuple[Entity, ...]:
    return tuple(from_dict(Entity, e) for e in json.loads(text))


DOCUMENT_COLUMNS = tuple(f.name for f in dataclasses.fields(Document))  # one column a field


def document_row(doc: Document) -> dict[str, Any]:
    return {"doc_id": doc.doc_id, "text": doc.text, "title": doc.title,
            "published": doc.published, "source": doc.source, "url": doc.url,
            "language": doc.language, "origin": doc.origin, "external_id": doc.external_id,
            "charset": doc.charset, "charset_reason": doc.charset_reason}


def document_record(row: dict[str, Any]) -> Document:
    published = row["published"]
    if published is not None:
        published = published.astimezone(UTC)
    # stored before migration 0006 recorded the decoding: NULL reads as not recorded
    recorded = {name: row.get(name) or "" for name in ("charset", "charset_reason")}
    return Document(**{**row, "published": published, **recorded})


def quarantine_row(item: Quarantined) -> dict[str, Any]:
    return {"id": item.id, "origin": item.origin, "reason": item.reason, "raw": item.raw}


def actor_row(actor: Actor) -> dict[str, Any]:
    return {"id": actor.id, "doc_id": actor.doc_id, "entity": _entity_json(actor.entity),
            "code": actor.entity.code, "entity_name": actor.entity.entity_name,
            "mentions": json.dumps([to_dict(m) for m in actor.mentions], ensure_ascii=False)}


def actor_record(row: dict[str, Any]) -> Actor:
    return Actor(doc_id=row["doc_id"], entity=_entity(row["entity"]),
                 mentions=tuple(Mention(**m) for m in json.loads(row["mentions"])))


def event_row(event: Event, system: str = "spiral", native: dict | None = None) -> dict[str, Any]:
    return {
        "id": event.id, "doc_id": event.doc_id, "system": system,
        "event_type": event.event_type, "mode": event.mode, "context": list(event.context),
        "actor": _entities_json(event.actor), "recipient": _entities_json(event.recipient),
        "actor_code": event.actor[0].code if event.actor else "",
        "recipient_code": event.recipient[0].code if event.recipient else "",
        "date": event.date, "date_precision": event.date_precision,
        "quad_code": event.quad_code, "intensity": float(event.intensity), "cameo": event.cameo,
        "negated": event.negated, "hypothetical": event.hypothetical, "text": event.text,
        "start": event.start, "end": event.end, "confidence": float(event.confidence),
        "native": None if native is None else json.dumps(native, ensure_ascii=False, default=str),
        "directed": True,
    }


def event_record(row: dict[str, Any]) -> Event:
    fields = {k: row[k] for k in (
        "id", "doc_id", "event_type", "mode", "date", "date_precision", "quad_code", "intensity",
        "cameo", "negated", "hypothetical", "text", "start", "end", "confidence")}
    return Event(**fields, context=tuple(row["context"]), actor=_entities(row["actor"]),
                 recipient=_entities(row["recipient"]))


def quote_row(quote: Quote) -> dict[str, Any]:
    return {"id": quote.id, "doc_id": quote.doc_id, "speaker": _entity_json(quote.speaker),
            "speaker_code": quote.speaker.code if quote.speaker else "",
            "speaker_text": quote.speaker_text, "anonymous": quote.anonymous,
            "content": quote.content, "kind": quote.kind, "cue": quote.cue, "date": quote.date,
            "start": quote.start, "end": quote.end,
            **{name: json.dumps(getattr(quote, name)) for name in SPAN_COLUMNS}}


# the attribution's role fragments, kept as JSON lists of [start, end] (migration 0004)
SPAN_COLUMNS = ("source_spans", "cue_spans", "content_spans")


def quote_record(row: dict[str, Any]) -> Quote:
    fields = {k: v for k, v in row.items()
              if k not in ("speaker", "speaker_code", *SPAN_COLUMNS)}
    spans = {name: tuple(tuple(pair) for pair in json.loads(row.get(name) or "[]"))
             for name in SPAN_COLUMNS}
    return Quote(**fields, **spans, speaker=_entity(row["speaker"]))


def red_line_row(red_line: RedLine) -> dict[str, Any]:
    return {"id": red_line.id, "doc_id": red_line.doc_id,
            "declarer": _entity_json(red_line.declarer), "declarer_code": red_line.declarer.code,
            "addressee": _entities_json(red_line.addressee), "condition": red_line.condition,
            "consequence": red_line.consequence, "kind": red_line.kind, "date": red_line.date,
            "status": red_line.status, "crossed_by": list(red_line.crossed_by),
            "crossed_date": red_line.crossed_date, "start": red_line.start, "end": red_line.end}


def red_line_record(row: dict[str, Any]) -> RedLine:
    fields = {k: v for k, v in row.items()
              if k not in ("declarer", "declarer_code", "addressee", "crossed_by")}
    return RedLine(**fields, declarer=_entity(row["declarer"]),
                   addressee=_entities(row["addressee"]), crossed_by=tuple(row["crossed_by"]))


def position_row(position: Position) -> dict[str, Any]:
    return {"id": position.id, "doc_id": position.doc_id, "holder": _entity_json(position.holder),
            "holder_code": position.holder.code, "issue": position.issue,
            "demand": position.demand, "date": position.date, "start": position.start,
            "end": position.end}


def position_record(row: dict[str, Any]) -> Position:
    fields = {k: v for k, v in row.items() if k not in ("holder", "holder_code")}
    return Position(**fields, holder=_entity(row["holder"]))
