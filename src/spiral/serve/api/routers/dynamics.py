"""The Hawkes fit (who excites whom, the spiral index and what it says), how far to trust it
(residual QQ, backtest against baselines, the index over time) and scenarios."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Body, Depends, Query, Request

from spiral import validate
from spiral.dynamics.scenarios import Scenario
from spiral.errors import InputError
from spiral.serve import queries
from spiral.serve.api import models
from spiral.serve.api.deps import CatalogDep, ReadAccess
from spiral.serve.api.paging import TABLE_RESPONSES, Format, answer

router = APIRouter(tags=["dynamics"], dependencies=[ReadAccess])
CLASSES = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")


@dataclass(frozen=True, slots=True)
class FitParams:
    dims: list[str]
    origin: date | None
    end: date | None
    decay: float
    n_boot: int


def _dim(text: str) -> str:
    pair, sep, kind = text.strip().partition(":")
    if not sep:
        raise InputError(f"dims: {text!r} is not ACTOR->RECIPIENT:class, e.g. "
                         "RUS->UKR:material_conflict")
    actor, recipient = validate.dyad(pair, field="dims").split("-")
    return f"{actor}->{recipient}:{validate.choice(kind, CLASSES, field='dims')}"


def fit_params(
    dims: Annotated[str, Query(description="Comma-separated ACTOR->RECIPIENT:class.")] =
    ",".join(queries.DEFAULT_DIMS),
    origin: Annotated[str | None, Query(description="First day, YYYY-MM-DD; default: the "
                                        "first story between the parties.")] = None,
    end: Annotated[str | None, Query(description="Day after the last, YYYY-MM-DD.")] = None,
    decay: Annotated[float, Query(gt=0.001, le=50, description="Kernel decay per day.")] = 0.2,
    n_boot: Annotated[int, Query(ge=0, le=50, description="Bootstrap refits for the "
                                 "interval.")] = 20,
) -> FitParams:
    names = [_dim(d) for d in dims.split(",") if d.strip()]
    if not names or len(names) > 8 or len(set(names)) != len(names):
        raise InputError(f"dims={dims!r}: give 1 to 8 distinct dimensions")
    return FitParams(names, validate.iso_date(origin, field="origin"),
                     validate.iso_date(end, field="end"), decay, n_boot)


FitDep = Annotated[FitParams, Depends(fit_params)]


@router.get("/dynamics/fit", response_model=models.Fit,
            responses={422: {"model": models.Problem}})
def get_fit(catalog: CatalogDep, p: FitDep):
    """Fit the Hawkes model: branching matrix, spiral index with its 90% interval, and the
    verdict ('inconclusive' when the interval includes 1). Below the minimum-data rule
    (docs/dynamics.md) a 422 says "too few events to estimate" instead of a number."""
    _, summary = queries.fit(catalog, dims=p.dims, origin=p.origin, end=p.end, decay=p.decay,
                             n_boot=p.n_boot)
    return summary


FormatQuery = Annotated[Format, Query(description="json, csv or parquet.")]
TABLE = {422: {"model": models.Problem}, **TABLE_RESPONSES}


def _table(frame, fmt: Format, name: str):
    """A whole (unpaged) table, in the listings' envelope or as a CSV or Parquet file."""
    return answer(frame, fmt, next_cursor=None, total=frame.height, limit=frame.height,
                  name=name)


@router.get("/dynamics/qq", response_model=models.Page[models.ResidualQuantile],
            responses=TABLE)
def get_qq(catalog: CatalogDep, p: FitDep, format: FormatQuery = Format.json):
    """Goodness of fit: per dimension, 50 quantiles of the time-rescaled residuals against
    Exp(1)'s (on the diagonal when the model describes the event times) and the
    Kolmogorov-Smirnov p-value."""
    fitted, _ = queries.fit(catalog, dims=p.dims, origin=p.origin, end=p.end, decay=p.decay,
                            n_boot=0)
    return _table(queries.qq(fitted), format, "qq")


BacktestStep = Annotated[int, Query(ge=1, le=91, description="Days between origins.")]
MinTrain = Annotated[int, Query(ge=28, le=3650, description="Days before the first origin.")]
BacktestRuns = Annotated[int, Query(ge=10, le=500, description="Simulated futures per origin.")]


def _backtest(catalog, p: FitParams, step_days: int, min_train_days: int, n_runs: int):
    result = queries.backtest(catalog, dims=p.dims, origin=p.origin, end=p.end, decay=p.decay,
                              step_days=step_days, min_train_days=min_train_days, n_runs=n_runs)
    return queries.backtest_tables(result)


