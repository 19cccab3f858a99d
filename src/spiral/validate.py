"""Validation of what users filter by: actor codes, event types, modes, dyads, dates, choices.

One place below the CLI and the HTTP API, so `--type attack` and `?type=attack` behave alike:
codes and types are case-insensitive, and an unknown value is an `InputError` that lists the
allowed values and suggests the nearest one ("did you mean ASSAULT?"). The CLI prints it and
exits 2; the API answers 422 with the same message.

>>> event_type("assault"), actor_code("rus"), dyad("rus-ukr")
('ASSAULT', 'RUS', 'RUS-UKR')
>>> event_type("ATTACK")
Traceback (most recent call last):
...
spiral.errors.InputError: type='ATTACK' is not a PLOVER event type; did you mean ASSAULT? ...
"""

from __future__ import annotations

import difflib
import functools
from collections.abc import Collection
from datetime import date

from spiral.countries import countries, country_code
from spiral.errors import InputError
from spiral.plover import EVENT_TYPES

# Words people type for a PLOVER type; checked before spelling distance (rules as data).
TYPE_SYNONYMS: dict[str, str] = {
    "ATTACK": "ASSAULT", "STRIKE": "ASSAULT", "BOMB": "ASSAULT", "FIGHT": "ASSAULT",
    "THREAT": "THREATEN", "WARN": "THREATEN", "SANCTIONS": "SANCTION", "EMBARGO": "SANCTION",
    "DEMAND": "REQUEST", "ASK": "REQUEST", "MEET": "CONSULT", "TALK": "CONSULT",
    "VISIT": "CONSULT", "PRAISE": "SUPPORT", "ENDORSE": "SUPPORT", "DEPLOY": "MOBILIZE",
    "MOBILISE": "MOBILIZE", "WITHDRAW": "RETREAT", "CEASEFIRE": "RETREAT", "DENY": "REJECT",
    "REFUSE": "REJECT", "BLAME": "ACCUSE", "CONDEMN": "ACCUSE", "HELP": "AID", "SUPPLY": "AID",
    "AGREEMENT": "AGREE", "SIGN": "AGREE", "YIELD": "CONCEDE", "ARREST": "COERCE",
    "SEIZE": "COERCE", "DEMONSTRATE": "PROTEST",
}
# Codes for actors that are not states (PLOVER), beside ISO 3166-1 alpha-3.
NON_STATE_CODES = ("IGO", "NGO", "IMG", "MNC", "REB", "UNK")


@functools.cache
def known_actor_codes() -> frozenset[str]:
    """Country codes and PLOVER's non-state codes."""
    return frozenset(c.code for c in countries()) | frozenset(NON_STATE_CODES)


def _nearest(value: str, allowed: Collection[str]) -> str | None:
    found = difflib.get_close_matches(value, list(allowed), n=1, cutoff=0.5)
    return found[0] if found else None


def _unknown(field: str, value: str, what: str, allowed: Collection[str],
             suggestion: str | None) -> InputError:
    hint = f"did you mean {suggestion}? " if suggestion else ""
    shown = sorted(allowed)
    listed = ", ".join(shown[:40]) + (f" and {len(shown) - 40} more" if len(shown) > 40 else "")
    error = InputError(f"{field}={value!r} is not {what}; {hint}allowed: {listed}")
    # the API answers these in its 422 body
    error.field, error.allowed, error.suggestion = field, shown, suggestion
    return error


def event_type(value: str, *, field: str = "type") -> str:
    """A PLOVER event type, case-insensitive.

    >>> event_type("Threaten")
    'THREATEN'
    """
    upper = value.strip().upper()
    if upper in EVENT_TYPES:
        return upper
    near = _nearest(upper, [*EVENT_TYPES, *TYPE_SYNONYMS])  # "ATACK" is near "ATTACK"
    suggestion = TYPE_SYNONYMS.get(upper) or TYPE_SYNONYMS.get(near or "", near)
    raise _unknown(field, value, "a PLOVER event type", EVENT_TYPES, suggestion)


@functools.cache
def known_modes() -> frozenset[str]:
    return frozenset(mode for t in EVENT_TYPES.values() for mode in t.modes)


def mode(value: str, *, field: str = "mode") -> str:
    """A PLOVER mode (missile, aerial, phone, ...), case-insensitive.

    >>> mode("Missile")
    'missile'
    """
    lower = value.strip().lower()
    if lower in known_modes():
        return lower
    raise _unknown(field, value, "a PLOVER mode", known_modes(), _nearest(lower, known_modes()))


def actor_code(value: str, *, field: str = "actor",
               known: Collection[str] | None = None) -> str:
    """An actor code (ISO 3166-1 alpha-3 or PLOVER non-state), case-insensitive; a country
    name is refused with its code as the suggestion.

    >>> actor_code("ukr")
    'UKR'
    >>> actor_code("Russia")
    Traceback (most recent call last):
    ...
    spiral.errors.InputError: actor='Russia' is not an actor code; did you mean RUS? ...
    """
    allowed = known_actor_codes() | frozenset(known or ())
    upper = value.strip().upper()
    if upper in allowed:
        return upper
    suggestion = country_code(value) or _nearest(upper, allowed)
    raise _unknown(field, value, "an actor code", allowed, suggestion)


def dyad(value: str, *, field: str = "dyad", undirected: bool = False) -> str:
    """A directed dyad ACTOR-RECIPIENT (also written ACTOR->RECIPIENT), normalised to RUS-UKR;
    with `undirected`, also an unordered pair A~B (ACLED's), normalised to codes in order.

    >>> dyad("usa->rus"), dyad("ukr~rus", undirected=True)
    ('USA-RUS', 'RUS~UKR')
    """
    if undirected and "~" in value:
        first, _, second = value.partition("~")
        if not first.strip() or not second.strip():
            raise InputError(f"{field}={value!r} is not a pair; write A~B, e.g. RUS~UKR")
        return "~".join(sorted((actor_code(first, field=field), actor_code(second, field=field))))
    actor, sep, recipient = value.replace("->", "-").partition("-")
    if not sep or not actor.strip() or not recipient.strip():
        raise InputError(f"{field}={value!r} is not a dyad; write ACTOR-RECIPIENT, e.g. RUS-UKR")
    return f"{actor_code(actor, field=field)}-{actor_code(recipient, field=field)}"


def iso_date(value: str | date | None, *, field: str = "date") -> date | None:
    """An ISO 8601 date (YYYY-MM-DD), or None.

    >>> iso_date("2024-11-21")
    datetime.date(2024, 11, 21)
    """
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise InputError(f"{field}={value!r} is not an ISO 8601 date; write e.g. 2024-11-21") from None


def date_range(since: date | None, until: date | None) -> None:
    """Refuse a range that ends before it starts."""
    if since is not None and until is not None and until < since:
        raise InputError(f"since={since} is after until={until}; swap them")


def choice(value: str, allowed: Collection[str], *, field: str) -> str:
    """One of `allowed`, case-insensitive.

    >>> choice("WEEK", ("day", "week"), field="freq")
    'week'
    """
    folded = {a.casefold(): a for a in allowed}
    found = folded.get(value.strip().casefold())
    if found is not None:
        return found
    raise _unknown(field, value, f"one of {len(allowed)} choices", allowed,
                   _nearest(value.strip().lower(), allowed))
