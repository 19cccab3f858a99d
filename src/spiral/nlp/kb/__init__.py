"""The actor knowledge base: countries, organisations, places and office holders with dated roles.

Shipped as `spiral/data/countries.tsv` and `actors.yaml` (written by us); users extend it with a YAML file in
the `actors.yaml` format.

>>> kb = ActorKB.load()
>>> kb.lookup("Keir Starmer", on=date(2024, 7, 4)).sector, kb.lookup("Keir Starmer", on=date(2024, 7, 6)).sector
('OPP', 'GOV')
>>> kb.lookup("the Kremlin", on=None).code
'RUS'
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from spiral.countries import countries
from spiral.errors import InputError
from spiral.records import Entity


@dataclass(frozen=True, slots=True)
class Role:
    code: str
    sector: str
    role: str
    valid_from: date | None = None
    valid_to: date | None = None  # exclusive

    def holds_on(self, day: date | None) -> bool:
        if day is None:
            return self.valid_to is None
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day < self.valid_to)


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    roles: tuple[Role, ...]
    aliases: tuple[str, ...] = ()
    gender: str = "m"
    surname_alone: bool = True

    def role_on(self, day: date | None) -> Role:
        """The role held on `day`; without one, the latest role that began before it."""
        held = [r for r in self.roles if r.holds_on(day)]
        if held:
            return held[-1]
        earlier = [r for r in self.roles if day is None or r.valid_from is None or r.valid_from <= day]
        return (earlier or list(self.roles))[-1]


@dataclass(frozen=True, slots=True)
class Fixed:
    """An actor whose identity does not depend on the date: a country, organisation or place."""

    name: str
    code: str
    sector: str
    kind: str  # country, government, organisation, place, adjective


@dataclass
class ActorKB:
    """Names to actors. `names` maps every surface form to a Fixed actor or a Person."""

    names: dict[str, Fixed | Person] = field(default_factory=dict)
    people: list[Person] = field(default_factory=list)
    adjectives: dict[str, str] = field(default_factory=dict)  # "Russian" -> RUS
    country_names: dict[str, str] = field(default_factory=dict)  # RUS -> Russia

    @classmethod
    def load(cls, extra: Path | None = None) -> ActorKB:
        """The shipped knowledge base, extended by a user's YAML file."""
        return _load(str(extra) if extra else None)

    def lookup(self, name: str, on: date | None) -> Entity | None:
        """The Entity a name denotes on a date, or None when the name is unknown."""
        found = self.names.get(name) or self.names.get(name.removeprefix("the "))
        if found is None:
            return None
        return self.entity(found, name, on)

    def entity(self, found: Fixed | Person, text: str, on: date | None) -> Entity:
        if isinstance(found, Person):
            role = found.role_on(on)
            return Entity(entity_text=text, entity_name=found.name, code=role.code,
                          sector=role.sector, role=role.role, role_valid_from=role.valid_from,
                          role_valid_to=role.valid_to)
        return Entity(entity_text=text, entity_name=found.name, code=found.code,
                      sector=found.sector)

    def office_holder(self, code: str, title: str, on: date | None) -> Person | None:
        """Who held an office whose name contains `title` (e.g. 'foreign minister') on a date."""
        title = title.lower()
        for person in self.people:
            for role in person.roles:
                if role.code == code and title in role.role.lower() and role.holds_on(on):
                    return person
        return None


@functools.cache
def _load(extra: str | None) -> ActorKB:
    kb = ActorKB()
    folder = resources.files("spiral.nlp.kb")
    _add_countries(kb)
    _add_yaml(kb, yaml.safe_load(folder.joinpath("actors.yaml").read_text(encoding="utf-8")),
              "actors.yaml")
    if extra:
        path = Path(extra)
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError) as error:
            raise InputError(f"{path}: cannot read the actors file ({error}); fix the YAML") from None
        _add_yaml(kb, data or {}, str(path))
    return kb


def _add_countries(kb: ActorKB) -> None:
    for country in countries():
        code, name = country.code, country.name
        kb.country_names[code] = name
        for alias in (name, *country.other_names):
            kb.names[alias] = Fixed(name, code, "", "country")
        for adjective in country.adjectives:
            kb.adjectives[adjective] = code
            kb.names.setdefault(adjective, Fixed(name, code, "", "adjective"))
        for seat in country.seats:
            kb.names[seat] = Fixed(name, code, "GOV", "government")


def _add_yaml(kb: ActorKB, data: dict[str, Any], where: str) -> None:
    if not isinstance(data, dict):
        raise InputError(f"{where}: expected a mapping with organisations, places and people")
    unknown = set(data) - {"organisations", "places", "people"}
    if unknown:
        raise InputError(f"{where}: unknown section(s) {sorted(unknown)}; "
                         "use organisations, places, people")
    for number, org in enumerate(data.get("organisations") or [], start=1):
        try:
            entry = Fixed(org["name"], org["code"], org.get("sector", ""), "organisation")
        except (KeyError, TypeError):
            raise InputError(f"{where}: organisations[{number}] needs 'name' and 'code'") from None
        for alias in [org["name"], *org.get("aliases", [])]:
            kb.names[alias] = entry
    for code, places in (data.get("places") or {}).items():
        for place in places:
            kb.names[place] = Fixed(place, code, "", "place")
    for number, raw in enumerate(data.get("people") or [], start=1):
        person = _person(raw, f"{where}: people[{number}]")
        kb.people.append(person)
        kb.names[person.name] = person
        for alias in person.aliases:
            kb.names[alias] = person
        surname = person.name.split()[-1]
        if person.surname_alone and surname not in kb.names:
            kb.names[surname] = person


def _person(raw: Any, where: str) -> Person:
    if not isinstance(raw, dict) or "name" not in raw or not raw.get("roles"):
        raise InputError(f"{where}: a person needs 'name' and a list of 'roles'")
    roles = []
    for index, role in enumerate(raw["roles"], start=1):
        try:
            roles.append(Role(role["code"], role.get("sector", "GOV"), role.get("role", ""),
                              _date(role.get("from"), f"{where}.roles[{index}].from"),
                              _date(role.get("to"), f"{where}.roles[{index}].to")))
        except (KeyError, TypeError):
            raise InputError(f"{where}.roles[{index}]: a role needs at least 'code'") from None
    roles.sort(key=lambda r: r.valid_from or date.min)
    return Person(raw["name"], tuple(roles), tuple(raw.get("aliases", ())),
                  raw.get("gender", "m"), raw.get("surname_alone", True))


def _date(value: Any, where: str) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise InputError(f"{where}: {value!r} is not a date; write YYYY-MM-DD") from None
