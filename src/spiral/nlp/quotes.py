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
from dataclasses import dataclass, field
from datetime import date

from spacy.attrs import LOWER, POS
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.symbols import IDS
from spacy.tokens import Doc, Span, Token

from spiral.countries import country_code
from spiral.nlp import extensions, layout
from spiral.nlp.actors import entity_at, phrase_heads
from spiral.nlp.attribution_lexicon import (
    ADDRESSEE_CUES,
    ADJECTIVE_COMPLEMENTS,
    ADJECTIVE_CUES,
    ADJUNCT_PREPOSITIONS,
    ANTECEDENT_RELATIVES,
    AS_CUES,
    CITED_ENTITIES,
    CITED_SOURCES,
    CLAUSE_CUES,
    CLAUSE_ONLY,
    CLEAR_CUES,
    CONCESSIVE_PREPOSITIONS,
    CONTRACTED_HAS,
    CUE_PARTICLES,
    DEPICTING_CUES,
    DEPICTIONS,
    DOCUMENT_NOUNS,
    ENDORSEMENT_NOUNS,
    ENDORSEMENT_VERBS,
    EVIDENCE_NOUNS,
    EXPLETIVES,
    FINDING_CUES,
    FORCE_CUES,
    FORCE_TARGETS,
    FREE_RELATIVES,
    GERUND_PREPOSITIONS,
    INFINITIVE_CUES,
    LIGHT_VERBS,
    MISREAD_CUES,
    NOT_STATEMENTS,
    NOUN_CUES,
    OBJECT_CONTROL,
    OBJECT_CUES,
    OBJECT_RELATIVES,
    PARTICLE_OBJECT_CUES,
    PASSIVE_AGENT_EXCLUDED,
    PASSIVE_OPINION_CUES,
    PASSIVE_OPINION_PREPOSITIONS,
    PASSIVE_RAISING_CUES,
    PERCEPTION,
    POLL_NOUNS,
    PREPOSITION_CUES,
    QUESTION_CUES,
    RAISING_CUES,
    RAISING_ONLY,
    RAISING_PREDICATE_CUES,
    REFUSALS,
    RELATIVE_PRONOUNS,
    RELAYING_CUES,
    SPEAKING_NOUNS,
    SPEECH_OBJECT_VERBS,
    SPEECH_OBJECTS,
    SPEECH_VERBS,
    SPOKEN_CONTENT_NOUNS,
    SPOKEN_CONTENT_VERBS,
    TOPIC_CUES,
    UNSPOKEN,
    VIEW_NOUNS,
    WIRE_SERVICES,
)
from spiral.nlp.dates import find_event_date
from spiral.nlp.event_lexicon import TIME_WORDS
from spiral.nlp.quote_marks import find_direct, quote_kind, with_marks
from spiral.nlp.speakers import SUBJECTS, in_context, resolve
from spiral.records import Entity, Quote, from_dict

__all__ = ["SPEECH_VERBS", "QuoteFinder", "statement_holder"]

NO_ONE = frozenset({"no", "neither", "none", "nobody", "nor"})
LINKING_SUBJECTS = frozenset({"that", "this"})  # "That said, ...", "This being said, ..."
ANSWERS = frozenset({"yes", "no"})
CONTRASTS = frozenset({"while", "whereas", "although", "though"})
# links inside a noun phrase, through which a stranded subject is reached from its last word
STRANDED_PATH = ("appos", "conj", "cc", "pobj", "prep", "compound", "amod", "poss", "nummod",
                 "punct", "det", "npadvmod", "quantmod")
RAISED = ("xcomp", "acomp", "attr", "oprd")  # "seems to work", "seems ready", "seems a risk"
WH_TAGS = ("WP", "WDT", "WRB", "WP$")
WH_OBJECTS = frozenset({"which", "whom", "who"})
# the tagger's past tense and past participle are one form after "has" ("has proposed ... and
# signaled"), as are the present's persons
VERB_FORMS = {"VBD": "past", "VBN": "past", "VBZ": "present", "VBP": "present"}
ANY_CUES = CLAUSE_CUES | INFINITIVE_CUES | OBJECT_CUES
SPOKEN_CLAUSE_CUES = CLAUSE_CUES - CLAUSE_ONLY
SPOKEN_INFINITIVE_CUES = INFINITIVE_CUES - UNSPOKEN  # "vowed to", "urged them to"
OWN_COMPLEMENTS = ("dobj", "dative", "xcomp", "attr", "oprd")
OBJECTS = ("dobj", "dative", "prep", "oprd", "attr", "acomp", "xcomp", "ccomp")
INHERITS_SOURCE = ("xcomp", "advcl", "conj", "acl", "pcomp", "relcl")
# "Mayor: Union backing shows rival is 'the insiders' choice.'": a line opening with a
# name and a colon (a headline's or a transcript's way to attribute the rest of the line)
NAMED_LINE = re.compile(r"^([^:\n]{1,60}?): +(\S[^\n]*?)[\s.]*$", re.MULTILINE)
MAX_NAME_WORDS = 4
# words before a colon that label a headline, not a speaker
HEADLINE_LABELS = frozenset({"exclusive", "breaking", "watch", "look", "boom", "busted", "update",
                             "updated", "correction", "previously"})
MIN_LINE_WORDS = 3
MIN_TRANSCRIPT_LINES = 2
MIN_QUOTE_WORDS = 4  # a shorter quote no cue governs is a title or a scare quote
MAX_ATTRIBUTION_TOKENS = 12  # '"...." So said the minister.' after a quote
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
class _Found:
    """An attribution being assembled: role token lists and content character fragments."""

    cue: list[Token]
    source: list[Token]
    content: list[tuple[int, int]]
    anchor: Token  # the cue's head word: its sentence dates the statement
    quoted: bool = False  # found from quotation marks (may take continuing quotes)
    tokens: set[int] = field(default_factory=set)
    appendix: set[int] = field(default_factory=set)  # tokens cut from the content's end
    relayed: list[Token] = field(default_factory=list)  # whose words the source passes on


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
        quoted = _Inside(marks)
        body = layout.body(doc)
        may_cue = _may_cue(doc)
        candidates = [f for sentence in body for i in range(sentence.start, sentence.end)
                      if may_cue[i] and not quoted.covers((token := doc[i]).idx)
                      for f in _from_parse(token)]
        candidates += _named_lines(doc, body)
        for found in candidates:
            found.content = _in_paragraph(written, found.anchor.idx, found.content)
            found.content, found.appendix = _without_appendix(doc, found.content, quoted)
        kept = _outermost(doc, candidates)
        kept = _attach_quotes(doc, kept, marks)
        for found in kept:
            found.content = _snapped(written, found.content, marks)
        quotes: list[Quote] = []
        for found in sorted((f for f in kept if f.content), key=lambda f: f.anchor.i):
            found.source = _on_the_cues_line(found.source, found.anchor)
            # the source is who the text says reports ("the agency reported, citing the
            # military", "the paper quoted an aide as saying"), as PolNeAR marks it; the speaker
            # is whose words it relays
            relayed = found.relayed or _relayed_source(found) or (
                _inner_source(found, candidates) if _an_outlet(doc, found.source) else None)
            speaking = _on_the_cues_line(relayed, found.anchor) if relayed else found.source
            quote = self._record(doc, written, found, speaking, published)
            quote = in_context(doc, speaking, quote, quotes)
            quotes.append(quote)
        self.set_annotations(doc, quotes)
        return doc

    def set_annotations(self, doc: Doc, quotes: list[Quote]) -> None:
        doc._.quotes = tuple(extensions.plain(q) for q in sorted(quotes, key=lambda q: q.start))

    def _record(self, doc: Doc, written: str, found: _Found, speaking: list[Token],
                published: date | None) -> Quote:
        """The quote of an attribution whose words are `speaking`'s (its source's, or those of
        whom its source relays)."""
        content = sorted(found.content)
        start, end = content[0][0], content[-1][1]
        speaker, anonymous = resolve(doc, speaking)
        cue = _spans(found.cue)
        return Quote(doc_id=doc._.doc_id or "", content=written[start:end],
                     kind=quote_kind(written, content), start=start, end=end, speaker=speaker,
                     speaker_text=" ".join(written[s:e] for s, e in _spans(speaking)),
                     anonymous=anonymous, cue=" ".join(written[s:e] for s, e in cue),
                     date=find_event_date(found.anchor.sent, published)[0],
                     source_spans=_spans(found.source), cue_spans=cue,
                     content_spans=tuple(content))


class _Inside:
    """Is a character offset inside one of some sorted spans?"""

    def __init__(self, spans: list[tuple[int, int]]):
        self.spans = spans

    def covers(self, offset: int) -> bool:
        return any(s <= offset < e for s, e in self.spans)


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


# --- attributions from the parse ------------------------------------------------------------

# the parts of speech a cue is of, and the words of another part that open one ("according to",
# "in a poll"): `_from_parse` finds nothing at any other word
CUE_POS = ("VERB", "NOUN", "PROPN", "ADJ")
CUE_WORDS = ("according", "in")


def _may_cue(doc: Doc) -> list[bool]:
    """Whether each word of the Doc is one `_from_parse` may find a cue at (`CUE_POS`,
    `CUE_WORDS`): read from the Doc's POS and LOWER arrays, so that no Token is built for the
    other words (about two in five)."""
    # plain ints, asked one by one: numpy.isin costs more than the look-ups on a Doc's few
    # hundred words
    return [p in _CUE_POS_IDS or w in _CUE_WORD_IDS
            for p, w in doc.to_array([POS, LOWER]).tolist()]


