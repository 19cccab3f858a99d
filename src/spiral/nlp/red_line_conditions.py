"""A sentence's condition and consequence pairs: conditional clauses, "any X" steps, "X would mean
Y", a line stated in the present, relative clauses naming whoever takes a step, "either ... or"
and "or face"; the shapes of warnings (`red_line_warnings`) and the rules read by lemma
(`red_line_lemma_rules`) are asked of every word, the step's words found by `red_line_steps`."""

from __future__ import annotations

import itertools

from spacy.tokens import Span, Token

from spiral.nlp import extensions
from spiral.nlp.quotes import SPEECH_VERBS
from spiral.nlp.red_line_clauses import (
    as_long_as,
    asked,
    clause_around,
    clause_of,
    condition_clause,
    future,
    is_mark,
    names_party,
    reported,
    said_next,
    told_as_done,
    vowed_before,
    written,
)
from spiral.nlp.red_line_lemma_rules import LEMMA_RULES
from spiral.nlp.red_line_lexicon import (
    ACTION_NOUNS,
    ADDRESSING_VERBS,
    ANY_STEP,
    BONDS,
    CAUSING_VERBS,
    CONDITION_MARKS,
    COUNTER_VERBS,
    EITHER_OR,
    ENABLERS,
    FIRST_PERSON,
    GIVEN_TIME,
    HARMING_VERBS,
    HEDGES,
    JUDGEMENTS,
    JUDGING_VERBS,
    LASTING_VERBS,
    LINKING_WORDS,
    MEANING_VERBS,
    MODALS,
    OR_FACE,
    PRONOUN,
    RED_LINE,
    RED_LINE_WORDS,
    REGARD_VERBS,
    RELATIVES,
    RESPONSE_NOUNS,
    RESPONSE_VERBS,
    STEP_SUBJECT,
    THREAT_WORDS,
    VOICED,
    WAR_MEANING_VERBS,
    WAR_WORDS,
    WARNING_VERBS,
)
from spiral.nlp.red_line_steps import (
    ahead,
    backshifted,
    elliptical,
    first_conjunct,
    in_case_clause,
    in_such_case,
    of_any,
    open_class,
)
from spiral.nlp.red_line_warnings import (
    action_against,
    deadline,
    demand_or_else,
    moment_when,
    not_tolerated,
    targets,
)


def _may_name_red_line(text: str) -> bool:
    """Whether a sentence's text holds "red" and "line" (as `RED_LINE` reads letters, case
    aside): `written` of its words can match `RED_LINE` only then, since it keeps each word whole
    and adds only spaces. Most sentences lack one; reading every "is" they hold for a red line
    was a fifth of `conditionals`' time."""
    return all(word.search(text) is not None for word in RED_LINE_WORDS)


