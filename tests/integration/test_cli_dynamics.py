"""`spiral fit-hawkes` on a (time, dim) CSV writes the agreed FIT.json; `fit`/`simulate` on a store."""

from __future__ import annotations

import json
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
