"""Exact branching (cluster) simulation of a Hawkes model from its parameters, scenarios, and the mean path.

Immigrants arrive from the baselines (and a scenario's shocks); every event of dimension j then
has Poisson(a[i, j, u]) children in dimension i for each decay u, each after an Exp(b_u) delay,
and so on down the generations. Events of the observed history keep exciting the future: by the
memorylessness of the exponential, an event at t_l has Poisson(a[i, j, u] exp(-b_u (t0 - t_l)))
children still to come after t0, each at t0 + Exp(b_u).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from spiral.dynamics.records import EventTable, HawkesParameters, ResolvedScenario
from spiral.errors import ModelError

if TYPE_CHECKING:
    import polars as pl

MAX_EVENTS_PER_RUN = 2_000_000


@dataclass(frozen=True, slots=True)
class Simulation:
    """Simulated runs on [start_time, start_time + horizon]."""

    runs: list[EventTable]
    start_time: float
    horizon: float
    n_dims: int

    def counts(self, bin_width: float = 1.0) -> np.ndarray:
        """Events per run, dimension and bin: (n_runs, n_dims, n_bins)."""
        n_bins = int(np.ceil(self.horizon / bin_width))
        out = np.zeros((len(self.runs), self.n_dims, n_bins))
        for r, run in enumerate(self.runs):
            bins = np.minimum(((run.times - self.start_time) // bin_width).astype(int), n_bins - 1)
            np.add.at(out[r], (run.dims, bins), 1)
        return out

    def quantiles(self, q: tuple[float, ...] = (0.05, 0.5, 0.95), bin_width: float = 1.0,
                  dim_names: list[str] | None = None) -> pl.DataFrame:
        """Per dimension and bin: the mean and quantiles of simulated counts over runs."""
        import polars as pl

        counts = self.counts(bin_width)
        levels = np.quantile(counts, q, axis=0)  # (len(q), n_dims, n_bins)
        names = dim_names or [str(i) for i in range(self.n_dims)]
        rows = []
        for i in range(self.n_dims):
            for b in range(counts.shape[2]):
                rows.append({"dim": names[i], "bin": b,
                             "time": self.start_time + b * bin_width,
                             "mean": float(counts[:, i, b].mean()),
                             **{f"q{round(level * 100):02d}": float(levels[k, i, b])
                                for k, level in enumerate(q)}})
        return pl.DataFrame(rows)


def simulate(params: HawkesParameters, horizon: float, n_runs: int, *,
             scenario: ResolvedScenario | None = None, history: Any = None,
             start_time: float | None = None, random_state: int | None = None,
             allow_explosive: bool = False) -> Simulation:
    """Simulate `n_runs` futures of `horizon` time units from `start_time`.

    Raises
    ------
    ModelError
        The model (or the scenario's edited model) is explosive and `allow_explosive` is False.
    """
    if horizon <= 0 or n_runs < 1:
        raise ModelError(f"horizon={horizon} and n_runs={n_runs} must be positive")
    scenario = scenario or ResolvedScenario()
    table = EventTable.coerce(history, params.n_dims) if history is not None else None
    t0 = float(start_time if start_time is not None else (
        params.regime_starts[0] if table is None else max(table.times[-1], params.regime_starts[-1])
        if table.times.size else params.regime_starts[0]))
    radius = _edited_radius(params, scenario)
    if radius >= 1 and not allow_explosive:
        raise ModelError(f"the model is explosive (spectral radius {radius:.3f} >= 1): runs would "
                         "grow without bound; pass allow_explosive=True to simulate anyway")
    rng = np.random.default_rng(random_state)
    runs = [_one_run(params, t0, t0 + horizon, scenario, table, rng) for _ in range(n_runs)]
    return Simulation(runs, t0, horizon, params.n_dims)


def _edited_radius(params: HawkesParameters, scenario: ResolvedScenario) -> float:
    branching = params.branching.copy()
    for edit in scenario.edits:
        branching[np.ix_(edit.targets, edit.sources)] *= edit.factor
    return float(np.max(np.abs(np.linalg.eigvals(branching))))


def _immigrants(params: HawkesParameters, t0: float, end: float, scenario: ResolvedScenario,
                rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    cuts = sorted({t0, end, *(c.time for c in scenario.baseline_changes if t0 < c.time < end),
                   *(r for r in params.regime_starts if t0 < r < end)})
    times, dims = [], []
    for left, right in itertools.pairwise(cuts):
        mu = scenario.baseline(params.baseline_at(left), left)
        for i in range(params.n_dims):
            n = rng.poisson(mu[i] * (right - left))
            times.append(rng.uniform(left, right, n))
            dims.append(np.full(n, i))
    for shock in scenario.shocks:
        if t0 <= shock.time < end:
            times.append(np.full(shock.count, shock.time))
            dims.append(np.full(shock.count, shock.dim))
    return np.concatenate(times or [np.zeros(0)]), np.concatenate(dims or [np.zeros(0, int)]).astype(int)


def _children(params: HawkesParameters, parent_times: np.ndarray, parent_dims: np.ndarray,
              scenario: ResolvedScenario, end: float, rng: np.random.Generator,
              decay_weight: np.ndarray | None = None,
              birth_floor: float | None = None) -> tuple[np.ndarray, np.ndarray]:
    """One generation of offspring of the given parents."""
    if parent_times.size == 0:
        return np.zeros(0), np.zeros(0, int)
    means = params.adjacency[:, parent_dims, :].copy()  # (D, n, U)
    for edit in scenario.edits:
        active = parent_times >= edit.time
        mask = np.isin(parent_dims, edit.sources) & active
        means[np.ix_(edit.targets, np.flatnonzero(mask))] *= edit.factor
    if decay_weight is not None:
        means *= decay_weight[None, :, :]
    counts = rng.poisson(means)
    target, parent, decay = np.nonzero(counts)
    repeat = counts[target, parent, decay]
    target, parent, decay = (np.repeat(a, repeat) for a in (target, parent, decay))
    origin = parent_times[parent] if birth_floor is None else np.full(parent.size, birth_floor)
    times = origin + rng.exponential(1.0 / params.decays[decay])
    keep = times < end
    return times[keep], target[keep]


def _one_run(params: HawkesParameters, t0: float, end: float, scenario: ResolvedScenario,
             history: EventTable | None, rng: np.random.Generator) -> EventTable:
    times, dims = _immigrants(params, t0, end, scenario, rng)
    generation = [(times, dims)]
    if history is not None and history.times.size:
        weight = np.exp(-params.decays[None, :] * (t0 - history.times[:, None]))  # (n, U)
        generation.append(_children(params, history.times, history.dims, scenario, end, rng,
                                    decay_weight=weight, birth_floor=t0))
    all_times, all_dims = [g[0] for g in generation], [g[1] for g in generation]
    parents_t = np.concatenate(all_times)
    parents_d = np.concatenate(all_dims)
    total = parents_t.size
    while parents_t.size:
        parents_t, parents_d = _children(params, parents_t, parents_d, scenario, end, rng)
        all_times.append(parents_t)
        all_dims.append(parents_d)
        total += parents_t.size
        if total > MAX_EVENTS_PER_RUN:
            raise ModelError(f"a run passed {MAX_EVENTS_PER_RUN} events: the (edited) process is "
                             "explosive over this horizon; shorten it or damp the excitation")
    times, dims = np.concatenate(all_times), np.concatenate(all_dims)
    order = np.argsort(times, kind="stable")
    return EventTable(times[order], dims[order].astype(np.int64), params.n_dims)


def expected_intensity(params: HawkesParameters, times: np.ndarray, *, history: Any = None,
                       start_time: float | None = None) -> np.ndarray:
    """Mean-field (Richardson) expected intensity E[lambda(t)], (len(times), D), in closed form.

    With exponential kernels the expected excitation x_u (per decay) solves the linear system
    x_u' = -b_u x_u + b_u A_u (mu + sum_v x_v), started from the history's excitation at t0;
    its solution is a matrix exponential. At stationarity it tends to (I - G)^-1 mu.
    """
    from scipy.linalg import expm

    n_dims, n_decays = params.n_dims, len(params.decays)
    table = EventTable.coerce(history, n_dims) if history is not None else None
    t0 = float(start_time if start_time is not None else (
        table.times[-1] if table is not None and table.times.size else params.regime_starts[0]))
    size = n_dims * n_decays
    coupling = np.zeros((size, size))
    drive = np.zeros(size)
    mu = params.baseline_at(t0)
    for u, b in enumerate(params.decays):
        block = slice(u * n_dims, (u + 1) * n_dims)
        coupling[block, block] -= b * np.eye(n_dims)
        for v in range(n_decays):
            coupling[block, v * n_dims:(v + 1) * n_dims] += b * params.adjacency[:, :, u]
        drive[block] = b * params.adjacency[:, :, u] @ mu
    state = np.zeros(size)
    if table is not None:
        for u, b in enumerate(params.decays):
            weights = b * np.exp(-b * (t0 - table.times))
            state[u * n_dims:(u + 1) * n_dims] = params.adjacency[:, :, u] @ np.bincount(
                table.dims, weights=weights, minlength=n_dims)
    augmented = np.zeros((size + 1, size + 1))
    augmented[:size, :size] = coupling
    augmented[:size, size] = drive
    out = np.zeros((len(times), n_dims))
    for k, t in enumerate(np.asarray(times, dtype=float)):
        y = expm(augmented * (t - t0)) @ np.append(state, 1.0)
        out[k] = mu + y[:size].reshape(n_decays, n_dims).sum(axis=0)
    return out
