"""From coded events to Hawkes dimensions (directed dyad x event class), and back to dates.

Events are first merged into story events (one real event, many reports), so fifty outlets
reporting one strike add one event, not fifty. Times are days since `origin`; since coded
events carry dates, not times, fits go through the within-day spreading remedy.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import numpy as np
import polars as pl

from spiral.analysis.stories import stories
from spiral.dynamics.daily import fit_daily, spread_within_day
from spiral.dynamics.evaluation import (
    Backtest,
    Fit,
    backtest,
    index_verdict,
    require_data,
    rolling_index,
)
from spiral.dynamics.hawkes import EventTable, HawkesModel
from spiral.dynamics.scenarios import Scenario
from spiral.errors import ModelError
from spiral.plover import QUAD_NAMES


def dim_name(actor: str, recipient: str, quad_code: int) -> str:
    """'RUS->UKR:material_conflict'."""
    return f"{actor}->{recipient}:{QUAD_NAMES.get(quad_code, 'other')}"


def event_streams(events: pl.DataFrame, *, origin: date, end: date,
                  dims: list[str] | None = None, min_events: int = 3) -> tuple[EventTable, list[str]]:
    """Story events as (time in days since origin, dimension) for the busiest dyad-classes.

    `dims` picks dimensions by name; by default every dyad-class with at least `min_events`
    story events in [origin, end).
    """
    story = stories(events).filter(pl.col("date").is_not_null()
                                   & (pl.col("date") >= origin) & (pl.col("date") < end))
    story = story.with_columns(
        pl.struct("actor_code", "recipient_code", "quad_code").map_elements(
            lambda r: dim_name(r["actor_code"], r["recipient_code"], r["quad_code"]),
            return_dtype=pl.String).alias("dim_name"))
    if dims is None:
        counts = story.group_by("dim_name").len().filter(pl.col("len") >= min_events)
        dims = sorted(counts["dim_name"].to_list())
    if not dims:
        raise ModelError(f"no dyad-class has {min_events} or more story events between {origin} "
                         f"and {end}; widen the window or lower min_events")
    chosen = story.filter(pl.col("dim_name").is_in(dims))
    days = np.array([(d - origin).days for d in chosen["date"].to_list()], dtype=float)
    index = np.array([dims.index(n) for n in chosen["dim_name"].to_list()], dtype=np.int64)
    return EventTable.coerce(pl.DataFrame({"time": days, "dim": index}), len(dims)), dims


@dataclass(frozen=True, slots=True)
class StoreFit:
    """A model fitted to store events, with what is needed to read it in dates."""

    model: HawkesModel
    dim_names: list[str]
    origin: date
    end: date
    history: EventTable
    interval: tuple[float, float]
    goodness: dict[str, Any]

    @property
    def window(self) -> str:
        """'2024-09-01 to 2024-11-30': the first and last day of the window."""
        return f"{self.origin} to {self.end - timedelta(days=1)}"

    def summary(self) -> dict[str, Any]:
        model = self.model
        low, high = self.interval
        return {
            "spiral_index": model.spectral_radius_,
            "interval_90": list(self.interval),
            "verdict": index_verdict(low, high),
            "dims": self.dim_names,
            "baseline_per_day": model.baseline_[:, -1].tolist(),
            "branching": model.branching_.tolist(),
            "decays_per_day": model.decays_.tolist(),
            "loglik": model.loglik_,
            "origin": self.origin.isoformat(),
            "end": self.end.isoformat(),
            "window": self.window,
            "n_events": int(self.history.times.size),
            "events_per_dim": np.bincount(self.history.dims,
                                          minlength=len(self.dim_names)).tolist(),
            "goodness_of_fit": [{"dim": name, **test}
                                for name, test in zip(self.dim_names, self.goodness["per_dim"])],
        }

    def qq_rows(self, n_points: int = 50) -> list[dict[str, Any]]:
        """Per dimension, quantiles of the time-rescaled residuals against Exp(1)'s: on the
        diagonal when the model describes the event times."""
        rows = []
        for name, values in zip(self.dim_names, self.goodness["residuals"]):
            if values.size == 0:
                continue
            probabilities = (np.arange(1, n_points + 1) - 0.5) / n_points
            observed = np.quantile(values, probabilities)
            rows += [{"dim": name, "expected": float(-np.log1p(-p)), "observed": float(o)}
                     for p, o in zip(probabilities, observed)]
        return rows


def _table_for(events: pl.DataFrame, origin: date, end: date,
               dims: list[str] | None) -> tuple[EventTable, list[str]]:
    """The window's streams, refused (TooFewEventsError) below the minimum-data rule."""
    table, names = event_streams(events, origin=origin, end=end, dims=dims)
    require_data(table, window=f"{origin} to {end - timedelta(days=1)}", dim_names=names)
    return table, names


