"""Plain data shared by the dynamics modules: events as a table, a Hawkes model's parameters, and
scenarios resolved to dimension indices and model times (read from YAML by `scenarios`).

Simulation works from `HawkesParameters` alone, so it needs nothing of the estimator class
(`HawkesModel.simulate` passes its fitted parameters down).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from spiral.errors import ModelError


@dataclass(frozen=True, slots=True)
class EventTable:
    """Events as sorted times and their dimensions (0 .. n_dims-1)."""

    times: np.ndarray  # float64, sorted
    dims: np.ndarray  # int64
    n_dims: int

    @classmethod
    def coerce(cls, events: Any, n_dims: int | None = None) -> EventTable:
        """From a table with `time` and `dim` columns, a list of per-dimension time arrays, or
        an EventTable."""
        if isinstance(events, EventTable):
            return events
        if hasattr(events, "columns") and {"time", "dim"} <= set(events.columns):
            times = np.asarray(events["time"], dtype=float)
            dims = np.asarray(events["dim"], dtype=np.int64)
        elif isinstance(events, Sequence):
            times = np.concatenate([np.asarray(t, dtype=float) for t in events]) if events \
                else np.zeros(0)
            dims = np.concatenate([np.full(len(t), j, dtype=np.int64)
                                   for j, t in enumerate(events)]) if events else np.zeros(0, np.int64)
            n_dims = n_dims or len(events)
        else:
            raise ModelError("events must be a table with columns time,dim or a list of "
                             "per-dimension arrays of times")
        if np.isnan(times).any():
            raise ModelError("events: a time is NaN; drop or fix those rows")
        if dims.size and dims.min() < 0:
            raise ModelError("events: 'dim' must be 0 or more")
        n_dims = int(n_dims or (dims.max() + 1 if dims.size else 1))
        if dims.size and dims.max() >= n_dims:
            raise ModelError(f"events: dim {dims.max()} is outside 0..{n_dims - 1}")
        order = np.argsort(times, kind="stable")
        return cls(times[order], dims[order], n_dims)

    def before(self, cut: float) -> EventTable:
        keep = self.times <= cut
        return EventTable(self.times[keep], self.dims[keep], self.n_dims)


@dataclass(frozen=True, slots=True)
class HawkesParameters:
    """A Hawkes model's parameters: baseline (D, n_regimes) constant from each of
    `regime_starts` (n_regimes,) on, adjacency (D, D, U) with a[i, j] how much j excites i,
    decays (U,) per unit time."""

    baseline: np.ndarray
    adjacency: np.ndarray
    decays: np.ndarray
    regime_starts: np.ndarray

    @property
    def n_dims(self) -> int:
        return int(self.adjacency.shape[0])

    @property
    def branching(self) -> np.ndarray:
        """G = a.sum(-1), (D, D)."""
        return self.adjacency.sum(axis=2)

    def baseline_at(self, t: float) -> np.ndarray:
        """Baselines (D,) in force at time t."""
        regime = max(0, int(np.searchsorted(self.regime_starts, t, side="right")) - 1)
        return self.baseline[:, regime]


@dataclass(frozen=True, slots=True)
class ResolvedShock:
    time: float
    dim: int
    count: int


@dataclass(frozen=True, slots=True)
class ResolvedBaseline:
    time: float
    dims: list[int]
    factor: float | None
    value: float | None


@dataclass(frozen=True, slots=True)
class ResolvedEdit:
    time: float
    sources: list[int]
    targets: list[int]
    factor: float


@dataclass(frozen=True, slots=True)
class ResolvedScenario:
    """A scenario in model terms: times and dimension indices."""

    shocks: list[ResolvedShock] = field(default_factory=list)
    baseline_changes: list[ResolvedBaseline] = field(default_factory=list)
    edits: list[ResolvedEdit] = field(default_factory=list)

    def baseline(self, mu: np.ndarray, t: float) -> np.ndarray:
        """Baselines in force at t after the changes dated on or before t, in date order."""
        mu = mu.copy()
        for change in sorted(self.baseline_changes, key=lambda c: c.time):
            if change.time <= t:
                mu[change.dims] = (mu[change.dims] * change.factor if change.factor is not None
                                   else change.value)
        return mu
