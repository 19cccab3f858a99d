"""The real-text scorer on a hand-made report: matching, dates, speakers and red lines."""

from __future__ import annotations

import hashlib
import math
from datetime import date
from pathlib import Path

import pytest

from spiral.errors import InputError
from spiral.nlp.evaluate_realtext import (
    _date_right,
    calibrate,
    precision_first,
    read_cached,
    score,
)
from spiral.records import Document, Entity, Event, Extraction, Quote, RedLine

TEXT = ("Russia struck Kharkiv on Tuesday, Ukraine's air force said. "
        "Kyiv will respond if the strikes go on, Zelensky warned.")
RUS, UKR = Entity("Russia", "Russia", "RUS", "GOV"), Entity("Ukraine", "Ukraine", "UKR", "GOV")
ZELENSKY = Entity("Zelensky", "Volodymyr Zelensky", "UKR", "GOV")
FIRST, SECOND = (0, 60), (61, len(TEXT))


def _annotation() -> dict:
    return {"id": "r1", "split": "dev", "events": [
        {"start": FIRST[0], "end": FIRST[1], "actor": "RUS", "event_type": "ASSAULT",
         "recipient": "UKR", "date_from": "2024-11-19", "date_to": "2024-11-19",
         "status": "asserted"},
        {"start": SECOND[0], "end": SECOND[1], "actor": "UKR", "event_type": "THREATEN",
         "recipient": "RUS", "date_from": None, "date_to": None, "status": "hypothetical"}],
        "quotes": [{"start": 61, "end": 99, "speaker": "Volodymyr Zelensky", "speaker_code": "UKR",
                    "speaker_gov": True, "anonymous": False, "kind": "indirect"}],
        "red_lines": [{"start": SECOND[0], "end": SECOND[1], "declarer_code": "UKR"}]}


def _event(event_type: str, actor: Entity, recipient: Entity, day: date | None,
           span: tuple[int, int] = FIRST, **flags: bool) -> Event:
    return Event(doc_id="d", event_type=event_type, start=span[0], end=span[1],
                 text=TEXT[span[0]:span[1]], actor=(actor,), recipient=(recipient,), date=day,
                 **flags)


def _score(events: tuple[Event, ...], quotes: tuple[Quote, ...] = (),
           red_lines: tuple[RedLine, ...] = ()) -> dict:
    document = Document(doc_id="d", text=TEXT)
    extraction = Extraction(document=document, events=events, quotes=quotes, red_lines=red_lines)
    return score([(_annotation(), document, extraction)], with_errors=True)


def test_realtext_event_matches_by_family_actor_and_recipient() -> None:
    result = _score((_event("COERCE", RUS, UKR, date(2024, 11, 19)),   # same quad class
                     _event("ASSAULT", UKR, RUS, date(2024, 11, 19))))  # dyad reversed: false
    assert result["events"] | {} == {"gold": 1, "predicted": 2, "matched": 1, "precision": 0.5,
                                     "recall": 1.0, "f1": 0.667}
    assert result["exact_type_of_matched"] == 0.0 and result["date_accuracy"] == 1.0
    assert [e["kind"] for e in result["errors"]].count("false_event") == 1


def test_realtext_hypothetical_events_are_neither_gold_nor_predictions() -> None:
    result = _score((_event("THREATEN", UKR, RUS, None, SECOND, hypothetical=True),))
    assert result["events"]["predicted"] == 0 and result["events"]["gold"] == 1


def test_realtext_date_outside_the_window_is_wrong() -> None:
    result = _score((_event("ASSAULT", RUS, UKR, date(2024, 11, 21)),))
    assert result["events"]["matched"] == 1 and result["date_accuracy"] == 0.0


def test_realtext_a_window_bounded_only_by_publication_takes_an_undated_event() -> None:
    undated = _event("ASSAULT", RUS, UKR, None)
    assert _date_right({"date_from": None, "date_to": "2024-11-19"}, undated)
    assert not _date_right({"date_from": "2024-11-19", "date_to": "2024-11-19"}, undated)
    assert not _date_right({"date_from": None, "date_to": "2024-11-19"},
                           _event("ASSAULT", RUS, UKR, date(2024, 11, 21)))


