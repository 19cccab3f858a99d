"""The shapes of warnings and ultimatums read at one word for a condition and a consequence: a
demand "or else", "the moment X", "will not be tolerated", action "against" a step, the targets
a strike is vowed at ("any ship that X"), and a deadline."""

from __future__ import annotations

from spacy.tokens import Token

from spiral.nlp.red_line_clauses import any_such, clause_around, future, is_mark, written
from spiral.nlp.red_line_lemma_rules import expulsion
from spiral.nlp.red_line_lexicon import (
    ACTION_NOUNS,
    ANYONE,
    CONDITION_TIMES,
    DEMAND_CLAUSES,
    DEMAND_VERBS,
    NOT_TOLERATED,
    OBLIGING,
    PRONOUN,
    TARGET_DETERMINERS,
    TARGETING_VERBS,
    TIME_UNITS,
    WARNING_VERBS,
)


def demand_or_else(act: Token) -> list[tuple[str, str]]:
    """"Withdraw your ships, otherwise we will remove them", "X must lift its veto; otherwise
    the bloc will freeze ...", "pay the debt or else we will seize the port": a demand (an
    imperative, or "must / should / has to") joined to what is to come by "otherwise" or "or"
    is an ultimatum, the demand not met its condition; "cross this line and you will regret it":
    an imperative joined by "and" is the step itself. The parser hangs the demand on the act,
    the act on the demand, or both on the speech verb; what joins them lies between."""
    if act.pos_ not in ("VERB", "AUX") or not future(act):
        return []
    candidates = [c for c in act.children if c.i < act.i and c.dep_ in DEMAND_CLAUSES]
    if act.dep_ in DEMAND_CLAUSES and act.head.i < act.i:
        candidates.append(act.head)
    if act.dep_ in ("ccomp", "conj", "parataxis") and act.head.i != act.i:
        candidates += [c for c in act.head.children if c.i < act.i and c.i != act.i
                       and c.dep_ in ("ccomp", "conj", "parataxis")]
    for demand in sorted(candidates, key=lambda t: -t.i):
        imperative = demand.tag_ == "VB" and not any(
            c.dep_ in ("nsubj", "nsubjpass", "aux", "mark") for c in demand.children) \
            and demand.i == next(t for t in demand.subtree if not t.is_punct).i
        obliged = any(c.dep_ == "aux" and c.lower_ in OBLIGING for c in demand.children)
        if not (imperative or obliged):
            continue
        taken = {t.i for t in demand.subtree} if demand.i != act.head.i \
            else {t.i for t in demand.subtree} - {t.i for t in act.subtree}
        between = [t.lower_ for t in act.doc[max(taken) + 1:act.left_edge.i + 1]] \
            + [t.lower_ for t in act.children if t.i < act.i and t.dep_ in ("advmod", "cc")] \
            + [t.lower_ for t in demand.children if t.dep_ in ("cc", "conj") and t.i > demand.i]
        step = written([t for t in act.doc if t.i in taken and not t.is_punct
                        and t.lower_ not in ("or", "else", "and", "otherwise")])
        consequence = written([t for t in act.subtree if t.i not in taken and not t.is_punct
                               and t.lower_ not in ("otherwise", "else") and not is_mark(t, act)])
        if "otherwise" in between or "or" in between:
            return [(f"not {step}", consequence)]
        if "and" in between and imperative:
            return [(step, consequence)]
    return []


def moment_when(clause: Token) -> list[tuple[str, str]]:
    """"The moment when a plane crosses the line again, our guns will open fire": what happens
    at the time the future is said of is the condition."""
    time = clause.head
    if clause.dep_ != "relcl" or time.lemma_ not in CONDITION_TIMES \
            or time.dep_ != "npadvmod" or not future(time.head):
        return []
    condition = [t for t in clause.subtree if not (t.lower_ in ("when", "that")
                                                    and t.head.i == clause.i)]
    return [(written(condition), written(clause_around(time.head, time)))]


def _vowed(verb: Token) -> bool:
    """"promising to destroy any checkpoint", "threatened to strike any ship": an infinitive
    vowed, threatened or warned of is what the speaker says will be done."""
    return verb.dep_ == "xcomp" and verb.head.lemma_ in WARNING_VERBS


def not_tolerated(verb: Token) -> list[tuple[str, str]]:
    """"A blockade of the strait will not be tolerated", "X may never be rebuilt":
    the subject (with what it may not do) is the step, the refusal the consequence."""
    if verb.lemma_ not in NOT_TOLERATED:
        return []  # asked of every word: most need no list of children
    children = list(verb.children)
    if not any(c.dep_ == "neg" for c in children) \
            or not any(c.dep_ == "auxpass" for c in children) or not (
                future(verb) or any(c.lower_ in ("can", "cannot") for c in children)):
        return []
    subject = next((c for c in children if c.dep_ == "nsubjpass"), None)
    if subject is None or PRONOUN.match(subject.text):
        return []
    step = list(subject.subtree) + [t for c in children if c.dep_ == "xcomp"
                                    for t in c.subtree]
    refusal = [c for c in children if c.dep_ in ("aux", "auxpass", "neg")] + [verb]
    return [(written(step), written(refusal))]


