"""`spiral_layout`: page furniture (headlines, bylines, datelines, captions, credits, timestamps,
section labels, boilerplate, related links, embedded posts) found before the story is coded.

Text extracted from a news page, a feed or a user's file carries the page's furniture with its
story. Coded as sentences, a caption becomes an event and lends its date to the story, a byline
names the reporter as an actor. `furniture(text)` finds it line by line from the table in
`layout_patterns`; the component runs before the parser, so every piece of furniture starts and
ends a sentence, and `body(doc)` gives the sentences the coders read: those furniture leaves.
A headline restates the lead, so it is furniture too, unless the text has nothing else.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection
from dataclasses import dataclass
from typing import get_args

from spacy.language import Language
from spacy.tokens import Doc, Span

from spiral.nlp import extensions
from spiral.nlp.layout_patterns import LINE_MAX_CHARS, PATTERNS, FurnitureKind

# where a caption starts: after the last sentence end before its credit ("... on May 4. Smoke
# rises ... (Jane Doe/AP)"); a full stop after a capital is an initial ("U.S."), not an end
_SENTENCE_END = re.compile(r"(?<=[a-z0-9)”\"'’][.!?])\s+(?=[A-Z“\"‘])")
_WORD = re.compile(r"\w")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
FURNITURE_KINDS = frozenset(get_args(FurnitureKind))
# a headline restates the lead: not coded, but its names are the story's actors (and tell which
# country the report is about); a byline's, a caption's or a credit's names are the page's
PAGE_KINDS = FURNITURE_KINDS - {"headline"}
# the rows of each scope, with or without those that need a line after theirs
_ROWS = {(scope, followed): tuple(row for row in PATTERNS if row.scope == scope
                                  and (followed or not row.followed))
         for scope in ("line", "prefix", "inline") for followed in (True, False)}


@dataclass(frozen=True, slots=True)
class Furniture:
    """A span of page furniture in a text: characters [start, end) of one kind."""

    start: int
    end: int
    kind: FurnitureKind


def furniture(text: str) -> list[Furniture]:
    """The page furniture in `text`, in text order.

    >>> text = "Strikes hit Kyiv\\n\\nKYIV, Nov 21 (Reuters) - Russia fired missiles at Kyiv."
    >>> [(f.kind, text[f.start:f.end]) for f in furniture(text)]
    [('headline', 'Strikes hit Kyiv'), ('dateline', 'KYIV, Nov 21 (Reuters) - ')]
    """
    lines, offset = [], 0
    for line in text.splitlines(keepends=True):
        if line.strip():
            lines.append((offset + len(line) - len(line.lstrip()), offset + len(line.rstrip())))
        offset += len(line)
    found: list[Furniture] = []
    body_left = False
    for k, (start, end) in enumerate(lines):
        pieces, rest = _line_furniture(text, start, end, followed=k + 1 < len(lines))
        found += pieces
        body_left = body_left or rest
    if not body_left:  # the headline is all there is: it is the story
        found = [f for f in found if f.kind != "headline"]
    return found


def _line_furniture(text: str, start: int, end: int,
                    followed: bool) -> tuple[list[Furniture], bool]:
    """Furniture on one line [start, end), and whether words of the story are left on it."""
    found = []
    moved = True
    while moved and start < end:  # "01:45 PM BST" then "KYIV (Reuters) -": prefixes in turn
        moved = False
        for row in _ROWS["prefix", followed]:
            match = row.pattern.match(text[start:min(end, start + LINE_MAX_CHARS)])
            if match and match.end() > 0:
                found.append(Furniture(start, start + match.end(), row.kind))
                start += match.end()
                moved = True
                break
    if start >= end:
        return found, False
    line = text[start:end]
    for row in _ROWS["line", followed] if len(line) <= LINE_MAX_CHARS else ():
        if row.pattern.fullmatch(line):
            return [*found, Furniture(start, end, row.kind)], False
    taken: list[tuple[int, int]] = []
    for row in _ROWS["inline", followed]:
        for match in row.pattern.finditer(line):
            credit_start = match.start() + len(match.group()) - len(match.group().lstrip())
            if any(a < match.end() and credit_start < b for a, b in taken):
                continue
            taken.append((credit_start, match.end()))
            found.append(Furniture(start + credit_start, start + match.end(), row.kind))
            if row.caption:
                ends = [m.end() for m in _SENTENCE_END.finditer(line, 0, credit_start)
                        if m.end() < credit_start]
                caption_start = max([0, *ends, *(b for _, b in taken if b <= credit_start)])
                caption = line[caption_start:credit_start]
                if _WORD.search(caption):
                    lead = len(caption) - len(caption.lstrip())
                    found.append(Furniture(start + caption_start + lead,
                                           start + caption_start + len(caption.rstrip()),
                                           "caption"))
                    taken.append((caption_start, credit_start))
    covered = sorted(taken)
    left, at = [], 0
    for a, b in covered:
        left.append(line[at:a])
        at = max(at, b)
    left.append(line[at:])
    found.sort(key=lambda f: f.start)
    return found, bool(_WORD.search("".join(left)))


_BODY = "spiral.body"


def body(doc: Doc) -> list[Span]:
    """The sentences of a processed Doc that are not furniture: the ones the coders read.

    Every coder asks, so the first answer is kept in `doc.user_data` as plain token bounds, with
    the furniture it was read against: the sentences never change after the parser, and new
    furniture is asked again."""
    spans = doc._.furniture
    kept = doc.user_data.get(_BODY)
    if kept is None or kept[0] is not spans:
        if not spans:
            sentences = list(doc.sents)
        else:
            sentences = [sentence for sentence in doc.sents
                         if not in_furniture(doc, sentence.start_char, sentence.end_char)]
        kept = doc.user_data[_BODY] = (spans, tuple((s.start, s.end) for s in sentences))
    return [doc[start:end] for start, end in kept[1]]


def in_furniture(doc: Doc, start: int, end: int,
                 kinds: Collection[str] = FURNITURE_KINDS) -> bool:
    """Whether every word in characters [start, end) of the Doc lies in furniture of `kinds`."""
    spans = [span for span in extensions.value(doc, "furniture") if span[2] in kinds]
    if not spans:
        return False
    text = extensions.written(doc)
    at = start
    k = max(0, bisect.bisect_right(spans, start, key=lambda span: span[0]) - 1)
    while at < end:
        if k < len(spans) and spans[k][0] <= at:
            at = max(at, spans[k][1])
            k += 1
            continue
        following = spans[k][0] if k < len(spans) else end
        if _WORD.search(text, at, min(following, end)):
            return False
        at = following
    return True


class LayoutMarker:
    """The `spiral_layout` component: runs before the parser and makes each piece of furniture
    a sentence of its own, so that the lead after a dateline or a credit is a sentence too."""

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, furniture(extensions.written(doc)))
        return doc

    def set_annotations(self, doc: Doc, found: list[Furniture]) -> None:
        doc._.furniture = tuple((f.start, f.end, f.kind) for f in found)
        if doc.has_annotation("DEP") or doc.has_annotation("SENT_START"):
            return  # boundaries are set already; body() still drops whole furniture sentences
        # no sentence runs on past a blank line: a quote's closing mark, a heading or a label
        # above a paragraph is not the start of the paragraph's first sentence
        edges = [m.end() for m in _PARAGRAPH_BREAK.finditer(extensions.written(doc))]
        edges += [edge for f in found for edge in (f.start, f.end)]
        starts = doc.to_array("IDX").tolist()  # each token's first character, no Token built
        first_words = set()
        for edge in edges:
            i = bisect.bisect_left(starts, edge)
            while i < len(doc) and doc[i].is_space:
                i += 1
            if 0 < i < len(doc):
                doc[i].is_sent_start = True
                first_words.add(i)
        # the parser, told where a sentence starts, may end it after its first word ("Azerbaijan
        # | accused Armenia ..." below a date line): a sentence set going here runs on
        for i in first_words:
            if i + 1 < len(doc) and i + 1 not in first_words and not doc[i + 1].is_space:
                doc[i + 1].is_sent_start = False


@Language.factory("spiral_layout", assigns=["doc._.furniture", "token.is_sent_start"])
def make_layout_marker(nlp: Language, name: str) -> LayoutMarker:
    return LayoutMarker(nlp, name)