@router.get("/dynamics/backtest", response_model=models.Page[models.BacktestSummary],
            responses=TABLE)
def get_backtest(catalog: CatalogDep, p: FitDep, step_days: BacktestStep = 7,
                 min_train_days: MinTrain = 90, n_runs: BacktestRuns = 200,
                 format: FormatQuery = Format.json):
    """Backtest per dimension: refit at rolling origins, score the next week by out-of-sample
    log-likelihood and 50%/90% interval coverage against a constant-rate and a
    piecewise-constant Poisson baseline; the verdict says plainly whether the Hawkes model
    beats them. Origins with too few training events are skipped and counted."""
    summary, _ = _backtest(catalog, p, step_days, min_train_days, n_runs)
    return _table(summary, format, "backtest")


@router.get("/dynamics/backtest/origins", response_model=models.Page[models.BacktestOrigin],
            responses=TABLE)
def get_backtest_origins(catalog: CatalogDep, p: FitDep, step_days: BacktestStep = 7,
                         min_train_days: MinTrain = 90, n_runs: BacktestRuns = 200,
                         format: FormatQuery = Format.json):
    """The backtest per origin and dimension: the week's events, each model's log-likelihood
    and mean, and whether its 50% and 90% intervals held the count."""
    _, origins = _backtest(catalog, p, step_days, min_train_days, n_runs)
    return _table(origins, format, "backtest-origins")


@router.get("/dynamics/rolling", response_model=models.Page[models.RollingIndex],
            responses=TABLE)
def get_rolling(catalog: CatalogDep, p: FitDep,
                window_days: Annotated[int, Query(ge=28, le=3650, description="Days per "
                                                  "window.")] = 180,
                step_days: Annotated[int, Query(ge=1, le=365, description="Days between "
                                                "windows' ends.")] = 30,
                format: FormatQuery = Format.json):
    """The spiral index over time: every `window_days` window ending on the last day, then
    every `step_days` earlier, with its 90% interval (`n_boot` refits) and verdict, or "too
    few events to estimate" and no number."""
    rows = queries.rolling(catalog, dims=p.dims, origin=p.origin, end=p.end, decay=p.decay,
                           window_days=window_days, step_days=step_days, n_boot=p.n_boot)
    return _table(rows, format, "rolling-index")


def _forecast(catalog, p: FitParams, scenario: Scenario | None, horizon: int, n_runs: int,
              bin_days: int) -> list[dict]:
    fitted, _ = queries.fit(catalog, dims=p.dims, origin=p.origin, end=p.end, decay=p.decay,
                            n_boot=0)
    return queries.forecast(catalog, fitted, scenario, horizon_days=horizon, n_runs=n_runs,
                            bin_days=bin_days).to_dicts()


Horizon = Annotated[int, Query(ge=7, le=365, description="Days to simulate.")]
Runs = Annotated[int, Query(ge=10, le=500, description="Simulated futures.")]
Bin = Annotated[int, Query(ge=1, le=30, description="Days per bin.")]


@router.get("/dynamics/scenarios", response_model=list[Scenario])
def list_scenarios(request: Request):
    """The what-if scenarios this server offers (`spiral serve --scenario FILE`)."""
    return list(request.app.state.scenarios.values())


@router.get("/dynamics/forecast", response_model=list[models.ForecastRow],
            responses={422: {"model": models.Problem}})
def get_forecast(request: Request, catalog: CatalogDep, p: FitDep, horizon: Horizon = 90,
                 n_runs: Runs = 200, bin_days: Bin = 7,
                 scenario: Annotated[str, Query(description="'baseline' or the name of a "
                                                "scenario of /dynamics/scenarios.")] = "baseline"):
    """The observed counts per bin, then the forecast's mean and 5-95% band (baseline, or a
    scenario the server offers)."""
    offered = request.app.state.scenarios
    name = validate.choice(scenario, ["baseline", *offered], field="scenario")
    return _forecast(catalog, p, offered.get(name), horizon, n_runs, bin_days)


@router.post("/dynamics/forecast", response_model=list[models.ForecastRow],
             responses={422: {"model": models.Problem}})
def post_forecast(catalog: CatalogDep, p: FitDep,
                  scenario: Annotated[Scenario, Body(description="A what-if, as in the "
                                                     "scenario YAML files.")],
                  horizon: Horizon = 90, n_runs: Runs = 200, bin_days: Bin = 7):
    """The observed counts, then the forecast under a scenario (shocks, baseline changes,
    excitation edits). Reads nothing but the store, so it needs no token on loopback."""
    return _forecast(catalog, p, scenario, horizon, n_runs, bin_days)
