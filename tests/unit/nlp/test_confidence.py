"""Event confidence: features, the fitted model, calibration figures and the story threshold."""

from __future__ import annotations

from datetime import date

import polars as pl
import pytest

from spiral.analysis.stories import stories
from spiral.nlp import calibration
from spiral.nlp.calibration import (
    default_min_confidence,
    features,
    fit,
    leads_sentence,
    reliability,
    same_sides_elsewhere,
    score,
)
from spiral.nlp.confidence import ConfidenceScorer

EVENT = {"event_type": "ASSAULT", "start": 0, "end": 33, "text": "Russia struck Kharkiv overnight.",
         "mode": "", "actor": [{"code": "RUS", "sector": "GOV"}],
         "recipient": [{"code": "UKR", "sector": ""}]}


def test_confidence_features_name_what_makes_an_event_doubtful() -> None:
    sure = features(EVENT, EVENT["text"] + "\nMore text.", n_in_sentence=1)
    doubtful = features({**EVENT, "start": 9, "actor": [], "recipient": [{"code": "RUS"}]},
                        "Headline\n" + EVENT["text"], n_in_sentence=2)
    assert sure["no_actor"] == 0 and doubtful["no_actor"] == 1
    assert sure["first_line"] == 1 and doubtful["first_line"] == 0
    assert doubtful["shared_sentence"] == 1


def test_confidence_shipped_model_ranks_a_sideless_event_below_a_full_one() -> None:
    full = score(features(EVENT, EVENT["text"], n_in_sentence=1))
    sideless = score(features({**EVENT, "actor": [], "recipient": []}, EVENT["text"],
                              n_in_sentence=1))
    assert 0.0 <= sideless < full <= 1.0
    assert 0.0 < default_min_confidence() < 1.0


def test_confidence_fit_recovers_a_separating_feature_and_is_calibrated() -> None:
    rows = [{"bias": 1.0, "x": float(i % 2)} for i in range(200)]
    labels = [i % 2 == 1 and i % 10 != 1 for i in range(200)]  # 80% right when x, never else
    weights = fit(rows, labels, l2=0.01)
    probabilities = [score(r, weights) for r in rows]
    ece, table = reliability(probabilities, labels)
    assert ece < 0.02 and sum(t["n"] for t in table) == 200
    assert abs(max(probabilities) - 0.8) < 0.02


class _Underscore:
    def __init__(self, events: tuple) -> None:
        self.events = events


class _Doc:  # the component reads only doc.text (cached in user_data) and doc._.events
    def __init__(self, text: str, events: tuple) -> None:
        self.text, self._, self.user_data = text, _Underscore(events), {}


def test_confidence_component_sets_a_probability_on_every_event() -> None:
    doc = ConfidenceScorer()(_Doc(EVENT["text"], (EVENT, {**EVENT, "event_type": "ACCUSE"})))
    assert all(0.0 <= e["confidence"] <= 1.0 for e in doc._.events)


def test_stories_count_only_mentions_at_or_above_the_threshold() -> None:
    row = {"id": "e1", "doc_id": "d1", "system": "spiral", "event_type": "ASSAULT", "mode": "",
           "context": [], "actor": "[]", "recipient": "[]", "actor_code": "RUS",
           "recipient_code": "UKR", "date": date(2024, 11, 21), "date_precision": "day",
           "quad_code": 4, "intensity": -9.0, "cameo": "19", "negated": False,
           "hypothetical": False, "text": "Russia struck Dnipro.", "start": 0, "end": 21,
           "source": "Wire", "url": "", "confidence": 0.1}
    frame = pl.DataFrame([row, {**row, "id": "e2", "doc_id": "d2", "confidence": 0.9,
                                "source": "Desk"}])
    assert stories(frame, min_confidence=0.5)["n_mentions"].to_list() == [1]
    assert stories(frame, min_confidence=0.0)["n_mentions"].to_list() == [2]


def test_confidence_features_tell_a_named_conflict_at_home_from_one_a_place_lends() -> None:
    army = {"code": "SDN", "sector": "MIL", "role": ""}
    named = {**EVENT, "actor": [army], "recipient": [{"code": "SDN", "sector": "REB", "role": ""}]}
    at_home = {**named, "recipient": [{"code": "SDN", "sector": "", "role": "by document"}]}
    placed = {**named, "recipient": [{"code": "SDN", "sector": "", "role": "by location"}]}
    flags = [features(e, e["text"], n_in_sentence=1) for e in (named, at_home, placed, EVENT)]
    assert [f["self_dyad"] for f in flags] == [1, 1, 1, 0]
    assert [f["self_dyad_named"] for f in flags] == [1, 1, 0, 0]


