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
from spiral.dynamics.daily import fit_daily
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

    def summary(self) -> dict[str, Any]:
        model = self.model
        return {
            "spiral_index": model.spectral_radius_,
            "interval_90": list(self.interval),
            "dims": self.dim_names,
            "baseline_per_day": model.baseline_[:, -1].tolist(),
            "branching": model.branching_.tolist(),
            "decays_per_day": model.decays_.tolist(),
            "loglik": model.loglik_,
            "origin": self.origin.isoformat(),
            "end": self.end.isoformat(),
            "n_events": int(self.history.times.size),
        }


def fit_from_frame(events: pl.DataFrame, *, origin: date, end: date,
                   dims: list[str] | None = None, decays: list[float] | None = None,
                   regimes: list[date] = (), penalty: str | None = "l2", alpha: float = 0.1,
                   n_boot: int = 30, random_state: int = 0) -> StoreFit:
    """Fit the Hawkes model to the store's events with a bootstrap interval of the spiral index.

    A light L2 shrinkage is the default: crisis corpora are short, and unshrunk excitations
    of rare dyads overfit.
    """
    table, names = event_streams(events, origin=origin, end=end, dims=dims)
    window = float((end - origin).days)
    model = HawkesModel(decays=decays or [0.2], penalty=penalty, alpha=alpha,
                        regimes=[float((r - origin).days) for r in regimes], n_dims=len(names))
    fitted = fit_daily(model, table, end_time=window, random_state=random_state)
    interval = (fitted.bootstrap(window, n_boot=n_boot, random_state=random_state)["spectral_radius"]
                if n_boot else (np.nan, np.nan))
    return StoreFit(fitted, names, origin, end, table, interval)


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