_CUE_POS_IDS = frozenset(IDS[p] for p in CUE_POS)
_CUE_WORD_IDS = frozenset(get_string_id(w) for w in CUE_WORDS)


def _from_parse(token: Token) -> list[_Found]:
    word = token.lower_
    if word == "according":
        return _according(token)
    if word == "in" and token.dep_ == "prep":
        return _in_poll(token) or _in_view(token)
    pos = token.pos_  # read once: asked of every word of the story
    if pos not in CUE_POS:
        return []  # most words: no cue is of another part of speech
    lemma = token.lemma_.lower()
    if pos == "VERB":
        return _verbal(token, lemma)
    if pos in ("NOUN", "PROPN") and (misread := _misread_cue(token)):
        return misread
    if pos == "NOUN" and lemma in NOUN_CUES and (nominal := _nominal(token)):
        return nominal
    if pos == "NOUN" and lemma in SPEECH_OBJECTS and (spoken := _spoken_object(token, lemma)):
        return spoken
    if pos == "NOUN" and lemma in SPOKEN_CONTENT_NOUNS:
        return _spoken_content(token)
    if pos == "NOUN" and lemma in ENDORSEMENT_NOUNS:
        return _endorsed(token)
    if pos == "ADJ" and (lemma in ADJECTIVE_CUES or lemma in ADJECTIVE_COMPLEMENTS):
        return _adjectival(token)
    if pos == "ADJ" and lemma in CLEAR_CUES:
        return _made_clear(token)
    return []


def _named_lines(doc: Doc, body: list[Span]) -> list[_Found]:
    """Lines that open with a name and a colon: the name is the source, the colon the cue and
    the rest of the line the content. A headline's name may be tagged a common noun, and a
    transcript's speaker is a capital ("Q", "TAPPER"): capitals are enough."""
    found = []
    text = extensions.written(doc)
    # a transcript's "TAPPER:" reads like a dateline, but opens its speaker's line; a transcript
    # has several such lines, where a report has one dateline ("MOSCOW: ...")
    capitals = [start for start, _, kind in doc._.furniture if kind == "dateline"
                and NAMED_LINE.match(text, start)]
    starts = {sentence.start_char for sentence in body} | (
        set(capitals) if len(capitals) >= MIN_TRANSCRIPT_LINES else set())
    for match in NAMED_LINE.finditer(text):
        name = doc.char_span(match.start(1), match.end(1), alignment_mode="expand")
        colon = doc.char_span(match.end(1), match.end(1) + 1)
        if name is None or colon is None or name.start_char not in starts:
            continue
        words = [t for t in name if not t.is_punct]
        if not 0 < len(words) <= MAX_NAME_WORDS or len(match.group(2).split()) < MIN_LINE_WORDS \
                or any(t.pos_ != "PROPN" and not t.text[0].isupper() for t in words) \
                or words[0].lower_ in ("the", "a", "an") \
                or " ".join(t.lower_ for t in words) in HEADLINE_LABELS:
            continue  # "The Latest: ...", "EXCLUSIVE: ..." title a column or a story
        found.append(_Found([colon[0]], list(name), [match.span(2)], colon[0]))
    return found


def _verbal(verb: Token, lemma: str) -> list[_Found]:
    """A cue verb with its clause, infinitive or object; or inserted in its content."""
    children = list(verb.children)
    if _linking(verb):
        return []
    if _raising(verb, lemma):
        return _sourceless(verb)
    if lemma in RAISING_PREDICATE_CUES and (seeming := _seeming(verb)):
        return seeming
    if lemma in RELAYING_CUES and (relayed := _relayed(verb)):
        return relayed
    if lemma in RELAYING_CUES and _names_who_speaks(verb):
        return []
    content: list[tuple[int, int]] = []
    if lemma in CLAUSE_CUES and (clause := _clause(verb)) is not None:
        content = [_before_next_cue(verb, clause)]
        if (second := _second_clause(verb, clause)) is not None:
            # "predicted that wages would fall, but that overtime would offset it": one content
            content = [(content[0][0], _extent(second)[1])]
    elif lemma in QUESTION_CUES and (clause := _question(verb)) is not None:
        content = [_extent(clause)]  # "asked workers if they planned to ...", parsed as advcl
    elif lemma in CLAUSE_CUES and verb.i + 2 < verb.sent.end and verb.nbor(1).lower_ == "that":
        # the parser took the clause for a noun phrase ("added that Washington bore ...")
        content = [_trimmed(list(verb.doc[verb.i + 1:verb.sent.end]))]
    elif lemma in CLAUSE_CUES and (hidden := _clause_under_object(verb)) is not None:
        content = [_extent(hidden)]
    elif lemma in CLAUSE_CUES and (so := _so(verb)) is not None:
        content = [(so.idx, so.idx + len(so))]  # "thinks so", "said so"
    elif lemma in SPOKEN_CLAUSE_CUES and (answer := _answer(verb)) is not None:
        content = [(answer.idx, answer.idx + len(answer))]  # "72 percent said yes"
    elif lemma in CLAUSE_CUES and verb.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ == "as" for c in children) and not _own_complement(verb):
        content = _around(verb.head, verb)  # "As the minister said, ..."
    elif lemma in CLAUSE_CUES and verb.dep_ == "parataxis" and not any(
            c.dep_ in ("dobj", "xcomp") for c in children):
        content = _around(verb.head, verb)
    elif lemma in SPOKEN_CLAUSE_CUES and _trailing(verb):
        # "The force will train local units, the minister told a panel on Tuesday.": the
        # parser hung the attribution on the clause as one coordinated with it
        content = _around(verb.head, verb)
    elif lemma in INFINITIVE_CUES and any(c.dep_ == "xcomp" and c.lemma_.lower() not in
                                          NOT_STATEMENTS for c in children):
        content = _after(verb, ("dobj", "dative", "xcomp"))
    elif (lemma in OBJECT_CUES or lemma in AS_CUES and any(
            c.dep_ == "prep" and c.lower_ == "as" and c.i > verb.i for c in children) or any(
            c.dep_ == "prt" and c.lower_ == PARTICLE_OBJECT_CUES.get(lemma) for c in children)) \
            and any(
            c.dep_ == "dobj" or c.dep_ == "prep" and lemma in PREPOSITION_CUES and c.i > verb.i
            for c in children) and not _struck(verb, lemma):
        content = _after(verb, OBJECTS)
        if not content and (pronoun := _relative_object(verb)) is not None:
            # "the tax, which Clinton also supports": the pronoun stands for what is attributed
            content = [(pronoun.idx, pronoun.idx + len(pronoun))]
    elif lemma in OBJECT_CUES and (passive := _passive_with_agent(verb)) is not None:
        # "the talks were first revealed by a local daily": the subject is what was reported
        # and what it was taken for ("considered unclean", "criticized for the delay"), not
        # when or where ("condemned on Tuesday")
        relations = OBJECTS if lemma in PREPOSITION_CUES else tuple(
            r for r in OBJECTS if r != "prep")
        content = sorted({_extent(passive), *_after(verb, relations)})
    elif lemma in PASSIVE_OPINION_CUES and (passive := _passive_subject(verb)) is not None \
            and passive.left_edge.tag_ not in WH_TAGS and passive.lower_ not in RELATIVE_PRONOUNS \
            and (taken := _taken_for(verb)) is not None:
        # "the state is seen as a toss-up": an opinion held by no one named
        content = [_extent(passive), _extent(taken)]
        return [_Found(_cue_tokens(verb, content), [], content, verb)]
    elif lemma in FINDING_CUES and any(c.dep_ == "dobj" for c in children) and any(
            c.dep_ == "nsubj" and c.lemma_.lower() in EVIDENCE_NOUNS for c in children):
        content = _after(verb, OBJECTS)  # "a poll showed the mayor ahead by 6 points"
    elif (prep := _particle(verb, lemma)) is not None:
        content = [_topic(verb, prep)]
    elif (mark := _particle_mark(verb, lemma)) is not None:
        # "called for the allies to step up": the parser read "for" as opening a clause
        content = [_trimmed([t for t in mark.head.subtree if t.i > mark.i])]
        source = _source(verb)
        return [_Found(sorted([*_cue_tokens(verb, content), mark], key=lambda t: t.i), source,
                       content, verb)] if source else []
    elif lemma in ANY_CUES and any(c.dep_ == "ccomp" and c.i > verb.i and _states(c)
                                   for c in children):
        # a cue listed with another complement, here with a clause ("echoed the truce would ...")
        content = _after(verb, ("dobj", "dative", "ccomp"))
    elif lemma in OBJECT_CUES and lemma not in CLAUSE_CUES | UNSPOKEN | PERCEPTION and (
            free := next((c for c in children if c.dep_ == "ccomp" and c.i > verb.i
                          and c.left_edge.lower_ in FREE_RELATIVES), None)) is not None:
        # "criticized what she called ...", "touted how far the campaign had come": an object
        # the parser took for a clause
        content = [_extent(free)]
    if not content or _depicts(verb, lemma):
        return []
    cue = _cue_tokens(verb, content)
    source = _source(verb) or _stranded_subject(verb, content)
    if len(source) == 1 and source[0].lower_ in LINKING_SUBJECTS and source[0].tag_ == "DT":
        # "That suggests a lack of confidence", "This shows how ...": the writer's own inference
        # from what came before (PolNeAR train: 6 of 35 matched)
        return []
    content = _without(content, [*cue, *source])
    if _put_to_addressee(verb, source):
        return []
    if not source and lemma in QUESTION_CUES and _participle(verb):
        return [_Found(cue, source, content, verb)]  # "Asked whether ..., he said": by whom?
    if not source and (passive := _passive_subject(verb)) is not None:
        # "he was offered the job", "the law is seen as a threat": by no one named
        return [_Found(cue, [], sorted({_extent(passive), *content}), verb)]
    if not source:
        if lemma not in CLAUSE_CUES or not _impersonal(verb):
            return []
        # "it was announced that ...": no one is named
        cue = sorted(cue + [c for c in children if c.dep_ == "nsubjpass"], key=lambda t: t.i)
    if _saying_noun(verb) and _issuer(verb) is not None:
        # "issued a statement saying ...": PolNeAR marks the statement or who issued it as the
        # source (train halves +2, +1), whose words they are
        return [_Found(cue, sorted({*source, *_document(verb)}, key=lambda t: t.i), content,
                       verb, relayed=source)]
    if (maker := _maker(verb)) is not None:
        # "released a video that accuses ...": PolNeAR marks the video or who released it
        # (train halves +4, +4)
        return [_Found(cue, sorted({*source, *_source(maker)}, key=lambda t: t.i), content,
                       verb, relayed=source)]
    return [_Found(cue, source, content, verb)]