def test_confidence_counts_the_same_two_sides_told_in_other_sentences_of_the_report(
        monkeypatch: pytest.MonkeyPatch) -> None:
    def told(start: int, actor: str, recipient: str | None) -> dict:
        return {**EVENT, "start": start, "actor": [{"code": actor, "sector": ""}],
                "recipient": [{"code": recipient, "sector": ""}] if recipient else []}

    strike = told(0, "RUS", "UKR")
    story = [strike, told(0, "UKR", "RUS"),  # the same sentence: no second telling
             told(40, "UKR", "RUS"), told(90, "RUS", "UKR"),  # either way round
             told(90, "RUS", "POL"), told(120, "RUS", None),  # one side: no pair
             {**told(150, "BLR", "UKR"), "actor": [{"code": "BLR"}, {"code": "RUS"}]}]
    assert same_sides_elsewhere(story) == [3, 3, 4, 4, 0, 0, 4]
    named = features(strike, strike["text"], n_in_sentence=1, n_same_sides=2)
    once = features(strike, strike["text"], n_in_sentence=1)
    assert named["log_same_sides_elsewhere"] > once["log_same_sides_elsewhere"] == 0.0
    # the component passes the count: weighed, the story's pair ranks above a pair told once
    monkeypatch.setattr(calibration, "_model", lambda: {
        "threshold": 0.5, "weights": {"log_same_sides_elsewhere": 1.0}})
    doc = ConfidenceScorer()(_Doc(EVENT["text"], tuple(story)))
    assert doc._.events[0]["confidence"] > doc._.events[4]["confidence"] == 0.5


def test_confidence_features_tell_the_main_event_from_one_told_late_in_its_sentence() -> None:
    # "Lima expelled two envoys after Quito shelled a border post." read as two events: the
    # expulsion leads the sentence ("expelled" is its root), the shelling hangs late on it
    text = "Lima expelled two envoys after Quito shelled a border post."
    expelled = {**EVENT, "event_type": "SANCTION", "start": 0, "end": len(text), "text": text,
                "trigger_start": 5, "trigger_end": 13}
    shelled = {**expelled, "event_type": "ASSAULT", "trigger_start": 37, "trigger_end": 44}
    spoken = {**expelled, "event_type": "THREATEN", "trigger_start": -1, "trigger_end": -1}
    assert leads_sentence([expelled, shelled, {**EVENT, "start": 70, "end": 90}]) == [
        True, False, True]
    flags = [features(e, text, n_in_sentence=2, leads=lead)
             for e, lead in ((expelled, True), (shelled, False), (spoken, False))]
    assert [f["leads_sentence"] for f in flags] == [1, 0, 0]
    assert [f["trigger_late"] for f in flags] == [0, 1, 0]  # no trigger word: not late


def test_confidence_fit_leaves_out_rows_of_weight_zero() -> None:
    rows = [{"bias": 1.0, "x": 1.0}] * 20 + [{"bias": 1.0, "x": 0.0}] * 20
    labels = [True] * 10 + [False] * 10 + [False] * 20
    # the ten right rows with x weigh nothing: x now tells only wrong events
    weighted = fit(rows, labels, sample_weight=[0.0] * 10 + [1.0] * 30)
    assert fit(rows, labels)["x"] > 1 > weighted["x"]


def test_confidence_knows_an_act_the_report_tells_in_more_than_one_sentence(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # a round-up: a drone raid told in the lead and again further down, a call told once
    raid = {**EVENT, "start": 0, "end": 40, "actor": [{"code": "ARM", "sector": "MIL"}],
            "recipient": [{"code": "AZE", "sector": ""}]}
    call = {**raid, "event_type": "CONSULT", "start": 41, "end": 80,
            "recipient": [{"code": "GEO", "sector": ""}]}
    retold = {**raid, "event_type": "COERCE", "start": 81, "end": 120}  # the same family
    facts = calibration.document_facts([raid, call, retold])
    assert [f["told_elsewhere"] for f in facts] == [True, False, True]
    assert {f["n_event_sentences"] for f in facts} == {3}
    flags = [features(e, "", **f) for e, f in zip((raid, call, retold), facts)]
    assert [f["told_elsewhere"] for f in flags] == [1, 0, 1]
    assert flags[0]["log_event_sentences"] > features(raid, "", n_in_sentence=1)[
        "log_event_sentences"]
    # the component passes the facts: weighed, the retold raid ranks above the call
    monkeypatch.setattr(calibration, "_model", lambda: {
        "threshold": 0.5, "weights": {"told_elsewhere": 1.0}})
    doc = ConfidenceScorer()(_Doc("x" * 120, (raid, call, retold)))
    assert doc._.events[0]["confidence"] > doc._.events[1]["confidence"] == 0.5
