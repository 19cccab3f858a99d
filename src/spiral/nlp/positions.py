"""`spiral_positions`: negotiating positions, the demands and conditions a side puts on a settlement.

A position is a sentence in which a side demands, insists on, sets as a condition, rules out or
offers something (the cue), about one of the settlement issues below (the issue). The holder is
the speaker of a quote over the sentence or the subject of its main verb, resolved through the
actor resolver; the demand is the clause that holds the issue, as a speech or demand verb
governs it, with its character span.

ISSUES lists the issues with the words that name them; a sentence about several issues gives one
position per issue.
"""

from __future__ import annotations

import re
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc, Span

from spiral.nlp import extensions, layout
from spiral.nlp.dates import find_event_date
from spiral.nlp.quotes import SPEECH_VERBS, statement_holder
from spiral.records import Entity, Position

ISSUES: dict[str, re.Pattern[str]] = {name: re.compile(pattern, re.IGNORECASE) for name, pattern in {
    "nato_membership": r"\b(join(ing)? (NATO|the alliance)|NATO (membership|accession|bid)|"
                       r"membership (of|in) (NATO|the alliance)|(NATO|alliance)'s open door|"
                       r"NATO's umbrella|invitation (for \w+ )?to join|full membership|"
                       r"(stay|kept|keep) out of NATO|invitation would)",
    "neutrality": r"\b(neutral(ity)?|non-aligned|non-bloc)\b",
    "territory": r"\b(territor(y|ies|ial)|annex\w*|occupied|captured|seized land|regions?|"
                 r"Crimea|Donbas|Donetsk|Luhansk|Zaporizhzhia|Kherson|borders?|land|"
                 r"realities on the ground)\b",
    "army_limits": r"\b(demilitari\w+|(size|cap|limits?|ceiling) (of|on) (its|the|Ukraine's) "
                   r"(army|armed forces|military|troops)|army of (no more|around|about|up to))",
    "security_guarantees": r"\b(security guarantees?|guarantees? of (its )?security|Article 5|"
                           r"peacekeep\w*|reassurance force|deterrence package|"
                           r"troops (from NATO countries )?(to|in|on the ground)|"
                           r"troops on the ground)",
    "sanctions": r"\b(sanctions?)\b",
    "ceasefire": r"\b(cease-?fire|truce|armistice|freeze the (front|conflict|fighting)|"
                 r"halt to (the )?fighting)\b",
    "withdrawal": r"\b(withdraw\w*|pull(s|ed)? (out|back)|leave the (occupied )?territor\w*)\b",
    "nuclear": r"\b(enrich\w*|nuclear (programme|program|weapons?|deal|talks))\b",
    "prisoners": r"\b(prisoners?|POWs?|hostages?|detainees|captured \w+ soldiers)\b",
    "elections": r"\b(elections?|legitima\w+|term had expired|vote can be held|vote)\b",
}.items()}
# issues that name a settlement question on their own; the others ("land", "sanctions") only
# count in a sentence about a settlement
SPECIFIC = {"nato_membership", "neutrality", "army_limits", "security_guarantees", "nuclear"}
GOVERNING_VERBS = SPEECH_VERBS | {"demand", "insist", "require", "want", "seek", "propose",
                                  "offer", "say", "make"}
CLAUSE_DEPS = {"ccomp", "xcomp", "conj", "parataxis", "advcl"}
CUE = re.compile(r"\b(demand\w*|insist\w*|requir\w*|(pre)?conditions?|must|will only|only|"
                 r"on condition|as long as|until|never|rule[sd]? out|refus\w*|reject\w*|"
                 r"offer\w*|propos\w*|(ready|willing|prepared) to|calls? (for|on)|called (for|on)|"
                 r"want\w*|seek\w*|give up|cannot accept|non-negotiable|not negotiable|"
                 r"in exchange for|in return for|for (a|any) (peace|settlement|deal|ceasefire)|"
                 r"goal|aim|ask\w*|accept|need\w*|ha(s|ve|d) to|unacceptable|no substitute|"
                 r"should|would have|no legal right|swap|exchange)\b", re.IGNORECASE)
