"""`spiral fit-hawkes` on a (time, dim) CSV writes the agreed FIT.json; `fit`/`simulate` on a store."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from spiral.dynamics.hawkes import HawkesModel
from spiral.serve.cli import app

pytestmark = pytest.mark.integration


def test_cli_fit_hawkes_writes_fit_json(tmp_path: Path) -> None:
    truth = HawkesModel.from_parameters(baseline=[0.5, 0.3], adjacency=[[[0.2], [0.3]], [[0.1], [0.2]]],
                                        decays=[1.0])
    run = truth.simulate(horizon=3000.0, n_runs=1, random_state=0).runs[0]
    events = tmp_path / "events.csv"
    events.write_text("time,dim\n" + "\n".join(f"{t},{d}" for t, d in zip(run.times, run.dims)))
    out = tmp_path / "fit.json"
    result = CliRunner().invoke(app, ["fit-hawkes", str(events), "--end-time", "3000",
                                      "--decays", "1.0", "--out", str(out)])
    assert result.exit_code == 0, result.output
    fit = json.loads(out.read_text())
    assert set(fit) >= {"baseline", "adjacency", "decays", "loglik", "converged", "fit_seconds"}
    assert np.array(fit["adjacency"]).shape == (2, 2, 1) and len(fit["baseline"]) == 2
    assert np.allclose(np.array(fit["adjacency"])[:, :, 0], truth.adjacency_[:, :, 0], atol=0.08)


def test_cli_fit_hawkes_names_a_bad_header(tmp_path: Path) -> None:
    events = tmp_path / "events.csv"
    events.write_text("t,d\n1,0\n")
    result = CliRunner().invoke(app, ["fit-hawkes", str(events), "--end-time", "3",
                                      "--out", str(tmp_path / "f.json")])
    assert result.exit_code == 2
    assert "events.csv" in result.output and "time,dim" in result.output


ROOT = Path(__file__).resolve().parents[2]


def _spiral(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """The command in a fresh process, as a user runs it."""
    # the package under test, wherever the command runs
    path = os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")])
    env = {**os.environ, "COLUMNS": "200", "PYTHONPATH": path}
    return subprocess.run([sys.executable, "-c", "from spiral.serve.cli import app; app()", *args],
                          cwd=cwd, env=env, capture_output=True, text=True, timeout=600,
                          check=False)


def _run(*args: str, cwd: Path):
    """The command in this process (start-up paid once), from folder `cwd`."""
    here = Path.cwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(app, list(args), env={"COLUMNS": "200"})
    finally:
        os.chdir(here)


def _write_events(path: Path, model: HawkesModel, horizon: float, seed: int) -> None:
    run = model.simulate(horizon=horizon, n_runs=1, random_state=seed).runs[0]
    path.write_text("time,dim\n" + "\n".join(f"{t},{d}" for t, d in zip(run.times, run.dims)))


def test_cli_fit_hawkes_says_too_few_events(tmp_path: Path) -> None:
    events = tmp_path / "events.csv"
    events.write_text("time,dim\n" + "\n".join(f"{t},{t % 2}" for t in range(10)))
    result = _spiral("fit-hawkes", str(events), "--end-time", "10", "--out", "fit.json",
                     cwd=tmp_path)
    assert result.returncode == 2
    assert "too few events to estimate: 10 events (5, 5 per dimension)" in result.stderr
    assert not (tmp_path / "fit.json").exists()


def test_cli_fit_hawkes_backtest_and_rolling(tmp_path: Path) -> None:
    truth = HawkesModel.from_parameters(baseline=[0.3, 0.2], adjacency=[[[0.5], [0.3]], [[0.3], [0.4]]],
                                        decays=[1.0])
    _write_events(tmp_path / "events.csv", truth, 500.0, seed=3)
    result = _run("fit-hawkes", "events.csv", "--end-time", "500", "--out", "fit.json",
                     "--backtest", "--rolling", "--window-days", "300", "--step-days", "200",
                     "--format", "json", cwd=tmp_path)
    assert result.exit_code == 0, result.output
    shown = json.loads(result.stdout)
    assert shown["fit"]["window"] == [0.0, 500.0] and min(shown["fit"]["events_per_dim"]) >= 100
    assert [t["p_value"] > 0.01 for t in shown["fit"]["goodness_of_fit"]] == [True, True]
    assert [row["dim"] for row in shown["backtest"]] == ["0", "1"]
    assert all(row["verdict"].startswith("beats the constant-rate") for row in shown["backtest"])
    assert [(p["from"], p["to"]) for p in shown["rolling"]] == [(0.0, 300.0), (200.0, 500.0)]
    assert all(p["low"] <= truth.spectral_radius_ <= p["high"] for p in shown["rolling"])


@pytest.fixture(scope="module")
def synthetic_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store holding a seeded synthetic GDELT file (examples/synthetic_gdelt.py): 400 days."""
    folder = tmp_path_factory.mktemp("synthetic")
    made = subprocess.run([sys.executable, str(ROOT / "examples" / "synthetic_gdelt.py"), "--seed",
                           "1", "--days", "400", "--out", "synthetic.export.CSV"], cwd=folder,
                          capture_output=True, text=True, check=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    assert "true spiral index 0.558" in made.stderr
    imported = _spiral("import", "gdelt", "synthetic.export.CSV", "--db", "s.duckdb", cwd=folder)
    assert imported.returncode == 0, imported.stderr
    return folder


def test_cli_fit_states_window_events_decay_and_verdict(synthetic_store: Path) -> None:
    result = _run("fit", "--db", "s.duckdb", "--origin", "2023-01-01", "--end", "2024-02-05",
                  cwd=synthetic_store)
    assert result.exit_code == 0, result.output
    first, second = result.stdout.splitlines()[:2]
    assert first.startswith("window 2023-01-01 to 2024-02-04: ") and first.endswith(
        "per dimension), decay 0.2/day")
    assert second.startswith("spiral index 0.") and (
        "reactions die out" in second or "inconclusive" in second)
    assert "goodness of fit" in result.stdout


def test_cli_fit_and_simulate_refuse_a_short_window(synthetic_store: Path) -> None:
    for command in ("fit", "simulate"):
        result = _run(command, "--db", "s.duckdb", "--origin", "2023-01-01", "--end",
                      "2023-02-01", cwd=synthetic_store)
        assert result.exit_code == 2
        assert "2023-01-01 to 2023-01-31: too few events to estimate" in result.stderr


@pytest.mark.slow
def test_cli_fit_backtest_and_rolling_on_a_store(synthetic_store: Path) -> None:
    result = _run("fit", "--db", "s.duckdb", "--origin", "2023-01-01", "--end", "2024-02-05",
                  "--backtest", "--rolling", "--window-days", "300", "--step-days", "100",
                  "--format", "json", cwd=synthetic_store)
    assert result.exit_code == 0, result.output
    shown = json.loads(result.stdout)
    assert {row["dim"] for row in shown["backtest"]["summary"]} == {
        "RUS->UKR:material_conflict", "UKR->RUS:material_conflict"}
    assert all(0.0 <= row["coverage90_hawkes"] <= 1.0 for row in shown["backtest"]["summary"])
    assert [p["to"] for p in shown["rolling"]] == ["2023-10-27", "2024-02-04"]
