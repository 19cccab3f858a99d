"""An act told without its target takes the side its actor acts on throughout the report."""

from __future__ import annotations

import pytest

from spiral.nlp.report_counterparts import FROM_STORY, story_counterparts

pytestmark = pytest.mark.model


def _recipients(doc, event_type: str) -> list[tuple[str, str]]:
    return [(r["code"], r["role"]) for e in doc._.events if e["event_type"] == event_type
            for r in e["recipient"]]


def test_a_warning_with_no_target_takes_the_side_its_maker_strikes_in_the_report(annotate):
    doc = annotate("Russian missiles hit a power plant in Kharkiv on Monday. Russian drones "
                   "struck the port of Odesa overnight. Moscow warned on Tuesday that it would "
                   "widen the campaign.")
    assert ("UKR", FROM_STORY) in _recipients(doc, "THREATEN")


def test_a_side_named_once_elsewhere_is_not_enough(annotate):
    doc = annotate("Russian missiles hit a power plant in Kharkiv on Monday. Moscow warned on "
                   "Tuesday that it would widen the campaign.")
    assert all(role != FROM_STORY for _, role in _recipients(doc, "THREATEN"))


def test_a_drill_takes_no_target_from_the_story(annotate):
    doc = annotate("Russian missiles hit a power plant in Kharkiv on Monday. Russian drones "
                   "struck the port of Odesa overnight. Russia mobilised 5,000 reservists on "
                   "Tuesday.")
    assert _recipients(doc, "MOBILIZE") == []


def _event(start: int, kind: str, actor: str, recipient: str | None = None) -> dict:
    return {"start": start, "event_type": kind, "actor": [{"code": actor}],
            "recipient": [{"code": recipient}] if recipient else []}


def test_a_tie_between_counterparts_gives_none() -> None:
    events = [_event(0, "SANCTION", "USA"), _event(40, "ACCUSE", "USA", "CHN"),
              _event(80, "ACCUSE", "USA", "CHN"), _event(120, "COERCE", "USA", "IRN"),
              _event(160, "COERCE", "USA", "IRN")]
    assert story_counterparts(events)[0] is None


def test_counterparts_come_only_from_other_sentences_and_never_the_actor_itself() -> None:
    events = [_event(0, "SANCTION", "USA"), _event(0, "ACCUSE", "USA", "CHN"),
              _event(0, "ACCUSE", "USA", "CHN"), _event(40, "AGREE", "USA", "USA"),
              _event(80, "AGREE", "USA", "USA")]
    assert story_counterparts(events)[0] is None
