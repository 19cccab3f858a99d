"""Country names, adjectives and capitals to ISO 3166-1 alpha-3 codes, from data/countries.tsv.

>>> country_code("Russian Federation"), country_code("ukraine"), country_code("Atlantis")
('RUS', 'UKR', None)

Names as data sets write them are resolved too: ISO-style inverted names ("Moldova, Republic of",
"Congo, The Democratic Republic of the") and a leading article ("the United States").

>>> country_code("Moldova, Republic of"), country_code("Congo, The Democratic Republic of the")
('MDA', 'COD')
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources


@dataclass(frozen=True, slots=True)
class Country:
    code: str
    name: str
    other_names: tuple[str, ...]
    adjectives: tuple[str, ...]
    seats: tuple[str, ...]  # capitals and seat-of-government metonyms


@functools.cache
def countries() -> tuple[Country, ...]:
    table = resources.files("spiral.data").joinpath("countries.tsv").read_text(encoding="utf-8")
    found = []
    for line in table.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, name, others, adjectives, seats = (line.split("\t") + [""] * 5)[:5]
        found.append(Country(code, name, _split(others), _split(adjectives), _split(seats)))
    return tuple(found)


@functools.cache
def country_name(code: str) -> str:
    """The short name of a country code, or the code when the table does not know it.

    >>> country_name("SDN"), country_name("IGO")
    ('Sudan', 'IGO')
    """
    return next((c.name for c in countries() if c.code == code), code)


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split(";") if part.strip())


@functools.cache
def _by_name() -> dict[str, str]:
    names = {}
    for country in countries():
        for name in (country.name, *country.other_names, *country.adjectives, country.code,
                     *country.seats):
            names.setdefault(name.casefold(), country.code)
    return names


def country_names() -> dict[str, str]:
    """Every name `country_code` resolves, casefolded, with its code (a copy).

    >>> country_names()["ukraine"]
    'UKR'
    """
    return dict(_by_name())


def country_code(name: str) -> str | None:
    """The alpha-3 code of a country name, other name, adjective, code or seat of government
    ("Kyiv", "the Kremlin"); None if unknown."""
    names = _by_name()
    key = " ".join(name.split()).casefold()
    if key in names:
        return names[key]
    head, comma, tail = key.partition(", ")
    if comma:  # "moldova, republic of" -> "republic of moldova"
        key = f"{tail} {head}"
        if key in names:
            return names[key]
    return names.get(key.removeprefix("the "))


@functools.cache
def _state_names() -> frozenset[str]:
    return frozenset(name.casefold() for country in countries()
                     for name in (country.name, *country.other_names, *country.adjectives,
                                  country.code))


def is_state_name(name: str) -> bool:
    """Whether `name` names a country itself (name, other name, adjective or code), not a place
    in it or its seat of government.

    >>> is_state_name("the United States"), is_state_name("Israeli"), is_state_name("Kursk")
    (True, True, False)
    """
    return _named_in(name, _state_names())


@functools.cache
def _proper_names() -> frozenset[str]:
    return frozenset(name.casefold() for country in countries()
                     for name in (country.name, *country.other_names, country.code,
                                  *country.seats))


def is_country_or_seat(name: str) -> bool:
    """Whether `name` is a country's own name or its seat of government, which stand for its
    state, unlike its people ("Serbs") or an adjective ("Nepalese").

    >>> is_country_or_seat("Nepal"), is_country_or_seat("the Kremlin"), is_country_or_seat("Serbs")
    (True, True, False)
    """
    return _named_in(name, _proper_names())


def _named_in(name: str, names: frozenset[str]) -> bool:
    """Whether `name`, spaced and cased any way, with or without a leading "the", is in `names`."""
    key = " ".join(name.split()).casefold()
    return key in names or key.removeprefix("the ") in names
