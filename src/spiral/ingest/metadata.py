"""Article metadata: publication dates and the sidecar .json of a .txt file."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from spiral.errors import InputError

FIELDS = ("title", "published", "source", "url", "language", "id")


def parse_published(value: Any, *, where: str, date_format: str | None = None) -> datetime | None:
    """A publication time as a UTC-aware datetime; dates mean midnight UTC, naive times UTC.

    >>> parse_published("2024-11-21", where="a.jsonl:1").isoformat()
    '2024-11-21T00:00:00+00:00'
    >>> parse_published("21/11/2024", where="a.jsonl:1")
    Traceback (most recent call last):
    ...
    spiral.errors.InputError: a.jsonl:1: 'published'='21/11/2024' is not ISO 8601; write 2024-11-21 or pass --date-format '%d/%m/%Y'
    """
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise InputError(f"{where}: 'published'={value!r} should be a string such as 2024-11-21")
    text = value.strip()
    try:
        parsed = (datetime.strptime(text, date_format) if date_format
                  else datetime.fromisoformat(text.replace("Z", "+00:00")))
    except ValueError:
        hint = f"--date-format {_guess_format(text)!r}" if not date_format else "another --date-format"
        expected = f"in the format {date_format!r}" if date_format else "ISO 8601"
        raise InputError(f"{where}: 'published'={value!r} is not {expected}; write 2024-11-21 "
                         f"or pass {hint}") from None
    if isinstance(parsed, date) and not isinstance(parsed, datetime):
        parsed = datetime(parsed.year, parsed.month, parsed.day)
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)


def _guess_format(text: str) -> str:
    if "/" in text:
        return "%d/%m/%Y"
    if "." in text:
        return "%d.%m.%Y"
    return "%d %B %Y"


def read_sidecar(path: Path) -> dict[str, Any]:
    """The `<stem>.json` beside a text file, or {} when there is none."""
    sidecar = path.with_suffix(".json") if path.suffix != ".gz" else \
        path.with_name(Path(path.stem).stem + ".json")
    if not sidecar.is_file():
        return {}
    try:
        data = json.loads(sidecar.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise InputError(f"{sidecar}: not valid JSON ({error}); fix it or remove it") from None
    if not isinstance(data, dict):
        raise InputError(f"{sidecar}: expected a JSON object with title, published, source, url")
    unknown = set(data) - set(FIELDS)
    if unknown:
        raise InputError(f"{sidecar}: unknown field(s) {sorted(unknown)}; allowed: {', '.join(FIELDS)}")
    return data


def document_fields(raw: Mapping[str, Any], *, where: str,
                    date_format: str | None) -> dict[str, Any]:
    """Validated keyword arguments for Document.from_text from raw metadata."""
    fields: dict[str, Any] = {}
    for name in ("title", "source", "url", "language"):
        value = raw.get(name)
        if value is not None and not isinstance(value, str):
            raise InputError(f"{where}: '{name}'={value!r} should be a string")
        if value:
            fields[name] = value
    if raw.get("id") is not None:
        fields["external_id"] = str(raw["id"])
    fields["published"] = parse_published(raw.get("published"), where=where,
                                          date_format=date_format)
    return fields
