"""Who speaks, as error classes read on real reporting (tests/realtext, dev split) show it, in
sentences of our own words."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _speakers(doc) -> list[tuple[str, str, bool]]:
    return [((q["speaker"] or {}).get("code", ""), (q["speaker"] or {}).get("sector", ""),
             q["anonymous"]) for q in doc._.quotes]


@pytest.mark.parametrize("text", [
    # a named outlet, a firm or a ship's owners of a country are no state's voice
    "The Norwegian Telegram channel Fjordpost said the ferry had turned back.",
    "Norway's state-owned energy giant Nordgass said the pipeline had been shut overnight.",
    "The Finnish publication said the ferry had been held in port for two days.",
    "The vessel's owners, Denmark's Kattegat Lines, said the crew was safe.",
])
def test_speakers_a_media_outlet_or_firm_of_a_country_is_not_its_government(annotate, text) -> None:
    speakers = _speakers(annotate(text))
    assert speakers and all(sector != "GOV" for _, sector, _ in speakers)


@pytest.mark.parametrize("text, day, named", [
    # a pronoun after a name spelt otherwise than the knowledge base spells it
    (("Ukrainian President Volodymyr Zelenskyy said the front was holding. He said more air "
     "defence was needed before winter."), "2024-10-01", "Zelenskyy"),
    # a description by another noun than the one that named the body
    (("The Tigray People's Liberation Front, the party that ran the region, said its fighters had "
     "pulled back. The group said the truce had to hold."), "2023-01-01", "the party"),
    # descriptions that repeat the noun of a source whose name the knowledge base does not know
    (("The vessel's owners, Denmark's Kattegat Lines, said the crew was safe. The owners said the "
     "ship would be towed to port."), None, "Kattegat Lines"),
    (("The Norwegian Telegram channel Fjordpost said the ferry had turned back. The channel said "
     "the crew was safe."), None, "Fjordpost"),
])
def test_speakers_a_source_that_points_back_keeps_the_words_that_named_it(annotate, text, day,
                                                                 named) -> None:
    last = annotate(text, day)._.quotes[-1]
    assert named in last["speaker"]["entity_text"]


@pytest.mark.parametrize("text, speaker", [
    (("Chile's foreign ministry said the border crossing had been shut overnight, Reuters "
     "reported."), "Chile's foreign ministry"),
    ("Reuters reported that the Peruvian foreign minister condemned the seizure of the trawler.",
     "the Peruvian foreign minister"),
    (("The fishing deal was signed in Lima, Chile's foreign ministry said, according to the "
     "Associated Press."), "Chile's foreign ministry"),
])
def test_speakers_an_agency_relays_the_words_of_the_source_its_report_names(annotate, text,
                                                                   speaker) -> None:
    quotes = annotate(text)._.quotes
    assert quotes and quotes[0]["speaker_text"] == speaker


@pytest.mark.parametrize("text, last", [
    # a body its own words place is not the state its words make their subject
    ("Peruvian warplanes buzzed the fishing fleet overnight, the Chilean navy said.",
     ("CHL", "MIL", False)),
    # a body of a possessor is the possessor's, not the report's country
    (("Peru's navy seized a trawler off Lima on Monday. Peru said the crew would be tried in "
      "Lima. The Chilean military's general staff said the crew was unharmed."),
     ("CHL", "MIL", False)),
])
def test_speakers_a_state_body_its_own_words_place_keeps_its_country(annotate, text, last) -> None:
    assert _speakers(annotate(text))[-1] == last


@pytest.mark.parametrize("text, speaker", [
    # a news agency the state runs, and media the text calls the state's, are of that state and
    # no state's voice, as most annotator groups code them (C, E, F and J code them as the state's)
    ("North Korea fired two rockets into the sea on Monday, KCNA said.", ("PRK", "MED", False)),
    ("Chile's navy shelled a fishing camp, Peruvian state television said.", ("PER", "MED", False)),
])
def test_speakers_state_media_are_of_their_state_and_no_states_voice(annotate, text,
                                                                     speaker) -> None:
    assert _speakers(annotate(text, "2025-03-01")) == [speaker]


def test_speakers_a_news_agency_quoted_between_is_not_the_group(annotate) -> None:
    doc = annotate("Hezbollah fired rockets at a border town on Monday, Al Arabiya reported. "
                   "Israel accused the group of breaking the truce.")
    accusations = [e for e in doc._.events if e["event_type"] == "ACCUSE"]
    assert accusations and all(r["code"] == "LBN" for r in accusations[0]["recipient"])


@pytest.mark.parametrize("text, speaker", [
    # an office, a department, a council or a service the text places nowhere is of the
    # country that last spoke or acted
    (("Chile said on Monday it would send more patrol boats to the strait. The Department of "
      "Foreign Affairs said talks with Peru had stalled."), ("CHL", "GOV", False)),
    (("Peru's drones struck a depot near Arica overnight, Chile said. The state emergency "
      "service said four buildings were damaged."), ("CHL", "GOV", False)),
])
def test_speakers_a_state_body_the_text_places_nowhere_is_of_the_last_to_act(annotate, text,
                                                                            speaker) -> None:
    assert _speakers(annotate(text, "2025-03-01"))[-1] == speaker
