"""The rules that read a word of a few lemmas for a condition and a consequence ("will be held
responsible for any X", "X means war", ultimatums, "until"), and the table by lemma of all such
rules, with those of the steps warned against or refused (red_line_warned_steps) and of a
party's own act claimed as a right (red_line_claimed_acts)."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from spiral.nlp.actors import entity_at
from spiral.nlp.event_lexicon import TIME_WORDS
from spiral.nlp.red_line_claimed_acts import act_in_defence
from spiral.nlp.red_line_clauses import (
    any_such,
    clause_around,
    doer_of,
    future,
    keeps_on,
    written,
)
from spiral.nlp.red_line_lexicon import (
    ANSWERABLE,
    COUNTER_VERBS,
    DEFENDING_ACTS,
    DEMAND_VERBS,
    ENABLERS,
    ENDING_VERBS,
    EXPELLED,
    LEAVING_VERBS,
    LINE_STATING_VERBS,
    LINE_TOPICS,
    MODALS,
    NAMING_VERBS,
    NOT_ALLOWED,
    ORDER_VERBS,
    OWNING_PRONOUNS,
    PRONOUN,
    PUNISHING_VERBS,
    REGARD_VERBS,
    RELATIVES,
    RESPONSE_VERBS,
    SEASONS,
    TIME_UNITS,
    ULTIMATUM_VERBS,
    WAR_MEANING_VERBS,
    WAR_WORDS,
)
from spiral.nlp.red_line_warned_steps import (
    not_allowed,
    warned_against,
    warned_not_to,
    warned_of,
    warning_of,
)


def _ordered_within(verb: Token) -> list[tuple[str, str]]:
    """"told the envoy to quit the capital within 3 days": not doing what is demanded
    in the time given is the step; the deadline is the line."""
    ordered = next((c for c in verb.children if c.dep_ in ("dobj", "dative")), None)
    act = next((c for c in verb.children if c.dep_ in ("xcomp", "ccomp")
                and c.lemma_ in DEMAND_VERBS), None)
    if ordered is None or act is None or _told_before(verb) or expulsion(verb, ordered, act):
        return []
    time = next((o for p in act.children if p.dep_ == "prep" and p.lower_ == "within"
                 for o in p.children if o.dep_ == "pobj" and o.lower_ in TIME_UNITS
                 and any(c.dep_ == "nummod" for c in o.children)), None)
    if time is None:
        return []
    # what the act is, without when it is due ("within 48 hours", "on Friday")
    due = {t.i for p in act.children if p.dep_ == "prep" and p.i >= time.head.i
           for t in p.subtree}
    demand = [t for t in act.subtree if t.i not in due and t.lower_ != "to"]
    period = written(list(time.subtree))
    return [(f"{written(list(ordered.subtree))} not {written(demand)} within {period}",
             f"deadline of {period}")]


def expulsion(verb: Token, whom: Token | None, demand: Token) -> bool:
    """"gave the ambassador 72 hours to leave", "expelled a diplomat, asking him to leave within
    five days": a time for an envoy or a mission to leave is the term of an expulsion, an act
    done, not a line drawn ("gave the militia 48 hours to leave the town" is one)."""
    if demand.lemma_ not in LEAVING_VERBS:
        return False
    # whom the time or the order is given (the parser takes one for the other object as often),
    # or who "was given" it ("were named unwelcome and given two days": the passive the two
    # verbs share)
    given = doer_of(verb) if _passive(verb) else None
    objects = [c for c in verb.children if c.dep_ in ("dative", "dobj") and c.i < demand.i
               and c.lower_ not in TIME_UNITS]
    leaving = [t for c in {whom, given, *objects} if c is not None for t in c.subtree]
    if any(t.lemma_.lower() in EXPELLED or t.lower_.rstrip("s") in EXPELLED for t in leaving):
        return True
    # "expelled a diplomat, asking him to leave": a pronoun stands for whom the verb above expels
    return bool(leaving) and all(t.pos_ == "PRON" for t in leaving) \
        and any(t.lemma_ == "expel" for t in verb.ancestors)


def _passive(verb: Token) -> bool:
    """Whether a verb is passive, or shares the passive of the verb it is coordinated with
    ("were expelled and given ...")."""
    return any(c.dep_ == "auxpass" for c in verb.children) or verb.dep_ == "conj" and any(
        c.dep_ == "auxpass" for c in verb.head.children)


def _told_before(verb: Token) -> bool:
    """"the measure came after Algeria ordered 12 officials to leave within 48 hours": an order
    told as what came before the news is background, not a line drawn in it."""
    return verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("after", "since")
                                        for c in verb.children)


def _held_responsible(verb: Token) -> list[tuple[str, str]]:
    """"Ruvia will be held to account for any damage", "we will hold them accountable for
    every attack": what they are to answer for is the step."""
    if not future(verb):
        return []
    answerable = next((c for c in verb.children if c.lower_ in ANSWERABLE), None)
    if answerable is None:
        return []
    # "for any damage", or a clause: "for what will unfold"
    steps = [t for c in (*answerable.children, *verb.children) if c.lower_ == "for"
             for t in c.children if t.dep_ in ("pobj", "pcomp")]
    if not steps or PRONOUN.match(steps[0].text):
        return []
    taken = {t.i for t in steps[0].subtree} | {steps[0].head.i}
    consequence = [t for t in verb.subtree if t.i not in taken and not t.is_punct]
    return [(written(list(steps[0].subtree)), written(consequence))]


