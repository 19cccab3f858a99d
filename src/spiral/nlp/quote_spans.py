"""The character spans of an attribution's content: where a cue's complement starts and
ends, which trailing appendix is the writer's, and the fragments a role's tokens cover.

Also the shapes the quote finder's modules share: `Found`, an attribution being assembled, and
`Inside`, a test of offsets against spans.
"""

from __future__ import annotations

import bisect
import itertools
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from spiral.nlp.attribution_lexicon import (
    ADJUNCT_PREPOSITIONS,
    CLAUSE_CUES,
    CONCESSIVE_PREPOSITIONS,
    CUE_PARTICLES,
    INFINITIVE_CUES,
    OBJECT_CUES,
    RELATIVE_PRONOUNS,
    SPEECH_VERBS,
    TOPIC_CUES,
)
from spiral.nlp.speakers import SUBJECTS

CONTRASTS = frozenset({"while", "whereas", "although", "though"})
WH_TAGS = ("WP", "WDT", "WRB", "WP$")
# the tagger's past tense and past participle are one form after "has" ("has proposed ... and
# signaled"), as are the present's persons
VERB_FORMS = {"VBD": "past", "VBN": "past", "VBZ": "present", "VBP": "present"}
ANY_CUES = CLAUSE_CUES | INFINITIVE_CUES | OBJECT_CUES
# a relative clause, an apposition, a participle or a contrast after a comma or a dash at the
# end of a content is the writer's, when it is more than twice as long as the rest (a shorter
# one leaves the content within PolNeAR's lenient match either way, content F1 >= 0.5, and
# other readers count it in: cut at once as long, statements gold quotes F1 0.863 -> 0.858)
APPENDIX_PUNCT = frozenset({",", "—", "–", "--"})
CLOSING_MARKS = frozenset({"”", '"', "''"})
APPENDIX_RELATIVES = frozenset({"which", "who", "whom", "whose", "where", "when"})
APPENDIX_CONTRASTS = frozenset({"while", "though", "although", "whereas"})
APPENDIX_SHARE = 2


@dataclass
class Found:
    """An attribution being assembled: role token lists and content character fragments."""

    cue: list[Token]
    source: list[Token]
    content: list[tuple[int, int]]
    anchor: Token  # the cue's head word: its sentence dates the statement
    quoted: bool = False  # found from quotation marks (may take continuing quotes)
    tokens: set[int] = field(default_factory=set)
    appendix: set[int] = field(default_factory=set)  # tokens cut from the content's end
    relayed: list[Token] = field(default_factory=list)  # whose words the source passes on
    # a quotation with no source of its own, in a feed's "Quote:" field: whose words the lines
    # before told of
    runs_on: bool = False


class Inside:
    """Is a character offset inside one of some spans? Answered by bisection, as the story's
    quotations are asked of every word that may cue a quote."""

    def __init__(self, spans: list[tuple[int, int]]):
        ordered = sorted(spans)
        self._starts = [start for start, _ in ordered]
        # the furthest end among the spans up to each one in that order
        self._reach = list(itertools.accumulate((end for _, end in ordered), max))

    def covers(self, offset: int) -> bool:
        # the spans that start at or before the offset, and whether one of them reaches past it
        opened = bisect.bisect_right(self._starts, offset)
        return opened > 0 and self._reach[opened - 1] > offset


def extent(head: Token) -> tuple[int, int]:
    """Characters of a head's subtree, without punctuation at its edges (but with quote marks
    at its edges and a closing mark's comma: '"We will,"')."""
    tokens = list(head.subtree)
    return trimmed(tokens)


def trimmed(tokens: list[Token]) -> tuple[int, int]:
    # a subtree lists its words out of order where the parse is not projective ("Asked what
    # a commitment looks like": "what" hangs from "like")
    tokens = sorted(tokens, key=lambda t: t.i)
    while len(tokens) > 1 and _edge_punct(tokens[-1]):
        tokens = tokens[:-1]
    while len(tokens) > 1 and (_edge_punct(tokens[0]) or tokens[0].dep_ == "cc"):
        tokens = tokens[1:]
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def _edge_punct(token: Token) -> bool:
    return token.is_punct and not token.is_quote


