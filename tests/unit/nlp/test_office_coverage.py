"""Coverage of the shipped office holders: army chiefs and spokespeople of at least 40 countries
in the crises of 2022-2025, resolved by name and by office on a date."""

from __future__ import annotations

from datetime import date

import pytest

from spiral.nlp.kb import ActorKB, Role

MIN_COUNTRIES = 40
ON = date(2024, 11, 21)
PERIOD = (date(2022, 1, 1), date(2025, 7, 1))  # to exclusive
NON_STATE_CODES = {"IGO", "NGO", "IMG"}
# the top uniformed officer: chief of the general / defence staff, commander, joint chiefs chairman,
# Germany's Inspector General
TOP_COMMAND = ("chief of", "commander", "chairman of the joint chiefs", "inspector general")
SPOKESPERSON = ("spokes", "press secretary")


def _held_in(role: Role, start: date, end: date) -> bool:
    """Whether the role was held on some day of [start, end)."""
    return (role.valid_from is None or role.valid_from < end) and (
        role.valid_to is None or role.valid_to > start)


def _countries(matches) -> set[str]:
    return {role.code for person in ActorKB.load().people for role in person.roles
            if role.code not in NON_STATE_CODES and matches(role)}


def test_office_coverage_army_chiefs_of_40_countries() -> None:
    countries = _countries(lambda role: role.sector == "MIL" and role.holds_on(ON) and any(
        word in role.role.lower() for word in TOP_COMMAND))
    assert len(countries) >= MIN_COUNTRIES, f"{len(countries)} countries: {sorted(countries)}"


def test_office_coverage_spokespeople_of_40_countries() -> None:
    countries = _countries(lambda role: _held_in(role, *PERIOD) and any(
        word in role.role.lower() for word in SPOKESPERSON))
    assert len(countries) >= MIN_COUNTRIES, f"{len(countries)} countries: {sorted(countries)}"


@pytest.mark.parametrize("words", [("foreign", "secretary of state"), ("defence", "defense")])
def test_office_coverage_foreign_and_defence_ministers_of_40_countries(words) -> None:
    countries = _countries(lambda role: _held_in(role, *PERIOD) and role.sector in ("GOV", "MIL")
                           and "spokes" not in role.role.lower()
                           and any(word in role.role.lower() for word in words))
    assert len(countries) >= MIN_COUNTRIES, f"{len(countries)} countries: {sorted(countries)}"


def test_office_coverage_international_spokespeople() -> None:
    kb = ActorKB.load()
    assert kb.office_holder("IGO", "spokesperson for the un secretary-general", ON) is not None
    assert kb.office_holder("IGO", "eu foreign affairs spokes", ON) is not None


@pytest.mark.parametrize(("name", "day", "code", "sector", "holder"), [
    ("Mao Ning", ON, "CHN", "GOV", "Mao Ning"),
    ("Gerasimov", ON, "RUS", "MIL", "Valery Gerasimov"),
    ("Milley", date(2022, 6, 1), "USA", "MIL", "Mark Milley"),
    ("Zaluzhnyi", date(2023, 6, 1), "UKR", "MIL", "Valerii Zaluzhnyi"),
    ("Syrskyi", ON, "UKR", "MIL", "Oleksandr Syrskyi"),
    ("Psaki", date(2022, 3, 1), "USA", "GOV", "Jen Psaki"),
    ("Yahya Saree", ON, "YEM", "REB", "Yahya Saree"),
    ("Carignan", ON, "CAN", "MIL", "Jennie Carignan"),
    # foreign-ministry spokespeople and acting heads of 2019-2021, before the period above
    ("Srivastava", date(2020, 6, 16), "IND", "GOV", "Anurag Srivastava"),
    ("Zahid Hafeez Chaudhri", date(2021, 5, 1), "PAK", "GOV", "Zahid Hafeez Chaudhri"),
    ("Khatibzadeh", date(2021, 4, 13), "IRN", "GOV", "Saeed Khatibzadeh"),
    ("Naghdalyan", date(2020, 10, 4), "ARM", "GOV", "Anna Naghdalyan"),
    ("Jasina", date(2022, 11, 16), "POL", "GOV", "Lukasz Jasina"),
    ("Myint Swe", date(2023, 11, 8), "MMR", "GOV", "Myint Swe"),
    # the other common spelling of a name
    ("Shah Mehmood Qureshi", date(2019, 8, 7), "PAK", "GOV", "Shah Mahmood Qureshi"),
])
def test_office_coverage_resolves_on_a_date(name, day, code, sector, holder) -> None:
    entity = ActorKB.load().lookup(name, day)
    assert entity is not None, f"{name!r} is unknown"
    assert (entity.entity_name, entity.code, entity.sector) == (holder, code, sector)