def _bear_responsibility(verb: Token) -> list[tuple[str, str]]:
    """"Azerbaijan would bear full responsibility for any escalation": any such step is the
    condition, as with "will be held responsible for any"."""
    if not future(verb) or not any(c.dep_ == "dobj" and c.lemma_ == "responsibility"
                                    for c in verb.children):
        return []
    steps = [t for c in verb.subtree if c.lower_ == "for" for t in c.children if t.dep_ == "pobj"
             and any_such(t)]
    if not steps:
        return []
    taken = {t.i for t in steps[0].subtree} | {steps[0].head.i}
    consequence = [t for t in verb.subtree if t.i not in taken and not t.is_punct
                   and t.dep_ != "mark"]
    return [(written(list(steps[0].subtree)), written(consequence))]


def _punished_doer(verb: Token) -> list[tuple[str, str]]:
    """"The hand that reaches into our waters will be cut off": whatever does what the relative
    clause says, in the present, is the step; the punishment promised it the line."""
    children = list(verb.children)
    if verb.tag_ != "VBN" or not any(c.dep_ == "auxpass" for c in children) or not any(
            c.dep_ == "aux" and c.lower_ in ("will", "would", "shall", "must") for c in children):
        return []
    subject = next((c for c in children if c.dep_ == "nsubjpass"), None)
    if subject is not None and subject.lemma_.lower() in ENABLERS:
        return []  # "those who play with fire will get burned" is read with the enablers
    doing = next((c for c in subject.children if c.dep_ == "relcl" and c.tag_ in ("VBZ", "VBP")
                  and any(t.lower_ in RELATIVES and t.dep_ in ("nsubj", "nsubjpass")
                          for t in c.children)), None) if subject is not None else None
    if doing is None:
        return []
    step = [t for t in subject.subtree if not (t.dep_ == "det" and t.head.i == subject.i)]
    punishment = [c for c in children if c.dep_ in ("aux", "auxpass", "neg", "prt")] + [verb]
    return [(written(step), written(punishment))]


def _away_with(verb: Token) -> list[tuple[str, str]]:
    """"You cannot attack our troops and get away with it": the acts coordinated before it are
    the step."""
    if not any(c.lower_ == "away" for c in verb.children) \
            or verb.dep_ != "conj":
        return []
    act = verb.head
    while act.dep_ == "conj" and act.head.i < act.i:
        act = act.head
    if not any(c.dep_ == "neg" or c.lower_ == "cannot"
               or c.dep_ == "nsubj" and c.lower_ in ("nobody", "none", "noone")
               for c in act.children):
        return []
    step = [t for t in verb.doc[act.i:verb.i] if not (t.dep_ == "cc" and t.head.i != act.i
                                                      and t.i == verb.i - 1)]
    refusal = [c for c in act.children if c.dep_ in ("aux", "neg") and c.i < act.i]
    return [(written(step).removesuffix(" and"), written(refusal + list(verb.subtree)))]


