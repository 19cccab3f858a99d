"""Event coding on sentences we wrote: who did what to whom, when, and whether it happened."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _coded(doc) -> list[tuple]:
    return [(e["actor"][0]["code"], e["event_type"], e["mode"],
             tuple(r["code"] for r in e["recipient"]), e["negated"], e["hypothetical"], e["date"])
            for e in doc._.events]


@pytest.mark.parametrize("text, expected", [
    ("Russia fired a missile at Dnipro on Thursday.",
     ("RUS", "ASSAULT", "missile", ("UKR",), False, False, "2024-11-21")),
    ("Ukrainian forces fired American ATACMS missiles at an arsenal in the Bryansk region on Tuesday.",
     ("UKR", "ASSAULT", "missile", ("RUS",), False, False, "2024-11-19")),
    ("Scholz urged Putin to end the war.",
     ("DEU", "REQUEST", "", ("RUS",), False, False, "2024-11-22")),
    ("Iran and Syria blamed Israel for the attack.",
     ("IRN", "ACCUSE", "", ("ISR",), False, False, "2024-11-22")),
])
def test_events_code_who_did_what_to_whom(annotate, text: str, expected: tuple) -> None:
    assert _coded(annotate(text))[0] == expected


def test_events_conditional_is_hypothetical(annotate) -> None:
    coded = _coded(annotate("Russia would strike Kyiv if Ukraine fired ATACMS at Kursk."))
    assert {(c[0], c[3], c[5]) for c in coded} == {("RUS", ("UKR",), True), ("UKR", ("RUS",), True)}


def test_events_resisted_permission_is_not_a_fact(annotate) -> None:
    coded = _coded(annotate("The United States had resisted for months a change to let Kyiv strike Russia."))
    assert coded and all(c[5] for c in coded)


def test_events_nominal_trigger_with_possessor(annotate) -> None:
    coded = _coded(annotate("London's decision to let Kyiv fire the missiles at targets inside "
                            "Russia was discussed for months."))
    assert ("GBR", "CONCEDE", "policy", ("UKR",)) in [c[:4] for c in coded]
    assert ("UKR", "ASSAULT", "missile", ("RUS",)) in [c[:4] for c in coded]


def test_events_negation(annotate) -> None:
    coded = _coded(annotate("Britain did not send troops to Ukraine."))
    assert coded and coded[0][4] is True


def test_events_weapon_maker_is_not_the_recipient(annotate) -> None:
    coded = _coded(annotate("Ukraine struck a military facility in Russia's Bryansk region with "
                            "US-made ATACMS missiles on Tuesday."))
    assert coded[0][3] == ("RUS",)


def test_events_offsets_point_at_the_sentence(annotate) -> None:
    text = "Kyiv said little.\n\nRussia fired a missile at Dnipro on Thursday.\n\n"
    doc = annotate(text)
    (event,) = doc._.events
    assert text[event["start"]:event["end"]] == event["text"] == "Russia fired a missile at Dnipro on Thursday."
