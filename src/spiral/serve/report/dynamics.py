"""The report's dynamics section: the spiral index in words, its goodness of fit, its backtest
against two baselines, the index over time and scenario forecast bands, or a plain "too few
events to estimate"."""

from __future__ import annotations

import logging
import math
from datetime import timedelta
from pathlib import Path
from typing import Any

import polars as pl

from spiral.dynamics.evaluation import MINIMUM_DATA
from spiral.dynamics.scenarios import Scenario
from spiral.dynamics.streams import (
    backtest_from_frame,
    fit_from_frame,
    forecast,
    rolling_from_frame,
)
from spiral.errors import ModelError, TooFewEventsError

log = logging.getLogger(__name__)

REPORT_DIMS = ["RUS->UKR:material_conflict", "UKR->RUS:material_conflict"]
MIN_ROLLING_WINDOW_DAYS = 180
ROLLING_STEPS_PER_WINDOW = 4


def dynamics_rows(events: pl.DataFrame, scenario_files: list[Path], *,
                  dims: list[str] = REPORT_DIMS, horizon_days: int = 90,
                  n_runs: int = 300) -> dict[str, Any]:
    """The report's dynamics rows: `spiral_index`, `qq_rows`, `backtest_rows` (or
    `backtest_error`), `rolling_index_rows` and `forecast_rows` (ReportData's fields). Below
    the minimum-data rule the index row carries the reason and no value, and nothing else is
    drawn."""
    empty: dict[str, Any] = {"spiral_index": [], "qq_rows": [], "rolling_index_rows": [],
                             "forecast_rows": [], "backtest_rows": [], "backtest_error": ""}
    dated = events.filter(pl.col("date").is_not_null())
    if dated.is_empty():
        return empty
    label = " and ".join(d.split(":")[0] for d in dims) + " material conflict"
    # the window opens with the first story between the two parties, in any event class,
    # and closes with the last dated event
    parties = {code for d in dims for code in d.split(":")[0].split("->")}
    between = dated.filter(pl.col("actor_code").is_in(parties)
                           & pl.col("recipient_code").is_in(parties))
    if between.is_empty():
        log.info("no dynamics section: no dated events between %s", sorted(parties))
        return empty
    origin, end = between["date"].min(), dated["date"].max() + timedelta(days=1)
    try:
        fit = fit_from_frame(events, origin=origin, end=end, dims=dims)
    except TooFewEventsError as error:
        return {**empty, "spiral_index": [{"label": label, "value": None, "low": None,
                                           "high": None, "verdict": str(error), "note": ""}]}
    except ModelError as error:
        log.info("no dynamics section: %s", error)
        return empty
    summary = fit.summary()
    note = (f"window {fit.window}; {summary['n_events']} story events "
            f"({', '.join(map(str, summary['events_per_dim']))} per dimension); decay "
            f"{summary['decays_per_day'][0]:g}/day; 90% parametric-bootstrap interval")
    if summary["spiral_index"] >= 0.95:
        note += "; the forecast damps the excitation to an index of 0.95"
    index = [{"label": label, "value": summary["spiral_index"], "low": summary["interval_90"][0],
              "high": summary["interval_90"][1], "verdict": summary["verdict"], "note": note}]
    window_days = _rolling_window_days(summary["events_per_dim"], (end - origin).days)
    rolling = rolling_from_frame(events, origin=origin, end=end, dims=dims,
                                 window_days=window_days,
                                 step_days=window_days // ROLLING_STEPS_PER_WINDOW) \
        if window_days < (end - origin).days else []
    scenarios = [None, *(Scenario.from_yaml(path) for path in scenario_files)]
    bands = pl.concat([forecast(fit, s, horizon_days=horizon_days, bin_days=7, n_runs=n_runs)
                       for s in scenarios])
    caption = {"window": fit.window, "n_events": summary["n_events"],
               "decay_per_day": summary["decays_per_day"][0]}
    backtest: dict[str, Any] = {"backtest_rows": [], "backtest_error": ""}
    try:
        tested = backtest_from_frame(events, origin=origin, end=end, dims=dims)
        backtest["backtest_rows"] = [{**row, "n_skipped_origins": tested.n_skipped}
                                     for row in tested.summary()]
    except TooFewEventsError as error:
        backtest["backtest_error"] = str(error)
    return {"spiral_index": index, **backtest,
            "qq_rows": [{**row, **caption} for row in fit.qq_rows()],
            "rolling_index_rows": [_rolling_row(row) for row in rolling],
            "forecast_rows": [{**row, "day": str(row["day"]), **caption}
                              for row in bands.to_dicts()]}


def _rolling_window_days(events_per_dim: list[int], span_days: int) -> int:
    """Windows long enough that, at the window's average rates, the quietest dimension meets
    the minimum-data rule with a fifth to spare; at least MIN_ROLLING_WINDOW_DAYS."""
    needed = MINIMUM_DATA["events_per_dim"] * 1.2 * span_days / max(1, min(events_per_dim))
    return max(MIN_ROLLING_WINDOW_DAYS, math.ceil(needed))


def _rolling_row(row: dict[str, Any]) -> dict[str, Any]:
    return {key: row[key] for key in ("from", "to", "n_events", "spiral_index", "low", "high",
                                      "decay_per_day", "verdict")}
