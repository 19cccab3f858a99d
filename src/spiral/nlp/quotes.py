"""`spiral_quotes`: who said, believes or wants what — attributions with source, cue and content.

An attribution has three roles, each a list of character fragments: the source as the text
names it ("a spokeswoman, Anna White,"), the cue ("said", "according to", "his warning that")
and the content, quotation marks included. The mechanisms, over the dependency parse and the
rows of `attribution_lexicon`:

- a cue verb and its complement: a clause ("warned that ...", "believes ..."), an infinitive
  ("vowed to ..."), or an object and what follows it ("accused him of ..."); its subject, or
  the agent of a passive, is the source; a verb without one takes the source of the verb it
  hangs from ("..., adding that ...");
- a cue inserted in its content ("Escalation, the minister said, is not inevitable");
- "according to X", noun cues ("the ministry's warning that", "voiced concern that") and
  adjectives of a state of mind ("is confident that");
- direct quotes found by their marks, attributed to the cue of their sentence or of a short
  attribution right after it; quotes that continue after their cue, in later sentences or
  paragraphs, join the same relation as more content fragments;
- only the outermost of nested attributions is kept (a quote's "I think" is not a new one),
  and a short quote that no cue governs (a title, a scare quote, a name) is no statement.

The kind follows PolNeAR: direct when every content fragment is a quotation, mixed when the
content holds quoted words, else indirect. `spiral.nlp.speakers` resolves each source to its
speaker; who a report quotes or cites ("as saying", "citing the military") is the speaker, the
report the source.
"""

from __future__ import annotations

import re
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from spiral.nlp import extensions, layout
from spiral.nlp.actors import entity_at
from spiral.nlp.attribution_lexicon import SPEECH_VERBS
from spiral.nlp.dates import find_event_date
from spiral.nlp.quote_cues import cue_positions, from_parse, named_lines
from spiral.nlp.quote_marks import find_direct, quote_kind, with_marks
from spiral.nlp.quote_nesting import attach_quotes, outermost, snapped
from spiral.nlp.quote_sources import an_outlet, inner_source, on_the_cues_line, relayed_source
from spiral.nlp.quote_spans import Found, Inside, in_paragraph, spans, without_appendix
from spiral.nlp.speakers import in_context, resolve
from spiral.records import Entity, Quote, from_dict

__all__ = ["SPEECH_VERBS", "QuoteFinder", "statement_holder"]


class QuoteFinder:
    """The `spiral_quotes` component."""

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        published = date.fromisoformat(doc._.published) if doc._.published else None
        written = extensions.written(doc)
        # an embedded post or a caption's words are not the story's statements
        marks = [with_marks(written, s, e) for s, e in find_direct(written)
                 if not layout.in_furniture(doc, s, e)]
        quoted = Inside(marks)
        body = layout.body(doc)
        may_cue = cue_positions(doc)
        candidates = [f for sentence in body for i in range(sentence.start, sentence.end)
                      if may_cue[i] and not quoted.covers((token := doc[i]).idx)
                      for f in from_parse(token)]
        candidates += named_lines(doc, body)
        for found in candidates:
            found.content = in_paragraph(written, found.anchor.idx, found.content)
            found.content, found.appendix = without_appendix(doc, found.content, quoted)
        kept = outermost(doc, candidates)
        kept = attach_quotes(doc, kept, marks)
        for found in kept:
            found.content = snapped(written, found.content, marks)
        quotes: list[Quote] = []
        speaking: list[Token] = []
        for found in sorted((f for f in kept if f.content), key=lambda f: f.anchor.i):
            # a quotation a feed's "Quote:" field holds is whose words its lines told of last
            found.source = speaking if found.runs_on \
                else on_the_cues_line(found.source, found.anchor)
            # the source is who the text says reports ("the agency reported, citing the
            # military", "the paper quoted an aide as saying"), as PolNeAR marks it; the speaker
            # is whose words it relays
            relayed = found.relayed or relayed_source(found) or (
                inner_source(found, candidates) if an_outlet(doc, found.source) else None)
            speaking = on_the_cues_line(relayed, found.anchor) if relayed else found.source
            quote = self._record(doc, written, found, speaking, published)
            quote = in_context(doc, speaking, quote, quotes)
            quotes.append(quote)
        self.set_annotations(doc, quotes)
        return doc

    def set_annotations(self, doc: Doc, quotes: list[Quote]) -> None:
        doc._.quotes = tuple(extensions.plain(q) for q in sorted(quotes, key=lambda q: q.start))

    def _record(self, doc: Doc, written: str, found: Found, speaking: list[Token],
                published: date | None) -> Quote:
        """The quote of an attribution whose words are `speaking`'s (its source's, or those of
        whom its source relays)."""
        content = sorted(found.content)
        start, end = content[0][0], content[-1][1]
        speaker, anonymous = resolve(doc, speaking)
        cue = spans(found.cue)
        return Quote(doc_id=doc._.doc_id or "", content=written[start:end],
                     kind=quote_kind(written, content), start=start, end=end, speaker=speaker,
                     speaker_text=" ".join(written[s:e] for s, e in spans(speaking)),
                     anonymous=anonymous, cue=" ".join(written[s:e] for s, e in cue),
                     date=find_event_date(found.anchor.sent, published)[0],
                     source_spans=spans(found.source), cue_spans=cue,
                     content_spans=tuple(content))


def statement_holder(doc: Doc, sentence: Span, words: str = "") -> Entity | None:
    """Who states a sentence: the speaker of a quote over it (the one whose content holds
    `words`, when given and one does), or its main verb's subject."""
    over = [q for q in doc._.quotes if q["start"] < sentence.end_char
            and sentence.start_char < q["end"] and q["speaker"]]
    # "After the attack that officials say killed 40, the Houthis said they would ...": the
    # statement that holds the threat, not the first one in its sentence
    holding = [q for q in over if words and _holds(q["content"], words)]
    # a statement inside the condition ("... unless Iran can persuade the council") is not the
    # one that states the line
    partly = [q for q in over if not words or _holds(q["content"], words, share=0.3)]
    for quote in holding or partly:
        return from_dict(Entity, quote["speaker"])
    # the subject nearest the verb first: "Abuja, July 30: West African leaders have issued
    # ..." is the leaders', not the dateline's the parser took for a second subject
    root = sentence.root
    for subject in sorted((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")),
                          key=lambda c: abs(root.i - c.i)):
        # the subject read as a source is ("Ethiopia's prime minister Abiy Ahmed" is Abiy), the
        # one that names someone (a dateline the parser took for a second subject names no one)
        holder = entity_at(doc, subject.idx, subject.idx + len(subject.text)) \
            or resolve(doc, [t for t in subject.subtree
                              if t.dep_ not in ("relcl", "acl") or t.i == subject.i])[0]
        if holder is not None:
            return holder
    return None


def _holds(content: str, words: str, share: float = 0.8) -> bool:
    """Does a quote's content hold a share of some words (as the red-line finder writes them)?"""
    wanted = set(re.findall(r"\w+", words.lower()))
    return bool(wanted) and len(wanted & set(re.findall(r"\w+", content.lower()))) \
        >= share * len(wanted)


@Language.factory("spiral_quotes", requires=["doc._.actor_mentions"], assigns=["doc._.quotes"])
def make_quote_finder(nlp: Language, name: str) -> QuoteFinder:
    return QuoteFinder(nlp, name)
