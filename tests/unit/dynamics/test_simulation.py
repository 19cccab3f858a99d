"""Simulation: stationary means, explosive refusal, scenarios, the mean-field path, daily data."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from spiral.dynamics.daily import fit_daily
from spiral.dynamics.hawkes import EventTable, HawkesModel
from spiral.dynamics.scenarios import Scenario
from spiral.dynamics.simulation import expected_intensity
from spiral.errors import InputError, ModelError

MODEL = HawkesModel.from_parameters(baseline=[0.3, 0.2], adjacency=[[[0.3], [0.2]], [[0.25], [0.3]]],
                                    decays=[0.5])


def test_simulation_mean_counts_match_stationary_intensity() -> None:
    horizon = 2000.0
    counts = MODEL.simulate(horizon=horizon, n_runs=20, random_state=0).counts(bin_width=horizon)
    expected = MODEL.stationary_intensity() * horizon
    assert np.allclose(counts.mean(axis=0)[:, 0], expected, rtol=0.05)


def test_simulation_refuses_explosive_models() -> None:
    explosive = HawkesModel.from_parameters(baseline=[0.1], adjacency=[[[1.2]]], decays=[1.0])
    with pytest.raises(ModelError, match=r"1\.200.*allow_explosive=True"):
        explosive.simulate(horizon=10.0, n_runs=1)


def test_simulation_is_reproducible_with_a_seed() -> None:
    first = MODEL.simulate(horizon=100.0, n_runs=2, random_state=3).runs
    second = MODEL.simulate(horizon=100.0, n_runs=2, random_state=3).runs
    assert all(np.array_equal(a.times, b.times) for a, b in zip(first, second))


def test_scenario_cut_edge_produces_no_children_on_it() -> None:
    only_children = HawkesModel.from_parameters(baseline=[0.0, 0.0],
                                                adjacency=[[[0.0], [0.0]], [[0.9], [0.0]]],
                                                decays=[1.0])
    scenario = Scenario.model_validate({"name": "cut", "shocks": [{"dim": "a", "day": 0, "count": 50}],
                                        "excitation_edits": [{"source": "a", "target": "b",
                                                              "day": 0, "factor": 0}]})
    resolved = scenario.resolve(["a", "b"], origin=date(2024, 1, 1), start_time=0.0)
    runs = only_children.simulate(horizon=50.0, n_runs=5, scenario=resolved, random_state=0).runs
    assert all((run.dims == 0).sum() == 50 and (run.dims == 1).sum() == 0 for run in runs)


def test_scenario_shock_adds_its_events_and_their_expected_offspring() -> None:
    quiet = HawkesModel.from_parameters(baseline=[0.0], adjacency=[[[0.5]]], decays=[2.0])
    scenario = Scenario.model_validate({"name": "shock", "shocks": [{"dim": "a", "day": 1.0, "count": 40}]})
    resolved = scenario.resolve(["a"], origin=date(2024, 1, 1), start_time=0.0)
    runs = quiet.simulate(horizon=200.0, n_runs=200, scenario=resolved, random_state=1).runs
    sizes = np.array([run.times.size for run in runs])
    assert sizes.min() >= 40
    assert sizes.mean() == pytest.approx(40 / (1 - 0.5), rel=0.05)


def test_scenario_baseline_change_from_a_date() -> None:
    scenario = Scenario.model_validate({"name": "calm", "baseline_changes": [
        {"dim": "*", "date": "2024-01-11", "factor": 0.0}]})
    resolved = scenario.resolve(["a", "b"], origin=date(2024, 1, 1), start_time=0.0)
    assert resolved.baseline(np.array([1.0, 2.0]), 5.0).tolist() == [1.0, 2.0]
    assert resolved.baseline(np.array([1.0, 2.0]), 10.0).tolist() == [0.0, 0.0]


def test_scenario_file_errors_name_the_field(tmp_path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("name: x\nshocks:\n  - {dim: a, count: 2}\n")
    with pytest.raises(InputError, match=r"bad\.yaml: 'shocks\.0'.*exactly one of 'date' or 'day'"):
        Scenario.from_yaml(path)


def test_mean_field_path_tends_to_stationary_mean() -> None:
    path = expected_intensity(MODEL.parameters(), np.array([0.0, 200.0]), start_time=0.0)
    assert np.allclose(path[0], MODEL.baseline_at(0.0))
    assert np.allclose(path[1], MODEL.stationary_intensity(), rtol=1e-6)


def test_mean_field_path_matches_simulation_after_history() -> None:
    history = EventTable(np.array([99.0, 99.5, 99.9]), np.array([0, 0, 1]), 2)
    times = np.array([100.5, 101.5])
    expected = expected_intensity(MODEL.parameters(), times, history=history, start_time=100.0)
    counts = MODEL.simulate(horizon=2.0, n_runs=4000, history=history, start_time=100.0,
                            random_state=0).counts(bin_width=1.0).mean(axis=0)
    assert np.allclose(counts[:, 0], expected[0], rtol=0.1)


def test_daily_spreading_recovers_spiral_index_within_ten_percent() -> None:
    run = MODEL.simulate(horizon=20000.0, n_runs=1, random_state=2).runs[0]
    daily = EventTable(np.floor(run.times), run.dims, 2)
    naive = HawkesModel(decays=[0.5]).fit(daily, end_time=20000.0)
    spread = fit_daily(HawkesModel(decays=[0.5]), daily, end_time=20000.0, random_state=0)
    truth = MODEL.spectral_radius_
    assert abs(spread.spectral_radius_ - truth) / truth < 0.10
    assert naive.spectral_radius_ < 0.5 * truth  # the collapse the remedy fixes
