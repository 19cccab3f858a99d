"""Hawkes model: recovery of known parameters, scoring, residuals, errors."""

from __future__ import annotations

import numpy as np
import pytest

from spiral.dynamics.hawkes import EventTable, HawkesModel
from spiral.errors import ModelError, NotFittedError

BASELINE = np.array([0.4, 0.2, 0.3])
ADJACENCY = np.array([[[0.20], [0.30], [0.00]],
                      [[0.10], [0.20], [0.20]],
                      [[0.00], [0.25], [0.15]]])
DECAYS = [0.8]
HORIZON = 6000.0


@pytest.fixture(scope="module")
def truth() -> HawkesModel:
    return HawkesModel.from_parameters(baseline=BASELINE, adjacency=ADJACENCY, decays=DECAYS)


@pytest.fixture(scope="module")
def events(truth: HawkesModel) -> EventTable:
    return truth.simulate(horizon=HORIZON, n_runs=1, random_state=7).runs[0]


@pytest.fixture(scope="module")
def fitted(events: EventTable) -> HawkesModel:
    return HawkesModel(decays=DECAYS).fit(events, end_time=HORIZON)


def test_hawkes_recovers_known_parameters(fitted: HawkesModel, truth: HawkesModel) -> None:
    assert fitted.converged_
    assert np.linalg.norm(fitted.adjacency_ - ADJACENCY) / np.linalg.norm(ADJACENCY) < 0.15
    assert np.linalg.norm(fitted.baseline_[:, 0] - BASELINE) / np.linalg.norm(BASELINE) < 0.10
    assert abs(fitted.spectral_radius_ - truth.spectral_radius_) / truth.spectral_radius_ < 0.05


def test_hawkes_score_prefers_true_parameters(events: EventTable, truth: HawkesModel) -> None:
    perturbed = HawkesModel.from_parameters(baseline=BASELINE * 1.3, adjacency=ADJACENCY * 0.6,
                                            decays=DECAYS)
    assert truth.score(events, HORIZON) > perturbed.score(events, HORIZON)


def test_hawkes_fit_is_the_maximum(fitted: HawkesModel, events: EventTable) -> None:
    assert fitted.loglikelihood(events, HORIZON) == pytest.approx(fitted.loglik_, rel=1e-9)
    nudged = HawkesModel.from_parameters(baseline=fitted.baseline_ * 1.02,
                                         adjacency=fitted.adjacency_, decays=DECAYS)
    assert nudged.loglikelihood(events, HORIZON) < fitted.loglik_


def test_hawkes_residuals_pass_ks(fitted: HawkesModel, events: EventTable) -> None:
    assert fitted.goodness_of_fit(events, HORIZON)["p_value"] > 0.01


def test_hawkes_picks_decay_by_held_out_likelihood(events: EventTable) -> None:
    model = HawkesModel(decay_grid=(0.1, 0.8, 5.0)).fit(events, end_time=HORIZON)
    assert model.decays_.tolist() == [0.8]


def test_hawkes_regimes_give_piecewise_baselines(truth: HawkesModel) -> None:
    calm = truth.simulate(horizon=3000.0, n_runs=1, random_state=1).runs[0]
    loud = HawkesModel.from_parameters(baseline=BASELINE * 3, adjacency=ADJACENCY, decays=DECAYS)
    later = loud.simulate(horizon=3000.0, n_runs=1, start_time=3000.0, random_state=2).runs[0]
    both = _table(np.r_[calm.times, later.times], np.r_[calm.dims, later.dims])
    model = HawkesModel(decays=DECAYS, regimes=[3000.0]).fit(both, end_time=6000.0)
    ratio = model.baseline_[:, 1] / model.baseline_[:, 0]
    assert np.all((ratio > 2.0) & (ratio < 4.5))


def _table(times: np.ndarray, dims: np.ndarray) -> EventTable:
    import polars as pl
    return EventTable.coerce(pl.DataFrame({"time": times, "dim": dims}), 3)


def test_hawkes_requires_window_and_fit() -> None:
    with pytest.raises(ModelError, match="end_time is required"):
        HawkesModel(decays=[1.0]).fit([[0.5, 1.0]])
    with pytest.raises(ModelError, match="outside the window"):
        HawkesModel(decays=[1.0]).fit([[0.5, 5.0]], end_time=2.0)
    with pytest.raises(NotFittedError):
        HawkesModel(decays=[1.0]).score([[0.5]], end_time=1.0)


def test_hawkes_same_instant_events_do_not_excite_each_other() -> None:
    together = HawkesModel.from_parameters(baseline=[0.1], adjacency=[[[0.5]]], decays=[1.0])
    apart = [[1.0, 1.0]], [[1.0, 1.5]]
    assert together.loglikelihood(apart[0], 2.0) < together.loglikelihood(apart[1], 2.0)


def test_hawkes_ks_p_value_matches_the_exact_one() -> None:
    from scipy import stats

    from spiral.dynamics.hawkes import ks_exponential

    rng = np.random.default_rng(0)
    for n in (20, 100, 1000):
        for scale in (0.8, 1.0, 1.2):
            values = rng.exponential(scale, n)
            exact = stats.kstest(values, "expon")
            ours = ks_exponential(values)
            assert ours["ks_statistic"] == pytest.approx(exact.statistic, abs=1e-12)
            assert ours["p_value"] == pytest.approx(exact.pvalue, abs=0.02)


def test_hawkes_goodness_of_fit_flags_a_wrong_model(events: EventTable, truth: HawkesModel) -> None:
    wrong = HawkesModel.from_parameters(baseline=BASELINE * 3, adjacency=ADJACENCY * 0.2, decays=DECAYS)
    fits, misfits = truth.goodness_of_fit(events, HORIZON), wrong.goodness_of_fit(events, HORIZON)
    assert [t["p_value"] > 0.01 for t in fits["per_dim"]] == [True, True, True]
    assert [t["p_value"] < 0.001 for t in misfits["per_dim"]] == [True, True, True]