def clause_under_object(verb: Token) -> Token | None:
    """A that-clause the parser hung from the verb's object ("told a briefing that London
    was ..."): a clause opening with "that" and having a subject of its own."""
    heads = [c for c in verb.children if c.dep_ in ("dobj", "dative", "npadvmod")]
    # "told them in a letter that ...", not "claims the sea despite a ruling that ..."
    heads += [o for c in verb.children if c.dep_ == "prep" and c.i > verb.i
              and c.lower_ not in CONCESSIVE_PREPOSITIONS
              for o in c.children if o.dep_ == "pobj"]
    for child in heads:
        for clause in child.children:
            first = clause.doc[min(t.i for t in clause.subtree)]
            if clause.dep_ in ("relcl", "acl", "ccomp") and first.lower_ == "that" and any(
                    c.dep_ in SUBJECTS and c.i != first.i for c in clause.children):
                return clause
    return None


def around(head: Token, cue: Token) -> list[tuple[int, int]]:
    """The head's subtree without the inserted cue, its subject and modifiers: the content
    around an inserted cue ("Escalation, the minister said, is not inevitable")."""
    gap = {cue.i} | {t.i for c in cue.children if c.dep_ not in ("conj", "cc", "ccomp")
                     for t in c.subtree}
    tokens = list(head.subtree)
    parts: list[list[Token]] = [[]]
    for token in tokens:
        if token.i in gap:
            if parts[-1]:
                parts.append([])
        else:
            parts[-1].append(token)
    spans = [trimmed(p) for p in parts if p and any(not t.is_punct for t in p)]
    return spans


def after(verb: Token, relations: tuple[str, ...]) -> list[tuple[int, int]]:
    """From the verb's first complement after it to the end of its last one."""
    particles = CUE_PARTICLES.get(verb.lemma_.lower(), set())
    heads = [c for c in verb.children if c.i > verb.i and (
        c.dep_ in relations or "dobj" in relations and (
            _as_predicate(verb, c) or _completes_object(verb, c)))
             and not (c.dep_ == "prep" and c.lower_ in ADJUNCT_PREPOSITIONS)]
    if not heads:
        return []
    heads += list_members(verb, max(heads, key=lambda h: h.right_edge.i))
    tokens: list[Token] = []
    for head in heads:
        if head.dep_ == "prep" and head.lower_ in particles:
            tokens += [t for t in head.subtree if t.i != head.i]
        else:
            cut = _cue_conjuncts(verb, head)
            tokens += [t for t in head.subtree if t.i not in cut]
    if not tokens:
        return []
    doc = verb.doc
    span = doc[min(t.i for t in tokens):max(t.i for t in tokens) + 1]
    return [trimmed(list(span))]


def list_members(verb: Token, last: Token) -> list[Token]:
    """The rest of a list whose first member is the cue's last complement, when the parser hung
    the members after it on the cue verb ("supports raising the tax, freezing tolls and
    changing the law", "referring to herself, Mr. Lowe and Mr. Diaz", "urged them to cut fees,
    hire staff and ..."): phrases of the first member's kind, each after a comma, the last
    opened by "and" or "or"."""
    first = _list_head(last)
    members: list[Token] = []
    end = last.right_edge.i
    for child in sorted((c for c in verb.children if c.i > end and c.dep_ != "punct"),
                        key=lambda c: c.i):
        if child.left_edge.i != end + 2 or verb.doc[end + 1].text != "," \
                or _kind(child) != _kind(first) or child.lemma_.lower() in ANY_CUES | TOPIC_CUES \
                or any(c.dep_ in SUBJECTS for c in child.children):
            break
        members.append(child)
        end = child.right_edge.i
    closed = any(t.dep_ == "cc" and t.lower_ in ("and", "or") for m in members for t in m.subtree)
    return members if closed else []


