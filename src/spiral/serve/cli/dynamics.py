"""Commands for the dynamics stage: fit-hawkes on any table, fit and simulate from the store."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer

from spiral.errors import InputError
from spiral.serve.cli.common import (
    DbOption,
    FormatOption,
    OutputFormat,
    console,
    print_json,
    print_table,
    progress_bar,
    settings_for,
)

DEFAULT_DIMS = "RUS->UKR:material_conflict,UKR->RUS:material_conflict"
OriginOption = Annotated[str, typer.Option(help="First day of the window, YYYY-MM-DD.")]
EndOption = Annotated[str, typer.Option(help="Day after the window's last day, YYYY-MM-DD.")]
DimsOption = Annotated[str, typer.Option(help="Comma-separated dimensions: ACTOR->RECIPIENT:class.")]
DecayOption = Annotated[float, typer.Option(help="Kernel decay per day.")]
BacktestOption = Annotated[bool, typer.Option(
    "--backtest", help="Refit on weekly rolling origins and score each next week against a "
    "constant-rate and a piecewise-constant Poisson baseline.")]
RollingOption = Annotated[bool, typer.Option(
    "--rolling", help="The spiral index over time: fit every --window-days window, every "
    "--step-days.")]
WindowOption = Annotated[int, typer.Option(help="Days per window of --rolling.")]
StepOption = Annotated[int, typer.Option(help="Days between windows of --rolling.")]


def _day(value: str, field: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(f"{field}={value!r} is not an ISO 8601 date; write e.g. 2024-12-01") from None


def fit_hawkes(
    events_csv: Annotated[Path, typer.Argument(help="CSV with header time,dim.")],
    end_time: Annotated[float, typer.Option(help="End of the observation window.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="FIT.json to write.")],
    decays: Annotated[str, typer.Option(help="Decay rates, comma-separated, e.g. 0.5,2.")] = "1.0",
    start_time: Annotated[float, typer.Option(help="Start of the window.")] = 0.0,
    backtest: BacktestOption = False,
    rolling: RollingOption = False,
    window_days: WindowOption = 180,
    step_days: StepOption = 30,
    format: FormatOption = OutputFormat.table,
) -> None:
    """Fit a multivariate Hawkes model to any (time, dim) table and write its parameters as JSON.

    Times are in days for --backtest (weekly origins) and --rolling.

    Example: spiral fit-hawkes events.csv --end-time 1000 --decays 0.5,2 --out fit.json
    """
    import polars as pl

    from spiral.dynamics.evaluation import analyse_table
    from spiral.dynamics.hawkes import HawkesModel
    from spiral.store.outputs import contains, write_output

    try:
        table = pl.read_csv(events_csv, schema_overrides={"time": pl.Float64, "dim": pl.Int64})
    except (OSError, pl.exceptions.PolarsError) as error:
        raise InputError(f"{events_csv}: cannot read a time,dim table ({error})") from None
    if table.columns[:2] != ["time", "dim"]:
        raise InputError(f"{events_csv}: header is {table.columns}; expected time,dim")
    try:
        rates = [float(d) for d in decays.split(",")]
    except ValueError:
        raise InputError(f"--decays {decays!r}: expected numbers separated by commas") from None
    with progress_bar("backtest and rolling fits") as bar:
        result = analyse_table(table, end_time=end_time, start_time=start_time,
                               model=HawkesModel(decays=rates), with_backtest=backtest,
                               rolling_window=window_days if rolling else None,
                               rolling_step=step_days,
                               progress=lambda done, total: (bar.total(total), bar.advance()))
    model = result.model
    fitted = {**model.to_dict(), "window": [start_time, end_time],
              "events_per_dim": list(result.data.events_per_dim),
              "goodness_of_fit": result.goodness["per_dim"]}
    write_output(out, lambda tmp: tmp.write_text(json.dumps(fitted, indent=2) + "\n",
                                                 encoding="utf-8"),
                 is_ours=contains(b'"adjacency"'), what="Hawkes fit")
    extra = {"backtest": result.backtest.summary() if backtest else None,
             "rolling": [_point_row(p) for p in result.rolling] if rolling else None}
    if format is OutputFormat.json:
        print_json({"fit": fitted, **{k: v for k, v in extra.items() if v is not None}})
        return
    console.print(f"wrote {out}: {len(fitted['baseline'])} dimensions, window "
                  f"[{start_time:g}, {end_time:g}], {result.data.n_events} events "
                  f"({', '.join(map(str, result.data.events_per_dim))} per dimension), decays "
                  f"{', '.join(f'{d:g}' for d in model.decays_)}; log-likelihood "
                  f"{model.loglik_:.2f}, spectral radius {model.spectral_radius_:.3f}, "
                  f"{model.fit_seconds_:.2f} s")
    _show_goodness([str(i) for i in range(model.n_dims_)], result.data.events_per_dim,
                   result.goodness["per_dim"])
    if extra["backtest"] is not None:
        _show_backtest(extra["backtest"], result.backtest.n_skipped, "the next 7 time units")
    if extra["rolling"] is not None:
        print_table(_rounded(extra["rolling"]), title=f"spiral index over time: windows of "
                    f"{window_days} every {step_days}")


def _point_row(point: Any) -> dict[str, Any]:
    return {"from": point.start, "to": point.end, "n_events": int(sum(point.events_per_dim)),
            "spiral_index": point.index, "low": point.low, "high": point.high,
            "verdict": point.verdict}


def _rounded(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows of the index over time for a table: numbers rounded, the verdict's first words."""
    return [{k: f"{v:.2f}" if isinstance(v, float) else v.split(":")[0] if k == "verdict" else v
             for k, v in row.items() if k not in ("events_per_dim", "decay_per_day")}
            for row in rows]


