"""The step a condition names, where the parser leaves it: a participle with no subject of its
own ("if attacked"), the clause "in case" opens, the case "in such a case" points back to, the
noun "any" is said of, and whether a relative clause names whoever takes a step to come ("any
country that X", "those who X")."""

from __future__ import annotations

from spacy.tokens import Token

from spiral.nlp.actors import entity_at
from spiral.nlp.red_line_clauses import clause_around, clause_of, doer_of, future, reported, written
from spiral.nlp.red_line_lexicon import (
    CASE_NOUNS,
    FUTURE_AUX,
    MODALS,
    OWN_MEMBERS,
    TARGET_DETERMINERS,
    WARNING_VERBS,
)


def in_such_case(noun: Token) -> tuple[str, str] | None:
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


def open_class(clause: Token) -> bool:
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
    subject = first_conjunct(noun)
    if subject.dep_ not in ("nsubj", "nsubjpass") or not any(
            c.dep_ in ("aux", "auxpass") and c.lower_ in MODALS | FUTURE_AUX
            for c in subject.head.children):
        return False
    # "individuals and entities that ...": the determiner, if any, is said of the first
    noun = noun if _determiners(noun) else first_conjunct(noun)
    determiners = _determiners(noun)
    if determiners:
        return all(d in TARGET_DETERMINERS for d in determiners)
    return noun.tag_ == "NNS"


def _determiners(noun: Token) -> list[str]:
    return [c.lower_ for c in noun.children if c.dep_ in ("det", "poss", "predet")]


def first_conjunct(noun: Token) -> Token:
    while noun.dep_ == "conj":
        noun = noun.head
    return noun


def ahead(word: Token) -> bool:
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


def backshifted(noun: Token) -> bool:
    """"They would crush whoever blocked their path": in a clause with "would", a past
    tense is the future seen from what was said (reported speech shifts it back), not what was
    done."""
    return any(c.dep_ == "aux" and c.lower_ == "would" for c in clause_of(noun).children)


def of_any(det: Token) -> Token:
    """The step an "any" is said of: its noun, or the noun that noun completes with "of" ("the
    violation of any stranger", "the deployment of any troops")."""
    noun = det.head
    while noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
        noun = noun.head.head
    return noun


def elliptical(token: Token, clause: Token) -> str:
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


def in_case_clause(token: Token) -> Token | None:
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

