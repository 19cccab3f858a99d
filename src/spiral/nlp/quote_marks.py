"""Direct quotes found by their marks, before any parsing: the quotes component attributes them,
and the actor resolver keeps pronouns from pointing at people named inside them."""

from __future__ import annotations

QUOTE_PAIRS = [("“", "”"), ("«", "»"), ("„", "“"), ("''", "''"), ('"', '"')]


def find_direct(text: str) -> list[tuple[int, int]]:
    """Character spans (inside the marks) of direct quotes, joined across paragraphs.

    >>> text = 'He said: "One.\\n\\n"Two." She left.'
    >>> [text[s:e] for s, e in find_direct(text)]
    ['One.\\n\\n"Two.']
    """
    spans: list[tuple[int, int]] = []
    taken = [False] * len(text)
    for opening, closing in QUOTE_PAIRS:
        i = 0
        while (start := text.find(opening, i)) != -1:
            inner = start + len(opening)
            if opening == closing and (inner == len(text) or text[inner].isspace()):
                i = inner  # a straight mark before a space closes a quote: a stray one opens none
                continue
            end = _closing(text, inner, opening, closing)
            if end == -1:  # never closed: the quotes after it still count
                i = inner
                continue
            if not any(taken[start:end + len(closing)]) and end > inner:
                spans.append((inner, end))
                for k in range(start, end + len(closing)):
                    taken[k] = True
            i = end + len(closing)
    return sorted(spans)


def _closing(text: str, inner: int, opening: str, closing: str) -> int:
    """Where the quote opened at `inner` closes, following continued paragraphs."""
    position = inner
    while True:
        end = text.find(closing, position)
        paragraph_end = text.find("\n\n", position)
        if end == -1:
            return -1
        if paragraph_end == -1 or end < paragraph_end:
            return end
        # the paragraph ends first: the quote continues only if the next one reopens it
        next_start = paragraph_end + 2
        if not text.startswith(opening, next_start):
            return -1
        position = next_start + len(opening)


MARKS = ('"', "“", "”", "''", "``", "«", "»", "„")  # what counts as a quotation mark in content
TRAILING = ".,;:!?"


def with_marks(text: str, start: int, end: int) -> tuple[int, int]:
    """A quote's span widened to its marks.

    >>> text = "He said ''no'' twice."
    >>> text[slice(*with_marks(text, 10, 12))]
    "''no''"
    """
    opening = next((m for m in MARKS if text.startswith(m, start - len(m))), "")
    closing = next((m for m in MARKS if text.startswith(m, end)), "")
    return start - len(opening), end + len(closing)


def quote_kind(text: str, fragments: tuple[tuple[int, int], ...] | list[tuple[int, int]]) -> str:
    """direct, mixed or indirect content, by PolNeAR's rule: direct when every fragment (trimmed
    of whitespace and trailing `.,;:!?`) starts and ends with a quotation mark, mixed when a mark
    occurs in it, else indirect.

    >>> text = '"We will," he said. They said it was "fine".'
    >>> quote_kind(text, ((0, 10),)), quote_kind(text, ((30, 43),)), quote_kind(text, ((30, 36),))
    ('direct', 'mixed', 'indirect')
    """
    parts = [text[s:e].strip().rstrip(TRAILING).rstrip() for s, e in fragments]
    if parts and all(p.startswith(MARKS) and p.endswith(MARKS) and len(p) > 1 for p in parts):
        return "direct"
    return "mixed" if any(m in p for p in parts for m in MARKS) else "indirect"