def action_against(verb: Token) -> list[tuple[str, str]]:
    """"warned his government would take firm action against further attacks": under a warning,
    the step the threatened action is against is the condition."""
    # asked of every word: the objects first, as few words have an action for one, then the tense
    nouns = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in ACTION_NOUNS]
    if not nouns or not future(verb):
        return []
    warned = any(a.lemma_ in WARNING_VERBS for a in verb.ancestors)
    for noun in nouns:
        against = [t for c in (*noun.children, *verb.children) if c.lower_ == "against"
                   for t in c.children if t.dep_ == "pobj"]
        # under a warning, or against any step at all ("all necessary measures against any
        # foreign interference")
        if against and (warned or any_such(against[0])):
            taken = {t.i for t in against[0].subtree} | {against[0].head.i}
            consequence = [t for t in verb.subtree if t.i not in taken and not t.is_punct
                           and t.dep_ != "mark"]
            return [(written(list(against[0].subtree)), written(consequence))]
    return []


def targets(verb: Token) -> list[tuple[str, str]]:
    """"would strike every tanker heading to Ruvia", "will shoot down any drone that enters its
    airspace", "will strike anyone trafficking in those waters": the qualified class of targets
    is the condition."""
    if verb.lemma_ not in TARGETING_VERBS or not (future(verb) or _vowed(verb)):
        return []
    passive = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if passive is not None and (any(c.dep_ in ("acl", "relcl") for c in passive.children)
                                or any(c.dep_ == "det" and c.lower_ in TARGET_DETERMINERS
                                       for c in passive.children)):
        # "ships linked to Israel would be targeted"
        condition = [t for t in passive.subtree
                     if not (t.dep_ == "det" and t.head.i == passive.i)]
        return [(written(condition), written([c for c in verb.children if c.dep_ in (
            "aux", "auxpass", "neg", "prt")] + [verb]))]
    target = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if target is None:
        return []
    if not (target.lower_ in ANYONE or any(c.dep_ == "det" and c.lower_ in TARGET_DETERMINERS
                                           for c in target.children)):
        return []
    # "anyone “trafficking in ...”": a quotation mark makes the parser hang the qualifier on
    # the verb, as a clause said, right after the pronoun
    qualifier = next((c for c in target.children if c.dep_ in ("acl", "relcl")), None) or next(
        (c for c in verb.children if target.lower_ in ANYONE and c.dep_ == "ccomp"
         and c.left_edge.i <= target.i + 2 and c.i > target.i), None)
    if qualifier is None:
        return []
    words = {t.i: t for t in (*target.subtree, *qualifier.subtree)}.values()
    condition = [t for t in words if not (t.dep_ == "det" and t.head.i == target.i)
                 and not t.is_quote]
    taken = {t.i for t in condition} | {t.i for t in target.subtree}
    consequence = [t for t in verb.subtree if t.i not in taken and not t.is_punct
                   and t.dep_ != "mark"] + [target]
    return [(written(condition), written(consequence))]


def deadline(noun: Token) -> list[tuple[str, str]]:
    """"companies would have three months to leave", "has 48 hours to withdraw": a time given
    to do what is demanded; not doing it in time is the condition."""
    # "gave Hezbollah until the end of the month to pull back": a time given by its end
    if noun.lower_ == "until" and noun.head.lemma_ == "give":
        return _given_until(noun)
    # "gave the troops 24 hours to leave": the parser takes the time for an adverb as often
    if noun.lower_ not in TIME_UNITS or noun.dep_ not in ("dobj", "npadvmod") \
            or noun.head.lemma_ not in ("have", "give") \
            or not any(c.dep_ == "nummod" for c in noun.children):
        return []
    demand = next((c for c in (*noun.children, *noun.head.children)
                   if c.dep_ in ("relcl", "acl", "xcomp", "advcl") and c.lemma_ in DEMAND_VERBS),
                  None)
    if demand is None:
        return []
    # who has the time: the subject of "have", whom it is given to with "give"
    subject = next((c for c in noun.head.children if c.dep_ == (
        "nsubj" if noun.head.lemma_ == "have" else "dative")), None)
    if expulsion(noun.head, subject, demand):
        return []
    who = written(list(subject.subtree)) + " " if subject is not None else ""
    time = written([t for t in noun.subtree if t.i < (demand.i if demand.i > noun.i else noun.i + 1)
                  and t.dep_ != "aux"])
    condition = f"{who}not {written([t for t in demand.subtree if t.lower_ != 'to'])} within {time}"
    return [(condition, f"deadline of {time}")]


def _given_until(until: Token) -> list[tuple[str, str]]:
    """"gave Hezbollah until the end of the month to pull its fighters back": not doing what is
    demanded by then is the step; the time given is the line."""
    verb = until.head
    # the parser hangs what is demanded on the verb or on the time given
    demand = next((c for c in (*verb.children, *until.subtree)
                   if c.dep_ in ("xcomp", "advcl", "acl", "relcl") and c.lemma_ in DEMAND_VERBS),
                  None)
    whom = next((c for c in verb.children if c.dep_ in ("dative", "dobj") and c.i < until.i),
                None)
    if demand is None or whom is None or expulsion(verb, whom, demand):
        return []
    demanded = {t.i for t in demand.subtree}
    time = written([t for t in until.subtree if t.i not in demanded])
    act = written([t for t in demand.subtree if not (t.lower_ == "to" and t.head.i == demand.i)])
    return [(f"{written(list(whom.subtree))} not {act} ({time})", f"deadline {time}")]

