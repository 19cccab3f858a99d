"""The PLOVER event taxonomy as spiral uses it: types, quad classes, intensities, CAMEO roots.

Quad classes follow PLOVER: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
4 material conflict. Intensity is spiral's scale from -10 (most hostile) to +10 (most
cooperative), in the spirit of the Goldstein scale; a mode can shift it. PLOVER has no mode for
missile strikes, so spiral adds `missile` to ASSAULT: strikes with missiles, including long-range
and ballistic ones, scored one step above aerial bombing.

>>> EVENT_TYPES["ASSAULT"].quad_code, intensity("ASSAULT", "missile")
(4, -9.5)
>>> cameo_root("THREATEN")
'13'
>>> cameo_to_plover("1951"), cameo_to_plover("010")
(('ASSAULT', 'aerial', ('military',)), None)
>>> cameo_unmapped_reason("012"), cameo_unmapped_reason("999")
('CAMEO 01x: public statements have no PLOVER type', "CAMEO code '999' is not in the CAMEO codebook")
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from importlib import resources


@dataclass(frozen=True, slots=True)
class EventType:
    name: str
    quad_code: int
    intensity: float
    cameo_root: str
    modes: dict[str, float] = field(default_factory=dict)  # mode -> intensity


EVENT_TYPES: dict[str, EventType] = {t.name: t for t in [
    EventType("AGREE", 1, 3.0, "03"),
    EventType("CONSULT", 1, 1.0, "04", {"visit": 1.5, "third-party": 1.0, "multilateral": 1.0,
                                         "phone": 1.0}),
    EventType("SUPPORT", 1, 3.5, "05"),
    EventType("CONCEDE", 1, 5.0, "08", {"policy": 5.0}),
    EventType("COOPERATE", 2, 6.0, "06"),
    EventType("AID", 2, 7.0, "07", {"economic": 7.0, "military": 7.5, "humanitarian": 7.0}),
    EventType("RETREAT", 2, 6.5, "08", {"withdraw": 6.5, "release": 6.0, "ceasefire": 6.0}),
    EventType("REQUEST", 3, -1.0, "02"),
    EventType("ACCUSE", 3, -2.0, "11"),
    EventType("REJECT", 3, -4.0, "12"),
    EventType("THREATEN", 3, -6.0, "13", {"military": -7.0, "nuclear": -8.5,
                                           "ultimatum": -7.0}),
    EventType("PROTEST", 4, -6.5, "14"),
    EventType("SANCTION", 4, -5.0, "16", {"expel": -5.0, "economic": -5.5, "withdraw": -4.5,
                                           "discontinue": -5.0}),
    EventType("MOBILIZE", 4, -7.0, "15", {"troops": -7.2, "weapons": -7.2, "police": -6.8}),
    EventType("COERCE", 4, -7.0, "17", {"arrest": -7.0, "seize": -7.0}),
    EventType("ASSAULT", 4, -9.0, "19", {"aerial": -9.0, "missile": -9.5, "firearms": -9.0,
                                          "explosives": -9.0, "artillery": -9.0}),
]}


QUAD_NAMES = {1: "verbal_cooperation", 2: "material_cooperation", 3: "verbal_conflict",
              4: "material_conflict"}


def intensity(event_type: str, mode: str = "") -> float:
    """Intensity of a type, refined by its mode when the mode has its own score."""
    known = EVENT_TYPES[event_type]
    return known.modes.get(mode, known.intensity)


def cameo_root(event_type: str) -> str:
    """The CAMEO root code a PLOVER type most often comes from."""
    return EVENT_TYPES[event_type].cameo_root


@functools.cache
def _crosswalk() -> dict[str, tuple[str, str, tuple[str, ...]]]:
    table = resources.files("spiral.data").joinpath("cameo_plover.tsv").read_text(encoding="utf-8")
    rows = {}
    for line in table.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, event_type, mode, context = (line.split("\t") + [""] * 4)[:4]
        rows[code] = (event_type, mode, tuple(c for c in context.split(",") if c))
    return rows


@functools.cache
def cameo_codes() -> frozenset[str]:
    """Every code of the CAMEO codebook (data/cameo_codes.txt)."""
    table = resources.files("spiral.data").joinpath("cameo_codes.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in table.splitlines()
                     if line.strip() and not line.startswith("#"))


def cameo_unmapped_reason(cameo_code: str) -> str | None:
    """Why a CAMEO code has no PLOVER type, in the words an import summary shows; None if it has one."""
    code = cameo_code.strip()
    if code not in cameo_codes() and code.ljust(3, "0") not in cameo_codes():
        return f"CAMEO code {code!r} is not in the CAMEO codebook"
    if code.startswith("01"):
        return "CAMEO 01x: public statements have no PLOVER type"
    return None if cameo_to_plover(code) else f"CAMEO {code}: no PLOVER type"


def cameo_to_plover(cameo_code: str) -> tuple[str, str, tuple[str, ...]] | None:
    """(type, mode, contexts) for a CAMEO code, by its longest listed prefix; None when PLOVER
    codes no event for it or the code is not in the CAMEO codebook."""
    rows = _crosswalk()
    code = cameo_code.strip()
    if code not in cameo_codes() and code.ljust(3, "0") not in cameo_codes():
        return None
    for length in range(len(code), 1, -1):
        found = rows.get(code[:length])
        if found is not None:
            return found if found[0] else None
    return None
