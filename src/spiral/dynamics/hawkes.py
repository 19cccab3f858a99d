"""Multivariate linear Hawkes process with sum-of-exponential kernels, fitted by exact likelihood.

Intensity of dimension i:

    lambda_i(t) = mu_i(t) + sum_j sum_u a[i, j, u] * b_u * sum_{t_l^j < t} exp(-b_u (t - t_l^j))

with fixed decays b_u, non-negative `adjacency_` a (each kernel integrates to a[i, j, u], so
G = a.sum(-1) is the branching matrix: G[i, j] is how many events of i one event of j causes on
average) and a baseline mu_i(t) that is constant between the user's regime dates. The
log-likelihood splits into one concave problem per dimension i, linear in (mu_i, a[i]) inside a
log, so each is solved exactly (projected Newton with the exact Hessian, non-negativity bounds).
The spectral radius of G is the spiral index: below 1 reactions die out, at or above 1 the
process feeds itself.

>>> import numpy as np
>>> model = HawkesModel(decays=[1.0], random_state=0)
>>> truth = HawkesModel.from_parameters(baseline=[0.5, 0.3], adjacency=[[[0.2], [0.3]], [[0.1], [0.2]]], decays=[1.0])
>>> events = truth.simulate(horizon=5000.0, n_runs=1, random_state=1).runs[0]
>>> round(truth.spectral_radius_, 2), round(model.fit(events, end_time=5000.0).spectral_radius_, 2)
(0.37, 0.37)
"""

from __future__ import annotations

import time as clock
import warnings
from collections.abc import Sequence
from statistics import NormalDist
from typing import Any

import numpy as np

from spiral.dynamics.records import EventTable, HawkesParameters
from spiral.dynamics.recursions import log_rate_terms, remaining_mass, target_states
from spiral.dynamics.simulation import Simulation, simulate
from spiral.errors import ConvergenceWarning, ModelError, NotFittedError

DEFAULT_DECAY_GRID = (0.1, 0.3, 1.0, 3.0, 10.0)
HELD_OUT_SHARE = 0.2
BOOTSTRAP_METHOD = "percentile"  # see the coverage study in docs/dynamics.md
QUANTILE_POSITIONS = "weibull"  # unbiased coverage at any number of refits (bootstrap_interval)


def ks_exponential(values: np.ndarray) -> dict[str, float]:
    """Kolmogorov-Smirnov test of values against Exp(1): statistic D and its p-value.

    The p-value is the Kolmogorov distribution's tail at (sqrt(n) + 0.12 + 0.11 / sqrt(n)) D,
    Stephens's small-sample correction (as in Numerical Recipes' probks): within 0.02 of the
    exact value from about 20 values on, and free of scipy.stats's half-second import.

    >>> round(ks_exponential(-np.log1p(-(np.arange(1, 101) - 0.5) / 100))["p_value"], 2)
    1.0
    """
    n = int(values.size)
    if n == 0:
        return {"ks_statistic": float("nan"), "p_value": float("nan"), "n_residuals": 0}
    cdf = -np.expm1(-np.sort(values))
    ranks = np.arange(1, n + 1) / n
    statistic = float(max((ranks - cdf).max(), (cdf - (ranks - 1 / n)).max()))
    root = np.sqrt(n)
    scaled = (root + 0.12 + 0.11 / root) * statistic
    if scaled < 0.2:
        p_value = 1.0
    else:
        k = np.arange(1, 101)
        p_value = float(np.clip(2 * np.sum((-1.0) ** (k - 1) * np.exp(-2 * k**2 * scaled**2)), 0, 1))
    return {"ks_statistic": statistic, "p_value": p_value, "n_residuals": n}


