"""The Hawkes fit (who excites whom, the spiral index and what it says) and scenarios."""

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
    verdict ('inconclusive' when the interval straddles 1, 'too few events' below 10)."""
    _, summary = queries.fit(catalog, dims=p.dims, origin=p.origin, end=p.end, decay=p.decay,
                             n_boot=p.n_boot)
    return summary


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
