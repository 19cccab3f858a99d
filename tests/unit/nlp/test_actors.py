"""Actor resolution: knowledge-base names, dated roles, titles, pronouns, unknown people."""

from __future__ import annotations

from datetime import date

import pytest

from spiral.nlp.actors import entity_at
from spiral.nlp.kb import ActorKB

pytestmark = pytest.mark.model


def _actor(doc, text: str, occurrence: int = 0):
    start = -1
    for _ in range(occurrence + 1):
        start = doc.text.index(text, start + 1)
    return entity_at(doc, start, start + len(text))


def test_actors_roles_follow_the_date() -> None:
    kb = ActorKB.load()
    assert kb.lookup("Trump", date(2024, 12, 1)).sector == "PTY"  # president-elect: not GOV
    assert kb.lookup("Trump", date(2025, 2, 1)).sector == "GOV"
    assert kb.lookup("Sybiha", date(2024, 10, 1)).role == "Foreign Minister"
    former = kb.lookup("Kuleba", date(2024, 10, 1))  # out of office since September 2024
    assert (former.code, former.sector, former.role) == ("UKR", "ELI", "former Foreign Minister")
    assert kb.lookup("Biden", date(2025, 6, 1)).sector == "ELI"


def test_actors_slavic_surnames_match_in_any_transliteration_as_names_only(annotate) -> None:
    doc = annotate("Zelenskiy met Syrskyy in Kyiv. ZELENSKIY SPEAKS.")
    assert _actor(doc, "Zelenskiy").entity_name == "Volodymyr Zelensky"
    assert _actor(doc, "Syrskyy").entity_name == "Oleksandr Syrskyi"
    assert _actor(doc, "ZELENSKIY") is None  # a word in capitals is no name written as one


def test_actors_metonyms_are_governments(annotate) -> None:
    doc = annotate("The Kremlin said Kyiv and Washington were to blame.")
    assert [(_actor(doc, n).code, _actor(doc, n).sector) for n in ("Kremlin", "Kyiv", "Washington")] == [
        ("RUS", "GOV"), ("UKR", "GOV"), ("USA", "GOV")]


def test_actors_pronoun_and_role_noun_resolve_to_the_speaker(annotate) -> None:
    doc = annotate("Maria Zakharova, the foreign ministry spokeswoman, said Russia would respond. "
                   "She added that NATO was a party to the conflict. The spokeswoman also "
                   "criticised Britain.")
    assert _actor(doc, "She").entity_name == "Maria Zakharova"
    assert _actor(doc, "The spokeswoman").entity_name == "Maria Zakharova"


def test_actors_title_resolves_to_office_holder_on_date(annotate) -> None:
    doc = annotate("The Ukrainian foreign minister met the British prime minister.", "2024-10-10")
    assert _actor(doc, "Ukrainian foreign minister").entity_name == "Andrii Sybiha"
    assert _actor(doc, "British prime minister").entity_name == "Keir Starmer"


def test_actors_unknown_person_gets_country_and_sector_from_descriptor(annotate) -> None:
    doc = annotate("Pentagon spokeswoman Sabrina Singh said the missile was experimental. "
                   "Russian analyst Ivan Petrov disagreed.")
    assert (_actor(doc, "Sabrina Singh").code, _actor(doc, "Sabrina Singh").sector) == ("USA", "MIL")
    petrov = _actor(doc, "Ivan Petrov")
    assert (petrov.code, petrov.sector) == ("RUS", "EDU")


def test_actors_in_a_batch_are_those_of_each_document_alone(nlp) -> None:
    # the recogniser reads the new names of a whole batch at once: each must come back to its own
    # document, at its own place
    texts = ["Kenyan envoy Wanjiru Otieno met the delegation in Nairobi on Monday.",
             "The Kremlin said Kyiv was to blame.",
             ("Colonel Tomas Varga of the Hungarian army said the exercise was over. "
              "Varga added that observers had been invited.")]
    alone = [[(a["entity_name"], a["code"], a["mentions"]) for a in nlp(text)._.actors]
             for text in texts]
    batched = [[(a["entity_name"], a["code"], a["mentions"]) for a in doc._.actors]
               for doc in nlp.pipe(texts, batch_size=3)]
    assert batched == alone
    assert any(name == "Tomas Varga" and len(mentions) == 2 for name, _, mentions in alone[2])


@pytest.mark.model
def test_a_name_spaced_before_its_possessive_is_still_known(annotate) -> None:
    # some pages print "Russia 's": the words match the knowledge base's name, its text does not
    doc = annotate("Russia 's defence ministry said its air defences downed eleven drones.")
    assert "RUS" in {a["code"] for a in doc._.actors}
