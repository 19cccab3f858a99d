"""Cue verbs that are no cue of a named speaker: a linking "That said", a verb of force in its
physical sense, what a picture shows, a citing that names whose words are passed on, a question put
to "you"; and raising verbs ("seems to", "is expected to", "it seems that"), whose attribution
names no one."""

from __future__ import annotations

from spacy.tokens import Token

from spiral.countries import country_code
from spiral.nlp.attribution_lexicon import (
    CITED_ENTITIES,
    CITED_SOURCES,
    DEPICTING_CUES,
    DEPICTIONS,
    EXPLETIVES,
    FORCE_CUES,
    FORCE_TARGETS,
    LINKING_SUBJECTS,
    PASSIVE_RAISING_CUES,
    RAISING_CUES,
    RAISING_ONLY,
    RAISING_PREDICATE_CUES,
    TOPIC_CUES,
)
from spiral.nlp.quote_spans import ANY_CUES, Found, extent
from spiral.nlp.quote_verb_complements import cue_tokens
from spiral.nlp.speakers import SUBJECTS

RAISED = ("xcomp", "acomp", "attr", "oprd")  # "seems to work", "seems ready", "seems a risk"


def put_to_addressee(verb: Token, source: list[Token]) -> bool:
    """"Do you support the deal?", "How do you think he will vote?": a question put to the one
    addressed attributes nothing to them."""
    words = [t for t in source if not t.is_punct]
    return len(words) == 1 and words[0].lower_ == "you" and verb.sent.text.rstrip(
        " \n\"'”’").endswith("?")


def struck(verb: Token, lemma: str) -> bool:
    """'attacked an army base', 'hit Kyiv': a verb of force in its physical sense, which says
    nothing ('attacked the minister', 'blasted the plan' do)."""
    return lemma in FORCE_CUES and any(
        o.lemma_.lower() in FORCE_TARGETS or country_code(o.text) is not None
        for c in verb.children if c.dep_ == "dobj" for o in (c, *c.conjuncts))


def depicts(verb: Token, lemma: str) -> bool:
    """"Footage posted online showed ...", "this photo shows ...": what a picture shows, which
    no one said."""
    return lemma in DEPICTING_CUES and any(
        c.dep_ in SUBJECTS and c.lemma_.lower() in DEPICTIONS for c in verb.children)


def _as_saying(verb: Token) -> bool:
    """The verb has "as" and a gerund after it ("quoted her as saying", "cited him as warning")."""
    return any(c.dep_ == "prep" and c.lower_ == "as" and c.i + 1 < len(c.doc)
               and c.nbor(1).tag_ == "VBG" for c in verb.children)


def names_who_speaks(verb: Token) -> bool:
    """"The paper reported the clash, citing officials": the object names whose words are
    passed on, which are in the clause the verb hangs from, so it is no content ("citing
    safety concerns" gives a reason, which is)."""
    cited = next((c for c in verb.children if c.dep_ == "dobj"), None)
    return cited is not None and not _as_saying(verb) and (
        cited.pos_ == "PROPN" or cited.ent_type_ in CITED_ENTITIES
        or cited.lemma_.lower() in CITED_SOURCES)


def linking(verb: Token) -> bool:
    """"That said, ...", "That being said, ...": a phrase that links to what came before,
    attributing nothing to "that"."""
    if verb.lemma_.lower() != "say":
        return False  # asked of every verb cue: only "say" has its sentence's start found
    subject = verb.doc[verb.i - 1] if verb.i > verb.sent.start else None
    if subject is not None and subject.lower_ == "being" and subject.i > verb.sent.start:
        subject = verb.doc[subject.i - 1]
    return subject is not None \
        and subject.lower_ in LINKING_SUBJECTS and verb.i + 1 < verb.sent.end \
        and verb.nbor(1).text == ","


def raising(verb: Token, lemma: str) -> bool:
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


def what_seems(verb: Token) -> list[Found]:
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
        content = [extent(what)]
        return [Found(sorted([subject, *cue_tokens(verb, content)], key=lambda t: t.i), [],
                       content, verb)]
    if subject.lower_ not in EXPLETIVES and like is not None and clause is None:
        content = [extent(subject), extent(like)]
        return [Found(cue_tokens(verb, content), [], content, verb)]
    return []


def sourceless(verb: Token) -> list[Found]:
    """The subject and what it seems or is expected to do as two content fragments."""
    subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None) \
        or _raised_subject(verb)
    relations = RAISED if verb.lemma_.lower() in RAISING_PREDICATE_CUES else ("xcomp",)
    raised = _raised(verb, relations)
    if subject is None or raised is None:
        return []
    content = [extent(subject), extent(raised)]
    return [Found(cue_tokens(verb, content), [], content, verb)]


def _raised(verb: Token, relations: tuple[str, ...]) -> Token | None:
    """The complement after a raising cue that says what its subject seems, if any."""
    return next((c for c in verb.children if c.dep_ in relations and c.i > verb.i), None)
