"""What-if scenarios for simulation, written in YAML.

```yaml
name: long-range missiles supplied
shocks:                      # extra events, e.g. a first wave of strikes
  - {dim: "UKR->RUS:material_conflict", date: 2024-12-01, count: 3}
baseline_changes:            # a baseline scaled (factor) or set (value) from a date on
  - {dim: "UKR->RUS:material_conflict", date: 2024-12-01, factor: 1.5}
excitation_edits:            # a party stops responding (factor 0) or responds harder
  - {source: "UKR->RUS:material_conflict", target: "RUS->UKR:material_conflict", date: 2025-01-20, factor: 0.5}
```

`dim`, `source` and `target` take a dimension name, a list of names, or "*" for all; `date` an
ISO date or `day`, a number of days after the simulation starts. Edits act on the offspring of
events that happen on or after their date.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from spiral.dynamics.records import (
    ResolvedBaseline,
    ResolvedEdit,
    ResolvedScenario,
    ResolvedShock,
)
from spiral.errors import InputError

Dims = str | list[str]


class _When(BaseModel):
    model_config = ConfigDict(extra="forbid")
    date: dt.date | None = None
    day: float | None = None

    @model_validator(mode="after")
    def _one_time(self) -> _When:
        if (self.date is None) == (self.day is None):
            raise ValueError("give exactly one of 'date' or 'day'")
        return self


class Shock(_When):
    dim: str
    count: int = Field(1, ge=1)


class BaselineChange(_When):
    dim: Dims = "*"
    factor: float | None = Field(None, ge=0)
    value: float | None = Field(None, ge=0)

    @model_validator(mode="after")
    def _one_change(self) -> BaselineChange:
        if (self.factor is None) == (self.value is None):
            raise ValueError("give exactly one of 'factor' or 'value'")
        return self


class ExcitationEdit(_When):
    source: Dims = "*"
    target: Dims = "*"
    factor: float = Field(..., ge=0)


class Scenario(BaseModel):
    """A named what-if: shocks, baseline changes and excitation edits."""

    model_config = ConfigDict(extra="forbid")
    name: str
    description: str = ""
    shocks: list[Shock] = []
    baseline_changes: list[BaselineChange] = []
    excitation_edits: list[ExcitationEdit] = []

    @classmethod
    def from_yaml(cls, path: Path) -> Scenario:
        """Read and validate a scenario file; errors name the file and the field."""
        try:
            data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
            return cls.model_validate(data)
        except OSError as error:
            raise InputError(f"{path}: cannot read the scenario ({error})") from None
        except yaml.YAMLError as error:
            raise InputError(f"{path}: not valid YAML ({error})") from None
        except ValidationError as error:
            first = error.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            raise InputError(f"{path}: '{where}': {first['msg']}; see docs/dynamics.md for the "
                             "scenario format") from None

    def resolve(self, dim_names: list[str], *, origin: dt.date, start_time: float) -> ResolvedScenario:
        """Turn names and dates into dimension indices and model times (days since `origin`)."""
        def when(item: _When) -> float:
            return start_time + item.day if item.day is not None else float(
                (item.date - origin).days)

        def indices(names: Dims) -> list[int]:
            if names == "*":
                return list(range(len(dim_names)))
            wanted = [names] if isinstance(names, str) else names
            missing = [n for n in wanted if n not in dim_names]
            if missing:
                raise InputError(f"scenario {self.name!r}: unknown dimension(s) {missing}; "
                                 f"known: {dim_names}")
            return [dim_names.index(n) for n in wanted]

        return ResolvedScenario(
            shocks=[ResolvedShock(when(s), indices(s.dim)[0], s.count) for s in self.shocks],
            baseline_changes=[ResolvedBaseline(when(c), indices(c.dim), c.factor, c.value)
                              for c in self.baseline_changes],
            edits=[ResolvedEdit(when(e), indices(e.source), indices(e.target), e.factor)
                   for e in self.excitation_edits])