def test_realtext_threshold_is_chosen_on_groups_the_weights_never_saw() -> None:
    document = Document(doc_id="d", text=TEXT)
    events = (_event("ASSAULT", RUS, UKR, date(2024, 11, 19)),   # right
              _event("ASSAULT", UKR, RUS, date(2024, 11, 19)))   # false
    items = [({**_annotation(), "id": f"{group}-001"}, document,
              Extraction(document=document, events=events)) for group in "AB"]
    fitted = calibrate(items)
    assert fitted["events_cross_validated_at_threshold"]["gold"] == 2  # both groups scored
    assert 0.05 <= fitted["threshold"] <= 0.95 and set(fitted["weights"]) >= {"bias"}
    # what a refit is judged by: each group's figures on weights fitted without it, the
    # calibration of those unseen confidences, and the threshold with each group left out
    assert {g: e["gold"] for g, e in fitted["events_cross_validated_by_group"].items()} == {
        "A": 1, "B": 1}
    assert set(fitted["threshold_without_group"]) == {"A", "B"}
    assert 0.0 <= fitted["ece_cross_validated"] <= 1.0


def test_realtext_speaker_needs_name_country_and_state() -> None:
    right = Quote(doc_id="d", content="", kind="indirect", start=61, end=99,
                  speaker=ZELENSKY, speaker_text="Zelensky")
    wrong = Quote(doc_id="d", content="", kind="indirect", start=61, end=99,
                  speaker=Entity("Zelensky", "Volodymyr Zelensky", "UKR", "ELI"),
                  speaker_text="Zelensky")
    assert _score((), (right,))["speaker_accuracy"] == 1.0
    assert _score((), (wrong,))["speaker_accuracy"] == 0.0


def test_realtext_red_line_found_by_span_and_declarer() -> None:
    found = RedLine(doc_id="d", declarer=UKR, condition="the strikes go on",
                    consequence="Kyiv will respond", kind="conditional_threat",
                    start=SECOND[0], end=SECOND[1])
    assert _score((), (), (found,))["red_lines"]["recall"] == 1.0
    assert _score((), (), ())["red_lines"]["recall"] == 0.0
    # a line held by the wrong side is listed as false, beside the gold one it missed
    wrong = RedLine(doc_id="d", declarer=RUS, condition="the strikes go on",
                    consequence="Kyiv will respond", kind="conditional_threat",
                    start=SECOND[0], end=SECOND[1])
    kinds = [e["kind"] for e in _score((), (), (wrong,))["errors"]]
    assert kinds.count("false_red_line") == 1 and kinds.count("missed_red_line") == 1


def test_realtext_red_line_told_again_is_neither_right_nor_false() -> None:
    # the annotators code a line once, at its clearest mention: the same side's line predicted
    # again elsewhere is a repeat mention, as for events; another side's stays false
    def line(declarer: Entity, span: tuple[int, int]) -> RedLine:
        return RedLine(doc_id="d", declarer=declarer, condition="the strikes go on",
                       consequence="Kyiv will respond", kind="conditional_threat",
                       start=span[0], end=span[1])

    told_again = _score((), (), (line(UKR, SECOND), line(ZELENSKY, FIRST)))
    assert told_again["red_lines"] | {} == {"gold": 1, "predicted": 1, "matched": 1,
                                            "precision": 1.0, "recall": 1.0, "f1": 1.0}
    assert "false_red_line" not in [e["kind"] for e in told_again["errors"]]
    other_side = _score((), (), (line(UKR, SECOND), line(RUS, FIRST)))
    assert other_side["red_lines"]["predicted"] == 2
    # a line of the gold's side is no repeat while the gold one is not found
    assert _score((), (), (line(UKR, FIRST),))["red_lines"]["predicted"] == 1


def test_realtext_cache_checks_the_hash(tmp_path: Path) -> None:
    (tmp_path / "r1.txt").write_text(TEXT, encoding="utf-8")
    good = {"id": "r1", "sha256": hashlib.sha256(TEXT.encode()).hexdigest(),
            "published": "2024-11-21", "split": "dev"}
    changed = {**good, "id": "r2"}
    (tmp_path / "r2.txt").write_text(TEXT + " More.", encoding="utf-8")
    found, missing = read_cached([good, changed, {**good, "id": "r3"}], tmp_path)
    assert [c.annotation["id"] for c in found] == ["r1"] and missing == ["r2", "r3"]
    assert found[0].document.published.date() == date(2024, 11, 21)


