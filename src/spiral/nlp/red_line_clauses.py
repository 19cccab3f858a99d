"""The words and clauses a red line is read from: a clause's verb and what it reports, the
condition clause a subordinator opens, whoever does what a verb says, whether a verb looks
ahead or keeps on, a step said of "any", and the words of a clause as written."""

from __future__ import annotations

import re

from spacy.tokens import Token

from spiral.nlp.quotes import SPEECH_VERBS
from spiral.nlp.red_line_lexicon import (
    CONDITION_MARKS,
    DECLARING_VERBS,
    EPISTEMIC,
    FUTURE_MODALS,
    LASTING_VERBS,
    NOT_CONDITIONING,
    NOT_KNOWN,
    WARNING_VERBS,
)


def doer_of(verb: Token) -> Token | None:
    """Whoever does or undergoes what a verb says: its subject, or that of the verb it completes
    or continues ("will exercise the right to hold ...", "are acting and will continue")."""
    while (subject := next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")),
                           None)) is None:
        above = _completed(verb) or (verb.head if verb.dep_ == "conj" else None)
        if above is None:
            return None
        verb = above
    return subject


def written(tokens: list[Token]) -> str:
    """The tokens as written, one space where the text had space or where tokens were left out."""
    tokens = sorted(tokens, key=lambda t: t.i)
    parts = []
    for previous, token in zip([None, *tokens], tokens):
        if previous is not None and (token.i > previous.i + 1 or previous.whitespace_):
            parts.append(" ")
        parts.append(token.text)
    return re.sub(r"^that ", "", " ".join("".join(parts).split()).strip(" ,;:"))


def future(verb: Token) -> bool:
    """A verb with "will", "would" or "shall" (or "'ll"), or one that shares it ("will watch
    every move and take countermeasures")."""
    if any(c.dep_ == "aux" and c.lower_ in FUTURE_MODALS | {"would"} for c in verb.children):
        return True
    return verb.dep_ == "conj" and verb.head.i < verb.i and verb.head.pos_ in ("VERB", "AUX") \
        and not any(c.dep_ in ("aux", "nsubj") for c in verb.children) and future(verb.head)


def told_as_done(verb: Token) -> bool:
    """Whether what follows a condition is told as what happened, not as what is to come: an act
    in the past ("once the ship docked, police seized its cargo": history) or a modal perfect ("if
    the shell had hit the tower, it could have killed dozens": what might have been). A verb of
    warning or saying in the past still reports a line drawn ("threatened sanctions if ..."), and
    a past in reported speech is the tense shifted back ("said all options were on the table if
    ...")."""
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ == "VBD" and not auxiliaries:
        return verb.lemma_ not in DECLARING_VERBS and verb.dep_ != "ccomp"
    # "will have sealed the border by Friday" is still to come
    return any(a.tag_ == "MD" and a.lower_ not in FUTURE_MODALS for a in auxiliaries) and any(
        a.lemma_ == "have" and a.tag_ == "VB" for a in auxiliaries)


def any_such(noun: Token) -> bool:
    """'any escalation', 'every threat': a kind of step, not one that was taken."""
    return any(d.dep_ == "det" and d.lower_ in ("any", "every") for d in noun.children)


def asked(verb: Token) -> bool:
    """"it is unclear if such a strike would bring a response", "asked whether Lima would answer":
    a clause opened by "whether", or by "if" as what a verb asks or as the clause "it is unclear"
    stands for, is a question; it sets no condition and states no line."""
    marks = {c.lower_ for c in verb.children if c.dep_ == "mark"}
    if "whether" in marks:
        return True
    return "if" in marks and (verb.dep_ in ("ccomp", "csubj") or verb.dep_ == "advcl" and any(
        c.dep_ == "acomp" and c.lower_ in NOT_KNOWN for c in verb.head.children))


