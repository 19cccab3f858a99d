"""The rules for a party's own act claimed as a right, with no bound or without hesitation ("keeps
the right to take any measures to defend its interests", "would not hesitate to use force to stop
the annexation"), a line drawn against the step it answers."""

from __future__ import annotations

from spacy.tokens import Token

from spiral.nlp.red_line_clauses import any_such, clause_of, future, is_mark, written
from spiral.nlp.red_line_lexicon import (
    ACTION_NOUNS,
    COUNTER_VERBS,
    DEFENDING_VERBS,
    FUTURE_AUX,
    MODALS,
    READY,
    RESPONSE_VERBS,
    RIGHT_HOLDING_VERBS,
    STOPPING_VERBS,
    UNBOUNDED,
)


def act_in_defence(verb: Token) -> list[tuple[str, str]]:
    """"Lima keeps the right to take any measures to defend its interests", "has the right to
    take measures in the face of such acts", "we can do anything to keep it", "would not
    hesitate to use force to stop the annexation": a party's own act, claimed as a right, with no
    bound or without hesitation, is a line drawn against the step it answers."""
    act = _claimed_act(verb)
    answered = _answered_step(act) if act is not None else None
    if answered is None:
        return []
    step, taken = answered
    # what is done: the clause of the right, of readiness, of the act or of the vow not to hesitate
    clause = clause_of(verb.head if verb.dep_ in ("acl", "xcomp") else verb)
    return [(step, written([t for t in clause.subtree if t.i not in taken and not t.is_punct
                          and not is_mark(t, clause)]))]


def _claimed_act(verb: Token) -> Token | None:
    """The act a party claims as a right ("has the right to take measures"), with no bound ("can
    do anything"), as one it would not hesitate to take ("would not hesitate to use force"), or an
    act that counters, promised or readied ("will crush", "ready to thwart")."""
    if _right_to_act(verb) or _unbounded_act(verb) or verb.lemma_ in COUNTER_VERBS and (
            future(verb) or verb.dep_ == "xcomp" and verb.head.lower_ in READY):
        return verb
    if verb.lemma_ == "hesitate" and future(verb) and any(c.dep_ == "neg"
                                                           for c in verb.children):
        return next((c for c in verb.children if c.dep_ == "xcomp"), None)
    return None


def _answered_step(act: Token) -> tuple[str, set[int]] | None:
    """The step an act answers, and the words that tell it: any such step it acts on ("will
    crush any incursion"), what the act is to stop ("to stop
    the annexation"), any such step it is against ("against any threat"), what it faces ("in the
    face of / in response to such acts"), or a threat to what it defends ("to defend its
    interests"; "to defend itself" names none)."""
    countered = next((o for o in act.children if o.dep_ == "dobj" and any_such(o)), None)
    if countered is not None:
        return written(list(countered.subtree)), {t.i for t in countered.subtree}
    stopped = next((p for p in act.children if p.dep_ in ("xcomp", "advcl")
                    and p.lemma_ in STOPPING_VERBS and any(o.dep_ == "dobj" for o in p.children)),
                   None)
    if stopped is not None:
        step = next(o for o in stopped.children if o.dep_ == "dobj")
        return written(list(step.subtree)), {t.i for t in stopped.subtree}
    against = next((p for p in act.children if p.dep_ == "prep" and p.lower_ == "against"
                    and any(o.dep_ == "pobj" and any_such(o) for o in p.children)), None)
    if against is not None:
        step = next(o for o in against.children if o.dep_ == "pobj")
        return written(list(step.subtree)), {t.i for t in against.subtree}
    faced = next((o for t in act.sent if t.lower_ == "of" and t.head.lower_ == "face"
                  and t.head.head.lower_ == "in" or t.lower_ == "to"
                  and t.head.lower_ == "response" and t.head.head.lower_ == "in"
                  for o in t.children if o.dep_ == "pobj"), None)
    if faced is not None:
        return written(list(faced.subtree)), {t.i for t in faced.head.head.head.subtree}
    defended = next((o for t in act.sent if t.lemma_ in DEFENDING_VERBS and t.i > act.i
                     and any(a.lower_ == "to" and a.dep_ == "aux" for a in t.children)
                     for o in t.children if o.dep_ == "dobj"
                     and not o.lower_.endswith(("self", "selves"))), None)
    if defended is not None:
        return f"a threat to {written(list(defended.subtree))}", set()
    return None


def _right_to_act(verb: Token) -> bool:
    """"has the right to take measures", "reserves the right to respond": an act claimed as a
    right by whoever has it (not one denied: "has no right to respond")."""
    right = verb.head
    if verb.dep_ != "acl" or right.lemma_ != "right" or right.dep_ != "dobj" \
            or right.head.lemma_ not in RIGHT_HOLDING_VERBS \
            or any(c.dep_ in ("neg", "det") and c.lower_ in ("no", "not") for c in (
                *right.children, *right.head.children)):
        return False
    return verb.lemma_ in RESPONSE_VERBS or any(
        c.dep_ == "dobj" and c.lemma_.lower() in ACTION_NOUNS for c in verb.children)


def _unbounded_act(verb: Token) -> bool:
    """"we can do anything to keep it", "will do whatever it takes": an act with no bound,
    said as what a party can or will do."""
    return verb.lemma_ == "do" and any(c.dep_ == "dobj" and c.lower_ in UNBOUNDED
                                       for c in verb.children) \
        and any(c.dep_ == "aux" and c.lower_ in MODALS | FUTURE_AUX for c in verb.children)
