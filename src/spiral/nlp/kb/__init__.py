"""The actor knowledge base: countries, organisations, places and office holders with dated roles.

Shipped as `spiral/data/countries.tsv`, `actors.yaml` and `office_holders.yaml` (written by us);
users extend it with a YAML file in the `actors.yaml` format, or one imported from coder
dictionaries (`spiral actors import`).

>>> kb = ActorKB.load()
>>> kb.lookup("Keir Starmer", on=date(2024, 7, 4)).sector, kb.lookup("Keir Starmer", on=date(2024, 7, 6)).sector
('OPP', 'GOV')
>>> kb.lookup("the Kremlin", on=None).code
'RUS'
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from spiral.countries import countries
from spiral.errors import InputError
from spiral.records import Entity

# organisations, places, agents and the people of the crises in the sample corpus; then the heads
# of state and government, foreign and defence ministers and army chiefs of 60 countries
OUT_OF_OFFICE = frozenset({"OPP", "PTY"})  # sectors of those who hold no state office
SHIPPED_FILES = ("actors.yaml", "office_holders.yaml", "former_office_holders.yaml")
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: imported dictionaries are large
# one Slavic surname ending as wires and governments spell it: Zelensky, Zelenskyy, Zelenskiy
SLAVIC_ENDING = re.compile(r"sk(?:yy|yi|iy|ii|y)$")


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

    def titled(self, title: str) -> Role | None:
        """The last role whose name the words before a name give ("Estonian Prime Minister
        Kaja Kallas"), or None."""
        words = f" {' '.join(title.lower().split())} "
        named = [r for r in self.roles if r.role and f" {r.role.lower()} " in words]
        return named[-1] if named else None

    def role_on(self, day: date | None) -> Role:
        """The role held on `day`; after the last one ended, its former holder (CAMEO's elite
        sector ELI: a former president is not in government); before the first, the first.
        With no day (an undated report), the last role held: nothing says its holder had left
        office when the text was written, and reports name officials mostly while in office."""
        held = [r for r in self.roles if r.holds_on(day)]
        if held:
            return held[-1]
        if day is None:
            return max(self.roles, key=lambda r: r.valid_to or date.max)
        earlier = [r for r in self.roles if day is None or r.valid_from is None or r.valid_from <= day]
        if not earlier:
            return self.roles[0]
        last = max(earlier, key=lambda r: r.valid_to or date.max)
        return Role(last.code, "ELI", f"former {last.role}".strip(), last.valid_to)


@dataclass(frozen=True, slots=True)
class Fixed:
    """An actor whose identity does not depend on the date: a country, organisation or place."""

    name: str
    code: str
    sector: str
    kind: str  # country, government, organisation, place, adjective


class CaselessNames:
    """Names matched on lower-cased words; a trailing `*` leaves the last word open (a stem).

    >>> names = CaselessNames()
    >>> names.add("ARGENTIN*", "ARG"); names.add("foreign minister", "GOV")
    >>> names.find(["The", "Argentine", "Foreign", "Minister", "spoke"])
    [(1, 2, 'ARG'), (2, 4, 'GOV')]
    """

    def __init__(self) -> None:
        self.exact: dict[tuple[str, ...], Any] = {}
        self.stems: dict[tuple[str, ...], dict[str, Any]] = {}
        self.longest = 0
        # the words a name can start at (one-word stems match words that begin with them: with
        # any, `find` asks at every word)
        self.first_words: set[str] = set()

    def __bool__(self) -> bool:
        return bool(self.exact or self.stems)

    def add(self, name: str, target: Any) -> None:
        words = tuple(name.lower().split())
        if not words:
            return
        if words[-1].endswith("*"):
            self.stems.setdefault(words[:-1], {})[words[-1].rstrip("*")] = target
        else:
            self.exact[words] = target
        self.first_words.add(words[0])
        self.longest = max(self.longest, len(words))

    def find(self, words: list[str]) -> list[tuple[int, int, Any]]:
        """(start, end, target) of the longest name at each word, left to right, not overlapping."""
        lower = [w.lower() for w in words]
        found, i = [], 0
        anywhere = () in self.stems  # a one-word stem: any word may begin a name
        while i < len(lower):
            match = self._longest_at(lower, i) if anywhere or lower[i] in self.first_words \
                else None
            if match is None:
                i += 1
                continue
            found.append((i, i + match[0], match[1]))
            i += match[0]
        return found

    def _longest_at(self, lower: list[str], i: int) -> tuple[int, Any] | None:
        for n in range(min(self.longest, len(lower) - i), 0, -1):
            head, last = tuple(lower[i:i + n - 1]), lower[i + n - 1]
            if (target := self.exact.get((*head, last))) is not None:
                return n, target
            stems = self.stems.get(head)
            if stems:
                for k in range(len(last), 1, -1):
                    if (target := stems.get(last[:k])) is not None:
                        return n, target
        return None


@dataclass
class ActorKB:
    """Names to actors. `names` maps every surface form to a Fixed actor or a Person; `caseless`
    holds names imported from coder dictionaries, `agents` generic nouns ("troops", "foreign
    ministry") to the sector they give the actor they are attached to."""

    names: dict[str, Fixed | Person] = field(default_factory=dict)
    # surname -> everyone who carries it alone ("Bush": the one in office on the day is meant)
    namesakes: dict[str, list[Person]] = field(default_factory=dict)
    caseless: CaselessNames = field(default_factory=CaselessNames)
    agents: CaselessNames = field(default_factory=CaselessNames)
    people: list[Person] = field(default_factory=list)
    adjectives: dict[str, str] = field(default_factory=dict)  # "Russian" -> RUS
    # the names of people with a Slavic surname by `spelling_key`: "Volodymyr Zelenskiy" and
    # "Zelenskyy" for "Volodymyr Zelensky"
    spellings: CaselessNames = field(default_factory=CaselessNames)

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

    def entity(self, found: Fixed | Person, text: str, on: date | None,
               title: str = "") -> Entity:
        """The entity of a name; a person's role on the report's day, or, in an undated report,
        the one the title before the name gives (else the last held)."""
        if isinstance(found, Person):
            found = next((p for p in self.namesakes.get(text, ()) if any(
                r.holds_on(on) for r in p.roles)), found) if on is not None else found
            role = (found.titled(title) if on is None and title else None) or found.role_on(on)
            return Entity(entity_text=text, entity_name=found.name, code=role.code,
                          sector=role.sector, role=role.role, role_valid_from=role.valid_from,
                          role_valid_to=role.valid_to)
        return Entity(entity_text=text, entity_name=found.name, code=found.code,
                      sector=found.sector)

    def office_holder(self, code: str, title: str, on: date | None) -> Person | None:
        """Who held an office whose name contains `title` (e.g. 'foreign minister') on a date.

        A country's "leader" is not its opposition's: roles of the opposition and of parties
        count only when the title says so ("opposition leader").
        """
        title = title.lower()
        for person in self.people:
            for role in person.roles:
                if role.code == code and title in role.role.lower() and role.holds_on(on) \
                        and (role.sector not in OUT_OF_OFFICE or "opposition" in title):
                    return person
        return None


@functools.cache
def _load(extra: str | None) -> ActorKB:
    kb = ActorKB()
    folder = resources.files("spiral.nlp.kb")
    _add_countries(kb)
    for shipped in SHIPPED_FILES:
        _add_yaml(kb, yaml.load(folder.joinpath(shipped).read_text(encoding="utf-8"),
                                Loader=_LOADER), shipped)
    if extra:
        path = Path(extra)
        try:
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
        except (OSError, yaml.YAMLError) as error:
            raise InputError(f"{path}: cannot read the actors file ({error}); fix the YAML") from None
        _add_yaml(kb, data or {}, str(path))
    for name, known in kb.names.items():
        if isinstance(known, Person) and any(SLAVIC_ENDING.search(w.lower()) for w in name.split()):
            kb.spellings.add(" ".join(spelling_key(w) for w in name.split()), known)
    return kb


def spelling_key(word: str) -> str:
    """A word as its transliterations share it: a Slavic surname's ending in one form, without
    case.

    >>> spelling_key("Zelenskiy"), spelling_key("Zelenskyy"), spelling_key("Syrskyi")
    ('zelensky', 'zelensky', 'syrsky')
    """
    return SLAVIC_ENDING.sub("sky", word.lower())


def _add_countries(kb: ActorKB) -> None:
    for country in countries():
        code, name = country.code, country.name
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
    unknown = set(data) - {"organisations", "places", "people", "agents"}
    if unknown:
        raise InputError(f"{where}: unknown section(s) {sorted(unknown)}; "
                         "use organisations, places, people, agents")
    for number, org in enumerate(data.get("organisations") or [], start=1):
        try:
            entry = Fixed(org["name"].rstrip("*"), org["code"], org.get("sector", ""), "organisation")
        except (KeyError, TypeError):
            raise InputError(f"{where}: organisations[{number}] needs 'name' and 'code'") from None
        _add_names(kb, [org["name"], *org.get("aliases", [])], entry, org)
    for code, places in (data.get("places") or {}).items():
        for place in places:
            kb.names[place] = Fixed(place, code, "", "place")
    for number, raw in enumerate(data.get("people") or [], start=1):
        person = _person(raw, f"{where}: people[{number}]")
        kb.people.append(person)
        _add_names(kb, [person.name, *person.aliases], person, raw)
        surname = person.name.split()[-1]
        if person.surname_alone and surname not in kb.names:
            kb.names[surname] = person
        if person.surname_alone and kb.names.get(surname) is not None and isinstance(
                kb.names[surname], Person):
            kb.namesakes.setdefault(surname, []).append(person)
    for sector, nouns in (data.get("agents") or {}).items():
        if not isinstance(nouns, list):
            raise InputError(f"{where}: agents.{sector} must be a list of nouns")
        for noun in nouns:
            kb.agents.add(str(noun), str(sector))


def _add_names(kb: ActorKB, names: list[str], entry: Fixed | Person, raw: dict) -> None:
    """Names as written, or without regard to case for `match: caseless` (imported entries)."""
    for name in names:
        if raw.get("match") == "caseless":
            kb.caseless.add(name, entry)
        else:
            kb.names[name] = entry


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
    return Person(raw["name"].rstrip("*"), tuple(roles), tuple(raw.get("aliases", ())),
                  raw.get("gender", "m"), raw.get("surname_alone", True))


def _date(value: Any, where: str) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise InputError(f"{where}: {value!r} is not a date; write YYYY-MM-DD") from None