def _only_if(verb: Token) -> list[tuple[str, str]]:
    """"Only an end to the war will stop the attacks": without that step, what it would stop
    goes on."""
    if not future(verb):
        return []
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    stopped = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if subject is None or stopped is None \
            or not any(c.lower_ == "only" for c in subject.children):
        return []
    step = [t for t in subject.subtree if t.lower_ != "only"]
    return [(f"not {written(step)}", f"{written(list(stopped.subtree))} go on")]


def _ultimatum(noun: Token) -> list[tuple[str, str]]:
    """"gave the rebels a 24-hour ultimatum to disarm", "after setting a 10-day ultimatum to
    the troops to lay down their arms": not doing what the ultimatum demands is the step; the
    ultimatum, with its time when given, is the line. An ultimatum only named ("bold
    ultimatums that will be rejected") delivers nothing."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.lemma_ not in ULTIMATUM_VERBS:
        return []
    demand = next((c for c in (*noun.children, *verb.children) if c.i > noun.i
                   and c.dep_ in ("acl", "relcl", "advcl", "xcomp") and c.pos_ == "VERB"
                   and any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children)), None)
    if demand is None:
        return []
    # to whom: the verb's other object ("issued Tigray an ultimatum") or "to" before the demand
    whom = next((t for c in verb.children if c.dep_ in ("dative", "dobj") and c.i != noun.i
                 for t in ([c] if c.dep_ == "dobj" else [c, *c.children])
                 if t.dep_ in ("dobj", "dative", "pobj") and t.pos_ in ("NOUN", "PROPN")), None)
    if whom is None:
        whom = next((o for c in (*noun.children, *verb.children) if c.lower_ == "to"
                     and c.dep_ in ("prep", "dative") for o in c.children if o.dep_ == "pobj"),
                    None)
    time = [t for t in noun.subtree if t.i < noun.i and t.dep_ in ("nummod", "compound")
            or t.head.dep_ in ("nummod", "compound") and t.head.head.i == noun.i and t.i < noun.i]
    who = written(list(whom.subtree)) + " " if whom is not None else ""
    act = written([t for t in demand.subtree if not (t.lower_ == "to" and t.head.i == demand.i)])
    period = written(sorted(time, key=lambda t: t.i))
    return [(f"{who}not {act}", f"ultimatum, deadline of {period}" if period
             else "ultimatum")]


# the rules that read a verb of one of a few lemmas, by lemma
def _until(word: Token) -> list[tuple[str, str]]:
    """"vowed to keep up its attacks until a ceasefire in Gaza": while what "until" names has
    not come, the threat holds (a clause after "until" is read with the other conditions)."""
    verb = word.head
    # "until Friday", "until the end of winter": a time, not a step
    if word.dep_ != "prep" or not any(c.dep_ == "pobj" for c in word.children) \
            or any(t.ent_type_ in ("DATE", "TIME") or t.lower_ in TIME_WORDS | SEASONS
                   for t in word.subtree) \
            or not keeps_on(verb):
        return []
    return [(written(list(word.subtree)), written(clause_around(verb, word)))]


def _means_war(verb: Token) -> list[tuple[str, str]]:
    """"Independence means war", "the deployment amounts to a declaration of war", "the
    displacement of Gazans crosses a red line": a step that, told in the present, is war (the
    modal "would mean" is read with the other modals; a party that "crosses red lines" is
    accused of what it did, not warned)."""
    if verb.tag_ not in ("VBZ", "VBP") or any(c.lower_ in MODALS for c in verb.children):
        return []
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "csubj")), None)
    said = [t for c in verb.children if c.dep_ in ("dobj", "attr", "prep") for t in c.subtree]
    words = written(said)
    if subject is None or PRONOUN.match(subject.text) \
            or not (words.lower() == "war" or WAR_WORDS.search(words)):
        return []
    if verb.lemma_ == "cross" and (subject.pos_ == "PROPN" or entity_at(
            subject.doc, subject.idx, subject.idx + len(subject.text)) is not None):
        return []
    return [(written(list(subject.subtree)), written([verb, *said]))]


def _named_red_line(verb: Token) -> list[tuple[str, str]]:
    """"declaring Peru's naval build-up a red line", "considers any deployment there
    its red line", "has regarded such works as red lines": what is named a red line is the step
    (a red line another was said to cross, in a clause of its own, "a raid that crossed a red
    line", is not named one)."""
    if any(c.dep_ == "neg" for c in verb.children):
        return []
    step = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if step is None:
        return []
    # the parser hangs the name on the verb, on the object or on the object's last noun, or
    # after "as" on the verb
    line = next((t for t in (*verb.children, *step.subtree, *(
        o for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" for o in c.children))
                 if t.dep_ in ("oprd", "appos", "attr", "ccomp", "xcomp", "pobj")
                 and (t.dep_ != "pobj" or t.head.head.i == verb.i) and _red_line_noun(t)), None)
    if line is None:
        return []
    named = {t.i for t in line.subtree}
    return [(written([t for t in step.subtree if t.i not in named]),
             written([verb, *line.subtree]))]


def _red_line_noun(word: Token) -> bool:
    """"a red line", "red lines"."""
    return word.lemma_ == "line" and any(a.lower_ == "red" for a in word.children)


def _red_lines_stated(verb: Token) -> list[tuple[str, str]]:
    """"reiterated its red lines: that Ruvian troops pull back from the pass", "drew a red line
    over the dam": a party's own red line stated with what it is, in a clause after it or a
    phrase on it, is the step (a line stated with nothing said of it, "set out its red lines",
    names none; one another holds, "ignored Kyiv's red lines", is not stated)."""
    if any(c.dep_ == "neg" for c in verb.children):
        return []
    line = next((c for c in verb.children if c.dep_ == "dobj" and _red_line_noun(c) and all(
        p.dep_ != "poss" or p.lower_ in OWNING_PRONOUNS for p in c.children)), None)
    if line is None:
        return []
    what = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > line.i), None) or next(
        (o for p in line.children if p.dep_ == "prep" and p.lower_ in LINE_TOPICS
         for o in p.children if o.dep_ in ("pobj", "pcomp")), None)
    if what is None:
        return []
    # what it is about, with the word that says so ("over"), is the step, not the line
    said = {t.i for t in what.subtree} | ({what.head.i} if what.dep_ != "ccomp" else set())
    return [(written(list(what.subtree)),
             written([verb, *(t for t in line.subtree if t.i not in said and not t.is_punct)]))]


# the rules that read a word of a few lemmas, by lemma (a lemma may open several)
RULES_BY_LEMMAS: tuple[tuple[frozenset[str] | set[str], Callable[[Token], list[tuple[str, str]]]],
                       ...] = (
    (WAR_MEANING_VERBS, _means_war),
    ({"until"}, _until),
    (NOT_ALLOWED, not_allowed),
    ({"warn", "caution"}, warned_not_to), ({"warn"}, warned_of), ({"warn"}, warned_against),
    ({"warning"}, warning_of),
    (ORDER_VERBS, _ordered_within),
    ({"hold"}, _held_responsible),
    ({"bear"}, _bear_responsibility),
    (PUNISHING_VERBS, _punished_doer),
    ({"get"}, _away_with),
    ({"ultimatum"}, _ultimatum),
    (ENDING_VERBS, _only_if),
    (NAMING_VERBS | REGARD_VERBS, _named_red_line),
    (LINE_STATING_VERBS, _red_lines_stated),
    (RESPONSE_VERBS | DEFENDING_ACTS | COUNTER_VERBS | {"hesitate"}, act_in_defence),
)


def _by_lemma(rules: tuple[tuple[frozenset[str] | set[str], Callable[[Token], list[tuple[str, str]]]],
                           ...]) -> dict[str, tuple[Callable[[Token], list[tuple[str, str]]], ...]]:
    """Each lemma's rules, in the order given ("crush" opens two)."""
    table: dict[str, tuple[Callable[[Token], list[tuple[str, str]]], ...]] = {}
    for lemmas, rule in rules:
        for lemma in lemmas:
            table[lemma] = (*table.get(lemma, ()), rule)
    return table


LEMMA_RULES = _by_lemma(RULES_BY_LEMMAS)