def _daily_fit(decays: list[float] | None, penalty: str | None, alpha: float,
               regimes: list[float], n_dims: int, n_draws: int, random_state: int) -> Fit:
    model = HawkesModel(decays=decays or [0.2], penalty=penalty, alpha=alpha, regimes=regimes,
                        n_dims=n_dims)

    def fit(train: EventTable, start: float, end: float) -> HawkesModel:
        return fit_daily(model, train, end_time=end, start_time=start, n_draws=n_draws,
                         random_state=random_state)
    return fit


def fit_from_frame(events: pl.DataFrame, *, origin: date, end: date,
                   dims: list[str] | None = None, decays: list[float] | None = None,
                   regimes: list[date] = (), penalty: str | None = "l2", alpha: float = 0.1,
                   n_boot: int = 60, random_state: int = 0) -> StoreFit:
    """Fit the Hawkes model to the store's events with a bootstrap interval of the spiral index.

    A light L2 shrinkage is the default: crisis corpora are short, and unshrunk excitations
    of rare dyads overfit. Raises `TooFewEventsError` below the minimum-data rule. Goodness of
    fit is tested on one seeded within-day placement of the events.
    """
    table, names = _table_for(events, origin, end, dims)
    window = float((end - origin).days)
    fit = _daily_fit(decays, penalty, alpha, [float((r - origin).days) for r in regimes],
                     len(names), 8, random_state)
    fitted = fit(table, 0.0, window)
    interval = (fitted.bootstrap(window, n_boot=n_boot, random_state=random_state)["spectral_radius"]
                if n_boot else (np.nan, np.nan))
    spread = spread_within_day(table, np.random.default_rng(random_state))
    goodness = fitted.goodness_of_fit(spread, window)
    goodness["residuals"] = fitted.residuals(spread, window)
    return StoreFit(fitted, names, origin, end, table, interval, goodness)


def backtest_from_frame(events: pl.DataFrame, *, origin: date, end: date,
                        dims: list[str] | None = None, decays: list[float] | None = None,
                        penalty: str | None = "l2", alpha: float = 0.1, horizon_days: int = 7,
                        step_days: int = 7, min_train_days: int = 90, n_runs: int = 200,
                        random_state: int = 0, progress=None) -> Backtest:
    """`evaluation.backtest` on the store's story events, with origins as dates.

    Day-stamped events are placed inside their day once (seeded), so that every model is
    scored on the same event times; each refit averages four fresh placements (`fit_daily`).
    """
    table, names = _table_for(events, origin, end, dims)
    spread = spread_within_day(table, np.random.default_rng(random_state))
    result = backtest(spread, end_time=float((end - origin).days), fit=_daily_fit(
        decays, penalty, alpha, [], len(names), 4, random_state), horizon=horizon_days,
        step=step_days, min_train=min_train_days, n_runs=n_runs, dim_names=names,
        random_state=random_state, progress=progress)
    rows = [{**row, "origin": (origin + timedelta(days=int(row["origin"]))).isoformat()}
            for row in result.rows]
    return Backtest(rows, result.horizon, result.n_skipped, result.dim_names)


