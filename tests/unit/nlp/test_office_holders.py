"""The shipped office holders: well-formed files, one entry per name, no two holders of one office
at once, and historical names resolved to their country on a date."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from importlib import resources
from itertools import combinations

import pytest
import yaml

from spiral.countries import countries
from spiral.nlp.kb import SHIPPED_FILES, ActorKB, _person

NEW_FILE = "former_office_holders.yaml"
NON_STATE_CODES = {"IGO", "NGO"}
HEAD_OFFICES = ("President", "Prime Minister")
MAX_OVERLAP_DAYS = 31  # a handover reported a few days either way is not two holders


def _shipped(name: str) -> dict:
    text = resources.files("spiral.nlp.kb").joinpath(name).read_text(encoding="utf-8")
    return yaml.safe_load(text)


def _people(name: str) -> list:
    return [_person(raw, f"{name}: people[{number}]")
            for number, raw in enumerate(_shipped(name).get("people") or [], start=1)]


def test_office_holders_new_file_is_shipped() -> None:
    assert NEW_FILE in SHIPPED_FILES
    assert SHIPPED_FILES.index(NEW_FILE) == SHIPPED_FILES.index("office_holders.yaml") + 1


@pytest.mark.parametrize("name", SHIPPED_FILES)
def test_office_holders_roles_have_known_codes_and_ordered_dates(name: str) -> None:
    known = {country.code for country in countries()} | NON_STATE_CODES
    people = _people(name)
    assert people, f"{name} lists nobody"
    for person in people:
        for role in person.roles:
            assert role.code in known, f"{name}: {person.name}: unknown code {role.code!r}"
            assert role.sector, f"{name}: {person.name}: role {role.role!r} has no sector"
            if role.valid_from and role.valid_to:
                assert role.valid_from < role.valid_to, (
                    f"{name}: {person.name}: {role.role} from {role.valid_from} to {role.valid_to}")


def test_office_holders_names_and_aliases_are_unique() -> None:
    seen: dict[str, str] = {}
    clashes = []
    for name in SHIPPED_FILES:
        for person in _people(name):
            for surface in {person.name, *person.aliases}:
                where = f"{name}: {person.name}"
                if surface in seen and seen[surface] != where:
                    clashes.append(f"{surface!r} in {seen[surface]} and {where}")
                seen.setdefault(surface, where)
    assert not clashes, "\n".join(clashes)


def test_office_holders_heads_do_not_overlap() -> None:
    terms = defaultdict(list)  # (code, office) -> [(from, to, person)]
    for person in _people(NEW_FILE):
        for role in person.roles:
            if role.role in HEAD_OFFICES:
                terms[role.code, role.role].append(
                    (role.valid_from or date.min, role.valid_to or date.max, person.name))
    overlaps = []
    for (code, office), held in terms.items():
        for (start_a, end_a, who_a), (start_b, end_b, who_b) in combinations(held, 2):
            if who_a == who_b:
                continue
            days = (min(end_a, end_b) - max(start_a, start_b)).days
            if days > MAX_OVERLAP_DAYS:
                overlaps.append(f"{code} {office}: {who_a} and {who_b} for {days} days")
    assert not overlaps, "\n".join(overlaps)


@pytest.mark.parametrize(("name", "day", "code", "sector", "role"), [
    ("Clinton", date(1998, 6, 1), "USA", "GOV", "President"),
    ("Chirac", date(2003, 3, 1), "FRA", "GOV", "President"),
    ("Bouteflika", date(2000, 5, 1), "DZA", "GOV", "President"),
    ("Kofi Annan", date(2001, 1, 1), "IGO", "IGO", "UN Secretary-General"),
    ("Yeltsin", date(1995, 1, 1), "RUS", "GOV", "President"),
    ("Yeltsin", date(2005, 1, 1), "RUS", "ELI", "former President"),
    ("Bush", date(2003, 3, 20), "USA", "GOV", "President"),
    ("Omar Hassan al-Bashir", date(2009, 3, 4), "SDN", "GOV", "President"),
    ("Akayev", date(2000, 1, 1), "KGZ", "GOV", "President"),
    ("Ehud Barak", date(2000, 7, 11), "ISR", "GOV", "Prime Minister"),
    ("Milošević", date(1999, 3, 24), "SRB", "GOV", "President of Yugoslavia"),
    ("Putin", date(2004, 1, 1), "RUS", "GOV", "President"),
    ("Putin", date(2010, 1, 1), "RUS", "GOV", "Prime Minister"),
    ("Netanyahu", date(1997, 1, 1), "ISR", "GOV", "Prime Minister"),
    ("Erdogan", date(2010, 1, 1), "TUR", "GOV", "Prime Minister"),
    # stop 27's whole offices
    ("Kyslytsya", date(2022, 3, 1), "UKR", "GOV", "Ambassador to the UN"),
    ("Yuriy Ihnat", date(2024, 3, 1), "UKR", "MIL", "Air Force Spokesman"),
    ("Hanegbi", date(2024, 3, 1), "ISR", "GOV", "National Security Adviser"),
    ("Bagheri Kani", date(2023, 3, 1), "IRN", "GOV", "Deputy Foreign Minister for Political Affairs"),
])
def test_office_holders_resolve_on_a_date(name, day, code, sector, role) -> None:
    entity = ActorKB.load().lookup(name, day)
    assert entity is not None, f"{name!r} is unknown"
    assert (entity.code, entity.sector, entity.role) == (code, sector, role)


def test_office_holders_office_on_a_date() -> None:
    kb = ActorKB.load()
    assert kb.office_holder("RUS", "foreign minister", date(1997, 1, 1)).name == "Yevgeny Primakov"
    assert kb.office_holder("IGO", "NATO Secretary General", date(2000, 1, 1)).name == "George Robertson"
    assert kb.office_holder("CHN", "foreign minister", date(2015, 1, 1)).name == "Wang Yi"


def test_office_holders_a_shared_surname_is_the_holder_on_the_day() -> None:
    kb = ActorKB.load()
    assert kb.lookup("Bush", date(1990, 6, 1)).entity_name == "George H. W. Bush"
    assert kb.lookup("Bush", date(2003, 6, 1)).entity_name == "George W. Bush"
    assert kb.lookup("Aliyev", date(1995, 1, 1)).entity_name == "Heydar Aliyev"
    assert kb.lookup("Aliyev", date(2024, 1, 1)).entity_name == "Ilham Aliyev"


@pytest.mark.parametrize(("name", "day", "code", "role"), [
    ("Raimondo", date(2023, 10, 17), "USA", "Commerce Secretary"),
    ("Bessent", date(2025, 4, 1), "USA", "Treasury Secretary"),
    ("Vijay Gokhale", date(2019, 2, 26), "IND", "Foreign Secretary"),
    ("Vinay Kwatra", date(2023, 1, 1), "IND", "Foreign Secretary"),
    ("Lamamra", date(2022, 1, 1), "DZA", "Foreign Minister"),
    ("Attaf", date(2024, 1, 1), "DZA", "Foreign Minister"),
    ("Zhovkva", date(2022, 6, 1), "UKR", "Deputy Head of the Presidential Office"),
    ("Klitschko", date(2023, 1, 1), "UKR", "Mayor of Kyiv"),
    ("Krasnoselsky", date(2025, 1, 15), "MDA", "Leader of the self-declared Transnistrian republic"),
    ("Vladimir Medinsky", date(2025, 5, 16), "RUS", "Presidential aide"),
    ("Gladkov", date(2023, 5, 23), "RUS", "Governor of Belgorod region"),
    ("Khinshtein", date(2025, 3, 1), "RUS", "Governor of Kursk region"),
    ("Oleh Syniehubov", date(2024, 5, 10), "UKR", "Governor of Kharkiv region"),
    ("Georgiy Tykhy", date(2025, 2, 1), "UKR", "Foreign Ministry Spokesman"),
])
def test_office_holders_cabinet_members_and_local_leaders(name, day, code, role) -> None:
    entity = ActorKB.load().lookup(name, day)
    assert entity is not None, f"{name!r} is unknown"
    assert (entity.code, entity.sector, entity.role) == (code, "GOV", role)
