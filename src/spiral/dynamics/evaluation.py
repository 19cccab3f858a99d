"""Whether a Hawkes fit can be defended: enough data, the index in words, backtests, the index over time.

- `check_data` applies the minimum-data rule (`MINIMUM_DATA`, set by the simulation study in
  docs/dynamics.md): below it, spiral says "too few events to estimate" instead of a number.
- `index_verdict` puts an interval of the spiral index into words; one that includes 1 is
  "inconclusive".
- `backtest` refits on rolling origins and scores the next `horizon` days per dimension, by
  out-of-sample log-likelihood and by the coverage of 50% and 90% forecast intervals, against
  a constant-rate Poisson baseline and a piecewise-constant (last block's rate) baseline.
- `rolling_index` fits a sliding window and gives the spiral index with its interval over time.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from spiral.dynamics.hawkes import HawkesModel
from spiral.dynamics.records import EventTable
from spiral.errors import ConvergenceWarning, ModelError, TooFewEventsError

# The smallest data a fit is reported on, from the coverage study in docs/dynamics.md
# ("Minimum data"): at these sizes the 90% bootstrap intervals of the spiral index and of the
# branching matrix held the truth in 85-95% of simulated data sets.
MINIMUM_DATA = {"events_per_dim": 100, "events_total": 200}
FORECAST_MAX_RADIUS = 0.95  # as the report's forecast: an explosive short-window fit is damped
LEVELS = (0.5, 0.9)  # central forecast intervals scored by the backtest
TOO_FEW = "too few events to estimate"

Fit = Callable[[EventTable, float, float], HawkesModel]


@dataclass(frozen=True, slots=True)
class DataCheck:
    """Events per dimension in a window, and whether the minimum-data rule allows a fit."""

    events_per_dim: tuple[int, ...]
    enough: bool
    reason: str

    @property
    def n_events(self) -> int:
        return int(sum(self.events_per_dim))


def check_data(table: EventTable, *, dim_names: Sequence[str] | None = None,
               rule: dict[str, int] = MINIMUM_DATA) -> DataCheck:
    """Apply the minimum-data rule: at least `events_per_dim` events in every dimension and
    `events_total` in all.

    >>> check_data(EventTable(np.arange(6.0), np.array([0, 1] * 3), 2)).reason
    'too few events to estimate: 6 events (3, 3 per dimension); the minimum is 100 per dimension and 200 in total'
    """
    counts = tuple(int(c) for c in np.bincount(table.dims, minlength=table.n_dims))
    short = [i for i, c in enumerate(counts) if c < rule["events_per_dim"]]
    enough = not short and sum(counts) >= rule["events_total"]
    reason = "" if enough else (
        f"{TOO_FEW}: {sum(counts)} events ({', '.join(map(str, counts))} per "
        f"dimension); the minimum is {rule['events_per_dim']} per dimension and "
        f"{rule['events_total']} in total")
    if short and dim_names is not None:
        reason += "; short: " + ", ".join(dim_names[i] for i in short)
    return DataCheck(counts, enough, reason)


def require_data(table: EventTable, *, window: str, dim_names: Sequence[str] | None = None,
                 rule: dict[str, int] = MINIMUM_DATA) -> DataCheck:
    """`check_data`, raising `TooFewEventsError` (naming the window and the fix) when short."""
    check = check_data(table, dim_names=dim_names, rule=rule)
    if not check.enough:
        raise TooFewEventsError(f"{window}: {check.reason} (docs/dynamics.md, 'Minimum data'); "
                                "widen the window, merge dimensions or import more events")
    return check


def index_verdict(low: float, high: float, level: float = 0.9) -> str:
    """The spiral index's interval in words.

    >>> index_verdict(0.0, 1.06)
    'inconclusive: the 90% interval includes 1'
    """
    percent = f"{level:.0%}"
    if not (math.isfinite(low) and math.isfinite(high)):
        return "no interval"
    if high < 1:
        return f"reactions die out: the whole {percent} interval is below 1"
    if low >= 1:
        return f"self-sustaining: the whole {percent} interval is at or above 1"
    return f"inconclusive: the {percent} interval includes 1"


def fit_window(model: HawkesModel) -> Fit:
    """A `Fit` that refits a fresh copy of `model` (same parameters) on each window."""
    def fit(train: EventTable, start: float, end: float) -> HawkesModel:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            return HawkesModel(**model.get_params()).fit(train, end_time=end, start_time=start)
    return fit


def _window(table: EventTable, start: float, end: float) -> EventTable:
    """Events in [start, end): half-open, so that a day-stamped event on day `end` (which
    happened during [end, end + 1)) stays out of a window ending at `end`."""
    keep = (table.times >= start) & (table.times < end)
    return EventTable(table.times[keep], table.dims[keep], table.n_dims)


# backtest ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Backtest:
    """Per origin and dimension: events in the next `horizon`, each model's log-likelihood of
    them and whether each model's 50% and 90% intervals held their count.

    `rows` carry origin, dim, n_events, and for model in (hawkes, constant, piecewise):
    loglik_<model>, mean_<model>, in50_<model>, in90_<model>.
    """

    rows: list[dict[str, Any]]
    horizon: float
    n_skipped: int
    dim_names: list[str]

    def summary(self) -> list[dict[str, Any]]:
        """Per dimension: origins, events, mean log-likelihood per window of each model, the
        Hawkes model's skill over each baseline (mean difference and its standard error) and
        interval coverages, with a plain verdict."""
        out = []
        for name in self.dim_names:
            rows = [r for r in self.rows if r["dim"] == name]
            if not rows:
                continue
            entry: dict[str, Any] = {"dim": name, "n_origins": len(rows),
                                     "n_events": int(sum(r["n_events"] for r in rows))}
            for model in MODELS:
                entry[f"loglik_{model}"] = float(np.mean([r[f"loglik_{model}"] for r in rows]))
                for level in LEVELS:
                    key = f"in{round(level * 100)}_{model}"
                    entry[f"coverage{round(level * 100)}_{model}"] = float(
                        np.mean([r[key] for r in rows]))
            verdicts = []
            for baseline in MODELS[1:]:
                gain = np.array([r["loglik_hawkes"] - r[f"loglik_{baseline}"] for r in rows])
                error = float(gain.std(ddof=1) / np.sqrt(gain.size)) if gain.size > 1 else np.inf
                entry[f"skill_vs_{baseline}"] = float(gain.mean())
                entry[f"skill_vs_{baseline}_se"] = error
                verdicts.append(_skill_words(float(gain.mean()), error, baseline))
            entry["verdict"] = "; ".join(verdicts)
            out.append(entry)
        return out


MODELS = ("hawkes", "constant", "piecewise")
BASELINE_NAMES = {"constant": "the constant-rate Poisson baseline",
                  "piecewise": "the piecewise-constant baseline"}


def _skill_words(gain: float, error: float, baseline: str) -> str:
    """'beats', 'does not beat' or 'is worse than' a baseline, at about 90% confidence."""
    name = BASELINE_NAMES[baseline]
    if gain - 1.645 * error > 0:
        return f"beats {name}"
    if gain + 1.645 * error < 0:
        return f"is worse than {name}"
    return f"does not beat {name}"


def backtest(events: Any, *, end_time: float, start_time: float = 0.0, fit: Fit,
             horizon: float = 7.0, step: float = 7.0, min_train: float = 90.0,
             block: float = 28.0, n_runs: int = 200, dim_names: Sequence[str] | None = None,
             rule: dict[str, int] = MINIMUM_DATA, random_state: int | None = 0,
             progress: Callable[[int, int], None] | None = None) -> Backtest:
    """Refit on rolling origins and score the next `horizon` of events per dimension.

    Origins run from `start_time + min_train` every `step` while a whole horizon follows before
    `end_time`. At each, `fit(train, start_time, origin)` sees only events up to the origin
    (origins whose training data fail the minimum-data rule are skipped and counted). Each
    model's log-likelihood of the next horizon's events is the point-process one (events at
    their times, compensator over the horizon), so the three are comparable:

    - hawkes: the fit, damped to spectral radius 0.95 as the report's forecast is, conditioned
      on the history; intervals from `n_runs` simulated futures.
    - constant: Poisson with each dimension's rate over the whole training window.
    - piecewise: Poisson with each dimension's rate over the training window's last `block`.

    Rates of baselines add half an event, so that a quiet dimension is not certain to stay quiet.
    """
    from scipy import stats  # half a second to import; only the backtest needs it

    table = EventTable.coerce(events)
    names = list(dim_names or [str(i) for i in range(table.n_dims)])
    rng = np.random.default_rng(random_state)
    origins = np.arange(start_time + min_train, end_time - horizon + 1e-9, step)
    rows, skipped = [], 0
    for k, origin in enumerate(origins):
        origin = float(origin)
        train = _window(table, start_time, origin)
        if not check_data(train, rule=rule).enough:
            skipped += 1
            continue
        target = origin + horizon
        upcoming = (table.times >= origin) & (table.times < target)
        ahead, dims_ahead = table.times[upcoming], table.dims[upcoming]
        observed = np.bincount(dims_ahead, minlength=table.n_dims)
        model = fit(train, start_time, origin).damped(FORECAST_MAX_RADIUS)
        both = EventTable(np.concatenate([train.times, ahead]),
                          np.concatenate([train.dims, dims_ahead]), table.n_dims)
        hawkes = (model.loglikelihood_per_dim(both, target, start_time)
                  - model.loglikelihood_per_dim(train, origin, start_time))
        # history older than 30 mean kernel lengths no longer excites anything measurable
        recent = _window(train, origin - 30.0 / float(model.decays_.min()), origin)
        counts = model.simulate(horizon=horizon, n_runs=n_runs, history=recent,
                                start_time=origin, random_state=int(rng.integers(2**31)),
                                allow_explosive=True).counts(bin_width=horizon)[:, :, 0]
        train_counts = np.bincount(train.dims, minlength=table.n_dims)
        recent_counts = np.bincount(_window(train, origin - block, origin).dims,
                                    minlength=table.n_dims)
        rates = {"constant": (train_counts + 0.5) / (origin - start_time),
                 "piecewise": (recent_counts + 0.5) / min(block, origin - start_time)}
        for i, name in enumerate(names):
            row: dict[str, Any] = {"origin": origin, "dim": name, "n_events": int(observed[i]),
                                   "loglik_hawkes": float(hawkes[i]),
                                   "mean_hawkes": float(counts[:, i].mean())}
            for level in LEVELS:
                low, high = np.quantile(counts[:, i], [(1 - level) / 2, (1 + level) / 2])
                row[f"in{round(level * 100)}_hawkes"] = bool(low <= observed[i] <= high)
            for baseline, rate in rates.items():
                mean = float(rate[i] * horizon)
                row[f"loglik_{baseline}"] = float(observed[i] * np.log(rate[i]) - mean)
                row[f"mean_{baseline}"] = mean
                for level in LEVELS:
                    low, high = stats.poisson.ppf([(1 - level) / 2, (1 + level) / 2], mean)
                    row[f"in{round(level * 100)}_{baseline}"] = bool(low <= observed[i] <= high)
            rows.append(row)
        if progress:
            progress(k + 1, len(origins))
    if not rows:
        raise TooFewEventsError(
            f"no backtest origin between {start_time + min_train:g} and {end_time - horizon:g} "
            f"has enough training events ({skipped} skipped by the minimum-data rule, "
            f"{MINIMUM_DATA}); widen the window or lower min_train")
    return Backtest(rows, horizon, skipped, names)


# the spiral index over time ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class IndexPoint:
    """The spiral index of one window [start, end], or why there is none."""

    start: float
    end: float
    events_per_dim: tuple[int, ...]
    index: float | None
    low: float | None
    high: float | None
    decay: float | None
    verdict: str


def rolling_index(events: Any, *, end_time: float, start_time: float = 0.0, fit: Fit,
                  window: float = 180.0, step: float = 30.0, n_boot: int = 60,
                  level: float = 0.9, rule: dict[str, int] = MINIMUM_DATA,
                  random_state: int | None = 0,
                  progress: Callable[[int, int], None] | None = None) -> list[IndexPoint]:
    """Fit every window of length `window` ending at end_time, end_time - step, ... (oldest
    first); each point has the spiral index and its `level` parametric-bootstrap interval, or
    the minimum-data rule's reason when the window holds too few events.
    """
    if window <= 0 or step <= 0:
        raise ModelError(f"window={window} and step={step} must be positive")
    table = EventTable.coerce(events)
    ends = np.arange(end_time, start_time + window - 1e-9, -step)[::-1]
    if ends.size == 0:
        raise ModelError(f"the window ({window:g}) is longer than the data's span "
                         f"[{start_time:g}, {end_time:g}]; shorten --window")
    rng = np.random.default_rng(random_state)
    points = []
    for k, end in enumerate(ends):
        begin, end = float(end - window), float(end)
        part = _window(table, begin, end)
        check = check_data(part, rule=rule)
        if not check.enough:
            points.append(IndexPoint(begin, end, check.events_per_dim, None, None, None, None,
                                     TOO_FEW))
        else:
            model = fit(part, begin, end)
            boot = model.bootstrap(end, start_time=begin, n_boot=n_boot, level=level,
                                   random_state=int(rng.integers(2**31)))
            low, high = boot["spectral_radius"]
            points.append(IndexPoint(begin, end, check.events_per_dim, model.spectral_radius_,
                                     low, high, float(model.decays_[0]),
                                     index_verdict(low, high, level)))
        if progress:
            progress(k + 1, len(ends))
    return points


# all of it on one table ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TableAnalysis:
    """A fit on a (time, dim) table, with its goodness of fit, and optionally its backtest and
    the index over time."""

    model: HawkesModel
    data: DataCheck
    goodness: dict[str, Any]
    backtest: Backtest | None
    rolling: list[IndexPoint] | None


def analyse_table(events: Any, *, end_time: float, start_time: float = 0.0,
                  model: HawkesModel, with_backtest: bool = False, horizon: float = 7.0,
                  rolling_window: float | None = None, rolling_step: float = 30.0,
                  n_boot: int = 60, random_state: int | None = 0,
                  progress: Callable[[int, int], None] | None = None) -> TableAnalysis:
    """Fit `model` on [start_time, end_time] (refused below the minimum-data rule), test its
    residuals, and backtest it and roll it over windows when asked."""
    table = EventTable.coerce(events, model.n_dims)
    check = require_data(table, window=f"[{start_time:g}, {end_time:g}]")
    model.fit(table, end_time=end_time, start_time=start_time)
    goodness = model.goodness_of_fit(table, end_time, start_time)
    fit = fit_window(model)
    tested = backtest(table, end_time=end_time, start_time=start_time, fit=fit, horizon=horizon,
                      step=horizon, random_state=random_state, progress=progress) \
        if with_backtest else None
    rolling = rolling_index(table, end_time=end_time, start_time=start_time, fit=fit,
                            window=rolling_window, step=rolling_step, n_boot=n_boot,
                            random_state=random_state, progress=progress) \
        if rolling_window else None
    return TableAnalysis(model, check, goodness, tested, rolling)