def bootstrap_interval(estimate: Any, draws: np.ndarray, level: float,
                       method: str) -> tuple[Any, Any]:
    """The `level` interval from bootstrap draws (n_boot, ...) of an estimate.

    "percentile": the draws' quantiles. "basic": those reflected about the estimate (floored
    at 0). "bc": bias-corrected percentile (Efron): with z0 = Phi^-1(share of draws below the
    estimate), the draws' quantiles at Phi(2 z0 +- z), which shifts the interval by the median
    bias the refits show.

    Quantiles are read at Weibull's plotting positions p (n_boot + 1): the k-th smallest of B
    draws sits on average at the k / (B + 1) quantile of their distribution, so the interval
    between the (B + 1)(1 -+ level) / 2 -th draws holds `level` of it for any B. numpy's
    default positions, p (B - 1) + 1, hold only level (B - 1) / (B + 1) of it: 87% for a 90%
    interval from 60 refits (docs/dynamics.md, "Minimum data").

    >>> [round(float(x), 2) for x in bootstrap_interval(0.5, np.array([0.3, 0.4, 0.5]), 0.5, "basic")]
    [0.5, 0.7]
    """
    tail = (1 - level) / 2
    if method == "bc":
        normal = NormalDist()
        draws = np.asarray(draws, dtype=float)
        flat_estimate = np.broadcast_to(estimate, draws.shape[1:]).ravel()
        flat_draws = draws.reshape(len(draws), -1)
        low, high = np.empty(flat_estimate.size), np.empty(flat_estimate.size)
        floor = 1 / (2 * len(draws))
        for k, value in enumerate(flat_estimate):
            column = flat_draws[:, k]
            share = np.mean(column < value) + 0.5 * np.mean(column == value)
            z0 = normal.inv_cdf(min(max(share, floor), 1 - floor))
            low[k], high[k] = np.quantile(column, [normal.cdf(2 * z0 + normal.inv_cdf(tail)),
                                                   normal.cdf(2 * z0 - normal.inv_cdf(tail))],
                                          method=QUANTILE_POSITIONS)
        shape = draws.shape[1:]
        return (low.reshape(shape), high.reshape(shape)) if shape else (low[0], high[0])
    low, high = np.quantile(draws, [tail, 1 - tail], axis=0, method=QUANTILE_POSITIONS)
    if method == "percentile":
        return low, high
    return np.maximum(2 * np.asarray(estimate) - high, 0.0), 2 * np.asarray(estimate) - low