def _without(content: list[tuple[int, int]], tokens: list[Token]) -> list[tuple[int, int]]:
    """Content fragments with the cue and source cut out where the clause runs around them
    ("which | he said | had been built in a month")."""
    if not tokens:
        return content
    first = min(tokens, key=lambda t: t.i)
    last = max(tokens, key=lambda t: t.i)
    start, end = first.idx, last.idx + len(last)
    cut = []
    for s, e in content:
        if s < start and end < e:
            before = first.doc.char_span(s, start, alignment_mode="contract")
            after = first.doc.char_span(end, e, alignment_mode="contract")
            cut += [_trimmed(list(part)) for part in (before, after)
                    if part is not None and any(not t.is_punct for t in part)]
        else:
            cut.append((s, e))
    return cut


def _put_to_addressee(verb: Token, source: list[Token]) -> bool:
    """"Do you support the deal?", "How do you think he will vote?": a question put to the one
    addressed attributes nothing to them."""
    words = [t for t in source if not t.is_punct]
    return len(words) == 1 and words[0].lower_ == "you" and verb.sent.text.rstrip(
        " \n\"'”’").endswith("?")


def _struck(verb: Token, lemma: str) -> bool:
    """'attacked an army base', 'hit Kyiv': a verb of force in its physical sense, which says
    nothing ('attacked the minister', 'blasted the plan' do)."""
    return lemma in FORCE_CUES and any(
        o.lemma_.lower() in FORCE_TARGETS or country_code(o.text) is not None
        for c in verb.children if c.dep_ == "dobj" for o in (c, *c.conjuncts))


def _relayed(verb: Token) -> list[_Found]:
    """"quoted military sources as saying that X", "cited Y as promising revenge": the verb after
    "as" is the cue and what it governs the content; who quotes is the source (as PolNeAR marks
    it: train halves +1, +4 matches), the object whose words they are."""
    source = next((c for c in verb.children if c.dep_ == "dobj"), None)
    as_ = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"), None)
    said = next((c for c in as_.children if c.dep_ == "pcomp" and c.pos_ == "VERB"),
                None) if as_ is not None else None
    if source is None or as_ is None:
        return []
    cited = _phrase(source)
    if said is None:
        # "as promising consequences", which the parser reads as an adjective and its noun
        what = next((c for c in as_.children if c.dep_ == "pobj"), None)
        said = next((c for c in what.children if c.dep_ == "amod" and c.tag_ in ("VBG", "JJ")
                     and c.lower_.endswith("ing")), None) if what is not None else None
        if said is None:
            return []
        content = [_trimmed([t for t in what.subtree if t.i != said.i])]
        return [_Found([verb, as_, said], _source(verb) or cited, content, said,
                       relayed=cited)]
    complements = [c for c in said.children if c.dep_ in ("ccomp", "dobj", "xcomp")]
    if not complements:
        return []
    content = [_extent(complements[0])]
    return [_Found([verb, as_, said], _source(verb) or cited, content, said,
                   relayed=cited)]


def _depicts(verb: Token, lemma: str) -> bool:
    """"Footage posted online showed ...", "this photo shows ...": what a picture shows, which
    no one said."""
    return lemma in DEPICTING_CUES and any(
        c.dep_ in SUBJECTS and c.lemma_.lower() in DEPICTIONS for c in verb.children)


def _as_saying(verb: Token) -> bool:
    """The verb has "as" and a gerund after it ("quoted her as saying", "cited him as warning")."""
    return any(c.dep_ == "prep" and c.lower_ == "as" and c.i + 1 < len(c.doc)
               and c.nbor(1).tag_ == "VBG" for c in verb.children)


def _names_who_speaks(verb: Token) -> bool:
    """"The paper reported the clash, citing officials": the object names whose words are
    passed on, which are in the clause the verb hangs from, so it is no content ("citing
    safety concerns" gives a reason, which is)."""
    cited = next((c for c in verb.children if c.dep_ == "dobj"), None)
    return cited is not None and not _as_saying(verb) and (
        cited.pos_ == "PROPN" or cited.ent_type_ in CITED_ENTITIES
        or cited.lemma_.lower() in CITED_SOURCES)


def _linking(verb: Token) -> bool:
    """"That said, ...", "That being said, ...": a phrase that links to what came before,
    attributing nothing to "that"."""
    subject = verb.doc[verb.i - 1] if verb.i > verb.sent.start else None
    if subject is not None and subject.lower_ == "being" and subject.i > verb.sent.start:
        subject = verb.doc[subject.i - 1]
    return verb.lemma_.lower() == "say" and subject is not None \
        and subject.lower_ in LINKING_SUBJECTS and verb.i + 1 < verb.sent.end \
        and verb.nbor(1).text == ","


def _trailing(verb: Token) -> bool:
    """A cue verb with a subject of its own after a comma, hung as a clause coordinated with or
    modifying the clause before it, with no complement of its own: an attribution after its
    content ("..., the agency reported on Tuesday", "..., a spokesman told reporters")."""
    children = list(verb.children)
    subject = next((c for c in children if c.dep_ == "nsubj" and c.i < verb.i), None)
    return verb.dep_ in ("conj", "advcl") and verb.tag_ in ("VBD", "VBZ", "VBP") \
        and verb.head.i < verb.i and subject is not None \
        and subject.left_edge.i > 0 and verb.doc[subject.left_edge.i - 1].text in APPENDIX_PUNCT \
        and not any(c.dep_ in ("ccomp", "xcomp", "mark", "csubj", "oprd") or c.dep_ == "dobj"
                    and verb.lemma_.lower() not in ADDRESSEE_CUES for c in children)


def _so(verb: Token) -> Token | None:
    """"so" standing for a clause said before ("thinks so", "half said so in December"); not
    when no one says it ("no official has said so", "never said so")."""
    if any(c.dep_ in ("ccomp", "dobj", "xcomp", "neg") for c in verb.children) or any(
            t.lower_ in NO_ONE for c in verb.children if c.dep_ in SUBJECTS for t in c.subtree):
        return None
    return next((c for c in verb.children if c.dep_ == "advmod" and c.lower_ == "so"
                 and c.i > verb.i), None)


def _answer(verb: Token) -> Token | None:
    """"yes" or "no" said in answer ("Asked whether ..., 72 percent said yes")."""
    return next((c for c in verb.children if c.i > verb.i and c.lower_ in ANSWERS
                 and c.dep_ in ("intj", "dobj", "advmod") and not any(c.children)), None)


def _relative_object(verb: Token) -> Token | None:
    """The relative pronoun that is a cue verb's object, when someone else is its subject
    ("the plan, which his rivals oppose": "which"; not "the man who opposes it"; "the bill
    that he supports" was annotated a cue less than half the time on PolNeAR train)."""
    if verb.dep_ != "relcl" or not any(
            c.dep_ == "nsubj" and c.tag_ not in WH_TAGS and c.lower_ not in RELATIVE_PRONOUNS
            for c in verb.children):
        return None
    return next((c for c in verb.children if c.dep_ == "dobj" and c.i < verb.i
                 and c.lower_ in WH_OBJECTS), None)


def _passive_with_agent(verb: Token) -> Token | None:
    """The subject of a passive cue whose agent is named ("was criticized by his rivals"), but
    not of one that also tells of force or of a question ("was attacked by troops", "was asked
    by lawmakers": the subject is who was asked, not what)."""
    if verb.lemma_.lower() in PASSIVE_AGENT_EXCLUDED or not any(
            c.dep_ == "agent" for c in verb.children) or not any(
            c.dep_ == "auxpass" for c in verb.children):
        return None
    return next((c for c in verb.children if c.dep_ == "nsubjpass" and c.i < verb.i
                 and c.lower_ not in EXPLETIVES), None)


def _taken_for(verb: Token) -> Token | None:
    """What a passive cue's subject is taken for ("is seen as a toss-up", "was deemed a
    failure")."""
    wanted = PASSIVE_OPINION_PREPOSITIONS.get(verb.lemma_.lower(), {"as"})
    return next((c for c in verb.children if c.i > verb.i and (
        c.dep_ == "oprd" or c.dep_ == "prep" and c.lower_ in wanted)), None)