def condition_clause(token: Token) -> list[Token] | None:
    """The tokens of a conditional clause headed by `token`: 'if/unless/once X' or the inverted
    'Should X', 'Were X', 'Had X'."""
    if token.dep_ in ("relcl", "ccomp"):
        # "would take all measures should the vessels return": the parser hangs the inverted
        # clause on the noun before it, or on the speech verb
        first = next(t for t in token.subtree if not (t.dep_ == "mark" and t.lower_ == "that"))
        # on the speech verb, only after what was said ("warned that X would Y, should Z") or
        # before what is said next ("warned that should Z, X would Y")
        after_said = token.dep_ == "relcl" or any(
            c.dep_ == "ccomp" and c.i < token.i for c in token.head.children) \
            or vowed_before(token) is not None
        if first.lower_ in ("should", "were", "had") and first.head.i == token.i \
                and (after_said or said_next(token) is not None) \
                and any(c.dep_ in ("nsubj", "nsubjpass") and first.i < c.i < token.i
                        for c in token.children):
            return [t for t in token.subtree if t.i != first.i]
        return None
    if token.dep_ not in ("pcomp", "advcl"):
        return None  # asked of every word: most head no clause, and need no list of children
    children = list(token.children)
    if token.dep_ == "pcomp" and any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS
                                     for c in children):
        # "will not sit idly by if X": the parser hangs the clause on the particle
        return list(token.subtree)
    if token.dep_ != "advcl":
        return None
    if token.lemma_ == "be" and any(c.dep_ == "acomp" and c.lower_ in EPISTEMIC
                                    for c in children):
        return None  # "if the allegation is true, it would mark ...": a fact unknown, no step
    if token.tag_ == "VBN" and token.lower_ in EPISTEMIC and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in children):
        return None  # "if confirmed by the agency, it would be ...": the same, told by a participle
    if any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS
           and not (c.i > 0 and c.nbor(-1).lower_ in NOT_CONDITIONING) for c in children):
        # "as if she were not allowed to speak" compares, "the war will go on even if a deal is
        # reached" concedes; neither sets a condition
        return list(token.subtree)
    if any(c.dep_ == "mark" and c.lower_ == "until" for c in children) \
            and keeps_on(token.head):
        # "will keep striking until the siege ends", "vowed to continue attacking ships until
        # the war ends" (the parser hangs the clause on the vow): while it does not, the threat
        # holds
        return list(token.subtree)
    if as_long_as(token) or any(
            c.dep_ == "advmod" and c.lower_ in CONDITION_MARKS and 0 < c.i < token.i
            and (c.nbor(-1).lower_ == "only" or _only_then(token.head)) for c in children):
        # "would end only when they lay down their arms", which the parser reads as an adverb,
        # or with "only" said of the act ("would only end when ...")
        return list(token.subtree)
    first = next(token.subtree)
    if first.i == token.i and token.lower_ in ("should", "were", "had") and any(
            c.dep_ == "nsubj" for c in children) and any(
            c.dep_ in ("advcl", "xcomp") and c.i > token.i for c in children):
        # "were Beijing to blockade the island, ...": the parser makes the inverted auxiliary
        # the clause's head, its subject and the act it introduces hung on it
        return [t for t in token.subtree if t.i != token.i]
    # "had Iran struck first, ...": the inverted clause has a subject of its own after the
    # auxiliary; "soldiers fighting there had not been in combat since May" is a main verb the
    # parser hung on the words before it
    if first.lower_ in ("should", "were", "had") and first.head.i == token.i and first.i < token.i \
            and any(c.dep_ in ("nsubj", "nsubjpass", "expl") and first.i < c.i < token.i
                    for c in children):
        return [t for t in token.subtree if t.i != first.i]
    return None


def _only_then(verb: Token) -> bool:
    """"the raids would only stop when the siege is lifted": "only" said of the act a clause
    hangs from limits it to the time the clause names, a condition."""
    return any(c.dep_ == "advmod" and c.lower_ == "only" and c.i < verb.i for c in verb.children)


