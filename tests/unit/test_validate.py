"""Validation below the CLI and the API: case-insensitive codes and types, suggestions."""

from __future__ import annotations

from datetime import date

import pytest

from spiral import validate
from spiral.errors import InputError
from spiral.plover import EVENT_TYPES


@pytest.mark.parametrize("word", sorted(validate.TYPE_SYNONYMS))
def test_validate_every_synonym_points_to_a_plover_type(word: str) -> None:
    assert validate.TYPE_SYNONYMS[word] in EVENT_TYPES
    with pytest.raises(InputError, match=f"did you mean {validate.TYPE_SYNONYMS[word]}\\?"):
        validate.event_type(word.lower())


@pytest.mark.parametrize("name", sorted(EVENT_TYPES))
def test_validate_event_types_any_case(name: str) -> None:
    assert validate.event_type(name.lower()) == validate.event_type(name.title()) == name


@pytest.mark.parametrize(("typed", "suggestion"), [("ATACK", "ASSAULT"), ("asault", "ASSAULT"),
                                                   ("threat", "THREATEN"), ("Sanctions", "SANCTION")])
def test_validate_misspelt_type_suggests_the_nearest(typed: str, suggestion: str) -> None:
    with pytest.raises(InputError) as caught:
        validate.event_type(typed)
    assert caught.value.suggestion == suggestion
    assert caught.value.field == "type" and "ASSAULT" in caught.value.allowed


@pytest.mark.parametrize(("typed", "suggestion"), [("Russia", "RUS"), ("the Kremlin", "RUS"),
                                                   ("Ukraine", "UKR"), ("RUSS", "RUS")])
def test_validate_country_names_suggest_their_code(typed: str, suggestion: str) -> None:
    with pytest.raises(InputError, match=f"did you mean {suggestion}\\?"):
        validate.actor_code(typed)


def test_validate_codes_dyads_dates_and_choices() -> None:
    assert validate.actor_code(" igo ") == "IGO"
    assert validate.dyad("ukr->rus") == "UKR-RUS"
    with pytest.raises(InputError, match="ACTOR-RECIPIENT"):
        validate.dyad("RUS")
    assert validate.iso_date("2024-11-21") == date(2024, 11, 21)
    with pytest.raises(InputError, match="2024-11-21"):
        validate.iso_date("21/11/2024")
    with pytest.raises(InputError, match="swap"):
        validate.date_range(date(2024, 12, 1), date(2024, 11, 1))
    with pytest.raises(InputError, match="did you mean week"):
        validate.choice("weak", ("day", "week"), field="freq")
    with pytest.raises(InputError, match="did you mean missile"):
        validate.mode("missle")
