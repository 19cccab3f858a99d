"""The event data sets spiral reads, and what their records are: rules as data.

- `one_per_event`: a record is already one real event (ACLED's curators, or GDELT's own merging
  of mentions into events), so spiral never merges two of its records into one story.
- `curated`: coded by people from many sources; when such an event and a story of coded news
  match (same type, same pair of countries, dates within the window), the two are linked, not
  merged, so neither loses its record.
- `directed`: whether actor and recipient say who acted on whom. ACLED's actor1/actor2 do not.
- `intensity`: what the source's own score in `source_intensity` is.

>>> SYSTEMS["acled"].directed, SYSTEMS["gdelt"].one_per_event, SYSTEMS["icews"].one_per_event
(False, True, False)
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class DataSet:
    name: str
    one_per_event: bool
    curated: bool
    directed: bool
    intensity: str


SYSTEMS: dict[str, DataSet] = {d.name: d for d in [
    DataSet("spiral", False, False, True, ""),
    DataSet("gdelt", True, False, True, "Goldstein scale, -10 to +10"),
    DataSet("icews", False, False, True, "ICEWS intensity (CAMEO scale), -10 to +10"),
    DataSet("polecat", False, False, True, "POLECAT intensity"),
    DataSet("acled", True, True, False, "none (fatalities are in their own column)"),
]}
ONE_PER_EVENT = sorted(name for name, d in SYSTEMS.items() if d.one_per_event)
CURATED = sorted(name for name, d in SYSTEMS.items() if d.curated)
