"""Where an attribution's cue is: the words the parse may cue at, and the cues that are no
verb: "according to X", polls and views, noun and adjective cues, a tagger's misread verb and
lines that open with a name and a colon."""

from __future__ import annotations

import re

from spacy.attrs import LOWER, POS
from spacy.strings import get_string_id
from spacy.symbols import IDS
from spacy.tokens import Doc, Span, Token

from spiral.nlp import extensions
from spiral.nlp.actors import NAME_TITLES, OFFICE_WORDS
from spiral.nlp.attribution_lexicon import (
    ADJECTIVE_COMPLEMENTS,
    ADJECTIVE_CUES,
    CLEAR_CUES,
    ENDORSEMENT_NOUNS,
    ENDORSEMENT_VERBS,
    LIGHT_VERBS,
    MISREAD_CUES,
    NOUN_CUES,
    POLL_NOUNS,
    SPEECH_OBJECT_VERBS,
    SPEECH_OBJECTS,
    SPEECH_VERBS,
    SPOKEN_CONTENT_NOUNS,
    SPOKEN_CONTENT_VERBS,
    VIEW_NOUNS,
)
from spiral.nlp.event_lexicon import TIME_WORDS
from spiral.nlp.quote_marks import QUOTE_PAIRS
from spiral.nlp.quote_sources import phrase, source_of
from spiral.nlp.quote_spans import Found, around, extent, trimmed
from spiral.nlp.quote_verb_complements import cue_tokens
from spiral.nlp.quote_verb_cues import verbal
from spiral.nlp.speakers import SUBJECTS, resolve

# "Mayor: Union backing shows rival is 'the insiders' choice.'": a line opening with a
# name and a colon (a headline's or a transcript's way to attribute the rest of the line)
NAMED_LINE = re.compile(r"^([^:\n]{1,60}?): +(\S[^\n]*?)[\s.]*$", re.MULTILINE)
MAX_NAME_WORDS = 4
# words before a colon that label a headline, not a speaker
HEADLINE_LABELS = frozenset({"exclusive", "breaking", "watch", "look", "boom", "busted", "update",
                             "updated", "correction", "previously"})
MIN_LINE_WORDS = 3
# a report whose lines open with this many one-word field labels is a feed's layout
MIN_FIELD_LABELS = 2
OPENING_MARKS = frozenset(opening[0] for opening, _ in QUOTE_PAIRS)
MIN_TRANSCRIPT_LINES = 2
# the parts of speech a cue is of, and the words of another part that open one ("according to",
# "in a poll"): `from_parse` finds nothing at any other word
CUE_POS = ("VERB", "NOUN", "PROPN", "ADJ")
CUE_WORDS = ("according", "in")


def cue_positions(doc: Doc) -> list[bool]:
    """Whether each word of the Doc is one `from_parse` may find a cue at (`CUE_POS`,
    `CUE_WORDS`): read from the Doc's POS and LOWER arrays, so that no Token is built for the
    other words (about two in five)."""
    # plain ints, asked one by one: numpy.isin costs more than the look-ups on a Doc's few
    # hundred words; the array is read as two columns, since a list a row cost as much again
    tags, words = doc.to_array([POS, LOWER]).T.tolist()
    return [p in _CUE_POS_IDS or w in _CUE_WORD_IDS for p, w in zip(tags, words)]


_CUE_POS_IDS = frozenset(IDS[p] for p in CUE_POS)
_CUE_WORD_IDS = frozenset(get_string_id(w) for w in CUE_WORDS)


def from_parse(token: Token) -> list[Found]:
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
        return verbal(token, lemma)
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


def named_lines(doc: Doc, body: list[Span]) -> list[Found]:
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
    lines = []
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
        lines.append((words, Found([colon[0]], list(name), [match.span(2)], colon[0])))
    labels = [words for words, _ in lines if _is_field_label(words)]
    for words, line in lines:
        if len(labels) < MIN_FIELD_LABELS or not _is_field_label(words):
            found.append(line)
        elif text[line.content[0][0]] in OPENING_MARKS:
            # "Source: ...", "Details: ...", "Quote: ...": a news feed's fields name what the
            # line holds, not who speaks; a quotation in one runs on from the line before
            # (the quote finder gives it the last source), the other lines are read as the
            # rest of the text is
            line.source, line.runs_on = [], True
            found.append(line)
    return found


def _is_field_label(words: list[Token]) -> bool:
    """One common noun written with a capital ("Details", "Summary"), not a name, an office
    ("Mayor") being a noun that a name may follow, nor a transcript's capitals ("Q", "TAPPER")."""
    return len(words) == 1 and words[0].pos_ == "NOUN" and words[0].text.istitle() \
        and words[0].lower_ not in NAME_TITLES | OFFICE_WORDS


def _misread_cue(token: Token) -> list[Found]:
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
    content = [trimmed(list(token.doc[token.i + 1:end]))]
    return [Found([token], source, content, token)]


def _according(token: Token) -> list[Found]:
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
    content = around(clause, token)
    return [Found([token, to], source, content, token)] if content else []