def _passive_subject(verb: Token) -> Token | None:
    """The subject of a passive cue without an agent, unless it is "it" or holds a clause of its
    own ("the event that Iran labeled as terrorism was described as ...": Iran's words)."""
    if not _passive(verb):
        return None
    return next((c for c in verb.children if c.dep_ == "nsubjpass" and c.i < verb.i
                 and c.lower_ not in EXPLETIVES and not any(
                     t.dep_ in ("relcl", "acl", "ccomp") and _has_subject(t)
                     for t in c.subtree)), None)


def _has_subject(clause: Token) -> bool:
    """A clause with a subject of its own ("that Iran labeled as terrorism"), not a participle
    or an infinitive on a noun ("the states voting next week", "his decision to run")."""
    return any(c.dep_ in SUBJECTS for c in clause.children)


def _clause(verb: Token) -> Token | None:
    """The verb's clausal complement in its own paragraph (the parser runs sentences over
    paragraph breaks), the one after it unless a quotation comes before it (the parser also
    hangs a clause of the subject from the verb: "Beck, who ... opposed Trump, said ...")."""
    doc = verb.doc  # not doc.text: it joins every token on each access
    clauses = [c for c in verb.children if c.dep_ == "ccomp" and not any(
        "\n" in t.text_with_ws for t in doc[min(c.i, verb.i):max(c.i, verb.i)])]
    if clauses and clauses[0].i < verb.i and any(
            t.is_quote for t in doc[max(min(t.i for t in clauses[0].subtree) - 1, 0):][:2]):
        return clauses[0]  # '"...," he wrote': the quote before is what he wrote
    after = next((c for c in clauses if c.i > verb.i), None)
    if after is not None or not clauses or _own_complement(verb):
        # "Not only are the caucuses months away, no one knows what ...": a verb with its own
        # complement after it says nothing of the clause the parser hung before it
        return after
    return clauses[0]


def _own_complement(verb: Token) -> bool:
    """Does a verb have a complement after it that is what it says (not who is told: "There is
    no room for it, he told reporters")?"""
    return any(c.dep_ in OWN_COMPLEMENTS and c.i > verb.i and not (
        c.dep_ in ("dobj", "dative") and verb.lemma_.lower() in ADDRESSEE_CUES)
        for c in verb.children)


def _first_cue(verb: Token) -> Token | None:
    """The cue verb whose speaker a cue verb without a subject of its own goes on with,
    when the parser hung it inside that cue's clause ("Podesta said Gates was not involved and
    said Manafort was not either": the second "said" is Podesta's, not Gates's)."""
    lemma = verb.lemma_.lower()
    if verb.dep_ != "conj" or not (lemma in SPOKEN_CLAUSE_CUES and any(
            c.dep_ == "ccomp" for c in verb.children) or lemma in SPOKEN_INFINITIVE_CUES and any(
            c.dep_ == "xcomp" for c in verb.children)) or any(
            c.dep_ in SUBJECTS for c in verb.children):
        return None
    token = verb.head
    while token.head.i != token.i and token.dep_ != "ccomp":
        if token.dep_ not in ("conj", "xcomp", "advcl"):
            return None
        token = token.head
    cue = token.head
    if token.dep_ != "ccomp" or cue.i > verb.i or cue.lemma_.lower() not in CLAUSE_CUES:
        return None
    return cue


def _trailing_speaker(verb: Token) -> Token | None:
    """The verb of speech that a participle after a comma goes on from, when the parser hung the
    participle inside that verb's clause ("Packer said the focus is taking a toll, pointing to
    Cruz's victories": Packer points, not the focus)."""
    if verb.dep_ != "advcl" or verb.tag_ != "VBG" or verb.i == 0:
        return None
    before = verb.left_edge.i - 1
    if before > 0 and _closing_mark(verb.doc[before - 1], verb.i + 1) is not None:
        before -= 1  # '... had "grown the party," pointing to ...'
    if verb.doc[before].text not in (",", "—", "-") \
            or any(c.dep_ in SUBJECTS for c in verb.children) \
            or verb.lemma_.lower() not in SPOKEN_CLAUSE_CUES | TOPIC_CUES:
        return None  # "..., accusing them of spying" may be the clause's subject's
    token = verb.head
    while token.dep_ in ("conj", "xcomp", "advcl", "ccomp") and token.head.i != token.i:
        if token.dep_ == "ccomp" and token.head.lemma_.lower() in SPEECH_VERBS \
                and token.head.i < verb.i and any(
                    c.dep_ in SUBJECTS for c in token.head.children):
            return token.head
        token = token.head
    return None


def _before_next_cue(verb: Token, clause: Token) -> tuple[int, int]:
    """A clausal complement up to the next verb of speech of the same speaker that the parser
    hung inside it ("said Gates was not involved | and said ...")."""
    tokens = list(clause.subtree)
    for token in tokens:
        if token.i > verb.i and token.dep_ == "conj" and (
                first := _first_cue(token)) is not None and first.i == verb.i:
            cc = [c.i for c in token.head.children if c.dep_ in ("cc", "punct")
                  and token.head.i < c.i < token.i]
            cut = min(cc) if cc else token.left_edge.i
            return _trimmed([t for t in tokens if t.i < cut])
        if token.i > verb.i and (said := _trailing_speaker(token)) is not None \
                and said.i == verb.i:
            before = [t for t in tokens if t.i < token.left_edge.i]
            if any(not t.is_punct for t in before):
                return _trimmed(before)
    return _trimmed(tokens)


def _second_clause(verb: Token, clause: Token) -> Token | None:
    """A that-clause coordinated with the cue's clause, which the parser hung from the cue verb
    as its conjunct ("predicted that ..., but that ...") or, holding no cue of its own, as a
    second clause ("learned how they vote, how they raise money")."""
    if clause.i < verb.i:
        return None
    return next((c for c in verb.children if c.i > clause.i and (
        c.dep_ == "conj" and c.left_edge.dep_ == "mark" and c.left_edge.lower_ == "that"
        and c.left_edge.head.i == c.i or c.dep_ == "ccomp" and not _has_cue(c))), None)


def _has_cue(clause: Token) -> bool:
    """Does a clause hold a cue verb of its own ("..., and three in four said ..."), not one
    inside a clause of its parts ("..., unless the senator disavows it": still content)?"""
    return any(t.pos_ == "VERB" and t.lemma_.lower() in ANY_CUES and (
        t.i == clause.i or t.dep_ in ("conj", "parataxis", "ccomp")) for t in clause.subtree)


def _states(clause: Token) -> bool:
    """A clause that states something, not a question or a free relative ("see whether ...",
    "dismissed what he called ...")."""
    first = clause.doc[min(t.i for t in clause.subtree)]
    return first.tag_ not in WH_TAGS and first.lower_ not in ("if", "whether")


def _particle(verb: Token, lemma: str) -> Token | None:
    """The cue's own preposition with an object: "talked about the wall", "referred to it";
    not after a refusal ("declined to comment on the report": no statement)."""
    if lemma not in TOPIC_CUES or verb.dep_ == "xcomp" and lemma in NOT_STATEMENTS \
            and verb.head.lemma_.lower() in REFUSALS:
        return None
    return next((c for c in verb.children if c.dep_ in ("prep", "prt") and c.i > verb.i
                 and c.lower_ in CUE_PARTICLES.get(lemma, ()) and any(
                     g.dep_ in ("pobj", "pcomp") for g in c.children)), None)


def _particle_mark(verb: Token, lemma: str) -> Token | None:
    """The cue's own preposition that the parser took for the mark of a clause with an
    infinitive ("is calling for the allies to step up", "pushed for the bill to pass")."""
    if lemma not in TOPIC_CUES:
        return None
    return next((m for c in verb.children if c.dep_ == "advcl" and c.i > verb.i
                 for m in c.children if m.dep_ == "mark" and m.i == c.left_edge.i
                 and m.lower_ in CUE_PARTICLES.get(lemma, ()) and not any(
                     t.dep_ in ("dobj", "punct") for t in verb.doc[verb.i + 1:m.i])), None)


def _topic(verb: Token, prep: Token) -> tuple[int, int]:
    """The object of the cue's own preposition, with what it is taken for when the parser hung
    that on the verb ("singled out the bloc as the region's guarantor")."""
    tokens = list(next(c for c in prep.children if c.dep_ in ("pobj", "pcomp")).subtree)
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "as" and child.i > prep.i:
            tokens += list(child.subtree)
    tokens += [t for member in _list_members(verb, prep) for t in member.subtree]
    return _trimmed(list(verb.doc[min(t.i for t in tokens):max(t.i for t in tokens) + 1]))


