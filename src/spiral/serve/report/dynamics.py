"""The report's dynamics section: spiral index with its interval, and scenario forecast bands."""

from __future__ import annotations

import logging
from datetime import timedelta
from pathlib import Path

import polars as pl

from spiral.dynamics.scenarios import Scenario
from spiral.dynamics.streams import event_streams, fit_from_frame, forecast
from spiral.errors import ModelError
from spiral.serve.report.model import Rows

log = logging.getLogger(__name__)

REPORT_DIMS = ["RUS->UKR:material_conflict", "UKR->RUS:material_conflict"]
MIN_EVENTS = 4


def dynamics_rows(events: pl.DataFrame, scenario_files: list[Path], *,
                  dims: list[str] = REPORT_DIMS, horizon_days: int = 90,
                  n_runs: int = 300) -> tuple[Rows, Rows]:
    """(spiral index rows, forecast rows) for the report; empty when the data are too thin."""
    dated = events.filter(pl.col("date").is_not_null())
    if dated.is_empty():
        return [], []
    try:
        # the window opens with the first story between the two parties, in any event class,
        # and closes after the last story of the chosen dimensions
        parties = {code for d in dims for code in d.split(":")[0].split("->")}
        between = dated.filter(pl.col("actor_code").is_in(parties)
                               & pl.col("recipient_code").is_in(parties))
        if between.is_empty():
            raise ModelError(f"no dated events between {sorted(parties)}")
        origin = between["date"].min()
        table, _ = event_streams(events, origin=origin,
                                 end=dated["date"].max() + timedelta(days=1), dims=dims)
        if table.times.size < MIN_EVENTS:
            raise ModelError(f"only {table.times.size} story events in {dims}")
        last = origin + timedelta(days=int(table.times.max()))
        fit = fit_from_frame(events, origin=origin, end=last + timedelta(days=1), dims=dims)
    except ModelError as error:
        log.info("no dynamics section: %s", error)
        return [], []
    summary = fit.summary()
    note = (f"{summary['n_events']} story events, {origin} to {last}; decay "
            f"{summary['decays_per_day'][0]:g}/day; 90% parametric-bootstrap interval")
    if summary["spiral_index"] >= 0.95:
        note += "; the forecast damps the excitation to an index of 0.95"
    index = [{"label": " and ".join(d.split(":")[0] for d in dims) + " material conflict",
              "value": summary["spiral_index"], "low": summary["interval_90"][0],
              "high": summary["interval_90"][1], "note": note}]
    scenarios = [None, *(Scenario.from_yaml(path) for path in scenario_files)]
    bands = pl.concat([forecast(fit, s, horizon_days=horizon_days, bin_days=7, n_runs=n_runs)
                       for s in scenarios])
    return index, bands.to_dicts()
