"""spiral's own gold sets (tests/gold): well-formed, and the scores where this version left them.

The floors are the scores measured when they were last raised; a change that lowers one fails
here. The issue targets are higher (see the closing notes); raise a floor when a change earns it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from spiral.nlp.evaluate_gold import evaluate_events, evaluate_statements, load_gold, overlap
from spiral.plover import EVENT_TYPES
from spiral.serve.cli import app

GOLD = Path(__file__).resolve().parents[2] / "gold"
ISSUES = {"territory", "neutrality", "nato_membership", "army_limits", "security_guarantees",
          "sanctions", "ceasefire", "withdrawal", "nuclear", "prisoners", "elections"}


def test_statement_gold_spans_are_in_their_text() -> None:
    records = load_gold(GOLD / "statements.jsonl")
    assert len({r["id"] for r in records}) == len(records) >= 80
    for record in records:
        for quote in record["quotes"]:
            assert quote["content"] in record["text"] and quote["kind"] in ("direct", "indirect", "mixed")
        for line in record["red_lines"]:
            assert line["condition"] in record["text"] and line["consequence"] in record["text"]
            assert line["kind"] in ("red_line", "conditional_threat", "ultimatum")
        for position in record["positions"]:
            assert position["demand"] in record["text"] and position["issue"] in ISSUES
    assert sum(len(r["quotes"]) for r in records) >= 150
    assert sum(len(r["red_lines"]) for r in records) >= 40
    assert sum(len(r["positions"]) for r in records) >= 20


@pytest.mark.parametrize("name", ["events.jsonl", "events_heldout.jsonl"])
def test_event_gold_covers_every_type(name: str) -> None:
    records = load_gold(GOLD / name)
    types = {e["event_type"] for r in records for e in r["events"]}
    assert types == set(EVENT_TYPES)
    for record in records:
        for event in record["events"]:
            assert event["trigger"] in record["text"]


def test_overlap_counts_gold_words_found() -> None:
    assert overlap("the direct participation", "direct participation of the US") == 1.0
    assert overlap("one two three four", "one five") == 0.25


@pytest.mark.model
def test_statement_scores_hold(nlp) -> None:
    scores = evaluate_statements(nlp, GOLD / "statements.jsonl")
    assert scores["quotes"]["f1"] >= 0.85
    assert scores["quotes"]["speaker_right_of_text_matched"] >= 0.90
    assert scores["red_lines"]["recall"] >= 0.80 and scores["red_lines"]["precision"] >= 0.85
    assert scores["positions"]["f1"] >= 0.65


@pytest.mark.model
def test_event_scores_hold(nlp) -> None:
    scores = evaluate_events(nlp, GOLD / "events.jsonl")
    assert scores["events"]["f1"] >= 0.69
    assert scores["on_matched"]["actor"] >= 0.92 and scores["on_matched"]["date"] >= 0.97
    assert scores["on_matched"]["recipient"] >= 0.81


@pytest.mark.model
def test_held_out_event_scores_hold(nlp) -> None:
    """The held-out set was annotated blind to the coder and first scored as it was then."""
    scores = evaluate_events(nlp, GOLD / "events_heldout.jsonl")
    assert scores["events"]["f1"] >= 0.67  # 0.651 when first scored, 0.683 when last raised
    assert scores["on_matched"]["actor"] >= 0.90 and scores["on_matched"]["recipient"] >= 0.85


@pytest.mark.model
def test_cli_eval_statements_prints_the_three_components() -> None:
    result = CliRunner().invoke(app, ["eval", "statements", "--data",
                                      str(GOLD / "statements.jsonl"), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert {"quotes", "red_lines", "positions"} <= set(json.loads(result.output))
