"""Who draws a red line: the party a sentence reports declaring it, the first of several
named, onlookers who draw none, the parties a line is drawn for, and the declarer's own act
withheld on what the other side does."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from spiral.nlp.actors import STATE_SECTORS, entity_at
from spiral.nlp.red_line_clauses import clause_of, condition_clause, doer_of, keeps_on, written
from spiral.nlp.red_line_lexicon import (
    DECLARING_VERBS,
    ONLOOKING_SECTORS,
    OWN_PRONOUNS,
    OWNING_PRONOUNS,
    THREAT_WORDS,
)
from spiral.nlp.speakers import resolve
from spiral.records import Entity


def own_act_on_condition(doc: Doc, sentence: Span, declarer: Entity) -> bool:
    """"Ruvia would keep the crossing shut until its neighbour acts", "we will not release any more
    hostages unless Israel halts its strikes", "if this happens, we will take decisions Seoul will
    not like": a party's own act, said as what it will do, keep doing or withhold if, unless or
    until the other side acts, is a line whatever the act (its doer is the party itself, a
    pronoun or a name of its country; the condition's subject is another party, or a step told
    before or a state of things when the act bears on another: "our troops would not stay
    there if the cost grew too high", "would halt its mediation between them if no deal is
    reached"; "until inflation eases" bears on no one, "will keep up its mediation until a deal
    is reached" keeps up nothing hostile, and "if we leave the pact" is the party's own step)."""
    for token in sentence:
        if condition_clause(token) is None:
            continue
        act = token.head
        doer = doer_of(act)
        if doer is None or not keeps_on(act) or not _own_doing(doc, doer, declarer):
            continue
        # what the other side does ("until Benin acts"); else a step told before or a state of
        # things ("if this happens", "if the cost is too high") when the act bears on another,
        # kept up until then only when it is hostile ("will keep up its mediation between Lima
        # and Quito until a deal is reached" draws none); not the party's own step ("if Lima
        # switches recognition, it would leave Quito ...")
        stepper = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if stepper is None or _own(doc, stepper, declarer):
            continue
        if _names_other(doc, [stepper], declarer):
            return True
        clause = list(clause_of(act).subtree)
        kept_up = any(c.dep_ == "mark" and c.lower_ == "until" for c in token.children)
        if _names_other(doc, clause, declarer) and (
                not kept_up or THREAT_WORDS.search(written(clause))):
            return True
    return False


def _own(doc: Doc, word: Token, declarer: Entity) -> bool:
    """Whether a subject is the declarer's side: a name of its country, or a pronoun resolved to
    no one else ("unless they withdraw" said of the other side is theirs)."""
    entity = entity_at(doc, word.idx, word.idx + len(word.text))
    return entity.code == declarer.code if entity is not None else word.lower_ in OWN_PRONOUNS


def _own_doing(doc: Doc, word: Token, declarer: Entity) -> bool:
    """Whether the doer of an act is the declarer's side, or an act of that side named by a
    noun or a gerund: "our raids", "the group's shelling of the border" (its possessor is the
    side, a name of its country or a possessive pronoun, through any nouns between)."""
    while not _own(doc, word, declarer):
        owner = next((c for c in word.children if c.dep_ == "poss"), None)
        if owner is None:
            return False
        if owner.lower_ in OWNING_PRONOUNS:
            return True
        word = owner
    return True


def _names_other(doc: Doc, words: list[Token], declarer: Entity) -> bool:
    """Whether some words name a party other than the declarer's ("New Delhi", "its")."""
    return any(first <= t.idx < last and (entity := entity_at(doc, first, last)) is not None
               and entity.code and entity.code != declarer.code
               for first, last, _ in doc._.actor_mentions for t in words)


def declared_within(doc: Doc, sentence: Span, consequence: str) -> Entity | None:
    """Who a sentence reports as declaring the line inside what it tells: the subject of the
    innermost verb of saying, warning or delivering under which the consequence is said, when
    that verb is not the sentence's own ("officials said Sullivan issued a warning about ...",
    "the row began when the minister said any ... would ...", "he said, promising to
    destroy ..."); None when there is none, or it resolves to no country or body (the
    statement's holder then answers)."""
    subject = _inner_sayer(sentence, consequence)
    if subject is None:
        return None
    entity = entity_at(doc, subject.idx, subject.idx + len(subject.text)) or _resolved(
        doc, subject)[0]
    return entity if entity is not None and entity.code and not onlooker(entity) else None


def told_by_unnamed(doc: Doc, sentence: Span, consequence: str) -> bool:
    """"The ministry has said nothing, but experts say Lima might hit back if ...": a line
    inside what unnamed people of no party say (experts, analysts) is theirs to tell, not the
    line of a party the sentence names elsewhere."""
    subject = _inner_sayer(sentence, consequence)
    if subject is None or entity_at(doc, subject.idx, subject.idx + len(subject.text)):
        return False
    speaker, anonymous = _resolved(doc, subject)
    return speaker is None and anonymous


def _resolved(doc: Doc, subject: Token) -> tuple[Entity | None, bool]:
    """The speaker resolver's reading of a subject, without the clauses hung on it."""
    return resolve(doc, [t for t in subject.subtree
                         if t.dep_ not in ("relcl", "acl") or t.i == subject.i])


def _inner_sayer(sentence: Span, consequence: str) -> Token | None:
    """The subject of the innermost verb of saying, warning or delivering under which the
    consequence is said, when that verb is not the sentence's own."""
    words = set(re.findall(r"\w+", consequence.lower()))
    said = [t.i for t in sentence if t.lower_ in words]
    best = None
    for verb in sentence:
        if verb.lemma_ not in DECLARING_VERBS or verb.lower_ in words or not said:
            continue
        covered = {t.i for t in verb.subtree}
        if sum(i in covered for i in said) >= 0.8 * len(said) and (
                best is None or len(covered) < len(list(best.subtree))):
            best = verb
    if best is None or best.dep_ == "ROOT" or any(c.dep_ == "auxpass" for c in best.children):
        return None  # "was given 72 hours to leave": who is given it declares nothing
    # "he said, promising to destroy ...": a verb with no subject of its own is its head's
    while not any(c.dep_ == "nsubj" for c in best.children) \
            and best.dep_ in ("xcomp", "advcl", "conj") and best.head.i != best.i:
        best = best.head
    return next((c for c in best.children if c.dep_ == "nsubj"), None)


def onlooker(declarer: Entity) -> bool:
    """The press, analysts, aid groups, companies and bystanders, named or not ("analysts
    said", "Yonhap said"): they tell of lines and risks, and draw none."""
    return declarer.sector in ONLOOKING_SECTORS or (
        declarer.role == "anonymous source" and declarer.sector not in STATE_SECTORS)


def first_named(doc: Doc, sentence: Span, joint: Entity) -> Entity | None:
    """"Britain, France and Germany said they would ...": a line drawn jointly is held by the
    first state named (one line, as the annotators code it)."""
    at = sentence.text.find(joint.entity_text)
    if at < 0:
        return None
    start = sentence.start_char + at
    for first, last, _ in doc._.actor_mentions:
        if start <= first and last <= start + len(joint.entity_text):
            entity = entity_at(doc, first, last)
            if entity is not None and len(entity.code) == 3:
                return entity
    return None


def passive_unquoted(doc: Doc, sentence: Span) -> bool:
    """"Iran will be held responsible for any damage" with no one quoted saying it: the
    subject is who the line is drawn for, not who draws it."""
    return any(c.dep_ == "nsubjpass" for c in sentence.root.children) and not any(
        q["start"] < sentence.end_char and sentence.start_char < q["end"] and q["speaker"]
        for q in doc._.quotes)


def actors_named(doc: Doc, sentence: Span, text: str, declarer: str) -> list[Entity]:
    found = []
    for start, end, index in doc._.actor_mentions:
        if sentence.start_char <= start < sentence.end_char and \
                sentence.text[start - sentence.start_char:end - sentence.start_char] in text:
            entity = entity_at(doc, start, end)
            if entity and entity.code and entity.code != declarer and all(
                    entity.code != f.code for f in found):
                found.append(entity)
    return found