def test_office_coverage_a_former_spokesperson_is_no_longer_in_office() -> None:
    entity = ActorKB.load().lookup("Zhao Lijian", ON)
    assert (entity.code, entity.sector) == ("CHN", "ELI")


G20 = {"ARG", "AUS", "BRA", "CAN", "CHN", "FRA", "DEU", "IND", "IDN", "ITA", "JPN", "KOR", "MEX",
       "RUS", "SAU", "ZAF", "TUR", "GBR", "USA"}
HEADS = ("president", "prime minister", "chancellor", "king", "supreme leader", "head of",
         "chairman", "premier", "emir", "crown prince")


def test_office_coverage_every_g20_state_has_its_leader_on_a_recent_date() -> None:
    on = date(2025, 6, 1)
    led = _countries(lambda role: role.holds_on(on) and role.sector == "GOV" and any(
        word in role.role.lower() for word in HEADS))
    assert G20 <= led, sorted(G20 - led)


# holders of 2019-2021 and 2025 that the lists lacked: in office on the first day, former on the second
@pytest.mark.parametrize(("name", "held", "after", "code", "role"), [
    ("Kramp-Karrenbauer", date(2020, 6, 1), date(2022, 6, 1), "DEU", "Defence Minister"),
    ("Naledi Pandor", date(2021, 3, 1), date(2024, 8, 1), "ZAF", "Foreign Minister"),
    ("Ernesto Araujo", date(2020, 5, 1), date(2021, 6, 1), "BRA", "Foreign Minister"),
    ("Gebran Bassil", date(2019, 10, 1), date(2020, 3, 1), "LBN", "Foreign Minister"),
    ("Andriy Taran", date(2021, 1, 1), date(2022, 1, 1), "UKR", "Defence Minister"),
    ("Marise Payne", date(2020, 1, 1), date(2022, 6, 1), "AUS", "Foreign Minister"),
    # security advisers, intelligence chiefs, interior ministers and UN ambassadors (stop 24)
    ("Robert O'Brien", date(2020, 6, 1), date(2022, 1, 1), "USA", "National Security Adviser"),
    ("Kelly Craft", date(2020, 6, 1), date(2022, 1, 1), "USA", "Ambassador to the UN"),
    ("Braverman", date(2023, 3, 1), date(2024, 3, 1), "GBR", "Home Secretary"),
    ("Faeser", date(2023, 6, 1), date(2025, 8, 1), "DEU", "Interior Minister"),
    ("Avakov", date(2020, 1, 1), date(2022, 1, 1), "UKR", "Interior Minister"),
    ("Mahmoud Alavi", date(2020, 1, 1), date(2022, 1, 1), "IRN", "Intelligence Minister"),
    ("Gilad Erdan", date(2023, 10, 20), date(2025, 1, 1), "ISR", "Ambassador to the UN"),
])
def test_office_coverage_added_holder_is_in_office_only_in_term(name, held, after, code,
                                                                role) -> None:
    kb = ActorKB.load()
    during, later = kb.lookup(name, held), kb.lookup(name, after)
    assert (during.code, during.sector, during.role) == (code, "GOV", role)
    assert (later.code, later.sector, later.role) == (code, "ELI", f"former {role}")


