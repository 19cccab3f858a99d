"""Whether what a sentence says is a threat: a warning it names, not one a relative clause
tells of; not a forecast of what another party may do, nor a risk a body of no state tells."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from spiral.nlp.actors import entity_at
from spiral.nlp.red_line_clauses import written
from spiral.nlp.red_line_lexicon import (
    COOPERATION,
    FIRST_PERSON,
    OBLIGATION,
    POSSIBILITY,
    THREAT_WORDS,
    UNDERGOING_VERBS,
)
from spiral.plover import QUAD_NAMES
from spiral.records import Entity


def warning_told(sentence: Span, consequence: str) -> bool:
    """"Take this as a warning that if Peru attacks, our missiles are ready": a warning
    or threat named by a noun whose clause says the consequence."""
    said = set(re.findall(r"\w+", consequence.lower()))
    for noun in sentence:
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in ("warning", "threat") \
                or in_relative(noun):
            continue
        for clause in noun.children:
            if clause.dep_ in ("acl", "relcl", "ccomp") and said <= {
                    t.lower_ for t in clause.subtree}:
                return True
    return False


def offered(doc: Doc, sentence: Span, condition: str, consequence: str) -> bool:
    """"Would cease fire and open talks if X withdrew", "if that fails, we will sit down and weigh
    your proposals": a consequence whose acts the event coder reads, every one, as cooperation
    (PLOVER's quad classes 1 and 2) and none withheld is an offer made on a condition, not a
    line; a cooperative act refused ("will not release the hostages unless") still is one, and
    a consequence in a threat's words ("would deliver a severe response", "would defend
    itself") is one whatever the coder made of its verb (a conditional act it may read as a
    promise); nor is an act kept up "until" the other acts ("will hold the accords in abeyance
    until X stops"), which presses whatever the act."""
    if THREAT_WORDS.search(consequence) or condition.lower().startswith("until "):
        return False
    where = _located(sentence, consequence)
    if where is None:
        return False
    first, last = where
    span = [t for t in sentence if first <= t.idx < last]
    if any(t.dep_ == "neg" or t.lower_ == "never" for t in span):
        return False  # a refusal the parse shows, though the coder missed it on a noun
    # "would cease fire and open talks": the verb the written consequence is coordinated with
    # is part of what is offered
    heads = {t.head.idx for t in span if t.dep_ == "conj" and t.head.idx < first}
    acts = [e for e in doc._.events if first <= e["trigger_start"] < last
            or e["trigger_start"] in heads]
    return bool(acts) and all(QUAD_NAMES.get(e["quad_code"]) in COOPERATION and not e["negated"]
                              for e in acts)


def demanded(sentence: Span, consequence: str, declarer: Entity) -> bool:
    """"If Moscow wants peace, it must stop its strikes": a consequence that tells another party
    what it must or should do, actively, is a demand, not what the declarer's side will do (not
    "we must answer", the speaker's own act, nor "they must be punished" or "it must pay a
    price", what the other would undergo)."""
    where = _located(sentence, consequence)
    if where is None:
        return False
    first, last = where
    for verb in sentence:
        if not first <= verb.idx < last or not any(
                c.dep_ == "aux" and c.lower_ in OBLIGATION for c in verb.children) \
                or _undergoes_threat(verb):
            continue
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or subject.dep_ == "nsubjpass" or subject.lower_ in FIRST_PERSON:
            return False
        entity = entity_at(subject.doc, subject.idx, subject.idx + len(subject.text))
        return entity is None or entity.code != declarer.code
    return False


def _located(sentence: Span, consequence: str) -> tuple[int, int] | None:
    """Where in the Doc's text the written consequence begins and ends (its words in order,
    whatever the space the parser's tokens left between them), or None."""
    words = consequence.split()
    if not words:
        return None
    found = re.search(r"\W*".join(re.escape(w) for w in words), sentence.text)
    if found is None:
        return None
    return sentence.start_char + found.start(), sentence.start_char + found.end()


def in_relative(word: Token) -> bool:
    """Whether a word is in a relative clause or one hung on a noun ("the movement that
    threatens", "a group threatening")."""
    return any(t.dep_ in ("relcl", "acl") for t in (word, *word.ancestors))


def foretold(sentence: Span, consequence: str, declarer: Entity) -> bool:
    """"Left alone, the regime could build a bomb," the premier said: what
    another party may do, said with "could/may/might", is a forecast, not a threat (a party that
    threatens names itself: "Russia could use ...", "we could sell ...", or what the other would
    undergo: "Lima would suffer grave consequences")."""
    for verb in sentence:
        if not any(c.dep_ == "aux" and c.lower_ in POSSIBILITY for c in verb.children) \
                or verb.text not in consequence or _undergoes_threat(verb):
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        other = subject is not None and subject.text in consequence and entity_at(
            subject.doc, subject.idx, subject.idx + len(subject.text))
        if other and len(other.code) == 3 and other.code != declarer.code:
            return True
    return False


def _undergoes_threat(verb: Token) -> bool:
    """"Lima would suffer grave consequences": what the other would undergo is a threat's words
    ("Russia could face a recession" is a forecast)."""
    return verb.lemma_ in UNDERGOING_VERBS and any(
        c.dep_ == "dobj" and THREAT_WORDS.search(written(list(c.subtree))) for c in verb.children)


def risk_told(doc: Doc, sentence: Span, consequence: str) -> bool:
    """"If the truce collapses, thousands more could be displaced, the UN warned": what a body of
    no state says may befall what is no party, with no threat in it, is a risk told, not a line
    ("the consequences could be dire" is a threat's word; a state's "the capital could be turned
    into ash" is its threat)."""
    if THREAT_WORDS.search(consequence):
        return False
    for verb in sentence:
        if verb.text not in consequence or not any(
                c.dep_ == "aux" and c.lower_ in POSSIBILITY for c in verb.children):
            continue
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and subject.pos_ != "PRON" and entity_at(
                doc, subject.idx, subject.idx + len(subject.text)) is None:
            return True
    return False
