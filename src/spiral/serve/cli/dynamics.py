"""Commands for the dynamics stage: fit-hawkes on any table, fit and simulate from the store."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from spiral.errors import InputError
from spiral.serve.cli.common import (
    DbOption,
    FormatOption,
    OutputFormat,
    console,
    print_json,
    print_table,
    settings_for,
)

DEFAULT_DIMS = "RUS->UKR:material_conflict,UKR->RUS:material_conflict"
OriginOption = Annotated[str, typer.Option(help="First day of the window, YYYY-MM-DD.")]
EndOption = Annotated[str, typer.Option(help="Day after the window's last day, YYYY-MM-DD.")]
DimsOption = Annotated[str, typer.Option(help="Comma-separated dimensions: ACTOR->RECIPIENT:class.")]
DecayOption = Annotated[float, typer.Option(help="Kernel decay per day.")]


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
) -> None:
    """Fit a multivariate Hawkes model to any (time, dim) table and write its parameters as JSON.

    Example: spiral fit-hawkes events.csv --end-time 1000 --decays 0.5,2 --out fit.json
    """
    import polars as pl

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
    model = HawkesModel(decays=rates).fit(table, end_time=end_time, start_time=start_time)
    result = model.to_dict()
    write_output(out, lambda tmp: tmp.write_text(json.dumps(result, indent=2) + "\n",
                                                 encoding="utf-8"),
                 is_ours=contains(b'"adjacency"'), what="Hawkes fit")
    console.print(f"wrote {out}: {len(result['baseline'])} dimensions, log-likelihood "
                  f"{model.loglik_:.2f}, spectral radius {model.spectral_radius_:.3f}, "
                  f"{model.fit_seconds_:.2f} s")


def fit(
    db: DbOption = None,
    origin: OriginOption = "2024-09-01",
    end: EndOption = "2024-12-01",
    dims: DimsOption = DEFAULT_DIMS,
    decay: DecayOption = 0.2,
    n_boot: Annotated[int, typer.Option(help="Bootstrap refits for the interval.")] = 30,
    format: FormatOption = OutputFormat.table,
) -> None:
    """Fit the Hawkes model to the store's story events: who excites whom, and the spiral index.

    Example: spiral fit --origin 2024-09-01 --end 2024-12-01 --format json
    """
    from spiral.dynamics.streams import fit_from_frame
    from spiral.store import open_store

    settings = settings_for(db)
    with open_store(settings.db, read_only=True) as store:
        events = store.events_frame()
    result = fit_from_frame(events, origin=_day(origin, "--origin"), end=_day(end, "--end"),
                            dims=dims.split(","), decays=[decay], n_boot=n_boot)
    summary = result.summary()
    if format is OutputFormat.json:
        print_json(summary)
        return
    low, high = summary["interval_90"]
    console.print(f"spiral index {summary['spiral_index']:.2f} (90% interval {low:.2f} to "
                  f"{high:.2f}) from {summary['n_events']} story events")
    print_table([{"excited": target, **{f"by {source}": f"{value:.2f}" for source, value in
                                        zip(summary["dims"], row)}}
                 for target, row in zip(summary["dims"], summary["branching"])],
                title="branching matrix: events of the row caused per event of the column")


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
    if format is OutputFormat.json:
        print_json(bands.with_columns(pl.col("day").cast(pl.String)).to_dicts())
        return
    print_table([{"dim": r["dim"], "from": str(r["day"]), "mean": f"{r['mean']:.2f}",
                  "5%": f"{r['q05']:.0f}", "50%": f"{r['q50']:.0f}", "95%": f"{r['q95']:.0f}"}
                 for r in bands.iter_rows(named=True)],
                title=f"{chosen.name if chosen else 'baseline'}: story events per {bin_days} days "
                      f"over {n_runs} simulated futures")


def register(app: typer.Typer) -> None:
    app.command("fit-hawkes")(fit_hawkes)
    app.command()(fit)
    app.command()(simulate)