def _list_head(complement: Token) -> Token:
    """The word that gives a complement its kind: a preposition's object ("as too slow")."""
    if complement.dep_ == "prep":
        return next((c for c in complement.children if c.i > complement.i), complement)
    return complement


def _kind(token: Token) -> str:
    """What a list member is, to tell its fellows: a name or noun, an adjective, or a verb form
    ("raising" and "freezing", not "raising" and "calling it ..." after a noun)."""
    if token.pos_ in ("NOUN", "PROPN", "PRON"):
        return "nominal"
    return token.tag_ if token.pos_ in ("VERB", "AUX") else token.pos_


def _cue_conjuncts(verb: Token, head: Token) -> set[int]:
    """Words of a verb the parser coordinated with the cue's object where it is the cue's own
    conjunct, in the cue's form and not the object's ("has proposed conducting surveillance |
    and signaled support for ...", "is touting her record | and pounding him"), with the
    'and' or comma before it."""
    cut: set[int] = set()
    form = VERB_FORMS.get(verb.tag_, verb.tag_)
    if VERB_FORMS.get(head.tag_, head.tag_) == form:
        return cut
    for conjunct in head.children:
        if conjunct.dep_ == "conj" and conjunct.i > head.i and conjunct.pos_ in ("VERB", "AUX") \
                and VERB_FORMS.get(conjunct.tag_, conjunct.tag_) == form:
            cut |= {t.i for t in conjunct.subtree} | {
                c.i for c in head.children if c.dep_ in ("cc", "punct") and head.i < c.i < conjunct.i}
    return cut


def _completes_object(verb: Token, clause: Token) -> bool:
    """An infinitive the parser hung on the verb right after its object, which completes the
    object ("defended her call | to raise the wage": the call to raise it; train halves R and C
    +1 and +2 matches, for -1 and -3 relations)."""
    opening = clause.left_edge
    return clause.dep_ == "advcl" and opening.dep_ == "aux" and opening.lower_ == "to" and any(
        c.dep_ == "dobj" and c.right_edge.i + 1 == opening.i for c in verb.children)


def _as_predicate(verb: Token, clause: Token) -> bool:
    """What a verb's object is taken for, parsed as a clause of the verb ("described the
    country as beset by crime", "see their party as too timid")."""
    return clause.dep_ == "advcl" and clause.left_edge.lower_ == "as" and not any(
        c.dep_ in SUBJECTS for c in clause.children) and any(
        c.dep_ == "dobj" and c.i < clause.i for c in verb.children)


def without_appendix(doc: Doc, fragments: list[tuple[int, int]],
                      quoted: Inside) -> tuple[list[tuple[int, int]], set[int]]:
    """Fragments without the long phrases that commas or dashes append at their end ("ordered a
    review of the program, which allows ...", "urged calm, prompting ...", "- a move that ..."):
    what they add is the writer's, or another attribution ("backed the bill, which he said
    would ..."); and the tokens cut."""
    cut, appendix = [], set()
    for start, end in fragments:
        span = doc.char_span(start, end, alignment_mode="expand")
        words = [t.i for t in span if not t.is_punct] if span is not None else []
        if not words:
            cut.append((start, end))
            continue
        for comma in span[1:-1]:
            mark = closing_mark(comma, span.end)
            if mark is None and (not _appendix_mark(comma) or quoted.covers(comma.idx)) or (
                    mark is not None and quoted.covers(mark.idx + len(mark))):
                continue
            kept = sum(1 for i in words if i < comma.i)
            if len(words) - kept > APPENDIX_SHARE * kept and _appendices(
                    doc, mark or comma, span.end):
                end = trimmed(list(doc[span.start:comma.i]))[1]
                appendix |= set(range(comma.i, span.end))
                break
        cut.append((start, end))
    return cut, appendix


