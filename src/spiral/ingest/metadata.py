"""Article metadata: publication dates and the sidecar .json of a .txt file."""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from spiral.errors import InputError
from spiral.records import web_url

log = logging.getLogger(__name__)

log = logging.getLogger(__name__)

FIELDS = ("title", "published", "source", "url", "language", "id")
# News of the 20th century on is in range; year 1 (Go's zero time in feeds) or 9999 is a
# placeholder, not a date, and would throw every date computed from it out of range.
EARLIEST_PUBLISHED = date(1900, 1, 1)
LATEST_AHEAD = timedelta(days=2)  # feeds in time zones ahead of UTC


def parse_published(value: Any, *, where: str, date_format: str | None = None) -> datetime | None:
    """A publication time as a UTC-aware datetime; dates mean midnight UTC, naive times UTC.

    >>> parse_published("2024-11-21", where="a.jsonl:1").isoformat()
    '2024-11-21T00:00:00+00:00'
    >>> parse_published("21/11/2024", where="a.jsonl:1")
    Traceback (most recent call last):
    ...
    spiral.errors.InputError: a.jsonl:1: 'published'='21/11/2024' is not ISO 8601; write 2024-11-21 or pass --date-format '%d/%m/%Y'
    >>> parse_published("0001-01-01T00:00:00Z", where="feed.xml:3")
    Traceback (most recent call last):
    ...
    spiral.errors.InputError: feed.xml:3: 'published'='0001-01-01T00:00:00Z' is outside 1900-01-01 to ...
    """
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise InputError(f"{where}: 'published'={value!r} should be a string such as 2024-11-21")
    text = value.strip()
    try:
        parsed = (datetime.strptime(text, date_format) if date_format
                  else datetime.fromisoformat(text))
    except ValueError:
        hint = f"--date-format {_guess_format(text)!r}" if not date_format else "another --date-format"
        expected = f"in the format {date_format!r}" if date_format else "ISO 8601"
        raise InputError(f"{where}: 'published'={value!r} is not {expected}; write 2024-11-21 "
                         f"or pass {hint}") from None
    if isinstance(parsed, date) and not isinstance(parsed, datetime):
        parsed = datetime(parsed.year, parsed.month, parsed.day)
    try:
        parsed = parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)
    except OverflowError:
        parsed = datetime.min.replace(tzinfo=UTC)  # outside any range: refused just below
    latest = datetime.now(UTC) + LATEST_AHEAD
    if not EARLIEST_PUBLISHED <= parsed.date() <= latest.date():
        raise InputError(f"{where}: 'published'={value!r} is outside {EARLIEST_PUBLISHED} to "
                         f"{latest.date()}; a placeholder such as year 1 is not a date: give the "
                         "real date or leave 'published' out")
    return parsed


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
    warn_unknown(data, where=str(sidecar))
    return {k: v for k, v in data.items() if k in FIELDS}


def warn_unknown(record: Mapping[str, Any], *, where: str) -> None:
    """Say which fields are ignored: unknown fields never cost an article, nor pass unseen."""
    unknown = sorted(set(record) - set(FIELDS))
    if unknown:
        log.warning("%s: field(s) %s ignored; spiral reads %s", where, unknown, ", ".join(FIELDS))


def check_length(text: str, *, where: str, max_chars: int) -> None:
    """Refuse an article longer than `max_chars`, before it is normalised or coded.

    Raises
    ------
    InputError
        The text is longer than `max_chars`.
    """
    if len(text) > max_chars:
        raise InputError(
            f"{where}: the text has {len(text):,} characters, more than an article's "
            f"{max_chars:,} (SPIRAL_MAX_ARTICLE_CHARS); split it into articles, e.g. one a line "
            "in a .jsonl file")


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
    if fields.get("url") and not web_url(fields["url"]):
        log.warning("%s: 'url'=%r is not an http(s) address; the article is kept without it",
                    where, fields["url"][:80])
        del fields["url"]
    if raw.get("id") is not None:
        fields["external_id"] = str(raw["id"])
    fields["published"] = parse_published(raw.get("published"), where=where,
                                          date_format=date_format)
    return fields
