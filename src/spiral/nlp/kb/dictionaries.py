"""Import TABARI / PETRARCH / Phoenix actor and agent dictionaries into spiral's YAML format.

Actor dictionaries hold one entry per actor: a primary phrase, `+` synonym lines and codes in
brackets, optionally bounded by dates (`[RUSGOV >080508]`, `[HOB <950601]`,
`[HOBGOV 20121109-20130119]`; six-digit dates read 50-99 as 19xx). Words are joined by `_` or
spaces; a phrase that does not end in `_` leaves its last word open, a stem
(`ARGENTIN` matches Argentina and Argentine). Agent dictionaries map generic nouns to a sector
appended to the actor's code (`SOLDIER [~MIL]`), with `!SET! = A, B` substitution sets and
`{PLURAL}` forms.

The output maps to spiral's actors file: a code such as `RUSGOV` becomes code `RUS`, sector
`GOV`; undated entries become organisations, dated ones people with roles, agents a list of
nouns per sector. Imported names match without regard to case, as in the dictionaries' own
coders (`match: caseless`), and keep stems as a trailing `*`.

>>> entries = parse_actors(["GOLLUM", "+SMEAGOL", "\\t[HOB <950601]", "\\t[HOBREB >990816]"])
>>> [(r["code"], r["sector"], r.get("from"), r.get("to")) for r in entries[0]["roles"]]
[('HOB', '', None, '1995-06-01'), ('HOB', 'REB', '1999-08-16', None)]
>>> entries[0]["name"], entries[0]["aliases"]
('GOLLUM*', ['SMEAGOL*'])
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from spiral.errors import InputError

COMMENT_BLOCK = re.compile(r"<!.*?-->", re.DOTALL)
CODE = re.compile(r"\[\s*(?P<code>[^\]\s<>]*)\s*(?P<bound>[<>]?)\s*(?P<first>\d{6,8})?"
                  r"(?:\s*-\s*(?P<last>\d{6,8}))?\s*\]")
SUBSTITUTION = re.compile(r"^!(?P<name>\w+)!\s*=\s*(?P<words>.+)$")
NULL_CODES = {"---", "+++", "###", ""}


def read_actor_dictionary(path: Path, problems: list[str] | None = None) -> list[dict[str, Any]]:
    """Entries of an actor dictionary file, in the shape of spiral's actors YAML. A code line that
    cannot be read is left out and described in `problems` (file:line: why)."""
    return parse_actors(_lines(path), where=str(path), problems=problems)


def read_agent_dictionary(path: Path) -> list[dict[str, Any]]:
    """Agents of an agent dictionary file: `{"name", "aliases", "sector"}` each."""
    return parse_agents(_lines(path))


def to_actors_yaml(actors: Iterable[dict[str, Any]], agents: Iterable[dict[str, Any]]) -> dict:
    """The content of a spiral actors file: organisations, people and agents."""
    organisations, people = [], []
    for entry in actors:
        if any("from" in r or "to" in r for r in entry["roles"]):
            people.append({"name": entry["name"], "aliases": entry["aliases"],
                           "match": "caseless", "surname_alone": False,
                           "roles": entry["roles"]})
        else:
            default = entry["roles"][-1]
            organisations.append({"name": entry["name"], "aliases": entry["aliases"],
                                  "match": "caseless", "code": default["code"],
                                  "sector": default["sector"]})
    by_sector: dict[str, list[str]] = {}
    for agent in agents:
        by_sector.setdefault(agent["sector"], []).extend([agent["name"], *agent["aliases"]])
    return {"organisations": organisations, "people": people, "agents": by_sector}


def parse_actors(lines: Iterable[str], where: str = "<actors>",
                 problems: list[str] | None = None) -> list[dict[str, Any]]:
    problems = [] if problems is None else problems
    entries: list[dict[str, Any]] = []
    current: dict[str, Any] | None = None
    for number, raw in enumerate(lines, start=1):
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if line.startswith("+"):
            if current is not None:
                current["aliases"].append(_phrase(line[1:].strip()))
            continue
        codes = list(CODE.finditer(line))
        if line[0].isspace() or line.lstrip().startswith("["):
            if current is not None:
                current["roles"] += [r for m in codes if (r := _role(m, f"{where}:{number}", problems))]
            continue
        phrase = line[:codes[0].start()] if codes else line
        current = {"name": _phrase(phrase.strip()), "aliases": [],
                   "roles": [r for m in codes if (r := _role(m, f"{where}:{number}", problems))]}
        entries.append(current)
    return [e for e in entries if e["roles"] and e["name"]]


def parse_agents(lines: Iterable[str]) -> list[dict[str, Any]]:
    substitutions: dict[str, list[str]] = {}
    agents = []
    for raw in lines:
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if match := SUBSTITUTION.match(line):
            substitutions[match["name"]] = [w.strip() for w in match["words"].split(",") if w.strip()]
            continue
        code = CODE.search(line)
        if code is None:
            continue
        head = line[:code.start()]
        plural = re.search(r"\{([^}]*)\}", head)
        phrase = re.sub(r"\{[^}]*\}", "", head).strip()
        sector = re.sub(r"[^A-Z]", "", code["code"].upper())[:3]
        if not phrase or not sector:
            continue
        forms = _expand(phrase, substitutions)
        names = []
        for form in forms:
            names.append(_phrase(form + "_"))
            if plural is None and "!" not in phrase:  # substitution sets list their plurals
                names.append(_phrase(form + ("ES_" if form.endswith(("S", "SH", "CH")) else "S_")))
            elif plural is not None and plural.group(1).strip():
                names.append(_phrase(plural.group(1).strip() + "_"))
        agents.append({"name": names[0], "aliases": names[1:], "sector": sector})
    return agents


def _expand(phrase: str, substitutions: dict[str, list[str]]) -> list[str]:
    match = re.search(r"!(\w+)!", phrase)
    if match is None or match[1] not in substitutions:
        return [phrase]
    return [form for word in substitutions[match[1]]
            for form in _expand(phrase[:match.start()] + word + phrase[match.end():], substitutions)]


def _phrase(text: str) -> str:
    """`PRESIDENT_VLADIMIR_PUTIN_` -> `PRESIDENT VLADIMIR PUTIN`; an open last word gets `*`."""
    closed = text.endswith("_")
    words = [w for w in re.split(r"[_\s]+", text) if w]
    return " ".join(words) + ("" if closed or not words else "*")


def _role(match: re.Match, where: str, problems: list[str]) -> dict[str, Any] | None:
    code = match["code"].split("/")[0].upper()
    if code in NULL_CODES:
        return None
    role: dict[str, Any] = {"code": code[:3], "sector": code[3:6]}
    try:
        first = _date(match["first"]) if match["first"] else None
        last = _date(match["last"]) if match["last"] else None
    except ValueError:
        problems.append(f"{where}: {match.group(0)!r} has a date that is not yymmdd or yyyymmdd")
        return None
    if first and last:
        role["from"] = first.isoformat()
        role["to"] = (last + timedelta(days=1)).isoformat()
    elif match["bound"] == "<" and first:
        role["to"] = first.isoformat()
    elif first:
        role["from"] = first.isoformat()
    return role


def _date(digits: str) -> date:
    if len(digits) == 6:
        century = 1900 if int(digits[:2]) >= 50 else 2000
        digits = str(century + int(digits[:2])) + digits[2:]
    if len(digits) != 8:
        raise ValueError(digits)
    return date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))


def _lines(path: Path) -> list[str]:
    try:
        text = Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError as error:
        raise InputError(f"{path}: cannot read the dictionary ({error})") from None
    # comment blocks may span lines: blank them but keep the line numbers
    text = COMMENT_BLOCK.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    return text.splitlines()