def closing_mark(comma: Token, end: int) -> Token | None:
    """The quotation mark that closes a quote right after its comma ('insisted he had "grown
    the party," claiming ...'), where an appendix may open after the comma inside the marks."""
    if comma.text != "," or comma.i + 2 >= end:
        return None
    mark = comma.nbor(1)
    return mark if mark.is_quote and mark.text in CLOSING_MARKS else None


def _appendix_mark(token: Token) -> bool:
    """A comma or a dash (a hyphen standing apart: " - ") that may open an appendix."""
    return token.text in APPENDIX_PUNCT or token.text == "-" and bool(
        token.whitespace_) and token.i > 0 and bool(token.doc[token.i - 1].whitespace_)


def _appendices(doc: Doc, mark: Token, end: int) -> bool:
    """Is all from a comma to the end of its sentence, within a span ending before token `end`,
    one or more appended phrases, each after a comma or a dash ("the program, which allows ...,
    putting them on a path to ...")?"""
    while True:
        if mark.i + 1 >= end:
            return False
        first = doc[mark.i + 1]
        head = next((h for h in reversed((first, *first.ancestors)) if h.left_edge.i == first.i
                     and h.i < end and _appended(h, first)), None)
        if head is None:
            return False
        after = head.right_edge.i + 1
        while after < end and (doc[after].is_space or doc[after].is_punct
                               and not _appendix_mark(doc[after])):
            after += 1
        if after >= end:
            # an appendix ends its sentence (PolNeAR train: one within it, -6 matches)
            return all(t.is_punct or t.is_space for t in doc[after:head.sent.end])
        if not _appendix_mark(doc[after]):
            return False
        mark = doc[after]


def _appended(head: Token, first: Token) -> bool:
    """A phrase opening with `first` after a comma, headed by `head`, that adds to what comes
    before it: a relative clause ("which allows ...", "where voters ..."), an apposition that is
    no list ("the Early Steps scheme, the state-run nursery plan"), a participle without a
    subject ("throwing a wrench in ...") or a contrast ("while her rival ...")."""
    if head.dep_ == "relcl":
        # one a speaker says inside it stays whole, its speech an aside ("the bridge, which he
        # said had been built in a month")
        return first.lower_ in APPENDIX_RELATIVES and not relative_aside(head)
    if head.dep_ in ("advcl", "acl") and head.tag_ == "VBG" and first.i == head.i:
        return not any(c.dep_ in SUBJECTS for c in head.children)
    if head.dep_ == "advcl" and first.dep_ == "mark" and first.head.i == head.i:
        return first.lower_ in APPENDIX_CONTRASTS
    return head.dep_ == "appos" and not any(t.dep_ == "cc" for t in head.subtree)


def in_paragraph(text: str, offset: int,
                  fragments: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Fragments cut to the line holding the cue: the parser joins sentences over paragraph
    breaks (quotes that run on are joined later, from their marks)."""
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    end = len(text) if end == -1 else end
    clipped = [(max(s, start), min(e, end)) for s, e in fragments]
    return [(s, e) for s, e in clipped if text[s:e].strip()]


def spans(tokens: list[Token]) -> tuple[tuple[int, int], ...]:
    """Contiguous character fragments covering some tokens."""
    spans: list[tuple[int, int]] = []
    previous = None
    for token in sorted(tokens, key=lambda t: t.i):
        end = token.idx + len(token)
        if previous is not None and token.i == previous + 1:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((token.idx, end))
        previous = token.i
    return tuple(spans)


def relative_aside(cue: Token) -> bool:
    """A verb of speech in a relative clause with a subject of its own ("a ruling, which I
    said was not a jail term", "moves that he said improved the economy"): its own
    attribution, even inside another's content (verbs of thought there were cues a third of the
    time on PolNeAR train)."""
    return (cue.dep_ == "relcl" or cue.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in CONTRASTS for c in cue.children)) \
        and cue.lemma_.lower() in SPEECH_VERBS and any(
        c.dep_ == "nsubj" and c.lower_ not in RELATIVE_PRONOUNS and c.tag_ not in WH_TAGS
        for c in cue.children) and any(c.dep_ == "ccomp" for c in cue.children)
