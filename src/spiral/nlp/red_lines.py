"""`spiral_red_lines`: red lines, conditional threats and ultimatums, with condition and consequence.

Patterns, on the dependency parse of each sentence:
- a conditional clause: "if/should/unless/in case X, (then) Y" — condition X, consequence Y;
- "X would mean / would put us at war / would be an act of war Y" — the step X is the condition;
- threats to whoever enables an enemy: "any country that X will be Y", "countries that X" as
  the object of a threat — the relative clause is the condition;
- explicit red-line talk ("a red line") and deadlines ("within 50 days", "by Friday") mark the
  kind. An anaphoric condition ("such a step", "this", "that") is replaced by what it refers to:
  the nearest earlier sentence that names a step.
The declarer is the speaker of the statement (a quote's speaker, or the subject of the speech
verb), else the main clause's subject.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from spiral.nlp import extensions  # noqa: F401  (registers the Doc extensions)
from spiral.nlp.actors import entity_at
from spiral.nlp.dates import find_event_date
from spiral.nlp.quotes import statement_holder
from spiral.records import Entity, RedLine, from_dict, to_dict

CONDITION_MARKS = {"if", "unless", "should", "once", "when"}
MEANING_VERBS = {"mean", "constitute", "amount", "make", "put", "be"}
WAR_WORDS = re.compile(r"\b(at war|act of war|party to|parties to|direct participation|"
                       r"direct involvement|legitimate target|red line|declaration of war)\b", re.I)
THREAT_WORDS = re.compile(r"\b(respond|response|retaliat\w*|strike|target|pay|consequences|"
                          r"entitled to use|war|punish\w*|answer\w*)\b", re.I)
DEADLINE = re.compile(r"\b(within \w+ (days|hours|weeks)|\d+ days|deadline|by (Monday|Tuesday|"
                      r"Wednesday|Thursday|Friday|Saturday|Sunday)|ultimatum)\b", re.I)
ANAPHORA = re.compile(r"^(such (a )?(step|move|decision|strikes?|permission)|this|that|it|"
                      r"the decision|this step|that step)$", re.I)
PRONOUN = re.compile(r"^(it|this|that|they)$", re.I)
STEP_WORDS = re.compile(r"\b(allow\w*|let\w*|permi\w*|authori[sz]\w*|fire|strike|use|suppl\w*|"
                        r"send\w*|long-range)\b", re.I)


class RedLineFinder:
    """The `spiral_red_lines` component."""

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        published = date.fromisoformat(doc._.published) if doc._.published else None
        found = []
        sentences = list(doc.sents)
        for index, sentence in enumerate(sentences):
            pairs = _distinct(_conditionals(sentence))
            named = [p for p in pairs if not PRONOUN.match(p[0])]
            for condition, consequence in named or pairs:
                red_line = self._red_line(doc, sentences, index, condition, consequence,
                                          published)
                if red_line is not None:
                    found.append(red_line)
        self.set_annotations(doc, found)
        return doc

    def set_annotations(self, doc: Doc, red_lines: list[RedLine]) -> None:
        doc._.red_lines = tuple(_plain(r) for r in red_lines)

    def _red_line(self, doc: Doc, sentences: list[Span], index: int, condition: str,
                  consequence: str, published: date | None) -> RedLine | None:
        sentence = sentences[index]
        if not THREAT_WORDS.search(consequence) and not WAR_WORDS.search(sentence.text):
            return None
        declarer = statement_holder(doc, sentence)
        if declarer is None:
            return None
        condition = _resolve_anaphora(condition, sentences, index)
        addressee = _actors_named(doc, sentence, condition + " " + consequence, declarer.code)
        kind = ("ultimatum" if DEADLINE.search(sentence.text) else
                "red_line" if WAR_WORDS.search(sentence.text) else "conditional_threat")
        return RedLine(doc_id=doc._.doc_id or "", declarer=declarer, condition=condition,
                       consequence=consequence, kind=kind, start=sentence.start_char,
                       end=sentence.start_char + len(sentence.text.rstrip()),
                       addressee=tuple(addressee), date=find_event_date(sentence, published)[0])


def _text(tokens: list[Token]) -> str:
    tokens = sorted(tokens, key=lambda t: t.i)
    text = "".join(" " if t.text in ('"', "“", "”", "''") else t.text_with_ws for t in tokens)
    return re.sub(r"^that ", "", " ".join(text.split()).strip(" ,;:"))


def _conditionals(sentence: Span) -> list[tuple[str, str]]:
    """(condition, consequence) pairs the sentence states."""
    found = []
    for token in sentence:
        # if/should/unless clauses
        if token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS
                                         for c in token.children):
            condition = [t for t in token.subtree if not (t.dep_ == "mark" and t.head.i == token.i)]
            consequence = [t for t in token.head.subtree if t.i not in {c.i for c in token.subtree}
                           and t.dep_ != "punct"]
            found.append((_text(condition), _text(consequence)))
        # "X would mean Y": the subject is the step
        modal = [c for c in token.children if c.lower_ in ("would", "will")]
        if token.lemma_ in MEANING_VERBS and modal:
            # the step is everything of the clause before "would": "letting Ukraine fire ..."
            step = [t for t in token.subtree if t.i < modal[0].i
                    and not (t.dep_ == "mark" and t.head.i == token.i)]
            rest = [t for c in token.children if c.dep_ in ("dobj", "ccomp", "attr", "prep", "xcomp",
                                                            "acomp", "oprd")
                    for t in c.subtree]
            if step and rest and WAR_WORDS.search(_text(rest) + " " + token.sent.text):
                found.append((_text(step), _text(rest)))
        # "any country that X will be a target", "countries that allow X"
        if token.dep_ == "relcl" and token.head.lemma_ in ("country", "state", "nation"):
            clause = token.head.head
            consequence = [t for t in clause.subtree if t.i not in {c.i for c in token.subtree}]
            found.append((_text([token.head, *token.subtree]), _text(consequence)))
    return found


def _distinct(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """One pair per condition: several patterns often find the same one in a sentence."""
    seen: dict[str, tuple[str, str]] = {}
    for condition, consequence in pairs:
        bare = re.sub(r"^(if|should|unless|once|when) ", "", condition, flags=re.I)
        seen.setdefault(bare.lower(), (bare, consequence))
    return list(seen.values())


def _resolve_anaphora(condition: str, sentences: list[Span], index: int) -> str:
    """'such a step' -> the nearest earlier sentence that names a step."""
    if not ANAPHORA.match(condition.strip()):
        return condition
    for earlier in reversed(sentences[max(0, index - 4):index]):
        if STEP_WORDS.search(earlier.text):
            return f"{condition} ({earlier.text.strip()})"
    return condition


def _actors_named(doc: Doc, sentence: Span, text: str, declarer: str) -> list[Entity]:
    found = []
    for start, end, index in doc._.actor_mentions:
        if sentence.start_char <= start < sentence.end_char and doc.text[start:end] in text:
            entity = entity_at(doc, start, end)
            if entity and entity.code and entity.code != declarer and all(
                    entity.code != f.code for f in found):
                found.append(entity)
    return found


def _plain(red_line: RedLine) -> dict[str, Any]:
    data = to_dict(red_line)
    data.pop("doc_id")
    return data


@Language.factory("spiral_red_lines", requires=["doc._.actor_mentions", "doc._.quotes"],
                  assigns=["doc._.red_lines"])
def make_red_line_finder(nlp: Language, name: str) -> RedLineFinder:
    return RedLineFinder(nlp, name)