def _raising(verb: Token, lemma: str) -> bool:
    """"The plan seems to work", "he is expected to win": an infinitive (or, after "seems", an
    adjective or a noun: "the economy seemed immune") whose subject is part of what is
    attributed, with no one named as the source."""
    if lemma not in RAISING_CUES and lemma not in PASSIVE_RAISING_CUES:
        return False  # asked of every verb: most are no cue of either kind
    children = list(verb.children)
    if any(c.dep_ == "agent" for c in children):
        return False
    if lemma in RAISING_CUES:
        relations = RAISED if lemma in RAISING_PREDICATE_CUES else ("xcomp",)
        raised = _raised(verb, relations)
        if raised is not None and lemma in RAISING_ONLY \
                and raised.lemma_.lower() not in RAISING_ONLY[lemma]:
            return False
        # "the senator seemed to mock his rival": the mocking is the senator's, its cue the verb
        # after "seemed"
        return raised is not None and not (
            raised.lemma_.lower() in ANY_CUES | TOPIC_CUES and raised.dep_ == "xcomp") and (any(
                c.dep_ == "nsubj" and c.lower_ not in EXPLETIVES for c in children)
                or verb.tag_ in ("VBD", "VBZ", "VBP") and _raised_subject(verb) is not None)
    if _raised(verb, ("xcomp",)) is None:
        return False
    return lemma in PASSIVE_RAISING_CUES and _raised_subject(verb) is not None and any(
        c.dep_ == "auxpass" for c in children)


def _raised_subject(verb: Token) -> Token | None:
    """The subject of a passive raising cue, or of the clause it is coordinated with ("is
    moving to the coast but is expected to keep her show")."""
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subject is None and verb.dep_ == "conj" and not any(
            c.dep_ in SUBJECTS for c in verb.children):
        subject = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")),
                       None)
    return subject


def _seeming(verb: Token) -> list[_Found]:
    """"It seems that the talks stalled", "it appears the convoy turned back", "the plan seems
    like a gamble": what seems so, to no one named."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or any(c.dep_ == "agent" for c in verb.children):
        return []
    like = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "like"
                 and c.i > verb.i and any(g.dep_ in ("pobj", "pcomp") for g in c.children)),
                None)
    clause = next((c for c in verb.children if c.dep_ in ("ccomp", "advcl") and c.i > verb.i
                   and (c.dep_ == "ccomp" or like is None and any(
                       m.lower_ in ("like", "if") for m in c.children if m.dep_ == "mark"))),
                  None)
    if subject.lower_ == "it" and (clause is not None or like is not None):
        what = clause if clause is not None else like
        content = [_extent(what)]
        return [_Found(sorted([subject, *_cue_tokens(verb, content)], key=lambda t: t.i), [],
                       content, verb)]
    if subject.lower_ not in EXPLETIVES and like is not None and clause is None:
        content = [_extent(subject), _extent(like)]
        return [_Found(_cue_tokens(verb, content), [], content, verb)]
    return []


def _sourceless(verb: Token) -> list[_Found]:
    """The subject and what it seems or is expected to do as two content fragments."""
    subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None) \
        or _raised_subject(verb)
    relations = RAISED if verb.lemma_.lower() in RAISING_PREDICATE_CUES else ("xcomp",)
    raised = _raised(verb, relations)
    if subject is None or raised is None:
        return []
    content = [_extent(subject), _extent(raised)]
    return [_Found(_cue_tokens(verb, content), [], content, verb)]


def _raised(verb: Token, relations: tuple[str, ...]) -> Token | None:
    """The complement after a raising cue that says what its subject seems, if any."""
    return next((c for c in verb.children if c.dep_ in relations and c.i > verb.i), None)


def _question(verb: Token) -> Token | None:
    """An if- or whether-clause the parser took for an adverbial one."""
    return next((c for c in verb.children if c.dep_ == "advcl" and c.i > verb.i and any(
        m.dep_ == "mark" and m.lower_ in ("if", "whether") for m in c.children)), None)


def _participle(verb: Token) -> bool:
    """A passive participle standing for its clause ("Asked about the talks, she said ..."):
    the subject of the verb it hangs from is who was asked, not who asked."""
    # the tagger takes a participle opening its sentence for a past tense ("Asked what ...")
    opening = verb.i == verb.sent.start and verb.tag_ == "VBD"
    return (verb.tag_ == "VBN" or opening) and verb.dep_ in ("advcl", "acl") and not any(
        c.dep_ in SUBJECTS or c.dep_ in ("aux", "auxpass") for c in verb.children)


def _impersonal(verb: Token) -> bool:
    """A passive cue with an expletive subject: "it was reported that", "it is believed"."""
    return any(c.dep_ == "nsubjpass" and c.lower_ == "it" for c in verb.children) and any(
        c.dep_ == "auxpass" for c in verb.children)


def _misread_cue(token: Token) -> list[_Found]:
    """A cue verb the tagger took for a noun or a name after its subject: "Trump predicts that
    ...", "The ad slams the senator for ...", "Ex-Governor Endorses Rival: ..." in a headline.
    The words before it in its sentence are the source, those after it up to a colon the
    content."""
    word = token.lower_
    stems = {word[:-1]} | ({word[:-2]} if word.endswith("es") else set()) | (
        {word[:-3] + "y"} if word.endswith("ies") else set())
    if not word.endswith("s") or not stems & MISREAD_CUES or token.i == token.sent.start \
            or token.i + 1 >= token.sent.end:
        return []
    sentence = token.sent
    before, after = token.doc[token.i - 1], token.doc[token.i + 1]
    if before.pos_ not in ("PROPN", "NOUN") or after.is_punct:
        return []
    source = [t for t in token.doc[sentence.start:token.i]]
    if any(t.is_punct and not t.is_quote for t in source) or len(source) > MAX_NAME_WORDS + 2:
        return []
    end = next((t.i for t in token.doc[token.i + 1:sentence.end] if t.text in (":", ";")),
               sentence.end)
    content = [_trimmed(list(token.doc[token.i + 1:end]))]
    return [_Found([token], source, content, token)]


def _according(token: Token) -> list[_Found]:
    """"according to X": X is the source, the clause it hangs from the content."""
    to = next((c for c in token.children if c.lower_ == "to"), None)
    if to is None:
        return []
    objects = [c for c in to.children if c.dep_ == "pobj"]
    if not objects:
        return []
    clause = token.head
    while clause.dep_ not in ("ROOT", "ccomp", "conj") and clause.head.i != clause.i:
        clause = clause.head
    if _at_edge(token, list(objects[0].subtree)):
        # "According to the count, A leads and B trails": all the sentence, whatever clause of
        # it the parser hung the phrase on
        clause = token.sent.root
    source = list(objects[0].subtree)
    if clause.lemma_.lower() in SPEECH_VERBS and any(
            c.dep_ in SUBJECTS for c in clause.children) and objects[0].lemma_.lower() \
            not in POLL_NOUNS:
        # "According to the Kremlin, Putin told him that ...": Putin's statement; but "according
        # to a survey, 40 percent said ...": the poll's finding, as with "in a poll"
        return []
    content = _around(clause, token)
    return [_Found([token, to], source, content, token)] if content else []


def _in_poll(token: Token) -> list[_Found]:
    """"In a network poll last month, the mayor led by ten points": the poll is the source, the
    rest of the sentence the content; also when those it asked speak in it ("In the survey, 60
    percent said ...": the poll's finding, their words its content; PolNeAR train +6 matches
    for -2 relations, in four publishers)."""
    poll = next((c for c in token.children if c.dep_ == "pobj"), None)
    root = token.sent.root
    if poll is None or poll.lemma_.lower() not in POLL_NOUNS or not _opens_sentence(token):
        return []
    content = _around(root, token)
    return [_Found([token], list(poll.subtree), content, token)] if content else []


def _in_view(token: Token) -> list[_Found]:
    """"In the mayor's view, the bridge can wait": whose view is the source, the clause the
    phrase hangs on the content."""
    view = next((c for c in token.children if c.dep_ == "pobj"), None)
    owner = next((c for c in view.children if c.dep_ == "poss"), None) if view else None
    if owner is None or view.lemma_.lower() not in VIEW_NOUNS or not _opens_sentence(token) \
            or any(c.dep_ in ("prep", "amod") for c in view.children):
        return []  # "in his estimation of the market", "in their right mind": the phrase
        # says no more than itself
    source = list(owner.subtree)
    cue = [t for t in token.subtree if t not in source and not t.is_punct]
    content = _around(token.head, token)
    return [_Found(cue, source, content, token)] if content else []


def _opens_sentence(token: Token) -> bool:
    return all(t.is_punct or t.is_space for t in token.doc[token.sent.start:token.i])


def _at_edge(token: Token, source: list[Token]) -> bool:
    """Does a phrase ("according to X") open or close its sentence?"""
    sentence = token.sent
    last = max(t.i for t in source)
    return all(t.is_punct or t.is_space for t in token.doc[sentence.start:token.i]) or all(
        t.is_punct or t.is_space for t in token.doc[last + 1:sentence.end])


def _nominal(noun: Token) -> list[_Found]:
    """"the ministry's warning that ...", "his view is that ...", "voiced concern that ..."."""
    clause = next((c for c in noun.children if c.dep_ in ("acl", "ccomp")
                   and (c.dep_ == "ccomp" or _opens_clause(c))), None)
    if clause is None and noun.dep_ in SUBJECTS and noun.head.lemma_ == "be":
        clause = next((c for c in noun.head.children if c.dep_ in ("ccomp", "attr")
                       and c.pos_ in ("VERB", "AUX")), None)
    if clause is None:
        return []
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is not None:
        source = list(owner.subtree)
    elif noun.dep_ == "dobj" and noun.head.lemma_ in LIGHT_VERBS:
        source = _source(noun.head)
    else:
        source = []
    if not source and clause.head.i == noun.head.i and noun.i < noun.head.i:
        # "one view is that ...", "the fear was that ...": no one named holds it
        return [_Found([noun, noun.head], [], [_extent(clause)], noun)]
    if not source:
        return []
    cue = [noun] if owner is None else [t for t in noun.doc[owner.i + 1:noun.i + 1]
                                        if t.dep_ != "case"]
    return [_Found(cue, source, [_extent(clause)], noun)]


def _spoken_object(noun: Token, lemma: str) -> list[_Found]:
    """A verb's object that is something said, with what it is about: "made the case that ...",
    "made no mention of the rival", "offered his thoughts on the budget", "paid tribute to the
    victims": the verb's subject is the source."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.pos_ != "VERB" or verb.lemma_.lower() not in (
            LIGHT_VERBS | SPEECH_OBJECT_VERBS):
        return []
    wanted = SPEECH_OBJECTS[lemma]
    what = None
    for child in (*noun.children, *(c for c in verb.children if c.i > noun.i)):
        if child.dep_ == "prep" and child.lower_ in wanted and child.i > noun.i and (
                objects := [c for c in child.children if c.dep_ in ("pobj", "pcomp")
                            and not _when(c)]):
            what, cue = objects[0], [verb, noun, child]
            break
        if child.dep_ in ("acl", "ccomp") and "that" in wanted and child.i > noun.i \
                and _opens_clause(child):
            what, cue = child, [verb, noun]
            break
    if what is None:
        return []
    source = _source(verb)
    cue += [c for c in verb.children if c.dep_ in ("aux", "neg") and c.i < verb.i]
    cue += [c for c in noun.children if c.dep_ == "det" and c.lower_ == "no"]
    return [_Found(sorted(cue, key=lambda t: t.i), source, [_extent(what)], verb)] \
        if source else []


