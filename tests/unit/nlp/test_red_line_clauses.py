"""`red_line_clauses` on hand-built parses."""

from __future__ import annotations

from spacy.lang.en import English
from spacy.tokens import Doc

from spiral.nlp.red_line_clauses import condition_clause


def _parsed(words: list[str], heads: list[int], deps: list[str]) -> Doc:
    return Doc(English().vocab, words=words, heads=heads, deps=deps)


def test_condition_clause_inverted_with_its_own_subject() -> None:
    doc = _parsed(["Had", "Iran", "struck", ",", "Israel", "would", "respond"],
                  [2, 2, 6, 6, 6, 6, 6], ["aux", "nsubj", "advcl", "punct", "nsubj", "aux", "ROOT"])
    assert [t.text for t in condition_clause(doc[2])] == ["Iran", "struck"]


def test_condition_clause_not_from_an_auxiliary_with_no_subject_after_it() -> None:
    # "Seoul said troops had not fought since May": a main verb the parser hung on the speech
    # verb, its subject left before the auxiliary (a false line of W dev)
    doc = _parsed(["Seoul", "said", "troops", "had", "not", "fought", "since", "May"],
                  [1, 1, 1, 5, 5, 1, 5, 6],
                  ["nsubj", "ROOT", "dobj", "aux", "neg", "advcl", "prep", "pobj"])
    assert condition_clause(doc[5]) is None
