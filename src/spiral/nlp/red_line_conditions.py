"""A sentence's condition and consequence pairs: conditional clauses, "any X" steps,
deadlines, targets and the rules read by lemma."""

from __future__ import annotations

import itertools

from spacy.tokens import Span, Token

from spiral.nlp import extensions
from spiral.nlp.actors import entity_at
from spiral.nlp.quotes import SPEECH_VERBS
from spiral.nlp.red_line_clauses import (
    any_such,
    as_long_as,
    clause_around,
    clause_of,
    condition_clause,
    doer_of,
    future,
    is_mark,
    names_party,
    reported,
    said_next,
    vowed_before,
    written,
)
from spiral.nlp.red_line_lemma_rules import LEMMA_RULES, expulsion
from spiral.nlp.red_line_lexicon import (
    ACTION_NOUNS,
    ANY_STEP,
    ANYONE,
    CASE_NOUNS,
    CAUSING_VERBS,
    CONDITION_MARKS,
    CONDITION_TIMES,
    COUNTER_VERBS,
    DEMAND_CLAUSES,
    DEMAND_VERBS,
    EITHER_OR,
    ENABLERS,
    FUTURE_AUX,
    GIVEN_TIME,
    JUDGEMENTS,
    JUDGING_VERBS,
    LASTING_VERBS,
    LINKING_WORDS,
    MEANING_VERBS,
    MODALS,
    NOT_TOLERATED,
    OBLIGING,
    OR_FACE,
    OWN_MEMBERS,
    PRONOUN,
    RED_LINE,
    RED_LINE_WORDS,
    REGARD_VERBS,
    RELATIVES,
    RESPONSE_NOUNS,
    RESPONSE_VERBS,
    STEP_SUBJECT,
    TARGET_DETERMINERS,
    TARGETING_VERBS,
    THREAT_WORDS,
    TIME_UNITS,
    VOICED,
    WAR_WORDS,
    WARNING_VERBS,
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
    # `_action_against` reads a step at (walking every word's children for it was a sixth of
    # the time of the rules asked of every word)
    acting = {t.head.i for t in tokens if t.dep_ == "dobj" and t.lemma_.lower() in ACTION_NOUNS}
    text = extensions.text_of(sentence)
    may_name_red_line = _may_name_red_line(text)
    for token in tokens:
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
            # "as long as X": the "as long" the clause hangs from is no part of what follows
            taken = {t.i for t in (token.head if as_long_as(token) else token).subtree}
            consequence = [t for t in reported(clause).subtree if t.i not in taken
                           and t.dep_ != "punct" and not is_mark(t, clause)]
            found.append((_elliptical(token, clause) or written(
                [t for t in condition if not is_mark(t, token) or t.lower_ == "until"]),
                written(consequence)))
            continue
        # "will respond to every strike" (what was answered every time is no line); "will answer
        # any intruder's breach": the step is the noun "any" is said of, or the one
        # it names the doer or object of
        step = _of_any(token) if token.lower_ in ("any", "every") and token.dep_ == "det" \
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
        step = _in_case_clause(token)
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
        if (case := _in_such_case(token)) is not None:
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
        modals = MODALS if token.lemma_ in JUDGING_VERBS else ("would", "will")
        modal = [c for c in token.children if c.lower_ in modals] \
            if token.i in modal_heads else []
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
            warned = token.dep_ == "ccomp" and token.head.lemma_ in WARNING_VERBS \
                and token.lemma_ in CAUSING_VERBS \
                and names_party(step)
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
                t.lower_ in CONDITION_MARKS and t.dep_ == "mark" for t in tokens)
            if step and rest and (WAR_WORDS.search(written(rest)) or judged
                                  or (THREAT_WORDS.search(written(rest)) and token.lemma_ != "be"
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
        found += _not_tolerated(token) + (_action_against(token) if token.i in acting else []) \
            + _targets(token) + _deadline(token) + _moment_when(token) + _demand_or_else(token)
        # one look-up a token on the hot path; each rule is reached only by its lemmas
        for rule in LEMMA_RULES.get(token.lemma_, ()):
            found += rule(token)
        # "any country that X will be a target", "those who X will get burned", "whoever X ..."
        # "the one last Wednesday that killed two soldiers": a step already taken is no condition
        # ("countries that let Kyiv use" may be now); "told its neighbours that the blockade
        # endangers them all": a clause the parser hung as relative, opened by a conjunction,
        # is what was said, not who is meant
        open_step = token.dep_ == "relcl" \
            and (token.head.lemma_ in ENABLERS or _open_class(token)) \
            and not (token.tag_ == "VBD" and token.lower_ != token.lemma_
                     and not _backshifted(token.head)) and any(
                t.lower_ in RELATIVES | {"whose"} and t.dep_ != "mark"
                for t in token.subtree if t.i < token.i)
        # "the attack caused tensions between those who want to end the talks": a clause that
        # tells what is or was says nothing of what whoever does X will face
        open_step = open_step and _ahead(token.head)
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
            start = _first_conjunct(token.head).left_edge.i if named \
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


def _in_such_case(noun: Token) -> tuple[str, str] | None:
    """"Chile would react as needed to the dangers it met in such a
    scenario": the case told before is the condition of the clause the phrase is said in, out
    of the relative or adverbial clauses the parser hangs it in."""
    if noun.lemma_ not in CASE_NOUNS or noun.dep_ != "pobj" or noun.head.lower_ != "in" \
            or not any(c.lower_ in ("such", "that", "this") for c in noun.children):
        return None
    top = noun.head.head
    while top.dep_ not in ("ROOT", "ccomp", "conj", "parataxis") and top.head.i != top.i:
        top = top.head
    if not any(future(t) for t in top.subtree):
        return None
    return written(list(noun.subtree)), written(clause_around(top, noun.head))


def _demand_or_else(act: Token) -> list[tuple[str, str]]:
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


def _answered_with(verb: Token) -> bool:
    """"An attack on our soil would be answered with a decisive response": a step answered, in
    the passive, with a threat's words ("the question will be answered by the minister" is
    none)."""
    return verb.lemma_ in RESPONSE_VERBS | COUNTER_VERBS \
        and any(c.dep_ == "auxpass" for c in verb.children) \
        and any(c.dep_ == "prep" and c.lower_ in ("with", "by")
                and THREAT_WORDS.search(written(list(c.subtree))) for c in verb.children)


def _moment_when(clause: Token) -> list[tuple[str, str]]:
    """"The moment when a plane crosses the line again, our guns will open fire": what happens
    at the time the future is said of is the condition."""
    time = clause.head
    if clause.dep_ != "relcl" or time.lemma_ not in CONDITION_TIMES \
            or time.dep_ != "npadvmod" or not future(time.head):
        return []
    condition = [t for t in clause.subtree if not (t.lower_ in ("when", "that")
                                                    and t.head.i == clause.i)]
    return [(written(condition), written(clause_around(time.head, time)))]


def _open_class(clause: Token) -> bool:
    """"any territory that serves as a launch pad will be ...", "firms and banks that keep
    trading with X would face ...": a kind of party the relative clause says what makes one,
    named by a common noun "any", "every" or "all" is said of, or in the plural with no
    determiner, whatever the noun, as the subject of what is to come to it (a modal); not "the
    firms that signed", one set of parties already known, nor bombers "which have launched
    strikes", forces "that are attacking" or fighters "who did not join", what some do or did,
    nor soldiers or residents "who break the rules", a side's own members disciplined, nor an
    object ("will target fighters who ...", read with the targets)."""
    noun = clause.head
    if noun.pos_ != "NOUN" or noun.lemma_.lower() in OWN_MEMBERS \
            or clause.tag_ in ("VBD", "VBG") or any(
                c.dep_ == "aux" and (c.lemma_ in ("have", "be") or c.tag_ == "VBD")
                for c in clause.children):
        return False
    subject = _first_conjunct(noun)
    if subject.dep_ not in ("nsubj", "nsubjpass") or not any(
            c.dep_ in ("aux", "auxpass") and c.lower_ in MODALS | FUTURE_AUX
            for c in subject.head.children):
        return False
    # "individuals and entities that ...": the determiner, if any, is said of the first
    noun = noun if _determiners(noun) else _first_conjunct(noun)
    determiners = _determiners(noun)
    if determiners:
        return all(d in TARGET_DETERMINERS for d in determiners)
    return noun.tag_ == "NNS"


def _determiners(noun: Token) -> list[str]:
    return [c.lower_ for c in noun.children if c.dep_ in ("det", "poss", "predet")]


def _first_conjunct(noun: Token) -> Token:
    while noun.dep_ == "conj":
        noun = noun.head
    return noun


def _ahead(word: Token) -> bool:
    """Whether a clause a word hangs in, or one above it, looks ahead: a modal ("will be
    targeted"), an infinitive ("vowed to strike", "the right to strike"), a warning, or the
    present that states a rule ("becomes a legitimate target"); not what was ("caused
    tensions", "has been")."""
    clause = clause_of(word)
    if clause.tag_ in ("VBZ", "VBP") and not any(c.dep_ == "aux" for c in clause.children):
        return True
    for verb in (word, *word.ancestors):
        if verb.dep_ == "xcomp" or verb.lemma_ in WARNING_VERBS or any(
                c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children) or any(
                c.dep_ in ("aux", "auxpass") and c.lower_ in MODALS | FUTURE_AUX
                for c in verb.children):
            return True
    return False


def _backshifted(noun: Token) -> bool:
    """"They would crush whoever blocked their path": in a clause with "would", a past
    tense is the future seen from what was said (reported speech shifts it back), not what was
    done."""
    return any(c.dep_ == "aux" and c.lower_ == "would" for c in clause_of(noun).children)


def _vowed(verb: Token) -> bool:
    """"promising to destroy any checkpoint", "threatened to strike any ship": an infinitive
    vowed, threatened or warned of is what the speaker says will be done."""
    return verb.dep_ == "xcomp" and verb.head.lemma_ in WARNING_VERBS


def _not_tolerated(verb: Token) -> list[tuple[str, str]]:
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


def _of_any(det: Token) -> Token:
    """The step an "any" is said of: its noun, or the noun that noun completes with "of" ("the
    violation of any stranger", "the deployment of any troops")."""
    noun = det.head
    while noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
        noun = noun.head.head
    return noun


def _action_against(verb: Token) -> list[tuple[str, str]]:
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


def _targets(verb: Token) -> list[tuple[str, str]]:
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


def _deadline(noun: Token) -> list[tuple[str, str]]:
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


def _elliptical(token: Token, clause: Token) -> str:
    """"would use them without hesitation if attacked": a condition with no subject of its own
    is the consequence's subject undergoing it ("his country attacked"); "" for a clause that
    has one, or that is more than its participle ("if necessary" is no step)."""
    # "would take up arms if “aggressed”": the quotation marks around it are no words of its own
    if token.tag_ != "VBN" or any(c.dep_ not in ("mark", "advmod", "neg", "punct")
                                  for c in token.children):
        return ""
    # "Iran threatened to close the strait if attacked": an infinitive's subject is its verb's
    subject = doer_of(reported(clause))
    # a party undergoes it ("if attacked"); a thing only reported on does not ("if confirmed,
    # the strike would be the deadliest")
    if subject is None or subject.i > token.i or not (
            subject.pos_ == "PRON" or entity_at(subject.doc, subject.idx,
                                                subject.idx + len(subject.text)) is not None):
        return ""
    negation = "not " if any(c.dep_ == "neg" for c in token.children) else ""
    return f"{written(list(subject.subtree))} {negation}{token.text}"


def _in_case_clause(token: Token) -> Token | None:
    """The clause "in case" introduces, wherever the parser hung the two words ("would strike in
    case more drones are found")."""
    if token.lower_ != "case" or token.i == 0 or token.nbor(-1).lower_ != "in" \
            or any(c.lower_ == "of" for c in token.children):
        return None
    # the clause that opens right after "in case", wherever the parser hung it
    opening = next((t for t in token.sent if t.i > token.i and t.pos_ in ("VERB", "AUX")
                    and t.dep_ in ("advcl", "ccomp") and t.left_edge.i == token.i + 1), None)
    if opening is not None:
        return opening
    return next((a for a in (*token.ancestors, *token.nbor(-1).ancestors)
                 if a.dep_ == "advcl" and a.pos_ in ("VERB", "AUX")), None)