# words that show a sentence is about a settlement, not just any mention of land or sanctions
SETTLEMENT = re.compile(r"\b(peace|talks|negotiat\w*|settlement|deal|ceasefire|truce|plan|"
                        r"terms|conditions?|demands?|compromise|end (the|to the) war|"
                        r"end the (fighting|conflict)|agreements?|swap|exchange|guarantees?)\b",
                        re.IGNORECASE)
OBLIGATION = {"must", "should"}


class PositionFinder:
    """The `spiral_positions` component."""

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        published = date.fromisoformat(doc._.published) if doc._.published else None
        positions = []
        for sentence in layout.body(doc):
            text = extensions.text_of(sentence)
            if not CUE.search(text):
                continue
            settlement = bool(SETTLEMENT.search(text + " " + _context(sentence)))
            issues = {name: match for name, pattern in ISSUES.items()
                      if (match := pattern.search(text)) and (settlement or name in SPECIFIC)}
            holder = _holder(doc, sentence) if issues else None
            if holder is None or not holder.code:
                continue
            when = find_event_date(sentence, published)[0]
            for issue, match in issues.items():
                start, end = _demand(sentence, sentence.start_char + match.start())
                positions.append(Position(doc_id=doc._.doc_id or "", holder=holder, issue=issue,
                                          demand=extensions.written(doc)[start:end], start=start, end=end,
                                          date=when))
        self.set_annotations(doc, positions)
        return doc

    def set_annotations(self, doc: Doc, positions: list[Position]) -> None:
        doc._.positions = tuple(extensions.plain(p) for p in positions)


def _holder(doc: Doc, sentence: Span) -> Entity | None:
    """Who demands: the sentence's speaker, unless the sentence only states what someone must
    do ("Under those terms, Ukraine must withdraw ..."): then the previous sentence's speaker."""
    root = sentence.root
    if root.lemma_ not in SPEECH_VERBS and any(c.lower_ in OBLIGATION for c in root.children) \
            and sentence.start > 0:
        previous = doc[sentence.start - 1].sent
        if any(t.lemma_ in SPEECH_VERBS for t in previous):
            return statement_holder(doc, previous)
    return statement_holder(doc, sentence)


def _context(sentence: Span) -> str:
    """The sentence before: 'Moscow set out its terms. Kyiv must give up ...'."""
    doc = sentence.doc
    return doc[sentence.start - 1].sent.text if sentence.start > 0 else ""


def _demand(sentence: Span, at: int) -> tuple[int, int]:
    """Characters of the clause that holds the issue named at character `at`: the clause a
    speech or demand verb governs ("said Kyiv must withdraw ..."), else the main clause without
    its subject ("rejected a ceasefire")."""
    span = sentence.doc.char_span(at, at + 1, alignment_mode="expand")
    token = span[0] if span is not None and len(span) else sentence.root
    while token.head.i != token.i and not (
            token.head.lemma_ in GOVERNING_VERBS and token.dep_ in CLAUSE_DEPS):
        token = token.head
    # the smallest verb clause that holds the issue, without the demands conjoined to it
    clause = span[0] if span is not None and len(span) else token
    while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
        clause = clause.head
    if clause.i != token.i and clause.lemma_ not in GOVERNING_VERBS and token in clause.ancestors:
        token = clause
    skip = {t.i for c in token.children if token.dep_ == "ROOT" and c.dep_ in ("nsubj", "nsubjpass")
            for t in c.subtree}
    skip |= {t.i for c in token.children if c.dep_ in ("conj", "cc") for t in c.subtree}
    words = [t for t in token.subtree if t.i not in skip and not (t.dep_ == "mark" and t.head.i == token.i)
             and not t.is_space]
    while words and words[-1].is_punct:
        words.pop()
    while words and words[0].is_punct:
        words.pop(0)
    return words[0].idx, words[-1].idx + len(words[-1].text)



@Language.factory("spiral_positions", requires=["doc._.actor_mentions", "doc._.quotes"],
                  assigns=["doc._.positions"])
def make_position_finder(nlp: Language, name: str) -> PositionFinder:
    return PositionFinder(nlp, name)