def _in_poll(token: Token) -> list[Found]:
    """"In a network poll last month, the mayor led by ten points": the poll is the source, the
    rest of the sentence the content; also when those it asked speak in it ("In the survey, 60
    percent said ...": the poll's finding, their words its content; PolNeAR train +6 matches
    for -2 relations, in four publishers)."""
    poll = next((c for c in token.children if c.dep_ == "pobj"), None)
    root = token.sent.root
    if poll is None or poll.lemma_.lower() not in POLL_NOUNS or not _opens_sentence(token):
        return []
    content = around(root, token)
    return [Found([token], list(poll.subtree), content, token)] if content else []


def _in_view(token: Token) -> list[Found]:
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
    content = around(token.head, token)
    return [Found(cue, source, content, token)] if content else []


def _opens_sentence(token: Token) -> bool:
    return all(t.is_punct or t.is_space for t in token.doc[token.sent.start:token.i])


def _at_edge(token: Token, source: list[Token]) -> bool:
    """Does a phrase ("according to X") open or close its sentence?"""
    sentence = token.sent
    last = max(t.i for t in source)
    return all(t.is_punct or t.is_space for t in token.doc[sentence.start:token.i]) or all(
        t.is_punct or t.is_space for t in token.doc[last + 1:sentence.end])


def _nominal(noun: Token) -> list[Found]:
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
        source = source_of(noun.head)
    else:
        source = []
    if not source and clause.head.i == noun.head.i and noun.i < noun.head.i:
        # "one view is that ...", "the fear was that ...": no one named holds it
        return [Found([noun, noun.head], [], [extent(clause)], noun)]
    if not source:
        return []
    cue = [noun] if owner is None else [t for t in noun.doc[owner.i + 1:noun.i + 1]
                                        if t.dep_ != "case"]
    return [Found(cue, source, [extent(clause)], noun)]


def _spoken_object(noun: Token, lemma: str) -> list[Found]:
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
    source = source_of(verb)
    cue += [c for c in verb.children if c.dep_ in ("aux", "neg") and c.i < verb.i]
    cue += [c for c in noun.children if c.dep_ == "det" and c.lower_ == "no"]
    return [Found(sorted(cue, key=lambda t: t.i), source, [extent(what)], verb)] \
        if source else []


def _spoken_content(noun: Token) -> list[Found]:
    """A verb's object that is itself what its subject says: "offered his assessment of the
    talks", "gave a short answer", "drew a contrast with his rival"; not what one may or means
    to give ("was not authorized to share details")."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.pos_ != "VERB" or noun.i < verb.i or verb.dep_ == "xcomp" \
            or verb.lemma_.lower() not in SPOKEN_CONTENT_VERBS:
        return []
    source = source_of(verb)
    content = [extent(noun)]
    return [Found(cue_tokens(verb, content), source, content, verb)] if source else []


def _endorsed(noun: Token) -> list[Found]:
    """"Cruz won the endorsement of the governor": the governor backs Cruz, who won it."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.lemma_.lower() not in ENDORSEMENT_VERBS:
        return []
    by = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("of", "from")), None)
    backer = next((c for c in by.children if c.dep_ == "pobj"), None) if by else None
    backed = source_of(verb)
    if backer is None or not backed:
        return []
    cue = [c for c in verb.children if c.dep_ in ("aux", "neg") and c.i < verb.i]
    return [Found(sorted([*cue, verb, noun, by], key=lambda t: t.i), phrase(backer),
                   [trimmed(backed)], verb)]


def _when(token: Token) -> bool:
    """"on Monday", "on Tuesday night", "on Nov. 3": a time, not a topic."""
    return token.lower_ in TIME_WORDS or any(
        t.lower_ in TIME_WORDS or t.like_num for t in token.subtree)


def _adjectival(adjective: Token) -> list[Found]:
    """"she is confident that ...", "he was critical of the plan", "they are eager to vote",
    "officials angry about the cuts": whoever is in that state of mind is the source."""
    lemma = adjective.lemma_.lower()
    clause = next((c for c in adjective.children if c.dep_ == "ccomp"), None)
    if lemma in ADJECTIVE_CUES and clause is not None and (
            adjective.head.lemma_ == "be" or adjective.dep_ != "acomp"):
        source = _holder(adjective)
        return [Found([adjective], source, [extent(clause)], adjective)] if source else []
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
        return [Found(cue, source, [trimmed(what)], adjective)] if source else []
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
        return source_of(adjective.head)
    head = adjective.head
    if adjective.dep_ != "amod" or head.i > adjective.i or not (
            head.pos_ == "PROPN" or head.tag_ in ("NNS", "NNPS")):
        return []
    noun = [t for t in head.subtree if t.i < adjective.i]
    while noun and noun[-1].is_punct:
        noun.pop()
    return noun if any(resolve(adjective.doc, noun)) else []


def _made_clear(adjective: Token) -> list[Found]:
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
        source = source_of(head)
        if clause is None or not source:
            return []
        cue = [head, adjective] if it is None else [head, it, adjective]
        return [Found(cue, source, [extent(clause)], adjective)]
    return []


def _opens_clause(token: Token) -> bool:
    """A noun's clause that reports ('that ...', 'to ...'), not a relative clause."""
    first = token.doc[min(t.i for t in token.subtree)]
    return first.lower_ in ("that", "to")