def said_next(token: Token) -> Token | None:
    """"warned that should Iran escalate, Israel would respond": the parser hangs the inverted
    condition and what follows it side by side on the speech verb; the clause said after it."""
    if token.dep_ != "ccomp" or token.head.lemma_ not in SPEECH_VERBS:
        return None
    return next((c for c in token.head.children if c.dep_ == "ccomp" and c.i > token.i), None)


def vowed_before(token: Token) -> Token | None:
    """"threatened to impose border closures should the junta fail to heed it", "announced its
    readiness to resume raids should X strike": the parser hangs the inverted condition on the
    verb of threatening or declaring, after the act threatened or declared (an infinitive of
    the verb or of its object); that act."""
    if token.dep_ != "ccomp" or token.head.lemma_ not in WARNING_VERBS | DECLARING_VERBS:
        return None
    return next((c for c in token.head.children if c.dep_ == "xcomp" and c.i < token.i
                 and token.head.lemma_ in WARNING_VERBS), None) or next(
        (a for c in token.head.children if c.dep_ == "dobj" and c.i < token.i
         for a in c.children if a.dep_ == "acl" and any(
             x.dep_ == "aux" and x.tag_ == "TO" for x in a.children)), None)


def keeps_on(verb: Token) -> bool:
    """Whether an act is said as still to come or to go on: with a future ("would keep"), as
    "keep"/"continue", or a vow to keep on, wherever in the chain of infinitives the parser hung
    a clause on it ("vowed to keep striking ... until", on "vowed" or on "striking"; "will
    exercise the right to hold the accords ... until")."""
    while True:
        if future(verb) or verb.lemma_ in LASTING_VERBS or verb.lemma_ in WARNING_VERBS and any(
                c.dep_ == "xcomp" and c.lemma_ in LASTING_VERBS for c in verb.children):
            return True
        completed = _completed(verb)
        if completed is None:
            return False
        verb = completed


def _completed(verb: Token) -> Token | None:
    """The verb an infinitive completes: "vowed to keep", "will exercise the right to hold"."""
    if verb.dep_ == "xcomp" and verb.head.i != verb.i:
        return verb.head
    if verb.dep_ == "acl" and verb.head.dep_ == "dobj" and any(
            c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children):
        return verb.head.head
    return None


def as_long_as(token: Token) -> bool:
    """"will step up our raids for as long as the siege lasts": the clause the parser hangs
    from "long" is a condition that, while it holds, keeps the consequence coming."""
    return token.head.lower_ == "long" and any(c.dep_ == "mark" and c.lower_ == "as"
                                               for c in token.children)


def names_party(words: list[Token]) -> bool:
    """Whether some words name a party ("Chinese support for ...", "Greek militarisation")."""
    if not words:
        return False
    mentions = words[0].doc._.actor_mentions
    return any(start <= t.idx < end for t in words for start, end, _ in mentions)


def clause_around(token: Token, step: Token) -> list[Token]:
    """The clause `token` belongs to (or the clause it reports), without the `step` phrase:
    what happens if the step is taken."""
    clause = clause_of(token)
    taken = {t.i for t in step.subtree}
    return [t for t in reported(clause).subtree if t.i not in taken
            and t.dep_ != "punct" and not is_mark(t, clause)]


def clause_of(token: Token) -> Token:
    """The verb heading the clause a token belongs to."""
    while token.dep_ not in ("ROOT", "ccomp", "conj", "advcl", "parataxis", "relcl", "xcomp") \
            and token.head.i != token.i:
        token = token.head
    return token


def reported(clause: Token) -> Token:
    """A speech verb's reported clause ('warned that X'); the clause itself otherwise."""
    if clause.lemma_ in SPEECH_VERBS:
        for child in clause.children:
            if child.dep_ == "ccomp":
                return child
    return clause


def is_mark(token: Token, clause: Token) -> bool:
    return token.dep_ == "mark" and token.head.i == clause.i
