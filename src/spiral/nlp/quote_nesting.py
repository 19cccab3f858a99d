"""Which attributions are kept when they nest (the outermost), and which direct quotes join
them: quotes attached to the cue of their sentence or of a short attribution after them, and
quotes that continue in later sentences or paragraphs."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from spiral.nlp import extensions
from spiral.nlp.quote_sources import SPOKEN_CLAUSE_CUES, source_of
from spiral.nlp.quote_spans import Found, relative_aside
from spiral.nlp.quote_verb_complements import cue_tokens
from spiral.nlp.speakers import SUBJECTS

MIN_QUOTE_WORDS = 4  # a shorter quote no cue governs is a title or a scare quote
MAX_ATTRIBUTION_TOKENS = 12  # '"...." So said the minister.' after a quote


def _characters(found: Found) -> tuple[set[int], set[int]]:
    """Token indexes of the cue and of the content (both within the doc)."""
    doc = found.anchor.doc
    content = set()
    for start, end in found.content:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            content.update(range(span.start, span.end))
    return {t.i for t in found.cue}, content


def outermost(doc: Doc, candidates: list[Found]) -> list[Found]:
    """Keep an attribution unless its cue or content lies in one already kept; widest first.

    One cue makes one attribution; a source may be shared.
    """
    kept: list[Found] = []
    taken: set[int] = set()
    taken_cues: set[int] = set()
    # what a relative clause cut from a content's end says is attributed when someone says it
    # there ("the village, which the army said it had taken"), not when it names or classes
    # ("the islands, which Tokyo calls the Senkaku")
    appended: set[int] = set()
    for found in sorted(candidates, key=lambda f: -sum(e - s for s, e in f.content)):
        cue, content = _characters(found)
        source = {t.i for t in found.source}
        if source & cue or not content or (cue & taken or content & taken) and not (
                relative_aside(found.anchor) and not cue & taken_cues) or cue & appended and (
                found.anchor.lemma_.lower() not in SPOKEN_CLAUSE_CUES
                or not any(c.dep_ == "ccomp" for c in found.anchor.children)):
            continue
        taken_cues |= cue
        found.tokens = cue | content
        taken |= found.tokens
        appended |= found.appendix
        kept.append(found)
    return kept


def attach_quotes(doc: Doc, kept: list[Found], marks: list[tuple[int, int]]) -> list[Found]:
    """Give each direct quote that no attribution holds yet a cue: its sentence's, or a short
    attribution after it; failing that it continues the quote relation before it."""
    previous: Found | None = None
    written = extensions.written(doc)
    for start, end in marks:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        holder = next((f for f in kept if any(s <= start and end <= e for s, e in f.content)
                       or set(range(span.start, span.end)) & f.tokens), None)
        if holder is not None:
            holder.quoted, previous = True, holder
            continue
        if len(written[start:end].split()) < MIN_QUOTE_WORDS:
            continue  # a title, a name or a scare quote that no cue governs
        verb = _quote_cue(doc, span, kept)
        own = next((f for f in kept if verb is not None and f.anchor.i == verb.i), None)
        if own is not None:  # the cue found in the parse takes this quote too
            own.content.append((start, end))
            own.tokens |= set(range(span.start, span.end))
            own.quoted, previous = True, own
            continue
        if verb is not None:
            source = source_of(verb)
            if source:
                found = Found(cue_tokens(verb, [(start, end)]), source, [(start, end)], verb,
                               quoted=True,
                               tokens=set(range(span.start, span.end)) | {verb.i})
                kept.append(found)
                previous = found
                continue
        if previous is not None and _continues(doc, previous, span, kept):
            previous.content.append((start, end))
            previous.tokens |= set(range(span.start, span.end))
    return kept


def snapped(text: str, fragments: list[tuple[int, int]],
             marks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Content fragments that hold whole quotes: one reaching into a quote takes all of it
    (marks included), a stray mark at an edge that opens or closes no quote there is dropped,
    and fragments that come to overlap are joined."""
    snapped = []
    for start, end in fragments:
        for mark_start, mark_end in marks:
            if mark_start < end and start < mark_end:
                start, end = min(start, mark_start), max(end, mark_end)
        while start < end and text[start] in "\"“”'" and not any(m[0] == start for m in marks):
            start += 1
            while start < end and text[start].isspace():
                start += 1
        while start < end and text[end - 1] in "\"“”'" and not any(m[1] == end for m in marks):
            end -= 1
            while start < end and text[end - 1].isspace():
                end -= 1
        if start < end:
            snapped.append((start, end))
    joined: list[tuple[int, int]] = []
    for start, end in sorted(snapped):
        if joined and start <= joined[-1][1]:
            joined[-1] = (joined[-1][0], max(end, joined[-1][1]))
        else:
            joined.append((start, end))
    return joined


def _quote_cue(doc: Doc, span: Span, kept: list[Found]) -> Token | None:
    """The cue verb of a quote's sentence outside the quote, nearest first, or of a short
    attribution sentence right after it ('"...." So said the minister.')."""
    cues = {t.i for f in kept for t in f.cue}
    taken = {i for f in kept for i in f.tokens if i not in cues}  # other attributions' content
    quote = set(range(span.start, span.end))
    colon = span.start - 1
    while colon >= 0 and doc[colon].is_space:
        colon -= 1
    if colon >= 0 and doc[colon].text == ":":
        # 'The campaign put it more carefully: "..."': the clause before the colon is the cue
        verb = doc[colon].head
        if verb.pos_ == "VERB" and verb.i not in taken and any(
                c.dep_ in SUBJECTS for c in verb.children):
            return verb
    sentences = [doc[span[0].sent.start:span[-1].sent.end]]
    last = span[-1].sent
    if last.end < len(doc):
        following = doc[last.end].sent
        # a short attribution after the quote, in its paragraph; not another quote's own
        if len(following) <= MAX_ATTRIBUTION_TOKENS and not any(t.is_quote for t in following) \
                and "\n" not in extensions.written(doc)[span.end_char:following.start_char]:
            sentences.append(following)
    text = extensions.written(doc)
    for sentence in sentences:
        # the parser may run a sentence over a paragraph break: the cue is in the quote's paragraph
        verbs = [t for t in sentence if t.i not in quote and t.i not in taken
                 and t.pos_ == "VERB" and t.lemma_.lower() in SPOKEN_CLAUSE_CUES
                 and "\n" not in text[min(t.idx, span.end_char):max(t.idx, span.start_char)]]
        if verbs:
            return min(verbs, key=lambda t: min(abs(t.i - span.start), abs(t.i - span.end)))
    return None


def _continues(doc: Doc, previous: Found, span: Span, kept: list[Found]) -> bool:
    """A quote with no cue of its own continues the last quote relation when it opens its
    sentence, follows within the next paragraph and nothing else is attributed in between
    (beyond the sentence of that relation's cue)."""
    start = span.start_char
    last_end = max(e for _, e in previous.content)
    if start < last_end or span[0].sent.start not in (span.start, span.start - 1):
        return False
    between = extensions.written(doc)[last_end:start]
    if between.count("\n\n") > 1 or len(between) > 400:
        return False
    # what is attributed inside the sentence of the quote's own cue does not interrupt it
    own = previous.anchor.sent.end_char
    return not any(f is not previous and any(last_end <= s < start for s, _ in f.content)
                   and f.anchor.idx >= own for f in kept)