def _show_goodness(names: list[str], counts: Any, tests: list[dict[str, Any]]) -> None:
    print_table([{"dimension": name, "events": n, "KS statistic": f"{t['ks_statistic']:.3f}",
                  "p-value": f"{t['p_value']:.3f}",
                  "time-rescaling test": "consistent with the model" if t["p_value"] >= 0.05
                  else "the model does not describe these event times (p < 0.05)"}
                 for name, n, t in zip(names, counts, tests)],
                title="goodness of fit: time-rescaled residuals against Exp(1), "
                      "Kolmogorov-Smirnov")


def _show_backtest(summary: list[dict[str, Any]], n_skipped: int, horizon: str) -> None:
    print_table([{"dimension": r["dim"], "origins": r["n_origins"], "events": r["n_events"],
                  "skill vs constant": f"{r['skill_vs_constant']:+.2f} ± "
                                       f"{r['skill_vs_constant_se']:.2f}",
                  "skill vs piecewise": f"{r['skill_vs_piecewise']:+.2f} ± "
                                        f"{r['skill_vs_piecewise_se']:.2f}",
                  **{f"{label} 50/90%": f"{r[f'coverage50_{model}']:.2f}/"
                                        f"{r[f'coverage90_{model}']:.2f}"
                     for model, label in (("hawkes", "hawkes"), ("constant", "const."),
                                          ("piecewise", "piecew."))}}
                 for r in summary],
                title=f"backtest of {horizon}: skill = out-of-sample log-likelihood of hawkes "
                      "minus baseline per origin ± s.e.; share of counts inside 50%/90% intervals")
    for r in summary:
        console.print(f"{r['dim']}: the Hawkes model {r['verdict']}.", highlight=False)
    if n_skipped:
        console.print(f"{n_skipped} origins skipped: too few training events before them.")