def conditionals(sentence: Span) -> list[tuple[str, str]]:
    """(condition, consequence) pairs the sentence states."""
    found = []
    tokens = list(sentence)  # walked twice: a Span builds each Token anew on every walk
    # the words a modal hangs from: the only ones "X would mean Y" can be read at
    modal_heads = {t.head.i for t in tokens if t.lower_ in MODALS}
    # the words whose object is an action noun ("will take firm action"): the only ones
    # `action_against` reads a step at (walking every word's children for it was a sixth of
    # the time of the rules asked of every word)
    acting = {t.head.i for t in tokens if t.dep_ == "dobj" and t.lemma_.lower() in ACTION_NOUNS}
    text = extensions.text_of(sentence)
    may_name_red_line = _may_name_red_line(text)
    # "it is unclear if such a strike would bring a response": a question asked states nothing
    questioned = {t.i for v in tokens if v.pos_ in ("VERB", "AUX") and asked(v) for t in v.subtree}
    for token in tokens:
        if token.i in questioned:
            continue
        condition = condition_clause(token)
        if condition is not None:
            if token.head.dep_ == "advcl" and token.head.i > token.i \
                    and not any(c.dep_ in ("nsubj", "nsubjpass") or c.dep_ == "mark"
                                and c.lower_ in CONDITION_MARKS for c in token.head.children):
                # "if jets supplied to Ukraine operated from ...": the parser read a participle
                # as the clause's verb and hung the true one, with no subject of its own, above
                # it; the condition is both
                token = token.head
                condition = list(token.subtree)
            clause = said_next(token) or vowed_before(token) or clause_of(token.head)
            # the verb the condition hangs from: "approved a plan to strike X if Y" hangs it on
            # the act still to come, "once X landed, police arrested Y" on what was done
            if told_as_done(token.head):
                continue
            # "as long as X": the "as long" the clause hangs from is no part of what follows
            taken = {t.i for t in (token.head if as_long_as(token) else token).subtree}
            consequence = [t for t in reported(clause).subtree if t.i not in taken
                           and t.dep_ != "punct" and not is_mark(t, clause)]
            found.append((elliptical(token, clause) or written(
                [t for t in condition if not is_mark(t, token) or t.lower_ == "until"]),
                written(consequence)))
            continue
        # "will respond to every strike" (what was answered every time is no line); "will answer
        # any intruder's breach": the step is the noun "any" is said of, or the one
        # it names the doer or object of
        step = of_any(token) if token.lower_ in ("any", "every") and token.dep_ == "det" \
            else None
        if step is not None and step.dep_ == "pobj" \
                and step.head.lower_ in ("to", "against", "for") \
                and (step.head.head.lemma_ in RESPONSE_VERBS | RESPONSE_NOUNS
                     and (token.lower_ == "any" or future(step.head.head))
                     or future(step.head.head) and step.head.lower_ != "to"):
            found.append((written(list(step.subtree)),
                          written(clause_around(step.head.head, step))))
            continue
        # "in the event of X", "in case of X", "in case X happens"
        step = in_case_clause(token)
        if step is not None:
            # what follows is the whole stated clause the case hangs from ("would launch strikes
            # and send troops, to get ready to open fire, in case ..."), not its last purpose
            top = step.head
            while top.dep_ in ("advcl", "conj", "xcomp") and top.head.i != top.i \
                    and top.head.lemma_ not in SPEECH_VERBS:
                top = top.head
            consequence = [t for t in clause_around(top, step) if t.i not in (token.i, token.i - 1)]
            found.append((written([t for t in step.subtree if t.i not in (token.i, token.i - 1)]),
                          written(consequence)))
            continue
        # "in a case brought against Israel" is a lawsuit, not a condition
        if token.lower_ in ("event", "case") and token.head.lower_ == "in" and not any(
                c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children):
            steps = [t for c in token.children if c.lower_ == "of" for t in c.children
                     if t.dep_ == "pobj"] + [c for c in token.children
                                             if c.dep_ in ("acl", "relcl", "ccomp", "advcl")]
            if steps:
                found.append((written(list(steps[0].subtree)),
                              written(clause_around(token.head.head, token.head))))
                continue
            # "was over unless Israel chose to retaliate, in which case our answer would be
            # stronger": the case is the condition stated before it
            before = next((c for t in reversed(tokens[:token.i - sentence.start])
                           if any(w.lower_ == "which" for w in token.children)
                           and (c := condition_clause(t)) is not None), None)
            if before is not None:
                case = {t.i for t in token.head.head.subtree}
                found.append((written([t for t in before if t.dep_ != "mark" and t.i not in case]),
                              written(clause_around(token.head.head, token.head))))
                continue
        if (case := in_such_case(token)) is not None:
            found.append(case)
            continue
        # "Russia would regard X as Y": X is the step, Y what it would be taken for
        if token.lemma_ in REGARD_VERBS and any(c.lower_ in MODALS for c in token.children):
            objects = [c for c in token.children if c.dep_ == "dobj"]
            as_objects = [t for c in token.children if c.lower_ == "as" for t in c.children
                          if t.dep_ == "pobj"]
            if objects and as_objects:
                found.append((written(list(objects[0].subtree)),
                              written(list(as_objects[0].subtree))))
                continue
        # "X would mean / would be regarded as / will be met with Y": the subject is the step
        # "warned that any X could lead to Y": under a warning what a step brings about is
        # threatened with any modal, as a judgement is
        modals = MODALS if token.lemma_ in JUDGING_VERBS or _brings_about(token) \
            and _warned_of(token) else ("would", "will")
        modal = [c for c in token.children if c.lower_ in modals] \
            if token.i in modal_heads and not _judged_not(token) else []
        if modal and not any(condition_clause(c) is not None for c in token.children):
            # "and thus any sale of those rockets would provoke ...": the words that link the
            # clause to what went before are no part of the step
            step = list(itertools.dropwhile(lambda t: t.lower_ in LINKING_WORDS, (
                t for t in token.subtree if t.i < modal[0].i
                and not (t.dep_ == "mark" and t.head.i == token.i))))
            subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")
                            and c.i < modal[0].i), None)
            if subject is not None and step and step[0].i < subject.left_edge.i and all(
                    c.dep_ in ("prep", "advmod", "npadvmod", "punct", "mark")
                    for c in token.children if c.i < subject.left_edge.i):
                # "under the treaty, an attack on Belarus would be treated as ...": the step is
                # the subject, not the words that set the scene before it
                step = list(subject.subtree)
            if subject is None and not step and token.dep_ == "ccomp" \
                    and token.head.dep_ == "relcl":
                # "a move the Ruvian cabinet has said would cross a red line": what
                # the relative clause is said of is the step, and what that noun stands beside
                # ("X's assault on Rafah ... - a development ...") what it is
                noun = token.head.head
                said = {t.i for t in (noun if noun.dep_ == "appos" else token.head).subtree}
                step = [t for t in (noun.head if noun.dep_ == "appos" else noun).subtree
                        if t.i not in said]
            rest = [t for t in token.subtree if t.i >= modal[0].i]
            # "warned that American intervention would lead to irreparable damage": under a
            # warning, whatever a step a party takes would bring about is threatened ("warned
            # that the pension reform would have consequences for the budget" names no party)
            warned = _warned_of(token) and _brings_about(token) and names_party(step)
            # "these provocations will continue to receive a fitting answer": what goes on
            # following a hostile step is what it means ("such requests will continue to
            # receive responses" names none)
            goes_on = token.lemma_ in LASTING_VERBS and any(
                c.dep_ == "xcomp" and c.lemma_ in MEANING_VERBS for c in token.children) \
                and THREAT_WORDS.search(" ".join(t.lemma_ for t in step))
            meaning = token.lemma_ in MEANING_VERBS or goes_on or _answered_with(token)
            if not meaning and not ANY_STEP.match(written(step)) and not warned:
                step = []
            # "the pullout will badly hurt the campaign against the militants" judges a
            # step: only what a step "would be" in war words ("an act of war") draws a line
            # a step of a party named, judged in a warning's words where no condition is stated
            # (an "if" clause is read above, and what the parser leaves of it here is no step)
            judged = JUDGEMENTS.search(written(rest)) and names_party(step) and not any(
                t.lower_ in CONDITION_MARKS and t.dep_ == "mark" for t in tokens) \
                and not _hedged(rest)
            # under a warning, a harm to the bonds between the sides is the threat itself
            threat = THREAT_WORDS.search(written(rest)) or warned and _harms_bonds(token)
            if step and rest and (WAR_WORDS.search(written(rest)) or judged
                                  or (threat and token.lemma_ != "be"
                                      and (STEP_SUBJECT.match(written(step)) or warned))):
                found.append((written(step), written(rest)))
        elif may_name_red_line and token.lemma_ == "be" \
                and token.dep_ in ("ROOT", "ccomp", "acl") and any(
                c.dep_ == "attr" and RED_LINE.search(written(list(c.subtree)))
                for c in token.children) and not any(c.dep_ == "neg" for c in token.children):
            # "sovereignty over the island is a red line": a line drawn in the present, or
            # said ("sent a message that its borders were its red line")
            step = [t for c in token.children if c.dep_ in ("nsubj", "csubj") for t in c.subtree]
            taken = {t.i for t in step}
            rest = [t for t in token.subtree if t.i not in taken and not t.is_punct]
            if step and not PRONOUN.match(written(step)):
                found.append((written(step), written(rest)))
        found += not_tolerated(token) + (action_against(token) if token.i in acting else []) \
            + targets(token) + deadline(token) + moment_when(token) + demand_or_else(token)
        # one look-up a token on the hot path; each rule is reached only by its lemmas
        for rule in LEMMA_RULES.get(token.lemma_, ()):
            found += rule(token)
        # "any country that X will be a target", "those who X will get burned", "whoever X ..."
        # "the one last Wednesday that killed two soldiers", "a proposal from three countries,
        # which Lima has rejected", "a regime that had betrayed its people": a step already taken,
        # in the past or the perfect, is no condition ("countries that let Kyiv use" may be
        # now), nor is the speaker's own ("your plans and the ones that we draft");
        # "told its neighbours that the blockade endangers them all": a clause the parser
        # hung as relative, opened by a conjunction, is what was said, not who is meant
        open_step = token.dep_ == "relcl" \
            and (token.head.lemma_ in ENABLERS or open_class(token)) \
            and not (token.tag_ == "VBD" and token.lower_ != token.lemma_
                     and not backshifted(token.head)) \
            and not any(c.dep_ == "aux" and c.lemma_ == "have"
                        or c.dep_ == "nsubj" and c.lower_ in FIRST_PERSON
                        for c in token.children) and any(
                t.lower_ in RELATIVES | {"whose"} and t.dep_ != "mark"
                for t in token.subtree if t.i < token.i)
        # "the attack caused tensions between those who want to end the talks": a clause that
        # tells what is or was says nothing of what whoever does X will face
        open_step = open_step and ahead(token.head)
        if open_step and token.head.dep_ not in ("nsubj", "nsubjpass"):
            # "the right to strike facilities of countries that X": the clause around them
            clause = clause_of(token.head.head)
            relative = {t.i for t in token.subtree}
            condition = [t for t in token.subtree if t.lower_ not in RELATIVES]
            consequence = [t for t in reported(clause).subtree if t.i not in relative
                           and not t.is_punct and not is_mark(t, clause)]
            found.append((written(condition), written(consequence)))
        elif open_step:
            # the main verb after the relative clause; the parser often hangs it elsewhere
            clause = next((t for t in tokens if t.i > token.i and t.dep_ in ("ROOT", "ccomp")
                           and t.pos_ in ("VERB", "AUX") and t.lemma_ not in SPEECH_VERBS),
                          clause_of(token.head.head))
            # a kind of party named by a common noun is part of the step, as written ("firms
            # and banks that trade with X"), as a pronoun ("those who") is not
            named = token.head.lemma_ not in ENABLERS
            start = first_conjunct(token.head).left_edge.i if named \
                else min(t.i for t in token.subtree)
            # everything between the relative pronoun and the main verb belongs to the condition,
            # whatever the parser attached it to ("lets its territory be used for ...")
            condition = [t for t in tokens if start <= t.i < clause.i
                         and (named or t.lower_ not in RELATIVES)
                         and not (t.head.i == clause.i and t.dep_ in ("aux", "auxpass", "neg"))] \
                if clause.i > start else list(token.subtree)
            taken = {t.i for t in token.head.subtree} | {t.i for t in condition}
            consequence = [t for t in clause.subtree if t.i not in taken
                           and not t.is_punct and not is_mark(t, clause)]
            found.append((written(condition), written(consequence)))
        if token.dep_ in ("csubj", "nsubj") and any(c.lower_ == "whoever" for c in token.children):
            condition = [t for t in token.subtree if t.lower_ != "whoever"]
            taken = {t.i for t in token.subtree}
            consequence = [t for t in token.head.subtree if t.i not in taken and not t.is_punct]
            found.append((written(condition), written(consequence)))
    if (choice := EITHER_OR.search(text.strip(" “”\"'"))) is not None:
        found.append((f"not {choice.group('demand').strip(' ,…')}",
                      choice.group("consequence").strip()))
    if (ultimatum := OR_FACE.search(text.strip())) is not None:
        demand = VOICED.sub("", ultimatum.group("demand").strip())
        if (given := GIVEN_TIME.match(demand)) is not None:  # "X has until Friday to Y"
            demand = f"{given['who']} does not {given['act']} ({given['time']})"
        else:
            demand = f"not {demand}"
        found.append((demand, ultimatum.group("consequence").strip()))
    return found