def _spoken_content(noun: Token) -> list[_Found]:
    """A verb's object that is itself what its subject says: "offered his assessment of the
    talks", "gave a short answer", "drew a contrast with his rival"; not what one may or means
    to give ("was not authorized to share details")."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.pos_ != "VERB" or noun.i < verb.i or verb.dep_ == "xcomp" \
            or verb.lemma_.lower() not in SPOKEN_CONTENT_VERBS:
        return []
    source = _source(verb)
    content = [_extent(noun)]
    return [_Found(_cue_tokens(verb, content), source, content, verb)] if source else []


def _endorsed(noun: Token) -> list[_Found]:
    """"Cruz won the endorsement of the governor": the governor backs Cruz, who won it."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.lemma_.lower() not in ENDORSEMENT_VERBS:
        return []
    by = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("of", "from")), None)
    backer = next((c for c in by.children if c.dep_ == "pobj"), None) if by else None
    backed = _source(verb)
    if backer is None or not backed:
        return []
    cue = [c for c in verb.children if c.dep_ in ("aux", "neg") and c.i < verb.i]
    return [_Found(sorted([*cue, verb, noun, by], key=lambda t: t.i), _phrase(backer),
                   [_trimmed(backed)], verb)]


def _when(token: Token) -> bool:
    """"on Monday", "on Tuesday night", "on Nov. 3": a time, not a topic."""
    return token.lower_ in TIME_WORDS or any(
        t.lower_ in TIME_WORDS or t.like_num for t in token.subtree)


def _adjectival(adjective: Token) -> list[_Found]:
    """"she is confident that ...", "he was critical of the plan", "they are eager to vote",
    "officials angry about the cuts": whoever is in that state of mind is the source."""
    lemma = adjective.lemma_.lower()
    clause = next((c for c in adjective.children if c.dep_ == "ccomp"), None)
    if lemma in ADJECTIVE_CUES and clause is not None and (
            adjective.head.lemma_ == "be" or adjective.dep_ != "acomp"):
        source = _holder(adjective)
        return [_Found([adjective], source, [_extent(clause)], adjective)] if source else []
    wanted = ADJECTIVE_COMPLEMENTS.get(lemma, ())
    if not wanted:
        return []
    for child in adjective.children:
        if child.i < adjective.i:
            continue
        if child.dep_ == "xcomp" and "to" in wanted:
            cue, what = [adjective], list(child.subtree)
        elif child.dep_ == "prep" and child.lower_ in wanted and (
                objects := [c for c in child.children if c.dep_ in ("pobj", "pcomp")]):
            cue, what = [adjective, child], list(objects[0].subtree)
        else:
            continue
        source = _holder(adjective)
        return [_Found(cue, source, [_trimmed(what)], adjective)] if source else []
    return []


def _holder(adjective: Token) -> list[Token]:
    """Who is in an adjective's state of mind: its own subject ("many of them wary of the
    deal"), the subject of the verb it completes ("she is confident that ...") or of the clause
    it opens or closes ("Confident that the bill would pass, the aides left early"), or the
    people it follows ("officials angry about the cuts", a relative clause without its verb): a
    name or a plural the resolver places, not "a book critical of the plan" or "a country
    supportive of the pact"."""
    own = next((c for c in adjective.children if c.dep_ in SUBJECTS), None)
    if own is not None:
        return list(own.subtree)
    if adjective.dep_ in ("acomp", "advcl"):
        return _source(adjective.head)
    head = adjective.head
    if adjective.dep_ != "amod" or head.i > adjective.i or not (
            head.pos_ == "PROPN" or head.tag_ in ("NNS", "NNPS")):
        return []
    noun = [t for t in head.subtree if t.i < adjective.i]
    while noun and noun[-1].is_punct:
        noun.pop()
    return noun if any(resolve(adjective.doc, noun)) else []


def _made_clear(adjective: Token) -> list[_Found]:
    """"made it clear that ...": what the one who made it clear holds ("it is clear that ..."
    was a cue a third of the time on PolNeAR train)."""
    head = adjective.head
    it = next((c for c in (*adjective.children, *head.children) if c.dep_ == "nsubj"
               and c.lower_ == "it"), None)
    if it is None and adjective.i != head.i + 1:  # "made clear that ...", without the "it"
        return []
    if head.lemma_.lower() == "make" and adjective.dep_ in ("ccomp", "oprd"):
        clause = next((c for c in (*adjective.children, *head.children) if c.dep_ in (
            "ccomp", "advcl") and c.i > adjective.i and c.i != adjective.i), None)
        source = _source(head)
        if clause is None or not source:
            return []
        cue = [head, adjective] if it is None else [head, it, adjective]
        return [_Found(cue, source, [_extent(clause)], adjective)]
    return []


def _opens_clause(token: Token) -> bool:
    """A noun's clause that reports ('that ...', 'to ...'), not a relative clause."""
    first = token.doc[min(t.i for t in token.subtree)]
    return first.lower_ in ("that", "to")


def _source(verb: Token) -> list[Token]:
    """The source of a cue verb: its subject, a passive's agent, or the governing verb's."""
    # the parser may give a verb two subjects ("Addressing leaders in parliament, Singh said"):
    # the one nearest the verb is its own
    for child in sorted(verb.children, key=lambda c: abs(verb.i - c.i)):
        if child.dep_ in SUBJECTS:
            if child.dep_ == "nsubjpass" and not _has_short(verb) or child.dep_ == "nsubj" and (
                    child.lower_ == "there" or child.lower_ == "it" and not _refers(verb)):
                break
            return _with_antecedent(verb, child)
    for child in verb.children:
        if child.dep_ == "agent":
            return [t for c in child.children if c.dep_ == "pobj" for t in _phrase(c)]
    if _passive(verb):
        return []  # "..., and it was revealed that ...": no one named, whoever the clause's is
    if (first := _first_cue(verb)) is not None:
        return _source(first)
    if (said := _trailing_speaker(verb)) is not None:
        return _source(said)
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.dep_ == "prep" \
            and verb.head.lower_ in GERUND_PREPOSITIONS and verb.head.head.pos_ in ("VERB", "AUX"):
        # "after he told staff that he meant to ...": the clause's subject is the speaker
        return _source(verb.head.head)
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in OBJECT_CONTROL and (
            controller := next((c for c in verb.head.children if c.dep_ == "dobj"
                                and c.i < verb.i), None)):
        return _phrase(controller)  # "prompted Anderson Cooper to accuse her": Cooper accuses
    if (governor := _past_beside_modal(verb)) is not None:
        return _source(governor)
    if verb.dep_ == "conj" and verb.head.i < verb.i and any(
            c.dep_ == "agent" for c in verb.head.children) and (shared := next(
            (c for c in verb.head.children if c.dep_ == "nsubjpass"), None)) is not None:
        # "ministers were upset by the pact and forecast ...": a verb coordinated with a
        # passive shares its subject, not its agent
        return _with_antecedent(verb.head, shared)
    if verb.dep_ in INHERITS_SOURCE and verb.head.i != verb.i and verb.head.pos_ in (
            "VERB", "AUX") and not _participle(verb) and not _misread(verb):
        return _source(verb.head)
    if verb.dep_ == "xcomp" and verb.head.pos_ == "ADJ" and verb.head.dep_ == "acomp" \
            and verb.head.head.pos_ in ("VERB", "AUX"):
        # "the envoy is likely to stress that ...", "most were less likely to say ...": the one
        # the adjective describes
        return _source(verb.head.head)
    if _saying_noun(verb):
        # "issued a statement saying that ...": who issued it; "911 calls saying that ...": the
        # calls
        if (governor := _issuer(verb)) is not None:
            return _source(governor)
        return _document(verb)
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.i < verb.i \
            and verb.head.lemma_.lower() in SPEAKING_NOUNS:
        # "ads attacking Cruz", "a petition calling on him to resign": the ads, the petition;
        # "issued a statement condemning ...", "ran ads praising ...": who issued or ran them
        if verb.head.dep_ == "dobj" and verb.head.head.pos_ == "VERB":
            return _source(verb.head.head)
        words = [t for t in verb.head.subtree if t.i < verb.i]
        while words and (words[-1].is_punct or words[-1].is_space):
            words.pop()
        return words
    return []


