"""Calibration of the method itself: do the bootstrap intervals cover the truth as often as they say?

Simulate many data sets from known parameters, fit each one the way spiral fits real data, take
its parametric-bootstrap interval, and count how often the interval holds the true value. A 90%
interval should hold it in about 90% of data sets; the minimum-data rule
(`spiral.dynamics.evaluation.MINIMUM_DATA`) is set where this holds (docs/dynamics.md).
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from typing import Any

import numpy as np

from spiral.dynamics.hawkes import BOOTSTRAP_METHOD, HawkesModel, bootstrap_interval
from spiral.dynamics.records import HawkesParameters
from spiral.errors import ConvergenceWarning


def crisis_truth(n_dims: int) -> HawkesParameters:
    """The study's truths: a two-party exchange (D=2, index 0.45) or a random sparse one (D=4,
    index 0.5, 10 of 16 entries zero), baseline 0.1/day per dimension, decay 0.2/day.

    >>> round(float(np.max(np.abs(np.linalg.eigvals(crisis_truth(4).branching)))), 2)
    0.5
    """
    if n_dims == 2:
        adjacency = np.array([[0.2, 0.3], [0.25, 0.15]])
    else:
        rng = np.random.default_rng(0)
        adjacency = rng.uniform(0, 1, (n_dims, n_dims)) * (rng.uniform(size=(n_dims, n_dims)) < 0.5)
        adjacency *= 0.5 / np.max(np.abs(np.linalg.eigvals(adjacency)))
    return HawkesParameters(np.full((n_dims, 1), 0.1), adjacency[:, :, None], np.array([0.2]),
                            np.zeros(1))


def horizon_for(truth: HawkesParameters, events_per_dim: float) -> float:
    """The window length at which each dimension expects `events_per_dim` events on average,
    at the stationary rates (I - G)^-1 mu."""
    rate = np.linalg.solve(np.eye(truth.n_dims) - truth.branching, truth.baseline[:, 0])
    return float(events_per_dim / rate.mean())


def coverage_study(truth: HawkesParameters, horizon: float, *, n_datasets: int = 100,
                   n_boot: int = 50, level: float = 0.9, penalty: str | None = "l2",
                   alpha: float = 0.1, random_state: int = 0,
                   progress: Callable[[int, int], None] | None = None) -> dict[str, Any]:
    """Coverage of the `level` bootstrap intervals of the spectral radius and of every entry of
    the branching matrix, over `n_datasets` simulated data sets of length `horizon`.

    Returns `radius_coverage` (share of data sets whose radius interval holds the true radius),
    `branching_coverage` (share over data sets and entries), both for the method spiral
    uses (`BOOTSTRAP_METHOD`) and as `radius_<method>_coverage` for each method, the branching
    coverage over the entries whose truth is not 0 (`branching_nonzero_coverage`) and over
    those at 0 (`branching_zero_coverage`, None without such entries), `radius_width` (median
    width), `radius_bias` (mean estimate minus truth) and `events_per_dim` (mean events per
    dimension).

    An entry at 0 sits on the boundary of the parameter space: its interval holds 0 whenever a
    twentieth of the refits are 0, so it can only miss by a spurious excitation, and its
    coverage is above `level` by construction. Calibration is judged on the non-zero entries.

    >>> truth = HawkesParameters(np.array([[0.5]]), np.array([[[0.3]]]), np.array([1.0]), np.zeros(1))
    >>> study = coverage_study(truth, 200.0, n_datasets=4, n_boot=10)
    >>> 0.0 <= study["radius_coverage"] <= 1.0 and study["n_datasets"] == 4
    True
    """
    source = HawkesModel.from_parameters(baseline=truth.baseline, adjacency=truth.adjacency,
                                         decays=truth.decays)
    true_branching = truth.branching
    true_radius = float(np.max(np.abs(np.linalg.eigvals(true_branching))))
    rng = np.random.default_rng(random_state)
    hits: dict[str, list[Any]] = {key: [] for key in (
        "radius_percentile", "radius_basic", "radius_bc", "branching_percentile", "branching_basic")}
    widths, estimates, sizes = [], [], []
    for k in range(n_datasets):
        run = source.simulate(horizon=horizon, n_runs=1,
                              random_state=int(rng.integers(2**31))).runs[0]
        model = HawkesModel(decays=truth.decays, penalty=penalty, alpha=alpha,
                            n_dims=truth.n_dims)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            model.fit(run, end_time=horizon)
        boot = model.bootstrap(horizon, n_boot=n_boot, level=level,
                               random_state=int(rng.integers(2**31)))
        for method in ("percentile", "basic", "bc"):
            low, high = bootstrap_interval(model.spectral_radius_, boot["radius_draws"], level,
                                           method)
            hits[f"radius_{method}"].append(low <= true_radius <= high)
        for method in ("percentile", "basic"):
            low, high = bootstrap_interval(model.branching_, boot["branching_draws"], level,
                                           method)
            hits[f"branching_{method}"].append((low <= true_branching) & (true_branching <= high))
        low, high = boot["spectral_radius"]
        widths.append(high - low)
        estimates.append(model.spectral_radius_)
        sizes.append(np.bincount(run.dims, minlength=truth.n_dims))
        if progress:
            progress(k + 1, n_datasets)
    branching_hits = np.array(hits["branching_percentile"])
    is_zero = true_branching == 0
    return {"radius_coverage": float(np.mean(hits[f"radius_{BOOTSTRAP_METHOD}"])),
            "branching_coverage": float(branching_hits.mean()),
            "branching_nonzero_coverage": float(branching_hits[:, ~is_zero].mean()),
            "branching_zero_coverage": float(branching_hits[:, is_zero].mean())
            if is_zero.any() else None,
            **{f"{key}_coverage": float(np.mean(value)) for key, value in hits.items()},
            "radius_width": float(np.median(widths)),
            "radius_bias": float(np.mean(estimates) - true_radius),
            "true_radius": true_radius,
            "events_per_dim": float(np.mean(sizes)),
            "n_datasets": n_datasets, "n_boot": n_boot, "level": level}