def _brings_about(verb: Token) -> bool:
    """"would lead to grave consequences", "would damage ties between them": a verb that says
    what a step brings about, or a harm it does to the bonds between the sides."""
    return verb.lemma_ in CAUSING_VERBS or _harms_bonds(verb)


def _harms_bonds(verb: Token) -> bool:
    """"would wreck ties", "would damage relations with Lima": a harm done to the bonds between
    the sides, its object ("would damage the crops" is none)."""
    return verb.lemma_ in HARMING_VERBS and any(
        c.dep_ == "dobj" and c.lemma_.lower() in BONDS for c in verb.children)


def _warned_of(verb: Token) -> bool:
    """Whether a clause is what a warning says, or what a speaker tells whom it addresses
    ("told Lima that X would Y")."""
    return verb.dep_ == "ccomp" and (verb.head.lemma_ in WARNING_VERBS or (
        verb.head.lemma_ in ADDRESSING_VERBS and any(c.dep_ in ("dobj", "dative")
                                                     for c in verb.head.children)))


def _hedged(words: list[Token]) -> bool:
    """"Would be a potential threat", "a possible breach of the accord": a judgement hedged
    by what it only might be is an assessment, not a warning."""
    return any(t.dep_ == "amod" and t.lemma_.lower() in HEDGES for t in words)


def _judged_not(verb: Token) -> bool:
    """"The drills should not be seen as a provocation", "the base would not be a threat to any
    neighbour": a step judged, negated, to be no hostile act draws no line (unlike "would not go
    unanswered", whose negation is the threat)."""
    return verb.lemma_ in JUDGING_VERBS | WAR_MEANING_VERBS | {"be"} \
        and any(c.dep_ == "neg" for c in verb.children)


def _answered_with(verb: Token) -> bool:
    """"An attack on our soil would be answered with a decisive response": a step answered, in
    the passive, with a threat's words ("the question will be answered by the minister" is
    none)."""
    return verb.lemma_ in RESPONSE_VERBS | COUNTER_VERBS \
        and any(c.dep_ == "auxpass" for c in verb.children) \
        and any(c.dep_ == "prep" and c.lower_ in ("with", "by")
                and THREAT_WORDS.search(written(list(c.subtree))) for c in verb.children)