def _saying_noun(verb: Token) -> bool:
    """A participle of speech with a clause, after the noun it qualifies ("a statement saying
    that ...", "911 calls saying that ...")."""
    return verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.i < verb.i \
        and verb.lemma_.lower() in SPOKEN_CLAUSE_CUES \
        and any(c.dep_ == "ccomp" for c in verb.children)


def _issuer(verb: Token) -> Token | None:
    """The verb of whoever issued or sent the noun a participle of speech qualifies ("the
    ministry issued a statement saying ...", "responded with a note saying ...")."""
    noun = verb.head
    governor = noun.head if noun.dep_ == "dobj" else noun.head.head
    return governor if noun.dep_ in ("dobj", "pobj") and governor.pos_ == "VERB" else None


def _document(verb: Token) -> list[Token]:
    """The noun phrase a participle of speech qualifies, up to the participle."""
    words = [t for t in verb.head.subtree if t.i < verb.i]
    while words and (words[-1].is_punct or words[-1].is_space):
        words.pop()
    return words


def _maker(verb: Token) -> Token | None:
    """The verb whose object a cue's relative clause qualifies, with a relative that stands for
    a thing as the cue's subject ("she released a video that accuses ...": "released"; not "met
    a farmer who warned ...")."""
    noun = verb.head
    if verb.dep_ != "relcl" or noun.dep_ != "dobj" or noun.head.pos_ != "VERB" or not any(
            c.dep_ == "nsubj" and c.lower_ in OBJECT_RELATIVES for c in verb.children):
        return None
    return noun.head


def _past_beside_modal(verb: Token) -> Token | None:
    """The verb whose subject a past or present verb without a subject goes on with, when the
    parser hung it beside a modal's verb inside that verb's clause ("Putin forecast that the
    economy would rebound and praised the talks": 'praised' takes no 'would', so it is
    coordinated with 'forecast', and Putin praised)."""
    if verb.dep_ != "conj" or verb.tag_ not in ("VBD", "VBZ") or any(
            c.dep_ in SUBJECTS or c.dep_ in ("aux", "auxpass") for c in verb.children):
        return None
    head = verb.head
    if head.tag_ != "VB" or not any(c.tag_ == "MD" for c in head.children):
        return None
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    if head.dep_ != "ccomp" or head.head.pos_ != "VERB" or head.head.i > verb.i:
        return None
    return head.head


def _with_antecedent(verb: Token, subject: Token) -> list[Token]:
    """A subject's phrase; a relative "that" or "who" with the noun phrase it stands for
    ("a web video that accuses her of ...": the video that accuses; "the experts who think
    ...": PolNeAR marks one or the other, the noun phrase more often: train +9 matches for +0
    relations with "that", halves R and C +2 and +1 more with "who")."""
    noun = verb.head
    if verb.dep_ != "relcl" or subject.lower_ not in ANTECEDENT_RELATIVES \
            or subject.tag_ not in ("WDT", "WP") or noun.pos_ not in ("NOUN", "PROPN"):
        return _phrase(subject)
    before = [t for t in noun.subtree if t.i < verb.left_edge.i]
    while before and (before[-1].is_punct or before[-1].is_space):
        before.pop()
    return sorted({*before, *_phrase(subject)}, key=lambda t: t.i)


def _passive(verb: Token) -> bool:
    """A passive cue verb; not "he's predicted", where the tagger may take "'s" (has) for "is"."""
    return any(c.dep_ == "auxpass" and c.lower_ not in CONTRACTED_HAS for c in verb.children)


def _has_short(verb: Token) -> bool:
    """"He's said he will run": a perfect the tagger took for a passive; its subject speaks."""
    auxiliaries = [c for c in verb.children if c.dep_ == "auxpass"]
    return bool(auxiliaries) and all(c.lower_ in CONTRACTED_HAS for c in auxiliaries)


def _refers(verb: Token) -> bool:
    """"It said the posts were removed": a verb of speech with a clause, whose "it" is what
    spoke (a report, a company), not the "it" of "it seems" ("it had confirmed the capture" is
    too often a pronoun the resolver cannot place)."""
    return verb.lemma_.lower() in SPOKEN_CLAUSE_CUES and any(
        c.dep_ == "ccomp" for c in verb.children)


def _misread(verb: Token) -> bool:
    """A finite verb without a subject hung as a clause of another: a noun the tagger took for a
    verb ("despite a planned council vote to condemn ..."), which passes on no speaker."""
    return verb.dep_ in ("advcl", "acl", "relcl") and verb.tag_ in ("VBP", "VBZ") and not any(
        c.dep_ in (*SUBJECTS, "expl", "csubj") for c in verb.children)


def _stranded_subject(verb: Token, content: list[tuple[int, int]]) -> list[Token]:
    """The subject of a finite cue verb that the parser hung on a phrase before it, mostly as
    an apposition ("In an interview with the paper, the party's chairman said that ...", "Jay
    Ames, the club's president, suggested that ..."): the top apposition of the noun phrase
    ending right before the verb, or the verb's own nominal child there ("About 4 in 10 say")."""
    # a finite verb, or one made finite by its auxiliary ("..., have said")
    if verb.tag_ not in ("VBD", "VBZ", "VBP") and not (verb.tag_ in ("VB", "VBN") and any(
            c.dep_ == "aux" and c.i < verb.i for c in verb.children)) \
            or verb.dep_ not in ("ROOT", "ccomp", "parataxis", "dep") \
            or verb.lemma_.lower() not in CLAUSE_CUES or not any(
                c.dep_ == "ccomp" and c.i > verb.i for c in verb.children) or any(
                c.dep_ in (*SUBJECTS, "agent", "expl", "csubjpass") for c in verb.children):
        return []
    own = {t.i for c in verb.children if c.i < verb.i and c.dep_ in (
        "advmod", "npadvmod", "aux", "neg") for t in c.subtree}
    i = verb.i - 1
    while i >= verb.sent.start and (i in own or verb.doc[i].is_punct or verb.doc[i].is_space):
        i -= 1
    if i < verb.sent.start:
        return []
    token, top = verb.doc[i], None
    if any(c.dep_ == "csubj" for c in verb.children):
        token = None  # only a subject misread as a clause: "Most residents of the valley going
        # to the polls said ..."
    while token is not None:
        if token.head.i == verb.i:
            if top is None and token.pos_ in ("NOUN", "PROPN", "NUM") and token.dep_ not in (
                    "prep", "advcl", "mark", "cc"):
                top = token
            break
        if token.dep_ == "appos":
            top = token
        elif top is not None or token.dep_ not in STRANDED_PATH:
            break
        if token.head.i >= verb.i or token.head.i == token.i:
            break
        token = token.head
    if top is None:
        top = _misread_subject(verb, i)
    if top is None:
        return []
    # the parser runs sentences over paragraph breaks: the subject is in the verb's paragraph
    words = [t for t in top.subtree if t.i < verb.i and "\n" not in verb.doc[
        t.i:verb.i].text]
    while words and (words[-1].is_punct or words[-1].is_space):
        words.pop()
    inside = _Inside(content)
    if not words or any(inside.covers(t.idx) or t.is_quote for t in words):
        return []
    return words


def _misread_subject(verb: Token, last: int) -> Token | None:
    """A clause the parser hung before a cue verb without a subject (or hung the verb from) that
    runs from the start of the sentence to the verb, with a subject of its own: the verb's
    subject misread as a clause
    ("Omar Haddad, a Tripoli imam helping to organize the talks, said ...": "imam" read as a
    verb with "Haddad" its subject)."""
    sentence = verb.sent
    first = next((t for t in sentence if not (t.is_punct or t.is_space)), None)
    head = verb.head
    if verb.dep_ == "dep" and head.i < verb.i and first is not None \
            and head.left_edge.i == first.i and any(
                c.dep_ in SUBJECTS and c.i < head.i for c in head.children):
        # or the verb hung below it: "Most residents going to the polls say ...", with
        # "going" the root
        return head
    for child in verb.children:
        end = child.right_edge.i
        while end > child.i and verb.doc[end].is_punct:
            end -= 1
        if child.i < verb.i and child.dep_ in ("ccomp", "advcl", "csubj") and end == last \
                and first is not None and child.left_edge.i == first.i \
                and first.pos_ in ("PROPN", "NOUN", "DET", "ADJ", "NUM") and not any(
                    c.dep_ == "mark" for c in child.children) and any(
                    c.dep_ in SUBJECTS and c.i < child.i for c in child.children):
            return child
    return None


def _phrase(head: Token) -> list[Token]:
    """A source phrase: the subject's subtree, relative clauses and appositions included."""
    if any(c in head.text for c in "<>"):
        return []  # markup, not words
    return list(head.subtree)