class HawkesModel:
    """Multivariate Hawkes model, scikit-learn style: parameters here, `fit` returns self.

    Parameters
    ----------
    decays : decay rates b_u per unit time (e.g. per day); None picks one from `decay_grid` by
        held-out likelihood on the last 20% of the window.
    penalty : None, "l1" or "l2" shrinkage of the adjacency, with strength `alpha`.
    regimes : times at which the baselines may change (e.g. an inauguration day).
    n_dims : number of dimensions; by default one more than the largest `dim` seen.
    """

    def __init__(self, decays: Sequence[float] | None = None, penalty: str | None = None,
                 alpha: float = 0.0, regimes: Sequence[float] = (), n_dims: int | None = None,
                 decay_grid: Sequence[float] = DEFAULT_DECAY_GRID, max_iter: int = 1000,
                 tol: float = 1e-10, random_state: int | None = None):
        self.decays = decays
        self.penalty = penalty
        self.alpha = alpha
        self.regimes = regimes
        self.n_dims = n_dims
        self.decay_grid = decay_grid
        self.max_iter = max_iter
        self.tol = tol
        self.random_state = random_state

    def get_params(self) -> dict[str, Any]:
        """The constructor arguments, as scikit-learn's get_params."""
        return {name: getattr(self, name) for name in (
            "decays", "penalty", "alpha", "regimes", "n_dims", "decay_grid", "max_iter", "tol",
            "random_state")}

    @classmethod
    def from_parameters(cls, *, baseline: Any, adjacency: Any, decays: Sequence[float],
                        regimes: Sequence[float] = (), start_time: float = 0.0) -> HawkesModel:
        """A model with known parameters (for simulation and tests): baseline (D,) or
        (D, n_regimes), adjacency (D, D, U)."""
        model = cls(decays=list(decays), regimes=list(regimes))
        baseline = np.asarray(baseline, dtype=float)
        model.baseline_ = baseline.reshape(len(baseline), -1)
        model.adjacency_ = np.asarray(adjacency, dtype=float)
        model.decays_ = np.asarray(decays, dtype=float)
        model.regime_starts_ = np.array([start_time, *regimes], dtype=float)
        model._set_derived()
        model.loglik_, model.converged_, model.n_iter_, model.fit_seconds_ = np.nan, True, 0, 0.0
        return model

    # fitting ---------------------------------------------------------------------------

    def fit(self, events: Any, end_time: float | None = None, start_time: float = 0.0) -> HawkesModel:
        """Maximum-likelihood fit on [start_time, end_time]; `end_time` is required."""
        began = clock.perf_counter()
        table = EventTable.coerce(events, self.n_dims)
        end_time = self._check_window(table, start_time, end_time)
        decays = (np.asarray(self.decays, dtype=float) if self.decays is not None
                  else np.array([self._choose_decay(table, start_time, end_time)]))
        if (decays <= 0).any():
            raise ModelError(f"decays must be positive, got {decays.tolist()}")
        if self.penalty not in (None, "l1", "l2"):
            raise ModelError(f"penalty={self.penalty!r}; use None, 'l1' or 'l2'")
        self.decays_ = decays
        self.regime_starts_ = np.array(
            [start_time, *sorted(r for r in self.regimes if start_time < r < end_time)])
        baseline, adjacency, loglik, converged, n_iter = self._solve(table, start_time, end_time)
        self.baseline_, self.adjacency_ = baseline, adjacency
        self.loglik_, self.converged_, self.n_iter_ = loglik, converged, n_iter
        self._set_derived()
        self.fit_seconds_ = clock.perf_counter() - began
        if not converged:
            warnings.warn(f"the optimiser stopped after {n_iter} iterations before meeting "
                          f"tol={self.tol}; raise max_iter", ConvergenceWarning, stacklevel=2)
        return self

    def _set_derived(self) -> None:
        self.branching_ = self.adjacency_.sum(axis=2)
        self.spectral_radius_ = float(np.max(np.abs(np.linalg.eigvals(self.branching_))))
        self.branching_ratio_ = self.spectral_radius_
        self.n_dims_ = self.adjacency_.shape[0]

    @staticmethod
    def _check_window(table: EventTable, start_time: float, end_time: float | None) -> float:
        if end_time is None:
            raise ModelError("end_time is required: the end of the observation window, not the "
                             "last event (quiet time at the end is information)")
        if end_time <= start_time:
            raise ModelError(f"end_time={end_time} must be after start_time={start_time}")
        if table.times.size and (table.times[-1] > end_time or table.times[0] < start_time):
            raise ModelError(f"events run from {table.times[0]:g} to {table.times[-1]:g}, outside "
                             f"the window [{start_time:g}, {end_time:g}]; widen the window or "
                             "drop those events")
        return float(end_time)

    @staticmethod
    def _compensator(table: EventTable, end_time: float, decays: np.ndarray,
                     regime_starts: np.ndarray) -> np.ndarray:
        """Coefficients c with compensator_i = c . theta_i: regime lengths, then b-weighted masses."""
        lengths = np.diff(np.append(regime_starts, end_time))
        mass = remaining_mass(table.times, table.dims, table.n_dims, decays, end_time).ravel()
        return np.concatenate([lengths, mass])

    @staticmethod
    def _rows(table: EventTable, target: int, decays: np.ndarray,
              regime_starts: np.ndarray) -> np.ndarray:
        """Rows [regime one-hot | b_u H] for the events of `target`: (n_i, n_regimes + D U)."""
        states, _ = target_states(table.times, table.dims, table.n_dims, decays, target)
        times = table.times[table.dims == target]
        rows = np.zeros((times.size, len(regime_starts) + table.n_dims * len(decays)))
        regime = np.clip(np.searchsorted(regime_starts, times, side="right") - 1, 0, None)
        rows[np.arange(times.size), regime] = 1.0
        states *= decays[None, None, :]
        rows[:, len(regime_starts):] = states.reshape(times.size, table.n_dims * len(decays))
        return rows

    def _solve(self, table: EventTable, start_time: float, end_time: float):
        decays, starts = self.decays_, self.regime_starts_
        coefficients = self._compensator(table, end_time, decays, starts)
        n_regimes, n_dims, n_decays = len(starts), table.n_dims, len(decays)
        baseline = np.zeros((n_dims, n_regimes))
        adjacency = np.zeros((n_dims, n_dims, n_decays))
        loglik, converged, n_iter = 0.0, True, 0
        for i in range(n_dims):
            x = self._rows(table, i, decays, starts)
            theta, value, ok, iterations = self._maximise(x, coefficients, n_regimes)
            baseline[i] = theta[:n_regimes]
            adjacency[i] = theta[n_regimes:].reshape(n_dims, n_decays)
            loglik += value
            converged &= ok
            n_iter = max(n_iter, iterations)
        return baseline, adjacency, loglik, converged, n_iter

    def _maximise(self, x: np.ndarray, c: np.ndarray, n_regimes: int):
        """argmax over theta >= 0 of sum log(x theta) - c theta - penalty, by projected Newton.

        The problem is concave and small (R + D U parameters), so Newton's method with the
        exact Hessian converges in a handful of steps where quasi-Newton needs dozens. Bounds
        follow Bertsekas's projected Newton: parameters at zero whose gradient points below
        zero are held there; the others take the Newton step, projected onto theta >= 0,
        shortened until the objective rises enough (Armijo).
        """
        n_params = x.shape[1]
        if x.shape[0] == 0:
            return np.zeros(n_params), 0.0, True, 0
        is_excitation = np.arange(n_params) >= n_regimes
        l2 = self.alpha * is_excitation if self.penalty == "l2" else np.zeros(n_params)
        l1 = self.alpha * is_excitation if self.penalty == "l1" else np.zeros(n_params)

        def objective(theta: np.ndarray, order: int):
            value, gradient, hessian = log_rate_terms(x, theta, order)
            value -= c @ theta + l1 @ theta + 0.5 * l2 @ theta**2
            if order >= 1:
                gradient -= c + l1 + l2 * theta
            if order >= 2:
                hessian[np.diag_indices(n_params)] -= l2
            return value, gradient, hessian

        def unpenalised(theta: np.ndarray, value: float) -> float:
            return float(value + l1 @ theta + 0.5 * l2 @ theta**2)

        theta = np.full(n_params, 0.1 / max(1, n_params - n_regimes))
        theta[~x.any(axis=0)] = 0.0  # a source that never precedes an event here stays at 0
        theta[:n_regimes] = 0.5 * x.shape[0] / max(c[:n_regimes].sum(), 1e-12)
        value = objective(theta, 0)[0]
        for iteration in range(1, self.max_iter + 1):
            _, gradient, hessian = objective(theta, 2)
            free = (theta > 0) | (gradient > 0)
            curvature = -hessian[np.ix_(free, free)]
            scale = max(np.trace(curvature) / max(1, curvature.shape[0]), 1e-300)
            # with fewer events than parameters the Hessian is singular: damp it (Levenberg)
            # until a step raises the objective
            for damping in (1e-12, 1e-6, 1e-3, 1.0, 1e3):
                direction = np.linalg.solve(curvature + damping * scale * np.eye(len(curvature)),
                                            gradient[free])
                if damping == 1e-12 and \
                        gradient[free] @ direction <= 2 * self.tol * max(1.0, abs(value)):
                    return theta, unpenalised(theta, value), True, iteration
                candidate, new_value = self._line_search(objective, theta, value, gradient,
                                                         free, direction)
                if candidate is not None:
                    break
            else:
                # no direction rises: the projected gradient says whether this is the top
                converged = np.abs(gradient[free]).max(initial=0.0) <= 1e-6 * max(1.0, abs(value))
                return theta, unpenalised(theta, value), bool(converged), iteration
            theta, value = candidate, new_value
        return theta, unpenalised(theta, value), False, self.max_iter

    @staticmethod
    def _line_search(objective, theta: np.ndarray, value: float, gradient: np.ndarray,
                     free: np.ndarray, direction: np.ndarray):
        """Halve the projected step until the objective rises enough (Armijo); None if never."""
        step = 1.0
        for _ in range(40):
            candidate = theta.copy()
            candidate[free] = np.maximum(theta[free] + step * direction, 0.0)
            new_value = objective(candidate, 0)[0]
            moved = not np.array_equal(candidate, theta)
            if moved and new_value >= value + 1e-4 * gradient @ (candidate - theta) > -np.inf:
                return candidate, new_value
            step *= 0.5
        return None, value

    def _choose_decay(self, table: EventTable, start_time: float, end_time: float) -> float:
        """The grid decay with the best held-out log-likelihood on the window's last 20%."""
        cut = end_time - HELD_OUT_SHARE * (end_time - start_time)
        train = table.before(cut)
        best, best_score = None, -np.inf
        for decay in self.decay_grid:
            candidate = HawkesModel(decays=[decay], penalty=self.penalty, alpha=self.alpha,
                                    regimes=self.regimes, n_dims=table.n_dims,
                                    max_iter=self.max_iter, tol=self.tol)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", ConvergenceWarning)
                candidate.fit(train, end_time=cut, start_time=start_time)
            held_out = (candidate.loglikelihood(table, end_time, start_time)
                        - candidate.loglikelihood(train, cut, start_time))
            if held_out > best_score:
                best, best_score = decay, held_out
        return float(best)

    # using a fitted model -------------------------------------------------------------

    def _check_fitted(self) -> None:
        if not hasattr(self, "adjacency_"):
            raise NotFittedError("this HawkesModel is not fitted yet; call fit(events, end_time=...)")

    def loglikelihood(self, events: Any, end_time: float, start_time: float = 0.0) -> float:
        """Exact log-likelihood of events on [start_time, end_time] under the fitted parameters."""
        return float(self.loglikelihood_per_dim(events, end_time, start_time).sum())

    def loglikelihood_per_dim(self, events: Any, end_time: float,
                              start_time: float = 0.0) -> np.ndarray:
        """The log-likelihood's terms per dimension, (D,): sum log lambda_i(t) - compensator_i."""
        self._check_fitted()
        table = EventTable.coerce(events, self.n_dims_)
        end_time = self._check_window(table, start_time, end_time)
        starts = np.array([start_time, *[r for r in self.regime_starts_[1:] if r < end_time]])
        coefficients = self._compensator(table, end_time, self.decays_, starts)
        n_regimes = len(starts)
        out = np.zeros(self.n_dims_)
        for i in range(self.n_dims_):
            theta = np.concatenate([self.baseline_[i, :n_regimes], self.adjacency_[i].ravel()])
            rate = self._rows(table, i, self.decays_, starts) @ theta
            out[i] = np.log(np.maximum(rate, 1e-300)).sum() - coefficients @ theta
        return out

    def score(self, events: Any, end_time: float, start_time: float = 0.0) -> float:
        """Mean log-likelihood per event (higher is better)."""
        table = EventTable.coerce(events, getattr(self, "n_dims_", self.n_dims))
        return self.loglikelihood(table, end_time, start_time) / max(1, len(table.times))

    def residuals(self, events: Any, end_time: float, start_time: float = 0.0) -> list[np.ndarray]:
        """Time-rescaled inter-event compensator increments per dimension; Exp(1) if the model fits."""
        self._check_fitted()
        table = EventTable.coerce(events, self.n_dims_)
        self._check_window(table, start_time, end_time)
        edges = np.append(self.regime_starts_, max(end_time, self.regime_starts_[-1]))
        out = []
        for i in range(self.n_dims_):
            states, counts = target_states(table.times, table.dims, table.n_dims, self.decays_, i)
            times = table.times[table.dims == i]
            base = np.clip(times[:, None] - edges[None, :-1], 0, np.diff(edges)[None, :]) \
                @ self.baseline_[i]
            excitation = np.einsum("kju,ju->k", counts[:, :, None] - states, self.adjacency_[i])
            out.append(np.diff(np.concatenate([[0.0], base + excitation])))
        return out

    def goodness_of_fit(self, events: Any, end_time: float, start_time: float = 0.0) -> dict[str, Any]:
        """Kolmogorov-Smirnov tests of the time-rescaled residuals against Exp(1).

        Returns the pooled test (`ks_statistic`, `p_value`, `n_residuals`) and the same per
        dimension in `per_dim` (a dimension with no event has p_value NaN). A small p-value
        says the fitted intensity does not describe the event times.
        """
        residuals = self.residuals(events, end_time, start_time)
        return {**ks_exponential(np.concatenate(residuals)),
                "per_dim": [ks_exponential(r) for r in residuals]}

    def bootstrap(self, end_time: float, *, n_boot: int = 50, start_time: float = 0.0,
                  level: float = 0.9, method: str = BOOTSTRAP_METHOD,
                  random_state: int | None = None) -> dict[str, Any]:
        """Parametric bootstrap: simulate from the fit, refit, and take `level` intervals.

        `method` ("percentile", "basic" or "bc", see `bootstrap_interval`) makes the interval
        of the spectral radius; the branching matrix's entries, often on the boundary at 0,
        always take percentile intervals. docs/dynamics.md ("Minimum data") compares the
        methods' coverage. Returns the interval of the spectral radius, (D, D) intervals of
        the branching matrix and the refits' values (`radius_draws` (n_boot,),
        `branching_draws` (n_boot, D, D)).
        """
        if method not in ("percentile", "basic", "bc"):
            raise ModelError(f"method={method!r}; use 'percentile', 'basic' or 'bc'")
        self._check_fitted()
        rng = np.random.default_rng(random_state)
        radii, branching = [], []
        for _ in range(n_boot):
            run = self.simulate(horizon=end_time - start_time, n_runs=1, start_time=start_time,
                                random_state=int(rng.integers(2**31)),
                                allow_explosive=True).runs[0]
            refit = HawkesModel(decays=self.decays_, penalty=self.penalty, alpha=self.alpha,
                                regimes=list(self.regime_starts_[1:]), n_dims=self.n_dims_,
                                max_iter=self.max_iter, tol=self.tol)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", ConvergenceWarning)
                refit.fit(run, end_time=end_time, start_time=start_time)
            radii.append(refit.spectral_radius_)
            branching.append(refit.branching_)
        radii, branching = np.array(radii), np.array(branching)
        radius_low, radius_high = bootstrap_interval(self.spectral_radius_, radii, level, method)
        branching_low, branching_high = bootstrap_interval(self.branching_, branching, level,
                                                           "percentile")
        return {"spectral_radius": (float(radius_low), float(radius_high)),
                "branching_low": branching_low, "branching_high": branching_high,
                "radius_draws": radii, "branching_draws": branching,
                "level": level, "n_boot": n_boot, "method": method}

    def parameters(self) -> HawkesParameters:
        """The fitted parameters as plain data (what simulation works from)."""
        self._check_fitted()
        return HawkesParameters(self.baseline_, self.adjacency_, self.decays_, self.regime_starts_)

    def simulate(self, horizon: float, n_runs: int = 100, *, scenario: Any = None,
                 history: Any = None, start_time: float | None = None,
                 random_state: int | None = None, allow_explosive: bool = False) -> Simulation:
        """Exact branching simulation; see `spiral.dynamics.simulation.simulate`."""
        return simulate(self.parameters(), horizon, n_runs, scenario=scenario, history=history,
                        start_time=start_time, random_state=random_state,
                        allow_explosive=allow_explosive)

    def damped(self, radius: float) -> HawkesModel:
        """A copy whose adjacency is scaled so that the spectral radius is at most `radius`."""
        self._check_fitted()
        scale = min(1.0, radius / self.spectral_radius_) if self.spectral_radius_ > 0 else 1.0
        copy = HawkesModel.from_parameters(baseline=self.baseline_,
                                           adjacency=self.adjacency_ * scale, decays=self.decays_,
                                           regimes=list(self.regime_starts_[1:]),
                                           start_time=float(self.regime_starts_[0]))
        copy.loglik_, copy.converged_ = self.loglik_, self.converged_
        return copy

    def baseline_at(self, t: float) -> np.ndarray:
        """Baselines (D,) in force at time t."""
        return self.parameters().baseline_at(t)

    def stationary_intensity(self, t: float | None = None) -> np.ndarray:
        """Mean intensity at stationarity, (I - G)^-1 mu, for the baseline in force at t."""
        self._check_fitted()
        if self.spectral_radius_ >= 1:
            raise ModelError(f"spectral radius {self.spectral_radius_:.3f} >= 1: the process has "
                             "no stationary mean")
        mu = self.baseline_at(self.regime_starts_[-1] if t is None else t)
        return np.linalg.solve(np.eye(self.n_dims_) - self.branching_, mu)

    def to_dict(self) -> dict[str, Any]:
        """The fitted parameters as JSON-ready data (adjacency [D][D][U], [i][j] = j excites i)."""
        self._check_fitted()
        return {"baseline": self.baseline_[:, -1].tolist() if self.baseline_.shape[1] == 1
                else self.baseline_.tolist(),
                "adjacency": self.adjacency_.tolist(), "decays": self.decays_.tolist(),
                "regime_starts": self.regime_starts_.tolist(), "loglik": self.loglik_,
                "converged": self.converged_, "fit_seconds": self.fit_seconds_,
                "spectral_radius": self.spectral_radius_}