def rolling_from_frame(events: pl.DataFrame, *, origin: date, end: date,
                       dims: list[str] | None = None, decays: list[float] | None = None,
                       penalty: str | None = "l2", alpha: float = 0.1, window_days: int = 180,
                       step_days: int = 30, n_boot: int = 60, random_state: int = 0,
                       progress=None) -> list[dict[str, Any]]:
    """`evaluation.rolling_index` on the store's story events: one row per window, in dates."""
    table, names = event_streams(events, origin=origin, end=end, dims=dims)
    points = rolling_index(table, end_time=float((end - origin).days), fit=_daily_fit(
        decays, penalty, alpha, [], len(names), 8, random_state), window=window_days,
        step=step_days, n_boot=n_boot, random_state=random_state, progress=progress)
    return [{"from": (origin + timedelta(days=int(p.start))).isoformat(),
             "to": (origin + timedelta(days=int(p.end) - 1)).isoformat(),
             "n_events": int(sum(p.events_per_dim)), "events_per_dim": list(p.events_per_dim),
             "spiral_index": p.index, "low": p.low, "high": p.high, "decay_per_day": p.decay,
             "verdict": p.verdict} for p in points]


def forecast(fit: StoreFit, scenario: Scenario | None, *, horizon_days: int = 90,
             bin_days: int = 1, n_runs: int = 200, random_state: int = 0,
             max_radius: float = 0.95) -> pl.DataFrame:
    """Counts per dimension and bin of `bin_days` over the horizon: mean and 5/50/95% quantiles
    of the simulated runs, each bin dated by its first day.

    A short crisis window can put the estimated spiral index at or above 1. Projected forward,
    such a fit grows without bound within weeks, which says more about the estimate than about
    the future, so the projection uses the fit damped to `max_radius`; `StoreFit.summary`
    still reports the undamped index and its interval.
    """
    start = float((fit.end - fit.origin).days)
    resolved = scenario.resolve(fit.dim_names, origin=fit.origin, start_time=start) \
        if scenario else None
    model = fit.model.damped(max_radius)
    simulation = model.simulate(horizon=float(horizon_days), n_runs=n_runs, scenario=resolved,
                                history=fit.history, start_time=start, random_state=random_state,
                                allow_explosive=True)
    bands = simulation.quantiles(dim_names=fit.dim_names, bin_width=float(bin_days))
    return bands.with_columns(
        pl.col("bin").map_elements(lambda b: fit.end + timedelta(days=int(b) * bin_days),
                                   return_dtype=pl.Date).alias("day"),
        pl.lit(scenario.name if scenario else "baseline").alias("scenario"),
    ).select("scenario", "dim", "day", "mean", "q05", "q50", "q95")


@dataclass(frozen=True, slots=True)
class StoreAnalysis:
    """What `spiral fit` shows: the fit, and optionally its backtest and the index over time."""

    fit: StoreFit
    backtest: Backtest | None
    rolling: list[dict[str, Any]] | None


def analyse_from_frame(events: pl.DataFrame, *, origin: date, end: date,
                       dims: list[str] | None = None, decays: list[float] | None = None,
                       n_boot: int = 60, with_backtest: bool = False,
                       rolling_window_days: int | None = None, rolling_step_days: int = 30,
                       random_state: int = 0, progress=None) -> StoreAnalysis:
    """`fit_from_frame`, with `backtest_from_frame` and `rolling_from_frame` when asked."""
    fit = fit_from_frame(events, origin=origin, end=end, dims=dims, decays=decays,
                         n_boot=n_boot, random_state=random_state)
    tested = backtest_from_frame(events, origin=origin, end=end, dims=dims, decays=decays,
                                 random_state=random_state, progress=progress) \
        if with_backtest else None
    rolling = rolling_from_frame(events, origin=origin, end=end, dims=dims, decays=decays,
                                 window_days=rolling_window_days, step_days=rolling_step_days,
                                 n_boot=n_boot, random_state=random_state, progress=progress) \
        if rolling_window_days else None
    return StoreAnalysis(fit, tested, rolling)
