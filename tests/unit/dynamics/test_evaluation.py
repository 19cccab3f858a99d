"""Minimum-data rule, the index in words, backtests against baselines, the rolling index."""

from __future__ import annotations

import numpy as np
import pytest

from spiral.dynamics.evaluation import (
    MINIMUM_DATA,
    TOO_FEW,
    backtest,
    check_data,
    fit_window,
    index_verdict,
    require_data,
    rolling_index,
)
from spiral.dynamics.hawkes import EventTable, HawkesModel
from spiral.dynamics.recursions import target_states
from spiral.errors import TooFewEventsError

EXCITED = HawkesModel.from_parameters(baseline=[0.3, 0.2], adjacency=[[[0.5], [0.3]], [[0.3], [0.4]]],
                                      decays=[1.0])
POISSON = HawkesModel.from_parameters(baseline=[0.6, 0.5], adjacency=np.zeros((2, 2, 1)),
                                      decays=[1.0])


def test_minimum_data_rule_counts_every_dimension() -> None:
    enough = MINIMUM_DATA["events_per_dim"]
    table = EventTable(np.arange(2.0 * enough + 1), np.array([0, 1] * enough + [1]), 2)
    assert check_data(table).enough and check_data(table).n_events == 2 * enough + 1
    lopsided = EventTable(np.arange(3.0 * enough), np.array([0] * (3 * enough - 1) + [1]), 2)
    check = check_data(lopsided, dim_names=["a", "b"])
    assert not check.enough
    assert check.reason.startswith(TOO_FEW) and check.reason.endswith("short: b")
    with pytest.raises(TooFewEventsError, match=r"2024-09-01 to 2024-11-30: too few events to "
                                                r"estimate: 6 events \(3, 3 per dimension\)"):
        require_data(EventTable(np.arange(6.0), np.array([0, 1] * 3), 2),
                     window="2024-09-01 to 2024-11-30")


@pytest.mark.parametrize(("low", "high", "words"), [
    (0.2, 0.8, "reactions die out"), (1.01, 1.4, "self-sustaining"), (0.0, 1.06, "inconclusive"),
    (0.0, 0.0, "reactions die out")])
def test_index_verdict_names_an_interval_including_one_inconclusive(low, high, words) -> None:
    assert index_verdict(low, high).startswith(words)


def test_target_states_match_the_direct_sums() -> None:
    rng = np.random.default_rng(0)
    times = np.sort(np.round(rng.uniform(0, 20, 60), 1))  # rounding makes same-instant ties
    dims = rng.integers(0, 3, 60)
    decays = np.array([0.5, 2.0])
    for target in range(3):
        states, counts = target_states(times, dims, 3, decays, target)
        mine = np.flatnonzero(dims == target)
        for row, k in enumerate(mine):
            earlier = times < times[k]
            for j in range(3):
                gaps = times[k] - times[earlier & (dims == j)]
                assert counts[row, j] == gaps.size
                assert np.allclose(states[row, j], np.exp(-np.outer(gaps, decays)).sum(axis=0))


def test_fit_with_fewer_events_than_parameters_converges() -> None:
    with np.testing.assert_no_warnings():
        model = HawkesModel(decays=[2.0], n_dims=6).fit([[0.5], [0.7], [], [0.2, 0.9], [], []],
                                                        end_time=1.0)
    assert model.converged_ and np.isfinite(model.loglik_)


@pytest.fixture(scope="module")
def excited_backtest():
    run = EXCITED.simulate(horizon=500.0, n_runs=1, random_state=3).runs[0]
    return backtest(run, end_time=500.0, fit=fit_window(HawkesModel(decays=[1.0])), step=14.0,
                    n_runs=100, dim_names=["a", "b"])


def test_backtest_hawkes_beats_constant_rate_on_self_exciting_data(excited_backtest) -> None:
    summary = {row["dim"]: row for row in excited_backtest.summary()}
    assert set(summary) == {"a", "b"}
    for row in summary.values():
        assert row["skill_vs_constant"] > 0
        assert row["verdict"].startswith("beats the constant-rate Poisson baseline")
        assert 0.75 <= row["coverage90_hawkes"] <= 1.0
        assert row["coverage50_hawkes"] < row["coverage90_hawkes"]


def test_backtest_says_when_hawkes_does_not_beat_a_constant_rate() -> None:
    run = POISSON.simulate(horizon=400.0, n_runs=1, random_state=4).runs[0]
    result = backtest(run, end_time=400.0, fit=fit_window(HawkesModel(decays=[1.0])), step=14.0,
                      n_runs=100)
    for row in result.summary():
        assert "beats the constant" not in row["verdict"]
        assert abs(row["skill_vs_constant"]) < 0.1


def test_backtest_refuses_when_no_origin_has_enough_data() -> None:
    run = POISSON.simulate(horizon=100.0, n_runs=1, random_state=4).runs[0]
    with pytest.raises(TooFewEventsError, match="no backtest origin"):
        backtest(run, end_time=100.0, fit=fit_window(HawkesModel(decays=[1.0])))


def test_rolling_index_sees_the_spiral_tighten() -> None:
    calm = HawkesModel.from_parameters(baseline=[0.8, 0.8], adjacency=[[[0.1], [0.05]], [[0.05], [0.1]]],
                                       decays=[1.0])
    first = calm.simulate(horizon=400.0, n_runs=1, random_state=5).runs[0]
    second = EXCITED.simulate(horizon=400.0, n_runs=1, start_time=400.0, random_state=6).runs[0]
    both = EventTable(np.r_[first.times, second.times], np.r_[first.dims, second.dims], 2)
    points = rolling_index(both, end_time=800.0, fit=fit_window(HawkesModel(decays=[1.0])),
                           window=300.0, step=100.0, n_boot=10)
    assert [p.end for p in points] == [300.0, 400.0, 500.0, 600.0, 700.0, 800.0]
    assert points[0].index < 0.35 < EXCITED.spectral_radius_ - 0.15 < points[-1].index
    assert all(p.low <= p.index <= p.high for p in points)
    short = rolling_index(both, end_time=800.0, fit=fit_window(HawkesModel(decays=[1.0])),
                          window=40.0, step=400.0, n_boot=5)
    assert [p.verdict for p in short] == [TOO_FEW, TOO_FEW] and short[0].index is None