@pytest.mark.parametrize(("code", "title", "day", "holder"), [
    ("USA", "secretary of defense", date(2019, 3, 1), "Patrick Shanahan"),
    ("USA", "chairman of the joint chiefs", date(2019, 3, 1), "Joseph Dunford"),
    ("CAN", "defence minister", date(2024, 3, 1), "Bill Blair"),
    ("JPN", "foreign minister", date(2025, 11, 1), "Toshimitsu Motegi"),
    ("ISR", "defence minister", date(2020, 1, 1), "Naftali Bennett"),
    ("IDN", "commander of the armed forces", date(2020, 1, 1), "Hadi Tjahjanto"),
    ("MEX", "secretary of national defense", date(2021, 1, 1), "Luis Cresencio Sandoval"),
    ("NER", "prime minister", date(2024, 1, 1), "Ali Lamine Zeine"),
    ("SDN", "transitional military council", date(2019, 6, 1), "Abdel Fattah al-Burhan"),
    ("IRN", "interior minister", date(2023, 1, 1), "Ahmad Vahidi"),
    ("IRN", "interior minister", date(2025, 1, 1), "Eskandar Momeni"),
    ("PAK", "director general of the isi", date(2022, 6, 1), "Nadeem Anjum"),
    ("USA", "national security adviser", date(2020, 6, 1), "Robert O'Brien"),
    ("ISR", "ambassador to the un", date(2025, 1, 1), "Danny Danon"),
    ("IGO", "supreme allied commander europe", date(2023, 6, 1), "Christopher Cavoli"),
    ("IGO", "chairperson of the african union commission", date(2025, 6, 1),
     "Mahmoud Ali Youssouf"),
    ("CHN", "foreign ministry spokes", ON, "Mao Ning"),
    ("USA", "white house press secretary", date(2023, 1, 1), "Karine Jean-Pierre"),
    ("USA", "white house press secretary", date(2025, 3, 1), "Karoline Leavitt"),
    ("KEN", "chief of the defence forces", date(2023, 6, 1), "Francis Ogolla"),
    ("KEN", "chief of the defence forces", ON, "Charles Kahariri"),
    ("GBR", "foreign secretary", date(2025, 6, 1), "David Lammy"),
    ("GBR", "foreign secretary", date(2025, 10, 1), "Yvette Cooper"),
    ("CAN", "foreign minister", date(2025, 6, 1), "Anita Anand"),
    ("KOR", "foreign minister", date(2025, 8, 1), "Cho Hyun"),
    ("THA", "prime minister", date(2025, 6, 1), "Paetongtarn Shinawatra"),
    ("THA", "prime minister", date(2025, 10, 1), "Anutin Charnvirakul"),
    ("KHM", "prime minister", date(2025, 7, 25), "Hun Manet"),
    ("FRA", "defence minister", date(2025, 11, 1), "Catherine Vautrin"),
    # stop 26: foreign ministers and security advisers of Nigeria, Bangladesh, Norway, Denmark
    ("NGA", "foreign minister", date(2020, 1, 1), "Geoffrey Onyeama"),
    ("NGA", "foreign minister", date(2024, 1, 1), "Yusuf Tuggar"),
    ("NGA", "national security adviser", date(2020, 1, 1), "Babagana Monguno"),
    ("NGA", "national security adviser", date(2024, 1, 1), "Nuhu Ribadu"),
    ("BGD", "foreign minister", date(2022, 1, 1), "Abdul Momen"),
    ("BGD", "foreign minister", date(2024, 3, 1), "Hasan Mahmud"),
    ("BGD", "foreign affairs adviser", date(2025, 1, 1), "Touhid Hossain"),
    ("BGD", "chief adviser", date(2025, 1, 1), "Muhammad Yunus"),
    ("NOR", "foreign minister", date(2020, 1, 1), "Ine Eriksen Soreide"),
    ("NOR", "foreign minister", date(2022, 1, 1), "Anniken Huitfeldt"),
    ("NOR", "foreign minister", date(2024, 1, 1), "Espen Barth Eide"),
    ("DNK", "foreign minister", date(2021, 1, 1), "Jeppe Kofod"),
    ("DNK", "foreign minister", date(2024, 1, 1), "Lars Lokke Rasmussen"),
    # stop 27's whole offices
    ("CHN", "ambassador to the un", date(2022, 1, 1), "Zhang Jun"),
    ("CHN", "ambassador to the un", date(2025, 1, 1), "Fu Cong"),
    # an ambassador to the US or to Britain is not the one to the UN
    ("GBR", "ambassador to the un", date(2023, 1, 1), "Barbara Woodward"),
    ("UKR", "ambassador to the un", date(2024, 6, 1), "Sergiy Kyslytsya"),
    ("IND", "ambassador to the un", date(2023, 1, 1), "Ruchira Kamboj"),
    ("PSE", "ambassador to the un", date(2024, 1, 1), "Riyad Mansour"),
    ("USA", "ambassador to the un", date(2025, 10, 1), "Mike Waltz"),
    ("ISR", "national security adviser", date(2022, 6, 1), "Eyal Hulata"),
    ("GBR", "national security adviser", date(2023, 6, 1), "Tim Barrow"),
    ("KOR", "national security adviser", date(2024, 6, 1), "Chang Ho-jin"),
    ("SAU", "interior minister", date(2023, 1, 1), "Abdulaziz bin Saud bin Nayef"),
    ("IRQ", "interior minister", date(2024, 1, 1), "Abdul Amir al-Shammari"),
    ("ZAF", "police minister", date(2024, 10, 1), "Senzo Mchunu"),
    ("AUS", "home affairs minister", date(2023, 1, 1), "Clare O'Neil"),
    ("EGY", "general intelligence", date(2022, 1, 1), "Abbas Kamel"),
    ("IND", "research and analysis wing", date(2024, 1, 1), "Ravi Sinha"),
    ("USA", "deputy secretary of state", date(2022, 1, 1), "Wendy Sherman"),
    ("RUS", "commander-in-chief of the navy", date(2022, 6, 1), "Nikolai Yevmenov"),
    ("UKR", "commander of the air force", date(2023, 1, 1), "Mykola Oleshchuk"),
    ("UKR", "commander of the air force", date(2025, 1, 1), "Anatoliy Kryvonozhko"),
    ("USA", "chief of naval operations", date(2024, 1, 1), "Lisa Franchetti"),
    ("USA", "air force chief of staff", date(2022, 1, 1), "Charles Q. Brown"),
    ("IND", "chief of the naval staff", date(2025, 5, 8), "Dinesh K. Tripathi"),
    ("PAK", "chief of the air staff", date(2025, 5, 8), "Zaheer Ahmed Babar Sidhu"),
    ("IRN", "commander of the navy", date(2024, 1, 1), "Shahram Irani"),
    ("GBR", "chief of the air staff", date(2024, 1, 1), "Richard Knighton"),
])
def test_office_coverage_office_holders_of_2019_to_2025(code, title, day, holder) -> None:
    person = ActorKB.load().office_holder(code, title, day)
    assert person is not None, f"nobody held {code} {title!r} on {day}"
    assert person.name == holder