def test_realtext_speaker_name_is_compared_across_spellings_and_antecedents() -> None:
    from spiral.nlp.evaluate_realtext import speaker_right

    gold = {"speaker": "the Lakeland coastguard (statement)", "speaker_code": "UKR",
            "speaker_gov": True, "anonymous": False}
    spelled = Quote(doc_id="d", content="", kind="indirect", start=0, end=1,
                    speaker=Entity("Ukraine", "Ukraine", "UKR", "GOV"),
                    speaker_text="the Lakeland coast guard")
    # "the statement" the coder resolved to the body named before it
    resolved = Quote(doc_id="d", content="", kind="indirect", start=0, end=1,
                     speaker=Entity("the Lakeland Coast-Guard", "Ukraine", "UKR", "GOV"),
                     speaker_text="the statement")
    unresolved = Quote(doc_id="d", content="", kind="indirect", start=0, end=1,
                       speaker=Entity("Ukraine", "Ukraine", "UKR", "GOV"),
                       speaker_text="the statement")
    assert speaker_right(gold, spelled) and speaker_right(gold, resolved)
    assert not speaker_right(gold, unresolved)
    # transliterations differ in doubled letters
    leader = {"speaker": "Ivan Petrenkoo", "speaker_code": "UKR", "speaker_gov": True,
              "anonymous": False}
    assert speaker_right(leader, Quote(doc_id="d", content="", kind="indirect", start=0, end=1,
                                       speaker=Entity("he", "Ivan Petrenko", "UKR", "GOV"),
                                       speaker_text="he"))


def test_realtext_threshold_gives_up_no_precision_on_a_flat_curve() -> None:
    curve = [(0.552, 0.45, "a"), (0.535, 0.5, "b"), (0.543, 0.6, "c"), (0.51, 0.7, "d")]
    assert precision_first(curve)[1] == 0.6
    assert precision_first([(0.60, 0.45, "a"), (0.54, 0.6, "c")])[1] == 0.45


def test_realtext_agreement_scores_a_second_annotator_by_the_same_matching(tmp_path: Path) -> None:
    from spiral.nlp.evaluate_realtext import agreement

    (tmp_path / "r1.txt").write_text(TEXT, encoding="utf-8")
    first = {**_annotation(), "sha256": hashlib.sha256(TEXT.encode()).hexdigest()}
    same = agreement([first], [first], tmp_path)
    assert same["reports"] == ["r1"] and same["events"]["f1"] == 1.0
    assert same["speaker_accuracy"] == 1.0 and same["red_lines"]["recall"] == 1.0
    assert same["date_accuracy"] == 1.0
    (assault, threat) = first["events"]
    reversed_roles = {**first, "events": [{**assault, "actor": "UKR", "recipient": "RUS"}, threat],
                      "quotes": [{**first["quotes"][0], "speaker_code": "RUS"}]}
    other = agreement([first], [reversed_roles], tmp_path)
    assert other["events"]["matched"] == 0 and other["speaker_accuracy"] == 0.0
    # a second annotation of a text the first never read is not compared
    with pytest.raises(InputError, match="doubly annotated"):
        agreement([first], [{**first, "sha256": "0" * 64}], tmp_path)


def test_realtext_calibration_fits_no_repeat_mention() -> None:
    # right and wrong strikes, each told once or twice: a repeat mention of the right one is
    # right by construction and always has its sides told elsewhere, so fitted it would teach
    # that a retold pair is right; left out, a retold pair is right no more often than another
    document = Document(doc_id="d", text=TEXT)
    strike, wrong = (_event("ASSAULT", RUS, UKR, date(2024, 11, 19)),
                     _event("ASSAULT", UKR, RUS, date(2024, 11, 19)))
    again, wrong_again = (_event("ASSAULT", RUS, UKR, date(2024, 11, 19), SECOND),
                          _event("ASSAULT", UKR, RUS, date(2024, 11, 19), SECOND))
    told = [(strike, again), (wrong, wrong_again), (strike,), (wrong,)]
    items = [({**_annotation(), "id": f"A-{k:03}"}, document,
              Extraction(document=document, events=told[k % 4])) for k in range(48)]
    fitted = calibrate(items)
    weights = fitted["weights"]
    # what being told again adds to a strike's log-odds; fitted with the repeats, near 0.0
    retold = weights["log_same_sides_elsewhere"] * math.log1p(1) + weights["told_elsewhere"]
    assert retold < -0.2
    assert fitted["n_events"] == 72 and fitted["n_right"] == 36