def _cue_tokens(verb: Token, content: list[tuple[int, int]]) -> list[Token]:
    """The cue verb with its auxiliaries, negation and particles outside the content."""
    particles = CUE_PARTICLES.get(verb.lemma_.lower(), set())
    inside = _Inside(content)
    cue = [verb]
    for child in verb.children:
        if inside.covers(child.idx):
            continue
        if child.dep_ in ("aux", "auxpass", "neg") and child.i < verb.i or (
                child.dep_ in ("prt", "prep") and child.lower_ in particles):
            cue.append(child)
    return sorted(cue, key=lambda t: t.i)


# --- content spans --------------------------------------------------------------------------

def _extent(head: Token) -> tuple[int, int]:
    """Characters of a head's subtree, without punctuation at its edges (but with quote marks
    at its edges and a closing mark's comma: '"We will,"')."""
    tokens = list(head.subtree)
    return _trimmed(tokens)


def _trimmed(tokens: list[Token]) -> tuple[int, int]:
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


def _clause_under_object(verb: Token) -> Token | None:
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


def _around(head: Token, cue: Token) -> list[tuple[int, int]]:
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
    spans = [_trimmed(p) for p in parts if p and any(not t.is_punct for t in p)]
    return spans


def _after(verb: Token, relations: tuple[str, ...]) -> list[tuple[int, int]]:
    """From the verb's first complement after it to the end of its last one."""
    particles = CUE_PARTICLES.get(verb.lemma_.lower(), set())
    heads = [c for c in verb.children if c.i > verb.i and (
        c.dep_ in relations or "dobj" in relations and (
            _as_predicate(verb, c) or _completes_object(verb, c)))
             and not (c.dep_ == "prep" and c.lower_ in ADJUNCT_PREPOSITIONS)]
    if not heads:
        return []
    heads += _list_members(verb, max(heads, key=lambda h: h.right_edge.i))
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
    return [_trimmed(list(span))]


def _list_members(verb: Token, last: Token) -> list[Token]:
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


def _without_appendix(doc: Doc, fragments: list[tuple[int, int]],
                      quoted: _Inside) -> tuple[list[tuple[int, int]], set[int]]:
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
            mark = _closing_mark(comma, span.end)
            if mark is None and (not _appendix_mark(comma) or quoted.covers(comma.idx)) or (
                    mark is not None and quoted.covers(mark.idx + len(mark))):
                continue
            kept = sum(1 for i in words if i < comma.i)
            if len(words) - kept > APPENDIX_SHARE * kept and _appendices(
                    doc, mark or comma, span.end):
                end = _trimmed(list(doc[span.start:comma.i]))[1]
                appendix |= set(range(comma.i, span.end))
                break
        cut.append((start, end))
    return cut, appendix


def _closing_mark(comma: Token, end: int) -> Token | None:
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
        return first.lower_ in APPENDIX_RELATIVES and not _relative_aside(head)
    if head.dep_ in ("advcl", "acl") and head.tag_ == "VBG" and first.i == head.i:
        return not any(c.dep_ in SUBJECTS for c in head.children)
    if head.dep_ == "advcl" and first.dep_ == "mark" and first.head.i == head.i:
        return first.lower_ in APPENDIX_CONTRASTS
    return head.dep_ == "appos" and not any(t.dep_ == "cc" for t in head.subtree)


def _in_paragraph(text: str, offset: int,
                  fragments: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Fragments cut to the line holding the cue: the parser joins sentences over paragraph
    breaks (quotes that run on are joined later, from their marks)."""
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    end = len(text) if end == -1 else end
    clipped = [(max(s, start), min(e, end)) for s, e in fragments]
    return [(s, e) for s, e in clipped if text[s:e].strip()]


def _spans(tokens: list[Token]) -> tuple[tuple[int, int], ...]:
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


# --- nesting and direct quotes --------------------------------------------------------------

def _characters(found: _Found) -> tuple[set[int], set[int]]:
    """Token indexes of the cue and of the content (both within the doc)."""
    doc = found.anchor.doc
    content = set()
    for start, end in found.content:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            content.update(range(span.start, span.end))
    return {t.i for t in found.cue}, content


def _outermost(doc: Doc, candidates: list[_Found]) -> list[_Found]:
    """Keep an attribution unless its cue or content lies in one already kept; widest first.

    One cue makes one attribution; a source may be shared.
    """
    kept: list[_Found] = []
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
                _relative_aside(found.anchor) and not cue & taken_cues) or cue & appended and (
                found.anchor.lemma_.lower() not in SPOKEN_CLAUSE_CUES
                or not any(c.dep_ == "ccomp" for c in found.anchor.children)):
            continue
        taken_cues |= cue
        found.tokens = cue | content
        taken |= found.tokens
        appended |= found.appendix
        kept.append(found)
    return kept


def _an_outlet(doc: Doc, source: list[Token]) -> bool:
    """Whether a source is a press agency or paper ("Reuters", "the Associated Press", "Iran's
    Tasnim agency")."""
    heads = phrase_heads(source) if source else []
    if not heads:
        return False
    entity = entity_at(doc, heads[0].idx, heads[0].idx + len(heads[0].text))
    words = " ".join(t.text for t in source).lower()
    return words in WIRE_SERVICES or entity is not None and entity.sector == "MED"


def _inner_source(found: _Found, candidates: list[_Found]) -> list[Token] | None:
    """The source of the first attribution an outlet's report holds ("Officials said the border
    was shut, Reuters reported", "Reuters reported that the minister condemned the strike"):
    whose words the outlet relays; none when its report holds none, or only what someone wants
    or thinks ("a network reported that Lima would rather not look weak")."""
    cue = {t.i for t in found.cue}
    content = found.tokens - cue
    inner = [c for c in candidates if c is not found and c.source
             and c.anchor.lemma_.lower() not in UNSPOKEN | PERCEPTION
             and {t.i for t in c.cue} <= content and {t.i for t in c.source} <= content]
    return min(inner, key=lambda c: c.anchor.i).source if inner else None


def _relative_aside(cue: Token) -> bool:
    """A verb of speech in a relative clause with a subject of its own ("a ruling, which I
    said was not a jail term", "moves that he said improved the economy"): its own
    attribution, even inside another's content (verbs of thought there were cues a third of the
    time on PolNeAR train)."""
    return (cue.dep_ == "relcl" or cue.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in CONTRASTS for c in cue.children)) \
        and cue.lemma_.lower() in SPEECH_VERBS and any(
        c.dep_ == "nsubj" and c.lower_ not in RELATIVE_PRONOUNS and c.tag_ not in WH_TAGS
        for c in cue.children) and any(c.dep_ == "ccomp" for c in cue.children)


def _attach_quotes(doc: Doc, kept: list[_Found], marks: list[tuple[int, int]]) -> list[_Found]:
    """Give each direct quote that no attribution holds yet a cue: its sentence's, or a short
    attribution after it; failing that it continues the quote relation before it."""
    previous: _Found | None = None
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
            source = _source(verb)
            if source:
                found = _Found(_cue_tokens(verb, [(start, end)]), source, [(start, end)], verb,
                               quoted=True,
                               tokens=set(range(span.start, span.end)) | {verb.i})
                kept.append(found)
                previous = found
                continue
        if previous is not None and _continues(doc, previous, span, kept):
            previous.content.append((start, end))
            previous.tokens |= set(range(span.start, span.end))
    return kept


def _snapped(text: str, fragments: list[tuple[int, int]],
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


def _quote_cue(doc: Doc, span: Span, kept: list[_Found]) -> Token | None:
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


def _continues(doc: Doc, previous: _Found, span: Span, kept: list[_Found]) -> bool:
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


# --- speakers -------------------------------------------------------------------------------

def _on_the_cues_line(source: list[Token], cue: Token) -> list[Token]:
    """A source phrase within the line of its cue: the parser joins a subheading ("Demands for
    talks") to the sentence under it, whose subject is the source."""
    if not any("\n" in t.text for t in source):
        return source
    return [t for t in source if "\n" not in t.text and not any(
        "\n" in b.text for b in t.doc[min(t.i, cue.i):max(t.i, cue.i)])]


def _relayed_source(found: _Found) -> list[Token] | None:
    """Whose words an outlet relays: "the agency reported, citing the military" and "citing a
    statement from spokesman X" are the military's and X's; "the statement said as reported by
    AFP" and "..., X has announced, reports Y" are the statement's and X's. None when the words
    are the source's own."""
    verb = found.anchor
    for cited in verb.children:
        if cited.dep_ == "advcl" and cited.lemma_.lower() in RELAYING_CUES:
            source = next((c for c in cited.children if c.dep_ == "dobj"), None)
            if source is not None and source.lemma_.lower() in DOCUMENT_NOUNS:
                # "citing a statement from X": X is who speaks
                source = next((o for p in source.children if p.dep_ == "prep"
                               and p.lower_ in ("from", "by") for o in p.children
                               if o.dep_ == "pobj"), source)
            return _phrase(source) if source is not None else None
    if verb.lemma_.lower() != "report":
        return None
    content = set().union(*(range(s, e) for s, e in found.content))
    sayers = [verb.head] if verb.dep_ == "advcl" else [
        c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i and c.idx not in content]
    for sayer in sayers:
        if sayer.lemma_.lower() in SPOKEN_CLAUSE_CUES:
            subject = next((c for c in sayer.children if c.dep_ in SUBJECTS), None)
            if subject is not None:
                return _phrase(subject)
    return None




@Language.factory("spiral_quotes", requires=["doc._.actor_mentions"], assigns=["doc._.quotes"])
def make_quote_finder(nlp: Language, name: str) -> QuoteFinder:
    return QuoteFinder(nlp, name)