def fit(
    db: DbOption = None,
    origin: OriginOption = "2024-09-01",
    end: EndOption = "2024-12-01",
    dims: DimsOption = DEFAULT_DIMS,
    decay: DecayOption = 0.2,
    n_boot: Annotated[int, typer.Option(help="Bootstrap refits for the interval (60 in the coverage study).")] = 60,
    backtest: BacktestOption = False,
    rolling: RollingOption = False,
    window_days: WindowOption = 180,
    step_days: StepOption = 30,
    format: FormatOption = OutputFormat.table,
) -> None:
    """Fit the Hawkes model to the store's story events: who excites whom, and the spiral index.

    Below the minimum-data rule (docs/dynamics.md) it says "too few events to estimate" and
    exits with code 2 instead of giving a number.

    Example: spiral fit --origin 2024-09-01 --end 2024-12-01 --backtest --rolling --format json
    """
    from spiral.dynamics.streams import analyse_from_frame
    from spiral.store import open_store

    settings = settings_for(db)
    with open_store(settings.db, read_only=True) as store:
        events = store.events_frame()
    with progress_bar("backtest and rolling fits") as bar:
        result = analyse_from_frame(
            events, origin=_day(origin, "--origin"), end=_day(end, "--end"),
            dims=dims.split(","), decays=[decay], n_boot=n_boot, with_backtest=backtest,
            rolling_window_days=window_days if rolling else None, rolling_step_days=step_days,
            progress=lambda done, total: (bar.total(total), bar.advance()))
    summary = result.fit.summary()
    extra = {"backtest": {"rows": result.backtest.rows, "summary": result.backtest.summary(),
                          "n_skipped": result.backtest.n_skipped} if result.backtest else None,
             "rolling": result.rolling}
    if format is OutputFormat.json:
        print_json({**summary, **{k: v for k, v in extra.items() if v is not None}})
        return
    low, high = summary["interval_90"]
    console.print(f"window {summary['window']}: {summary['n_events']} story events "
                  f"({', '.join(map(str, summary['events_per_dim']))} per dimension), decay "
                  f"{decay:g}/day")
    console.print(f"spiral index {summary['spiral_index']:.2f} (90% interval {low:.2f} to "
                  f"{high:.2f}): {summary['verdict']}")
    print_table([{"excited": target, **{f"by {source}": f"{value:.2f}" for source, value in
                                        zip(summary["dims"], row)}}
                 for target, row in zip(summary["dims"], summary["branching"])],
                title="branching matrix: events of the row caused per event of the column")
    _show_goodness(summary["dims"], summary["events_per_dim"],
                   [{k: v for k, v in t.items() if k != "dim"} for t in summary["goodness_of_fit"]])
    if extra["backtest"]:
        _show_backtest(extra["backtest"]["summary"], extra["backtest"]["n_skipped"],
                       "the next week")
    if extra["rolling"] is not None:
        print_table(_rounded(extra["rolling"]), title=f"spiral index over time: {window_days}-day "
                    f"windows every {step_days} days, 90% intervals")


def simulate(
    scenario: Annotated[Path | None, typer.Option(help="Scenario YAML; none is the baseline.")] = None,
    db: DbOption = None,
    origin: OriginOption = "2024-09-01",
    end: EndOption = "2024-12-01",
    dims: DimsOption = DEFAULT_DIMS,
    decay: DecayOption = 0.2,
    horizon: Annotated[int, typer.Option(help="Days to simulate.")] = 90,
    n_runs: Annotated[int, typer.Option(help="Simulated futures.")] = 500,
    bin_days: Annotated[int, typer.Option(help="Days per bin of the counts.")] = 7,
    format: FormatOption = OutputFormat.table,
) -> None:
    """Simulate futures under a scenario: counts per dimension and bin with 5-95% bands.

    Example: spiral simulate --scenario examples/scenarios/long_range_missiles.yaml --horizon 90
    """
    import polars as pl

    from spiral.dynamics.scenarios import Scenario
    from spiral.dynamics.streams import fit_from_frame, forecast
    from spiral.store import open_store

    settings = settings_for(db)
    chosen = Scenario.from_yaml(scenario) if scenario else None
    with open_store(settings.db, read_only=True) as store:
        events = store.events_frame()
    result = fit_from_frame(events, origin=_day(origin, "--origin"), end=_day(end, "--end"),
                            dims=dims.split(","), decays=[decay], n_boot=0)
    bands = forecast(result, chosen, horizon_days=horizon, bin_days=bin_days, n_runs=n_runs)
    summary = result.summary()
    if format is OutputFormat.json:
        print_json([{**row, "window": summary["window"], "n_events": summary["n_events"],
                     "decay_per_day": decay}
                    for row in bands.with_columns(pl.col("day").cast(pl.String)).to_dicts()])
        return
    damped = ("; projected with the excitation damped to an index of 0.95"
              if summary["spiral_index"] >= 0.95 else "")
    console.print(f"fitted on {summary['window']}: {summary['n_events']} story events "
                  f"({', '.join(map(str, summary['events_per_dim']))} per dimension), decay "
                  f"{decay:g}/day, spiral index {summary['spiral_index']:.2f}{damped}")
    print_table([{"dim": r["dim"], "from": str(r["day"]), "mean": f"{r['mean']:.2f}",
                  "5%": f"{r['q05']:.0f}", "50%": f"{r['q50']:.0f}", "95%": f"{r['q95']:.0f}"}
                 for r in bands.iter_rows(named=True)],
                title=f"{chosen.name if chosen else 'baseline'}: story events per {bin_days} days "
                      f"over {n_runs} simulated futures")


def register(app: typer.Typer) -> None:
    app.command("fit-hawkes")(fit_hawkes)
    app.command()(fit)
    app.command()(simulate)