@pytest.mark.parametrize("words", [("foreign",), ("defence", "defense")])
def test_office_coverage_g20_ministers_from_2019(words) -> None:
    """Every G20 state has a foreign and a defence minister (or secretary) on a day of 2020."""
    on = date(2020, 6, 1)
    held = _countries(lambda role: role.holds_on(on) and role.sector in ("GOV", "MIL")
                      and "spokes" not in role.role.lower()
                      and any(word in role.role.lower() for word in (*words, "secretary of")))
    assert G20 - {"SAU"} <= held, sorted(G20 - held)



# Stop 27: whole offices of the G20 and the states at war in 2019-2025, by office
OFFICES_2019 = (date(2019, 1, 1), date(2026, 1, 1))


@pytest.mark.parametrize(("words", "least"), [
    (("ambassador to the un",), 12),
    (("national security adviser", "security council", "national security and defence council"), 14),
    (("interior minister", "home secretary", "home minister", "home affairs", "public safety",
      "police minister", "security minister", "security secretary", "public security",
      "homeland security"), 27),
    (("navy", "naval", "sea lord"), 8),
    (("air force", "air staff", "aerospace"), 8),
    (("deputy foreign minister", "deputy secretary of state"), 4),
])
def test_office_coverage_countries_per_office_from_2019(words, least) -> None:
    countries = _countries(lambda role: _held_in(role, *OFFICES_2019) and any(
        word in role.role.lower() for word in words))
    assert len(countries) >= least, f"{len(countries)} countries: {sorted(countries)}"
