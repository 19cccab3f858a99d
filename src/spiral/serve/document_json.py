"""The JSON form of one coded document, as `spiral code` prints it and the HTTP API serves it."""

from __future__ import annotations

from typing import Any

from spiral.records import Extraction, to_dict


def extraction_json(extraction: Extraction) -> dict[str, Any]:
    """The document JSON: document metadata, then events, quotes, red lines, positions, actors.

    Offsets (`start`, `end`) are characters into the document text.
    """
    document = extraction.document
    return {
        "document": {
            "doc_id": document.doc_id,
            "title": document.title,
            "published": document.published.isoformat() if document.published else None,
            "source": document.source,
            "url": document.url,
            "origin": document.origin,
        },
        "events": [_without_doc_id(e) for e in extraction.events],
        "quotes": [_without_doc_id(q) for q in extraction.quotes],
        "red_lines": [_without_doc_id(r) for r in extraction.red_lines],
        "positions": [_without_doc_id(p) for p in extraction.positions],
        "actors": [
            {**to_dict(actor.entity), "mentions": [to_dict(m) for m in actor.mentions]}
            for actor in extraction.actors
        ],
    }


def _without_doc_id(record: Any) -> dict[str, Any]:
    data = to_dict(record)
    data.pop("doc_id", None)
    return data
